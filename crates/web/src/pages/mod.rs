//! Server-rendered pages. Every page is an askama template that extends `base.html`; every
//! visible word comes from Fluent through [`Tr`], so no template holds bare text.

pub mod account;
pub mod assessments;
pub mod audit;
pub mod cases;
pub mod exchange;
mod form;
pub use form::whole_number;
pub mod forms;
pub mod glossary;
pub mod handovers;
pub mod home;
pub mod indicators;
pub mod life_view;
pub mod organisations;
pub mod own;
pub mod plan;
pub mod sign_in;
pub mod training;
pub mod two_factor;
pub mod users;
pub mod workshop;

use std::collections::HashMap;

use askama::Template;
use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE, LOCATION};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use domain::policy::{Action, Resource};
use domain::{Language, Role};

use crate::{AppError, AppState, Ctx, FieldError};
pub use app::Tr;

/// A link in the navigation bar.
pub struct NavLink {
    pub href: String,
    pub label: String,
    pub current: bool,
}

/// A link that shows the same page in another language.
pub struct LangLink {
    pub href: String,
    pub code: &'static str,
    pub name: &'static str,
    pub current: bool,
}

/// What `base.html` needs: language, title, navigation, the sign-out form's token.
pub struct Page<'a> {
    pub t: Tr<'a>,
    pub lang: &'static str,
    pub title: String,
    pub nav: Vec<NavLink>,
    pub languages: Vec<LangLink>,
    pub signed_in_as: Option<String>,
    pub csrf: String,
    /// What was saved: a confirmation, in the success box.
    pub notice: Option<String>,
    /// Why something was refused, in the error box (never in the success box), with a link
    /// to where it can be put right when there is one: (text, (link, its words)).
    pub problem: Option<(String, Option<(String, String)>)>,
}

impl<'a> Page<'a> {
    /// The frame of a page at `path` titled by the Fluent id `title_id`.
    pub fn new(state: &'a AppState, ctx: &'a Ctx, path: &str, title_id: &str) -> Self {
        let t = ctx.tr(&state.i18n);
        let title = t.get(title_id);
        Self::titled(state, ctx, path, title)
    }

    pub fn titled(state: &'a AppState, ctx: &'a Ctx, path: &str, title: String) -> Self {
        let t = ctx.tr(&state.i18n);
        let languages = Language::ALL
            .into_iter()
            .map(|l| LangLink {
                href: format!("{path}?lang={}", l.code()),
                code: l.code(),
                name: l.autonym(),
                current: l == ctx.lang,
            })
            .collect();
        let nav = nav_links(&t, ctx, path);
        let signed_in_as = ctx
            .user
            .as_ref()
            .map(|u| t.with("signed-in-as", "name", u.name()));
        Self {
            t,
            lang: ctx.lang.code(),
            title,
            nav,
            languages,
            signed_in_as,
            csrf: ctx.csrf.clone(),
            notice: None,
            problem: None,
        }
    }

    /// Shows a one-line confirmation above the content.
    pub fn notice(mut self, id: Option<&str>) -> Self {
        self.notice = id.map(|id| self.t.get(id));
        self
    }
}

/// Whether the signed-in person may: for showing a link, a form or a section.
pub fn allowed(ctx: &Ctx, action: Action, resource: Resource) -> bool {
    ctx.actor()
        .is_ok_and(|a| app::policy::allows(&a, action, &resource))
}

/// The links a person sees are the ones the policy lets her follow.
fn nav_links(t: &Tr, ctx: &Ctx, path: &str) -> Vec<NavLink> {
    let Ok(actor) = ctx.actor() else {
        return Vec::new();
    };
    let allowed = |action, resource: Resource| app::policy::allows(&actor, action, &resource);
    let own = Resource::Organisation(actor.org_id);
    let mut links = vec![("/".to_string(), "nav-home")];
    if allowed(Action::ListCases, own) {
        links.push(("/cases".into(), "nav-cases"));
    }
    if allowed(Action::ViewHandovers, own) {
        links.push(("/handovers".into(), "nav-handovers"));
    }
    if allowed(Action::ViewDirectory, Resource::Network) {
        links.push(("/organisations".into(), "nav-organisations"));
    }
    if allowed(Action::ListUsers, own) {
        links.push((
            format!("/organisations/{}/users", actor.org_id),
            "nav-users",
        ));
    }
    if allowed(Action::ReadIndicators, own)
        || allowed(Action::ReadIndicators, Resource::Network)
        || allowed(Action::ReadTrainingIndicators, Resource::Network)
    {
        links.push(("/indicators".into(), "nav-indicators"));
    }
    if allowed(Action::ReadAudit, own) {
        links.push(("/audit".into(), "nav-audit"));
    }
    if actor.roles.contains(Role::Survivor) {
        links.push(("/my-record".into(), "nav-my-record"));
    }
    if allowed(Action::ReadForms, Resource::Network) {
        links.push(("/forms".into(), "nav-forms"));
    }
    if allowed(Action::ReadTraining, Resource::Network) {
        links.push(("/training".into(), "nav-training"));
    }
    if allowed(Action::ReadGlossary, Resource::Network) {
        links.push(("/glossary".into(), "nav-glossary"));
    }
    links.push(("/account".into(), "nav-account"));
    links
        .into_iter()
        .map(|(href, id)| {
            let current = if href == "/" {
                path == "/"
            } else {
                path.starts_with(href.as_str())
            };
            NavLink {
                label: t.get(id),
                href,
                current,
            }
        })
        .collect()
}

/// Renders a template as an HTML response.
pub fn render(template: &impl Template) -> Result<Response, AppError> {
    render_with_status(StatusCode::OK, template)
}

/// Renders a template with a status: a form re-shown after bad input is a 4xx that still
/// carries the page (the context layer leaves HTML responses alone).
pub fn render_with_status(
    status: StatusCode,
    template: &impl Template,
) -> Result<Response, AppError> {
    let html = template
        .render()
        .map_err(|e| AppError::internal(format!("template: {e}")))?;
    let mut response = (status, html).into_response();
    response.headers_mut().insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    Ok(response)
}

/// `303 See Other`: where a form sends the browser after it succeeded.
pub fn see_other(location: &str) -> Response {
    let mut response = StatusCode::SEE_OTHER.into_response();
    if let Ok(value) = HeaderValue::from_str(location) {
        response.headers_mut().insert(LOCATION, value);
    }
    response
}

/// The fields of a submitted form, in order, repeated names kept (the role checkboxes).
/// Handlers read it into their form's struct with [`FormData::read`]; the field-by-field
/// readers below are kept for tests only, which check `read` against them.
pub struct FormData(pub Vec<(String, String)>);

#[cfg(test)]
impl FormData {
    pub fn get(&self, name: &str) -> String {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }

    pub fn all(&self, name: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .collect()
    }

    pub fn has(&self, name: &str) -> bool {
        self.0.iter().any(|(k, _)| k == name)
    }
}

impl<S: Send + Sync> FromRequest<S> for FormData {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let bytes = Bytes::from_request(req, state).await.map_err(|e| {
            if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
                AppError::BodyTooLarge
            } else {
                AppError::Malformed(e.body_text())
            }
        })?;
        form_fields(&bytes).map(FormData)
    }
}

/// The fields of an `application/x-www-form-urlencoded` body, strictly: a name or value that
/// is not UTF-8 once decoded is `BadEncoding`, where a lenient parser would put U+FFFD in her
/// words.
pub fn form_fields(body: &[u8]) -> Result<Vec<(String, String)>, AppError> {
    body.split(|b| *b == b'&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let mut halves = pair.splitn(2, |b| *b == b'=');
            let name = String::from_utf8(percent_decode(halves.next().unwrap_or_default()))
                .map_err(|_| AppError::BadEncoding)?;
            let value = String::from_utf8(percent_decode(halves.next().unwrap_or_default()))
                .map_err(|_| AppError::BadEncoding)?;
            Ok((name, value))
        })
        .collect()
}

/// One field of a form that could not be read whole: its name, its value with each unreadable
/// byte shown as U+FFFD, and whether any byte was unreadable.
pub struct ResentField {
    pub name: String,
    pub value: String,
    pub unreadable: bool,
}

/// The fields of a form body that is not all UTF-8, for re-showing it to her: what could be
/// read is kept, and where it could not, she sees the mark U+FFFD and decides.
pub fn resent_fields(body: &[u8]) -> Vec<ResentField> {
    body.split(|b| *b == b'&')
        .filter(|pair| !pair.is_empty())
        .filter_map(|pair| {
            let mut halves = pair.splitn(2, |b| *b == b'=');
            let name = String::from_utf8(percent_decode(halves.next().unwrap_or_default())).ok()?;
            let raw = percent_decode(halves.next().unwrap_or_default());
            Some(match String::from_utf8(raw) {
                Ok(value) => ResentField {
                    name,
                    value,
                    unreadable: false,
                },
                Err(e) => ResentField {
                    name,
                    value: String::from_utf8_lossy(e.as_bytes()).into_owned(),
                    unreadable: true,
                },
            })
        })
        .collect()
}

#[derive(Template)]
#[template(path = "resend.html")]
struct ResendTemplate<'a> {
    page: Page<'a>,
    detail: String,
    action: String,
    kept: Vec<(String, String)>,
    unreadable: Vec<(String, String)>,
}

/// A form whose text was not UTF-8, re-shown (400): nothing was saved; what could be read is
/// kept as she sent it, and each field with unreadable text comes back for her to check and
/// send again to the same place.
pub fn unreadable_form(
    state: &AppState,
    ctx: &Ctx,
    action: &str,
    fields: Vec<ResentField>,
) -> Response {
    let err = AppError::BadEncoding;
    let mut page = Page::new(state, ctx, "/", "problem-bad-encoding-title");
    page.nav.iter_mut().for_each(|l| l.current = false);
    let (bad, good): (Vec<ResentField>, Vec<ResentField>) = fields
        .into_iter()
        .filter(|f| f.name != "csrf")
        .partition(|f| f.unreadable);
    let template = ResendTemplate {
        detail: page.t.get("resend-detail"),
        page,
        action: action.to_string(),
        kept: good.into_iter().map(|f| (f.name, f.value)).collect(),
        unreadable: bad.into_iter().map(|f| (f.name, f.value)).collect(),
    };
    match render_with_status(err.status(), &template) {
        Ok(response) => response,
        Err(_) => (err.status(), err.code()).into_response(),
    }
}

/// `+` and `%XX` decoded, as bytes (a `%` not followed by two hex digits stays as it is).
fn percent_decode(part: &[u8]) -> Vec<u8> {
    let hex = |b: u8| (b as char).to_digit(16);
    let mut out = Vec::with_capacity(part.len());
    let mut i = 0;
    while i < part.len() {
        match part[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < part.len() => match (hex(part[i + 1]), hex(part[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_fields_decode_as_urlencoded_and_refuse_what_is_not_utf8() {
        let fields = form_fields(b"a=1+2&b=%E0%A6%B8%E0%A7%8D&c&d=%zz%4&&e=%").unwrap();
        let expected = [
            ("a", "1 2"),
            ("b", "স্"),
            ("c", ""),
            ("d", "%zz%4"),
            ("e", "%"),
        ];
        assert_eq!(
            fields,
            expected
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect::<Vec<_>>()
        );
        // Compare with the lenient parser for text that is valid.
        let lenient: Vec<(String, String)> =
            serde_urlencoded::from_bytes(b"a=1+2&b=%E0%A6%B8%E0%A7%8D&c&d=%zz%4&&e=%").unwrap();
        assert_eq!(fields, lenient);
        assert_eq!(form_fields(b"text=%FF%FE"), Err(AppError::BadEncoding));
        assert_eq!(form_fields(b"na%C3me=x"), Err(AppError::BadEncoding));
        assert_eq!(form_fields(b"text=\xff"), Err(AppError::BadEncoding));
    }
}

/// A form as shown: the values to put back in the fields and the messages beside them.
#[derive(Default, Clone)]
pub struct FormView {
    values: HashMap<String, Vec<String>>,
    errors: HashMap<String, String>,
    /// The same messages in the order they were found, for the summary at the top.
    listed: Vec<(String, String)>,
}

impl FormView {
    pub fn from_data(data: &FormData) -> Self {
        let mut values: HashMap<String, Vec<String>> = HashMap::new();
        for (k, v) in &data.0 {
            // Passwords and the CSRF token are never sent back into a page.
            if k != "password" && k != "csrf" && !k.ends_with("_password") {
                values.entry(k.clone()).or_default().push(v.clone());
            }
        }
        Self {
            values,
            errors: HashMap::new(),
            listed: Vec::new(),
        }
    }

    pub fn set(&mut self, name: &str, value: impl Into<String>) {
        self.values.insert(name.to_string(), vec![value.into()]);
    }

    pub fn set_all(&mut self, name: &str, values: Vec<String>) {
        self.values.insert(name.to_string(), values);
    }

    pub fn value(&self, name: &str) -> &str {
        self.values
            .get(name)
            .and_then(|v| v.first())
            .map(String::as_str)
            .unwrap_or("")
    }

    /// For checkboxes and options: is `value` among the chosen?
    pub fn chosen(&self, name: &str, value: &str) -> bool {
        self.values
            .get(name)
            .is_some_and(|v| v.iter().any(|x| x == value))
    }

    pub fn error(&self, name: &str) -> Option<&String> {
        self.errors.get(name)
    }

    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty()
    }

    /// Puts each field's message, in her language, beside the field.
    pub fn with_errors(mut self, t: &Tr, errors: &[FieldError]) -> Self {
        for e in errors {
            if !self.errors.contains_key(e.field.as_ref()) {
                let message = t.field(e);
                self.listed.push((e.field.to_string(), message.clone()));
                self.errors.insert(e.field.to_string(), message);
            }
        }
        self
    }

    pub fn add_error(&mut self, field: &'static str, message: String) {
        self.listed.push((field.to_string(), message.clone()));
        self.errors.insert(field.to_string(), message);
    }

    /// Every (field, message), in the order found: the summary at the top of a form, each
    /// linking to its field.
    pub fn listed_errors(&self) -> &[(String, String)] {
        &self.listed
    }
}

/// One choice in a `<select>` or a group of checkboxes.
pub struct Choice {
    pub value: String,
    pub label: String,
}

pub fn language_choices() -> Vec<Choice> {
    Language::ALL
        .into_iter()
        .map(|l| Choice {
            value: l.code().into(),
            label: l.autonym().into(),
        })
        .collect()
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorTemplate<'a> {
    page: Page<'a>,
    /// The problem's stable code, for scripts and tests reading the page.
    code: &'static str,
    detail: String,
    signed_in: bool,
}

/// Renders an error for a person at a browser, in her language. Asking for a page without being
/// signed in sends her to the sign-in form instead.
pub fn error_page(state: &AppState, ctx: &Ctx, err: &AppError) -> Response {
    if *err == AppError::SignInRequired {
        return see_other("/sign-in");
    }
    let mut page = Page::new(state, ctx, "/", &format!("problem-{}-title", err.code()));
    page.nav.iter_mut().for_each(|l| l.current = false);
    let mut detail = err.detail(state, ctx.lang);
    if let AppError::Invalid(errors) = err {
        for e in errors {
            detail.push(' ');
            detail.push_str(&page.t.get(e.message_id));
        }
    }
    let template = ErrorTemplate {
        page,
        code: err.code(),
        detail,
        signed_in: ctx.user.is_some(),
    };
    match render_with_status(err.status(), &template) {
        Ok(response) => response,
        Err(_) => (err.status(), err.code()).into_response(),
    }
}

/// The one stylesheet, compiled in.
pub async fn stylesheet() -> Response {
    let mut response = include_str!("../../static/saathi.css").into_response();
    let headers = response.headers_mut();
    headers.insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/css; charset=utf-8"),
    );
    headers.insert(
        CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=86400"),
    );
    response
}
