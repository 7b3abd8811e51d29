//! Canada: Social Insurance Number and postal code (Presidio's `CaSinRecognizer` and
//! `CaPostalCodeRecognizer`, off by default, English and French).

use std::sync::Arc;

use super::{B, off_en_fr, whole};
use crate::recognizers::Spec;
use crate::validate::grouped::grouped_digits;
use crate::validate::luhn_digits;
use crate::{EntityType, Pattern, PatternRecognizer, Recognizer};

/// Catalog entries, off by default as in Presidio's `default_recognizers.yaml`.
pub(crate) const SPECS: &[Spec] = &[
    off_en_fr("CaSinRecognizer", || Arc::new(ca_sin())),
    off_en_fr("CaPostalCodeRecognizer", || Arc::new(ca_postal_code())),
];

/// `CaSinRecognizer` (`CA_SIN`): 9 digits, first digit not 0 or 8, Luhn check (a gate). `130 692 544` /
/// `130-692-544` with one separator kind (Presidio's back-reference, restated as two patterns) score 0.5,
/// compact 0.05. Context in English and French: `sin`, `social insurance`, `nas`, `assurance sociale`, ….
pub fn ca_sin() -> impl Recognizer {
    whole(
        PatternRecognizer::builder("CaSinRecognizer", EntityType::new("CA_SIN"))
            .patterns([
                Pattern::new(
                    "SIN (spaced)",
                    format!(r"{B}[1-79]\d{{2}} \d{{3}} \d{{3}}{B}"),
                    0.5,
                ),
                Pattern::new(
                    "SIN (dashed)",
                    format!(r"{B}[1-79]\d{{2}}-\d{{3}}-\d{{3}}{B}"),
                    0.5,
                ),
                Pattern::new("SIN (compact)", format!(r"{B}[1-79]\d{{8}}{B}"), 0.05),
            ])
            .context([
                "sin",
                "sin number",
                "social insurance",
                "social insurance number",
                "canada",
                "nas",
                "numéro nas",
                "numéro d'assurance sociale",
                "assurance sociale",
            ])
            .invalidator(|v| !grouped_digits::<9>(v).is_some_and(|d| luhn_digits(d.into_iter()))),
    )
}

/// `CaPostalCodeRecognizer` (`CA_POSTAL_CODE`): `K1A 0B1` (0.3) and `K1A0B1` (0.1), upper case, with
/// Canada Post's letter rules (no D, F, I, O, Q, U; no W or Z first). Context: `postal code`, `canada`,
/// `ontario`, `code postal`, ….
pub fn ca_postal_code() -> impl Recognizer {
    let first = "[ABCEGHJ-NPRSTVXY]";
    let other = "[ABCEGHJ-NPRSTV-Z]";
    whole(
        PatternRecognizer::builder("CaPostalCodeRecognizer", EntityType::new("CA_POSTAL_CODE"))
            .patterns([
                Pattern::new(
                    "Postal code (spaced)",
                    format!(r"{B}{first}\d{other} \d{other}\d{B}"),
                    0.3,
                ),
                Pattern::new(
                    "Postal code (compact)",
                    format!(r"{B}{first}\d{other}\d{other}\d{B}"),
                    0.1,
                ),
            ])
            .context([
                "postal code",
                "postcode",
                "zip",
                "canada",
                "ontario",
                "quebec",
                "québec",
                "alberta",
                "british columbia",
                "code postal",
            ]),
    )
}
