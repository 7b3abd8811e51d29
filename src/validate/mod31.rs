//! The Finnish personal identity code (henkilötunnus, HETU): birth date, century sign, individual number
//! and mod-31 control character (Digital and Population Data Services Agency, DVV).

/// Control characters indexed by `DDMMYYNNN mod 31`.
const CONTROL: &[u8; 31] = b"0123456789ABCDEFHJKLMNPRSTUVWXY";

/// Whether `value` is a Finnish HETU `DDMMYYCNNNQ`: a real birth date whose century is given by the sign
/// `C` (`+` 1800s; `-`, `Y`, `X`, `W`, `V`, `U` 1900s; `A`–`F` 2000s, the letters added in 2023), an
/// individual number 002–899, and the control character `Q`. Upper-case only, as issued.
///
/// # Example
///
/// ```
/// assert!(piiscrub::validate::fi_hetu("131052-308T"));
/// assert!(!piiscrub::validate::fi_hetu("131052-308U"));
/// ```
pub fn fi_hetu(value: &str) -> bool {
    let b = value.as_bytes();
    if b.len() != 11 {
        return false;
    }
    let century = match b[6] {
        b'+' => 1800,
        b'-' | b'Y' | b'X' | b'W' | b'V' | b'U' => 1900,
        b'A'..=b'F' => 2000,
        _ => return false,
    };
    let mut number = 0u32;
    for &c in b[..6].iter().chain(&b[7..10]) {
        if !c.is_ascii_digit() {
            return false;
        }
        number = number * 10 + u32::from(c - b'0');
    }
    let day = number / 10_000_000;
    let month = number / 100_000 % 100;
    let year = number / 1_000 % 100;
    let individual = number % 1_000;
    if !(2..=999).contains(&individual) || !super::dates::is_valid_date(century + year, month, day)
    {
        return false;
    }
    CONTROL.get((number % 31) as usize) == Some(&b[10])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dvv_examples() {
        // DVV's classic example 131052-308T, and the examples DVV published with the 2023 century letters
        // (individual numbers 9xx: temporary/test codes).
        assert!(fi_hetu("131052-308T"));
        assert!(fi_hetu("010594Y9021"));
        assert!(fi_hetu("020594X903P"));
        assert!(fi_hetu("030594W903B"));
        assert!(fi_hetu("040594V9030"));
        assert!(fi_hetu("050594U903M"));
        assert!(fi_hetu("010516B903X"));
        assert!(fi_hetu("010516A902W"));
        assert!(fi_hetu("020516C903K"));
        assert!(fi_hetu("010501E9032"));
        assert!(fi_hetu("020502F902X"));
    }

    #[test]
    fn near_misses() {
        assert!(!fi_hetu("131052-308U")); // control character
        assert!(!fi_hetu("131052Z308T")); // unknown century sign
        assert!(!fi_hetu("131052-308t")); // lower-case control
        assert!(!fi_hetu("311152-308T")); // 31 November
        assert!(!fi_hetu("131052-000T")); // individual number 000
        assert!(!fi_hetu("131052-308")); // 10 characters
        assert!(!fi_hetu("13105é-308T"));
        // 29 Feb 1900 does not exist, 29 Feb 2000 does: same digits, different century sign.
        let n = 290_200_902_u32;
        let q = CONTROL[(n % 31) as usize] as char;
        assert!(!fi_hetu(&format!("290200-902{q}")));
        assert!(fi_hetu(&format!("290200A902{q}")));
    }
}
