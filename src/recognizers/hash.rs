//! A small, fast hasher for the recognizers' word tables and gazetteers, and a word set built on it.
//!
//! The keys are short words from bundled lists and from the text being analysed. Nothing is gained from
//! SipHash's resistance to chosen collisions here (the tables are read-only and built from constant
//! lists), so the words are hashed eight bytes at a time, FxHash style, instead of a byte at a time.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

/// Multiplier of FxHash (rustc's hasher): odd, with well-spread bits.
const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// FxHash-style hasher: rotate, xor a word, multiply.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn finish(&self) -> u64 {
        // The last multiply leaves the low bits, which pick the bucket, depending on few input bits;
        // rotating brings the well-mixed high bits down.
        self.0.rotate_left(26)
    }

    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        let n = rest.len();
        // The last 1 to 7 bytes as one word, read in at most two pieces (overlapping when `n` is 5 to 7):
        // cheaper than copying a variable-length slice.
        let word = if n >= 4 {
            let lo = u32::from_le_bytes([rest[0], rest[1], rest[2], rest[3]]);
            let hi = u32::from_le_bytes([rest[n - 4], rest[n - 3], rest[n - 2], rest[n - 1]]);
            u64::from(lo) | u64::from(hi) << 32
        } else if n > 0 {
            u64::from(rest[0]) | u64::from(rest[n / 2]) << 8 | u64::from(rest[n - 1]) << 16
        } else {
            return;
        };
        self.add(word ^ ((n as u64) << 59));
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
}

/// The [`BuildHasher`](std::hash::BuildHasher) of [`FxHasher`].
pub(crate) type FxBuildHasher = BuildHasherDefault<FxHasher>;

/// A `HashMap` with [`FxHasher`].
pub(crate) type FxHashMap<K, V> = std::collections::HashMap<K, V, FxBuildHasher>;

/// A `HashSet` with [`FxHasher`].
pub(crate) type FxHashSet<K> = HashSet<K, FxBuildHasher>;

/// A constant word list as a hash set: membership in constant time instead of a scan of the list.
pub(crate) struct WordSet(FxHashSet<&'static str>);

impl WordSet {
    /// The set of `words`.
    pub(crate) fn new(words: &[&'static str]) -> WordSet {
        WordSet(words.iter().copied().collect())
    }

    /// Whether `word` is in the set (exact, case-sensitive).
    #[inline]
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.0.contains(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::BuildHasher;

    #[test]
    fn words_hash_apart() {
        let b = FxBuildHasher::default();
        let words = [
            "a",
            "b",
            "ab",
            "ba",
            "abcdefgh",
            "abcdefghi",
            "jane",
            "janes",
            "",
        ];
        let hashes: HashSet<u64> = words.iter().map(|w| b.hash_one(w)).collect();
        assert_eq!(hashes.len(), words.len());
        assert_eq!(
            b.hash_one("jane"),
            b.hash_one(String::from("jane").as_str())
        );
    }

    #[test]
    fn sets_match_exactly() {
        let set = WordSet::new(&["ltd", "inc"]);
        assert!(set.contains("ltd"));
        assert!(!set.contains("Ltd"));
        assert!(!set.contains("lt"));
    }
}
