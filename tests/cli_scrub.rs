//! The `piiscrub` binary on well-formed JSONL, JSON arrays, CSV and chat-format data: exact output,
//! reports, field selection, policies.
#![cfg(feature = "cli")]

mod common;

use common::{Scratch, run};
use serde_json::Value;

const EMAIL: &[&str] = &["--entities", "EMAIL_ADDRESS", "--quiet"];

fn args<'a>(extra: &[&'a str]) -> Vec<&'a str> {
    let mut v = extra.to_vec();
    v.extend_from_slice(EMAIL);
    v
}

#[test]
fn jsonl_file_to_file_keeps_every_other_byte() {
    let s = Scratch::new("jsonl");
    let input = concat!(
        "{\"id\": 1, \"text\": \"Reach me at jo@example.com\", \"score\": 1.0}\r\n",
        "\n",
        "{\"id\": 2,\"text\":\"caf\\u00e9, no PII\",\"big\":123456789012345678901234567890,\"e\":1e5}\n",
        "{ \"text\" : \"two: a@example.org and \\\"b@example.net\\\"\" , \"n\" : [ 1.50 ] }",
    );
    s.write("in.jsonl", input);
    let r = run(
        &s.dir,
        &args(&["scrub", "in.jsonl", "-o", "out.jsonl", "--report", "r.json"]),
        b"",
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "");
    assert_eq!(
        s.read("out.jsonl"),
        concat!(
            "{\"id\": 1, \"text\": \"Reach me at <EMAIL_ADDRESS>\", \"score\": 1.0}\r\n",
            "\n",
            "{\"id\": 2,\"text\":\"caf\\u00e9, no PII\",\"big\":123456789012345678901234567890,\"e\":1e5}\n",
            "{ \"text\" : \"two: <EMAIL_ADDRESS> and \\\"<EMAIL_ADDRESS>\\\"\" , \"n\" : [ 1.50 ] }",
        )
    );
    let report: Value = serde_json::from_str(&s.read("r.json")).unwrap();
    assert_eq!(report["records_in"], 3);
    assert_eq!(report["records_out"], 3);
    assert_eq!(report["records_changed"], 2);
    assert_eq!(report["records_quarantined"], 0);
    assert_eq!(report["format"], "jsonl");
    assert_eq!(report["bytes_in"], input.len());
    assert_eq!(report["fields"]["text"]["EMAIL_ADDRESS"], 3);
    assert_eq!(report["entities"]["EMAIL_ADDRESS"], 3);
    assert!(report["elapsed_seconds"].as_f64().unwrap() > 0.0);
    let text = s.read("r.json");
    assert!(!text.contains("example"), "report holds a value: {text}");
    // Only the output, the report and the input: no temporary files left.
    assert_eq!(s.files(), ["in.jsonl", "out.jsonl", "r.json"]);
}

#[test]
fn stdin_to_stdout_needs_a_format() {
    let s = Scratch::new("stdin");
    let input = b"{\"a\": \"x@example.com\"}\n";
    let r = run(&s.dir, &args(&["scrub", "--format", "jsonl"]), input);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "{\"a\": \"<EMAIL_ADDRESS>\"}\n");
    let r = run(
        &s.dir,
        &args(&["scrub", "-", "-o", "-", "-f", "jsonl"]),
        input,
    );
    assert_eq!(r.stdout, "{\"a\": \"<EMAIL_ADDRESS>\"}\n");
    let r = run(&s.dir, &args(&["scrub"]), input);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("--format"), "{}", r.stderr);
}

#[test]
fn json_array_keeps_layout() {
    let s = Scratch::new("array");
    s.write(
        "in.json",
        "[\n  {\"a\": \"mail jo@example.com\", \"n\": 1.50},\n  {\"a\": \"nothing\", \"b\": [true, null]}\n]\n",
    );
    let r = run(&s.dir, &args(&["scrub", "in.json", "-o", "out.json"]), b"");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        s.read("out.json"),
        "[\n  {\"a\": \"mail <EMAIL_ADDRESS>\", \"n\": 1.50},\n  {\"a\": \"nothing\", \"b\": [true, null]}\n]\n"
    );
    s.write("empty.json", " [ ]\n");
    let r = run(&s.dir, &args(&["scrub", "empty.json"]), b"");
    assert_eq!((r.code, r.stdout.as_str()), (0, " [ ]\n"));
}

#[test]
fn csv_quoting_newlines_and_crlf() {
    let s = Scratch::new("csv");
    s.write(
        "in.csv",
        concat!(
            "id,note,email\r\n",
            "1,\"Hello, write to jo@example.com\nthanks\",jo@example.com\r\n",
            "2,\"She said \"\"hi\"\"\",\r\n",
            "3,plain,\"a@example.org\"\r\n",
        ),
    );
    let r = run(
        &s.dir,
        &args(&["scrub", "in.csv", "-o", "out.csv", "--drop", "email"]),
        b"",
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        s.read("out.csv"),
        concat!(
            "id,note\r\n",
            "1,\"Hello, write to <EMAIL_ADDRESS>\nthanks\"\r\n",
            "2,\"She said \"\"hi\"\"\"\r\n",
            "3,plain\r\n",
        )
    );
    // Only some columns scrubbed, others kept as they are.
    let r = run(
        &s.dir,
        &args(&["scrub", "in.csv", "--fields", "email", "--keep", "id,email"]),
        b"",
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout,
        "id,email\r\n1,<EMAIL_ADDRESS>\r\n2,\r\n3,<EMAIL_ADDRESS>\r\n"
    );
}

#[test]
fn chat_format_nested_fields() {
    let s = Scratch::new("chat");
    let input = concat!(
        r#"{"messages": [{"role": "system", "content": "Support bot for help@example.com"}, {"role": "user", "content": "I am jo@example.com"}, {"role": "assistant", "content": "Thanks!"}], "meta": {"owner": "ops@example.com"}}"#,
        "\n",
    );
    s.write("chat.jsonl", input);
    let r = run(
        &s.dir,
        &args(&[
            "scrub",
            "chat.jsonl",
            "--fields",
            "messages[*].content",
            "--report",
            "r.json",
        ]),
        b"",
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout,
        concat!(
            r#"{"messages": [{"role": "system", "content": "Support bot for <EMAIL_ADDRESS>"}, {"role": "user", "content": "I am <EMAIL_ADDRESS>"}, {"role": "assistant", "content": "Thanks!"}], "meta": {"owner": "ops@example.com"}}"#,
            "\n",
        )
    );
    let report: Value = serde_json::from_str(&s.read("r.json")).unwrap();
    assert_eq!(report["fields"]["messages[*].content"]["EMAIL_ADDRESS"], 2);
    assert_eq!(report["fields_never_matched"], serde_json::json!([]));

    // A policy: per-field operators, an allow list, and data minimisation.
    s.write(
        "policy.toml",
        r##"
        fields = ["messages[*].content", "meta"]
        drop = ["meta"]
        entities = ["EMAIL_ADDRESS"]
        allow_list = ["help@example.com"]
        [operators]
        EMAIL_ADDRESS = { type = "replace", new_value = "<EMAIL>" }
        [field_operators."messages[1].content"]
        EMAIL_ADDRESS = { type = "mask", masking_char = "#", chars_to_mask = 3, from_end = true }
        "##,
    );
    let r = run(
        &s.dir,
        &["scrub", "chat.jsonl", "--policy", "policy.toml", "-q"],
        b"",
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout,
        concat!(
            r#"{"messages": [{"role": "system", "content": "Support bot for help@example.com"}, {"role": "user", "content": "I am jo@example.###"}, {"role": "assistant", "content": "Thanks!"}]}"#,
            "\n",
        )
    );
    // The same policy as JSON.
    s.write(
        "policy.json",
        r#"{"fields": ["messages[*].content"], "entities": ["EMAIL_ADDRESS"],
            "operators": {"DEFAULT": {"type": "redact"}}}"#,
    );
    let r = run(
        &s.dir,
        &[
            "scrub",
            "chat.jsonl",
            "-p",
            "policy.json",
            "-q",
            "--keep",
            "messages",
        ],
        b"",
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout,
        concat!(
            r#"{"messages": [{"role": "system", "content": "Support bot for "}, {"role": "user", "content": "I am "}, {"role": "assistant", "content": "Thanks!"}]}"#,
            "\n",
        )
    );
}

#[test]
fn unmatched_fields_are_reported() {
    let s = Scratch::new("unmatched");
    s.write("in.jsonl", "{\"prompt\": \"hi\"}\n");
    let r = run(
        &s.dir,
        &[
            "scrub",
            "in.jsonl",
            "--fields",
            "promt",
            "--entities",
            "EMAIL_ADDRESS",
        ],
        b"",
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("field \"promt\" matched no string value"),
        "{}",
        r.stderr
    );
}

#[test]
fn analyze_lists_findings_without_values() {
    let s = Scratch::new("analyze");
    s.write(
        "in.jsonl",
        "{\"a\": \"to jo@example.com\"}\n{\"a\": \"none\"}\n",
    );
    let r = run(&s.dir, &args(&["analyze", "in.jsonl"]), b"");
    assert_eq!(r.code, 0, "{}", r.stderr);
    let lines: Vec<Value> = r
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["record"], 1);
    assert_eq!(lines[0]["line"], 1);
    let f = &lines[0]["findings"][0];
    assert_eq!(
        (&f["field"], &f["entity_type"], &f["start"], &f["end"]),
        (&"a".into(), &"EMAIL_ADDRESS".into(), &3.into(), &17.into())
    );
    assert!(f.get("text").is_none());
    assert_eq!(lines[1]["findings"], serde_json::json!([]));
    assert!(!r.stdout.contains("jo@"));
    let r = run(&s.dir, &args(&["analyze", "in.jsonl", "--with-text"]), b"");
    assert!(
        r.stdout.contains("\"text\":\"jo@example.com\""),
        "{}",
        r.stdout
    );
}

#[test]
fn output_order_is_the_same_on_any_thread_count() {
    let s = Scratch::new("order");
    let mut input = String::new();
    for i in 0..700 {
        if i % 3 == 0 {
            input.push_str(&format!("{{\"i\": {i}, \"t\": \"user{i}@example.com\"}}\n"));
        } else {
            input.push_str(&format!("{{\"i\": {i}, \"t\": \"line {i}\"}}\n"));
        }
    }
    s.write("in.jsonl", &input);
    let one = run(&s.dir, &args(&["scrub", "in.jsonl", "-j", "1"]), b"");
    let two = run(&s.dir, &args(&["scrub", "in.jsonl", "-j", "2"]), b"");
    let three = run(&s.dir, &args(&["scrub", "in.jsonl", "--threads", "3"]), b"");
    assert_eq!(one.code, 0, "{}", one.stderr);
    assert_eq!(one.stdout.lines().count(), 700);
    assert_eq!(one.stdout, two.stdout);
    assert_eq!(one.stdout, three.stdout);
    for (i, line) in one.stdout.lines().enumerate() {
        assert!(line.starts_with(&format!("{{\"i\": {i}, ")), "{line}");
    }
}

#[test]
fn help_documents_exit_codes_and_entities_lists_types() {
    let s = Scratch::new("help");
    for args in [
        &["--help"][..],
        &["scrub", "--help"],
        &["analyze", "--help"],
    ] {
        let r = run(&s.dir, args, b"");
        assert_eq!(r.code, 0);
        for needle in [
            "Exit codes:",
            "1    usage",
            "2    input",
            "3    output",
            "4    policy",
        ] {
            assert!(r.stdout.contains(needle), "{args:?}: {needle}");
        }
    }
    let r = run(&s.dir, &["entities"], b"");
    assert_eq!(r.code, 0);
    assert!(r.stdout.lines().any(|l| l == "EMAIL_ADDRESS"));
    assert!(r.stdout.lines().any(|l| l == "PERSON"));
}
