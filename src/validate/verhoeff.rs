//! The Verhoeff check digit (dihedral group D5), used by India's Aadhaar and Nigeria's NIN.

const D: [[u8; 10]; 10] = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
    [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
    [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
    [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
    [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
    [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
    [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
    [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
    [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];

const P: [[u8; 10]; 8] = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
    [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
    [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
    [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
    [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
    [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
    [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];

/// Whether `digits` (values 0–9, most significant first, check digit last) pass the Verhoeff check.
/// Empty input and values above 9 fail.
pub fn verhoeff_digits(digits: &[u8]) -> bool {
    if digits.is_empty() {
        return false;
    }
    let mut c = 0u8;
    for (i, &d) in digits.iter().rev().enumerate() {
        let Some(&p) = P[i % 8].get(usize::from(d)) else {
            return false;
        };
        c = D[usize::from(c)][usize::from(p)];
    }
    c == 0
}

/// Whether `value`, made only of ASCII digits, passes the Verhoeff check.
///
/// # Example
///
/// ```
/// assert!(piiscrub::validate::verhoeff("2363"));
/// assert!(!piiscrub::validate::verhoeff("2364"));
/// ```
pub fn verhoeff(value: &str) -> bool {
    let mut buf = [0u8; 32];
    let bytes = value.as_bytes();
    if bytes.len() > buf.len() || !bytes.iter().all(u8::is_ascii_digit) {
        return false;
    }
    for (slot, b) in buf.iter_mut().zip(bytes) {
        *slot = b - b'0';
    }
    verhoeff_digits(&buf[..bytes.len()])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_vectors() {
        // 236 -> check digit 3 is the worked example in Verhoeff's Wikipedia article; 234123412346 and
        // 499118665246 are python-stdnum's Aadhaar examples (stdnum.verhoeff agrees on all).
        for v in ["2363", "234123412346", "499118665246", "0"] {
            assert!(verhoeff(v), "{v}");
        }
        for v in ["2364", "2336", "234123412347", "243123412346", "", "12a3"] {
            assert!(!verhoeff(v), "{v}");
        }
        assert!(!verhoeff_digits(&[2, 3, 6, 13]));
    }

    #[test]
    fn catches_every_single_digit_change_and_adjacent_swap() {
        let base = b"234123412346";
        for i in 0..base.len() {
            for d in b'0'..=b'9' {
                if d != base[i] {
                    let mut v = *base;
                    v[i] = d;
                    assert!(!verhoeff(std::str::from_utf8(&v).unwrap()));
                }
            }
            if i + 1 < base.len() && base[i] != base[i + 1] {
                let mut v = *base;
                v.swap(i, i + 1);
                assert!(!verhoeff(std::str::from_utf8(&v).unwrap()));
            }
        }
    }
}
