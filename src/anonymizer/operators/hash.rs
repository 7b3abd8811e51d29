//! `hash`: replace the value by the lowercase hex digest of its UTF-8 bytes.
//!
//! Without a key the digest is plain SHA-256 or SHA-512, which is deterministic but can be reversed by
//! brute force for small value spaces (phone numbers, SSNs, names from a list). With a [`HashKey`] it is
//! HMAC-SHA-256 / HMAC-SHA-512: still the same digest for the same value and key across runs (so joins and
//! de-duplication keep working), but unguessable without the key.

use std::fmt;

use hmac::{Hmac, KeyInit, Mac};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use sha2::{Digest, Sha256, Sha512};
use zeroize::{ZeroizeOnDrop, Zeroizing};

/// The digest algorithm of the `hash` operator (Presidio's `hash_type`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum HashType {
    /// SHA-256 (or HMAC-SHA-256 with a key): 64 hex digits. The default.
    #[default]
    Sha256,
    /// SHA-512 (or HMAC-SHA-512 with a key): 128 hex digits.
    Sha512,
}

/// A secret key for the keyed `hash` operator.
///
/// The bytes are wiped from memory when the key is dropped, and `Debug` never shows them. In JSON the key is
/// the string field `"key"`; a key that is not valid UTF-8 cannot be written as JSON. The key must not be
/// empty. Copies that a caller or a JSON parser makes before the key reaches `HashKey` are outside its
/// control.
///
/// # Example
///
/// ```
/// use piiscrub::HashKey;
///
/// let key = HashKey::new("a long random secret");
/// assert_eq!(format!("{key:?}"), "HashKey(<redacted>)");
/// ```
#[derive(Clone)]
pub struct HashKey(Zeroizing<Vec<u8>>);

impl HashKey {
    /// A key from raw bytes or a string. Passing an owned `String` or `Vec<u8>` moves it without a copy.
    pub fn new(key: impl Into<Vec<u8>>) -> Self {
        HashKey(Zeroizing::new(key.into()))
    }

    /// Length of the key in bytes.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether the key is empty (an empty key is rejected by validation).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub(crate) fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// The key as a string, if it is valid UTF-8.
    pub(crate) fn to_str(&self) -> Option<&str> {
        std::str::from_utf8(&self.0).ok()
    }
}

// `Zeroizing` wipes the bytes when the key is dropped.
impl ZeroizeOnDrop for HashKey {}

impl fmt::Debug for HashKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("HashKey(<redacted>)")
    }
}

impl PartialEq for HashKey {
    /// Compares without branching on the key bytes (the lengths are not secret).
    fn eq(&self, other: &Self) -> bool {
        self.0.len() == other.0.len()
            && self
                .0
                .iter()
                .zip(other.0.iter())
                .fold(0u8, |acc, (a, b)| acc | (a ^ b))
                == 0
    }
}

impl Eq for HashKey {}

impl Serialize for HashKey {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.to_str() {
            Some(s) => serializer.serialize_str(s),
            None => Err(serde::ser::Error::custom(
                "hash key is not valid UTF-8 and cannot be written as a string",
            )),
        }
    }
}

impl<'de> Deserialize<'de> for HashKey {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // `into_bytes` moves the buffer, so no unwiped copy is left behind by this function.
        String::deserialize(deserializer).map(HashKey::new)
    }
}

/// Checks a key before use.
pub(crate) fn check_key(key: &HashKey) -> Result<(), &'static str> {
    if key.is_empty() {
        return Err("hash key is empty");
    }
    Ok(())
}

/// Appends the lowercase hex digest of `value` (keyed when `key` is given) to `out`.
pub(crate) fn push(
    value: &str,
    hash_type: HashType,
    key: Option<&HashKey>,
    out: &mut String,
) -> Result<(), &'static str> {
    const REJECTED: &str = "hash key rejected by HMAC";
    let bytes = value.as_bytes();
    match (hash_type, key) {
        (HashType::Sha256, None) => hex(&Sha256::digest(bytes), out),
        (HashType::Sha512, None) => hex(&Sha512::digest(bytes), out),
        (HashType::Sha256, Some(key)) => {
            let mut mac =
                <Hmac<Sha256> as KeyInit>::new_from_slice(key.as_bytes()).map_err(|_| REJECTED)?;
            mac.update(bytes);
            hex(&mac.finalize().into_bytes(), out);
        }
        (HashType::Sha512, Some(key)) => {
            let mut mac =
                <Hmac<Sha512> as KeyInit>::new_from_slice(key.as_bytes()).map_err(|_| REJECTED)?;
            mac.update(bytes);
            hex(&mac.finalize().into_bytes(), out);
        }
    }
    Ok(())
}

/// Appends `bytes` in lowercase hexadecimal.
fn hex(bytes: &[u8], out: &mut String) {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    out.reserve(bytes.len() * 2);
    for b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 0x0f)]));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply(
        value: &str,
        hash_type: HashType,
        key: Option<&HashKey>,
    ) -> Result<String, &'static str> {
        let mut out = String::new();
        push(value, hash_type, key, &mut out).map(|()| out)
    }

    #[test]
    fn sha256_abc() {
        // FIPS 180-2, appendix B.1.
        assert_eq!(
            apply("abc", HashType::Sha256, None).unwrap(),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn sha512_abc() {
        // FIPS 180-2, appendix C.1.
        assert_eq!(
            apply("abc", HashType::Sha512, None).unwrap(),
            "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a\
             2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"
        );
    }

    #[test]
    fn hmac_rfc4231_case_2() {
        let key = HashKey::new("Jefe");
        let data = "what do ya want for nothing?";
        assert_eq!(
            apply(data, HashType::Sha256, Some(&key)).unwrap(),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
        assert_eq!(
            apply(data, HashType::Sha512, Some(&key)).unwrap(),
            "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea250554\
             9758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737"
        );
    }

    #[test]
    fn key_debug_and_equality() {
        let a = HashKey::new("s3cret");
        assert_eq!(format!("{a:?}"), "HashKey(<redacted>)");
        assert_eq!(a, HashKey::new(b"s3cret".to_vec()));
        assert_ne!(a, HashKey::new("s3creT"));
        assert_ne!(a, HashKey::new("s3cre"));
        assert!(check_key(&HashKey::new("")).is_err());
        assert!(check_key(&a).is_ok());
    }

    #[test]
    fn zeroize_on_drop_marker() {
        fn wiped<T: ZeroizeOnDrop>() {}
        wiped::<HashKey>();
    }
}
