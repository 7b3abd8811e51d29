//! The `piiscrub` binary on malformed inputs of each kind (stop with FILE:LINE and no output, or
//! quarantine and count), and its exit codes.
#![cfg(feature = "cli")]

mod common;

use common::{Scratch, run};
use serde_json::Value;

const SECRET: &str = "zed.secret@example.com";

/// Runs `scrub IN -o out` on `input`, expecting a failure with `code`; checks that stderr names
/// `location` and the problem, holds none of the record, and that no output file exists.
fn fails(name: &str, input: &[u8], code: i32, location: &str, problem: &str) {
    let s = Scratch::new(name);
    s.write(name, input);
    let r = run(
        &s.dir,
        &["scrub", name, "-o", "out", "--entities", "EMAIL_ADDRESS"],
        b"",
    );
    assert_eq!(r.code, code, "{name}: {}", r.stderr);
    assert!(r.stderr.contains(location), "{name}: {}", r.stderr);
    assert!(r.stderr.contains(problem), "{name}: {}", r.stderr);
    assert!(
        !r.stderr.contains("zed"),
        "{name}: stderr quotes the record: {}",
        r.stderr
    );
    assert_eq!(s.files(), [name], "{name}: output or temporary file left");
}

#[test]
fn malformed_records_stop_the_run_naming_file_and_line() {
    let good = format!("{{\"a\": \"{SECRET}\"}}\n");
    fails(
        "bad.jsonl",
        format!("{good}{{\"a\": \"{SECRET}\", }}\n{good}").as_bytes(),
        2,
        "bad.jsonl:2: record 2: invalid JSON",
        "",
    );
    let mut utf8 = good.clone().into_bytes();
    utf8.extend_from_slice(b"{\"a\": \"zed\xff\"}\n");
    fails(
        "utf8.jsonl",
        &utf8,
        2,
        "utf8.jsonl:2: record 2",
        "invalid UTF-8",
    );
    fails(
        "array.jsonl",
        format!("{good}[\"{SECRET}\"]\n").as_bytes(),
        2,
        "array.jsonl:2",
        "not a JSON object",
    );
    fails(
        "cols.csv",
        format!("a,b\n1,\"{SECRET}\"\n2,\"x\ny\",{SECRET}\n").as_bytes(),
        2,
        "cols.csv:3: record 2",
        "wrong number of columns: 3, the header has 2",
    );
    let mut csv_utf8 = b"a,b\n1,2\n".to_vec();
    csv_utf8.extend_from_slice(b"3,zed\xfe\n");
    fails(
        "utf8.csv",
        &csv_utf8,
        2,
        "utf8.csv:3: record 2",
        "invalid UTF-8",
    );
    fails(
        "broken.json",
        format!("[\n{{\"a\": \"{SECRET}\"}},\n{{\"a\": \"zed\"}}\n").as_bytes(),
        2,
        "broken.json:4",
        "the JSON array is not closed",
    );
    fails(
        "elem.json",
        format!("[\n{{\"a\": \"{SECRET}\"}},\n{{\"a\": zed}}\n]").as_bytes(),
        2,
        "elem.json:3: record 2",
        "invalid JSON",
    );
}

#[test]
fn oversized_records_stop_the_run() {
    let s = Scratch::new("oversized");
    s.write(
        "in.jsonl",
        format!("{{\"a\": \"{}\"}}\n", "z".repeat(2 << 20)),
    );
    let r = run(
        &s.dir,
        &[
            "scrub",
            "in.jsonl",
            "-o",
            "out",
            "--max-record-size",
            "1",
            "--entities",
            "EMAIL_ADDRESS",
        ],
        b"",
    );
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("in.jsonl:1: a record is larger than the limit of 1048576 bytes"),
        "{}",
        r.stderr
    );
    assert_eq!(s.files(), ["in.jsonl"]);
}

/// Runs with `--quarantine q`, expecting success, `want` as output and `quarantined` in the quarantine.
fn quarantines(name: &str, input: &[u8], want: &str, quarantined: &[u8], kinds: &[(&str, u64)]) {
    let s = Scratch::new(&format!("q-{name}"));
    s.write(name, input);
    let r = run(
        &s.dir,
        &[
            "scrub",
            name,
            "-o",
            "out",
            "--quarantine",
            "q",
            "--report",
            "r.json",
            "--entities",
            "EMAIL_ADDRESS",
        ],
        b"",
    );
    assert_eq!(r.code, 0, "{name}: {}", r.stderr);
    assert_eq!(s.read("out"), want, "{name}");
    assert_eq!(std::fs::read(s.path("q")).unwrap(), quarantined, "{name}");
    let report: Value = serde_json::from_str(&s.read("r.json")).unwrap();
    let n: u64 = kinds.iter().map(|(_, n)| n).sum();
    assert_eq!(report["records_quarantined"], n, "{name}");
    assert_eq!(
        report["records_in"].as_u64().unwrap(),
        report["records_out"].as_u64().unwrap() + n,
        "{name}"
    );
    for (kind, count) in kinds {
        assert_eq!(
            report["quarantined_problems"][kind], *count,
            "{name}: {kind}"
        );
    }
    assert!(r.stderr.contains("quarantined"), "{}", r.stderr);
    assert!(!s.read("r.json").contains("zed"));
}

#[test]
fn malformed_records_are_quarantined_and_counted() {
    let mut jsonl = b"{\"a\": \"x@example.com\"}\n{\"a\": zed}\r\n[1]\n".to_vec();
    jsonl.extend_from_slice(b"{\"a\": \"zed\xff\"}\n{\"a\": \"ok\"}");
    let mut quarantined = b"{\"a\": zed}\r\n[1]\n".to_vec();
    quarantined.extend_from_slice(b"{\"a\": \"zed\xff\"}\n");
    quarantines(
        "in.jsonl",
        &jsonl,
        "{\"a\": \"<EMAIL_ADDRESS>\"}\n{\"a\": \"ok\"}",
        &quarantined,
        &[
            ("invalid_json", 1),
            ("not_an_object", 1),
            ("invalid_utf8", 1),
        ],
    );
    quarantines(
        "in.json",
        b"[{\"a\": zed}, {\"a\": \"x@example.com\"},\n 7, {\"b\": 1}]",
        "[ {\"a\": \"<EMAIL_ADDRESS>\"}, {\"b\": 1}]",
        b"{\"a\": zed}\n7\n",
        &[("invalid_json", 1), ("not_an_object", 1)],
    );
    quarantines(
        "in.csv",
        b"id,text\r\n1,x@example.com\r\n2,\"zed, a\",extra\r\n3\r\n4,ok\r\n",
        "id,text\r\n1,<EMAIL_ADDRESS>\r\n4,ok\r\n",
        b"id,text\r\n2,\"zed, a\",extra\r\n3\r\n",
        &[("column_count", 2)],
    );
}

#[test]
fn exit_codes() {
    let s = Scratch::new("codes");
    s.write("in.jsonl", "{\"a\": \"b\"}\n");
    let code = |args: &[&str]| run(&s.dir, args, b"").code;
    // 1: usage.
    assert_eq!(code(&["scrub", "--no-such-flag"]), 1);
    assert_eq!(code(&["frobnicate"]), 1);
    assert_eq!(code(&["scrub", "in.jsonl", "--threshold", "2"]), 1);
    assert_eq!(code(&["scrub", "in.txt"]), 1);
    assert_eq!(code(&["scrub", "in.jsonl", "--on-error", "quarantine"]), 1);
    assert_eq!(
        code(&[
            "scrub",
            "in.jsonl",
            "--on-error",
            "fail",
            "--quarantine",
            "q"
        ]),
        1
    );
    // 2: input.
    assert_eq!(code(&["scrub", "missing.jsonl"]), 2);
    // 3: output.
    assert_eq!(
        code(&["scrub", "in.jsonl", "-o", "no/such/dir/out.jsonl"]),
        3
    );
    // 4: policy.
    assert_eq!(code(&["scrub", "in.jsonl", "--entities", "EMAIL"]), 4);
    assert_eq!(code(&["scrub", "in.jsonl", "--fields", "a["]), 4);
    s.write("p.toml", "feilds = [\"a\"]\n");
    assert_eq!(code(&["scrub", "in.jsonl", "--policy", "p.toml"]), 4);
    s.write("c.csv", "a,b\n1,2\n");
    assert_eq!(code(&["scrub", "c.csv", "--fields", "c"]), 4);
    // 0.
    assert_eq!(
        code(&["scrub", "in.jsonl", "-q", "--entities", "EMAIL_ADDRESS"]),
        0
    );
    assert_eq!(code(&["--version"]), 0);
}
