//! UTC timestamps from Unix seconds, in the two textual forms the schemes
//! use: ISO 8601 extended (`2024-03-01T08:15:30Z`, X-AKSK and X-WSSE
//! `Created`) and basic (`20240301T081530Z`, Huawei `X-Sdk-Date`).
//!
//! The calendar arithmetic is Howard Hinnant's days-from-civil algorithm,
//! restricted to the years 1970 to 9999, where no operation can overflow.

use crate::{Emit, Error, Sink};

/// Unix time of 9999-12-31T23:59:59Z, the last representable second.
pub const MAX_UNIX: u64 = 253_402_300_799;

/// Length of the extended form `YYYY-MM-DDTHH:MM:SSZ`.
pub const EXTENDED_LEN: usize = 20;

/// Length of the basic form `YYYYMMDDTHHMMSSZ`.
pub const BASIC_LEN: usize = 16;

const SECS_PER_DAY: u64 = 86_400;

/// A UTC instant with one-second resolution, between 1970-01-01T00:00:00Z
/// and 9999-12-31T23:59:59Z.
///
/// ```
/// use callsign_core::{Emit, Timestamp};
/// let t = Timestamp::from_unix(1_709_280_930)?;
/// assert_eq!(t.extended().to_heapless::<20>()?.as_str(), "2024-03-01T08:15:30Z");
/// assert_eq!(t.basic().to_heapless::<16>()?.as_str(), "20240301T081530Z");
/// assert_eq!(Timestamp::parse("20240301T081530Z")?, t);
/// # Ok::<(), callsign_core::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Timestamp {
    unix: u64,
}

/// The broken-down fields of a [`Timestamp`].
///
/// ```
/// let c = callsign_core::Timestamp::from_unix(0)?.civil();
/// assert_eq!((c.year, c.month, c.day, c.hour), (1970, 1, 1, 0));
/// # Ok::<(), callsign_core::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Civil {
    /// Year, 1970..=9999.
    pub year: u16,
    /// Month, 1..=12.
    pub month: u8,
    /// Day of the month, 1..=31.
    pub day: u8,
    /// Hour, 0..=23.
    pub hour: u8,
    /// Minute, 0..=59.
    pub minute: u8,
    /// Second, 0..=59 (no leap seconds, as in Unix time).
    pub second: u8,
}

const fn is_leap(year: u64) -> bool {
    year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400))
}

const fn days_in_month(year: u64, month: u64) -> u64 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days since 1970-01-01 of a valid date with year >= 1970.
/// All intermediate values stay below 2^32 for years up to 9999.
const fn days_from_civil(year: u64, month: u64, day: u64) -> u64 {
    let y = if month <= 2 {
        year.wrapping_sub(1)
    } else {
        year
    };
    let era = y / 400;
    let yoe = y.wrapping_sub(era.wrapping_mul(400));
    let mp = if month > 2 {
        month.wrapping_sub(3)
    } else {
        month.wrapping_add(9)
    };
    let doy = (153u64.wrapping_mul(mp).wrapping_add(2) / 5)
        .wrapping_add(day)
        .wrapping_sub(1);
    let doe = yoe
        .wrapping_mul(365)
        .wrapping_add(yoe / 4)
        .wrapping_sub(yoe / 100)
        .wrapping_add(doy);
    era.wrapping_mul(146_097)
        .wrapping_add(doe)
        .wrapping_sub(719_468)
}

/// The civil date of `days` since 1970-01-01 (days <= 2_932_896), by Neri
/// and Schneider's Euclidean affine functions ("Euclidean affine functions
/// and their application to calendar algorithms", 2022): 32-bit arithmetic,
/// four multiplications and no branch but the January/February year
/// correction. For these days every intermediate value stays below 2^32
/// (the largest, `4 * n + 3`, is below 14.7 million) and the 64-bit
/// product below 2^54. Checked against Hinnant's `days_from_civil` for
/// every day of the range in the tests.
const fn civil_from_days(days: u32) -> (u32, u32, u32) {
    // Days since 0000-03-01 of the proleptic Gregorian calendar.
    let n = days.wrapping_add(719_468);
    // Century and day of the century.
    let n1 = n.wrapping_mul(4).wrapping_add(3);
    let century = n1 / 146_097;
    let day_of_century = n1 % 146_097 / 4;
    // Year of the century and day of the (March-based) year.
    let n2 = day_of_century.wrapping_mul(4).wrapping_add(3);
    let p2 = 2_939_745u64.wrapping_mul(n2 as u64);
    let year_of_century = (p2 >> 32) as u32;
    let day_of_year = (p2 as u32) / 2_939_745 / 4;
    // Month (March = 3) and day.
    let n3 = day_of_year.wrapping_mul(2141).wrapping_add(197_913);
    let month = n3 >> 16;
    let day = (n3 & 0xffff) / 2141;
    // January and February belong to the next civil year.
    let jan_feb = day_of_year >= 306;
    let year = century
        .wrapping_mul(100)
        .wrapping_add(year_of_century)
        .wrapping_add(jan_feb as u32);
    let month = if jan_feb {
        month.wrapping_sub(12)
    } else {
        month
    };
    (year, month, day.wrapping_add(1))
}

impl Timestamp {
    /// The earliest timestamp, 1970-01-01T00:00:00Z.
    pub const UNIX_EPOCH: Timestamp = Timestamp { unix: 0 };

    /// The timestamp `secs` seconds after the Unix epoch, or
    /// [`Error::TimestampOutOfRange`] past 9999-12-31T23:59:59Z.
    ///
    /// ```
    /// use callsign_core::{Error, Timestamp};
    /// assert!(Timestamp::from_unix(253_402_300_799).is_ok());
    /// assert_eq!(Timestamp::from_unix(253_402_300_800), Err(Error::TimestampOutOfRange));
    /// ```
    pub const fn from_unix(secs: u64) -> Result<Self, Error> {
        if secs > MAX_UNIX {
            Err(Error::TimestampOutOfRange)
        } else {
            Ok(Timestamp { unix: secs })
        }
    }

    /// Seconds since the Unix epoch.
    ///
    /// ```
    /// assert_eq!(callsign_core::Timestamp::from_unix(42)?.unix(), 42);
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub const fn unix(self) -> u64 {
        self.unix
    }

    /// The timestamp of a calendar date and time of day (UTC).
    ///
    /// ```
    /// use callsign_core::{Civil, Timestamp};
    /// let t = Timestamp::from_civil(Civil { year: 2024, month: 2, day: 29, hour: 12, minute: 0, second: 0 })?;
    /// assert_eq!(t.unix(), 1_709_208_000);
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub const fn from_civil(c: Civil) -> Result<Self, Error> {
        let (year, month, day) = (c.year as u64, c.month as u64, c.day as u64);
        if year < 1970 || year > 9999 {
            return Err(Error::TimestampOutOfRange);
        }
        if month < 1
            || month > 12
            || day < 1
            || day > days_in_month(year, month)
            || c.hour > 23
            || c.minute > 59
            || c.second > 59
        {
            return Err(Error::InvalidTimestamp);
        }
        let days = days_from_civil(year, month, day);
        let secs = days
            .wrapping_mul(SECS_PER_DAY)
            .wrapping_add((c.hour as u64).wrapping_mul(3600))
            .wrapping_add((c.minute as u64).wrapping_mul(60))
            .wrapping_add(c.second as u64);
        Ok(Timestamp { unix: secs })
    }

    /// The calendar fields (UTC).
    ///
    /// ```
    /// let c = callsign_core::Timestamp::from_unix(951_782_400)?.civil();
    /// assert_eq!((c.year, c.month, c.day), (2000, 2, 29));
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub const fn civil(self) -> Civil {
        // 86,400 = 128 * 675, and floor(floor(x / 128) / 675) = floor(x / 86,400):
        // a shift and a 32-bit division (`unix >> 7` < 2^31 up to MAX_UNIX)
        // instead of a 64-bit one, which 32-bit cores call a runtime
        // routine for (`__aeabi_uldivmod`: about a tenth of an X-AKSK's
        // instructions on a Cortex-M4). At most 2,932,896 days.
        let days = ((self.unix >> 7) as u32) / 675;
        let rem = self
            .unix
            .wrapping_sub((days as u64).wrapping_mul(SECS_PER_DAY)) as u32;
        let (year, month, day) = civil_from_days(days);
        Civil {
            year: year as u16,
            month: month as u8,
            day: day as u8,
            hour: (rem / 3600) as u8,
            minute: (rem / 60 % 60) as u8,
            second: (rem % 60) as u8,
        }
    }

    /// Parses `YYYY-MM-DDTHH:MM:SSZ` or `YYYYMMDDTHHMMSSZ` (UTC, no
    /// fraction, no offset). A malformed text or impossible date is
    /// [`Error::InvalidTimestamp`]; a year before 1970 is
    /// [`Error::TimestampOutOfRange`].
    ///
    /// ```
    /// use callsign_core::{Error, Timestamp};
    /// assert_eq!(Timestamp::parse("1970-01-01T00:01:00Z")?.unix(), 60);
    /// assert_eq!(Timestamp::parse("2023-02-29T00:00:00Z"), Err(Error::InvalidTimestamp));
    /// assert_eq!(Timestamp::parse("1969-12-31T23:59:59Z"), Err(Error::TimestampOutOfRange));
    /// # Ok::<(), Error>(())
    /// ```
    pub fn parse(text: &str) -> Result<Self, Error> {
        match text.len() {
            EXTENDED_LEN => Self::parse_extended(text),
            BASIC_LEN => Self::parse_basic(text),
            _ => Err(Error::InvalidTimestamp),
        }
    }

    /// Parses the extended form `YYYY-MM-DDTHH:MM:SSZ` only.
    ///
    /// ```
    /// assert!(callsign_core::Timestamp::parse_extended("20240301T081530Z").is_err());
    /// ```
    pub fn parse_extended(text: &str) -> Result<Self, Error> {
        match text.as_bytes() {
            [y0, y1, y2, y3, b'-', mo0, mo1, b'-', d0, d1, b'T', h0, h1, b':', mi0, mi1, b':', s0, s1, b'Z'] => {
                Self::from_digits(
                    [*y0, *y1, *y2, *y3],
                    [*mo0, *mo1],
                    [*d0, *d1],
                    [*h0, *h1],
                    [*mi0, *mi1],
                    [*s0, *s1],
                )
            }
            _ => Err(Error::InvalidTimestamp),
        }
    }

    /// Parses the basic form `YYYYMMDDTHHMMSSZ` only.
    ///
    /// ```
    /// assert!(callsign_core::Timestamp::parse_basic("2024-03-01T08:15:30Z").is_err());
    /// ```
    pub fn parse_basic(text: &str) -> Result<Self, Error> {
        match text.as_bytes() {
            [y0, y1, y2, y3, mo0, mo1, d0, d1, b'T', h0, h1, mi0, mi1, s0, s1, b'Z'] => {
                Self::from_digits(
                    [*y0, *y1, *y2, *y3],
                    [*mo0, *mo1],
                    [*d0, *d1],
                    [*h0, *h1],
                    [*mi0, *mi1],
                    [*s0, *s1],
                )
            }
            _ => Err(Error::InvalidTimestamp),
        }
    }

    fn from_digits(
        year: [u8; 4],
        month: [u8; 2],
        day: [u8; 2],
        hour: [u8; 2],
        minute: [u8; 2],
        second: [u8; 2],
    ) -> Result<Self, Error> {
        fn num<const N: usize>(digits: [u8; N]) -> Result<u16, Error> {
            let mut v: u16 = 0;
            for d in digits {
                if !d.is_ascii_digit() {
                    return Err(Error::InvalidTimestamp);
                }
                // At most 4 digits: v stays below 10_000.
                v = v
                    .wrapping_mul(10)
                    .wrapping_add(u16::from(d.wrapping_sub(b'0')));
            }
            Ok(v)
        }
        let narrow = |v: u16| u8::try_from(v).map_err(|_| Error::InvalidTimestamp);
        Self::from_civil(Civil {
            year: num(year)?,
            month: narrow(num(month)?)?,
            day: narrow(num(day)?)?,
            hour: narrow(num(hour)?)?,
            minute: narrow(num(minute)?)?,
            second: narrow(num(second)?)?,
        })
    }

    /// The extended form `YYYY-MM-DDTHH:MM:SSZ` (X-AKSK / X-WSSE `Created`).
    ///
    /// ```
    /// let t = callsign_core::Timestamp::from_unix(0)?;
    /// assert_eq!(&t.extended().to_array(), b"1970-01-01T00:00:00Z");
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub const fn extended(self) -> Extended {
        Extended(self)
    }

    /// The basic form `YYYYMMDDTHHMMSSZ` (Huawei `X-Sdk-Date`).
    ///
    /// ```
    /// let t = callsign_core::Timestamp::from_unix(0)?;
    /// assert_eq!(&t.basic().to_array(), b"19700101T000000Z");
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub const fn basic(self) -> Basic {
        Basic(self)
    }

    /// The ASCII digits of the fields: YYYY, MM, DD, hh, mm, ss.
    fn digit_groups(self) -> DigitGroups {
        let c = self.civil();
        let y = c.year;
        (
            [digit(y / 1000), digit(y / 100), digit(y / 10), digit(y)],
            two_digits(c.month),
            two_digits(c.day),
            two_digits(c.hour),
            two_digits(c.minute),
            two_digits(c.second),
        )
    }
}

type DigitGroups = ([u8; 4], [u8; 2], [u8; 2], [u8; 2], [u8; 2], [u8; 2]);

/// The ASCII digit of `v % 10`.
const fn digit(v: u16) -> u8 {
    b'0'.wrapping_add((v % 10) as u8)
}

/// The two ASCII digits of `v % 100`.
const fn two_digits(v: u8) -> [u8; 2] {
    [b'0'.wrapping_add(v / 10 % 10), b'0'.wrapping_add(v % 10)]
}

/// A [`Timestamp`] written as `YYYY-MM-DDTHH:MM:SSZ`; from [`Timestamp::extended`].
///
/// ```
/// use callsign_core::{Emit, Timestamp};
/// assert_eq!(Timestamp::from_unix(0)?.extended().len(), 20);
/// # Ok::<(), callsign_core::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Extended(Timestamp);

impl Extended {
    /// The text as a fixed-size array.
    ///
    /// ```
    /// let a = callsign_core::Timestamp::from_unix(59)?.extended().to_array();
    /// assert_eq!(&a, b"1970-01-01T00:00:59Z");
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn to_array(self) -> [u8; EXTENDED_LEN] {
        let ([y0, y1, y2, y3], [mo0, mo1], [d0, d1], [h0, h1], [mi0, mi1], [s0, s1]) =
            self.0.digit_groups();
        [
            y0, y1, y2, y3, b'-', mo0, mo1, b'-', d0, d1, b'T', h0, h1, b':', mi0, mi1, b':', s0,
            s1, b'Z',
        ]
    }
}

impl Emit for Extended {
    fn len(&self) -> usize {
        EXTENDED_LEN
    }
    fn emit<S: Sink + ?Sized>(&self, sink: &mut S) {
        sink.write(&self.to_array());
    }
}

/// A [`Timestamp`] written as `YYYYMMDDTHHMMSSZ`; from [`Timestamp::basic`].
///
/// ```
/// use callsign_core::{Emit, Timestamp};
/// assert_eq!(Timestamp::from_unix(0)?.basic().len(), 16);
/// # Ok::<(), callsign_core::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Basic(Timestamp);

impl Basic {
    /// The text as a fixed-size array.
    ///
    /// ```
    /// let a = callsign_core::Timestamp::from_unix(3600)?.basic().to_array();
    /// assert_eq!(&a, b"19700101T010000Z");
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn to_array(self) -> [u8; BASIC_LEN] {
        let ([y0, y1, y2, y3], [mo0, mo1], [d0, d1], [h0, h1], [mi0, mi1], [s0, s1]) =
            self.0.digit_groups();
        [
            y0, y1, y2, y3, mo0, mo1, d0, d1, b'T', h0, h1, mi0, mi1, s0, s1, b'Z',
        ]
    }
}

impl Emit for Basic {
    fn len(&self) -> usize {
        BASIC_LEN
    }
    fn emit<S: Sink + ?Sized>(&self, sink: &mut S) {
        sink.write(&self.to_array());
    }
}

#[cfg(test)]
#[allow(clippy::arithmetic_side_effects)]
mod tests {
    use super::*;

    /// Hinnant's civil_from_days, the algorithm callsign used before:
    /// the oracle for Neri–Schneider's.
    fn hinnant(days: u64) -> (u64, u64, u64) {
        let z = days + 719_468;
        let era = z / 146_097;
        let doe = z % 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        (yoe + era * 400 + u64::from(month <= 2), month, day)
    }

    #[test]
    fn every_day_of_the_range_matches_hinnant_and_round_trips() {
        let last = (MAX_UNIX / SECS_PER_DAY) as u32;
        assert_eq!(last, 2_932_896);
        for days in 0..=last {
            let (y, m, d) = civil_from_days(days);
            let (y, m, d) = (u64::from(y), u64::from(m), u64::from(d));
            assert_eq!((y, m, d), hinnant(u64::from(days)), "day {days}");
            assert!((1..=days_in_month(y, m)).contains(&d), "day {days}");
            assert_eq!(days_from_civil(y, m, d), u64::from(days));
        }
        assert_eq!(civil_from_days(last), (9999, 12, 31));
        assert_eq!(civil_from_days(0), (1970, 1, 1));
    }
}

#[cfg(test)]
#[allow(clippy::arithmetic_side_effects)]
mod split_tests {
    use super::*;

    /// The shifted 32-bit day split equals the 64-bit one at every day
    /// boundary and its neighbours, over the whole range.
    #[test]
    fn day_split_equals_64_bit_division() {
        let mut day = 0u64;
        while day <= MAX_UNIX / SECS_PER_DAY {
            for unix in [
                day * SECS_PER_DAY,
                day * SECS_PER_DAY + 1,
                day * SECS_PER_DAY + 86_399,
            ] {
                if unix > MAX_UNIX {
                    continue;
                }
                let c = Timestamp { unix }.civil();
                let (y, m, d) = civil_from_days((unix / SECS_PER_DAY) as u32);
                let rem = unix % SECS_PER_DAY;
                assert_eq!(
                    (u32::from(c.year), u32::from(c.month), u32::from(c.day)),
                    (y, m, d)
                );
                assert_eq!(
                    u64::from(c.hour) * 3600 + u64::from(c.minute) * 60 + u64::from(c.second),
                    rem
                );
            }
            day += 1;
        }
    }
}
