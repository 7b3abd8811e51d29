//! US Social Security Number rules (SSA): which nine-digit strings can never be an SSN.

/// Whether `value` (an SSN candidate such as `536-22-8726`, `536 22 8726` or `536228726`) can **not** be a
/// real SSN.
///
/// Rejected: mixed delimiters, not exactly nine digits, all digits the same, area `000`, `666` or
/// `900`–`999`, group `00`, serial `0000`, and well-known sample numbers (`123-45-6789`, `078-05-1120`,
/// `219-09-9999`).
///
/// # Example
///
/// ```
/// use piiscrub::validate::us_ssn_is_invalid;
/// assert!(!us_ssn_is_invalid("536-22-8726"));
/// assert!(us_ssn_is_invalid("666-22-8726"));
/// assert!(us_ssn_is_invalid("536-22.8726"));
/// ```
pub fn us_ssn_is_invalid(value: &str) -> bool {
    let mut delimiter = None;
    let mut d = [0u8; 9];
    let mut n = 0;
    for b in value.bytes() {
        match b {
            b'0'..=b'9' => {
                if n == 9 {
                    return true;
                }
                d[n] = b - b'0';
                n += 1;
            }
            b'-' | b' ' | b'.' => {
                if delimiter.is_some_and(|x| x != b) {
                    return true;
                }
                delimiter = Some(b);
            }
            _ => return true,
        }
    }
    if n != 9 || d.iter().all(|&x| x == d[0]) {
        return true;
    }
    let area = u32::from(d[0]) * 100 + u32::from(d[1]) * 10 + u32::from(d[2]);
    let group = d[3] * 10 + d[4];
    let serial = d[5..].iter().fold(0u32, |a, &x| a * 10 + u32::from(x));
    let all: u64 = d.iter().fold(0u64, |a, &x| a * 10 + u64::from(x));
    area == 0
        || area == 666
        || area >= 900
        || group == 0
        || serial == 0
        || matches!(all, 123_456_789 | 78_051_120 | 219_099_999)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let cases = [
            ("536-22-8726", false),
            ("536 22 8726", false),
            ("536228726", false),
            ("772-01-0045", false),
            ("000-22-8726", true),
            ("666-22-8726", true),
            ("900-22-8726", true),
            ("536-00-8726", true),
            ("536-22-0000", true),
            ("111-11-1111", true),
            ("123-45-6789", true),
            ("078-05-1120", true),
            ("219-09-9999", true),
            ("536-22 8726", true),
            ("536-22-872", true),
            ("536-22-87261", true),
            ("53a-22-8726", true),
        ];
        for (v, invalid) in cases {
            assert_eq!(us_ssn_is_invalid(v), invalid, "{v}");
        }
    }
}
