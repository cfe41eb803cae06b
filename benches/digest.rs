//! Digest throughput and header generation rate.
//!
//! `cargo bench --bench digest`. Sizes: 16 B, 64 B, 1 KiB, 64 KiB.

use callsign_core::huawei::{sms, voice};
use callsign_core::{basic::Basic, hmac_sha256, sha256, HmacKey, Nonce, Timestamp};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;

const SIZES: [usize; 4] = [16, 64, 1024, 64 * 1024];
const SECRET: &[u8] = b"Zy9Xw8Vu7Ts6Rq5Po4Nm3Lk2Ji1H";
const APP_KEY: &str = "a1B2c3D4e5F6g7H8i9J0kLmNoPqR";

fn digests(c: &mut Criterion) {
    let data = vec![0x5au8; *SIZES.iter().max().unwrap_or(&0)];
    let key = HmacKey::new(SECRET);
    let mut g = c.benchmark_group("sha256");
    for size in SIZES {
        g.throughput(Throughput::Bytes(size as u64));
        g.bench_with_input(BenchmarkId::from_parameter(size), &data[..size], |b, d| {
            b.iter(|| sha256(black_box(d)))
        });
    }
    g.finish();
    let mut g = c.benchmark_group("hmac_sha256_precomputed_key");
    for size in SIZES {
        g.throughput(Throughput::Bytes(size as u64));
        g.bench_with_input(BenchmarkId::from_parameter(size), &data[..size], |b, d| {
            b.iter(|| key.mac(black_box(d)))
        });
    }
    g.finish();
    let mut g = c.benchmark_group("hmac_sha256_fresh_key");
    for size in SIZES {
        g.throughput(Throughput::Bytes(size as u64));
        g.bench_with_input(BenchmarkId::from_parameter(size), &data[..size], |b, d| {
            b.iter(|| hmac_sha256(black_box(SECRET), black_box(d)))
        });
    }
    g.finish();
}

fn headers(c: &mut Criterion) {
    let nonce = Nonce::new("66c92b11ff8a425fb8d4ccfe0ed9ed1f").expect("valid nonce");
    let created = Timestamp::from_unix(1_709_280_930).expect("in range");
    let key = HmacKey::new(SECRET);
    let mut buf = [0u8; voice::X_AKSK_MAX_LEN];
    let mut g = c.benchmark_group("headers");
    g.throughput(Throughput::Elements(1));
    g.bench_function("x_aksk_precomputed_key", |b| {
        b.iter(|| {
            let v = voice::XAksk::new(APP_KEY, black_box(&key), &nonce, created).expect("signs");
            v.write(&mut buf).expect("fits")
        })
    });
    g.bench_function("x_aksk_fresh_key", |b| {
        b.iter(|| {
            let key = HmacKey::new(black_box(SECRET));
            let v = voice::XAksk::new(APP_KEY, &key, &nonce, created).expect("signs");
            v.write(&mut buf).expect("fits")
        })
    });
    let mut wbuf = [0u8; sms::X_WSSE_MAX_LEN];
    g.bench_function("x_wsse", |b| {
        b.iter(|| {
            let v = sms::XWsse::new(APP_KEY, black_box(SECRET), &nonce, created).expect("signs");
            v.write(&mut wbuf).expect("fits")
        })
    });
    let mut bbuf = [0u8; callsign_core::basic::BASIC_MAX_LEN];
    g.bench_function("basic", |b| {
        b.iter(|| {
            let v = Basic::mailgun(black_box("key-3ax6xnjp29jd6fds4gc373sgvjxteol0")).expect("ok");
            v.write(&mut bbuf).expect("fits")
        })
    });
    g.finish();
}

criterion_group!(benches, digests, headers);
criterion_main!(benches);
