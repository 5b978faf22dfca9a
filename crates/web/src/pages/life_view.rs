//! Her own view of her life, as a page (`/cases/{id}/life-views`): the built-in form that asks
//! her about each of the six areas of her plan — very hard, hard, good, very good, or that she
//! does not want to say — with the worker's rating beside hers, and the history of both over
//! time, the areas where they are two points or more apart flagged. Linked from her plan and
//! her case's summary.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use domain::Case;
use domain::life_view::{self, HerRating, LifeView, Occasion, Rating};
use domain::plan::GoalDomain;
use domain::policy::{Action, Actor};

use super::{Choice, FormData, FormView, Page, render, render_with_status, see_other};
use crate::{AppError, AppState, Ctx};
use app::casework::{self, allowed, area_field};

/// One area of the form: its name and its two groups of answers.
pub struct AreaForm {
    pub label: String,
    pub her_field: String,
    pub worker_field: String,
}

/// One time her view was asked, for one area.
pub struct AskedRow {
    pub when: String,
    pub her: String,
    pub worker: String,
    pub flagged: bool,
}

/// One area over time.
pub struct AreaHistory {
    pub label: String,
    /// "first → latest" for her and for the worker, in words.
    pub her_change: String,
    pub worker_change: String,
    pub flagged: bool,
    pub rows: Vec<AskedRow>,
}

#[derive(Template)]
#[template(path = "life_view.html")]
struct LifeViewTemplate<'a> {
    page: Page<'a>,
    back: String,
    plan: String,
    action: String,
    can_record: bool,
    form: FormView,
    occasions: Vec<Choice>,
    references: Vec<Choice>,
    areas: Vec<AreaForm>,
    her_choices: Vec<Choice>,
    worker_choices: Vec<Choice>,
    history: Vec<AreaHistory>,
    /// Whether her view has been asked at all.
    asked: bool,
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct SavedQuery {
    saved: Option<String>,
}

fn history(t: &super::Tr, views: &[LifeView]) -> Vec<AreaHistory> {
    let fields: Vec<life_view::LifeViewFields> = views.iter().map(|v| v.fields.clone()).collect();
    let words = |r: Rating| t.get(&r.message_id());
    let arrow = |pair: Option<(Rating, Rating)>| {
        pair.map(|(a, b)| format!("{} → {}", words(a), words(b)))
            .unwrap_or_else(|| t.get("life-rating-not-said"))
    };
    life_view::changes(&fields)
        .into_iter()
        .map(|c| AreaHistory {
            label: t.get(&c.area.message_id()),
            her_change: arrow(c.her),
            worker_change: arrow(c.worker),
            flagged: c.flagged,
            rows: views
                .iter()
                .rev()
                .filter_map(|v| {
                    let a = v.fields.area(c.area)?;
                    Some(AskedRow {
                        when: t.i18n.text_with(
                            t.lang,
                            "life-view-asked",
                            &[
                                (
                                    "occasion",
                                    i18n::Arg::Text(t.get(&v.fields.occasion.message_id())),
                                ),
                                ("day", i18n::Arg::Text(t.day(v.fields.recorded_on))),
                            ],
                        ),
                        her: t.get(&a.her.message_id()),
                        worker: t.get(&a.worker.message_id()),
                        flagged: a.flagged(),
                    })
                })
                .collect(),
        })
        .collect()
}

async fn page<'a>(
    state: &'a AppState,
    ctx: &'a Ctx,
    actor: &Actor,
    case: &Case,
    form: FormView,
    notice: Option<String>,
) -> Result<LifeViewTemplate<'a>, AppError> {
    let t = ctx.tr(&state.i18n);
    let acting = ctx.acting(actor, state.clock.now());
    let views = casework::life_views(&state.store, &acting, case).await?;
    let can_record = allowed(actor, Action::EditPlan, case);
    let mut references = Vec::new();
    if can_record {
        let seen = ctx.sight(state, case).await?;
        for r in state.store.plan_reviews(case.id, &seen).await? {
            references.push(Choice {
                value: r.id.to_string(),
                label: t.with("life-view-review-on", "day", &t.date(r.reviewed_at)),
            });
        }
        for f in state
            .store
            .followups_of(case.id, &acting.case_scope())
            .await?
        {
            references.push(Choice {
                value: f.id.to_string(),
                label: t.with("life-view-followup-due", "day", &t.day(f.due_on)),
            });
        }
    }
    let mut page = Page::titled(
        state,
        ctx,
        "/cases",
        t.with("life-view-title", "code", case.code.as_str()),
    );
    page.notice = notice;
    Ok(LifeViewTemplate {
        back: format!("/cases/{}", case.id),
        plan: format!("/cases/{}/plan", case.id),
        action: format!("/cases/{}/life-views", case.id),
        can_record,
        form,
        occasions: Occasion::ALL
            .iter()
            .map(|o| Choice {
                value: o.as_str().into(),
                label: t.get(&o.message_id()),
            })
            .collect(),
        references,
        areas: GoalDomain::ALL
            .iter()
            .map(|&a| AreaForm {
                label: t.get(&a.message_id()),
                her_field: area_field("her", a),
                worker_field: area_field("worker", a),
            })
            .collect(),
        her_choices: HerRating::ALL
            .iter()
            .map(|r| Choice {
                value: r.as_str().into(),
                label: t.get(&r.message_id()),
            })
            .collect(),
        worker_choices: Rating::ALL
            .iter()
            .map(|r| Choice {
                value: r.as_str().into(),
                label: t.get(&r.message_id()),
            })
            .collect(),
        history: history(&t, &views),
        asked: !views.is_empty(),
        page,
    })
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Query(query): Query<SavedQuery>,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let case = ctx.case(&state, &id, Action::ReadPlan).await?;
    let t = ctx.tr(&state.i18n);
    let notice = (query.saved.as_deref() == Some("asked")).then(|| t.get("life-view-saved"));
    let mut form = FormView::default();
    form.set(
        "recorded_on",
        domain::voice::format_date_iso(ctx.zone.date_of(state.clock.now())),
    );
    render(&page(&state, &ctx, &actor, &case, form, notice).await?)
}

pub async fn record(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    data: FormData,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let case = ctx.case(&state, &id, Action::EditPlan).await?;
    let value = |name: &str| {
        data.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let answers = |who: &str| {
        GoalDomain::ALL
            .iter()
            .map(|&a| (a.as_str().to_string(), value(&area_field(who, a))))
            .collect()
    };
    let input = casework::LifeViewInput {
        occasion: value("occasion"),
        reference: value("reference"),
        recorded_on: value("recorded_on"),
        her: answers("her"),
        worker: answers("worker"),
    };
    match casework::record_life_view(
        &state.store,
        &ctx.acting(&actor, state.clock.now()),
        &case,
        &input,
    )
    .await
    .map_err(AppError::from)
    {
        Ok(_) => Ok(see_other(&format!(
            "/cases/{}/life-views?saved=asked",
            case.id
        ))),
        Err(AppError::Invalid(errors)) => {
            let t = ctx.tr(&state.i18n);
            let form = FormView::from_data(&data).with_errors(&t, &errors);
            render_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &page(&state, &ctx, &actor, &case, form, None).await?,
            )
        }
        Err(other) => Err(other),
    }
}
