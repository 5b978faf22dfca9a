//! The case journey's changes and reads, shared by the pages and the API: who may, what is
//! valid, and the audit entry that goes with each. Every read of a case's content is audited.

use std::sync::Arc;

use domain::audit::{AuditAction, AuditEvent};
use domain::case::{Identity, StageChange, parse_reason};
use domain::decision::{DecisionDraft, closure_is_approved};
use domain::policy::{Action, Actor, Resource};
use domain::sight::Sight;
use domain::voice::{VoiceFields, check_spoken_on, parse_date, parse_voice_text};
use domain::{Case, CaseCode, CaseId, Language, Stage, Timestamp, VoiceEntry, VoiceId};
use rand_core::{OsRng, RngCore};
use store::{NewCase, NewVoice, Store, StoreError};

use crate::{Acting, Error, FieldError};

mod documents;
mod own;

pub use documents::{add_document, documents, open_document};
pub use own::{link_survivor, load_own, own_review, record_own_words};

/// The resource a case is to the policy, for this actor: how she and her organisation stand
/// to it.
pub fn resource(case: &Case, actor: &Actor) -> Resource {
    Resource::Case {
        custodian: case.custodian,
        assigned: case.is_assigned(actor.user_id),
        held: case.held_by(actor.org_id),
        awaited: case.awaited_by(actor.org_id),
        hers: case.survivor == Some(actor.user_id),
    }
}

/// What her organisation holds of the case at `at`: its own records, and the sections that
/// travelled to it while her consent lets them be read there. Every read of case content passes
/// it to the store.
pub async fn sight(
    store: &Arc<dyn Store>,
    actor: &Actor,
    case: &Case,
    at: Timestamp,
) -> Result<Sight, Error> {
    let consents = store.consents_of(case.id).await?;
    Ok(Sight::of(actor.org_id, &case.passages, &consents, at))
}

pub fn allowed(actor: &Actor, action: Action, case: &Case) -> bool {
    crate::policy::allows(actor, action, &resource(case, actor))
}

/// Loads a case for `action`. A case she may not even see in summary answers `NotFound`, the
/// same as one that does not exist, so ids of other organisations' cases reveal nothing.
pub async fn load(
    store: &Arc<dyn Store>,
    actor: &Actor,
    id: &str,
    action: Action,
) -> Result<Case, Error> {
    let id: CaseId = id.parse().map_err(|_| Error::NotFound)?;
    let case = store.case(id).await?.ok_or(Error::NotFound)?;
    if !allowed(actor, Action::ViewCaseSummary, &case) {
        return Err(Error::NotFound);
    }
    check(actor, action, &case)?;
    Ok(case)
}

pub(super) fn event(
    actor: &Actor,
    source: &str,
    at: Timestamp,
    action: AuditAction,
    case: &Case,
) -> AuditEvent {
    AuditEvent::new(at, action, format!("case:{}", case.id))
        .by(actor.user_id, actor.org_id)
        .scoped_to(case.custodian)
        .from_source(source.to_string())
}

/// Records that she (the actor) read the case's content.
pub async fn audit_read(store: &Arc<dyn Store>, acting: &Acting, case: &Case) -> Result<(), Error> {
    let (actor, source, at) = acting.signed_in()?;
    Ok(store
        .append_audit(event(actor, source, at, AuditAction::CaseViewed, case))
        .await?)
}

/// The identity section as typed in.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct IdentityInput {
    pub name: String,
    pub family: String,
    pub address: String,
}

fn identity_field(field: &'static str, text: &str, errors: &mut Vec<FieldError>) -> String {
    domain::case::parse_identity_field(text).unwrap_or_else(|e| {
        errors.push(FieldError::new(field, &e));
        domain::text::normalise(text)
    })
}

/// Opens a case in her own organisation, assigned to her.
pub async fn create(
    store: &Arc<dyn Store>,
    acting: &Acting,
    input: &IdentityInput,
) -> Result<Case, Error> {
    let (actor, source, at) = acting.signed_in()?;
    crate::policy::require(
        actor,
        Action::CreateCase,
        &Resource::Organisation(actor.org_id),
    )?;
    let mut errors = Vec::new();
    let identity = Identity {
        name: identity_field("name", &input.name, &mut errors),
        family: identity_field("family", &input.family, &mut errors),
        address: identity_field("address", &input.address, &mut errors),
    };
    if identity.name.is_empty() {
        errors.push(FieldError::required("name"));
    }
    if !errors.is_empty() {
        return Err(Error::Invalid(errors));
    }
    // A fresh code; on the rare collision, another.
    for _ in 0..5 {
        let mut bytes = [0_u8; 5];
        OsRng.fill_bytes(&mut bytes);
        let new = NewCase {
            id: CaseId::new(),
            code: CaseCode::from_random(bytes),
            custodian: actor.org_id,
            opened_at: at,
            assigned: vec![actor.user_id],
            identity: identity.clone(),
        };
        let audit = AuditEvent::new(at, AuditAction::CaseCreated, format!("case:{}", new.id))
            .by(actor.user_id, actor.org_id)
            .scoped_to(actor.org_id)
            .from_source(source.to_string())
            .with_detail(crate::accounts::detail(&[("code", new.code.as_str())]));
        match store.create_case(&new, audit).await {
            Err(StoreError::Duplicate(_)) => continue,
            other => return Ok(other?),
        }
    }
    Err(Error::internal("no free case code after five tries"))
}

/// A voice entry as typed in: the API's JSON and the form share it.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct VoiceInput {
    pub kind: String,
    pub text: String,
    pub language: String,
    /// `YYYY-MM-DD`; blank means today.
    pub spoken_on: Option<String>,
    pub read_back: bool,
}

impl VoiceInput {
    pub fn validate(&self, case: &Case, now: Timestamp) -> Result<VoiceFields, Error> {
        let mut errors = Vec::new();
        let kind = if self.kind.trim().is_empty() {
            errors.push(FieldError::required("kind"));
            None
        } else {
            self.kind
                .parse()
                .map_err(|e| errors.push(FieldError::new("kind", &e)))
                .ok()
        };
        let text = parse_voice_text(&self.text)
            .map_err(|e| errors.push(FieldError::new("text", &e)))
            .ok();
        let language: Option<Language> = if self.language.trim().is_empty() {
            errors.push(FieldError::required("language"));
            None
        } else {
            self.language
                .parse()
                .map_err(|e| errors.push(FieldError::new("language", &e)))
                .ok()
        };
        let spoken_on = match self
            .spoken_on
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            None => Some(now.to_datetime().date()),
            Some(text) => parse_date(text)
                .and_then(|d| check_spoken_on(d, case.opened_at, now).map(|()| d))
                .map_err(|e| errors.push(FieldError::new("spoken_on", &e)))
                .ok(),
        };
        match (kind, text, language, spoken_on) {
            (Some(kind), Some(text), Some(language), Some(spoken_on)) if errors.is_empty() => {
                Ok(VoiceFields {
                    kind,
                    text,
                    language,
                    spoken_on,
                    read_back: self.read_back,
                })
            }
            _ => Err(Error::Invalid(errors)),
        }
    }
}

pub async fn record_voice(
    store: &Arc<dyn Store>,
    acting: &Acting,
    case: &Case,
    input: &VoiceInput,
) -> Result<VoiceEntry, Error> {
    let (actor, source, at) = acting.signed_in()?;
    check(actor, Action::RecordVoice, case)?;
    let fields = input.validate(case, at)?;
    let id = VoiceId::new();
    let audit = event(actor, source, at, AuditAction::VoiceRecorded, case).with_detail(
        crate::accounts::detail(&[("entry", &id.to_string()), ("kind", fields.kind.as_str())]),
    );
    let voice = NewVoice {
        id,
        case_id: case.id,
        fields,
        recorded_by: actor.user_id,
        recorded_at: at,
    };
    Ok(store.record_voice(&voice, audit).await?)
}

pub async fn correct_voice(
    store: &Arc<dyn Store>,
    acting: &Acting,
    case: &Case,
    entry: VoiceId,
    expected_version: i64,
    input: &VoiceInput,
) -> Result<VoiceEntry, Error> {
    let (actor, source, at) = acting.signed_in()?;
    check(actor, Action::RecordVoice, case)?;
    // Only her own organisation's records are hers to correct; another's, even one she may
    // read, stays as its writer left it.
    let history = store
        .voice_history(entry, &Sight::own(actor.org_id))
        .await?;
    if history.first().is_none_or(|v| v.case_id != case.id) {
        let seen = sight(store, actor, case, at).await?;
        let readable = store.voice_history(entry, &seen).await?;
        return Err(match readable.first() {
            Some(v) if v.case_id == case.id => {
                Error::Forbidden(domain::policy::DenyReason::OtherOrganisation)
            }
            _ => Error::NotFound,
        });
    }
    let fields = input.validate(case, at)?;
    let audit = event(actor, source, at, AuditAction::VoiceCorrected, case)
        .with_detail(crate::accounts::detail(&[("entry", &entry.to_string())]));
    Ok(store
        .correct_voice(entry, expected_version, &fields, actor.user_id, at, audit)
        .await?)
}

/// Moves the case along the journey: the journey's rules, then the policy (closing is the
/// director's), then the store (which refuses a stale version).
pub async fn change_stage(
    store: &Arc<dyn Store>,
    acting: &Acting,
    case: &Case,
    expected_version: i64,
    to: &str,
    reason: &str,
) -> Result<Case, Error> {
    let (actor, source, at) = acting.signed_in()?;
    // Someone who may move no case at all is told so before anything about her input.
    if !allowed(actor, Action::CloseCase, case) {
        check(actor, Action::ChangeStage, case)?;
    }
    let mut errors = Vec::new();
    let to: Option<Stage> = if to.trim().is_empty() {
        errors.push(FieldError::required("stage"));
        None
    } else {
        to.parse()
            .map_err(|e| errors.push(FieldError::new("stage", &e)))
            .ok()
    };
    let reason = parse_reason(reason)
        .map_err(|e| errors.push(FieldError::new("reason", &e)))
        .ok();
    if let Some(to) = to
        && let Err(e) = case.stage.check_change(to)
    {
        errors.push(FieldError::new("stage", &e));
    }
    let (Some(to), Some(reason)) = (to, reason) else {
        return Err(Error::Invalid(errors));
    };
    if !errors.is_empty() {
        return Err(Error::Invalid(errors));
    }
    let action = if to == Stage::Closed {
        Action::CloseCase
    } else {
        Action::ChangeStage
    };
    check(actor, action, case)?;
    if to == Stage::Closed {
        // The approval stands on a logged decision with her participation (or why not).
        let decisions = store
            .decisions_of(case.id, &sight(store, actor, case, at).await?)
            .await?;
        closure_is_approved(&decisions)
            .map_err(|e| Error::Invalid(vec![FieldError::new("stage", &e)]))?;
    }
    let change = StageChange {
        from: case.stage,
        to,
        reason,
        by: Some(actor.user_id),
        at,
    };
    let audit = event(actor, source, at, AuditAction::CaseStageChanged, case).with_detail(
        crate::accounts::detail(&[("from", case.stage.as_str()), ("to", to.as_str())]),
    );
    Ok(store
        .change_stage(case.id, expected_version, &change, audit)
        .await?)
}

/// Opens the identity section; the store records the opening in the same transaction.
pub async fn open_identity(
    store: &Arc<dyn Store>,
    acting: &Acting,
    case: &Case,
) -> Result<Identity, Error> {
    let (actor, source, at) = acting.signed_in()?;
    check(actor, Action::OpenIdentity, case)?;
    let seen = sight(store, actor, case, at).await?;
    let audit = event(actor, source, at, AuditAction::IdentityOpened, case);
    store
        .open_identity(case.id, &seen, audit)
        .await?
        .ok_or(Error::NotFound)
}

/// A decision as typed in: the API's JSON and the form share it. `options` is one per line.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DecisionInput {
    pub topic: String,
    pub what: String,
    pub decided_by: String,
    pub options: Vec<String>,
    pub her_choice: String,
    pub participation: String,
    pub her_view: String,
    pub absent_reason: String,
}

pub async fn log_decision(
    store: &Arc<dyn Store>,
    acting: &Acting,
    case: &Case,
    input: &DecisionInput,
) -> Result<domain::decision::Decision, Error> {
    let (actor, source, at) = acting.signed_in()?;
    check(actor, Action::LogDecision, case)?;
    let options = input.options.join("\n");
    let draft = DecisionDraft {
        topic: &input.topic,
        what: &input.what,
        decided_by: &input.decided_by,
        options: &options,
        her_choice: &input.her_choice,
        participation: &input.participation,
        her_view: &input.her_view,
        absent_reason: &input.absent_reason,
    };
    let fields = draft.check().map_err(|errors| {
        Error::Invalid(
            errors
                .iter()
                .map(|(field, e)| FieldError::new(field, e))
                .collect(),
        )
    })?;
    let decision = domain::decision::Decision {
        id: uuid::Uuid::now_v7(),
        case_id: case.id,
        fields,
        recorded_by: actor.user_id,
        recorded_at: at,
    };
    let audit = event(actor, source, at, AuditAction::DecisionLogged, case).with_detail(
        crate::accounts::detail(&[
            ("decision", &decision.id.to_string()),
            ("topic", decision.fields.topic.as_str()),
            ("participation", decision.fields.participation.as_str()),
        ]),
    );
    store.log_decision(&decision, audit).await?;
    Ok(decision)
}

/// A consent as typed in: the API's JSON and the form share it.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ConsentInput {
    pub purpose: String,
    pub section: String,
    pub organisation: String,
    pub explained_how: String,
    pub explained_in: String,
    pub explained_by: String,
    pub expires_on: String,
}

fn check_manage(actor: &Actor, case: &Case) -> Result<(), Error> {
    check(actor, Action::ManageConsent, case)
}

pub async fn record_consent(
    store: &Arc<dyn Store>,
    acting: &Acting,
    case: &Case,
    input: &ConsentInput,
) -> Result<domain::consent::Consent, Error> {
    let (actor, source, at) = acting.signed_in()?;
    check_manage(actor, case)?;
    let draft = domain::consent::ConsentDraft {
        purpose: &input.purpose,
        section: &input.section,
        organisation: &input.organisation,
        explained_how: &input.explained_how,
        explained_in: &input.explained_in,
        explained_by: &input.explained_by,
        expires_on: &input.expires_on,
    };
    let mut errors: Vec<FieldError> = Vec::new();
    let fields = match draft.check(at.to_datetime().date()) {
        Ok(fields) => Some(fields),
        Err(found) => {
            errors.extend(found.iter().map(|(field, e)| FieldError::new(field, e)));
            None
        }
    };
    // The organisation must be one the directory knows.
    if let Some(org) = fields.as_ref().and_then(|f| f.organisation)
        && store.organisation(org).await?.is_none()
    {
        errors.push(FieldError {
            field: "organisation".into(),
            message_id: "error-unknown-organisation",
            english: format!("no organisation {org} in the directory"),
        });
    }
    let Some(fields) = fields.filter(|_| errors.is_empty()) else {
        return Err(Error::Invalid(errors));
    };
    let consent = domain::consent::Consent {
        id: uuid::Uuid::now_v7(),
        case_id: case.id,
        fields,
        recorded_by: actor.user_id,
        recorded_at: at,
        revoked_at: None,
        revoked_reason: None,
    };
    let audit = event(actor, source, at, AuditAction::ConsentRecorded, case).with_detail(
        crate::accounts::detail(&[
            ("consent", &consent.id.to_string()),
            ("purpose", consent.fields.purpose.as_str()),
        ]),
    );
    store.record_consent(&consent, audit).await?;
    Ok(consent)
}

pub async fn revoke_consent(
    store: &Arc<dyn Store>,
    acting: &Acting,
    case: &Case,
    consent_id: &str,
    reason: &str,
) -> Result<(), Error> {
    let (actor, source, at) = acting.signed_in()?;
    check_manage(actor, case)?;
    let id: uuid::Uuid = consent_id.parse().map_err(|_| Error::NotFound)?;
    let consents = store.consents_of(case.id).await?;
    let consent = consents
        .iter()
        .find(|c| c.id == id)
        .ok_or(Error::NotFound)?;
    if consent.revoked_at.is_some() {
        return Err(Error::Invalid(vec![FieldError::new(
            "consent",
            &domain::DomainError::AlreadyRevoked,
        )]));
    }
    let reason =
        parse_reason(reason).map_err(|e| Error::Invalid(vec![FieldError::new("reason", &e)]))?;
    let audit = event(actor, source, at, AuditAction::ConsentRevoked, case)
        .with_detail(crate::accounts::detail(&[("consent", &id.to_string())]));
    Ok(store
        .revoke_consent(id, actor.user_id, at, &reason, audit)
        .await?)
}

/// One line of "who has read her record": an organisation, the reader's roles, a day, what
/// was read, and how many times that day. People are not named: she is told which
/// organisation and which kind of worker, as DESIGN §3 asks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    pub organisation: String,
    pub roles: Vec<domain::Role>,
    pub day: Timestamp,
    pub identity: bool,
    pub times: usize,
}

pub async fn readings(store: &Arc<dyn Store>, case: &Case) -> Result<Vec<Reading>, Error> {
    let records = store.readings_of(case.id, 1000).await?;
    let mut lines: Vec<Reading> = Vec::new();
    let mut orgs: std::collections::HashMap<domain::OrgId, String> =
        std::collections::HashMap::new();
    let mut roles: std::collections::HashMap<domain::UserId, Vec<domain::Role>> =
        std::collections::HashMap::new();
    for record in records {
        let event = &record.event;
        let organisation = match event.actor_org {
            Some(org) => {
                if let std::collections::hash_map::Entry::Vacant(slot) = orgs.entry(org) {
                    let name = store
                        .organisation(org)
                        .await?
                        .map(|o| o.fields.name.to_string());
                    slot.insert(name.unwrap_or_default());
                }
                orgs.get(&org).cloned().unwrap_or_default()
            }
            None => String::new(),
        };
        let reader_roles = match event.actor {
            Some(user) => {
                if let std::collections::hash_map::Entry::Vacant(slot) = roles.entry(user) {
                    let found = store.user(user).await?.map(|u| u.roles.iter().collect());
                    slot.insert(found.unwrap_or_default());
                }
                roles.get(&user).cloned().unwrap_or_default()
            }
            None => Vec::new(),
        };
        let identity = event.action == AuditAction::IdentityOpened;
        let day = Timestamp(event.at.millis() - event.at.millis().rem_euclid(86_400_000));
        match lines.last_mut() {
            Some(last)
                if last.organisation == organisation
                    && last.roles == reader_roles
                    && last.day == day
                    && last.identity == identity =>
            {
                last.times += 1;
            }
            _ => lines.push(Reading {
                organisation,
                roles: reader_roles,
                day,
                identity,
                times: 1,
            }),
        }
    }
    Ok(lines)
}

/// The policy on this case; a refusal by a training gate names the workshop she needs.
pub fn check(actor: &Actor, action: Action, case: &Case) -> Result<(), Error> {
    crate::policy::require(actor, action, &resource(case, actor))
}

/// The plan of a case as `sight` reaches it, or an empty one at version 0 (the version a first
/// save is based on).
pub async fn plan_of(
    store: &Arc<dyn Store>,
    case: &Case,
    sight: &Sight,
) -> Result<domain::plan::Plan, Error> {
    Ok(store
        .plan(case.id, sight)
        .await?
        .unwrap_or(domain::plan::Plan {
            body: domain::plan::PlanBody::default(),
            version: 0,
            updated_by: None,
            updated_at: case.opened_at,
            approved_version: None,
        }))
}

/// Saves a new version of her plan: checked (texts, target dates, organisations that exist),
/// based on `expected_version`, never overwriting a newer one.
pub async fn save_plan(
    store: &Arc<dyn Store>,
    acting: &Acting,
    case: &Case,
    expected_version: i64,
    body: domain::plan::PlanBody,
) -> Result<domain::plan::Plan, Error> {
    let (actor, source, at) = acting.signed_in()?;
    check(actor, Action::EditPlan, case)?;
    let body = body.normalised();
    let mut errors: Vec<FieldError> = match body.check(case.opened_at) {
        Ok(()) => Vec::new(),
        Err(found) => found
            .iter()
            .map(|(place, e)| FieldError {
                field: plan_field(place).into(),
                message_id: e.message_id(),
                english: format!("{place}: {e}"),
            })
            .collect(),
    };
    for org in body.organisations() {
        if store.organisation(org).await?.is_none() {
            errors.push(FieldError {
                field: "responsible".into(),
                message_id: "error-unknown-organisation",
                english: format!("no organisation {org} in the directory"),
            });
        }
    }
    if !errors.is_empty() {
        return Err(Error::Invalid(errors));
    }
    let audit = event(actor, source, at, AuditAction::PlanSaved, case).with_detail(
        crate::accounts::detail(&[("version", &(expected_version + 1).to_string())]),
    );
    let seen = sight(store, actor, case, at).await?;
    let save = store::PlanSave {
        case: case.id,
        expected_version,
        body: &body,
        by: actor.user_id,
        at,
        sight: &seen,
    };
    Ok(store.save_plan(&save, audit).await?)
}

/// The form field a plan problem belongs to (`goals[0].actions[1].target` → `target`).
fn plan_field(place: &str) -> &'static str {
    match place.rsplit('.').next().unwrap_or(place) {
        "goal" => "goal",
        "what" => "what",
        "target" => "target",
        _ => "goals",
    }
}

/// Approves the plan's current version: the director, on a logged decision about the plan.
pub async fn approve_plan(
    store: &Arc<dyn Store>,
    acting: &Acting,
    case: &Case,
    version: i64,
) -> Result<domain::plan::Plan, Error> {
    let (actor, source, at) = acting.signed_in()?;
    check(actor, Action::ApprovePlan, case)?;
    let seen = sight(store, actor, case, at).await?;
    let decisions = store.decisions_of(case.id, &seen).await?;
    domain::plan::approval_is_backed(&decisions)
        .map_err(|e| Error::Invalid(vec![FieldError::new("plan", &e)]))?;
    let audit = event(actor, source, at, AuditAction::PlanApproved, case).with_detail(
        crate::accounts::detail(&[("version", &version.to_string())]),
    );
    Ok(store.approve_plan(case.id, version, &seen, audit).await?)
}

/// A review as typed in.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ReviewInput {
    pub agreement: String,
    pub her_words: String,
    pub notes: String,
}

/// Records a review of the current plan with her: does she agree, in her words.
pub async fn review_plan(
    store: &Arc<dyn Store>,
    acting: &Acting,
    case: &Case,
    input: &ReviewInput,
) -> Result<domain::plan::PlanReview, Error> {
    let (actor, source, at) = acting.signed_in()?;
    check(actor, Action::EditPlan, case)?;
    let plan = plan_of(store, case, &sight(store, actor, case, at).await?).await?;
    let mut errors = Vec::new();
    let agreement: Option<domain::plan::Agreement> = if input.agreement.trim().is_empty() {
        errors.push(FieldError::required("agreement"));
        None
    } else {
        input
            .agreement
            .parse()
            .map_err(|e| errors.push(FieldError::new("agreement", &e)))
            .ok()
    };
    let her_words = domain::text::normalise(&input.her_words);
    if her_words.is_empty() {
        errors.push(FieldError::new(
            "her_words",
            &domain::DomainError::EmptyText,
        ));
    }
    if plan.version == 0 {
        errors.push(FieldError {
            field: "agreement".into(),
            message_id: "plan-empty",
            english: "there is no plan to review yet".into(),
        });
    }
    let Some(agreement) = agreement.filter(|_| errors.is_empty()) else {
        return Err(Error::Invalid(errors));
    };
    let review = domain::plan::PlanReview {
        id: uuid::Uuid::now_v7(),
        plan_version: plan.version,
        agreement,
        her_words,
        notes: domain::text::normalise(&input.notes),
        reviewed_by: actor.user_id,
        reviewed_at: at,
    };
    let audit = event(actor, source, at, AuditAction::PlanReviewed, case).with_detail(
        crate::accounts::detail(&[("agreement", agreement.as_str())]),
    );
    store.add_plan_review(case.id, &review, audit).await?;
    Ok(review)
}

/// The kinds of note this person may read, or write, on this case.
pub fn note_kinds(actor: &Actor, case: &Case, write: bool) -> Vec<domain::note::NoteKind> {
    domain::note::NoteKind::ALL
        .into_iter()
        .filter(|k| {
            let action = if write {
                Action::WriteNote(*k)
            } else {
                Action::ReadNotes(*k)
            };
            allowed(actor, action, case)
        })
        .collect()
}

/// A note as typed in.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct NoteInput {
    pub kind: String,
    pub text: String,
    pub language: String,
    pub response: String,
    pub response_text: String,
}

pub async fn write_note(
    store: &Arc<dyn Store>,
    acting: &Acting,
    case: &Case,
    input: &NoteInput,
) -> Result<domain::note::Note, Error> {
    let (actor, source, at) = acting.signed_in()?;
    let kind: domain::note::NoteKind = if input.kind.trim().is_empty() {
        return Err(Error::Invalid(vec![FieldError::required("kind")]));
    } else {
        input
            .kind
            .parse()
            .map_err(|e| Error::Invalid(vec![FieldError::new("kind", &e)]))?
    };
    check(actor, Action::WriteNote(kind), case)?;
    let mut errors = Vec::new();
    let language: Option<Language> = input
        .language
        .parse()
        .map_err(|e| errors.push(FieldError::new("language", &e)))
        .ok();
    let checked =
        domain::note::check_note(kind, &input.text, &input.response, &input.response_text)
            .map_err(|found| errors.extend(found.iter().map(|(f, e)| FieldError::new(f, e))))
            .ok();
    let (Some(language), Some((text, response))) = (language, checked) else {
        return Err(Error::Invalid(errors));
    };
    let note = domain::note::Note {
        id: uuid::Uuid::now_v7(),
        case_id: case.id,
        kind,
        text,
        language,
        response,
        written_by: actor.user_id,
        written_at: at,
    };
    let mut detail = vec![
        ("note", note.id.to_string()),
        ("kind", kind.as_str().to_string()),
    ];
    if let Some((response, _)) = &note.response {
        detail.push(("response", response.as_str().to_string()));
    }
    let pairs: Vec<(&str, &str)> = detail.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let audit = event(actor, source, at, AuditAction::NoteWritten, case)
        .with_detail(crate::accounts::detail(&pairs));
    store.add_note(&note, audit).await?;
    Ok(note)
}

/// A translation as typed in.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TranslationInput {
    pub language: String,
    pub text: String,
    /// Who translated it (a name, in words).
    pub translator: String,
}

/// Adds a person's translation of a note. Whoever may write that kind of note may translate
/// one; a note she may not read is not found.
pub async fn translate_note(
    store: &Arc<dyn Store>,
    acting: &Acting,
    case: &Case,
    note: &str,
    input: &TranslationInput,
) -> Result<domain::note::NoteTranslation, Error> {
    let (actor, source, at) = acting.signed_in()?;
    let id: uuid::Uuid = note.parse().map_err(|_| Error::NotFound)?;
    let readable = note_kinds(actor, case, false);
    let note = store
        .notes_of(case.id, &readable, &sight(store, actor, case, at).await?)
        .await?
        .into_iter()
        .find(|n| n.id == id)
        .ok_or(Error::NotFound)?;
    check(actor, Action::WriteNote(note.kind), case)?;
    let mut errors = Vec::new();
    let language: Option<Language> = input
        .language
        .parse()
        .map_err(|e| errors.push(FieldError::new("language", &e)))
        .ok();
    let checked = language.and_then(|language| {
        domain::note::check_translation(&note, language, &input.text, &input.translator)
            .map_err(|found| errors.extend(found.iter().map(|(f, e)| FieldError::new(f, e))))
            .ok()
            .map(|(text, translator)| (language, text, translator))
    });
    let Some((language, text, translator)) = checked else {
        return Err(Error::Invalid(errors));
    };
    let translation = domain::note::NoteTranslation {
        id: uuid::Uuid::now_v7(),
        note_id: note.id,
        case_id: case.id,
        language,
        text,
        translator,
        added_by: actor.user_id,
        added_at: at,
    };
    let audit = event(actor, source, at, AuditAction::NoteTranslated, case).with_detail(
        crate::accounts::detail(&[
            ("note", &note.id.to_string()),
            ("language", language.code()),
        ]),
    );
    store.add_translation(&translation, audit).await?;
    Ok(translation)
}
