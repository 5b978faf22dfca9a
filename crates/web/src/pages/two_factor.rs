//! Two-factor sign-in pages: enrolment on *My account*, the roles that must use it (the network
//! admin), and a person's status with the reset when she lost her phone (her director, or the
//! network admin for directors). The rules are in `twofactor`.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use domain::policy::{Action, Resource};
use domain::{Role, User};

use serde::Deserialize;

use super::{Choice, FormData, FormView, Page, render, render_with_status, see_other, sign_in};
use crate::{AppError, AppState, Ctx};
use app::Acting;
use app::twofactor;

const ACCOUNT_PATH: &str = "/account/two-factor";

#[derive(Template)]
#[template(path = "two_factor.html")]
struct EnrolTemplate<'a> {
    page: Page<'a>,
    /// `Some(left)` when it is on: her recovery codes not used yet.
    on: Option<String>,
    required: bool,
    enrolment: Option<twofactor::Enrolment>,
    form: FormView,
}

#[derive(Template)]
#[template(path = "two_factor_codes.html")]
struct CodesTemplate<'a> {
    page: Page<'a>,
    codes: Vec<String>,
}

fn origin(state: &AppState, ctx: &Ctx) -> Result<Acting, AppError> {
    Ok(Acting {
        actor: Some(ctx.actor()?),
        source: ctx.source.clone(),
        at: state.clock.now(),
    })
}

async fn enrol_page<'a>(
    state: &'a AppState,
    ctx: &'a Ctx,
    form: FormView,
) -> Result<EnrolTemplate<'a>, AppError> {
    ctx.authorize(Action::UseOwnAccount, Resource::Network)?;
    let user = ctx.user()?;
    let page = Page::new(state, ctx, "/account", "twofactor-title");
    let on = if twofactor::enrolled(&state.store, user.id).await? {
        let left = state.store.recovery_codes_left(user.id).await?;
        Some(
            page.t
                .count("twofactor-on", usize::try_from(left).unwrap_or(0)),
        )
    } else {
        None
    };
    let required = on.is_none() && twofactor::required_of(&state.store, user).await?;
    let enrolment = match on {
        Some(_) => None,
        None => twofactor::pending_enrolment(&state.store, user).await?,
    };
    Ok(EnrolTemplate {
        page,
        on,
        required,
        enrolment,
        form,
    })
}

/// `GET /account/two-factor`: her status, or the QR code of an enrolment begun.
pub async fn show(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    render(&enrol_page(&state, &ctx, FormView::default()).await?)
}

/// `POST /account/two-factor/start`: a new secret to scan (a new one each time she starts).
pub async fn start(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    ctx.authorize(Action::UseOwnAccount, Resource::Network)?;
    let user = ctx.user()?;
    match twofactor::begin(&state.store, user, state.clock.now())
        .await
        .map_err(AppError::from)
    {
        Ok(()) => Ok(see_other(ACCOUNT_PATH)),
        Err(AppError::Invalid(errors)) => reshow(&state, &ctx, &errors).await,
        Err(other) => Err(other),
    }
}

async fn reshow(
    state: &AppState,
    ctx: &Ctx,
    errors: &[crate::FieldError],
) -> Result<Response, AppError> {
    let t = ctx.tr(&state.i18n);
    let form = FormView::default().with_errors(&t, errors);
    render_with_status(
        StatusCode::UNPROCESSABLE_ENTITY,
        &enrol_page(state, ctx, form).await?,
    )
}

/// `POST /account/two-factor/confirm`: the first code from her app; answers her recovery codes,
/// shown this once. Wrong codes count in the sign-in throttle.
pub async fn confirm(
    State(state): State<AppState>,
    ctx: Ctx,
    data: FormData,
) -> Result<Response, AppError> {
    ctx.authorize(Action::UseOwnAccount, Resource::Network)?;
    let user = ctx.user()?.clone();
    let now = state.clock.now();
    let t = ctx.tr(&state.i18n);
    let username = user.username.as_str();
    let throttled = |wait: i64, page: EnrolTemplate| {
        let mut page = page;
        page.form.add_error("code", sign_in::wait_message(&t, wait));
        render_with_status(StatusCode::TOO_MANY_REQUESTS, &page)
            .map(|r| sign_in::with_retry_after(r, wait))
    };
    if let Err(wait) = state.throttle.before_attempt(username, &ctx.source, now) {
        let page = enrol_page(&state, &ctx, FormView::default()).await?;
        return throttled(wait, page);
    }
    let origin = origin(&state, &ctx)?;
    let form: sign_in::CodeForm = data.read()?;
    match twofactor::confirm(&state.store, &origin, &user, &form.code)
        .await
        .map_err(AppError::from)
    {
        Ok(codes) => {
            state.throttle.record_success(username, &ctx.source);
            let page = Page::new(&state, &ctx, "/account", "twofactor-codes-heading");
            render(&CodesTemplate { page, codes })
        }
        Err(AppError::Invalid(errors)) => {
            if let Err(wait) = state.throttle.record_failure(username, &ctx.source, now) {
                let page = enrol_page(&state, &ctx, FormView::default()).await?;
                return throttled(wait, page);
            }
            reshow(&state, &ctx, &errors).await
        }
        Err(AppError::NotFound) => Ok(see_other(ACCOUNT_PATH)),
        Err(other) => Err(other),
    }
}

#[derive(Template)]
#[template(path = "two_factor_roles.html")]
struct RolesTemplate<'a> {
    page: Page<'a>,
    roles: Vec<Choice>,
    form: FormView,
}

/// The roles that may be required to use a second factor: every role.
fn role_choices(page: &Page) -> Vec<Choice> {
    Role::ALL
        .iter()
        .map(|r| Choice {
            value: r.as_str().to_string(),
            label: page.t.role(r),
        })
        .collect()
}

async fn roles_page<'a>(
    state: &'a AppState,
    ctx: &'a Ctx,
    notice: Option<&str>,
) -> Result<RolesTemplate<'a>, AppError> {
    ctx.authorize(Action::RequireTwoFactor, Resource::Network)?;
    let page = Page::new(state, ctx, "/two-factor", "twofactor-roles-title").notice(notice);
    let mut form = FormView::default();
    form.set_all(
        "roles",
        state
            .store
            .two_factor_roles()
            .await?
            .iter()
            .map(|r| r.as_str().to_string())
            .collect(),
    );
    Ok(RolesTemplate {
        roles: role_choices(&page),
        page,
        form,
    })
}

/// `GET /two-factor`: the roles that must use a second factor (the network admin).
pub async fn roles(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    render(&roles_page(&state, &ctx, None).await?)
}

/// The roles that must use a second factor (a checkbox each).
#[derive(Default, Deserialize)]
#[serde(default)]
struct RolesForm {
    roles: Vec<String>,
}

/// `POST /two-factor`: replaces them.
pub async fn set_roles(
    State(state): State<AppState>,
    ctx: Ctx,
    data: FormData,
) -> Result<Response, AppError> {
    ctx.authorize(Action::RequireTwoFactor, Resource::Network)?;
    let form: RolesForm = data.read()?;
    let mut roles = Vec::new();
    for text in form.roles {
        roles.push(text.parse::<Role>().map_err(|_| {
            AppError::Invalid(vec![crate::FieldError {
                field: "roles".into(),
                message_id: "error-unknown-role",
                english: format!("unknown role {text:?}"),
            }])
        })?);
    }
    twofactor::set_required_roles(&state.store, &origin(&state, &ctx)?, &roles).await?;
    render(&roles_page(&state, &ctx, Some("twofactor-roles-saved")).await?)
}

#[derive(Template)]
#[template(path = "two_factor_user.html")]
struct UserTemplate<'a> {
    page: Page<'a>,
    username: String,
    on: bool,
    action: String,
}

/// The person whose second factor is asked about, after the policy allowed it.
async fn load_target(state: &AppState, ctx: &Ctx, id: &str) -> Result<User, AppError> {
    let id = id.parse().map_err(|_| AppError::NotFound)?;
    let target = state.store.user(id).await?;
    let org = target
        .as_ref()
        .map(|u| u.org_id)
        .unwrap_or(ctx.actor()?.org_id);
    // Ask before revealing whether she exists in another organisation.
    ctx.authorize(Action::ViewUser, Resource::User { id, org })?;
    let target = target.ok_or(AppError::NotFound)?;
    twofactor::check_reset(&origin(state, ctx)?, &target)?;
    Ok(target)
}

async fn user_page<'a>(
    state: &'a AppState,
    ctx: &'a Ctx,
    target: &User,
    notice: Option<&str>,
) -> Result<UserTemplate<'a>, AppError> {
    let page = Page::new(
        state,
        ctx,
        &format!("/organisations/{}/users", target.org_id),
        "twofactor-title",
    )
    .notice(notice);
    Ok(UserTemplate {
        page,
        username: target.username.to_string(),
        on: twofactor::enrolled(&state.store, target.id).await?,
        action: format!("/users/{}/two-factor/reset", target.id),
    })
}

/// `GET /users/{id}/two-factor`: whether she uses a second factor, and the reset.
pub async fn user_status(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let target = load_target(&state, &ctx, &id).await?;
    render(&user_page(&state, &ctx, &target, None).await?)
}

/// `POST /users/{id}/two-factor/reset`: she lost her phone.
pub async fn reset(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let target = load_target(&state, &ctx, &id).await?;
    twofactor::reset(&state.store, &origin(&state, &ctx)?, &target).await?;
    render(&user_page(&state, &ctx, &target, Some("twofactor-reset-done")).await?)
}
