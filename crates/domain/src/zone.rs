//! An organisation's time zone: where its days, months, quarters and years begin. A shelter in
//! Kolkata and an NGO in Jashore live half an hour apart, so "the third quarter" of each starts
//! at a different instant; the indicators count each organisation's quarter in its own zone.
//!
//! Names are IANA zone names (`Asia/Kolkata`, `Asia/Dhaka`), checked against the zone database
//! bundled with `jiff`, so a server without `/usr/share/zoneinfo` reads them the same.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::{CountryCode, DomainError, Timestamp};

/// A valid IANA time-zone name, as the zone database spells it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct TimeZone(String);

/// India's zone: the default where nothing better is known, since most of the network's
/// destination shelters are there.
pub const DEFAULT_ZONE: &str = "Asia/Kolkata";

impl TimeZone {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The zone an organisation takes until its director sets one: its country's, where the
    /// country is Bangladesh or Nepal, else India's (as migration 0023 gave existing ones).
    pub fn for_country(country: &CountryCode) -> Self {
        let name = match country.as_str() {
            "BD" => "Asia/Dhaka",
            "NP" => "Asia/Kathmandu",
            _ => DEFAULT_ZONE,
        };
        Self(name.to_string())
    }

    /// The zone rules. The name was checked when it was made, so this cannot fail for a
    /// `TimeZone` built by `from_str`; one read from a corrupt row falls back to UTC's rules
    /// rather than panic, and `from_str` is where such a row is refused.
    pub fn rules(&self) -> jiff::tz::TimeZone {
        jiff::tz::db()
            .get(&self.0)
            .unwrap_or(jiff::tz::TimeZone::UTC)
    }

    /// The instant a calendar day begins in this zone.
    pub fn start_of_day(&self, date: time::Date) -> Timestamp {
        let civil = jiff::civil::date(
            date.year() as i16,
            u8::from(date.month()) as i8,
            date.day() as i8,
        );
        match civil.to_zoned_datetime(self.rules()) {
            Ok(zoned) => Timestamp(zoned.timestamp().as_millisecond()),
            // Only out-of-range years reach here; they clamp like `Timestamp::to_datetime`.
            Err(_) => Timestamp(0),
        }
    }

    /// The calendar date of an instant in this zone.
    pub fn date_of(&self, at: Timestamp) -> time::Date {
        self.local(at).date()
    }

    /// The date and wall-clock time of an instant in this zone: what a clock on the wall of
    /// the organisation's office showed.
    pub fn local(&self, at: Timestamp) -> time::PrimitiveDateTime {
        let utc = at.to_datetime();
        let fallback = time::PrimitiveDateTime::new(utc.date(), utc.time());
        let Ok(instant) = jiff::Timestamp::from_millisecond(at.millis()) else {
            return fallback;
        };
        let civil = instant.to_zoned_datetime(self.rules()).datetime();
        let date = time::Month::try_from(civil.month() as u8)
            .ok()
            .and_then(|m| {
                time::Date::from_calendar_date(civil.year().into(), m, civil.day() as u8).ok()
            });
        let clock = time::Time::from_hms(
            civil.hour() as u8,
            civil.minute() as u8,
            civil.second() as u8,
        )
        .ok();
        match (date, clock) {
            (Some(date), Some(clock)) => time::PrimitiveDateTime::new(date, clock),
            _ => fallback,
        }
    }
}

impl Default for TimeZone {
    fn default() -> Self {
        Self(DEFAULT_ZONE.to_string())
    }
}

impl FromStr for TimeZone {
    type Err = DomainError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let name = s.trim();
        match jiff::tz::db().get(name) {
            // Keep the database's own spelling (`asia/kolkata` is found, `Asia/Kolkata` kept).
            Ok(zone) if !name.is_empty() => Ok(Self(zone.iana_name().unwrap_or(name).to_string())),
            _ => Err(DomainError::UnknownTimeZone(s.to_string())),
        }
    }
}

impl TryFrom<String> for TimeZone {
    type Error = DomainError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl From<TimeZone> for String {
    fn from(z: TimeZone) -> Self {
        z.0
    }
}

impl fmt::Display for TimeZone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn names_are_checked_against_the_bundled_database() {
        assert_eq!(
            "Asia/Dhaka".parse::<TimeZone>().unwrap().as_str(),
            "Asia/Dhaka"
        );
        assert_eq!(
            " Asia/Kolkata ".parse::<TimeZone>().unwrap().as_str(),
            "Asia/Kolkata"
        );
        assert!("Asia/Atlantis".parse::<TimeZone>().is_err());
        assert!("".parse::<TimeZone>().is_err());
        assert!("+05:30".parse::<TimeZone>().is_err());
    }

    #[test]
    fn an_organisation_takes_its_countrys_zone_until_one_is_set() {
        let zone = |c: &str| TimeZone::for_country(&c.parse().unwrap());
        assert_eq!(zone("BD").as_str(), "Asia/Dhaka");
        assert_eq!(zone("IN").as_str(), "Asia/Kolkata");
        assert_eq!(zone("FR").as_str(), DEFAULT_ZONE);
        assert!(zone("NP").as_str().parse::<TimeZone>().is_ok());
    }

    #[test]
    fn a_day_begins_at_local_midnight() {
        let kolkata: TimeZone = "Asia/Kolkata".parse().unwrap();
        let dhaka: TimeZone = "Asia/Dhaka".parse().unwrap();
        // 1 July 2026 00:00 UTC is 1782864000 s.
        let utc_midnight = 1_782_864_000_000;
        assert_eq!(
            kolkata.start_of_day(date!(2026 - 07 - 01)).millis(),
            utc_midnight - 5 * 3_600_000 - 30 * 60_000
        );
        assert_eq!(
            dhaka.start_of_day(date!(2026 - 07 - 01)).millis(),
            utc_midnight - 6 * 3_600_000
        );
        // 30 June 19:00 UTC is 1 July 01:00 in Dhaka and 00:30 in Kolkata; 18:15 UTC is
        // already 1 July in Dhaka but still 30 June in Kolkata.
        let evening = Timestamp(utc_midnight - 5 * 3_600_000);
        assert_eq!(dhaka.date_of(evening), date!(2026 - 07 - 01));
        assert_eq!(kolkata.date_of(evening), date!(2026 - 07 - 01));
        let earlier = Timestamp(utc_midnight - 5 * 3_600_000 - 45 * 60_000);
        assert_eq!(dhaka.date_of(earlier), date!(2026 - 07 - 01));
        assert_eq!(kolkata.date_of(earlier), date!(2026 - 06 - 30));
    }

    #[test]
    fn late_on_the_25th_in_utc_is_the_26th_in_dhaka() {
        use time::macros::datetime;
        let dhaka: TimeZone = "Asia/Dhaka".parse().unwrap();
        let kolkata: TimeZone = "Asia/Kolkata".parse().unwrap();
        // 25 August 2026, 20:10 UTC.
        let at = Timestamp::from_datetime(datetime!(2026-08-25 20:10 UTC));
        assert_eq!(dhaka.local(at), datetime!(2026-08-26 02:10));
        assert_eq!(kolkata.local(at), datetime!(2026-08-26 01:40));
        assert_eq!(dhaka.date_of(at), date!(2026 - 08 - 26));
        let afternoon = Timestamp::from_datetime(datetime!(2026-08-25 10:00 UTC));
        assert_eq!(kolkata.local(afternoon), datetime!(2026-08-25 15:30));
    }
}
