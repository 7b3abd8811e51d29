//! A small, fast, non-cryptographic hasher for the word lists and the gazetteer.
//!
//! The keys are constant word lists and place names, never attacker-chosen map contents that grow, so
//! SipHash's flooding protection buys nothing here while costing most of a lookup. This is the
//! multiply-rotate hash rustc uses (FxHash): one rotate, xor and multiply per eight input bytes.

use std::hash::{BuildHasherDefault, Hasher};

/// The multiplier of FxHash (from Firefox), a 64-bit odd constant with well-spread bits.
const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// FxHash state.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct FxHasher {
    hash: u64,
}

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes([
                c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7],
            ]));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            // The length keeps `ab` and `ab\0` apart.
            self.add(u64::from_le_bytes(last) ^ ((rest.len() as u64) << 59));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// Builds [`FxHasher`]s for `HashMap` and `HashSet`.
pub(crate) type FxBuildHasher = BuildHasherDefault<FxHasher>;

/// A `HashMap` with [`FxHasher`].
pub(crate) type FxHashMap<K, V> = std::collections::HashMap<K, V, FxBuildHasher>;

/// A `HashSet` with [`FxHasher`].
pub(crate) type FxHashSet<K> = std::collections::HashSet<K, FxBuildHasher>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::BuildHasher;

    #[test]
    fn distinguishes_short_keys() {
        let h = |s: &str| FxBuildHasher::default().hash_one(s);
        assert_ne!(h("ab"), h("ab\0"));
        assert_ne!(h("in"), h("ni"));
        assert_eq!(h("paris"), h("paris"));
        let set: FxHashSet<&str> = ["a", "b", "longer than eight"].into_iter().collect();
        assert!(set.contains("longer than eight") && !set.contains("c"));
    }
}
