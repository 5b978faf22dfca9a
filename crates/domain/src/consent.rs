//! Her consent, per purpose: to receive services, to share a named class of her record with a
//! named organisation, to let follow-up news go back to the organisation that sent her, to be
//! counted in anonymous statistics. Each says how it was explained, in which language and by
//! whom, may expire, and may be revoked; a revoked or expired consent covers nothing from then
//! on, and every share asks [`covers`] at the moment data would leave.

use std::fmt;
use std::str::FromStr;

use time::Date;

use crate::{CaseId, DomainError, Language, OrgId, Timestamp, UserId};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Purpose {
    Services,
    Sharing,
    FollowUpUpdates,
    Statistics,
}

impl Purpose {
    pub const ALL: [Purpose; 4] = [
        Purpose::Services,
        Purpose::Sharing,
        Purpose::FollowUpUpdates,
        Purpose::Statistics,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Purpose::Services => "services",
            Purpose::Sharing => "sharing",
            Purpose::FollowUpUpdates => "follow-up-updates",
            Purpose::Statistics => "statistics",
        }
    }

    pub fn message_id(self) -> &'static str {
        match self {
            Purpose::Services => "purpose-services",
            Purpose::Sharing => "purpose-sharing",
            Purpose::FollowUpUpdates => "purpose-follow-up-updates",
            Purpose::Statistics => "purpose-statistics",
        }
    }

    /// Sharing and follow-up updates go to a named organisation.
    pub fn needs_organisation(self) -> bool {
        matches!(self, Purpose::Sharing | Purpose::FollowUpUpdates)
    }
}

impl FromStr for Purpose {
    type Err = DomainError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim().to_ascii_lowercase();
        Purpose::ALL
            .into_iter()
            .find(|p| p.as_str() == wanted)
            .ok_or_else(|| DomainError::UnknownPurpose(s.to_string()))
    }
}

impl fmt::Display for Purpose {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The classes a case's record is shared by (also the classes of documents).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum SectionClass {
    Legal,
    Health,
    Psychosocial,
    Identity,
    /// Her voice, plan and decisions.
    Voice,
    Other,
}

impl SectionClass {
    pub const ALL: [SectionClass; 6] = [
        SectionClass::Legal,
        SectionClass::Health,
        SectionClass::Psychosocial,
        SectionClass::Identity,
        SectionClass::Voice,
        SectionClass::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SectionClass::Legal => "legal",
            SectionClass::Health => "health",
            SectionClass::Psychosocial => "psychosocial",
            SectionClass::Identity => "identity",
            SectionClass::Voice => "voice",
            SectionClass::Other => "other",
        }
    }

    pub fn message_id(self) -> &'static str {
        match self {
            SectionClass::Legal => "section-legal",
            SectionClass::Health => "section-health",
            SectionClass::Psychosocial => "section-psychosocial",
            SectionClass::Identity => "section-identity",
            SectionClass::Voice => "section-voice",
            SectionClass::Other => "section-other",
        }
    }
}

impl FromStr for SectionClass {
    type Err = DomainError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim().to_ascii_lowercase();
        SectionClass::ALL
            .into_iter()
            .find(|c| c.as_str() == wanted)
            .ok_or_else(|| DomainError::UnknownSection(s.to_string()))
    }
}

/// What she agreed to, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsentFields {
    pub purpose: Purpose,
    /// For sharing: which class of her record.
    pub section: Option<SectionClass>,
    /// For sharing and follow-up updates: with which organisation.
    pub organisation: Option<OrgId>,
    /// How it was explained to her, in words.
    pub explained_how: String,
    pub explained_in: Language,
    /// Who explained it (a name or role, in words).
    pub explained_by: String,
    /// The last day it holds, if it ends.
    pub expires_on: Option<Date>,
}

/// A recorded consent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Consent {
    pub id: uuid::Uuid,
    pub case_id: CaseId,
    pub fields: ConsentFields,
    pub recorded_by: UserId,
    pub recorded_at: Timestamp,
    pub revoked_at: Option<Timestamp>,
    pub revoked_reason: Option<String>,
}

impl Consent {
    /// Whether it holds at `now`: not revoked, not past its last day.
    pub fn is_active(&self, now: Timestamp) -> bool {
        self.revoked_at.is_none_or(|at| at > now)
            && self
                .fields
                .expires_on
                .is_none_or(|last| now.to_datetime().date() <= last)
    }

    /// `active`, `revoked` or `expired`, for lists.
    pub fn status(&self, now: Timestamp) -> &'static str {
        if self.revoked_at.is_some_and(|at| at <= now) {
            "revoked"
        } else if self.is_active(now) {
            "active"
        } else {
            "expired"
        }
    }
}

/// What a share or an update would send.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Use {
    pub purpose: Purpose,
    pub section: Option<SectionClass>,
    pub organisation: Option<OrgId>,
}

/// Whether an active consent covers `what` at `now`. The refusal names what is missing, so the
/// person sending knows which consent to ask her for.
pub fn covers(consents: &[Consent], what: Use, now: Timestamp) -> Result<(), DomainError> {
    let found = consents.iter().filter(|c| c.is_active(now)).any(|c| {
        c.fields.purpose == what.purpose
            && (!what.purpose.needs_organisation() || c.fields.organisation == what.organisation)
            && (what.purpose != Purpose::Sharing || c.fields.section == what.section)
    });
    if found {
        Ok(())
    } else {
        Err(DomainError::NoConsent {
            purpose: what.purpose.as_str(),
            section: what.section.map(|s| s.as_str()),
        })
    }
}

/// Raw input, as typed.
#[derive(Debug, Clone, Default)]
pub struct ConsentDraft<'a> {
    pub purpose: &'a str,
    pub section: &'a str,
    pub organisation: &'a str,
    pub explained_how: &'a str,
    pub explained_in: &'a str,
    pub explained_by: &'a str,
    pub expires_on: &'a str,
}

impl ConsentDraft<'_> {
    /// Checks every field; the organisation's existence is the caller's to check (the store
    /// knows the directory). An expiry in the past is refused.
    pub fn check(&self, today: Date) -> Result<ConsentFields, Vec<(&'static str, DomainError)>> {
        let mut errors = Vec::new();
        let purpose: Option<Purpose> = if self.purpose.trim().is_empty() {
            errors.push(("purpose", DomainError::EmptyText));
            None
        } else {
            self.purpose
                .parse()
                .map_err(|e| errors.push(("purpose", e)))
                .ok()
        };
        let section = if self.section.trim().is_empty() {
            None
        } else {
            self.section
                .parse()
                .map_err(|e| errors.push(("section", e)))
                .ok()
        };
        let organisation = if self.organisation.trim().is_empty() {
            None
        } else {
            self.organisation
                .parse()
                .map_err(|e| errors.push(("organisation", e)))
                .ok()
        };
        if let Some(p) = purpose {
            if p.needs_organisation()
                && organisation.is_none()
                && self.organisation.trim().is_empty()
            {
                errors.push(("organisation", DomainError::OrganisationRequired));
            }
            if p == Purpose::Sharing && section.is_none() && self.section.trim().is_empty() {
                errors.push(("section", DomainError::SectionRequired));
            }
        }
        let explained_how = crate::text::normalise(self.explained_how);
        if explained_how.is_empty() {
            errors.push(("explained_how", DomainError::EmptyText));
        }
        let explained_by = crate::text::normalise(self.explained_by);
        if explained_by.is_empty() {
            errors.push(("explained_by", DomainError::EmptyText));
        }
        let explained_in: Option<Language> = self
            .explained_in
            .parse()
            .map_err(|e| errors.push(("explained_in", e)))
            .ok();
        let expires_on = if self.expires_on.trim().is_empty() {
            None
        } else {
            match crate::voice::parse_date(self.expires_on) {
                Ok(d) if d < today => {
                    errors.push(("expires_on", DomainError::DateInPast));
                    None
                }
                Ok(d) => Some(d),
                Err(e) => {
                    errors.push(("expires_on", e));
                    None
                }
            }
        };
        match (purpose, explained_in) {
            (Some(purpose), Some(explained_in)) if errors.is_empty() => Ok(ConsentFields {
                purpose,
                section: if purpose == Purpose::Sharing {
                    section
                } else {
                    None
                },
                organisation: if purpose.needs_organisation() {
                    organisation
                } else {
                    None
                },
                explained_how,
                explained_in,
                explained_by,
                expires_on,
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: Timestamp = Timestamp(1_795_910_400_000); // 2026-11-29

    fn consent(
        purpose: Purpose,
        section: Option<SectionClass>,
        org: Option<OrgId>,
        expires: Option<&str>,
    ) -> Consent {
        Consent {
            id: uuid::Uuid::now_v7(),
            case_id: CaseId::new(),
            fields: ConsentFields {
                purpose,
                section,
                organisation: org,
                explained_how: "ছবি দেখিয়ে বোঝানো হয়েছে".into(),
                explained_in: Language::Bn,
                explained_by: "রুপা দাস".into(),
                expires_on: expires.map(|d| crate::voice::parse_date(d).unwrap()),
            },
            recorded_by: UserId::new(),
            recorded_at: NOW,
            revoked_at: None,
            revoked_reason: None,
        }
    }

    #[test]
    fn sharing_is_covered_only_for_the_named_section_and_organisation() {
        let jessore = OrgId::new();
        let consents = [consent(
            Purpose::Sharing,
            Some(SectionClass::Health),
            Some(jessore),
            None,
        )];
        let health = Use {
            purpose: Purpose::Sharing,
            section: Some(SectionClass::Health),
            organisation: Some(jessore),
        };
        assert!(covers(&consents, health, NOW).is_ok());
        let legal = Use {
            section: Some(SectionClass::Legal),
            ..health
        };
        assert_eq!(
            covers(&consents, legal, NOW),
            Err(DomainError::NoConsent {
                purpose: "sharing",
                section: Some("legal")
            })
        );
        let elsewhere = Use {
            organisation: Some(OrgId::new()),
            ..health
        };
        assert!(covers(&consents, elsewhere, NOW).is_err());
    }

    #[test]
    fn a_revoked_or_expired_consent_covers_nothing_afterwards() {
        let org = OrgId::new();
        let what = Use {
            purpose: Purpose::FollowUpUpdates,
            section: None,
            organisation: Some(org),
        };
        let mut revoked = consent(Purpose::FollowUpUpdates, None, Some(org), None);
        revoked.revoked_at = Some(NOW.plus_seconds(60));
        assert!(
            covers(std::slice::from_ref(&revoked), what, NOW).is_ok(),
            "before the revocation"
        );
        assert!(covers(std::slice::from_ref(&revoked), what, NOW.plus_seconds(61)).is_err());
        let expiring = consent(
            Purpose::FollowUpUpdates,
            None,
            Some(org),
            Some("2026-12-31"),
        );
        assert!(covers(std::slice::from_ref(&expiring), what, NOW).is_ok());
        assert!(
            covers(
                std::slice::from_ref(&expiring),
                what,
                NOW.plus_seconds(86_400 * 33)
            )
            .is_err()
        );
        assert_eq!(expiring.status(NOW.plus_seconds(86_400 * 33)), "expired");
        assert_eq!(revoked.status(NOW.plus_seconds(61)), "revoked");
    }

    #[test]
    fn a_draft_names_every_missing_piece() {
        let today = NOW.to_datetime().date();
        let draft = ConsentDraft {
            purpose: "sharing",
            explained_in: "bn",
            ..ConsentDraft::default()
        };
        let errors: Vec<&str> = draft
            .check(today)
            .unwrap_err()
            .iter()
            .map(|(f, _)| *f)
            .collect();
        assert_eq!(
            errors,
            ["organisation", "section", "explained_how", "explained_by"]
        );
        let past = ConsentDraft {
            purpose: "statistics",
            explained_how: "মুখে বলা",
            explained_in: "bn",
            explained_by: "রুপা",
            expires_on: "2020-01-01",
            ..ConsentDraft::default()
        };
        assert_eq!(past.check(today).unwrap_err()[0].0, "expires_on");
        let ok = ConsentDraft {
            expires_on: "",
            ..past
        };
        assert_eq!(ok.check(today).unwrap().purpose, Purpose::Statistics);
    }
}
