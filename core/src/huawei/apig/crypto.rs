//! The hash and the MAC of each algorithm: SHA-256 and HMAC-SHA256 (with a
//! key computed once), SM3 and HMAC-SM3, and the V11 key derivation
//! (HKDF-SHA256 with the extract step computed once).

#[cfg(feature = "sm3")]
use hmac::digest::{Digest as _, KeyInit};
#[cfg(feature = "sm3")]
use hmac::Mac as _;
#[cfg(feature = "v11")]
use zeroize::Zeroize;

use super::signer::Scope;
use super::Algorithm;
use crate::{Error, HmacKey, HmacSha256, Sha256, Sink};

#[cfg(feature = "sm3")]
type HmacSm3 = hmac::Hmac<sm3::Sm3>;

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

/// Lowercase hex of a 32-byte digest.
pub(crate) fn hex64(digest: &[u8; 32]) -> [u8; 64] {
    let mut text = [0u8; 64];
    let mut out = crate::Out::new(&mut text);
    crate::encode::hex(digest, &mut out);
    text
}

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

/// The hex text of a digest that is not secret (a signature, a hash).
pub(crate) fn hex_text(digest: &[u8; 32]) -> HexText {
    AsciiText(hex64(digest))
}

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

    pub(crate) fn finalize(self) -> [u8; 32] {
        match self {
            Digester::Sha256(h) => h.finalize(),
            #[cfg(feature = "sm3")]
            Digester::Sm3(h) => h.finalize().into(),
        }
    }
}

impl Sink for Digester {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        match self {
            Digester::Sha256(h) => h.update(bytes),
            #[cfg(feature = "sm3")]
            Digester::Sm3(h) => h.update(bytes),
        }
    }
}

/// The signing key of an algorithm, computed once per secret.
#[derive(Clone)]
pub(crate) enum Key {
    /// HMAC-SHA256 keyed with the secret.
    Sha256(HmacKey),
    /// HMAC-SM3 keyed with the secret.
    #[cfg(feature = "sm3")]
    Sm3(HmacSm3),
    /// HMAC-SHA256 keyed with the HKDF pseudo-random key
    /// PRK = HMAC-SHA256(key = app key, message = secret); each request
    /// derives its signing key from it and the request's scope.
    #[cfg(feature = "v11")]
    V11Prk(HmacKey),
}

impl Key {
    #[cfg_attr(not(feature = "v11"), allow(unused_variables))]
    pub(crate) fn new(
        algorithm: &Algorithm<'_>,
        app_key: &str,
        secret: &[u8],
    ) -> Result<Self, Error> {
        match algorithm {
            Algorithm::SdkHmacSha256 => Ok(Key::Sha256(HmacKey::new(secret))),
            #[cfg(feature = "sm3")]
            Algorithm::SdkHmacSm3 => <HmacSm3 as KeyInit>::new_from_slice(secret)
                .map(Key::Sm3)
                // HMAC takes keys of any length: this error cannot happen.
                .map_err(|_| Error::InvalidLength {
                    field: crate::Field::Secret,
                    min: 0,
                    max: super::SECRET_MAX_LEN,
                    actual: 0,
                }),
            #[cfg(feature = "v11")]
            Algorithm::V11HmacSha256 { .. } => {
                // HKDF-Extract(salt = app key, IKM = secret).
                let mut prk = HmacKey::new(app_key.as_bytes()).mac(secret);
                let key = HmacKey::new(&prk);
                prk.zeroize();
                Ok(Key::V11Prk(key))
            }
            #[cfg(not(feature = "v11"))]
            Algorithm::_Unused(_, never) => match *never {},
        }
    }

    /// A MAC ready for the string to sign of a request with `scope`
    /// (V11 only; the other algorithms ignore it).
    #[cfg_attr(not(feature = "v11"), allow(unused_variables))]
    pub(crate) fn start(&self, scope: Option<&Scope<'_>>) -> Mac {
        match self {
            Key::Sha256(key) => Mac::Sha256(key.start()),
            #[cfg(feature = "sm3")]
            Key::Sm3(key) => Mac::Sm3(key.clone()),
            #[cfg(feature = "v11")]
            Key::V11Prk(prk) => Mac::Sha256(derive_v11_key(prk, scope).start()),
        }
    }
}

/// The V11 signing key: HMAC-SHA256 keyed with the lowercase hex text of
/// HKDF-Expand(PRK, info = scope, 32 bytes) = HMAC-SHA256(PRK, info ‖ 0x01).
#[cfg(feature = "v11")]
fn derive_v11_key(prk: &HmacKey, scope: Option<&Scope<'_>>) -> HmacKey {
    let mut expand = prk.start();
    if let Some(scope) = scope {
        scope.emit(&mut expand);
    }
    expand.update(&[1]);
    let mut okm = expand.finalize();
    let mut okm_hex = hex64(&okm);
    let key = HmacKey::new(&okm_hex);
    okm.zeroize();
    okm_hex.zeroize();
    key
}

/// A MAC over the string to sign.
pub(crate) enum Mac {
    Sha256(HmacSha256),
    #[cfg(feature = "sm3")]
    Sm3(HmacSm3),
}

impl Mac {
    pub(crate) fn finalize(self) -> [u8; 32] {
        match self {
            Mac::Sha256(m) => m.finalize(),
            #[cfg(feature = "sm3")]
            Mac::Sm3(m) => m.finalize().into_bytes().into(),
        }
    }
}

impl Sink for Mac {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        match self {
            Mac::Sha256(m) => m.update(bytes),
            #[cfg(feature = "sm3")]
            Mac::Sm3(m) => m.update(bytes),
        }
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
        let expected = HmacKey::new(&hex64(&okm)).mac(b"message");

        let Ok(Key::V11Prk(prk)) = Key::new(
            &Algorithm::V11HmacSha256 {
                region: "cn-north-4",
                service: "ecs",
            },
            ak,
            sk,
        ) else {
            panic!("not a V11 key");
        };
        assert_eq!(derive_v11_key(&prk, Some(&scope)).mac(b"message"), expected);
    }
}
