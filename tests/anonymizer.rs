//! The anonymizer through the public API: operators and conflict resolution. (Bad input, serde and
//! privacy are in `anonymizer_io.rs`.)

use piiscrub::{
    AnonymizedText, AnonymizerEngine, ConflictResolution, EntityType, HashKey, HashType,
    OperatorConfig, Operators, RecognizerResult,
};

const ALL: [ConflictResolution; 3] = [
    ConflictResolution::MergeSimilarOrContained,
    ConflictResolution::RemoveIntersections,
    ConflictResolution::PreferHigherScore,
];

fn engine(strategy: ConflictResolution) -> AnonymizerEngine {
    AnonymizerEngine::builder()
        .conflict_resolution(strategy)
        .build()
}

fn r(entity: &str, start: usize, end: usize, score: f64) -> RecognizerResult {
    RecognizerResult::new(EntityType::new(entity), start, end, score, "test".into())
}

/// A result covering the first occurrence of `needle` in `text`.
fn at(text: &str, needle: &str, entity: &str, score: f64) -> RecognizerResult {
    let start = text.find(needle).expect("needle in text");
    r(entity, start, start + needle.len(), score)
}

/// An item as `(start, end, entity_type, text, operator)`.
type Item = (usize, usize, String, String, String);

/// Items as `(start, end, entity_type, text, operator)`, the text read from the output.
fn items(out: &AnonymizedText) -> Vec<Item> {
    out.items
        .iter()
        .map(|i| {
            (
                i.start,
                i.end,
                i.entity_type.to_string(),
                out.text_of(i)
                    .expect("item on character boundaries")
                    .to_owned(),
                i.operator.to_string(),
            )
        })
        .collect()
}

fn item(start: usize, end: usize, ty: &str, text: &str, op: &str) -> Item {
    (start, end, ty.into(), text.into(), op.into())
}

fn anonymize(text: &str, results: &[RecognizerResult], ops: &Operators) -> AnonymizedText {
    AnonymizerEngine::new()
        .anonymize(text, results, ops)
        .expect("valid input")
}

// ---------------------------------------------------------------------------------------------------
// Operators

#[test]
fn replace_default_and_configured() {
    let text = "My name is John Smith, I live in Zürich.";
    let results = [
        at(text, "John Smith", "PERSON", 0.85),
        at(text, "Zürich", "LOCATION", 0.7),
    ];
    let out = anonymize(text, &results, &Operators::default());
    assert_eq!(out.text, "My name is <PERSON>, I live in <LOCATION>.");
    assert_eq!(
        items(&out),
        vec![
            item(11, 19, "PERSON", "<PERSON>", "replace"),
            item(31, 41, "LOCATION", "<LOCATION>", "replace"),
        ]
    );
    let ops = Operators::new()
        .with("PERSON", OperatorConfig::replace("名前"))
        .with_default(OperatorConfig::replace("<PII>"));
    let out = anonymize(text, &results, &ops);
    assert_eq!(out.text, "My name is 名前, I live in <PII>.");
    assert_eq!(
        items(&out),
        vec![
            item(11, 17, "PERSON", "名前", "replace"),
            item(29, 34, "LOCATION", "<PII>", "replace"),
        ]
    );
}

#[test]
fn replace_multibyte_values() {
    let text = "😀 山田太郎 さん e\u{301}mile";
    let results = [
        at(text, "山田太郎", "PERSON", 0.9),
        at(text, "e\u{301}mile", "PERSON", 0.9),
    ];
    let out = anonymize(text, &results, &Operators::default());
    assert_eq!(out.text, "😀 <PERSON> さん <PERSON>");
    assert_eq!(
        items(&out),
        vec![
            item(5, 13, "PERSON", "<PERSON>", "replace"),
            item(21, 29, "PERSON", "<PERSON>", "replace"),
        ]
    );
}

#[test]
fn redact_removes_value() {
    let text = "mail alice.smith@example.com now";
    let results = [at(text, "alice.smith@example.com", "EMAIL_ADDRESS", 1.0)];
    let out = anonymize(
        text,
        &results,
        &Operators::new().with_default(OperatorConfig::redact()),
    );
    assert_eq!(out.text, "mail  now");
    assert_eq!(items(&out), vec![item(5, 5, "EMAIL_ADDRESS", "", "redact")]);
}

#[test]
fn mask_from_start_and_end() {
    let text = "call 212-555-0199 now";
    let results = [at(text, "212-555-0199", "PHONE_NUMBER", 0.75)];
    let from_end = Operators::new().with("PHONE_NUMBER", OperatorConfig::mask('*', 4, true));
    let out = anonymize(text, &results, &from_end);
    assert_eq!(out.text, "call 212-555-**** now");
    assert_eq!(
        items(&out),
        vec![item(5, 17, "PHONE_NUMBER", "212-555-****", "mask")]
    );
    let from_start = Operators::new().with("PHONE_NUMBER", OperatorConfig::mask('#', 7, false));
    let out = anonymize(text, &results, &from_start);
    assert_eq!(out.text, "call #######-0199 now");
    assert_eq!(
        items(&out),
        vec![item(5, 17, "PHONE_NUMBER", "#######-0199", "mask")]
    );
}

#[test]
fn mask_counts_grapheme_clusters() {
    // "Zoé" with a combining accent, a thumbs-up with skin tone, CJK.
    let value = "Zoe\u{301}👍🏽中文";
    let text = format!("<{value}>");
    let results = [r("PERSON", 1, 1 + value.len(), 0.9)];
    let mask = |n, from_end| Operators::new().with_default(OperatorConfig::mask('•', n, from_end));
    assert_eq!(
        anonymize(&text, &results, &mask(3, false)).text,
        "<•••👍🏽中文>"
    );
    assert_eq!(
        anonymize(&text, &results, &mask(3, true)).text,
        "<Zoe\u{301}•••>"
    );
    assert_eq!(anonymize(&text, &results, &mask(4, true)).text, "<Zo••••>");
    // More than the value's length masks all of it, one masking char per cluster.
    let out = anonymize(&text, &results, &mask(100, false));
    assert_eq!(out.text, "<••••••>");
    assert_eq!(items(&out), vec![item(1, 19, "PERSON", "••••••", "mask")]);
    assert_eq!(
        anonymize(&text, &results, &mask(100, true)).text,
        "<••••••>"
    );
    assert_eq!(anonymize(&text, &results, &mask(0, true)).text, text);
}

#[test]
fn hash_known_vectors() {
    let sha = |ty| Operators::new().with_default(OperatorConfig::hash(ty));
    let text = "abc";
    let results = [r("X", 0, 3, 1.0)];
    let out = anonymize(text, &results, &sha(HashType::Sha256));
    // FIPS 180-2 B.1
    assert_eq!(
        out.text,
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
    assert_eq!(items(&out)[0].4, "hash");
    let out = anonymize(
        text,
        &results,
        &Operators::new().with_default(OperatorConfig::Hash {
            hash_type: HashType::default(),
            key: None,
        }),
    );
    assert_eq!(out.text.len(), 64);
    let out = anonymize(text, &results, &sha(HashType::Sha512));
    // FIPS 180-2 C.1
    assert_eq!(
        out.text,
        "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a\
         2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"
    );

    // RFC 4231 test case 2.
    let text = "what do ya want for nothing?";
    let results = [r("X", 0, text.len(), 1.0)];
    let keyed =
        |ty| Operators::new().with_default(OperatorConfig::keyed_hash(ty, HashKey::new("Jefe")));
    assert_eq!(
        anonymize(text, &results, &keyed(HashType::Sha256)).text,
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
    );
    assert_eq!(
        anonymize(text, &results, &keyed(HashType::Sha512)).text,
        "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea250554\
         9758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737"
    );
}

#[test]
fn hash_multibyte_value_and_keyed_determinism() {
    let text = "名前: 山田太郎 😀";
    let results = [
        at(text, "山田太郎", "PERSON", 0.9),
        at(text, "😀", "EMOJI", 0.9),
    ];
    let keyed = |key: &str| {
        Operators::new().with_default(OperatorConfig::keyed_hash(
            HashType::Sha256,
            HashKey::new(key),
        ))
    };
    let a1 = anonymize(text, &results, &keyed("key one"));
    let a2 = anonymize(text, &results, &keyed("key one"));
    let b = anonymize(text, &results, &keyed("key two"));
    let plain = anonymize(
        text,
        &results,
        &Operators::new().with_default(OperatorConfig::hash(HashType::Sha256)),
    );
    assert_eq!(a1, a2);
    let first = |out: &AnonymizedText, n: usize| items(out)[n].3.clone();
    assert_ne!(first(&a1, 0), first(&b, 0));
    assert_ne!(first(&a1, 0), first(&plain, 0));
    assert_ne!(first(&a1, 0), first(&a1, 1));
    for out in [&a1, &b, &plain] {
        for (.., text, _) in items(out) {
            assert_eq!(text.len(), 64);
            assert!(
                text.bytes()
                    .all(|c| c.is_ascii_digit() || (b'a'..=b'f').contains(&c))
            );
        }
        assert!(out.text.starts_with("名前: ") && !out.text.contains("山田"));
    }
}

#[test]
fn keep_and_custom() {
    let text = "Dear Zoë Ærøskøbing,";
    let results = [at(text, "Zoë Ærøskøbing", "PERSON", 0.9)];
    let out = anonymize(
        text,
        &results,
        &Operators::new().with("PERSON", OperatorConfig::keep()),
    );
    assert_eq!(out.text, text);
    assert_eq!(
        items(&out),
        vec![item(5, 23, "PERSON", "Zoë Ærøskøbing", "keep")]
    );

    let initials = OperatorConfig::custom(|v| {
        v.split_whitespace()
            .filter_map(|w| w.chars().next())
            .map(|c| format!("{c}."))
            .collect()
    });
    let out = anonymize(text, &results, &Operators::new().with("PERSON", initials));
    assert_eq!(out.text, "Dear Z.Æ.,");
    assert_eq!(items(&out), vec![item(5, 10, "PERSON", "Z.Æ.", "custom")]);
}

#[test]
fn no_results_and_empty_spans() {
    let text = "nothing to see";
    let out = anonymize(text, &[], &Operators::default());
    assert_eq!(out.text, text);
    assert!(out.items.is_empty());
    let out = anonymize(
        text,
        &[r("PERSON", 3, 3, 1.0), r("PERSON", 14, 14, 1.0)],
        &Operators::default(),
    );
    assert_eq!(out.text, text);
    assert!(out.items.is_empty());
    let out = anonymize("", &[r("PERSON", 0, 0, 1.0)], &Operators::default());
    assert_eq!(out.text, "");
}

#[test]
fn whole_text_and_adjacent_to_edges() {
    let text = "John";
    let out = anonymize(text, &[r("PERSON", 0, 4, 0.9)], &Operators::default());
    assert_eq!(out.text, "<PERSON>");
    assert_eq!(
        items(&out),
        vec![item(0, 8, "PERSON", "<PERSON>", "replace")]
    );
}

// ---------------------------------------------------------------------------------------------------
// Conflict resolution

/// Runs every strategy, returning `(text, items)` for each.
fn each(text: &str, results: &[RecognizerResult], ops: &Operators) -> Vec<(String, Vec<Item>)> {
    ALL.iter()
        .map(|&s| {
            let out = engine(s).anonymize(text, results, ops).expect("valid");
            let items = items(&out);
            (out.text, items)
        })
        .collect()
}

/// Wraps each value in brackets, so the resolved spans are visible in the output.
fn brackets() -> Operators {
    Operators::new().with_default(OperatorConfig::custom(|v| format!("[{v}]")))
}

#[test]
fn same_type_overlap_merges_in_every_strategy() {
    let text = "My name is John Smith";
    let results = [r("PERSON", 11, 21, 0.8), r("PERSON", 16, 21, 0.6)];
    for (out, its) in each(text, &results, &Operators::default()) {
        assert_eq!(out, "My name is <PERSON>");
        assert_eq!(its, vec![item(11, 19, "PERSON", "<PERSON>", "replace")]);
    }
    // Partial same-type overlap: the union, whatever the order of the input.
    let results = [r("PERSON", 14, 21, 0.6), r("PERSON", 11, 16, 0.8)];
    for (out, its) in each(text, &results, &brackets()) {
        assert_eq!(out, "My name is [John Smith]");
        assert_eq!(its, vec![item(11, 23, "PERSON", "[John Smith]", "custom")]);
    }
}

#[test]
fn email_inside_url() {
    let text = "Visit https://example.com/u/alice@example.com today";
    let url = at(text, "https://example.com/u/alice@example.com", "URL", 0.6);
    let email = at(text, "alice@example.com", "EMAIL_ADDRESS", 1.0);
    let results = [url, email];
    let got = each(text, &results, &Operators::default());
    // Presidio's strategies drop the contained result, whatever its score.
    for (out, its) in &got[..2] {
        assert_eq!(out, "Visit <URL> today");
        assert_eq!(its, &vec![item(6, 11, "URL", "<URL>", "replace")]);
    }
    // PreferHigherScore keeps the email, and the URL keeps what is around it.
    assert_eq!(got[2].0, "Visit <URL><EMAIL_ADDRESS> today");
    assert_eq!(
        got[2].1,
        vec![
            item(6, 11, "URL", "<URL>", "replace"),
            item(11, 26, "EMAIL_ADDRESS", "<EMAIL_ADDRESS>", "replace"),
        ]
    );
    let prefer = engine(ConflictResolution::PreferHigherScore);
    let out = prefer.anonymize(text, &results, &brackets()).unwrap();
    assert_eq!(
        out.text,
        "Visit [https://example.com/u/][alice@example.com] today"
    );
}

#[test]
fn contained_in_the_middle_splits_container_trimming_whitespace() {
    let text = "Address: 1 Main St, mail bob@example.org , Springfield.";
    let container = at(
        text,
        "1 Main St, mail bob@example.org , Springfield",
        "LOCATION",
        0.5,
    );
    let email = at(text, "bob@example.org", "EMAIL_ADDRESS", 1.0);
    let out = engine(ConflictResolution::PreferHigherScore)
        .anonymize(text, &[container.clone(), email.clone()], &brackets())
        .unwrap();
    assert_eq!(
        out.text,
        "Address: [1 Main St, mail] [bob@example.org] [, Springfield]."
    );
    assert_eq!(
        items(&out),
        vec![
            item(9, 26, "LOCATION", "[1 Main St, mail]", "custom"),
            item(27, 44, "EMAIL_ADDRESS", "[bob@example.org]", "custom"),
            item(45, 60, "LOCATION", "[, Springfield]", "custom"),
        ]
    );
    // A contained result that does not score higher disappears.
    let low = RecognizerResult {
        score: 0.5,
        ..email
    };
    let out = engine(ConflictResolution::PreferHigherScore)
        .anonymize(text, &[container, low], &Operators::default())
        .unwrap();
    assert_eq!(out.text, "Address: <LOCATION>.");
}

#[test]
fn partial_cross_type_overlap() {
    let text = "ABCDEFGHIJ";
    // A scores higher.
    let results = [r("A", 0, 6, 0.9), r("B", 4, 10, 0.5)];
    let got = each(text, &results, &brackets());
    // Presidio's default trims the earlier span, whatever the scores.
    assert_eq!(got[0].0, "[ABCD][EFGHIJ]");
    assert_eq!(
        got[0].1,
        vec![
            item(0, 6, "A", "[ABCD]", "custom"),
            item(6, 14, "B", "[EFGHIJ]", "custom")
        ]
    );
    assert_eq!(got[1].0, "[ABCDEF][GHIJ]");
    assert_eq!(
        got[1].1,
        vec![
            item(0, 8, "A", "[ABCDEF]", "custom"),
            item(8, 14, "B", "[GHIJ]", "custom")
        ]
    );
    assert_eq!(got[2], got[1]);

    // B scores higher: every strategy gives the overlap to B.
    let results = [r("A", 0, 6, 0.5), r("B", 4, 10, 0.9)];
    for (out, its) in each(text, &results, &brackets()) {
        assert_eq!(out, "[ABCD][EFGHIJ]");
        assert_eq!(
            its,
            vec![
                item(0, 6, "A", "[ABCD]", "custom"),
                item(6, 14, "B", "[EFGHIJ]", "custom")
            ]
        );
    }

    // Equal scores: remove_intersections keeps the current (earlier) span whole.
    let results = [r("A", 0, 6, 0.5), r("B", 4, 10, 0.5)];
    let got = each(text, &results, &brackets());
    assert_eq!(got[0].0, "[ABCD][EFGHIJ]");
    assert_eq!(got[1].0, "[ABCDEF][GHIJ]");
    assert_eq!(got[2].0, "[ABCDEF][GHIJ]");
}

#[test]
fn remove_intersections_chain() {
    let text = "0123456789abcdefghij";
    // A beats B, B is pushed behind A and then beats C.
    let results = [r("A", 0, 8, 0.9), r("B", 4, 12, 0.7), r("C", 10, 20, 0.5)];
    let out = engine(ConflictResolution::RemoveIntersections)
        .anonymize(text, &results, &brackets())
        .unwrap();
    assert_eq!(out.text, "[01234567][89ab][cdefghij]");
    // The same with C strongest: B ends where C starts.
    let results = [r("A", 0, 8, 0.9), r("B", 4, 12, 0.7), r("C", 10, 20, 0.95)];
    let out = engine(ConflictResolution::RemoveIntersections)
        .anonymize(text, &results, &brackets())
        .unwrap();
    assert_eq!(out.text, "[01234567][89][abcdefghij]");
}

#[test]
fn touching_spans_stay_separate() {
    let text = "AB";
    let results = [r("A", 0, 1, 0.5), r("B", 1, 2, 0.9)];
    for (out, its) in each(text, &results, &Operators::default()) {
        assert_eq!(out, "<A><B>");
        assert_eq!(
            its,
            vec![
                item(0, 3, "A", "<A>", "replace"),
                item(3, 6, "B", "<B>", "replace")
            ]
        );
    }
    // Same type touching: not merged either (as in Presidio: the gap must hold a space).
    let results = [r("A", 0, 1, 0.5), r("A", 1, 2, 0.9)];
    for (out, _) in each(text, &results, &Operators::default()) {
        assert_eq!(out, "<A><A>");
    }
}

#[test]
fn identical_spans_keep_the_higher_score() {
    let text = "id 4242 end";
    let results = [
        at(text, "4242", "US_BANK_NUMBER", 0.4),
        at(text, "4242", "PHONE_NUMBER", 0.9),
    ];
    for (out, its) in each(text, &results, &Operators::default()) {
        assert_eq!(out, "id <PHONE_NUMBER> end");
        assert_eq!(
            its,
            vec![item(3, 17, "PHONE_NUMBER", "<PHONE_NUMBER>", "replace")]
        );
    }
    // Equal scores: the first in the input.
    let results = [
        at(text, "4242", "US_BANK_NUMBER", 0.5),
        at(text, "4242", "PHONE_NUMBER", 0.5),
    ];
    for (out, _) in each(text, &results, &Operators::default()) {
        assert_eq!(out, "id <US_BANK_NUMBER> end");
    }
}

#[test]
fn whitespace_gap_merge() {
    let text = "John  Smith";
    let results = [r("PERSON", 0, 4, 0.6), r("PERSON", 6, 11, 0.8)];
    for (out, its) in each(text, &results, &brackets()) {
        assert_eq!(out, "[John  Smith]");
        assert_eq!(its, vec![item(0, 13, "PERSON", "[John  Smith]", "custom")]);
    }
    for (out, its) in each(text, &results, &Operators::default()) {
        assert_eq!(out, "<PERSON>");
        assert_eq!(its, vec![item(0, 8, "PERSON", "<PERSON>", "replace")]);
    }
    // Three names in a row.
    let text = "Anna Maria Lopez";
    let results = [
        r("PERSON", 0, 4, 0.6),
        r("PERSON", 5, 10, 0.6),
        r("PERSON", 11, 16, 0.6),
    ];
    for (out, _) in each(text, &results, &Operators::default()) {
        assert_eq!(out, "<PERSON>");
    }
    // Not across a newline, a tab, other text, or between different types.
    for text in ["John\nSmith", "John\tSmith", "John \nSmith", "John,Smith"] {
        let end = text.len();
        let results = [r("PERSON", 0, 4, 0.6), r("PERSON", end - 5, end, 0.8)];
        for (out, its) in each(text, &results, &Operators::default()) {
            assert_eq!(out, format!("<PERSON>{}<PERSON>", &text[4..end - 5]));
            assert_eq!(its.len(), 2);
        }
    }
    let text = "John Smith";
    let results = [r("PERSON", 0, 4, 0.6), r("LOCATION", 5, 10, 0.8)];
    for (out, _) in each(text, &results, &Operators::default()) {
        assert_eq!(out, "<PERSON> <LOCATION>");
    }
}

#[test]
fn resolve_conflicts_reports_input_spans() {
    let text = "Visit https://example.com/u/alice@example.com today";
    let results = [
        at(text, "https://example.com/u/alice@example.com", "URL", 0.6),
        at(text, "alice@example.com", "EMAIL_ADDRESS", 1.0),
    ];
    let resolved = engine(ConflictResolution::PreferHigherScore)
        .resolve_conflicts(text, &results)
        .unwrap();
    let spans: Vec<_> = resolved
        .iter()
        .map(|r| (r.entity_type.as_str(), &text[r.start..r.end], r.score))
        .collect();
    assert_eq!(
        spans,
        vec![
            ("URL", "https://example.com/u/", 0.6),
            ("EMAIL_ADDRESS", "alice@example.com", 1.0)
        ]
    );
}

#[test]
fn unsorted_input_gives_sorted_items() {
    let text = "a b c d";
    let results = [
        r("D", 6, 7, 0.5),
        r("B", 2, 3, 0.5),
        r("C", 4, 5, 0.5),
        r("A", 0, 1, 0.5),
    ];
    for (out, its) in each(text, &results, &Operators::default()) {
        assert_eq!(out, "<A> <B> <C> <D>");
        assert!(its.windows(2).all(|w| w[0].1 <= w[1].0));
    }
}

#[test]
fn scale_is_not_quadratic() {
    // 100k results in patterns that make naive pairwise or re-sorting loops quadratic: a staircase where
    // each result overlaps all the following ones, and fully nested results. Runs in well under a second
    // per strategy even in a debug build.
    let n = 100_000;
    let text = "x".repeat(2 * n + 1);
    let staircase: Vec<_> = (0..n)
        .map(|i| r(["A", "B", "C"][i % 3], i, n + i, (i % 7) as f64 / 7.0))
        .collect();
    let nested: Vec<_> = (0..n)
        .map(|i| r(["A", "B"][i % 2], i, 2 * n - i, (i % 5) as f64 / 5.0))
        .collect();
    for strategy in ALL {
        for results in [&staircase, &nested] {
            let out = engine(strategy)
                .anonymize(&text, results, &Operators::default())
                .unwrap();
            assert!(!out.items.is_empty());
            assert!(!out.text.contains('x') || out.text.starts_with('<'));
        }
    }
}
