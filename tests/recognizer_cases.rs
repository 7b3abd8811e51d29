//! Table tests for every predefined recognizer, read from `testdata/recognizers/*.json`.
//!
//! Each file holds rows `{"recognizer", "language"?, "text", "expect", "threshold"?}`: the recognizer (by
//! catalog name) runs alone in an engine over `text`, and the values it reports at `threshold` (default 0)
//! must be exactly `expect`, in text order. Every recognizer in the catalog must have at least one row
//! that expects a value and one that expects none.

use std::collections::BTreeMap;
use std::fs;

use piiscrub::recognizers::{catalog, predefined_by_name};
use piiscrub::{AnalyzeOptions, AnalyzerEngine};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Row {
    recognizer: String,
    #[serde(default = "english")]
    language: String,
    text: String,
    expect: Vec<String>,
    #[serde(default)]
    threshold: f64,
    /// Optional entity type the expected values must have (default: any the recognizer reports).
    #[serde(default)]
    entity_type: Option<String>,
}

fn english() -> String {
    "en".into()
}

fn rows() -> Vec<(String, Row)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/testdata/recognizers");
    let mut out = Vec::new();
    let mut paths: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    for path in paths {
        if path.extension().is_some_and(|e| e == "json") {
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            let rows: Vec<Row> = serde_json::from_str(&fs::read_to_string(&path).unwrap())
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            out.extend(rows.into_iter().map(|r| (name.clone(), r)));
        }
    }
    out
}

#[test]
fn every_row_matches() {
    let mut engines: BTreeMap<(String, String), AnalyzerEngine> = BTreeMap::new();
    let mut failures = Vec::new();
    for (file, row) in rows() {
        let engine = engines
            .entry((row.recognizer.clone(), row.language.clone()))
            .or_insert_with(|| {
                let r = predefined_by_name(&row.recognizer, &row.language)
                    .unwrap_or_else(|e| panic!("{file}: {e}"));
                let mut b = AnalyzerEngine::builder();
                b.clear().add_shared(r);
                b.build().unwrap()
            });
        let opts = AnalyzeOptions::default()
            .language(row.language.clone())
            .score_threshold(row.threshold);
        let results = engine.analyze(&row.text, &opts).unwrap();
        let got: Vec<&str> = results
            .iter()
            .filter(|r| {
                row.entity_type
                    .as_ref()
                    .is_none_or(|t| r.entity_type == t.as_str())
            })
            .map(|r| &row.text[r.start..r.end])
            .collect();
        if got != row.expect {
            failures.push(format!(
                "{file} {}: {:?}\n    expected {:?}\n    got      {:?}",
                row.recognizer, row.text, row.expect, got
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} rows failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_recognizer_has_positive_and_negative_rows() {
    let rows = rows();
    let mut missing = Vec::new();
    for spec in catalog() {
        let mine: Vec<&Row> = rows
            .iter()
            .map(|(_, r)| r)
            .filter(|r| r.recognizer == spec.name)
            .collect();
        if !mine.iter().any(|r| !r.expect.is_empty()) {
            missing.push(format!("{}: no positive row", spec.name));
        }
        if !mine.iter().any(|r| r.expect.is_empty()) {
            missing.push(format!("{}: no negative row", spec.name));
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}
