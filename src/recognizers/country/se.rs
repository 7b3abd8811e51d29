//! Sweden: personnummer (with samordningsnummer) and organisationsnummer.

use std::sync::Arc;

use super::{B, plausible, proven};
use crate::recognizers::{Languages, Spec};
use crate::validate::{se_organisationsnummer as orgnr_ok, se_personnummer as pnr_ok};
use crate::{EntityType, Pattern, PatternRecognizer, Validation};

/// `SePersonnummerRecognizer` (`SE_PERSONNUMMER`, Swedish, off by default): `YYMMDD-NNNC`, `YYMMDD+NNNC`,
/// `YYYYMMDD-NNNC`, `YYYYMMDDNNNC` and bare `YYMMDDNNNC`; samordningsnummer (day + 60) included. A real
/// date and the Luhn check give 1.0, except for the bare 10-digit form, which any 10-digit number with a
/// date-like start passes one time in ten: it stays at 0.3 until context (`personnummer`) raises it.
pub fn se_personnummer() -> PatternRecognizer {
    PatternRecognizer::builder(
        "SePersonnummerRecognizer",
        EntityType::new("SE_PERSONNUMMER"),
    )
    .patterns([
        Pattern::new(
            "Swedish Personnummer (separator)",
            format!(r"{B}(?:18|19|20)?\d{{6}}[-+]\d{{4}}{B}"),
            0.5,
        ),
        Pattern::new(
            "Swedish Personnummer (12 digits)",
            format!(r"{B}(?:18|19|20)\d{{10}}{B}"),
            0.5,
        ),
        Pattern::new(
            "Swedish Personnummer (10 digits, weak)",
            format!(r"{B}\d{{10}}{B}"),
            0.3,
        ),
    ])
    .context([
        "personnummer",
        "svenskt personnummer",
        "svensk id",
        "ssn",
        "personal identity number",
        "samordningsnummer",
        "pnr",
    ])
    .validator(|v| weak_if_bare(v, pnr_ok(v)))
    .language("sv")
    .build()
    .expect("constant personnummer patterns compile (tested)")
}

/// `SeOrganisationsnummerRecognizer` (`SE_ORGANISATIONSNUMMER`, Swedish, off by default): `NNNNNN-NNNC`
/// (optionally `16`-prefixed) or 10 bare digits; legal-form group, third digit ≥ 2 and the Luhn check. The
/// hyphenated form scores 1.0 when valid; the bare form stays at 0.3 until context (`orgnr`) raises it.
pub fn se_organisationsnummer() -> PatternRecognizer {
    PatternRecognizer::builder(
        "SeOrganisationsnummerRecognizer",
        EntityType::new("SE_ORGANISATIONSNUMMER"),
    )
    .patterns([
        Pattern::new(
            "Swedish Organisationsnummer (Medium)",
            format!(r"{B}(?:16)?\d{{6}}-\d{{4}}{B}"),
            0.6,
        ),
        Pattern::new(
            "Swedish Organisationsnummer (10 digits, weak)",
            format!(r"{B}(?:16)?\d{{10}}{B}"),
            0.3,
        ),
    ])
    .context(["organisationsnummer", "orgnr", "org nr", "företagsnummer"])
    .validator(|v| weak_if_bare(v, orgnr_ok(v)))
    .language("sv")
    .build()
    .expect("constant organisationsnummer patterns compile (tested)")
}

/// A valid bare 10-digit number is only plausible; a valid separated or 12-digit one is proven.
fn weak_if_bare(value: &str, ok: bool) -> Validation {
    if value.len() == 10 && value.bytes().all(|b| b.is_ascii_digit()) {
        plausible(ok)
    } else {
        proven(ok)
    }
}

/// Catalog entries.
pub(crate) const SPECS: &[Spec] = &[
    Spec {
        name: "SeOrganisationsnummerRecognizer",
        languages: Languages::Only(&["sv"]),
        enabled_by_default: false,
        build: || Arc::new(se_organisationsnummer()),
    },
    Spec {
        name: "SePersonnummerRecognizer",
        languages: Languages::Only(&["sv"]),
        enabled_by_default: false,
        build: || Arc::new(se_personnummer()),
    },
];
