//! Property tests for the analyzer's invariants on arbitrary text.

use piiscrub::{AnalyzeOptions, AnalyzerEngine, AnonymizerEngine, Operators};
use proptest::prelude::*;

/// Text mixing PII-shaped fragments, ASCII noise and multi-byte characters.
fn texty() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("alice.smith@example.com".to_string()),
        Just("Customer Name: Zoë Müller".to_string()),
        Just("4111 1111 1111 1111".to_string()),
        Just("(212) 555-0142".to_string()),
        Just("536-22-8726".to_string()),
        Just("https://example.org/a(b)".to_string()),
        Just("2001:db8::1".to_string()),
        Just("10.0.0.1".to_string()),
        Just("Dear Bob,".to_string()),
        "[a-zA-Z0-9@.:/ ()+-]{0,12}",
        "\\PC{0,6}",
        Just("😀".to_string()),
        Just("e\u{301}".to_string()),
        Just("中文".to_string()),
        Just("\n".to_string()),
    ];
    prop::collection::vec(piece, 0..12).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn results_are_well_formed(text in texty()) {
        let engine = AnalyzerEngine::new();
        let results = engine.analyze(&text, &AnalyzeOptions::default()).unwrap();
        for w in results.windows(2) {
            prop_assert!((w[0].start, w[0].end) <= (w[1].start, w[1].end));
        }
        for r in &results {
            prop_assert!(r.start < r.end && r.end <= text.len());
            prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
            prop_assert!((0.0..=1.0).contains(&r.score));
        }
        // No same-type result lies inside another with a higher or equal score.
        for (i, a) in results.iter().enumerate() {
            for (j, b) in results.iter().enumerate() {
                if i != j && a.entity_type == b.entity_type && a.contained_in(b) {
                    prop_assert!(a.score > b.score, "{a:?} inside {b:?}");
                }
            }
        }
    }

    #[test]
    fn scrubbed_text_holds_no_detected_value(text in texty()) {
        let results = AnalyzerEngine::new().analyze(&text, &AnalyzeOptions::default()).unwrap();
        let out = AnonymizerEngine::new().anonymize(&text, &results, &Operators::default()).unwrap();
        for r in &results {
            let value = &text[r.start..r.end];
            if value.chars().count() <= 3 {
                continue;
            }
            // A value may legitimately survive if it also occurs outside every detected span.
            let elsewhere = text.match_indices(value).any(|(i, _)| {
                let e = i + value.len();
                !results.iter().any(|o| o.start < e && i < o.end)
            });
            if !elsewhere {
                prop_assert!(!out.text.contains(value), "value of {:?} survived", r.entity_type);
            }
        }
    }
}
