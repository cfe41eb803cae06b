//! The hash and the MAC of each algorithm: SHA-256 and HMAC-SHA256 (with a
//! key computed once), SM3 and HMAC-SM3, and the V11 key derivation
//! (HKDF-SHA256 with the extract step computed once).

#[cfg(feature = "sm3")]
use hmac::digest::{block_api::CoreProxy, Digest as _, KeyInit};
#[cfg(feature = "sm3")]
use hmac::Mac as _;
#[cfg(any(feature = "sm3", feature = "v11"))]
use zeroize::Zeroize;

use super::signer::Scope;
use super::Algorithm;
use crate::{Emit, Error, HmacKey, Sha256, Sink};

#[cfg(feature = "sm3")]
type HmacSm3 = hmac::Hmac<sm3::Sm3>;

/// The keyed inner and outer SM3 states of an HMAC-SM3 key, without the
/// block buffer of [`HmacSm3`] (80 bytes, not 152: every [`Key`], and so
/// every `Signer`, is the size of its largest variant). The SM3 states are
/// wiped on drop.
#[cfg(feature = "sm3")]
type HmacSm3Key = hmac::block_api::HmacCore<sm3::Sm3>;

/// SHA-256 of the empty message.
pub(crate) const EMPTY_SHA256: [u8; 32] = [
    0xe3, 0xb0, 0xc4, 0x42, 0x98, 0xfc, 0x1c, 0x14, 0x9a, 0xfb, 0xf4, 0xc8, 0x99, 0x6f, 0xb9, 0x24,
    0x27, 0xae, 0x41, 0xe4, 0x64, 0x9b, 0x93, 0x4c, 0xa4, 0x95, 0x99, 0x1b, 0x78, 0x52, 0xb8, 0x55,
];

/// SM3 of the empty message.
#[cfg(feature = "sm3")]
pub(crate) const EMPTY_SM3: [u8; 32] = [
    0x1a, 0xb2, 0x1d, 0x83, 0x55, 0xcf, 0xa1, 0x7f, 0x8e, 0x61, 0x19, 0x48, 0x31, 0xe8, 0x1a, 0x8f,
    0x22, 0xbe, 0xc8, 0xc7, 0x28, 0xfe, 0xfb, 0x74, 0x7e, 0xd0, 0x35, 0xeb, 0x50, 0x82, 0xaa, 0x2b,
];

/// Fixed-length ASCII text (hex digits, a date) kept as bytes; reads as
/// `&str`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct AsciiText<const N: usize>(pub(crate) [u8; N]);

impl<const N: usize> core::ops::Deref for AsciiText<N> {
    type Target = str;

    fn deref(&self) -> &str {
        // Only ever built from ASCII: the conversion cannot fail.
        core::str::from_utf8(&self.0).unwrap_or_default()
    }
}

/// Lowercase hex text of a 32-byte digest.
pub(crate) type HexText = AsciiText<64>;

/// The streaming hash of an algorithm (body hash and canonical-request hash).
#[derive(Clone)]
pub(crate) enum Digester {
    Sha256(Sha256),
    #[cfg(feature = "sm3")]
    Sm3(sm3::Sm3),
}

impl Digester {
    pub(crate) fn new(algorithm: &Algorithm<'_>) -> Self {
        match algorithm {
            #[cfg(feature = "sm3")]
            Algorithm::SdkHmacSm3 => Digester::Sm3(sm3::Sm3::new()),
            _ => Digester::Sha256(Sha256::new()),
        }
    }

    /// The digest. Inlined: a hasher passed by value to a function of its
    /// own would be copied on the stack first.
    #[inline(always)]
    pub(crate) fn finalize(self) -> [u8; 32] {
        match self {
            Digester::Sha256(h) => h.finalize(),
            #[cfg(feature = "sm3")]
            Digester::Sm3(mut h) => sm3_finalize(&mut h),
        }
    }
}

impl Sink for Digester {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        match self {
            Digester::Sha256(h) => h.update(bytes),
            #[cfg(feature = "sm3")]
            Digester::Sm3(h) => sm3_update(h, bytes),
        }
    }
}

/// SM3's update, out of line: inlined into every writer of the canonical
/// request, its block buffer and compression would grow each one's code
/// and stack frame.
#[cfg(feature = "sm3")]
#[inline(never)]
fn sm3_update(h: &mut sm3::Sm3, bytes: &[u8]) {
    h.update(bytes);
}

/// SM3's finalisation, out of line (see [`sm3_update`]).
#[cfg(feature = "sm3")]
#[inline(never)]
fn sm3_finalize(h: &mut sm3::Sm3) -> [u8; 32] {
    h.finalize_reset().into()
}

/// HMAC-SM3's update, out of line (see [`sm3_update`]).
#[cfg(feature = "sm3")]
#[inline(never)]
fn hmac_sm3_update(m: &mut HmacSm3, bytes: &[u8]) {
    m.update(bytes);
}

/// The signing key of an algorithm, computed once per secret.
#[derive(Clone)]
pub(crate) enum Key {
    /// HMAC-SHA256 keyed with the secret.
    Sha256(HmacKey),
    /// HMAC-SM3 keyed with the secret.
    #[cfg(feature = "sm3")]
    Sm3(HmacSm3Key),
    /// HMAC-SHA256 keyed with the HKDF pseudo-random key
    /// PRK = HMAC-SHA256(key = app key, message = secret); each request
    /// derives its signing key from it and the request's scope.
    #[cfg(feature = "v11")]
    V11Prk(HmacKey),
}

impl Key {
    /// A placeholder to compute a key into with [`Key::set`].
    pub(crate) const EMPTY: Key = Key::Sha256(HmacKey::zeroed());

    /// Replaces this key with the key of `algorithm` for `secret` (V11:
    /// and `app_key`), computed in place. Out of line: the padded-key
    /// blocks are on the stack only while it runs.
    #[cfg_attr(not(feature = "v11"), allow(unused_variables))]
    // Without sm3 and v11, `Key` has one variant.
    #[cfg_attr(
        not(any(feature = "sm3", feature = "v11")),
        allow(irrefutable_let_patterns)
    )]
    #[inline(never)]
    pub(crate) fn set(
        &mut self,
        algorithm: &Algorithm<'_>,
        app_key: &str,
        secret: &[u8],
    ) -> Result<(), Error> {
        match algorithm {
            Algorithm::SdkHmacSha256 => {
                *self = Key::EMPTY;
                if let Key::Sha256(key) = self {
                    key.rekey(secret);
                }
            }
            #[cfg(feature = "sm3")]
            Algorithm::SdkHmacSm3 => {
                // A secret longer than the block is hashed first (RFC
                // 2104), here, beside the key setup and not under it.
                let mut hashed = [0u8; 32];
                let material: &[u8] = if secret.len() > SM3_BLOCK {
                    sm3_digest(secret, &mut hashed);
                    &hashed
                } else {
                    secret
                };
                let result = sm3_key(self, material);
                hashed.zeroize();
                result?;
            }
            #[cfg(feature = "v11")]
            Algorithm::V11HmacSha256 { .. } => {
                *self = Key::V11Prk(HmacKey::zeroed());
                if let Key::V11Prk(key) = self {
                    v11_prk(key, app_key, secret);
                }
            }
            #[cfg(not(feature = "v11"))]
            Algorithm::_Unused(_, never) => match *never {},
        }
        Ok(())
    }

    /// The MAC of `message` (the string to sign of a request with
    /// `scope`: V11 only, the other algorithms ignore it), written into
    /// `tag`. Each algorithm's MAC state lives only in its own out-of-line
    /// function, never moved.
    #[cfg_attr(not(feature = "v11"), allow(unused_variables))]
    pub(crate) fn mac_into<E: Emit>(
        &self,
        scope: Option<&Scope<'_>>,
        message: &E,
        tag: &mut [u8; 32],
    ) {
        match self {
            Key::Sha256(key) => hmac_sha256_into(key, message, tag),
            #[cfg(feature = "sm3")]
            Key::Sm3(key) => hmac_sm3_into(key, message, tag),
            #[cfg(feature = "v11")]
            Key::V11Prk(prk) => v11_mac_into(prk, scope, message, tag),
        }
    }
}

/// The SM3 block size: longer HMAC keys are hashed first.
#[cfg(feature = "sm3")]
const SM3_BLOCK: usize = 64;

/// Makes `key` the HMAC-SM3 key of `material`, at most one block long
/// ([`Key::set`] hashes a longer secret first), out of line: its padded-key
/// blocks are on the stack only while it runs. Being at most a block, the
/// material never reaches the `hmac` crate's own hashing of long keys.
#[cfg(feature = "sm3")]
#[inline(never)]
fn sm3_key(key: &mut Key, material: &[u8]) -> Result<(), Error> {
    // Never shortens (the caller passes at most a block): tells the
    // compiler the long-key branch is dead.
    let material = material.get(..SM3_BLOCK).unwrap_or(material);
    let core = <HmacSm3Key as KeyInit>::new_from_slice(material);
    *key = Key::Sm3(core.map_err(|_| Error::InvalidLength {
        // HMAC takes keys of any length: this error cannot happen.
        field: crate::Field::Secret,
        min: 0,
        max: super::SECRET_MAX_LEN,
        actual: 0,
    })?);
    Ok(())
}

/// SM3 of `data` into `out`, out of line (see [`sm3_key`]).
#[cfg(feature = "sm3")]
#[inline(never)]
pub(crate) fn sm3_digest(data: &[u8], out: &mut [u8; 32]) {
    let mut h = sm3::Sm3::new();
    sm3_update(&mut h, data);
    *out = sm3_finalize(&mut h);
}

/// Makes `key` the V11 pseudo-random key, HKDF-Extract(salt = app key,
/// IKM = secret), as an HMAC key, in place.
#[cfg(feature = "v11")]
fn v11_prk(key: &mut HmacKey, app_key: &str, secret: &[u8]) {
    key.rekey(app_key.as_bytes());
    let mut prk = [0u8; 32];
    hmac_into(key, secret, &mut prk);
    key.rekey(&prk);
    prk.zeroize();
}

/// HMAC-SHA256 of `message` into `tag`; out of line, so its MAC state is
/// never on the stack beside a key being computed.
#[cfg(feature = "v11")]
#[inline(never)]
fn hmac_into(key: &HmacKey, message: &[u8], tag: &mut [u8; 32]) {
    let mut mac = key.start();
    mac.update(message);
    mac.finalize_into(tag);
}

/// The V11 signing key: HMAC-SHA256 keyed with the lowercase hex text of
/// HKDF-Expand(PRK, info = scope, 32 bytes) = HMAC-SHA256(PRK, info ‖ 0x01).
#[cfg(feature = "v11")]
#[inline(always)]
fn derive_v11_key(prk: &HmacKey, scope: Option<&Scope<'_>>, key: &mut HmacKey, okm: &mut [u8; 32]) {
    expand_into(prk, scope, okm);
    let mut okm_hex = [0u8; 64];
    crate::encode::hex32_into(okm, &mut okm_hex);
    okm.zeroize();
    key.rekey(&okm_hex);
    okm_hex.zeroize();
}

/// HKDF-Expand's single block HMAC-SHA256(PRK, scope ‖ 0x01) into `okm`,
/// through the same out-of-line MAC as the string to sign.
#[cfg(feature = "v11")]
fn expand_into(prk: &HmacKey, scope: Option<&Scope<'_>>, okm: &mut [u8; 32]) {
    hmac_sha256_into(prk, &ExpandInfo(scope), okm);
}

/// The HKDF-Expand input of the V11 key: the scope, then the block
/// counter 1.
#[cfg(feature = "v11")]
struct ExpandInfo<'a, 's>(Option<&'a Scope<'s>>);

#[cfg(feature = "v11")]
impl Emit for ExpandInfo<'_, '_> {
    fn len(&self) -> usize {
        super::canon::counted(|c| self.emit(c))
    }

    fn emit<S: Sink + ?Sized>(&self, sink: &mut S) {
        if let Some(scope) = self.0 {
            scope.emit(sink);
        }
        sink.write(&[1]);
    }
}

/// HMAC-SHA256 of `message` under `key` into `tag`.
#[inline(never)]
fn hmac_sha256_into<E: Emit>(key: &HmacKey, message: &E, tag: &mut [u8; 32]) {
    let mut mac = key.start();
    message.emit(&mut mac);
    mac.finalize_into(tag);
}

/// V11: HMAC-SHA256 of `message` under the key derived from `prk` and
/// `scope` into `tag`; the derived key is wiped on drop.
#[cfg(feature = "v11")]
#[inline(never)]
fn v11_mac_into<E: Emit>(
    prk: &HmacKey,
    scope: Option<&Scope<'_>>,
    message: &E,
    tag: &mut [u8; 32],
) {
    let mut key = HmacKey::zeroed();
    // The tag's buffer holds the derived key material first (wiped).
    derive_v11_key(prk, scope, &mut key, tag);
    hmac_sha256_into(&key, message, tag);
}

/// HMAC-SM3 of `message` under `key` into `tag`.
#[cfg(feature = "sm3")]
#[inline(never)]
fn hmac_sm3_into<E: Emit>(key: &HmacSm3Key, message: &E, tag: &mut [u8; 32]) {
    let mut mac = <HmacSm3 as CoreProxy>::compose(key.clone(), Default::default());
    message.emit(&mut SinkOf(&mut mac));
    *tag = mac.finalize().into_bytes().into();
}

/// A [`Sink`] over an HMAC-SM3.
#[cfg(feature = "sm3")]
struct SinkOf<'m>(&'m mut HmacSm3);

#[cfg(feature = "sm3")]
impl Sink for SinkOf<'_> {
    fn write(&mut self, bytes: &[u8]) {
        hmac_sm3_update(self.0, bytes);
    }
}

#[cfg(all(test, feature = "v11"))]
mod tests {
    use super::*;

    /// The derivation equals the `hkdf` crate's HKDF-SHA256 (RFC 5869).
    #[test]
    fn v11_key_is_hkdf_sha256() {
        let (ak, sk) = (
            "HPUAPPKEY000000EXAMPLE",
            b"HpuSecretKey0123456789abcdefghijklmnopq",
        );
        let scope = Scope {
            day: "20240115",
            region: "cn-north-4",
            service: "ecs",
        };
        let mut okm = [0u8; 32];
        hkdf::Hkdf::<sha2::Sha256>::new(Some(ak.as_bytes()), sk)
            .expand(b"20240115/cn-north-4/ecs", &mut okm)
            .unwrap();
        let expected = HmacKey::new(&crate::encode::hex32(&okm)).mac(b"message");

        let mut key = Key::EMPTY;
        let v11 = Algorithm::V11HmacSha256 {
            region: "cn-north-4",
            service: "ecs",
        };
        key.set(&v11, ak, sk).unwrap();
        let Key::V11Prk(prk) = key else {
            panic!("not a V11 key");
        };
        let mut derived = HmacKey::zeroed();
        derive_v11_key(&prk, Some(&scope), &mut derived, &mut [0; 32]);
        assert_eq!(derived.mac(b"message"), expected);
    }
}
