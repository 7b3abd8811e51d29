//! Poland: PESEL.

use std::sync::Arc;

use super::{B, proven};
use crate::recognizers::{Languages, Spec};
use crate::validate::pl_pesel as pesel_ok;
use crate::{EntityType, Pattern, PatternRecognizer};

/// `PlPeselRecognizer` (`PL_PESEL`, Polish): 11 digits with a real birth date (the month carries the
/// century) and the 1-3-7-9 check digit; valid numbers score 1.0, others are dropped. Presidio's pattern
/// has no boundaries, so it reports 11 digits inside longer digit runs.
pub fn pl_pesel() -> PatternRecognizer {
    PatternRecognizer::builder("PlPeselRecognizer", EntityType::new("PL_PESEL"))
        .pattern(Pattern::new("PESEL", format!(r"{B}\d{{11}}{B}"), 0.4))
        .context(["PESEL"])
        .validator(|v| proven(pesel_ok(v)))
        .language("pl")
        .build()
        .expect("constant PESEL pattern compiles (tested)")
}

/// Catalog entry.
pub(crate) const SPECS: &[Spec] = &[Spec {
    name: "PlPeselRecognizer",
    languages: Languages::Only(&["pl"]),
    enabled_by_default: true,
    build: || Arc::new(pl_pesel()),
}];
