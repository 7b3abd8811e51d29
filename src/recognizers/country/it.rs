//! Italy: codice fiscale, partita IVA, driving licence, identity card and passport numbers.

use std::sync::Arc;

use super::{B, proven};
use crate::recognizers::{Languages, Spec};
use crate::validate::{it_fiscal_code as fiscal_ok, it_vat_code as vat_ok};
use crate::{EntityType, Pattern, PatternRecognizer};

fn it(
    name: &str,
    entity: &str,
    patterns: impl IntoIterator<Item = Pattern>,
    context: &[&str],
) -> crate::PatternRecognizerBuilder {
    let mut b = PatternRecognizer::builder(name, EntityType::new(entity));
    b.patterns(patterns)
        .context(context.iter().copied())
        .language("it");
    b
}

/// `ItFiscalCodeRecognizer` (`IT_FISCAL_CODE`, Italian): the 16-character codice fiscale, any case, with
/// omocodia letters in the numeric positions; the month letter, the day (+40 for women) and the check
/// character must be right. Only valid codes are reported (score 1.0); Presidio keeps codes with a wrong
/// check character at 0.3 and matches inside longer tokens.
pub fn it_fiscal_code() -> PatternRecognizer {
    let n = "[0-9LMNP-V]";
    it(
        "ItFiscalCodeRecognizer",
        "IT_FISCAL_CODE",
        [Pattern::new(
            "Fiscal Code",
            format!(r"(?i-u:\b[A-Z]{{6}}{n}{{2}}[A-EHLMPR-T]{n}{{2}}[A-Z]{n}{{3}}[A-Z]\b)"),
            0.3,
        )],
        &["codice fiscale", "cf"],
    )
    .validator(|v| proven(fiscal_ok(v)))
    .build()
    .expect("constant fiscal code pattern compiles (tested)")
}

/// `ItDriverLicenseRecognizer` (`IT_DRIVER_LICENSE`, Italian): `AA1234567B` or `U1` + 7 + 1 characters,
/// upper-case. No check exists: Presidio's 0.2 until context (`patente`) raises it.
pub fn it_driver_license() -> PatternRecognizer {
    it(
        "ItDriverLicenseRecognizer",
        "IT_DRIVER_LICENSE",
        [Pattern::new(
            "Driver License",
            format!(r"{B}(?:[A-Z]{{2}}\d{{7}}[A-Z]|U1[BCDEFGHLJKMNPRSTUWYXZ0-9]{{7}}[A-Z]){B}"),
            0.2,
        )],
        &["patente", "patente di guida", "licenza", "licenza di guida"],
    )
    .build()
    .expect("constant driver licence pattern compiles (tested)")
}

/// `ItVatCodeRecognizer` (`IT_VAT_CODE`, Italian): the 11-digit partita IVA, optionally prefixed `IT`;
/// a real provincial office code and the Luhn check digit give 1.0, anything else is dropped.
pub fn it_vat_code() -> PatternRecognizer {
    it(
        "ItVatCodeRecognizer",
        "IT_VAT_CODE",
        [Pattern::new(
            "IT Vat code (piva)",
            format!(r"{B}(?:IT ?)?\d{{11}}{B}"),
            0.1,
        )],
        &["piva", "partita iva", "p.iva", "pi"],
    )
    .validator(|v| {
        let digits = v.trim_start_matches("IT").trim_start();
        proven(vat_ok(digits))
    })
    .build()
    .expect("constant VAT pattern compiles (tested)")
}

/// `ItIdentityCardRecognizer` (`IT_IDENTITY_CARD`, Italian): paper cards `AA 1234567`, CIE 2.0 `1234567AA`
/// and CIE 3.0 `AA12345AA`, upper-case. Very weak (0.01) without context (`carta d'identità`).
pub fn it_identity_card() -> PatternRecognizer {
    it(
        "ItIdentityCardRecognizer",
        "IT_IDENTITY_CARD",
        [
            Pattern::new(
                "Paper-based Identity Card (very weak)",
                format!(r"{B}[A-Z]{{2}} ?\d{{7}}{B}"),
                0.01,
            ),
            Pattern::new(
                "Electronic Identity Card (CIE) 2.0 (very weak)",
                format!(r"{B}\d{{7}}[A-Z]{{2}}{B}"),
                0.01,
            ),
            Pattern::new(
                "Electronic Identity Card (CIE) 3.0 (very weak)",
                format!(r"{B}[A-Z]{{2}}\d{{5}}[A-Z]{{2}}{B}"),
                0.01,
            ),
        ],
        &[
            "carta",
            "identità",
            "elettronica",
            "cie",
            "documento",
            "riconoscimento",
            "espatrio",
        ],
    )
    .build()
    .expect("constant identity card patterns compile (tested)")
}

/// `ItPassportRecognizer` (`IT_PASSPORT`, Italian): 2 upper-case letters and 7 digits. Very weak (0.01)
/// without context (`passaporto`).
pub fn it_passport() -> PatternRecognizer {
    it(
        "ItPassportRecognizer",
        "IT_PASSPORT",
        [Pattern::new(
            "Passport (very weak)",
            format!(r"{B}[A-Z]{{2}}\d{{7}}{B}"),
            0.01,
        )],
        &[
            "passaporto",
            "elettronico",
            "italiano",
            "viaggio",
            "viaggiare",
            "estero",
            "documento",
            "dogana",
        ],
    )
    .build()
    .expect("constant passport pattern compiles (tested)")
}

/// Catalog entries.
pub(crate) const SPECS: &[Spec] = &[
    Spec {
        name: "ItDriverLicenseRecognizer",
        languages: Languages::Only(&["it"]),
        enabled_by_default: true,
        build: || Arc::new(it_driver_license()),
    },
    Spec {
        name: "ItFiscalCodeRecognizer",
        languages: Languages::Only(&["it"]),
        enabled_by_default: true,
        build: || Arc::new(it_fiscal_code()),
    },
    Spec {
        name: "ItVatCodeRecognizer",
        languages: Languages::Only(&["it"]),
        enabled_by_default: true,
        build: || Arc::new(it_vat_code()),
    },
    Spec {
        name: "ItIdentityCardRecognizer",
        languages: Languages::Only(&["it"]),
        enabled_by_default: true,
        build: || Arc::new(it_identity_card()),
    },
    Spec {
        name: "ItPassportRecognizer",
        languages: Languages::Only(&["it"]),
        enabled_by_default: true,
        build: || Arc::new(it_passport()),
    },
];
