//! Shared pieces of the fuzz targets: the input reader every structured
//! target uses, and the independent references the oracles compare with.
//!
//! # Input format of the structured targets
//! Read front to back with [`arbitrary::Unstructured`]:
//! - a *byte* is one byte (0 once the input is exhausted);
//! - a *text* or *blob* is a length byte `n` followed by `n` bytes (fewer if
//!   the input ends first); a text keeps its longest UTF-8 prefix;
//! - a *long blob* has a two-byte little-endian length;
//! - the *rest* is everything left.
//!
//! `fuzz/seed.py` writes seeds in this format from `tests/vectors/*.json`.

use arbitrary::{Arbitrary, Unstructured};
use base64::Engine;
use hmac::{Hmac, Mac};

/// A reader over the fuzzer's bytes (see the crate docs for the format).
pub struct Input<'a> {
    u: Unstructured<'a>,
}

impl<'a> Input<'a> {
    /// A reader over `data`.
    pub fn new(data: &'a [u8]) -> Self {
        Input {
            u: Unstructured::new(data),
        }
    }

    /// One byte, 0 when exhausted.
    pub fn byte(&mut self) -> u8 {
        u8::arbitrary(&mut self.u).unwrap_or(0)
    }

    /// A little-endian `u16` from two bytes.
    pub fn u16(&mut self) -> u16 {
        u16::from(self.byte()) | u16::from(self.byte()) << 8
    }

    /// A little-endian `u64` from eight bytes.
    pub fn u64(&mut self) -> u64 {
        (0..8).fold(0u64, |v, i| v | u64::from(self.byte()) << (8 * i))
    }

    /// A bool from the low bit of a byte.
    pub fn bool(&mut self) -> bool {
        self.byte() & 1 == 1
    }

    fn take(&mut self, n: usize) -> &'a [u8] {
        let n = n.min(self.u.len());
        self.u.bytes(n).unwrap_or(&[])
    }

    /// A blob with a one-byte length.
    pub fn blob(&mut self) -> &'a [u8] {
        let n = usize::from(self.byte());
        self.take(n)
    }

    /// A blob with a two-byte length.
    pub fn long_blob(&mut self) -> &'a [u8] {
        let n = usize::from(self.u16());
        self.take(n)
    }

    /// A text with a one-byte length (its longest UTF-8 prefix).
    pub fn text(&mut self) -> &'a str {
        utf8_prefix(self.blob())
    }

    /// A text with a two-byte length (its longest UTF-8 prefix).
    pub fn long_text(&mut self) -> &'a str {
        utf8_prefix(self.long_blob())
    }

    /// Everything left.
    pub fn rest(&mut self) -> &'a [u8] {
        let n = self.u.len();
        self.take(n)
    }

    /// Whether nothing is left.
    pub fn is_empty(&self) -> bool {
        self.u.is_empty()
    }

    /// Up to `max` (name, value) text pairs, preceded by their count.
    pub fn pairs(&mut self, max: usize) -> Vec<(&'a str, &'a str)> {
        let n = usize::from(self.byte()) % (max + 1);
        (0..n).map(|_| (self.text(), self.text())).collect()
    }
}

/// The longest UTF-8 prefix of `b`.
pub fn utf8_prefix(b: &[u8]) -> &str {
    match std::str::from_utf8(b) {
        Ok(s) => s,
        Err(e) => std::str::from_utf8(&b[..e.valid_up_to()]).unwrap_or(""),
    }
}

/// HMAC-SHA256 by the `hmac` and `sha2` crates.
pub fn ref_hmac_sha256(key: &[u8], parts: &[&[u8]]) -> [u8; 32] {
    let mut m = <Hmac<sha2::Sha256> as Mac>::new_from_slice(key).expect("any key length");
    for p in parts {
        m.update(p);
    }
    m.finalize().into_bytes().into()
}

/// HMAC-SHA1 by the `hmac` and `sha1` crates.
pub fn ref_hmac_sha1(key: &[u8], msg: &[u8]) -> [u8; 20] {
    let mut m = <Hmac<sha1::Sha1> as Mac>::new_from_slice(key).expect("any key length");
    m.update(msg);
    m.finalize().into_bytes().into()
}

/// SHA-256 by the `sha2` crate.
pub fn ref_sha256(data: &[u8]) -> [u8; 32] {
    use sha2::Digest;
    sha2::Sha256::digest(data).into()
}

/// The `base64` crate's standard alphabet with padding required and
/// canonical trailing bits required on decode: the rules callsign applies
/// to received signatures (`verify::decode_base64_exact`).
pub const B64_STRICT: base64::engine::GeneralPurpose = base64::engine::GeneralPurpose::new(
    &base64::alphabet::STANDARD,
    base64::engine::GeneralPurposeConfig::new()
        .with_decode_padding_mode(base64::engine::DecodePaddingMode::RequireCanonical)
        .with_decode_allow_trailing_bits(false),
);

/// Padding forbidden, canonical trailing bits required (Sinch secrets
/// without `=`).
pub const B64_UNPADDED: base64::engine::GeneralPurpose = base64::engine::GeneralPurpose::new(
    &base64::alphabet::STANDARD,
    base64::engine::GeneralPurposeConfig::new()
        .with_encode_padding(false)
        .with_decode_padding_mode(base64::engine::DecodePaddingMode::RequireNone)
        .with_decode_allow_trailing_bits(false),
);

/// Standard padded Base64 by the `base64` crate.
pub fn ref_b64(data: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(data)
}

/// Strict Base64 decoding by the `base64` crate (see [`B64_STRICT`]).
pub fn ref_b64_decode(text: &[u8]) -> Option<Vec<u8>> {
    B64_STRICT.decode(text).ok()
}

/// Lowercase hex decoding by the `hex` crate, with callsign's rule that
/// received MACs are lowercase (the `hex` crate takes either case).
pub fn ref_hex_lower_decode(text: &[u8]) -> Option<Vec<u8>> {
    if text.iter().any(|b| b.is_ascii_uppercase()) {
        return None;
    }
    hex::decode(text).ok()
}

/// Everything a [`callsign_core::Emit`] writes, checking the buffer rule
/// on the way: too small a buffer is refused with the exact `needed` and
/// is left untouched; the exact size succeeds with `len()` bytes.
pub fn emit_checked<E: callsign_core::Emit>(value: &E, short_by: usize) -> Vec<u8> {
    let len = value.len();
    if len > 0 {
        let cap = len.saturating_sub(short_by.max(1));
        let mut small = vec![0xA5u8; cap];
        assert_eq!(
            value.write(&mut small),
            Err(callsign_core::Error::BufferTooSmall { needed: len })
        );
        assert!(small.iter().all(|&b| b == 0xA5), "written on error");
    }
    let mut buf = vec![0u8; len + 1];
    buf[len] = 0x5A;
    let n = value.write(&mut buf).expect("the exact size is enough");
    assert_eq!(n, len);
    assert_eq!(buf[len], 0x5A, "written past len()");
    buf.truncate(len);
    buf
}

/// Flips byte `at % text.len()` of `text` to another byte that keeps it
/// UTF-8 (ASCII for ASCII, which the signed texts are), or `None` when
/// `text` is empty or the byte is not ASCII.
pub fn flip_ascii(text: &str, at: usize, with: u8) -> Option<String> {
    if text.is_empty() {
        return None;
    }
    let mut b = text.as_bytes().to_vec();
    let i = at % b.len();
    if !b[i].is_ascii() {
        return None;
    }
    let x = (with & 0x7f).max(1);
    b[i] ^= x;
    String::from_utf8(b).ok()
}

/// Unix seconds of a calendar date and time by the `time` crate, or `None`
/// when `time` says the date or time does not exist.
pub fn ref_unix(y: u16, mo: u8, d: u8, h: u8, mi: u8, s: u8) -> Option<i64> {
    let month = time::Month::try_from(mo).ok()?;
    let date = time::Date::from_calendar_date(i32::from(y), month, d).ok()?;
    let t = time::Time::from_hms(h, mi, s).ok()?;
    Some(
        time::PrimitiveDateTime::new(date, t)
            .assume_utc()
            .unix_timestamp(),
    )
}

/// The percent-decoded path of a Sinch request target: the part before
/// `?` or `#`, with each `%XX` (either case) one byte.
pub fn ref_decoded_path(target: &str) -> Vec<u8> {
    let path = target.split(['?', '#']).next().unwrap_or("").as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < path.len() {
        if path[i] == b'%' && i + 2 < path.len() {
            let h = (path[i + 1] as char).to_digit(16);
            let l = (path[i + 2] as char).to_digit(16);
            if let (Some(h), Some(l)) = (h, l) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(path[i]);
        i += 1;
    }
    out
}
