//! Sinch: Application-signed requests (Voice v1, Verification) and the
//! Voice v2 `service` variant, with a streaming body MD5 in caller-owned
//! storage; verification of Application-signed callbacks and `service`
//! webhooks; Conversation / SMS webhook signatures; Numbers callback
//! signatures.

use core::ffi::c_char;

use callsign_core::sinch::application::{self, signing_key, BodyDigest, BodyMd5, Request, Scheme};
use callsign_core::sinch::callback::{CallbackHeaders, CallbackVerifier};
use callsign_core::sinch::{numbers, webhook};
use callsign_core::{Error, Field, HmacKey};

use crate::apig::callsign_pair;
use crate::apig::pairs_disjoint;
use crate::io::{bytes, check_out, disjoint, text, text_out, try_status, write_out, Range};
use crate::state::{
    callsign_replay_cache, callsign_sinch_body_md5, get, get_mut, put, replay_range, wipe,
};
use crate::status::*;
use crate::verify::{CheckArgs, ReceivedHeaders};

/// Scheme: `Authorization: Application KEY:SIGNATURE` (Voice v1,
/// Verification requests and callbacks). An empty body has an empty
/// Content-MD5 line.
pub const CALLSIGN_SINCH_APPLICATION: u32 = 0;
/// Scheme: `Authorization: service KEY:SIGNATURE` (Voice API v2 webhooks).
/// The Content-MD5 line is always the MD5 of the body, even when empty, and
/// a verified callback must carry `Content-Type`.
pub const CALLSIGN_SINCH_SERVICE: u32 = 1;

/// Buffer size (NUL included) for any Sinch `Authorization` value (a key
/// of up to 128 bytes).
pub const CALLSIGN_SINCH_AUTHORIZATION_MAX_LEN: usize = 186;
/// Buffer size (NUL included) for any Sinch string to sign.
pub const CALLSIGN_SINCH_STRING_TO_SIGN_MAX_LEN: usize = 2425;
/// Buffer size (NUL included) for a Sinch webhook signature (44 Base64
/// characters).
pub const CALLSIGN_SINCH_WEBHOOK_SIGNATURE_MAX_LEN: usize = 45;
/// Buffer size (NUL included) for a Sinch Numbers callback signature (40
/// lowercase hex characters).
pub const CALLSIGN_SINCH_NUMBERS_SIGNATURE_MAX_LEN: usize = 41;

const _: () =
    assert!(CALLSIGN_SINCH_AUTHORIZATION_MAX_LEN == application::AUTHORIZATION_MAX_LEN + 1);
const _: () =
    assert!(CALLSIGN_SINCH_STRING_TO_SIGN_MAX_LEN == application::STRING_TO_SIGN_MAX_LEN + 1);
const _: () = assert!(CALLSIGN_SINCH_WEBHOOK_SIGNATURE_MAX_LEN == webhook::SIGNATURE_LEN + 1);
const _: () = assert!(CALLSIGN_SINCH_NUMBERS_SIGNATURE_MAX_LEN == numbers::SIGNATURE_LEN + 1);

/// A Sinch request to sign (or a received callback, for its string to
/// sign). Text is UTF-8.
#[repr(C)]
pub struct callsign_sinch_request {
    /// CALLSIGN_SINCH_APPLICATION or CALLSIGN_SINCH_SERVICE.
    pub scheme: u32,
    /// The HTTP method, e.g. `POST` (signed upper-cased).
    pub method: *const u8,
    /// Bytes in `method`.
    pub method_len: usize,
    /// The request target: the path as sent, starting with `/`, with or
    /// without a query (which is not signed; `%XX` in the path is decoded).
    pub target: *const u8,
    /// Bytes in `target`.
    pub target_len: usize,
    /// The exact `Content-Type` header sent; NULL with length 0 when the
    /// request has none (signed as an empty line, like an empty value).
    pub content_type: *const u8,
    /// Bytes in `content_type`.
    pub content_type_len: usize,
    /// The exact `x-timestamp` header sent: ISO 8601 UTC such as
    /// `2024-07-01T12:34:56.789Z` (a fraction and `+00:00` are allowed);
    /// `callsign_timestamp_extended` writes one.
    pub x_timestamp: *const u8,
    /// Bytes in `x_timestamp`.
    pub x_timestamp_len: usize,
    /// The whole body (NULL with length 0 for none), unless `body_md5` is
    /// given.
    pub body: *const u8,
    /// Bytes in `body`; must be 0 when `body_md5` is given.
    pub body_len: usize,
    /// NULL, or a body hasher that was fed the whole body in chunks
    /// (`callsign_sinch_body_md5_update`); it is read, not changed.
    pub body_md5: *const callsign_sinch_body_md5,
}

fn scheme(value: u32) -> Result<Scheme, u32> {
    match value {
        CALLSIGN_SINCH_APPLICATION => Ok(Scheme::Application),
        CALLSIGN_SINCH_SERVICE => Ok(Scheme::Service),
        _ => Err(CALLSIGN_INVALID_ARGUMENT),
    }
}

/// The status of an error in the caller's own inputs (not in received
/// values): an `x-timestamp` that is not ISO 8601 is an invalid timestamp.
fn input_error(e: Error) -> u32 {
    match e {
        Error::Malformed {
            field: Field::Timestamp,
            ..
        } => CALLSIGN_INVALID_TIMESTAMP,
        other => from_error(other),
    }
}

/// The digest of a body given whole or through a hasher.
///
/// # Safety
/// `body` as for inputs; `body_md5` NULL or pointing to a
/// `callsign_sinch_body_md5`.
unsafe fn body_digest(
    body: *const u8,
    body_len: usize,
    body_md5: *const callsign_sinch_body_md5,
) -> Result<BodyDigest, u32> {
    if body_md5.is_null() {
        // SAFETY: forwarded contract.
        let body = unsafe { bytes(body, body_len) }?;
        return Ok(BodyDigest::of(body));
    }
    if body_len != 0 {
        return Err(CALLSIGN_INVALID_ARGUMENT);
    }
    // SAFETY: forwarded contract.
    let md5 = unsafe { get::<BodyMd5>(body_md5) }?;
    Ok(md5.clone().finish())
}

/// CALLSIGN_OVERLAPPING_BUFFERS when the request, or an input it points to,
/// overlaps an output. NULL is left to [`request`].
///
/// # Safety
/// `request` must be NULL or point to a readable `callsign_sinch_request`.
unsafe fn request_disjoint(
    request: *const callsign_sinch_request,
    outputs: &[Range],
) -> Result<(), u32> {
    if request.is_null() {
        return Ok(());
    }
    // SAFETY: non-NULL and readable by contract; a copy, not a reference.
    let r = unsafe { request.read() };
    disjoint(
        &[
            Range::of(request),
            Range::bytes(r.method, r.method_len),
            Range::bytes(r.target, r.target_len),
            Range::bytes(r.content_type, r.content_type_len),
            Range::bytes(r.x_timestamp, r.x_timestamp_len),
            Range::bytes(r.body, r.body_len),
            Range::of(r.body_md5),
        ],
        outputs,
    )
}

/// The validated request.
///
/// # Safety
/// `request` NULL or valid, with every pointer valid for its length during `'a`.
unsafe fn request<'a>(request: *const callsign_sinch_request) -> Result<Request<'a>, u32> {
    // SAFETY: NULL or valid by contract.
    let Some(r) = (unsafe { request.as_ref() }) else {
        return Err(CALLSIGN_NULL_ARGUMENT);
    };
    let scheme = scheme(r.scheme)?;
    // SAFETY: forwarded contract.
    let method = unsafe { text(r.method, r.method_len) }?;
    // SAFETY: forwarded contract.
    let target = unsafe { text(r.target, r.target_len) }?;
    // SAFETY: forwarded contract.
    let content_type = unsafe { text(r.content_type, r.content_type_len) }?;
    // SAFETY: forwarded contract.
    let x_timestamp = unsafe { text(r.x_timestamp, r.x_timestamp_len) }?;
    // SAFETY: forwarded contract.
    let digest = unsafe { body_digest(r.body, r.body_len, r.body_md5) }?;
    Request::new(
        scheme,
        method,
        target,
        Some(content_type),
        x_timestamp,
        &digest,
    )
    .map_err(input_error)
}

/// Starts a streaming MD5 of a request or callback body, for a body that
/// is not held whole: feed it with `callsign_sinch_body_md5_update`, then
/// give the hasher as `body_md5` to `callsign_sinch_application_sign`,
/// `callsign_sinch_application_string_to_sign` or
/// `callsign_sinch_callback_verify` (it is read, not changed), and wipe it.
///
/// Returns CALLSIGN_OK or CALLSIGN_NULL_ARGUMENT.
///
/// # Safety
/// `hasher` must be NULL or point to a writable `callsign_sinch_body_md5`.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn callsign_sinch_body_md5_init(hasher: *mut callsign_sinch_body_md5) -> u32 {
    // SAFETY: forwarded contract.
    unsafe { put(hasher, BodyMd5::new()) }
}

/// Feeds the next `data_len` bytes of the body, at `data`, to a hasher (any chunk size).
///
/// Returns CALLSIGN_OK, CALLSIGN_NULL_ARGUMENT or CALLSIGN_NOT_INITIALIZED.
///
/// # Safety
/// `hasher` must be NULL or point to a `callsign_sinch_body_md5`; `data` as
/// for inputs.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn callsign_sinch_body_md5_update(
    hasher: *mut callsign_sinch_body_md5,
    data: *const u8,
    data_len: usize,
) -> u32 {
    try_status!(disjoint(
        &[Range::bytes(data, data_len)],
        &[Range::of(hasher)]
    ));
    // SAFETY: forwarded contract.
    let data = try_status!(unsafe { bytes(data, data_len) });
    // SAFETY: forwarded contract.
    let md5 = try_status!(unsafe { get_mut::<BodyMd5>(hasher) });
    md5.update(data);
    CALLSIGN_OK
}

/// Wipes a hasher. NULL is a no-op.
///
/// # Safety
/// `hasher` must be NULL or point to a writable `callsign_sinch_body_md5`.
#[no_mangle]
pub unsafe extern "C" fn callsign_sinch_body_md5_wipe(hasher: *mut callsign_sinch_body_md5) {
    // SAFETY: forwarded contract.
    unsafe { wipe::<BodyMd5>(hasher) }
}

/// Signs a Sinch request: writes the `Authorization` value
/// (`Application KEY:SIGNATURE`, or `service KEY:SIGNATURE`) for the
/// application (or service) key `key` and its secret `secret`, the Base64
/// text Sinch issues (decoded strictly; missing padding is accepted). Send
/// it with the `x-timestamp` header holding `request->x_timestamp` and the
/// `Content-Type` of `request->content_type`.
///
/// Returns CALLSIGN_OK; CALLSIGN_BUFFER_TOO_SMALL; CALLSIGN_NULL_ARGUMENT;
/// CALLSIGN_INVALID_UTF8 (an input, or a `%XX`-decoded path);
/// CALLSIGN_INVALID_APP_KEY (`key` empty, over 128 bytes, or with `:` or a
/// byte that is not visible ASCII); CALLSIGN_INVALID_SECRET (empty, over
/// 256 characters, or not standard Base64); CALLSIGN_INVALID_REQUEST (the
/// method is not an HTTP token of 1 to 16 bytes, or the target does not
/// start with `/`, holds a control character or a bad `%` escape, or is
/// over 2048 bytes); CALLSIGN_INVALID_HEADER (the content type);
/// CALLSIGN_INVALID_TIMESTAMP; CALLSIGN_TIMESTAMP_OUT_OF_RANGE;
/// CALLSIGN_NOT_INITIALIZED (`body_md5`); CALLSIGN_INVALID_ARGUMENT (an
/// unknown scheme, or both `body_len` and `body_md5`). Output rule: see
/// the header preamble; CALLSIGN_SINCH_AUTHORIZATION_MAX_LEN sizes `out`.
///
/// ```c
/// callsign_sinch_request r = {0};
/// r.scheme = CALLSIGN_SINCH_APPLICATION;
/// r.method = (const uint8_t *)"POST"; r.method_len = 4;
/// r.target = (const uint8_t *)"/calling/v1/callouts"; r.target_len = 20;
/// r.content_type = (const uint8_t *)"application/json"; r.content_type_len = 16;
/// r.x_timestamp = (const uint8_t *)ts; r.x_timestamp_len = ts_len;
/// r.body = body; r.body_len = body_len;
/// char auth[CALLSIGN_SINCH_AUTHORIZATION_MAX_LEN];
/// size_t n;
/// rc = callsign_sinch_application_sign(key, key_len, secret, secret_len, &r,
///                                      auth, sizeof auth, &n);
/// ```
///
/// # Safety
/// As the header preamble says; every pointer in
/// `request` valid for its length.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn callsign_sinch_application_sign(
    key: *const u8,
    key_len: usize,
    secret: *const u8,
    secret_len: usize,
    request: *const callsign_sinch_request,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> u32 {
    try_status!(check_out(out, out_cap, out_len));
    let outs = text_out(out, out_cap, out_len);
    try_status!(disjoint(
        &[Range::bytes(key, key_len), Range::bytes(secret, secret_len)],
        &outs,
    ));
    // SAFETY: forwarded contract.
    try_status!(unsafe { request_disjoint(request, &outs) });
    // SAFETY: forwarded contract.
    let key = try_status!(unsafe { text(key, key_len) });
    // SAFETY: forwarded contract.
    let secret = try_status!(unsafe { bytes(secret, secret_len) });
    // SAFETY: forwarded contract.
    let request = try_status!(unsafe { self::request(request) });
    let hmac_key = try_status!(signing_key(secret).map_err(from_error));
    let authorization = try_status!(request.sign(key, &hmac_key).map_err(from_error));
    // SAFETY: forwarded contract.
    unsafe { write_out(&authorization, out, out_cap, out_len) }
}

/// Writes the string to sign of a Sinch request (METHOD, Content-MD5,
/// Content-Type, `x-timestamp:T` and the decoded path, on five lines), to
/// compare with what a server or SDK computes.
///
/// Returns as `callsign_sinch_application_sign`, without the key and secret
/// statuses. CALLSIGN_SINCH_STRING_TO_SIGN_MAX_LEN sizes `out`.
///
/// # Safety
/// As for `callsign_sinch_application_sign`.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn callsign_sinch_application_string_to_sign(
    request: *const callsign_sinch_request,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> u32 {
    try_status!(check_out(out, out_cap, out_len));
    // SAFETY: forwarded contract.
    try_status!(unsafe { request_disjoint(request, &text_out(out, out_cap, out_len)) });
    // SAFETY: forwarded contract.
    let request = try_status!(unsafe { self::request(request) });
    // SAFETY: forwarded contract.
    unsafe { write_out(&request.string_to_sign(), out, out_cap, out_len) }
}

/// Verifies a received Application-signed callback (Voice v1, Verification;
/// `scheme` CALLSIGN_SINCH_APPLICATION) or Voice API v2 webhook
/// (CALLSIGN_SINCH_SERVICE), for the configured key `key` and its Base64
/// secret. `method` and `path` are those of the received request;
/// `headers` are the received headers, of which
/// `Authorization`, `Content-Type` and `x-timestamp` are read (names in any
/// case; another header may hold anything). The body is the `body_len` bytes at `body`
/// or, when `body_md5` is not NULL, the one hashed there.
///
/// What the signature covers, by Sinch's design: the method upper-cased,
/// the percent-decoded path, the content type, `x-timestamp` and the body's
/// MD5; not the query string, the fragment, nor how the path was encoded
/// (`post /a%62?x=1` verifies as `POST /ab`). Act on the upper-cased method
/// and the decoded path only, and treat the query as unauthenticated.
///
/// Checks, in order: `Authorization` is `SCHEME KEY:SIGNATURE` for this
/// scheme; KEY equals `key` (case-sensitive); SIGNATURE is Base64 of 32
/// bytes; `x-timestamp` (and, for `service`, `Content-Type`) is present;
/// the signature matches (constant time); then `x-timestamp` within
/// `now +- max_skew` and the signature not accepted before (`replay`), as
/// CALLSIGN_VERIFY_SIGNATURE_ONLY says (it also skips both).
///
/// Returns CALLSIGN_OK (authentic); CALLSIGN_NULL_ARGUMENT;
/// CALLSIGN_INVALID_UTF8; CALLSIGN_INVALID_ARGUMENT (unknown scheme, both
/// `body_len` and `body_md5`, or `replay` with
/// CALLSIGN_VERIFY_SIGNATURE_ONLY); CALLSIGN_NOT_INITIALIZED (`body_md5`,
/// `replay`); CALLSIGN_INVALID_SECRET; CALLSIGN_DUPLICATE_HEADER (one of
/// the three headers twice); CALLSIGN_MISSING_HEADER; CALLSIGN_MALFORMED;
/// CALLSIGN_KEY_MISMATCH; CALLSIGN_INVALID_REQUEST (method or path);
/// CALLSIGN_INVALID_HEADER (`Content-Type`); CALLSIGN_INVALID_TIMESTAMP
/// (an `x-timestamp` over 64 bytes or not printable);
/// CALLSIGN_SIGNATURE_MISMATCH; CALLSIGN_TIMESTAMP_OUT_OF_RANGE;
/// CALLSIGN_TIMESTAMP_TOO_OLD; CALLSIGN_TIMESTAMP_IN_FUTURE;
/// CALLSIGN_REPLAY; CALLSIGN_REPLAY_CACHE_FULL.
///
/// # Safety
/// Inputs as the header preamble says; `headers` NULL with
/// `header_count` 0 or `header_count` valid pairs; `body_md5` NULL or a
/// `callsign_sinch_body_md5`; `replay` NULL or a `callsign_replay_cache`
/// that no other call uses meanwhile.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn callsign_sinch_callback_verify(
    scheme: u32,
    key: *const u8,
    key_len: usize,
    secret: *const u8,
    secret_len: usize,
    method: *const u8,
    method_len: usize,
    path: *const u8,
    path_len: usize,
    headers: *const callsign_pair,
    header_count: usize,
    body: *const u8,
    body_len: usize,
    body_md5: *const callsign_sinch_body_md5,
    now: u64,
    max_skew: u64,
    replay: *mut callsign_replay_cache,
) -> u32 {
    // SAFETY: forwarded contract (reads the header only).
    let replay_bytes = unsafe { replay_range(replay) };
    let outs = [replay_bytes];
    try_status!(disjoint(
        &[
            Range::bytes(key, key_len),
            Range::bytes(secret, secret_len),
            Range::bytes(method, method_len),
            Range::bytes(path, path_len),
            Range::bytes(body, body_len),
            Range::of(body_md5),
        ],
        &outs,
    ));
    // SAFETY: forwarded contract.
    try_status!(unsafe { pairs_disjoint(headers, header_count, &outs) });
    let scheme = try_status!(self::scheme(scheme));
    // SAFETY: forwarded contract.
    let key = try_status!(unsafe { text(key, key_len) });
    // SAFETY: forwarded contract.
    let secret = try_status!(unsafe { bytes(secret, secret_len) });
    // SAFETY: forwarded contract.
    let method = try_status!(unsafe { text(method, method_len) });
    // SAFETY: forwarded contract.
    let path = try_status!(unsafe { text(path, path_len) });
    // SAFETY: forwarded contract.
    let headers = try_status!(unsafe { ReceivedHeaders::new(headers, header_count) });
    // SAFETY: forwarded contract.
    let digest = try_status!(unsafe { body_digest(body, body_len, body_md5) });
    // SAFETY: forwarded contract.
    let mut checks = try_status!(unsafe { CheckArgs::new(now, max_skew, replay) });
    let hmac_key = try_status!(signing_key(secret).map_err(from_error));
    let received = CallbackHeaders {
        authorization: try_status!(headers.find("authorization")),
        content_type: try_status!(headers.find("content-type")),
        x_timestamp: try_status!(headers.find("x-timestamp")),
    };
    let verifier = CallbackVerifier::new(scheme, key, &hmac_key);
    match verifier.verify_digest(method, path, &received, &digest, checks.get()) {
        Ok(()) => CALLSIGN_OK,
        Err(e) => from_error(e),
    }
}

/// Writes the `x-sinch-webhook-signature` value of a Conversation API or
/// SMS webhook: Base64 HMAC-SHA256 under the secret's bytes (never
/// Base64-decoded) of body || `.` || nonce || `.` || timestamp. The nonce is 1
/// to 256 visible ASCII characters, the timestamp 1 to 20 digits (Unix
/// seconds), both sent in their own headers with
/// `x-sinch-webhook-signature-algorithm: HmacSHA256`.
///
/// Returns CALLSIGN_OK, CALLSIGN_BUFFER_TOO_SMALL, CALLSIGN_NULL_ARGUMENT,
/// CALLSIGN_INVALID_UTF8, CALLSIGN_INVALID_NONCE or
/// CALLSIGN_INVALID_TIMESTAMP. Output rule: see the header preamble;
/// CALLSIGN_SINCH_WEBHOOK_SIGNATURE_MAX_LEN sizes `out`.
///
/// # Safety
/// As the header preamble says.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn callsign_sinch_webhook_sign(
    secret: *const u8,
    secret_len: usize,
    body: *const u8,
    body_len: usize,
    nonce: *const u8,
    nonce_len: usize,
    timestamp: *const u8,
    timestamp_len: usize,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> u32 {
    try_status!(check_out(out, out_cap, out_len));
    try_status!(disjoint(
        &[
            Range::bytes(secret, secret_len),
            Range::bytes(body, body_len),
            Range::bytes(nonce, nonce_len),
            Range::bytes(timestamp, timestamp_len),
        ],
        &text_out(out, out_cap, out_len),
    ));
    // SAFETY: forwarded contract.
    let secret = try_status!(unsafe { bytes(secret, secret_len) });
    // SAFETY: forwarded contract.
    let body = try_status!(unsafe { bytes(body, body_len) });
    // SAFETY: forwarded contract.
    let nonce = try_status!(unsafe { text(nonce, nonce_len) });
    // SAFETY: forwarded contract.
    let timestamp = try_status!(unsafe { text(timestamp, timestamp_len) });
    // Computed in place: a moved key would leave its states behind.
    let mut key = HmacKey::zeroed();
    key.rekey(secret);
    let signature = try_status!(webhook::sign(&key, body, nonce, timestamp).map_err(from_error));
    // SAFETY: forwarded contract.
    unsafe { write_out(&signature, out, out_cap, out_len) }
}

/// Verifies a received Conversation API or SMS webhook with its secret
/// (used as bytes). `headers` are the received headers, of which
/// `x-sinch-webhook-signature`, `-nonce`, `-timestamp` and `-algorithm`
/// are read (names in any case); `body` is the raw body as received.
///
/// Checks, in order: the four headers present; the algorithm `HmacSHA256`
/// (any case); the signature Base64 of 32 bytes; the MAC matches (constant
/// time); then the timestamp (decimal Unix seconds) within
/// `now +- max_skew` and the nonce not accepted before (`replay`; see
/// CALLSIGN_VERIFY_SIGNATURE_ONLY).
///
/// Returns CALLSIGN_OK (authentic); CALLSIGN_NULL_ARGUMENT;
/// CALLSIGN_INVALID_UTF8; CALLSIGN_INVALID_ARGUMENT (`replay` with
/// CALLSIGN_VERIFY_SIGNATURE_ONLY); CALLSIGN_NOT_INITIALIZED (`replay`);
/// CALLSIGN_DUPLICATE_HEADER; CALLSIGN_MISSING_HEADER;
/// CALLSIGN_UNSUPPORTED_ALGORITHM; CALLSIGN_MALFORMED;
/// CALLSIGN_SIGNATURE_MISMATCH; CALLSIGN_TIMESTAMP_TOO_OLD;
/// CALLSIGN_TIMESTAMP_IN_FUTURE; CALLSIGN_REPLAY;
/// CALLSIGN_REPLAY_CACHE_FULL.
///
/// # Safety
/// As for `callsign_sinch_callback_verify`.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn callsign_sinch_webhook_verify(
    secret: *const u8,
    secret_len: usize,
    headers: *const callsign_pair,
    header_count: usize,
    body: *const u8,
    body_len: usize,
    now: u64,
    max_skew: u64,
    replay: *mut callsign_replay_cache,
) -> u32 {
    // SAFETY: forwarded contract (reads the header only).
    let replay_bytes = unsafe { replay_range(replay) };
    let outs = [replay_bytes];
    try_status!(disjoint(
        &[
            Range::bytes(secret, secret_len),
            Range::bytes(body, body_len)
        ],
        &outs,
    ));
    // SAFETY: forwarded contract.
    try_status!(unsafe { pairs_disjoint(headers, header_count, &outs) });
    // SAFETY: forwarded contract.
    let secret = try_status!(unsafe { bytes(secret, secret_len) });
    // SAFETY: forwarded contract.
    let headers = try_status!(unsafe { ReceivedHeaders::new(headers, header_count) });
    // SAFETY: forwarded contract.
    let body = try_status!(unsafe { bytes(body, body_len) });
    // SAFETY: forwarded contract.
    let mut checks = try_status!(unsafe { CheckArgs::new(now, max_skew, replay) });
    let received = webhook::WebhookHeaders {
        signature: try_status!(headers.find(webhook::HEADER_SIGNATURE)),
        nonce: try_status!(headers.find(webhook::HEADER_NONCE)),
        timestamp: try_status!(headers.find(webhook::HEADER_TIMESTAMP)),
        algorithm: try_status!(headers.find(webhook::HEADER_ALGORITHM)),
    };
    // Computed in place: a moved key would leave its states behind.
    let mut key = HmacKey::zeroed();
    key.rekey(secret);
    match webhook::verify(&key, &received, body, checks.get()) {
        Ok(()) => CALLSIGN_OK,
        Err(e) => from_error(e),
    }
}

/// Writes the `X-Sinch-Signature` value of a Numbers callback: lowercase
/// hex HMAC-SHA1 of the body under the callback secret's bytes (1 to 1024).
///
/// Returns CALLSIGN_OK, CALLSIGN_BUFFER_TOO_SMALL, CALLSIGN_NULL_ARGUMENT
/// or CALLSIGN_INVALID_SECRET. Output rule: see the header preamble;
/// CALLSIGN_SINCH_NUMBERS_SIGNATURE_MAX_LEN sizes `out`.
///
/// # Safety
/// As the header preamble says.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn callsign_sinch_numbers_sign(
    secret: *const u8,
    secret_len: usize,
    body: *const u8,
    body_len: usize,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> u32 {
    try_status!(check_out(out, out_cap, out_len));
    try_status!(disjoint(
        &[
            Range::bytes(secret, secret_len),
            Range::bytes(body, body_len)
        ],
        &text_out(out, out_cap, out_len),
    ));
    // SAFETY: forwarded contract.
    let secret = try_status!(unsafe { bytes(secret, secret_len) });
    // SAFETY: forwarded contract.
    let body = try_status!(unsafe { bytes(body, body_len) });
    let signature = try_status!(numbers::sign(secret, body).map_err(from_error));
    // SAFETY: forwarded contract.
    unsafe { write_out(&signature, out, out_cap, out_len) }
}

/// Verifies a received Numbers callback: the `X-Sinch-Signature` header
/// among `headers` (any case) must be the lowercase hex HMAC-SHA1 of the
/// raw body under the callback secret. There is no timestamp or nonce, so
/// no window or replay check is possible.
///
/// Returns CALLSIGN_OK (authentic), CALLSIGN_NULL_ARGUMENT,
/// CALLSIGN_INVALID_UTF8, CALLSIGN_INVALID_SECRET,
/// CALLSIGN_DUPLICATE_HEADER, CALLSIGN_MISSING_HEADER, CALLSIGN_MALFORMED
/// (not 40 lowercase hex digits) or CALLSIGN_SIGNATURE_MISMATCH.
///
/// # Safety
/// Inputs as the header preamble says; `headers` as for
/// `callsign_sinch_callback_verify`.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn callsign_sinch_numbers_verify(
    secret: *const u8,
    secret_len: usize,
    headers: *const callsign_pair,
    header_count: usize,
    body: *const u8,
    body_len: usize,
) -> u32 {
    // SAFETY: forwarded contract.
    let secret = try_status!(unsafe { bytes(secret, secret_len) });
    // SAFETY: forwarded contract.
    let headers = try_status!(unsafe { ReceivedHeaders::new(headers, header_count) });
    // SAFETY: forwarded contract.
    let body = try_status!(unsafe { bytes(body, body_len) });
    let signature = try_status!(headers.find(numbers::HEADER));
    match numbers::verify(secret, signature, body) {
        Ok(()) => CALLSIGN_OK,
        Err(e) => from_error(e),
    }
}
