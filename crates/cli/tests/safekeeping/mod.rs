//! The key file, audit checkpoints, backups and restore (issue 11, decision 0005), on SQLite
//! and PostgreSQL.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use domain::audit::{AuditAction, AuditEvent};
use domain::organisation::{OrgKind, OrganisationFields};
use domain::{OrgId, Timestamp};
use testkit::{TestStore, on_both_engines};

use crate::{saathi, stderr, stdout};

/// A private directory for one test's files.
fn workdir(label: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("saathi-{label}-{}", uuid::Uuid::now_v7()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn key_file(dir: &Path) -> String {
    let path = dir.join("saathi.key");
    let out = saathi(
        "sqlite://unused.db",
        &["keys", "init", "--key-file", path.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    path.to_str().unwrap().to_string()
}

fn add_orgs(url: &str, names: &[&str]) {
    for name in names {
        let out = saathi(
            url,
            &[
                "org",
                "add",
                "--name",
                name,
                "--kind",
                "destination",
                "--country",
                "IN",
            ],
        );
        assert!(out.status.success(), "{}", stderr(&out));
    }
}

/// Refused in one line that says why.
fn refused(out: &std::process::Output, expected: &str) {
    assert!(!out.status.success(), "{}", stdout(out));
    let err = stderr(out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains(expected), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

/// Attack 1 of issue 11: the newest entries are deleted together with `audit_head`.
async fn a_checkpoint_catches_a_trail_cut_short(t: &TestStore) {
    let url = t.url();
    let dir = workdir("cut");
    let keys = key_file(&dir);
    add_orgs(
        url,
        &["Kolkata shelter", "Mumbai shelter", "Howrah transit home"],
    );
    let checkpoint = dir.join("checkpoint.json");
    let cp = checkpoint.to_str().unwrap();
    let out = saathi(
        url,
        &["--key-file", &keys, "audit", "checkpoint", "--out", cp],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("entry 3"), "{}", stdout(&out));
    assert!(stdout(&out).contains("signed"), "{}", stdout(&out));

    // The trail goes on after the checkpoint: still fine.
    add_orgs(url, &["Jessore source NGO"]);
    let ok = saathi(
        url,
        &["--key-file", &keys, "audit", "verify", "--checkpoint", cp],
    );
    assert!(ok.status.success(), "{}", stderr(&ok));
    assert!(stdout(&ok).contains("signature checked"), "{}", stdout(&ok));

    t.tamper("DELETE FROM audit_log WHERE seq > 1")
        .await
        .unwrap();
    t.tamper("UPDATE audit_head SET seq = 1, hash = (SELECT hash FROM audit_log WHERE seq = 1)")
        .await
        .unwrap();
    let plain = saathi(url, &["audit", "verify"]);
    assert!(
        plain.status.success(),
        "plain verify cannot see this: {}",
        stderr(&plain)
    );
    let caught = saathi(
        url,
        &["--key-file", &keys, "audit", "verify", "--checkpoint", cp],
    );
    refused(&caught, "shorter than the checkpoint");
    // Without the key file the signature is not checked, but the length still is.
    refused(
        &saathi(url, &["audit", "verify", "--checkpoint", cp]),
        "entry 3",
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// Attack 2 of issue 11: an entry is rewritten and every later hash (and the head) recomputed.
async fn a_checkpoint_catches_a_rewritten_trail(t: &TestStore) {
    let url = t.url();
    let dir = workdir("rewrite");
    let keys = key_file(&dir);
    add_orgs(
        url,
        &["Kolkata shelter", "Mumbai shelter", "Howrah transit home"],
    );
    let checkpoint = dir.join("checkpoint.json");
    let cp = checkpoint.to_str().unwrap();
    let out = saathi(
        url,
        &["--key-file", &keys, "audit", "checkpoint", "--out", cp],
    );
    assert!(out.status.success(), "{}", stderr(&out));

    let mut records = t.store.audit_entries(None, 1000).await.unwrap();
    records.reverse();
    records[1].event.subject = "organisation:someone-else".into();
    let mut prev = records[0].hash.clone();
    for r in records.iter_mut().skip(1) {
        r.prev_hash = prev.clone();
        r.hash = domain::audit::chain_hash(r.seq, &r.prev_hash, &r.event);
        prev = r.hash.clone();
        t.tamper(&format!(
            "UPDATE audit_log SET subject = '{}', prev_hash = '{}', hash = '{}' WHERE seq = {}",
            r.event.subject, r.prev_hash, r.hash, r.seq
        ))
        .await
        .unwrap();
    }
    t.tamper(&format!("UPDATE audit_head SET hash = '{prev}'"))
        .await
        .unwrap();
    let plain = saathi(url, &["audit", "verify"]);
    assert!(
        plain.status.success(),
        "plain verify cannot see this: {}",
        stderr(&plain)
    );
    let caught = saathi(
        url,
        &["--key-file", &keys, "audit", "verify", "--checkpoint", cp],
    );
    refused(&caught, "entry 3 has another hash");

    // The checkpoint itself cannot be bent to fit: its signature binds seq and hash.
    let text = std::fs::read_to_string(&checkpoint).unwrap();
    let old = &text[text.find("\"hash\":\"").unwrap() + 8..][..64];
    std::fs::write(&checkpoint, text.replace(old, &prev)).unwrap();
    refused(
        &saathi(
            url,
            &["--key-file", &keys, "audit", "verify", "--checkpoint", cp],
        ),
        "signature does not verify",
    );
    // Nor checked with another key file.
    let other_dir = workdir("other-key");
    let other = key_file(&other_dir);
    std::fs::write(&checkpoint, &text).unwrap();
    refused(
        &saathi(
            url,
            &["--key-file", &other, "audit", "verify", "--checkpoint", cp],
        ),
        "another audit key",
    );
    refused(
        &saathi(
            url,
            &[
                "audit",
                "verify",
                "--checkpoint",
                "/no/such/checkpoint.json",
            ],
        ),
        "cannot read",
    );
    std::fs::remove_dir_all(&dir).ok();
    std::fs::remove_dir_all(&other_dir).ok();
}

/// Organisations' secret keys are sealed with the key file; the old ones on first use of it.
async fn secret_keys_are_sealed_with_the_key_file(t: &TestStore) {
    let url = t.url();
    let dir = workdir("seal");
    let keys = key_file(&dir);
    add_orgs(url, &["Kolkata shelter"]);
    let identity = saathi(url, &["keys", "identity", "--org", "Kolkata shelter"]);
    assert!(identity.status.success(), "{}", stderr(&identity));
    let identity = stdout(&identity);
    assert!(identity.starts_with("AGE-SECRET-KEY-1"));
    let count = |sql: &'static str| t.tamper(sql);
    // Counting rows by touching nothing that matters.
    let plain =
        "UPDATE org_keys SET updated_at = updated_at WHERE age_identity LIKE 'AGE-SECRET-KEY-%'";
    let sealed = "UPDATE org_keys SET updated_at = updated_at \
                  WHERE age_identity LIKE 'sealed:1:%' AND ed25519_secret LIKE 'sealed:1:%'";
    assert_eq!(count(plain).await.unwrap(), 1);

    // The first command with the key file seals what was there.
    let shown = saathi(
        url,
        &[
            "--key-file",
            &keys,
            "keys",
            "identity",
            "--org",
            "Kolkata shelter",
        ],
    );
    assert!(shown.status.success(), "{}", stderr(&shown));
    assert_eq!(stdout(&shown), identity);
    assert!(
        stderr(&shown).contains("sealed 2 secret keys"),
        "{}",
        stderr(&shown)
    );
    assert_eq!(count(plain).await.unwrap(), 0);
    assert_eq!(count(sealed).await.unwrap(), 1);

    // Keys made with the key file are sealed from the start.
    add_orgs(url, &["Jessore source NGO"]);
    let show = saathi(
        url,
        &[
            "--key-file",
            &keys,
            "keys",
            "show",
            "--org",
            "Jessore source NGO",
        ],
    );
    assert!(show.status.success(), "{}", stderr(&show));
    assert_eq!(count(sealed).await.unwrap(), 2);

    // A copied database alone does not open them, nor does another key file.
    refused(
        &saathi(url, &["keys", "identity", "--org", "Kolkata shelter"]),
        "sealed: give the key file",
    );
    let other_dir = workdir("seal-other");
    let other = key_file(&other_dir);
    refused(
        &saathi(
            url,
            &[
                "--key-file",
                &other,
                "keys",
                "identity",
                "--org",
                "Kolkata shelter",
            ],
        ),
        "does not open with this key file",
    );
    // Other commands work without it; the server refuses to start without it.
    assert!(saathi(url, &["org", "list"]).status.success());
    let listen = format!("127.0.0.1:{}", crate::free_port());
    refused(
        &saathi(url, &["serve", "--listen", &listen]),
        "start with --key-file",
    );

    // keys init never overwrites, and the file is private.
    refused(
        &saathi(url, &["keys", "init", "--key-file", &keys]),
        "never overwritten",
    );
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&keys).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    std::fs::remove_dir_all(&dir).ok();
    std::fs::remove_dir_all(&other_dir).ok();
}

fn fields(name: &str) -> OrganisationFields {
    OrganisationFields {
        name: name.parse().unwrap(),
        kind: OrgKind::Destination,
        country: "IN".parse().unwrap(),
        district: None,
        languages: vec![],
        time_zone: "Asia/Kolkata".parse().unwrap(),
    }
}

/// A backup taken while a writer keeps writing restores into an empty database with every
/// write acknowledged before it began, and an intact audit chain; the `age` tool opens it.
async fn a_backup_during_writes_restores(t: &TestStore) {
    let url = t.url().to_string();
    let dir = workdir("backup");
    let keys = key_file(&dir);
    add_orgs(&url, &["Kolkata shelter"]);

    let stop = Arc::new(AtomicBool::new(false));
    let acknowledged = Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
    let writer = {
        let (store, stop, acknowledged) = (t.store.clone(), stop.clone(), acknowledged.clone());
        tokio::spawn(async move {
            let mut i = 0;
            while !stop.load(Ordering::Relaxed) {
                i += 1;
                let name = format!("Organisation {i:04}");
                let id = OrgId::new();
                let audit = AuditEvent::new(
                    Timestamp::from_millis(1_795_910_400_000 + i),
                    AuditAction::OrganisationCreated,
                    format!("organisation:{id}"),
                )
                .from_source("test");
                store
                    .create_organisation(id, &fields(&name), audit)
                    .await
                    .unwrap();
                acknowledged.lock().unwrap().push(name);
            }
        })
    };
    while acknowledged.lock().unwrap().len() < 20 {
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    let before: Vec<String> = acknowledged.lock().unwrap().clone();
    let backup = dir.join("saathi.backup.age");
    let out = {
        let (url, keys, backup) = (url.clone(), keys.clone(), backup.clone());
        tokio::task::spawn_blocking(move || {
            saathi(
                &url,
                &[
                    "--key-file",
                    &keys,
                    "backup",
                    "--out",
                    backup.to_str().unwrap(),
                ],
            )
        })
        .await
        .unwrap()
    };
    stop.store(true, Ordering::Relaxed);
    writer.await.unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let during = acknowledged.lock().unwrap().len();
    assert!(during > before.len(), "the writer wrote during the backup");

    // The outside tool decrypts it with the identity kept in the key file.
    let identity = dir.join("identity.txt");
    let key_text = std::fs::read_to_string(&keys).unwrap();
    let line = key_text
        .lines()
        .find(|l| l.starts_with("backup-identity "))
        .unwrap();
    std::fs::write(&identity, line.trim_start_matches("backup-identity ")).unwrap();
    let plain = dir.join("plain");
    let age = std::process::Command::new("/usr/bin/age")
        .args(["-d", "-i"])
        .arg(&identity)
        .arg("-o")
        .arg(&plain)
        .arg(&backup)
        .output()
        .unwrap();
    assert!(
        age.status.success(),
        "{}",
        String::from_utf8_lossy(&age.stderr)
    );
    let head = std::fs::read(&plain).unwrap();
    assert!(
        head.starts_with(b"SQLite format 3\0") || head.starts_with(b"PGDMP"),
        "a database file or a pg_dump archive"
    );

    // A backup is never written in the clear.
    refused(
        &saathi(
            &url,
            &["backup", "--out", dir.join("x.age").to_str().unwrap()],
        ),
        "always encrypted",
    );
    assert!(!dir.join("x.age").exists());
    // A database that is not empty is refused, and keeps what it had.
    refused(
        &saathi(
            &url,
            &["--key-file", &keys, "restore", backup.to_str().unwrap()],
        ),
        "not empty",
    );

    let empty = t.empty_database().await.unwrap();
    let restored = saathi(
        &empty.url,
        &[
            "restore",
            backup.to_str().unwrap(),
            "--identity",
            identity.to_str().unwrap(),
        ],
    );
    assert!(restored.status.success(), "{}", stderr(&restored));
    assert!(
        stdout(&restored).contains("audit trail intact"),
        "{}",
        stdout(&restored)
    );
    {
        let copy = store::open(&empty.url).await.unwrap();
        let names: Vec<String> = copy
            .organisations()
            .await
            .unwrap()
            .into_iter()
            .map(|o| o.fields.name.to_string())
            .collect();
        for name in &before {
            assert!(
                names.contains(name),
                "{name} was acknowledged before the backup"
            );
        }
        assert!(names.contains(&"Kolkata shelter".to_string()));
        assert!(matches!(
            copy.verify_audit().await.unwrap(),
            store::AuditVerification::Intact { .. }
        ));
        let created = copy
            .audit_entries(None, 100_000)
            .await
            .unwrap()
            .into_iter()
            .filter(|r| r.event.action == AuditAction::OrganisationCreated)
            .count();
        assert_eq!(
            created,
            names.len(),
            "each organisation with its entry, none torn"
        );
    }
    // The wrong identity is one line.
    let other_dir = workdir("backup-other");
    let other = key_file(&other_dir);
    let again = t.empty_database().await.unwrap();
    refused(
        &saathi(
            &again.url,
            &["--key-file", &other, "restore", backup.to_str().unwrap()],
        ),
        "not encrypted to this identity",
    );
    empty.finish().await;
    again.finish().await;
    std::fs::remove_dir_all(&dir).ok();
    std::fs::remove_dir_all(&other_dir).ok();
}

/// `serve --checkpoint-dir --backup-dir` writes a signed checkpoint and a backup at start.
async fn serve_writes_a_checkpoint_and_a_backup_at_start(t: &TestStore) {
    let url = t.url();
    let dir = workdir("serve");
    let keys = key_file(&dir);
    add_orgs(url, &["Kolkata shelter"]);
    let (checkpoints, backups) = (dir.join("checkpoints"), dir.join("backups"));
    let port = crate::free_port();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_saathi"))
        .args([
            "--database-url",
            url,
            "--key-file",
            &keys,
            "serve",
            "--listen",
        ])
        .arg(format!("127.0.0.1:{port}"))
        .arg("--checkpoint-dir")
        .arg(&checkpoints)
        .arg("--backup-dir")
        .arg(&backups)
        .args(["--backup-keep", "1", "--backup-every", "1s"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let files = |dir: &Path, suffix: &str| -> Vec<PathBuf> {
        std::fs::read_dir(dir)
            .map(|entries| {
                entries
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| p.to_string_lossy().ends_with(suffix))
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut found = (vec![], vec![]);
    for _ in 0..300 {
        found = (files(&checkpoints, ".json"), files(&backups, ".age"));
        if !found.0.is_empty() && !found.1.is_empty() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let (written, backed_up) = found;
    assert_eq!(written.len(), 1, "one checkpoint at start");
    assert_eq!(backed_up.len(), 1, "one backup at start");
    // A second backup a second later replaces the first (--backup-keep 1).
    let mut next = vec![];
    for _ in 0..100 {
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        next = files(&backups, ".age");
        if next.len() == 1 && next[0] != backed_up[0] {
            break;
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(next.len(), 1, "{next:?}");
    assert_ne!(
        next[0], backed_up[0],
        "a newer backup took the older one's place"
    );
    let name = written[0]
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    assert!(name.starts_with("audit-checkpoint-"), "{name}");
    let verified = saathi(
        url,
        &[
            "--key-file",
            &keys,
            "audit",
            "verify",
            "--checkpoint",
            written[0].to_str().unwrap(),
        ],
    );
    assert!(verified.status.success(), "{}", stderr(&verified));
    assert!(
        stdout(&verified).contains("signature checked"),
        "{}",
        stdout(&verified)
    );
    std::fs::remove_dir_all(&dir).ok();
}

on_both_engines!(
    a_checkpoint_catches_a_trail_cut_short,
    a_checkpoint_catches_a_rewritten_trail,
    secret_keys_are_sealed_with_the_key_file,
    a_backup_during_writes_restores,
    serve_writes_a_checkpoint_and_a_backup_at_start,
);
