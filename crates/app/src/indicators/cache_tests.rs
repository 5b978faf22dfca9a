#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The kept indicator tables on both engines (`cache`): a view after a change is answered from
//! the kept figures while fresh ones are computed, the refresh then shows the change; the first
//! views wait on one computation; a refresh raced by a write is not kept as fresh.

use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

use domain::indicators::Period;
use domain::{FixedClock, Timestamp};
use testkit::TestStore;

use super::{Figure, Indicators, Measure};
use crate::casework::{self, IdentityInput, IntakeInput};
use crate::{Acting, App};

/// 29 November 2026: in 2026-Q4 in every zone.
const NOW: Timestamp = Timestamp(1_795_910_400_000);
const QUARTER: Period = Period::Quarter {
    year: 2026,
    quarter: 4,
};

async fn app(t: &TestStore) -> (App, Arc<FixedClock>) {
    let clock = Arc::new(FixedClock::at(NOW));
    let app = App::new(
        t.store.clone(),
        Arc::new(i18n::I18n::load().unwrap()),
        clock.clone(),
    )
    .unwrap();
    app.set_indicator_refresh_interval(Duration::ZERO);
    crate::demo::load_network(&app.store, NOW).await.unwrap();
    (app, clock)
}

async fn as_user(app: &App, username: &str) -> Acting {
    crate::accounts::acting_as(&app.store, username, "test", app.clock.now())
        .await
        .unwrap()
}

/// Opens a case in Kolkata's organisation today: a girl identified in the quarter.
async fn open_case(app: &App) {
    let worker = as_user(app, "caseworker.kolkata").await;
    let intake = IntakeInput {
        identified_on: "2026-11-20".into(),
        identified_district: "Kolkata".into(),
        identified_state: "West Bengal".into(),
        identified_country: "IN".into(),
        age: "16".into(),
        gender: "feminine".into(),
        citizenship: "BD".into(),
        exploitation: vec!["sexual-exploitation".into()],
        ..IntakeInput::default()
    };
    let identity = IdentityInput {
        name: "রিনা".into(),
        ..IdentityInput::default()
    };
    casework::open(&app.store, &worker, &identity, &intake)
        .await
        .unwrap();
}

async fn director_view(app: &App) -> Indicators {
    let director = as_user(app, "director.kolkata").await;
    super::view(app, &director, QUARTER, None).await.unwrap()
}

/// The girls identified in the quarter, as the director sees them.
fn identified(view: &Indicators) -> u64 {
    let line = view.organisations[0]
        .lines
        .iter()
        .find(|l| l.measure == Measure::Identified)
        .unwrap();
    match line.period {
        Figure::Shown { n, .. } => n,
        Figure::Suppressed => panic!("the count is shown: {line:?}"),
    }
}

async fn a_view_after_a_change_answers_from_the_kept_figures(t: &TestStore) {
    let (app, clock) = app(t).await;
    for _ in 0..5 {
        open_case(&app).await;
    }
    let first = director_view(&app).await;
    assert!(
        !first.refreshing,
        "nothing was kept: the first view waited for fresh figures"
    );
    assert_eq!(first.computed_at, NOW);
    let before = identified(&first);
    assert!(before >= 5);

    clock.advance_seconds(60);
    open_case(&app).await;
    let stale = director_view(&app).await;
    assert!(
        stale.refreshing,
        "the kept figures are older than the change"
    );
    assert_eq!(stale.computed_at, NOW, "they say when they were computed");
    assert_eq!(identified(&stale), before, "answered from the kept figures");

    app.indicators_settled().await;
    let fresh = director_view(&app).await;
    assert!(!fresh.refreshing);
    assert_eq!(fresh.computed_at, Timestamp(NOW.millis() + 60_000));
    assert_eq!(
        identified(&fresh),
        before + 1,
        "the refresh counts the change"
    );
    assert_eq!(app.indicator_tables.computations.load(Ordering::SeqCst), 2);

    // Another view of the same figures computes nothing more.
    let again = director_view(&app).await;
    assert_eq!(again, fresh);
    app.indicators_settled().await;
    assert_eq!(app.indicator_tables.computations.load(Ordering::SeqCst), 2);
}

async fn concurrent_first_views_compute_once(t: &TestStore) {
    let (app, _) = app(t).await;
    for _ in 0..5 {
        open_case(&app).await;
    }
    let pause = app.indicator_tables.pause_next();
    let views: Vec<_> = (0..4)
        .map(|_| {
            let app = app.clone();
            tokio::spawn(async move { director_view(&app).await })
        })
        .collect();
    pause.reached.notified().await;
    // Every view has asked and waits on the one computation, which is held at its start.
    while app.indicator_tables.waiting.load(Ordering::SeqCst) < 4 {
        tokio::task::yield_now().await;
    }
    pause.release.notify_one();
    let mut answers = Vec::new();
    for view in views {
        answers.push(view.await.unwrap());
    }
    assert_eq!(app.indicator_tables.computations.load(Ordering::SeqCst), 1);
    assert!(answers.iter().all(|a| *a == answers[0] && !a.refreshing));
    assert!(identified(&answers[0]) >= 5);
}

async fn a_refresh_raced_by_a_write_is_not_kept_as_fresh(t: &TestStore) {
    let (app, _) = app(t).await;
    for _ in 0..5 {
        open_case(&app).await;
    }
    let before = identified(&director_view(&app).await);

    open_case(&app).await;
    let pause = app.indicator_tables.pause_next();
    let stale = director_view(&app).await;
    assert!(stale.refreshing);
    // The refresh has read the change mark; a write lands before it reads the rows.
    pause.reached.notified().await;
    open_case(&app).await;
    pause.release.notify_one();
    app.indicators_settled().await;

    let raced = director_view(&app).await;
    assert!(
        raced.refreshing,
        "computed under the mark before the write: kept, but not as fresh"
    );
    app.indicators_settled().await;
    let fresh = director_view(&app).await;
    assert!(!fresh.refreshing);
    assert_eq!(identified(&fresh), before + 2);
    assert_eq!(app.indicator_tables.computations.load(Ordering::SeqCst), 3);
}

testkit::on_both_engines!(
    a_view_after_a_change_answers_from_the_kept_figures,
    concurrent_first_views_compute_once,
    a_refresh_raced_by_a_write_is_not_kept_as_fresh,
);
