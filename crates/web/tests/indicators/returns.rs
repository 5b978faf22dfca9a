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

use super::{OPENPYXL, PYPDF, api, decisions, figure, organisation, python_reads};
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
    let mut cases = Vec::new();
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
        cases.push(case);
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

    // Her director opens the follow-ups behind R6d from each of its cards: the one done 19
    // days late and the one never done, each with which follow-up and its due date; the four
    // on time are not listed, nor another organisation's girl left unvisited.
    let jessore_worker = h.user("caseworker.jessore").await;
    let theirs = decisions(&h, "caseworker.jessore", 0, 46).await;
    bring_home(&h, theirs, jessore_worker.id).await;
    let mut director = h.client().signed_in("director.kolkata").await;
    let page = director
        .get("/indicators?period=2026-Q3&lang=en")
        .await
        .body;
    let link = "href=\"/indicators/cases?figure=r6d-follow-ups-late&#38;period=2026-Q3\"";
    assert_eq!(page.matches(link).count(), 4, "one on each of R6d's cards");
    let reply = director
        .get("/indicators/cases?figure=r6d-follow-ups-late&period=2026-Q3&lang=en")
        .await;
    assert_eq!(reply.status, StatusCode::OK);
    let list = reply.body;
    for late in [cases[4], cases[5]] {
        assert!(list.contains(&format!("href=\"/cases/{late}\"")), "{list}");
    }
    for on_time in &cases[..4] {
        assert!(!list.contains(&format!("/cases/{on_time}")), "{list}");
    }
    assert!(!list.contains(&format!("/cases/{theirs}")), "Jessore's");
    assert!(
        list.contains("The 1-month follow-up, due 1 August 2026: not done"),
        "{list}"
    );
    assert!(
        list.contains("The 1-month follow-up, due 1 August 2026: done on 20 August 2026"),
        "{list}"
    );
    // In Bengali and Hindi, in her words and digits, the day the long way.
    let bn = director
        .get("/indicators/cases?figure=r6d-follow-ups-late&period=2026-Q3&lang=bn")
        .await
        .body;
    assert!(
        bn.contains("১ মাসের ফলো-আপ, নির্ধারিত দিন ১ আগস্ট ২০২৬: হয়নি"),
        "{bn}"
    );
    let hi = director
        .get("/indicators/cases?figure=r6d-follow-ups-late&period=2026-Q3&lang=hi")
        .await
        .body;
    assert!(hi.contains("1 महीने का फ़ॉलो-अप"), "{hi}");
    assert!(!hi.contains("2026-08-01"));
    // The quarter before has nothing due: the empty list says why.
    let empty = director
        .get("/indicators/cases?figure=r6d-follow-ups-late&period=2026-Q2&lang=en")
        .await;
    assert_eq!(empty.status, StatusCode::OK);
    assert!(
        empty
            .body
            .contains("every follow-up due in the period whose outcome is known was done on time"),
        "{}",
        empty.body
    );
    // The network admin reads figures only.
    let reply = h
        .client()
        .signed_in("admin")
        .await
        .get("/indicators/cases?figure=r6d-follow-ups-late&period=2026-Q3")
        .await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    h.finish().await;
}

/// Six repatriations started by the Kolkata shelter on 1 July 2026: the home investigation
/// report requested within 5 days for four girls, after 20 for two (7 expected). R7 shows the
/// step's median against its expected days and a third delayed, in the API, on the page and
/// in the workbook; the small organisation's steps stay hidden.
async fn repatriation_steps_are_measured_against_their_expected_days(engine: Engine) {
    let h = Harness::new(engine).await;
    let worker = h.user("caseworker.kolkata").await;
    let started = time::macros::date!(2026 - 07 - 01);
    for (seed, took) in [(50, 5), (51, 5), (52, 5), (53, 5), (54, 20), (55, 20)] {
        let case = decisions(&h, "caseworker.kolkata", 0, seed).await;
        let event =
            AuditEvent::new(T0, AuditAction::RepatriationStarted, "case").from_source("test");
        h.store
            .start_repatriation(case, "IN-BD", started, event)
            .await
            .unwrap();
        let (_, _, steps) = h
            .store
            .repatriation(case, &CaseScope::Network)
            .await
            .unwrap()
            .unwrap();
        let step = domain::repatriation::Step {
            done_on: Some(started.saturating_add(time::Duration::days(took))),
            updated_by: Some(worker.id),
            updated_at: Some(T0),
            ..steps[0].clone()
        };
        let event =
            AuditEvent::new(T0, AuditAction::RepatriationStepUpdated, "case").from_source("test");
        h.store.update_step(&step, event).await.unwrap();
    }
    let kolkata = h.kolkata().await.to_string();
    let body = api(&h, "director.kolkata")
        .await
        .get("/api/v1/indicators?period=2026-Q3")
        .await
        .json();
    let org = body["organisations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["id"] == kolkata.as_str())
        .unwrap();
    let step = |key: &str| {
        org["repatriation"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["route"] == "IN-BD" && s["step"] == key)
            .unwrap_or_else(|| panic!("{key}: {org}"))
            .clone()
    };
    let requested = step("hir-requested");
    assert_eq!(requested["expected_days"], 7);
    let days = &requested["days"]["period"];
    assert_eq!(
        (
            days["n"].as_u64(),
            days["median"].as_i64(),
            days["p90"].as_i64()
        ),
        (Some(6), Some(5), Some(20)),
        "{requested}"
    );
    assert_eq!(requested["delayed"]["period"]["percent"], 33);
    assert_eq!(
        requested["delayed"]["trend"][3],
        requested["delayed"]["period"]
    );
    assert_eq!(step("hir-received")["days"]["period"]["n"], 0);
    // The director's own view has no network part.
    assert!(body["network_repatriation"].is_null());

    // The page: the route's card, its chart described, its table in her language.
    let mut director = h.client().signed_in("director.kolkata").await;
    let page = director
        .get("/indicators?period=2026-Q3&lang=en")
        .await
        .body;
    assert!(
        page.contains("Days per step of repatriation, route IN-BD"),
        "{page}"
    );
    assert!(page.contains("Home investigation report requested"));
    assert!(page.contains("33% (n = 6)"));
    assert!(page.contains("expected: 7 days"));
    let bn = director
        .get("/indicators?period=2026-Q3&lang=bn")
        .await
        .body;
    assert!(
        bn.contains("৩৩% (মোট ৬)") && bn.contains("প্রত্যাশিত: ৭ দিন"),
        "{bn}"
    );

    // The workbook's R7 sheet: the quarter's row as the API gives it.
    let reply = api(&h, "director.kolkata")
        .await
        .get("/api/v1/indicators.xlsx?period=2026-Q3")
        .await;
    assert_eq!(reply.status, StatusCode::OK);
    let book = python_reads(&reply.bytes, "xlsx", OPENPYXL);
    let rows = book["r7-repatriation"].as_array().unwrap();
    assert_eq!(rows[0][3], "step");
    let row = rows
        .iter()
        .find(|r| r[1] == "2026-Q3" && r[4] == 7)
        .unwrap_or_else(|| panic!("{rows:?}"));
    assert_eq!(
        (&row[5], &row[6], &row[7], &row[8]),
        (&6.into(), &5.into(), &20.into(), &33.into())
    );
    assert_eq!(row[10], "shown");

    // The PDF writes the route's steps with their figures, in her language (the director
    // reads Bengali).
    let reply = api(&h, "director.kolkata")
        .await
        .get("/api/v1/indicators.pdf?period=2026-Q3")
        .await;
    assert_eq!(reply.status, StatusCode::OK);
    let pdf = python_reads(&reply.bytes, "pdf", PYPDF);
    let text = pdf["pdftotext"].as_str().unwrap().replace('\n', " ");
    assert!(text.contains("পথ IN-BD"), "{text}");
    assert!(
        text.contains("৩৩% (মোট ৬)") && text.contains("প্রত্যাশিত: ৭ দিন"),
        "{text}"
    );
    h.finish().await;
}

on_both_engines!(
    follow_ups_on_time_are_counted_once_known,
    repatriation_steps_are_measured_against_their_expected_days,
);
