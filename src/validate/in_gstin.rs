//! India's GST identification number (GSTIN): state code, the holder's PAN, an entity number, `Z`, and a
//! Luhn mod-36 check character.

const ALPHABET: &[u8; 36] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

fn value_of(b: u8) -> Option<u32> {
    ALPHABET
        .iter()
        .position(|&a| a == b)
        .and_then(|p| u32::try_from(p).ok())
}

/// Whether the 4th character of a PAN names a real holder type (P individual, C company, H HUF, F firm,
/// A AOP, T trust, B BOI, L local authority, J artificial juridical person, G government, K krish).
pub fn is_pan_holder_type(b: u8) -> bool {
    matches!(
        b,
        b'A' | b'B' | b'C' | b'F' | b'G' | b'H' | b'J' | b'K' | b'L' | b'P' | b'T'
    )
}

/// Whether `value` (15 upper-case characters, no separators) is a well-formed GSTIN with a correct check
/// character: state code 01–38 or 97/99, a PAN (`AAAAA9999A`, real holder type), a non-zero entity number,
/// `Z`, and the Luhn mod-36 check.
///
/// # Example
///
/// ```
/// assert!(piiscrub::validate::in_gstin("27AAPFU0939F1ZV"));
/// assert!(!piiscrub::validate::in_gstin("27AAPFU0939F1ZO"));
/// ```
pub fn in_gstin(value: &str) -> bool {
    let b = value.as_bytes();
    if b.len() != 15 {
        return false;
    }
    let state = match (b[0], b[1]) {
        (x @ b'0'..=b'9', y @ b'0'..=b'9') => (x - b'0') * 10 + (y - b'0'),
        _ => return false,
    };
    let pan_ok = b[2..7].iter().all(u8::is_ascii_uppercase)
        && is_pan_holder_type(b[5])
        && b[7..11].iter().all(u8::is_ascii_digit)
        && b[11].is_ascii_uppercase();
    if !((1..=38).contains(&state) || state == 97 || state == 99)
        || !pan_ok
        || b[12] == b'0'
        || b[13] != b'Z'
    {
        return false;
    }
    let mut sum = 0u32;
    for (i, &c) in b.iter().rev().enumerate() {
        let Some(v) = value_of(c) else {
            return false;
        };
        sum += if i % 2 == 1 {
            let x = v * 2;
            x / 36 + x % 36
        } else {
            v
        };
    }
    sum % 36 == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_gstins() {
        // 27AAPFU0939F1ZV: python-stdnum's documented example; 29AAGCB7383J1Z4 and 33AAACH7409R1Z8 are
        // GSTINs printed on public invoices (checked with stdnum.in_.gstin).
        for v in ["27AAPFU0939F1ZV", "29AAGCB7383J1Z4", "33AAACH7409R1Z8"] {
            assert!(in_gstin(v), "{v}");
        }
        for v in [
            "27AAPFU0939F1ZO", // wrong check character
            "27AAPFU0939F1AA", // no Z
            "27AAPFU0939F1Z",  // too short
            "369296450896540", // digits only
            "27AAPXU0939F1ZV", // holder type X does not exist
            "00AAPFU0939F1ZV", // state 00
            "27aapfu0939f1zv", // lower case
            "27AAPFU0939F0ZV", // entity number 0
        ] {
            assert!(!in_gstin(v), "{v}");
        }
    }
}
