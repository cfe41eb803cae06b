//! The request to sign: the algorithm, the reference variant, the body
//! (or its digest, from a [`BodyHasher`]) and the [`Request`] itself.

use super::crypto::Digester;
use super::text::python_strip;
use crate::{Sink, Timestamp};

/// The signing algorithm (spec §3.4). The canonical request is the same
/// for all three; the hash, the MAC and the header differ.
///
/// ```
/// use callsign_core::huawei::apig::Algorithm;
/// assert_eq!(Algorithm::SdkHmacSha256.name(), "SDK-HMAC-SHA256");
/// assert_eq!(Algorithm::SdkHmacSha256.content_header(), "X-Sdk-Content-Sha256");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Algorithm<'a> {
    /// `SDK-HMAC-SHA256`: SHA-256 and HMAC-SHA256 keyed with the secret.
    SdkHmacSha256,
    /// `SDK-HMAC-SM3`: SM3 and HMAC-SM3; payload header `X-Sdk-Content-Sm3`.
    #[cfg(feature = "sm3")]
    SdkHmacSm3,
    /// `V11-HMAC-SHA256` (derived AK/SK): HMAC-SHA256 keyed with the hex
    /// text of HKDF-SHA256(IKM = secret, salt = app key,
    /// info = `YYYYMMDD/region/service`, 32 bytes).
    #[cfg(feature = "v11")]
    V11HmacSha256 {
        /// Region id, e.g. `cn-north-4`: 1 to 64 token characters.
        region: &'a str,
        /// Service name, e.g. `ecs`: 1 to 64 token characters.
        service: &'a str,
    },
    #[doc(hidden)]
    /// Keeps the lifetime used when the `v11` feature is off.
    #[cfg(not(feature = "v11"))]
    _Unused(core::marker::PhantomData<&'a ()>, core::convert::Infallible),
}

impl Algorithm<'_> {
    /// The algorithm's name, as it starts the `Authorization` value and the
    /// string to sign.
    ///
    /// ```
    /// # use callsign_core::huawei::apig::Algorithm;
    /// assert_eq!(Algorithm::SdkHmacSm3.name(), "SDK-HMAC-SM3");
    /// ```
    pub const fn name(&self) -> &'static str {
        match self {
            Algorithm::SdkHmacSha256 => "SDK-HMAC-SHA256",
            #[cfg(feature = "sm3")]
            Algorithm::SdkHmacSm3 => "SDK-HMAC-SM3",
            #[cfg(feature = "v11")]
            Algorithm::V11HmacSha256 { .. } => "V11-HMAC-SHA256",
            #[cfg(not(feature = "v11"))]
            Algorithm::_Unused(_, never) => match *never {},
        }
    }

    /// The header that carries a payload hash chosen by the caller (or
    /// `UNSIGNED-PAYLOAD`).
    ///
    /// ```
    /// # use callsign_core::huawei::apig::Algorithm;
    /// assert_eq!(Algorithm::SdkHmacSm3.content_header(), "X-Sdk-Content-Sm3");
    /// ```
    pub const fn content_header(&self) -> &'static str {
        match self {
            #[cfg(feature = "sm3")]
            Algorithm::SdkHmacSm3 => "X-Sdk-Content-Sm3",
            _ => "X-Sdk-Content-Sha256",
        }
    }

    /// A hasher for a body fed in chunks, with this algorithm's hash; its
    /// [`BodyHasher::finish`] gives the [`Body`] to sign.
    ///
    /// ```
    /// use callsign_core::huawei::apig::{Algorithm, Body};
    /// let mut h = Algorithm::SdkHmacSha256.body_hasher();
    /// h.update(b"{\"a\":");
    /// h.update(b"1}");
    /// assert_eq!(h.finish(), Body::Sha256(callsign_core::sha256(b"{\"a\":1}")));
    /// ```
    pub fn body_hasher(&self) -> BodyHasher {
        BodyHasher {
            digester: Digester::new(self),
        }
    }
}

/// Which reference implementation's rules to follow where they differ
/// (spec §3.2).
///
/// ```
/// use callsign_core::huawei::apig::Variant;
/// assert_eq!(Variant::default(), Variant::Core);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum Variant {
    /// `huaweicloudsdkcore` (Python), the normative reference: headers
    /// whose names contain `_` are not signed; a `Content-Type` that is not
    /// JSON or BSON makes the signer add `X-Sdk-Content-Sha256:
    /// UNSIGNED-PAYLOAD`; an empty body always hashes as empty; the added
    /// host header is `Host`; an empty secret is refused.
    #[default]
    Core,
    /// Huawei's APIG Python signing SDK (`apig_sdk/signer.py`): every header
    /// is signed, `_` or not; no automatic `UNSIGNED-PAYLOAD`; a payload
    /// header is used even when the body is empty; the added host header is
    /// `host`; an empty secret is accepted.
    ApigPython,
}

/// The request body, or what stands for it.
///
/// ```
/// use callsign_core::huawei::apig::Body;
/// use callsign_core::Sha256;
/// let mut h = Sha256::new();
/// h.update(b"a body streamed ");
/// h.update(b"in chunks");
/// let body = Body::Sha256(h.finalize());
/// assert_eq!(body, Body::Sha256(callsign_core::sha256(b"a body streamed in chunks")));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Body<'a> {
    /// The body's bytes (empty for none).
    Bytes(&'a [u8]),
    /// The SHA-256 of the body, computed beforehand (e.g. with
    /// [`crate::Sha256`] fed in chunks). For `SDK-HMAC-SHA256` and
    /// `V11-HMAC-SHA256`.
    Sha256([u8; 32]),
    /// The SM3 of the body, computed beforehand, for `SDK-HMAC-SM3`.
    #[cfg(feature = "sm3")]
    Sm3([u8; 32]),
    /// A non-empty body that is not hashed: the payload hash is the value
    /// of the caller's `X-Sdk-Content-Sha256` header, or, when there is
    /// none, `UNSIGNED-PAYLOAD`, and the signer adds that header.
    Unsigned,
}

/// A body hasher for one algorithm, from [`Algorithm::body_hasher`].
///
/// ```
/// use callsign_core::huawei::apig::Algorithm;
/// let mut h = Algorithm::SdkHmacSm3.body_hasher();
/// for chunk in [b"ab".as_slice(), b"c"] {
///     h.update(chunk);
/// }
/// let _body = h.finish(); // Body::Sm3(..)
/// ```
#[derive(Clone)]
pub struct BodyHasher {
    digester: Digester,
}

impl BodyHasher {
    /// Hashes `chunk` after what came before.
    ///
    /// ```
    /// let mut h = callsign_core::huawei::apig::Algorithm::SdkHmacSha256.body_hasher();
    /// h.update(b"chunk");
    /// # let _ = h.finish();
    /// ```
    pub fn update(&mut self, chunk: &[u8]) {
        self.digester.write(chunk);
    }

    /// The body digest, as the [`Body`] to sign.
    ///
    /// ```
    /// use callsign_core::huawei::apig::{Algorithm, Body};
    /// let body = Algorithm::SdkHmacSha256.body_hasher().finish();
    /// assert_eq!(body, Body::Sha256(callsign_core::sha256(b"")));
    /// ```
    pub fn finish(self) -> Body<'static> {
        match self.digester {
            Digester::Sha256(h) => Body::Sha256(h.finalize()),
            #[cfg(feature = "sm3")]
            d @ Digester::Sm3(_) => Body::Sm3(d.finalize()),
        }
    }
}

impl core::fmt::Debug for BodyHasher {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("BodyHasher { .. }")
    }
}

/// A request to sign; every field borrows the caller's data.
///
/// ```
/// use callsign_core::huawei::apig::{Body, Request};
/// use callsign_core::Timestamp;
/// let query = [("limit", "10"), ("marker", "a b")];
/// let headers = [("Content-Type", "application/json")];
/// let body = br#"{"to":"+8613800000000"}"#;
/// let request = Request::new("POST", "example.com", "/v1/items", Timestamp::from_unix(1_705_307_400)?)
///     .with_query(&query)
///     .with_headers(&headers)
///     .with_body(Body::Bytes(body));
/// assert_eq!(request.query.len(), 2);
/// # Ok::<(), callsign_core::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Request<'a> {
    /// HTTP method, any case (it is upper-cased when signed): 1 to 32
    /// token characters.
    pub method: &'a str,
    /// The request host as in the URL, with `:port` if the URL has one
    /// (used for the `Host` header the signer adds when there is none).
    pub host: &'a str,
    /// The path as sent on the wire, starting with `/`; it may hold `%XX`
    /// escapes, and must not hold `?`, `#` or control characters.
    pub path: &'a str,
    /// Query parameters as decoded (name, value) pairs, in any order;
    /// repeated names are allowed.
    pub query: &'a [(&'a str, &'a str)],
    /// Headers as (name, value) pairs. Names are HTTP tokens, unique
    /// ignoring case; values are signed trimmed ([`trim_value`]) and must
    /// not hold CR, LF or NUL once trimmed.
    pub headers: &'a [(&'a str, &'a str)],
    /// The body.
    pub body: Body<'a>,
    /// The signing time, used when no `X-Sdk-Date` header is given (the
    /// signer then adds one).
    pub date: Timestamp,
}

impl<'a> Request<'a> {
    /// A request without query, headers or body.
    ///
    /// ```
    /// use callsign_core::huawei::apig::{Body, Request};
    /// let r = Request::new("GET", "example.com", "/", callsign_core::Timestamp::UNIX_EPOCH);
    /// assert_eq!(r.body, Body::Bytes(b""));
    /// ```
    pub const fn new(method: &'a str, host: &'a str, path: &'a str, date: Timestamp) -> Self {
        Request {
            method,
            host,
            path,
            query: &[],
            headers: &[],
            body: Body::Bytes(&[]),
            date,
        }
    }

    /// The same request with these query parameters.
    ///
    /// ```
    /// # use callsign_core::huawei::apig::Request;
    /// let r = Request::new("GET", "h", "/", callsign_core::Timestamp::UNIX_EPOCH).with_query(&[("a", "1")]);
    /// assert_eq!(r.query, &[("a", "1")]);
    /// ```
    pub const fn with_query(self, query: &'a [(&'a str, &'a str)]) -> Self {
        Request { query, ..self }
    }

    /// The same request with these headers.
    ///
    /// ```
    /// # use callsign_core::huawei::apig::Request;
    /// let r = Request::new("GET", "h", "/", callsign_core::Timestamp::UNIX_EPOCH)
    ///     .with_headers(&[("X-Project-Id", "p")]);
    /// assert_eq!(r.headers.len(), 1);
    /// ```
    pub const fn with_headers(self, headers: &'a [(&'a str, &'a str)]) -> Self {
        Request { headers, ..self }
    }

    /// The same request with this body.
    ///
    /// ```
    /// # use callsign_core::huawei::apig::{Body, Request};
    /// let r = Request::new("PUT", "h", "/", callsign_core::Timestamp::UNIX_EPOCH).with_body(Body::Unsigned);
    /// assert_eq!(r.body, Body::Unsigned);
    /// ```
    pub const fn with_body(self, body: Body<'a>) -> Self {
        Request { body, ..self }
    }
}

/// A header value as it is signed: trimmed at both ends with Python's
/// `str.strip()` whitespace (which includes U+001C..=U+001F, U+0085 and
/// U+00A0). Send this form, as the reference signer does.
///
/// ```
/// use callsign_core::huawei::apig::trim_value;
/// assert_eq!(trim_value("\u{a0} a  b\t\r\n"), "a  b");
/// ```
pub fn trim_value(value: &str) -> &str {
    python_strip(value)
}
