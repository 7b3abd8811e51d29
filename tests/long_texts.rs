//! Texts longer than a segment (128 KiB) are analyzed a segment at a time; results must be what the parts
//! give on their own, with nothing lost or doubled at the cuts.

use piiscrub::{AnalyzeOptions, AnalyzerEngine, RecognizerResult};

const TICKETS: &str = include_str!("../examples/data/support_tickets.jsonl");

fn key(r: &RecognizerResult, shift: usize) -> (usize, usize, String) {
    (r.start + shift, r.end + shift, r.entity_type.to_string())
}

#[test]
fn paragraphs_in_a_long_text_are_found_as_on_their_own() {
    let engine = AnalyzerEngine::new();
    let options = AnalyzeOptions::default();
    // Independent paragraphs (blank lines between), repeated well past three segments.
    let paragraphs: Vec<&str> = TICKETS.lines().collect();
    let mut text = String::new();
    let mut expected = Vec::new();
    let mut k = 0;
    while text.len() < 3_300_000 {
        let p = paragraphs[k % paragraphs.len()];
        let shift = text.len();
        for r in engine.analyze(p, &options).unwrap() {
            expected.push(key(&r, shift));
        }
        text.push_str(p);
        text.push_str("\n\n");
        k += 1;
    }
    let got: Vec<_> = engine
        .analyze(&text, &options)
        .unwrap()
        .iter()
        .map(|r| key(r, 0))
        .collect();
    assert_eq!(got.len(), expected.len());
    assert_eq!(got, expected);
}

#[test]
fn every_row_of_a_long_table_is_read_under_its_header() {
    let engine = AnalyzerEngine::new();
    let options = AnalyzeOptions::default();
    let row = "Jane Doe,536228726,jane@example.com,Paris\n";
    let header = "name,ssn,email,city\n";
    let first: Vec<_> = engine
        .analyze(&format!("{header}{row}"), &options)
        .unwrap()
        .iter()
        .map(|r| {
            (
                r.start - header.len(),
                r.end - header.len(),
                r.entity_type.to_string(),
            )
        })
        .collect();
    assert!(first.len() >= 3, "{first:?}");
    let rows = 3_000_000 / row.len();
    let text = format!("{header}{}", row.repeat(rows));
    let got = engine.analyze(&text, &options).unwrap();
    assert_eq!(got.len(), first.len() * rows);
    for (i, r) in got.iter().enumerate() {
        let row_start = header.len() + (i / first.len()) * row.len();
        let (s, e, t) = &first[i % first.len()];
        assert_eq!((r.start - row_start, r.end - row_start), (*s, *e));
        assert_eq!(&r.entity_type.to_string(), t);
    }
}
