//! What the API-surface vector tests share: loading
//! `tests/vectors/api-surface.json`, the CLI kind of each vector, and the
//! expansion of the one input the file describes instead of spelling out.

#![allow(dead_code)]

use std::path::PathBuf;

use serde_json::Value;

/// Every vector of the file.
pub fn vectors() -> Vec<Value> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/vectors/api-surface.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    let json: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json["schema_version"], 1);
    json["vectors"].as_array().unwrap().clone()
}

/// The `callsign build`/`parse` KIND of a vector.
pub fn cli_kind(v: &Value) -> &'static str {
    let kind = v["kind"].as_str().unwrap();
    let api = v["api"].as_str().unwrap_or("");
    match (kind, api) {
        ("build_json", "click2Call v2.0") => "huawei-click2call",
        ("build_json", "callVerify v1.0") => "huawei-callverify",
        ("build_json", "callStop v2.0") => "huawei-callstop",
        ("build_form", "MSGSMS batchSendSms v1") => "huawei-sms-batch",
        ("build_json", "MSGSMS batchSendDiffSms v1") => "huawei-sms-batch-diff",
        ("build_form", "Sinch OAuth2 token") => "sinch-oauth-token",
        ("parse_voice_response", _) => "huawei-voice-response",
        ("parse_sms_response", _) => "huawei-sms-response",
        ("parse_voice_notification", _) => "huawei-voice-notification",
        ("parse_sms_status_report", _) => "huawei-sms-status-report",
        ("parse_oauth_token", _) => "sinch-oauth-token",
        other => panic!("vector {}: unknown kind {other:?}", v["id"]),
    }
}

/// Whether the vector is a builder's (`callsign build`) or a parser's.
pub fn is_build(v: &Value) -> bool {
    v["kind"].as_str().unwrap().starts_with("build_")
}

/// The vector's input, with the one placeholder of the file expanded:
/// `sms-to-501-numbers` describes its `to` ("<501 numbers +8615100000000 ..
/// +8615100000500 joined by ','>") instead of spelling it out.
pub fn input(v: &Value) -> Value {
    let mut input = v["input"].clone();
    if let Some(to) = input["fields"]["to"].as_str() {
        if to.starts_with("<501 numbers") {
            let numbers: Vec<String> = (0..=500).map(|i| format!("+86151{i:08}")).collect();
            assert_eq!(numbers.len(), 501);
            assert_eq!(numbers[500], "+8615100000500");
            input["fields"]["to"] = Value::String(numbers.join(","));
        }
    }
    input
}

/// The field an invalid vector expects to be named, if it names one.
pub fn expected_error_field(v: &Value) -> Option<Option<&str>> {
    let err = v["expected"].get("error")?;
    Some(err.get("field").and_then(Value::as_str))
}
