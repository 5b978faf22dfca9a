//! Handover packages between Saathi servers, for the CLI, the pages and the API: each
//! organisation's keys, trusting another server's organisation, exporting a sent handover (or
//! the receiver's answer) as one sealed file, and importing one — every check before anything is
//! written, and everything written in one transaction. The layout is in `docs/handover-package.md`.

use std::sync::Arc;

use domain::audit::AuditAction;
use domain::consent::{Consent, ConsentFields, Purpose, SectionClass, Use, covers};
use domain::decision::{Decision, DecisionFields};
use domain::document::DocumentInfo;
use domain::handover::{Handover, HandoverState};
use domain::organisation::{OrgKind, OrganisationFields};
use domain::plan::{PlanBody, PlanReview};
use domain::policy::{Action, Resource};
use domain::{Case, Language, OrgId, Organisation, Stage, Timestamp, UserId, VoiceEntry, VoiceId};
use package::{Draft, Entry, Kind, OrgSecrets, PackageError, Party, PublicKeys};
use serde::{Deserialize, Serialize};
use store::{ImportedHandover, NewCase, OrgKeys, Store, StoreError, TrustOutcome, TrustedOrg};

use crate::accounts::{Origin, detail};
use crate::casework::allowed;
use crate::{AppError, FieldError};

fn refused(e: PackageError) -> AppError {
    AppError::Invalid(vec![FieldError {
        field: "package".into(),
        message_id: e.message_id(),
        english: e.to_string(),
    }])
}

fn invalid(message_id: &'static str, english: &str) -> AppError {
    AppError::Invalid(vec![FieldError {
        field: "package".into(),
        message_id,
        english: english.to_string(),
    }])
}

fn malformed(what: impl std::fmt::Display) -> AppError {
    refused(PackageError::Malformed(what.to_string()))
}

// --- keys ------------------------------------------------------------------------------------

/// The organisation's keys, made on first use for one of this server's own organisations.
async fn local_keys(
    store: &Arc<dyn Store>,
    origin: &Origin,
    org: &Organisation,
) -> Result<OrgKeys, AppError> {
    if let Some(keys) = store.org_keys(org.id).await? {
        return Ok(keys);
    }
    let secrets = OrgSecrets::generate().map_err(|e| AppError::internal(e.to_string()))?;
    let keys = OrgKeys {
        org_id: org.id,
        age_recipient: secrets.age_recipient_text(),
        ed25519_public: secrets.ed25519_public_text(),
        secrets: Some((secrets.age_identity_text(), secrets.ed25519_secret_text())),
        created_at: origin.at,
    };
    let audit = origin.event(
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
            .ok_or_else(|| AppError::internal("keys vanished")),
        Err(e) => Err(e.into()),
    }
}

fn secrets_of(keys: &OrgKeys) -> Result<OrgSecrets, AppError> {
    let (identity, seed) = keys.secrets.as_ref().ok_or_else(|| {
        invalid(
            "package-error-remote-org",
            "this organisation is on another server",
        )
    })?;
    OrgSecrets::parse(identity, seed).map_err(|e| AppError::internal(e.to_string()))
}

/// An organisation's public keys as one line of JSON for `saathi org trust` on another server.
pub async fn public_keys(
    store: &Arc<dyn Store>,
    origin: &Origin,
    org: &Organisation,
) -> Result<PublicKeys, AppError> {
    let keys = local_keys(store, origin, org).await?;
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
    origin: &Origin,
    org: &Organisation,
) -> Result<String, AppError> {
    let keys = local_keys(store, origin, org).await?;
    let secrets = secrets_of(&keys)?;
    let audit = origin.event(
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
    origin: &Origin,
    line: &str,
    replace: bool,
) -> Result<(OrgId, TrustOutcome), AppError> {
    origin.check(Action::CreateOrganisation, Resource::Network)?;
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
                    country: keys.country.as_deref().unwrap_or("BD").parse().map_err(
                        |e: domain::DomainError| invalid(e.message_id(), &e.to_string()),
                    )?,
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
            .map_err(|e: domain::DomainError| AppError::internal(e.to_string()))?,
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
            created_at: origin.at,
        },
        account,
    };
    let audit = origin
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

// --- what travels ----------------------------------------------------------------------------

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct CaseOut {
    code: String,
    stage: String,
    opened_at: i64,
    reason: String,
    sections: Vec<String>,
    score: Option<i64>,
    gaps: Vec<String>,
    gaps_reason: String,
    created_at: i64,
    sent_at: Option<i64>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct IdentityOut {
    name: String,
    family: String,
    address: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct VoiceOut {
    id: uuid::Uuid,
    kind: String,
    text: String,
    language: String,
    spoken_on: String,
    read_back: bool,
    recorded_at: i64,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ReviewOut {
    id: uuid::Uuid,
    agreement: String,
    her_words: String,
    notes: String,
    reviewed_at: i64,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct PlanOut {
    body: PlanBody,
    updated_at: i64,
    /// Her reviews of this version of the plan.
    reviews: Vec<ReviewOut>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct DecisionOut {
    id: uuid::Uuid,
    topic: String,
    what: String,
    decided_by: String,
    options: Vec<String>,
    her_choice: String,
    participation: String,
    her_view: String,
    absent_reason: String,
    recorded_at: i64,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConsentOut {
    id: uuid::Uuid,
    purpose: String,
    section: Option<String>,
    organisation: Option<uuid::Uuid>,
    explained_how: String,
    explained_in: String,
    explained_by: String,
    expires_on: Option<String>,
    recorded_at: i64,
    revoked_at: Option<i64>,
    revoked_reason: Option<String>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct DocumentOut {
    id: uuid::Uuid,
    class: String,
    name: String,
    media_type: String,
    uploaded_at: i64,
    /// The entry that holds its bytes.
    entry: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ReceiptOut {
    state: String,
    acknowledged_at: Option<i64>,
    decided_at: Option<i64>,
    decline_reason: String,
    /// Follow-up news for the sender, when she consented to it (and still does).
    #[serde(default)]
    updates: Vec<UpdateOut>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct UpdateOut {
    id: uuid::Uuid,
    outcome: String,
    her_words: String,
    at: i64,
}

fn json_entry<T: Serialize>(name: &str, value: &T) -> Result<Entry, AppError> {
    let bytes = serde_json::to_vec(value).map_err(|e| AppError::internal(e.to_string()))?;
    Ok(Entry::new(name, "application/json", bytes))
}

/// What an export made: the sealed bytes and a short description for the person exporting.
pub struct Exported {
    pub bytes: Vec<u8>,
    pub kind: Kind,
    pub to: String,
    pub entries: usize,
}

/// Seals a handover for its receiver on another server: a sent handover from the sender (what
/// her consent covers for that receiver, checked again now, as the data leaves), or the
/// receiver's answer (acknowledged, accepted, declined) back to the sender.
pub async fn export(
    store: &Arc<dyn Store>,
    origin: &Origin,
    handover: &str,
) -> Result<Exported, AppError> {
    let id: uuid::Uuid = handover.parse().map_err(|_| AppError::NotFound)?;
    let h = store.handover(id).await?.ok_or(AppError::NotFound)?;
    let case = store.case(h.case_id).await?.ok_or(AppError::NotFound)?;
    // Who may: the sender's case worker for the case, the receiver's staff for the answer.
    if let Some(actor) = &origin.actor {
        let permitted = if actor.org_id == h.from_org {
            allowed(actor, Action::StartHandover, &case)
        } else {
            actor.org_id == h.to_org
                && domain::policy::authorize(
                    actor,
                    Action::ReceiveHandover,
                    &Resource::Organisation(h.to_org),
                ) == domain::policy::Decision::Allow
        };
        if !permitted {
            return Err(AppError::Forbidden(domain::policy::DenyReason::NotAssigned));
        }
    }
    let from_keys = store.org_keys(h.from_org).await?;
    let sender_is_local = from_keys.as_ref().is_none_or(|k| k.secrets.is_some());
    let (kind, me, them) = if sender_is_local && h.state == HandoverState::Sent {
        (Kind::Handover, h.from_org, h.to_org)
    } else if !sender_is_local
        && matches!(
            h.state,
            HandoverState::Acknowledged | HandoverState::Accepted | HandoverState::Declined
        )
    {
        (Kind::Receipt, h.to_org, h.from_org)
    } else {
        return Err(invalid(
            "package-error-not-ready",
            "only a sent handover, or the answer to one that came in a package, can be exported",
        ));
    };
    let me_org = store.organisation(me).await?.ok_or(AppError::NotFound)?;
    let them_org = store.organisation(them).await?.ok_or(AppError::NotFound)?;
    // An organisation from another server always has its public keys here (`org trust` writes
    // both at once); one without keys, or with secrets, is on this server.
    let their_keys = store.org_keys(them).await?;
    let Some(their_keys) = their_keys.filter(|k| k.secrets.is_none()) else {
        return Err(invalid(
            "package-error-same-server",
            "the receiver is on this server: the handover reaches it without a package",
        ));
    };
    let recipient = package::keys::recipient(&their_keys.age_recipient).map_err(refused)?;
    let secrets = secrets_of(&local_keys(store, origin, &me_org).await?)?;
    let entries = match kind {
        Kind::Handover => handover_entries(store, origin, &h, &case).await?,
        Kind::Receipt => {
            // News goes back only while she still consents to it for the sender.
            let consents = store.consents_of(case.id).await?;
            let wanted = Use {
                purpose: Purpose::FollowUpUpdates,
                section: None,
                organisation: Some(h.from_org),
            };
            let updates = if covers(&consents, wanted, origin.at).is_ok() {
                store.followup_updates(h.id).await?
            } else {
                Vec::new()
            };
            vec![json_entry(
                "receipt.json",
                &ReceiptOut {
                    state: h.state.as_str().to_string(),
                    acknowledged_at: h.acknowledged_at.map(Timestamp::millis),
                    decided_at: h.decided_at.map(Timestamp::millis),
                    decline_reason: h.decline_reason.clone(),
                    updates: updates
                        .into_iter()
                        .map(|u| UpdateOut {
                            id: u.id,
                            outcome: u.outcome.as_str().to_string(),
                            her_words: u.her_words,
                            at: u.at.millis(),
                        })
                        .collect(),
                },
            )?]
        }
    };
    let draft = Draft {
        package_id: uuid::Uuid::now_v7(),
        kind,
        handover_id: h.id,
        case_id: case.id.0,
        from: Party {
            id: me.0,
            name: me_org.fields.name.as_str().to_string(),
        },
        to: Party {
            id: them.0,
            name: them_org.fields.name.as_str().to_string(),
        },
        created_at: origin.at.millis(),
        entries,
    };
    let bytes = package::seal(&draft, &secrets.signing, &recipient).map_err(refused)?;
    let audit = origin
        .event(
            AuditAction::PackageExported,
            format!("handover:{}", h.id),
            Some(me),
        )
        .with_detail(detail(&[
            ("package", &draft.package_id.to_string()),
            (
                "kind",
                if kind == Kind::Handover {
                    "handover"
                } else {
                    "receipt"
                },
            ),
            ("to", &them.to_string()),
        ]));
    store.append_audit(audit).await?;
    Ok(Exported {
        bytes,
        kind,
        to: them_org.fields.name.as_str().to_string(),
        entries: draft.entries.len(),
    })
}

/// The entries of a handover: the sections her consent covers for the receiver at this moment.
async fn handover_entries(
    store: &Arc<dyn Store>,
    origin: &Origin,
    h: &Handover,
    case: &Case,
) -> Result<Vec<Entry>, AppError> {
    let consents = store.consents_of(case.id).await?;
    let mut missing = Vec::new();
    for class in &h.sections {
        let wanted = Use {
            purpose: Purpose::Sharing,
            section: Some(*class),
            organisation: Some(h.to_org),
        };
        if covers(&consents, wanted, origin.at).is_err() {
            missing.push(FieldError {
                field: class.as_str().into(),
                message_id: "error-no-consent",
                english: domain::DomainError::NoConsent {
                    purpose: "sharing",
                    section: Some(class.as_str()),
                }
                .to_string(),
            });
        }
    }
    if !missing.is_empty() {
        return Err(AppError::Invalid(missing));
    }
    let travels = |class: SectionClass| h.sections.contains(&class);
    let mut entries = vec![json_entry(
        "case.json",
        &CaseOut {
            code: case.code.as_str().to_string(),
            stage: case.stage.as_str().to_string(),
            opened_at: case.opened_at.millis(),
            reason: h.reason.clone(),
            sections: h.sections.iter().map(|s| s.as_str().to_string()).collect(),
            score: h.score,
            gaps: h.gaps.iter().map(|g| g.as_str().to_string()).collect(),
            gaps_reason: h.gaps_reason.clone(),
            created_at: h.created_at.millis(),
            sent_at: h.sent_at.map(Timestamp::millis),
        },
    )?];
    // Reading what leaves is recorded as any reading is.
    let read = |action| {
        origin
            .event(action, format!("case:{}", case.id), Some(case.custodian))
            .with_detail(detail(&[("for", "handover-package")]))
    };
    if travels(SectionClass::Identity)
        && let Some(identity) = store
            .open_identity(case.id, read(AuditAction::IdentityOpened))
            .await?
    {
        entries.push(json_entry(
            "identity.json",
            &IdentityOut {
                name: identity.name,
                family: identity.family,
                address: identity.address,
            },
        )?);
    }
    if travels(SectionClass::Voice) {
        let voice: Vec<VoiceOut> = store
            .voice_of(case.id)
            .await?
            .into_iter()
            .map(|v| VoiceOut {
                id: v.id.0,
                kind: v.kind.as_str().to_string(),
                text: v.text,
                language: v.language.code().to_string(),
                spoken_on: domain::voice::format_date_iso(v.spoken_on),
                read_back: v.read_back,
                recorded_at: v.recorded_at.millis(),
            })
            .collect();
        entries.push(json_entry("voice.json", &voice)?);
        if let Some(plan) = store.plan(case.id).await? {
            let reviews = store
                .plan_reviews(case.id)
                .await?
                .into_iter()
                .filter(|r| r.plan_version == plan.version)
                .map(|r| ReviewOut {
                    id: r.id,
                    agreement: r.agreement.as_str().to_string(),
                    her_words: r.her_words,
                    notes: r.notes,
                    reviewed_at: r.reviewed_at.millis(),
                })
                .collect();
            entries.push(json_entry(
                "plan.json",
                &PlanOut {
                    body: plan.body,
                    updated_at: plan.updated_at.millis(),
                    reviews,
                },
            )?);
        }
        let decisions: Vec<DecisionOut> = store
            .decisions_of(case.id)
            .await?
            .into_iter()
            .map(|d| DecisionOut {
                id: d.id,
                topic: d.fields.topic.as_str().to_string(),
                what: d.fields.what,
                decided_by: d.fields.decided_by,
                options: d.fields.options,
                her_choice: d.fields.her_choice,
                participation: d.fields.participation.as_str().to_string(),
                her_view: d.fields.her_view,
                absent_reason: d.fields.absent_reason,
                recorded_at: d.recorded_at.millis(),
            })
            .collect();
        entries.push(json_entry("decisions.json", &decisions)?);
    }
    // Her consents govern what the receiver may do next (follow-up news to the sender, further
    // sharing). Those naming a third organisation are not the receiver's business and stay.
    let consents: Vec<ConsentOut> = consents
        .into_iter()
        .filter(|c| {
            c.fields
                .organisation
                .is_none_or(|o| o == h.from_org || o == h.to_org)
        })
        .map(|c| ConsentOut {
            id: c.id,
            purpose: c.fields.purpose.as_str().to_string(),
            section: c.fields.section.map(|s| s.as_str().to_string()),
            organisation: c.fields.organisation.map(|o| o.0),
            explained_how: c.fields.explained_how,
            explained_in: c.fields.explained_in.code().to_string(),
            explained_by: c.fields.explained_by,
            expires_on: c.fields.expires_on.map(domain::voice::format_date_iso),
            recorded_at: c.recorded_at.millis(),
            revoked_at: c.revoked_at.map(Timestamp::millis),
            revoked_reason: c.revoked_reason,
        })
        .collect();
    entries.push(json_entry("consents.json", &consents)?);
    let mut listed = Vec::new();
    let mut files = Vec::new();
    for d in store.documents_of(case.id).await? {
        if !travels(d.class) {
            continue;
        }
        let name = format!("documents/{}", d.id);
        let (_, content) = store
            .open_document(case.id, d.id, read(AuditAction::DocumentOpened))
            .await?
            .ok_or(AppError::NotFound)?;
        files.push(Entry::new(&name, &d.media_type, content));
        listed.push(DocumentOut {
            id: d.id,
            class: d.class.as_str().to_string(),
            name: d.name,
            media_type: d.media_type,
            uploaded_at: d.uploaded_at.millis(),
            entry: name,
        });
    }
    entries.push(json_entry("documents.json", &listed)?);
    entries.extend(files);
    Ok(entries)
}

// --- import ----------------------------------------------------------------------------------

/// What an import did, for the person importing.
#[derive(Debug, Clone, Serialize)]
pub struct Imported {
    pub kind: &'static str,
    pub handover_id: uuid::Uuid,
    pub case_id: uuid::Uuid,
    pub case_code: String,
    pub from: String,
    pub state: String,
    /// Follow-up updates a receipt brought that were new here.
    pub updates: usize,
}

fn parse_json<T: serde::de::DeserializeOwned>(
    p: &package::Package,
    name: &str,
) -> Result<Option<T>, AppError> {
    p.entry(name)
        .map(|bytes| serde_json::from_slice(bytes).map_err(|e| malformed(format!("{name}: {e}"))))
        .transpose()
}

fn field<T: std::str::FromStr>(what: &str, text: &str) -> Result<T, AppError> {
    text.parse()
        .map_err(|_| malformed(format!("{what} {text:?}")))
}

/// Opens and imports a package. `only` limits it to one organisation's key (a person importing
/// through the web); the operator at the CLI may import for any of this server's organisations.
/// Refused with a clear message, and with nothing written, when the package is damaged, not for
/// us, from an unknown or mismatched sender, of an unknown version, or a replay.
pub async fn import(
    store: &Arc<dyn Store>,
    origin: &Origin,
    bytes: &[u8],
    only: Option<OrgId>,
) -> Result<Imported, AppError> {
    let mut locals = store.local_org_keys().await?;
    if let Some(org) = only {
        origin.check(Action::ReceiveHandover, Resource::Organisation(org))?;
        locals.retain(|k| k.org_id == org);
    }
    let secrets: Vec<OrgSecrets> = locals.iter().map(secrets_of).collect::<Result<_, _>>()?;
    let identities: Vec<&age::x25519::Identity> = secrets.iter().map(|s| &s.age).collect();
    let (index, unverified) = package::decrypt(bytes, &identities).map_err(refused)?;
    let me = locals[index].org_id;
    unverified.check_addressee(me.0).map_err(refused)?;
    let from = unverified.manifest().from.clone();
    let sender_id = OrgId(from.id);
    let sender_keys = store
        .org_keys(sender_id)
        .await?
        .filter(|k| k.secrets.is_none())
        .ok_or_else(|| {
            refused(PackageError::UnknownSender {
                name: from.name.clone(),
                id: from.id,
            })
        })?;
    let key = package::keys::verifying_key(&sender_keys.ed25519_public).map_err(refused)?;
    let p = unverified.verify(&key).map_err(refused)?;
    let replay = || {
        invalid(
            "package-error-replay",
            "this package was imported before; nothing was changed",
        )
    };
    if store.package_imported(p.manifest.package_id).await? {
        return Err(replay());
    }
    let result = match p.manifest.kind {
        Kind::Handover => import_handover(store, origin, &p, me, sender_id).await,
        Kind::Receipt => import_receipt(store, origin, &p, me, sender_id).await,
    };
    match result {
        Err(AppError::Duplicate(_)) => Err(replay()),
        other => other,
    }
}

async fn import_handover(
    store: &Arc<dyn Store>,
    origin: &Origin,
    p: &package::Package,
    me: OrgId,
    sender: OrgId,
) -> Result<Imported, AppError> {
    let m = &p.manifest;
    let account = store
        .package_account(sender)
        .await?
        .ok_or_else(|| AppError::internal("a trusted organisation without its package account"))?;
    let case_out: CaseOut = parse_json(p, "case.json")?.ok_or_else(|| malformed("no case.json"))?;
    let sections: Vec<SectionClass> = case_out
        .sections
        .iter()
        .map(|s| field("section", s))
        .collect::<Result<_, _>>()?;
    let case_id = domain::CaseId(m.case_id);
    // What travels is what the sections (her consents) allowed; anything else is refused.
    let allows = |entry: &str| match entry {
        "identity.json" => sections.contains(&SectionClass::Identity),
        "voice.json" | "plan.json" | "decisions.json" => sections.contains(&SectionClass::Voice),
        _ => true,
    };
    if let Some(extra) = p.manifest.entries.iter().find(|e| !allows(&e.name)) {
        return Err(malformed(format!(
            "{} travels without its section in the handover",
            extra.name
        )));
    }
    let identity = match parse_json::<IdentityOut>(p, "identity.json")? {
        Some(i) => domain::case::Identity {
            name: i.name,
            family: i.family,
            address: i.address,
        },
        None => domain::case::Identity::default(),
    };
    let voice = parse_json::<Vec<VoiceOut>>(p, "voice.json")?
        .unwrap_or_default()
        .into_iter()
        .map(|v| {
            Ok(VoiceEntry {
                id: VoiceId(v.id),
                case_id,
                version: 1,
                kind: field("voice kind", &v.kind)?,
                text: v.text,
                language: field("language", &v.language)?,
                spoken_on: domain::voice::parse_date(&v.spoken_on)
                    .map_err(|_| malformed(format!("date {:?}", v.spoken_on)))?,
                read_back: v.read_back,
                recorded_by: account,
                recorded_at: Timestamp::from_millis(v.recorded_at),
            })
        })
        .collect::<Result<Vec<_>, AppError>>()?;
    let (plan, reviews) = match parse_json::<PlanOut>(p, "plan.json")? {
        Some(plan) => {
            let reviews = plan
                .reviews
                .into_iter()
                .map(|r| {
                    Ok(PlanReview {
                        id: r.id,
                        plan_version: 1,
                        agreement: field("agreement", &r.agreement)?,
                        her_words: r.her_words,
                        notes: r.notes,
                        reviewed_by: account,
                        reviewed_at: Timestamp::from_millis(r.reviewed_at),
                    })
                })
                .collect::<Result<Vec<_>, AppError>>()?;
            (
                Some((plan.body, account, Timestamp::from_millis(plan.updated_at))),
                reviews,
            )
        }
        None => (None, Vec::new()),
    };
    let decisions = parse_json::<Vec<DecisionOut>>(p, "decisions.json")?
        .unwrap_or_default()
        .into_iter()
        .map(|d| {
            Ok(Decision {
                id: d.id,
                case_id,
                fields: DecisionFields {
                    topic: field("decision topic", &d.topic)?,
                    what: d.what,
                    decided_by: d.decided_by,
                    options: d.options,
                    her_choice: d.her_choice,
                    participation: field("participation", &d.participation)?,
                    her_view: d.her_view,
                    absent_reason: d.absent_reason,
                },
                recorded_by: account,
                recorded_at: Timestamp::from_millis(d.recorded_at),
            })
        })
        .collect::<Result<Vec<_>, AppError>>()?;
    let consents = parse_json::<Vec<ConsentOut>>(p, "consents.json")?
        .unwrap_or_default()
        .into_iter()
        .map(|c| {
            let organisation = c.organisation.map(OrgId);
            if organisation.is_some_and(|o| o != me && o != sender) {
                return Err(malformed("a consent names a third organisation"));
            }
            Ok(Consent {
                id: c.id,
                case_id,
                fields: ConsentFields {
                    purpose: field("purpose", &c.purpose)?,
                    section: c
                        .section
                        .as_deref()
                        .map(|s| field("section", s))
                        .transpose()?,
                    organisation,
                    explained_how: c.explained_how,
                    explained_in: field("language", &c.explained_in)?,
                    explained_by: c.explained_by,
                    expires_on: c
                        .expires_on
                        .as_deref()
                        .map(|d| {
                            domain::voice::parse_date(d)
                                .map_err(|_| malformed(format!("date {d:?}")))
                        })
                        .transpose()?,
                },
                recorded_by: account,
                recorded_at: Timestamp::from_millis(c.recorded_at),
                revoked_at: c.revoked_at.map(Timestamp::from_millis),
                revoked_reason: c.revoked_reason,
            })
        })
        .collect::<Result<Vec<_>, AppError>>()?;
    let mut documents = Vec::new();
    for d in parse_json::<Vec<DocumentOut>>(p, "documents.json")?.unwrap_or_default() {
        let class: SectionClass = field("document class", &d.class)?;
        if !sections.contains(&class) {
            return Err(malformed(format!(
                "document {} of a section that does not travel",
                d.id
            )));
        }
        let content = p
            .entry(&d.entry)
            .ok_or_else(|| malformed(format!("no entry {}", d.entry)))?;
        // The same checks as an upload here: a class documents may have, a kind of file
        // Saathi takes (recognised by its first bytes), within the size limit.
        let (_, media_type) = domain::document::check_document(class.as_str(), content)
            .map_err(|(_, e)| malformed(format!("document {}: {e}", d.id)))?;
        let info = DocumentInfo {
            id: d.id,
            case_id,
            class,
            name: domain::document::clean_name(&d.name),
            media_type: media_type.to_string(),
            size: content.len() as i64,
            uploaded_by: account,
            uploaded_at: Timestamp::from_millis(d.uploaded_at),
        };
        documents.push((info, content.to_vec()));
    }
    let stage: Stage = field("stage", &case_out.stage)?;
    let handover = Handover {
        id: m.handover_id,
        case_id,
        from_org: sender,
        to_org: me,
        state: HandoverState::Sent,
        reason: case_out.reason,
        sections,
        score: case_out.score,
        gaps: case_out
            .gaps
            .iter()
            .map(|g| field("gap", g))
            .collect::<Result<_, _>>()?,
        gaps_reason: case_out.gaps_reason,
        decline_reason: String::new(),
        created_by: account,
        created_at: Timestamp::from_millis(case_out.created_at),
        sent_at: case_out.sent_at.map(Timestamp::from_millis),
        acknowledged_at: None,
        decided_at: None,
        version: 1,
    };
    let code: domain::CaseCode = field("case code", &case_out.code)?;
    let import = ImportedHandover {
        package_id: m.package_id,
        case: NewCase {
            id: case_id,
            code: code.clone(),
            // Custody stays with the sender until the receiver accepts, as on one server.
            custodian: sender,
            opened_at: Timestamp::from_millis(case_out.opened_at),
            assigned: Vec::new(),
            identity,
        },
        stage,
        voice,
        plan,
        reviews,
        decisions,
        consents,
        documents,
        handover,
    };
    let audit = origin
        .event(
            AuditAction::PackageImported,
            format!("handover:{}", m.handover_id),
            Some(me),
        )
        .with_detail(detail(&[
            ("package", &m.package_id.to_string()),
            ("kind", "handover"),
            ("from", &sender.to_string()),
            ("case", &case_id.to_string()),
        ]));
    match store.import_handover(&import, audit).await {
        Err(StoreError::Duplicate("case")) => {
            return Err(invalid(
                "package-error-case-exists",
                "this case (or its code) is already on this server; nothing was changed",
            ));
        }
        Err(StoreError::Duplicate(_)) => return Err(AppError::Duplicate("package")),
        other => other?,
    }
    let from = sender_name(store, sender).await?;
    Ok(Imported {
        kind: "handover",
        handover_id: m.handover_id,
        case_id: m.case_id,
        case_code: code.as_str().to_string(),
        from,
        state: HandoverState::Sent.as_str().to_string(),
        updates: 0,
    })
}

/// The sender as the directory names it (not as its package says).
async fn sender_name(store: &Arc<dyn Store>, sender: OrgId) -> Result<String, AppError> {
    Ok(store
        .organisation(sender)
        .await?
        .map(|o| o.fields.name.as_str().to_string())
        .unwrap_or_default())
}

async fn import_receipt(
    store: &Arc<dyn Store>,
    origin: &Origin,
    p: &package::Package,
    me: OrgId,
    sender: OrgId,
) -> Result<Imported, AppError> {
    let m = &p.manifest;
    let h = store
        .handover(m.handover_id)
        .await?
        .filter(|h| h.from_org == me && h.to_org == sender && h.case_id.0 == m.case_id)
        .ok_or_else(|| malformed("the answer is to a handover this organisation did not send"))?;
    if let Some(actor) = &origin.actor {
        let case = store.case(h.case_id).await?.ok_or(AppError::NotFound)?;
        if !allowed(actor, Action::StartHandover, &case) {
            return Err(AppError::Forbidden(domain::policy::DenyReason::NotAssigned));
        }
    }
    let receipt: ReceiptOut =
        parse_json(p, "receipt.json")?.ok_or_else(|| malformed("no receipt.json"))?;
    let state: HandoverState = field("state", &receipt.state)?;
    // Walk the workflow's own steps, so an answer can never jump where the receiver could not.
    let mut next = h.clone();
    let path: &[HandoverState] = match state {
        HandoverState::Acknowledged => &[HandoverState::Acknowledged],
        HandoverState::Accepted => &[HandoverState::Acknowledged, HandoverState::Accepted],
        HandoverState::Declined => &[HandoverState::Acknowledged, HandoverState::Declined],
        _ => return Err(malformed(format!("answer {:?}", receipt.state))),
    };
    let mut stepped = false;
    let rank = |s: HandoverState| match s {
        HandoverState::Draft => 0,
        HandoverState::Sent => 1,
        HandoverState::Acknowledged => 2,
        HandoverState::Accepted | HandoverState::Declined => 3,
    };
    for s in path {
        // Steps already taken here are skipped; accepted here and declined there is refused.
        if next.state == *s || rank(*s) < rank(next.state) {
            continue;
        }
        next.state
            .check_step(*s)
            .map_err(|e| AppError::Invalid(vec![FieldError::new("state", &e)]))?;
        next.state = *s;
        stepped = true;
    }
    next.acknowledged_at = receipt.acknowledged_at.map(Timestamp::from_millis);
    next.decided_at = receipt.decided_at.map(Timestamp::from_millis);
    next.decline_reason = receipt.decline_reason;
    let updates = receipt
        .updates
        .into_iter()
        .map(|u| {
            Ok(domain::followup::FollowUpUpdate {
                id: u.id,
                handover_id: h.id,
                outcome: field("outcome", &u.outcome)?,
                her_words: u.her_words,
                at: Timestamp::from_millis(u.at),
            })
        })
        .collect::<Result<Vec<_>, AppError>>()?;
    if !updates.is_empty() && next.state != HandoverState::Accepted {
        return Err(malformed("follow-up news for a case not accepted"));
    }
    let known: Vec<uuid::Uuid> = store
        .followup_updates(h.id)
        .await?
        .iter()
        .map(|u| u.id)
        .collect();
    let updates: Vec<_> = updates
        .into_iter()
        .filter(|u| !known.contains(&u.id))
        .collect();
    if !stepped && updates.is_empty() {
        return Err(invalid(
            "package-error-replay",
            "this answer is already recorded; nothing was changed",
        ));
    }
    let audit = origin
        .event(
            AuditAction::PackageImported,
            format!("handover:{}", h.id),
            Some(me),
        )
        .with_detail(detail(&[
            ("package", &m.package_id.to_string()),
            ("kind", "receipt"),
            ("state", next.state.as_str()),
            ("updates", &updates.len().to_string()),
        ]));
    let changed = stepped.then_some((&next, h.version));
    match store
        .import_receipt(m.package_id, &h, changed, &updates, audit)
        .await
    {
        Err(StoreError::Duplicate(_)) => return Err(AppError::Duplicate("package")),
        other => other?,
    };
    let case = store.case(h.case_id).await?.ok_or(AppError::NotFound)?;
    Ok(Imported {
        kind: "receipt",
        handover_id: h.id,
        case_id: h.case_id.0,
        case_code: case.code.as_str().to_string(),
        from: sender_name(store, sender).await?,
        state: next.state.as_str().to_string(),
        updates: updates.len(),
    })
}
