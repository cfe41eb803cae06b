#!/usr/bin/env bash
# The C ABI's tests: builds the release libcallsign.a, checks that the
# committed include/callsign.h is what cbindgen generates, then runs the C
# vector tests (plain, valgrind, ASan+UBSan), the header (C89..C11, C++11/17),
# the nm -u check, the freestanding link, the panic-never link, the C suites
# against a library instrumented on the Rust side too (scripts/c-asan-rust.sh)
# and the consumers of an installed tree (tests/consumers/run.sh).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

passed=0
failed=0
stage() {
    local name=$1 t0
    shift
    t0=$(date +%s)
    echo "== c-abi: $name"
    if "$@"; then
        passed=$((passed + 1))
        echo "c-abi: ok ($(($(date +%s) - t0)) s): $name"
    else
        echo "c-abi: FAILED: $name" >&2
        failed=$((failed + 1))
    fi
}

header_is_current() {
    # The pinned cbindgen CLI regenerates the header from the Rust source
    # into a temporary file; a stale committed header fails the stage.
    bash scripts/gen-header.sh --check
}

# An ordinary build compiles no cbindgen and writes nothing into the tree.
build_leaves_tree() {
    if [[ $(git status --porcelain --untracked-files=all -- . ':!target') != "$before_build" ]]; then
        git status --short
        echo "cargo build -p callsign-ffi changed the work tree" >&2
        return 1
    fi
    if grep -q 'Compiling cbindgen' "$build_log"; then
        echo "cargo build -p callsign-ffi compiled cbindgen" >&2
        return 1
    fi
    echo "the build left the work tree as it was and compiled no cbindgen"
}

before_build=$(git status --porcelain --untracked-files=all -- . ':!target')
build_log=$(mktemp "${TMPDIR:-/tmp}/callsign-build.XXXXXX")
cargo build -p callsign-ffi --release --locked 2>&1 | tee "$build_log"
lib=target/release/libcallsign.a
echo "c-abi: $(ls -l $lib | awk '{print $5}') bytes in $lib"

stage "header drift (scripts/gen-header.sh --check, pinned cbindgen CLI)" header_is_current
stage "ordinary build: no cbindgen, work tree untouched" build_leaves_tree
stage "C vectors, buffers, NULLs, overlaps (plain, valgrind, ASan+UBSan), header C89..C++17" bash tests/c/run.sh
stage "nm -u" bash tests/nm-undefined.sh "$lib"
stage "freestanding link" bash tests/freestanding/run.sh "$lib"
stage "panic-never link" bash tests/panic-never.sh
stage "C suites with the Rust side under ASan too (nightly -Zsanitizer=address)" bash scripts/c-asan-rust.sh
stage "consumers of the installed tree (install.sh; CMake, pkg-config, C++17 RAII, ctypes, thumbv7em)" bash tests/consumers/run.sh
example_runs() {
    make -s -C examples/c click2call >/dev/null
    local out
    out=$(examples/c/click2call)
    make -s -C examples/c clean
    echo "$out"
    grep -q '^X-AKSK: UsernameToken Username="a1B2c3D4e5F6g7H8i9J0kLmNoPqR",PasswordDigest="[A-Za-z0-9+/]\{43\}=",Nonce="[0-9a-f]\{32\}",Created="[0-9-]*T[0-9:]*Z"$' <<<"$out"
}
stage "examples/c/click2call" example_runs

echo "c-abi: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
