//! `application/x-www-form-urlencoded` bodies in the canonical form of the
//! api-surface spec §0: pairs in the order written, names and values
//! encoded like Python's `quote_plus` (`A–Z a–z 0–9 - . _ ~` kept, space as
//! `+`, every other byte as `%XX`, upper-case hex).

use crate::encode::is_unreserved;
use crate::Sink;

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
