//! South African identity number: `YYMMDD SSSS C A Z` — date of birth, sequence (gender), citizenship
//! (0 citizen, 1 permanent resident, 2 refugee), a legacy digit 8 or 9, and a Luhn check digit.

use super::civil_date::{is_date, today};
use super::grouped::grouped_digits;
use super::luhn::luhn_digits;

/// Whether `value` (13 digits, optionally grouped `800101 5009 087`) is a valid South African ID number:
/// a real birth date not in the future (two-digit years pivot on the current year), citizenship 0–2,
/// legacy digit 8 or 9, and the Luhn check.
///
/// # Example
///
/// ```
/// assert!(piiscrub::validate::za_id_number("8001015009087"));
/// assert!(!piiscrub::validate::za_id_number("8001015009088"));
/// ```
pub fn za_id_number(value: &str) -> bool {
    let Some(d) = grouped_digits::<13>(value) else {
        return false;
    };
    let two = |i: usize| u32::from(d[i]) * 10 + u32::from(d[i + 1]);
    let (yy, month, day) = (two(0), two(2), two(4));
    let (ty, tm, td) = today();
    let pivot = u32::try_from(ty.rem_euclid(100)).unwrap_or(0);
    let century = if yy > pivot { 1900 } else { 2000 };
    let year = century + i32::try_from(yy).unwrap_or(0);
    is_date(year, month, day)
        && (year, month, day) <= (ty, tm, td)
        && d[10] <= 2
        && (d[11] == 8 || d[11] == 9)
        && luhn_digits(d.iter().copied())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_ids() {
        // 8001015009087: the example ID in Wikipedia's "South African identity card" article;
        // 7503305044089: python-stdnum's documented example. Both check with stdnum.za.idnr.
        for v in ["8001015009087", "7503305044089", "800101 5009 087"] {
            assert!(za_id_number(v), "{v}");
        }
        for v in [
            "8001015009088", // Luhn
            "8503305044089", // python-stdnum's invalid example
            "8002305009084", // 30 February (Luhn digit recomputed)
            "8001015009384", // citizenship 3 (Luhn digit recomputed)
            "8001015009079", // legacy digit 7 (Luhn-valid; Presidio rejects it too)
            "800101500908",  // 12 digits
            "9202204720082", // fails Luhn
        ] {
            assert!(!za_id_number(v), "{v}");
        }
    }

    #[test]
    fn two_digit_years_pivot_on_today() {
        let (y, _, _) = today();
        // 1 January of next year, in the 2000s pivot: build the ID and fix its Luhn digit.
        let yy = (y + 1).rem_euclid(100);
        let body = format!("{yy:02}0101500908");
        let check = (0..10)
            .map(|c| format!("{body}{c}"))
            .find(|v| luhn_digits(v.bytes().map(|b| b - b'0')))
            .unwrap();
        // A year above the pivot is read as 19xx, so it is accepted as a past date.
        assert!(za_id_number(&check));
        let this_year = format!("{:02}1231500908", y.rem_euclid(100));
        let id = (0..10)
            .map(|c| format!("{this_year}{c}"))
            .find(|v| luhn_digits(v.bytes().map(|b| b - b'0')))
            .unwrap();
        // 31 December of this year is in the future unless today is 31 December.
        let (_, m, d) = today();
        assert_eq!(za_id_number(&id), (m, d) == (12, 31));
    }
}
