//! Thailand: national ID number.

use std::sync::Arc;

use super::{B, Compact, proven};
use crate::recognizers::{Languages, Spec};
use crate::validate::th_tnin as tnin_ok;
use crate::{EntityType, Pattern, PatternRecognizer, Validation};

/// Province digit pairs (2nd and 3rd digits) that ISO 3166-2:TH does not assign, as in Presidio.
const UNASSIGNED: &[&[u8; 2]] = &[
    b"28", b"29", b"59", b"68", b"69", b"78", b"79", b"87", b"88", b"89", b"97", b"98", b"99",
];

/// `ThTninRecognizer` (`TH_TNIN`, Thai, off by default): 13 digits, bare or grouped `1-2345-67890-12-3`
/// (dashes or spaces, as printed on the card; Presidio finds only the bare form), person category 1–8, an
/// assigned province pair and the mod-11 check digit; valid numbers score 1.0, others are dropped.
pub fn th_tnin() -> PatternRecognizer {
    PatternRecognizer::builder("ThTninRecognizer", EntityType::new("TH_TNIN"))
        .patterns([
            Pattern::new("TNIN (Medium)", format!(r"{B}[1-8]\d{{12}}{B}"), 0.5),
            Pattern::new(
                "TNIN (grouped with dashes)",
                format!(r"{B}[1-8]-\d{{4}}-\d{{5}}-\d{{2}}-\d{B}"),
                0.5,
            ),
            Pattern::new(
                "TNIN (grouped with spaces)",
                format!(r"{B}[1-8] \d{{4}} \d{{5}} \d{{2}} \d{B}"),
                0.5,
            ),
        ])
        .context([
            "Thai National ID",
            "Thai ID Number",
            "TNIN",
            "เลขประจำตัวประชาชน",
            "เลขบัตรประชาชน",
            "รหัสปชช",
        ])
        .validator(validate)
        .language("th")
        .build()
        .expect("constant TNIN patterns compile (tested)")
}

fn validate(value: &str) -> Validation {
    let Some(c) = Compact::new(value, |b| b == b'-' || b == b' ') else {
        return Validation::Invalid;
    };
    let v = c.as_str();
    let province_ok = v
        .as_bytes()
        .get(1..3)
        .is_some_and(|p| p[0] != b'0' && !UNASSIGNED.iter().any(|u| &u[..] == p));
    proven(province_ok && tnin_ok(v))
}

/// Catalog entry.
pub(crate) const SPECS: &[Spec] = &[Spec {
    name: "ThTninRecognizer",
    languages: Languages::Only(&["th"]),
    enabled_by_default: false,
    build: || Arc::new(th_tnin()),
}];
