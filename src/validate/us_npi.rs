//! US National Provider Identifier (NPI): 10 digits starting with 1 or 2, whose Luhn check is computed
//! with the card-issuer prefix `80840` in front (CMS, "NPI check digit").

use super::grouped::grouped_digits;
use super::luhn::luhn_digits;

/// Whether `value` (10 digits, optionally grouped `1234 567 893`) passes the NPI check digit.
///
/// # Example
///
/// ```
/// assert!(piiscrub::validate::us_npi("1234567893"));
/// assert!(!piiscrub::validate::us_npi("1234567890"));
/// ```
pub fn us_npi(value: &str) -> bool {
    let Some(d) = grouped_digits::<10>(value) else {
        return false;
    };
    matches!(d[0], 1 | 2) && luhn_digits([8, 0, 8, 4, 0].into_iter().chain(d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cms_example() {
        // 123456789 -> check digit 3 is the worked example in CMS's "Requirements for the NPI check
        // digit"; 1245319599 and 1679576722 are widely used example NPIs (checked with python-stdnum luhn).
        for v in ["1234567893", "1234 567 893", "1245319599", "1679576722"] {
            assert!(us_npi(v), "{v}");
        }
        for v in [
            "1234567890",
            "3234567893",
            "123456789",
            "12345678931",
            "123456789a",
        ] {
            assert!(!us_npi(v), "{v}");
        }
    }
}
