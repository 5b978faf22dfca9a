//! The decisions made about her, and whether and how she took part in each.

use domain::decision::{DecisionTopic, Participation};
use domain::policy::Action;

use super::{Viewing, names};
use crate::AppError;
use crate::pages::{Choice, FormView};

pub struct DecisionView {
    pub topic: String,
    pub what: String,
    pub decided_by: String,
    pub options: String,
    pub her_choice: String,
    pub participation: String,
    pub her_view: String,
    pub absent_reason: String,
    pub meta: String,
}

pub struct DecisionsSection {
    pub can_decide: bool,
    /// Newest first; empty when she may not read them.
    pub entries: Vec<DecisionView>,
    pub form: FormView,
    pub topics: Vec<Choice>,
    pub participations: Vec<Choice>,
}

/// The decision log as the reader may see it; `form` is a decision re-shown after a refusal.
pub async fn decisions(
    v: &Viewing<'_>,
    form: Option<FormView>,
) -> Result<DecisionsSection, AppError> {
    let t = v.t;
    let can_read = v.may(Action::ReadDecisions);
    let entries = if can_read {
        let logged = v.state.store.decisions_of(v.case.id, v.seen).await?;
        let who = names(v.state, logged.iter().map(|d| d.recorded_by)).await?;
        logged
            .iter()
            .rev()
            .map(|d| DecisionView {
                topic: t.get(d.fields.topic.message_id()),
                what: d.fields.what.clone(),
                decided_by: d.fields.decided_by.clone(),
                options: d.fields.options.join(" · "),
                her_choice: d.fields.her_choice.clone(),
                participation: t.get(d.fields.participation.message_id()),
                her_view: d.fields.her_view.clone(),
                absent_reason: d.fields.absent_reason.clone(),
                meta: format!(
                    "{} · {}",
                    t.datetime(&d.recorded_at),
                    who.get(&d.recorded_by).cloned().unwrap_or_default()
                ),
            })
            .collect()
    } else {
        Vec::new()
    };
    Ok(DecisionsSection {
        can_decide: v.may(Action::LogDecision),
        entries,
        form: form.unwrap_or_default(),
        topics: DecisionTopic::ALL
            .iter()
            .map(|d| Choice {
                value: d.as_str().into(),
                label: t.get(d.message_id()),
            })
            .collect(),
        participations: Participation::ALL
            .iter()
            .map(|p| Choice {
                value: p.as_str().into(),
                label: t.get(p.message_id()),
            })
            .collect(),
    })
}
