#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Her own view of her life (R8) through the page and the API, on both engines: the built-in
//! form re-shown with her input and the message in her language, the confirmation, the history
//! with the gap flagged, and the API's checks.

use crate::common::{Engine, Harness};
use axum::http::{Method, StatusCode};
use domain::Language;
use domain::audit::AuditAction;
use serde_json::json;
use testkit::on_both_engines;

const AREAS: [&str; 6] = [
    "safety",
    "health",
    "wellbeing",
    "family",
    "livelihood",
    "justice",
];

/// The form's fields: her answer and the worker's for each area, `her` left out for `skip`.
fn fields(
    occasion: &'static str,
    her: &'static str,
    worker: &'static str,
    skip: Option<&str>,
) -> Vec<(String, String)> {
    let mut out = vec![
        ("occasion".to_string(), occasion.to_string()),
        ("recorded_on".to_string(), "২০২৬-১১-২৯".to_string()),
    ];
    for area in AREAS {
        if skip != Some(area) {
            out.push((format!("her-{area}"), her.to_string()));
        }
        out.push((format!("worker-{area}"), worker.to_string()));
    }
    out
}

async fn her_view_is_asked_in_the_form_and_her_gap_with_the_worker_flagged(engine: Engine) {
    let h = Harness::new(engine).await;
    let (case, _) = h.case().await;
    let path = format!("/cases/{case}/life-views");
    let mut worker = h.client().signed_in("caseworker.kolkata").await;
    let page = worker.get(&format!("{path}?lang=bn")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains(&h.text(Language::Bn, "life-view-none")));
    assert!(
        page.body
            .contains(&h.text(Language::Bn, "life-rating-very-hard"))
    );
    assert!(
        page.body
            .contains(&h.text(Language::Bn, "goal-domain-justice"))
    );

    // She was not asked about justice: the form comes back with what was chosen, and the
    // message beside the field, in Bengali.
    let missing = fields("entering-care", "very-hard", "hard", Some("justice"));
    let form: Vec<(&str, &str)> = missing
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let reply = worker.post_form(&format!("{path}?lang=bn"), &form).await;
    assert_eq!(
        reply.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        reply.body
    );
    assert!(reply.body.contains(&h.text(Language::Bn, "error-required")));
    assert!(reply.body.contains("href=\"#her-justice\""));
    assert!(
        reply
            .body
            .contains("name=\"her-safety\" value=\"very-hard\" checked"),
        "her answers are kept"
    );
    assert!(reply.body.contains("value=\"entering-care\" checked"));
    let api = {
        let mut c = h.client();
        c.bearer = Some(h.token("caseworker.kolkata").await);
        c
    };
    let mut api = api;
    let views = api.get(&format!("/api/v1/cases/{case}/life-views")).await;
    assert_eq!(
        views.json()["views"].as_array().unwrap().len(),
        0,
        "nothing written"
    );

    // Entering care: very hard, the worker says hard.
    let first = fields("entering-care", "very-hard", "hard", None);
    let form: Vec<(&str, &str)> = first
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let reply = worker.post_form(&path, &form).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    assert_eq!(
        reply.header("location"),
        Some(format!("{path}?saved=asked").as_str())
    );
    // At a review she says good, the worker very good... except livelihood, which she finds
    // very hard still: two points or more apart.
    let mut second = fields("plan-review", "good", "very-good", None);
    for (k, v) in second.iter_mut() {
        if k == "her-livelihood" {
            *v = "very-hard".into();
        }
        if k == "her-justice" {
            *v = "not-said".into();
        }
    }
    let form: Vec<(&str, &str)> = second
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let reply = worker.post_form(&path, &form).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let page = worker
        .get(&format!("{path}?saved=asked&lang=bn"))
        .await
        .body;
    assert!(page.contains(&h.text(Language::Bn, "life-view-saved")));
    assert_eq!(
        page.matches(&h.text(Language::Bn, "life-view-gap")).count(),
        1,
        "only livelihood is flagged"
    );
    assert!(page.contains(&format!(
        "{} → {}",
        h.text(Language::Bn, "life-rating-very-hard"),
        h.text(Language::Bn, "life-rating-good")
    )));
    assert!(page.contains(&h.text(Language::Bn, "life-rating-not-said")));
    assert!(page.contains("২৯ নভেম্বর ২০২৬"), "the day the long way");
    assert!(!page.contains("2026-11-29 "));

    // The API reads the same, and the read is audited.
    let before = h
        .store
        .audit_entries(None, 1000)
        .await
        .unwrap()
        .iter()
        .filter(|r| r.event.action == AuditAction::CaseViewed)
        .count();
    let reply = api.get(&format!("/api/v1/cases/{case}/life-views")).await;
    assert_eq!(reply.status, StatusCode::OK);
    let body = reply.json();
    assert_eq!(body["views"].as_array().unwrap().len(), 2);
    assert_eq!(body["views"][1]["areas"][4]["her"], "very-hard");
    assert_eq!(body["views"][1]["areas"][4]["flagged"], true);
    assert_eq!(body["changes"][0]["her_first"], "very-hard");
    assert_eq!(body["changes"][0]["her_latest"], "good");
    assert_eq!(body["changes"][5]["her_latest"], "very-hard");
    assert_eq!(body["changes"][4]["flagged"], true);
    let after = h
        .store
        .audit_entries(None, 1000)
        .await
        .unwrap()
        .iter()
        .filter(|r| r.event.action == AuditAction::CaseViewed)
        .count();
    assert_eq!(after, before + 1);
    h.finish().await;
}

/// Posts `body` to `path`, asserts the exact refusal (422) and returns the problem's text.
async fn refused(api: &mut crate::common::Client, path: &str, body: serde_json::Value) -> String {
    let reply = api.json(Method::POST, path, &body, &[]).await;
    assert_eq!(
        reply.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        reply.body
    );
    reply.body
}

async fn the_api_refuses_a_view_that_misses_an_area_or_rates_off_the_scale(engine: Engine) {
    let h = Harness::new(engine).await;
    let (case, _) = h.case().await;
    let mut api = h.client();
    api.bearer = Some(h.token("caseworker.kolkata").await);
    let path = format!("/api/v1/cases/{case}/life-views");
    let areas = |her: &str| -> Vec<serde_json::Value> {
        AREAS
            .iter()
            .map(|a| json!({"area": a, "her": her, "worker": "good"}))
            .collect()
    };
    let mut five = areas("good");
    five.pop();
    let body = refused(
        &mut api,
        &path,
        json!({"occasion": "follow-up", "recorded_on": "2026-11-29", "areas": five}),
    )
    .await;
    assert!(body.contains("her-justice"), "{body}");
    let body = refused(
        &mut api,
        &path,
        json!({"occasion": "follow-up", "recorded_on": "2026-11-29", "areas": areas("5")}),
    )
    .await;
    assert!(body.contains("error-unknown-life-rating") || body.contains("her-safety"));
    // A follow-up that is not this case's.
    let body = refused(
        &mut api,
        &path,
        json!({"occasion": "follow-up", "reference": uuid::Uuid::now_v7().to_string(),
            "recorded_on": "2026-11-29", "areas": areas("good")}),
    )
    .await;
    assert!(body.contains("reference"), "{body}");
    // A day after today.
    refused(
        &mut api,
        &path,
        json!({"occasion": "follow-up", "recorded_on": "2026-12-01", "areas": areas("good")}),
    )
    .await;
    let reply = api.get(&path).await;
    assert_eq!(reply.json()["views"].as_array().unwrap().len(), 0);
    let reply = api
        .json(
            Method::POST,
            &path,
            &json!({"occasion": "follow-up", "recorded_on": "2026-11-29", "areas": areas("not-said")}),
            &[],
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
    assert_eq!(reply.json()["areas"][0]["her"], "not-said");
    h.finish().await;
}

/// Two views of `cases` new cases of the Kolkata shelter: very hard (the worker: hard), then
/// good (the worker: good); livelihood stays very hard for her the second time.
async fn asked_twice(h: &Harness, cases: usize) {
    let mut api = h.client();
    api.bearer = Some(h.token("caseworker.kolkata").await);
    for _ in 0..cases {
        let (case, _) = h.case().await;
        for (her, worker, livelihood) in [
            ("very-hard", "hard", "very-hard"),
            ("good", "good", "very-hard"),
        ] {
            let areas: Vec<serde_json::Value> = AREAS
                .iter()
                .map(|a| {
                    let her = if *a == "livelihood" { livelihood } else { her };
                    json!({"area": a, "her": her, "worker": worker})
                })
                .collect();
            let reply = api
                .json(
                    Method::POST,
                    &format!("/api/v1/cases/{case}/life-views"),
                    &json!({"occasion": "plan-review", "recorded_on": "2026-11-29", "areas": areas}),
                    &[],
                )
                .await;
            assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
        }
    }
}

async fn r8_shows_her_view_beside_the_workers_and_hides_a_small_one(engine: Engine) {
    let h = Harness::new(engine).await;
    asked_twice(&h, 4).await;
    let mut director = h.client();
    director.bearer = Some(h.token("director.kolkata").await);
    let body = director
        .get("/api/v1/indicators?period=2026-Q4")
        .await
        .json();
    let kolkata = &body["her_view"]["organisations"][0]["figures"];
    assert_eq!(kolkata["cases"]["suppressed"], true, "four cases: hidden");
    assert_eq!(kolkata["areas"][0]["her"]["suppressed"], true);
    assert!(kolkata["areas"][0]["her"]["change"].is_null());

    asked_twice(&h, 2).await;
    // The view after the change is answered from the kept figures and starts their refresh
    // (`app::indicators::cache`); the one after the refresh counts it.
    let stale = director
        .get("/api/v1/indicators?period=2026-Q4")
        .await
        .json();
    assert_eq!(stale["refreshing"], true);
    h.indicators_settled().await;
    let body = director
        .get("/api/v1/indicators?period=2026-Q4")
        .await
        .json();
    assert_eq!(
        body["her_view"]["organisations"].as_array().unwrap().len(),
        1
    );
    let kolkata = &body["her_view"]["organisations"][0]["figures"];
    assert_eq!(kolkata["cases"]["count"], 6);
    let safety = &kolkata["areas"][0];
    assert_eq!(safety["area"], "safety");
    assert_eq!(safety["her"]["first_mean"], 1.0);
    assert_eq!(safety["her"]["latest_mean"], 3.0);
    assert_eq!(safety["her"]["change"], 2.0);
    assert_eq!(safety["worker"]["change"], 1.0);
    assert_eq!(safety["gaps"]["percent"], 0);
    let livelihood = &kolkata["areas"][4];
    assert_eq!(livelihood["her"]["change"], 0.0);
    assert_eq!(livelihood["gaps"]["percent"], 100, "very hard against good");
    assert_eq!(livelihood["gaps"]["n"], 6);
    // The quarter before has none of it.
    let before = director
        .get("/api/v1/indicators?period=2026-Q3")
        .await
        .json();
    assert_eq!(
        before["her_view"]["organisations"][0]["figures"]["cases"]["count"],
        0
    );

    // The page draws it in her language, with its table beside it.
    let mut page = h.client().signed_in("director.kolkata").await;
    let reply = page.get("/indicators?period=2026-Q4&lang=bn").await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(reply.body.contains("class=\"chart her-view\""));
    assert!(
        reply
            .body
            .contains(&h.text(Language::Bn, "indicator-r8-chart-title"))
    );
    assert!(reply.body.contains("১.০ → ৩.০ (+২.০)"), "her digits");
    assert!(reply.body.contains("১০০%"));
    // A trainer sees none of it.
    let mut trainer = h.client();
    trainer.bearer = Some(h.token("trainer").await);
    let body = trainer
        .get("/api/v1/indicators?period=2026-Q4")
        .await
        .json();
    assert!(body["her_view"].is_null());

    // The workbook has its sheet, the PDF its words.
    let reply = director.get("/api/v1/indicators.xlsx?period=2026-Q4").await;
    assert_eq!(reply.status, StatusCode::OK);
    let book = crate::indicators::python_reads(&reply.bytes, "xlsx", crate::indicators::OPENPYXL);
    let rows = book["r8-her-view"].as_array().unwrap();
    assert_eq!(rows[0][0], "organisation");
    assert_eq!(
        rows.len(),
        1 + 6 * 3,
        "her, the worker and the gaps, per area"
    );
    assert_eq!(rows[1][4], 6);
    assert_eq!(rows[1][7], "2.0");
    let reply = director
        .get("/api/v1/indicators.pdf?period=2026-Q4&lang=hi")
        .await;
    assert_eq!(reply.status, StatusCode::OK);
    h.finish().await;
}

on_both_engines!(
    her_view_is_asked_in_the_form_and_her_gap_with_the_worker_flagged,
    the_api_refuses_a_view_that_misses_an_area_or_rates_off_the_scale,
    r8_shows_her_view_beside_the_workers_and_hides_a_small_one,
);
