#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The case journey at network scale: loads synthetic cases with her voice and a daily note each into a fresh store,
//! then times the three things people wait for — the case page, the case list with a filter,
//! and a search of her words — through the whole web stack (router, policy, store, template).
//!
//!     cargo bench -p saathi-web --bench case_journey
//!
//! `SAATHI_BENCH_CASES` (default 100000) sets the size; with `SAATHI_TEST_POSTGRES_URL` set
//! (scripts/test-deps --env prints it) PostgreSQL is measured too. Reports median and p99.
//!
//! Loading 100,000 cases takes a quarter of an hour on SQLite, so two switches help iterate:
//! `SAATHI_BENCH_KEEP=DIR` keeps the SQLite database loaded at `DIR/case-journey-N.db` and
//! reuses it on the next run (migrating it, so new indexes apply; nothing is loaded again);
//! `SAATHI_BENCH_ONLY=indicators` times the indicator page alone. A reused database times only
//! the indicators (its case ids are not kept).

use std::sync::Arc;
use std::time::{Duration, Instant};

use app::{demo, token};
use axum::body::Body;
use axum::http::{Request, StatusCode};
use domain::audit::{AuditAction, AuditEvent};
use domain::case::{Identity, StageChange};
use domain::voice::VoiceFields;
use domain::{CaseCode, CaseId, FixedClock, Language, Stage, Timestamp, VoiceId, VoiceKind};
use http_body_util::BodyExt;
use saathi_web::{AppState, WebConfig, router};
use store::{NewCase, NewVoice, Store};
use testkit::TestStore;
use tower::ServiceExt;

const T0: Timestamp = Timestamp(1_795_910_400_000);

const WORDS: [(Language, &str); 8] = [
    (Language::Bn, "আমি আবার স্কুলে যেতে চাই, ক্লাস সেভেন থেকে শুরু করব"),
    (Language::Bn, "গ্রামের লোকেরা কী বলবে সেটা ভেবে ভয় লাগে"),
    (Language::Bn, "বাড়ি ফিরে সেলাইয়ের কাজ শিখে নিজের টাকা রোজগার করব"),
    (Language::Bn, "মায়ের কাছে ফিরতে চাই, কিন্তু বাবার ভয় করে"),
    (
        Language::Hi,
        "मैं अपने गाँव वापस जाना चाहती हूँ और पार्लर का काम सीखना चाहती हूँ",
    ),
    (Language::Hi, "मुझे डर है कि वो आदमी फिर से घर आ जाएगा"),
    (
        Language::En,
        "I want to finish my tenth standard exams before going home",
    ),
    (
        Language::En,
        "The court visit was scary but the lawyer explained everything",
    ),
];

/// A small deterministic generator (no extra dependency).
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

async fn load(store: &Arc<dyn Store>, cases: usize) -> (domain::UserId, Vec<CaseId>) {
    demo::load_network(store, T0).await.unwrap();
    let worker = store
        .user_by_username(&"caseworker.kolkata".parse().unwrap())
        .await
        .unwrap()
        .unwrap();
    let mut rng = Rng(0x5eed);
    let mut ids = Vec::with_capacity(cases);
    let started = Instant::now();
    for i in 0..cases {
        let r = rng.next();
        let new = NewCase {
            intake: Default::default(),
            id: CaseId::new(),
            code: CaseCode::from_random([
                (i >> 24) as u8,
                (i >> 16) as u8,
                (i >> 8) as u8,
                i as u8,
                0x5a,
            ]),
            custodian: worker.org_id,
            opened_at: T0.plus_seconds(-((r % 700) as i64) * 86_400),
            assigned: vec![worker.id],
            identity: Identity {
                name: format!("Synthetic {i}"),
                family: String::new(),
                address: String::new(),
            },
        };
        let event = AuditEvent::new(T0, AuditAction::CaseCreated, "bench").from_source("bench");
        store.create_case(&new, event).await.unwrap();
        for k in 0..2 {
            let (language, text) = WORDS[((r >> (8 * k)) % 8) as usize];
            let voice = NewVoice {
                id: VoiceId::new(),
                case_id: new.id,
                fields: VoiceFields {
                    kind: VoiceKind::ALL[k as usize],
                    text: format!("{text} ({i})"),
                    language,
                    spoken_on: T0.to_datetime().date(),
                    read_back: true,
                },
                recorded_by: worker.id,
                recorded_at: T0,
            };
            let event =
                AuditEvent::new(T0, AuditAction::VoiceRecorded, "bench").from_source("bench");
            store.record_voice(&voice, event).await.unwrap();
        }
        let note = domain::note::Note {
            id: uuid::Uuid::now_v7(),
            case_id: new.id,
            kind: domain::note::NoteKind::Daily,
            text: format!("আজ সে সময়মতো খেয়েছে, বিকেলে সেলাই ক্লাসে গিয়েছিল ({i})"),
            language: Language::Bn,
            response: None,
            written_by: worker.id,
            written_at: T0,
        };
        let event = AuditEvent::new(T0, AuditAction::NoteWritten, "bench").from_source("bench");
        store.add_note(&note, event).await.unwrap();
        if r.is_multiple_of(3) {
            let change = StageChange {
                from: Stage::Identified,
                to: Stage::InCare,
                reason: "bench".into(),
                by: Some(worker.id),
                at: T0,
            };
            let event =
                AuditEvent::new(T0, AuditAction::CaseStageChanged, "bench").from_source("bench");
            store.change_stage(new.id, 1, &change, event).await.unwrap();
        }
        ids.push(new.id);
        if (i + 1).is_multiple_of(10_000) {
            eprintln!(
                "  loaded {} cases ({:.0} s)",
                i + 1,
                started.elapsed().as_secs_f64()
            );
        }
    }
    (worker.id, ids)
}

struct Timing {
    name: &'static str,
    samples: Vec<Duration>,
}

impl Timing {
    fn report(mut self, engine: &str) {
        self.samples.sort();
        let at = |q: f64| self.samples[((self.samples.len() as f64 - 1.0) * q).round() as usize];
        println!(
            "{engine:<10} {:<28} n={:<5} median {:>8.2} ms   p99 {:>8.2} ms",
            self.name,
            self.samples.len(),
            at(0.5).as_secs_f64() * 1000.0,
            at(0.99).as_secs_f64() * 1000.0
        );
    }
}

async fn time_get(
    router: &axum::Router,
    bearer: Option<&str>,
    cookie: Option<&str>,
    paths: &[String],
    name: &'static str,
) -> Timing {
    let mut samples = Vec::with_capacity(paths.len());
    for path in paths {
        let mut request = Request::builder().uri(path.as_str());
        if let Some(token) = bearer {
            request = request.header("authorization", format!("Bearer {token}"));
        }
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie);
        }
        let started = Instant::now();
        let response = router
            .clone()
            .oneshot(request.body(Body::empty()).unwrap())
            .await
            .unwrap();
        let status = response.status();
        let _ = response.into_body().collect().await.unwrap();
        samples.push(started.elapsed());
        assert_eq!(status, StatusCode::OK, "{path}");
    }
    Timing { name, samples }
}

/// A signed-in session for `user`, as its cookie header.
async fn session_for(store: &Arc<dyn Store>, user: domain::UserId) -> String {
    let session = token::random_hex();
    store
        .create_session(&store::NewSession {
            id_hash: token::hash_secret(&session),
            user_id: user,
            csrf_token: token::random_hex(),
            created_at: T0,
            expires_at: T0.plus_seconds(86_400 * 365),
        })
        .await
        .unwrap();
    format!("saathi_session={session}")
}

/// A store for the run: a temporary one, or one kept in a file (`SAATHI_BENCH_KEEP`) and
/// whether it was loaded before.
enum Bench {
    Fresh(TestStore),
    Kept { store: Arc<dyn Store>, loaded: bool },
}

async fn measure(engine: &str, bench: Bench, cases: usize) {
    let (store, fresh) = match &bench {
        Bench::Fresh(t) => (t.store.clone(), true),
        Bench::Kept { store, loaded } => (store.clone(), !loaded),
    };
    let (worker, ids) = if fresh {
        eprintln!("{engine}: loading {cases} cases with two voice entries and a note each…");
        let started = Instant::now();
        let loaded = load(&store, cases).await;
        eprintln!(
            "{engine}: loaded in {:.0} s",
            started.elapsed().as_secs_f64()
        );
        loaded
    } else {
        eprintln!("{engine}: reusing the {cases} cases loaded before");
        let worker = store
            .user_by_username(&"caseworker.kolkata".parse().unwrap())
            .await
            .unwrap()
            .unwrap();
        (worker.id, Vec::new())
    };
    let only_indicators = matches!(bench, Bench::Kept { loaded: true, .. })
        || std::env::var("SAATHI_BENCH_ONLY").is_ok_and(|v| v == "indicators");
    let state = AppState::new(
        store.clone(),
        Arc::new(i18n::I18n::load().unwrap()),
        Arc::new(FixedClock::at(T0)),
        WebConfig::default(),
    )
    .unwrap();
    let router = router(state.clone());

    // A session for the page, a token for the API.
    let cookie = session_for(&store, worker).await;
    let secret = token::new_api_token();
    let event = AuditEvent::new(T0, AuditAction::TokenCreated, "bench").from_source("bench");
    store
        .create_token(
            domain::TokenId::new(),
            worker,
            &token::hash_secret(&secret),
            "bench",
            T0.plus_seconds(86_400 * 365),
            event,
        )
        .await
        .unwrap();

    if !only_indicators {
        journey(engine, &router, &cookie, &secret, &ids).await;
    }
    indicators(engine, &store, &router, &state.app).await;
    if let Bench::Fresh(t) = bench {
        t.finish().await;
    }
}

/// The case page, the case list with a filter, and a search of her words.
async fn journey(engine: &str, router: &axum::Router, cookie: &str, secret: &str, ids: &[CaseId]) {
    let (router, cookie, secret) = (router.clone(), cookie.to_string(), secret.to_string());
    let mut rng = Rng(42);
    let pages: Vec<String> = (0..300)
        .map(|_| format!("/cases/{}", ids[(rng.next() % ids.len() as u64) as usize]))
        .collect();
    time_get(&router, None, Some(&cookie), &pages[..20], "warm-up").await;
    time_get(&router, None, Some(&cookie), &pages, "case page (HTML)")
        .await
        .report(engine);
    let lists: Vec<String> = (0..300)
        .map(|i| {
            format!(
                "/api/v1/cases?stage={}&offset={}",
                if i % 2 == 0 { "in-care" } else { "identified" },
                (i % 10) * 50
            )
        })
        .collect();
    time_get(
        &router,
        Some(&secret),
        None,
        &lists,
        "case list, stage filter",
    )
    .await
    .report(engine);
    let queries = [
        "%E0%A6%B8%E0%A7%8D%E0%A6%95%E0%A7%81%E0%A6%B2",
        "%E0%A6%B8%E0%A7%87%E0%A6%B2%E0%A6%BE%E0%A6%87",
        "%E0%A4%97%E0%A4%BE%E0%A4%81%E0%A4%B5",
        "court",
        "%E0%A6%AE%E0%A6%BE%E0%A6%AF%E0%A6%BC%E0%A7%87%E0%A6%B0+%E0%A6%AD%E0%A6%AF%E0%A6%BC",
    ];
    let searches: Vec<String> = (0..300)
        .map(|i| format!("/api/v1/cases?q={}", queries[i % queries.len()]))
        .collect();
    time_get(&router, Some(&secret), None, &searches, "search her words")
        .await
        .report(engine);
}

/// A voice entry on `case`, as a worker writes one: a change, so it moves the change mark.
async fn write_voice(store: &Arc<dyn Store>, case: CaseId, worker: domain::UserId, i: usize) {
    let (language, text) = WORDS[i % WORDS.len()];
    let voice = NewVoice {
        id: VoiceId::new(),
        case_id: case,
        fields: VoiceFields {
            kind: VoiceKind::ALL[i % 2],
            text: format!("{text} (write {i})"),
            language,
            spoken_on: T0.to_datetime().date(),
            read_back: !i.is_multiple_of(3),
        },
        recorded_by: worker,
        recorded_at: T0,
    };
    let event = AuditEvent::new(T0, AuditAction::VoiceRecorded, "bench").from_source("bench");
    store.record_voice(&voice, event).await.unwrap();
}

/// Whether the indicator page says newer figures are being computed.
async fn page_is_refreshing(router: &axum::Router, cookie: &str, path: &str) -> bool {
    let request = Request::builder()
        .uri(path)
        .header("cookie", cookie)
        .body(Body::empty())
        .unwrap();
    let response = router.clone().oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    let body = response.into_body().collect().await.unwrap().to_bytes();
    String::from_utf8_lossy(&body).contains("role=\"status\"")
}

async fn indicators(engine: &str, store: &Arc<dyn Store>, router: &axum::Router, app: &app::App) {
    let router = router.clone();
    // Every refresh may follow the one before at once: the benchmark measures how long a
    // computation keeps figures stale, not the minute a server waits between refreshes
    // (`app::indicators::cache::REFRESH_INTERVAL`, added to it in service).
    app.set_indicator_refresh_interval(Duration::ZERO);
    // A case of the director's organisation to write her words on between views.
    let worker = store
        .user_by_username(&"caseworker.kolkata".parse().unwrap())
        .await
        .unwrap()
        .unwrap();
    let case = NewCase {
        intake: Default::default(),
        id: CaseId::new(),
        code: CaseCode::from_random([0xbe, 0x4c, 0x11, 0x7e, 0x5a]),
        custodian: worker.org_id,
        opened_at: T0.plus_seconds(-86_400 * 30),
        assigned: vec![worker.id],
        identity: Identity::default(),
    };
    let event = AuditEvent::new(T0, AuditAction::CaseCreated, "bench").from_source("bench");
    store.create_case(&case, event).await.unwrap();
    let mut writes = 0;
    // The indicators (issue 13): the director of the organisation holding every loaded case,
    // and the network admin's side-by-side view, for a quarter and for a year (each with its
    // four-quarter trend). Fewer samples: each is a whole report.
    for (username, path, name) in [
        (
            "director.kolkata",
            "/indicators?period=2026-Q3",
            "indicators, director, quarter",
        ),
        (
            "director.kolkata",
            "/indicators?period=2026",
            "indicators, director, year",
        ),
        (
            "admin",
            "/indicators?period=2026-Q3",
            "indicators, network, quarter",
        ),
    ] {
        let user = store
            .user_by_username(&username.parse().unwrap())
            .await
            .unwrap()
            .unwrap_or_else(|| panic!("{username} in the demo network"));
        let cookie = session_for(store, user.id).await;
        let paths = vec![path.to_string(); 40];
        // The first view: when nothing is kept for its years (the director's quarter and
        // year), it computes their tables, every request waiting on the one computation
        // (`app::indicators::cache`; `serve` starts it for today's quarter and year before the
        // first director asks); the network's quarter reads the years the director's did.
        // Then 40 views of kept, fresh figures.
        time_get(
            &router,
            None,
            Some(&cookie),
            &paths[..1],
            "  first view (1 request)",
        )
        .await
        .report(engine);
        time_get(&router, None, Some(&cookie), &paths, name)
            .await
            .report(engine);
        // A voice entry written before every view: each is answered from the kept figures
        // while a refresh runs beside it (one at a time; the next starts on the view after).
        let mut samples = Vec::with_capacity(40);
        for _ in 0..40 {
            write_voice(store, case.id, worker.id, writes).await;
            writes += 1;
            samples.extend(
                time_get(&router, None, Some(&cookie), &paths[..1], "")
                    .await
                    .samples,
            );
        }
        Timing {
            name: "  each after a write",
            samples,
        }
        .report(engine);
        // How long until a write shows: from the write to the first view answered from
        // figures computed after it.
        let mut stale = Vec::new();
        for _ in 0..3 {
            app.indicators_settled().await;
            write_voice(store, case.id, worker.id, writes).await;
            writes += 1;
            let written = Instant::now();
            while page_is_refreshing(&router, &cookie, path).await {
                app.indicators_settled().await;
            }
            stale.push(written.elapsed());
        }
        Timing {
            name: "  until a write shows",
            samples: stale,
        }
        .report(engine);
        app.indicators_settled().await;
    }
}

fn main() {
    let cases: usize = std::env::var("SAATHI_BENCH_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        println!("case journey benchmark: {cases} cases, 2 voice entries and 1 note each, {} cores", std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1));
        let sqlite = match std::env::var("SAATHI_BENCH_KEEP") {
            Ok(dir) => {
                let path = std::path::Path::new(&dir).join(format!("case-journey-{cases}.db"));
                let loaded = path.exists();
                let url = format!("sqlite://{}", path.display());
                Bench::Kept {
                    store: store::open(&url).await.unwrap(),
                    loaded,
                }
            }
            Err(_) => Bench::Fresh(TestStore::sqlite().await.unwrap()),
        };
        measure("sqlite", sqlite, cases).await;
        if std::env::var("SAATHI_TEST_POSTGRES_URL").is_ok() {
            measure("postgres", Bench::Fresh(TestStore::postgres().await.unwrap()), cases).await;
        } else {
            println!("postgres   skipped: set SAATHI_TEST_POSTGRES_URL (eval \"$(scripts/test-deps --env)\")");
        }
    });
}
