//! The clock: the HTTP `Date` header (RFC 9110 §5.6.7) as a [`Timestamp`],
//! and [`ClockOffset`], which corrects a device clock from a server's
//! `Date`, the one-call remedy for a `FixClock` answer (Huawei 1010013 "Time
//! out limit."): sign again with the corrected time.
//!
//! Accepted forms (a recipient must accept all three):
//! - IMF-fixdate: `Sun, 06 Nov 1994 08:49:37 GMT`;
//! - obsolete RFC 850: `Sunday, 06-Nov-94 08:49:37 GMT` (two-digit year:
//!   70–99 are 1970–1999, 00–69 are 2000–2069);
//! - obsolete asctime: `Sun Nov  6 08:49:37 1994`.
//!
//! The weekday must match the date. Huawei's push `timestamp`
//! (`yyyy-MM-dd HH:mm:ss`) is not an HTTP date and stays opaque text
//! (api-surface spec §5 A7).
//!
//! ```
//! use callsign_core::http_date::{parse_http_date, ClockOffset};
//! let server = parse_http_date("Fri, 01 Mar 2024 08:15:30 GMT")?;
//! assert_eq!(server.unix(), 1_709_280_930);
//! let device_now = 1_709_280_000; // 930 s behind
//! let offset = ClockOffset::from_server(server, device_now);
//! assert_eq!(offset.secs(), 930);
//! assert_eq!(offset.now(device_now + 5)?.unix(), 1_709_280_935);
//! # Ok::<(), callsign_core::Error>(())
//! ```

use crate::{Civil, Error, Field, Timestamp};

const DAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A malformed `Date` at byte `position`.
const fn malformed(position: usize) -> Error {
    Error::Malformed {
        field: Field::HttpDate,
        position,
    }
}

/// A cursor over the header value.
struct Cursor<'a> {
    text: &'a [u8],
    pos: usize,
}

impl Cursor<'_> {
    fn literal(&mut self, lit: &str) -> Result<(), Error> {
        for (k, want) in lit.bytes().enumerate() {
            let at = self.pos.saturating_add(k);
            if self.text.get(at) != Some(&want) {
                return Err(malformed(at));
            }
        }
        self.pos = self.pos.saturating_add(lit.len());
        Ok(())
    }

    /// Exactly `n` digits.
    fn digits(&mut self, n: usize) -> Result<u16, Error> {
        let mut v: u16 = 0;
        for _ in 0..n {
            let at = self.pos;
            let d = self
                .text
                .get(at)
                .and_then(|b| b.checked_sub(b'0'))
                .filter(|d| *d < 10)
                .ok_or(malformed(at))?;
            v = v.saturating_mul(10).saturating_add(u16::from(d));
            self.pos = at.saturating_add(1);
        }
        Ok(v)
    }

    /// One of `names`, matched on its first `len` bytes (all of it when
    /// `len` is 0); returns its index.
    fn name(&mut self, names: &[&str], len: usize) -> Result<usize, Error> {
        let at = self.pos;
        for (i, name) in names.iter().enumerate() {
            let name = if len == 0 {
                name
            } else {
                name.get(..len).unwrap_or(name)
            };
            let end = at.saturating_add(name.len());
            if self.text.get(at..end) == Some(name.as_bytes()) {
                self.pos = end;
                return Ok(i);
            }
        }
        Err(malformed(at))
    }

    /// `HH:MM:SS`.
    fn time(&mut self) -> Result<(u8, u8, u8), Error> {
        let h = self.digits(2)?;
        self.literal(":")?;
        let m = self.digits(2)?;
        self.literal(":")?;
        let s = self.digits(2)?;
        Ok((low(h), low(m), low(s)))
    }

    fn end(&self) -> Result<(), Error> {
        if self.pos == self.text.len() {
            Ok(())
        } else {
            Err(malformed(self.pos))
        }
    }
}

/// A two-digit field as `u8` (always below 100).
fn low(v: u16) -> u8 {
    u8::try_from(v).unwrap_or(u8::MAX)
}

/// Parses an HTTP `Date` value in any of the three forms.
///
/// ```
/// use callsign_core::http_date::parse_http_date;
/// let t = 784_111_777;
/// assert_eq!(parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT")?.unix(), t);
/// assert_eq!(parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT")?.unix(), t);
/// assert_eq!(parse_http_date("Sun Nov  6 08:49:37 1994")?.unix(), t);
/// assert!(parse_http_date("Mon, 06 Nov 1994 08:49:37 GMT").is_err()); // wrong weekday
/// # Ok::<(), callsign_core::Error>(())
/// ```
pub fn parse_http_date(text: &str) -> Result<Timestamp, Error> {
    let bytes = text.as_bytes();
    let mut c = Cursor {
        text: bytes,
        pos: 0,
    };
    // The weekday's three letters, then what follows tells the form.
    let weekday = c.name(&DAYS, 3)?;
    let (civil, wd) = match bytes.get(3) {
        Some(b',') => {
            c.literal(", ")?;
            let day = c.digits(2)?;
            c.literal(" ")?;
            let month = c.name(&MONTHS, 0)?;
            c.literal(" ")?;
            let year = c.digits(4)?;
            c.literal(" ")?;
            let (hour, minute, second) = c.time()?;
            c.literal(" GMT")?;
            (civil(year, month, day, hour, minute, second), weekday)
        }
        Some(b' ') => {
            c.literal(" ")?;
            let month = c.name(&MONTHS, 0)?;
            c.literal(" ")?;
            if bytes.get(c.pos) == Some(&b' ') {
                c.literal(" ")?;
            }
            let start = c.pos;
            let day = match bytes.get(start.saturating_add(1)) {
                Some(b' ') => c.digits(1)?,
                _ => c.digits(2)?,
            };
            c.literal(" ")?;
            let (hour, minute, second) = c.time()?;
            c.literal(" ")?;
            let year = c.digits(4)?;
            (civil(year, month, day, hour, minute, second), weekday)
        }
        _ => {
            // RFC 850: the full day name, then ", DD-Mon-YY HH:MM:SS GMT".
            c.pos = 0;
            let weekday = c.name(&DAYS, 0)?;
            c.literal(", ")?;
            let day = c.digits(2)?;
            c.literal("-")?;
            let month = c.name(&MONTHS, 0)?;
            c.literal("-")?;
            let yy = c.digits(2)?;
            let year = if yy >= 70 { 1900u16 } else { 2000 }.saturating_add(yy);
            c.literal(" ")?;
            let (hour, minute, second) = c.time()?;
            c.literal(" GMT")?;
            (civil(year, month, day, hour, minute, second), weekday)
        }
    };
    c.end()?;
    let t = Timestamp::from_civil(civil).map_err(|_| malformed(0))?;
    // 1970-01-01 was a Thursday (index 3 from Monday).
    let days = t.unix() / 86_400;
    if usize::try_from(days.wrapping_add(3) % 7).ok() != Some(wd) {
        return Err(malformed(0));
    }
    Ok(t)
}

fn civil(year: u16, month: usize, day: u16, hour: u8, minute: u8, second: u8) -> Civil {
    Civil {
        year,
        month: u8::try_from(month.saturating_add(1)).unwrap_or(0),
        day: low(day),
        hour,
        minute,
        second,
    }
}

/// How far a device clock is behind (positive) or ahead (negative) of a
/// server's, in seconds: learn it from a response's `Date`, then sign with
/// [`ClockOffset::now`] instead of the raw device time.
///
/// ```
/// use callsign_core::http_date::ClockOffset;
/// let off = ClockOffset::from_date_header("Fri, 01 Mar 2024 08:15:30 GMT", 1_709_281_000)?;
/// assert_eq!(off.secs(), -70); // the device is 70 s ahead
/// assert_eq!(off.now(1_709_281_000)?.unix(), 1_709_280_930);
/// # Ok::<(), callsign_core::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ClockOffset {
    secs: i64,
}

impl ClockOffset {
    /// No correction.
    pub const ZERO: ClockOffset = ClockOffset { secs: 0 };

    /// The offset between `server` (from its `Date`) and the device's
    /// clock `device_now` (Unix seconds) when the response arrived.
    ///
    /// ```
    /// use callsign_core::{http_date::ClockOffset, Timestamp};
    /// let off = ClockOffset::from_server(Timestamp::from_unix(1000)?, 990);
    /// assert_eq!(off.secs(), 10);
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn from_server(server: Timestamp, device_now: u64) -> Self {
        let server = i128::from(server.unix());
        let device = i128::from(device_now);
        let diff = server.saturating_sub(device);
        ClockOffset {
            secs: i64::try_from(diff).unwrap_or(if diff < 0 { i64::MIN } else { i64::MAX }),
        }
    }

    /// [`ClockOffset::from_server`] with the `Date` header's text.
    ///
    /// ```
    /// use callsign_core::http_date::ClockOffset;
    /// assert!(ClockOffset::from_date_header("yesterday", 0).is_err());
    /// ```
    pub fn from_date_header(date: &str, device_now: u64) -> Result<Self, Error> {
        Ok(Self::from_server(parse_http_date(date)?, device_now))
    }

    /// The offset in seconds (server minus device).
    ///
    /// ```
    /// assert_eq!(callsign_core::http_date::ClockOffset::ZERO.secs(), 0);
    /// ```
    pub const fn secs(&self) -> i64 {
        self.secs
    }

    /// The corrected time for the device's `device_now`: a
    /// [`Timestamp`] to sign with.
    ///
    /// ```
    /// use callsign_core::{http_date::ClockOffset, Error, Timestamp};
    /// let off = ClockOffset::from_server(Timestamp::from_unix(5)?, 10);
    /// assert_eq!(off.now(10)?.unix(), 5);
    /// assert_eq!(off.now(2), Err(Error::TimestampOutOfRange));
    /// # Ok::<(), Error>(())
    /// ```
    pub fn now(&self, device_now: u64) -> Result<Timestamp, Error> {
        let t = i128::from(device_now).saturating_add(i128::from(self.secs));
        let t = u64::try_from(t).map_err(|_| Error::TimestampOutOfRange)?;
        Timestamp::from_unix(t)
    }
}
