//! Nothing acknowledged is lost (issue 16): `saathi serve` on SQLite answers audited reads in
//! batches (group commit); killed with SIGKILL in the middle of a load, every read it answered
//! with 200 has its audit entry when the database is opened again, and the chain verifies.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use domain::audit::AuditAction;
use testkit::TestStore;

use crate::{free_port, saathi, saathi_stdin, stderr, stdout};

/// One request on its own connection: the status and the body, or `None` if the server did
/// not answer (it was killed).
fn request(port: u16, method: &str, path: &str, token: &str, body: &str) -> Option<(u16, String)> {
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .ok()?;
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {token}\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).ok()?;
    let mut response = String::new();
    stream.read_to_string(&mut response).ok()?;
    let status = response.get(9..12)?.parse().ok()?;
    let body = response.split_once("\r\n\r\n")?.1.to_string();
    Some((status, body))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_killed_server_loses_no_answered_reading() {
    let t = TestStore::sqlite().await.unwrap();
    let url = t.url().to_string();
    let org = saathi(
        &url,
        &[
            "org",
            "add",
            "--name",
            "Kolkata shelter",
            "--kind",
            "destination",
            "--country",
            "IN",
            "--languages",
            "bn,en",
        ],
    );
    assert!(org.status.success(), "{}", stderr(&org));
    let user = saathi_stdin(
        &url,
        &[
            "user",
            "add",
            "--org",
            "Kolkata shelter",
            "--username",
            "caseworker.kolkata",
            "--role",
            "case-worker",
            "--password-stdin",
        ],
        "nodir-dhare-bari-amar\n",
    );
    assert!(user.status.success(), "{}", stderr(&user));
    let created = saathi(&url, &["token", "create", "--user", "caseworker.kolkata"]);
    assert!(created.status.success(), "{}", stderr(&created));
    let token = stdout(&created);

    let port = free_port();
    let mut server = Command::new(env!("CARGO_BIN_EXE_saathi"))
        .args(["--database-url", &url, "serve", "--listen"])
        .arg(format!("127.0.0.1:{port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut up = false;
    for _ in 0..300 {
        if request(port, "GET", "/api/v1/me", &token, "").is_some_and(|(s, _)| s == 200) {
            up = true;
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    if !up {
        let _ = server.kill();
        panic!("saathi serve did not answer within 30 s");
    }

    // Her cases, opened through the API.
    let mut cases = Vec::new();
    for i in 0..6 {
        let body =
            format!(r#"{{"identity": {{"name": "Synthetic {i}", "family": "", "address": ""}}}}"#);
        let (status, reply) = request(port, "POST", "/api/v1/cases", &token, &body).unwrap();
        assert_eq!(status, 201, "{reply}");
        let id = reply
            .split("\"id\":\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .unwrap()
            .to_string();
        cases.push(id);
    }

    // Sixteen readers at once, each reading her words again and again (every read audited),
    // counting the answers of 200 per case, until the server is killed under them.
    let answered: Arc<Mutex<HashMap<String, usize>>> = Arc::default();
    let stop = Arc::new(AtomicBool::new(false));
    let readers: Vec<_> = (0..16)
        .map(|k| {
            let (answered, stop, token, cases) =
                (answered.clone(), stop.clone(), token.clone(), cases.clone());
            std::thread::spawn(move || {
                let mut n = k;
                while !stop.load(Ordering::Relaxed) {
                    let case = &cases[n % cases.len()];
                    n += 1;
                    match request(
                        port,
                        "GET",
                        &format!("/api/v1/cases/{case}/voice"),
                        &token,
                        "",
                    ) {
                        Some((200, _)) => {
                            *answered.lock().unwrap().entry(case.clone()).or_default() += 1;
                        }
                        Some((status, body)) => panic!("{status}: {body}"),
                        None => break,
                    }
                }
            })
        })
        .collect();
    // Until a good number are answered, then SIGKILL with requests in flight.
    for _ in 0..600 {
        std::thread::sleep(Duration::from_millis(50));
        if answered.lock().unwrap().values().sum::<usize>() >= 300 {
            break;
        }
    }
    server.kill().unwrap(); // SIGKILL
    server.wait().unwrap();
    stop.store(true, Ordering::Relaxed);
    for reader in readers {
        reader.join().unwrap();
    }
    let answered = answered.lock().unwrap().clone();
    let total: usize = answered.values().sum();
    assert!(total >= 300, "only {total} reads answered before the kill");

    // A new process opens the database (recovering the write-ahead log) and verifies the chain.
    let verified = saathi(&url, &["audit", "verify"]);
    assert!(verified.status.success(), "{}", stderr(&verified));
    assert!(
        stdout(&verified).contains("intact"),
        "{}",
        stdout(&verified)
    );
    let store = store::open(&url).await.unwrap();
    let mut written: HashMap<String, usize> = HashMap::new();
    for record in store.audit_entries(None, 1_000_000).await.unwrap() {
        if record.event.action == AuditAction::CaseViewed {
            *written.entry(record.event.subject).or_default() += 1;
        }
    }
    for (case, n) in &answered {
        let entries = written.get(&format!("case:{case}")).copied().unwrap_or(0);
        assert!(
            entries >= *n,
            "case {case}: {n} reads answered, {entries} entries"
        );
    }
    t.finish().await;
}
