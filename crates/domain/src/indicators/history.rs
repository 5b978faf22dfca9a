//! Custody and stage over time, worked out once per case for every quarter a view reaches.
//!
//! The counts at a period's end (R1a's open cases, girls in care) and at its start (girls
//! identified) need each case's custodian and stage at an instant. Asking the store that per
//! case and quarter costs a pass over the organisation's cases for every quarter; instead the
//! store fetches each case's accepted handovers and stage moves once (`CaseHistory`) and these
//! functions answer every instant from them, by the same rules as the store's
//! `custodian_at!` and `stage_at!`:
//! - custody at an instant is the receiver of the newest handover accepted before it, else the
//!   sender of the first one accepted (after it), else the case's custodian now;
//! - the stage at an instant is the one its newest move before then led to, else `identified`.

use crate::case::Stage;
use crate::{CaseId, OrgId, Timestamp};

use super::{Bounds, OpenCase, VOICE_WINDOW_DAYS};

/// One accepted handover of a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Custody {
    pub decided_at: Timestamp,
    pub from: OrgId,
    pub to: OrgId,
}

/// One stage move of a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Move {
    pub at: Timestamp,
    pub to: Stage,
}

/// What a case's custody and stage at any instant are worked out from, and the entries of her
/// words an organisation first recorded on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseHistory {
    pub case: CaseId,
    pub opened_at: Timestamp,
    /// The custodian now.
    pub custodian: OrgId,
    /// Its accepted handovers, oldest decision first.
    pub handovers: Vec<Custody>,
    /// Its stage moves, in the order they were made.
    pub moves: Vec<Move>,
    /// When the organisation the histories were fetched for first recorded each entry of her
    /// words on it, oldest first (only those that may count for some period asked about).
    pub words: Vec<Timestamp>,
}

impl CaseHistory {
    /// The organisation holding custody at `at`.
    pub fn custodian_at(&self, at: Timestamp) -> OrgId {
        self.handovers
            .iter()
            .rev()
            .find(|h| h.decided_at < at)
            .map(|h| h.to)
            .or_else(|| self.handovers.first().map(|h| h.from))
            .unwrap_or(self.custodian)
    }

    /// The stage at `at`.
    pub fn stage_at(&self, at: Timestamp) -> Stage {
        self.moves
            .iter()
            .rev()
            .find(|m| m.at < at)
            .map_or(Stage::Identified, |m| m.to)
    }

    /// The newest entry of her words recorded before `end`.
    fn last_words(&self, end: Timestamp) -> Option<Timestamp> {
        self.words.iter().filter(|t| **t < end).max().copied()
    }
}

/// The earliest instant from which her words may count for a period ending at `end` (R1a).
pub fn words_since(end: Timestamp) -> Timestamp {
    Timestamp(end.millis() - VOICE_WINDOW_DAYS * super::DAY_MS)
}

/// R1a's rows: the cases open (not `closed`) in `org`'s custody at `end`, each with the newest
/// entry of her words `org` recorded before then, oldest case first.
pub fn open_cases_at(histories: &[CaseHistory], org: OrgId, end: Timestamp) -> Vec<OpenCase> {
    let mut open: Vec<&CaseHistory> = histories
        .iter()
        .filter(|h| {
            h.opened_at < end && h.custodian_at(end) == org && h.stage_at(end) != Stage::Closed
        })
        .collect();
    // A case id orders as its text does (both are the UUID's bytes in order), without making
    // the text for every comparison.
    open.sort_unstable_by_key(|h| (h.opened_at, h.case));
    open.into_iter()
        .map(|h| OpenCase {
            case: h.case,
            last_words: h.last_words(end),
        })
        .collect()
}

/// Girls identified: the cases opened in `span` whose first custodian is `org`.
pub fn identified(histories: &[CaseHistory], org: OrgId, span: Bounds) -> u64 {
    histories
        .iter()
        .filter(|h| {
            span.start <= h.opened_at && h.opened_at < span.end && h.custodian_at(span.start) == org
        })
        .count() as u64
}

/// Girls in care at `end`: in `in-care` or `preparing-return` then, in `org`'s custody.
pub fn in_care(histories: &[CaseHistory], org: OrgId, end: Timestamp) -> u64 {
    histories
        .iter()
        .filter(|h| {
            h.opened_at < end
                && h.custodian_at(end) == org
                && matches!(h.stage_at(end), Stage::InCare | Stage::PreparingReturn)
        })
        .count() as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(days: i64) -> Timestamp {
        Timestamp(days * super::super::DAY_MS)
    }

    fn history(handovers: Vec<Custody>, moves: Vec<Move>) -> CaseHistory {
        CaseHistory {
            case: CaseId::new(),
            opened_at: t(10),
            custodian: OrgId::new(),
            handovers,
            moves,
            words: vec![t(20), t(50)],
        }
    }

    #[test]
    fn custody_passes_on_acceptance_and_before_the_first_it_is_the_sender() {
        let (a, b, c) = (OrgId::new(), OrgId::new(), OrgId::new());
        let mut h = history(
            vec![
                Custody {
                    decided_at: t(30),
                    from: a,
                    to: b,
                },
                Custody {
                    decided_at: t(60),
                    from: b,
                    to: c,
                },
            ],
            Vec::new(),
        );
        h.custodian = c;
        assert_eq!(h.custodian_at(t(15)), a);
        assert_eq!(h.custodian_at(t(30)), a, "not yet accepted at that instant");
        assert_eq!(h.custodian_at(t(31)), b);
        assert_eq!(h.custodian_at(t(61)), c);
        let alone = history(Vec::new(), Vec::new());
        assert_eq!(alone.custodian_at(t(15)), alone.custodian);
    }

    #[test]
    fn the_stage_is_the_newest_moves_before_the_instant() {
        let h = history(
            Vec::new(),
            vec![
                Move {
                    at: t(20),
                    to: Stage::InCare,
                },
                Move {
                    at: t(40),
                    to: Stage::Closed,
                },
            ],
        );
        assert_eq!(h.stage_at(t(20)), Stage::Identified);
        assert_eq!(h.stage_at(t(21)), Stage::InCare);
        assert_eq!(h.stage_at(t(41)), Stage::Closed);
    }

    #[test]
    fn open_identified_and_in_care_follow_custody_and_stage() {
        let org = OrgId::new();
        let mut in_care_now = history(
            Vec::new(),
            vec![Move {
                at: t(20),
                to: Stage::InCare,
            }],
        );
        in_care_now.custodian = org;
        let mut closed = history(
            Vec::new(),
            vec![Move {
                at: t(20),
                to: Stage::Closed,
            }],
        );
        closed.custodian = org;
        let elsewhere = history(Vec::new(), Vec::new());
        let all = [in_care_now.clone(), closed, elsewhere];
        let open = open_cases_at(&all, org, t(40));
        assert_eq!(
            open,
            vec![OpenCase {
                case: in_care_now.case,
                last_words: Some(t(20)),
            }]
        );
        assert_eq!(open_cases_at(&all, org, t(60))[0].last_words, Some(t(50)));
        assert!(open_cases_at(&all, org, t(10)).is_empty(), "not opened yet");
        assert_eq!(in_care(&all, org, t(40)), 1);
        assert_eq!(in_care(&all, org, t(15)), 0, "still identified then");
        let span = Bounds {
            start: t(0),
            end: t(11),
        };
        assert_eq!(identified(&all, org, span), 2);
        let later = Bounds {
            start: t(11),
            end: t(90),
        };
        assert_eq!(identified(&all, org, later), 0);
    }
}
