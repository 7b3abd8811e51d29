//! Inputs shared by the benches.

use std::path::Path;

/// Where the labeled dev corpus lives (`PIISCRUB_DEV_CORPUS` overrides).
const DEV_CORPUS: &str = "../shared/corpus/dev.jsonl";

/// The `text` field of every record of the dev corpus, or `None` (with a note on stderr) when the corpus is
/// not there, so the benches still build and run on a bare clone.
pub fn dev_texts() -> Option<Vec<String>> {
    let path = std::env::var("PIISCRUB_DEV_CORPUS").unwrap_or_else(|_| DEV_CORPUS.to_string());
    if !Path::new(&path).exists() {
        eprintln!("bench: {path} not found; set PIISCRUB_DEV_CORPUS to run the dev-corpus benches");
        return None;
    }
    let data = std::fs::read_to_string(&path).ok()?;
    Some(
        data.lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v["text"].as_str().map(str::to_string))
            .collect(),
    )
}
