//! The terms of her stay, on the journey: who set how long she stays in care (a court or police
//! order, the team, or she herself) and the date she wants to leave, recorded with her by the
//! staff who carry her case. The indicators (R4) read them to tell an imposed stay from a
//! chosen one, and a stay past her date from one within it.

use std::sync::Arc;

use domain::Case;
use domain::audit::AuditAction;
use domain::plan::SetBy;
use domain::policy::Action;
use domain::stay::{StayTerms, StayTermsFields};
use domain::voice::parse_date;
use store::Store;

use super::access::{check, event};
use crate::{Acting, Error, FieldError};

/// What the form or the API gives: text, checked here all at once.
#[derive(Debug, Clone, Default)]
pub struct StayInput {
    /// `order`, `team` or `her`.
    pub length_set_by: String,
    /// `YYYY-MM-DD`, or blank when she has no date.
    pub wants_to_leave_on: String,
}

/// Records the terms of her stay: the journey's work, so the same people who move her case
/// along it (`ChangeStage`) record them.
pub async fn record_stay(
    store: &Arc<dyn Store>,
    acting: &Acting,
    case: &Case,
    input: &StayInput,
) -> Result<StayTerms, Error> {
    let (actor, source, at) = acting.signed_in()?;
    check(actor, Action::ChangeStage, case)?;
    let mut errors = Vec::new();
    let length_set_by: Option<SetBy> = if input.length_set_by.trim().is_empty() {
        errors.push(FieldError::required("length_set_by"));
        None
    } else {
        input
            .length_set_by
            .parse()
            .map_err(|e| errors.push(FieldError::new("length_set_by", &e)))
            .ok()
    };
    let wants_to_leave_on = if input.wants_to_leave_on.trim().is_empty() {
        Some(None)
    } else {
        parse_date(&input.wants_to_leave_on)
            .map(Some)
            .map_err(|e| errors.push(FieldError::new("wants_to_leave_on", &e)))
            .ok()
    };
    let (Some(length_set_by), Some(wants_to_leave_on)) = (length_set_by, wants_to_leave_on) else {
        return Err(Error::Invalid(errors));
    };
    let fields = StayTermsFields {
        length_set_by,
        wants_to_leave_on,
    };
    fields
        .check(case.opened_at)
        .map_err(|e| Error::Invalid(vec![FieldError::new("wants_to_leave_on", &e)]))?;
    let terms = StayTerms {
        case_id: case.id,
        fields,
        org_id: actor.org_id,
        recorded_by: actor.user_id,
        recorded_at: at,
    };
    let audit = event(actor, source, at, AuditAction::StayTermsRecorded, case).with_detail(
        crate::accounts::detail(&[("length_set_by", length_set_by.as_str())]),
    );
    store.record_stay_terms(&terms, audit).await?;
    Ok(terms)
}

/// The terms in force, for those who may read the case in full.
pub async fn stay_terms(
    store: &Arc<dyn Store>,
    acting: &Acting,
    case: &Case,
) -> Result<Option<StayTerms>, Error> {
    let (actor, _, _) = acting.signed_in()?;
    check(actor, Action::ViewCase, case)?;
    Ok(store.stay_terms_of(case.id).await?)
}
