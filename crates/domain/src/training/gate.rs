//! Training gates: the network may require a completed workshop before a role does a
//! sensitive action (for example, record a disclosure only after "knowing the survivor").
//! The authorisation policy enforces them; none are set unless the network admin sets one.

use std::collections::BTreeSet;

use serde::Serialize;

use crate::policy::Action;
use crate::{DomainError, Role, Roles};

/// The sensitive actions a gate can guard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum GatedAction {
    /// Record her words (a disclosure is one).
    RecordVoice,
    WriteCaseNote,
    WritePsychosocialNote,
    OpenIdentity,
    StartHandover,
    LogDecision,
}

impl GatedAction {
    pub const ALL: [GatedAction; 6] = [
        GatedAction::RecordVoice,
        GatedAction::WriteCaseNote,
        GatedAction::WritePsychosocialNote,
        GatedAction::OpenIdentity,
        GatedAction::StartHandover,
        GatedAction::LogDecision,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            GatedAction::RecordVoice => "record-voice",
            GatedAction::WriteCaseNote => "write-case-note",
            GatedAction::WritePsychosocialNote => "write-psychosocial-note",
            GatedAction::OpenIdentity => "open-identity",
            GatedAction::StartHandover => "start-handover",
            GatedAction::LogDecision => "log-decision",
        }
    }

    pub fn message_id(self) -> String {
        format!("gate-action-{}", self.as_str())
    }

    /// The gated action a policy action is, if any.
    pub fn of(action: Action) -> Option<GatedAction> {
        use crate::note::NoteKind;
        match action {
            Action::RecordVoice => Some(GatedAction::RecordVoice),
            Action::WriteNote(NoteKind::Case) => Some(GatedAction::WriteCaseNote),
            Action::WriteNote(NoteKind::Psychosocial) => Some(GatedAction::WritePsychosocialNote),
            Action::OpenIdentity => Some(GatedAction::OpenIdentity),
            Action::StartHandover => Some(GatedAction::StartHandover),
            Action::LogDecision => Some(GatedAction::LogDecision),
            _ => None,
        }
    }
}

impl std::str::FromStr for GatedAction {
    type Err = DomainError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        GatedAction::ALL
            .into_iter()
            .find(|a| a.as_str() == s.trim())
            .ok_or(DomainError::AnswerNotValid)
    }
}

/// Someone with `role` may do `action` only after completing the workshop `workshop` (a
/// template key of the programme).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gate {
    pub role: Role,
    pub action: GatedAction,
    pub workshop: String,
}

/// The gates in force and the workshops she has completed: what the policy needs to know
/// about her training.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Standing {
    pub gates: Vec<Gate>,
    /// Template keys of the workshops she completed.
    pub completed: BTreeSet<String>,
}

impl Standing {
    /// The first gate that stops someone with `roles` from doing `action`, if any.
    pub fn unmet(&self, roles: &Roles, action: Action) -> Option<&Gate> {
        self.unmet_gated(roles, GatedAction::of(action)?)
    }

    /// The same, for a gated action named directly (to tell her before she tries).
    pub fn unmet_gated(&self, roles: &Roles, gated: GatedAction) -> Option<&Gate> {
        self.gates.iter().find(|g| {
            g.action == gated && roles.contains(g.role) && !self.completed.contains(&g.workshop)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::note::NoteKind;

    #[test]
    fn a_gate_binds_its_role_and_action_until_the_workshop_is_completed() {
        let mut standing = Standing {
            gates: vec![Gate {
                role: Role::Counsellor,
                action: GatedAction::WritePsychosocialNote,
                workshop: "knowing-the-survivor".into(),
            }],
            completed: BTreeSet::new(),
        };
        let counsellor = Roles::new(vec![Role::Counsellor]).expect("roles");
        let worker = Roles::new(vec![Role::CaseWorker]).expect("roles");
        let psychosocial = Action::WriteNote(NoteKind::Psychosocial);
        assert!(standing.unmet(&counsellor, psychosocial).is_some());
        assert!(
            standing.unmet(&worker, psychosocial).is_none(),
            "not her role"
        );
        assert!(
            standing
                .unmet(&counsellor, Action::WriteNote(NoteKind::Case))
                .is_none()
        );
        standing.completed.insert("knowing-the-survivor".into());
        assert!(standing.unmet(&counsellor, psychosocial).is_none());
    }
}
