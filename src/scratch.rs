//! Buffers kept per thread between calls, so that a hot path allocates once per thread rather than once per
//! text: [`take`] the thread's buffers at the start, [`put_back`] at the end.

use std::cell::RefCell;
use std::thread::LocalKey;

/// What `slot` holds for this thread, leaving the default there; the default when the slot is in use (a
/// nested call) or its thread is being torn down.
pub(crate) fn take<T: Default>(slot: &'static LocalKey<RefCell<T>>) -> T {
    slot.try_with(|s| s.try_borrow_mut().map(|mut v| std::mem::take(&mut *v)))
        .ok()
        .and_then(Result::ok)
        .unwrap_or_default()
}

/// Keeps `value` in `slot` for this thread's next [`take`]; drops it when the slot is in use or its thread
/// is being torn down.
pub(crate) fn put_back<T>(slot: &'static LocalKey<RefCell<T>>, value: T) {
    let _ = slot.try_with(|s| {
        if let Ok(mut s) = s.try_borrow_mut() {
            *s = value;
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    thread_local! {
        static SLOT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    }

    #[test]
    fn a_buffer_put_back_is_taken_again_and_a_busy_slot_gives_the_default() {
        let mut v = take(&SLOT);
        assert!(v.is_empty() && v.capacity() == 0);
        v.reserve(100);
        let cap = v.capacity();
        put_back(&SLOT, v);
        assert_eq!(take(&SLOT).capacity(), cap);
        // Taken, the slot holds the default until something is put back.
        assert_eq!(take(&SLOT).capacity(), 0);
        put_back(&SLOT, vec![1, 2]);
        SLOT.with(|s| {
            let _held = s.borrow_mut();
            assert!(take(&SLOT).is_empty());
            put_back(&SLOT, vec![9]);
        });
        assert_eq!(take(&SLOT), vec![1, 2]);
    }
}
