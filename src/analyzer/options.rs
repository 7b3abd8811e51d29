//! Options (stub; being written by the lead).
/// Per-call options.
#[derive(Debug, Clone, Default)]
pub struct AnalyzeOptions;
