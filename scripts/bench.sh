#!/usr/bin/env bash
# The full benchmark run behind README.md's Performance section: builds the
# C ABI's shared library (measured through dlopen), then runs criterion's
# benches/peers.rs with the OpenSSL peer, which ends with a summary table
# (fraction of the SHA-256 compression limit, multiple of the best peer).
# Extra arguments go to criterion, e.g. `bash scripts/bench.sh --quick`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cargo build -p callsign-ffi --release --locked
cargo bench --locked --features openssl --bench peers -- "$@"
