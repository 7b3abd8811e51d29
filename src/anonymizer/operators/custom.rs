//! `custom`: a caller-supplied closure computes the replacement.

use std::fmt;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A caller-supplied operator: a closure from the original value to its replacement.
///
/// It is cheap to clone (the closure is shared). It cannot be written to or read from JSON: serialising
/// fails, and a `{"type": "custom"}` entry is rejected. A panic inside the closure propagates to the caller
/// of [`AnonymizerEngine::anonymize`](crate::AnonymizerEngine::anonymize).
///
/// # Example
///
/// ```
/// use piiscrub::{CustomOperator, OperatorConfig};
///
/// let initials = CustomOperator::new(|v: &str| {
///     v.split_whitespace().filter_map(|w| w.chars().next()).collect()
/// });
/// let config = OperatorConfig::Custom(initials);
/// assert_eq!(config.name(), "custom");
/// ```
#[derive(Clone)]
pub struct CustomOperator(Arc<dyn Fn(&str) -> String + Send + Sync>);

impl CustomOperator {
    /// Wraps a closure.
    pub fn new(f: impl Fn(&str) -> String + Send + Sync + 'static) -> Self {
        CustomOperator(Arc::new(f))
    }

    /// Appends the function's replacement for `value` to `out`.
    pub(crate) fn push(&self, value: &str, out: &mut String) {
        out.push_str(&(self.0)(value));
    }
}

impl From<Arc<dyn Fn(&str) -> String + Send + Sync>> for CustomOperator {
    fn from(f: Arc<dyn Fn(&str) -> String + Send + Sync>) -> Self {
        CustomOperator(f)
    }
}

impl fmt::Debug for CustomOperator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("CustomOperator(<closure>)")
    }
}

impl PartialEq for CustomOperator {
    /// Two custom operators are equal when they share the same closure.
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// The message of both serde errors.
pub(crate) const NOT_SERIALISABLE: &str =
    "custom operators hold a Rust closure and cannot be written to or read from JSON";

impl Serialize for CustomOperator {
    fn serialize<S: Serializer>(&self, _serializer: S) -> Result<S::Ok, S::Error> {
        Err(serde::ser::Error::custom(NOT_SERIALISABLE))
    }
}

impl<'de> Deserialize<'de> for CustomOperator {
    fn deserialize<D: Deserializer<'de>>(_deserializer: D) -> Result<Self, D::Error> {
        Err(serde::de::Error::custom(NOT_SERIALISABLE))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn applies_closure_and_compares_by_identity() {
        let a = CustomOperator::new(|v| v.to_uppercase());
        assert_eq!(
            crate::anonymizer::operators::collect(|out| a.push("zoë", out)),
            "ZOË"
        );
        assert_eq!(a, a.clone());
        assert_ne!(a, CustomOperator::new(|v| v.to_uppercase()));
        assert_eq!(format!("{a:?}"), "CustomOperator(<closure>)");
    }
}
