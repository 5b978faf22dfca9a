//! Her journey after the shelter: follow-ups and the steps of repatriation, for the custodian.

use domain::policy::Action;

use super::Viewing;
use crate::AppError;
use crate::pages::Choice;

pub struct FollowUpView {
    pub action: String,
    pub due: String,
    pub result: String,
    pub missed: bool,
    pub done: bool,
}

pub struct StepView {
    pub action: String,
    pub label: String,
    pub agency: String,
    pub due: String,
    pub done: String,
    pub overdue: bool,
    pub preference: String,
}

pub struct JourneySection {
    pub followups: Vec<FollowUpView>,
    pub outcomes: Vec<Choice>,
    /// The repatriation's steps, once it has started.
    pub steps: Option<Vec<StepView>>,
    pub can_repatriate: bool,
}

/// Follow-ups and repatriation: the custodian's own work (`FollowJourney`); an earlier
/// custodian or a receiver waiting to answer sees none of it.
/// `with_followups` and `with_steps` say which of the two the page shows: nothing is read for
/// the other.
pub async fn journey(
    v: &Viewing<'_>,
    with_followups: bool,
    with_steps: bool,
) -> Result<JourneySection, AppError> {
    let t = v.t;
    let custodial = v.may(Action::FollowJourney);
    let today = v.ctx.zone.date_of(v.state.clock.now());
    let followups = if custodial && with_followups {
        v.state
            .store
            .followups_of(v.case.id, &v.scope())
            .await?
            .iter()
            .map(|f| FollowUpView {
                action: format!("/cases/{}/followups/{}", v.case.id, f.id),
                due: v.day(f.due_on),
                result: f
                    .done
                    .as_ref()
                    .map(|d| format!("{}: {}", t.get(&d.outcome.message_id()), d.her_words))
                    .unwrap_or_default(),
                missed: f.is_missed(today),
                done: f.done.is_some(),
            })
            .collect()
    } else {
        Vec::new()
    };
    let steps = if custodial && with_steps {
        v.state
            .store
            .repatriation(v.case.id, &v.scope())
            .await?
            .map(|(_, started_on, steps)| {
                let due = domain::repatriation::due_dates(started_on, &steps);
                let late = domain::repatriation::overdue(started_on, &steps, today);
                steps
                    .iter()
                    .zip(due)
                    .zip(late)
                    .map(|((s, due), overdue)| StepView {
                        action: format!("/cases/{}/repatriation/{}", v.case.id, s.seq),
                        label: t.get(&format!("repatriation-step-{}", s.key)),
                        // The agencies are the route's own (migration 0012), named here in
                        // her language; the API keeps the stored English name.
                        agency: t.get(&format!("repatriation-agency-{}", s.key)),
                        due: v.day(due),
                        done: s.done_on.map(|d| v.day(d)).unwrap_or_default(),
                        overdue,
                        preference: s.her_preference.clone(),
                    })
                    .collect()
            })
    } else {
        None
    };
    Ok(JourneySection {
        followups,
        outcomes: domain::followup::Outcome::ALL
            .iter()
            .map(|o| Choice {
                value: o.as_str().into(),
                label: t.get(&o.message_id()),
            })
            .collect(),
        steps,
        can_repatriate: v.may(Action::Repatriate),
    })
}
