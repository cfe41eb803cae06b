//! A strict JSON reader (RFC 8259) over a borrowed text, without allocation
//! or recursion: a document is checked whole first ([`document`]), then its
//! objects and arrays are walked member by member ([`members`],
//! [`elements`]), each value borrowed from the text.
//!
//! Nesting deeper than [`MAX_DEPTH`] is refused.

use super::JsonStr;
use crate::{Error, Field};

/// Deepest nesting of objects and arrays accepted.
pub(crate) const MAX_DEPTH: u32 = 64;

/// A JSON value, borrowed from the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Value<'a> {
    /// A string (still escaped).
    Str(JsonStr<'a>),
    /// A number, as written.
    Number(&'a str),
    /// `true` or `false`.
    Bool(bool),
    /// `null`.
    Null,
    /// An object, its text from `{` to `}`.
    Object(&'a str),
    /// An array, its text from `[` to `]`.
    Array(&'a str),
}

/// A syntax error at byte `position` of the body.
const fn malformed(position: usize) -> Error {
    Error::Malformed {
        field: Field::Body,
        position,
    }
}

/// A cursor over the text.
#[derive(Debug)]
struct Cursor<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn bump(&mut self) {
        self.pos = self.pos.saturating_add(1);
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.bump();
        }
    }

    fn expect(&mut self, b: u8) -> Result<(), Error> {
        if self.peek() == Some(b) {
            self.bump();
            Ok(())
        } else {
            Err(malformed(self.pos))
        }
    }

    fn slice(&self, start: usize) -> Result<&'a str, Error> {
        self.text.get(start..self.pos).ok_or(malformed(start))
    }

    /// A string starting at `"`: checks escapes and control characters.
    fn string(&mut self) -> Result<JsonStr<'a>, Error> {
        self.expect(b'"')?;
        let start = self.pos;
        loop {
            match self.peek() {
                None => return Err(malformed(self.pos)),
                Some(b'"') => break,
                Some(b'\\') => {
                    self.bump();
                    match self.peek() {
                        Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => self.bump(),
                        Some(b'u') => {
                            self.bump();
                            for _ in 0..4 {
                                if !self.peek().is_some_and(|h| h.is_ascii_hexdigit()) {
                                    return Err(malformed(self.pos));
                                }
                                self.bump();
                            }
                        }
                        _ => return Err(malformed(self.pos)),
                    }
                }
                Some(0x00..=0x1f) => return Err(malformed(self.pos)),
                Some(_) => self.bump(),
            }
        }
        let raw = self.slice(start)?;
        self.bump();
        JsonStr::from_checked(raw).ok_or(malformed(start))
    }

    /// A number: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    fn number(&mut self) -> Result<&'a str, Error> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.bump();
        }
        match self.peek() {
            Some(b'0') => self.bump(),
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(malformed(self.pos)),
        }
        if self.peek() == Some(b'.') {
            self.bump();
            self.some_digits()?;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.bump();
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.bump();
            }
            self.some_digits()?;
        }
        self.slice(start)
    }

    fn digits(&mut self) {
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.bump();
        }
    }

    fn some_digits(&mut self) -> Result<(), Error> {
        if !self.peek().is_some_and(|b| b.is_ascii_digit()) {
            return Err(malformed(self.pos));
        }
        self.digits();
        Ok(())
    }

    fn literal(&mut self, word: &str) -> Result<(), Error> {
        let end = self.pos.saturating_add(word.len());
        if self.text.as_bytes().get(self.pos..end) == Some(word.as_bytes()) {
            self.pos = end;
            Ok(())
        } else {
            Err(malformed(self.pos))
        }
    }

    /// One value at the cursor (after whitespace). Objects and arrays are
    /// checked whole without recursion: a bit stack of `MAX_DEPTH` levels
    /// remembers which of the two each open level is.
    fn value(&mut self) -> Result<Value<'a>, Error> {
        self.skip_ws();
        let start = self.pos;
        match self.peek() {
            Some(b'"') => return self.string().map(Value::Str),
            Some(b'-' | b'0'..=b'9') => return self.number().map(Value::Number),
            Some(b't') => return self.literal("true").map(|()| Value::Bool(true)),
            Some(b'f') => return self.literal("false").map(|()| Value::Bool(false)),
            Some(b'n') => return self.literal("null").map(|()| Value::Null),
            Some(b'{' | b'[') => {}
            _ => return Err(malformed(self.pos)),
        }
        let is_object = self.peek() == Some(b'{');
        self.container()?;
        let text = self.slice(start)?;
        Ok(if is_object {
            Value::Object(text)
        } else {
            Value::Array(text)
        })
    }

    /// Skips a whole object or array starting at the cursor.
    fn container(&mut self) -> Result<(), Error> {
        // Bit i of `objects`: level i+1 is an object (else an array).
        let mut objects: u64 = 0;
        let mut depth: u32 = 0;
        // Whether the next token must be a value (after `:` or `,` in an
        // array, or at the start of an array).
        loop {
            self.skip_ws();
            let at = self.pos;
            match self.peek() {
                Some(open @ (b'{' | b'[')) => {
                    if depth >= MAX_DEPTH {
                        return Err(malformed(at));
                    }
                    self.bump();
                    let bit = 1u64.checked_shl(depth).unwrap_or(0);
                    if open == b'{' {
                        objects |= bit;
                    } else {
                        objects &= !bit;
                    }
                    depth = depth.saturating_add(1);
                    self.skip_ws();
                    let close = if open == b'{' { b'}' } else { b']' };
                    if self.peek() == Some(close) {
                        self.bump();
                        depth = depth.saturating_sub(1);
                    } else if open == b'{' {
                        self.member_key()?;
                        continue;
                    } else {
                        continue;
                    }
                }
                _ => {
                    // A scalar value inside the current container.
                    if depth == 0 {
                        return Err(malformed(at));
                    }
                    match self.peek() {
                        Some(b'"') => self.string().map(|_| ())?,
                        Some(b'-' | b'0'..=b'9') => self.number().map(|_| ())?,
                        Some(b't') => self.literal("true")?,
                        Some(b'f') => self.literal("false")?,
                        Some(b'n') => self.literal("null")?,
                        _ => return Err(malformed(at)),
                    }
                }
            }
            // After a value (scalar or closed container): `,` or a close.
            loop {
                if depth == 0 {
                    return Ok(());
                }
                let in_object =
                    objects & 1u64.checked_shl(depth.saturating_sub(1)).unwrap_or(0) != 0;
                self.skip_ws();
                match self.peek() {
                    Some(b',') => {
                        self.bump();
                        if in_object {
                            self.skip_ws();
                            self.member_key()?;
                        }
                        break;
                    }
                    Some(b'}') if in_object => {
                        self.bump();
                        depth = depth.saturating_sub(1);
                    }
                    Some(b']') if !in_object => {
                        self.bump();
                        depth = depth.saturating_sub(1);
                    }
                    _ => return Err(malformed(self.pos)),
                }
            }
        }
    }

    /// `"key" :` of an object member.
    fn member_key(&mut self) -> Result<JsonStr<'a>, Error> {
        self.skip_ws();
        let key = self.string()?;
        self.skip_ws();
        self.expect(b':')?;
        Ok(key)
    }
}

/// Checks that `text` is exactly one JSON value (with surrounding
/// whitespace) and returns it.
pub(crate) fn document(text: &str) -> Result<Value<'_>, Error> {
    let mut c = Cursor { text, pos: 0 };
    let v = c.value()?;
    c.skip_ws();
    if c.pos == text.len() {
        Ok(v)
    } else {
        Err(malformed(c.pos))
    }
}

/// The members of an object whose text [`document`] (or a walk) checked.
pub(crate) fn members(object: &str) -> Members<'_> {
    Members {
        c: Cursor {
            text: object,
            pos: 1,
        },
        done: false,
    }
}

/// Iterator over `(key, value)` members; an error ends it.
pub(crate) struct Members<'a> {
    c: Cursor<'a>,
    done: bool,
}

impl<'a> Iterator for Members<'a> {
    type Item = Result<(JsonStr<'a>, Value<'a>), Error>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        self.c.skip_ws();
        match self.c.peek() {
            Some(b'}') | None => {
                self.done = true;
                return None;
            }
            Some(b',') => self.c.bump(),
            _ => {}
        }
        let item = self.c.member_key().and_then(|k| Ok((k, self.c.value()?)));
        if item.is_err() {
            self.done = true;
        }
        Some(item)
    }
}

/// The elements of an array whose text [`document`] (or a walk) checked.
pub(crate) fn elements(array: &str) -> Elements<'_> {
    Elements {
        c: Cursor {
            text: array,
            pos: 1,
        },
        done: false,
    }
}

/// Iterator over the values of an array; an error ends it.
#[derive(Debug)]
pub(crate) struct Elements<'a> {
    c: Cursor<'a>,
    done: bool,
}

impl<'a> Iterator for Elements<'a> {
    type Item = Result<Value<'a>, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        self.c.skip_ws();
        match self.c.peek() {
            Some(b']') | None => {
                self.done = true;
                return None;
            }
            Some(b',') => self.c.bump(),
            _ => {}
        }
        let item = self.c.value();
        if item.is_err() {
            self.done = true;
        }
        Some(item)
    }
}

/// A JSON number that is a non-negative integer (no fraction, no exponent,
/// no sign) and fits a `u64`.
pub(crate) fn unsigned(number: &str) -> Option<u64> {
    if number.is_empty() || (number.len() > 1 && number.starts_with('0')) {
        return None;
    }
    number.bytes().try_fold(0u64, |n, b| {
        let d = u64::from(b.checked_sub(b'0').filter(|d| *d < 10)?);
        n.checked_mul(10)?.checked_add(d)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_and_walks() {
        let text = r#" { "a" : "x\"y", "b":[1, -2.5e3, {"c":null}], "d":true } "#;
        let Value::Object(obj) = document(text).unwrap() else {
            panic!()
        };
        let mut m = members(obj);
        let (k, v) = m.next().unwrap().unwrap();
        assert!(k == "a");
        assert!(matches!(v, Value::Str(s) if s == "x\"y"));
        let (_, v) = m.next().unwrap().unwrap();
        let Value::Array(arr) = v else { panic!() };
        assert_eq!(elements(arr).count(), 3);
        let (k, v) = m.next().unwrap().unwrap();
        assert!(k == "d");
        assert_eq!(v, Value::Bool(true));
        assert!(m.next().is_none());
    }

    #[test]
    fn refuses_bad_json() {
        for bad in [
            "",
            "{",
            "{\"a\":}",
            "{\"a\" 1}",
            "[1,]",
            "{\"a\":1,}",
            "01",
            "1.",
            "\"\u{1}\"",
            "{\"a\":\"Succ",
            "[1] x",
            "{]",
            "[}",
            "tru",
            "\"\\x\"",
            "{1:2}",
            "[\"a\" \"b\"]",
        ] {
            assert!(document(bad).is_err(), "{bad:?}");
        }
        let deep = "[".repeat(65) + &"]".repeat(65);
        assert!(document(&deep).is_err());
        let ok = "[".repeat(64) + &"]".repeat(64);
        assert!(document(&ok).is_ok());
    }

    #[test]
    fn unsigned_integers() {
        assert_eq!(unsigned("65535"), Some(65535));
        assert_eq!(unsigned("0"), Some(0));
        for bad in ["-1", "1.0", "1e3", "01", "", "18446744073709551616"] {
            assert_eq!(unsigned(bad), None, "{bad}");
        }
    }
}
