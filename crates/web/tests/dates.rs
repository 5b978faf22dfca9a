#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Her time and her calendar (issue 15), on both engines: no page and no PDF writes an ISO date
//! or "UTC"; every time is read on the reader's organisation's clock and the zone is named in
//! her language; an organisation is given its zone when it is added; numbers and dates typed in
//! Bengali or Devanagari digits are read as the browser's.

use std::collections::{BTreeSet, VecDeque};

use crate::common::{Engine, Harness, T0};
use axum::http::{Method, StatusCode};
use domain::audit::{AuditAction, AuditEvent};
use domain::{Role, Roles, UserId};
use serde_json::json;
use testkit::on_both_engines;

/// Every `YYYY-MM-DD` in `text`, in ASCII, Bengali or Devanagari digits, each with the text
/// around it.
fn iso_dates(text: &str) -> Vec<String> {
    let chars: Vec<char> = domain::text::ascii_digits(text).chars().collect();
    let shape: Vec<char> = "dddd-dd-dd".chars().collect();
    let mut found = Vec::new();
    for start in 0..chars.len().saturating_sub(shape.len() - 1) {
        let fits = shape
            .iter()
            .zip(&chars[start..start + shape.len()])
            .all(|(s, c)| match s {
                'd' => c.is_ascii_digit(),
                _ => c == s,
            });
        if fits {
            let from = start.saturating_sub(60);
            let to = (start + 70).min(chars.len());
            found.push(chars[from..to].iter().collect());
        }
    }
    found
}

/// The page without the `value` attributes of its inputs and options: a date input's value is
/// ISO by the browser's rule, and a checkbox's or an option's value is a key, never shown.
fn without_control_values(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('>') else {
            out.push_str(&rest[open..]);
            return out;
        };
        let tag = &rest[open..open + close + 1];
        if tag.starts_with("<input") || tag.starts_with("<option") {
            let mut t = tag.to_string();
            while let Some(at) = t.find(" value=\"") {
                let end = t[at + 8..].find('"').map_or(t.len(), |e| at + 8 + e + 1);
                t.replace_range(at..end, "");
            }
            out.push_str(&t);
        } else {
            out.push_str(tag);
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

#[test]
fn the_checks_find_what_they_look_for() {
    assert_eq!(iso_dates("on 2026-08-26.").len(), 1);
    assert_eq!(iso_dates("on ২০২৬-০৮-২৬.").len(), 1);
    assert_eq!(iso_dates("on २०२६-०८-२६.").len(), 1);
    assert!(iso_dates("২৬ আগস্ট ২০২৬ · 0190a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b").is_empty());
    let page = r#"<input type="date" name="d" value="2026-08-26"><p>২০২৬-০৮-২৬</p>"#;
    assert_eq!(iso_dates(&without_control_values(page)).len(), 1);
    assert!(without_control_values(page).contains("<input type=\"date\" name=\"d\">"));
}

/// Whether `text` holds a date written the long way in Bengali: a month's name, then a year in
/// Bengali digits.
fn long_bengali_date(text: &str) -> bool {
    [
        "জানুয়ারি",
        "ফেব্রুয়ারি",
        "মার্চ",
        "এপ্রিল",
        "মে",
        "জুন",
        "জুলাই",
        "আগস্ট",
        "সেপ্টেম্বর",
        "অক্টোবর",
        "নভেম্বর",
        "ডিসেম্বর",
    ]
    .iter()
    .any(|month| text.contains(&format!("{month} ২০")))
}

/// The local links of a page that show a page (no downloads, no language switches).
fn links(body: &str) -> Vec<String> {
    body.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(|href| href.replace("&amp;", "&"))
        .filter(|href| {
            href.starts_with('/')
                && !href.starts_with("/static/")
                && !href.starts_with("/api/")
                && !href.contains("lang=")
                && !href.ends_with(".pdf")
                && !href.ends_with("/pdf")
                && !href.ends_with(".ics")
                && !href.ends_with("/package")
        })
        .collect()
}

/// What one reader saw while following every link from her main pages.
struct Walk {
    visited: BTreeSet<String>,
    bodies: Vec<(String, String)>,
}

async fn walk(h: &Harness, username: &str, lang: &str) -> Walk {
    let mut client = h.client().signed_in(username).await;
    client.get(&format!("/?lang={lang}")).await;
    let mut queue: VecDeque<String> = [
        "/",
        "/cases",
        "/handovers",
        "/audit",
        "/training",
        "/training/exchange-visits",
        "/my-record",
        "/organisations",
        "/account",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let mut visited = BTreeSet::new();
    let mut bodies = Vec::new();
    // The first case summary she opens is read through every section page it links to; the
    // other cases' pages wait their turn behind the rest.
    let mut opened_case = false;
    while let Some(path) = queue.pop_front() {
        if visited.len() >= 70 || !visited.insert(path.clone()) {
            continue;
        }
        let reply = client.get(&path).await;
        assert!(
            reply.status.as_u16() < 500,
            "{username} {lang} {path}: {}",
            reply.status
        );
        if reply.status != StatusCode::OK
            || !reply
                .header("content-type")
                .is_some_and(|c| c.starts_with("text/html"))
        {
            visited.remove(&path);
            continue;
        }
        let is_summary = path.starts_with("/cases/") && path.len() == 43;
        if is_summary && !opened_case {
            opened_case = true;
            for link in links(&reply.body).into_iter().rev() {
                queue.push_front(link);
            }
        } else {
            queue.extend(links(&reply.body));
        }
        bodies.push((path, reply.body));
    }
    Walk {
        visited: bodies.iter().map(|(p, _)| p.clone()).collect(),
        bodies,
    }
}

async fn no_page_writes_an_iso_date_or_utc_in_any_language(engine: Engine) {
    let h = Harness::new(engine).await;
    app::demo::load(&h.store, T0).await.unwrap();
    // Her own record: the demo survivor reads one of the Kolkata shelter's cases.
    let mut filter = store::CaseFilter::of(h.kolkata().await, domain::Timestamp(0));
    filter.limit = 1;
    let hers = h.store.find_cases(&filter).await.unwrap()[0].id;
    let survivor = h.user("survivor.demo").await;
    let event = AuditEvent::new(T0, AuditAction::SurvivorLinked, format!("case:{hers}"))
        .from_source("test");
    h.store
        .link_survivor(hers, survivor.id, event)
        .await
        .unwrap();
    let mut seen = BTreeSet::new();
    // (reader, the name of her organisation's zone in bn, hi, en: None where her pages show
    // no time of day)
    let readers: [(&str, Option<[&str; 3]>); 5] = [
        (
            "caseworker.kolkata",
            Some(["ভারতীয় সময়", "भारतीय समय", "India time"]),
        ),
        (
            "caseworker.jessore",
            Some(["বাংলাদেশ সময়", "बांग्लादेश समय", "Bangladesh time"]),
        ),
        (
            "director.kolkata",
            Some(["ভারতীয় সময়", "भारतीय समय", "India time"]),
        ),
        ("admin", Some(["ভারতীয় সময়", "भारतीय समय", "India time"])),
        ("survivor.demo", None),
    ];
    for (reader, zone) in readers {
        for (i, lang) in ["bn", "hi", "en"].into_iter().enumerate() {
            let w = walk(&h, reader, lang).await;
            let mut problems = Vec::new();
            for (path, body) in &w.bodies {
                for iso in iso_dates(&without_control_values(body)) {
                    problems.push(format!("{path}: ISO date in …{iso}…"));
                }
                if let Some(at) = body.find("UTC") {
                    let from = body[..at]
                        .char_indices()
                        .rev()
                        .nth(60)
                        .map_or(0, |(i, _)| i);
                    problems.push(format!("{path}: UTC in …{}…", &body[from..at + 3]));
                }
            }
            assert!(
                problems.is_empty(),
                "{reader} in {lang}:\n{}",
                problems.join("\n")
            );
            if let Some(names) = zone {
                assert!(
                    w.bodies.iter().any(|(_, b)| b.contains(names[i])),
                    "{reader} in {lang}: no time names {:?} on {:?}",
                    names[i],
                    w.visited
                );
            }
            if lang == "bn" {
                // Dates the long way, in Bengali words and digits.
                assert!(
                    w.bodies.iter().any(|(_, b)| long_bengali_date(b)),
                    "{reader}: no long Bengali date on {:?}",
                    w.visited
                );
            }
            seen.extend(w.visited);
        }
    }
    // The main pages were among those read: case page, plan, workshop, training, exchange
    // visits, audit, her own record, handovers.
    let has = |pred: &dyn Fn(&str) -> bool| seen.iter().any(|p| pred(p));
    assert!(
        has(&|p| p.starts_with("/cases/") && p.len() == 43),
        "{seen:?}"
    );
    assert!(has(&|p| p.ends_with("/plan")), "{seen:?}");
    // And each section of her record, on its own page.
    for section in [
        "/words",
        "/decisions",
        "/consents",
        "/documents",
        "/notes",
        "/journey",
    ] {
        assert!(
            has(&|p| p.starts_with("/cases/") && p.ends_with(section)),
            "{section}: {seen:?}"
        );
    }
    assert!(has(&|p| p.starts_with("/training/workshops/")), "{seen:?}");
    assert!(has(&|p| p == "/training"), "{seen:?}");
    assert!(has(&|p| p == "/training/exchange-visits"), "{seen:?}");
    assert!(has(&|p| p.starts_with("/audit")), "{seen:?}");
    assert!(has(&|p| p.starts_with("/my-record")), "{seen:?}");
    assert!(has(&|p| p.starts_with("/handovers/")), "{seen:?}");
    h.finish().await;
}

/// A user of `org` with `role`, with the demo password.
async fn member(h: &Harness, org: domain::OrgId, username: &str, role: Role) {
    let hash = h
        .store
        .credentials(&"caseworker.kolkata".parse().unwrap())
        .await
        .unwrap()
        .unwrap()
        .password_hash;
    let id = UserId::new();
    let user = store::NewUser {
        id,
        org_id: org,
        username: username.parse().unwrap(),
        display_name: None,
        roles: Roles::single(role),
        language: domain::Language::Bn,
        password_hash: hash,
    };
    let event =
        AuditEvent::new(T0, AuditAction::UserCreated, format!("user:{id}")).from_source("test");
    h.store.create_user(&user, event).await.unwrap();
}

async fn an_organisation_is_added_with_its_zone_and_its_people_read_times_on_it(engine: Engine) {
    let h = Harness::new(engine).await;
    // 28 November 2026, 22:00 UTC: already the 29th in Dhaka (04:00) and Kolkata (03:30).
    h.clock.advance_seconds(-2 * 3600);
    let mut admin = h.client().signed_in("admin").await;
    let form = admin.get("/organisations/new?lang=bn").await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(
        form.body.contains("name=\"time_zone\""),
        "the form asks for it"
    );
    assert!(
        form.body.contains("বাংলাদেশ সময় (Asia/Dhaka)"),
        "{}",
        form.body
    );

    let fields = |zone: &'static str| {
        vec![
            ("name", "Mukti Mahila Samiti, Satkhira"),
            ("kind", "source"),
            ("country", "BD"),
            ("languages", "bn"),
            ("time_zone", zone),
        ]
    };
    // An unknown zone: the form again, her input kept, the problem in her language.
    let reply = admin
        .post_form("/organisations/new", &fields("Asia/Atlantis"))
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.body.contains("Mukti Mahila Samiti"));
    assert!(
        reply.body.contains(&crate::common::html(
            &h.text(domain::Language::Bn, "error-unknown-time-zone")
        )),
        "{}",
        reply.body
    );
    assert!(
        h.store
            .organisation_by_name("Mukti Mahila Samiti, Satkhira")
            .await
            .unwrap()
            .is_none()
    );

    let reply = admin
        .post_form("/organisations/new", &fields("Asia/Dhaka"))
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let org = h.org("Mukti Mahila Samiti, Satkhira").await;
    assert_eq!(
        h.store
            .organisation(org)
            .await
            .unwrap()
            .unwrap()
            .fields
            .time_zone
            .as_str(),
        "Asia/Dhaka"
    );
    let shown = admin.get(reply.header("location").unwrap()).await;
    assert!(shown.body.contains("বাংলাদেশ সময়"), "{}", shown.body);
    // Its edit form offers the zone it has, chosen.
    let edit = admin.get(&format!("/organisations/{org}/edit")).await;
    assert!(
        edit.body
            .contains("<option value=\"Asia/Dhaka\" selected>বাংলাদেশ সময় (Asia/Dhaka)</option>"),
        "{}",
        edit.body
    );

    // Through the API a zone may be left out: its country's.
    let mut api = h.client();
    api.bearer = Some(h.token("admin").await);
    let reply = api
        .json(
            Method::POST,
            "/api/v1/organisations",
            &json!({"name": "Bandhan, Khulna", "kind": "source", "country": "BD"}),
            &[],
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
    assert_eq!(reply.json()["time_zone"], "Asia/Dhaka");

    // Her director in Satkhira reads the trail on Dhaka's clock; the network admin in Kolkata
    // reads the same entry on India's.
    member(&h, org, "director.satkhira", Role::Director).await;
    let mut director = h.client().signed_in("director.satkhira").await;
    let audit = director.get("/audit?lang=bn").await;
    assert_eq!(audit.status, StatusCode::OK);
    assert!(
        audit.body.contains("২৯ নভেম্বর ২০২৬, ০৪:০০ বাংলাদেশ সময়"),
        "{}",
        audit.body
    );
    let audit = admin.get("/audit?lang=en").await;
    assert!(
        audit.body.contains("29 November 2026, 03:30 India time"),
        "{}",
        audit.body
    );
    assert!(!audit.body.contains("UTC"));
    h.finish().await;
}

async fn the_plan_and_assessment_pdfs_write_dates_the_long_way(engine: Engine) {
    let h = Harness::new(engine).await;
    let (case, _) = h.case().await;
    let mut api = h.client();
    api.bearer = Some(h.token("caseworker.kolkata").await);
    let plan = json!({"goals": [{
        "domain": "livelihood", "goal": "সেলাই শেখা", "set_by": "her", "status": "open",
        "target": "2027-03-01",
        "actions": [{"what": "Weekly counselling", "set_by": "team", "status": "open",
            "target": "2027-01-15"}]
    }]});
    let reply = api
        .json(
            Method::PUT,
            &format!("/api/v1/cases/{case}/plan"),
            &plan,
            &[("if-match", "\"0\"")],
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let reply = api
        .json(
            Method::POST,
            &format!("/api/v1/cases/{case}/assessments"),
            &json!({"form": "home-family-assessment", "answers": {
                "visit_date": "2026-11-20",
                "assessor": "Rina",
                "members": [{"relation": "মা", "age": "45"}],
                "monthly_income": "4500",
                "home_safety": "safe",
                "family_wants_her": "welcoming",
                "wishes_to_return": "wants",
                "recommendation": "return_home"
            }}),
            &[],
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
    // The API keeps ISO: it is a machine's format.
    assert_eq!(reply.json()["answers"]["visit_date"], "2026-11-20");
    let aid = reply.json()["id"].as_str().unwrap().to_string();

    let mut page = h.client().signed_in("caseworker.kolkata").await;
    for (path, lang, expected) in [
        (
            format!("/cases/{case}/plan.pdf"),
            "en",
            vec!["1 March 2027", "15 January 2027"],
        ),
        (format!("/cases/{case}/plan.pdf"), "bn", vec!["২০২৭"]),
        (
            format!("/cases/{case}/assessments/{aid}/pdf"),
            "en",
            vec!["20 November 2026", "India time"],
        ),
        (
            format!("/cases/{case}/assessments/{aid}/pdf"),
            "bn",
            // Her answers in Bengali digits: the income, an age, the day.
            vec!["৪৫০০", "৪৫", "২০২৬"],
        ),
        (
            format!("/cases/{case}/assessments/{aid}/pdf"),
            "hi",
            vec!["20 नवंबर 2026"],
        ),
    ] {
        let reply = page.get(&format!("{path}?lang={lang}")).await;
        assert_eq!(reply.status, StatusCode::OK, "{path}");
        assert_eq!(reply.header("content-type"), Some("application/pdf"));
        let text = pdf_text(&reply.bytes);
        assert!(
            iso_dates(&text).is_empty(),
            "{path} in {lang}: {:?}",
            iso_dates(&text)
        );
        assert!(!text.contains("UTC"), "{path} in {lang}:\n{text}");
        for words in expected {
            assert!(
                text.contains(words),
                "{words:?} not in {path} ({lang}):\n{text}"
            );
        }
        if lang == "bn" && path.ends_with("/pdf") {
            assert!(
                !text.contains("4500"),
                "Latin digits in a Bengali PDF:\n{text}"
            );
        }
    }
    h.finish().await;
}

fn pdf_text(pdf: &[u8]) -> String {
    let path = std::env::temp_dir().join(format!("saathi-dates-{}.pdf", uuid::Uuid::now_v7()));
    std::fs::write(&path, pdf).unwrap();
    let out = std::process::Command::new("pdftotext")
        .arg(&path)
        .arg("-")
        .output()
        .unwrap_or_else(|e| panic!("pdftotext (poppler-utils, from scripts/test-deps): {e}"));
    std::fs::remove_file(&path).ok();
    String::from_utf8_lossy(&out.stdout).to_string()
}

async fn numbers_and_dates_typed_in_her_digits_are_read_and_shown_in_words(engine: Engine) {
    let h = Harness::new(engine).await;
    let (case, _) = h.case().await;
    let mut worker = h.client().signed_in("caseworker.kolkata").await;
    worker.get(&format!("/cases/{case}?lang=bn")).await;

    // Her words, dated in Bengali digits (the day the case was opened).
    let reply = worker
        .post_form(
            &format!("/cases/{case}/voice"),
            &[
                ("kind", "hope"),
                ("text", "আমি সেলাই শিখতে চাই"),
                ("language", "bn"),
                ("spoken_on", "২০২৬-১১-২৯"),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let sight = h.sight(case).await;
    let entries = h.store.voice_of(case, &sight).await.unwrap();
    assert!(entries.iter().any(
        |e| e.text == "আমি সেলাই শিখতে চাই" && e.spoken_on == time::macros::date!(2026 - 11 - 29)
    ));
    let shown = worker.get(&format!("/cases/{case}/words")).await;
    assert!(shown.body.contains("২৯ নভেম্বর ২০২৬"), "{}", shown.body);
    // A date in no calendar is still refused, in her language.
    let reply = worker
        .post_form(
            &format!("/cases/{case}/voice"),
            &[
                ("kind", "hope"),
                ("text", "আবার"),
                ("language", "bn"),
                ("spoken_on", "২০২৬-১৩-৪০"),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);

    // A goal's target in Devanagari digits, shown in words.
    worker.get(&format!("/cases/{case}/plan?lang=hi")).await;
    let reply = worker
        .post_form(
            &format!("/cases/{case}/plan/goals"),
            &[
                ("version", "0"),
                ("domain", "health"),
                ("goal_text", "नियमित नींद"),
                ("set_by", "her"),
                ("target", "२०२७-०३-०१"),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let plan = worker.get(&format!("/cases/{case}/plan")).await;
    assert!(plan.body.contains("1 मार्च 2027"), "{}", plan.body);
    assert!(iso_dates(&without_control_values(&plan.body)).is_empty());

    // An assessment on the page: a date and a number in Bengali digits.
    worker.get(&format!("/cases/{case}?lang=bn")).await;
    let reply = worker
        .post_form(
            &format!("/cases/{case}/assessments"),
            &[
                ("form", "home-family-assessment"),
                ("visit_date", "২০২৬-১১-২০"),
                ("assessor", "রীনা"),
                ("members.0.relation", "মা"),
                ("members.0.age", "৪৫"),
                ("monthly_income", "৪৫০০"),
                ("home_safety", "safe"),
                ("family_wants_her", "welcoming"),
                ("wishes_to_return", "wants"),
                ("recommendation", "return_home"),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let saved = h.store.assessments_of(case).await.unwrap();
    let answers = serde_json::to_value(&saved[0].answers).unwrap();
    assert_eq!(answers["visit_date"], "2026-11-20", "{answers}");
    assert_eq!(answers["monthly_income"], "4500", "{answers}");
    let shown = worker.get(reply.header("location").unwrap()).await;
    assert!(shown.body.contains("২০ নভেম্বর ২০২৬"), "{}", shown.body);
    assert!(shown.body.contains("৪৫০০"), "{}", shown.body);

    // A workshop scheduled with its dates and places in Bengali digits, and a participant's
    // years in Devanagari ones.
    let mut trainer = h.client().signed_in("trainer").await;
    trainer.get("/training?lang=bn").await;
    let reply = trainer
        .post_form(
            "/training/workshops",
            &[
                ("workshop", "knowing-the-survivor"),
                ("venue", "Salt Lake"),
                ("starts_on", "২০২৭-০১-১১"),
                ("announced_on", "২০২৬-১২-২৮"),
                ("capacity", "২৫"),
                ("facilitators", "Dr. Roy"),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let location = reply.header("location").unwrap().to_string();
    let id: uuid::Uuid = location
        .trim_start_matches("/training/workshops/")
        .split('?')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let w = h.store.workshop(id).await.unwrap().unwrap();
    assert_eq!(w.capacity, 25);
    assert_eq!(w.starts_on, time::macros::date!(2027 - 01 - 11));
    let shown = trainer.get(&location).await;
    assert!(shown.body.contains("১১ জানুয়ারি ২০২৭"), "{}", shown.body);
    let reply = trainer
        .post_form(
            &format!("/training/workshops/{id}/enrolments"),
            &[("user", "caseworker.kolkata"), ("years_in_org", "७")],
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let enrolled = h.store.enrolments_of(id).await.unwrap();
    assert_eq!(enrolled[0].0.years_in_org, 7);
    let reply = trainer
        .post_form(
            "/training/workshops",
            &[
                ("workshop", "knowing-the-survivor"),
                ("venue", "Salt Lake"),
                ("starts_on", "২০২৭-০১-১১"),
                ("capacity", "পঁচিশ"),
            ],
        )
        .await;
    assert_eq!(
        reply.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "a word is not a number"
    );
    h.finish().await;
}

on_both_engines!(
    no_page_writes_an_iso_date_or_utc_in_any_language,
    an_organisation_is_added_with_its_zone_and_its_people_read_times_on_it,
    the_plan_and_assessment_pdfs_write_dates_the_long_way,
    numbers_and_dates_typed_in_her_digits_are_read_and_shown_in_words,
);
