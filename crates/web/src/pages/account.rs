//! Her own account: who she is, her language, and changing her password (which ends every
//! session, this one too, so a stolen session dies with the old password).

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use domain::audit::AuditAction;
use domain::policy::{Action, Resource};

use serde::Deserialize;

use super::{
    Choice, FormData, FormView, LangLink, Page, language_choices, render, render_with_status,
    see_other, sign_in,
};
use crate::{AppError, AppState, Ctx};
use app::Acting;
use app::accounts::{self};
use app::password;

#[derive(Template)]
#[template(path = "account.html")]
struct AccountTemplate<'a> {
    page: Page<'a>,
    username: String,
    organisation: String,
    roles: String,
    form: FormView,
    /// The network admin's link to the roles that must use a second factor.
    manage_two_factor: bool,
    /// The languages to save as hers, and the one saved now.
    languages: Vec<Choice>,
    saved_language: &'static str,
}

impl AccountTemplate<'_> {
    fn language_links(&self) -> &[LangLink] {
        &self.page.languages
    }
}

async fn account_page<'a>(
    state: &'a AppState,
    ctx: &'a Ctx,
    form: FormView,
) -> Result<AccountTemplate<'a>, AppError> {
    ctx.authorize(Action::UseOwnAccount, Resource::Network)?;
    let user = ctx.user()?;
    let mut page = Page::new(state, ctx, "/account", "account-title");
    if ctx.must_change_password && page.notice.is_none() {
        page.notice = Some(page.t.get("account-password-must-change"));
    }
    let org = state
        .store
        .organisation(user.org_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let roles = user
        .roles
        .iter()
        .map(|r| page.t.role(&r))
        .collect::<Vec<_>>()
        .join(", ");
    Ok(AccountTemplate {
        username: user.username.to_string(),
        organisation: org.fields.name.to_string(),
        roles,
        form,
        manage_two_factor: super::allowed(ctx, Action::RequireTwoFactor, Resource::Network),
        languages: language_choices(),
        saved_language: user.language.code(),
        page,
    })
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct AccountQuery {
    notice: Option<String>,
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    axum::extract::Query(query): axum::extract::Query<AccountQuery>,
) -> Result<Response, AppError> {
    let mut template = account_page(&state, &ctx, FormView::default()).await?;
    if query.notice.as_deref() == Some("language-saved") {
        template.page.notice = Some(template.page.t.get("account-language-saved"));
    }
    render(&template)
}

/// Saves her language: the only way her preference changes (a link with `?lang=` only sets
/// the language of this browser session). The session's cookie is cleared, so her choice shows
/// at once.
/// Her language for the pages.
#[derive(Default, Deserialize)]
#[serde(default)]
struct LanguageForm {
    language: String,
}

/// Changing her password: the current one, then the new one. No `Debug`: it holds both.
#[derive(Default, Deserialize)]
#[serde(default)]
struct PasswordForm {
    current_password: String,
    new_password: String,
}

pub async fn save_language(
    State(state): State<AppState>,
    ctx: Ctx,
    data: FormData,
) -> Result<Response, AppError> {
    ctx.authorize(Action::UseOwnAccount, Resource::Network)?;
    let user = ctx.user()?.clone();
    let origin = Acting {
        actor: Some(ctx.actor()?),
        source: ctx.source.clone(),
        at: state.clock.now(),
    };
    let form: LanguageForm = data.read()?;
    match accounts::set_language(&state.store, &origin, &user, &form.language)
        .await
        .map_err(AppError::from)
    {
        Ok(()) => {
            let mut response = see_other("/account?notice=language-saved");
            let cookie =
                crate::cookies::clear(crate::cookies::LANGUAGE, state.config.secure_cookies);
            if let Ok(v) = axum::http::HeaderValue::from_str(&cookie) {
                response
                    .headers_mut()
                    .append(axum::http::header::SET_COOKIE, v);
            }
            Ok(response)
        }
        Err(AppError::Invalid(errors)) => {
            let t = ctx.tr(&state.i18n);
            let form = FormView::default().with_errors(&t, &errors);
            let template = account_page(&state, &ctx, form).await?;
            render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &template)
        }
        Err(other) => Err(other),
    }
}

pub async fn change_password(
    State(state): State<AppState>,
    ctx: Ctx,
    data: FormData,
) -> Result<Response, AppError> {
    ctx.authorize(Action::UseOwnAccount, Resource::Network)?;
    let user = ctx.user()?.clone();
    let form: PasswordForm = data.read()?;
    let now = state.clock.now();
    let t = ctx.tr(&state.i18n);
    // The current password is checked with the same throttle as a sign-in: a session left
    // open on a shared computer is no way round it.
    let username = user.username.as_str();
    if let Err(wait) = state.throttle.before_attempt(username, &ctx.source, now) {
        let mut form = FormView::default();
        form.add_error("current_password", sign_in::wait_message(&t, wait));
        let template = account_page(&state, &ctx, form).await?;
        let response = render_with_status(StatusCode::TOO_MANY_REQUESTS, &template)?;
        return Ok(sign_in::with_retry_after(response, wait));
    }
    let credentials = state.store.credentials(&user.username).await?;
    let current_ok =
        password::verify(form.current_password, credentials.map(|c| c.password_hash)).await;
    let origin = Acting {
        actor: Some(ctx.actor()?),
        source: ctx.source.clone(),
        at: now,
    };
    if !current_ok {
        let event = origin.event(
            AuditAction::PasswordCheckFailed,
            format!("user:{}", user.id),
            Some(user.org_id),
        );
        state.store.append_audit(event).await?;
        if let Err(wait) = state.throttle.record_failure(username, &ctx.source, now) {
            let mut form = FormView::default();
            form.add_error("current_password", sign_in::wait_message(&t, wait));
            let template = account_page(&state, &ctx, form).await?;
            let response = render_with_status(StatusCode::TOO_MANY_REQUESTS, &template)?;
            return Ok(sign_in::with_retry_after(response, wait));
        }
        return reshow(
            &state,
            &ctx,
            StatusCode::UNPROCESSABLE_ENTITY,
            vec![crate::FieldError {
                field: "current_password".into(),
                message_id: "account-password-wrong",
                english: "the current password is not right".into(),
            }],
        )
        .await;
    }
    state.throttle.record_success(username, &ctx.source);
    match accounts::set_password(&state.store, &origin, &user, &form.new_password)
        .await
        .map_err(AppError::from)
    {
        Ok(()) => Ok(see_other("/sign-in?notice=password-changed")),
        Err(AppError::Invalid(errors)) => {
            reshow(&state, &ctx, StatusCode::UNPROCESSABLE_ENTITY, errors).await
        }
        Err(other) => Err(other),
    }
}

/// The page again with the form's problems beside their fields.
async fn reshow(
    state: &AppState,
    ctx: &Ctx,
    status: StatusCode,
    errors: Vec<crate::FieldError>,
) -> Result<Response, AppError> {
    let t = ctx.tr(&state.i18n);
    let form = FormView::default().with_errors(&t, &errors);
    let template = account_page(state, ctx, form).await?;
    render_with_status(status, &template)
}
