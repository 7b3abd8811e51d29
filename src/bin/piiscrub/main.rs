//! `piiscrub`: scrub personal data from fine-tuning datasets (JSONL, JSON arrays, CSV) on all cores.
//!
//! A thin layer over `piiscrub::dataset`: argument parsing, files, progress, exit codes.

mod args;
mod output;
mod progress;

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Read, Write};
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use clap::Parser;
use piiscrub::dataset::{
    AtomicFile, DatasetError, ErrorCategory, Format, Policy, Report, RunOptions, Scrubber,
};

use args::{Cli, Command, Common, OnError};
use output::Output;

/// Why a run failed, with its exit code.
enum Failure {
    Usage(String),
    Dataset(DatasetError),
}

impl From<DatasetError> for Failure {
    fn from(e: DatasetError) -> Self {
        Failure::Dataset(e)
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(args::EXIT_USAGE)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(msg)) => {
            eprintln!("piiscrub: {msg}\n\nFor more information, try '--help'.");
            ExitCode::from(args::EXIT_USAGE)
        }
        Err(Failure::Dataset(e)) => {
            eprintln!("piiscrub: error: {e}");
            ExitCode::from(match e.category() {
                ErrorCategory::Input => args::EXIT_INPUT,
                ErrorCategory::Output => args::EXIT_OUTPUT,
                ErrorCategory::Policy => args::EXIT_POLICY,
                ErrorCategory::Interrupted => args::EXIT_INTERRUPTED,
                _ => args::EXIT_PROCESSING,
            })
        }
    }
}

fn run(cli: Cli) -> Result<(), Failure> {
    match cli.command {
        Command::Scrub(common) => run_dataset(&common, None),
        Command::Analyze(a) => run_dataset(&a.common, Some(a.with_text)),
        Command::Entities(e) => {
            let mut policy = Policy::default();
            policy.language = e.language;
            let scrubber = Scrubber::new(&policy)?;
            let mut out = io::stdout().lock();
            for entity in scrubber.supported_entities() {
                writeln!(out, "{entity}").map_err(|source| DatasetError::Write {
                    target: "<stdout>".into(),
                    source,
                })?;
            }
            Ok(())
        }
    }
}

/// Runs `scrub`, or `analyze` when `analyze_with_text` is set (to whether findings carry their text).
fn run_dataset(common: &Common, analyze_with_text: Option<bool>) -> Result<(), Failure> {
    let analyze = analyze_with_text.is_some();
    let input_path = common.input.as_deref().filter(|p| *p != Path::new("-"));
    let output_path = common.output.as_deref().filter(|p| *p != Path::new("-"));
    let format = match (common.format, input_path) {
        (Some(f), _) => f,
        (None, Some(p)) => Format::from_path(p).ok_or_else(|| {
            Failure::Usage(format!(
                "cannot tell the format of {} from its extension (.jsonl, .json, .csv); pass --format",
                p.display()
            ))
        })?,
        (None, None) => {
            return Err(Failure::Usage(
                "cannot tell the format of standard input; pass --format".into(),
            ));
        }
    };
    let quarantine_path = match (common.on_error, &common.quarantine) {
        (Some(OnError::Quarantine) | None, Some(q)) => Some(q.as_path()),
        (Some(OnError::Quarantine), None) => {
            return Err(Failure::Usage(
                "--on-error quarantine needs --quarantine FILE".into(),
            ));
        }
        (Some(OnError::Fail), Some(_)) => {
            return Err(Failure::Usage(
                "--quarantine cannot be used with --on-error fail".into(),
            ));
        }
        (_, None) => None,
    };

    let policy = build_policy(common)?;
    let scrubber = Scrubber::new(&policy)?;

    let source_name = input_path.map_or("<stdin>".to_string(), |p| p.display().to_string());
    let (input, input_size): (Box<dyn Read + Send>, Option<u64>) = match input_path {
        Some(p) => {
            let file = File::open(p).map_err(|source| DatasetError::Read {
                source_name: source_name.clone(),
                source,
            })?;
            let size = file.metadata().ok().map(|m| m.len());
            (Box::new(file), size)
        }
        None => (Box::new(io::stdin()), None),
    };

    let cancel = Arc::new(AtomicBool::new(false));
    {
        let cancel = Arc::clone(&cancel);
        // Without a handler, Ctrl-C kills the process and the temporary file stays; with it, the run
        // stops at the next batch and removes it.
        let _ = ctrlc::set_handler(move || cancel.store(true, Ordering::Relaxed));
    }
    let mut options = RunOptions::new(format)
        .threads(common.threads)
        .source_name(source_name)
        .output_name(output_path.map_or("<stdout>".into(), |p| p.display().to_string()))
        .max_record_bytes(common.max_record_size.saturating_mul(1 << 20))
        .with_text(analyze_with_text == Some(true))
        .cancel(Arc::clone(&cancel));
    if let Some(q) = quarantine_path {
        options = options.quarantine_name(q.display().to_string());
    }
    let bar = (!common.quiet && io::stderr().is_terminal()).then(|| progress::bar(input_size));
    if let Some(bar) = &bar {
        let bar = bar.clone();
        options = options.progress(move |p| progress::update(&bar, p));
    }

    let mut output = match output_path {
        Some(p) => Output::File(AtomicFile::create(p)?),
        None => Output::Stdout(BufWriter::with_capacity(256 * 1024, io::stdout().lock())),
    };
    let mut quarantine = match quarantine_path {
        Some(q) => Some(AtomicFile::create(q)?),
        None => None,
    };
    let result = {
        let q = quarantine.as_mut().map(|q| q as &mut dyn Write);
        if analyze {
            scrubber.analyze(input, &mut output, q, &options)
        } else {
            scrubber.scrub(input, &mut output, q, &options)
        }
    };
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    let report = result?;
    // Commit: quarantine first, then the output, so a complete output never lacks its quarantine.
    if let Some(q) = quarantine {
        q.commit()?;
    }
    output.finish()?;
    if let Some(path) = &common.report {
        let mut file = AtomicFile::create(path)?;
        let write_error = |source| DatasetError::Write {
            target: path.display().to_string(),
            source,
        };
        file.write_all(report.to_json().as_bytes())
            .and_then(|()| file.write_all(b"\n"))
            .map_err(write_error)?;
        file.commit()?;
    }
    if !common.quiet {
        summary(&report, analyze);
    }
    Ok(())
}

fn build_policy(common: &Common) -> Result<Policy, Failure> {
    let mut policy = match &common.policy {
        Some(path) => Policy::from_path(path)?,
        None => Policy::default(),
    };
    if let Some(fields) = &common.fields {
        policy.fields = Some(fields.clone());
    }
    if let Some(keep) = &common.keep {
        policy.keep = Some(keep.clone());
    }
    if let Some(drop) = &common.drop {
        policy.drop = drop.clone();
    }
    if let Some(entities) = &common.entities {
        policy.entities = Some(entities.clone());
    }
    if let Some(t) = common.threshold {
        policy.threshold = Some(t);
    }
    if let Some(l) = &common.language {
        policy.language = Some(l.clone());
    }
    Ok(policy)
}

fn summary(report: &Report, analyze: bool) {
    let verb = if analyze { "analyzed" } else { "scrubbed" };
    let found: u64 = report.entities.values().sum();
    eprintln!(
        "piiscrub: {verb} {} records ({} changed, {} quarantined, {found} findings) in {:.2} s, {:.2} MB/s on {} threads",
        report.records_in,
        report.records_changed,
        report.records_quarantined,
        report.elapsed_seconds,
        report.megabytes_per_second(),
        report.threads,
    );
    for field in &report.fields_never_matched {
        eprintln!("piiscrub: warning: field {field:?} matched no string value in any record");
    }
    if report.records_quarantined > 0 {
        eprintln!(
            "piiscrub: warning: {} malformed records were quarantined",
            report.records_quarantined
        );
    }
}
