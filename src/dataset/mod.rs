//! Datasets: scrub fine-tuning data (JSONL, JSON arrays, CSV) on all cores, streaming, nothing lost.
//!
//! A [`Policy`] (TOML or JSON) says which fields to scrub, which entity types to look for, with which
//! threshold, allow and deny lists, which operator applies to each entity type (per field, too), and
//! which fields to keep or drop. A [`Scrubber`] compiles it once; [`Scrubber::scrub`] then streams a
//! dataset through a reader thread, worker threads and an ordered writer, and returns a [`Report`] of
//! counts. Records come out in input order, in the input's format, with every byte outside the replaced
//! values as it was; malformed records stop the run or go to a quarantine file, never silently away.
//! [`AtomicFile`] keeps partial output from ever appearing under the final name.
//!
//! ```
//! use piiscrub::dataset::{Format, Policy, RunOptions, Scrubber};
//!
//! let policy = Policy::from_toml(r#"
//!     fields = ["messages[*].content"]
//!     [operators]
//!     EMAIL_ADDRESS = { type = "mask", masking_char = "*", chars_to_mask = 100 }
//! "#)?;
//! let scrubber = Scrubber::new(&policy)?;
//! let input = concat!(
//!     r#"{"messages": [{"role": "user", "content": "I'm jo@example.com"}], "score": 1.0}"#, "\n",
//!     r#"{"messages": [{"role": "user", "content": "hello"}], "score": 1e5}"#, "\n",
//! );
//! let mut output = Vec::new();
//! let report = scrubber.scrub(input.as_bytes(), &mut output, None, &RunOptions::new(Format::Jsonl))?;
//! assert_eq!(String::from_utf8(output).unwrap(), concat!(
//!     r#"{"messages": [{"role": "user", "content": "I'm **************"}], "score": 1.0}"#, "\n",
//!     r#"{"messages": [{"role": "user", "content": "hello"}], "score": 1e5}"#, "\n",
//! ));
//! assert_eq!(report.fields["messages[*].content"]["EMAIL_ADDRESS"], 1);
//! # Ok::<(), piiscrub::dataset::DatasetError>(())
//! ```
//!
//! Available with the cargo feature `dataset`; the `piiscrub` command-line tool (feature `cli`) is a
//! thin layer over this module.

mod csv;
mod error;
mod format;
mod json_array;
mod json_scan;
mod jsonl;
mod output;
mod path;
mod pipeline;
mod policy;
mod report;
mod scrubber;
mod source;

pub use error::{DatasetError, ErrorCategory, Problem};
pub use format::Format;
pub use output::AtomicFile;
pub use path::FieldPath;
pub use pipeline::{Progress, RunOptions};
pub use policy::{DenyList, Policy};
pub use report::Report;
pub use scrubber::Scrubber;
