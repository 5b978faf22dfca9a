#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The training programme on both engines: the Caring Connections template with its three
//! phases and refreshers, through the API and the page.

mod common;

use axum::http::{Method, StatusCode};
use common::{Engine, Harness};
use domain::Language;
use serde_json::json;

async fn the_programme_has_its_phases_and_workshops(engine: Engine) {
    let h = Harness::new(engine).await;
    let mut trainer = h.client();
    trainer.bearer = Some(h.token("trainer").await);
    let reply = trainer.get("/api/v1/training/programmes").await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let programmes = reply.json();
    let phases = programmes[0]["phases"].as_array().unwrap();
    let shape: Vec<(u64, usize)> = phases
        .iter()
        .map(|p| {
            (
                p["number"].as_u64().unwrap(),
                p["workshops"].as_array().unwrap().len(),
            )
        })
        .collect();
    assert_eq!(shape, [(1, 5), (2, 2), (3, 3), (4, 1)]);
    let first = &phases[0]["workshops"][0];
    assert_eq!(first["key"], "knowing-the-survivor");
    assert_eq!(first["days"], 7);
    assert_eq!(first["residential"], true);
    assert_eq!(first["target_group_size"], 16);
    assert_eq!(phases[2]["workshops"][0]["audience"], "survivors");

    let mut page = h.client().signed_in("trainer").await;
    let reply = page.get("/training?lang=bn").await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(reply.body.contains("সারভাইভারকে জানা"));
    assert!(
        reply
            .body
            .contains(&h.text(Language::Bn, "training-residential"))
    );
    h.finish().await;
}

async fn a_trainer_puts_a_workshop_on_the_calendar(engine: Engine) {
    let h = Harness::new(engine).await;
    let mut trainer = h.client();
    trainer.bearer = Some(h.token("trainer").await);
    let bad = json!({"workshop": "knowing-the-survivor", "venue": "Kolkata",
        "starts_on": "2027-01-11", "ends_on": "2027-01-04"});
    let reply = trainer
        .json(Method::POST, "/api/v1/training/workshops", &bad, &[])
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(reply.json()["errors"][0]["field"], "ends_on");
    assert!(
        h.store.workshops().await.unwrap().is_empty(),
        "nothing written"
    );

    let good = json!({"workshop": "knowing-the-survivor", "venue": "Salt Lake, Kolkata",
        "starts_on": "2027-01-11", "announced_on": "2026-11-20",
        "facilitators": [{"name": "Dr. Mitali Roy", "mental_health": true}, {"name": "Uma Chatterjee"}]});
    let reply = trainer
        .json(Method::POST, "/api/v1/training/workshops", &good, &[])
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
    let w = reply.json();
    assert_eq!(
        w["ends_on"], "2027-01-17",
        "seven days, as the workshop has"
    );
    assert_eq!(w["capacity"], 16);
    let programmes = trainer.get("/api/v1/training/programmes").await.json();
    assert_eq!(
        programmes[0]["phases"][0]["workshops"][0]["scheduled"][0]["id"],
        w["id"]
    );

    let mut caseworker = h.client();
    caseworker.bearer = Some(h.token("caseworker.kolkata").await);
    let ics = caseworker
        .get(&format!("{}?lang=bn", w["calendar"].as_str().unwrap()))
        .await;
    assert_eq!(ics.status, StatusCode::OK);
    assert_eq!(
        ics.header("content-type"),
        Some("text/calendar; charset=utf-8")
    );
    let unfolded = ics.body.replace("\r\n ", "");
    assert!(unfolded.contains("DTSTART;VALUE=DATE:20270111\r\n"));
    assert!(unfolded.contains("DTEND;VALUE=DATE:20270118\r\n"));
    assert!(unfolded.contains("SUMMARY:সারভাইভারকে জানা\r\n"));
    assert!(unfolded.contains("LOCATION:Salt Lake\\, Kolkata\r\n"));
    assert!(unfolded.contains("Dr. Mitali Roy (মানসিক স্বাস্থ্য বিশেষজ্ঞ)"));
    assert!(ics.body.split("\r\n").all(|l| l.len() <= 75));

    let mut page = h.client().signed_in("trainer").await;
    let reply = page.get("/training?lang=bn").await;
    assert!(reply.body.contains("Salt Lake, Kolkata"));
    assert!(reply.body.contains("২০২৭-০১-১১"), "dates in Bengali digits");
    h.finish().await;
}

async fn enrolment_attendance_completion_and_drop_out(engine: Engine) {
    let h = Harness::new(engine).await;
    let mut trainer = h.client();
    trainer.bearer = Some(h.token("trainer").await);
    let w = trainer
        .json(
            Method::POST,
            "/api/v1/training/workshops",
            &json!({"workshop": "knowing-the-survivor", "venue": "Kolkata",
                "starts_on": "2027-01-11", "announced_on": "2026-12-20", "capacity": 1}),
            &[],
        )
        .await
        .json();
    let base = format!("/api/v1/training/workshops/{}", w["id"].as_str().unwrap());
    let enrol = |user: &str, extra: serde_json::Value| {
        let mut body = json!({"user": user, "years_in_org": 9, "childcare_needs": true});
        if let (Some(b), Some(e)) = (body.as_object_mut(), extra.as_object()) {
            b.extend(e.clone());
        }
        body
    };
    let reply = trainer
        .json(
            Method::POST,
            &format!("{base}/enrolments"),
            &enrol("caseworker.kolkata", json!({})),
            &[],
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
    let enrolment = reply.json()["id"].as_str().unwrap().to_string();
    // Full: refused unless on purpose; a survivor's account is never enrolled here.
    let reply = trainer
        .json(
            Method::POST,
            &format!("{base}/enrolments"),
            &enrol("caregiver.kolkata", json!({})),
            &[],
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(reply.json()["errors"][0]["code"], "error-workshop-full");
    let reply = trainer
        .json(
            Method::POST,
            &format!("{base}/enrolments"),
            &enrol("caregiver.kolkata", json!({"beyond_capacity": true})),
            &[],
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
    let second = reply.json()["id"].as_str().unwrap().to_string();
    let reply = trainer
        .json(
            Method::POST,
            &format!("{base}/enrolments"),
            &enrol("survivor.kolkata", json!({"beyond_capacity": true})),
            &[],
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);

    // Attendance: six days of seven completes; a day outside the workshop is refused.
    let attend = |day: &str, who: &str| json!({"enrolment": who, "day": day});
    for day in 11..=16 {
        let reply = trainer
            .json(
                Method::POST,
                &format!("{base}/attendance"),
                &attend(&format!("2027-01-{day}"), &enrolment),
                &[],
            )
            .await;
        assert_eq!(reply.status, StatusCode::NO_CONTENT, "{}", reply.body);
    }
    let reply = trainer
        .json(
            Method::POST,
            &format!("{base}/attendance"),
            &attend("2027-01-18", &enrolment),
            &[],
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        reply.json()["errors"][0]["code"],
        "error-day-outside-workshop"
    );

    // A drop-out needs its reason.
    let reply = trainer
        .json(
            Method::POST,
            &format!("{base}/dropouts"),
            &json!({"enrolment": second, "reason": ""}),
            &[],
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    let reply = trainer
        .json(
            Method::POST,
            &format!("{base}/dropouts"),
            &json!({"enrolment": second, "reason": "shelter-emergency", "note": "হোমে নতুন মেয়েরা এসেছে"}),
            &[],
        )
        .await;
    assert_eq!(reply.status, StatusCode::NO_CONTENT, "{}", reply.body);

    let detail = trainer.get(&base).await.json();
    let people = detail["participants"].as_array().unwrap();
    assert_eq!(people[0]["completed"], true);
    assert_eq!(people[0]["days_attended"].as_array().unwrap().len(), 6);
    let risks: Vec<&str> = people[0]["risks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_str().unwrap())
        .collect();
    assert_eq!(
        risks,
        ["shelter-staff-residential", "short-notice", "childcare"],
        "a Kolkata shelter worker, three weeks' notice, childcare declared"
    );
    assert_eq!(people[1]["dropout"]["reason"], "shelter-emergency");
    assert_eq!(people[1]["completed"], false);
    h.finish().await;
}

on_both_engines!(
    the_programme_has_its_phases_and_workshops,
    a_trainer_puts_a_workshop_on_the_calendar,
    enrolment_attendance_completion_and_drop_out,
);
