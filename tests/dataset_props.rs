//! Property tests: for arbitrary records, scrubbing preserves the record count, the order, and every
//! field it does not scrub byte for byte (JSONL, JSON array, CSV), on several threads with tiny batches.
#![cfg(feature = "dataset")]

use std::io::Cursor;

use piiscrub::dataset::{Format, Policy, RunOptions, Scrubber};
use proptest::prelude::*;

fn scrubber(field: &str) -> Scrubber {
    let mut policy = Policy::default();
    policy.fields = Some(vec![field.to_string()]);
    policy.entities = Some(vec!["EMAIL_ADDRESS".into()]);
    Scrubber::new(&policy).unwrap()
}

fn options(format: Format) -> RunOptions {
    RunOptions::new(format).threads(2).batch_records(2)
}

/// Text that sometimes holds an email address, with characters JSON and CSV must escape or quote.
fn text() -> impl Strategy<Value = String> {
    (
        "[a-zA-Z0-9 ,.;\"\\\\é\n\r\t]{0,16}",
        prop::option::of("[a-z]{1,6}@example\\.(com|org)"),
        "[a-zA-Z0-9 ,\"é\n]{0,8}",
    )
        .prop_map(|(a, email, b)| match email {
            Some(e) => format!("{a} {e} {b}"),
            None => format!("{a}{b}"),
        })
}

/// A JSON string literal for `s`, sometimes with `\u` escapes for non-ASCII characters.
fn json_string(s: &str, escape_unicode: bool) -> String {
    let lit = serde_json::to_string(s).unwrap();
    if escape_unicode {
        lit.replace('é', "\\u00e9")
    } else {
        lit
    }
}

/// Raw JSON values whose text must survive exactly: number spellings, escapes, nesting.
fn raw_value() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        prop::sample::select(vec![
            "1.0",
            "1e5",
            "-0",
            "0.10",
            "1E-7",
            "123456789012345678901234567890",
            "true",
            "false",
            "null",
            "\"\"",
        ])
        .prop_map(str::to_string),
        any::<i64>().prop_map(|n| n.to_string()),
        (text(), any::<bool>()).prop_map(|(t, u)| json_string(&t, u)),
    ];
    leaf.prop_recursive(3, 12, 3, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..3).prop_map(|v| format!("[{}]", v.join(" , "))),
            prop::collection::vec(("[a-z]{1,3}", inner), 0..3).prop_map(|v| {
                let members: Vec<String> = v.iter().map(|(k, v)| format!("\"{k}\":{v}")).collect();
                format!("{{ {} }}", members.join(","))
            }),
        ]
    })
}

/// One record: its JSON text, and the byte range of the `text` field's value in it.
#[derive(Debug, Clone)]
struct Record {
    json: String,
    text_at: std::ops::Range<usize>,
    text: String,
}

fn record() -> impl Strategy<Value = Record> {
    (
        prop::collection::btree_map("[a-s]{1,3}", raw_value(), 0..5),
        any::<prop::sample::Index>(),
        text(),
        any::<bool>(),
        prop::sample::select(vec![",", ", ", " ,\n\t"]),
    )
        .prop_map(|(fields, at, text, escape, sep)| {
            let mut members: Vec<String> = fields
                .iter()
                .map(|(k, v)| format!("\"{k}\": {v}"))
                .collect();
            let at = at.index(members.len() + 1);
            members.insert(at, format!("\"text\": {}", json_string(&text, escape)));
            let before: String = members[..at].iter().map(|m| format!("{m}{sep}")).collect();
            let start = 1 + before.len() + "\"text\": ".len();
            let json = format!("{{{}}}", members.join(sep));
            let end = start + json_string(&text, escape).len();
            Record {
                json: json.replace('\n', " "),
                text_at: start..end,
                text,
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn jsonl_preserves_count_order_and_other_fields(records in prop::collection::vec(record(), 0..12)) {
        let input: String = records.iter().map(|r| format!("{}\n", r.json)).collect();
        let mut out = Vec::new();
        let report = scrubber("text").scrub(Cursor::new(input.clone().into_bytes()), &mut out, None, &options(Format::Jsonl)).unwrap();
        let out = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = out.lines().collect();
        prop_assert_eq!(lines.len(), records.len());
        prop_assert_eq!(report.records_in, records.len() as u64);
        prop_assert_eq!(report.records_out, records.len() as u64);
        for (r, line) in records.iter().zip(&lines) {
            // Everything before and after the scrubbed value is the input's, byte for byte.
            let (prefix, suffix) = (&r.json[..r.text_at.start], &r.json[r.text_at.end..]);
            prop_assert!(line.starts_with(prefix) && line.ends_with(suffix), "{} -> {}", r.json, line);
            if !r.text.contains('@') {
                prop_assert_eq!(*line, r.json.as_str());
            }
        }
    }

    #[test]
    fn json_array_preserves_count_order_and_other_fields(records in prop::collection::vec(record(), 0..8)) {
        let body: Vec<&str> = records.iter().map(|r| r.json.as_str()).collect();
        let input = format!("[\n{}\n]\n", body.join(",\n"));
        let mut out = Vec::new();
        scrubber("text").scrub(Cursor::new(input.clone().into_bytes()), &mut out, None, &options(Format::JsonArray)).unwrap();
        let out = String::from_utf8(out).unwrap();
        if records.iter().all(|r| !r.text.contains('@')) {
            prop_assert_eq!(&out, &input);
        }
        let before: Vec<serde_json::Value> = serde_json::from_str(&input).unwrap();
        let after: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
        prop_assert_eq!(before.len(), after.len());
        for (b, a) in before.iter().zip(&after) {
            let (mut b, mut a) = (b.clone(), a.clone());
            b.as_object_mut().unwrap().remove("text");
            a.as_object_mut().unwrap().remove("text");
            prop_assert_eq!(b, a);
        }
    }

    #[test]
    fn csv_preserves_count_order_and_other_columns(
        rows in prop::collection::vec((text(), text(), text()), 0..12),
        crlf in any::<bool>(),
    ) {
        let mut w = csv::WriterBuilder::new()
            .terminator(if crlf { csv::Terminator::CRLF } else { csv::Terminator::Any(b'\n') })
            .from_writer(Vec::new());
        w.write_record(["a", "text", "b"]).unwrap();
        for (a, t, b) in &rows {
            w.write_record([a, t, b]).unwrap();
        }
        let input = w.into_inner().unwrap();
        let mut out = Vec::new();
        let report = scrubber("text").scrub(Cursor::new(input.clone()), &mut out, None, &options(Format::Csv)).unwrap();
        prop_assert_eq!(report.records_out, rows.len() as u64);
        if rows.iter().all(|(_, t, _)| !t.contains('@')) {
            prop_assert_eq!(&out, &input);
        }
        let mut r = csv::ReaderBuilder::new().from_reader(out.as_slice());
        let got: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
        prop_assert_eq!(got.len(), rows.len());
        for ((a, t, b), row) in rows.iter().zip(&got) {
            prop_assert_eq!(&row[0], a.as_str());
            prop_assert_eq!(&row[2], b.as_str());
            if !t.contains('@') {
                prop_assert_eq!(&row[1], t.as_str());
            }
        }
    }
}
