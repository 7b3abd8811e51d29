//! A killed run never leaves partial output under the output's name.
#![cfg(all(feature = "cli", unix))]

mod common;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{BIN, Scratch};

/// A dataset large enough that scrubbing it takes a while.
fn big_input(s: &Scratch) {
    let mut input = String::new();
    for i in 0..20_000 {
        input.push_str(&format!(
            "{{\"id\": {i}, \"prompt\": \"Customer Name: Alice Smith\\nEmail: alice{i}@example.com\\nMy card 4111 1111 1111 1111 was charged twice.\", \"completion\": \"Refund Alice Smith.\"}}\n"
        ));
    }
    s.write("big.jsonl", input);
}

/// Starts a scrub and waits until its temporary output holds data.
fn start(s: &Scratch) -> (std::process::Child, std::path::PathBuf) {
    let child = Command::new(BIN)
        .args(["scrub", "big.jsonl", "-o", "out.jsonl", "-j", "1", "-q"])
        .current_dir(&s.dir)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let temp = s.path(&format!(".out.jsonl.piiscrub-tmp-{}", child.id()));
    let deadline = Instant::now() + Duration::from_secs(120);
    while std::fs::metadata(&temp).map_or(true, |m| m.len() == 0) {
        assert!(Instant::now() < deadline, "no output after 120 s");
        std::thread::sleep(Duration::from_millis(20));
    }
    (child, temp)
}

#[test]
fn sigkill_mid_run_leaves_no_output_file() {
    let s = Scratch::new("sigkill");
    big_input(&s);
    let (mut child, temp) = start(&s);
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    assert!(
        !s.path("out.jsonl").exists(),
        "partial output under the final name"
    );
    // The temporary file may stay behind after SIGKILL; it is never the output.
    assert!(temp.exists());
}

#[test]
fn sigterm_mid_run_removes_the_temporary_file() {
    let s = Scratch::new("sigterm");
    big_input(&s);
    let (mut child, temp) = start(&s);
    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(130));
    assert!(!s.path("out.jsonl").exists());
    assert!(!temp.exists(), "temporary file left after SIGTERM");
}
