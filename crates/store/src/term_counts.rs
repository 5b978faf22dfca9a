//! How common each search term is, remembered for a minute (issue 16).
//!
//! A search chooses its plan by how many rows of the term index each of its words has, counted
//! up to [`RARE_TERM_ROWS`](crate::cases::RARE_TERM_ROWS) + 1: a rare word leads (its few cases
//! are checked), a common one is probed case by case while her assignments are walked newest
//! first. Counting a common word reads those 2,001 index entries on every search, which at
//! 100,000 cases was a large part of a search's work for an answer that hardly changes.
//!
//! The count only chooses the plan. Both plans find the same cases in the same order, so a count
//! a minute old can cost a slower plan, never a different answer; nothing about a case is kept
//! here, only how many rows a word had.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How long a count is trusted.
const KEPT_FOR: Duration = Duration::from_secs(60);

/// The most words remembered; beyond it the expired ones go, and if none has expired, all go.
/// Each is a short string and a number: a few hundred kilobytes at most.
const MOST_KEPT: usize = 10_000;

/// The store's memory of term counts, one per store.
#[derive(Default)]
pub(crate) struct TermCounts {
    kept: Mutex<HashMap<String, (i64, Instant)>>,
}

impl TermCounts {
    /// The count of `term` if it was counted less than a minute ago.
    pub(crate) fn get(&self, term: &str) -> Option<i64> {
        self.get_at(term, Instant::now())
    }

    /// Remembers that `term` had `count` rows (up to the counting's limit).
    pub(crate) fn put(&self, term: &str, count: i64) {
        self.put_at(term, count, Instant::now());
    }

    fn get_at(&self, term: &str, now: Instant) -> Option<i64> {
        let kept = self
            .kept
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        kept.get(term)
            .filter(|(_, at)| now.saturating_duration_since(*at) < KEPT_FOR)
            .map(|(count, _)| *count)
    }

    fn put_at(&self, term: &str, count: i64, now: Instant) {
        let mut kept = self
            .kept
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if kept.len() >= MOST_KEPT && !kept.contains_key(term) {
            kept.retain(|_, (_, at)| now.saturating_duration_since(*at) < KEPT_FOR);
            if kept.len() >= MOST_KEPT {
                kept.clear();
            }
        }
        kept.insert(term.to_string(), (count, now));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_count_is_trusted_for_a_minute_and_no_longer() {
        let counts = TermCounts::default();
        let start = Instant::now();
        assert_eq!(counts.get_at("স্কুল", start), None);
        counts.put_at("স্কুল", 2001, start);
        assert_eq!(
            counts.get_at("স্কুল", start + Duration::from_secs(59)),
            Some(2001)
        );
        assert_eq!(counts.get_at("স্কুল", start + KEPT_FOR), None);
        assert_eq!(
            counts.get_at("court", start),
            None,
            "another word is not counted"
        );
    }

    #[test]
    fn a_new_count_replaces_the_old() {
        let counts = TermCounts::default();
        let start = Instant::now();
        counts.put_at("গাঁও", 3, start);
        counts.put_at("গাঁও", 2001, start + Duration::from_secs(30));
        assert_eq!(
            counts.get_at("গাঁও", start + Duration::from_secs(80)),
            Some(2001)
        );
    }

    #[test]
    fn the_memory_stays_bounded() {
        let counts = TermCounts::default();
        let start = Instant::now();
        for i in 0..MOST_KEPT {
            counts.put_at(&format!("w{i}"), 1, start);
        }
        // Full, nothing expired: a new word empties it rather than grow past the bound.
        counts.put_at("new", 7, start);
        assert_eq!(counts.kept.lock().map(|k| k.len()).unwrap_or(0), 1);
        assert_eq!(counts.get_at("new", start), Some(7));
        // Full again with every count expired: only the expired go.
        for i in 0..MOST_KEPT - 1 {
            counts.put_at(&format!("w{i}"), 1, start);
        }
        let later = start + KEPT_FOR;
        counts.put_at("fresh", 2, later);
        assert_eq!(counts.get_at("fresh", later), Some(2));
        assert_eq!(counts.kept.lock().map(|k| k.len()).unwrap_or(0), 1);
    }
}
