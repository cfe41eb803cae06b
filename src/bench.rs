//! `callsign bench`: a quick (a few seconds) comparison of callsign with its
//! peers and the SHA-256 compression limit on this machine.

use std::hint::black_box;
use std::time::{Duration, Instant};

use callsign_cli::peers::{
    sha256_blocks, sign_x_aksk, HmacSha2, Limit, PeerMac, Ring, LIMIT_BLOCKS,
};
use callsign_core::huawei::{sms, voice};
use callsign_core::{basic::Basic, HmacKey, Nonce, Timestamp};

const APP_KEY: &str = "a1B2c3D4e5F6g7H8i9J0kLmNoPqR";
const SECRET: &[u8] = b"Zy9Xw8Vu7Ts6Rq5Po4Nm3Lk2Ji1H";
const NONCE: &str = "66c92b11ff8a425fb8d4ccfe0ed9ed1f";
const CREATED: u64 = 1_709_280_930;
const SAMPLE: Duration = Duration::from_millis(20);
const SAMPLES: usize = 7;

/// One measured candidate.
struct Row {
    case: &'static str,
    candidate: &'static str,
    ns: f64,
    /// SHA-256 compressions one operation needs, when it is SHA-256 bound.
    compressions: Option<usize>,
    peer: bool,
}

/// Median time per call of `f`, in ns: iterations are calibrated to about
/// 20 ms per sample, then 7 samples are taken.
fn time_ns(mut f: impl FnMut()) -> f64 {
    let mut iters: u64 = 1;
    loop {
        let start = Instant::now();
        for _ in 0..iters {
            f();
        }
        if start.elapsed() >= SAMPLE || iters >= 1 << 40 {
            break;
        }
        iters *= 2;
    }
    let mut samples: Vec<f64> = (0..SAMPLES)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..iters {
                f();
            }
            start.elapsed().as_nanos() as f64 / iters as f64
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    samples[SAMPLES / 2]
}

fn peer_x_aksk<P: PeerMac>(
    rows: &mut Vec<Row>,
    fresh: bool,
    expected: &[u8],
) -> Result<(), String> {
    let created = Timestamp::from_unix(CREATED).map_err(|e| e.to_string())?;
    let prepared = P::new(SECRET);
    let mut buf = [0u8; voice::X_AKSK_MAX_LEN];
    let fresh_secret = fresh.then_some(SECRET);
    let sign = |buf: &mut [u8]| {
        sign_x_aksk(
            &prepared,
            black_box(fresh_secret),
            APP_KEY,
            NONCE,
            created,
            buf,
        )
    };
    let n = sign(&mut buf);
    if &buf[..n] != expected {
        return Err(format!("{} computed a different X-AKSK value", P::NAME));
    }
    rows.push(Row {
        case: if fresh {
            "x-aksk, fresh key"
        } else {
            "x-aksk, precomputed key"
        },
        candidate: P::NAME,
        ns: time_ns(|| {
            black_box(sign(black_box(&mut buf)));
        }),
        compressions: Some(if fresh { 4 } else { 2 }),
        peer: true,
    });
    Ok(())
}

fn measure() -> Result<(f64, Vec<Row>), String> {
    let mut limit = Limit::new();
    let compression_ns = time_ns(|| limit.run()) / LIMIT_BLOCKS as f64;
    let nonce = Nonce::new(NONCE).map_err(|e| e.to_string())?;
    let created = Timestamp::from_unix(CREATED).map_err(|e| e.to_string())?;
    let key = HmacKey::new(SECRET);
    let expected = voice::XAksk::new(APP_KEY, &key, &nonce, created)
        .and_then(|v| v.to_heapless())
        .map_err(|e| e.to_string())?;
    let mut rows = Vec::new();
    let mut buf = [0u8; sms::X_WSSE_MAX_LEN + callsign_core::basic::BASIC_MAX_LEN];

    for fresh in [false, true] {
        rows.push(Row {
            case: if fresh {
                "x-aksk, fresh key"
            } else {
                "x-aksk, precomputed key"
            },
            candidate: "callsign",
            ns: time_ns(|| {
                let fresh_key;
                let k = if fresh {
                    fresh_key = HmacKey::new(black_box(SECRET));
                    &fresh_key
                } else {
                    &key
                };
                if let Ok(v) = voice::XAksk::new(APP_KEY, k, &nonce, created) {
                    black_box(v.write(black_box(&mut buf)).ok());
                }
            }),
            compressions: Some(if fresh { 4 } else { 2 }),
            peer: false,
        });
        peer_x_aksk::<HmacSha2>(&mut rows, fresh, expected.as_bytes())?;
        peer_x_aksk::<Ring>(&mut rows, fresh, expected.as_bytes())?;
        #[cfg(feature = "openssl")]
        peer_x_aksk::<callsign_cli::peers::OpenSsl>(&mut rows, fresh, expected.as_bytes())?;
    }
    rows.push(Row {
        case: "x-wsse",
        candidate: "callsign",
        ns: time_ns(|| {
            if let Ok(v) = sms::XWsse::new(APP_KEY, black_box(SECRET), &nonce, created) {
                black_box(v.write(black_box(&mut buf)).ok());
            }
        }),
        compressions: Some(sha256_blocks(NONCE.len() + 20 + SECRET.len())),
        peer: false,
    });
    rows.push(Row {
        case: "basic",
        candidate: "callsign",
        ns: time_ns(|| {
            if let Ok(v) = Basic::mailgun(black_box("key-3ax6xnjp29jd6fds4gc373sgvjxteol0")) {
                black_box(v.write(black_box(&mut buf)).ok());
            }
        }),
        compressions: None,
        peer: false,
    });

    let short = [0x5au8; 64];
    let hmac_case = "hmac-sha256, 64 B";
    let hmac_blocks = Some(sha256_blocks(64) + 1);
    rows.push(Row {
        case: hmac_case,
        candidate: "callsign",
        ns: time_ns(|| {
            black_box(key.mac(black_box(&short)));
        }),
        compressions: hmac_blocks,
        peer: false,
    });
    let p = HmacSha2::new(SECRET);
    rows.push(Row {
        case: hmac_case,
        candidate: HmacSha2::NAME,
        ns: time_ns(|| {
            black_box(p.mac(&[black_box(&short)]));
        }),
        compressions: hmac_blocks,
        peer: true,
    });
    let p = Ring::new(SECRET);
    rows.push(Row {
        case: hmac_case,
        candidate: Ring::NAME,
        ns: time_ns(|| {
            black_box(p.mac(&[black_box(&short)]));
        }),
        compressions: hmac_blocks,
        peer: true,
    });

    let long = vec![0x5au8; 64 * 1024];
    let sha_case = "sha-256, 64 KiB";
    let sha_blocks = Some(sha256_blocks(long.len()));
    rows.push(Row {
        case: sha_case,
        candidate: "callsign",
        ns: time_ns(|| {
            black_box(callsign_core::sha256(black_box(&long)));
        }),
        compressions: sha_blocks,
        peer: false,
    });
    rows.push(Row {
        case: sha_case,
        candidate: "sha2",
        ns: time_ns(|| {
            use sha2::Digest;
            black_box(sha2::Sha256::digest(black_box(&long)));
        }),
        compressions: sha_blocks,
        peer: true,
    });
    rows.push(Row {
        case: sha_case,
        candidate: "ring",
        ns: time_ns(|| {
            black_box(ring::digest::digest(
                &ring::digest::SHA256,
                black_box(&long),
            ));
        }),
        compressions: sha_blocks,
        peer: true,
    });
    Ok((compression_ns, rows))
}

/// Fastest peer's time for the case of `row`.
fn best_peer_ns(rows: &[Row], case: &str) -> Option<f64> {
    rows.iter()
        .filter(|r| r.peer && r.case == case)
        .map(|r| r.ns)
        .min_by(f64::total_cmp)
}

/// Runs the comparison and returns the table, or JSON with `json`.
pub fn run(json: bool) -> Result<String, String> {
    let (compression_ns, rows) = measure()?;
    let of_limit = |r: &Row| r.compressions.map(|n| n as f64 * compression_ns / r.ns);
    let vs_peer = |r: &Row| best_peer_ns(&rows, r.case).map(|p| p / r.ns);
    let mut out = String::new();
    if json {
        out.push_str(&format!(
            "{{\"compression_ns\":{compression_ns:.2},\"results\":["
        ));
        for (i, r) in rows.iter().enumerate() {
            let opt = |v: Option<f64>| v.map_or("null".to_string(), |v| format!("{v:.4}"));
            out.push_str(&format!(
                "{}{{\"case\":\"{}\",\"candidate\":\"{}\",\"ops_per_s\":{:.0},\"ns_per_op\":{:.2},\"of_limit\":{},\"vs_best_peer\":{}}}",
                if i == 0 { "" } else { "," },
                r.case,
                r.candidate,
                1e9 / r.ns,
                r.ns,
                opt(of_limit(r)),
                opt(vs_peer(r)),
            ));
        }
        out.push_str("]}\n");
        return Ok(out);
    }
    out.push_str(&format!(
        "one SHA-256 compression: {compression_ns:.1} ns (sha2::compress256 over 8 KiB)\n\n"
    ));
    out.push_str(&format!(
        "{:<24} {:<24} {:>12} {:>10} {:>10} {:>12}\n",
        "case", "candidate", "ops/s", "ns/op", "% of limit", "x best peer"
    ));
    for r in &rows {
        out.push_str(&format!(
            "{:<24} {:<24} {:>12.0} {:>10.1} {:>10} {:>12}\n",
            r.case,
            r.candidate,
            1e9 / r.ns,
            r.ns,
            of_limit(r).map_or("-".into(), |v| format!("{:.0} %", v * 100.0)),
            vs_peer(r).map_or("-".into(), |v| format!("{v:.2}")),
        ));
    }
    out.push_str(
        "\n% of limit: the compressions the operation needs, at the measured cost, over its time.\n\
         x best peer: the fastest peer's time over this candidate's time (above 1: faster).\n",
    );
    Ok(out)
}
