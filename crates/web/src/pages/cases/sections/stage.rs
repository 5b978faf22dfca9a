//! Where her case stands: the stages it went through, and where it may go next.

use domain::Stage;
use domain::policy::Action;

use super::super::list::stage_choices;
use super::{Viewing, names};
use crate::AppError;
use crate::pages::{Choice, FormView};

pub struct ChangeView {
    pub what: String,
    pub reason: String,
    pub meta: String,
}

pub struct StageSection {
    /// Each change of stage, oldest first; empty unless the reader may see the whole case.
    pub history: Vec<ChangeView>,
    /// The stages the reader may move the case to (closing is its own permission).
    pub next: Vec<Choice>,
    pub form: FormView,
    /// The terms of her stay in force, for those who see the whole case: (who set its
    /// length, the date she wants to leave or that she has none).
    pub stay: Option<(String, String)>,
    /// Those who move her along the journey record the terms with her.
    pub can_record_stay: bool,
    pub stay_form: FormView,
    pub stay_setters: Vec<Choice>,
}

/// The stage's history and the next stages the reader may choose; `form` is her change
/// re-shown after a refusal. The history and the terms of her stay are read only `with_journey`
/// (the journey's page; the summary shows the stage and its form alone).
pub async fn stage(
    v: &Viewing<'_>,
    form: Option<FormView>,
    stay_form: Option<FormView>,
    with_journey: bool,
) -> Result<StageSection, AppError> {
    let t = v.t;
    let history = if with_journey && v.may(Action::ViewCase) {
        let changes = v.state.store.stage_history(v.case.id, &v.scope()).await?;
        let who = names(v.state, changes.iter().filter_map(|c| c.by)).await?;
        changes
            .iter()
            .map(|c| ChangeView {
                what: format!(
                    "{} → {}",
                    t.get(c.from.message_id()),
                    t.get(c.to.message_id())
                ),
                reason: c.reason.clone(),
                meta: format!(
                    "{} · {}",
                    t.datetime(&c.at),
                    c.by.and_then(|b| who.get(&b).cloned()).unwrap_or_default()
                ),
            })
            .collect()
    } else {
        Vec::new()
    };
    let next: Vec<Stage> = v
        .case
        .stage
        .next_choices()
        .into_iter()
        .filter(|stage| {
            v.may(if *stage == Stage::Closed {
                Action::CloseCase
            } else {
                Action::ChangeStage
            })
        })
        .collect();
    let stay = if with_journey && v.may(Action::ViewCase) {
        app::casework::stay_terms(&v.state.store, &v.acting(), v.case)
            .await?
            .map(|terms| {
                (
                    t.get(&format!("set-by-{}", terms.fields.length_set_by.as_str())),
                    terms
                        .fields
                        .wants_to_leave_on
                        .map(|d| v.day(d))
                        .unwrap_or_else(|| t.get("stay-no-date")),
                )
            })
    } else {
        None
    };
    let can_record_stay = v.may(Action::ChangeStage);
    Ok(StageSection {
        history,
        next: stage_choices(&t, &next),
        form: form.unwrap_or_default(),
        stay,
        can_record_stay,
        stay_form: stay_form.unwrap_or_default(),
        stay_setters: domain::plan::SetBy::ALL
            .iter()
            .map(|s| Choice {
                value: s.as_str().to_string(),
                label: t.get(&format!("set-by-{}", s.as_str())),
            })
            .collect(),
    })
}
