//! Sealing a sent handover, or the receiver's answer, for the other server.

use std::sync::Arc;

use domain::audit::AuditAction;
use domain::consent::{Purpose, SectionClass, Use, covers};
use domain::handover::{Handover, HandoverState};
use domain::policy::{Action, Resource};
use domain::{Case, Timestamp};
use package::{Draft, Entry, Kind, Party};
use store::Store;

use crate::Acting;
use crate::accounts::detail;
use crate::{Error, FieldError};

use super::keys::{local_keys, secrets_of};
use super::wire::{
    CaseOut, ConsentOut, DecisionOut, DocumentOut, IdentityOut, PlanOut, ReceiptOut, ReviewOut,
    UpdateOut, VoiceOut, json_entry,
};
use super::{invalid, refused};

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
    acting: &Acting,
    handover: &str,
) -> Result<Exported, Error> {
    let id: uuid::Uuid = handover.parse().map_err(|_| Error::NotFound)?;
    let h = store
        .handover(id, &acting.case_scope())
        .await?
        .ok_or(Error::NotFound)?;
    let case = store
        .case(h.case_id, &acting.case_scope())
        .await?
        .ok_or(Error::NotFound)?;
    // Who may: the sender's case worker for the case, the receiver's staff for the answer.
    if let Some(actor) = &acting.actor {
        let permitted = if actor.org_id == h.from_org {
            crate::handovers::may_send(actor, &h, &case)
        } else {
            actor.org_id == h.to_org
                && crate::policy::allows(
                    actor,
                    Action::ReceiveHandover,
                    &Resource::Organisation(h.to_org),
                )
        };
        if !permitted {
            return Err(Error::Forbidden(domain::policy::DenyReason::NotAssigned));
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
    let me_org = store.organisation(me).await?.ok_or(Error::NotFound)?;
    let them_org = store.organisation(them).await?.ok_or(Error::NotFound)?;
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
    let secrets = secrets_of(&local_keys(store, acting, &me_org).await?)?;
    let entries = match kind {
        Kind::Handover => handover_entries(store, acting, &h, &case).await?,
        Kind::Receipt => {
            // News goes back only while she still consents to it for the sender.
            let consents = store.consents_of(case.id, &acting.case_scope()).await?;
            let wanted = Use {
                purpose: Purpose::FollowUpUpdates,
                section: None,
                organisation: Some(h.from_org),
            };
            let updates = if covers(&consents, wanted, acting.at).is_ok() {
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
        created_at: acting.at.millis(),
        entries,
    };
    let bytes = package::seal(&draft, &secrets.signing, &recipient).map_err(refused)?;
    let audit = acting
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
pub(super) async fn handover_entries(
    store: &Arc<dyn Store>,
    acting: &Acting,
    h: &Handover,
    case: &Case,
) -> Result<Vec<Entry>, Error> {
    let consents = store.consents_of(case.id, &acting.case_scope()).await?;
    let mut missing = Vec::new();
    for class in &h.sections {
        let wanted = Use {
            purpose: Purpose::Sharing,
            section: Some(*class),
            organisation: Some(h.to_org),
        };
        if covers(&consents, wanted, acting.at).is_err() {
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
        return Err(Error::Invalid(missing));
    }
    let travels = |class: SectionClass| h.sections.contains(&class);
    // What leaves is what the sender holds of her record, never more: on one server exactly
    // as between servers.
    let held = domain::sight::Sight::of(h.from_org, &case.passages, &consents, acting.at);
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
            intake: Some((&case.intake).into()),
        },
    )?];
    // Reading what leaves is recorded as any reading is.
    let read = |action| {
        acting
            .event(action, format!("case:{}", case.id), Some(case.custodian))
            .with_detail(detail(&[("for", "handover-package")]))
    };
    if travels(SectionClass::Identity)
        && let Some(identity) = store
            .open_identity(case.id, &held, read(AuditAction::IdentityOpened))
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
            .voice_of(case.id, &held)
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
        if let Some(plan) = store.plan(case.id, &held).await? {
            let reviews = store
                .plan_reviews(case.id, &held)
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
            .decisions_of(case.id, &held)
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
    for d in store.documents_of(case.id, &held).await? {
        if !travels(d.class) {
            continue;
        }
        let name = format!("documents/{}", d.id);
        let (_, content) = store
            .open_document(case.id, d.id, &held, read(AuditAction::DocumentOpened))
            .await?
            .ok_or(Error::NotFound)?;
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
