//! The layer every request passes through: who is asking, in which language, is the form's CSRF
//! token right, and how an error is shown to her.

use std::net::{IpAddr, SocketAddr};

use axum::body::{Body, to_bytes};
use axum::extract::{ConnectInfo, FromRequestParts, Request, State};
use axum::http::header::{ACCEPT_LANGUAGE, ALLOW, AUTHORIZATION, CONTENT_TYPE, SET_COOKIE};
use axum::http::request::Parts;
use axum::http::{HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use domain::policy::{Action, Actor, Resource};
use domain::{Language, User};

use crate::error::ErrorMark;
use crate::{AppError, AppState, api, cookies, pages};
use app::token::{constant_time_eq, hash_secret, random_hex};

/// The largest form body read for the CSRF check (forms here are small; uploads come later
/// with their own limit).
const FORM_LIMIT: usize = 256 * 1024;

/// What a handler knows about the request before it starts.
#[derive(Debug, Clone)]
pub struct Ctx {
    /// The signed-in person (session for pages, bearer token for the API).
    pub user: Option<User>,
    pub lang: Language,
    /// The token every form on the page must send back.
    pub csrf: String,
    /// The hash of the session id, to end the session on sign-out.
    pub session_hash: Option<String>,
    /// The client's address, for throttling and the audit trail.
    pub source: String,
    pub is_api: bool,
    /// The training gates in force and the workshops she completed (empty when the network
    /// set no gates, which is the default).
    pub training: domain::training::gate::Standing,
    /// Her password no longer passes the rule: every page but *My account* sends her there.
    pub must_change_password: bool,
    /// Her organisation's time zone: every time on a page is read on its clock (India's
    /// before sign-in).
    pub zone: domain::zone::TimeZone,
    /// Her organisation's name, when it came with her session (pages; not the API's tokens).
    pub org_name: Option<String>,
}

impl Ctx {
    /// Words, dates and times for this reader: her language, her organisation's clock.
    pub fn tr<'a>(&'a self, i18n: &'a i18n::I18n) -> app::Tr<'a> {
        app::Tr::new(i18n, self.lang, &self.zone)
    }
    /// The signed-in person as the policy sees her, or `SignInRequired`.
    pub fn actor(&self) -> Result<Actor, AppError> {
        let user = self.user.as_ref().ok_or(AppError::SignInRequired)?;
        Ok(Actor {
            user_id: user.id,
            org_id: user.org_id,
            roles: user.roles.clone(),
            training: self.training.clone(),
        })
    }

    /// Asks the policy (through `app::policy`, the one way in) before a handler reads a body or
    /// looks anything up; the services it calls ask again for what they do.
    pub fn authorize(&self, action: Action, resource: Resource) -> Result<Actor, AppError> {
        let actor = self.actor()?;
        app::policy::require(&actor, action, &resource)?;
        Ok(actor)
    }

    /// The cases the signed-in person's store reads reach (`domain::scope`).
    pub fn scope(&self) -> Result<domain::scope::CaseScope, AppError> {
        Ok(domain::scope::CaseScope::of(&self.actor()?))
    }

    /// `actor` acting through this request, at `at`: what a service is given.
    pub fn acting(&self, actor: &Actor, at: domain::Timestamp) -> app::Acting {
        app::Acting::person(actor.clone(), self.source.as_str(), at)
    }

    /// The signed-in user (after `authorize` succeeded).
    pub fn user(&self) -> Result<&User, AppError> {
        self.user.as_ref().ok_or(AppError::SignInRequired)
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Ctx {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<Ctx>()
            .cloned()
            .ok_or_else(|| AppError::internal("request context missing"))
    }
}

fn query_language(req: &Request) -> Option<Language> {
    let query = req.uri().query()?;
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query).ok()?;
    pairs
        .into_iter()
        .find(|(k, _)| k == "lang")
        .and_then(|(_, v)| v.parse().ok())
}

/// The client's address: the connection's peer, or, when the peer is the trusted proxy, the
/// address that proxy appended last to `X-Forwarded-For` (what the client wrote before it is
/// hers to forge, so it is never read).
fn client_address(req: &Request, trusted_proxy: Option<IpAddr>) -> String {
    let Some(peer) = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip().to_canonical())
    else {
        return "unknown".into();
    };
    if Some(peer) != trusted_proxy.map(|p| p.to_canonical()) {
        return peer.to_string();
    }
    req.headers()
        .get_all(X_FORWARDED_FOR)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .next_back()
        .and_then(|last| last.trim().parse::<IpAddr>().ok())
        .unwrap_or(peer)
        .to_string()
}

const X_FORWARDED_FOR: &str = "x-forwarded-for";

fn bearer(req: &Request) -> Option<String> {
    let value = req.headers().get(AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim().to_string())
}

pub async fn middleware(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let is_api = req.uri().path().starts_with("/api/");
    let source = client_address(&req, state.config.trusted_proxy);
    let now = state.clock.now();

    // Who is asking. The API takes only bearer tokens and pages only the session cookie, so a
    // cookie can never be used to drive the API from another site.
    let mut user: Option<User> = None;
    let mut session_csrf = None;
    let mut session_hash = None;
    let mut must_change_password = false;
    let mut session_zone = None;
    let mut org_name = None;
    // The gates and second factors in force, read with the session or token (one statement).
    let mut checks = store::Checks::default();
    if is_api {
        if let Some(token) = bearer(&req) {
            match state.store.token_holder(&hash_secret(&token), now).await {
                Ok(Some(holder)) => {
                    user = Some(holder.user);
                    session_zone = Some(holder.zone);
                    checks = holder.checks;
                }
                Ok(None) => {}
                Err(err) => return AppError::from(err).into_response(),
            }
        }
    } else if let Some(cookie) = cookies::get(req.headers(), cookies::SESSION) {
        let hash = hash_secret(&cookie);
        match state.store.session(&hash, now).await {
            Ok(Some(session)) => {
                user = Some(session.user);
                session_csrf = Some(session.csrf_token);
                session_hash = Some(hash);
                must_change_password = session.must_change_password;
                session_zone = Some(session.zone);
                org_name = Some(session.org_name);
                checks = session.checks;
            }
            Ok(None) => {}
            Err(err) => return AppError::from(err).into_response(),
        }
    }
    // An account from before the rule that holds `survivor` with a staff role acts for nobody
    // until an administrator splits it (sign-in says why).
    if user
        .as_ref()
        .is_some_and(|u| u.roles.mixes_survivor_and_staff())
    {
        user = None;
        session_csrf = None;
        session_hash = None;
        org_name = None;
    }

    // In which language: an explicit ?lang=, then the cookie that such a link left for this
    // browser session, then her own saved preference, then the browser's Accept-Language, then
    // English. A link never changes her saved preference: a GET changes nothing stored; she
    // saves it on *My account*.
    let asked = query_language(&req);
    let cookie_lang = cookies::get(req.headers(), cookies::LANGUAGE).and_then(|v| v.parse().ok());
    let browser_lang = req
        .headers()
        .get(ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(Language::negotiate);
    let lang = asked
        .or(cookie_lang)
        .or(user.as_ref().map(|u| u.language))
        .or(browser_lang)
        .unwrap_or(Language::En);

    // The CSRF token: the session's, or before sign-in a random value kept in a cookie and
    // echoed by the sign-in form (double submit; the cookie is SameSite=Strict).
    let anonymous_csrf = cookies::get(req.headers(), cookies::CSRF).filter(|v| v.len() == 64);
    let (csrf, new_csrf_cookie) = match (&session_csrf, &anonymous_csrf) {
        (Some(token), _) => (token.clone(), false),
        (None, Some(token)) => (token.clone(), false),
        (None, None) => (random_hex(), !is_api),
    };

    let training = match &user {
        Some(u) if checks.gated => match standing(&state, u).await {
            Ok(standing) => standing,
            Err(err) => return err.into_response(),
        },
        _ => Default::default(),
    };
    // Her organisation's clock: the times on her pages, the days the API groups by.
    let zone = match (&user, session_zone) {
        (Some(_), Some(zone)) => zone,
        (Some(u), None) => match state.store.time_zone_of(u.org_id).await {
            Ok(zone) => zone,
            Err(err) => return AppError::from(err).into_response(),
        },
        (None, _) => domain::zone::TimeZone::default(),
    };
    let ctx = Ctx {
        zone,
        user,
        lang,
        csrf: csrf.clone(),
        session_hash,
        source,
        is_api,
        training,
        must_change_password,
        org_name,
    };
    let secure = state.config.secure_cookies;
    let lang_cookie = asked.map(|l| l.code());

    if must_change_password && !is_api && !password_change_path(req.uri().path()) {
        let response = pages::see_other("/account");
        return finish(&state, &ctx, response, lang_cookie, None, secure);
    }

    // A role that must sign in with a second factor reaches no page before she has enrolled.
    if !is_api
        && let Some(u) = &ctx.user
        && !ENROLMENT_PATHS.contains(&req.uri().path())
    {
        match must_enrol(&state, u, checks).await {
            Ok(true) => {
                let response = pages::see_other("/account/two-factor");
                return finish(&state, &ctx, response, lang_cookie, None, secure);
            }
            Ok(false) => {}
            Err(err) => return err.into_response(),
        }
    }

    // The API reads nothing from someone it does not know: without a valid token every
    // operation but the document itself is 401, before a body could be refused as 400 and so
    // tell a stranger what the route expects.
    if is_api && ctx.user.is_none() && req.uri().path() != "/api/v1/openapi.json" {
        let response = AppError::SignInRequired.into_response();
        return finish(&state, &ctx, response, lang_cookie, None, secure);
    }

    let req = if !is_api && req.method() == Method::POST {
        match check_csrf(req, &csrf).await {
            Ok(req) => req,
            Err(Refusal::Error(err)) => {
                return finish(&state, &ctx, err.into_response(), None, None, secure);
            }
            Err(Refusal::Unreadable { action, fields }) => {
                let response = pages::unreadable_form(&state, &ctx, &action, fields);
                return finish(&state, &ctx, response, None, None, secure);
            }
        }
    } else {
        req
    };

    let mut req = req;
    req.extensions_mut().insert(ctx.clone());
    let response = next.run(req).await;
    let csrf_cookie = new_csrf_cookie.then_some(csrf);
    finish(&state, &ctx, response, lang_cookie, csrf_cookie, secure)
}

/// The pages she may open while she must still enrol a second factor.
const ENROLMENT_PATHS: [&str; 5] = [
    "/account/two-factor",
    "/account/two-factor/start",
    "/account/two-factor/confirm",
    "/sign-out",
    "/static/saathi.css",
];

/// Whether one of her roles requires a second factor she has not enrolled. `checks` (read
/// with her session) settles it without a query while no role needs one, or she has one; only
/// otherwise are the roles that need one read.
async fn must_enrol(
    state: &AppState,
    user: &User,
    checks: store::Checks,
) -> Result<bool, AppError> {
    if !checks.two_factor_required_somewhere || checks.two_factor_enrolled {
        return Ok(false);
    }
    Ok(app::twofactor::required_of(&state.store, user).await?)
}

/// Where someone who must change her password may still go: *My account*, signing out, the
/// stylesheet.
fn password_change_path(path: &str) -> bool {
    path == "/account"
        || path.starts_with("/account/")
        || path == "/sign-out"
        || path.starts_with("/static/")
}

/// The training gates and, only when there are any, the workshops she completed (the same
/// reading the CLI's `--as` makes, in `app`).
async fn standing(
    state: &AppState,
    user: &User,
) -> Result<domain::training::gate::Standing, AppError> {
    Ok(app::training::gates::standing(&state.store, user).await?)
}

/// Reads the form body, checks its `csrf` field, and hands the body on unchanged. A file upload
/// (multipart) carries the token in its action's query string instead, so the file is never
/// buffered twice.
/// Why a page `POST` went no further than the middleware.
enum Refusal {
    Error(AppError),
    /// Its text was not UTF-8: the form comes back to her with what could be read.
    Unreadable {
        action: String,
        fields: Vec<pages::ResentField>,
    },
}

impl From<AppError> for Refusal {
    fn from(err: AppError) -> Self {
        Refusal::Error(err)
    }
}

async fn check_csrf(req: Request, expected: &str) -> Result<Request, Refusal> {
    let is_multipart = req
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/form-data"));
    if is_multipart {
        let sent = req.uri().query().and_then(|q| {
            serde_urlencoded::from_str::<Vec<(String, String)>>(q)
                .ok()?
                .into_iter()
                .find(|(k, _)| k == "csrf")
                .map(|(_, v)| v)
        });
        return match sent {
            Some(token) if constant_time_eq(&token, expected) => Ok(req),
            _ => Err(AppError::CsrfFailed.into()),
        };
    }
    let is_form = req
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    if !is_form {
        return Err(AppError::CsrfFailed.into());
    }
    let (parts, body) = req.into_parts();
    let bytes = to_bytes(body, FORM_LIMIT)
        .await
        .map_err(|_| AppError::BodyTooLarge)?;
    let fields: Vec<(String, String)> = serde_urlencoded::from_bytes(&bytes).unwrap_or_default();
    let sent = fields
        .iter()
        .find(|(k, _)| k == "csrf")
        .map(|(_, v)| v.as_str());
    match sent {
        Some(token) if constant_time_eq(token, expected) => {}
        _ => return Err(AppError::CsrfFailed.into()),
    }
    // Text that is not UTF-8 is refused here, for every form, rather than saved with
    // replacement characters where her words were; the form comes back with what could be read.
    if pages::form_fields(&bytes).is_err() {
        let action = match parts.uri.query() {
            Some(query) => format!("{}?{query}", parts.uri.path()),
            None => parts.uri.path().to_string(),
        };
        return Err(Refusal::Unreadable {
            action,
            fields: pages::resent_fields(&bytes),
        });
    }
    Ok(Request::from_parts(parts, Body::from(bytes)))
}

/// Renders error marks for the reader and sets the cookies the request earned.
fn finish(
    state: &AppState,
    ctx: &Ctx,
    response: Response,
    lang_cookie: Option<&str>,
    csrf_cookie: Option<String>,
    secure: bool,
) -> Response {
    let mark = response.extensions().get::<ErrorMark>().cloned();
    let mut response = match mark {
        Some(ErrorMark(err)) if ctx.is_api => api::problem(state, ctx, &err),
        Some(ErrorMark(err)) => pages::error_page(state, ctx, &err),
        None if (response.status().is_client_error() || response.status().is_server_error())
            && !is_rendered(&response) =>
        {
            // A rejection from axum itself (bad JSON, wrong method): same treatment.
            let status = response.status();
            let err = match status {
                StatusCode::NOT_FOUND => AppError::NotFound,
                StatusCode::METHOD_NOT_ALLOWED => AppError::MethodNotAllowed,
                StatusCode::PAYLOAD_TOO_LARGE => AppError::BodyTooLarge,
                StatusCode::INTERNAL_SERVER_ERROR => AppError::internal("handler failed"),
                _ => AppError::Malformed(status.canonical_reason().unwrap_or("bad request").into()),
            };
            let mut rendered = if ctx.is_api {
                api::problem_with_status(state, ctx, &err, status)
            } else {
                pages::error_page(state, ctx, &err)
            };
            *rendered.status_mut() = status;
            // A 405 names the methods the path takes (RFC 9110 §15.5.6).
            if let Some(allow) = response.headers().get(ALLOW) {
                rendered.headers_mut().insert(ALLOW, allow.clone());
            }
            rendered
        }
        None => response,
    };
    let headers = response.headers_mut();
    if let Some(lang) = lang_cookie
        // For this browser session only: her saved preference rules her next sign-in.
        && let Ok(v) = HeaderValue::from_str(&cookies::set(cookies::LANGUAGE, lang, None, secure))
    {
        headers.append(SET_COOKIE, v);
    }
    if let Some(token) = csrf_cookie
        && let Ok(v) = HeaderValue::from_str(&cookies::set(cookies::CSRF, &token, None, secure))
    {
        headers.append(SET_COOKIE, v);
    }
    response
}

/// A page re-shown with a 4xx (a form with her input and the messages) is already what she
/// should see; only bare rejections from axum need rendering.
fn is_rendered(response: &Response) -> bool {
    response
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html") || v.starts_with(api::PROBLEM_JSON))
}

/// The fallback for paths no route knows.
pub async fn not_found() -> AppError {
    AppError::NotFound
}
