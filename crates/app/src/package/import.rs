//! Opening a package: every check first, then everything written in one transaction.

use std::sync::Arc;

use domain::audit::AuditAction;
use domain::case::{parse_identity_field, parse_reason};
use domain::consent::{Consent, ConsentDraft, SectionClass};
use domain::decision::{Decision, DecisionDraft};
use domain::document::DocumentInfo;
use domain::handover::{Handover, HandoverState};
use domain::plan::PlanReview;
use domain::policy::{Action, Resource};
use domain::voice::{check_spoken_on, parse_date, parse_voice_text};
use domain::{DomainError, OrgId, Stage, Timestamp, VoiceEntry, VoiceId};
use package::{Kind, OrgSecrets, PackageError};
use serde::Serialize;
use store::{ImportedHandover, NewCase, Store, StoreError};

use crate::Acting;
use crate::accounts::detail;
use crate::casework::allowed;
use crate::{Error, FieldError};

use super::keys::secrets_of;
use super::wire::{
    CaseOut, ConsentOut, DecisionOut, DocumentOut, IdentityOut, PlanOut, ReceiptOut, VoiceOut,
};
use super::{invalid, malformed, refused};

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

pub(super) fn parse_json<T: serde::de::DeserializeOwned>(
    p: &package::Package,
    name: &str,
) -> Result<Option<T>, Error> {
    p.entry(name)
        .map(|bytes| serde_json::from_slice(bytes).map_err(|e| malformed(format!("{name}: {e}"))))
        .transpose()
}

/// A closed set (a stage, a kind of entry, a language): a value this server does not know is
/// refused, as it is in a local write.
pub(super) fn field<T: std::str::FromStr>(what: &str, text: &str) -> Result<T, Error> {
    text.parse()
        .map_err(|_| not_accepted(what, format!("unknown value {text:?}")))
}

/// A value the local rules refuse, naming where it is in the package.
fn not_accepted(what: &str, why: impl std::fmt::Display) -> Error {
    invalid_value(format!("{what}: {why}"))
}

fn invalid_value(english: String) -> Error {
    Error::Invalid(vec![FieldError {
        field: "package".into(),
        message_id: "package-error-value",
        english,
    }])
}

/// The local rule's verdict on one value of the package.
fn local<T>(what: &str, checked: Result<T, DomainError>) -> Result<T, Error> {
    checked.map_err(|e| not_accepted(what, e))
}

/// The problems a local write reports field by field (a decision, a consent), as one refusal.
fn local_all<T>(
    what: &str,
    checked: Result<T, Vec<(&'static str, DomainError)>>,
) -> Result<T, Error> {
    checked.map_err(|errors| {
        invalid_value(
            errors
                .iter()
                .map(|(field, e)| format!("{what} {field}: {e}"))
                .collect::<Vec<_>>()
                .join("; "),
        )
    })
}

/// A time the package says something happened.
fn moment(what: &str, millis: i64, now: Timestamp) -> Result<Timestamp, Error> {
    let at = Timestamp::from_millis(millis);
    local(what, at.check_recorded(now)).map(|()| at)
}

/// Opens and imports a package. `only` limits it to one organisation's key (a person importing
/// through the web); the operator at the CLI may import for any of this server's organisations.
/// Refused with a clear message, and with nothing written, when the package is damaged, not for
/// us, from an unknown or mismatched sender, of an unknown version, or a replay.
pub async fn import(
    store: &Arc<dyn Store>,
    acting: &Acting,
    bytes: &[u8],
    only: Option<OrgId>,
) -> Result<Imported, Error> {
    let mut seen = Seen {
        org: only,
        package: None,
    };
    let result = open_and_import(store, acting, bytes, only, &mut seen).await;
    if let Err(e) = &result {
        audit_refusal(store, acting, &seen, e).await;
    }
    result
}

/// What was learnt of a package before it was refused, for the audit entry.
struct Seen {
    org: Option<OrgId>,
    package: Option<uuid::Uuid>,
}

/// A refused import leaves one audit entry saying why, though nothing else is written. A
/// person the policy refused, or a failure on our side, is not a refusal of the package.
async fn audit_refusal(store: &Arc<dyn Store>, acting: &Acting, seen: &Seen, e: &Error) {
    let reason = match e {
        Error::Invalid(errors) => errors
            .iter()
            .map(|f| format!("{}: {}", f.message_id, f.english))
            .collect::<Vec<_>>()
            .join("; "),
        Error::Duplicate(id) => (*id).to_string(),
        Error::Malformed(why) => format!("malformed: {why}"),
        _ => return,
    };
    let reason: String = redact(&reason).chars().take(500).collect();
    let package = seen.package.map(|p| p.to_string()).unwrap_or_default();
    let subject = match seen.package {
        Some(p) => format!("package:{p}"),
        None => "package".to_string(),
    };
    let event = acting
        .event(AuditAction::PackageRefused, subject, seen.org)
        .with_detail(detail(&[("package", &package), ("reason", &reason)]));
    if let Err(failed) = store.append_audit(event).await {
        tracing::error!(%failed, "the refusal of a package could not be audited");
    }
}

/// The reason without the values it quotes (a parser may quote whatever stood in a field, and
/// the audit trail never holds case content): `"…"` and `` `…` `` become `"…"`.
fn redact(reason: &str) -> String {
    let mut out = String::with_capacity(reason.len());
    let mut open: Option<char> = None;
    for c in reason.chars() {
        match open {
            Some(q) if c == q => {
                out.push('…');
                out.push(c);
                open = None;
            }
            Some(_) => {}
            None if c == '"' || c == '`' => {
                out.push(c);
                open = Some(c);
            }
            None => out.push(c),
        }
    }
    if open.is_some() {
        out.push('…');
    }
    out
}

async fn open_and_import(
    store: &Arc<dyn Store>,
    acting: &Acting,
    bytes: &[u8],
    only: Option<OrgId>,
    seen: &mut Seen,
) -> Result<Imported, Error> {
    let mut locals = store.local_org_keys().await?;
    if let Some(org) = only {
        acting.check(Action::ReceiveHandover, Resource::Organisation(org))?;
        locals.retain(|k| k.org_id == org);
    }
    let secrets: Vec<OrgSecrets> = locals.iter().map(secrets_of).collect::<Result<_, _>>()?;
    let identities: Vec<&age::x25519::Identity> = secrets.iter().map(|s| &s.age).collect();
    let (index, unverified) = package::decrypt(bytes, &identities).map_err(refused)?;
    let me = locals[index].org_id;
    seen.org = Some(me);
    seen.package = Some(unverified.manifest().package_id);
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
        Kind::Handover => import_handover(store, acting, &p, me, sender_id).await,
        Kind::Receipt => import_receipt(store, acting, &p, me, sender_id).await,
    };
    match result {
        Err(Error::Duplicate("package")) => Err(replay()),
        other => other,
    }
}

pub(super) async fn import_handover(
    store: &Arc<dyn Store>,
    acting: &Acting,
    p: &package::Package,
    me: OrgId,
    sender: OrgId,
) -> Result<Imported, Error> {
    let m = &p.manifest;
    let account = store
        .package_account(sender)
        .await?
        .ok_or_else(|| Error::internal("a trusted organisation without its package account"))?;
    let case_out: CaseOut = parse_json(p, "case.json")?.ok_or_else(|| malformed("no case.json"))?;
    let sections: Vec<SectionClass> = case_out
        .sections
        .iter()
        .map(|s| field("section", s))
        .collect::<Result<_, _>>()?;
    let case_id = domain::CaseId(m.case_id);
    let now = acting.at;
    // Every value is held to the rules of a local write: lengths, dates, closed sets.
    let opened_at = moment("case opened_at", case_out.opened_at, now)?;
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
            name: local("identity name", parse_identity_field(&i.name))?,
            family: local("identity family", parse_identity_field(&i.family))?,
            address: local("identity address", parse_identity_field(&i.address))?,
        },
        None => domain::case::Identity::default(),
    };
    // Her words and consents were dated on the sender's calendar.
    let sender_zone = store.time_zone_of(sender).await?;
    // Her intake is held to the new-case form's checks; a day not known stays unknown (the
    // form would take a blank day as today).
    let intake = match &case_out.intake {
        None => domain::intake::Intake::default(),
        Some(given) => {
            let mut errors = Vec::new();
            let mut intake = given.validate(now, &sender_zone, &mut errors);
            if !errors.is_empty() {
                return Err(invalid_value(
                    errors
                        .iter()
                        .map(|e| format!("intake {}: {}", e.field, e.english))
                        .collect::<Vec<_>>()
                        .join("; "),
                ));
            }
            if given.identified_on.trim().is_empty() {
                intake.identified_on = None;
            }
            intake
        }
    };
    let voice = parse_json::<Vec<VoiceOut>>(p, "voice.json")?
        .unwrap_or_default()
        .into_iter()
        .map(|v| {
            let spoken_on = local("voice spoken_on", parse_date(&v.spoken_on))?;
            local(
                "voice spoken_on",
                check_spoken_on(spoken_on, opened_at, now, &sender_zone),
            )?;
            Ok(VoiceEntry {
                id: VoiceId(v.id),
                case_id,
                version: 1,
                kind: field("voice kind", &v.kind)?,
                text: local("voice text", parse_voice_text(&v.text))?,
                language: field("language", &v.language)?,
                spoken_on,
                read_back: v.read_back,
                recorded_by: account,
                recorded_at: moment("voice recorded_at", v.recorded_at, now)?,
            })
        })
        .collect::<Result<Vec<_>, Error>>()?;
    let (plan, reviews) = match parse_json::<PlanOut>(p, "plan.json")? {
        Some(plan) => {
            let body = plan.body.normalised();
            if let Err(found) = body.check(opened_at) {
                return Err(invalid_value(
                    found
                        .iter()
                        .map(|(place, e)| format!("plan {place}: {e}"))
                        .collect::<Vec<_>>()
                        .join("; "),
                ));
            }
            let reviews = plan
                .reviews
                .into_iter()
                .map(|r| {
                    let her_words = domain::text::normalise(&r.her_words);
                    if her_words.is_empty() {
                        return Err(not_accepted("review her_words", DomainError::EmptyText));
                    }
                    Ok(PlanReview {
                        id: r.id,
                        plan_version: 1,
                        agreement: field("agreement", &r.agreement)?,
                        her_words,
                        notes: domain::text::normalise(&r.notes),
                        reviewed_by: account,
                        reviewed_at: moment("review reviewed_at", r.reviewed_at, now)?,
                    })
                })
                .collect::<Result<Vec<_>, Error>>()?;
            (
                Some((
                    body,
                    account,
                    moment("plan updated_at", plan.updated_at, now)?,
                )),
                reviews,
            )
        }
        None => (None, Vec::new()),
    };
    let decisions = parse_json::<Vec<DecisionOut>>(p, "decisions.json")?
        .unwrap_or_default()
        .into_iter()
        .map(|d| {
            let options = d.options.join("\n");
            let draft = DecisionDraft {
                topic: &d.topic,
                what: &d.what,
                decided_by: &d.decided_by,
                options: &options,
                her_choice: &d.her_choice,
                participation: &d.participation,
                her_view: &d.her_view,
                absent_reason: &d.absent_reason,
            };
            Ok(Decision {
                id: d.id,
                case_id,
                fields: local_all("decision", draft.check())?,
                recorded_by: account,
                recorded_at: moment("decision recorded_at", d.recorded_at, now)?,
            })
        })
        .collect::<Result<Vec<_>, Error>>()?;
    let consents = parse_json::<Vec<ConsentOut>>(p, "consents.json")?
        .unwrap_or_default()
        .into_iter()
        .map(|c| {
            let organisation = c.organisation.map(OrgId);
            if organisation.is_some_and(|o| o != me && o != sender) {
                return Err(malformed("a consent names a third organisation"));
            }
            let recorded_at = moment("consent recorded_at", c.recorded_at, now)?;
            let organisation_text = organisation.map(|o| o.to_string()).unwrap_or_default();
            let draft = ConsentDraft {
                purpose: &c.purpose,
                section: c.section.as_deref().unwrap_or_default(),
                organisation: &organisation_text,
                explained_how: &c.explained_how,
                explained_in: &c.explained_in,
                explained_by: &c.explained_by,
                expires_on: c.expires_on.as_deref().unwrap_or_default(),
            };
            // As when it was recorded: an expiry may have passed since, not before.
            let fields = local_all("consent", draft.check(sender_zone.date_of(recorded_at)))?;
            let revoked_at = c
                .revoked_at
                .map(|at| moment("consent revoked_at", at, now))
                .transpose()?;
            let revoked_reason = c
                .revoked_reason
                .as_deref()
                .map(|r| local("consent revoked_reason", parse_reason(r)))
                .transpose()?;
            Ok(Consent {
                id: c.id,
                case_id,
                fields,
                recorded_by: account,
                recorded_at,
                revoked_at,
                revoked_reason,
            })
        })
        .collect::<Result<Vec<_>, Error>>()?;
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
            name: domain::document::stored_name(&d.name, media_type),
            media_type: media_type.to_string(),
            size: content.len() as i64,
            uploaded_by: account,
            uploaded_at: moment("document uploaded_at", d.uploaded_at, now)?,
        };
        documents.push((info, content.to_vec()));
    }
    let stage: Stage = field("stage", &case_out.stage)?;
    if case_out.score.is_some_and(|s| !(0..=100).contains(&s)) {
        return Err(not_accepted("handover score", "not between 0 and 100"));
    }
    let created_at = moment("handover created_at", case_out.created_at, now)?;
    let sent_at = case_out
        .sent_at
        .map(|at| moment("handover sent_at", at, now))
        .transpose()?;
    let handover = Handover {
        id: m.handover_id,
        case_id,
        from_org: sender,
        to_org: me,
        state: HandoverState::Sent,
        reason: local("handover reason", parse_reason(&case_out.reason))?,
        sections,
        score: case_out.score,
        gaps: case_out
            .gaps
            .iter()
            .map(|g| field("gap", g))
            .collect::<Result<_, _>>()?,
        gaps_reason: domain::text::normalise(&case_out.gaps_reason),
        decline_reason: String::new(),
        created_by: account,
        created_at,
        sent_at,
        acknowledged_at: None,
        decided_at: None,
        version: 1,
    };
    let code: domain::CaseCode = field("case code", &case_out.code)?;
    let import = ImportedHandover {
        package_id: m.package_id,
        case: NewCase {
            intake,
            id: case_id,
            code: code.clone(),
            // Custody stays with the sender until the receiver accepts, as on one server.
            custodian: sender,
            opened_at,
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
    let audit = acting
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
        // A trusted sender's record whose id is already taken here: refused (409), never a 500.
        Err(StoreError::Duplicate("voice entry")) => {
            return Err(Error::Duplicate("package-error-voice-exists"));
        }
        Err(StoreError::Duplicate("document")) => {
            return Err(Error::Duplicate("package-error-document-exists"));
        }
        Err(StoreError::Duplicate("package")) => return Err(Error::Duplicate("package")),
        Err(StoreError::Duplicate(_)) => {
            return Err(Error::Duplicate("package-error-record-exists"));
        }
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
pub(super) async fn sender_name(store: &Arc<dyn Store>, sender: OrgId) -> Result<String, Error> {
    Ok(store
        .organisation(sender)
        .await?
        .map(|o| o.fields.name.as_str().to_string())
        .unwrap_or_default())
}

pub(super) async fn import_receipt(
    store: &Arc<dyn Store>,
    acting: &Acting,
    p: &package::Package,
    me: OrgId,
    sender: OrgId,
) -> Result<Imported, Error> {
    let m = &p.manifest;
    let h = store
        .handover(m.handover_id, &acting.case_scope())
        .await?
        .filter(|h| h.from_org == me && h.to_org == sender && h.case_id.0 == m.case_id)
        .ok_or_else(|| malformed("the answer is to a handover this organisation did not send"))?;
    if let Some(actor) = &acting.actor {
        let case = store
            .case(h.case_id, &acting.case_scope())
            .await?
            .ok_or(Error::NotFound)?;
        if !allowed(actor, Action::StartHandover, &case) {
            return Err(Error::Forbidden(domain::policy::DenyReason::NotAssigned));
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
        // A cancelled draft never left: any answer to it is refused by the step check.
        HandoverState::Draft | HandoverState::Cancelled => 0,
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
            .map_err(|e| Error::Invalid(vec![FieldError::new("state", &e)]))?;
        next.state = *s;
        stepped = true;
    }
    let now = acting.at;
    next.acknowledged_at = receipt
        .acknowledged_at
        .map(|at| moment("answer acknowledged_at", at, now))
        .transpose()?;
    next.decided_at = receipt
        .decided_at
        .map(|at| moment("answer decided_at", at, now))
        .transpose()?;
    next.decline_reason = if next.state == HandoverState::Declined {
        local(
            "answer decline_reason",
            parse_reason(&receipt.decline_reason),
        )?
    } else {
        domain::text::normalise(&receipt.decline_reason)
    };
    let updates = receipt
        .updates
        .into_iter()
        .map(|u| {
            Ok(domain::followup::FollowUpUpdate {
                id: u.id,
                handover_id: h.id,
                outcome: field("outcome", &u.outcome)?,
                her_words: domain::text::normalise(&u.her_words),
                at: moment("update at", u.at, now)?,
            })
        })
        .collect::<Result<Vec<_>, Error>>()?;
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
    let audit = acting
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
        Err(StoreError::Duplicate(_)) => return Err(Error::Duplicate("package")),
        other => other?,
    };
    let case = store
        .case(h.case_id, &acting.case_scope())
        .await?
        .ok_or(Error::NotFound)?;
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

#[cfg(test)]
mod tests {
    use super::redact;

    #[test]
    fn the_audited_reason_names_the_rule_not_the_value() {
        assert_eq!(
            redact(r#"voice kind: unknown value "her words here""#),
            r#"voice kind: unknown value "…""#
        );
        assert_eq!(
            redact("case.json: unknown variant `x`, expected one of `a`"),
            "case.json: unknown variant `…`, expected one of `…`"
        );
        assert_eq!(redact(r#"cut "short"#), r#"cut "…"#);
        assert_eq!(
            redact("voice text: text too long"),
            "voice text: text too long"
        );
    }
}
