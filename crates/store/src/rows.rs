//! Row shapes shared by both engines, and their conversion into domain types. Ids and enums are
//! decoded as the row is fetched (`Stored`), so a value that no longer parses becomes
//! `StoreError::Corrupt` naming its column, never a panic.

use domain::audit::AuditAction;
use domain::audit::{AuditEvent, AuditRecord};
use domain::organisation::{CountryCode, OrgKind, OrgName, OrganisationFields, parse_languages};
use domain::{Language, OrgId, Organisation, Roles, Timestamp, TokenId, User, UserId, Username};

use crate::stored::{Stored, parse_column};
use crate::{StoreError, TokenInfo};

// Column lists as macros, so queries stay `&'static str` literals built with `concat!` (sqlx
// asks for proof that run-time-built SQL is safe; literals need none).
macro_rules! org_columns {
    () => {
        "id, name, kind, country, district, languages, time_zone, version, created_at, updated_at"
    };
}
macro_rules! user_columns {
    () => {
        "id, org_id, username, display_name, roles, language, active, version, created_at, updated_at"
    };
}
macro_rules! token_columns {
    () => {
        "id, user_id, label, created_at, revoked_at, expires_at, last_used_at"
    };
}
macro_rules! audit_columns {
    () => {
        "seq, at, actor_user_id, actor_org_id, action, subject, org_scope, source, detail, prev_hash, hash"
    };
}
pub(crate) use {audit_columns, org_columns, token_columns, user_columns};

#[derive(sqlx::FromRow)]
pub(crate) struct OrgRow {
    id: Stored<OrgId>,
    name: Stored<OrgName>,
    kind: Stored<OrgKind>,
    country: Stored<CountryCode>,
    district: Option<String>,
    languages: String,
    time_zone: Option<Stored<domain::zone::TimeZone>>,
    version: i64,
    created_at: i64,
    updated_at: i64,
}

impl TryFrom<OrgRow> for Organisation {
    type Error = StoreError;
    fn try_from(row: OrgRow) -> Result<Self, StoreError> {
        Ok(Organisation {
            id: row.id.0,
            fields: OrganisationFields {
                name: row.name.0,
                kind: row.kind.0,
                // None set: its country's (migration 0023 gave every organisation one).
                time_zone: match row.time_zone {
                    Some(zone) => zone.0,
                    None => domain::zone::TimeZone::for_country(&row.country.0),
                },
                country: row.country.0,
                district: row.district,
                languages: parse_column("languages", &row.languages, parse_languages)?,
            },
            version: row.version,
            created_at: Timestamp(row.created_at),
            updated_at: Timestamp(row.updated_at),
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct UserRow {
    id: Stored<UserId>,
    org_id: Stored<OrgId>,
    username: Stored<Username>,
    display_name: Option<String>,
    roles: String,
    language: Stored<Language>,
    active: bool,
    version: i64,
    created_at: i64,
    updated_at: i64,
}

impl TryFrom<UserRow> for User {
    type Error = StoreError;
    fn try_from(row: UserRow) -> Result<Self, StoreError> {
        Ok(User {
            id: row.id.0,
            org_id: row.org_id.0,
            username: row.username.0,
            display_name: row.display_name,
            roles: parse_column("roles", &row.roles, Roles::parse_stored)?,
            language: row.language.0,
            active: row.active,
            version: row.version,
            created_at: Timestamp(row.created_at),
            updated_at: Timestamp(row.updated_at),
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct TokenRow {
    id: Stored<TokenId>,
    user_id: Stored<UserId>,
    label: String,
    created_at: i64,
    revoked_at: Option<i64>,
    expires_at: Option<i64>,
    last_used_at: Option<i64>,
}

impl TryFrom<TokenRow> for TokenInfo {
    type Error = StoreError;
    fn try_from(row: TokenRow) -> Result<Self, StoreError> {
        Ok(TokenInfo {
            id: row.id.0,
            user_id: row.user_id.0,
            label: row.label,
            created_at: Timestamp(row.created_at),
            revoked_at: row.revoked_at.map(Timestamp),
            expires_at: row.expires_at.map(Timestamp),
            last_used_at: row.last_used_at.map(Timestamp),
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct AuditRow {
    seq: i64,
    at: i64,
    actor_user_id: Option<Stored<UserId>>,
    actor_org_id: Option<Stored<OrgId>>,
    action: Stored<AuditAction>,
    subject: String,
    org_scope: Option<Stored<OrgId>>,
    source: String,
    detail: String,
    prev_hash: String,
    hash: String,
}

impl TryFrom<AuditRow> for AuditRecord {
    type Error = StoreError;
    fn try_from(row: AuditRow) -> Result<Self, StoreError> {
        Ok(AuditRecord {
            seq: row.seq,
            event: AuditEvent {
                at: Timestamp(row.at),
                actor: row.actor_user_id.map(Stored::into_inner),
                actor_org: row.actor_org_id.map(Stored::into_inner),
                action: row.action.0,
                subject: row.subject,
                org_scope: row.org_scope.map(Stored::into_inner),
                source: row.source,
                detail: row.detail,
            },
            prev_hash: row.prev_hash,
            hash: row.hash,
        })
    }
}

/// The comma-separated form of an organisation's working languages.
pub(crate) fn language_list(fields: &OrganisationFields) -> String {
    fields
        .languages
        .iter()
        .map(|l| l.code())
        .collect::<Vec<_>>()
        .join(",")
}

/// Converts rows, failing on the first that does not parse.
pub(crate) fn convert<R, T>(rows: Vec<R>) -> Result<Vec<T>, StoreError>
where
    T: TryFrom<R, Error = StoreError>,
{
    rows.into_iter().map(T::try_from).collect()
}

#[derive(sqlx::FromRow)]
pub(crate) struct CredentialsRow {
    password_hash: String,
    #[sqlx(flatten)]
    user: UserRow,
}

impl TryFrom<CredentialsRow> for crate::UserCredentials {
    type Error = StoreError;
    fn try_from(row: CredentialsRow) -> Result<Self, StoreError> {
        Ok(crate::UserCredentials {
            user: row.user.try_into()?,
            password_hash: row.password_hash,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct SessionRow {
    csrf_token: String,
    org_name: String,
    expires_at: i64,
    must_change_password: bool,
    #[sqlx(flatten)]
    zone: crate::zones::ZoneRow,
    #[sqlx(flatten)]
    checks: ChecksRow,
    #[sqlx(flatten)]
    user: UserRow,
}

/// The columns [`checks_columns!`] names.
#[derive(sqlx::FromRow)]
pub(crate) struct ChecksRow {
    gated: bool,
    two_factor_any: bool,
    two_factor_enrolled: bool,
}

impl From<ChecksRow> for crate::Checks {
    fn from(row: ChecksRow) -> Self {
        crate::Checks {
            gated: row.gated,
            two_factor_required_somewhere: row.two_factor_any,
            two_factor_enrolled: row.two_factor_enrolled,
        }
    }
}

/// The request's checks (`crate::Checks`) as columns of the statement that finds the user
/// `u`: whether any gate is set, any role needs a second factor, and she has confirmed one.
macro_rules! checks_columns {
    () => {
        "EXISTS (SELECT 1 FROM training_gates) AS gated, \
         EXISTS (SELECT 1 FROM two_factor_roles) AS two_factor_any, \
         EXISTS (SELECT 1 FROM user_totp ut WHERE ut.user_id = u.id \
         AND ut.confirmed_at IS NOT NULL) AS two_factor_enrolled"
    };
}
pub(crate) use checks_columns;

#[derive(sqlx::FromRow)]
pub(crate) struct TokenHolderRow {
    pub(crate) last_used_at: Option<i64>,
    #[sqlx(flatten)]
    zone: crate::zones::ZoneRow,
    #[sqlx(flatten)]
    checks: ChecksRow,
    #[sqlx(flatten)]
    user: UserRow,
}

impl TryFrom<TokenHolderRow> for crate::TokenHolder {
    type Error = StoreError;
    fn try_from(row: TokenHolderRow) -> Result<Self, StoreError> {
        Ok(crate::TokenHolder {
            user: row.user.try_into()?,
            zone: row.zone.zone(),
            checks: row.checks.into(),
        })
    }
}

impl TryFrom<SessionRow> for crate::Session {
    type Error = StoreError;
    fn try_from(row: SessionRow) -> Result<Self, StoreError> {
        Ok(crate::Session {
            user: row.user.try_into()?,
            csrf_token: row.csrf_token,
            expires_at: Timestamp(row.expires_at),
            must_change_password: row.must_change_password,
            zone: row.zone.zone(),
            checks: row.checks.into(),
            org_name: row.org_name,
        })
    }
}
