//! Huawei Message & SMS `X-WSSE` (`/sms/batchSendSms/v1`):
//! `PasswordDigest = Base64(hex(SHA-256(nonce ‖ created ‖ app_secret)))`.
//!
//! The normative digest is the Base64 of the 64-character lowercase hex
//! text ([`DigestEncoding::Hex`], 88 characters), as Huawei's current
//! Python, Java and PHP demos and the API page's example compute it. Older
//! demos took the Base64 of the raw 32 bytes: that is available, explicitly,
//! as [`DigestEncoding::LegacyRaw`].
//!
//! ```
//! use callsign_core::{huawei::sms, Nonce, Timestamp};
//! let nonce = Nonce::new("ac1c911c4792492687f8f6b2264a491e")?;
//! let created = Timestamp::parse("2018-05-26T00:35:30Z")?;
//! let v = sms::XWsse::new("ARBRz4bAXoFgEH7o4Ew308eXc1RA", b"Mq3s8Pz1Lk5Nv7Bx2Cw9Dy4Ft6Gh", &nonce, created)?;
//! assert!(v.to_heapless()?.contains(r#"PasswordDigest="MGVjMjUwNTM5OTYyMmMwM2M1OGU5YjA5MWJiOGJmNzE0M2QzYjYxZTkxYTUwMDYyYTA4OWQ3MjVlOTVkZjU4NQ==""#));
//! assert_eq!(sms::AUTHORIZATION, r#"WSSE realm="SDP",profile="UsernameToken",type="Appkey""#);
//! # Ok::<(), callsign_core::Error>(())
//! ```

use super::{token_max_len, validate_app_key, UsernameToken};
use crate::time::EXTENDED_LEN;
use crate::{Emit, Error, NonceRef, Sink, Timestamp};

/// The `Authorization` header value that goes with `X-WSSE`; constant.
pub const AUTHORIZATION: &str = r#"WSSE realm="SDP",profile="UsernameToken",type="Appkey""#;

/// Length of the normative (hex) `PasswordDigest`.
pub const DIGEST_HEX_LEN: usize = 88;

/// Length of the legacy (raw) `PasswordDigest`.
pub const DIGEST_RAW_LEN: usize = 44;

/// Largest `X-WSSE` value: app key and nonce at their maximum lengths.
pub const X_WSSE_MAX_LEN: usize = token_max_len(DIGEST_HEX_LEN);

/// What the Base64 `PasswordDigest` encodes.
///
/// ```
/// assert_eq!(callsign_core::huawei::sms::DigestEncoding::default(),
///            callsign_core::huawei::sms::DigestEncoding::Hex);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum DigestEncoding {
    /// Base64 of the lowercase hex digest (88 characters). Normative.
    #[default]
    Hex,
    /// Base64 of the raw 32-byte digest (44 characters), as legacy demos do.
    LegacyRaw,
}

/// An `X-WSSE` header value, signed.
///
/// ```
/// use callsign_core::{huawei::sms::{DigestEncoding, XWsse}, Nonce, Timestamp};
/// let nonce = Nonce::new("z")?;
/// let t = Timestamp::parse("2024-03-01T08:15:30Z")?;
/// let legacy = XWsse::with_encoding("smsAppKey01", b"smsAppSecret01", &nonce, t, DigestEncoding::LegacyRaw)?;
/// assert_eq!(legacy.password_digest().len(), 44);
/// # Ok::<(), callsign_core::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct XWsse<'a> {
    app_key: &'a str,
    digest: [u8; DIGEST_HEX_LEN],
    digest_len: usize,
    nonce: NonceRef<'a>,
    created: [u8; EXTENDED_LEN],
}

impl<'a> XWsse<'a> {
    /// Signs with the normative hex digest.
    ///
    /// ```
    /// # use callsign_core::{huawei::sms::XWsse, Nonce, Timestamp};
    /// let nonce = Nonce::new("n")?;
    /// let v = XWsse::new("key", b"secret", &nonce, Timestamp::UNIX_EPOCH)?;
    /// assert_eq!(v.password_digest().len(), 88);
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn new(
        app_key: &'a str,
        app_secret: &[u8],
        nonce: impl Into<NonceRef<'a>>,
        created: Timestamp,
    ) -> Result<Self, Error> {
        Self::with_encoding(app_key, app_secret, nonce, created, DigestEncoding::Hex)
    }

    /// Signs with the digest encoding given.
    ///
    /// ```
    /// # use callsign_core::{huawei::sms::{DigestEncoding, XWsse}, Nonce, Timestamp};
    /// let nonce = Nonce::new("n")?;
    /// let v = XWsse::with_encoding("key", b"s", &nonce, Timestamp::UNIX_EPOCH, DigestEncoding::Hex)?;
    /// assert!(v.password_digest().ends_with("=="));
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn with_encoding(
        app_key: &'a str,
        app_secret: &[u8],
        nonce: impl Into<NonceRef<'a>>,
        created: Timestamp,
        encoding: DigestEncoding,
    ) -> Result<Self, Error> {
        let app_key = validate_app_key(app_key)?;
        let nonce = nonce.into();
        let created = created.extended().to_array();
        let mut raw = [0u8; 32];
        let parts = [nonce.as_bytes(), &created[..], app_secret];
        let total = parts.iter().fold(0usize, |n, p| n.saturating_add(p.len()));
        crate::digest::sha256_gathered(&parts, total, &mut raw);
        let mut digest = [0u8; DIGEST_HEX_LEN];
        // The digest goes on the wire in the clear: the table encoder suits it.
        let digest_len = match encoding {
            DigestEncoding::Hex => {
                digest = crate::encode::base64_fixed(&crate::encode::hex32_public(&raw));
                DIGEST_HEX_LEN
            }
            DigestEncoding::LegacyRaw => {
                if let Some((dst, _)) = digest.split_first_chunk_mut::<44>() {
                    *dst = crate::encode::base64_32(&raw);
                }
                44
            }
        };
        Ok(XWsse {
            app_key,
            digest,
            digest_len,
            nonce,
            created,
        })
    }

    /// The `PasswordDigest` field.
    ///
    /// ```
    /// # use callsign_core::{huawei::sms::XWsse, Nonce, Timestamp};
    /// # let nonce = Nonce::new("n")?;
    /// let v = XWsse::new("key", b"", &nonce, Timestamp::UNIX_EPOCH)?;
    /// assert!(!v.password_digest().is_empty());
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn password_digest(&self) -> &str {
        self.digest
            .get(..self.digest_len)
            .and_then(|d| core::str::from_utf8(d).ok())
            .unwrap_or("")
    }

    fn token(&self) -> UsernameToken<'_> {
        UsernameToken {
            app_key: self.app_key,
            digest: self.password_digest().as_bytes(),
            nonce: self.nonce,
            created: &self.created,
        }
    }

    /// Exact length of the value in bytes.
    ///
    /// ```
    /// # use callsign_core::{huawei::sms::XWsse, Nonce, Timestamp};
    /// # let nonce = Nonce::new("n")?;
    /// let v = XWsse::new("k", b"", &nonce, Timestamp::UNIX_EPOCH)?;
    /// assert_eq!(v.len(), 173);
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    #[allow(clippy::len_without_is_empty)]
    pub fn len(&self) -> usize {
        self.token().len()
    }

    /// Writes the value at the start of `out`; returns its length, or
    /// [`Error::BufferTooSmall`] (nothing written).
    ///
    /// ```
    /// # use callsign_core::{huawei::sms::{XWsse, X_WSSE_MAX_LEN}, Nonce, Timestamp};
    /// # let nonce = Nonce::new("n")?;
    /// let v = XWsse::new("k", b"", &nonce, Timestamp::UNIX_EPOCH)?;
    /// let mut buf = [0u8; X_WSSE_MAX_LEN];
    /// assert_eq!(v.write(&mut buf)?, v.len());
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn write(&self, out: &mut [u8]) -> Result<usize, Error> {
        Emit::write(self, out)
    }

    /// The value as a `heapless::String` sized for any X-WSSE value.
    ///
    /// ```
    /// # use callsign_core::{huawei::sms::XWsse, Nonce, Timestamp};
    /// # let nonce = Nonce::new("n")?;
    /// let v = XWsse::new("k", b"", &nonce, Timestamp::UNIX_EPOCH)?;
    /// assert!(v.to_heapless()?.ends_with(r#"Created="1970-01-01T00:00:00Z""#));
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn to_heapless(&self) -> Result<heapless::String<X_WSSE_MAX_LEN>, Error> {
        Emit::to_heapless(self)
    }
}

impl Emit for XWsse<'_> {
    fn len(&self) -> usize {
        self.token().len()
    }
    fn write(&self, buf: &mut [u8]) -> Result<usize, Error> {
        self.token().write(buf)
    }
    fn emit<S: Sink + ?Sized>(&self, sink: &mut S) {
        self.token().emit(sink);
    }
}
