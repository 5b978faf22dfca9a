//! Signing in and out: Argon2id check, throttling per account and per address, a new session
//! with its own CSRF token, and an audit entry for every attempt.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::header::SET_COOKIE;
use axum::http::{HeaderValue, StatusCode};
use axum::response::Response;
use domain::audit::{AuditAction, AuditEvent};
use domain::{Timestamp, Username};
use serde::Deserialize;
use store::NewSession;

use super::{FormData, FormView, Page, render, render_with_status, see_other};
use crate::token::{hash_secret, random_hex};
use crate::{AppError, AppState, Ctx, accounts, cookies, password};

#[derive(Template)]
#[template(path = "sign_in.html")]
struct SignInTemplate<'a> {
    page: Page<'a>,
    form: FormView,
    problem: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct SignInQuery {
    /// A confirmation to show: `signed-out` or `password-changed`.
    notice: Option<String>,
}

pub async fn form(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(query): Query<SignInQuery>,
) -> Result<Response, AppError> {
    if ctx.user.is_some() {
        return Ok(see_other("/"));
    }
    let notice = match query.notice.as_deref() {
        Some("signed-out") => Some("sign-in-signed-out"),
        Some("password-changed") => Some("account-password-changed"),
        _ => None,
    };
    let page = Page::new(&state, &ctx, "/sign-in", "sign-in-title").notice(notice);
    render(&SignInTemplate {
        page,
        form: FormView::default(),
        problem: None,
    })
}

pub async fn submit(
    State(state): State<AppState>,
    ctx: Ctx,
    data: FormData,
) -> Result<Response, AppError> {
    let username_text = data.get("username").trim().to_lowercase();
    let password_text = data.get("password");
    let now = state.clock.now();
    let refuse = |status: StatusCode, message: String| {
        let page = Page::new(&state, &ctx, "/sign-in", "sign-in-title");
        let mut form = FormView::default();
        form.set("username", username_text.clone());
        render_with_status(
            status,
            &SignInTemplate {
                page,
                form,
                problem: Some(message),
            },
        )
    };

    if let Err(wait_seconds) = state.throttle.check(&username_text, &ctx.source, now) {
        audit(
            &state,
            &ctx,
            now,
            AuditAction::SignInThrottled,
            &username_text,
            None,
        )
        .await?;
        let minutes = ((wait_seconds + 59) / 60).to_string();
        let t = super::Tr {
            i18n: &state.i18n,
            lang: ctx.lang,
        };
        let mut response = refuse(
            StatusCode::TOO_MANY_REQUESTS,
            t.with(
                "sign-in-throttled",
                "minutes",
                &i18n::localise_digits(ctx.lang, &minutes),
            ),
        )?;
        if let Ok(v) = HeaderValue::from_str(&wait_seconds.to_string()) {
            response
                .headers_mut()
                .insert(axum::http::header::RETRY_AFTER, v);
        }
        return Ok(response);
    }

    let credentials = match username_text.parse::<Username>() {
        Ok(username) => state.store.credentials(&username).await?,
        Err(_) => None,
    };
    let stored_hash = credentials
        .as_ref()
        .filter(|c| c.user.active)
        .map(|c| c.password_hash.clone());
    let ok = password::verify(password_text.clone(), stored_hash).await;
    let user = match (ok, credentials) {
        (true, Some(c)) => c.user,
        _ => {
            state
                .throttle
                .record_failure(&username_text, &ctx.source, now);
            audit(
                &state,
                &ctx,
                now,
                AuditAction::SignInFailed,
                &username_text,
                None,
            )
            .await?;
            let t = super::Tr {
                i18n: &state.i18n,
                lang: ctx.lang,
            };
            return refuse(StatusCode::UNAUTHORIZED, t.get("sign-in-failed"));
        }
    };
    state.throttle.record_success(&username_text);
    let demo = state.config.demo;
    let admitted = accounts::admit(&state.store, &user, &password_text, demo, &ctx.source, now);
    if let Some(message_id) = admitted.await? {
        let t = super::Tr {
            i18n: &state.i18n,
            lang: ctx.lang,
        };
        return refuse(StatusCode::FORBIDDEN, t.get(message_id));
    }

    let session_id = random_hex();
    let session = NewSession {
        id_hash: hash_secret(&session_id),
        user_id: user.id,
        csrf_token: random_hex(),
        created_at: now,
        expires_at: now.plus_seconds(state.config.session_hours * 3600),
    };
    state.store.create_session(&session).await?;
    audit(
        &state,
        &ctx,
        now,
        AuditAction::SignIn,
        &username_text,
        Some(&user),
    )
    .await?;

    let mut response = see_other("/");
    let max_age = state.config.session_hours * 3600;
    let cookie = cookies::set(
        cookies::SESSION,
        &session_id,
        Some(max_age),
        state.config.secure_cookies,
    );
    if let Ok(v) = HeaderValue::from_str(&cookie) {
        response.headers_mut().append(SET_COOKIE, v);
    }
    Ok(response)
}

pub async fn sign_out(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    if let (Some(hash), Some(user)) = (&ctx.session_hash, &ctx.user) {
        state.store.delete_session(hash).await?;
        let now = state.clock.now();
        audit(
            &state,
            &ctx,
            now,
            AuditAction::SignOut,
            user.username.as_str(),
            Some(user),
        )
        .await?;
    }
    let mut response = see_other("/sign-in?notice=signed-out");
    let cookie = cookies::clear(cookies::SESSION, state.config.secure_cookies);
    if let Ok(v) = HeaderValue::from_str(&cookie) {
        response.headers_mut().append(SET_COOKIE, v);
    }
    Ok(response)
}

async fn audit(
    state: &AppState,
    ctx: &Ctx,
    at: Timestamp,
    action: AuditAction,
    username: &str,
    user: Option<&domain::User>,
) -> Result<(), AppError> {
    // The subject names the account tried, cut to a sane length: a failed sign-in may carry
    // any text at all.
    let shown: String = username.chars().take(64).collect();
    let mut event =
        AuditEvent::new(at, action, format!("username:{shown}")).from_source(ctx.source.clone());
    if let Some(user) = user {
        event = event.by(user.id, user.org_id).scoped_to(user.org_id);
    }
    Ok(state.store.append_audit(event).await?)
}
