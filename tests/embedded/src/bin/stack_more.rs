//! Stack painting for APIG and Sinch application-signed requests (feature
//! apig-sinch, opt-level "s" only: see Cargo.toml), as src/bin/stack.rs
//! does for the other schemes, in a firmware of its own so that those
//! schemes' code does not change the inlining, and so the figures, of the
//! others. Measures the deepest stack of one call of each entry point
//! over every vector of its scheme (and, for APIG, of the README's typical
//! SMS-send signature on its own: `stack_apig_sms`), checks each result
//! against the vector, and prints
//! `stack-painted <entry> <bytes> <vector id>` per entry point.
//! scripts/embedded.sh compares these with the static call-graph bound of
//! the same `stack_*` functions (tests/embedded/stack.py).
#![no_std]
#![no_main]

use callsign_core::huawei::apig::AUTHORIZATION_MAX_LEN as OUT_LEN;
use callsign_embedded::{exit, stack_peak, vectors, Apig, Console, SinchApp, SinchBody};
use cortex_m_rt::entry;

/// Inputs and the output buffer of one measured call. The buffer lives in
/// the caller's frame, as a firmware's would: it is not counted.
pub struct Job<V: 'static> {
    /// The vector.
    pub v: &'static V,
    /// The output buffer.
    pub out: [u8; OUT_LEN],
}

fn status(r: Result<usize, callsign_core::Error>) -> u32 {
    match r {
        Ok(n) => n as u32,
        Err(_) => u32::MAX,
    }
}

/// APIG: `Signer::new`, `Request::new` (query, headers, body), `sign`,
/// `authorization().write`, for every algorithm and variant of the vectors.
#[no_mangle]
#[inline(never)]
pub extern "C" fn stack_apig(j: &mut Job<Apig>) -> u32 {
    use callsign_core::huawei::apig::{Algorithm, Body, Request, Signer, Variant};
    use callsign_core::Emit;
    let v = j.v;
    let algorithm = match v.algorithm {
        0 => Algorithm::SdkHmacSha256,
        1 => Algorithm::SdkHmacSm3,
        _ => Algorithm::V11HmacSha256 {
            region: v.region,
            service: v.service,
        },
    };
    let variant = if v.apig_python {
        Variant::ApigPython
    } else {
        Variant::Core
    };
    let request = Request::new(v.method, v.host, v.path, callsign_core::Timestamp::UNIX_EPOCH)
        .with_query(v.query)
        .with_headers(v.headers)
        .with_body(Body::Bytes(v.body));
    status(
        Signer::new(v.app_key, v.secret, algorithm, variant)
            .and_then(|s| s.sign(&request).and_then(|signed| signed.authorization().write(&mut j.out))),
    )
}

/// The README's typical SMS-send signature (Huawei Message & SMS
/// `batchSendSms` through API Gateway AK/SK): `Signer::new`
/// (`SDK-HMAC-SHA256`, the APIG SDK's rules), `Request::new` with the two
/// headers and the form body, `sign_with::<SMS_MAX_HEADERS,
/// SMS_MAX_QUERY>` (capacities chosen for this request), and
/// `authorization().write`.
#[no_mangle]
#[inline(never)]
pub extern "C" fn stack_apig_sms(j: &mut Job<Apig>) -> u32 {
    status(sign_sms(j.v, &mut j.out))
}

/// The SMS-send signature as a firmware would write it.
#[inline(always)]
fn sign_sms(v: &Apig, out: &mut [u8]) -> Result<usize, callsign_core::Error> {
    use callsign_core::huawei::apig::{Algorithm, Body, Request, Signer, Variant};
    use callsign_core::Emit;
    let signer = Signer::new(v.app_key, v.secret, Algorithm::SdkHmacSha256, Variant::ApigPython)?;
    let request = Request::new(v.method, v.host, v.path, callsign_core::Timestamp::UNIX_EPOCH)
        .with_query(v.query)
        .with_headers(v.headers)
        .with_body(Body::Bytes(v.body));
    let signed = signer.sign_with::<SMS_MAX_HEADERS, SMS_MAX_QUERY>(&request)?;
    signed.authorization().write(out)
}

/// The capacities of the typical SMS-send signature: its 2 headers and
/// the 1 the signer adds (`Host`), with room for 5 more; no query.
const SMS_MAX_HEADERS: usize = 8;
/// See [`SMS_MAX_HEADERS`].
const SMS_MAX_QUERY: usize = 0;

/// The README's typical SMS-send request (README.md, "API Gateway"),
/// checked against Python's `hashlib`/`hmac`.
static APIG_SMS: &[Apig] = &[Apig {
    id: "readme-sms-send",
    algorithm: 0,
    region: "",
    service: "",
    apig_python: true,
    method: "POST",
    host: "smsapi.cn-north-4.myhuaweicloud.com",
    path: "/sms/batchSendSms/v1",
    query: &[],
    headers: &[
        ("Content-Type", "application/x-www-form-urlencoded"),
        ("X-Sdk-Date", "20240115T083000Z"),
    ],
    body: b"from=8824110605&to=%2B8613800000000&templateId=8ff55eac1d0b478ab3c06c3c6a492300\
&templateParas=%5B%22123456%22%5D&statusCallback=https%3A%2F%2Fexample.com%2Fsms%2Freport",
    app_key: "HPUAPPKEY000000EXAMPLE",
    secret: b"HpuSecretKey0123456789abcdefghijklmnopq",
    error: false,
    request_uri: "/sms/batchSendSms/v1",
    authorization: "SDK-HMAC-SHA256 Access=HPUAPPKEY000000EXAMPLE, SignedHeaders=content-type;host;x-sdk-date, \
Signature=16ccd2ce5998e22d32db89b395b1688f581a2616f74597aa707fbd86a6601670",
}];

/// Sinch application-signed request: `signing_key`, `BodyDigest::of`,
/// `Request::new`, `sign`, `write` (generated 1 MiB bodies are hashed by
/// the same code as the others; the stack run uses the vectors' own bodies).
#[no_mangle]
#[inline(never)]
pub extern "C" fn stack_sinch(j: &mut Job<SinchApp>) -> u32 {
    use callsign_core::sinch::application::{signing_key, BodyDigest, Request, Scheme};
    let v = j.v;
    let body: &[u8] = match v.body {
        SinchBody::Bytes(b) => b,
        _ => &[],
    };
    let digest = match v.body {
        SinchBody::None => BodyDigest::NONE,
        _ => BodyDigest::of(body),
    };
    status(signing_key(v.secret.as_bytes()).and_then(|key| {
        Request::new(Scheme::Application, v.method, v.target, v.content_type, v.x_timestamp, &digest)?
            .sign(v.key, &key)?
            .write(&mut j.out)
    }))
}

/// The deepest of `f` over the vector sets, checking each output.
fn measure<V: 'static>(
    con: &mut Console,
    name: &str,
    f: extern "C" fn(&mut Job<V>) -> u32,
    sets: &[&'static [V]],
    id: fn(&V) -> &'static str,
    expected: fn(&V) -> Option<&'static str>,
    prepare: fn(&mut Job<V>),
) -> bool {
    let mut ok = true;
    let mut worst = (0usize, "");
    for v in sets.iter().flat_map(|s| s.iter()) {
        let mut job = Job {
            v,
            out: [0; OUT_LEN],
        };
        prepare(&mut job);
        let (n, depth) = stack_peak(f, &mut job);
        if let Some(want) = expected(v) {
            if job.out.get(..n as usize) != Some(want.as_bytes()) {
                con.put("stack: FAIL ")
                    .put(name)
                    .put(" ")
                    .put(id(v))
                    .put(": wrong value\n");
                ok = false;
            }
        }
        match depth {
            Some(d) if d > worst.0 => worst = (d, id(v)),
            Some(_) => {}
            None => {
                con.put("stack: FAIL ")
                    .put(name)
                    .put(": deeper than the painted area\n");
                ok = false;
            }
        }
    }
    con.put("stack-painted ")
        .put(name)
        .put(" ")
        .num(worst.0 as u64)
        .put(" ")
        .put(worst.1)
        .put("\n");
    ok
}

/// A secret of 300 bytes: `HmacKey::new` hashes it first, through the
/// SHA-256 engine's multi-block path, which the vectors' secrets (at most
/// 100 bytes) never reach. Measuring it makes the painted figure cover the
/// same worst path as the static call-graph bound.
/// A Sinch secret of 183 bytes (244 Base64 characters): the vectors' are
/// 16 bytes, so only this one reaches `HmacKey::new`'s multi-block path.
static SINCH_LONG_SECRET: &[SinchApp] = &[SinchApp {
    id: "secret-183-bytes",
    method: "POST",
    target: "/v1/x",
    content_type: Some("application/json"),
    x_timestamp: "2024-01-19T09:19:28Z",
    key: "k",
    secret: "WlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpa",
    body: SinchBody::Bytes(b"{}"),
    error: false,
    content_md5: "",
    string_to_sign: "",
    authorization: "",
}];

#[entry]
fn main() -> ! {
    let mut con = Console::open();
    let apig_ok = |v: &Apig| (!v.error).then_some(v.authorization);
    let mut ok = measure(&mut con, "apig", stack_apig, &[&vectors::APIG[..]], |v| v.id, apig_ok, |_| {});
    ok &= measure(&mut con, "apig_sms", stack_apig_sms, &[APIG_SMS], |v| v.id, apig_ok, |_| {});
    // Generated bodies are not passed to stack_sinch, and the long secret
    // has no expected value: no check of their result.
    let sinch_ok = |v: &SinchApp| {
        let generated = matches!(v.body, SinchBody::Generated { .. });
        (!v.error && !generated && !v.authorization.is_empty()).then_some(v.authorization)
    };
    let sets = [&vectors::SINCH_APP[..], SINCH_LONG_SECRET];
    ok &= measure(&mut con, "sinch", stack_sinch, &sets, |v| v.id, sinch_ok, |_| {});
    exit(ok)
}
