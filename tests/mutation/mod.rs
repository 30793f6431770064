//! Damaging a valid file at random, for property tests of the loaders.

use proptest::prelude::*;

/// A way of damaging a valid file.
#[derive(Debug, Clone)]
pub enum Mutation {
    /// Removes up to `.1` bytes at `.0`.
    Delete(usize, usize),
    /// Inserts text at a byte offset.
    Insert(usize, String),
    /// Replaces the byte at an offset.
    Replace(usize, u8),
}

/// Mutations of a file of `len` bytes; inserted text is made of `inserted` (a regex).
pub fn mutation(len: usize, inserted: &'static str) -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (0..len, 1..40usize).prop_map(|(at, n)| Mutation::Delete(at, n)),
        (0..len, inserted).prop_map(|(at, s)| Mutation::Insert(at, s)),
        (0..len, any::<u8>()).prop_map(|(at, b)| Mutation::Replace(at, b)),
    ]
}

/// `valid` with every mutation applied in turn.
pub fn apply(valid: &str, mutations: &[Mutation]) -> Vec<u8> {
    let mut bytes = valid.as_bytes().to_vec();
    for mutation in mutations {
        let len = bytes.len();
        match mutation {
            Mutation::Delete(at, n) => {
                let start = (*at).min(len);
                let end = (start + n).min(len);
                bytes.drain(start..end);
            }
            Mutation::Insert(at, text) => {
                let at = (*at).min(len);
                bytes.splice(at..at, text.bytes());
            }
            Mutation::Replace(at, byte) => {
                if let Some(slot) = bytes.get_mut(*at) {
                    *slot = *byte;
                }
            }
        }
    }
    bytes
}
