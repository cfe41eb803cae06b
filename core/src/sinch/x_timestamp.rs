//! The `x-timestamp` header: ISO 8601 in UTC as the Sinch SDKs write it.

use crate::{Error, Field, Timestamp};

/// The fixed part `YYYY-MM-DDTHH:MM:SS`; `d` stands for a digit.
const DATE_TIME: &[u8; 19] = b"dddd-dd-ddTdd:dd:dd";

/// Most fraction digits accepted (nanoseconds).
const FRACTION_MAX_DIGITS: usize = 9;

/// Parses an `x-timestamp` into Unix seconds (a fraction is cut off):
/// `YYYY-MM-DDTHH:MM:SS`, an optional fraction of 1 to 9 digits, then `Z`
/// or an offset `±HH:MM`. These are the forms the SDKs send (Node
/// `2024-07-01T12:34:56.789Z`, Java `Instant.toString()`, Python 1.x
/// `2024-07-01T12:34:56.789012+00:00`) and the docs show (7 digits).
/// A text in another form is [`Error::Malformed`] at the first byte that
/// does not fit; a time before 1970 or after 9999 is
/// [`Error::TimestampOutOfRange`].
///
/// ```
/// use callsign_core::{sinch::parse_x_timestamp, Error, Field};
/// assert_eq!(parse_x_timestamp("2014-06-04T13:41:58Z")?, 1_401_889_318);
/// assert_eq!(parse_x_timestamp("2024-01-19T09:19:28.9372196Z")?, 1_705_655_968);
/// assert_eq!(parse_x_timestamp("2024-07-01T14:34:56.789012+02:00")?, 1_719_837_296);
/// assert_eq!(parse_x_timestamp("2024-07-01 12:34:56Z"),
///            Err(Error::Malformed { field: Field::Timestamp, position: 10 }));
/// # Ok::<(), Error>(())
/// ```
pub fn parse_x_timestamp(text: &str) -> Result<u64, Error> {
    let b = text.as_bytes();
    let malformed = |position| Error::Malformed {
        field: Field::Timestamp,
        position,
    };
    let mut utc = [b'Z'; 20];
    for (i, (slot, &pattern)) in utc.iter_mut().zip(DATE_TIME).enumerate() {
        let c = *b.get(i).ok_or(malformed(b.len()))?;
        let fits = if pattern == b'd' {
            c.is_ascii_digit()
        } else {
            c == pattern
        };
        if !fits {
            return Err(malformed(i));
        }
        *slot = c;
    }
    let base = match core::str::from_utf8(&utc).map(Timestamp::parse_extended) {
        Ok(Ok(t)) => t.unix(),
        Ok(Err(Error::TimestampOutOfRange)) => return Err(Error::TimestampOutOfRange),
        _ => return Err(malformed(impossible_field(&utc))),
    };

    let mut i = DATE_TIME.len();
    if b.get(i) == Some(&b'.') {
        i = i.saturating_add(1);
        let digits = b
            .get(i..)
            .unwrap_or(&[])
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        if digits == 0 || digits > FRACTION_MAX_DIGITS {
            return Err(malformed(i.saturating_add(digits.min(FRACTION_MAX_DIGITS))));
        }
        i = i.saturating_add(digits);
    }
    let (unix, end) = match b.get(i) {
        Some(b'Z') => (Some(base), i.saturating_add(1)),
        Some(&sign @ (b'+' | b'-')) => {
            let offset = parse_offset(b, i.saturating_add(1)).map_err(malformed)?;
            let unix = if sign == b'+' {
                base.checked_sub(offset)
            } else {
                base.checked_add(offset)
            };
            (unix, i.saturating_add(6))
        }
        _ => return Err(malformed(i)),
    };
    if end != b.len() {
        return Err(malformed(end));
    }
    match unix {
        Some(t) if t <= crate::time::MAX_UNIX => Ok(t),
        _ => Err(Error::TimestampOutOfRange),
    }
}

/// Two ASCII digits at `at` as a number (the caller checked they are digits).
fn two_digits(b: &[u8], at: usize) -> u64 {
    let digit = |i: usize| b.get(i).map_or(0, |c| u64::from(c.wrapping_sub(b'0')));
    digit(at)
        .wrapping_mul(10)
        .wrapping_add(digit(at.saturating_add(1)))
}

/// The offset of the first out-of-range field of a well-shaped date-time
/// that `Timestamp` refused: month, hour, minute, second, else the day.
fn impossible_field(utc: &[u8; 20]) -> usize {
    let month = two_digits(utc, 5);
    if !(1..=12).contains(&month) {
        5
    } else if two_digits(utc, 11) > 23 {
        11
    } else if two_digits(utc, 14) > 59 {
        14
    } else if two_digits(utc, 17) > 59 {
        17
    } else {
        8
    }
}

/// Parses `HH:MM` at `at` into seconds, or gives the offset of the first
/// byte that does not fit.
fn parse_offset(b: &[u8], at: usize) -> Result<u64, usize> {
    for (k, &pattern) in b"dd:dd".iter().enumerate() {
        let pos = at.saturating_add(k);
        let fits = match b.get(pos) {
            Some(c) if pattern == b'd' => c.is_ascii_digit(),
            Some(&c) => c == pattern,
            None => false,
        };
        if !fits {
            return Err(pos);
        }
    }
    let (hours, minutes) = (two_digits(b, at), two_digits(b, at.saturating_add(3)));
    if hours > 23 {
        return Err(at);
    }
    if minutes > 59 {
        return Err(at.saturating_add(3));
    }
    Ok(hours
        .wrapping_mul(3600)
        .wrapping_add(minutes.wrapping_mul(60)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(position: usize) -> Result<u64, Error> {
        Err(Error::Malformed {
            field: Field::Timestamp,
            position,
        })
    }

    #[test]
    fn forms() {
        let t = 1_719_837_296;
        for text in [
            "2024-07-01T12:34:56Z",
            "2024-07-01T12:34:56.7Z",
            "2024-07-01T12:34:56.789Z",
            "2024-07-01T12:34:56.123456789Z",
            "2024-07-01T12:34:56.789012+00:00",
            "2024-07-01T12:34:56-00:00",
            "2024-07-01T14:04:56+01:30",
            "2024-07-01T07:34:56-05:00",
        ] {
            assert_eq!(parse_x_timestamp(text), Ok(t), "{text}");
        }
    }

    #[test]
    fn malformed() {
        assert_eq!(parse_x_timestamp(""), err(0));
        assert_eq!(parse_x_timestamp("2024-07-01T12:34"), err(16));
        assert_eq!(parse_x_timestamp("2024-07-01T12:34:56"), err(19));
        assert_eq!(parse_x_timestamp("2024-07-01T12:34:56z"), err(19));
        assert_eq!(parse_x_timestamp("2024-07-01T12:34:56.Z"), err(20));
        assert_eq!(
            parse_x_timestamp("2024-07-01T12:34:56.1234567890Z"),
            err(29)
        );
        assert_eq!(parse_x_timestamp("2024-07-01T12:34:56ZZ"), err(20));
        assert_eq!(parse_x_timestamp("2024-07-01T12:34:56+0100"), err(22));
        assert_eq!(parse_x_timestamp("2024-07-01T12:34:56+24:00"), err(20));
        assert_eq!(parse_x_timestamp("2024-07-01T12:34:56+01:60"), err(23));
        assert_eq!(parse_x_timestamp("2024-13-01T12:34:56Z"), err(5));
        assert_eq!(parse_x_timestamp("2023-02-29T12:34:56Z"), err(8));
        assert_eq!(parse_x_timestamp("2024-02-29T24:34:56Z"), err(11));
        assert_eq!(parse_x_timestamp("2024-02-29T12:60:56Z"), err(14));
        assert_eq!(parse_x_timestamp("2024-02-29T12:34:60Z"), err(17));
        assert_eq!(
            parse_x_timestamp("1969-12-31T23:59:59Z"),
            Err(Error::TimestampOutOfRange)
        );
        assert_eq!(
            parse_x_timestamp("1970-01-01T00:00:00+00:01"),
            Err(Error::TimestampOutOfRange)
        );
    }
}
