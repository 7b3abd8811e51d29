//! Byte spans of the members and string values of a JSON object that `serde_json` has already validated,
//! so that a record can be rewritten by splicing: every byte outside a replaced string stays as it was.

use std::borrow::Cow;
use std::ops::Range;

use super::path::Step;

/// A top-level member of an object.
pub(crate) struct Member<'a> {
    pub key: Cow<'a, str>,
    /// From the key's opening quote to the end of the value.
    pub span: Range<usize>,
    /// The value.
    pub value: Range<usize>,
}

/// The members of the object `json` holds (valid JSON whose first non-blank byte is `{`).
pub(crate) fn members(json: &str) -> Vec<Member<'_>> {
    let b = json.as_bytes();
    let mut members = Vec::new();
    let mut i = skip_ws(b, skip_ws(b, 0) + 1);
    while i < b.len() && b[i] == b'"' {
        let key_end = string_end(b, i);
        let key = decode(json, i..key_end);
        let colon = skip_ws(b, key_end);
        let value_start = skip_ws(b, colon + 1);
        let value_end = value_end(b, value_start);
        members.push(Member {
            key,
            span: i..value_end,
            value: value_start..value_end,
        });
        i = skip_ws(b, value_end);
        if i < b.len() && b[i] == b',' {
            i = skip_ws(b, i + 1);
        }
    }
    members
}

/// Calls `visit(location, span)` for every string value inside the value at `range` (keys excluded),
/// in document order; `location` starts with `prefix`.
pub(crate) fn strings<'j: 'p, 'p>(
    json: &'j str,
    range: Range<usize>,
    prefix: &mut Vec<Step<'p>>,
    visit: &mut dyn FnMut(&[Step<'_>], Range<usize>),
) {
    let b = json.as_bytes();
    let i = range.start;
    match b[i] {
        b'"' => visit(prefix, i..string_end(b, i)),
        b'{' => {
            let mut j = skip_ws(b, i + 1);
            while b[j] == b'"' {
                let key_end = string_end(b, j);
                let key = &json[j + 1..key_end - 1];
                let start = skip_ws(b, skip_ws(b, key_end) + 1);
                let end = value_end(b, start);
                if key.contains('\\') {
                    // An escaped key, decoded into a string that lives only in this frame.
                    let owned = decode(json, j..key_end).into_owned();
                    let mut location: Vec<Step<'_>> = prefix.clone();
                    location.push(Step::Key(&owned));
                    strings(json, start..end, &mut location, visit);
                } else {
                    prefix.push(Step::Key(key));
                    strings(json, start..end, prefix, visit);
                    prefix.pop();
                }
                j = skip_ws(b, end);
                if b[j] == b',' {
                    j = skip_ws(b, j + 1);
                }
            }
        }
        b'[' => {
            let mut j = skip_ws(b, i + 1);
            let mut index = 0;
            while b[j] != b']' {
                let end = value_end(b, j);
                prefix.push(Step::Index(index));
                strings(json, j..end, prefix, visit);
                prefix.pop();
                index += 1;
                j = skip_ws(b, end);
                if b[j] == b',' {
                    j = skip_ws(b, j + 1);
                }
            }
        }
        _ => {}
    }
}

/// The text of the JSON string token at `span` (quotes included), unescaped.
pub(crate) fn decode(json: &str, span: Range<usize>) -> Cow<'_, str> {
    let raw = &json[span.start + 1..span.end - 1];
    if raw.contains('\\') {
        // Valid JSON (checked before scanning), so this cannot fail; fall back to the raw text if it does.
        Cow::Owned(serde_json::from_str(&json[span]).unwrap_or_else(|_| raw.to_string()))
    } else {
        Cow::Borrowed(raw)
    }
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\n' | b'\r') {
        i += 1;
    }
    i
}

/// The index after the closing quote of the string starting at `i`.
fn string_end(b: &[u8], mut i: usize) -> usize {
    i += 1;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    b.len()
}

/// The index after the value starting at `i`.
fn value_end(b: &[u8], i: usize) -> usize {
    match b.get(i) {
        Some(b'"') => string_end(b, i),
        Some(b'{' | b'[') => {
            let mut depth = 0usize;
            let mut j = i;
            while j < b.len() {
                match b[j] {
                    b'"' => {
                        j = string_end(b, j);
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return j + 1;
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            b.len()
        }
        _ => {
            let mut j = i;
            while j < b.len() && !matches!(b[j], b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r')
            {
                j += 1;
            }
            j
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::path::label;

    fn all_strings(json: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for m in members(json) {
            let mut prefix = vec![Step::Key(&m.key)];
            strings(json, m.value.clone(), &mut prefix, &mut |loc, span| {
                out.push((label(loc), decode(json, span).into_owned()));
            });
        }
        out
    }

    #[test]
    fn members_and_spans() {
        let json = r#" { "a" : 1.0e5 , "b\"q":[1, {"c": "x\ny"}], "d":{} ,"e":"z"} "#;
        let m = members(json);
        let keys: Vec<_> = m.iter().map(|m| m.key.as_ref()).collect();
        assert_eq!(keys, ["a", "b\"q", "d", "e"]);
        assert_eq!(&json[m[0].value.clone()], "1.0e5");
        assert_eq!(&json[m[0].span.clone()], r#""a" : 1.0e5"#);
        assert_eq!(&json[m[1].value.clone()], r#"[1, {"c": "x\ny"}]"#);
        assert_eq!(&json[m[3].value.clone()], r#""z""#);
        assert!(members("{}").is_empty());
        assert!(members(" { } ").is_empty());
    }

    #[test]
    fn strings_with_locations() {
        let json = r#"{"messages":[{"role":"user","content":"hi \u00e9"},{"role":"bot","content":"]}"}],"n":null,"k\u0041":{"x":["y"]}}"#;
        assert_eq!(
            all_strings(json),
            [
                ("messages[*].role".to_string(), "user".to_string()),
                ("messages[*].content".into(), "hi é".into()),
                ("messages[*].role".into(), "bot".into()),
                ("messages[*].content".into(), "]}".into()),
                ("kA.x[*]".into(), "y".into()),
            ]
        );
    }
}
