#!/usr/bin/env bash
# The project's test command (README.md): installs what it needs, then runs
# every test: unit, integration (vectors, buffers, no-alloc, properties,
# CLI), doctests, and the no-std dependency check.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh

# callsign-core must not enable any `std` feature anywhere in its tree.
echo "test: checking that callsign-core's dependency tree enables no std feature"
tree=$(cargo tree -p callsign-core -e features,normal --target all)
if grep -E 'feature "std"|feature "alloc"' <<<"$tree"; then
    echo "test: FAILED: callsign-core's dependency tree enables std or alloc" >&2
    exit 1
fi

# The older-rand_core features are opt-in (they add a rand_core major to a
# firmware's tree); their doctests run here.
cargo test --workspace --exclude callsign-ffi --locked \
    --features callsign-core/rand_core_0_6,callsign-core/rand_core_0_9

# SDK-HMAC-SHA256/SM3/V11 against the Python reference signer, 1,000 random
# requests (installs huaweicloudsdkcore into a venv under target/).
bash tests/apig-differential/run.sh

# No panic path in the API surface of callsign-core (builders, parsers,
# token cache, HTTP Date, push verifier), which the C ABI does not cover yet.
bash tests/panic-never-api.sh

# The C ABI: C programs, sanitizers, link proofs.
bash scripts/c-tests.sh
