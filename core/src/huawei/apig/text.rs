//! Text rules of the APIG canonical request: Python `str.strip()`
//! whitespace, HTTP tokens, percent-decoding of the wire path with a UTF-8
//! check, case mapping while streaming, and an allocation-free sort.

use crate::encode::percent_encode;
use crate::text::{is_tchar, PercentDecoded, Utf8Check};
use crate::Sink;

/// Whether `c` is whitespace for Python's `str.strip()` (`str.isspace`):
/// ASCII `\t \n \x0b \x0c \r` and space, the separators U+001C..=U+001F,
/// and the Unicode spaces U+0085, U+00A0, U+1680, U+2000..=U+200A, U+2028,
/// U+2029, U+202F, U+205F and U+3000. (Rust's `char::is_whitespace` lacks
/// U+001C..=U+001F.)
pub(crate) const fn is_python_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n'
            | '\u{0b}'
            | '\u{0c}'
            | '\r'
            | '\u{1c}'..='\u{1f}'
            | ' '
            | '\u{85}'
            | '\u{a0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200a}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202f}'
            | '\u{205f}'
            | '\u{3000}'
    )
}

/// `value.strip()` as Python computes it.
pub(crate) fn python_strip(value: &str) -> &str {
    // Fast path: visible ASCII at both ends (the usual case) is no space.
    let visible = |b: Option<&u8>| b.is_some_and(|&b| (b'!'..=b'~').contains(&b));
    let bytes = value.as_bytes();
    if visible(bytes.first()) && visible(bytes.last()) {
        return value;
    }
    value.trim_matches(is_python_space)
}

/// The offset of the first byte of `text` that is not a token character.
pub(crate) fn first_non_token(text: &str) -> Option<usize> {
    text.bytes().position(|b| !is_tchar(b))
}

/// Writes `text` into `sink` with every byte passed through `map`, in
/// chunks (a hasher is fed whole chunks, not single bytes).
pub(crate) fn emit_mapped<S: Sink + ?Sized>(text: &str, map: fn(&u8) -> u8, sink: &mut S) {
    let mut buf = [0u8; 32];
    for chunk in text.as_bytes().chunks(32) {
        for (dst, src) in buf.iter_mut().zip(chunk) {
            *dst = map(src);
        }
        if let Some(mapped) = buf.get(..chunk.len()) {
            sink.write(mapped);
        }
    }
}

/// Whether two header names are equal ignoring ASCII case.
pub(crate) fn same_name(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
}

/// Compares two header names by their ASCII-lowercased bytes.
pub(crate) fn cmp_lowercase(a: &str, b: &str) -> core::cmp::Ordering {
    a.bytes()
        .map(|c| c.to_ascii_lowercase())
        .cmp(b.bytes().map(|c| c.to_ascii_lowercase()))
}

/// Sorts `items` by `less` (stable insertion sort). The lists sorted here
/// are short (at most a few dozen entries), and unlike `core`'s sorts this
/// has no panic path (`core`'s may panic on an inconsistent order).
pub(crate) fn insertion_sort<T: Copy>(items: &mut [T], mut less: impl FnMut(T, T) -> bool) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 {
            let k = j.wrapping_sub(1);
            match (items.get(k).copied(), items.get(j).copied()) {
                (Some(prev), Some(cur)) if less(cur, prev) => {
                    if let Some(slot) = items.get_mut(k) {
                        *slot = cur;
                    }
                    if let Some(slot) = items.get_mut(j) {
                        *slot = prev;
                    }
                    j = k;
                }
                _ => break,
            }
        }
    }
}

/// The wire offset of the first character whose percent-decoded bytes (as
/// [`emit_canonical_uri`] decodes them) are not UTF-8 (the start of the broken sequence), or `None` if the decoded
/// path is valid UTF-8.
pub(crate) fn invalid_decoded_utf8(wire: &str) -> Option<usize> {
    if !wire.bytes().any(|b| b == b'%') {
        // Nothing to decode: the text is UTF-8 already.
        return None;
    }
    let mut check = Utf8Check::new();
    let mut sequence_start = 0;
    for decoded in PercentDecoded::new(wire) {
        if check.at_boundary() {
            sequence_start = decoded.at;
        }
        if !check.push(decoded.byte) {
            return Some(sequence_start);
        }
    }
    (!check.at_boundary()).then_some(sequence_start)
}

/// Writes the canonical URI of a wire path: percent-decoded (a `%` that
/// starts no `%XX` escape is itself, as with Python's `unquote`), split on
/// `/`, each segment percent-encoded, joined with `/`, with a final `/`.
/// Streaming: decoded bytes other than `/` gather in a small buffer that is
/// encoded whenever it fills up or a `/` comes.
pub(crate) fn emit_canonical_uri<S: Sink + ?Sized>(wire: &str, sink: &mut S) {
    let mut segment = [0u8; 64];
    let mut fill = 0usize;
    let mut last = 0u8;
    for decoded in PercentDecoded::new(wire) {
        let b = decoded.byte;
        if b == b'/' || fill == segment.len() {
            percent_encode(segment.get(..fill).unwrap_or_default(), sink);
            fill = 0;
        }
        if b == b'/' {
            sink.write(b"/");
        } else if let Some(slot) = segment.get_mut(fill) {
            *slot = b;
            fill = fill.saturating_add(1);
        }
        last = b;
    }
    percent_encode(segment.get(..fill).unwrap_or_default(), sink);
    if last != b'/' {
        sink.write(b"/");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Out;

    fn canonical_uri(wire: &str) -> heapless::String<256> {
        let mut buf = [0u8; 256];
        let mut out = Out::new(&mut buf);
        emit_canonical_uri(wire, &mut out);
        let n = out.finish().unwrap();
        heapless::String::try_from(core::str::from_utf8(&buf[..n]).unwrap()).unwrap()
    }

    #[test]
    fn canonical_uri_follows_the_reference() {
        assert_eq!(canonical_uri("/"), "/");
        assert_eq!(canonical_uri("/v1//x%zz"), "/v1//x%25zz/");
        assert_eq!(canonical_uri("/v1/a%2Fb/c"), "/v1/a/b/c/");
        assert_eq!(
            canonical_uri("/v1/a%20b/c+d/e*f/~g/"),
            "/v1/a%20b/c%2Bd/e%2Af/~g/"
        );
        assert_eq!(canonical_uri("/%"), "/%25/");
        assert_eq!(canonical_uri("/%4"), "/%254/");
        assert_eq!(canonical_uri("/%%41"), "/%25A/");
        assert_eq!(canonical_uri("/%2f"), "//");
        // Segments longer than the internal buffer.
        let long = "/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa b";
        let mut expected = heapless::String::<256>::new();
        expected.push_str(&long.replace(' ', "%20")).unwrap();
        expected.push('/').unwrap();
        assert_eq!(canonical_uri(long), expected);
    }

    #[test]
    fn utf8_check_reports_the_start_of_a_broken_sequence() {
        assert_eq!(invalid_decoded_utf8("/v1/%E4%B8%AD"), None);
        assert_eq!(invalid_decoded_utf8("/v1/中文"), None);
        assert_eq!(invalid_decoded_utf8("/%E4%B8"), Some(1));
        assert_eq!(invalid_decoded_utf8("/%E4%B8x"), Some(1));
        assert_eq!(invalid_decoded_utf8("/a%FF"), Some(2));
        assert_eq!(invalid_decoded_utf8("/%C0%AF"), Some(1)); // overlong
        assert_eq!(invalid_decoded_utf8("/%ED%A0%80"), Some(1)); // surrogate
        assert_eq!(invalid_decoded_utf8("/%F4%90%80%80"), Some(1)); // > U+10FFFF
        assert_eq!(invalid_decoded_utf8("/é%A9"), Some(3));
        assert_eq!(invalid_decoded_utf8("/%F0%9F%98%80"), None);
    }

    #[test]
    fn strip_matches_python() {
        assert_eq!(python_strip("\u{1c}\u{a0} a b \u{3000}\u{85}"), "a b");
        assert_eq!(python_strip("\u{200b}x"), "\u{200b}x"); // not a space
        assert_eq!(python_strip(" \t "), "");
    }

    #[test]
    fn insertion_sort_sorts() {
        let mut v = [5u16, 3, 9, 1, 1, 0, 7];
        insertion_sort(&mut v, |a, b| a < b);
        assert_eq!(v, [0, 1, 1, 3, 5, 7, 9]);
        let mut empty: [u16; 0] = [];
        insertion_sort(&mut empty, |a, b| a < b);
    }
}
