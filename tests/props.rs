//! Property tests of `callsign-core` against independent implementations:
//! the `time` crate for calendar arithmetic, `hmac`/`sha2` for digests.

mod core_common;

use callsign_core::basic::{Basic, SECRET_MAX_LEN, USER_MAX_LEN};
use callsign_core::huawei::sms::{DigestEncoding, XWsse};
use callsign_core::huawei::voice::XAksk;
use callsign_core::huawei::{validate_app_key, APP_KEY_MAX_LEN};
use callsign_core::time::MAX_UNIX;
use callsign_core::{Civil, Counter, Emit, Error, Field, HmacKey, Nonce, Timestamp, NONCE_MAX_LEN};
use proptest::prelude::*;
use time::format_description::BorrowedFormatItem;
use time::macros::format_description;
use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time};

use core_common::{base64, expected_basic, expected_x_aksk, expected_x_wsse, ref_hmac, ref_sha256};

const EXTENDED: &[BorrowedFormatItem<'static>] =
    format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]Z");
const BASIC: &[BorrowedFormatItem<'static>] =
    format_description!("[year][month][day]T[hour][minute][second]Z");

fn time_of(secs: u64) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(i64::try_from(secs).expect("small")).expect("in range")
}

/// What `time` makes of a date and time of day: the Unix seconds, or None
/// if it is not a valid calendar date / time of day.
fn time_unix(y: u16, mo: u8, d: u8, h: u8, mi: u8, s: u8) -> Option<i64> {
    let month = Month::try_from(mo).ok()?;
    let date = Date::from_calendar_date(i32::from(y), month, d).ok()?;
    let time = Time::from_hms(h, mi, s).ok()?;
    Some(
        PrimitiveDateTime::new(date, time)
            .assume_utc()
            .unix_timestamp(),
    )
}

fn text(value: &impl Emit) -> String {
    let mut buf = vec![0u8; value.len()];
    let n = value.write(&mut buf).expect("exact buffer");
    buf.truncate(n);
    String::from_utf8(buf).expect("ASCII output")
}

#[test]
fn time_formats_match_known_texts() {
    // Guards the reference itself: the `time` formats are the ones meant.
    let t = time_of(1_709_280_930);
    assert_eq!(t.format(EXTENDED).expect("fmt"), "2024-03-01T08:15:30Z");
    assert_eq!(t.format(BASIC).expect("fmt"), "20240301T081530Z");
    assert_eq!(
        time_of(MAX_UNIX).format(EXTENDED).expect("fmt"),
        "9999-12-31T23:59:59Z"
    );
    assert_eq!(time_unix(2023, 2, 29, 0, 0, 0), None);
    assert_eq!(time_unix(2024, 2, 29, 12, 0, 0), Some(1_709_208_000));
}

#[test]
fn timestamp_range_edges() {
    assert_eq!(
        Timestamp::from_unix(MAX_UNIX).map(Timestamp::unix),
        Ok(MAX_UNIX)
    );
    assert_eq!(
        Timestamp::from_unix(MAX_UNIX + 1),
        Err(Error::TimestampOutOfRange)
    );
    assert_eq!(
        Timestamp::from_unix(u64::MAX),
        Err(Error::TimestampOutOfRange)
    );
    assert_eq!(
        Timestamp::parse("1969-12-31T23:59:59Z"),
        Err(Error::TimestampOutOfRange)
    );
    assert_eq!(
        Timestamp::parse("19691231T235959Z"),
        Err(Error::TimestampOutOfRange)
    );
    assert_eq!(
        Timestamp::parse("0000-01-01T00:00:00Z"),
        Err(Error::TimestampOutOfRange)
    );
    for bad in [
        "",
        "2024-03-01T08:15:30",
        "2024-03-01 08:15:30Z",
        "2024-03-01T08:15:30z",
        "2024-03-01T08:15:30+00:00",
        "2024-03-01T08:15:30.0Z",
        "+024-03-01T08:15:30Z",
        "2024-3-01T08:15:30Z ",
        "20240301T081530",
        "2024030lT081530Z",
        "2024-03-01T24:00:00Z",
        "2024-03-01T23:60:00Z",
        "2024-03-01T23:59:60Z",
        "2024-00-01T00:00:00Z",
        "2024-13-01T00:00:00Z",
        "2024-04-31T00:00:00Z",
        "2100-02-29T00:00:00Z",
        "20240301T081530Z\u{0}",
        "２024-03-01T08:15:30Z",
    ] {
        assert_eq!(
            Timestamp::parse(bad),
            Err(Error::InvalidTimestamp),
            "{bad:?}"
        );
    }
    // Extended-only and basic-only parsers.
    assert!(Timestamp::parse_extended("2024-03-01T08:15:30Z").is_ok());
    assert_eq!(
        Timestamp::parse_extended("20240301T081530Z"),
        Err(Error::InvalidTimestamp)
    );
    assert!(Timestamp::parse_basic("20240301T081530Z").is_ok());
    assert_eq!(
        Timestamp::parse_basic("2024-03-01T08:15:30Z"),
        Err(Error::InvalidTimestamp)
    );
}

/// Exhaustive over the calendar: for every year 1970..=9999 and month,
/// the days 0 and 28..=32 are valid exactly when `time` says so (this
/// covers every Feb 29 and every century rule, which random dates rarely
/// hit), and the last valid day parses to `time`'s Unix seconds.
#[test]
fn month_lengths_agree_with_time_every_year() {
    let mut last_days = 0;
    for year in 1970u16..=9999 {
        for month in 1u8..=12 {
            for day in [0u8, 28, 29, 30, 31, 32] {
                let c = Civil {
                    year,
                    month,
                    day,
                    hour: 23,
                    minute: 59,
                    second: 59,
                };
                let want = time_unix(year, month, day, 23, 59, 59);
                let got = Timestamp::from_civil(c);
                match want {
                    Some(unix) => {
                        assert_eq!(
                            got.map(|t| i64::try_from(t.unix()).ok()),
                            Ok(Some(unix)),
                            "{c:?}"
                        );
                        let valid_next = time_unix(year, month, day + 1, 0, 0, 0).is_some();
                        if !valid_next {
                            // The last day of the month: check the text too.
                            let ext = format!("{year:04}-{month:02}-{day:02}T23:59:59Z");
                            assert_eq!(
                                Timestamp::parse(&ext).map(|t| i64::try_from(t.unix()).ok()),
                                Ok(Some(unix)),
                                "{ext}"
                            );
                            last_days += 1;
                        }
                    }
                    None => assert_eq!(got, Err(Error::InvalidTimestamp), "{c:?}"),
                }
            }
        }
    }
    assert_eq!(last_days, (9999 - 1970 + 1) * 12);
}

/// Two-digit field values: mostly plausible, sometimes anything 00..=99.
fn two_digits(plausible_max: u8) -> impl Strategy<Value = u8> {
    prop_oneof![3 => 0..=plausible_max, 1 => 0u8..=99]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Over the whole range, both texts equal what `time` formats, parse
    /// back to the same second, and the civil fields agree.
    #[test]
    fn timestamp_formats_like_time(secs in 0u64..=MAX_UNIX) {
        let t = Timestamp::from_unix(secs).expect("in range");
        let reference = time_of(secs);
        let ext = reference.format(EXTENDED).expect("fmt");
        let basic = reference.format(BASIC).expect("fmt");

        prop_assert_eq!(text(&t.extended()), ext.as_str());
        prop_assert_eq!(text(&t.basic()), basic.as_str());
        prop_assert_eq!(&t.extended().to_array()[..], ext.as_bytes());
        prop_assert_eq!(&t.basic().to_array()[..], basic.as_bytes());

        prop_assert_eq!(Timestamp::parse(&ext).map(Timestamp::unix), Ok(secs));
        prop_assert_eq!(Timestamp::parse(&basic).map(Timestamp::unix), Ok(secs));
        prop_assert_eq!(Timestamp::parse_extended(&ext).map(Timestamp::unix), Ok(secs));
        prop_assert_eq!(Timestamp::parse_basic(&basic).map(Timestamp::unix), Ok(secs));

        let c = t.civil();
        prop_assert_eq!(i32::from(c.year), reference.year());
        prop_assert_eq!(c.month, u8::from(reference.month()));
        prop_assert_eq!(c.day, reference.day());
        prop_assert_eq!(c.hour, reference.hour());
        prop_assert_eq!(c.minute, reference.minute());
        prop_assert_eq!(c.second, reference.second());
        prop_assert_eq!(Timestamp::from_civil(c), Ok(t));
    }
}

proptest! {
    /// Digit strings of dates in 1970..=9999 (valid or not): `parse`
    /// accepts exactly what `time` accepts, with the same value.
    #[test]
    fn parse_accepts_what_time_accepts(
        y in 1970u16..=9999,
        mo in two_digits(12),
        d in two_digits(31),
        h in two_digits(23),
        mi in two_digits(59),
        s in two_digits(59),
    ) {
        let ext = format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z");
        let basic = format!("{y:04}{mo:02}{d:02}T{h:02}{mi:02}{s:02}Z");
        let by_fields = time_unix(y, mo, d, h, mi, s);
        let by_parser = PrimitiveDateTime::parse(&ext, EXTENDED)
            .ok()
            .map(|p| p.assume_utc().unix_timestamp());
        // The two readings of `time` agree (guards the reference).
        prop_assert_eq!(by_fields, by_parser);
        let by_basic_parser = PrimitiveDateTime::parse(&basic, BASIC)
            .ok()
            .map(|p| p.assume_utc().unix_timestamp());
        prop_assert_eq!(by_fields, by_basic_parser);

        let want = by_fields
            .map(|u| u64::try_from(u).expect("after 1970"))
            .ok_or(Error::InvalidTimestamp);
        prop_assert_eq!(Timestamp::parse(&ext).map(Timestamp::unix), want);
        prop_assert_eq!(Timestamp::parse(&basic).map(Timestamp::unix), want);
    }

    /// `from_civil` agrees with `time` on any field values.
    #[test]
    fn from_civil_agrees_with_time(
        year in prop_oneof![3 => 1970u16..=9999, 1 => any::<u16>()],
        month in prop_oneof![3 => 1u8..=12, 1 => any::<u8>()],
        day in prop_oneof![3 => 1u8..=31, 1 => any::<u8>()],
        hour in prop_oneof![3 => 0u8..=23, 1 => any::<u8>()],
        minute in prop_oneof![3 => 0u8..=59, 1 => any::<u8>()],
        second in prop_oneof![3 => 0u8..=59, 1 => any::<u8>()],
    ) {
        let c = Civil { year, month, day, hour, minute, second };
        let got = Timestamp::from_civil(c);
        if !(1970..=9999).contains(&year) {
            prop_assert_eq!(got, Err(Error::TimestampOutOfRange));
        } else {
            match time_unix(year, month, day, hour, minute, second) {
                Some(unix) => {
                    let t = got.expect("time accepts it");
                    prop_assert_eq!(i64::try_from(t.unix()).ok(), Some(unix));
                    prop_assert_eq!(t.civil(), c);
                }
                None => prop_assert_eq!(got, Err(Error::InvalidTimestamp)),
            }
        }
    }

    /// Valid dates before 1970 are out of range, in every form.
    #[test]
    fn years_before_1970_are_out_of_range(
        y in 0u16..1970,
        mo in 1u8..=12,
        d in 1u8..=28,
        h in 0u8..=23,
        mi in 0u8..=59,
        s in 0u8..=59,
    ) {
        let c = Civil { year: y, month: mo, day: d, hour: h, minute: mi, second: s };
        prop_assert_eq!(Timestamp::from_civil(c), Err(Error::TimestampOutOfRange));
        let ext = format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z");
        let basic = format!("{y:04}{mo:02}{d:02}T{h:02}{mi:02}{s:02}Z");
        prop_assert_eq!(Timestamp::parse(&ext), Err(Error::TimestampOutOfRange));
        prop_assert_eq!(Timestamp::parse(&basic), Err(Error::TimestampOutOfRange));
    }

    /// Beyond the last second is out of range.
    #[test]
    fn from_unix_past_9999_is_out_of_range(secs in MAX_UNIX + 1..=u64::MAX) {
        prop_assert_eq!(Timestamp::from_unix(secs), Err(Error::TimestampOutOfRange));
    }

    /// `parse` never panics and accepts nothing but the two exact forms.
    #[test]
    fn parse_of_arbitrary_text(input in prop_oneof![
        any::<String>(),
        "[0-9T:Z-]{14,22}",
        "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z.?",
    ]) {
        if let Ok(t) = Timestamp::parse(&input) {
            let ext = text(&t.extended());
            let basic = text(&t.basic());
            prop_assert!(input == ext || input == basic, "{:?} accepted as {}", input, ext);
        }
    }
}

/// Strings for the nonce property: alphanumeric runs of all lengths around
/// the limits, mostly-alphanumeric strings, and arbitrary Unicode.
fn nonce_candidates() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => "[a-zA-Z0-9]{0,140}",
        1 => "[a-zA-Z0-9]{120,135}",
        1 => "[a-zA-Z0-9 _\"',=é\\x00-\\x1f\\x7f-]{0,140}",
        1 => any::<String>(),
    ]
}

proptest! {
    /// `Nonce::new` accepts exactly 1..=128 ASCII letters and digits, and
    /// otherwise names the precise error.
    #[test]
    fn nonce_accepts_exactly_alphanumerics(input in nonce_candidates()) {
        let bytes = input.as_bytes();
        let valid = (1..=NONCE_MAX_LEN).contains(&bytes.len())
            && bytes.iter().all(u8::is_ascii_alphanumeric);
        match Nonce::new(&input) {
            Ok(n) => {
                prop_assert!(valid, "accepted {:?}", input);
                prop_assert_eq!(n.as_str(), input.as_str());
                prop_assert_eq!(n.as_bytes(), bytes);
                prop_assert_eq!(n.len(), bytes.len());
            }
            Err(e) => {
                prop_assert!(!valid, "rejected {:?}: {}", input, e);
                let want = if (1..=NONCE_MAX_LEN).contains(&bytes.len()) {
                    Error::InvalidCharacter {
                        field: Field::Nonce,
                        position: bytes
                            .iter()
                            .position(|b| !b.is_ascii_alphanumeric())
                            .expect("some byte is not alphanumeric"),
                    }
                } else {
                    Error::InvalidLength {
                        field: Field::Nonce,
                        min: 1,
                        max: NONCE_MAX_LEN,
                        actual: bytes.len(),
                    }
                };
                prop_assert_eq!(e, want);
            }
        }
    }

    /// `validate_app_key` accepts exactly 1..=128 printable ASCII
    /// characters other than `"` and `,`.
    #[test]
    fn app_key_accepts_exactly_printable_ascii(input in prop_oneof![
        2 => "[ -~]{0,135}",
        1 => "[ !#-+--~]{120,135}",
        1 => any::<String>(),
    ]) {
        let bytes = input.as_bytes();
        let allowed = |b: &u8| (b' '..=b'~').contains(b) && *b != b'"' && *b != b',';
        let valid = (1..=APP_KEY_MAX_LEN).contains(&bytes.len()) && bytes.iter().all(allowed);
        match validate_app_key(&input) {
            Ok(k) => {
                prop_assert!(valid, "accepted {:?}", input);
                prop_assert_eq!(k, input.as_str());
            }
            Err(e) => {
                prop_assert!(!valid, "rejected {:?}: {}", input, e);
                let want = match bytes.iter().position(|b| !allowed(b)) {
                    _ if !(1..=APP_KEY_MAX_LEN).contains(&bytes.len()) => Error::InvalidLength {
                        field: Field::AppKey,
                        min: 1,
                        max: APP_KEY_MAX_LEN,
                        actual: bytes.len(),
                    },
                    Some(position) => Error::InvalidCharacter { field: Field::AppKey, position },
                    None => unreachable!("valid"),
                };
                prop_assert_eq!(e, want);
            }
        }
    }
}

/// Valid app keys: printable ASCII without `"` and `,`.
fn app_key() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[ !#-+--~]{1,40}",
        1 => "[ !#-+--~]{1,128}",
    ]
}

fn nonce_text() -> impl Strategy<Value = String> {
    prop_oneof![3 => "[a-zA-Z0-9]{1,40}", 1 => "[a-zA-Z0-9]{1,128}"]
}

fn secret() -> impl Strategy<Value = Vec<u8>> {
    proptest::collection::vec(any::<u8>(), 0..=200)
}

/// Writes `value` into a buffer of `size` bytes pre-filled with 0xAA and
/// checks the buffer rules; returns the written text when it fits.
fn write_rules(
    value: &impl Emit,
    write: impl Fn(&mut [u8]) -> Result<usize, Error>,
    size: usize,
) -> Result<Option<Vec<u8>>, TestCaseError> {
    let needed = value.len();
    let mut counter = Counter::new();
    value.emit(&mut counter);
    prop_assert_eq!(counter.count(), needed, "emit vs len");
    let mut buf = vec![0xAA; size];
    match write(&mut buf) {
        Ok(n) => {
            prop_assert!(
                size >= needed,
                "wrote {} into {} < needed {}",
                n,
                size,
                needed
            );
            prop_assert_eq!(n, needed);
            prop_assert!(buf[n..].iter().all(|&b| b == 0xAA), "wrote beyond needed");
            buf.truncate(n);
            Ok(Some(buf))
        }
        Err(e) => {
            prop_assert!(
                size < needed,
                "error {} with room {} >= {}",
                e,
                size,
                needed
            );
            prop_assert_eq!(e, Error::BufferTooSmall { needed });
            prop_assert!(buf.iter().all(|&b| b == 0xAA), "short buffer written");
            Ok(None)
        }
    }
}

proptest! {
    /// X-AKSK and X-WSSE (both encodings): a buffer of any size is never
    /// written beyond `needed`, `needed == len()`, and the text equals an
    /// independent computation with the `hmac`/`sha2` crates.
    #[test]
    fn huawei_writers_obey_buffer_rules(
        app_key in app_key(),
        nonce_text in nonce_text(),
        secret in secret(),
        secs in 0u64..=MAX_UNIX,
        size in 0usize..=450,
    ) {
        let nonce = Nonce::new(&nonce_text).expect("valid nonce");
        let created = Timestamp::from_unix(secs).expect("in range");
        let created_text = text(&created.extended());

        let key = HmacKey::new(&secret);
        let x = XAksk::new(&app_key, &key, &nonce, created).expect("valid");
        let want = expected_x_aksk(&app_key, &secret, &nonce_text, &created_text);
        prop_assert_eq!(x.len(), want.len());
        if let Some(written) = write_rules(&x, |b| x.write(b), size)? {
            prop_assert_eq!(written, want.as_bytes());
        }

        for (encoding, hex_text) in [(DigestEncoding::Hex, true), (DigestEncoding::LegacyRaw, false)] {
            let w = XWsse::with_encoding(&app_key, &secret, &nonce, created, encoding)
                .expect("valid");
            let want = expected_x_wsse(&app_key, &secret, &nonce_text, &created_text, hex_text);
            prop_assert_eq!(w.len(), want.len());
            if let Some(written) = write_rules(&w, |b| w.write(b), size)? {
                prop_assert_eq!(written, want.as_bytes());
            }
        }
    }

    /// Basic: same rules, for any valid user (UTF-8 without `:` and
    /// controls) and any secret up to the limits.
    #[test]
    fn basic_obeys_buffer_rules(
        user in "[^:\\x00-\\x1f\\x7f]{0,64}",
        secret in proptest::collection::vec(any::<u8>(), 0..=SECRET_MAX_LEN),
        size in 0usize..=700,
    ) {
        prop_assert!(user.len() <= USER_MAX_LEN, "strategy makes at most 64 chars");
        let b = Basic::new(&user, &secret).expect("valid");
        let want = expected_basic(&user, &secret);
        prop_assert_eq!(b.len(), want.len());
        if let Some(written) = write_rules(&b, |buf| b.write(buf), size)? {
            prop_assert_eq!(written, want.as_bytes());
        }
    }

    /// Timestamps: same rules.
    #[test]
    fn timestamps_obey_buffer_rules(secs in 0u64..=MAX_UNIX, size in 0usize..=24) {
        let t = Timestamp::from_unix(secs).expect("in range");
        let e = t.extended();
        let b = t.basic();
        write_rules(&e, |buf| e.write(buf), size)?;
        write_rules(&b, |buf| b.write(buf), size)?;
    }

    /// Sign, then recompute with the `hmac` crate: the X-AKSK digest is
    /// Base64(HMAC-SHA256(secret, nonce ‖ created)).
    #[test]
    fn x_aksk_digest_is_base64_hmac(
        nonce_text in nonce_text(),
        secret in proptest::collection::vec(any::<u8>(), 0..=300),
        secs in 0u64..=MAX_UNIX,
    ) {
        let nonce = Nonce::new(&nonce_text).expect("valid nonce");
        let created = Timestamp::from_unix(secs).expect("in range");
        let created_text = time_of(secs).format(EXTENDED).expect("fmt");
        let x = XAksk::new("appKey", &HmacKey::new(&secret), &nonce, created).expect("valid");
        let tag = ref_hmac(&secret, format!("{nonce_text}{created_text}").as_bytes());
        prop_assert_eq!(x.password_digest(), base64(&tag));
        prop_assert_eq!(x.password_digest().len(), 44);
    }
}

/// The one-shot SHA-256 (whole blocks compressed in place in one call, the
/// tail gathered) and the streaming one agree with `sha2` for every length
/// 0–1,000 and a few long ones; HMAC keys longer than a block are hashed
/// by the same path.
#[test]
fn one_shot_sha256_every_length_agrees_with_reference() {
    let data: Vec<u8> = (0..70_000usize).map(|i| (i * 31 + 7) as u8).collect();
    for len in (0..=1000).chain([4095, 4096, 4097, 65_536, 70_000]) {
        let m = &data[..len];
        let want = ref_sha256(m);
        assert_eq!(callsign_core::sha256(m), want, "length {len}");
        let mut h = callsign_core::Sha256::new();
        let (a, b) = m.split_at(len / 3);
        h.update(a);
        h.update(b);
        assert_eq!(h.finalize(), want, "streamed, length {len}");
        if (65..=300).contains(&len) {
            assert_eq!(
                HmacKey::new(m).mac(b"x"),
                ref_hmac(m, b"x"),
                "key length {len}"
            );
        }
    }
}

/// Every message length across the one-block (0–55), two-block (56–119)
/// and streaming (120+) paths, whole and cut into three parts at every
/// block-relevant place, against the `hmac` crate; with a short and a long
/// (hashed) key.
#[test]
fn mac_parts_every_length_to_200_agrees_with_reference() {
    for secret in [&b"k"[..], &[0x42u8; 100][..]] {
        let key = HmacKey::new(secret);
        for len in 0..=200usize {
            let message: Vec<u8> = (0..len).map(|i| (i * 7 + len) as u8).collect();
            let want = ref_hmac(secret, &message);
            assert_eq!(key.mac(&message), want, "length {len}");
            assert_eq!(key.mac_parts(&[]), ref_hmac(secret, b""));
            for a in [0, 1, 31, 55, 56, 63, 64, 65, 119, 120] {
                for b in [a, a + 1, a + 9, len] {
                    let (a, b) = (a.min(len), b.min(len).max(a.min(len)));
                    let parts = [&message[..a], &message[a..b], &message[b..]];
                    assert_eq!(key.mac_parts(&parts), want, "length {len}, cuts {a} {b}");
                }
            }
            let mut streamed = key.start();
            streamed.update(&message);
            assert_eq!(streamed.finalize(), want, "streamed, length {len}");
        }
    }
}

proptest! {
    /// The fast path for messages up to 119 bytes (one or two inner
    /// blocks), and the streaming path for longer ones, agree with the `hmac` crate for any split of
    /// the message into parts.
    #[test]
    fn mac_parts_agree_with_reference(
        secret in proptest::collection::vec(any::<u8>(), 0..100),
        message in proptest::collection::vec(any::<u8>(), 0..140),
        cuts in proptest::collection::vec(any::<prop::sample::Index>(), 0..4),
    ) {
        let mut points: Vec<usize> = cuts.iter().map(|c| c.index(message.len() + 1)).collect();
        points.sort_unstable();
        let mut parts: Vec<&[u8]> = Vec::new();
        let mut start = 0;
        for p in points {
            parts.push(&message[start..p]);
            start = p;
        }
        parts.push(&message[start..]);
        let key = HmacKey::new(&secret);
        prop_assert_eq!(key.mac_parts(&parts), ref_hmac(&secret, &message));
    }

    /// The table Base64 of a MAC equals the constant-time streaming encoder.
    #[test]
    fn base64_32_agrees_with_streaming_base64(digest in any::<[u8; 32]>()) {
        let mut streamed = [0u8; 44];
        let mut out = callsign_core::Out::new(&mut streamed);
        callsign_core::encode::base64(&digest, &mut out);
        prop_assert_eq!(out.finish(), Ok(44));
        prop_assert_eq!(callsign_core::encode::base64_32(&digest), streamed);
        let reference = base64(&digest);
        prop_assert_eq!(&streamed[..], reference.as_bytes());
    }
}

proptest! {
    /// The table encoder for public data equals the constant-time encoder
    /// for any length (chunk boundaries at 48 bytes included).
    #[test]
    fn base64_public_agrees_with_base64(data in proptest::collection::vec(any::<u8>(), 0..200)) {
        let mut a = vec![0u8; data.len().div_ceil(3) * 4];
        let mut b = a.clone();
        let mut out = callsign_core::Out::new(&mut a);
        callsign_core::encode::base64(&data, &mut out);
        prop_assert_eq!(out.finish(), Ok(b.len()));
        let mut out = callsign_core::Out::new(&mut b);
        callsign_core::encode::base64_public(&data, &mut out);
        prop_assert_eq!(out.finish(), Ok(a.len()));
        prop_assert_eq!(a, b);
    }
}
