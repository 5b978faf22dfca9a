//! The period an indicator covers: a calendar quarter (`2026-Q3`) or a year (`2026`), whose
//! bounds are instants in an organisation's own time zone (`docs/indicators.md`).

use std::fmt;
use std::str::FromStr;

use time::{Date, Month};

use crate::zone::TimeZone;
use crate::{DomainError, Timestamp};

/// A quarter or a year. Years run from 1970 to 9999, so every bound is a valid date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Period {
    /// `quarter` is 1 to 4.
    Quarter {
        year: i32,
        quarter: u8,
    },
    Year(i32),
}

/// The half-open span of a period in one zone: from `start` up to, not including, `end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bounds {
    pub start: Timestamp,
    pub end: Timestamp,
}

impl Bounds {
    pub fn contains(self, at: Timestamp) -> bool {
        self.start <= at && at < self.end
    }
}

impl Period {
    /// The quarter a day falls in.
    pub fn quarter_of(day: Date) -> Period {
        Period::Quarter {
            year: day.year(),
            quarter: (u8::from(day.month()) - 1) / 3 + 1,
        }
    }

    /// The first day of the period.
    pub fn first_day(self) -> Date {
        let (year, month) = match self {
            Period::Quarter { year, quarter } => (year, 3 * (quarter - 1) + 1),
            Period::Year(year) => (year, 1),
        };
        month_start(year, month)
    }

    /// The first day after the period.
    pub fn day_after(self) -> Date {
        match self {
            Period::Quarter { year, quarter: 4 } => month_start(year + 1, 1),
            Period::Quarter { year, quarter } => month_start(year, 3 * quarter + 1),
            Period::Year(year) => month_start(year + 1, 1),
        }
    }

    /// Its bounds in `zone`: from its first local midnight to the next period's.
    pub fn bounds(self, zone: &TimeZone) -> Bounds {
        Bounds {
            start: zone.start_of_day(self.first_day()),
            end: zone.start_of_day(self.day_after()),
        }
    }

    /// The quarters it is made of: itself for a quarter, four for a year.
    pub fn quarters(self) -> Vec<Period> {
        match self {
            Period::Quarter { .. } => vec![self],
            Period::Year(year) => (1..=4)
                .map(|quarter| Period::Quarter { year, quarter })
                .collect(),
        }
    }

    /// The four quarters of the trend, oldest first: those ending with this quarter, or the
    /// year's own four.
    pub fn trend(self) -> Vec<Period> {
        match self {
            Period::Year(_) => self.quarters(),
            Period::Quarter { year, quarter } => (0..4)
                .rev()
                .map(|back| {
                    let index = year * 4 + i32::from(quarter) - 1 - back;
                    Period::Quarter {
                        year: index.div_euclid(4),
                        quarter: index.rem_euclid(4) as u8 + 1,
                    }
                })
                .collect(),
        }
    }

    /// The months of the period, as their first days (R5 is shown by month).
    pub fn months(self) -> Vec<Date> {
        let first = self.first_day();
        let count = match self {
            Period::Quarter { .. } => 3,
            Period::Year(_) => 12,
        };
        (0..count)
            .map(|i| month_start(first.year(), u8::from(first.month()) + i))
            .collect()
    }
}

/// The first day of `month` (1–12) of `year`: always a valid date for the years a period
/// allows, and 1 January 1970 otherwise rather than a panic.
fn month_start(year: i32, month: u8) -> Date {
    Month::try_from(month)
        .ok()
        .and_then(|m| Date::from_calendar_date(year, m, 1).ok())
        .unwrap_or(Date::from_ordinal_date(1970, 1).unwrap_or(Date::MIN))
}

impl FromStr for Period {
    type Err = DomainError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let invalid = || DomainError::InvalidPeriod(s.to_string());
        let text = s.trim().to_ascii_uppercase();
        let (year, quarter) = match text.split_once("-Q") {
            Some((year, quarter)) => (year, Some(quarter)),
            None => (text.as_str(), None),
        };
        if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
            return Err(invalid());
        }
        let year: i32 = year.parse().map_err(|_| invalid())?;
        // Before 1970 Saathi holds no records; the calendar is not kept past 2999.
        if !(1970..=2999).contains(&year) {
            return Err(invalid());
        }
        match quarter {
            None => Ok(Period::Year(year)),
            Some(q) => match q {
                "1" | "2" | "3" | "4" => Ok(Period::Quarter {
                    year,
                    quarter: q.parse().map_err(|_| invalid())?,
                }),
                _ => Err(invalid()),
            },
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Quarter { year, quarter } => write!(f, "{year:04}-Q{quarter}"),
            Period::Year(year) => write!(f, "{year:04}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_falls_in_its_quarter() {
        use time::macros::date;
        for (day, quarter) in [
            (date!(2026 - 01 - 01), 1),
            (date!(2026 - 03 - 31), 1),
            (date!(2026 - 04 - 01), 2),
            (date!(2026 - 09 - 30), 3),
            (date!(2026 - 12 - 31), 4),
        ] {
            assert_eq!(
                Period::quarter_of(day),
                Period::Quarter {
                    year: 2026,
                    quarter
                }
            );
        }
    }
    use time::macros::date;

    fn q(year: i32, quarter: u8) -> Period {
        Period::Quarter { year, quarter }
    }

    #[test]
    fn periods_parse_and_print() {
        assert_eq!("2026-Q3".parse::<Period>(), Ok(q(2026, 3)));
        assert_eq!(" 2026-q1 ".parse::<Period>(), Ok(q(2026, 1)));
        assert_eq!("2026".parse::<Period>(), Ok(Period::Year(2026)));
        for bad in [
            "2026-Q5", "2026-Q0", "26-Q1", "2026Q1", "", "Q3-2026", "1969", "2026-Q",
        ] {
            assert_eq!(
                bad.parse::<Period>(),
                Err(DomainError::InvalidPeriod(bad.to_string())),
                "{bad}"
            );
        }
        assert_eq!(q(2026, 3).to_string(), "2026-Q3");
        assert_eq!(Period::Year(2026).to_string(), "2026");
    }

    #[test]
    fn a_quarter_begins_at_midnight_in_the_organisations_own_zone() {
        let kolkata: TimeZone = "Asia/Kolkata".parse().unwrap();
        let dhaka: TimeZone = "Asia/Dhaka".parse().unwrap();
        let july = 1_782_864_000_000; // 1 July 2026 00:00 UTC
        let b = q(2026, 3).bounds(&kolkata);
        assert_eq!(b.start.millis(), july - 19_800_000);
        let d = q(2026, 3).bounds(&dhaka);
        assert_eq!(d.start.millis(), july - 21_600_000);
        // 23:50 IST on 30 June is Q2 in Kolkata but already 00:20 on 1 July in Dhaka.
        let late_june = Timestamp(july - 19_800_000 - 10 * 60_000);
        assert!(!b.contains(late_june) && d.contains(late_june));
        assert_eq!(q(2026, 4).day_after(), date!(2027 - 01 - 01));
        assert_eq!(
            Period::Year(2026).bounds(&kolkata).end,
            q(2026, 4).bounds(&kolkata).end
        );
    }

    #[test]
    fn the_trend_is_the_four_quarters_ending_with_this_one() {
        assert_eq!(
            q(2026, 2).trend(),
            vec![q(2025, 3), q(2025, 4), q(2026, 1), q(2026, 2)]
        );
        assert_eq!(Period::Year(2026).trend(), Period::Year(2026).quarters());
        assert_eq!(q(2026, 4).months()[2], date!(2026 - 12 - 01));
        assert_eq!(Period::Year(2026).months().len(), 12);
    }
}
