//! callsign beside its peers, in one run.
//!
//! `bash scripts/bench.sh` (or `cargo build -p callsign-ffi --release &&
//! cargo bench --bench peers`). Measures, with criterion:
//! - every case of `callsign_cli::cases` — the very closures `callsign
//!   bench` times: one SHA-256 compression alone and in a batch, X-AKSK
//!   with a precomputed and a fresh key (callsign, its C ABI loaded from
//!   `target/release/libcallsign.so`, `hmac`+`sha2`, `ring`, OpenSSL),
//!   X-WSSE (beside `sha2`+`hex`+`base64`), Basic (beside the `base64`
//!   engine), HMAC-SHA256 of 16, 64 and 119 B;
//! - SHA-256 and HMAC-SHA256 at 16 B, 64 B, 1 KiB, 64 KiB and 1 MiB.
//!
//! Then prints each result as a fraction of the latency floor (the
//! compressions it needs, each at the cost of one alone) and as a multiple
//! of the best peer's speed, and the targets' ratios.

use std::hint::black_box;
use std::path::{Path, PathBuf};

use callsign_cli::cases::{self, case, name, CAbi, Candidate, Measured};
use callsign_cli::peers::{sha256_blocks, HmacSha2, OpenSsl, PeerMac, Ring};
use callsign_core::HmacKey;
use criterion::{Criterion, Throughput};
use sha2::Digest;

const SECRET: &[u8] = cases::SECRET;
const SIZES: [usize; 5] = [16, 64, 1024, 64 * 1024, 1024 * 1024];

/// A criterion group name for a case name ("x-aksk, fresh key" ->
/// "x_aksk_fresh_key").
fn group_of(case: &str) -> String {
    let mut g = String::new();
    for ch in case.chars() {
        if ch.is_ascii_alphanumeric() {
            g.push(ch);
        } else if !g.ends_with('_') {
            g.push('_');
        }
    }
    g.trim_end_matches('_').to_string()
}

/// Every case of `callsign_cli::cases`, the closures `callsign bench` times.
fn bench_cases(c: &mut Criterion, candidates: &mut [Candidate]) {
    let mut i = 0;
    while i < candidates.len() {
        let case = candidates[i].case;
        let mut g = c.benchmark_group(group_of(case));
        while i < candidates.len() && candidates[i].case == case {
            let cand = &mut candidates[i];
            g.bench_function(cand.name, |b| b.iter(|| (cand.run)()));
            i += 1;
        }
        g.finish();
    }
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
    // Criterion's file-name-safe form of a name.
    let clean = |s: &str| s.replace(['/', '\\', '?', '"', '*', '<', '>', ':', '|', '^'], "_");
    let file = dir
        .join(clean(group))
        .join(clean(function))
        .join("new/estimates.json");
    let text = std::fs::read_to_string(file).ok()?;
    let json: serde_json::Value = serde_json::from_str(&text).ok()?;
    json["mean"]["point_estimate"].as_f64()
}

/// Prints every case's results (the shared cases, then SHA-256 and HMAC by
/// size) as fractions of the latency floor and multiples of the best
/// peer, and the targets' ratios: the same report as `callsign bench`.
fn summary(dir: &Path, candidates: &[Candidate]) {
    let mut rows: Vec<Measured> = candidates
        .iter()
        .filter_map(|c| {
            Some(Measured {
                case: c.case.to_string(),
                name: c.name.to_string(),
                peer: c.peer,
                compressions: c.compressions,
                ns: mean_ns(dir, &group_of(c.case), c.name)?,
            })
        })
        .collect();
    let Some(compression_ns) = cases::ns_of(&rows, case::COMPRESSION, name::COMPRESS256) else {
        println!(
            "summary: no compression measurement under {}",
            dir.display()
        );
        return;
    };
    let peers = [HmacSha2::NAME, Ring::NAME, OpenSsl::NAME, "sha2"];
    for size in SIZES {
        for (group, compressions) in [
            (format!("sha256_{size}"), sha256_blocks(size)),
            (format!("hmac_sha256_{size}"), sha256_blocks(64 + size)),
        ] {
            for candidate in ["callsign"].iter().chain(peers.iter()) {
                if let Some(ns) = mean_ns(dir, &group, candidate) {
                    rows.push(Measured {
                        case: group.clone(),
                        name: candidate.to_string(),
                        peer: *candidate != "callsign",
                        compressions: Some(compressions),
                        ns,
                    });
                }
            }
        }
    }
    println!();
    println!("one SHA-256 compression alone: {compression_ns:.1} ns");
    print!("{}", cases::report(&rows, compression_ns));
}

fn main() {
    let dir = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"))
        .join("criterion");
    let mut c = Criterion::default()
        .output_directory(&dir)
        .configure_from_args();
    let so = CAbi::default_path();
    let abi: Option<&'static CAbi> = CAbi::load(&so).map(|a| &*Box::leak(Box::new(a)));
    if abi.is_none() {
        println!(
            "peers: C ABI not measured: {} not found (cargo build -p callsign-ffi --release)",
            so.display()
        );
    }
    let mut candidates = cases::candidates(abi).expect("every candidate agrees with callsign");
    bench_cases(&mut c, &mut candidates);
    bench_digests(&mut c);
    c.final_summary();
    summary(&dir, &candidates);
}
