//! Runs the `support_tickets` example on the bundled dataset and checks that no name or email of its people
//! survives in the output.

use std::path::PathBuf;
use std::process::Command;

use serde_json::Value;

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

/// Whether `word` occurs in `text` with no letter or digit directly around it.
fn contains_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[test]
fn no_name_or_email_survives() {
    let root = env!("CARGO_MANIFEST_DIR");
    let input = format!("{root}/examples/data/support_tickets.jsonl");
    let people: Vec<Value> = serde_json::from_str(
        &std::fs::read_to_string(format!("{root}/examples/data/support_tickets.people.json"))
            .unwrap(),
    )
    .unwrap();
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

    let original = std::fs::read_to_string(&input).unwrap();
    assert_eq!(scrubbed.lines().count(), original.lines().count());
    assert!(people.len() >= 20);
    for person in &people {
        let name = person["name"].as_str().unwrap();
        let email = person["email"].as_str().unwrap();
        assert!(original.contains(name) && original.contains(email));
        assert!(!scrubbed.contains(email), "email of record survived");
        for part in name.split_whitespace() {
            assert!(
                !contains_word(&scrubbed, part),
                "name part {part:?} survived"
            );
        }
    }
    // Every record is still a JSON object with its prompt and completion.
    for line in scrubbed.lines() {
        let v: Value = serde_json::from_str(line).unwrap();
        assert!(v["prompt"].is_string() && v["completion"].is_string());
    }
}
