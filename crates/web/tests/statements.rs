#![allow(clippy::unwrap_used, clippy::expect_used)]
//! How many SQL statements the case summary, her words and a search run (issue 16). Under load
//! each statement costs two thread hand-offs (sqlx runs each SQLite connection on a thread of
//! its own), so these request paths are held to a few statements, and this test fails when
//! someone adds a query to one of them.
//!
//! Statements are counted from sqlx's own record of each (tracing events of target
//! `sqlx::query`) and given to the request whose tracing span they ran in: sqlx's SQLite worker
//! enters the span of the caller, so both engines are counted alike. A reading's audit entry is
//! written by the group-commit writer, a task of its own shared by all requests, and is not
//! counted here. Nor is a new connection's set-up: when the pool grows during a request (the
//! last request's connection not yet back in the pool), SQLite's `PRAGMA`s run in its span, a
//! cost of the pool's warm-up, not of the page (it made this test fail now and then).

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, OnceLock};

use axum::http::StatusCode;
use testkit::on_both_engines;
use tracing::field::{Field, Visit};
use tracing::subscriber::Interest;
use tracing::{Event, Instrument, Metadata, Subscriber, span};
use tracing_subscriber::layer::{Context, Layer, SubscriberExt};
use tracing_subscriber::registry::LookupSpan;

use crate::common::{Engine, Harness, Reply};

/// The most statements each request may run once signed in (before issue 16's work on the
/// request path: 13, 9 and 9; before its second round: 8, 5 and 3). Each starts with one for
/// the session (or token) with her organisation's clock and name and the gate and
/// second-factor checks, and one for the case with its assignments and handovers. Her consents
/// are read only when a handover to her organisation carries a section (then they decide what
/// it sees); this case has none. Then:
/// - the summary (as the assigned case worker, who reads the plan and may link her account):
///   the glance with the plan as her sight reaches it, and the people — the assignees, named
///   after the custodian (her own organisation, named with the session), with the survivor
///   accounts she may link;
/// - her words: the entries with their writers' names;
/// - a search: reads the page of cases with their assignments and handovers. How many rows each
///   of its words has (which chooses the plan) was counted by the search before it and is
///   remembered for a minute (`store` `term_counts.rs`; it was a statement of every search).
const SUMMARY: usize = 4;
const WORDS: usize = 3;
const SEARCH: usize = 2;

/// The most statements a new entry of her words runs (the form posted by the assigned case
/// worker): the session, the case, her organisation's clock for the date's check, then in
/// its write transaction the entry, all its search terms in one statement, and the audit
/// entry (the chain's head read, the entry, the head written). PostgreSQL adds the advisory
/// lock that orders the chain and logs its `COMMIT` (sqlx records neither `BEGIN` nor, on
/// SQLite, `COMMIT`). Before issue 16's second round an entry of N distinct terms ran 9 + N
/// and 11 + N (worked out from the code, not counted): each term was a statement of its own,
/// the new entry's terms were deleted first (it had none) and the entry was read back.
fn voice_write(engine: Engine) -> usize {
    match engine {
        Engine::Sqlite => VOICE_WRITE_SQLITE,
        Engine::Postgres => VOICE_WRITE_SQLITE + 2,
    }
}
const VOICE_WRITE_SQLITE: usize = 8;

/// The name of the span a counted request runs in; its field `key` says whose count it is.
const SPAN: &str = "counted_request";

/// Each counted request's statements (their summaries), by key.
fn counts() -> &'static Mutex<HashMap<u64, Vec<String>>> {
    static COUNTS: OnceLock<Mutex<HashMap<u64, Vec<String>>>> = OnceLock::new();
    COUNTS.get_or_init(Default::default)
}

struct Key(u64);

struct KeyField(Option<u64>);

impl Visit for KeyField {
    fn record_u64(&mut self, field: &Field, value: u64) {
        if field.name() == "key" {
            self.0 = Some(value);
        }
    }
    fn record_debug(&mut self, _: &Field, _: &dyn std::fmt::Debug) {}
}

/// A statement's summary, as sqlx logs it (its first words).
struct Summary(String);

impl Visit for Summary {
    fn record_str(&mut self, field: &Field, value: &str) {
        if field.name() == "summary" {
            value.clone_into(&mut self.0);
        }
    }
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        if field.name() == "summary" && self.0.is_empty() {
            self.0 = format!("{value:?}");
        }
    }
}

/// Counts each statement against the counted span it ran in; sees nothing else.
struct Counting;

impl Counting {
    fn wanted(meta: &Metadata<'_>) -> bool {
        // Not only events: sqlx first asks `enabled!` at a callsite of its own (a hint).
        (meta.is_span() && meta.name() == SPAN) || meta.target() == "sqlx::query"
    }
}

impl<S: Subscriber + for<'a> LookupSpan<'a>> Layer<S> for Counting {
    fn register_callsite(&self, meta: &'static Metadata<'static>) -> Interest {
        if Self::wanted(meta) {
            Interest::always()
        } else {
            Interest::never()
        }
    }

    fn enabled(&self, meta: &Metadata<'_>, _: Context<'_, S>) -> bool {
        Self::wanted(meta)
    }

    fn on_new_span(&self, attrs: &span::Attributes<'_>, id: &span::Id, ctx: Context<'_, S>) {
        let mut key = KeyField(None);
        attrs.record(&mut key);
        if let (Some(key), Some(span)) = (key.0, ctx.span(id)) {
            span.extensions_mut().insert(Key(key));
        }
    }

    fn on_event(&self, event: &Event<'_>, ctx: Context<'_, S>) {
        let Some(scope) = ctx.event_scope(event) else {
            return;
        };
        let mut summary = Summary(String::new());
        event.record(&mut summary);
        if summary.0.trim_start_matches('"').starts_with("PRAGMA") {
            return; // a new connection's set-up
        }
        for span in scope {
            if let Some(Key(key)) = span.extensions().get::<Key>() {
                let statement = std::mem::take(&mut summary.0);
                counts()
                    .lock()
                    .unwrap()
                    .entry(*key)
                    .or_default()
                    .push(statement);
                return;
            }
        }
    }
}

/// The counting subscriber, for the whole test process (once).
fn install() {
    static INSTALLED: OnceLock<()> = OnceLock::new();
    INSTALLED.get_or_init(|| {
        let subscriber = tracing_subscriber::registry().with(Counting);
        // Another test binary's subscriber cannot be here: this is the only one in this one.
        tracing::subscriber::set_global_default(subscriber).unwrap();
    });
}

/// What `request` answered and the statements it ran.
async fn counted(request: impl std::future::Future<Output = Reply>) -> (Reply, Vec<String>) {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    let key = NEXT.fetch_add(1, Ordering::Relaxed);
    let reply = request
        .instrument(tracing::info_span!("counted_request", key))
        .await;
    let statements = counts().lock().unwrap().remove(&key).unwrap_or_default();
    (reply, statements)
}

async fn the_case_pages_and_a_search_run_a_few_statements(engine: Engine) {
    install();
    let h = Harness::new(engine).await;
    let (case, _) = h.case().await;
    let mut worker = h.client().signed_in("caseworker.kolkata").await;
    let mut api = h.client();
    api.bearer = Some(h.token("caseworker.kolkata").await);
    let search = "/api/v1/cases?q=%E0%A6%B8%E0%A7%8D%E0%A6%95%E0%A7%81%E0%A6%B2%E0%A7%87";
    // Once to warm up (a token's first use is noted, a write), then counted.
    for path in [format!("/cases/{case}"), format!("/cases/{case}/words")] {
        assert_eq!(worker.get(&path).await.status, StatusCode::OK, "{path}");
    }
    assert_eq!(api.get(search).await.status, StatusCode::OK);

    let (summary, in_summary) = counted(worker.get(&format!("/cases/{case}"))).await;
    assert_eq!(summary.status, StatusCode::OK);
    // What the fewer statements still bring: the custodian and her assignees, named, and the
    // survivor account the assigned case worker may link.
    let (worker_user, counsellor) = (
        h.user("caseworker.kolkata").await,
        h.user("counsellor.kolkata").await,
    );
    let survivor = h.user("survivor.kolkata").await;
    let carried = format!(
        "Nirapad Shelter Home, Kolkata: {}, {}",
        worker_user.name(),
        counsellor.name()
    );
    assert!(summary.body.contains(&carried), "{carried} in the summary");
    assert!(
        summary.body.contains(&format!(
            "<option value=\"{}\">{}</option>",
            survivor.id,
            survivor.name()
        )),
        "the survivor account to link"
    );
    let (words, in_words) = counted(worker.get(&format!("/cases/{case}/words"))).await;
    assert_eq!(words.status, StatusCode::OK);
    assert!(words.body.contains("আমি আবার স্কুলে যেতে চাই"));
    assert!(
        words.body.contains(worker_user.name()),
        "her words name their writer"
    );
    let (found, in_search) = counted(api.get(search)).await;
    assert_eq!(found.status, StatusCode::OK);
    assert!(
        found.body.contains(&case.to_string()),
        "the search finds her case"
    );
    // A new entry of her words, seven words long: its terms are one statement, not seven.
    let path = format!("/cases/{case}/voice");
    let fields = [
        ("kind", "hope"),
        ("text", "আমি আমার মায়ের কাছে ফিরে যেতে চাই"),
        ("language", "bn"),
    ];
    let (written, in_write) = counted(worker.post_form(&path, &fields)).await;
    assert_eq!(written.status, StatusCode::SEE_OTHER, "{}", written.body);
    for (what, ran, most) in [
        ("the summary", in_summary, SUMMARY),
        ("her words", in_words, WORDS),
        ("the search", in_search, SEARCH),
        ("a new entry of her words", in_write, voice_write(engine)),
    ] {
        eprintln!("{what}: {} statements: {ran:?}", ran.len());
        // Each ran at least its session or token and its case: the counting sees them.
        assert!(ran.len() >= 2, "{what}: statements are counted ({ran:?})");
        assert!(
            ran.len() <= most,
            "{what} ran {} statements: {ran:#?}",
            ran.len()
        );
    }
    h.finish().await;
}

on_both_engines!(the_case_pages_and_a_search_run_a_few_statements);
