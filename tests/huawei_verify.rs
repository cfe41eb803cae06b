//! Gateway-side verification of Huawei X-AKSK and X-WSSE headers: every
//! signing vector of huawei.json verifies, every tampered form is refused,
//! and malformed headers give precise parse errors.

mod core_common;

use callsign_core::huawei::sms::{self, DigestEncoding};
use callsign_core::huawei::verify::{
    check_authorization, verify_x_aksk, verify_x_wsse, ParsedToken,
};
use callsign_core::huawei::voice;
use callsign_core::verify::{Checks, Freshness, ReplayCache};
use callsign_core::{Error, Field, HmacKey, Timestamp};
use serde_json::Value;

use core_common::{unhex, vectors_dir};

/// The X-AKSK or X-WSSE vectors of huawei.json.
fn token_vectors(scheme: &str) -> Vec<Value> {
    let text = std::fs::read_to_string(vectors_dir().join("huawei.json")).expect("read");
    let doc: Value = serde_json::from_str(&text).expect("JSON");
    doc["vectors"]
        .as_array()
        .expect("vectors")
        .iter()
        .filter(|v| v["scheme"] == scheme)
        .cloned()
        .collect()
}

fn field<'v>(v: &'v Value, section: &str, name: &str) -> &'v str {
    v[section][name].as_str().expect("string field")
}

/// How a vector's header is verified.
enum Verifier {
    Aksk(HmacKey),
    Wsse(Vec<u8>, DigestEncoding),
}

impl Verifier {
    fn of(v: &Value) -> Self {
        let secret = unhex(field(v, "inputs", "app_secret_utf8_hex"));
        match (v["scheme"].as_str(), v["variant"].as_str()) {
            (Some("x-aksk"), _) => Verifier::Aksk(HmacKey::new(&secret)),
            (Some("x-wsse"), Some("sms-demo-hex")) => Verifier::Wsse(secret, DigestEncoding::Hex),
            (Some("x-wsse"), Some("sms-legacy-raw-digest")) => {
                Verifier::Wsse(secret, DigestEncoding::LegacyRaw)
            }
            other => panic!("unknown scheme/variant {other:?}"),
        }
    }

    fn verify(&self, token: &ParsedToken<'_>, checks: Checks<'_>) -> Result<(), Error> {
        match self {
            Verifier::Aksk(key) => verify_x_aksk(token, token.username(), key, checks).map(|_| ()),
            Verifier::Wsse(secret, encoding) => {
                verify_x_wsse(token, token.username(), secret, *encoding, checks).map(|_| ())
            }
        }
    }

    /// Parses and verifies a header text.
    fn verify_text(&self, text: &str) -> Result<(), Error> {
        self.verify(&ParsedToken::parse(text)?, Checks::SignatureOnly)
    }
}

fn header_of(v: &Value) -> &str {
    match v["scheme"].as_str() {
        Some("x-aksk") => field(v, "expected", "x_aksk"),
        _ => field(v, "expected", "x_wsse"),
    }
}

#[test]
fn every_x_aksk_and_x_wsse_vector_verifies() {
    let mut run = 0;
    for scheme in ["x-aksk", "x-wsse"] {
        for v in token_vectors(scheme) {
            let vid = v["id"].as_str().expect("id");
            let header = header_of(&v);
            let token = ParsedToken::parse(header).unwrap_or_else(|e| panic!("{vid}: {e}"));
            assert_eq!(token.username(), field(&v, "inputs", "app_key"), "{vid}");
            assert_eq!(token.nonce(), field(&v, "inputs", "nonce"), "{vid}");
            assert_eq!(
                token.password_digest(),
                field(&v, "expected", "password_digest"),
                "{vid}"
            );
            let created = Timestamp::parse(field(&v, "inputs", "created")).expect("created");
            assert_eq!(token.created(), created, "{vid}");
            let verifier = Verifier::of(&v);
            assert_eq!(
                verifier.verify(&token, Checks::SignatureOnly),
                Ok(()),
                "{vid}"
            );
            let window = Freshness::default_window(created.unix() + 299);
            assert_eq!(
                verifier.verify(&token, Checks::Fresh(window)),
                Ok(()),
                "{vid}"
            );
            let expected_auth = if scheme == "x-aksk" {
                voice::AUTHORIZATION
            } else {
                sms::AUTHORIZATION
            };
            assert_eq!(
                check_authorization(field(&v, "expected", "authorization"), expected_auth),
                Ok(()),
                "{vid}"
            );
            run += 1;
        }
    }
    assert_eq!(run, 7 + 9);
}

/// Every single-character change inside a field value is refused: the
/// digest no longer matches, or the field no longer parses.
#[test]
fn every_tampered_field_is_refused() {
    let mut refused = 0;
    for scheme in ["x-aksk", "x-wsse"] {
        for v in token_vectors(scheme) {
            let vid = v["id"].as_str().expect("id");
            let header = header_of(&v).to_owned();
            let verifier = Verifier::of(&v);
            let token = ParsedToken::parse(&header).expect("parses");
            // Byte ranges of the values of PasswordDigest, Nonce and Created.
            let mut ranges = Vec::new();
            for value in [token.password_digest(), token.nonce()] {
                let start = value.as_ptr() as usize - header.as_ptr() as usize;
                ranges.push(start..start + value.len());
            }
            let created_start = header.rfind("Created=\"").expect("Created") + 9;
            ranges.push(created_start..created_start + 20);
            for range in ranges {
                for at in range {
                    let mut bytes = header.clone().into_bytes();
                    bytes[at] = if bytes[at] == b'1' { b'2' } else { b'1' };
                    let tampered = String::from_utf8(bytes).expect("ASCII");
                    let result = verifier.verify_text(&tampered);
                    assert!(
                        result.is_err(),
                        "{vid}: byte {at} changed, still valid: {tampered}"
                    );
                    refused += 1;
                }
            }
            // The digest does not cover Username: Username selects the
            // secret. A changed Username makes the gateway look up another
            // application's secret, which does not verify.
            let wrong = match &verifier {
                Verifier::Aksk(_) => Verifier::Aksk(HmacKey::new(b"wrong")),
                Verifier::Wsse(_, e) => Verifier::Wsse(b"wrong".to_vec(), *e),
            };
            assert_eq!(
                wrong.verify_text(&header),
                Err(Error::SignatureMismatch),
                "{vid}"
            );
        }
    }
    assert!(refused > 1000, "{refused}");
}

#[test]
fn the_other_digest_encoding_is_malformed() {
    for v in token_vectors("x-wsse") {
        let token = ParsedToken::parse(header_of(&v)).expect("parses");
        let secret = unhex(field(&v, "inputs", "app_secret_utf8_hex"));
        let other = match v["variant"].as_str() {
            Some("sms-demo-hex") => DigestEncoding::LegacyRaw,
            _ => DigestEncoding::Hex,
        };
        assert!(
            matches!(
                verify_x_wsse(
                    &token,
                    token.username(),
                    &secret,
                    other,
                    Checks::SignatureOnly
                ),
                Err(Error::Malformed {
                    field: Field::Signature,
                    ..
                })
            ),
            "{}",
            v["id"]
        );
    }
}

#[test]
fn created_outside_the_window_and_replays_are_refused() {
    let v = &token_vectors("x-aksk")[0];
    let token = ParsedToken::parse(header_of(v)).expect("parses");
    let key = HmacKey::new(&unhex(field(v, "inputs", "app_secret_utf8_hex")));
    let created = token.created().unix();
    let fresh = |now| Checks::Fresh(Freshness::new(now, 300));
    let user = token.username();
    let verify_x_aksk = |token: &ParsedToken<'_>, key: &HmacKey, checks: Checks<'_>| {
        verify_x_aksk(token, user, key, checks).map(|_| ())
    };
    assert_eq!(verify_x_aksk(&token, &key, fresh(created + 300)), Ok(()));
    assert_eq!(verify_x_aksk(&token, &key, fresh(created - 300)), Ok(()));
    assert_eq!(
        verify_x_aksk(&token, &key, fresh(created + 301)),
        Err(Error::TimestampTooOld)
    );
    assert_eq!(
        verify_x_aksk(&token, &key, fresh(created - 301)),
        Err(Error::TimestampInFuture)
    );

    let mut cache = ReplayCache::<4>::new(300);
    let window = Freshness::new(created, 300);
    assert_eq!(
        verify_x_aksk(&token, &key, Checks::FreshOnce(window, &mut cache)),
        Ok(())
    );
    assert_eq!(
        verify_x_aksk(&token, &key, Checks::FreshOnce(window, &mut cache)),
        Err(Error::Replay)
    );
    // A forged token never reaches the cache.
    let forged = HmacKey::new(b"forger");
    assert_eq!(
        verify_x_aksk(&token, &forged, Checks::FreshOnce(window, &mut cache)),
        Err(Error::SignatureMismatch)
    );
    assert_eq!(cache.live(created), 1);
}

#[test]
fn comma_space_separators_are_accepted() {
    let v = &token_vectors("x-aksk")[0];
    let spaced = header_of(v).replace("\",", "\", ");
    let token = ParsedToken::parse(&spaced).expect("comma and space");
    assert_eq!(
        Verifier::of(v).verify(&token, Checks::SignatureOnly),
        Ok(())
    );
}

#[test]
fn malformed_headers_give_precise_errors() {
    let good = r#"UsernameToken Username="app",PasswordDigest="ZA==",Nonce="n1",Created="2024-03-01T08:15:30Z""#;
    assert!(ParsedToken::parse(good).is_ok());
    let structure = |position| Error::Malformed {
        field: Field::UsernameToken,
        position,
    };
    let at = |field, position| Error::Malformed { field, position };
    let cases: &[(&str, Error)] = &[
        ("", structure(0)),
        ("usernameToken Username=\"app\"", structure(0)),
        (
            r#"UsernameToken  Username="app",PasswordDigest="ZA==",Nonce="n1",Created="2024-03-01T08:15:30Z""#,
            structure(14),
        ),
        (
            r#"UsernameToken Username=app,PasswordDigest="ZA==",Nonce="n1",Created="2024-03-01T08:15:30Z""#,
            structure(23),
        ),
        (r#"UsernameToken Username="app""#, structure(28)),
        (
            r#"UsernameToken Username="app",PasswordDigest="ZA==",Nonce="n1",Created="2024-03-01T08:15:30Z"#,
            structure(91),
        ),
        (
            r#"UsernameToken Username="app",PasswordDigest="ZA==",Nonce="n1",Created="2024-03-01T08:15:30Z","#,
            structure(92),
        ),
        (
            r#"UsernameToken Username="app";PasswordDigest="ZA==",Nonce="n1",Created="2024-03-01T08:15:30Z""#,
            structure(28),
        ),
        (
            r#"UsernameToken Username="app",Nonce="n1",PasswordDigest="ZA==",Created="2024-03-01T08:15:30Z""#,
            structure(29),
        ),
        (
            r#"UsernameToken Username="app",PasswordDigest="ZA==",Nonce="n1",Created="2024-03-01T08:15:30Z",Extra="x""#,
            structure(92),
        ),
        (
            r#"UsernameToken Username="",PasswordDigest="ZA==",Nonce="n1",Created="2024-03-01T08:15:30Z""#,
            at(Field::AppKey, 24),
        ),
        (
            r#"UsernameToken Username="a,b",PasswordDigest="ZA==",Nonce="n1",Created="2024-03-01T08:15:30Z""#,
            at(Field::AppKey, 25),
        ),
        (
            r#"UsernameToken Username="app",PasswordDigest="Z A=",Nonce="n1",Created="2024-03-01T08:15:30Z""#,
            at(Field::Signature, 46),
        ),
        (
            r#"UsernameToken Username="app",PasswordDigest="",Nonce="n1",Created="2024-03-01T08:15:30Z""#,
            at(Field::Signature, 45),
        ),
        (
            r#"UsernameToken Username="app",PasswordDigest="ZA==",Nonce="n_1",Created="2024-03-01T08:15:30Z""#,
            at(Field::Nonce, 59),
        ),
        (
            r#"UsernameToken Username="app",PasswordDigest="ZA==",Nonce="",Created="2024-03-01T08:15:30Z""#,
            at(Field::Nonce, 58),
        ),
        (
            r#"UsernameToken Username="app",PasswordDigest="ZA==",Nonce="n1",Created="2024-03-01 08:15:30Z""#,
            at(Field::Timestamp, 71),
        ),
        (
            r#"UsernameToken Username="app",PasswordDigest="ZA==",Nonce="n1",Created="20240301T081530Z""#,
            at(Field::Timestamp, 71),
        ),
        (
            r#"UsernameToken Username="app",PasswordDigest="ZA==",Nonce="n1",Created="2023-02-29T08:15:30Z""#,
            at(Field::Timestamp, 71),
        ),
    ];
    for (text, want) in cases {
        assert_eq!(ParsedToken::parse(text), Err(*want), "{text}");
    }
    // Field limits: 129-character nonce and username.
    let long = "a".repeat(129);
    let text = format!(
        r#"UsernameToken Username="app",PasswordDigest="ZA==",Nonce="{long}",Created="2024-03-01T08:15:30Z""#
    );
    assert_eq!(ParsedToken::parse(&text), Err(at(Field::Nonce, 58 + 128)));
    let text = format!(
        r#"UsernameToken Username="{long}",PasswordDigest="ZA==",Nonce="n",Created="2024-03-01T08:15:30Z""#
    );
    assert_eq!(ParsedToken::parse(&text), Err(at(Field::AppKey, 24 + 128)));
    // A digest of the wrong form is reported inside the header value.
    let token = ParsedToken::parse(good).expect("parses");
    assert_eq!(
        verify_x_aksk(
            &token,
            token.username(),
            &HmacKey::new(b"s"),
            Checks::SignatureOnly
        ),
        Err(at(Field::Signature, 45 + 2))
    );
    // Authorization constants are compared exactly.
    assert_eq!(
        check_authorization(sms::AUTHORIZATION, voice::AUTHORIZATION),
        Err(at(Field::Authorization, 0))
    );
    assert_eq!(
        check_authorization(&format!("{} ", voice::AUTHORIZATION), voice::AUTHORIZATION),
        Err(at(Field::Authorization, voice::AUTHORIZATION.len()))
    );
}
