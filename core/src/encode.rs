//! Text encodings that stream into a [`Sink`]: Base64 (standard alphabet,
//! padded), lowercase hex, and RFC 3986 percent-encoding.
//!
//! Base64 and hex are computed without secret-dependent table lookups or
//! branches (Base64 with the arithmetic of RustCrypto's `base64ct`), since
//! they encode MACs and credentials.

use crate::Sink;

/// Input bytes the Base64 encoder gathers before encoding them at once.
const B64_CHUNK: usize = 48;

/// Length of the padded Base64 text of `n` bytes, or `None` on overflow.
///
/// ```
/// assert_eq!(callsign_core::encode::base64_len(32), Some(44));
/// assert_eq!(callsign_core::encode::base64_len(0), Some(0));
/// ```
pub const fn base64_len(n: usize) -> Option<usize> {
    let groups = n.div_ceil(3);
    groups.checked_mul(4)
}

/// A streaming Base64 encoder (standard alphabet, `=` padding) writing into
/// a sink. Input may arrive in pieces of any size; call
/// [`Base64Encoder::finish`] at the end. Buffered input is wiped on drop.
///
/// ```
/// use callsign_core::{encode::Base64Encoder, Out};
/// let mut buf = [0u8; 8];
/// let mut out = Out::new(&mut buf);
/// let mut enc = Base64Encoder::new(&mut out);
/// enc.update(b"ap");
/// enc.update(b"i:");
/// enc.finish();
/// assert_eq!(out.finish(), Ok(8));
/// assert_eq!(&buf, b"YXBpOg==");
/// ```
pub struct Base64Encoder<'s, S: Sink + ?Sized> {
    sink: &'s mut S,
    buf: [u8; B64_CHUNK],
    fill: usize,
}

impl<'s, S: Sink + ?Sized> Base64Encoder<'s, S> {
    /// An encoder writing into `sink`.
    ///
    /// ```
    /// let mut c = callsign_core::Counter::new();
    /// let enc = callsign_core::encode::Base64Encoder::new(&mut c);
    /// enc.finish();
    /// assert_eq!(c.count(), 0);
    /// ```
    pub fn new(sink: &'s mut S) -> Self {
        Base64Encoder {
            sink,
            buf: [0; B64_CHUNK],
            fill: 0,
        }
    }

    /// Encodes `data` after what came before.
    ///
    /// ```
    /// let mut c = callsign_core::Counter::new();
    /// let mut enc = callsign_core::encode::Base64Encoder::new(&mut c);
    /// enc.update(&[0; 100]);
    /// enc.finish();
    /// assert_eq!(c.count(), 136);
    /// ```
    pub fn update(&mut self, mut data: &[u8]) {
        while !data.is_empty() {
            let take = B64_CHUNK.saturating_sub(self.fill).min(data.len());
            let (head, rest) = data.split_at_checked(take).unwrap_or((data, &[]));
            if let Some(dst) = self.buf.get_mut(self.fill..self.fill.saturating_add(take)) {
                crate::out::copy_exact(dst, head);
            }
            self.fill = self.fill.saturating_add(take);
            data = rest;
            if self.fill == B64_CHUNK {
                self.flush();
            }
        }
    }

    /// Encodes the buffered input, padding a last partial group.
    ///
    /// Written here rather than through `base64ct::Base64::encode`: at
    /// opt-level "z" that function's slicing stays out of line with its
    /// bounds-check panics (found by the thumbv7em panic-never link in
    /// scripts/embedded.sh). Same constant-time arithmetic ([`b64_char_ct`]).
    fn flush(&mut self) {
        let mut text = [[0u8; 4]; B64_CHUNK / 3];
        let mut quads = 0usize;
        let mut src = self.buf.get(..self.fill).unwrap_or(&[]);
        for quad in text.iter_mut() {
            let Some((group, len)) = next_group(&mut src) else {
                break;
            };
            *quad = b64_quad(group, len, b64_char_ct);
            quads = quads.saturating_add(1);
        }
        if let Some(encoded) = text.as_flattened().get(..quads.saturating_mul(4)) {
            self.sink.write(encoded);
        }
        // The input buffer is overwritten by the next chunk and wiped on drop.
        crate::out::wipe(text.as_flattened_mut());
        self.fill = 0;
    }

    /// Encodes the last partial group, with padding.
    ///
    /// ```
    /// let mut c = callsign_core::Counter::new();
    /// let mut enc = callsign_core::encode::Base64Encoder::new(&mut c);
    /// enc.update(b"a");
    /// enc.finish();
    /// assert_eq!(c.count(), 4);
    /// ```
    pub fn finish(mut self) {
        if self.fill != 0 {
            self.flush();
        }
    }
}

impl<S: Sink + ?Sized> Drop for Base64Encoder<'_, S> {
    fn drop(&mut self) {
        crate::out::wipe(&mut self.buf);
    }
}

/// Base64-encodes, in place and in constant time, the `raw_len` bytes at
/// the end of `text`, whose length must be exactly `base64_len(raw_len)`:
/// afterwards `text` holds their padded Base64 and no other copy of them
/// exists (no intermediate buffer to wipe). Returns `false`, touching
/// nothing, when the lengths do not fit.
///
/// Group `i` is read from `start + 3i` and written to `4i`; since the text
/// is a third longer than the input, a group's 4 characters never reach
/// an unread byte (`4(i+1) <= start + 3(i+1)` as `start >= groups`). A
/// first pass writes 6-bit values, a second maps them to characters with
/// [`b64_char_ct`]'s arithmetic in a loop the compiler vectorises.
pub(crate) fn base64_in_place(text: &mut [u8], raw_len: usize) -> bool {
    let Some(start) = base64_len(raw_len).and_then(|n| n.checked_sub(raw_len)) else {
        return false;
    };
    if base64_len(raw_len) != Some(text.len()) {
        return false;
    }
    let mut read = start;
    let mut write = 0usize;
    // Whole groups: one bounds check each for the three bytes read and
    // the four 6-bit values written.
    while let Some(&[x, y, z]) = text.get(read..read.saturating_add(3)) {
        let quad = sextets(u32::from(x) << 16 | u32::from(y) << 8 | u32::from(z));
        if let Some(dst) = text.get_mut(write..write.saturating_add(4)) {
            if let Ok(dst) = <&mut [u8; 4]>::try_from(dst) {
                *dst = quad;
            }
        }
        read = read.saturating_add(3);
        write = write.saturating_add(4);
    }
    // The last group of one or two bytes, zero-extended (its padding is
    // written below).
    if let Some(tail) = text.get(read..) {
        let byte = |i: usize| u32::from(tail.get(i).copied().unwrap_or(0));
        let n = byte(0) << 16 | byte(1) << 8;
        if !tail.is_empty() {
            if let Some(dst) = text.get_mut(write..write.saturating_add(4)) {
                if let Ok(dst) = <&mut [u8; 4]>::try_from(dst) {
                    *dst = sextets(n);
                }
            }
        }
    }
    // The 6-bit values to characters, one lane per byte (vectorised).
    for b in text.iter_mut() {
        *b = b64_char_ct8(*b);
    }
    // The padding follows the public length.
    let pad = match raw_len % 3 {
        1 => 2,
        2 => 1,
        _ => 0,
    };
    let len = text.len();
    if let Some(tail) = text.get_mut(len.saturating_sub(pad)..) {
        tail.fill(b'=');
    }
    true
}

/// The four 6-bit values of a 24-bit group (high bits above 6 left for
/// the character mapping to mask).
#[inline(always)]
fn sextets(n: u32) -> [u8; 4] {
    [(n >> 18) as u8, (n >> 12) as u8, (n >> 6) as u8, n as u8]
}

/// Writes the Base64 text of `data` into `sink`.
///
/// ```
/// let mut buf = [0u8; 4];
/// let mut out = callsign_core::Out::new(&mut buf);
/// callsign_core::encode::base64(b"hi", &mut out);
/// assert_eq!(&buf, b"aGk=");
/// ```
pub fn base64<S: Sink + ?Sized>(data: &[u8], sink: &mut S) {
    let mut enc = Base64Encoder::new(sink);
    enc.update(data);
    enc.finish();
}

/// The standard Base64 alphabet.
const B64_ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Takes the next group of up to 3 bytes from the front of `src`: the
/// group, zero-padded, and its length; `None` when `src` is empty.
///
/// Not `chunks(3)`: at opt-level "z" its out-of-line length computation
/// (in `Zip::new`) keeps a division-by-zero panic.
#[inline(always)]
fn next_group(src: &mut &[u8]) -> Option<([u8; 3], usize)> {
    let (group, len, rest): ([u8; 3], usize, &[u8]) = match src.split_first_chunk::<3>() {
        Some((group, rest)) => (*group, 3, rest),
        None => match **src {
            [a, b] => ([a, b, 0], 2, &[]),
            [a] => ([a, 0, 0], 1, &[]),
            _ => return None,
        },
    };
    *src = rest;
    Some((group, len))
}

/// The 4 Base64 characters of a group of `len` (1 to 3) bytes, `=`-padded,
/// with `char_of` mapping 6-bit values to characters.
#[inline(always)]
fn b64_quad(group: [u8; 3], len: usize, char_of: impl Fn(u32) -> u8) -> [u8; 4] {
    let [a, b, c] = group;
    let n = u32::from(a) << 16 | u32::from(b) << 8 | u32::from(c);
    let mut quad = [
        char_of(n >> 18),
        char_of(n >> 12),
        char_of(n >> 6),
        char_of(n),
    ];
    // The group length is public: it follows the input length.
    let [_, _, q2, q3] = &mut quad;
    if len < 3 {
        *q3 = b'=';
    }
    if len < 2 {
        *q2 = b'=';
    }
    quad
}

/// The Base64 character of the low 6 bits of `v`, without a data-dependent
/// branch or table lookup: the offset from `'A'` is corrected by
/// arithmetic masks for the ranges a–z, 0–9, `+` and `/` (the constant-time
/// method of RustCrypto's `base64ct`).
#[inline(always)]
fn b64_char_ct(v: u32) -> u8 {
    let src = (v & 63) as i16;
    // `(limit - src) >> 8` is -1 (all ones) when src > limit, else 0.
    let above = |limit: i16| limit.wrapping_sub(src) >> 8;
    let diff = 0x41i16
        .wrapping_add(above(25) & 6)
        .wrapping_sub(above(51) & 75)
        .wrapping_sub(above(61) & 15)
        .wrapping_add(above(62) & 3);
    src.wrapping_add(diff) as u8
}

/// [`b64_char_ct`] in 8-bit lanes, for the vectorised pass of
/// [`base64_in_place`]: the same masks (the comparisons are exact for the
/// 6-bit values 0..=63, whose differences from the limits fit an `i8`).
#[inline(always)]
fn b64_char_ct8(v: u8) -> u8 {
    let src = (v & 63) as i8;
    let above = |limit: i8| (limit.wrapping_sub(src) >> 7) as u8;
    let diff = 0x41u8
        .wrapping_add(above(25) & 6)
        .wrapping_sub(above(51) & 75)
        .wrapping_sub(above(61) & 15)
        .wrapping_add(above(62) & 3);
    (src as u8).wrapping_add(diff)
}

/// The Base64 character of the low 6 bits of `v`.
#[inline(always)]
fn b64_char(v: u32) -> u8 {
    // `v & 63` is always a valid index; `get` keeps the path panic-free.
    B64_ALPHABET.get((v & 63) as usize).copied().unwrap_or(b'A')
}

/// Writes the Base64 text of `data` into `sink` with a table lookup per
/// character: faster than [`base64`], but neither constant-time nor wiped,
/// so only for data sent in the clear, such as a digest in a header. Never
/// use it for secrets.
///
/// ```
/// let mut buf = [0u8; 8];
/// let mut out = callsign_core::Out::new(&mut buf);
/// callsign_core::encode::base64_public(b"api:", &mut out);
/// assert_eq!(out.finish(), Ok(8));
/// assert_eq!(&buf, b"YXBpOg==");
/// ```
pub fn base64_public<S: Sink + ?Sized>(data: &[u8], sink: &mut S) {
    // Quads as arrays and groups split off with `next_group`, like the
    // constant-time encoder, so no chunk iterator's panic path survives at
    // opt-level "z".
    let mut src = data;
    while !src.is_empty() {
        let mut text = [[0u8; 4]; B64_CHUNK / 3];
        let mut quads = 0usize;
        for quad in text.iter_mut() {
            let Some((group, len)) = next_group(&mut src) else {
                break;
            };
            *quad = b64_quad(group, len, b64_char);
            quads = quads.saturating_add(1);
        }
        if let Some(encoded) = text.as_flattened().get(..quads.saturating_mul(4)) {
            sink.write(encoded);
        }
    }
}

/// Base64 of a 32-byte digest (44 characters, one `=`), with
/// [`base64_public`]: for digests sent in the clear only.
///
/// ```
/// let text = callsign_core::encode::base64_32(&[0xff; 32]);
/// assert_eq!(&text, b"//////////////////////////////////////////8=");
/// ```
pub fn base64_32(digest: &[u8; 32]) -> [u8; 44] {
    base64_fixed(digest)
}

/// Base64 (table lookups, for public data) of an `N`-byte array into an
/// `M`-character one, `M` being `base64_len(N)` (the callers' sizes: 32 →
/// 44, 64 → 88). Whole groups, then the one- or two-byte tail: the
/// lengths are known at compile time, so the loop unrolls into straight
/// lookups.
#[inline(always)]
pub(crate) fn base64_fixed<const N: usize, const M: usize>(data: &[u8; N]) -> [u8; M] {
    let mut text = [0u8; M];
    let mut src: &[u8] = data;
    let mut rest: &mut [u8] = &mut text;
    while let Some((group, tail)) = src.split_first_chunk::<3>() {
        let Some((quad, after)) = core::mem::take(&mut rest).split_first_chunk_mut::<4>() else {
            break;
        };
        *quad = b64_quad(*group, 3, b64_char);
        src = tail;
        rest = after;
    }
    if let Some((quad, _)) = rest.split_first_chunk_mut::<4>() {
        match *src {
            [a, b] => *quad = b64_quad([a, b, 0], 2, b64_char),
            [a] => *quad = b64_quad([a, 0, 0], 1, b64_char),
            _ => {}
        }
    }
    text
}

/// The lowercase hex digit of the low 4 bits of `nibble`, without a
/// data-dependent branch or table lookup.
#[inline(always)]
const fn hex_digit(nibble: u8) -> u8 {
    let n = nibble & 0x0f;
    // 0xff when n > 9, else 0x00: (9 - n) borrows into the high bits.
    let above_nine = (9u8.wrapping_sub(n) as i8 >> 7) as u8;
    n.wrapping_add(b'0')
        .wrapping_add(above_nine & (b'a' - b'0' - 10))
}

/// Writes lowercase hex of `data` into `sink` (two characters per byte).
///
/// ```
/// let mut buf = [0u8; 4];
/// let mut out = callsign_core::Out::new(&mut buf);
/// callsign_core::encode::hex(&[0xab, 0x09], &mut out);
/// assert_eq!(&buf, b"ab09");
/// ```
pub fn hex<S: Sink + ?Sized>(data: &[u8], sink: &mut S) {
    // Pairs as arrays, not `chunks_exact_mut(2)` (see `base64_32`).
    let mut text = [[0u8; 2]; 32];
    for chunk in data.chunks(32) {
        for (pair, b) in text.iter_mut().zip(chunk) {
            *pair = [hex_digit(b >> 4), hex_digit(*b)];
        }
        if let Some(t) = text.as_flattened().get(..chunk.len().saturating_mul(2)) {
            sink.write(t);
        }
    }
    crate::out::wipe(text.as_flattened_mut());
}

/// Lowercase hex of a 32-byte digest, as an array.
///
/// ```
/// let h = callsign_core::encode::hex32(&[0x0f; 32]);
/// assert_eq!(&h[..4], b"0f0f");
/// ```
pub fn hex32(data: &[u8; 32]) -> [u8; 64] {
    let mut text = [0u8; 64];
    hex32_into(data, &mut text);
    text
}

/// Lowercase hex of 32 bytes, written into `text` with no other copy (for
/// a digest that must be wiped after use).
///
/// ```
/// let mut text = [0u8; 64];
/// callsign_core::encode::hex32_into(&[0xab; 32], &mut text);
/// assert_eq!(&text[..4], b"abab");
/// ```
pub fn hex32_into(data: &[u8; 32], text: &mut [u8; 64]) {
    let mut rest: &mut [u8] = text;
    for b in data {
        let Some((pair, tail)) = core::mem::take(&mut rest).split_first_chunk_mut::<2>() else {
            break;
        };
        *pair = [hex_digit(b >> 4), hex_digit(*b)];
        rest = tail;
    }
}

/// Lowercase hex of a public 32-byte digest with a table lookup per byte:
/// faster than [`hex32`], but not constant-time, so only for a digest sent
/// in the clear (the X-WSSE `PasswordDigest` is Base64 of it).
#[inline(always)]
pub(crate) fn hex32_public(data: &[u8; 32]) -> [u8; 64] {
    // Evaluated at compile time: an out-of-range index or an overflow
    // would fail the build, not panic at run time.
    #[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]
    const PAIRS: [[u8; 2]; 256] = {
        let digits = b"0123456789abcdef";
        let mut t = [[0u8; 2]; 256];
        let mut i = 0;
        while i < 256 {
            t[i] = [digits[i >> 4], digits[i & 15]];
            i += 1;
        }
        t
    };
    let mut text = [0u8; 64];
    let mut rest: &mut [u8] = &mut text;
    for b in data {
        let Some((pair, tail)) = core::mem::take(&mut rest).split_first_chunk_mut::<2>() else {
            break;
        };
        *pair = PAIRS.get(usize::from(*b)).copied().unwrap_or([b'0'; 2]);
        rest = tail;
    }
    text
}

/// Whether `b` is an RFC 3986 "unreserved" character (`A–Z a–z 0–9 - . _ ~`).
///
/// ```
/// assert!(callsign_core::encode::is_unreserved(b'~'));
/// assert!(!callsign_core::encode::is_unreserved(b'+'));
/// ```
pub const fn is_unreserved(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~')
}

/// Writes `data` percent-encoded per RFC 3986 into `sink`: unreserved
/// characters as they are, every other byte as `%XX` with uppercase hex.
///
/// ```
/// let mut buf = [0u8; 16];
/// let mut out = callsign_core::Out::new(&mut buf);
/// callsign_core::encode::percent_encode("a b+é".as_bytes(), &mut out);
/// let n = out.finish()?;
/// assert_eq!(&buf[..n], b"a%20b%2B%C3%A9");
/// # Ok::<(), callsign_core::Error>(())
/// ```
pub fn percent_encode<S: Sink + ?Sized>(data: &[u8], sink: &mut S) {
    const UPPER: &[u8; 16] = b"0123456789ABCDEF";
    let mut start = 0;
    for (i, &b) in data.iter().enumerate() {
        if is_unreserved(b) {
            continue;
        }
        if let Some(run) = data.get(start..i) {
            sink.write(run);
        }
        let hi = UPPER.get(usize::from(b >> 4)).copied().unwrap_or(b'0');
        let lo = UPPER.get(usize::from(b & 0x0f)).copied().unwrap_or(b'0');
        sink.write(&[b'%', hi, lo]);
        start = i.saturating_add(1);
    }
    if let Some(run) = data.get(start..) {
        sink.write(run);
    }
}

/// Length of the percent-encoded form of `data` (see [`percent_encode`]).
///
/// ```
/// assert_eq!(callsign_core::encode::percent_encoded_len(b"a b"), 5);
/// ```
pub fn percent_encoded_len(data: &[u8]) -> usize {
    data.iter().fold(0usize, |n, &b| {
        n.saturating_add(if is_unreserved(b) { 1 } else { 3 })
    })
}

#[cfg(test)]
#[allow(clippy::arithmetic_side_effects)]
mod tests {
    use super::*;
    use crate::Out;

    #[test]
    fn constant_time_alphabet() {
        for v in 0..64u32 {
            assert_eq!(b64_char_ct(v), B64_ALPHABET[v as usize], "value {v}");
            assert_eq!(b64_char_ct(v + 64), B64_ALPHABET[v as usize]);
        }
    }

    /// Table-driven reference (RFC 4648 section 4).
    fn reference(data: &[u8], out: &mut [u8]) -> usize {
        let mut n = 0;
        for g in data.chunks(3) {
            let b = [g[0], *g.get(1).unwrap_or(&0), *g.get(2).unwrap_or(&0)];
            let v = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
            for k in 0..4 {
                out[n + k] = if k <= g.len() {
                    B64_ALPHABET[(v >> (18 - 6 * k) & 63) as usize]
                } else {
                    b'='
                };
            }
            n += 4;
        }
        n
    }

    #[test]
    fn streaming_matches_reference_at_every_length_and_split() {
        let data: [u8; 150] = core::array::from_fn(|i| (i as u8).wrapping_mul(37).wrapping_add(11));
        for len in 0..=data.len() {
            let mut want = [0u8; 200];
            let want_len = reference(&data[..len], &mut want);
            assert_eq!(base64_len(len), Some(want_len));
            for split in [0, 1, 2, 47, 48, 49, len / 2, len] {
                let split = split.min(len);
                let mut buf = [0u8; 200];
                let mut out = Out::new(&mut buf[..want_len]);
                let mut enc = Base64Encoder::new(&mut out);
                enc.update(&data[..split]);
                enc.update(&data[split..len]);
                enc.finish();
                assert_eq!(out.finish(), Ok(want_len), "len {len} split {split}");
                assert_eq!(
                    &buf[..want_len],
                    &want[..want_len],
                    "len {len} split {split}"
                );
            }
        }
    }
}

#[cfg(test)]
mod in_place_tests {
    use super::{base64, base64_in_place, base64_len};
    use crate::Out;

    /// Every input length from 0 to 300 bytes (all three padding cases,
    /// several chunks): the in-place encoder equals the streaming one, and
    /// wrong lengths are refused without touching the buffer.
    #[test]
    fn in_place_equals_streaming_for_every_length() {
        let mut data = [0u8; 300];
        for (i, b) in data.iter_mut().enumerate() {
            *b = (i as u8).wrapping_mul(151).wrapping_add(7);
        }
        for len in 0..=300usize {
            let raw = &data[..len];
            let n = base64_len(len).unwrap();
            let mut want = [0u8; 410];
            let mut out = Out::new(&mut want[..n]);
            base64(raw, &mut out);
            assert_eq!(out.finish(), Ok(n));
            let mut text = [0u8; 410];
            text[n - len..n].copy_from_slice(raw);
            assert!(base64_in_place(&mut text[..n], len));
            assert_eq!(&text[..n], &want[..n], "length {len}");
            let mut short = [9u8; 410];
            assert!(!base64_in_place(&mut short[..n + 1], len));
            assert!(short.iter().all(|&b| b == 9));
        }
    }
}
