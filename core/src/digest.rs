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
/// check. Long inputs pass all their whole blocks in one call, borrowed
/// from the input (`as_chunks`), never copied.
#[inline(never)]
fn compress_n(state: &mut [u32; 8], blocks: &[[u8; BLOCK]]) {
    sha2::block_api::compress256(state, blocks);
}

/// Writes the big-endian bytes of a chaining state, a digest, into `out`
/// with no other copy. `split_first_chunk_mut`, not `chunks_exact_mut`: at
/// opt-level "z" the chunk iterators' out-of-line length computations keep
/// a division-by-zero panic.
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
        // Whole blocks are compressed where they are, in one call: no copy
        // (and nothing to wipe), and with SHA extensions the state is
        // loaded and stored once for all of them.
        let (blocks, rest) = data.as_chunks::<BLOCK>();
        if !blocks.is_empty() {
            compress_n(&mut self.state, blocks);
        }
        self.blocks = self.blocks.wrapping_add(blocks.len() as u64);
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
        self.pad_and_compress();
        state_bytes_into(&self.state, out);
    }

    /// Pads and compresses the last block(s): the state is then the digest.
    fn pad_and_compress(&mut self) {
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
        crate::out::wipe(&mut self.engine.buf);
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
    let mut digest = [0u8; SHA256_LEN];
    sha256_gathered(&[data], data.len(), &mut digest);
    digest
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
    #[inline(always)]
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
            if let Some((digest, _)) = block.split_first_chunk_mut::<SHA256_LEN>() {
                // Out of line: the hasher's frame is not part of the
                // key schedule's (the X-AKSK stack budget).
                sha256_gathered(&[secret], secret.len(), digest);
            }
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
        crate::out::wipe(&mut block);
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
    /// them. A message of at most 247 bytes (an X-AKSK `nonce ‖ created` is
    /// 52) takes a fast path: its padded inner blocks are assembled on the
    /// stack one at a time and compressed from the cached inner state, then
    /// one block from the cached outer state — no more compressions than
    /// the message needs and no streaming machinery. Longer messages stream.
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
            self.mac_gathered(parts, total, out);
        } else {
            self.mac_long(parts, out);
        }
    }

    /// The streaming HMAC of a message longer than [`SHORT_MAX`] bytes.
    /// Out of line, as [`HmacKey::mac_gathered`] is: the two paths' frames
    /// are then alternatives on the stack, not a sum.
    #[inline(never)]
    fn mac_long(&self, parts: &[&[u8]], out: &mut [u8; SHA256_LEN]) {
        let mut m = self.start();
        for part in parts {
            m.update(part);
        }
        m.finish_in_place(out);
    }

    /// The HMAC of the `total` bytes of `parts`, each padded inner block
    /// gathered from the parts into one 64-byte buffer (which then holds
    /// the outer block) and compressed from the cached inner state: no
    /// streaming state, no more compressions than the message needs.
    /// Correct for any length; [`HmacKey::mac_parts`] uses it up to
    /// [`SHORT_MAX`] bytes (past that, streaming borrows whole blocks from
    /// the input instead of copying them), and the X-AKSK signer for its
    /// `nonce ‖ created` of at most 148 bytes, so that its stack holds
    /// only this frame. `total` must be the parts' total length.
    #[inline(never)]
    pub(crate) fn mac_gathered(&self, parts: &[&[u8]], total: usize, out: &mut [u8; SHA256_LEN]) {
        let mut inner = self.inner;
        let mut block = [0u8; BLOCK];
        // The inner message is the 64-byte key block plus `total` bytes.
        hash_gathered(&mut inner, parts, total, BLOCK as u64, &mut block);
        outer_into(&self.outer, &inner, &mut block, out);
        inner.zeroize();
    }
}

/// Compresses the `total` bytes of `parts`, padded as the end of a message
/// that began with `before` bytes already in `state`. Runs of whole blocks
/// that lie inside one part are compressed where they are, in one call:
/// no copy, and the compression reads bytes written long before (a copy
/// just made is read back through store forwarding, which 16-byte loads of
/// 8-byte stores defeat). The other blocks are gathered one at a time into
/// `block` (left holding the last one; the caller wipes or reuses it).
/// Inlined into its two callers: out of line it saves 260 B of flash on a
/// Cortex-M4 but its frame takes the X-AKSK stack over 1 KiB (1,048 B).
#[inline(always)]
fn hash_gathered(
    state: &mut [u32; 8],
    parts: &[&[u8]],
    total: usize,
    before: u64,
    block: &mut [u8; BLOCK],
) {
    // Padding: a 0x80 byte and the message's 8-byte bit length.
    let bits = (total as u64).wrapping_add(before).wrapping_mul(8);
    let padded = total
        .saturating_add(9)
        .div_ceil(BLOCK)
        .saturating_mul(BLOCK);
    let mut from = 0usize;
    while from < padded {
        // Never the last block: whole blocks are message bytes, and the
        // padding needs 9 bytes after them.
        let whole = whole_blocks(parts, from);
        if !whole.is_empty() {
            compress_n(state, whole);
            from = from.saturating_add(whole.len().saturating_mul(BLOCK));
            continue;
        }
        let used = gather(parts, from, block);
        // Zeros after the message bytes (one memset of what is left, not
        // of the whole block first).
        if let Some(rest) = block.get_mut(used..) {
            rest.fill(0);
        }
        if let Some(b) = total.checked_sub(from).and_then(|used| block.get_mut(used)) {
            *b = 0x80;
        }
        from = from.saturating_add(BLOCK);
        if from == padded {
            if let Some(len) = block.get_mut(BLOCK - 8..) {
                crate::out::copy_exact(len, &bits.to_be_bytes());
            }
        }
        compress(state, block);
    }
}

/// SHA-256 of the concatenation of `parts` (`total` bytes in all), written
/// into `out`, with no streaming state: whole blocks compressed where they
/// are, the rest gathered into one 64-byte buffer. The one-shot hash of
/// [`sha256`], of a long HMAC secret and of X-WSSE's nonce ‖ Created ‖
/// secret. The buffer (it may hold the end of a secret) and the state are
/// wiped.
#[inline(never)]
pub(crate) fn sha256_gathered(parts: &[&[u8]], total: usize, out: &mut [u8; SHA256_LEN]) {
    let mut state = IV;
    let mut block = [0u8; BLOCK];
    hash_gathered(&mut state, parts, total, 0, &mut block);
    state_bytes_into(&state, out);
    crate::out::wipe(&mut block);
    state.zeroize();
}

/// Longest message [`HmacKey::mac_parts`] gathers into blocks rather than
/// streams: four inner blocks, 256 - 1 - 8 bytes.
const SHORT_MAX: usize = 4 * BLOCK - 9;

/// The whole blocks from offset `from` of the concatenation of `parts`
/// that the part holding that offset contains (none when it holds less
/// than a block from there).
#[inline(always)]
fn whole_blocks<'p>(parts: &[&'p [u8]], from: usize) -> &'p [[u8; BLOCK]] {
    let mut pos = 0usize;
    for part in parts {
        let end = pos.saturating_add(part.len());
        if pos <= from && from < end {
            let rest = part.get(from.wrapping_sub(pos)..).unwrap_or_default();
            return rest.as_chunks::<BLOCK>().0;
        }
        pos = end;
    }
    &[]
}

/// Copies the bytes at offsets `from..from + 64` of the concatenation of
/// `parts` (those that exist) to the start of `block`; returns how many
/// (they are contiguous from the start).
#[inline(always)]
fn gather(parts: &[&[u8]], from: usize, block: &mut [u8; BLOCK]) -> usize {
    let to = from.saturating_add(BLOCK);
    let mut pos = 0usize;
    let mut used = 0usize;
    for part in parts {
        let end = pos.saturating_add(part.len());
        let (lo, hi) = (pos.max(from), end.min(to));
        if lo < hi {
            let dst = block.get_mut(lo.wrapping_sub(from)..hi.wrapping_sub(from));
            let src = part.get(lo.wrapping_sub(pos)..hi.wrapping_sub(pos));
            if let (Some(dst), Some(src)) = (dst, src) {
                crate::out::copy_exact(dst, src);
            }
            used = hi.wrapping_sub(from);
        }
        pos = end;
    }
    used
}

/// The outer hash of an HMAC: one block, the inner digest (the big-endian
/// bytes of the `inner` state) and its padding, compressed from the keyed
/// `outer` state; the tag is written into `out`. The working state and
/// the block (the inner digest) are wiped.
#[inline(always)]
fn outer_into(
    outer: &[u32; 8],
    inner: &[u32; 8],
    block: &mut [u8; BLOCK],
    out: &mut [u8; SHA256_LEN],
) {
    if let Some((hash, pad)) = block.split_first_chunk_mut::<SHA256_LEN>() {
        state_bytes_into(inner, hash);
        pad.fill(0);
        if let Some(first) = pad.first_mut() {
            *first = 0x80;
        }
    }
    // The outer message is the 64-byte key block plus the 32-byte digest.
    let bits = ((BLOCK + SHA256_LEN) as u64).wrapping_mul(8);
    if let Some(len) = block.get_mut(BLOCK - 8..) {
        crate::out::copy_exact(len, &bits.to_be_bytes());
    }
    let mut state = *outer;
    compress(&mut state, block);
    state_bytes_into(&state, out);
    state.zeroize();
    crate::out::wipe(block);
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
        crate::out::wipe(&mut self.inner.buf);
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
    #[inline]
    pub fn finalize_into(mut self, out: &mut [u8; SHA256_LEN]) {
        self.finish_in_place(out);
    }

    /// Finishes where the MAC lives, writing the tag into `out`, then wipes
    /// its states: no copy of them is made (a by-value `finalize` moves
    /// them), which is what a MAC held in caller storage needs (the C
    /// ABI's `callsign_hmac_sha256_final`). Afterwards the MAC computes
    /// nothing meaningful until [`HmacSha256::restart`].
    ///
    /// ```
    /// use callsign_core::HmacKey;
    /// let key = HmacKey::new(b"k");
    /// let mut m = key.start();
    /// m.update(b"message");
    /// let mut tag = [0u8; 32];
    /// m.finalize_in_place(&mut tag);
    /// assert_eq!(tag, key.mac(b"message"));
    /// m.restart(&key);
    /// m.update(b"again");
    /// assert_eq!(m.finalize(), key.mac(b"again"));
    /// ```
    pub fn finalize_in_place(&mut self, out: &mut [u8; SHA256_LEN]) {
        self.finish_in_place(out);
        self.inner.state.zeroize();
        crate::out::wipe(&mut self.inner.buf);
        self.inner.fill = 0;
        self.outer.zeroize();
    }

    /// Finishes where the MAC lives (no copy of its states by value).
    fn finish_in_place(&mut self, out: &mut [u8; SHA256_LEN]) {
        self.inner.pad_and_compress();
        // The inner buffer, padded and compressed, now holds the outer block.
        outer_into(&self.outer, &self.inner.state, &mut self.inner.buf, out);
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
