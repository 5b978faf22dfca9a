//! Handovers as pages: the lists of incoming and outgoing ones, one handover with its
//! completeness report and the next step for whoever may take it, and starting one from a case.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use domain::handover::{Handover, HandoverState};
use domain::policy::{Action, Actor, Resource};

use serde::Deserialize;

use super::{Choice, FormData, FormView, Page, Tr, render, render_with_status, see_other};
use crate::{AppError, AppState, Ctx};
use app::{casework, handovers};

pub struct Row {
    pub href: String,
    pub code: String,
    pub other: String,
    pub state: String,
    pub when: String,
    pub overdue: bool,
}

#[derive(Template)]
#[template(path = "handovers.html")]
struct ListTemplate<'a> {
    page: Page<'a>,
    incoming: Vec<Row>,
    outgoing: Vec<Row>,
    /// Whether she may import a package for her organisation.
    can_import: bool,
    /// Why the last import was refused, in her language.
    import_error: Option<String>,
}

/// Handovers sent more than `days` ago and not yet acknowledged.
pub fn overdue(h: &Handover, now: domain::Timestamp, days: i64) -> bool {
    h.state == HandoverState::Sent
        && h.sent_at
            .is_some_and(|at| now.millis() - at.millis() > days * 86_400_000)
}

async fn rows(
    state: &AppState,
    t: &Tr<'_>,
    list: &[Handover],
    incoming: bool,
    scope: &domain::scope::CaseScope,
) -> Result<Vec<Row>, AppError> {
    let now = state.clock.now();
    let mut rows = Vec::new();
    for h in list {
        let other = state
            .store
            .organisation(if incoming { h.from_org } else { h.to_org })
            .await?;
        let code = state
            .store
            .case(h.case_id, scope)
            .await?
            .map(|c| c.code.to_string())
            .unwrap_or_default();
        rows.push(Row {
            href: format!("/handovers/{}", h.id),
            code,
            other: other.map(|o| o.fields.name.to_string()).unwrap_or_default(),
            state: t.get(&h.state.message_id()),
            when: t.datetime(&h.sent_at.unwrap_or(h.created_at)),
            overdue: overdue(h, now, state.config.acknowledge_days),
        });
    }
    Ok(rows)
}

pub async fn list(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    render(&list_page(&state, &ctx, None).await?)
}

async fn list_page<'a>(
    state: &'a AppState,
    ctx: &'a Ctx,
    import_error: Option<String>,
) -> Result<ListTemplate<'a>, AppError> {
    let actor = ctx.authorize(
        Action::ViewHandovers,
        Resource::Organisation(ctx.actor()?.org_id),
    )?;
    let page = Page::new(state, ctx, "/handovers", "handovers-title");
    let t = page.t;
    let incoming = state.store.handovers_of(actor.org_id, true).await?;
    let outgoing = state.store.handovers_of(actor.org_id, false).await?;
    let scope = domain::scope::CaseScope::of(&actor);
    let incoming = rows(state, &t, &incoming, true, &scope).await?;
    let outgoing = rows(state, &t, &outgoing, false, &scope).await?;
    let can_import = app::policy::allows(
        &actor,
        Action::ReceiveHandover,
        &Resource::Organisation(actor.org_id),
    );
    Ok(ListTemplate {
        page,
        incoming,
        outgoing,
        can_import,
        import_error,
    })
}

/// Imports a package uploaded by someone who receives handovers for her organisation; on
/// success, the handover it brought (or answered). Refused: the list again, saying why.
pub async fn import(
    State(state): State<AppState>,
    ctx: Ctx,
    multipart: axum::extract::Multipart,
) -> Result<Response, AppError> {
    let origin = crate::api::organisations::origin(&state, &ctx)?;
    let org = ctx.actor()?.org_id;
    // Refused before the body is read.
    ctx.authorize(Action::ReceiveHandover, Resource::Organisation(org))?;
    let result = match crate::upload::read(multipart).await {
        Ok((_, _, bytes)) if bytes.is_empty() => Err(AppError::Invalid(vec![crate::FieldError {
            field: "package".into(),
            message_id: "package-error-no-file",
            english: "choose the package file".into(),
        }])),
        Ok((_, _, bytes)) => app::package::import(&state.store, &origin, &bytes, Some(org))
            .await
            .map_err(AppError::from),
        Err(e) => Err(e),
    };
    let t = ctx.tr(&state.i18n);
    let (status, message) = match result {
        Ok(done) => return Ok(see_other(&format!("/handovers/{}", done.handover_id))),
        Err(AppError::TooLarge) => (StatusCode::PAYLOAD_TOO_LARGE, t.get("error-file-too-large")),
        // A record of the package is already here: said on the page, as any other refusal.
        Err(AppError::Duplicate(id)) => (StatusCode::CONFLICT, t.get(id)),
        Err(AppError::Invalid(errors)) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            errors
                .iter()
                .map(|e| t.problem(e))
                .collect::<Vec<_>>()
                .join(" "),
        ),
        Err(other) => return Err(other),
    };
    render_with_status(status, &list_page(&state, &ctx, Some(message)).await?)
}

/// A gap as the page shows it: what is missing, how to close it, and where.
pub struct GapView {
    pub message: String,
    pub fix: String,
    pub href: String,
}

#[derive(Template)]
#[template(path = "handover.html")]
struct ShowTemplate<'a> {
    page: Page<'a>,
    base: String,
    facts: Vec<(String, String)>,
    gaps: Vec<GapView>,
    /// Nothing travels with this draft: said in one sentence before it can be sent.
    nothing_travels: bool,
    gaps_reason: String,
    score: String,
    jargon: Vec<(String, String)>,
    can_send: bool,
    can_receive: bool,
    state: &'static str,
    form: FormView,
    /// A download of the package for the other side, when it is on another server.
    package: Option<(String, String)>,
    /// Her record as this reader's organisation holds it: for the receiver from the moment the
    /// handover is sent, read-only, exactly what travels.
    record: Option<(String, String)>,
}

async fn show_page<'a>(
    state: &'a AppState,
    ctx: &'a Ctx,
    actor: &Actor,
    h: &Handover,
    case: &domain::Case,
    form: FormView,
) -> Result<ShowTemplate<'a>, AppError> {
    let t = ctx.tr(&state.i18n);
    let page = Page::titled(
        state,
        ctx,
        "/handovers",
        t.with("handover-title", "code", case.code.as_str()),
    );
    let name = |org| async move {
        state
            .store
            .organisation(org)
            .await
            .map(|o| o.map(|o| o.fields.name.to_string()).unwrap_or_default())
    };
    let date =
        |at: Option<domain::Timestamp>| at.map(|a| t.datetime(&a)).unwrap_or_else(|| "—".into());
    let facts = vec![
        (t.get("handover-from"), name(h.from_org).await?),
        (t.get("handover-to"), name(h.to_org).await?),
        (t.get("handover-state"), t.get(&h.state.message_id())),
        (t.get("handover-reason"), h.reason.clone()),
        (
            t.get("handover-sections"),
            h.sections
                .iter()
                .map(|s| t.get(s.message_id()))
                .collect::<Vec<_>>()
                .join(", "),
        ),
        (t.get("handover-sent-at"), date(h.sent_at)),
        (t.get("handover-acknowledged-at"), date(h.acknowledged_at)),
        (t.get("handover-decided-at"), date(h.decided_at)),
    ];
    let sender_live = h.sent_at.is_none()
        && h.from_org == actor.org_id
        && casework::allowed(actor, Action::ViewCase, case);
    let gap_view = |g: &domain::handover::Gap| GapView {
        message: t.get(&g.message_id()),
        fix: t.get(&g.fix_message_id()),
        href: format!("/cases/{}/{}", case.id, g.fix_page()),
    };
    let number = |n: usize| i18n::format_number(ctx.lang, n as i64);
    // "3 of 5 items are here", in her digits: a count, not a score out of 100.
    let items = |present: usize, checked: usize| {
        state.i18n.text_with(
            ctx.lang,
            "handover-present",
            &[
                ("present", i18n::Arg::Text(number(present))),
                ("checked", i18n::Arg::Text(number(checked))),
            ],
        )
    };
    let (gaps, score, jargon, nothing_travels) = if sender_live {
        let (report, glossary) =
            handovers::report(state, &ctx.acting(actor, state.clock.now()), case, h).await?;
        (
            report.gaps.iter().map(gap_view).collect(),
            items(report.present(), report.checked),
            report
                .jargon
                .iter()
                .map(|j| {
                    (
                        j.found.clone(),
                        glossary.explanation(j.term, ctx.lang).to_string(),
                    )
                })
                .collect(),
            report.nothing_travels,
        )
    } else {
        (
            h.gaps.iter().map(gap_view).collect(),
            match h.items_when_sent() {
                Some((present, checked)) => items(present, checked),
                None if h.gaps.is_empty() => t.get("handover-all-present"),
                None => t.with(
                    "handover-score",
                    "score",
                    &i18n::format_number(ctx.lang, h.score.unwrap_or(0)),
                ),
            },
            Vec::new(),
            false,
        )
    };
    let receiver = app::policy::allows(
        actor,
        Action::ReceiveHandover,
        &Resource::Organisation(h.to_org),
    );
    let remote = |org| async move {
        state
            .store
            .org_keys(org)
            .await
            .map(|k| k.is_some_and(|k| k.secrets.is_none()))
    };
    let package = if h.state == HandoverState::Sent
        && handovers::may_send(actor, h, case)
        && remote(h.to_org).await?
    {
        Some(t.get("package-download"))
    } else if matches!(
        h.state,
        HandoverState::Acknowledged | HandoverState::Accepted | HandoverState::Declined
    ) && receiver
        && remote(h.from_org).await?
    {
        Some(t.get("package-download-answer"))
    } else {
        None
    }
    .map(|label| (format!("/handovers/{}/package", h.id), label));
    Ok(ShowTemplate {
        base: format!("/handovers/{}", h.id),
        facts,
        gaps,
        nothing_travels,
        gaps_reason: h.gaps_reason.clone(),
        score,
        jargon,
        can_send: h.state == HandoverState::Draft && handovers::may_send(actor, h, case),
        can_receive: receiver,
        state: h.state.as_str(),
        form,
        package,
        record: casework::allowed(actor, Action::ViewCase, case).then(|| {
            (
                format!("/cases/{}", case.id),
                t.get(
                    if h.to_org == actor.org_id && h.state != HandoverState::Accepted {
                        "handover-read-what-travels"
                    } else {
                        "handover-open-case"
                    },
                ),
            )
        }),
        page,
    })
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let (h, case) = ctx.handover(&state, &id).await?;
    render(&show_page(&state, &ctx, &actor, &h, &case, FormView::default()).await?)
}

/// Starting a handover: to whom, why, and which sections of her record travel (a checkbox
/// each).
#[derive(Default, Deserialize)]
#[serde(default)]
struct StartForm {
    to: String,
    reason: String,
    sections: Vec<String>,
}

/// A step of a handover: why sections she did not consent to stay behind (sending), or why
/// it is declined.
#[derive(Default, Deserialize)]
#[serde(default)]
struct StepForm {
    gaps_reason: String,
    reason: String,
}

pub async fn start(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    data: FormData,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let case = ctx.case(&state, &id, Action::ViewCaseSummary).await?;
    // The custodian hands her over; an organisation that held her before shares what it holds.
    if !casework::allowed(&actor, Action::ShareSection, &case) {
        casework::check(&actor, Action::StartHandover, &case)?;
    }
    let form: StartForm = data.read()?;
    let started = handovers::start(
        &state.store,
        &ctx.acting(&actor, state.clock.now()),
        &case,
        &form.to,
        &form.reason,
        &form.sections,
    )
    .await;
    match started {
        Ok(h) => Ok(see_other(&format!("/handovers/{}", h.id))),
        // Refused: the case page again, saying why (which consent is missing).
        Err(e) => {
            super::cases::after(
                &state,
                &ctx,
                &actor,
                &case,
                Err(e.into()),
                super::cases::Section::Handovers,
                "",
            )
            .await
        }
    }
}

pub async fn step(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, action)): Path<(String, String)>,
    data: FormData,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let (h, case) = ctx.handover(&state, &id).await?;
    let (store, acting) = (&state.store, ctx.acting(&actor, state.clock.now()));
    let form: StepForm = data.read()?;
    let result = match action.as_str() {
        "send" => handovers::send(&state, &acting, &h, &case, &form.gaps_reason).await,
        "acknowledge" => handovers::acknowledge(store, &acting, &h).await,
        "accept" => handovers::accept(store, &acting, &h).await,
        "decline" => handovers::decline(store, &acting, &h, &form.reason).await,
        "cancel" => handovers::cancel(store, &acting, &h, &case).await,
        _ => return Err(AppError::NotFound),
    }
    .map_err(AppError::from);
    match result {
        Ok(_) => Ok(see_other(&format!("/handovers/{}", h.id))),
        Err(AppError::Invalid(errors)) => {
            let t = ctx.tr(&state.i18n);
            let form = FormView::from_data(&data).with_errors(&t, &errors);
            render_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &show_page(&state, &ctx, &actor, &h, &case, form).await?,
            )
        }
        Err(other) => Err(other),
    }
}

/// Where `actor` may send the case: from the custodian, anywhere else; from an organisation
/// that held her before, only to the custodian (sharing what it still holds).
pub async fn destinations(
    state: &AppState,
    actor: &Actor,
    case: &domain::Case,
) -> Result<Vec<Choice>, AppError> {
    let sharing = case.custodian != actor.org_id;
    let mut organisations = state.store.organisations().await?;
    // Those in the district or country where she was identified first, then the others.
    organisations.sort_by_key(|o| domain::handover::nearness(&case.intake.place, &o.fields));
    Ok(organisations
        .iter()
        .filter(|o| (o.id == case.custodian) == sharing)
        .map(|o| Choice {
            value: o.id.to_string(),
            label: o.fields.name.to_string(),
        })
        .collect())
}
