//! The audit trail: append-only and hash-chained.
//!
//! Each entry holds the hash of the one before it, so an entry edited or deleted behind Saathi's
//! back breaks the chain at that point, and `saathi audit verify` can name it. The hashing lives
//! here, not in the store, so both database engines chain identically.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::{OrgId, Timestamp, UserId};

/// The hash that the first entry links to.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// What happened. A closed set: new kinds of event are added here, never as free text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AuditAction {
    SignIn,
    SignInFailed,
    SignInThrottled,
    SignOut,
    OrganisationCreated,
    OrganisationUpdated,
    UserCreated,
    UserUpdated,
    PasswordChanged,
    TokenCreated,
    TokenRevoked,
    DemoLoaded,
    CaseCreated,
    CaseStageChanged,
    CaseViewed,
    IdentityOpened,
    VoiceRecorded,
    VoiceCorrected,
    DecisionLogged,
    ConsentRecorded,
    ConsentRevoked,
    PlanSaved,
    PlanApproved,
    PlanReviewed,
    NoteWritten,
    DocumentAdded,
    DocumentOpened,
    SurvivorLinked,
    HandoverStarted,
    HandoverSent,
    HandoverAcknowledged,
    HandoverAccepted,
    HandoverDeclined,
    HandoverCancelled,
    FollowUpRecorded,
    RepatriationStarted,
    RepatriationStepUpdated,
    /// An organisation's package keys were made (on first use).
    OrgKeysCreated,
    /// An organisation's age identity was printed for keeping offline.
    OrgIdentityShown,
    /// An organisation of another server was added to the directory, or its keys replaced.
    OrgTrusted,
    PackageExported,
    PackageImported,
    /// A package was refused: nothing else was written, this entry says why.
    PackageRefused,
    GlossaryTermAdded,
    GlossaryTermChanged,
    GlossaryTermRemoved,
    /// A named person reviewed a term's translation into one language.
    GlossaryTranslationReviewed,
    NoteTranslated,
    /// A report left the server as a file (the CLI's `export`).
    PlanExported,
    AssessmentRecorded,
    AssessmentExported,
    /// A list left the server as a spreadsheet (CSV, XLSX or a zip of CSVs): which, with its
    /// filters, its rows and whether it carried identity.
    SpreadsheetExported,
    /// A register was imported (`saathi import cases`): how many lines, how many cases were
    /// opened and how many lines refused. Each case has its own `case-created` entry.
    CasesImported,
    /// The indicator report taken out as a workbook or a PDF (figures only, suppressed).
    IndicatorsExported,
    WorkshopScheduled,
    Enrolled,
    AttendanceRecorded,
    DroppedOut,
    SurvivorEnrolled,
    SurvivorAttendance,
    SurvivorDroppedOut,
    FeedbackRecorded,
    PeerRoleRecorded,
    ExchangeVisitRecorded,
    EvaluationRecorded,
    GateSet,
    GateLifted,
    /// A form definition was added or revised (a new version).
    FormVersionAdded,
    /// The current password was wrong when changing it (My account).
    PasswordCheckFailed,
    /// An authenticator app was enrolled and confirmed with a code.
    TwoFactorEnrolled,
    /// A wrong authenticator or recovery code.
    TwoFactorFailed,
    /// A one-time recovery code was used to sign in.
    TwoFactorRecoveryUsed,
    /// Someone's second factor was removed by her director or the network admin.
    TwoFactorReset,
    /// The roles that must use a second factor were changed.
    TwoFactorRolesSet,
    /// Who set the length of her stay and the date she wants to leave, recorded with her.
    StayTermsRecorded,
    /// Her own view of her life, with the worker's rating beside hers (R8).
    LifeViewRecorded,
}

impl AuditAction {
    pub const ALL: [AuditAction; 76] = [
        AuditAction::SignIn,
        AuditAction::SignInFailed,
        AuditAction::SignInThrottled,
        AuditAction::SignOut,
        AuditAction::OrganisationCreated,
        AuditAction::OrganisationUpdated,
        AuditAction::UserCreated,
        AuditAction::UserUpdated,
        AuditAction::PasswordChanged,
        AuditAction::TokenCreated,
        AuditAction::TokenRevoked,
        AuditAction::DemoLoaded,
        AuditAction::CaseCreated,
        AuditAction::CaseStageChanged,
        AuditAction::CaseViewed,
        AuditAction::IdentityOpened,
        AuditAction::VoiceRecorded,
        AuditAction::VoiceCorrected,
        AuditAction::DecisionLogged,
        AuditAction::ConsentRecorded,
        AuditAction::ConsentRevoked,
        AuditAction::PlanSaved,
        AuditAction::PlanApproved,
        AuditAction::PlanReviewed,
        AuditAction::NoteWritten,
        AuditAction::DocumentAdded,
        AuditAction::DocumentOpened,
        AuditAction::SurvivorLinked,
        AuditAction::HandoverStarted,
        AuditAction::HandoverSent,
        AuditAction::HandoverAcknowledged,
        AuditAction::HandoverAccepted,
        AuditAction::HandoverDeclined,
        AuditAction::HandoverCancelled,
        AuditAction::FollowUpRecorded,
        AuditAction::RepatriationStarted,
        AuditAction::RepatriationStepUpdated,
        AuditAction::OrgKeysCreated,
        AuditAction::OrgIdentityShown,
        AuditAction::OrgTrusted,
        AuditAction::PackageExported,
        AuditAction::PackageImported,
        AuditAction::PackageRefused,
        AuditAction::GlossaryTermAdded,
        AuditAction::GlossaryTermChanged,
        AuditAction::GlossaryTermRemoved,
        AuditAction::GlossaryTranslationReviewed,
        AuditAction::NoteTranslated,
        AuditAction::PlanExported,
        AuditAction::AssessmentRecorded,
        AuditAction::AssessmentExported,
        AuditAction::SpreadsheetExported,
        AuditAction::CasesImported,
        AuditAction::IndicatorsExported,
        AuditAction::WorkshopScheduled,
        AuditAction::Enrolled,
        AuditAction::AttendanceRecorded,
        AuditAction::DroppedOut,
        AuditAction::SurvivorEnrolled,
        AuditAction::SurvivorAttendance,
        AuditAction::SurvivorDroppedOut,
        AuditAction::FeedbackRecorded,
        AuditAction::PeerRoleRecorded,
        AuditAction::ExchangeVisitRecorded,
        AuditAction::EvaluationRecorded,
        AuditAction::GateSet,
        AuditAction::GateLifted,
        AuditAction::FormVersionAdded,
        AuditAction::PasswordCheckFailed,
        AuditAction::TwoFactorEnrolled,
        AuditAction::TwoFactorFailed,
        AuditAction::TwoFactorRecoveryUsed,
        AuditAction::TwoFactorReset,
        AuditAction::TwoFactorRolesSet,
        AuditAction::StayTermsRecorded,
        AuditAction::LifeViewRecorded,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::SignIn => "sign-in",
            Self::SignInFailed => "sign-in-failed",
            Self::SignInThrottled => "sign-in-throttled",
            Self::SignOut => "sign-out",
            Self::OrganisationCreated => "organisation-created",
            Self::OrganisationUpdated => "organisation-updated",
            Self::UserCreated => "user-created",
            Self::UserUpdated => "user-updated",
            Self::PasswordChanged => "password-changed",
            Self::TokenCreated => "token-created",
            Self::TokenRevoked => "token-revoked",
            Self::DemoLoaded => "demo-loaded",
            Self::CaseCreated => "case-created",
            Self::CaseStageChanged => "case-stage-changed",
            Self::CaseViewed => "case-viewed",
            Self::IdentityOpened => "identity-opened",
            Self::VoiceRecorded => "voice-recorded",
            Self::VoiceCorrected => "voice-corrected",
            Self::DecisionLogged => "decision-logged",
            Self::ConsentRecorded => "consent-recorded",
            Self::ConsentRevoked => "consent-revoked",
            Self::PlanSaved => "plan-saved",
            Self::PlanApproved => "plan-approved",
            Self::PlanReviewed => "plan-reviewed",
            Self::NoteWritten => "note-written",
            Self::DocumentAdded => "document-added",
            Self::DocumentOpened => "document-opened",
            Self::SurvivorLinked => "survivor-linked",
            Self::HandoverStarted => "handover-started",
            Self::HandoverSent => "handover-sent",
            Self::HandoverAcknowledged => "handover-acknowledged",
            Self::HandoverAccepted => "handover-accepted",
            Self::HandoverDeclined => "handover-declined",
            Self::HandoverCancelled => "handover-cancelled",
            Self::FollowUpRecorded => "follow-up-recorded",
            Self::RepatriationStarted => "repatriation-started",
            Self::RepatriationStepUpdated => "repatriation-step-updated",
            Self::OrgKeysCreated => "org-keys-created",
            Self::OrgIdentityShown => "org-identity-shown",
            Self::OrgTrusted => "org-trusted",
            Self::PackageExported => "package-exported",
            Self::PackageImported => "package-imported",
            Self::PackageRefused => "package-refused",
            Self::GlossaryTermAdded => "glossary-term-added",
            Self::GlossaryTermChanged => "glossary-term-changed",
            Self::GlossaryTermRemoved => "glossary-term-removed",
            Self::GlossaryTranslationReviewed => "glossary-translation-reviewed",
            Self::NoteTranslated => "note-translated",
            Self::PlanExported => "plan-exported",
            Self::AssessmentRecorded => "assessment-recorded",
            Self::AssessmentExported => "assessment-exported",
            Self::SpreadsheetExported => "spreadsheet-exported",
            Self::CasesImported => "cases-imported",
            Self::IndicatorsExported => "indicators-exported",
            Self::WorkshopScheduled => "workshop-scheduled",
            Self::Enrolled => "enrolled",
            Self::AttendanceRecorded => "attendance-recorded",
            Self::DroppedOut => "dropped-out",
            Self::SurvivorEnrolled => "survivor-enrolled",
            Self::SurvivorAttendance => "survivor-attendance",
            Self::SurvivorDroppedOut => "survivor-dropped-out",
            Self::FeedbackRecorded => "feedback-recorded",
            Self::PeerRoleRecorded => "peer-role-recorded",
            Self::ExchangeVisitRecorded => "exchange-visit-recorded",
            Self::EvaluationRecorded => "evaluation-recorded",
            Self::GateSet => "gate-set",
            Self::GateLifted => "gate-lifted",
            Self::FormVersionAdded => "form-version-added",
            Self::PasswordCheckFailed => "password-check-failed",
            Self::TwoFactorEnrolled => "two-factor-enrolled",
            Self::TwoFactorFailed => "two-factor-failed",
            Self::TwoFactorRecoveryUsed => "two-factor-recovery-used",
            Self::TwoFactorReset => "two-factor-reset",
            Self::TwoFactorRolesSet => "two-factor-roles-set",
            Self::StayTermsRecorded => "stay-terms-recorded",
            Self::LifeViewRecorded => "life-view-recorded",
        }
    }

    /// Whether an entry with this action records a *reading* (someone saw or took something,
    /// or tried to sign in) rather than a change to what Saathi holds. Readings are the entries
    /// batched by `Store::append_reading`, and the ones that do not make the indicators
    /// recompute. The match is exhaustive on purpose: a new action must be placed on one side,
    /// and the store's test checks its SQL list (`readings!`, the index `audit_log_changes`)
    /// against this.
    pub fn records_reading(self) -> bool {
        match self {
            Self::SignIn
            | Self::SignInFailed
            | Self::SignInThrottled
            | Self::SignOut
            | Self::CaseViewed
            | Self::IdentityOpened
            | Self::DocumentOpened
            | Self::OrgIdentityShown
            | Self::NoteTranslated
            | Self::PlanExported
            | Self::AssessmentExported
            | Self::SpreadsheetExported
            | Self::IndicatorsExported
            | Self::PasswordCheckFailed
            | Self::TwoFactorFailed => true,
            Self::OrganisationCreated
            | Self::OrganisationUpdated
            | Self::UserCreated
            | Self::UserUpdated
            | Self::PasswordChanged
            | Self::TokenCreated
            | Self::TokenRevoked
            | Self::DemoLoaded
            | Self::CaseCreated
            | Self::CaseStageChanged
            | Self::VoiceRecorded
            | Self::VoiceCorrected
            | Self::DecisionLogged
            | Self::ConsentRecorded
            | Self::ConsentRevoked
            | Self::PlanSaved
            | Self::PlanApproved
            | Self::PlanReviewed
            | Self::NoteWritten
            | Self::DocumentAdded
            | Self::SurvivorLinked
            | Self::HandoverStarted
            | Self::HandoverSent
            | Self::HandoverAcknowledged
            | Self::HandoverAccepted
            | Self::HandoverDeclined
            | Self::HandoverCancelled
            | Self::FollowUpRecorded
            | Self::RepatriationStarted
            | Self::RepatriationStepUpdated
            | Self::OrgKeysCreated
            | Self::OrgTrusted
            | Self::PackageExported
            | Self::PackageImported
            | Self::PackageRefused
            | Self::GlossaryTermAdded
            | Self::GlossaryTermChanged
            | Self::GlossaryTermRemoved
            | Self::GlossaryTranslationReviewed
            | Self::AssessmentRecorded
            | Self::CasesImported
            | Self::WorkshopScheduled
            | Self::Enrolled
            | Self::AttendanceRecorded
            | Self::DroppedOut
            | Self::SurvivorEnrolled
            | Self::SurvivorAttendance
            | Self::SurvivorDroppedOut
            | Self::FeedbackRecorded
            | Self::PeerRoleRecorded
            | Self::ExchangeVisitRecorded
            | Self::EvaluationRecorded
            | Self::GateSet
            | Self::GateLifted
            | Self::FormVersionAdded
            | Self::TwoFactorEnrolled
            | Self::TwoFactorRecoveryUsed
            | Self::TwoFactorReset
            | Self::TwoFactorRolesSet
            | Self::StayTermsRecorded
            | Self::LifeViewRecorded => false,
        }
    }

    /// The Fluent id that names the action on the audit page.
    pub fn message_id(self) -> String {
        format!("audit-action-{}", self.as_str())
    }
}

impl fmt::Display for AuditAction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for AuditAction {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        AuditAction::ALL
            .into_iter()
            .find(|a| a.as_str() == s)
            .ok_or_else(|| format!("unknown audit action {s:?}"))
    }
}

/// An event to record. `org_scope` is the organisation whose director may read the entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEvent {
    pub at: Timestamp,
    pub actor: Option<UserId>,
    pub actor_org: Option<OrgId>,
    pub action: AuditAction,
    /// What the event is about, e.g. `user:0190…` or `username:asha` for a failed sign-in.
    pub subject: String,
    pub org_scope: Option<OrgId>,
    /// Where the request came from: an IP address, or `cli`.
    pub source: String,
    /// Short structured detail (JSON text); never passwords, never case content.
    pub detail: String,
}

impl AuditEvent {
    /// An event with no actor (yet): a failed sign-in, a CLI command.
    pub fn new(at: Timestamp, action: AuditAction, subject: impl Into<String>) -> Self {
        Self {
            at,
            actor: None,
            actor_org: None,
            action,
            subject: subject.into(),
            org_scope: None,
            source: String::new(),
            detail: String::new(),
        }
    }

    pub fn by(mut self, actor: UserId, actor_org: OrgId) -> Self {
        self.actor = Some(actor);
        self.actor_org = Some(actor_org);
        self
    }

    pub fn scoped_to(mut self, org: OrgId) -> Self {
        self.org_scope = Some(org);
        self
    }

    pub fn from_source(mut self, source: impl Into<String>) -> Self {
        self.source = source.into();
        self
    }

    pub fn with_detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = detail.into();
        self
    }
}

/// An entry as stored: the event, its place in the chain, and the chain hashes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditRecord {
    pub seq: i64,
    #[serde(flatten)]
    pub event: AuditEvent,
    pub prev_hash: String,
    pub hash: String,
}

/// The hash of entry `seq` given the hash before it. Every field is length-prefixed so that no
/// two different entries can serialise to the same bytes.
pub fn chain_hash(seq: i64, prev_hash: &str, event: &AuditEvent) -> String {
    let mut hasher = Sha256::new();
    let mut field = |value: &str| {
        hasher.update((value.len() as u64).to_be_bytes());
        hasher.update(value.as_bytes());
    };
    field("saathi-audit-v1");
    field(&seq.to_string());
    field(prev_hash);
    field(&event.at.millis().to_string());
    field(&event.actor.map(|a| a.to_string()).unwrap_or_default());
    field(&event.actor_org.map(|o| o.to_string()).unwrap_or_default());
    field(event.action.as_str());
    field(&event.subject);
    field(&event.org_scope.map(|o| o.to_string()).unwrap_or_default());
    field(&event.source);
    field(&event.detail);
    let digest = hasher.finalize();
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Why a chain does not verify, naming the first entry that is wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ChainBreak {
    /// The entry's contents no longer match its hash: it was edited.
    Altered { seq: i64 },
    /// The entry does not link to the one before: one or more entries before it were removed.
    Unlinked { seq: i64 },
    /// Entries are missing at the end of the log (the recorded head is further on).
    Truncated { last_seq: i64, head_seq: i64 },
}

impl fmt::Display for ChainBreak {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Altered { seq } => write!(f, "entry {seq} was altered (its hash does not match)"),
            Self::Unlinked { seq } => write!(
                f,
                "entry {seq} does not follow the entry before it (entries were removed before it)"
            ),
            Self::Truncated { last_seq, head_seq } => write!(
                f,
                "entries after {last_seq} were removed (the log's head is entry {head_seq})"
            ),
        }
    }
}

/// Walks records in order of `seq` and finds the first break. `head` is the (seq, hash) the store
/// recorded for the last append, which catches deletion of the newest entries.
pub fn verify_chain<'a>(
    records: impl IntoIterator<Item = &'a AuditRecord>,
    head: Option<(i64, &str)>,
) -> Result<u64, ChainBreak> {
    let mut prev_hash = GENESIS_HASH.to_string();
    let mut prev_seq = 0_i64;
    let mut count = 0_u64;
    for record in records {
        if record.prev_hash != prev_hash || record.seq != prev_seq + 1 {
            return Err(ChainBreak::Unlinked { seq: record.seq });
        }
        if chain_hash(record.seq, &record.prev_hash, &record.event) != record.hash {
            return Err(ChainBreak::Altered { seq: record.seq });
        }
        prev_hash = record.hash.clone();
        prev_seq = record.seq;
        count += 1;
    }
    if let Some((head_seq, head_hash)) = head
        && (head_seq != prev_seq || head_hash != prev_hash)
    {
        return Err(ChainBreak::Truncated {
            last_seq: prev_seq,
            head_seq,
        });
    }
    Ok(count)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chain(n: i64) -> Vec<AuditRecord> {
        let mut prev = GENESIS_HASH.to_string();
        (1..=n)
            .map(|seq| {
                let event = AuditEvent::new(
                    Timestamp(seq * 1000),
                    AuditAction::SignIn,
                    format!("user:{seq}"),
                );
                let hash = chain_hash(seq, &prev, &event);
                let record = AuditRecord {
                    seq,
                    event,
                    prev_hash: prev.clone(),
                    hash: hash.clone(),
                };
                prev = hash;
                record
            })
            .collect()
    }

    #[test]
    fn an_untouched_chain_verifies() {
        let records = chain(5);
        let head = records.last().map(|r| (r.seq, r.hash.as_str()));
        assert_eq!(verify_chain(&records, head), Ok(5));
    }

    #[test]
    fn an_edited_entry_is_named() {
        let mut records = chain(5);
        records[2].event.subject = "user:someone-else".into();
        assert_eq!(
            verify_chain(&records, None),
            Err(ChainBreak::Altered { seq: 3 })
        );
    }

    #[test]
    fn a_removed_entry_breaks_the_link_after_it() {
        let mut records = chain(5);
        records.remove(1);
        assert_eq!(
            verify_chain(&records, None),
            Err(ChainBreak::Unlinked { seq: 3 })
        );
    }

    #[test]
    fn removing_the_newest_entries_is_caught_by_the_head() {
        let records = chain(5);
        let head = (5, records[4].hash.clone());
        assert_eq!(
            verify_chain(&records[..3], Some((head.0, &head.1))),
            Err(ChainBreak::Truncated {
                last_seq: 3,
                head_seq: 5
            })
        );
    }
}
