//! Peak memory while analyzing one long string (Linux: read from `/proc/self/status`).
//!
//! ```text
//! cargo run --release --example peak_memory                  # 100 MB of support-ticket text
//! cargo run --release --example peak_memory -- 100000000 digits
//! ```
//!
//! Prints the process's peak resident memory (`VmHWM`) before and after `analyze`, and the peak as a multiple
//! of the input size; the input string itself counts towards the peak. Kinds: `tickets` (default), `digits`,
//! `at-signs`, `one-line` (a 100 MB line without spaces).

use std::time::Instant;

use piiscrub::{AnalyzeOptions, AnalyzerEngine};

const TICKETS: &str = include_str!("data/support_tickets.jsonl");

/// Peak resident set size in bytes, if the platform reports it.
fn peak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let size: usize = args
        .next()
        .and_then(|s| s.parse().ok())
        .unwrap_or(100_000_000);
    let kind = args.next().unwrap_or_else(|| "tickets".to_string());
    let unit = match kind.as_str() {
        "tickets" => TICKETS,
        "digits" => "7",
        "at-signs" => "@",
        "one-line" => "JaneSmith4111x@",
        other => {
            eprintln!("unknown kind {other}: tickets, digits, at-signs or one-line");
            std::process::exit(1);
        }
    };
    let engine = AnalyzerEngine::new();
    let options = AnalyzeOptions::default();
    engine
        .analyze("warm-up: Jane Doe, 4111 1111 1111 1111, Paris", &options)
        .expect("analyze");
    let mut text = String::with_capacity(size + unit.len());
    while text.len() < size {
        text.push_str(unit);
    }
    text.truncate(size);
    while !text.is_char_boundary(text.len()) {
        text.pop();
    }
    let before = peak_rss();
    let t0 = Instant::now();
    let results = engine.analyze(&text, &options).expect("analyze");
    let secs = t0.elapsed().as_secs_f64();
    let after = peak_rss();
    let mb = |b: u64| b as f64 / 1e6;
    println!(
        "{kind}: {} bytes, {} results in {secs:.1} s ({:.2} MB/s)",
        text.len(),
        results.len(),
        text.len() as f64 / 1e6 / secs
    );
    match (before, after) {
        (Some(b), Some(a)) => println!(
            "peak RSS: {:.0} MB before analyze, {:.0} MB after: {:.2}x the input",
            mb(b),
            mb(a),
            a as f64 / text.len() as f64
        ),
        _ => println!("peak RSS: not reported on this platform"),
    }
}
