//! Every vector of `tests/vectors/api-surface.json` through the Rust API
//! (`callsign-core`'s builders and parsers, reached through the JSON
//! mapping of `callsign_cli`): bodies compared byte for byte, parsed fields
//! and derived values compared, and for invalid inputs the field named.

mod api_common;

use std::collections::BTreeMap;

use api_common::{cli_kind, expected_error_field, input, is_build, vectors};
use callsign_cli::api_build::{build, field_path, BUILD_KINDS};
use serde_json::Value;

/// The kinds this test must run: a vector of one of them that does not run
/// fails the test.
const IMPLEMENTED: &[&str] = &BUILD_KINDS;

fn run(v: &Value) -> Result<Value, callsign_core::Error> {
    let kind = cli_kind(v);
    if is_build(v) {
        build(kind, &input(v))
    } else {
        unreachable!("parsers are not in IMPLEMENTED yet: {kind}")
    }
}

/// Compares a successful output with `expected` (builders: method, path,
/// content type and body, byte for byte).
fn check_output(id: &str, got: &Value, expected: &Value) {
    for key in ["method", "path", "content_type", "body", "url", "headers"] {
        if let Some(want) = expected.get(key) {
            assert_eq!(&got[key], want, "{id}: {key}");
        }
    }
}

#[test]
fn every_api_surface_vector_of_the_implemented_kinds() {
    let mut passed: BTreeMap<&str, usize> = BTreeMap::new();
    let mut not_run: BTreeMap<&str, usize> = BTreeMap::new();
    for v in vectors() {
        let id = v["id"].as_str().unwrap();
        let kind = cli_kind(&v);
        if !IMPLEMENTED.contains(&kind) {
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
    for kind in IMPLEMENTED {
        assert!(
            passed.get(kind).copied().unwrap_or(0) > 0,
            "no vector of {kind} ran"
        );
    }
}
