//! Huawei Voice Call `X-AKSK` (click2Call, callVerify, callStop):
//! `PasswordDigest = Base64(HMAC-SHA256(app_secret, nonce ‖ created))`.
//!
//! A request carries two headers: `Authorization: `[`AUTHORIZATION`] and
//! `X-AKSK: ` followed by the value [`XAksk`] writes.
//!
//! ```
//! use callsign_core::{huawei::voice, HmacKey, Nonce, Timestamp};
//! let key = HmacKey::new(b"Zy9Xw8Vu7Ts6Rq5Po4Nm3Lk2Ji1H"); // once per app secret
//! let nonce = Nonce::new("66c92b11ff8a425fb8d4ccfe0ed9ed1f")?;
//! let created = Timestamp::parse("2024-03-01T08:15:30Z")?;
//! let x_aksk = voice::XAksk::new("a1B2c3D4e5F6g7H8i9J0kLmNoPqR", &key, &nonce, created)?;
//! let mut buf = [0u8; voice::X_AKSK_MAX_LEN];
//! let n = x_aksk.write(&mut buf)?;
//! assert_eq!(
//!     &buf[..n],
//!     br#"UsernameToken Username="a1B2c3D4e5F6g7H8i9J0kLmNoPqR",PasswordDigest="b8MSGhXOdJOz3fV5TblmdBQRT1nKdbtVng0LwtKkMjk=",Nonce="66c92b11ff8a425fb8d4ccfe0ed9ed1f",Created="2024-03-01T08:15:30Z""#
//! );
//! # Ok::<(), callsign_core::Error>(())
//! ```

use super::{token_max_len, validate_app_key, UsernameToken};
use crate::time::EXTENDED_LEN;
use crate::{Emit, Error, HmacKey, NonceRef, Sink, Timestamp};

/// The `Authorization` header value that goes with `X-AKSK`; constant.
pub const AUTHORIZATION: &str = r#"AKSK realm="SDP",profile="UsernameToken",type="Appkey""#;

/// Length of the Base64 `PasswordDigest`.
pub const DIGEST_LEN: usize = 44;

/// Largest `X-AKSK` value: app key and nonce at their maximum lengths.
pub const X_AKSK_MAX_LEN: usize = token_max_len(DIGEST_LEN);

/// An `X-AKSK` header value, signed. Build it with [`XAksk::new`], then
/// write it with [`XAksk::write`] or [`XAksk::to_heapless`].
///
/// ```
/// use callsign_core::{huawei::voice::XAksk, HmacKey, Nonce, Timestamp};
/// let key = HmacKey::new(b"secretVoice01");
/// let nonce = Nonce::new("A")?;
/// let v = XAksk::new("appKeyVoice01", &key, &nonce, Timestamp::parse("2024-03-01T08:15:31Z")?)?;
/// assert_eq!(v.password_digest(), "EKpScy5mLy9yMgIriGTpBgbDtUCCYTgV0WQ4nuRh1OY=");
/// # Ok::<(), callsign_core::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct XAksk<'a> {
    app_key: &'a str,
    digest: [u8; DIGEST_LEN],
    nonce: NonceRef<'a>,
    created: [u8; EXTENDED_LEN],
}

impl<'a> XAksk<'a> {
    /// Signs: validates `app_key` (see [`validate_app_key`]) and computes
    /// the digest with the precomputed `key` of the app secret. The nonce
    /// is a `&Nonce` or a [`NonceRef`] borrowed from the caller's text.
    ///
    /// ```
    /// use callsign_core::{huawei::voice::XAksk, Error, Field, HmacKey, Nonce, Timestamp};
    /// let key = HmacKey::new(b"s");
    /// let nonce = Nonce::new("n")?;
    /// let err = XAksk::new("bad,key", &key, &nonce, Timestamp::UNIX_EPOCH).unwrap_err();
    /// assert_eq!(err, Error::InvalidCharacter { field: Field::AppKey, position: 3 });
    /// # Ok::<(), Error>(())
    /// ```
    pub fn new(
        app_key: &'a str,
        key: &HmacKey,
        nonce: impl Into<NonceRef<'a>>,
        created: Timestamp,
    ) -> Result<Self, Error> {
        let nonce = nonce.into();
        let created = created.extended().to_array();
        let mut tag = [0u8; 32];
        // At most 148 bytes: gathered into blocks, never streamed, so the
        // signer's stack is this frame and one 64-byte block.
        let total = nonce.as_bytes().len().saturating_add(EXTENDED_LEN);
        key.mac_gathered(&[nonce.as_bytes(), &created], total, &mut tag);
        Self::with_text(app_key, &tag, nonce, created)
    }

    /// The value for a digest computed elsewhere (the push signature, whose
    /// digest also covers the push URL): validates `app_key`, Base64s `tag`.
    #[cfg(feature = "voice-api")]
    pub(super) fn with_tag(
        app_key: &'a str,
        tag: &[u8; 32],
        nonce: NonceRef<'a>,
        created: Timestamp,
    ) -> Result<Self, Error> {
        Self::with_text(app_key, tag, nonce, created.extended().to_array())
    }

    /// As [`XAksk::with_tag`], with `Created` already formatted.
    fn with_text(
        app_key: &'a str,
        tag: &[u8; 32],
        nonce: NonceRef<'a>,
        created: [u8; EXTENDED_LEN],
    ) -> Result<Self, Error> {
        Ok(XAksk {
            app_key: validate_app_key(app_key)?,
            digest: crate::encode::base64_32(tag),
            nonce,
            created,
        })
    }

    /// The `PasswordDigest` field (44 Base64 characters).
    ///
    /// ```
    /// # use callsign_core::{huawei::voice::XAksk, HmacKey, Nonce, Timestamp};
    /// # let nonce = Nonce::new("n")?;
    /// let v = XAksk::new("k", &HmacKey::new(b""), &nonce, Timestamp::UNIX_EPOCH)?;
    /// assert_eq!(v.password_digest().len(), 44);
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn password_digest(&self) -> &str {
        core::str::from_utf8(&self.digest).unwrap_or("")
    }

    fn token(&self) -> UsernameToken<'_> {
        UsernameToken {
            app_key: self.app_key,
            digest: &self.digest,
            nonce: self.nonce,
            created: &self.created,
        }
    }

    /// Exact length of the value in bytes.
    ///
    /// ```
    /// # use callsign_core::{huawei::voice::XAksk, HmacKey, Nonce, Timestamp};
    /// # let nonce = Nonce::new("n")?;
    /// let v = XAksk::new("k", &HmacKey::new(b""), &nonce, Timestamp::UNIX_EPOCH)?;
    /// assert_eq!(v.len(), 129);
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
    /// # use callsign_core::{huawei::voice::XAksk, Error, HmacKey, Nonce, Timestamp};
    /// # let nonce = Nonce::new("n")?;
    /// let v = XAksk::new("k", &HmacKey::new(b""), &nonce, Timestamp::UNIX_EPOCH)?;
    /// assert_eq!(v.write(&mut [0u8; 10]), Err(Error::BufferTooSmall { needed: 129 }));
    /// # Ok::<(), Error>(())
    /// ```
    pub fn write(&self, out: &mut [u8]) -> Result<usize, Error> {
        Emit::write(self, out)
    }

    /// The value as a `heapless::String` sized for any X-AKSK value.
    ///
    /// ```
    /// # use callsign_core::{huawei::voice::XAksk, HmacKey, Nonce, Timestamp};
    /// # let nonce = Nonce::new("n")?;
    /// let v = XAksk::new("k", &HmacKey::new(b""), &nonce, Timestamp::UNIX_EPOCH)?;
    /// assert!(v.to_heapless()?.starts_with("UsernameToken Username=\"k\""));
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn to_heapless(&self) -> Result<heapless::String<X_AKSK_MAX_LEN>, Error> {
        Emit::to_heapless(self)
    }
}

impl Emit for XAksk<'_> {
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
