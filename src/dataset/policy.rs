//! [`Policy`]: what to scrub, how, and which fields to keep, read from TOML or JSON.

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::error::DatasetError;
use crate::Operators;

/// What to scrub in a dataset and how; the serde shape of a policy file (TOML or JSON).
///
/// Every key is optional; the default policy scrubs every string field with the default English
/// analyzer and replaces each finding with `<ENTITY_TYPE>`. Unknown keys are errors, so a typo never
/// silently turns a rule off.
///
/// | key | meaning |
/// |---|---|
/// | `fields` | [`FieldPath`](super::FieldPath)s to scrub; absent: every string field |
/// | `keep` | top-level fields (CSV columns) to write; absent: all |
/// | `drop` | top-level fields (CSV columns) not to write |
/// | `language` | the analyzer language, `"en"` by default |
/// | `entities` | entity types to detect; absent: every type the analyzer supports for the language |
/// | `threshold` | minimum score, in `[0, 1]` (analyzer default 0.4) |
/// | `entity_thresholds` | minimum score per entity type |
/// | `allow_list` | values never reported (exact, case-sensitive) |
/// | `allow_list_regex` | regexes; a value matching one whole is never reported |
/// | `deny_list` | tables `{ entity, values, score? }`: values always reported as `entity` |
/// | `operators` | operator per entity type, with `DEFAULT` (Presidio's `anonymizers` shape) |
/// | `field_operators` | per field path: operators that override `operators` for that field |
///
/// An operator for a field is looked up as: the field's entry for the entity type, the field's
/// `DEFAULT`, the global entry for the entity type, the global `DEFAULT`, then `replace`. A path in
/// `field_operators` is scrubbed even if `fields` does not list it.
///
/// # Example
///
/// ```
/// use piiscrub::dataset::Policy;
///
/// let policy = Policy::from_toml(r#"
///     fields = ["prompt", "completion"]
///     drop = ["customer_email"]
///     threshold = 0.5
///     allow_list = ["support@example.com"]
///
///     [operators]
///     DEFAULT = { type = "replace" }
///     CREDIT_CARD = { type = "mask", masking_char = "*", chars_to_mask = 12 }
///
///     [field_operators.completion]
///     PERSON = { type = "replace", new_value = "the customer" }
/// "#)?;
/// assert_eq!(policy.fields.as_deref(), Some(&["prompt".to_string(), "completion".to_string()][..]));
/// # Ok::<(), piiscrub::dataset::DatasetError>(())
/// ```
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Policy {
    /// Field paths to scrub; `None`: every string field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fields: Option<Vec<String>>,
    /// Top-level fields to write; `None`: all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keep: Option<Vec<String>>,
    /// Top-level fields not to write.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub drop: Vec<String>,
    /// The analyzer language (ISO 639-1); `None`: English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Entity types to detect; `None`: all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entities: Option<Vec<String>>,
    /// Minimum score; `None`: the analyzer's default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub threshold: Option<f64>,
    /// Minimum score per entity type.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub entity_thresholds: BTreeMap<String, f64>,
    /// Values never reported (exact).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allow_list: Vec<String>,
    /// Regexes matching whole values never reported.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allow_list_regex: Vec<String>,
    /// Values always reported.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deny_list: Vec<DenyList>,
    /// Operator per entity type.
    #[serde(default, skip_serializing_if = "Operators::is_empty")]
    pub operators: Operators,
    /// Operators per field path.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub field_operators: BTreeMap<String, Operators>,
}

/// Values always reported as one entity type (a [`DenyListRecognizer`](crate::DenyListRecognizer)).
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct DenyList {
    /// The entity type to report, e.g. `PERSON` or a type of your own.
    pub entity: String,
    /// The values (matched case-insensitively, as whole words).
    pub values: Vec<String>,
    /// The score given to a match (1.0 by default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
}

impl fmt::Debug for Policy {
    // Allow and deny lists may hold names and addresses: show their sizes only.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Policy")
            .field("fields", &self.fields)
            .field("keep", &self.keep)
            .field("drop", &self.drop)
            .field("language", &self.language)
            .field("entities", &self.entities)
            .field("threshold", &self.threshold)
            .field("entity_thresholds", &self.entity_thresholds)
            .field("allow_list", &self.allow_list.len())
            .field("allow_list_regex", &self.allow_list_regex.len())
            .field("deny_list", &self.deny_list)
            .field("operators", &self.operators)
            .field("field_operators", &self.field_operators)
            .finish()
    }
}

impl fmt::Debug for DenyList {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DenyList")
            .field("entity", &self.entity)
            .field("values", &self.values.len())
            .field("score", &self.score)
            .finish()
    }
}

impl Policy {
    /// Reads a policy from TOML.
    ///
    /// # Errors
    ///
    /// [`DatasetError::Policy`] with the line and column of a syntax error, an unknown key or a value of
    /// the wrong type. Quoted strings of the document are not repeated in the message.
    pub fn from_toml(toml_text: &str) -> Result<Policy, DatasetError> {
        toml::from_str(toml_text).map_err(|e| {
            let (line, column) = e.span().map_or((0, 0), |s| line_col(toml_text, s.start));
            DatasetError::policy(
                format!("TOML at line {line}, column {column}"),
                without_quoted_strings(e.message()),
            )
        })
    }

    /// Reads a policy from JSON (the same keys as TOML).
    ///
    /// # Errors
    ///
    /// [`DatasetError::Policy`] as for [`from_toml`](Self::from_toml).
    pub fn from_json(json_text: &str) -> Result<Policy, DatasetError> {
        serde_json::from_str(json_text).map_err(|e| {
            let crate::Error::Json {
                line,
                column,
                category,
                ..
            } = crate::Error::from_json("policy", &e)
            else {
                unreachable!("from_json always returns Error::Json")
            };
            DatasetError::policy(format!("JSON at line {line}, column {column}"), category)
        })
    }

    /// Reads a policy file: JSON if its name ends in `.json`, TOML otherwise.
    ///
    /// # Errors
    ///
    /// [`DatasetError::Read`] when the file cannot be read; [`DatasetError::Policy`] when it is not a
    /// valid policy.
    pub fn from_path(path: &Path) -> Result<Policy, DatasetError> {
        let text = std::fs::read_to_string(path).map_err(|source| DatasetError::Read {
            source_name: path.display().to_string(),
            source,
        })?;
        let is_json = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"));
        if is_json {
            Policy::from_json(&text)
        } else {
            Policy::from_toml(&text)
        }
    }
}

/// 1-based line and column of byte offset `at`.
fn line_col(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before
        .rfind('\n')
        .map_or(before.len(), |n| before.len() - n - 1)
        + 1;
    (line, column)
}

/// `msg` with every `"…"` replaced by `"…"`: a value typed into the wrong key may be personal data.
fn without_quoted_strings(msg: &str) -> String {
    let mut out = String::with_capacity(msg.len());
    let mut inside = false;
    for c in msg.trim().chars() {
        if c == '"' {
            if inside {
                out.push_str("…\"");
            } else {
                out.push('"');
            }
            inside = !inside;
        } else if !inside {
            out.push(c);
        }
    }
    if inside {
        out.push_str("…\"");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::OperatorConfig;

    #[test]
    fn toml_and_json_agree() {
        let t = Policy::from_toml(
            r#"
            fields = ["messages[*].content"]
            keep = ["messages"]
            entities = ["PERSON", "EMAIL_ADDRESS"]
            entity_thresholds = { PERSON = 0.6 }
            [[deny_list]]
            entity = "PROJECT"
            values = ["Bluebird"]
            [operators]
            EMAIL_ADDRESS = { type = "redact" }
            [field_operators."messages[*].content"]
            DEFAULT = { type = "keep" }
            "#,
        )
        .unwrap();
        let j = Policy::from_json(
            r#"{"fields": ["messages[*].content"], "keep": ["messages"],
                "entities": ["PERSON", "EMAIL_ADDRESS"], "entity_thresholds": {"PERSON": 0.6},
                "deny_list": [{"entity": "PROJECT", "values": ["Bluebird"]}],
                "operators": {"EMAIL_ADDRESS": {"type": "redact"}},
                "field_operators": {"messages[*].content": {"DEFAULT": {"type": "keep"}}}}"#,
        )
        .unwrap();
        assert_eq!(t, j);
        assert_eq!(
            t.operators.get("EMAIL_ADDRESS"),
            Some(&OperatorConfig::redact())
        );
        assert!(!format!("{t:?}").contains("Bluebird"));
    }

    #[test]
    fn errors_locate_without_quoting_values() {
        let e = Policy::from_toml("threshold = 0.5\nallow_list = \"alice@example.com\"\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("line 2"), "{e}");
        assert!(!e.contains("alice"), "{e}");
        let e = Policy::from_toml("feilds = [\"a\"]")
            .unwrap_err()
            .to_string();
        assert!(e.contains("unknown field"), "{e}");
        let e = Policy::from_json(r#"{"allow_list": "alice@example.com"}"#)
            .unwrap_err()
            .to_string();
        assert!(!e.contains("alice"), "{e}");
        assert_eq!(without_quoted_strings(r#"a "x" b "y"#), r#"a "…" b "…""#);
    }
}
