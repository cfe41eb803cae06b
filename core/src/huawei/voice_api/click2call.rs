//! click2Call v2.0 (语音回呼): the platform calls `callerNbr`, then
//! `calleeNbr`, and connects them (api-surface spec §1.2).

use super::{check_number, check_push_url_b64, check_user_data, NumberCheck, CONTENT_TYPE};
use crate::api::{check, Endpoint, Request};
use crate::error::invalid;
use crate::json::write::Object;
use crate::{Error, Field, Problem, Sink};

/// `lastMinToUE`: who hears the last-minute warning.
///
/// ```
/// use callsign_core::huawei::voice_api::LastMinToUe;
/// assert_eq!(LastMinToUe::from_text("toa"), Ok(LastMinToUe::Toa));
/// assert!(LastMinToUe::from_text("all").is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LastMinToUe {
    /// The caller (`toa`).
    Toa,
    /// The callee (`tob`).
    Tob,
    /// Both (`both`, the default).
    Both,
}

impl LastMinToUe {
    /// Reads the API's spelling; anything else names [`Field::LastMinToUe`].
    ///
    /// ```
    /// use callsign_core::huawei::voice_api::LastMinToUe;
    /// assert_eq!(LastMinToUe::from_text("both")?.as_str(), "both");
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn from_text(text: &str) -> Result<Self, Error> {
        match text {
            "toa" => Ok(LastMinToUe::Toa),
            "tob" => Ok(LastMinToUe::Tob),
            "both" => Ok(LastMinToUe::Both),
            _ => Err(invalid(
                Field::LastMinToUe,
                Problem::NotInEnum {
                    allowed: "toa|tob|both",
                },
            )),
        }
    }

    /// The API's spelling.
    ///
    /// ```
    /// assert_eq!(callsign_core::huawei::voice_api::LastMinToUe::Tob.as_str(), "tob");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            LastMinToUe::Toa => "toa",
            LastMinToUe::Tob => "tob",
            LastMinToUe::Both => "both",
        }
    }
}

/// `calleeMedia`: which media the callee hears.
///
/// ```
/// use callsign_core::huawei::voice_api::CalleeMedia;
/// assert_eq!(CalleeMedia::from_text("fail"), Ok(CalleeMedia::Fail));
/// assert!(CalleeMedia::from_text("both").is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CalleeMedia {
    /// `all` (the default).
    All,
    /// `none`.
    None,
    /// `fail`.
    Fail,
}

impl CalleeMedia {
    /// Reads the API's spelling; anything else names [`Field::CalleeMedia`].
    ///
    /// ```
    /// use callsign_core::huawei::voice_api::CalleeMedia;
    /// assert_eq!(CalleeMedia::from_text("none")?.as_str(), "none");
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn from_text(text: &str) -> Result<Self, Error> {
        match text {
            "all" => Ok(CalleeMedia::All),
            "none" => Ok(CalleeMedia::None),
            "fail" => Ok(CalleeMedia::Fail),
            _ => Err(invalid(
                Field::CalleeMedia,
                Problem::NotInEnum {
                    allowed: "all|none|fail",
                },
            )),
        }
    }

    /// The API's spelling.
    ///
    /// ```
    /// assert_eq!(callsign_core::huawei::voice_api::CalleeMedia::All.as_str(), "all");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            CalleeMedia::All => "all",
            CalleeMedia::None => "none",
            CalleeMedia::Fail => "fail",
        }
    }
}

/// A click2Call v2.0 request body. The four numbers are required; every
/// other field is optional and left out of the body when `None`. The
/// "only used when" fields (`lastMinVoice` without `maxDuration`, …) are
/// accepted as the docs say.
///
/// ```
/// use callsign_core::huawei::voice_api::{Click2Call, NumberCheck};
/// let mut call = Click2Call::new("+86755****8888", "+86137****0001", "+86755****8888", "+86137****0002");
/// call.number_check = NumberCheck::Lenient;
/// call.user_data = Some("cwgtest");
/// let body = call.request()?.to_heapless::<256>()?;
/// assert_eq!(body.as_str(), r#"{"displayNbr":"+86755****8888","callerNbr":"+86137****0001","displayCalleeNbr":"+86755****8888","calleeNbr":"+86137****0002","userData":"cwgtest"}"#);
/// # Ok::<(), callsign_core::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Click2Call<'a> {
    /// `displayNbr`: the number shown to the caller (4–31).
    pub display_nbr: &'a str,
    /// `callerNbr`: party A, called first (4–31).
    pub caller_nbr: &'a str,
    /// `displayCalleeNbr`: the number shown to the callee (4–31).
    pub display_callee_nbr: &'a str,
    /// `calleeNbr`: party B (4–31).
    pub callee_nbr: &'a str,
    /// `maxDuration`: minutes, 0–1440 (0: no limit).
    pub max_duration: Option<u16>,
    /// `lastMinVoice`: file name, 1–128.
    pub last_min_voice: Option<&'a str>,
    /// `lastMinToUE`.
    pub last_min_to_ue: Option<LastMinToUe>,
    /// `playPreVoice` (sent as `"true"`/`"false"`).
    pub play_pre_voice: Option<bool>,
    /// `preVoice`: file name, 1–128.
    pub pre_voice: Option<&'a str>,
    /// `waitVoice`: file name, 1–128.
    pub wait_voice: Option<&'a str>,
    /// `calleeMedia`.
    pub callee_media: Option<CalleeMedia>,
    /// `statusUrl`: Base64 of the URL (see [`super::PushUrl`]).
    pub status_url: Option<&'a str>,
    /// `feeUrl`: Base64 of the URL (see [`super::PushUrl`]).
    pub fee_url: Option<&'a str>,
    /// `recordFlag` (sent as `"true"`/`"false"`).
    pub record_flag: Option<bool>,
    /// `recordHintTone`: file name, 1–128.
    pub record_hint_tone: Option<&'a str>,
    /// `partyTypeRequiredInDisconnect` (sent as `"true"`/`"false"`).
    pub party_type_required_in_disconnect: Option<bool>,
    /// `returnIdlePort` (sent as `"true"`/`"false"`).
    pub return_idle_port: Option<bool>,
    /// `userData`: 1–256 ASCII characters without `{` `}`.
    pub user_data: Option<&'a str>,
    /// How the four numbers are checked (not sent).
    pub number_check: NumberCheck,
}

impl<'a> Click2Call<'a> {
    /// A request with the four required numbers and nothing else.
    ///
    /// ```
    /// use callsign_core::huawei::voice_api::Click2Call;
    /// let call = Click2Call::new("+8675528000088", "+8613500000001", "+8675528000088", "+8613500000002");
    /// assert_eq!(call.max_duration, None);
    /// ```
    pub fn new(
        display_nbr: &'a str,
        caller_nbr: &'a str,
        display_callee_nbr: &'a str,
        callee_nbr: &'a str,
    ) -> Self {
        Click2Call {
            display_nbr,
            caller_nbr,
            display_callee_nbr,
            callee_nbr,
            ..Click2Call::default()
        }
    }

    /// Validates and returns the request (method, path, body).
    ///
    /// ```
    /// use callsign_core::{huawei::voice_api::Click2Call, Error, Field, Problem};
    /// let mut call = Click2Call::new("+8675528000088", "+8613500000001", "+8675528000088", "+8613500000002");
    /// call.max_duration = Some(1441);
    /// assert_eq!(
    ///     call.request().unwrap_err(),
    ///     Error::InvalidField { field: Field::MaxDuration, problem: Problem::OutOfRange { min: 0, max: 1440 } }
    /// );
    /// ```
    pub fn request(&self) -> Result<Request<'_, Self>, Error> {
        Request::new(self)
    }
}

impl Endpoint for Click2Call<'_> {
    const METHOD: &'static str = "POST";
    const PATH: &'static str = "/rest/httpsessions/click2Call/v2.0";
    const CONTENT_TYPE: &'static str = CONTENT_TYPE;

    fn validate(&self) -> Result<(), Error> {
        let how = self.number_check;
        check_number(Field::DisplayNbr, self.display_nbr, how)?;
        check_number(Field::CallerNbr, self.caller_nbr, how)?;
        check_number(Field::DisplayCalleeNbr, self.display_callee_nbr, how)?;
        check_number(Field::CalleeNbr, self.callee_nbr, how)?;
        if let Some(m) = self.max_duration {
            check::range(Field::MaxDuration, u64::from(m), 0, 1440)?;
        }
        check::opt_len(Field::LastMinVoice, self.last_min_voice, 1, 128)?;
        check::opt_len(Field::PreVoice, self.pre_voice, 1, 128)?;
        check::opt_len(Field::WaitVoice, self.wait_voice, 1, 128)?;
        if let Some(url) = self.status_url {
            check_push_url_b64(Field::StatusUrl, url)?;
        }
        if let Some(url) = self.fee_url {
            check_push_url_b64(Field::FeeUrl, url)?;
        }
        check::opt_len(Field::RecordHintTone, self.record_hint_tone, 1, 128)?;
        check_user_data(self.user_data)
    }

    fn emit_body<S: Sink + ?Sized>(&self, sink: &mut S) {
        let mut o = Object::new(sink);
        o.str("displayNbr", self.display_nbr);
        o.str("callerNbr", self.caller_nbr);
        o.str("displayCalleeNbr", self.display_callee_nbr);
        o.str("calleeNbr", self.callee_nbr);
        o.opt_num("maxDuration", self.max_duration.map(u64::from));
        o.opt_str("lastMinVoice", self.last_min_voice);
        o.opt_str("lastMinToUE", self.last_min_to_ue.map(LastMinToUe::as_str));
        o.opt_flag("playPreVoice", self.play_pre_voice);
        o.opt_str("preVoice", self.pre_voice);
        o.opt_str("waitVoice", self.wait_voice);
        o.opt_str("calleeMedia", self.callee_media.map(CalleeMedia::as_str));
        o.opt_str("statusUrl", self.status_url);
        o.opt_str("feeUrl", self.fee_url);
        o.opt_flag("recordFlag", self.record_flag);
        o.opt_str("recordHintTone", self.record_hint_tone);
        o.opt_flag(
            "partyTypeRequiredInDisconnect",
            self.party_type_required_in_disconnect,
        );
        o.opt_flag("returnIdlePort", self.return_idle_port);
        o.opt_str("userData", self.user_data);
        o.end();
    }
}
