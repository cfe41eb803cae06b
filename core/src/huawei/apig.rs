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

mod canon;
mod crypto;
mod prepare;
mod request;
mod signed;
mod signer;
mod sort;
mod text;

pub use request::{trim_value, Algorithm, Body, BodyHasher, Request, Variant};
pub use signed::{
    Authorization, CanonicalRequest, HeadersAdded, RequestTarget, Signed, SignedHeaders,
    SignedRequest, StringToSign,
};
pub use signer::Signer;

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
