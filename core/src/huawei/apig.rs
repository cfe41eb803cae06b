//! Huawei Cloud `SDK-HMAC-SHA256` request signing: API Gateway App
//! authentication and IAM AK/SK (also the "special AK/SK" authentication of
//! Message & SMS), plus `SDK-HMAC-SM3` and `V11-HMAC-SHA256` (derived
//! AK/SK) from the same signers.
//!
//! The rules are those of the normative reference, the Python
//! `huaweicloudsdkcore` `Signer` ([`Variant::Core`]); [`Variant::ApigPython`]
//! reproduces Huawei's APIG Python signing SDK where it differs. The
//! canonical request is streamed into the hasher while it is produced, never
//! stored; [`SignedRequest::canonical_request`] writes the same bytes,
//! through the same code, for display.
//!
//! Inputs are taken as the caller has them: the path as sent on the wire
//! (it may hold `%XX`), the query as **decoded** (name, value) pairs, the
//! headers as (name, value) pairs. Since the query comes decoded, a `+`
//! is always a literal plus (signed as `%2B`): the question of whether `+`
//! in a URL means a space (spec §4.7) belongs to whoever parsed the URL.
//!
//! The signer never changes the caller's request; it tells what to add.
//! Where the reference would rewrite it, callsign differs on purpose: a
//! caller's `X-Sdk-Content-Sha256` header is signed as given (the reference
//! overwrites it with `UNSIGNED-PAYLOAD` when the `Content-Type` is not
//! JSON); header names equal ignoring case are refused (the reference
//! lists the name twice); a path that is not UTF-8 once decoded is refused
//! (the reference signs U+FFFD in its place).
//!
//! ```
//! use callsign_core::huawei::apig::{Algorithm, Body, Request, Signer, Variant};
//! use callsign_core::{Emit, Timestamp};
//!
//! // Once per credential: the HMAC key is computed here.
//! let signer = Signer::new(
//!     "HPUAPPKEY000000EXAMPLE",
//!     b"HpuSecretKey0123456789abcdefghijklmnopq",
//!     Algorithm::SdkHmacSha256,
//!     Variant::Core,
//! )?;
//! let headers = [("Content-Type", "application/json"), ("X-Sdk-Date", "20240115T083000Z")];
//! let request = Request::new("GET", "iam.cn-north-4.myhuaweicloud.com", "/v3/projects", Timestamp::UNIX_EPOCH)
//!     .with_headers(&headers)
//!     .with_body(Body::Bytes(b""));
//! let signed = signer.sign(&request)?;
//!
//! // Send the caller's headers, then these, then Authorization.
//! for (name, value) in signed.headers_added() {
//!     assert_eq!((name, value), ("Host", "iam.cn-north-4.myhuaweicloud.com"));
//! }
//! assert_eq!(
//!     signed.authorization().to_heapless()?.as_str(),
//!     "SDK-HMAC-SHA256 Access=HPUAPPKEY000000EXAMPLE, SignedHeaders=content-type;host;x-sdk-date, \
//!      Signature=f3238bedb494cd52a8204db79cfd714e679149ea77f8142baf802ceb88d65bfb"
//! );
//! assert_eq!(signed.request_target().to_heapless::<64>()?.as_str(), "/v3/projects");
//! # Ok::<(), callsign_core::Error>(())
//! ```

mod crypto;
mod text;

use crate::error::check_len;
use crate::{Counter, Emit, Error, Field, Out, Sink, Timestamp};
use crypto::{hex_text, AsciiText, Digester, HexText, Key, EMPTY_SHA256};
use text::{cmp_lowercase, emit_mapped, first_non_token, python_strip, same_name};

/// How many headers (the caller's, plus the up to 3 the signer adds) a
/// [`Signed`] request holds; [`Signer::sign_with`] takes another capacity.
pub const DEFAULT_MAX_HEADERS: usize = 32;

/// How many query parameters a [`Signed`] request holds;
/// [`Signer::sign_with`] takes another capacity.
pub const DEFAULT_MAX_QUERY: usize = 64;

/// Longest header name accepted, in bytes.
pub const HEADER_NAME_MAX_LEN: usize = 64;

/// Longest app key (AK) accepted, in bytes.
pub const APP_KEY_MAX_LEN: usize = super::APP_KEY_MAX_LEN;

/// Longest secret (SK) accepted, in bytes.
pub const SECRET_MAX_LEN: usize = 1024;

/// Longest HTTP method accepted, in bytes.
pub const METHOD_MAX_LEN: usize = 32;

/// Longest request host accepted: a DNS name (253) and `:port`.
pub const HOST_MAX_LEN: usize = 259;

/// Longest wire path accepted, in bytes (a common server limit for a whole
/// request line).
pub const PATH_MAX_LEN: usize = 8192;

/// Longest V11 region or service name accepted, in bytes.
pub const SCOPE_PART_MAX_LEN: usize = 64;

/// Length of the hex signature.
pub const SIGNATURE_LEN: usize = 64;

/// The payload hash that tells the server the body is not signed.
pub const UNSIGNED_PAYLOAD: &str = "UNSIGNED-PAYLOAD";

/// Largest `Authorization` value when at most `max_headers` headers are
/// signed: the longest algorithm prefix, an app key and a V11 scope at
/// their maximum lengths, and every signed name [`HEADER_NAME_MAX_LEN`]
/// long.
///
/// ```
/// use callsign_core::huawei::apig::{authorization_max_len, AUTHORIZATION_MAX_LEN, DEFAULT_MAX_HEADERS};
/// assert_eq!(authorization_max_len(DEFAULT_MAX_HEADERS), AUTHORIZATION_MAX_LEN);
/// assert!(authorization_max_len(8) < AUTHORIZATION_MAX_LEN);
/// ```
pub const fn authorization_max_len(max_headers: usize) -> usize {
    let names = max_headers.saturating_mul(HEADER_NAME_MAX_LEN.saturating_add(1));
    AUTHORIZATION_FIXED_MAX_LEN.saturating_add(names.saturating_sub(1))
}

/// The longest `Authorization` value besides its signed-header list:
/// `V11-HMAC-SHA256 Credential=AK/YYYYMMDD/region/service, SignedHeaders=`
/// and `, Signature=` with the hex signature.
// Evaluated at compile time: an overflow would fail the build, not panic.
#[allow(clippy::arithmetic_side_effects)]
const AUTHORIZATION_FIXED_MAX_LEN: usize = "V11-HMAC-SHA256 Credential=".len()
    + APP_KEY_MAX_LEN
    + "/YYYYMMDD//".len()
    + 2 * SCOPE_PART_MAX_LEN
    + ", SignedHeaders=".len()
    + ", Signature=".len()
    + SIGNATURE_LEN;

/// Largest `Authorization` value of a [`Signed`] request (at most
/// [`DEFAULT_MAX_HEADERS`] signed headers): the size of the buffer of
/// [`Authorization::to_heapless`].
pub const AUTHORIZATION_MAX_LEN: usize = authorization_max_len(DEFAULT_MAX_HEADERS);

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

/// Signs requests with one credential. Build it once: the HMAC key (for
/// V11, the HKDF extract step) is computed here; it is wiped on drop for
/// the SHA-256 algorithms and never shown by `Debug`.
///
/// ```
/// use callsign_core::huawei::apig::{Algorithm, Signer, Variant};
/// use callsign_core::{Error, Field};
/// let signer = Signer::new("AK", b"SK", Algorithm::SdkHmacSha256, Variant::Core)?;
/// assert_eq!(format!("{signer:?}"), "Signer { app_key: \"AK\", algorithm: SdkHmacSha256, variant: Core, .. }");
/// // The normative signer refuses an empty secret; the APIG one accepts it.
/// assert!(matches!(
///     Signer::new("AK", b"", Algorithm::SdkHmacSha256, Variant::Core),
///     Err(Error::InvalidLength { field: Field::Secret, .. })
/// ));
/// assert!(Signer::new("AK", b"", Algorithm::SdkHmacSha256, Variant::ApigPython).is_ok());
/// # Ok::<(), Error>(())
/// ```
#[derive(Clone)]
pub struct Signer<'a> {
    app_key: &'a str,
    algorithm: Algorithm<'a>,
    variant: Variant,
    key: Key,
}

impl core::fmt::Debug for Signer<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Signer")
            .field("app_key", &self.app_key)
            .field("algorithm", &self.algorithm)
            .field("variant", &self.variant)
            .finish_non_exhaustive()
    }
}

/// Checks a text that goes into the `Authorization` value unquoted (app
/// key, V11 region and service): `min..=max` HTTP token characters.
fn check_token(field: Field, text: &str, min: usize, max: usize) -> Result<(), Error> {
    check_len(field, text.len(), min, max)?;
    match first_non_token(text) {
        Some(position) => Err(Error::InvalidCharacter { field, position }),
        None => Ok(()),
    }
}

impl<'a> Signer<'a> {
    /// A signer for the app key (AK) `app_key` and secret (SK) `secret`.
    ///
    /// Errors: an app key that is empty, longer than [`APP_KEY_MAX_LEN`] or
    /// holds a character other than an HTTP token character (so no space,
    /// `,`, `"` or `/`); a secret longer than [`SECRET_MAX_LEN`], or empty
    /// with [`Variant::Core`] (the reference: "sk is required"); a V11
    /// region or service that is not 1 to [`SCOPE_PART_MAX_LEN`] token
    /// characters.
    ///
    /// ```
    /// use callsign_core::huawei::apig::{Algorithm, Signer, Variant};
    /// use callsign_core::{Error, Field};
    /// let v11 = Algorithm::V11HmacSha256 { region: "cn-north-4", service: "ecs" };
    /// assert!(Signer::new("AK", b"SK", v11, Variant::Core).is_ok());
    /// let err = Signer::new("A K", b"SK", Algorithm::SdkHmacSha256, Variant::Core).unwrap_err();
    /// assert_eq!(err, Error::InvalidCharacter { field: Field::AppKey, position: 1 });
    /// ```
    pub fn new(
        app_key: &'a str,
        secret: &[u8],
        algorithm: Algorithm<'a>,
        variant: Variant,
    ) -> Result<Self, Error> {
        check_token(Field::AppKey, app_key, 1, APP_KEY_MAX_LEN)?;
        let min_secret = match variant {
            Variant::Core => 1,
            Variant::ApigPython => 0,
        };
        check_len(Field::Secret, secret.len(), min_secret, SECRET_MAX_LEN)?;
        #[cfg(feature = "v11")]
        if let Algorithm::V11HmacSha256 { region, service } = algorithm {
            check_token(Field::Region, region, 1, SCOPE_PART_MAX_LEN)?;
            check_token(Field::Service, service, 1, SCOPE_PART_MAX_LEN)?;
        }
        let key = Key::new(&algorithm, app_key, secret)?;
        Ok(Signer {
            app_key,
            algorithm,
            variant,
            key,
        })
    }

    /// Signs `request` with the default capacities ([`DEFAULT_MAX_HEADERS`]
    /// headers, [`DEFAULT_MAX_QUERY`] query parameters).
    ///
    /// Errors: see [`Signer::sign_with`].
    ///
    /// ```
    /// use callsign_core::huawei::apig::{Algorithm, Request, Signer, Variant};
    /// use callsign_core::{Emit, Timestamp};
    /// let signer = Signer::new("AK", b"SK", Algorithm::SdkHmacSha256, Variant::Core)?;
    /// let request = Request::new("GET", "example.com", "/v1/x", Timestamp::parse("20240115T083000Z")?);
    /// let signed = signer.sign(&request)?;
    /// let added: Vec<_> = signed.headers_added().into_iter().collect();
    /// assert_eq!(added, [("X-Sdk-Date", "20240115T083000Z"), ("Host", "example.com")]);
    /// assert_eq!(signed.signed_headers().to_heapless::<32>()?.as_str(), "host;x-sdk-date");
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn sign<'r>(&'r self, request: &'r Request<'r>) -> Result<Signed<'r>, Error> {
        self.sign_with(request)
    }

    /// Signs `request`, holding at most `H` headers (the caller's plus the
    /// up to 3 added) and `Q` query parameters.
    ///
    /// Errors ([`Error`] variants): `TooManyItems` (more than `H` headers
    /// or `Q` query parameters); `InvalidLength` / `InvalidCharacter` for
    /// the method (not a token), the host (not visible ASCII, or holding
    /// `/ ? # @ \`) or the path (not starting with `/`, holding `?`, `#` or
    /// a control character); `InvalidUtf8` for a path whose percent-decoded
    /// bytes are not UTF-8; `InvalidHeaderName`, `InvalidHeaderValue`,
    /// `DuplicateHeader` (names equal ignoring case); `InvalidTimestamp` /
    /// `TimestampOutOfRange` for an `X-Sdk-Date` header that is not
    /// `YYYYMMDDTHHMMSSZ` from 1970 on; `BodyDigestMismatch` for a body
    /// digest of the other hash function; `InvalidHeaderValue` for an
    /// empty payload header with [`Body::Unsigned`] under [`Variant::Core`]
    /// (the reference would hash the body, which it does not have).
    ///
    /// ```
    /// use callsign_core::huawei::apig::{Algorithm, Request, Signer, Variant};
    /// use callsign_core::{Error, Field, Timestamp};
    /// let signer = Signer::new("AK", b"SK", Algorithm::SdkHmacSha256, Variant::Core)?;
    /// let query = [("a", "1"), ("b", "2"), ("c", "3")];
    /// let request = Request::new("GET", "example.com", "/", Timestamp::UNIX_EPOCH).with_query(&query);
    /// assert!(signer.sign_with::<8, 3>(&request).is_ok());
    /// assert_eq!(
    ///     signer.sign_with::<8, 2>(&request).unwrap_err(),
    ///     Error::TooManyItems { field: Field::Query, max: 2 }
    /// );
    /// # Ok::<(), Error>(())
    /// ```
    pub fn sign_with<'r, const H: usize, const Q: usize>(
        &'r self,
        request: &'r Request<'r>,
    ) -> Result<SignedRequest<'r, H, Q>, Error> {
        let prepared = Prepared::<H, Q>::new(request, &self.algorithm, self.variant)?;
        let canon = prepared.canon();
        let mut digester = Digester::new(&self.algorithm);
        canon.emit_canonical_request(&mut digester);
        let request_hash = hex_text(&digester.finalize());
        let scope = scope_of(&self.algorithm, &prepared.date);
        let mut mac = self.key.start(scope.as_ref());
        StringToSign {
            algorithm: self.algorithm.name(),
            date: &prepared.date,
            scope,
            hash: &request_hash,
        }
        .emit(&mut mac);
        let signature = hex_text(&mac.finalize());
        Ok(SignedRequest {
            prepared,
            app_key: self.app_key,
            algorithm: self.algorithm,
            request_hash,
            signature,
        })
    }
}

/// The V11 credential scope `YYYYMMDD/region/service` of a request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Scope<'s> {
    pub(crate) day: &'s str,
    pub(crate) region: &'s str,
    pub(crate) service: &'s str,
}

impl Scope<'_> {
    pub(crate) fn emit<S: Sink + ?Sized>(&self, sink: &mut S) {
        sink.write(self.day.as_bytes());
        sink.write(b"/");
        sink.write(self.region.as_bytes());
        sink.write(b"/");
        sink.write(self.service.as_bytes());
    }
}

#[cfg_attr(not(feature = "v11"), allow(unused_variables))]
fn scope_of<'s>(algorithm: &Algorithm<'s>, date: &'s str) -> Option<Scope<'s>> {
    match *algorithm {
        #[cfg(feature = "v11")]
        Algorithm::V11HmacSha256 { region, service } => Some(Scope {
            day: date.get(..8).unwrap_or_default(),
            region,
            service,
        }),
        _ => None,
    }
}

/// Header slots above every caller index stand for the headers the signer
/// adds.
const DATE_SLOT: u16 = u16::MAX - 2;
const HOST_SLOT: u16 = u16::MAX - 1;
const CONTENT_SLOT: u16 = u16::MAX;

/// The name of the `X-Sdk-Date` header the signer adds.
const DATE_HEADER: &str = "X-Sdk-Date";

/// What the payload hash line of the canonical request holds.
#[derive(Clone, Copy, Debug)]
enum Payload<'r> {
    /// A digest, as lowercase hex.
    Hex(HexText),
    /// A payload header's value (or `UNSIGNED-PAYLOAD`).
    Text(&'r str),
}

/// The headers of the request the signer looks at.
#[derive(Clone, Copy, Debug, Default)]
struct Found {
    /// `X-Sdk-Date`, any case.
    date: Option<usize>,
    /// `Host`, any case.
    host: Option<usize>,
    /// The payload header (`X-Sdk-Content-Sha256` or `-Sm3`), any case.
    content: Option<usize>,
    /// `Content-Type`, spelled exactly so (the CORE rule looks it up so).
    content_type: Option<usize>,
}

/// Everything about a request but its hash and signature: validated, with
/// the headers and the query sorted.
#[derive(Clone, Debug)]
struct Prepared<'r, const H: usize, const Q: usize> {
    request: &'r Request<'r>,
    variant: Variant,
    content_name: &'static str,
    /// Header slots sorted by lower-cased name.
    headers: heapless::Vec<u16, H>,
    /// Query indices sorted by (name, value).
    query: heapless::Vec<u16, Q>,
    /// The `X-Sdk-Date` value signed.
    date: DateText,
    payload: Payload<'r>,
}

impl<'r, const H: usize, const Q: usize> Prepared<'r, H, Q> {
    fn new(
        request: &'r Request<'r>,
        algorithm: &Algorithm<'_>,
        variant: Variant,
    ) -> Result<Self, Error> {
        validate_method(request.method)?;
        validate_host(request.host)?;
        validate_path(request.path)?;
        let content_name = algorithm.content_header();
        let found = scan_headers(request.headers, content_name)?;
        let date = signing_date(request, found)?;
        let added_content =
            found.content.is_none() && adds_unsigned_payload(request, found, variant);
        let headers = sort_headers::<H>(request, content_name, found, added_content)?;
        let query = sort_query::<Q>(request.query)?;
        let payload = payload(request, algorithm, variant, found, added_content)?;
        Ok(Prepared {
            request,
            variant,
            content_name,
            headers,
            query,
            date,
            payload,
        })
    }

    fn canon(&self) -> Canon<'_> {
        Canon {
            request: self.request,
            variant: self.variant,
            content_name: self.content_name,
            headers: &self.headers,
            query: &self.query,
            date: &self.date,
            payload: match &self.payload {
                Payload::Hex(hex) => hex,
                Payload::Text(text) => text,
            },
        }
    }
}

fn validate_method(method: &str) -> Result<(), Error> {
    check_token(Field::Method, method, 1, METHOD_MAX_LEN)
}

fn validate_host(host: &str) -> Result<(), Error> {
    check_len(Field::Host, host.len(), 1, HOST_MAX_LEN)?;
    let bad = |b: u8| !(b'!'..=b'~').contains(&b) || matches!(b, b'/' | b'?' | b'#' | b'@' | b'\\');
    match host.bytes().position(bad) {
        Some(position) => Err(Error::InvalidCharacter {
            field: Field::Host,
            position,
        }),
        None => Ok(()),
    }
}

fn validate_path(path: &str) -> Result<(), Error> {
    check_len(Field::Path, path.len(), 1, PATH_MAX_LEN)?;
    let bad = |(i, b): (usize, u8)| {
        (i == 0 && b != b'/') || b.is_ascii_control() || matches!(b, b'?' | b'#')
    };
    if let Some((position, _)) = path.bytes().enumerate().find(|&ib| bad(ib)) {
        return Err(Error::InvalidCharacter {
            field: Field::Path,
            position,
        });
    }
    match text::invalid_decoded_utf8(path) {
        Some(position) => Err(Error::InvalidUtf8 {
            field: Field::Path,
            position,
        }),
        None => Ok(()),
    }
}

/// Validates every header and notes the ones the signer looks at.
fn scan_headers(headers: &[(&str, &str)], content_name: &str) -> Result<Found, Error> {
    let mut found = Found::default();
    for (index, &(name, value)) in headers.iter().enumerate() {
        let name_ok =
            (1..=HEADER_NAME_MAX_LEN).contains(&name.len()) && first_non_token(name).is_none();
        if !name_ok {
            return Err(Error::InvalidHeaderName { index });
        }
        if python_strip(value)
            .bytes()
            .any(|b| matches!(b, b'\r' | b'\n' | 0))
        {
            return Err(Error::InvalidHeaderValue { index });
        }
        if name == "Content-Type" {
            found.content_type = Some(index);
        }
        let slot = if same_name(name, DATE_HEADER) {
            &mut found.date
        } else if same_name(name, "host") {
            &mut found.host
        } else if same_name(name, content_name) {
            &mut found.content
        } else {
            continue;
        };
        // The first of two names equal ignoring case; sorting reports the pair.
        slot.get_or_insert(index);
    }
    Ok(found)
}

/// The `X-Sdk-Date` of the request: the caller's header, which must be
/// exactly `YYYYMMDDTHHMMSSZ`, or the request's `date`.
fn signing_date(request: &Request<'_>, found: Found) -> Result<DateText, Error> {
    let caller = found
        .date
        .and_then(|i| request.headers.get(i))
        .map(|&(_, value)| value);
    let date = match caller {
        Some(text) => Timestamp::parse_basic(text)?,
        None => request.date,
    };
    Ok(AsciiText(date.basic().to_array()))
}

/// An `X-Sdk-Date` value, `YYYYMMDDTHHMMSSZ`.
type DateText = AsciiText<{ crate::time::BASIC_LEN }>;

/// CORE §3.1.3 (or a [`Body::Unsigned`]): whether the signer adds the
/// payload header with `UNSIGNED-PAYLOAD` (when the caller has none).
fn adds_unsigned_payload(request: &Request<'_>, found: Found, variant: Variant) -> bool {
    if request.body == Body::Unsigned {
        return true;
    }
    if variant != Variant::Core {
        return false;
    }
    let content_type = found
        .content_type
        .and_then(|i| request.headers.get(i))
        .map_or("", |&(_, value)| value);
    !content_type.is_empty()
        && !content_type.starts_with("application/json")
        && !content_type.starts_with("application/bson")
}

/// The capacity of a slot list of `N` entries, within the slot numbering.
fn slot_capacity(n: usize) -> usize {
    n.min(usize::from(DATE_SLOT))
}

/// The header slots (the caller's and the added ones) sorted by lower-cased
/// name; two names equal ignoring case are an error.
fn sort_headers<const H: usize>(
    request: &Request<'_>,
    content_name: &'static str,
    found: Found,
    added_content: bool,
) -> Result<heapless::Vec<u16, H>, Error> {
    let too_many = Error::TooManyItems {
        field: Field::Header,
        max: slot_capacity(H),
    };
    if request.headers.len() > slot_capacity(H) {
        return Err(too_many);
    }
    let mut slots = heapless::Vec::<u16, H>::new();
    for index in 0..request.headers.len() {
        let slot = u16::try_from(index).map_err(|_| too_many)?;
        slots.push(slot).map_err(|_| too_many)?;
    }
    let added = [
        (found.date.is_none(), DATE_SLOT),
        (found.host.is_none(), HOST_SLOT),
        (added_content, CONTENT_SLOT),
    ];
    for (add, slot) in added {
        if add {
            slots.push(slot).map_err(|_| too_many)?;
        }
    }
    let name = |slot: u16| slot_name(request, content_name, slot);
    text::insertion_sort(slots.as_mut_slice(), |a, b| {
        cmp_lowercase(name(a), name(b)).is_lt()
    });
    for pair in slots.windows(2) {
        if let [a, b] = *pair {
            if same_name(name(a), name(b)) {
                return Err(Error::DuplicateHeader {
                    first: usize::from(a.min(b)),
                    second: usize::from(a.max(b)),
                });
            }
        }
    }
    Ok(slots)
}

/// The name of a header slot as the caller spelled it (sorting and
/// duplicates only look at it ignoring case).
fn slot_name<'r>(request: &Request<'r>, content_name: &'static str, slot: u16) -> &'r str {
    match slot {
        DATE_SLOT => DATE_HEADER,
        HOST_SLOT => "host",
        CONTENT_SLOT => content_name,
        _ => request
            .headers
            .get(usize::from(slot))
            .map_or("", |&(name, _)| name),
    }
}

/// How many query parameters a `u16` index can number.
const QUERY_INDICES: usize = 1 << 16;

/// The query indices sorted by (name, value), comparing the decoded
/// strings by code point (UTF-8 byte order is code-point order).
fn sort_query<const Q: usize>(query: &[(&str, &str)]) -> Result<heapless::Vec<u16, Q>, Error> {
    let capacity = Q.min(QUERY_INDICES);
    let too_many = Error::TooManyItems {
        field: Field::Query,
        max: capacity,
    };
    if query.len() > capacity {
        return Err(too_many);
    }
    let mut order = heapless::Vec::<u16, Q>::new();
    for index in 0..query.len() {
        let index = u16::try_from(index).map_err(|_| too_many)?;
        order.push(index).map_err(|_| too_many)?;
    }
    let pair = |i: u16| query.get(usize::from(i)).copied().unwrap_or(("", ""));
    text::insertion_sort(order.as_mut_slice(), |a, b| pair(a) < pair(b));
    Ok(order)
}

/// Whether the body is empty (a digest of nothing counts as empty), or the
/// error of a digest made with the other hash function.
fn body_is_empty(body: Body<'_>, algorithm: &Algorithm<'_>) -> Result<bool, Error> {
    #[cfg(feature = "sm3")]
    let sm3 = matches!(algorithm, Algorithm::SdkHmacSm3);
    #[cfg(not(feature = "sm3"))]
    let sm3 = {
        let _ = algorithm;
        false
    };
    match body {
        Body::Bytes(bytes) => Ok(bytes.is_empty()),
        Body::Sha256(_) if sm3 => Err(Error::BodyDigestMismatch),
        Body::Sha256(digest) => Ok(digest == EMPTY_SHA256),
        #[cfg(feature = "sm3")]
        Body::Sm3(_) if !sm3 => Err(Error::BodyDigestMismatch),
        #[cfg(feature = "sm3")]
        Body::Sm3(digest) => Ok(digest == crypto::EMPTY_SM3),
        Body::Unsigned => Ok(false),
    }
}

/// The payload hash line (CORE §3.1.8, APIG §3.2.3).
fn payload<'r>(
    request: &Request<'r>,
    algorithm: &Algorithm<'_>,
    variant: Variant,
    found: Found,
    added_content: bool,
) -> Result<Payload<'r>, Error> {
    let empty = body_is_empty(request.body, algorithm)?;
    let header = match found.content {
        Some(i) => request
            .headers
            .get(i)
            .map(|&(_, value)| python_strip(value)),
        None => added_content.then_some(UNSIGNED_PAYLOAD),
    };
    let use_header = match variant {
        Variant::Core => !empty && header.is_some_and(|v| !v.is_empty()),
        Variant::ApigPython => header.is_some(),
    };
    match header {
        Some(text) if use_header => return Ok(Payload::Text(text)),
        _ => {}
    }
    let digest = match request.body {
        Body::Bytes(bytes) => {
            let mut d = Digester::new(algorithm);
            d.write(bytes);
            d.finalize()
        }
        Body::Sha256(digest) => digest,
        #[cfg(feature = "sm3")]
        Body::Sm3(digest) => digest,
        Body::Unsigned => {
            return Err(Error::InvalidHeaderValue {
                index: found.content.unwrap_or_default(),
            })
        }
    };
    Ok(Payload::Hex(hex_text(&digest)))
}

/// A borrowed view of a prepared request: what the canonical request, the
/// signed-header list and the request target are written from.
#[derive(Clone, Copy, Debug)]
struct Canon<'s> {
    request: &'s Request<'s>,
    variant: Variant,
    content_name: &'static str,
    headers: &'s [u16],
    query: &'s [u16],
    date: &'s str,
    payload: &'s str,
}

impl<'s> Canon<'s> {
    /// The name (as spelled) and the signed value of a header slot.
    fn header(&self, slot: u16) -> (&'s str, &'s str) {
        match slot {
            DATE_SLOT => (DATE_HEADER, self.date),
            HOST_SLOT => (host_header_name(self.variant), self.request.host),
            CONTENT_SLOT => (self.content_name, UNSIGNED_PAYLOAD),
            _ => self
                .request
                .headers
                .get(usize::from(slot))
                .map_or(("", ""), |&(name, value)| (name, python_strip(value))),
        }
    }

    /// Whether a header of this name is signed (CORE skips names with `_`).
    fn is_signed(&self, name: &str) -> bool {
        // A byte loop: for names this short it beats `contains`'s memchr.
        self.variant == Variant::ApigPython || !name.bytes().any(|b| b == b'_')
    }

    /// The signed headers in order: (name as spelled, signed value).
    fn signed_headers(&self) -> impl Iterator<Item = (&'s str, &'s str)> + '_ {
        self.headers
            .iter()
            .map(|&slot| self.header(slot))
            .filter(|&(name, _)| self.is_signed(name))
    }

    fn emit_signed_headers<S: Sink + ?Sized>(&self, sink: &mut S) {
        for (i, (name, _)) in self.signed_headers().enumerate() {
            if i > 0 {
                sink.write(b";");
            }
            emit_mapped(name, u8::to_ascii_lowercase, sink);
        }
    }

    fn emit_canonical_query<S: Sink + ?Sized>(&self, sink: &mut S) {
        for (i, &index) in self.query.iter().enumerate() {
            let Some(&(name, value)) = self.request.query.get(usize::from(index)) else {
                continue;
            };
            if i > 0 {
                sink.write(b"&");
            }
            crate::encode::percent_encode(name.as_bytes(), sink);
            sink.write(b"=");
            crate::encode::percent_encode(value.as_bytes(), sink);
        }
    }

    /// `METHOD\nURI\nQUERY\nname:value\n…\n\nSIGNED_HEADERS\nPAYLOAD_HASH`.
    /// The one writer of the canonical request, for the hasher and for
    /// display alike.
    fn emit_canonical_request<S: Sink + ?Sized>(&self, sink: &mut S) {
        emit_mapped(self.request.method, u8::to_ascii_uppercase, sink);
        sink.write(b"\n");
        text::emit_canonical_uri(self.request.path, sink);
        sink.write(b"\n");
        self.emit_canonical_query(sink);
        sink.write(b"\n");
        for (name, value) in self.signed_headers() {
            emit_mapped(name, u8::to_ascii_lowercase, sink);
            sink.write(b":");
            sink.write(value.as_bytes());
            sink.write(b"\n");
        }
        sink.write(b"\n");
        self.emit_signed_headers(sink);
        sink.write(b"\n");
        sink.write(self.payload.as_bytes());
    }

    fn emit_request_target<S: Sink + ?Sized>(&self, sink: &mut S) {
        sink.write(self.request.path.as_bytes());
        if !self.query.is_empty() {
            sink.write(b"?");
            self.emit_canonical_query(sink);
        }
    }
}

/// The host header name the signer adds.
const fn host_header_name(variant: Variant) -> &'static str {
    match variant {
        Variant::Core => "Host",
        Variant::ApigPython => "host",
    }
}

/// The exact length of what `emit` writes.
fn counted(emit: impl FnOnce(&mut Counter)) -> usize {
    let mut counter = Counter::new();
    emit(&mut counter);
    counter.count()
}

/// A signed request, from [`Signer::sign_with`]: the `Authorization` value,
/// the headers to add, the request target, and (for debugging) the
/// canonical request and the string to sign. It borrows the request.
///
/// ```
/// use callsign_core::huawei::apig::{Algorithm, Request, Signer, Variant};
/// use callsign_core::Timestamp;
/// let signer = Signer::new("AK", b"SK", Algorithm::SdkHmacSha256, Variant::Core)?;
/// let request = Request::new("GET", "example.com", "/", Timestamp::UNIX_EPOCH);
/// let signed = signer.sign(&request)?;
/// assert_eq!(signed.signature().len(), 64);
/// # Ok::<(), callsign_core::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct SignedRequest<'r, const H: usize, const Q: usize> {
    prepared: Prepared<'r, H, Q>,
    app_key: &'r str,
    algorithm: Algorithm<'r>,
    request_hash: HexText,
    signature: HexText,
}

/// A [`SignedRequest`] with the default capacities.
pub type Signed<'r> = SignedRequest<'r, DEFAULT_MAX_HEADERS, DEFAULT_MAX_QUERY>;

/// The headers the signer added, in the order `X-Sdk-Date`, `Host`,
/// `X-Sdk-Content-Sha256` (or `X-Sdk-Content-Sm3`); each only when it was
/// added.
pub type HeadersAdded<'s> = heapless::Vec<(&'static str, &'s str), 3>;

impl<const H: usize, const Q: usize> SignedRequest<'_, H, Q> {
    fn canon(&self) -> Canon<'_> {
        self.prepared.canon()
    }

    /// The signature: 64 lowercase hex characters.
    ///
    /// ```
    /// # use callsign_core::huawei::apig::{Algorithm, Request, Signer, Variant};
    /// # let signer = Signer::new("AK", b"SK", Algorithm::SdkHmacSha256, Variant::Core)?;
    /// # let request = Request::new("GET", "example.com", "/", callsign_core::Timestamp::UNIX_EPOCH);
    /// let signed = signer.sign(&request)?;
    /// assert!(signed.signature().bytes().all(|b| b.is_ascii_hexdigit()));
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn signature(&self) -> &str {
        &self.signature
    }

    /// The `X-Sdk-Date` value signed: the caller's header, or the request's
    /// date.
    ///
    /// ```
    /// # use callsign_core::huawei::apig::{Algorithm, Request, Signer, Variant};
    /// # let signer = Signer::new("AK", b"SK", Algorithm::SdkHmacSha256, Variant::Core)?;
    /// let request = Request::new("GET", "example.com", "/", callsign_core::Timestamp::from_unix(86_400)?);
    /// assert_eq!(signer.sign(&request)?.date(), "19700102T000000Z");
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn date(&self) -> &str {
        &self.prepared.date
    }

    /// The headers to send besides the caller's and `Authorization`.
    ///
    /// ```
    /// # use callsign_core::huawei::apig::{Algorithm, Request, Signer, Variant};
    /// # let signer = Signer::new("AK", b"SK", Algorithm::SdkHmacSha256, Variant::Core)?;
    /// let headers = [("Content-Type", "application/x-www-form-urlencoded"), ("X-Sdk-Date", "20240115T083000Z")];
    /// let request = Request::new("POST", "example.com", "/", callsign_core::Timestamp::UNIX_EPOCH)
    ///     .with_headers(&headers);
    /// let signed = signer.sign(&request)?;
    /// assert_eq!(
    ///     signed.headers_added().as_slice(),
    ///     [("Host", "example.com"), ("X-Sdk-Content-Sha256", "UNSIGNED-PAYLOAD")]
    /// );
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn headers_added(&self) -> HeadersAdded<'_> {
        let canon = self.canon();
        let names = [
            (DATE_SLOT, DATE_HEADER),
            (HOST_SLOT, host_header_name(self.prepared.variant)),
            (CONTENT_SLOT, self.prepared.content_name),
        ];
        let mut added = HeadersAdded::new();
        for (slot, name) in names {
            if self.prepared.headers.contains(&slot) {
                // Three slots at most: the vector has room for each.
                let _ = added.push((name, canon.header(slot).1));
            }
        }
        added
    }

    /// The `Authorization` header value.
    ///
    /// ```
    /// # use callsign_core::huawei::apig::{Algorithm, Request, Signer, Variant};
    /// # use callsign_core::Emit;
    /// # let signer = Signer::new("AK", b"SK", Algorithm::SdkHmacSha256, Variant::Core)?;
    /// # let request = Request::new("GET", "example.com", "/", callsign_core::Timestamp::UNIX_EPOCH);
    /// let signed = signer.sign(&request)?;
    /// let auth = signed.authorization();
    /// let mut buf = [0u8; 256];
    /// let n = auth.write(&mut buf)?;
    /// assert!(buf[..n].starts_with(b"SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature="));
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn authorization(&self) -> Authorization<'_> {
        Authorization {
            algorithm: self.algorithm.name(),
            app_key: self.app_key,
            scope: scope_of(&self.algorithm, &self.prepared.date),
            canon: self.canon(),
            signature: self.signature(),
        }
    }

    /// The `SignedHeaders` list: lower-cased names joined with `;`.
    ///
    /// ```
    /// # use callsign_core::huawei::apig::{Algorithm, Request, Signer, Variant};
    /// # use callsign_core::Emit;
    /// # let signer = Signer::new("AK", b"SK", Algorithm::SdkHmacSha256, Variant::Core)?;
    /// let headers = [("X-Project-Id", "p"), ("X_Trace", "not signed by Core")];
    /// let request = Request::new("GET", "example.com", "/", callsign_core::Timestamp::UNIX_EPOCH)
    ///     .with_headers(&headers);
    /// let list = signer.sign(&request)?.signed_headers().to_heapless::<64>()?;
    /// assert_eq!(list.as_str(), "host;x-project-id;x-sdk-date");
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn signed_headers(&self) -> SignedHeaders<'_> {
        SignedHeaders(self.canon())
    }

    /// The request target to send: the wire path as given, then `?` and
    /// the canonical (sorted, encoded) query when there is one.
    ///
    /// ```
    /// # use callsign_core::huawei::apig::{Algorithm, Request, Signer, Variant};
    /// # use callsign_core::Emit;
    /// # let signer = Signer::new("AK", b"SK", Algorithm::SdkHmacSha256, Variant::Core)?;
    /// let query = [("q", "a b"), ("limit", "10")];
    /// let request = Request::new("GET", "example.com", "/v1/search", callsign_core::Timestamp::UNIX_EPOCH)
    ///     .with_query(&query);
    /// let target = signer.sign(&request)?.request_target().to_heapless::<64>()?;
    /// assert_eq!(target.as_str(), "/v1/search?limit=10&q=a%20b");
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn request_target(&self) -> RequestTarget<'_> {
        RequestTarget(self.canon())
    }

    /// The canonical request that was hashed, for display.
    ///
    /// ```
    /// # use callsign_core::huawei::apig::{Algorithm, Request, Signer, Variant};
    /// # use callsign_core::Emit;
    /// # let signer = Signer::new("AK", b"SK", Algorithm::SdkHmacSha256, Variant::Core)?;
    /// let request = Request::new("get", "example.com", "/a b", callsign_core::Timestamp::UNIX_EPOCH);
    /// let text = signer.sign(&request)?.canonical_request().to_heapless::<256>()?;
    /// assert!(text.starts_with("GET\n/a%20b/\n\nhost:example.com\n"));
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn canonical_request(&self) -> CanonicalRequest<'_> {
        CanonicalRequest(self.canon())
    }

    /// The string to sign (its last line is the hex hash of the canonical
    /// request), for display.
    ///
    /// ```
    /// # use callsign_core::huawei::apig::{Algorithm, Request, Signer, Variant};
    /// # use callsign_core::Emit;
    /// # let signer = Signer::new("AK", b"SK", Algorithm::SdkHmacSha256, Variant::Core)?;
    /// # let request = Request::new("GET", "example.com", "/", callsign_core::Timestamp::UNIX_EPOCH);
    /// let text = signer.sign(&request)?.string_to_sign().to_heapless::<128>()?;
    /// assert!(text.starts_with("SDK-HMAC-SHA256\n19700101T000000Z\n"));
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn string_to_sign(&self) -> StringToSign<'_> {
        StringToSign {
            algorithm: self.algorithm.name(),
            date: self.date(),
            scope: scope_of(&self.algorithm, &self.prepared.date),
            hash: &self.request_hash,
        }
    }

    /// Writes the canonical request and then the string to sign, back to
    /// back, at the start of `buf`, and returns their lengths; or returns
    /// [`Error::BufferTooSmall`] with the total needed and writes nothing.
    ///
    /// ```
    /// # use callsign_core::huawei::apig::{Algorithm, Request, Signer, Variant};
    /// # let signer = Signer::new("AK", b"SK", Algorithm::SdkHmacSha256, Variant::Core)?;
    /// # let request = Request::new("GET", "example.com", "/", callsign_core::Timestamp::UNIX_EPOCH);
    /// let signed = signer.sign(&request)?;
    /// let mut buf = [0u8; 512];
    /// let (canonical, string_to_sign) = signed.explain(&mut buf)?;
    /// let hash = callsign_core::sha256(&buf[..canonical]);
    /// let mut hash_hex = [0u8; 64];
    /// callsign_core::encode::hex(&hash, &mut callsign_core::Out::new(&mut hash_hex));
    /// assert!(buf[..canonical + string_to_sign].ends_with(&hash_hex));
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn explain(&self, buf: &mut [u8]) -> Result<(usize, usize), Error> {
        let canonical = self.canonical_request();
        let string_to_sign = self.string_to_sign();
        let (a, b) = (canonical.len(), string_to_sign.len());
        let needed = a.saturating_add(b);
        let dst = buf
            .get_mut(..needed)
            .ok_or(Error::BufferTooSmall { needed })?;
        let mut out = Out::new(dst);
        canonical.emit(&mut out);
        string_to_sign.emit(&mut out);
        out.finish()?;
        Ok((a, b))
    }
}

/// The `Authorization` header value, from [`SignedRequest::authorization`]:
/// `SDK-HMAC-SHA256 Access=AK, SignedHeaders=…, Signature=…` (V11:
/// `Credential=AK/YYYYMMDD/region/service`).
///
/// ```
/// # use callsign_core::huawei::apig::{Algorithm, Request, Signer, Variant};
/// # use callsign_core::Emit;
/// let v11 = Algorithm::V11HmacSha256 { region: "cn-north-4", service: "ecs" };
/// let signer = Signer::new("AK", b"SK", v11, Variant::Core)?;
/// let request = Request::new("GET", "example.com", "/", callsign_core::Timestamp::UNIX_EPOCH);
/// let auth = signer.sign(&request)?.authorization().to_heapless()?;
/// assert!(auth.starts_with("V11-HMAC-SHA256 Credential=AK/19700101/cn-north-4/ecs, SignedHeaders=host;x-sdk-date, "));
/// # Ok::<(), callsign_core::Error>(())
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Authorization<'s> {
    algorithm: &'static str,
    app_key: &'s str,
    scope: Option<Scope<'s>>,
    canon: Canon<'s>,
    signature: &'s str,
}

impl Authorization<'_> {
    /// The value as a `heapless::String` of [`AUTHORIZATION_MAX_LEN`]
    /// bytes, enough for any request of default capacity.
    ///
    /// ```
    /// # use callsign_core::huawei::apig::{Algorithm, Request, Signer, Variant};
    /// # let signer = Signer::new("AK", b"SK", Algorithm::SdkHmacSha256, Variant::Core)?;
    /// # let request = Request::new("GET", "example.com", "/", callsign_core::Timestamp::UNIX_EPOCH);
    /// let auth = signer.sign(&request)?.authorization().to_heapless()?;
    /// assert_eq!(auth.len(), "SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=".len() + 64);
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn to_heapless(&self) -> Result<heapless::String<AUTHORIZATION_MAX_LEN>, Error> {
        Emit::to_heapless(self)
    }
}

impl Emit for Authorization<'_> {
    fn len(&self) -> usize {
        counted(|c| self.emit(c))
    }

    fn emit<S: Sink + ?Sized>(&self, sink: &mut S) {
        sink.write(self.algorithm.as_bytes());
        match &self.scope {
            Some(scope) => {
                sink.write(b" Credential=");
                sink.write(self.app_key.as_bytes());
                sink.write(b"/");
                scope.emit(sink);
            }
            None => {
                sink.write(b" Access=");
                sink.write(self.app_key.as_bytes());
            }
        }
        sink.write(b", SignedHeaders=");
        self.canon.emit_signed_headers(sink);
        sink.write(b", Signature=");
        sink.write(self.signature.as_bytes());
    }
}

/// The `SignedHeaders` list, from [`SignedRequest::signed_headers`].
///
/// ```
/// # use callsign_core::huawei::apig::{Algorithm, Request, Signer, Variant};
/// # use callsign_core::Emit;
/// # let signer = Signer::new("AK", b"SK", Algorithm::SdkHmacSha256, Variant::Core)?;
/// # let request = Request::new("GET", "example.com", "/", callsign_core::Timestamp::UNIX_EPOCH);
/// assert_eq!(signer.sign(&request)?.signed_headers().len(), "host;x-sdk-date".len());
/// # Ok::<(), callsign_core::Error>(())
/// ```
#[derive(Clone, Copy, Debug)]
pub struct SignedHeaders<'s>(Canon<'s>);

impl Emit for SignedHeaders<'_> {
    fn len(&self) -> usize {
        counted(|c| self.emit(c))
    }

    fn emit<S: Sink + ?Sized>(&self, sink: &mut S) {
        self.0.emit_signed_headers(sink);
    }
}

/// The request target `path?query`, from [`SignedRequest::request_target`].
///
/// ```
/// # use callsign_core::huawei::apig::{Algorithm, Request, Signer, Variant};
/// # use callsign_core::Emit;
/// # let signer = Signer::new("AK", b"SK", Algorithm::SdkHmacSha256, Variant::Core)?;
/// let request = Request::new("GET", "example.com", "/v1//x%zz", callsign_core::Timestamp::UNIX_EPOCH);
/// let target = signer.sign(&request)?.request_target().to_heapless::<16>()?;
/// assert_eq!(target.as_str(), "/v1//x%zz"); // the path as given
/// # Ok::<(), callsign_core::Error>(())
/// ```
#[derive(Clone, Copy, Debug)]
pub struct RequestTarget<'s>(Canon<'s>);

impl Emit for RequestTarget<'_> {
    fn len(&self) -> usize {
        counted(|c| self.emit(c))
    }

    fn emit<S: Sink + ?Sized>(&self, sink: &mut S) {
        self.0.emit_request_target(sink);
    }
}

/// The canonical request, from [`SignedRequest::canonical_request`]: the
/// same bytes that were hashed, written by the same code.
///
/// ```
/// # use callsign_core::huawei::apig::{Algorithm, Request, Signer, Variant};
/// # use callsign_core::Emit;
/// # let signer = Signer::new("AK", b"SK", Algorithm::SdkHmacSha256, Variant::Core)?;
/// # let request = Request::new("GET", "example.com", "/", callsign_core::Timestamp::UNIX_EPOCH);
/// let signed = signer.sign(&request)?;
/// let mut buf = [0u8; 256];
/// let n = signed.canonical_request().write(&mut buf)?;
/// assert!(buf[..n].ends_with(b"\nhost;x-sdk-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
/// # Ok::<(), callsign_core::Error>(())
/// ```
#[derive(Clone, Copy, Debug)]
pub struct CanonicalRequest<'s>(Canon<'s>);

impl Emit for CanonicalRequest<'_> {
    fn len(&self) -> usize {
        counted(|c| self.emit(c))
    }

    fn emit<S: Sink + ?Sized>(&self, sink: &mut S) {
        self.0.emit_canonical_request(sink);
    }
}

/// The string to sign, from [`SignedRequest::string_to_sign`]:
/// `ALGORITHM\nX-Sdk-Date\n[scope\n]hex(hash(canonical request))`.
///
/// ```
/// # use callsign_core::huawei::apig::{Algorithm, Request, Signer, Variant};
/// # use callsign_core::Emit;
/// # let signer = Signer::new("AK", b"SK", Algorithm::SdkHmacSha256, Variant::Core)?;
/// # let request = Request::new("GET", "example.com", "/", callsign_core::Timestamp::UNIX_EPOCH);
/// assert_eq!(signer.sign(&request)?.string_to_sign().len(), 15 + 1 + 16 + 1 + 64);
/// # Ok::<(), callsign_core::Error>(())
/// ```
#[derive(Clone, Copy, Debug)]
pub struct StringToSign<'s> {
    algorithm: &'static str,
    date: &'s str,
    scope: Option<Scope<'s>>,
    hash: &'s str,
}

impl Emit for StringToSign<'_> {
    fn len(&self) -> usize {
        counted(|c| self.emit(c))
    }

    fn emit<S: Sink + ?Sized>(&self, sink: &mut S) {
        sink.write(self.algorithm.as_bytes());
        sink.write(b"\n");
        sink.write(self.date.as_bytes());
        sink.write(b"\n");
        if let Some(scope) = &self.scope {
            scope.emit(sink);
            sink.write(b"\n");
        }
        sink.write(self.hash.as_bytes());
    }
}
