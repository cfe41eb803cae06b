//! `callsign bench`: a quick (a few seconds) comparison of callsign with its
//! peers, the SHA-256 compression latency and the C ABI on this machine,
//! with every ratio of the performance targets. What is timed is
//! `callsign_cli::cases`, the same closures criterion's `benches/peers.rs`
//! times.

use std::time::{Duration, Instant};

use callsign_cli::cases::{self, case, name, CAbi, Candidate, Measured, TARGETS};

const SAMPLE: Duration = Duration::from_millis(20);
const SAMPLES: usize = 7;

/// Median time per call of `f`, in ns: iterations are calibrated to about
/// 20 ms per sample, then 7 samples are taken.
fn time_ns(f: &mut dyn FnMut()) -> f64 {
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

/// Runs the comparison and returns the table, or JSON with `json`.
pub fn run(json: bool) -> Result<String, String> {
    let path = CAbi::default_path();
    // Leaked: the candidates borrow it for the rest of the process.
    let abi: Option<&'static CAbi> = CAbi::load(&path).map(|a| &*Box::leak(Box::new(a)));
    let candidates: Vec<Candidate> = cases::candidates(abi)?;
    let rows: Vec<Measured> = candidates
        .into_iter()
        .map(|mut c| Measured {
            case: c.case.to_string(),
            name: c.name.to_string(),
            peer: c.peer,
            compressions: c.compressions,
            ns: time_ns(&mut c.run),
        })
        .collect();
    let ns = |case: &str, name: &str| cases::ns_of(&rows, case, name);
    let compression_ns = ns(case::COMPRESSION, name::COMPRESS256).unwrap_or(f64::NAN);
    let batch_ns = ns(case::COMPRESSION_BATCH, name::COMPRESS256)
        .map_or(f64::NAN, |t| t / cases::BATCH_BLOCKS as f64);
    let c_abi_note = match abi {
        Some(_) => format!("C ABI: {}", path.display()),
        None => format!(
            "C ABI not measured: {} not found (cargo build -p callsign-ffi --release, or set CALLSIGN_LIB)",
            path.display()
        ),
    };
    if !json {
        return Ok(format!(
            "one SHA-256 compression alone: {compression_ns:.1} ns (each from the last one's state); \
             in a batch of {}: {batch_ns:.1} ns per block\n{c_abi_note}\n\n{}",
            cases::BATCH_BLOCKS,
            cases::report(&rows, compression_ns)
        ));
    }
    let opt = |v: Option<f64>| v.map_or("null".to_string(), |v| format!("{v:.4}"));
    let mut out = format!(
        "{{\"compression_ns\":{compression_ns:.2},\"compression_batch_ns\":{batch_ns:.2},\"c_abi\":{},\"results\":[",
        abi.is_some()
    );
    for (i, r) in rows.iter().enumerate() {
        out.push_str(&format!(
            "{}{{\"case\":\"{}\",\"candidate\":\"{}\",\"peer\":{},\"ops_per_s\":{:.0},\"ns_per_op\":{:.2},\"of_floor\":{},\"vs_best_peer\":{}}}",
            if i == 0 { "" } else { "," },
            r.case,
            r.name,
            r.peer,
            1e9 / r.ns,
            r.ns,
            opt(cases::of_floor(r, compression_ns)),
            opt(cases::vs_best_peer(&rows, r)),
        ));
    }
    out.push_str("],\"targets\":[");
    for (i, t) in TARGETS.iter().enumerate() {
        let ratio = cases::ratio(t, ns);
        out.push_str(&format!(
            "{}{{\"target\":\"{}\",\"ratio\":{},\"goal\":{:.2},\"met\":{}}}",
            if i == 0 { "" } else { "," },
            t.what,
            opt(ratio),
            t.goal,
            ratio.map_or("null".to_string(), |r| (r >= t.goal).to_string()),
        ));
    }
    out.push_str("]}\n");
    Ok(out)
}
