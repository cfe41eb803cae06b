//! Huawei Voice Call X-AKSK and Message & SMS X-WSSE header values.

use core::ffi::{c_char, c_int, c_void};

use callsign_core::huawei::{sms, voice};
use callsign_core::{HmacKey, Nonce, NonceRef, Timestamp};

use crate::io::{bytes, check_out, disjoint, text, text_out, try_status, write_out, Range};
use crate::state::{callsign_hmac_key, get};
use crate::status::*;

/// Buffer size (NUL included) for any X-AKSK value.
pub const CALLSIGN_X_AKSK_MAX_LEN: usize = 384;
/// Buffer size (NUL included) for any X-WSSE value.
pub const CALLSIGN_X_WSSE_MAX_LEN: usize = 428;

const _: () = assert!(CALLSIGN_X_AKSK_MAX_LEN == voice::X_AKSK_MAX_LEN + 1);
const _: () = assert!(CALLSIGN_X_WSSE_MAX_LEN == sms::X_WSSE_MAX_LEN + 1);

/// X-WSSE digest: Base64 of the lowercase hex SHA-256 (88 characters). Normative.
pub const CALLSIGN_WSSE_DIGEST_HEX: u32 = 0;
/// X-WSSE digest: Base64 of the raw SHA-256 (44 characters), as legacy demos.
pub const CALLSIGN_WSSE_DIGEST_LEGACY_RAW: u32 = 1;

/// A caller's random source: fills the `len` bytes at `buf` with
/// cryptographically secure random bytes and returns 0, or returns non-zero
/// on failure. A callback that returns 0 but leaves the buffer as it was,
/// or fills it with zeros, is taken as failed (CALLSIGN_RANDOM_FAILED).
pub type callsign_fill_random =
    Option<unsafe extern "C" fn(ctx: *mut c_void, buf: *mut u8, len: usize) -> c_int>;

/// The constant `Authorization` value sent with X-AKSK:
/// `AKSK realm="SDP",profile="UsernameToken",type="Appkey"` (static, NUL-terminated).
#[no_mangle]
pub extern "C" fn callsign_huawei_voice_authorization() -> *const c_char {
    c"AKSK realm=\"SDP\",profile=\"UsernameToken\",type=\"Appkey\"".as_ptr()
}

/// The constant `Authorization` value sent with X-WSSE:
/// `WSSE realm="SDP",profile="UsernameToken",type="Appkey"` (static, NUL-terminated).
#[no_mangle]
pub extern "C" fn callsign_huawei_sms_authorization() -> *const c_char {
    c"WSSE realm=\"SDP\",profile=\"UsernameToken\",type=\"Appkey\"".as_ptr()
}

const _: () = {
    let c = c"AKSK realm=\"SDP\",profile=\"UsernameToken\",type=\"Appkey\"".to_bytes();
    assert!(c.len() == voice::AUTHORIZATION.len());
    let c = c"WSSE realm=\"SDP\",profile=\"UsernameToken\",type=\"Appkey\"".to_bytes();
    assert!(c.len() == sms::AUTHORIZATION.len());
};

fn timestamp(created_unix: u64) -> Result<Timestamp, u32> {
    Timestamp::from_unix(created_unix).map_err(from_error)
}

/// # Safety
/// `nonce` as for inputs.
unsafe fn parse_nonce<'a>(nonce: *const u8, nonce_len: usize) -> Result<NonceRef<'a>, u32> {
    // SAFETY: forwarded contract.
    let t = unsafe { text(nonce, nonce_len) }?;
    // Validated where it is, not copied: a borrowed nonce.
    NonceRef::new(t).map_err(from_error)
}

/// # Safety
/// `fill_random` must behave as documented for `callsign_fill_random`.
unsafe fn random_nonce(fill_random: callsign_fill_random, ctx: *mut c_void) -> Result<Nonce, u32> {
    let Some(fill) = fill_random else {
        return Err(CALLSIGN_NULL_ARGUMENT);
    };
    let mut random = RANDOM_SENTINEL;
    // SAFETY: `random` is a writable 16-byte buffer; the callback contract
    // is the caller's.
    if unsafe { fill(ctx, random.as_mut_ptr(), random.len()) } != 0 {
        return Err(CALLSIGN_RANDOM_FAILED);
    }
    // A callback that reported success without writing leaves the
    // sentinel; one that writes nothing but zeroes is as broken. Either
    // would give the same nonce on every call. (A working generator gives
    // either value with probability 2^-128.)
    if random == RANDOM_SENTINEL || random == [0; 16] {
        return Err(CALLSIGN_RANDOM_FAILED);
    }
    Ok(Nonce::from_random(random))
}

/// What the random buffer holds before the callback fills it.
const RANDOM_SENTINEL: [u8; 16] = *b"callsign-unfill!";

/// # Safety
/// As the header preamble says.
unsafe fn x_aksk(
    key: &HmacKey,
    app_key: &str,
    nonce: NonceRef<'_>,
    created: Timestamp,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> u32 {
    let value = try_status!(voice::XAksk::new(app_key, key, nonce, created).map_err(from_error));
    // SAFETY: forwarded contract.
    unsafe { write_out(&value, out, out_cap, out_len) }
}

/// Writes the `X-AKSK` header value (Huawei Voice Call) for the app key, the
/// app secret, the nonce (1 to 128 ASCII letters and digits) and the Created
/// time in Unix seconds. Send it with the `Authorization` value of
/// `callsign_huawei_voice_authorization()`.
///
/// Returns CALLSIGN_OK, CALLSIGN_BUFFER_TOO_SMALL, CALLSIGN_NULL_ARGUMENT,
/// CALLSIGN_INVALID_UTF8, CALLSIGN_INVALID_APP_KEY, CALLSIGN_INVALID_NONCE or
/// CALLSIGN_TIMESTAMP_OUT_OF_RANGE. Output rule: see the header preamble;
/// CALLSIGN_X_AKSK_MAX_LEN sizes the buffer.
///
/// ```c
/// char x_aksk[CALLSIGN_X_AKSK_MAX_LEN];
/// size_t n;
/// uint32_t rc = callsign_huawei_voice_x_aksk(
///     (const uint8_t *)app_key, strlen(app_key), secret, secret_len,
///     (const uint8_t *)nonce, strlen(nonce), now_unix,
///     x_aksk, sizeof x_aksk, &n);
/// ```
///
/// # Safety
/// As the header preamble says.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn callsign_huawei_voice_x_aksk(
    app_key: *const u8,
    app_key_len: usize,
    secret: *const u8,
    secret_len: usize,
    nonce: *const u8,
    nonce_len: usize,
    created_unix: u64,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> u32 {
    try_status!(check_out(out, out_cap, out_len));
    try_status!(disjoint(
        &[
            Range::bytes(app_key, app_key_len),
            Range::bytes(secret, secret_len),
            Range::bytes(nonce, nonce_len)
        ],
        &text_out(out, out_cap, out_len),
    ));
    // SAFETY: forwarded contract.
    let app_key = try_status!(unsafe { text(app_key, app_key_len) });
    // SAFETY: forwarded contract.
    let secret = try_status!(unsafe { bytes(secret, secret_len) });
    // SAFETY: forwarded contract.
    let nonce = try_status!(unsafe { parse_nonce(nonce, nonce_len) });
    let created = try_status!(timestamp(created_unix));
    // Computed in place: a moved key would leave its states behind.
    let mut key = HmacKey::zeroed();
    key.rekey(secret);
    // SAFETY: forwarded contract.
    unsafe { x_aksk(&key, app_key, nonce, created, out, out_cap, out_len) }
}

/// As `callsign_huawei_voice_x_aksk`, with a precomputed key of the app
/// secret (`callsign_hmac_key_init`): two SHA-256 compressions per header
/// instead of four. Also returns CALLSIGN_NOT_INITIALIZED.
///
/// # Safety
/// `key` must point to an initialised `callsign_hmac_key`; other pointers
/// as the header preamble says.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn callsign_huawei_voice_x_aksk_with_key(
    key: *const callsign_hmac_key,
    app_key: *const u8,
    app_key_len: usize,
    nonce: *const u8,
    nonce_len: usize,
    created_unix: u64,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> u32 {
    try_status!(check_out(out, out_cap, out_len));
    try_status!(disjoint(
        &[
            Range::of(key),
            Range::bytes(app_key, app_key_len),
            Range::bytes(nonce, nonce_len)
        ],
        &text_out(out, out_cap, out_len),
    ));
    // SAFETY: forwarded contract.
    let key = try_status!(unsafe { get::<HmacKey>(key) });
    // SAFETY: forwarded contract.
    let app_key = try_status!(unsafe { text(app_key, app_key_len) });
    // SAFETY: forwarded contract.
    let nonce = try_status!(unsafe { parse_nonce(nonce, nonce_len) });
    let created = try_status!(timestamp(created_unix));
    // SAFETY: forwarded contract.
    unsafe { x_aksk(key, app_key, nonce, created, out, out_cap, out_len) }
}

/// As `callsign_huawei_voice_x_aksk_with_key`, with a fresh nonce: 16 bytes
/// from `fill_random(rng_ctx, buf, 16)` written as 32 lowercase hex
/// characters. Also returns CALLSIGN_RANDOM_FAILED when the callback fails.
///
/// # Safety
/// As for `callsign_huawei_voice_x_aksk_with_key`; `fill_random` must fill
/// the buffer it is given.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn callsign_huawei_voice_x_aksk_random(
    key: *const callsign_hmac_key,
    app_key: *const u8,
    app_key_len: usize,
    fill_random: callsign_fill_random,
    rng_ctx: *mut c_void,
    created_unix: u64,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> u32 {
    try_status!(check_out(out, out_cap, out_len));
    try_status!(disjoint(
        &[Range::of(key), Range::bytes(app_key, app_key_len)],
        &text_out(out, out_cap, out_len),
    ));
    // SAFETY: forwarded contract.
    let key = try_status!(unsafe { get::<HmacKey>(key) });
    // SAFETY: forwarded contract.
    let app_key = try_status!(unsafe { text(app_key, app_key_len) });
    let created = try_status!(timestamp(created_unix));
    // SAFETY: forwarded contract.
    let nonce = try_status!(unsafe { random_nonce(fill_random, rng_ctx) });
    // SAFETY: forwarded contract.
    unsafe {
        x_aksk(
            key,
            app_key,
            (&nonce).into(),
            created,
            out,
            out_cap,
            out_len,
        )
    }
}

pub(crate) fn digest_encoding(digest: u32) -> Result<sms::DigestEncoding, u32> {
    match digest {
        CALLSIGN_WSSE_DIGEST_HEX => Ok(sms::DigestEncoding::Hex),
        CALLSIGN_WSSE_DIGEST_LEGACY_RAW => Ok(sms::DigestEncoding::LegacyRaw),
        _ => Err(CALLSIGN_INVALID_ARGUMENT),
    }
}

/// # Safety
/// As the header preamble says.
#[allow(clippy::too_many_arguments)]
unsafe fn x_wsse(
    app_key: &str,
    secret: &[u8],
    nonce: NonceRef<'_>,
    created: Timestamp,
    encoding: sms::DigestEncoding,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> u32 {
    let value = try_status!(
        sms::XWsse::with_encoding(app_key, secret, nonce, created, encoding).map_err(from_error)
    );
    // SAFETY: forwarded contract.
    unsafe { write_out(&value, out, out_cap, out_len) }
}

/// Writes the `X-WSSE` header value (Huawei Message & SMS) for the app key,
/// app secret, nonce and Created time (Unix seconds). `digest` is
/// CALLSIGN_WSSE_DIGEST_HEX (normative) or CALLSIGN_WSSE_DIGEST_LEGACY_RAW.
/// Send it with `callsign_huawei_sms_authorization()`.
///
/// Returns CALLSIGN_OK, CALLSIGN_BUFFER_TOO_SMALL, CALLSIGN_NULL_ARGUMENT,
/// CALLSIGN_INVALID_UTF8, CALLSIGN_INVALID_APP_KEY, CALLSIGN_INVALID_NONCE,
/// CALLSIGN_TIMESTAMP_OUT_OF_RANGE or CALLSIGN_INVALID_ARGUMENT (unknown
/// `digest`). Output rule: see the header preamble; CALLSIGN_X_WSSE_MAX_LEN
/// sizes the buffer.
///
/// # Safety
/// As the header preamble says.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn callsign_huawei_sms_x_wsse(
    app_key: *const u8,
    app_key_len: usize,
    secret: *const u8,
    secret_len: usize,
    nonce: *const u8,
    nonce_len: usize,
    created_unix: u64,
    digest: u32,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> u32 {
    try_status!(check_out(out, out_cap, out_len));
    try_status!(disjoint(
        &[
            Range::bytes(app_key, app_key_len),
            Range::bytes(secret, secret_len),
            Range::bytes(nonce, nonce_len)
        ],
        &text_out(out, out_cap, out_len),
    ));
    // SAFETY: forwarded contract.
    let app_key = try_status!(unsafe { text(app_key, app_key_len) });
    // SAFETY: forwarded contract.
    let secret = try_status!(unsafe { bytes(secret, secret_len) });
    // SAFETY: forwarded contract.
    let nonce = try_status!(unsafe { parse_nonce(nonce, nonce_len) });
    let created = try_status!(timestamp(created_unix));
    let encoding = try_status!(digest_encoding(digest));
    // SAFETY: forwarded contract.
    unsafe {
        x_wsse(
            app_key, secret, nonce, created, encoding, out, out_cap, out_len,
        )
    }
}

/// As `callsign_huawei_sms_x_wsse`, with a fresh nonce from `fill_random`
/// (16 bytes, written as 32 lowercase hex characters). Also returns
/// CALLSIGN_RANDOM_FAILED when the callback fails.
///
/// # Safety
/// As for `callsign_huawei_sms_x_wsse`; `fill_random` must fill the buffer
/// it is given.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn callsign_huawei_sms_x_wsse_random(
    app_key: *const u8,
    app_key_len: usize,
    secret: *const u8,
    secret_len: usize,
    fill_random: callsign_fill_random,
    rng_ctx: *mut c_void,
    created_unix: u64,
    digest: u32,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> u32 {
    try_status!(check_out(out, out_cap, out_len));
    try_status!(disjoint(
        &[
            Range::bytes(app_key, app_key_len),
            Range::bytes(secret, secret_len)
        ],
        &text_out(out, out_cap, out_len),
    ));
    // SAFETY: forwarded contract.
    let app_key = try_status!(unsafe { text(app_key, app_key_len) });
    // SAFETY: forwarded contract.
    let secret = try_status!(unsafe { bytes(secret, secret_len) });
    let created = try_status!(timestamp(created_unix));
    let encoding = try_status!(digest_encoding(digest));
    // SAFETY: forwarded contract.
    let nonce = try_status!(unsafe { random_nonce(fill_random, rng_ctx) });
    // SAFETY: forwarded contract.
    unsafe {
        x_wsse(
            app_key,
            secret,
            (&nonce).into(),
            created,
            encoding,
            out,
            out_cap,
            out_len,
        )
    }
}
