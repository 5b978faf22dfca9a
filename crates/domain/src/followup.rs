//! Follow-up after she returns: contacts scheduled at 1, 3, 6 and 12 months, each recorded with
//! what happened, in her words where she agreed. When the case came through a handover and she
//! consented to follow-up news for the sending organisation, a short structured update goes
//! back to it; without that consent nothing does.

use std::fmt;
use std::str::FromStr;

use time::{Date, Month};

use crate::{CaseId, DomainError, Timestamp, UserId};

/// Months after return at which a follow-up contact is due.
pub const SCHEDULE_MONTHS: [u8; 4] = [1, 3, 6, 12];

/// What a follow-up found: the structured kinds the sender can receive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Outcome {
    FirstContact,
    FamilyVisit,
    SchoolOrWork,
    Outcome,
}

impl Outcome {
    pub const ALL: [Outcome; 4] = [
        Outcome::FirstContact,
        Outcome::FamilyVisit,
        Outcome::SchoolOrWork,
        Outcome::Outcome,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::FirstContact => "first-contact",
            Outcome::FamilyVisit => "family-visit",
            Outcome::SchoolOrWork => "school-or-work",
            Outcome::Outcome => "outcome",
        }
    }

    pub fn message_id(self) -> String {
        format!("followup-{}", self.as_str())
    }
}

impl FromStr for Outcome {
    type Err = DomainError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Outcome::ALL
            .into_iter()
            .find(|o| o.as_str() == s.trim())
            .ok_or_else(|| DomainError::UnknownOutcome(s.to_string()))
    }
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// `date` plus `months`, on the same day or the month's last day.
pub fn add_months(date: Date, months: u8) -> Date {
    let total = date.month() as i32 - 1 + i32::from(months);
    let year = date.year() + total.div_euclid(12);
    let month = Month::try_from((total.rem_euclid(12) + 1) as u8).unwrap_or(Month::January);
    let mut day = date.day();
    loop {
        if let Ok(d) = Date::from_calendar_date(year, month, day) {
            return d;
        }
        day -= 1;
    }
}

/// The due dates of the follow-ups for a return on `returned_on`.
pub fn schedule(returned_on: Date) -> Vec<Date> {
    SCHEDULE_MONTHS
        .iter()
        .map(|m| add_months(returned_on, *m))
        .collect()
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUp {
    pub id: uuid::Uuid,
    pub case_id: CaseId,
    pub due_on: Date,
    pub done: Option<FollowUpResult>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUpResult {
    pub outcome: Outcome,
    /// What she said, in her words, where she agreed to it being written down.
    pub her_words: String,
    pub by: UserId,
    pub at: Timestamp,
}

impl FollowUp {
    /// Due and not done.
    pub fn is_missed(&self, today: Date) -> bool {
        self.done.is_none() && self.due_on < today
    }
}

/// A short structured update for the sending organisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUpUpdate {
    pub id: uuid::Uuid,
    pub handover_id: uuid::Uuid,
    pub outcome: Outcome,
    pub her_words: String,
    pub at: Timestamp,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::voice::{format_date_iso, parse_date};

    #[test]
    fn follow_ups_fall_at_one_three_six_and_twelve_months() {
        let due: Vec<String> = schedule(parse_date("2026-01-31").unwrap())
            .into_iter()
            .map(format_date_iso)
            .collect();
        assert_eq!(
            due,
            ["2026-02-28", "2026-04-30", "2026-07-31", "2027-01-31"]
        );
        let f = FollowUp {
            id: uuid::Uuid::now_v7(),
            case_id: CaseId::new(),
            due_on: parse_date("2026-02-28").unwrap(),
            done: None,
        };
        assert!(f.is_missed(parse_date("2026-03-01").unwrap()));
        assert!(!f.is_missed(parse_date("2026-02-28").unwrap()));
    }
}
