//! Calendar dates encoded in national identifiers (birth dates in PESEL, HETU, personnummer, RRN, …).

/// Whether `year-month-day` is a real date of the proleptic Gregorian calendar.
///
/// # Example
///
/// ```
/// use piiscrub::validate::is_valid_date;
/// assert!(is_valid_date(2000, 2, 29));
/// assert!(!is_valid_date(1900, 2, 29));
/// assert!(!is_valid_date(2024, 4, 31));
/// ```
pub fn is_valid_date(year: u32, month: u32, day: u32) -> bool {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

/// The number made of the ASCII digits `s[range]`; `None` if the range is out of bounds or holds a non-digit.
pub(crate) fn number_at(s: &[u8], range: std::ops::Range<usize>) -> Option<u32> {
    let part = s.get(range)?;
    if part.is_empty() {
        return None;
    }
    part.iter().try_fold(0u32, |acc, &b| {
        b.is_ascii_digit().then(|| acc * 10 + u32::from(b - b'0'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_and_leap_years() {
        assert!(is_valid_date(1944, 5, 14));
        assert!(is_valid_date(2024, 2, 29));
        assert!(is_valid_date(2000, 2, 29));
        assert!(!is_valid_date(2023, 2, 29));
        assert!(!is_valid_date(2100, 2, 29));
        assert!(!is_valid_date(2024, 13, 1));
        assert!(!is_valid_date(2024, 0, 1));
        assert!(!is_valid_date(2024, 1, 0));
        assert!(!is_valid_date(2024, 6, 31));
        assert!(is_valid_date(2024, 12, 31));
    }

    #[test]
    fn number_at_is_total() {
        assert_eq!(number_at(b"12a45", 0..2), Some(12));
        assert_eq!(number_at(b"12a45", 1..3), None);
        assert_eq!(number_at(b"12", 1..5), None);
        assert_eq!(number_at(b"12", 1..1), None);
    }
}
