//! Runs the `support_tickets` example on the bundled dataset and checks that no name or email of its people
//! survives in the output.

use std::path::PathBuf;
use std::process::Command;

use serde_json::Value;

mod tickets;

fn example_binary() -> PathBuf {
    // Integration tests live in target/<profile>/deps; `cargo test` builds examples into
    // target/<profile>/examples.
    let mut dir = std::env::current_exe().unwrap();
    dir.pop();
    if dir.ends_with("deps") {
        dir.pop();
    }
    dir.join("examples")
        .join(format!("support_tickets{}", std::env::consts::EXE_SUFFIX))
}

#[test]
fn no_name_or_email_survives() {
    let input = tickets::input();
    let out = std::env::temp_dir().join(format!("piiscrub-tickets-{}.jsonl", std::process::id()));
    let bin = example_binary();
    assert!(bin.exists(), "example not built at {}", bin.display());
    let status = Command::new(&bin)
        .arg(&input)
        .arg("--out")
        .arg(&out)
        .arg("--quiet")
        .status()
        .unwrap();
    assert!(status.success());
    let scrubbed = std::fs::read_to_string(&out).unwrap();
    std::fs::remove_file(&out).ok();

    tickets::assert_no_person_survives(&scrubbed);
    // Every record is still a JSON object with its prompt and completion.
    for line in scrubbed.lines() {
        let v: Value = serde_json::from_str(line).unwrap();
        assert!(v["prompt"].is_string() && v["completion"].is_string());
    }
}
