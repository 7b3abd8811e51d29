//! The README quick start's main command: scrub the bundled support tickets with the CLI, and no name or
//! email of their people survives.
#![cfg(feature = "cli")]

mod common;
mod tickets;

use common::{Scratch, run};
use serde_json::Value;

#[test]
fn quick_start_scrubs_the_bundled_tickets() {
    let input = tickets::input();
    let people = tickets::people();
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
    tickets::assert_no_person_survives(&s.read("scrubbed.jsonl"));
    let report: Value = serde_json::from_str(&s.read("report.json")).unwrap();
    assert_eq!(report["records_in"], 22);
    assert_eq!(report["records_out"], 22);
    let report_text = s.read("report.json");
    for person in &people {
        assert!(!report_text.contains(person["email"].as_str().unwrap()));
    }
}
