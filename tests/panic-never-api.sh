#!/usr/bin/env bash
# Panic-never proof of callsign-core's API surface (issue 10; DESIGN.md
# 4.7): tests/panic-never-api/ calls every builder, parser, the token cache
# and the HTTP Date parser from one exported function of a cdylib whose
# panic handler calls an undefined function, linked with --no-undefined at
# opt-level "z", "s" and 3; the push verifier too at "s" and 3 (base64ct's
# decoder keeps panic paths at "z", as for every verifier). Negative
# control: a build with a reachable panic must fail to link.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root/tests/panic-never-api"
export CARGO_TARGET_DIR="$root/target/panic-never-api"
mkdir -p "$CARGO_TARGET_DIR"
log="$CARGO_TARGET_DIR/link.log"
link=(-C link-arg=-Wl,--no-undefined -C link-arg=-lc)
passed=0

build() { # opt-level, features
    CARGO_PROFILE_RELEASE_OPT_LEVEL=$1 cargo rustc --release --locked --crate-type cdylib \
        --features "$2" -- "${link[@]}" >"$log" 2>&1
}

for case in "z:" "s:" "3:" "s:verify" "3:verify"; do
    opt=${case%%:*} features=${case#*:}
    if ! build "$opt" "$features"; then
        cat "$log" >&2
        echo "panic-never-api: FAILED at opt-level $opt (features: ${features:-none}): a panic path survives" >&2
        exit 1
    fi
    echo "panic-never-api: opt-level $opt (features: ${features:-none}): linked, no panic path"
    passed=$((passed + 1))
done

if build s probe; then
    echo "panic-never-api: FAILED: the probe with a reachable panic linked; the check proves nothing" >&2
    exit 1
fi
if ! grep -q callsign_panic_is_reachable "$log"; then
    cat "$log" >&2
    echo "panic-never-api: FAILED: the probe failed to link for another reason" >&2
    exit 1
fi
echo "panic-never-api: the probe failed to link on callsign_panic_is_reachable, as it must"
echo "panic-never-api: $((passed + 1)) passed, 0 failed"
