//! Philippines: passport, TIN and UMID (Presidio's `Ph*Recognizer`s, off by default).

use std::sync::Arc;

use super::{B, off_en, whole};
use crate::recognizers::Spec;
use crate::validate::ph_tin as tin_ok;
use crate::{EntityType, Pattern, PatternRecognizer, Recognizer};

/// Catalog entries, off by default as in Presidio's `default_recognizers.yaml`.
pub(crate) const SPECS: &[Spec] = &[
    off_en("PhPassportRecognizer", || Arc::new(ph_passport())),
    off_en("PhTinRecognizer", || Arc::new(ph_tin())),
    off_en("PhUmidRecognizer", || Arc::new(ph_umid())),
];

/// `PhPassportRecognizer` (`PH_PASSPORT`): `P1234567A` or `AB1234567`, upper case; 0.1, context
/// `passport`, `pasaporte`, `dfa`, ….
pub fn ph_passport() -> impl Recognizer {
    whole(
        PatternRecognizer::builder("PhPassportRecognizer", EntityType::new("PH_PASSPORT"))
            .pattern(Pattern::new(
                "Passport",
                format!(r"{B}(?:[A-Z]\d{{7}}[A-Z]|[A-Z]{{2}}\d{{7}}){B}"),
                0.1,
            ))
            .context([
                "passport",
                "passport number",
                "passport no",
                "passport id",
                "travel document",
                "philippine passport",
                "philippines passport",
                "pasaporte",
                "dfa",
            ]),
    )
}

/// `PhTinRecognizer` (`PH_TIN`): `123-456-782` or `123-456-782-000` (0.05) and compact 9 or 12 digits
/// (0.01), gated by the weighted mod-11 check digit; context `tin`, `bir`, `tax id`, ….
pub fn ph_tin() -> impl Recognizer {
    whole(
        PatternRecognizer::builder("PhTinRecognizer", EntityType::new("PH_TIN"))
            .patterns([
                Pattern::new(
                    "TIN (dashed)",
                    format!(r"{B}\d{{3}}-\d{{3}}-\d{{3}}(?:-\d{{3}})?{B}"),
                    0.05,
                ),
                Pattern::new(
                    "TIN (compact)",
                    format!(r"{B}(?:\d{{9}}|\d{{12}}){B}"),
                    0.01,
                ),
            ])
            .context([
                "tin",
                "taxpayer identification number",
                "bir",
                "taxpayer id",
                "tax id",
                "rdo",
                "revenue district office",
            ])
            .invalidator(|v| !tin_ok(v)),
    )
}

/// `PhUmidRecognizer` (`PH_UMID`): the UMID common reference number, `0028-1234567-8` (0.4) or 12
/// compact digits (0.05; Presidio gives any 12-digit number 0.3); context `umid`, `crn`, `sss`, `gsis`, ….
pub fn ph_umid() -> impl Recognizer {
    whole(
        PatternRecognizer::builder("PhUmidRecognizer", EntityType::new("PH_UMID"))
            .patterns([
                Pattern::new("UMID (dashed)", format!(r"{B}\d{{4}}-\d{{7}}-\d{B}"), 0.4),
                Pattern::new("UMID (compact)", format!(r"{B}\d{{12}}{B}"), 0.05),
            ])
            .context([
                "umid",
                "unified multi-purpose id",
                "unified multipurpose id",
                "crn",
                "common reference number",
                "sss",
                "gsis",
                "philhealth",
                "pag-ibig",
                "umid number",
                "umid card",
            ]),
    )
}
