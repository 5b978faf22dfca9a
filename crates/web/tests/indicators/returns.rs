//! R6d and R7 end to end, on both engines: follow-ups after her return and the steps of her
//! repatriation, as the API, the page and the report show them.

use axum::http::StatusCode;
use domain::Stage;
use domain::audit::{AuditAction, AuditEvent};
use domain::case::StageChange;
use domain::followup::{FollowUpResult, Outcome};
use domain::scope::CaseScope;
use domain::{CaseId, Timestamp, UserId};
use testkit::on_both_engines;

use super::{api, decisions, figure, organisation};
use crate::common::{Engine, Harness, T0};

/// 1 July 2026 06:00 UTC: her return, so her follow-ups fall due on 1 August and 1 October.
const RETURNED: Timestamp = Timestamp(1_782_885_600_000);
const DAY: i64 = 86_400_000;

async fn bring_home(h: &Harness, case: CaseId, by: UserId) {
    let path = [
        Stage::Identified,
        Stage::InCare,
        Stage::PreparingReturn,
        Stage::InTransit,
        Stage::Returned,
    ];
    for pair in path.windows(2) {
        let version = h
            .store
            .case(case, &CaseScope::Network)
            .await
            .unwrap()
            .unwrap()
            .version;
        let change = StageChange {
            from: pair[0],
            to: pair[1],
            reason: "সে বাড়ি ফিরছে".into(),
            by: Some(by),
            at: RETURNED,
        };
        let event = AuditEvent::new(T0, AuditAction::CaseStageChanged, "case").from_source("test");
        h.store
            .change_stage(case, version, &change, event)
            .await
            .unwrap();
    }
}

/// Six girls brought home by the Kolkata shelter on 1 July: four visited on time after a
/// month, one 19 days late, one never. The 1-month figure is 4 of 6; the 3-month follow-ups
/// fall in the next quarter.
async fn follow_ups_on_time_are_counted_once_known(engine: Engine) {
    let h = Harness::new(engine).await;
    let worker = h.user("caseworker.kolkata").await;
    let aug_1 = RETURNED.millis() + 31 * DAY;
    for (seed, done) in [
        (40, Some(aug_1 + 9 * DAY)),
        (41, Some(aug_1 + 9 * DAY)),
        (42, Some(aug_1 + 14 * DAY)),
        (43, Some(aug_1 - 2 * DAY)),
        (44, Some(aug_1 + 19 * DAY)),
        (45, None),
    ] {
        let case = decisions(&h, "caseworker.kolkata", 0, seed).await;
        bring_home(&h, case, worker.id).await;
        if let Some(at) = done {
            let first = h
                .store
                .followups_of(case, &CaseScope::Network)
                .await
                .unwrap()
                .into_iter()
                .min_by_key(|f| f.due_on)
                .unwrap();
            let result = FollowUpResult {
                outcome: Outcome::FamilyVisit,
                her_words: "মায়ের কাছে ভালো আছি".into(),
                by: worker.id,
                at: Timestamp(at),
            };
            let event =
                AuditEvent::new(T0, AuditAction::FollowUpRecorded, "case").from_source("test");
            h.store
                .record_followup(first.id, &result, None, event)
                .await
                .unwrap();
        }
    }
    let kolkata = h.kolkata().await.to_string();
    let reply = api(&h, "director.kolkata")
        .await
        .get("/api/v1/indicators?period=2026-Q3")
        .await;
    assert_eq!(reply.status, StatusCode::OK);
    let body = reply.json();
    let lines = organisation(&body, &kolkata);
    let month = figure(lines, "r6d-follow-ups-1-month", None);
    assert_eq!(month["n"], 6, "{month}");
    assert_eq!(month["percent"], 67, "{month}");
    let three = figure(lines, "r6d-follow-ups-3-months", None);
    assert_eq!(
        (three["n"].as_u64(), three["percent"].as_u64()),
        (Some(0), None)
    );
    // The next quarter holds the 3-month follow-ups, none done, long past their grace on the
    // harness's day (29 November 2026): 0 of 6.
    let q4 = api(&h, "director.kolkata")
        .await
        .get("/api/v1/indicators?period=2026-Q4")
        .await
        .json();
    let three = figure(organisation(&q4, &kolkata), "r6d-follow-ups-3-months", None);
    assert_eq!(
        (three["n"].as_u64(), three["percent"].as_u64()),
        (Some(6), Some(0))
    );

    // The page names the figure in her language, with its n in her digits.
    let page = h
        .client()
        .signed_in("director.kolkata")
        .await
        .get("/indicators?period=2026-Q3&lang=bn")
        .await
        .body;
    assert!(page.contains("১ মাসের খোঁজখবর সময়মতো হয়েছে"), "{page}");
    assert!(page.contains("৬৭% (মোট ৬)"));
    h.finish().await;
}

on_both_engines!(follow_ups_on_time_are_counted_once_known);
