//! The threaded, ordered pipeline: one reader thread cuts the input into batches, worker threads scrub
//! (or analyze) them, and the calling thread writes their results in input order.
//!
//! Memory is bounded: the reader may run at most `window` batches ahead of the writer (it waits on a
//! condition variable), so at most `window` batches of at most `batch_bytes` (or one record larger than
//! that, up to the record limit) are held at once, whatever the input's size.

use std::collections::BTreeMap;
use std::fmt;
use std::io::{self, Read, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::sync::{Arc, Condvar, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use serde::Serialize;

use super::csv::write_row;
use super::error::DatasetError;
use super::format::Format;
use super::report::Report;
use super::scrubber::{CsvPlan, Finding, RecordError, Scrubber, Tally};
use super::source::{self, Body, Item, RawRecord, ReadItems};

/// Settings of a [`Scrubber::scrub`] or [`Scrubber::analyze`] run, built by chaining.
///
/// # Example
///
/// ```
/// use piiscrub::dataset::{Format, RunOptions};
///
/// let options = RunOptions::new(Format::Csv).threads(2).source_name("tickets.csv");
/// assert_eq!(options.format(), Format::Csv);
/// ```
#[derive(Clone)]
pub struct RunOptions {
    format: Format,
    threads: usize,
    source_name: String,
    output_name: String,
    quarantine_name: String,
    max_record_bytes: u64,
    batch_records: usize,
    batch_bytes: usize,
    with_text: bool,
    cancel: Option<Arc<AtomicBool>>,
    progress: Option<ProgressFn>,
}

type ProgressFn = Arc<dyn Fn(&Progress) + Send + Sync>;

/// How far a run has got; passed to the [`RunOptions::progress`] callback after each batch is written.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct Progress {
    /// Records written or quarantined so far.
    pub records: u64,
    /// Input bytes read so far.
    pub bytes_in: u64,
    /// Time since the run started.
    pub elapsed: Duration,
}

impl fmt::Debug for RunOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RunOptions")
            .field("format", &self.format)
            .field("threads", &self.threads)
            .field("source_name", &self.source_name)
            .field("max_record_bytes", &self.max_record_bytes)
            .field("batch_records", &self.batch_records)
            .field("batch_bytes", &self.batch_bytes)
            .field("with_text", &self.with_text)
            .finish_non_exhaustive()
    }
}

impl RunOptions {
    /// The largest number of worker threads.
    pub const MAX_THREADS: usize = 256;

    /// Default record size limit: 64 MiB.
    pub const DEFAULT_MAX_RECORD_BYTES: u64 = 64 << 20;

    /// Options for input in `format`: all cores, records up to 64 MiB, batches of 256 records or 1 MiB.
    pub fn new(format: Format) -> Self {
        RunOptions {
            format,
            threads: 0,
            source_name: "<input>".into(),
            output_name: "<output>".into(),
            quarantine_name: "<quarantine>".into(),
            max_record_bytes: Self::DEFAULT_MAX_RECORD_BYTES,
            batch_records: 256,
            batch_bytes: 1 << 20,
            with_text: false,
            cancel: None,
            progress: None,
        }
    }

    /// The input format.
    pub fn format(&self) -> Format {
        self.format
    }

    /// Worker threads; 0 (the default) means one per available core. At most
    /// [`MAX_THREADS`](Self::MAX_THREADS), since memory grows with the number of batches in flight.
    pub fn threads(mut self, threads: usize) -> Self {
        self.threads = threads.min(Self::MAX_THREADS);
        self
    }

    /// The input's name in error messages (a path, `<stdin>`).
    pub fn source_name(mut self, name: impl Into<String>) -> Self {
        self.source_name = name.into();
        self
    }

    /// The output's name in error messages.
    pub fn output_name(mut self, name: impl Into<String>) -> Self {
        self.output_name = name.into();
        self
    }

    /// The quarantine file's name in error messages.
    pub fn quarantine_name(mut self, name: impl Into<String>) -> Self {
        self.quarantine_name = name.into();
        self
    }

    /// Records larger than this many bytes stop the run ([`DatasetError::RecordTooLarge`]).
    pub fn max_record_bytes(mut self, bytes: u64) -> Self {
        self.max_record_bytes = bytes.max(1);
        self
    }

    /// A batch ends after this many records (at least 1).
    pub fn batch_records(mut self, records: usize) -> Self {
        self.batch_records = records.max(1);
        self
    }

    /// For [`Scrubber::analyze`]: include each finding's text. Off by default, since the findings
    /// file then holds the personal data itself.
    pub fn with_text(mut self, yes: bool) -> Self {
        self.with_text = yes;
        self
    }

    /// A flag that stops the run with [`DatasetError::Interrupted`] once set (for example by a signal
    /// handler).
    pub fn cancel(mut self, flag: Arc<AtomicBool>) -> Self {
        self.cancel = Some(flag);
        self
    }

    /// A callback run on the calling thread after each batch is written.
    pub fn progress(mut self, callback: impl Fn(&Progress) + Send + Sync + 'static) -> Self {
        self.progress = Some(Arc::new(callback));
        self
    }

    fn worker_threads(&self) -> usize {
        if self.threads > 0 {
            self.threads
        } else {
            thread::available_parallelism().map_or(1, |n| n.get().min(Self::MAX_THREADS))
        }
    }

    fn cancelled(&self) -> bool {
        self.cancel
            .as_ref()
            .is_some_and(|c| c.load(Ordering::Relaxed))
    }
}

impl Scrubber {
    /// Scrubs a dataset: reads `input` in the options' format, writes the scrubbed records in the same
    /// format and order to `output`, and returns the [`Report`].
    ///
    /// Records that need no change are written byte for byte as they were (JSONL, JSON array); changed
    /// JSON records keep every byte outside the replaced string values; CSV rows are written with
    /// minimal quoting and the input's line terminator.
    ///
    /// A malformed record (invalid JSON or UTF-8, not an object, a CSV row with the wrong number of
    /// columns) stops the run, unless `quarantine` is given: then its raw bytes are written there (one
    /// per line; CSV: as rows after the header) and counted. No record is dropped silently.
    ///
    /// # Errors
    ///
    /// - [`DatasetError::Malformed`] for the first malformed record (in input order) when not
    ///   quarantining; [`DatasetError::Structure`] when a JSON array is broken; [`DatasetError::RecordTooLarge`];
    ///   [`DatasetError::Read`] when the input cannot be read;
    /// - [`DatasetError::Write`] when `output` or `quarantine` cannot be written;
    /// - [`DatasetError::Policy`] when a CSV header lacks a column the policy names;
    /// - [`DatasetError::Processing`] when the analyzer or anonymizer fails;
    /// - [`DatasetError::Interrupted`] when the cancel flag is set.
    ///
    /// On error, part of the output may have been written: write to an
    /// [`AtomicFile`](super::AtomicFile) to keep it from ever appearing under the final name.
    pub fn scrub<R: Read + Send + 'static>(
        &self,
        input: R,
        output: &mut dyn Write,
        quarantine: Option<&mut dyn Write>,
        options: &RunOptions,
    ) -> Result<Report, DatasetError> {
        self.run(input, output, quarantine, options, Mode::Scrub)
    }

    /// Analyzes a dataset without changing it: writes one JSON line per record to `output`,
    /// `{"record": 1, "line": 1, "findings": [{"field": "prompt", "entity_type": "PERSON", "start": 15,
    /// "end": 26, "score": 0.85, "recognizer": "…"}]}`, with byte offsets into the field's string value.
    /// Findings hold no text unless [`RunOptions::with_text`] is set.
    ///
    /// # Errors
    ///
    /// As for [`scrub`](Self::scrub).
    pub fn analyze<R: Read + Send + 'static>(
        &self,
        input: R,
        output: &mut dyn Write,
        quarantine: Option<&mut dyn Write>,
        options: &RunOptions,
    ) -> Result<Report, DatasetError> {
        self.run(input, output, quarantine, options, Mode::Analyze)
    }

    fn run<R: Read + Send + 'static>(
        &self,
        input: R,
        output: &mut dyn Write,
        quarantine: Option<&mut dyn Write>,
        options: &RunOptions,
        mode: Mode,
    ) -> Result<Report, DatasetError> {
        let started = Instant::now();
        let opened = source::open(
            Box::new(input),
            options.format,
            &options.source_name,
            options.max_record_bytes,
        )?;
        let csv = match &opened.csv {
            Some(header) => Some((self.csv_plan(&header.names)?, header.crlf)),
            None => None,
        };
        let mut sink = Sink {
            output,
            quarantine,
            options,
            bytes_out: 0,
            wrote_element: false,
            quarantine_header: None,
        };
        if let (Some(header), Some((plan, crlf))) = (&opened.csv, &csv) {
            if mode == Mode::Scrub && !header.names.is_empty() {
                if header.bom {
                    sink.write(b"\xEF\xBB\xBF")?;
                }
                let kept = plan.columns.iter().map(|c| c.name.as_bytes());
                sink.write(&write_row(kept, *crlf))?;
            }
            sink.quarantine_header = Some(write_row(&header.names, *crlf));
        }
        let job = Arc::new(Job {
            scrubber: self.clone(),
            mode,
            csv,
            quarantining: sink.quarantine.is_some(),
            with_text: options.with_text,
            source_name: options.source_name.clone(),
        });
        let threads = options.worker_threads();
        let mut report = Report {
            mode: mode.name(),
            format: options.format.name(),
            threads,
            ..Report::default()
        };
        let mut hits = self.tally().rule_hits;
        run_threads(opened.items, job, threads, options, |done| {
            for outcome in done.outcomes {
                match outcome {
                    Outcome::Pass(bytes) => sink.write(&bytes)?,
                    Outcome::Write { lead, bytes } => {
                        sink.write_record(&lead, &bytes)?;
                        report.records_out += 1;
                    }
                    Outcome::Quarantine(bytes) => {
                        sink.write_quarantine(&bytes)?;
                        report.records_quarantined += 1;
                    }
                    Outcome::Fail(e) => return Err(e),
                }
            }
            report.records_in += done.records;
            for (hit, new) in hits.iter_mut().zip(&done.tally.rule_hits) {
                *hit |= new;
            }
            report.add(done.tally);
            report.bytes_in = done.bytes_in;
            if let Some(progress) = &options.progress {
                progress(&Progress {
                    records: report.records_out + report.records_quarantined,
                    bytes_in: report.bytes_in,
                    elapsed: started.elapsed(),
                });
            }
            Ok(())
        })?;
        sink.flush()?;
        report.bytes_out = sink.bytes_out;
        report.fields_never_matched = self.unmatched_rules(&hits);
        report.elapsed_seconds = started.elapsed().as_secs_f64();
        debug_assert_eq!(
            report.records_in,
            report.records_out + report.records_quarantined
        );
        Ok(report)
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Scrub,
    Analyze,
}

impl Mode {
    fn name(self) -> &'static str {
        match self {
            Mode::Scrub => "scrub",
            Mode::Analyze => "analyze",
        }
    }
}

/// What the workers need; shared by all of them.
struct Job {
    scrubber: Scrubber,
    mode: Mode,
    csv: Option<(CsvPlan, bool)>,
    quarantining: bool,
    with_text: bool,
    source_name: String,
}

/// What becomes of one item.
enum Outcome {
    /// Bytes outside any record.
    Pass(Vec<u8>),
    /// A record's output; `lead` is a JSON array separator (or a byte-order mark).
    Write { lead: Vec<u8>, bytes: Vec<u8> },
    /// A malformed record's raw bytes, for the quarantine file.
    Quarantine(Vec<u8>),
    /// The run stops here.
    Fail(DatasetError),
}

#[derive(Serialize)]
struct FindingsLine<'a> {
    record: u64,
    line: u64,
    findings: &'a [Finding],
}

impl Job {
    fn process(&self, item: Item, tally: &mut Tally) -> Outcome {
        let record = match item {
            Item::Passthrough(bytes) => {
                return Outcome::Pass(if self.mode == Mode::Scrub {
                    bytes
                } else {
                    Vec::new()
                });
            }
            Item::Record(r) => r,
        };
        let RawRecord { line, number, body } = record;
        let result = match (&body, self.mode) {
            (Body::Json { lead, bytes, end }, Mode::Scrub) => {
                self.scrubber.scrub_json(bytes, tally).map(|out| {
                    let mut written = out.map_or_else(|| bytes.clone(), String::into_bytes);
                    written.extend_from_slice(end);
                    (lead.clone(), written)
                })
            }
            (Body::Csv(row), Mode::Scrub) => {
                let (plan, crlf) = self.csv_plan();
                self.scrubber
                    .scrub_csv_row(plan, row, tally)
                    .map(|cells| (Vec::new(), write_row(&cells, *crlf)))
            }
            (Body::Json { bytes, .. }, Mode::Analyze) => self
                .scrubber
                .analyze_json(bytes, self.with_text, tally)
                .map(|f| (Vec::new(), findings_line(number, line, &f))),
            (Body::Csv(row), Mode::Analyze) => self
                .scrubber
                .analyze_csv_row(&self.csv_plan().0, row, self.with_text, tally)
                .map(|f| (Vec::new(), findings_line(number, line, &f))),
        };
        match result {
            Ok((lead, bytes)) => Outcome::Write { lead, bytes },
            Err(RecordError::Problem(problem)) if self.quarantining => {
                *tally.problems.entry(problem.kind()).or_default() += 1;
                Outcome::Quarantine(match body {
                    Body::Json { mut bytes, end, .. } => {
                        bytes.extend_from_slice(if end.is_empty() { b"\n" } else { &end });
                        bytes
                    }
                    Body::Csv(row) => write_row(&row, self.csv_plan().1),
                })
            }
            Err(e) => Outcome::Fail(e.into_error(&self.source_name, line, number)),
        }
    }

    fn csv_plan(&self) -> &(CsvPlan, bool) {
        // CSV rows only come from a CSV input, which always has a plan.
        self.csv.as_ref().expect("a CSV input has a plan")
    }
}

fn findings_line(record: u64, line: u64, findings: &[Finding]) -> Vec<u8> {
    let mut out = serde_json::to_vec(&FindingsLine {
        record,
        line,
        findings,
    })
    .unwrap_or_default();
    out.push(b'\n');
    out
}

/// The writing end: output and quarantine, with byte counts and JSON array separators.
struct Sink<'o, 'q, 'r> {
    output: &'o mut dyn Write,
    quarantine: Option<&'q mut dyn Write>,
    options: &'r RunOptions,
    bytes_out: u64,
    wrote_element: bool,
    /// For CSV: the header, written before the first quarantined row.
    quarantine_header: Option<Vec<u8>>,
}

impl Sink<'_, '_, '_> {
    fn write(&mut self, bytes: &[u8]) -> Result<(), DatasetError> {
        self.output
            .write_all(bytes)
            .map_err(|e| write_error(&self.options.output_name, e))?;
        self.bytes_out += bytes.len() as u64;
        Ok(())
    }

    fn write_record(&mut self, lead: &[u8], bytes: &[u8]) -> Result<(), DatasetError> {
        if !self.wrote_element && self.options.format == Format::JsonArray {
            // The elements before this one were quarantined: its separator loses its comma.
            let lead: Vec<u8> = lead.iter().copied().filter(|&b| b != b',').collect();
            self.write(&lead)?;
        } else {
            self.write(lead)?;
        }
        self.wrote_element = true;
        self.write(bytes)
    }

    fn write_quarantine(&mut self, bytes: &[u8]) -> Result<(), DatasetError> {
        let name = &self.options.quarantine_name;
        let Some(q) = self.quarantine.as_mut() else {
            return Ok(());
        };
        if let Some(header) = self.quarantine_header.take() {
            q.write_all(&header).map_err(|e| write_error(name, e))?;
        }
        q.write_all(bytes).map_err(|e| write_error(name, e))
    }

    fn flush(&mut self) -> Result<(), DatasetError> {
        self.output
            .flush()
            .map_err(|e| write_error(&self.options.output_name, e))?;
        if let Some(q) = self.quarantine.as_mut() {
            q.flush()
                .map_err(|e| write_error(&self.options.quarantine_name, e))?;
        }
        Ok(())
    }
}

fn write_error(target: &str, source: io::Error) -> DatasetError {
    DatasetError::Write {
        target: target.to_string(),
        source,
    }
}

/// A batch of items as read.
struct Batch {
    index: u64,
    items: Vec<Item>,
    records: u64,
    /// Input bytes read up to the end of this batch.
    bytes_in: u64,
    /// The error that ended reading after these items.
    end: Option<DatasetError>,
    last: bool,
}

/// A processed batch.
struct Done {
    index: u64,
    outcomes: Vec<Outcome>,
    tally: Tally,
    records: u64,
    bytes_in: u64,
    end: Option<DatasetError>,
    last: bool,
}

/// How far the writer has got, so the reader stays at most `window` batches ahead.
struct Flow {
    state: Mutex<FlowState>,
    wake: Condvar,
}

struct FlowState {
    written: u64,
    stop: bool,
}

impl Flow {
    fn lock(&self) -> std::sync::MutexGuard<'_, FlowState> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn stop(&self) {
        self.lock().stop = true;
        self.wake.notify_all();
    }
}

/// Runs the reader and workers and hands each processed batch, in input order, to `write`.
fn run_threads(
    mut items: Box<dyn ReadItems>,
    job: Arc<Job>,
    threads: usize,
    options: &RunOptions,
    mut write: impl FnMut(Done) -> Result<(), DatasetError>,
) -> Result<(), DatasetError> {
    let window = 2 * threads as u64 + 2;
    let flow = Arc::new(Flow {
        state: Mutex::new(FlowState {
            written: 0,
            stop: false,
        }),
        wake: Condvar::new(),
    });
    let (batch_tx, batch_rx) = sync_channel::<Batch>(window as usize);
    let (done_tx, done_rx) = sync_channel::<Done>(window as usize);
    let batch_rx = Arc::new(Mutex::new(batch_rx));

    let reader = {
        let flow = Arc::clone(&flow);
        let (batch_records, batch_bytes) = (options.batch_records, options.batch_bytes);
        let cancel = options.cancel.clone();
        thread::spawn(move || {
            read_batches(
                &mut *items,
                &batch_tx,
                &flow,
                window,
                batch_records,
                batch_bytes,
                cancel,
            )
        })
    };
    let workers: Vec<_> = (0..threads)
        .map(|_| {
            let (job, rx, tx) = (Arc::clone(&job), Arc::clone(&batch_rx), done_tx.clone());
            let cancel = options.cancel.clone();
            thread::spawn(move || work(&job, &rx, &tx, cancel))
        })
        .collect();
    drop(done_tx);

    let result = write_in_order(&done_rx, &flow, options, &mut write);
    flow.stop();
    drop(done_rx);
    if result.is_ok() {
        // Everything was read and written, so no thread is waiting on input.
        for w in workers {
            let _ = w.join();
        }
        let _ = reader.join();
    }
    // On error the threads stop by themselves: the reader at its next batch (or when a blocked read
    // returns), the workers when their channels close.
    result
}

fn write_in_order(
    done_rx: &Receiver<Done>,
    flow: &Flow,
    options: &RunOptions,
    write: &mut impl FnMut(Done) -> Result<(), DatasetError>,
) -> Result<(), DatasetError> {
    let mut pending: BTreeMap<u64, Done> = BTreeMap::new();
    let mut next = 0;
    loop {
        if options.cancelled() {
            return Err(DatasetError::Interrupted);
        }
        let done = done_rx.recv().map_err(|_| {
            if options.cancelled() {
                DatasetError::Interrupted
            } else {
                DatasetError::Read {
                    source_name: options.source_name.clone(),
                    source: io::Error::other("a worker thread stopped unexpectedly"),
                }
            }
        })?;
        pending.insert(done.index, done);
        while let Some(mut done) = pending.remove(&next) {
            let (end, last) = (done.end.take(), done.last);
            write(done)?;
            next += 1;
            flow.lock().written = next;
            flow.wake.notify_all();
            if let Some(e) = end {
                return Err(e);
            }
            if last {
                return Ok(());
            }
        }
    }
}

fn read_batches(
    items: &mut dyn ReadItems,
    tx: &SyncSender<Batch>,
    flow: &Flow,
    window: u64,
    batch_records: usize,
    batch_bytes: usize,
    cancel: Option<Arc<AtomicBool>>,
) {
    for index in 0.. {
        {
            let mut state = flow.lock();
            while index >= state.written + window && !state.stop {
                state = flow.wake.wait(state).unwrap_or_else(|e| e.into_inner());
            }
            if state.stop {
                return;
            }
        }
        if cancel.as_ref().is_some_and(|c| c.load(Ordering::Relaxed)) {
            return;
        }
        let mut batch = Batch {
            index,
            items: Vec::new(),
            records: 0,
            bytes_in: 0,
            end: None,
            last: false,
        };
        let mut size = 0;
        while batch.records < batch_records as u64 && size < batch_bytes {
            match items.next_item() {
                Ok(Some(item)) => {
                    if let Item::Record(r) = &item {
                        batch.records += 1;
                        size += r.size();
                    }
                    batch.items.push(item);
                }
                Ok(None) => {
                    batch.last = true;
                    break;
                }
                Err(e) => {
                    batch.end = Some(e);
                    break;
                }
            }
        }
        batch.bytes_in = items.bytes_read();
        let stop = batch.last || batch.end.is_some();
        if tx.send(batch).is_err() || stop {
            return;
        }
    }
}

fn work(
    job: &Job,
    rx: &Mutex<Receiver<Batch>>,
    tx: &SyncSender<Done>,
    cancel: Option<Arc<AtomicBool>>,
) {
    loop {
        let batch = {
            let rx = rx.lock().unwrap_or_else(|e| e.into_inner());
            match rx.recv() {
                Ok(b) => b,
                Err(_) => return,
            }
        };
        if cancel.as_ref().is_some_and(|c| c.load(Ordering::Relaxed)) {
            return;
        }
        let mut tally = job.scrubber.tally();
        let outcomes = batch
            .items
            .into_iter()
            .map(|item| job.process(item, &mut tally))
            .collect();
        let done = Done {
            index: batch.index,
            outcomes,
            tally,
            records: batch.records,
            bytes_in: batch.bytes_in,
            end: batch.end,
            last: batch.last,
        };
        if tx.send(done).is_err() {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::Policy;

    fn scrubber() -> Scrubber {
        let policy = Policy {
            entities: Some(vec!["EMAIL_ADDRESS".into()]),
            ..Policy::default()
        };
        Scrubber::new(&policy).unwrap()
    }

    fn scrub(input: &'static [u8], format: Format) -> Result<(Vec<u8>, Report), DatasetError> {
        let mut out = Vec::new();
        let options = RunOptions::new(format).threads(2).batch_records(1);
        let report = scrubber().scrub(input, &mut out, None, &options)?;
        Ok((out, report))
    }

    #[test]
    fn csv_keeps_its_byte_order_mark() {
        let (out, report) =
            scrub(b"\xEF\xBB\xBFid,t\r\n1,jo@example.com\r\n", Format::Csv).unwrap();
        assert_eq!(out, b"\xEF\xBB\xBFid,t\r\n1,<EMAIL_ADDRESS>\r\n");
        assert_eq!((report.records_in, report.records_changed), (1, 1));
    }

    #[test]
    fn empty_inputs() {
        assert_eq!(scrub(b"", Format::Jsonl).unwrap().0, b"");
        assert_eq!(scrub(b"", Format::Csv).unwrap().0, b"");
        assert_eq!(scrub(b"id,t\n", Format::Csv).unwrap().0, b"id,t\n");
        assert!(matches!(
            scrub(b"", Format::JsonArray),
            Err(DatasetError::Structure { .. })
        ));
    }

    #[test]
    fn errors_after_good_records_are_reported_in_order() {
        let err = scrub(b"{}\n{}\n{\n{}\n", Format::Jsonl).unwrap_err();
        assert_eq!(
            err.to_string(),
            "<input>:3: record 3: invalid JSON at column 1: EOF while parsing an object"
        );
    }

    #[test]
    fn a_set_cancel_flag_interrupts() {
        let cancel = Arc::new(AtomicBool::new(true));
        let options = RunOptions::new(Format::Jsonl).cancel(cancel);
        let err = scrubber()
            .scrub(&b"{}\n"[..], &mut Vec::new(), None, &options)
            .unwrap_err();
        assert!(matches!(err, DatasetError::Interrupted));
    }

    #[test]
    fn progress_is_reported_per_batch() {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&seen);
        let options = RunOptions::new(Format::Jsonl)
            .batch_records(2)
            .progress(move |p| sink.lock().unwrap().push(p.records));
        scrubber()
            .scrub(&b"{}\n{}\n{}\n"[..], &mut Vec::new(), None, &options)
            .unwrap();
        assert_eq!(*seen.lock().unwrap(), [2, 3]);
    }
}
