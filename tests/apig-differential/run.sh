#!/usr/bin/env bash
# Differential test of callsign's SDK-HMAC-SHA256 / SM3 / V11 signing
# (callsign_core::huawei::apig, variant Core) against the normative
# reference, huaweicloudsdkcore's Python signers.
#
# generate.py makes random requests (paths with UTF-8, %XX, reserved
# characters and stray '%'; query pairs with repeats and any characters;
# headers needing trimming, with '_' names, mixed case; text and binary
# bodies; long and odd secrets) and signs them with the reference; the
# checker signs them with callsign and compares everything. Ends with
# "apig-differential: N passed, M failed".
#
# The reference comes from PyPI into a venv under target/. If it cannot be
# installed because the registry is unreachable (or python3 has no venv),
# the test prints "apig-differential: skipped: ..." and exits 0.
#
# Environment: APIG_DIFF_COUNT (default 1000), APIG_DIFF_SEED (default
# 20240115; any other value explores other requests).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
count=${APIG_DIFF_COUNT:-1000}
seed=${APIG_DIFF_SEED:-20240115}
reference="huaweicloudsdkcore==3.1.219"  # the version the vectors come from
work="$root/target/apig-differential"
venv="$work/venv"
mkdir -p "$work"

if ! "$venv/bin/python" -c 'import huaweicloudsdkcore.signer.signer' 2>/dev/null; then
    if ! python3 -m venv "$venv" >"$work/venv.log" 2>&1; then
        echo "apig-differential: skipped: python3 cannot create a venv (see $work/venv.log)"
        exit 0
    fi
    if ! "$venv/bin/pip" install --quiet --disable-pip-version-check "$reference" >"$work/pip.log" 2>&1; then
        if grep -qiE 'connection|resolve|unreachable|timed out|network|Could not fetch|No matching distribution' "$work/pip.log"; then
            echo "apig-differential: skipped: PyPI unreachable, cannot install $reference (see $work/pip.log)"
            exit 0
        fi
        cat "$work/pip.log" >&2
        echo "apig-differential: FAILED: pip could not install $reference" >&2
        exit 1
    fi
fi

cargo build --quiet --example apig-differential
"$venv/bin/python" tests/apig-differential/generate.py --count "$count" --seed "$seed" >"$work/cases.jsonl"
echo "apig-differential: $count requests (seed $seed) signed by $reference"
# The checker's last line is "apig-differential: N passed, M failed".
cargo run --quiet --example apig-differential -- "$work/cases.jsonl"
