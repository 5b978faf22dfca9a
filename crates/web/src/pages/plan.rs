//! Her case plan as pages: the goals with their actions, forms that each add or change one thing
//! and carry the version they were based on, reviews with her, approval, and a printable view.
//! When someone saved first, the page comes back with the newer plan and her change kept in its
//! form, so she can look at both and save again.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use domain::plan::{Agreement, Goal, GoalDomain, GoalStatus, PlanAction, SetBy};
use domain::policy::{Action, Actor};
use domain::voice::parse_date;
use domain::{Case, OrgId};

use serde::Deserialize;

use super::{Choice, FormData, FormView, Page, Tr, render, render_with_status, see_other};
use crate::{AppError, AppState, Ctx, FieldError};
use app::casework::{self, ReviewInput, allowed};
use app::reports::plan::{ActionView, GoalView, ReviewView, views};

#[derive(Template)]
#[template(path = "plan.html")]
struct PlanTemplate<'a> {
    page: Page<'a>,
    base: String,
    /// The case's summary, to go back to.
    back: String,
    version: i64,
    approval: String,
    goals: Vec<PlanGoal>,
    reviews: Vec<ReviewView>,
    can_edit: bool,
    can_approve: bool,
    form: FormView,
    domains: Vec<Choice>,
    set_bys: Vec<Choice>,
    statuses: Vec<Choice>,
    agreements: Vec<Choice>,
    organisations: Vec<Choice>,
    goal_choices: Vec<Choice>,
}

#[derive(Template)]
#[template(path = "plan_print.html")]
struct PrintTemplate<'a> {
    page: Page<'a>,
    approval: String,
    goals: Vec<PrintGoal>,
    reviews: Vec<ReviewView>,
    /// The glossary terms in the plan, explained in the reader's language.
    plain_words: Vec<(String, String)>,
}

/// A goal for print: its texts as HTML with glossary terms marked (in print the explanation
/// is in the list at the end, since a page has no hover).
pub struct PrintGoal {
    pub domain: String,
    pub goal_html: String,
    pub detail: String,
    pub status: String,
    /// (what, as HTML; detail; status)
    pub actions: Vec<(String, String, String)>,
}

/// A goal as the plan page shows it: its words, its status as stored (so the status list
/// starts at it, never at a default that would reset it), and whether its target date, or an
/// action's, has passed while it is still open.
pub struct PlanGoal {
    pub index: usize,
    pub domain: String,
    pub goal: String,
    pub detail: String,
    pub status: String,
    pub status_value: &'static str,
    pub past: bool,
    /// Each action, and whether its target has passed while it is open.
    pub actions: Vec<(ActionView, bool)>,
}

/// Whether a target is past on `today` for something still open.
fn past(target: Option<time::Date>, status: GoalStatus, today: time::Date) -> bool {
    !matches!(status, GoalStatus::Achieved | GoalStatus::Dropped)
        && target.is_some_and(|d| d < today)
}

fn plan_goals(views: Vec<GoalView>, plan: &domain::plan::Plan, today: time::Date) -> Vec<PlanGoal> {
    views
        .into_iter()
        .filter_map(|g| {
            let goal = plan.body.goals.get(g.index)?;
            Some(PlanGoal {
                index: g.index,
                domain: g.domain,
                goal: g.goal,
                detail: g.detail,
                status: g.status,
                status_value: goal.status.as_str(),
                past: past(goal.target, goal.status, today),
                actions: g
                    .actions
                    .into_iter()
                    .zip(&goal.actions)
                    .map(|(view, a)| (view, past(a.target, a.status, today)))
                    .collect(),
            })
        })
        .collect()
}

/// What a save on the plan page saved, by the key its redirect carries (`?saved=KEY`; see
/// `pages::cases` for why a query parameter).
fn saved(key: &str) -> Option<&'static str> {
    Some(match key {
        "goal" => "plan-goal-saved",
        "action" => "plan-action-saved",
        "status" => "plan-status-saved",
        "review" => "plan-review-saved",
        "approved" => "plan-approved-saved",
        _ => return None,
    })
}

#[derive(Debug, Default, Deserialize)]
pub struct SavedQuery {
    saved: Option<String>,
}

/// What the plan page says above the plan: what was saved, or why something was refused with
/// where to put it right.
#[derive(Default)]
struct Said {
    notice: Option<String>,
    problem: Option<(String, Option<(String, String)>)>,
}

fn choices<T: Copy>(
    t: &Tr,
    all: &[T],
    value: impl Fn(T) -> &'static str,
    id: impl Fn(T) -> String,
) -> Vec<Choice> {
    all.iter()
        .map(|v| Choice {
            value: value(*v).into(),
            label: t.get(&id(*v)),
        })
        .collect()
}

async fn plan_page<'a>(
    state: &'a AppState,
    ctx: &'a Ctx,
    actor: &Actor,
    case: &Case,
    form: FormView,
    said: Said,
) -> Result<PlanTemplate<'a>, AppError> {
    let t = ctx.tr(&state.i18n);
    let seen = ctx.sight(state, case).await?;
    let plan = casework::plan_of(&state.store, case, &seen).await?;
    casework::audit_read(&state.store, &ctx.acting(actor, state.clock.now()), case).await?;
    let views = views(&state.store, &t, case, &plan, &seen).await?;
    let mut page = Page::titled(
        state,
        ctx,
        "/cases",
        t.with("plan-title", "code", case.code.as_str()),
    );
    page.notice = said.notice;
    page.problem = said.problem;
    let today = ctx.zone.date_of(state.clock.now());
    let organisations = state
        .store
        .organisations()
        .await?
        .iter()
        .map(|o| Choice {
            value: o.id.to_string(),
            label: o.fields.name.to_string(),
        })
        .collect();
    let goal_choices = plan
        .body
        .goals
        .iter()
        .enumerate()
        .map(|(i, g)| Choice {
            value: i.to_string(),
            label: g.goal.chars().take(60).collect(),
        })
        .collect();
    Ok(PlanTemplate {
        base: format!("/cases/{}/plan", case.id),
        back: format!("/cases/{}", case.id),
        version: plan.version,
        approval: views.approval,
        goals: plan_goals(views.goals, &plan, today),
        reviews: views.reviews,
        can_edit: allowed(actor, Action::EditPlan, case),
        can_approve: allowed(actor, Action::ApprovePlan, case) && plan.version > 0,
        form,
        domains: choices(
            &t,
            GoalDomain::ALL,
            GoalDomain::as_str,
            GoalDomain::message_id,
        ),
        set_bys: choices(&t, SetBy::ALL, SetBy::as_str, SetBy::message_id),
        statuses: choices(
            &t,
            GoalStatus::ALL,
            GoalStatus::as_str,
            GoalStatus::message_id,
        ),
        agreements: choices(&t, Agreement::ALL, Agreement::as_str, Agreement::message_id),
        organisations,
        goal_choices,
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
    let said = Said {
        notice: query.saved.as_deref().and_then(saved).map(|id| t.get(id)),
        problem: None,
    };
    render(&plan_page(&state, &ctx, &actor, &case, FormView::default(), said).await?)
}

pub async fn print(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let case = ctx.case(&state, &id, Action::ReadPlan).await?;
    let t = ctx.tr(&state.i18n);
    let seen = ctx.sight(&state, &case).await?;
    let plan = casework::plan_of(&state.store, &case, &seen).await?;
    casework::audit_read(&state.store, &ctx.acting(&actor, state.clock.now()), &case).await?;
    let views = views(&state.store, &t, &case, &plan, &seen).await?;
    let page = Page::titled(
        &state,
        &ctx,
        "/cases",
        t.with("plan-title", "code", case.code.as_str()),
    );
    let glossary = state.glossary().await?;
    let texts: Vec<&str> = views
        .goals
        .iter()
        .flat_map(|g| {
            std::iter::once(g.goal.as_str()).chain(g.actions.iter().map(|a| a.what.as_str()))
        })
        .collect();
    let plain_words = glossary.explained(&texts, ctx.lang);
    let goals = views
        .goals
        .iter()
        .map(|g| PrintGoal {
            domain: g.domain.clone(),
            goal_html: glossary.highlight(&g.goal, ctx.lang),
            detail: g.detail.clone(),
            status: g.status.clone(),
            actions: g
                .actions
                .iter()
                .map(|a| {
                    (
                        glossary.highlight(&a.what, ctx.lang),
                        a.detail.clone(),
                        a.status.clone(),
                    )
                })
                .collect(),
        })
        .collect();
    render(&PrintTemplate {
        page,
        approval: views.approval,
        goals,
        reviews: views.reviews,
        plain_words,
    })
}

/// A change to the plan, as the goal, action and status forms send it: each uses some of
/// these fields. Everything is text, since the handler reads each value itself and puts its
/// message beside its field.
#[derive(Default, Deserialize)]
#[serde(default)]
struct ChangeForm {
    version: String,
    /// The goal an action or a status is for: its index in the plan.
    goal: String,
    domain: String,
    set_by: String,
    target: String,
    goal_text: String,
    responsible: String,
    what: String,
    status: String,
}

/// Her review of the plan with the case worker.
#[derive(Default, Deserialize)]
#[serde(default)]
struct ReviewForm {
    agreement: String,
    her_words: String,
    notes: String,
}

/// Approving a plan version.
#[derive(Default, Deserialize)]
#[serde(default)]
struct ApproveForm {
    version: String,
}

fn parse<T: std::str::FromStr<Err = domain::DomainError>>(
    text: &str,
    field: &'static str,
    errors: &mut Vec<FieldError>,
) -> Option<T> {
    if text.trim().is_empty() {
        errors.push(FieldError::required(field));
        return None;
    }
    text.parse()
        .map_err(|e| errors.push(FieldError::new(field, &e)))
        .ok()
}

fn target(text: &str, errors: &mut Vec<FieldError>) -> Option<time::Date> {
    if text.trim().is_empty() {
        return None;
    }
    parse_date(text)
        .map_err(|e| errors.push(FieldError::new("target", &e)))
        .ok()
}

/// The change one form asks for, applied to the current plan.
enum Change {
    AddGoal,
    AddAction,
    SetStatus,
}

async fn change(
    state: AppState,
    ctx: Ctx,
    id: String,
    data: FormData,
    kind: Change,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let case = ctx.case(&state, &id, Action::EditPlan).await?;
    let t = ctx.tr(&state.i18n);
    let form: ChangeForm = data.read()?;
    let Ok(version) = form.version.parse::<i64>() else {
        return Err(AppError::Malformed("the form has no version".into()));
    };
    let seen = ctx.sight(&state, &case).await?;
    let current = casework::plan_of(&state.store, &case, &seen).await?;
    let mut body = current.body.clone();
    let mut errors = Vec::new();
    let goal_index = || {
        form.goal
            .parse::<usize>()
            .ok()
            .filter(|i| *i < body.goals.len())
    };
    match kind {
        Change::AddGoal => {
            let domain = parse::<GoalDomain>(&form.domain, "domain", &mut errors);
            let set_by = parse::<SetBy>(&form.set_by, "set_by", &mut errors);
            let target = target(&form.target, &mut errors);
            if let (Some(domain), Some(set_by)) = (domain, set_by) {
                body.goals.push(Goal {
                    domain,
                    goal: form.goal_text.clone(),
                    set_by,
                    target,
                    target_set_by: None,
                    status: GoalStatus::Open,
                    actions: Vec::new(),
                });
            }
        }
        Change::AddAction => {
            let goal = goal_index();
            if goal.is_none() {
                errors.push(FieldError::required("goal"));
            }
            let set_by = parse::<SetBy>(&form.set_by, "set_by", &mut errors);
            let target = target(&form.target, &mut errors);
            let responsible = form.responsible.parse::<OrgId>().ok();
            if let (Some(goal), Some(set_by)) = (goal, set_by) {
                body.goals[goal].actions.push(PlanAction {
                    what: form.what.clone(),
                    responsible,
                    target,
                    set_by,
                    status: GoalStatus::Open,
                });
            }
        }
        Change::SetStatus => {
            let status = parse::<GoalStatus>(&form.status, "status", &mut errors);
            match (goal_index(), status) {
                (Some(goal), Some(status)) => body.goals[goal].status = status,
                (None, _) => errors.push(FieldError::required("goal")),
                _ => {}
            }
        }
    }
    let result = if errors.is_empty() {
        casework::save_plan(
            &state.store,
            &ctx.acting(&actor, state.clock.now()),
            &case,
            version,
            body,
        )
        .await
        .map_err(AppError::from)
    } else {
        Err(AppError::Invalid(errors))
    };
    match result {
        Ok(_) => {
            let key = match kind {
                Change::AddGoal => "goal",
                Change::AddAction => "action",
                Change::SetStatus => "status",
            };
            Ok(see_other(&format!("/cases/{}/plan?saved={key}", case.id)))
        }
        Err(AppError::Invalid(errors)) => {
            let form = FormView::from_data(&data).with_errors(&t, &errors);
            render_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &plan_page(&state, &ctx, &actor, &case, form, Said::default()).await?,
            )
        }
        Err(AppError::PreconditionFailed { .. }) => {
            let form = FormView::from_data(&data);
            let said = Said {
                notice: None,
                problem: Some((t.get("plan-conflict"), None)),
            };
            render_with_status(
                StatusCode::CONFLICT,
                &plan_page(&state, &ctx, &actor, &case, form, said).await?,
            )
        }
        Err(other) => Err(other),
    }
}

pub async fn add_goal(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    data: FormData,
) -> Result<Response, AppError> {
    change(state, ctx, id, data, Change::AddGoal).await
}

pub async fn add_action(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    data: FormData,
) -> Result<Response, AppError> {
    change(state, ctx, id, data, Change::AddAction).await
}

pub async fn set_status(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    data: FormData,
) -> Result<Response, AppError> {
    change(state, ctx, id, data, Change::SetStatus).await
}

pub async fn review(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    data: FormData,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let case = ctx.case(&state, &id, Action::EditPlan).await?;
    let form: ReviewForm = data.read()?;
    let input = ReviewInput {
        agreement: form.agreement,
        her_words: form.her_words,
        notes: form.notes,
    };
    match casework::review_plan(
        &state.store,
        &ctx.acting(&actor, state.clock.now()),
        &case,
        &input,
    )
    .await
    .map_err(AppError::from)
    {
        Ok(_) => Ok(see_other(&format!("/cases/{}/plan?saved=review", case.id))),
        Err(AppError::Invalid(errors)) => {
            let t = ctx.tr(&state.i18n);
            let form = FormView::from_data(&data).with_errors(&t, &errors);
            render_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &plan_page(&state, &ctx, &actor, &case, form, Said::default()).await?,
            )
        }
        Err(other) => Err(other),
    }
}

pub async fn approve(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    data: FormData,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let case = ctx.case(&state, &id, Action::ApprovePlan).await?;
    let Ok(version) = data.read::<ApproveForm>()?.version.parse::<i64>() else {
        return Err(AppError::Malformed("the form has no version".into()));
    };
    let t = ctx.tr(&state.i18n);
    match casework::approve_plan(
        &state.store,
        &ctx.acting(&actor, state.clock.now()),
        &case,
        version,
    )
    .await
    .map_err(AppError::from)
    {
        Ok(_) => Ok(see_other(&format!(
            "/cases/{}/plan?saved=approved",
            case.id
        ))),
        // Refused: said as a refusal; without a logged decision, with the way to log one.
        Err(AppError::Invalid(errors)) => {
            let problem = errors.first().map(|e| {
                let fix = (e.message_id == "error-plan-needs-decision").then(|| {
                    (
                        format!("/cases/{}/decisions#decision-form", case.id),
                        t.get("plan-log-decision"),
                    )
                });
                (t.get(e.message_id), fix)
            });
            let said = Said {
                notice: None,
                problem,
            };
            render_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &plan_page(&state, &ctx, &actor, &case, FormView::default(), said).await?,
            )
        }
        Err(AppError::PreconditionFailed { .. }) => {
            let said = Said {
                notice: None,
                problem: Some((t.get("plan-conflict"), None)),
            };
            render_with_status(
                StatusCode::CONFLICT,
                &plan_page(&state, &ctx, &actor, &case, FormView::default(), said).await?,
            )
        }
        Err(other) => Err(other),
    }
}

/// `GET /cases/{id}/plan.pdf`: the plan in the reader's language, recorded as a reading.
pub async fn pdf_download(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let case = ctx.case(&state, &id, Action::ReadPlan).await?;
    let seen = ctx.sight(&state, &case).await?;
    let bytes = app::reports::plan_pdf(&state, &case, &seen, ctx.tr(&state.i18n)).await?;
    casework::audit_read(&state.store, &ctx.acting(&actor, state.clock.now()), &case).await?;
    let file = format!("plan-{}-{}.pdf", case.code.as_str(), ctx.lang.code());
    Ok((
        [
            (
                axum::http::header::CONTENT_TYPE,
                "application/pdf".to_string(),
            ),
            (
                axum::http::header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file}\""),
            ),
        ],
        bytes,
    )
        .into_response())
}
