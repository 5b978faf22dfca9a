//! The decision log: what was decided about her, by whom, the options she was given, what she
//! chose, how far she took part, and her view in her own words. Approving a closure needs such
//! a decision (DESIGN §3): with her taking part, or with the reason she could not.

use std::fmt;
use std::str::FromStr;

use crate::{CaseId, DomainError, Timestamp, UserId};

/// How far she took part in the decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Participation {
    /// She decided, with the team.
    DecidedWithHer,
    /// She was asked, and her view weighed.
    Consulted,
    /// She was told afterwards.
    Informed,
    /// She could not take part (the reason is required).
    Absent,
}

impl Participation {
    pub const ALL: [Participation; 4] = [
        Participation::DecidedWithHer,
        Participation::Consulted,
        Participation::Informed,
        Participation::Absent,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Participation::DecidedWithHer => "decided-with-her",
            Participation::Consulted => "consulted",
            Participation::Informed => "informed",
            Participation::Absent => "absent",
        }
    }

    pub fn message_id(self) -> &'static str {
        match self {
            Participation::DecidedWithHer => "participation-decided-with-her",
            Participation::Consulted => "participation-consulted",
            Participation::Informed => "participation-informed",
            Participation::Absent => "participation-absent",
        }
    }
}

impl fmt::Display for Participation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Participation {
    type Err = DomainError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim().to_ascii_lowercase().replace('_', "-");
        Participation::ALL
            .into_iter()
            .find(|p| p.as_str() == wanted)
            .ok_or_else(|| DomainError::UnknownParticipation(s.to_string()))
    }
}

/// What a decision is about, where it matters to an approval.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DecisionTopic {
    General,
    /// The case plan is approved.
    Plan,
    /// The case is to be closed.
    Closure,
}

impl DecisionTopic {
    pub const ALL: [DecisionTopic; 3] = [
        DecisionTopic::General,
        DecisionTopic::Plan,
        DecisionTopic::Closure,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DecisionTopic::General => "general",
            DecisionTopic::Plan => "plan",
            DecisionTopic::Closure => "closure",
        }
    }

    pub fn message_id(self) -> &'static str {
        match self {
            DecisionTopic::General => "decision-topic-general",
            DecisionTopic::Plan => "decision-topic-plan",
            DecisionTopic::Closure => "decision-topic-closure",
        }
    }
}

impl FromStr for DecisionTopic {
    type Err = DomainError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim().to_ascii_lowercase();
        DecisionTopic::ALL
            .into_iter()
            .find(|t| t.as_str() == wanted)
            .ok_or_else(|| DomainError::UnknownDecisionTopic(s.to_string()))
    }
}

/// A decision as recorded, already checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecisionFields {
    pub topic: DecisionTopic,
    /// What was decided.
    pub what: String,
    /// Who decided (people or body, in words: "case conference", "CWC Kolkata").
    pub decided_by: String,
    /// The options she was given, one per line.
    pub options: Vec<String>,
    /// What she chose (blank when she did not choose).
    pub her_choice: String,
    pub participation: Participation,
    /// Her view, in her own words.
    pub her_view: String,
    /// Why she could not take part (required when absent).
    pub absent_reason: String,
}

const FIELD_MAX: usize = 4000;

fn text(
    field: &'static str,
    value: &str,
    required: bool,
    errors: &mut Vec<(&'static str, DomainError)>,
) -> String {
    let value = crate::text::normalise(value);
    if required && value.is_empty() {
        errors.push((field, DomainError::EmptyText));
    } else if value.chars().count() > FIELD_MAX {
        errors.push((field, DomainError::TextTooLong { max: FIELD_MAX }));
    }
    value
}

/// Raw input of a decision, as typed.
#[derive(Debug, Clone, Default)]
pub struct DecisionDraft<'a> {
    pub topic: &'a str,
    pub what: &'a str,
    pub decided_by: &'a str,
    pub options: &'a str,
    pub her_choice: &'a str,
    pub participation: &'a str,
    pub her_view: &'a str,
    pub absent_reason: &'a str,
}

impl DecisionDraft<'_> {
    /// Checks every field, reporting each problem with its field name. Her view is required
    /// whenever she took part; the reason is required when she could not.
    pub fn check(&self) -> Result<DecisionFields, Vec<(&'static str, DomainError)>> {
        let mut errors = Vec::new();
        let topic = if self.topic.trim().is_empty() {
            Some(DecisionTopic::General)
        } else {
            self.topic
                .parse()
                .map_err(|e| errors.push(("topic", e)))
                .ok()
        };
        let participation: Option<Participation> = if self.participation.trim().is_empty() {
            errors.push(("participation", DomainError::ParticipationRequired));
            None
        } else {
            self.participation
                .parse()
                .map_err(|e| errors.push(("participation", e)))
                .ok()
        };
        let took_part = matches!(
            participation,
            Some(Participation::DecidedWithHer | Participation::Consulted)
        );
        let absent = participation == Some(Participation::Absent);
        let what = text("what", self.what, true, &mut errors);
        let decided_by = text("decided_by", self.decided_by, true, &mut errors);
        let options: Vec<String> = self
            .options
            .lines()
            .map(crate::text::normalise)
            .filter(|o| !o.is_empty())
            .collect();
        let her_choice = text("her_choice", self.her_choice, false, &mut errors);
        let her_view = text("her_view", self.her_view, took_part, &mut errors);
        let absent_reason = text("absent_reason", self.absent_reason, absent, &mut errors);
        match (topic, participation) {
            (Some(topic), Some(participation)) if errors.is_empty() => Ok(DecisionFields {
                topic,
                what,
                decided_by,
                options,
                her_choice,
                participation,
                her_view,
                absent_reason,
            }),
            _ => Err(errors),
        }
    }
}

/// A logged decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    pub id: uuid::Uuid,
    pub case_id: CaseId,
    pub fields: DecisionFields,
    pub recorded_by: UserId,
    pub recorded_at: Timestamp,
}

/// Whether the logged decisions allow closing: one about closure must exist (it carries her
/// participation, or the stated reason she could not take part).
pub fn closure_is_approved(decisions: &[Decision]) -> Result<(), DomainError> {
    if decisions
        .iter()
        .any(|d| d.fields.topic == DecisionTopic::Closure)
    {
        Ok(())
    } else {
        Err(DomainError::ClosureNeedsDecision)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft<'a>(
        participation: &'a str,
        her_view: &'a str,
        absent_reason: &'a str,
    ) -> DecisionDraft<'a> {
        DecisionDraft {
            topic: "closure",
            what: "কেস বন্ধ করা হবে",
            decided_by: "কেস কনফারেন্স",
            options: "বন্ধ করা\nআরও ছয় মাস খোঁজখবর",
            her_choice: "বন্ধ করা",
            participation,
            her_view,
            absent_reason,
        }
    }

    #[test]
    fn her_view_is_required_when_she_took_part_and_a_reason_when_she_could_not() {
        let ok = draft("decided-with-her", "আমি এখন নিজে চলতে পারি", "")
            .check()
            .unwrap();
        assert_eq!(ok.options.len(), 2);
        let errors = draft("consulted", " ", "").check().unwrap_err();
        assert_eq!(errors, vec![("her_view", DomainError::EmptyText)]);
        let errors = draft("absent", "", "").check().unwrap_err();
        assert_eq!(errors, vec![("absent_reason", DomainError::EmptyText)]);
        assert!(draft("absent", "", "সে হাসপাতালে ভর্তি").check().is_ok());
        assert!(draft("informed", "", "").check().is_ok());
        let errors = draft("", "", "").check().unwrap_err();
        assert_eq!(
            errors[0],
            ("participation", DomainError::ParticipationRequired)
        );
        assert!(matches!(
            draft("maybe", "", "").check().unwrap_err()[0],
            ("participation", DomainError::UnknownParticipation(_))
        ));
    }

    #[test]
    fn closing_needs_a_logged_closure_decision() {
        assert_eq!(
            closure_is_approved(&[]),
            Err(DomainError::ClosureNeedsDecision)
        );
        let decision = Decision {
            id: uuid::Uuid::now_v7(),
            case_id: CaseId::new(),
            fields: draft("absent", "", "সে অন্য রাজ্যে চলে গেছে").check().unwrap(),
            recorded_by: UserId::new(),
            recorded_at: Timestamp(0),
        };
        assert!(closure_is_approved(&[decision]).is_ok());
    }
}
