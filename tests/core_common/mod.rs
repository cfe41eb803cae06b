//! Helpers shared by the `callsign-core` integration tests (vectors,
//! buffers, props). Deliberately independent of `callsign-core`: these are
//! the reference encoders the tests compare against.
//!
//! Each test crate uses a different subset of these helpers.
#![allow(dead_code)]

use std::path::PathBuf;

/// `tests/vectors` of this package.
pub fn vectors_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("vectors")
}

/// Lowercase hex of `data`.
pub fn hex(data: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(data.len() * 2);
    for &b in data {
        s.push(char::from(DIGITS[usize::from(b >> 4)]));
        s.push(char::from(DIGITS[usize::from(b & 0x0f)]));
    }
    s
}

/// Decodes hex text (either case); panics on malformed input, which in a
/// test means the vector file is broken.
pub fn unhex(text: &str) -> Vec<u8> {
    fn nibble(c: u8) -> u8 {
        match c {
            b'0'..=b'9' => c - b'0',
            b'a'..=b'f' => c - b'a' + 10,
            b'A'..=b'F' => c - b'A' + 10,
            _ => panic!("not a hex digit: {:?}", char::from(c)),
        }
    }
    let bytes = text.as_bytes();
    assert!(
        bytes.len().is_multiple_of(2),
        "odd-length hex text: {text:?}"
    );
    bytes
        .chunks_exact(2)
        .map(|pair| (nibble(pair[0]) << 4) | nibble(pair[1]))
        .collect()
}

/// Standard Base64 (RFC 4648 §4) with `=` padding.
pub fn base64(data: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut s = String::with_capacity(data.len().div_ceil(3) * 4);
    for group in data.chunks(3) {
        let b0 = group[0];
        let b1 = group.get(1).copied().unwrap_or(0);
        let b2 = group.get(2).copied().unwrap_or(0);
        let n = (u32::from(b0) << 16) | (u32::from(b1) << 8) | u32::from(b2);
        let sextet = |shift: u32| char::from(ALPHABET[((n >> shift) & 0x3f) as usize]);
        s.push(sextet(18));
        s.push(sextet(12));
        s.push(if group.len() > 1 { sextet(6) } else { '=' });
        s.push(if group.len() > 2 { sextet(0) } else { '=' });
    }
    s
}

/// HMAC-SHA256 by the RustCrypto `hmac` crate.
pub fn ref_hmac(key: &[u8], message: &[u8]) -> [u8; 32] {
    use hmac::Mac;
    let mut mac = <hmac::Hmac<sha2::Sha256> as hmac::digest::KeyInit>::new_from_slice(key)
        .expect("HMAC accepts keys of any length");
    mac.update(message);
    mac.finalize().into_bytes().into()
}

/// SHA-256 by the RustCrypto `sha2` crate.
pub fn ref_sha256(data: &[u8]) -> [u8; 32] {
    use sha2::Digest;
    sha2::Sha256::digest(data).into()
}

/// The UsernameToken value both Huawei headers use, built by hand.
pub fn username_token(app_key: &str, digest: &str, nonce: &str, created: &str) -> String {
    format!(
        "UsernameToken Username=\"{app_key}\",PasswordDigest=\"{digest}\",Nonce=\"{nonce}\",Created=\"{created}\""
    )
}

/// Expected X-AKSK value: digest = Base64(HMAC-SHA256(secret, nonce ‖ created)).
pub fn expected_x_aksk(app_key: &str, secret: &[u8], nonce: &str, created: &str) -> String {
    let tag = ref_hmac(secret, format!("{nonce}{created}").as_bytes());
    username_token(app_key, &base64(&tag), nonce, created)
}

/// Expected X-WSSE `PasswordDigest`: Base64 of hex (`hex_text`) or of the
/// raw bytes of SHA-256(nonce ‖ created ‖ secret).
pub fn expected_wsse_digest(secret: &[u8], nonce: &str, created: &str, hex_text: bool) -> String {
    let mut message = format!("{nonce}{created}").into_bytes();
    message.extend_from_slice(secret);
    let raw = ref_sha256(&message);
    if hex_text {
        base64(hex(&raw).as_bytes())
    } else {
        base64(&raw)
    }
}

/// Expected X-WSSE value.
pub fn expected_x_wsse(
    app_key: &str,
    secret: &[u8],
    nonce: &str,
    created: &str,
    hex_text: bool,
) -> String {
    let digest = expected_wsse_digest(secret, nonce, created, hex_text);
    username_token(app_key, &digest, nonce, created)
}

/// Expected Basic value: `Basic ` + Base64(user ":" secret).
pub fn expected_basic(user: &str, secret: &[u8]) -> String {
    let mut raw = user.as_bytes().to_vec();
    raw.push(b':');
    raw.extend_from_slice(secret);
    format!("Basic {}", base64(&raw))
}

/// A small deterministic xorshift64* generator for test data and chunk
/// splits (not a CSPRNG; tests only).
pub struct XorShift(pub u64);

impl XorShift {
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A value in `0..bound` (`bound > 0`).
    pub fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound as u64) as usize
    }

    pub fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| (self.next() >> 56) as u8).collect()
    }
}

/// Self-checks of the reference helpers, so a broken helper cannot make
/// the real tests pass vacuously.
pub fn self_check() {
    // RFC 4648 §10.
    for (input, output) in [
        ("", ""),
        ("f", "Zg=="),
        ("fo", "Zm8="),
        ("foo", "Zm9v"),
        ("foob", "Zm9vYg=="),
        ("fooba", "Zm9vYmE="),
        ("foobar", "Zm9vYmFy"),
    ] {
        assert_eq!(base64(input.as_bytes()), output);
    }
    assert_eq!(base64(&[0xfb, 0xff]), "+/8=");
    assert_eq!(hex(&[0x00, 0x7f, 0xab, 0xff]), "007fabff");
    assert_eq!(unhex("007fABff"), [0x00, 0x7f, 0xab, 0xff]);
}
