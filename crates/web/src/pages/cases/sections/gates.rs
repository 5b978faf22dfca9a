//! The training gates that keep the reader from some of this case's work.

use super::Viewing;
use crate::AppError;

/// One line per gated action she may not take yet, naming the workshop that opens it; empty
/// unless the network set gates.
pub fn training_needed(v: &Viewing<'_>) -> Result<Vec<String>, AppError> {
    let actor = v.actor;
    let programme = v.state.programme();
    Ok(domain::training::gate::GatedAction::ALL
        .iter()
        .filter_map(|gated| {
            let gate = actor.training.unmet_gated(&actor.roles, *gated)?;
            let workshop = programme
                .workshop(&gate.workshop)
                .map(|w| w.title.get(v.ctx.lang).to_string())
                .unwrap_or_else(|| gate.workshop.clone());
            Some(v.state.i18n.text_with(
                v.ctx.lang,
                "gate-you-need",
                &[
                    ("action", i18n::Arg::Text(v.t.get(&gated.message_id()))),
                    ("workshop", i18n::Arg::Text(workshop)),
                ],
            ))
        })
        .collect())
}
