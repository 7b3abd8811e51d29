//! Spain: DNI/NIF, NIE and passport numbers.

use std::sync::Arc;

use super::{B, proven};
use crate::recognizers::{Languages, Spec};
use crate::validate::{es_nie as nie_ok, es_nif as nif_ok};
use crate::{EntityType, Pattern, PatternRecognizer};

/// `EsNifRecognizer` (`ES_NIF`, Spanish): 8 digits (7 for old documents) and the mod-23 control letter,
/// also written `12345678-Z` or `12.345.678-Z`. Only numbers with the right letter are reported (score 1.0).
pub fn es_nif() -> PatternRecognizer {
    PatternRecognizer::builder("EsNifRecognizer", EntityType::new("ES_NIF"))
        .patterns([
            Pattern::new("NIF", format!(r"{B}\d{{7,8}}-?[A-Za-z]{B}"), 0.5),
            Pattern::new(
                "NIF (dotted)",
                format!(r"{B}\d{{1,2}}\.\d{{3}}\.\d{{3}}-?[A-Za-z]{B}"),
                0.5,
            ),
        ])
        .context([
            "documento nacional de identidad",
            "DNI",
            "NIF",
            "identificación",
        ])
        .validator(|v| proven(nif_ok(v)))
        .language("es")
        .build()
        .expect("constant NIF patterns compile (tested)")
}

/// `EsNieRecognizer` (`ES_NIE`, Spanish): `X`, `Y` or `Z`, 7 digits and the mod-23 control letter, with
/// optional dashes (`X-1234567-L`). Only numbers with the right letter are reported (score 1.0).
pub fn es_nie() -> PatternRecognizer {
    PatternRecognizer::builder("EsNieRecognizer", EntityType::new("ES_NIE"))
        .pattern(Pattern::new(
            "NIE",
            format!(r"{B}[XYZxyz]-?\d{{7}}-?[A-Za-z]{B}"),
            0.5,
        ))
        .context(["número de identificación de extranjero", "NIE"])
        .validator(|v| proven(nie_ok(v)))
        .language("es")
        .build()
        .expect("constant NIE pattern compiles (tested)")
}

/// `EsPassportRecognizer` (`ES_PASSPORT`, Spanish, off by default): 3 upper-case letters and 6 digits. No
/// check digit exists, so the score is Presidio's 0.05 until a context word (`pasaporte`) raises it.
pub fn es_passport() -> PatternRecognizer {
    PatternRecognizer::builder("EsPassportRecognizer", EntityType::new("ES_PASSPORT"))
        .pattern(Pattern::new(
            "ES_PASSPORT",
            format!(r"{B}[A-Z]{{3}}\d{{6}}{B}"),
            0.05,
        ))
        .context([
            "pasaporte",
            "passport",
            "número de pasaporte",
            "passport number",
        ])
        .language("es")
        .build()
        .expect("constant passport pattern compiles (tested)")
}

/// Catalog entries.
pub(crate) const SPECS: &[Spec] = &[
    Spec {
        name: "EsNifRecognizer",
        languages: Languages::Only(&["es"]),
        enabled_by_default: true,
        build: || Arc::new(es_nif()),
    },
    Spec {
        name: "EsNieRecognizer",
        languages: Languages::Only(&["es"]),
        enabled_by_default: true,
        build: || Arc::new(es_nie()),
    },
    Spec {
        name: "EsPassportRecognizer",
        languages: Languages::Only(&["es"]),
        enabled_by_default: false,
        build: || Arc::new(es_passport()),
    },
];
