//! US_SSN: US Social Security Numbers, with the SSA's invalid ranges rejected.

use super::catalog::{Languages, Spec};
use crate::analyzer::word::digits;
use crate::analyzer::{Alt, Fast, Needs};
use crate::validate::us_ssn_is_invalid;
use crate::{EntityType, Pattern, PatternRecognizer};

/// `UsSsnRecognizer`: Presidio's five patterns and scores. The unseparated and oddly grouped forms are very
/// weak (0.05) and need context (`ssn`, `social security`) to matter; `123-45-6789`-style forms with one
/// delimiter kind score 0.5.
pub fn us_ssn() -> PatternRecognizer {
    let b = r"(?-u:\b)";
    PatternRecognizer::builder("UsSsnRecognizer", EntityType::US_SSN)
        .fast_patterns([
            (
                Pattern::new("SSN1 (very weak)", format!(r"{b}\d{{5}}-\d{{4}}{b}"), 0.05),
                Needs::digit_run(5).and(Needs::digit_chain(9)),
                Fast::Words(
                    const { &[Alt::new(&[digits::<5>, digits::<4>], &[b"-"], 0, (5, 5)).pure()] },
                ),
            ),
            (
                Pattern::new("SSN2 (very weak)", format!(r"{b}\d{{3}}-\d{{6}}{b}"), 0.05),
                Needs::digit_run(6).and(Needs::digit_chain(9)),
                Fast::Words(
                    const { &[Alt::new(&[digits::<3>, digits::<6>], &[b"-"], 0, (3, 3)).pure()] },
                ),
            ),
            (
                Pattern::new(
                    "SSN3 (very weak)",
                    format!(r"{b}\d{{3}}-\d{{2}}-\d{{4}}{b}"),
                    0.05,
                ),
                Needs::digit_chain(9).and(Needs::byte(b'-', 2)),
                Fast::Words(
                    const {
                        &[Alt::new(
                            &[digits::<3>, digits::<2>, digits::<4>],
                            &[b"-", b"-"],
                            0,
                            (3, 3),
                        )
                        .pure()]
                    },
                ),
            ),
            (
                Pattern::new("SSN4 (very weak)", format!(r"{b}\d{{9}}{b}"), 0.05),
                Needs::digit_run(9),
                Fast::Words(const { &[Alt::word(&[digits::<9>], (9, 9)).pure()] }),
            ),
            (
                Pattern::new(
                    "SSN5 (medium)",
                    format!(r"{b}\d{{3}}[- .]\d{{2}}[- .]\d{{4}}{b}"),
                    0.5,
                ),
                Needs::digit_chain(9).and(Needs::digit_run(4)),
                Fast::Words(
                    const {
                        &[Alt::new(
                            &[digits::<3>, digits::<2>, digits::<4>],
                            &[b"- .", b"- ."],
                            0,
                            (3, 3),
                        )
                        .pure()]
                    },
                ),
            ),
        ])
        .context(["social", "security", "ssn", "ssns", "ssn#", "ss#", "ssid"])
        .negative_context(super::cue::PART_WORDS.iter().copied())
        .invalidator(invalid)
        .build()
        .expect("constant SSN patterns compile (tested)")
}

/// Presidio's SSN1/SSN2 groupings (`12345-6789`) are not SSN layouts the SSA issues, but Presidio reports
/// them; the digit rules still apply to them.
fn invalid(value: &str) -> bool {
    us_ssn_is_invalid(value)
}

/// Catalog entry.
pub(crate) const SPECS: &[Spec] = &[Spec {
    name: "UsSsnRecognizer",
    languages: Languages::Only(&["en"]),
    enabled_by_default: true,
    build: || std::sync::Arc::new(us_ssn()),
}];
