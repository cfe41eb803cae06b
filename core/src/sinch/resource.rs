//! RESOURCE, the last line of the string to sign: the request path without
//! query or fragment, percent-decoded, checked to be UTF-8.

use crate::error::check_len;
use crate::text::{hex_value, PercentDecoded, Utf8Check};
use crate::{Error, Field, Sink};

/// Longest request target (path and query) accepted, in bytes.
pub const TARGET_MAX_LEN: usize = 2048;

/// The offset of the first byte of `bytes` that `ok` refuses.
pub(super) fn first_invalid(bytes: &[u8], ok: impl Fn(u8) -> bool) -> Option<usize> {
    bytes.iter().position(|&b| !ok(b))
}

/// The path of a request target: what precedes `?` or `#`.
fn path_of(target: &str) -> &str {
    let end = target.find(['?', '#']).unwrap_or(target.len());
    target.get(..end).unwrap_or(target)
}

/// Validates a request target and returns the length of its RESOURCE (the
/// percent-decoded path). It must start with `/`, hold no control
/// character, every `%` of the path must start a `%XX` escape, and the
/// decoded path must be UTF-8 ([`Error::InvalidUtf8`] at the byte, or the
/// escape, where it breaks).
pub(super) fn check_target(target: &str) -> Result<usize, Error> {
    let invalid = |position| Error::InvalidCharacter {
        field: Field::Path,
        position,
    };
    check_len(Field::Path, target.len(), 1, TARGET_MAX_LEN)?;
    if !target.starts_with('/') {
        return Err(invalid(0));
    }
    if let Some(position) = first_invalid(target.as_bytes(), |b| !b.is_ascii_control()) {
        return Err(invalid(position));
    }
    let path = path_of(target);
    let mut utf8 = Utf8Check::new();
    let mut decoded = 0usize;
    for d in PercentDecoded::new(path) {
        if d.stray_percent {
            return Err(invalid(d.at));
        }
        if !utf8.push(d.byte) {
            return Err(Error::InvalidUtf8 {
                field: Field::Path,
                position: d.at,
            });
        }
        decoded = decoded.saturating_add(1);
    }
    if !utf8.at_boundary() {
        return Err(Error::InvalidUtf8 {
            field: Field::Path,
            position: path.len(),
        });
    }
    Ok(decoded)
}

/// Writes the percent-decoded path of `target` into `out`, validated as
/// [`check_target`] does: its length, or [`Error::BufferTooSmall`] with
/// nothing written.
pub(super) fn write_decoded_path(target: &str, out: &mut [u8]) -> Result<usize, Error> {
    let len = check_target(target)?;
    let dst = out
        .get_mut(..len)
        .ok_or(Error::BufferTooSmall { needed: len })?;
    emit_resource(target, &mut crate::Out::new(dst));
    Ok(len)
}

/// Writes the percent-decoded path of a validated target. Bytes decoded
/// from consecutive escapes are written together, cut only between
/// characters, so every write is whole UTF-8 (a character made of escapes
/// is made of escapes only: a `&str` has no stray continuation byte).
pub(super) fn emit_resource<S: Sink + ?Sized>(target: &str, sink: &mut S) {
    /// Decoded bytes gathered before a write; a cut is made from 60 on.
    const GATHER: usize = 64;
    let mut decoded = [0u8; GATHER];
    let mut fill = 0usize;
    let mut rest = path_of(target).as_bytes();
    loop {
        if let [b'%', h, l, more @ ..] = rest {
            let byte = hex_value(*h).unwrap_or(0) << 4 | hex_value(*l).unwrap_or(0);
            let continuation = (0x80..=0xbf).contains(&byte);
            if fill >= GATHER - 4 && !continuation {
                sink.write(decoded.get(..fill).unwrap_or(&[]));
                fill = 0;
            }
            if let Some(slot) = decoded.get_mut(fill) {
                *slot = byte;
                fill = fill.saturating_add(1);
            }
            rest = more;
            continue;
        }
        sink.write(decoded.get(..fill).unwrap_or(&[]));
        fill = 0;
        // A raw run up to the next `%` (validated: it starts an escape).
        let end = match rest.iter().position(|&b| b == b'%') {
            Some(0) | None => rest.len(),
            Some(end) => end,
        };
        let (run, tail) = rest.split_at_checked(end).unwrap_or((rest, &[]));
        sink.write(run);
        rest = tail;
        if rest.is_empty() {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    extern crate std;

    use super::*;
    use std::string::String;
    use std::vec::Vec;

    /// Collects writes, checking that each one is whole UTF-8.
    struct Utf8Writes(String);

    impl Sink for Utf8Writes {
        fn write(&mut self, bytes: &[u8]) {
            self.0.push_str(core::str::from_utf8(bytes).unwrap());
        }
    }

    #[test]
    fn resources_are_written_in_whole_characters() {
        let long = std::format!(
            "/{}x%F0%9F%98%80{}%e2%82%ac",
            "%C3%A9".repeat(40),
            "%41".repeat(70)
        );
        for target in [
            "/caf%C3%A9",
            "/%F0%9F%98%80/b%20c",
            "/a%2Fb%25",
            long.as_str(),
            "/\u{e9}%C3%A9\u{e9}",
        ] {
            let mut out = Utf8Writes(String::new());
            emit_resource(target, &mut out);
            let mut bytes = Vec::new();
            let mut raw = target.as_bytes();
            while let Some((&b, tail)) = raw.split_first() {
                if b == b'%' {
                    let hex = core::str::from_utf8(&tail[..2]).unwrap();
                    bytes.push(u8::from_str_radix(hex, 16).unwrap());
                    raw = &tail[2..];
                } else {
                    bytes.push(b);
                    raw = tail;
                }
            }
            assert_eq!(out.0.as_bytes(), &bytes[..], "{target}");
            assert_eq!(check_target(target), Ok(out.0.len()), "{target}");
        }
    }

    #[test]
    fn decoded_paths_must_be_utf8() {
        assert_eq!(check_target("/caf%C3%A9?x=%FF"), Ok(6));
        assert_eq!(check_target("/caf\u{e9}"), Ok(6));
        assert_eq!(check_target("/%f0%9F%98%80"), Ok(5));
        let utf8 = |position| {
            Err(Error::InvalidUtf8 {
                field: Field::Path,
                position,
            })
        };
        assert_eq!(check_target("/a%FF"), utf8(2));
        assert_eq!(check_target("/a%C3"), utf8(5));
        assert_eq!(check_target("/a%C3x"), utf8(5));
        assert_eq!(check_target("/%C0%80"), utf8(1));
        assert_eq!(check_target("/%ED%A0%80"), utf8(4));
        assert_eq!(check_target("/%F4%90%80%80"), utf8(4));
        assert_eq!(check_target("/%C3\u{e9}"), utf8(4));
        let bad = |position| {
            Err(Error::InvalidCharacter {
                field: Field::Path,
                position,
            })
        };
        assert_eq!(check_target("/a%4"), bad(2));
        assert_eq!(check_target("/a%4g"), bad(2));
        assert_eq!(check_target("/a\tb"), bad(2));
        assert_eq!(check_target("a"), bad(0));
    }
}
