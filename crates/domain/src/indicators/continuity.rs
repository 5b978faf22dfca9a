//! R6 Continuity after her return (`docs/indicators.md`, R6d and R6e): whether each follow-up
//! of the 1, 3, 6 and 12-month schedule was done on time, and whether the organisation that
//! handed her case over heard how she is doing. R6a–c (what travelled, completeness, days to
//! acknowledge) are in the parent module.

use time::Date;

use super::{FOLLOW_UP_GRACE_DAYS, FollowUpRow, Share};
use crate::Timestamp;
use crate::followup::{SCHEDULE_MONTHS, add_months};
use crate::zone::TimeZone;

/// A follow-up due in the period, as the store reads it: which one of the schedule it is, its
/// due date, and when it was done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FollowUpDue {
    pub months: u8,
    pub due_on: Date,
    pub done_at: Option<Timestamp>,
}

/// Which follow-up of the schedule a due date is: the months after the newest of her returns
/// (each as the day the schedule was counted from) whose schedule holds that date; `None` for a
/// date no return's schedule holds.
pub fn schedule_months(returns: &[Date], due_on: Date) -> Option<u8> {
    let mut newest_first = returns.to_vec();
    newest_first.sort_unstable_by(|a, b| b.cmp(a));
    newest_first.iter().find_map(|returned| {
        SCHEDULE_MONTHS
            .into_iter()
            .find(|m| add_months(*returned, *m) == due_on)
    })
}

/// Whether a follow-up's outcome is known on `today`: done, or undone with its 14 days of
/// grace past. One still within its grace is neither on time nor late yet.
fn settled(row: &FollowUpRow, today: Date) -> bool {
    row.done_on.is_some() || (today - row.due_on).whole_days() > FOLLOW_UP_GRACE_DAYS
}

/// R6d: for each of the 1, 3, 6 and 12-month follow-ups due in the period, those done no later
/// than 14 days after their due date, among those settled on `today`; the day each was done is
/// read in the organisation's zone.
pub fn follow_ups_on_time(rows: &[FollowUpDue], zone: &TimeZone, today: Date) -> Vec<(u8, Share)> {
    let settled: Vec<FollowUpRow> = rows
        .iter()
        .map(|r| read(r, zone))
        .filter(|r| settled(r, today))
        .collect();
    super::follow_ups_on_time(&settled)
}

/// A follow-up as R6d reads it: the day it was done in the organisation's zone.
fn read(r: &FollowUpDue, zone: &TimeZone) -> FollowUpRow {
    FollowUpRow {
        months: r.months,
        due_on: r.due_on,
        done_on: r.done_at.map(|at| zone.date_of(at)),
    }
}

/// R6d's gap, for her director's list: whether `row` counts against the figure on `today`
/// (settled and not on time: done late, or undone with its grace past), as
/// [`follow_ups_on_time`] counts it.
pub fn late(row: &FollowUpDue, zone: &TimeZone, today: Date) -> bool {
    let r = read(row, zone);
    settled(&r, today) && !r.on_time()
}

/// R6e: accepted handovers whose receiver did a follow-up in the period, and whether the sender
/// received news of one (a follow-up update on that handover) in the period.
pub fn news_for_sender(handovers: &[bool]) -> Share {
    Share::of(handovers.iter().copied())
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;

    #[test]
    fn a_due_date_is_placed_in_the_schedule_of_the_newest_return_that_holds_it() {
        let first = date!(2026 - 01 - 31);
        let second = date!(2026 - 03 - 15);
        // The first return's 6-month follow-up, after a second return whose schedule differs.
        assert_eq!(
            schedule_months(&[first, second], date!(2026 - 07 - 31)),
            Some(6)
        );
        assert_eq!(schedule_months(&[first], date!(2026 - 02 - 28)), Some(1));
        assert_eq!(
            schedule_months(&[second, first], date!(2026 - 04 - 15)),
            Some(1)
        );
        assert_eq!(schedule_months(&[first], date!(2027 - 01 - 31)), Some(12));
        assert_eq!(schedule_months(&[first], date!(2026 - 05 - 01)), None);
        assert_eq!(schedule_months(&[], date!(2026 - 05 - 01)), None);
    }

    #[test]
    fn r6d_counts_a_follow_up_once_its_outcome_is_known() {
        let zone: TimeZone = "Asia/Dhaka".parse().unwrap();
        // 14 August 2026 20:00 UTC is 15 August 02:00 in Dhaka.
        let aug_14_evening_utc = Timestamp(1_786_737_600_000);
        assert_eq!(zone.date_of(aug_14_evening_utc), date!(2026 - 08 - 15));
        let f = |months, due_on, done_at| FollowUpDue {
            months,
            due_on,
            done_at,
        };
        let rows = [
            // Done on 15 August in Dhaka: 14 days after 1 August, on time.
            f(1, date!(2026 - 08 - 01), Some(aug_14_evening_utc)),
            // Undone, 15 days past: late.
            f(1, date!(2026 - 08 - 01), None),
            // Undone, still within its grace on 20 September: left out.
            f(3, date!(2026 - 09 - 10), None),
            // Undone and past its grace: late.
            f(3, date!(2026 - 09 - 01), None),
        ];
        let today = date!(2026 - 09 - 20);
        let shares = follow_ups_on_time(&rows, &zone, today);
        assert_eq!(shares[0], (1, Share { count: 1, n: 2 }));
        assert_eq!(shares[1], (3, Share { count: 0, n: 1 }));
        assert_eq!(shares[2], (6, Share::default()));
        // Done a day later: 15 days after its due date, late.
        let later = Timestamp(aug_14_evening_utc.millis() + 86_400_000);
        let late_row = f(1, date!(2026 - 08 - 01), Some(later));
        let late_share = follow_ups_on_time(&[late_row], &zone, today);
        assert_eq!(late_share[0], (1, Share { count: 0, n: 1 }));
        // The list behind the figure holds exactly the settled ones not on time.
        let listed: Vec<bool> = rows.iter().map(|r| late(r, &zone, today)).collect();
        assert_eq!(listed, [false, true, false, true]);
        assert!(late(&late_row, &zone, today));
    }

    #[test]
    fn r6e_is_the_share_of_senders_who_heard() {
        assert_eq!(
            news_for_sender(&[true, false, true]),
            Share { count: 2, n: 3 }
        );
        assert_eq!(news_for_sender(&[]).percent(), None);
    }
}
