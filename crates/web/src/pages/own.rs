//! Her own record, for the survivor it belongs to, in her language: what she has said, her
//! plan, who has read her record; she adds her own words and says whether she agrees with her
//! plan (DESIGN §4, the survivor role).

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use domain::VoiceKind;
use domain::policy::Action;
use store::CaseFilter;

use serde::Deserialize;

use super::{
    Choice, FormData, FormView, Page, language_choices, render, render_with_status, see_other,
};
use crate::{AppError, AppState, Ctx};
use app::casework::{self, ReviewInput, VoiceInput};

pub struct Said {
    pub kind: String,
    pub text: String,
    pub lang: &'static str,
    pub when: String,
}

pub struct Reading {
    pub who: String,
    pub when: String,
    pub what: String,
}

#[derive(Template)]
#[template(path = "own.html")]
struct OwnTemplate<'a> {
    page: Page<'a>,
    base: String,
    said: Vec<Said>,
    goals: Vec<(String, String, String)>,
    readings: Vec<Reading>,
    has_plan: bool,
    form: FormView,
    kinds: Vec<Choice>,
    languages: Vec<Choice>,
    agreements: Vec<Choice>,
}

#[derive(Template)]
#[template(path = "own_none.html")]
struct NoneTemplate<'a> {
    page: Page<'a>,
}

async fn own_page<'a>(
    state: &'a AppState,
    ctx: &'a Ctx,
    case: &domain::Case,
    form: FormView,
) -> Result<OwnTemplate<'a>, AppError> {
    let t = ctx.tr(&state.i18n);
    let page = Page::new(state, ctx, "/my-record", "own-title");
    // Her record as her organisation holds it: the same sight as its staff.
    let seen = ctx.sight(state, case).await?;
    let said = state
        .store
        .voice_of(case.id, &seen)
        .await?
        .iter()
        .map(|e| Said {
            kind: t.get(e.kind.message_id()),
            text: e.text.clone(),
            lang: e.language.code(),
            when: t.day(e.spoken_on),
        })
        .collect();
    let plan = casework::plan_of(&state.store, case, &seen).await?;
    let goals = plan
        .body
        .goals
        .iter()
        .map(|g| {
            (
                t.get(&g.domain.message_id()),
                g.goal.clone(),
                t.get(&g.status.message_id()),
            )
        })
        .collect();
    let readings = casework::readings(
        &state.store,
        &ctx.acting(&ctx.actor()?, state.clock.now()),
        case,
        &ctx.zone,
    )
    .await?
    .iter()
    .filter(|r| !r.roles.contains(&domain::Role::Survivor))
    .map(|r| Reading {
        who: format!(
            "{} ({})",
            r.organisation,
            r.roles
                .iter()
                .map(|role| t.role(role))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        when: t.day(r.day),
        what: t.get(if r.identity {
            "readers-identity"
        } else {
            "readers-record"
        }),
    })
    .collect();
    Ok(OwnTemplate {
        base: format!("/my-record/{}", case.id),
        said,
        goals,
        readings,
        has_plan: plan.version > 0,
        form,
        kinds: VoiceKind::ALL
            .iter()
            .map(|k| Choice {
                value: k.as_str().into(),
                label: t.get(k.message_id()),
            })
            .collect(),
        languages: language_choices(),
        agreements: domain::plan::Agreement::ALL
            .iter()
            .map(|a| Choice {
                value: a.as_str().into(),
                // Said by her: "I agree", not "she agrees".
                label: t.get(&format!("own-{}", a.message_id())),
            })
            .collect(),
        page,
    })
}

/// Her record: the case her account is linked to.
pub async fn show(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let actor = ctx.authorize(Action::UseOwnAccount, domain::policy::Resource::Network)?;
    if !actor.roles.contains(domain::Role::Survivor) {
        return Err(AppError::Forbidden(
            domain::policy::DenyReason::RoleNotAllowed,
        ));
    }
    let mut filter = CaseFilter::of(actor.org_id, state.clock.now());
    filter.survivor = Some(actor.user_id);
    let cases = state.store.find_cases(&filter).await?;
    let Some(case) = cases.first() else {
        return render(&NoneTemplate {
            page: Page::new(&state, &ctx, "/my-record", "own-title"),
        });
    };
    let mut form = FormView::default();
    form.set("language", ctx.lang.code());
    render(&own_page(&state, &ctx, case, form).await?)
}

/// Words she adds to her own record.
#[derive(Default, Deserialize)]
#[serde(default)]
struct WordsForm {
    kind: String,
    text: String,
    language: String,
}

/// Her review of her plan: whether she agrees, and what she says.
#[derive(Default, Deserialize)]
#[serde(default)]
struct ReviewForm {
    agreement: String,
    her_words: String,
}

pub async fn add_words(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    data: FormData,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let case = ctx.own_case(&state, &id).await?;
    let form: WordsForm = data.read()?;
    let input = VoiceInput {
        kind: form.kind,
        text: form.text,
        language: form.language,
        spoken_on: None,
        read_back: true,
    };
    match casework::record_own_words(
        &state.store,
        &ctx.acting(&actor, state.clock.now()),
        &case,
        &input,
    )
    .await
    .map_err(AppError::from)
    {
        Ok(_) => Ok(see_other("/my-record")),
        Err(AppError::Invalid(errors)) => {
            let t = ctx.tr(&state.i18n);
            let form = FormView::from_data(&data).with_errors(&t, &errors);
            render_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &own_page(&state, &ctx, &case, form).await?,
            )
        }
        Err(other) => Err(other),
    }
}

pub async fn review(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    data: FormData,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let case = ctx.own_case(&state, &id).await?;
    let form: ReviewForm = data.read()?;
    let input = ReviewInput {
        agreement: form.agreement,
        her_words: form.her_words,
        notes: String::new(),
    };
    match casework::own_review(
        &state.store,
        &ctx.acting(&actor, state.clock.now()),
        &case,
        &input,
    )
    .await
    .map_err(AppError::from)
    {
        Ok(_) => Ok(see_other("/my-record")),
        Err(AppError::Invalid(errors)) => {
            let t = ctx.tr(&state.i18n);
            let form = FormView::from_data(&data).with_errors(&t, &errors);
            render_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &own_page(&state, &ctx, &case, form).await?,
            )
        }
        Err(other) => Err(other),
    }
}
