//! Time, injected. Audit entries, session expiry, throttling and (later) overdue alerts all ask a
//! `Clock`, so tests can fix or advance the time instead of sleeping.

use std::sync::atomic::{AtomicI64, Ordering};

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// Milliseconds since the Unix epoch, UTC. Stored as a 64-bit integer in both databases, so the
/// two engines agree to the millisecond and compare the same way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Timestamp(pub i64);

impl Timestamp {
    pub fn from_millis(ms: i64) -> Self {
        Self(ms)
    }

    pub fn millis(self) -> i64 {
        self.0
    }

    pub fn plus_seconds(self, seconds: i64) -> Self {
        Self(self.0.saturating_add(seconds.saturating_mul(1000)))
    }

    /// As a calendar date-time in UTC; out-of-range values clamp to the epoch.
    pub fn to_datetime(self) -> OffsetDateTime {
        OffsetDateTime::from_unix_timestamp_nanos(i128::from(self.0) * 1_000_000)
            .unwrap_or(OffsetDateTime::UNIX_EPOCH)
    }

    pub fn from_datetime(dt: OffsetDateTime) -> Self {
        Self((dt.unix_timestamp_nanos() / 1_000_000) as i64)
    }

    /// A moment a record says it was made, when it comes from outside (another server's
    /// package) rather than from this server's clock: not before 1970, and not later than `now`
    /// (a day allowed for a clock that runs ahead).
    pub fn check_recorded(self, now: Timestamp) -> Result<(), crate::DomainError> {
        if self.0 < 0 {
            return Err(crate::DomainError::InvalidDate(self.0.to_string()));
        }
        if self.0 > now.plus_seconds(86_400).0 {
            return Err(crate::DomainError::DateInFuture);
        }
        Ok(())
    }

    /// RFC 3339 in UTC, for the API and logs.
    pub fn to_rfc3339(self) -> String {
        let dt = self.to_datetime();
        format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
            dt.year(),
            u8::from(dt.month()),
            dt.day(),
            dt.hour(),
            dt.minute(),
            dt.second(),
            dt.millisecond()
        )
    }
}

/// Where "now" comes from.
pub trait Clock: Send + Sync {
    fn now(&self) -> Timestamp;
}

/// The real clock.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Timestamp {
        Timestamp::from_datetime(OffsetDateTime::now_utc())
    }
}

/// A clock that stands still until moved: for tests.
#[derive(Debug)]
pub struct FixedClock(AtomicI64);

impl FixedClock {
    pub fn at(t: Timestamp) -> Self {
        Self(AtomicI64::new(t.0))
    }

    pub fn advance_seconds(&self, seconds: i64) {
        self.0.fetch_add(seconds * 1000, Ordering::SeqCst);
    }
}

impl Clock for FixedClock {
    fn now(&self) -> Timestamp {
        Timestamp(self.0.load(Ordering::SeqCst))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_print_as_rfc3339() {
        assert_eq!(Timestamp(0).to_rfc3339(), "1970-01-01T00:00:00.000Z");
        assert_eq!(
            Timestamp(1_795_910_400_123).to_rfc3339(),
            "2026-11-29T00:00:00.123Z"
        );
    }

    #[test]
    fn a_recorded_time_from_outside_lies_between_1970_and_a_day_past_now() {
        let now = Timestamp(1_795_910_400_000);
        assert_eq!(Timestamp(0).check_recorded(now), Ok(()));
        assert_eq!(now.check_recorded(now), Ok(()));
        assert_eq!(now.plus_seconds(86_400).check_recorded(now), Ok(()));
        assert_eq!(
            now.plus_seconds(86_401).check_recorded(now),
            Err(crate::DomainError::DateInFuture)
        );
        assert!(Timestamp(-1).check_recorded(now).is_err());
    }

    #[test]
    fn a_fixed_clock_moves_only_when_told() {
        let clock = FixedClock::at(Timestamp(1000));
        assert_eq!(clock.now(), Timestamp(1000));
        clock.advance_seconds(60);
        assert_eq!(clock.now(), Timestamp(61_000));
    }
}
