//! Every page on a 390 px phone: each GET page route of `routes::table()`, opened by someone who
//! may see it, over the demo data, in Bengali, Hindi and English, in one browser session at a
//! 390 × 844 viewport. On each page it measures, with a script run in the page:
//! - that nothing lies beyond 390 px (the right edge of every element, and the document's
//!   scroll width; `overflow-x: hidden` on the page would not hide an element's right edge);
//! - that the header is at most 120 px tall;
//! - that buttons, the menu and form fields are at least 44 × 44 px, and navigation links,
//!   links in lists of actions, checkboxes, radio buttons and other toggles at least 24 × 24 px
//!   (with the menu opened); links inside running text are not measured;
//! - that the borders of form fields meet 3:1 contrast against what is behind them;
//! - that her quoted words (`blockquote`) keep at least half the width (not a word a line).
//!
//! A failure names the page, the language and the offending element (tag, class, text, right
//! edge or size). Each page's screenshot, and a table of every page's width, go to
//! `$SAATHI_TEST_ARTIFACTS`.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use super::{Browser, artifacts, serve};
use crate::common::{Engine, Harness, PASSWORD, T0};
use domain::Language;
use serde_json::{Value, json};

/// The phone's width and height, in CSS pixels.
const WIDTH: u32 = 390;
const HEIGHT: u32 = 844;
/// The tallest header a phone can spare.
const HEADER_MAX: f64 = 120.0;

/// GET routes that answer with a file, not a page: nothing to lay out.
const FILES: &[&str] = &[
    "/static/saathi.css",
    "/cases/{id}/plan.pdf",
    "/cases/{id}/documents/{doc}",
    "/handovers/{id}/package",
    "/cases/{id}/assessments/{aid}/pdf",
    "/exports/cases.csv",
    "/exports/cases.xlsx",
    "/exports/forms/{file}",
    "/exports/workshops/{file}",
    "/exports/training.xlsx",
    "/exports/htcds.csv",
    "/indicators.xlsx",
    "/indicators.pdf",
];

/// Runs in the page. Returns what the test asserts on: the viewport's width, the document's
/// scroll width, the header's height, the elements that reach past the phone's edge, tap
/// targets under their size and form fields whose border is too faint.
const MEASURE: &str = r#"
const W = arguments[0];
function describe(el) {
  const cls = typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\s+/).join('.') : '';
  const id = el.id ? '#' + el.id : '';
  let text = (el.innerText || el.value || el.getAttribute('aria-label') || '').replace(/\s+/g, ' ').trim();
  if (text.length > 40) text = text.slice(0, 40) + '…';
  return `<${el.tagName.toLowerCase()}${id}${cls}> "${text}"`;
}
function shown(el) {
  const r = el.getBoundingClientRect();
  return r.width > 0 || r.height > 0;
}
function beyond() {
  const found = [];
  for (const el of document.body.querySelectorAll('*')) {
    if (!shown(el)) continue;
    const right = el.getBoundingClientRect().right + window.scrollX;
    if (right <= W + 0.5) continue;
    // Only the outermost offender of each branch: its descendants are beyond because it is.
    const parent = el.parentElement;
    if (parent && parent !== document.body && shown(parent)
        && parent.getBoundingClientRect().right + window.scrollX > W + 0.5) continue;
    found.push({ what: describe(el), right: Math.round(right) });
  }
  found.sort((a, b) => b.right - a.right);
  return found;
}
function luminance(rgb) {
  const c = rgb.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
  return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}
function rgba(text) {
  const m = text.match(/rgba?\(([^)]+)\)/);
  if (!m) return null;
  const p = m[1].split(',').map(s => parseFloat(s));
  return { rgb: p.slice(0, 3), a: p.length > 3 ? p[3] : 1 };
}
function behind(el) {
  for (let e = el.parentElement; e; e = e.parentElement) {
    const c = rgba(getComputedStyle(e).backgroundColor);
    if (c && c.a > 0.99) return c.rgb;
  }
  return [255, 255, 255];
}
const header = document.querySelector('body > header');
const headerHeight = header ? header.getBoundingClientRect().height : 0;
const closed = beyond();
const scrollWidth = document.documentElement.scrollWidth;
// With every menu in the header open, the links in it are measured too.
const opened = [];
for (const d of document.querySelectorAll('header details:not([open])')) { d.open = true; opened.push(d); }
const openBeyond = opened.length ? beyond() : [];
const openScrollWidth = document.documentElement.scrollWidth;
const small = [];
function check(selector, w, h, kind) {
  for (const el of document.querySelectorAll(selector)) {
    if (!shown(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.width + 0.5 < w || r.height + 0.5 < h) {
      small.push({ what: describe(el), kind, width: Math.round(r.width), height: Math.round(r.height), need: `${w}×${h}` });
    }
  }
}
check('button, a.button, input[type=submit], header summary', 44, 44, 'primary control');
check('select, textarea, input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([type=submit])', 44, 44, 'form field');
check('nav a, ul.actions a, ul.inline a, summary, input[type=checkbox], input[type=radio], label.check', 24, 24, 'tap target');
const faint = [];
for (const el of document.querySelectorAll('select, textarea, input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([type=submit])')) {
  if (!shown(el)) continue;
  const border = rgba(getComputedStyle(el).borderTopColor);
  if (!border) continue;
  const a = luminance(border.rgb), b = luminance(behind(el));
  const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  if (ratio < 3) faint.push({ what: describe(el), ratio: Math.round(ratio * 100) / 100 });
}
// Her quoted words keep at least half the phone's width (a narrow column breaks every word).
const squeezed = [];
for (const q of document.querySelectorAll('blockquote')) {
  if (!shown(q)) continue;
  const r = q.getBoundingClientRect();
  if (r.width < W / 2) squeezed.push({ what: describe(q), width: Math.round(r.width) });
}
for (const d of opened) d.open = false;
const problem = document.querySelector('[data-problem]');
return {
  viewport: document.documentElement.clientWidth,
  scrollWidth: Math.max(scrollWidth, openScrollWidth),
  header: Math.round(headerHeight),
  beyond: closed.concat(openBeyond.filter(o => !closed.some(c => c.what === o.what))),
  small, faint, squeezed,
  problem: problem ? problem.getAttribute('data-problem') : null,
  lang: document.documentElement.lang,
  height: Math.round(document.documentElement.scrollHeight),
};
"#;

/// One page to open: the route it stands for, who opens it, and where.
struct Visit {
    route: &'static str,
    user: Option<&'static str>,
    url: String,
    /// The screenshots' file name: the route, who opened it, and which of its visits this is.
    name: String,
}

/// Who opens which route, with real ids from the demo data. A GET page route added to the
/// table without an entry here fails the test.
struct Fixture {
    kolkata: String,
    director: String,
    case: String,
    repatriating: String,
    assessment: String,
    sent_handover: String,
    draft_handover: String,
    workshops: Vec<String>,
    brief: String,
    glossary_term: String,
}

impl Fixture {
    fn visits(&self, route: &'static str) -> Vec<Visit> {
        let at = |user: &'static str, url: String| Visit {
            route,
            user: Some(user),
            url,
            name: String::new(),
        };
        let fill = |id: &str| route.replace("{id}", id);
        match route {
            "/sign-in" => vec![Visit {
                route,
                user: None,
                url: route.into(),
                name: String::new(),
            }],
            // Her second step: the care-giver signs in with an authenticator (see `visit_all`).
            "/sign-in/code" => vec![at("caregiver.kolkata", route.into())],
            "/" => [
                "admin",
                "director.kolkata",
                "caseworker.kolkata",
                "counsellor.kolkata",
                "trainer",
                "survivor.demo",
            ]
            .into_iter()
            .map(|user| at(user, "/".into()))
            .collect(),
            "/account"
            | "/account/two-factor"
            | "/two-factor"
            | "/organisations"
            | "/organisations/new"
            | "/audit"
            | "/glossary"
            | "/forms"
            | "/training"
            | "/training/exchange-visits" => vec![at("admin", route.into())],
            "/organisations/{id}"
            | "/organisations/{id}/edit"
            | "/organisations/{id}/users"
            | "/organisations/{id}/users/new" => vec![at("admin", fill(&self.kolkata))],
            "/users/{id}/two-factor" | "/users/{id}/edit" => {
                vec![at("admin", fill(&self.director))]
            }
            "/glossary/{id}/edit" => vec![at("admin", fill(&self.glossary_term))],
            // The longest built-in form, with its choices and conditions.
            "/forms/{key}" => vec![at(
                "caseworker.kolkata",
                route.replace("{key}", "home-family-assessment"),
            )],
            "/indicators" => ["admin", "director.kolkata", "trainer"]
                .into_iter()
                .map(|user| at(user, route.into()))
                .collect(),
            "/indicators/cases" => vec![at("director.kolkata", route.into())],
            "/cases" | "/cases/new" | "/handovers" => vec![at("caseworker.kolkata", route.into())],
            "/cases/{id}" => vec![
                at("caseworker.kolkata", fill(&self.case)),
                at("caseworker.kolkata", fill(&self.repatriating)),
            ],
            "/cases/{id}/identity"
            | "/cases/{id}/plan"
            | "/cases/{id}/life-views"
            | "/cases/{id}/plan/print"
            | "/cases/{id}/words"
            | "/cases/{id}/decisions"
            | "/cases/{id}/consents"
            | "/cases/{id}/documents"
            | "/cases/{id}/notes"
            | "/cases/{id}/journey"
            | "/cases/{id}/handovers"
            | "/cases/{id}/readers"
            | "/cases/{id}/assessments" => vec![at("caseworker.kolkata", fill(&self.case))],
            "/cases/{id}/repatriation" => vec![at("caseworker.kolkata", fill(&self.repatriating))],
            "/cases/{id}/assessments/new" => vec![at(
                "caseworker.kolkata",
                format!("{}?form=follow-up-visit", fill(&self.case)),
            )],
            "/cases/{id}/assessments/{aid}" => vec![at(
                "caseworker.kolkata",
                fill(&self.case).replace("{aid}", &self.assessment),
            )],
            "/handovers/{id}" => vec![
                at("caseworker.kolkata", fill(&self.sent_handover)),
                at("caseworker.kolkata", fill(&self.draft_handover)),
            ],
            "/my-record" => vec![at("survivor.demo", route.into())],
            "/training/workshops/{id}" => self
                .workshops
                .iter()
                .map(|w| at("trainer", fill(w)))
                .collect(),
            "/training/workshops/{id}/brief/{enrolment}" => vec![at("trainer", self.brief.clone())],
            _ => panic!(
                "the GET page route {route} has no visit in tests/browser/phone.rs: say who opens it, where"
            ),
        }
    }
}

/// The demo network with its cases and training, plus what the demo lacks: an assessment, a
/// draft handover, the demo survivor's account linked to her case, and a care-giver who signs
/// in with an authenticator.
async fn fixture(h: &Harness) -> Fixture {
    app::demo::load(&h.store, T0).await.unwrap();
    let code = |index: u8| domain::CaseCode::from_random([0xA7, 0x5E, 0x00, 0x00, index]);
    // The girl going home to South 24 Parganas: plan, consents, decisions, a late handover.
    let case = h.store.case_by_code(&code(2)).await.unwrap().unwrap();
    // The girl part-way home to Bangladesh.
    let repatriating = h.store.case_by_code(&code(11)).await.unwrap().unwrap();
    let kolkata = h.kolkata().await;
    let sent = h
        .store
        .handovers_of(kolkata, false)
        .await
        .unwrap()
        .into_iter()
        .find(|x| x.case_id == case.id)
        .expect("the demo's late handover");
    let draft = h.handover(repatriating.id).await;

    let mut worker = h.client();
    worker.bearer = Some(h.token("caseworker.kolkata").await);
    let reply = worker
        .json(
            axum::http::Method::POST,
            &format!("/api/v1/cases/{}/assessments", case.id),
            &json!({"form": "follow-up-visit", "answers": {
                "visit_date": "2026-11-20",
                "met_her": "yes",
                "is_safe": "some_concerns",
                "threats": ["stigma", "marriage_pressure"],
                "how_she_is": "ভালো আছি, তবে গ্রামের লোকে কথা বলে। রাতে ঘুম হয় না, মায়ের সঙ্গে থাকতে চাই।",
                "services_linked": [
                    {"service": "counselling", "provider": "Notun Alo", "service_status": "receiving"},
                    {"service": "school_admission", "service_status": "referred"}
                ],
                "next_visit_date": "2027-02-20"
            }}),
            &[],
        )
        .await;
    assert_eq!(reply.status, 201, "{}", reply.body);
    let assessment = reply.json()["id"].as_str().unwrap().to_string();

    let mut workshops = Vec::new();
    let mut brief = None;
    for w in h.store.workshops().await.unwrap() {
        let enrolled = h.store.enrolments_of(w.id).await.unwrap();
        if let (None, Some((e, _))) = (&brief, enrolled.first()) {
            brief = Some(format!("/training/workshops/{}/brief/{}", w.id, e.id));
        }
        workshops.push(w.id.to_string());
    }
    let glossary_term = h.store.glossary().await.unwrap()[0].id.to_string();

    // The demo survivor reads her own record: the girl's with the late handover.
    let survivor = h.user("survivor.demo").await;
    let event = domain::audit::AuditEvent::new(
        T0,
        domain::audit::AuditAction::SurvivorLinked,
        format!("case:{}", case.id),
    )
    .from_source("test");
    h.store
        .link_survivor(case.id, survivor.id, event)
        .await
        .unwrap();

    // The care-giver has an authenticator, so signing in asks for her code.
    let caregiver = h.user("caregiver.kolkata").await;
    app::twofactor::begin(&h.store, &caregiver, T0)
        .await
        .unwrap();
    let event = domain::audit::AuditEvent::new(
        T0,
        domain::audit::AuditAction::TwoFactorEnrolled,
        "two-factor",
    )
    .from_source("test");
    h.store
        .confirm_totp(caregiver.id, 0, &[], event)
        .await
        .unwrap();

    Fixture {
        kolkata: kolkata.to_string(),
        director: h.user("director.kolkata").await.id.to_string(),
        case: case.id.to_string(),
        repatriating: repatriating.id.to_string(),
        assessment,
        sent_handover: sent.id.to_string(),
        draft_handover: draft.to_string(),
        workshops,
        brief: brief.expect("a demo workshop with someone enrolled"),
        glossary_term,
    }
}

/// What one page measured.
struct Measured {
    url: String,
    lang: Language,
    scroll_width: u64,
    header: u64,
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_fits_a_390_px_phone_in_each_language() {
    let h = Harness::new(Engine::Sqlite).await;
    let fixture = fixture(&h).await;

    // Every GET page route of the table, grouped by who opens it (one sign-in each).
    let mut routes = BTreeSet::new();
    let mut visits: Vec<Visit> = Vec::new();
    for route in saathi_web::routes::table() {
        if route.method != axum::http::Method::GET
            || route.path.starts_with("/api/")
            || FILES.contains(&route.path)
            || !routes.insert(route.path)
        {
            continue;
        }
        visits.extend(fixture.visits(route.path));
    }
    visits.sort_by_key(|v| v.user);
    let mut seen = std::collections::BTreeMap::new();
    for visit in &mut visits {
        let n: &mut u32 = seen.entry((visit.route, visit.user)).or_default();
        *n += 1;
        let route = if visit.route == "/" {
            "home"
        } else {
            visit.route
        };
        let name: String = format!("{route}-{}-{n}", visit.user.unwrap_or("signed-out"))
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect();
        visit.name = name.trim_matches('-').replace("--", "-");
    }

    let (base, server) = serve(&h).await;
    let browser = Browser::phone(WIDTH, HEIGHT).await;
    let dir = artifacts().join("phone");
    std::fs::create_dir_all(&dir).unwrap();
    let mut failures: Vec<String> = Vec::new();
    let mut measured: Vec<Measured> = Vec::new();
    let mut summary_heights: Vec<u64> = Vec::new();
    let mut signed_in: Option<Option<&str>> = None;
    for visit in &visits {
        if signed_in != Some(visit.user) {
            browser.command("DELETE", "/cookie", None).await;
            if let Some(user) = visit.user {
                browser.go(&format!("{base}/sign-in")).await;
                browser.type_into("#username", user).await;
                browser.type_into("#password", PASSWORD).await;
                browser
                    .click("form[action='/sign-in'] button[type=submit]")
                    .await;
                let expected = if visit.route == "/sign-in/code" {
                    format!("{base}/sign-in/code")
                } else {
                    format!("{base}/")
                };
                let landed = browser.wait_for_url(&expected).await;
                assert_eq!(landed, expected, "{user} signs in");
            }
            signed_in = Some(visit.user);
        }
        for lang in [Language::Bn, Language::Hi, Language::En] {
            let joiner = if visit.url.contains('?') { '&' } else { '?' };
            let url = format!("{}{joiner}lang={}", visit.url, lang.code());
            browser.go(&format!("{base}{url}")).await;
            let page = browser
                .command(
                    "POST",
                    "/execute/sync",
                    Some(json!({"script": MEASURE, "args": [WIDTH]})),
                )
                .await;
            let who = visit.user.unwrap_or("signed out");
            let name = format!("{} ({url}, {who}) in {}", visit.route, lang.code());
            check(&page, &name, lang, &mut failures);
            measured.push(Measured {
                url: url.clone(),
                lang,
                scroll_width: page["scrollWidth"].as_u64().unwrap_or(0),
                header: page["header"].as_u64().unwrap_or(0),
            });
            let png = browser.screenshot().await;
            std::fs::write(dir.join(format!("{}-{}.png", visit.name, lang.code())), png).unwrap();
            if visit.route == "/cases/{id}" && lang == Language::Bn {
                // The case page reads in one screen, or three at most.
                let height = page["height"].as_u64().unwrap_or(u64::MAX);
                if height > 3 * u64::from(HEIGHT) {
                    failures.push(format!(
                        "{name}: the case summary is {height} px tall (at most three screens, {} px)",
                        3 * HEIGHT
                    ));
                }
                summary_heights.push(height);
            }
            if visit.url == format!("/cases/{}/decisions", fixture.case) {
                // Her quoted words in the decision log, in a picture of that section.
                let id = browser.find("main section").await;
                let data = browser
                    .command("GET", &format!("/element/{id}/screenshot"), None)
                    .await;
                let png = base64::Engine::decode(
                    &base64::engine::general_purpose::STANDARD,
                    data.as_str().unwrap(),
                )
                .unwrap();
                std::fs::write(dir.join(format!("decision-log-{}.png", lang.code())), png).unwrap();
            }
            if visit.route == "/indicators" && visit.user == Some("director.kolkata") {
                // Her organisation's indicators are drawn, each chart within the phone's width.
                let drawn = browser
                    .command(
                        "POST",
                        "/execute/sync",
                        Some(json!({"script": "return Array.from(document.querySelectorAll('svg.chart')).map(s => [s.getBoundingClientRect().width, s.querySelector('title, desc') !== null]);", "args": []})),
                    )
                    .await;
                let charts = drawn.as_array().cloned().unwrap_or_default();
                if charts.len() < 10 {
                    failures.push(format!(
                        "{name}: {} SVG charts, not one per indicator",
                        charts.len()
                    ));
                }
                for chart in &charts {
                    let width = chart[0].as_f64().unwrap_or(f64::MAX);
                    if width <= 0.0 || width > f64::from(WIDTH) || chart[1] != true {
                        failures.push(format!(
                            "{name}: a chart {width} px wide, titled: {}",
                            chart[1]
                        ));
                    }
                }
            }
            if visit.route == "/" && visit.user == Some("admin") {
                // The menu opens with a tap, without script, and shows every link.
                if browser.texts("details.menu > summary").await.is_empty() {
                    failures.push(format!("{name}: the header has no menu to open"));
                } else {
                    browser.click("details.menu > summary").await;
                    let links = browser.texts("details.menu nav a").await;
                    if links.is_empty() || links.iter().any(String::is_empty) {
                        failures.push(format!("{name}: the opened menu shows {links:?}"));
                    }
                }
                let png = browser.screenshot().await;
                std::fs::write(
                    dir.join(format!("menu-open-admin-{}.png", lang.code())),
                    png,
                )
                .unwrap();
            }
        }
    }
    browser.quit().await;
    server.abort();

    let mut table = String::from("page\tlang\tscroll width\theader\n");
    for m in &measured {
        let _ = writeln!(
            table,
            "{}\t{}\t{}\t{}",
            m.url,
            m.lang.code(),
            m.scroll_width,
            m.header
        );
    }
    std::fs::write(dir.join("widths.tsv"), &table).unwrap();
    eprintln!(
        "{} pages in 3 languages measured; widths in {}",
        visits.len(),
        dir.join("widths.tsv").display()
    );
    eprintln!("case summaries in bn at {WIDTH} px: {summary_heights:?} px tall");
    assert_eq!(
        summary_heights.len(),
        2,
        "both case summaries were measured in bn"
    );
    assert!(
        failures.is_empty(),
        "{} problems on a {WIDTH} px phone:\n{}",
        failures.len(),
        failures.join("\n")
    );
    h.finish().await;
}

/// Adds to `failures` what one page's measurements show wrong.
fn check(page: &Value, name: &str, lang: Language, failures: &mut Vec<String>) {
    if page["viewport"] != WIDTH {
        failures.push(format!(
            "{name}: the viewport is {} px wide, not {WIDTH}",
            page["viewport"]
        ));
    }
    if page["lang"] != lang.code() {
        failures.push(format!("{name}: the page is in {}", page["lang"]));
    }
    if let Some(code) = page["problem"].as_str() {
        failures.push(format!("{name}: the page shows an error ({code})"));
    }
    let scroll = page["scrollWidth"].as_u64().unwrap_or(u64::MAX);
    if scroll > u64::from(WIDTH) {
        failures.push(format!(
            "{name}: the page scrolls sideways ({scroll} px wide)"
        ));
    }
    for el in page["beyond"].as_array().into_iter().flatten() {
        failures.push(format!(
            "{name}: {} reaches {} px",
            el["what"].as_str().unwrap_or(""),
            el["right"]
        ));
    }
    let header = page["header"].as_f64().unwrap_or(f64::MAX);
    if header > HEADER_MAX {
        failures.push(format!(
            "{name}: the header is {header} px tall (at most {HEADER_MAX})"
        ));
    }
    for el in page["small"].as_array().into_iter().flatten() {
        failures.push(format!(
            "{name}: {} {} is {}×{} px (at least {})",
            el["kind"].as_str().unwrap_or(""),
            el["what"].as_str().unwrap_or(""),
            el["width"],
            el["height"],
            el["need"].as_str().unwrap_or("")
        ));
    }
    for el in page["squeezed"].as_array().into_iter().flatten() {
        failures.push(format!(
            "{name}: her words {} are squeezed into {} px",
            el["what"].as_str().unwrap_or(""),
            el["width"]
        ));
    }
    for el in page["faint"].as_array().into_iter().flatten() {
        failures.push(format!(
            "{name}: the border of {} has contrast {}:1 (at least 3:1)",
            el["what"].as_str().unwrap_or(""),
            el["ratio"]
        ));
    }
}
