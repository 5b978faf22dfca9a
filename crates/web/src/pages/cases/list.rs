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
    intake: IntakeChoices,
}

/// The closed lists of the intake, in the reader's language.
pub struct IntakeChoices {
    pub genders: Vec<Choice>,
    pub languages: Vec<Choice>,
    pub countries: Vec<Choice>,
    pub exploitation: Vec<Choice>,
}

impl IntakeChoices {
    fn new(t: &Tr) -> Self {
        use domain::intake::{Exploitation, Gender, ROUTE_COUNTRIES, SpokenLanguage};
        let choice = |value: &str, id: &str| Choice {
            value: value.to_string(),
            label: t.get(id),
        };
        Self {
            genders: Gender::ALL
                .iter()
                .map(|g| choice(g.as_str(), g.message_id()))
                .collect(),
            languages: SpokenLanguage::ALL
                .iter()
                .map(|l| choice(l.as_str(), l.message_id()))
                .collect(),
            countries: ROUTE_COUNTRIES
                .iter()
                .map(|c| choice(c, &super::intake_country_id(c)))
                .collect(),
            exploitation: Exploitation::ALL
                .iter()
                .map(|e| choice(e.as_str(), e.message_id()))
                .collect(),
        }
    }
}

pub async fn new_form(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    ctx.authorize(
        Action::CreateCase,
        Resource::Organisation(ctx.actor()?.org_id),
    )?;
    let page = Page::new(&state, &ctx, "/cases", "case-new-title");
    let intake = IntakeChoices::new(&page.t);
    render(&NewTemplate {
        page,
        form: FormView::default(),
        intake,
    })
}

/// A new case: who she is, kept apart from the rest of her record, and how she came to us.
#[derive(Default, Deserialize)]
#[serde(default)]
struct IdentityForm {
    name: String,
    family: String,
    address: String,
    identified_on: String,
    identified_district: String,
    identified_state: String,
    identified_country: String,
    age: String,
    born_on: String,
    gender: String,
    languages: Vec<String>,
    citizenship: String,
    exploitation: Vec<String>,
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
    let intake = casework::IntakeInput {
        identified_on: form.identified_on,
        identified_district: form.identified_district,
        identified_state: form.identified_state,
        identified_country: form.identified_country,
        age: form.age,
        born_on: form.born_on,
        gender: form.gender,
        languages: form.languages,
        citizenship: form.citizenship,
        exploitation: form.exploitation,
    };
    match casework::open(
        &state.store,
        &ctx.acting(&actor, state.clock.now()),
        &input,
        &intake,
    )
    .await
    .map_err(AppError::from)
    {
        Ok(case) => Ok(saved_at(&case, Section::Summary, "created")),
        Err(AppError::Invalid(errors)) => {
            let page = Page::new(&state, &ctx, "/cases", "case-new-title");
            let form = FormView::from_data(&data).with_errors(&page.t, &errors);
            let intake = IntakeChoices::new(&page.t);
            render_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &NewTemplate { page, form, intake },
            )
        }
        Err(other) => Err(other),
    }
}
