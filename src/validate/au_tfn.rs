//! Australian Tax File Number (TFN): 9 digits whose weighted sum (1,4,3,7,5,8,6,9,10) is divisible by 11.

use super::grouped::{grouped_digits, weighted_sum};

/// Whether `value` (9 digits, optionally grouped) passes the TFN mod-11 check. All-zero is rejected.
///
/// # Example
///
/// ```
/// assert!(piiscrub::validate::au_tfn("123 456 782"));
/// assert!(!piiscrub::validate::au_tfn("123 456 781"));
/// ```
pub fn au_tfn(value: &str) -> bool {
    let Some(d) = grouped_digits::<9>(value) else {
        return false;
    };
    d.iter().any(|&x| x != 0) && weighted_sum(&d, &[1, 4, 3, 7, 5, 8, 6, 9, 10]) % 11 == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_tfns() {
        // 123 456 782: python-stdnum's documented example; the others are widely used test TFNs, each
        // cross-checked with stdnum.au.tfn.
        for v in [
            "123 456 782",
            "876543210",
            "459 599 230",
            "112-474-082",
            "565 051 603",
        ] {
            assert!(au_tfn(v), "{v}");
        }
        for v in [
            "999 999 999",
            "123 456 781",
            "000 000 000",
            "12345678",
            "1234567820",
        ] {
            assert!(!au_tfn(v), "{v}");
        }
    }
}
