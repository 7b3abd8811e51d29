//! Analyzer output: [`RecognizerResult`], its [`AnalysisExplanation`], and offset conversion.
//!
//! # Offsets
//!
//! In the Rust API, `start..end` are **UTF-8 byte offsets** into the analysed text, always on character
//! boundaries, so `&text[r.start..r.end]` is the detected value. Presidio and most JSON consumers count
//! Unicode code points instead; [`to_char_offsets`] and [`to_byte_offsets`] convert a batch of results in one
//! pass over the text, and [`OffsetMap`] converts single offsets.

use std::fmt;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::entity::EntityType;
use crate::error::{Error, SpanProblem};

/// One detected entity: its type, where it is, and how sure the recognizer is.
///
/// The value itself is not stored: slice the analysed text with `start..end`. `Debug` output therefore holds
/// no personal data.
///
/// JSON (`serde`) uses Presidio's field names. `recognizer` is written as Presidio's
/// `recognition_metadata.recognizer_name`.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[serde(from = "wire::Result", into = "wire::Result")]
pub struct RecognizerResult {
    /// The detected entity type.
    pub entity_type: EntityType,
    /// Start offset (UTF-8 bytes, inclusive).
    pub start: usize,
    /// End offset (UTF-8 bytes, exclusive).
    pub end: usize,
    /// Confidence in `[0, 1]`.
    pub score: f64,
    /// Name of the recognizer that produced the result.
    pub recognizer: Arc<str>,
    /// How the score came about; filled when the caller asks for the decision process.
    pub explanation: Option<Box<AnalysisExplanation>>,
}

impl RecognizerResult {
    /// A result without explanation, attributed to `recognizer`.
    pub fn new(
        entity_type: EntityType,
        start: usize,
        end: usize,
        score: f64,
        recognizer: Arc<str>,
    ) -> Self {
        RecognizerResult {
            entity_type,
            start,
            end,
            score,
            recognizer,
            explanation: None,
        }
    }

    /// Attaches an explanation naming the recognizer and `pattern_name` when `ctx` asks for the decision
    /// process; otherwise returns `self` unchanged. For custom recognizers that report one result at a time.
    ///
    /// ```
    /// use piiscrub::{EntityType, RecognizerContext, RecognizerResult};
    ///
    /// let entities = [EntityType::PERSON];
    /// let ctx = RecognizerContext::new(&entities, "en").with_decision_process(true);
    /// let r = RecognizerResult::new(EntityType::PERSON, 0, 3, 0.6, "Mine".into()).explained(&ctx, "roster");
    /// let e = r.explanation.unwrap();
    /// assert_eq!((e.recognizer.as_str(), e.pattern_name.as_deref()), ("Mine", Some("roster")));
    /// ```
    #[must_use]
    pub fn explained(mut self, ctx: &crate::RecognizerContext<'_>, pattern_name: &str) -> Self {
        if ctx.return_decision_process() {
            self.explanation = Some(Box::new(AnalysisExplanation {
                recognizer: self.recognizer.to_string(),
                pattern_name: Some(pattern_name.to_string()),
                original_score: self.score,
                score: self.score,
                ..AnalysisExplanation::default()
            }));
        }
        self
    }

    /// Length of the span in bytes.
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether the span is empty.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// Whether `self` lies within `other` (inclusive at both ends).
    pub fn contained_in(&self, other: &RecognizerResult) -> bool {
        other.start <= self.start && self.end <= other.end
    }

    /// Number of bytes the two spans share (0 when they only touch).
    pub fn overlap(&self, other: &RecognizerResult) -> usize {
        self.end
            .min(other.end)
            .saturating_sub(self.start.max(other.start))
    }

    /// The detected value, or `None` when the span does not fit `text`.
    pub fn value<'t>(&self, text: &'t str) -> Option<&'t str> {
        text.get(self.start..self.end)
    }
}

impl fmt::Debug for RecognizerResult {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RecognizerResult")
            .field("entity_type", &self.entity_type)
            .field("start", &self.start)
            .field("end", &self.end)
            .field("score", &self.score)
            .field("recognizer", &self.recognizer)
            .finish_non_exhaustive()
    }
}

/// Outcome of a recognizer's checksum or format validation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Validation {
    /// The value passed a definitive check (e.g. Luhn): the score becomes 1.0.
    Valid,
    /// The value failed: the match is dropped.
    Invalid,
    /// No check applies or it cannot decide: the base score stays.
    Unknown,
}

/// How a result's score came about (Presidio's `analysis_explanation`).
///
/// Only built when [`AnalyzeOptions::return_decision_process`](crate::AnalyzeOptions::return_decision_process)
/// is set, so the common path does not allocate for it. It names recognizers, patterns and context words
/// (configuration), never the matched value.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct AnalysisExplanation {
    /// The recognizer's name.
    pub recognizer: String,
    /// The name of the pattern that matched, for pattern recognizers.
    pub pattern_name: Option<String>,
    /// The pattern's regular expression, for pattern recognizers.
    pub pattern: Option<String>,
    /// The score before validation and context.
    pub original_score: f64,
    /// The final score.
    pub score: f64,
    /// A human-readable note from the recognizer.
    pub textual_explanation: Option<String>,
    /// How much context words added.
    pub score_context_improvement: f64,
    /// The context word (or phrase) that raised the score.
    pub supportive_context_word: String,
    /// The validator's verdict, if the recognizer has one.
    pub validation_result: Option<Validation>,
}

/// Converts byte offsets into code-point offsets for many positions of one text.
///
/// Building it is one pass over the text; each lookup is a binary search over the positions of non-ASCII
/// characters, so ASCII-only text costs almost nothing.
///
/// # Example
///
/// ```
/// use piiscrub::OffsetMap;
///
/// let text = "héllo wörld";
/// let map = OffsetMap::new(text);
/// assert_eq!(map.byte_to_char(7), Some(6)); // "w"
/// assert_eq!(map.char_to_byte(6), Some(7));
/// assert_eq!(map.byte_to_char(2), None); // inside "é"
/// ```
#[derive(Clone)]
pub struct OffsetMap {
    /// One entry per non-ASCII character, in text order.
    wide: Vec<Wide>,
    byte_len: usize,
    char_len: usize,
}

#[derive(Clone, Copy)]
struct Wide {
    /// Byte offset of the character.
    byte: usize,
    /// Its code-point offset.
    char: usize,
    /// Its width in bytes (2 to 4).
    width: u8,
}

impl fmt::Debug for OffsetMap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OffsetMap")
            .field("byte_len", &self.byte_len)
            .field("char_len", &self.char_len)
            .finish()
    }
}

impl OffsetMap {
    /// Indexes `text`.
    pub fn new(text: &str) -> Self {
        let mut wide = Vec::new();
        let mut char_len = text.len();
        if !text.is_ascii() {
            char_len = 0;
            for (byte, c) in text.char_indices() {
                let width = c.len_utf8();
                if width > 1 {
                    wide.push(Wide {
                        byte,
                        char: char_len,
                        width: width as u8,
                    });
                }
                char_len += 1;
            }
        }
        OffsetMap {
            wide,
            byte_len: text.len(),
            char_len,
        }
    }

    /// Length of the text in bytes.
    pub fn byte_len(&self) -> usize {
        self.byte_len
    }

    /// Length of the text in code points.
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    /// The code-point offset of byte offset `byte`, or `None` if it is past the end or inside a character.
    pub fn byte_to_char(&self, byte: usize) -> Option<usize> {
        if byte > self.byte_len {
            return None;
        }
        // The last wide character starting before `byte` fixes the offset: after it, one byte per char.
        match self.wide.partition_point(|w| w.byte < byte).checked_sub(1) {
            None => Some(byte),
            Some(k) => {
                let w = self.wide[k];
                let end = w.byte + w.width as usize;
                (byte >= end).then(|| w.char + 1 + (byte - end))
            }
        }
    }

    /// The byte offset of code-point offset `ch`, or `None` if it is past the end.
    pub fn char_to_byte(&self, ch: usize) -> Option<usize> {
        if ch > self.char_len {
            return None;
        }
        match self.wide.partition_point(|w| w.char < ch).checked_sub(1) {
            None => Some(ch),
            Some(k) => {
                let w = self.wide[k];
                Some(w.byte + w.width as usize + (ch - w.char - 1))
            }
        }
    }
}

/// Converts results from byte offsets to code-point offsets (for Presidio-compatible JSON), in place.
///
/// Runs in one pass over `text` plus a sort of the offsets.
///
/// # Errors
///
/// [`Error::InvalidSpan`] when a result does not fit `text` or an offset is not on a character boundary; the
/// slice is left unchanged then.
///
/// # Example
///
/// ```
/// use piiscrub::{to_char_offsets, EntityType, RecognizerResult};
///
/// let text = "😀 alice@example.com";
/// let mut results = vec![RecognizerResult::new(EntityType::EMAIL_ADDRESS, 5, 22, 1.0, "email".into())];
/// to_char_offsets(text, &mut results)?;
/// assert_eq!((results[0].start, results[0].end), (2, 19));
/// # Ok::<(), piiscrub::Error>(())
/// ```
pub fn to_char_offsets(text: &str, results: &mut [RecognizerResult]) -> Result<(), Error> {
    let converted = convert(text, results, true)?;
    apply(results, converted);
    Ok(())
}

/// Converts results from code-point offsets (as Presidio produces them) to byte offsets, in place.
///
/// # Errors
///
/// [`Error::InvalidSpan`] when a result does not fit `text`; the slice is left unchanged then.
pub fn to_byte_offsets(text: &str, results: &mut [RecognizerResult]) -> Result<(), Error> {
    let converted = convert(text, results, false)?;
    apply(results, converted);
    Ok(())
}

fn apply(results: &mut [RecognizerResult], converted: Vec<(usize, usize)>) {
    for (r, (s, e)) in results.iter_mut().zip(converted) {
        r.start = s;
        r.end = e;
    }
}

/// Converts every offset of `results` in one left-to-right walk over `text`.
fn convert(
    text: &str,
    results: &[RecognizerResult],
    bytes_to_chars: bool,
) -> Result<Vec<(usize, usize)>, Error> {
    let text_len = if bytes_to_chars {
        text.len()
    } else {
        text.chars().count()
    };
    // (offset, result index, is_end)
    let mut wanted = Vec::with_capacity(results.len() * 2);
    for (i, r) in results.iter().enumerate() {
        let problem = if r.start > r.end {
            Some(SpanProblem::Reversed)
        } else if r.end > text_len {
            Some(SpanProblem::OutOfRange)
        } else if bytes_to_chars
            && (!text.is_char_boundary(r.start) || !text.is_char_boundary(r.end))
        {
            Some(SpanProblem::NotCharBoundary)
        } else {
            None
        };
        if let Some(reason) = problem {
            return Err(Error::InvalidSpan {
                index: i,
                start: r.start,
                end: r.end,
                text_len,
                reason,
            });
        }
        wanted.push((r.start, i, false));
        wanted.push((r.end, i, true));
    }
    wanted.sort_unstable();
    let mut out = vec![(0usize, 0usize); results.len()];
    let mut bytes = 0usize;
    let mut chars = 0usize;
    let mut iter = text.chars();
    for (offset, i, is_end) in wanted {
        // Advance until the source-unit counter reaches `offset`.
        loop {
            let here = if bytes_to_chars { bytes } else { chars };
            if here >= offset {
                break;
            }
            match iter.next() {
                Some(c) => {
                    bytes += c.len_utf8();
                    chars += 1;
                }
                None => break,
            }
        }
        let target = if bytes_to_chars { chars } else { bytes };
        if is_end {
            out[i].1 = target;
        } else {
            out[i].0 = target;
        }
    }
    Ok(out)
}

/// The JSON shape of a result, as Presidio's REST API writes it.
mod wire {
    use super::*;

    #[derive(Serialize, Deserialize)]
    pub(super) struct Result {
        entity_type: EntityType,
        start: usize,
        end: usize,
        score: f64,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        analysis_explanation: Option<Box<AnalysisExplanation>>,
        #[serde(default)]
        recognition_metadata: Metadata,
    }

    #[derive(Serialize, Deserialize, Default)]
    struct Metadata {
        #[serde(default)]
        recognizer_name: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        recognizer_identifier: Option<String>,
    }

    impl From<Result> for RecognizerResult {
        fn from(w: Result) -> Self {
            RecognizerResult {
                entity_type: w.entity_type,
                start: w.start,
                end: w.end,
                score: w.score,
                recognizer: Arc::from(w.recognition_metadata.recognizer_name),
                explanation: w.analysis_explanation,
            }
        }
    }

    impl From<RecognizerResult> for Result {
        fn from(r: RecognizerResult) -> Self {
            Result {
                entity_type: r.entity_type,
                start: r.start,
                end: r.end,
                score: r.score,
                analysis_explanation: r.explanation,
                recognition_metadata: Metadata {
                    recognizer_name: r.recognizer.to_string(),
                    recognizer_identifier: None,
                },
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(start: usize, end: usize) -> RecognizerResult {
        RecognizerResult::new(EntityType::PERSON, start, end, 0.5, Arc::from("t"))
    }

    #[test]
    fn offset_map_matches_naive() {
        let text = "a😀bé\u{301}c中文d";
        let map = OffsetMap::new(text);
        let mut chars = 0;
        for b in 0..=text.len() {
            if text.is_char_boundary(b) {
                assert_eq!(map.byte_to_char(b), Some(chars), "byte {b}");
                assert_eq!(map.char_to_byte(chars), Some(b), "char {chars}");
                if b < text.len() {
                    chars += 1;
                }
            } else {
                assert_eq!(map.byte_to_char(b), None);
            }
        }
        assert_eq!(map.char_to_byte(chars + 1), None);
    }

    #[test]
    fn batch_conversion_round_trips() {
        let text = "😀 Zoë 中文 x";
        let mut rs = vec![r(5, 9), r(10, 16), r(0, text.len())];
        let orig = rs.clone();
        to_char_offsets(text, &mut rs).unwrap();
        assert_eq!((rs[0].start, rs[0].end), (2, 5));
        assert_eq!((rs[1].start, rs[1].end), (6, 8));
        assert_eq!((rs[2].start, rs[2].end), (0, 10));
        to_byte_offsets(text, &mut rs).unwrap();
        assert_eq!(rs, orig);
    }

    #[test]
    fn conversion_rejects_bad_spans() {
        let text = "é";
        let mut rs = vec![r(0, 1)];
        let err = to_char_offsets(text, &mut rs).unwrap_err();
        assert!(matches!(
            err,
            Error::InvalidSpan {
                reason: SpanProblem::NotCharBoundary,
                ..
            }
        ));
        let mut rs = vec![r(0, 2)];
        assert!(to_byte_offsets(text, &mut rs).is_err());
        let mut rs = vec![r(1, 0)];
        assert!(to_char_offsets(text, &mut rs).is_err());
    }
}
