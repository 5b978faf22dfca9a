//! Row shapes shared by both engines, and their conversion into domain types. A stored value
//! that no longer parses becomes `StoreError::Corrupt`, never a panic.

use domain::audit::{AuditEvent, AuditRecord};
use domain::organisation::{OrganisationFields, parse_languages};
use domain::{Organisation, Roles, Timestamp, TokenId, User};

use crate::{StoreError, TokenInfo};

// Column lists as macros, so queries stay `&'static str` literals built with `concat!` (sqlx
// asks for proof that run-time-built SQL is safe; literals need none).
macro_rules! org_columns {
    () => {
        "id, name, kind, country, district, languages, version, created_at, updated_at"
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
    id: String,
    name: String,
    kind: String,
    country: String,
    district: Option<String>,
    languages: String,
    version: i64,
    created_at: i64,
    updated_at: i64,
}

impl TryFrom<OrgRow> for Organisation {
    type Error = StoreError;
    fn try_from(row: OrgRow) -> Result<Self, StoreError> {
        Ok(Organisation {
            id: row.id.parse()?,
            fields: OrganisationFields {
                name: row.name.parse()?,
                kind: row.kind.parse()?,
                country: row.country.parse()?,
                district: row.district,
                languages: parse_languages(&row.languages)?,
            },
            version: row.version,
            created_at: Timestamp(row.created_at),
            updated_at: Timestamp(row.updated_at),
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct UserRow {
    id: String,
    org_id: String,
    username: String,
    display_name: Option<String>,
    roles: String,
    language: String,
    active: bool,
    version: i64,
    created_at: i64,
    updated_at: i64,
}

impl TryFrom<UserRow> for User {
    type Error = StoreError;
    fn try_from(row: UserRow) -> Result<Self, StoreError> {
        Ok(User {
            id: row.id.parse()?,
            org_id: row.org_id.parse()?,
            username: row.username.parse()?,
            display_name: row.display_name,
            roles: Roles::parse_stored(&row.roles)?,
            language: row.language.parse()?,
            active: row.active,
            version: row.version,
            created_at: Timestamp(row.created_at),
            updated_at: Timestamp(row.updated_at),
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct TokenRow {
    id: String,
    user_id: String,
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
            id: row.id.parse::<TokenId>()?,
            user_id: row.user_id.parse()?,
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
    actor_user_id: Option<String>,
    actor_org_id: Option<String>,
    action: String,
    subject: String,
    org_scope: Option<String>,
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
                actor: row.actor_user_id.map(|id| id.parse()).transpose()?,
                actor_org: row.actor_org_id.map(|id| id.parse()).transpose()?,
                action: row.action.parse().map_err(StoreError::Corrupt)?,
                subject: row.subject,
                org_scope: row.org_scope.map(|id| id.parse()).transpose()?,
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
    expires_at: i64,
    must_change_password: bool,
    #[sqlx(flatten)]
    user: UserRow,
}

impl TryFrom<SessionRow> for crate::Session {
    type Error = StoreError;
    fn try_from(row: SessionRow) -> Result<Self, StoreError> {
        Ok(crate::Session {
            user: row.user.try_into()?,
            csrf_token: row.csrf_token,
            expires_at: Timestamp(row.expires_at),
            must_change_password: row.must_change_password,
        })
    }
}
