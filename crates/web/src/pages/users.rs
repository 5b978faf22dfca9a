//! An organisation's users, managed by its director (or the network admin). The role boxes
//! offered are the roles the policy lets this person grant.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use domain::policy::{Action, Actor, Resource};
use domain::{OrgId, Organisation, Role, User, UserId};
use serde::Deserialize;

use super::{
    Choice, FormData, FormView, Page, Tr, language_choices, render, render_with_status, see_other,
};
use crate::api::organisations::parse_org_id;
use crate::{AppError, AppState, Ctx};
use app::Acting;
use app::accounts::{self, UserInput, UserUpdateInput};

pub struct UserView {
    /// None for an account she may not administer (the network admin, for a director).
    pub edit_href: Option<String>,
    pub username: String,
    pub name: String,
    pub roles: String,
    pub language: &'static str,
    pub active: bool,
}

impl UserView {
    fn new(t: &Tr, user: &User, actor: &Actor) -> Self {
        Self {
            edit_href: app::policy::require_administer(actor, user)
                .is_ok()
                .then(|| format!("/users/{}/edit", user.id)),
            username: user.username.to_string(),
            name: user.display_name.clone().unwrap_or_default(),
            roles: user
                .roles
                .iter()
                .map(|r| t.role(&r))
                .collect::<Vec<_>>()
                .join(", "),
            language: user.language.autonym(),
            active: user.active,
        }
    }
}

#[derive(Template)]
#[template(path = "users.html")]
struct ListTemplate<'a> {
    page: Page<'a>,
    users: Vec<UserView>,
    count: String,
    add_href: Option<String>,
}

#[derive(Template)]
#[template(path = "user_form.html")]
struct FormTemplate<'a> {
    page: Page<'a>,
    action: String,
    form: FormView,
    roles: Vec<Choice>,
    languages: Vec<Choice>,
    /// New users: username and password fields. Edits: the version and the active box.
    is_new: bool,
    version: i64,
    username: String,
    current: Option<UserView>,
}

#[derive(Debug, Default, Deserialize)]
pub struct NoticeQuery {
    notice: Option<String>,
}

fn parse_user_id(text: &str) -> Result<UserId, AppError> {
    text.parse().map_err(|_| AppError::NotFound)
}

fn origin(state: &AppState, ctx: &Ctx) -> Result<Acting, AppError> {
    Ok(Acting {
        actor: Some(ctx.actor()?),
        source: ctx.source.clone(),
        at: state.clock.now(),
    })
}

/// The roles this person may hand out in `org`, plus those the user already has (so an edit
/// shows them, and leaving a box ticked is no new grant).
fn grantable(t: &Tr, actor: &Actor, org: OrgId, existing: Option<&User>) -> Vec<Choice> {
    Role::ALL
        .into_iter()
        .filter(|r| {
            app::policy::allows(actor, Action::GrantRole(*r), &Resource::Organisation(org))
                || existing.is_some_and(|u| u.roles.contains(*r))
        })
        .map(|r| Choice {
            value: r.as_str().into(),
            label: t.role(&r),
        })
        .collect()
}

pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Query(query): Query<NoticeQuery>,
) -> Result<Response, AppError> {
    let org_id = parse_org_id(&id)?;
    let actor = ctx.authorize(Action::ListUsers, Resource::Organisation(org_id))?;
    let org = state
        .store
        .organisation(org_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let notice = match query.notice.as_deref() {
        Some("created") => Some("user-created"),
        Some("updated") => Some("user-updated"),
        _ => None,
    };
    let path = format!("/organisations/{org_id}/users");
    let t = ctx.tr(&state.i18n);
    let title = t.with("users-title", "organisation", org.fields.name.as_str());
    let page = Page::titled(&state, &ctx, &path, title).notice(notice);
    let users: Vec<UserView> = state
        .store
        .users_in(org_id)
        .await?
        .iter()
        .map(|u| UserView::new(&page.t, u, &actor))
        .collect();
    let add_href =
        (app::policy::allows(&actor, Action::CreateUser, &Resource::Organisation(org_id)))
            .then(|| format!("{path}/new"));
    render(&ListTemplate {
        count: page.t.count("users-count", users.len()),
        page,
        users,
        add_href,
    })
}

fn new_template<'a>(
    state: &'a AppState,
    ctx: &'a Ctx,
    actor: &Actor,
    org: &Organisation,
    form: FormView,
) -> FormTemplate<'a> {
    let page = Page::new(
        state,
        ctx,
        &format!("/organisations/{}/users", org.id),
        "user-new-title",
    );
    FormTemplate {
        roles: grantable(&page.t, actor, org.id, None),
        page,
        action: format!("/organisations/{}/users/new", org.id),
        form,
        languages: language_choices(),
        is_new: true,
        version: 0,
        username: String::new(),
        current: None,
    }
}

pub async fn new_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let org_id = parse_org_id(&id)?;
    let actor = ctx.authorize(Action::CreateUser, Resource::Organisation(org_id))?;
    let org = state
        .store
        .organisation(org_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut form = FormView::default();
    if let Some(first) = org.fields.languages.first() {
        form.set("language", first.code());
    }
    render(&new_template(&state, &ctx, &actor, &org, form))
}

/// A new account. No `Debug`: it holds her first password.
#[derive(Default, Deserialize)]
#[serde(default)]
struct NewUserForm {
    username: String,
    display_name: String,
    roles: Vec<String>,
    language: String,
    password: String,
}

/// An account's changes, with the version they are based on (kept as text: the handler
/// refuses a form without a readable one).
#[derive(Default, Deserialize)]
#[serde(default)]
struct UserForm {
    version: String,
    display_name: String,
    roles: Vec<String>,
    language: String,
    active: bool,
}

pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    data: FormData,
) -> Result<Response, AppError> {
    let org_id = parse_org_id(&id)?;
    let actor = ctx.authorize(Action::CreateUser, Resource::Organisation(org_id))?;
    let org = state
        .store
        .organisation(org_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let form: NewUserForm = data.read()?;
    let input = UserInput {
        username: form.username.trim().to_string(),
        display_name: form.display_name,
        roles: form.roles,
        language: form.language,
        password: form.password,
    };
    match accounts::create_user(&state.store, &origin(&state, &ctx)?, &org, &input)
        .await
        .map_err(AppError::from)
    {
        Ok(_) => Ok(see_other(&format!(
            "/organisations/{org_id}/users?notice=created"
        ))),
        Err(err @ (AppError::Invalid(_) | AppError::Duplicate(_))) => {
            let mut template = new_template(&state, &ctx, &actor, &org, FormView::from_data(&data));
            let t = template.page.t;
            match &err {
                AppError::Invalid(errors) => {
                    template.form = std::mem::take(&mut template.form).with_errors(&t, errors)
                }
                AppError::Duplicate(id) => template.form.add_error("username", t.get(id)),
                _ => {}
            }
            render_with_status(err.status(), &template)
        }
        Err(other) => Err(other),
    }
}

async fn load_user(state: &AppState, ctx: &Ctx, id: &str) -> Result<(Actor, User), AppError> {
    let id = parse_user_id(id)?;
    let user = state.store.user(id).await?;
    // Ask the policy before revealing whether a user exists in another organisation.
    let org = user
        .as_ref()
        .map(|u| u.org_id)
        .unwrap_or(ctx.actor()?.org_id);
    let actor = ctx.authorize(Action::UpdateUser, Resource::User { id, org })?;
    let user = user.ok_or(AppError::NotFound)?;
    app::policy::require_administer(&actor, &user)?;
    Ok((actor, user))
}

fn edit_template<'a>(
    state: &'a AppState,
    ctx: &'a Ctx,
    actor: &Actor,
    user: &User,
    form: FormView,
    version: i64,
) -> FormTemplate<'a> {
    let page = Page::new(
        state,
        ctx,
        &format!("/organisations/{}/users", user.org_id),
        "user-edit-title",
    );
    FormTemplate {
        roles: grantable(&page.t, actor, user.org_id, Some(user)),
        page,
        action: format!("/users/{}/edit", user.id),
        form,
        languages: language_choices(),
        is_new: false,
        version,
        username: user.username.to_string(),
        current: None,
    }
}

fn form_from_user(user: &User) -> FormView {
    let mut form = FormView::default();
    form.set(
        "display_name",
        user.display_name.clone().unwrap_or_default(),
    );
    form.set_all(
        "roles",
        user.roles.iter().map(|r| r.as_str().to_string()).collect(),
    );
    form.set("language", user.language.code());
    if user.active {
        form.set("active", "on");
    }
    form
}

pub async fn edit_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let (actor, user) = load_user(&state, &ctx, &id).await?;
    render(&edit_template(
        &state,
        &ctx,
        &actor,
        &user,
        form_from_user(&user),
        user.version,
    ))
}

pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    data: FormData,
) -> Result<Response, AppError> {
    let (actor, user) = load_user(&state, &ctx, &id).await?;
    let form: UserForm = data.read()?;
    let Ok(version) = form.version.parse::<i64>() else {
        return Err(AppError::Malformed("the form has no version".into()));
    };
    let input = UserUpdateInput {
        display_name: form.display_name,
        roles: form.roles,
        language: form.language,
        active: form.active,
    };
    let result =
        accounts::update_user(&state.store, &origin(&state, &ctx)?, &user, version, &input)
            .await
            .map_err(AppError::from);
    match result {
        Ok(updated) => Ok(see_other(&format!(
            "/organisations/{}/users?notice=updated",
            updated.org_id
        ))),
        Err(AppError::Invalid(errors)) => {
            let mut template = edit_template(
                &state,
                &ctx,
                &actor,
                &user,
                FormView::from_data(&data),
                version,
            );
            let t = template.page.t;
            template.form = std::mem::take(&mut template.form).with_errors(&t, &errors);
            render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &template)
        }
        Err(AppError::PreconditionFailed { .. }) => {
            let mut template = edit_template(
                &state,
                &ctx,
                &actor,
                &user,
                FormView::from_data(&data),
                user.version,
            );
            template.page.problem = Some((template.page.t.get("user-conflict"), None));
            template.current = Some(UserView::new(&template.page.t, &user, &actor));
            render_with_status(StatusCode::CONFLICT, &template)
        }
        Err(other) => Err(other),
    }
}
