//! Mailgun webhook signatures: lowercase hex HMAC-SHA256 of timestamp ||
//! token under the webhook signing key. (Mailgun's Basic `Authorization`
//! is in basic.rs.)

use core::ffi::c_char;

use callsign_core::{mailgun, HmacKey};

use crate::io::{bytes, check_out, disjoint, text, text_out, try_status, write_out, Range};
use crate::state::{callsign_replay_cache, replay_range};
use crate::status::*;
use crate::verify::CheckArgs;

/// Buffer size (NUL included) for a Mailgun webhook signature (64
/// lowercase hex characters).
pub const CALLSIGN_MAILGUN_WEBHOOK_SIGNATURE_MAX_LEN: usize = 65;
/// Mailgun's SDK window for webhook timestamps: 900 seconds either way.
pub const CALLSIGN_MAILGUN_DEFAULT_MAX_AGE_SECS: u64 = 900;

const _: () = assert!(CALLSIGN_MAILGUN_WEBHOOK_SIGNATURE_MAX_LEN == mailgun::SIGNATURE_LEN + 1);
const _: () = assert!(CALLSIGN_MAILGUN_DEFAULT_MAX_AGE_SECS == mailgun::DEFAULT_MAX_AGE_SECS);

/// Writes the `signature` of a Mailgun webhook: lowercase hex
/// HMAC-SHA256 of `timestamp` (1 to 20 digits, Unix seconds) || `token` (1
/// to 256 visible ASCII characters) under the signing key's bytes.
///
/// Returns CALLSIGN_OK, CALLSIGN_BUFFER_TOO_SMALL, CALLSIGN_NULL_ARGUMENT,
/// CALLSIGN_INVALID_UTF8, CALLSIGN_INVALID_TIMESTAMP or
/// CALLSIGN_INVALID_NONCE (the token). Output rule: see the header
/// preamble; CALLSIGN_MAILGUN_WEBHOOK_SIGNATURE_MAX_LEN sizes `out`.
///
/// # Safety
/// As the header preamble says.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn callsign_mailgun_webhook_sign(
    signing_key: *const u8,
    signing_key_len: usize,
    timestamp: *const u8,
    timestamp_len: usize,
    token: *const u8,
    token_len: usize,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> u32 {
    try_status!(check_out(out, out_cap, out_len));
    try_status!(disjoint(
        &[
            Range::bytes(signing_key, signing_key_len),
            Range::bytes(timestamp, timestamp_len),
            Range::bytes(token, token_len)
        ],
        &text_out(out, out_cap, out_len),
    ));
    // SAFETY: forwarded contract.
    let signing_key = try_status!(unsafe { bytes(signing_key, signing_key_len) });
    // SAFETY: forwarded contract.
    let timestamp = try_status!(unsafe { text(timestamp, timestamp_len) });
    // SAFETY: forwarded contract.
    let token = try_status!(unsafe { text(token, token_len) });
    // Computed in place: a moved key would leave its states behind.
    let mut key = HmacKey::zeroed();
    key.rekey(signing_key);
    let signature = try_status!(mailgun::sign(&key, timestamp, token).map_err(from_error));
    // SAFETY: forwarded contract.
    unsafe { write_out(&signature, out, out_cap, out_len) }
}

/// Verifies the `signature` object of a received Mailgun webhook
/// (`timestamp`, `token` and `signature`, as text) with the webhook
/// signing key.
///
/// Checks, in order: `timestamp` is decimal Unix seconds (checked even
/// with CALLSIGN_VERIFY_SIGNATURE_ONLY, as the SDK does); `signature` is 64
/// lowercase hex digits; the MAC matches (constant time); then the
/// timestamp within `now +- max_skew` (Mailgun's SDK uses
/// CALLSIGN_MAILGUN_DEFAULT_MAX_AGE_SECS; its `max_age_seconds = 0` is
/// CALLSIGN_VERIFY_SIGNATURE_ONLY) and the token not accepted before
/// (`replay`), as Mailgun's docs advise (`now`, `max_skew`, `replay`: see
/// CALLSIGN_VERIFY_SIGNATURE_ONLY).
///
/// Returns CALLSIGN_OK (authentic); CALLSIGN_NULL_ARGUMENT;
/// CALLSIGN_INVALID_UTF8; CALLSIGN_INVALID_ARGUMENT (`replay` with
/// CALLSIGN_VERIFY_SIGNATURE_ONLY); CALLSIGN_NOT_INITIALIZED (`replay`);
/// CALLSIGN_MALFORMED (timestamp or signature);
/// CALLSIGN_SIGNATURE_MISMATCH; CALLSIGN_TIMESTAMP_TOO_OLD;
/// CALLSIGN_TIMESTAMP_IN_FUTURE; CALLSIGN_REPLAY;
/// CALLSIGN_REPLAY_CACHE_FULL.
///
/// # Safety
/// Inputs as the header preamble says; `replay` NULL or a
/// `callsign_replay_cache` that no other call uses meanwhile.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn callsign_mailgun_webhook_verify(
    signing_key: *const u8,
    signing_key_len: usize,
    timestamp: *const u8,
    timestamp_len: usize,
    token: *const u8,
    token_len: usize,
    signature: *const u8,
    signature_len: usize,
    now: u64,
    max_skew: u64,
    replay: *mut callsign_replay_cache,
) -> u32 {
    // SAFETY: forwarded contract (reads the header only).
    let replay_bytes = unsafe { replay_range(replay) };
    try_status!(disjoint(
        &[
            Range::bytes(signing_key, signing_key_len),
            Range::bytes(timestamp, timestamp_len),
            Range::bytes(token, token_len),
            Range::bytes(signature, signature_len),
        ],
        &[replay_bytes],
    ));
    // SAFETY: forwarded contract.
    let signing_key = try_status!(unsafe { bytes(signing_key, signing_key_len) });
    // SAFETY: forwarded contract.
    let timestamp = try_status!(unsafe { text(timestamp, timestamp_len) });
    // SAFETY: forwarded contract.
    let token = try_status!(unsafe { text(token, token_len) });
    // SAFETY: forwarded contract.
    let signature = try_status!(unsafe { text(signature, signature_len) });
    // SAFETY: forwarded contract.
    let mut checks = try_status!(unsafe { CheckArgs::new(now, max_skew, replay) });
    // Computed in place: a moved key would leave its states behind.
    let mut key = HmacKey::zeroed();
    key.rekey(signing_key);
    match mailgun::verify(&key, timestamp, token, signature, checks.get()) {
        Ok(()) => CALLSIGN_OK,
        Err(e) => from_error(e),
    }
}
