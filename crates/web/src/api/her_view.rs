//! R8 Her own view of her life in `GET /api/v1/indicators`: per area, her mean rating at the
//! first and the latest time she was asked and the worker's, on the scale of 1 (very hard) to
//! 4 (very good), and the cases where the two were two points or more apart. Hidden figures are
//! `null` with `suppressed: true`, as every other figure.

use app::indicators::her_view::{HerViewFigures, HerViewPart, Shown, trend_means};
use domain::indicators::Period;
use serde::Serialize;
use utoipa::ToSchema;

use super::indicators::FigureJson;
use super::names;

/// A mean movement over `n` cases; every number `null` when suppressed.
#[derive(Serialize, ToSchema)]
pub struct MovementJson {
    pub suppressed: bool,
    #[schema(minimum = 0)]
    pub n: Option<u64>,
    /// The mean rating the first time, 1 to 4, to one decimal.
    #[schema(minimum = 1, maximum = 4)]
    pub first_mean: Option<f64>,
    /// The mean rating the latest time.
    #[schema(minimum = 1, maximum = 4)]
    pub latest_mean: Option<f64>,
    /// Latest less first, −3 to 3.
    #[schema(minimum = -3, maximum = 3)]
    pub change: Option<f64>,
}

impl From<Shown> for MovementJson {
    fn from(m: Shown) -> Self {
        let tenths = |v: Option<i64>| v.map(|v| v as f64 / 10.0);
        match m {
            Some(m) => MovementJson {
                suppressed: false,
                n: Some(m.n),
                first_mean: tenths(m.first_tenths()),
                latest_mean: tenths(m.latest_tenths()),
                change: tenths(m.change_tenths()),
            },
            None => MovementJson {
                suppressed: true,
                n: None,
                first_mean: None,
                latest_mean: None,
                change: None,
            },
        }
    }
}

/// One area of her life.
#[derive(Serialize, ToSchema)]
pub struct HerViewAreaJson {
    #[schema(value_type = names::GoalDomainName)]
    pub area: &'static str,
    pub her: MovementJson,
    pub worker: MovementJson,
    /// The cases where she and the worker were two points or more apart the latest time, of
    /// those where she gave a rating (a share).
    pub gaps: FigureJson,
}

/// R8 for one organisation or the network.
#[derive(Serialize, ToSchema)]
pub struct HerViewFiguresJson {
    /// The cases asked in the period and asked before: the figure's n, as a count.
    pub cases: FigureJson,
    /// The six areas, in the plan's order.
    pub areas: Vec<HerViewAreaJson>,
}

/// One quarter of R8's four-quarter trend, as the indicator page draws it.
#[derive(Serialize, ToSchema)]
pub struct HerViewQuarterJson {
    /// The quarter, as `2026-Q3`.
    pub period: String,
    /// Her mean of the latest ratings, 1 to 4 to one decimal, over the areas shown in every
    /// quarter of the trend whose cases are shown (the page's line); `null` when the quarter's
    /// cases or one of those areas is hidden, or there is no data.
    #[schema(minimum = 1, maximum = 4)]
    pub her_mean: Option<f64>,
    /// The worker's, the same way.
    #[schema(minimum = 1, maximum = 4)]
    pub worker_mean: Option<f64>,
    /// The quarter's own figures per area (`latest_mean` is the area's mean the latest time),
    /// hidden exactly as in every other view.
    pub figures: HerViewFiguresJson,
}

/// One organisation's R8.
#[derive(Serialize, ToSchema)]
pub struct HerViewOrganisationJson {
    #[schema(format = Uuid)]
    pub id: String,
    pub name: String,
    pub figures: HerViewFiguresJson,
    /// The four quarters of the trend, oldest first.
    pub trend: Vec<HerViewQuarterJson>,
}

/// R8 Her own view of her life.
#[derive(Serialize, ToSchema)]
pub struct HerViewJson {
    pub organisations: Vec<HerViewOrganisationJson>,
    /// The network's total, for the network admin viewing the network.
    pub network: Option<HerViewFiguresJson>,
    /// The network's four quarters of the trend, beside `network`.
    pub network_trend: Option<Vec<HerViewQuarterJson>>,
}

fn figures(f: HerViewFigures) -> HerViewFiguresJson {
    HerViewFiguresJson {
        cases: f.cases.into(),
        areas: f
            .areas
            .into_iter()
            .map(|a| HerViewAreaJson {
                area: a.area.as_str(),
                her: a.her.into(),
                worker: a.worker.into(),
                gaps: a.gaps.into(),
            })
            .collect(),
    }
}

/// Each quarter of a trend with the page's means (`app::indicators::her_view::trend_means`).
fn trend(periods: &[Period], quarters: Vec<HerViewFigures>) -> Vec<HerViewQuarterJson> {
    let means = trend_means(&quarters);
    let mean = |v: Option<i64>| v.map(|v| v as f64 / 10.0);
    periods
        .iter()
        .zip(quarters)
        .zip(means)
        .map(|((p, f), m)| HerViewQuarterJson {
            period: p.to_string(),
            her_mean: mean(m.her),
            worker_mean: mean(m.worker),
            figures: figures(f),
        })
        .collect()
}

impl HerViewJson {
    /// R8 of the view, its trend over `periods` (the view's four quarters).
    pub fn of(part: HerViewPart, periods: &[Period]) -> Self {
        HerViewJson {
            organisations: part
                .organisations
                .into_iter()
                .map(|o| HerViewOrganisationJson {
                    id: o.org.to_string(),
                    name: o.name,
                    figures: figures(o.figures),
                    trend: trend(periods, o.trend),
                })
                .collect(),
            network: part.network.map(figures),
            network_trend: part.network_trend.map(|q| trend(periods, q)),
        }
    }
}
