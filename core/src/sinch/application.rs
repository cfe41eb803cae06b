//! Sinch Application-signed requests (Voice v1, Verification) and the
//! Voice v2 `service` variant: the string to sign, its HMAC-SHA256 under
//! the Base64-decoded secret, and the `Authorization` header.
//!
//! ```text
//! StringToSign = METHOD LF CONTENT-MD5 LF CONTENT-TYPE LF "x-timestamp:" T LF RESOURCE
//! Authorization: Application KEY:Base64(HMAC-SHA256(Base64-decode(secret), StringToSign))
//! ```
//!
//! ```
//! use callsign_core::sinch::application::{signing_key, BodyMd5, Request, Scheme};
//! let key = signing_key(b"JViE5vDor0Sw3WllZka15Q==")?; // Base64 secret, decoded once
//! let mut md5 = BodyMd5::new(); // the body, in chunks of any size
//! md5.update(br#"{"identity": {"type": "number", "endpoint": "+46700000000"}, "#);
//! md5.update(br#""method": "sms"}"#);
//! let body = md5.finish();
//! let request = Request::new(Scheme::Application, "POST", "/verification/v1/verifications",
//!     Some("application/json"), "2014-06-04T13:41:58Z", &body)?;
//! let auth = request.sign("5F5C418A0F914BBC8234A9BF5EDDAD97", &key)?;
//! // send "x-timestamp: 2014-06-04T13:41:58Z" and "Authorization: {auth}"
//! assert_eq!(auth.to_heapless()?.as_str(),
//!     "Application 5F5C418A0F914BBC8234A9BF5EDDAD97:H0Xa+YytqdCeLq2QM0gSwgjYyFGJ5wK0G2nxR7g0RpQ=");
//! # Ok::<(), callsign_core::Error>(())
//! ```

use base64ct::Encoding;
use zeroize::Zeroize;

use super::resource::{check_target, emit_resource, first_invalid};
use super::x_timestamp::parse_x_timestamp;
use crate::error::check_len;
use crate::text::is_tchar;
use crate::{Emit, Error, Field, HmacKey, SignatureText, Sink};

pub use super::body::{BodyDigest, BodyMd5, ContentMd5};

/// Longest Base64 secret accepted, in characters (Sinch issues 24).
pub const SECRET_MAX_LEN: usize = 256;

/// Bytes a secret of [`SECRET_MAX_LEN`] characters decodes to, at most.
const SECRET_BYTES_MAX: usize = SECRET_MAX_LEN / 4 * 3;

/// Longest application (or service) key accepted, in bytes.
pub const KEY_MAX_LEN: usize = 128;

/// Longest HTTP method accepted, in bytes.
pub const METHOD_MAX_LEN: usize = 16;

/// Longest `Content-Type` value accepted, in bytes.
pub const CONTENT_TYPE_MAX_LEN: usize = 256;

pub use super::resource::TARGET_MAX_LEN;

/// Longest `x-timestamp` value accepted, in bytes.
pub const X_TIMESTAMP_MAX_LEN: usize = 64;

/// Length of a `Content-MD5` value when the body is hashed.
pub const CONTENT_MD5_LEN: usize = 24;

/// Length of the Base64 signature.
pub const SIGNATURE_LEN: usize = 44;

/// The literal before the timestamp on the fourth line.
const X_TIMESTAMP_PREFIX: &str = "x-timestamp:";

/// Largest `Authorization` value: the longer scheme word and the longest key.
pub const AUTHORIZATION_MAX_LEN: usize = "Application".len() + 1 + KEY_MAX_LEN + 1 + SIGNATURE_LEN;

/// Largest string to sign (the percent-decoded path is never longer than
/// the target).
pub const STRING_TO_SIGN_MAX_LEN: usize = METHOD_MAX_LEN
    + 1
    + CONTENT_MD5_LEN
    + 1
    + CONTENT_TYPE_MAX_LEN
    + 1
    + X_TIMESTAMP_PREFIX.len()
    + X_TIMESTAMP_MAX_LEN
    + 1
    + TARGET_MAX_LEN;

/// The two variants of the scheme. They differ in the word of the
/// `Authorization` header and in the `Content-MD5` of an empty body.
///
/// ```
/// use callsign_core::sinch::application::Scheme;
/// assert_eq!(Scheme::Application.word(), "Application");
/// assert_eq!(Scheme::Service.word(), "service");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum Scheme {
    /// `Application`: Voice v1 and Verification requests and callbacks. An
    /// absent or empty body has an empty `Content-MD5`.
    Application,
    /// `service`: Voice API v2 webhooks. `Content-MD5` is always computed
    /// (an empty body gives `1B2M2Y8AsgTpgAmY7PhCfg==`), and the verifier
    /// requires a `Content-Type` header.
    Service,
}

impl Scheme {
    /// The scheme word as Sinch writes it in `Authorization`.
    ///
    /// ```
    /// assert_eq!(callsign_core::sinch::application::Scheme::Service.word(), "service");
    /// ```
    pub const fn word(self) -> &'static str {
        match self {
            Scheme::Application => "Application",
            Scheme::Service => "service",
        }
    }
}

/// The HMAC key of an application (or service) secret: the secret is
/// standard Base64 text, decoded as the Java SDK decodes it, in constant
/// time (RustCrypto `base64ct`). Missing `=` padding is accepted; any other
/// deviation is [`Error::InvalidBase64`] with the byte where it starts: a
/// character outside `A–Z a–z 0–9 + /` (whitespace and the base64url `-`
/// `_` included), an `=` that does not end the text, wrong padding, a final
/// unit of one character, or unused bits that are not zero (RFC 4648 §3.5;
/// stricter than Java, which ignores them). The decoded bytes are wiped.
///
/// ```
/// use callsign_core::{sinch::application::signing_key, Error, Field};
/// assert!(signing_key(b"JViE5vDor0Sw3WllZka15Q==").is_ok());
/// assert!(signing_key(b"JViE5vDor0Sw3WllZka15Q").is_ok()); // unpadded
/// assert_eq!(signing_key(b"app-secret").unwrap_err(),
///            Error::InvalidBase64 { field: Field::Secret, position: 0 });
/// // Where a secret goes wrong is not revealed.
/// assert_eq!(signing_key(b"JViE5vDor0Sw3WllZka15Q=").unwrap_err().to_string(),
///            "secret: not valid Base64");
/// ```
pub fn signing_key(secret_base64: &[u8]) -> Result<HmacKey, Error> {
    let text = secret_base64;
    check_len(Field::Secret, text.len(), 1, SECRET_MAX_LEN)?;
    // Where a secret goes wrong is not revealed: position 0.
    let invalid = Error::InvalidBase64 {
        field: Field::Secret,
        position: 0,
    };
    // Where the padding starts: lengths and `=` are not secret.
    let data_len = text
        .iter()
        .rposition(|&b| b != b'=')
        .map_or(0, |i| i.saturating_add(1));
    let padding = text.len().saturating_sub(data_len);
    if data_len % 4 == 1 {
        return Err(invalid);
    }
    if padding > 0 && (padding > 2 || !text.len().is_multiple_of(4)) {
        return Err(invalid);
    }
    let mut bytes = [0u8; SECRET_BYTES_MAX];
    let decoded = if padding > 0 {
        base64ct::Base64::decode(text, &mut bytes)
    } else {
        base64ct::Base64Unpadded::decode(text, &mut bytes)
    };
    let result = match decoded {
        Ok(key) => Ok(HmacKey::new(key)),
        Err(_) => Err(invalid),
    };
    bytes.zeroize();
    result
}

/// Checks an application or service key: 1 to [`KEY_MAX_LEN`] visible ASCII
/// characters other than `:` (it ends at the `:` before the signature).
///
/// ```
/// use callsign_core::{sinch::application::validate_key, Error, Field};
/// assert!(validate_key("669E367E-6BBA-48AB-AF15-266871C28135").is_ok());
/// assert_eq!(validate_key("a:b"), Err(Error::InvalidCharacter { field: Field::AppKey, position: 1 }));
/// ```
pub fn validate_key(key: &str) -> Result<&str, Error> {
    check_len(Field::AppKey, key.len(), 1, KEY_MAX_LEN)?;
    first_invalid(key.as_bytes(), |b| b.is_ascii_graphic() && b != b':').map_or(
        Ok(key),
        |position| {
            Err(Error::InvalidCharacter {
                field: Field::AppKey,
                position,
            })
        },
    )
}

/// A request (or a received callback) to sign: validated inputs of the
/// string to sign. Build it with [`Request::new`], then sign it with
/// [`Request::sign`], or show what is signed with [`Request::string_to_sign`].
///
/// ```
/// use callsign_core::sinch::application::{BodyDigest, Request, Scheme};
/// let r = Request::new(Scheme::Application, "get", "/v1/configuration/numbers?page=2",
///     None, "2024-03-14T09:32:00.000Z", &BodyDigest::NONE)?;
/// assert_eq!(r.string_to_sign().to_heapless()?.as_str(),
///     "GET\n\n\nx-timestamp:2024-03-14T09:32:00.000Z\n/v1/configuration/numbers");
/// # Ok::<(), callsign_core::Error>(())
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Request<'a> {
    scheme: Scheme,
    method: [u8; METHOD_MAX_LEN],
    method_len: usize,
    content_md5: ContentMd5,
    content_type: &'a str,
    x_timestamp: &'a str,
    target: &'a str,
    resource_len: usize,
}

impl<'a> Request<'a> {
    /// Validates the inputs of an outgoing request:
    /// - `method`: an HTTP method (signed upper-cased, as the Node SDK does);
    /// - `target`: the request path, with or without query; it must start
    ///   with `/`. RESOURCE is the path without query or fragment,
    ///   percent-decoded (`%2F` becomes `/`, as Java's `URI.getPath()`);
    /// - `content_type`: the exact `Content-Type` header, or `None` if the
    ///   request has none (signed as an empty line);
    /// - `x_timestamp`: the exact `x-timestamp` header: ISO 8601 UTC, e.g.
    ///   `2024-07-01T12:34:56.789Z` (fraction and `+00:00` allowed), sent
    ///   and signed as the same text;
    /// - `body`: the digest of the body ([`BodyDigest::NONE`] for none).
    ///
    /// Errors name the field: [`Error::InvalidCharacter`] /
    /// [`Error::InvalidLength`] for the method, target or content type,
    /// [`Error::Malformed`] for a timestamp that is not ISO 8601.
    ///
    /// ```
    /// use callsign_core::sinch::application::{BodyDigest, Request, Scheme};
    /// use callsign_core::{Error, Field};
    /// let err = Request::new(Scheme::Application, "GET", "calls", None, "2024-03-14T09:32:00Z", &BodyDigest::NONE);
    /// assert_eq!(err.unwrap_err(), Error::InvalidCharacter { field: Field::Path, position: 0 });
    /// ```
    pub fn new(
        scheme: Scheme,
        method: &str,
        target: &'a str,
        content_type: Option<&'a str>,
        x_timestamp: &'a str,
        body: &BodyDigest,
    ) -> Result<Self, Error> {
        parse_x_timestamp(x_timestamp)?;
        Self::received(scheme, method, target, content_type, x_timestamp, body)
    }

    /// As [`Request::new`], but the timestamp is only checked for length and
    /// printable ASCII: a verifier signs the received text as it is.
    pub(crate) fn received(
        scheme: Scheme,
        method: &str,
        target: &'a str,
        content_type: Option<&'a str>,
        x_timestamp: &'a str,
        body: &BodyDigest,
    ) -> Result<Self, Error> {
        check_len(Field::Method, method.len(), 1, METHOD_MAX_LEN)?;
        if let Some(position) = first_invalid(method.as_bytes(), is_tchar) {
            return Err(Error::InvalidCharacter {
                field: Field::Method,
                position,
            });
        }
        let mut upper = [0u8; METHOD_MAX_LEN];
        for (dst, src) in upper.iter_mut().zip(method.bytes()) {
            *dst = src.to_ascii_uppercase();
        }
        let content_type = content_type.unwrap_or("");
        check_printable(Field::ContentType, content_type, CONTENT_TYPE_MAX_LEN)?;
        check_printable(Field::Timestamp, x_timestamp, X_TIMESTAMP_MAX_LEN)?;
        let resource_len = check_target(target)?;
        Ok(Request {
            scheme,
            method: upper,
            method_len: method.len(),
            content_md5: body.content_md5(scheme),
            content_type,
            x_timestamp,
            target,
            resource_len,
        })
    }

    /// The scheme the request is signed for.
    ///
    /// ```
    /// use callsign_core::sinch::application::{BodyDigest, Request, Scheme};
    /// let r = Request::new(Scheme::Service, "POST", "/hook", Some("application/json"), "2026-06-10T21:27:05Z", &BodyDigest::NONE)?;
    /// assert_eq!(r.scheme(), Scheme::Service);
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub const fn scheme(&self) -> Scheme {
        self.scheme
    }

    /// The `Content-MD5` line.
    ///
    /// ```
    /// use callsign_core::sinch::application::{BodyDigest, Request, Scheme};
    /// let r = Request::new(Scheme::Service, "POST", "/hook", Some("application/json"), "2026-06-10T21:27:05Z", &BodyDigest::NONE)?;
    /// assert_eq!(r.content_md5().as_str(), "1B2M2Y8AsgTpgAmY7PhCfg==");
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub const fn content_md5(&self) -> ContentMd5 {
        self.content_md5
    }

    /// The string to sign, to display or hash; the signature is computed by
    /// streaming this same value into the HMAC.
    ///
    /// ```
    /// use callsign_core::sinch::application::{BodyDigest, Request, Scheme};
    /// let r = Request::new(Scheme::Application, "GET", "/calling/v1/conferences/id/weekly%20sync%2Fteam",
    ///     Some("application/json"), "2024-03-14T09:39:00.000Z", &BodyDigest::NONE)?;
    /// assert!(r.string_to_sign().to_heapless()?.ends_with("\n/calling/v1/conferences/id/weekly sync/team"));
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub const fn string_to_sign(&self) -> StringToSign<'_> {
        StringToSign { request: self }
    }

    /// The 32-byte HMAC-SHA256 of the string to sign under `key`.
    ///
    /// ```
    /// use callsign_core::sinch::application::{signing_key, BodyDigest, Request, Scheme};
    /// let key = signing_key(b"KjWBqwG3Xh9nfzC6p+L7cA==")?;
    /// let r = Request::new(Scheme::Application, "GET", "/calling/v1/calls/id/x", None, "2024-03-14T09:27:00Z", &BodyDigest::NONE)?;
    /// assert_eq!(r.signature(&key).len(), 32);
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn signature(&self, key: &HmacKey) -> [u8; 32] {
        let mut tag = [0u8; 32];
        self.signature_into(key, &mut tag);
        tag
    }

    /// The raw signature, written into `out` with no other copy (a
    /// verifier's expected signature, which must be wiped after use).
    pub(crate) fn signature_into(&self, key: &HmacKey, out: &mut [u8; 32]) {
        let mut mac = key.start();
        self.string_to_sign().emit(&mut mac);
        mac.finalize_into(out);
    }

    /// Signs with the application (or service) key `key_id` and its
    /// secret's HMAC key (from [`signing_key`]).
    ///
    /// ```
    /// use callsign_core::sinch::application::{signing_key, BodyDigest, Request, Scheme};
    /// let key = signing_key(b"F5wrP9SKYU6w8sbZXkp7GA==")?;
    /// let r = Request::new(Scheme::Service, "POST", "/sinch/webhook", Some("application/json"),
    ///     "2026-06-10T21:27:05.0000000Z", &BodyDigest::NONE)?;
    /// let auth = r.sign("b7430a33-38c8-4fba-9fb7-c66eae501d11", &key)?;
    /// assert_eq!(auth.signature(), "h+O1RXgXriX34mwooZVwpRZk8+aj+6KFJTkfnbM6Jgw=");
    /// assert!(auth.to_heapless()?.starts_with("service b7430a33-"));
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn sign<'k>(&self, key_id: &'k str, key: &HmacKey) -> Result<Authorization<'k>, Error> {
        let key_id = validate_key(key_id)?;
        Ok(Authorization {
            scheme: self.scheme,
            key_id,
            signature: SignatureText::base64_of(&self.signature(key)),
        })
    }
}

/// Checks that `value` is at most `max` bytes of printable ASCII (space
/// included): nothing that could break a line of the string to sign.
fn check_printable(field: Field, value: &str, max: usize) -> Result<(), Error> {
    check_len(field, value.len(), 0, max)?;
    match first_invalid(value.as_bytes(), |b| (b' '..=b'~').contains(&b)) {
        Some(position) => Err(Error::InvalidCharacter { field, position }),
        None => Ok(()),
    }
}

/// The string to sign of a [`Request`]; from [`Request::string_to_sign`].
///
/// ```
/// use callsign_core::sinch::application::{BodyDigest, Request, Scheme, STRING_TO_SIGN_MAX_LEN};
/// let r = Request::new(Scheme::Application, "GET", "/a", None, "2024-03-14T09:32:00Z", &BodyDigest::NONE)?;
/// let s = r.string_to_sign();
/// let mut buf = [0u8; STRING_TO_SIGN_MAX_LEN];
/// assert_eq!(s.write(&mut buf)?, s.len());
/// # Ok::<(), callsign_core::Error>(())
/// ```
#[derive(Clone, Copy, Debug)]
pub struct StringToSign<'r> {
    request: &'r Request<'r>,
}

impl StringToSign<'_> {
    /// Exact length in bytes.
    ///
    /// ```
    /// use callsign_core::sinch::application::{BodyDigest, Request, Scheme};
    /// let r = Request::new(Scheme::Application, "GET", "/a", None, "2024-03-14T09:32:00Z", &BodyDigest::NONE)?;
    /// assert_eq!(r.string_to_sign().len(), "GET\n\n\nx-timestamp:2024-03-14T09:32:00Z\n/a".len());
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    #[allow(clippy::len_without_is_empty)]
    pub fn len(&self) -> usize {
        Emit::len(self)
    }

    /// Writes the text at the start of `out`; returns its length, or
    /// [`Error::BufferTooSmall`] (nothing written).
    ///
    /// ```
    /// use callsign_core::sinch::application::{BodyDigest, Request, Scheme};
    /// let r = Request::new(Scheme::Application, "GET", "/a", None, "2024-03-14T09:32:00Z", &BodyDigest::NONE)?;
    /// assert!(r.string_to_sign().write(&mut [0u8; 4]).is_err());
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn write(&self, out: &mut [u8]) -> Result<usize, Error> {
        Emit::write(self, out)
    }

    /// The text as a `heapless::String` sized for any request.
    ///
    /// ```
    /// use callsign_core::sinch::application::{BodyDigest, Request, Scheme};
    /// let r = Request::new(Scheme::Application, "GET", "/caf%C3%A9", None, "2024-03-14T09:32:00Z", &BodyDigest::NONE)?;
    /// assert!(r.string_to_sign().to_heapless()?.ends_with("\n/café"));
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn to_heapless(&self) -> Result<heapless::String<STRING_TO_SIGN_MAX_LEN>, Error> {
        Emit::to_heapless(self)
    }
}

impl Emit for StringToSign<'_> {
    fn len(&self) -> usize {
        let r = self.request;
        [
            r.method_len,
            r.content_md5.len(),
            r.content_type.len(),
            X_TIMESTAMP_PREFIX.len(),
            r.x_timestamp.len(),
            r.resource_len,
            4,
        ]
        .iter()
        .fold(0usize, |n, l| n.saturating_add(*l))
    }

    fn emit<S: Sink + ?Sized>(&self, sink: &mut S) {
        let r = self.request;
        sink.write(r.method.get(..r.method_len).unwrap_or(&[]));
        sink.write(b"\n");
        sink.write(r.content_md5.as_str().as_bytes());
        sink.write(b"\n");
        sink.write(r.content_type.as_bytes());
        sink.write(b"\n");
        sink.write(X_TIMESTAMP_PREFIX.as_bytes());
        sink.write(r.x_timestamp.as_bytes());
        sink.write(b"\n");
        emit_resource(r.target, sink);
    }
}

/// The `Authorization` value: `Application KEY:SIGNATURE` (or
/// `service KEY:SIGNATURE`); from [`Request::sign`].
///
/// ```
/// use callsign_core::sinch::application::{signing_key, BodyDigest, Request, Scheme, AUTHORIZATION_MAX_LEN};
/// let key = signing_key(b"KjWBqwG3Xh9nfzC6p+L7cA==")?;
/// let r = Request::new(Scheme::Application, "GET", "/a", None, "2024-03-14T09:32:00Z", &BodyDigest::NONE)?;
/// let auth = r.sign("key", &key)?;
/// let mut buf = [0u8; AUTHORIZATION_MAX_LEN];
/// let n = auth.write(&mut buf)?;
/// assert_eq!(n, auth.len());
/// assert!(buf[..n].starts_with(b"Application key:"));
/// # Ok::<(), callsign_core::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Authorization<'a> {
    scheme: Scheme,
    key_id: &'a str,
    signature: SignatureText<SIGNATURE_LEN>,
}

impl Authorization<'_> {
    /// The Base64 signature (44 characters).
    ///
    /// ```
    /// use callsign_core::sinch::application::{signing_key, BodyDigest, Request, Scheme};
    /// let key = signing_key(b"KjWBqwG3Xh9nfzC6p+L7cA==")?;
    /// let r = Request::new(Scheme::Application, "GET", "/a", None, "2024-03-14T09:32:00Z", &BodyDigest::NONE)?;
    /// assert!(r.sign("key", &key)?.signature().ends_with('='));
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn signature(&self) -> &str {
        self.signature.as_str()
    }

    /// Exact length of the value in bytes.
    ///
    /// ```
    /// use callsign_core::sinch::application::{signing_key, BodyDigest, Request, Scheme};
    /// let key = signing_key(b"KjWBqwG3Xh9nfzC6p+L7cA==")?;
    /// let r = Request::new(Scheme::Application, "GET", "/a", None, "2024-03-14T09:32:00Z", &BodyDigest::NONE)?;
    /// assert_eq!(r.sign("key", &key)?.len(), "Application key:".len() + 44);
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    #[allow(clippy::len_without_is_empty)]
    pub fn len(&self) -> usize {
        self.scheme
            .word()
            .len()
            .saturating_add(2)
            .saturating_add(self.key_id.len())
            .saturating_add(SIGNATURE_LEN)
    }

    /// Writes the value at the start of `out`; returns its length, or
    /// [`Error::BufferTooSmall`] (nothing written).
    ///
    /// ```
    /// use callsign_core::sinch::application::{signing_key, BodyDigest, Request, Scheme};
    /// use callsign_core::Error;
    /// let key = signing_key(b"KjWBqwG3Xh9nfzC6p+L7cA==")?;
    /// let r = Request::new(Scheme::Application, "GET", "/a", None, "2024-03-14T09:32:00Z", &BodyDigest::NONE)?;
    /// assert_eq!(r.sign("key", &key)?.write(&mut [0u8; 8]), Err(Error::BufferTooSmall { needed: 60 }));
    /// # Ok::<(), Error>(())
    /// ```
    pub fn write(&self, out: &mut [u8]) -> Result<usize, Error> {
        Emit::write(self, out)
    }

    /// The value as a `heapless::String` sized for any key.
    ///
    /// ```
    /// use callsign_core::sinch::application::{signing_key, BodyDigest, Request, Scheme};
    /// let key = signing_key(b"KjWBqwG3Xh9nfzC6p+L7cA==")?;
    /// let r = Request::new(Scheme::Application, "GET", "/a", None, "2024-03-14T09:32:00Z", &BodyDigest::NONE)?;
    /// assert!(r.sign("key", &key)?.to_heapless()?.starts_with("Application key:"));
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn to_heapless(&self) -> Result<heapless::String<AUTHORIZATION_MAX_LEN>, Error> {
        Emit::to_heapless(self)
    }
}

impl Emit for Authorization<'_> {
    fn len(&self) -> usize {
        Authorization::len(self)
    }
    fn emit<S: Sink + ?Sized>(&self, sink: &mut S) {
        sink.write(self.scheme.word().as_bytes());
        sink.write(b" ");
        sink.write(self.key_id.as_bytes());
        sink.write(b":");
        self.signature.emit(sink);
    }
}

impl core::fmt::Display for Authorization<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(
            f,
            "{} {}:{}",
            self.scheme.word(),
            self.key_id,
            self.signature()
        )
    }
}
