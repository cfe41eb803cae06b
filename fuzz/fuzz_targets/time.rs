//! `Timestamp::parse` / `parse_extended` / `parse_basic`, `Nonce::new`,
//! `verify::parse_unix_seconds` and `sinch::parse_x_timestamp` on arbitrary
//! text, each against an independent reference (calendar by the `time`
//! crate); `Timestamp::from_unix` formatting parsed back.
#![no_main]

use callsign_core::sinch::parse_x_timestamp;
use callsign_core::verify::parse_unix_seconds;
use callsign_core::{Error, Nonce, Timestamp};
use callsign_fuzz::{ref_unix, utf8_prefix};
use libfuzzer_sys::fuzz_target;

const MAX_UNIX: i64 = 253_402_300_799;

fn digits<const N: usize>(b: &[u8]) -> Option<u16> {
    if b.len() != N || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(b.iter().fold(0u16, |v, d| v * 10 + u16::from(d - b'0')))
}

/// The reference of `Timestamp::parse_*`: `shape` is the text with each
/// digit as `d`; fields at the given offsets.
fn ref_timestamp(text: &str, extended: bool) -> Result<u64, Error> {
    let b = text.as_bytes();
    let shape: &[u8] = if extended {
        b"dddd-dd-ddTdd:dd:ddZ"
    } else {
        b"ddddddddTddddddZ"
    };
    let fits = b.len() == shape.len()
        && b.iter().zip(shape).all(|(c, p)| {
            if *p == b'd' {
                c.is_ascii_digit()
            } else {
                c == p
            }
        });
    if !fits {
        return Err(Error::InvalidTimestamp);
    }
    let at: [usize; 6] = if extended {
        [0, 5, 8, 11, 14, 17]
    } else {
        [0, 4, 6, 9, 11, 13]
    };
    let y = digits::<4>(&b[at[0]..at[0] + 4]).unwrap();
    let f = |i: usize| digits::<2>(&b[at[i]..at[i] + 2]).unwrap() as u8;
    if !(1970..=9999).contains(&y) {
        return Err(Error::TimestampOutOfRange);
    }
    ref_unix(y, f(1), f(2), f(3), f(4), f(5))
        .map(|t| t as u64)
        .ok_or(Error::InvalidTimestamp)
}

/// The reference of `parse_x_timestamp`: `YYYY-MM-DDTHH:MM:SS`, an optional
/// `.` and 1 to 9 digits, then `Z` or `±HH:MM` (HH ≤ 23, MM ≤ 59).
fn ref_x_timestamp(text: &str) -> Option<Result<u64, ()>> {
    let b = text.as_bytes();
    if b.len() < 19 {
        return None;
    }
    let base = ref_timestamp(std::str::from_utf8(&[&b[..19], b"Z"].concat()).ok()?, true);
    // callsign reports a year outside 1970..=9999 before looking at the
    // rest of the text (either way the text is refused).
    if base == Err(Error::TimestampOutOfRange) {
        return Some(Err(()));
    }
    let mut i = 19;
    if b.get(i) == Some(&b'.') {
        let n = b[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
        if n == 0 || n > 9 {
            return None;
        }
        i += 1 + n;
    }
    let offset: i64 = match b.get(i) {
        Some(b'Z') if b.len() == i + 1 => 0,
        Some(&s @ (b'+' | b'-')) if b.len() == i + 6 && b[i + 3] == b':' => {
            let h = digits::<2>(&b[i + 1..i + 3])?;
            let m = digits::<2>(&b[i + 4..i + 6])?;
            if h > 23 || m > 59 {
                return None;
            }
            let o = i64::from(h) * 3600 + i64::from(m) * 60;
            if s == b'+' {
                o
            } else {
                -o
            }
        }
        _ => return None,
    };
    Some(match base {
        Ok(t) => {
            let t = t as i64 - offset;
            if (0..=MAX_UNIX).contains(&t) {
                Ok(t as u64)
            } else {
                Err(())
            }
        }
        Err(Error::TimestampOutOfRange) => Err(()),
        Err(_) => return None,
    })
}

fuzz_target!(|data: &[u8]| {
    let text = utf8_prefix(data);

    // Timestamp: both forms against the reference; a parsed time prints
    // back as the same text.
    let ext = Timestamp::parse_extended(text);
    assert_eq!(
        ext.map(Timestamp::unix),
        ref_timestamp(text, true),
        "{text:?}"
    );
    if let Ok(t) = ext {
        assert_eq!(&t.extended().to_array()[..], text.as_bytes());
    }
    let basic = Timestamp::parse_basic(text);
    assert_eq!(
        basic.map(Timestamp::unix),
        ref_timestamp(text, false),
        "{text:?}"
    );
    if let Ok(t) = basic {
        assert_eq!(&t.basic().to_array()[..], text.as_bytes());
    }
    let either = match text.len() {
        20 => ext,
        16 => basic,
        _ => Err(Error::InvalidTimestamp),
    };
    assert_eq!(Timestamp::parse(text), either);

    // x-timestamp.
    let x = parse_x_timestamp(text);
    match ref_x_timestamp(text) {
        Some(Ok(t)) => assert_eq!(x, Ok(t), "{text:?}"),
        Some(Err(())) => assert_eq!(x, Err(Error::TimestampOutOfRange), "{text:?}"),
        None => assert!(
            matches!(x, Err(Error::Malformed { position, .. }) if position <= text.len()),
            "{text:?}: {x:?}"
        ),
    }

    // Unix seconds: 1 to 20 ASCII digits that fit a u64.
    let want = if (1..=20).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit()) {
        text.parse::<u64>().ok()
    } else {
        None
    };
    match parse_unix_seconds(text) {
        Ok(v) => assert_eq!(Some(v), want, "{text:?}"),
        Err(e) => {
            assert_eq!(want, None, "{text:?}");
            assert!(matches!(e, Error::Malformed { position, .. } if position <= text.len()));
        }
    }

    // Nonce: 1 to 128 ASCII letters and digits, kept as given.
    let valid = (1..=128).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_alphanumeric());
    match Nonce::new(text) {
        Ok(n) => {
            assert!(valid, "{text:?}");
            assert_eq!(n.as_str(), text);
            assert_eq!(n.as_bytes(), text.as_bytes());
        }
        Err(_) => assert!(!valid, "{text:?}"),
    }

    // Formatting: any Unix time in range prints as texts that parse back.
    if data.len() >= 8 {
        let secs = u64::from_le_bytes(data[..8].try_into().unwrap());
        match Timestamp::from_unix(secs) {
            Ok(t) => {
                assert!(secs <= MAX_UNIX as u64);
                let e = t.extended().to_array();
                let e = std::str::from_utf8(&e).unwrap();
                assert_eq!(Timestamp::parse(e).map(Timestamp::unix), Ok(secs));
                assert_eq!(ref_timestamp(e, true), Ok(secs));
                let b = t.basic().to_array();
                let b = std::str::from_utf8(&b).unwrap();
                assert_eq!(Timestamp::parse(b).map(Timestamp::unix), Ok(secs));
                assert_eq!(Timestamp::from_civil(t.civil()), Ok(t));
            }
            Err(e) => {
                assert!(secs > MAX_UNIX as u64);
                assert_eq!(e, Error::TimestampOutOfRange);
            }
        }
    }
});
