//! Regressions of the verification review: each case here was accepted
//! (or panicked, or said too much) before the verifiers were hardened.

use callsign_core::huawei::sms::{DigestEncoding, XWsse};
use callsign_core::huawei::verify::{verify_x_aksk, verify_x_wsse, ParsedToken};
use callsign_core::huawei::voice::XAksk;
use callsign_core::sinch::webhook::{self, WebhookHeaders};
use callsign_core::verify::{parse_unix_seconds, Checks, Freshness, ReplayCache};
use callsign_core::{mailgun, Error, Field, HmacKey, Nonce, Timestamp};
use rand_core::{TryCryptoRng, TryRng};

const CREATED: u64 = 1_709_280_930;

fn fresh(now: u64) -> Freshness {
    Freshness::default_window(now)
}

/// The same header with `Username` replaced (any text: the digest does not
/// cover it).
fn with_username(header: &str, from: &str, to: &str) -> String {
    header.replacen(
        &format!("Username=\"{from}\""),
        &format!("Username=\"{to}\""),
        1,
    )
}

#[test]
fn x_aksk_replayed_under_another_username_is_a_replay() {
    let key = HmacKey::new(b"Zy9Xw8Vu7Ts6Rq5Po4Nm3Lk2Ji1H");
    let nonce = Nonce::new("66c92b11ff8a425fb8d4ccfe0ed9ed1f").expect("nonce");
    let created = Timestamp::from_unix(CREATED).expect("time");
    let header = XAksk::new("appkey", &key, &nonce, created)
        .and_then(|x| x.to_heapless())
        .expect("sign")
        .to_string();
    let mut seen = ReplayCache::<8>::default();
    let token = ParsedToken::parse(&header).expect("parse");
    let first = verify_x_aksk(
        &token,
        "appkey",
        &key,
        Checks::FreshOnce(fresh(CREATED), &mut seen),
    );
    assert_eq!(first.map(|v| v.username()), Ok("appkey"));
    // A gateway whose key does not depend on the exact Username bytes (a
    // case-insensitive lookup, say) is given the altered name: still the
    // same request.
    for other in ["APPKEY", "AppKey"] {
        let replayed = with_username(&header, "appkey", other);
        let token = ParsedToken::parse(&replayed).expect("parse");
        assert_eq!(
            verify_x_aksk(
                &token,
                other,
                &key,
                Checks::FreshOnce(fresh(CREATED + 1), &mut seen)
            ),
            Err(Error::Replay),
            "{other}"
        );
        // And a verifier told which application it checks refuses the name.
        assert_eq!(
            verify_x_aksk(&token, "appkey", &key, Checks::SignatureOnly),
            Err(Error::KeyMismatch)
        );
    }
    assert_eq!(seen.live(CREATED + 1), 1);
}

#[test]
fn x_wsse_replayed_under_another_username_is_a_replay() {
    let nonce = Nonce::new("ac1c911c4792492687f8f6b2264a491e").expect("nonce");
    let created = Timestamp::from_unix(CREATED).expect("time");
    let header = XWsse::new("appkey", b"secret", &nonce, created)
        .and_then(|x| x.to_heapless())
        .expect("sign")
        .to_string();
    let mut seen = ReplayCache::<8>::default();
    let token = ParsedToken::parse(&header).expect("parse");
    let checks = Checks::FreshOnce(fresh(CREATED), &mut seen);
    assert!(verify_x_wsse(&token, "appkey", b"secret", DigestEncoding::Hex, checks).is_ok());
    let replayed = with_username(&header, "appkey", "someone-else");
    let token = ParsedToken::parse(&replayed).expect("parse");
    let checks = Checks::FreshOnce(fresh(CREATED), &mut seen);
    assert_eq!(
        verify_x_wsse(
            &token,
            "someone-else",
            b"secret",
            DigestEncoding::Hex,
            checks
        ),
        Err(Error::Replay)
    );
}

#[test]
fn sinch_webhook_body_and_nonce_boundary_cannot_move() {
    let key = HmacKey::new(b"webhook-secret");
    // A body with many dots: each could have become the separator.
    let body = "pay 12.50 EUR to a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z";
    let (nonce, timestamp) = ("01FJA8B4A7BM43YGWSG9GBV067", "1700000000");
    let sig = webhook::sign(&key, body.as_bytes(), nonce, timestamp).expect("sign");
    let mut seen = ReplayCache::<64>::default();
    let verify = |body: &str, nonce: &str, seen: &mut ReplayCache<64>| {
        let headers = WebhookHeaders {
            signature: Some(sig.as_str()),
            nonce: Some(nonce),
            timestamp: Some(timestamp),
            algorithm: Some("HmacSHA256"),
        };
        let checks = Checks::FreshOnce(fresh(1_700_000_000), seen);
        webhook::verify(&key, &headers, body.as_bytes(), checks)
    };
    assert_eq!(verify(body, nonce, &mut seen), Ok(()));
    let mut variants = 0;
    for (at, _) in body.match_indices('.') {
        let (head, tail) = body.split_at(at);
        let moved = format!("{}.{nonce}", &tail[1..]);
        assert!(
            matches!(
                verify(head, &moved, &mut seen),
                Err(Error::Malformed {
                    field: Field::Nonce,
                    ..
                })
            ),
            "cut at {at}"
        );
        // Not in any mode either.
        let headers = WebhookHeaders {
            signature: Some(sig.as_str()),
            nonce: Some(&moved),
            timestamp: Some(timestamp),
            algorithm: None,
        };
        assert!(webhook::verify(&key, &headers, head.as_bytes(), Checks::SignatureOnly).is_err());
        variants += 1;
    }
    assert!(variants > 25);
    // The cache holds the one genuine request and has room for the next.
    assert_eq!(seen.live(1_700_000_000), 1);
    // A timestamp that is not digits is refused without a window too.
    let headers = WebhookHeaders {
        signature: Some(sig.as_str()),
        nonce: Some(nonce),
        timestamp: Some("1700000000 "),
        algorithm: None,
    };
    assert!(matches!(
        webhook::verify(&key, &headers, body.as_bytes(), Checks::SignatureOnly),
        Err(Error::Malformed {
            field: Field::Timestamp,
            ..
        })
    ));
}

#[test]
fn a_wider_window_than_the_cache_is_refused() {
    let key = HmacKey::new(b"k");
    let sig = mailgun::sign(&key, "1700000000", "token").expect("sign");
    let mut seen = ReplayCache::<4>::new(60);
    let narrow = Freshness::new(1_700_000_000, 60);
    let checks = Checks::FreshOnce(narrow, &mut seen);
    assert_eq!(
        mailgun::verify(&key, "1700000000", "token", sig.as_str(), checks),
        Ok(())
    );
    // 100 s later, a call with +-900 s would have accepted it again.
    let wide = Freshness::new(1_700_000_100, 900);
    let checks = Checks::FreshOnce(wide, &mut seen);
    assert_eq!(
        mailgun::verify(&key, "1700000000", "token", sig.as_str(), checks),
        Err(Error::ReplayWindowTooWide)
    );
}

#[test]
fn mailgun_verify_refuses_the_tokens_sign_refuses() {
    let key = HmacKey::new(b"k");
    let long = "t".repeat(mailgun::TOKEN_MAX_LEN + 1);
    for token in ["", long.as_str(), "a b"] {
        assert!(mailgun::sign(&key, "1700000000", token).is_err());
        assert!(
            matches!(
                mailgun::verify(
                    &key,
                    "1700000000",
                    token,
                    &"0".repeat(64),
                    Checks::SignatureOnly
                ),
                Err(Error::Malformed {
                    field: Field::Token,
                    ..
                })
            ),
            "{token:?}"
        );
    }
}

#[test]
fn unix_seconds_are_at_most_20_digits() {
    assert_eq!(
        parse_unix_seconds("00000000001700000000"),
        Ok(1_700_000_000)
    );
    assert_eq!(
        parse_unix_seconds("000000000001700000000"),
        Err(Error::Malformed {
            field: Field::Timestamp,
            position: 20
        })
    );
}

/// An OS generator that cannot be read.
struct BrokenRng;

/// Why it cannot.
#[derive(Debug)]
struct Unreadable;

impl core::fmt::Display for Unreadable {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("the random source cannot be read")
    }
}

impl core::error::Error for Unreadable {}

impl TryRng for BrokenRng {
    type Error = Unreadable;
    fn try_next_u32(&mut self) -> Result<u32, Self::Error> {
        Err(Unreadable)
    }
    fn try_next_u64(&mut self) -> Result<u64, Self::Error> {
        Err(Unreadable)
    }
    fn try_fill_bytes(&mut self, _: &mut [u8]) -> Result<(), Self::Error> {
        Err(Unreadable)
    }
}

impl TryCryptoRng for BrokenRng {}

#[test]
fn a_failing_random_generator_is_an_error_not_a_panic() {
    assert_eq!(Nonce::generate(&mut BrokenRng), Err(Error::RandomFailed));
}

#[test]
fn errors_about_secrets_say_nothing_of_them() {
    use callsign_core::sinch::application::signing_key;
    for secret in [&b"JViE5vDor0Sw3WllZka15Q="[..], b"app-secret", b"A"] {
        let e = signing_key(secret).map(|_| ()).expect_err("invalid");
        assert_eq!(
            e,
            Error::InvalidBase64 {
                field: Field::Secret,
                position: 0
            }
        );
        assert_eq!(e.to_string(), "secret: not valid Base64");
    }
}

#[test]
fn sinch_callbacks_cover_the_decoded_path_and_upper_cased_method_only() {
    use callsign_core::sinch::application::{signing_key, BodyDigest, Request, Scheme};
    use callsign_core::sinch::callback::{decoded_path, CallbackHeaders, CallbackVerifier};
    let key = signing_key(b"BeIukql3pTKJ8RGL5zo0DA==").expect("key");
    let (ts, body) = ("2014-09-24T10:59:41Z", b"{}");
    let request = Request::new(
        Scheme::Application,
        "POST",
        "/sinch/callback",
        Some("application/json"),
        ts,
        &BodyDigest::of(body),
    )
    .expect("request");
    let auth = request
        .sign("app", &key)
        .and_then(|a| a.to_heapless())
        .expect("sign")
        .to_string();
    let headers = CallbackHeaders {
        authorization: Some(&auth),
        content_type: Some("application/json"),
        x_timestamp: Some(ts),
    };
    let verifier = CallbackVerifier::new(Scheme::Application, "app", &key);
    // By Sinch's design these verify: the signature does not cover them.
    for (method, target) in [
        ("POST", "/sinch/callback"),
        ("post", "/sinch/callback"),
        ("POST", "/sinch/callback?admin=1"),
        ("POST", "/sinch/%63allback"),
    ] {
        assert_eq!(
            verifier.verify(method, target, &headers, body, Checks::SignatureOnly),
            Ok(()),
            "{method} {target}"
        );
        // What a server must act on: the decoded path, the same for all.
        let mut out = [0u8; 64];
        let n = decoded_path(target, &mut out).expect("path");
        assert_eq!(&out[..n], b"/sinch/callback");
    }
    assert_eq!(
        verifier.verify(
            "POST",
            "/sinch/other",
            &headers,
            body,
            Checks::SignatureOnly
        ),
        Err(Error::SignatureMismatch)
    );
    let mut short = [0u8; 4];
    assert_eq!(
        decoded_path("/sinch/callback", &mut short),
        Err(Error::BufferTooSmall { needed: 15 })
    );
}
