//! R8 Her own view of her life in `GET /api/v1/indicators`: per area, her mean rating at the
//! first and the latest time she was asked and the worker's, on the scale of 1 (very hard) to
//! 4 (very good), and the cases where the two were two points or more apart. Hidden figures are
//! `null` with `suppressed: true`, as every other figure.

use app::indicators::her_view::{HerViewFigures, HerViewPart, Shown};
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

/// One organisation's R8.
#[derive(Serialize, ToSchema)]
pub struct HerViewOrganisationJson {
    #[schema(format = Uuid)]
    pub id: String,
    pub name: String,
    pub figures: HerViewFiguresJson,
}

/// R8 Her own view of her life.
#[derive(Serialize, ToSchema)]
pub struct HerViewJson {
    pub organisations: Vec<HerViewOrganisationJson>,
    /// The network's total, for the network admin viewing the network.
    pub network: Option<HerViewFiguresJson>,
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

impl From<HerViewPart> for HerViewJson {
    fn from(part: HerViewPart) -> Self {
        HerViewJson {
            organisations: part
                .organisations
                .into_iter()
                .map(|o| HerViewOrganisationJson {
                    id: o.org.to_string(),
                    name: o.name,
                    figures: figures(o.figures),
                })
                .collect(),
            network: part.network.map(figures),
        }
    }
}
