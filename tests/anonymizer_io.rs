//! The anonymizer through the public API: bad input, serde shapes, thread safety, and privacy of errors
//! and `Debug` output. (Operators and conflict resolution are in `anonymizer.rs`.)

use piiscrub::{
    AnonymizedText, AnonymizerEngine, ConflictResolution, EntityType, Error, HashKey, HashType,
    OperatorConfig, OperatorResult, Operators, RecognizerResult, SpanProblem,
};
use serde_json::json;

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

fn anonymize(text: &str, results: &[RecognizerResult], ops: &Operators) -> AnonymizedText {
    AnonymizerEngine::new()
        .anonymize(text, results, ops)
        .expect("valid input")
}

// ---------------------------------------------------------------------------------------------------
// Bad input

fn span_error(text: &str, results: &[RecognizerResult]) -> (usize, SpanProblem) {
    for strategy in ALL {
        let e = engine(strategy);
        assert!(e.resolve_conflicts(text, results).is_err());
        match e.anonymize(text, results, &Operators::default()) {
            Err(Error::InvalidSpan {
                index,
                reason,
                text_len,
                ..
            }) => {
                assert_eq!(text_len, text.len());
                if strategy == ConflictResolution::PreferHigherScore {
                    return (index, reason);
                }
            }
            other => panic!("expected InvalidSpan, got {other:?}"),
        }
    }
    unreachable!()
}

#[test]
fn invalid_spans_are_typed_errors() {
    let text = "héllo wörld";
    let ok = r("PERSON", 0, 5, 0.9);
    assert_eq!(
        span_error(text, &[ok.clone(), r("PERSON", 3, 40, 0.9)]),
        (1, SpanProblem::OutOfRange)
    );
    assert_eq!(
        span_error(text, &[r("PERSON", 20, 20, 0.9)]),
        (0, SpanProblem::OutOfRange)
    );
    assert_eq!(
        span_error(text, &[ok.clone(), ok.clone(), r("PERSON", 5, 2, 0.9)]),
        (2, SpanProblem::Reversed)
    );
    // Reversed takes precedence over out of range, as in the offset conversions.
    assert_eq!(
        span_error(text, &[r("PERSON", 50, 40, 0.9)]),
        (0, SpanProblem::Reversed)
    );
    // Byte 2 is inside "é"; so is 9 inside "ö". Empty spans are checked too.
    assert_eq!(
        span_error(text, &[r("PERSON", 2, 4, 0.9)]),
        (0, SpanProblem::NotCharBoundary)
    );
    assert_eq!(
        span_error(text, &[ok.clone(), r("PERSON", 7, 9, 0.9)]),
        (1, SpanProblem::NotCharBoundary)
    );
    assert_eq!(
        span_error(text, &[r("PERSON", 2, 2, 0.9)]),
        (0, SpanProblem::NotCharBoundary)
    );
    // The first bad result is reported.
    assert_eq!(
        span_error(text, &[ok, r("PERSON", 2, 4, 0.9), r("PERSON", 9, 1, 0.9)]),
        (1, SpanProblem::NotCharBoundary)
    );
}

#[test]
fn invalid_operators_are_typed_errors() {
    let text = "call 212-555-0199";
    let results = [at(text, "212-555-0199", "PHONE_NUMBER", 0.8)];
    for masking_char in ["", "**", "e\u{301}"] {
        let ops = Operators::new().with(
            "PHONE_NUMBER",
            OperatorConfig::Mask {
                masking_char: masking_char.into(),
                chars_to_mask: 4,
                from_end: false,
            },
        );
        match AnonymizerEngine::new().anonymize(text, &results, &ops) {
            Err(Error::InvalidOperator {
                entity_type,
                operator,
                ..
            }) => {
                assert_eq!(entity_type, "PHONE_NUMBER");
                assert_eq!(operator, "mask");
            }
            other => panic!("expected InvalidOperator, got {other:?}"),
        }
        // Checked before anything else: even with no results, or with bad spans.
        assert!(matches!(ops.validate(), Err(Error::InvalidOperator { .. })));
        assert!(matches!(
            AnonymizerEngine::new().anonymize(text, &[r("X", 9, 1, 1.0)], &ops),
            Err(Error::InvalidOperator { .. })
        ));
    }
    let empty_key = Operators::new().with_default(OperatorConfig::keyed_hash(
        HashType::Sha256,
        HashKey::new(""),
    ));
    assert!(matches!(
        AnonymizerEngine::new().anonymize(text, &[], &empty_key),
        Err(Error::InvalidOperator {
            operator: "hash",
            ..
        })
    ));
}

#[cfg(feature = "json")]
#[test]
fn json_errors_are_typed() {
    match Operators::from_json(r#"{"DEFAULT": {"type": "scramble"}}"#) {
        Err(Error::Json { what, category, .. }) => {
            assert_eq!(what, "operators");
            assert!(category.contains("unknown variant"), "{category}");
        }
        other => panic!("expected Json, got {other:?}"),
    }
    match Operators::from_json(r#"{"DEFAULT": {"type": "redact"}, "PERSON": {"type": "custom"}}"#) {
        Err(Error::InvalidOperator {
            entity_type,
            operator,
            ..
        }) => {
            assert_eq!(entity_type, "PERSON");
            assert_eq!(operator, "custom");
        }
        other => panic!("expected InvalidOperator, got {other:?}"),
    }
    match Operators::from_json(
        r#"{"PERSON": {"type": "mask", "masking_char": "ab", "chars_to_mask": 1}}"#,
    ) {
        Err(Error::InvalidOperator {
            operator: "mask", ..
        }) => {}
        other => panic!("expected InvalidOperator, got {other:?}"),
    }
    for bad in [
        r#"{"PERSON": {"type": "mask", "masking_char": "*"}}"#,
        r#"{"PERSON": {"type": "mask", "masking_char": "*", "chars_to_mask": -1}}"#,
        r#"{"PERSON": {"type": "mask", "masking_char": "*", "chars_to_mask": 1, "extra": 1}}"#,
        r#"{"PERSON": {"type": "hash", "hash_type": "md5"}}"#,
        r#"{"PERSON": {"new_value": "x"}}"#,
        r#"{"PERSON": "#,
        r#"[]"#,
    ] {
        assert!(
            matches!(Operators::from_json(bad), Err(Error::Json { .. })),
            "{bad}"
        );
    }
    let custom = Operators::new().with("PERSON", OperatorConfig::custom(|v| v.into()));
    assert!(matches!(
        custom.to_json(),
        Err(Error::InvalidOperator {
            operator: "custom",
            ..
        })
    ));
    let binary_key = Operators::new().with_default(OperatorConfig::keyed_hash(
        HashType::Sha256,
        HashKey::new(vec![0xff, 0xfe]),
    ));
    assert!(matches!(
        binary_key.to_json(),
        Err(Error::InvalidOperator {
            operator: "hash",
            ..
        })
    ));
}

#[test]
fn custom_is_not_serialisable() {
    assert!(serde_json::to_string(&OperatorConfig::custom(|v| v.into())).is_err());
    let err = serde_json::from_str::<OperatorConfig>(r#"{"type": "custom"}"#).unwrap_err();
    assert!(err.to_string().contains("closure"), "{err}");
    assert!(serde_json::from_str::<OperatorConfig>(r#"{"type": "scramble"}"#).is_err());
}

// ---------------------------------------------------------------------------------------------------
// Serde

#[test]
fn operator_config_json_shapes() {
    let cases = [
        (
            OperatorConfig::replace("<NAME>"),
            json!({"type": "replace", "new_value": "<NAME>"}),
        ),
        (OperatorConfig::default(), json!({"type": "replace"})),
        (OperatorConfig::redact(), json!({"type": "redact"})),
        (
            OperatorConfig::mask('*', 4, true),
            json!({"type": "mask", "masking_char": "*", "chars_to_mask": 4, "from_end": true}),
        ),
        (
            OperatorConfig::hash(HashType::Sha256),
            json!({"type": "hash", "hash_type": "sha256"}),
        ),
        (
            OperatorConfig::hash(HashType::Sha512),
            json!({"type": "hash", "hash_type": "sha512"}),
        ),
        (
            OperatorConfig::keyed_hash(HashType::Sha256, HashKey::new("k3y")),
            json!({"type": "hash", "hash_type": "sha256", "key": "k3y"}),
        ),
        (OperatorConfig::keep(), json!({"type": "keep"})),
    ];
    for (config, value) in cases {
        assert_eq!(serde_json::to_value(&config).unwrap(), value);
        assert_eq!(
            serde_json::from_value::<OperatorConfig>(value).unwrap(),
            config
        );
    }
    // Presidio's optional fields.
    let mask: OperatorConfig =
        serde_json::from_value(json!({"type": "mask", "masking_char": "#", "chars_to_mask": 2}))
            .unwrap();
    assert_eq!(mask, OperatorConfig::mask('#', 2, false));
    let hash: OperatorConfig = serde_json::from_value(json!({"type": "hash"})).unwrap();
    assert_eq!(hash, OperatorConfig::hash(HashType::Sha256));
}

#[test]
fn operators_json_shape() {
    let json = json!({
        "DEFAULT": {"type": "replace", "new_value": "<PII>"},
        "PHONE_NUMBER": {"type": "mask", "masking_char": "*", "chars_to_mask": 4, "from_end": true},
        "US_SSN": {"type": "redact"},
    });
    let ops: Operators = serde_json::from_value(json.clone()).unwrap();
    assert_eq!(
        ops,
        Operators::new()
            .with_default(OperatorConfig::replace("<PII>"))
            .with("PHONE_NUMBER", OperatorConfig::mask('*', 4, true))
            .with("US_SSN", OperatorConfig::redact())
    );
    assert_eq!(serde_json::to_value(&ops).unwrap(), json);
    assert_eq!(ops.iter().count(), 3);
}

#[cfg(feature = "json")]
#[test]
fn operators_json_helpers_round_trip() {
    let text = r#"{"DEFAULT":{"type":"replace","new_value":"<PII>"},"EMAIL_ADDRESS":{"type":"hash","hash_type":"sha512","key":"secret"},"PERSON":{"type":"keep"}}"#;
    let ops = Operators::from_json(text).unwrap();
    assert_eq!(ops.to_json().unwrap(), text);
    assert_eq!(Operators::from_json(&ops.to_json().unwrap()).unwrap(), ops);
}

#[test]
fn anonymized_text_json_shape() {
    let text = "My name is John Smith";
    let out = anonymize(text, &[r("PERSON", 11, 21, 0.8)], &Operators::default());
    let json = json!({
        "text": "My name is <PERSON>",
        "items": [
            {"start": 11, "end": 19, "entity_type": "PERSON", "text": "<PERSON>", "operator": "replace"}
        ]
    });
    assert_eq!(serde_json::to_value(&out).unwrap(), json);
    let back: AnonymizedText = serde_json::from_value(json).unwrap();
    assert_eq!(back, out);
    // Operators Presidio has and piiscrub does not (yet) still read.
    let item: OperatorResult = serde_json::from_value(
        json!({"start": 0, "end": 3, "entity_type": "X", "text": "abc", "operator": "encrypt"}),
    )
    .unwrap();
    assert_eq!(item.operator, "encrypt");
}

#[test]
fn anonymized_text_json_checks_items_against_the_text() {
    let read = |items: serde_json::Value| {
        serde_json::from_value::<AnonymizedText>(json!({"text": "Hi <PERSON>, é", "items": items}))
    };
    let item = |start: usize, end: usize, text: Option<&str>| {
        let mut v =
            json!({"start": start, "end": end, "entity_type": "PERSON", "operator": "replace"});
        if let Some(t) = text {
            v["text"] = json!(t);
        }
        v
    };
    // With or without its text, a consistent item reads; the text is read back from the output.
    for items in [
        json!([item(3, 11, Some("<PERSON>"))]),
        json!([item(3, 11, None)]),
    ] {
        let out = read(items).unwrap();
        assert_eq!(out.text_of(&out.items[0]), Some("<PERSON>"));
    }
    // A text that differs, a range past the end, a reversed range, or one inside "é": an error naming the
    // item and its range, not the text.
    for (bad, reason) in [
        (item(3, 11, Some("<SECRET>")), "differs"),
        (item(3, 99, None), "character boundaries"),
        (item(11, 3, None), "character boundaries"),
        (item(14, 15, None), "character boundaries"),
    ] {
        let error = read(json!([item(0, 2, None), bad]))
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("item 1") && error.contains(reason),
            "{error}"
        );
        assert!(
            !error.contains("SECRET") && !error.contains("Hi"),
            "{error}"
        );
    }
    // Written, an item whose range is not in the text (built by hand) is an error, not a panic.
    let mut out = read(json!([])).unwrap();
    out.items
        .push(serde_json::from_value(item(14, 15, None)).unwrap());
    assert!(serde_json::to_string(&out).is_err());
}

#[test]
fn conflict_resolution_names() {
    let names: Vec<_> = ALL
        .iter()
        .map(|s| serde_json::to_value(s).unwrap())
        .collect();
    assert_eq!(
        names,
        vec![
            json!("merge_similar_or_contained"),
            json!("remove_intersections"),
            json!("prefer_higher_score")
        ]
    );
    let back: ConflictResolution = serde_json::from_value(json!("remove_intersections")).unwrap();
    assert_eq!(back, ConflictResolution::RemoveIntersections);
    assert_eq!(
        ConflictResolution::default(),
        ConflictResolution::MergeSimilarOrContained
    );
}

// ---------------------------------------------------------------------------------------------------
// Engine properties and privacy

#[test]
fn engine_is_clone_send_sync() {
    fn check<T: Clone + Send + Sync + 'static>(_: &T) {}
    let engine = AnonymizerEngine::default();
    check(&engine);
    check(&AnonymizerEngine::builder());
    check(&Operators::new());
    check(&AnonymizedText::default());
    assert_eq!(
        engine.conflict_resolution(),
        AnonymizerEngine::new().clone().conflict_resolution()
    );
    // One engine shared by threads.
    let text = "mail alice.smith@example.com";
    let results = [at(text, "alice.smith@example.com", "EMAIL_ADDRESS", 1.0)];
    std::thread::scope(|s| {
        for _ in 0..4 {
            s.spawn(|| {
                let out = engine
                    .anonymize(text, &results, &Operators::default())
                    .unwrap();
                assert_eq!(out.text, "mail <EMAIL_ADDRESS>");
            });
        }
    });
}

#[test]
fn errors_and_debug_output_hold_no_pii() {
    const PII: &str = "alice.smith@example.com";
    const KEY: &str = "hunter2-very-secret-key";
    let text = format!("contact {PII} please");
    let email = at(&text, PII, "EMAIL_ADDRESS", 1.0);

    let mut rendered = Vec::new();
    let mut errors = Vec::new();
    // Span errors of every kind.
    for bad in [r("X", 9, 3, 1.0), r("X", 3, 900, 1.0)] {
        errors.push(
            AnonymizerEngine::new()
                .anonymize(&text, &[email.clone(), bad], &Operators::default())
                .unwrap_err(),
        );
    }
    errors.push(
        AnonymizerEngine::new()
            .anonymize("é", &[r("X", 0, 1, 1.0)], &Operators::default())
            .unwrap_err(),
    );
    // Operator errors: a masking string that is itself PII, and an empty key.
    let bad_mask = Operators::new().with(
        "EMAIL_ADDRESS",
        OperatorConfig::Mask {
            masking_char: PII.into(),
            chars_to_mask: 3,
            from_end: false,
        },
    );
    errors.push(
        AnonymizerEngine::new()
            .anonymize(&text, std::slice::from_ref(&email), &bad_mask)
            .unwrap_err(),
    );
    errors.push(
        Operators::new()
            .with_default(OperatorConfig::keyed_hash(
                HashType::Sha256,
                HashKey::new(""),
            ))
            .validate()
            .unwrap_err(),
    );
    #[cfg(feature = "json")]
    {
        // A value where a number belongs, an unterminated document, a custom entry.
        for json in [
            format!(
                r#"{{"PERSON": {{"type": "mask", "masking_char": "*", "chars_to_mask": "{PII}"}}}}"#
            ),
            format!(r#"{{"PERSON": {{"type": "replace", "new_value": "{PII}"#),
            format!(r#"{{"PERSON": {{"type": "hash", "key": "{KEY}", "hash_type": "{PII}"}}}}"#),
            format!(r#"{{"PERSON": {{"type": "hash", "key": {KEY}}}}}"#),
            r#"{"PERSON": {"type": "custom"}}"#.to_string(),
        ] {
            errors.push(Operators::from_json(&json).unwrap_err());
        }
        let keyed = Operators::new()
            .with("PERSON", OperatorConfig::custom(|v| v.into()))
            .with_default(OperatorConfig::keyed_hash(
                HashType::Sha256,
                HashKey::new(KEY),
            ));
        errors.push(keyed.to_json().unwrap_err());
    }
    for e in &errors {
        rendered.push(e.to_string());
        rendered.push(format!("{e:?}"));
    }

    // Debug of everything that holds text or keys.
    let key = HashKey::new(KEY);
    let ops = Operators::new()
        .with("EMAIL_ADDRESS", OperatorConfig::keep())
        .with("PERSON", OperatorConfig::custom(|v| v.into()))
        .with_default(OperatorConfig::keyed_hash(HashType::Sha512, key.clone()));
    let out = AnonymizerEngine::new()
        .anonymize(&text, std::slice::from_ref(&email), &ops)
        .unwrap();
    assert_eq!(out.text, text, "keep kept the value");
    rendered.push(format!("{key:?}"));
    rendered.push(format!("{ops:?}"));
    rendered.push(format!("{out:?}"));
    rendered.push(format!("{:?}", out.items));
    rendered.push(format!("{:?}", AnonymizerEngine::new()));
    rendered.push(format!("{:?}", AnonymizerEngine::builder()));
    rendered.push(format!("{email:?}"));

    for s in &rendered {
        for secret in [PII, "alice", KEY, "hunter2"] {
            assert!(!s.contains(secret), "{secret:?} leaked into {s:?}");
        }
    }
    assert!(errors.len() >= 5);
}
