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
/// The nonce is not 1 to 128 ASCII letters and digits.
pub const CALLSIGN_INVALID_NONCE: u32 = 5;
/// The Basic user holds `:` or a control character, or is longer than 256 bytes.
pub const CALLSIGN_INVALID_USER: u32 = 6;
/// The secret is longer than the scheme allows (256 bytes for Basic).
pub const CALLSIGN_INVALID_SECRET: u32 = 7;
/// A timestamp is malformed.
pub const CALLSIGN_INVALID_TIMESTAMP: u32 = 8;
/// A time lies outside 1970-01-01T00:00:00Z..=9999-12-31T23:59:59Z.
pub const CALLSIGN_TIMESTAMP_OUT_OF_RANGE: u32 = 9;
/// An opaque state (`callsign_hmac_key`, a context) was not initialised, or was wiped.
pub const CALLSIGN_NOT_INITIALIZED: u32 = 10;
/// The `fill_random` callback reported a failure.
pub const CALLSIGN_RANDOM_FAILED: u32 = 11;
/// An argument has a value outside its documented set (e.g. a digest variant).
pub const CALLSIGN_INVALID_ARGUMENT: u32 = 12;

/// The status for a core error.
pub(crate) fn from_error(e: Error) -> u32 {
    match e {
        Error::BufferTooSmall { .. } => CALLSIGN_BUFFER_TOO_SMALL,
        Error::InvalidLength { field, .. } | Error::InvalidCharacter { field, .. } => match field {
            Field::AppKey => CALLSIGN_INVALID_APP_KEY,
            Field::Nonce => CALLSIGN_INVALID_NONCE,
            Field::User => CALLSIGN_INVALID_USER,
            Field::Secret => CALLSIGN_INVALID_SECRET,
            Field::Timestamp => CALLSIGN_INVALID_TIMESTAMP,
            _ => CALLSIGN_INVALID_ARGUMENT,
        },
        Error::InvalidTimestamp => CALLSIGN_INVALID_TIMESTAMP,
        Error::TimestampOutOfRange => CALLSIGN_TIMESTAMP_OUT_OF_RANGE,
        _ => CALLSIGN_INVALID_ARGUMENT,
    }
}

/// Static NUL-terminated text per status.
const TEXTS: [&core::ffi::CStr; 13] = [
    c"ok",
    c"null argument",
    c"output buffer too small",
    c"text input is not valid UTF-8",
    c"invalid app key",
    c"invalid nonce: 1 to 128 ASCII letters and digits",
    c"invalid Basic user",
    c"invalid secret",
    c"invalid timestamp",
    c"timestamp outside 1970..=9999",
    c"state not initialized",
    c"random source failed",
    c"invalid argument",
];

/// A static, NUL-terminated description of `status`; never NULL. Unknown
/// values give "unknown status".
///
/// ```c
/// puts(callsign_status_str(CALLSIGN_BUFFER_TOO_SMALL)); // output buffer too small
/// ```
#[no_mangle]
pub extern "C" fn callsign_status_str(status: u32) -> *const core::ffi::c_char {
    usize::try_from(status)
        .ok()
        .and_then(|i| TEXTS.get(i))
        .copied()
        .unwrap_or(c"unknown status")
        .as_ptr()
}
