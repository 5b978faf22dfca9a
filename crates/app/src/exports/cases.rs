//! The case list as a spreadsheet, with the list page's filters: a code's beginning, the stage,
//! the days it was opened, who carries it, and whether its plan is due for review. Her
//! identity (name, family, address) is written only when the reader may open it and asked.

use std::collections::{BTreeMap, BTreeSet};

use domain::policy::{Action, Export, Resource};
use domain::{Case, CaseId, Language, Stage, UserId};
use store::CaseFilter;

use super::{Download, Entry, Format, Table, audited, write};
use crate::casework::{self, allowed};
use crate::{Acting, App, Error, FieldError};

/// The list's filters as typed: a page's query, the API's, the CLI's flags. Empty is no
/// filter.
#[derive(Debug, Clone, Default)]
pub struct CaseQuery {
    /// Words of her voice; searched in the cases the reader carries, as on the list page.
    pub q: Option<String>,
    /// A stage's name (`in-care`).
    pub stage: Option<String>,
    /// Only the cases the reader carries.
    pub mine: bool,
    /// Only the cases this colleague (a username of her organisation) carries.
    pub carried_by: Option<String>,
    /// The beginning of a case code (`K7Q2`, `K7Q2-XM4P`).
    pub code: Option<String>,
    /// Opened on or after this day (YYYY-MM-DD, in the organisation's time zone).
    pub opened_from: Option<String>,
    /// Opened on or before this day.
    pub opened_to: Option<String>,
    /// Only cases whose plan is due for review.
    pub overdue: bool,
    /// Add her name, family and address: only for a reader who may open identity.
    pub identity: bool,
}

/// How long a plan goes unreviewed before it is due (the list's `overdue`).
pub const REVIEW_EVERY_DAYS: i64 = 90;

fn given(text: &Option<String>) -> Option<&str> {
    text.as_deref().map(str::trim).filter(|t| !t.is_empty())
}

fn problem(field: &'static str, message_id: &'static str, english: &str) -> FieldError {
    FieldError {
        field: field.into(),
        message_id,
        english: english.to_string(),
    }
}

/// The store's filter for `query`, within the reader's organisation; every problem at once.
/// The list page filters with it too, so a download holds what the list showed.
pub async fn case_filter(
    app: &App,
    acting: &Acting,
    query: &CaseQuery,
) -> Result<CaseFilter, Error> {
    let (actor, _, at) = acting.signed_in()?;
    let mut filter = CaseFilter::of(actor.org_id, at);
    let mut errors = Vec::new();
    if let Some(stage) = given(&query.stage) {
        match stage.parse::<Stage>() {
            Ok(s) => filter.stage = Some(s),
            Err(e) => errors.push(FieldError::new("stage", &e)),
        }
    }
    filter.terms = given(&query.q).map(domain::text::terms).unwrap_or_default();
    if query.mine || !filter.terms.is_empty() {
        filter.assigned_to = Some(actor.user_id);
    }
    if let Some(name) = given(&query.carried_by) {
        let colleague = match name.parse::<domain::Username>() {
            Ok(username) => app.store.user_by_username(&username).await?,
            Err(_) => None,
        };
        match colleague.filter(|u| u.org_id == actor.org_id) {
            Some(u) if filter.assigned_to.is_none_or(|me| me == u.id) => {
                filter.assigned_to = Some(u.id)
            }
            // Her own cases (or a search, which looks in hers) and a colleague's.
            Some(_) => errors.push(problem(
                "carried_by",
                "export-error-carried-by-mine",
                "choose your own cases or a colleague's, not both (a search looks in your own)",
            )),
            None => errors.push(problem(
                "carried_by",
                "export-error-carried-by",
                "no one in your organisation has that username",
            )),
        }
    }
    if let Some(code) = given(&query.code) {
        let code = code.to_uppercase();
        if code.len() <= 9 && code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
            filter.code_prefix = Some(code);
        } else {
            errors.push(problem(
                "code",
                "export-error-code",
                "a case code is letters and digits, like K7Q2-XM4P",
            ));
        }
    }
    let mut day = |field: &'static str, text: &Option<String>| match given(text) {
        None => None,
        Some(t) => match domain::voice::parse_date(t) {
            Ok(d) => Some(d),
            Err(e) => {
                errors.push(FieldError::new(field, &e));
                None
            }
        },
    };
    let from = day("opened_from", &query.opened_from);
    let to = day("opened_to", &query.opened_to);
    if let (Some(f), Some(t)) = (from, to)
        && f > t
    {
        errors.push(problem(
            "opened_to",
            "export-error-dates",
            "the last day comes before the first",
        ));
    }
    // Her organisation's clock, read only when a day is asked for (issue 16: a search reads
    // nothing it does not use).
    if from.is_some() || to.is_some() {
        let zone = app.store.time_zone_of(actor.org_id).await?;
        filter.opened_from = from.map(|d| zone.start_of_day(d));
        filter.opened_before = to.and_then(|d| d.next_day()).map(|d| zone.start_of_day(d));
    }
    if query.overdue {
        filter.review_due_before = Some(at.plus_seconds(-REVIEW_EVERY_DAYS * 86_400));
    }
    if errors.is_empty() {
        Ok(filter)
    } else {
        Err(Error::Invalid(errors))
    }
}

/// Every case `filter` finds, page by page.
async fn all(app: &App, filter: &CaseFilter) -> Result<Vec<Case>, Error> {
    const PAGE: u32 = 500;
    let mut found = Vec::new();
    let mut filter = filter.clone();
    filter.limit = PAGE;
    filter.offset = 0;
    loop {
        let page = app.store.find_cases(&filter).await?;
        let n = page.len();
        found.extend(page);
        if n < PAGE as usize {
            return Ok(found);
        }
        filter.offset += PAGE;
    }
}

/// Her organisation's case list, filtered as the list page filters it.
pub async fn cases(
    app: &App,
    acting: &Acting,
    query: &CaseQuery,
    language: Language,
    format: Format,
) -> Result<Download, Error> {
    let (actor, _, at) = acting.signed_in()?;
    let org = actor.org_id;
    crate::policy::require(
        actor,
        Action::Export(Export::Cases),
        &Resource::Organisation(org),
    )?;
    if query.identity {
        // Whether her role opens identity at all, on a case she carries: a refusal names why.
        crate::policy::require(
            actor,
            Action::OpenIdentity,
            &Resource::Case {
                custodian: org,
                assigned: true,
                held: false,
                awaited: false,
                hers: false,
            },
        )?;
    }
    let filter = case_filter(app, acting, query).await?;
    let found = all(app, &filter).await?;
    let mut due_filter = filter.clone();
    due_filter.review_due_before = Some(at.plus_seconds(-REVIEW_EVERY_DAYS * 86_400));
    let due: BTreeSet<CaseId> = all(app, &due_filter)
        .await?
        .into_iter()
        .map(|c| c.id)
        .collect();
    let zone = app.store.time_zone_of(org).await?;
    let t = super::tr(app, language);
    let mut header: Vec<String> = [
        "case_code",
        "stage",
        "opened_on",
        "updated_on",
        "carried_by",
        "plan_review_due",
    ]
    .map(String::from)
    .to_vec();
    if query.identity {
        header.extend(["name", "family", "address"].map(String::from));
    }
    let mut table = Table::new("cases", header);
    let mut names: BTreeMap<UserId, String> = BTreeMap::new();
    for case in &found {
        let mut carriers = Vec::new();
        for id in &case.assigned {
            if !names.contains_key(id) {
                let name = app
                    .store
                    .user(*id)
                    .await?
                    .map(|u| u.name().to_string())
                    .unwrap_or_default();
                names.insert(*id, name);
            }
            if let Some(name) = names.get(id).filter(|n| !n.is_empty()) {
                carriers.push(name.clone());
            }
        }
        let date = |ts| domain::voice::format_date_iso(zone.date_of(ts));
        let mut row = vec![
            case.code.to_string().into(),
            t.get(case.stage.message_id()).into(),
            date(case.opened_at).into(),
            date(case.updated_at).into(),
            carriers.join("; ").into(),
            t.get(if due.contains(&case.id) {
                "form-yes"
            } else {
                "form-no"
            })
            .into(),
        ];
        if query.identity {
            // Each case she may open is opened as the identity page opens it, with its own
            // audit entry; the rest are left blank.
            let identity = if allowed(actor, Action::OpenIdentity, case) {
                match casework::open_identity(&app.store, acting, case).await {
                    Ok(identity) => Some(identity),
                    Err(Error::NotFound) => None,
                    Err(other) => return Err(other),
                }
            } else {
                None
            };
            let (name, family, address) = identity
                .map(|i| (i.name, i.family, i.address))
                .unwrap_or_default();
            row.extend([name.into(), family.into(), address.into()]);
        }
        table.rows.push(row);
    }
    let download = write("cases", &[table], format)?;
    let filters = [
        ("stage", given(&query.stage).unwrap_or_default().to_string()),
        (
            "mine",
            if query.mine {
                "yes".into()
            } else {
                String::new()
            },
        ),
        (
            "carried_by",
            given(&query.carried_by).unwrap_or_default().to_string(),
        ),
        ("code", given(&query.code).unwrap_or_default().to_string()),
        (
            "opened_from",
            given(&query.opened_from).unwrap_or_default().to_string(),
        ),
        (
            "opened_to",
            given(&query.opened_to).unwrap_or_default().to_string(),
        ),
        (
            "overdue",
            if query.overdue {
                "yes".into()
            } else {
                String::new()
            },
        ),
        // Whether words were searched, never the words: they are hers.
        (
            "searched",
            if filter.terms.is_empty() {
                String::new()
            } else {
                "yes".into()
            },
        ),
    ];
    let entry = Entry {
        export: Export::Cases,
        subject: format!("org:{org}"),
        scope: Some(org),
        identity: query.identity,
        filters: filters.to_vec(),
    };
    audited(&app.store, acting, &entry, &download).await?;
    Ok(download)
}
