//! Accuracy floor on a small hand-written corpus that no rule was tuned on (`testdata/heldout/`): support
//! mail, CSV and JSON exports, chat, logs, letters in English, German and French, with near misses
//! (versions, part numbers, test cards, UUIDs, SSH remotes, log timestamps). Overlap + same type, as in
//! `eval_spans.py`.

use piiscrub::{AnalyzeOptions, AnalyzerEngine};
use serde_json::Value;

#[test]
fn heldout_precision_and_recall() {
    let corpus = std::fs::read_to_string("testdata/heldout/heldout.jsonl").unwrap();
    let engine = AnalyzerEngine::new();
    let (mut gold_n, mut found, mut pred_n, mut correct) = (0, 0, 0, 0);
    for line in corpus.lines() {
        let rec: Value = serde_json::from_str(line).unwrap();
        let text = rec["text"].as_str().unwrap();
        let gold: Vec<(usize, usize, &str)> = rec["spans"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| {
                (
                    s["start"].as_u64().unwrap() as usize,
                    s["end"].as_u64().unwrap() as usize,
                    s["entity_type"].as_str().unwrap(),
                )
            })
            .collect();
        let pred = engine.analyze(text, &AnalyzeOptions::default()).unwrap();
        let hit = |s: usize, e: usize, t: &str, s2: usize, e2: usize, t2: &str| {
            t == t2 && s < e2 && s2 < e
        };
        gold_n += gold.len();
        found += gold
            .iter()
            .filter(|g| {
                pred.iter()
                    .any(|p| hit(g.0, g.1, g.2, p.start, p.end, p.entity_type.as_str()))
            })
            .count();
        pred_n += pred.len();
        correct += pred
            .iter()
            .filter(|p| {
                gold.iter()
                    .any(|g| hit(g.0, g.1, g.2, p.start, p.end, p.entity_type.as_str()))
            })
            .count();
    }
    let recall = found as f64 / gold_n as f64;
    let precision = correct as f64 / pred_n as f64;
    assert!(gold_n >= 70, "the held-out corpus shrank");
    assert!(recall >= 0.9, "held-out recall {recall:.3}");
    assert!(precision >= 0.9, "held-out precision {precision:.3}");
}
