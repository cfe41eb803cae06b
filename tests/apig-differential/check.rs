//! Differential check of `huawei::apig` against the reference signer: reads
//! the JSON lines written by generate.py (requests and what
//! huaweicloudsdkcore made of them), signs each request with callsign
//! (variant Core) and compares everything. Prints the first mismatches in
//! full and ends with `apig-differential: N passed, M failed`; exits 1 on
//! any failure.
//!
//! Usage: `cargo run --example apig-differential -- cases.jsonl`
//! (tests/apig-differential/run.sh does it all).

use std::collections::BTreeMap;
use std::process::ExitCode;

use callsign_core::huawei::apig::{Algorithm, Body, Request, Signer, Variant, SECRET_MAX_LEN};
use callsign_core::{Emit, Error, Field, Timestamp};
use serde_json::Value;

/// How many failures are shown in full.
const SHOWN: usize = 5;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: apig-differential CASES.jsonl");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("apig-differential: {path}: {e}");
            return ExitCode::from(2);
        }
    };
    let (mut passed, mut failed) = (0usize, 0usize);
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let outcome = serde_json::from_str::<Value>(line)
            .map_err(|e| format!("not JSON: {e}"))
            .and_then(|case| check(&case).map_err(|why| format!("case {}: {why}", case["id"])));
        match outcome {
            Ok(()) => passed += 1,
            Err(why) => {
                failed += 1;
                if failed <= SHOWN {
                    eprintln!("{why}\n");
                }
            }
        }
    }
    if passed + failed == 0 {
        eprintln!("apig-differential: no cases in {path}");
        return ExitCode::from(2);
    }
    println!("apig-differential: {passed} passed, {failed} failed");
    if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn field<'v>(case: &'v Value, name: &str) -> Result<&'v str, String> {
    case[name]
        .as_str()
        .ok_or_else(|| format!("{name} missing or not a string"))
}

fn pairs(case: &Value, name: &str) -> Result<Vec<(String, String)>, String> {
    let list = case[name]
        .as_array()
        .ok_or_else(|| format!("{name} missing"))?;
    list.iter()
        .map(|p| match (p[0].as_str(), p[1].as_str()) {
            (Some(n), Some(v)) => Ok((n.to_owned(), v.to_owned())),
            _ => Err(format!("{name}: not a list of pairs of strings")),
        })
        .collect()
}

fn unhex(text: &str) -> Result<Vec<u8>, String> {
    (0..text.len())
        .step_by(2)
        .map(|i| {
            text.get(i..i + 2)
                .and_then(|pair| u8::from_str_radix(pair, 16).ok())
                .ok_or_else(|| format!("bad hex {text:?}"))
        })
        .collect()
}

/// The callsign error for each error the reference raises.
fn expected_error(reference: &str) -> Option<Error> {
    match reference {
        "ValueError: sk is required in credentials" => Some(Error::InvalidLength {
            field: Field::Secret,
            min: 1,
            max: SECRET_MAX_LEN,
            actual: 0,
        }),
        _ => None,
    }
}

fn text(value: &impl Emit) -> Result<String, String> {
    let mut buf = vec![0u8; value.len()];
    value.write(&mut buf).map_err(|e| e.to_string())?;
    String::from_utf8(buf).map_err(|e| e.to_string())
}

fn compare(what: &str, ours: &str, reference: &str) -> Result<(), String> {
    if ours == reference {
        Ok(())
    } else {
        Err(format!(
            "{what} differs\n  callsign:  {ours:?}\n  reference: {reference:?}"
        ))
    }
}

fn check(case: &Value) -> Result<(), String> {
    let query = pairs(case, "query")?;
    let headers = pairs(case, "headers")?;
    let body = unhex(field(case, "body_hex")?)?;
    let secret = unhex(field(case, "secret_hex")?)?;
    let algorithm = match field(case, "algorithm")? {
        "sdk-hmac-sha256" => Algorithm::SdkHmacSha256,
        "sdk-hmac-sm3" => Algorithm::SdkHmacSm3,
        "v11-hmac-sha256" => Algorithm::V11HmacSha256 {
            region: field(case, "region")?,
            service: field(case, "service")?,
        },
        other => return Err(format!("unknown algorithm {other}")),
    };
    let query: Vec<(&str, &str)> = query
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    let headers: Vec<(&str, &str)> = headers
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    let request = Request::new(
        field(case, "method")?,
        field(case, "host")?,
        field(case, "path")?,
        Timestamp::UNIX_EPOCH, // every case has an X-Sdk-Date header
    )
    .with_query(&query)
    .with_headers(&headers)
    .with_body(Body::Bytes(&body));
    let signer = Signer::new(field(case, "app_key")?, &secret, algorithm, Variant::Core);
    let signed = signer.and_then(|s| {
        s.sign_with::<64, 64>(&request)
            .map(|signed| Signed::of(&signed))
    });
    let expected = &case["expected"];
    if let Some(reference) = expected["error"].as_str() {
        let want = expected_error(reference).ok_or_else(|| {
            format!("the reference refused with {reference:?}, which callsign does not map")
        })?;
        return match signed {
            Err(e) if e == want => Ok(()),
            other => Err(format!("reference: {reference}; callsign: {other:?}")),
        };
    }
    let ours =
        signed.map_err(|e| format!("callsign refused: {e} ({e:?}); the reference signed"))??;
    compare(
        "canonical request",
        &ours.canonical_request,
        field(expected, "canonical_request")?,
    )?;
    compare(
        "string to sign",
        &ours.string_to_sign,
        field(expected, "string_to_sign")?,
    )?;
    compare(
        "signed headers",
        &ours.signed_headers,
        field(expected, "signed_headers")?,
    )?;
    compare(
        "authorization",
        &ours.authorization,
        field(expected, "authorization")?,
    )?;
    compare(
        "request target",
        &ours.request_target,
        field(expected, "request_uri")?,
    )?;
    let reference_added: BTreeMap<String, String> = expected["headers_added"]
        .as_object()
        .ok_or("headers_added missing")?
        .iter()
        .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_owned()))
        .collect();
    if ours.headers_added != reference_added {
        return Err(format!(
            "headers added differ\n  callsign:  {:?}\n  reference: {reference_added:?}",
            ours.headers_added
        ));
    }
    Ok(())
}

/// Everything callsign produced for a case, as text.
#[derive(Debug)]
struct Signed {
    canonical_request: String,
    string_to_sign: String,
    signed_headers: String,
    authorization: String,
    request_target: String,
    headers_added: BTreeMap<String, String>,
}

impl Signed {
    fn of<const H: usize, const Q: usize>(
        signed: &callsign_core::huawei::apig::SignedRequest<'_, H, Q>,
    ) -> Result<Self, String> {
        Ok(Signed {
            canonical_request: text(&signed.canonical_request())?,
            string_to_sign: text(&signed.string_to_sign())?,
            signed_headers: text(&signed.signed_headers())?,
            authorization: text(&signed.authorization())?,
            request_target: text(&signed.request_target())?,
            headers_added: signed
                .headers_added()
                .iter()
                .map(|&(n, v)| (n.to_owned(), v.to_owned()))
                .collect(),
        })
    }
}
