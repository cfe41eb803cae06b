//! What the voice platform pushes to `statusUrl` / `feeUrl` (api-surface
//! spec §2): status events (`callout`, `alerting`, `answer`, `disconnect`,
//! …) and fee records (`fee`, up to 50 per push). Parsed without
//! allocation: fee records go into the caller's capacity `N`, and a push
//! with more records than `N` is an error, never a truncation.
//!
//! Times (`timestamp`, `callEndTime`, …) are kept as the platform writes
//! them (`yyyy-MM-dd HH:mm:ss`; their time zone is unsettled, spec §5 A7,
//! A19). Verify the push's signature first
//! ([`crate::huawei::voice_push::verify_push`]).

use crate::error::invalid;
use crate::json::fields::{
    array, object, pick, plain, required, text, top_object, uint, uint_or_digits,
};
use crate::json::read::{elements, Value};
use crate::json::JsonStr;
use crate::{Error, Field, Problem};

/// Most fee records in one push (spec §2.1).
pub const MAX_FEE_RECORDS: usize = 50;

/// A parsed push: a status event, or the fee records (at most `N`).
///
/// ```
/// use callsign_core::huawei::voice_api::{EventType, VoiceNotification};
/// let body = r#"{"eventType":"callout","statusInfo":{"sessionId":"1201_612@x","timestamp":"2019-01-24 03:04:24","caller":"+8613800000022","called":"+8613800000021"}}"#;
/// let VoiceNotification::Status(e) = VoiceNotification::<4>::parse(body)? else { panic!() };
/// assert_eq!(e.event_type, EventType::Callout);
/// assert_eq!(e.caller, Some("+8613800000022"));
/// # Ok::<(), callsign_core::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VoiceNotification<'a, const N: usize> {
    /// A status event (`eventType` other than `fee`).
    Status(StatusEvent<'a>),
    /// Fee records (`eventType` = `fee`), 1 to `min(N, 50)`.
    Fee(heapless::Vec<FeeRecord<'a>, N>),
}

impl<'a, const N: usize> VoiceNotification<'a, N> {
    /// Parses a push body (strict JSON, unknown keys ignored).
    ///
    /// ```
    /// use callsign_core::huawei::voice_api::VoiceNotification;
    /// use callsign_core::{Error, Field, Problem};
    /// let fee = r#"{"eventType":"fee","feeLst":[
    ///   {"direction":0,"spId":"s","appKey":"k","bindNum":"+1","sessionId":"x0","callerNum":"+1","calleeNum":"+2"},
    ///   {"direction":0,"spId":"s","appKey":"k","bindNum":"+1","sessionId":"x1","callerNum":"+1","calleeNum":"+2"}]}"#;
    /// let VoiceNotification::Fee(records) = VoiceNotification::<2>::parse(fee)? else { panic!() };
    /// assert_eq!(records[1].session_id, "x1");
    /// assert_eq!(
    ///     VoiceNotification::<1>::parse(fee).unwrap_err(),
    ///     Error::InvalidField { field: Field::FeeLst, problem: Problem::TooMany { max: 1 } }
    /// );
    /// # Ok::<(), Error>(())
    /// ```
    pub fn parse(body: &'a str) -> Result<Self, Error> {
        let mut records = heapless::Vec::new();
        let max = N.min(MAX_FEE_RECORDS);
        match parse_each_fee(body, max, |_, record| {
            // Cannot fail: `parse_each_fee` stops before `max` <= N records.
            let _ = records.push(record);
        })? {
            Some(status) => Ok(VoiceNotification::Status(status)),
            None => Ok(VoiceNotification::Fee(records)),
        }
    }
}

/// Parses a push body as [`VoiceNotification::parse`] does, without
/// collecting the fee records: each is handed to `each` with its index, in
/// order, and a push with more than `min(max, 50)` records is
/// [`Problem::TooMany`] (after the first `max` were handed over). Returns
/// the status event, or `None` for a fee push (at least one record). For
/// callers that keep the records elsewhere (the C ABI fills a caller
/// array).
///
/// ```
/// use callsign_core::huawei::voice_api::parse_each_fee;
/// let fee = r#"{"eventType":"fee","feeLst":[{"direction":0,"spId":"s","appKey":"k","bindNum":"+1","sessionId":"x0","callerNum":"+1","calleeNum":"+2"}]}"#;
/// let mut ids = [""; 1];
/// assert_eq!(parse_each_fee(fee, 50, |i, r| ids[i] = r.session_id)?, None);
/// assert_eq!(ids, ["x0"]);
/// # Ok::<(), callsign_core::Error>(())
/// ```
pub fn parse_each_fee<'a>(
    body: &'a str,
    max: usize,
    each: impl FnMut(usize, FeeRecord<'a>),
) -> Result<Option<StatusEvent<'a>>, Error> {
    let [event, info, fee] = pick(
        top_object(body)?,
        [
            ("eventType", Field::EventType),
            ("statusInfo", Field::StatusInfo),
            ("feeLst", Field::FeeLst),
        ],
    )?;
    let event_type = plain(
        Some(required(event, Field::EventType)?),
        Field::EventType,
        1,
        64,
    )?
    .map(EventType::from_text)
    .unwrap_or(EventType::Other(""));
    if event_type == EventType::Fee {
        let list = array(required(fee, Field::FeeLst)?, Field::FeeLst)?;
        fee_records(list, max.min(MAX_FEE_RECORDS), each)?;
        return Ok(None);
    }
    let info = object(required(info, Field::StatusInfo)?, Field::StatusInfo)?;
    StatusEvent::parse(event_type, info).map(Some)
}

fn fee_records<'a>(
    list: &'a str,
    max: usize,
    mut each: impl FnMut(usize, FeeRecord<'a>),
) -> Result<(), Error> {
    let mut count = 0usize;
    for (index, item) in elements(list).enumerate() {
        if index >= max {
            return Err(invalid(Field::FeeLst, Problem::TooMany { max }));
        }
        let record = object(item?, Field::FeeLst)
            .and_then(FeeRecord::parse)
            .map_err(|e| match e {
                Error::InvalidField { field, problem } => Error::InvalidListItem {
                    list: Field::FeeLst,
                    index,
                    field,
                    problem,
                },
                other => other,
            })?;
        each(index, record);
        count = index.saturating_add(1);
    }
    if count == 0 {
        return Err(invalid(Field::FeeLst, Problem::Empty));
    }
    Ok(())
}

/// `eventType`.
///
/// ```
/// use callsign_core::huawei::voice_api::EventType;
/// assert_eq!(EventType::from_text("disconnect"), EventType::Disconnect);
/// assert_eq!(EventType::from_text("ringback").as_str(), "ringback");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventType<'a> {
    /// `callout`: the outgoing call started.
    Callout,
    /// `alerting`: ringing.
    Alerting,
    /// `answer`: answered.
    Answer,
    /// `disconnect`: hung up.
    Disconnect,
    /// `collectInfo`: digits collected (voice notification only).
    CollectInfo,
    /// `fee`: call detail records.
    Fee,
    /// Any other value, kept as sent.
    Other(&'a str),
}

impl<'a> EventType<'a> {
    /// Reads the API's spelling.
    ///
    /// ```
    /// use callsign_core::huawei::voice_api::EventType;
    /// assert_eq!(EventType::from_text("fee"), EventType::Fee);
    /// ```
    pub fn from_text(text: &'a str) -> Self {
        match text {
            "callout" => EventType::Callout,
            "alerting" => EventType::Alerting,
            "answer" => EventType::Answer,
            "disconnect" => EventType::Disconnect,
            "collectInfo" => EventType::CollectInfo,
            "fee" => EventType::Fee,
            other => EventType::Other(other),
        }
    }

    /// The API's spelling.
    ///
    /// ```
    /// assert_eq!(callsign_core::huawei::voice_api::EventType::Answer.as_str(), "answer");
    /// ```
    pub const fn as_str(&self) -> &'a str {
        match self {
            EventType::Callout => "callout",
            EventType::Alerting => "alerting",
            EventType::Answer => "answer",
            EventType::Disconnect => "disconnect",
            EventType::CollectInfo => "collectInfo",
            EventType::Fee => "fee",
            EventType::Other(s) => s,
        }
    }
}

/// A status event and its `statusInfo`.
///
/// ```
/// use callsign_core::huawei::voice_api::VoiceNotification;
/// let body = r#"{"eventType":"disconnect","statusInfo":{"sessionId":"s","partyType":"1","stateCode":0,"stateDesc":"The user releases the call."}}"#;
/// let VoiceNotification::Status(e) = VoiceNotification::<1>::parse(body)? else { panic!() };
/// assert_eq!((e.party_type, e.state_code), (Some("1"), Some(0)));
/// assert!(e.state_desc.unwrap() == "The user releases the call.");
/// # Ok::<(), callsign_core::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StatusEvent<'a> {
    /// `eventType`.
    pub event_type: EventType<'a>,
    /// `sessionId`: correlates with the click2Call/callVerify response.
    pub session_id: &'a str,
    /// `timestamp`, as sent (`yyyy-MM-dd HH:mm:ss`).
    pub timestamp: Option<&'a str>,
    /// `caller`.
    pub caller: Option<&'a str>,
    /// `called`.
    pub called: Option<&'a str>,
    /// `userData`: the request's, echoed.
    pub user_data: Option<JsonStr<'a>>,
    /// `partyType`: who hung up (string or number; its values are not
    /// documented), as sent.
    pub party_type: Option<&'a str>,
    /// `stateCode`: release cause.
    pub state_code: Option<u32>,
    /// `stateDesc`: cause text.
    pub state_desc: Option<JsonStr<'a>>,
    /// `digitInfo`: collected digits (collectInfo).
    pub digit_info: Option<&'a str>,
}

impl<'a> StatusEvent<'a> {
    fn parse(event_type: EventType<'a>, info: &'a str) -> Result<Self, Error> {
        let [session, ts, caller, called, user_data, party, code, desc, digits] = pick(
            info,
            [
                ("sessionId", Field::SessionId),
                ("timestamp", Field::Timestamp),
                ("caller", Field::Caller),
                ("called", Field::Called),
                ("userData", Field::UserData),
                ("partyType", Field::PartyType),
                ("stateCode", Field::StateCode),
                ("stateDesc", Field::StateDesc),
                ("digitInfo", Field::DigitInfo),
            ],
        )?;
        let party_type = match party {
            Some(Value::Number(n)) => Some(n),
            other => plain(other, Field::PartyType, 0, 32)?,
        };
        Ok(StatusEvent {
            event_type,
            session_id: plain(
                Some(required(session, Field::SessionId)?),
                Field::SessionId,
                1,
                256,
            )?
            .unwrap_or(""),
            timestamp: plain(ts, Field::Timestamp, 0, 64)?,
            caller: plain(caller, Field::Caller, 0, 128)?,
            called: plain(called, Field::Called, 0, 128)?,
            user_data: text(user_data, Field::UserData)?,
            party_type,
            state_code: uint_or_digits(code, Field::StateCode, u64::from(u32::MAX))?
                .and_then(|c| u32::try_from(c).ok()),
            state_desc: text(desc, Field::StateDesc)?,
            digit_info: plain(digits, Field::DigitInfo, 0, 256)?,
        })
    }
}

/// One fee record (FeeInfo). Times are kept as sent.
///
/// ```
/// use callsign_core::huawei::voice_api::VoiceNotification;
/// let body = r#"{"eventType":"fee","feeLst":[{"direction":1,"spId":"sp","appKey":"k","bindNum":"+1","sessionId":"x","callerNum":"+1","calleeNum":"+2","callEndTime":"2019-01-24 03:05:00","recordFlag":1,"fwdUnaswRsn":"16"}]}"#;
/// let VoiceNotification::Fee(r) = VoiceNotification::<1>::parse(body)? else { panic!() };
/// assert_eq!((r[0].direction, r[0].record_flag, r[0].fwd_unasw_rsn), (1, Some(1), Some(16)));
/// # Ok::<(), callsign_core::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FeeRecord<'a> {
    /// `direction`: 0 outgoing, 1 incoming (relative to the platform).
    pub direction: u8,
    /// `spId`: the customer cloud account (1–32).
    pub sp_id: &'a str,
    /// `appKey` (1–32).
    pub app_key: &'a str,
    /// `icid`: call record id (1–64).
    pub icid: Option<&'a str>,
    /// `bindNum`: the fixed number that placed the call (1–32).
    pub bind_num: &'a str,
    /// `sessionId` (1–256).
    pub session_id: &'a str,
    /// `callerNum` (1–32).
    pub caller_num: &'a str,
    /// `calleeNum` (1–128).
    pub callee_num: &'a str,
    /// `callEndTime`, as sent.
    pub call_end_time: Option<&'a str>,
    /// `fwdUnaswRsn`: Q.850 cause of a failed forward.
    pub fwd_unasw_rsn: Option<u32>,
    /// `failTime`, as sent.
    pub fail_time: Option<&'a str>,
    /// `ulFailReason`: release point of a failed call.
    pub ul_fail_reason: Option<u32>,
    /// `sipStatusCode`: SIP status of a failed call.
    pub sip_status_code: Option<u32>,
    /// `callOutStartTime`, as sent.
    pub call_out_start_time: Option<&'a str>,
    /// `callOutAlertingTime`, as sent.
    pub call_out_alerting_time: Option<&'a str>,
    /// `callOutAnswerTime`, as sent.
    pub call_out_answer_time: Option<&'a str>,
    /// `callOutUnaswRsn`: Q.850 cause of a failed outgoing leg.
    pub call_out_unasw_rsn: Option<u32>,
    /// `recordFlag`: 1 = recorded (an integer here).
    pub record_flag: Option<u8>,
    /// `recordStartTime`, as sent.
    pub record_start_time: Option<&'a str>,
    /// `recordObjectName`.
    pub record_object_name: Option<JsonStr<'a>>,
    /// `userData`, echoed.
    pub user_data: Option<JsonStr<'a>>,
}

impl<'a> FeeRecord<'a> {
    fn parse(obj: &'a str) -> Result<Self, Error> {
        let [dir, sp, key, icid, bind, session, caller, callee, end, fwd, fail, ul, sip, start, alert, answer, out_rsn, rec, rec_start, rec_name, user] =
            pick(
                obj,
                [
                    ("direction", Field::Direction),
                    ("spId", Field::SpId),
                    ("appKey", Field::FeeAppKey),
                    ("icid", Field::Icid),
                    ("bindNum", Field::BindNum),
                    ("sessionId", Field::SessionId),
                    ("callerNum", Field::CallerNum),
                    ("calleeNum", Field::CalleeNum),
                    ("callEndTime", Field::CallEndTime),
                    ("fwdUnaswRsn", Field::FwdUnaswRsn),
                    ("failTime", Field::FailTime),
                    ("ulFailReason", Field::UlFailReason),
                    ("sipStatusCode", Field::SipStatusCode),
                    ("callOutStartTime", Field::CallOutStartTime),
                    ("callOutAlertingTime", Field::CallOutAlertingTime),
                    ("callOutAnswerTime", Field::CallOutAnswerTime),
                    ("callOutUnaswRsn", Field::CallOutUnaswRsn),
                    ("recordFlag", Field::RecordFlag),
                    ("recordStartTime", Field::RecordStartTime),
                    ("recordObjectName", Field::RecordObjectName),
                    ("userData", Field::UserData),
                ],
            )?;
        let req = |v: Option<Value<'a>>, field, max| {
            plain(Some(required(v, field)?), field, 1, max).map(|s| s.unwrap_or(""))
        };
        let cause = |v, field| {
            uint_or_digits(v, field, u64::from(u32::MAX))
                .map(|c| c.and_then(|c| u32::try_from(c).ok()))
        };
        let time = |v, field| plain(v, field, 0, 128);
        Ok(FeeRecord {
            direction: uint(Some(required(dir, Field::Direction)?), Field::Direction, 1)?
                .and_then(|d| u8::try_from(d).ok())
                .unwrap_or(0),
            sp_id: req(sp, Field::SpId, 32)?,
            app_key: req(key, Field::FeeAppKey, 32)?,
            icid: plain(icid, Field::Icid, 1, 64)?,
            bind_num: req(bind, Field::BindNum, 32)?,
            session_id: req(session, Field::SessionId, 256)?,
            caller_num: req(caller, Field::CallerNum, 32)?,
            callee_num: req(callee, Field::CalleeNum, 128)?,
            call_end_time: plain(end, Field::CallEndTime, 0, 128)?,
            fwd_unasw_rsn: cause(fwd, Field::FwdUnaswRsn)?,
            fail_time: time(fail, Field::FailTime)?,
            ul_fail_reason: cause(ul, Field::UlFailReason)?,
            sip_status_code: cause(sip, Field::SipStatusCode)?,
            call_out_start_time: time(start, Field::CallOutStartTime)?,
            call_out_alerting_time: time(alert, Field::CallOutAlertingTime)?,
            call_out_answer_time: time(answer, Field::CallOutAnswerTime)?,
            call_out_unasw_rsn: cause(out_rsn, Field::CallOutUnaswRsn)?,
            record_flag: uint(rec, Field::RecordFlag, 1)?.and_then(|r| u8::try_from(r).ok()),
            record_start_time: time(rec_start, Field::RecordStartTime)?,
            record_object_name: text(rec_name, Field::RecordObjectName)?,
            user_data: text(user, Field::UserData)?,
        })
    }
}
