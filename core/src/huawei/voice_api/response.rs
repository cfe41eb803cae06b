//! The response of click2Call, callVerify and callStop (api-surface spec
//! §1.5): `resultcode`, `resultdesc`, `sessionId`, `idlePort`.

use super::RESULT_CODES;
use crate::api::{classify, Category, ResultCode};
use crate::json::fields::{pick, plain, required, text, top_object, uint};
use crate::json::JsonStr;
use crate::{Error, Field};

/// A parsed voice response; strings are borrowed from the body.
///
/// ```
/// use callsign_core::huawei::voice_api::VoiceResponse;
/// use callsign_core::api::Category;
/// let r = VoiceResponse::parse(r#"{ "resultcode":"0", "resultdesc":"Success", "sessionId":"1202_566_0_20161228102743@callenabler.home1.com" }"#)?;
/// assert!(r.is_success());
/// assert_eq!(r.session_id.unwrap().as_str(), Some("1202_566_0_20161228102743@callenabler.home1.com"));
/// assert_eq!(r.category(200), Category::Success);
/// # Ok::<(), callsign_core::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VoiceResponse<'a> {
    /// `resultcode`: `"0"` on success (a string, 1–32 characters).
    pub result_code: &'a str,
    /// `resultdesc`: English text, if present.
    pub result_desc: Option<JsonStr<'a>>,
    /// `sessionId`: `None` when missing or empty (failed requests and
    /// callStop, spec §5 A5).
    pub session_id: Option<JsonStr<'a>>,
    /// `idlePort`: 0–65535, only when `returnIdlePort` was `"true"`.
    pub idle_port: Option<u16>,
}

impl<'a> VoiceResponse<'a> {
    /// Parses a response body: strict JSON, unknown keys ignored, key order
    /// free; `resultcode` must be a string.
    ///
    /// ```
    /// use callsign_core::huawei::voice_api::VoiceResponse;
    /// use callsign_core::{Error, Field, Problem};
    /// assert_eq!(
    ///     VoiceResponse::parse(r#"{"resultcode":0}"#).unwrap_err(),
    ///     Error::InvalidField { field: Field::ResultCode, problem: Problem::WrongType { expected: "string" } }
    /// );
    /// assert!(VoiceResponse::parse(r#"{"resultcode":"0","resultdesc":"Succ"#).is_err());
    /// ```
    pub fn parse(body: &'a str) -> Result<Self, Error> {
        let [code, desc, session, port] = pick(
            top_object(body)?,
            [
                ("resultcode", Field::ResultCode),
                ("resultdesc", Field::ResultDesc),
                ("sessionId", Field::SessionId),
                ("idlePort", Field::IdlePort),
            ],
        )?;
        let result_code = plain(
            Some(required(code, Field::ResultCode)?),
            Field::ResultCode,
            1,
            32,
        )?
        .unwrap_or("");
        let session_id = text(session, Field::SessionId)?.filter(|s| !s.is_empty());
        let idle_port =
            uint(port, Field::IdlePort, u64::from(u16::MAX))?.and_then(|p| u16::try_from(p).ok());
        Ok(VoiceResponse {
            result_code,
            result_desc: text(desc, Field::ResultDesc)?,
            session_id,
            idle_port,
        })
    }

    /// Whether `resultcode` is `"0"`.
    ///
    /// ```
    /// # use callsign_core::huawei::voice_api::VoiceResponse;
    /// assert!(!VoiceResponse::parse(r#"{"resultcode":"1010010"}"#)?.is_success());
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn is_success(&self) -> bool {
        self.result_code == "0"
    }

    /// The row of [`RESULT_CODES`] for this code under `http_status`, if
    /// the table has one.
    ///
    /// ```
    /// # use callsign_core::huawei::voice_api::VoiceResponse;
    /// let r = VoiceResponse::parse(r#"{"resultcode":"1010013","resultdesc":"Time out limit."}"#)?;
    /// assert_eq!(r.result(401).unwrap().text, "Time out limit.");
    /// assert_eq!(r.result(500), None);
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn result(&self, http_status: u16) -> Option<&'static ResultCode> {
        classify(RESULT_CODES, http_status, self.result_code).1
    }

    /// What to do, classified by the pair (HTTP status, `resultcode`), with
    /// the spec's fallback for codes no table knows.
    ///
    /// ```
    /// use callsign_core::{api::Category, huawei::voice_api::VoiceResponse};
    /// let r = VoiceResponse::parse(r#"{"resultcode":"1010010","resultdesc":"x"}"#)?;
    /// assert_eq!(r.category(401), Category::FixCredentials);
    /// assert_eq!(r.category(403), Category::RetryLater { after_secs: Some(60) });
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn category(&self, http_status: u16) -> Category {
        if self.is_success() && (200..300).contains(&http_status) {
            return Category::Success;
        }
        classify(RESULT_CODES, http_status, self.result_code).0
    }
}
