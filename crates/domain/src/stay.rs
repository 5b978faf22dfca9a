//! The terms of her stay in care, recorded with her on the journey: who set how long she stays
//! (a court or police order, the team, or she herself) and the date she wants to leave.
//!
//! A stay imposed by an order is not the shelter's choice, and a stay past the date she wanted
//! is time held against her wish: the indicators (R4, `docs/indicators.md`) separate the two,
//! which the length of a stay alone cannot. Each recording is kept; the newest is in force.

use time::Date;

use crate::plan::SetBy;
use crate::{CaseId, DomainError, OrgId, Timestamp, UserId};

/// What is asked when the terms are recorded, already validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StayTermsFields {
    /// Who set the length of her stay.
    pub length_set_by: SetBy,
    /// The date she wants to leave care, when she has one.
    pub wants_to_leave_on: Option<Date>,
}

/// The terms as recorded: by whom, when, and for which organisation (the custodian then).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StayTerms {
    pub case_id: CaseId,
    pub fields: StayTermsFields,
    pub org_id: OrgId,
    pub recorded_by: UserId,
    pub recorded_at: Timestamp,
}

impl StayTermsFields {
    /// Checks the terms against her case: the date she wants to leave is not before the case
    /// was opened (a date in the past is allowed: she may already be past it).
    pub fn check(&self, opened: Timestamp) -> Result<(), DomainError> {
        match self.wants_to_leave_on {
            Some(day) if day < opened.to_datetime().date() => {
                Err(DomainError::DateBeforeCaseOpened)
            }
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn the_date_she_wants_to_leave_is_not_before_her_case() {
        let opened = Timestamp(1_782_864_000_000); // 1 July 2026
        let terms = |day| StayTermsFields {
            length_set_by: SetBy::Order,
            wants_to_leave_on: day,
        };
        assert_eq!(terms(None).check(opened), Ok(()));
        assert_eq!(terms(Some(date!(2026 - 09 - 01))).check(opened), Ok(()));
        assert_eq!(
            terms(Some(date!(2026 - 06 - 30))).check(opened),
            Err(DomainError::DateBeforeCaseOpened)
        );
    }
}
