//! Status codes: one `uint32_t` per error kind, with stable numbers.

use callsign_core::{Error, Field};

/// Success.
pub const CALLSIGN_OK: u32 = 0;
/// A required pointer was NULL (or an input pointer was NULL with a non-zero length).
pub const CALLSIGN_NULL_ARGUMENT: u32 = 1;
/// The output buffer is too small; `*out_len` holds the size needed, NUL included.
pub const CALLSIGN_BUFFER_TOO_SMALL: u32 = 2;
/// A text input is not valid UTF-8.
pub const CALLSIGN_INVALID_UTF8: u32 = 3;
/// The app key is empty, longer than 128 bytes, or holds `"`, `,`, a control or non-ASCII character.
pub const CALLSIGN_INVALID_APP_KEY: u32 = 4;
/// The nonce (or Mailgun token) is not allowed: Huawei nonces are 1 to 128
/// ASCII letters and digits; Sinch webhook nonces and Mailgun tokens are 1
/// to 256 visible ASCII characters.
pub const CALLSIGN_INVALID_NONCE: u32 = 5;
/// The Basic user holds `:` or a control character, or is longer than 256 bytes.
pub const CALLSIGN_INVALID_USER: u32 = 6;
/// The secret is longer than the scheme allows (256 bytes for Basic).
pub const CALLSIGN_INVALID_SECRET: u32 = 7;
/// A timestamp is malformed.
pub const CALLSIGN_INVALID_TIMESTAMP: u32 = 8;
/// A time lies outside 1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z.
pub const CALLSIGN_TIMESTAMP_OUT_OF_RANGE: u32 = 9;
/// An opaque state (`callsign_hmac_key`, a context) was not initialised, or was wiped.
pub const CALLSIGN_NOT_INITIALIZED: u32 = 10;
/// The `fill_random` callback reported a failure.
pub const CALLSIGN_RANDOM_FAILED: u32 = 11;
/// An argument has a value outside its documented set (e.g. a digest variant).
pub const CALLSIGN_INVALID_ARGUMENT: u32 = 12;
/// More headers or query pairs than the signer can sort (32 headers including
/// the ones it adds, 64 query pairs), or more items than a caller array or
/// a documented CALLSIGN_*_MAX holds (API builders and parsers).
pub const CALLSIGN_TOO_MANY_ITEMS: u32 = 13;
/// A header name or value is not allowed (a name must be an HTTP token of 1
/// to 64 bytes; a value may not hold CR, LF or NUL; a Sinch `Content-Type`
/// is at most 256 bytes of printable ASCII).
pub const CALLSIGN_INVALID_HEADER: u32 = 14;
/// Two header names differ only in letter case.
pub const CALLSIGN_DUPLICATE_HEADER: u32 = 15;
/// The method, host, path, a query pair, the region or the service is not allowed.
pub const CALLSIGN_INVALID_REQUEST: u32 = 16;
/// A precomputed body digest was made with another hash than the algorithm's.
pub const CALLSIGN_BODY_DIGEST_MISMATCH: u32 = 17;
/// A received header or signature is malformed (verification).
pub const CALLSIGN_MALFORMED: u32 = 18;
/// A header that verification needs is missing.
pub const CALLSIGN_MISSING_HEADER: u32 = 19;
/// The algorithm named by a received request is not supported.
pub const CALLSIGN_UNSUPPORTED_ALGORITHM: u32 = 20;
/// The key named by a received request is not the expected one.
pub const CALLSIGN_KEY_MISMATCH: u32 = 21;
/// The signature does not match (verification).
pub const CALLSIGN_SIGNATURE_MISMATCH: u32 = 22;
/// The signed timestamp is older than the window allows.
pub const CALLSIGN_TIMESTAMP_TOO_OLD: u32 = 23;
/// The signed timestamp is further in the future than the window allows.
pub const CALLSIGN_TIMESTAMP_IN_FUTURE: u32 = 24;
/// The nonce or token was already seen inside the window (a replay).
pub const CALLSIGN_REPLAY: u32 = 25;
/// The replay cache is full of live entries: verification fails closed.
pub const CALLSIGN_REPLAY_CACHE_FULL: u32 = 26;
/// An input overlaps an output (or two outputs overlap): nothing was written.
pub const CALLSIGN_OVERLAPPING_BUFFERS: u32 = 27;
/// A field of an API request, response or notification is invalid or
/// missing (the builders' and parsers' `callsign_field_error` names it).
pub const CALLSIGN_INVALID_FIELD: u32 = 28;

/// The status for a core error.
pub(crate) fn from_error(e: Error) -> u32 {
    match e {
        Error::BufferTooSmall { .. } => CALLSIGN_BUFFER_TOO_SMALL,
        Error::TooManyItems { .. } => CALLSIGN_TOO_MANY_ITEMS,
        Error::InvalidLength { field, .. } | Error::InvalidCharacter { field, .. } => {
            from_field(field)
        }
        Error::InvalidUtf8 { .. } => CALLSIGN_INVALID_UTF8,
        Error::InvalidBase64 {
            field: Field::Secret,
            ..
        } => CALLSIGN_INVALID_SECRET,
        Error::InvalidBase64 { .. } | Error::Malformed { .. } => CALLSIGN_MALFORMED,
        Error::InvalidTimestamp => CALLSIGN_INVALID_TIMESTAMP,
        Error::TimestampOutOfRange => CALLSIGN_TIMESTAMP_OUT_OF_RANGE,
        Error::InvalidHeaderName { .. } | Error::InvalidHeaderValue { .. } => {
            CALLSIGN_INVALID_HEADER
        }
        Error::DuplicateHeader { .. } => CALLSIGN_DUPLICATE_HEADER,
        Error::BodyDigestMismatch => CALLSIGN_BODY_DIGEST_MISMATCH,
        Error::MissingHeader { .. } => CALLSIGN_MISSING_HEADER,
        Error::UnsupportedAlgorithm => CALLSIGN_UNSUPPORTED_ALGORITHM,
        Error::KeyMismatch => CALLSIGN_KEY_MISMATCH,
        Error::SignatureMismatch => CALLSIGN_SIGNATURE_MISMATCH,
        Error::TimestampTooOld => CALLSIGN_TIMESTAMP_TOO_OLD,
        Error::TimestampInFuture => CALLSIGN_TIMESTAMP_IN_FUTURE,
        Error::Replay => CALLSIGN_REPLAY,
        Error::ReplayCacheFull => CALLSIGN_REPLAY_CACHE_FULL,
        Error::InvalidField { .. } | Error::InvalidListItem { .. } => CALLSIGN_INVALID_FIELD,
        _ => CALLSIGN_INVALID_ARGUMENT,
    }
}

/// The status for an input that failed validation.
fn from_field(field: Field) -> u32 {
    match field {
        Field::AppKey => CALLSIGN_INVALID_APP_KEY,
        Field::User => CALLSIGN_INVALID_USER,
        Field::Secret => CALLSIGN_INVALID_SECRET,
        Field::Timestamp => CALLSIGN_INVALID_TIMESTAMP,
        Field::Nonce | Field::Token => CALLSIGN_INVALID_NONCE,
        Field::Header | Field::ContentType => CALLSIGN_INVALID_HEADER,
        Field::Method
        | Field::Host
        | Field::Path
        | Field::Query
        | Field::Region
        | Field::Service => CALLSIGN_INVALID_REQUEST,
        _ => CALLSIGN_MALFORMED,
    }
}

/// Static NUL-terminated text per status.
const TEXTS: [&core::ffi::CStr; 29] = [
    c"ok",
    c"null argument",
    c"output buffer too small",
    c"text input is not valid UTF-8",
    c"invalid app key",
    c"invalid nonce or token",
    c"invalid Basic user",
    c"invalid secret",
    c"invalid timestamp",
    c"timestamp outside 1970..=9999",
    c"state not initialized",
    c"random source failed",
    c"invalid argument",
    c"too many headers, query pairs or items",
    c"invalid header name or value",
    c"header names differ only in case",
    c"invalid method, host, path, query, region or service",
    c"body digest made with another hash",
    c"malformed header or signature",
    c"missing header",
    c"unsupported algorithm",
    c"key mismatch",
    c"signature mismatch",
    c"timestamp too old",
    c"timestamp in the future",
    c"replay: nonce or token already seen",
    c"replay cache full",
    c"an input overlaps an output buffer",
    c"invalid or missing API field",
];

/// A static, NUL-terminated description of `status`; never NULL. Unknown
/// values give "unknown status".
///
/// For example `callsign_status_str(CALLSIGN_BUFFER_TOO_SMALL)` is
/// "output buffer too small".
#[no_mangle]
pub extern "C" fn callsign_status_str(status: u32) -> *const core::ffi::c_char {
    usize::try_from(status)
        .ok()
        .and_then(|i| TEXTS.get(i))
        .copied()
        .unwrap_or(c"unknown status")
        .as_ptr()
}
