//! Other implementations of the work callsign does, for side-by-side
//! measurements: the SHA-256 compression limit, and X-AKSK headers and
//! HMAC-SHA256 computed with `hmac`+`sha2`, `ring` and (with the `openssl`
//! feature) OpenSSL.
//!
//! Every peer builds the X-AKSK value the same way ([`assemble_x_aksk`]):
//! only the HMAC differs, so the comparison measures the MAC and the
//! library's own header assembly, not formatting shortcuts.

use base64::Engine as _;
use hmac::{KeyInit, Mac};

/// Blocks in the limit measurement (8 KiB).
pub const LIMIT_BLOCKS: usize = 128;

/// Compresses [`LIMIT_BLOCKS`] blocks with `sha2::block_api::compress256`, the SHA-256
/// compression function (SHA extensions where the CPU has them): the
/// physical limit every SHA-256 based signer is measured against.
///
/// ```
/// let mut limit = callsign_cli::peers::Limit::new();
/// limit.run();
/// ```
pub struct Limit {
    state: [u32; 8],
    blocks: Vec<[u8; 64]>,
}

impl Limit {
    /// 8 KiB of blocks to compress.
    pub fn new() -> Self {
        Limit {
            state: [0; 8],
            blocks: vec![[0x5a; 64]; LIMIT_BLOCKS],
        }
    }

    /// One run: [`LIMIT_BLOCKS`] compressions.
    pub fn run(&mut self) {
        sha2::block_api::compress256(std::hint::black_box(&mut self.state), &self.blocks);
    }
}

impl Default for Limit {
    fn default() -> Self {
        Self::new()
    }
}

/// SHA-256 compressions needed to hash `n` bytes (with padding).
///
/// ```
/// assert_eq!(callsign_cli::peers::sha256_blocks(55), 1);
/// assert_eq!(callsign_cli::peers::sha256_blocks(56), 2);
/// ```
pub fn sha256_blocks(n: usize) -> usize {
    (n + 9).div_ceil(64)
}

/// Writes `UsernameToken Username="..",PasswordDigest="..",Nonce="..",Created=".."`
/// for a peer's HMAC tag, into `out`; returns the length.
///
/// ```
/// let mut out = [0u8; 256];
/// let n = callsign_cli::peers::assemble_x_aksk("k", &[0; 32], "n", b"1970-01-01T00:00:00Z", &mut out);
/// assert!(out[..n].starts_with(b"UsernameToken Username=\"k\""));
/// ```
pub fn assemble_x_aksk(
    app_key: &str,
    tag: &[u8; 32],
    nonce: &str,
    created: &[u8; 20],
    out: &mut [u8],
) -> usize {
    let mut digest = [0u8; 44];
    let n = base64::engine::general_purpose::STANDARD
        .encode_slice(tag, &mut digest)
        .unwrap_or(0);
    assemble(app_key, &digest[..n], nonce, created, out)
}

/// `UsernameToken Username="..",PasswordDigest="..",Nonce="..",Created=".."`.
fn assemble(
    app_key: &str,
    digest: &[u8],
    nonce: &str,
    created: &[u8; 20],
    out: &mut [u8],
) -> usize {
    let parts: [&[u8]; 9] = [
        b"UsernameToken Username=\"",
        app_key.as_bytes(),
        b"\",PasswordDigest=\"",
        digest,
        b"\",Nonce=\"",
        nonce.as_bytes(),
        b"\",Created=\"",
        created,
        b"\"",
    ];
    let mut pos = 0;
    for p in parts {
        out[pos..pos + p.len()].copy_from_slice(p);
        pos += p.len();
    }
    pos
}

/// An X-WSSE value as a user of `sha2`, `hex` and `base64` would write it:
/// `PasswordDigest = Base64(hex(SHA-256(nonce ‖ created ‖ secret)))`,
/// assembled like [`assemble_x_aksk`]; returns the length.
///
/// ```
/// let mut out = [0u8; 512];
/// let n = callsign_cli::peers::x_wsse_sha2_hex_base64("k", b"s", "n", b"1970-01-01T00:00:00Z", &mut out);
/// assert!(out[..n].starts_with(b"UsernameToken Username=\"k\",PasswordDigest=\""));
/// ```
pub fn x_wsse_sha2_hex_base64(
    app_key: &str,
    secret: &[u8],
    nonce: &str,
    created: &[u8; 20],
    out: &mut [u8],
) -> usize {
    use sha2::Digest;
    let mut h = sha2::Sha256::new();
    h.update(nonce.as_bytes());
    h.update(created);
    h.update(secret);
    let raw: [u8; 32] = h.finalize().into();
    let mut text = [0u8; 64];
    hex::encode_to_slice(raw, &mut text).unwrap_or(());
    let mut digest = [0u8; 88];
    let n = base64::engine::general_purpose::STANDARD
        .encode_slice(text, &mut digest)
        .unwrap_or(0);
    assemble(app_key, &digest[..n], nonce, created, out)
}

/// `Basic base64(user ":" secret)` with the `base64` crate's standard
/// engine (table lookups; not constant-time), into `out`; returns the length.
///
/// ```
/// let mut out = [0u8; 64];
/// let n = callsign_cli::peers::basic_base64("api", "k", &mut out);
/// assert_eq!(&out[..n], b"Basic YXBpOms=");
/// ```
pub fn basic_base64(user: &str, secret: &str, out: &mut [u8]) -> usize {
    let mut raw = [0u8; 600];
    let (u, s) = (user.len(), secret.len());
    raw[..u].copy_from_slice(user.as_bytes());
    raw[u] = b':';
    raw[u + 1..u + 1 + s].copy_from_slice(secret.as_bytes());
    out[..6].copy_from_slice(b"Basic ");
    6 + base64::engine::general_purpose::STANDARD
        .encode_slice(&raw[..u + 1 + s], &mut out[6..])
        .unwrap_or(0)
}

/// One X-AKSK value computed with a peer's HMAC into `out`; returns the
/// length. The key is `prepared`, or, with `fresh_secret`, prepared for
/// this call alone (the fresh-key case). Created is formatted by callsign
/// for every candidate, so only the MAC and the assembly differ.
///
/// ```
/// use callsign_cli::peers::{sign_x_aksk, HmacSha2, PeerMac};
/// let created = callsign_core::Timestamp::from_unix(0)?;
/// let mut out = [0u8; 256];
/// let n = sign_x_aksk(&HmacSha2::new(b"s"), None, "k", "n", created, &mut out);
/// assert!(out[..n].ends_with(b"Created=\"1970-01-01T00:00:00Z\""));
/// # Ok::<(), callsign_core::Error>(())
/// ```
pub fn sign_x_aksk<P: PeerMac>(
    prepared: &P,
    fresh_secret: Option<&[u8]>,
    app_key: &str,
    nonce: &str,
    created: callsign_core::Timestamp,
    out: &mut [u8],
) -> usize {
    let text = created.extended().to_array();
    let parts: [&[u8]; 2] = [nonce.as_bytes(), &text];
    let tag = match fresh_secret {
        Some(secret) => P::new(secret).mac(&parts),
        None => prepared.mac(&parts),
    };
    assemble_x_aksk(app_key, &tag, nonce, &text, out)
}

/// A peer's HMAC-SHA256, with the key prepared once where the library
/// allows it.
pub trait PeerMac: Sized {
    /// Name shown in results.
    const NAME: &'static str;
    /// Prepares `key`.
    fn new(key: &[u8]) -> Self;
    /// HMAC of the concatenation of `parts` under the prepared key.
    fn mac(&self, parts: &[&[u8]]) -> [u8; 32];
}

/// RustCrypto `hmac` 0.12 over `sha2` 0.10, cloning a keyed state per MAC.
///
/// ```
/// use callsign_cli::peers::{HmacSha2, PeerMac};
/// assert_eq!(HmacSha2::new(b"k").mac(&[b"m"]), callsign_core::hmac_sha256(b"k", b"m"));
/// ```
pub struct HmacSha2(hmac::Hmac<sha2::Sha256>);

impl PeerMac for HmacSha2 {
    const NAME: &'static str = "hmac+sha2 (cloned key)";
    fn new(key: &[u8]) -> Self {
        HmacSha2(
            <hmac::Hmac<sha2::Sha256> as KeyInit>::new_from_slice(key).expect("any key length"),
        )
    }
    fn mac(&self, parts: &[&[u8]]) -> [u8; 32] {
        let mut m = self.0.clone();
        for p in parts {
            m.update(p);
        }
        m.finalize().into_bytes().into()
    }
}

/// `ring` 0.17 HMAC with a prepared key.
///
/// ```
/// use callsign_cli::peers::{PeerMac, Ring};
/// assert_eq!(Ring::new(b"k").mac(&[b"m"]), callsign_core::hmac_sha256(b"k", b"m"));
/// ```
pub struct Ring(ring::hmac::Key);

impl PeerMac for Ring {
    const NAME: &'static str = "ring";
    fn new(key: &[u8]) -> Self {
        Ring(ring::hmac::Key::new(ring::hmac::HMAC_SHA256, key))
    }
    fn mac(&self, parts: &[&[u8]]) -> [u8; 32] {
        let mut ctx = ring::hmac::Context::with_key(&self.0);
        for p in parts {
            ctx.update(p);
        }
        let mut out = [0u8; 32];
        out.copy_from_slice(ctx.sign().as_ref());
        out
    }
}

/// OpenSSL's HMAC through EVP (`openssl` crate, system libcrypto): a
/// prepared `PKey`, a signer per MAC.
#[cfg(feature = "openssl")]
pub struct OpenSsl(openssl::pkey::PKey<openssl::pkey::Private>);

#[cfg(feature = "openssl")]
impl PeerMac for OpenSsl {
    const NAME: &'static str = "OpenSSL (EVP)";
    fn new(key: &[u8]) -> Self {
        OpenSsl(openssl::pkey::PKey::hmac(key).expect("hmac key"))
    }
    fn mac(&self, parts: &[&[u8]]) -> [u8; 32] {
        let mut s = openssl::sign::Signer::new(openssl::hash::MessageDigest::sha256(), &self.0)
            .expect("signer");
        for p in parts {
            s.update(p).expect("update");
        }
        let mut out = [0u8; 32];
        s.sign(&mut out).expect("sign");
        out
    }
}
