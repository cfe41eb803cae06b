//! `callsign build KIND`: a vector's `input` object (`{"fields": {...}}`)
//! in, the request out (`{"method","path","content_type","body"}`), through
//! the typed builders of `callsign-core`.
//!
//! JSON that cannot become the typed request (a missing required field, a
//! number where a string belongs, …) is reported as the core reports an
//! invalid field: [`Error::InvalidField`] naming the field as the vendor's
//! docs spell it.

use callsign_core::api::{Endpoint, Request};
use callsign_core::huawei::sms_api::{BatchSendDiffSms, BatchSendSms, SmsContent};
use callsign_core::huawei::voice_api::{
    parse_flag, CallStop, CallVerify, CalleeMedia, Click2Call, LastMinToUe, NumberCheck, Signal,
};
use callsign_core::sinch::oauth2::{Region, TokenRequest};
use callsign_core::{Error, Field, Problem};
use serde_json::{json, Map, Value};

/// The kinds `callsign build` knows.
pub const BUILD_KINDS: [&str; 6] = [
    "huawei-click2call",
    "huawei-callverify",
    "huawei-callstop",
    "huawei-sms-batch",
    "huawei-sms-batch-diff",
    "sinch-oauth-token",
];

/// The offending field of an API error, spelled as in the vendor's docs
/// (`smsContent[0].templateId` for a list element), if the error names one.
pub fn field_path(e: &Error) -> Option<String> {
    match *e {
        Error::InvalidField { field, .. } => Some(field.name().to_owned()),
        Error::InvalidListItem {
            list, index, field, ..
        } => Some(format!("{}[{index}].{}", list.name(), field.name())),
        Error::InvalidLength { field, .. }
        | Error::InvalidCharacter { field, .. }
        | Error::Malformed { field, .. }
        | Error::InvalidBase64 { field, .. } => Some(field.name().to_owned()),
        _ => None,
    }
}

/// Builds the request of `kind` from `input` (`{"fields": {...}}`).
pub fn build(kind: &str, input: &Value) -> Result<Value, Error> {
    let empty = Map::new();
    let fields = input
        .get("fields")
        .and_then(Value::as_object)
        .unwrap_or(&empty);
    let f = Fields(fields);
    match kind {
        "huawei-click2call" => output(&click2call(&f)?),
        "huawei-callverify" => output(&call_verify(&f)?),
        "huawei-callstop" => output(&CallStop {
            session_id: f.req("sessionid", Field::CallStopSessionId)?,
            signal: Signal::from_text(f.req("signal", Field::SignalName)?)?,
        }),
        "huawei-sms-batch" => {
            let paras = f.string_list("templateParas", Field::TemplateParas)?;
            let paras: Option<Vec<&str>> = paras.as_ref().map(|p| p.iter().map(String::as_str).collect());
            let mut sms = BatchSendSms::new(
                f.req("from", Field::From)?,
                f.req("to", Field::To)?,
                f.req("templateId", Field::TemplateId)?,
            );
            sms.template_paras = paras.as_deref();
            sms.status_callback = f.opt("statusCallback", Field::StatusCallback)?;
            sms.signature = f.opt("signature", Field::Signature)?;
            sms.extend = f.opt("extend", Field::Extend)?;
            output(&sms)
        }
        "huawei-sms-batch-diff" => batch_diff(&f),
        "sinch-oauth-token" => sinch_token(input),
        _ => Err(Error::InvalidField {
            field: Field::Body,
            problem: Problem::NotInEnum {
                allowed: "huawei-click2call|huawei-callverify|huawei-callstop|huawei-sms-batch|huawei-sms-batch-diff|sinch-oauth-token",
            },
        }),
    }
}

fn output<E: Endpoint>(endpoint: &E) -> Result<Value, Error> {
    let req = Request::new(endpoint)?;
    let mut body = vec![0u8; req.len()];
    let n = req.write(&mut body)?;
    body.truncate(n);
    Ok(json!({
        "method": req.method(),
        "path": req.path(),
        "content_type": req.content_type(),
        "body": String::from_utf8_lossy(&body),
    }))
}

fn click2call<'a>(f: &Fields<'a>) -> Result<Click2Call<'a>, Error> {
    Ok(Click2Call {
        display_nbr: f.req("displayNbr", Field::DisplayNbr)?,
        caller_nbr: f.req("callerNbr", Field::CallerNbr)?,
        display_callee_nbr: f.req("displayCalleeNbr", Field::DisplayCalleeNbr)?,
        callee_nbr: f.req("calleeNbr", Field::CalleeNbr)?,
        max_duration: f.int("maxDuration", Field::MaxDuration)?,
        last_min_voice: f.opt("lastMinVoice", Field::LastMinVoice)?,
        last_min_to_ue: f
            .opt("lastMinToUE", Field::LastMinToUe)?
            .map(LastMinToUe::from_text)
            .transpose()?,
        play_pre_voice: f.flag("playPreVoice", Field::PlayPreVoice)?,
        pre_voice: f.opt("preVoice", Field::PreVoice)?,
        wait_voice: f.opt("waitVoice", Field::WaitVoice)?,
        callee_media: f
            .opt("calleeMedia", Field::CalleeMedia)?
            .map(CalleeMedia::from_text)
            .transpose()?,
        status_url: f.opt("statusUrl", Field::StatusUrl)?,
        fee_url: f.opt("feeUrl", Field::FeeUrl)?,
        record_flag: f.flag("recordFlag", Field::RecordFlag)?,
        record_hint_tone: f.opt("recordHintTone", Field::RecordHintTone)?,
        party_type_required_in_disconnect: f.flag(
            "partyTypeRequiredInDisconnect",
            Field::PartyTypeRequiredInDisconnect,
        )?,
        return_idle_port: f.flag("returnIdlePort", Field::ReturnIdlePort)?,
        user_data: f.opt("userData", Field::UserData)?,
        // The vendor examples mask numbers (`+86755****8888`).
        number_check: NumberCheck::Lenient,
    })
}

fn call_verify<'a>(f: &Fields<'a>) -> Result<CallVerify<'a>, Error> {
    let mut v = CallVerify::new(
        f.req("displayNbr", Field::DisplayNbr)?,
        f.req("calleeNbr", Field::CalleeNbr)?,
        f.req("preTone", Field::PreTone)?,
        f.req("verifyCode", Field::VerifyCode)?,
    );
    v.language_type = f
        .int("languageType", Field::LanguageType)?
        .ok_or(missing(Field::LanguageType))?;
    v.pos_tone = f.opt("posTone", Field::PosTone)?;
    v.times = f.int("times", Field::Times)?;
    v.status_url = f.opt("statusUrl", Field::StatusUrl)?;
    v.fee_url = f.opt("feeUrl", Field::FeeUrl)?;
    v.return_idle_port = f.flag("returnIdlePort", Field::ReturnIdlePort)?;
    v.user_data = f.opt("userData", Field::UserData)?;
    v.number_check = NumberCheck::Lenient;
    Ok(v)
}

fn batch_diff(f: &Fields<'_>) -> Result<Value, Error> {
    let items = match f.0.get("smsContent") {
        None => return Err(missing(Field::SmsContent)),
        Some(Value::Array(items)) => items,
        Some(_) => return Err(wrong_type(Field::SmsContent, "array")),
    };
    // Owned lists first, then the borrowed views the core types take.
    let mut lists: Vec<(Vec<&str>, Option<Vec<String>>)> = Vec::new();
    for (index, item) in items.iter().enumerate() {
        let in_item = |e: Error| into_item(e, index);
        let obj = item
            .as_object()
            .ok_or(wrong_type(Field::SmsContent, "array of objects"))?;
        let g = Fields(obj);
        let to = match obj.get("to") {
            None => return Err(in_item(missing(Field::To))),
            Some(Value::Array(numbers)) => numbers
                .iter()
                .map(|n| {
                    n.as_str()
                        .ok_or(in_item(wrong_type(Field::To, "array of strings")))
                })
                .collect::<Result<Vec<_>, _>>()?,
            Some(_) => return Err(in_item(wrong_type(Field::To, "array of strings"))),
        };
        let paras = g
            .string_list("templateParas", Field::TemplateParas)
            .map_err(in_item)?;
        lists.push((to, paras));
    }
    let mut contents = Vec::new();
    let paras: Vec<Option<Vec<&str>>> = lists
        .iter()
        .map(|(_, p)| p.as_ref().map(|p| p.iter().map(String::as_str).collect()))
        .collect();
    for (index, item) in items.iter().enumerate() {
        let g = Fields(
            item.as_object()
                .ok_or(wrong_type(Field::SmsContent, "array of objects"))?,
        );
        let in_item = |e: Error| into_item(e, index);
        let (to, _) = &lists[index];
        contents.push(SmsContent {
            to,
            template_id: g.req("templateId", Field::TemplateId).map_err(in_item)?,
            template_paras: paras[index].as_deref(),
            signature: g.opt("signature", Field::Signature).map_err(in_item)?,
        });
    }
    let mut sms = BatchSendDiffSms::new(f.req("from", Field::From)?, &contents);
    sms.status_callback = f.opt("statusCallback", Field::StatusCallback)?;
    sms.extend = f.opt("extend", Field::Extend)?;
    output(&sms)
}

/// The token request from `{"region", "key_id", "key_secret"}` (region
/// `global` when absent).
fn sinch_token(input: &Value) -> Result<Value, Error> {
    let empty = Map::new();
    let f = Fields(input.as_object().unwrap_or(&empty));
    let region = match f.opt("region", Field::Region)? {
        Some(r) => Region::from_text(r)?,
        None => Region::Global,
    };
    let req = TokenRequest::new(
        region,
        f.req("key_id", Field::User)?,
        f.req("key_secret", Field::Secret)?,
    )?;
    let authorization = req.authorization().to_heapless()?;
    Ok(json!({
        "method": TokenRequest::METHOD,
        "url": req.url(),
        "headers": {
            "Authorization": authorization.as_str(),
            "Content-Type": TokenRequest::CONTENT_TYPE,
        },
        "body": TokenRequest::BODY,
    }))
}

fn into_item(e: Error, index: usize) -> Error {
    match e {
        Error::InvalidField { field, problem } => Error::InvalidListItem {
            list: Field::SmsContent,
            index,
            field,
            problem,
        },
        other => other,
    }
}

fn missing(field: Field) -> Error {
    Error::InvalidField {
        field,
        problem: Problem::Missing,
    }
}

fn wrong_type(field: Field, expected: &'static str) -> Error {
    Error::InvalidField {
        field,
        problem: Problem::WrongType { expected },
    }
}

/// The `fields` object of an input.
struct Fields<'a>(&'a Map<String, Value>);

impl<'a> Fields<'a> {
    /// An optional string field (`null` counts as absent).
    fn opt(&self, key: &str, field: Field) -> Result<Option<&'a str>, Error> {
        match self.0.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(_) => Err(wrong_type(field, "string")),
        }
    }

    /// A required string field.
    fn req(&self, key: &str, field: Field) -> Result<&'a str, Error> {
        self.opt(key, field)?.ok_or(missing(field))
    }

    /// An optional integer field of type `T`; a value `T` cannot hold is
    /// out of its range.
    fn int<T: TryFrom<i64> + Into<u64> + Bounded>(
        &self,
        key: &str,
        field: Field,
    ) -> Result<Option<T>, Error> {
        let out_of_range = Error::InvalidField {
            field,
            problem: Problem::OutOfRange {
                min: 0,
                max: T::MAX_U64,
            },
        };
        match self.0.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Number(n)) => match n.as_i64() {
                Some(i) => T::try_from(i).map(Some).map_err(|_| out_of_range),
                None if n.as_u64().is_some() => Err(out_of_range),
                None => Err(wrong_type(field, "integer")),
            },
            Some(_) => Err(wrong_type(field, "integer")),
        }
    }

    /// An optional request "boolean": the string `"true"` or `"false"`.
    fn flag(&self, key: &str, field: Field) -> Result<Option<bool>, Error> {
        match self.0.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => parse_flag(field, s).map(Some),
            Some(_) => Err(wrong_type(field, "string \"true\"/\"false\"")),
        }
    }

    /// An optional list of strings: a JSON array, or the JSON text of one
    /// (batchSendSms's `templateParas` is that text on the wire).
    fn string_list(&self, key: &str, field: Field) -> Result<Option<Vec<String>>, Error> {
        let bad = || wrong_type(field, "array of strings");
        let parsed;
        let items = match self.0.get(key) {
            None | Some(Value::Null) => return Ok(None),
            Some(Value::Array(items)) => items,
            Some(Value::String(text)) => {
                parsed = serde_json::from_str::<Value>(text).map_err(|_| bad())?;
                parsed.as_array().ok_or_else(bad)?
            }
            Some(_) => return Err(bad()),
        };
        let list = items
            .iter()
            .map(|v| v.as_str().map(str::to_owned).ok_or_else(bad))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Some(list))
    }
}

/// The largest value of an unsigned integer type, for range errors.
trait Bounded {
    const MAX_U64: u64;
}

impl Bounded for u8 {
    const MAX_U64: u64 = u8::MAX as u64;
}

impl Bounded for u16 {
    const MAX_U64: u64 = u16::MAX as u64;
}
