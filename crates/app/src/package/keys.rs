//! Each organisation's package keys, and trusting another server's organisation.

use std::sync::Arc;

use domain::audit::AuditAction;
use domain::organisation::{OrgKind, OrganisationFields};
use domain::policy::{Action, Resource};
use domain::{Language, OrgId, Organisation, UserId};
use package::{OrgSecrets, PublicKeys};
use store::{OrgKeys, Store, StoreError, TrustOutcome, TrustedOrg};

use crate::Acting;
use crate::Error;
use crate::accounts::detail;

use super::{invalid, refused};

/// The organisation's keys, made on first use for one of this server's own organisations.
pub(super) async fn local_keys(
    store: &Arc<dyn Store>,
    acting: &Acting,
    org: &Organisation,
) -> Result<OrgKeys, Error> {
    if let Some(keys) = store.org_keys(org.id).await? {
        return Ok(keys);
    }
    let secrets = OrgSecrets::generate().map_err(|e| Error::internal(e.to_string()))?;
    let keys = OrgKeys {
        org_id: org.id,
        age_recipient: secrets.age_recipient_text(),
        ed25519_public: secrets.ed25519_public_text(),
        secrets: Some((secrets.age_identity_text(), secrets.ed25519_secret_text())),
        created_at: acting.at,
    };
    let audit = acting.event(
        AuditAction::OrgKeysCreated,
        format!("organisation:{}", org.id),
        Some(org.id),
    );
    match store.create_org_keys(&keys, audit).await {
        Ok(()) => Ok(keys),
        // Made at the same moment by another request: use those.
        Err(StoreError::Duplicate(_)) => store
            .org_keys(org.id)
            .await?
            .ok_or_else(|| Error::internal("keys vanished")),
        Err(e) => Err(e.into()),
    }
}

pub(super) fn secrets_of(keys: &OrgKeys) -> Result<OrgSecrets, Error> {
    let (identity, seed) = keys.secrets.as_ref().ok_or_else(|| {
        invalid(
            "package-error-remote-org",
            "this organisation is on another server",
        )
    })?;
    OrgSecrets::parse(identity, seed).map_err(|e| Error::internal(e.to_string()))
}

/// An organisation's public keys as one line of JSON for `saathi org trust` on another server.
pub async fn public_keys(
    store: &Arc<dyn Store>,
    acting: &Acting,
    org: &Organisation,
) -> Result<PublicKeys, Error> {
    let keys = local_keys(store, acting, org).await?;
    Ok(PublicKeys {
        name: org.fields.name.as_str().to_string(),
        id: org.id.0,
        age_recipient: keys.age_recipient,
        ed25519: keys.ed25519_public,
        kind: Some(org.fields.kind.as_str().to_string()),
        country: Some(org.fields.country.as_str().to_string()),
        languages: org
            .fields
            .languages
            .iter()
            .map(|l| l.code().to_string())
            .collect(),
    })
}

/// The organisation's age identity (`AGE-SECRET-KEY-1…`), to keep offline or use with `age -d`.
/// Audited: whoever holds it can read every package sent to the organisation.
pub async fn age_identity(
    store: &Arc<dyn Store>,
    acting: &Acting,
    org: &Organisation,
) -> Result<String, Error> {
    let keys = local_keys(store, acting, org).await?;
    let secrets = secrets_of(&keys)?;
    let audit = acting.event(
        AuditAction::OrgIdentityShown,
        format!("organisation:{}", org.id),
        Some(org.id),
    );
    store.append_audit(audit).await?;
    Ok(secrets.age_identity_text())
}

/// Adds another server's organisation (one line of `keys show` JSON) to the directory. A changed
/// key for a known organisation is refused unless `replace`: a key that changes silently is how
/// a package would be redirected.
pub async fn trust(
    store: &Arc<dyn Store>,
    acting: &Acting,
    line: &str,
    replace: bool,
) -> Result<(OrgId, TrustOutcome), Error> {
    acting.check(Action::CreateOrganisation, Resource::Network)?;
    let keys: PublicKeys = serde_json::from_str(line.trim()).map_err(|e| {
        invalid(
            "package-error-key",
            &format!("not a line of `saathi keys show`: {e}"),
        )
    })?;
    keys.check().map_err(refused)?;
    let id = OrgId(keys.id);
    let existing = store.organisation(id).await?;
    let fields =
        match &existing {
            Some(org) => org.fields.clone(),
            None => {
                let country: domain::CountryCode =
                    keys.country.as_deref().unwrap_or("BD").parse().map_err(
                        |e: domain::DomainError| invalid(e.message_id(), &e.to_string()),
                    )?;
                OrganisationFields {
                    name: keys.name.parse().map_err(|e: domain::DomainError| {
                        invalid(e.message_id(), &e.to_string())
                    })?,
                    kind: keys
                        .kind
                        .as_deref()
                        .unwrap_or("source")
                        .parse()
                        .unwrap_or(OrgKind::Source),
                    time_zone: domain::zone::TimeZone::for_country(&country),
                    country,
                    district: None,
                    languages: keys
                        .languages
                        .iter()
                        .filter_map(|l| l.parse::<Language>().ok())
                        .collect(),
                }
            }
        };
    let account = store::NewUser {
        id: UserId::new(),
        org_id: id,
        username: store::account_username(id)
            .parse()
            .map_err(|e: domain::DomainError| Error::internal(e.to_string()))?,
        // It stands for the organisation itself: what its packages carry is shown as theirs.
        display_name: Some(keys.name.clone()),
        roles: domain::Roles::single(domain::Role::CaseWorker),
        language: fields.languages.first().copied().unwrap_or(Language::Bn),
        // Never signed in to: inactive, and no one knows this random password.
        password_hash: crate::password::hash(crate::token::random_hex()).await?,
    };
    let trusted = TrustedOrg {
        id,
        fields,
        keys: OrgKeys {
            org_id: id,
            age_recipient: keys.age_recipient.trim().to_string(),
            ed25519_public: keys.ed25519.trim().to_string(),
            secrets: None,
            created_at: acting.at,
        },
        account,
    };
    let audit = acting
        .event(AuditAction::OrgTrusted, format!("organisation:{id}"), None)
        .with_detail(detail(&[
            ("name", &keys.name),
            ("replace", if replace { "true" } else { "false" }),
        ]));
    match store.trust_organisation(&trusted, replace, audit).await {
        Ok(outcome) => Ok((id, outcome)),
        Err(StoreError::Conflict { .. }) => Err(invalid(
            "package-error-key-changed",
            "this organisation is already trusted with other keys; check with them, then use --replace",
        )),
        Err(StoreError::Duplicate("local organisation")) => Err(invalid(
            "package-error-own-org",
            "this is one of this server's own organisations",
        )),
        Err(e) => Err(e.into()),
    }
}
