//! Ids in a path, parsed once at the edge into the domain's types, and the case or handover a
//! path names, loaded through the service for the person asking. Text that is no id answers
//! 404, the same as an id that names nothing: a path reveals nothing.

use std::str::FromStr;

use domain::policy::Action;
use domain::sight::Sight;
use domain::{Case, CaseId, HandoverId};

use crate::{AppError, AppState, Ctx};

/// An id from the path; text that does not parse names nothing (404).
pub fn id<T: FromStr>(text: &str) -> Result<T, AppError> {
    text.parse().map_err(|_| AppError::NotFound)
}

impl Ctx {
    /// The case the path's `id` names, for `action`, as `app::casework::load` decides.
    pub async fn case(&self, state: &AppState, id: &str, action: Action) -> Result<Case, AppError> {
        let case_id: CaseId = self::id(id)?;
        let acting = self.acting(&self.actor()?, state.clock.now());
        Ok(app::casework::load(&state.store, &acting, case_id, action).await?)
    }

    /// Her case, for the survivor herself (`app::casework::load_own`).
    pub async fn own_case(&self, state: &AppState, id: &str) -> Result<Case, AppError> {
        let case_id: CaseId = self::id(id)?;
        let acting = self.acting(&self.actor()?, state.clock.now());
        Ok(app::casework::load_own(&state.store, &acting, case_id).await?)
    }

    /// What her organisation holds of `case` now (`app::casework::sight`).
    pub async fn sight(&self, state: &AppState, case: &Case) -> Result<Sight, AppError> {
        let acting = self.acting(&self.actor()?, state.clock.now());
        Ok(app::casework::sight(&state.store, &acting, case).await?)
    }

    /// The handover the path's `id` names, with its case (`app::handovers::load`).
    pub async fn handover(
        &self,
        state: &AppState,
        id: &str,
    ) -> Result<(domain::handover::Handover, Case), AppError> {
        let handover_id: HandoverId = self::id(id)?;
        let acting = self.acting(&self.actor()?, state.clock.now());
        Ok(app::handovers::load(&state.store, &acting, handover_id).await?)
    }
}
