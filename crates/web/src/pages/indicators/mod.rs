//! `/indicators`: whether care is restorative, as the director and the network see it. Her
//! voice, her plan and her decisions come first, each as a figure with its n, a bar against its
//! target and its trend over four quarters; the field's counts come second, as a funnel. Small
//! numbers are hidden by `app::indicators` before anything here sees them.

pub mod cases;
mod chart;
mod her_view;
mod repatriation;

use app::indicators::words::{drawn, number, percent};
pub(super) use app::indicators::words::{figure_text, period_label};
use app::indicators::{self, Figure, Indicators, Line, Measure, Value};
use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use domain::OrgId;
use domain::indicators::Period;
use domain::policy::{Action, Export, Resource};
use serde::Deserialize;

use super::{Choice, Page, Tr, render};
use crate::{AppError, AppState, Ctx};
use chart::{Bar, Step, Trend};

#[derive(Deserialize)]
pub struct IndicatorsQuery {
    period: Option<String>,
    organisation: Option<String>,
}

/// One indicator as a card: its name, why it matters, the figure, and its pictures with their
/// tables beside them.
pub struct Card {
    /// Unique on the page, for the charts' `aria-labelledby`.
    pub id: String,
    pub name: String,
    pub why: String,
    /// The figure in words: "62% · n = 48", or why there is none.
    pub figure: String,
    pub target: Option<String>,
    pub bar: Option<Bar>,
    /// What the bar shows, in one sentence (its `<desc>`).
    pub bar_desc: String,
    pub trend: Trend,
    pub trend_desc: String,
    /// The trend's table: (quarter, figure).
    pub quarters: Vec<(String, String)>,
    /// For the network admin: every organisation's figure beside the network's.
    pub organisations: Vec<(String, String)>,
    /// For her director: the list of her organisation's cases behind the figure.
    pub cases: Option<String>,
    /// R5 by month: (month, figure).
    pub months: Vec<(String, String)>,
}

/// One block of cards: her organisation's, or the network's with its members beside.
pub struct Block {
    pub heading: String,
    pub cards: Vec<Card>,
    pub funnel: Vec<Step>,
    pub funnel_desc: String,
    /// R7: a card per route.
    pub routes: Vec<repatriation::RouteCard>,
}

/// The training part.
pub struct TrainingPart {
    pub dropout: String,
    pub dropout_bar: Option<Bar>,
    pub dropout_desc: String,
    pub projected: String,
    pub exchange: String,
    pub exchange_bar: Option<Bar>,
    pub exchange_desc: String,
}

#[derive(Template)]
#[template(path = "indicators.html")]
struct IndicatorsTemplate<'a> {
    page: Page<'a>,
    period: String,
    periods: Vec<Choice>,
    organisations: Vec<Choice>,
    chosen_organisation: String,
    blocks: Vec<Block>,
    training: Option<TrainingPart>,
    /// The report as a workbook and as PDF, for the same period and organisation.
    downloads: Option<(String, String)>,
    /// The anonymised HTCDS export, for those who may send the network's (or her organisation's)
    /// statistics out of it: it was reachable only through the API and the CLI.
    htcds: bool,
    /// R8 Her own view of her life, beside the worker's.
    her_view: Vec<her_view::HerViewBlock>,
    /// When the figures were computed, on her organisation's clock and in her words.
    computed: String,
    /// That newer figures are being computed, when they are.
    refreshing: Option<String>,
    width: u64,
    trend_height: u64,
    funnel_height: u64,
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(query): Query<IndicatorsQuery>,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let acting = ctx.acting(&actor, state.clock.now());
    let current = indicators::current_quarter(&state.store, &acting).await?;
    // A period or organisation that does not parse shows the default view, as a list page
    // treats an unknown filter; the API refuses them with 400.
    let period = query
        .period
        .as_deref()
        .and_then(|p| p.parse::<Period>().ok())
        .unwrap_or(current);
    let organisation = query
        .organisation
        .as_deref()
        .filter(|o| !o.is_empty())
        .and_then(|o| o.parse::<OrgId>().ok());
    let view = indicators::view(&state, &acting, period, organisation).await?;
    let page = Page::new(&state, &ctx, "/indicators", "indicators-title");
    let t = page.t;
    let periods = choices(&t, current, period);
    // The network admin may look at one organisation; a director sees hers alone.
    let organisations = if super::allowed(&ctx, Action::ReadIndicators, Resource::Network) {
        let mut all = vec![Choice {
            value: String::new(),
            label: t.get("indicators-network-total"),
        }];
        for o in state.store.organisations().await? {
            all.push(Choice {
                value: o.id.to_string(),
                label: o.fields.name.to_string(),
            });
        }
        all
    } else {
        Vec::new()
    };
    // Her director may open the cases behind a figure of her own organisation, never another's.
    let lists = super::allowed(
        &ctx,
        Action::ReadIndicatorCases,
        Resource::Organisation(actor.org_id),
    )
    .then_some(actor.org_id);
    let blocks = blocks(&t, &view, lists);
    let her_view = view
        .her_view
        .as_ref()
        .map(|part| her_view::blocks(&t, part, &view.trend, lists.map(|org| (org, period))))
        .unwrap_or_default();
    let training = view.training.map(|f| training_part(&t, f));
    let downloads = (!blocks.is_empty() || training.is_some()).then(|| {
        let query = match organisation {
            Some(o) => format!("period={period}&organisation={o}"),
            None => format!("period={period}"),
        };
        (
            format!("/indicators.xlsx?{query}"),
            format!("/indicators.pdf?{query}"),
        )
    });
    let htcds = super::allowed(
        &ctx,
        Action::Export(Export::Htcds),
        Resource::Organisation(actor.org_id),
    );
    let computed = t.with(
        "indicators-computed-at",
        "at",
        &t.datetime(&view.computed_at),
    );
    let refreshing = view.refreshing.then(|| t.get("indicators-refreshing"));
    render(&IndicatorsTemplate {
        computed,
        refreshing,
        downloads,
        htcds,
        her_view,
        period: period_label(&t, period),
        periods,
        chosen_organisation: organisation.map(|o| o.to_string()).unwrap_or_default(),
        organisations,
        blocks,
        training,
        width: chart::WIDTH,
        trend_height: chart::TREND_HEIGHT,
        funnel_height: Measure::ALL.iter().filter(|m| m.is_field_count()).count() as u64
            * chart::STEP_HEIGHT,
        page,
    })
}

/// The periods offered: the last six quarters and the last two years, newest first.
fn choices(t: &Tr, current: Period, chosen: Period) -> Vec<Choice> {
    let (year, quarter) = match current {
        Period::Quarter { year, quarter } => (year, quarter),
        Period::Year(year) => (year, 4),
    };
    let mut list: Vec<Period> = (0..6)
        .map(|back| {
            let index = year * 4 + i32::from(quarter) - 1 - back;
            Period::Quarter {
                year: index.div_euclid(4),
                quarter: u8::try_from(index.rem_euclid(4) + 1).unwrap_or(1),
            }
        })
        .collect();
    list.extend([Period::Year(year), Period::Year(year - 1)]);
    if !list.contains(&chosen) {
        list.push(chosen);
    }
    list.into_iter()
        .map(|p| Choice {
            value: p.to_string(),
            label: period_label(t, p),
        })
        .collect()
}

/// The quarter under a trend's point, on two lines short enough for a phone's axis: its
/// months, and its year.
fn axis_label(t: &Tr, period: Period) -> (String, String) {
    let year = |y: i32| i18n::localise_digits(t.lang, &y.to_string());
    match period {
        Period::Quarter { year: y, quarter } => (
            t.i18n.text_with(
                t.lang,
                "indicators-quarter-short",
                &[("quarter", i18n::Arg::Count(i64::from(quarter)))],
            ),
            year(y),
        ),
        Period::Year(y) => (year(y), String::new()),
    }
}

fn card(
    t: &Tr,
    prefix: &str,
    trend_periods: &[Period],
    line: &Line,
    members: Vec<(String, String)>,
    lists: Option<Period>,
    months: &[(time::Date, Figure)],
) -> Card {
    let measure = line.measure;
    let name = t.get(&format!("indicator-{}", measure.key()));
    let figure = figure_text(t, measure, line.period);
    let share_like = matches!(
        line.period,
        Figure::Shown {
            value: Value::Percent(_),
            ..
        }
    ) || measure == Measure::Completeness;
    let bar = match (share_like, drawn(line.period)) {
        (true, Some(v)) => Some(Bar::of(v, measure.target())),
        _ => None,
    };
    let target = measure.target().map(|target| {
        let value = if measure == Measure::ApprovedWithoutHer {
            number(t, target)
        } else {
            percent(t, target)
        };
        t.with("indicators-target", "target", &value)
    });
    let values: Vec<(Option<u64>, String)> = line
        .trend
        .iter()
        .zip(trend_periods)
        .map(|(f, p)| {
            (
                drawn(*f),
                format!("{}: {}", period_label(t, *p), figure_text(t, measure, *f)),
            )
        })
        .collect();
    let scale = if share_like {
        100
    } else {
        values.iter().filter_map(|v| v.0).max().unwrap_or(1)
    };
    let trend = Trend::of(
        &values,
        trend_periods.iter().map(|p| axis_label(t, *p)).collect(),
        scale,
    );
    Card {
        id: format!("{prefix}-{}", measure.key()),
        why: t.get(&format!("indicator-{}-why", measure.key())),
        bar_desc: t.i18n.text_with(
            t.lang,
            "indicators-bar-desc",
            &[
                ("name", i18n::Arg::Text(name.clone())),
                ("figure", i18n::Arg::Text(figure.clone())),
                (
                    "target",
                    i18n::Arg::Text(target.clone().unwrap_or_default()),
                ),
            ],
        ),
        trend_desc: t.with("indicators-trend-desc", "name", &name),
        quarters: line
            .trend
            .iter()
            .zip(trend_periods)
            .map(|(f, p)| (period_label(t, *p), figure_text(t, measure, *f)))
            .collect(),
        organisations: members,
        months: if measure == Measure::PositiveResponses {
            months
                .iter()
                .map(|(first, f)| {
                    (
                        i18n::format_month(t.lang, *first),
                        figure_text(t, measure, *f),
                    )
                })
                .collect()
        } else {
            Vec::new()
        },
        cases: lists
            .zip(indicators::cases::CaseList::behind(measure))
            .map(|(period, list)| {
                format!("/indicators/cases?figure={}&period={period}", list.key())
            }),
        name,
        figure,
        target,
        bar,
        trend,
    }
}

/// Her organisation's block for a director (or one organisation for the network admin); the
/// network's with each member's figure beside it for the network admin.
fn blocks(t: &Tr, view: &Indicators, lists: Option<OrgId>) -> Vec<Block> {
    let mut blocks = Vec::new();
    if let Some(network) = &view.network {
        let members = |m: usize| {
            view.organisations
                .iter()
                .filter_map(|o| {
                    o.lines
                        .get(m)
                        .map(|l| (o.name.clone(), figure_text(t, l.measure, l.period)))
                })
                .collect()
        };
        blocks.push(block(
            t,
            "network",
            t.get("indicators-network-total"),
            &view.trend,
            network,
            members,
            Own {
                lists: None,
                months: &[],
                steps: view.network_repatriation.as_deref().unwrap_or_default(),
            },
        ));
    } else {
        for (i, o) in view.organisations.iter().enumerate() {
            blocks.push(block(
                t,
                &format!("org{i}"),
                o.name.clone(),
                &view.trend,
                &o.lines,
                |_| Vec::new(),
                Own {
                    lists: (lists == Some(o.org)).then_some(view.period),
                    months: &o.months,
                    steps: &o.repatriation,
                },
            ));
        }
    }
    blocks
}

/// What an organisation's own block adds to its cards: the period whose case lists her
/// director may open, and R5 by month.
struct Own<'a> {
    lists: Option<Period>,
    months: &'a [(time::Date, Figure)],
    /// R7's steps.
    steps: &'a [app::indicators::repatriation::StepLine],
}

fn block(
    t: &Tr,
    prefix: &str,
    heading: String,
    trend: &[Period],
    lines: &[Line],
    members: impl Fn(usize) -> Vec<(String, String)>,
    own: Own,
) -> Block {
    let Own {
        lists,
        months,
        steps,
    } = own;
    let cards = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| !l.measure.is_field_count())
        .map(|(m, l)| card(t, prefix, trend, l, members(m), lists, months))
        .collect();
    let counts: Vec<(String, String, Option<u64>)> = lines
        .iter()
        .filter(|l| l.measure.is_field_count())
        .map(|l| {
            (
                t.get(&format!("indicator-{}", l.measure.key())),
                figure_text(t, l.measure, l.period),
                drawn(l.period),
            )
        })
        .collect();
    let funnel_desc = counts
        .iter()
        .map(|(label, figure, _)| format!("{label}: {figure}"))
        .collect::<Vec<_>>()
        .join("; ");
    Block {
        routes: repatriation::cards(t, prefix, trend, steps),
        heading,
        cards,
        funnel: chart::funnel(counts),
        funnel_desc,
    }
}

fn training_part(t: &Tr, f: indicators::TrainingFigures) -> TrainingPart {
    let shown = |figure: Figure| match figure {
        Figure::Shown {
            n,
            value: Value::Percent(Some(p)),
        } => Some((n, p)),
        _ => None,
    };
    let dropout = match shown(f.dropout) {
        Some((n, p)) => t.i18n.text_with(
            t.lang,
            "indicators-training-dropout-figure",
            &[
                ("percent", i18n::Arg::Text(number(t, p))),
                ("n", i18n::Arg::Text(number(t, n))),
            ],
        ),
        None => figure_text(t, Measure::VoiceLately, f.dropout),
    };
    let exchange = figure_text(t, Measure::VoiceLately, f.exchange_coverage);
    let projected = percent(t, f.projected_dropout);
    TrainingPart {
        dropout_bar: shown(f.dropout).map(|(_, p)| Bar::of(p * 10, Some(f.projected_dropout * 10))),
        dropout_desc: t.i18n.text_with(
            t.lang,
            "indicators-training-dropout-desc",
            &[
                ("figure", i18n::Arg::Text(dropout.clone())),
                ("projected", i18n::Arg::Text(projected.clone())),
            ],
        ),
        exchange_bar: shown(f.exchange_coverage).map(|(_, p)| Bar::of(p, Some(100))),
        exchange_desc: t.with("indicators-training-exchange-desc", "figure", &exchange),
        projected: t.with("indicators-training-projected", "projected", &projected),
        dropout,
        exchange,
    }
}
