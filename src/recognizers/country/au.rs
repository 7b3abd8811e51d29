//! Australia: ABN, ACN, TFN and Medicare numbers (Presidio's `Au*Recognizer`s, off by default).

use std::sync::Arc;

use super::{B, off_en, whole};
use crate::recognizers::Spec;
use crate::validate::{
    au_abn as abn_ok, au_acn as acn_ok, au_medicare as medicare_ok, au_tfn as tfn_ok,
};
use crate::{EntityType, Pattern, PatternRecognizer, Recognizer, Validation};

/// Catalog entries, off by default as in Presidio's `default_recognizers.yaml`.
pub(crate) const SPECS: &[Spec] = &[
    off_en("AuAbnRecognizer", || Arc::new(au_abn())),
    off_en("AuAcnRecognizer", || Arc::new(au_acn())),
    off_en("AuTfnRecognizer", || Arc::new(au_tfn())),
    off_en("AuMedicareRecognizer", || Arc::new(au_medicare())),
];

/// `AuAbnRecognizer` (`AU_ABN`): 11 digits, printed `51 824 753 556` or compact, with the mod-89 check.
/// A spaced ABN that passes scores 1.0 (one random 11-digit value in 89 passes, and the 2-3-3-3 layout is
/// the ABR's own); a compact one keeps 0.3 and needs context (`abn`, `australian business number`).
pub fn au_abn() -> impl Recognizer {
    whole(
        PatternRecognizer::builder("AuAbnRecognizer", EntityType::new("AU_ABN"))
            .patterns([
                Pattern::new(
                    "ABN (spaced)",
                    format!(r"{B}\d{{2}} \d{{3}} \d{{3}} \d{{3}}{B}"),
                    0.3,
                ),
                Pattern::new("ABN (compact)", format!(r"{B}\d{{11}}{B}"), 0.3),
            ])
            .context(["australian business number", "abn"])
            .validator(|v| match (abn_ok(v), v.contains(' ')) {
                (false, _) => Validation::Invalid,
                (true, true) => Validation::Valid,
                (true, false) => Validation::Unknown,
            }),
    )
}

/// `AuAcnRecognizer` (`AU_ACN`): 9 digits (`004 085 616` or compact) with ASIC's check digit. The check
/// passes one random value in 10, so it only gates: spaced 0.2, compact 0.05, raised by context
/// (`acn`, `australian company number`).
pub fn au_acn() -> impl Recognizer {
    whole(
        PatternRecognizer::builder("AuAcnRecognizer", EntityType::new("AU_ACN"))
            .patterns(nine_digits("ACN"))
            .context(["australian company number", "acn"])
            .invalidator(|v| !acn_ok(v)),
    )
}

/// `AuTfnRecognizer` (`AU_TFN`): 9 digits (`123 456 782` or compact) with the ATO's mod-11 check, which
/// only gates (spaced 0.2, compact 0.05); context: `tfn`, `tax file number`.
pub fn au_tfn() -> impl Recognizer {
    whole(
        PatternRecognizer::builder("AuTfnRecognizer", EntityType::new("AU_TFN"))
            .patterns(nine_digits("TFN"))
            .context(["tax file number", "tfn"])
            .invalidator(|v| !tfn_ok(v)),
    )
}

/// `AuMedicareRecognizer` (`AU_MEDICARE`): 10 digits starting 2–6, printed `2123 45670 1` (0.3) or compact
/// (0.05), with the weighted mod-10 check digit as a gate; context: `medicare`.
pub fn au_medicare() -> impl Recognizer {
    whole(
        PatternRecognizer::builder("AuMedicareRecognizer", EntityType::new("AU_MEDICARE"))
            .patterns([
                Pattern::new(
                    "Medicare (spaced)",
                    format!(r"{B}[2-6]\d{{3}} \d{{5}} \d{B}"),
                    0.3,
                ),
                Pattern::new("Medicare (compact)", format!(r"{B}[2-6]\d{{9}}{B}"), 0.05),
            ])
            .context(["medicare"])
            .invalidator(|v| !medicare_ok(v)),
    )
}

/// `123 456 782` (0.2) and `123456782` (0.05).
fn nine_digits(what: &str) -> [Pattern; 2] {
    [
        Pattern::new(
            format!("{what} (spaced)"),
            format!(r"{B}\d{{3}} \d{{3}} \d{{3}}{B}"),
            0.2,
        ),
        Pattern::new(format!("{what} (compact)"), format!(r"{B}\d{{9}}{B}"), 0.05),
    ]
}
