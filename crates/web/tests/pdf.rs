#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The case plan as PDF, on both engines: shaped Bengali and Devanagari that `pdftotext` gives
//! back intact, fonts embedded, the case code in the header and never her name.

use crate::common::{Engine, Harness};
use axum::http::{Method, StatusCode};
use serde_json::json;
use testkit::on_both_engines;

fn text_of(pdf: &[u8]) -> (String, String) {
    let path = std::env::temp_dir().join(format!("saathi-plan-{}.pdf", uuid::Uuid::now_v7()));
    std::fs::write(&path, pdf).unwrap();
    let run = |tool: &str| {
        let out = std::process::Command::new(tool)
            .arg(&path)
            .args(if tool == "pdftotext" {
                vec!["-"]
            } else {
                vec![]
            })
            .output()
            .unwrap_or_else(|e| panic!("{tool} (poppler-utils, from scripts/test-deps): {e}"));
        String::from_utf8_lossy(&out.stdout).to_string()
    };
    let text = run("pdftotext");
    let fonts = run("pdffonts");
    std::fs::remove_file(&path).ok();
    (text, fonts)
}

async fn her_plan_prints_in_bengali_and_hindi_with_the_case_code_only(engine: Engine) {
    let h = Harness::new(engine).await;
    let (case, _) = h.case().await;
    let mut worker = h.client();
    worker.bearer = Some(h.token("caseworker.kolkata").await);
    let plan = json!({"goals": [{
        "domain": "livelihood", "goal": "সেলাই শিখে নিজের দোকান, কিশোরী ক্লাবে যোগ দেওয়া", "set_by": "her", "status": "open",
        "actions": [
            {"what": "प्रशिक्षण केंद्र में दाखिला", "set_by": "team", "status": "open"},
            {"what": "Weekly counselling", "set_by": "team", "status": "open"}
        ]
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
    let code = h
        .store
        .case(case, &domain::scope::CaseScope::Network)
        .await
        .unwrap()
        .unwrap()
        .code;

    let mut page = h.client().signed_in("caseworker.kolkata").await;
    let reply = page.get(&format!("/cases/{case}/plan.pdf?lang=bn")).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.header("content-type"), Some("application/pdf"));
    let (text, fonts) = text_of(&reply.bytes);
    // Conjuncts (প্র, ক্ষ, ল্প) and the i-matra drawn before its consonant come back as typed.
    for words in [
        code.as_str(),
        "পরিকল্পনা",
        "সেলাই",
        "কিশোরী",
        "দোকান",
        "प्रशिक्षण",
        "दाखिला",
        "counselling",
    ] {
        assert!(
            text.contains(words),
            "{words:?} not in the PDF text:\n{text}"
        );
    }
    // Each word comes back whole, with no space guessed inside it (it used to give "कें द्र"
    // and "স্কু ল"), in a line that reads as she wrote it.
    let words: Vec<&str> = text
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| c.is_ascii_punctuation() || c == '।'))
        .collect();
    for word in [
        "केंद्र",
        "प्रशिक्षण",
        "दाखिला",
        "সেলাই",
        "শিখে",
        "নিজের",
        "দোকান",
        "কিশোরী",
    ] {
        assert!(words.contains(&word), "{word:?} not whole in:\n{text}");
    }
    for line in ["সেলাই শিখে নিজের দোকান", "प्रशिक्षण केंद्र में दाखिला"]
    {
        assert!(text.contains(line), "{line:?} not in:\n{text}");
    }
    assert!(
        text.contains(&h.text(domain::Language::Bn, "plan-plain-words")),
        "the glossary's plain words are at the end"
    );
    assert!(!text.contains("রিনা"), "her name never appears");
    for name in ["NotoSansBengali", "NotoSansDevanagari"] {
        let line = fonts.lines().find(|l| l.contains(name)).expect(name);
        assert!(line.contains(" yes yes yes "), "{line}");
    }
    // In Hindi, the labels are Hindi.
    let reply = page.get(&format!("/cases/{case}/plan.pdf?lang=hi")).await;
    let (text, _) = text_of(&reply.bytes);
    assert!(text.contains("पृष्ठ"), "{text}");
    // The download is a reading of her record.
    let readers = h
        .store
        .readings_of(case, &domain::scope::CaseScope::Network, 100)
        .await
        .unwrap();
    assert!(!readers.is_empty());
    h.finish().await;
}

on_both_engines!(her_plan_prints_in_bengali_and_hindi_with_the_case_code_only);
