//! Decisions about her, logged with the options, who took part and her own view.

use std::sync::Arc;

use domain::Case;
use domain::audit::AuditAction;
use domain::decision::DecisionDraft;
use domain::policy::Action;
use store::Store;

use super::access::{check, event};
use crate::{Acting, Error, FieldError};

/// A decision as typed in: the API's JSON and the form share it. `options` is one per line.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DecisionInput {
    pub topic: String,
    pub what: String,
    pub decided_by: String,
    pub options: Vec<String>,
    pub her_choice: String,
    pub participation: String,
    pub her_view: String,
    pub absent_reason: String,
}

pub async fn log_decision(
    store: &Arc<dyn Store>,
    acting: &Acting,
    case: &Case,
    input: &DecisionInput,
) -> Result<domain::decision::Decision, Error> {
    let (actor, source, at) = acting.signed_in()?;
    check(actor, Action::LogDecision, case)?;
    let options = input.options.join("\n");
    let draft = DecisionDraft {
        topic: &input.topic,
        what: &input.what,
        decided_by: &input.decided_by,
        options: &options,
        her_choice: &input.her_choice,
        participation: &input.participation,
        her_view: &input.her_view,
        absent_reason: &input.absent_reason,
    };
    let fields = draft.check().map_err(|errors| {
        Error::Invalid(
            errors
                .iter()
                .map(|(field, e)| FieldError::new(field, e))
                .collect(),
        )
    })?;
    let decision = domain::decision::Decision {
        id: uuid::Uuid::now_v7(),
        case_id: case.id,
        fields,
        recorded_by: actor.user_id,
        recorded_at: at,
    };
    let audit = event(actor, source, at, AuditAction::DecisionLogged, case).with_detail(
        crate::accounts::detail(&[
            ("decision", &decision.id.to_string()),
            ("topic", decision.fields.topic.as_str()),
            ("participation", decision.fields.participation.as_str()),
        ]),
    );
    store.log_decision(&decision, audit).await?;
    Ok(decision)
}
