//! The response of batchSendSms and batchSendDiffSms (api-surface spec
//! §3.4): `code`, `description`, and per number `result[]`.

use crate::api::{classify, Category, ResultCode};
use crate::json::fields::{array, object, pick, plain, required, text, top_object, uint};
use crate::json::read::{elements, Elements};
use crate::json::JsonStr;
use crate::{Error, Field};

/// Most per-number results a response may carry.
pub const MAX_RESULTS: usize = 1000;

/// The code of an accepted request, and of an accepted number.
pub const SUCCESS: &str = "000000";

/// A 400 row: every retrieved error code is a fix-request one.
const fn fix(code: &'static str, text: &'static str, note: &'static str) -> ResultCode {
    ResultCode {
        http_status: 400,
        code,
        text,
        category: Category::FixRequest,
        note,
    }
}

/// The MSGSMS result codes that could be retrieved (spec §3.4; the rest of
/// the vendor table, with the digest, clock and quota codes, was not).
/// Texts are the spec's summaries, not verbatim vendor text.
///
/// ```
/// use callsign_core::huawei::sms_api::RESULT_CODES;
/// assert!(RESULT_CODES.iter().any(|r| r.code == "E000503" && r.http_status == 400));
/// ```
pub const RESULT_CODES: &[ResultCode] = &[
    ResultCode {
        http_status: 200,
        code: SUCCESS,
        text: "Success",
        category: Category::Success,
        note: "",
    },
    fix(
"E000000", "System error.", "check templateParas first"),
    fix(
"E000001", "Authorization header missing.", ""),
    fix(
"E000002", "realm missing in Authorization.", ""),
    fix(
"E000003", "profile missing in Authorization.", ""),
    fix(
"E000004", "realm in Authorization is not SDP.", ""),
    fix(
"E000005", "profile in Authorization is not UsernameToken.", ""),
    fix(
"E000006", "type in Authorization is not Appkey.", ""),
    fix(
"E000007", "type missing in Authorization.", ""),
    fix(
"E000008", "WSSE missing in Authorization.", ""),
    fix(
"E000020", "X-WSSE header missing.", ""),
    fix(
"E000021", "UserName missing in X-WSSE.", ""),
    fix(
"E000022", "Nonce missing in X-WSSE.", ""),
    fix(
"E000023", "Created missing in X-WSSE.", ""),
    fix(
        "E000503",
        "Parameter format error.",
        "a special character in a template variable, a missing template id or number, a template id longer than 32, a bad number, or too many numbers",
    ),
];

/// A parsed SMS send response; strings are borrowed from the body.
///
/// ```
/// use callsign_core::huawei::sms_api::SmsResponse;
/// let r = SmsResponse::parse(r#"{"result":[{"smsMsgId":"id_1","status":"000000","total":1}],"code":"000000","description":"Success"}"#)?;
/// assert!(r.is_success());
/// let first = r.results().next().unwrap();
/// assert_eq!((first.sms_msg_id, first.is_accepted()), ("id_1", true));
/// # Ok::<(), callsign_core::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SmsResponse<'a> {
    /// `code`: `000000` when the request was accepted.
    pub code: &'a str,
    /// `description`, if present.
    pub description: Option<JsonStr<'a>>,
    /// The text of the `result` array (`None` on error responses).
    result: Option<&'a str>,
    /// Number of elements of `result`.
    count: usize,
}

impl<'a> SmsResponse<'a> {
    /// Parses a response body: strict JSON, unknown keys ignored; every
    /// element of `result` is checked here (`smsMsgId` required).
    ///
    /// ```
    /// use callsign_core::huawei::sms_api::SmsResponse;
    /// use callsign_core::{Error, Field, Problem};
    /// assert_eq!(
    ///     SmsResponse::parse(r#"{"code":"000000","result":[{"status":"000000"}]}"#).unwrap_err(),
    ///     Error::InvalidListItem { list: Field::Result, index: 0, field: Field::SmsMsgId, problem: Problem::Missing }
    /// );
    /// ```
    pub fn parse(body: &'a str) -> Result<Self, Error> {
        let [code, description, result] = pick(
            top_object(body)?,
            [
                ("code", Field::Code),
                ("description", Field::Description),
                ("result", Field::Result),
            ],
        )?;
        let code = plain(Some(required(code, Field::Code)?), Field::Code, 1, 7)?.unwrap_or("");
        let result = result.map(|r| array(r, Field::Result)).transpose()?;
        let mut count = 0usize;
        for (index, item) in result.map(elements).into_iter().flatten().enumerate() {
            if index >= MAX_RESULTS {
                return Err(crate::error::invalid(
                    Field::Result,
                    crate::Problem::TooMany { max: MAX_RESULTS },
                ));
            }
            SmsResult::parse(object(item?, Field::Result)?).map_err(|e| into_item(e, index))?;
            count = index.saturating_add(1);
        }
        Ok(SmsResponse {
            code,
            description: text(description, Field::Description)?,
            result,
            count,
        })
    }

    /// Whether the request was accepted (`code == "000000"`); then check
    /// each number's [`SmsResult::is_accepted`].
    ///
    /// ```
    /// # use callsign_core::huawei::sms_api::SmsResponse;
    /// assert!(!SmsResponse::parse(r#"{"code":"E000503","description":"x"}"#)?.is_success());
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn is_success(&self) -> bool {
        self.code == SUCCESS
    }

    /// Number of per-number results.
    ///
    /// ```
    /// # use callsign_core::huawei::sms_api::SmsResponse;
    /// assert_eq!(SmsResponse::parse(r#"{"code":"E000503"}"#)?.result_count(), 0);
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn result_count(&self) -> usize {
        self.count
    }

    /// The per-number results, in order.
    ///
    /// ```
    /// # use callsign_core::huawei::sms_api::SmsResponse;
    /// let r = SmsResponse::parse(r#"{"code":"000000","result":[{"smsMsgId":"a"},{"smsMsgId":"b","status":"E200041"}]}"#)?;
    /// assert_eq!(r.results().map(|x| x.sms_msg_id).collect::<Vec<_>>(), ["a", "b"]);
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn results(&self) -> SmsResults<'a> {
        SmsResults {
            items: self.result.map(elements),
        }
    }

    /// What to do, by (HTTP status, `code`) with [`RESULT_CODES`] and the
    /// spec's fallback.
    ///
    /// ```
    /// use callsign_core::{api::Category, huawei::sms_api::SmsResponse};
    /// let r = SmsResponse::parse(r#"{"code":"E000503","description":"Parameter format error."}"#)?;
    /// assert_eq!(r.category(400), Category::FixRequest);
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn category(&self, http_status: u16) -> Category {
        if self.is_success() && (200..300).contains(&http_status) {
            return Category::Success;
        }
        classify(RESULT_CODES, http_status, self.code).0
    }
}

fn into_item(e: Error, index: usize) -> Error {
    match e {
        Error::InvalidField { field, problem } => Error::InvalidListItem {
            list: Field::Result,
            index,
            field,
            problem,
        },
        other => other,
    }
}

/// One number's result (SmsID).
///
/// ```
/// # use callsign_core::huawei::sms_api::SmsResponse;
/// let r = SmsResponse::parse(r#"{"code":"000000","result":[{"smsMsgId":"a","from":"1069","originTo":"+8615123456789","status":"000000","createTime":"2024-11-22T02:16:46Z","countryId":"CN","total":1}]}"#)?;
/// let x = r.results().next().unwrap();
/// assert_eq!((x.origin_to, x.country_id, x.total), (Some("+8615123456789"), Some("CN"), Some(1)));
/// # Ok::<(), callsign_core::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SmsResult<'a> {
    /// `smsMsgId` (1–50): correlates with the status report.
    pub sms_msg_id: &'a str,
    /// `from`: the channel number.
    pub from: Option<JsonStr<'a>>,
    /// `originTo`: the number.
    pub origin_to: Option<&'a str>,
    /// `status`: `000000` when accepted for this number.
    pub status: Option<&'a str>,
    /// `createTime` (`yyyy-MM-dd'T'HH:mm:ss'Z'`, kept as text).
    pub create_time: Option<&'a str>,
    /// `countryId`.
    pub country_id: Option<&'a str>,
    /// `total`: number of parts.
    pub total: Option<u32>,
}

impl<'a> SmsResult<'a> {
    fn parse(obj: &'a str) -> Result<Self, Error> {
        let [id, from, origin_to, status, create_time, country_id, total] = pick(
            obj,
            [
                ("smsMsgId", Field::SmsMsgId),
                ("from", Field::From),
                ("originTo", Field::OriginTo),
                ("status", Field::Status),
                ("createTime", Field::CreateTime),
                ("countryId", Field::CountryId),
                ("total", Field::Total),
            ],
        )?;
        Ok(SmsResult {
            sms_msg_id: plain(Some(required(id, Field::SmsMsgId)?), Field::SmsMsgId, 1, 50)?
                .unwrap_or(""),
            from: text(from, Field::From)?,
            origin_to: plain(origin_to, Field::OriginTo, 0, 64)?,
            status: plain(status, Field::Status, 0, 16)?,
            create_time: plain(create_time, Field::CreateTime, 0, 32)?,
            country_id: plain(country_id, Field::CountryId, 0, 8)?,
            total: uint(total, Field::Total, u64::from(u32::MAX))?
                .and_then(|t| u32::try_from(t).ok()),
        })
    }

    /// Whether this number was accepted (`status == "000000"`).
    ///
    /// ```
    /// # use callsign_core::huawei::sms_api::SmsResponse;
    /// let r = SmsResponse::parse(r#"{"code":"000000","result":[{"smsMsgId":"a","status":"E200041"}]}"#)?;
    /// assert!(!r.results().next().unwrap().is_accepted());
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn is_accepted(&self) -> bool {
        self.status == Some(SUCCESS)
    }
}

/// Iterator over the [`SmsResult`]s of an [`SmsResponse`].
///
/// ```
/// # use callsign_core::huawei::sms_api::SmsResponse;
/// assert_eq!(SmsResponse::parse(r#"{"code":"E000000"}"#)?.results().count(), 0);
/// # Ok::<(), callsign_core::Error>(())
/// ```
#[derive(Debug)]
pub struct SmsResults<'a> {
    items: Option<Elements<'a>>,
}

impl<'a> Iterator for SmsResults<'a> {
    type Item = SmsResult<'a>;

    fn next(&mut self) -> Option<SmsResult<'a>> {
        // Every element was checked by `SmsResponse::parse`.
        let item = self.items.as_mut()?.next()?.ok()?;
        object(item, Field::Result).and_then(SmsResult::parse).ok()
    }
}
