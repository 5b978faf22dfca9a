//! Throttling of failed sign-ins, per account and per address.
//!
//! Kept in memory: a restart forgets it, which is acceptable for a single process (the audit
//! trail keeps every failure). Times come from the injected clock, so tests need not wait.

use std::collections::HashMap;
use std::sync::Mutex;

use domain::Timestamp;

/// Failures counted over this window.
pub const WINDOW_SECONDS: i64 = 15 * 60;
/// Failed sign-ins for one username before it is locked for the rest of the window.
pub const PER_ACCOUNT: usize = 5;
/// Failed sign-ins from one address (across usernames) before it is locked.
pub const PER_ADDRESS: usize = 20;

#[derive(Debug, Default)]
pub struct Throttle {
    failures: Mutex<HashMap<String, Vec<Timestamp>>>,
}

fn account_key(username: &str) -> String {
    format!("account:{}", username.trim().to_lowercase())
}

fn address_key(address: &str) -> String {
    format!("address:{address}")
}

impl Throttle {
    /// `Err(seconds)` to wait when the account or the address has failed too often.
    pub fn check(&self, username: &str, address: &str, now: Timestamp) -> Result<(), i64> {
        let Ok(mut map) = self.failures.lock() else {
            return Ok(());
        };
        let mut wait = 0;
        for (key, limit) in [
            (account_key(username), PER_ACCOUNT),
            (address_key(address), PER_ADDRESS),
        ] {
            if let Some(times) = map.get_mut(&key) {
                times.retain(|t| now.millis() - t.millis() < WINDOW_SECONDS * 1000);
                if times.len() >= limit {
                    let oldest = times.iter().min().copied().unwrap_or(now);
                    let until = oldest.millis() + WINDOW_SECONDS * 1000;
                    wait = wait.max((until - now.millis() + 999) / 1000);
                }
            }
        }
        if wait > 0 { Err(wait) } else { Ok(()) }
    }

    pub fn record_failure(&self, username: &str, address: &str, now: Timestamp) {
        if let Ok(mut map) = self.failures.lock() {
            for key in [account_key(username), address_key(address)] {
                map.entry(key).or_default().push(now);
            }
        }
    }

    /// A successful sign-in clears the account's count (not the address's: one right password
    /// must not reset a guessing run over many accounts).
    pub fn record_success(&self, username: &str) {
        if let Ok(mut map) = self.failures.lock() {
            map.remove(&account_key(username));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_account_locks_after_five_failures_and_opens_after_the_window() {
        let throttle = Throttle::default();
        let t0 = Timestamp(1_000_000);
        for _ in 0..PER_ACCOUNT {
            assert_eq!(throttle.check("asha", "10.0.0.1", t0), Ok(()));
            throttle.record_failure("asha", "10.0.0.1", t0);
        }
        assert_eq!(throttle.check("asha", "10.0.0.2", t0), Err(WINDOW_SECONDS));
        assert_eq!(throttle.check("rupa", "10.0.0.2", t0), Ok(()));
        assert_eq!(
            throttle.check("asha", "10.0.0.2", t0.plus_seconds(WINDOW_SECONDS)),
            Ok(())
        );
    }

    #[test]
    fn an_address_locks_after_many_accounts_fail() {
        let throttle = Throttle::default();
        let t0 = Timestamp(0);
        for i in 0..PER_ADDRESS {
            throttle.record_failure(&format!("user{i}"), "10.0.0.9", t0);
        }
        assert!(throttle.check("someone-new", "10.0.0.9", t0).is_err());
        assert!(throttle.check("someone-new", "10.0.0.10", t0).is_ok());
    }
}
