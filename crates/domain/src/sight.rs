//! What one organisation may see of a case's record: what it wrote itself, and what a handover
//! to it carried while her consent to share that section with it is active.
//!
//! DESIGN §4: staff see a case "as her organisation holds it". Custody does not widen that: a
//! section that did not travel stays with the organisation that wrote it, on one server exactly
//! as between servers. Every read of case content goes through a [`Sight`], so the store can
//! only hand out what the reader's organisation holds.

use std::collections::BTreeSet;

use crate::consent::{Consent, Purpose, SectionClass, Use, covers};
use crate::handover::HandoverState;
use crate::note::NoteKind;
use crate::{OrgId, Timestamp};

/// One handover of the case as far as sight is concerned: who sent what to whom, and where the
/// handover stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    pub from: OrgId,
    pub to: OrgId,
    pub state: HandoverState,
    pub sections: Vec<SectionClass>,
}

impl Passage {
    /// A handover carries its sections from the moment it is sent, so the receiver accepts
    /// knowing what she takes on; a draft carries nothing yet and a declined one nothing any more.
    pub fn carries(&self) -> bool {
        matches!(
            self.state,
            HandoverState::Sent | HandoverState::Acknowledged | HandoverState::Accepted
        )
    }

    /// Sent to `org` and waiting for its answer.
    pub fn awaits(&self, org: OrgId) -> bool {
        self.to == org
            && matches!(
                self.state,
                HandoverState::Sent | HandoverState::Acknowledged
            )
    }
}

/// The organisations that held custody of a case before the current custodian: they keep
/// reading their own records of her.
pub fn former_custodians(passages: &[Passage]) -> impl Iterator<Item = OrgId> + '_ {
    passages
        .iter()
        .filter(|p| p.state == HandoverState::Accepted)
        .map(|p| p.from)
}

/// The section of her record each kind of note belongs to.
pub fn note_section(kind: NoteKind) -> SectionClass {
    match kind {
        NoteKind::Psychosocial => SectionClass::Psychosocial,
        NoteKind::Case | NoteKind::Daily | NoteKind::Incident => SectionClass::Other,
    }
}

/// Whether a handover to `org` carries `section`: the first condition of its sight of it.
fn carried_to(org: OrgId, passages: &[Passage], section: SectionClass) -> bool {
    passages
        .iter()
        .any(|p| p.to == org && p.carries() && p.sections.contains(&section))
}

/// What one organisation sees of one case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sight {
    org: OrgId,
    /// Sections whose records written by other organisations this one may read.
    shared: BTreeSet<SectionClass>,
}

impl Sight {
    /// The sight of `org` on a case with these handovers and consents, at `now`: its own records,
    /// and each section that a handover to it carried while her consent to share that section
    /// with it is active. Revoking or the expiry of the consent hides the section again.
    pub fn of(org: OrgId, passages: &[Passage], consents: &[Consent], now: Timestamp) -> Self {
        let shared = SectionClass::ALL
            .into_iter()
            .filter(|section| {
                carried_to(org, passages, *section)
                    && covers(
                        consents,
                        Use {
                            purpose: Purpose::Sharing,
                            section: Some(*section),
                            organisation: Some(org),
                        },
                        now,
                    )
                    .is_ok()
            })
            .collect();
        Self { org, shared }
    }

    /// Whether her consents can change what `org` sees: only when a handover to it carries a
    /// section. When not, [`Sight::of`] is the same with any consents or none, so they need not
    /// be read (issue 16: one statement fewer on every case page of a case never handed to
    /// the reader's organisation).
    pub fn needs_consents(org: OrgId, passages: &[Passage]) -> bool {
        SectionClass::ALL
            .into_iter()
            .any(|section| carried_to(org, passages, section))
    }

    /// Only what `org` wrote itself.
    pub fn own(org: OrgId) -> Self {
        Self {
            org,
            shared: BTreeSet::new(),
        }
    }

    pub fn org(&self) -> OrgId {
        self.org
    }

    /// Whether a record of `section` written by `author` is visible.
    pub fn sees(&self, section: SectionClass, author: OrgId) -> bool {
        author == self.org || self.shared.contains(&section)
    }

    /// Whether records of `section` written by other organisations are visible.
    pub fn shares(&self, section: SectionClass) -> bool {
        self.shared.contains(&section)
    }

    /// The sections shared with this organisation, for a query that filters by them.
    pub fn shared(&self) -> impl Iterator<Item = SectionClass> + '_ {
        self.shared.iter().copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::consent::ConsentFields;
    use crate::{CaseId, Language, UserId};

    fn consent(section: SectionClass, to: OrgId, revoked: bool) -> Consent {
        Consent {
            id: uuid::Uuid::now_v7(),
            case_id: CaseId::new(),
            fields: ConsentFields {
                purpose: Purpose::Sharing,
                section: Some(section),
                organisation: Some(to),
                explained_how: "in Bengali, with the worker".into(),
                explained_in: Language::Bn,
                explained_by: "case worker".into(),
                expires_on: None,
            },
            recorded_by: UserId::new(),
            recorded_at: Timestamp(0),
            revoked_at: revoked.then_some(Timestamp(1)),
            revoked_reason: revoked.then(|| "she changed her mind".into()),
        }
    }

    fn passage(from: OrgId, to: OrgId, state: HandoverState) -> Passage {
        Passage {
            from,
            to,
            state,
            sections: vec![SectionClass::Voice, SectionClass::Legal],
        }
    }

    #[test]
    fn a_section_travels_only_when_sent_and_consented() {
        let (sender, receiver) = (OrgId::new(), OrgId::new());
        let now = Timestamp(10);
        let consents = [consent(SectionClass::Voice, receiver, false)];
        for (state, seen) in [
            (HandoverState::Draft, false),
            (HandoverState::Sent, true),
            (HandoverState::Acknowledged, true),
            (HandoverState::Accepted, true),
            (HandoverState::Declined, false),
        ] {
            let sight = Sight::of(
                receiver,
                &[passage(sender, receiver, state)],
                &consents,
                now,
            );
            assert_eq!(sight.sees(SectionClass::Voice, sender), seen, "{state:?}");
            assert!(
                !sight.sees(SectionClass::Legal, sender),
                "no consent for legal, {state:?}"
            );
            assert!(sight.sees(SectionClass::Legal, receiver), "her own records");
        }
    }

    #[test]
    fn consents_matter_only_where_a_handover_to_the_reader_carries_a_section() {
        let (sender, receiver, third) = (OrgId::new(), OrgId::new(), OrgId::new());
        let consents = [
            consent(SectionClass::Voice, receiver, false),
            consent(SectionClass::Voice, sender, false),
            consent(SectionClass::Voice, third, false),
        ];
        for state in [
            HandoverState::Draft,
            HandoverState::Sent,
            HandoverState::Acknowledged,
            HandoverState::Accepted,
            HandoverState::Declined,
        ] {
            let passages = [passage(sender, receiver, state)];
            for org in [sender, receiver, third] {
                let needed = Sight::needs_consents(org, &passages);
                assert_eq!(
                    needed,
                    org == receiver
                        && state.ne(&HandoverState::Draft)
                        && state.ne(&HandoverState::Declined),
                    "{state:?}"
                );
                // Where they are not needed, the sight is the same without them.
                if !needed {
                    assert_eq!(
                        Sight::of(org, &passages, &consents, Timestamp(10)),
                        Sight::of(org, &passages, &[], Timestamp(10)),
                        "{state:?}"
                    );
                }
            }
        }
        // Where they are needed, they decide.
        let sent = [passage(sender, receiver, HandoverState::Sent)];
        assert_ne!(
            Sight::of(receiver, &sent, &consents, Timestamp(10)),
            Sight::of(receiver, &sent, &[], Timestamp(10))
        );
        assert!(!Sight::needs_consents(receiver, &[]));
    }

    #[test]
    fn revoking_hides_the_section_again_and_custody_does_not_widen_it() {
        let (sender, receiver) = (OrgId::new(), OrgId::new());
        let accepted = [passage(sender, receiver, HandoverState::Accepted)];
        let revoked = [consent(SectionClass::Voice, receiver, true)];
        let sight = Sight::of(receiver, &accepted, &revoked, Timestamp(10));
        assert!(!sight.sees(SectionClass::Voice, sender));
        // The sender keeps reading what it wrote, and nothing the receiver wrote.
        let theirs = Sight::of(sender, &accepted, &revoked, Timestamp(10));
        assert!(theirs.sees(SectionClass::Voice, sender));
        assert!(!theirs.sees(SectionClass::Voice, receiver));
        assert_eq!(former_custodians(&accepted).collect::<Vec<_>>(), [sender]);
    }

    #[test]
    fn consent_for_another_organisation_does_not_count() {
        let (sender, receiver, third) = (OrgId::new(), OrgId::new(), OrgId::new());
        let sight = Sight::of(
            receiver,
            &[passage(sender, receiver, HandoverState::Accepted)],
            &[consent(SectionClass::Voice, third, false)],
            Timestamp(10),
        );
        assert!(!sight.shares(SectionClass::Voice));
    }
}
