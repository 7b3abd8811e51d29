//! Bitcoin mainnet addresses: Base58Check (P2PKH `1…`, P2SH `3…`) and SegWit Bech32 / Bech32m
//! (BIP-173, BIP-350).

use sha2::{Digest, Sha256};

const BASE58: &[u8; 58] = b"123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
const BECH32_CHARSET: &[u8; 32] = b"qpzry9x8gf2tvdw0s3jn54khce6mua7l";
const BECH32M_CONST: u32 = 0x2bc8_30a3;

/// Whether `value` is a Base58Check Bitcoin mainnet address: it decodes to exactly 25 bytes (canonical
/// encoding: one leading `1` per leading zero byte), the version byte is `0x00` (P2PKH) or `0x05` (P2SH),
/// and the last 4 bytes are the first 4 of the double SHA-256 of the first 21.
///
/// # Example
///
/// ```
/// use piiscrub::validate::btc_base58_is_valid;
/// assert!(btc_base58_is_valid("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"));
/// assert!(!btc_base58_is_valid("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb"));
/// ```
pub fn btc_base58_is_valid(value: &str) -> bool {
    let s = value.as_bytes();
    if !(26..=35).contains(&s.len()) {
        return false;
    }
    let mut buf = [0u8; 25];
    for &c in s {
        let Some(mut carry) = BASE58.iter().position(|&b| b == c).map(|d| d as u32) else {
            return false;
        };
        for byte in buf.iter_mut().rev() {
            carry += u32::from(*byte) * 58;
            *byte = (carry & 0xff) as u8;
            carry >>= 8;
        }
        if carry != 0 {
            return false; // more than 25 bytes
        }
    }
    let ones = s.iter().take_while(|&&c| c == b'1').count();
    let zeros = buf.iter().take_while(|&&b| b == 0).count();
    if ones != zeros.min(25) {
        return false; // not the canonical encoding of 25 bytes
    }
    if buf[0] != 0x00 && buf[0] != 0x05 {
        return false;
    }
    let first = Sha256::digest(&buf[..21]);
    let second = Sha256::digest(first);
    second.get(..4) == buf.get(21..)
}

/// Whether `value` is a SegWit Bitcoin mainnet address (human-readable part `bc`): valid Bech32 checksum
/// for witness version 0 with a 20- or 32-byte program (BIP-173), valid Bech32m checksum for versions 1–16
/// with a 2- to 40-byte program (BIP-350); all lower-case or all upper-case; canonical padding.
///
/// # Example
///
/// ```
/// use piiscrub::validate::btc_bech32_is_valid;
/// assert!(btc_bech32_is_valid("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"));
/// assert!(!btc_bech32_is_valid("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5"));
/// ```
pub fn btc_bech32_is_valid(value: &str) -> bool {
    let s = value.as_bytes();
    if !(14..=74).contains(&s.len()) {
        return false;
    }
    let lower = s.iter().any(u8::is_ascii_lowercase);
    let upper = s.iter().any(u8::is_ascii_uppercase);
    if lower && upper {
        return false;
    }
    if !s.get(..3).is_some_and(|p| p.eq_ignore_ascii_case(b"bc1")) {
        return false;
    }
    let data = &s[3..];
    // hrp "bc" expanded: high bits, 0, low bits.
    let mut chk: u32 = 1;
    for v in [3, 3, 0, 2, 3] {
        chk = polymod_step(chk, v);
    }
    let mut version = 0u8;
    let mut bits = 0usize;
    let mut last = 0u8;
    let payload = data.len().saturating_sub(6);
    for (i, &c) in data.iter().enumerate() {
        let c = c.to_ascii_lowercase();
        let Some(v) = BECH32_CHARSET.iter().position(|&b| b == c).map(|v| v as u8) else {
            return false;
        };
        chk = polymod_step(chk, u32::from(v));
        if i == 0 {
            version = v;
        } else if i < payload {
            bits += 5;
            last = v;
        }
    }
    if payload < 1 || version > 16 {
        return false;
    }
    let program_len = bits / 8;
    let pad = bits % 8;
    // At most 4 padding bits, all zero.
    if pad > 4 || (pad > 0 && last & ((1 << pad) - 1) != 0) {
        return false;
    }
    match version {
        0 => chk == 1 && (program_len == 20 || program_len == 32),
        _ => chk == BECH32M_CONST && (2..=40).contains(&program_len),
    }
}

fn polymod_step(chk: u32, value: u32) -> u32 {
    const GEN: [u32; 5] = [
        0x3b6a_57b2,
        0x2650_8e6d,
        0x1ea1_19fa,
        0x3d42_33dd,
        0x2a14_62b3,
    ];
    let top = chk >> 25;
    let mut chk = ((chk & 0x01ff_ffff) << 5) ^ value;
    for (i, g) in GEN.iter().enumerate() {
        if (top >> i) & 1 == 1 {
            chk ^= g;
        }
    }
    chk
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base58check_published_addresses() {
        // The genesis block's coinbase address; the Bitcoin wiki's P2PKH and P2SH examples.
        for a in [
            "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa",
            "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2",
            "17VZNX1SN5NtKa8UQFxwQbFeFc3iqRYhem",
            "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy",
            "3EktnHQD7RiAE6uzMj2ZifT9YgRrkSgzQX",
        ] {
            assert!(btc_base58_is_valid(a), "{a}");
        }
    }

    #[test]
    fn base58check_near_misses() {
        for a in [
            "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3",  // last character changed
            "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN",   // truncated
            "11BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", // extra leading 1
            "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN0",  // 0 is not base58
            "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLz",
            "",
            "1111111111111111111111111111111111",
            "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", // overflows 25 bytes
            "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNé",
        ] {
            assert!(!btc_base58_is_valid(a), "{a}");
        }
        // A testnet (version 0x6f) address is not a mainnet address.
        assert!(!btc_base58_is_valid("mipcBbFg9gMiCh81Kj8tqqdgoZub1ZJRfn"));
    }

    #[test]
    fn bip173_and_bip350_valid_mainnet_vectors() {
        for a in [
            // BIP-173
            "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4",
            "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
            "bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3",
            // BIP-350
            "bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y",
            "BC1SW50QGDZ25J",
            "bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs",
            "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0",
        ] {
            assert!(btc_bech32_is_valid(a), "{a}");
        }
    }

    #[test]
    fn bip173_and_bip350_invalid_vectors() {
        for a in [
            // BIP-350 invalid addresses
            "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd", // Bech32 for v1
            "BC1S0XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ54WELL", // Bech32 for v16
            "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh",                     // Bech32m for v0
            "bc1p38j9r5y49hruaue7wxjce0updqjuyyx0kh56v8s25huc6995vvpql3jow4", // invalid character
            "BC130XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ7ZWS8R", // version 17
            "bc1pw5dgrnzv",                                                   // 1-byte program
            "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v8n0nx0muaewav253zgeav", // 41 bytes
            "BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P", // v0, 16 bytes
            "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq47Zagq", // mixed case
            "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v07qwwzcrf", // padding > 4 bits
            "bc1gmk9yu",                            // empty data
            "tb1z0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqglt7rf", // testnet hrp
            // BIP-173 invalid addresses
            "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5", // checksum
            "BC13W508D6QEJXTDG4Y5R3ZARVARY0C5XW7KN40WF2", // version
            "bc1rw5uspcuh",                               // program length
            "bc10w508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kw5rljs90",
            "bc1zw508d6qejxtdg4y5r3zarvaryvqyzf3du", // padding
            "",
            "bc1",
            "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3té",
        ] {
            assert!(!btc_bech32_is_valid(a), "{a}");
        }
    }
}
