//! The bundled support tickets and the people in them, for tests that scrub the tickets.

use serde_json::Value;

/// The bundled dataset's path.
pub fn input() -> String {
    format!(
        "{}/examples/data/support_tickets.jsonl",
        env!("CARGO_MANIFEST_DIR")
    )
}

/// The people named in the bundled tickets (`name`, `email`).
pub fn people() -> Vec<Value> {
    let path = format!(
        "{}/examples/data/support_tickets.people.json",
        env!("CARGO_MANIFEST_DIR")
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Asserts that `scrubbed` holds as many lines as the bundled dataset and that no email and no part of a
/// name of its people survives in it.
pub fn assert_no_person_survives(scrubbed: &str) {
    let original = std::fs::read_to_string(input()).unwrap();
    assert_eq!(scrubbed.lines().count(), original.lines().count());
    let people = people();
    assert!(people.len() >= 20);
    for person in &people {
        let name = person["name"].as_str().unwrap();
        let email = person["email"].as_str().unwrap();
        assert!(original.contains(name) && original.contains(email));
        assert!(!scrubbed.contains(email), "an email survived");
        for part in name.split_whitespace() {
            assert!(
                !contains_word(scrubbed, part),
                "name part {part:?} survived"
            );
        }
    }
}

/// Whether `word` occurs in `text` with no letter or digit directly around it.
fn contains_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}
