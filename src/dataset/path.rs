//! [`FieldPath`]: which fields of a record a rule applies to (`prompt`, `messages[*].content`).

use std::fmt;
use std::str::FromStr;

use super::error::DatasetError;

/// A path to fields of a record: object keys separated by `.`, array elements in brackets.
///
/// | syntax | selects |
/// |---|---|
/// | `name` | the member `name` of an object (for CSV: the column `name`) |
/// | `*` | every member of an object |
/// | `[*]` | every element of an array |
/// | `[2]` | the third element of an array |
/// | `["a.b"]` | the member `a.b` (quoted: for names with `.`, `[`, `]`, `"` or `*`) |
///
/// A path selects values, and every string inside a selected value is scrubbed: `messages` covers
/// `messages[*].content` and `messages[*].role`. Object keys themselves are never scrubbed.
///
/// # Example
///
/// ```
/// use piiscrub::dataset::FieldPath;
///
/// let path: FieldPath = "messages[*].content".parse()?;
/// assert_eq!(path.to_string(), "messages[*].content");
/// assert!("messages[*".parse::<FieldPath>().is_err());
/// # Ok::<(), piiscrub::dataset::DatasetError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldPath {
    segments: Vec<Segment>,
    source: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Segment {
    Key(String),
    AnyKey,
    Index(usize),
    AnyIndex,
}

/// One step of a concrete location in a record.
#[derive(Clone, Copy)]
pub(crate) enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

impl FieldPath {
    /// The path that selects the whole record (every string in it).
    pub fn root() -> Self {
        FieldPath {
            segments: Vec::new(),
            source: String::new(),
        }
    }

    /// Parses a path.
    ///
    /// # Errors
    ///
    /// [`DatasetError::Policy`] for an empty path, an empty name, an unclosed bracket or quote, or a
    /// bracket holding something other than `*`, a number or a quoted name.
    pub fn parse(path: &str) -> Result<Self, DatasetError> {
        let err = |reason: &str| DatasetError::policy(format!("field path {path:?}"), reason);
        if path.is_empty() {
            return Err(err("is empty"));
        }
        let mut segments = Vec::new();
        let bytes = path.as_bytes();
        let mut i = 0;
        let mut expect_name = true;
        while i < bytes.len() {
            match bytes[i] {
                b'[' => {
                    let close = find_close(path, i + 1).ok_or_else(|| err("unclosed `[`"))?;
                    let inner = &path[i + 1..close];
                    segments.push(if inner == "*" {
                        Segment::AnyIndex
                    } else if let Some(quoted) = inner.strip_prefix('"') {
                        Segment::Key(unquote(quoted).ok_or_else(|| err("bad quoted name"))?)
                    } else {
                        Segment::Index(
                            inner
                                .parse()
                                .map_err(|_| err("brackets hold `*`, an index or a quoted name"))?,
                        )
                    });
                    i = close + 1;
                    expect_name = false;
                }
                b'.' if !expect_name => {
                    i += 1;
                    expect_name = true;
                    if i == bytes.len() {
                        return Err(err("ends with `.`"));
                    }
                }
                b'.' | b']' => return Err(err("empty name")),
                _ => {
                    if !expect_name {
                        return Err(err("expected `.` or `[` between names"));
                    }
                    let end = path[i..]
                        .find(['.', '[', ']'])
                        .map_or(path.len(), |n| i + n);
                    let name = &path[i..end];
                    segments.push(if name == "*" {
                        Segment::AnyKey
                    } else {
                        Segment::Key(name.to_string())
                    });
                    i = end;
                    expect_name = false;
                }
            }
        }
        Ok(FieldPath {
            segments,
            source: path.to_string(),
        })
    }

    /// The path as written.
    pub fn as_str(&self) -> &str {
        &self.source
    }

    /// Number of segments (0 for [`root`](Self::root)).
    pub fn len(&self) -> usize {
        self.segments.len()
    }

    /// Whether this is the root path.
    pub fn is_empty(&self) -> bool {
        self.segments.is_empty()
    }

    /// The single member name this path names (`prompt`, `["a.b"]`), for top-level selections and CSV
    /// columns; `None` for wildcards, indices and nested paths.
    pub fn top_level_name(&self) -> Option<&str> {
        match self.segments.as_slice() {
            [Segment::Key(k)] => Some(k),
            _ => None,
        }
    }

    /// How specific the path is: longer paths first, then those with fewer wildcards.
    pub(crate) fn specificity(&self) -> (usize, usize) {
        let exact = self
            .segments
            .iter()
            .filter(|s| matches!(s, Segment::Key(_) | Segment::Index(_)))
            .count();
        (self.segments.len(), exact)
    }

    /// Whether this path selects `location` or one of its ancestors.
    pub(crate) fn selects(&self, location: &[Step<'_>]) -> bool {
        self.segments.len() <= location.len()
            && self
                .segments
                .iter()
                .zip(location)
                .all(|(seg, step)| match (seg, step) {
                    (Segment::Key(k), Step::Key(s)) => k == s,
                    (Segment::AnyKey, Step::Key(_)) => true,
                    (Segment::Index(i), Step::Index(j)) => i == j,
                    (Segment::AnyIndex, Step::Index(_)) => true,
                    _ => false,
                })
    }
}

impl FromStr for FieldPath {
    type Err = DatasetError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        FieldPath::parse(s)
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.source)
    }
}

/// The index of the `]` closing a bracket opened before `from`, skipping a quoted name.
fn find_close(path: &str, from: usize) -> Option<usize> {
    let bytes = path.as_bytes();
    let mut i = from;
    if bytes.get(i) == Some(&b'"') {
        i += 1;
        while i < bytes.len() && bytes[i] != b'"' {
            i += if bytes[i] == b'\\' { 2 } else { 1 };
        }
        i += 1;
    }
    let close = i + path.get(i..)?.find(']')?;
    Some(close)
}

/// The name inside `"…"` (the opening quote already removed), with `\"` and `\\` unescaped.
fn unquote(quoted: &str) -> Option<String> {
    let body = quoted.strip_suffix('"')?;
    let mut out = String::with_capacity(body.len());
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push(chars.next()?),
            '"' => return None,
            c => out.push(c),
        }
    }
    Some(out)
}

/// A location written as a path with every index as `[*]`: the name a report gives the field.
pub(crate) fn label(location: &[Step<'_>]) -> String {
    let mut out = String::new();
    for step in location {
        match step {
            Step::Index(_) => out.push_str("[*]"),
            Step::Key(k) => {
                let plain = !k.is_empty()
                    && *k != "*"
                    && !k.contains(['.', '[', ']', '"', '\\'])
                    && !k.chars().any(char::is_control);
                if plain {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(k);
                } else {
                    out.push_str("[\"");
                    for c in k.chars() {
                        match c {
                            '"' | '\\' => {
                                out.push('\\');
                                out.push(c);
                            }
                            c if c.is_control() => out.push_str(&c.escape_unicode().to_string()),
                            c => out.push(c),
                        }
                    }
                    out.push_str("\"]");
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> FieldPath {
        FieldPath::parse(s).unwrap()
    }

    #[test]
    fn parses_and_selects() {
        let loc = [Step::Key("messages"), Step::Index(3), Step::Key("content")];
        assert!(p("messages[*].content").selects(&loc));
        assert!(p("messages").selects(&loc));
        assert!(p("messages[3]").selects(&loc));
        assert!(!p("messages[2]").selects(&loc));
        assert!(p("*[*].content").selects(&loc));
        assert!(!p("messages[*].role").selects(&loc));
        assert!(!p("messages.content").selects(&loc));
        assert!(FieldPath::root().selects(&loc));
        assert!(!p("messages[*].content.x").selects(&loc));
        assert!(p(r#"["a.b"].c"#).selects(&[Step::Key("a.b"), Step::Key("c")]));
        assert_eq!(p(r#"["a.b"]"#).top_level_name(), Some("a.b"));
        assert_eq!(p("prompt").top_level_name(), Some("prompt"));
        assert_eq!(p("a.b").top_level_name(), None);
        assert_eq!(p("customer name").top_level_name(), Some("customer name"));
    }

    #[test]
    fn rejects_bad_paths() {
        for bad in [
            "", "a.", ".a", "a..b", "a[", "a[x]", "a[*]b", "a]", r#"a["b]"#,
        ] {
            assert!(FieldPath::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn labels_normalise_indices_and_quote_odd_keys() {
        let loc = [Step::Key("messages"), Step::Index(3), Step::Key("content")];
        assert_eq!(label(&loc), "messages[*].content");
        assert_eq!(label(&[Step::Key("a.b"), Step::Key("c")]), r#"["a.b"].c"#);
        assert_eq!(label(&[Step::Index(0)]), "[*]");
        assert_eq!(
            p(&label(&[Step::Key("a\"]")])).top_level_name(),
            Some("a\"]")
        );
    }
}
