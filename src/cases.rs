//! The measured operations, shared by both benchmark harnesses: `callsign
//! bench` (src/bench.rs, a few seconds) and criterion's `benches/peers.rs`
//! (README's Performance table). Both time exactly these closures, so the
//! two can differ only by how they time, not by what they time.
//!
//! Every candidate's output is checked against callsign's once, when the
//! list is built: a peer that computed something else is an error, not a
//! fast row.

use std::hint::black_box;
use std::path::{Path, PathBuf};

use callsign_core::huawei::{sms, voice};
use callsign_core::{basic::Basic, HmacKey, Nonce, Timestamp};

use crate::peers::{sha256_blocks, sign_x_aksk, HmacSha2, PeerMac, Ring};

/// App key of the measured X-AKSK and X-WSSE values.
pub const APP_KEY: &str = "a1B2c3D4e5F6g7H8i9J0kLmNoPqR";
/// App secret of the measured values.
pub const SECRET: &[u8] = b"Zy9Xw8Vu7Ts6Rq5Po4Nm3Lk2Ji1H";
/// Nonce of the measured values.
pub const NONCE: &str = "66c92b11ff8a425fb8d4ccfe0ed9ed1f";
/// Created of the measured values (2024-03-01T08:15:30Z).
pub const CREATED: u64 = 1_709_280_930;
/// The Mailgun API key of the Basic case.
pub const MAILGUN_KEY: &str = "key-3ax6xnjp29jd6fds4gc373sgvjxteol0";

/// Case names, as both harnesses report them.
pub mod case {
    /// One SHA-256 compression of one block, each depending on the last:
    /// the latency unit of the short operations.
    pub const COMPRESSION: &str = "sha-256 compression, alone";
    /// 128 blocks in one call: the bulk hashing limit.
    pub const COMPRESSION_BATCH: &str = "sha-256 compression, batch of 128";
    /// X-AKSK with an `HmacKey` prepared once.
    pub const X_AKSK: &str = "x-aksk, precomputed key";
    /// X-AKSK from the app secret.
    pub const X_AKSK_FRESH: &str = "x-aksk, fresh key";
    /// X-WSSE from the app secret.
    pub const X_WSSE: &str = "x-wsse";
    /// Basic for Mailgun.
    pub const BASIC: &str = "basic";
    /// HMAC-SHA256 of 16 bytes, prepared key.
    pub const HMAC_16: &str = "hmac-sha256, 16 B";
    /// HMAC-SHA256 of 64 bytes, prepared key.
    pub const HMAC_64: &str = "hmac-sha256, 64 B";
    /// HMAC-SHA256 of 119 bytes (the longest two-block inner message).
    pub const HMAC_119: &str = "hmac-sha256, 119 B";
    /// SHA-256 of 64 KiB.
    pub const SHA_64K: &str = "sha-256, 64 KiB";
}

/// Candidate names that targets refer to.
pub mod name {
    /// callsign's Rust API.
    pub const CALLSIGN: &str = "callsign";
    /// callsign's C ABI, loaded from the shared library.
    pub const C_ABI: &str = "callsign C ABI";
    /// The `base64` crate's standard engine.
    pub const BASE64: &str = "base64 engine";
    /// `sha2` + `hex` + `base64`.
    pub const SHA2_HEX_BASE64: &str = "sha2+hex+base64";
    /// `sha2::compress256`.
    pub const COMPRESS256: &str = "sha2::compress256";
}

/// One thing timed: a case, who computes it, and the closure.
pub struct Candidate {
    /// What is computed (one of [`case`]).
    pub case: &'static str,
    /// Who computes it.
    pub name: &'static str,
    /// Whether it is a peer (another library) rather than callsign.
    pub peer: bool,
    /// SHA-256 compressions one operation needs, when it is SHA-256 bound.
    pub compressions: Option<usize>,
    /// One operation.
    pub run: Box<dyn FnMut()>,
}

/// Blocks in [`case::COMPRESSION_BATCH`].
pub const BATCH_BLOCKS: usize = 128;

/// callsign's C ABI from `libcallsign.so`, for the C-versus-Rust ratio.
pub struct CAbi {
    _lib: libloading::Library,
    key_init: unsafe extern "C" fn(*mut [u64; 12], *const u8, usize) -> u32,
    #[allow(clippy::type_complexity)]
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
    #[allow(clippy::type_complexity)]
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
    /// Where the shared library is looked for: `$CALLSIGN_LIB`, else the
    /// release build of this checkout (`cargo build -p callsign-ffi --release`).
    pub fn default_path() -> PathBuf {
        if let Some(p) = std::env::var_os("CALLSIGN_LIB") {
            return PathBuf::from(p);
        }
        std::env::var_os("CARGO_TARGET_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"))
            .join("release/libcallsign.so")
    }

    /// Loads the library at `path`; `None` when it is missing or is not
    /// callsign's.
    pub fn load(path: &Path) -> Option<CAbi> {
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

fn created() -> Timestamp {
    Timestamp::from_unix(CREATED).unwrap_or(Timestamp::UNIX_EPOCH)
}

fn check(case: &str, name: &str, got: &[u8], expected: &[u8]) -> Result<(), String> {
    if got == expected {
        Ok(())
    } else {
        Err(format!(
            "{case}: {name} computed {:?}, callsign {:?}",
            String::from_utf8_lossy(got),
            String::from_utf8_lossy(expected)
        ))
    }
}

/// The X-AKSK candidates, `fresh` or with a precomputed key.
fn x_aksk(out: &mut Vec<Candidate>, fresh: bool, abi: Option<&'static CAbi>) -> Result<(), String> {
    let case = if fresh {
        case::X_AKSK_FRESH
    } else {
        case::X_AKSK
    };
    let compressions = Some(if fresh { 4 } else { 2 });
    let nonce = Nonce::new(NONCE).map_err(|e| e.to_string())?;
    let key = HmacKey::new(SECRET);
    let expected = voice::XAksk::new(APP_KEY, &key, &nonce, created())
        .and_then(|v| v.to_heapless())
        .map_err(|e| e.to_string())?;
    let expected = expected.as_bytes().to_vec();

    let sign = move |buf: &mut [u8]| -> usize {
        let fresh_key;
        let k = if fresh {
            fresh_key = HmacKey::new(black_box(SECRET));
            &fresh_key
        } else {
            &key
        };
        voice::XAksk::new(APP_KEY, k, black_box(&nonce), black_box(created()))
            .and_then(|v| v.write(buf))
            .unwrap_or(0)
    };
    let mut buf = [0u8; voice::X_AKSK_MAX_LEN];
    let n = sign(&mut buf);
    check(case, name::CALLSIGN, &buf[..n], &expected)?;
    out.push(Candidate {
        case,
        name: name::CALLSIGN,
        peer: false,
        compressions,
        run: Box::new(move || {
            black_box(sign(black_box(&mut buf)));
        }),
    });

    if let Some(abi) = abi {
        let mut storage = Box::new([0u64; 12]);
        // SAFETY: storage is a callsign_hmac_key; the secret is valid.
        let rc = unsafe { (abi.key_init)(&mut *storage, SECRET.as_ptr(), SECRET.len()) };
        if rc != 0 {
            return Err(format!("callsign_hmac_key_init: status {rc}"));
        }
        let call = move |buf: &mut [u8]| -> usize {
            let mut n = 0usize;
            let nonce = black_box(NONCE);
            // SAFETY: every pointer is valid for its stated length.
            let rc = unsafe {
                if fresh {
                    (abi.x_aksk)(
                        APP_KEY.as_ptr(),
                        APP_KEY.len(),
                        SECRET.as_ptr(),
                        SECRET.len(),
                        nonce.as_ptr(),
                        nonce.len(),
                        black_box(CREATED),
                        buf.as_mut_ptr().cast(),
                        buf.len(),
                        &mut n,
                    )
                } else {
                    (abi.x_aksk_with_key)(
                        &*storage,
                        APP_KEY.as_ptr(),
                        APP_KEY.len(),
                        nonce.as_ptr(),
                        nonce.len(),
                        black_box(CREATED),
                        buf.as_mut_ptr().cast(),
                        buf.len(),
                        &mut n,
                    )
                }
            };
            if rc == 0 {
                n
            } else {
                0
            }
        };
        // The C ABI NUL-terminates: one byte more.
        let mut buf = [0u8; voice::X_AKSK_MAX_LEN + 1];
        let n = call(&mut buf);
        check(case, name::C_ABI, &buf[..n], &expected)?;
        out.push(Candidate {
            case,
            name: name::C_ABI,
            peer: false,
            compressions,
            run: Box::new(move || {
                black_box(call(black_box(&mut buf)));
            }),
        });
    }

    fn peer<P: PeerMac + 'static>(
        out: &mut Vec<Candidate>,
        case: &'static str,
        fresh: bool,
        compressions: Option<usize>,
        expected: &[u8],
    ) -> Result<(), String> {
        let prepared = P::new(SECRET);
        let fresh_secret = fresh.then_some(SECRET);
        let sign = move |buf: &mut [u8]| {
            sign_x_aksk(
                &prepared,
                black_box(fresh_secret),
                APP_KEY,
                black_box(NONCE),
                black_box(created()),
                buf,
            )
        };
        let mut buf = [0u8; voice::X_AKSK_MAX_LEN];
        let n = sign(&mut buf);
        check(case, P::NAME, &buf[..n], expected)?;
        out.push(Candidate {
            case,
            name: P::NAME,
            peer: true,
            compressions,
            run: Box::new(move || {
                black_box(sign(black_box(&mut buf)));
            }),
        });
        Ok(())
    }
    peer::<HmacSha2>(out, case, fresh, compressions, &expected)?;
    peer::<Ring>(out, case, fresh, compressions, &expected)?;
    #[cfg(feature = "openssl")]
    peer::<crate::peers::OpenSsl>(out, case, fresh, compressions, &expected)?;
    Ok(())
}

/// X-WSSE: callsign, and the same value from `sha2`, `hex` and `base64`.
fn x_wsse(out: &mut Vec<Candidate>) -> Result<(), String> {
    let case = case::X_WSSE;
    let compressions = Some(sha256_blocks(NONCE.len() + 20 + SECRET.len()));
    let nonce = Nonce::new(NONCE).map_err(|e| e.to_string())?;
    let sign = move |buf: &mut [u8]| -> usize {
        sms::XWsse::new(
            APP_KEY,
            black_box(SECRET),
            black_box(&nonce),
            black_box(created()),
        )
        .and_then(|v| v.write(buf))
        .unwrap_or(0)
    };
    let mut buf = [0u8; sms::X_WSSE_MAX_LEN];
    let n = sign(&mut buf);
    let expected = buf[..n].to_vec();
    out.push(Candidate {
        case,
        name: name::CALLSIGN,
        peer: false,
        compressions,
        run: Box::new(move || {
            black_box(sign(black_box(&mut buf)));
        }),
    });
    let mut buf = [0u8; sms::X_WSSE_MAX_LEN];
    let n = crate::peers::x_wsse_sha2_hex_base64(
        APP_KEY,
        SECRET,
        NONCE,
        &created().extended().to_array(),
        &mut buf,
    );
    check(case, name::SHA2_HEX_BASE64, &buf[..n], &expected)?;
    out.push(Candidate {
        case,
        name: name::SHA2_HEX_BASE64,
        peer: true,
        compressions,
        run: Box::new(move || {
            let created = black_box(created()).extended().to_array();
            black_box(crate::peers::x_wsse_sha2_hex_base64(
                APP_KEY,
                black_box(SECRET),
                black_box(NONCE),
                &created,
                black_box(&mut buf),
            ));
        }),
    });
    Ok(())
}

/// Basic for Mailgun: callsign (constant-time Base64 of the secret), and
/// the `base64` crate's standard engine.
fn basic(out: &mut Vec<Candidate>) -> Result<(), String> {
    let case = case::BASIC;
    let sign = |buf: &mut [u8]| -> usize {
        Basic::mailgun(black_box(MAILGUN_KEY))
            .and_then(|v| v.write(buf))
            .unwrap_or(0)
    };
    let mut buf = [0u8; callsign_core::basic::BASIC_MAX_LEN];
    let n = sign(&mut buf);
    let expected = buf[..n].to_vec();
    out.push(Candidate {
        case,
        name: name::CALLSIGN,
        peer: false,
        compressions: None,
        run: Box::new(move || {
            black_box(sign(black_box(&mut buf)));
        }),
    });
    let mut buf = [0u8; callsign_core::basic::BASIC_MAX_LEN];
    let n = crate::peers::basic_base64("api", black_box(MAILGUN_KEY), &mut buf);
    check(case, name::BASE64, &buf[..n], &expected)?;
    out.push(Candidate {
        case,
        name: name::BASE64,
        peer: true,
        compressions: None,
        run: Box::new(move || {
            black_box(crate::peers::basic_base64(
                "api",
                black_box(MAILGUN_KEY),
                black_box(&mut buf),
            ));
        }),
    });
    Ok(())
}

/// HMAC-SHA256 of `len` bytes with a prepared key.
fn hmac(out: &mut Vec<Candidate>, case: &'static str, len: usize) -> Result<(), String> {
    let message = vec![0x5au8; len];
    // The inner blocks after the precomputed key block, plus the outer one.
    let compressions = Some(sha256_blocks(64 + len));
    let key = HmacKey::new(SECRET);
    let expected = key.mac(&message);
    let m = message.clone();
    out.push(Candidate {
        case,
        name: name::CALLSIGN,
        peer: false,
        compressions,
        run: Box::new(move || {
            black_box(key.mac(black_box(&m)));
        }),
    });
    fn peer<P: PeerMac + 'static>(
        out: &mut Vec<Candidate>,
        case: &'static str,
        compressions: Option<usize>,
        message: &[u8],
        expected: &[u8; 32],
    ) -> Result<(), String> {
        let p = P::new(SECRET);
        check(case, P::NAME, &p.mac(&[message]), expected)?;
        let m = message.to_vec();
        out.push(Candidate {
            case,
            name: P::NAME,
            peer: true,
            compressions,
            run: Box::new(move || {
                black_box(p.mac(&[black_box(&m)]));
            }),
        });
        Ok(())
    }
    peer::<HmacSha2>(out, case, compressions, &message, &expected)?;
    peer::<Ring>(out, case, compressions, &message, &expected)?;
    Ok(())
}

/// Every candidate of every case, in report order. `abi` adds the C ABI's
/// X-AKSK rows.
pub fn candidates(abi: Option<&'static CAbi>) -> Result<Vec<Candidate>, String> {
    let mut out = Vec::new();
    let mut state = [0u32; 8];
    let block = [[0x5au8; 64]];
    out.push(Candidate {
        case: case::COMPRESSION,
        name: name::COMPRESS256,
        peer: false,
        compressions: Some(1),
        run: Box::new(move || {
            // Each compression starts from the last one's state: latency.
            sha2::block_api::compress256(black_box(&mut state), black_box(&block));
        }),
    });
    let mut state = [0u32; 8];
    let blocks = vec![[0x5au8; 64]; BATCH_BLOCKS];
    out.push(Candidate {
        case: case::COMPRESSION_BATCH,
        name: name::COMPRESS256,
        peer: false,
        compressions: Some(BATCH_BLOCKS),
        run: Box::new(move || {
            sha2::block_api::compress256(black_box(&mut state), black_box(&blocks));
        }),
    });
    x_aksk(&mut out, false, abi)?;
    x_aksk(&mut out, true, abi)?;
    x_wsse(&mut out)?;
    basic(&mut out)?;
    hmac(&mut out, case::HMAC_16, 16)?;
    hmac(&mut out, case::HMAC_64, 64)?;
    hmac(&mut out, case::HMAC_119, 119)?;

    let long = vec![0x5au8; 64 * 1024];
    let compressions = Some(sha256_blocks(long.len()));
    let expected = callsign_core::sha256(&long);
    {
        use sha2::Digest;
        let got: [u8; 32] = sha2::Sha256::digest(&long).into();
        check(case::SHA_64K, "sha2", &got, &expected)?;
    }
    let l = long.clone();
    out.push(Candidate {
        case: case::SHA_64K,
        name: name::CALLSIGN,
        peer: false,
        compressions,
        run: Box::new(move || {
            black_box(callsign_core::sha256(black_box(&l)));
        }),
    });
    let l = long.clone();
    out.push(Candidate {
        case: case::SHA_64K,
        name: "sha2",
        peer: true,
        compressions,
        run: Box::new(move || {
            use sha2::Digest;
            black_box(sha2::Sha256::digest(black_box(&l)));
        }),
    });
    out.push(Candidate {
        case: case::SHA_64K,
        name: "ring",
        peer: true,
        compressions,
        run: Box::new(move || {
            black_box(ring::digest::digest(
                &ring::digest::SHA256,
                black_box(&long),
            ));
        }),
    });
    Ok(out)
}

/// A target of issue 12: `numerator` over `denominator` (ns per op of
/// `(case, name)` pairs, so that above 1 means callsign is faster), at
/// least `goal`.
pub struct Target {
    /// What is compared.
    pub what: &'static str,
    /// The faster-is-smaller time on top: the reference.
    pub reference: (&'static str, &'static str),
    /// The candidate measured against it.
    pub candidate: (&'static str, &'static str),
    /// Multiplier applied to the reference's time (2 for "two compressions").
    pub reference_times: f64,
    /// The ratio to reach.
    pub goal: f64,
}

/// A target: `what`, `reference` and `candidate` as (case, name), the
/// reference's time multiplied by `times`, the ratio to reach.
const fn target(
    what: &'static str,
    reference: (&'static str, &'static str),
    candidate: (&'static str, &'static str),
    times: f64,
    goal: f64,
) -> Target {
    Target {
        what,
        reference,
        candidate,
        reference_times: times,
        goal,
    }
}

/// The targets `callsign bench` reports (issue 12).
pub const TARGETS: &[Target] = &[
    target(
        "x-aksk precomputed key, x hmac+sha2 (cloned key)",
        (case::X_AKSK, HmacSha2::NAME),
        (case::X_AKSK, name::CALLSIGN),
        1.0,
        1.3,
    ),
    target(
        "x-aksk precomputed key, of the latency floor (2 compressions alone)",
        (case::COMPRESSION, name::COMPRESS256),
        (case::X_AKSK, name::CALLSIGN),
        2.0,
        0.70,
    ),
    target(
        "x-aksk fresh key, x hmac+sha2",
        (case::X_AKSK_FRESH, HmacSha2::NAME),
        (case::X_AKSK_FRESH, name::CALLSIGN),
        1.0,
        1.2,
    ),
    target(
        "hmac-sha256 64 B, x hmac+sha2 (cloned key)",
        (case::HMAC_64, HmacSha2::NAME),
        (case::HMAC_64, name::CALLSIGN),
        1.0,
        1.2,
    ),
    target(
        "basic, x base64 engine",
        (case::BASIC, name::BASE64),
        (case::BASIC, name::CALLSIGN),
        1.0,
        1.5,
    ),
    target(
        "x-wsse, x sha2+hex+base64",
        (case::X_WSSE, name::SHA2_HEX_BASE64),
        (case::X_WSSE, name::CALLSIGN),
        1.0,
        1.3,
    ),
    target(
        "x-aksk precomputed key, C ABI x Rust",
        (case::X_AKSK, name::CALLSIGN),
        (case::X_AKSK, name::C_ABI),
        1.0,
        0.95,
    ),
];

/// The ratio of a target from measured times (`ns(case, name)`), `None`
/// when a side was not measured.
pub fn ratio(t: &Target, ns: impl Fn(&str, &str) -> Option<f64>) -> Option<f64> {
    let r = ns(t.reference.0, t.reference.1)?;
    let c = ns(t.candidate.0, t.candidate.1)?;
    Some(r * t.reference_times / c)
}

/// One timed candidate, as both harnesses report it.
pub struct Measured {
    /// What was computed (a [`case`], or a sized digest group).
    pub case: String,
    /// Who computed it.
    pub name: String,
    /// Whether it is a peer.
    pub peer: bool,
    /// SHA-256 compressions one operation needs, when SHA-256 bound.
    pub compressions: Option<usize>,
    /// Time per operation, in ns.
    pub ns: f64,
}

/// Time of `(case, name)` among `rows`.
pub fn ns_of(rows: &[Measured], case: &str, name: &str) -> Option<f64> {
    rows.iter()
        .find(|r| r.case == case && r.name == name)
        .map(|r| r.ns)
}

/// The compressions `r` needs, each at `compression_ns` (one alone), over
/// its time: the share of the latency floor it reaches.
pub fn of_floor(r: &Measured, compression_ns: f64) -> Option<f64> {
    r.compressions.map(|n| n as f64 * compression_ns / r.ns)
}

/// The fastest peer's time for `r`'s case over `r`'s (above 1: faster).
pub fn vs_best_peer(rows: &[Measured], r: &Measured) -> Option<f64> {
    rows.iter()
        .filter(|p| p.peer && p.case == r.case)
        .map(|p| p.ns)
        .min_by(f64::total_cmp)
        .map(|p| p / r.ns)
}

/// The text table of `rows`, with the floor and best-peer columns, then
/// the targets' ratios.
pub fn report(rows: &[Measured], compression_ns: f64) -> String {
    let mut out = format!(
        "{:<34} {:<24} {:>12} {:>10} {:>10} {:>12}\n",
        "case", "candidate", "ops/s", "ns/op", "of floor", "x best peer"
    );
    for r in rows {
        out.push_str(&format!(
            "{:<34} {:<24} {:>12.0} {:>10.1} {:>10} {:>12}\n",
            r.case,
            r.name,
            1e9 / r.ns,
            r.ns,
            of_floor(r, compression_ns).map_or("-".into(), |v| format!("{:.0} %", v * 100.0)),
            vs_best_peer(rows, r).map_or("-".into(), |v| format!("{v:.2}")),
        ));
    }
    out.push_str(
        "\nof floor: the compressions the operation needs, each at the cost of one alone, over its time.\n\
         x best peer: the fastest peer's time over this candidate's time (above 1: faster).\n\ntargets:\n",
    );
    for t in TARGETS {
        let ratio = ratio(t, |c, n| ns_of(rows, c, n));
        out.push_str(&format!(
            "  {:<70} {:>6} (goal {:.2}) {}\n",
            t.what,
            ratio.map_or("-".into(), |r| format!("{r:.2}")),
            t.goal,
            match ratio {
                Some(r) if r >= t.goal => "met",
                Some(_) => "MISSED",
                None => "not measured",
            }
        ));
    }
    out
}
