//! What the API-surface builders have in common: an [`Endpoint`] (a typed
//! request of one vendor API) becomes a validated [`Request`] that knows
//! its method, path, content type and exact body length, and writes the
//! body into the caller's buffer.
//!
//! ```
//! use callsign_core::huawei::voice_api::CallStop;
//! let stop = CallStop::new("1200_366_0_20161228102743@callenabler.home1.com");
//! let req = stop.request()?;
//! assert_eq!((req.method(), req.path()), ("POST", "/rest/httpsessions/callStop/v2.0"));
//! let mut buf = [0u8; 128];
//! let n = req.write(&mut buf)?;
//! assert_eq!(n, req.len());
//! assert_eq!(&buf[..n], br#"{"sessionid":"1200_366_0_20161228102743@callenabler.home1.com","signal":"call_stop"}"#);
//! # Ok::<(), callsign_core::Error>(())
//! ```

// Some checks serve only one of the voice and SMS builders.
mod advice;
#[cfg_attr(not(all(feature = "voice-api", feature = "sms-api")), allow(dead_code))]
pub(crate) mod check;

pub use advice::{classify, Category, ResultCode};

use crate::{Emit, Error, Out, Sink};

/// A typed request of one vendor API: its fixed method, path and content
/// type, its validation, and its body.
///
/// ```
/// use callsign_core::api::Endpoint;
/// use callsign_core::huawei::voice_api::CallStop;
/// assert_eq!(CallStop::PATH, "/rest/httpsessions/callStop/v2.0");
/// assert!(CallStop::new("").validate().is_err());
/// ```
pub trait Endpoint {
    /// The HTTP method.
    const METHOD: &'static str;
    /// The path, appended to the console's access address.
    const PATH: &'static str;
    /// The `Content-Type` of the body.
    const CONTENT_TYPE: &'static str;

    /// Checks every field against the vendor's field table: the first
    /// invalid field is [`Error::InvalidField`] (or
    /// [`Error::InvalidListItem`]) naming it.
    fn validate(&self) -> Result<(), Error>;

    /// Writes the body (only called once [`Endpoint::validate`] passed).
    fn emit_body<S: Sink + ?Sized>(&self, sink: &mut S);
}

/// A validated request: method, path, content type, and a body of known
/// length. Build it with [`Request::new`] (or each endpoint's `request()`).
///
/// ```
/// use callsign_core::api::Request;
/// use callsign_core::huawei::voice_api::CallStop;
/// let stop = CallStop::new("s1");
/// let req = Request::new(&stop)?;
/// assert_eq!(req.content_type(), "application/json;charset=UTF-8");
/// assert_eq!(req.to_heapless::<64>()?.as_str(), r#"{"sessionid":"s1","signal":"call_stop"}"#);
/// # Ok::<(), callsign_core::Error>(())
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Request<'r, E: Endpoint> {
    endpoint: &'r E,
}

impl<'r, E: Endpoint> Request<'r, E> {
    /// Validates `endpoint`; nothing is written anywhere on error.
    ///
    /// ```
    /// use callsign_core::{api::Request, huawei::voice_api::CallStop, Error, Field, Problem};
    /// let stop = CallStop::new("");
    /// assert_eq!(
    ///     Request::new(&stop).unwrap_err(),
    ///     Error::InvalidField { field: Field::CallStopSessionId, problem: Problem::TooShort { min: 1 } }
    /// );
    /// ```
    pub fn new(endpoint: &'r E) -> Result<Self, Error> {
        endpoint.validate()?;
        Ok(Request { endpoint })
    }

    /// The HTTP method.
    ///
    /// ```
    /// # use callsign_core::huawei::voice_api::CallStop;
    /// assert_eq!(CallStop::new("s").request()?.method(), "POST");
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn method(&self) -> &'static str {
        E::METHOD
    }

    /// The path.
    ///
    /// ```
    /// # use callsign_core::huawei::voice_api::CallStop;
    /// assert_eq!(CallStop::new("s").request()?.path(), "/rest/httpsessions/callStop/v2.0");
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn path(&self) -> &'static str {
        E::PATH
    }

    /// The `Content-Type` header value.
    ///
    /// ```
    /// # use callsign_core::huawei::voice_api::CallStop;
    /// assert_eq!(CallStop::new("s").request()?.content_type(), "application/json;charset=UTF-8");
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn content_type(&self) -> &'static str {
        E::CONTENT_TYPE
    }

    /// The exact body length in bytes.
    ///
    /// ```
    /// # use callsign_core::huawei::voice_api::CallStop;
    /// assert_eq!(CallStop::new("s").request()?.len(), 38);
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    #[allow(clippy::len_without_is_empty)]
    pub fn len(&self) -> usize {
        Emit::len(self)
    }

    /// Writes the body at the start of `out` and returns its length, or
    /// [`Error::BufferTooSmall`] (nothing written).
    ///
    /// ```
    /// # use callsign_core::{huawei::voice_api::CallStop, Error};
    /// let stop = CallStop::new("s");
    /// let req = stop.request()?;
    /// assert_eq!(req.write(&mut [0u8; 10]), Err(Error::BufferTooSmall { needed: 38 }));
    /// # Ok::<(), Error>(())
    /// ```
    pub fn write(&self, out: &mut [u8]) -> Result<usize, Error> {
        Emit::write(self, out)
    }

    /// The body as a `heapless::String` of capacity `N`, or
    /// [`Error::BufferTooSmall`].
    ///
    /// ```
    /// # use callsign_core::huawei::voice_api::CallStop;
    /// let body = CallStop::new("s").request()?.to_heapless::<64>()?;
    /// assert!(body.ends_with(r#""signal":"call_stop"}"#));
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn to_heapless<const N: usize>(&self) -> Result<heapless::String<N>, Error> {
        Emit::to_heapless(self)
    }
}

impl<E: Endpoint> Emit for Request<'_, E> {
    fn len(&self) -> usize {
        // Counted by writing into an empty `Out`, not a `Counter`: the body
        // writer is then compiled once, for `Out`, not once per sink (about
        // 2 KiB less code for click2Call on x86_64).
        let mut out = Out::new(&mut []);
        self.endpoint.emit_body(&mut out);
        match out.finish() {
            Ok(n) | Err(Error::BufferTooSmall { needed: n }) => n,
            Err(_) => usize::MAX,
        }
    }

    fn emit<S: Sink + ?Sized>(&self, sink: &mut S) {
        self.endpoint.emit_body(sink);
    }
}
