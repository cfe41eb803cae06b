//! Huawei API Gateway signing (SDK-HMAC-SHA256, SDK-HMAC-SM3,
//! V11-HMAC-SHA256): a request description of pointer+length strings and
//! name/value pair arrays, a streaming body hasher in caller-owned storage,
//! and one call that writes the `Authorization` value and, on request, the
//! headers the signer adds, the request target, the canonical request and
//! the string to sign.

use core::ffi::c_char;

use callsign_core::huawei::apig::{
    self, Algorithm, Body, BodyHasher, Request, Signer, Variant, DEFAULT_MAX_HEADERS,
    DEFAULT_MAX_QUERY,
};
use callsign_core::{Emit, Sink, Timestamp};

use crate::io::{bytes, check_out, disjoint, text, try_status, Range};
use crate::state::{callsign_apig_body_hasher, get_mut, put, take, wipe};
use crate::status::*;

/// Algorithm: `SDK-HMAC-SHA256` (API Gateway app authentication, AK/SK).
pub const CALLSIGN_APIG_SDK_HMAC_SHA256: u32 = 0;
/// Algorithm: `SDK-HMAC-SM3`.
pub const CALLSIGN_APIG_SDK_HMAC_SM3: u32 = 1;
/// Algorithm: `V11-HMAC-SHA256` (derived AK/SK; needs region and service).
pub const CALLSIGN_APIG_V11_HMAC_SHA256: u32 = 2;

/// Variant: the rules of `huaweicloudsdkcore` (normative).
pub const CALLSIGN_APIG_VARIANT_CORE: u32 = 0;
/// Variant: the rules of Huawei's APIG Python signer (signs `_` headers, no
/// automatic UNSIGNED-PAYLOAD, lower-case `host`, accepts an empty secret).
pub const CALLSIGN_APIG_VARIANT_APIG: u32 = 1;

/// Body: the `body_len` bytes at `body` are the whole body (may be empty).
pub const CALLSIGN_APIG_BODY_BYTES: u32 = 0;
/// Body: `body` points to the 32-byte SHA-256 of the body, from
/// `callsign_apig_body_hasher_final` or your own hasher.
pub const CALLSIGN_APIG_BODY_SHA256: u32 = 1;
/// Body: `body` points to the 32-byte SM3 of the body (SDK-HMAC-SM3).
pub const CALLSIGN_APIG_BODY_SM3: u32 = 2;
/// Body: a non-empty body that is not hashed; the signer adds
/// `X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD` (`X-Sdk-Content-Sm3` with
/// SDK-HMAC-SM3) unless the headers have it.
pub const CALLSIGN_APIG_BODY_UNSIGNED: u32 = 3;

/// Buffer size (NUL included) for any `Authorization` value with up to 32
/// signed headers.
pub const CALLSIGN_APIG_AUTHORIZATION_MAX_LEN: usize = 2466;

const _: () = assert!(CALLSIGN_APIG_AUTHORIZATION_MAX_LEN == apig::AUTHORIZATION_MAX_LEN + 1);

/// A name and a value, each UTF-8 text as pointer and length.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct callsign_pair {
    /// The name.
    pub name: *const u8,
    /// Bytes in `name`.
    pub name_len: usize,
    /// The value.
    pub value: *const u8,
    /// Bytes in `value`.
    pub value_len: usize,
}

/// The credentials and algorithm of an API Gateway signature.
#[repr(C)]
pub struct callsign_apig_credentials {
    /// The access key (AK) or Application Key.
    pub app_key: *const u8,
    /// Bytes in `app_key`.
    pub app_key_len: usize,
    /// The secret key (SK) or Application Secret, as bytes.
    pub secret: *const u8,
    /// Bytes in `secret`.
    pub secret_len: usize,
    /// One of the CALLSIGN_APIG_* algorithm constants.
    pub algorithm: u32,
    /// V11 only: the region, e.g. `cn-north-4` (otherwise NULL, 0).
    pub region: *const u8,
    /// Bytes in `region`.
    pub region_len: usize,
    /// V11 only: the service name (otherwise NULL, 0).
    pub service: *const u8,
    /// Bytes in `service`.
    pub service_len: usize,
    /// CALLSIGN_APIG_VARIANT_CORE or CALLSIGN_APIG_VARIANT_APIG.
    pub variant: u32,
}

/// An HTTP request to sign. Text is UTF-8; the query is the list of
/// decoded (name, value) pairs, in any order; headers are (name, value)
/// pairs as they will be sent.
#[repr(C)]
pub struct callsign_apig_request {
    /// The method, e.g. `POST`.
    pub method: *const u8,
    /// Bytes in `method`.
    pub method_len: usize,
    /// The host, with `:port` when the endpoint has one.
    pub host: *const u8,
    /// Bytes in `host`.
    pub host_len: usize,
    /// The path as sent on the wire (may hold `%XX`), starting with `/`.
    pub path: *const u8,
    /// Bytes in `path`.
    pub path_len: usize,
    /// Decoded query pairs (NULL with `query_count` 0 for none).
    pub query: *const callsign_pair,
    /// Number of query pairs (at most 64).
    pub query_count: usize,
    /// Headers (NULL with `header_count` 0 for none).
    pub headers: *const callsign_pair,
    /// Number of headers.
    pub header_count: usize,
    /// One of the CALLSIGN_APIG_BODY_* constants.
    pub body_kind: u32,
    /// The body bytes, or the 32-byte digest (see `body_kind`).
    pub body: *const u8,
    /// Bytes in `body` (32 for a digest, ignored for UNSIGNED).
    pub body_len: usize,
    /// `X-Sdk-Date` as Unix seconds, used when the headers have no
    /// `X-Sdk-Date`. It must lie in the years 1970 to 9999 even when unused.
    pub date_unix: u64,
}

/// A text output: the `cap` bytes at `buf` receive NUL-terminated text and `len` is
/// set under the output rule (length without NUL on success, size needed
/// with NUL on CALLSIGN_BUFFER_TOO_SMALL). `buf` NULL with `cap` 0 means
/// "not wanted"; `buf` NULL with a non-zero `cap` is CALLSIGN_NULL_ARGUMENT.
#[repr(C)]
pub struct callsign_text {
    /// Where the text goes, or NULL.
    pub buf: *mut c_char,
    /// Bytes available at `buf`.
    pub cap: usize,
    /// Set by the call: see above.
    pub len: usize,
}

/// Optional outputs of `callsign_huawei_apig_sign`. Leave a member's `buf`
/// NULL and `cap` 0 to skip it.
#[repr(C)]
pub struct callsign_apig_outputs {
    /// The headers the signer added, one `Name: value` line each, each
    /// ending with a line feed, in this order: `X-Sdk-Date`, `Host` (`host` with
    /// the APIG variant), and `X-Sdk-Content-Sha256` (`X-Sdk-Content-Sm3`
    /// with SDK-HMAC-SM3) — each only when the signer added it.
    pub headers_added: callsign_text,
    /// The request target to send: `path?canonical_query`.
    pub request_target: callsign_text,
    /// The canonical request (for debugging a signature mismatch).
    pub canonical_request: callsign_text,
    /// The string to sign.
    pub string_to_sign: callsign_text,
}

/// CALLSIGN_OVERLAPPING_BUFFERS when the pair array, or a name or value it
/// points to, overlaps an output. NULL, or an array too large for memory, is
/// left to the checks that follow (no range is formed for it).
///
/// # Safety
/// `pairs` must be NULL or point to `count` readable pairs.
pub(crate) unsafe fn pairs_disjoint(
    pairs: *const callsign_pair,
    count: usize,
    outputs: &[Range],
) -> Result<(), u32> {
    if pairs.is_null() || count > isize::MAX as usize / core::mem::size_of::<callsign_pair>() {
        return Ok(());
    }
    disjoint(&[Range::array(pairs, count)], outputs)?;
    // SAFETY: non-NULL, `count` readable pairs by contract (size checked
    // above), and no output overlaps them.
    let list = unsafe { core::slice::from_raw_parts(pairs, count) };
    for p in list {
        disjoint(
            &[
                Range::bytes(p.name, p.name_len),
                Range::bytes(p.value, p.value_len),
            ],
            outputs,
        )?;
    }
    Ok(())
}

/// The range of a text output (none when not wanted).
fn text_range(t: Option<&callsign_text>) -> Range {
    match t {
        Some(t) => Range::bytes(t.buf, t.cap),
        None => Range::bytes(core::ptr::null::<u8>(), 0),
    }
}

/// The headers added as `Name: value\n` lines.
struct AddedLines<'s>(apig::HeadersAdded<'s>);

impl Emit for AddedLines<'_> {
    fn len(&self) -> usize {
        self.0.iter().fold(0usize, |n, (name, value)| {
            n.saturating_add(name.len())
                .saturating_add(value.len())
                .saturating_add(3)
        })
    }
    fn emit<S: Sink + ?Sized>(&self, sink: &mut S) {
        for (name, value) in &self.0 {
            sink.write(name.as_bytes());
            sink.write(b": ");
            sink.write(value.as_bytes());
            sink.write(b"\n");
        }
    }
}

/// Fills `out` with the pairs as text, in place (the vectors are large:
/// returning them by value would copy them through the stack).
///
/// # Safety
/// `pairs` must be NULL with `count` 0, or point to `count` pairs whose
/// pointers are valid for their lengths.
unsafe fn pairs<'a, const N: usize>(
    pairs: *const callsign_pair,
    count: usize,
    out: &mut heapless::Vec<(&'a str, &'a str), N>,
) -> Result<(), u32> {
    if count == 0 {
        return Ok(());
    }
    if pairs.is_null() {
        return Err(CALLSIGN_NULL_ARGUMENT);
    }
    if count > N {
        return Err(CALLSIGN_TOO_MANY_ITEMS);
    }
    // SAFETY: non-NULL, `count` pairs by contract.
    let list = unsafe { core::slice::from_raw_parts(pairs, count) };
    for p in list {
        // SAFETY: each pointer valid for its length by contract.
        let name = unsafe { text(p.name, p.name_len) }?;
        // SAFETY: as above.
        let value = unsafe { text(p.value, p.value_len) }?;
        out.push((name, value))
            .map_err(|_| CALLSIGN_TOO_MANY_ITEMS)?;
    }
    Ok(())
}

/// # Safety
/// `body` valid for `body_len` bytes (or NULL with 0) by contract.
unsafe fn body<'a>(kind: u32, body: *const u8, body_len: usize) -> Result<Body<'a>, u32> {
    let digest = |b: &[u8]| <[u8; 32]>::try_from(b).map_err(|_| CALLSIGN_INVALID_ARGUMENT);
    match kind {
        // SAFETY: forwarded contract.
        CALLSIGN_APIG_BODY_BYTES => Ok(Body::Bytes(unsafe { bytes(body, body_len) }?)),
        // SAFETY: forwarded contract.
        CALLSIGN_APIG_BODY_SHA256 => Ok(Body::Sha256(digest(unsafe { bytes(body, body_len) }?)?)),
        // SAFETY: forwarded contract.
        CALLSIGN_APIG_BODY_SM3 => Ok(Body::Sm3(digest(unsafe { bytes(body, body_len) }?)?)),
        CALLSIGN_APIG_BODY_UNSIGNED => Ok(Body::Unsigned),
        _ => Err(CALLSIGN_INVALID_ARGUMENT),
    }
}

/// # Safety
/// `region`/`service` valid for their lengths by contract.
unsafe fn algorithm<'a>(c: &callsign_apig_credentials) -> Result<Algorithm<'a>, u32> {
    match c.algorithm {
        CALLSIGN_APIG_SDK_HMAC_SHA256 => Ok(Algorithm::SdkHmacSha256),
        CALLSIGN_APIG_SDK_HMAC_SM3 => Ok(Algorithm::SdkHmacSm3),
        CALLSIGN_APIG_V11_HMAC_SHA256 => Ok(Algorithm::V11HmacSha256 {
            // SAFETY: forwarded contract.
            region: unsafe { text(c.region, c.region_len) }?,
            // SAFETY: forwarded contract.
            service: unsafe { text(c.service, c.service_len) }?,
        }),
        _ => Err(CALLSIGN_INVALID_ARGUMENT),
    }
}

fn variant(v: u32) -> Result<Variant, u32> {
    match v {
        CALLSIGN_APIG_VARIANT_CORE => Ok(Variant::Core),
        CALLSIGN_APIG_VARIANT_APIG => Ok(Variant::ApigPython),
        _ => Err(CALLSIGN_INVALID_ARGUMENT),
    }
}

/// Checks one text output: `Ok(true)` when wanted and large enough,
/// `Ok(false)` when not wanted, `Err(needed)` when too small.
fn fits(t: &callsign_text, len: usize, optional: bool) -> Result<bool, usize> {
    if optional && t.buf.is_null() && t.cap == 0 {
        return Ok(false);
    }
    let needed = len.saturating_add(1);
    if t.buf.is_null() || t.cap < needed {
        Err(needed)
    } else {
        Ok(true)
    }
}

/// Writes `value` and a NUL into `t`, which `fits` accepted.
///
/// # Safety
/// `t.buf` points to `t.cap` writable bytes.
unsafe fn put_text<E: Emit>(value: &E, t: &mut callsign_text) -> u32 {
    let len = value.len();
    // SAFETY: checked by `fits`: non-NULL with cap >= len + 1.
    let buf = unsafe { core::slice::from_raw_parts_mut(t.buf.cast::<u8>(), len.saturating_add(1)) };
    let Some((nul, body)) = buf.split_last_mut() else {
        return CALLSIGN_BUFFER_TOO_SMALL;
    };
    match value.write(body) {
        Ok(n) => {
            *nul = 0;
            t.len = n;
            CALLSIGN_OK
        }
        Err(e) => from_error(e),
    }
}

/// Signs an API Gateway request: writes the `Authorization` value into
/// `out` and, when `outputs` is not NULL, every output it asks for.
///
/// Returns CALLSIGN_OK; CALLSIGN_BUFFER_TOO_SMALL (`*out_len` and every
/// too-small output's `len` give the size needed, NUL included; nothing is
/// written anywhere); CALLSIGN_NULL_ARGUMENT; CALLSIGN_INVALID_UTF8;
/// CALLSIGN_INVALID_APP_KEY; CALLSIGN_INVALID_SECRET (empty with the core
/// variant, or over 1024 bytes); CALLSIGN_INVALID_REQUEST;
/// CALLSIGN_INVALID_HEADER; CALLSIGN_DUPLICATE_HEADER;
/// CALLSIGN_TOO_MANY_ITEMS; CALLSIGN_INVALID_TIMESTAMP (an `X-Sdk-Date`
/// header not in `YYYYMMDDTHHMMSSZ` form); CALLSIGN_TIMESTAMP_OUT_OF_RANGE;
/// CALLSIGN_BODY_DIGEST_MISMATCH; CALLSIGN_INVALID_ARGUMENT (an unknown
/// constant, or a digest body whose length is not 32).
/// CALLSIGN_APIG_AUTHORIZATION_MAX_LEN sizes `out`.
///
/// # Safety
/// Every pointer in `credentials`, `request` and `outputs` must be valid for
/// its stated length (NULL with length 0 allowed for inputs).
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn callsign_huawei_apig_sign(
    credentials: *const callsign_apig_credentials,
    request: *const callsign_apig_request,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
    outputs: *mut callsign_apig_outputs,
) -> u32 {
    try_status!(check_out(out, out_cap, out_len));
    if credentials.is_null() || request.is_null() {
        return CALLSIGN_NULL_ARGUMENT;
    }
    // Copies of the argument structs: no reference to the caller's memory
    // is formed before the overlap check below.
    // SAFETY: `outputs` is NULL or valid by contract.
    let wanted = (!outputs.is_null()).then(|| unsafe { outputs.read() });
    if let Some(o) = &wanted {
        let texts = [
            &o.headers_added,
            &o.request_target,
            &o.canonical_request,
            &o.string_to_sign,
        ];
        if texts.iter().any(|t| t.buf.is_null() && t.cap != 0) {
            return CALLSIGN_NULL_ARGUMENT;
        }
    }
    // SAFETY: non-NULL, valid by contract.
    let (c, r) = unsafe { (credentials.read(), request.read()) };
    let o = wanted.as_ref();
    let outs = [
        Range::bytes(out, out_cap),
        Range::of(out_len),
        Range::of(outputs),
        text_range(o.map(|o| &o.headers_added)),
        text_range(o.map(|o| &o.request_target)),
        text_range(o.map(|o| &o.canonical_request)),
        text_range(o.map(|o| &o.string_to_sign)),
    ];
    let (region, service) = if c.algorithm == CALLSIGN_APIG_V11_HMAC_SHA256 {
        (
            Range::bytes(c.region, c.region_len),
            Range::bytes(c.service, c.service_len),
        )
    } else {
        (Range::bytes(c.region, 0), Range::bytes(c.service, 0))
    };
    let body_len = if r.body_kind == CALLSIGN_APIG_BODY_UNSIGNED {
        0
    } else {
        r.body_len
    };
    try_status!(disjoint(
        &[
            Range::of(credentials),
            Range::bytes(c.app_key, c.app_key_len),
            Range::bytes(c.secret, c.secret_len),
            region,
            service,
            Range::of(request),
            Range::bytes(r.method, r.method_len),
            Range::bytes(r.host, r.host_len),
            Range::bytes(r.path, r.path_len),
            Range::bytes(r.body, body_len),
        ],
        &outs,
    ));
    // SAFETY: forwarded contract.
    try_status!(unsafe { pairs_disjoint(r.query, r.query_count, &outs) });
    // SAFETY: forwarded contract.
    try_status!(unsafe { pairs_disjoint(r.headers, r.header_count, &outs) });
    // SAFETY: forwarded contract.
    let app_key = try_status!(unsafe { text(c.app_key, c.app_key_len) });
    // SAFETY: forwarded contract.
    let secret = try_status!(unsafe { bytes(c.secret, c.secret_len) });
    // SAFETY: forwarded contract.
    let algorithm = try_status!(unsafe { algorithm(&c) });
    let variant = try_status!(variant(c.variant));
    // SAFETY: forwarded contract.
    let method = try_status!(unsafe { text(r.method, r.method_len) });
    // SAFETY: forwarded contract.
    let host = try_status!(unsafe { text(r.host, r.host_len) });
    // SAFETY: forwarded contract.
    let path = try_status!(unsafe { text(r.path, r.path_len) });
    // Everything after the pairs are decoded, run on the arrays that hold
    // them (see `with_pairs`).
    let mut rest = |query: &[(&str, &str)], headers: &[(&str, &str)]| -> u32 {
        // SAFETY: forwarded contract.
        let body = try_status!(unsafe { body(r.body_kind, r.body, r.body_len) });
        let date = try_status!(Timestamp::from_unix(r.date_unix).map_err(from_error));

        let signer =
            try_status!(Signer::new(app_key, secret, algorithm, variant).map_err(from_error));
        let request = Request::new(method, host, path, date)
            .with_query(query)
            .with_headers(headers)
            .with_body(body);
        let signed = try_status!(signer.sign(&request).map_err(from_error));
        let authorization = signed.authorization();
        let added = AddedLines(signed.headers_added());
        let target = signed.request_target();
        let canonical = signed.canonical_request();
        let string_to_sign = signed.string_to_sign();

        // Check every requested output before writing any.
        let mut too_small = false;
        let main_len = authorization.len();
        let main_needed = main_len.saturating_add(1);
        if out.is_null() || out_cap < main_needed {
            too_small = true;
        }
        // SAFETY: `outputs` is NULL or valid and exclusive by contract.
        let mut extras = unsafe { outputs.as_mut() };
        let mut wanted = [false; 4];
        if let Some(o) = extras.as_deref_mut() {
            let lens = [
                added.len(),
                target.len(),
                canonical.len(),
                string_to_sign.len(),
            ];
            let slots = [
                &mut o.headers_added,
                &mut o.request_target,
                &mut o.canonical_request,
                &mut o.string_to_sign,
            ];
            for ((slot, len), want) in slots.into_iter().zip(lens).zip(wanted.iter_mut()) {
                match fits(slot, len, true) {
                    Ok(w) => *want = w,
                    Err(needed) => {
                        slot.len = needed;
                        too_small = true;
                    }
                }
            }
        }
        if too_small {
            // SAFETY: out_len checked non-NULL by check_out.
            unsafe { out_len.write(main_needed) };
            return CALLSIGN_BUFFER_TOO_SMALL;
        }

        let mut main = callsign_text {
            buf: out,
            cap: out_cap,
            len: 0,
        };
        // SAFETY: `fits` was checked above for every buffer written here.
        unsafe {
            let status = put_text(&authorization, &mut main);
            if status != CALLSIGN_OK {
                return status;
            }
            if let Some(o) = extras {
                let results = [
                    wanted[0].then(|| put_text(&added, &mut o.headers_added)),
                    wanted[1].then(|| put_text(&target, &mut o.request_target)),
                    wanted[2].then(|| put_text(&canonical, &mut o.canonical_request)),
                    wanted[3].then(|| put_text(&string_to_sign, &mut o.string_to_sign)),
                ];
                if let Some(status) = results.into_iter().flatten().find(|s| *s != CALLSIGN_OK) {
                    return status;
                }
            }
            out_len.write(main.len);
        }
        CALLSIGN_OK
    };
    // A request with few pairs (the common case) decodes them into small
    // arrays: the 64 query and 32 header slices of the full capacity take
    // about 3 KiB of stack on a 64-bit target.
    let small = r.query_count <= SMALL_PAIRS && r.header_count <= SMALL_PAIRS;
    // SAFETY: forwarded contract.
    unsafe {
        if small {
            with_pairs::<SMALL_PAIRS, SMALL_PAIRS>(&r, &mut rest)
        } else {
            with_pairs::<DEFAULT_MAX_QUERY, DEFAULT_MAX_HEADERS>(&r, &mut rest)
        }
    }
}

/// Query parameters and headers up to which `callsign_huawei_apig_sign`
/// decodes the pairs into arrays of this size instead of the full
/// capacity.
const SMALL_PAIRS: usize = 8;

/// What runs on the decoded pairs: (query, headers) to a status.
type OnPairs<'f> = dyn FnMut(&[(&str, &str)], &[(&str, &str)]) -> u32 + 'f;

/// Decodes the request's query and header pairs into arrays of `Q` and `H`
/// entries (more is CALLSIGN_TOO_MANY_ITEMS, as the full capacity allows
/// no more) and runs `rest` on them. Out of line: the arrays are on the
/// stack only while it runs.
///
/// # Safety
/// The request's pair pointers must be valid for their counts.
#[inline(never)]
unsafe fn with_pairs<const Q: usize, const H: usize>(
    r: &callsign_apig_request,
    rest: &mut OnPairs<'_>,
) -> u32 {
    let mut query = heapless::Vec::<(&str, &str), Q>::new();
    // SAFETY: forwarded contract.
    try_status!(unsafe { pairs(r.query, r.query_count, &mut query) });
    let mut headers = heapless::Vec::<(&str, &str), H>::new();
    // SAFETY: forwarded contract.
    try_status!(unsafe { pairs(r.headers, r.header_count, &mut headers) });
    rest(&query, &headers)
}

/// Starts a streaming body hasher for `algorithm` (SHA-256, or SM3 for
/// SDK-HMAC-SM3), so a body can be signed without holding it whole.
///
/// Returns CALLSIGN_OK, CALLSIGN_NULL_ARGUMENT or CALLSIGN_INVALID_ARGUMENT.
///
/// # Safety
/// `hasher` must point to a writable `callsign_apig_body_hasher`.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn callsign_apig_body_hasher_init(
    hasher: *mut callsign_apig_body_hasher,
    algorithm: u32,
) -> u32 {
    let algorithm = match algorithm {
        CALLSIGN_APIG_SDK_HMAC_SHA256 => Algorithm::SdkHmacSha256,
        CALLSIGN_APIG_SDK_HMAC_SM3 => Algorithm::SdkHmacSm3,
        // V11 hashes bodies with SHA-256; region and service do not matter here.
        CALLSIGN_APIG_V11_HMAC_SHA256 => Algorithm::SdkHmacSha256,
        _ => return CALLSIGN_INVALID_ARGUMENT,
    };
    // SAFETY: forwarded contract.
    unsafe { put(hasher, algorithm.body_hasher()) }
}

/// Feeds the `data_len` bytes at `data` to a body hasher.
///
/// Returns CALLSIGN_OK, CALLSIGN_NULL_ARGUMENT or CALLSIGN_NOT_INITIALIZED.
///
/// # Safety
/// `hasher` must point to an initialised hasher; `data` as for inputs.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn callsign_apig_body_hasher_update(
    hasher: *mut callsign_apig_body_hasher,
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
    let h = try_status!(unsafe { get_mut::<BodyHasher>(hasher) });
    h.update(data);
    CALLSIGN_OK
}

/// Finishes a body hasher: writes the 32-byte digest to `out` and its kind
/// (CALLSIGN_APIG_BODY_SHA256 or CALLSIGN_APIG_BODY_SM3) to `*body_kind`, to
/// put in `callsign_apig_request`; the hasher is wiped.
///
/// Returns CALLSIGN_OK, CALLSIGN_NULL_ARGUMENT (the hasher is then left as
/// it was) or CALLSIGN_NOT_INITIALIZED.
///
/// # Safety
/// `hasher` must point to an initialised hasher, `out` to 32 writable
/// bytes, `body_kind` to a writable `uint32_t`.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn callsign_apig_body_hasher_final(
    hasher: *mut callsign_apig_body_hasher,
    out: *mut u8,
    body_kind: *mut u32,
) -> u32 {
    if out.is_null() || body_kind.is_null() {
        return CALLSIGN_NULL_ARGUMENT;
    }
    try_status!(disjoint(
        &[],
        &[
            Range::of(hasher),
            Range::bytes(out, 32),
            Range::of(body_kind),
        ],
    ));
    // SAFETY: forwarded contract.
    let h = try_status!(unsafe { take::<BodyHasher>(hasher) });
    let (kind, digest) = match h.finish() {
        Body::Sha256(d) => (CALLSIGN_APIG_BODY_SHA256, d),
        Body::Sm3(d) => (CALLSIGN_APIG_BODY_SM3, d),
        _ => return CALLSIGN_INVALID_ARGUMENT,
    };
    // SAFETY: out: 32 writable bytes; body_kind writable; both non-NULL.
    unsafe {
        core::ptr::copy_nonoverlapping(digest.as_ptr(), out, digest.len());
        body_kind.write(kind);
    }
    CALLSIGN_OK
}

/// Wipes a body hasher. NULL is a no-op.
///
/// # Safety
/// `hasher` must be NULL or point to a writable `callsign_apig_body_hasher`.
#[no_mangle]
pub unsafe extern "C" fn callsign_apig_body_hasher_wipe(hasher: *mut callsign_apig_body_hasher) {
    // SAFETY: forwarded contract.
    unsafe { wipe::<BodyHasher>(hasher) }
}
