//! Timestamps from Unix seconds.

use core::ffi::c_char;

use callsign_core::{time, Timestamp};

use crate::io::{disjoint, text_out, try_status, write_out};
use crate::status::*;

/// Buffer size (NUL included) for `YYYY-MM-DDTHH:MM:SSZ`.
pub const CALLSIGN_TIMESTAMP_EXTENDED_MAX_LEN: usize = 21;
/// Buffer size (NUL included) for `YYYYMMDDTHHMMSSZ`.
pub const CALLSIGN_TIMESTAMP_BASIC_MAX_LEN: usize = 17;

const _: () = assert!(CALLSIGN_TIMESTAMP_EXTENDED_MAX_LEN == time::EXTENDED_LEN + 1);
const _: () = assert!(CALLSIGN_TIMESTAMP_BASIC_MAX_LEN == time::BASIC_LEN + 1);

/// Writes `unix_seconds` as `YYYY-MM-DDTHH:MM:SSZ` (UTC), the X-AKSK and
/// X-WSSE `Created` form.
///
/// Returns CALLSIGN_OK, CALLSIGN_BUFFER_TOO_SMALL, CALLSIGN_NULL_ARGUMENT or
/// CALLSIGN_TIMESTAMP_OUT_OF_RANGE (after 9999-12-31T23:59:59Z).
///
/// # Safety
/// Outputs as the header preamble says.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn callsign_timestamp_extended(
    unix_seconds: u64,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> u32 {
    try_status!(crate::io::check_out(out, out_cap, out_len));
    try_status!(disjoint(&[], &text_out(out, out_cap, out_len)));
    let t = try_status!(Timestamp::from_unix(unix_seconds).map_err(from_error));
    // SAFETY: forwarded contract.
    unsafe { write_out(&t.extended(), out, out_cap, out_len) }
}

/// Writes `unix_seconds` as `YYYYMMDDTHHMMSSZ` (UTC), the `X-Sdk-Date` form.
///
/// Returns as `callsign_timestamp_extended`.
///
/// # Safety
/// Outputs as the header preamble says.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn callsign_timestamp_basic(
    unix_seconds: u64,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> u32 {
    try_status!(crate::io::check_out(out, out_cap, out_len));
    try_status!(disjoint(&[], &text_out(out, out_cap, out_len)));
    let t = try_status!(Timestamp::from_unix(unix_seconds).map_err(from_error));
    // SAFETY: forwarded contract.
    unsafe { write_out(&t.basic(), out, out_cap, out_len) }
}
