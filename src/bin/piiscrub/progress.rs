//! The progress bar on standard error (only drawn on a terminal): bytes, records, MB/s, ETA.

use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use piiscrub::dataset::Progress;

/// A bar over `total` input bytes, or a spinner when the size is unknown (standard input).
pub fn bar(total: Option<u64>) -> ProgressBar {
    let bar = match total {
        Some(total) => ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr()),
        None => ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr()),
    };
    let template = if total.is_some() {
        "{spinner} {elapsed_precise} [{wide_bar}] {decimal_bytes}/{decimal_total_bytes} {decimal_bytes_per_sec} ETA {eta} {msg}"
    } else {
        "{spinner} {elapsed_precise} {decimal_bytes} {decimal_bytes_per_sec} {msg}"
    };
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

pub fn update(bar: &ProgressBar, p: &Progress) {
    bar.set_position(p.bytes_in);
    bar.set_message(format!("{} records", p.records));
}
