//! The `callsign` binary, run as a user or a script would run it.

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;

fn vectors(file: &str) -> Vec<Value> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/vectors")
        .join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    let json: Value = serde_json::from_str(&text).unwrap();
    json["vectors"].as_array().unwrap().clone()
}

fn callsign(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_callsign"));
    cmd.args(args)
        .env_remove("CALLSIGN_SECRET")
        .env_remove("CALLSIGN_SECRET_HEX");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn s<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key]
        .as_str()
        .unwrap_or_else(|| panic!("missing {key} in {v}"))
}

/// Asserts a usage error: status 2, nothing on stdout, one line on stderr
/// that mentions `needle`.
fn assert_usage_error(o: &Output, needle: &str) {
    assert_eq!(o.status.code(), Some(2), "stderr: {}", stderr(o));
    assert!(o.stdout.is_empty(), "stdout: {}", stdout(o));
    let err = stderr(o);
    assert_eq!(err.lines().count(), 1, "not one line: {err:?}");
    assert!(err.contains(needle), "{err:?} should mention {needle:?}");
}

#[test]
fn huawei_voice_reproduces_every_x_aksk_vector() {
    let mut n = 0;
    for v in vectors("huawei.json") {
        if v["scheme"] != "x-aksk" {
            continue;
        }
        let (i, e) = (&v["inputs"], &v["expected"]);
        let o = callsign(
            &[
                "huawei-voice",
                "--app-key",
                s(i, "app_key"),
                "--nonce",
                s(i, "nonce"),
                "--created",
                s(i, "created"),
            ],
            &[("CALLSIGN_SECRET_HEX", s(i, "app_secret_utf8_hex"))],
        );
        assert!(o.status.success(), "{}: {}", v["id"], stderr(&o));
        assert_eq!(
            stdout(&o),
            format!(
                "Authorization: {}\nX-AKSK: {}\n",
                s(e, "authorization"),
                s(e, "x_aksk")
            ),
            "{}",
            v["id"]
        );
        n += 1;
    }
    assert_eq!(n, 7);
}

#[test]
fn utf8_secret_and_unix_time_give_the_same_header() {
    let v = vectors("huawei.json")
        .into_iter()
        .find(|v| v["id"] == "aksk-typical")
        .unwrap();
    let i = &v["inputs"];
    let o = callsign(
        &[
            "huawei-voice",
            "--app-key",
            s(i, "app_key"),
            "--nonce",
            s(i, "nonce"),
            "--unix",
            "1709280930",
        ],
        &[("CALLSIGN_SECRET", s(i, "app_secret"))],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).ends_with(&format!("X-AKSK: {}\n", s(&v["expected"], "x_aksk"))));
}

#[test]
fn huawei_sms_reproduces_every_x_wsse_vector() {
    let mut n = 0;
    for v in vectors("huawei.json") {
        if v["scheme"] != "x-wsse" {
            continue;
        }
        let (i, e) = (&v["inputs"], &v["expected"]);
        let mut args = vec![
            "huawei-sms",
            "--app-key",
            s(i, "app_key"),
            "--nonce",
            s(i, "nonce"),
            "--created",
            s(i, "created"),
        ];
        match s(&v, "variant") {
            "sms-demo-hex" => {}
            "sms-legacy-raw-digest" => args.push("--legacy-raw-digest"),
            other => panic!("unknown variant {other}"),
        }
        let o = callsign(
            &args,
            &[("CALLSIGN_SECRET_HEX", s(i, "app_secret_utf8_hex"))],
        );
        assert!(o.status.success(), "{}: {}", v["id"], stderr(&o));
        assert_eq!(
            stdout(&o),
            format!(
                "Authorization: {}\nX-WSSE: {}\n",
                s(e, "authorization"),
                s(e, "x_wsse")
            ),
            "{}",
            v["id"]
        );
        n += 1;
    }
    assert_eq!(n, 9);
}

#[test]
fn basic_reproduces_every_basic_vector() {
    let mut n = 0;
    for v in vectors("sinch_mailgun.json") {
        let (i, e) = (&v["inputs"], &v["expected"]);
        let (user, password) = match s(&v, "scheme") {
            "sinch.basic_auth" => (s(i, "username"), s(i, "password")),
            "mailgun.basic_auth" => (s(e, "username"), s(i, "api_key")),
            _ => continue,
        };
        let o = callsign(&["basic", "--user", user], &[("CALLSIGN_SECRET", password)]);
        assert!(o.status.success(), "{}: {}", v["id"], stderr(&o));
        assert_eq!(
            stdout(&o),
            format!("Authorization: {}\n", s(e, "authorization")),
            "{}",
            v["id"]
        );
        n += 1;
    }
    assert_eq!(n, 7);
}

#[test]
fn fresh_nonce_and_time_when_not_given() {
    let run = || {
        let o = callsign(
            &["huawei-voice", "--app-key", "key"],
            &[("CALLSIGN_SECRET", "s")],
        );
        assert!(o.status.success(), "{}", stderr(&o));
        stdout(&o)
    };
    let (a, b) = (run(), run());
    let nonce = |t: &str| {
        let start = t.find("Nonce=\"").unwrap() + 7;
        t[start..start + 33].to_string()
    };
    let na = nonce(&a);
    assert!(na.ends_with('"'), "nonce is not 32 chars: {a}");
    assert!(na[..32].bytes().all(|b| b.is_ascii_hexdigit()));
    assert_ne!(na, nonce(&b), "two runs gave the same nonce");
    let year: u32 = a[a.find("Created=\"").unwrap() + 9..][..4].parse().unwrap();
    assert!(year >= 2025, "{a}");
}

#[test]
fn bad_input_is_one_line_naming_the_field_with_status_2() {
    let secret = [("CALLSIGN_SECRET", "s")];
    type Case<'a> = (&'a [&'a str], &'a [(&'a str, &'a str)], &'a str);
    let cases: &[Case] = &[
        (&["huawei-voice", "--app-key", "k"], &[], "CALLSIGN_SECRET"),
        (&["huawei-voice", "--app-key", "a\"b"], &secret, "app key"),
        (&["huawei-voice", "--app-key", "a,b"], &secret, "app key"),
        (&["huawei-voice", "--app-key", ""], &secret, "app key"),
        (
            &["huawei-voice", "--app-key", "k", "--nonce", "a-b"],
            &secret,
            "nonce",
        ),
        (
            &[
                "huawei-sms",
                "--app-key",
                "k",
                "--created",
                "2024-02-30T00:00:00Z",
            ],
            &secret,
            "--created",
        ),
        (
            &["huawei-sms", "--app-key", "k", "--unix", "soon"],
            &secret,
            "--unix",
        ),
        (
            &["huawei-sms", "--app-key", "k", "--unix", "253402300800"],
            &secret,
            "--unix",
        ),
        (&["basic", "--user", "a:b"], &secret, "user"),
        (
            &["basic", "--user", "api"],
            &[("CALLSIGN_SECRET_HEX", "abc")],
            "CALLSIGN_SECRET_HEX",
        ),
        (
            &["basic", "--user", "api"],
            &[("CALLSIGN_SECRET", "a"), ("CALLSIGN_SECRET_HEX", "61")],
            "both",
        ),
        (&["huawei-voice"], &secret, "--app-key"),
        (&["no-such-command"], &secret, "no-such-command"),
    ];
    for (args, env, needle) in cases {
        let o = callsign(args, env);
        assert_usage_error(&o, needle);
    }
}

#[test]
fn secret_never_appears_in_errors() {
    let secret = "TopSecretValue123";
    let o = callsign(
        &["huawei-voice", "--app-key", "bad\"key"],
        &[("CALLSIGN_SECRET", secret)],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(!stderr(&o).contains(secret));
}

#[test]
fn help_on_every_subcommand() {
    for sub in ["huawei-voice", "huawei-sms", "basic", "demo"] {
        let o = callsign(&[sub, "--help"], &[]);
        assert!(o.status.success(), "{sub}: {}", stderr(&o));
        let out = stdout(&o);
        assert!(out.contains("Usage: callsign"), "{sub}: {out}");
    }
    let o = callsign(&["--help"], &[]);
    assert!(stdout(&o).contains("huawei-voice") && stdout(&o).contains("demo"));
}

#[test]
fn demo_prints_a_curl_command_per_scheme() {
    let o = callsign(&["demo"], &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert_eq!(out.matches("curl -X POST").count(), 5, "{out}");
    for header in [
        "X-AKSK: UsernameToken",
        "X-WSSE: UsernameToken",
        "Authorization: Basic",
    ] {
        assert!(out.contains(header), "{header} missing: {out}");
    }
}

#[test]
fn bench_json_compares_callsign_with_peers_and_the_limit() {
    let o = callsign(&["bench", "--json"], &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let json: Value = serde_json::from_str(&stdout(&o)).expect("valid JSON");
    let compression_ns = json["compression_ns"].as_f64().unwrap();
    assert!(compression_ns > 0.0 && compression_ns < 100_000.0, "{json}");
    let results = json["results"].as_array().unwrap();
    let find = |case: &str, candidate: &str| {
        results
            .iter()
            .find(|r| r["case"] == case && r["candidate"] == candidate)
            .unwrap_or_else(|| panic!("no {case} / {candidate} in {json}"))
    };
    for case in ["x-aksk, precomputed key", "x-aksk, fresh key"] {
        for candidate in ["callsign", "hmac+sha2 (cloned key)", "ring"] {
            let r = find(case, candidate);
            let ns = r["ns_per_op"].as_f64().unwrap();
            let ops = r["ops_per_s"].as_f64().unwrap();
            assert!((ns * ops / 1e9 - 1.0).abs() < 0.01, "{r}");
            // Two or four compressions, each at most as costly as one alone.
            let of_floor = r["of_floor"].as_f64().unwrap();
            assert!(of_floor > 0.0 && of_floor <= 1.5, "{r}");
            assert!(r["vs_best_peer"].as_f64().unwrap() > 0.0, "{r}");
        }
    }
    assert!(find("basic", "callsign")["of_floor"].is_null());
    for (case, peer) in [("basic", "base64 engine"), ("x-wsse", "sha2+hex+base64")] {
        assert_eq!(find(case, peer)["peer"], true);
    }
    // Every target of issue 12 is reported, with its ratio (the C ABI's
    // only when the shared library was built) and whether it is met.
    let targets = json["targets"].as_array().unwrap();
    assert_eq!(targets.len(), 7, "{json}");
    for t in targets {
        let goal = t["goal"].as_f64().unwrap();
        match t["ratio"].as_f64() {
            Some(r) => assert_eq!(t["met"].as_bool(), Some(r >= goal), "{t}"),
            None => assert!(t["met"].is_null(), "{t}"),
        }
    }
}
