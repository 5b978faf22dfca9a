//! The organisation directory, and its administration by the network admin.
//!
//! An edit carries the version it was based on. When someone else saved meanwhile, the form
//! comes back with her input kept and the current values beside it, so nothing is lost and she
//! chooses; saving again then replaces the current version knowingly.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use domain::policy::{Action, Resource};
use domain::{OrgKind, Organisation};
use serde::Deserialize;

use super::{
    Choice, FormData, FormView, Page, Tr, language_choices, render, render_with_status, see_other,
};
use crate::api::organisations::parse_org_id;
use crate::{AppError, AppState, Ctx};
use app::Acting;
use app::accounts::{self, OrgInput};

/// An organisation as a row or a page shows it, in the reader's language.
pub struct OrgView {
    pub href: String,
    pub name: String,
    pub kind: String,
    pub country: String,
    pub district: String,
    pub languages: String,
    /// Its time zone, named in the reader's language.
    pub time_zone: String,
}

impl OrgView {
    fn new(t: &Tr, org: &Organisation) -> Self {
        Self {
            href: format!("/organisations/{}", org.id),
            name: org.fields.name.to_string(),
            kind: t.get(org.fields.kind.message_id()),
            country: org.fields.country.to_string(),
            district: org.fields.district.clone().unwrap_or_default(),
            languages: org
                .fields
                .languages
                .iter()
                .map(|l| l.autonym())
                .collect::<Vec<_>>()
                .join(", "),
            time_zone: t.i18n.zone_name(t.lang, &org.fields.time_zone),
        }
    }
}

#[derive(Template)]
#[template(path = "organisations.html")]
struct ListTemplate<'a> {
    page: Page<'a>,
    organisations: Vec<OrgView>,
    can_add: bool,
}

#[derive(Template)]
#[template(path = "organisation.html")]
struct ShowTemplate<'a> {
    page: Page<'a>,
    org: OrgView,
    edit_href: Option<String>,
    users_href: Option<String>,
}

#[derive(Template)]
#[template(path = "organisation_form.html")]
struct FormTemplate<'a> {
    page: Page<'a>,
    action: String,
    form: FormView,
    kinds: Vec<Choice>,
    languages: Vec<Choice>,
    /// The zones offered, named in her language; blank is "its country's".
    zones: Vec<Choice>,
    /// The version the form is based on (edits only).
    version: Option<i64>,
    /// After a conflict: what is saved now, to compare with her input.
    current: Option<OrgView>,
}

#[derive(Debug, Default, Deserialize)]
pub struct NoticeQuery {
    notice: Option<String>,
}

use super::allowed;

fn origin(state: &AppState, ctx: &Ctx) -> Result<Acting, AppError> {
    Ok(Acting {
        actor: Some(ctx.actor()?),
        source: ctx.source.clone(),
        at: state.clock.now(),
    })
}

pub async fn list(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    ctx.authorize(Action::ViewDirectory, Resource::Network)?;
    let page = Page::new(&state, &ctx, "/organisations", "organisations-title");
    let organisations = state
        .store
        .organisations()
        .await?
        .iter()
        .map(|o| OrgView::new(&page.t, o))
        .collect();
    let can_add = allowed(&ctx, Action::CreateOrganisation, Resource::Network);
    render(&ListTemplate {
        page,
        organisations,
        can_add,
    })
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Query(query): Query<NoticeQuery>,
) -> Result<Response, AppError> {
    ctx.authorize(Action::ViewDirectory, Resource::Network)?;
    let org = state
        .store
        .organisation(parse_org_id(&id)?)
        .await?
        .ok_or(AppError::NotFound)?;
    let notice = match query.notice.as_deref() {
        Some("created") => Some("organisation-created"),
        Some("updated") => Some("organisation-updated"),
        _ => None,
    };
    let page =
        Page::titled(&state, &ctx, "/organisations", org.fields.name.to_string()).notice(notice);
    let target = Resource::Organisation(org.id);
    let edit_href = allowed(&ctx, Action::UpdateOrganisation, target)
        .then(|| format!("/organisations/{}/edit", org.id));
    let users_href = allowed(&ctx, Action::ListUsers, target)
        .then(|| format!("/organisations/{}/users", org.id));
    render(&ShowTemplate {
        org: OrgView::new(&page.t, &org),
        page,
        edit_href,
        users_href,
    })
}

fn form_template<'a>(
    state: &'a AppState,
    ctx: &'a Ctx,
    title_id: &str,
    action: String,
    form: FormView,
    version: Option<i64>,
) -> FormTemplate<'a> {
    let page = Page::new(state, ctx, "/organisations", title_id);
    let kinds = OrgKind::ALL
        .into_iter()
        .map(|k| Choice {
            value: k.as_str().into(),
            label: page.t.get(k.message_id()),
        })
        .collect();
    let mut zones = vec![Choice {
        value: String::new(),
        label: page.t.get("organisation-time-zone-country"),
    }];
    zones.extend(i18n::NAMED_ZONES.iter().filter_map(|name| {
        let zone: domain::zone::TimeZone = name.parse().ok()?;
        Some(Choice {
            label: format!("{} ({name})", page.t.i18n.zone_name(page.t.lang, &zone)),
            value: (*name).to_string(),
        })
    }));
    // A zone set some other way (the API, the command line) is offered as it is.
    let typed = form.value("time_zone").to_string();
    if !typed.is_empty() && !zones.iter().any(|z| z.value == typed) {
        zones.push(Choice {
            label: typed.clone(),
            value: typed,
        });
    }
    FormTemplate {
        page,
        action,
        form,
        kinds,
        zones,
        languages: language_choices(),
        version,
        current: None,
    }
}

/// An organisation as its form sends it; `version` only when it is edited (kept as text: the
/// handler refuses a form without a readable one).
#[derive(Default, Deserialize)]
#[serde(default)]
struct OrgForm {
    version: String,
    name: String,
    kind: String,
    country: String,
    district: String,
    /// One checkbox per language she works in.
    languages: Vec<String>,
    /// An IANA zone name; blank, its country's.
    time_zone: String,
}

impl From<OrgForm> for OrgInput {
    fn from(form: OrgForm) -> Self {
        OrgInput {
            name: form.name,
            kind: form.kind,
            country: form.country,
            district: form.district,
            languages: form.languages.join(","),
            time_zone: form.time_zone,
        }
    }
}

fn form_from_org(org: &Organisation) -> FormView {
    let input = OrgInput::from_organisation(org);
    let mut form = FormView::default();
    form.set("name", input.name);
    form.set("kind", input.kind);
    form.set("country", input.country);
    form.set("district", input.district);
    form.set("time_zone", input.time_zone);
    form.set_all(
        "languages",
        org.fields
            .languages
            .iter()
            .map(|l| l.code().to_string())
            .collect(),
    );
    form
}

pub async fn new_form(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    ctx.authorize(Action::CreateOrganisation, Resource::Network)?;
    let mut form = FormView::default();
    form.set("country", "IN");
    form.set_all("languages", vec!["bn".into(), "en".into()]);
    render(&form_template(
        &state,
        &ctx,
        "organisation-new-title",
        "/organisations/new".into(),
        form,
        None,
    ))
}

pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    data: FormData,
) -> Result<Response, AppError> {
    ctx.authorize(Action::CreateOrganisation, Resource::Network)?;
    let input = OrgInput::from(data.read::<OrgForm>()?);
    match accounts::create_organisation(&state.store, &origin(&state, &ctx)?, &input)
        .await
        .map_err(AppError::from)
    {
        Ok(org) => Ok(see_other(&format!(
            "/organisations/{}?notice=created",
            org.id
        ))),
        Err(err @ (AppError::Invalid(_) | AppError::Duplicate(_))) => {
            let mut template = form_template(
                &state,
                &ctx,
                "organisation-new-title",
                "/organisations/new".into(),
                FormView::from_data(&data),
                None,
            );
            show_errors(&mut template, &err);
            render_with_status(err.status(), &template)
        }
        Err(other) => Err(other),
    }
}

/// Puts field errors beside their fields, and a duplicate name beside the name.
fn show_errors(template: &mut FormTemplate, err: &AppError) {
    let t = template.page.t;
    match err {
        AppError::Invalid(errors) => {
            template.form = std::mem::take(&mut template.form).with_errors(&t, errors);
        }
        AppError::Duplicate(id) => template.form.add_error("name", t.get(id)),
        _ => {}
    }
}

pub async fn edit_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = parse_org_id(&id)?;
    ctx.authorize(Action::UpdateOrganisation, Resource::Organisation(id))?;
    let org = state
        .store
        .organisation(id)
        .await?
        .ok_or(AppError::NotFound)?;
    let action = format!("/organisations/{id}/edit");
    let form = form_from_org(&org);
    render(&form_template(
        &state,
        &ctx,
        "organisation-edit-title",
        action,
        form,
        Some(org.version),
    ))
}

pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    data: FormData,
) -> Result<Response, AppError> {
    let id = parse_org_id(&id)?;
    ctx.authorize(Action::UpdateOrganisation, Resource::Organisation(id))?;
    let current = state
        .store
        .organisation(id)
        .await?
        .ok_or(AppError::NotFound)?;
    let form: OrgForm = data.read()?;
    let Ok(version) = form.version.parse::<i64>() else {
        return Err(AppError::Malformed("the form has no version".into()));
    };
    let input = OrgInput::from(form);
    let result =
        accounts::update_organisation(&state.store, &origin(&state, &ctx)?, id, version, &input)
            .await
            .map_err(AppError::from);
    let action = format!("/organisations/{id}/edit");
    match result {
        Ok(org) => Ok(see_other(&format!(
            "/organisations/{}?notice=updated",
            org.id
        ))),
        Err(err @ (AppError::Invalid(_) | AppError::Duplicate(_))) => {
            let form = FormView::from_data(&data);
            let mut template = form_template(
                &state,
                &ctx,
                "organisation-edit-title",
                action,
                form,
                Some(version),
            );
            show_errors(&mut template, &err);
            render_with_status(err.status(), &template)
        }
        Err(AppError::PreconditionFailed { .. }) => {
            // Someone saved first: keep her input, show theirs, and base a new save on theirs.
            let form = FormView::from_data(&data);
            let mut template = form_template(
                &state,
                &ctx,
                "organisation-edit-title",
                action,
                form,
                Some(current.version),
            );
            template.page.problem = Some((template.page.t.get("organisation-conflict"), None));
            template.current = Some(OrgView::new(&template.page.t, &current));
            render_with_status(StatusCode::CONFLICT, &template)
        }
        Err(other) => Err(other),
    }
}
