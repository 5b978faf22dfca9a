//! `/api/v1/cases/{id}/…`: Case notes and their translations.

use super::*;

pub fn note_json(n: &domain::note::Note) -> NoteJson {
    NoteJson {
        id: n.id.to_string(),
        kind: n.kind.as_str(),
        text: n.text.clone(),
        language: n.language.code(),
        response: n.response.as_ref().map(|r| r.0.as_str()),
        response_text: n.response.as_ref().map(|r| r.1.clone()),
        written_by: n.written_by.to_string(),
        written_at: n.written_at.to_rfc3339(),
        translations: None,
    }
}

/// The notes she may read (psychosocial ones for counsellors only), newest first.
#[utoipa::path(get, path = "/api/v1/cases/{id}/notes", tag = "cases",
    summary = "The notes the caller may read (psychosocial ones for counsellors only), newest first, each with its translations.",
    params(("id" = String, Path, description = "The case.")),
    responses((status = 200, description = "The notes.", body = NoteList),
        Unauthorized, Forbidden, NotFound))]
pub async fn notes(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Json<NoteList>, AppError> {
    let actor = ctx.actor()?;
    let case = ctx.case(&state, &id, Action::ViewCaseSummary).await?;
    let kinds = casework::note_kinds(&actor, &case, false);
    if kinds.is_empty() {
        return Err(AppError::Forbidden(
            domain::policy::DenyReason::RoleNotAllowed,
        ));
    }
    let seen = ctx.sight(&state, &case).await?;
    let notes = state.store.notes_of(case.id, &kinds, &seen).await?;
    let translations = state.store.translations_of(case.id, &ctx.scope()?).await?;
    casework::audit_read(&state.store, &ctx.acting(&actor, state.clock.now()), &case).await?;
    let notes = notes
        .iter()
        .map(|n| NoteJson {
            translations: Some(
                translations
                    .iter()
                    .filter(|t| t.note_id == n.id)
                    .map(translation_json)
                    .collect(),
            ),
            ..note_json(n)
        })
        .collect();
    Ok(Json(NoteList { notes }))
}

pub fn translation_json(t: &domain::note::NoteTranslation) -> TranslationJson {
    TranslationJson {
        id: t.id.to_string(),
        note: t.note_id.to_string(),
        language: t.language.code(),
        text: t.text.clone(),
        translator: t.translator.clone(),
        added_by: t.added_by.to_string(),
        added_at: t.added_at.to_rfc3339(),
    }
}

/// `POST …/notes/{nid}/translations`: a person's translation, kept beside the note.
#[utoipa::path(post, path = "/api/v1/cases/{id}/notes/{nid}/translations", tag = "cases",
    summary = "Add a person's translation of a note, kept beside it.",
    params(("id" = String, Path, description = "The case."),
        ("nid" = String, Path, description = "The note.")),
    request_body = TranslationBody,
    responses((status = 201, description = "Added.", body = TranslationJson),
        Malformed, Unauthorized, Forbidden, NotFound, BodyTooLarge, Invalid))]
pub async fn translate_note(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, note)): Path<(String, String)>,
    ApiJson(body): ApiJson<TranslationBody>,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let case = ctx.case(&state, &id, Action::ViewCaseSummary).await?;
    if casework::note_kinds(&actor, &case, true).is_empty() {
        return Err(AppError::Forbidden(
            domain::policy::DenyReason::RoleNotAllowed,
        ));
    }
    let t = casework::translate_note(
        &state.store,
        &ctx.acting(&actor, state.clock.now()),
        &case,
        &note,
        &body.into(),
    )
    .await?;
    Ok((StatusCode::CREATED, Json(translation_json(&t))).into_response())
}

#[utoipa::path(post, path = "/api/v1/cases/{id}/notes", tag = "cases",
    summary = "Write a note: case, psychosocial (counsellors), daily or incident (with how staff answered).",
    params(("id" = String, Path, description = "The case.")),
    request_body = NoteBody,
    responses((status = 201, description = "Written.", body = NoteJson),
        Malformed, Unauthorized, ForbiddenOrGated, NotFound, BodyTooLarge, Invalid))]
pub async fn write_note(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<NoteBody>,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let case = ctx.case(&state, &id, Action::ViewCaseSummary).await?;
    if casework::note_kinds(&actor, &case, true).is_empty() {
        return Err(AppError::Forbidden(
            domain::policy::DenyReason::RoleNotAllowed,
        ));
    }
    let note = casework::write_note(
        &state.store,
        &ctx.acting(&actor, state.clock.now()),
        &case,
        &body.into(),
    )
    .await?;
    Ok((StatusCode::CREATED, Json(note_json(&note))).into_response())
}
