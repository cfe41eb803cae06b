//! Request builders of the API surface: Huawei click2Call, callVerify,
//! callStop, batchSendSms and batchSendDiffSms bodies, and the Sinch
//! OAuth2 token request.
//!
//! Each builder takes a struct of fields (`callsign_str` pairs, NULL for
//! an absent field), validates every field against the vendor's field
//! table and writes the body under the output rule. An invalid field is
//! CALLSIGN_INVALID_FIELD, named in the optional `error` output, and
//! nothing is written.

use core::ffi::c_char;

use callsign_core::api::{Endpoint, Request};
use callsign_core::huawei::sms_api::{BatchSendDiffSms, BatchSendSms, SmsContent};
use callsign_core::huawei::voice_api::{
    parse_flag, CallStop, CallVerify, CalleeMedia, Click2Call, LastMinToUe, NumberCheck, PushUrl,
    Signal, PUSH_URL_B64_MAX_LEN,
};
use callsign_core::sinch::oauth2::{Region, TokenRequest};
use callsign_core::{Error, Field};

use crate::api::{
    array, callsign_endpoint, callsign_field_error, callsign_int, callsign_str, error_range, fail,
    int, required, same, text_list, text_list_disjoint,
};
use crate::io::{check_out, disjoint, text, text_out, try_status, write_out, Range};
use crate::status::*;

/// `number_check`: `+` then 3 to 30 digits (the default).
pub const CALLSIGN_NUMBER_CHECK_STRICT: u32 = 0;
/// `number_check`: `+` then digits or `*` (the masked numbers of the
/// vendor's examples).
pub const CALLSIGN_NUMBER_CHECK_LENIENT: u32 = 1;
/// `number_check`: the length (4 to 31 bytes) only.
pub const CALLSIGN_NUMBER_CHECK_LENGTH_ONLY: u32 = 2;

/// Buffer size (NUL included) for any click2Call body: every field at its
/// longest, control characters written as `\u00XX` (tests/c/test_api.c
/// builds that body).
pub const CALLSIGN_HUAWEI_CLICK2CALL_BODY_MAX_LEN: usize = 5956;
/// Buffer size (NUL included) for any callVerify body (as
/// CALLSIGN_HUAWEI_CLICK2CALL_BODY_MAX_LEN).
pub const CALLSIGN_HUAWEI_CALL_VERIFY_BODY_MAX_LEN: usize = 3876;
/// Buffer size (NUL included) for any callStop body (as
/// CALLSIGN_HUAWEI_CLICK2CALL_BODY_MAX_LEN).
pub const CALLSIGN_HUAWEI_CALL_STOP_BODY_MAX_LEN: usize = 1574;

/// Template variables per template a builder takes
/// (`template_para_count`); more is CALLSIGN_TOO_MANY_ITEMS.
pub const CALLSIGN_SMS_TEMPLATE_PARAS_MAX: usize = 16;
/// `smsContent` groups of one batchSendDiffSms request the C builder
/// takes; more is CALLSIGN_TOO_MANY_ITEMS (send several requests).
pub const CALLSIGN_SMS_DIFF_CONTENTS_MAX: usize = 8;
/// Numbers and template variables over all groups of one
/// batchSendDiffSms request the C builder takes; more is
/// CALLSIGN_TOO_MANY_ITEMS (send several requests).
pub const CALLSIGN_SMS_DIFF_STRINGS_MAX: usize = 64;

/// The fields of a click2Call v2.0 request. The four numbers are required;
/// every other field is optional (NULL / not `present`: left out of the
/// body). Flags are the texts `true` / `false` as the API sends them;
/// `last_min_to_ue` is `toa`, `tob` or `both`, `callee_media` `all`,
/// `none` or `fail`; `status_url` and `fee_url` are the Base64 of a URL
/// of `A-Z a-z 0-9 - : . /` (`callsign_huawei_voice_push_url` writes it).
/// `number_check` is a CALLSIGN_NUMBER_CHECK_* value (not sent).
#[repr(C)]
pub struct callsign_huawei_click2call {
    /// `displayNbr` (4–31).
    pub display_nbr: callsign_str,
    /// `callerNbr` (4–31).
    pub caller_nbr: callsign_str,
    /// `displayCalleeNbr` (4–31).
    pub display_callee_nbr: callsign_str,
    /// `calleeNbr` (4–31).
    pub callee_nbr: callsign_str,
    /// `maxDuration`: minutes, 0–1440.
    pub max_duration: callsign_int,
    /// `lastMinVoice` (1–128).
    pub last_min_voice: callsign_str,
    /// `lastMinToUE`: `toa`, `tob` or `both`.
    pub last_min_to_ue: callsign_str,
    /// `playPreVoice`: `true` or `false`.
    pub play_pre_voice: callsign_str,
    /// `preVoice` (1–128).
    pub pre_voice: callsign_str,
    /// `waitVoice` (1–128).
    pub wait_voice: callsign_str,
    /// `calleeMedia`: `all`, `none` or `fail`.
    pub callee_media: callsign_str,
    /// `statusUrl`: Base64 of the URL.
    pub status_url: callsign_str,
    /// `feeUrl`: Base64 of the URL.
    pub fee_url: callsign_str,
    /// `recordFlag`: `true` or `false`.
    pub record_flag: callsign_str,
    /// `recordHintTone` (1–128).
    pub record_hint_tone: callsign_str,
    /// `partyTypeRequiredInDisconnect`: `true` or `false`.
    pub party_type_required_in_disconnect: callsign_str,
    /// `returnIdlePort`: `true` or `false`.
    pub return_idle_port: callsign_str,
    /// `userData`: 1–256 ASCII characters without `{` `}`.
    pub user_data: callsign_str,
    /// A CALLSIGN_NUMBER_CHECK_* value.
    pub number_check: u32,
}

/// The fields of a callVerify v1.0 request: `display_nbr`, `callee_nbr`,
/// `language_type` (2), `pre_tone` and `verify_code` (2–8 digits) are
/// required; the rest optional, as for `callsign_huawei_click2call`.
#[repr(C)]
pub struct callsign_huawei_call_verify {
    /// `displayNbr` (4–31).
    pub display_nbr: callsign_str,
    /// `calleeNbr` (4–31).
    pub callee_nbr: callsign_str,
    /// `languageType`: 2 (Chinese), required.
    pub language_type: callsign_int,
    /// `preTone` (1–128).
    pub pre_tone: callsign_str,
    /// `verifyCode`: 2–8 digits.
    pub verify_code: callsign_str,
    /// `posTone` (1–128).
    pub pos_tone: callsign_str,
    /// `times`: 0–9.
    pub times: callsign_int,
    /// `statusUrl`: Base64 of the URL.
    pub status_url: callsign_str,
    /// `feeUrl`: Base64 of the URL.
    pub fee_url: callsign_str,
    /// `returnIdlePort`: `true` or `false`.
    pub return_idle_port: callsign_str,
    /// `userData`: 1–256 ASCII characters without `{` `}`.
    pub user_data: callsign_str,
    /// A CALLSIGN_NUMBER_CHECK_* value.
    pub number_check: u32,
}

/// The fields of a callStop v2.0 request: `session_id` (`sessionid`, 1–256)
/// required; `signal` `call_stop` (the default when absent).
#[repr(C)]
pub struct callsign_huawei_call_stop {
    /// `sessionid`: the session of the click2Call response.
    pub session_id: callsign_str,
    /// `signal`: `call_stop`, or absent.
    pub signal: callsign_str,
}

/// The fields of a batchSendSms v1 request: `from` (1–21), `to` (numbers
/// joined by `,`, at most 500) and `template_id` (1–32) required.
/// `template_paras`: NULL (with count 0) when the template has no
/// variable, else `template_para_count` non-empty values (at most
/// CALLSIGN_SMS_TEMPLATE_PARAS_MAX), sent as the JSON array text the API
/// wants.
#[repr(C)]
pub struct callsign_huawei_sms_batch {
    /// `from`: the channel number.
    pub from: callsign_str,
    /// `to`: `+` numbers joined by `,`.
    pub to: callsign_str,
    /// `templateId`.
    pub template_id: callsign_str,
    /// The template variables, or NULL.
    pub template_paras: *const callsign_str,
    /// Values at `template_paras`.
    pub template_para_count: usize,
    /// `statusCallback` (1–1024).
    pub status_callback: callsign_str,
    /// `signature` (2–32 characters).
    pub signature: callsign_str,
    /// `extend` (1–128, without `{` `}`).
    pub extend: callsign_str,
}

/// One `smsContent` group of a batchSendDiffSms request: `to_count`
/// numbers at `to` (at least one), `template_id`, and the optional
/// variables and signature.
#[repr(C)]
pub struct callsign_huawei_sms_content {
    /// The numbers.
    pub to: *const callsign_str,
    /// Numbers at `to`.
    pub to_count: usize,
    /// `templateId` (1–32).
    pub template_id: callsign_str,
    /// The template variables, or NULL.
    pub template_paras: *const callsign_str,
    /// Values at `template_paras`.
    pub template_para_count: usize,
    /// `signature` (2–32 characters).
    pub signature: callsign_str,
}

/// The fields of a batchSendDiffSms v1 request: `from` and 1 to
/// CALLSIGN_SMS_DIFF_CONTENTS_MAX groups (with at most
/// CALLSIGN_SMS_DIFF_STRINGS_MAX numbers and variables over all groups).
#[repr(C)]
pub struct callsign_huawei_sms_batch_diff {
    /// `from`: the channel number.
    pub from: callsign_str,
    /// The groups.
    pub sms_content: *const callsign_huawei_sms_content,
    /// Groups at `sms_content`.
    pub sms_content_count: usize,
    /// `statusCallback` (1–1024).
    pub status_callback: callsign_str,
    /// `extend` (1–128, without `{` `}`).
    pub extend: callsign_str,
}

/// The `NumberCheck` of a C value.
fn number_check(v: u32) -> Result<NumberCheck, u32> {
    match v {
        CALLSIGN_NUMBER_CHECK_STRICT => Ok(NumberCheck::Strict),
        CALLSIGN_NUMBER_CHECK_LENIENT => Ok(NumberCheck::Lenient),
        CALLSIGN_NUMBER_CHECK_LENGTH_ONLY => Ok(NumberCheck::LengthOnly),
        _ => Err(CALLSIGN_INVALID_ARGUMENT),
    }
}

/// A text field, `None` when absent.
///
/// # Safety
/// The text's pointer valid for its length during `'a`.
unsafe fn t<'a>(v: callsign_str) -> Result<Option<&'a str>, u32> {
    // SAFETY: forwarded contract.
    unsafe { v.get() }
}

/// A flag field (`true` / `false`).
fn flag(v: Option<&str>, field: Field) -> Result<Option<bool>, Error> {
    v.map(|s| parse_flag(field, s)).transpose()
}

/// Writes the body of a built endpoint under the output rule, after
/// validating it; a build or validation error is reported through `error`.
///
/// # Safety
/// As for [`write_out`]; `error` NULL or writable.
unsafe fn write_body<E: Endpoint>(
    built: Result<E, Error>,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
    error: *mut callsign_field_error,
) -> u32 {
    let endpoint = match built {
        Ok(endpoint) => endpoint,
        // SAFETY: forwarded contract.
        Err(e) => return unsafe { fail(e, error) },
    };
    match Request::new(&endpoint) {
        // SAFETY: forwarded contract.
        Ok(req) => unsafe { write_out(&req, out, out_cap, out_len) },
        // SAFETY: forwarded contract.
        Err(e) => unsafe { fail(e, error) },
    }
}

/// The outputs of a builder: out, *out_len and the optional error.
fn outputs(
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
    error: *mut callsign_field_error,
) -> [Range; 3] {
    let [a, b] = text_out(out, out_cap, out_len);
    [a, b, error_range(error)]
}

/// Checks `request` and the texts it points to against `outs`.
///
/// # Safety
/// `request` NULL or readable.
unsafe fn fields_disjoint<R, const K: usize>(
    request: *const R,
    texts: impl FnOnce(&R) -> [callsign_str; K],
    outs: &[Range],
) -> Result<(), u32> {
    disjoint(&[Range::of(request)], outs)?;
    if request.is_null() {
        return Ok(());
    }
    // SAFETY: non-NULL, readable by contract, and disjoint from every
    // output (checked above): a shared reference to it aliases nothing
    // written.
    let r = unsafe { &*request };
    for t in texts(r) {
        disjoint(&[t.range()], outs)?;
    }
    Ok(())
}

/// The method, path and content type of click2Call v2.0:
/// POST /rest/httpsessions/click2Call/v2.0, application/json;charset=UTF-8.
#[no_mangle]
pub extern "C" fn callsign_huawei_click2call_endpoint() -> callsign_endpoint {
    VOICE_ENDPOINTS[0]
}

/// The method, path and content type of callVerify v1.0.
#[no_mangle]
pub extern "C" fn callsign_huawei_call_verify_endpoint() -> callsign_endpoint {
    VOICE_ENDPOINTS[1]
}

/// The method, path and content type of callStop v2.0.
#[no_mangle]
pub extern "C" fn callsign_huawei_call_stop_endpoint() -> callsign_endpoint {
    VOICE_ENDPOINTS[2]
}

/// The method, path and content type of batchSendSms v1
/// (application/x-www-form-urlencoded).
#[no_mangle]
pub extern "C" fn callsign_huawei_sms_batch_endpoint() -> callsign_endpoint {
    VOICE_ENDPOINTS[3]
}

/// The method, path and content type of batchSendDiffSms v1
/// (application/json).
#[no_mangle]
pub extern "C" fn callsign_huawei_sms_batch_diff_endpoint() -> callsign_endpoint {
    VOICE_ENDPOINTS[4]
}

const POST: &core::ffi::CStr = c"POST";
const JSON_UTF8: &core::ffi::CStr = c"application/json;charset=UTF-8";
const FORM: &core::ffi::CStr = c"application/x-www-form-urlencoded";
const JSON: &core::ffi::CStr = c"application/json";
const PATHS: [&core::ffi::CStr; 5] = [
    c"/rest/httpsessions/click2Call/v2.0",
    c"/rest/httpsessions/callVerify/v1.0",
    c"/rest/httpsessions/callStop/v2.0",
    c"/sms/batchSendSms/v1",
    c"/sms/batchSendDiffSms/v1",
];

/// A pointer in a static table (raw pointers are not `Sync`).
struct Endpoints([callsign_endpoint; 5]);
// SAFETY: the pointers are to immutable static strings.
unsafe impl Sync for Endpoints {}
impl core::ops::Index<usize> for Endpoints {
    type Output = callsign_endpoint;
    fn index(&self, i: usize) -> &callsign_endpoint {
        match self.0.get(i) {
            Some(e) => e,
            None => &NO_ENDPOINT,
        }
    }
}
const NO_ENDPOINT: callsign_endpoint = callsign_endpoint {
    method: c"".as_ptr(),
    path: c"".as_ptr(),
    content_type: c"".as_ptr(),
};

const fn endpoint(
    path: &'static core::ffi::CStr,
    ct: &'static core::ffi::CStr,
) -> callsign_endpoint {
    callsign_endpoint {
        method: POST.as_ptr(),
        path: path.as_ptr(),
        content_type: ct.as_ptr(),
    }
}

static VOICE_ENDPOINTS: Endpoints = Endpoints([
    endpoint(PATHS[0], JSON_UTF8),
    endpoint(PATHS[1], JSON_UTF8),
    endpoint(PATHS[2], JSON_UTF8),
    endpoint(PATHS[3], FORM),
    endpoint(PATHS[4], JSON),
]);

// The C strings are the core's.
const _: () = {
    assert!(same(POST, Click2Call::METHOD));
    assert!(same(POST, CallVerify::METHOD));
    assert!(same(POST, CallStop::METHOD));
    assert!(same(POST, BatchSendSms::METHOD));
    assert!(same(POST, BatchSendDiffSms::METHOD));
    assert!(same(PATHS[0], Click2Call::PATH));
    assert!(same(PATHS[1], CallVerify::PATH));
    assert!(same(PATHS[2], CallStop::PATH));
    assert!(same(PATHS[3], BatchSendSms::PATH));
    assert!(same(PATHS[4], BatchSendDiffSms::PATH));
    assert!(same(JSON_UTF8, Click2Call::CONTENT_TYPE));
    assert!(same(JSON_UTF8, CallVerify::CONTENT_TYPE));
    assert!(same(JSON_UTF8, CallStop::CONTENT_TYPE));
    assert!(same(FORM, BatchSendSms::CONTENT_TYPE));
    assert!(same(JSON, BatchSendDiffSms::CONTENT_TYPE));
    assert!(same(FORM, TokenRequest::CONTENT_TYPE));
    assert!(same(POST, TokenRequest::METHOD));
};

/// Writes the JSON body of a click2Call v2.0 request (see
/// `callsign_huawei_click2call`); send it with
/// `callsign_huawei_click2call_endpoint()` and an X-AKSK header.
///
/// Returns CALLSIGN_OK, CALLSIGN_BUFFER_TOO_SMALL, CALLSIGN_NULL_ARGUMENT,
/// CALLSIGN_INVALID_UTF8, CALLSIGN_INVALID_ARGUMENT (unknown
/// `number_check`), CALLSIGN_OVERLAPPING_BUFFERS or CALLSIGN_INVALID_FIELD
/// (named in `*error` when `error` is not NULL). Output rule: see the
/// header preamble; CALLSIGN_HUAWEI_CLICK2CALL_BODY_MAX_LEN sizes the
/// buffer (or ask for the size with `out` NULL and `out_cap` 0).
///
/// ```c
/// callsign_huawei_click2call call = {0};
/// call.display_nbr.ptr = (const uint8_t *)"+8675528000088"; call.display_nbr.len = 14;
/// ... caller_nbr, display_callee_nbr, callee_nbr ...
/// char body[CALLSIGN_HUAWEI_CLICK2CALL_BODY_MAX_LEN];
/// size_t body_len;
/// callsign_field_error err;
/// rc = callsign_huawei_click2call_body(&call, body, sizeof body, &body_len, &err);
/// ```
///
/// # Safety
/// As the header preamble says; every pointer in `request` valid for its length.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn callsign_huawei_click2call_body(
    request: *const callsign_huawei_click2call,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
    error: *mut callsign_field_error,
) -> u32 {
    try_status!(check_out(out, out_cap, out_len));
    let outs = outputs(out, out_cap, out_len, error);
    // SAFETY: forwarded contract.
    try_status!(unsafe {
        fields_disjoint(
            request,
            |r: &callsign_huawei_click2call| {
                [
                    r.display_nbr,
                    r.caller_nbr,
                    r.display_callee_nbr,
                    r.callee_nbr,
                    r.last_min_voice,
                    r.last_min_to_ue,
                    r.play_pre_voice,
                    r.pre_voice,
                    r.wait_voice,
                    r.callee_media,
                    r.status_url,
                    r.fee_url,
                    r.record_flag,
                    r.record_hint_tone,
                    r.party_type_required_in_disconnect,
                    r.return_idle_port,
                    r.user_data,
                ]
            },
            &outs,
        )
    });
    // SAFETY: NULL or readable by contract; disjoint from the outputs.
    let Some(r) = (unsafe { request.as_ref() }) else {
        return CALLSIGN_NULL_ARGUMENT;
    };
    let how = try_status!(number_check(r.number_check));
    // SAFETY: the field pointers are valid by contract.
    let fields = try_status!(unsafe {
        (|| -> Result<[Option<&str>; 17], u32> {
            Ok([
                t(r.display_nbr)?,
                t(r.caller_nbr)?,
                t(r.display_callee_nbr)?,
                t(r.callee_nbr)?,
                t(r.last_min_voice)?,
                t(r.last_min_to_ue)?,
                t(r.play_pre_voice)?,
                t(r.pre_voice)?,
                t(r.wait_voice)?,
                t(r.callee_media)?,
                t(r.status_url)?,
                t(r.fee_url)?,
                t(r.record_flag)?,
                t(r.record_hint_tone)?,
                t(r.party_type_required_in_disconnect)?,
                t(r.return_idle_port)?,
                t(r.user_data)?,
            ])
        })()
    });
    let [dn, cn, dcn, ce, lmv, lmt, ppv, pv, wv, cm, su, fu, rf, rht, ptr, rip, ud] = fields;
    let built = (|| {
        Ok(Click2Call {
            display_nbr: required(dn, Field::DisplayNbr)?,
            caller_nbr: required(cn, Field::CallerNbr)?,
            display_callee_nbr: required(dcn, Field::DisplayCalleeNbr)?,
            callee_nbr: required(ce, Field::CalleeNbr)?,
            max_duration: int::<u16>(r.max_duration, Field::MaxDuration, u64::from(u16::MAX))?,
            last_min_voice: lmv,
            last_min_to_ue: lmt.map(LastMinToUe::from_text).transpose()?,
            play_pre_voice: flag(ppv, Field::PlayPreVoice)?,
            pre_voice: pv,
            wait_voice: wv,
            callee_media: cm.map(CalleeMedia::from_text).transpose()?,
            status_url: su,
            fee_url: fu,
            record_flag: flag(rf, Field::RecordFlag)?,
            record_hint_tone: rht,
            party_type_required_in_disconnect: flag(ptr, Field::PartyTypeRequiredInDisconnect)?,
            return_idle_port: flag(rip, Field::ReturnIdlePort)?,
            user_data: ud,
            number_check: how,
        })
    })();
    // SAFETY: forwarded contract.
    unsafe { write_body(built, out, out_cap, out_len, error) }
}

/// Writes the JSON body of a callVerify v1.0 request (see
/// `callsign_huawei_call_verify`). Statuses and output rule as for
/// `callsign_huawei_click2call_body`; CALLSIGN_HUAWEI_CALL_VERIFY_BODY_MAX_LEN
/// sizes the buffer.
///
/// # Safety
/// As the header preamble says; every pointer in `request` valid for its length.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn callsign_huawei_call_verify_body(
    request: *const callsign_huawei_call_verify,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
    error: *mut callsign_field_error,
) -> u32 {
    try_status!(check_out(out, out_cap, out_len));
    let outs = outputs(out, out_cap, out_len, error);
    // SAFETY: forwarded contract.
    try_status!(unsafe {
        fields_disjoint(
            request,
            |r: &callsign_huawei_call_verify| {
                [
                    r.display_nbr,
                    r.callee_nbr,
                    r.pre_tone,
                    r.verify_code,
                    r.pos_tone,
                    r.status_url,
                    r.fee_url,
                    r.return_idle_port,
                    r.user_data,
                ]
            },
            &outs,
        )
    });
    // SAFETY: NULL or readable by contract; disjoint from the outputs.
    let Some(r) = (unsafe { request.as_ref() }) else {
        return CALLSIGN_NULL_ARGUMENT;
    };
    let how = try_status!(number_check(r.number_check));
    // SAFETY: the field pointers are valid by contract.
    let fields = try_status!(unsafe {
        (|| -> Result<[Option<&str>; 9], u32> {
            Ok([
                t(r.display_nbr)?,
                t(r.callee_nbr)?,
                t(r.pre_tone)?,
                t(r.verify_code)?,
                t(r.pos_tone)?,
                t(r.status_url)?,
                t(r.fee_url)?,
                t(r.return_idle_port)?,
                t(r.user_data)?,
            ])
        })()
    });
    let [dn, ce, pre, code, pos, su, fu, rip, ud] = fields;
    let built = (|| {
        let mut v = CallVerify::new(
            required(dn, Field::DisplayNbr)?,
            required(ce, Field::CalleeNbr)?,
            required(pre, Field::PreTone)?,
            required(code, Field::VerifyCode)?,
        );
        v.language_type = int::<u8>(r.language_type, Field::LanguageType, u64::from(u8::MAX))?
            .ok_or(Error::InvalidField {
                field: Field::LanguageType,
                problem: callsign_core::Problem::Missing,
            })?;
        v.pos_tone = pos;
        v.times = int::<u8>(r.times, Field::Times, u64::from(u8::MAX))?;
        v.status_url = su;
        v.fee_url = fu;
        v.return_idle_port = flag(rip, Field::ReturnIdlePort)?;
        v.user_data = ud;
        v.number_check = how;
        Ok(v)
    })();
    // SAFETY: forwarded contract.
    unsafe { write_body(built, out, out_cap, out_len, error) }
}

/// Writes the JSON body of a callStop v2.0 request (see
/// `callsign_huawei_call_stop`). Statuses and output rule as for
/// `callsign_huawei_click2call_body`; CALLSIGN_HUAWEI_CALL_STOP_BODY_MAX_LEN
/// sizes the buffer. (The SMS bodies have no useful maximum: ask for the
/// size with `out` NULL and `out_cap` 0.)
///
/// # Safety
/// As the header preamble says; every pointer in `request` valid for its length.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn callsign_huawei_call_stop_body(
    request: *const callsign_huawei_call_stop,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
    error: *mut callsign_field_error,
) -> u32 {
    try_status!(check_out(out, out_cap, out_len));
    let outs = outputs(out, out_cap, out_len, error);
    // SAFETY: forwarded contract.
    try_status!(unsafe {
        fields_disjoint(
            request,
            |r: &callsign_huawei_call_stop| [r.session_id, r.signal],
            &outs,
        )
    });
    // SAFETY: NULL or readable by contract; disjoint from the outputs.
    let Some(r) = (unsafe { request.as_ref() }) else {
        return CALLSIGN_NULL_ARGUMENT;
    };
    // SAFETY: the field pointers are valid by contract.
    let session = try_status!(unsafe { t(r.session_id) });
    // SAFETY: as above.
    let signal = try_status!(unsafe { t(r.signal) });
    let built = (|| {
        Ok(CallStop {
            session_id: required(session, Field::CallStopSessionId)?,
            signal: signal.map_or(Ok(Signal::CallStop), Signal::from_text)?,
        })
    })();
    // SAFETY: forwarded contract.
    unsafe { write_body(built, out, out_cap, out_len, error) }
}

/// Writes the form body of a batchSendSms v1 request (see
/// `callsign_huawei_sms_batch`); send it with
/// `callsign_huawei_sms_batch_endpoint()` and an X-WSSE header. Statuses
/// and output rule as for `callsign_huawei_click2call_body`, and
/// CALLSIGN_TOO_MANY_ITEMS (more than CALLSIGN_SMS_TEMPLATE_PARAS_MAX
/// variables).
///
/// # Safety
/// As the header preamble says; every pointer in `request` valid for its length.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn callsign_huawei_sms_batch_body(
    request: *const callsign_huawei_sms_batch,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
    error: *mut callsign_field_error,
) -> u32 {
    try_status!(check_out(out, out_cap, out_len));
    let outs = outputs(out, out_cap, out_len, error);
    // SAFETY: forwarded contract.
    try_status!(unsafe {
        fields_disjoint(
            request,
            |r: &callsign_huawei_sms_batch| {
                [
                    r.from,
                    r.to,
                    r.template_id,
                    r.status_callback,
                    r.signature,
                    r.extend,
                ]
            },
            &outs,
        )
    });
    // SAFETY: NULL or readable by contract; disjoint from the outputs.
    let Some(r) = (unsafe { request.as_ref() }) else {
        return CALLSIGN_NULL_ARGUMENT;
    };
    // SAFETY: forwarded contract.
    try_status!(unsafe { text_list_disjoint(r.template_paras, r.template_para_count, &outs) });
    // SAFETY: the field pointers are valid by contract.
    let fields = try_status!(unsafe {
        (|| -> Result<[Option<&str>; 6], u32> {
            Ok([
                t(r.from)?,
                t(r.to)?,
                t(r.template_id)?,
                t(r.status_callback)?,
                t(r.signature)?,
                t(r.extend)?,
            ])
        })()
    });
    let mut pool = [""; CALLSIGN_SMS_TEMPLATE_PARAS_MAX];
    let paras = if r.template_paras.is_null() && r.template_para_count == 0 {
        None
    } else {
        // SAFETY: forwarded contract.
        Some(try_status!(unsafe {
            text_list(r.template_paras, r.template_para_count, &mut pool)
        }))
    };
    let [from, to, id, cb, sig, ext] = fields;
    let built = (|| {
        let mut sms = BatchSendSms::new(
            required(from, Field::From)?,
            required(to, Field::To)?,
            required(id, Field::TemplateId)?,
        );
        sms.template_paras = paras;
        sms.status_callback = cb;
        sms.signature = sig;
        sms.extend = ext;
        Ok(sms)
    })();
    // SAFETY: forwarded contract.
    unsafe { write_body(built, out, out_cap, out_len, error) }
}

/// Writes the JSON body of a batchSendDiffSms v1 request (see
/// `callsign_huawei_sms_batch_diff`). Statuses and output rule as for
/// `callsign_huawei_sms_batch_body`; CALLSIGN_TOO_MANY_ITEMS beyond
/// CALLSIGN_SMS_DIFF_CONTENTS_MAX groups or CALLSIGN_SMS_DIFF_STRINGS_MAX
/// numbers and variables in all.
///
/// # Safety
/// As the header preamble says; every pointer in `request` (and in its
/// groups) valid for its length.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn callsign_huawei_sms_batch_diff_body(
    request: *const callsign_huawei_sms_batch_diff,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
    error: *mut callsign_field_error,
) -> u32 {
    try_status!(check_out(out, out_cap, out_len));
    let outs = outputs(out, out_cap, out_len, error);
    // SAFETY: forwarded contract.
    try_status!(unsafe {
        fields_disjoint(
            request,
            |r: &callsign_huawei_sms_batch_diff| [r.from, r.status_callback, r.extend],
            &outs,
        )
    });
    // SAFETY: NULL or readable by contract; disjoint from the outputs.
    let Some(r) = (unsafe { request.as_ref() }) else {
        return CALLSIGN_NULL_ARGUMENT;
    };
    try_status!(disjoint(
        &[Range::array(r.sms_content, r.sms_content_count)],
        &outs
    ));
    // SAFETY: forwarded contract; disjoint from the outputs (checked above).
    let groups = try_status!(unsafe { array(r.sms_content, r.sms_content_count) });
    if groups.len() > CALLSIGN_SMS_DIFF_CONTENTS_MAX {
        return CALLSIGN_TOO_MANY_ITEMS;
    }
    for g in groups {
        try_status!(disjoint(
            &[g.template_id.range(), g.signature.range()],
            &outs
        ));
        // SAFETY: forwarded contract.
        try_status!(unsafe { text_list_disjoint(g.to, g.to_count, &outs) });
        // SAFETY: forwarded contract.
        try_status!(unsafe { text_list_disjoint(g.template_paras, g.template_para_count, &outs) });
    }
    // SAFETY: the field pointers are valid by contract.
    let fields = try_status!(unsafe {
        (|| -> Result<[Option<&str>; 3], u32> {
            Ok([t(r.from)?, t(r.status_callback)?, t(r.extend)?])
        })()
    });
    let mut pool = [""; CALLSIGN_SMS_DIFF_STRINGS_MAX];
    // (to, paras, template_id, signature) per group, as ranges of `pool`.
    let mut spans =
        [((0usize, 0usize), None::<(usize, usize)>, None, None); CALLSIGN_SMS_DIFF_CONTENTS_MAX];
    let mut used = 0usize;
    for (g, span) in groups.iter().zip(spans.iter_mut()) {
        let rest = pool.get_mut(used..).unwrap_or_default();
        // SAFETY: forwarded contract.
        let n = try_status!(unsafe { text_list(g.to, g.to_count, rest) }).len();
        let to = (used, n);
        used = used.saturating_add(n);
        let paras = if g.template_paras.is_null() && g.template_para_count == 0 {
            None
        } else {
            let rest = pool.get_mut(used..).unwrap_or_default();
            // SAFETY: forwarded contract.
            let n =
                try_status!(unsafe { text_list(g.template_paras, g.template_para_count, rest) })
                    .len();
            let p = (used, n);
            used = used.saturating_add(n);
            Some(p)
        };
        // SAFETY: forwarded contract.
        let id = try_status!(unsafe { t(g.template_id) });
        // SAFETY: forwarded contract.
        let sig = try_status!(unsafe { t(g.signature) });
        *span = (to, paras, id, sig);
    }
    let slice = |(at, n): (usize, usize)| -> &[&str] {
        pool.get(at..at.saturating_add(n)).unwrap_or_default()
    };
    let mut contents = [SmsContent::new(&[], ""); CALLSIGN_SMS_DIFF_CONTENTS_MAX];
    for (index, (c, (to, paras, id, sig))) in contents.iter_mut().zip(spans).enumerate() {
        if index >= groups.len() {
            break;
        }
        let Some(id) = id else {
            let e = Error::InvalidListItem {
                list: Field::SmsContent,
                index,
                field: Field::TemplateId,
                problem: callsign_core::Problem::Missing,
            };
            // SAFETY: forwarded contract.
            return unsafe { fail(e, error) };
        };
        *c = SmsContent {
            to: slice(to),
            template_id: id,
            template_paras: paras.map(slice),
            signature: sig,
        };
    }
    let [from, cb, ext] = fields;
    let Some(from) = from else {
        let e = Error::InvalidField {
            field: Field::From,
            problem: callsign_core::Problem::Missing,
        };
        // SAFETY: forwarded contract.
        return unsafe { fail(e, error) };
    };
    let mut sms = BatchSendDiffSms::new(from, contents.get(..groups.len()).unwrap_or_default());
    sms.status_callback = cb;
    sms.extend = ext;
    // SAFETY: forwarded contract.
    unsafe { write_body(Ok(sms), out, out_cap, out_len, error) }
}

/// The Sinch OAuth2 token URL of `region` (`global`, `us` or `eu`) as a
/// static NUL-terminated string in `*url`, e.g.
/// `https://eu.auth.sinch.com/oauth2/token`. POST to it the body
/// `callsign_sinch_oauth2_token_body()` with `Content-Type:
/// application/x-www-form-urlencoded` and the `Authorization` value of
/// `callsign_sinch_oauth2_authorization`.
///
/// Returns CALLSIGN_OK, CALLSIGN_NULL_ARGUMENT, CALLSIGN_INVALID_UTF8,
/// CALLSIGN_OVERLAPPING_BUFFERS or CALLSIGN_INVALID_FIELD (unknown region,
/// named `region` in `*error`).
///
/// # Safety
/// As the header preamble says.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn callsign_sinch_oauth2_token_url(
    region: *const u8,
    region_len: usize,
    url: *mut *const c_char,
    error: *mut callsign_field_error,
) -> u32 {
    if url.is_null() {
        return CALLSIGN_NULL_ARGUMENT;
    }
    try_status!(disjoint(
        &[Range::bytes(region, region_len)],
        &[Range::of(url), error_range(error)]
    ));
    // SAFETY: forwarded contract.
    let region = try_status!(unsafe { text(region, region_len) });
    let value = match Region::from_text(region) {
        Ok(Region::Global) => c"https://auth.sinch.com/oauth2/token",
        Ok(Region::Us) => c"https://us.auth.sinch.com/oauth2/token",
        Ok(Region::Eu) => c"https://eu.auth.sinch.com/oauth2/token",
        // SAFETY: forwarded contract.
        Err(e) => return unsafe { fail(e, error) },
    };
    // SAFETY: non-NULL, writable by contract.
    unsafe { url.write(value.as_ptr()) };
    CALLSIGN_OK
}

const _: () = {
    assert!(same(
        c"https://auth.sinch.com/oauth2/token",
        Region::Global.token_url()
    ));
    assert!(same(
        c"https://us.auth.sinch.com/oauth2/token",
        Region::Us.token_url()
    ));
    assert!(same(
        c"https://eu.auth.sinch.com/oauth2/token",
        Region::Eu.token_url()
    ));
    assert!(same(c"grant_type=client_credentials", TokenRequest::BODY));
};

/// The form body of a Sinch OAuth2 token request,
/// "grant_type=client_credentials" (static, NUL-terminated).
#[no_mangle]
pub extern "C" fn callsign_sinch_oauth2_token_body() -> *const c_char {
    c"grant_type=client_credentials".as_ptr()
}

/// Writes the `Authorization` value of a Sinch OAuth2 token request,
/// `Basic ` and the Base64 of `key_id:key_secret` (the project's access
/// key). Returns CALLSIGN_OK, CALLSIGN_BUFFER_TOO_SMALL,
/// CALLSIGN_NULL_ARGUMENT, CALLSIGN_INVALID_UTF8, CALLSIGN_INVALID_USER
/// (`key_id`), CALLSIGN_INVALID_SECRET or CALLSIGN_OVERLAPPING_BUFFERS.
/// Output rule: see the header preamble; CALLSIGN_BASIC_MAX_LEN sizes the
/// buffer.
///
/// # Safety
/// As the header preamble says.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn callsign_sinch_oauth2_authorization(
    key_id: *const u8,
    key_id_len: usize,
    key_secret: *const u8,
    key_secret_len: usize,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> u32 {
    try_status!(check_out(out, out_cap, out_len));
    try_status!(disjoint(
        &[
            Range::bytes(key_id, key_id_len),
            Range::bytes(key_secret, key_secret_len)
        ],
        &text_out(out, out_cap, out_len),
    ));
    // SAFETY: forwarded contract.
    let id = try_status!(unsafe { text(key_id, key_id_len) });
    // SAFETY: forwarded contract.
    let secret = try_status!(unsafe { text(key_secret, key_secret_len) });
    let req = try_status!(TokenRequest::new(Region::Global, id, secret).map_err(from_error));
    // SAFETY: forwarded contract.
    unsafe { write_out(req.authorization(), out, out_cap, out_len) }
}

/// `field` of `callsign_huawei_voice_push_url`: the value is `statusUrl`.
pub const CALLSIGN_PUSH_URL_STATUS: u32 = 0;
/// `field` of `callsign_huawei_voice_push_url`: the value is `feeUrl`.
pub const CALLSIGN_PUSH_URL_FEE: u32 = 1;

/// Buffer size (NUL included) for any `statusUrl` / `feeUrl` value.
pub const CALLSIGN_HUAWEI_PUSH_URL_MAX_LEN: usize = 129;
const _: () = assert!(CALLSIGN_HUAWEI_PUSH_URL_MAX_LEN == PUSH_URL_B64_MAX_LEN + 1);

/// Writes the `statusUrl` or `feeUrl` value of a voice request for the
/// plain URL `url`: its standard padded Base64, as the API wants it. The
/// URL is 1 to 96 bytes of `A-Z a-z 0-9 - : . /` (no query: the platform
/// refuses other characters). `field` is CALLSIGN_PUSH_URL_STATUS or
/// CALLSIGN_PUSH_URL_FEE (the field an error names).
///
/// Returns CALLSIGN_OK, CALLSIGN_BUFFER_TOO_SMALL, CALLSIGN_NULL_ARGUMENT,
/// CALLSIGN_INVALID_UTF8, CALLSIGN_INVALID_ARGUMENT (unknown `field`),
/// CALLSIGN_OVERLAPPING_BUFFERS or CALLSIGN_INVALID_FIELD (named in
/// `*error`). Output rule: see the header preamble;
/// CALLSIGN_HUAWEI_PUSH_URL_MAX_LEN sizes the buffer.
///
/// # Safety
/// As the header preamble says.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn callsign_huawei_voice_push_url(
    field: u32,
    url: *const u8,
    url_len: usize,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
    error: *mut callsign_field_error,
) -> u32 {
    try_status!(check_out(out, out_cap, out_len));
    try_status!(disjoint(
        &[Range::bytes(url, url_len)],
        &outputs(out, out_cap, out_len, error)
    ));
    let field = match field {
        CALLSIGN_PUSH_URL_STATUS => Field::StatusUrl,
        CALLSIGN_PUSH_URL_FEE => Field::FeeUrl,
        _ => return CALLSIGN_INVALID_ARGUMENT,
    };
    // SAFETY: forwarded contract.
    let url = try_status!(unsafe { text(url, url_len) });
    match PushUrl::new(field, url) {
        // SAFETY: forwarded contract.
        Ok(value) => unsafe { write_out(&value, out, out_cap, out_len) },
        // SAFETY: forwarded contract.
        Err(e) => unsafe { fail(e, error) },
    }
}
