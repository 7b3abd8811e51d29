//! Hot-path benchmarks: `analyze` and `analyze` + `anonymize` on realistic support-ticket text.
//!
//! Run with `cargo bench --bench analyze`. Inputs are the bundled support tickets (prompt and completion
//! fields joined with blank lines) repeated to each size, so every size has the same PII density (1 KB,
//! 100 KB and 10 MB show how cost grows), the tickets' fields one by one (short texts: the fixed cost per
//! call), and the dev corpus texts record by record (`../shared/corpus/dev.jsonl`, or
//! `PIISCRUB_DEV_CORPUS`).

mod common;

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use piiscrub::{AnalyzeOptions, AnalyzerEngine, AnonymizerEngine, Operators, RecognizerResult};

const TICKETS: &str = include_str!("../examples/data/support_tickets.jsonl");

/// The string fields of the bundled tickets, decoded from their JSON lines, in order.
fn ticket_fields() -> Vec<String> {
    let mut fields = Vec::new();
    for line in TICKETS.lines() {
        let record: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(line).unwrap();
        for v in record.values() {
            if let Some(s) = v.as_str() {
                fields.push(s.to_string());
            }
        }
    }
    fields
}

/// The ticket texts repeated to at least `size` bytes (cut on a line end).
fn corpus(size: usize) -> String {
    let one = ticket_fields().join("\n\n");
    let mut text = String::with_capacity(size + one.len());
    while text.len() < size {
        text.push_str(&one);
        text.push_str("\n\n");
    }
    let cut = text[..size.min(text.len())]
        .rfind('\n')
        .unwrap_or(text.len());
    text.truncate(cut);
    text
}

/// Analyzes each text on its own into `buf`; the number of results in all.
fn analyze_each(
    analyzer: &AnalyzerEngine,
    options: &AnalyzeOptions,
    texts: &[String],
    buf: &mut Vec<RecognizerResult>,
) -> usize {
    let mut n = 0;
    for t in texts {
        analyzer.analyze_into(black_box(t), options, buf).unwrap();
        n += buf.len();
    }
    n
}

fn bench(c: &mut Criterion) {
    let analyzer = AnalyzerEngine::new();
    let anonymizer = AnonymizerEngine::new();
    let options = AnalyzeOptions::default();
    let operators = Operators::default();

    if let Some(texts) = common::dev_texts() {
        let bytes: usize = texts.iter().map(String::len).sum();
        let mut group = c.benchmark_group("dev_corpus");
        group.sample_size(10);
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function("analyze", |b| {
            let mut buf = Vec::new();
            b.iter(|| analyze_each(&analyzer, &options, &texts, &mut buf))
        });
        group.bench_function("analyze+anonymize", |b| {
            let mut buf = Vec::new();
            b.iter(|| {
                let mut n = 0;
                for t in &texts {
                    analyzer
                        .analyze_into(black_box(t), &options, &mut buf)
                        .unwrap();
                    n += anonymizer
                        .anonymize(t, &buf, &operators)
                        .unwrap()
                        .text
                        .len();
                }
                n
            })
        });
        group.finish();
    }

    // Each field of each ticket analyzed on its own, as a dataset run does: many short texts, so the fixed
    // cost of a call shows.
    let fields = ticket_fields();
    let mut group = c.benchmark_group("ticket_fields");
    group.throughput(Throughput::Bytes(
        fields.iter().map(String::len).sum::<usize>() as u64,
    ));
    group.bench_function("analyze", |b| {
        let mut buf = Vec::new();
        b.iter(|| analyze_each(&analyzer, &options, &fields, &mut buf))
    });
    group.finish();

    let mut group = c.benchmark_group("analyze");
    group.sample_size(10);
    for size in [1_000usize, 100_000, 10_000_000] {
        let text = corpus(size);
        let findings = analyzer.analyze(&text, &options).unwrap().len();
        assert!(
            findings > size / 1_000,
            "too few findings ({findings}) in {size} bytes"
        );
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(size), &text, |b, text| {
            let mut buf = Vec::new();
            b.iter(|| {
                analyzer
                    .analyze_into(black_box(text), &options, &mut buf)
                    .unwrap();
                buf.len()
            })
        });
    }
    group.finish();

    let mut group = c.benchmark_group("analyze+anonymize");
    group.sample_size(10);
    for size in [1_000usize, 100_000, 10_000_000] {
        let text = corpus(size);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(size), &text, |b, text| {
            let mut buf = Vec::new();
            b.iter(|| {
                analyzer
                    .analyze_into(black_box(text), &options, &mut buf)
                    .unwrap();
                anonymizer
                    .anonymize(text, &buf, &operators)
                    .unwrap()
                    .text
                    .len()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
