//! Finland: henkilötunnus (personal identity code).

use std::sync::Arc;

use super::{B, proven};
use crate::recognizers::{Languages, Spec};
use crate::validate::fi_hetu;
use crate::{EntityType, Pattern, PatternRecognizer};

/// `FiPersonalIdentityCodeRecognizer` (`FI_PERSONAL_IDENTITY_CODE`, Finnish, off by default):
/// `DDMMYYCNNNQ` with the century signs `+`, `-`, `A` and the 2023 additions `B`–`F`, `U`–`Y`; a real
/// birth date and the mod-31 control character give 1.0, anything else is dropped. Presidio also runs an
/// unbounded copy of the pattern, which finds codes inside longer tokens; this one does not.
pub fn fi_personal_identity_code() -> PatternRecognizer {
    PatternRecognizer::builder(
        "FiPersonalIdentityCodeRecognizer",
        EntityType::new("FI_PERSONAL_IDENTITY_CODE"),
    )
    .pattern(Pattern::new(
        "Finnish Personal Identity Code (Medium)",
        format!(r"{B}\d{{6}}[-+A-FU-Y]\d{{3}}[0-9A-FHJ-NPR-Y]{B}"),
        0.5,
    ))
    .context([
        "hetu",
        "henkilötunnus",
        "personbeteckningen",
        "personal identity code",
    ])
    .validator(|v| proven(fi_hetu(v)))
    .language("fi")
    .build()
    .expect("constant HETU pattern compiles (tested)")
}

/// Catalog entry.
pub(crate) const SPECS: &[Spec] = &[Spec {
    name: "FiPersonalIdentityCodeRecognizer",
    languages: Languages::Only(&["fi"]),
    enabled_by_default: false,
    build: || Arc::new(fi_personal_identity_code()),
}];
