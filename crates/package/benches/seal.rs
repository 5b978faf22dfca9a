//! Throughput of sealing and opening a handover package, against the `age` command-line tool
//! on the same number of bytes. The package adds framing, SHA-256 per entry and an Ed25519
//! signature to age's own work; the target is at least half of `age`'s throughput.
//!
//! The case carries 20 MB of attachments (four scanned reports of 5 MB), as the issue asks.
//! Run: `cargo bench -p saathi-package --bench seal` (SAATHI_BENCH_MB sets the total, default
//! 20). Without `age` on PATH (Debian package `age`) only Saathi's side is shown.

use std::process::Command;
use std::time::{Duration, Instant};

use saathi_package::{Draft, Entry, Kind, OrgSecrets, Party};

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn mb_per_s(bytes: usize, t: Duration) -> f64 {
    bytes as f64 / 1e6 / t.as_secs_f64()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mb: usize = std::env::var("SAATHI_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20);
    let size = mb * 1_000_000;
    // Incompressible but cheap to make: a simple xorshift stream.
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let content: Vec<u8> = (0..size)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect();
    let sender = OrgSecrets::generate()?;
    let receiver = OrgSecrets::generate()?;
    let (from, to) = (uuid::Uuid::now_v7(), uuid::Uuid::now_v7());
    let draft = Draft {
        package_id: uuid::Uuid::now_v7(),
        kind: Kind::Handover,
        handover_id: uuid::Uuid::now_v7(),
        case_id: uuid::Uuid::now_v7(),
        from: Party {
            id: from,
            name: "sender".into(),
        },
        to: Party {
            id: to,
            name: "receiver".into(),
        },
        created_at: 0,
        entries: content
            .chunks(size.div_ceil(4))
            .enumerate()
            .map(|(i, part)| {
                Entry::new(
                    &format!("documents/report-{i}.pdf"),
                    "application/pdf",
                    part.to_vec(),
                )
            })
            .collect(),
    };
    let runs = 7;
    let mut seal_times = Vec::new();
    let mut open_times = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        let sealed = saathi_package::seal(&draft, &sender.signing, &receiver.age.to_public())?;
        seal_times.push(t.elapsed());
        let t = Instant::now();
        let key = sender.signing.verifying_key();
        let opened = saathi_package::open(&sealed, &receiver.age, to, |_| Some(key))?;
        open_times.push(t.elapsed());
        let total: usize = (0..4)
            .filter_map(|i| opened.entry(&format!("documents/report-{i}.pdf")))
            .map(<[u8]>::len)
            .sum();
        assert_eq!(total, size);
    }
    let (seal, open) = (median(seal_times), median(open_times));
    // The age crate alone on the same bytes: what the layout and signature add on top.
    let mut crate_times = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        let out = age::encrypt(&receiver.age.to_public(), &content)?;
        crate_times.push(t.elapsed());
        assert!(out.len() > size);
    }
    let crate_only = median(crate_times);
    println!("package of {mb} MB in 4 attachments, median of {runs} runs");
    println!("saathi seal  {:>8.1} MB/s", mb_per_s(size, seal));
    println!("saathi open  {:>8.1} MB/s", mb_per_s(size, open));
    println!(
        "age crate    {:>8.1} MB/s (encrypt only)",
        mb_per_s(size, crate_only)
    );

    if Command::new("age").arg("--version").output().is_err() {
        println!("`age` is not installed: no comparison (apt-get install age)");
        return Ok(());
    }
    let dir = std::env::temp_dir().join(format!("saathi-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let plain = dir.join("plain");
    let enc = dir.join("plain.age");
    let identity = dir.join("identity.txt");
    std::fs::write(&plain, &content)?;
    std::fs::write(&identity, receiver.age_identity_text())?;
    let recipient = receiver.age_recipient_text();
    let mut enc_times = Vec::new();
    let mut dec_times = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        let ok = Command::new("age")
            .args(["-e", "-r", &recipient, "-o"])
            .arg(&enc)
            .arg(&plain)
            .status()?
            .success();
        enc_times.push(t.elapsed());
        let t = Instant::now();
        let out = Command::new("age")
            .args(["-d", "-i"])
            .arg(&identity)
            .arg(&enc)
            .output()?;
        dec_times.push(t.elapsed());
        assert!(ok && out.status.success() && out.stdout.len() == size);
    }
    let _ = std::fs::remove_dir_all(&dir);
    let (age_enc, age_dec) = (median(enc_times), median(dec_times));
    println!("age -e       {:>8.1} MB/s", mb_per_s(size, age_enc));
    println!("age -d       {:>8.1} MB/s", mb_per_s(size, age_dec));
    println!(
        "ratio saathi/age: seal {:.2}×, open {:.2}×",
        age_enc.as_secs_f64() / seal.as_secs_f64(),
        age_dec.as_secs_f64() / open.as_secs_f64()
    );
    Ok(())
}
