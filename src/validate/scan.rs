//! Byte scans that find where a numeric candidate can start, eight bytes at a time.
//!
//! Most of a text is letters and spaces; the recognizers of numbers (dates, phone and card numbers, IP
//! addresses) only need the stretches around digits. These scans skip everything else with word-at-a-time
//! ("SWAR") arithmetic on `u64`s: about one instruction per byte, against several for a byte loop.

const LO: u64 = 0x0101_0101_0101_0101;
const HI: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `w` that is in `b'0'..=b'9'` or, when `non_ascii`, not ASCII.
#[inline(always)]
fn mask(w: u64, non_ascii: bool) -> u64 {
    // The low seven bits of each byte plus 0x50 (resp. 0x46) carry into the high bit exactly when they
    // are at least 0x30 (resp. 0x3A); no sum leaves its byte.
    let t = w & !HI;
    let ge_0 = t.wrapping_add(LO * 0x50);
    let ge_colon = t.wrapping_add(LO * 0x46);
    let digits = ge_0 & !ge_colon & !w & HI;
    if non_ascii { digits | (w & HI) } else { digits }
}

#[inline(always)]
fn find(bytes: &[u8], from: usize, non_ascii: bool) -> Option<usize> {
    let mut i = from;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let w = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        let m = mask(w, non_ascii);
        if m != 0 {
            return Some(i + (m.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    let rest = bytes.get(i..)?;
    rest.iter()
        .position(|&b| b.is_ascii_digit() || (non_ascii && !b.is_ascii()))
        .map(|k| i + k)
}

/// The first ASCII digit at or after `from`.
pub(crate) fn find_digit(bytes: &[u8], from: usize) -> Option<usize> {
    find(bytes, from, false)
}

/// The first byte at or after `from` that is an ASCII digit or not ASCII: every character that the
/// regex class `\d` (Unicode decimal digits) matches starts with such a byte.
pub(crate) fn find_digit_like(bytes: &[u8], from: usize) -> Option<usize> {
    find(bytes, from, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn naive(bytes: &[u8], from: usize, non_ascii: bool) -> Option<usize> {
        (from..bytes.len())
            .find(|&i| bytes[i].is_ascii_digit() || (non_ascii && !bytes[i].is_ascii()))
    }

    #[test]
    fn agrees_with_a_byte_loop_on_every_byte_value() {
        // Each byte value at each offset of a chunk and of the tail, among bytes next to the digit range.
        for b in 0..=255u8 {
            for len in [1usize, 7, 8, 9, 17, 24] {
                for pos in 0..len {
                    let mut v = vec![b'/'; len];
                    v[pos] = b;
                    if pos + 1 < len {
                        v[pos + 1] = b':';
                    }
                    for from in [0, pos, pos.saturating_sub(3)] {
                        assert_eq!(
                            find_digit(&v, from),
                            naive(&v, from, false),
                            "{b} {len} {pos}"
                        );
                        assert_eq!(
                            find_digit_like(&v, from),
                            naive(&v, from, true),
                            "{b} {len} {pos}"
                        );
                    }
                }
            }
        }
        assert_eq!(find_digit(b"abc", 5), None);
        assert_eq!(find_digit("héllo wörld 7".as_bytes(), 0), Some(14));
        assert_eq!(find_digit_like("héllo 7".as_bytes(), 0), Some(1));
    }
}
