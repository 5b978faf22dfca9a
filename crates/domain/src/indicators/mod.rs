//! The restorative-care indicators as pure functions (`docs/indicators.md` is their contract):
//! each takes the plain rows the store fetched for one organisation and period and returns a
//! figure with its n. Suppression is a separate step (`suppress`), applied by the service across
//! every view together.

pub mod continuity;
pub mod her_view;
pub mod history;
pub mod period;
pub mod repatriation;
pub mod suppress;

use time::Date;

use crate::decision::Participation;
use crate::note::Response;
use crate::plan::{Agreement, SetBy};
use crate::zone::TimeZone;
use crate::{CaseId, Timestamp};

pub use period::{Bounds, Period};

/// A share: how many of `n` count. No data when `n` is zero, never 0 %.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Share {
    pub count: u64,
    pub n: u64,
}

impl Share {
    fn of(mut items: impl Iterator<Item = bool>) -> Self {
        items.by_ref().fold(Share::default(), |s, yes| Share {
            count: s.count + u64::from(yes),
            n: s.n + 1,
        })
    }

    /// A whole percentage, rounded half up; `None` for no data.
    pub fn percent(self) -> Option<u64> {
        (self.n > 0).then(|| (self.count * 200 + self.n) / (self.n * 2))
    }
}

/// The median and 90th percentile of `n` values, by nearest rank.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Spread {
    pub n: u64,
    pub median: Option<i64>,
    pub p90: Option<i64>,
}

impl Spread {
    pub fn of(mut values: Vec<i64>) -> Self {
        values.sort_unstable();
        Spread {
            n: values.len() as u64,
            median: nearest_rank(&values, 50),
            p90: nearest_rank(&values, 90),
        }
    }
}

/// The value at position ⌈p/100 · n⌉ (1-based) of sorted values.
fn nearest_rank(sorted: &[i64], p: usize) -> Option<i64> {
    let rank = (p * sorted.len()).div_ceil(100).max(1);
    sorted.get(rank - 1).copied()
}

const DAY_MS: i64 = 86_400_000;

/// Whole days from `from` to `to`.
fn days(from: Timestamp, to: Timestamp) -> i64 {
    (to.millis() - from.millis()).div_euclid(DAY_MS)
}

// --- R1 Her voice ------------------------------------------------------------------------

/// An open case in the organisation's custody at the period's end, with the newest entry of
/// her words that organisation recorded before then.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenCase {
    pub case: CaseId,
    pub last_words: Option<Timestamp>,
}

/// The days before the period's end in which her words count as recent (R1a).
pub const VOICE_WINDOW_DAYS: i64 = 90;

/// R1a: open cases with her words recorded in the 90 days before `end`.
pub fn voice_lately(cases: &[OpenCase], end: Timestamp) -> Share {
    let since = Timestamp(end.millis() - VOICE_WINDOW_DAYS * DAY_MS);
    Share::of(
        cases
            .iter()
            .map(|c| c.last_words.is_some_and(|t| since <= t && t < end)),
    )
}

/// The open cases behind R1a's gap: none of her words in the 90 days (the director's list).
pub fn without_voice_lately(cases: &[OpenCase], end: Timestamp) -> Vec<CaseId> {
    let since = Timestamp(end.millis() - VOICE_WINDOW_DAYS * DAY_MS);
    cases
        .iter()
        .filter(|c| !c.last_words.is_some_and(|t| since <= t && t < end))
        .map(|c| c.case)
        .collect()
}

/// R1b: entries of her words recorded in the period (newest version of each) read back to her.
pub fn read_back(entries: &[bool]) -> Share {
    Share::of(entries.iter().copied())
}

// --- R2 Her plan -------------------------------------------------------------------------

/// A goal of a plan version saved in the period: who set it, and who set its target date
/// (`None` when it has no target).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GoalRow {
    pub set_by: SetBy,
    pub target_set_by: Option<SetBy>,
}

/// R2a: goals she set.
pub fn goals_she_set(goals: &[GoalRow]) -> Share {
    Share::of(goals.iter().map(|g| g.set_by == SetBy::Her))
}

/// R2b: target dates she set, among goals with a target.
pub fn targets_she_set(goals: &[GoalRow]) -> Share {
    Share::of(
        goals
            .iter()
            .filter_map(|g| g.target_set_by)
            .map(|s| s == SetBy::Her),
    )
}

/// R2c: plan reviews in which she agreed.
pub fn reviews_agreed(reviews: &[Agreement]) -> Share {
    Share::of(reviews.iter().map(|a| *a == Agreement::Agreed))
}

/// R2d: plan versions approved in the period without her recorded agreement (`agreed` or
/// `partly` at a review of that version). The goal is zero. `approvals` holds, for each
/// approved version, the agreements recorded at its reviews.
pub fn approved_without_her(approvals: &[Vec<Agreement>]) -> u64 {
    approvals
        .iter()
        .filter(|reviews| {
            !reviews
                .iter()
                .any(|a| matches!(a, Agreement::Agreed | Agreement::Partly))
        })
        .count() as u64
}

// --- R3 Her decisions --------------------------------------------------------------------

/// R3: decisions she took part in (decided with her, or consulted).
pub fn decisions_with_her(decisions: &[Participation]) -> Share {
    Share::of(
        decisions
            .iter()
            .map(|p| matches!(p, Participation::DecidedWithHer | Participation::Consulted)),
    )
}

// --- R4 Pace and stay --------------------------------------------------------------------

/// A stay that ended in the period: from entering care to leaving it, with the terms of her
/// stay in force when she left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stay {
    pub entered: Timestamp,
    pub left: Timestamp,
    pub length_set_by: Option<SetBy>,
    pub wants_to_leave_on: Option<Date>,
}

/// R4a: days in shelter.
pub fn days_in_shelter(stays: &[Stay]) -> Spread {
    Spread::of(stays.iter().map(|s| days(s.entered, s.left)).collect())
}

/// R4b: days in shelter by who set the length of her stay (`None`: not recorded), in the
/// order order, team, her, not recorded.
pub fn days_by_setter(stays: &[Stay]) -> Vec<(Option<SetBy>, Spread)> {
    [
        Some(SetBy::Order),
        Some(SetBy::Team),
        Some(SetBy::Her),
        None,
    ]
    .into_iter()
    .map(|setter| {
        let of: Vec<Stay> = stays
            .iter()
            .filter(|s| s.length_set_by == setter)
            .copied()
            .collect();
        (setter, days_in_shelter(&of))
    })
    .collect()
}

/// R4c: stays that ran past the date she wanted, among those with such a date; the day she
/// left is read in the organisation's zone.
pub fn past_her_date(stays: &[Stay], zone: &TimeZone) -> Share {
    Share::of(
        stays
            .iter()
            .filter_map(|s| s.wants_to_leave_on.map(|d| zone.date_of(s.left) > d)),
    )
}

// --- R5 Discipline -----------------------------------------------------------------------

/// R5: for each month of the period, incidents met with a positive response among those with
/// a response; months are read in the organisation's zone.
pub fn positive_by_month(
    incidents: &[(Timestamp, Response)],
    period: Period,
    zone: &TimeZone,
) -> Vec<(Date, Share)> {
    let months = period.months();
    months
        .iter()
        .map(|&first| {
            let share = Share::of(
                incidents
                    .iter()
                    .filter(|(at, _)| {
                        let day = zone.date_of(*at);
                        day.year() == first.year() && day.month() == first.month()
                    })
                    .map(|(_, r)| *r == Response::Positive),
            );
            (first, share)
        })
        .collect()
}

// --- R6 Continuity -----------------------------------------------------------------------

/// A handover sent in the period, for either side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HandoverRow {
    /// Her words travelled (the voice section was sent).
    pub voice_travelled: bool,
    /// Her plan travelled with her agreement (a review `agreed` or `partly` before sending).
    pub agreed_plan_travelled: bool,
    pub score: Option<i64>,
    pub sent_at: Timestamp,
    pub acknowledged_at: Option<Timestamp>,
}

/// R6a: handovers in which her words and her agreed plan travelled.
pub fn voice_travelled(handovers: &[HandoverRow]) -> Share {
    Share::of(
        handovers
            .iter()
            .map(|h| h.voice_travelled && h.agreed_plan_travelled),
    )
}

/// R6b: completeness of the handovers.
pub fn completeness(handovers: &[HandoverRow]) -> Spread {
    Spread::of(handovers.iter().filter_map(|h| h.score).collect())
}

/// R6c: days from sending to acknowledgement.
pub fn days_to_acknowledge(handovers: &[HandoverRow]) -> Spread {
    Spread::of(
        handovers
            .iter()
            .filter_map(|h| h.acknowledged_at.map(|a| days(h.sent_at, a)))
            .collect(),
    )
}

/// Days after its due date within which a follow-up counts as on time.
pub const FOLLOW_UP_GRACE_DAYS: i64 = 14;

/// A follow-up due in the period: months after return (1, 3, 6, 12), due date, and the day
/// it was done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FollowUpRow {
    pub months: u8,
    pub due_on: Date,
    pub done_on: Option<Date>,
}

impl FollowUpRow {
    /// Done no later than its days of grace after its due date.
    pub fn on_time(&self) -> bool {
        self.done_on
            .is_some_and(|done| (done - self.due_on).whole_days() <= FOLLOW_UP_GRACE_DAYS)
    }
}

/// R6d: for each of the 1, 3, 6 and 12-month follow-ups, those done on time.
pub fn follow_ups_on_time(rows: &[FollowUpRow]) -> Vec<(u8, Share)> {
    crate::followup::SCHEDULE_MONTHS
        .into_iter()
        .map(|months| {
            let share = Share::of(
                rows.iter()
                    .filter(|r| r.months == months)
                    .map(FollowUpRow::on_time),
            );
            (months, share)
        })
        .collect()
}

// --- R7 Repatriation ---------------------------------------------------------------------

/// A repatriation step done in the period: its route and key, the days it took and the days
/// expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepRow {
    pub route: String,
    pub step: String,
    pub took_days: i64,
    pub expected_days: i64,
}

/// R7 for one route and step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepPace {
    pub route: String,
    pub step: String,
    pub expected_days: i64,
    pub took: Spread,
    pub delayed: Share,
}

/// R7: per route and step (in first-seen order), the days taken against the days expected,
/// and the share delayed.
pub fn repatriation_pace(rows: &[StepRow]) -> Vec<StepPace> {
    let mut keys: Vec<(&str, &str, i64)> = Vec::new();
    for r in rows {
        if !keys.iter().any(|(a, b, _)| *a == r.route && *b == r.step) {
            keys.push((&r.route, &r.step, r.expected_days));
        }
    }
    keys.into_iter()
        .map(|(route, step, expected_days)| {
            let of: Vec<&StepRow> = rows
                .iter()
                .filter(|r| r.route == route && r.step == step)
                .collect();
            StepPace {
                route: route.to_string(),
                step: step.to_string(),
                expected_days,
                took: Spread::of(of.iter().map(|r| r.took_days).collect()),
                delayed: Share::of(of.iter().map(|r| r.took_days > r.expected_days)),
            }
        })
        .collect()
}

// --- The counts the field knows ----------------------------------------------------------

/// Counts of people, shown second and labelled as counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FieldCounts {
    pub identified: u64,
    pub in_care: u64,
    pub returned: u64,
    /// Returned to live with her family (`docs/indicators.md`).
    pub reunified: u64,
}

/// The home-and-family assessment's recommendations that mean living with her family.
pub const REUNIFYING_RECOMMENDATIONS: [&str; 2] = ["return_home", "return_with_support"];

/// Whether a return counts as reunification: her newest home-and-family assessment before it
/// recommended living with her family.
pub fn reunified(recommendation: Option<&str>) -> bool {
    recommendation.is_some_and(|r| REUNIFYING_RECOMMENDATIONS.contains(&r))
}

#[cfg(test)]
mod tests;
