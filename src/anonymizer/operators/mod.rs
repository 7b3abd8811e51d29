//! The built-in operators, one per file (`redact`, which writes nothing, needs none), and [`OperatorConfig`],
//! which selects one with its parameters.

mod custom;
mod hash;
mod keep;
mod mask;
mod replace;

use serde::{Deserialize, Serialize};

use crate::entity::EntityType;

pub use custom::CustomOperator;
#[cfg(feature = "json")]
pub(crate) use custom::NOT_SERIALISABLE as CUSTOM_NOT_SERIALISABLE;
pub use hash::{HashKey, HashType};

/// What to do with one entity's text: an operator and its parameters.
///
/// The JSON (`serde`) shape is Presidio's REST shape, tagged by `"type"`:
///
/// | variant | JSON |
/// |---|---|
/// | [`Replace`](Self::Replace) | `{"type": "replace", "new_value": "<NAME>"}` (`new_value` optional) |
/// | [`Redact`](Self::Redact) | `{"type": "redact"}` |
/// | [`Mask`](Self::Mask) | `{"type": "mask", "masking_char": "*", "chars_to_mask": 4, "from_end": true}` |
/// | [`Hash`](Self::Hash) | `{"type": "hash", "hash_type": "sha256", "key": "…"}` (both optional) |
/// | [`Keep`](Self::Keep) | `{"type": "keep"}` |
/// | [`Custom`](Self::Custom) | not representable: serialising it fails, deserialising it is an error |
///
/// An unknown `type` is an error, and so is an unknown field of an operator that has fields (`redact` and
/// `keep` ignore extra fields). Parameter values (a one-character `masking_char`, a non-empty `key`) are
/// checked by [`Operators::validate`], which [`Operators::from_json`] and [`AnonymizerEngine::anonymize`]
/// run, not by deserialisation.
///
/// [`Operators::validate`]: crate::Operators::validate
/// [`Operators::from_json`]: crate::Operators#method.from_json
/// [`AnonymizerEngine::anonymize`]: crate::AnonymizerEngine::anonymize
///
/// # Example
///
/// ```
/// use piiscrub::OperatorConfig;
///
/// let config: OperatorConfig = serde_json::from_str(
///     r#"{"type": "mask", "masking_char": "*", "chars_to_mask": 4, "from_end": true}"#,
/// )?;
/// assert_eq!(config, OperatorConfig::mask('*', 4, true));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum OperatorConfig {
    /// Replace the value with `new_value`, or with `<ENTITY_TYPE>` (e.g. `<PERSON>`) when it is `None`.
    Replace {
        /// The replacement text.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        new_value: Option<String>,
    },
    /// Replace the value with nothing.
    Redact,
    /// Overwrite `chars_to_mask` characters of the value, from its start or its end, with `masking_char`.
    ///
    /// Characters are **grapheme clusters**: an emoji, a flag or `e` + combining accent is masked as one
    /// character and becomes one `masking_char`. (Presidio counts code points.) A count larger than the
    /// value masks all of it.
    Mask {
        /// The masking character; must be exactly one `char` (a string, as in Presidio's JSON).
        masking_char: String,
        /// How many characters to mask.
        chars_to_mask: usize,
        /// Mask the last characters instead of the first.
        #[serde(default)]
        from_end: bool,
    },
    /// Replace the value with the lowercase hex digest of its UTF-8 bytes; keyed (HMAC) when `key` is set.
    ///
    /// Unkeyed digests of short values can be reversed by trying every candidate; use a key unless the
    /// digests never leave your control.
    Hash {
        /// The digest algorithm (SHA-256 by default).
        #[serde(default)]
        hash_type: HashType,
        /// The HMAC key. Written to JSON in clear when serialised: keep such JSON secret.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        key: Option<HashKey>,
    },
    /// Keep the value unchanged (it is still listed in the output items).
    Keep,
    /// Compute the replacement with a closure.
    Custom(CustomOperator),
}

impl Default for OperatorConfig {
    /// `replace` with `<ENTITY_TYPE>`, Presidio's default.
    fn default() -> Self {
        OperatorConfig::REPLACE_WITH_TYPE
    }
}

impl OperatorConfig {
    /// `replace` with `<ENTITY_TYPE>`: the operator used when none is configured.
    pub const REPLACE_WITH_TYPE: OperatorConfig = OperatorConfig::Replace { new_value: None };

    /// `replace` with a fixed string.
    pub fn replace(new_value: impl Into<String>) -> Self {
        OperatorConfig::Replace {
            new_value: Some(new_value.into()),
        }
    }

    /// `redact`: remove the value.
    pub fn redact() -> Self {
        OperatorConfig::Redact
    }

    /// `mask`: overwrite `chars_to_mask` grapheme clusters with `masking_char`, from the end if `from_end`.
    pub fn mask(masking_char: char, chars_to_mask: usize, from_end: bool) -> Self {
        OperatorConfig::Mask {
            masking_char: masking_char.to_string(),
            chars_to_mask,
            from_end,
        }
    }

    /// `hash` without a key.
    pub fn hash(hash_type: HashType) -> Self {
        OperatorConfig::Hash {
            hash_type,
            key: None,
        }
    }

    /// `hash` with an HMAC key: deterministic for a given key, unguessable without it.
    pub fn keyed_hash(hash_type: HashType, key: HashKey) -> Self {
        OperatorConfig::Hash {
            hash_type,
            key: Some(key),
        }
    }

    /// `keep`: leave the value unchanged.
    pub fn keep() -> Self {
        OperatorConfig::Keep
    }

    /// `custom`: compute the replacement with `f`.
    pub fn custom(f: impl Fn(&str) -> String + Send + Sync + 'static) -> Self {
        OperatorConfig::Custom(CustomOperator::new(f))
    }

    /// The operator's name as in Presidio's JSON (`"replace"`, `"mask"`, …).
    pub fn name(&self) -> &'static str {
        match self {
            OperatorConfig::Replace { .. } => "replace",
            OperatorConfig::Redact => "redact",
            OperatorConfig::Mask { .. } => "mask",
            OperatorConfig::Hash { .. } => "hash",
            OperatorConfig::Keep => "keep",
            OperatorConfig::Custom(_) => "custom",
        }
    }

    /// Checks the parameters; the error is a reason suitable for [`Error::InvalidOperator`].
    ///
    /// [`Error::InvalidOperator`]: crate::Error::InvalidOperator
    pub(crate) fn check(&self) -> Result<(), &'static str> {
        match self {
            OperatorConfig::Mask { masking_char, .. } => mask::masking_char(masking_char).map(drop),
            OperatorConfig::Hash { key: Some(key), .. } => hash::check_key(key),
            _ => Ok(()),
        }
    }

    /// Appends the replacement for `value` (the original text of an entity of type `entity_type`) to `out`.
    ///
    /// Only fails for a configuration that [`check`](Self::check) rejects, and then before writing anything.
    pub(crate) fn push(
        &self,
        value: &str,
        entity_type: &EntityType,
        out: &mut String,
    ) -> Result<(), &'static str> {
        match self {
            OperatorConfig::Replace { new_value } => {
                replace::push(new_value.as_deref(), entity_type, out);
            }
            OperatorConfig::Redact => {} // the empty string
            OperatorConfig::Mask {
                masking_char,
                chars_to_mask,
                from_end,
            } => mask::push(
                value,
                mask::masking_char(masking_char)?,
                *chars_to_mask,
                *from_end,
                out,
            ),
            OperatorConfig::Hash { hash_type, key } => {
                hash::push(value, *hash_type, key.as_ref(), out)?;
            }
            OperatorConfig::Keep => keep::push(value, out),
            OperatorConfig::Custom(f) => f.push(value, out),
        }
        Ok(())
    }
}

/// What `push` appends to an empty string (for tests).
#[cfg(test)]
pub(crate) fn collect(push: impl FnOnce(&mut String)) -> String {
    let mut out = String::new();
    push(&mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_checks() {
        assert_eq!(OperatorConfig::default().name(), "replace");
        assert_eq!(OperatorConfig::redact().name(), "redact");
        assert_eq!(OperatorConfig::mask('*', 1, false).name(), "mask");
        assert_eq!(OperatorConfig::hash(HashType::Sha256).name(), "hash");
        assert_eq!(OperatorConfig::keep().name(), "keep");
        assert_eq!(OperatorConfig::custom(|_| String::new()).name(), "custom");
        let bad_mask = OperatorConfig::Mask {
            masking_char: "ab".into(),
            chars_to_mask: 1,
            from_end: false,
        };
        assert!(bad_mask.check().is_err());
        let mut out = String::new();
        assert!(bad_mask.push("x", &EntityType::PERSON, &mut out).is_err());
        assert_eq!(out, "");
        let empty_key = OperatorConfig::keyed_hash(HashType::Sha256, HashKey::new(""));
        assert!(empty_key.check().is_err());
        assert!(OperatorConfig::mask('*', 1, false).check().is_ok());
    }

    #[test]
    fn dispatch() {
        let p = EntityType::PERSON;
        // Each appends after what is already there.
        let apply = |c: OperatorConfig| {
            let mut out = String::from("…");
            c.push("Zoë", &p, &mut out).unwrap();
            out.strip_prefix('…').unwrap().to_owned()
        };
        assert_eq!(apply(OperatorConfig::default()), "<PERSON>");
        assert_eq!(apply(OperatorConfig::replace("X")), "X");
        assert_eq!(apply(OperatorConfig::redact()), "");
        assert_eq!(apply(OperatorConfig::mask('*', 2, true)), "Z**");
        assert_eq!(apply(OperatorConfig::keep()), "Zoë");
        assert_eq!(apply(OperatorConfig::custom(|v| v.len().to_string())), "4");
        assert_eq!(apply(OperatorConfig::hash(HashType::Sha256)).len(), 64);
    }
}
