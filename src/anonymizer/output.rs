//! The anonymizer's output: [`AnonymizedText`] and its [`OperatorResult`] items.

use std::borrow::Cow;
use std::fmt;

use serde::ser::{Error as _, SerializeSeq, SerializeStruct};
use serde::{Deserialize, Serialize, Serializer};

use crate::entity::EntityType;

/// The anonymized text and what was done where (Presidio's `EngineResult`).
///
/// The items hold positions, not copies of the text: [`text_of`](Self::text_of) reads an item's new value
/// out of [`text`](Self::text), so a result with millions of spans costs no string per span.
///
/// The JSON (`serde`) shape is Presidio's: each item carries its `"text"`, written from the output text;
/// when read, an item's range must lie on character boundaries of the text and a `"text"` it carries
/// must equal that range (Presidio's JSON reads back unchanged).
///
/// `Debug` shows lengths, not text: the output of `keep` (or of a weak `mask`) is personal data.
///
/// ```
/// use piiscrub::{AnonymizerEngine, EntityType, Operators, RecognizerResult};
///
/// let text = "Call Jane at 212-555-0101";
/// let results = [RecognizerResult::new(EntityType::PERSON, 5, 9, 0.85, "demo".into())];
/// let out = AnonymizerEngine::new().anonymize(text, &results, &Operators::default())?;
/// assert_eq!(out.text, "Call <PERSON> at 212-555-0101");
/// assert_eq!(out.text_of(&out.items[0]), Some("<PERSON>"));
/// # Ok::<(), piiscrub::Error>(())
/// ```
#[derive(Clone, PartialEq, Default, Deserialize)]
#[serde(try_from = "wire::Anonymized")]
pub struct AnonymizedText {
    /// The text with every resolved span replaced.
    pub text: String,
    /// One entry per replaced span, sorted by position.
    pub items: Vec<OperatorResult>,
}

impl AnonymizedText {
    /// The text the operator produced for `item`: `&self.text[item.start..item.end]`.
    ///
    /// `None` only when that range is not on character boundaries of the text, which the items
    /// [`anonymize`](crate::AnonymizerEngine::anonymize) returns (or JSON reads) never are.
    pub fn text_of(&self, item: &OperatorResult) -> Option<&str> {
        self.text.get(item.start..item.end)
    }
}

/// One replaced span (Presidio's `OperatorResult`, without its copy of the new text).
///
/// `start..end` are **UTF-8 byte offsets into the output text** (Presidio uses code points; convert with
/// [`OffsetMap`](crate::OffsetMap) over [`AnonymizedText::text`]); the new value is
/// [`AnonymizedText::text_of`] this item. Read from JSON, a `"text"` field is accepted and ignored
/// (the [`AnonymizedText`] reader checks it).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OperatorResult {
    /// Start in the output text (bytes, inclusive).
    pub start: usize,
    /// End in the output text (bytes, exclusive).
    pub end: usize,
    /// The entity type of the replaced span.
    pub entity_type: EntityType,
    /// The operator's name (`"replace"`, `"mask"`, …).
    pub operator: Cow<'static, str>,
}

impl Serialize for AnonymizedText {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("AnonymizedText", 2)?;
        s.serialize_field("text", &self.text)?;
        s.serialize_field("items", &wire::Items(self))?;
        s.end()
    }
}

/// The JSON shapes, where an item carries its text.
mod wire {
    use super::*;

    /// Serialises the items of an [`AnonymizedText`] with their texts.
    pub(super) struct Items<'a>(pub(super) &'a AnonymizedText);

    impl Serialize for Items<'_> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut seq = serializer.serialize_seq(Some(self.0.items.len()))?;
            for (i, item) in self.0.items.iter().enumerate() {
                let text = self.0.text_of(item).ok_or_else(|| {
                    S::Error::custom(format_args!(
                        "item {i}: range {}..{} is not on character boundaries of the text",
                        item.start, item.end
                    ))
                })?;
                seq.serialize_element(&Item {
                    start: item.start,
                    end: item.end,
                    entity_type: item.entity_type.clone(),
                    text: Some(Cow::Borrowed(text)),
                    operator: item.operator.clone(),
                })?;
            }
            seq.end()
        }
    }

    /// An item as JSON has it.
    #[derive(Serialize, Deserialize)]
    pub(super) struct Item<'a> {
        start: usize,
        end: usize,
        entity_type: EntityType,
        #[serde(default)]
        text: Option<Cow<'a, str>>,
        operator: Cow<'static, str>,
    }

    /// An [`AnonymizedText`] as JSON has it, checked on conversion.
    #[derive(Deserialize)]
    pub(super) struct Anonymized {
        text: String,
        items: Vec<Item<'static>>,
    }

    impl TryFrom<Anonymized> for AnonymizedText {
        type Error = String;

        /// Keeps the items' positions after checking them (and any text they carry) against the text. The
        /// error names the item and the problem, never the text.
        fn try_from(wire: Anonymized) -> Result<Self, String> {
            let out = AnonymizedText {
                text: wire.text,
                items: Vec::with_capacity(wire.items.len()),
            };
            wire.items
                .into_iter()
                .enumerate()
                .try_fold(out, |mut out, (i, item)| {
                    let result = OperatorResult {
                        start: item.start,
                        end: item.end,
                        entity_type: item.entity_type,
                        operator: item.operator,
                    };
                    match (out.text_of(&result), item.text) {
                        (None, _) => Err(format!(
                            "item {i}: range {}..{} is not on character boundaries of the text",
                            result.start, result.end
                        )),
                        (Some(found), Some(said)) if found != said => Err(format!(
                            "item {i}: its text differs from the output text at {}..{}",
                            result.start, result.end
                        )),
                        _ => {
                            out.items.push(result);
                            Ok(out)
                        }
                    }
                })
        }
    }
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
            .field("operator", &self.operator)
            .finish()
    }
}
