//! South African income tax reference number (SARS): 10 digits, first digit 0, 1, 2, 3 or 9, Luhn check.

use super::grouped::grouped_digits;
use super::luhn::luhn_digits;

/// Whether `value` (10 digits, optionally grouped) is a well-formed SARS tax reference number.
///
/// # Example
///
/// ```
/// assert!(piiscrub::validate::za_tax_number("0001339050"));
/// assert!(!piiscrub::validate::za_tax_number("0001339051"));
/// ```
pub fn za_tax_number(value: &str) -> bool {
    let Some(d) = grouped_digits::<10>(value) else {
        return false;
    };
    matches!(d[0], 0..=3 | 9) && d.iter().any(|&x| x != 0) && luhn_digits(d.into_iter())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_numbers() {
        // 0001339050: python-stdnum's example (from the OECD TIN sheet for South Africa); 2449494160 is
        // its invalid example ("2449/494/16/0"). 9125568098 has a computed Luhn digit; 4001339052 is
        // Luhn-valid but starts with 4 (a VAT number, not an income tax number).
        for v in ["0001339050", "9125568098"] {
            assert!(za_tax_number(v), "{v}");
        }
        for v in [
            "2449494160",
            "0001339051",
            "4001339052",
            "0000000000",
            "000133905",
        ] {
            assert!(!za_tax_number(v), "{v}");
        }
    }
}
