//! `GET /api/v1/indicators`: the restorative-care indicators as figures, each with its n,
//! suppressed figures as `null` with `suppressed: true` (`docs/indicators.md`).

use app::indicators::report::{self, ReportFormat};
use app::indicators::{self, Figure, Line, Value};
use axum::Json;
use axum::extract::{Query, State};
use axum::http::HeaderValue;
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use domain::OrgId;
use domain::indicators::Period;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::names;
use super::problems::{BadQuery, Forbidden, NotFound, Unauthorized};
use crate::{AppError, AppState, Ctx};

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct IndicatorsQuery {
    /// A quarter (`2026-Q3`) or a year (`2026`), in each organisation's own time zone; the
    /// current quarter when absent.
    /// Years from 1970 to 2999: before, Saathi holds no records; after, no calendar is kept.
    #[param(
        pattern = "^(19[7-9][0-9]|2[0-9]{3})(-[Qq][1-4])?$",
        example = "2026-Q3"
    )]
    period: Option<String>,
    /// One organisation; absent, the reader's own view (a director's organisation, the
    /// network admin's network).
    #[param(format = Uuid)]
    organisation: Option<String>,
}

impl IndicatorsQuery {
    /// The period (the reader's current quarter when none is named) and the organisation; a
    /// value that does not parse is a 400.
    async fn parse(
        &self,
        state: &AppState,
        acting: &app::Acting,
    ) -> Result<(Period, Option<OrgId>), AppError> {
        let period: Period = match self.period.as_deref() {
            Some(text) => text
                .parse()
                .map_err(|e: domain::DomainError| AppError::Malformed(format!("period: {e}")))?,
            None => indicators::current_quarter(&state.store, acting).await?,
        };
        let organisation = self
            .organisation
            .as_deref()
            .map(|id| {
                id.parse::<OrgId>()
                    .map_err(|_| AppError::Malformed(format!("organisation: {id:?} is not an id")))
            })
            .transpose()?;
        Ok((period, organisation))
    }
}

/// The indicators for the period, with the four-quarter trend.
#[derive(Serialize, ToSchema)]
pub struct IndicatorsBody {
    /// The period shown.
    pub period: String,
    /// The four quarters of the trend, oldest first.
    pub trend: Vec<String>,
    /// Her organisation for a director; every organisation for the network admin; none for a
    /// trainer.
    pub organisations: Vec<OrganisationIndicators>,
    /// The network's total, when the network admin views the network; `null` otherwise.
    pub network: Option<Vec<IndicatorLine>>,
    /// R7 for the network's total, beside `network`; `null` otherwise.
    pub network_repatriation: Option<Vec<RepatriationPace>>,
    /// Whether the reader sees the training part.
    pub training: bool,
    /// The training part's figures, when `training`; `null` otherwise.
    pub training_figures: Option<TrainingIndicators>,
    /// R8 Her own view of her life, for those who see the organisations' figures; `null` for
    /// a trainer.
    pub her_view: Option<super::her_view::HerViewJson>,
    /// When the figures were computed: they hold every change made before it. The network's
    /// figures are kept and refreshed behind the readers, so after a change this is older than
    /// the change until the refresh is done (`refreshing`).
    #[schema(format = DateTime, example = "2026-09-30T08:15:00Z")]
    pub computed_at: String,
    /// Newer figures are being computed: a request after they are done shows them.
    pub refreshing: bool,
}

/// The training programme's figures: people, not cases, hidden below five like any other.
#[derive(Serialize, ToSchema)]
pub struct TrainingIndicators {
    /// Staff and survivors who left a workshop before its end, of all enrolled.
    pub dropout: FigureJson,
    /// The drop-out rate the network projects, in whole percent.
    #[schema(minimum = 0, maximum = 100)]
    pub projected_dropout_percent: u64,
    /// Member organisations whose staff visited at least one counterpart, of all members.
    pub exchange_coverage: FigureJson,
}

/// One organisation's figures.
#[derive(Serialize, ToSchema)]
pub struct OrganisationIndicators {
    #[schema(format = Uuid)]
    pub id: String,
    pub name: String,
    pub indicators: Vec<IndicatorLine>,
    /// R7: each route's steps, in order.
    pub repatriation: Vec<RepatriationPace>,
    /// R5 by month over the period, oldest first: each month hidden with its quarter, and so
    /// that no hidden month is its quarter (or year) less the shown ones. The network's total
    /// is not split by month.
    pub positive_responses_by_month: Vec<MonthFigure>,
}

/// One month of R5: the share of shelter incidents met with a positive response.
#[derive(Serialize, ToSchema)]
pub struct MonthFigure {
    /// The month, in the organisation's time zone.
    #[schema(pattern = "^[0-9]{4}-(0[1-9]|1[0-2])$", example = "2026-07")]
    pub month: String,
    pub figure: FigureJson,
}

/// R7 for one step of a route: the days it took (median and 90th percentile, n the steps done
/// in the period) and the share that took longer than expected. Both have the same n and are
/// hidden together.
#[derive(Serialize, ToSchema)]
pub struct RepatriationPace {
    /// The route, e.g. `IN-BD`.
    pub route: String,
    /// The step's key, e.g. `nationality-verified`.
    pub step: String,
    /// The days the route expects the step to take.
    #[schema(minimum = 0)]
    pub expected_days: i64,
    /// `median` and `p90` in days.
    pub days: FigureWithTrend,
    /// `percent` of the steps that took longer than expected.
    pub delayed: FigureWithTrend,
}

/// A figure for the period and the trend's four quarters.
#[derive(Serialize, ToSchema)]
pub struct FigureWithTrend {
    pub period: FigureJson,
    /// Oldest first, one per quarter of `trend`.
    pub trend: Vec<FigureJson>,
}

impl From<indicators::Figures> for FigureWithTrend {
    fn from(f: indicators::Figures) -> Self {
        FigureWithTrend {
            period: f.period.into(),
            trend: f.trend.into_iter().map(FigureJson::from).collect(),
        }
    }
}

fn steps(steps: Vec<indicators::repatriation::StepLine>) -> Vec<RepatriationPace> {
    steps
        .into_iter()
        .map(|s| RepatriationPace {
            route: s.route,
            step: s.step,
            expected_days: s.expected_days,
            days: s.days.into(),
            delayed: s.delayed.into(),
        })
        .collect()
}

/// One indicator: the period's figure and the trend's four.
#[derive(Serialize, ToSchema)]
pub struct IndicatorLine {
    #[schema(value_type = names::IndicatorName)]
    pub indicator: &'static str,
    pub period: FigureJson,
    /// Oldest first, one per quarter of `trend`.
    pub trend: Vec<FigureJson>,
}

/// A figure with its n. Suppressed, every number is `null` (n too, since n is what adds up
/// across views). Only the numbers of its kind are set: `percent` for a share (`null` when n
/// is 0: no data), `median` and `p90` for days or scores, `count` for a count.
#[derive(Serialize, ToSchema)]
pub struct FigureJson {
    pub suppressed: bool,
    #[schema(minimum = 0)]
    pub n: Option<u64>,
    #[schema(minimum = 0, maximum = 100)]
    pub percent: Option<u64>,
    pub median: Option<i64>,
    pub p90: Option<i64>,
    #[schema(minimum = 0)]
    pub count: Option<u64>,
}

impl From<Figure> for FigureJson {
    fn from(figure: Figure) -> Self {
        let mut json = FigureJson {
            suppressed: true,
            n: None,
            percent: None,
            median: None,
            p90: None,
            count: None,
        };
        if let Figure::Shown { n, value } = figure {
            json.suppressed = false;
            json.n = Some(n);
            match value {
                Value::Percent(p) => json.percent = p,
                Value::Spread { median, p90 } => {
                    json.median = median;
                    json.p90 = p90;
                }
                Value::Count(c) => json.count = Some(c),
            }
        }
        json
    }
}

fn lines(lines: Vec<Line>) -> Vec<IndicatorLine> {
    lines
        .into_iter()
        .map(|l| IndicatorLine {
            indicator: l.measure.key(),
            period: l.period.into(),
            trend: l.trend.into_iter().map(FigureJson::from).collect(),
        })
        .collect()
}

#[utoipa::path(get, path = "/api/v1/indicators", tag = "indicators", params(IndicatorsQuery),
    summary = "The restorative-care indicators: a director's organisation, or every organisation and the network's total for the network admin; small numbers suppressed.",
    responses((status = 200, description = "The figures, each with its n.", body = IndicatorsBody),
        BadQuery, Unauthorized, Forbidden, NotFound))]
pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(query): Query<IndicatorsQuery>,
) -> Result<Json<IndicatorsBody>, AppError> {
    let actor = ctx.actor()?;
    let acting = ctx.acting(&actor, state.clock.now());
    let (period, organisation) = query.parse(&state, &acting).await?;
    let view = indicators::view(&state, &acting, period, organisation).await?;
    Ok(Json(IndicatorsBody {
        period: view.period.to_string(),
        trend: view.trend.iter().map(ToString::to_string).collect(),
        organisations: view
            .organisations
            .into_iter()
            .map(|o| OrganisationIndicators {
                id: o.org.to_string(),
                name: o.name,
                indicators: lines(o.lines),
                repatriation: steps(o.repatriation),
                positive_responses_by_month: o
                    .months
                    .into_iter()
                    .map(|(first, figure)| MonthFigure {
                        month: report::month_key(first),
                        figure: figure.into(),
                    })
                    .collect(),
            })
            .collect(),
        network: view.network.map(lines),
        network_repatriation: view.network_repatriation.map(steps),
        her_view: view
            .her_view
            .map(|part| super::her_view::HerViewJson::of(part, &view.trend)),
        computed_at: view.computed_at.to_rfc3339(),
        refreshing: view.refreshing,
        training: view.training.is_some(),
        training_figures: view.training.map(|t| TrainingIndicators {
            dropout: t.dropout.into(),
            projected_dropout_percent: t.projected_dropout,
            exchange_coverage: t.exchange_coverage.into(),
        }),
    }))
}

async fn report(
    state: AppState,
    ctx: Ctx,
    query: IndicatorsQuery,
    format: ReportFormat,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let acting = ctx.acting(&actor, state.clock.now());
    let (period, organisation) = query.parse(&state, &acting).await?;
    let file = report::report(&state, &acting, period, organisation, ctx.lang, format).await?;
    Ok((
        [
            (
                CONTENT_TYPE,
                HeaderValue::from_static(file.format.content_type()),
            ),
            (
                CONTENT_DISPOSITION,
                super::exports::disposition(&file.file_name),
            ),
            (CACHE_CONTROL, HeaderValue::from_static("no-store")),
        ],
        file.bytes,
    )
        .into_response())
}

#[utoipa::path(get, path = "/api/v1/indicators.xlsx", tag = "indicators", params(IndicatorsQuery),
    summary = "The indicator report as an XLSX workbook: one sheet per indicator (and one for the training part), a row per organisation and period, hidden figures marked `suppressed` in every cell. The same figures and readers as GET /api/v1/indicators; labels in the reader's language. Audited.",
    responses((status = 200, description = "The workbook.", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = Vec<u8>),
        BadQuery, Unauthorized, Forbidden, NotFound))]
pub async fn report_xlsx(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(query): Query<IndicatorsQuery>,
) -> Result<Response, AppError> {
    report(state, ctx, query, ReportFormat::Xlsx).await
}

#[utoipa::path(get, path = "/api/v1/indicators.pdf", tag = "indicators", params(IndicatorsQuery),
    summary = "The indicator report as a PDF in the reader's language (bn, hi or en), each indicator with its figure, its bar against the target and its trend drawn; hidden figures say so. The same figures and readers as GET /api/v1/indicators. Audited.",
    responses((status = 200, description = "The report.", content_type = "application/pdf", body = Vec<u8>),
        BadQuery, Unauthorized, Forbidden, NotFound))]
pub async fn report_pdf(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(query): Query<IndicatorsQuery>,
) -> Result<Response, AppError> {
    report(state, ctx, query, ReportFormat::Pdf).await
}
