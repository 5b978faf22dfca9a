//! A case at a glance: what the top of the case page and each row of the case list show
//! without opening any section of her record — the stage as a stepper, who carries her case,
//! the next thing due, her plan's state and what is late. It reads no content of her record
//! (the plan's target dates aside, for those who read the plan), so it writes no reading to
//! the audit trail; each section's own page does that.

use domain::policy::Action;
use domain::{Case, Stage, Timestamp};
use store::Glance;

use super::sections::Viewing;
use crate::AppError;
use crate::pages::Tr;

/// One stage of her journey in the stepper.
pub struct StepView {
    pub label: String,
    /// "done", "current" or "ahead": the look of the step; `current` also marks it for a
    /// screen reader (`aria-current="step"`).
    pub class: &'static str,
    pub current: bool,
}

/// The stages in order, the case's own marked.
pub fn stepper(t: &Tr, stage: Stage) -> Vec<StepView> {
    let at = Stage::ALL.iter().position(|s| *s == stage).unwrap_or(0);
    Stage::ALL
        .iter()
        .enumerate()
        .map(|(i, s)| StepView {
            label: t.get(s.message_id()),
            class: match i.cmp(&at) {
                std::cmp::Ordering::Less => "done",
                std::cmp::Ordering::Equal => "current",
                std::cmp::Ordering::Greater => "ahead",
            },
            current: i == at,
        })
        .collect()
}

/// The next thing due: (the day, in words; what is due; whether the day has passed).
pub struct Due {
    pub day: String,
    pub what: String,
    pub past: bool,
}

/// When a plan is due for review: this many days after it was last reviewed with her (or
/// first saved) — the same period the case list's "review overdue" filter uses.
pub fn review_due(t: &Tr, glance: &Glance) -> Option<time::Date> {
    glance.review_from.map(|from| {
        t.zone
            .date_of(from.plus_seconds(app::exports::REVIEW_EVERY_DAYS * 86_400))
    })
}

/// The earliest of what is due: a follow-up, a repatriation step, the plan's review, or one of
/// `targets` (the plan's open target dates, for those who read the plan).
pub fn next_due(
    t: &Tr,
    glance: Option<&Glance>,
    targets: &[time::Date],
    today: time::Date,
) -> Option<Due> {
    let mut due: Vec<(time::Date, String)> = Vec::new();
    if let Some(g) = glance {
        if let Some(d) = g.next_followup {
            due.push((d, t.get("case-due-followup")));
        }
        if let Some((key, d)) = &g.next_step {
            due.push((*d, t.get(&format!("repatriation-step-{key}"))));
        }
        if let Some(d) = review_due(t, g) {
            due.push((d, t.get("case-due-review")));
        }
    }
    if let Some(d) = targets.iter().min() {
        due.push((*d, t.get("case-due-target")));
    }
    due.into_iter()
        .min_by_key(|(d, _)| *d)
        .map(|(d, what)| Due {
            day: t.day(d),
            what,
            past: d < today,
        })
}

/// Her plan's state in a few words: none yet, waiting for approval, approved, or changed since.
pub fn plan_status(t: &Tr, plan: Option<(i64, Option<i64>)>) -> String {
    t.get(match plan {
        None | Some((0, _)) => "case-plan-none",
        Some((version, Some(approved))) if approved == version => "case-plan-approved",
        Some((_, Some(_))) => "case-plan-changed",
        Some((_, None)) => "case-plan-awaiting",
    })
}

/// The open target dates of her plan: goals and actions neither achieved nor dropped.
pub fn open_targets(plan: &domain::plan::Plan) -> Vec<time::Date> {
    use domain::plan::GoalStatus::{Achieved, Dropped};
    let open = |s| !matches!(s, Achieved | Dropped);
    plan.body
        .goals
        .iter()
        .flat_map(|g| {
            let own = g.target.filter(|_| open(g.status));
            let actions = g
                .actions
                .iter()
                .filter(|a| open(a.status))
                .filter_map(|a| a.target);
            own.into_iter().chain(actions)
        })
        .collect()
}

/// What is late in her case, each with where to put it right: (link, text).
pub fn alerts(
    v: &Viewing<'_>,
    glance: Option<&Glance>,
    targets: &[time::Date],
    today: time::Date,
    late_before: Timestamp,
) -> Vec<(String, String)> {
    let t = &v.t;
    let base = format!("/cases/{}", v.case.id);
    let mut alerts = Vec::new();
    if let Some(g) = glance {
        if g.missed_followups > 0 {
            alerts.push((
                format!("{base}/journey"),
                t.count("case-alert-followups-missed", g.missed_followups as usize),
            ));
        }
        if g.overdue_steps > 0 {
            alerts.push((
                format!("{base}/repatriation"),
                t.count("case-alert-steps-overdue", g.overdue_steps as usize),
            ));
        }
        if review_due(t, g).is_some_and(|d| d < today) {
            alerts.push((format!("{base}/plan"), t.get("case-alert-review-overdue")));
        }
        if g.waiting_since.is_some_and(|sent| sent < late_before) {
            alerts.push((
                format!("{base}/handovers"),
                t.get("case-alert-handover-late"),
            ));
        }
    }
    let past = targets.iter().filter(|d| **d < today).count();
    if past > 0 {
        alerts.push((
            format!("{base}/plan"),
            t.count("case-alert-targets-past", past),
        ));
    }
    // A link goes only where she may follow it.
    alerts
        .into_iter()
        .map(|(href, text)| {
            let opens = href.ends_with("/plan") && v.may(Action::ReadPlan)
                || href.ends_with("/journey") && v.may(Action::ViewCase)
                || href.ends_with("/repatriation") && v.may(Action::FollowJourney)
                || href.ends_with("/handovers")
                    && (v.may(Action::StartHandover) || v.may(Action::ShareSection));
            (if opens { href } else { String::new() }, text)
        })
        .collect()
}

/// Who carries her case: the custodian, and its staff assigned to her, named from `people`
/// (read with [`store::Store::users_among_and_survivors`]). The custodian's name comes with
/// the reader's session when it is her own organisation, else it is read.
pub async fn carried_by(v: &Viewing<'_>, people: &[domain::User]) -> Result<String, AppError> {
    let org = match &v.ctx.org_name {
        Some(name) if v.actor.org_id == v.case.custodian => name.clone(),
        _ => v
            .state
            .store
            .organisation(v.case.custodian)
            .await?
            .map(|o| o.fields.name.to_string())
            .unwrap_or_default(),
    };
    // Named in the order they were assigned.
    let names: Vec<String> = v
        .case
        .assigned
        .iter()
        .filter_map(|id| people.iter().find(|u| u.id == *id))
        .filter(|u| u.org_id == v.case.custodian)
        .map(|u| u.name().to_string())
        .collect();
    Ok(if names.is_empty() {
        org
    } else {
        format!("{org}: {}", names.join(", "))
    })
}

/// The case's glance, when the reader's organisation carries it (the dates due are the
/// custodian's own work), and her plan as `seen` reaches it, for a reader of the plan (`seen`
/// is given only to one): one statement when both are read (issue 16), nothing when neither.
pub async fn glance_and_plan(
    v: &Viewing<'_>,
    case: &Case,
    today: time::Date,
    seen: Option<&domain::sight::Sight>,
) -> Result<(Option<Glance>, Option<domain::plan::Plan>), AppError> {
    let store = &v.state.store;
    let carries = v.actor.org_id == case.custodian;
    Ok(match (carries, seen) {
        (true, Some(seen)) => match store
            .glance_and_plan(case.custodian, case.id, today, seen)
            .await?
        {
            (Some(glance), plan) => (Some(glance), plan),
            // Custody moved since the case was read: no glance, and the plan on its own.
            (None, _) => (None, store.plan(case.id, seen).await?),
        },
        (true, None) => (
            store
                .glances(case.custodian, &[case.id], today)
                .await?
                .into_iter()
                .next(),
            None,
        ),
        (false, Some(seen)) => (None, store.plan(case.id, seen).await?),
        (false, None) => (None, None),
    })
}
