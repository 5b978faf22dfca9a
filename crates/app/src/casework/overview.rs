//! Her organisation at a glance, for the director's home page: how many cases stand at each
//! stage, and the plans waiting for her approval. Figures and case codes of her own
//! organisation only; nothing here reads a case's content.

use std::sync::Arc;

use domain::policy::{Action, Resource};
use domain::{CaseCode, CaseId, OrgId, Stage};
use store::Store;

use crate::{Acting, Error};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overview {
    /// Every stage of the journey in order, with its count (zero included, so the funnel
    /// keeps its shape).
    pub by_stage: Vec<(Stage, u64)>,
    /// Open cases whose newest plan is not approved; empty for a reader who may not approve.
    pub awaiting_approval: Vec<(CaseId, CaseCode)>,
}

/// The overview of `org`, for those who may list its cases.
pub async fn overview(
    store: &Arc<dyn Store>,
    acting: &Acting,
    org: OrgId,
) -> Result<Overview, Error> {
    acting.check(Action::ListCases, Resource::Organisation(org))?;
    let counts = store.stage_counts(org).await?;
    let by_stage = Stage::ALL
        .iter()
        .map(|stage| {
            let n = counts
                .iter()
                .find(|(s, _)| s == stage)
                .map_or(0, |(_, n)| *n);
            (*stage, n)
        })
        .collect();
    let may_approve = match &acting.actor {
        None => true,
        Some(actor) => {
            crate::policy::allows(actor, Action::ApprovePlan, &Resource::Organisation(org))
        }
    };
    let awaiting_approval = if may_approve {
        store.plans_awaiting_approval(org).await?
    } else {
        Vec::new()
    };
    Ok(Overview {
        by_stage,
        awaiting_approval,
    })
}
