//! `/indicators/cases`: the director's own organisation's cases behind a figure (for example
//! the open cases with no words of hers in 90 days), each linked to its case so that she can
//! act on it. Only hers: the network admin reads figures, never case lists (403).

use app::indicators::cases::{self, CaseList, Why};
use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use domain::indicators::Period;
use serde::Deserialize;

use super::{Tr, period_label};
use crate::pages::{Page, render};
use crate::{AppError, AppState, Ctx};

#[derive(Deserialize)]
pub struct CasesQuery {
    figure: Option<String>,
    period: Option<String>,
}

pub struct Row {
    pub href: String,
    pub code: String,
    pub stage: String,
    /// Why the case is on the list: the date that puts it there, in her words.
    pub detail: String,
}

#[derive(Template)]
#[template(path = "indicator_cases.html")]
struct CasesTemplate<'a> {
    page: Page<'a>,
    heading: String,
    explain: String,
    rows: Vec<Row>,
    /// The heading of the column that says why a case is listed.
    detail_heading: String,
    /// What an empty list means.
    none: String,
    elsewhere: Option<String>,
    back: String,
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(query): Query<CasesQuery>,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let acting = ctx.acting(&actor, state.clock.now());
    // No figure named is R1a's; a figure with no list behind it is not found.
    let list = match query.figure.as_deref().filter(|f| !f.is_empty()) {
        None => CaseList::WithoutVoiceLately,
        Some(key) => CaseList::from_key(key).ok_or(app::Error::NotFound)?,
    };
    let current = app::indicators::current_quarter(&state.store, &acting).await?;
    let period = query
        .period
        .as_deref()
        .and_then(|p| p.parse::<Period>().ok())
        .unwrap_or(current);
    let behind = cases::cases_behind(&state, &acting, list, period).await?;
    let page = Page::new(&state, &ctx, "/indicators/cases", "indicator-cases-title");
    let t = &page.t;
    let rows = behind
        .cases
        .iter()
        .map(|c| Row {
            href: format!("/cases/{}", c.id),
            code: c.code.to_string(),
            stage: t.get(c.stage.message_id()),
            detail: detail(t, &c.why),
        })
        .collect();
    let heading = t.i18n.text_with(
        t.lang,
        "indicator-cases-heading",
        &[
            (
                "figure",
                i18n::Arg::Text(t.get(&format!("indicator-{}", list.key()))),
            ),
            ("period", i18n::Arg::Text(period_label(t, period))),
        ],
    );
    let elsewhere = (behind.elsewhere > 0).then(|| {
        t.i18n.text_with(
            t.lang,
            "indicator-cases-elsewhere",
            &[("count", i18n::Arg::Count(behind.elsewhere as i64))],
        )
    });
    render(&CasesTemplate {
        heading,
        explain: t.get(&format!("indicator-cases-{}", list.key())),
        rows,
        detail_heading: t.get(match list {
            CaseList::WithoutVoiceLately => "indicator-cases-last-words",
            CaseList::ApprovedWithoutHer => "indicator-cases-approved-on",
            CaseList::PastHerDate => "indicator-cases-left-on",
            CaseList::LateFollowUps => "indicator-cases-follow-up",
            CaseList::HerViewGaps => "indicator-cases-ratings-apart-heading",
        }),
        none: t.get(match list {
            CaseList::WithoutVoiceLately => "indicator-cases-none",
            CaseList::ApprovedWithoutHer => "indicator-cases-none-r2d",
            CaseList::PastHerDate => "indicator-cases-none-r4c",
            CaseList::LateFollowUps => "indicator-cases-none-r6d",
            CaseList::HerViewGaps => "indicator-cases-none-r8",
        }),
        elsewhere,
        back: format!("/indicators?period={period}"),
        page,
    })
}

/// Why a case is on its list, in the reader's words and digits: the date that puts it there,
/// or the ratings that do.
fn detail(t: &Tr, why: &Why) -> String {
    match why {
        Why::LastWords(at) => at
            .map(|at| t.date(at))
            .unwrap_or_else(|| t.get("indicator-cases-never")),
        Why::ApprovedAt(at) => t.date(*at),
        Why::LeftAfter { left, wanted } => t.i18n.text_with(
            t.lang,
            "indicator-cases-left-after",
            &[
                ("left", i18n::Arg::Text(t.date(*left))),
                ("wanted", i18n::Arg::Text(t.day(*wanted))),
            ],
        ),
        Why::FollowUpLate {
            months,
            due_on,
            done,
        } => {
            let done = match done {
                Some(at) => t.with("indicator-cases-follow-up-done", "done", &t.date(*at)),
                None => t.get("indicator-cases-follow-up-undone"),
            };
            t.i18n.text_with(
                t.lang,
                "indicator-cases-follow-up-late",
                &[
                    ("months", i18n::Arg::Count(i64::from(*months))),
                    ("due", i18n::Arg::Text(t.day(*due_on))),
                    ("done", i18n::Arg::Text(done)),
                ],
            )
        }
        Why::RatingsApart(areas) => areas
            .iter()
            .map(|a| {
                let her = a
                    .her
                    .rating()
                    .map(|r| t.get(&r.message_id()))
                    .unwrap_or_else(|| t.get("life-rating-not-said"));
                t.i18n.text_with(
                    t.lang,
                    "indicator-cases-ratings-apart",
                    &[
                        ("area", i18n::Arg::Text(t.get(&a.area.message_id()))),
                        ("her", i18n::Arg::Text(her)),
                        ("worker", i18n::Arg::Text(t.get(&a.worker.message_id()))),
                    ],
                )
            })
            .collect::<Vec<_>>()
            .join("; "),
    }
}
