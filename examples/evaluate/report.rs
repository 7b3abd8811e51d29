//! The printed report and the `--json` file, laid out exactly as `eval_spans.py` lays them out.
//!
//! With `--predictions-in`, stdout is byte-for-byte the Python scorer's stdout and the JSON file is
//! byte-for-byte its `--json` file: same keys in the same order, `indent=1`, non-ASCII unescaped and floats
//! in Python's `repr` (`0.1`, `1.0`, `1e-05`). A run of the analyzer adds an `analysis` key and a timing line.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter};

use crate::metrics::{Prf, Results, Table};

/// Python's `repr(float)`: the shortest round-trip digits, positional for exponents -4..16, else
/// scientific with a signed, at least two-digit exponent.
pub fn py_float(x: f64) -> String {
    if !x.is_finite() {
        return if x.is_nan() {
            "NaN".into()
        } else if x > 0.0 {
            "Infinity".into()
        } else {
            "-Infinity".into()
        };
    }
    let sci = format!("{x:e}"); // shortest round-trip digits, e.g. "-1.25e-5"
    let (mantissa, exp) = sci
        .split_once('e')
        .expect("LowerExp always writes an exponent");
    let exp: i32 = exp.parse().expect("LowerExp writes an integer exponent");
    let (sign, mantissa) = match mantissa.strip_prefix('-') {
        Some(m) => ("-", m),
        None => ("", mantissa),
    };
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    if (-4..16).contains(&exp) {
        let point = exp + 1; // digits before the decimal point
        if point <= 0 {
            format!("{sign}0.{}{digits}", "0".repeat((-point) as usize))
        } else if point as usize >= digits.len() {
            let zeros = "0".repeat(point as usize - digits.len());
            format!("{sign}{digits}{zeros}.0")
        } else {
            let (int, frac) = digits.split_at(point as usize);
            format!("{sign}{int}.{frac}")
        }
    } else {
        let exp_sign = if exp < 0 { '-' } else { '+' };
        format!("{sign}{mantissa}e{exp_sign}{:02}", exp.abs())
    }
}

/// serde_json's pretty printer with one-space indentation and Python float formatting.
struct PyFormatter<'a>(PrettyFormatter<'a>);

macro_rules! delegate {
    ($($name:ident($($arg:ident : $ty:ty),*);)*) => {
        $(fn $name<W: ?Sized + Write>(&mut self, w: &mut W $(, $arg: $ty)*) -> io::Result<()> {
            self.0.$name(w $(, $arg)*)
        })*
    };
}

impl Formatter for PyFormatter<'_> {
    fn write_f64<W: ?Sized + Write>(&mut self, w: &mut W, value: f64) -> io::Result<()> {
        w.write_all(py_float(value).as_bytes())
    }

    delegate! {
        begin_array();
        end_array();
        begin_array_value(first: bool);
        end_array_value();
        begin_object();
        end_object();
        begin_object_key(first: bool);
        begin_object_value();
        end_object_value();
    }
}

/// Writes `value` as `json.dump(value, fh, ensure_ascii=False, indent=1)` plus a newline would.
pub fn write_json(path: &str, value: &impl Serialize) -> io::Result<()> {
    let mut out = io::BufWriter::new(std::fs::File::create(path)?);
    let mut ser = serde_json::Serializer::with_formatter(
        &mut out,
        PyFormatter(PrettyFormatter::with_indent(b" ")),
    );
    value.serialize(&mut ser).map_err(io::Error::other)?;
    out.write_all(b"\n")?;
    out.flush()
}

fn fmt(x: Option<f64>) -> String {
    x.map_or_else(|| "    -".to_string(), |x| format!("{x:.3}"))
}

fn print_table(out: &mut impl Write, title: &str, tab: &Table) -> io::Result<()> {
    writeln!(out, "{title}")?;
    writeln!(
        out,
        "  {:<20}{:>7}{:>7}{:>7}   {:>6} {:>6} {:>6} {:>6}",
        "entity type", "gold", "pred", "tp", "prec", "recall", "f1", "f2"
    )?;
    let rows = tab.per_type.0.iter().map(|(t, m)| (t.as_str(), m));
    for (t, m) in rows.chain([("ALL (micro)", &tab.overall)]) {
        if t == "ALL (micro)" {
            writeln!(out, "  {}", "-".repeat(72))?;
        }
        writeln!(
            out,
            "  {t:<20}{:>7}{:>7}{:>7}   {:>6} {:>6} {:>6} {:>6}",
            m.gold,
            m.pred,
            m.tp,
            fmt(m.precision),
            fmt(m.recall),
            fmt(m.f1),
            fmt(m.f2)
        )?;
    }
    writeln!(out, "  macro F1 over gold types: {}\n", fmt(tab.macro_f1))
}

/// Prints the report of `eval_spans.py`.
pub fn print_report(out: &mut impl Write, res: &Results) -> io::Result<()> {
    writeln!(
        out,
        "{} records, {} gold spans, {} predicted spans (prediction offsets: {})\n",
        res.records, res.gold_spans, res.pred_spans, res.prediction_offsets
    )?;
    print_table(
        out,
        "(a) Span level: overlap + same type (tp = gold spans found)",
        &res.overlap,
    )?;
    print_table(
        out,
        "(b) Span level: exact boundaries + same type",
        &res.exact,
    )?;
    let ch = &res.bytes;
    writeln!(
        out,
        "Type-agnostic PII byte recall: {} ({} of {} gold PII bytes inside a prediction)",
        fmt(ch.recall),
        ch.covered_bytes,
        ch.pii_bytes
    )?;
    writeln!(
        out,
        "  {:<20}{:>8}  {:>11}  {:>20}",
        "entity type", "bytes", "byte recall", "spans fully covered"
    )?;
    for (t, m) in &ch.per_type.0 {
        writeln!(
            out,
            "  {t:<20}{:>8}  {:>11}  {:>9}/{:<6} {}",
            m.bytes,
            fmt(m.recall),
            m.fully_covered,
            m.spans,
            fmt(m.fully_covered_rate)
        )?;
    }
    let rate = ch
        .non_pii_predicted_rate
        .map_or_else(|| "-".to_string(), |r| format!("{:.2}%", 100.0 * r));
    writeln!(
        out,
        "Non-PII bytes inside predictions (over-redaction): {} of {} ({rate})\n",
        ch.non_pii_bytes_predicted, ch.non_pii_bytes
    )?;
    if !res.by_style.0.is_empty() {
        writeln!(out, "By document style (overlap + same type, micro):")?;
        writeln!(
            out,
            "  {:<24}{:>8}{:>7}{:>7}   {:>6} {:>6} {:>6} {:>8}",
            "style", "records", "gold", "pred", "prec", "recall", "f2", "byte rec"
        )?;
        for (k, m) in &res.by_style.0 {
            writeln!(
                out,
                "  {k:<24}{:>8}{:>7}{:>7}   {:>6} {:>6} {:>6} {:>8}",
                m.records,
                m.prf.gold,
                m.prf.pred,
                fmt(m.prf.precision),
                fmt(m.prf.recall),
                fmt(m.prf.f2),
                fmt(m.byte_recall)
            )?;
        }
        writeln!(out)?;
    }
    if !res.negatives.0.is_empty() {
        writeln!(
            out,
            "Recorded distractors (not PII) touched by a prediction:"
        )?;
        let items: Vec<String> = res
            .negatives
            .0
            .iter()
            .map(|(k, v)| format!("{k} {}/{}", v.hit, v.total))
            .collect();
        writeln!(out, "  {}\n", items.join(", "))?;
    }
    if !res.confusions.is_empty() {
        writeln!(
            out,
            "Type confusions on missed gold spans (gold -> overlapping predicted type):"
        )?;
        let items: Vec<String> = res
            .confusions
            .iter()
            .map(|c| format!("{}->{} {}", c.gold, c.pred, c.count))
            .collect();
        writeln!(out, "  {}\n", items.join(", "))?;
    }
    writeln!(
        out,
        "{} worst misses of {} (gold spans without a same-type overlapping prediction; least covered, then \
         longest, first; round-robin over types):",
        res.worst_misses.len(),
        res.total_misses
    )?;
    for m in &res.worst_misses {
        let extra = if m.overlapping_pred_types.is_empty() {
            String::new()
        } else {
            format!(" overlapped by {}", m.overlapping_pred_types.join(","))
        };
        // Python's `{:.0%}`: multiply by 100, then round half to even.
        writeln!(
            out,
            "  {:<14} {:<18} covered {:.0}%{extra}: {}",
            m.id,
            m.entity_type,
            m.covered * 100.0,
            m.context
        )?;
    }
    writeln!(
        out,
        "\n{} worst false positives of {} (predictions without a same-type overlapping gold span; touching \
         no PII first; round-robin over predicted types):",
        res.worst_false_positives.len(),
        res.total_false_positives
    )?;
    for f in &res.worst_false_positives {
        let mut why = if f.overlapping_gold_types.is_empty() {
            "no PII here".to_string()
        } else {
            format!("type confusion with {}", f.overlapping_gold_types.join(","))
        };
        if !f.distractor.is_empty() {
            why += &format!(", distractor {}", f.distractor.join(","));
        }
        writeln!(
            out,
            "  {:<14} {:<18} {why}: {}",
            f.id, f.entity_type, f.context
        )?;
    }
    Ok(())
}

/// Two scorings of the same gold spans as one Markdown table: overlap precision, recall and F2 per gold
/// entity type, the micro average and the type-agnostic PII byte recall.
pub fn print_side_by_side(
    out: &mut impl Write,
    (a_name, a): (&str, &Results),
    (b_name, b): (&str, &Results),
) -> io::Result<()> {
    let f = |x: Option<f64>| x.map_or_else(|| "-".to_string(), |v| format!("{v:.3}"));
    writeln!(
        out,
        "| entity type | gold | {a_name} P | R | F2 | {b_name} P | R | F2 |"
    )?;
    writeln!(out, "|---|---:|---:|---:|---:|---:|---:|---:|")?;
    let row = |out: &mut dyn Write, name: &str, x: &Prf, y: Option<&Prf>| {
        let (py, ry, fy) = y.map_or((None, Some(0.0), Some(0.0)), |y| {
            (y.precision, y.recall, y.f2)
        });
        writeln!(
            out,
            "| {name} | {} | {} | {} | {} | {} | {} | {} |",
            x.gold,
            f(x.precision),
            f(x.recall),
            f(x.f2),
            f(py),
            f(ry),
            f(fy)
        )
    };
    for (name, x) in &a.overlap.per_type.0 {
        if x.gold == 0 {
            continue;
        }
        let y = b
            .overlap
            .per_type
            .0
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, y)| y);
        row(out, name, x, y)?;
    }
    row(
        out,
        "**all (micro)**",
        &a.overlap.overall,
        Some(&b.overlap.overall),
    )?;
    writeln!(
        out,
        "| PII byte recall | | | {} | | | {} | |",
        f(a.bytes.recall),
        f(b.bytes.recall)
    )
}
