//! What the case page's forms change: her words, the journey, decisions, consents, notes,
//! documents, follow-ups and repatriation. Each calls its service and comes back to the page.

use super::*;

pub async fn record_voice(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    data: FormData,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let case = ctx.case(&state, &id, Action::RecordVoice).await?;
    let input = VoiceInput {
        kind: data.get("kind"),
        text: data.get("text"),
        language: data.get("language"),
        spoken_on: Some(data.get("spoken_on")),
        read_back: data.has("read_back"),
    };
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
    let Ok(version) = data.get("version").parse::<i64>() else {
        return Err(AppError::Malformed("the form has no version".into()));
    };
    let result = casework::change_stage(
        &state.store,
        &ctx.acting(&actor, state.clock.now()),
        &case,
        version,
        &data.get("stage"),
        &data.get("reason"),
    )
    .await
    .map_err(AppError::from);
    let t = Tr {
        i18n: &state.i18n,
        lang: ctx.lang,
    };
    match result {
        Ok(_) => Ok(see_other(&format!("/cases/{}?notice=stage", case.id))),
        Err(AppError::Invalid(errors)) => {
            let form = FormView::from_data(&data).with_errors(&t, &errors);
            let shown = Shown {
                stage_form: Some(form),
                ..Shown::default()
            };
            render_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &case_page(&state, &ctx, &actor, &case, shown).await?,
            )
        }
        Err(AppError::PreconditionFailed { .. }) => {
            // Someone moved the case meanwhile: show where it is now, keep her reason.
            let form = FormView::from_data(&data);
            let shown = Shown {
                stage_form: Some(form),
                notice: Some(t.get("case-conflict")),
                ..Shown::default()
            };
            render_with_status(
                StatusCode::CONFLICT,
                &case_page(&state, &ctx, &actor, &case, shown).await?,
            )
        }
        Err(other) => Err(other),
    }
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
    let t = Tr {
        i18n: &state.i18n,
        lang: ctx.lang,
    };
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
    let input = DecisionInput {
        topic: data.get("topic"),
        what: data.get("what"),
        decided_by: data.get("decided_by"),
        options: data.get("options").lines().map(str::to_string).collect(),
        her_choice: data.get("her_choice"),
        participation: data.get("participation"),
        her_view: data.get("her_view"),
        absent_reason: data.get("absent_reason"),
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
    let input = ConsentInput {
        purpose: data.get("purpose"),
        section: data.get("section"),
        organisation: data.get("organisation"),
        explained_how: data.get("explained_how"),
        explained_in: data.get("explained_in"),
        explained_by: data.get("explained_by"),
        expires_on: data.get("expires_on"),
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
    match casework::revoke_consent(
        &state.store,
        &ctx.acting(&actor, state.clock.now()),
        &case,
        &consent,
        &data.get("reason"),
    )
    .await
    .map_err(AppError::from)
    {
        Ok(()) => Ok(see_other(&format!("/cases/{}?notice=revoked", case.id))),
        Err(AppError::Invalid(errors)) => {
            let t = Tr {
                i18n: &state.i18n,
                lang: ctx.lang,
            };
            let message = errors
                .first()
                .map(|e| t.get(e.message_id))
                .unwrap_or_default();
            let shown = Shown {
                notice: Some(message),
                ..Shown::default()
            };
            render_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &case_page(&state, &ctx, &actor, &case, shown).await?,
            )
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
    let input = casework::NoteInput {
        kind: data.get("kind"),
        text: data.get("text"),
        language: data.get("language"),
        response: data.get("response"),
        response_text: data.get("response_text"),
    };
    let result = casework::write_note(
        &state.store,
        &ctx.acting(&actor, state.clock.now()),
        &case,
        &input,
    )
    .await
    .map_err(AppError::from);
    settle(&state, &ctx, &actor, &case, result, "note", &data, |form| {
        Shown {
            note_form: Some(form),
            ..Shown::default()
        }
    })
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
    let input = casework::TranslationInput {
        language: data.get("language"),
        text: data.get("text"),
        translator: data.get("translator"),
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
            "/cases/{}?notice=translation#note-{}",
            case.id, t.note_id
        ))),
        Err(AppError::Invalid(errors)) => {
            let t = Tr {
                i18n: &state.i18n,
                lang: ctx.lang,
            };
            let id: uuid::Uuid = note.parse().map_err(|_| AppError::NotFound)?;
            let shown = Shown {
                translation: Some((id, FormView::from_data(&data).with_errors(&t, &errors))),
                ..Shown::default()
            };
            render_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &case_page(&state, &ctx, &actor, &case, shown).await?,
            )
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
    let t = Tr {
        i18n: &state.i18n,
        lang: ctx.lang,
    };
    let problem = match result {
        Ok(_) => return Ok(see_other(&format!("/cases/{}?notice=document", case.id))),
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
    render_with_status(
        problem.0,
        &case_page(&state, &ctx, &actor, &case, shown).await?,
    )
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
    let Ok(version) = data.get("version").parse::<i64>() else {
        return Err(AppError::Malformed("the form has no version".into()));
    };
    let input = VoiceInput {
        kind: data.get("kind"),
        text: data.get("text"),
        language: data.get("language"),
        spoken_on: Some(data.get("spoken_on")),
        read_back: data.has("read_back"),
    };
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
    let t = Tr {
        i18n: &state.i18n,
        lang: ctx.lang,
    };
    let (status, form, notice) = match result {
        Ok(_) => return Ok(see_other(&format!("/cases/{}?notice=voice", case.id))),
        Err(AppError::Invalid(errors)) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            FormView::from_data(&data).with_errors(&t, &errors),
            None,
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
        notice,
        ..Shown::default()
    };
    render_with_status(
        status,
        &case_page(&state, &ctx, &actor, &case, shown).await?,
    )
}

pub async fn link_survivor(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    data: FormData,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let case = ctx.case(&state, &id, Action::LinkSurvivor).await?;
    match casework::link_survivor(
        &state.store,
        &ctx.acting(&actor, state.clock.now()),
        &case,
        &data.get("user"),
    )
    .await
    .map_err(AppError::from)
    {
        Ok(_) => Ok(see_other(&format!("/cases/{}?notice=linked", case.id))),
        Err(AppError::Invalid(errors)) => {
            let t = Tr {
                i18n: &state.i18n,
                lang: ctx.lang,
            };
            let shown = Shown {
                notice: errors.first().map(|e| t.get(e.message_id)),
                ..Shown::default()
            };
            render_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &case_page(&state, &ctx, &actor, &case, shown).await?,
            )
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
    let input = app::handovers::FollowUpInput {
        outcome: data.get("outcome"),
        her_words: data.get("her_words"),
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
    after(&state, &ctx, &actor, &case, result, "followup").await
}

pub async fn start_repatriation(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    data: FormData,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let case = ctx.case(&state, &id, Action::Repatriate).await?;
    let result = app::handovers::repatriate(
        &state.store,
        &ctx.acting(&actor, state.clock.now()),
        &case,
        &data.get("route"),
        &data.get("started_on"),
    )
    .await
    .map_err(AppError::from);
    after(&state, &ctx, &actor, &case, result, "repatriation").await
}

pub async fn record_step(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, seq)): Path<(String, i64)>,
    data: FormData,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let case = ctx.case(&state, &id, Action::Repatriate).await?;
    let result = app::handovers::record_step(
        &state.store,
        &ctx.acting(&actor, state.clock.now()),
        &case,
        seq,
        &data.get("done_on"),
        &data.get("her_preference"),
    )
    .await
    .map_err(AppError::from);
    after(&state, &ctx, &actor, &case, result, "repatriation").await
}
