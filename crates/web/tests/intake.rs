//! Opening a case as it happened (issue 15): the day and place she was identified, her age or
//! date of birth, gender, languages, citizenship and the type of exploitation, through the
//! new-case page and the API, shown on the case page; her words dated back to that day.

use axum::http::{Method, StatusCode};
use domain::Language;
use serde_json::json;
use testkit::Engine;

use crate::common::{Harness, html};
use testkit::on_both_engines;

const NEW_CASE: [(&str, &str); 13] = [
    ("name", "রিনা খাতুন"),
    ("identified_on", "২০২৬-০৮-২৬"),
    ("identified_district", "Howrah"),
    ("identified_state", "West Bengal"),
    ("identified_country", "IN"),
    ("age", "১৬"),
    ("born_on", ""),
    ("gender", "feminine"),
    ("languages", "bn"),
    ("languages", "hi"),
    ("citizenship", "BD"),
    ("exploitation", "sexual-exploitation"),
    ("exploitation", "servitude"),
];

async fn the_new_case_form_records_how_she_came_and_the_case_page_shows_it(engine: Engine) {
    let h = Harness::new(engine).await;
    let mut worker = h.client().signed_in("caseworker.kolkata").await;
    let form = worker.get("/cases/new?lang=bn").await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(
        form.body
            .contains(&h.text(Language::Bn, "intake-identified-on"))
    );
    assert!(
        form.body
            .contains(&h.text(Language::Bn, "exploitation-forced-labour"))
    );

    let reply = worker.post_form("/cases/new", &NEW_CASE).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let location = reply.header("location").unwrap().to_string();
    let path = location.split('?').next().unwrap().to_string();
    let page = worker.get(&format!("{path}?lang=bn")).await;
    assert_eq!(page.status, StatusCode::OK);
    for shown in [
        "২৬ আগস্ট ২০২৬".to_string(),
        "Howrah, West Bengal, ভারত".to_string(),
        h.text(Language::Bn, "gender-feminine"),
        format!(
            "{}, {}",
            h.text(Language::Bn, "spoken-bn"),
            h.text(Language::Bn, "spoken-hi")
        ),
        h.text(Language::Bn, "country-bd"),
        format!(
            "{}, {}",
            h.text(Language::Bn, "exploitation-sexual-exploitation"),
            h.text(Language::Bn, "exploitation-servitude")
        ),
    ] {
        assert!(page.body.contains(&shown), "the case page shows {shown}");
    }
    assert!(page.body.contains("১৬"), "her age in Bengali digits");
    assert!(!page.body.contains("2026-08-26"), "no ISO date on the page");

    // Her words may be dated back to the day she was identified, not before it.
    let reply = worker
        .post_form(
            &format!("{path}/voice"),
            &[
                ("kind", "hope"),
                ("text", "আমি বাড়ি ফিরতে চাই"),
                ("language", "bn"),
                ("spoken_on", "2026-08-26"),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let reply = worker
        .post_form(
            &format!("{path}/voice?lang=en"),
            &[
                ("kind", "hope"),
                ("text", "আমি বাড়ি ফিরতে চাই"),
                ("language", "bn"),
                ("spoken_on", "2026-08-25"),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    let named = h.state.i18n.text_with(
        Language::En,
        "error-date-before-identified",
        &[("date", i18n::Arg::Text("26 August 2026".into()))],
    );
    assert!(reply.body.contains(&html(&named)), "{named}");
    h.finish().await;
}

async fn a_wrong_intake_is_shown_at_the_top_and_beside_each_field_with_her_input(engine: Engine) {
    let h = Harness::new(engine).await;
    let mut worker = h.client().signed_in("caseworker.kolkata").await;
    let before = h.store.count_cases(h.kolkata().await).await.unwrap();
    let reply = worker
        .post_form(
            "/cases/new?lang=bn",
            &[
                ("name", "রিনা খাতুন"),
                ("identified_on", "২০২৭-০১-০১"),
                ("identified_district", "Howrah"),
                ("age", "১৬"),
                ("born_on", "2010-01-01"),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    let future = h.text(Language::Bn, "error-date-in-future");
    let both = h.text(Language::Bn, "error-age-and-birth-date");
    let top = reply
        .body
        .find(&h.text(Language::Bn, "intake-errors-title"))
        .unwrap();
    let field = reply.body.find("id=\"identified_on\"").unwrap();
    for message in [&future, &both] {
        let first = reply.body.find(message.as_str()).unwrap();
        assert!(
            first > top && first < field,
            "{message} is listed at the top"
        );
        assert_eq!(
            reply.body.matches(message.as_str()).count(),
            2,
            "and beside its field"
        );
    }
    assert!(reply.body.contains("href=\"#identified_on\""));
    assert!(
        reply.body.contains("value=\"২০২৭-০১-০১\""),
        "her input is kept"
    );
    assert!(reply.body.contains("value=\"Howrah\""));
    assert_eq!(
        h.store.count_cases(h.kolkata().await).await.unwrap(),
        before,
        "nothing written"
    );
    h.finish().await;
}

async fn the_api_opens_a_case_as_it_happened_and_reads_it_back(engine: Engine) {
    let h = Harness::new(engine).await;
    let mut worker = h.client();
    worker.bearer = Some(h.token("caseworker.kolkata").await);
    let intake = json!({
        "identified_on": "2026-08-26",
        "identified_district": "Howrah",
        "identified_state": "West Bengal",
        "identified_country": "IN",
        "born_on": "২০১০-০৩-০১",
        "gender": "feminine",
        "languages": ["bn", "hi"],
        "citizenship": "bd",
        "exploitation": ["sexual-exploitation"]
    });
    let reply = worker
        .json(
            Method::POST,
            "/api/v1/cases",
            &json!({"identity": {"name": "রিনা"}, "intake": intake}),
            &[],
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
    let id = reply.json()["id"].as_str().unwrap().to_string();
    let read = worker.get(&format!("/api/v1/cases/{id}")).await;
    assert_eq!(read.status, StatusCode::OK);
    let got = &read.json()["intake"];
    assert_eq!(got["identified_on"], "2026-08-26");
    assert_eq!(got["born_on"], "2010-03-01");
    assert_eq!(got["age"], serde_json::Value::Null);
    assert_eq!(got["citizenship"], "BD");
    assert_eq!(got["languages"], json!(["bn", "hi"]));
    assert_eq!(got["exploitation"], json!(["sexual-exploitation"]));
    assert_eq!(got["identified_country"], "IN");

    // An age written as a whole number with a decimal point (as JSON tools may) is her age.
    let reply = worker
        .json(
            Method::POST,
            "/api/v1/cases",
            &json!({"identity": {"name": "সীমা"}, "intake": {"age": 15.0}}),
            &[],
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
    assert_eq!(reply.json()["intake"]["age"], 15);

    // Without an intake the case is identified today (the old body keeps working).
    let reply = worker
        .json(
            Method::POST,
            "/api/v1/cases",
            &json!({"identity": {"name": "মিতা"}}),
            &[],
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
    assert_eq!(reply.json()["intake"]["identified_on"], "2026-11-29");
    assert_eq!(reply.json()["intake"]["gender"], serde_json::Value::Null);

    let reply = worker
        .json(
            Method::POST,
            "/api/v1/cases",
            &json!({"identity": {"name": "মিতা"}, "intake": {"identified_on": "2026-12-25", "gender": "x", "age": 16,
                "born_on": "2010-01-01", "languages": ["xx"]}}),
            &[],
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    let codes: Vec<String> = reply.json()["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            format!(
                "{}:{}",
                e["field"].as_str().unwrap(),
                e["code"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(
        codes,
        vec![
            "identified_on:error-date-in-future",
            "age:error-age-and-birth-date",
            "gender:error-unknown-gender",
            "languages:error-unknown-spoken-language",
        ]
    );
    h.finish().await;
}

on_both_engines!(
    the_new_case_form_records_how_she_came_and_the_case_page_shows_it,
    a_wrong_intake_is_shown_at_the_top_and_beside_each_field_with_her_input,
    the_api_opens_a_case_as_it_happened_and_reads_it_back,
);
