//! Group commit of the audit entries that record a *reading* (issue 16).
//!
//! Every page that shows her record writes an audit entry, and the chain makes each entry a
//! serial point: one write transaction, one flush to disk, per page. The entries of readings
//! carry no other change, so they are handed to one writer task instead. It takes every entry
//! waiting for it (up to [`MAX_BATCH`]), appends them to the chain in one transaction — the same
//! `append_in` as every other write, under the same lock — and commits, then answers each
//! waiter. A request answers only after its entry's batch is durable; when a batch fails, every
//! waiter in it gets the error, so no answer claims an entry the trail does not have.
//!
//! A batch forms by itself: while one commits (a flush to disk), the next requests queue, and
//! the writer takes all of them at once. A change and its audit entry are never batched: they
//! stay in the change's own transaction.

use std::future::Future;

use domain::audit::AuditEvent;
use tokio::sync::{mpsc, oneshot};

use crate::StoreError;

/// Connections in a pool that reads (SQLite's readers, PostgreSQL's pool): two per core, at
/// least four. A query's work is on these cores, in the process or in the database; more
/// connections only queue there.
pub(crate) fn pool_size() -> u32 {
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    u32::try_from(cores * 2).unwrap_or(u32::MAX).max(4)
}

/// The most entries one transaction carries.
pub(crate) const MAX_BATCH: usize = 512;

struct Pending {
    event: AuditEvent,
    done: oneshot::Sender<Result<(), StoreError>>,
}

/// The queue to the writer task. Dropping it (with the store) ends the task once the entries
/// already queued are written.
pub(crate) struct Readings {
    queue: mpsc::UnboundedSender<Pending>,
}

impl Readings {
    /// Starts the writer task on the current tokio runtime; `commit` appends a batch to the
    /// chain in one transaction and commits it.
    pub(crate) fn start<F, Fut>(commit: F) -> Self
    where
        F: Fn(Vec<AuditEvent>) -> Fut + Send + 'static,
        Fut: Future<Output = Result<(), StoreError>> + Send + 'static,
    {
        let (queue, waiting) = mpsc::unbounded_channel();
        tokio::spawn(writer(waiting, commit));
        Self { queue }
    }

    /// Appends `event` with the next batch; returns once that batch is committed.
    pub(crate) async fn append(&self, event: AuditEvent) -> Result<(), StoreError> {
        let (done, answer) = oneshot::channel();
        self.queue
            .send(Pending { event, done })
            .map_err(|_| StoreError::AuditBatch("the audit writer has stopped".to_string()))?;
        answer.await.map_err(|_| {
            StoreError::AuditBatch("the audit writer stopped before the entry was written".into())
        })?
    }
}

async fn writer<F, Fut>(mut waiting: mpsc::UnboundedReceiver<Pending>, commit: F)
where
    F: Fn(Vec<AuditEvent>) -> Fut,
    Fut: Future<Output = Result<(), StoreError>>,
{
    let mut batch: Vec<Pending> = Vec::new();
    while let Some(first) = waiting.recv().await {
        batch.push(first);
        // Whatever queued while the last batch committed goes with this one.
        while batch.len() < MAX_BATCH {
            match waiting.try_recv() {
                Ok(next) => batch.push(next),
                Err(_) => break,
            }
        }
        let (events, waiters): (Vec<_>, Vec<_>) =
            batch.drain(..).map(|p| (p.event, p.done)).unzip();
        match commit(events).await {
            Ok(()) => {
                for waiter in waiters {
                    let _ = waiter.send(Ok(()));
                }
            }
            Err(err) => {
                tracing::error!(error = %err, entries = waiters.len(), "a batch of audit entries failed");
                let message = err.to_string();
                for waiter in waiters {
                    let _ = waiter.send(Err(StoreError::AuditBatch(message.clone())));
                }
            }
        }
    }
}

#[cfg(test)]
mod classification {
    use std::collections::BTreeSet;

    use domain::audit::AuditAction;

    /// The quoted action names in an SQL text.
    fn quoted(sql: &str) -> BTreeSet<String> {
        sql.split('\'')
            .skip(1)
            .step_by(2)
            .map(str::to_string)
            .collect()
    }

    fn readings() -> BTreeSet<String> {
        AuditAction::ALL
            .into_iter()
            .filter(|a| a.records_reading())
            .map(|a| a.as_str().to_string())
            .collect()
    }

    /// The indicators' change mark skips readings by an SQL list; it must name exactly the
    /// actions `domain` calls readings, or a reading would make the indicators recompute (a
    /// missing name) or a change would leave them stale (an extra one).
    #[test]
    fn the_sql_list_of_readings_is_the_domain_list() {
        assert_eq!(quoted(crate::indicators::readings!()), readings());
    }

    /// The partial index was created from the same list; a list changed without a migration
    /// that recreates the index would leave the change mark scanning the whole log.
    #[test]
    fn the_index_predicate_is_the_same_list() {
        for migration in [
            include_str!("../migrations/sqlite/0030_indicator_marks.sql"),
            include_str!("../migrations/postgres/0030_indicator_marks.sql"),
        ] {
            let predicate = migration
                .split("WHERE")
                .nth(1)
                .expect("the index has a predicate");
            assert_eq!(quoted(predicate), readings(), "{migration}");
        }
    }

    #[test]
    fn a_change_is_not_a_reading() {
        assert!(AuditAction::CaseViewed.records_reading());
        assert!(!AuditAction::OrganisationUpdated.records_reading());
        assert!(!AuditAction::LifeViewRecorded.records_reading());
    }
}
