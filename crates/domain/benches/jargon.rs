//! The jargon scan over 10 MB of mixed Bengali, Hindi and English report text with the starter
//! glossary. Target: over 50 MB/s on the 2-core machine.
//!
//! Run: `cargo bench -p saathi-domain --bench jargon` (SAATHI_BENCH_MB sets the size).

use std::time::{Duration, Instant};

use saathi_domain::glossary::{Scanner, starter};

const SENTENCES: [&str; 8] = [
    "She shows signs of PTSD and dissociation after the raid; the CWC asked for an HIR. ",
    "তার ট্রমার কথা সে ধীরে ধীরে বলছে, কাউন্সেলিং চলছে সপ্তাহে দুবার। ",
    "उसे आघात और घबराहट है, परामर्श जारी है और नींद बेहतर हुई है। ",
    "The magistrate recorded her 164 statement; the chargesheet under ITPA is pending. ",
    "সে সেলাই শিখতে চায় আর মায়ের কাছে ফিরতে চায়, তবে গ্রামে কলঙ্কের ভয় আছে। ",
    "Daily note: she ate well, played carrom with the others and slept through the night. ",
    "नागरिकता सत्यापन के बाद ट्रैवल परमिट मिलेगा, फिर सीमा पर हस्तांतरण होगा। ",
    "Follow-up visit: family readiness is good, school admission in January. ",
];

fn main() {
    let mb: usize = std::env::var("SAATHI_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10);
    let size = mb * 1_000_000;
    let mut text = String::with_capacity(size + 200);
    let mut i = 0;
    while text.len() < size {
        text.push_str(SENTENCES[i % SENTENCES.len()]);
        i += 1;
    }
    let terms = starter();
    let t = Instant::now();
    let scanner = Scanner::new(&terms);
    let build = t.elapsed();
    let mut times: Vec<Duration> = Vec::new();
    let mut found = 0;
    for _ in 0..7 {
        let t = Instant::now();
        found = scanner.scan(&text).len();
        times.push(t.elapsed());
    }
    times.sort();
    let median = times[times.len() / 2];
    println!(
        "{} terms compiled in {:.2} ms; {:.1} MB scanned, {found} terms found",
        terms.len(),
        build.as_secs_f64() * 1000.0,
        text.len() as f64 / 1e6
    );
    println!(
        "jargon scan  {:>8.1} MB/s (median of {})",
        text.len() as f64 / 1e6 / median.as_secs_f64(),
        times.len()
    );
    assert!(found > 0);
}
