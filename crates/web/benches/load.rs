#![allow(clippy::expect_used)]
//! The load benchmark of issue 12: a small HTTP/1.1 client that drives a running `saathi serve`
//! (any binary: the one built before the services moved and the one after) with many signed-in
//! case workers at once, closed loop, and reports throughput and p50/p99 per operation.
//!
//! It talks to the server only over HTTP, so the same client measures both binaries on the same
//! data. `scripts/load` prepares the data once, copies it before every run, starts the server
//! and calls this client; see docs/benchmarks.md. By hand:
//!
//!     cargo bench -p saathi-web --bench load -- fill --addr 127.0.0.1:8090 --accounts A --cases 20000 --out C
//!     cargo bench -p saathi-web --bench load -- run --addr 127.0.0.1:8090 --accounts A --case-list C
//!     cargo bench -p saathi-web --bench load -- summary RESULTS.tsv…
//!
//! The accounts file has one case worker a line: `username<TAB>password<TAB>API token`.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

// ---------------------------------------------------------------------------------------------
// A minimal HTTP/1.1 keep-alive client: one connection per session, one request at a time.

struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The value of a cookie the reply sets.
    fn cookie(&self, name: &str) -> Option<String> {
        self.headers
            .iter()
            .filter(|(k, _)| k.eq_ignore_ascii_case("set-cookie"))
            .filter_map(|(_, v)| v.split(';').next())
            .filter_map(|pair| pair.split_once('='))
            .find(|(k, _)| k.trim() == name)
            .map(|(_, v)| v.trim().to_string())
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or(Value::Null)
    }
}

struct Conn {
    addr: String,
    stream: Option<BufReader<TcpStream>>,
}

impl Conn {
    fn new(addr: &str) -> Self {
        Self {
            addr: addr.to_string(),
            stream: None,
        }
    }

    async fn send(
        &mut self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> std::io::Result<Reply> {
        let mut request = format!(
            "{method} {path} HTTP/1.1\r\nhost: {}\r\ncontent-length: {}\r\n",
            self.addr,
            body.len()
        );
        for (k, v) in headers {
            request.push_str(k);
            request.push_str(": ");
            request.push_str(v);
            request.push_str("\r\n");
        }
        request.push_str("\r\n");
        let mut bytes = request.into_bytes();
        bytes.extend_from_slice(body);
        // A kept-alive connection the server has closed fails before any byte of the answer:
        // that one is retried once on a new connection.
        let reused = self.stream.is_some();
        match self.exchange(&bytes).await {
            Ok(reply) => Ok(reply),
            Err(err) if reused && err.kind() == std::io::ErrorKind::UnexpectedEof => {
                self.stream = None;
                self.exchange(&bytes).await
            }
            Err(err) => {
                self.stream = None;
                Err(err)
            }
        }
    }

    async fn exchange(&mut self, request: &[u8]) -> std::io::Result<Reply> {
        if self.stream.is_none() {
            let tcp = TcpStream::connect(&self.addr).await?;
            tcp.set_nodelay(true)?;
            self.stream = Some(BufReader::with_capacity(64 * 1024, tcp));
        }
        let Some(stream) = self.stream.as_mut() else {
            return Err(std::io::Error::other("no connection"));
        };
        stream.get_mut().write_all(request).await?;
        let reply = read_reply(stream).await?;
        let close = reply
            .header("connection")
            .is_some_and(|v| v.eq_ignore_ascii_case("close"));
        if close {
            self.stream = None;
        }
        Ok(reply)
    }
}

fn bad(what: &str) -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::InvalidData, what.to_string())
}

async fn read_reply(stream: &mut BufReader<TcpStream>) -> std::io::Result<Reply> {
    let mut line = String::new();
    if stream.read_line(&mut line).await? == 0 {
        return Err(std::io::ErrorKind::UnexpectedEof.into());
    }
    let status: u16 = line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| bad("status line"))?;
    let mut headers = Vec::new();
    loop {
        line.clear();
        if stream.read_line(&mut line).await? == 0 {
            return Err(bad("headers cut short"));
        }
        let l = line.trim_end();
        if l.is_empty() {
            break;
        }
        if let Some((k, v)) = l.split_once(':') {
            headers.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
        }
    }
    let find = |name: &str| {
        headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    };
    let mut body = Vec::new();
    if find("transfer-encoding").is_some_and(|v| v.eq_ignore_ascii_case("chunked")) {
        loop {
            line.clear();
            stream.read_line(&mut line).await?;
            let size = usize::from_str_radix(line.trim().split(';').next().unwrap_or(""), 16)
                .map_err(|_| bad("chunk size"))?;
            if size == 0 {
                // Trailers, then the empty line.
                loop {
                    line.clear();
                    if stream.read_line(&mut line).await? == 0 || line.trim().is_empty() {
                        break;
                    }
                }
                break;
            }
            let start = body.len();
            body.resize(start + size, 0);
            stream.read_exact(&mut body[start..]).await?;
            line.clear();
            stream.read_line(&mut line).await?;
        }
    } else if let Some(length) = find("content-length") {
        let length: usize = length.parse().map_err(|_| bad("content-length"))?;
        body.resize(length, 0);
        stream.read_exact(&mut body).await?;
    } else if status != 204 && status != 304 && !(100..200).contains(&status) {
        stream.read_to_end(&mut body).await?;
    }
    Ok(Reply {
        status,
        headers,
        body,
    })
}

/// `application/x-www-form-urlencoded` (and query strings).
fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

fn form(fields: &[(&str, &str)]) -> String {
    fields
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// The CSRF token a page carries in its forms.
fn csrf_in(page: &str) -> Option<String> {
    let marker = "name=\"csrf\" value=\"";
    let start = page.find(marker)? + marker.len();
    let len = page[start..].find('"')?;
    Some(page[start..start + len].to_string())
}

// ---------------------------------------------------------------------------------------------
// Data

/// A small deterministic generator (no extra dependency).
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Her words, as the case journey bench has them: the search words below are each found in
/// roughly a quarter of the cases.
const WORDS: [(&str, &str); 8] = [
    ("bn", "আমি আবার স্কুলে যেতে চাই, ক্লাস সেভেন থেকে শুরু করব"),
    ("bn", "গ্রামের লোকেরা কী বলবে সেটা ভেবে ভয় লাগে"),
    ("bn", "বাড়ি ফিরে সেলাইয়ের কাজ শিখে নিজের টাকা রোজগার করব"),
    ("bn", "মায়ের কাছে ফিরতে চাই, কিন্তু বাবার ভয় করে"),
    (
        "hi",
        "मैं अपने गाँव वापस जाना चाहती हूँ और पार्लर का काम सीखना चाहती हूँ",
    ),
    ("hi", "मुझे डर है कि वो आदमी फिर से घर आ जाएगा"),
    (
        "en",
        "I want to finish my tenth standard exams before going home",
    ),
    (
        "en",
        "The court visit was scary but the lawyer explained everything",
    ),
];

const SEARCHES: [&str; 5] = ["স্কুল", "সেলাই", "गाँव", "court", "মায়ের ভয়"];

const KINDS: [&str; 5] = ["hope", "fear", "plan", "preference", "feedback"];

struct Account {
    username: String,
    password: String,
    token: String,
}

fn read_accounts(path: &str) -> Vec<Account> {
    std::fs::read_to_string(path)
        .expect("read the accounts file")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let mut parts = l.split('\t');
            let mut next = || parts.next().expect("username, password, token").to_string();
            Account {
                username: next(),
                password: next(),
                token: next(),
            }
        })
        .collect()
}

/// The cases file: `account index<TAB>case id` a line.
fn read_cases(path: &str, accounts: usize) -> Vec<Vec<String>> {
    let mut by_account = vec![Vec::new(); accounts];
    for line in std::fs::read_to_string(path)
        .expect("read the cases file")
        .lines()
    {
        let Some((k, id)) = line.split_once('\t') else {
            continue;
        };
        let k: usize = k.parse().expect("account index");
        if k < accounts {
            by_account[k].push(id.to_string());
        }
    }
    by_account
}

fn expect_status(reply: &Reply, wanted: u16, what: &str) {
    assert_eq!(
        reply.status,
        wanted,
        "{what}: {}",
        reply.text().chars().take(400).collect::<String>()
    );
}

/// Opens `count` cases for each account in turn through the API, as a case worker does: the
/// case (she is assigned to it), two entries of her voice, a daily note, and for a third of them
/// the move to *in care*. Every write goes through the same services and audit as in use.
async fn fill(addr: &str, accounts: Vec<Account>, cases: usize, out: &str) {
    let n = accounts.len();
    assert!(n > 0, "no accounts");
    let started = Instant::now();
    let done = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let mut tasks = Vec::new();
    for (k, account) in accounts.into_iter().enumerate() {
        let addr = addr.to_string();
        let done = done.clone();
        tasks.push(tokio::spawn(async move {
            let mut conn = Conn::new(&addr);
            let bearer = format!("Bearer {}", account.token);
            let json_headers = [
                ("authorization", bearer.as_str()),
                ("content-type", "application/json"),
            ];
            let mut rng = Rng(0x5eed + k as u64);
            let mut ids = Vec::new();
            for i in (k..cases).step_by(n) {
                let r = rng.next();
                let body = json!({"identity": {"name": format!("Synthetic {i}"), "family": "", "address": ""}});
                let reply = conn
                    .send("POST", "/api/v1/cases", &json_headers, body.to_string().as_bytes())
                    .await
                    .expect("open a case");
                expect_status(&reply, 201, "open a case");
                let case = reply.json();
                let id = case["id"].as_str().expect("case id").to_string();
                let version = case["version"].as_i64().expect("case version");
                for v in 0..2 {
                    let (language, text) = WORDS[((r >> (8 * v)) % 8) as usize];
                    let body = json!({
                        "kind": KINDS[v as usize],
                        "text": format!("{text} ({i})"),
                        "language": language,
                        "spoken_on": null,
                        "read_back": true,
                    });
                    let reply = conn
                        .send(
                            "POST",
                            &format!("/api/v1/cases/{id}/voice"),
                            &json_headers,
                            body.to_string().as_bytes(),
                        )
                        .await
                        .expect("record her voice");
                    expect_status(&reply, 201, "record her voice");
                }
                let body = json!({
                    "kind": "daily",
                    "text": format!("আজ সে সময়মতো খেয়েছে, বিকেলে সেলাই ক্লাসে গিয়েছিল ({i})"),
                    "language": "bn",
                });
                let reply = conn
                    .send(
                        "POST",
                        &format!("/api/v1/cases/{id}/notes"),
                        &json_headers,
                        body.to_string().as_bytes(),
                    )
                    .await
                    .expect("write a note");
                expect_status(&reply, 201, "write a note");
                if r.is_multiple_of(3) {
                    let tag = format!("\"{version}\"");
                    let headers = [json_headers[0], json_headers[1], ("if-match", tag.as_str())];
                    let body = json!({"stage": "in-care", "reason": "load bench"});
                    let reply = conn
                        .send(
                            "POST",
                            &format!("/api/v1/cases/{id}/stage"),
                            &headers,
                            body.to_string().as_bytes(),
                        )
                        .await
                        .expect("move to in care");
                    expect_status(&reply, 200, "move to in care");
                }
                ids.push(id);
                let total = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
                if total.is_multiple_of(5_000) {
                    eprintln!(
                        "load: {total} cases ({:.0} s)",
                        started.elapsed().as_secs_f64()
                    );
                }
            }
            (k, ids)
        }));
    }
    let mut lines = String::new();
    for task in tasks {
        let (k, ids) = task.await.expect("a filling task");
        for id in ids {
            lines.push_str(&format!("{k}\t{id}\n"));
        }
    }
    std::fs::write(out, lines).expect("write the cases file");
    eprintln!(
        "load: {cases} cases through the API in {:.0} s",
        started.elapsed().as_secs_f64()
    );
}

// ---------------------------------------------------------------------------------------------
// The measured run

#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
enum Op {
    CasePage,
    CaseList,
    Search,
    VoiceWrite,
    PlanSave,
}

impl Op {
    const ALL: [Op; 5] = [
        Op::CasePage,
        Op::CaseList,
        Op::Search,
        Op::VoiceWrite,
        Op::PlanSave,
    ];

    fn name(self) -> &'static str {
        match self {
            Op::CasePage => "case-page",
            Op::CaseList => "case-list",
            Op::Search => "search",
            Op::VoiceWrite => "voice-write",
            Op::PlanSave => "plan-save",
        }
    }

    /// The mix, out of 100: mostly reading, one request in four a write.
    fn weight(self) -> u64 {
        match self {
            Op::CasePage => 40,
            Op::CaseList => 20,
            Op::Search => 15,
            Op::VoiceWrite => 15,
            Op::PlanSave => 10,
        }
    }

    fn pick(rng: &mut Rng) -> Op {
        let mut roll = rng.next() % 100;
        for op in Op::ALL {
            if roll < op.weight() {
                return op;
            }
            roll -= op.weight();
        }
        Op::CasePage
    }
}

struct Session {
    conn: Conn,
    cookie: String,
    csrf: String,
    bearer: String,
    cases: Vec<String>,
    /// The plan version each case is at, as this session last saw it (a fresh copy of the data
    /// starts every run, so none has a plan yet).
    plans: HashMap<usize, i64>,
    rng: Rng,
    counter: u64,
}

/// Signs in through the form (CSRF double submit), then opens one of her cases to learn the
/// session's CSRF token.
async fn sign_in(addr: &str, k: usize, account: &Account, cases: Vec<String>) -> Session {
    let mut conn = Conn::new(addr);
    let reply = conn
        .send("GET", "/sign-in", &[], b"")
        .await
        .expect("sign-in page");
    expect_status(&reply, 200, "sign-in page");
    let anonymous = reply.cookie("saathi_csrf").expect("the CSRF cookie");
    let body = form(&[
        ("csrf", &anonymous),
        ("username", &account.username),
        ("password", &account.password),
    ]);
    let cookie = format!("saathi_csrf={anonymous}");
    let reply = conn
        .send(
            "POST",
            "/sign-in",
            &[
                ("cookie", &cookie),
                ("content-type", "application/x-www-form-urlencoded"),
            ],
            body.as_bytes(),
        )
        .await
        .expect("sign in");
    expect_status(&reply, 303, "sign in");
    let session = reply.cookie("saathi_session").expect("a session cookie");
    let cookie = format!("saathi_session={session}");
    assert!(!cases.is_empty(), "{} has no cases", account.username);
    let reply = conn
        .send(
            "GET",
            &format!("/cases/{}", cases[0]),
            &[("cookie", &cookie)],
            b"",
        )
        .await
        .expect("a case page");
    expect_status(&reply, 200, "a case page");
    let csrf = csrf_in(&reply.text()).expect("the CSRF token in the case page");
    Session {
        conn,
        cookie,
        csrf,
        bearer: format!("Bearer {}", account.token),
        cases,
        plans: HashMap::new(),
        rng: Rng(0x10ad + k as u64 * 7919),
        counter: 0,
    }
}

fn plan_body(counter: u64) -> String {
    let status = ["open", "in-progress", "achieved"][(counter % 3) as usize];
    json!({"goals": [
        {"domain": "livelihood", "goal": "সেলাইয়ের কাজ শিখে নিজের টাকা রোজগার করবে", "set_by": "her",
         "target": null, "status": status, "actions": [
            {"what": "সেলাই প্রশিক্ষণে ভর্তি", "responsible": null, "target": null, "set_by": "team", "status": status}
         ]},
        {"domain": "family", "goal": "মায়ের সঙ্গে ফোনে কথা বলবে", "set_by": "her",
         "target": null, "status": "open", "actions": []}
    ]})
    .to_string()
}

/// One request of the given kind; Ok(true) when the answer was the one expected.
async fn perform(s: &mut Session, op: Op) -> std::io::Result<bool> {
    let index = s.rng.below(s.cases.len());
    let case = s.cases[index].clone();
    s.counter += 1;
    match op {
        Op::CasePage => {
            let reply = s
                .conn
                .send(
                    "GET",
                    &format!("/cases/{case}"),
                    &[("cookie", &s.cookie)],
                    b"",
                )
                .await?;
            Ok(reply.status == 200)
        }
        Op::CaseList => {
            let stage = if s.rng.next().is_multiple_of(2) {
                "in-care"
            } else {
                "identified"
            };
            let path = format!(
                "/api/v1/cases?stage={stage}&offset={}",
                s.rng.below(20) * 50
            );
            let reply = s
                .conn
                .send("GET", &path, &[("authorization", &s.bearer)], b"")
                .await?;
            Ok(reply.status == 200)
        }
        Op::Search => {
            let word = SEARCHES[s.rng.below(SEARCHES.len())];
            let path = format!("/api/v1/cases?q={}", encode(word));
            let reply = s
                .conn
                .send("GET", &path, &[("authorization", &s.bearer)], b"")
                .await?;
            Ok(reply.status == 200)
        }
        Op::VoiceWrite => {
            let (language, text) = WORDS[s.rng.below(WORDS.len())];
            let text = format!("{text} (load {})", s.counter);
            let kind = KINDS[s.rng.below(KINDS.len())];
            let body = form(&[
                ("csrf", &s.csrf),
                ("kind", kind),
                ("text", &text),
                ("language", language),
                ("spoken_on", ""),
                ("read_back", "on"),
            ]);
            let reply = s
                .conn
                .send(
                    "POST",
                    &format!("/cases/{case}/voice"),
                    &[
                        ("cookie", &s.cookie),
                        ("content-type", "application/x-www-form-urlencoded"),
                    ],
                    body.as_bytes(),
                )
                .await?;
            Ok(reply.status == 303)
        }
        Op::PlanSave => {
            let path = format!("/api/v1/cases/{case}/plan");
            let body = plan_body(s.counter);
            for _attempt in 0..2 {
                let version = s.plans.get(&index).copied().unwrap_or(0);
                let tag = format!("\"{version}\"");
                let reply = s
                    .conn
                    .send(
                        "PUT",
                        &path,
                        &[
                            ("authorization", &s.bearer),
                            ("content-type", "application/json"),
                            ("if-match", &tag),
                        ],
                        body.as_bytes(),
                    )
                    .await?;
                if reply.status == 200 {
                    if let Some(v) = reply
                        .header("etag")
                        .and_then(|t| t.trim_start_matches("W/").trim_matches('"').parse().ok())
                    {
                        s.plans.insert(index, v);
                    }
                    return Ok(true);
                }
                if reply.status != 412 {
                    return Ok(false);
                }
                // Not a fresh copy of the data: learn the plan's version and try once more.
                let reply = s
                    .conn
                    .send("GET", &path, &[("authorization", &s.bearer)], b"")
                    .await?;
                let v = reply
                    .header("etag")
                    .and_then(|t| t.trim_start_matches("W/").trim_matches('"').parse().ok())
                    .unwrap_or(0);
                s.plans.insert(index, v);
            }
            Ok(false)
        }
    }
}

#[derive(Default)]
struct Tally {
    micros: Vec<u32>,
    errors: u64,
    first_error: Option<String>,
}

async fn drive(
    mut s: Session,
    start: Instant,
    warmup: Duration,
    end: Instant,
) -> HashMap<Op, Tally> {
    let mut tallies: HashMap<Op, Tally> = HashMap::new();
    while Instant::now() < end {
        let op = Op::pick(&mut s.rng);
        let began = Instant::now();
        let result = perform(&mut s, op).await;
        let took = began.elapsed();
        if began < start + warmup {
            continue;
        }
        let tally = tallies.entry(op).or_default();
        match result {
            Ok(true) => tally
                .micros
                .push(u32::try_from(took.as_micros()).unwrap_or(u32::MAX)),
            Ok(false) => tally.errors += 1,
            Err(err) => {
                tally.errors += 1;
                tally.first_error.get_or_insert_with(|| err.to_string());
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        }
    }
    tallies
}

fn percentile(sorted: &[u32], q: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let i = ((sorted.len() as f64 - 1.0) * q).round() as usize;
    f64::from(sorted[i]) / 1000.0
}

struct RunArgs {
    addr: String,
    accounts: Vec<Account>,
    cases: String,
    sessions: usize,
    seconds: u64,
    warmup: u64,
    label: String,
    engine: String,
    out: Option<String>,
}

async fn run(args: RunArgs) {
    let sessions = args.sessions.min(args.accounts.len());
    assert!(sessions > 0, "no accounts to sign in");
    let mut cases = read_cases(&args.cases, sessions);
    let loaded: usize = cases.iter().map(Vec::len).sum();
    eprintln!("run: signing in {sessions} case workers ({loaded} of their cases in the draw)…");
    let mut signed_in = Vec::new();
    for (k, account) in args.accounts.iter().take(sessions).enumerate() {
        let mine = std::mem::take(&mut cases[k]);
        signed_in.push(sign_in(&args.addr, k, account, mine).await);
    }
    let warmup = Duration::from_secs(args.warmup);
    let measured = Duration::from_secs(args.seconds);
    eprintln!(
        "run: {sessions} sessions, {} s warm-up, {} s measured…",
        args.warmup, args.seconds
    );
    let start = Instant::now();
    let end = start + warmup + measured;
    let tasks: Vec<_> = signed_in
        .into_iter()
        .map(|s| tokio::spawn(drive(s, start, warmup, end)))
        .collect();
    let mut all: HashMap<Op, Tally> = HashMap::new();
    for task in tasks {
        for (op, tally) in task.await.expect("a session") {
            let into = all.entry(op).or_default();
            into.micros.extend(tally.micros);
            into.errors += tally.errors;
            if into.first_error.is_none() {
                into.first_error = tally.first_error;
            }
        }
    }
    let elapsed = Instant::now().saturating_duration_since(start + warmup);
    let secs = elapsed.as_secs_f64().max(measured.as_secs_f64());
    let mut total = 0usize;
    let mut tsv = String::new();
    println!(
        "{:<10} {:<12} {:>8} {:>9} {:>9} {:>9} {:>9} {:>7}",
        "engine", "operation", "requests", "per s", "p50 ms", "p99 ms", "max ms", "errors"
    );
    for op in Op::ALL {
        let mut tally = all.remove(&op).unwrap_or_default();
        tally.micros.sort_unstable();
        let n = tally.micros.len();
        total += n;
        let (p50, p99, max) = (
            percentile(&tally.micros, 0.5),
            percentile(&tally.micros, 0.99),
            percentile(&tally.micros, 1.0),
        );
        println!(
            "{:<10} {:<12} {n:>8} {:>9.1} {p50:>9.2} {p99:>9.2} {max:>9.2} {:>7}",
            args.engine,
            op.name(),
            n as f64 / secs,
            tally.errors
        );
        if let Some(err) = tally.first_error {
            println!("           first {} error: {err}", op.name());
        }
        tsv.push_str(&format!(
            "{}\t{}\t{}\t{n}\t{:.1}\t{p50:.3}\t{p99:.3}\t{}\n",
            args.label,
            args.engine,
            op.name(),
            n as f64 / secs,
            tally.errors
        ));
    }
    println!(
        "{:<10} {:<12} {total:>8} {:>9.1}   ({sessions} sessions, {secs:.0} s)",
        args.engine,
        "all",
        total as f64 / secs
    );
    tsv.push_str(&format!(
        "{}\t{}\tall\t{total}\t{:.1}\t\t\t\n",
        args.label,
        args.engine,
        total as f64 / secs
    ));
    if let Some(out) = args.out {
        std::fs::write(&out, tsv).expect("write the results file");
    }
}

// ---------------------------------------------------------------------------------------------
// Summary of several runs

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    match v.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
    }
}

fn spread(v: &[f64], decimals: usize) -> String {
    let lo = v.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = v.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    format!("{lo:.decimals$}–{hi:.decimals$}")
}

/// Binary label, engine, operation.
type Key = (String, String, String);

/// Medians over runs (and their range), one row per label, engine and operation, as a Markdown
/// table.
fn summary(files: &[String]) {
    // (label, engine, op) → [(rate, p50, p99, errors)]
    let mut rows: Vec<(Key, Vec<[f64; 4]>)> = Vec::new();
    for file in files {
        for line in std::fs::read_to_string(file)
            .expect("read a results file")
            .lines()
        {
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 8 {
                continue;
            }
            let key = (f[0].to_string(), f[1].to_string(), f[2].to_string());
            let num = |s: &str| s.parse::<f64>().unwrap_or(f64::NAN);
            let value = [num(f[4]), num(f[5]), num(f[6]), num(f[7])];
            match rows.iter_mut().find(|(k, _)| *k == key) {
                Some((_, v)) => v.push(value),
                None => rows.push((key, vec![value])),
            }
        }
    }
    println!(
        "| binary | engine | operation | runs | requests/s median (range) | p50 ms median (range) | p99 ms median (range) | errors |"
    );
    println!("| --- | --- | --- | --- | --- | --- | --- | --- |");
    for ((label, engine, op), values) in rows {
        let col = |i: usize| values.iter().map(|v| v[i]).collect::<Vec<_>>();
        let (rate, p50, p99) = (col(0), col(1), col(2));
        let errors: u64 = col(3)
            .iter()
            .filter(|e| e.is_finite())
            .map(|e| *e as u64)
            .sum();
        let latency = |v: &[f64]| {
            if v.iter().all(|x| x.is_nan()) {
                String::new()
            } else {
                format!("{:.2} ({})", median(v.to_vec()), spread(v, 2))
            }
        };
        println!(
            "| {label} | {engine} | {op} | {} | {:.0} ({}) | {} | {} | {errors} |",
            values.len(),
            median(rate.clone()),
            spread(&rate, 0),
            latency(&p50),
            latency(&p99),
        );
    }
}

// ---------------------------------------------------------------------------------------------

const USAGE: &str = "usage (see scripts/load and docs/benchmarks.md):
  load fill    --addr HOST:PORT --accounts FILE --cases N --out CASES_FILE
  load run     --addr HOST:PORT --accounts FILE --case-list CASES_FILE
               [--sessions 50] [--seconds 30] [--warmup 5] [--label L] [--engine E] [--out RESULTS.tsv]
  load summary RESULTS.tsv…";

fn main() {
    // `cargo bench` adds `--bench`; it means nothing here.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let Some(command) = args.first().cloned() else {
        println!("{USAGE}");
        return;
    };
    let mut options: HashMap<String, String> = HashMap::new();
    let mut positional = Vec::new();
    let mut rest = args[1..].iter();
    while let Some(a) = rest.next() {
        match a.strip_prefix("--") {
            Some(key) => {
                let value = rest
                    .next()
                    .unwrap_or_else(|| panic!("--{key} needs a value"));
                options.insert(key.to_string(), value.clone());
            }
            None => positional.push(a.clone()),
        }
    }
    let get = |key: &str| -> String {
        options
            .get(key)
            .cloned()
            .unwrap_or_else(|| panic!("--{key} is needed\n{USAGE}"))
    };
    let number = |key: &str, default: u64| -> u64 {
        options
            .get(key)
            .map(|v| v.parse().unwrap_or_else(|_| panic!("--{key}: a number")))
            .unwrap_or(default)
    };
    // One thread: the client takes as little as it can of the cores the server needs.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime");
    match command.as_str() {
        "fill" => runtime.block_on(fill(
            &get("addr"),
            read_accounts(&get("accounts")),
            number("cases", 20_000) as usize,
            &get("out"),
        )),
        "run" => runtime.block_on(run(RunArgs {
            addr: get("addr"),
            accounts: read_accounts(&get("accounts")),
            cases: get("case-list"),
            sessions: number("sessions", 50) as usize,
            seconds: number("seconds", 30),
            warmup: number("warmup", 5),
            label: options.get("label").cloned().unwrap_or_else(|| "-".into()),
            engine: options.get("engine").cloned().unwrap_or_else(|| "-".into()),
            out: options.get("out").cloned(),
        })),
        "summary" => summary(&positional),
        _ => println!("{USAGE}"),
    }
}
