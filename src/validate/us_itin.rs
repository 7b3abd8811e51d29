//! US Individual Taxpayer Identification Numbers (IRS): `9XX-XX-XXXX` with restricted middle groups.

/// Whether `value` can be an ITIN: nine ASCII digits, compact or grouped 3-2-4 with one kind of separator
/// (`-` or space) used twice; the first digit is 9; the middle group (digits 4–5) is in 50–65, 70–88, 90–92
/// or 94–99 (the IRS ranges); not all the same digit.
///
/// # Example
///
/// ```
/// use piiscrub::validate::us_itin_is_valid;
/// assert!(us_itin_is_valid("912-70-1234"));
/// assert!(!us_itin_is_valid("912-93-1234"));
/// ```
pub fn us_itin_is_valid(value: &str) -> bool {
    let s = value.as_bytes();
    let mut d = [0u8; 9];
    match s.len() {
        9 => d.copy_from_slice(s),
        11 => {
            let sep = s[3];
            if !(sep == b'-' || sep == b' ') || s[6] != sep {
                return false;
            }
            d[..3].copy_from_slice(&s[..3]);
            d[3..5].copy_from_slice(&s[4..6]);
            d[5..].copy_from_slice(&s[7..]);
        }
        _ => return false,
    }
    if !d.iter().all(u8::is_ascii_digit) || d[0] != b'9' || d.iter().all(|&x| x == d[0]) {
        return false;
    }
    let group = (d[3] - b'0') * 10 + (d[4] - b'0');
    matches!(group, 50..=65 | 70..=88 | 90..=92 | 94..=99)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_numbers() {
        // The IRS ITIN layout 9XX-XX-XXXX, with middle groups at each edge of the IRS ranges (constructed
        // here; ITINs have no check digit).
        for n in [
            "912-70-1234",
            "912 88 1234",
            "912501234",
            "912651234",
            "912-90-0000",
            "912-92-1234",
            "912-94-1234",
            "999-99-1234",
        ] {
            assert!(us_itin_is_valid(n), "{n}");
        }
    }

    #[test]
    fn near_misses() {
        for n in [
            "812-70-1234", // first digit
            "912-49-1234", // middle group out of range
            "912-66-1234",
            "912-69-1234",
            "912-89-1234",
            "912-93-1234",
            "912-70 1234", // mixed separators
            "91270-1234",
            "912-70-12345",
            "999999999",
            "912-7é-1234",
            "",
        ] {
            assert!(!us_itin_is_valid(n), "{n}");
        }
    }
}
