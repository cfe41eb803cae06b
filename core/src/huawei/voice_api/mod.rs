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
pub use notification::{
    parse_each_fee, EventType, FeeRecord, StatusEvent, VoiceNotification, MAX_FEE_RECORDS,
};
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
    check::len(field, value, 1, PUSH_URL_B64_MAX_LEN)?;
    let not_base64 = invalid(field, Problem::NotBase64);
    let mut rest = value.as_bytes();
    let mut at = 0usize;
    while let Some((quad, tail)) = rest.split_first_chunk::<4>() {
        let last = tail.is_empty();
        let bytes = decode_quad(*quad, last).ok_or(not_base64)?;
        for (k, b) in bytes.iter().flatten().enumerate() {
            if !is_push_url_char(*b) {
                let position = at.saturating_add(k);
                return Err(invalid(field, Problem::ForbiddenChar { position }));
            }
        }
        at = at.saturating_add(3);
        rest = tail;
    }
    if rest.is_empty() {
        Ok(())
    } else {
        Err(not_base64)
    }
}

/// The 1 to 3 bytes of a Base64 quad (`=` padding only in the `last` one,
/// unused bits zero), or `None`. The text is public (a URL), so a plain
/// decoder will do: no table, no panic path (base64ct's decoder keeps one
/// at opt-level "z").
fn decode_quad(quad: [u8; 4], last: bool) -> Option<[Option<u8>; 3]> {
    fn sextet(c: u8) -> Option<u8> {
        match c {
            b'A'..=b'Z' => Some(c.wrapping_sub(b'A')),
            b'a'..=b'z' => Some(c.wrapping_sub(b'a').wrapping_add(26)),
            b'0'..=b'9' => Some(c.wrapping_sub(b'0').wrapping_add(52)),
            b'+' => Some(62),
            b'/' => Some(63),
            _ => None,
        }
    }
    let [a, b, c, d] = quad;
    let (a, b) = (sextet(a)?, sextet(b)?);
    let first = a << 2 | b >> 4;
    match (c, d) {
        (b'=', b'=') if last && b & 0x0f == 0 => Some([Some(first), None, None]),
        (c, b'=') if last => {
            let c = sextet(c)?;
            (c & 0x03 == 0).then_some([Some(first), Some(b << 4 | c >> 2), None])
        }
        (c, d) => {
            let (c, d) = (sextet(c)?, sextet(d)?);
            Some([Some(first), Some(b << 4 | c >> 2), Some(c << 6 | d)])
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn push_url_base64_is_checked_and_decoded() {
        let ok = |v: &str| check_push_url_b64(Field::StatusUrl, v);
        assert_eq!(ok("aHR0cDovLzIxOC40LjMzLjU1Ojg4ODgvdGVzdA=="), Ok(()));
        for url in [
            "http://a",
            "http://ab",
            "http://abc",
            "https://x.example/cb",
        ] {
            let mut buf = [0u8; PUSH_URL_B64_MAX_LEN];
            let n = PushUrl::new(Field::StatusUrl, url)
                .unwrap()
                .write(&mut buf)
                .unwrap();
            assert_eq!(
                ok(core::str::from_utf8(&buf[..n]).unwrap()),
                Ok(()),
                "{url}"
            );
        }
        let not_base64 = Err(invalid(Field::StatusUrl, Problem::NotBase64));
        for bad in [
            "aHR0cDovL2E",
            "aHR0cDovL2E=x",
            "aHR0cDovL2F=",
            "aH=0cDovL2E=",
            "aHR0cDovL2E=====",
            "aHR0cDovL2E*",
        ] {
            assert_eq!(ok(bad), not_base64, "{bad}");
        }
        // "https://example.com/cb?x=1": the `?` is byte 22.
        assert_eq!(
            ok("aHR0cHM6Ly9leGFtcGxlLmNvbS9jYj94PTE="),
            Err(invalid(
                Field::StatusUrl,
                Problem::ForbiddenChar { position: 22 }
            ))
        );
    }
}
