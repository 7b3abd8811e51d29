//! Turkey: TC Kimlik No and vehicle licence plates.

use std::sync::Arc;

use super::{B, proven};
use crate::recognizers::{Languages, Spec};
use crate::validate::tr_tckn;
use crate::{EntityType, Pattern, PatternRecognizer};

/// `TrNationalIdRecognizer` (`TR_NATIONAL_ID`, Turkish, off by default): 11 digits, the first not 0, with
/// NVİ's two check digits; valid numbers score 1.0, others are dropped.
pub fn tr_national_id() -> PatternRecognizer {
    PatternRecognizer::builder("TrNationalIdRecognizer", EntityType::new("TR_NATIONAL_ID"))
        .pattern(Pattern::new(
            "TR_NATIONAL_ID",
            format!(r"{B}[1-9]\d{{10}}{B}"),
            0.3,
        ))
        .context([
            "tc kimlik",
            "kimlik no",
            "kimlik numarası",
            "tckn",
            "tc no",
            "nüfus cüzdanı",
            "national id",
            "turkish id",
            "türk kimlik",
        ])
        .validator(|v| proven(tr_tckn(v)))
        .language("tr")
        .build()
        .expect("constant TCKN pattern compiles (tested)")
}

/// `TrLicensePlateRecognizer` (`TR_LICENSE_PLATE`, Turkish, off by default): province 01–81, 1–3
/// upper-case letters of the plate alphabet (no Q, W, X) and 2–5 digits, with spaces, dashes or nothing
/// between the groups (the same each time). The letter and digit counts must be one of the regulation's
/// layouts (`99 X 9999`, `99 X 99999`, `99 XX 999`, `99 XX 9999`, `99 XXX 99`, `99 XXX 999`). No check
/// exists, so the score stays at 0.3 until context (`plaka`) raises it; Presidio's validator returns 1.0
/// for every match because its regex already limits the province.
pub fn tr_license_plate() -> PatternRecognizer {
    PatternRecognizer::builder(
        "TrLicensePlateRecognizer",
        EntityType::new("TR_LICENSE_PLATE"),
    )
    .pattern(Pattern::new(
        "TR License Plate",
        format!(r"{B}(?:0[1-9]|[1-7]\d|8[01])[ -]?[A-PR-VYZ]{{1,3}}[ -]?\d{{2,5}}{B}"),
        0.3,
    ))
    .context([
        "plaka",
        "araç plakası",
        "plaka numarası",
        "kayıt plakası",
        "tr plaka",
        "license plate",
        "number plate",
        "plate",
        "taşıt plakası",
    ])
    .invalidator(|v| !plate_layout_ok(v))
    .language("tr")
    .build()
    .expect("constant plate pattern compiles (tested)")
}

/// Whether a matched plate uses one separator kind and a regulation layout.
fn plate_layout_ok(value: &str) -> bool {
    let b = value.as_bytes();
    let mut sep = None;
    let mut sep_count = 0;
    let (mut letters, mut digits) = (0, 0);
    for &c in b.get(2..).unwrap_or_default() {
        match c {
            b' ' | b'-' => {
                if sep.is_some_and(|s| s != c) {
                    return false;
                }
                sep = Some(c);
                sep_count += 1;
            }
            b'A'..=b'Z' => letters += 1,
            _ => digits += 1,
        }
    }
    let seps_ok = sep_count == 0 || sep_count == 2;
    let layout_ok = matches!((letters, digits), (1, 4 | 5) | (2, 3 | 4) | (3, 2 | 3));
    seps_ok && layout_ok
}

/// Catalog entries.
pub(crate) const SPECS: &[Spec] = &[
    Spec {
        name: "TrNationalIdRecognizer",
        languages: Languages::Only(&["tr"]),
        enabled_by_default: false,
        build: || Arc::new(tr_national_id()),
    },
    Spec {
        name: "TrLicensePlateRecognizer",
        languages: Languages::Only(&["tr"]),
        enabled_by_default: false,
        build: || Arc::new(tr_license_plate()),
    },
];
