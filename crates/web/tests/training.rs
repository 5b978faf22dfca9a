#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The training programme on both engines: the Caring Connections template with its three
//! phases and refreshers, through the API and the page.

use crate::common::{Engine, Harness};
use axum::http::{Method, StatusCode};
use domain::Language;
use serde_json::json;
use testkit::on_both_engines;

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
    assert!(
        reply.body.contains("১১ জানুয়ারি ২০২৭"),
        "dates the long way, in Bengali words and digits"
    );
    assert!(!reply.body.contains("২০২৭-০১-১১"));
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

    // One of two left: far above the 2% the network projects, and said so.
    let programmes = trainer.get("/api/v1/training/programmes").await.json();
    let dropout = &programmes[0]["dropout"];
    assert_eq!(dropout["enrolled"], 2);
    assert_eq!(dropout["dropped"], 1);
    assert_eq!(dropout["rate_percent"], "50.00");
    assert_eq!(dropout["projected_percent"], 2);
    assert_eq!(dropout["above_projection"], true);
    // The page says it as people, in her words and digits: one of two, a whole percent.
    let mut page = h.client().signed_in("trainer").await;
    let bn = page.get("/training?lang=bn").await.body;
    assert!(
        bn.contains("মাঝপথে ছেড়েছেন ২ জনের ১ জন (৫০%)"),
        "the drop-out in Bengali"
    );
    let en = page.get("/training?lang=en").await.body;
    assert!(
        en.contains("Left before the end: 1 of 2 people (50%)"),
        "in English"
    );
    h.finish().await;
}

async fn schedule(trainer: &mut crate::common::Client, workshop: &str, starts_on: &str) -> String {
    let reply = trainer
        .json(
            Method::POST,
            "/api/v1/training/workshops",
            &json!({"workshop": workshop, "venue": "Sonarpur", "starts_on": starts_on,
                "announced_on": "2026-11-01"}),
            &[],
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
    reply.json()["id"].as_str().unwrap().to_string()
}

async fn a_survivor_workshop_shows_who_came_only_to_its_trainers(engine: Engine) {
    let h = Harness::new(engine).await;
    let mut trainer = h.client();
    trainer.bearer = Some(h.token("trainer").await);
    let id = schedule(&mut trainer, "survivors-resilience", "2027-03-01").await;
    let base = format!("/api/v1/training/workshops/{id}");

    // Six survivors, each given a code; staff enrolment is refused here.
    let names = ["মিনু", "রেশমা", "পারুল", "সালমা", "জোহরা", "তানিয়া"];
    let mut places = Vec::new();
    let mut codes = Vec::new();
    for name in names {
        let reply = trainer
            .json(
                Method::POST,
                &format!("{base}/survivors"),
                &json!({"known_as": name}),
                &[],
            )
            .await;
        assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
        let body = reply.json();
        let code = body["code"].as_str().unwrap().to_string();
        assert!(code.starts_with("SW-") && code.len() == 7, "{code}");
        places.push(body["place"].as_str().unwrap().to_string());
        codes.push(code);
    }
    let reply = trainer
        .json(
            Method::POST,
            &format!("{base}/enrolments"),
            &json!({"user": "caseworker.kolkata"}),
            &[],
        )
        .await;
    assert_eq!(reply.json()["errors"][0]["code"], "error-survivor-workshop");
    let reply = trainer
        .json(
            Method::POST,
            &format!("{base}/survivors"),
            &json!({"known_as": " "}),
            &[],
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(reply.json()["errors"][0]["field"], "known_as");
    for day in ["2027-03-01", "2027-03-02", "2027-03-03", "2027-03-04"] {
        let reply = trainer
            .json(
                Method::POST,
                &format!("{base}/survivors/attendance"),
                &json!({"place": places[0], "day": day}),
                &[],
            )
            .await;
        assert_eq!(reply.status, StatusCode::NO_CONTENT, "{}", reply.body);
    }
    let reply = trainer
        .json(
            Method::POST,
            &format!("{base}/survivors/attendance"),
            &json!({"place": places[0], "day": "2027-03-06"}),
            &[],
        )
        .await;
    assert_eq!(
        reply.json()["errors"][0]["code"],
        "error-day-outside-workshop"
    );
    let seen = trainer.get(&format!("{base}/survivors")).await.json();
    assert_eq!(seen[0]["known_as"], "মিনু");
    assert_eq!(seen[0]["completed"], true, "four days of five");
    assert_eq!(seen[1]["completed"], false);

    // What they said: six about being heard, two worries about safety.
    let said = |theme: &str, tone: &str, words: &str| json!({"theme": theme, "tone": tone, "words": words});
    for _ in 0..6 {
        let reply = trainer
            .json(
                Method::POST,
                &format!("{base}/feedback"),
                &said("being-heard", "appreciation", "এই প্রথম কেউ আমার কথা পুরো শুনল"),
                &[],
            )
            .await;
        assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
    }
    for _ in 0..2 {
        trainer
            .json(
                Method::POST,
                &format!("{base}/feedback"),
                &said("safety", "concern", "রাতে হোস্টেলের গেট খোলা থাকে"),
                &[],
            )
            .await;
    }
    let reply = trainer
        .json(
            Method::POST,
            &format!("{base}/feedback"),
            &said("gossip", "concern", "x"),
            &[],
        )
        .await;
    assert_eq!(reply.json()["errors"][0]["field"], "theme");

    // The director: themes and counts, small ones suppressed, never a name or her words.
    let mut director = h.client();
    director.bearer = Some(h.token("director.kolkata").await);
    let summary = director.get(&format!("{base}/feedback-summary")).await;
    assert_eq!(summary.status, StatusCode::OK, "{}", summary.body);
    let summary = summary.json();
    assert_eq!(summary["total"], 8);
    let theme = |t: &str| {
        summary["themes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["theme"] == t)
            .unwrap()
            .clone()
    };
    assert!(theme("safety")["count"].is_null());
    assert_eq!(theme("safety")["suppressed"], true);
    assert!(
        theme("being-heard")["count"].is_null(),
        "8 − 6 would give the 2 away"
    );
    assert_eq!(theme("family")["count"], 0);
    for path in [
        format!("{base}/survivors"),
        format!("{base}/feedback"),
        base.clone(),
    ] {
        let reply = director.get(&path).await;
        assert_eq!(
            reply.status,
            StatusCode::FORBIDDEN,
            "{path}: {}",
            reply.body
        );
        assert!(!reply.body.contains("মিনু") && !reply.body.contains(&codes[0]));
    }
    let mut director_page = h.client().signed_in("director.kolkata").await;
    let page = director_page
        .get(&format!("/training/workshops/{id}?lang=bn"))
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(
        page.body
            .contains(&h.text(Language::Bn, "feedback-summary-heading"))
    );
    assert!(
        page.body
            .contains(&h.text(Language::Bn, "training-suppressed"))
    );
    for secret in names.iter().map(|n| n.to_string()).chain(codes.clone()) {
        assert!(
            !page.body.contains(&secret),
            "the director's page shows {secret}"
        );
    }
    assert!(
        !page.body.contains("এই প্রথম কেউ"),
        "her words reach the director"
    );

    // Nor the network admin, nor a trainer who does not run this workshop.
    let mut admin = h.client();
    admin.bearer = Some(h.token("admin").await);
    assert_eq!(
        admin.get(&format!("{base}/survivors")).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        admin.get(&format!("{base}/feedback")).await.status,
        StatusCode::FORBIDDEN
    );
    // A trainer who does not run it: refused, and her code means nothing to her either.
    let mut stranger = h.client();
    stranger.bearer = Some(h.token("trainer.two").await);
    let reply = stranger.get(&format!("{base}/survivors")).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    let own = schedule(&mut stranger, "survivors-advocacy", "2027-05-03").await;
    let reply = stranger
        .json(
            Method::POST,
            &format!("/api/v1/training/workshops/{own}/survivors"),
            &json!({"code": codes[0]}),
            &[],
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(reply.json()["errors"][0]["code"], "error-unknown-code");
    let reply = stranger
        .json(
            Method::POST,
            "/api/v1/training/peers",
            &json!({"code": codes[0], "role": "supporter", "consent": true, "consent_language": "bn"}),
            &[],
        )
        .await;
    assert_eq!(reply.json()["errors"][0]["code"], "error-unknown-code");
    // A survivor workshop nobody runs could never take anyone: refused.
    let mut admin_api = h.client();
    admin_api.bearer = Some(h.token("admin").await);
    let reply = admin_api
        .json(
            Method::POST,
            "/api/v1/training/workshops",
            &json!({"workshop": "survivors-advocacy", "venue": "Sonarpur", "starts_on": "2027-06-01"}),
            &[],
        )
        .await;
    assert_eq!(reply.json()["errors"][0]["field"], "trainers");
    let other = h.survivor_workshop().await;
    let reply = trainer
        .get(&format!("/api/v1/training/workshops/{other}/survivors"))
        .await;
    assert_eq!(
        reply.status,
        StatusCode::OK,
        "trainer runs the harness workshop too"
    );
    let mut trainer_page = h.client().signed_in("trainer").await;
    let page = trainer_page
        .get(&format!("/training/workshops/{id}?lang=bn"))
        .await;
    assert!(page.body.contains("মিনু") && page.body.contains(&codes[0]));
    assert!(page.body.contains("এই প্রথম কেউ আমার কথা পুরো শুনল"));
    h.finish().await;
}

/// Every GET route of the app, as the director of the survivors' own organisation and as the
/// network admin, pages and API: none shows a survivor's name, her code or her words.
async fn no_route_shows_a_director_who_came_or_what_she_said(engine: Engine) {
    let h = Harness::new(engine).await;
    let mut trainer = h.client();
    trainer.bearer = Some(h.token("trainer").await);
    let id = schedule(&mut trainer, "survivors-resilience", "2027-03-01").await;
    let base = format!("/api/v1/training/workshops/{id}");
    let kolkata = h.kolkata().await.to_string();
    let mut secrets = vec!["এই কথাটা শুধু প্রশিক্ষকরা জানবে".to_string()];
    for name in ["মিনু", "রেশমা", "পারুল", "সালমা", "জোহরা"]
    {
        let reply = trainer
            .json(
                Method::POST,
                &format!("{base}/survivors"),
                &json!({"known_as": name, "organisation": kolkata}),
                &[],
            )
            .await;
        assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
        secrets.push(name.to_string());
        secrets.push(reply.json()["code"].as_str().unwrap().to_string());
        let said = json!({"theme": "dignity", "tone": "concern", "words": secrets[0]});
        trainer
            .json(Method::POST, &format!("{base}/feedback"), &said, &[])
            .await;
    }
    for username in ["director.kolkata", "admin"] {
        let mut pages = h.client().signed_in(username).await;
        let mut api = h.client();
        api.bearer = Some(h.token(username).await);
        let mut read = 0;
        for (method, path) in saathi_web::routes::list() {
            if method != Method::GET || path == "/sign-out" {
                continue;
            }
            let path = path
                .replace("{id}", &id)
                .replace("{key}", "workshop-evaluation")
                .replace("{role}", "counsellor")
                .replace("{action}", "record-voice")
                .replace("{step}", "accept")
                .replace("{seq}", "1");
            let path = fill_ids(&path);
            let client = if path.starts_with("/api/") {
                &mut api
            } else {
                &mut pages
            };
            let reply = client.get(&path).await;
            for secret in &secrets {
                assert!(
                    !reply.body.contains(secret.as_str()),
                    "{username} reads {secret} at GET {path}"
                );
            }
            read += usize::from(reply.status == StatusCode::OK);
        }
        assert!(read > 20, "{username} read only {read} routes");
    }
    h.finish().await;
}

/// Any `{name}` left in a path becomes a fresh id.
fn fill_ids(path: &str) -> String {
    let mut out = String::new();
    let mut rest = path;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let end = rest[start..]
            .find('}')
            .map(|e| start + e + 1)
            .unwrap_or(rest.len());
        out.push_str(&uuid::Uuid::now_v7().to_string());
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

async fn a_peer_role_needs_phase_three_and_her_consent(engine: Engine) {
    let h = Harness::new(engine).await;
    let mut trainer = h.client();
    trainer.bearer = Some(h.token("trainer").await);
    let keys = [
        "survivors-resilience",
        "survivors-shame-guilt-sexuality",
        "survivors-advocacy",
    ];
    let programme = domain::training::caring_connections().unwrap();
    let phase3: Vec<&str> = programme.phases[2]
        .workshops
        .iter()
        .map(|w| w.key.as_str())
        .collect();
    assert_eq!(phase3, keys, "the template's phase 3");
    let mut code = String::new();
    for (i, key) in keys.iter().enumerate() {
        let start = format!("2027-0{}-01", i + 3);
        let id = schedule(&mut trainer, key, &start).await;
        let base = format!("/api/v1/training/workshops/{id}");
        let body = if code.is_empty() {
            json!({"known_as": "পারুল"})
        } else {
            json!({"code": code.to_lowercase()})
        };
        let reply = trainer
            .json(Method::POST, &format!("{base}/survivors"), &body, &[])
            .await;
        assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
        let added = reply.json();
        code = added["code"].as_str().unwrap().to_string();
        for day in 1..=4 {
            trainer
                .json(
                    Method::POST,
                    &format!("{base}/survivors/attendance"),
                    &json!({"place": added["place"], "day": format!("2027-0{}-0{day}", i + 3)}),
                    &[],
                )
                .await;
        }
        if i == 0 {
            let reply = trainer
                .json(Method::POST, "/api/v1/training/peers",
                    &json!({"code": code, "role": "leader", "consent": true, "consent_language": "bn"}), &[])
                .await;
            assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
            assert_eq!(
                reply.json()["errors"][0]["code"],
                "error-phase-not-completed"
            );
        }
    }
    let reply = trainer
        .json(
            Method::POST,
            "/api/v1/training/peers",
            &json!({"code": code, "role": "leader", "consent": false, "consent_language": "bn"}),
            &[],
        )
        .await;
    assert_eq!(reply.json()["errors"][0]["code"], "error-consent-needed");
    let reply = trainer
        .json(
            Method::POST,
            "/api/v1/training/peers",
            &json!({"code": code, "role": "educator", "consent": true, "consent_language": "bn"}),
            &[],
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
    assert_eq!(reply.json()["role"], "educator");
    let trainee = h.store.trainee_by_code(&code).await.unwrap().unwrap();
    let peer = h.store.peer_of(trainee.id).await.unwrap().unwrap();
    assert_eq!(peer.role, domain::training::survivors::PeerRole::Educator);
    h.finish().await;
}

async fn exchange_visits_fill_the_matrix_and_flag_who_has_none(engine: Engine) {
    let h = Harness::new(engine).await;
    let mut trainer = h.client();
    trainer.bearer = Some(h.token("trainer").await);
    let kolkata = h.kolkata().await.to_string();
    let mumbai = h.org("Asha Niketan, Mumbai").await.to_string();
    let jessore = h.org("Notun Alo, Jessore").await.to_string();
    let visit = |from: &str, to: &str| {
        json!({"visitor_org": from, "host_org": to, "visited_on": "2027-02-10",
        "visitors": "রুপা দাস, মিতালী সেন", "learned": "বাড়ি যাচাইয়ের রিপোর্ট ওরা কীভাবে লেখে"})
    };
    let reply = trainer
        .json(
            Method::POST,
            "/api/v1/training/exchange-visits",
            &visit(&kolkata, &mumbai),
            &[],
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(reply.json()["errors"][0]["code"], "error-not-counterparts");
    let reply = trainer
        .json(
            Method::POST,
            "/api/v1/training/exchange-visits",
            &visit(&kolkata, &kolkata),
            &[],
        )
        .await;
    assert_eq!(reply.json()["errors"][0]["field"], "host_org");
    assert!(
        h.store.visits().await.unwrap().is_empty(),
        "nothing written"
    );
    for _ in 0..2 {
        let reply = trainer
            .json(
                Method::POST,
                "/api/v1/training/exchange-visits",
                &visit(&kolkata, &jessore),
                &[],
            )
            .await;
        assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
    }
    let mut worker = h.client();
    worker.bearer = Some(h.token("caseworker.mumbai").await);
    let matrix = worker.get("/api/v1/training/exchange-visits/matrix").await;
    assert_eq!(matrix.status, StatusCode::OK);
    let matrix = matrix.json();
    assert_eq!(matrix["goal"]["ideal"], 3);
    let row = |id: &str| {
        matrix["organisations"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["organisation"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(
        row(&kolkata)["counterparts_visited"],
        1,
        "two visits, one counterpart"
    );
    assert_eq!(row(&kolkata)["progress"], "started");
    assert_eq!(row(&kolkata)["flagged"], false);
    assert_eq!(row(&mumbai)["flagged"], true);
    assert_eq!(
        row(&jessore)["flagged"],
        true,
        "being visited is not visiting"
    );
    assert_eq!(row(&jessore)["hosted"][0], kolkata.as_str());

    let mut page = h.client().signed_in("caseworker.mumbai").await;
    let reply = page.get("/training/exchange-visits?lang=hi").await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(
        reply
            .body
            .contains(&h.text(Language::Hi, "exchange-progress-none"))
    );
    assert!(reply.body.contains("বাড়ি যাচাইয়ের রিপোর্ট"));
    h.finish().await;
}

async fn questionnaires_show_change_for_the_workshop_and_hide_small_groups(engine: Engine) {
    let h = Harness::new(engine).await;
    let mut trainer = h.client();
    trainer.bearer = Some(h.token("trainer").await);
    let id = schedule(&mut trainer, "knowing-the-survivor", "2027-01-11").await;
    let base = format!("/api/v1/training/workshops/{id}");
    let people = [
        "director.kolkata",
        "caseworker.kolkata",
        "counsellor.kolkata",
        "caregiver.kolkata",
        "caseworker.mumbai",
    ];
    let mut enrolments = Vec::new();
    for user in people {
        let reply = trainer
            .json(
                Method::POST,
                &format!("{base}/enrolments"),
                &json!({"user": user}),
                &[],
            )
            .await;
        enrolments.push(reply.json()["id"].as_str().unwrap().to_string());
    }
    let answers = |pace: &str| {
        json!({"survivor_sets_pace": pace, "her_words_in_plan": "4", "listen_before_advising": "4",
            "other_org_partner": "3", "discipline_not_punishment": "3", "share_only_with_consent": "5",
            "self_care": "4"})
    };
    let reply = trainer
        .json(
            Method::POST,
            &format!("{base}/evaluations"),
            &json!({"enrolment": enrolments[0], "stage": "pre", "answers": answers("7")}),
            &[],
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(reply.json()["errors"][0]["field"], "survivor_sets_pace");
    for (e, (pre, post)) in
        enrolments
            .iter()
            .zip([("2", "4"), ("1", "4"), ("2", "5"), ("3", "4"), ("2", "5")])
    {
        for (stage, pace) in [("pre", pre), ("post", post)] {
            let reply = trainer
                .json(
                    Method::POST,
                    &format!("{base}/evaluations"),
                    &json!({"enrolment": e, "stage": stage, "answers": answers(pace)}),
                    &[],
                )
                .await;
            assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
        }
    }
    let reply = trainer
        .json(
            Method::POST,
            &format!("{base}/evaluations"),
            &json!({"enrolment": enrolments[0], "stage": "pre", "answers": answers("2")}),
            &[],
        )
        .await;
    assert_eq!(reply.json()["errors"][0]["code"], "error-evaluation-done");

    let mut director = h.client();
    director.bearer = Some(h.token("director.kolkata").await);
    let results = director
        .get(&format!("{base}/evaluation-results"))
        .await
        .json();
    assert_eq!(results["answered"]["pre"], 5);
    let pace = results["workshop"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["item"] == "survivor_sets_pace")
        .unwrap()
        .clone();
    assert_eq!(pace["pre"]["mean"], "2.00");
    assert_eq!(pace["post"]["mean"], "4.40");
    assert_eq!(pace["change"], "2.40");
    let kolkata = results["organisations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["name"] == "Nirapad Shelter Home, Kolkata")
        .unwrap()
        .clone();
    let kolkata_pace = kolkata["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["item"] == "survivor_sets_pace")
        .unwrap()
        .clone();
    assert_eq!(kolkata_pace["pre"]["answered"], 4);
    assert!(
        kolkata_pace["change"].is_null(),
        "four people are too few to show"
    );

    let mut page = h.client().signed_in("director.kolkata").await;
    let reply = page.get(&format!("/training/workshops/{id}?lang=bn")).await;
    assert!(
        reply
            .body
            .contains(&h.text(Language::Bn, "evaluation-results"))
    );
    assert!(reply.body.contains("২.৪০"), "the change in Bengali digits");
    h.finish().await;
}

async fn a_training_gate_stops_the_action_and_says_which_workshop(engine: Engine) {
    let h = Harness::new(engine).await;
    let (case, _) = h.case().await;
    let mut admin = h.client();
    admin.bearer = Some(h.token("admin").await);
    assert_eq!(
        admin.get("/api/v1/training/gates").await.json(),
        json!([]),
        "none by default"
    );
    let reply = admin
        .json(
            Method::POST,
            "/api/v1/training/gates",
            &json!({"role": "case-worker", "action": "record-voice", "workshop": "nowhere"}),
            &[],
        )
        .await;
    assert_eq!(reply.json()["errors"][0]["field"], "workshop");
    let reply = admin
        .json(
            Method::POST,
            "/api/v1/training/gates",
            &json!({"role": "case-worker", "action": "record-voice", "workshop": "survivors-advocacy"}),
            &[],
        )
        .await;
    assert_eq!(
        reply.json()["errors"][0]["field"],
        "workshop",
        "staff can never complete a survivors' workshop"
    );
    let reply = admin
        .json(Method::POST, "/api/v1/training/gates",
            &json!({"role": "case-worker", "action": "record-voice", "workshop": "knowing-the-survivor"}), &[])
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);

    let mut worker = h.client();
    worker.bearer = Some(h.token("caseworker.kolkata").await);
    let voice = json!({"kind": "fear", "text": "আমি একা থাকতে ভয় পাই", "language": "bn"});
    let path = format!("/api/v1/cases/{case}/voice");
    let reply = worker
        .json(Method::POST, &format!("{path}?lang=bn"), &voice, &[])
        .await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN, "{}", reply.body);
    let problem = reply.json();
    assert_eq!(problem["code"], "training-required");
    assert_eq!(problem["workshop"], "knowing-the-survivor");
    assert!(
        problem["detail"].as_str().unwrap().contains("সারভাইভারকে জানা"),
        "{problem}"
    );
    assert_eq!(
        worker.get(&format!("/api/v1/cases/{case}")).await.status,
        StatusCode::OK,
        "reading is not gated"
    );
    // The case page tells her before she tries.
    let mut page = h.client().signed_in("caseworker.kolkata").await;
    let shown = page.get(&format!("/cases/{case}?lang=bn")).await;
    let expected = h.state.i18n.text_with(
        Language::Bn,
        "gate-you-need",
        &[
            (
                "action",
                i18n::Arg::Text(h.state.i18n.text(Language::Bn, "gate-action-record-voice")),
            ),
            ("workshop", i18n::Arg::Text("সারভাইভারকে জানা".into())),
        ],
    );
    assert!(shown.body.contains(&expected), "{}", shown.body);

    // She completes the workshop: six days of seven.
    let mut trainer = h.client();
    trainer.bearer = Some(h.token("trainer").await);
    let id = schedule(&mut trainer, "knowing-the-survivor", "2027-01-11").await;
    let base = format!("/api/v1/training/workshops/{id}");
    let enrolment = trainer
        .json(
            Method::POST,
            &format!("{base}/enrolments"),
            &json!({"user": "caseworker.kolkata"}),
            &[],
        )
        .await
        .json()["id"]
        .as_str()
        .unwrap()
        .to_string();
    for day in 11..=16 {
        trainer
            .json(
                Method::POST,
                &format!("{base}/attendance"),
                &json!({"enrolment": enrolment, "day": format!("2027-01-{day}")}),
                &[],
            )
            .await;
    }
    let reply = worker.json(Method::POST, &path, &voice, &[]).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);

    let reply = admin
        .send(
            Method::DELETE,
            "/api/v1/training/gates/case-worker/record-voice",
            None,
            String::new(),
            &[],
        )
        .await;
    assert_eq!(reply.status, StatusCode::NO_CONTENT);
    assert_eq!(admin.get("/api/v1/training/gates").await.json(), json!([]));
    h.finish().await;
}

async fn the_trainer_runs_a_workshop_from_its_page(engine: Engine) {
    let h = Harness::new(engine).await;
    let mut page = h.client().signed_in("trainer").await;
    let reply = page
        .post_form(
            "/training/workshops",
            &[
                ("workshop", "knowing-the-survivor"),
                ("venue", "Salt Lake"),
                ("starts_on", "2027-01-11"),
                ("ends_on", "2027-01-04"),
                ("facilitators", "Dr. Roy"),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.body.contains("Salt Lake"), "her input is kept");
    let reply = page
        .post_form(
            "/training/workshops",
            &[
                ("workshop", "knowing-the-survivor"),
                ("venue", "Salt Lake"),
                ("starts_on", "2027-01-11"),
                ("announced_on", "2026-12-28"),
                ("facilitators", "Dr. Roy\nUma"),
                ("mental_health", "Dr. Roy"),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let location = reply.header("location").unwrap().to_string();
    let id = location
        .trim_start_matches("/training/workshops/")
        .split('?')
        .next()
        .unwrap()
        .to_string();
    let w = h
        .store
        .workshop(id.parse().unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(w.facilitators.len(), 2);
    assert!(w.facilitators[0].mental_health);

    let reply = page
        .post_form(
            &format!("/training/workshops/{id}/enrolments"),
            &[
                ("user", "caseworker.mumbai"),
                ("years_in_org", "4"),
                ("childcare_needs", "on"),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let reply = page
        .post_form(
            &format!("/training/workshops/{id}/enrolments"),
            &[("user", "nobody.here"), ("years_in_org", "x")],
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.body.contains("nobody.here"));
    let (e, _) = h.store.enrolments_of(w.id).await.unwrap().remove(0);
    let reply = page
        .post_form(
            &format!("/training/workshops/{id}/attendance"),
            &[("day", "2027-01-12")],
        )
        .await;
    assert_eq!(
        reply.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "nobody ticked"
    );
    let stranger = uuid::Uuid::now_v7().to_string();
    let reply = page
        .post_form(
            &format!("/training/workshops/{id}/attendance"),
            &[
                ("day", "2027-01-12"),
                ("enrolment", &e.id.to_string()),
                ("enrolment", &stranger),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    assert!(
        h.store.enrolments_of(w.id).await.unwrap()[0].1.is_empty(),
        "all or none"
    );
    let reply = page
        .post_form(
            &format!("/training/workshops/{id}/attendance"),
            &[("day", "2027-01-12"), ("enrolment", &e.id.to_string())],
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    let shown = page.get(&format!("/training/workshops/{id}?lang=en")).await;
    assert!(shown.body.contains("1 of 7 days"), "{}", shown.body);
    assert!(
        shown
            .body
            .contains(&h.text(Language::En, "training-risk-childcare"))
    );
    assert!(
        shown
            .body
            .contains(&h.text(Language::En, "training-risk-short-notice"))
    );

    // Her joining brief is in her language (Hindi), whatever the trainer reads.
    let brief = page
        .get(&format!("/training/workshops/{id}/brief/{}", e.id))
        .await;
    assert_eq!(brief.status, StatusCode::OK);
    assert!(brief.body.contains("lang=\"hi\""));
    assert!(
        brief
            .body
            .contains(&h.text(Language::Hi, "brief-completion"))
    );
    assert!(
        brief
            .body
            .contains(&h.text(Language::Hi, "brief-risk-childcare"))
    );
    assert!(brief.body.contains("सर्वाइवर को जानना"));
    h.finish().await;
}

on_both_engines!(
    the_programme_has_its_phases_and_workshops,
    a_trainer_puts_a_workshop_on_the_calendar,
    enrolment_attendance_completion_and_drop_out,
    a_survivor_workshop_shows_who_came_only_to_its_trainers,
    a_peer_role_needs_phase_three_and_her_consent,
    no_route_shows_a_director_who_came_or_what_she_said,
    exchange_visits_fill_the_matrix_and_flag_who_has_none,
    questionnaires_show_change_for_the_workshop_and_hide_small_groups,
    a_training_gate_stops_the_action_and_says_which_workshop,
    the_trainer_runs_a_workshop_from_its_page,
);
