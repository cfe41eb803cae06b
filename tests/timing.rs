//! A statistical timing test in the style of dudect (Reparaz, Balasch,
//! Verbauwhede 2017): the time a verifier takes to refuse a signature that
//! differs from the right one only in its first byte, against one that
//! differs only in its last byte. An early-exit comparison would take
//! longer for the second class; a constant-time one shows no difference.
//!
//! The classes are measured in pairs (both classes back to back, in a
//! random order within the pair) through one input buffer, each call is
//! timed on its own, and Welch's t statistic is computed on all samples and on the
//! samples below several percentiles of the pooled distribution (cropping
//! removes interrupts and other long outliers). |t| < 4.5 for every crop
//! passes.
//!
//! Run: `cargo test --release --test timing -- --ignored --nocapture`.

mod core_common;

use std::hint::black_box;
use std::time::Instant;

use callsign_core::huawei::verify::{verify_x_aksk, ParsedToken};
use callsign_core::huawei::voice::XAksk;
use callsign_core::sinch::application::{signing_key, BodyDigest, Request, Scheme};
use callsign_core::sinch::callback::{CallbackHeaders, CallbackVerifier};
use callsign_core::sinch::{numbers, webhook};
use callsign_core::verify::Checks;
use callsign_core::{mailgun, Error, HmacKey, Nonce, Timestamp};

use core_common::{base64, hex, unhex, XorShift};

/// Samples per class (after warm-up).
const SAMPLES: usize = 120_000;
/// The threshold dudect uses for "definitely not constant time".
const T_THRESHOLD: f64 = 4.5;
/// Pooled percentiles at which samples are cropped (1.0 = no cropping).
const CROPS: [f64; 4] = [1.0, 0.99, 0.9, 0.5];

/// Welch's t statistic of two samples.
fn welch_t(a: &[f64], b: &[f64]) -> f64 {
    let stats = |x: &[f64]| {
        let n = x.len() as f64;
        let mean = x.iter().sum::<f64>() / n;
        let var = x.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (n - 1.0);
        (n, mean, var)
    };
    let (na, ma, va) = stats(a);
    let (nb, mb, vb) = stats(b);
    (ma - mb) / (va / na + vb / nb).sqrt()
}

/// Times `verify` on the two received values, interleaved at random, and
/// returns the largest |t| over the crops after printing them all. Both
/// values go through the same buffer, so their address cannot matter.
fn measure(
    name: &str,
    first_differs: &str,
    last_differs: &str,
    verify: impl Fn(&str) -> Result<(), Error>,
) -> f64 {
    assert_eq!(
        first_differs.len(),
        last_differs.len(),
        "{name}: same length"
    );
    assert_eq!(
        verify(first_differs),
        Err(Error::SignatureMismatch),
        "{name}: class 0"
    );
    assert_eq!(
        verify(last_differs),
        Err(Error::SignatureMismatch),
        "{name}: class 1"
    );
    let inputs = [first_differs.as_bytes(), last_differs.as_bytes()];
    let len = first_differs.len();
    let mut buf = vec![0u8; len];
    // Pairs: each measures both classes back to back, in a random order,
    // so drift slower than a pair (frequency changes, other processes)
    // touches both classes alike. The first 10 000 pairs warm up caches
    // and branch predictors.
    const WARM_UP: usize = 10_000;
    let mut rng = XorShift(0x9e37_79b9_7f4a_7c15);
    let mut times = [Vec::with_capacity(SAMPLES), Vec::with_capacity(SAMPLES)];
    for pair in 0..WARM_UP + SAMPLES {
        let first = rng.below(2);
        for class in [first, 1 - first] {
            buf.copy_from_slice(inputs[class]);
            let input = black_box(std::str::from_utf8(&buf).expect("ASCII"));
            let start = Instant::now();
            let result = verify(input);
            let elapsed = start.elapsed();
            black_box(result).ok();
            if pair >= WARM_UP {
                times[class].push(elapsed.as_nanos() as f64);
            }
        }
    }
    let mut pooled: Vec<f64> = times.iter().flatten().copied().collect();
    pooled.sort_by(f64::total_cmp);
    let mut worst: f64 = 0.0;
    for crop in CROPS {
        let limit = pooled[((pooled.len() - 1) as f64 * crop) as usize];
        let keep = |x: &Vec<f64>| {
            x.iter()
                .copied()
                .filter(|&v| v <= limit)
                .collect::<Vec<f64>>()
        };
        let (a, b) = (keep(&times[0]), keep(&times[1]));
        let t = welch_t(&a, &b);
        let mean = |x: &[f64]| x.iter().sum::<f64>() / x.len() as f64;
        println!(
            "timing: {name:<28} crop p{:<5} n = {:>6} / {:>6}  mean {:>8.1} / {:>8.1} ns  t = {t:+.3}",
            crop * 100.0,
            a.len(),
            b.len(),
            mean(&a),
            mean(&b),
        );
        worst = worst.max(t.abs());
    }
    worst
}

/// The kind of a character: what a parser's branches may depend on.
fn kind(c: u8) -> u8 {
    match c {
        b'A'..=b'Z' => 0,
        b'a'..=b'z' => 1,
        b'0'..=b'9' => 2,
        _ => c,
    }
}

/// The texts (by `encode`) of the right MAC with its first, then its last
/// byte changed, each by the first bit flip that keeps every character of
/// the text of the same kind: the two classes then differ only in where
/// the signature differs, not in what a parser sees.
fn variants(mac: &[u8], encode: impl Fn(&[u8]) -> String) -> (String, String) {
    let right = encode(mac);
    let changed = |at: usize| {
        (0..8)
            .map(|bit| {
                let mut m = mac.to_vec();
                m[at] ^= 1 << bit;
                encode(&m)
            })
            .find(|t| {
                t.len() == right.len()
                    && t.bytes()
                        .zip(right.bytes())
                        .all(|(a, b)| kind(a) == kind(b))
            })
            .expect("a kind-preserving bit flip")
    };
    (changed(0), changed(mac.len() - 1))
}

#[test]
#[ignore = "statistical; run: cargo test --release --test timing -- --ignored --nocapture"]
fn verifiers_take_the_same_time_whichever_byte_differs() {
    let mut worst = Vec::new();

    // Mailgun: hex HMAC-SHA256.
    let key = HmacKey::new(b"0f1e2d3c4b5a69788796a5b4c3d2e1f0-2b3c4d5e-6f7a8b9c");
    let (ts, token) = (
        "1770920772",
        "c4f1e0a9b8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8",
    );
    let right = unhex(mailgun::sign(&key, ts, token).expect("sign").as_str());
    let (a, b) = variants(&right, hex);
    worst.push(measure("mailgun (hex)", &a, &b, |sig| {
        mailgun::verify(&key, ts, token, sig, Checks::SignatureOnly)
    }));

    // Sinch Numbers: hex HMAC-SHA1.
    let body = br#"{"eventId":"01hpa0mww4m79q8j2dwn3ggbgz","status":"SUCCEEDED"}"#;
    let right = unhex(
        numbers::sign(b"my-callback-secret", body)
            .expect("sign")
            .as_str(),
    );
    let (a, b) = variants(&right, hex);
    worst.push(measure("sinch numbers (hex SHA-1)", &a, &b, |sig| {
        numbers::verify(b"my-callback-secret", Some(sig), body)
    }));

    // Sinch webhook: Base64 HMAC-SHA256.
    let key = HmacKey::new(b"foo_secret1234");
    let body = br#"{"app_id":"","accepted_time":"2021-10-18T17:49:13.813615Z"}"#;
    let mut mac = webhook::WebhookMac::new(&key);
    mac.update(body);
    let sig = mac
        .sign("01FJA8B4A7BM43YGWSG9GBV067", "1634579353")
        .expect("sign");
    let right = decode_base64(sig.as_str());
    let (a, b) = variants(&right, base64);
    worst.push(measure("sinch webhook (Base64)", &a, &b, |sig| {
        let headers = webhook::WebhookHeaders {
            signature: Some(sig),
            nonce: Some("01FJA8B4A7BM43YGWSG9GBV067"),
            timestamp: Some("1634579353"),
            algorithm: Some("HmacSHA256"),
        };
        webhook::verify(&key, &headers, body, Checks::SignatureOnly)
    }));

    // Sinch Application callback: Base64 HMAC-SHA256 in Authorization.
    let key = signing_key(b"BeIukql3pTKJ8RGL5zo0DA==").expect("secret");
    let body = br#"{"event":"ace","callid":"822aa4b7","version":1}"#;
    let request = Request::new(
        Scheme::Application,
        "POST",
        "/cb",
        Some("application/json"),
        "2014-09-24T10:59:41Z",
        &BodyDigest::of(body),
    )
    .expect("request");
    let auth = |mac: &[u8]| format!("Application app:{}", base64(mac));
    let (a, b) = variants(&request.signature(&key), auth);
    let verifier = CallbackVerifier::new(Scheme::Application, "app", &key);
    worst.push(measure(
        "sinch callback (Base64)",
        &a,
        &b,
        |authorization| {
            let headers = CallbackHeaders {
                authorization: Some(authorization),
                content_type: Some("application/json"),
                x_timestamp: Some("2014-09-24T10:59:41Z"),
            };
            verifier.verify("POST", "/cb", &headers, body, Checks::SignatureOnly)
        },
    ));

    // Huawei X-AKSK: Base64 HMAC-SHA256 in PasswordDigest.
    let key = HmacKey::new(b"Zy9Xw8Vu7Ts6Rq5Po4Nm3Lk2Ji1H");
    let nonce = Nonce::new("66c92b11ff8a425fb8d4ccfe0ed9ed1f").expect("nonce");
    let created = Timestamp::parse("2024-03-01T08:15:30Z").expect("created");
    let x = XAksk::new("app", &key, &nonce, created).expect("sign");
    let header = |mac: &[u8]| {
        format!(
            r#"UsernameToken Username="app",PasswordDigest="{}",Nonce="66c92b11ff8a425fb8d4ccfe0ed9ed1f",Created="2024-03-01T08:15:30Z""#,
            base64(mac)
        )
    };
    let (a, b) = variants(&decode_base64(x.password_digest()), header);
    worst.push(measure("huawei x-aksk (Base64)", &a, &b, |value| {
        verify_x_aksk(
            &ParsedToken::parse(value)?,
            "app",
            &key,
            Checks::SignatureOnly,
        )
        .map(|_| ())
    }));

    let max = worst.iter().copied().fold(0.0, f64::max);
    println!("timing: largest |t| = {max:.3} (threshold {T_THRESHOLD})");

    // Negative control: the same measurement detects an early-exit
    // comparison of the same Mailgun MAC.
    let key = HmacKey::new(b"0f1e2d3c4b5a69788796a5b4c3d2e1f0-2b3c4d5e-6f7a8b9c");
    let right = unhex(mailgun::sign(&key, ts, token).expect("sign").as_str());
    let (a, b) = variants(&right, hex);
    let leaky = measure("control: early-exit compare", &a, &b, |sig| {
        let expected = unhex(mailgun::sign(&key, ts, token)?.as_str());
        let received = unhex(sig);
        for (x, y) in expected.iter().zip(&received) {
            if black_box(x) != black_box(y) {
                return Err(Error::SignatureMismatch);
            }
        }
        Ok(())
    });
    println!("timing: control |t| = {leaky:.3}: the harness detects an early exit");
    assert!(
        leaky > T_THRESHOLD,
        "the harness failed to detect an early-exit comparison"
    );
    assert!(
        max < T_THRESHOLD,
        "a verifier's time depends on where the signature differs: |t| = {max:.3}"
    );
}

/// Standard padded Base64 decoding, for test inputs only.
fn decode_base64(text: &str) -> Vec<u8> {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut bits = 0u32;
    let mut n = 0;
    let mut out = Vec::new();
    for c in text.bytes().filter(|&c| c != b'=') {
        let v = ALPHABET.iter().position(|&a| a == c).expect("Base64") as u32;
        bits = (bits << 6) | v;
        n += 6;
        if n >= 8 {
            n -= 8;
            out.push((bits >> n) as u8);
        }
    }
    out
}
