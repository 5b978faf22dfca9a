#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The glossary on both engines: the starter terms every Saathi has, the scan through the API
//! and the page, the network admin's curation (with versions and audit), and jargon marked in
//! a case's notes for a reader of another language.

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

async fn the_starter_glossary_explains_mixed_language_text(engine: Engine) {
    let h = Harness::new(engine).await;
    let mut worker = api(&h, "caseworker.kolkata").await;
    let terms = worker.get("/api/v1/glossary").await.json();
    let terms = terms.as_array().unwrap();
    assert!(terms.len() >= 150, "{} terms", terms.len());
    for t in terms {
        let e = &t["explanations"];
        let text = |l: &str| e[l].as_str().unwrap();
        assert!(
            ["bn", "hi", "en"].iter().all(|l| !text(l).is_empty()),
            "{t}"
        );
        assert_ne!(text("bn"), text("en"), "{}", t["term"]);
        assert_ne!(text("hi"), text("en"), "{}", t["term"]);
        assert!(
            !t["headwords"]["bn"].as_str().unwrap().is_empty(),
            "{}",
            t["term"]
        );
        assert!(
            !t["headwords"]["hi"].as_str().unwrap().is_empty(),
            "{}",
            t["term"]
        );
        assert_eq!(t["reviews"], json!([]), "nothing is reviewed yet");
    }
    let named = |term: &str| terms.iter().any(|t| t["term"] == term);
    for term in [
        "passive-aggressive behaviour",
        "manic-depressive tendencies",
        "Prevention and Suppression of Human Trafficking Act 2012",
        "Children Act 2013",
        "GD entry",
        "Victim Support Centre",
        "JJ Act",
    ] {
        assert!(named(term), "{term}");
    }

    let text = "Signs of PTSD; তার ট্রমার কথা সে বলে। उसे आघात है, sir.";
    let reply = worker
        .json(
            Method::POST,
            "/api/v1/glossary/scan",
            &json!({"text": text, "language": "hi"}),
            &[],
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let result = reply.json();
    assert_eq!(result["language"], "hi");
    let matches = result["matches"].as_array().unwrap();
    let chars: Vec<char> = text.chars().collect();
    let found: Vec<(String, String)> = matches
        .iter()
        .map(|m| {
            let (start, end) = (
                m["start"].as_u64().unwrap() as usize,
                m["end"].as_u64().unwrap() as usize,
            );
            let at: String = chars[start..end].iter().collect();
            assert_eq!(
                at,
                m["found"].as_str().unwrap(),
                "positions count characters"
            );
            assert!(
                m["explanation"]
                    .as_str()
                    .unwrap()
                    .chars()
                    .any(|c| ('\u{0900}'..='\u{097F}').contains(&c)),
                "explained in Hindi"
            );
            (at, m["term"].as_str().unwrap().to_string())
        })
        .collect();
    assert_eq!(
        found,
        [
            ("PTSD".to_string(), "PTSD".to_string()),
            ("ট্রমার".to_string(), "trauma".to_string()),
            ("आघात".to_string(), "trauma".to_string()),
        ]
    );

    let reply = worker
        .json(
            Method::POST,
            "/api/v1/glossary/scan",
            &json!({"text": "PTSD", "language": "fr"}),
            &[],
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.problem().is_some());
    h.finish().await;
}

async fn the_network_admin_curates_the_glossary(engine: Engine) {
    let h = Harness::new(engine).await;
    let mut admin = api(&h, "admin").await;
    let mut worker = api(&h, "caseworker.kolkata").await;
    let term = json!({"term": "case diary", "synonyms": ["police case diary", "কেস ডায়েরি"],
        "explanation_bn": "তদন্তকারী কর্মকর্তার রোজকার খাতা: তদন্তে কী করা হলো।",
        "explanation_hi": "जाँच अधिकारी की रोज़ की डायरी: जाँच में क्या किया गया।",
        "explanation_en": "The investigating officer's daily record of the investigation."});
    let reply = admin
        .json(Method::POST, "/api/v1/glossary", &term, &[])
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
    let created = reply.json();
    let id = created["id"].as_str().unwrap().to_string();
    let scan = |text: &str| json!({"text": text, "language": "bn"});
    let found = worker
        .json(
            Method::POST,
            "/api/v1/glossary/scan",
            &scan("তারা থানায় কেস ডায়েরি দেখেছে"),
            &[],
        )
        .await
        .json();
    assert_eq!(found["matches"][0]["term"], "case diary");

    // The same term again, in another case: refused, and said in her language.
    let again = json!({"term": "Case DIARY", "explanation_bn": "ক", "explanation_hi": "क", "explanation_en": "e"});
    let reply = admin
        .json(
            Method::POST,
            "/api/v1/glossary",
            &again,
            &[("accept-language", "bn")],
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        reply.body.contains("error-glossary-term-taken"),
        "{}",
        reply.body
    );
    // A change needs the current version.
    let path = format!("/api/v1/glossary/{id}");
    let reply = admin.json(Method::PUT, &path, &term, &[]).await;
    assert_eq!(reply.status, StatusCode::PRECONDITION_REQUIRED);
    let mut changed = term.clone();
    changed["synonyms"] = json!("police case diary|কেস ডায়েরি|সিডি");
    let reply = admin
        .json(Method::PUT, &path, &changed, &[("if-match", "\"1\"")])
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert_eq!(reply.json()["synonyms"].as_array().unwrap().len(), 3);
    let reply = admin
        .json(Method::DELETE, &path, &json!({}), &[("if-match", "\"1\"")])
        .await;
    assert_eq!(
        reply.status,
        StatusCode::PRECONDITION_FAILED,
        "stale version"
    );
    let reply = admin
        .json(Method::DELETE, &path, &json!({}), &[("if-match", "\"2\"")])
        .await;
    assert_eq!(reply.status, StatusCode::NO_CONTENT);
    let found = worker
        .json(
            Method::POST,
            "/api/v1/glossary/scan",
            &scan("তারা থানায় কেস ডায়েরি দেখেছে"),
            &[],
        )
        .await
        .json();
    assert!(found["matches"].as_array().unwrap().is_empty());
    let audit = h.store.audit_entries(None, 1000).await.unwrap();
    let actions: Vec<&str> = audit
        .iter()
        .map(|e| e.event.action.as_str())
        .filter(|a| a.starts_with("glossary-"))
        .collect();
    assert_eq!(actions.len(), 3, "added, changed, removed: {actions:?}");

    // The page: bad input is shown again with what she typed, in her language.
    let mut page = h.client().signed_in("admin").await;
    page.get("/glossary?lang=bn").await;
    let reply = page
        .post_form(
            "/glossary",
            &[
                ("term", "কেস কনফারেন্সের নোট"),
                ("explanation_bn", "ব্যাখ্যা"),
                ("explanation_hi", ""),
                ("explanation_en", "notes"),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.body.contains("কেস কনফারেন্সের নোট"), "her input kept");
    assert!(
        reply
            .body
            .contains(&h.text(Language::Bn, "error-empty-text"))
    );
    h.finish().await;
}

async fn jargon_is_marked_in_the_page_and_in_her_notes(engine: Engine) {
    let h = Harness::new(engine).await;
    let (case, _) = h.case().await;
    let mut worker = api(&h, "caseworker.kolkata").await;
    let note = json!({"kind": "case", "text": "Signs of PTSD; the CWC asked for an HIR.", "language": "en"});
    let reply = worker
        .json(
            Method::POST,
            &format!("/api/v1/cases/{case}/notes"),
            &note,
            &[],
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
    let written = reply.json();

    let mut page = h.client().signed_in("caseworker.kolkata").await;
    let case_page = page.get(&format!("/cases/{case}/notes?lang=bn")).await;
    assert!(case_page.body.contains("<mark class=\"jargon\""));
    assert!(
        case_page
            .body
            .contains(&h.text(Language::Bn, "notes-plain-words"))
    );
    assert!(
        case_page.body.contains("English"),
        "the note's language is named"
    );

    // A person's translation sits beside the note; one into the note's own language is refused.
    let note_id = written["id"].as_str().unwrap().to_string();
    let path = format!("/api/v1/cases/{case}/notes/{note_id}/translations");
    let same = json!({"language": "en", "text": "Signs of PTSD", "translator": "Rupa Das"});
    let refused = worker.json(Method::POST, &path, &same, &[]).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(refused.json()["errors"][0]["code"], "error-same-language");
    let page_path = format!("/cases/{case}/notes/{note_id}/translations");
    let reply = page
        .post_form(
            &page_path,
            &[
                ("language", "bn"),
                ("text", "PTSD-র লক্ষণ"),
                ("translator", ""),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        reply.body.contains("PTSD-র লক্ষণ"),
        "her translation is kept"
    );
    let reply = page
        .post_form(
            &page_path,
            &[
                ("language", "bn"),
                ("text", "PTSD-র লক্ষণ; সিডব্লিউসি এইচআইআর চেয়েছে।"),
                ("translator", "রুপা দাস"),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let notes = worker
        .get(&format!("/api/v1/cases/{case}/notes"))
        .await
        .json();
    assert_eq!(notes["notes"][0]["translations"][0]["translator"], "রুপা দাস");
    let case_page = page.get(&format!("/cases/{case}/notes")).await;
    assert!(case_page.body.contains("সিডব্লিউসি এইচআইআর চেয়েছে"));

    // In print, the terms of her plan are marked and explained at the end.
    let plan = json!({"goals": [{
        "domain": "wellbeing", "goal": "ঘুম ভালো হবে, কাউন্সেলিং চলবে", "set_by": "her", "status": "open",
        "actions": [{"what": "Weekly counselling for the PTSD", "set_by": "team", "status": "open"}]
    }]});
    let reply = worker
        .json(
            Method::PUT,
            &format!("/api/v1/cases/{case}/plan"),
            &plan,
            &[("if-match", "\"0\"")],
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let print = page.get(&format!("/cases/{case}/plan/print?lang=hi")).await;
    assert_eq!(print.status, StatusCode::OK);
    assert_eq!(
        print.body.matches("<mark class=\"jargon\"").count(),
        3,
        "{}",
        print.body
    );
    assert!(
        print
            .body
            .contains(&h.text(Language::Hi, "plan-plain-words"))
    );

    let reply = page
        .post_form("/glossary/scan", &[("text", "উদ্বেগ আর <b>PTSD</b>")])
        .await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(reply.body.contains("<mark class=\"jargon\""));
    assert!(reply.body.contains("&lt;b&gt;"), "her text is escaped");
    h.finish().await;
}

async fn the_network_admin_records_who_reviewed_a_translation(engine: Engine) {
    let h = Harness::new(engine).await;
    let mut admin = api(&h, "admin").await;
    let terms = admin.get("/api/v1/glossary").await.json();
    let term = terms
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["term"] == "passive-aggressive behaviour")
        .unwrap()
        .clone();
    let id = term["id"].as_str().unwrap().to_string();
    let path = format!("/api/v1/glossary/{id}/reviews");
    let body = json!({"language": "bn", "reviewer": "রুপা দাস"});

    // Only the network admin, and only at the version she read.
    for username in [
        "caseworker.kolkata",
        "director.kolkata",
        "counsellor.kolkata",
    ] {
        let mut other = api(&h, username).await;
        let reply = other
            .json(Method::POST, &path, &body, &[("if-match", "\"1\"")])
            .await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{username}");
    }
    let reply = admin.json(Method::POST, &path, &body, &[]).await;
    assert_eq!(reply.status, StatusCode::PRECONDITION_REQUIRED);
    let reply = admin
        .json(Method::POST, &path, &body, &[("if-match", "\"7\"")])
        .await;
    assert_eq!(reply.status, StatusCode::PRECONDITION_FAILED);
    let reply = admin
        .json(
            Method::POST,
            &path,
            &json!({"language": "fr", "reviewer": " "}),
            &[("if-match", "\"1\"")],
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    let problem = reply.json();
    let fields: Vec<&str> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["language", "reviewer"], "{}", reply.body);
    let reply = admin
        .json(Method::POST, &path, &body, &[("if-match", "\"1\"")])
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let reviewed = reply.json();
    assert_eq!(reviewed["version"], 1, "a review does not change the term");
    assert_eq!(reviewed["reviews"].as_array().unwrap().len(), 1);
    assert_eq!(reviewed["reviews"][0]["language"], "bn");
    assert_eq!(reviewed["reviews"][0]["reviewer"], "রুপা দাস");

    // Her page in Bengali: the reviewed headword shows who reviewed it; others are marked.
    let mut page = h.client().signed_in("caseworker.kolkata").await;
    let unreviewed = h.text(Language::Bn, "glossary-unreviewed");
    let bn = page.get("/glossary?lang=bn").await;
    assert_eq!(bn.status, StatusCode::OK);
    assert!(
        bn.body
            .contains("চাপা রাগ দেখানো (passive-aggressive behaviour)")
    );
    assert!(bn.body.contains("রুপা দাস"), "who reviewed it");
    assert!(
        bn.body.matches(unreviewed.as_str()).count() >= 150,
        "every other term is marked as not yet reviewed"
    );
    // In Hindi the same term is not reviewed.
    let hi = page.get("/glossary?lang=hi&q=passive-aggressive").await;
    assert!(
        hi.body
            .contains("दबा हुआ गुस्सा जताना (passive-aggressive behaviour)")
    );
    assert!(
        hi.body
            .contains(&h.text(Language::Hi, "glossary-unreviewed"))
    );
    assert!(!hi.body.contains("রুপা দাস"));
    assert!(
        !hi.body.contains("(PTSD)"),
        "the filter leaves other terms out"
    );

    // A change to the Bengali translation makes it unreviewed again.
    let mut changed = json!({"term": term["term"], "synonyms": term["synonyms"],
        "headword_bn": term["headwords"]["bn"], "headword_hi": term["headwords"]["hi"],
        "explanation_bn": format!("{} আরও একটি কথা।", term["explanations"]["bn"].as_str().unwrap()),
        "explanation_hi": term["explanations"]["hi"], "explanation_en": term["explanations"]["en"]});
    let reply = admin
        .json(
            Method::PUT,
            &format!("/api/v1/glossary/{id}"),
            &changed,
            &[("if-match", "\"1\"")],
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert_eq!(reply.json()["reviews"], json!([]));
    changed["explanation_bn"] = term["explanations"]["bn"].clone();

    // The page form: the admin records a review; bad input comes back with what she typed.
    let mut admin_page = h.client().signed_in("admin").await;
    admin_page.get("/glossary?lang=bn").await;
    let form_path = format!("/glossary/{id}/review");
    let reply = admin_page
        .post_form(
            &form_path,
            &[("language", "hi"), ("reviewer", ""), ("version", "2")],
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        reply
            .body
            .contains(&h.text(Language::Bn, "error-empty-text"))
    );
    let reply = admin_page
        .post_form(
            &form_path,
            &[("language", "hi"), ("reviewer", "सुनीता"), ("version", "2")],
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let hi = page.get("/glossary?lang=hi&q=passive-aggressive").await;
    assert!(hi.body.contains("सुनीता"), "{}", hi.body);
    let reply = page
        .post_form(
            &form_path,
            &[("language", "bn"), ("reviewer", "রুপা"), ("version", "2")],
        )
        .await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN, "a case worker may not");

    let audit = h.store.audit_entries(None, 1000).await.unwrap();
    let reviews = audit
        .iter()
        .filter(|e| e.event.action.as_str() == "glossary-translation-reviewed")
        .count();
    assert_eq!(reviews, 2);
    h.finish().await;
}

on_both_engines!(
    the_network_admin_records_who_reviewed_a_translation,
    the_starter_glossary_explains_mixed_language_text,
    the_network_admin_curates_the_glossary,
    jargon_is_marked_in_the_page_and_in_her_notes,
);
