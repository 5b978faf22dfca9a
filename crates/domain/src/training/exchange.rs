//! Exchange visits: staff of a source-area organisation visit a destination organisation, or
//! the other way round, so each side sees the other's work. The programme asks that every
//! organisation visit at least one counterpart, ideally three.

use serde::Serialize;

use crate::organisation::OrgKind;
use crate::{DomainError, OrgId, Timestamp};

/// At least this many counterparts visited; fewer is flagged.
pub const GOAL_AT_LEAST: usize = 1;
/// What the programme hopes for.
pub const GOAL_IDEAL: usize = 3;
pub const TEXT_MAX: usize = 4_000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExchangeVisit {
    pub id: uuid::Uuid,
    pub visitor_org: OrgId,
    pub host_org: OrgId,
    pub visited_on: time::Date,
    /// Who went, in words (names and roles).
    pub visitors: String,
    /// What they learned, in their words.
    pub learned: String,
    pub recorded_at: Timestamp,
}

/// Which end of her journey an organisation works at: the girl's home area (source and
/// community-based organisations) or where she was found and passes through (destination and
/// transit). A counterpart is an organisation at the other end.
fn end(kind: OrgKind) -> bool {
    matches!(kind, OrgKind::Source | OrgKind::Community)
}

pub fn counterparts(a: OrgKind, b: OrgKind) -> bool {
    end(a) != end(b)
}

/// Checks a visit; each problem names its field.
pub fn check_visit(
    v: &ExchangeVisit,
    visitor: OrgKind,
    host: OrgKind,
) -> Vec<(&'static str, DomainError)> {
    let mut errors = Vec::new();
    if v.visitor_org == v.host_org {
        errors.push(("host_org", DomainError::SameOrganisation));
    } else if !counterparts(visitor, host) {
        errors.push(("host_org", DomainError::NotCounterparts));
    }
    for (field, text) in [("visitors", &v.visitors), ("learned", &v.learned)] {
        if text.trim().is_empty() {
            errors.push((field, DomainError::EmptyText));
        } else if text.chars().count() > TEXT_MAX {
            errors.push((field, DomainError::TextTooLong { max: TEXT_MAX }));
        }
    }
    errors
}

/// How far an organisation is towards the goal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Progress {
    /// No counterpart visited yet: flagged.
    None,
    /// One or two.
    Started,
    /// Three or more.
    Ideal,
}

impl Progress {
    pub fn as_str(self) -> &'static str {
        match self {
            Progress::None => "none",
            Progress::Started => "started",
            Progress::Ideal => "ideal",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatrixRow {
    pub org: OrgId,
    /// Distinct counterparts its staff have visited.
    pub visited: Vec<OrgId>,
    /// Distinct counterparts whose staff came to it.
    pub hosted: Vec<OrgId>,
    pub progress: Progress,
}

/// For each organisation, the counterparts it has visited, in the order given.
pub fn matrix(orgs: &[(OrgId, OrgKind)], visits: &[ExchangeVisit]) -> Vec<MatrixRow> {
    let distinct = |mut ids: Vec<OrgId>| {
        ids.sort();
        ids.dedup();
        ids
    };
    orgs.iter()
        .map(|(org, _)| {
            let visited = distinct(
                visits
                    .iter()
                    .filter(|v| v.visitor_org == *org)
                    .map(|v| v.host_org)
                    .collect(),
            );
            let hosted = distinct(
                visits
                    .iter()
                    .filter(|v| v.host_org == *org)
                    .map(|v| v.visitor_org)
                    .collect(),
            );
            let progress = match visited.len() {
                n if n >= GOAL_IDEAL => Progress::Ideal,
                n if n >= GOAL_AT_LEAST => Progress::Started,
                _ => Progress::None,
            };
            MatrixRow {
                org: *org,
                visited,
                hosted,
                progress,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn visit(from: OrgId, to: OrgId) -> ExchangeVisit {
        ExchangeVisit {
            id: uuid::Uuid::nil(),
            visitor_org: from,
            host_org: to,
            visited_on: time::macros::date!(2027 - 02 - 01),
            visitors: "Rina (case worker)".into(),
            learned: "How the home investigation is done".into(),
            recorded_at: Timestamp(0),
        }
    }

    #[test]
    fn a_visit_is_between_the_two_ends_of_her_journey() {
        let (a, b) = (OrgId::new(), OrgId::new());
        let v = visit(a, b);
        assert!(check_visit(&v, OrgKind::Destination, OrgKind::Source).is_empty());
        assert!(check_visit(&v, OrgKind::Community, OrgKind::Transit).is_empty());
        assert_eq!(
            check_visit(&v, OrgKind::Destination, OrgKind::Transit),
            [("host_org", DomainError::NotCounterparts)]
        );
        assert_eq!(
            check_visit(&visit(a, a), OrgKind::Destination, OrgKind::Source)[0].0,
            "host_org"
        );
        let blank = ExchangeVisit {
            learned: " ".into(),
            ..v
        };
        assert_eq!(
            check_visit(&blank, OrgKind::Source, OrgKind::Destination)[0].0,
            "learned"
        );
    }

    #[test]
    fn the_matrix_counts_distinct_counterparts_and_flags_none() {
        let kolkata = OrgId::new();
        let mumbai = OrgId::new();
        let jessore = OrgId::new();
        let parganas = OrgId::new();
        let satkhira = OrgId::new();
        let orgs = [
            (kolkata, OrgKind::Destination),
            (mumbai, OrgKind::Destination),
            (jessore, OrgKind::Source),
            (parganas, OrgKind::Source),
            (satkhira, OrgKind::Source),
        ];
        let visits = [
            visit(kolkata, jessore),
            visit(kolkata, jessore),
            visit(kolkata, parganas),
            visit(kolkata, satkhira),
            visit(jessore, kolkata),
        ];
        let rows = matrix(&orgs, &visits);
        let by = |org| rows.iter().find(|r| r.org == org).expect("row");
        assert_eq!(by(kolkata).visited.len(), 3, "a second visit counts once");
        assert_eq!(by(kolkata).progress, Progress::Ideal);
        assert_eq!(by(jessore).progress, Progress::Started);
        assert_eq!(by(jessore).hosted, [kolkata]);
        assert_eq!(by(mumbai).progress, Progress::None);
        assert_eq!(
            by(parganas).progress,
            Progress::None,
            "hosting is not visiting"
        );
    }
}
