//! [`Operators`]: which operator applies to which entity type.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::operators::OperatorConfig;
use crate::entity::EntityType;
use crate::error::Error;

/// The operator for each entity type, with a fallback (Presidio's `anonymizers` object).
///
/// Lookup for an entity type: its own entry, else the [`DEFAULT`](Self::DEFAULT) entry, else `replace`
/// with `<ENTITY_TYPE>`. As in Presidio, the default is stored under the key `"DEFAULT"`, so an entity type
/// literally named `DEFAULT` cannot have its own operator.
///
/// The JSON shape is an object from entity type to [`OperatorConfig`]:
/// `{"DEFAULT": {"type": "redact"}, "PHONE_NUMBER": {"type": "mask", "masking_char": "*", "chars_to_mask": 4}}`.
/// Entries are kept sorted by entity type, so serialisation is deterministic.
///
/// # Example
///
/// ```
/// use piiscrub::{OperatorConfig, Operators};
///
/// let ops = Operators::new()
///     .with("PERSON", OperatorConfig::replace("<NAME>"))
///     .with("PHONE_NUMBER", OperatorConfig::mask('*', 4, true))
///     .with_default(OperatorConfig::redact());
/// assert_eq!(ops.operator_for("PERSON"), &OperatorConfig::replace("<NAME>"));
/// assert_eq!(ops.operator_for("EMAIL_ADDRESS"), &OperatorConfig::redact());
/// assert_eq!(Operators::new().operator_for("EMAIL_ADDRESS"), &OperatorConfig::default());
/// ops.validate()?;
/// # Ok::<(), piiscrub::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Operators {
    map: BTreeMap<EntityType, OperatorConfig>,
}

impl Operators {
    /// The key of the fallback entry, as in Presidio.
    pub const DEFAULT: &'static str = "DEFAULT";

    /// No entries: every entity is replaced with `<ENTITY_TYPE>`.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the operator for `entity_type` (builder style).
    pub fn with(mut self, entity_type: impl Into<EntityType>, config: OperatorConfig) -> Self {
        self.insert(entity_type, config);
        self
    }

    /// Sets the fallback operator for entity types without their own entry (builder style).
    pub fn with_default(self, config: OperatorConfig) -> Self {
        self.with(Self::DEFAULT, config)
    }

    /// Sets the operator for `entity_type`, returning the previous one.
    pub fn insert(
        &mut self,
        entity_type: impl Into<EntityType>,
        config: OperatorConfig,
    ) -> Option<OperatorConfig> {
        self.map.insert(entity_type.into(), config)
    }

    /// Removes the entry for `entity_type`, returning it.
    pub fn remove(&mut self, entity_type: &str) -> Option<OperatorConfig> {
        self.map.remove(entity_type)
    }

    /// The entry for exactly `entity_type` (no fallback); `get("DEFAULT")` is the fallback entry.
    pub fn get(&self, entity_type: &str) -> Option<&OperatorConfig> {
        self.map.get(entity_type)
    }

    /// The operator that applies to `entity_type`: its entry, else `DEFAULT`, else `replace`.
    pub fn operator_for(&self, entity_type: &str) -> &OperatorConfig {
        static FALLBACK: OperatorConfig = OperatorConfig::REPLACE_WITH_TYPE;
        self.map
            .get(entity_type)
            .or_else(|| self.map.get(Self::DEFAULT))
            .unwrap_or(&FALLBACK)
    }

    /// The entries, sorted by entity type.
    pub fn iter(&self) -> impl Iterator<Item = (&EntityType, &OperatorConfig)> {
        self.map.iter()
    }

    /// Number of entries (including `DEFAULT`).
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Checks every operator's parameters.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidOperator`] for the first entry (in entity-type order) with a bad parameter: a
    /// `mask` whose `masking_char` is not exactly one character, or a `hash` with an empty key.
    pub fn validate(&self) -> Result<(), Error> {
        for (entity_type, config) in &self.map {
            config.check().map_err(|reason| Error::InvalidOperator {
                entity_type: entity_type.to_string(),
                operator: config.name(),
                reason,
            })?;
        }
        Ok(())
    }

    /// Reads and validates Presidio's `anonymizers` JSON object.
    ///
    /// # Errors
    ///
    /// - [`Error::Json`] when the document is not valid JSON or does not have the expected shape (an
    ///   unknown operator `type` or field, a missing field, a value of the wrong type). Input values are
    ///   not quoted; operator type and field names may be.
    /// - [`Error::InvalidOperator`] for a `"custom"` entry (closures cannot come from JSON) or when
    ///   [`validate`](Self::validate) fails.
    ///
    /// # Example
    ///
    /// ```
    /// use piiscrub::{OperatorConfig, Operators};
    ///
    /// let ops = Operators::from_json(r#"{
    ///     "DEFAULT": {"type": "replace", "new_value": "<PII>"},
    ///     "PHONE_NUMBER": {"type": "mask", "masking_char": "*", "chars_to_mask": 4, "from_end": true}
    /// }"#)?;
    /// assert_eq!(ops.operator_for("PERSON"), &OperatorConfig::replace("<PII>"));
    /// assert!(Operators::from_json(r#"{"DEFAULT": {"type": "scramble"}}"#).is_err());
    /// # Ok::<(), piiscrub::Error>(())
    /// ```
    #[cfg(feature = "json")]
    pub fn from_json(json: &str) -> Result<Operators, Error> {
        match serde_json::from_str::<Operators>(json) {
            Ok(ops) => {
                ops.validate()?;
                Ok(ops)
            }
            Err(err) => {
                Err(custom_entry(json).unwrap_or_else(|| Error::from_json("operators", &err)))
            }
        }
    }

    /// Writes Presidio's `anonymizers` JSON object.
    ///
    /// Hash keys are written in clear: keep the output as secret as the keys.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidOperator`] for a `custom` operator (a closure cannot be serialised) or a hash key
    /// that is not valid UTF-8.
    #[cfg(feature = "json")]
    pub fn to_json(&self) -> Result<String, Error> {
        for (entity_type, config) in &self.map {
            let reason = match config {
                OperatorConfig::Custom(_) => Some(super::operators::CUSTOM_NOT_SERIALISABLE),
                OperatorConfig::Hash { key: Some(key), .. } if key.to_str().is_none() => {
                    Some("hash key is not valid UTF-8 and cannot be written as JSON")
                }
                _ => None,
            };
            if let Some(reason) = reason {
                return Err(Error::InvalidOperator {
                    entity_type: entity_type.to_string(),
                    operator: config.name(),
                    reason,
                });
            }
        }
        serde_json::to_string(self).map_err(|err| Error::from_json("operators", &err))
    }
}

/// After a failed parse: the typed error for the first `"custom"` entry, if the document has one.
#[cfg(feature = "json")]
fn custom_entry(json: &str) -> Option<Error> {
    let raw: BTreeMap<String, serde_json::Value> = serde_json::from_str(json).ok()?;
    raw.into_iter().find_map(|(entity_type, value)| {
        (value.get("type")?.as_str()? == "custom").then(|| Error::InvalidOperator {
            entity_type,
            operator: "custom",
            reason: super::operators::CUSTOM_NOT_SERIALISABLE,
        })
    })
}

impl<E: Into<EntityType>> FromIterator<(E, OperatorConfig)> for Operators {
    fn from_iter<I: IntoIterator<Item = (E, OperatorConfig)>>(iter: I) -> Self {
        Operators {
            map: iter.into_iter().map(|(e, c)| (e.into(), c)).collect(),
        }
    }
}

impl<E: Into<EntityType>> Extend<(E, OperatorConfig)> for Operators {
    fn extend<I: IntoIterator<Item = (E, OperatorConfig)>>(&mut self, iter: I) {
        self.map
            .extend(iter.into_iter().map(|(e, c)| (e.into(), c)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::anonymizer::operators::{HashKey, HashType};

    #[test]
    fn lookup_falls_back_to_default_then_replace() {
        let ops = Operators::new().with("PERSON", OperatorConfig::keep());
        assert_eq!(ops.operator_for("PERSON"), &OperatorConfig::keep());
        assert_eq!(ops.operator_for("URL"), &OperatorConfig::REPLACE_WITH_TYPE);
        let ops = ops.with_default(OperatorConfig::redact());
        assert_eq!(ops.operator_for("URL"), &OperatorConfig::redact());
        assert_eq!(ops.get("URL"), None);
        assert_eq!(ops.get("DEFAULT"), Some(&OperatorConfig::redact()));
        assert_eq!(ops.len(), 2);
    }

    #[test]
    fn validate_names_the_entity() {
        let ops = Operators::new()
            .with("PERSON", OperatorConfig::keep())
            .with(
                "PHONE_NUMBER",
                OperatorConfig::keyed_hash(HashType::Sha512, HashKey::new(Vec::new())),
            );
        match ops.validate() {
            Err(Error::InvalidOperator {
                entity_type,
                operator,
                ..
            }) => {
                assert_eq!(entity_type, "PHONE_NUMBER");
                assert_eq!(operator, "hash");
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    #[cfg(feature = "json")]
    #[test]
    fn quoted_names_are_redacted() {
        use crate::error::redact_quoted_name;
        assert_eq!(
            redact_quoted_name("data error: unknown variant `a`b`, expected `x` or `y`").as_deref(),
            Some("data error: unknown variant, expected `x` or `y`")
        );
        assert_eq!(
            redact_quoted_name("data error: unknown field `secret`, there are no fields")
                .as_deref(),
            Some("data error: unknown field, there are no fields")
        );
        assert_eq!(
            redact_quoted_name("data error: unknown variant `cut").as_deref(),
            Some("data error: unknown variant")
        );
        assert_eq!(redact_quoted_name("data error: missing field `x`"), None);
    }

    #[test]
    fn collects_from_pairs() {
        let ops: Operators = [("PERSON", OperatorConfig::keep())].into_iter().collect();
        assert_eq!(ops.get("PERSON"), Some(&OperatorConfig::keep()));
    }
}
