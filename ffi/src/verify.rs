//! What the verifiers share: the replay cache in caller-owned storage, the
//! clock window, received headers as name/value pairs; and the gateway side
//! of Huawei X-AKSK and X-WSSE.
//!
//! The order of the checks and the meaning of `now`, `max_skew` and
//! `replay` are documented on [`CALLSIGN_VERIFY_SIGNATURE_ONLY`], where the
//! C header shows them.

use callsign_core::huawei::verify::{verify_x_aksk, verify_x_wsse, ParsedToken};
use callsign_core::verify::{Checks, Freshness, DEFAULT_MAX_SKEW_SECS};
use callsign_core::HmacKey;

use crate::apig::callsign_pair;
use crate::huawei::digest_encoding;
use crate::io::{bytes, disjoint, text, try_status, Range};
use crate::state::{
    callsign_hmac_key, callsign_replay_cache, get, get_mut, put, wipe, ReplayCacheC,
};
use crate::status::*;

/// `max_skew` value: check the signature only. `now` is ignored and
/// `replay` must be NULL (a replay cache needs a window to expire entries).
///
/// Every `_verify` function with a clock takes `now` (Unix seconds from the
/// caller's clock), `max_skew` (seconds) and `replay` (a
/// `callsign_replay_cache`, or NULL). It checks, in order, stopping at the
/// first failure: the arguments; the format of the received values; the
/// signature, compared in constant time; then, unless `max_skew` is
/// CALLSIGN_VERIFY_SIGNATURE_ONLY, that the signed timestamp t lies within
/// `now - max_skew <= t <= now + max_skew` (CALLSIGN_TIMESTAMP_TOO_OLD,
/// CALLSIGN_TIMESTAMP_IN_FUTURE); then, when `replay` is not NULL, that the
/// request was not accepted before (CALLSIGN_REPLAY; CALLSIGN_REPLAY_CACHE_FULL
/// when the cache has no free entry). Only an authentic, fresh request
/// enters the cache, so a forger cannot fill it.
pub const CALLSIGN_VERIFY_SIGNATURE_ONLY: u64 = 0;

/// A `max_skew` for schemes whose vendor documents none (Sinch callbacks
/// and webhooks, Huawei X-AKSK / X-WSSE): 300 seconds either way.
pub const CALLSIGN_DEFAULT_MAX_SKEW_SECS: u64 = 300;

const _: () = assert!(CALLSIGN_DEFAULT_MAX_SKEW_SECS == DEFAULT_MAX_SKEW_SECS);
const _: () = assert!(CALLSIGN_VERIFY_SIGNATURE_ONLY == 0);

/// The checks after the signature, from the C arguments.
///
/// # Safety
/// `replay` must be NULL or point to a `callsign_replay_cache` that is not
/// accessed otherwise during `'c`.
pub(crate) unsafe fn checks<'c>(
    now: u64,
    max_skew: u64,
    replay: *mut callsign_replay_cache,
) -> Result<Checks<'c>, u32> {
    let cache = if replay.is_null() {
        None
    } else {
        // SAFETY: forwarded contract.
        Some(unsafe { get_mut::<ReplayCacheC>(replay) }?)
    };
    let window = Freshness::new(now, max_skew);
    match (max_skew, cache) {
        (CALLSIGN_VERIFY_SIGNATURE_ONLY, None) => Ok(Checks::SignatureOnly),
        (CALLSIGN_VERIFY_SIGNATURE_ONLY, Some(_)) => Err(CALLSIGN_INVALID_ARGUMENT),
        (_, None) => Ok(Checks::Fresh(window)),
        (_, Some(cache)) => Ok(Checks::FreshOnce(window, cache)),
    }
}

/// Received headers: name/value pairs from C, every pointer checked.
/// Names are compared as bytes ignoring ASCII case; only the values looked
/// up must be UTF-8.
pub(crate) struct ReceivedHeaders<'a> {
    list: &'a [callsign_pair],
}

impl<'a> ReceivedHeaders<'a> {
    /// Checks `count` pairs at `headers` (NULL with `count` 0 for none).
    ///
    /// # Safety
    /// `headers` must be NULL with `count` 0, or point to `count` pairs whose
    /// pointers are valid for their lengths and unmodified during `'a`.
    pub(crate) unsafe fn new(headers: *const callsign_pair, count: usize) -> Result<Self, u32> {
        if count == 0 {
            return Ok(ReceivedHeaders { list: &[] });
        }
        if headers.is_null() {
            return Err(CALLSIGN_NULL_ARGUMENT);
        }
        if count > isize::MAX as usize / core::mem::size_of::<callsign_pair>() {
            return Err(CALLSIGN_INVALID_ARGUMENT);
        }
        // SAFETY: non-NULL, `count` pairs by contract, size checked above.
        let list = unsafe { core::slice::from_raw_parts(headers, count) };
        for p in list {
            // SAFETY: each pointer valid for its length by contract.
            unsafe { bytes(p.name, p.name_len) }?;
            // SAFETY: as above.
            unsafe { bytes(p.value, p.value_len) }?;
        }
        Ok(ReceivedHeaders { list })
    }

    /// The value of the header `name` (ASCII case-insensitive): `None` when
    /// absent, CALLSIGN_DUPLICATE_HEADER when present twice, and
    /// CALLSIGN_INVALID_UTF8 when its value is not UTF-8.
    pub(crate) fn find(&self, name: &str) -> Result<Option<&'a str>, u32> {
        let mut found: Option<&callsign_pair> = None;
        for p in self.list {
            // SAFETY: checked by `new`; valid for 'a by its contract.
            let n = unsafe { bytes(p.name, p.name_len) }?;
            if n.eq_ignore_ascii_case(name.as_bytes()) {
                if found.is_some() {
                    return Err(CALLSIGN_DUPLICATE_HEADER);
                }
                found = Some(p);
            }
        }
        match found {
            None => Ok(None),
            // SAFETY: as above.
            Some(p) => unsafe { text(p.value, p.value_len) }.map(Some),
        }
    }
}

/// Makes `cache` an empty replay cache. Any previous content is
/// overwritten without being read.
///
/// Returns CALLSIGN_OK or CALLSIGN_NULL_ARGUMENT.
///
/// ```c
/// static callsign_replay_cache seen; // one per listener
/// callsign_replay_cache_init(&seen);
/// ```
///
/// # Safety
/// `cache` must be NULL or point to a writable `callsign_replay_cache`.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn callsign_replay_cache_init(cache: *mut callsign_replay_cache) -> u32 {
    // SAFETY: forwarded contract.
    unsafe { put(cache, ReplayCacheC::new()) }
}

/// Forgets every entry and zeroes the storage. NULL is a no-op.
///
/// # Safety
/// `cache` must be NULL or point to a writable `callsign_replay_cache`.
#[no_mangle]
pub unsafe extern "C" fn callsign_replay_cache_wipe(cache: *mut callsign_replay_cache) {
    // SAFETY: forwarded contract.
    unsafe { wipe::<ReplayCacheC>(cache) }
}

/// Writes to `*live` how many entries are live at `now` (Unix seconds): a
/// cache with CALLSIGN_REPLAY_CACHE_CAPACITY live entries refuses new
/// requests.
///
/// Returns CALLSIGN_OK, CALLSIGN_NULL_ARGUMENT or CALLSIGN_NOT_INITIALIZED.
///
/// # Safety
/// `cache` must be NULL or point to a `callsign_replay_cache`; `live` must
/// be NULL or point to a writable `size_t`.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn callsign_replay_cache_live(
    cache: *const callsign_replay_cache,
    now: u64,
    live: *mut usize,
) -> u32 {
    if live.is_null() {
        return CALLSIGN_NULL_ARGUMENT;
    }
    try_status!(disjoint(&[Range::of(cache)], &[Range::of(live)]));
    // SAFETY: forwarded contract.
    let cache = try_status!(unsafe { get::<ReplayCacheC>(cache) });
    // SAFETY: non-NULL and writable by contract.
    unsafe { live.write(cache.live(now)) };
    CALLSIGN_OK
}

/// The received X-AKSK / X-WSSE value, parsed.
///
/// # Safety
/// `value` as for inputs.
unsafe fn token<'a>(value: *const u8, value_len: usize) -> Result<ParsedToken<'a>, u32> {
    // SAFETY: forwarded contract.
    let value = unsafe { text(value, value_len) }?;
    ParsedToken::parse(value).map_err(from_error)
}

/// Parses a received `X-AKSK` or `X-WSSE` header value (`UsernameToken
/// Username="...",PasswordDigest="...",Nonce="...",Created="..."`, strictly) and
/// sets `*username` and `*username_len` to its `Username`: a pointer into
/// `value` (not NUL-terminated, 1 to 128 printable ASCII characters). Look
/// up that application's secret, then call
/// `callsign_huawei_voice_x_aksk_verify` or `callsign_huawei_sms_x_wsse_verify`
/// with the same value. Nothing is verified here: the Username is not
/// authenticated until then.
///
/// Returns CALLSIGN_OK, CALLSIGN_NULL_ARGUMENT, CALLSIGN_INVALID_UTF8 or
/// CALLSIGN_MALFORMED; `*username` and `*username_len` are written only on
/// CALLSIGN_OK.
///
/// ```c
/// const uint8_t *user; size_t user_len;
/// if (callsign_huawei_token_username(hdr, hdr_len, &user, &user_len) == CALLSIGN_OK) {
///     const app_t *app = find_app(user, user_len);
///     rc = callsign_huawei_voice_x_aksk_verify(hdr, hdr_len, app->secret, app->secret_len,
///                                              now, CALLSIGN_DEFAULT_MAX_SKEW_SECS, &seen);
/// }
/// ```
///
/// # Safety
/// `value` as for inputs; `username` and `username_len` must be NULL or
/// writable.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn callsign_huawei_token_username(
    value: *const u8,
    value_len: usize,
    username: *mut *const u8,
    username_len: *mut usize,
) -> u32 {
    if username.is_null() || username_len.is_null() {
        return CALLSIGN_NULL_ARGUMENT;
    }
    try_status!(disjoint(
        &[Range::bytes(value, value_len)],
        &[Range::of(username), Range::of(username_len)],
    ));
    // SAFETY: forwarded contract.
    let token = try_status!(unsafe { token(value, value_len) });
    let name = token.username();
    // SAFETY: both non-NULL and writable by contract; `name` points into
    // the caller's `value`.
    unsafe {
        username.write(name.as_ptr());
        username_len.write(name.len());
    }
    CALLSIGN_OK
}

/// Verifies a received `X-AKSK` value (Huawei Voice Call gateway side)
/// with the app secret of its `Username`: `PasswordDigest` must be the
/// Base64 HMAC-SHA256 of Nonce || Created, then `Created` must lie within
/// `now +- max_skew` and (Username, Nonce) must not have been accepted
/// before (`now`, `max_skew`, `replay`: see CALLSIGN_VERIFY_SIGNATURE_ONLY).
///
/// Returns CALLSIGN_OK (authentic); CALLSIGN_NULL_ARGUMENT;
/// CALLSIGN_INVALID_UTF8; CALLSIGN_NOT_INITIALIZED (`replay`);
/// CALLSIGN_INVALID_ARGUMENT (`replay` with CALLSIGN_VERIFY_SIGNATURE_ONLY);
/// CALLSIGN_MALFORMED; CALLSIGN_SIGNATURE_MISMATCH;
/// CALLSIGN_TIMESTAMP_TOO_OLD; CALLSIGN_TIMESTAMP_IN_FUTURE;
/// CALLSIGN_REPLAY; CALLSIGN_REPLAY_CACHE_FULL.
///
/// # Safety
/// Inputs as documented in the header preamble; `replay` must be NULL or
/// point to a `callsign_replay_cache` that no other call uses meanwhile.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn callsign_huawei_voice_x_aksk_verify(
    value: *const u8,
    value_len: usize,
    secret: *const u8,
    secret_len: usize,
    now: u64,
    max_skew: u64,
    replay: *mut callsign_replay_cache,
) -> u32 {
    try_status!(disjoint(
        &[
            Range::bytes(value, value_len),
            Range::bytes(secret, secret_len)
        ],
        &[Range::of(replay)],
    ));
    // SAFETY: forwarded contract.
    let value = try_status!(unsafe { text(value, value_len) });
    // SAFETY: forwarded contract.
    let secret = try_status!(unsafe { bytes(secret, secret_len) });
    // SAFETY: forwarded contract.
    let checks = try_status!(unsafe { checks(now, max_skew, replay) });
    let token = try_status!(ParsedToken::parse(value).map_err(from_error));
    let key = HmacKey::new(secret);
    match verify_x_aksk(&token, &key, checks) {
        Ok(()) => CALLSIGN_OK,
        Err(e) => from_error(e),
    }
}

/// As `callsign_huawei_voice_x_aksk_verify`, with a precomputed key of the
/// app secret (`callsign_hmac_key_init`). Also returns
/// CALLSIGN_NOT_INITIALIZED for `key`.
///
/// # Safety
/// `key` must be NULL or point to a `callsign_hmac_key`; other pointers as
/// for `callsign_huawei_voice_x_aksk_verify`.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn callsign_huawei_voice_x_aksk_verify_with_key(
    key: *const callsign_hmac_key,
    value: *const u8,
    value_len: usize,
    now: u64,
    max_skew: u64,
    replay: *mut callsign_replay_cache,
) -> u32 {
    try_status!(disjoint(
        &[Range::of(key), Range::bytes(value, value_len)],
        &[Range::of(replay)],
    ));
    // SAFETY: forwarded contract.
    let key = try_status!(unsafe { get::<HmacKey>(key) });
    // SAFETY: forwarded contract.
    let value = try_status!(unsafe { text(value, value_len) });
    // SAFETY: forwarded contract.
    let checks = try_status!(unsafe { checks(now, max_skew, replay) });
    let token = try_status!(ParsedToken::parse(value).map_err(from_error));
    match verify_x_aksk(&token, key, checks) {
        Ok(()) => CALLSIGN_OK,
        Err(e) => from_error(e),
    }
}

/// Verifies a received `X-WSSE` value (Huawei Message & SMS gateway side)
/// with the app secret of its `Username`: `PasswordDigest` must be the
/// Base64 of SHA-256(Nonce || Created || secret) in the form `digest` names
/// (CALLSIGN_WSSE_DIGEST_HEX, normative, or
/// CALLSIGN_WSSE_DIGEST_LEGACY_RAW; the other form is CALLSIGN_MALFORMED),
/// then the window and replay checks as for
/// `callsign_huawei_voice_x_aksk_verify`.
///
/// Returns as `callsign_huawei_voice_x_aksk_verify`, and
/// CALLSIGN_INVALID_ARGUMENT for an unknown `digest`.
///
/// # Safety
/// As for `callsign_huawei_voice_x_aksk_verify`.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn callsign_huawei_sms_x_wsse_verify(
    value: *const u8,
    value_len: usize,
    secret: *const u8,
    secret_len: usize,
    digest: u32,
    now: u64,
    max_skew: u64,
    replay: *mut callsign_replay_cache,
) -> u32 {
    try_status!(disjoint(
        &[
            Range::bytes(value, value_len),
            Range::bytes(secret, secret_len)
        ],
        &[Range::of(replay)],
    ));
    // SAFETY: forwarded contract.
    let value = try_status!(unsafe { text(value, value_len) });
    // SAFETY: forwarded contract.
    let secret = try_status!(unsafe { bytes(secret, secret_len) });
    let encoding = try_status!(digest_encoding(digest));
    // SAFETY: forwarded contract.
    let checks = try_status!(unsafe { checks(now, max_skew, replay) });
    let token = try_status!(ParsedToken::parse(value).map_err(from_error));
    match verify_x_wsse(&token, secret, encoding, checks) {
        Ok(()) => CALLSIGN_OK,
        Err(e) => from_error(e),
    }
}
