//! The Sinch, Mailgun and verify subcommands of the `callsign` binary, run
//! as a script would run them, on every vector of their schemes (and the
//! Huawei X-AKSK / X-WSSE vectors through `verify`).

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;

fn vectors(file: &str, scheme: &str) -> Vec<Value> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/vectors")
        .join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    let json: Value = serde_json::from_str(&text).expect("JSON");
    json["vectors"]
        .as_array()
        .expect("vectors")
        .iter()
        .filter(|v| v["scheme"] == scheme)
        .cloned()
        .collect()
}

fn callsign(args: &[String], secret: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_callsign"))
        .args(args)
        .env_remove("CALLSIGN_SECRET_HEX")
        .env("CALLSIGN_SECRET", secret)
        .output()
        .expect("run callsign")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("UTF-8")
}

fn id(v: &Value) -> &str {
    v["id"].as_str().expect("id")
}

fn s<'v>(v: &'v Value, section: &str, field: &str) -> &'v str {
    v[section][field]
        .as_str()
        .unwrap_or_else(|| panic!("{}: {section}.{field}", id(v)))
}

fn args(list: &[&str]) -> Vec<String> {
    list.iter().map(|a| a.to_string()).collect()
}

/// Body arguments for a vector: `--body TEXT`, or `--body-file` with a
/// generated body written to a temporary file; nothing for `null`.
fn body_args(v: &Value) -> Vec<String> {
    let b = &v["inputs"]["body"];
    match b["encoding"].as_str() {
        None => Vec::new(),
        Some("utf8") => args(&["--body", b["value"].as_str().expect("value")]),
        Some("generated") => {
            let len = b["length"].as_u64().expect("length") as usize;
            let rule = b["rule"].as_str().expect("rule");
            let body: Vec<u8> = (0..len)
                .map(|i| match rule {
                    "byte[i] = 0x61 + (i mod 26)" => 0x61 + (i % 26) as u8,
                    "byte[i] = i mod 251" => (i % 251) as u8,
                    other => panic!("rule {other}"),
                })
                .collect();
            let path = std::env::temp_dir().join(format!(
                "callsign-cli-sinch-{}-{}.bin",
                std::process::id(),
                id(v)
            ));
            std::fs::write(&path, body).expect("write body file");
            vec!["--body-file".into(), path.display().to_string()]
        }
        other => panic!("{}: encoding {other:?}", id(v)),
    }
}

fn header_args(v: &Value) -> Vec<String> {
    v["inputs"]["headers"]
        .as_array()
        .expect("headers")
        .iter()
        .flat_map(|p| {
            [
                "--header".to_owned(),
                format!(
                    "{}: {}",
                    p[0].as_str().expect("name"),
                    p[1].as_str().expect("value")
                ),
            ]
        })
        .collect()
}

/// Asserts `valid` / exit 0, or `invalid: …` / exit 1, as the vector says
/// (or, for the one vector where callsign follows the Node and Python SDKs
/// rather than Java's, as they say: no algorithm header is HmacSHA256).
fn assert_verdict(v: &Value, o: &Output) {
    let vid = id(v);
    assert!(o.stderr.is_empty(), "{vid}: stderr {}", stderr(o));
    let out = stdout(o);
    if v["expected"]["valid"] == true || vid == "sinch-webhook-01-verifyh" {
        assert_eq!(
            (o.status.code(), out.as_str()),
            (Some(0), "valid\n"),
            "{vid}"
        );
    } else {
        assert_eq!(o.status.code(), Some(1), "{vid}: {out}");
        assert!(
            out.starts_with("invalid: ") && out.ends_with('\n') && out.lines().count() == 1,
            "{vid}: {out:?}"
        );
    }
}

/// Asserts a usage error: status 2, nothing on stdout, one line on stderr
/// mentioning `needle`.
fn assert_usage_error(o: &Output, needle: &str) {
    assert_eq!(
        o.status.code(),
        Some(2),
        "stdout {} stderr {}",
        stdout(o),
        stderr(o)
    );
    assert!(o.stdout.is_empty(), "stdout: {}", stdout(o));
    let err = stderr(o);
    assert_eq!(err.lines().count(), 1, "not one line: {err:?}");
    assert!(err.contains(needle), "{err:?} should mention {needle:?}");
}

#[test]
fn sinch_signs_every_application_request_vector() {
    let mut n = 0;
    for v in vectors("sinch_mailgun.json", "sinch.application_signed_request") {
        let i = &v["inputs"];
        let mut a = args(&[
            "sinch",
            "--key",
            s(&v, "inputs", "application_key"),
            "--method",
            s(&v, "inputs", "method"),
            "--target",
            s(&v, "inputs", "request_target"),
            "--timestamp",
            s(&v, "inputs", "x_timestamp"),
            "--explain",
        ]);
        if let Some(ct) = i["content_type"].as_str() {
            a.extend(args(&["--content-type", ct]));
        }
        a.extend(body_args(&v));
        let o = callsign(&a, s(&v, "inputs", "application_secret"));
        if v["expected"]["error"] == "invalid_application_secret" {
            assert_usage_error(&o, "not valid Base64");
        } else {
            assert!(o.status.success(), "{}: {}", id(&v), stderr(&o));
            let out = stdout(&o);
            let want = format!(
                "x-timestamp: {}\nAuthorization: {}\n\n== Content-MD5 ==\n{}\n\n== String to sign ==\n{}\n",
                s(&v, "expected", "x_timestamp_header"),
                s(&v, "expected", "authorization"),
                s(&v, "expected", "content_md5"),
                s(&v, "expected", "string_to_sign"),
            );
            assert_eq!(out, want, "{}", id(&v));
        }
        n += 1;
    }
    assert_eq!(n, 25);
}

#[test]
fn without_explain_sinch_prints_exactly_two_lines() {
    let o = callsign(
        &args(&[
            "sinch",
            "--key",
            "a3c1e6b2-4f0d-4b8e-9c7a-2d5e8f1b0c93",
            "--method",
            "get",
            "--target",
            "/calling/v1/calls/id/4398599d1ba84ef3bde0a82dfb61abed",
            "--content-type",
            "application/json",
            "--timestamp",
            "2024-03-14T09:27:00.001Z",
        ]),
        "KjWBqwG3Xh9nfzC6p+L7cA==",
    );
    assert_eq!(
        stdout(&o),
        "x-timestamp: 2024-03-14T09:27:00.001Z\nAuthorization: Application a3c1e6b2-4f0d-4b8e-9c7a-2d5e8f1b0c93:aRqW5LMCfE761TzArkvI/SngfcIkR1WnPMVkxe23Ac8=\n"
    );
}

#[test]
fn verify_sinch_on_every_callback_vector() {
    let mut n = 0;
    for (scheme, sub) in [
        ("sinch.application_signed_callback", "sinch"),
        ("sinch.voice_v2_service_callback", "sinch-service"),
    ] {
        for v in vectors("sinch_mailgun.json", scheme) {
            let (key, secret) = if sub == "sinch" {
                ("application_key", "application_secret")
            } else {
                ("service_key", "service_secret")
            };
            if v["operation"] == "sign" {
                let mut a = args(&[
                    "sinch",
                    "--service",
                    "--key",
                    s(&v, "inputs", key),
                    "--method",
                    s(&v, "inputs", "method"),
                    "--target",
                    s(&v, "inputs", "path"),
                    "--content-type",
                    s(&v, "inputs", "content_type"),
                    "--timestamp",
                    s(&v, "inputs", "x_timestamp"),
                ]);
                a.extend(body_args(&v));
                let o = callsign(&a, s(&v, "inputs", secret));
                assert_eq!(
                    stdout(&o),
                    format!(
                        "x-timestamp: {}\nAuthorization: {}\n",
                        s(&v, "inputs", "x_timestamp"),
                        s(&v, "expected", "authorization")
                    ),
                    "{}: {}",
                    id(&v),
                    stderr(&o)
                );
            } else {
                let mut a = args(&[
                    "verify",
                    sub,
                    "--no-time-check",
                    "--key",
                    s(&v, "inputs", key),
                    "--method",
                    s(&v, "inputs", "method"),
                    "--path",
                    s(&v, "inputs", "path"),
                ]);
                a.extend(header_args(&v));
                a.extend(body_args(&v));
                assert_verdict(&v, &callsign(&a, s(&v, "inputs", secret)));
            }
            n += 1;
        }
    }
    assert_eq!(n, 16 + 8);
}

#[test]
fn sinch_webhook_on_every_vector() {
    let mut n = 0;
    for v in vectors("sinch_mailgun.json", "sinch.webhook_hmac_sha256_nonce") {
        let secret = s(&v, "inputs", "secret");
        if v["operation"] == "sign" {
            let mut a = args(&[
                "sinch-webhook",
                "--nonce",
                s(&v, "inputs", "nonce"),
                "--timestamp",
                s(&v, "inputs", "timestamp"),
            ]);
            a.extend(body_args(&v));
            let o = callsign(&a, secret);
            assert_eq!(
                stdout(&o),
                format!(
                    "x-sinch-webhook-signature: {}\n",
                    s(&v, "expected", "signature")
                ),
                "{}: {}",
                id(&v),
                stderr(&o)
            );
        } else {
            let mut a = args(&["verify", "sinch-webhook", "--no-time-check"]);
            a.extend(header_args(&v));
            a.extend(body_args(&v));
            assert_verdict(&v, &callsign(&a, secret));
        }
        n += 1;
    }
    assert_eq!(n, 24);
}

#[test]
fn sinch_numbers_on_every_vector() {
    let mut n = 0;
    for v in vectors("sinch_mailgun.json", "sinch.numbers_callback_hmac_sha1") {
        let secret = s(&v, "inputs", "secret");
        if v["operation"] == "sign" {
            let mut a = args(&["sinch-numbers"]);
            a.extend(body_args(&v));
            let o = callsign(&a, secret);
            assert_eq!(
                stdout(&o),
                format!("X-Sinch-Signature: {}\n", s(&v, "expected", "signature")),
                "{}",
                id(&v)
            );
        } else {
            let mut a = args(&["verify", "sinch-numbers"]);
            a.extend(header_args(&v));
            a.extend(body_args(&v));
            assert_verdict(&v, &callsign(&a, secret));
        }
        n += 1;
    }
    assert_eq!(n, 7);
}

#[test]
fn mailgun_webhook_on_every_vector() {
    let mut n = 0;
    for v in vectors("sinch_mailgun.json", "mailgun.webhook_signature") {
        let i = &v["inputs"];
        let secret = s(&v, "inputs", "signing_key");
        let timestamp = match &i["timestamp"] {
            Value::String(t) => t.clone(),
            other => other.to_string(),
        };
        let token = s(&v, "inputs", "token");
        if v["operation"] == "sign" {
            let o = callsign(
                &args(&[
                    "mailgun-webhook",
                    "--timestamp",
                    &timestamp,
                    "--token",
                    token,
                ]),
                secret,
            );
            assert_eq!(
                stdout(&o),
                format!("signature: {}\n", s(&v, "expected", "signature")),
                "{}",
                id(&v)
            );
        } else {
            let mut a = args(&[
                "verify",
                "mailgun-webhook",
                "--timestamp",
                &timestamp,
                "--token",
                token,
                "--signature",
                s(&v, "inputs", "signature"),
            ]);
            let max_age = i["max_age_seconds"].as_u64().expect("max_age_seconds");
            if max_age == 0 {
                a.push("--no-time-check".into());
            } else {
                let now = i["now_epoch_seconds"].as_u64().expect("now").to_string();
                a.extend(args(&["--now", &now]));
                // 900 is the default; give it explicitly every other time.
                if n % 2 == 0 {
                    a.extend(args(&["--max-age", &max_age.to_string()]));
                }
            }
            let o = callsign(&a, secret);
            if v["expected"]["error"] == "invalid_timestamp" {
                // The received data is refused (exit 1), naming the field.
                assert_eq!(o.status.code(), Some(1), "{}", id(&v));
                assert_eq!(
                    stdout(&o),
                    "invalid: timestamp: malformed at byte 2\n",
                    "{}",
                    id(&v)
                );
            } else {
                assert_verdict(&v, &o);
            }
        }
        n += 1;
    }
    assert_eq!(n, 16);
}

#[test]
fn verify_huawei_on_every_x_aksk_and_x_wsse_vector() {
    let mut n = 0;
    for scheme in ["x-aksk", "x-wsse"] {
        for v in vectors("huawei.json", scheme) {
            let (sub, header) = if scheme == "x-aksk" {
                (
                    "huawei-voice",
                    format!("X-AKSK: {}", s(&v, "expected", "x_aksk")),
                )
            } else {
                (
                    "huawei-sms",
                    format!("X-WSSE: {}", s(&v, "expected", "x_wsse")),
                )
            };
            let created = s(&v, "inputs", "created");
            let mut a = args(&[
                "verify",
                sub,
                "--key",
                s(&v, "inputs", "app_key"),
                "--header",
                &format!("Authorization: {}", s(&v, "expected", "authorization")),
                "--header",
                &header,
            ]);
            if v["variant"] == "sms-legacy-raw-digest" {
                a.push("--legacy-raw-digest".into());
            }
            let hex_env = s(&v, "inputs", "app_secret_utf8_hex");
            let run = |extra: &[&str]| {
                let mut all = a.clone();
                all.extend(args(extra));
                Command::new(env!("CARGO_BIN_EXE_callsign"))
                    .args(&all)
                    .env_remove("CALLSIGN_SECRET")
                    .env("CALLSIGN_SECRET_HEX", hex_env)
                    .output()
                    .expect("run")
            };
            let o = run(&["--no-time-check"]);
            assert_eq!(
                (o.status.code(), stdout(&o)),
                (Some(0), "valid\n".into()),
                "{}: {}",
                id(&v),
                stderr(&o)
            );
            // With a clock: 300 s after Created is fresh, 301 s is not.
            let unix = |offset: u64| {
                let t = callsign_core::Timestamp::parse(created)
                    .expect("created")
                    .unix()
                    + offset;
                t.to_string()
            };
            assert_eq!(
                stdout(&run(&["--now", &unix(300)])),
                "valid\n",
                "{}",
                id(&v)
            );
            let late = run(&["--now", &unix(301)]);
            assert_eq!(late.status.code(), Some(1));
            assert!(
                stdout(&late).contains("older than the accepted window"),
                "{}",
                stdout(&late)
            );
            n += 1;
        }
    }
    assert_eq!(n, 7 + 9);
}

#[test]
fn verify_refuses_tampered_huawei_headers_with_a_reason() {
    let header = r#"X-AKSK: UsernameToken Username="a1B2c3D4e5F6g7H8i9J0kLmNoPqR",PasswordDigest="b8MSGhXOdJOz3fV5TblmdBQRT1nKdbtVng0LwtKkMjk=",Nonce="66c92b11ff8a425fb8d4ccfe0ed9ed1f",Created="2024-03-01T08:15:31Z""#;
    let app = "a1B2c3D4e5F6g7H8i9J0kLmNoPqR";
    let o = callsign(
        &args(&[
            "verify",
            "huawei-voice",
            "--key",
            app,
            "--no-time-check",
            "--header",
            header,
        ]),
        "Zy9Xw8Vu7Ts6Rq5Po4Nm3Lk2Ji1H",
    );
    assert_eq!(
        (o.status.code(), stdout(&o)),
        (
            Some(1),
            "invalid: X-AKSK: signature: does not match\n".into()
        )
    );
    let o = callsign(
        &args(&[
            "verify",
            "huawei-voice",
            "--key",
            app,
            "--header",
            &header.replace(",Nonce", ", Nonce=,"),
        ]),
        "Zy9Xw8Vu7Ts6Rq5Po4Nm3Lk2Ji1H",
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).starts_with("invalid: X-AKSK: UsernameToken: malformed at byte"),
        "{}",
        stdout(&o)
    );
    let o = callsign(
        &args(&[
            "verify",
            "huawei-voice",
            "--key",
            app,
            "--header",
            "Authorization: WSSE x",
            "--header",
            header,
        ]),
        "s",
    );
    assert_eq!(stdout(&o), "invalid: authorization: malformed at byte 0\n");
    let o = callsign(
        &args(&["verify", "huawei-sms", "--key", app, "--header", header]),
        "s",
    );
    assert_eq!(stdout(&o), "invalid: X-WSSE: header missing\n");
    let o = callsign(
        &args(&[
            "verify",
            "huawei-voice",
            "--key",
            "other",
            "--header",
            header,
        ]),
        "Zy9Xw8Vu7Ts6Rq5Po4Nm3Lk2Ji1H",
    );
    assert_eq!(stdout(&o), "invalid: key: not the configured key\n");
}

#[test]
fn verify_reasons_name_what_failed() {
    let base = |extra: &[&str]| {
        let mut a = args(&[
            "verify",
            "sinch-webhook",
            "--body",
            "",
            "--header",
            "x-sinch-webhook-signature-timestamp: 1700000001",
            "--header",
            "x-sinch-webhook-signature-nonce: n0nce",
        ]);
        if !extra.contains(&"--now") {
            a.push("--no-time-check".into());
        }
        a.extend(args(extra));
        callsign(&a, "empty-body-secret")
    };
    let sig = "x-sinch-webhook-signature: IytKyr5JIWNHH6dhm8YK23s/8jcxvZXoUpx5Gb13iHg=";
    let alg = "x-sinch-webhook-signature-algorithm: HmacSHA256";
    assert_eq!(
        stdout(&base(&["--header", sig, "--header", alg])),
        "valid\n"
    );
    assert_eq!(
        stdout(&base(&[
            "--header",
            sig,
            "--header",
            alg,
            "--now",
            "1700000301"
        ])),
        "valid\n"
    );
    assert_eq!(
        stdout(&base(&[
            "--header",
            sig,
            "--header",
            alg,
            "--now",
            "1700000302"
        ])),
        "invalid: timestamp: older than the accepted window\n"
    );
    assert_eq!(
        stdout(&base(&[
            "--header",
            sig,
            "--header",
            alg,
            "--now",
            "1700000302",
            "--max-age",
            "301"
        ])),
        "valid\n"
    );
    assert_eq!(
        stdout(&base(&[
            "--header",
            sig,
            "--header",
            alg,
            "--now",
            "1700000001",
            "--max-age",
            "0"
        ])),
        "valid\n"
    );
    // 0 is the strictest window, not "no check": one second off is refused.
    assert_eq!(
        stdout(&base(&[
            "--header",
            sig,
            "--header",
            alg,
            "--now",
            "1700000000",
            "--max-age",
            "0"
        ])),
        "invalid: timestamp: further in the future than the accepted window\n"
    );
    assert_eq!(
        stdout(&base(&[
            "--header",
            sig,
            "--header",
            alg,
            "--now",
            "1",
            "--max-age",
            "0"
        ])),
        "invalid: timestamp: further in the future than the accepted window\n"
    );
    assert_eq!(
        stdout(&base(&[
            "--header",
            sig,
            "--header",
            "x-sinch-webhook-signature-algorithm: HmacSHA1"
        ])),
        "invalid: algorithm: only HmacSHA256 is supported\n"
    );
    // No algorithm header: HmacSHA256, as the Node and Python SDKs take it.
    assert_eq!(stdout(&base(&["--header", sig])), "valid\n");
    // A nonce holding the `.` that separates the signed parts is refused,
    // whatever the checks: the boundary with the body cannot move.
    assert_eq!(
        stdout(&callsign(
            &args(&[
                "verify",
                "sinch-webhook",
                "--no-time-check",
                "--body",
                "",
                "--header",
                "x-sinch-webhook-signature-timestamp: 1700000001",
                "--header",
                "x-sinch-webhook-signature-nonce: a.n0nce",
                "--header",
                sig,
            ]),
            "empty-body-secret"
        )),
        "invalid: nonce: malformed at byte 1\n"
    );
    assert_eq!(
        stdout(&base(&["--header", sig, "--header", alg, "--header", sig])),
        "invalid: headers 2 and 4 (from 0): same name ignoring case\n"
    );
    assert_eq!(
        stdout(&base(&[
            "--header",
            "x-sinch-webhook-signature: Iyt",
            "--header",
            alg
        ])),
        "invalid: signature: malformed at byte 3\n"
    );
    assert_eq!(
        stdout(&base(&[
            "--header",
            "x-sinch-webhook-signature: JytKyr5JIWNHH6dhm8YK23s/8jcxvZXoUpx5Gb13iHg=",
            "--header",
            alg
        ])),
        "invalid: signature: does not match\n"
    );
}

#[test]
fn bodies_from_files_and_text_verify_alike() {
    let path = std::env::temp_dir().join(format!(
        "callsign-cli-sinch-{}-body.json",
        std::process::id()
    ));
    let body = r#"{"event":"ace","callid":"822aa4b7-05b4-4d83-87c7-1f835ee0b6f6_257","timestamp":"2014-09-24T10:59:41Z","version":1}"#;
    std::fs::write(&path, body).expect("write");
    let common = args(&[
        "verify", "sinch", "--key", "669E367E-6BBA-48AB-AF15-266871C28135", "--method", "POST", "--path",
        "/sinch/callback/ace", "--header",
        "Authorization: Application 669E367E-6BBA-48AB-AF15-266871C28135:Tg6fMyo8mj9pYfWQ9ssbx3Tc1BNC87IEygAfLbJqZb4=",
        "--header", "Content-Type: application/json", "--header", "x-timestamp: 2014-09-24T10:59:41Z",
    ]);
    let mut with_file = common.clone();
    with_file.extend([
        "--no-time-check".into(),
        "--body-file".into(),
        path.display().to_string(),
    ]);
    assert_eq!(
        stdout(&callsign(&with_file, "BeIukql3pTKJ8RGL5zo0DA==")),
        "valid\n"
    );
    let mut with_text = common.clone();
    with_text.extend(args(&["--body", body]));
    let mut unchecked = with_text.clone();
    unchecked.push("--no-time-check".into());
    assert_eq!(
        stdout(&callsign(&unchecked, "BeIukql3pTKJ8RGL5zo0DA==")),
        "valid\n"
    );
    // Without --now, the system clock: a 2014 request is stale.
    assert_eq!(
        stdout(&callsign(&with_text, "BeIukql3pTKJ8RGL5zo0DA==")),
        "invalid: timestamp: older than the accepted window\n"
    );
    // x-timestamp 2014-09-24T10:59:41Z is 1411556381.
    let mut fresh = with_text.clone();
    fresh.extend(args(&["--now", "1411556681"]));
    assert_eq!(
        stdout(&callsign(&fresh, "BeIukql3pTKJ8RGL5zo0DA==")),
        "valid\n"
    );
    let mut future = with_text;
    future.extend(args(&["--now", "1411556080"]));
    assert_eq!(
        stdout(&callsign(&future, "BeIukql3pTKJ8RGL5zo0DA==")),
        "invalid: timestamp: further in the future than the accepted window\n"
    );
    let _ = std::fs::remove_file(path);
}

#[test]
fn bad_invocations_are_one_line_naming_the_field_with_status_2() {
    let cases: &[(&[&str], &str, &str)] = &[
        (
            &[
                "sinch",
                "--key",
                "k",
                "--method",
                "GET",
                "--target",
                "/x",
                "--timestamp",
                "2024-01-01T00:00:00Z",
            ],
            "",
            "CALLSIGN_SECRET",
        ),
        (
            &[
                "sinch",
                "--key",
                "k",
                "--method",
                "GET",
                "--target",
                "/x",
                "--timestamp",
                "2024-01-01T00:00:00Z",
            ],
            "a-b=",
            "CALLSIGN_SECRET",
        ),
        (
            &[
                "sinch",
                "--key",
                "k:1",
                "--method",
                "GET",
                "--target",
                "/x",
                "--timestamp",
                "2024-01-01T00:00:00Z",
            ],
            "AAAA",
            "--key",
        ),
        (
            &[
                "sinch",
                "--key",
                "k",
                "--method",
                "G T",
                "--target",
                "/x",
                "--timestamp",
                "2024-01-01T00:00:00Z",
            ],
            "AAAA",
            "--method",
        ),
        (
            &[
                "sinch",
                "--key",
                "k",
                "--method",
                "GET",
                "--target",
                "x",
                "--timestamp",
                "2024-01-01T00:00:00Z",
            ],
            "AAAA",
            "--target",
        ),
        (
            &[
                "sinch",
                "--key",
                "k",
                "--method",
                "GET",
                "--target",
                "/%zz",
                "--timestamp",
                "2024-01-01T00:00:00Z",
            ],
            "AAAA",
            "--target",
        ),
        (
            &[
                "sinch",
                "--key",
                "k",
                "--method",
                "GET",
                "--target",
                "/x",
                "--timestamp",
                "2024-01-01 00:00:00Z",
            ],
            "AAAA",
            "--timestamp",
        ),
        (
            &[
                "sinch",
                "--key",
                "k",
                "--method",
                "GET",
                "--target",
                "/x",
                "--content-type",
                "a\tb",
                "--timestamp",
                "2024-01-01T00:00:00Z",
            ],
            "AAAA",
            "--content-type",
        ),
        (
            &["sinch", "--key", "k", "--method", "GET", "--target", "/x"],
            "AAAA",
            "--timestamp",
        ),
        (
            &[
                "sinch",
                "--key",
                "k",
                "--method",
                "GET",
                "--target",
                "/x",
                "--timestamp",
                "2024-01-01T00:00:00Z",
                "--body",
                "x",
                "--body-file",
                "y",
            ],
            "AAAA",
            "--body",
        ),
        (
            &[
                "sinch",
                "--key",
                "k",
                "--method",
                "GET",
                "--target",
                "/x",
                "--timestamp",
                "2024-01-01T00:00:00Z",
                "--body-file",
                "/nonexistent/callsign",
            ],
            "AAAA",
            "--body-file",
        ),
        (
            &["sinch-webhook", "--nonce", "a b", "--timestamp", "1"],
            "s",
            "--nonce",
        ),
        (
            &["sinch-webhook", "--nonce", "n", "--timestamp", "17e8"],
            "s",
            "--timestamp",
        ),
        (&["sinch-numbers"], "", "CALLSIGN_SECRET"),
        (
            &["mailgun-webhook", "--timestamp", "1", "--token", "a b"],
            "s",
            "--token",
        ),
        (
            &["mailgun-webhook", "--timestamp", "x", "--token", "t"],
            "s",
            "--timestamp",
        ),
        (
            &["verify", "sinch", "--method", "GET", "--path", "/"],
            "AAAA",
            "--key",
        ),
        (
            &[
                "verify", "sinch", "--key", "k", "--method", "GET", "--path", "/", "--token", "t",
            ],
            "AAAA",
            "--token",
        ),
        (
            &[
                "verify", "sinch", "--key", "k", "--method", "GET", "--path", "/",
            ],
            "AA=A",
            "CALLSIGN_SECRET",
        ),
        (
            &["verify", "sinch-webhook", "--header", "novalue"],
            "s",
            "--header",
        ),
        (
            &["verify", "sinch-webhook", "--header", ": v"],
            "s",
            "--header",
        ),
        (&["verify", "sinch-webhook", "--now", "soon"], "s", "--now"),
        (
            &["verify", "sinch-webhook", "--now", "1", "--max-age=-5"],
            "s",
            "--max-age",
        ),
        (
            &[
                "verify",
                "sinch-webhook",
                "--max-age",
                "5",
                "--no-time-check",
            ],
            "s",
            "--no-time-check",
        ),
        (&["verify", "sinch-numbers", "--now", "5"], "s", "--now"),
        (
            &["verify", "sinch-numbers", "--no-time-check"],
            "s",
            "--no-time-check",
        ),
        (
            &["verify", "huawei-voice", "--header", "X-AKSK: x"],
            "s",
            "--key",
        ),
        (
            &[
                "verify",
                "mailgun-webhook",
                "--timestamp",
                "1",
                "--token",
                "t",
                "--signature",
                "s",
                "--body",
                "",
            ],
            "s",
            "--body",
        ),
        (
            &[
                "verify",
                "huawei-voice",
                "--key",
                "k",
                "--legacy-raw-digest",
            ],
            "s",
            "--legacy-raw-digest",
        ),
        (
            &["verify", "huawei-sms", "--key", "k", "--method", "GET"],
            "s",
            "--method",
        ),
        (
            &[
                "verify",
                "sinch-webhook",
                "--body-file",
                "/nonexistent/callsign",
            ],
            "s",
            "--body-file",
        ),
        (&["verify"], "s", "SCHEME"),
        (&["verify", "basic"], "s", "basic"),
    ];
    for (a, secret, needle) in cases {
        let o = if secret.is_empty() {
            Command::new(env!("CARGO_BIN_EXE_callsign"))
                .args(*a)
                .env_remove("CALLSIGN_SECRET")
                .env_remove("CALLSIGN_SECRET_HEX")
                .output()
                .expect("run")
        } else {
            callsign(&args(a), secret)
        };
        assert_usage_error(&o, needle);
    }
}

#[test]
fn secrets_never_appear_in_output() {
    let secret = "U2VjcmV0VmFsdWUxMjM0NQ==";
    let o = callsign(
        &args(&[
            "verify",
            "sinch",
            "--key",
            "k",
            "--method",
            "POST",
            "--path",
            "/x",
            "--header",
            "Authorization: Application k:AAAA",
        ]),
        secret,
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(!stdout(&o).contains(secret) && !stderr(&o).contains(secret));
    let o = callsign(
        &args(&[
            "sinch",
            "--key",
            "k",
            "--method",
            "GET",
            "--target",
            "/x",
            "--timestamp",
            "bad",
        ]),
        "c2VjcmV0-",
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(!stderr(&o).contains("c2VjcmV0"));
}

#[test]
fn help_describes_the_new_subcommands() {
    for sub in [
        "sinch",
        "sinch-webhook",
        "sinch-numbers",
        "mailgun-webhook",
        "verify",
    ] {
        let o = callsign(&args(&[sub, "--help"]), "");
        assert!(o.status.success(), "{sub}: {}", stderr(&o));
        assert!(stdout(&o).contains("Usage: callsign"), "{sub}");
    }
    let o = callsign(&args(&["verify", "--help"]), "");
    for scheme in [
        "sinch-service",
        "sinch-webhook",
        "sinch-numbers",
        "mailgun-webhook",
        "huawei-voice",
        "huawei-sms",
    ] {
        assert!(
            stdout(&o).contains(scheme),
            "{scheme} missing from verify --help"
        );
    }
}
