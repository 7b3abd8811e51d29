//! UK_NHS: NHS numbers (England, Wales, Isle of Man), ten digits with a mod-11 check digit.

use super::catalog::{Languages, Spec};
use super::standalone::{StandalonePatternRecognizer, standalone_number};
use crate::validate::nhs_is_valid;
use crate::{EntityType, Pattern, PatternRecognizer, Validation};

/// `NhsRecognizer`: `943 476 5919`, `943-476-5919` or `9434765919` passing the mod-11 check (check digit
/// 10 never valid; all-same digits rejected); a failed check drops the match.
///
/// Scores differ from Presidio, which gives every mod-11 pass 1.0: one ten-digit number in eleven passes
/// mod 11, and NHS numbers share the 3-3-4 layout of North American phone numbers. So a pass that could
/// also be a NANP number (first and fourth digits 2–9, as in `212 555 0142`) keeps the base score 0.3 and
/// needs context (`nhs`, `health service`, …) to reach 0.65; other passes score 1.0. Digits that continue
/// a longer number (`+1 212 555 0142` → the `+`, decimals, dates) are not matched.
pub fn nhs() -> StandalonePatternRecognizer {
    let b = r"(?-u:\b)";
    let inner = PatternRecognizer::builder("NhsRecognizer", EntityType::UK_NHS)
        .patterns([
            Pattern::new("NHS compact (weak)", format!(r"{b}\d{{10}}{b}"), 0.3),
            Pattern::new(
                "NHS spaced (weak)",
                format!(r"{b}\d{{3}} \d{{3}} \d{{4}}{b}"),
                0.3,
            ),
            Pattern::new(
                "NHS dashed (weak)",
                format!(r"{b}\d{{3}}-\d{{3}}-\d{{4}}{b}"),
                0.3,
            ),
        ])
        .context([
            "nhs",
            "nhs number",
            "national health service",
            "health service",
            "health services authority",
            "health authority",
            "patient",
        ])
        .validator(validate)
        .build()
        .expect("constant NHS patterns compile (tested)");
    StandalonePatternRecognizer::new(inner, standalone_number)
}

fn validate(value: &str) -> Validation {
    if !nhs_is_valid(value) {
        return Validation::Invalid;
    }
    let mut digits = value.bytes().filter(u8::is_ascii_digit);
    let d1 = digits.next();
    let d4 = digits.nth(2);
    let nanp = |d: Option<u8>| d.is_some_and(|d| (b'2'..=b'9').contains(&d));
    if nanp(d1) && nanp(d4) {
        Validation::Unknown
    } else {
        Validation::Valid
    }
}

/// Catalog entry.
pub(crate) const SPECS: &[Spec] = &[Spec {
    name: "NhsRecognizer",
    languages: Languages::Only(&["en"]),
    enabled_by_default: true,
    build: || std::sync::Arc::new(nhs()),
}];
