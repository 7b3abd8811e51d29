//! Scrub a prompt/completion fine-tuning dataset of support tickets.
//!
//! ```text
//! cargo run --example support_tickets                       # bundled data, before/after on stdout
//! cargo run --example support_tickets -- IN.jsonl --out OUT.jsonl --quiet
//! ```
//!
//! Every string field of every record is analyzed and anonymized. Names are often labelled in one field
//! ("Customer Name: Alice Smith") but bare in another ("Alice Smith's account was locked"), so the example
//! works per record in two passes: the first finds the people named anywhere in the record, the second
//! analyzes each field again with those names (and their first and last names alone) as an ad-hoc deny
//! list, so a name found once is removed everywhere in the record.

use std::collections::BTreeMap;
use std::error::Error;
use std::fs;
use std::io::{self, Write};

use piiscrub::{
    AnalyzeOptions, AnalyzerEngine, AnonymizerEngine, DenyListRecognizer, EntityType,
    OperatorConfig, Operators, RecognizerResult,
};
use serde_json::{Map, Value};

const DEFAULT_INPUT: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/examples/data/support_tickets.jsonl"
);

struct Args {
    input: String,
    output: Option<String>,
    quiet: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        input: DEFAULT_INPUT.to_string(),
        output: None,
        quiet: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--out" => args.output = Some(it.next().ok_or("--out needs a file name")?),
            "--quiet" => args.quiet = true,
            "-h" | "--help" => {
                return Err(
                    "usage: support_tickets [INPUT.jsonl] [--out OUTPUT.jsonl] [--quiet]".into(),
                );
            }
            _ if a.starts_with('-') => return Err(format!("unknown option {a}")),
            _ => args.input = a,
        }
    }
    Ok(args)
}

fn main() -> Result<(), Box<dyn Error>> {
    let args = parse_args()?;
    let input = fs::read_to_string(&args.input)?;
    let analyzer = AnalyzerEngine::new();
    let anonymizer = AnonymizerEngine::new();
    // Cards keep their last four digits (enough for a support agent to say "the card ending 1111");
    // every other value becomes `<ENTITY_TYPE>`.
    let operators = Operators::default().with(
        EntityType::CREDIT_CARD,
        OperatorConfig::custom(|card| {
            let digits: Vec<char> = card.chars().filter(char::is_ascii_digit).collect();
            let last4: String = digits[digits.len().saturating_sub(4)..].iter().collect();
            format!("<CREDIT_CARD ending {last4}>")
        }),
    );

    let mut out_lines = Vec::new();
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    let stdout = io::stdout();
    let mut stdout = stdout.lock();
    for (line_no, line) in input.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let record: Map<String, Value> = serde_json::from_str(line)
            .map_err(|e| format!("{}:{}: not a JSON object: {e}", args.input, line_no + 1))?;
        let scrubbed = scrub_record(&analyzer, &anonymizer, &operators, &record, &mut counts)?;
        if !args.quiet {
            writeln!(stdout, "── record {} ──", line_no + 1)?;
            for (field, value) in &record {
                if let (Value::String(before), Some(Value::String(after))) =
                    (value, scrubbed.get(field))
                {
                    writeln!(stdout, "{field} before: {before:?}")?;
                    writeln!(stdout, "{field} after:  {after:?}")?;
                }
            }
        }
        out_lines.push(serde_json::to_string(&scrubbed)?);
    }
    writeln!(
        stdout,
        "── {} records scrubbed; entities replaced: {counts:?}",
        out_lines.len()
    )?;
    if let Some(path) = &args.output {
        let mut body = out_lines.join("\n");
        body.push('\n');
        fs::write(path, body)?;
    }
    Ok(())
}

/// Scrubs every string field of one record, propagating names found in any field to all fields.
fn scrub_record(
    analyzer: &AnalyzerEngine,
    anonymizer: &AnonymizerEngine,
    operators: &Operators,
    record: &Map<String, Value>,
    counts: &mut BTreeMap<String, usize>,
) -> Result<Map<String, Value>, Box<dyn Error>> {
    let base = AnalyzeOptions::default();
    // Pass 1: the people this record names anywhere.
    let mut names: Vec<String> = Vec::new();
    for value in record.values() {
        if let Value::String(text) = value {
            for r in analyzer.analyze(text, &base)? {
                if r.entity_type == EntityType::PERSON {
                    let name = &text[r.start..r.end];
                    names.push(name.to_string());
                    // First and last names alone, as completions often use them.
                    names.extend(
                        name.split_whitespace()
                            .filter(|p| p.chars().count() > 1)
                            .map(str::to_string),
                    );
                }
            }
        }
    }
    let options = if names.is_empty() {
        base
    } else {
        let known =
            DenyListRecognizer::new("RecordNames", EntityType::PERSON, &names)?.with_score(0.9)?;
        base.ad_hoc_recognizer(known)
    };
    // Pass 2: analyze and anonymize every field.
    let mut out = Map::new();
    for (field, value) in record {
        let new_value = match value {
            Value::String(text) => {
                let results: Vec<RecognizerResult> = analyzer.analyze(text, &options)?;
                let anonymized = anonymizer.anonymize(text, &results, operators)?;
                for item in &anonymized.items {
                    *counts.entry(item.entity_type.to_string()).or_default() += 1;
                }
                Value::String(anonymized.text)
            }
            other => other.clone(),
        };
        out.insert(field.clone(), new_value);
    }
    Ok(out)
}
