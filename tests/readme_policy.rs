//! The README's policy file example parses and compiles.
#![cfg(feature = "dataset")]

use piiscrub::dataset::{Policy, Scrubber};

#[test]
fn readme_policy_example_is_valid() {
    let readme = include_str!("../README.md");
    let section = &readme[readme.find("### Policy file").expect("policy section")..];
    let start = section.find("```toml\n").expect("toml block") + "```toml\n".len();
    let toml = &section[start..start + section[start..].find("```").unwrap()];
    let policy = Policy::from_toml(toml).unwrap();
    assert_eq!(policy.deny_list.len(), 1);
    assert_eq!(policy.field_operators.len(), 2);
    let scrubber = Scrubber::new(&policy).unwrap();
    let out = scrubber
        .scrub_json_record(r#"{"prompt": "Card 4111 1111 1111 1111", "other": "x"}"#)
        .unwrap();
    assert_eq!(out, r#"{"prompt": "Card ***************1111"}"#);
}
