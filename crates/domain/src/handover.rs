//! Handing a case over to another organisation: draft → sent → acknowledged → accepted or
//! declined. What travels is chosen section by section and must be covered by her consent for
//! that recipient; before sending, a completeness report shows what is missing, and its score
//! and gaps stay with the handover for both sides to see.

use std::fmt;
use std::str::FromStr;

use crate::consent::SectionClass;
use crate::glossary::Scanner;
use crate::plan::{Agreement, Plan, PlanReview};
use crate::{CaseId, DomainError, Language, OrgId, Timestamp, UserId, VoiceEntry, VoiceKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HandoverState {
    Draft,
    Sent,
    Acknowledged,
    Accepted,
    Declined,
    /// A draft its sender withdrew before sending.
    Cancelled,
}

impl HandoverState {
    pub const ALL: [HandoverState; 6] = [
        HandoverState::Draft,
        HandoverState::Sent,
        HandoverState::Acknowledged,
        HandoverState::Accepted,
        HandoverState::Declined,
        HandoverState::Cancelled,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            HandoverState::Draft => "draft",
            HandoverState::Sent => "sent",
            HandoverState::Acknowledged => "acknowledged",
            HandoverState::Accepted => "accepted",
            HandoverState::Declined => "declined",
            HandoverState::Cancelled => "cancelled",
        }
    }

    pub fn message_id(self) -> String {
        format!("handover-state-{}", self.as_str())
    }

    /// The workflow's one path: each step only from the one before it.
    pub fn check_step(self, to: HandoverState) -> Result<(), DomainError> {
        use HandoverState::*;
        let ok = matches!(
            (self, to),
            (Draft, Sent)
                | (Sent, Acknowledged)
                | (Acknowledged, Accepted)
                | (Acknowledged, Declined)
                | (Draft, Cancelled)
        );
        if ok {
            Ok(())
        } else {
            Err(DomainError::HandoverStep {
                from: self.as_str(),
                to: to.as_str(),
            })
        }
    }
}

impl FromStr for HandoverState {
    type Err = DomainError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        HandoverState::ALL
            .into_iter()
            .find(|h| h.as_str() == s.trim())
            .ok_or_else(|| DomainError::Corrupt(format!("handover state {s:?}")))
    }
}

impl fmt::Display for HandoverState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Something the completeness check found missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gap {
    /// Her words do not travel: her sharing consent for the voice section does not name the
    /// receiving organisation.
    VoiceDoesNotTravel,
    /// Her plan (part of the voice section) does not travel, for the same reason.
    PlanDoesNotTravel,
    /// No hope, fear or plan in her words recorded in the last 90 days.
    VoiceNotRecent,
    /// No case plan, or none she has agreed to (fully or partly).
    NoAgreedPlan,
    /// She is going home and no home and family assessment is recorded.
    NoHomeAssessment,
    NoLegalSummary,
    NoHealthSummary,
    /// None of her recorded words are in a language the receiver works in.
    NoSharedLanguage,
}

impl Gap {
    pub const ALL: [Gap; 8] = [
        Gap::VoiceDoesNotTravel,
        Gap::PlanDoesNotTravel,
        Gap::VoiceNotRecent,
        Gap::NoAgreedPlan,
        Gap::NoHomeAssessment,
        Gap::NoLegalSummary,
        Gap::NoHealthSummary,
        Gap::NoSharedLanguage,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Gap::VoiceDoesNotTravel => "voice-does-not-travel",
            Gap::PlanDoesNotTravel => "plan-does-not-travel",
            Gap::VoiceNotRecent => "voice-not-recent",
            Gap::NoAgreedPlan => "no-agreed-plan",
            Gap::NoHomeAssessment => "no-home-assessment",
            Gap::NoLegalSummary => "no-legal-summary",
            Gap::NoHealthSummary => "no-health-summary",
            Gap::NoSharedLanguage => "no-shared-language",
        }
    }

    pub fn message_id(self) -> String {
        format!("gap-{}", self.as_str())
    }

    /// How to close the gap, in words (a message id).
    pub fn fix_message_id(self) -> String {
        format!("gap-{}-fix", self.as_str())
    }

    /// The case's page where the gap is closed (under `/cases/{id}/`).
    pub fn fix_page(self) -> &'static str {
        match self {
            Gap::VoiceDoesNotTravel | Gap::PlanDoesNotTravel => "consents",
            Gap::VoiceNotRecent | Gap::NoSharedLanguage => "words",
            Gap::NoAgreedPlan => "plan",
            Gap::NoHomeAssessment => "assessments",
            Gap::NoLegalSummary | Gap::NoHealthSummary => "documents",
        }
    }
}

impl FromStr for Gap {
    type Err = DomainError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Gap::ALL
            .into_iter()
            .find(|g| g.as_str() == s.trim())
            .ok_or_else(|| DomainError::Corrupt(format!("gap {s:?}")))
    }
}

/// What the check looks at.
pub struct CompletenessInputs<'a> {
    pub now: Timestamp,
    pub voice: &'a [VoiceEntry],
    pub plan: Option<&'a Plan>,
    pub reviews: &'a [PlanReview],
    /// She is going home (preparing return or in transit).
    pub going_home: bool,
    /// A home and family assessment is recorded for her.
    pub home_assessed: bool,
    pub document_classes: &'a [SectionClass],
    /// The sections that travel with this handover (her consent for the receiver covers them).
    pub travelling: &'a [SectionClass],
    pub receiver_languages: &'a [Language],
    /// Narrative text to scan for jargon: her words and the case notes.
    pub narrative: &'a [&'a str],
    /// The network's glossary, compiled.
    pub glossary: &'a Scanner,
}

/// A glossary term found in the narrative: its index in the glossary the scanner was built
/// from, and the words as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Jargon {
    pub term: usize,
    pub found: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completeness {
    pub gaps: Vec<Gap>,
    /// How many things were checked (a gap is one of them missing).
    pub checked: usize,
    /// Glossary terms found, each once, in the order they first appear.
    pub jargon: Vec<Jargon>,
    /// Nothing at all travels with this handover.
    pub nothing_travels: bool,
}

impl Completeness {
    /// How many of the things checked are here (travel with the handover).
    pub fn present(&self) -> usize {
        self.checked.saturating_sub(self.gaps.len())
    }

    /// 0–100: the share of checks passed.
    pub fn score(&self) -> i64 {
        if self.checked == 0 {
            return 100;
        }
        ((self.checked - self.gaps.len()) * 100 / self.checked) as i64
    }
}

const RECENT_SECONDS: i64 = 90 * 86_400;

pub fn completeness(inputs: &CompletenessInputs) -> Completeness {
    let mut gaps = Vec::new();
    let mut checked = 0;
    let travels = |class: SectionClass| inputs.travelling.contains(&class);
    // Her words, her plan and her decisions travel as one section.
    let voice_travels = travels(SectionClass::Voice);
    checked += 1;
    let recent = inputs.voice.iter().any(|v| {
        matches!(v.kind, VoiceKind::Hope | VoiceKind::Fear | VoiceKind::Plan)
            && inputs.now.millis() - v.recorded_at.millis() <= RECENT_SECONDS * 1000
    });
    if !voice_travels {
        gaps.push(Gap::VoiceDoesNotTravel);
    } else if !recent {
        gaps.push(Gap::VoiceNotRecent);
    }
    checked += 1;
    let agreed = inputs.plan.is_some_and(|p| p.version > 0)
        && inputs
            .reviews
            .iter()
            .any(|r| matches!(r.agreement, Agreement::Agreed | Agreement::Partly));
    if !voice_travels {
        gaps.push(Gap::PlanDoesNotTravel);
    } else if !agreed {
        gaps.push(Gap::NoAgreedPlan);
    }
    if inputs.going_home {
        checked += 1;
        if !inputs.home_assessed {
            gaps.push(Gap::NoHomeAssessment);
        }
    }
    for (class, gap) in [
        (SectionClass::Legal, Gap::NoLegalSummary),
        (SectionClass::Health, Gap::NoHealthSummary),
    ] {
        checked += 1;
        if !inputs.document_classes.contains(&class) || !travels(class) {
            gaps.push(gap);
        }
    }
    checked += 1;
    if !voice_travels
        || !inputs
            .voice
            .iter()
            .any(|v| inputs.receiver_languages.contains(&v.language))
    {
        gaps.push(Gap::NoSharedLanguage);
    }
    let mut jargon: Vec<Jargon> = Vec::new();
    for text in inputs.narrative {
        for found in inputs.glossary.scan(text) {
            if !jargon.iter().any(|j| j.term == found.term) {
                jargon.push(Jargon {
                    term: found.term,
                    found: text[found.start..found.end].to_string(),
                });
            }
        }
    }
    Completeness {
        gaps,
        checked,
        jargon,
        nothing_travels: inputs.travelling.is_empty(),
    }
}

/// How near an organisation is to the place her intake records: 0 in her district (and
/// country, when both are known), 1 in her country, 2 elsewhere or when the place is unknown.
/// The recipient list is sorted by it, nearest first.
pub fn nearness(place: &crate::intake::Place, org: &crate::organisation::OrganisationFields) -> u8 {
    let same_country = place
        .country
        .as_ref()
        .is_some_and(|c| c.as_str().eq_ignore_ascii_case(org.country.as_str()));
    let district = place.district.trim();
    let same_district = !district.is_empty()
        && (place.country.is_none() || same_country)
        && org
            .district
            .as_deref()
            .is_some_and(|d| d.trim().to_lowercase() == district.to_lowercase());
    if same_district {
        0
    } else if same_country {
        1
    } else {
        2
    }
}

/// A handover as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Handover {
    pub id: uuid::Uuid,
    pub case_id: CaseId,
    pub from_org: OrgId,
    pub to_org: OrgId,
    pub state: HandoverState,
    pub reason: String,
    pub sections: Vec<SectionClass>,
    /// Recorded when sent.
    pub score: Option<i64>,
    pub gaps: Vec<Gap>,
    pub gaps_reason: String,
    pub decline_reason: String,
    pub created_by: UserId,
    pub created_at: Timestamp,
    pub sent_at: Option<Timestamp>,
    pub acknowledged_at: Option<Timestamp>,
    pub decided_at: Option<Timestamp>,
    pub version: i64,
}

impl Handover {
    /// How many things were checked and how many were here when it was sent, as
    /// `(present, checked)`, read back from the recorded score and gaps (a check counts five
    /// things, or six for her going home, and the two give different scores for the same
    /// gaps). `None` when not sent, or when nothing was missing (then every count is the same
    /// "all here"), or for a score no count gives.
    pub fn items_when_sent(&self) -> Option<(usize, usize)> {
        let score = self.score?;
        let missing = self.gaps.len();
        if missing == 0 {
            return None;
        }
        [5usize, 6]
            .into_iter()
            .filter(|c| *c >= missing)
            .find(|c| ((c - missing) * 100 / c) as i64 == score)
            .map(|c| (c - missing, c))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_workflow_has_one_path() {
        use HandoverState::*;
        assert!(Draft.check_step(Sent).is_ok());
        assert!(Sent.check_step(Acknowledged).is_ok());
        assert!(Acknowledged.check_step(Declined).is_ok());
        assert!(Sent.check_step(Accepted).is_err(), "acknowledge first");
        assert!(Accepted.check_step(Declined).is_err());
        assert!(Draft.check_step(Acknowledged).is_err());
        assert!(Draft.check_step(Cancelled).is_ok());
        assert!(
            Sent.check_step(Cancelled).is_err(),
            "only a draft is cancelled"
        );
    }

    #[test]
    fn an_empty_case_has_every_gap_and_jargon_is_explained() {
        let terms = crate::glossary::starter();
        let narrative = [
            "She shows signs of PTSD; the CWC ordered an HIR.",
            "ট্রমা থেকে বেরোতে সময় লাগবে",
        ];
        let report = completeness(&CompletenessInputs {
            now: Timestamp(0),
            voice: &[],
            plan: None,
            reviews: &[],
            going_home: true,
            home_assessed: false,
            document_classes: &[SectionClass::Legal],
            travelling: &SectionClass::ALL,
            receiver_languages: &[Language::Bn],
            narrative: &narrative,
            glossary: &Scanner::new(&terms),
        });
        assert_eq!(
            report.gaps,
            vec![
                Gap::VoiceNotRecent,
                Gap::NoAgreedPlan,
                Gap::NoHomeAssessment,
                Gap::NoHealthSummary,
                Gap::NoSharedLanguage
            ]
        );
        assert_eq!(report.checked, 6);
        assert_eq!(report.score(), 16);
        assert_eq!(report.present(), 1);
        assert!(!report.nothing_travels);
        let words: Vec<(&str, &str)> = report
            .jargon
            .iter()
            .map(|j| (j.found.as_str(), terms[j.term].term.as_str()))
            .collect();
        assert_eq!(
            words,
            [
                ("PTSD", "PTSD"),
                ("CWC", "CWC"),
                ("HIR", "HIR"),
                ("ট্রমা", "trauma")
            ]
        );
    }

    #[test]
    fn what_does_not_travel_is_a_gap_first() {
        let terms = crate::glossary::starter();
        let scanner = Scanner::new(&terms);
        let inputs = |travelling| CompletenessInputs {
            now: Timestamp(0),
            voice: &[],
            plan: None,
            reviews: &[],
            going_home: false,
            home_assessed: false,
            document_classes: &[SectionClass::Legal, SectionClass::Health],
            travelling,
            receiver_languages: &[Language::Bn],
            narrative: &[],
            glossary: &scanner,
        };
        // Only health travels: her words and plan stay behind, and so does the legal summary.
        let report = completeness(&inputs(&[SectionClass::Health]));
        assert_eq!(
            &report.gaps[..2],
            &[Gap::VoiceDoesNotTravel, Gap::PlanDoesNotTravel]
        );
        assert!(report.gaps.contains(&Gap::NoLegalSummary));
        assert!(!report.gaps.contains(&Gap::NoHealthSummary));
        assert!(!report.nothing_travels);
        let none = completeness(&inputs(&[]));
        assert!(none.nothing_travels);
        assert_eq!(none.present(), 0);
        let pages: Vec<&str> = none.gaps.iter().map(|g| g.fix_page()).collect();
        assert_eq!(
            pages,
            ["consents", "consents", "documents", "documents", "words"]
        );
    }

    #[test]
    fn the_items_of_a_sent_handover_are_read_back_from_its_score() {
        let report = |gaps: Vec<Gap>, checked| Completeness {
            gaps,
            checked,
            jargon: Vec::new(),
            nothing_travels: false,
        };
        for (gaps, checked) in [
            (vec![Gap::NoLegalSummary], 5),
            (vec![Gap::NoLegalSummary], 6),
            (
                vec![Gap::NoLegalSummary, Gap::NoHealthSummary, Gap::NoAgreedPlan],
                5,
            ),
            (Gap::ALL[..6].to_vec(), 6),
        ] {
            let r = report(gaps.clone(), checked);
            let h = Handover {
                id: uuid::Uuid::nil(),
                case_id: CaseId(uuid::Uuid::nil()),
                from_org: OrgId(uuid::Uuid::nil()),
                to_org: OrgId(uuid::Uuid::nil()),
                state: HandoverState::Sent,
                reason: String::new(),
                sections: Vec::new(),
                score: Some(r.score()),
                gaps,
                gaps_reason: String::new(),
                decline_reason: String::new(),
                created_by: UserId(uuid::Uuid::nil()),
                created_at: Timestamp(0),
                sent_at: Some(Timestamp(0)),
                acknowledged_at: None,
                decided_at: None,
                version: 1,
            };
            assert_eq!(h.items_when_sent(), Some((r.present(), checked)));
        }
    }

    #[test]
    fn the_nearest_organisations_come_first() {
        use crate::organisation::{OrgKind, OrganisationFields};
        let org = |country: &str, district: Option<&str>| OrganisationFields {
            name: "Somewhere".parse().unwrap(),
            kind: OrgKind::Source,
            country: country.parse().unwrap(),
            district: district.map(str::to_string),
            languages: vec![Language::Bn],
            time_zone: Default::default(),
        };
        let jessore = crate::intake::Place {
            district: "Jessore".into(),
            state: String::new(),
            country: Some("BD".parse().unwrap()),
        };
        assert_eq!(nearness(&jessore, &org("BD", Some("jessore"))), 0);
        assert_eq!(nearness(&jessore, &org("BD", Some("Khulna"))), 1);
        assert_eq!(
            nearness(&jessore, &org("IN", Some("Jessore"))),
            2,
            "same name, other country"
        );
        assert_eq!(nearness(&jessore, &org("IN", None)), 2);
        let unknown = crate::intake::Place::default();
        assert_eq!(nearness(&unknown, &org("BD", Some("Jessore"))), 2);
    }
}
