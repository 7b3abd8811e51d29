//! US DEA registration numbers: registrant-type letter, name letter (or `9`), seven digits with a check
//! digit.

/// First letters the DEA assigns by registrant type (practitioners, mid-level practitioners, hospitals,
/// pharmacies, manufacturers, distributors, researchers, narcotic treatment programs, DATA-waived
/// practitioners, …), as Presidio lists them.
const REGISTRANT_TYPES: &[u8] = b"ABCDEFGHJKLMPRSTUX";

/// Whether `value` is a DEA registration number such as `AB1234563`: nine characters, upper-case
/// registrant-type letter, a letter or `9`, seven digits, and the check digit:
/// `(d1 + d3 + d5) + 2 × (d2 + d4 + d6)` ends in `d7`.
///
/// # Example
///
/// ```
/// use piiscrub::validate::dea_is_valid;
/// assert!(dea_is_valid("AB1234563"));
/// assert!(!dea_is_valid("AB1234564"));
/// ```
pub fn dea_is_valid(value: &str) -> bool {
    let s = value.as_bytes();
    let (Some(&kind), Some(&name), Some(digits)) = (s.first(), s.get(1), s.get(2..)) else {
        return false;
    };
    if s.len() != 9
        || !REGISTRANT_TYPES.contains(&kind)
        || !(name.is_ascii_uppercase() || name == b'9')
        || !digits.iter().all(u8::is_ascii_digit)
    {
        return false;
    }
    let d = |i: usize| u32::from(digits.get(i).map_or(0, |b| b - b'0'));
    let sum = d(0) + d(2) + d(4) + 2 * (d(1) + d(3) + d(5));
    sum % 10 == d(6)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_numbers() {
        // AB1234563 is the usual textbook illustration of the DEA check digit; the others have check
        // digits computed here by the rule above.
        for n in [
            "AB1234563",
            "BJ6125341",
            "AP5836727",
            "MS0000000",
            "F91234563",
            "XL7654329",
        ] {
            assert!(dea_is_valid(n), "{n}");
        }
    }

    #[test]
    fn near_misses() {
        for n in [
            "AB1234564",  // check digit
            "AB1234536",  // transposition
            "IB1234563",  // I is not a registrant type
            "ZB1234563",  // nor Z
            "A91234563x", // too long
            "AB123456",   // too short
            "ab1234563",  // lower case
            "A81234563",  // second character a digit other than 9
            "AB12345é3",
            "",
        ] {
            assert!(!dea_is_valid(n), "{n}");
        }
    }
}
