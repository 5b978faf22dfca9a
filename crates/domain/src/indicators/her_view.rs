//! R8 Her own view of her life (`docs/indicators.md`): for the cases an organisation asked
//! her view in during the period, having asked it before, the change per area from the first
//! view to the latest — hers and the worker's — and how often the two are two points or more
//! apart at the latest.
//!
//! Every part is a sum over cases (points, cases, flagged cases), so organisations add up to
//! the network's total and the same suppression applies: n is the number of cases with at
//! least two views, and each area's figure for her has its own n (the cases where she said a
//! rating at least twice).

use crate::CaseId;
use crate::Timestamp;
use crate::indicators::{Bounds, Share};
use crate::life_view::AreaRating;
use crate::plan::GoalDomain;

/// One view an organisation recorded, as the indicator reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViewRow {
    pub case: CaseId,
    pub recorded_at: Timestamp,
    pub areas: Vec<AreaRating>,
}

/// Points at the first and the latest view, summed over `n` cases: the mean change is
/// `(latest - first) / n`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Movement {
    pub n: u64,
    pub first: i64,
    pub latest: i64,
}

impl Movement {
    fn add(self, first: i64, latest: i64) -> Self {
        Movement {
            n: self.n + 1,
            first: self.first + first,
            latest: self.latest + latest,
        }
    }

    pub fn merge(self, other: Movement) -> Self {
        Movement {
            n: self.n + other.n,
            first: self.first + other.first,
            latest: self.latest + other.latest,
        }
    }

    /// The mean at the first view, in tenths of a point (25 is 2.5); `None` for no data.
    pub fn first_tenths(self) -> Option<i64> {
        tenths(self.first, self.n)
    }

    pub fn latest_tenths(self) -> Option<i64> {
        tenths(self.latest, self.n)
    }

    /// The mean change, in tenths of a point.
    pub fn change_tenths(self) -> Option<i64> {
        tenths(self.latest - self.first, self.n)
    }
}

/// `sum / n` in tenths, rounded half away from zero.
fn tenths(sum: i64, n: u64) -> Option<i64> {
    let n = i64::try_from(n).ok().filter(|n| *n > 0)?;
    let twenty = sum * 20;
    Some(if twenty >= 0 {
        (twenty + n) / (2 * n)
    } else {
        -((-twenty + n) / (2 * n))
    })
}

/// One area: her movement, the worker's, and the cases whose latest ratings are flagged among
/// those where she said one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AreaFigures {
    pub area: GoalDomain,
    pub her: Movement,
    pub worker: Movement,
    pub gaps: Share,
}

impl AreaFigures {
    fn empty(area: GoalDomain) -> Self {
        AreaFigures {
            area,
            her: Movement::default(),
            worker: Movement::default(),
            gaps: Share::default(),
        }
    }
}

/// R8 for one organisation and period, or (merged) the network.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HerView {
    /// Cases with a view in the period and an earlier one: the figure's n.
    pub cases: u64,
    /// The six areas, in the plan's order.
    pub areas: Vec<AreaFigures>,
}

impl Default for HerView {
    fn default() -> Self {
        HerView {
            cases: 0,
            areas: GoalDomain::ALL
                .iter()
                .map(|a| AreaFigures::empty(*a))
                .collect(),
        }
    }
}

impl HerView {
    /// Adds another organisation's figures (the network's total).
    pub fn merge(&self, other: &HerView) -> HerView {
        HerView {
            cases: self.cases + other.cases,
            areas: self
                .areas
                .iter()
                .zip(&other.areas)
                .map(|(a, b)| AreaFigures {
                    area: a.area,
                    her: a.her.merge(b.her),
                    worker: a.worker.merge(b.worker),
                    gaps: Share {
                        count: a.gaps.count + b.gaps.count,
                        n: a.gaps.n + b.gaps.n,
                    },
                })
                .collect(),
        }
    }
}

/// The cases R8 counts over `rows`: those with a view in `span` and an earlier one, each with
/// its views before the period's end, oldest first.
fn counted(rows: &[ViewRow], span: Bounds) -> Vec<(CaseId, Vec<&ViewRow>)> {
    let mut cases: Vec<CaseId> = Vec::new();
    for r in rows {
        if !cases.contains(&r.case) {
            cases.push(r.case);
        }
    }
    cases
        .into_iter()
        .filter_map(|case| {
            let mut views: Vec<&ViewRow> = rows
                .iter()
                .filter(|r| r.case == case && r.recorded_at < span.end)
                .collect();
            views.sort_by_key(|r| r.recorded_at);
            let in_period = views.iter().any(|r| span.start <= r.recorded_at);
            (views.len() >= 2 && in_period).then_some((case, views))
        })
        .collect()
}

/// An area's ratings over a case's views, oldest first.
fn rated<'a>(views: &[&'a ViewRow], area: GoalDomain) -> Vec<&'a AreaRating> {
    views
        .iter()
        .filter_map(|v| v.areas.iter().find(|a| a.area == area))
        .collect()
}

/// R8's gaps, for her director's list: the cases R8 counts whose latest rating in some area
/// has her rating and the worker's two points or more apart (what the gaps' numerator
/// counts), each with those areas' latest ratings in the plan's order.
pub fn gaps_by_case(rows: &[ViewRow], span: Bounds) -> Vec<(CaseId, Vec<AreaRating>)> {
    counted(rows, span)
        .into_iter()
        .filter_map(|(case, views)| {
            let flagged: Vec<AreaRating> = GoalDomain::ALL
                .iter()
                .filter_map(|area| rated(&views, *area).last().copied().copied())
                .filter(|latest| latest.her.rating().is_some() && latest.flagged())
                .collect();
            (!flagged.is_empty()).then_some((case, flagged))
        })
        .collect()
}

/// R8 over `rows`: every view the organisation recorded before the period's end, for the
/// cases it recorded one for in the period. A case counts when it has a view in `span` and
/// an earlier one; its latest view is its newest before the end.
pub fn her_view(rows: &[ViewRow], span: Bounds) -> HerView {
    let mut out = HerView::default();
    for (_, views) in counted(rows, span) {
        out.cases += 1;
        for figures in out.areas.iter_mut() {
            let rated = rated(&views, figures.area);
            if let (Some(first), Some(latest)) = (rated.first(), rated.last())
                && rated.len() >= 2
            {
                figures.worker = figures
                    .worker
                    .add(first.worker.points(), latest.worker.points());
            }
            let hers: Vec<i64> = rated
                .iter()
                .filter_map(|a| a.her.rating())
                .map(|r| r.points())
                .collect();
            if let (Some(first), Some(latest)) = (hers.first(), hers.last())
                && hers.len() >= 2
            {
                figures.her = figures.her.add(*first, *latest);
            }
            if let Some(latest) = rated.last()
                && latest.her.rating().is_some()
            {
                figures.gaps = Share {
                    count: figures.gaps.count + u64::from(latest.flagged()),
                    n: figures.gaps.n + 1,
                };
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::life_view::HerRating::{NotSaid, Said};
    use crate::life_view::{HerRating, Rating};

    const DAY: i64 = 86_400_000;

    fn row(case: CaseId, day: i64, ratings: [(HerRating, Rating); 6]) -> ViewRow {
        ViewRow {
            case,
            recorded_at: Timestamp(day * DAY),
            areas: GoalDomain::ALL
                .iter()
                .zip(ratings)
                .map(|(&area, (her, worker))| AreaRating { area, her, worker })
                .collect(),
        }
    }

    #[test]
    fn tenths_round_half_away_from_zero() {
        assert_eq!(tenths(5, 2), Some(25));
        assert_eq!(tenths(2, 3), Some(7));
        assert_eq!(tenths(-1, 4), Some(-3));
        assert_eq!(tenths(1, 0), None);
    }

    #[test]
    fn a_case_counts_with_a_view_in_the_period_and_one_before() {
        use Rating::{Good, Hard, VeryGood, VeryHard};
        let span = Bounds {
            start: Timestamp(100 * DAY),
            end: Timestamp(200 * DAY),
        };
        let a = CaseId::new();
        let b = CaseId::new();
        let c = CaseId::new();
        let d = CaseId::new();
        let rows = vec![
            // a: entering care before the period, a review in it: counts.
            row(a, 10, [(Said(VeryHard), Hard); 6]),
            row(a, 150, [(Said(Good), Good); 6]),
            // b: both in the period, she declined safety the second time.
            row(b, 110, [(Said(Hard), Hard); 6]),
            {
                let mut r = row(b, 190, [(Said(VeryGood), Hard); 6]);
                r.areas[0].her = NotSaid;
                r
            },
            // c: only one view: not counted.
            row(c, 120, [(Said(Good), Good); 6]),
            // d: two views, neither in the period: not counted; and one after it, ignored.
            row(d, 10, [(Said(Good), Good); 6]),
            row(d, 20, [(Said(Good), Good); 6]),
            row(d, 250, [(Said(Good), Good); 6]),
        ];
        let v = her_view(&rows, span);
        assert_eq!(v.cases, 2);
        let safety = v.areas[0];
        assert_eq!(
            safety.her,
            Movement {
                n: 1,
                first: 1,
                latest: 3
            }
        ); // b did not say the second time
        assert_eq!(
            safety.worker,
            Movement {
                n: 2,
                first: 2 + 2,
                latest: 3 + 2
            }
        );
        assert_eq!(safety.gaps, Share { count: 0, n: 1 });
        let health = v.areas[1];
        assert_eq!(health.her.change_tenths(), Some(20)); // (3-1 + 4-2) / 2
        assert_eq!(health.gaps, Share { count: 1, n: 2 }); // b: very good against hard
        let doubled = v.merge(&v);
        assert_eq!(doubled.cases, 4);
        assert_eq!(doubled.areas[1].her.n, 4);
        assert_eq!(doubled.areas[1].her.change_tenths(), Some(20));

        // The list behind the gaps: b alone, in the five areas where she said "very good"
        // against the worker's "hard" the latest time (safety she did not say). Each listed
        // area is one the gaps' numerator counts.
        let listed = gaps_by_case(&rows, span);
        assert_eq!(listed.len(), 1, "{listed:?}");
        assert_eq!(listed[0].0, b);
        assert_eq!(
            listed[0].1.iter().map(|a| a.area).collect::<Vec<_>>(),
            GoalDomain::ALL[1..].to_vec()
        );
        assert!(
            listed[0]
                .1
                .iter()
                .all(|a| a.her == Said(VeryGood) && a.worker == Hard)
        );
        let flagged: u64 = v.areas.iter().map(|a| a.gaps.count).sum();
        assert_eq!(flagged, listed[0].1.len() as u64);
        // d's gap after the period and c's single view are never listed.
        let mut apart = rows.clone();
        apart.push(row(c, 130, [(Said(VeryHard), VeryGood); 6]));
        let listed = gaps_by_case(&apart, span);
        assert_eq!(
            listed.iter().map(|(case, _)| *case).collect::<Vec<_>>(),
            [b, c]
        );
        assert_eq!(listed[1].1.len(), 6);
    }
}
