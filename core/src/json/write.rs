//! Canonical compact JSON (api-surface spec §0): no whitespace, keys in the
//! order the caller writes them, UTF-8 raw, `/` not escaped; `"` and `\`
//! escaped, control characters as `\n`-style escapes or `\u00XX`.

use crate::Sink;

/// Writes `text` as a JSON string, quotes included.
pub(crate) fn string<S: Sink + ?Sized>(sink: &mut S, text: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    sink.write(b"\"");
    let bytes = text.as_bytes();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let short: &[u8] = match b {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0x08 => b"\\b",
            0x0c => b"\\f",
            0x00..=0x1f => b"",
            _ => continue,
        };
        if let Some(run) = bytes.get(start..i) {
            sink.write(run);
        }
        if short.is_empty() {
            let hi = HEX.get(usize::from(b >> 4)).copied().unwrap_or(b'0');
            let lo = HEX.get(usize::from(b & 0x0f)).copied().unwrap_or(b'0');
            sink.write(&[b'\\', b'u', b'0', b'0', hi, lo]);
        } else {
            sink.write(short);
        }
        start = i.saturating_add(1);
    }
    if let Some(run) = bytes.get(start..) {
        sink.write(run);
    }
    sink.write(b"\"");
}

/// Writes `n` in decimal.
pub(crate) fn number<S: Sink + ?Sized>(sink: &mut S, n: u64) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut rest = n;
    loop {
        at = at.saturating_sub(1);
        if let Some(d) = digits.get_mut(at) {
            // `rest % 10` is below 10, so the cast and the sum cannot wrap.
            *d = b'0'.wrapping_add((rest % 10) as u8);
        }
        rest /= 10;
        if rest == 0 || at == 0 {
            break;
        }
    }
    if let Some(text) = digits.get(at..) {
        sink.write(text);
    }
}

/// Writes a JSON array of strings.
pub(crate) fn string_array<S: Sink + ?Sized>(sink: &mut S, items: &[&str]) {
    sink.write(b"[");
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            sink.write(b",");
        }
        string(sink, item);
    }
    sink.write(b"]");
}

/// A JSON object being written: `{`, then members separated by `,`, then
/// `}` from [`Object::end`].
pub(crate) struct Object<'s, S: Sink + ?Sized> {
    sink: &'s mut S,
    first: bool,
}

impl<'s, S: Sink + ?Sized> Object<'s, S> {
    /// Opens an object.
    pub(crate) fn new(sink: &'s mut S) -> Self {
        sink.write(b"{");
        Object { sink, first: true }
    }

    /// Writes `"name":` (after a `,` unless first) and returns the sink for
    /// the value.
    pub(crate) fn key(&mut self, name: &str) -> &mut S {
        if !self.first {
            self.sink.write(b",");
        }
        self.first = false;
        string(self.sink, name);
        self.sink.write(b":");
        self.sink
    }

    /// A string member.
    pub(crate) fn str(&mut self, name: &str, value: &str) {
        string(self.key(name), value);
    }

    /// A string member, if present.
    pub(crate) fn opt_str(&mut self, name: &str, value: Option<&str>) {
        if let Some(v) = value {
            self.str(name, v);
        }
    }

    /// A number member, if present.
    pub(crate) fn opt_num(&mut self, name: &str, value: Option<u64>) {
        if let Some(v) = value {
            number(self.key(name), v);
        }
    }

    /// A "boolean" member, written as the string `"true"` or `"false"`
    /// (Huawei's request options are string enums), if present.
    pub(crate) fn opt_flag(&mut self, name: &str, value: Option<bool>) {
        if let Some(v) = value {
            self.str(name, if v { "true" } else { "false" });
        }
    }

    /// Closes the object.
    pub(crate) fn end(self) {
        self.sink.write(b"}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Out;

    fn text(f: impl FnOnce(&mut Out<'_>)) -> std::string::String {
        let mut buf = [0u8; 128];
        let mut out = Out::new(&mut buf);
        f(&mut out);
        let n = out.finish().unwrap();
        std::string::String::from_utf8(buf[..n].to_vec()).unwrap()
    }

    extern crate std;

    #[test]
    fn strings_escape_only_what_json_needs() {
        assert_eq!(
            text(|o| string(o, "a/é\"\\\n\u{1}")),
            "\"a/é\\\"\\\\\\n\\u0001\""
        );
    }

    #[test]
    fn numbers() {
        for n in [0u64, 7, 10, 1440, 65535, u64::MAX] {
            assert_eq!(text(|o| number(o, n)), std::format!("{n}"));
        }
    }

    #[test]
    fn objects() {
        let s = text(|o| {
            let mut obj = Object::new(o);
            obj.str("a", "x");
            obj.opt_str("b", None);
            obj.opt_num("c", Some(2));
            obj.opt_flag("d", Some(false));
            string_array(obj.key("e"), &["1", "2"]);
            obj.end();
        });
        assert_eq!(s, r#"{"a":"x","c":2,"d":"false","e":["1","2"]}"#);
    }
}
