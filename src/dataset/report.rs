//! [`Report`]: what a run did, in counts; never a value from the data.

use std::collections::BTreeMap;

use serde::Serialize;

use super::scrubber::Tally;

/// At most this many distinct field names are reported; the rest are counted under [`Report::OTHER_FIELDS`].
const MAX_FIELDS: usize = 10_000;

/// The outcome of a scrub or analyze run: counts per entity type and field, records and bytes, time.
///
/// It holds no value from the data: fields are named by their path (object keys are treated as schema),
/// problems by their kind. `records_in == records_out + records_quarantined` after every successful run.
///
/// # Example
///
/// ```
/// use piiscrub::dataset::{Format, Policy, RunOptions, Scrubber};
///
/// let input = b"{\"prompt\": \"I am jo@example.com\"}\n{\"prompt\": \"hello\"}\n";
/// let mut output = Vec::new();
/// let scrubber = Scrubber::new(&Policy::default())?;
/// let report = scrubber.scrub(&input[..], &mut output, None, &RunOptions::new(Format::Jsonl))?;
/// assert_eq!((report.records_in, report.records_changed), (2, 1));
/// assert_eq!(report.fields["prompt"]["EMAIL_ADDRESS"], 1);
/// assert!(!report.to_json().contains("jo@example.com"));
/// # Ok::<(), piiscrub::dataset::DatasetError>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Report {
    /// `scrub` or `analyze`.
    pub mode: &'static str,
    /// The input format.
    pub format: &'static str,
    /// Worker threads used.
    pub threads: usize,
    /// Records read.
    pub records_in: u64,
    /// Records written to the output.
    pub records_out: u64,
    /// Malformed records written to the quarantine file.
    pub records_quarantined: u64,
    /// Records whose output differs from their input (a value replaced or a field dropped).
    pub records_changed: u64,
    /// Bytes read.
    pub bytes_in: u64,
    /// Bytes written to the output.
    pub bytes_out: u64,
    /// Wall-clock time of the run.
    pub elapsed_seconds: f64,
    /// Findings per entity type, over all fields.
    pub entities: BTreeMap<String, u64>,
    /// Findings per field path (indices written `[*]`), then per entity type.
    pub fields: BTreeMap<String, BTreeMap<String, u64>>,
    /// Quarantined records per kind of problem (`invalid_json`, `invalid_utf8`, `not_an_object`,
    /// `column_count`).
    pub quarantined_problems: BTreeMap<String, u64>,
    /// Field paths named by the policy that selected no string value in any record: a typo, or a field
    /// the data does not have.
    pub fields_never_matched: Vec<String>,
}

impl Report {
    /// The field name under which findings of fields beyond the first 10,000 distinct ones are counted.
    pub const OTHER_FIELDS: &'static str = "(other fields)";

    /// The report as pretty-printed JSON.
    pub fn to_json(&self) -> String {
        // Maps with string keys and numbers: serialisation cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Input throughput in MB/s (10^6 bytes per second).
    pub fn megabytes_per_second(&self) -> f64 {
        if self.elapsed_seconds > 0.0 {
            self.bytes_in as f64 / 1e6 / self.elapsed_seconds
        } else {
            0.0
        }
    }

    pub(crate) fn add(&mut self, tally: Tally) {
        self.records_changed += tally.changed;
        for (kind, n) in tally.problems {
            *self
                .quarantined_problems
                .entry(kind.to_string())
                .or_default() += n;
        }
        for (field, counts) in tally.fields {
            let key = if self.fields.len() < MAX_FIELDS || self.fields.contains_key(&field) {
                field
            } else {
                Self::OTHER_FIELDS.to_string()
            };
            let entry = self.fields.entry(key).or_default();
            for (entity, n) in counts {
                *self.entities.entry(entity.clone()).or_default() += n;
                *entry.entry(entity).or_default() += n;
            }
        }
    }
}
