//! The `Store` trait: everything Saathi remembers, as the layers above see it.

use async_trait::async_trait;
use domain::audit::{AuditEvent, AuditRecord, ChainBreak};
use domain::organisation::OrganisationFields;
use domain::{Language, OrgId, Organisation, Roles, Timestamp, TokenId, User, UserId, Username};

use crate::{Engine, StoreError};

/// A user to create. The password arrives already hashed: hashing is slow work for the caller's
/// blocking pool, not for a database transaction.
#[derive(Debug, Clone)]
pub struct NewUser {
    pub id: UserId,
    pub org_id: OrgId,
    pub username: Username,
    pub display_name: Option<String>,
    pub roles: Roles,
    pub language: Language,
    pub password_hash: String,
}

/// The editable part of a user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserChanges {
    pub display_name: Option<String>,
    pub roles: Roles,
    pub language: Language,
    pub active: bool,
}

/// A user with her password hash, for signing in only.
#[derive(Debug, Clone)]
pub struct UserCredentials {
    pub user: User,
    pub password_hash: String,
}

#[derive(Debug, Clone)]
pub struct NewSession {
    /// SHA-256 of the cookie value: a copy of the database cannot be replayed as a cookie.
    pub id_hash: String,
    pub user_id: UserId,
    pub csrf_token: String,
    pub created_at: Timestamp,
    pub expires_at: Timestamp,
}

/// A live session and the person it belongs to.
#[derive(Debug, Clone)]
pub struct Session {
    pub user: User,
    pub csrf_token: String,
    pub expires_at: Timestamp,
    /// Her password no longer passes the password rule: every page sends her to change it.
    pub must_change_password: bool,
    /// Her organisation's clock (as `TimeZoneStore::time_zone_of` says it), read with the
    /// session so that a page needs no query of its own for it.
    pub zone: domain::zone::TimeZone,
    /// What the page's checks need, read with the session in the same statement (issue 16).
    pub checks: Checks,
    /// Her organisation's name, read with the session: the case summary names the custodian.
    pub org_name: String,
}

/// What every signed-in request checks besides who she is, read in the statement that finds
/// her (session or token), so that a request without gates or second factors runs no other
/// query before its handler.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Checks {
    /// The network set at least one training gate: only then is her standing read.
    pub gated: bool,
    /// At least one role must sign in with a second factor: only then is it asked whether one
    /// of hers does.
    pub two_factor_required_somewhere: bool,
    /// She has a confirmed authenticator.
    pub two_factor_enrolled: bool,
}

/// The person an API token lets in, with her organisation's clock and the checks, in one
/// statement.
#[derive(Debug, Clone)]
pub struct TokenHolder {
    pub user: User,
    pub zone: domain::zone::TimeZone,
    pub checks: Checks,
}

/// An API token as listed (never the secret, which is only shown once).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenInfo {
    pub id: TokenId,
    pub user_id: UserId,
    pub label: String,
    pub created_at: Timestamp,
    pub revoked_at: Option<Timestamp>,
    /// None only for a token the upgrade has not reached (every new token has an expiry).
    pub expires_at: Option<Timestamp>,
    /// When it last let a request in (to the minute).
    pub last_used_at: Option<Timestamp>,
}

/// The outcome of walking the audit chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuditVerification {
    Intact { entries: u64 },
    Broken(ChainBreak),
}

/// Everything Saathi remembers. Every change that matters is recorded with its audit event in
/// the same transaction, so there is never a change without its entry, or an entry without its
/// change.
#[async_trait]
pub trait Store:
    crate::CaseStore
    + crate::PackageStore
    + crate::GlossaryStore
    + crate::FormStore
    + crate::TrainingStore
    + crate::SurvivorTrainingStore
    + crate::TwoFactorStore
    + crate::SafekeepingStore
    + crate::TimeZoneStore
    + crate::IndicatorStore
    + crate::IndicatorCaseStore
    + crate::ContinuityStore
    + Send
    + Sync
{
    fn engine(&self) -> Engine;

    /// Brings the schema up to date (also done by `open`).
    async fn migrate(&self) -> Result<(), StoreError>;

    // --- organisations -------------------------------------------------------------------
    async fn create_organisation(
        &self,
        id: OrgId,
        fields: &OrganisationFields,
        audit: AuditEvent,
    ) -> Result<Organisation, StoreError>;

    /// Changes an organisation if it is still at `expected_version`; otherwise `Conflict`.
    async fn update_organisation(
        &self,
        id: OrgId,
        expected_version: i64,
        fields: &OrganisationFields,
        audit: AuditEvent,
    ) -> Result<Organisation, StoreError>;

    async fn organisation(&self, id: OrgId) -> Result<Option<Organisation>, StoreError>;
    async fn organisation_by_name(&self, name: &str) -> Result<Option<Organisation>, StoreError>;
    async fn organisations(&self) -> Result<Vec<Organisation>, StoreError>;

    // --- users ---------------------------------------------------------------------------
    async fn create_user(&self, user: &NewUser, audit: AuditEvent) -> Result<User, StoreError>;

    /// Changes a user if she is still at `expected_version`; otherwise `Conflict`.
    async fn update_user(
        &self,
        id: UserId,
        expected_version: i64,
        changes: &UserChanges,
        audit: AuditEvent,
    ) -> Result<User, StoreError>;

    /// Replaces a password hash, ends the user's sessions and lifts any demand to change it.
    async fn set_password(
        &self,
        id: UserId,
        password_hash: &str,
        audit: AuditEvent,
    ) -> Result<(), StoreError>;

    /// Her password no longer passes the rule: she must change it before any page but *My
    /// account*. Recorded once; asking again changes nothing.
    async fn require_password_change(
        &self,
        id: UserId,
        audit: AuditEvent,
    ) -> Result<(), StoreError>;

    async fn user(&self, id: UserId) -> Result<Option<User>, StoreError>;
    async fn user_by_username(&self, username: &Username) -> Result<Option<User>, StoreError>;
    async fn credentials(&self, username: &Username)
    -> Result<Option<UserCredentials>, StoreError>;
    /// The users of one organisation, by username.
    async fn users_in(&self, org: OrgId) -> Result<Vec<User>, StoreError>;
    /// The users with these ids, in one statement, in no particular order; ids that name
    /// nobody are left out.
    async fn users_among(&self, ids: &[UserId]) -> Result<Vec<User>, StoreError>;
    /// The active accounts in one organisation that hold the survivor role, by username (an
    /// older database may still pair it with a staff role: the caller decides about those).
    async fn survivor_accounts_in(&self, org: OrgId) -> Result<Vec<User>, StoreError>;
    /// [`Store::users_among`] `ids` and, with `survivors_of`, [`Store::survivor_accounts_in`]
    /// that organisation, in one statement (issue 16: the case summary's assignees and the
    /// accounts she may link), by username; each user once.
    async fn users_among_and_survivors(
        &self,
        ids: &[UserId],
        survivors_of: Option<OrgId>,
    ) -> Result<Vec<User>, StoreError>;

    // --- API tokens ----------------------------------------------------------------------
    async fn create_token(
        &self,
        id: TokenId,
        user: UserId,
        token_hash: &str,
        label: &str,
        expires_at: Timestamp,
        audit: AuditEvent,
    ) -> Result<(), StoreError>;
    /// The active user holding an unrevoked, unexpired token with this hash; notes the use.
    async fn user_for_token(
        &self,
        token_hash: &str,
        now: Timestamp,
    ) -> Result<Option<User>, StoreError> {
        Ok(self.token_holder(token_hash, now).await?.map(|h| h.user))
    }
    /// `user_for_token` with her organisation's clock and the request's checks, in one
    /// statement; the use is noted (a second, on the writer) only when the last noted use is a
    /// minute old.
    async fn token_holder(
        &self,
        token_hash: &str,
        now: Timestamp,
    ) -> Result<Option<TokenHolder>, StoreError>;
    async fn tokens_of(&self, user: UserId) -> Result<Vec<TokenInfo>, StoreError>;
    async fn token(&self, id: TokenId) -> Result<Option<TokenInfo>, StoreError>;
    /// Revokes a token; `NotFound` if there is none, and revoking twice is harmless.
    async fn revoke_token(&self, id: TokenId, audit: AuditEvent) -> Result<(), StoreError>;

    // --- sessions ------------------------------------------------------------------------
    async fn create_session(&self, session: &NewSession) -> Result<(), StoreError>;
    /// The unexpired session of an active user.
    async fn session(&self, id_hash: &str, now: Timestamp) -> Result<Option<Session>, StoreError>;
    async fn delete_session(&self, id_hash: &str) -> Result<(), StoreError>;
    async fn delete_expired_sessions(&self, now: Timestamp) -> Result<u64, StoreError>;

    // --- audit ---------------------------------------------------------------------------
    /// Appends an event that has no other change with it (a sign-in, a failed sign-in).
    async fn append_audit(&self, event: AuditEvent) -> Result<(), StoreError>;
    /// Appends the entry of a *reading* (she opened a section of her record): batched with
    /// the readings of other requests into one transaction (group commit). Returns once the
    /// batch is committed; an error means the entry is not in the trail.
    async fn append_reading(&self, event: AuditEvent) -> Result<(), StoreError>;
    /// The newest entries first; `scope` limits them to one organisation's.
    async fn audit_entries(
        &self,
        scope: Option<OrgId>,
        limit: u32,
    ) -> Result<Vec<AuditRecord>, StoreError> {
        self.audit_page(scope, None, limit).await
    }
    /// The newest entries before `before` (a `seq`), newest first: one page of the trail.
    async fn audit_page(
        &self,
        scope: Option<OrgId>,
        before: Option<i64>,
        limit: u32,
    ) -> Result<Vec<AuditRecord>, StoreError>;
    /// Walks the whole chain.
    async fn verify_audit(&self) -> Result<AuditVerification, StoreError>;
}
