//! Deny lists (stub; being written by the lead).
/// A deny-list recognizer.
#[derive(Debug)]
pub struct DenyListRecognizer;
