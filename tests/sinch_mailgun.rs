//! Every vector of the Sinch and Mailgun signing schemes (not Basic auth,
//! not OAuth2) through the Rust API of `callsign-core`: signing vectors
//! reproduce every intermediate value, verification vectors give the
//! expected verdict with the expected error, and each scheme runs exactly
//! as many vectors as the file holds.

mod core_common;

use std::collections::BTreeMap;

use callsign_core::sinch::application::{
    signing_key, BodyDigest, BodyMd5, Request, Scheme, AUTHORIZATION_MAX_LEN,
};
use callsign_core::sinch::callback::{CallbackHeaders, CallbackVerifier};
use callsign_core::sinch::{numbers, webhook};
use callsign_core::verify::{Checks, Freshness};
use callsign_core::{mailgun, Emit, Error, Field, HmacKey};
use serde_json::Value;

use core_common::{base64, hex, ref_hmac, ref_sha256, unhex, vectors_dir};

/// Vectors of this file per scheme, as the spec's table lists them.
const SCHEMES: [(&str, usize); 6] = [
    ("sinch.application_signed_request", 25),
    ("sinch.application_signed_callback", 16),
    ("sinch.voice_v2_service_callback", 8),
    ("sinch.webhook_hmac_sha256_nonce", 24),
    ("sinch.numbers_callback_hmac_sha1", 7),
    ("mailgun.webhook_signature", 16),
];

fn vectors(scheme: &str) -> Vec<Value> {
    let path = vectors_dir().join("sinch_mailgun.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    let doc: Value = serde_json::from_str(&text).expect("JSON");
    doc["vectors"]
        .as_array()
        .expect("vectors")
        .iter()
        .filter(|v| v["scheme"] == scheme)
        .cloned()
        .collect()
}

/// The vectors of `scheme`, checking their number against [`SCHEMES`].
fn scheme_vectors(scheme: &str) -> Vec<Value> {
    let all = vectors(scheme);
    let want = SCHEMES
        .iter()
        .find(|(s, _)| *s == scheme)
        .map(|(_, n)| *n)
        .expect("listed scheme");
    assert_eq!(all.len(), want, "{scheme}: vectors in the file");
    all
}

fn id(v: &Value) -> &str {
    v["id"].as_str().expect("id")
}

fn s<'v>(v: &'v Value, section: &str, field: &str) -> &'v str {
    v[section][field]
        .as_str()
        .unwrap_or_else(|| panic!("{}: {section}.{field} missing", id(v)))
}

/// `byte[i]` of a generated body, by the rule's text in the vector file.
fn generated_byte(rule: &str, i: usize) -> u8 {
    match rule {
        "byte[i] = 0x61 + (i mod 26)" => 0x61 + (i % 26) as u8,
        "byte[i] = 0x20 + (i mod 95)" => 0x20 + (i % 95) as u8,
        "byte[i] = i mod 251" => (i % 251) as u8,
        "byte[i] = (7*i + 3) mod 256" => ((7 * i + 3) % 256) as u8,
        other => panic!("unknown generator rule {other:?}"),
    }
}

/// The body of a vector: `None` for `null`; a generated body is checked
/// against its SHA-256.
fn body_of(v: &Value) -> Option<Vec<u8>> {
    let b = &v["inputs"]["body"];
    if b.is_null() {
        return None;
    }
    match b["encoding"].as_str() {
        Some("utf8") => Some(b["value"].as_str().expect("value").as_bytes().to_vec()),
        Some("generated") => {
            let rule = b["rule"].as_str().expect("rule");
            let len = b["length"].as_u64().expect("length") as usize;
            let body: Vec<u8> = (0..len).map(|i| generated_byte(rule, i)).collect();
            assert_eq!(
                hex(&ref_sha256(&body)),
                b["sha256"].as_str().expect("sha256"),
                "{}: generator {rule:?}",
                id(v)
            );
            Some(body)
        }
        other => panic!("{}: body encoding {other:?}", id(v)),
    }
}

/// The headers of a verification vector, as `(name, value)` pairs.
fn headers_of(v: &Value) -> Vec<(String, String)> {
    v["inputs"]["headers"]
        .as_array()
        .expect("headers")
        .iter()
        .map(|p| {
            (
                p[0].as_str().expect("name").to_owned(),
                p[1].as_str().expect("value").to_owned(),
            )
        })
        .collect()
}

fn borrowed(headers: &[(String, String)]) -> Vec<(&str, &str)> {
    headers
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect()
}

/// Checks a writer's three outputs against `want`.
fn assert_written(
    value: &impl Emit,
    heapless: Result<impl std::ops::Deref<Target = str>, Error>,
    want: &str,
    what: &str,
) {
    assert_eq!(value.len(), want.len(), "{what}: len");
    let mut buf = vec![0u8; want.len() + 8];
    let n = value
        .write(&mut buf)
        .unwrap_or_else(|e| panic!("{what}: {e}"));
    assert_eq!(std::str::from_utf8(&buf[..n]), Ok(want), "{what}: write");
    assert_eq!(heapless.as_deref(), Ok(want), "{what}: to_heapless");
    if n > 0 {
        assert_eq!(
            value.write(&mut buf[..n - 1]),
            Err(Error::BufferTooSmall { needed: n }),
            "{what}: short buffer"
        );
    }
}

/// The error a rejecting verification vector must produce, by id.
fn expected_rejection(vector_id: &str) -> Error {
    let malformed = |field, position| Error::Malformed { field, position };
    match vector_id {
        "sinch-app-callback-01c"
        | "sinch-app-callback-01d"
        | "sinch-app-callback-01f"
        | "sinch-app-callback-01g"
        | "sinch-app-callback-01h"
        | "sinch-app-callback-02b"
        | "sinch-app-callback-02c"
        | "sinch-voice2-callback-01e"
        | "sinch-webhook-01-verifyc"
        | "sinch-webhook-01-verifyd"
        | "sinch-webhook-01-verifye"
        | "sinch-webhook-01-verifyf"
        | "sinch-webhook-01-verifyg"
        | "sinch-webhook-02-verifyb"
        | "sinch-numbers-callback-01-verifyc"
        | "mailgun-webhook-01c"
        | "mailgun-webhook-01d"
        | "mailgun-webhook-02b" => Error::SignatureMismatch,
        "sinch-app-callback-01e" | "sinch-app-callback-02d" => Error::KeyMismatch,
        "sinch-app-callback-01i" => Error::MissingHeader {
            field: Field::Authorization,
        },
        "sinch-app-callback-01j" => malformed(Field::Authorization, 12),
        "sinch-app-callback-01k" => Error::MissingHeader {
            field: Field::Timestamp,
        },
        "sinch-app-callback-01l" => malformed(Field::Authorization, 93),
        "sinch-voice2-callback-01c" => malformed(Field::Authorization, 0),
        "sinch-voice2-callback-01d" => Error::MissingHeader {
            field: Field::ContentType,
        },
        "sinch-webhook-01-verifyi" => Error::UnsupportedAlgorithm,
        "sinch-webhook-01-verifyj" => Error::MissingHeader {
            field: Field::Nonce,
        },
        "sinch-numbers-callback-01-verifyb" => malformed(Field::Signature, 0),
        "mailgun-webhook-01e" => malformed(Field::Signature, 6),
        "mailgun-webhook-01f" => malformed(Field::Signature, 63),
        "mailgun-webhook-01h" => Error::TimestampTooOld,
        "mailgun-webhook-01i" => Error::TimestampInFuture,
        "mailgun-webhook-01j" => malformed(Field::Timestamp, 2),
        other => panic!("{other}: no expected error listed for this rejecting vector"),
    }
}

/// Vectors whose expectation follows the Java SDK where callsign follows the
/// Node and Python SDKs (their `sdk_divergence`): a webhook without the
/// algorithm header is HmacSHA256.
const FOLLOWS_NODE_AND_PYTHON: [&str; 1] = ["sinch-webhook-01-verifyh"];

/// Asserts a verification result against `expected.valid` / `expected.error`.
fn assert_verdict(v: &Value, result: Result<(), Error>) {
    if FOLLOWS_NODE_AND_PYTHON.contains(&id(v)) {
        let divergence = v["sdk_divergence"].as_object().expect("sdk_divergence");
        assert!(divergence.values().all(|b| b == true), "{}", id(v));
        assert_eq!(result, Ok(()), "{}", id(v));
        return;
    }
    let e = &v["expected"];
    match (e["valid"].as_bool(), e["error"].as_str()) {
        (Some(true), None) => assert_eq!(result, Ok(()), "{}", id(v)),
        (Some(false), None) => assert_eq!(result, Err(expected_rejection(id(v))), "{}", id(v)),
        (None, Some("invalid_timestamp")) => {
            assert!(
                matches!(
                    result,
                    Err(Error::Malformed {
                        field: Field::Timestamp,
                        ..
                    })
                ),
                "{}: {result:?}",
                id(v)
            );
            assert_eq!(result, Err(expected_rejection(id(v))), "{}", id(v));
        }
        other => panic!("{}: unexpected expectation {other:?}", id(v)),
    }
}

#[test]
fn generators_reproduce_every_generated_body() {
    let mut seen = BTreeMap::new();
    for (scheme, _) in SCHEMES {
        for v in vectors(scheme) {
            if v["inputs"]["body"]["encoding"] == "generated" {
                let body = body_of(&v).expect("body");
                seen.insert(v["inputs"]["body"]["rule"].to_string(), body.len());
            }
        }
    }
    assert!(seen.len() >= 2, "generated bodies seen: {seen:?}");
    // The rules the file's notes list but no vector of this file uses are
    // still checked for their first bytes.
    assert_eq!(generated_byte("byte[i] = 0x20 + (i mod 95)", 95), 0x20);
    assert_eq!(generated_byte("byte[i] = (7*i + 3) mod 256", 37), 6); // 262 mod 256
}

#[test]
fn application_signed_request_vectors() {
    let mut run = 0;
    for v in scheme_vectors("sinch.application_signed_request") {
        let vid = id(&v);
        let i = &v["inputs"];
        let body = body_of(&v);
        let digest = body.as_deref().map_or(BodyDigest::NONE, BodyDigest::of);
        // The same digest when the body is streamed in uneven chunks.
        if let Some(b) = &body {
            let mut md5 = BodyMd5::new();
            for chunk in b.chunks(4093) {
                md5.update(chunk);
            }
            assert_eq!(md5.finish(), digest, "{vid}: streamed MD5");
        }
        let request = Request::new(
            Scheme::Application,
            s(&v, "inputs", "method"),
            s(&v, "inputs", "request_target"),
            i["content_type"].as_str(),
            s(&v, "inputs", "x_timestamp"),
            &digest,
        )
        .unwrap_or_else(|e| panic!("{vid}: {e}"));
        let md5 = request.content_md5();
        assert_written(
            &md5,
            md5.to_heapless(),
            s(&v, "expected", "content_md5"),
            vid,
        );
        let sts = request.string_to_sign();
        let want_sts = s(&v, "expected", "string_to_sign");
        assert_written(&sts, sts.to_heapless(), want_sts, vid);
        assert_eq!(
            want_sts.rsplit('\n').next(),
            Some(s(&v, "expected", "canonicalized_resource")),
            "{vid}: resource"
        );
        assert!(
            want_sts.contains(&format!(
                "\n{}\n",
                s(&v, "expected", "canonicalized_headers")
            )),
            "{vid}"
        );

        let secret = s(&v, "inputs", "application_secret");
        if let Some(error) = v["expected"]["error"].as_str() {
            assert_eq!(error, "invalid_application_secret", "{vid}");
            assert!(
                matches!(
                    signing_key(secret.as_bytes()),
                    Err(Error::InvalidBase64 {
                        field: Field::Secret,
                        ..
                    })
                ),
                "{vid}: {:?}",
                signing_key(secret.as_bytes())
            );
            run += 1;
            continue;
        }
        let key = signing_key(secret.as_bytes()).unwrap_or_else(|e| panic!("{vid}: {e}"));
        let key_bytes = unhex(s(&v, "expected", "secret_key_bytes_hex"));
        let want_sig = s(&v, "expected", "signature");
        assert_eq!(
            base64(&ref_hmac(&key_bytes, want_sts.as_bytes())),
            want_sig,
            "{vid}: reference HMAC over the expected string to sign"
        );
        assert_eq!(
            request.signature(&key),
            request.signature(&HmacKey::new(&key_bytes)),
            "{vid}: decoded secret"
        );
        let auth = request
            .sign(s(&v, "inputs", "application_key"), &key)
            .unwrap_or_else(|e| panic!("{vid}: {e}"));
        assert_eq!(auth.signature(), want_sig, "{vid}: signature");
        let want_auth = s(&v, "expected", "authorization");
        assert_written(
            &auth,
            auth.to_heapless(),
            want_auth,
            &format!("{vid}: authorization"),
        );
        assert!(auth.len() <= AUTHORIZATION_MAX_LEN);
        assert_eq!(
            s(&v, "expected", "x_timestamp_header"),
            s(&v, "inputs", "x_timestamp")
        );
        if let Some(wire) = v["expected"]["wire_headers"].as_object() {
            assert_eq!(wire["Authorization"], want_auth, "{vid}: wire");
            assert_eq!(wire["x-timestamp"], i["x_timestamp"], "{vid}: wire");
            assert_eq!(wire["Content-Type"], i["content_type"], "{vid}: wire");
        }
        run += 1;
    }
    assert_eq!(run, 25);
}

/// Verifies one callback vector under `scheme` with the key fields named.
fn verify_callback(
    v: &Value,
    scheme: Scheme,
    key_field: &str,
    secret_field: &str,
) -> Result<(), Error> {
    let key = signing_key(s(v, "inputs", secret_field).as_bytes())
        .unwrap_or_else(|e| panic!("{}: {e}", id(v)));
    let verifier = CallbackVerifier::new(scheme, s(v, "inputs", key_field), &key);
    let owned = headers_of(v);
    let pairs = borrowed(&owned);
    let headers =
        CallbackHeaders::from_headers(&pairs).unwrap_or_else(|e| panic!("{}: {e}", id(v)));
    let body = body_of(v).unwrap_or_default();
    let whole = verifier.verify(
        s(v, "inputs", "method"),
        s(v, "inputs", "path"),
        &headers,
        &body,
        Checks::SignatureOnly,
    );
    // The streamed form gives the same verdict.
    let mut md5 = BodyMd5::new();
    for chunk in body.chunks(7) {
        md5.update(chunk);
    }
    let streamed = verifier.verify_digest(
        s(v, "inputs", "method"),
        s(v, "inputs", "path"),
        &headers,
        &md5.finish(),
        Checks::SignatureOnly,
    );
    assert_eq!(whole, streamed, "{}: streamed", id(v));
    whole
}

#[test]
fn application_signed_callback_vectors() {
    let mut run = 0;
    for v in scheme_vectors("sinch.application_signed_callback") {
        let result = verify_callback(
            &v,
            Scheme::Application,
            "application_key",
            "application_secret",
        );
        assert_verdict(&v, result);
        run += 1;
    }
    assert_eq!(run, 16);
}

#[test]
fn voice_v2_service_callback_vectors() {
    let mut run = 0;
    for v in scheme_vectors("sinch.voice_v2_service_callback") {
        let vid = id(&v);
        match v["operation"].as_str() {
            Some("sign") => {
                let key =
                    signing_key(s(&v, "inputs", "service_secret").as_bytes()).expect("secret");
                let body = body_of(&v);
                let request = Request::new(
                    Scheme::Service,
                    s(&v, "inputs", "method"),
                    s(&v, "inputs", "path"),
                    v["inputs"]["content_type"].as_str(),
                    s(&v, "inputs", "x_timestamp"),
                    &body.as_deref().map_or(BodyDigest::NONE, BodyDigest::of),
                )
                .unwrap_or_else(|e| panic!("{vid}: {e}"));
                assert_eq!(
                    request.content_md5().as_str(),
                    s(&v, "expected", "content_md5"),
                    "{vid}"
                );
                let sts = request.string_to_sign();
                assert_written(
                    &sts,
                    sts.to_heapless(),
                    s(&v, "expected", "string_to_sign"),
                    vid,
                );
                let auth = request
                    .sign(s(&v, "inputs", "service_key"), &key)
                    .expect("sign");
                assert_eq!(auth.signature(), s(&v, "expected", "signature"), "{vid}");
                assert_written(
                    &auth,
                    auth.to_heapless(),
                    s(&v, "expected", "authorization"),
                    vid,
                );
            }
            Some("verify") => {
                let result = verify_callback(&v, Scheme::Service, "service_key", "service_secret");
                assert_verdict(&v, result);
            }
            other => panic!("{vid}: operation {other:?}"),
        }
        run += 1;
    }
    assert_eq!(run, 8);
}

#[test]
fn webhook_hmac_sha256_nonce_vectors() {
    let mut run = 0;
    for v in scheme_vectors("sinch.webhook_hmac_sha256_nonce") {
        let vid = id(&v);
        let secret = s(&v, "inputs", "secret");
        let key = HmacKey::new(secret.as_bytes());
        let body = body_of(&v).expect("webhook vectors have a body");
        match v["operation"].as_str() {
            Some("sign") => {
                let (nonce, timestamp) = (s(&v, "inputs", "nonce"), s(&v, "inputs", "timestamp"));
                let mut signed = body.clone();
                signed.extend_from_slice(format!(".{nonce}.{timestamp}").as_bytes());
                if let Some(want) = v["expected"]["signed_data"].as_str() {
                    assert_eq!(signed, want.as_bytes(), "{vid}: signed data");
                }
                assert_eq!(
                    hex(&ref_sha256(&signed)),
                    s(&v, "expected", "signed_data_sha256"),
                    "{vid}: signed data"
                );
                let sig = webhook::sign(&key, &body, nonce, timestamp)
                    .unwrap_or_else(|e| panic!("{vid}: {e}"));
                assert_written(&sig, sig.to_heapless(), s(&v, "expected", "signature"), vid);
                assert_eq!(
                    base64(&ref_hmac(secret.as_bytes(), &signed)),
                    sig.as_str(),
                    "{vid}"
                );
            }
            Some("verify") => {
                let owned = headers_of(&v);
                let pairs = borrowed(&owned);
                let headers = webhook::WebhookHeaders::from_headers(&pairs).expect("headers");
                let result = webhook::verify(&key, &headers, &body, Checks::SignatureOnly);
                let mut mac = webhook::WebhookMac::new(&key);
                for chunk in body.chunks(1000) {
                    mac.update(chunk);
                }
                assert_eq!(
                    mac.verify(&headers, Checks::SignatureOnly),
                    result,
                    "{vid}: streamed"
                );
                assert_verdict(&v, result);
            }
            other => panic!("{vid}: operation {other:?}"),
        }
        run += 1;
    }
    assert_eq!(run, 24);
}

#[test]
fn numbers_callback_hmac_sha1_vectors() {
    let mut run = 0;
    for v in scheme_vectors("sinch.numbers_callback_hmac_sha1") {
        let vid = id(&v);
        let secret = s(&v, "inputs", "secret").as_bytes();
        let body = body_of(&v).expect("body");
        match v["operation"].as_str() {
            Some("sign") => {
                let sig = numbers::sign(secret, &body).unwrap_or_else(|e| panic!("{vid}: {e}"));
                assert_written(&sig, sig.to_heapless(), s(&v, "expected", "signature"), vid);
            }
            Some("verify") => {
                let owned = headers_of(&v);
                let pairs = borrowed(&owned);
                let header = numbers::signature_header(&pairs).expect("headers");
                assert_verdict(&v, numbers::verify(secret, header, &body));
            }
            other => panic!("{vid}: operation {other:?}"),
        }
        run += 1;
    }
    assert_eq!(run, 7);
}

#[test]
fn mailgun_webhook_signature_vectors() {
    let mut run = 0;
    for v in scheme_vectors("mailgun.webhook_signature") {
        let vid = id(&v);
        let i = &v["inputs"];
        let key = HmacKey::new(s(&v, "inputs", "signing_key").as_bytes());
        // A timestamp given as a JSON integer is signed as its decimal text.
        let timestamp = match &i["timestamp"] {
            Value::String(t) => t.clone(),
            Value::Number(n) => n.to_string(),
            other => panic!("{vid}: timestamp {other}"),
        };
        let token = s(&v, "inputs", "token");
        match v["operation"].as_str() {
            Some("sign") => {
                assert_eq!(
                    format!("{timestamp}{token}"),
                    s(&v, "expected", "signed_data"),
                    "{vid}"
                );
                let sig =
                    mailgun::sign(&key, &timestamp, token).unwrap_or_else(|e| panic!("{vid}: {e}"));
                assert_written(&sig, sig.to_heapless(), s(&v, "expected", "signature"), vid);
            }
            Some("verify") => {
                let max_age = i["max_age_seconds"].as_u64().expect("max_age_seconds");
                let checks = if max_age == 0 {
                    Checks::SignatureOnly
                } else {
                    let now = i["now_epoch_seconds"].as_u64().expect("now");
                    Checks::Fresh(Freshness::new(now, max_age))
                };
                let result = mailgun::verify(
                    &key,
                    &timestamp,
                    token,
                    s(&v, "inputs", "signature"),
                    checks,
                );
                assert_verdict(&v, result);
            }
            other => panic!("{vid}: operation {other:?}"),
        }
        run += 1;
    }
    assert_eq!(run, 16);
}

#[test]
fn no_other_signing_scheme_is_left_out() {
    let path = vectors_dir().join("sinch_mailgun.json");
    let doc: Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("read")).expect("JSON");
    let mut schemes = BTreeMap::new();
    for v in doc["vectors"].as_array().expect("vectors") {
        *schemes
            .entry(v["scheme"].as_str().expect("scheme").to_owned())
            .or_insert(0) += 1;
    }
    for (scheme, n) in &schemes {
        let covered = SCHEMES.iter().any(|(s, count)| s == scheme && count == n);
        let elsewhere = matches!(
            scheme.as_str(),
            "sinch.basic_auth" | "mailgun.basic_auth" | "sinch.oauth2_client_credentials"
        );
        assert!(covered || elsewhere, "{scheme} ({n} vectors) is not run");
    }
}
