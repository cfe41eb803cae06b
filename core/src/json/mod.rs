//! JSON for the API surface: a writer of canonical compact JSON
//! ([`write`]), a strict, allocation-free reader ([`read`]), and
//! [`JsonStr`], a string value borrowed from a received body.
//!
//! Owned code, not `serde-json-core`: measured on x86_64 (opt-level "s",
//! LTO, the same validation in both), click2Call built with
//! serde-json-core's `to_slice` was 6147 bytes of `.text` against 6406 for
//! this writer, but kept a panic path (the panic-never link failed), and
//! it cannot tell the exact length before writing.

pub(crate) mod fields;
pub(crate) mod read;
pub(crate) mod write;

use crate::{Error, Out, Sink};

/// A JSON string value as received, borrowed from the body with its escapes
/// still in it. Most values have none: [`JsonStr::as_str`] then gives the
/// text itself; otherwise [`JsonStr::decode`] unescapes it into a caller
/// buffer.
///
/// ```
/// use callsign_core::huawei::voice_api::VoiceResponse;
/// let r = VoiceResponse::parse(r#"{"resultcode":"0","resultdesc":"Caf\u00e9 \"ok\""}"#)?;
/// let desc = r.result_desc.unwrap();
/// assert_eq!(desc.as_str(), None); // escaped
/// assert!(desc == "Café \"ok\"");
/// let mut buf = [0u8; 16];
/// assert_eq!(desc.decode(&mut buf)?, "Café \"ok\"");
/// # Ok::<(), callsign_core::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct JsonStr<'a> {
    raw: &'a str,
}

impl<'a> JsonStr<'a> {
    /// Wraps the text between the quotes of a string the reader checked.
    pub(crate) fn from_checked(raw: &'a str) -> Option<Self> {
        Some(JsonStr { raw })
    }

    /// The text between the quotes, escapes included.
    ///
    /// ```
    /// # use callsign_core::huawei::voice_api::VoiceResponse;
    /// let r = VoiceResponse::parse(r#"{"resultcode":"0","resultdesc":"a\/b"}"#)?;
    /// assert_eq!(r.result_desc.unwrap().raw(), r"a\/b");
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub const fn raw(&self) -> &'a str {
        self.raw
    }

    /// The text, if it holds no escape (so no unescaping is needed).
    ///
    /// ```
    /// # use callsign_core::huawei::voice_api::VoiceResponse;
    /// let r = VoiceResponse::parse(r#"{"resultcode":"0","resultdesc":"Success"}"#)?;
    /// assert_eq!(r.result_desc.unwrap().as_str(), Some("Success"));
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn as_str(&self) -> Option<&'a str> {
        (!self.raw.contains('\\')).then_some(self.raw)
    }

    /// The unescaped characters (a lone surrogate escape becomes U+FFFD).
    ///
    /// ```
    /// # use callsign_core::huawei::voice_api::VoiceResponse;
    /// let r = VoiceResponse::parse(r#"{"resultcode":"0","resultdesc":"\ud83d\ude00!"}"#)?;
    /// assert!(r.result_desc.unwrap().chars().eq(['😀', '!']));
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn chars(&self) -> Unescaped<'a> {
        Unescaped {
            rest: self.raw.chars(),
        }
    }

    /// Length of the unescaped text in UTF-8 bytes.
    ///
    /// ```
    /// # use callsign_core::huawei::voice_api::VoiceResponse;
    /// let r = VoiceResponse::parse(r#"{"resultcode":"0","resultdesc":"\u00e9"}"#)?;
    /// assert_eq!(r.result_desc.unwrap().decoded_len(), 2);
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn decoded_len(&self) -> usize {
        self.chars()
            .fold(0usize, |n, c| n.saturating_add(c.len_utf8()))
    }

    /// Whether the string is empty.
    ///
    /// ```
    /// # use callsign_core::huawei::voice_api::VoiceResponse;
    /// let r = VoiceResponse::parse(r#"{"resultcode":"0","resultdesc":""}"#)?;
    /// assert!(r.result_desc.unwrap().is_empty());
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub const fn is_empty(&self) -> bool {
        self.raw.is_empty()
    }

    /// Unescapes into the start of `buf`; [`Error::BufferTooSmall`] (nothing
    /// written) if it does not fit.
    ///
    /// ```
    /// # use callsign_core::{huawei::voice_api::VoiceResponse, Error};
    /// let r = VoiceResponse::parse(r#"{"resultcode":"0","resultdesc":"a\nb"}"#)?;
    /// let desc = r.result_desc.unwrap();
    /// assert_eq!(desc.decode(&mut [0u8; 2]), Err(Error::BufferTooSmall { needed: 3 }));
    /// assert_eq!(desc.decode(&mut [0u8; 3])?, "a\nb");
    /// # Ok::<(), Error>(())
    /// ```
    pub fn decode<'b>(&self, buf: &'b mut [u8]) -> Result<&'b str, Error> {
        let needed = self.decoded_len();
        let dst = buf
            .get_mut(..needed)
            .ok_or(Error::BufferTooSmall { needed })?;
        let mut out = Out::new(dst);
        for c in self.chars() {
            let mut utf8 = [0u8; 4];
            out.write(c.encode_utf8(&mut utf8).as_bytes());
        }
        let n = out.finish()?;
        let written = buf.get(..n).ok_or(Error::BufferTooSmall { needed })?;
        core::str::from_utf8(written).map_err(|_| Error::BufferTooSmall { needed })
    }
}

impl PartialEq<str> for JsonStr<'_> {
    fn eq(&self, other: &str) -> bool {
        match self.as_str() {
            Some(s) => s == other,
            None => self.chars().eq(other.chars()),
        }
    }
}

impl PartialEq<&str> for JsonStr<'_> {
    fn eq(&self, other: &&str) -> bool {
        *self == **other
    }
}

/// The characters of a [`JsonStr`], unescaped.
///
/// ```
/// # use callsign_core::huawei::voice_api::VoiceResponse;
/// let r = VoiceResponse::parse(r#"{"resultcode":"0","resultdesc":"\t"}"#)?;
/// assert_eq!(r.result_desc.unwrap().chars().next(), Some('\t'));
/// # Ok::<(), callsign_core::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Unescaped<'a> {
    rest: core::str::Chars<'a>,
}

impl Unescaped<'_> {
    /// Four hex digits of a `\u` escape (the reader checked them).
    fn hex4(&mut self) -> u32 {
        (0..4).fold(0u32, |n, _| {
            let d = self.rest.next().and_then(|c| c.to_digit(16)).unwrap_or(0);
            n.wrapping_shl(4) | d
        })
    }
}

impl Iterator for Unescaped<'_> {
    type Item = char;

    fn next(&mut self) -> Option<char> {
        let c = self.rest.next()?;
        if c != '\\' {
            return Some(c);
        }
        Some(match self.rest.next()? {
            'b' => '\u{8}',
            'f' => '\u{c}',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            'u' => {
                let first = self.hex4();
                if (0xd800..0xdc00).contains(&first) {
                    let mut ahead = self.rest.clone();
                    if ahead.next() == Some('\\') && ahead.next() == Some('u') {
                        let mut low = Unescaped { rest: ahead };
                        let second = low.hex4();
                        if (0xdc00..0xe000).contains(&second) {
                            self.rest = low.rest;
                            let hi = first.wrapping_sub(0xd800);
                            let lo = second.wrapping_sub(0xdc00);
                            let code = 0x10000u32.wrapping_add(hi.wrapping_shl(10) | lo);
                            return Some(char::from_u32(code).unwrap_or('\u{fffd}'));
                        }
                    }
                    '\u{fffd}'
                } else {
                    char::from_u32(first).unwrap_or('\u{fffd}')
                }
            }
            other => other,
        })
    }
}
