//! Signing in and out: Argon2id check, throttling per account and per address (see
//! `throttle`), the code of her authenticator when she has one, a new session with its own CSRF
//! token, and an audit entry for every attempt.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::header::SET_COOKIE;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::Response;
use domain::audit::{AuditAction, AuditEvent};
use domain::{Timestamp, Username};
use serde::Deserialize;
use store::NewSession;

use super::{FormData, FormView, Page, render, render_with_status, see_other};
use crate::{AppError, AppState, Ctx, cookies};
use app::Acting;
use app::token::{hash_secret, random_hex};
use app::{accounts, password, twofactor};

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
    /// A language asked for by link (the context middleware has applied it already).
    lang: Option<String>,
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

/// The sign-in form. No `Debug`: it holds her password.
#[derive(Default, Deserialize)]
#[serde(default)]
struct SignInForm {
    username: String,
    password: String,
}

/// A second factor's code (from her app or a recovery code).
#[derive(Default, Deserialize)]
#[serde(default)]
pub(super) struct CodeForm {
    pub(super) code: String,
}

pub async fn submit(
    State(state): State<AppState>,
    ctx: Ctx,
    data: FormData,
) -> Result<Response, AppError> {
    let form: SignInForm = data.read()?;
    let username_text = form.username.trim().to_lowercase();
    let password_text = form.password;
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
    let t = ctx.tr(&state.i18n);
    // A throttled attempt is audited and answered 429, saying how long to wait.
    let throttled = async |wait_seconds: i64| -> Result<Response, AppError> {
        audit(
            &state,
            &ctx,
            now,
            AuditAction::SignInThrottled,
            &username_text,
            None,
        )
        .await?;
        let response = refuse(
            StatusCode::TOO_MANY_REQUESTS,
            wait_message(&t, wait_seconds),
        )?;
        Ok(with_retry_after(response, wait_seconds))
    };

    // Only an address that failed on this account recently waits here.
    if let Err(wait_seconds) = state
        .throttle
        .before_attempt(&username_text, &ctx.source, now)
    {
        return throttled(wait_seconds).await;
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
            // Beyond its number of failing accounts, an address's failure on another account
            // is refused as throttled and counted against no one.
            if let Err(wait_seconds) =
                state
                    .throttle
                    .record_failure(&username_text, &ctx.source, now)
            {
                return throttled(wait_seconds).await;
            }
            audit(
                &state,
                &ctx,
                now,
                AuditAction::SignInFailed,
                &username_text,
                None,
            )
            .await?;
            return refuse(StatusCode::UNAUTHORIZED, t.get("sign-in-failed"));
        }
    };
    state.throttle.record_success(&username_text, &ctx.source);
    let demo = state.config.demo;
    let admitted = accounts::admit(&state.store, &user, &password_text, demo, &ctx.source, now);
    if let Some(message_id) = admitted.await? {
        return refuse(StatusCode::FORBIDDEN, t.get(message_id));
    }

    // With an authenticator, the password only opens the code page.
    if twofactor::enrolled(&state.store, user.id).await? {
        let pending = state.pending.start(&user, now);
        let mut response = see_other("/sign-in/code");
        let cookie = cookies::set(
            cookies::PENDING,
            &pending,
            Some(twofactor::PENDING_SECONDS),
            state.config.secure_cookies,
        );
        if let Ok(v) = HeaderValue::from_str(&cookie) {
            response.headers_mut().append(SET_COOKIE, v);
        }
        return Ok(response);
    }
    start_session(&state, &ctx, &user, now, None).await
}

/// A new session for her, its audit entry, and the way home.
async fn start_session(
    state: &AppState,
    ctx: &Ctx,
    user: &domain::User,
    now: Timestamp,
    second_factor: Option<twofactor::Passed>,
) -> Result<Response, AppError> {
    let session_id = random_hex();
    let session = NewSession {
        id_hash: hash_secret(&session_id),
        user_id: user.id,
        csrf_token: random_hex(),
        created_at: now,
        expires_at: now.plus_seconds(state.config.session_hours * 3600),
    };
    state.store.create_session(&session).await?;
    let shown: String = user.username.as_str().chars().take(64).collect();
    let mut event = AuditEvent::new(now, AuditAction::SignIn, format!("username:{shown}"))
        .from_source(ctx.source.clone())
        .by(user.id, user.org_id)
        .scoped_to(user.org_id);
    if let Some(passed) = second_factor {
        let how = match passed {
            twofactor::Passed::Code => "code",
            twofactor::Passed::RecoveryCode => "recovery-code",
        };
        event = event.with_detail(app::accounts::detail(&[("second_factor", how)]));
    }
    state.store.append_audit(event).await?;

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

/// "Please wait N seconds" (or minutes, from two minutes on), in her language and digits.
pub(crate) fn wait_message(t: &super::Tr, wait_seconds: i64) -> String {
    if wait_seconds >= 120 {
        let minutes = ((wait_seconds + 59) / 60).to_string();
        return t.with(
            "sign-in-throttled",
            "minutes",
            &i18n::localise_digits(t.lang, &minutes),
        );
    }
    t.count("signin-wait-seconds", wait_seconds.max(1) as usize)
}

pub(crate) fn with_retry_after(mut response: Response, wait_seconds: i64) -> Response {
    if let Ok(v) = HeaderValue::from_str(&wait_seconds.max(1).to_string()) {
        response
            .headers_mut()
            .insert(axum::http::header::RETRY_AFTER, v);
    }
    response
}

#[derive(Template)]
#[template(path = "sign_in_code.html")]
struct CodeTemplate<'a> {
    page: Page<'a>,
    problem: Option<String>,
}

/// The sign-in she is part-way through: her password was right, her code is awaited.
fn pending(state: &AppState, headers: &HeaderMap) -> Option<(String, twofactor::Pending)> {
    let cookie = cookies::get(headers, cookies::PENDING)?;
    let pending = state.pending.get(&cookie, state.clock.now())?;
    Some((cookie, pending))
}

/// Once her password named her, the code page is in her own language, unless the link she
/// followed asked for another.
fn in_her_language(ctx: &Ctx, pending: &twofactor::Pending, query: &SignInQuery) -> Ctx {
    let mut ctx = ctx.clone();
    if query.lang.is_none() {
        ctx.lang = pending.language;
    }
    ctx
}

/// `GET /sign-in/code`: the second step, after a right password.
pub async fn code_form(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Query(query): Query<SignInQuery>,
) -> Result<Response, AppError> {
    if ctx.user.is_some() {
        return Ok(see_other("/"));
    }
    let Some((_, pending)) = pending(&state, &headers) else {
        return Ok(see_other("/sign-in"));
    };
    let ctx = in_her_language(&ctx, &pending, &query);
    let page = Page::new(&state, &ctx, "/sign-in", "signin-code-title");
    render(&CodeTemplate {
        page,
        problem: None,
    })
}

/// `POST /sign-in/code`: a code from her app, or one of her recovery codes.
pub async fn code_submit(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Query(query): Query<SignInQuery>,
    data: FormData,
) -> Result<Response, AppError> {
    let Some((cookie, pending)) = pending(&state, &headers) else {
        return Ok(see_other("/sign-in"));
    };
    let ctx = in_her_language(&ctx, &pending, &query);
    let now = state.clock.now();
    let t = ctx.tr(&state.i18n);
    let refuse = |status: StatusCode, message: String| {
        let page = Page::new(&state, &ctx, "/sign-in", "signin-code-title");
        render_with_status(
            status,
            &CodeTemplate {
                page,
                problem: Some(message),
            },
        )
    };
    let user = match state.store.user(pending.user_id).await? {
        Some(user) if user.active => user,
        _ => {
            state.pending.finish(&cookie);
            return Ok(see_other("/sign-in"));
        }
    };
    if let Err(wait_seconds) = state
        .throttle
        .before_attempt(&pending.username, &ctx.source, now)
    {
        audit(
            &state,
            &ctx,
            now,
            AuditAction::SignInThrottled,
            &pending.username,
            None,
        )
        .await?;
        let response = refuse(
            StatusCode::TOO_MANY_REQUESTS,
            wait_message(&t, wait_seconds),
        )?;
        return Ok(with_retry_after(response, wait_seconds));
    }
    let origin = Acting {
        actor: Some(domain::policy::Actor {
            user_id: user.id,
            org_id: user.org_id,
            roles: user.roles.clone(),
            training: Default::default(),
        }),
        source: ctx.source.clone(),
        at: now,
    };
    let form: CodeForm = data.read()?;
    match twofactor::check(&state.store, &origin, &user, &form.code).await? {
        Some(passed) => {
            state
                .throttle
                .record_success(&pending.username, &ctx.source);
            state.pending.finish(&cookie);
            let mut response = start_session(&state, &ctx, &user, now, Some(passed)).await?;
            let clear = cookies::clear(cookies::PENDING, state.config.secure_cookies);
            if let Ok(v) = HeaderValue::from_str(&clear) {
                response.headers_mut().append(SET_COOKIE, v);
            }
            Ok(response)
        }
        None => {
            if let Err(wait_seconds) =
                state
                    .throttle
                    .record_failure(&pending.username, &ctx.source, now)
            {
                let response = refuse(
                    StatusCode::TOO_MANY_REQUESTS,
                    wait_message(&t, wait_seconds),
                )?;
                return Ok(with_retry_after(response, wait_seconds));
            }
            refuse(StatusCode::UNAUTHORIZED, t.get("twofactor-code-wrong"))
        }
    }
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
