//! Analyzer behaviour through the public API.

use std::sync::Arc;

use piiscrub::{
    AllowList, AnalyzeOptions, AnalyzeRequest, AnalyzerEngine, DenyListRecognizer, EntityType,
    Error, Pattern, PatternRecognizer, Recognizer, RecognizerContext, RecognizerRegistry,
    RecognizerResult, Validation, to_byte_offsets, to_char_offsets,
};

/// An engine with only the given recognizers, reporting every score (threshold 0).
fn engine_with(recognizers: Vec<Arc<dyn Recognizer>>) -> AnalyzerEngine {
    let mut b = AnalyzerEngine::builder();
    b.clear().default_score_threshold(0.0);
    for r in recognizers {
        b.add_shared(r);
    }
    b.build().unwrap()
}

fn found<'t>(text: &'t str, results: &[RecognizerResult]) -> Vec<(&'t str, &'t str, f64)> {
    results
        .iter()
        .map(|r| {
            let ty: &'static str = Box::leak(r.entity_type.to_string().into_boxed_str());
            (ty, &text[r.start..r.end], (r.score * 100.0).round() / 100.0)
        })
        .collect()
}

fn zip_recognizer() -> Arc<dyn Recognizer> {
    Arc::new(
        PatternRecognizer::builder("ZipRecognizer", "ZIP")
            .pattern(Pattern::new("zip5", r"(?-u:\b)\d{5}(?-u:\b)", 0.1))
            .context(["zip", "postal code"])
            .build()
            .unwrap(),
    )
}

#[test]
fn context_boost_raises_a_weak_match() {
    let engine = engine_with(vec![zip_recognizer()]);
    let opts = AnalyzeOptions::default();
    // Before the match, after the match, as a phrase, and absent.
    let cases = [
        ("ZIP: 94103", 0.45),
        ("94103 is my zip", 0.45),
        ("postal code 94103", 0.45),
        ("order 94103 shipped", 0.1),
        // "zip" inside another word is not context.
        ("unzipped 94103", 0.1),
        // Too far away: more than 5 words before.
        ("zip a b c d e f 94103", 0.1),
    ];
    for (text, score) in cases {
        let r = engine.analyze(text, &opts).unwrap();
        assert_eq!(r.len(), 1, "{text}");
        assert!((r[0].score - score).abs() < 1e-9, "{text}: {}", r[0].score);
    }
}

#[test]
fn context_floor_and_cap() {
    let strong = PatternRecognizer::builder("Strong", "X")
        .pattern(Pattern::new("x", r"X\d+", 0.8))
        .context(["code"])
        .build()
        .unwrap();
    let engine = engine_with(vec![Arc::new(strong), zip_recognizer()]);
    let r = engine
        .analyze("code X12 zip 00000", &AnalyzeOptions::default())
        .unwrap();
    assert_eq!(r[0].score, 1.0); // 0.8 + 0.35 capped
    assert!((r[1].score - 0.45).abs() < 1e-9); // 0.1 + 0.35
    let lower = PatternRecognizer::builder("Tiny", "T")
        .pattern(Pattern::new("t", r"T\d", 0.01))
        .context(["tee"])
        .build()
        .unwrap();
    let engine = engine_with(vec![Arc::new(lower)]);
    let r = engine
        .analyze("tee T1", &AnalyzeOptions::default())
        .unwrap();
    assert_eq!(r[0].score, 0.4); // floor
}

#[test]
fn call_context_words_apply_to_every_recognizer() {
    let engine = engine_with(vec![zip_recognizer()]);
    let opts = AnalyzeOptions::default().context(["postcode"]);
    let r = engine.analyze("Postcode 94103", &opts).unwrap();
    assert!((r[0].score - 0.45).abs() < 1e-9);
}

#[test]
fn decision_process_explains_the_score() {
    let engine = engine_with(vec![zip_recognizer()]);
    let opts = AnalyzeOptions::default().return_decision_process(true);
    let r = engine.analyze("zip 94103", &opts).unwrap();
    let e = r[0].explanation.as_deref().unwrap();
    assert_eq!(e.recognizer, "ZipRecognizer");
    assert_eq!(e.pattern_name.as_deref(), Some("zip5"));
    assert_eq!(e.original_score, 0.1);
    assert!((e.score - 0.45).abs() < 1e-9);
    assert!((e.score_context_improvement - 0.35).abs() < 1e-9);
    assert_eq!(e.supportive_context_word, "zip");
    assert_eq!(e.validation_result, None);
    // Without the option, nothing is attached.
    let r = engine
        .analyze("zip 94103", &AnalyzeOptions::default())
        .unwrap();
    assert!(r[0].explanation.is_none());
}

fn luhn_ok(digits: &str) -> bool {
    let ds: Vec<u32> = digits.chars().filter_map(|c| c.to_digit(10)).collect();
    let sum: u32 = ds
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            if i % 2 == 1 {
                (d * 2) % 9 + u32::from(d == 9) * 9
            } else {
                d
            }
        })
        .sum();
    sum % 10 == 0
}

#[test]
fn validation_sets_score_or_drops() {
    let card = PatternRecognizer::builder("Card", EntityType::CREDIT_CARD)
        .pattern(Pattern::new("16", r"(?-u:\b)\d{16}(?-u:\b)", 0.3))
        .validator(|v| {
            if luhn_ok(v) {
                Validation::Valid
            } else {
                Validation::Invalid
            }
        })
        .build()
        .unwrap();
    let engine = engine_with(vec![Arc::new(card)]);
    let text = "good 4111111111111111 bad 4111111111111112";
    let r = engine
        .analyze(
            text,
            &AnalyzeOptions::default().return_decision_process(true),
        )
        .unwrap();
    assert_eq!(
        found(text, &r),
        vec![("CREDIT_CARD", "4111111111111111", 1.0)]
    );
    assert_eq!(
        r[0].explanation.as_deref().unwrap().validation_result,
        Some(Validation::Valid)
    );
}

#[test]
fn predefined_card_recognizer_drops_luhn_invalid() {
    let engine = AnalyzerEngine::new();
    let text = "card 4111 1111 1111 1111, order 4111 1111 1111 1112";
    let r = engine
        .analyze(text, &AnalyzeOptions::default().entities(["CREDIT_CARD"]))
        .unwrap();
    assert_eq!(
        found(text, &r),
        vec![("CREDIT_CARD", "4111 1111 1111 1111", 1.0)]
    );
}

#[test]
fn allow_list_exact_and_regex() {
    let engine = AnalyzerEngine::new();
    let text = "Mail support@example.com, noreply@shop.example.com or jane.doe@gmail.com";
    let opts = AnalyzeOptions::default().entities(["EMAIL_ADDRESS"]);
    assert_eq!(engine.analyze(text, &opts).unwrap().len(), 3);

    let exact = AllowList::new().exact(["support@example.com"]);
    let r = engine
        .analyze(text, &opts.clone().allow_list(exact))
        .unwrap();
    assert_eq!(r.len(), 2);

    let regex = AllowList::new()
        .regexes([r".*@(?:[a-z]+\.)?example\.com"])
        .unwrap();
    let r = engine
        .analyze(text, &opts.clone().allow_list(regex))
        .unwrap();
    assert_eq!(found(text, &r)[0].1, "jane.doe@gmail.com");
    assert_eq!(r.len(), 1);

    // Regex entries must match the whole value: a partial match does not allow it.
    let partial = AllowList::new().regexes(["jane"]).unwrap();
    let r = engine.analyze(text, &opts.allow_list(partial)).unwrap();
    assert_eq!(r.len(), 3);
}

#[test]
fn thresholds_global_and_per_entity() {
    let engine = engine_with(vec![zip_recognizer(), {
        let r: Arc<dyn Recognizer> = Arc::new(
            PatternRecognizer::builder("Code", "CODE")
                .pattern(Pattern::new("c", r"C-\d+", 0.6))
                .build()
                .unwrap(),
        );
        r
    }]);
    let text = "C-1 and 94103";
    let all = engine.analyze(text, &AnalyzeOptions::default()).unwrap();
    assert_eq!(all.len(), 2);
    let r = engine
        .analyze(text, &AnalyzeOptions::default().score_threshold(0.5))
        .unwrap();
    assert_eq!(found(text, &r), vec![("CODE", "C-1", 0.6)]);
    let r = engine
        .analyze(
            text,
            &AnalyzeOptions::default()
                .score_threshold(0.5)
                .entity_threshold("ZIP", 0.05)
                .entity_threshold("CODE", 0.9),
        )
        .unwrap();
    assert_eq!(found(text, &r), vec![("ZIP", "94103", 0.1)]);
    // Equal to the threshold is kept (Presidio keeps score >= threshold).
    let r = engine
        .analyze(text, &AnalyzeOptions::default().score_threshold(0.6))
        .unwrap();
    assert_eq!(r.len(), 1);
    // Out-of-range thresholds are typed errors.
    for bad in [-0.1, 1.1, f64::NAN] {
        let e = engine
            .analyze(text, &AnalyzeOptions::default().score_threshold(bad))
            .unwrap_err();
        assert!(matches!(e, Error::InvalidConfig { .. }));
    }
    let mut b = AnalyzerEngine::builder();
    assert!(b.default_score_threshold(2.0).build().is_err());
    let strict = b.default_score_threshold(0.5).build().unwrap();
    let r = strict
        .analyze("Call 212-555-0142 or zip 94103", &AnalyzeOptions::default())
        .unwrap();
    assert!(r.iter().all(|r| r.score >= 0.5));
}

#[test]
fn entity_filter_limits_results_and_recognizers() {
    let engine = AnalyzerEngine::new();
    let text = "jane.doe@gmail.com from 192.168.10.4";
    let r = engine
        .analyze(text, &AnalyzeOptions::default().entities(["IP_ADDRESS"]))
        .unwrap();
    assert_eq!(found(text, &r), vec![("IP_ADDRESS", "192.168.10.4", 0.6)]);
    let r = engine
        .analyze(text, &AnalyzeOptions::default().entities(["NOT_A_TYPE"]))
        .unwrap();
    assert!(r.is_empty());
    let r = engine
        .analyze(
            text,
            &AnalyzeOptions::default().entities(Vec::<String>::new()),
        )
        .unwrap();
    assert!(r.is_empty());
}

#[test]
fn language_selects_recognizers() {
    let german = PatternRecognizer::builder("PlzRecognizer", "PLZ")
        .pattern(Pattern::new("plz", r"\b\d{5}\b", 0.5))
        .language("de")
        .build()
        .unwrap();
    let mut b = AnalyzerEngine::builder();
    let engine = b.add_recognizer(german).build().unwrap();
    let text = "PLZ 10115";
    let en = engine.analyze(text, &AnalyzeOptions::default()).unwrap();
    assert!(en.iter().all(|r| r.entity_type != "PLZ"));
    let de = engine
        .analyze(text, &AnalyzeOptions::default().language("de"))
        .unwrap();
    assert_eq!(found(text, &de), vec![("PLZ", "10115", 0.5)]);
    assert_eq!(engine.supported_languages(), vec!["de", "en"]);
    assert_eq!(
        engine.supported_entities("de"),
        vec![EntityType::new("PLZ")]
    );
    // Ad-hoc recognizers run in their own language only, also in one no built recognizer serves.
    let postcode = |lang: &str| {
        PatternRecognizer::builder(format!("Postcode{lang}"), "POSTCODE")
            .pattern(Pattern::new("five digits", r"\b\d{5}\b", 0.6))
            .language(lang)
            .build()
            .unwrap()
    };
    let run = |lang: &str| {
        let options = AnalyzeOptions::default()
            .language(lang)
            .ad_hoc_recognizer(postcode("de"))
            .ad_hoc_recognizer(postcode("nl"));
        let found = engine.analyze(text, &options).unwrap();
        let mut by: Vec<String> = found.iter().map(|r| r.recognizer.to_string()).collect();
        by.sort();
        by
    };
    assert_eq!(run("de"), vec!["PlzRecognizer", "Postcodede"]);
    assert_eq!(run("nl"), vec!["Postcodenl"]);
    assert!(run("en").iter().all(|n| !n.starts_with("Postcode")));
}

#[test]
fn same_type_duplicates_are_removed_but_other_types_stay() {
    let a = PatternRecognizer::builder("A", EntityType::PERSON)
        .pattern(Pattern::new("full", r"Jo Ann Lee", 0.7))
        .pattern(Pattern::new("part", r"Ann Lee", 0.5))
        .build()
        .unwrap();
    let b = DenyListRecognizer::new("B", EntityType::LOCATION, ["Ann Lee"])
        .unwrap()
        .with_score(0.3)
        .unwrap();
    let a: Arc<dyn Recognizer> = Arc::new(a);
    let b: Arc<dyn Recognizer> = Arc::new(b);
    let engine = engine_with(vec![a.clone(), b.clone()]);
    let text = "Jo Ann Lee";
    let r = engine.analyze(text, &AnalyzeOptions::default()).unwrap();
    // The weaker LOCATION inside the PERSON goes too (cross-type de-duplication, on by default).
    assert_eq!(found(text, &r), vec![("PERSON", "Jo Ann Lee", 0.7)]);
    let mut builder = AnalyzerEngine::builder();
    builder
        .clear()
        .default_score_threshold(0.0)
        .cross_type_dedup(false)
        .add_shared(a)
        .add_shared(b);
    let presidio_like = builder.build().unwrap();
    let r = presidio_like
        .analyze(text, &AnalyzeOptions::default())
        .unwrap();
    assert_eq!(
        found(text, &r),
        vec![("PERSON", "Jo Ann Lee", 0.7), ("LOCATION", "Ann Lee", 0.3)]
    );
}

#[test]
fn ad_hoc_recognizers_run_for_one_call() {
    let engine = AnalyzerEngine::new();
    let deny = DenyListRecognizer::new("Codenames", "PROJECT", ["Bluebird"]).unwrap();
    let text = "Project bluebird launches.";
    let r = engine
        .analyze(text, &AnalyzeOptions::default().ad_hoc_recognizer(deny))
        .unwrap();
    assert_eq!(found(text, &r), vec![("PROJECT", "bluebird", 1.0)]);
    assert!(
        engine
            .analyze(text, &AnalyzeOptions::default())
            .unwrap()
            .is_empty()
    );
}

struct Broken(Vec<EntityType>, usize, usize, f64);

impl Recognizer for Broken {
    fn name(&self) -> &str {
        "Broken"
    }
    fn supported_entities(&self) -> &[EntityType] {
        &self.0
    }
    fn analyze(
        &self,
        _text: &str,
        _ctx: &RecognizerContext<'_>,
        results: &mut Vec<RecognizerResult>,
    ) -> Result<(), Error> {
        results.push(RecognizerResult::new(
            self.0[0].clone(),
            self.1,
            self.2,
            self.3,
            "Broken".into(),
        ));
        Ok(())
    }
}

#[test]
fn faulty_recognizers_give_typed_errors_not_panics() {
    let text = "é and more";
    for (s, e, score) in [
        (0, 1, 0.5),
        (5, 100, 0.5),
        (3, 3, 0.5),
        (3, 5, 1.5),
        (3, 5, f64::NAN),
    ] {
        let engine = engine_with(vec![Arc::new(Broken(
            vec![EntityType::PERSON],
            s,
            e,
            score,
        ))]);
        let mut buf = vec![];
        let err = engine
            .analyze_into(text, &AnalyzeOptions::default(), &mut buf)
            .unwrap_err();
        assert!(matches!(err, Error::InvalidConfig { .. }), "{s}..{e}");
        assert!(buf.is_empty());
        assert!(!err.to_string().contains("more"));
    }
}

#[test]
fn multibyte_text_offsets_and_code_points() {
    let engine = AnalyzerEngine::new();
    let text = "😀 Zoë wrote: reach José\u{301} at zoë.test@example.com or 中文 bob@example.org 🙂";
    let mut r = engine
        .analyze(text, &AnalyzeOptions::default().entities(["EMAIL_ADDRESS"]))
        .unwrap();
    assert!(
        r.iter()
            .all(|r| text.is_char_boundary(r.start) && text.is_char_boundary(r.end))
    );
    let values: Vec<_> = r.iter().map(|x| &text[x.start..x.end]).collect();
    assert_eq!(values, ["zoë.test@example.com", "bob@example.org"]);
    let bytes = r.clone();
    to_char_offsets(text, &mut r).unwrap();
    let chars: Vec<char> = text.chars().collect();
    for (b, c) in bytes.iter().zip(&r) {
        let via_chars: String = chars[c.start..c.end].iter().collect();
        assert_eq!(via_chars, &text[b.start..b.end]);
    }
    to_byte_offsets(text, &mut r).unwrap();
    assert_eq!(r, bytes);
}

#[test]
fn presidio_request_shape() {
    let req: AnalyzeRequest = serde_json::from_str(
        r#"{"text": "ping 10.1.2.3 or mail a.b@example.com", "language": "en",
            "entities": ["IP_ADDRESS", "EMAIL_ADDRESS"], "correlation_id": "x",
            "score_threshold": 0.1, "return_decision_process": true,
            "allow_list": ["10\\.1\\..*"], "allow_list_match": "regex"}"#,
    )
    .unwrap();
    let (text, opts) = req.into_parts().unwrap();
    let r = AnalyzerEngine::new().analyze(&text, &opts).unwrap();
    assert_eq!(
        found(&text, &r),
        vec![("EMAIL_ADDRESS", "a.b@example.com", 1.0)]
    );
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json[0]["entity_type"], "EMAIL_ADDRESS");
    assert_eq!(json[0]["start"], 22);
    assert_eq!(
        json[0]["recognition_metadata"]["recognizer_name"],
        "EmailRecognizer"
    );
    assert!(json[0]["analysis_explanation"]["original_score"].is_number());
    let back: Vec<RecognizerResult> = serde_json::from_value(json).unwrap();
    assert_eq!(back, r);
    // Unknown fields are rejected.
    assert!(serde_json::from_str::<AnalyzeRequest>(r#"{"text": "x", "colour": 1}"#).is_err());
}

#[test]
fn registry_add_remove_and_info() {
    let mut reg = RecognizerRegistry::predefined();
    let n = reg.len();
    assert!(n >= 7);
    assert!(reg.get("EmailRecognizer").is_some());
    assert!(reg.remove("EmailRecognizer"));
    assert!(!reg.remove("EmailRecognizer"));
    reg.add(DenyListRecognizer::new("Names", EntityType::PERSON, ["Zed"]).unwrap());
    // Same name again replaces.
    reg.add(DenyListRecognizer::new("Names", EntityType::PERSON, ["Zed", "Ann"]).unwrap());
    assert_eq!(reg.len(), n);
    let info = reg.info();
    assert!(
        info.iter()
            .any(|i| i.name == "Names" && i.entities == [EntityType::PERSON])
    );
    assert!(!format!("{reg:?}").contains("Zed"));
    let engine = AnalyzerEngine::builder().registry(reg).build().unwrap();
    let r = engine
        .analyze("ann@example.com and Ann", &AnalyzeOptions::default())
        .unwrap();
    assert!(r.iter().all(|r| r.entity_type != "EMAIL_ADDRESS"));
}

#[test]
fn engines_are_send_sync_and_shared_across_threads() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<AnalyzerEngine>();
    assert_send_sync::<AnalyzeOptions>();
    let engine = AnalyzerEngine::new();
    std::thread::scope(|s| {
        for _ in 0..2 {
            let e = &engine;
            s.spawn(move || {
                let r = e
                    .analyze("x@example.com", &AnalyzeOptions::default())
                    .unwrap();
                assert_eq!(r.len(), 1);
            });
        }
    });
}

#[test]
fn debug_and_errors_hold_no_planted_pii() {
    let secret = "alice.smith@example.com";
    let allow = AllowList::new()
        .exact([secret])
        .regexes([r"bob\.jones@example\.com"])
        .unwrap();
    let deny = DenyListRecognizer::new("Names", EntityType::PERSON, ["Alice Smith"]).unwrap();
    let opts = AnalyzeOptions::default()
        .allow_list(allow.clone())
        .context(["alice"])
        .ad_hoc_recognizer(deny);
    let engine = AnalyzerEngine::new();
    let text = format!("Alice Smith <{secret}>");
    let results = engine.analyze(&text, &opts).unwrap();
    let req: AnalyzeRequest = serde_json::from_str(&format!(r#"{{"text": "{secret}"}}"#)).unwrap();
    let errors = [
        AllowList::new()
            .regexes(["alice.smith@(example"])
            .unwrap_err(),
        engine
            .analyze(&text, &AnalyzeOptions::default().score_threshold(3.0))
            .unwrap_err(),
        PatternRecognizer::builder("p", "X")
            .pattern(Pattern::new("n", "alice(", 0.5))
            .build()
            .unwrap_err(),
    ];
    let mut dumps = vec![
        format!("{allow:?}"),
        format!("{opts:?}"),
        format!("{engine:?}"),
        format!("{results:?}"),
        format!("{req:?}"),
    ];
    for e in &errors {
        dumps.push(e.to_string());
        dumps.push(format!("{e:?}"));
    }
    for d in dumps {
        assert!(
            !d.contains("alice") && !d.contains("Alice") && !d.contains("bob"),
            "{d}"
        );
    }
}

/// A column header names its cells: a nine-digit value under `passport_no` is a passport number, and the
/// `DL` cell elsewhere in the row does not also make it a driver's licence.
#[test]
fn column_headers_outrank_row_words() {
    let engine = AnalyzerEngine::new();
    let text = "name,id_type,id_number,passport_no\nAl Fox,DL,K4852713,188545938\n";
    let results = engine.analyze(text, &AnalyzeOptions::default()).unwrap();
    let types_at = |value: &str| -> Vec<String> {
        let start = text.find(value).unwrap();
        results
            .iter()
            .filter(|r| r.start == start && r.end == start + value.len())
            .map(|r| r.entity_type.to_string())
            .collect()
    };
    assert_eq!(types_at("188545938"), ["US_PASSPORT"]);
    assert_eq!(types_at("K4852713"), ["US_DRIVER_LICENSE"]);
    // Without a header naming another type, the row word still counts.
    let text = "name,id_type,id_number\nAl Fox,DL,188545938\n";
    let results = engine.analyze(text, &AnalyzeOptions::default()).unwrap();
    assert!(
        results
            .iter()
            .any(|r| r.entity_type.as_str() == "US_DRIVER_LICENSE"
                && &text[r.start..r.end] == "188545938")
    );
}
