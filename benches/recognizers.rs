//! Per-recognizer cost on the dev corpus texts, so a regression points at its cause.
//!
//! Run with `cargo bench --bench recognizers` (reads `../shared/corpus/dev.jsonl`, or the file named by
//! `PIISCRUB_DEV_CORPUS`). Each default English recognizer runs alone over every record; throughput is in
//! bytes of corpus text.

mod common;

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use piiscrub::{EntityType, RecognizerContext, recognizers};

fn bench(c: &mut Criterion) {
    let Some(texts) = common::dev_texts() else {
        return;
    };
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut group = c.benchmark_group("recognizer");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes as u64));
    for r in recognizers::predefined("en") {
        let entities: Vec<EntityType> = r.supported_entities().to_vec();
        let ctx = RecognizerContext::new(&entities, "en");
        let mut out = Vec::new();
        group.bench_function(BenchmarkId::from_parameter(r.name()), |b| {
            b.iter(|| {
                let mut n = 0;
                for t in &texts {
                    out.clear();
                    r.analyze(black_box(t), &ctx, &mut out).unwrap();
                    n += out.len();
                }
                n
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
