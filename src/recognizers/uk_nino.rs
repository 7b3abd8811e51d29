//! UK_NINO: UK National Insurance numbers.

use super::catalog::{Languages, Spec};
use super::standalone::{StandalonePatternRecognizer, standalone_code};
use crate::validate::uk_nino_is_valid;
use crate::{EntityType, Pattern, PatternRecognizer, Validation};

/// `UkNinoRecognizer`: `AB123456C` or `AB 12 34 56 C` with HMRC's prefix rules (no D, F, I, Q, U, V; no O
/// second; never BG, GB, KN, NK, NT, TN, ZZ) and suffix A–D, upper case, score 0.5 (Presidio's). Off by
/// default, as in Presidio. Presidio lets each space be present or not independently (`AB 1234 56C`); only
/// the two written forms are accepted here.
pub fn uk_nino() -> StandalonePatternRecognizer {
    let b = r"(?-u:\b)";
    let inner = PatternRecognizer::builder("UkNinoRecognizer", EntityType::UK_NINO)
        .patterns([
            Pattern::new(
                "NINO compact (medium)",
                format!(r"{b}[A-Z]{{2}}\d{{6}}[A-D]{b}"),
                0.5,
            ),
            Pattern::new(
                "NINO spaced (medium)",
                format!(r"{b}[A-Z]{{2}} \d{{2}} \d{{2}} \d{{2}} [A-D]{b}"),
                0.5,
            ),
        ])
        .context([
            "national insurance",
            "ni number",
            "ni no",
            "nino",
            "insurance number",
            "nic",
        ])
        .validator(|v| {
            if uk_nino_is_valid(v) {
                Validation::Unknown
            } else {
                Validation::Invalid
            }
        })
        .build()
        .expect("constant NINO patterns compile (tested)");
    StandalonePatternRecognizer::new(inner, standalone_code)
}

/// Catalog entry.
pub(crate) const SPECS: &[Spec] = &[Spec {
    name: "UkNinoRecognizer",
    languages: Languages::Only(&["en"]),
    enabled_by_default: false,
    build: || std::sync::Arc::new(uk_nino()),
}];
