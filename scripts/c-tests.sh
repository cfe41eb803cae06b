#!/usr/bin/env bash
# The C ABI's tests: builds the release libcallsign.a, checks that the
# committed include/callsign.h is what cbindgen generates, then runs the C
# vector tests (plain, valgrind, ASan+UBSan), the header as C99 and C++11,
# the nm -u check, the freestanding link and the panic-never link.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

passed=0
failed=0
stage() {
    local name=$1
    shift
    echo "== c-abi: $name"
    if "$@"; then
        passed=$((passed + 1))
    else
        echo "c-abi: FAILED: $name" >&2
        failed=$((failed + 1))
    fi
}

header_is_current() {
    # build.rs has just regenerated the header from the Rust source.
    if ! git diff --quiet -- include/callsign.h || [ -n "$(git status --porcelain -- include/callsign.h)" ]; then
        git --no-pager diff -- include/callsign.h | head -40
        echo "include/callsign.h differs from the generated header: commit the regenerated file" >&2
        return 1
    fi
    echo "include/callsign.h is current"
}

cargo build -p callsign-ffi --release --locked
lib=target/release/libcallsign.a
echo "c-abi: $(ls -l $lib | awk '{print $5}') bytes in $lib"

stage "header drift" header_is_current
stage "C vectors, buffers, NULLs (plain, valgrind, ASan+UBSan), header as C99/C++11" bash tests/c/run.sh
stage "nm -u" bash tests/nm-undefined.sh "$lib"
stage "freestanding link" bash tests/freestanding/run.sh "$lib"
stage "panic-never link" bash tests/panic-never.sh
stage "C suites with the Rust side under ASan too (nightly -Zsanitizer=address)" bash scripts/c-asan-rust.sh
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
