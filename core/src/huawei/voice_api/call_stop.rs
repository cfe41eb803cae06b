//! callStop v2.0 (呼叫终止): hangs up both parties of a click2Call session
//! (api-surface spec §1.4).

use super::CONTENT_TYPE;
use crate::api::{check, Endpoint, Request};
use crate::error::invalid;
use crate::json::write::Object;
use crate::{Error, Field, Problem, Sink};

/// callStop's `signal`: `call_stop` is the only value.
///
/// ```
/// use callsign_core::huawei::voice_api::Signal;
/// assert_eq!(Signal::from_text("call_stop")?.as_str(), "call_stop");
/// assert!(Signal::from_text("stop").is_err());
/// # Ok::<(), callsign_core::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Signal {
    /// `call_stop`.
    #[default]
    CallStop,
}

impl Signal {
    /// Reads the API's spelling; anything else names [`Field::SignalName`].
    ///
    /// ```
    /// use callsign_core::{huawei::voice_api::Signal, Error, Field, Problem};
    /// assert_eq!(
    ///     Signal::from_text("stop"),
    ///     Err(Error::InvalidField { field: Field::SignalName, problem: Problem::NotInEnum { allowed: "call_stop" } })
    /// );
    /// ```
    pub fn from_text(text: &str) -> Result<Self, Error> {
        match text {
            "call_stop" => Ok(Signal::CallStop),
            _ => Err(invalid(
                Field::SignalName,
                Problem::NotInEnum {
                    allowed: "call_stop",
                },
            )),
        }
    }

    /// The API's spelling.
    ///
    /// ```
    /// assert_eq!(callsign_core::huawei::voice_api::Signal::CallStop.as_str(), "call_stop");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Signal::CallStop => "call_stop",
        }
    }
}

/// A callStop v2.0 request body. Note the spelling `sessionid` (all lower
/// case) of the request, unlike the responses' `sessionId` (spec §5 A11).
///
/// ```
/// use callsign_core::huawei::voice_api::CallStop;
/// let body = CallStop::new("1200_366_0_20161228102743@callenabler.home1.com").request()?.to_heapless::<128>()?;
/// assert_eq!(body.as_str(), r#"{"sessionid":"1200_366_0_20161228102743@callenabler.home1.com","signal":"call_stop"}"#);
/// # Ok::<(), callsign_core::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CallStop<'a> {
    /// `sessionid`: the `sessionId` of a click2Call response or a
    /// notification, 1–256.
    pub session_id: &'a str,
    /// `signal`.
    pub signal: Signal,
}

impl<'a> CallStop<'a> {
    /// A request to stop `session_id`.
    ///
    /// ```
    /// use callsign_core::huawei::voice_api::{CallStop, Signal};
    /// assert_eq!(CallStop::new("s").signal, Signal::CallStop);
    /// ```
    pub fn new(session_id: &'a str) -> Self {
        CallStop {
            session_id,
            signal: Signal::CallStop,
        }
    }

    /// Validates and returns the request (method, path, body).
    ///
    /// ```
    /// use callsign_core::huawei::voice_api::CallStop;
    /// assert!(CallStop::new(&"x".repeat(257)).request().is_err());
    /// ```
    pub fn request(&self) -> Result<Request<'_, Self>, Error> {
        Request::new(self)
    }
}

impl Endpoint for CallStop<'_> {
    const METHOD: &'static str = "POST";
    const PATH: &'static str = "/rest/httpsessions/callStop/v2.0";
    const CONTENT_TYPE: &'static str = CONTENT_TYPE;

    fn validate(&self) -> Result<(), Error> {
        check::len(Field::CallStopSessionId, self.session_id, 1, 256)
    }

    fn emit_body<S: Sink + ?Sized>(&self, sink: &mut S) {
        let mut o = Object::new(sink);
        o.str("sessionid", self.session_id);
        o.str("signal", self.signal.as_str());
        o.end();
    }
}
