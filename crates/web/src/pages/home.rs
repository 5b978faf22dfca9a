//! The home page, one per role: the network for the admin, her organisation for a director,
//! cases for staff who carry them, the programme for a trainer, her own record for a survivor.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use domain::OrgId;
use domain::Role;
use domain::policy::{Action, Resource};
use i18n::Arg;

use super::{Page, Tr, render};
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
    /// network admin); for the custodian's case staff, missed follow-ups and overdue
    /// repatriation steps (counts per organisation, for the network admin): (link, text).
    alerts: Vec<(String, String)>,
    /// Network admin: the newest audit checkpoint's short hash, to note down or send on.
    checkpoint: Option<String>,
    /// Director and network admin: the first indicator this quarter, (name, figure), before
    /// any count; the link goes to all of them.
    headline: Option<(String, String)>,
    /// Director: her organisation's cases at each stage, (stage, count).
    by_stage: Vec<(String, String)>,
    /// Director: plans waiting for her approval, (link, case code).
    awaiting_approval: Vec<(String, String)>,
    /// Trainer: the workshops still to come or running, (link, title, dates).
    workshops: Vec<(String, String, String)>,
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
                && app::policy::allows(
                    &actor,
                    Action::ViewHandovers,
                    &Resource::Organisation(actor.org_id),
                );
            let href = if opens {
                format!("/handovers/{}", h.id)
            } else {
                String::new()
            };
            alerts.push((href, text));
        }
    }
    // A handover that has arrived is news the day it comes, not after the days allowed to
    // acknowledge it (those are above, as late).
    if app::policy::allows(
        &actor,
        Action::ViewHandovers,
        &Resource::Organisation(actor.org_id),
    ) {
        for h in state.store.handovers_of(actor.org_id, true).await? {
            let waiting = h.state == domain::handover::HandoverState::Sent
                && h.sent_at.is_some_and(|sent| sent >= cutoff);
            if !waiting {
                continue;
            }
            let from = state
                .store
                .organisation(h.from_org)
                .await?
                .map(|o| o.fields.name.to_string())
                .unwrap_or_default();
            let text = t.with("handover-arrived-alert", "organisation", &from);
            alerts.push((format!("/handovers/{}", h.id), text));
        }
    }
    let today = ctx.zone.date_of(state.clock.now());
    if app::policy::allows(
        &actor,
        Action::ListCases,
        &Resource::Organisation(actor.org_id),
    ) {
        alerts.extend(late_in_cases(&state, &t, actor.org_id, today).await?);
    }
    if has(Role::NetworkAdmin) {
        // Counts only: she runs the network and sees no case.
        for o in state.store.organisations().await? {
            let name = o.fields.name.to_string();
            let missed = state.store.overdue_followups(o.id, today).await?.len();
            let steps = state.store.overdue_steps(o.id, today).await?.len();
            for (id, n) in [
                ("home-network-followups-missed", missed),
                ("home-network-steps-overdue", steps),
            ] {
                if n > 0 {
                    let text = t.i18n.text_with(
                        t.lang,
                        id,
                        &[
                            ("organisation", Arg::Text(name.clone())),
                            ("count", Arg::Count(n as i64)),
                        ],
                    );
                    alerts.push((String::new(), text));
                }
            }
        }
    }
    let checkpoint = if has(Role::NetworkAdmin) {
        let dir = state.config.checkpoint_dir.as_deref();
        Some(app::checkpoints::summary(&t, dir).await)
    } else {
        None
    };
    let acting = ctx.acting(&actor, state.clock.now());
    let headline = headline(&state, &t, &acting).await?;
    let (by_stage, awaiting_approval) = if has(Role::Director) {
        let overview = app::casework::overview(&state.store, &acting, actor.org_id).await?;
        (
            overview
                .by_stage
                .iter()
                .map(|(stage, n)| {
                    (
                        t.get(stage.message_id()),
                        i18n::format_number(t.lang, i64::try_from(*n).unwrap_or(i64::MAX)),
                    )
                })
                .collect(),
            overview
                .awaiting_approval
                .iter()
                .map(|(id, code)| (format!("/cases/{id}/plan"), code.to_string()))
                .collect(),
        )
    } else {
        (Vec::new(), Vec::new())
    };
    let workshops = if has(Role::Trainer) {
        coming_workshops(&state, &t, today).await?
    } else {
        Vec::new()
    };
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
        // She is a person with an account, not a label: her home page names no role.
        roles: if has(Role::Survivor) {
            String::new()
        } else {
            t.with("home-roles", "roles", &roles)
        },
        network,
        own_users,
        cases,
        my_cases,
        training: has(Role::Trainer),
        survivor: has(Role::Survivor),
        alerts,
        checkpoint,
        headline,
        by_stage,
        awaiting_approval,
        workshops,
        page,
    };
    render(&template)
}

/// The organisation's missed follow-ups and overdue repatriation steps, each naming her case
/// and linking to it: (link, text).
async fn late_in_cases(
    state: &AppState,
    t: &Tr<'_>,
    org: OrgId,
    today: time::Date,
) -> Result<Vec<(String, String)>, AppError> {
    let date = |d: time::Date| t.day(d);
    let text = |id: &str, code: &domain::CaseCode, args: Vec<(&str, String)>| {
        let mut all = vec![("code", Arg::Text(code.to_string()))];
        all.extend(args.into_iter().map(|(k, v)| (k, Arg::Text(v))));
        t.i18n.text_with(t.lang, id, &all)
    };
    let mut alerts = Vec::new();
    for (code, f) in state.store.overdue_followups(org, today).await? {
        alerts.push((
            format!("/cases/{}", f.case_id),
            text("home-followup-missed", &code, vec![("due", date(f.due_on))]),
        ));
    }
    for late in state.store.overdue_steps(org, today).await? {
        let step = t.get(&format!("repatriation-step-{}", late.step.key));
        alerts.push((
            format!("/cases/{}", late.step.case_id),
            text(
                "home-step-overdue",
                &late.code,
                vec![("step", step), ("due", date(late.due_on))],
            ),
        ));
    }
    Ok(alerts)
}

/// The first restorative indicator this quarter, for those who read the indicators of their
/// organisation or the network: her words lately, with its n (or why it is hidden).
async fn headline(
    state: &AppState,
    t: &Tr<'_>,
    acting: &app::Acting,
) -> Result<Option<(String, String)>, AppError> {
    let Some(actor) = &acting.actor else {
        return Ok(None);
    };
    let reads = |resource| app::policy::allows(actor, Action::ReadIndicators, &resource);
    if !(reads(Resource::Network) || reads(Resource::Organisation(actor.org_id))) {
        return Ok(None);
    }
    let period = app::indicators::current_quarter(&state.store, acting).await?;
    let view = app::indicators::view(state, acting, period, None).await?;
    let lines = match &view.network {
        Some(network) => Some(network),
        None => view.organisations.first().map(|o| &o.lines),
    };
    Ok(lines.and_then(|lines| lines.first()).map(|line| {
        (
            t.get(&format!("indicator-{}", line.measure.key())),
            super::indicators::figure_text(t, line.measure, line.period),
        )
    }))
}

/// The workshops that have not ended yet, soonest first: (link, title, dates).
async fn coming_workshops(
    state: &AppState,
    t: &Tr<'_>,
    today: time::Date,
) -> Result<Vec<(String, String, String)>, AppError> {
    let mut coming: Vec<_> = state
        .store
        .workshops()
        .await?
        .into_iter()
        .filter(|w| w.ends_on >= today)
        .collect();
    coming.sort_by_key(|w| (w.starts_on, w.id));
    Ok(coming
        .iter()
        .map(|w| {
            (
                format!("/training/workshops/{}", w.id),
                w.template.title.get(t.lang).to_string(),
                format!("{} – {}", t.day(w.starts_on), t.day(w.ends_on)),
            )
        })
        .collect())
}
