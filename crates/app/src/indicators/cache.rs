//! The network's indicator tables, kept between requests until something they read changes.
//!
//! Computing them reads every organisation's rows for every quarter of the years a view
//! reaches (one store query per indicator, per organisation and quarter): at the network's size
//! that is far more than a page may take (issue 13: p99 ≤ 300 ms at 100,000 cases). The tables
//! depend only on the data and the years, not on who reads them, so one computation serves
//! every reader until the store's change mark moves (`store::IndicatorStore::change_mark`: the
//! newest audit entry that records a change). Readings (a case viewed, a sign-in) do not move
//! it, so a busy day of reading keeps the tables; any write does, whichever process made it.
//! The quarter hour is part of the key too: a figure that depends on today (a follow-up past its
//! grace) changes when the date does in some organisation's zone, and every zone's date changes
//! on a quarter hour (India's on the half hour, Nepal's at a quarter to).

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use domain::{OrgId, Timestamp};

use super::Sample;
use domain::indicators::Share;

/// Every organisation's samples for every quarter of some years: what `view` assembles from.
#[derive(Debug)]
pub(crate) struct Tables {
    /// Each organisation and its name, in the order shown (by name).
    pub(crate) names: Vec<(OrgId, String)>,
    /// `[organisation][quarter of the years][measure]`.
    pub(crate) samples: Vec<Vec<Vec<Sample>>>,
    /// R5 by month: `[organisation][quarter of the years][month]`.
    pub(crate) months: Vec<Vec<Vec<(time::Date, Share)>>>,
    /// R7's steps done: `[organisation][quarter of the years]`.
    pub(crate) steps: Vec<Vec<Vec<domain::indicators::StepRow>>>,
}

/// What the tables were computed for: the years, and the quarter hour.
type Key = (Vec<i32>, i64);

/// The quarter hour `now` falls in, counted from the epoch.
fn quarter_hour(now: Timestamp) -> i64 {
    now.millis().div_euclid(15 * 60 * 1000)
}

#[derive(Default)]
pub(crate) struct TableCache {
    inner: Mutex<Kept>,
}

#[derive(Default)]
struct Kept {
    /// The change mark the tables were computed under.
    mark: i64,
    tables: HashMap<Key, Arc<Tables>>,
}

impl TableCache {
    /// The tables for `key`, if computed under `mark`.
    pub(crate) fn get(&self, mark: i64, years: &[i32], now: Timestamp) -> Option<Arc<Tables>> {
        let kept = self.inner.lock().unwrap_or_else(PoisonError::into_inner);
        if kept.mark != mark {
            return None;
        }
        kept.tables
            .get(&(years.to_vec(), quarter_hour(now)))
            .cloned()
    }

    /// Keeps tables computed under `mark` (read before the computation began, so a write that
    /// raced it has moved the mark past it). Tables from an older mark than the kept ones are
    /// not kept; a newer mark drops every older table.
    pub(crate) fn keep(&self, mark: i64, years: &[i32], now: Timestamp, tables: Arc<Tables>) {
        let at = quarter_hour(now);
        let mut kept = self.inner.lock().unwrap_or_else(PoisonError::into_inner);
        if mark < kept.mark {
            return;
        }
        if mark > kept.mark {
            kept.mark = mark;
            kept.tables.clear();
        }
        kept.tables.retain(|(_, q), _| *q == at);
        kept.tables.insert((years.to_vec(), at), tables);
    }
}
