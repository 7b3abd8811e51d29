//! How analyze time grows with input size, on ordinary and adversarial inputs.
//!
//! ```text
//! cargo run --release --example scaling                 # 100 KB, 400 KB, 1.6 MB
//! cargo run --release --example scaling -- 1000000 4    # 1 MB, 4 MB, 16 MB
//! ```
//!
//! Each input kind is analyzed at three sizes, each four times the last; the `×` column is the time ratio
//! to the previous size, so about 4 means linear cost. Inputs: support-ticket text, one long line of
//! digits, of `@`, of spaced digit groups, of dots and dashes, of names without line breaks, capitalised
//! street words, and a CSV export.

use std::time::Instant;

use piiscrub::{AnalyzeOptions, AnalyzerEngine};

const TICKETS: &str = include_str!("data/support_tickets.jsonl");

fn repeat(unit: &str, n: usize) -> String {
    unit.repeat(n / unit.len().max(1) + 1)[..n].to_string()
}

fn main() {
    let mut args = std::env::args().skip(1);
    let base: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(100_000);
    let steps: u32 = args.next().and_then(|s| s.parse().ok()).unwrap_or(3);
    let engine = AnalyzerEngine::new();
    let options = AnalyzeOptions::default();
    engine
        .analyze("warm-up: Jane Doe, 4111 1111 1111 1111, Paris", &options)
        .expect("analyze");
    let csv_row = "Jane Doe,536228726,jane@example.com,Paris\n";
    type Make = fn(usize, &str) -> String;
    let kinds: [(&str, Make); 9] = [
        ("tickets", |n, _| repeat(TICKETS, n)),
        ("digits", |n, _| repeat("7", n)),
        ("at-signs", |n, _| repeat("@", n)),
        ("digit-groups", |n, _| repeat("12 ", n)),
        ("dots", |n, _| repeat("1.", n)),
        ("dashes", |n, _| repeat("1-", n)),
        ("names-one-line", |n, _| repeat("Jane Smith,", n)),
        ("street-words", |n, _| repeat("Main Street ", n)),
        ("csv", |n, row| {
            format!("name,ssn,email,city\n{}", repeat(row, n))
        }),
    ];
    println!(
        "{:16} {:>11} {:>10} {:>9} {:>9} {:>6}",
        "input", "bytes", "ms", "MB/s", "results", "×"
    );
    for (name, make) in kinds {
        let mut previous = None;
        for step in 0..steps {
            let size = base * 4usize.pow(step);
            let mut text = make(size, csv_row);
            while !text.is_char_boundary(text.len()) {
                text.pop();
            }
            let t0 = Instant::now();
            let found = engine.analyze(&text, &options).expect("analyze").len();
            let s = t0.elapsed().as_secs_f64();
            let ratio = previous.map_or(String::new(), |p: f64| format!("{:.1}", s / p));
            println!(
                "{name:16} {:>11} {:>10.1} {:>9.2} {found:>9} {ratio:>6}",
                text.len(),
                s * 1e3,
                text.len() as f64 / 1e6 / s
            );
            previous = Some(s);
        }
    }
}
