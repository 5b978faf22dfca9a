//! What the case page's forms change: her words, the journey, decisions, consents, notes,
//! documents, follow-ups and repatriation. Each calls its service and comes back to the page of
//! its section (`?saved=…`), or shows that page again with her input and why it was refused.

use super::*;

/// The voice forms: a new entry, and a correction (which also sends the version it is based on).
#[derive(Default, Deserialize)]
#[serde(default)]
struct VoiceForm {
    kind: String,
    text: String,
    language: String,
    spoken_on: String,
    read_back: bool,
    /// Kept as text: a correction without a readable version is refused by the handler.
    version: String,
}

impl From<VoiceForm> for VoiceInput {
    fn from(form: VoiceForm) -> Self {
        VoiceInput {
            kind: form.kind,
            text: form.text,
            language: form.language,
            spoken_on: Some(form.spoken_on),
            read_back: form.read_back,
        }
    }
}

/// Moving the case to another stage.
#[derive(Default, Deserialize)]
#[serde(default)]
struct StageForm {
    version: String,
    stage: String,
    reason: String,
}

/// A decision made about her; `options` is one option per line.
#[derive(Default, Deserialize)]
#[serde(default)]
struct DecisionForm {
    topic: String,
    what: String,
    decided_by: String,
    options: String,
    her_choice: String,
    participation: String,
    her_view: String,
    absent_reason: String,
}

/// A consent she gave, and how it was explained to her.
#[derive(Default, Deserialize)]
#[serde(default)]
struct ConsentForm {
    purpose: String,
    section: String,
    organisation: String,
    explained_how: String,
    explained_in: String,
    explained_by: String,
    expires_on: String,
}

/// Why a consent is revoked.
#[derive(Default, Deserialize)]
#[serde(default)]
struct ReasonForm {
    reason: String,
}

/// A case note, with how the people around her responded.
#[derive(Default, Deserialize)]
#[serde(default)]
struct NoteForm {
    kind: String,
    text: String,
    language: String,
    response: String,
    response_text: String,
}

/// A person's translation of a note.
#[derive(Default, Deserialize)]
#[serde(default)]
struct TranslationForm {
    language: String,
    text: String,
    translator: String,
}

/// Linking her own account to the case.
#[derive(Default, Deserialize)]
#[serde(default)]
struct SurvivorForm {
    user: String,
}

/// A follow-up's outcome, in her words.
#[derive(Default, Deserialize)]
#[serde(default)]
struct FollowUpForm {
    outcome: String,
    her_words: String,
}

/// Starting her repatriation.
#[derive(Default, Deserialize)]
#[serde(default)]
struct RepatriationForm {
    route: String,
    started_on: String,
}

/// One step of her repatriation done.
#[derive(Default, Deserialize)]
#[serde(default)]
struct StepForm {
    done_on: String,
    her_preference: String,
}

pub async fn record_voice(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    data: FormData,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let case = ctx.case(&state, &id, Action::RecordVoice).await?;
    let input = VoiceInput::from(data.read::<VoiceForm>()?);
    let result = casework::record_voice(
        &state.store,
        &ctx.acting(&actor, state.clock.now()),
        &case,
        &input,
    )
    .await
    .map_err(AppError::from);
    settle(
        &state,
        &ctx,
        &actor,
        &case,
        result,
        Section::Words,
        "voice",
        &data,
        |form| Shown {
            voice_form: Some(form),
            ..Shown::default()
        },
    )
    .await
}

pub async fn change_stage(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    data: FormData,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let case = ctx.case(&state, &id, Action::ViewCaseSummary).await?;
    let form: StageForm = data.read()?;
    let Ok(version) = form.version.parse::<i64>() else {
        return Err(AppError::Malformed("the form has no version".into()));
    };
    let result = casework::change_stage(
        &state.store,
        &ctx.acting(&actor, state.clock.now()),
        &case,
        version,
        &form.stage,
        &form.reason,
    )
    .await
    .map_err(AppError::from);
    let t = ctx.tr(&state.i18n);
    let (status, shown) = match result {
        Ok(_) => return Ok(saved_at(&case, Section::Summary, "stage")),
        Err(AppError::Invalid(errors)) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            Shown {
                stage_form: Some(FormView::from_data(&data).with_errors(&t, &errors)),
                problem: Some(t.get("problem-invalid-detail")),
                ..Shown::default()
            },
        ),
        // Someone moved the case meanwhile: show where it is now, keep her reason.
        Err(AppError::PreconditionFailed { .. }) => (
            StatusCode::CONFLICT,
            Shown {
                stage_form: Some(FormView::from_data(&data)),
                problem: Some(t.get("case-conflict")),
                ..Shown::default()
            },
        ),
        Err(other) => return Err(other),
    };
    reshow(&state, &ctx, &actor, &case, Section::Summary, status, shown).await
}

#[derive(Template)]
#[template(path = "identity.html")]
struct IdentityTemplate<'a> {
    page: Page<'a>,
    name: String,
    family: String,
    address: String,
    back: String,
}

pub async fn identity(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let case = ctx.case(&state, &id, Action::OpenIdentity).await?;
    let identity =
        casework::open_identity(&state.store, &ctx.acting(&actor, state.clock.now()), &case)
            .await?;
    let t = ctx.tr(&state.i18n);
    let title = t.with("identity-title", "code", case.code.as_str());
    let page = Page::titled(&state, &ctx, "/cases", title).notice(Some("identity-recorded"));
    render(&IdentityTemplate {
        page,
        name: identity.name,
        family: identity.family,
        address: identity.address,
        back: format!("/cases/{}", case.id),
    })
}

pub async fn log_decision(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    data: FormData,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let case = ctx.case(&state, &id, Action::LogDecision).await?;
    let form: DecisionForm = data.read()?;
    let input = DecisionInput {
        topic: form.topic,
        what: form.what,
        decided_by: form.decided_by,
        options: form.options.lines().map(str::to_string).collect(),
        her_choice: form.her_choice,
        participation: form.participation,
        her_view: form.her_view,
        absent_reason: form.absent_reason,
    };
    let result = casework::log_decision(
        &state.store,
        &ctx.acting(&actor, state.clock.now()),
        &case,
        &input,
    )
    .await
    .map_err(AppError::from);
    settle(
        &state,
        &ctx,
        &actor,
        &case,
        result,
        Section::Decisions,
        "decision",
        &data,
        |form| Shown {
            decision_form: Some(form),
            ..Shown::default()
        },
    )
    .await
}

pub async fn record_consent(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    data: FormData,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let case = ctx.case(&state, &id, Action::ManageConsent).await?;
    let form: ConsentForm = data.read()?;
    let input = ConsentInput {
        purpose: form.purpose,
        section: form.section,
        organisation: form.organisation,
        explained_how: form.explained_how,
        explained_in: form.explained_in,
        explained_by: form.explained_by,
        expires_on: form.expires_on,
    };
    let result = casework::record_consent(
        &state.store,
        &ctx.acting(&actor, state.clock.now()),
        &case,
        &input,
    )
    .await
    .map_err(AppError::from);
    settle(
        &state,
        &ctx,
        &actor,
        &case,
        result,
        Section::Consents,
        "consent",
        &data,
        |form| Shown {
            consent_form: Some(form),
            ..Shown::default()
        },
    )
    .await
}

pub async fn revoke_consent(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, consent)): Path<(String, String)>,
    data: FormData,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let case = ctx.case(&state, &id, Action::ManageConsent).await?;
    let form: ReasonForm = data.read()?;
    match casework::revoke_consent(
        &state.store,
        &ctx.acting(&actor, state.clock.now()),
        &case,
        crate::path::id(&consent)?,
        &form.reason,
    )
    .await
    .map_err(AppError::from)
    {
        Ok(()) => Ok(saved_at(&case, Section::Consents, "revoked")),
        Err(AppError::Invalid(errors)) => {
            let t = ctx.tr(&state.i18n);
            let message = errors
                .first()
                .map(|e| t.get(e.message_id))
                .unwrap_or_default();
            let shown = Shown {
                problem: Some(message),
                ..Shown::default()
            };
            reshow(
                &state,
                &ctx,
                &actor,
                &case,
                Section::Consents,
                StatusCode::UNPROCESSABLE_ENTITY,
                shown,
            )
            .await
        }
        Err(other) => Err(other),
    }
}

pub async fn write_note(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    data: FormData,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let case = ctx.case(&state, &id, Action::ViewCaseSummary).await?;
    let form: NoteForm = data.read()?;
    let input = casework::NoteInput {
        kind: form.kind,
        text: form.text,
        language: form.language,
        response: form.response,
        response_text: form.response_text,
    };
    let result = casework::write_note(
        &state.store,
        &ctx.acting(&actor, state.clock.now()),
        &case,
        &input,
    )
    .await
    .map_err(AppError::from);
    settle(
        &state,
        &ctx,
        &actor,
        &case,
        result,
        Section::Notes,
        "note",
        &data,
        |form| Shown {
            note_form: Some(form),
            ..Shown::default()
        },
    )
    .await
}

pub async fn translate_note(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, note)): Path<(String, String)>,
    data: FormData,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let case = ctx.case(&state, &id, Action::ViewCaseSummary).await?;
    if casework::note_kinds(&actor, &case, true).is_empty() {
        return Err(AppError::Forbidden(
            domain::policy::DenyReason::RoleNotAllowed,
        ));
    }
    let form: TranslationForm = data.read()?;
    let input = casework::TranslationInput {
        language: form.language,
        text: form.text,
        translator: form.translator,
    };
    let result = casework::translate_note(
        &state.store,
        &ctx.acting(&actor, state.clock.now()),
        &case,
        &note,
        &input,
    )
    .await
    .map_err(AppError::from);
    match result {
        Ok(t) => Ok(see_other(&format!(
            "/cases/{}/notes?saved=translation#note-{}",
            case.id, t.note_id
        ))),
        Err(AppError::Invalid(errors)) => {
            let t = ctx.tr(&state.i18n);
            let id: uuid::Uuid = note.parse().map_err(|_| AppError::NotFound)?;
            let shown = Shown {
                translation: Some((id, FormView::from_data(&data).with_errors(&t, &errors))),
                problem: Some(t.get("problem-invalid-detail")),
                ..Shown::default()
            };
            reshow(
                &state,
                &ctx,
                &actor,
                &case,
                Section::Notes,
                StatusCode::UNPROCESSABLE_ENTITY,
                shown,
            )
            .await
        }
        Err(other) => Err(other),
    }
}

pub async fn add_document(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    multipart: axum::extract::Multipart,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let case = ctx.case(&state, &id, Action::ViewCase).await?;
    let result = match crate::upload::read(multipart).await {
        Ok((section, name, bytes)) => casework::add_document(
            &state.store,
            &ctx.acting(&actor, state.clock.now()),
            &case,
            &section,
            &name,
            &bytes,
        )
        .await
        .map_err(AppError::from),
        Err(e) => Err(e),
    };
    let t = ctx.tr(&state.i18n);
    let problem = match result {
        Ok(_) => return Ok(saved_at(&case, Section::Documents, "document")),
        Err(AppError::TooLarge) => (StatusCode::PAYLOAD_TOO_LARGE, t.get("error-file-too-large")),
        Err(AppError::Invalid(errors)) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            errors
                .first()
                .map(|e| t.get(e.message_id))
                .unwrap_or_default(),
        ),
        Err(other) => return Err(other),
    };
    let shown = Shown {
        document_error: Some(problem.1),
        ..Shown::default()
    };
    reshow(
        &state,
        &ctx,
        &actor,
        &case,
        Section::Documents,
        problem.0,
        shown,
    )
    .await
}

pub async fn correct_voice(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, entry)): Path<(String, String)>,
    data: FormData,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let case = ctx.case(&state, &id, Action::RecordVoice).await?;
    let entry: domain::VoiceId = entry.parse().map_err(|_| AppError::NotFound)?;
    let form: VoiceForm = data.read()?;
    let Ok(version) = form.version.parse::<i64>() else {
        return Err(AppError::Malformed("the form has no version".into()));
    };
    let input = VoiceInput::from(form);
    let result = casework::correct_voice(
        &state.store,
        &ctx.acting(&actor, state.clock.now()),
        &case,
        entry,
        version,
        &input,
    )
    .await
    .map_err(AppError::from);
    let t = ctx.tr(&state.i18n);
    let (status, form, problem) = match result {
        Ok(_) => return Ok(saved_at(&case, Section::Words, "voice")),
        Err(AppError::Invalid(errors)) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            FormView::from_data(&data).with_errors(&t, &errors),
            Some(t.get("problem-invalid-detail")),
        ),
        // Someone corrected it first: the entry shows their words, her correction stays in the form.
        Err(AppError::PreconditionFailed { .. }) => (
            StatusCode::CONFLICT,
            FormView::from_data(&data),
            Some(t.get("voice-conflict")),
        ),
        Err(other) => return Err(other),
    };
    let shown = Shown {
        correction: Some((entry, form)),
        problem,
        ..Shown::default()
    };
    reshow(&state, &ctx, &actor, &case, Section::Words, status, shown).await
}

pub async fn link_survivor(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    data: FormData,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let case = ctx.case(&state, &id, Action::LinkSurvivor).await?;
    let form: SurvivorForm = data.read()?;
    match casework::link_survivor(
        &state.store,
        &ctx.acting(&actor, state.clock.now()),
        &case,
        &form.user,
    )
    .await
    .map_err(AppError::from)
    {
        Ok(_) => Ok(saved_at(&case, Section::Summary, "linked")),
        Err(AppError::Invalid(errors)) => {
            let t = ctx.tr(&state.i18n);
            let shown = Shown {
                problem: errors.first().map(|e| t.get(e.message_id)),
                ..Shown::default()
            };
            reshow(
                &state,
                &ctx,
                &actor,
                &case,
                Section::Summary,
                StatusCode::UNPROCESSABLE_ENTITY,
                shown,
            )
            .await
        }
        Err(other) => Err(other),
    }
}

pub async fn record_followup(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, fid)): Path<(String, String)>,
    data: FormData,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let case = ctx.case(&state, &id, Action::RecordVoice).await?;
    let form: FollowUpForm = data.read()?;
    let input = app::handovers::FollowUpInput {
        outcome: form.outcome,
        her_words: form.her_words,
    };
    let result = app::handovers::record_followup(
        &state.store,
        &ctx.acting(&actor, state.clock.now()),
        &case,
        &fid,
        &input,
    )
    .await
    .map(|_| ())
    .map_err(AppError::from);
    after(
        &state,
        &ctx,
        &actor,
        &case,
        result,
        Section::Journey,
        "followup",
    )
    .await
}

pub async fn start_repatriation(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    data: FormData,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let case = ctx.case(&state, &id, Action::Repatriate).await?;
    let form: RepatriationForm = data.read()?;
    let result = app::handovers::repatriate(
        &state.store,
        &ctx.acting(&actor, state.clock.now()),
        &case,
        &form.route,
        &form.started_on,
    )
    .await
    .map_err(AppError::from);
    after(
        &state,
        &ctx,
        &actor,
        &case,
        result,
        Section::Repatriation,
        "repatriation",
    )
    .await
}

pub async fn record_step(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, seq)): Path<(String, i64)>,
    data: FormData,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let case = ctx.case(&state, &id, Action::Repatriate).await?;
    let form: StepForm = data.read()?;
    let result = app::handovers::record_step(
        &state.store,
        &ctx.acting(&actor, state.clock.now()),
        &case,
        seq,
        &form.done_on,
        &form.her_preference,
    )
    .await
    .map_err(AppError::from);
    after(
        &state,
        &ctx,
        &actor,
        &case,
        result,
        Section::Repatriation,
        "repatriation",
    )
    .await
}

/// The terms of her stay, recorded with her: who set how long she stays, and the date she
/// wants to leave (blank when she has none).
#[derive(Default, Deserialize)]
#[serde(default)]
struct StayForm {
    length_set_by: String,
    wants_to_leave_on: String,
}

pub async fn record_stay(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    data: FormData,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let case = ctx.case(&state, &id, Action::ViewCaseSummary).await?;
    let form: StayForm = data.read()?;
    let input = casework::StayInput {
        length_set_by: form.length_set_by,
        wants_to_leave_on: form.wants_to_leave_on,
    };
    let result = casework::record_stay(
        &state.store,
        &ctx.acting(&actor, state.clock.now()),
        &case,
        &input,
    )
    .await
    .map_err(AppError::from);
    settle(
        &state,
        &ctx,
        &actor,
        &case,
        result,
        Section::Journey,
        "stay",
        &data,
        |form| Shown {
            stay_form: Some(form),
            ..Shown::default()
        },
    )
    .await
}
