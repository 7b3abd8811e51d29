//! # piiscrub
//!
//! Find and remove personal data before it reaches an LLM fine-tuning run.
//!
//! piiscrub mirrors Microsoft Presidio's split: an [`AnalyzerEngine`] runs pluggable [`Recognizer`]s
//! (regex patterns with checksums and context words, deny lists, your own) and returns scored entity spans;
//! an [`AnonymizerEngine`] applies a per-entity operator to each span after resolving overlaps.
//!
//! ```
//! use piiscrub::{AnalyzeOptions, AnalyzerEngine, AnonymizerEngine, Operators};
//!
//! let analyzer = AnalyzerEngine::new();
//! let text = "Customer Name: Alice Smith, email alice.smith@example.com";
//! let results = analyzer.analyze(text, &AnalyzeOptions::default())?;
//!
//! // Offsets are UTF-8 byte offsets into `text`.
//! let email = results.iter().find(|r| r.entity_type == "EMAIL_ADDRESS").unwrap();
//! assert_eq!(&text[email.start..email.end], "alice.smith@example.com");
//!
//! let out = AnonymizerEngine::new().anonymize(text, &results, &Operators::default())?;
//! assert_eq!(out.text, "Customer Name: <PERSON>, email <EMAIL_ADDRESS>");
//! # Ok::<(), piiscrub::Error>(())
//! ```
//!
//! See the [`analyzer`](AnalyzerEngine) for scoring and context, the [`anonymizer`](AnonymizerEngine) for
//! operators and conflict resolution, and [`RecognizerResult`] for offsets and the JSON shape. With the
//! `dataset` feature, `piiscrub::dataset` scrubs whole JSONL, JSON and CSV datasets on all cores.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod analyzer;
mod anonymizer;
#[cfg(feature = "dataset")]
pub mod dataset;
mod entity;
mod error;
pub mod recognizers;
mod result;
mod scratch;
#[cfg(test)]
mod test_rng;
pub mod validate;

pub use analyzer::{
    AllowList, AllowListMatch, AnalyzeOptions, AnalyzeRequest, AnalyzerBuilder, AnalyzerEngine,
    DEFAULT_THRESHOLD, DenyListRecognizer, InvalidateFn, Pattern, PatternRecognizer,
    PatternRecognizerBuilder, Recognizer, RecognizerContext, RecognizerInfo, RecognizerRegistry,
    SPAN_GROUP, ValidateFn,
};
pub use anonymizer::{
    AnonymizedText, AnonymizerBuilder, AnonymizerEngine, ConflictResolution, CustomOperator,
    HashKey, HashType, OperatorConfig, OperatorResult, Operators,
};
pub use entity::EntityType;
pub use error::{Error, PatternProblem, SpanProblem};
pub use result::{
    AnalysisExplanation, OffsetMap, RecognizerResult, Validation, to_byte_offsets, to_char_offsets,
};

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
