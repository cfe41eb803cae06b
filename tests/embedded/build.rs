//! Turns the vector files into firmware data, and picks the memory map.
//!
//! - `$OUT_DIR/vectors.rs`: every X-AKSK and X-WSSE vector of
//!   ../vectors/huawei.json and every Basic vector (sinch.basic_auth,
//!   mailgun.basic_auth) of ../vectors/sinch_mailgun.json, as `static`
//!   tables. A vector of those schemes that this generator does not
//!   understand fails the build: none is skipped silently.
//! - `$OUT_DIR/memory.x` for cortex-m-rt's link.x: QEMU lm3s6965evb
//!   (thumbv7m: 256 KiB flash, 64 KiB SRAM) or mps2-an386 (thumbv7em:
//!   4 MiB SSRAM1 as code, 4 MiB SSRAM2/3 as data).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde_json::Value;

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("set by cargo"));
    let vectors = manifest.join("../../tests/vectors");
    let huawei = vectors.join("huawei.json");
    let sinch = vectors.join("sinch_mailgun.json");
    println!("cargo:rerun-if-changed={}", huawei.display());
    println!("cargo:rerun-if-changed={}", sinch.display());
    println!("cargo:rerun-if-changed=build.rs");

    let code = generate(&load(&huawei), &load(&sinch));
    std::fs::write(out.join("vectors.rs"), code).expect("write vectors.rs");

    let target = std::env::var("TARGET").expect("set by cargo");
    if target.starts_with("thumb") {
        let memory = if target.starts_with("thumbv7m-") {
            // Stellaris LM3S6965 (QEMU lm3s6965evb).
            "MEMORY\n{\n  FLASH : ORIGIN = 0x00000000, LENGTH = 256K\n  RAM : ORIGIN = 0x20000000, LENGTH = 64K\n}\n"
        } else {
            // ARM MPS2 AN386 (QEMU mps2-an386): SSRAM1 at 0 holds code,
            // SSRAM2/3 at 0x20000000 data.
            "MEMORY\n{\n  FLASH : ORIGIN = 0x00000000, LENGTH = 4M\n  RAM : ORIGIN = 0x20000000, LENGTH = 4M\n}\n"
        };
        std::fs::write(out.join("memory.x"), memory).expect("write memory.x");
        println!("cargo:rustc-link-search={}", out.display());
        println!("cargo:rustc-link-arg-bins=-Tlink.x");
    }
}

fn load(path: &Path) -> Value {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn s<'a>(v: &'a Value, key: &str, id: &str) -> &'a str {
    v.get(key)
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("vector {id}: no string {key:?}"))
}

/// A Rust byte-string expression for `bytes`.
fn bytes_lit(bytes: &[u8]) -> String {
    let mut out = String::from("&[");
    for b in bytes {
        write!(out, "0x{b:02x},").expect("write to String");
    }
    out.push(']');
    out
}

fn hex(text: &str, id: &str) -> Vec<u8> {
    assert!(text.len() % 2 == 0, "vector {id}: odd hex length");
    (0..text.len())
        .step_by(2)
        .map(|i| {
            u8::from_str_radix(&text[i..i + 2], 16)
                .unwrap_or_else(|_| panic!("vector {id}: bad hex"))
        })
        .collect()
}

/// Unix seconds of `YYYY-MM-DDTHH:MM:SSZ` (Howard Hinnant's
/// days_from_civil), computed independently of callsign's parser.
fn unix_seconds(created: &str, id: &str) -> u64 {
    let b = created.as_bytes();
    let ok = b.len() == 20
        && b[4] == b'-'
        && b[7] == b'-'
        && b[10] == b'T'
        && b[13] == b':'
        && b[16] == b':'
        && b[19] == b'Z';
    assert!(
        ok,
        "vector {id}: created {created:?} is not YYYY-MM-DDTHH:MM:SSZ"
    );
    let n = |r: std::ops::Range<usize>| -> i64 {
        created[r]
            .parse()
            .unwrap_or_else(|_| panic!("vector {id}: bad created"))
    };
    let (y, m, d) = (n(0..4), n(5..7), n(8..10));
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    let secs = days * 86_400 + n(11..13) * 3600 + n(14..16) * 60 + n(17..19);
    u64::try_from(secs).unwrap_or_else(|_| panic!("vector {id}: before 1970"))
}

fn generate(huawei: &Value, sinch: &Value) -> String {
    let mut aksk = String::new();
    let mut wsse = String::new();
    let mut basic = String::new();
    let (mut n_aksk, mut n_wsse, mut n_basic) = (0, 0, 0);
    let all = |v: &Value| v["vectors"].as_array().expect("vectors[]").clone();

    for v in all(huawei) {
        let scheme = v["scheme"].as_str().unwrap_or("");
        if scheme != "x-aksk" && scheme != "x-wsse" {
            continue;
        }
        let id = s(&v, "id", "?").to_owned();
        let (i, e) = (&v["inputs"], &v["expected"]);
        assert!(
            e.get("error").is_none(),
            "vector {id}: error vectors are not supported"
        );
        let secret = hex(s(i, "app_secret_utf8_hex", &id), &id);
        assert_eq!(
            secret,
            s(i, "app_secret", &id).as_bytes(),
            "vector {id}: secret hex"
        );
        let created = s(i, "created", &id);
        let fields = format!(
            "id: {:?}, app_key: {:?}, secret: {}, nonce: {:?}, created: {:?}, created_unix: {}, ",
            id,
            s(i, "app_key", &id),
            bytes_lit(&secret),
            s(i, "nonce", &id),
            created,
            unix_seconds(created, &id),
        );
        if scheme == "x-aksk" {
            writeln!(
                aksk,
                "    Token {{ {fields}legacy_raw: false, expected: {:?}, authorization: {:?} }},",
                s(e, "x_aksk", &id),
                s(e, "authorization", &id)
            )
            .expect("write to String");
            n_aksk += 1;
        } else {
            let legacy_raw = match s(&v, "variant", &id) {
                "sms-demo-hex" => false,
                "sms-legacy-raw-digest" => true,
                other => panic!("vector {id}: unknown X-WSSE variant {other:?}"),
            };
            writeln!(
                wsse,
                "    Token {{ {fields}legacy_raw: {legacy_raw}, expected: {:?}, authorization: {:?} }},",
                s(e, "x_wsse", &id),
                s(e, "authorization", &id)
            )
            .expect("write to String");
            n_wsse += 1;
        }
    }
    for v in all(sinch) {
        let scheme = v["scheme"].as_str().unwrap_or("");
        let id = s(&v, "id", "?").to_owned();
        let (i, e) = (&v["inputs"], &v["expected"]);
        let (user, secret, mailgun) = match scheme {
            "sinch.basic_auth" => (s(i, "username", &id), s(i, "password", &id), false),
            "mailgun.basic_auth" => {
                let user = e.get("username").and_then(Value::as_str).unwrap_or("api");
                assert_eq!(user, "api", "vector {id}: Mailgun user is not api");
                (user, s(i, "api_key", &id), true)
            }
            _ => continue,
        };
        writeln!(
            basic,
            "    Basic {{ id: {id:?}, user: {user:?}, secret: {}, mailgun: {mailgun}, expected: {:?} }},",
            bytes_lit(secret.as_bytes()),
            s(e, "authorization", &id)
        )
        .expect("write to String");
        n_basic += 1;
    }
    assert!(
        n_aksk > 0 && n_wsse > 0 && n_basic > 0,
        "a vector table is empty"
    );
    format!(
        "// Generated by tests/embedded/build.rs from tests/vectors/*.json. Do not edit.\n\
         /// The X-AKSK vectors.\npub static X_AKSK: [Token; {n_aksk}] = [\n{aksk}];\n\
         /// The X-WSSE vectors (legacy_raw: the non-normative raw-digest variant).\npub static X_WSSE: [Token; {n_wsse}] = [\n{wsse}];\n\
         /// The Basic vectors (Sinch, Mailgun).\npub static BASIC: [Basic; {n_basic}] = [\n{basic}];\n"
    )
}
