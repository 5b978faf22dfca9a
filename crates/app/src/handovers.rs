//! Handovers of a case to another organisation, for the pages and the API: what may travel
//! (only what her consent covers for that recipient), the completeness report, and each step
//! of the workflow with its audit entry. Accepting moves custody.

use std::sync::Arc;

use domain::audit::{AuditAction, AuditEvent};
use domain::consent::{Purpose, SectionClass, Use, covers};
use domain::handover::{Completeness, CompletenessInputs, Handover, HandoverState, completeness};
use domain::policy::{Action, Actor, DenyReason, Resource};
use domain::{Case, DomainError, HandoverId, Stage, Timestamp};
use store::Store;

use crate::casework::allowed;
use crate::{Acting, App, Error, FieldError};

/// The built-in form whose filling closes the "home and family assessment" gap.
pub const HOME_ASSESSMENT: &str = "home-family-assessment";

/// What can travel: every class of her record except identity, which stays with the custodian
/// unless her consent names it.
const TRAVELS: [SectionClass; 6] = SectionClass::ALL;

fn event(
    actor: &Actor,
    source: &str,
    at: Timestamp,
    action: AuditAction,
    h: &Handover,
) -> AuditEvent {
    AuditEvent::new(at, action, format!("handover:{}", h.id))
        .by(actor.user_id, actor.org_id)
        .scoped_to(actor.org_id)
        .from_source(source.to_string())
        .with_detail(crate::accounts::detail(&[
            ("case", &h.case_id.to_string()),
            ("state", h.state.as_str()),
        ]))
}

/// Starts a handover (a draft). Without `sections`, everything her consent allows for that
/// recipient travels; named sections her consent does not cover are refused, each named.
pub async fn start(
    store: &Arc<dyn Store>,
    acting: &Acting,
    case: &Case,
    to: &str,
    reason: &str,
    sections: &[String],
) -> Result<Handover, Error> {
    let (actor, source, at) = acting.signed_in()?;
    // From the custodian, a handover; from an organisation that held her before, the sections
    // it still holds, shared with the custodian (who asked for them, with her consent).
    let sharing = case.custodian != actor.org_id;
    let action = if sharing {
        Action::ShareSection
    } else {
        Action::StartHandover
    };
    crate::casework::check(actor, action, case)?;
    let unknown_org = || {
        Error::Invalid(vec![FieldError {
            field: "to".into(),
            message_id: "error-unknown-organisation",
            english: "the receiving organisation is not in the directory".into(),
        }])
    };
    let to: domain::OrgId = to.parse().map_err(|_| unknown_org())?;
    store.organisation(to).await?.ok_or_else(unknown_org)?;
    if sharing && to != case.custodian {
        return Err(Error::Invalid(vec![FieldError::new(
            "to",
            &DomainError::ShareToCustodian,
        )]));
    }
    if !sharing && to == case.custodian {
        return Err(Error::Invalid(vec![FieldError::new(
            "to",
            &DomainError::SameOrganisation,
        )]));
    }
    let reason = domain::case::parse_reason(reason)
        .map_err(|e| Error::Invalid(vec![FieldError::new("reason", &e)]))?;
    let consents = store.consents_of(case.id, &acting.case_scope()).await?;
    let covered = |class: SectionClass| {
        covers(
            &consents,
            Use {
                purpose: Purpose::Sharing,
                section: Some(class),
                organisation: Some(to),
            },
            at,
        )
        .is_ok()
    };
    let chosen: Vec<SectionClass> = if sections.is_empty() {
        TRAVELS.into_iter().filter(|c| covered(*c)).collect()
    } else {
        let mut errors = Vec::new();
        let mut chosen = Vec::new();
        for text in sections {
            match text.parse::<SectionClass>() {
                Ok(class) if covered(class) => chosen.push(class),
                Ok(class) => errors.push(FieldError {
                    field: class.as_str().into(),
                    message_id: "error-no-consent",
                    english: DomainError::NoConsent {
                        purpose: "sharing",
                        section: Some(class.as_str()),
                    }
                    .to_string(),
                }),
                Err(e) => errors.push(FieldError::new("sections", &e)),
            }
        }
        if !errors.is_empty() {
            return Err(Error::Invalid(errors));
        }
        chosen
    };
    let handover = Handover {
        id: uuid::Uuid::now_v7(),
        case_id: case.id,
        from_org: actor.org_id,
        to_org: to,
        state: HandoverState::Draft,
        reason,
        sections: chosen,
        score: None,
        gaps: Vec::new(),
        gaps_reason: String::new(),
        decline_reason: String::new(),
        created_by: actor.user_id,
        created_at: at,
        sent_at: None,
        acknowledged_at: None,
        decided_at: None,
        version: 1,
    };
    store
        .create_handover(
            &handover,
            event(actor, source, at, AuditAction::HandoverStarted, &handover),
        )
        .await?;
    Ok(handover)
}

/// The completeness report of the case for this handover, as it stands now, with the glossary
/// its jargon list refers to.
pub async fn report(
    app: &App,
    acting: &Acting,
    case: &Case,
    h: &Handover,
) -> Result<(Completeness, Arc<crate::glossary::Glossary>), Error> {
    let now = acting.at;
    let store = &app.store;
    let glossary = app.glossary().await?;
    // The case as the sender holds it: what could travel.
    let consents = store.consents_of(case.id, &acting.case_scope()).await?;
    let held = domain::sight::Sight::of(h.from_org, &case.passages, &consents, now);
    let voice = store.voice_of(case.id, &held).await?;
    let plan = store.plan(case.id, &held).await?;
    let reviews = store.plan_reviews(case.id, &held).await?;
    let documents: Vec<SectionClass> = store
        .documents_of(case.id, &held)
        .await?
        .iter()
        .map(|d| d.class)
        .collect();
    let receiver = store.organisation(h.to_org).await?.ok_or(Error::NotFound)?;
    let notes = store
        .notes_of(case.id, &[domain::note::NoteKind::Case], &held)
        .await?;
    let narrative: Vec<&str> = voice
        .iter()
        .map(|v| v.text.as_str())
        .chain(notes.iter().map(|n| n.text.as_str()))
        .collect();
    let report = completeness(&CompletenessInputs {
        now,
        voice: &voice,
        plan: plan.as_ref(),
        reviews: &reviews,
        going_home: matches!(case.stage, Stage::PreparingReturn | Stage::InTransit),
        home_assessed: crate::forms::assessments_of(store, case, &held)
            .await?
            .iter()
            .any(|(a, _)| a.form_key == HOME_ASSESSMENT),
        document_classes: &documents,
        travelling: &h.sections,
        receiver_languages: &receiver.fields.languages,
        narrative: &narrative,
        glossary: glossary.scanner(),
    });
    Ok((report, glossary))
}

/// Who may see a handover: case staff of either organisation. Others: not found.
pub async fn load(
    store: &Arc<dyn Store>,
    acting: &Acting,
    id: HandoverId,
) -> Result<(Handover, Case), Error> {
    let (actor, _, _) = acting.signed_in()?;
    let h = store
        .handover(id.0, &acting.case_scope())
        .await?
        .ok_or(Error::NotFound)?;
    let side = if actor.org_id == h.to_org && h.state != HandoverState::Draft {
        h.to_org
    } else {
        h.from_org
    };
    let visible =
        crate::policy::allows(actor, Action::ViewHandovers, &Resource::Organisation(side));
    if !visible {
        return Err(Error::NotFound);
    }
    let case = store
        .case(h.case_id, &acting.case_scope())
        .await?
        .ok_or(Error::NotFound)?;
    Ok((h, case))
}

/// Whether `actor` sends this handover: a case worker of the sending organisation who may hand
/// the case over (the custodian's) or share what her organisation holds (an earlier one's).
pub fn may_send(actor: &Actor, h: &Handover, case: &Case) -> bool {
    let action = if h.from_org == case.custodian {
        Action::StartHandover
    } else {
        Action::ShareSection
    };
    h.from_org == actor.org_id && allowed(actor, action, case)
}

fn step(h: &Handover, to: HandoverState) -> Result<Handover, Error> {
    h.state
        .check_step(to)
        .map_err(|e| Error::Invalid(vec![FieldError::new("state", &e)]))?;
    let mut next = h.clone();
    next.state = to;
    Ok(next)
}

/// Sends a draft: records the completeness score and gaps; gaps need a stated reason.
pub async fn send(
    app: &App,
    acting: &Acting,
    h: &Handover,
    case: &Case,
    gaps_reason: &str,
) -> Result<Handover, Error> {
    let store = &app.store;
    let (actor, source, at) = acting.signed_in()?;
    if !may_send(actor, h, case) {
        return Err(Error::Forbidden(DenyReason::NotAssigned));
    }
    let mut next = step(h, HandoverState::Sent)?;
    let (report, _) = report(app, acting, case, h).await?;
    let gaps_reason = domain::text::normalise(gaps_reason);
    if !report.gaps.is_empty() && gaps_reason.is_empty() {
        return Err(Error::Invalid(vec![FieldError::new(
            "gaps_reason",
            &DomainError::GapsNeedReason,
        )]));
    }
    next.score = Some(report.score());
    next.gaps = report.gaps.clone();
    next.gaps_reason = gaps_reason;
    next.sent_at = Some(at);
    Ok(store
        .update_handover(
            &next,
            h.version,
            None,
            event(actor, source, at, AuditAction::HandoverSent, &next),
        )
        .await?)
}

/// Cancels a draft: only whoever may send it, and only while it is a draft (a sent one is
/// refused as a conflict: it has already left).
pub async fn cancel(
    store: &Arc<dyn Store>,
    acting: &Acting,
    h: &Handover,
    case: &Case,
) -> Result<Handover, Error> {
    let (actor, source, at) = acting.signed_in()?;
    if !may_send(actor, h, case) {
        return Err(Error::Forbidden(DenyReason::NotAssigned));
    }
    if h.state != HandoverState::Draft {
        return Err(Error::Duplicate("error-handover-not-draft"));
    }
    let next = step(h, HandoverState::Cancelled)?;
    Ok(store
        .update_handover(
            &next,
            h.version,
            None,
            event(actor, source, at, AuditAction::HandoverCancelled, &next),
        )
        .await?)
}

fn check_receiver(actor: &Actor, h: &Handover) -> Result<(), Error> {
    crate::policy::require(
        actor,
        Action::ReceiveHandover,
        &Resource::Organisation(h.to_org),
    )
}

pub async fn acknowledge(
    store: &Arc<dyn Store>,
    acting: &Acting,
    h: &Handover,
) -> Result<Handover, Error> {
    let (actor, source, at) = acting.signed_in()?;
    check_receiver(actor, h)?;
    let mut next = step(h, HandoverState::Acknowledged)?;
    next.acknowledged_at = Some(at);
    Ok(store
        .update_handover(
            &next,
            h.version,
            None,
            event(actor, source, at, AuditAction::HandoverAcknowledged, &next),
        )
        .await?)
}

/// Accepts: custody moves to the receiver, and the person accepting carries the case.
pub async fn accept(
    store: &Arc<dyn Store>,
    acting: &Acting,
    h: &Handover,
) -> Result<Handover, Error> {
    let (actor, source, at) = acting.signed_in()?;
    check_receiver(actor, h)?;
    let mut next = step(h, HandoverState::Accepted)?;
    next.decided_at = Some(at);
    let audit = event(actor, source, at, AuditAction::HandoverAccepted, &next);
    Ok(store
        .update_handover(&next, h.version, Some((h.to_org, actor.user_id)), audit)
        .await?)
}

pub async fn decline(
    store: &Arc<dyn Store>,
    acting: &Acting,
    h: &Handover,
    reason: &str,
) -> Result<Handover, Error> {
    let (actor, source, at) = acting.signed_in()?;
    check_receiver(actor, h)?;
    let mut next = step(h, HandoverState::Declined)?;
    next.decline_reason = domain::case::parse_reason(reason)
        .map_err(|e| Error::Invalid(vec![FieldError::new("reason", &e)]))?;
    next.decided_at = Some(at);
    Ok(store
        .update_handover(
            &next,
            h.version,
            None,
            event(actor, source, at, AuditAction::HandoverDeclined, &next),
        )
        .await?)
}

/// A follow-up as typed in.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FollowUpInput {
    pub outcome: String,
    pub her_words: String,
}

/// Records a follow-up contact. If her case came through a handover and she consented to
/// follow-up news for the sending organisation, a short update goes to it in the same
/// transaction; without that consent, nothing does. Returns whether an update went.
pub async fn record_followup(
    store: &Arc<dyn Store>,
    acting: &Acting,
    case: &Case,
    followup: &str,
    input: &FollowUpInput,
) -> Result<bool, Error> {
    let (actor, source, at) = acting.signed_in()?;
    crate::casework::check(actor, Action::RecordVoice, case)?;
    let id: uuid::Uuid = followup.parse().map_err(|_| Error::NotFound)?;
    let found = store.followups_of(case.id, &acting.case_scope()).await?;
    let target = found.iter().find(|f| f.id == id).ok_or(Error::NotFound)?;
    if target.done.is_some() {
        return Err(Error::Invalid(vec![FieldError::new(
            "outcome",
            &DomainError::FollowUpDone,
        )]));
    }
    let outcome: domain::followup::Outcome = input
        .outcome
        .parse()
        .map_err(|e| Error::Invalid(vec![FieldError::new("outcome", &e)]))?;
    let result = domain::followup::FollowUpResult {
        outcome,
        her_words: domain::text::normalise(&input.her_words),
        by: actor.user_id,
        at,
    };
    // The handover that brought her here, and whether she wants its sender to hear.
    let mut update = None;
    let incoming = store.handovers_of(case.custodian, true).await?;
    if let Some(h) = incoming
        .iter()
        .find(|h| h.case_id == case.id && h.state == HandoverState::Accepted)
    {
        let consents = store.consents_of(case.id, &acting.case_scope()).await?;
        let wanted = Use {
            purpose: Purpose::FollowUpUpdates,
            section: None,
            organisation: Some(h.from_org),
        };
        if covers(&consents, wanted, at).is_ok() {
            update = Some(domain::followup::FollowUpUpdate {
                id: uuid::Uuid::now_v7(),
                handover_id: h.id,
                outcome,
                her_words: result.her_words.clone(),
                at,
            });
        }
    }
    let audit = AuditEvent::new(
        at,
        AuditAction::FollowUpRecorded,
        format!("case:{}", case.id),
    )
    .by(actor.user_id, actor.org_id)
    .scoped_to(case.custodian)
    .from_source(source.to_string())
    .with_detail(crate::accounts::detail(&[
        ("outcome", outcome.as_str()),
        (
            "update_sent",
            if update.is_some() { "true" } else { "false" },
        ),
    ]));
    store
        .record_followup(id, &result, update.as_ref(), audit)
        .await?;
    Ok(update.is_some())
}

fn invalid(field: &'static str, id: &'static str, english: &str) -> Error {
    Error::Invalid(vec![FieldError {
        field: field.into(),
        message_id: id,
        english: english.to_string(),
    }])
}

/// Starts her repatriation on a route (blank: India → Bangladesh) from a day (blank: today).
pub async fn repatriate(
    store: &Arc<dyn Store>,
    acting: &Acting,
    case: &Case,
    route: &str,
    started_on: &str,
) -> Result<(), Error> {
    let (actor, source, now) = acting.signed_in()?;
    if !allowed(actor, Action::Repatriate, case) {
        return Err(Error::Forbidden(DenyReason::NotAssigned));
    }
    let route = if route.trim().is_empty() {
        "IN-BD".to_string()
    } else {
        route.trim().to_uppercase()
    };
    if store.route_steps(&route).await?.is_empty() {
        return Err(invalid(
            "route",
            "error-unknown-route",
            "no such repatriation route",
        ));
    }
    // Days on her organisation's calendar.
    let zone = store.time_zone_of(actor.org_id).await?;
    let started_on = if started_on.trim().is_empty() {
        zone.date_of(now)
    } else {
        let date = domain::voice::parse_date(started_on)
            .map_err(|e| Error::Invalid(vec![FieldError::new("started_on", &e)]))?;
        domain::voice::check_spoken_on(date, case.opened_at, now, &zone)
            .map_err(|e| Error::Invalid(vec![FieldError::new("started_on", &e)]))?;
        date
    };
    let audit = AuditEvent::new(
        now,
        AuditAction::RepatriationStarted,
        format!("case:{}", case.id),
    )
    .by(actor.user_id, actor.org_id)
    .scoped_to(case.custodian)
    .from_source(source.to_string())
    .with_detail(crate::accounts::detail(&[("route", &route)]));
    match store
        .start_repatriation(case.id, &route, started_on, audit)
        .await
    {
        Err(store::StoreError::Duplicate(_)) => Err(invalid(
            "route",
            "error-repatriation-started",
            "her repatriation has already started",
        )),
        other => Ok(other?),
    }
}

/// Records a step: done on a day (not before her repatriation started, not in the future), and
/// her informed preference, which is required once the step is done.
pub async fn record_step(
    store: &Arc<dyn Store>,
    acting: &Acting,
    case: &Case,
    seq: i64,
    done_on: &str,
    her_preference: &str,
) -> Result<(), Error> {
    let (actor, source, now) = acting.signed_in()?;
    if !allowed(actor, Action::Repatriate, case) {
        return Err(Error::Forbidden(DenyReason::NotAssigned));
    }
    let (_, started_on, steps) = store
        .repatriation(case.id, &acting.case_scope())
        .await?
        .ok_or(Error::NotFound)?;
    let mut step = steps
        .into_iter()
        .find(|s| s.seq == seq)
        .ok_or(Error::NotFound)?;
    let mut errors = Vec::new();
    let today = store.time_zone_of(actor.org_id).await?.date_of(now);
    if !done_on.trim().is_empty() {
        match domain::voice::parse_date(done_on) {
            Ok(d) if d > today => {
                errors.push(FieldError::new("done_on", &DomainError::DateInFuture))
            }
            Ok(d) if d < started_on => errors.push(FieldError::new(
                "done_on",
                &DomainError::DateBeforeCaseOpened,
            )),
            Ok(d) => step.done_on = Some(d),
            Err(e) => errors.push(FieldError::new("done_on", &e)),
        }
    }
    step.her_preference = domain::text::normalise(her_preference);
    if step.done_on.is_some() && step.her_preference.is_empty() {
        errors.push(FieldError::new("her_preference", &DomainError::EmptyText));
    }
    if !errors.is_empty() {
        return Err(Error::Invalid(errors));
    }
    step.updated_by = Some(actor.user_id);
    step.updated_at = Some(now);
    let audit = AuditEvent::new(
        now,
        AuditAction::RepatriationStepUpdated,
        format!("case:{}", case.id),
    )
    .by(actor.user_id, actor.org_id)
    .scoped_to(case.custodian)
    .from_source(source.to_string())
    .with_detail(crate::accounts::detail(&[("step", &step.key)]));
    Ok(store.update_step(&step, audit).await?)
}
