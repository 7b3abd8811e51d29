//! A small deterministic generator for tests (xorshift64), so a failing random case reproduces and tests
//! need no extra dependency.

/// xorshift64: each call shifts the state and returns it.
pub(crate) struct XorShift(u64);

impl XorShift {
    /// A generator starting from `seed` (which must not be zero).
    pub(crate) fn new(seed: u64) -> XorShift {
        XorShift(seed)
    }

    /// The next state.
    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// The next state reduced to `0..n`.
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// Up to `most - 1` of `pieces`, each picked at random, joined (the count is drawn first).
    pub(crate) fn text(&mut self, pieces: &[&str], most: usize) -> String {
        let n = self.below(most);
        (0..n).map(|_| pieces[self.below(pieces.len())]).collect()
    }
}
