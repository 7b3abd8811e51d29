//! Singapore Unique Entity Number (UEN), in its three formats: businesses (8 digits + check letter), local
//! companies (year + 5 digits + check letter), and other entities (`T`/`S`/`R` + year + entity type + 4
//! digits + check letter).

use super::civil_date::today;

/// Entity-type codes of the third UEN format (ACRA / IRAS list).
const ENTITY_TYPES: &[&[u8; 2]] = &[
    b"CC", b"CD", b"CH", b"CL", b"CM", b"CP", b"CS", b"CX", b"DP", b"FB", b"FC", b"FM", b"FN",
    b"GA", b"GB", b"GS", b"HS", b"LL", b"LP", b"MB", b"MC", b"MD", b"MH", b"MM", b"MQ", b"NB",
    b"NR", b"PA", b"PB", b"PF", b"RF", b"RP", b"SM", b"SS", b"TC", b"TU", b"VH", b"XL",
];

const OTHER_ALPHABET: &[u8; 32] = b"ABCDEFGHJKLMNPQRSTUVWX0123456789";

fn digit_sum(digits: &[u8], weights: &[u32]) -> Option<u32> {
    let mut sum = 0;
    for (&d, &w) in digits.iter().zip(weights) {
        if !d.is_ascii_digit() {
            return None;
        }
        sum += u32::from(d - b'0') * w;
    }
    Some(sum)
}

fn pick(table: &[u8], sum: u32) -> Option<u8> {
    table.get(usize::try_from(sum % 11).ok()?).copied()
}

/// Whether `value` (upper case, no separators) is a UEN with a correct check letter. Local-company years
/// and `T`-format years may not lie in the future.
///
/// # Example
///
/// ```
/// assert!(piiscrub::validate::sg_uen("196800306E")); // DBS Bank
/// assert!(!piiscrub::validate::sg_uen("196800306F"));
/// ```
pub fn sg_uen(value: &str) -> bool {
    let b = value.as_bytes();
    let (year, _, _) = today();
    match b.len() {
        9 => digit_sum(&b[..8], &[10, 4, 9, 3, 8, 2, 7, 1])
            .and_then(|s| pick(b"XMKECAWLJDB", s))
            .is_some_and(|c| c == b[8]),
        10 if b[0].is_ascii_digit() => {
            let Some(reg_year) = digit_sum(&b[..4], &[1000, 100, 10, 1]) else {
                return false;
            };
            i64::from(reg_year) <= i64::from(year)
                && digit_sum(&b[..9], &[10, 8, 6, 4, 9, 7, 5, 3, 1])
                    .and_then(|s| pick(b"ZKCMDNERGWH", s))
                    .is_some_and(|c| c == b[9])
        }
        10 => {
            if !matches!(b[0], b'T' | b'S' | b'R')
                || !b[1..3].iter().all(u8::is_ascii_digit)
                || !ENTITY_TYPES.iter().any(|t| t[..] == b[3..5])
                || !b[5..9].iter().all(u8::is_ascii_digit)
            {
                return false;
            }
            let yy = i32::from(b[1] - b'0') * 10 + i32::from(b[2] - b'0');
            if b[0] == b'T' && yy > year % 100 {
                return false;
            }
            let mut sum = 0u32;
            for (&c, w) in b[..9].iter().zip([4u32, 3, 5, 3, 10, 2, 2, 5, 7]) {
                let Some(v) = OTHER_ALPHABET.iter().position(|&a| a == c) else {
                    return false;
                };
                sum += u32::try_from(v).unwrap_or(0) * w;
            }
            // (sum - 5) mod 11, kept non-negative.
            pick(OTHER_ALPHABET, sum + 11 - 5).is_some_and(|c| c == b[9])
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_uens() {
        // 00192200M, 197401143C, S16FC0121D, T01FC6132D: python-stdnum's examples (from IRAS material);
        // 196800306E (DBS Bank) and 197200078R (Singapore Airlines): published company UENs.
        for v in [
            "00192200M",
            "197401143C",
            "S16FC0121D",
            "T01FC6132D",
            "196800306E",
            "197200078R",
        ] {
            assert!(sg_uen(v), "{v}");
        }
        for v in [
            "00192200X",
            "196800306F",
            "299900306E",  // registered in the future
            "S16ZZ0121D",  // unknown entity type
            "A16FC0121D",  // bad prefix
            "T99FC6132D",  // T-format year in the future
            "1968003060E", // too long
            "19680030E",   // 9 characters but not 8 digits + letter
        ] {
            assert!(!sg_uen(v), "{v}");
        }
    }
}
