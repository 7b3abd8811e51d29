//! The README quick start's main command: scrub the bundled support tickets with the CLI, and no name or
//! email of their people survives.
#![cfg(feature = "cli")]

mod common;

use common::{Scratch, run};
use serde_json::Value;

/// Whether `word` occurs in `text` with no letter or digit directly around it.
fn contains_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[test]
fn quick_start_scrubs_the_bundled_tickets() {
    let root = env!("CARGO_MANIFEST_DIR");
    let input = format!("{root}/examples/data/support_tickets.jsonl");
    let people: Vec<Value> = serde_json::from_str(
        &std::fs::read_to_string(format!("{root}/examples/data/support_tickets.people.json"))
            .unwrap(),
    )
    .unwrap();
    let s = Scratch::new("quickstart");
    let r = run(
        &s.dir,
        &[
            "scrub",
            &input,
            "-o",
            "scrubbed.jsonl",
            "--report",
            "report.json",
        ],
        b"",
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("scrubbed 22 records"), "{}", r.stderr);
    let scrubbed = s.read("scrubbed.jsonl");
    let original = std::fs::read_to_string(&input).unwrap();
    assert_eq!(scrubbed.lines().count(), original.lines().count());
    for person in &people {
        let email = person["email"].as_str().unwrap();
        assert!(!scrubbed.contains(email), "an email survived");
        for part in person["name"].as_str().unwrap().split_whitespace() {
            assert!(
                !contains_word(&scrubbed, part),
                "name part {part:?} survived"
            );
        }
    }
    let report: Value = serde_json::from_str(&s.read("report.json")).unwrap();
    assert_eq!(report["records_in"], 22);
    assert_eq!(report["records_out"], 22);
    let report_text = s.read("report.json");
    for person in &people {
        assert!(!report_text.contains(person["email"].as_str().unwrap()));
    }
}
