//! HMAC-SHA256 and SHA-256: one-shot, text forms, precomputed keys and
//! streaming contexts in caller-owned storage.

use core::ffi::c_char;

use callsign_core::{encode, HmacKey, HmacSha256, Sha256, SHA256_LEN};

use crate::io::{bytes, check_out, disjoint, text_out, try_status, write_out, Range, Text};
use crate::state::*;
use crate::status::*;

/// Size of a raw SHA-256 digest or HMAC-SHA256 tag.
pub const CALLSIGN_SHA256_LEN: usize = 32;
/// Buffer size (NUL included) for a Base64 HMAC-SHA256 or SHA-256.
pub const CALLSIGN_DIGEST_BASE64_MAX_LEN: usize = 45;
/// Buffer size (NUL included) for a hex HMAC-SHA256 or SHA-256.
pub const CALLSIGN_DIGEST_HEX_MAX_LEN: usize = 65;

const _: () = assert!(CALLSIGN_SHA256_LEN == SHA256_LEN);

/// Writes 32 bytes to `out` (non-NULL, checked by the caller).
///
/// # Safety
/// `out` must point to 32 writable bytes.
unsafe fn put32(out: *mut u8, digest: &[u8; SHA256_LEN]) {
    // SAFETY: 32 writable bytes by contract; `digest` is a distinct Rust array.
    unsafe { core::ptr::copy_nonoverlapping(digest.as_ptr(), out, SHA256_LEN) };
}

/// Computes the inner and outer states of the HMAC key (the `key_len` bytes at `key`)
/// into `storage`. Any key length is accepted (longer than 64 bytes: hashed
/// first, as RFC 2104 says).
///
/// Returns CALLSIGN_OK, or CALLSIGN_NULL_ARGUMENT.
///
/// # Safety
/// `storage` must point to a writable `callsign_hmac_key`; `key` to
/// `key_len` readable bytes (or be NULL with `key_len` 0).
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn callsign_hmac_key_init(
    storage: *mut callsign_hmac_key,
    key: *const u8,
    key_len: usize,
) -> u32 {
    try_status!(disjoint(
        &[Range::bytes(key, key_len)],
        &[Range::of(storage)]
    ));
    // SAFETY: forwarded contract.
    let key = try_status!(unsafe { bytes(key, key_len) });
    // The states are computed in the caller's storage, not moved there: no
    // copy of them is left on the stack.
    // SAFETY: forwarded contract.
    try_status!(unsafe { put_then(storage, HmacKey::zeroed(), |k| k.rekey(key)) });
    CALLSIGN_OK
}

/// Wipes a key: its states are overwritten with zeros. NULL is a no-op.
///
/// # Safety
/// `storage` must be NULL or point to a writable `callsign_hmac_key`.
#[no_mangle]
pub unsafe extern "C" fn callsign_hmac_key_wipe(storage: *mut callsign_hmac_key) {
    // SAFETY: forwarded contract.
    unsafe { wipe::<HmacKey>(storage) }
}

/// HMAC-SHA256 of `msg` under `key`, as 32 raw bytes into `out`.
///
/// Returns CALLSIGN_OK or CALLSIGN_NULL_ARGUMENT.
///
/// # Safety
/// Inputs as the header preamble says; `out` must point to 32
/// writable bytes.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn callsign_hmac_sha256(
    key: *const u8,
    key_len: usize,
    msg: *const u8,
    msg_len: usize,
    out: *mut u8,
) -> u32 {
    try_status!(disjoint(
        &[Range::bytes(key, key_len), Range::bytes(msg, msg_len)],
        &[Range::bytes(out, SHA256_LEN)],
    ));
    // SAFETY: forwarded contract.
    let key = try_status!(unsafe { bytes(key, key_len) });
    // SAFETY: forwarded contract.
    let msg = try_status!(unsafe { bytes(msg, msg_len) });
    if out.is_null() {
        return CALLSIGN_NULL_ARGUMENT;
    }
    let mut hk = HmacKey::zeroed();
    hk.rekey(key);
    let tag = hk.mac(msg);
    // SAFETY: out is non-NULL and points to 32 writable bytes by contract.
    unsafe { put32(out, &tag) };
    CALLSIGN_OK
}

/// Which text form a digest is written in.
#[derive(Clone, Copy)]
enum Form {
    Base64,
    Hex,
}

/// # Safety
/// Output pointers as documented in the header preamble.
unsafe fn write_digest(
    digest: &[u8; SHA256_LEN],
    form: Form,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> u32 {
    let mut text = [0u8; 64];
    let mut o = callsign_core::Out::new(&mut text);
    match form {
        Form::Base64 => encode::base64(digest, &mut o),
        Form::Hex => encode::hex(digest, &mut o),
    }
    let n = o.written();
    let value = Text(text.get(..n).unwrap_or(&[]));
    // SAFETY: forwarded contract.
    unsafe { write_out(&value, out, out_cap, out_len) }
}

/// HMAC-SHA256 of `msg` under `key` in the text form `form`: the body of
/// `callsign_hmac_sha256_base64` and `callsign_hmac_sha256_hex` (the output
/// pointers are checked first, then the inputs).
///
/// # Safety
/// As the header preamble says.
#[allow(clippy::too_many_arguments)]
unsafe fn hmac_text(
    key: *const u8,
    key_len: usize,
    msg: *const u8,
    msg_len: usize,
    form: Form,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> u32 {
    try_status!(check_out(out, out_cap, out_len));
    try_status!(disjoint(
        &[Range::bytes(key, key_len), Range::bytes(msg, msg_len)],
        &text_out(out, out_cap, out_len),
    ));
    // SAFETY: forwarded contract.
    let key = try_status!(unsafe { bytes(key, key_len) });
    // SAFETY: forwarded contract.
    let msg = try_status!(unsafe { bytes(msg, msg_len) });
    let mut hk = HmacKey::zeroed();
    hk.rekey(key);
    let tag = hk.mac(msg);
    // SAFETY: forwarded contract.
    unsafe { write_digest(&tag, form, out, out_cap, out_len) }
}

/// HMAC-SHA256 of `msg` under `key`, as padded Base64 text (44 characters).
/// Output rule: see the header preamble; CALLSIGN_DIGEST_BASE64_MAX_LEN
/// sizes the buffer.
///
/// # Safety
/// As the header preamble says.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn callsign_hmac_sha256_base64(
    key: *const u8,
    key_len: usize,
    msg: *const u8,
    msg_len: usize,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> u32 {
    // SAFETY: forwarded contract.
    unsafe {
        hmac_text(
            key,
            key_len,
            msg,
            msg_len,
            Form::Base64,
            out,
            out_cap,
            out_len,
        )
    }
}

/// HMAC-SHA256 of `msg` under `key`, as lowercase hex (64 characters).
/// Output rule: see the header preamble; CALLSIGN_DIGEST_HEX_MAX_LEN sizes
/// the buffer.
///
/// # Safety
/// As the header preamble says.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn callsign_hmac_sha256_hex(
    key: *const u8,
    key_len: usize,
    msg: *const u8,
    msg_len: usize,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> u32 {
    // SAFETY: forwarded contract.
    unsafe { hmac_text(key, key_len, msg, msg_len, Form::Hex, out, out_cap, out_len) }
}

/// Starts a streaming HMAC-SHA256 under the `key_len` key bytes at `key`.
///
/// Returns CALLSIGN_OK or CALLSIGN_NULL_ARGUMENT.
///
/// # Safety
/// `ctx` must point to a writable `callsign_hmac_sha256_ctx`; `key` as for inputs.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn callsign_hmac_sha256_init(
    ctx: *mut callsign_hmac_sha256_ctx,
    key: *const u8,
    key_len: usize,
) -> u32 {
    try_status!(disjoint(&[Range::bytes(key, key_len)], &[Range::of(ctx)]));
    // SAFETY: forwarded contract.
    let secret = try_status!(unsafe { bytes(key, key_len) });
    // Computed in place: a moved key would leave its states behind.
    let mut key = HmacKey::zeroed();
    key.rekey(secret);
    // SAFETY: forwarded contract.
    try_status!(unsafe { put_then(ctx, HmacKey::zeroed().start(), |m| m.restart(&key)) });
    CALLSIGN_OK
}

/// Starts a streaming HMAC-SHA256 under a precomputed key (no key hashing:
/// the key's states are copied).
///
/// Returns CALLSIGN_OK, CALLSIGN_NULL_ARGUMENT or CALLSIGN_NOT_INITIALIZED.
///
/// # Safety
/// `ctx` must point to a writable `callsign_hmac_sha256_ctx`, `key` to an
/// initialised `callsign_hmac_key`.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn callsign_hmac_sha256_init_with_key(
    ctx: *mut callsign_hmac_sha256_ctx,
    key: *const callsign_hmac_key,
) -> u32 {
    try_status!(disjoint(&[Range::of(key)], &[Range::of(ctx)]));
    // SAFETY: forwarded contract.
    let key = try_status!(unsafe { get::<HmacKey>(key) });
    // SAFETY: forwarded contract.
    try_status!(unsafe { put_then(ctx, HmacKey::zeroed().start(), |m| m.restart(key)) });
    CALLSIGN_OK
}

/// Feeds the `data_len` bytes at `data` to a streaming HMAC-SHA256.
///
/// Returns CALLSIGN_OK, CALLSIGN_NULL_ARGUMENT or CALLSIGN_NOT_INITIALIZED.
///
/// # Safety
/// `ctx` must point to an initialised context; `data` as for inputs.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn callsign_hmac_sha256_update(
    ctx: *mut callsign_hmac_sha256_ctx,
    data: *const u8,
    data_len: usize,
) -> u32 {
    try_status!(disjoint(&[Range::bytes(data, data_len)], &[Range::of(ctx)]));
    // SAFETY: forwarded contract.
    let data = try_status!(unsafe { bytes(data, data_len) });
    // SAFETY: forwarded contract.
    let mac = try_status!(unsafe { get_mut::<HmacSha256>(ctx) });
    mac.update(data);
    CALLSIGN_OK
}

/// Finishes a streaming HMAC-SHA256: writes the 32-byte tag to `out` and
/// wipes the context (initialise it again to reuse it).
///
/// Returns CALLSIGN_OK, CALLSIGN_NULL_ARGUMENT (the context is then left
/// as it was) or CALLSIGN_NOT_INITIALIZED.
///
/// # Safety
/// `ctx` must point to an initialised context, `out` to 32 writable bytes.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn callsign_hmac_sha256_final(
    ctx: *mut callsign_hmac_sha256_ctx,
    out: *mut u8,
) -> u32 {
    if out.is_null() {
        return CALLSIGN_NULL_ARGUMENT;
    }
    try_status!(disjoint(
        &[],
        &[Range::of(ctx), Range::bytes(out, SHA256_LEN)]
    ));
    // Finished where it lives, not moved out (a moved copy of the states
    // would stay on the stack; tests/c/test_scrub.c looks for them).
    // SAFETY: forwarded contract.
    let mac = try_status!(unsafe { get_mut::<HmacSha256>(ctx) });
    // SAFETY: out is non-NULL, 32 writable bytes by contract, disjoint from
    // the context (checked above); [u8; 32] has alignment 1.
    let tag = unsafe { &mut *out.cast::<[u8; SHA256_LEN]>() };
    mac.finalize_in_place(tag);
    // SAFETY: writable by contract; the states are already wiped.
    unsafe { wipe::<HmacSha256>(ctx) };
    CALLSIGN_OK
}

/// Wipes a streaming HMAC-SHA256 context. NULL is a no-op.
///
/// # Safety
/// `ctx` must be NULL or point to a writable context.
#[no_mangle]
pub unsafe extern "C" fn callsign_hmac_sha256_wipe(ctx: *mut callsign_hmac_sha256_ctx) {
    // SAFETY: forwarded contract.
    unsafe { wipe::<HmacSha256>(ctx) }
}

/// SHA-256 of the `data_len` bytes at `data` in one call, 32 raw bytes into `out`.
///
/// Returns CALLSIGN_OK or CALLSIGN_NULL_ARGUMENT.
///
/// # Safety
/// `data` as for inputs; `out` must point to 32 writable bytes.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn callsign_sha256(data: *const u8, data_len: usize, out: *mut u8) -> u32 {
    try_status!(disjoint(
        &[Range::bytes(data, data_len)],
        &[Range::bytes(out, SHA256_LEN)],
    ));
    // SAFETY: forwarded contract.
    let data = try_status!(unsafe { bytes(data, data_len) });
    if out.is_null() {
        return CALLSIGN_NULL_ARGUMENT;
    }
    // SAFETY: out is non-NULL, 32 writable bytes by contract.
    unsafe { put32(out, &callsign_core::sha256(data)) };
    CALLSIGN_OK
}

/// Starts a streaming SHA-256.
///
/// Returns CALLSIGN_OK or CALLSIGN_NULL_ARGUMENT.
///
/// # Safety
/// `ctx` must point to a writable `callsign_sha256_ctx`.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn callsign_sha256_init(ctx: *mut callsign_sha256_ctx) -> u32 {
    // SAFETY: forwarded contract.
    unsafe { put(ctx, Sha256::new()) }
}

/// Feeds the `data_len` bytes at `data` to a streaming SHA-256.
///
/// Returns CALLSIGN_OK, CALLSIGN_NULL_ARGUMENT or CALLSIGN_NOT_INITIALIZED.
///
/// # Safety
/// `ctx` must point to an initialised context; `data` as for inputs.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn callsign_sha256_update(
    ctx: *mut callsign_sha256_ctx,
    data: *const u8,
    data_len: usize,
) -> u32 {
    try_status!(disjoint(&[Range::bytes(data, data_len)], &[Range::of(ctx)]));
    // SAFETY: forwarded contract.
    let data = try_status!(unsafe { bytes(data, data_len) });
    // SAFETY: forwarded contract.
    let h = try_status!(unsafe { get_mut::<Sha256>(ctx) });
    h.update(data);
    CALLSIGN_OK
}

/// Finishes a streaming SHA-256: writes the 32-byte digest to `out` and
/// wipes the context.
///
/// Returns CALLSIGN_OK, CALLSIGN_NULL_ARGUMENT (the context is then left
/// as it was) or CALLSIGN_NOT_INITIALIZED.
///
/// # Safety
/// `ctx` must point to an initialised context, `out` to 32 writable bytes.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn callsign_sha256_final(ctx: *mut callsign_sha256_ctx, out: *mut u8) -> u32 {
    if out.is_null() {
        return CALLSIGN_NULL_ARGUMENT;
    }
    try_status!(disjoint(
        &[],
        &[Range::of(ctx), Range::bytes(out, SHA256_LEN)]
    ));
    // SAFETY: forwarded contract.
    let h = try_status!(unsafe { take::<Sha256>(ctx) });
    // SAFETY: out is non-NULL, 32 writable bytes by contract.
    unsafe { put32(out, &h.finalize()) };
    CALLSIGN_OK
}

/// Wipes a streaming SHA-256 context. NULL is a no-op.
///
/// # Safety
/// `ctx` must be NULL or point to a writable context.
#[no_mangle]
pub unsafe extern "C" fn callsign_sha256_wipe(ctx: *mut callsign_sha256_ctx) {
    // SAFETY: forwarded contract.
    unsafe { wipe::<Sha256>(ctx) }
}
