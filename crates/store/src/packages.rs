//! What the handover package needs from storage: each organisation's keys, the directory entries
//! trusted from other servers, and the import of a package in one transaction (with the record
//! that refuses its replay).

use async_trait::async_trait;
use domain::audit::AuditEvent;
use domain::consent::Consent;
use domain::decision::Decision;
use domain::document::DocumentInfo;
use domain::followup::FollowUpUpdate;
use domain::handover::Handover;
use domain::organisation::OrganisationFields;
use domain::plan::{PlanBody, PlanReview};
use domain::{OrgId, Stage, Timestamp, UserId, VoiceEntry};

use crate::{NewCase, NewUser, StoreError};

/// An organisation's keys in their text forms. `secrets` is there only for this server's own
/// organisations: (age identity, Ed25519 seed). `Debug` never prints them.
#[derive(Clone, PartialEq, Eq)]
pub struct OrgKeys {
    pub org_id: OrgId,
    pub age_recipient: String,
    pub ed25519_public: String,
    pub secrets: Option<(String, String)>,
    pub created_at: Timestamp,
}

impl std::fmt::Debug for OrgKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OrgKeys")
            .field("org_id", &self.org_id)
            .field("age_recipient", &self.age_recipient)
            .field("ed25519_public", &self.ed25519_public)
            .field("secrets", &self.secrets.as_ref().map(|_| "(hidden)"))
            .field("created_at", &self.created_at)
            .finish()
    }
}

/// An organisation of another server added to the directory, with the inactive account that
/// stands for its staff as the author of what its packages carry.
#[derive(Debug, Clone)]
pub struct TrustedOrg {
    pub id: OrgId,
    pub fields: OrganisationFields,
    pub keys: OrgKeys,
    pub account: NewUser,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrustOutcome {
    Added,
    /// The same keys were already trusted: nothing changed.
    Unchanged,
    Replaced,
}

/// A case arriving in a handover package, ready to be written in one transaction.
#[derive(Debug, Clone)]
pub struct ImportedHandover {
    pub package_id: uuid::Uuid,
    pub case: NewCase,
    pub stage: Stage,
    pub voice: Vec<VoiceEntry>,
    /// The current plan, saved as version 1 here, by whom and when at the sender.
    pub plan: Option<(PlanBody, UserId, Timestamp)>,
    /// Her reviews of that plan (their `plan_version` is 1 here).
    pub reviews: Vec<PlanReview>,
    pub decisions: Vec<Decision>,
    pub consents: Vec<Consent>,
    pub documents: Vec<(DocumentInfo, Vec<u8>)>,
    pub handover: Handover,
}

#[async_trait]
pub trait PackageStore {
    async fn org_keys(&self, org: OrgId) -> Result<Option<OrgKeys>, StoreError>;
    /// This server's own organisations' keys (those with secrets).
    async fn local_org_keys(&self) -> Result<Vec<OrgKeys>, StoreError>;
    /// Saves newly made keys for a local organisation; `Duplicate` if it has keys already.
    async fn create_org_keys(&self, keys: &OrgKeys, audit: AuditEvent) -> Result<(), StoreError>;
    /// Adds an organisation of another server to the directory, or replaces its keys when
    /// `replace` is given. A changed key without `replace` is a `Conflict`; one of this server's
    /// own organisations is never replaced (`Duplicate`).
    async fn trust_organisation(
        &self,
        org: &TrustedOrg,
        replace: bool,
        audit: AuditEvent,
    ) -> Result<TrustOutcome, StoreError>;
    /// The inactive account standing for an organisation of another server.
    async fn package_account(&self, org: OrgId) -> Result<Option<UserId>, StoreError>;
    async fn package_imported(&self, package_id: uuid::Uuid) -> Result<bool, StoreError>;
    /// Writes the case and its handover; `Duplicate("package")` when the package (or its
    /// handover) was imported before. All or nothing.
    async fn import_handover(
        &self,
        import: &ImportedHandover,
        audit: AuditEvent,
    ) -> Result<(), StoreError>;
    /// Applies the receiver's answer to a handover sent from here: its state and dates (when
    /// `next` is given; on acceptance custody moves to the receiver), and the follow-up updates
    /// it carries that are not here yet. Returns how many updates were new.
    /// `Duplicate("package")` on a replay.
    async fn import_receipt(
        &self,
        package_id: uuid::Uuid,
        handover: &Handover,
        next: Option<(&Handover, i64)>,
        updates: &[FollowUpUpdate],
        audit: AuditEvent,
    ) -> Result<usize, StoreError>;
}

/// The username of the inactive account that stands for an organisation of another server.
pub fn account_username(org: OrgId) -> String {
    format!("package.{}", org.to_string().replace('-', ""))
}

#[derive(sqlx::FromRow)]
pub(crate) struct KeysRow {
    org_id: String,
    age_recipient: String,
    ed25519_public: String,
    age_identity: Option<String>,
    ed25519_secret: Option<String>,
    created_at: i64,
}

impl KeysRow {
    /// The keys with their secrets opened (they are sealed when a key file is used).
    pub(crate) fn open(self, secrets: &crate::Secrets) -> Result<OrgKeys, StoreError> {
        use crate::safekeeping::{identity_context, signing_context};
        let opened = match (self.age_identity, self.ed25519_secret) {
            (Some(identity), Some(secret)) => Some((
                secrets.open(&identity_context(&self.org_id), &identity)?,
                secrets.open(&signing_context(&self.org_id), &secret)?,
            )),
            _ => None,
        };
        Ok(OrgKeys {
            org_id: crate::stored::parse_column("org_id", &self.org_id, str::parse)?,
            age_recipient: self.age_recipient,
            ed25519_public: self.ed25519_public,
            secrets: opened,
            created_at: Timestamp::from_millis(self.created_at),
        })
    }
}
