//! The case pages: the list with search and filters, opening a case, the case page with her
//! voice first, the journey, and the identity section (each opening recorded).

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use domain::policy::{Action, Actor, Resource};
use domain::{Case, Stage};
use serde::Deserialize;

use super::{
    Choice, FormData, FormView, Page, Tr, language_choices, render, render_with_status, see_other,
};
use crate::{AppError, AppState, Ctx};
use app::casework::{self, ConsentInput, DecisionInput, IdentityInput, VoiceInput};

mod changes;
mod list;

pub use changes::*;
pub use list::*;

mod sections;

fn intake_country_id(code: &str) -> String {
    sections::intake::country_id(code).unwrap_or_default()
}

pub use crate::api::cases::download;
use sections::consents::ConsentView;
use sections::decisions::DecisionView;
use sections::documents::DocumentView;
use sections::journey::{FollowUpView, StepView};
use sections::notes::NoteView;
use sections::readers::ReadingView;
use sections::stage::ChangeView;
use sections::voice::VoiceView;

#[derive(Template)]
#[template(path = "case.html")]
struct CaseTemplate<'a> {
    page: Page<'a>,
    /// The training gates that keep her from some of this case's work, each saying which
    /// workshop opens it (empty unless the network set gates).
    training_needed: Vec<String>,
    stage: String,
    opened: String,
    /// How she came to the case (the partial `case_intake.html`).
    intake: sections::intake::IntakeView,
    full: bool,
    voice: Vec<VoiceView>,
    voice_form: FormView,
    kinds: Vec<Choice>,
    languages: Vec<Choice>,
    can_record: bool,
    history: Vec<ChangeView>,
    /// The terms of her stay in force: (who set its length, the date she wants to leave).
    stay: Option<(String, String)>,
    can_record_stay: bool,
    stay_form: FormView,
    stay_setters: Vec<Choice>,
    stage_form: FormView,
    next_stages: Vec<Choice>,
    version: i64,
    action_base: String,
    identity_href: Option<String>,
    plan_href: Option<String>,
    /// Survivor accounts of her organisation not yet linked (for the assigned case worker).
    survivor_accounts: Vec<Choice>,
    /// Where the case may be handed over to (for the assigned case worker).
    destinations: Vec<Choice>,
    can_decide: bool,
    can_read_decisions: bool,
    decisions: Vec<DecisionView>,
    decision_form: FormView,
    topics: Vec<Choice>,
    participations: Vec<Choice>,
    readings: Vec<ReadingView>,
    followups: Vec<FollowUpView>,
    outcomes: Vec<Choice>,
    steps: Option<Vec<StepView>>,
    can_repatriate: bool,
    documents: Vec<DocumentView>,
    document_classes: Vec<Choice>,
    document_error: Option<String>,
    notes: Vec<NoteView>,
    /// The glossary terms in the notes, with their plain explanation in her language.
    plain_words: Vec<(String, String)>,
    /// Assessments filled for her: (link, form title, version · when).
    assessments: Vec<(String, String, String)>,
    /// The forms she may fill here, for the chooser (empty: she may not).
    form_choices: Vec<Choice>,
    note_kinds: Vec<Choice>,
    can_read_notes: bool,
    note_form: FormView,
    responses: Vec<Choice>,
    can_consent: bool,
    consents: Vec<ConsentView>,
    consent_form: FormView,
    purposes: Vec<Choice>,
    sections: Vec<Choice>,
    organisations: Vec<Choice>,
}

/// What a re-shown case page carries: the forms with her input and the messages.
#[derive(Default)]
struct Shown {
    voice_form: Option<FormView>,
    /// A correction that could not be saved: which entry, and her input.
    correction: Option<(domain::VoiceId, FormView)>,
    stage_form: Option<FormView>,
    stay_form: Option<FormView>,
    decision_form: Option<FormView>,
    consent_form: Option<FormView>,
    note_form: Option<FormView>,
    /// A translation that could not be saved: of which note, and her input.
    translation: Option<(uuid::Uuid, FormView)>,
    document_error: Option<String>,
    notice: Option<String>,
}

async fn case_page<'a>(
    state: &'a AppState,
    ctx: &'a Ctx,
    actor: &Actor,
    case: &Case,
    shown: Shown,
) -> Result<CaseTemplate<'a>, AppError> {
    let t = ctx.tr(&state.i18n);
    let title = t.with("case-title", "code", case.code.as_str());
    let mut page = Page::titled(state, ctx, "/cases", title);
    page.notice = shown.notice;
    let seen = ctx.sight(state, case).await?;
    let v = sections::Viewing {
        state,
        ctx,
        actor,
        case,
        t,
        seen: &seen,
    };
    let voice = sections::voice::voice(&v, shown.voice_form, shown.correction).await?;
    let stage = sections::stage::stage(&v, shown.stage_form, shown.stay_form).await?;
    let decisions = sections::decisions::decisions(&v, shown.decision_form).await?;
    let readings = sections::readers::readers(&v).await?;
    let documents = sections::documents::documents(&v, shown.document_error).await?;
    let assessments = sections::assessments::assessments(&v).await?;
    let notes = sections::notes::notes(&v, shown.note_form, shown.translation).await?;
    let survivor_accounts = sections::survivor::accounts(&v).await?;
    let destinations = sections::handovers::destinations(&v).await?;
    let journey = sections::journey::journey(&v).await?;
    let full = v.may(Action::ViewCase);
    // One reading, one audit entry: whatever content this page showed her.
    if full || decisions.can_read || notes.readable {
        casework::audit_read(&state.store, &ctx.acting(actor, state.clock.now()), case).await?;
    }
    let consents = sections::consents::consents(&v, shown.consent_form).await?;
    let training_needed = sections::gates::training_needed(&v)?;
    Ok(CaseTemplate {
        training_needed,
        stage: t.get(case.stage.message_id()),
        opened: t.date(case.opened_at),
        intake: sections::intake::intake(&t, &case.intake, case.opened_at),
        full,
        voice: voice.entries,
        voice_form: voice.form,
        kinds: voice.kinds,
        languages: language_choices(),
        can_record: voice.can_record,
        history: stage.history,
        stay: stage.stay,
        can_record_stay: stage.can_record_stay,
        stay_form: stage.stay_form,
        stay_setters: stage.stay_setters,
        stage_form: stage.form,
        next_stages: stage.next,
        version: case.version,
        action_base: format!("/cases/{}", case.id),
        readings,
        followups: journey.followups,
        outcomes: journey.outcomes,
        steps: journey.steps,
        can_repatriate: journey.can_repatriate,
        documents: documents.entries,
        document_classes: documents.classes,
        document_error: documents.error,
        notes: notes.entries,
        plain_words: notes.plain_words,
        assessments: assessments.filled,
        form_choices: assessments.forms,
        can_read_notes: notes.readable,
        note_kinds: notes.kinds,
        note_form: notes.form,
        responses: notes.responses,
        can_consent: consents.can_consent,
        consents: consents.entries,
        consent_form: consents.form,
        purposes: consents.purposes,
        sections: consents.sections,
        organisations: consents.organisations,
        can_decide: decisions.can_decide,
        can_read_decisions: decisions.can_read,
        decisions: decisions.entries,
        decision_form: decisions.form,
        topics: decisions.topics,
        participations: decisions.participations,
        plan_href: v
            .may(Action::ReadPlan)
            .then(|| format!("/cases/{}/plan", case.id)),
        survivor_accounts,
        destinations,
        identity_href: v
            .may(Action::OpenIdentity)
            .then(|| format!("/cases/{}/identity", case.id)),
        page,
    })
}

#[derive(Debug, Default, Deserialize)]
pub struct NoticeQuery {
    notice: Option<String>,
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Query(query): Query<NoticeQuery>,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let case = ctx.case(&state, &id, Action::ViewCaseSummary).await?;
    let t = ctx.tr(&state.i18n);
    let notice = match query.notice.as_deref() {
        Some("created") => Some(t.get("case-created")),
        Some("voice") => Some(t.get("voice-saved")),
        Some("stage") => Some(t.get("stage-saved")),
        Some("stay") => Some(t.get("stay-saved")),
        Some("decision") => Some(t.get("decision-saved")),
        Some("consent") => Some(t.get("consent-saved")),
        Some("revoked") => Some(t.get("consent-revoked-notice")),
        Some("note") => Some(t.get("note-saved")),
        Some("translation") => Some(t.get("note-translation-saved")),
        Some("document") => Some(t.get("document-saved")),
        Some("linked") => Some(t.get("survivor-linked")),
        Some("followup") => Some(t.get("followup-saved")),
        Some("repatriation") => Some(t.get("repatriation-saved")),
        _ => None,
    };
    render(
        &case_page(
            &state,
            &ctx,
            &actor,
            &case,
            Shown {
                notice,
                ..Shown::default()
            },
        )
        .await?,
    )
}

pub(crate) async fn after(
    state: &AppState,
    ctx: &Ctx,
    actor: &domain::policy::Actor,
    case: &Case,
    result: Result<(), AppError>,
    notice: &str,
) -> Result<Response, AppError> {
    match result {
        Ok(()) => Ok(see_other(&format!("/cases/{}?notice={notice}", case.id))),
        Err(AppError::Invalid(errors)) => {
            let t = ctx.tr(&state.i18n);
            let message = errors
                .iter()
                .map(|e| t.problem(e))
                .collect::<Vec<_>>()
                .join(" ");
            let shown = Shown {
                notice: Some(message),
                ..Shown::default()
            };
            render_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &case_page(state, ctx, actor, case, shown).await?,
            )
        }
        Err(other) => Err(other),
    }
}

/// What a case form comes to: on success, back to the case page with a notice; on bad input,
/// the page again with her input and each message beside its field, in the form `place` names.
#[allow(clippy::too_many_arguments)]
async fn settle<T>(
    state: &AppState,
    ctx: &Ctx,
    actor: &domain::policy::Actor,
    case: &Case,
    result: Result<T, AppError>,
    notice: &str,
    data: &FormData,
    place: fn(FormView) -> Shown,
) -> Result<Response, AppError> {
    match result {
        Ok(_) => Ok(see_other(&format!("/cases/{}?notice={notice}", case.id))),
        Err(AppError::Invalid(errors)) => {
            let t = ctx.tr(&state.i18n);
            let shown = place(FormView::from_data(data).with_errors(&t, &errors));
            render_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &case_page(state, ctx, actor, case, shown).await?,
            )
        }
        Err(other) => Err(other),
    }
}
