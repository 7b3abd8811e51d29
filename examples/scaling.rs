//! How analyze time grows with input size, on ordinary and adversarial inputs.
//!
//! ```text
//! cargo run --release --example scaling                      # 100 KB, 400 KB, 1.6 MB
//! cargo run --release --example scaling -- 100000 4 10       # 100 KB, 1 MB, 10 MB, 100 MB
//! cargo run --release --example scaling -- 100000 4 10 at-signs,csv   # only these inputs
//! ```
//!
//! Arguments: the smallest size in bytes, how many sizes, the factor between sizes (default 4), and
//! optionally a comma-separated list of input kinds to run (default: all). Sizes under 10 MB are run
//! repeatedly (10 MB in all) and averaged. Each
//! input kind is analyzed, then anonymized (`replace`), at every size; `ns/B` is analyze + anonymize time
//! per input byte and `vs first` its change from the smallest size, so about 0% means linear cost. Inputs:
//! support-ticket text, one long line of digits, of `@`, of spaced digit groups, of dots and dashes, of
//! names without line breaks, capitalised street words, and a CSV export.

use std::time::Instant;

use piiscrub::{AnalyzeOptions, AnalyzerEngine, AnonymizerEngine, Operators};

const TICKETS: &str = include_str!("data/support_tickets.jsonl");

fn repeat(unit: &str, n: usize) -> String {
    unit.repeat(n / unit.len().max(1) + 1)[..n].to_string()
}

fn main() {
    let mut args = std::env::args().skip(1);
    let base: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(100_000);
    let steps: u32 = args.next().and_then(|s| s.parse().ok()).unwrap_or(3);
    let factor: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(4);
    let only: Option<Vec<String>> = args
        .next()
        .map(|s| s.split(',').map(str::to_owned).collect());
    let engine = AnalyzerEngine::new();
    let anonymizer = AnonymizerEngine::new();
    let operators = Operators::default();
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
        "{:16} {:>11} {:>10} {:>10} {:>9} {:>9} {:>7} {:>9}",
        "input", "bytes", "analyze ms", "anon. ms", "MB/s", "results", "ns/B", "vs first"
    );
    for (name, make) in kinds {
        if only.as_ref().is_some_and(|o| !o.iter().any(|k| k == name)) {
            continue;
        }
        let mut first = None;
        for step in 0..steps {
            let size = base * factor.pow(step);
            let mut text = make(size, csv_row);
            while !text.is_char_boundary(text.len()) {
                text.pop();
            }
            // Small inputs run several times (about 10 MB in all) and report the mean, so a single
            // short run's noise does not become the baseline.
            let reps = (10_000_000 / text.len()).max(1);
            let (mut analyzed, mut anonymized) = (0.0, 0.0);
            let mut found = Vec::new();
            for _ in 0..reps {
                let t0 = Instant::now();
                found = engine.analyze(&text, &options).expect("analyze");
                analyzed += t0.elapsed().as_secs_f64() / reps as f64;
                let t1 = Instant::now();
                let out = anonymizer
                    .anonymize(&text, &found, &operators)
                    .expect("anonymize");
                anonymized += t1.elapsed().as_secs_f64() / reps as f64;
                drop(out);
            }
            let s = analyzed + anonymized;
            let per_byte = s * 1e9 / text.len() as f64;
            let change = first.map_or(String::new(), |f: f64| {
                format!("{:+.0}%", (per_byte / f - 1.0) * 100.0)
            });
            first.get_or_insert(per_byte);
            println!(
                "{name:16} {:>11} {:>10.1} {:>10.1} {:>9.2} {:>9} {per_byte:>7.1} {change:>9}",
                text.len(),
                analyzed * 1e3,
                anonymized * 1e3,
                text.len() as f64 / 1e6 / s,
                found.len(),
            );
        }
    }
}
