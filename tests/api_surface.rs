//! Every vector of `tests/vectors/api-surface.json` through the Rust API
//! (`callsign-core`'s builders and parsers, reached through the JSON
//! mapping of `callsign_cli`): bodies compared byte for byte, parsed fields
//! and derived values compared, and for invalid inputs the field named.

mod api_common;

use std::collections::BTreeMap;

use api_common::{cli_kind, expected_error_field, input, is_build, vectors};
use callsign_cli::api_build::{build, field_path, BUILD_KINDS};
use callsign_cli::api_parse::{parse, Context, PARSE_KINDS};
use serde_json::Value;

/// The kinds this test must run, as `build KIND` and `parse KIND`: a vector
/// of one of them that does not run fails the test.
fn implemented() -> Vec<String> {
    let build = BUILD_KINDS.iter().map(|k| format!("build {k}"));
    build
        .chain(PARSE_KINDS.iter().map(|k| format!("parse {k}")))
        .collect()
}

/// `build KIND` or `parse KIND` of a vector.
fn verb_kind(v: &Value) -> String {
    let verb = if is_build(v) { "build" } else { "parse" };
    format!("{verb} {}", cli_kind(v))
}

fn run(v: &Value) -> Result<Value, callsign_core::Error> {
    let kind = cli_kind(v);
    if is_build(v) {
        build(kind, &input(v))
    } else {
        let input = &v["input"];
        let ctx = Context {
            http_status: input["http_status"].as_u64().map(|s| s as u16),
            content_type: input["content_type"].as_str().map(str::to_owned),
            received_at: input["received_at_unix"].as_u64(),
        };
        parse(kind, input["raw"].as_str().unwrap(), &ctx)
    }
}

/// Compares a successful output with `expected`: builders' method, path,
/// content type and body byte for byte; parsers' fields (`null` = absent)
/// and every derived value the vector names.
fn check_output(id: &str, got: &Value, expected: &Value) {
    let Some(want) = expected.as_object() else {
        panic!("{id}: expected is not an object")
    };
    for (key, want) in want {
        if key == "fields" {
            same_fields(id, &got["fields"], want);
        } else {
            assert_eq!(&got[key], want, "{id}: {key}");
        }
    }
}

/// `got` matches `want`, where a `null` in `want` means absent.
fn same_fields(id: &str, got: &Value, want: &Value) {
    match want {
        Value::Object(want) => {
            for (k, w) in want {
                same_fields(&format!("{id}.{k}"), got.get(k).unwrap_or(&Value::Null), w);
            }
        }
        Value::Array(want) => {
            let got = got
                .as_array()
                .unwrap_or_else(|| panic!("{id}: not an array: {got}"));
            assert_eq!(got.len(), want.len(), "{id}: length");
            for (i, (g, w)) in got.iter().zip(want).enumerate() {
                same_fields(&format!("{id}[{i}]"), g, w);
            }
        }
        _ => assert_eq!(got, want, "{id}"),
    }
}

#[test]
fn every_api_surface_vector_of_the_implemented_kinds() {
    let mut passed: BTreeMap<String, usize> = BTreeMap::new();
    let mut not_run: BTreeMap<String, usize> = BTreeMap::new();
    for v in vectors() {
        let id = v["id"].as_str().unwrap();
        let kind = verb_kind(&v);
        if !implemented().contains(&kind) {
            *not_run.entry(kind).or_default() += 1;
            continue;
        }
        let got = run(&v);
        match (expected_error_field(&v), got) {
            (None, Ok(out)) => check_output(id, &out, &v["expected"]),
            (None, Err(e)) => panic!("{id}: expected success, got error {e}"),
            (Some(_), Ok(out)) => panic!("{id}: expected an error, got {out}"),
            (Some(field), Err(e)) => {
                if let Some(field) = field {
                    assert_eq!(field_path(&e).as_deref(), Some(field), "{id}: {e}");
                }
            }
        }
        *passed.entry(kind).or_default() += 1;
    }
    for (kind, n) in &passed {
        println!("api-surface: {kind}: {n} vectors passed");
    }
    for (kind, n) in &not_run {
        println!("api-surface: {kind}: {n} vectors not run (not implemented)");
    }
    for kind in implemented() {
        assert!(
            passed.get(&kind).copied().unwrap_or(0) > 0,
            "no vector of {kind} ran"
        );
    }
}

/// The push X-AKSK, checked against a digest computed here with the `hmac`
/// and `sha2` crates (not callsign's code) from spec §2.1's formula.
#[test]
fn voice_push_verification() {
    use base64::Engine as _;
    use callsign_core::huawei::verify::ParsedToken;
    use callsign_core::huawei::voice_push::verify_push;
    use callsign_core::verify::{Checks, Freshness, ReplayCache};
    use callsign_core::{Error, HmacKey};
    use hmac::Mac as _;

    const APP: &str = "a1B2c3D4e5F6g7H8i9J0kLmNoPqR";
    let (secret, url, nonce, created) = (
        b"Zy9Xw8Vu7Ts6Rq5Po4Nm3Lk2Ji1H",
        "https://example.com/voice/status",
        "66c92b11ff8a425fb8d4ccfe0ed9ed1f",
        "2024-03-01T08:15:30Z",
    );
    let mut mac =
        <hmac::Hmac<sha2::Sha256> as hmac::digest::KeyInit>::new_from_slice(secret).unwrap();
    mac.update(format!("{url}{nonce}{created}").as_bytes());
    let digest = base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes());
    let header = format!(
        r#"UsernameToken Username="a1B2c3D4e5F6g7H8i9J0kLmNoPqR",PasswordDigest="{digest}",Nonce="{nonce}",Created="{created}""#
    );
    let token = ParsedToken::parse(&header).unwrap();
    let key = HmacKey::new(secret);
    let now = 1_709_280_930 + 30;
    let mut seen = ReplayCache::<8>::default();
    let window = Freshness::default_window(now);
    assert_eq!(
        verify_push(&token, APP, &key, url, Checks::FreshOnce(window, &mut seen)).map(|_| ()),
        Ok(())
    );
    assert_eq!(
        verify_push(&token, APP, &key, url, Checks::FreshOnce(window, &mut seen)),
        Err(Error::Replay)
    );
    // Another Username on the same push is the same push (the digest is
    // its fingerprint), and a verifier told the application refuses it.
    let renamed = header.replace(APP, "A1B2C3D4E5F6G7H8I9J0KLMNOPQR");
    let token2 = ParsedToken::parse(&renamed).unwrap();
    assert_eq!(
        verify_push(
            &token2,
            "A1B2C3D4E5F6G7H8I9J0KLMNOPQR",
            &key,
            url,
            Checks::FreshOnce(window, &mut seen)
        ),
        Err(Error::Replay)
    );
    assert_eq!(
        verify_push(&token2, APP, &key, url, Checks::SignatureOnly),
        Err(Error::KeyMismatch)
    );
    assert_eq!(
        verify_push(
            &token,
            APP,
            &key,
            "https://example.com/voice/fee",
            Checks::SignatureOnly
        ),
        Err(Error::SignatureMismatch)
    );
    assert_eq!(
        verify_push(
            &token,
            APP,
            &HmacKey::new(b"other"),
            url,
            Checks::SignatureOnly
        ),
        Err(Error::SignatureMismatch)
    );
    assert_eq!(
        verify_push(
            &token,
            APP,
            &key,
            url,
            Checks::Fresh(Freshness::default_window(now + 3600))
        ),
        Err(Error::TimestampTooOld)
    );
}
