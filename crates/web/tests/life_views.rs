#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Her own view of her life (R8) through the page and the API, on both engines: the built-in
//! form re-shown with her input and the message in her language, the confirmation, the history
//! with the gap flagged, and the API's checks.

use crate::common::{Client, Engine, Harness};
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
            asked(&mut api, case, her, worker, livelihood).await;
        }
    }
}

/// Records one view of `case` at a plan review through the API: `her` rating in every area but
/// livelihood, where she says `livelihood`, and the worker's `worker` in all six.
async fn asked(api: &mut Client, case: domain::CaseId, her: &str, worker: &str, livelihood: &str) {
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
    // The trend's quarter is hidden with it in every export: no mean in the API, cells marked
    // in the workbook, no figure in the PDF, none on the page.
    let q4 = &body["her_view"]["organisations"][0]["trend"][3];
    assert_eq!(q4["period"], "2026-Q4");
    assert!(
        q4["her_mean"].is_null() && q4["worker_mean"].is_null(),
        "{q4}"
    );
    assert_eq!(q4["figures"]["cases"]["suppressed"], true);
    assert!(
        q4["figures"]["areas"]
            .as_array()
            .unwrap()
            .iter()
            .all(|a| a["her"]["suppressed"] == true && a["her"]["latest_mean"].is_null())
    );
    let hidden_book = director
        .get("/api/v1/indicators.xlsx?period=2026-Q4&lang=en")
        .await;
    assert_eq!(hidden_book.status, StatusCode::OK);
    let book =
        crate::indicators::python_reads(&hidden_book.bytes, "xlsx", crate::indicators::OPENPYXL);
    let marked = h.text(Language::En, "indicators-export-suppressed");
    let trend_rows = book["r8-trend"].as_array().unwrap();
    assert_eq!(
        trend_rows[0],
        json!([
            "organisation",
            "period",
            "area",
            "figure",
            "n",
            "latest",
            "status"
        ])
    );
    let q4_rows: Vec<&serde_json::Value> =
        trend_rows.iter().filter(|r| r[1] == "2026-Q4").collect();
    assert_eq!(
        q4_rows.len(),
        2 + 6 * 2,
        "the mean, then each area: hers and the worker's"
    );
    for r in &q4_rows {
        assert_eq!(r[6], "suppressed", "{r}");
        assert_eq!(r[4], marked.as_str(), "{r}");
        assert_eq!(r[5], marked.as_str(), "{r}");
    }
    let hidden_pdf = director
        .get("/api/v1/indicators.pdf?period=2026-Q4&lang=en")
        .await;
    let pdf = crate::indicators::python_reads(&hidden_pdf.bytes, "pdf", crate::indicators::PYPDF);
    let text = pdf["pdftotext"].as_str().unwrap();
    assert!(
        text.contains("Her view and the worker’s, quarter by quarter")
            || text.contains("Her view and the worker's, quarter by quarter"),
        "{text}"
    );
    assert!(!text.contains("2.7"), "the hidden mean: {text}");
    let page = h
        .client()
        .signed_in("director.kolkata")
        .await
        .get("/indicators?period=2026-Q4&lang=en")
        .await
        .body;
    assert!(!page.contains("<td>2.7</td>"), "{page}");

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

    // The trend leaves Saathi as the page draws it: her mean over the areas (five good, one
    // very hard: 2.7) against the worker's (3.0), the same figures everywhere.
    let body = director
        .get("/api/v1/indicators?period=2026-Q4")
        .await
        .json();
    let q4 = &body["her_view"]["organisations"][0]["trend"][3];
    assert_eq!(
        (q4["her_mean"].as_f64(), q4["worker_mean"].as_f64()),
        (Some(2.7), Some(3.0))
    );
    assert_eq!(q4["figures"]["areas"][4]["her"]["latest_mean"], 1.0);
    let trend = &body["her_view"]["organisations"][0]["trend"];
    assert!(
        trend[0]["her_mean"].is_null(),
        "no views in the first quarter"
    );
    let (her, worker) = ("2.7", "3.0");
    let english = page.get("/indicators?period=2026-Q4&lang=en").await.body;
    assert!(
        english.contains(&format!("<td>{her}</td><td>{worker}</td>")),
        "the page's table: {english}"
    );
    let bn = page.get("/indicators?period=2026-Q4&lang=bn").await.body;
    assert!(bn.contains("<td>২.৭</td><td>৩.০</td>"), "her digits");
    let reply = director
        .get("/api/v1/indicators.xlsx?period=2026-Q4&lang=en")
        .await;
    let book = crate::indicators::python_reads(&reply.bytes, "xlsx", crate::indicators::OPENPYXL);
    let mean_rows: Vec<&serde_json::Value> = book["r8-trend"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| {
            r[1] == "2026-Q4" && r[2] == h.text(Language::En, "indicator-r8-trend-mean").as_str()
        })
        .collect();
    assert_eq!(mean_rows.len(), 2);
    assert_eq!(
        (&mean_rows[0][5], &mean_rows[0][6]),
        (&json!(her), &json!("shown"))
    );
    assert_eq!(mean_rows[1][5], worker);
    assert_eq!(mean_rows[0][4], 6, "its n: the quarter's cases");
    let reply = director
        .get("/api/v1/indicators.pdf?period=2026-Q4&lang=en")
        .await;
    let pdf = crate::indicators::python_reads(&reply.bytes, "pdf", crate::indicators::PYPDF);
    let text = pdf["pdftotext"].as_str().unwrap().replace('\n', " ");
    assert!(
        text.contains(&format!("October–December 2026: {her}")),
        "{text}"
    );
    assert!(
        text.contains(&format!("October–December 2026: {worker}")),
        "{text}"
    );
    h.finish().await;
}

/// Asks `case`'s view twice as `username`: the first time close to the worker in every area,
/// the latest with `latest` for her in livelihood against the worker's good.
async fn asked_with(h: &Harness, username: &str, case: domain::CaseId, latest: &str) {
    let mut api = h.client();
    api.bearer = Some(h.token(username).await);
    for livelihood in ["good", latest] {
        asked(&mut api, case, "good", "good", livelihood).await;
    }
}

/// Her director opens the cases behind R8's gaps from its block: the case where she finds
/// livelihood very hard and the worker good, with both ratings in her language; not the case
/// where they are a point apart, never another organisation's. An empty list says why; the
/// network admin reads figures only.
async fn a_director_opens_the_cases_where_her_view_and_the_workers_are_apart(engine: Engine) {
    let h = Harness::new(engine).await;
    let (apart, _) = h.case().await;
    asked_with(&h, "caseworker.kolkata", apart, "very-hard").await;
    let (close, _) = h.case().await;
    asked_with(&h, "caseworker.kolkata", close, "hard").await;
    let theirs = crate::indicators::decisions(&h, "caseworker.jessore", 0, 81).await;
    asked_with(&h, "caseworker.jessore", theirs, "very-hard").await;

    let mut director = h.client().signed_in("director.kolkata").await;
    let page = director
        .get("/indicators?period=2026-Q4&lang=en")
        .await
        .body;
    let link = "href=\"/indicators/cases?figure=r8-ratings-apart&#38;period=2026-Q4\"";
    assert_eq!(page.matches(link).count(), 1, "on R8's block");
    let reply = director
        .get("/indicators/cases?figure=r8-ratings-apart&period=2026-Q4&lang=en")
        .await;
    assert_eq!(reply.status, StatusCode::OK);
    let list = reply.body;
    assert!(list.contains(&format!("href=\"/cases/{apart}\"")), "{list}");
    assert!(!list.contains(&format!("/cases/{close}")), "a point apart");
    assert!(!list.contains(&format!("/cases/{theirs}")), "Jessore's");
    assert!(
        list.contains("Education and livelihood: she said Very hard, the worker Good"),
        "{list}"
    );
    for lang in [Language::Bn, Language::Hi] {
        let reply = director
            .get(&format!(
                "/indicators/cases?figure=r8-ratings-apart&period=2026-Q4&lang={}",
                lang.code()
            ))
            .await
            .body;
        assert!(
            reply.contains(&h.text(lang, "indicator-r8-ratings-apart")),
            "{reply}"
        );
        assert!(
            reply.contains(&h.text(lang, "life-rating-very-hard")),
            "{reply}"
        );
        assert!(
            reply.contains(&h.text(lang, "goal-domain-livelihood")),
            "{reply}"
        );
    }
    // The quarter before, nobody was asked: the empty list says what that means.
    let empty = director
        .get("/indicators/cases?figure=r8-ratings-apart&period=2026-Q3&lang=en")
        .await;
    assert_eq!(empty.status, StatusCode::OK);
    assert!(
        empty
            .body
            .contains(&h.text(Language::En, "indicator-cases-none-r8")),
        "{}",
        empty.body
    );
    // The network admin: no list, no link.
    let mut admin = h.client().signed_in("admin").await;
    let reply = admin
        .get("/indicators/cases?figure=r8-ratings-apart&period=2026-Q4")
        .await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    let page = admin.get("/indicators?period=2026-Q4").await.body;
    assert!(!page.contains("/indicators/cases"));
    h.finish().await;
}

on_both_engines!(
    a_director_opens_the_cases_where_her_view_and_the_workers_are_apart,
    her_view_is_asked_in_the_form_and_her_gap_with_the_worker_flagged,
    the_api_refuses_a_view_that_misses_an_area_or_rates_off_the_scale,
    r8_shows_her_view_beside_the_workers_and_hides_a_small_one,
);
