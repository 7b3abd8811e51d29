//! UK NHS numbers: ten digits with a mod-11 check digit.

/// Whether `value` is a valid NHS number: ten ASCII digits, optionally grouped 3-3-4 with single spaces
/// or single dashes (one kind), not all the same digit, and the mod-11 check: weights 10 down to 2 on the
/// first nine digits, `11 − (sum mod 11)` (11 → 0, 10 → never valid) equals the tenth.
///
/// # Example
///
/// ```
/// use piiscrub::validate::nhs_is_valid;
/// assert!(nhs_is_valid("943 476 5919"));
/// assert!(!nhs_is_valid("943 476 5918"));
/// ```
pub fn nhs_is_valid(value: &str) -> bool {
    let s = value.as_bytes();
    let mut d = [0u8; 10];
    match s.len() {
        10 => {}
        12 => {
            let sep = s[3];
            if !(sep == b' ' || sep == b'-') || s[7] != sep {
                return false;
            }
        }
        _ => return false,
    }
    let mut n = 0;
    for (i, &b) in s.iter().enumerate() {
        if s.len() == 12 && (i == 3 || i == 7) {
            continue;
        }
        if !b.is_ascii_digit() || n == 10 {
            return false;
        }
        d[n] = b - b'0';
        n += 1;
    }
    if n != 10 || d.iter().all(|&x| x == d[0]) {
        return false;
    }
    let sum: u32 = d[..9]
        .iter()
        .zip((2..=10u32).rev())
        .map(|(&x, w)| u32::from(x) * w)
        .sum();
    let check = match 11 - sum % 11 {
        11 => 0,
        10 => return false,
        c => c,
    };
    check == u32::from(d[9])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_examples() {
        // 943 476 5919: the example NHS number cited in the Wikipedia "NHS number" article and many
        // validators' docs. The others have check digits computed here by the rule above (unverified
        // against NHS registers: they may or may not be issued).
        for n in [
            "9434765919",
            "943 476 5919",
            "943-476-5919",
            "4010232137",
            "4505577104",
            "7497315706",
        ] {
            assert!(nhs_is_valid(n), "{n}");
        }
    }

    #[test]
    fn near_misses() {
        for n in [
            "9434765918",    // check digit
            "9434765991",    // transposition
            "943 476-5919",  // mixed separators
            "943  476 5919", // double space
            "94347659190",   // 11 digits
            "943476591",     // 9 digits
            "0000000000",    // all the same (passes mod 11)
            "1111111111",
            "9434765960", // check digit would be 10: 943476596 → sum 309, 11 − 1 = 10
            "9434765961",
            "943476591é",
            "",
        ] {
            assert!(!nhs_is_valid(n), "{n}");
        }
    }
}
