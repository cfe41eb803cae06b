//! `callsign send` end to end: the binary sends to a local HTTP server on
//! 127.0.0.1 that checks the signature with its own implementation of the
//! seeds' formulas (the `hmac`, `sha2` and `base64` crates, not callsign's
//! code), checks Created against its own clock, and answers with the
//! seeds' sample responses, error codes included.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::process::{Command, Output, Stdio};
use std::thread::JoinHandle;

use base64::Engine as _;
use hmac::Mac as _;
use serde_json::Value;
use sha2::Digest as _;

const APP_KEY: &str = "a1B2c3D4e5F6g7H8i9J0kLmNoPqR";
const SECRET: &str = "Zy9Xw8Vu7Ts6Rq5Po4Nm3Lk2Ji1H";

/// What the server received, and what it found.
#[derive(Debug)]
struct Seen {
    path: String,
    content_type: String,
    body: String,
    signature_ok: bool,
    created: i64,
}

#[derive(Clone, Copy)]
enum Scheme {
    XAksk,
    XWsse,
}

/// The server's clock: a fixed instant, so a device clock two years later
/// is "too far" (Fri, 01 Mar 2024 08:15:30 GMT).
const SERVER_NOW: i64 = 1_709_280_930;
const SERVER_DATE: &str = "Fri, 01 Mar 2024 08:15:30 GMT";

fn unix_of(created: &str) -> i64 {
    let t = time::OffsetDateTime::parse(created, &time::format_description::well_known::Rfc3339)
        .unwrap();
    t.unix_timestamp()
}

/// The seed formulas (huawei.md §1, §2), computed here.
fn expected_digest(scheme: Scheme, nonce: &str, created: &str) -> String {
    let b64 = base64::engine::general_purpose::STANDARD;
    match scheme {
        Scheme::XAksk => {
            let mut mac =
                <hmac::Hmac<sha2::Sha256> as hmac::KeyInit>::new_from_slice(SECRET.as_bytes())
                    .unwrap();
            mac.update(format!("{nonce}{created}").as_bytes());
            b64.encode(mac.finalize().into_bytes())
        }
        Scheme::XWsse => {
            let digest = sha2::Sha256::digest(format!("{nonce}{created}{SECRET}").as_bytes());
            let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
            b64.encode(hex)
        }
    }
}

/// `UsernameToken Username="..",PasswordDigest="..",Nonce="..",Created=".."`.
fn token_fields(value: &str) -> Option<(String, String, String, String)> {
    let rest = value.strip_prefix("UsernameToken ")?;
    let mut fields = std::collections::HashMap::new();
    for part in rest.split(',') {
        let (k, v) = part.split_once('=')?;
        fields.insert(k.to_owned(), v.trim_matches('"').to_owned());
    }
    Some((
        fields.remove("Username")?,
        fields.remove("PasswordDigest")?,
        fields.remove("Nonce")?,
        fields.remove("Created")?,
    ))
}

/// Serves `requests` requests, then returns what it saw. `success` is the
/// body of a 200 answer.
fn serve(
    scheme: Scheme,
    requests: usize,
    success: &'static str,
) -> (String, JoinHandle<Vec<Seen>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let endpoint = format!("http://{}", listener.local_addr().unwrap());
    let handle = std::thread::spawn(move || {
        let mut seen = Vec::new();
        for _ in 0..requests {
            let (stream, _) = listener.accept().unwrap();
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut line = String::new();
            reader.read_line(&mut line).unwrap();
            let path = line.split(' ').nth(1).unwrap_or("").to_owned();
            let mut headers = std::collections::HashMap::new();
            loop {
                let mut h = String::new();
                reader.read_line(&mut h).unwrap();
                let h = h.trim_end();
                if h.is_empty() {
                    break;
                }
                let (k, v) = h.split_once(':').unwrap();
                headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_owned());
            }
            let len: usize = headers
                .get("content-length")
                .map_or(0, |l| l.parse().unwrap());
            let mut body = vec![0u8; len];
            reader.read_exact(&mut body).unwrap();
            let (token_header, authorization) = match scheme {
                Scheme::XAksk => (
                    "x-aksk",
                    r#"AKSK realm="SDP",profile="UsernameToken",type="Appkey""#,
                ),
                Scheme::XWsse => (
                    "x-wsse",
                    r#"WSSE realm="SDP",profile="UsernameToken",type="Appkey""#,
                ),
            };
            let token = headers.get(token_header).and_then(|v| token_fields(v));
            let (signature_ok, created) = match &token {
                Some((user, digest, nonce, created)) => (
                    user == APP_KEY
                        && headers.get("authorization").map(String::as_str) == Some(authorization)
                        && *digest == expected_digest(scheme, nonce, created),
                    unix_of(created),
                ),
                None => (false, 0),
            };
            let (status, answer) = if !signature_ok {
                (
                    401,
                    r#"{"resultcode":"1010010","resultdesc":"Invalid digest."}"#,
                )
            } else if matches!(scheme, Scheme::XAksk) && (created - SERVER_NOW).abs() > 300 {
                (
                    401,
                    r#"{"resultcode":"1010013","resultdesc":"Time out limit."}"#,
                )
            } else {
                (200, success)
            };
            let mut stream = stream;
            write!(
                stream,
                "HTTP/1.1 {status} X\r\nContent-Type: application/json;charset=UTF-8\r\nDate: {SERVER_DATE}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{answer}",
                answer.len()
            )
            .unwrap();
            seen.push(Seen {
                path,
                content_type: headers.get("content-type").cloned().unwrap_or_default(),
                body: String::from_utf8(body).unwrap(),
                signature_ok,
                created,
            });
        }
        seen
    });
    (endpoint, handle)
}

fn send(kind: &str, endpoint: &str, secret: &str, fields: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_callsign"))
        .args([
            "send",
            kind,
            "--endpoint",
            endpoint,
            "--app-key",
            APP_KEY,
            "--timeout",
            "10",
        ])
        .env("CALLSIGN_SECRET", secret)
        .env_remove("CALLSIGN_SECRET_HEX")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(fields.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn json_out(o: &Output) -> Value {
    let out = String::from_utf8(o.stdout.clone()).unwrap();
    serde_json::from_str(&out).unwrap_or_else(|e| {
        panic!(
            "{e}: stdout {out:?} stderr {:?}",
            String::from_utf8_lossy(&o.stderr)
        )
    })
}

const CLICK2CALL: &str = r#"{"fields":{"displayNbr":"+8675528000088","callerNbr":"+8613500000001","displayCalleeNbr":"+8675528000088","calleeNbr":"+8613500000002","userData":"cwgtest"}}"#;

#[test]
fn click2call_fixes_the_clock_from_the_date_header_and_retries_once() {
    let success = r#"{ "resultcode":"0", "resultdesc":"Success", "sessionId":"1202_566_0_20161228102743@callenabler.home1.com" }"#;
    let (endpoint, server) = serve(Scheme::XAksk, 2, success);
    let o = send("huawei-click2call", &endpoint, SECRET, CLICK2CALL);
    let seen = server.join().unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let out = json_out(&o);
    assert_eq!(out["attempts"], 2);
    assert_eq!(out["http_status"], 200);
    assert_eq!(out["category"], "success");
    assert_eq!(
        out["fields"]["sessionId"],
        "1202_566_0_20161228102743@callenabler.home1.com"
    );
    assert!(out["clock_offset_secs"].as_i64().unwrap() < -300, "{out}");

    assert_eq!(seen.len(), 2);
    for s in &seen {
        assert!(s.signature_ok, "{s:?}");
        assert_eq!(s.path, "/rest/httpsessions/click2Call/v2.0");
        assert_eq!(s.content_type, "application/json;charset=UTF-8");
        assert_eq!(
            s.body,
            r#"{"displayNbr":"+8675528000088","callerNbr":"+8613500000001","displayCalleeNbr":"+8675528000088","calleeNbr":"+8613500000002","userData":"cwgtest"}"#
        );
    }
    // The first Created was the device's (now), the second the server's.
    assert!((seen[0].created - SERVER_NOW).abs() > 300);
    assert!((seen[1].created - SERVER_NOW).abs() <= 300, "{:?}", seen[1]);
}

#[test]
fn a_wrong_secret_is_fix_credentials_and_not_retried() {
    let (endpoint, server) = serve(Scheme::XAksk, 1, "{}");
    let stop = r#"{"fields":{"sessionid":"1200_366_0_20161228102743@callenabler.home1.com","signal":"call_stop"}}"#;
    let o = send("huawei-callstop", &endpoint, "not-the-secret", stop);
    let seen = server.join().unwrap();
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let out = json_out(&o);
    assert_eq!(out["attempts"], 1);
    assert_eq!(out["http_status"], 401);
    assert_eq!(out["category"], "fix-credentials");
    assert_eq!(out["fields"]["resultcode"], "1010010");
    assert!(!seen[0].signature_ok);
    assert_eq!(seen[0].path, "/rest/httpsessions/callStop/v2.0");
}

#[test]
fn sms_batch_is_signed_with_x_wsse_and_form_encoded() {
    let success = r#"{"result":[{"originTo":"+8615123456789","createTime":"2018-05-25T16:34:34Z","from":"1069******0012","smsMsgId":"d6e3cdd0-522b-4692-8304-a07553cdf591_8539659","status":"000000"}],"code":"000000","description":"Success"}"#;
    let (endpoint, server) = serve(Scheme::XWsse, 1, success);
    let sms = r#"{"fields":{"from":"csms12345678","to":"+8615123456789","templateId":"8ff55eac1d0b478ab3c06c3c6a492300","templateParas":"[\"369751\"]"}}"#;
    let o = send("huawei-sms-batch", &format!("{endpoint}/"), SECRET, sms);
    let seen = server.join().unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let out = json_out(&o);
    assert_eq!(out["category"], "success");
    assert_eq!(out["per_number_success"], serde_json::json!([true]));
    assert_eq!(
        out["fields"]["result"][0]["smsMsgId"],
        "d6e3cdd0-522b-4692-8304-a07553cdf591_8539659"
    );
    assert_eq!(out["attempts"], 1);
    assert_eq!(seen.len(), 1);
    assert!(seen[0].signature_ok, "{seen:?}");
    assert_eq!(seen[0].path, "/sms/batchSendSms/v1");
    assert_eq!(seen[0].content_type, "application/x-www-form-urlencoded");
    assert_eq!(
        seen[0].body,
        "from=csms12345678&to=%2B8615123456789&templateId=8ff55eac1d0b478ab3c06c3c6a492300&templateParas=%5B%22369751%22%5D"
    );
}

#[test]
fn an_invalid_field_is_refused_before_anything_is_sent() {
    let o = send(
        "huawei-callstop",
        "http://127.0.0.1:9",
        SECRET,
        r#"{"fields":{"sessionid":"s","signal":"stop"}}"#,
    );
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(err.starts_with("callsign: error: signal: "), "{err}");
    assert_eq!(err.lines().count(), 1);
}
