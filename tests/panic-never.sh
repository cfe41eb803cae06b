#!/usr/bin/env bash
# Panic-never proof (DESIGN.md 4.7): the release build of callsign-ffi, as a
# shared library whose every exported function is a root, is linked with a
# #[panic_handler] that calls an undefined function and with
# --no-undefined. The link succeeds only if no panic path survives
# optimisation anywhere in the C ABI or the core under it.
# Negative control: the same build plus one exported function with a
# reachable panic (feature panic-probe) must fail to link.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export CARGO_TARGET_DIR="$root/target/panic-never"
link_args=(-C link-arg=-Wl,--no-undefined -C link-arg=-lc)

echo "panic-never: linking the release C ABI against an undefined panic handler"
if ! cargo rustc -p callsign-ffi --release --locked --crate-type cdylib \
    --no-default-features --features panic-never -- "${link_args[@]}" 2>"$CARGO_TARGET_DIR.log"; then
    cat "$CARGO_TARGET_DIR.log" >&2
    echo "panic-never: FAILED: a panic path survives in the release build (see callsign_panic_is_reachable above)" >&2
    exit 1
fi
if nm -D --defined-only "$CARGO_TARGET_DIR/release/libcallsign.so" | grep -q callsign_panic_is_reachable; then
    echo "panic-never: FAILED: the handler symbol is present" >&2
    exit 1
fi
echo "panic-never: linked, no panic path"

echo "panic-never: the whole C ABI (features apig, verify, api: with the API surface and the push verification)"
if ! cargo rustc -p callsign-ffi --release --locked --crate-type cdylib \
    --no-default-features --features panic-never,apig,verify,api -- "${link_args[@]}" 2>"$CARGO_TARGET_DIR.log"; then
    cat "$CARGO_TARGET_DIR.log" >&2
    echo "panic-never: FAILED: a panic path survives in the API surface (see callsign_panic_is_reachable above)" >&2
    exit 1
fi
# (nm into a file: `nm | grep -q` fails under pipefail when grep exits first.)
nm -D --defined-only "$CARGO_TARGET_DIR/release/libcallsign.so" >"$CARGO_TARGET_DIR.nm"
if ! grep -q ' callsign_huawei_voice_push_verify$' "$CARGO_TARGET_DIR.nm" ||
    ! grep -q ' callsign_huawei_click2call_body$' "$CARGO_TARGET_DIR.nm"; then
    echo "panic-never: FAILED: the API surface is not in the build" >&2
    exit 1
fi
echo "panic-never: the whole C ABI linked, no panic path"

echo "panic-never: negative control: a build with a reachable panic must fail to link"
if cargo rustc -p callsign-ffi --release --locked --crate-type cdylib \
    --no-default-features --features panic-never,panic-probe -- "${link_args[@]}" 2>"$CARGO_TARGET_DIR.log"; then
    echo "panic-never: FAILED: the probe with a reachable panic linked; the check proves nothing" >&2
    exit 1
fi
if ! grep -q callsign_panic_is_reachable "$CARGO_TARGET_DIR.log"; then
    cat "$CARGO_TARGET_DIR.log" >&2
    echo "panic-never: FAILED: the probe failed to link for another reason" >&2
    exit 1
fi
echo "panic-never: the probe failed to link on callsign_panic_is_reachable, as it must"
echo "panic-never: 3 passed, 0 failed"
