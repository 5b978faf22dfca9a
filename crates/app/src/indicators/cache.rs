//! The network's indicator tables, kept between requests and refreshed behind them.
//!
//! Computing them reads every organisation's rows for every quarter of the years a view
//! reaches (one store query per indicator, per organisation and quarter): at the network's size
//! that takes seconds (`docs/benchmarks.md`, issue 13), far more than a page may take (p99 ≤
//! 300 ms at 100,000 cases). The tables depend only on the data and the years, not on who reads
//! them, so one computation serves every reader.
//!
//! **Fresh** tables were computed under the store's current change mark
//! (`store::IndicatorStore::change_mark`: the newest audit entry that records a change; a
//! reading such as a case viewed or a sign-in does not move it) and in the current quarter
//! hour (a figure that depends on today, a follow-up past its grace, changes when the date does
//! in some organisation's zone, and every zone's date changes on a quarter hour).
//!
//! **Stale while revalidating.** When the kept tables for a view's years are not fresh, the view
//! is answered from them at once, saying when they were computed and that newer ones are being
//! computed, and one background computation starts for those years:
//! - *single flight*: never two computations of the same years at once, and one at a time over
//!   all years ([`TableCache::turn`]), so a refresh never takes both cores from the pages;
//! - *coalesced*: a refresh of the same years starts at most once a [`REFRESH_INTERVAL`] after
//!   the previous one started; a refresh asked for sooner waits out the rest of it and then
//!   reads every write made meanwhile in one computation;
//! - *never older*: the mark is read before the computation reads anything, so a write that
//!   races it leaves the result under the older mark, stale at once, and a result computed
//!   under an older mark than the kept one is not kept.
//!
//! When nothing is kept for the years, every request waits on the one computation (started in
//! its own task, so a request that gives up does not stop it for the others).

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use domain::{OrgId, Timestamp};
use tokio::sync::{Semaphore, watch};

use super::Sample;
use super::her_view::YearFigures;
use crate::{App, Error};
use domain::indicators::Share;

/// How soon after one refresh of a view's years another may start. A minute: at 100,000 cases
/// a computation takes 6–11 s on SQLite (`docs/benchmarks.md`), so refreshing at most once a
/// minute keeps a busy day of writing from spending more than a sixth of a core on it, while a
/// figure is never more than about a minute and a computation behind the writes.
pub const REFRESH_INTERVAL: Duration = Duration::from_secs(60);

/// How many sets of years are kept: a view reaches one or two years, so this holds this year's
/// and last year's views and a few more; a reader asking for year after year does not grow the
/// memory without bound (the least recently used set is dropped).
const KEPT_SETS: usize = 8;

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
    /// R8 for each of the years, protected (`her_view::protect_year`).
    pub(crate) her_view: Vec<YearFigures>,
}

/// Tables as kept: what they were computed under, and when.
#[derive(Debug, Clone)]
pub(crate) struct Kept {
    /// The change mark read before the computation began.
    pub(crate) mark: i64,
    /// The quarter hour of `computed_at`.
    pub(crate) quarter: i64,
    /// When the computation began, by the server's clock: the figures hold every change made
    /// before it.
    pub(crate) computed_at: Timestamp,
    pub(crate) tables: Arc<Tables>,
}

/// What a view is answered from.
#[derive(Debug, Clone)]
pub(crate) struct Answer {
    pub(crate) kept: Kept,
    /// The tables are not fresh and newer ones are being computed (or wait their turn).
    pub(crate) refreshing: bool,
}

/// A computation's result, for those waiting on it (`None` while it runs).
type Outcome = Option<Result<Kept, Error>>;

/// The quarter hour `now` falls in, counted from the epoch.
fn quarter_hour(now: Timestamp) -> i64 {
    now.millis().div_euclid(15 * 60 * 1000)
}

pub(crate) struct TableCache {
    inner: Mutex<State>,
    /// One computation at a time, whatever its years.
    turn: Semaphore,
    /// How many computations have begun (for tests).
    #[cfg(test)]
    pub(crate) computations: std::sync::atomic::AtomicUsize,
    /// How many views wait on a computation, nothing being kept (for tests).
    #[cfg(test)]
    pub(crate) waiting: std::sync::atomic::AtomicUsize,
}

impl Default for TableCache {
    fn default() -> Self {
        Self {
            inner: Mutex::new(State {
                sets: HashMap::new(),
                interval: REFRESH_INTERVAL,
                #[cfg(test)]
                pause: None,
            }),
            turn: Semaphore::new(1),
            #[cfg(test)]
            computations: Default::default(),
            #[cfg(test)]
            waiting: Default::default(),
        }
    }
}

struct State {
    sets: HashMap<Vec<i32>, Entry>,
    /// [`REFRESH_INTERVAL`], shorter in tests and the benchmark.
    interval: Duration,
    /// A test's gate: a computation, having read the mark, says so and waits to be let on.
    #[cfg(test)]
    pause: Option<Arc<Pause>>,
}

#[cfg(test)]
#[derive(Default)]
pub(crate) struct Pause {
    pub(crate) reached: tokio::sync::Notify,
    pub(crate) release: tokio::sync::Notify,
}

struct Entry {
    kept: Option<Kept>,
    /// The computation under way (or waiting for its turn), if any.
    running: Option<watch::Receiver<Outcome>>,
    /// When the newest computation was started, for coalescing.
    started: Option<Instant>,
    used: Instant,
}

impl TableCache {
    fn state(&self) -> MutexGuard<'_, State> {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Sets how soon one refresh may follow another ([`REFRESH_INTERVAL`] unless changed).
    pub(crate) fn set_interval(&self, interval: Duration) {
        self.state().interval = interval;
    }

    /// Waits until no computation is under way or waiting: every refresh started so far has
    /// been kept (or dropped as older).
    pub(crate) async fn settled(&self) {
        loop {
            let running: Vec<_> = self
                .state()
                .sets
                .values()
                .filter_map(|e| e.running.clone())
                .collect();
            if running.is_empty() {
                return;
            }
            for mut rx in running {
                // A sender dropped without an outcome only happens when its task panicked: the
                // entry is cleared below either way.
                let _ = rx.wait_for(Option::is_some).await;
            }
            tokio::task::yield_now().await;
        }
    }

    #[cfg(test)]
    pub(crate) fn pause_next(&self) -> Arc<Pause> {
        let pause = Arc::new(Pause::default());
        self.state().pause = Some(pause.clone());
        pause
    }

    /// The kept tables of `years`, with when they were computed and whether fresh ones are
    /// coming (see the module's notes).
    pub(crate) async fn tables(app: &App, years: &[i32], now: Timestamp) -> Result<Answer, Error> {
        let mark = app.store.change_mark().await?;
        let cache = &app.indicator_tables;
        let mut waiting = {
            let mut state = cache.state();
            let interval = state.interval;
            if !state.sets.contains_key(years) {
                evict(&mut state.sets);
            }
            let entry = state.sets.entry(years.to_vec()).or_insert_with(|| Entry {
                kept: None,
                running: None,
                started: None,
                used: Instant::now(),
            });
            entry.used = Instant::now();
            match (&entry.kept, &entry.running) {
                (Some(kept), running) => {
                    let fresh = kept.mark >= mark && kept.quarter >= quarter_hour(now);
                    let kept = kept.clone();
                    if !fresh && running.is_none() {
                        let wait = entry
                            .started
                            .map_or(Duration::ZERO, |s| interval.saturating_sub(s.elapsed()));
                        entry.running = Some(start(app, years, wait));
                        entry.started = Some(Instant::now() + wait);
                    }
                    return Ok(Answer {
                        kept,
                        refreshing: !fresh,
                    });
                }
                (None, Some(running)) => running.clone(),
                (None, None) => {
                    let running = start(app, years, Duration::ZERO);
                    entry.running = Some(running.clone());
                    entry.started = Some(Instant::now());
                    running
                }
            }
        };
        #[cfg(test)]
        cache
            .waiting
            .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let outcome = waiting
            .wait_for(Option::is_some)
            .await
            .map_err(|_| Error::Internal("the indicator computation stopped".into()))?
            .clone();
        match outcome {
            Some(Ok(kept)) => Ok(Answer {
                kept,
                refreshing: false,
            }),
            Some(Err(e)) => Err(e),
            None => Err(Error::Internal("the indicator computation stopped".into())),
        }
    }
}

/// Drops the least recently used set with nothing under way when [`KEPT_SETS`] are kept.
fn evict(sets: &mut HashMap<Vec<i32>, Entry>) {
    if sets.len() < KEPT_SETS {
        return;
    }
    if let Some(oldest) = sets
        .iter()
        .filter(|(_, e)| e.running.is_none())
        .min_by_key(|(_, e)| e.used)
        .map(|(k, _)| k.clone())
    {
        sets.remove(&oldest);
    }
}

/// Starts computing `years`' tables in a task of their own, after `wait` and its turn.
fn start(app: &App, years: &[i32], wait: Duration) -> watch::Receiver<Outcome> {
    let (tx, rx) = watch::channel(None);
    let app = app.clone();
    let years = years.to_vec();
    tokio::spawn(async move {
        if !wait.is_zero() {
            tokio::time::sleep(wait).await;
        }
        let outcome = compute(&app, &years).await;
        let cache = &app.indicator_tables;
        {
            let mut state = cache.state();
            if let Some(entry) = state.sets.get_mut(&years) {
                entry.running = None;
                if let Ok(new) = &outcome {
                    let newer = entry
                        .kept
                        .as_ref()
                        .is_none_or(|k| (new.mark, new.quarter) >= (k.mark, k.quarter));
                    if newer {
                        entry.kept = Some(new.clone());
                    }
                }
            }
        }
        if let Err(e) = &outcome {
            tracing::warn!(error = %e, "computing the indicator tables failed");
        }
        tx.send_replace(Some(outcome));
    });
    rx
}

/// One computation, in its turn: the mark first, then everything the tables read.
async fn compute(app: &App, years: &[i32]) -> Result<Kept, Error> {
    let cache = &app.indicator_tables;
    let _turn = cache
        .turn
        .acquire()
        .await
        .map_err(|_| Error::Internal("the indicator computations were stopped".into()))?;
    let computed_at = app.clock.now();
    let mark = app.store.change_mark().await?;
    #[cfg(test)]
    {
        cache
            .computations
            .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let pause = cache.state().pause.take();
        if let Some(pause) = pause {
            pause.reached.notify_one();
            pause.release.notified().await;
        }
    }
    let tables = super::compute_tables(app, years, computed_at).await?;
    Ok(Kept {
        mark,
        quarter: quarter_hour(computed_at),
        computed_at,
        tables: Arc::new(tables),
    })
}
