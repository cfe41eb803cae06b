//! Parsers of the API surface: the Huawei voice and SMS responses, the
//! voice status and fee notifications, the SMS status report and the Sinch
//! OAuth2 token response; the result-code tables and categories.
//!
//! A parser fills a struct of `callsign_str` views into the caller's body;
//! a value that needs unescaping (JSON `\` escapes, form `%XX` and `+`)
//! is decoded into the caller's scratch buffer and viewed there. The
//! parser runs twice: first to count the scratch bytes and list items it
//! needs, then (when they fit) to fill the outputs, so nothing is written
//! on an error.

use core::ffi::c_char;

use callsign_core::api::{classify, Category, ResultCode};
use callsign_core::huawei::sms_api::{
    self, check_status_report_content_type, FormValue, SmsResponse, StatusReport,
};
use callsign_core::huawei::voice_api::{self, parse_each_fee, FeeRecord, VoiceResponse};
use callsign_core::sinch::oauth2::TokenResponse;
use callsign_core::{Error, JsonStr};

use crate::api::{callsign_field_error, callsign_str, error_range, fail, same};
use crate::io::{bytes, disjoint, try_status, Range};
use crate::status::*;

/// The request succeeded.
pub const CALLSIGN_CATEGORY_SUCCESS: u32 = 0;
/// Fix the request (body, header syntax, number format) before sending it again.
pub const CALLSIGN_CATEGORY_FIX_REQUEST: u32 = 1;
/// Fix the credentials (app key, secret, digest).
pub const CALLSIGN_CATEGORY_FIX_CREDENTIALS: u32 = 2;
/// Fix the clock: correct it from the response's `Date` header
/// (`callsign_clock_offset`) and sign again.
pub const CALLSIGN_CATEGORY_FIX_CLOCK: u32 = 3;
/// Try again later (quota, flow control, busy); `retry_after_secs` holds
/// the documented wait when there is one.
pub const CALLSIGN_CATEGORY_RETRY_LATER: u32 = 4;
/// Nothing to fix on the device: the account, number, app or platform
/// needs the provider. Do not retry as is.
pub const CALLSIGN_CATEGORY_CONTACT_PROVIDER: u32 = 5;

/// `table` of `callsign_huawei_result_code`: the voice APIs' codes.
pub const CALLSIGN_RESULT_CODES_VOICE: u32 = 0;
/// `table` of `callsign_huawei_result_code`: the Message & SMS codes.
pub const CALLSIGN_RESULT_CODES_SMS: u32 = 1;

const CATEGORY_NAMES: [&core::ffi::CStr; 6] = [
    c"success",
    c"fix-request",
    c"fix-credentials",
    c"fix-clock",
    c"retry-later",
    c"contact-provider",
];
const CATEGORY_ADVICE: [&core::ffi::CStr; 6] = [
    c"nothing to do",
    c"fix the request (body, headers or numbers) before sending it again",
    c"check the app key and secret (and the clock) before sending again",
    c"correct the device clock (from the response's Date header) and sign again",
    c"send again later",
    c"do not retry as is: the account, number, app or platform needs the provider",
];
const CATEGORIES: [Category; 6] = [
    Category::Success,
    Category::FixRequest,
    Category::FixCredentials,
    Category::FixClock,
    Category::RetryLater { after_secs: None },
    Category::ContactProvider,
];
const _: () = {
    let mut i = 0;
    while i < 6 {
        assert!(same(CATEGORY_NAMES[i], CATEGORIES[i].as_str()));
        assert!(same(CATEGORY_ADVICE[i], CATEGORIES[i].advice()));
        assert!(category(CATEGORIES[i]).0 as usize == i);
        i += 1;
    }
};

/// The C value of a category and its documented wait (0: none).
const fn category(c: Category) -> (u32, u32) {
    match c {
        Category::Success => (CALLSIGN_CATEGORY_SUCCESS, 0),
        Category::FixRequest => (CALLSIGN_CATEGORY_FIX_REQUEST, 0),
        Category::FixCredentials => (CALLSIGN_CATEGORY_FIX_CREDENTIALS, 0),
        Category::FixClock => (CALLSIGN_CATEGORY_FIX_CLOCK, 0),
        Category::RetryLater { after_secs } => (
            CALLSIGN_CATEGORY_RETRY_LATER,
            match after_secs {
                Some(s) => s,
                None => 0,
            },
        ),
        Category::ContactProvider => (CALLSIGN_CATEGORY_CONTACT_PROVIDER, 0),
    }
}

/// The name of a CALLSIGN_CATEGORY_* value as the spec spells it
/// ("success", "fix-request", "fix-credentials", "fix-clock",
/// "retry-later", "contact-provider"); static, NUL-terminated; unknown
/// values give "unknown category".
#[no_mangle]
pub extern "C" fn callsign_category_str(category: u32) -> *const c_char {
    usize::try_from(category)
        .ok()
        .and_then(|i| CATEGORY_NAMES.get(i))
        .copied()
        .unwrap_or(c"unknown category")
        .as_ptr()
}

/// A one-line advice for a CALLSIGN_CATEGORY_* value (static,
/// NUL-terminated); unknown values give "unknown category".
#[no_mangle]
pub extern "C" fn callsign_category_advice(category: u32) -> *const c_char {
    usize::try_from(category)
        .ok()
        .and_then(|i| CATEGORY_ADVICE.get(i))
        .copied()
        .unwrap_or(c"unknown category")
        .as_ptr()
}

/// What a result code means (`callsign_huawei_result_code`).
#[repr(C)]
#[derive(Clone, Copy)]
pub struct callsign_result_code {
    /// A CALLSIGN_CATEGORY_* value.
    pub category: u32,
    /// The documented wait in seconds for CALLSIGN_CATEGORY_RETRY_LATER, or 0.
    pub retry_after_secs: u32,
    /// 1 when the table knows the HTTP status and code, 0 when the
    /// category is the HTTP status's fallback.
    pub known: u32,
    /// The vendor's English description (static), absent when unknown.
    pub text: callsign_str,
    /// Specific advice from the vendor's docs (static), empty when none,
    /// absent when unknown.
    pub note: callsign_str,
    /// The category's advice, `callsign_category_advice(category)`.
    pub advice: *const c_char,
}

fn result_code(c: Category, row: Option<&'static ResultCode>) -> callsign_result_code {
    let (category, retry_after_secs) = category(c);
    callsign_result_code {
        category,
        retry_after_secs,
        known: u32::from(row.is_some()),
        text: callsign_str::opt(row.map(|r| r.text)),
        note: callsign_str::opt(row.map(|r| r.note)),
        advice: callsign_category_advice(category),
    }
}

/// Looks up `code` under `http_status` in a vendor table
/// (CALLSIGN_RESULT_CODES_VOICE or CALLSIGN_RESULT_CODES_SMS): the same
/// code can mean two things under 401 and 403. An unknown code gets the
/// HTTP status's fallback category (400 fix-request, 401 fix-credentials,
/// 403 and 5xx contact-provider, 429 retry-later) and `known` 0.
///
/// Returns CALLSIGN_OK, CALLSIGN_NULL_ARGUMENT, CALLSIGN_INVALID_UTF8,
/// CALLSIGN_OVERLAPPING_BUFFERS or CALLSIGN_INVALID_ARGUMENT (unknown
/// `table`, `http_status` above 65535).
///
/// # Safety
/// As the header preamble says.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn callsign_huawei_result_code(
    table: u32,
    http_status: u32,
    code: *const u8,
    code_len: usize,
    out: *mut callsign_result_code,
) -> u32 {
    if out.is_null() {
        return CALLSIGN_NULL_ARGUMENT;
    }
    try_status!(disjoint(&[Range::bytes(code, code_len)], &[Range::of(out)]));
    let table = match table {
        CALLSIGN_RESULT_CODES_VOICE => voice_api::RESULT_CODES,
        CALLSIGN_RESULT_CODES_SMS => sms_api::RESULT_CODES,
        _ => return CALLSIGN_INVALID_ARGUMENT,
    };
    let http_status =
        try_status!(u16::try_from(http_status).map_err(|_| CALLSIGN_INVALID_ARGUMENT));
    // SAFETY: forwarded contract.
    let code = try_status!(unsafe { crate::io::text(code, code_len) });
    let (c, row) = classify(table, http_status, code);
    // SAFETY: non-NULL, writable by contract, disjoint from the input.
    unsafe { out.write(result_code(c, row)) };
    CALLSIGN_OK
}

/// Decodes escaped values into the scratch buffer: counting only (no
/// buffer), or writing.
struct Scratch<'s> {
    buf: Option<&'s mut [u8]>,
    used: usize,
    /// False in the counting run: list outputs are not written either.
    write: bool,
}

impl Scratch<'_> {
    /// A JSON string: a view of the body when it holds no escape, else of
    /// its decoded text in the scratch buffer.
    fn json(&mut self, v: Option<JsonStr<'_>>) -> callsign_str {
        let Some(v) = v else {
            return callsign_str::NONE;
        };
        if let Some(s) = v.as_str() {
            return callsign_str::of(s);
        }
        let n = v.decoded_len();
        self.take(n, |dst| v.decode(dst).map(|s| s.len()).ok())
    }

    /// A form value, as [`Scratch::json`].
    fn form(&mut self, v: Option<FormValue<'_>>) -> callsign_str {
        let Some(v) = v else {
            return callsign_str::NONE;
        };
        if let Some(s) = v.as_str() {
            return callsign_str::of(s);
        }
        let n = v.decoded_len();
        self.take(n, |dst| v.decode(dst).map(|s| s.len()).ok())
    }

    /// Reserves `n` bytes and lets `fill` write them.
    fn take(&mut self, n: usize, fill: impl FnOnce(&mut [u8]) -> Option<usize>) -> callsign_str {
        let at = self.used;
        self.used = at.saturating_add(n);
        let Some(buf) = self.buf.as_deref_mut() else {
            return callsign_str::NONE;
        };
        let Some(dst) = buf.get_mut(at..at.saturating_add(n)) else {
            return callsign_str::NONE;
        };
        if fill(dst) == Some(n) {
            callsign_str {
                ptr: dst.as_ptr(),
                len: n,
            }
        } else {
            callsign_str::NONE
        }
    }
}

/// The arguments every parser shares, checked.
struct Io<'a> {
    body: &'a str,
    scratch: *mut u8,
    scratch_cap: usize,
    scratch_len: *mut usize,
    error: *mut callsign_field_error,
}

impl<'a> Io<'a> {
    /// Checks the pointers and the overlaps (the body and `inputs` against
    /// the scratch buffer, `*scratch_len`, `error` and `outputs`), then the
    /// body's UTF-8.
    ///
    /// # Safety
    /// As the header preamble says.
    #[allow(clippy::too_many_arguments)]
    unsafe fn new(
        body: *const u8,
        body_len: usize,
        inputs: &[Range],
        scratch: *mut u8,
        scratch_cap: usize,
        scratch_len: *mut usize,
        outputs: &[Range],
        error: *mut callsign_field_error,
    ) -> Result<Self, u32> {
        if scratch.is_null() && scratch_cap != 0 {
            return Err(CALLSIGN_NULL_ARGUMENT);
        }
        let mut outs = [Range::bytes(scratch, 0); 8];
        let fixed = [
            Range::bytes(scratch, scratch_cap),
            Range::of(scratch_len),
            error_range(error),
        ];
        let n = fixed.len().saturating_add(outputs.len());
        for (o, r) in outs.iter_mut().zip(fixed.iter().chain(outputs)) {
            *o = *r;
        }
        let outs = outs.get(..n).unwrap_or_default();
        disjoint(&[Range::bytes(body, body_len)], outs)?;
        disjoint(inputs, outs)?;
        // SAFETY: forwarded contract.
        let bytes = unsafe { bytes(body, body_len) }?;
        let body = core::str::from_utf8(bytes).map_err(|_| CALLSIGN_INVALID_UTF8)?;
        Ok(Io {
            body,
            scratch,
            scratch_cap,
            scratch_len,
            error,
        })
    }

    /// Fails with a core error.
    fn fail(&self, e: Error) -> u32 {
        // SAFETY: `error` was checked against every other range in `new`.
        unsafe { fail(e, self.error) }
    }

    /// Runs `fill` once to count the scratch bytes, then, when they fit,
    /// again with the scratch buffer; writes `*scratch_len` (used, or
    /// needed on CALLSIGN_BUFFER_TOO_SMALL).
    fn scratch<T>(&self, mut fill: impl FnMut(&mut Scratch<'_>) -> T) -> Result<T, u32> {
        let mut count = Scratch {
            buf: None,
            used: 0,
            write: false,
        };
        fill(&mut count);
        let needed = count.used;
        if needed > self.scratch_cap {
            self.set_scratch_len(needed);
            return Err(CALLSIGN_BUFFER_TOO_SMALL);
        }
        let buf = if needed == 0 {
            None
        } else {
            // SAFETY: non-NULL (checked in `new` when the capacity is not
            // 0, and needed <= capacity), `scratch_cap` writable bytes by
            // contract, disjoint from every other range (checked in `new`).
            Some(unsafe { core::slice::from_raw_parts_mut(self.scratch, needed) })
        };
        let mut write = Scratch {
            buf,
            used: 0,
            write: true,
        };
        let value = fill(&mut write);
        self.set_scratch_len(needed);
        Ok(value)
    }

    fn set_scratch_len(&self, n: usize) {
        if !self.scratch_len.is_null() {
            // SAFETY: non-NULL, writable by contract, disjoint (checked in `new`).
            unsafe { self.scratch_len.write(n) };
        }
    }
}

/// A parsed Huawei voice response (click2Call, callVerify, callStop).
#[repr(C)]
#[derive(Clone, Copy)]
pub struct callsign_huawei_voice_response {
    /// `resultcode`, e.g. "0" or "1010013".
    pub result_code: callsign_str,
    /// `resultdesc`, or absent.
    pub result_desc: callsign_str,
    /// `sessionId`, or absent (also when empty).
    pub session_id: callsign_str,
    /// `idlePort` 0–65535, or -1 when absent.
    pub idle_port: i32,
    /// 1 when the call was accepted (category CALLSIGN_CATEGORY_SUCCESS).
    pub success: u32,
    /// A CALLSIGN_CATEGORY_* value, from the HTTP status and the code.
    pub category: u32,
    /// The documented wait for CALLSIGN_CATEGORY_RETRY_LATER, or 0.
    pub retry_after_secs: u32,
}

/// Parses the JSON body of a voice API response received with
/// `http_status`, into `*out` (views into `body` and `scratch`).
///
/// Returns CALLSIGN_OK, CALLSIGN_NULL_ARGUMENT, CALLSIGN_INVALID_UTF8,
/// CALLSIGN_INVALID_ARGUMENT (`http_status` above 65535),
/// CALLSIGN_BUFFER_TOO_SMALL (`*scratch_len` = scratch bytes needed),
/// CALLSIGN_OVERLAPPING_BUFFERS, CALLSIGN_MALFORMED (not JSON) or
/// CALLSIGN_INVALID_FIELD (a missing or mistyped field, named in `*error`).
/// `scratch_len` and `error` may be NULL. On any status but CALLSIGN_OK
/// `*out` is untouched.
///
/// ```c
/// callsign_huawei_voice_response r;
/// uint8_t scratch[512];
/// if (callsign_huawei_voice_response_parse(body, body_len, http_status, scratch,
///         sizeof scratch, NULL, &r, NULL) == CALLSIGN_OK
///     && r.category == CALLSIGN_CATEGORY_FIX_CLOCK) { ... }
/// ```
///
/// # Safety
/// As the header preamble says.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn callsign_huawei_voice_response_parse(
    body: *const u8,
    body_len: usize,
    http_status: u32,
    scratch: *mut u8,
    scratch_cap: usize,
    scratch_len: *mut usize,
    out: *mut callsign_huawei_voice_response,
    error: *mut callsign_field_error,
) -> u32 {
    if out.is_null() {
        return CALLSIGN_NULL_ARGUMENT;
    }
    // SAFETY: forwarded contract.
    let io = try_status!(unsafe {
        Io::new(
            body,
            body_len,
            &[],
            scratch,
            scratch_cap,
            scratch_len,
            &[Range::of(out)],
            error,
        )
    });
    let status = try_status!(u16::try_from(http_status).map_err(|_| CALLSIGN_INVALID_ARGUMENT));
    let r = match VoiceResponse::parse(io.body) {
        Ok(r) => r,
        Err(e) => return io.fail(e),
    };
    let (category, retry_after_secs) = category(r.category(status));
    let value = try_status!(io.scratch(|s| callsign_huawei_voice_response {
        result_code: callsign_str::of(r.result_code),
        result_desc: s.json(r.result_desc),
        session_id: s.json(r.session_id),
        idle_port: r.idle_port.map_or(-1, i32::from),
        success: u32::from(category == CALLSIGN_CATEGORY_SUCCESS),
        category,
        retry_after_secs,
    }));
    // SAFETY: non-NULL, writable by contract, disjoint (checked).
    unsafe { out.write(value) };
    CALLSIGN_OK
}

/// A parsed batchSendSms / batchSendDiffSms response.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct callsign_huawei_sms_response {
    /// `code`, e.g. "000000" or "E000503".
    pub code: callsign_str,
    /// `description`, or absent.
    pub description: callsign_str,
    /// 1 when the request was accepted (category CALLSIGN_CATEGORY_SUCCESS).
    pub success: u32,
    /// A CALLSIGN_CATEGORY_* value, from the HTTP status and the code.
    pub category: u32,
    /// The documented wait for CALLSIGN_CATEGORY_RETRY_LATER, or 0.
    pub retry_after_secs: u32,
}

/// One number's result of an SMS response (`result[]`).
#[repr(C)]
#[derive(Clone, Copy)]
pub struct callsign_huawei_sms_result {
    /// `smsMsgId`: matches the status report.
    pub sms_msg_id: callsign_str,
    /// `from`, or absent.
    pub from: callsign_str,
    /// `originTo`, or absent.
    pub origin_to: callsign_str,
    /// `status`: "000000" when accepted, or absent.
    pub status: callsign_str,
    /// `createTime`, or absent.
    pub create_time: callsign_str,
    /// `countryId`, or absent.
    pub country_id: callsign_str,
    /// `total`, or -1 when absent.
    pub total: i64,
    /// 1 when this number's message was accepted (`status` "000000").
    pub accepted: u32,
}

/// Parses the JSON body of an SMS response received with `http_status`
/// into `*out` and the per-number results into `results[0..*result_count]`
/// (`results` may be NULL with `results_cap` 0 when none are wanted or
/// expected).
///
/// Returns the statuses of `callsign_huawei_voice_response_parse`, and
/// CALLSIGN_TOO_MANY_ITEMS when the response holds more results than
/// `results_cap` (`*result_count` = the number needed; nothing else is
/// written). `result_count` must not be NULL.
///
/// # Safety
/// As the header preamble says.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn callsign_huawei_sms_response_parse(
    body: *const u8,
    body_len: usize,
    http_status: u32,
    results: *mut callsign_huawei_sms_result,
    results_cap: usize,
    result_count: *mut usize,
    scratch: *mut u8,
    scratch_cap: usize,
    scratch_len: *mut usize,
    out: *mut callsign_huawei_sms_response,
    error: *mut callsign_field_error,
) -> u32 {
    if out.is_null() || result_count.is_null() || (results.is_null() && results_cap != 0) {
        return CALLSIGN_NULL_ARGUMENT;
    }
    // SAFETY: forwarded contract.
    let io = try_status!(unsafe {
        Io::new(
            body,
            body_len,
            &[],
            scratch,
            scratch_cap,
            scratch_len,
            &[
                Range::of(out),
                Range::of(result_count),
                Range::array(results, results_cap),
            ],
            error,
        )
    });
    let status = try_status!(u16::try_from(http_status).map_err(|_| CALLSIGN_INVALID_ARGUMENT));
    let r = match SmsResponse::parse(io.body) {
        Ok(r) => r,
        Err(e) => return io.fail(e),
    };
    let count = r.result_count();
    if count > results_cap {
        // SAFETY: non-NULL, writable by contract, disjoint (checked).
        unsafe { result_count.write(count) };
        return CALLSIGN_TOO_MANY_ITEMS;
    }
    let (category, retry_after_secs) = category(r.category(status));
    let list = if count == 0 {
        None
    } else {
        // SAFETY: non-NULL (count > 0 and count <= results_cap), writable
        // by contract, disjoint (checked).
        Some(unsafe { core::slice::from_raw_parts_mut(results, count) })
    };
    let mut list = list;
    let value = try_status!(io.scratch(|s| {
        let mut items = r.results();
        let mut slots = list.as_deref_mut().unwrap_or_default().iter_mut();
        let mut writing = s.write;
        for item in items.by_ref() {
            let v = callsign_huawei_sms_result {
                sms_msg_id: callsign_str::of(item.sms_msg_id),
                from: s.json(item.from),
                origin_to: callsign_str::opt(item.origin_to),
                status: callsign_str::opt(item.status),
                create_time: callsign_str::opt(item.create_time),
                country_id: callsign_str::opt(item.country_id),
                total: item.total.map_or(-1, i64::from),
                accepted: u32::from(item.is_accepted()),
            };
            if writing {
                match slots.next() {
                    Some(slot) => *slot = v,
                    None => writing = false,
                }
            }
        }
        callsign_huawei_sms_response {
            code: callsign_str::of(r.code),
            description: s.json(r.description),
            success: u32::from(category == CALLSIGN_CATEGORY_SUCCESS),
            category,
            retry_after_secs,
        }
    }));
    // SAFETY: non-NULL, writable by contract, disjoint (checked).
    unsafe {
        out.write(value);
        result_count.write(count);
    }
    CALLSIGN_OK
}

/// A parsed voice notification (a push to `statusUrl` or `feeUrl`). For a
/// status event (`is_fee` 0) the `statusInfo` fields are set; for a fee
/// push (`is_fee` 1, `eventType` "fee") they are absent and the records
/// are in the caller's array. Times are the platform's text
/// (`yyyy-MM-dd HH:mm:ss`, time zone unsettled).
#[repr(C)]
#[derive(Clone, Copy)]
pub struct callsign_huawei_voice_notification {
    /// `eventType`: "callout", "alerting", "answer", "disconnect",
    /// "collectInfo", "fee" or another the platform adds.
    pub event_type: callsign_str,
    /// 1 for a fee push.
    pub is_fee: u32,
    /// `sessionId`.
    pub session_id: callsign_str,
    /// `timestamp`, or absent.
    pub timestamp: callsign_str,
    /// `caller`, or absent.
    pub caller: callsign_str,
    /// `called`, or absent.
    pub called: callsign_str,
    /// `userData`, or absent.
    pub user_data: callsign_str,
    /// `partyType` (a string or a number in the pushes), or absent.
    pub party_type: callsign_str,
    /// `stateCode`, or -1 when absent.
    pub state_code: i64,
    /// `stateDesc`, or absent.
    pub state_desc: callsign_str,
    /// `digitInfo` (collectInfo), or absent.
    pub digit_info: callsign_str,
}

/// One record of a fee push (`feeLst[]`); absent numbers are -1.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct callsign_huawei_fee_record {
    /// `direction`: 0 or 1.
    pub direction: u32,
    /// `spId`.
    pub sp_id: callsign_str,
    /// `appKey`.
    pub app_key: callsign_str,
    /// `icid`, or absent.
    pub icid: callsign_str,
    /// `bindNum`.
    pub bind_num: callsign_str,
    /// `sessionId`.
    pub session_id: callsign_str,
    /// `callerNum`.
    pub caller_num: callsign_str,
    /// `calleeNum`.
    pub callee_num: callsign_str,
    /// `callEndTime`, or absent.
    pub call_end_time: callsign_str,
    /// `fwdUnaswRsn`, or -1.
    pub fwd_unasw_rsn: i64,
    /// `failTime`, or absent.
    pub fail_time: callsign_str,
    /// `ulFailReason`, or -1.
    pub ul_fail_reason: i64,
    /// `sipStatusCode`, or -1.
    pub sip_status_code: i64,
    /// `callOutStartTime`, or absent.
    pub call_out_start_time: callsign_str,
    /// `callOutAlertingTime`, or absent.
    pub call_out_alerting_time: callsign_str,
    /// `callOutAnswerTime`, or absent.
    pub call_out_answer_time: callsign_str,
    /// `callOutUnaswRsn`, or -1.
    pub call_out_unasw_rsn: i64,
    /// `recordFlag` 0 or 1, or -1.
    pub record_flag: i32,
    /// `recordStartTime`, or absent.
    pub record_start_time: callsign_str,
    /// `recordObjectName`, or absent.
    pub record_object_name: callsign_str,
    /// `userData`, or absent.
    pub user_data: callsign_str,
}

/// Most records of one fee push (the platform sends up to 50).
pub const CALLSIGN_HUAWEI_FEE_RECORDS_MAX: usize = 50;
const _: () = assert!(CALLSIGN_HUAWEI_FEE_RECORDS_MAX == voice_api::MAX_FEE_RECORDS);

fn fee(s: &mut Scratch<'_>, f: &FeeRecord<'_>) -> callsign_huawei_fee_record {
    let n = |v: Option<u32>| v.map_or(-1, i64::from);
    callsign_huawei_fee_record {
        direction: u32::from(f.direction),
        sp_id: callsign_str::of(f.sp_id),
        app_key: callsign_str::of(f.app_key),
        icid: callsign_str::opt(f.icid),
        bind_num: callsign_str::of(f.bind_num),
        session_id: callsign_str::of(f.session_id),
        caller_num: callsign_str::of(f.caller_num),
        callee_num: callsign_str::of(f.callee_num),
        call_end_time: callsign_str::opt(f.call_end_time),
        fwd_unasw_rsn: n(f.fwd_unasw_rsn),
        fail_time: callsign_str::opt(f.fail_time),
        ul_fail_reason: n(f.ul_fail_reason),
        sip_status_code: n(f.sip_status_code),
        call_out_start_time: callsign_str::opt(f.call_out_start_time),
        call_out_alerting_time: callsign_str::opt(f.call_out_alerting_time),
        call_out_answer_time: callsign_str::opt(f.call_out_answer_time),
        call_out_unasw_rsn: n(f.call_out_unasw_rsn),
        record_flag: f.record_flag.map_or(-1, i32::from),
        record_start_time: callsign_str::opt(f.record_start_time),
        record_object_name: s.json(f.record_object_name),
        user_data: s.json(f.user_data),
    }
}

/// Parses the JSON body of a voice notification into `*out` and, for a
/// fee push, its records into `records[0..*record_count]` (`records` may
/// be NULL with `records_cap` 0 when only status events are expected).
/// Verify the push first (`callsign_huawei_voice_push_verify`).
///
/// Returns the statuses of `callsign_huawei_voice_response_parse` (without
/// CALLSIGN_INVALID_ARGUMENT), and CALLSIGN_TOO_MANY_ITEMS when a fee push
/// holds more records than `records_cap` (`*record_count` = the number
/// needed, never more than CALLSIGN_HUAWEI_FEE_RECORDS_MAX; nothing else
/// written): never a truncation. More than 50 records is
/// CALLSIGN_INVALID_FIELD (`feeLst`). `record_count` must not be NULL;
/// it is 0 for a status event.
///
/// # Safety
/// As the header preamble says.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn callsign_huawei_voice_notification_parse(
    body: *const u8,
    body_len: usize,
    records: *mut callsign_huawei_fee_record,
    records_cap: usize,
    record_count: *mut usize,
    scratch: *mut u8,
    scratch_cap: usize,
    scratch_len: *mut usize,
    out: *mut callsign_huawei_voice_notification,
    error: *mut callsign_field_error,
) -> u32 {
    if out.is_null() || record_count.is_null() || (records.is_null() && records_cap != 0) {
        return CALLSIGN_NULL_ARGUMENT;
    }
    // SAFETY: forwarded contract.
    let io = try_status!(unsafe {
        Io::new(
            body,
            body_len,
            &[],
            scratch,
            scratch_cap,
            scratch_len,
            &[
                Range::of(out),
                Range::of(record_count),
                Range::array(records, records_cap),
            ],
            error,
        )
    });
    let mut count = 0usize;
    let status = match parse_each_fee(io.body, CALLSIGN_HUAWEI_FEE_RECORDS_MAX, |i, _| {
        count = i.saturating_add(1);
    }) {
        Ok(s) => s,
        Err(e) => return io.fail(e),
    };
    if count > records_cap {
        // SAFETY: non-NULL, writable by contract, disjoint (checked).
        unsafe { record_count.write(count) };
        return CALLSIGN_TOO_MANY_ITEMS;
    }
    let mut list = if count == 0 {
        None
    } else {
        // SAFETY: non-NULL (0 < count <= records_cap), writable by
        // contract, disjoint (checked).
        Some(unsafe { core::slice::from_raw_parts_mut(records, count) })
    };
    let value = try_status!(io.scratch(|s| {
        let mut v = callsign_huawei_voice_notification {
            event_type: callsign_str::of("fee"),
            is_fee: 1,
            session_id: callsign_str::NONE,
            timestamp: callsign_str::NONE,
            caller: callsign_str::NONE,
            called: callsign_str::NONE,
            user_data: callsign_str::NONE,
            party_type: callsign_str::NONE,
            state_code: -1,
            state_desc: callsign_str::NONE,
            digit_info: callsign_str::NONE,
        };
        match &status {
            Some(e) => {
                v.event_type = callsign_str::of(e.event_type.as_str());
                v.is_fee = 0;
                v.session_id = callsign_str::of(e.session_id);
                v.timestamp = callsign_str::opt(e.timestamp);
                v.caller = callsign_str::opt(e.caller);
                v.called = callsign_str::opt(e.called);
                v.user_data = s.json(e.user_data);
                v.party_type = callsign_str::opt(e.party_type);
                v.state_code = e.state_code.map_or(-1, i64::from);
                v.state_desc = s.json(e.state_desc);
                v.digit_info = callsign_str::opt(e.digit_info);
            }
            None => {
                let slots = list.as_deref_mut().unwrap_or_default();
                // The body parsed above: this run finds the same records.
                let _ = parse_each_fee(io.body, CALLSIGN_HUAWEI_FEE_RECORDS_MAX, |i, f| {
                    let record = fee(s, &f);
                    if s.write {
                        if let Some(slot) = slots.get_mut(i) {
                            *slot = record;
                        }
                    }
                });
            }
        }
        v
    }));
    // SAFETY: non-NULL, writable by contract, disjoint (checked).
    unsafe {
        out.write(value);
        record_count.write(count);
    }
    CALLSIGN_OK
}

/// A parsed SMS status report (the form the platform posts to
/// `statusCallback`); each value decoded on its own.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct callsign_huawei_sms_status_report {
    /// `smsMsgId`.
    pub sms_msg_id: callsign_str,
    /// `status`, e.g. "DELIVRD".
    pub status: callsign_str,
    /// `statusDesc`, or absent.
    pub status_desc: callsign_str,
    /// `total`, or absent.
    pub total: callsign_str,
    /// `sequence`, or absent.
    pub sequence: callsign_str,
    /// `source`: "1", "2" or "3", or absent.
    pub source: callsign_str,
    /// `updateTime`, or absent.
    pub update_time: callsign_str,
    /// `extend`, or absent.
    pub extend: callsign_str,
    /// `to`, or absent.
    pub to: callsign_str,
    /// `orgCode`, or absent.
    pub org_code: callsign_str,
    /// 1 when `status` is "DELIVRD".
    pub delivered: u32,
}

/// Parses the form body of an SMS status report into `*out`. When
/// `content_type` is not NULL (with length 0: not checked) it must be
/// `application/x-www-form-urlencoded` (parameters allowed), else
/// CALLSIGN_INVALID_FIELD (`Content-Type`).
///
/// Returns the statuses of `callsign_huawei_voice_response_parse` (without
/// CALLSIGN_INVALID_ARGUMENT); a bad `%` escape or a missing `smsMsgId` /
/// `status` is CALLSIGN_INVALID_FIELD.
///
/// # Safety
/// As the header preamble says.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn callsign_huawei_sms_status_report_parse(
    body: *const u8,
    body_len: usize,
    content_type: *const u8,
    content_type_len: usize,
    scratch: *mut u8,
    scratch_cap: usize,
    scratch_len: *mut usize,
    out: *mut callsign_huawei_sms_status_report,
    error: *mut callsign_field_error,
) -> u32 {
    if out.is_null() {
        return CALLSIGN_NULL_ARGUMENT;
    }
    // SAFETY: forwarded contract.
    let io = try_status!(unsafe {
        Io::new(
            body,
            body_len,
            &[Range::bytes(content_type, content_type_len)],
            scratch,
            scratch_cap,
            scratch_len,
            &[Range::of(out)],
            error,
        )
    });
    if !content_type.is_null() || content_type_len != 0 {
        // SAFETY: forwarded contract (NULL with a length is refused).
        let ct = try_status!(unsafe { crate::io::text(content_type, content_type_len) });
        if let Err(e) = check_status_report_content_type(ct) {
            return io.fail(e);
        }
    }
    let r = match StatusReport::parse(io.body) {
        Ok(r) => r,
        Err(e) => return io.fail(e),
    };
    let value = try_status!(io.scratch(|s| callsign_huawei_sms_status_report {
        sms_msg_id: s.form(Some(r.sms_msg_id)),
        status: s.form(Some(r.status)),
        status_desc: s.form(r.status_desc),
        total: s.form(r.total),
        sequence: s.form(r.sequence),
        source: s.form(r.source),
        update_time: s.form(r.update_time),
        extend: s.form(r.extend),
        to: s.form(r.to),
        org_code: s.form(r.org_code),
        delivered: u32::from(r.is_delivered()),
    }));
    // SAFETY: non-NULL, writable by contract, disjoint (checked).
    unsafe { out.write(value) };
    CALLSIGN_OK
}

/// A parsed Sinch OAuth2 token response.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct callsign_sinch_oauth2_token {
    /// `access_token` (a view into the body: keep the body until the
    /// token is stored, `callsign_token_cache_store`).
    pub access_token: callsign_str,
    /// `token_type` as sent ("bearer" in any case).
    pub token_type: callsign_str,
    /// `scope`, or absent.
    pub scope: callsign_str,
    /// `expires_in` seconds (at least 1).
    pub expires_in: u64,
    /// `received_at + expires_in` (Unix seconds).
    pub expires_at: u64,
    /// When to fetch a new token: 60 s before `expires_at` (half the
    /// lifetime for tokens of less than 2 minutes).
    pub refresh_at: u64,
}

/// Parses the JSON body of a 200 answer of the token endpoint, received
/// (or better: requested) at `received_at` (Unix seconds), into `*out`.
/// Any other HTTP status is a refusal: do not parse it as a token.
///
/// Returns the statuses of `callsign_huawei_voice_response_parse` (without
/// CALLSIGN_INVALID_ARGUMENT): a missing or empty `access_token`, a
/// `token_type` other than bearer, a non-positive or mistyped
/// `expires_in` is CALLSIGN_INVALID_FIELD.
///
/// # Safety
/// As the header preamble says.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn callsign_sinch_oauth2_token_parse(
    body: *const u8,
    body_len: usize,
    received_at: u64,
    scratch: *mut u8,
    scratch_cap: usize,
    scratch_len: *mut usize,
    out: *mut callsign_sinch_oauth2_token,
    error: *mut callsign_field_error,
) -> u32 {
    if out.is_null() {
        return CALLSIGN_NULL_ARGUMENT;
    }
    // SAFETY: forwarded contract.
    let io = try_status!(unsafe {
        Io::new(
            body,
            body_len,
            &[],
            scratch,
            scratch_cap,
            scratch_len,
            &[Range::of(out)],
            error,
        )
    });
    let t = match TokenResponse::parse(io.body) {
        Ok(t) => t,
        Err(e) => return io.fail(e),
    };
    let value = try_status!(io.scratch(|s| callsign_sinch_oauth2_token {
        access_token: callsign_str::of(t.access_token),
        token_type: callsign_str::of(t.token_type),
        scope: s.json(t.scope),
        expires_in: t.expires_in,
        expires_at: t.expires_at(received_at),
        refresh_at: t.refresh_at(received_at),
    }));
    // SAFETY: non-NULL, writable by contract, disjoint (checked).
    unsafe { out.write(value) };
    CALLSIGN_OK
}
