//! `callsign parse KIND`: a raw payload in, `{"fields": {...}, ...}` out
//! with the derived values the vectors name (`category`, `success`, …),
//! through the parsers of `callsign-core`. Absent fields are `null`.

use callsign_core::huawei::sms_api::{
    check_status_report_content_type, FormValue, SmsResponse, StatusReport,
};
use callsign_core::huawei::voice_api::{
    FeeRecord, VoiceNotification, VoiceResponse, MAX_FEE_RECORDS,
};
use callsign_core::sinch::oauth2::{TokenCache, TokenResponse};
use callsign_core::{Error, Field, JsonStr, Problem};
use serde_json::{json, Value};

/// The kinds `callsign parse` knows.
pub const PARSE_KINDS: [&str; 5] = [
    "huawei-voice-response",
    "huawei-sms-response",
    "huawei-voice-notification",
    "huawei-sms-status-report",
    "sinch-oauth-token",
];

/// What comes with a payload besides its bytes.
#[derive(Clone, Debug, Default)]
pub struct Context {
    /// The HTTP status of a response (200 when not given).
    pub http_status: Option<u16>,
    /// The `Content-Type` of a pushed payload.
    pub content_type: Option<String>,
    /// When the token request was sent (Unix seconds).
    pub received_at: Option<u64>,
}

/// Parses `raw` as `kind`.
pub fn parse(kind: &str, raw: &str, ctx: &Context) -> Result<Value, Error> {
    let status = ctx.http_status.unwrap_or(200);
    match kind {
        "huawei-voice-response" => {
            let r = VoiceResponse::parse(raw)?;
            let category = r.category(status);
            let row = r.result(status);
            Ok(json!({
                "fields": {
                    "resultcode": r.result_code,
                    "resultdesc": r.result_desc.map(text),
                    "sessionId": r.session_id.map(text),
                    "idlePort": r.idle_port,
                },
                "success": r.is_success() && (200..300).contains(&status),
                "category": category.as_str(),
                "retry_after_secs": retry_after(category),
                "advice": category.advice(),
                "note": row.map(|r| r.note).filter(|n| !n.is_empty()),
            }))
        }
        "huawei-sms-response" => {
            let r = SmsResponse::parse(raw)?;
            let category = r.category(status);
            let results: Vec<Value> = r
                .results()
                .map(|x| {
                    json!({
                        "smsMsgId": x.sms_msg_id,
                        "from": x.from.map(text),
                        "originTo": x.origin_to,
                        "status": x.status,
                        "createTime": x.create_time,
                        "countryId": x.country_id,
                        "total": x.total,
                    })
                })
                .collect();
            Ok(json!({
                "fields": {
                    "code": r.code,
                    "description": r.description.map(text),
                    "result": results,
                },
                "success": r.is_success() && (200..300).contains(&status),
                "per_number_success": r.results().map(|x| x.is_accepted()).collect::<Vec<_>>(),
                "category": category.as_str(),
                "retry_after_secs": retry_after(category),
                "advice": category.advice(),
            }))
        }
        "huawei-voice-notification" => voice_notification(raw),
        "sinch-oauth-token" => sinch_token(raw, ctx),
        "huawei-sms-status-report" => {
            if let Some(ct) = &ctx.content_type {
                check_status_report_content_type(ct)?;
            }
            let r = StatusReport::parse(raw)?;
            let f = |v: Option<FormValue<'_>>| v.map(form_text);
            Ok(json!({
                "fields": {
                    "smsMsgId": form_text(r.sms_msg_id),
                    "status": form_text(r.status),
                    "statusDesc": f(r.status_desc),
                    "total": f(r.total),
                    "sequence": f(r.sequence),
                    "source": f(r.source),
                    "updateTime": f(r.update_time),
                    "orgCode": f(r.org_code),
                    "extend": f(r.extend),
                    "to": f(r.to),
                },
                "delivered": r.is_delivered(),
            }))
        }
        _ => Err(Error::InvalidField {
            field: Field::Body,
            problem: Problem::NotInEnum {
                allowed: "huawei-voice-response|huawei-sms-response|huawei-voice-notification|huawei-sms-status-report|sinch-oauth-token",
            },
        }),
    }
}

/// A token endpoint response: any status but 200 is an error (spec §4.4);
/// the expiry from `received_at` (when the request was sent), and the
/// Bearer header from a [`TokenCache`].
fn sinch_token(raw: &str, ctx: &Context) -> Result<Value, Error> {
    let status = ctx.http_status.unwrap_or(200);
    if status != 200 {
        return Err(Error::InvalidField {
            field: Field::HttpStatus,
            problem: Problem::NotInEnum { allowed: "200" },
        });
    }
    let r = TokenResponse::parse(raw)?;
    let sent_at = ctx.received_at.unwrap_or(0);
    let mut cache = TokenCache::<65536>::new();
    cache.store(&r, sent_at)?;
    let mut header = vec![0u8; cache.bearer()?.len()];
    let n = cache.bearer()?.write(&mut header)?;
    header.truncate(n);
    Ok(json!({
        "fields": {
            "access_token": r.access_token,
            "token_type": r.token_type,
            "expires_in": r.expires_in,
            "scope": r.scope.map(text),
        },
        "expires_at_unix": r.expires_at(sent_at),
        "refresh_at_unix": r.refresh_at(sent_at),
        "authorization_header": String::from_utf8_lossy(&header),
    }))
}

fn voice_notification(raw: &str) -> Result<Value, Error> {
    match VoiceNotification::<MAX_FEE_RECORDS>::parse(raw)? {
        VoiceNotification::Status(e) => Ok(json!({
            "fields": {
                "eventType": e.event_type.as_str(),
                "statusInfo": {
                    "sessionId": e.session_id,
                    "timestamp": e.timestamp,
                    "caller": e.caller,
                    "called": e.called,
                    "userData": e.user_data.map(text),
                    "partyType": e.party_type,
                    "stateCode": e.state_code,
                    "stateDesc": e.state_desc.map(text),
                    "digitInfo": e.digit_info,
                },
            },
        })),
        VoiceNotification::Fee(records) => Ok(json!({
            "fields": {
                "eventType": "fee",
                "feeLst": records.iter().map(fee_record).collect::<Vec<_>>(),
            },
        })),
    }
}

fn fee_record(r: &FeeRecord<'_>) -> Value {
    json!({
        "direction": r.direction,
        "spId": r.sp_id,
        "appKey": r.app_key,
        "icid": r.icid,
        "bindNum": r.bind_num,
        "sessionId": r.session_id,
        "callerNum": r.caller_num,
        "calleeNum": r.callee_num,
        "callEndTime": r.call_end_time,
        "fwdUnaswRsn": r.fwd_unasw_rsn,
        "failTime": r.fail_time,
        "ulFailReason": r.ul_fail_reason,
        "sipStatusCode": r.sip_status_code,
        "callOutStartTime": r.call_out_start_time,
        "callOutAlertingTime": r.call_out_alerting_time,
        "callOutAnswerTime": r.call_out_answer_time,
        "callOutUnaswRsn": r.call_out_unasw_rsn,
        "recordFlag": r.record_flag,
        "recordStartTime": r.record_start_time,
        "recordObjectName": r.record_object_name.map(text),
        "userData": r.user_data.map(text),
    })
}

/// The decoded text of a received form value.
fn form_text(v: FormValue<'_>) -> String {
    String::from_utf8_lossy(&v.bytes().collect::<Vec<u8>>()).into_owned()
}

/// The unescaped text of a received JSON string.
fn text(s: JsonStr<'_>) -> String {
    s.chars().collect()
}

fn retry_after(category: callsign_core::api::Category) -> Option<u32> {
    match category {
        callsign_core::api::Category::RetryLater { after_secs } => after_secs,
        _ => None,
    }
}
