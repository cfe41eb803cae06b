//! SHA-256 and HMAC-SHA256, streaming, with keyed state computed once.
//!
//! Both are built on `sha2::compress256` (which uses the CPU's SHA
//! extensions where present). Owning the chaining state lets callsign
//! precompute an HMAC key's inner and outer states once ([`HmacKey`]) and
//! wipe them when dropped, which the `hmac` crate's types do not offer.

use zeroize::Zeroize;

use crate::Sink;

/// Size of a SHA-256 digest and of an HMAC-SHA256 tag, in bytes.
pub const SHA256_LEN: usize = 32;

/// SHA-256 block size, in bytes.
const BLOCK: usize = 64;

/// SHA-256 initial hash value (FIPS 180-4 §5.3.3).
const IV: [u32; 8] = [
    0x6a09_e667,
    0xbb67_ae85,
    0x3c6e_f372,
    0xa54f_f53a,
    0x510e_527f,
    0x9b05_688c,
    0x1f83_d9ab,
    0x5be0_cd19,
];

/// Compresses one block.
#[inline(always)]
fn compress(state: &mut [u32; 8], block: &[u8; BLOCK]) {
    compress_n(state, core::slice::from_ref(block));
}

/// The one place that calls `sha2::block_api::compress256`: with a single call site the
/// compression function is compiled once, which keeps both code size and,
/// at opt-level "z", its out-of-line helpers (with their panic checks) in
/// check.
#[inline(never)]
fn compress_n(state: &mut [u32; 8], blocks: &[[u8; BLOCK]]) {
    sha2::block_api::compress256(state, blocks);
}

/// Blocks handed to `compress256` per call on long inputs. With the SHA
/// extensions of x86 and ARMv8 a call costs a state load and store worth
/// batching over 8 blocks; elsewhere (microcontrollers) the portable
/// compression dwarfs the call, so a batch of one spares 448 bytes of stack.
#[cfg(any(target_arch = "x86", target_arch = "x86_64", target_arch = "aarch64"))]
const BATCH: usize = 8;
/// See above: one block per call where there are no SHA extensions.
#[cfg(not(any(target_arch = "x86", target_arch = "x86_64", target_arch = "aarch64")))]
const BATCH: usize = 1;

/// Compresses whole blocks (`data.len()` a multiple of 64) in batches, so
/// the per-call cost of `compress256` (loading and storing the state in
/// the SHA extension's layout) is paid once per 8 blocks instead of once
/// per block. Kept out of line: short messages never use its batch buffer
/// (512 bytes on x86 and ARMv8), so it costs them no stack. Blocks are split off with
/// `split_first_chunk`, not chunk iterators, whose out-of-line length
/// computations keep a division-by-zero panic at opt-level "z".
#[inline(never)]
fn compress_blocks(state: &mut [u32; 8], mut data: &[u8]) {
    let mut batch = [[0u8; BLOCK]; BATCH];
    loop {
        let mut n = 0usize;
        for slot in batch.iter_mut() {
            let Some((block, rest)) = data.split_first_chunk::<BLOCK>() else {
                break;
            };
            *slot = *block;
            data = rest;
            n = n.saturating_add(1);
        }
        match batch.get(..n) {
            Some(full) if n > 0 => compress_n(state, full),
            _ => break,
        }
    }
    // The blocks may be a long secret being hashed into an HMAC key.
    batch.zeroize();
}

/// Writes the big-endian bytes of a chaining state, a digest, into `out`
/// with no other copy. `split_first_chunk_mut`, not `chunks_exact_mut`, for
/// the same reason as in `compress_blocks`.
fn state_bytes_into(state: &[u32; 8], out: &mut [u8; SHA256_LEN]) {
    let mut rest: &mut [u8] = out;
    for word in state {
        let Some((dst, tail)) = core::mem::take(&mut rest).split_first_chunk_mut::<4>() else {
            break;
        };
        *dst = word.to_be_bytes();
        rest = tail;
    }
}

/// The SHA-256 engine: chaining state, a partial block and a block count.
#[derive(Clone)]
struct Engine {
    state: [u32; 8],
    buf: [u8; BLOCK],
    fill: usize,
    blocks: u64,
}

impl Engine {
    const fn at(state: [u32; 8], blocks: u64) -> Self {
        Engine {
            state,
            buf: [0; BLOCK],
            fill: 0,
            blocks,
        }
    }

    fn update(&mut self, mut data: &[u8]) {
        if self.fill != 0 {
            let take = BLOCK.saturating_sub(self.fill).min(data.len());
            let (head, rest) = data.split_at_checked(take).unwrap_or((data, &[]));
            if let Some(dst) = self.buf.get_mut(self.fill..self.fill.saturating_add(take)) {
                crate::out::copy_exact(dst, head);
            }
            self.fill = self.fill.saturating_add(take);
            data = rest;
            if self.fill < BLOCK {
                return;
            }
            compress(&mut self.state, &self.buf);
            self.blocks = self.blocks.wrapping_add(1);
            self.fill = 0;
        }
        let whole = (data.len() / BLOCK).saturating_mul(BLOCK);
        let (blocks, rest) = data.split_at_checked(whole).unwrap_or((&[], data));
        match blocks.len() / BLOCK {
            0 => {}
            1 => {
                if let Ok(block) = <&[u8; BLOCK]>::try_from(blocks) {
                    compress(&mut self.state, block);
                }
            }
            _ => compress_blocks(&mut self.state, blocks),
        }
        self.blocks = self.blocks.wrapping_add((blocks.len() / BLOCK) as u64);
        if let Some(dst) = self.buf.get_mut(..rest.len()) {
            crate::out::copy_exact(dst, rest);
            self.fill = rest.len();
        }
    }

    /// Pads, compresses the last block(s) and returns the digest.
    fn finish(&mut self) -> [u8; SHA256_LEN] {
        let mut digest = [0u8; SHA256_LEN];
        self.finish_into(&mut digest);
        digest
    }

    /// Pads, compresses the last block(s) and writes the digest into `out`.
    fn finish_into(&mut self, out: &mut [u8; SHA256_LEN]) {
        // Message length in bits, modulo 2^64 as FIPS 180-4 defines it.
        let bits = self
            .blocks
            .wrapping_mul(BLOCK as u64)
            .wrapping_add(self.fill as u64)
            .wrapping_mul(8);
        if let Some(rest) = self.buf.get_mut(self.fill..) {
            if let Some((first, zeros)) = rest.split_first_mut() {
                *first = 0x80;
                zeros.fill(0);
            }
        }
        if self.fill >= BLOCK - 8 {
            compress(&mut self.state, &self.buf);
            self.buf = [0; BLOCK];
        }
        if let Some(len) = self.buf.get_mut(BLOCK - 8..) {
            crate::out::copy_exact(len, &bits.to_be_bytes());
        }
        compress(&mut self.state, &self.buf);
        state_bytes_into(&self.state, out);
    }
}

impl Drop for Engine {
    /// Wipes the chaining state: after a keyed block it is key-equivalent.
    /// The block buffer holds message bytes only; [`Sha256`], whose input
    /// may be secret (X-WSSE hashes the app secret), wipes it too.
    fn drop(&mut self) {
        self.state.zeroize();
    }
}

/// Streaming SHA-256, fed in chunks of any size. Its state is wiped on drop,
/// since what it hashes may include a secret (X-WSSE hashes the app secret).
///
/// ```
/// use callsign_core::Sha256;
/// let mut h = Sha256::new();
/// h.update(b"a");
/// h.update(b"bc");
/// let d = h.finalize();
/// assert_eq!(d[..4], [0xba, 0x78, 0x16, 0xbf]);
/// assert_eq!(d, callsign_core::sha256(b"abc"));
/// ```
#[derive(Clone)]
pub struct Sha256 {
    engine: Engine,
}

impl Sha256 {
    /// A hasher over the empty message.
    ///
    /// ```
    /// let d = callsign_core::Sha256::new().finalize();
    /// assert_eq!(d[0], 0xe3);
    /// ```
    pub const fn new() -> Self {
        Sha256 {
            engine: Engine::at(IV, 0),
        }
    }

    /// Hashes `data` after what came before.
    ///
    /// ```
    /// let mut h = callsign_core::Sha256::new();
    /// h.update(b"body chunk 1");
    /// h.update(b"body chunk 2");
    /// let _digest = h.finalize();
    /// ```
    pub fn update(&mut self, data: &[u8]) {
        self.engine.update(data);
    }

    /// The 32-byte digest.
    ///
    /// ```
    /// assert_eq!(callsign_core::Sha256::new().finalize().len(), 32);
    /// ```
    pub fn finalize(mut self) -> [u8; SHA256_LEN] {
        self.engine.finish()
    }

    /// The 32-byte digest, written into `out` with no other copy (for a
    /// digest that must be wiped after use).
    ///
    /// ```
    /// let mut h = callsign_core::Sha256::new();
    /// h.update(b"abc");
    /// let mut d = [0u8; 32];
    /// h.finalize_into(&mut d);
    /// assert_eq!(d, callsign_core::sha256(b"abc"));
    /// ```
    pub fn finalize_into(mut self, out: &mut [u8; SHA256_LEN]) {
        self.engine.finish_into(out);
    }
}

impl Drop for Sha256 {
    fn drop(&mut self) {
        self.engine.buf.zeroize();
    }
}

impl Default for Sha256 {
    fn default() -> Self {
        Self::new()
    }
}

impl Sink for Sha256 {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        self.update(bytes);
    }
}

impl core::fmt::Debug for Sha256 {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("Sha256 { .. }")
    }
}

/// SHA-256 of `data` in one call.
///
/// ```
/// let d = callsign_core::sha256(b"");
/// assert_eq!(d[..2], [0xe3, 0xb0]);
/// ```
pub fn sha256(data: &[u8]) -> [u8; SHA256_LEN] {
    let mut h = Sha256::new();
    h.update(data);
    // Finished in place, not moved into `finalize`: the buffer, which may
    // hold the end of a secret, is wiped where it is when `h` drops.
    h.engine.finish()
}

/// An HMAC-SHA256 key with its inner and outer states computed once.
///
/// Signing many messages with one key clones these states instead of
/// re-hashing the padded key each time: an HMAC of a short message then
/// costs two SHA-256 compressions instead of four. The states are wiped on
/// drop and never shown by `Debug`.
///
/// ```
/// use callsign_core::HmacKey;
/// let key = HmacKey::new(b"key");
/// let tag = key.mac(b"The quick brown fox jumps over the lazy dog");
/// assert_eq!(tag[..4], [0xf7, 0xbc, 0x83, 0xf4]);
/// assert_eq!(format!("{key:?}"), "HmacKey(<redacted>)");
/// ```
#[derive(Clone)]
pub struct HmacKey {
    inner: [u32; 8],
    outer: [u32; 8],
}

impl HmacKey {
    /// Computes the keyed states for `secret` (any length; a secret longer
    /// than 64 bytes is hashed first, as RFC 2104 says).
    ///
    /// ```
    /// let key = callsign_core::HmacKey::new(b"app secret");
    /// # let _ = key;
    /// ```
    pub fn new(secret: &[u8]) -> Self {
        let mut key = Self::zeroed();
        key.rekey(secret);
        key
    }

    /// A key whose states are all zero, to receive its secret in place
    /// with [`HmacKey::rekey`]: for a key that must be computed where it
    /// will live (a moved key leaves a copy of its states behind). A MAC
    /// computed before `rekey` is not the HMAC of any key.
    ///
    /// ```
    /// use callsign_core::HmacKey;
    /// let mut key = HmacKey::zeroed();
    /// key.rekey(b"key");
    /// assert_eq!(key.mac(b"m"), HmacKey::new(b"key").mac(b"m"));
    /// ```
    pub const fn zeroed() -> Self {
        HmacKey {
            inner: [0; 8],
            outer: [0; 8],
        }
    }

    /// Replaces the keyed states with those of `secret`, computed where
    /// the key lives: no copy of them is left elsewhere (what C storage
    /// initialised by `callsign_hmac_key_init` relies on). The padded key
    /// block is wiped.
    ///
    /// ```
    /// use callsign_core::HmacKey;
    /// let mut key = HmacKey::new(b"old");
    /// key.rekey(b"key");
    /// assert_eq!(key.mac(b"m"), HmacKey::new(b"key").mac(b"m"));
    /// ```
    pub fn rekey(&mut self, secret: &[u8]) {
        let mut block = [0u8; BLOCK];
        if secret.len() > BLOCK {
            let mut hashed = sha256(secret);
            if let Some(dst) = block.get_mut(..SHA256_LEN) {
                crate::out::copy_exact(dst, &hashed);
            }
            hashed.zeroize();
        } else if let Some(dst) = block.get_mut(..secret.len()) {
            crate::out::copy_exact(dst, secret);
        }
        for b in block.iter_mut() {
            *b ^= 0x36;
        }
        self.inner = IV;
        compress(&mut self.inner, &block);
        for b in block.iter_mut() {
            *b ^= 0x36 ^ 0x5c;
        }
        self.outer = IV;
        compress(&mut self.outer, &block);
        block.zeroize();
    }

    /// Starts a streaming HMAC of a message fed in chunks.
    ///
    /// ```
    /// use callsign_core::HmacKey;
    /// let key = HmacKey::new(b"k");
    /// let mut m = key.start();
    /// m.update(b"part one, ");
    /// m.update(b"part two");
    /// assert_eq!(m.finalize(), key.mac(b"part one, part two"));
    /// ```
    pub fn start(&self) -> HmacSha256 {
        HmacSha256 {
            inner: Engine::at(self.inner, 1),
            outer: self.outer,
        }
    }

    /// HMAC-SHA256 of `message`.
    ///
    /// ```
    /// let tag = callsign_core::HmacKey::new(b"k").mac(b"message");
    /// assert_eq!(tag.len(), 32);
    /// ```
    pub fn mac(&self, message: &[u8]) -> [u8; SHA256_LEN] {
        self.mac_parts(&[message])
    }

    /// HMAC-SHA256 of the concatenation of `parts`, without concatenating
    /// them. A message of at most 55 bytes (an X-AKSK `nonce ‖ created` is
    /// 52) takes a fast path: one padded block is prepared on the stack and
    /// compressed from the cached inner state, then one from the cached
    /// outer state — two compressions and no streaming machinery. Longer
    /// messages stream.
    ///
    /// ```
    /// let key = callsign_core::HmacKey::new(b"k");
    /// assert_eq!(key.mac_parts(&[b"nonce", b"2024-03-01T08:15:30Z"]),
    ///            key.mac(b"nonce2024-03-01T08:15:30Z"));
    /// ```
    pub fn mac_parts(&self, parts: &[&[u8]]) -> [u8; SHA256_LEN] {
        let mut tag = [0u8; SHA256_LEN];
        self.mac_parts_into(parts, &mut tag);
        tag
    }

    /// As [`HmacKey::mac_parts`], writing the tag into `out` with no other
    /// copy: for a verifier's expected tag, which must be wiped after the
    /// comparison (it would authenticate what it covers).
    ///
    /// ```
    /// use zeroize::Zeroizing;
    /// let key = callsign_core::HmacKey::new(b"k");
    /// let mut expected = Zeroizing::new([0u8; 32]);
    /// key.mac_parts_into(&[b"nonce", b"2024-03-01T08:15:30Z"], &mut expected);
    /// assert_eq!(*expected, key.mac(b"nonce2024-03-01T08:15:30Z"));
    /// ```
    pub fn mac_parts_into(&self, parts: &[&[u8]], out: &mut [u8; SHA256_LEN]) {
        let total = parts.iter().fold(0usize, |n, p| n.saturating_add(p.len()));
        if total <= SHORT_MAX {
            return self.mac_short(parts, total, out);
        }
        let mut m = self.start();
        for part in parts {
            m.update(part);
        }
        m.finalize_into(out);
    }

    /// The two-compression HMAC of a message of `total <= 55` bytes.
    fn mac_short(&self, parts: &[&[u8]], total: usize, out: &mut [u8; SHA256_LEN]) {
        let mut block = [0u8; BLOCK];
        let mut pos = 0usize;
        for part in parts {
            let end = pos.saturating_add(part.len());
            if let Some(dst) = block.get_mut(pos..end) {
                crate::out::copy_exact(dst, part);
            }
            pos = end;
        }
        // The inner message is the 64-byte key block plus `total` bytes.
        pad_block(&mut block, total, BLOCK.saturating_add(total));
        let mut inner = self.inner;
        compress(&mut inner, &block);

        let mut outer_block = [0u8; BLOCK];
        if let Some((hash, _)) = outer_block.split_first_chunk_mut::<SHA256_LEN>() {
            state_bytes_into(&inner, hash);
        }
        pad_block(&mut outer_block, SHA256_LEN, BLOCK + SHA256_LEN);
        let mut outer = self.outer;
        compress(&mut outer, &outer_block);
        inner.zeroize();

        state_bytes_into(&outer, out);
        outer.zeroize();
    }
}

/// Longest message that fits one padded block with its length: 64 - 1 - 8.
const SHORT_MAX: usize = BLOCK - 9;

/// Writes SHA-256 padding into `block` after `used` message bytes, for a
/// message of `total_len` bytes in all (`used <= 55`).
fn pad_block(block: &mut [u8; BLOCK], used: usize, total_len: usize) {
    if let Some(b) = block.get_mut(used) {
        *b = 0x80;
    }
    let bits = (total_len as u64).wrapping_mul(8);
    if let Some(len) = block.get_mut(BLOCK - 8..) {
        crate::out::copy_exact(len, &bits.to_be_bytes());
    }
}

impl Drop for HmacKey {
    fn drop(&mut self) {
        self.inner.zeroize();
        self.outer.zeroize();
    }
}

/// Never the states: `HmacKey(<redacted>)`.
#[cfg(feature = "defmt")]
impl defmt::Format for HmacKey {
    fn format(&self, f: defmt::Formatter<'_>) {
        defmt::write!(f, "HmacKey(<redacted>)");
    }
}

impl core::fmt::Debug for HmacKey {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("HmacKey(<redacted>)")
    }
}

/// A streaming HMAC-SHA256 computation, from [`HmacKey::start`].
///
/// ```
/// let key = callsign_core::HmacKey::new(b"secret");
/// let mut m = key.start();
/// m.update(b"nonce");
/// m.update(b"2024-03-01T08:15:30Z");
/// let _tag: [u8; 32] = m.finalize();
/// ```
#[derive(Clone)]
pub struct HmacSha256 {
    inner: Engine,
    outer: [u32; 8],
}

impl HmacSha256 {
    /// Starts over under `key`, in place: the states are copied from the
    /// key straight into this MAC, leaving no other copy (what C contexts
    /// initialised by `callsign_hmac_sha256_init` rely on).
    ///
    /// ```
    /// use callsign_core::HmacKey;
    /// let (a, b) = (HmacKey::new(b"a"), HmacKey::new(b"b"));
    /// let mut m = a.start();
    /// m.update(b"x");
    /// m.restart(&b);
    /// m.update(b"y");
    /// assert_eq!(m.finalize(), b.mac(b"y"));
    /// ```
    pub fn restart(&mut self, key: &HmacKey) {
        self.inner.state = key.inner;
        self.inner.buf.zeroize();
        self.inner.fill = 0;
        self.inner.blocks = 1;
        self.outer = key.outer;
    }

    /// Feeds `data` to the MAC.
    ///
    /// ```
    /// let mut m = callsign_core::HmacKey::new(b"k").start();
    /// m.update(b"data");
    /// # let _ = m.finalize();
    /// ```
    pub fn update(&mut self, data: &[u8]) {
        self.inner.update(data);
    }

    /// The 32-byte tag.
    ///
    /// ```
    /// let tag = callsign_core::HmacKey::new(b"k").start().finalize();
    /// assert_eq!(tag.len(), 32);
    /// ```
    pub fn finalize(self) -> [u8; SHA256_LEN] {
        let mut tag = [0u8; SHA256_LEN];
        self.finalize_into(&mut tag);
        tag
    }

    /// The 32-byte tag, written into `out` with no other copy (for a
    /// verifier's expected tag, which must be wiped after use).
    ///
    /// ```
    /// use zeroize::Zeroizing;
    /// let key = callsign_core::HmacKey::new(b"k");
    /// let mut m = key.start();
    /// m.update(b"message");
    /// let mut expected = Zeroizing::new([0u8; 32]);
    /// m.finalize_into(&mut expected);
    /// assert_eq!(*expected, key.mac(b"message"));
    /// ```
    pub fn finalize_into(mut self, out: &mut [u8; SHA256_LEN]) {
        let inner_hash = self.inner.finish();
        let mut outer = Engine::at(self.outer, 1);
        outer.update(&inner_hash);
        outer.finish_into(out);
    }
}

impl Drop for HmacSha256 {
    fn drop(&mut self) {
        self.outer.zeroize();
    }
}

impl Sink for HmacSha256 {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        self.update(bytes);
    }
}

impl core::fmt::Debug for HmacSha256 {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("HmacSha256(<redacted>)")
    }
}

/// HMAC-SHA256 of `message` under `secret`, in one call. Prefer
/// [`HmacKey`] when one key signs many messages.
///
/// ```
/// let tag = callsign_core::hmac_sha256(b"key", b"The quick brown fox jumps over the lazy dog");
/// assert_eq!(tag[31], 0xd8);
/// ```
pub fn hmac_sha256(secret: &[u8], message: &[u8]) -> [u8; SHA256_LEN] {
    HmacKey::new(secret).mac(message)
}
