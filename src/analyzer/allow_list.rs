//! [`AllowList`]: values that are never reported, even when a recognizer flags them.

use std::collections::HashSet;
use std::fmt;

use regex::Regex;

use crate::error::Error;

/// Values the analyzer must never report: a company's own support address, a product name that looks like a
/// person, a test card number.
///
/// Exact entries are compared with the whole detected value (case-sensitive, like Presidio's `exact` mode).
/// Regex entries must match the **whole** value (they are anchored), so `AllowList` never silently drops a
/// longer value that merely contains an allowed one. Regexes are compiled once, when the list is built.
///
/// # Example
///
/// ```
/// use piiscrub::{AllowList, AnalyzeOptions, AnalyzerEngine};
///
/// let allow = AllowList::new()
///     .exact(["support@example.com"])
///     .regexes([r"[a-z.]+@acme\.test"])?;
/// let text = "Write to support@example.com or jo@acme.test, not bob.jones@gmail.com.";
/// let results = AnalyzerEngine::new()
///     .analyze(text, &AnalyzeOptions::default().entities(["EMAIL_ADDRESS"]).allow_list(allow))?;
/// assert_eq!(results.len(), 1);
/// assert_eq!(&text[results[0].start..results[0].end], "bob.jones@gmail.com");
/// # Ok::<(), piiscrub::Error>(())
/// ```
#[derive(Clone, Default)]
pub struct AllowList {
    exact: HashSet<String>,
    regex: Option<Regex>,
    sources: Vec<String>,
}

impl fmt::Debug for AllowList {
    // Entries may be real addresses or names: show counts only.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AllowList")
            .field("exact", &self.exact.len())
            .field("regexes", &self.sources.len())
            .finish()
    }
}

impl AllowList {
    /// An empty allow list.
    pub fn new() -> Self {
        AllowList::default()
    }

    /// Adds exact values.
    pub fn exact<S: Into<String>>(mut self, values: impl IntoIterator<Item = S>) -> Self {
        self.exact.extend(values.into_iter().map(Into::into));
        self
    }

    /// Adds regular expressions; each must match a whole detected value.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidPattern`] (owner `"allow_list"`, with the index of the regex) when one does not
    /// compile or matches the empty string.
    pub fn regexes<S: AsRef<str>>(
        mut self,
        patterns: impl IntoIterator<Item = S>,
    ) -> Result<Self, Error> {
        for p in patterns {
            let p = p.as_ref();
            let index = self.sources.len();
            super::compile_pattern(p).map_err(|kind| Error::InvalidPattern {
                owner: "allow_list".into(),
                pattern_index: index,
                pattern_name: format!("allow_list[{index}]"),
                kind,
            })?;
            self.sources.push(format!("(?:{p})"));
        }
        if !self.sources.is_empty() {
            let joined = format!("^(?:{})$", self.sources.join("|"));
            self.regex =
                Some(
                    super::compile_pattern(&joined).map_err(|kind| Error::InvalidPattern {
                        owner: "allow_list".into(),
                        pattern_index: 0,
                        pattern_name: "allow_list (combined)".into(),
                        kind,
                    })?,
                );
        }
        Ok(self)
    }

    /// Whether the list has no entries.
    pub fn is_empty(&self) -> bool {
        self.exact.is_empty() && self.regex.is_none()
    }

    /// Whether `value` is allowed (and so must not be reported).
    pub fn allows(&self, value: &str) -> bool {
        self.exact.contains(value) || self.regex.as_ref().is_some_and(|r| r.is_match(value))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_is_whole_value_and_case_sensitive() {
        let a = AllowList::new().exact(["Acme"]);
        assert!(a.allows("Acme"));
        assert!(!a.allows("acme"));
        assert!(!a.allows("Acme Corp"));
    }

    #[test]
    fn regexes_are_anchored_and_accumulate() {
        let a = AllowList::new()
            .regexes([r"\d{3}"])
            .unwrap()
            .regexes([r"x+"])
            .unwrap();
        assert!(a.allows("123"));
        assert!(a.allows("xxx"));
        assert!(!a.allows("1234"));
        assert!(!a.allows("a123"));
        assert_eq!(format!("{a:?}"), "AllowList { exact: 0, regexes: 2 }");
    }

    #[test]
    fn bad_regex_is_typed_and_unquoted() {
        let e = AllowList::new().regexes(["ok", "(unclosed"]).unwrap_err();
        assert!(matches!(
            e,
            Error::InvalidPattern {
                pattern_index: 1,
                ..
            }
        ));
        assert!(!e.to_string().contains("unclosed"));
        assert!(AllowList::new().regexes(["a*"]).is_err());
    }
}
