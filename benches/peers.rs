//! callsign beside its peers, in one run.
//!
//! `bash scripts/bench.sh` (or `cargo build -p callsign-ffi --release &&
//! cargo bench --bench peers`). Measures, with criterion:
//! - the limit: `sha2::compress256` over 8 KiB of blocks, giving the cost of
//!   one SHA-256 compression on this machine;
//! - X-AKSK headers with a precomputed and with a fresh key, X-WSSE and
//!   Basic headers, from callsign's Rust API and its C ABI
//!   (`target/release/libcallsign.so`, loaded at run time), and from peers
//!   that compute the same header with `hmac`+`sha2` (cloned keyed state),
//!   `ring` and OpenSSL (the `openssl` crate, system libcrypto);
//! - SHA-256 and HMAC-SHA256 at 16 B, 64 B, 1 KiB, 64 KiB and 1 MiB.
//!
//! Then prints each result as a fraction of the limit (the compressions it
//! needs at the measured compression cost) and as a multiple of the best
//! peer's speed.

use std::hint::black_box;
use std::path::{Path, PathBuf};

use callsign_cli::peers::{
    sha256_blocks, sign_x_aksk, HmacSha2, Limit, OpenSsl, PeerMac, Ring, LIMIT_BLOCKS,
};
use callsign_core::huawei::{sms, voice};
use callsign_core::{basic::Basic, HmacKey, Nonce, Timestamp};
use criterion::{Criterion, Throughput};
use sha2::Digest;

const APP_KEY: &str = "a1B2c3D4e5F6g7H8i9J0kLmNoPqR";
const SECRET: &[u8] = b"Zy9Xw8Vu7Ts6Rq5Po4Nm3Lk2Ji1H";
const NONCE: &str = "66c92b11ff8a425fb8d4ccfe0ed9ed1f";
const CREATED: u64 = 1_709_280_930;
const SIZES: [usize; 5] = [16, 64, 1024, 64 * 1024, 1024 * 1024];

/// callsign's C ABI, loaded from the shared library.
struct CAbi {
    _lib: libloading::Library,
    key_init: unsafe extern "C" fn(*mut [u64; 12], *const u8, usize) -> u32,
    x_aksk_with_key: unsafe extern "C" fn(
        *const [u64; 12],
        *const u8,
        usize,
        *const u8,
        usize,
        u64,
        *mut std::ffi::c_char,
        usize,
        *mut usize,
    ) -> u32,
    x_aksk: unsafe extern "C" fn(
        *const u8,
        usize,
        *const u8,
        usize,
        *const u8,
        usize,
        u64,
        *mut std::ffi::c_char,
        usize,
        *mut usize,
    ) -> u32,
}

impl CAbi {
    fn load(path: &Path) -> Option<CAbi> {
        // SAFETY: the library is callsign's own C ABI; the signatures match
        // include/callsign.h (callsign_hmac_key is 12 uint64_t).
        unsafe {
            let lib = libloading::Library::new(path).ok()?;
            let key_init = *lib.get(b"callsign_hmac_key_init\0").ok()?;
            let x_aksk_with_key = *lib.get(b"callsign_huawei_voice_x_aksk_with_key\0").ok()?;
            let x_aksk = *lib.get(b"callsign_huawei_voice_x_aksk\0").ok()?;
            Some(CAbi {
                _lib: lib,
                key_init,
                x_aksk_with_key,
                x_aksk,
            })
        }
    }
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"))
}

fn bench_limit(c: &mut Criterion) {
    let mut limit = Limit::new();
    let mut g = c.benchmark_group("limit");
    g.throughput(Throughput::Bytes((LIMIT_BLOCKS * 64) as u64));
    g.bench_function("compress256_8KiB", |b| b.iter(|| limit.run()));
    g.finish();
}

fn bench_x_aksk(c: &mut Criterion, abi: Option<&CAbi>) {
    let nonce = Nonce::new(NONCE).expect("valid");
    let created = Timestamp::from_unix(CREATED).expect("in range");
    let key = HmacKey::new(SECRET);
    let mut buf = [0u8; voice::X_AKSK_MAX_LEN + 1];
    let expected = voice::XAksk::new(APP_KEY, &key, &nonce, created)
        .and_then(|v| v.to_heapless())
        .expect("signs");

    fn peer<P: PeerMac>(
        g: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
        fresh: bool,
        expected: &str,
        buf: &mut [u8],
    ) {
        let created = Timestamp::from_unix(CREATED).expect("in range");
        let prepared = P::new(SECRET);
        let fresh_secret = fresh.then_some(SECRET);
        let sign = |buf: &mut [u8], prepared: &P| {
            sign_x_aksk(
                prepared,
                black_box(fresh_secret),
                APP_KEY,
                NONCE,
                created,
                buf,
            )
        };
        let n = sign(buf, &prepared);
        assert_eq!(&buf[..n], expected.as_bytes(), "{} disagrees", P::NAME);
        g.bench_function(P::NAME, |b| {
            b.iter(|| sign(black_box(&mut *buf), &prepared))
        });
    }

    for fresh in [false, true] {
        let name = if fresh {
            "x_aksk_fresh_key"
        } else {
            "x_aksk_precomputed_key"
        };
        let mut g = c.benchmark_group(name);
        g.throughput(Throughput::Elements(1));
        g.bench_function("callsign", |b| {
            b.iter(|| {
                let fresh_key;
                let k = if fresh {
                    fresh_key = HmacKey::new(black_box(SECRET));
                    &fresh_key
                } else {
                    &key
                };
                let v = voice::XAksk::new(APP_KEY, k, &nonce, created).expect("signs");
                v.write(black_box(&mut buf)).expect("fits")
            })
        });
        if let Some(abi) = abi {
            let mut storage = [0u64; 12];
            // SAFETY: storage is a callsign_hmac_key; the secret is valid.
            let rc = unsafe { (abi.key_init)(&mut storage, SECRET.as_ptr(), SECRET.len()) };
            assert_eq!(rc, 0);
            let call = |buf: &mut [u8]| {
                let mut n = 0usize;
                // SAFETY: every pointer is valid for its stated length.
                let rc = unsafe {
                    if fresh {
                        (abi.x_aksk)(
                            APP_KEY.as_ptr(),
                            APP_KEY.len(),
                            SECRET.as_ptr(),
                            SECRET.len(),
                            NONCE.as_ptr(),
                            NONCE.len(),
                            CREATED,
                            buf.as_mut_ptr().cast(),
                            buf.len(),
                            &mut n,
                        )
                    } else {
                        (abi.x_aksk_with_key)(
                            &storage,
                            APP_KEY.as_ptr(),
                            APP_KEY.len(),
                            NONCE.as_ptr(),
                            NONCE.len(),
                            CREATED,
                            buf.as_mut_ptr().cast(),
                            buf.len(),
                            &mut n,
                        )
                    }
                };
                assert_eq!(rc, 0);
                n
            };
            let n = call(&mut buf);
            assert_eq!(&buf[..n], expected.as_bytes(), "C ABI disagrees");
            g.bench_function("callsign C ABI", |b| b.iter(|| call(black_box(&mut buf))));
        }
        peer::<HmacSha2>(&mut g, fresh, &expected, &mut buf);
        peer::<Ring>(&mut g, fresh, &expected, &mut buf);
        peer::<OpenSsl>(&mut g, fresh, &expected, &mut buf);
        g.finish();
    }
}

fn bench_other_headers(c: &mut Criterion) {
    let nonce = Nonce::new(NONCE).expect("valid");
    let created = Timestamp::from_unix(CREATED).expect("in range");
    let mut g = c.benchmark_group("x_wsse");
    g.throughput(Throughput::Elements(1));
    let mut buf = [0u8; sms::X_WSSE_MAX_LEN];
    g.bench_function("callsign", |b| {
        b.iter(|| {
            let v = sms::XWsse::new(APP_KEY, black_box(SECRET), &nonce, created).expect("signs");
            v.write(black_box(&mut buf)).expect("fits")
        })
    });
    g.finish();
    let mut g = c.benchmark_group("basic");
    g.throughput(Throughput::Elements(1));
    let mut buf = [0u8; callsign_core::basic::BASIC_MAX_LEN];
    g.bench_function("callsign", |b| {
        b.iter(|| {
            let v = Basic::mailgun(black_box("key-3ax6xnjp29jd6fds4gc373sgvjxteol0")).expect("ok");
            v.write(black_box(&mut buf)).expect("fits")
        })
    });
    g.finish();
}

fn bench_digests(c: &mut Criterion) {
    let data = vec![0x5au8; *SIZES.iter().max().expect("sizes")];
    for size in SIZES {
        let d = &data[..size];
        let mut g = c.benchmark_group(format!("sha256_{size}"));
        g.throughput(Throughput::Bytes(size as u64));
        g.bench_function("callsign", |b| {
            b.iter(|| callsign_core::sha256(black_box(d)))
        });
        g.bench_function("sha2", |b| b.iter(|| sha2::Sha256::digest(black_box(d))));
        g.bench_function("ring", |b| {
            b.iter(|| ring::digest::digest(&ring::digest::SHA256, black_box(d)))
        });
        g.bench_function("OpenSSL (EVP)", |b| {
            b.iter(|| openssl::sha::sha256(black_box(d)))
        });
        g.finish();

        let key = HmacKey::new(SECRET);
        let mut g = c.benchmark_group(format!("hmac_sha256_{size}"));
        g.throughput(Throughput::Bytes(size as u64));
        g.bench_function("callsign", |b| b.iter(|| key.mac(black_box(d))));
        let p = HmacSha2::new(SECRET);
        g.bench_function(HmacSha2::NAME, |b| b.iter(|| p.mac(&[black_box(d)])));
        let p = Ring::new(SECRET);
        g.bench_function(Ring::NAME, |b| b.iter(|| p.mac(&[black_box(d)])));
        let p = OpenSsl::new(SECRET);
        g.bench_function(OpenSsl::NAME, |b| b.iter(|| p.mac(&[black_box(d)])));
        g.finish();
    }
}

/// Mean time in ns of one benchmark, from criterion's saved estimates.
fn mean_ns(dir: &Path, group: &str, function: &str) -> Option<f64> {
    let clean = |s: &str| s.replace('/', "_");
    let file = dir
        .join(clean(group))
        .join(clean(function))
        .join("new/estimates.json");
    let text = std::fs::read_to_string(file).ok()?;
    let json: serde_json::Value = serde_json::from_str(&text).ok()?;
    json["mean"]["point_estimate"].as_f64()
}

/// Prints every group's results as fractions of the limit and multiples of
/// the best peer.
fn summary(dir: &Path) {
    let Some(limit_ns) = mean_ns(dir, "limit", "compress256_8KiB") else {
        println!(
            "summary: no limit measurement found under {}",
            dir.display()
        );
        return;
    };
    let per_block = limit_ns / LIMIT_BLOCKS as f64;
    println!();
    println!("one SHA-256 compression: {per_block:.1} ns (compress256 over 8 KiB)");
    println!(
        "{:<24} {:<24} {:>12} {:>12} {:>10} {:>10}",
        "benchmark", "candidate", "ns/op", "ops/s", "of limit", "x best peer"
    );
    let peers = [HmacSha2::NAME, Ring::NAME, OpenSsl::NAME, "sha2"];
    let mut groups: Vec<(String, Option<usize>)> = vec![
        ("x_aksk_precomputed_key".into(), Some(2)),
        ("x_aksk_fresh_key".into(), Some(4)),
        (
            "x_wsse".into(),
            Some(sha256_blocks(NONCE.len() + 20 + SECRET.len())),
        ),
        ("basic".into(), None),
    ];
    for size in SIZES {
        groups.push((format!("sha256_{size}"), Some(sha256_blocks(size))));
        groups.push((format!("hmac_sha256_{size}"), Some(sha256_blocks(size) + 1)));
    }
    for (group, compressions) in groups {
        let best_peer = peers
            .iter()
            .filter_map(|p| mean_ns(dir, &group, p))
            .fold(f64::INFINITY, f64::min);
        for candidate in ["callsign", "callsign C ABI"].iter().chain(peers.iter()) {
            let Some(ns) = mean_ns(dir, &group, candidate) else {
                continue;
            };
            let of_limit = compressions
                .map(|n| format!("{:.0} %", 100.0 * n as f64 * per_block / ns))
                .unwrap_or_else(|| "-".into());
            let vs_peer = if best_peer.is_finite() {
                format!("{:.2}", best_peer / ns)
            } else {
                "-".into()
            };
            println!(
                "{group:<24} {candidate:<24} {ns:>12.1} {:>12.0} {of_limit:>10} {vs_peer:>10}",
                1e9 / ns
            );
        }
    }
}

fn main() {
    let dir = target_dir().join("criterion");
    let mut c = Criterion::default()
        .output_directory(&dir)
        .configure_from_args();
    let so = target_dir().join("release/libcallsign.so");
    let abi = CAbi::load(&so);
    if abi.is_none() {
        println!(
            "peers: C ABI not measured: {} not found (cargo build -p callsign-ffi --release)",
            so.display()
        );
    }
    bench_limit(&mut c);
    bench_x_aksk(&mut c, abi.as_ref());
    bench_other_headers(&mut c);
    bench_digests(&mut c);
    c.final_summary();
    summary(&dir);
}
