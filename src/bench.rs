//! `callsign bench`: a quick (a few seconds) comparison of callsign with its
//! peers, the SHA-256 compression latency and the C ABI on this machine,
//! with every ratio of the performance targets. What is timed is
//! `callsign_cli::cases`, the same closures criterion's `benches/peers.rs`
//! times.

use std::hint::black_box;
use std::time::{Duration, Instant};

use callsign_cli::cases::{self, case, name, CAbi, Candidate, TARGETS};

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

struct Row {
    case: &'static str,
    name: &'static str,
    peer: bool,
    compressions: Option<usize>,
    ns: f64,
}

/// Runs the comparison and returns the table, or JSON with `json`.
pub fn run(json: bool) -> Result<String, String> {
    let path = CAbi::default_path();
    // Leaked: the candidates borrow it for the rest of the process.
    let abi: Option<&'static CAbi> = CAbi::load(&path).map(|a| &*Box::leak(Box::new(a)));
    let candidates: Vec<Candidate> = cases::candidates(abi)?;
    let rows: Vec<Row> = candidates
        .into_iter()
        .map(|mut c| Row {
            case: c.case,
            name: c.name,
            peer: c.peer,
            compressions: c.compressions,
            ns: time_ns(&mut c.run),
        })
        .collect();
    let ns = |case: &str, name: &str| {
        rows.iter()
            .find(|r| r.case == case && r.name == name)
            .map(|r| r.ns)
    };
    let compression_ns = ns(case::COMPRESSION, name::COMPRESS256).unwrap_or(f64::NAN);
    let batch_ns = ns(case::COMPRESSION_BATCH, name::COMPRESS256)
        .map_or(f64::NAN, |t| t / cases::BATCH_BLOCKS as f64);
    let best_peer = |case: &str| {
        rows.iter()
            .filter(|r| r.peer && r.case == case)
            .map(|r| r.ns)
            .min_by(f64::total_cmp)
    };
    // The compressions an operation needs, each at the cost of one alone,
    // over its time.
    let of_floor = |r: &Row| r.compressions.map(|n| n as f64 * compression_ns / r.ns);
    let vs_peer = |r: &Row| best_peer(r.case).map(|p| p / r.ns);
    let targets: Vec<(&cases::Target, Option<f64>)> =
        TARGETS.iter().map(|t| (t, cases::ratio(t, ns))).collect();
    let c_abi_note = match abi {
        Some(_) => format!("C ABI: {}", path.display()),
        None => format!(
            "C ABI not measured: {} not found (cargo build -p callsign-ffi --release, or set CALLSIGN_LIB)",
            path.display()
        ),
    };

    let opt = |v: Option<f64>| v.map_or("null".to_string(), |v| format!("{v:.4}"));
    let mut out = String::new();
    if json {
        out.push_str(&format!(
            "{{\"compression_ns\":{compression_ns:.2},\"compression_batch_ns\":{batch_ns:.2},\"c_abi\":{},\"results\":[",
            abi.is_some()
        ));
        for (i, r) in rows.iter().enumerate() {
            out.push_str(&format!(
                "{}{{\"case\":\"{}\",\"candidate\":\"{}\",\"peer\":{},\"ops_per_s\":{:.0},\"ns_per_op\":{:.2},\"of_floor\":{},\"vs_best_peer\":{}}}",
                if i == 0 { "" } else { "," },
                r.case,
                r.name,
                r.peer,
                1e9 / r.ns,
                r.ns,
                opt(of_floor(r)),
                opt(vs_peer(r)),
            ));
        }
        out.push_str("],\"targets\":[");
        for (i, (t, ratio)) in targets.iter().enumerate() {
            out.push_str(&format!(
                "{}{{\"target\":\"{}\",\"ratio\":{},\"goal\":{:.2},\"met\":{}}}",
                if i == 0 { "" } else { "," },
                t.what,
                opt(*ratio),
                t.goal,
                ratio.map_or("null".to_string(), |r| (r >= t.goal).to_string()),
            ));
        }
        out.push_str("]}\n");
        return Ok(out);
    }
    out.push_str(&format!(
        "one SHA-256 compression alone: {compression_ns:.1} ns (each from the last one's state); \
         in a batch of {}: {batch_ns:.1} ns per block\n{c_abi_note}\n\n",
        cases::BATCH_BLOCKS
    ));
    out.push_str(&format!(
        "{:<34} {:<24} {:>12} {:>10} {:>10} {:>12}\n",
        "case", "candidate", "ops/s", "ns/op", "of floor", "x best peer"
    ));
    for r in &rows {
        out.push_str(&format!(
            "{:<34} {:<24} {:>12.0} {:>10.1} {:>10} {:>12}\n",
            r.case,
            r.name,
            1e9 / r.ns,
            r.ns,
            of_floor(r).map_or("-".into(), |v| format!("{:.0} %", v * 100.0)),
            vs_peer(r).map_or("-".into(), |v| format!("{v:.2}")),
        ));
    }
    out.push_str(
        "\nof floor: the compressions the operation needs, each at the cost of one alone, over its time.\n\
         x best peer: the fastest peer's time over this candidate's time (above 1: faster).\n\ntargets:\n",
    );
    for (t, ratio) in &targets {
        out.push_str(&format!(
            "  {:<70} {:>6} (goal {:.2}) {}\n",
            t.what,
            ratio.map_or("-".into(), |r| format!("{r:.2}")),
            t.goal,
            match ratio {
                Some(r) if *r >= t.goal => "met",
                Some(_) => "MISSED",
                None => "not measured",
            }
        ));
    }
    black_box(&out);
    Ok(out)
}
