//! Byte-level text rules shared by the schemes: HTTP token characters, hex
//! digits, percent-decoding and a streaming UTF-8 check.
//!
//! Only what is the same for every caller lives here. What a scheme decides
//! for itself stays with it: what a `%` that starts no `%XX` escape means
//! (the Huawei APIG path keeps it as a literal `%`, as Python's `unquote`
//! does; a Sinch RESOURCE refuses it), and which offset an error reports.

/// Checks every byte of `text` with `allowed`: one pass without an early
/// exit (it vectorises, which on short credential fields is most of their
/// check), then the first refused position only when there is one. For
/// the fields checked on every signature (app key, nonce).
#[inline(always)]
pub(crate) fn check_chars(
    text: &[u8],
    field: crate::Field,
    allowed: impl Fn(u8) -> bool,
) -> Result<(), crate::Error> {
    if text.iter().fold(true, |ok, &b| ok & allowed(b)) {
        return Ok(());
    }
    Err(crate::Error::InvalidCharacter {
        field,
        position: text.iter().position(|&b| !allowed(b)).unwrap_or(0),
    })
}

/// Whether `b` is an HTTP token character (RFC 9110 §5.6.2 `tchar`).
pub(crate) const fn is_tchar(b: u8) -> bool {
    b.is_ascii_alphanumeric()
        || matches!(
            b,
            b'!' | b'#'
                | b'$'
                | b'%'
                | b'&'
                | b'\''
                | b'*'
                | b'+'
                | b'-'
                | b'.'
                | b'^'
                | b'_'
                | b'`'
                | b'|'
                | b'~'
        )
}

/// The value of an ASCII hex digit (either case), if it is one.
pub(crate) const fn hex_value(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b.wrapping_sub(b'0')),
        b'a'..=b'f' => Some(b.wrapping_sub(b'a').wrapping_add(10)),
        b'A'..=b'F' => Some(b.wrapping_sub(b'A').wrapping_add(10)),
        _ => None,
    }
}

/// One byte of a percent-decoded text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Decoded {
    /// The offset in the wire text of the escape, or the byte, it came from.
    pub(crate) at: usize,
    /// The decoded byte.
    pub(crate) byte: u8,
    /// Whether this is a `%` that starts no `%XX` escape (passed through
    /// as itself; the caller decides whether that is allowed).
    pub(crate) stray_percent: bool,
}

/// The bytes of a wire text after percent-decoding: `%` followed by two
/// hex digits (either case) is one decoded byte, any other byte is itself.
pub(crate) struct PercentDecoded<'a> {
    wire: &'a [u8],
    pos: usize,
}

impl<'a> PercentDecoded<'a> {
    /// The decoded bytes of `wire`, from its start.
    pub(crate) fn new(wire: &'a str) -> Self {
        PercentDecoded {
            wire: wire.as_bytes(),
            pos: 0,
        }
    }

    /// The byte of the `%XX` escape starting at `pos`, if one starts there.
    fn escape_at(&self, pos: usize) -> Option<u8> {
        match self.wire.get(pos..)? {
            [b'%', hi, lo, ..] => Some(hex_value(*hi)? << 4 | hex_value(*lo)?),
            _ => None,
        }
    }
}

impl Iterator for PercentDecoded<'_> {
    type Item = Decoded;

    fn next(&mut self) -> Option<Decoded> {
        let at = self.pos;
        let b = *self.wire.get(at)?;
        let (byte, width) = match self.escape_at(at) {
            Some(decoded) => (decoded, 3),
            None => (b, 1),
        };
        self.pos = at.saturating_add(width);
        Some(Decoded {
            at,
            byte,
            stray_percent: b == b'%' && width == 1,
        })
    }
}

/// Incremental UTF-8 validation, one byte at a time (RFC 3629: no overlong
/// forms, no surrogates, nothing above U+10FFFF).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Utf8Check {
    /// Continuation bytes still expected.
    need: u8,
    /// Allowed range of the next continuation byte.
    low: u8,
    high: u8,
}

impl Utf8Check {
    /// A check at the start of a text.
    pub(crate) const fn new() -> Self {
        Utf8Check {
            need: 0,
            low: 0x80,
            high: 0xbf,
        }
    }

    /// Feeds one byte; false (and no change) if it cannot continue a valid
    /// text.
    pub(crate) fn push(&mut self, b: u8) -> bool {
        if self.need > 0 {
            if b < self.low || b > self.high {
                return false;
            }
            *self = Utf8Check {
                need: self.need.wrapping_sub(1),
                ..Utf8Check::new()
            };
            return true;
        }
        let (need, low, high) = match b {
            0x00..=0x7f => (0, 0x80, 0xbf),
            0xc2..=0xdf => (1, 0x80, 0xbf),
            0xe0 => (2, 0xa0, 0xbf),
            0xe1..=0xec | 0xee..=0xef => (2, 0x80, 0xbf),
            0xed => (2, 0x80, 0x9f),
            0xf0 => (3, 0x90, 0xbf),
            0xf1..=0xf3 => (3, 0x80, 0xbf),
            0xf4 => (3, 0x80, 0x8f),
            _ => return false,
        };
        *self = Utf8Check { need, low, high };
        true
    }

    /// Whether the bytes so far end on a character boundary (the next
    /// byte, if any, starts a character).
    pub(crate) const fn at_boundary(&self) -> bool {
        self.need == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_values() {
        for (b, want) in [
            (b'0', 0),
            (b'9', 9),
            (b'a', 10),
            (b'f', 15),
            (b'A', 10),
            (b'F', 15),
        ] {
            assert_eq!(hex_value(b), Some(want));
        }
        for b in [b'g', b'G', b'/', b':', b'@', b'`', b'%', b' '] {
            assert_eq!(hex_value(b), None);
        }
    }

    #[test]
    fn tokens() {
        assert!(b"GETpost09!#$%&'*+-.^_`|~".iter().all(|&b| is_tchar(b)));
        assert!(b" \t\"(),/:;<=>?@[\\]{}\x7f\x80"
            .iter()
            .all(|&b| !is_tchar(b)));
    }

    #[test]
    fn percent_decoding_marks_stray_percents() {
        let d = |at, byte, stray_percent| Decoded {
            at,
            byte,
            stray_percent,
        };
        let decoded: heapless::Vec<Decoded, 16> = PercentDecoded::new("a%2f%%4%4G%").collect();
        assert_eq!(
            decoded,
            [
                d(0, b'a', false),
                d(1, b'/', false),
                d(4, b'%', true),
                d(5, b'%', true),
                d(6, b'4', false),
                d(7, b'%', true),
                d(8, b'4', false),
                d(9, b'G', false),
                d(10, b'%', true),
            ]
        );
        let tail: heapless::Vec<Decoded, 2> = PercentDecoded::new("%25%").collect();
        assert_eq!(tail, [d(0, b'%', false), d(3, b'%', true)]);
        assert_eq!(PercentDecoded::new("").next(), None);
    }

    #[test]
    fn utf8_check_follows_rfc_3629() {
        let valid = |bytes: &[u8]| {
            let mut check = Utf8Check::new();
            bytes.iter().all(|&b| check.push(b)) && check.at_boundary()
        };
        for text in [
            "",
            "a",
            "é",
            "中文",
            "😀",
            "\u{7f}\u{80}\u{7ff}\u{800}\u{ffff}\u{10000}\u{10ffff}",
        ] {
            assert!(valid(text.as_bytes()), "{text}");
        }
        for bytes in [
            &b"\xc0\xaf"[..],    // overlong
            b"\xe0\x9f\xbf",     // overlong
            b"\xed\xa0\x80",     // surrogate
            b"\xf4\x90\x80\x80", // above U+10FFFF
            b"\xf5\x80\x80\x80", // no such lead byte
            b"\x80",             // stray continuation
            b"\xe4\xb8",         // cut short
        ] {
            assert!(!valid(bytes), "{bytes:?}");
        }
        let mut check = Utf8Check::new();
        assert!(check.push(0xe4));
        assert!(!check.at_boundary());
        assert!(!check.push(b'x'));
        assert!(check.push(0xb8) && check.push(0xad) && check.at_boundary());
    }
}
