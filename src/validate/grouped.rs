//! Digit extraction shared by the country validators: exactly `N` ASCII digits, optionally grouped by
//! spaces or dashes.

/// The `N` digits of `value` (values 0–9), when `value` is made only of ASCII digits, spaces and dashes and
/// holds exactly `N` digits. Never allocates.
pub(crate) fn grouped_digits<const N: usize>(value: &str) -> Option<[u8; N]> {
    let mut out = [0u8; N];
    let mut n = 0;
    for b in value.bytes() {
        match b {
            b'0'..=b'9' => {
                *out.get_mut(n)? = b - b'0';
                n += 1;
            }
            b' ' | b'-' => {}
            _ => return None,
        }
    }
    (n == N).then_some(out)
}

/// The weighted sum of `digits` with `weights` (pairwise, up to the shorter length).
pub(crate) fn weighted_sum(digits: &[u8], weights: &[u32]) -> u32 {
    digits
        .iter()
        .zip(weights)
        .map(|(&d, &w)| u32::from(d) * w)
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_count_and_separators() {
        assert_eq!(grouped_digits::<3>("1 2-3"), Some([1, 2, 3]));
        assert_eq!(grouped_digits::<3>("1234"), None);
        assert_eq!(grouped_digits::<3>("12"), None);
        assert_eq!(grouped_digits::<3>("1a23"), None);
        assert_eq!(grouped_digits::<3>("١٢٣"), None);
        assert_eq!(weighted_sum(&[1, 2, 3], &[3, 2, 1]), 10);
    }
}
