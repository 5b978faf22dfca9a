#![allow(clippy::unwrap_used, clippy::expect_used)]
//! A real browser: headless Chromium, driven through chromedriver (W3C WebDriver), signs in as
//! `caseworker.kolkata` on a served Saathi, switches to English and back to Bengali with the
//! links every page carries, checks the page is Bengali, and saves a screenshot in
//! `$SAATHI_TEST_ARTIFACTS`; and hands a case over to Jessore, reading the completeness report
//! (score and gaps) and giving a reason for the gaps before it is sent.
//!
//! `scripts/test` installs Chromium and chromedriver and sets `SAATHI_CHROMEDRIVER` and
//! `SAATHI_CHROMIUM`.

use std::net::SocketAddr;
use std::process::Stdio;
use std::time::Duration;

use crate::common::{Engine, Harness, PASSWORD};
use base64::Engine as _;
use domain::Language;
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

mod phone;

const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

/// A minimal HTTP/1.1 client: chromedriver is the only server it talks to. Every call has a
/// deadline, so a browser that hangs fails the test with the step named.
async fn http(port: u16, method: &str, path: &str, body: Option<&Value>) -> Value {
    tokio::time::timeout(Duration::from_secs(60), exchange(port, method, path, body))
        .await
        .unwrap_or_else(|_| panic!("chromedriver did not answer {method} {path} within 60 s"))
}

async fn exchange(port: u16, method: &str, path: &str, body: Option<&Value>) -> Value {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
    let body = body.map(|b| b.to_string()).unwrap_or_default();
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).await.unwrap();
    // Read the head, then exactly the body it announces (the driver may keep the line open).
    let mut raw = Vec::new();
    let mut buf = [0_u8; 16 * 1024];
    let head_end = loop {
        let n = stream.read(&mut buf).await.unwrap();
        assert!(n > 0, "chromedriver closed the connection early");
        raw.extend_from_slice(&buf[..n]);
        if let Some(i) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
    };
    let head = String::from_utf8_lossy(&raw[..head_end]).to_ascii_lowercase();
    let length: Option<usize> = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .map(|v| v.trim().parse().unwrap());
    let chunked = head.contains("transfer-encoding: chunked");
    loop {
        let have = raw.len() - head_end;
        let done = match length {
            Some(len) => have >= len,
            None if chunked => raw.ends_with(b"0\r\n\r\n"),
            None => false,
        };
        if done {
            break;
        }
        let n = stream.read(&mut buf).await.unwrap();
        if n == 0 {
            break;
        }
        raw.extend_from_slice(&buf[..n]);
    }
    let rest = String::from_utf8_lossy(&raw[head_end..]).into_owned();
    let payload = if chunked { dechunk(&rest) } else { rest };
    serde_json::from_str(&payload)
        .unwrap_or_else(|e| panic!("chromedriver said ({e}): {head}\n{payload}"))
}

fn dechunk(mut rest: &str) -> String {
    let mut out = String::new();
    loop {
        let (size, after) = rest.split_once("\r\n").unwrap();
        let size = usize::from_str_radix(size.trim(), 16).unwrap();
        if size == 0 {
            return out;
        }
        out.push_str(&after[..size]);
        rest = &after[size + 2..];
    }
}

struct Browser {
    port: u16,
    session: String,
    driver: tokio::process::Child,
}

impl Browser {
    async fn start() -> Self {
        Self::launch(json!({})).await
    }

    /// A browser whose viewport is a phone's: `width` × `height` CSS pixels, touch, one device
    /// pixel per CSS pixel (so screenshots stay small).
    async fn phone(width: u32, height: u32) -> Self {
        Self::launch(json!({"mobileEmulation": {"deviceMetrics": {
            "width": width, "height": height, "pixelRatio": 1.0, "mobile": true, "touch": true
        }}}))
        .await
    }

    /// Starts chromedriver and a session; `extra` adds to the Chromium options.
    async fn launch(extra: Value) -> Self {
        let driver_path = std::env::var("SAATHI_CHROMEDRIVER")
            .expect("SAATHI_CHROMEDRIVER is not set: run the tests with ./scripts/test, which installs chromedriver");
        let chromium =
            std::env::var("SAATHI_CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
        let port = TcpListener::bind("127.0.0.1:0")
            .await
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let driver = tokio::process::Command::new(driver_path)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .unwrap();
        let mut ready = false;
        for _ in 0..100 {
            if TcpStream::connect(("127.0.0.1", port)).await.is_ok() {
                ready = true;
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert!(ready, "chromedriver did not start on port {port}");
        let profile =
            std::env::temp_dir().join(format!("saathi-chromium-{}", domain::UserId::new()));
        let mut options = json!({
            "binary": chromium,
            "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--disable-dev-shm-usage", "--window-size=1200,900",
                     format!("--user-data-dir={}", profile.display())]
        });
        if let (Some(options), Some(extra)) = (options.as_object_mut(), extra.as_object()) {
            options.extend(extra.clone());
        }
        let capabilities =
            json!({"capabilities": {"alwaysMatch": {"goog:chromeOptions": options}}});
        let reply = http(port, "POST", "/session", Some(&capabilities)).await;
        let session = reply["value"]["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no browser session: {reply}"))
            .to_string();
        Self {
            port,
            session,
            driver,
        }
    }

    async fn command(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let path = format!("/session/{}{path}", self.session);
        let reply = http(self.port, method, &path, body.as_ref()).await;
        assert!(
            reply["value"].get("error").is_none(),
            "{method} {path}: {reply}"
        );
        reply["value"].clone()
    }

    async fn go(&self, url: &str) {
        self.command("POST", "/url", Some(json!({ "url": url })))
            .await;
    }

    async fn find(&self, css: &str) -> String {
        let found = self
            .command(
                "POST",
                "/element",
                Some(json!({"using": "css selector", "value": css})),
            )
            .await;
        found[ELEMENT].as_str().unwrap().to_string()
    }

    async fn type_into(&self, css: &str, text: &str) {
        let id = self.find(css).await;
        self.command(
            "POST",
            &format!("/element/{id}/value"),
            Some(json!({ "text": text })),
        )
        .await;
    }

    async fn click(&self, css: &str) {
        let id = self.find(css).await;
        self.command("POST", &format!("/element/{id}/click"), Some(json!({})))
            .await;
    }

    async fn text(&self, css: &str) -> String {
        let id = self.find(css).await;
        self.command("GET", &format!("/element/{id}/text"), None)
            .await
            .as_str()
            .unwrap()
            .to_string()
    }

    /// `<html lang>`, or "" while a navigation makes the element stale.
    async fn html_lang(&self) -> String {
        let base = format!("/session/{}", self.session);
        let by = json!({"using": "css selector", "value": "html"});
        let found = http(self.port, "POST", &format!("{base}/element"), Some(&by)).await;
        let Some(id) = found["value"][ELEMENT].as_str() else {
            return String::new();
        };
        let lang = http(
            self.port,
            "GET",
            &format!("{base}/element/{id}/attribute/lang"),
            None,
        )
        .await;
        lang["value"].as_str().unwrap_or("").to_string()
    }

    /// The text of every element `css` finds, in order.
    async fn texts(&self, css: &str) -> Vec<String> {
        let found = self
            .command(
                "POST",
                "/elements",
                Some(json!({"using": "css selector", "value": css})),
            )
            .await;
        let mut texts = Vec::new();
        for element in found.as_array().unwrap() {
            let id = element[ELEMENT].as_str().unwrap();
            let text = self
                .command("GET", &format!("/element/{id}/text"), None)
                .await;
            texts.push(text.as_str().unwrap().to_string());
        }
        texts
    }

    /// The text of the first element `css` finds once there is one, or "" after ten seconds.
    async fn wait_for_text(&self, css: &str) -> String {
        for _ in 0..100 {
            if let Some(text) = self.texts(css).await.into_iter().next() {
                return text;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        String::new()
    }

    /// Signs in on the sign-in page and waits for her home page.
    async fn sign_in(&self, base: &str, username: &str) {
        self.go(&format!("{base}/sign-in")).await;
        self.type_into("#username", username).await;
        self.type_into("#password", PASSWORD).await;
        self.click("form[action='/sign-in'] button[type=submit]")
            .await;
        // A click may return before the navigation it starts has finished: wait for it.
        let landed = self.wait_for_url(&format!("{base}/")).await;
        if landed != format!("{base}/") {
            let page = self.command("GET", "/source", None).await;
            panic!("signed in, she should land on her home page, not {landed}: {page}");
        }
    }

    async fn url(&self) -> String {
        self.command("GET", "/url", None)
            .await
            .as_str()
            .unwrap()
            .to_string()
    }

    /// The URL once it is `expected`, or whatever it is after ten seconds.
    async fn wait_for_url(&self, expected: &str) -> String {
        let mut url = self.url().await;
        for _ in 0..100 {
            if url == expected {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
            url = self.url().await;
        }
        url
    }

    /// `<html lang>` once it is `expected`, or whatever it is after ten seconds.
    async fn wait_for_lang(&self, expected: &str) -> String {
        let mut lang = self.html_lang().await;
        for _ in 0..100 {
            if lang == expected {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
            lang = self.html_lang().await;
        }
        lang
    }

    async fn screenshot(&self) -> Vec<u8> {
        let data = self.command("GET", "/screenshot", None).await;
        base64::engine::general_purpose::STANDARD
            .decode(data.as_str().unwrap())
            .unwrap()
    }

    async fn quit(mut self) {
        let _ = http(
            self.port,
            "DELETE",
            &format!("/session/{}", self.session),
            None,
        )
        .await;
        let _ = self.driver.kill().await;
    }
}

/// Where screenshots go: `$SAATHI_TEST_ARTIFACTS` (set by scripts/test), else the temp dir.
fn artifacts() -> std::path::PathBuf {
    let dir = std::env::var("SAATHI_TEST_ARTIFACTS")
        .unwrap_or_else(|_| std::env::temp_dir().display().to_string());
    std::fs::create_dir_all(&dir).unwrap();
    std::path::PathBuf::from(dir)
}

/// Serves the harness's app on a free port: (base URL, the server task).
async fn serve(h: &Harness) -> (String, tokio::task::JoinHandle<()>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let app = h.app();
    let server = tokio::spawn(async move {
        axum::serve(
            listener,
            app.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .await
        .unwrap();
    });
    (base, server)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_case_worker_signs_in_and_reads_saathi_in_bengali() {
    let h = Harness::new(Engine::Sqlite).await;
    let (case, _) = h.case().await;
    let (base, server) = serve(&h).await;

    let browser = Browser::start().await;
    let saved = h.user("caseworker.kolkata").await.language;
    browser.sign_in(&base, "caseworker.kolkata").await;

    browser.click("nav.languages a[hreflang=en]").await;
    assert_eq!(browser.wait_for_lang("en").await, "en");
    assert_eq!(
        browser.text("h1").await,
        h.state.i18n.text(Language::En, "home-title")
    );

    browser.click("nav.languages a[hreflang=bn]").await;
    assert_eq!(browser.wait_for_lang("bn").await, "bn");
    assert_eq!(
        browser.text("h1").await,
        h.state.i18n.text(Language::Bn, "home-title")
    );
    let carried = h.state.i18n.text_with(
        Language::Bn,
        "home-my-cases",
        &[("count", i18n::Arg::Count(1))],
    );
    assert_eq!(browser.text("a[href='/cases?mine=on']").await, carried);
    // A wide screen shows the menu's links in the header, without the menu button: the link is
    // what the browser paints at its place. (WebDriver's own test of "displayed" counts
    // anything in a closed <details> as hidden, whatever the page's style.)
    let shown = browser
        .command(
            "POST",
            "/execute/sync",
            Some(json!({"args": [], "script": "
                const a = document.querySelector(\"header nav a[href='/cases']\");
                const r = a.getBoundingClientRect();
                const top = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
                const summary = document.querySelector('details.menu > summary').getBoundingClientRect();
                return [top === a ? a.textContent : null, summary.width];"})),
        )
        .await;
    assert_eq!(
        shown,
        json!([h.state.i18n.text(Language::Bn, "nav-cases"), 0]),
        "the header shows its links on a wide screen"
    );
    let png = browser.screenshot().await;
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let file = artifacts().join("home-caseworker-kolkata-bn.png");
    std::fs::write(&file, &png).unwrap();
    eprintln!("screenshot: {}", file.display());
    assert_eq!(
        h.user("caseworker.kolkata").await.language,
        saved,
        "switching by link changes no saved preference"
    );

    // Open her case from the list, record her hope in Bengali, and see it first on the page.
    browser.go(&format!("{base}/cases")).await;
    browser.click(&format!("a[href='/cases/{case}']")).await;
    assert_eq!(
        browser.wait_for_url(&format!("{base}/cases/{case}")).await,
        format!("{base}/cases/{case}")
    );
    // Her words are the first section the summary links to.
    assert_eq!(
        browser.text("ul.sections a").await,
        h.state.i18n.text(Language::Bn, "voice-heading"),
        "her voice is the first section"
    );
    browser
        .click(&format!("a[href='/cases/{case}/words']"))
        .await;
    let words = format!("{base}/cases/{case}/words");
    assert_eq!(browser.wait_for_url(&words).await, words);
    let hope = "আমি নার্স হতে চাই, মায়ের কাছে থেকে পড়াশোনা করব।";
    browser.type_into("#text", hope).await;
    browser
        .click("form[action$='/voice'] button[type=submit]")
        .await;
    let saved = format!("{base}/cases/{case}/words?saved=voice");
    assert_eq!(browser.wait_for_url(&saved).await, saved);
    assert_eq!(
        browser.text("section.voice blockquote").await,
        hope,
        "her newest words come first"
    );
    // The page says what was saved, once: not again when she comes back to it.
    assert_eq!(
        browser.texts("p.notice").await,
        vec![h.state.i18n.text(Language::Bn, "voice-saved")]
    );
    browser.go(&words).await;
    assert!(browser.texts("p.notice").await.is_empty());
    let case_png = browser.screenshot().await;
    std::fs::write(artifacts().join("case-voice-bn.png"), &case_png).unwrap();

    browser.quit().await;
    server.abort();
    h.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_case_worker_reads_the_completeness_report_and_sends_a_handover() {
    let h = Harness::new(Engine::Sqlite).await;
    let (case, _) = h.case().await;
    let jessore = h.org("Notun Alo, Jessore").await;
    let (base, server) = serve(&h).await;
    let t = |id: &str| h.state.i18n.text(Language::Bn, id);

    let browser = Browser::start().await;
    browser.sign_in(&base, "caseworker.kolkata").await;
    browser.go(&format!("{base}/cases/{case}/handovers")).await;
    browser
        .click(&format!("#handover-to option[value='{jessore}']"))
        .await;
    browser
        .type_into("#handover-reason", "সে যশোরে মায়ের কাছে ফিরতে চায়")
        .await;
    browser
        .click("form[action$='/handovers'] button[type=submit]")
        .await;
    let prefix = format!("{base}/handovers/");
    let mut page = browser.url().await;
    for _ in 0..100 {
        if page.starts_with(&prefix) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
        page = browser.url().await;
    }
    let id: uuid::Uuid = page
        .strip_prefix(&prefix)
        .unwrap_or_else(|| panic!("the handover page should open, not {page}"))
        .parse()
        .unwrap();

    // The completeness report, before anything leaves: her score and what is missing.
    assert_eq!(
        browser.wait_for_text("#report-heading").await,
        t("handover-report")
    );
    let score = browser
        .text("section[aria-labelledby=report-heading] p strong")
        .await;
    let gaps = browser
        .texts("section[aria-labelledby=report-heading] ul li .gap")
        .await;
    assert!(gaps.contains(&t("gap-no-health-summary")), "{gaps:?}");
    let png = browser.screenshot().await;
    std::fs::write(artifacts().join("handover-report-bn.png"), &png).unwrap();

    // Sent with gaps and no reason, the page says a reason is needed; with one, it goes.
    browser
        .click("form[action$='/send'] button[type=submit]")
        .await;
    assert_eq!(
        browser.wait_for_text("p.field-error").await,
        t("error-gaps-need-reason")
    );
    browser
        .type_into("#gaps_reason", "পরিবার অপেক্ষা করছে; স্বাস্থ্যের সারাংশ পরে যাবে")
        .await;
    browser
        .click("form[action$='/send'] button[type=submit]")
        .await;
    assert_eq!(browser.wait_for_url(&page).await, page);
    let terms = browser.texts("dl.facts dt").await;
    let values = browser.texts("dl.facts dd").await;
    let state = terms
        .iter()
        .position(|term| *term == t("handover-state"))
        .map(|i| values[i].clone());
    assert_eq!(state, Some(t("handover-state-sent")));
    let png = browser.screenshot().await;
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let file = artifacts().join("handover-sent-bn.png");
    std::fs::write(&file, &png).unwrap();
    eprintln!("screenshot: {}", file.display());

    let sent = h
        .store
        .handover(id, &domain::scope::CaseScope::Network)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(sent.state, domain::handover::HandoverState::Sent);
    assert_eq!(
        score,
        {
            let (present, checked) = sent.items_when_sent().unwrap();
            let n = |n: usize| i18n::Arg::Text(i18n::format_number(Language::Bn, n as i64));
            h.state.i18n.text_with(
                Language::Bn,
                "handover-present",
                &[("present", n(present)), ("checked", n(checked))],
            )
        },
        "the count she read is the one that was sent"
    );
    assert!(sent.gaps_reason.starts_with("পরিবার অপেক্ষা করছে"));

    browser.quit().await;
    server.abort();
    h.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_trainer_records_a_day_of_attendance_in_bengali() {
    let h = Harness::new(Engine::Sqlite).await;
    let t = |id: &str| h.state.i18n.text(Language::Bn, id);
    // A workshop with two enrolled, through the same code the pages and the API use.
    let trainer = h.user("trainer").await;
    let origin = app::Acting {
        actor: Some(domain::policy::Actor {
            user_id: trainer.id,
            org_id: trainer.org_id,
            roles: trainer.roles.clone(),
            training: Default::default(),
        }),
        source: "test".into(),
        at: crate::common::T0,
    };
    let w = app::training::schedule(
        &h.state,
        &origin,
        &app::training::ScheduleInput {
            workshop: "knowing-the-survivor".into(),
            venue: "Salt Lake, Kolkata".into(),
            starts_on: "2027-01-11".into(),
            announced_on: "2026-11-01".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    for user in ["caseworker.kolkata", "caseworker.howrah"] {
        app::training::enrol(
            &h.store,
            &origin,
            domain::WorkshopId(w.id),
            &app::training::EnrolInput {
                user: user.into(),
                years_in_org: 3,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    }
    let enrolled = h.store.enrolments_of(w.id).await.unwrap();
    let (base, server) = serve(&h).await;

    let browser = Browser::start().await;
    browser.sign_in(&base, "trainer").await;
    let page = format!("{base}/training/workshops/{}", w.id);
    browser.go(&page).await;
    assert_eq!(
        browser.wait_for_text("#attendance-heading").await,
        t("workshop-record-day")
    );
    // The second day; Rupa was there, Shabnam was not.
    browser
        .click("#attend-day option[value='2027-01-12']")
        .await;
    browser
        .click(&format!(
            "input[name=enrolment][value='{}']",
            enrolled[0].0.id
        ))
        .await;
    browser
        .click("form[action$='/attendance'] button[type=submit]")
        .await;
    assert_eq!(
        browser.wait_for_text("p.notice").await,
        t("workshop-attendance-saved")
    );
    let rows = browser
        .texts("section[aria-labelledby=participants-heading] tbody tr")
        .await;
    let one_of_seven = h.state.i18n.text_with(
        Language::Bn,
        "workshop-days-attended",
        &[
            ("count", i18n::Arg::Count(1)),
            (
                "total",
                i18n::Arg::Text(i18n::format_number(Language::Bn, 7)),
            ),
        ],
    );
    assert!(rows[0].contains(&one_of_seven), "{rows:?}");
    assert!(!rows[1].contains(&one_of_seven), "{rows:?}");
    let png = browser.screenshot().await;
    std::fs::write(artifacts().join("workshop-attendance-bn.png"), &png).unwrap();

    let after = h.store.enrolments_of(w.id).await.unwrap();
    assert_eq!(after[0].1, [time::macros::date!(2027 - 01 - 12)]);
    assert!(after[1].1.is_empty());
    browser.quit().await;
    server.abort();
    h.finish().await;
}
