//! `callsign huawei-apig`, run as a user or a script would run it: every
//! scheme-3 vector through the binary, `--explain`, and usage errors.

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;

/// NODE vectors that record where the Node signer diverges from the
/// normative one (see tests/apig.rs): not reproduced.
const INFORMATIVE: [&str; 2] = [
    "node-path-space-divergent",
    "node-header-untrimmed-divergent",
];

fn vectors() -> Vec<Value> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/vectors/huawei.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    let json: Value = serde_json::from_str(&text).unwrap();
    json["vectors"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| {
            ["sdk-hmac-sha256", "sdk-hmac-sm3", "v11-hmac-sha256"]
                .contains(&v["scheme"].as_str().unwrap())
        })
        .cloned()
        .collect()
}

fn callsign(args: &[String], env: &[(&str, &str)]) -> Output {
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

/// A scratch file for a binary body, removed on drop.
struct TempFile(PathBuf);

impl TempFile {
    fn new(name: &str, bytes: &[u8]) -> Self {
        let path =
            std::env::temp_dir().join(format!("callsign-cli-apig-{}-{name}", std::process::id()));
        std::fs::write(&path, bytes).unwrap();
        TempFile(path)
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// The command line of a vector, and the body file it needs, if any.
fn command_line(v: &Value, explain: bool) -> (Vec<String>, Option<TempFile>) {
    let i = &v["inputs"];
    let mut args: Vec<String> = vec![
        "huawei-apig".into(),
        "--app-key".into(),
        s(i, "app_key").into(),
        "--method".into(),
        s(i, "method").into(),
        "--host".into(),
        s(i, "host").into(),
        "--path".into(),
        s(i, "path").into(),
    ];
    for pair in i["query"].as_array().unwrap() {
        args.push("--query".into());
        args.push(format!(
            "{}={}",
            pair[0].as_str().unwrap(),
            pair[1].as_str().unwrap()
        ));
    }
    for pair in i["headers"].as_array().unwrap() {
        args.push("--header".into());
        args.push(format!(
            "{}: {}",
            pair[0].as_str().unwrap(),
            pair[1].as_str().unwrap()
        ));
    }
    let mut file = None;
    if let Some(hex) = i["body_hex"].as_str() {
        let bytes: Vec<u8> = (0..hex.len())
            .step_by(2)
            .map(|k| u8::from_str_radix(&hex[k..k + 2], 16).unwrap())
            .collect();
        let f = TempFile::new(s(v, "id"), &bytes);
        args.push("--body-file".into());
        args.push(f.0.to_str().unwrap().into());
        file = Some(f);
    } else if !s(i, "body").is_empty() {
        args.push("--body".into());
        args.push(s(i, "body").into());
    }
    match s(v, "scheme") {
        "sdk-hmac-sm3" => args.extend(["--algorithm".into(), "sdk-hmac-sm3".into()]),
        "v11-hmac-sha256" => args.extend([
            "--algorithm".into(),
            "v11-hmac-sha256".into(),
            "--region".into(),
            s(i, "region_id").into(),
            "--service".into(),
            s(i, "derived_auth_service_name").into(),
        ]),
        _ => {}
    }
    if v["variant"] == "apig-python" {
        args.extend(["--variant".into(), "apig".into()]);
    }
    if explain {
        args.push("--explain".into());
    }
    (args, file)
}

/// The lines the CLI prints for a vector: headers added in the order
/// X-Sdk-Date, Host, payload header (the APIG signer's content-length is
/// the HTTP client's business), Authorization, Request-Target.
fn expected_lines(v: &Value) -> Vec<String> {
    let e = &v["expected"];
    let added = e["headers_added"].as_object().unwrap();
    let mut lines = Vec::new();
    for name in [
        "X-Sdk-Date",
        "Host",
        "X-Sdk-Content-Sha256",
        "X-Sdk-Content-Sm3",
    ] {
        if let Some((_, value)) = added.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)) {
            let spelled = if v["variant"] == "apig-python" && name == "Host" {
                "host"
            } else {
                name
            };
            lines.push(format!("{spelled}: {}", value.as_str().unwrap()));
        }
    }
    lines.push(format!("Authorization: {}", s(e, "authorization")));
    if let Some(uri) = e["request_uri"].as_str() {
        lines.push(format!("Request-Target: {uri}"));
    }
    lines
}

#[test]
fn every_scheme_3_vector_through_the_binary() {
    let mut run = 0;
    let all = vectors();
    for v in &all {
        let id = s(v, "id");
        if INFORMATIVE.contains(&id) {
            continue;
        }
        let (args, _file) = command_line(v, false);
        let secret_hex = s(&v["inputs"], "app_secret_utf8_hex");
        let o = callsign(&args, &[("CALLSIGN_SECRET_HEX", secret_hex)]);
        run += 1;
        if v["expected"]["error"].is_string() {
            assert_eq!(o.status.code(), Some(2), "{id}: {}", stdout(&o));
            assert!(o.stdout.is_empty(), "{id}");
            let err = stderr(&o);
            assert_eq!(err.lines().count(), 1, "{id}: {err:?}");
            assert!(
                err.contains("CALLSIGN_SECRET: length is outside 1..=1024 bytes"),
                "{id}: {err:?}"
            );
            continue;
        }
        assert!(o.status.success(), "{id}: {}", stderr(&o));
        let out = stdout(&o);
        let mut lines: Vec<&str> = out.lines().collect();
        if v["expected"]["request_uri"].is_null() {
            // NODE vectors have no request_uri: check the line's presence only.
            assert!(
                lines.pop().unwrap().starts_with("Request-Target: /"),
                "{id}"
            );
        }
        assert_eq!(lines, expected_lines(v), "{id}");
    }
    assert_eq!(run, all.len() - INFORMATIVE.len());
}

#[test]
fn explain_prints_the_canonical_request_and_the_string_to_sign() {
    for v in vectors() {
        let id = s(&v, "id");
        if INFORMATIVE.contains(&id) || v["expected"]["error"].is_string() {
            continue;
        }
        let (args, _file) = command_line(&v, true);
        let secret_hex = s(&v["inputs"], "app_secret_utf8_hex");
        let o = callsign(&args, &[("CALLSIGN_SECRET_HEX", secret_hex)]);
        assert!(o.status.success(), "{id}: {}", stderr(&o));
        let out = stdout(&o);
        let (_, explained) = out.split_once("\n\n== Canonical request ==\n").expect(id);
        let (canonical, string_to_sign) = explained
            .split_once("\n\n== String to sign ==\n")
            .expect(id);
        assert_eq!(canonical, s(&v["expected"], "canonical_request"), "{id}");
        assert_eq!(
            string_to_sign,
            format!("{}\n", s(&v["expected"], "string_to_sign")),
            "{id}"
        );
    }
}

#[test]
fn date_option_and_defaults() {
    let args = |extra: &[&str]| -> Vec<String> {
        let mut a: Vec<String> = [
            "huawei-apig",
            "--app-key",
            "AK",
            "--method",
            "get",
            "--host",
            "example.com",
            "--path",
            "/v1/x",
        ]
        .map(String::from)
        .to_vec();
        a.extend(extra.iter().map(|s| s.to_string()));
        a
    };
    let o = callsign(
        &args(&["--date", "20240115T083000Z"]),
        &[("CALLSIGN_SECRET", "SK")],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "X-Sdk-Date: 20240115T083000Z");
    assert_eq!(lines[1], "Host: example.com");
    assert!(lines[2].starts_with(
        "Authorization: SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature="
    ));
    assert_eq!(lines[3], "Request-Target: /v1/x");
    assert_eq!(lines.len(), 4);

    // Without --date: now, in the basic form.
    let o = callsign(&args(&[]), &[("CALLSIGN_SECRET", "SK")]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let date = out
        .lines()
        .next()
        .unwrap()
        .strip_prefix("X-Sdk-Date: ")
        .unwrap();
    assert_eq!(date.len(), 16);
    assert!(date.starts_with("20") && date.ends_with('Z'));

    // A form body under Core: UNSIGNED-PAYLOAD added; under APIG: hashed.
    let form = [
        "--date",
        "20240115T083000Z",
        "--header",
        "Content-Type: application/x-www-form-urlencoded",
        "--body",
        "a=1",
    ];
    let o = callsign(&args(&form), &[("CALLSIGN_SECRET", "SK")]);
    assert!(
        stdout(&o).contains("\nX-Sdk-Content-Sha256: UNSIGNED-PAYLOAD\n"),
        "{}",
        stdout(&o)
    );
    let mut apig = form.to_vec();
    apig.extend(["--variant", "apig"]);
    let o = callsign(&args(&apig), &[("CALLSIGN_SECRET", "SK")]);
    assert!(
        !stdout(&o).contains("X-Sdk-Content-Sha256"),
        "{}",
        stdout(&o)
    );
    assert!(
        stdout(&o).contains("\nhost: example.com\n"),
        "{}",
        stdout(&o)
    );
}

/// Asserts a usage error: status 2, nothing on stdout, one line on stderr
/// that mentions `needle`.
fn assert_usage_error(extra: &[&str], env: &[(&str, &str)], needle: &str) {
    let mut args: Vec<String> = vec![
        "huawei-apig".into(),
        "--app-key".into(),
        "AK".into(),
        "--method".into(),
        "GET".into(),
        "--host".into(),
        "example.com".into(),
    ];
    if !extra.contains(&"--date") {
        args.extend(["--date".into(), "20240115T083000Z".into()]);
    }
    if !extra.contains(&"--path") {
        args.extend(["--path".into(), "/".into()]);
    }
    args.extend(extra.iter().map(|s| s.to_string()));
    let o = callsign(&args, env);
    assert_eq!(o.status.code(), Some(2), "{extra:?}: {}", stderr(&o));
    assert!(o.stdout.is_empty(), "{extra:?}: {}", stdout(&o));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{extra:?}: not one line: {err:?}");
    assert!(
        err.contains(needle),
        "{extra:?}: {err:?} should mention {needle:?}"
    );
}

#[test]
fn bad_input_is_one_line_naming_the_field() {
    let sk = [("CALLSIGN_SECRET", "SK")];
    assert_usage_error(&[], &[], "CALLSIGN_SECRET");
    assert_usage_error(
        &[],
        &[("CALLSIGN_SECRET", "")],
        "CALLSIGN_SECRET: length is outside 1..=1024 bytes",
    );
    assert_usage_error(
        &["--header", "X-A: 1", "--header", "NoColonSecret"],
        &sk,
        "--header number 2: expected 'Name: value' (no colon found)",
    );
    assert_usage_error(
        &["--header", "Bad Name: v"],
        &sk,
        "--header \"Bad Name\": the name",
    );
    assert_usage_error(&["--header", "X-A: a\nb"], &sk, "--header X-A: the value");
    assert_usage_error(
        &["--header", "Host: a", "--header", "host: b"],
        &sk,
        "\"Host\" and \"host\"",
    );
    assert_usage_error(
        &["--header", "X-Sdk-Date: yesterday"],
        &sk,
        "--header X-Sdk-Date: timestamp",
    );
    assert_usage_error(
        &["--path", "v1"],
        &sk,
        "--path: invalid character at byte 0",
    );
    assert_usage_error(
        &["--path", "/%FF"],
        &sk,
        "--path: not UTF-8 once percent-decoded, at byte 1",
    );
    assert_usage_error(
        &["--date", "2024-01-15T08:30:00Z"],
        &sk,
        "--date: timestamp",
    );
    assert_usage_error(
        &["--algorithm", "v11-hmac-sha256"],
        &sk,
        "needs --region and --service",
    );
    assert_usage_error(
        &["--region", "cn-north-4"],
        &sk,
        "only with --algorithm v11-hmac-sha256",
    );
    assert_usage_error(
        &[
            "--algorithm",
            "v11-hmac-sha256",
            "--region",
            "a/b",
            "--service",
            "ecs",
        ],
        &sk,
        "--region: invalid character at byte 1",
    );
    assert_usage_error(&["--algorithm", "md5"], &sk, "md5");
    assert_usage_error(&["--body", "x", "--body-file", "f"], &sk, "--body");
    assert_usage_error(
        &["--body-file", "/nonexistent/callsign"],
        &sk,
        "--body-file /nonexistent/callsign",
    );
    let o = callsign(
        &[
            "huawei-apig".into(),
            "--app-key".into(),
            "A K".into(),
            "--method".into(),
            "GET".into(),
            "--host".into(),
            "h".into(),
            "--path".into(),
            "/".into(),
        ],
        &sk,
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("--app-key: invalid character at byte 1"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn query_splits_at_the_first_equals_sign() {
    let o = callsign(
        &[
            "huawei-apig",
            "--app-key",
            "AK",
            "--method",
            "GET",
            "--host",
            "h",
            "--path",
            "/",
            "--date",
            "20240115T083000Z",
            "--query",
            "b=1=2",
            "--query",
            "a",
            "--query",
            "=v",
        ]
        .map(String::from),
        &[("CALLSIGN_SECRET", "SK")],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).ends_with("\nRequest-Target: /?=v&a=&b=1%3D2\n"),
        "{}",
        stdout(&o)
    );
}
