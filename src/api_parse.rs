//! `callsign parse KIND`: a raw payload in, `{"fields": {...}, ...}` out
//! with the derived values the vectors name (`category`, `success`, …),
//! through the parsers of `callsign-core`. Absent fields are `null`.

use callsign_core::huawei::sms_api::SmsResponse;
use callsign_core::huawei::voice_api::VoiceResponse;
use callsign_core::{Error, Field, JsonStr, Problem};
use serde_json::{json, Value};

/// The kinds `callsign parse` knows.
pub const PARSE_KINDS: [&str; 2] = ["huawei-voice-response", "huawei-sms-response"];

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
                "advice": row.map(|r| r.note).filter(|n| !n.is_empty()).unwrap_or(category.advice()),
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
        _ => Err(Error::InvalidField {
            field: Field::Body,
            problem: Problem::NotInEnum {
                allowed: "huawei-voice-response|huawei-sms-response",
            },
        }),
    }
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
