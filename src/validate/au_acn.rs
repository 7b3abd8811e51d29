//! Australian Company Number (ACN): 9 digits, the last a complement-of-mod-10 check over weights 8..1
//! (ASIC).

use super::grouped::{grouped_digits, weighted_sum};

/// Whether `value` (9 digits, optionally grouped) passes the ACN check digit.
///
/// # Example
///
/// ```
/// assert!(piiscrub::validate::au_acn("004 085 616"));
/// assert!(!piiscrub::validate::au_acn("004 085 617"));
/// ```
pub fn au_acn(value: &str) -> bool {
    let Some(d) = grouped_digits::<9>(value) else {
        return false;
    };
    let sum = weighted_sum(&d[..8], &[8, 7, 6, 5, 4, 3, 2, 1]);
    (10 - sum % 10) % 10 == u32::from(d[8])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_acns() {
        // 000 000 019 is ASIC's worked example; 004 085 616 and 010 499 966 are python-stdnum's examples.
        for v in ["000 000 019", "004085616", "010-499-966", "005 499 981"] {
            assert!(au_acn(v), "{v}");
        }
        for v in ["999 999 999", "004 085 617", "00408561", "0040856166"] {
            assert!(!au_acn(v), "{v}");
        }
    }
}
