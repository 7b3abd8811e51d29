//! Predefined recognizers, one family per file.
use std::sync::Arc;

use crate::Recognizer;

/// The predefined recognizers for `language` (placeholder until the starter set lands).
pub fn predefined(_language: &str) -> Vec<Arc<dyn Recognizer>> {
    Vec::new()
}
