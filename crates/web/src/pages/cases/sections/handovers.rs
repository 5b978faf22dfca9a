//! Where the case may be handed over to, or a section shared with.

use domain::policy::Action;

use super::Viewing;
use crate::AppError;
use crate::pages::Choice;

/// The organisations the reader may hand the case over to or share a section with; empty
/// (and nothing looked up) when she may do neither.
pub async fn destinations(v: &Viewing<'_>) -> Result<Vec<Choice>, AppError> {
    if v.may(Action::StartHandover) || v.may(Action::ShareSection) {
        crate::pages::handovers::destinations(v.state, v.actor, v.case).await
    } else {
        Ok(Vec::new())
    }
}
