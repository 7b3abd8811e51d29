//! Allow lists (stub; being written by the lead).
/// Values that are never reported.
#[derive(Debug, Clone, Default)]
pub struct AllowList;
