//! piiscrub against the Rust crates that do the same job, on the same texts, one thread each.
//!
//! ```text
//! cd peers && cargo run --release -- ../../shared/corpus/dev.jsonl [PASSES] [--presidio REPORT.json]
//! ./compare.sh        # the same, plus Presidio run on the same texts in the same session
//! ```
//!
//! Each tool analyzes every record's `text` with its default configuration, `PASSES` times (default 3)
//! after one warm-up pass; the report gives MB/s (10^6 bytes of text per second), the ratio to piiscrub's,
//! and the entity types each tool reported on the corpus with their counts. `--presidio` adds the rows of
//! a report printed by `../shared/bench/presidio_predict.py --anonymize` on the same corpus.

use std::collections::BTreeMap;
use std::time::Instant;

type Tool = (
    &'static str,
    Box<dyn Fn(&str, &mut BTreeMap<String, usize>)>,
);

fn main() {
    let mut path = "../../shared/corpus/dev.jsonl".to_string();
    let mut passes: u32 = 3;
    let mut presidio = None;
    let mut positional = 0;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--presidio" {
            presidio = Some(args.next().expect("--presidio needs a report file"));
        } else if positional == 0 {
            path = arg;
            positional += 1;
        } else {
            passes = arg.parse().expect("PASSES is a number");
        }
    }
    let data = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {path}: {e}"));
    let texts: Vec<String> = data
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_string))
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();

    let piiscrub_engine = piiscrub::AnalyzerEngine::new();
    let options = piiscrub::AnalyzeOptions::default();
    // The same engine without the name, place and organisation recognizers, for a like-for-like look at
    // the pattern recognizers the peers also have.
    let patterns_engine = piiscrub::AnalyzerEngine::new();
    let no_ner = piiscrub::AnalyzeOptions::default().entities(
        patterns_engine
            .supported_entities("en")
            .into_iter()
            .filter(|e| !matches!(e.as_str(), "PERSON" | "LOCATION" | "ORGANIZATION" | "NRP")),
    );
    // Only the types datafog-core reports that piiscrub also has (it has no ZIP code type): the same job
    // as datafog-core, type for type.
    let datafog_types_engine = piiscrub::AnalyzerEngine::new();
    let datafog_types = piiscrub::AnalyzeOptions::default().entities(
        [
            "EMAIL_ADDRESS",
            "PHONE_NUMBER",
            "CREDIT_CARD",
            "US_SSN",
            "IP_ADDRESS",
            "DATE_TIME",
            "US_BANK_NUMBER",
        ]
        .map(piiscrub::EntityType::from),
    );
    let redact_engine = redact_core::AnalyzerEngine::new();
    let anonymizing_engine = piiscrub::AnalyzerEngine::new();
    let anonymizer = piiscrub::AnonymizerEngine::new();
    let replace = piiscrub::Operators::default();
    let anonymize_options = options.clone();
    let tools: Vec<Tool> = vec![
        (
            "piiscrub",
            Box::new(move |t, types| {
                for r in piiscrub_engine.analyze(t, &options).expect("piiscrub") {
                    *types.entry(r.entity_type.to_string()).or_default() += 1;
                }
            }),
        ),
        (
            "piiscrub analyze+anon.",
            Box::new(move |t, types| {
                let found = anonymizing_engine
                    .analyze(t, &anonymize_options)
                    .expect("piiscrub");
                let out = anonymizer
                    .anonymize(t, &found, &replace)
                    .expect("anonymize");
                for r in out.items {
                    *types.entry(r.entity_type.to_string()).or_default() += 1;
                }
            }),
        ),
        (
            "piiscrub, no NER types",
            Box::new(move |t, types| {
                for r in patterns_engine.analyze(t, &no_ner).expect("piiscrub") {
                    *types.entry(r.entity_type.to_string()).or_default() += 1;
                }
            }),
        ),
        (
            "piiscrub, datafog types",
            Box::new(move |t, types| {
                for r in datafog_types_engine
                    .analyze(t, &datafog_types)
                    .expect("piiscrub")
                {
                    *types.entry(r.entity_type.to_string()).or_default() += 1;
                }
            }),
        ),
        (
            "datafog-core 1.0.0",
            Box::new(|t, types| {
                for f in datafog_core::scan(t) {
                    *types.entry(f.entity_type).or_default() += 1;
                }
            }),
        ),
        (
            "redact-core 0.12.7",
            Box::new(move |t, types| {
                let result = redact_engine.analyze(t, None).expect("redact-core");
                for r in result.detected_entities {
                    *types.entry(r.entity_type.as_str().to_string()).or_default() += 1;
                }
            }),
        ),
    ];

    println!(
        "{} records, {:.3} MB of text, {passes} timed passes per tool, one thread\n",
        texts.len(),
        bytes as f64 / 1e6
    );
    let mut base = None;
    let mut measured = BTreeMap::new();
    for (name, run) in &tools {
        let mut types = BTreeMap::new();
        for t in &texts {
            run(t, &mut types);
        }
        let mut scratch = BTreeMap::new();
        let t0 = Instant::now();
        for _ in 0..passes {
            for t in &texts {
                run(t, &mut scratch);
            }
        }
        let s = t0.elapsed().as_secs_f64() / f64::from(passes);
        let mbps = bytes as f64 / 1e6 / s;
        let base_mbps = *base.get_or_insert(mbps);
        measured.insert(*name, mbps);
        println!(
            "{name:22} {:8.1} ms/pass {mbps:8.2} MB/s  {:6.2}x piiscrub's throughput",
            s * 1e3,
            mbps / base_mbps
        );
        let list: Vec<String> = types.iter().map(|(t, n)| format!("{t} {n}")).collect();
        println!("  {} types: {}\n", types.len(), list.join(", "));
    }
    if let (Some(report), Some(base_mbps)) = (presidio, base) {
        let text =
            std::fs::read_to_string(&report).unwrap_or_else(|e| panic!("reading {report}: {e}"));
        let v: serde_json::Value =
            serde_json::from_str(text.trim()).expect("Presidio report is JSON");
        assert_eq!(
            v["bytes"].as_u64(),
            Some(bytes as u64),
            "Presidio ran on other texts"
        );
        // Seconds, not the report's MB/s: those are rounded to four decimals, which at Presidio's speed
        // leaves two or three significant digits and can print analyze and analyze + anonymize alike.
        for (name, key, ours) in [
            ("Presidio 2.2.366", "analyze_s", "piiscrub"),
            (
                "Presidio analyze+anon.",
                "analyze_anonymize_s",
                "piiscrub analyze+anon.",
            ),
        ] {
            if let Some(secs) = v[key].as_f64().filter(|&s| s > 0.0) {
                let mbps = bytes as f64 / 1e6 / secs;
                let same_job = measured.get(ours).copied().unwrap_or(base_mbps);
                println!(
                    "{name:22} {:8.1} ms/pass {mbps:8.4} MB/s  {:6.4}x piiscrub's throughput ({ours} is {:.0}x faster)",
                    secs * 1e3,
                    mbps / base_mbps,
                    same_job / mbps
                );
            }
        }
    }
}
