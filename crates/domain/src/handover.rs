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
}

impl HandoverState {
    pub const ALL: [HandoverState; 5] = [
        HandoverState::Draft,
        HandoverState::Sent,
        HandoverState::Acknowledged,
        HandoverState::Accepted,
        HandoverState::Declined,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            HandoverState::Draft => "draft",
            HandoverState::Sent => "sent",
            HandoverState::Acknowledged => "acknowledged",
            HandoverState::Accepted => "accepted",
            HandoverState::Declined => "declined",
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
    pub const ALL: [Gap; 6] = [
        Gap::VoiceNotRecent,
        Gap::NoAgreedPlan,
        Gap::NoHomeAssessment,
        Gap::NoLegalSummary,
        Gap::NoHealthSummary,
        Gap::NoSharedLanguage,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
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
}

impl Completeness {
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
    checked += 1;
    let recent = inputs.voice.iter().any(|v| {
        matches!(v.kind, VoiceKind::Hope | VoiceKind::Fear | VoiceKind::Plan)
            && inputs.now.millis() - v.recorded_at.millis() <= RECENT_SECONDS * 1000
    });
    if !recent {
        gaps.push(Gap::VoiceNotRecent);
    }
    checked += 1;
    let agreed = inputs.plan.is_some_and(|p| p.version > 0)
        && inputs
            .reviews
            .iter()
            .any(|r| matches!(r.agreement, Agreement::Agreed | Agreement::Partly));
    if !agreed {
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
        if !inputs.document_classes.contains(&class) {
            gaps.push(gap);
        }
    }
    checked += 1;
    if !inputs
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
}
