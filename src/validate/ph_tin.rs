//! Philippine Taxpayer Identification Number (TIN): 9 digits (plus an optional 3-digit branch code) whose
//! 9th digit is the weighted sum of the first 8 (weights 9..2) mod 11.

use super::grouped::{grouped_digits, weighted_sum};

/// Whether `value` (9 or 12 digits, optionally grouped `123-456-782-000`) passes the TIN check digit.
/// All-zero numbers are rejected.
///
/// # Example
///
/// ```
/// assert!(piiscrub::validate::ph_tin("123-456-782-000"));
/// assert!(!piiscrub::validate::ph_tin("123-456-788"));
/// ```
pub fn ph_tin(value: &str) -> bool {
    let d: [u8; 9] = match grouped_digits::<9>(value) {
        Some(d) => d,
        None => match grouped_digits::<12>(value) {
            Some(d) => {
                let mut first = [0u8; 9];
                first.copy_from_slice(&d[..9]);
                first
            }
            None => return false,
        },
    };
    d.iter().any(|&x| x != 0)
        && weighted_sum(&d[..8], &[9, 8, 7, 6, 5, 4, 3, 2]) % 11 == u32::from(d[8])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_digits() {
        // Hand-computed with the weights Presidio's PhTinRecognizer applies: 12345678 gives
        // 9+16+21+24+25+24+21+16 = 156, and 156 % 11 = 2, so 123-456-782 is valid and 123-456-789 is not.
        // 987-654-321: 81+64+49+36+25+16+9+4 = 284, 284 % 11 = 9 -> 987-654-329.
        for v in ["123-456-782", "123456782", "123-456-782-000", "987 654 329"] {
            assert!(ph_tin(v), "{v}");
        }
        for v in [
            "123-456-788",
            "123-456-78",
            "123-456-782-00",
            "12345678a",
            "000-000-000",
        ] {
            assert!(!ph_tin(v), "{v}");
        }
    }
}
