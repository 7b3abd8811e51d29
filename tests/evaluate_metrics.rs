//! The `evaluate` example against `eval_spans.py`: every number, and the printed report, must agree.
//!
//! The fixture lives in `tests/data/eval/`: `gold.jsonl` (12 records: exact and overlapping matches, type
//! confusions, accents and emoji so byte and code-point offsets differ, a record without predictions, a
//! multi-line address covered by one prediction, distractor hits, a record without an id) and the predictions
//! `pred.jsonl` (byte offsets) and `pred_chars.jsonl` (code points), all written by `make_fixture.py`.
//! The expected files were produced by the Python scorer, not by this example:
//!
//! ```text
//! cd tests/data/eval
//! python3 /work/shared/corpus/eval_spans.py gold.jsonl pred.jsonl --json expected.json > expected.txt
//! python3 /work/shared/corpus/eval_spans.py gold.jsonl pred.jsonl --exclude-types ORGANIZATION --top 5 \
//!     --json expected_exclude_org_top5.json > expected_exclude_org_top5.txt
//! python3 /work/shared/corpus/eval_spans.py gold.jsonl pred_chars.jsonl --offsets chars \
//!     --json expected_chars.json > expected_chars.txt
//! ```

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use serde_json::Value;

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/eval");

/// The example binary, built first: `cargo test --test evaluate_metrics` alone does not build examples.
fn example_binary() -> &'static Path {
    static BINARY: OnceLock<PathBuf> = OnceLock::new();
    BINARY.get_or_init(|| {
        // target/<profile>/deps/evaluate_metrics-HASH -> target/<profile>/examples/evaluate
        let mut dir = std::env::current_exe().expect("test binary path");
        dir.pop();
        if dir.ends_with("deps") {
            dir.pop();
        }
        let release = dir.ends_with("release");
        // Always ask cargo: it is a no-op when the binary is fresh, and a stale binary would test old code.
        let mut build = Command::new(env!("CARGO"));
        build
            .args(["build", "--quiet", "--example", "evaluate"])
            .current_dir(env!("CARGO_MANIFEST_DIR"));
        if release {
            build.arg("--release");
        }
        let status = build.status().expect("run cargo build --example evaluate");
        assert!(status.success(), "cargo build --example evaluate failed");
        let bin = dir
            .join("examples")
            .join(format!("evaluate{}", std::env::consts::EXE_SUFFIX));
        assert!(bin.exists(), "{} missing after the build", bin.display());
        bin
    })
}

fn run(args: &[&str]) -> Output {
    Command::new(example_binary())
        .args(args)
        .output()
        .expect("run the evaluate example")
}

fn data(name: &str) -> String {
    format!("{DATA}/{name}")
}

fn tmp(name: &str) -> String {
    format!("{}/{name}", env!("CARGO_TARGET_TMPDIR"))
}

fn read_json(path: &str) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Same keys in the same order, same strings and integers, floats within 1e-9.
fn assert_same(actual: &Value, expected: &Value, at: &str) {
    match (actual, expected) {
        (Value::Object(a), Value::Object(e)) => {
            let ak: Vec<_> = a.keys().collect();
            let ek: Vec<_> = e.keys().collect();
            assert_eq!(ak, ek, "keys of {at}");
            for (k, v) in e {
                assert_same(&a[k], v, &format!("{at}.{k}"));
            }
        }
        (Value::Array(a), Value::Array(e)) => {
            assert_eq!(a.len(), e.len(), "length of {at}");
            for (i, (x, y)) in a.iter().zip(e).enumerate() {
                assert_same(x, y, &format!("{at}[{i}]"));
            }
        }
        (Value::Number(a), Value::Number(e)) if a.is_f64() || e.is_f64() => {
            let (x, y) = (a.as_f64().unwrap(), e.as_f64().unwrap());
            assert!((x - y).abs() <= 1e-9, "{at}: {x} != {y}");
        }
        _ => assert_eq!(actual, expected, "{at}"),
    }
}

/// Runs the example on the fixture and compares its JSON and stdout with the Python scorer's.
fn check_parity(pred: &str, extra: &[&str], expected: &str) {
    let out_json = tmp(&format!("{expected}.json"));
    let (gold, pred) = (data("gold.jsonl"), data(pred));
    let mut args = vec![
        "--corpus",
        &gold,
        "--predictions-in",
        &pred,
        "--json",
        &out_json,
    ];
    args.extend_from_slice(extra);
    let out = run(&args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let expected_json = read_json(&data(&format!("{expected}.json")));
    assert_same(&read_json(&out_json), &expected_json, "$");
    let expected_txt = std::fs::read_to_string(data(&format!("{expected}.txt"))).unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), expected_txt);
}

#[test]
fn byte_offsets_match_eval_spans() {
    check_parity("pred.jsonl", &[], "expected");
}

#[test]
fn type_filter_and_top_match_eval_spans() {
    check_parity(
        "pred.jsonl",
        &["--exclude-types", "ORGANIZATION", "--top", "5"],
        "expected_exclude_org_top5",
    );
}

#[test]
fn code_point_offsets_match_eval_spans() {
    check_parity(
        "pred_chars.jsonl",
        &["--offsets", "chars"],
        "expected_chars",
    );
}

#[test]
fn fixture_covers_the_hard_cases() {
    let e = read_json(&data("expected.json"));
    // One prediction over the multi-line address finds all four LOCATION pieces.
    assert_eq!(e["by_style"]["address"]["tp"], 5);
    assert_eq!(e["by_style"]["address"]["tp_pred"], 2);
    // Distractors hit, confusions and byte/char offsets that differ.
    assert_eq!(e["negatives"]["LOG_TIMESTAMP"]["hit"], 1);
    assert!(!e["confusions"].as_array().unwrap().is_empty());
    let gold = std::fs::read_to_string(data("gold.jsonl")).unwrap();
    assert!(gold.lines().any(|l| {
        let v: Value = serde_json::from_str(l).unwrap();
        v["spans"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["start"] != s["char_start"])
    }));
}

#[test]
fn gold_as_predictions_scores_perfectly() {
    let (gold, out_json) = (data("gold.jsonl"), tmp("gold_as_pred.json"));
    let out = run(&[
        "--corpus",
        &gold,
        "--predictions-in",
        &gold,
        "--json",
        &out_json,
        "--quiet",
    ]);
    assert!(out.status.success());
    assert!(out.stdout.is_empty(), "--quiet prints nothing");
    let res = read_json(&out_json);
    for table in ["overlap", "exact"] {
        for (t, m) in res[table]["per_type"].as_object().unwrap() {
            assert_eq!(m["f1"], 1.0, "{table} {t}");
        }
    }
    assert_eq!(res["char"]["recall"], 1.0);
    assert_eq!(res["char"]["non_pii_bytes_predicted"], 0);
    assert!(
        res["negatives"]
            .as_object()
            .unwrap()
            .values()
            .all(|n| n["hit"] == 0)
    );
}

#[test]
fn analyzer_predictions_round_trip() {
    let gold = data("gold.jsonl");
    let (preds, first, second) = (tmp("an_pred.jsonl"), tmp("an_1.json"), tmp("an_2.json"));
    let out = run(&["--corpus", &gold, "--predictions", &preds, "--json", &first]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("\nAnalysis: 12 records, "), "{stdout}");
    let mut direct = read_json(&first);
    let analysis = direct
        .as_object_mut()
        .unwrap()
        .shift_remove("analysis")
        .expect("an analysis key after an analyzer run");
    assert_eq!(analysis["records"], 12);
    assert!(analysis["mb_per_s"].as_f64().unwrap() >= 0.0);

    // One line per record, ids echoed, records without an id get none; scoring the file gives the same numbers.
    let lines: Vec<Value> = std::fs::read_to_string(&preds)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 12);
    assert_eq!(lines[0]["id"], "ev-01");
    assert!(lines[10].get("id").is_none());
    let out = run(&[
        "--corpus",
        &gold,
        "--predictions-in",
        &preds,
        "--json",
        &second,
        "--quiet",
    ]);
    assert!(out.status.success());
    assert_same(&read_json(&second), &direct, "$");
}

/// Writes `lines` to a temporary predictions file and runs the example on it.
fn run_bad(name: &str, lines: &[&str]) -> (i32, String) {
    let path = tmp(name);
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    let out = run(&["--corpus", &data("gold.jsonl"), "--predictions-in", &path]);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.stdout.is_empty(), "{name}: no report on bad input");
    assert!(!stderr.contains("panicked"), "{name}: {stderr}");
    (out.status.code().unwrap_or(-1), stderr)
}

#[test]
fn malformed_input_names_file_and_line() {
    let good = std::fs::read_to_string(data("pred.jsonl")).unwrap();
    let good: Vec<&str> = good.lines().collect();
    let with_line_2 = |line: &'static str| {
        let mut v = good.clone();
        v[1] = line;
        v
    };
    let cases: Vec<(&str, Vec<&str>, &str)> = vec![
        (
            "bad_json.jsonl",
            with_line_2("{\"spans\": ["),
            "bad_json.jsonl:2: not valid JSON",
        ),
        ("empty.jsonl", with_line_2(""), "empty.jsonl:2: empty line"),
        (
            "bad_int.jsonl",
            with_line_2(r#"{"spans": [{"start": 1.5, "end": 3, "entity_type": "X"}]}"#),
            "bad_int.jsonl:2: span 0: 'start' must be an integer, got 1.5",
        ),
        (
            "no_type.jsonl",
            with_line_2(r#"{"spans": [{"start": 1, "end": 3}]}"#),
            "no_type.jsonl:2: span 0: 'entity_type' must be a non-empty string, got None",
        ),
        (
            "range.jsonl",
            with_line_2(r#"{"spans": [{"start": 3, "end": 9999, "entity_type": "X"}]}"#),
            "range.jsonl:2: span 0: byte offsets [3, 9999) are not a non-empty range",
        ),
        (
            "id.jsonl",
            with_line_2(r#"{"id": "ev-03", "spans": []}"#),
            "id.jsonl:2: id 'ev-03' does not match gold record 'ev-02'",
        ),
        (
            "short.jsonl",
            good[..3].to_vec(),
            "short.jsonl: 3 lines but the gold corpus has 12",
        ),
        (
            "not_obj.jsonl",
            with_line_2("42"),
            "not_obj.jsonl:2: expected a JSON object or list, got int",
        ),
    ];
    for (name, lines, want) in cases {
        let (code, stderr) = run_bad(name, &lines);
        assert_eq!(code, 2, "{name}: {stderr}");
        assert!(stderr.contains(want), "{name}: {stderr}");
    }
    // Line 4 is ev-04, whose text starts with a 4-byte emoji: byte 2 is inside it.
    let mut split = good.clone();
    split[3] = r#"{"spans": [{"start": 2, "end": 6, "entity_type": "X"}]}"#;
    let (code, stderr) = run_bad("split.jsonl", &split);
    assert_eq!(code, 2);
    assert!(
        stderr.contains(
            "split.jsonl:4: span 0: byte offsets [2, 6) split a multi-byte UTF-8 character"
        ),
        "{stderr}"
    );
}

#[test]
fn malformed_gold_and_arguments() {
    let gold = tmp("bad_gold.jsonl");
    std::fs::write(&gold, "{\"id\": \"x\", \"text\": \"abc\", \"spans\": {}}\n").unwrap();
    let out = run(&["--corpus", &gold, "--quiet"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("bad_gold.jsonl:1: 'spans' must be a list"),
        "{stderr}"
    );

    for args in [
        &["--corpus"][..],
        &["--top", "3"],
        &["--corpus", "x", "--map", "A=B=C"],
        &["--corpus", "x", "--bogus"],
    ] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("usage:"));
    }
    let out = run(&["--corpus", "/nonexistent/dev.jsonl"]);
    assert_eq!(out.status.code(), Some(2));
}
