//! The Sinch OAuth2 token cache in caller storage, and the clock: the
//! HTTP `Date` header and the offset that corrects a device clock.

use core::ffi::c_char;

use callsign_core::http_date::{parse_http_date, ClockOffset};
use callsign_core::sinch::oauth2::{Action, TokenCache, TokenResponse, REFRESH_MARGIN_SECS};

use crate::api_parse::callsign_sinch_oauth2_token;
use crate::io::{check_out, disjoint, text, text_out, try_status, write_out, Range};
use crate::state::{check_storage, get, get_mut, put, wipe, Stored};
use crate::status::*;

/// Longest access token a `callsign_token_cache` holds, in bytes; a longer
/// one is CALLSIGN_INVALID_FIELD (`access_token`) from
/// `callsign_token_cache_store`.
pub const CALLSIGN_TOKEN_CACHE_TOKEN_MAX: usize = 2048;

/// Buffer size (NUL included) for any `Authorization` value of
/// `callsign_token_cache_authorization`: "Bearer " and the token.
pub const CALLSIGN_BEARER_MAX_LEN: usize = CALLSIGN_TOKEN_CACHE_TOKEN_MAX + 8;

/// Seconds before a token's expiry at which `callsign_token_cache_action`
/// says refresh (half the lifetime for tokens of less than 2 minutes).
pub const CALLSIGN_TOKEN_REFRESH_MARGIN_SECS: u64 = 60;
const _: () = assert!(CALLSIGN_TOKEN_REFRESH_MARGIN_SECS == REFRESH_MARGIN_SECS);

/// `callsign_token_cache_action`: the cached token is good, send it.
pub const CALLSIGN_TOKEN_USE: u32 = 0;
/// `callsign_token_cache_action`: no token, or it expires within the
/// margin: fetch a new one (and `_store` it) first.
pub const CALLSIGN_TOKEN_REFRESH: u32 = 1;

/// Size in bytes of `callsign_token_cache`.
pub const CALLSIGN_TOKEN_CACHE_SIZE: usize = 2088;

/// Caller-owned storage for one Sinch OAuth2 access token, its expiry and
/// its refresh time (`callsign_token_cache_init` / `_store` / `_action` /
/// `_authorization` / `_invalidate` / `_wipe`). Private contents (the
/// token is a secret: `_wipe` zeroes it). Not thread-safe: calls that
/// store or invalidate must be serialised with the others.
///
/// ```c
/// static callsign_token_cache tokens; // zeroed
/// callsign_token_cache_init(&tokens);
/// uint32_t action;
/// callsign_token_cache_action(&tokens, now, &action);
/// if (action == CALLSIGN_TOKEN_REFRESH) {
///     ... POST the token request at `sent`, parse the answer into tok ...
///     callsign_token_cache_store(&tokens, &tok);
/// }
/// char auth[CALLSIGN_BEARER_MAX_LEN];
/// callsign_token_cache_authorization(&tokens, auth, sizeof auth, &n);
/// ... on a 401 answer: callsign_token_cache_invalidate(&tokens) ...
/// ```
#[repr(C)]
pub struct callsign_token_cache {
    /// Private.
    pub opaque: [u64; 261],
}

type Cache = TokenCache<CALLSIGN_TOKEN_CACHE_TOKEN_MAX>;

impl Stored for Cache {
    type Storage = callsign_token_cache;
    const TAG: u64 = u64::from_le_bytes(*b"csTokCa1");
}

const _: () = {
    assert!(core::mem::size_of::<callsign_token_cache>() == CALLSIGN_TOKEN_CACHE_SIZE);
    // The tag word, then the cache.
    assert!(8 + core::mem::size_of::<Cache>() <= CALLSIGN_TOKEN_CACHE_SIZE);
    assert!(core::mem::align_of::<Cache>() <= 8);
};

/// Makes `cache` an empty token cache (its action is refresh). Any
/// previous content is overwritten without being read.
///
/// Returns CALLSIGN_OK, CALLSIGN_NULL_ARGUMENT or CALLSIGN_INVALID_ARGUMENT
/// (not aligned to 8).
///
/// # Safety
/// `cache` must be NULL or point to a writable `callsign_token_cache`.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn callsign_token_cache_init(cache: *mut callsign_token_cache) -> u32 {
    // SAFETY: forwarded contract.
    unsafe { put(cache, Cache::new()) }
}

/// Stores a parsed token (`callsign_sinch_oauth2_token_parse`): copies
/// `access_token` and takes `expires_at` and `refresh_at` from `token`
/// (which `_parse` computed from its `received_at`). The previous token is
/// wiped first.
///
/// Returns CALLSIGN_OK, CALLSIGN_NULL_ARGUMENT, CALLSIGN_INVALID_ARGUMENT
/// (misaligned), CALLSIGN_NOT_INITIALIZED, CALLSIGN_INVALID_UTF8,
/// CALLSIGN_OVERLAPPING_BUFFERS or CALLSIGN_INVALID_FIELD (an empty token,
/// or one longer than CALLSIGN_TOKEN_CACHE_TOKEN_MAX: the cache is then
/// empty).
///
/// # Safety
/// `cache` as for `_init`, initialised; `token` NULL or readable, its
/// `access_token` valid for its length.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn callsign_token_cache_store(
    cache: *mut callsign_token_cache,
    token: *const callsign_sinch_oauth2_token,
) -> u32 {
    try_status!(check_storage(cache));
    if token.is_null() {
        return CALLSIGN_NULL_ARGUMENT;
    }
    try_status!(disjoint(&[Range::of(token)], &[Range::of(cache)]));
    // SAFETY: non-NULL, readable by contract; a copy.
    let t = unsafe { token.read() };
    try_status!(disjoint(&[t.access_token.range()], &[Range::of(cache)]));
    // SAFETY: forwarded contract.
    let access_token = try_status!(unsafe { text(t.access_token.ptr, t.access_token.len) });
    if access_token.is_empty() {
        // SAFETY: forwarded contract.
        if let Ok(c) = unsafe { get_mut::<Cache>(cache) } {
            c.invalidate();
        }
        return CALLSIGN_INVALID_FIELD;
    }
    // The response as `store` wants it: `expires_in` and the time it was
    // received give back the token's own expiry and refresh times.
    let received_at = t.expires_at.saturating_sub(t.expires_in);
    let response = TokenResponse {
        access_token,
        token_type: "bearer",
        expires_in: t.expires_in,
        scope: None,
    };
    // SAFETY: forwarded contract; disjoint from the token (checked).
    let c = try_status!(unsafe { get_mut::<Cache>(cache) });
    match c.store(&response, received_at) {
        Ok(()) => CALLSIGN_OK,
        Err(e) => from_error(e),
    }
}

/// Writes to `*action` what to do at `now` (Unix seconds):
/// CALLSIGN_TOKEN_USE, or CALLSIGN_TOKEN_REFRESH when the cache is empty or
/// the token reaches its refresh time. Optionally (non-NULL) writes the
/// token's expiry to `*expires_at` (0 when empty).
///
/// Returns CALLSIGN_OK, CALLSIGN_NULL_ARGUMENT (`cache` or `action`),
/// CALLSIGN_INVALID_ARGUMENT (misaligned), CALLSIGN_NOT_INITIALIZED or
/// CALLSIGN_OVERLAPPING_BUFFERS.
///
/// # Safety
/// `cache` initialised and not written during the call; `action` and
/// `expires_at` writable.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn callsign_token_cache_action(
    cache: *const callsign_token_cache,
    now: u64,
    action: *mut u32,
    expires_at: *mut u64,
) -> u32 {
    if action.is_null() {
        return CALLSIGN_NULL_ARGUMENT;
    }
    try_status!(disjoint(
        &[Range::of(cache)],
        &[Range::of(action), Range::of(expires_at)]
    ));
    // SAFETY: forwarded contract.
    let c = try_status!(unsafe { get::<Cache>(cache) });
    let value = match c.action(now) {
        Action::Use => CALLSIGN_TOKEN_USE,
        Action::Refresh => CALLSIGN_TOKEN_REFRESH,
    };
    // SAFETY: non-NULL, writable by contract, disjoint (checked).
    unsafe { action.write(value) };
    if !expires_at.is_null() {
        // SAFETY: as above.
        unsafe { expires_at.write(c.expires_at()) };
    }
    CALLSIGN_OK
}

/// Writes the `Authorization` value `Bearer <token>` of the cached token.
/// Check `callsign_token_cache_action` first: this does not look at the
/// clock.
///
/// Returns CALLSIGN_OK, CALLSIGN_BUFFER_TOO_SMALL, CALLSIGN_NULL_ARGUMENT,
/// CALLSIGN_INVALID_ARGUMENT (misaligned), CALLSIGN_NOT_INITIALIZED,
/// CALLSIGN_OVERLAPPING_BUFFERS or CALLSIGN_INVALID_FIELD (no token).
/// Output rule: see the header preamble; CALLSIGN_BEARER_MAX_LEN sizes the
/// buffer.
///
/// # Safety
/// `cache` initialised and not written during the call; outputs as the
/// header preamble says.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn callsign_token_cache_authorization(
    cache: *const callsign_token_cache,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> u32 {
    try_status!(check_out(out, out_cap, out_len));
    try_status!(disjoint(
        &[Range::of(cache)],
        &text_out(out, out_cap, out_len)
    ));
    // SAFETY: forwarded contract.
    let c = try_status!(unsafe { get::<Cache>(cache) });
    let bearer = try_status!(c.bearer().map_err(from_error));
    // SAFETY: forwarded contract.
    unsafe { write_out(&bearer, out, out_cap, out_len) }
}

/// Forgets (and wipes) the cached token: call it when an API answers 401
/// with the token; the next action is refresh.
///
/// Returns CALLSIGN_OK, CALLSIGN_NULL_ARGUMENT, CALLSIGN_INVALID_ARGUMENT
/// (misaligned) or CALLSIGN_NOT_INITIALIZED.
///
/// # Safety
/// `cache` as for `_init`.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn callsign_token_cache_invalidate(cache: *mut callsign_token_cache) -> u32 {
    // SAFETY: forwarded contract.
    let c = try_status!(unsafe { get_mut::<Cache>(cache) });
    c.invalidate();
    CALLSIGN_OK
}

/// Wipes the token and zeroes the storage. NULL and misaligned storage are
/// left as they are.
///
/// # Safety
/// `cache` NULL or a writable `callsign_token_cache`.
#[no_mangle]
pub unsafe extern "C" fn callsign_token_cache_wipe(cache: *mut callsign_token_cache) {
    // SAFETY: forwarded contract.
    unsafe { wipe::<Cache>(cache) }
}

/// Parses an HTTP `Date` header value (IMF-fixdate such as `Sun, 06 Nov
/// 1994 08:49:37 GMT`, and the obsolete RFC 850 and asctime forms) into
/// `*unix_time` (Unix seconds).
///
/// Returns CALLSIGN_OK, CALLSIGN_NULL_ARGUMENT, CALLSIGN_INVALID_UTF8,
/// CALLSIGN_OVERLAPPING_BUFFERS, CALLSIGN_MALFORMED (not a date; a wrong
/// weekday) or CALLSIGN_TIMESTAMP_OUT_OF_RANGE.
///
/// # Safety
/// As the header preamble says.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn callsign_http_date_parse(
    date: *const u8,
    date_len: usize,
    unix_time: *mut u64,
) -> u32 {
    if unix_time.is_null() {
        return CALLSIGN_NULL_ARGUMENT;
    }
    try_status!(disjoint(
        &[Range::bytes(date, date_len)],
        &[Range::of(unix_time)]
    ));
    // SAFETY: forwarded contract.
    let date = try_status!(unsafe { text(date, date_len) });
    let t = try_status!(parse_http_date(date).map_err(from_error));
    // SAFETY: non-NULL, writable by contract, disjoint (checked).
    unsafe { unix_time.write(t.unix()) };
    CALLSIGN_OK
}

/// The correction of a device clock from a server's `Date` header: writes
/// to `*offset_secs` the server time minus `device_now` (both Unix
/// seconds, the device's read when the response arrived). Add it to later
/// device times with `callsign_clock_corrected` (e.g. after a
/// CALLSIGN_CATEGORY_FIX_CLOCK answer, then sign again).
///
/// Returns the statuses of `callsign_http_date_parse`.
///
/// # Safety
/// As the header preamble says.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn callsign_clock_offset(
    date: *const u8,
    date_len: usize,
    device_now: u64,
    offset_secs: *mut i64,
) -> u32 {
    if offset_secs.is_null() {
        return CALLSIGN_NULL_ARGUMENT;
    }
    try_status!(disjoint(
        &[Range::bytes(date, date_len)],
        &[Range::of(offset_secs)]
    ));
    // SAFETY: forwarded contract.
    let date = try_status!(unsafe { text(date, date_len) });
    let offset = try_status!(ClockOffset::from_date_header(date, device_now).map_err(from_error));
    // SAFETY: non-NULL, writable by contract, disjoint (checked).
    unsafe { offset_secs.write(offset.secs()) };
    CALLSIGN_OK
}

/// Writes to `*unix_time` the corrected time `device_now + offset_secs` (for
/// `Created` and other signed times).
///
/// Returns CALLSIGN_OK, CALLSIGN_NULL_ARGUMENT or
/// CALLSIGN_TIMESTAMP_OUT_OF_RANGE (before 1970 or after 9999).
///
/// # Safety
/// `unix_time` NULL or writable.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn callsign_clock_corrected(
    device_now: u64,
    offset_secs: i64,
    unix_time: *mut u64,
) -> u32 {
    if unix_time.is_null() {
        return CALLSIGN_NULL_ARGUMENT;
    }
    let t = i128::from(device_now).saturating_add(i128::from(offset_secs));
    let t = try_status!(u64::try_from(t).map_err(|_| CALLSIGN_TIMESTAMP_OUT_OF_RANGE));
    let t = try_status!(callsign_core::Timestamp::from_unix(t).map_err(from_error));
    // SAFETY: non-NULL, writable by contract.
    unsafe { unix_time.write(t.unix()) };
    CALLSIGN_OK
}
