#!/usr/bin/env bash
# The C test suites (tests/c: test_ffi, test_verify, test_overlap) against a
# libcallsign.a whose Rust side is instrumented with AddressSanitizer too
# (nightly rustc -Zsanitizer=address), not only the C side as in
# scripts/c-tests.sh. Needs the nightly toolchain; says so and exits 0 when
# it is missing (install it with `rustup toolchain install nightly`).
#
# core is the nightly's prebuilt, uninstrumented one (no rust-src needed:
# -Cunsafe-allow-abi-mismatch=sanitizer); callsign-core, callsign-ffi and
# their dependencies are instrumented. A negative control (a Rust function
# reading one byte past a heap buffer) must be reported by ASan.
#
# Cache: target/asan-rust/. ~30 s from scratch on 2 cores, then ~15 s.
# Last line: "c-asan-rust: N passed, M failed" (or "SKIPPED").
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
start=$(date +%s)

if ! rustup run nightly rustc --version >/dev/null 2>&1; then
    echo "c-asan-rust: SKIPPED: no nightly toolchain (rustup toolchain install nightly)"
    exit 0
fi
echo "c-asan-rust: $(rustup run nightly rustc --version)"

host=$(rustc -vV | sed -n 's/^host: //p')
export CARGO_TARGET_DIR="$root/target/asan-rust"
# --target: build scripts stay uninstrumented; only the library is.
RUSTFLAGS="-Zsanitizer=address -Cunsafe-allow-abi-mismatch=sanitizer -Cforce-frame-pointers=yes" \
    cargo +nightly build -q -p callsign-ffi --release --locked --target "$host"
lib="$CARGO_TARGET_DIR/$host/release/libcallsign.a"

passed=0
failed=0
count() {
    if [[ $1 -eq 0 ]]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
}

# The Rust side is instrumented: it calls the ASan runtime...
nm "$lib" 2>/dev/null >"$CARGO_TARGET_DIR/nm.txt" || true
if grep -q ' U __asan_report_load' "$CARGO_TARGET_DIR/nm.txt"; then
    echo "c-asan-rust: ok   the library calls __asan_report_*"
    count 0
else
    echo "c-asan-rust: FAIL the library is not instrumented" >&2
    count 1
fi

# ...and a read one byte past a heap buffer, inside Rust (the user name is
# validated byte by byte), is caught.
tmp=$(mktemp -d "${TMPDIR:-/tmp}/callsign-asan-rust.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cat >"$tmp/control.c" <<'C'
#include <stdlib.h>
#include <string.h>
#include "callsign.h"
int main(void)
{
    char out[CALLSIGN_BASIC_MAX_LEN];
    size_t n;
    uint8_t *user = malloc(4);
    uint32_t rc;
    memcpy(user, "user", 4);
    rc = callsign_basic_authorization(user, 5, (const uint8_t *)"s", 1, out, sizeof out, &n);
    free(user);
    return (int)rc;
}
C
gcc -std=c99 -g -O1 -fsanitize=address -fno-omit-frame-pointer -Iinclude "$tmp/control.c" "$lib" \
    -o "$tmp/control"
set +e
ASAN_OPTIONS=detect_leaks=0 "$tmp/control" >"$tmp/control.log" 2>&1
rc=$?
set -e
if [[ $rc -ne 0 ]] && grep -q 'heap-buffer-overflow' "$tmp/control.log" &&
    grep -q 'callsign' "$tmp/control.log"; then
    echo "c-asan-rust: ok   a one-byte over-read inside Rust is reported (status $rc)"
    count 0
else
    echo "c-asan-rust: FAIL an over-read inside Rust went unreported (status $rc):" >&2
    cat "$tmp/control.log" >&2
    count 1
fi

if CALLSIGN_LIB="$lib" CALLSIGN_C_TESTS_ASAN_ONLY=1 bash tests/c/run.sh; then
    count 0
else
    count 1
fi

echo "c-asan-rust: done in $(($(date +%s) - start)) s"
echo "c-asan-rust: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
