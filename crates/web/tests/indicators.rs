//! `GET /api/v1/indicators`: who sees which organisation's figures, the errors of its query,
//! and small numbers hidden in every view the API gives, on both engines.

use axum::http::StatusCode;
use domain::audit::{AuditAction, AuditEvent};
use domain::decision::{Decision, DecisionFields, DecisionTopic, Participation};
use domain::{CaseCode, CaseId, Timestamp};
use serde_json::Value;
use testkit::on_both_engines;

use crate::common::{Engine, Harness, T0};

mod returns;

async fn api(h: &Harness, username: &str) -> crate::common::Client {
    let mut client = h.client();
    client.bearer = Some(h.token(username).await);
    client
}

/// 15 August 2026, in 2026-Q3 in every zone.
const AUGUST: Timestamp = Timestamp(1_786_752_000_000);

/// `count` decisions logged by `username` on a new case of her organisation in August 2026.
pub(crate) async fn decisions(h: &Harness, username: &str, count: usize, seed: u8) -> CaseId {
    let user = h.user(username).await;
    let case = store::NewCase {
        intake: Default::default(),
        id: CaseId::new(),
        code: CaseCode::from_random([seed, 3, 5, 7, 9]),
        custodian: user.org_id,
        opened_at: Timestamp(AUGUST.millis() - 86_400_000 * 30),
        assigned: vec![user.id],
        identity: domain::case::Identity::default(),
    };
    let event = AuditEvent::new(T0, AuditAction::CaseCreated, "case").from_source("test");
    h.store.create_case(&case, event).await.unwrap();
    for i in 0..count {
        let decision = Decision {
            id: uuid::Uuid::now_v7(),
            case_id: case.id,
            fields: DecisionFields {
                topic: DecisionTopic::General,
                what: format!("সিদ্ধান্ত {i}"),
                decided_by: "কেস কনফারেন্স".into(),
                options: vec![],
                her_choice: String::new(),
                participation: if i % 2 == 0 {
                    Participation::DecidedWithHer
                } else {
                    Participation::Informed
                },
                her_view: String::new(),
                absent_reason: String::new(),
            },
            recorded_by: user.id,
            recorded_at: AUGUST,
        };
        let event = AuditEvent::new(T0, AuditAction::DecisionLogged, "case").from_source("test");
        h.store.log_decision(&decision, event).await.unwrap();
    }
    case.id
}

/// The figure of `indicator` in `lines` at the period (`None`) or the trend's `i`th quarter.
fn figure<'a>(lines: &'a Value, indicator: &str, trend: Option<usize>) -> &'a Value {
    let line = lines
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["indicator"] == indicator)
        .unwrap();
    match trend {
        None => &line["period"],
        Some(i) => &line["trend"][i],
    }
}

fn organisation<'a>(body: &'a Value, id: &str) -> &'a Value {
    &body["organisations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["id"] == id)
        .unwrap()["indicators"]
}

async fn each_reader_sees_what_is_hers_to_see(engine: Engine) {
    let h = Harness::new(engine).await;
    let kolkata = h.kolkata().await.to_string();
    let jessore = h.org("Notun Alo, Jessore").await.to_string();

    // The network admin: every organisation side by side, and the network's total.
    let mut admin = api(&h, "admin").await;
    let reply = admin.get("/api/v1/indicators?period=2026-Q3").await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let body = reply.json();
    assert_eq!(body["period"], "2026-Q3");
    assert_eq!(
        body["trend"],
        serde_json::json!(["2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"])
    );
    let orgs = h.store.organisations().await.unwrap().len();
    assert_eq!(body["organisations"].as_array().unwrap().len(), orgs);
    assert!(body["network"].is_array());
    // No data is not 0 %: n is 0 and the share is null, and nothing is hidden.
    let none = figure(organisation(&body, &kolkata), "r3-decisions-with-her", None);
    assert_eq!(none["suppressed"], false);
    assert_eq!(none["n"], 0);
    assert!(none["percent"].is_null());

    // Her own organisation's, for a director; no network total.
    let mut director = api(&h, "director.kolkata").await;
    let body = director.get("/api/v1/indicators?period=2026").await.json();
    let ids: Vec<&str> = body["organisations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, vec![kolkata.as_str()]);
    assert!(body["network"].is_null());
    // Another organisation's is refused; the network admin may open any, and an unknown one is
    // not found.
    let reply = director
        .get(&format!(
            "/api/v1/indicators?period=2026-Q3&organisation={jessore}"
        ))
        .await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    assert_eq!(reply.problem().as_deref(), Some("forbidden"));
    let reply = admin
        .get(&format!(
            "/api/v1/indicators?period=2026-Q3&organisation={jessore}"
        ))
        .await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.json()["organisations"][0]["id"], jessore.as_str());
    let reply = admin
        .get(&format!(
            "/api/v1/indicators?period=2026-Q3&organisation={}",
            domain::OrgId::new()
        ))
        .await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);

    // A period that is not one is a 400 problem, told in her language.
    for bad in ["2026-Q5", "Q3-2026", "26"] {
        let reply = director
            .get(&format!("/api/v1/indicators?period={bad}&lang=bn"))
            .await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{bad}");
        assert_eq!(reply.problem().as_deref(), Some("malformed"));
        let title = reply.json()["title"].as_str().unwrap().to_string();
        assert!(!title.is_ascii(), "in Bengali: {title}");
    }

    // A trainer sees the training part only; a care-giver and a survivor nothing.
    let body = api(&h, "trainer")
        .await
        .get("/api/v1/indicators?period=2026-Q3")
        .await
        .json();
    assert_eq!(body["organisations"], serde_json::json!([]));
    assert_eq!(body["training"], true);
    for username in [
        "caregiver.kolkata",
        "survivor.kolkata",
        "caseworker.kolkata",
    ] {
        let reply = api(&h, username)
            .await
            .get("/api/v1/indicators?period=2026-Q3")
            .await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{username}");
    }
    h.finish().await;
}

/// The shelter logs six decisions in 2026-Q3, the NGO in Jessore two. The NGO's two are hidden
/// everywhere, and the shelter's six with them wherever the network's total would give the two
/// away: no view, subtracted from another, tells that two decisions were the NGO's.
async fn a_small_organisations_figures_cannot_be_worked_out_from_any_view(engine: Engine) {
    let h = Harness::new(engine).await;
    let kolkata = h.kolkata().await.to_string();
    let jessore = h.org("Notun Alo, Jessore").await.to_string();
    decisions(&h, "caseworker.kolkata", 6, 1).await;
    decisions(&h, "caseworker.jessore", 2, 2).await;
    let r3 = "r3-decisions-with-her";
    let mut admin = api(&h, "admin").await;
    let mut shown_jessore = Vec::new();
    for (period, at) in [("2026-Q3", None), ("2026", None), ("2026-Q4", Some(2))] {
        let body = admin
            .get(&format!("/api/v1/indicators?period={period}"))
            .await
            .json();
        let jessore_q3 = figure(organisation(&body, &jessore), r3, at);
        let kolkata_q3 = figure(organisation(&body, &kolkata), r3, at);
        let network_q3 = figure(
            body["network"]
                .as_array()
                .map(|_| &body["network"])
                .unwrap(),
            r3,
            at,
        );
        shown_jessore.push(jessore_q3["suppressed"].clone());
        assert_eq!(jessore_q3["suppressed"], true, "{period}");
        assert!(jessore_q3["n"].is_null() && jessore_q3["percent"].is_null());
        // The network's quarter is 8; were the shelter's 6 shown, 8 − 6 would be the NGO's 2.
        if period != "2026" {
            assert_eq!(network_q3["n"], 8, "{period}");
            assert_eq!(kolkata_q3["suppressed"], true, "{period}");
        }
        // Each organisation's year: the shelter's 6 alone would be the year less nothing.
        let year = admin.get("/api/v1/indicators?period=2026").await.json();
        for org in [&kolkata, &jessore] {
            assert_eq!(
                figure(organisation(&year, org), r3, None)["suppressed"],
                true
            );
        }
    }
    // The director sees her own row of the same table: hidden there too.
    let body = api(&h, "director.kolkata")
        .await
        .get("/api/v1/indicators?period=2026-Q3")
        .await
        .json();
    assert_eq!(
        figure(organisation(&body, &kolkata), r3, None)["suppressed"],
        true
    );
    h.finish().await;
}

/// The page: her organisation's figures for a director, in Bengali, each with its n, a bar and
/// a trend drawn as SVG with its title and description; the network admin's with every
/// organisation beside the network's total; the training part for a trainer; nothing for a
/// case worker. No figure links to a case.
async fn the_indicator_page_draws_the_figures_in_her_language(engine: Engine) {
    let h = Harness::new(engine).await;
    decisions(&h, "caseworker.kolkata", 10, 3).await;
    decisions(&h, "caseworker.jessore", 6, 4).await;

    let mut director = h.client().signed_in("director.kolkata").await;
    let reply = director.get("/indicators?period=2026-Q3&lang=bn").await;
    assert_eq!(reply.status, StatusCode::OK);
    let page = reply.body;
    assert!(
        page.contains("যে সিদ্ধান্তে সে অংশ নিয়েছে"),
        "R3 named in Bengali"
    );
    // Five of her ten decisions were taken with her.
    assert!(
        page.contains("৫০% (মোট ১০)"),
        "R3 with its n, in Bengali digits"
    );
    assert!(
        page.contains("জুলাই–সেপ্টেম্বর ২০২৬"),
        "the period the long way"
    );
    assert!(page.matches("<svg").count() >= 10, "a chart per indicator");
    assert!(page.contains("<title") && page.contains("<desc"));
    assert!(
        !page.contains("পুরো নেটওয়ার্ক"),
        "no network total for a director"
    );
    assert!(!page.contains("href=\"/cases/"), "no link to a case");
    assert!(
        !page.contains("2026-Q3<"),
        "no machine period shown as text"
    );

    let mut admin = h.client().signed_in("admin").await;
    let page = admin.get("/indicators?period=2026-Q3&lang=en").await.body;
    assert!(page.contains("The whole network"));
    // The network's sixteen decisions, eight with her, and each member's beside it.
    assert!(page.contains("50% (n = 16)"), "the network's total");
    assert!(page.contains("Nirapad Shelter Home, Kolkata") && page.contains("Notun Alo, Jessore"));
    assert!(
        page.contains("50% (n = 6)"),
        "the NGO's six, beside the network's"
    );

    let page = h
        .client()
        .signed_in("trainer")
        .await
        .get("/indicators?lang=hi")
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("प्रशिक्षण कार्यक्रम"),
        "the training part, in Hindi"
    );
    assert!(!page.body.contains("पूरा नेटवर्क"));

    let reply = h
        .client()
        .signed_in("caseworker.kolkata")
        .await
        .get("/indicators")
        .await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    h.finish().await;
}

/// The director's home page puts the indicators first, then the plans waiting for her approval
/// and her organisation's cases by stage; the trainer's lists the workshops to come.
async fn home_pages_lead_with_what_each_reader_acts_on(engine: Engine) {
    let h = Harness::new(engine).await;
    let (case, _) = h.case().await;
    let code = h
        .store
        .case(case, &domain::scope::CaseScope::Network)
        .await
        .unwrap()
        .unwrap()
        .code
        .to_string();
    let mut director = h.client().signed_in("director.kolkata").await;
    let before = director.get("/?lang=en").await.body;
    assert!(
        !before.contains("Plans waiting for your approval"),
        "no plan yet"
    );

    let mut worker = api(&h, "caseworker.kolkata").await;
    let plan = serde_json::json!({"goals": [{"domain": "safety", "goal": "নিরাপদে থাকা", "set_by": "her", "status": "open"}]});
    let reply = worker
        .json(
            axum::http::Method::PUT,
            &format!("/api/v1/cases/{case}/plan"),
            &plan,
            &[("if-match", "\"0\"")],
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);

    let page = director.get("/?lang=en").await.body;
    let first = |text: &str| {
        page.find(text)
            .unwrap_or_else(|| panic!("{text} on the page"))
    };
    assert!(first("Is care restorative? This quarter") < first("cases, by stage (counts)"));
    assert!(page.contains("href=\"/indicators\""));
    assert!(
        page.contains(&format!("href=\"/cases/{case}/plan\">{code}</a>")),
        "her plan waits"
    );
    // The stage counts, in the reader's digits.
    let bn = director.get("/?lang=bn").await.body;
    assert!(
        bn.contains("<dt>শনাক্ত হয়েছে</dt><dd>১</dd>"),
        "one case, in Bengali digits"
    );

    // A case worker sees neither the indicators nor the approvals.
    let page = h
        .client()
        .signed_in("caseworker.kolkata")
        .await
        .get("/?lang=en")
        .await
        .body;
    assert!(!page.contains("This quarter") && !page.contains("waiting for your approval"));

    // The trainer: the workshop to come, by its title, with its dates in words.
    h.survivor_workshop().await;
    let page = h
        .client()
        .signed_in("trainer")
        .await
        .get("/?lang=en")
        .await
        .body;
    assert!(!page.contains("No workshops are scheduled yet."), "{page}");
    assert!(page.contains("1 March 2027 – 5 March 2027"));
    h.finish().await;
}

/// The demo's year: the shelter's share of decisions taken with her rises quarter by quarter
/// and every quarter shows it, while the transit home's two girls a quarter stay hidden.
async fn the_demo_tells_a_year_every_chart_can_show(engine: Engine) {
    let h = Harness::new(engine).await;
    app::demo::load(&h.store, T0).await.unwrap();
    let body = api(&h, "admin")
        .await
        .get("/api/v1/indicators?period=2026-Q4")
        .await
        .json();
    let kolkata = organisation(&body, &h.kolkata().await.to_string());
    for indicator in [
        "r3-decisions-with-her",
        "r1b-read-back",
        "r2a-goals-she-set",
    ] {
        let shares: Vec<u64> = (0..4)
            .map(|i| {
                let f = figure(kolkata, indicator, Some(i));
                f["percent"]
                    .as_u64()
                    .unwrap_or_else(|| panic!("{indicator} shown in quarter {i}: {f}"))
            })
            .collect();
        assert!(
            shares.windows(2).all(|w| w[0] < w[1]),
            "{indicator} rises: {shares:?}"
        );
    }
    let howrah = h.org("Pather Sathi Transit Home, Howrah").await.to_string();
    let howrah = organisation(&body, &howrah);
    assert_eq!(
        figure(howrah, "r3-decisions-with-her", None)["suppressed"],
        true
    );
    assert_eq!(figure(howrah, "count-identified", None)["suppressed"], true);

    // Her return changes over the year too: more 1-month follow-ups done on time (R6d), fewer
    // home investigation reports requested late (R7); Howrah's stay hidden.
    let on_time: Vec<Option<u64>> = (0..4)
        .map(|i| figure(kolkata, "r6d-follow-ups-1-month", Some(i))["percent"].as_u64())
        .collect();
    assert!(on_time.iter().all(Option::is_some), "{on_time:?}");
    assert!(on_time[0] < on_time[3], "R6d rises: {on_time:?}");
    assert_eq!(
        figure(howrah, "r6d-follow-ups-1-month", None)["suppressed"],
        true
    );
    let step = |id: &str| {
        body["organisations"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["id"] == id)
            .unwrap()["repatriation"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["route"] == "IN-BD" && s["step"] == "hir-requested")
            .unwrap()
            .clone()
    };
    let requested = step(&h.kolkata().await.to_string());
    let late: Vec<Option<u64>> = (0..4)
        .map(|i| requested["delayed"]["trend"][i]["percent"].as_u64())
        .collect();
    assert!(late.iter().all(Option::is_some), "{late:?}");
    assert!(late[0] > late[3], "R7's late steps fall: {late:?}");
    let howrah_id = h.org("Pather Sathi Transit Home, Howrah").await.to_string();
    assert_eq!(step(&howrah_id)["days"]["period"]["suppressed"], true);

    // The director's page draws R7's and R8's four quarters as lines, each with its title,
    // description and table, in Bengali digits.
    let page = h
        .client()
        .signed_in("director.kolkata")
        .await
        .get("/indicators?period=2026-Q4&lang=bn")
        .await
        .body;
    let chart = |title_id: &str| {
        let at = page
            .find(&format!("id=\"{title_id}\""))
            .unwrap_or_else(|| panic!("{title_id}: {page}"));
        let start = page[..at].rfind("<svg").unwrap();
        let end = at + page[at..].find("</svg>").unwrap();
        page[start..end].to_string()
    };
    let at = page.find("IN-BD").expect("R7's route card");
    let r7 = page[at..]
        .find("-trend-title\"")
        .map(|i| &page[at..at + i])
        .and_then(|s| s.rfind("id=\""))
        .expect("R7's trend");
    let r7_id = page[at + r7 + 4..].split('"').next().unwrap().to_string();
    let r7 = chart(&r7_id);
    assert!(r7.contains("<polyline class=\"line\""), "{r7}");
    assert!(r7.contains("<desc") && r7.contains("২০২৬"), "{r7}");
    let r8 = chart("r8-org0-trend-title");
    assert!(r8.contains("<polyline") && r8.contains("<circle"), "{r8}");
    assert!(r8.contains("তার নিজের চোখে আর কর্মীর চোখে"), "{r8}");
    assert!(page.contains("<caption>তার নিজের চোখে আর কর্মীর চোখে, প্রতি ত্রৈমাসিকে</caption>"));

    // The page stays light on a 2G phone: the heaviest view (the network admin's, every
    // member beside the network, in Bengali) and a director's, with the stylesheet, each under
    // 30 KB gzipped.
    for (username, path) in [
        ("admin", "/indicators?period=2026-Q4&lang=bn"),
        ("director.kolkata", "/indicators?period=2026-Q4&lang=bn"),
    ] {
        let mut client = h.client().signed_in(username).await;
        let mut total = 0;
        for path in [path, "/static/saathi.css"] {
            let reply = client
                .send(
                    axum::http::Method::GET,
                    path,
                    None,
                    String::new(),
                    &[("accept-encoding", "gzip")],
                )
                .await;
            assert_eq!(reply.status, StatusCode::OK);
            assert_eq!(reply.header("content-encoding"), Some("gzip"), "{path}");
            total += reply.size;
        }
        assert!(total < 30 * 1024, "{username}: {total} bytes");
    }
    h.finish().await;
}

/// A director opens her own organisation's cases behind R1a from its card: the open cases with
/// none of her words in the 90 days, each linked; never a case of another organisation, never
/// one whose words were heard. The network admin reads figures only.
async fn a_director_opens_the_cases_behind_a_figure(engine: Engine) {
    let h = Harness::new(engine).await;
    let silent = decisions(&h, "caseworker.kolkata", 1, 3).await;
    let elsewhere = decisions(&h, "caseworker.jessore", 1, 4).await;
    // Her words recorded on 29 November 2026, within the quarter's last 90 days.
    let (heard, _) = h.case().await;

    let mut director = h.client().signed_in("director.kolkata").await;
    let page = director
        .get("/indicators?period=2026-Q4&lang=en")
        .await
        .body;
    let link = "href=\"/indicators/cases?figure=r1a-voice-lately&#38;period=2026-Q4\"";
    assert_eq!(page.matches(link).count(), 1, "one link, on R1a's card");
    let reply = director
        .get("/indicators/cases?figure=r1a-voice-lately&period=2026-Q4&lang=en")
        .await;
    assert_eq!(reply.status, StatusCode::OK);
    let list = reply.body;
    assert!(
        list.contains(&format!("href=\"/cases/{silent}\"")),
        "{list}"
    );
    assert!(
        !list.contains(&format!("/cases/{heard}")),
        "her words were heard"
    );
    assert!(
        !list.contains(&format!("/cases/{elsewhere}")),
        "another organisation's case"
    );
    assert!(list.contains("Never, by your organisation"));
    // In Bengali, the same list with the period the long way.
    let bn = director
        .get("/indicators/cases?period=2026-Q4&lang=bn")
        .await
        .body;
    assert!(bn.contains("অক্টোবর–ডিসেম্বর ২০২৬"), "{bn}");
    assert!(bn.contains(&format!("/cases/{silent}")));
    for wrong in ["r3-decisions-with-her", "no-such-figure"] {
        let reply = director
            .get(&format!("/indicators/cases?figure={wrong}"))
            .await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{wrong}");
    }

    // The network admin: figures, no lists, no links to any.
    let mut admin = h.client().signed_in("admin").await;
    let page = admin.get("/indicators?period=2026-Q4").await.body;
    assert!(!page.contains("/indicators/cases"));
    assert!(!page.contains("href=\"/cases/"));
    let reply = admin.get("/indicators/cases?period=2026-Q4").await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    let reply = h
        .client()
        .signed_in("caseworker.kolkata")
        .await
        .get("/indicators/cases")
        .await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    h.finish().await;
}

/// Runs `script` with the test Python over `bytes` written to a file, and reads its JSON.
pub(crate) fn python_reads(bytes: &[u8], ext: &str, script: &str) -> Value {
    let python = std::env::var_os("SAATHI_PYOTP_PYTHON")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| "/var/cache/saathi-test/pyotp/bin/python".into());
    let path =
        std::env::temp_dir().join(format!("saathi-indicators-{}.{ext}", uuid::Uuid::now_v7()));
    std::fs::write(&path, bytes).unwrap();
    let out = std::process::Command::new(&python)
        .arg("-c")
        .arg(script)
        .arg(&path)
        .output()
        .unwrap_or_else(|e| panic!("{} (scripts/test-deps): {e}", python.display()));
    let pdftotext = (ext == "pdf").then(|| {
        std::process::Command::new("pdftotext")
            .arg(&path)
            .arg("-")
            .output()
            .expect("pdftotext (poppler-utils, from scripts/test-deps)")
    });
    std::fs::remove_file(&path).ok();
    assert!(
        out.status.success(),
        "python: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut value: Value = serde_json::from_slice(&out.stdout).unwrap();
    if let Some(text) = pdftotext {
        value["pdftotext"] = Value::from(String::from_utf8_lossy(&text.stdout).to_string());
    }
    value
}

/// Every sheet as {name: rows}, as openpyxl reads it.
pub(crate) const OPENPYXL: &str = r#"
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
print(json.dumps({ws.title: [["" if c is None else c for c in row] for row in ws.iter_rows(values_only=True)] for ws in wb.worksheets}))
"#;

/// The text pypdf extracts, and how many shapes each page fills or strokes.
pub(crate) const PYPDF: &str = r#"
import json, re, sys, pypdf
r = pypdf.PdfReader(sys.argv[1])
text = "\n".join(p.extract_text() for p in r.pages)
ops = 0
for p in r.pages:
    data = p.get_contents().get_data()
    ops += len(re.findall(rb"(?m)(?:^|\s)(?:f|S|B|f\*)\s*$", data))
print(json.dumps({"text": text, "pages": len(r.pages), "painted": ops}))
"#;

/// The report leaves Saathi as a workbook (every indicator a sheet, each hidden cell marked)
/// and as a PDF in her language with the charts drawn; the same figures are hidden there as in
/// the API, and no hidden number appears. Each download is audited.
async fn the_report_leaves_as_a_workbook_and_a_pdf_hiding_the_same_figures(engine: Engine) {
    let h = Harness::new(engine).await;
    decisions(&h, "caseworker.kolkata", 6, 1).await;
    decisions(&h, "caseworker.jessore", 2, 2).await;
    let r3 = "r3-decisions-with-her";
    let mut admin = api(&h, "admin").await;
    let body = admin.get("/api/v1/indicators?period=2026-Q3").await.json();
    let reply = admin.get("/api/v1/indicators.xlsx?period=2026-Q3").await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert_eq!(
        reply.headers["content-type"],
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    );
    let book = python_reads(&reply.bytes, "xlsx", OPENPYXL);
    let sheets = book.as_object().unwrap();
    let keys: Vec<&str> = body["network"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["indicator"].as_str().unwrap())
        .collect();
    for key in &keys {
        assert!(sheets.contains_key(*key), "a sheet for {key}");
    }
    assert!(sheets.contains_key("training"));
    // Every row agrees with the API: hidden there, marked here; shown, the same n.
    let mut checked = 0;
    for key in &keys {
        let rows = sheets[*key].as_array().unwrap();
        assert_eq!(
            rows[0],
            serde_json::json!([
                "organisation",
                "period",
                "figure",
                "n",
                "value",
                "p90",
                "status"
            ])
        );
        for row in &rows[1..] {
            let (holder, period) = (row[0].as_str().unwrap(), row[1].as_str().unwrap());
            let lines = if holder == "The whole network" {
                &body["network"]
            } else {
                &body["organisations"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|o| o["name"] == holder)
                    .unwrap_or_else(|| panic!("{holder}"))["indicators"]
            };
            let at = body["trend"]
                .as_array()
                .unwrap()
                .iter()
                .position(|p| p == period)
                .unwrap_or_else(|| panic!("{period}"));
            let api = figure(lines, key, Some(at));
            if api["suppressed"] == true {
                assert_eq!(row[6], "suppressed", "{key} {holder} {period}");
                for cell in &row.as_array().unwrap()[3..6] {
                    assert_eq!(cell, "hidden (too few to show safely)", "{key} {holder}");
                }
            } else {
                assert_ne!(row[6], "suppressed", "{key} {holder} {period}");
                assert_eq!(row[3], api["n"], "{key} {holder} {period}");
            }
            checked += 1;
        }
    }
    assert!(checked >= keys.len() * 4 * 2, "{checked} rows");
    // The two small organisations' decisions are hidden, and their numbers are nowhere in
    // their rows; the network's eight are shown.
    let r3_rows = sheets[r3].as_array().unwrap();
    let row_of = |holder: &str| {
        r3_rows
            .iter()
            .find(|r| r[0] == holder && r[1] == "2026-Q3")
            .unwrap_or_else(|| panic!("{holder}"))
    };
    for (holder, hidden) in [
        ("Nirapad Shelter Home, Kolkata", ["6", "3", "50"]),
        ("Notun Alo, Jessore", ["2", "1", "50"]),
    ] {
        let row = row_of(holder);
        assert_eq!(row[6], "suppressed");
        for cell in row.as_array().unwrap()[2..].iter() {
            let text = cell.to_string();
            for number in hidden {
                assert!(!text.contains(number), "{holder}: {number} in {text}");
            }
        }
    }
    let network = row_of("The whole network");
    assert_eq!(
        (network[3].as_u64(), network[4].as_u64()),
        (Some(8), Some(50))
    );
    // When the figures were computed: in her words and as an instant.
    let computed = sheets["computed"].as_array().unwrap();
    assert_eq!(computed[1][1], T0.to_rfc3339());
    let said = computed[1][0].as_str().unwrap();
    assert!(
        said.len() > 20 && !said.contains("UTC") && !said.contains("2026-"),
        "{said}"
    );

    // The PDF, in the network admin's English and a director's Bengali, read by pdftotext and
    // by pypdf.
    let reply = admin
        .get("/api/v1/indicators.pdf?period=2026-Q3&lang=en")
        .await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.headers["content-type"], "application/pdf");
    let pdf = python_reads(&reply.bytes, "pdf", PYPDF);
    for text in [
        pdf["pdftotext"].as_str().unwrap(),
        pdf["text"].as_str().unwrap(),
    ] {
        assert!(text.contains("Decisions she took part in"), "{text}");
        assert!(text.contains("50% (n = 8)"), "the network's figure");
        assert!(
            !text.contains("(n = 6)") && !text.contains("(n = 2)"),
            "{text}"
        );
        assert!(text.contains("Nirapad Shelter Home, Kolkata: Hidden"));
        assert!(!text.contains("2026-Q3"), "no machine period");
        assert!(text.contains("These figures were worked out on"), "{text}");
        assert!(!text.contains("UTC"), "{text}");
    }
    // A trend per indicator (its axis at least), and the network's R3 bar: track, fill and
    // target mark.
    let indicators = keys.len() as u64 - 4;
    let painted = pdf["painted"].as_u64().unwrap();
    assert!(painted >= indicators + 3, "charts drawn: {painted}");

    let mut director = api(&h, "director.kolkata").await;
    let reply = director
        .get("/api/v1/indicators.pdf?period=2026-Q3&lang=bn")
        .await;
    assert_eq!(reply.status, StatusCode::OK);
    let pdf = python_reads(&reply.bytes, "pdf", PYPDF);
    let text = pdf["pdftotext"].as_str().unwrap();
    assert!(text.contains("যে সিদ্ধান্তে সে অংশ নিয়েছে"), "{text}");
    assert!(text.contains("জুলাই–সেপ্টেম্বর ২০২৬"));
    assert!(text.contains("লুকানো"), "her organisation's R3 is hidden");
    assert!(!text.contains("(মোট ৬)") && !text.contains("৫০%"), "{text}");
    assert!(!text.contains("Notun Alo"), "her organisation only");
    let reply = director
        .get("/api/v1/indicators.pdf?period=2026-Q3&lang=hi")
        .await;
    // pdftotext reads the shaped Devanagari back (pypdf does not yet: a conjunct's glyph has
    // no ToUnicode entry of its own).
    let text = python_reads(&reply.bytes, "pdf", PYPDF)["pdftotext"].to_string();
    assert!(text.contains("हिस्सा"), "{text}");

    // Who may: as the figures. A case worker is refused; another organisation's is refused a
    // director; a period that is not one is a 400.
    let reply = api(&h, "caseworker.kolkata")
        .await
        .get("/api/v1/indicators.xlsx?period=2026-Q3")
        .await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    let jessore = h.org("Notun Alo, Jessore").await;
    let reply = director
        .get(&format!("/api/v1/indicators.xlsx?organisation={jessore}"))
        .await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    let reply = director.get("/api/v1/indicators.pdf?period=2026-Q9").await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);

    // Audited: one entry per file that left, with its format.
    let entries: Vec<_> = h
        .store
        .audit_entries(None, 500)
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.event)
        .filter(|e| e.action == domain::audit::AuditAction::IndicatorsExported)
        .collect();
    assert_eq!(entries.len(), 4, "{entries:?}");
    assert!(
        entries
            .iter()
            .any(|e| e.detail.contains("\"format\":\"xlsx\""))
    );

    // The page links to both, for the period shown.
    let page = h
        .client()
        .signed_in("director.kolkata")
        .await
        .get("/indicators?period=2026-Q3&lang=en")
        .await
        .body;
    assert!(
        page.contains("href=\"/indicators.xlsx?period=2026-Q3\""),
        "{page}"
    );
    assert!(page.contains("href=\"/indicators.pdf?period=2026-Q3\""));
    h.finish().await;
}

/// R5 by month on the director's card: each month of the quarter with its n; a month about
/// fewer than five is hidden, and so is the next smallest, so the quarter less the shown month
/// gives neither away.
async fn incidents_are_shown_by_month_with_small_months_hidden(engine: Engine) {
    use domain::note::{Note, NoteKind, Response};
    let h = Harness::new(engine).await;
    let case = decisions(&h, "caseworker.kolkata", 0, 5).await;
    let worker = h.user("caseworker.kolkata").await;
    const MONTH: i64 = 31 * 86_400_000;
    // July: 6 (4 met with support); August: 2 (1); September: 7 (7).
    for (at, count, positive) in [
        (AUGUST.millis() - MONTH, 6, 4),
        (AUGUST.millis(), 2, 1),
        (AUGUST.millis() + MONTH, 7, 7),
    ] {
        for i in 0..count {
            let note = Note {
                id: uuid::Uuid::now_v7(),
                case_id: case,
                kind: NoteKind::Incident,
                text: "রাতে ঝগড়া হয়েছে।".into(),
                language: domain::Language::Bn,
                response: Some(if i < positive {
                    (Response::Positive, "কথা বলা হয়েছে।".into())
                } else {
                    (Response::Punitive, "বাইরে যাওয়া বন্ধ।".into())
                }),
                written_by: worker.id,
                written_at: Timestamp(at + i64::from(i) * 60_000),
            };
            let event = AuditEvent::new(T0, AuditAction::NoteWritten, "note").from_source("test");
            h.store.add_note(&note, event).await.unwrap();
        }
    }
    let mut director = h.client().signed_in("director.kolkata").await;
    let page = director
        .get("/indicators?period=2026-Q3&lang=en")
        .await
        .body;
    // The quarter: 12 of 15.
    assert!(page.contains("80% (n = 15)"), "{page}");
    assert!(page.contains("By month"));
    let row = |month: &str| {
        let start = page
            .find(&format!("<th scope=\"row\">{month}</th>"))
            .unwrap_or_else(|| panic!("{month}"));
        page[start..start + 200].to_string()
    };
    assert!(row("September 2026").contains("100% (n = 7)"));
    for hidden in ["July 2026", "August 2026"] {
        let row = row(hidden);
        assert!(row.contains("Hidden"), "{hidden}: {row}");
    }
    assert!(!page.contains("(n = 2)") && !page.contains("(n = 6)") && !page.contains("(n = 8)"));
    // The API, the workbook and the PDF hide the same months.
    let mut api_director = api(&h, "director.kolkata").await;
    let body = api_director
        .get("/api/v1/indicators?period=2026-Q3")
        .await
        .json();
    let kolkata = h.kolkata().await.to_string();
    let org = body["organisations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["id"] == kolkata.as_str())
        .unwrap();
    let months = org["positive_responses_by_month"].as_array().unwrap();
    let listed: Vec<(&str, bool)> = months
        .iter()
        .map(|m| {
            (
                m["month"].as_str().unwrap(),
                m["figure"]["suppressed"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        listed,
        vec![("2026-07", true), ("2026-08", true), ("2026-09", false)]
    );
    assert_eq!(months[2]["figure"]["n"], 7);
    assert_eq!(months[2]["figure"]["percent"], 100);
    assert!(months[0]["figure"]["n"].is_null() && months[1]["figure"]["percent"].is_null());
    let reply = api_director
        .get("/api/v1/indicators.xlsx?period=2026-Q3&lang=en")
        .await;
    assert_eq!(reply.status, StatusCode::OK);
    let book = python_reads(&reply.bytes, "xlsx", OPENPYXL);
    let rows = book["r5-by-month"].as_array().unwrap();
    assert_eq!(rows[0][1], "month");
    let sheet: Vec<(String, String, Value)> = rows[1..]
        .iter()
        .map(|r| {
            (
                r[1].as_str().unwrap().to_string(),
                r[6].as_str().unwrap().to_string(),
                r[3].clone(),
            )
        })
        .collect();
    assert_eq!(sheet.len(), 3, "{sheet:?}");
    assert_eq!(sheet[0].1, "suppressed");
    assert_eq!(sheet[1].1, "suppressed");
    assert_eq!(sheet[1].2, "hidden (too few to show safely)");
    assert_eq!(
        (sheet[2].0.as_str(), sheet[2].1.as_str(), &sheet[2].2),
        ("2026-09", "shown", &Value::from(7))
    );
    let reply = api_director
        .get("/api/v1/indicators.pdf?period=2026-Q3&lang=en")
        .await;
    assert_eq!(reply.status, StatusCode::OK);
    let text = python_reads(&reply.bytes, "pdf", PYPDF)["pdftotext"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(text.contains("By month"), "{text}");
    assert!(text.contains("September 2026: 100% (n = 7)"), "{text}");
    assert!(text.contains("July 2026: Hidden"), "{text}");
    assert!(!text.contains("(n = 2)") && !text.contains("(n = 6)"));
    // In Bengali, the months in her words and digits.
    let bn = director
        .get("/indicators?period=2026-Q3&lang=bn")
        .await
        .body;
    assert!(
        bn.contains("সেপ্টেম্বর ২০২৬") && bn.contains("১০০% (মোট ৭)"),
        "{bn}"
    );
    // The network's total is not split by month.
    let admin = h
        .client()
        .signed_in("admin")
        .await
        .get("/indicators?period=2026-Q3&lang=en")
        .await
        .body;
    assert!(!admin.contains("By month"));
    h.finish().await;
}

/// The figures are kept between requests (`app::indicators::cache`): a reading leaves them; the
/// request after a change is answered from them at once, saying when they were computed and
/// that newer ones are coming, and the refresh then shows the change.
async fn figures_are_kept_and_refreshed_after_a_change(engine: Engine) {
    let h = Harness::new(engine).await;
    let kolkata = h.kolkata().await.to_string();
    let mut director = api(&h, "director.kolkata").await;
    let n = |body: &Value| {
        figure(organisation(body, &kolkata), "r3-decisions-with-her", None)["n"]
            .as_u64()
            .unwrap()
    };
    let first = director
        .get("/api/v1/indicators?period=2026-Q3")
        .await
        .json();
    let before = n(&first);
    // Every answer is checked against the OpenAPI document; there, `computed_at` is an instant
    // every answer carries.
    let doc = saathi_web::openapi::document();
    let body = &doc["components"]["schemas"]["IndicatorsBody"];
    assert_eq!(body["properties"]["computed_at"]["format"], "date-time");
    for field in ["computed_at", "refreshing"] {
        assert!(
            body["required"]
                .as_array()
                .unwrap()
                .iter()
                .any(|r| r == field),
            "{field}"
        );
    }
    assert_eq!(first["computed_at"], T0.to_rfc3339());
    assert_eq!(first["refreshing"], false);
    let mark = h.store.change_mark().await.unwrap();

    // Readings do not move the change mark: a case viewed, a sign-in.
    for action in [AuditAction::CaseViewed, AuditAction::SignIn] {
        let event = AuditEvent::new(T0, action, "case").from_source("test");
        h.store.append_audit(event).await.unwrap();
    }
    assert_eq!(h.store.change_mark().await.unwrap(), mark);
    let read = director
        .get("/api/v1/indicators?period=2026-Q3")
        .await
        .json();
    assert_eq!(
        (n(&read), &read["refreshing"]),
        (before, &Value::Bool(false))
    );

    // A change does: the next request answers from the kept figures at once, saying when they
    // were computed (on her organisation's clock, in her words) and that newer ones are coming.
    h.clock.advance_seconds(120);
    decisions(&h, "caseworker.kolkata", 6, 61).await;
    assert!(h.store.change_mark().await.unwrap() > mark);
    let page = h
        .client()
        .signed_in("director.kolkata")
        .await
        .get("/indicators?period=2026-Q3&lang=bn")
        .await
        .body;
    let zone: domain::zone::TimeZone = "Asia/Kolkata".parse().unwrap();
    let t = app::Tr::new(&h.state.i18n, domain::Language::Bn, &zone);
    let at = t.with("indicators-computed-at", "at", &t.datetime(&T0));
    assert!(page.contains(&at), "{at}");
    assert!(page.contains(&t.get("indicators-refreshing")));
    assert!(page.contains("ভারতীয় সময়") && !page.contains("UTC"));

    // Once the refresh is done, the change is counted.
    h.indicators_settled().await;
    let fresh = director
        .get("/api/v1/indicators?period=2026-Q3")
        .await
        .json();
    assert_eq!(n(&fresh), before + 6);
    assert_eq!(fresh["refreshing"], false);
    let refreshed_at = domain::Timestamp(T0.millis() + 120_000);
    assert_eq!(fresh["computed_at"], refreshed_at.to_rfc3339());

    // The API says the same after the next change.
    h.clock.advance_seconds(60);
    decisions(&h, "caseworker.kolkata", 6, 62).await;
    let stale = director
        .get("/api/v1/indicators?period=2026-Q3")
        .await
        .json();
    assert_eq!(n(&stale), before + 6, "answered from the kept figures");
    assert_eq!(stale["refreshing"], true);
    assert_eq!(stale["computed_at"], refreshed_at.to_rfc3339());
    h.indicators_settled().await;
    let fresh = director
        .get("/api/v1/indicators?period=2026-Q3")
        .await
        .json();
    assert_eq!(
        (n(&fresh), &fresh["refreshing"]),
        (before + 12, &Value::Bool(false))
    );
    h.finish().await;
}

/// A plan approved with no review recording her agreement, in her director's list behind R2d
/// (linked from its card); another organisation's never; an empty list behind R4c says why it
/// is empty; the network admin opens neither.
async fn a_director_opens_the_plans_approved_without_her(engine: Engine) {
    use domain::plan::{Goal, GoalDomain, GoalStatus, PlanBody, SetBy};
    let h = Harness::new(engine).await;
    let mut approved = Vec::new();
    for (username, seed) in [("caseworker.kolkata", 71), ("caseworker.jessore", 72)] {
        let case = decisions(&h, username, 0, seed).await;
        let user = h.user(username).await;
        let body = PlanBody {
            goals: vec![Goal {
                domain: GoalDomain::Livelihood,
                goal: "সেলাই শিখে নিজের রোজগার".into(),
                set_by: SetBy::Team,
                target: None,
                target_set_by: None,
                status: GoalStatus::Open,
                actions: Vec::new(),
            }],
        };
        let sight = domain::sight::Sight::own(user.org_id);
        let event = AuditEvent::new(AUGUST, AuditAction::PlanSaved, "case").from_source("test");
        let plan = h
            .store
            .save_plan(
                &store::PlanSave {
                    case,
                    expected_version: 0,
                    body: &body,
                    by: user.id,
                    at: AUGUST,
                    sight: &sight,
                },
                event,
            )
            .await
            .unwrap();
        let event = AuditEvent::new(AUGUST, AuditAction::PlanApproved, "case").from_source("test");
        h.store
            .approve_plan(case, plan.version, &sight, event)
            .await
            .unwrap();
        approved.push(case);
    }
    let mut director = h.client().signed_in("director.kolkata").await;
    let page = director
        .get("/indicators?period=2026-Q3&lang=en")
        .await
        .body;
    let link = "href=\"/indicators/cases?figure=r2d-approved-without-her&#38;period=2026-Q3\"";
    assert_eq!(page.matches(link).count(), 1, "{page}");
    assert!(
        page.contains("href=\"/indicators/cases?figure=r4c-past-her-date&#38;period=2026-Q3\"")
    );
    let reply = director
        .get("/indicators/cases?figure=r2d-approved-without-her&period=2026-Q3&lang=en")
        .await;
    assert_eq!(reply.status, StatusCode::OK);
    let list = reply.body;
    assert!(
        list.contains(&format!("href=\"/cases/{}\"", approved[0])),
        "{list}"
    );
    assert!(
        !list.contains(&format!("/cases/{}", approved[1])),
        "another organisation's"
    );
    assert!(
        list.contains("Plan approved") && list.contains("15 August 2026"),
        "{list}"
    );
    let bn = director
        .get("/indicators/cases?figure=r2d-approved-without-her&period=2026-Q3&lang=bn")
        .await
        .body;
    assert!(
        bn.contains("পরিকল্পনা অনুমোদনের দিন") && bn.contains("১৫"),
        "{bn}"
    );
    let empty = director
        .get("/indicators/cases?figure=r4c-past-her-date&period=2026-Q3&lang=en")
        .await;
    assert_eq!(empty.status, StatusCode::OK);
    assert!(
        empty
            .body
            .contains("no stay ended after the date she wanted"),
        "{}",
        empty.body
    );
    let hi = director
        .get("/indicators/cases?figure=r4c-past-her-date&period=2026-Q3&lang=hi")
        .await
        .body;
    assert!(hi.contains("किसी का रहना उसके चाहे दिन के बाद ख़त्म नहीं हुआ"));
    let mut admin = h.client().signed_in("admin").await;
    let reply = admin
        .get("/indicators/cases?figure=r2d-approved-without-her&period=2026-Q3")
        .await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    let page = admin.get("/indicators?period=2026-Q3").await.body;
    assert!(!page.contains("/indicators/cases"));
    h.finish().await;
}

on_both_engines!(
    a_director_opens_the_plans_approved_without_her,
    figures_are_kept_and_refreshed_after_a_change,
    incidents_are_shown_by_month_with_small_months_hidden,
    the_report_leaves_as_a_workbook_and_a_pdf_hiding_the_same_figures,
    a_director_opens_the_cases_behind_a_figure,
    each_reader_sees_what_is_hers_to_see,
    the_demo_tells_a_year_every_chart_can_show,
    home_pages_lead_with_what_each_reader_acts_on,
    the_indicator_page_draws_the_figures_in_her_language,
    a_small_organisations_figures_cannot_be_worked_out_from_any_view,
);
