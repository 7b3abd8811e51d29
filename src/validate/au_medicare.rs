//! Australian Medicare card number: 10 digits — a first digit 2–6, 7 more digits, a check digit (weights
//! 1,3,7,9,1,3,7,9 mod 10) and the card's issue number.

use super::grouped::{grouped_digits, weighted_sum};

/// Whether `value` (10 digits, optionally grouped `2123 45670 1`) is a well-formed Medicare number.
///
/// # Example
///
/// ```
/// assert!(piiscrub::validate::au_medicare("2123 45670 1"));
/// assert!(!piiscrub::validate::au_medicare("2123 45671 1"));
/// ```
pub fn au_medicare(value: &str) -> bool {
    let Some(d) = grouped_digits::<10>(value) else {
        return false;
    };
    (2..=6).contains(&d[0])
        && weighted_sum(&d[..8], &[1, 3, 7, 9, 1, 3, 7, 9]) % 10 == u32::from(d[8])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sample_numbers() {
        // 2123 45670 1 is the widely used sample Medicare number (check digit: 2+3+14+27+4+15+42+63 = 170
        // -> 0); the others have check digits computed by hand (3111 1111: 3+3+7+9+1+3+7+9 = 42 -> 2).
        for v in ["2123 45670 1", "2123456701", "3111 11112 1", "2428 77813 2"] {
            assert!(au_medicare(v), "{v}");
        }
        for v in [
            "2123 45671 1",
            "1123 45670 1",
            "7123 45670 1",
            "2123 4567 1",
            "212345670",
        ] {
            assert!(!au_medicare(v), "{v}");
        }
    }
}
