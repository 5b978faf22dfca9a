//! The case list, and opening a case.

use super::*;

pub struct CaseRow {
    pub href: String,
    pub code: String,
    pub stage: String,
    pub opened: String,
    pub mine: bool,
    /// The next thing due, when something is.
    pub next_due: Option<summary::Due>,
    /// Her plan's state in a few words.
    pub plan: String,
}

#[derive(Template)]
#[template(path = "cases.html")]
struct ListTemplate<'a> {
    page: Page<'a>,
    cases: Vec<CaseRow>,
    form: FormView,
    stages: Vec<Choice>,
    can_open: bool,
    searching: bool,
    /// The list as a spreadsheet, with the filters shown: (CSV, XLSX), for those who may.
    downloads: Option<(String, String)>,
}

#[derive(Debug, Default, Deserialize)]
pub struct ListQuery {
    q: Option<String>,
    stage: Option<String>,
    mine: Option<String>,
    overdue: Option<String>,
    code: Option<String>,
    opened_from: Option<String>,
    opened_to: Option<String>,
}

pub(super) fn stage_choices(t: &Tr, stages: &[Stage]) -> Vec<Choice> {
    stages
        .iter()
        .map(|s| Choice {
            value: s.as_str().into(),
            label: t.get(s.message_id()),
        })
        .collect()
}

pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(query): Query<ListQuery>,
) -> Result<Response, AppError> {
    let actor = ctx.authorize(
        Action::ListCases,
        Resource::Organisation(ctx.actor()?.org_id),
    )?;
    let mine = query.mine.as_deref() == Some("on");
    let overdue = query.overdue.as_deref() == Some("on");
    let page = Page::new(&state, &ctx, "/cases", "cases-title");
    let mut form = FormView::default();
    for (name, value) in [
        ("q", &query.q),
        ("stage", &query.stage),
        ("code", &query.code),
        ("opened_from", &query.opened_from),
        ("opened_to", &query.opened_to),
    ] {
        form.set(name, value.clone().unwrap_or_default());
    }
    if mine {
        form.set("mine", "on");
    }
    if overdue {
        form.set("overdue", "on");
    }
    // The same filter the download takes (`app::exports`), so the file holds what is shown.
    let wanted = app::exports::CaseQuery {
        q: query.q.clone(),
        stage: query.stage.clone(),
        mine,
        carried_by: None,
        code: query.code.clone(),
        opened_from: query.opened_from.clone(),
        opened_to: query.opened_to.clone(),
        overdue,
        identity: false,
    };
    let acting = ctx.acting(&actor, state.clock.now());
    let filter = match app::exports::case_filter(&state, &acting, &wanted)
        .await
        .map_err(AppError::from)
    {
        Ok(filter) => Some(filter),
        Err(AppError::Invalid(errors)) => {
            form = form.with_errors(&page.t, &errors);
            None
        }
        Err(other) => return Err(other),
    };
    let searching = filter.as_ref().is_some_and(|f| {
        !f.terms.is_empty()
            || f.review_due_before.is_some()
            || f.code_prefix.is_some()
            || f.opened_from.is_some()
            || f.opened_before.is_some()
    });
    let cases = match &filter {
        Some(filter) => state.store.find_cases(filter).await?,
        None => Vec::new(),
    };
    // Beside each case, what is due next and her plan's state: one query for the page.
    let today = ctx.zone.date_of(state.clock.now());
    let ids: Vec<domain::CaseId> = cases.iter().map(|c| c.id).collect();
    let glances = state.store.glances(actor.org_id, &ids, today).await?;
    let rows = cases
        .iter()
        .map(|c| {
            let glance = glances.iter().find(|g| g.case == c.id);
            CaseRow {
                href: format!("/cases/{}", c.id),
                code: c.code.to_string(),
                stage: page.t.get(c.stage.message_id()),
                opened: page.t.date(c.opened_at),
                mine: c.is_assigned(actor.user_id),
                next_due: summary::next_due(&page.t, glance, &[], today),
                plan: summary::plan_status(&page.t, glance.and_then(|g| g.plan)),
            }
        })
        .collect();
    let can_open = app::policy::allows(
        &actor,
        Action::CreateCase,
        &Resource::Organisation(actor.org_id),
    );
    let stages = stage_choices(&page.t, &Stage::ALL);
    let downloads = app::policy::allows(
        &actor,
        Action::Export(domain::policy::Export::Cases),
        &Resource::Organisation(actor.org_id),
    )
    .then(|| {
        let mut pairs: Vec<(&str, &str)> = Vec::new();
        for (name, value) in [
            ("q", &query.q),
            ("stage", &query.stage),
            ("code", &query.code),
            ("opened_from", &query.opened_from),
            ("opened_to", &query.opened_to),
        ] {
            if let Some(v) = value.as_deref().filter(|v| !v.trim().is_empty()) {
                pairs.push((name, v));
            }
        }
        if mine {
            pairs.push(("mine", "true"));
        }
        if overdue {
            pairs.push(("overdue", "true"));
        }
        let query = serde_urlencoded::to_string(&pairs).unwrap_or_default();
        let link = |ext: &str| {
            if query.is_empty() {
                format!("/exports/cases.{ext}")
            } else {
                format!("/exports/cases.{ext}?{query}")
            }
        };
        (link("csv"), link("xlsx"))
    });
    render(&ListTemplate {
        page,
        cases: rows,
        form,
        stages,
        can_open,
        searching,
        downloads,
    })
}

#[derive(Template)]
#[template(path = "case_new.html")]
struct NewTemplate<'a> {
    page: Page<'a>,
    form: FormView,
}

pub async fn new_form(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    ctx.authorize(
        Action::CreateCase,
        Resource::Organisation(ctx.actor()?.org_id),
    )?;
    let page = Page::new(&state, &ctx, "/cases", "case-new-title");
    render(&NewTemplate {
        page,
        form: FormView::default(),
    })
}

/// A new case: who she is, kept apart from the rest of her record.
#[derive(Default, Deserialize)]
#[serde(default)]
struct IdentityForm {
    name: String,
    family: String,
    address: String,
}

pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    data: FormData,
) -> Result<Response, AppError> {
    let actor = ctx.authorize(
        Action::CreateCase,
        Resource::Organisation(ctx.actor()?.org_id),
    )?;
    let form: IdentityForm = data.read()?;
    let input = IdentityInput {
        name: form.name,
        family: form.family,
        address: form.address,
    };
    match casework::create(&state.store, &ctx.acting(&actor, state.clock.now()), &input)
        .await
        .map_err(AppError::from)
    {
        Ok(case) => Ok(saved_at(&case, Section::Summary, "created")),
        Err(AppError::Invalid(errors)) => {
            let page = Page::new(&state, &ctx, "/cases", "case-new-title");
            let form = FormView::from_data(&data).with_errors(&page.t, &errors);
            render_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &NewTemplate { page, form },
            )
        }
        Err(other) => Err(other),
    }
}
