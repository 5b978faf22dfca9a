//! The home page, one per role: the network for the admin, her organisation for a director,
//! cases for staff who carry them, the programme for a trainer, her own record for a survivor.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use domain::Role;
use domain::policy::{Action, Resource};

use super::{Page, render};
use crate::{AppError, AppState, Ctx};

#[derive(Template)]
#[template(path = "home.html")]
struct HomeTemplate<'a> {
    page: Page<'a>,
    welcome: String,
    organisation: String,
    roles: String,
    /// Network admin: how many organisations.
    network: Option<String>,
    /// Director: how many users, and where to manage them.
    own_users: Option<(String, String)>,
    cases: bool,
    /// How many cases she carries, when she carries any.
    my_cases: Option<String>,
    training: bool,
    survivor: bool,
    /// Handovers sent and not acknowledged in time, to or from her organisation (all, for the
    /// network admin): (link, text).
    alerts: Vec<(String, String)>,
}

pub async fn home(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let actor = ctx.authorize(Action::UseOwnAccount, Resource::Network)?;
    let user = ctx.user()?;
    let page = Page::new(&state, &ctx, "/", "home-title");
    let t = page.t;
    let org = state
        .store
        .organisation(user.org_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let has = |role| actor.roles.contains(role);

    let network = if has(Role::NetworkAdmin) {
        let count = state.store.organisations().await?.len();
        Some(t.count("home-admin-organisations", count))
    } else {
        None
    };
    let own_users = if has(Role::Director) {
        let count = state.store.users_in(org.id).await?.len();
        Some((
            t.count("users-count", count),
            format!("/organisations/{}/users", org.id),
        ))
    } else {
        None
    };
    let cases = [
        Role::CaseWorker,
        Role::Counsellor,
        Role::CareGiver,
        Role::Director,
    ]
    .into_iter()
    .any(has);
    let my_cases = if cases {
        let n = state
            .store
            .count_assigned(actor.org_id, actor.user_id)
            .await? as usize;
        (n > 0).then(|| t.count("home-my-cases", n))
    } else {
        None
    };
    let cutoff = state
        .clock
        .now()
        .plus_seconds(-state.config.acknowledge_days * 86_400);
    let mut alerts = Vec::new();
    if has(Role::NetworkAdmin)
        || [Role::Director, Role::CaseWorker, Role::Counsellor]
            .into_iter()
            .any(has)
    {
        for h in state.store.unacknowledged_handovers(cutoff).await? {
            let mine = h.from_org == actor.org_id || h.to_org == actor.org_id;
            if !(mine || has(Role::NetworkAdmin)) {
                continue;
            }
            let from = state
                .store
                .organisation(h.from_org)
                .await?
                .map(|o| o.fields.name.to_string())
                .unwrap_or_default();
            let to = state
                .store
                .organisation(h.to_org)
                .await?
                .map(|o| o.fields.name.to_string())
                .unwrap_or_default();
            let text = format!("{from} → {to}: {}", t.get("handover-overdue-alert"));
            // The network admin sees that it is late, not the case: no link into case content.
            let opens = mine
                && domain::policy::authorize(
                    &actor,
                    Action::ViewHandovers,
                    &Resource::Organisation(actor.org_id),
                )
                .is_allowed();
            let href = if opens {
                format!("/handovers/{}", h.id)
            } else {
                String::new()
            };
            alerts.push((href, text));
        }
    }
    let roles = actor
        .roles
        .iter()
        .map(|r| t.role(&r))
        .collect::<Vec<_>>()
        .join(", ");
    let template = HomeTemplate {
        welcome: t.with("home-welcome", "name", user.name()),
        organisation: t.with(
            "home-organisation",
            "organisation",
            org.fields.name.as_str(),
        ),
        roles: t.with("home-roles", "roles", &roles),
        network,
        own_users,
        cases,
        my_cases,
        training: has(Role::Trainer),
        survivor: has(Role::Survivor),
        alerts,
        page,
    };
    render(&template)
}
