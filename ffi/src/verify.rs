//! What the verifiers share: the replay cache in caller-owned storage, the
//! clock window, received headers as name/value pairs; and the gateway side
//! of Huawei X-AKSK and X-WSSE.
//!
//! The order of the checks and the meaning of `now`, `max_skew` and
//! `replay` are documented on [`CALLSIGN_VERIFY_SIGNATURE_ONLY`], where the
//! C header shows them.

use callsign_core::huawei::verify::{verify_x_aksk, verify_x_wsse, ParsedToken};
use callsign_core::verify::{Checks, Freshness, ReplayGuard, ReplaySlots, DEFAULT_MAX_SKEW_SECS};
use callsign_core::HmacKey;

use crate::apig::callsign_pair;
use crate::huawei::digest_encoding;
use crate::io::{bytes, disjoint, text, try_status, Range};
use crate::state::{
    callsign_hmac_key, callsign_replay_cache, get, replay_init, replay_live, replay_range,
    replay_slots, replay_wipe,
};
use crate::status::*;

/// `max_skew` value: check the signature only, with no clock. `now` is
/// ignored and `replay` must be NULL (a replay cache needs a window to
/// expire entries). It is the largest `uint64_t`, a window that no
/// timestamp leaves; 0 is the strictest window (the timestamp must equal
/// `now`), never "no check".
///
/// Every `_verify` function with a clock takes `now` (Unix seconds from the
/// caller's clock), `max_skew` (seconds) and `replay` (a
/// `callsign_replay_cache`, or NULL). It checks, in order, stopping at the
/// first failure: the arguments; the format of the received values; the
/// signature, compared in constant time; then, unless `max_skew` is
/// CALLSIGN_VERIFY_SIGNATURE_ONLY, that the signed timestamp t lies within
/// `now - max_skew <= t <= now + max_skew` (CALLSIGN_TIMESTAMP_TOO_OLD,
/// CALLSIGN_TIMESTAMP_IN_FUTURE); then, when `replay` is not NULL, that the
/// request (its MAC) was not accepted before (CALLSIGN_REPLAY;
/// CALLSIGN_REPLAY_CACHE_FULL when the cache has no free entry). With a
/// cache, `max_skew` may not exceed the cache's own window
/// (CALLSIGN_INVALID_ARGUMENT): entries expire by the cache's window.
pub const CALLSIGN_VERIFY_SIGNATURE_ONLY: u64 = u64::MAX;

/// A `max_skew` for schemes whose vendor documents none (Sinch callbacks
/// and webhooks, Huawei X-AKSK / X-WSSE): 300 seconds either way.
pub const CALLSIGN_DEFAULT_MAX_SKEW_SECS: u64 = 300;

const _: () = assert!(CALLSIGN_DEFAULT_MAX_SKEW_SECS == DEFAULT_MAX_SKEW_SECS);

/// The checks after the signature, from the C arguments.
pub(crate) struct CheckArgs<'c> {
    window: Option<Freshness>,
    cache: Option<ReplaySlots<'c>>,
}

impl<'c> CheckArgs<'c> {
    /// Checks `max_skew` and `replay` against each other.
    ///
    /// # Safety
    /// `replay` must be NULL or point to a `callsign_replay_cache` that is
    /// not accessed otherwise during `'c`.
    pub(crate) unsafe fn new(
        now: u64,
        max_skew: u64,
        replay: *mut callsign_replay_cache,
    ) -> Result<Self, u32> {
        let window =
            (max_skew != CALLSIGN_VERIFY_SIGNATURE_ONLY).then(|| Freshness::new(now, max_skew));
        let cache = if replay.is_null() {
            None
        } else if window.is_none() {
            return Err(CALLSIGN_INVALID_ARGUMENT);
        } else {
            // SAFETY: forwarded contract.
            let cache = unsafe { replay_slots(replay) }?;
            if max_skew > cache.max_skew() {
                return Err(CALLSIGN_INVALID_ARGUMENT);
            }
            Some(cache)
        };
        Ok(CheckArgs { window, cache })
    }

    /// The checks, for one verification.
    pub(crate) fn get(&mut self) -> Checks<'_> {
        match (self.window, self.cache.as_mut()) {
            (None, _) => Checks::SignatureOnly,
            (Some(window), None) => Checks::Fresh(window),
            (Some(window), Some(cache)) => Checks::FreshOnce(window, cache),
        }
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

/// Makes the `size` bytes at `cache` an empty replay cache whose entries
/// live `max_skew` seconds after their request's timestamp: the widest
/// window the verifications using it may ask for. `size` is
/// `sizeof(callsign_replay_cache)` for CALLSIGN_REPLAY_CACHE_CAPACITY
/// entries, or CALLSIGN_REPLAY_CACHE_HEADER_SIZE + N *
/// CALLSIGN_REPLAY_CACHE_ENTRY_SIZE for N (see `callsign_replay_cache`).
/// Any previous content is overwritten without being read.
///
/// Returns CALLSIGN_OK, CALLSIGN_NULL_ARGUMENT, or CALLSIGN_INVALID_ARGUMENT
/// (`cache` not aligned to 8, `size` too small for one entry, or
/// `max_skew` CALLSIGN_VERIFY_SIGNATURE_ONLY).
///
/// ```c
/// static callsign_replay_cache seen; // one per listener
/// if (callsign_replay_cache_init(&seen, sizeof seen, CALLSIGN_DEFAULT_MAX_SKEW_SECS) != CALLSIGN_OK) {
///     abort();
/// }
/// ```
///
/// # Safety
/// `cache` must be NULL or point to `size` writable bytes.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn callsign_replay_cache_init(
    cache: *mut callsign_replay_cache,
    size: usize,
    max_skew: u64,
) -> u32 {
    if max_skew == CALLSIGN_VERIFY_SIGNATURE_ONLY && !cache.is_null() {
        return CALLSIGN_INVALID_ARGUMENT;
    }
    // SAFETY: forwarded contract.
    unsafe { replay_init(cache, size, max_skew) }
}

/// Forgets every entry and zeroes the storage. NULL, misaligned or
/// uninitialised storage is left as it is.
///
/// # Safety
/// `cache` must be NULL or point to storage initialised by
/// `callsign_replay_cache_init` (or never initialised).
#[no_mangle]
pub unsafe extern "C" fn callsign_replay_cache_wipe(cache: *mut callsign_replay_cache) {
    // SAFETY: forwarded contract.
    unsafe { replay_wipe(cache) }
}

/// Writes to `*live` how many entries are live at `now` (Unix seconds): a
/// cache whose every entry is live refuses new requests.
///
/// Returns CALLSIGN_OK, CALLSIGN_NULL_ARGUMENT, CALLSIGN_INVALID_ARGUMENT
/// (misaligned) or CALLSIGN_NOT_INITIALIZED.
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
    // SAFETY: forwarded contract (reads the header only).
    let cache_bytes = unsafe { replay_range(cache) };
    try_status!(disjoint(&[cache_bytes], &[Range::of(live)]));
    // SAFETY: forwarded contract.
    let count = try_status!(unsafe { replay_live(cache, now) });
    // SAFETY: non-NULL and writable by contract.
    unsafe { live.write(count) };
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
/// sets `*username` and `*username_len` to its claimed `Username`: a pointer
/// into `value` (not NUL-terminated, 1 to 128 printable ASCII characters).
/// Nothing is verified here: look up that application's secret, then call
/// `callsign_huawei_voice_x_aksk_verify` or `callsign_huawei_sms_x_wsse_verify`
/// with the same value and the username of the secret you looked up, which
/// they compare.
///
/// Returns CALLSIGN_OK, CALLSIGN_NULL_ARGUMENT, CALLSIGN_INVALID_UTF8 or
/// CALLSIGN_MALFORMED; `*username` and `*username_len` are written only on
/// CALLSIGN_OK.
///
/// ```c
/// const uint8_t *user; size_t user_len;
/// if (callsign_huawei_token_username(hdr, hdr_len, &user, &user_len) == CALLSIGN_OK) {
///     const app_t *app = find_app(user, user_len);
///     rc = callsign_huawei_voice_x_aksk_verify(hdr, hdr_len, app->key, app->key_len,
///                                              app->secret, app->secret_len,
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

/// Verifies a received `X-AKSK` value (Huawei Voice Call gateway side) as
/// the application `username` (its app key), with that application's
/// secret: the token's `Username` must equal `username` exactly
/// (CALLSIGN_KEY_MISMATCH), `PasswordDigest` must be the Base64
/// HMAC-SHA256 of Nonce || Created, then `Created` must lie within `now +-
/// max_skew` and the digest must not have been accepted before (`now`,
/// `max_skew`, `replay`: see CALLSIGN_VERIFY_SIGNATURE_ONLY).
///
/// Returns CALLSIGN_OK (authentic); CALLSIGN_NULL_ARGUMENT;
/// CALLSIGN_INVALID_UTF8; CALLSIGN_NOT_INITIALIZED (`replay`);
/// CALLSIGN_INVALID_ARGUMENT (`replay` with CALLSIGN_VERIFY_SIGNATURE_ONLY,
/// or a `max_skew` wider than the cache's); CALLSIGN_MALFORMED;
/// CALLSIGN_KEY_MISMATCH; CALLSIGN_SIGNATURE_MISMATCH;
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
    username: *const u8,
    username_len: usize,
    secret: *const u8,
    secret_len: usize,
    now: u64,
    max_skew: u64,
    replay: *mut callsign_replay_cache,
) -> u32 {
    // SAFETY: forwarded contract (reads the header only).
    let replay_bytes = unsafe { replay_range(replay) };
    try_status!(disjoint(
        &[
            Range::bytes(value, value_len),
            Range::bytes(username, username_len),
            Range::bytes(secret, secret_len)
        ],
        &[replay_bytes],
    ));
    // SAFETY: forwarded contract.
    let secret = try_status!(unsafe { bytes(secret, secret_len) });
    // Computed in place: a moved key would leave its states behind.
    let mut key = HmacKey::zeroed();
    key.rekey(secret);
    // SAFETY: forwarded contract.
    unsafe {
        x_aksk_verify(
            &key,
            value,
            value_len,
            username,
            username_len,
            now,
            max_skew,
            replay,
        )
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
    username: *const u8,
    username_len: usize,
    now: u64,
    max_skew: u64,
    replay: *mut callsign_replay_cache,
) -> u32 {
    // SAFETY: forwarded contract (reads the header only).
    let replay_bytes = unsafe { replay_range(replay) };
    try_status!(disjoint(
        &[
            Range::of(key),
            Range::bytes(value, value_len),
            Range::bytes(username, username_len)
        ],
        &[replay_bytes],
    ));
    // SAFETY: forwarded contract.
    let key = try_status!(unsafe { get::<HmacKey>(key) });
    // SAFETY: forwarded contract.
    unsafe {
        x_aksk_verify(
            key,
            value,
            value_len,
            username,
            username_len,
            now,
            max_skew,
            replay,
        )
    }
}

/// The body of both X-AKSK verify functions.
///
/// # Safety
/// As for `callsign_huawei_voice_x_aksk_verify`.
#[allow(clippy::too_many_arguments)]
unsafe fn x_aksk_verify(
    key: &HmacKey,
    value: *const u8,
    value_len: usize,
    username: *const u8,
    username_len: usize,
    now: u64,
    max_skew: u64,
    replay: *mut callsign_replay_cache,
) -> u32 {
    // SAFETY: forwarded contract.
    let value = try_status!(unsafe { text(value, value_len) });
    // SAFETY: forwarded contract.
    let username = try_status!(unsafe { text(username, username_len) });
    // SAFETY: forwarded contract.
    let mut checks = try_status!(unsafe { CheckArgs::new(now, max_skew, replay) });
    let token = try_status!(ParsedToken::parse(value).map_err(from_error));
    match verify_x_aksk(&token, username, key, checks.get()) {
        Ok(_) => CALLSIGN_OK,
        Err(e) => from_error(e),
    }
}

/// Verifies a received `X-WSSE` value (Huawei Message & SMS gateway side)
/// as the application `username`, with its app secret: the token's
/// `Username` must equal `username` exactly (CALLSIGN_KEY_MISMATCH),
/// `PasswordDigest` must be the Base64 of SHA-256(Nonce || Created ||
/// secret) in the form `digest` names (CALLSIGN_WSSE_DIGEST_HEX, normative,
/// or CALLSIGN_WSSE_DIGEST_LEGACY_RAW; the other form is
/// CALLSIGN_MALFORMED), then the window and replay checks as for
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
    username: *const u8,
    username_len: usize,
    secret: *const u8,
    secret_len: usize,
    digest: u32,
    now: u64,
    max_skew: u64,
    replay: *mut callsign_replay_cache,
) -> u32 {
    // SAFETY: forwarded contract (reads the header only).
    let replay_bytes = unsafe { replay_range(replay) };
    try_status!(disjoint(
        &[
            Range::bytes(value, value_len),
            Range::bytes(username, username_len),
            Range::bytes(secret, secret_len)
        ],
        &[replay_bytes],
    ));
    // SAFETY: forwarded contract.
    let value = try_status!(unsafe { text(value, value_len) });
    // SAFETY: forwarded contract.
    let username = try_status!(unsafe { text(username, username_len) });
    // SAFETY: forwarded contract.
    let secret = try_status!(unsafe { bytes(secret, secret_len) });
    let encoding = try_status!(digest_encoding(digest));
    // SAFETY: forwarded contract.
    let mut checks = try_status!(unsafe { CheckArgs::new(now, max_skew, replay) });
    let token = try_status!(ParsedToken::parse(value).map_err(from_error));
    match verify_x_wsse(&token, username, secret, encoding, checks.get()) {
        Ok(_) => CALLSIGN_OK,
        Err(e) => from_error(e),
    }
}

/// Verifies the `X-AKSK` value of a push the voice platform sent to `url`
/// (a `statusUrl` or `feeUrl` notification) as the application `username`
/// (its app key), with that application's secret: `PasswordDigest` must be
/// the Base64 HMAC-SHA256 of url || Nonce || Created (api-surface spec
/// §2.1: no vendor-captured push confirms the formula yet), `url` exactly
/// as configured (the plain URL, not its Base64). Then the window and
/// replay checks as for `callsign_huawei_voice_x_aksk_verify` (the digest
/// is the replay fingerprint). Verify before parsing the body
/// (`callsign_huawei_voice_notification_parse`).
///
/// Returns as `callsign_huawei_voice_x_aksk_verify`.
///
/// # Safety
/// As for `callsign_huawei_voice_x_aksk_verify`; `url` as for inputs.
#[cfg(feature = "api")]
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn callsign_huawei_voice_push_verify(
    value: *const u8,
    value_len: usize,
    url: *const u8,
    url_len: usize,
    username: *const u8,
    username_len: usize,
    secret: *const u8,
    secret_len: usize,
    now: u64,
    max_skew: u64,
    replay: *mut callsign_replay_cache,
) -> u32 {
    // SAFETY: forwarded contract (reads the header only).
    let replay_bytes = unsafe { replay_range(replay) };
    try_status!(disjoint(
        &[
            Range::bytes(value, value_len),
            Range::bytes(url, url_len),
            Range::bytes(username, username_len),
            Range::bytes(secret, secret_len)
        ],
        &[replay_bytes],
    ));
    // SAFETY: forwarded contract.
    let secret = try_status!(unsafe { bytes(secret, secret_len) });
    // SAFETY: forwarded contract.
    let value = try_status!(unsafe { text(value, value_len) });
    // SAFETY: forwarded contract.
    let url = try_status!(unsafe { text(url, url_len) });
    // SAFETY: forwarded contract.
    let username = try_status!(unsafe { text(username, username_len) });
    // SAFETY: forwarded contract.
    let mut checks = try_status!(unsafe { CheckArgs::new(now, max_skew, replay) });
    let token = try_status!(ParsedToken::parse(value).map_err(from_error));
    // Computed in place: a moved key would leave its states behind.
    let mut key = HmacKey::zeroed();
    key.rekey(secret);
    match callsign_core::huawei::voice_push::verify_push(&token, username, &key, url, checks.get())
    {
        Ok(_) => CALLSIGN_OK,
        Err(e) => from_error(e),
    }
}
