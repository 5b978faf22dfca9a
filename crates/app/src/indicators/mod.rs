//! The restorative-care indicators (`docs/indicators.md`): the director's view of her
//! organisation and the network admin's of every organisation side by side with the network's
//! total, over a quarter or a year and the four-quarter trend, with small numbers suppressed.
//!
//! Suppression is decided on one canonical table per calendar year: every organisation of the
//! network by the year's four quarters, with each organisation's year, each quarter's network
//! total and the network's year (`suppress::Table`). Every view (a quarter, a year, a trend that
//! reaches into the year before, one organisation or all) reads its cells from those tables, so a
//! figure hidden in one view is hidden in every other and no subtraction between views gives it
//! back. A director's view is a row of the network's table: it hides at least what the network
//! admin's hides.

use std::sync::Arc;

use domain::indicators::suppress::Table;
use domain::indicators::{self as formula, Bounds, Period, Share, Spread, history};
use domain::plan::SetBy;
use domain::policy::{Action, Resource};
use domain::zone::TimeZone;
use domain::{OrgId, Timestamp};
use store::Store;

use crate::{Acting, App, Error};

/// One figure of the view, in the order they are shown (`docs/indicators.md`): the
/// restorative-care indicators first, the field's counts last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// R1a: open cases with her words in the 90 days before the period's end.
    VoiceLately,
    /// R1b: entries of her words read back to her.
    ReadBack,
    /// R2a: goals she set.
    GoalsSheSet,
    /// R2b: target dates she set.
    TargetsSheSet,
    /// R2c: plan reviews she agreed with.
    ReviewsAgreed,
    /// R2d: plans approved without her recorded agreement (a count; the goal is zero).
    ApprovedWithoutHer,
    /// R3: decisions she took part in.
    DecisionsWithHer,
    /// R4a: days in shelter, of the stays that ended (median, 90th percentile).
    StayDays,
    /// R4b: the same, for stays whose length a court or police order set.
    StayDaysByOrder,
    /// R4b: the same, for stays whose length the team set.
    StayDaysByTeam,
    /// R4b: the same, for stays whose length she chose.
    StayDaysByHer,
    /// R4c: stays that ran past the date she wanted to leave.
    PastHerDate,
    /// R5: shelter incidents met with a positive response.
    PositiveResponses,
    /// R6a: handovers in which her words and agreed plan travelled.
    VoiceTravelled,
    /// R6b: completeness of handovers (median, 90th percentile).
    Completeness,
    /// R6c: days from sending a handover to its acknowledgement.
    DaysToAcknowledge,
    /// R6d: 1-month follow-ups done on time.
    FollowUpsOnTime1,
    /// R6d: 3-month follow-ups done on time.
    FollowUpsOnTime3,
    /// R6d: 6-month follow-ups done on time.
    FollowUpsOnTime6,
    /// R6d: 12-month follow-ups done on time.
    FollowUpsOnTime12,
    /// R6e: senders who received follow-up news.
    NewsForSender,
    /// Girls identified (cases opened).
    Identified,
    /// Girls in care at the period's end.
    InCare,
    /// Girls returned.
    Returned,
    /// Girls returned to live with their family (`docs/indicators.md`, "Reunified").
    Reunified,
}

impl Measure {
    pub const ALL: [Measure; 25] = [
        Measure::VoiceLately,
        Measure::ReadBack,
        Measure::GoalsSheSet,
        Measure::TargetsSheSet,
        Measure::ReviewsAgreed,
        Measure::ApprovedWithoutHer,
        Measure::DecisionsWithHer,
        Measure::StayDays,
        Measure::StayDaysByOrder,
        Measure::StayDaysByTeam,
        Measure::StayDaysByHer,
        Measure::PastHerDate,
        Measure::PositiveResponses,
        Measure::VoiceTravelled,
        Measure::Completeness,
        Measure::DaysToAcknowledge,
        Measure::FollowUpsOnTime1,
        Measure::FollowUpsOnTime3,
        Measure::FollowUpsOnTime6,
        Measure::FollowUpsOnTime12,
        Measure::NewsForSender,
        Measure::Identified,
        Measure::InCare,
        Measure::Returned,
        Measure::Reunified,
    ];

    /// Its stable key, for the API and the page's Fluent ids (`indicator-<key>`).
    pub fn key(self) -> &'static str {
        match self {
            Measure::VoiceLately => "r1a-voice-lately",
            Measure::ReadBack => "r1b-read-back",
            Measure::GoalsSheSet => "r2a-goals-she-set",
            Measure::TargetsSheSet => "r2b-targets-she-set",
            Measure::ReviewsAgreed => "r2c-reviews-agreed",
            Measure::ApprovedWithoutHer => "r2d-approved-without-her",
            Measure::DecisionsWithHer => "r3-decisions-with-her",
            Measure::StayDays => "r4a-days-in-shelter",
            Measure::StayDaysByOrder => "r4b-days-set-by-order",
            Measure::StayDaysByTeam => "r4b-days-set-by-team",
            Measure::StayDaysByHer => "r4b-days-set-by-her",
            Measure::PastHerDate => "r4c-past-her-date",
            Measure::PositiveResponses => "r5-positive-responses",
            Measure::VoiceTravelled => "r6a-voice-travelled",
            Measure::Completeness => "r6b-completeness",
            Measure::DaysToAcknowledge => "r6c-days-to-acknowledge",
            Measure::FollowUpsOnTime1 => "r6d-follow-ups-1-month",
            Measure::FollowUpsOnTime3 => "r6d-follow-ups-3-months",
            Measure::FollowUpsOnTime6 => "r6d-follow-ups-6-months",
            Measure::FollowUpsOnTime12 => "r6d-follow-ups-12-months",
            Measure::NewsForSender => "r6e-news-for-sender",
            Measure::Identified => "count-identified",
            Measure::InCare => "count-in-care",
            Measure::Returned => "count-returned",
            Measure::Reunified => "count-reunified",
        }
    }

    /// What the network aims at (`docs/indicators.md`, "Targets"), in the figure's own unit:
    /// every girl heard, every decision and review with her, every handover carrying her words,
    /// no plan approved without her. None where her choice rather than a rate is the point (the
    /// goals and dates she set), for days, and for the field's counts.
    pub fn target(self) -> Option<u64> {
        match self {
            Measure::VoiceLately
            | Measure::ReadBack
            | Measure::ReviewsAgreed
            | Measure::DecisionsWithHer
            | Measure::PositiveResponses
            | Measure::VoiceTravelled
            | Measure::Completeness
            | Measure::FollowUpsOnTime1
            | Measure::FollowUpsOnTime3
            | Measure::FollowUpsOnTime6
            | Measure::FollowUpsOnTime12 => Some(100),
            Measure::ApprovedWithoutHer | Measure::PastHerDate => Some(0),
            Measure::GoalsSheSet
            | Measure::TargetsSheSet
            | Measure::StayDays
            | Measure::StayDaysByOrder
            | Measure::StayDaysByTeam
            | Measure::StayDaysByHer
            | Measure::DaysToAcknowledge
            | Measure::NewsForSender
            | Measure::Identified
            | Measure::InCare
            | Measure::Returned
            | Measure::Reunified => None,
        }
    }

    /// Whether its figures are days (a median and 90th percentile of them).
    pub fn in_days(self) -> bool {
        matches!(
            self,
            Measure::StayDays
                | Measure::StayDaysByOrder
                | Measure::StayDaysByTeam
                | Measure::StayDaysByHer
                | Measure::DaysToAcknowledge
        )
    }

    /// The field's familiar counts, shown second and labelled as counts.
    pub fn is_field_count(self) -> bool {
        matches!(
            self,
            Measure::Identified | Measure::InCare | Measure::Returned | Measure::Reunified
        )
    }

    /// Whether it is a state at the period's end rather than what happened during it: its
    /// year is its fourth quarter, and its quarters do not add up to the year.
    fn at_end(self) -> bool {
        matches!(self, Measure::VoiceLately | Measure::InCare)
    }
}

/// What one organisation's rows give for one measure and quarter, before suppression: the
/// parts that add up across quarters and organisations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sample {
    Share(Share),
    /// The values a median and 90th percentile are taken over.
    Values(Vec<i64>),
    /// A count of people or events.
    Count(u64),
}

impl Sample {
    /// The figure's n: the denominator, the number of values, or the count itself.
    pub fn n(&self) -> u64 {
        match self {
            Sample::Share(s) => s.n,
            Sample::Values(v) => v.len() as u64,
            Sample::Count(c) => *c,
        }
    }

    /// Adds another part of the same measure (another quarter, another organisation).
    fn merge(&self, other: &Sample) -> Sample {
        match (self, other) {
            (Sample::Share(a), Sample::Share(b)) => Sample::Share(Share {
                count: a.count + b.count,
                n: a.n + b.n,
            }),
            (Sample::Values(a), Sample::Values(b)) => {
                Sample::Values(a.iter().chain(b).copied().collect())
            }
            (Sample::Count(a), Sample::Count(b)) => Sample::Count(a + b),
            (a, _) => a.clone(),
        }
    }

    fn value(&self) -> Value {
        match self {
            Sample::Share(s) => Value::Percent(s.percent()),
            Sample::Values(v) => {
                let spread = Spread::of(v.clone());
                Value::Spread {
                    median: spread.median,
                    p90: spread.p90,
                }
            }
            Sample::Count(c) => Value::Count(*c),
        }
    }
}

/// A shown figure's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Value {
    /// A whole percentage; `None` when n is zero (no data, never 0 %).
    Percent(Option<u64>),
    Spread {
        median: Option<i64>,
        p90: Option<i64>,
    },
    Count(u64),
}

/// A figure as the reader sees it: with its n, or suppressed (its n too, since n is what adds
/// up across views).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Figure {
    Shown { n: u64, value: Value },
    Suppressed,
}

impl Figure {
    fn of(sample: &Sample, hidden: bool) -> Self {
        if hidden {
            Figure::Suppressed
        } else {
            Figure::Shown {
                n: sample.n(),
                value: sample.value(),
            }
        }
    }
}

/// One measure for one organisation (or the network): the period's figure and the four
/// quarters of the trend, oldest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub measure: Measure,
    pub period: Figure,
    pub trend: Vec<Figure>,
}

/// One organisation's figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgFigures {
    pub org: OrgId,
    pub name: String,
    pub lines: Vec<Line>,
    /// R5 by month over the period, each month as its first day (`docs/indicators.md`, R5):
    /// hidden with its quarter, and so that no hidden month is its quarter less the others.
    pub months: Vec<(time::Date, Figure)>,
    /// R7: each route's steps (`repatriation::StepLine`).
    pub repatriation: Vec<repatriation::StepLine>,
}

/// What the reader may see for the period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Indicators {
    pub period: Period,
    /// The four quarters of the trend, oldest first.
    pub trend: Vec<Period>,
    /// Her organisation for a director; every organisation, by name, for the network admin; none
    /// for a trainer.
    pub organisations: Vec<OrgFigures>,
    /// The network's total, for the network admin viewing the network.
    pub network: Option<Vec<Line>>,
    /// R7's steps for the network's total, beside `network`.
    pub network_repatriation: Option<Vec<repatriation::StepLine>>,
    /// The training part, for those who may read it.
    pub training: Option<TrainingFigures>,
    /// R8 Her own view of her life (`her_view`), beside the organisations' figures.
    pub her_view: Option<her_view::HerViewPart>,
    /// When the figures were computed (`cache`): they hold every change made before it.
    pub computed_at: Timestamp,
    /// The figures are not the newest: newer ones are being computed, and the next view after
    /// that shows them.
    pub refreshing: bool,
}

/// The training programme's part (`docs/indicators.md`, "Training"): people, not cases, so a
/// figure about fewer than five is hidden like any other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TrainingFigures {
    /// Staff and survivors who left a workshop before its end, of all enrolled.
    pub dropout: Figure,
    /// The drop-out rate the network projects, in whole percent.
    pub projected_dropout: u64,
    /// Member organisations whose staff visited at least one counterpart, of all members.
    pub exchange_coverage: Figure,
}

/// A share as shown alone: hidden when it is about fewer than five.
fn lone(share: Share) -> Figure {
    Figure::of(
        &Sample::Share(share),
        share.n < domain::indicators::suppress::MIN_N,
    )
}

async fn training_figures(app: &App) -> Result<TrainingFigures, Error> {
    let store = &app.store;
    let rate = store.dropout_rate(&app.programme().key).await?;
    let orgs = store.organisations().await?;
    let visits = store.visits().await?;
    let kinds: Vec<(OrgId, domain::OrgKind)> = orgs.iter().map(|o| (o.id, o.fields.kind)).collect();
    let rows = domain::training::exchange::matrix(&kinds, &visits);
    Ok(TrainingFigures {
        dropout: lone(Share {
            count: rate.dropped as u64,
            n: rate.enrolled as u64,
        }),
        projected_dropout: u64::from(domain::training::PROJECTED_DROPOUT_PERCENT),
        exchange_coverage: lone(Share {
            count: rows.iter().filter(|r| !r.visited.is_empty()).count() as u64,
            n: rows.len() as u64,
        }),
    })
}

/// Whose figures to show: one organisation, or (no organisation named) the reader's own view.
///
/// A director without an organisation named sees her own; the network admin sees the network;
/// a trainer sees the training part only. Naming an organisation asks for that one alone.
pub async fn view(
    app: &App,
    acting: &Acting,
    period: Period,
    organisation: Option<OrgId>,
) -> Result<Indicators, Error> {
    let store = &app.store;
    let (actor, _, now) = acting.signed_in()?;
    let trend = period.trend();
    let empty = Indicators {
        period,
        trend: trend.clone(),
        organisations: Vec::new(),
        network: None,
        network_repatriation: None,
        training: None,
        her_view: None,
        computed_at: now,
        refreshing: false,
    };
    let (scope, network) = match organisation {
        Some(org) => {
            acting.check(Action::ReadIndicators, Resource::Organisation(org))?;
            if store.organisation(org).await?.is_none() {
                return Err(Error::NotFound);
            }
            (Some(org), false)
        }
        None if crate::policy::allows(actor, Action::ReadIndicators, &Resource::Network) => {
            (None, true)
        }
        None if crate::policy::allows(
            actor,
            Action::ReadIndicators,
            &Resource::Organisation(actor.org_id),
        ) =>
        {
            (Some(actor.org_id), false)
        }
        None => {
            acting.check(Action::ReadTrainingIndicators, Resource::Network)?;
            return Ok(Indicators {
                training: Some(training_figures(app).await?),
                ..empty
            });
        }
    };
    let training =
        if crate::policy::allows(actor, Action::ReadTrainingIndicators, &Resource::Network) {
            Some(training_figures(app).await?)
        } else {
            None
        };

    let mut years: Vec<i32> = trend.iter().map(|p| year_of(*p)).collect();
    years.dedup();
    let answer = cache::TableCache::tables(app, &years, now).await?;
    let cache::Tables {
        names,
        samples,
        months,
        steps,
        her_view,
    } = &*answer.kept.tables;
    let her_view = her_view::part(her_view, &years, names, period, scope, network);
    let (mut organisations, total) = assemble(period, &years, names, samples);
    let keys = repatriation::keys_of(store, steps).await?;
    let (mut org_steps, network_steps) = repatriation::assemble(period, &years, &keys, steps);
    for (r, o) in organisations.iter_mut().enumerate() {
        o.months = months_of(period, &years, &months[r], &o.lines);
        o.repatriation = std::mem::take(&mut org_steps[r]);
    }
    Ok(Indicators {
        period,
        trend,
        organisations: organisations
            .into_iter()
            .filter(|o| scope.is_none_or(|s| s == o.org))
            .collect(),
        network: network.then_some(total),
        network_repatriation: network.then_some(network_steps),
        training,
        her_view: Some(her_view),
        computed_at: answer.kept.computed_at,
        refreshing: answer.refreshing,
    })
}

/// Starts computing the tables the views of today's quarter and year read, in the background:
/// `serve` calls it once the store is migrated, so the first director of the day does not wait
/// for them. One set per quarter the organisations' zones are in (one, unless the network spans
/// a quarter's turn at midnight).
pub fn warm(app: &App) {
    let app = app.clone();
    tokio::spawn(async move {
        let now = app.clock.now();
        let mut sets: Vec<Vec<i32>> = Vec::new();
        let orgs = match app.store.organisations().await {
            Ok(orgs) => orgs,
            Err(e) => {
                tracing::warn!(error = %e, "warming the indicators: reading the organisations");
                return;
            }
        };
        for org in &orgs {
            let Ok(zone) = app.store.time_zone_of(org.id).await else {
                continue;
            };
            let quarter = Period::quarter_of(zone.date_of(now));
            let mut years: Vec<i32> = quarter.trend().iter().map(|p| year_of(*p)).collect();
            years.dedup();
            let year = vec![year_of(quarter)];
            for set in [years, year] {
                if !sets.contains(&set) {
                    sets.push(set);
                }
            }
        }
        for years in sets {
            if let Err(e) = cache::TableCache::tables(&app, &years, now).await {
                tracing::warn!(error = %e, "warming the indicators");
            }
        }
    });
}

/// R5 by month over `period` for one organisation: each quarter's months protected against
/// that quarter's figure as the trend shows it (`suppress::protect_parts`). The network's total
/// is not split by month, so no month adds up across organisations to a shown figure.
fn months_of(
    period: Period,
    years: &[i32],
    months: &[Vec<(time::Date, Share)>],
    lines: &[Line],
) -> Vec<(time::Date, Figure)> {
    let Some(r5) = lines
        .iter()
        .find(|l| l.measure == Measure::PositiveResponses)
    else {
        return Vec::new();
    };
    let trend = period.trend();
    let mut out = Vec::new();
    for quarter in period.quarters() {
        let (Period::Quarter { year, quarter: q }, Some(at)) =
            (quarter, trend.iter().position(|p| *p == quarter))
        else {
            continue;
        };
        let Some(y) = years.iter().position(|v| *v == year) else {
            continue;
        };
        let Some(shares) = months.get(y * 4 + usize::from(q) - 1) else {
            continue;
        };
        let quarter_hidden = r5.trend.get(at).is_none_or(|f| *f == Figure::Suppressed);
        let ns: Vec<u64> = shares.iter().map(|(_, s)| s.n).collect();
        let hidden = domain::indicators::suppress::protect_parts(&ns, quarter_hidden);
        out.extend(
            shares.iter().zip(hidden).map(|((first, share), hidden)| {
                (*first, Figure::of(&Sample::Share(*share), hidden))
            }),
        );
    }
    out
}

/// The quarter `acting` is in, read in the zone of the reader's organisation: the period shown
/// when none is asked for.
pub async fn current_quarter(store: &Arc<dyn Store>, acting: &Acting) -> Result<Period, Error> {
    let (actor, _, at) = acting.signed_in()?;
    let today = store.time_zone_of(actor.org_id).await?.date_of(at);
    Ok(Period::quarter_of(today))
}

fn year_of(period: Period) -> i32 {
    match period {
        Period::Quarter { year, .. } | Period::Year(year) => year,
    }
}

/// Suppresses and lays out: for each organisation and the network, each measure's period
/// figure and trend, read from the canonical table of each year. `samples[org][q][measure]`
/// holds the quarters of `years` in order.
pub fn assemble(
    period: Period,
    years: &[i32],
    orgs: &[(OrgId, String)],
    samples: &[Vec<Vec<Sample>>],
) -> (Vec<OrgFigures>, Vec<Line>) {
    let mut org_lines: Vec<Vec<Line>> = vec![Vec::new(); orgs.len()];
    let mut network = Vec::new();
    for (m, &measure) in Measure::ALL.iter().enumerate() {
        let (rows, total) = protect_column(period, years, samples, m, measure.at_end());
        for (lines, figures) in org_lines.iter_mut().zip(rows) {
            lines.push(Line {
                measure,
                period: figures.period,
                trend: figures.trend,
            });
        }
        if let Some(total) = total {
            network.push(Line {
                measure,
                period: total.period,
                trend: total.trend,
            });
        }
    }
    let figures = orgs
        .iter()
        .zip(org_lines)
        .map(|((org, name), lines)| OrgFigures {
            org: *org,
            name: name.clone(),
            lines,
            months: Vec::new(),
            repatriation: Vec::new(),
        })
        .collect();
    (figures, network)
}

/// A figure for the period and the four quarters of its trend.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figures {
    pub period: Figure,
    pub trend: Vec<Figure>,
}

/// Suppresses one column of `samples[org][q][column]` (the quarters of `years` in order) on
/// the canonical table of each year, and reads each organisation's figures and the network's
/// (`None` when there are no organisations) for `period` and its trend. `at_end`: the column
/// is a state at the period's end, whose year is its fourth quarter.
pub fn protect_column(
    period: Period,
    years: &[i32],
    samples: &[Vec<Vec<Sample>>],
    column_index: usize,
    at_end: bool,
) -> (Vec<Figures>, Option<Figures>) {
    let trend = period.trend();
    let orgs = samples.len();
    // Where a quarter sits in `samples`: (index of its year, quarter 0–3).
    let place = |p: Period| match p {
        Period::Quarter { year, quarter } => years
            .iter()
            .position(|y| *y == year)
            .map(|y| (y, usize::from(quarter) - 1)),
        Period::Year(_) => None,
    };
    // One protected table per year: organisations by quarters.
    let tables: Vec<Table> = (0..years.len())
        .map(|y| {
            Table::protect(
                samples
                    .iter()
                    .map(|quarters| {
                        (0..4)
                            .map(|q| quarters[y * 4 + q][column_index].n())
                            .collect()
                    })
                    .collect(),
            )
        })
        .collect();
    let cell = |r: usize, y: usize, q: usize| &samples[r][y * 4 + q][column_index];
    let column = |y: usize, q: usize| {
        (0..orgs).fold(empty_like(cell(0, y, q)), |acc, r| acc.merge(cell(r, y, q)))
    };
    let org_year = |r: usize, y: usize| {
        if at_end {
            cell(r, y, 3).clone()
        } else {
            (0..4).fold(empty_like(cell(r, y, 0)), |acc, q| acc.merge(cell(r, y, q)))
        }
    };
    let network_year = |y: usize| {
        if at_end {
            column(y, 3)
        } else {
            (0..orgs).fold(empty_like(cell(0, y, 0)), |acc, r| {
                acc.merge(&org_year(r, y))
            })
        }
    };
    let rows = (0..orgs)
        .map(|r| {
            let quarter_figure = |p: Period| match place(p) {
                Some((y, q)) => Figure::of(cell(r, y, q), tables[y].hidden[r][q]),
                None => Figure::Suppressed,
            };
            let period_figure = match period {
                Period::Quarter { .. } => quarter_figure(period),
                Period::Year(year) => match years.iter().position(|y| *y == year) {
                    Some(_) if at_end => quarter_figure(Period::Quarter { year, quarter: 4 }),
                    Some(y) => Figure::of(&org_year(r, y), tables[y].row_total_hidden[r]),
                    None => Figure::Suppressed,
                },
            };
            Figures {
                period: period_figure,
                trend: trend.iter().map(|p| quarter_figure(*p)).collect(),
            }
        })
        .collect();
    if orgs == 0 {
        return (rows, None);
    }
    let network_quarter = |p: Period| match place(p) {
        Some((y, q)) => Figure::of(&column(y, q), tables[y].column_total_hidden[q]),
        None => Figure::Suppressed,
    };
    let period_figure = match period {
        Period::Quarter { .. } => network_quarter(period),
        Period::Year(year) => match years.iter().position(|y| *y == year) {
            Some(_) if at_end => network_quarter(Period::Quarter { year, quarter: 4 }),
            Some(y) => Figure::of(&network_year(y), tables[y].grand_total_hidden),
            None => Figure::Suppressed,
        },
    };
    let network = Figures {
        period: period_figure,
        trend: trend.iter().map(|p| network_quarter(*p)).collect(),
    };
    (rows, Some(network))
}

/// A sample of nothing, of the same kind.
fn empty_like(sample: &Sample) -> Sample {
    match sample {
        Sample::Share(_) => Sample::Share(Share::default()),
        Sample::Values(_) => Sample::Values(Vec::new()),
        Sample::Count(_) => Sample::Count(0),
    }
}

/// Every organisation's samples, for every quarter of `years`: the canonical tables are the
/// network's, whoever reads them. Kept, and refreshed behind the readers after a change
/// ([`cache::TableCache`]). R8's protected grids are part of them.
pub(crate) async fn compute_tables(
    app: &App,
    years: &[i32],
    now: Timestamp,
) -> Result<cache::Tables, Error> {
    let store = &app.store;
    let mut orgs = store.organisations().await?;
    orgs.sort_by_key(|o| o.fields.name.to_string());
    let mut samples = Vec::new();
    let mut months = Vec::new();
    let mut steps = Vec::new();
    for org in &orgs {
        let zone = store.time_zone_of(org.id).await?;
        let histories = histories_of(store, org.id, &zone, years).await?;
        let mut quarters = Vec::new();
        let mut by_month = Vec::new();
        let mut done = Vec::new();
        for &year in years {
            for quarter in Period::Year(year).quarters() {
                let (sample, month) =
                    samples_of(store, org.id, &zone, &histories, quarter, now).await?;
                quarters.push(sample);
                by_month.push(month);
                done.push(repatriation::rows_of(store, org.id, quarter).await?);
            }
        }
        samples.push(quarters);
        months.push(by_month);
        steps.push(done);
    }
    let names: Vec<(OrgId, String)> = orgs
        .iter()
        .map(|o| (o.id, o.fields.name.to_string()))
        .collect();
    let her_view = her_view::grids(store, &names, years).await?;
    Ok(cache::Tables {
        names,
        samples,
        months,
        steps,
        her_view,
    })
}

/// What custody and stage at every quarter's start and end of `years` are worked out from for
/// `org`'s cases, fetched once (`domain::indicators::history`), with her words from 90 days
/// before the first quarter's end.
async fn histories_of(
    store: &Arc<dyn Store>,
    org: OrgId,
    zone: &TimeZone,
    years: &[i32],
) -> Result<Vec<history::CaseHistory>, Error> {
    let (Some(first), Some(last)) = (years.first(), years.last()) else {
        return Ok(Vec::new());
    };
    let first_end = Period::Quarter {
        year: *first,
        quarter: 1,
    }
    .bounds(zone)
    .end;
    let words = Bounds {
        start: history::words_since(first_end),
        end: Period::Year(*last).bounds(zone).end,
    };
    Ok(store.case_histories(org, words).await?)
}

/// One organisation's samples for one quarter, in the order of [`Measure::ALL`]: one store
/// query per indicator, each through its pure formula; the counts that need custody and stage
/// at an instant from `histories`.
async fn samples_of(
    store: &Arc<dyn Store>,
    org: OrgId,
    zone: &TimeZone,
    histories: &[history::CaseHistory],
    quarter: Period,
    now: Timestamp,
) -> Result<(Vec<Sample>, Vec<(time::Date, Share)>), Error> {
    let span: Bounds = quarter.bounds(zone);
    let open = history::open_cases_at(histories, org, span.end);
    let read_back = store.voice_read_back(org, span).await?;
    let goals = store.plan_goals(org, span).await?;
    let reviews = store.review_agreements(org, span).await?;
    let approvals = store.approvals_reviewed(org, span).await?;
    let decisions = store.decision_participation(org, span).await?;
    let incidents = store.incident_responses(org, span).await?;
    let stays = store.stays_ended(org, span).await?;
    let stay_days = |setter: Option<Option<SetBy>>| {
        Sample::Values(
            stays
                .iter()
                .filter(|s| setter.is_none_or(|wanted| s.length_set_by == wanted))
                .map(|s| whole_days(s.entered, s.left))
                .collect(),
        )
    };
    let handovers = store.handovers_sent(org, span).await?;
    let (on_time, news) = continuity_samples(store, org, zone, quarter, now).await?;
    // Returned: each case at its first return in the span, for its custodian then; the same
    // cases whose recommendations are read for reunified.
    let returns = store.return_recommendations(org, span).await?;
    let reunified = returns
        .iter()
        .filter(|r| formula::reunified(r.as_deref()))
        .count() as u64;
    let by_month = formula::positive_by_month(&incidents, quarter, zone);
    let positive = by_month.iter().fold(Share::default(), |a, (_, s)| Share {
        count: a.count + s.count,
        n: a.n + s.n,
    });
    let values = |s: Spread, all: Vec<i64>| {
        debug_assert_eq!(s.n, all.len() as u64);
        Sample::Values(all)
    };
    let completeness: Vec<i64> = handovers.iter().filter_map(|h| h.score).collect();
    let acknowledge: Vec<i64> = handovers
        .iter()
        .filter_map(|h| h.acknowledged_at.map(|a| whole_days(h.sent_at, a)))
        .collect();
    let mut samples = vec![
        Sample::Share(formula::voice_lately(&open, span.end)),
        Sample::Share(formula::read_back(&read_back)),
        Sample::Share(formula::goals_she_set(&goals)),
        Sample::Share(formula::targets_she_set(&goals)),
        Sample::Share(formula::reviews_agreed(&reviews)),
        Sample::Count(formula::approved_without_her(&approvals)),
        Sample::Share(formula::decisions_with_her(&decisions)),
        stay_days(None),
        stay_days(Some(Some(SetBy::Order))),
        stay_days(Some(Some(SetBy::Team))),
        stay_days(Some(Some(SetBy::Her))),
        Sample::Share(formula::past_her_date(&stays, zone)),
        Sample::Share(positive),
        Sample::Share(formula::voice_travelled(&handovers)),
        values(formula::completeness(&handovers), completeness),
        values(formula::days_to_acknowledge(&handovers), acknowledge),
    ];
    samples.extend(on_time);
    samples.push(news);
    samples.extend([
        Sample::Count(history::identified(histories, org, span)),
        Sample::Count(history::in_care(histories, org, span.end)),
        Sample::Count(returns.len() as u64),
        Sample::Count(reunified),
    ]);
    Ok((samples, by_month))
}

/// R6d (the 1, 3, 6 and 12-month follow-ups on time, in that order) and R6e (news for the
/// sender) for one organisation and quarter: one store query each. A follow-up still within its
/// grace on `now` is neither on time nor late yet.
async fn continuity_samples(
    store: &Arc<dyn Store>,
    org: OrgId,
    zone: &TimeZone,
    quarter: Period,
    now: Timestamp,
) -> Result<(Vec<Sample>, Sample), Error> {
    use domain::indicators::continuity;
    let span = quarter.bounds(zone);
    let due = store
        .follow_ups_due(org, (quarter.first_day(), quarter.day_after()), span.end)
        .await?;
    let on_time = continuity::follow_ups_on_time(&due, zone, zone.date_of(now))
        .into_iter()
        .map(|(_, share)| Sample::Share(share))
        .collect();
    let news = continuity::news_for_sender(&store.sender_news(org, span).await?);
    Ok((on_time, Sample::Share(news)))
}

/// Whole days between two instants, as `domain::indicators` counts them.
fn whole_days(from: Timestamp, to: Timestamp) -> i64 {
    (to.millis() - from.millis()).div_euclid(86_400_000)
}

pub(crate) mod cache;
#[cfg(test)]
mod cache_tests;
pub mod cases;
pub mod demo;
pub mod her_view;
pub mod her_view_demo;
pub mod repatriation;
pub mod report;
pub mod returns_demo;
#[cfg(test)]
mod tests;
pub mod words;
