//! Australian Business Number (ABN): 11 digits whose weighted sum, after subtracting 1 from the first
//! digit, is divisible by 89 (ATO, "Format of the ABN").

use super::grouped::{grouped_digits, weighted_sum};

const WEIGHTS: [u32; 11] = [10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19];

/// Whether `value` (11 digits, optionally grouped by spaces or dashes) passes the ABN mod-89 check.
///
/// # Example
///
/// ```
/// assert!(piiscrub::validate::au_abn("51 824 753 556")); // the ATO's own ABN
/// assert!(!piiscrub::validate::au_abn("51 824 753 557"));
/// ```
pub fn au_abn(value: &str) -> bool {
    let Some(mut d) = grouped_digits::<11>(value) else {
        return false;
    };
    // The two leading check digits make the first digit at least 1.
    let Some(first) = d[0].checked_sub(1) else {
        return false;
    };
    d[0] = first;
    weighted_sum(&d, &WEIGHTS) % 89 == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_abns() {
        // 51 824 753 556: the Australian Taxation Office (abr.business.gov.au); 83 914 571 673 and
        // 53 004 085 616: python-stdnum's documented examples (cross-checked with stdnum.au.abn).
        for v in ["51 824 753 556", "83914571673", "53-004-085-616"] {
            assert!(au_abn(v), "{v}");
        }
        for v in [
            "51 824 753 557",
            "99 999 999 999",
            "00000000000",
            "5182475355",
            "518247535561",
            "51 824 753 55a",
        ] {
            assert!(!au_abn(v), "{v}");
        }
    }
}
