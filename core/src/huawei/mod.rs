//! Huawei Cloud schemes: Voice Call `X-AKSK` ([`voice`]) and Message & SMS
//! `X-WSSE` ([`sms`]), which both put a `UsernameToken` in a header and
//! differ only in the digest; and `SDK-HMAC-SHA256` request signing
//! ([`apig`]) for API Gateway, IAM AK/SK and SMS "special AK/SK".

pub mod apig;
pub mod sms;
#[cfg(feature = "sms-api")]
pub mod sms_api;
pub mod verify;
pub mod voice;
#[cfg(feature = "voice-api")]
pub mod voice_api;
#[cfg(feature = "voice-api")]
pub mod voice_push;

use crate::error::check_len;
use crate::{Emit, Error, Field, NonceRef, Sink};

/// Longest app key accepted, in bytes (Huawei issues 28-character keys).
pub const APP_KEY_MAX_LEN: usize = 128;

/// Checks an app key: 1 to [`APP_KEY_MAX_LEN`] printable ASCII characters
/// other than `"` and `,` (it is written inside a quoted header field,
/// which has no escaping).
///
/// ```
/// use callsign_core::{huawei::validate_app_key, Error, Field};
/// assert!(validate_app_key("a1B2c3D4e5F6g7H8i9J0kLmNoPqR").is_ok());
/// assert_eq!(
///     validate_app_key("key\"x"),
///     Err(Error::InvalidCharacter { field: Field::AppKey, position: 3 })
/// );
/// ```
pub fn validate_app_key(app_key: &str) -> Result<&str, Error> {
    let bytes = app_key.as_bytes();
    check_len(Field::AppKey, bytes.len(), 1, APP_KEY_MAX_LEN)?;
    crate::text::check_chars(bytes, Field::AppKey, |b| {
        (b' '..=b'~').contains(&b) && b != b'"' && b != b','
    })?;
    Ok(app_key)
}

const TOKEN_PARTS: [&str; 5] = [
    "UsernameToken Username=\"",
    "\",PasswordDigest=\"",
    "\",Nonce=\"",
    "\",Created=\"",
    "\"",
];

/// Bytes of a UsernameToken value besides its four fields.
// Evaluated at compile time: an out-of-range index or an overflow would
// fail the build, not panic at run time.
#[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]
const TOKEN_FIXED_LEN: usize = {
    let mut n = 0;
    let mut i = 0;
    while i < TOKEN_PARTS.len() {
        n += TOKEN_PARTS[i].len();
        i += 1;
    }
    n
};

/// Largest UsernameToken value with a digest of `digest_len` bytes.
/// Only used to define constants, so evaluated at compile time.
#[allow(clippy::arithmetic_side_effects)]
pub(crate) const fn token_max_len(digest_len: usize) -> usize {
    TOKEN_FIXED_LEN
        + APP_KEY_MAX_LEN
        + digest_len
        + crate::NONCE_MAX_LEN
        + crate::time::EXTENDED_LEN
}

/// `UsernameToken Username="..",PasswordDigest="..",Nonce="..",Created=".."`.
pub(crate) struct UsernameToken<'a> {
    pub(crate) app_key: &'a str,
    pub(crate) digest: &'a [u8],
    pub(crate) nonce: NonceRef<'a>,
    /// `Created` in the extended form, formatted once when signing.
    pub(crate) created: &'a [u8; crate::time::EXTENDED_LEN],
}

impl Emit for UsernameToken<'_> {
    fn len(&self) -> usize {
        TOKEN_FIXED_LEN
            .saturating_add(self.app_key.len())
            .saturating_add(self.digest.len())
            .saturating_add(self.nonce.len())
            .saturating_add(crate::time::EXTENDED_LEN)
    }

    /// The nine pieces copied straight into `buf` after one length check
    /// (no cursor bookkeeping per piece).
    fn write(&self, buf: &mut [u8]) -> Result<usize, Error> {
        let needed = Emit::len(self);
        let Some(mut rest) = buf.get_mut(..needed) else {
            return Err(Error::BufferTooSmall { needed });
        };
        let [p0, p1, p2, p3, p4] = TOKEN_PARTS;
        let pieces: [&[u8]; 9] = [
            p0.as_bytes(),
            self.app_key.as_bytes(),
            p1.as_bytes(),
            self.digest,
            p2.as_bytes(),
            self.nonce.as_bytes(),
            p3.as_bytes(),
            self.created,
            p4.as_bytes(),
        ];
        for piece in pieces {
            let Some((dst, tail)) = core::mem::take(&mut rest).split_at_mut_checked(piece.len())
            else {
                break;
            };
            crate::out::copy_exact(dst, piece);
            rest = tail;
        }
        Ok(needed)
    }

    fn emit<S: Sink + ?Sized>(&self, sink: &mut S) {
        let [p0, p1, p2, p3, p4] = TOKEN_PARTS;
        sink.write(p0.as_bytes());
        sink.write(self.app_key.as_bytes());
        sink.write(p1.as_bytes());
        sink.write(self.digest);
        sink.write(p2.as_bytes());
        sink.write(self.nonce.as_bytes());
        sink.write(p3.as_bytes());
        sink.write(self.created);
        sink.write(p4.as_bytes());
    }
}
