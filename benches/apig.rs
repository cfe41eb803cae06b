//! APIG (SDK-HMAC-SHA256) signatures per second for a typical SMS send
//! request: 5 headers, a 300-byte JSON body, signer built once.
//!
//! `cargo bench --bench apig`. Beside it, the hashing floor: the same
//! bytes through SHA-256 and HMAC-SHA256 with nothing else, so the cost of
//! canonicalisation (sorting, trimming, encoding) is the difference.

use callsign_core::huawei::apig::{
    Algorithm, Body, Request, Signer, Variant, AUTHORIZATION_MAX_LEN,
};
use callsign_core::{sha256, Emit, HmacKey, Timestamp};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

const APP_KEY: &str = "HPUAPPKEY000000EXAMPLE";
const SECRET: &[u8] = b"HpuSecretKey0123456789abcdefghijklmnopq";

const HEADERS: [(&str, &str); 5] = [
    ("Content-Type", "application/json;charset=UTF-8"),
    ("Accept", "application/json"),
    ("User-Agent", "callsign-bench/0.1"),
    ("X-Project-Id", "0123456789abcdef0123456789abcdef"),
    ("X-Sdk-Date", "20240115T083000Z"),
];

/// A 300-byte JSON body, like a batchSendSms request.
fn sms_body() -> Vec<u8> {
    let mut body = String::from(
        r#"{"from":"8824032015014","to":["+8615123456789","+8615123456790"],"templateId":"8ff55eac1d0b478ab3c06c3c6a492300","templateParas":["369751","5"],"statusCallback":"https://example.com/sms/status","signature":"callsign","extend":""#,
    );
    while body.len() < 298 {
        body.push('x');
    }
    body.push_str("\"}");
    assert_eq!(body.len(), 300);
    body.into_bytes()
}

fn signatures(c: &mut Criterion) {
    let body = sms_body();
    let date = Timestamp::parse("20240115T083000Z").expect("valid");
    let request = Request::new(
        "POST",
        "smsapi.cn-north-4.myhuaweicloud.com:443",
        "/sms/batchSendSms/v1",
        date,
    )
    .with_headers(&HEADERS)
    .with_body(Body::Bytes(&body));
    let signer =
        Signer::new(APP_KEY, SECRET, Algorithm::SdkHmacSha256, Variant::Core).expect("signer");
    let mut buf = [0u8; AUTHORIZATION_MAX_LEN];

    let signed = signer.sign(&request).expect("signs");
    let canonical = text(&signed.canonical_request());
    let string_to_sign = text(&signed.string_to_sign());
    println!(
        "apig: canonical request {} B, string to sign {} B, body {} B",
        canonical.len(),
        string_to_sign.len(),
        body.len()
    );

    let mut g = c.benchmark_group("apig");
    g.throughput(Throughput::Elements(1));
    g.bench_function("sign_sms_send", |b| {
        b.iter(|| {
            let signed = signer.sign(black_box(&request)).expect("signs");
            signed.authorization().write(&mut buf).expect("fits")
        })
    });
    let digest_request = request.with_body(Body::Sha256(sha256(&body)));
    g.bench_function("sign_sms_send_body_digest_given", |b| {
        b.iter(|| {
            let signed = signer.sign(black_box(&digest_request)).expect("signs");
            signed.authorization().write(&mut buf).expect("fits")
        })
    });
    g.bench_function("sign_sms_send_new_signer", |b| {
        b.iter(|| {
            let signer = Signer::new(
                APP_KEY,
                black_box(SECRET),
                Algorithm::SdkHmacSha256,
                Variant::Core,
            )
            .expect("signer");
            let signed = signer.sign(black_box(&request)).expect("signs");
            signed.authorization().write(&mut buf).expect("fits")
        })
    });
    let key = HmacKey::new(SECRET);
    g.bench_function("hashing_floor", |b| {
        b.iter(|| {
            let body_hash = sha256(black_box(&body));
            let request_hash = sha256(black_box(canonical.as_bytes()));
            (
                body_hash,
                request_hash,
                key.mac(black_box(string_to_sign.as_bytes())),
            )
        })
    });
    g.finish();
}

fn text(value: &impl Emit) -> String {
    let mut buf = vec![0u8; value.len()];
    value.write(&mut buf).expect("exact");
    String::from_utf8(buf).expect("UTF-8")
}

criterion_group!(benches, signatures);
criterion_main!(benches);
