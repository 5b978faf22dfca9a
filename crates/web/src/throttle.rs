//! Throttling of failed sign-ins (and of the other checks of a password or a second factor),
//! per account and per address, so that a shared office address cannot be locked.
//!
//! - **Per account**: failures bring growing delays, never a lock. The delay applies only to the
//!   addresses that failed on that account: a stranger can slow her own attempts on the
//!   director's account, but the director, from an address with no recent failure on it, is never
//!   kept waiting. The longest delay is [`MAX_DELAY_SECONDS`].
//! - **Per address**: at most [`ACCOUNTS_PER_ADDRESS`] distinct accounts may fail from one
//!   address in [`ADDRESS_WINDOW_SECONDS`]. Beyond that, a wrong password for another account is
//!   refused as throttled and counts against nobody (password spraying stops there), while a
//!   right one is let in: behind an office NAT, the colleague who types her password correctly
//!   is never refused because someone else at the office mistyped usernames.
//!
//! Kept in memory: a restart forgets it, which is acceptable for a single process (the audit
//! trail keeps every failure). Times come from the injected clock, so tests need not wait.

use std::collections::HashMap;
use std::sync::Mutex;

use domain::Timestamp;

/// Failures of an account are remembered this long.
pub const ACCOUNT_MEMORY_SECONDS: i64 = 60 * 60;
/// Failures an account may have before delays start.
pub const FREE_FAILURES: usize = 3;
/// The longest wait between two attempts on one account from an address that failed on it.
pub const MAX_DELAY_SECONDS: i64 = 5 * 60;
/// Distinct accounts that may fail from one address within the window.
pub const ACCOUNTS_PER_ADDRESS: usize = 10;
/// The window of the per-address count.
pub const ADDRESS_WINDOW_SECONDS: i64 = 15 * 60;

/// The wait imposed on an account after `failures` failures: none for the first few, then
/// doubling from two seconds up to [`MAX_DELAY_SECONDS`].
pub fn delay_after(failures: usize) -> i64 {
    if failures <= FREE_FAILURES {
        return 0;
    }
    let doublings = (failures - FREE_FAILURES).min(20) as u32;
    (1_i64 << doublings).min(MAX_DELAY_SECONDS)
}

#[derive(Debug, Clone)]
struct Failure {
    at: Timestamp,
    address: String,
}

#[derive(Debug, Default)]
struct Memory {
    /// Per account (lower-case username): its recent failures and where they came from.
    accounts: HashMap<String, Vec<Failure>>,
    /// Per address: the accounts that failed from it, with the time of the latest failure.
    addresses: HashMap<String, HashMap<String, Timestamp>>,
}

impl Memory {
    fn forget_old(&mut self, now: Timestamp) {
        let account_cut = now.millis() - ACCOUNT_MEMORY_SECONDS * 1000;
        self.accounts.retain(|_, failures| {
            failures.retain(|f| f.at.millis() > account_cut);
            !failures.is_empty()
        });
        let address_cut = now.millis() - ADDRESS_WINDOW_SECONDS * 1000;
        self.addresses.retain(|_, tried| {
            tried.retain(|_, at| at.millis() > address_cut);
            !tried.is_empty()
        });
    }
}

/// The throttle; one per server, shared by the sign-in page, the second-factor page and the
/// password change on *My account*.
#[derive(Debug, Default)]
pub struct Throttle {
    memory: Mutex<Memory>,
}

fn account_key(username: &str) -> String {
    username.trim().to_lowercase()
}

fn seconds_until(until_millis: i64, now: Timestamp) -> i64 {
    (until_millis - now.millis() + 999) / 1000
}

impl Throttle {
    /// Before a password (or code) is checked: `Err(seconds)` to wait when this address failed
    /// on this account recently and the account's delay has not passed. An address with no
    /// recent failure on the account is never kept waiting here.
    pub fn before_attempt(&self, username: &str, address: &str, now: Timestamp) -> Result<(), i64> {
        let Ok(mut memory) = self.memory.lock() else {
            return Ok(());
        };
        memory.forget_old(now);
        let Some(failures) = memory.accounts.get(&account_key(username)) else {
            return Ok(());
        };
        if !failures.iter().any(|f| f.address == address) {
            return Ok(());
        }
        let Some(last) = failures.iter().map(|f| f.at.millis()).max() else {
            return Ok(());
        };
        let until = last + delay_after(failures.len()) * 1000;
        if until > now.millis() {
            Err(seconds_until(until, now))
        } else {
            Ok(())
        }
    }

    /// After a wrong password (or code). `Ok` when the failure was counted; `Err(seconds)` when
    /// the address has already failed on [`ACCOUNTS_PER_ADDRESS`] other accounts: the attempt
    /// is to be refused as throttled, and it counts against no account.
    pub fn record_failure(&self, username: &str, address: &str, now: Timestamp) -> Result<(), i64> {
        let Ok(mut memory) = self.memory.lock() else {
            return Ok(());
        };
        memory.forget_old(now);
        let key = account_key(username);
        let tried = memory.addresses.entry(address.to_string()).or_default();
        if !tried.contains_key(&key) && tried.len() >= ACCOUNTS_PER_ADDRESS {
            let oldest = tried
                .values()
                .map(|t| t.millis())
                .min()
                .unwrap_or(now.millis());
            return Err(seconds_until(oldest + ADDRESS_WINDOW_SECONDS * 1000, now).max(1));
        }
        tried.insert(key.clone(), now);
        memory.accounts.entry(key).or_default().push(Failure {
            at: now,
            address: address.to_string(),
        });
        Ok(())
    }

    /// A right password (or code) forgets this address's failures on the account: her own typing
    /// mistakes. Another address's failures stay, so one success does not reset a stranger's
    /// delays, and the address keeps its count of accounts.
    pub fn record_success(&self, username: &str, address: &str) {
        if let Ok(mut memory) = self.memory.lock() {
            let key = account_key(username);
            if let Some(failures) = memory.accounts.get_mut(&key) {
                failures.retain(|f| f.address != address);
                if failures.is_empty() {
                    memory.accounts.remove(&key);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_grow_and_stop_growing() {
        assert_eq!(delay_after(0), 0);
        assert_eq!(delay_after(FREE_FAILURES), 0);
        assert_eq!(delay_after(FREE_FAILURES + 1), 2);
        assert_eq!(delay_after(FREE_FAILURES + 2), 4);
        assert_eq!(delay_after(FREE_FAILURES + 5), 32);
        assert_eq!(delay_after(FREE_FAILURES + 9), MAX_DELAY_SECONDS);
        assert_eq!(delay_after(10_000), MAX_DELAY_SECONDS);
    }

    #[test]
    fn a_failing_address_waits_longer_each_time_and_others_not_at_all() {
        let throttle = Throttle::default();
        let mut now = Timestamp(1_000_000);
        let mut waits = Vec::new();
        for _ in 0..12 {
            if let Err(wait) = throttle.before_attempt("asha", "10.0.0.1", now) {
                waits.push(wait);
                now = now.plus_seconds(wait);
                assert_eq!(throttle.before_attempt("asha", "10.0.0.1", now), Ok(()));
            }
            throttle.record_failure("asha", "10.0.0.1", now).unwrap();
        }
        assert_eq!(waits, vec![2, 4, 8, 16, 32, 64, 128, 256]);
        assert_eq!(
            throttle.before_attempt("asha", "10.0.0.1", now),
            Err(MAX_DELAY_SECONDS)
        );
        // Never locked: the delay passes.
        assert_eq!(
            throttle.before_attempt("asha", "10.0.0.1", now.plus_seconds(MAX_DELAY_SECONDS)),
            Ok(())
        );
        // Her own office is not kept waiting by the stranger.
        assert_eq!(throttle.before_attempt("asha", "10.0.0.2", now), Ok(()));
        // Her success from there leaves the stranger's delay in place.
        throttle.record_success("asha", "10.0.0.2");
        assert!(throttle.before_attempt("asha", "10.0.0.1", now).is_err());
    }

    #[test]
    fn an_address_may_fail_on_a_limited_number_of_accounts() {
        let throttle = Throttle::default();
        let t0 = Timestamp(0);
        for i in 0..ACCOUNTS_PER_ADDRESS {
            assert_eq!(
                throttle.record_failure(&format!("user{i}"), "10.0.0.9", t0),
                Ok(())
            );
        }
        // Failing again on one of them is counted; on a new one it is refused.
        assert_eq!(throttle.record_failure("user0", "10.0.0.9", t0), Ok(()));
        assert_eq!(
            throttle.record_failure("someone-new", "10.0.0.9", t0),
            Err(ADDRESS_WINDOW_SECONDS)
        );
        // Nothing was counted against the new account.
        assert_eq!(
            throttle.before_attempt("someone-new", "10.0.0.9", t0),
            Ok(())
        );
        assert_eq!(
            throttle.record_failure("someone-new", "10.0.0.10", t0),
            Ok(())
        );
        let later = t0.plus_seconds(ADDRESS_WINDOW_SECONDS + 1);
        assert_eq!(
            throttle.record_failure("someone-new", "10.0.0.9", later),
            Ok(())
        );
    }
}
