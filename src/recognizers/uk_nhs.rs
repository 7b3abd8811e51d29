//! UK_NHS: NHS numbers (England, Wales, Isle of Man), ten digits with a mod-11 check digit.

use super::catalog::{Languages, Spec};
use super::standalone::{StandalonePatternRecognizer, standalone_number};
use crate::analyzer::word::digits;
use crate::analyzer::{Alt, Fast, Needs};
use crate::validate::nhs_is_valid;
use crate::{EntityType, Pattern, PatternRecognizer, Validation};

/// `NhsRecognizer`: `943 476 5919`, `943-476-5919` or `9434765919` passing the mod-11 check (check digit
/// 10 never valid; all-same digits rejected); a failed check drops the match.
///
/// Scores differ from Presidio, which gives every mod-11 pass 1.0: one ten-digit number in eleven passes
/// mod 11 (phone numbers, Unix timestamps, order numbers), and NHS numbers share the 3-3-4 layout of
/// North American phone numbers. So a pass scores 1.0 only when it lies in an issued range (England,
/// Wales and Isle of Man 400–499 and 600–799 million, Northern Ireland 320–399 million) and cannot be a
/// NANP number (fourth digit 0 or 1); every other pass, such as `943 476 5919` or `1703847288`, keeps the
/// base score 0.3 and needs context (`nhs`, `health service`, `patient`, …) to reach 0.65. Digits that
/// continue a longer number (`+44…`, decimals, dates) are not matched.
pub fn nhs() -> StandalonePatternRecognizer {
    let b = r"(?-u:\b)";
    let inner = PatternRecognizer::builder("NhsRecognizer", EntityType::UK_NHS)
        .fast_patterns([
            (
                Pattern::new("NHS compact (weak)", format!(r"{b}\d{{10}}{b}"), 0.3),
                Needs::digit_run(10),
                Fast::Words(const { &[Alt::word(&[digits::<10>], (10, 10)).pure()] }),
            ),
            (
                Pattern::new(
                    "NHS spaced (weak)",
                    format!(r"{b}\d{{3}} \d{{3}} \d{{4}}{b}"),
                    0.3,
                ),
                Needs::digit_chain(10).and(Needs::digit_run(4)),
                Fast::Words(
                    const {
                        &[Alt::new(
                            &[digits::<3>, digits::<3>, digits::<4>],
                            &[b" ", b" "],
                            0,
                            (3, 3),
                        )
                        .pure()]
                    },
                ),
            ),
            (
                Pattern::new(
                    "NHS dashed (weak)",
                    format!(r"{b}\d{{3}}-\d{{3}}-\d{{4}}{b}"),
                    0.3,
                ),
                Needs::digit_chain(10).and(Needs::byte(b'-', 2)),
                Fast::Words(
                    const {
                        &[Alt::new(
                            &[digits::<3>, digits::<3>, digits::<4>],
                            &[b"-", b"-"],
                            0,
                            (3, 3),
                        )
                        .pure()]
                    },
                ),
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
    let mut digits = value.bytes().filter(u8::is_ascii_digit).map(|d| d - b'0');
    let (d1, d2, d3) = (digits.next(), digits.next(), digits.next());
    let d4 = digits.next();
    let issued = match (d1, d2) {
        (Some(4 | 6 | 7), _) => true, // England, Wales, Isle of Man
        (Some(3), Some(d2)) => d2 >= 2 && d3.is_some(), // Northern Ireland: 320–399 million
        _ => false,
    };
    let nanp = d1.is_some_and(|d| d >= 2) && d4.is_some_and(|d| d >= 2);
    if issued && !nanp {
        Validation::Valid
    } else {
        Validation::Unknown
    }
}

/// Catalog entry.
pub(crate) const SPECS: &[Spec] = &[Spec {
    name: "NhsRecognizer",
    languages: Languages::Only(&["en"]),
    enabled_by_default: true,
    build: || std::sync::Arc::new(nhs()),
}];
