//! callVerify v1.0 (语音验证码): the platform calls `calleeNbr` and reads
//! out `verifyCode` (api-surface spec §1.3).

use super::{check_number, check_push_url_b64, check_user_data, NumberCheck, CONTENT_TYPE};
use crate::api::{check, Endpoint, Request};
use crate::error::invalid;
use crate::json::write::Object;
use crate::{Error, Field, Problem, Sink};

/// The only `languageType` the docs list (Chinese).
pub const LANGUAGE_CHINESE: u8 = 2;

/// A callVerify v1.0 request body.
///
/// ```
/// use callsign_core::huawei::voice_api::CallVerify;
/// let v = CallVerify::new("+8653159511234", "+8613500000001", "test.wav", "1234");
/// assert_eq!(
///     v.request()?.to_heapless::<256>()?.as_str(),
///     r#"{"displayNbr":"+8653159511234","calleeNbr":"+8613500000001","languageType":2,"preTone":"test.wav","verifyCode":"1234"}"#
/// );
/// # Ok::<(), callsign_core::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CallVerify<'a> {
    /// `displayNbr`: the fixed number shown to the callee (4–31).
    pub display_nbr: &'a str,
    /// `calleeNbr` (4–31).
    pub callee_nbr: &'a str,
    /// `languageType`: only [`LANGUAGE_CHINESE`] (2) is documented.
    pub language_type: u8,
    /// `preTone`: approved `.wav` played before the code, 1–128.
    pub pre_tone: &'a str,
    /// `verifyCode`: 2–8 digits (a string: leading zeros count).
    pub verify_code: &'a str,
    /// `posTone`: `.wav` played after the code, 1–128.
    pub pos_tone: Option<&'a str>,
    /// `times`: 0–9 (0: repeat until hung up; the platform's default is 3).
    pub times: Option<u8>,
    /// `statusUrl`: Base64 of the URL (see [`super::PushUrl`]).
    pub status_url: Option<&'a str>,
    /// `feeUrl`: Base64 of the URL (see [`super::PushUrl`]).
    pub fee_url: Option<&'a str>,
    /// `returnIdlePort` (sent as `"true"`/`"false"`).
    pub return_idle_port: Option<bool>,
    /// `userData`: 1–256 ASCII characters without `{` `}`.
    pub user_data: Option<&'a str>,
    /// How the numbers are checked (not sent).
    pub number_check: NumberCheck,
}

impl<'a> CallVerify<'a> {
    /// A request with the required fields, `languageType` 2, and nothing
    /// else.
    ///
    /// ```
    /// use callsign_core::huawei::voice_api::CallVerify;
    /// let v = CallVerify::new("+8653159511234", "+8613500000001", "test.wav", "0042");
    /// assert_eq!(v.language_type, 2);
    /// ```
    pub fn new(
        display_nbr: &'a str,
        callee_nbr: &'a str,
        pre_tone: &'a str,
        verify_code: &'a str,
    ) -> Self {
        CallVerify {
            display_nbr,
            callee_nbr,
            language_type: LANGUAGE_CHINESE,
            pre_tone,
            verify_code,
            pos_tone: None,
            times: None,
            status_url: None,
            fee_url: None,
            return_idle_port: None,
            user_data: None,
            number_check: NumberCheck::default(),
        }
    }

    /// Validates and returns the request (method, path, body).
    ///
    /// ```
    /// use callsign_core::{huawei::voice_api::CallVerify, Error, Field, Problem};
    /// let v = CallVerify::new("+8653159511234", "+8613500000001", "test.wav", "12ab");
    /// assert_eq!(
    ///     v.request().unwrap_err(),
    ///     Error::InvalidField { field: Field::VerifyCode, problem: Problem::NonDigit }
    /// );
    /// ```
    pub fn request(&self) -> Result<Request<'_, Self>, Error> {
        Request::new(self)
    }
}

impl Endpoint for CallVerify<'_> {
    const METHOD: &'static str = "POST";
    const PATH: &'static str = "/rest/httpsessions/callVerify/v1.0";
    const CONTENT_TYPE: &'static str = CONTENT_TYPE;

    fn validate(&self) -> Result<(), Error> {
        let how = self.number_check;
        check_number(Field::DisplayNbr, self.display_nbr, how)?;
        check_number(Field::CalleeNbr, self.callee_nbr, how)?;
        if self.language_type != LANGUAGE_CHINESE {
            return Err(invalid(
                Field::LanguageType,
                Problem::NotInEnum { allowed: "2" },
            ));
        }
        check::len(Field::PreTone, self.pre_tone, 1, 128)?;
        check::len(Field::VerifyCode, self.verify_code, 2, 8)?;
        if !self.verify_code.bytes().all(|b| b.is_ascii_digit()) {
            return Err(invalid(Field::VerifyCode, Problem::NonDigit));
        }
        check::opt_len(Field::PosTone, self.pos_tone, 1, 128)?;
        if let Some(t) = self.times {
            check::range(Field::Times, u64::from(t), 0, 9)?;
        }
        if let Some(url) = self.status_url {
            check_push_url_b64(Field::StatusUrl, url)?;
        }
        if let Some(url) = self.fee_url {
            check_push_url_b64(Field::FeeUrl, url)?;
        }
        check_user_data(self.user_data)
    }

    fn emit_body<S: Sink + ?Sized>(&self, sink: &mut S) {
        let mut o = Object::new(sink);
        o.str("displayNbr", self.display_nbr);
        o.str("calleeNbr", self.callee_nbr);
        o.opt_num("languageType", Some(u64::from(self.language_type)));
        o.str("preTone", self.pre_tone);
        o.str("verifyCode", self.verify_code);
        o.opt_str("posTone", self.pos_tone);
        o.opt_num("times", self.times.map(u64::from));
        o.opt_str("statusUrl", self.status_url);
        o.opt_str("feeUrl", self.fee_url);
        o.opt_flag("returnIdlePort", self.return_idle_port);
        o.opt_str("userData", self.user_data);
        o.end();
    }
}
