//! Random texts glued from pieces, for tests that compare a recognizer's fast path with a plain one.

/// `count` texts, each of one to `max_pieces` pieces drawn from `pieces` by a xorshift64 generator seeded
/// with `seed` (deterministic, so a failure reproduces).
pub(crate) fn glued<'a>(
    pieces: &'a [&'a str],
    seed: u64,
    count: usize,
    max_pieces: u64,
) -> impl Iterator<Item = String> + 'a {
    let mut rng = crate::test_rng::XorShift::new(seed);
    let mut next = move || rng.next_u64();
    (0..count).map(move |_| {
        let n = 1 + next() % max_pieces;
        (0..n)
            .map(|_| pieces[(next() % pieces.len() as u64) as usize])
            .collect()
    })
}
