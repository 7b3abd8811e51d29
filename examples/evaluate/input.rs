//! Reading the labeled corpus and a predictions file, with the checks (and wording) of `eval_spans.py`.
//!
//! Every problem is an [`InputError`] naming the file, the line and, for spans, the span's index, so that a
//! bad line can be found with `sed -n Np FILE`.

use std::collections::HashSet;
use std::fmt;
use std::fs::File;
use std::io::{BufRead, BufReader};

use serde_json::Value;

/// A span in byte offsets: `(start, end, entity type or distractor kind)`.
pub type Span = (usize, usize, String);

/// Malformed input: the message names file, line and span.
#[derive(Debug)]
pub struct InputError(pub String);

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for InputError {}

fn err<T>(msg: impl Into<String>) -> Result<T, InputError> {
    Err(InputError(msg.into()))
}

/// How prediction offsets are counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Offsets {
    /// UTF-8 byte offsets (Rust `str` indices).
    Bytes,
    /// Unicode code-point offsets (Python `str` indices, Presidio).
    Chars,
}

impl Offsets {
    pub fn as_str(self) -> &'static str {
        match self {
            Offsets::Bytes => "bytes",
            Offsets::Chars => "chars",
        }
    }
}

/// One gold record.
#[derive(Clone)]
pub struct Doc {
    /// `str(id)` as Python would print it, or the line number when the record has no id.
    pub id: String,
    /// The id as written in the corpus, echoed into the predictions we write.
    pub raw_id: Option<Value>,
    pub text: String,
    /// `style` (or `scenario`) for the per-style breakdown.
    pub group: Option<String>,
    pub gold: Vec<Span>,
    pub negatives: Vec<Span>,
}

/// A predicted span in byte offsets, with its score when the source had one.
#[derive(Clone, Debug)]
pub struct Pred {
    pub start: usize,
    pub end: usize,
    pub entity_type: String,
    pub score: Option<f64>,
}

/// Calls `f(line_number, value)` for every line of a JSONL file.
fn read_jsonl(
    path: &str,
    what: &str,
    mut f: impl FnMut(usize, Value) -> Result<(), InputError>,
) -> Result<(), InputError> {
    let file = File::open(path).map_err(|e| InputError(format!("{what} file {path:?}: {e}")))?;
    let mut reader = BufReader::new(file);
    let mut buf = Vec::new();
    let mut n = 0;
    loop {
        buf.clear();
        let read = reader
            .read_until(b'\n', &mut buf)
            .map_err(|e| InputError(format!("{what} {path}:{}: {e}", n + 1)))?;
        if read == 0 {
            return Ok(());
        }
        n += 1;
        let Ok(line) = std::str::from_utf8(&buf) else {
            return err(format!("{what} {path}:{n}: not UTF-8"));
        };
        if line.trim().is_empty() {
            return err(format!(
                "{what} {path}:{n}: empty line (write {{\"spans\": []}} for a record without predictions)"
            ));
        }
        let line = line.trim_end_matches(['\n', '\r']);
        let value: Value = serde_json::from_str(line).map_err(|e| {
            let mut msg = e.to_string();
            if let Some(i) = msg.rfind(" at line ") {
                msg.truncate(i);
            }
            InputError(format!(
                "{what} {path}:{n}: not valid JSON ({msg} at column {})",
                e.column()
            ))
        })?;
        f(n, value)?;
    }
}

/// Python's `str()` of a JSON value (ids and styles may be numbers).
pub fn py_str(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => "None".into(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::Number(n) if n.is_f64() => crate::report::py_float(n.as_f64().unwrap_or(f64::NAN)),
        other => other.to_string(),
    }
}

/// Python's `repr()` of a JSON value, for messages.
fn py_repr(v: Option<&Value>) -> String {
    match v {
        None => "None".into(),
        Some(Value::String(s)) => format!("'{s}'"),
        Some(v) => py_str(v),
    }
}

fn py_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "NoneType",
        Value::Bool(_) => "bool",
        Value::Number(n) if n.is_f64() => "float",
        Value::Number(_) => "int",
        Value::String(_) => "str",
        Value::Array(_) => "list",
        Value::Object(_) => "dict",
    }
}

fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64() != Some(0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
    }
}

/// Byte offset of every code-point boundary; index = code-point offset.
fn char_boundaries(text: &str) -> Vec<usize> {
    let mut out: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    out.push(text.len());
    out
}

/// Validates one span object and returns it in byte offsets. `bounds` is given for code-point offsets.
fn parse_span(
    sp: &Value,
    at: &str,
    text: &str,
    bounds: Option<&[usize]>,
    type_key: &str,
) -> Result<Span, InputError> {
    let Value::Object(obj) = sp else {
        return err(format!(
            "{at}: a span must be a JSON object, got {}",
            py_type(sp)
        ));
    };
    let mut off = [0i128; 2];
    for (slot, key) in off.iter_mut().zip(["start", "end"]) {
        let v = obj.get(key);
        let int = match v {
            Some(Value::Number(n)) => n.as_i64().map(i128::from).or(n.as_u64().map(i128::from)),
            _ => None,
        };
        match int {
            Some(i) => *slot = i,
            None => {
                return err(format!(
                    "{at}: '{key}' must be an integer, got {}",
                    py_repr(v)
                ));
            }
        }
    }
    let t = match obj.get(type_key) {
        Some(Value::String(s)) if !s.is_empty() => s.clone(),
        other => {
            return err(format!(
                "{at}: '{type_key}' must be a non-empty string, got {}",
                py_repr(other)
            ));
        }
    };
    let [s, e] = off;
    if let Some(bounds) = bounds {
        let n = bounds.len() - 1;
        if !(0 <= s && s < e && e <= n as i128) {
            return err(format!(
                "{at}: code-point offsets [{s}, {e}) are not a non-empty range inside the text ({n} code points)"
            ));
        }
        return Ok((bounds[s as usize], bounds[e as usize], t));
    }
    let n = text.len();
    if !(0 <= s && s < e && e <= n as i128) {
        return err(format!(
            "{at}: byte offsets [{s}, {e}) are not a non-empty range inside the text ({n} bytes)"
        ));
    }
    let (s, e) = (s as usize, e as usize);
    if !text.is_char_boundary(s) || !text.is_char_boundary(e) {
        return err(format!(
            "{at}: byte offsets [{s}, {e}) split a multi-byte UTF-8 character (code-point offsets? use --offsets chars)"
        ));
    }
    Ok((s, e, t))
}

/// Reads the labeled corpus (`dev.jsonl` format).
pub fn load_gold(path: &str) -> Result<Vec<Doc>, InputError> {
    let mut docs = Vec::new();
    read_jsonl(path, "gold", |n, obj| {
        let at = format!("gold {path}:{n}");
        let Value::Object(map) = &obj else {
            return err(format!("{at}: expected a JSON object"));
        };
        let Some(Value::String(text)) = map.get("text") else {
            return err(format!("{at}: missing string 'text'"));
        };
        let Some(Value::Array(spans)) = map.get("spans") else {
            return err(format!("{at}: 'spans' must be a list"));
        };
        let id = map.get("id").map_or_else(|| n.to_string(), py_str);
        // Python: `obj.get("style") or obj.get("scenario")`, then `is not None`.
        let group = match map.get("style") {
            Some(v) if truthy(v) => Some(v),
            _ => map.get("scenario"),
        };
        let group = group.filter(|v| !v.is_null()).map(py_str);
        let mut doc = Doc {
            id,
            raw_id: map.get("id").cloned(),
            text: text.clone(),
            group,
            gold: Vec::with_capacity(spans.len()),
            negatives: Vec::new(),
        };
        for (i, sp) in spans.iter().enumerate() {
            let span = parse_span(
                sp,
                &format!("{at}: span {i}"),
                &doc.text,
                None,
                "entity_type",
            )?;
            doc.gold.push(span);
        }
        if let Some(Value::Array(negs)) = map.get("negatives") {
            for (i, sp) in negs.iter().enumerate() {
                let span = parse_span(sp, &format!("{at}: negative {i}"), &doc.text, None, "kind")?;
                doc.negatives.push(span);
            }
        }
        docs.push(doc);
        Ok(())
    })?;
    Ok(docs)
}

/// Reads a predictions file: one line per gold record, same order; spans below `min_score` are dropped.
pub fn load_pred(
    path: &str,
    docs: &[Doc],
    offsets: Offsets,
    min_score: Option<f64>,
) -> Result<Vec<Vec<Pred>>, InputError> {
    let mut preds = Vec::with_capacity(docs.len());
    read_jsonl(path, "predictions", |n, obj| {
        let at = format!("predictions {path}:{n}");
        let Some(doc) = docs.get(n - 1) else {
            return err(format!(
                "{at}: more prediction lines than gold records ({})",
                docs.len()
            ));
        };
        let spans = match &obj {
            Value::Object(map) => {
                if let Some(id) = map.get("id") {
                    let id = py_str(id);
                    let base = doc.id.split(':').next().unwrap_or_default();
                    if id != doc.id && id != base {
                        return err(format!(
                            "{at}: id '{id}' does not match gold record '{}' (predictions must be in gold order)",
                            doc.id
                        ));
                    }
                }
                match map.get("spans") {
                    Some(Value::Array(spans)) => spans,
                    _ => {
                        return err(format!(
                            "{at}: expected {{\"spans\": [...]}}, 'spans' is missing or not a list"
                        ));
                    }
                }
            }
            Value::Array(spans) => spans,
            other => {
                return err(format!(
                    "{at}: expected a JSON object or list, got {}",
                    py_type(other)
                ));
            }
        };
        let bounds = (offsets == Offsets::Chars).then(|| char_boundaries(&doc.text));
        let mut out = Vec::with_capacity(spans.len());
        for (i, sp) in spans.iter().enumerate() {
            let where_ = format!("{at}: span {i}");
            let (start, end, entity_type) =
                parse_span(sp, &where_, &doc.text, bounds.as_deref(), "entity_type")?;
            // Python's isinstance(score, (int, float)) also accepts booleans.
            let score = match sp.get("score") {
                Some(Value::Number(x)) => x.as_f64(),
                Some(Value::Bool(b)) => Some(f64::from(u8::from(*b))),
                _ => None,
            };
            if let (Some(min), Some(score)) = (min_score, score)
                && score < min
            {
                continue;
            }
            out.push(Pred {
                start,
                end,
                entity_type,
                score,
            });
        }
        preds.push(out);
        Ok(())
    })?;
    if preds.len() != docs.len() {
        return err(format!(
            "predictions {path}: {} lines but the gold corpus has {} records (one prediction line per gold \
             record, same order)",
            preds.len(),
            docs.len()
        ));
    }
    Ok(preds)
}

/// Which entity types are scored, and how predicted types are renamed first (`--types`, `--exclude-types`,
/// `--map`). Applied to gold and predictions alike; distractors are never filtered.
#[derive(Default)]
pub struct Filter {
    pub keep: HashSet<String>,
    pub drop: HashSet<String>,
    pub map: Vec<(String, String)>,
}

impl Filter {
    fn ok(&self, t: &str) -> bool {
        (self.keep.is_empty() || self.keep.contains(t)) && !self.drop.contains(t)
    }

    fn rename<'a>(&'a self, t: &'a str) -> &'a str {
        self.map
            .iter()
            .rev()
            .find(|(from, _)| from == t)
            .map_or(t, |(_, to)| to)
    }

    /// Drops filtered gold spans from `docs` and returns the predictions to score.
    pub fn apply(&self, docs: &mut [Doc], preds: &[Vec<Pred>]) -> Vec<Vec<Span>> {
        for d in docs.iter_mut() {
            d.gold.retain(|g| self.ok(&g.2));
        }
        preds
            .iter()
            .map(|p| {
                p.iter()
                    .filter_map(|sp| {
                        let t = self.rename(&sp.entity_type);
                        self.ok(t).then(|| (sp.start, sp.end, t.to_string()))
                    })
                    .collect()
            })
            .collect()
    }
}

/// Parses a comma-separated type list as Python does (`strip`, empty items ignored).
pub fn type_set(list: &str) -> HashSet<String> {
    list.split(',')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(String::from)
        .collect()
}
