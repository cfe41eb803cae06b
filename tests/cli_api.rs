//! Every vector of `tests/vectors/api-surface.json` through the `callsign`
//! binary: `callsign build KIND` / `callsign parse KIND [--http-status N]
//! [--content-type CT] [--received-at UNIX]` with the input on stdin, as an
//! acceptance harness runs them; invalid inputs exit 2 with one stderr line
//! `callsign: error: FIELD: reason`. Also `callsign result-code`.

mod api_common;

use std::collections::BTreeMap;
use std::io::Write;
use std::process::{Command, Output, Stdio};

use api_common::{cli_kind, expected_error_field, input, is_build, vectors};
use serde_json::Value;

fn callsign(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_callsign"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
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
fn every_api_surface_vector_through_the_cli() {
    let mut passed: BTreeMap<String, usize> = BTreeMap::new();
    let vectors = vectors();
    for v in &vectors {
        let id = v["id"].as_str().unwrap();
        let kind = cli_kind(v);
        let input = input(v);
        let (verb, stdin, mut args) = if is_build(v) {
            ("build", input.to_string(), vec![])
        } else {
            let mut args = vec![];
            if let Some(s) = input["http_status"].as_u64() {
                args.extend(["--http-status".to_owned(), s.to_string()]);
            }
            if let Some(ct) = input["content_type"].as_str() {
                args.extend(["--content-type".to_owned(), ct.to_owned()]);
            }
            if let Some(t) = input["received_at_unix"].as_u64() {
                args.extend(["--received-at".to_owned(), t.to_string()]);
            }
            ("parse", input["raw"].as_str().unwrap().to_owned(), args)
        };
        args.splice(0..0, [verb.to_owned(), kind.to_owned()]);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let o = callsign(&args, stdin.as_bytes());
        let (out, err) = (
            String::from_utf8(o.stdout.clone()).unwrap(),
            String::from_utf8(o.stderr.clone()).unwrap(),
        );
        match expected_error_field(v) {
            None => {
                assert_eq!(o.status.code(), Some(0), "{id}: {err}");
                assert_eq!(out.lines().count(), 1, "{id}: one JSON object: {out}");
                let got: Value = serde_json::from_str(&out).unwrap();
                for (key, want) in v["expected"].as_object().unwrap() {
                    if key == "fields" {
                        same_fields(id, &got["fields"], want);
                    } else {
                        assert_eq!(&got[key], want, "{id}: {key}");
                    }
                }
            }
            Some(field) => {
                assert_eq!(o.status.code(), Some(2), "{id}: stdout {out}");
                assert!(out.is_empty(), "{id}: stdout {out}");
                assert_eq!(err.lines().count(), 1, "{id}: {err:?}");
                assert!(err.starts_with("callsign: error: "), "{id}: {err:?}");
                if let Some(field) = field {
                    let prefix = format!("callsign: error: {field}: ");
                    assert!(
                        err.starts_with(&prefix),
                        "{id}: {err:?} should start {prefix:?}"
                    );
                }
            }
        }
        *passed.entry(format!("{verb} {kind}")).or_default() += 1;
    }
    for (kind, n) in &passed {
        println!("cli api-surface: {kind}: {n} vectors passed");
    }
    assert_eq!(passed.values().sum::<usize>(), vectors.len());
}

#[test]
fn result_code_explains_codes_by_http_status() {
    let o = callsign(&["result-code", "1010010", "--http-status", "401"], b"");
    let out = String::from_utf8(o.stdout).unwrap();
    assert_eq!(o.status.code(), Some(0));
    assert!(
        out.contains("Invalid digest.") && out.contains("category: fix-credentials"),
        "{out}"
    );
    assert!(!out.contains("flow control"), "{out}");

    let o = callsign(&["result-code", "1010010"], b"");
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(
        out.contains("fix-credentials")
            && out.contains("retry-later")
            && out.contains("retry after: 60 s"),
        "{out}"
    );

    let o = callsign(&["result-code", "1010013", "--http-status", "401"], b"");
    assert!(String::from_utf8(o.stdout)
        .unwrap()
        .contains("category: fix-clock"));

    let o = callsign(&["result-code", "E000503", "--http-status", "400"], b"");
    assert!(String::from_utf8(o.stdout)
        .unwrap()
        .contains("category: fix-request"));

    let o = callsign(&["result-code", "1999999", "--http-status", "500"], b"");
    assert!(String::from_utf8(o.stdout)
        .unwrap()
        .contains("category: contact-provider"));

    let o = callsign(&["result-code", "1999999"], b"");
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8(o.stderr).unwrap();
    assert_eq!(err.lines().count(), 1);
    assert!(err.starts_with("callsign: error: code: "), "{err}");
}

#[test]
fn bad_stdin_is_a_usage_error() {
    let o = callsign(&["build", "huawei-callstop"], b"not json");
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(err.starts_with("callsign: error: input: "), "{err}");
    assert_eq!(err.lines().count(), 1);
    let o = callsign(
        &[
            "parse",
            "huawei-sms-status-report",
            "--content-type",
            "application/json",
        ],
        b"smsMsgId=a&status=DELIVRD",
    );
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(err.starts_with("callsign: error: content type: "), "{err}");
}
