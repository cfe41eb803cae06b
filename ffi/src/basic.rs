//! HTTP Basic `Authorization` values (Sinch, Mailgun).

use core::ffi::c_char;

use callsign_core::basic::{self, Basic};

use crate::io::{bytes, check_out, disjoint, text, text_out, try_status, write_out, Range};
use crate::status::*;

/// Buffer size (NUL included) for any Basic `Authorization` value.
pub const CALLSIGN_BASIC_MAX_LEN: usize = 691;

const _: () = assert!(CALLSIGN_BASIC_MAX_LEN == basic::BASIC_MAX_LEN + 1);

/// Writes `Basic base64(user ":" secret)` for any user (Sinch key id and key
/// secret, Sinch application key and secret). The user (UTF-8, at most 256
/// bytes) may not contain `:` or control characters; the secret is at most
/// 256 bytes.
///
/// Returns CALLSIGN_OK, CALLSIGN_BUFFER_TOO_SMALL, CALLSIGN_NULL_ARGUMENT,
/// CALLSIGN_INVALID_UTF8, CALLSIGN_INVALID_USER or CALLSIGN_INVALID_SECRET.
/// Output rule: see the header preamble; CALLSIGN_BASIC_MAX_LEN sizes the
/// buffer.
///
/// # Safety
/// As the header preamble says.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn callsign_basic_authorization(
    user: *const u8,
    user_len: usize,
    secret: *const u8,
    secret_len: usize,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> u32 {
    try_status!(check_out(out, out_cap, out_len));
    try_status!(disjoint(
        &[
            Range::bytes(user, user_len),
            Range::bytes(secret, secret_len)
        ],
        &text_out(out, out_cap, out_len),
    ));
    // SAFETY: forwarded contract.
    let user = try_status!(unsafe { text(user, user_len) });
    // SAFETY: forwarded contract.
    let secret = try_status!(unsafe { bytes(secret, secret_len) });
    let value = try_status!(Basic::new(user, secret).map_err(from_error));
    // SAFETY: forwarded contract.
    unsafe { write_out(&value, out, out_cap, out_len) }
}

/// Writes the Mailgun `Authorization` value, `Basic base64("api:" api_key)`.
///
/// Returns as `callsign_basic_authorization`.
///
/// # Safety
/// As the header preamble says.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn callsign_mailgun_basic_authorization(
    api_key: *const u8,
    api_key_len: usize,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> u32 {
    try_status!(check_out(out, out_cap, out_len));
    try_status!(disjoint(
        &[Range::bytes(api_key, api_key_len)],
        &text_out(out, out_cap, out_len),
    ));
    // SAFETY: forwarded contract.
    let api_key = try_status!(unsafe { bytes(api_key, api_key_len) });
    let value = try_status!(Basic::new(basic::MAILGUN_USER, api_key).map_err(from_error));
    // SAFETY: forwarded contract.
    unsafe { write_out(&value, out, out_cap, out_len) }
}
