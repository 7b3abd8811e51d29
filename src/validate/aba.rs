//! US ABA routing transit numbers: 9 digits, a Federal Reserve routing symbol prefix (00–12, 21–32, 61–72,
//! 80) and a 3-7-1 weighted checksum divisible by 10.

use super::grouped::{grouped_digits, weighted_sum};

/// Whether `value` (9 digits, optionally `0110-0001-5`) is a plausible ABA routing number.
///
/// # Example
///
/// ```
/// assert!(piiscrub::validate::aba_routing("021000021"));
/// assert!(!piiscrub::validate::aba_routing("021000022"));
/// ```
pub fn aba_routing(value: &str) -> bool {
    let Some(d) = grouped_digits::<9>(value) else {
        return false;
    };
    let prefix = d[0] * 10 + d[1];
    matches!(prefix, 0..=12 | 21..=32 | 61..=72 | 80)
        && d.iter().any(|&x| x != 0)
        && weighted_sum(&d, &[3, 7, 1, 3, 7, 1, 3, 7, 1]) % 10 == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_routing_numbers() {
        // Federal Reserve E-Payments directory entries: 011000015 (FRB Boston), 021000021 (JPMorgan
        // Chase), 026009593 (Bank of America), 111000025 (FRB Dallas), 122105278 (Wells Fargo); all pass
        // python-stdnum's us.rtn check.
        for v in [
            "011000015",
            "021000021",
            "0260-0959-3",
            "111000025",
            "122105278",
        ] {
            assert!(aba_routing(v), "{v}");
        }
        for v in [
            "111000024", // checksum
            "021000022", // checksum
            "131000021", // checksum-valid, but 13 is not a routing symbol prefix
            "000000000",
            "02100002",
            "0210000211",
        ] {
            assert!(!aba_routing(v), "{v}");
        }
    }
}
