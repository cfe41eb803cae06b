#!/usr/bin/env bash
# Benchmarks behind README.md's Performance section.
#
#   bash scripts/bench.sh [CRITERION ARGS]  criterion's benches/peers.rs with
#                                           the OpenSSL peer (the same cases
#                                           as `callsign bench`, plus SHA-256
#                                           and HMAC at 16 B..1 MiB), ending
#                                           with a summary and the targets
#   bash scripts/bench.sh --update-readme   one run of `callsign bench --json`
#                                           rendered into README's table
#   bash scripts/bench.sh --check-readme    (CI) the README table has exactly
#                                           the rows and targets `callsign
#                                           bench` reports; numbers are not
#                                           compared (they are per machine)
#
# All build the C ABI's shared library first: both harnesses load it with
# dlopen to time the C call beside the Rust one.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cargo build -q -p callsign-ffi --release --locked
case "${1:-}" in
    --update-readme | --check-readme)
        cargo build -q --release --locked --features openssl --bin callsign
        json=$(mktemp)
        trap 'rm -f "$json"' EXIT
        ./target/release/callsign bench --json >"$json"
        if [[ $1 == --update-readme ]]; then
            python3 - "$json" <<'PY'
import json, sys, datetime, subprocess
p = sys.argv[1]
b = json.load(open(p))
rustc = subprocess.run(["rustc", "--version"], capture_output=True, text=True).stdout.split()[1]
b["note"] = (f"One run of `bash scripts/bench.sh --update-readme` (`callsign bench --json`, built with "
             f"`--features openssl`) on {datetime.date.today()}, rustc {rustc}, this project's machine: "
             f"one SHA-256 compression alone {b['compression_ns']:.1f} ns, "
             f"{b['compression_batch_ns']:.1f} ns per block in a batch of 128.")
json.dump(b, open(p, "w"))
PY
            python3 scripts/bench_readme.py write "$json"
        else
            python3 scripts/bench_readme.py check "$json"
        fi
        ;;
    *)
        cargo bench --locked --features openssl --bench peers -- "$@"
        ;;
esac
