#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Forms and assessments on both engines: the built-in tools, filling one through the API and
//! the page (bad input kept and explained), a revised form that leaves an old assessment reading
//! right, sections hidden by their sensitivity, and the assessment as PDF.

use crate::common::{Engine, Harness};
use axum::http::{Method, StatusCode};
use domain::Language;
use serde_json::json;
use testkit::on_both_engines;

async fn api(h: &Harness, username: &str) -> crate::common::Client {
    let mut client = h.client();
    client.bearer = Some(h.token(username).await);
    client
}

fn visit(extra: serde_json::Value) -> serde_json::Value {
    let mut answers = json!({
        "visit_date": "2026-11-20",
        "met_her": "yes",
        "is_safe": "some_concerns",
        "threats": ["stigma", "marriage_pressure"],
        "how_she_is": "ভালো আছি, তবে গ্রামের লোকে কথা বলে। রাতে ঘুম হয় না, trauma-র কথা মনে পড়ে।",
        "services_linked": [
            {"service": "counselling", "provider": "Notun Alo", "service_status": "receiving"},
            {"service": "school_admission", "service_status": "referred"}
        ],
        "next_visit_date": "2027-02-20"
    });
    if let (Some(a), Some(e)) = (answers.as_object_mut(), extra.as_object()) {
        for (k, v) in e {
            a.insert(k.clone(), v.clone());
        }
    }
    answers
}

async fn an_assessment_is_filled_revised_and_still_reads_right(engine: Engine) {
    let h = Harness::new(engine).await;
    let (case, _) = h.case().await;
    let mut worker = api(&h, "caseworker.kolkata").await;
    let forms = worker.get("/api/v1/forms").await.json();
    let keys: Vec<&str> = forms
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["key"].as_str().unwrap())
        .collect();
    assert_eq!(
        keys,
        [
            "follow-up-visit",
            "home-family-assessment",
            "initial-assessment",
            "strengths-resilience",
            "workshop-evaluation"
        ]
    );

    let path = format!("/api/v1/cases/{case}/assessments");
    // Required answers missing, a choice not in its list, a date that is not one: each named.
    let bad = json!({"form": "follow-up-visit", "answers": visit(json!({
        "is_safe": "fine", "next_visit_date": "soon", "visit_date": null
    }))});
    let reply = worker.json(Method::POST, &path, &bad, &[]).await;
    assert_eq!(
        reply.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        reply.body
    );
    let fields: Vec<String> = reply.json()["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(fields, ["visit_date", "is_safe", "next_visit_date"]);
    assert!(
        h.store.assessments_of(case).await.unwrap().is_empty(),
        "nothing half-written"
    );

    let reply = worker
        .json(
            Method::POST,
            &path,
            &json!({"form": "follow-up-visit", "answers": visit(json!({}))}),
            &[],
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
    let filled = reply.json();
    assert_eq!(filled["version"], 1);
    let aid = filled["id"].as_str().unwrap().to_string();
    assert_eq!(
        filled["answers"]["services_linked"][1]["service"],
        "school_admission"
    );
    // Not relevant (she was met): never stored.
    assert!(filled["answers"].get("not_met_why").is_none());

    // The network revises the form: "Is she safe?" becomes a new question.
    let mut admin = api(&h, "admin").await;
    let def = admin.get("/api/v1/forms/follow-up-visit").await.json()["definition"].clone();
    let mut revised = def.clone();
    let text = revised
        .to_string()
        .replace("সে কি নিরাপদে আছে?", "সে কি এখন নিজেকে নিরাপদ মনে করে?");
    revised = serde_json::from_str(&text).unwrap();
    let reply = worker
        .json(Method::POST, "/api/v1/forms", &revised, &[])
        .await;
    assert_eq!(
        reply.status,
        StatusCode::FORBIDDEN,
        "only the network admin revises forms"
    );
    let reply = admin
        .json(Method::POST, "/api/v1/forms", &revised, &[])
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
    assert_eq!(reply.json()["version"], 2);
    let mut broken = def.clone();
    broken["sections"][0]["items"][0]["choices"] = json!("nowhere");
    broken["sections"][0]["items"][0]["kind"] = json!("choice");
    let reply = admin
        .json(Method::POST, "/api/v1/forms", &broken, &[])
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.body.contains("nowhere"), "{}", reply.body);

    // The old assessment still reads in version 1's words.
    let mut page = h.client().signed_in("caseworker.kolkata").await;
    let view = page
        .get(&format!("/cases/{case}/assessments/{aid}?lang=bn"))
        .await;
    assert_eq!(view.status, StatusCode::OK);
    assert!(
        view.body.contains("সে কি নিরাপদে আছে?"),
        "the version it was filled in"
    );
    assert!(!view.body.contains("নিজেকে নিরাপদ মনে করে"));
    assert!(view.body.contains("Notun Alo"));
    assert!(
        view.body.contains("<mark class=\"jargon\""),
        "trauma is explained"
    );
    // A new one is filled in version 2.
    let reply = worker
        .json(
            Method::POST,
            &path,
            &json!({"form": "follow-up-visit", "answers": visit(json!({}))}),
            &[],
        )
        .await;
    assert_eq!(reply.json()["version"], 2);

    // As PDF: her words and the labels in Bengali, the code and never her name.
    let pdf = page
        .get(&format!("/cases/{case}/assessments/{aid}/pdf?lang=bn"))
        .await;
    assert_eq!(pdf.header("content-type"), Some("application/pdf"));
    let file = std::env::temp_dir().join(format!("saathi-assessment-{aid}.pdf"));
    std::fs::write(&file, &pdf.bytes).unwrap();
    let out = std::process::Command::new("pdftotext")
        .arg(&file)
        .arg("-")
        .output()
        .unwrap();
    std::fs::remove_file(&file).ok();
    let text = String::from_utf8_lossy(&out.stdout);
    let code = h
        .store
        .case(case, &domain::scope::CaseScope::Network)
        .await
        .unwrap()
        .unwrap()
        .code;
    assert!(text.contains(code.as_str()));
    assert!(text.contains("পরিদর্শনের তারিখ"), "{text}");
    assert!(text.contains("গ্রামের"), "{text}");
    assert!(!text.contains("রিনা"));
    h.finish().await;
}

async fn the_page_keeps_her_input_and_hides_what_is_not_hers_to_read(engine: Engine) {
    let h = Harness::new(engine).await;
    let (case, _) = h.case().await;
    let mut page = h.client().signed_in("caseworker.kolkata").await;
    let entry = page
        .get(&format!(
            "/cases/{case}/assessments/new?form=follow-up-visit&lang=bn"
        ))
        .await;
    assert_eq!(entry.status, StatusCode::OK);
    assert!(entry.body.contains("পরিদর্শনের তারিখ"));
    assert!(entry.body.contains("name=\"services_linked.0.service\""));
    let reply = page
        .post_form(
            &format!("/cases/{case}/assessments"),
            &[
                ("form", "follow-up-visit"),
                ("version", "1"),
                ("met_her", "yes"),
                ("how_she_is", "মায়ের কাছে ভালো আছি"),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.body.contains("মায়ের কাছে ভালো আছি"), "her input kept");
    assert!(
        reply
            .body
            .contains(&h.text(Language::Bn, "error-answer-required"))
    );

    // The home and family assessment has a part for the counsellor only (psychosocial).
    let mut worker = api(&h, "caseworker.kolkata").await;
    let form = worker
        .get("/api/v1/forms/home-family-assessment")
        .await
        .json();
    let hidden = form["definition"]["sections"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["sensitivity"] == "psychosocial")
        .count();
    assert!(hidden > 0);
    let mut counsellor = api(&h, "counsellor.kolkata").await;
    let psychosocial_field = form["definition"]["sections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["sensitivity"] == "psychosocial")
        .and_then(|s| {
            s["items"]
                .as_array()
                .unwrap()
                .iter()
                .find(|i| i["kind"] == "long-text" && i["relevant"].is_null())
        })
        .map(|i| i["name"].as_str().unwrap().to_string());
    {
        let name = psychosocial_field.expect("a long-text answer in the psychosocial part");
        let mut answers = required_answers(&form);
        answers.insert(name.clone(), json!("মা চিন্তিত, বাবা রাগ করে আছেন"));
        let reply = counsellor
            .json(
                Method::POST,
                &format!("/api/v1/cases/{case}/assessments"),
                &json!({"form": "home-family-assessment", "answers": answers}),
                &[],
            )
            .await;
        assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
        let aid = reply.json()["id"].as_str().unwrap().to_string();
        let as_worker = worker
            .get(&format!("/api/v1/cases/{case}/assessments/{aid}"))
            .await
            .json();
        assert!(
            as_worker["answers"].get(&name).is_none(),
            "the case worker does not read the counsellor's part"
        );
        let as_counsellor = counsellor
            .get(&format!("/api/v1/cases/{case}/assessments/{aid}"))
            .await
            .json();
        assert_eq!(as_counsellor["answers"][&name], "মা চিন্তিত, বাবা রাগ করে আছেন");
        let view = page.get(&format!("/cases/{case}/assessments/{aid}")).await;
        assert!(!view.body.contains("বাবা রাগ করে আছেন"));
        assert_eq!(view.status, StatusCode::OK);
        assert!(
            view.body.contains("আপনাকে দেখানো হচ্ছে না"),
            "she is told a part is hidden"
        );
    }
    h.finish().await;
}

/// Required answers for every section the case worker fills (not the counsellor's part).
fn required_answers(form: &serde_json::Value) -> serde_json::Map<String, serde_json::Value> {
    let mut answers = serde_json::Map::new();
    for section in form["definition"]["sections"].as_array().unwrap() {
        for item in section["items"].as_array().unwrap() {
            if item["required"] == true && item["relevant"].is_null() {
                let value = match item["kind"].as_str().unwrap() {
                    "date" => json!("2026-11-01"),
                    "yes-no" => json!("yes"),
                    "number" => json!("3"),
                    "choice" | "choices" => {
                        let list = item["choices"].as_str().unwrap();
                        form["definition"]["choice_lists"][list][0]["value"].clone()
                    }
                    _ => json!("লেখা"),
                };
                answers.insert(item["name"].as_str().unwrap().to_string(), value);
            }
        }
    }
    answers
}

async fn a_home_assessment_closes_its_gap_in_the_handover_report(engine: Engine) {
    let h = Harness::new(engine).await;
    let (case, _) = h.case().await;
    let current = h
        .store
        .case(case, &domain::scope::CaseScope::Network)
        .await
        .unwrap()
        .unwrap();
    let change = domain::case::StageChange {
        from: current.stage,
        to: domain::Stage::PreparingReturn,
        reason: "সে বাড়ি ফিরতে চায়".into(),
        by: None,
        at: crate::common::T0,
    };
    let event = domain::audit::AuditEvent::new(
        crate::common::T0,
        domain::audit::AuditAction::CaseStageChanged,
        "case",
    );
    h.store
        .change_stage(case, current.version, &change, event)
        .await
        .unwrap();
    let handover = h.handover(case).await;
    let mut worker = api(&h, "caseworker.kolkata").await;
    let gaps = |report: serde_json::Value| -> Vec<String> {
        report["gaps"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| g["code"].as_str().unwrap().to_string())
            .collect()
    };
    let path = format!("/api/v1/handovers/{handover}/completeness");
    assert!(gaps(worker.get(&path).await.json()).contains(&"no-home-assessment".to_string()));
    let form = worker
        .get("/api/v1/forms/home-family-assessment")
        .await
        .json();
    let reply = worker
        .json(
            Method::POST,
            &format!("/api/v1/cases/{case}/assessments"),
            &json!({"form": "home-family-assessment", "answers": required_answers(&form)}),
            &[],
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
    assert!(!gaps(worker.get(&path).await.json()).contains(&"no-home-assessment".to_string()));
    h.finish().await;
}

on_both_engines!(
    an_assessment_is_filled_revised_and_still_reads_right,
    the_page_keeps_her_input_and_hides_what_is_not_hers_to_read,
    a_home_assessment_closes_its_gap_in_the_handover_report,
);
