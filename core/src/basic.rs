//! HTTP Basic authentication (RFC 7617): `Basic base64(user ":" secret)`,
//! with the user and secret as UTF-8. Used by Sinch (project key id and key
//! secret; application key and secret) and Mailgun (user `api`, the API key
//! as the secret).
//!
//! ```
//! use callsign_core::basic::Basic;
//! let h = Basic::mailgun("key-3ax6xnjp29jd6fds4gc373sgvjxteol0")?;
//! assert_eq!(h.to_heapless()?.as_str(), "Basic YXBpOmtleS0zYXg2eG5qcDI5amQ2ZmRzNGdjMzczc2d2anh0ZW9sMA==");
//! # Ok::<(), callsign_core::Error>(())
//! ```

use crate::encode::{base64_len, Base64Encoder};
use crate::error::check_len;
use crate::{Emit, Error, Field, Sink};

/// Longest user accepted, in bytes.
pub const USER_MAX_LEN: usize = 256;

/// Longest secret accepted, in bytes.
pub const SECRET_MAX_LEN: usize = 256;

const PREFIX: &str = "Basic ";

/// Largest `Authorization` value [`Basic`] writes.
pub const BASIC_MAX_LEN: usize = PREFIX.len() + (USER_MAX_LEN + 1 + SECRET_MAX_LEN).div_ceil(3) * 4;

/// The Mailgun API user.
pub const MAILGUN_USER: &str = "api";

/// A Basic `Authorization` header value. The secret is borrowed, never
/// copied except in the encoder's wiped buffer, and never shown by `Debug`.
///
/// ```
/// use callsign_core::{basic::Basic, Error, Field};
/// let h = Basic::new("user", b"pa:ss")?;
/// assert_eq!(h.to_heapless()?.as_str(), "Basic dXNlcjpwYTpzcw==");
/// assert_eq!(
///     Basic::new("us:er", b"x").unwrap_err(),
///     Error::InvalidCharacter { field: Field::User, position: 2 }
/// );
/// # Ok::<(), Error>(())
/// ```
#[derive(Clone, Copy)]
pub struct Basic<'a> {
    user: &'a str,
    secret: &'a [u8],
}

impl<'a> Basic<'a> {
    /// Basic credentials for any user. The user may not contain `:` or
    /// control characters; both are limited to 256 bytes.
    ///
    /// ```
    /// let h = callsign_core::basic::Basic::new("user", b"")?;
    /// assert_eq!(h.to_heapless()?.as_str(), "Basic dXNlcjo=");
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn new(user: &'a str, secret: &'a [u8]) -> Result<Self, Error> {
        check_len(Field::User, user.len(), 0, USER_MAX_LEN)?;
        check_len(Field::Secret, secret.len(), 0, SECRET_MAX_LEN)?;
        if let Some(position) = user
            .as_bytes()
            .iter()
            .position(|&b| b == b':' || b.is_ascii_control())
        {
            return Err(Error::InvalidCharacter {
                field: Field::User,
                position,
            });
        }
        Ok(Basic { user, secret })
    }

    /// Sinch project access key: key id and key secret (OAuth2 token
    /// requests and Basic-auth APIs).
    ///
    /// ```
    /// let h = callsign_core::basic::Basic::sinch_key("a5c9a7e2-6fd7-4e0c-8f4b-3f1d2e6c9b10", "tqY5~Xw8c.Jd3bQz1KrT4vNe9L")?;
    /// assert_eq!(h.to_heapless()?.as_str(),
    ///     "Basic YTVjOWE3ZTItNmZkNy00ZTBjLThmNGItM2YxZDJlNmM5YjEwOnRxWTV+WHc4Yy5KZDNiUXoxS3JUNHZOZTlM");
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn sinch_key(key_id: &'a str, key_secret: &'a str) -> Result<Self, Error> {
        Self::new(key_id, key_secret.as_bytes())
    }

    /// Sinch application key and secret (Voice, Verification): the Base64
    /// secret is sent as text, not decoded.
    ///
    /// ```
    /// let h = callsign_core::basic::Basic::sinch_application("669E367E-6BBA-48AB-AF15-266871C28135", "BeIukql3pTKJ8RGL5zo0DA==")?;
    /// assert!(h.to_heapless()?.starts_with("Basic NjY5RTM2"));
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn sinch_application(app_key: &'a str, app_secret: &'a str) -> Result<Self, Error> {
        Self::new(app_key, app_secret.as_bytes())
    }

    /// Mailgun: user `api`, the API key as the secret.
    ///
    /// ```
    /// let h = callsign_core::basic::Basic::mailgun("key-x")?;
    /// assert_eq!(h.to_heapless()?.as_str(), "Basic YXBpOmtleS14");
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn mailgun(api_key: &'a str) -> Result<Self, Error> {
        Self::new(MAILGUN_USER, api_key.as_bytes())
    }

    /// Exact length of the value in bytes.
    ///
    /// ```
    /// assert_eq!(callsign_core::basic::Basic::new("a", b"b")?.len(), 10);
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    #[allow(clippy::len_without_is_empty)]
    pub fn len(&self) -> usize {
        let raw = self
            .user
            .len()
            .saturating_add(1)
            .saturating_add(self.secret.len());
        PREFIX
            .len()
            .saturating_add(base64_len(raw).unwrap_or(usize::MAX))
    }

    /// Writes the value at the start of `out`; returns its length, or
    /// [`Error::BufferTooSmall`] (nothing written).
    ///
    /// ```
    /// use callsign_core::{basic::{Basic, BASIC_MAX_LEN}, Error};
    /// let h = Basic::new("a", b"b")?;
    /// let mut buf = [0u8; BASIC_MAX_LEN];
    /// let n = h.write(&mut buf)?;
    /// assert_eq!(&buf[..n], b"Basic YTpi");
    /// assert_eq!(h.write(&mut buf[..9]), Err(Error::BufferTooSmall { needed: 10 }));
    /// # Ok::<(), Error>(())
    /// ```
    pub fn write(&self, out: &mut [u8]) -> Result<usize, Error> {
        Emit::write(self, out)
    }

    /// The value as a `heapless::String` sized for any Basic value.
    ///
    /// ```
    /// let s = callsign_core::basic::Basic::new("a", b"b")?.to_heapless()?;
    /// assert_eq!(s.as_str(), "Basic YTpi");
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn to_heapless(&self) -> Result<heapless::String<BASIC_MAX_LEN>, Error> {
        Emit::to_heapless(self)
    }
}

impl Emit for Basic<'_> {
    fn len(&self) -> usize {
        Basic::len(self)
    }
    /// Straight into `buf`: `user:secret` is copied to the end of the
    /// text's place and Base64-encoded in place there, so no buffer of
    /// ours holds the secret to be wiped afterwards.
    fn write(&self, buf: &mut [u8]) -> Result<usize, Error> {
        let needed = Basic::len(self);
        let Some(dst) = buf.get_mut(..needed) else {
            return Err(Error::BufferTooSmall { needed });
        };
        let (prefix, text) = dst
            .split_at_mut_checked(PREFIX.len())
            .unwrap_or((&mut [], &mut []));
        crate::out::copy_exact(prefix, PREFIX.as_bytes());
        let user = self.user.as_bytes();
        let raw_len = user
            .len()
            .saturating_add(1)
            .saturating_add(self.secret.len());
        let start = text.len().saturating_sub(raw_len);
        let mut out = crate::Out::new(text.get_mut(start..).unwrap_or(&mut []));
        out.write(user);
        out.write(b":");
        out.write(self.secret);
        if out.finish().is_ok() && crate::encode::base64_in_place(text, raw_len) {
            Ok(needed)
        } else {
            // Unreachable (the lengths were computed above); nothing
            // partial is reported as written.
            crate::out::wipe(dst);
            Err(Error::BufferTooSmall { needed })
        }
    }
    fn emit<S: Sink + ?Sized>(&self, sink: &mut S) {
        sink.write(PREFIX.as_bytes());
        let mut enc = Base64Encoder::new(sink);
        enc.update(self.user.as_bytes());
        enc.update(b":");
        enc.update(self.secret);
        enc.finish();
    }
}

impl core::fmt::Debug for Basic<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Basic")
            .field("user", &self.user)
            .field("secret", &"<redacted>")
            .finish()
    }
}
