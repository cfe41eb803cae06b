//! Buffer rules of every `callsign-core` writer, swept over every buffer
//! length, and input validation errors.

mod core_common;

use callsign_core::basic::{self, Basic, BASIC_MAX_LEN, SECRET_MAX_LEN, USER_MAX_LEN};
use callsign_core::huawei::sms::{self, DigestEncoding, XWsse, X_WSSE_MAX_LEN};
use callsign_core::huawei::voice::{self, XAksk, X_AKSK_MAX_LEN};
use callsign_core::huawei::{validate_app_key, APP_KEY_MAX_LEN};
use callsign_core::time::{BASIC_LEN, EXTENDED_LEN, MAX_UNIX};
use callsign_core::{Counter, Emit, Error, Field, HmacKey, Nonce, Timestamp, NONCE_MAX_LEN};

use core_common::{expected_basic, expected_x_aksk, expected_x_wsse};

const FILL: u8 = 0xAA;

/// Checks one writer against its expected output:
/// - `write` into every buffer length `0..=needed + 1`, pre-filled with
///   0xAA: too short → `BufferTooSmall { needed }` and untouched; long
///   enough → `Ok(needed)`, the expected bytes, and the rest untouched;
/// - `len()` equals the expected length and what `emit` pushes into a
///   `Counter`;
/// - the length does not exceed `max`.
fn check_writer<E: Emit>(
    what: &str,
    value: &E,
    write: impl Fn(&mut [u8]) -> Result<usize, Error>,
    expected: &[u8],
    max: usize,
) {
    let needed = expected.len();
    assert!(
        !expected.contains(&FILL),
        "{what}: the fill byte must not occur in the output"
    );
    assert_eq!(value.len(), needed, "{what}: len()");
    assert!(!value.is_empty(), "{what}: is_empty()");
    let mut counter = Counter::new();
    value.emit(&mut counter);
    assert_eq!(
        counter.count(),
        needed,
        "{what}: bytes emitted into a Counter"
    );
    assert!(
        needed <= max,
        "{what}: length {needed} exceeds the maximum {max}"
    );

    for len in 0..=needed + 1 {
        let mut buf = vec![FILL; len];
        let result = write(&mut buf);
        if len < needed {
            assert_eq!(
                result,
                Err(Error::BufferTooSmall { needed }),
                "{what}: buffer of {len}"
            );
            assert!(
                buf.iter().all(|&b| b == FILL),
                "{what}: buffer of {len} was written to although too small"
            );
        } else {
            assert_eq!(result, Ok(needed), "{what}: buffer of {len}");
            assert_eq!(
                &buf[..needed],
                expected,
                "{what}: buffer of {len}: {:?}",
                String::from_utf8_lossy(&buf[..needed])
            );
            assert!(
                buf[needed..].iter().all(|&b| b == FILL),
                "{what}: buffer of {len}: bytes after the output were written"
            );
        }
    }
    // The trait's write behaves the same as the inherent one.
    let mut buf = vec![FILL; needed + 1];
    assert_eq!(
        Emit::write(value, &mut buf),
        Ok(needed),
        "{what}: Emit::write"
    );
    assert_eq!(&buf[..needed], expected, "{what}: Emit::write");
    if needed > 0 {
        let mut short = vec![FILL; needed - 1];
        assert_eq!(
            Emit::write(value, &mut short),
            Err(Error::BufferTooSmall { needed }),
            "{what}: Emit::write, short"
        );
        assert!(
            short.iter().all(|&b| b == FILL),
            "{what}: Emit::write, short"
        );
    }
}

/// A 128-byte app key with every character the format allows (printable
/// ASCII except `"` and `,`), cycled.
fn max_app_key() -> String {
    let allowed: Vec<char> = (b' '..=b'~')
        .filter(|&b| b != b'"' && b != b',')
        .map(char::from)
        .collect();
    allowed.iter().cycle().take(APP_KEY_MAX_LEN).collect()
}

/// A 128-character alphanumeric nonce.
fn max_nonce() -> String {
    let alnum: Vec<char> = ('0'..='9').chain('A'..='Z').chain('a'..='z').collect();
    alnum.iter().cycle().take(NONCE_MAX_LEN).collect()
}

fn app_keys() -> Vec<String> {
    vec![
        "k".to_owned(),
        "a1B2c3D4e5F6g7H8i9J0kLmNoPqR".to_owned(),
        "with space\\and~symbols!#$%&'()*+-./:;<=>?@[]^_`{|}".to_owned(),
        max_app_key(),
    ]
}

fn nonces() -> Vec<String> {
    vec![
        "A".to_owned(),
        "66c92b11ff8a425fb8d4ccfe0ed9ed1f".to_owned(),
        max_nonce(),
    ]
}

fn secrets() -> Vec<Vec<u8>> {
    vec![
        Vec::new(),
        b"Zy9Xw8Vu7Ts6Rq5Po4Nm3Lk2Ji1H".to_vec(),
        (0..=255u8).collect(),
        vec![b'S'; 100],
    ]
}

fn timestamps() -> Vec<(u64, &'static str)> {
    vec![
        (0, "1970-01-01T00:00:00Z"),
        (1_709_280_930, "2024-03-01T08:15:30Z"),
        (MAX_UNIX, "9999-12-31T23:59:59Z"),
    ]
}

#[test]
fn helpers_are_sound() {
    core_common::self_check();
    assert_eq!(max_app_key().len(), APP_KEY_MAX_LEN);
    assert_eq!(max_nonce().len(), NONCE_MAX_LEN);
}

#[test]
fn x_aksk_every_buffer_length() {
    let mut checked = 0;
    let mut hit_max = false;
    for app_key in app_keys() {
        for nonce_text in nonces() {
            for secret in secrets() {
                for (unix, created_text) in timestamps() {
                    let key = HmacKey::new(&secret);
                    let nonce = Nonce::new(&nonce_text).expect("valid nonce");
                    let created = Timestamp::from_unix(unix).expect("in range");
                    let x = XAksk::new(&app_key, &key, &nonce, created).expect("valid inputs");
                    let want = expected_x_aksk(&app_key, &secret, &nonce_text, created_text);
                    let what = format!("X-AKSK key {app_key:?} nonce {nonce_text:?} t {unix}");
                    check_writer(&what, &x, |b| x.write(b), want.as_bytes(), X_AKSK_MAX_LEN);
                    assert_eq!(x.to_heapless().expect("fits").as_str(), want, "{what}");
                    if app_key.len() == APP_KEY_MAX_LEN && nonce_text.len() == NONCE_MAX_LEN {
                        assert_eq!(x.len(), X_AKSK_MAX_LEN, "{what}: max inputs");
                        hit_max = true;
                    }
                    checked += 1;
                }
            }
        }
    }
    assert!(hit_max);
    assert_eq!(checked, 4 * 3 * 4 * 3);
}

#[test]
fn x_wsse_every_buffer_length() {
    let mut hit_max = false;
    for encoding in [DigestEncoding::Hex, DigestEncoding::LegacyRaw] {
        let hex_text = encoding == DigestEncoding::Hex;
        for app_key in app_keys() {
            for nonce_text in nonces() {
                for secret in secrets() {
                    for (unix, created_text) in timestamps() {
                        let nonce = Nonce::new(&nonce_text).expect("valid nonce");
                        let created = Timestamp::from_unix(unix).expect("in range");
                        let x = XWsse::with_encoding(&app_key, &secret, &nonce, created, encoding)
                            .expect("valid inputs");
                        let want =
                            expected_x_wsse(&app_key, &secret, &nonce_text, created_text, hex_text);
                        let what = format!(
                            "X-WSSE {encoding:?} key {app_key:?} nonce {nonce_text:?} t {unix}"
                        );
                        check_writer(&what, &x, |b| x.write(b), want.as_bytes(), X_WSSE_MAX_LEN);
                        assert_eq!(x.to_heapless().expect("fits").as_str(), want, "{what}");
                        let digest_len = match encoding {
                            DigestEncoding::Hex => sms::DIGEST_HEX_LEN,
                            DigestEncoding::LegacyRaw => sms::DIGEST_RAW_LEN,
                        };
                        assert_eq!(x.password_digest().len(), digest_len, "{what}");
                        if app_key.len() == APP_KEY_MAX_LEN && nonce_text.len() == NONCE_MAX_LEN {
                            let max = match encoding {
                                DigestEncoding::Hex => X_WSSE_MAX_LEN,
                                DigestEncoding::LegacyRaw => {
                                    X_WSSE_MAX_LEN - (sms::DIGEST_HEX_LEN - sms::DIGEST_RAW_LEN)
                                }
                            };
                            assert_eq!(x.len(), max, "{what}: max inputs");
                            hit_max |= hex_text;
                        }
                    }
                }
            }
        }
    }
    assert!(hit_max);
}

#[test]
fn basic_every_buffer_length() {
    let long_user = "u".repeat(USER_MAX_LEN);
    let long_secret = vec![b'~'; SECRET_MAX_LEN];
    let cases: Vec<(&str, &[u8])> = vec![
        ("", b""),
        ("a", b"b"),
        ("user", b"pa:ss"),
        ("api", b"key-3ax6xnjp29jd6fds4gc373sgvjxteol0"),
        (
            "us\u{e9}r \u{4e2d}",
            "p\u{e4}ssw\u{f6}rd\u{20ac}".as_bytes(),
        ),
        ("binary", &[0, 1, 2, 0xAA, 0xff, b':', 0x7f]),
        // Lengths 47, 48, 49 around the encoder's 48-byte chunk.
        ("u", &[b'x'; 45]),
        ("u", &[b'x'; 46]),
        ("u", &[b'x'; 47]),
        ("u", &[b'x'; 48]),
        (&long_user, b""),
        ("", &long_secret),
        (&long_user, &long_secret),
    ];
    let mut hit_max = false;
    for (user, secret) in cases {
        let b = Basic::new(user, secret).expect("valid inputs");
        let want = expected_basic(user, secret);
        let what = format!("Basic user of {} secret of {}", user.len(), secret.len());
        check_writer(
            &what,
            &b,
            |buf| b.write(buf),
            want.as_bytes(),
            BASIC_MAX_LEN,
        );
        assert_eq!(b.to_heapless().expect("fits").as_str(), want, "{what}");
        if user.len() == USER_MAX_LEN && secret.len() == SECRET_MAX_LEN {
            assert_eq!(b.len(), BASIC_MAX_LEN, "{what}: max inputs");
            hit_max = true;
        }
    }
    assert!(hit_max);

    // The vendor constructors are Basic::new with their users.
    let m = Basic::mailgun("key-x").expect("valid");
    check_writer(
        "mailgun",
        &m,
        |buf| m.write(buf),
        expected_basic(basic::MAILGUN_USER, b"key-x").as_bytes(),
        BASIC_MAX_LEN,
    );
    let k = Basic::sinch_key("id", "sec:ret").expect("valid");
    check_writer(
        "sinch_key",
        &k,
        |buf| k.write(buf),
        expected_basic("id", b"sec:ret").as_bytes(),
        BASIC_MAX_LEN,
    );
}

#[test]
fn timestamps_every_buffer_length() {
    let cases = [
        (0, "1970-01-01T00:00:00Z", "19700101T000000Z"),
        (59, "1970-01-01T00:00:59Z", "19700101T000059Z"),
        (951_782_400, "2000-02-29T00:00:00Z", "20000229T000000Z"),
        (1_709_280_930, "2024-03-01T08:15:30Z", "20240301T081530Z"),
        (4_107_542_399, "2100-02-28T23:59:59Z", "21000228T235959Z"),
        (MAX_UNIX, "9999-12-31T23:59:59Z", "99991231T235959Z"),
    ];
    for (unix, extended, basic_text) in cases {
        let t = Timestamp::from_unix(unix).expect("in range");
        let e = t.extended();
        let b = t.basic();
        check_writer(
            &format!("extended {unix}"),
            &e,
            |buf| e.write(buf),
            extended.as_bytes(),
            EXTENDED_LEN,
        );
        check_writer(
            &format!("basic {unix}"),
            &b,
            |buf| b.write(buf),
            basic_text.as_bytes(),
            BASIC_LEN,
        );
        assert_eq!(e.len(), EXTENDED_LEN);
        assert_eq!(b.len(), BASIC_LEN);
        assert_eq!(&e.to_array(), extended.as_bytes());
        assert_eq!(&b.to_array(), basic_text.as_bytes());
        assert_eq!(
            e.to_heapless::<EXTENDED_LEN>().expect("fits").as_str(),
            extended
        );
        assert_eq!(
            e.to_heapless::<{ EXTENDED_LEN - 1 }>(),
            Err(Error::BufferTooSmall {
                needed: EXTENDED_LEN
            })
        );
        assert_eq!(
            b.to_heapless::<BASIC_LEN>().expect("fits").as_str(),
            basic_text
        );
        assert_eq!(
            b.to_heapless::<{ BASIC_LEN - 1 }>(),
            Err(Error::BufferTooSmall { needed: BASIC_LEN })
        );
    }
}

#[test]
fn nonce_every_buffer_length() {
    for text in ["a", "66c92b11ff8a425fb8d4ccfe0ed9ed1f", &max_nonce()] {
        let n = Nonce::new(text).expect("valid");
        check_writer(
            &format!("nonce {text}"),
            &n,
            |buf| Emit::write(&n, buf),
            text.as_bytes(),
            NONCE_MAX_LEN,
        );
    }
}

/// Each way of building a Huawei value from `app_key`, as its result.
fn huawei_results(app_key: &str) -> [(&'static str, Result<usize, Error>); 4] {
    let key = HmacKey::new(b"secret");
    let nonce = Nonce::new("n").expect("valid");
    let t = Timestamp::UNIX_EPOCH;
    [
        ("validate_app_key", validate_app_key(app_key).map(str::len)),
        (
            "XAksk::new",
            XAksk::new(app_key, &key, &nonce, t).map(|x| x.len()),
        ),
        (
            "XWsse::new",
            XWsse::new(app_key, b"secret", &nonce, t).map(|x| x.len()),
        ),
        (
            "XWsse LegacyRaw",
            XWsse::with_encoding(app_key, b"secret", &nonce, t, DigestEncoding::LegacyRaw)
                .map(|x| x.len()),
        ),
    ]
}

#[test]
fn app_key_validation() {
    let too_long = "k".repeat(APP_KEY_MAX_LEN + 1);
    let cases: Vec<(&str, Error)> = vec![
        (
            "ab\"cd",
            Error::InvalidCharacter {
                field: Field::AppKey,
                position: 2,
            },
        ),
        (
            "\"",
            Error::InvalidCharacter {
                field: Field::AppKey,
                position: 0,
            },
        ),
        (
            "key,",
            Error::InvalidCharacter {
                field: Field::AppKey,
                position: 3,
            },
        ),
        (
            "a\tb",
            Error::InvalidCharacter {
                field: Field::AppKey,
                position: 1,
            },
        ),
        (
            "ab\u{0}",
            Error::InvalidCharacter {
                field: Field::AppKey,
                position: 2,
            },
        ),
        (
            "abc\u{7f}",
            Error::InvalidCharacter {
                field: Field::AppKey,
                position: 3,
            },
        ),
        (
            "line\nbreak",
            Error::InvalidCharacter {
                field: Field::AppKey,
                position: 4,
            },
        ),
        (
            "cl\u{e9}",
            Error::InvalidCharacter {
                field: Field::AppKey,
                position: 2,
            },
        ),
        (
            "\u{4e2d}",
            Error::InvalidCharacter {
                field: Field::AppKey,
                position: 0,
            },
        ),
        (
            "",
            Error::InvalidLength {
                field: Field::AppKey,
                min: 1,
                max: APP_KEY_MAX_LEN,
                actual: 0,
            },
        ),
        (
            &too_long,
            Error::InvalidLength {
                field: Field::AppKey,
                min: 1,
                max: APP_KEY_MAX_LEN,
                actual: APP_KEY_MAX_LEN + 1,
            },
        ),
    ];
    for (app_key, want) in cases {
        for (how, result) in huawei_results(app_key) {
            assert_eq!(result, Err(want), "{how}({app_key:?})");
        }
    }
    // The boundaries are accepted.
    for ok in ["k", &max_app_key(), " ", "~"] {
        for (how, result) in huawei_results(ok) {
            assert!(result.is_ok(), "{how}({ok:?}): {result:?}");
        }
    }
}

#[test]
fn basic_validation() {
    let user_err = |position| Error::InvalidCharacter {
        field: Field::User,
        position,
    };
    assert_eq!(Basic::new("us:er", b"x").map(|b| b.len()), Err(user_err(2)));
    assert_eq!(Basic::new(":", b"x").map(|b| b.len()), Err(user_err(0)));
    assert_eq!(Basic::new("a\nb", b"x").map(|b| b.len()), Err(user_err(1)));
    assert_eq!(
        Basic::new("ab\u{0}", b"x").map(|b| b.len()),
        Err(user_err(2))
    );
    assert_eq!(
        Basic::new("\u{7f}", b"x").map(|b| b.len()),
        Err(user_err(0))
    );
    assert_eq!(
        Basic::new("\u{1f}", b"x").map(|b| b.len()),
        Err(user_err(0))
    );
    assert_eq!(
        Basic::sinch_key("id:x", "s").map(|b| b.len()),
        Err(user_err(2))
    );
    assert_eq!(
        Basic::sinch_application("a\tb", "s").map(|b| b.len()),
        Err(user_err(1))
    );

    let long_user = "u".repeat(USER_MAX_LEN + 1);
    assert_eq!(
        Basic::new(&long_user, b"").map(|b| b.len()),
        Err(Error::InvalidLength {
            field: Field::User,
            min: 0,
            max: USER_MAX_LEN,
            actual: USER_MAX_LEN + 1,
        })
    );
    let long_secret = "s".repeat(SECRET_MAX_LEN + 1);
    let secret_err = Err(Error::InvalidLength {
        field: Field::Secret,
        min: 0,
        max: SECRET_MAX_LEN,
        // A secret's length is never reported.
        actual: 0,
    });
    assert_eq!(
        Basic::new("user", long_secret.as_bytes()).map(|b| b.len()),
        secret_err
    );
    assert_eq!(Basic::mailgun(&long_secret).map(|b| b.len()), secret_err);
    assert_eq!(
        Basic::sinch_key("id", &long_secret).map(|b| b.len()),
        secret_err
    );

    // Non-ASCII users are UTF-8 text, allowed; the boundaries are accepted.
    assert!(Basic::new("us\u{e9}r", b"").is_ok());
    assert!(Basic::new(&"u".repeat(USER_MAX_LEN), &[0; SECRET_MAX_LEN]).is_ok());
}

#[test]
fn errors_do_not_show_secrets() {
    const SECRET: &str = "Hunter2SuperSecretValue";
    let long_secret = SECRET.repeat(SECRET_MAX_LEN / SECRET.len() + 1);
    let key = HmacKey::new(SECRET.as_bytes());
    let nonce = Nonce::new("n").expect("valid");
    let t = Timestamp::UNIX_EPOCH;

    let errors = [
        Basic::new("user", long_secret.as_bytes()).map(|b| b.len()),
        Basic::new("us:er", SECRET.as_bytes()).map(|b| b.len()),
        Basic::mailgun(&long_secret).map(|b| b.len()),
        XAksk::new("bad\"key", &key, &nonce, t).map(|x| x.len()),
        XWsse::new("", SECRET.as_bytes(), &nonce, t).map(|x| x.len()),
        XWsse::with_encoding(
            "k,",
            SECRET.as_bytes(),
            &nonce,
            t,
            DigestEncoding::LegacyRaw,
        )
        .map(|x| x.len()),
    ];
    let mut displays = Vec::new();
    for result in errors {
        let e = result.expect_err("the inputs are invalid");
        let text = format!("{e} {e:?}");
        assert!(!text.contains("Hunter2"), "error shows the secret: {text}");
        displays.push(e.to_string());
    }
    assert_eq!(
        displays,
        [
            "secret: length is outside 0..=256 bytes",
            "user: invalid character at byte 2",
            "secret: length is outside 0..=256 bytes",
            "app key: invalid character at byte 3",
            "app key: length 0 is outside 1..=128 bytes",
            "app key: invalid character at byte 1",
        ]
    );

    // Debug of values holding or derived from a secret does not show it.
    let b = Basic::new("user", SECRET.as_bytes()).expect("valid");
    let x = XAksk::new("k", &key, &nonce, t).expect("valid");
    let w = XWsse::new("k", SECRET.as_bytes(), &nonce, t).expect("valid");
    for text in [
        format!("{b:?}"),
        format!("{key:?}"),
        format!("{:?}", key.start()),
        format!("{x:?}"),
        format!("{w:?}"),
    ] {
        assert!(!text.contains("Hunter2"), "Debug shows the secret: {text}");
    }
    assert!(
        format!("{b:?}").contains("user"),
        "Debug of Basic shows the user"
    );
}

#[test]
fn authorization_constants() {
    assert_eq!(
        voice::AUTHORIZATION,
        "AKSK realm=\"SDP\",profile=\"UsernameToken\",type=\"Appkey\""
    );
    assert_eq!(
        sms::AUTHORIZATION,
        "WSSE realm=\"SDP\",profile=\"UsernameToken\",type=\"Appkey\""
    );
}
