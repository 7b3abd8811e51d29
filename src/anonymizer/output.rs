//! The anonymizer's output: [`AnonymizedText`] and its [`OperatorResult`] items.

use std::borrow::Cow;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::entity::EntityType;

/// The anonymized text and what was done where (Presidio's `EngineResult`).
///
/// `Debug` shows lengths, not text: the output of `keep` (or of a weak `mask`) is personal data.
#[derive(Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct AnonymizedText {
    /// The text with every resolved span replaced.
    pub text: String,
    /// One entry per replaced span, sorted by position.
    pub items: Vec<OperatorResult>,
}

/// One replaced span (Presidio's `OperatorResult`).
///
/// `start..end` are **UTF-8 byte offsets into the output text** (Presidio uses code points; convert with
/// [`OffsetMap`](crate::OffsetMap) over [`AnonymizedText::text`]), so
/// `&out.text[item.start..item.end] == item.text`.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OperatorResult {
    /// Start in the output text (bytes, inclusive).
    pub start: usize,
    /// End in the output text (bytes, exclusive).
    pub end: usize,
    /// The entity type of the replaced span.
    pub entity_type: EntityType,
    /// The text the operator produced.
    pub text: String,
    /// The operator's name (`"replace"`, `"mask"`, …).
    pub operator: Cow<'static, str>,
}

impl fmt::Debug for AnonymizedText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AnonymizedText")
            .field("text_len", &self.text.len())
            .field("items", &self.items)
            .finish()
    }
}

impl fmt::Debug for OperatorResult {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OperatorResult")
            .field("start", &self.start)
            .field("end", &self.end)
            .field("entity_type", &self.entity_type)
            .field("text_len", &self.text.len())
            .field("operator", &self.operator)
            .finish()
    }
}
