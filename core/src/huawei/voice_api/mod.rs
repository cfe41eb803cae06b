//! Huawei Voice Call request bodies: click2Call v2.0 ([`Click2Call`]),
//! callVerify v1.0 ([`CallVerify`]) and callStop v2.0 ([`CallStop`]),
//! validated against the field tables of the vendor's docs (api-surface
//! spec §1) and written as canonical compact JSON into the caller's
//! buffer. Sign the request with [`super::voice`] (`X-AKSK`).
//!
//! Every request is `POST {access address}{path}` with
//! `Content-Type: application/json;charset=UTF-8`.
//!
//! ```
//! use callsign_core::huawei::voice_api::{Click2Call, PushUrl};
//! use callsign_core::Field;
//! let status = PushUrl::new(Field::StatusUrl, "http://218.4.33.55:8888/test")?.to_heapless()?;
//! let mut call = Click2Call::new("+8675528000088", "+8613500000001", "+8675528000088", "+8613500000002");
//! call.status_url = Some(&status);
//! let req = call.request()?;
//! let mut body = [0u8; 512];
//! let n = req.write(&mut body)?;
//! assert!(body[..n].ends_with(br#""statusUrl":"aHR0cDovLzIxOC40LjMzLjU1Ojg4ODgvdGVzdA=="}"#));
//! # Ok::<(), callsign_core::Error>(())
//! ```

mod call_stop;
mod call_verify;
mod click2call;
mod notification;
mod response;
mod result_code;

pub use call_stop::{CallStop, Signal};
pub use call_verify::{CallVerify, LANGUAGE_CHINESE};
pub use click2call::{CalleeMedia, Click2Call, LastMinToUe};
pub use notification::{EventType, FeeRecord, StatusEvent, VoiceNotification, MAX_FEE_RECORDS};
pub use response::VoiceResponse;
pub use result_code::RESULT_CODES;

use crate::api::check;
use crate::error::invalid;
use crate::{encode, Emit, Error, Field, Problem, Sink};

/// The `Content-Type` of every voice request body.
pub const CONTENT_TYPE: &str = "application/json;charset=UTF-8";

/// Longest `statusUrl`/`feeUrl` value (the Base64 text), in bytes.
pub const PUSH_URL_B64_MAX_LEN: usize = 128;

/// Longest plain push URL whose Base64 fits [`PUSH_URL_B64_MAX_LEN`]
/// (spec §5 A1: both limits are enforced).
pub const PUSH_URL_MAX_LEN: usize = 96;

/// How phone numbers are checked (spec §1.1, §5 A14). The length (4–31
/// bytes) is always checked.
///
/// ```
/// use callsign_core::huawei::voice_api::{Click2Call, NumberCheck};
/// let mut call = Click2Call::new("+86755****8888", "+86137****0001", "+86755****8888", "+86137****0002");
/// assert!(call.request().is_err()); // masked numbers fail the strict check
/// call.number_check = NumberCheck::Lenient;
/// assert!(call.request().is_ok());
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum NumberCheck {
    /// `+` then 3 to 30 digits (our rule, not the docs').
    #[default]
    Strict,
    /// `+` then digits or `*` (the masked numbers of the vendor examples).
    Lenient,
    /// The length only.
    LengthOnly,
}

/// Checks a phone number field.
pub(crate) fn check_number(field: Field, value: &str, how: NumberCheck) -> Result<(), Error> {
    check::len(field, value, 4, 31)?;
    let star_ok = how == NumberCheck::Lenient;
    match how {
        NumberCheck::LengthOnly => Ok(()),
        NumberCheck::Strict | NumberCheck::Lenient => {
            let bad = value.bytes().enumerate().position(|(i, b)| {
                !(if i == 0 {
                    b == b'+'
                } else {
                    b.is_ascii_digit() || (star_ok && b == b'*')
                })
            });
            match bad {
                Some(position) => Err(invalid(field, Problem::ForbiddenChar { position })),
                None => Ok(()),
            }
        }
    }
}

/// Whether `b` may appear in a push URL: `A–Z a–z 0–9 - : . /`.
const fn is_push_url_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b':' | b'.' | b'/')
}

/// Checks a `statusUrl`/`feeUrl` value: 1 to 128 characters of standard
/// padded Base64 whose decoded URL holds only `A–Z a–z 0–9 - : . /`.
pub(crate) fn check_push_url_b64(field: Field, value: &str) -> Result<(), Error> {
    use base64ct::{Base64, Encoding};
    check::len(field, value, 1, PUSH_URL_B64_MAX_LEN)?;
    let mut url = [0u8; PUSH_URL_MAX_LEN];
    let decoded = Base64::decode(value.as_bytes(), &mut url)
        .map_err(|_| invalid(field, Problem::NotBase64))?;
    match decoded.iter().position(|&b| !is_push_url_char(b)) {
        Some(position) => Err(invalid(field, Problem::ForbiddenChar { position })),
        None => Ok(()),
    }
}

/// Checks a plain push URL: 1 to [`PUSH_URL_MAX_LEN`] bytes of
/// `A–Z a–z 0–9 - : . /`.
fn check_push_url(field: Field, url: &str) -> Result<(), Error> {
    check::len(field, url, 1, PUSH_URL_MAX_LEN)?;
    check::only(field, url, is_push_url_char)
}

/// Checks `userData`: 1 to 256 bytes of ASCII without `{` or `}` (spec
/// §1.1; any non-ASCII is refused, §5 A6).
pub(crate) fn check_user_data(value: Option<&str>) -> Result<(), Error> {
    let Some(v) = value else { return Ok(()) };
    check::len(Field::UserData, v, 1, 256)?;
    if !v.is_ascii() {
        return Err(invalid(Field::UserData, Problem::NonAscii));
    }
    check::no_braces(Field::UserData, v)
}

/// Reads a request "boolean" as the API spells it: `"true"` or `"false"`.
///
/// ```
/// use callsign_core::huawei::voice_api::parse_flag;
/// use callsign_core::{Error, Field, Problem};
/// assert_eq!(parse_flag(Field::RecordFlag, "true"), Ok(true));
/// assert_eq!(
///     parse_flag(Field::RecordFlag, "yes"),
///     Err(Error::InvalidField { field: Field::RecordFlag, problem: Problem::NotInEnum { allowed: "true|false" } })
/// );
/// ```
pub fn parse_flag(field: Field, text: &str) -> Result<bool, Error> {
    match text {
        "true" => Ok(true),
        "false" => Ok(false),
        _ => Err(invalid(
            field,
            Problem::NotInEnum {
                allowed: "true|false",
            },
        )),
    }
}

/// A plain push URL to send Base64-encoded as `statusUrl` or `feeUrl`
/// (Huawei's "BASE64 加密" is plain standard Base64 with padding, §5 A2).
///
/// ```
/// use callsign_core::huawei::voice_api::PushUrl;
/// use callsign_core::{Error, Field, Problem};
/// let fee = PushUrl::new(Field::FeeUrl, "http://218.4.33.55:8888/test")?;
/// assert_eq!(fee.to_heapless()?.as_str(), "aHR0cDovLzIxOC40LjMzLjU1Ojg4ODgvdGVzdA==");
/// assert_eq!(
///     PushUrl::new(Field::FeeUrl, "https://example.com/cb?x=1").unwrap_err(),
///     Error::InvalidField { field: Field::FeeUrl, problem: Problem::ForbiddenChar { position: 22 } }
/// );
/// # Ok::<(), Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PushUrl<'a> {
    url: &'a str,
}

impl<'a> PushUrl<'a> {
    /// Checks `url` (1 to [`PUSH_URL_MAX_LEN`] bytes of `A–Z a–z 0–9 - : . /`);
    /// errors name `field` ([`Field::StatusUrl`] or [`Field::FeeUrl`]).
    ///
    /// ```
    /// use callsign_core::{huawei::voice_api::PushUrl, Field};
    /// assert!(PushUrl::new(Field::StatusUrl, "https://example.com/status").is_ok());
    /// assert!(PushUrl::new(Field::StatusUrl, "").is_err());
    /// ```
    pub fn new(field: Field, url: &'a str) -> Result<Self, Error> {
        check_push_url(field, url)?;
        Ok(PushUrl { url })
    }

    /// Length of the Base64 text.
    ///
    /// ```
    /// use callsign_core::{huawei::voice_api::PushUrl, Field};
    /// assert_eq!(PushUrl::new(Field::StatusUrl, "http://a")?.len(), 12);
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    #[allow(clippy::len_without_is_empty)]
    pub fn len(&self) -> usize {
        Emit::len(self)
    }

    /// Writes the Base64 text at the start of `out`, or
    /// [`Error::BufferTooSmall`] (nothing written).
    ///
    /// ```
    /// use callsign_core::{huawei::voice_api::PushUrl, Field};
    /// let mut buf = [0u8; 16];
    /// let n = PushUrl::new(Field::StatusUrl, "http://a")?.write(&mut buf)?;
    /// assert_eq!(&buf[..n], b"aHR0cDovL2E=");
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn write(&self, out: &mut [u8]) -> Result<usize, Error> {
        Emit::write(self, out)
    }

    /// The Base64 text as a `heapless::String` sized for any push URL.
    ///
    /// ```
    /// use callsign_core::{huawei::voice_api::PushUrl, Field};
    /// assert_eq!(PushUrl::new(Field::StatusUrl, "http://a")?.to_heapless()?.len(), 12);
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn to_heapless(&self) -> Result<heapless::String<PUSH_URL_B64_MAX_LEN>, Error> {
        Emit::to_heapless(self)
    }
}

impl Emit for PushUrl<'_> {
    fn len(&self) -> usize {
        encode::base64_len(self.url.len()).unwrap_or(usize::MAX)
    }

    fn emit<S: Sink + ?Sized>(&self, sink: &mut S) {
        encode::base64_public(self.url.as_bytes(), sink);
    }
}
