//! Property tests of the anonymizer, over arbitrary text (ASCII, multi-byte, combining marks, whitespace)
//! and arbitrary results (overlapping, empty, reversed, out of range, off character boundaries):
//!
//! 1. `anonymize` never panics, and returns `Err(InvalidSpan)` exactly when some result is invalid, naming
//!    the first one (index, offsets, reason).
//! 2. For valid results, under every strategy, with `replace` and with `redact`:
//!    - the output is the input with every span from `resolve_conflicts` substituted, and item `i` sits at
//!      `out.text_of(item)` equal to the operator's output for that span;
//!    - every detected byte is replaced (under `PreferHigherScore`: every detected non-whitespace byte);
//!    - no leak: every substring `w` of a detected span with more than 3 characters that occurs in the
//!      output also occurs in the input at a place none of whose bytes is detected (same definition).
//! 3. Other operators (`mask`, `keep`, `hash`) keep item offsets ordered and on character boundaries;
//!    `keep` returns the input.

use piiscrub::{
    AnonymizedText, AnonymizerEngine, ConflictResolution, EntityType, Error, OperatorConfig,
    Operators, RecognizerResult, SpanProblem,
};
use proptest::prelude::*;

const ALL: [ConflictResolution; 3] = [
    ConflictResolution::MergeSimilarOrContained,
    ConflictResolution::RemoveIntersections,
    ConflictResolution::PreferHigherScore,
];

/// Text pieces: ASCII, multi-byte, a combining sequence, whitespace. No `<` or `>`, which only the
/// `replace` operator writes.
const PIECES: &[&str] = &[
    "a", "b", "ab", "é", "e\u{301}", "😀", "中文", " ", "  ", "\n", "\t", "x",
];
const TYPES: &[&str] = &["A", "B", "C"];
const SCORES: &[f64] = &[0.25, 0.5, 0.5, 0.75, 1.0];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..24).prop_map(|p| p.concat())
}

/// An offset: usually a character boundary of `text`, sometimes (unless `valid`) any number up to a bit
/// past the end.
fn offset(text: &str, valid: bool) -> BoxedStrategy<usize> {
    let boundaries: Vec<usize> = (0..=text.len())
        .filter(|&i| text.is_char_boundary(i))
        .collect();
    let len = text.len();
    let raw = if valid { 0 } else { 1 };
    prop_oneof![
        9 => prop::sample::select(boundaries),
        raw => 0..=len + 2,
    ]
    .boxed()
}

/// Up to 8 results on `text`; when `valid`, all of them are valid (possibly empty, overlapping).
fn results(text: &str, valid: bool) -> BoxedStrategy<Vec<RecognizerResult>> {
    let span = (
        prop::sample::select(TYPES),
        offset(text, valid),
        offset(text, valid),
        prop::sample::select(SCORES),
        prop::bool::weighted(if valid { 1.0 } else { 0.9 }),
    )
        .prop_map(|(ty, a, b, score, ordered)| {
            // Mostly ordered pairs, sometimes reversed ones.
            let (start, end) = if ordered {
                (a.min(b), a.max(b))
            } else {
                (a, b)
            };
            RecognizerResult::new(EntityType::new(ty), start, end, score, "prop".into())
        });
    prop::collection::vec(span, 0..8).boxed()
}

/// A text and results on it, valid or not.
fn any_case() -> impl Strategy<Value = (String, Vec<RecognizerResult>)> {
    text().prop_flat_map(|t| {
        let rs = results(&t, false);
        (Just(t), rs)
    })
}

/// A text and valid results on it.
fn valid_case() -> impl Strategy<Value = (String, Vec<RecognizerResult>)> {
    text().prop_flat_map(|t| {
        let rs = results(&t, true);
        (Just(t), rs)
    })
}

/// The first invalid result, by the documented rules.
fn first_invalid(text: &str, results: &[RecognizerResult]) -> Option<(usize, SpanProblem)> {
    results.iter().enumerate().find_map(|(i, r)| {
        let problem = if r.start > r.end {
            SpanProblem::Reversed
        } else if r.end > text.len() {
            SpanProblem::OutOfRange
        } else if !text.is_char_boundary(r.start) || !text.is_char_boundary(r.end) {
            SpanProblem::NotCharBoundary
        } else {
            return None;
        };
        Some((i, problem))
    })
}

fn engine(strategy: ConflictResolution) -> AnonymizerEngine {
    AnonymizerEngine::builder()
        .conflict_resolution(strategy)
        .build()
}

/// Checks one valid case under one strategy and one operator (`replace` by default or `redact`).
fn check_valid(
    text: &str,
    results: &[RecognizerResult],
    strategy: ConflictResolution,
    redact: bool,
) -> Result<(), TestCaseError> {
    let ops = if redact {
        Operators::new().with_default(OperatorConfig::redact())
    } else {
        Operators::new()
    };
    let engine = engine(strategy);
    let out: AnonymizedText = engine.anonymize(text, results, &ops).expect("valid input");
    let resolved = engine
        .resolve_conflicts(text, results)
        .expect("valid input");

    // Resolved spans: non-empty, disjoint, sorted, on character boundaries.
    for w in resolved.windows(2) {
        prop_assert!(w[0].end <= w[1].start);
    }
    for r in &resolved {
        prop_assert!(r.start < r.end && r.end <= text.len());
        prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
    }

    // The output is the input with every resolved span substituted, and the items say where.
    let replacement = |ty: &EntityType| {
        if redact {
            String::new()
        } else {
            format!("<{ty}>")
        }
    };
    let mut expected = String::new();
    let mut copied = 0;
    for r in &resolved {
        expected.push_str(&text[copied..r.start]);
        expected.push_str(&replacement(&r.entity_type));
        copied = r.end;
    }
    expected.push_str(&text[copied..]);
    prop_assert_eq!(&out.text, &expected);
    prop_assert_eq!(out.items.len(), resolved.len());
    for (item, r) in out.items.iter().zip(&resolved) {
        prop_assert!(out.text.is_char_boundary(item.start) && out.text.is_char_boundary(item.end));
        prop_assert_eq!(&item.entity_type, &r.entity_type);
        let expected = replacement(&r.entity_type);
        prop_assert_eq!(out.text_of(item), Some(expected.as_str()));
    }

    // Which bytes of the input were detected. Under PreferHigherScore whitespace at the cut edges of a
    // split result is left in place by design, so there whitespace does not count as detected.
    let detected: Vec<&RecognizerResult> = results.iter().filter(|r| r.start < r.end).collect();
    let mut is_detected = vec![false; text.len()];
    for r in &detected {
        for (offset, c) in text[r.start..r.end].char_indices() {
            if strategy == ConflictResolution::PreferHigherScore && c.is_whitespace() {
                continue;
            }
            let at = r.start + offset;
            is_detected[at..at + c.len_utf8()].fill(true);
        }
    }
    // Every detected byte is replaced.
    let mut replaced = vec![false; text.len()];
    for r in &resolved {
        replaced[r.start..r.end].fill(true);
    }
    for (b, (&d, &rep)) in is_detected.iter().zip(&replaced).enumerate() {
        prop_assert!(!d || rep, "detected byte {} not replaced", b);
    }

    // No leak. For every substring `w` of a detected span with more than 3 characters: if `w` occurs in
    // the output, it also occurs in the input at a place where none of its bytes is detected (as defined
    // above). Occurrences are looked for within each stretch of output between two items, which is a
    // stretch of the input; with `replace`, whose `<TYPE>` values hold `<` and `>` that no input has, an
    // occurrence cannot straddle an item either, so the whole output is searched too.
    let kept: Vec<&str> = {
        let mut v = Vec::new();
        let mut from = 0;
        for item in &out.items {
            v.push(&out.text[from..item.start]);
            from = item.end;
        }
        v.push(&out.text[from..]);
        v
    };
    // Every occurrence, overlapping ones included.
    let occurs_undetected = |w: &str| {
        (0..text.len()).any(|at| {
            text.get(at..).is_some_and(|rest| rest.starts_with(w))
                && !is_detected[at..at + w.len()].iter().any(|&d| d)
        })
    };
    for r in &detected {
        let value = &text[r.start..r.end];
        let bounds: Vec<usize> = value
            .char_indices()
            .map(|(i, _)| i)
            .chain([value.len()])
            .collect();
        for (i, &a) in bounds.iter().enumerate() {
            for &b in bounds.get(i + 4..).unwrap_or_default() {
                let w = &value[a..b];
                let in_output =
                    kept.iter().any(|k| k.contains(w)) || (!redact && out.text.contains(w));
                prop_assert!(
                    !in_output || occurs_undetected(w),
                    "detected {:?} leaked into {:?}",
                    w,
                    out.text
                );
            }
        }
    }
    Ok(())
}

proptest! {
    #[test]
    fn never_panics_and_rejects_exactly_the_invalid((text, results) in any_case()) {
        let expected = first_invalid(&text, &results);
        for strategy in ALL {
            let got = engine(strategy).anonymize(&text, &results, &Operators::default());
            match (&got, expected) {
                (Ok(_), None) => {}
                (Err(Error::InvalidSpan { index, start, end, text_len, reason }), Some((i, problem))) => {
                    prop_assert_eq!(*index, i);
                    prop_assert_eq!(*reason, problem);
                    prop_assert_eq!((*start, *end), (results[i].start, results[i].end));
                    prop_assert_eq!(*text_len, text.len());
                }
                _ => prop_assert!(false, "expected {:?}, got {:?}", expected, got),
            }
        }
    }

    #[test]
    fn valid_input_replaces_every_detection((text, results) in valid_case()) {
        prop_assert_eq!(first_invalid(&text, &results), None);
        for strategy in ALL {
            for redact in [false, true] {
                check_valid(&text, &results, strategy, redact)?;
            }
        }
    }

    #[test]
    fn other_operators_keep_offsets_consistent((text, results) in valid_case()) {
        prop_assert_eq!(first_invalid(&text, &results), None);
        let ops = Operators::new()
            .with("A", OperatorConfig::mask('*', 3, true))
            .with("B", OperatorConfig::keep())
            .with_default(OperatorConfig::hash(piiscrub::HashType::Sha256));
        for strategy in ALL {
            let out = engine(strategy).anonymize(&text, &results, &ops).expect("valid input");
            let mut last = 0;
            for item in &out.items {
                prop_assert!(last <= item.start && item.start <= item.end);
                prop_assert!(out.text.is_char_boundary(item.start) && out.text.is_char_boundary(item.end));
                prop_assert!(out.text_of(item).is_some());
                last = item.end;
            }
            // `keep` everywhere gives the input back.
            let keep = Operators::new().with_default(OperatorConfig::keep());
            prop_assert_eq!(engine(strategy).anonymize(&text, &results, &keep).expect("valid").text, text.clone());
        }
    }
}
