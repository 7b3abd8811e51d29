//! UK National Insurance numbers (HMRC): two prefix letters, six digits, suffix A–D.

/// Whether `value` is a well-formed National Insurance number, compact (`AB123456C`) or in the printed
/// groups `AB 12 34 56 C` (single spaces). Upper case only.
///
/// HMRC's rules: neither prefix letter is D, F, I, Q, U or V; the second is not O; the prefixes BG, GB, KN,
/// NK, NT, TN and ZZ are never allocated; the suffix is A, B, C or D. There is no check digit.
///
/// # Example
///
/// ```
/// use piiscrub::validate::uk_nino_is_valid;
/// assert!(uk_nino_is_valid("AB 12 34 56 C"));
/// assert!(!uk_nino_is_valid("GB123456A"));
/// ```
pub fn uk_nino_is_valid(value: &str) -> bool {
    let s = value.as_bytes();
    let mut c = [0u8; 9];
    match s.len() {
        9 => c.copy_from_slice(s),
        13 => {
            // AB 12 34 56 C
            for i in [2, 5, 8, 11] {
                if s[i] != b' ' {
                    return false;
                }
            }
            for (slot, i) in c.iter_mut().zip([0, 1, 3, 4, 6, 7, 9, 10, 12]) {
                *slot = s[i];
            }
        }
        _ => return false,
    }
    let bad = |b: u8| matches!(b, b'D' | b'F' | b'I' | b'Q' | b'U' | b'V');
    let (p1, p2) = (c[0], c[1]);
    if !p1.is_ascii_uppercase() || !p2.is_ascii_uppercase() || bad(p1) || bad(p2) || p2 == b'O' {
        return false;
    }
    if matches!(
        &c[..2],
        b"BG" | b"GB" | b"KN" | b"NK" | b"NT" | b"TN" | b"ZZ"
    ) {
        return false;
    }
    c[2..8].iter().all(u8::is_ascii_digit) && matches!(c[8], b'A'..=b'D')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_numbers() {
        // QQ 12 34 56 C is the specimen HMRC prints on forms, but Q is never allocated, so it is rejected
        // below. AB 12 34 56 C is the common documentation example; the others follow HMRC's rules.
        for n in [
            "AB123456C",
            "AB 12 34 56 C",
            "JG103759A",
            "NC 60 64 93 D",
            "ZY123456B",
        ] {
            assert!(uk_nino_is_valid(n), "{n}");
        }
    }

    #[test]
    fn near_misses() {
        for n in [
            "QQ123456C", // HMRC's specimen: Q is never used
            "DA123456C", // D first
            "AO123456C", // O second
            "AV123456C", // V second
            "BG123456C", // unallocated prefixes
            "GB123456C",
            "NK123456C",
            "TN123456C",
            "ZZ123456C",
            "AB123456E",   // suffix
            "AB12345C",    // five digits
            "AB 123456 C", // other grouping
            "AB 12 34 56C",
            "ab123456c", // lower case
            "AB12345éC",
            "",
        ] {
            assert!(!uk_nino_is_valid(n), "{n}");
        }
    }
}
