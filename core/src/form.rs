//! `application/x-www-form-urlencoded` bodies in the canonical form of the
//! api-surface spec §0: pairs in the order written, names and values
//! encoded like Python's `quote_plus` (`A–Z a–z 0–9 - . _ ~` kept, space as
//! `+`, every other byte as `%XX`, upper-case hex).

use crate::encode::is_unreserved;
use crate::text::{hex_value, Utf8Check};
use crate::{Error, Field, Problem, Sink};

/// A sink that writes everything it receives `quote_plus`-encoded into an
/// inner sink: a JSON text can be written straight into a form value.
pub(crate) struct QuotePlus<'s, S: Sink + ?Sized>(pub(crate) &'s mut S);

impl<S: Sink + ?Sized> Sink for QuotePlus<'_, S> {
    fn write(&mut self, data: &[u8]) {
        const UPPER: &[u8; 16] = b"0123456789ABCDEF";
        let mut start = 0;
        for (i, &b) in data.iter().enumerate() {
            if is_unreserved(b) {
                continue;
            }
            if let Some(run) = data.get(start..i) {
                self.0.write(run);
            }
            if b == b' ' {
                self.0.write(b"+");
            } else {
                let hi = UPPER.get(usize::from(b >> 4)).copied().unwrap_or(b'0');
                let lo = UPPER.get(usize::from(b & 0x0f)).copied().unwrap_or(b'0');
                self.0.write(&[b'%', hi, lo]);
            }
            start = i.saturating_add(1);
        }
        if let Some(run) = data.get(start..) {
            self.0.write(run);
        }
    }
}

/// A form body being written, pair by pair.
pub(crate) struct Form<'s, S: Sink + ?Sized> {
    sink: &'s mut S,
    first: bool,
}

impl<'s, S: Sink + ?Sized> Form<'s, S> {
    /// An empty form.
    pub(crate) fn new(sink: &'s mut S) -> Self {
        Form { sink, first: true }
    }

    /// Writes `name=` (after `&` unless first) and returns an encoding sink
    /// for the value.
    pub(crate) fn key(&mut self, name: &str) -> QuotePlus<'_, S> {
        if !self.first {
            self.sink.write(b"&");
        }
        self.first = false;
        QuotePlus(self.sink).write(name.as_bytes());
        self.sink.write(b"=");
        QuotePlus(self.sink)
    }

    /// A pair, if the value is present.
    pub(crate) fn opt(&mut self, name: &str, value: Option<&str>) {
        if let Some(v) = value {
            self.key(name).write(v.as_bytes());
        }
    }
}

/// A received form name or value, borrowed with its encoding (`+` for
/// space, `%XX`); checked when parsed (every escape valid, UTF-8 once
/// decoded). [`FormValue::as_str`] gives it when nothing needs decoding,
/// [`FormValue::decode`] decodes it into a caller buffer.
///
/// ```
/// use callsign_core::huawei::sms_api::StatusReport;
/// let r = StatusReport::parse("smsMsgId=a_1&status=DELIVRD&updateTime=2018-10-31T08%3A43%3A41Z&extend=order+42%26x%3Dy")?;
/// assert_eq!(r.status.as_str(), Some("DELIVRD"));
/// let extend = r.extend.unwrap();
/// assert_eq!(extend.as_str(), None);
/// assert!(extend == "order 42&x=y");
/// let mut buf = [0u8; 20];
/// assert_eq!(r.update_time.unwrap().decode(&mut buf)?, "2018-10-31T08:43:41Z");
/// # Ok::<(), callsign_core::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct FormValue<'a> {
    raw: &'a str,
}

impl<'a> FormValue<'a> {
    /// Checks `raw` (at byte `offset` of the body, for error positions):
    /// every `%` starts a two-hex-digit escape, and the decoded bytes are
    /// UTF-8.
    pub(crate) fn checked(raw: &'a str, offset: usize, field: Field) -> Result<Self, Error> {
        let bytes = raw.as_bytes();
        let mut utf8 = Utf8Check::new();
        let mut i = 0usize;
        while let Some(&b) = bytes.get(i) {
            let (byte, width) = if b == b'%' {
                let hi = bytes.get(i.saturating_add(1)).copied().and_then(hex_value);
                let lo = bytes.get(i.saturating_add(2)).copied().and_then(hex_value);
                match (hi, lo) {
                    (Some(hi), Some(lo)) => (hi << 4 | lo, 3),
                    _ => {
                        return Err(Error::InvalidField {
                            field,
                            problem: Problem::BadPercentEscape {
                                position: offset.saturating_add(i),
                            },
                        })
                    }
                }
            } else if b == b'+' {
                (b' ', 1)
            } else {
                (b, 1)
            };
            if !utf8.push(byte) {
                return Err(Error::InvalidUtf8 {
                    field,
                    position: offset.saturating_add(i),
                });
            }
            i = i.saturating_add(width);
        }
        if !utf8.at_boundary() {
            return Err(Error::InvalidUtf8 {
                field,
                position: offset.saturating_add(bytes.len()),
            });
        }
        Ok(FormValue { raw })
    }

    /// The text as received, still encoded.
    ///
    /// ```
    /// # use callsign_core::huawei::sms_api::StatusReport;
    /// let r = StatusReport::parse("smsMsgId=a&status=DELIVRD&to=%2B86")?;
    /// assert_eq!(r.to.unwrap().raw(), "%2B86");
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub const fn raw(&self) -> &'a str {
        self.raw
    }

    /// The text, if nothing in it needs decoding (no `%`, no `+`).
    ///
    /// ```
    /// # use callsign_core::huawei::sms_api::StatusReport;
    /// let r = StatusReport::parse("smsMsgId=a&status=DELIVRD")?;
    /// assert_eq!(r.sms_msg_id.as_str(), Some("a"));
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn as_str(&self) -> Option<&'a str> {
        (!self.raw.contains(['%', '+'])).then_some(self.raw)
    }

    /// The decoded bytes.
    ///
    /// ```
    /// # use callsign_core::huawei::sms_api::StatusReport;
    /// let r = StatusReport::parse("smsMsgId=a&status=DELIVRD&to=%2B86")?;
    /// assert!(r.to.unwrap().bytes().eq(*b"+86"));
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn bytes(&self) -> FormBytes<'a> {
        FormBytes {
            rest: self.raw.as_bytes(),
        }
    }

    /// Length of the decoded text in bytes.
    ///
    /// ```
    /// # use callsign_core::huawei::sms_api::StatusReport;
    /// let r = StatusReport::parse("smsMsgId=a&status=DELIVRD&to=%2B86")?;
    /// assert_eq!(r.to.unwrap().decoded_len(), 3);
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn decoded_len(&self) -> usize {
        self.bytes().count()
    }

    /// Number of characters of the decoded text.
    fn char_count(&self) -> usize {
        self.bytes().filter(|b| !(0x80..0xc0).contains(b)).count()
    }

    /// Decodes into the start of `buf`; [`Error::BufferTooSmall`] (nothing
    /// written) if it does not fit.
    ///
    /// ```
    /// # use callsign_core::{huawei::sms_api::StatusReport, Error};
    /// let r = StatusReport::parse("smsMsgId=a&status=DELIVRD&to=%2B86")?;
    /// assert_eq!(r.to.unwrap().decode(&mut [0u8; 2]), Err(Error::BufferTooSmall { needed: 3 }));
    /// # Ok::<(), Error>(())
    /// ```
    pub fn decode<'b>(&self, buf: &'b mut [u8]) -> Result<&'b str, Error> {
        let needed = self.decoded_len();
        let dst = buf
            .get_mut(..needed)
            .ok_or(Error::BufferTooSmall { needed })?;
        for (d, b) in dst.iter_mut().zip(self.bytes()) {
            *d = b;
        }
        core::str::from_utf8(dst).map_err(|_| Error::BufferTooSmall { needed })
    }

    /// Checks the decoded length in characters against `min..=max`.
    pub(crate) fn check_chars(&self, field: Field, min: usize, max: usize) -> Result<(), Error> {
        let n = self.char_count();
        if n < min {
            Err(Error::InvalidField {
                field,
                problem: Problem::TooShort { min },
            })
        } else if n > max {
            Err(Error::InvalidField {
                field,
                problem: Problem::TooLong { max },
            })
        } else {
            Ok(())
        }
    }
}

impl PartialEq<str> for FormValue<'_> {
    fn eq(&self, other: &str) -> bool {
        self.bytes().eq(other.bytes())
    }
}

impl PartialEq<&str> for FormValue<'_> {
    fn eq(&self, other: &&str) -> bool {
        *self == **other
    }
}

/// The decoded bytes of a [`FormValue`].
///
/// ```
/// # use callsign_core::huawei::sms_api::StatusReport;
/// let r = StatusReport::parse("smsMsgId=a+b&status=DELIVRD")?;
/// assert_eq!(r.sms_msg_id.bytes().nth(1), Some(b' '));
/// # Ok::<(), callsign_core::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct FormBytes<'a> {
    rest: &'a [u8],
}

impl Iterator for FormBytes<'_> {
    type Item = u8;

    fn next(&mut self) -> Option<u8> {
        let (&b, rest) = self.rest.split_first()?;
        match (b, rest) {
            (b'%', [hi, lo, tail @ ..]) => {
                self.rest = tail;
                Some(hex_value(*hi).unwrap_or(0) << 4 | hex_value(*lo).unwrap_or(0))
            }
            (b'+', _) => {
                self.rest = rest;
                Some(b' ')
            }
            _ => {
                self.rest = rest;
                Some(b)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    extern crate std;
    use super::*;
    use crate::Out;

    #[test]
    fn quote_plus_like_python() {
        let mut buf = [0u8; 64];
        let mut out = Out::new(&mut buf);
        let mut form = Form::new(&mut out);
        form.opt("extend", Some("order 42&x=y~*"));
        form.opt("skip", None);
        form.opt("to", Some("+86"));
        let n = out.finish().unwrap();
        assert_eq!(&buf[..n], b"extend=order+42%26x%3Dy~%2A&to=%2B86");
    }
}
