//! Score piiscrub (or any predictions file) on the labeled dev corpus, with the numbers of
//! `eval_spans.py`.
//!
//! ```text
//! cargo run --release --example evaluate -- --corpus ../shared/corpus/dev.jsonl \
//!     --predictions preds.jsonl --exclude-types ORGANIZATION --json scores.json
//! cargo run --release --example evaluate -- --corpus dev.jsonl --predictions-in presidio.jsonl --offsets chars
//! cargo run --release --example evaluate -- --corpus dev.jsonl --compare presidio.jsonl --compare-name Presidio
//! ```
//!
//! `--compare PRED` scores a second predictions file (byte offsets, e.g. from `presidio_predict.py`) with the
//! same filters and prints both side by side as a Markdown table after the report.
//!
//! Without `--predictions-in`, every record's `text` goes through the default English [`AnalyzerEngine`]
//! (one thread, records in order) and the report ends with the analysis time and throughput. The
//! predictions written by `--predictions` are the analyzer's raw output (before `--types`/`--exclude-types`),
//! one line per record: `{"id": ..., "spans": [{"start", "end", "entity_type", "score"}]}` with UTF-8 byte
//! offsets, so `python3 eval_spans.py CORPUS PREDICTIONS` reproduces the report.
//!
//! With `--predictions-in`, the printed report and the `--json` file are identical to `eval_spans.py`'s for the
//! same arguments. Malformed input stops with exit status 2 and a message naming file, line and span.

mod input;
mod intervals;
mod metrics;
mod report;

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use piiscrub::{AnalyzeOptions, AnalyzerEngine};
use serde::Serialize;
use serde_json::{Map, Value, json};

use input::{Filter, InputError, Offsets, Pred};

const USAGE: &str = "\
usage: evaluate --corpus FILE [--predictions-in PRED [--offsets bytes|chars]] [--predictions OUT]
                [--threshold T] [--types A,B] [--exclude-types A,B] [--map PRED=GOLD]...
                [--min-score S] [--json OUT.json] [--top N] [--quiet]
                [--compare PRED [--compare-name NAME]]

  --corpus FILE          labeled JSONL corpus (dev.jsonl format: text, spans, negatives, id, style)
  --predictions-in PRED  score this predictions file instead of running the analyzer
  --offsets UNIT         offsets of --predictions-in: bytes (default) or chars (code points, Presidio)
  --predictions OUT      write the predictions scored (byte offsets, one line per record)
  --threshold T          analyzer score threshold (default: the engine's)
  --types A,B            score only these entity types (both sides)
  --exclude-types A,B    ignore these entity types (both sides), e.g. ORGANIZATION
  --map PRED=GOLD        rename a predicted type before scoring (repeatable)
  --min-score S          drop predicted spans whose score is below S
  --json OUT.json        write every number, with the keys of eval_spans.py --json
  --top N                how many worst misses / false positives to list (default 20)
  --quiet                print nothing (use with --json)
  --compare PRED         also score PRED (byte offsets) and print both side by side (Markdown)
  --compare-name NAME    column title for --compare (default: the file name)";

struct Args {
    corpus: String,
    predictions_in: Option<String>,
    offsets: Offsets,
    predictions_out: Option<String>,
    threshold: Option<f64>,
    filter: Filter,
    min_score: Option<f64>,
    json: Option<String>,
    top: usize,
    quiet: bool,
    compare: Option<String>,
    compare_name: Option<String>,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        corpus: String::new(),
        predictions_in: None,
        offsets: Offsets::Bytes,
        predictions_out: None,
        threshold: None,
        filter: Filter::default(),
        min_score: None,
        json: None,
        top: 20,
        quiet: false,
        compare: None,
        compare_name: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        if matches!(flag.as_str(), "-h" | "--help") {
            println!("{USAGE}");
            std::process::exit(0);
        }
        if flag == "--quiet" {
            args.quiet = true;
            continue;
        }
        let value = match inline.or_else(|| it.next()) {
            Some(v) => v,
            None => return Err(format!("{flag} needs a value")),
        };
        let number = |what: &str| -> Result<f64, String> {
            value
                .parse::<f64>()
                .ok()
                .filter(|x| x.is_finite())
                .ok_or_else(|| format!("{what} expects a number, got {value:?}"))
        };
        match flag.as_str() {
            "--corpus" => args.corpus = value,
            "--compare" => args.compare = Some(value),
            "--compare-name" => args.compare_name = Some(value),
            "--predictions-in" => args.predictions_in = Some(value),
            "--predictions" => args.predictions_out = Some(value),
            "--json" => args.json = Some(value),
            "--types" => args.filter.keep = input::type_set(&value),
            "--exclude-types" => args.filter.drop = input::type_set(&value),
            "--threshold" => args.threshold = Some(number("--threshold")?),
            "--min-score" => args.min_score = Some(number("--min-score")?),
            "--top" => {
                args.top = value
                    .parse()
                    .map_err(|_| format!("--top expects a count, got {value:?}"))?;
            }
            "--offsets" => {
                args.offsets = match value.as_str() {
                    "bytes" => Offsets::Bytes,
                    "chars" => Offsets::Chars,
                    _ => return Err(format!("--offsets expects bytes or chars, got {value:?}")),
                };
            }
            "--map" => match value.split_once('=') {
                Some((a, b)) if !a.is_empty() && !b.is_empty() && !b.contains('=') => {
                    args.filter.map.push((a.to_string(), b.to_string()));
                }
                _ => return Err(format!("--map expects PRED=GOLD, got {value:?}")),
            },
            _ => return Err(format!("unknown argument {arg:?}")),
        }
    }
    if args.corpus.is_empty() {
        return Err("--corpus FILE is required".into());
    }
    if args.offsets == Offsets::Chars && args.predictions_in.is_none() {
        return Err("--offsets applies to --predictions-in only".into());
    }
    if args.threshold.is_some_and(|t| !(0.0..=1.0).contains(&t)) {
        return Err("--threshold must be within [0, 1]".into());
    }
    if args.threshold.is_some() && args.predictions_in.is_some() {
        return Err(
            "--threshold applies to the analyzer; with --predictions-in use --min-score".into(),
        );
    }
    Ok(args)
}

/// Timing of the analyzer run (the `analysis` key of the JSON output).
#[derive(Debug, Serialize)]
pub struct Analysis {
    /// `--threshold`, or `null` for the engine's default.
    pub threshold: Option<f64>,
    pub records: usize,
    pub text_bytes: usize,
    pub seconds: f64,
    /// 10^6 bytes of text per second, one thread.
    pub mb_per_s: f64,
    pub records_per_s: f64,
    /// Analyzer spans dropped because `eval_spans.py` would reject them (empty or out of range).
    pub invalid_spans: usize,
}

/// Runs the default analyzer on every record, timing only the `analyze` calls.
fn analyze(
    docs: &[input::Doc],
    threshold: Option<f64>,
) -> Result<(Vec<Vec<Pred>>, Analysis), String> {
    let engine = AnalyzerEngine::new();
    let mut options = AnalyzeOptions::default();
    if let Some(t) = threshold {
        options = options.score_threshold(t);
    }
    // Compile everything before the clock starts.
    engine
        .analyze("warm-up", &options)
        .map_err(|e| format!("analyzer: {e}"))?;
    let mut preds = Vec::with_capacity(docs.len());
    let mut results = Vec::new();
    let mut elapsed = Duration::ZERO;
    let mut invalid = 0;
    for (n, doc) in docs.iter().enumerate() {
        let t0 = Instant::now();
        engine
            .analyze_into(&doc.text, &options, &mut results)
            .map_err(|e| format!("analyzer on record {} (id {}): {e}", n + 1, doc.id))?;
        elapsed += t0.elapsed();
        let valid = |r: &&piiscrub::RecognizerResult| {
            r.start < r.end
                && r.end <= doc.text.len()
                && doc.text.is_char_boundary(r.start)
                && doc.text.is_char_boundary(r.end)
        };
        let spans: Vec<Pred> = results
            .iter()
            .filter(valid)
            .map(|r| Pred {
                start: r.start,
                end: r.end,
                entity_type: r.entity_type.to_string(),
                score: Some(r.score),
            })
            .collect();
        if spans.len() != results.len() {
            invalid += results.len() - spans.len();
            eprintln!(
                "evaluate: warning: record {} (id {}): dropped {} empty or out-of-range analyzer spans",
                n + 1,
                doc.id,
                results.len() - spans.len()
            );
        }
        preds.push(spans);
    }
    let text_bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let seconds = elapsed.as_secs_f64();
    let per_s = |x: f64| if seconds > 0.0 { x / seconds } else { 0.0 };
    let analysis = Analysis {
        threshold,
        records: docs.len(),
        text_bytes,
        seconds,
        mb_per_s: per_s(text_bytes as f64 / 1e6),
        records_per_s: per_s(docs.len() as f64),
        invalid_spans: invalid,
    };
    Ok((preds, analysis))
}

fn write_predictions(path: &str, docs: &[input::Doc], preds: &[Vec<Pred>]) -> io::Result<()> {
    let mut out = BufWriter::new(std::fs::File::create(path)?);
    for (doc, spans) in docs.iter().zip(preds) {
        let mut line = Map::new();
        if let Some(id) = &doc.raw_id {
            line.insert("id".into(), id.clone());
        }
        let spans: Vec<Value> = spans
            .iter()
            .map(|p| {
                let mut sp = json!({"start": p.start, "end": p.end, "entity_type": p.entity_type});
                if let Some(score) = p.score {
                    sp["score"] = json!(score);
                }
                sp
            })
            .collect();
        line.insert("spans".into(), Value::Array(spans));
        serde_json::to_writer(&mut out, &line)?;
        out.write_all(b"\n")?;
    }
    out.flush()
}

enum Failure {
    /// Bad arguments or malformed input: exit status 2, like eval_spans.py.
    Input(String),
    /// Analyzer or I/O failure: exit status 1.
    Run(String),
}

impl From<InputError> for Failure {
    fn from(e: InputError) -> Self {
        Failure::Input(e.0)
    }
}

fn run() -> Result<(), Failure> {
    let args = parse_args().map_err(|e| Failure::Input(format!("{e}\n{USAGE}")))?;
    let mut docs = input::load_gold(&args.corpus)?;
    let (preds, analysis) = match &args.predictions_in {
        Some(path) => (
            input::load_pred(path, &docs, args.offsets, args.min_score)?,
            None,
        ),
        None => {
            let (mut preds, analysis) = analyze(&docs, args.threshold).map_err(Failure::Run)?;
            if let Some(min) = args.min_score {
                for p in &mut preds {
                    p.retain(|sp| sp.score.is_none_or(|s| s >= min));
                }
            }
            (preds, Some(analysis))
        }
    };
    if let Some(out) = &args.predictions_out {
        write_predictions(out, &docs, &preds)
            .map_err(|e| Failure::Run(format!("writing {out}: {e}")))?;
    }
    let compared = match &args.compare {
        Some(path) => {
            let other = input::load_pred(path, &docs, Offsets::Bytes, args.min_score)?;
            let mut gold = docs.clone();
            let scored = args.filter.apply(&mut gold, &other);
            Some(metrics::evaluate(&gold, &scored, 0))
        }
        None => None,
    };
    let scored = args.filter.apply(&mut docs, &preds);
    let mut res = metrics::evaluate(&docs, &scored, args.top);
    res.prediction_offsets = args.offsets.as_str().to_string();
    res.analysis = analysis;
    if !args.quiet {
        let stdout = io::stdout();
        let mut out = BufWriter::new(stdout.lock());
        let printed = report::print_report(&mut out, &res).and_then(|()| {
            if let Some(a) = &res.analysis {
                let threshold = a
                    .threshold
                    .map_or_else(|| "engine default".to_string(), |t| t.to_string());
                writeln!(
                    out,
                    "\nAnalysis: {} records, {:.3} MB of text in {:.3} s: {:.2} MB/s, {:.0} records/s (one \
                     thread, threshold {threshold}{})",
                    a.records,
                    a.text_bytes as f64 / 1e6,
                    a.seconds,
                    a.mb_per_s,
                    a.records_per_s,
                    if cfg!(debug_assertions) { ", DEBUG build: use --release" } else { "" }
                )?;
            }
            if let Some(other) = &compared {
                let ours = if args.predictions_in.is_some() { "predictions" } else { "piiscrub" };
                let theirs = args.compare_name.clone().unwrap_or_else(|| {
                    let path = args.compare.as_deref().unwrap_or_default();
                    path.rsplit('/').next().unwrap_or(path).to_string()
                });
                writeln!(out)?;
                report::print_side_by_side(&mut out, (ours, &res), (&theirs, other))?;
            }
            out.flush()
        });
        // A closed pipe (`| head`) is not an error worth a message.
        if let Err(e) = printed
            && e.kind() != io::ErrorKind::BrokenPipe
        {
            return Err(Failure::Run(format!("writing the report: {e}")));
        }
    }
    if let Some(path) = &args.json {
        report::write_json(path, &res).map_err(|e| Failure::Run(format!("writing {path}: {e}")))?;
    }
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Input(msg)) => {
            eprintln!("evaluate: error: {msg}");
            ExitCode::from(2)
        }
        Err(Failure::Run(msg)) => {
            eprintln!("evaluate: error: {msg}");
            ExitCode::FAILURE
        }
    }
}
