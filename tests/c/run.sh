#!/usr/bin/env bash
# C tests of the C ABI: include/callsign.h and target/release/libcallsign.a.
#
# The caller builds the library first:
#   cargo build -p callsign-ffi --release && bash tests/c/run.sh
#
# Stages (each one pass or fail; the script goes on after a failure and
# exits non-zero at the end if any failed):
#   vectors      tests/c/gen_vectors.py -> callsign_test_vectors.h
#   header       tests/c/test_header.c as C89, C99, C11 and test_header.cpp as
#                C++11, C++17, with gcc/g++ and clang/clang++ (-Weverything),
#                -Werror; nm shows the functions have C linkage in C++
#   header-nodiscard  every status function is CALLSIGN_NODISCARD, and an
#                ignored status fails -Werror in C (gcc, clang) and C++17
#   ffi-guard    tests/c/test_ffi.c with -DCALLSIGN_MALLOC_GUARD (no allocation
#                inside any callsign_* call)
#   ffi-valgrind test_ffi (no guard) under valgrind memcheck, leaks are errors
#   ffi-asan     test_ffi with AddressSanitizer + UBSan, which must be linked
#                (nm: __asan_init) and active (the program says so)
#   asan-control a heap overflow built with the same flags must be caught
#   verify-vectors  tests/c/gen_sinch_vectors.py -> callsign_sinch_vectors.h
#   verify-guard    tests/c/test_verify.c (Sinch, Mailgun and Huawei
#                   verification, webhook signing, body MD5, replay cache)
#                   with -DCALLSIGN_MALLOC_GUARD
#   verify-valgrind test_verify under valgrind memcheck, leaks are errors
#   verify-asan     test_verify with AddressSanitizer + UBSan
#   overlap-guard   tests/c/test_overlap.c (the overlap rule: every writer x
#                   every input at the start, middle and end of its output,
#                   and touching) with -DCALLSIGN_MALLOC_GUARD
#   overlap-asan    test_overlap with AddressSanitizer + UBSan
#   api-vectors  tests/c/gen_api_vectors.py -> callsign_api_vectors.h
#   api-guard    tests/c/test_api.c (every api-surface.json vector through
#                the builders and parsers, output rule, NULLs) with
#                -DCALLSIGN_MALLOC_GUARD
#   api-valgrind test_api under valgrind memcheck, leaks are errors
#   api-asan     test_api with AddressSanitizer + UBSan
#   scrub        tests/c/test_scrub.c: no key state, secret or expected MAC
#                left in the dead stack after a call (plain build)
# Last line: "c-tests: N passed, M failed".
#
# Environment: CC (default gcc), CXX (default g++), CALLSIGN_LIB (default
# target/release/libcallsign.a), CALLSIGN_C_TESTS_ASAN_ONLY=1 to run only the
# vector generation and the AddressSanitizer stages (scripts/c-asan-rust.sh,
# whose library is instrumented too: valgrind cannot run it). Installs valgrind with
# apt-get when it is missing (apt-get update only if the install fails).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
lib="${CALLSIGN_LIB:-$root/target/release/libcallsign.a}"
CC=${CC:-gcc}
CXX=${CXX:-g++}
WARN=(-std=c99 -Wall -Wextra -Werror -Wpedantic)
SAN=(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)

if [[ ! -f "$lib" ]]; then
    echo "c-tests: $lib not found; build it first: cargo build -p callsign-ffi --release" >&2
    exit 1
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/callsign-c-tests.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
start=$(date +%s)
passed=0
failed=0

# Runs "$@" in a subshell with errexit (not an `if` condition, so errexit
# really applies inside), and counts the stage.
stage() {
    local name=$1 rc t0
    shift
    t0=$(date +%s)
    echo "c-tests: --- $name"
    set +e
    (
        set -e
        "$@"
    )
    rc=$?
    set -e
    if [[ $rc -eq 0 ]]; then
        passed=$((passed + 1))
        echo "c-tests: ok   $name ($(($(date +%s) - t0)) s)"
    else
        failed=$((failed + 1))
        echo "c-tests: FAIL $name (exit status $rc)"
    fi
}

# Runs a test binary ("$@"), shows its output, and requires exit status 0
# and a last line "TAG: N passed, 0 failed" (TAG c-ffi for test_ffi,
# c-verify for test_verify).
run_tagged() {
    local tag=$1 log=$2 rc
    shift 2
    set +e
    "$@" >"$log" 2>&1
    rc=$?
    set -e
    cat "$log"
    if [[ $rc -ne 0 ]]; then
        echo "c-tests: $* exited with status $rc" >&2
        return 1
    fi
    if ! tail -n 1 "$log" | grep -Eq "^$tag: [1-9][0-9]* passed, 0 failed\$"; then
        echo "c-tests: no '$tag: N passed, 0 failed' line at the end" >&2
        return 1
    fi
}

run_ffi() { run_tagged c-ffi "$@"; }

gen_vectors() {
    python3 "$root/tests/c/gen_vectors.py" \
        "$root/tests/vectors/huawei.json" \
        "$root/tests/vectors/sinch_mailgun.json" \
        "$tmp/callsign_test_vectors.h"
    [[ -s "$tmp/callsign_test_vectors.h" ]]
}

ensure_clang() {
    local sudo=()
    if command -v clang >/dev/null 2>&1 && command -v clang++ >/dev/null 2>&1; then
        return 0
    fi
    if [[ $(id -u) -ne 0 ]]; then
        sudo=(sudo)
    fi
    echo "c-tests: clang missing, installing it with apt-get"
    if ! "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q clang; then
        "${sudo[@]}" apt-get update -q
        "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q clang
    fi
    command -v clang >/dev/null 2>&1
}

# The header on its own: C89, C99, C11 and C++11, C++17, with gcc/g++
# (-Wall -Wextra -pedantic-errors) and clang/clang++ (-Weverything), all at
# -Werror. Two justified exceptions for clang: -Wno-padded (the public
# structs have the padding their ABI has: a uint32_t before a pointer) and,
# in C++, -Wno-c++98-compat{,-pedantic} (it flags every C++11 construct,
# [[nodiscard]] included; C++98 is not supported).
header_matrix() {
    local std cc obj
    ensure_clang
    for std in c89 c99 c11; do
        for cc in gcc clang; do
            obj="$tmp/header-$cc-$std.o"
            if [[ $cc == gcc ]]; then
                gcc -std=$std -Wall -Wextra -Werror -pedantic-errors -I"$root/include" \
                    -c "$root/tests/c/test_header.c" -o "$obj"
            else
                clang -std=$std -Weverything -Wno-padded -Werror -pedantic-errors \
                    -I"$root/include" -c "$root/tests/c/test_header.c" -o "$obj"
            fi
            echo "c-tests: header as $std with $cc: clean"
        done
    done
    # The feature guards: without the API surface (CALLSIGN_NO_API), and
    # with none of the optional parts, the header still compiles and
    # declares none of the guarded functions.
    gcc -std=c89 -Wall -Wextra -Werror -pedantic-errors -I"$root/include" -DCALLSIGN_NO_API \
        -c "$root/tests/c/test_header.c" -o "$tmp/header-noapi.o"
    gcc -std=c89 -E -I"$root/include" -DCALLSIGN_NO_API -DCALLSIGN_NO_APIG -DCALLSIGN_NO_VERIFY \
        "$root/include/callsign.h" >"$tmp/header-none.i"
    if grep -Eq 'callsign_huawei_click2call_body|callsign_token_cache_init|callsign_huawei_apig_sign|callsign_replay_cache_init' \
        "$tmp/header-none.i" || ! grep -q 'callsign_huawei_voice_x_aksk' "$tmp/header-none.i"; then
        echo "c-tests: CALLSIGN_NO_API/_APIG/_VERIFY do not guard their declarations" >&2
        return 1
    fi
    echo "c-tests: header with CALLSIGN_NO_API, and with no optional part: clean, guarded"
    for std in c++11 c++17; do
        for cc in g++ clang++; do
            obj="$tmp/header-$cc-$std.o"
            if [[ $cc == g++ ]]; then
                g++ -std=$std -Wall -Wextra -Werror -pedantic-errors -I"$root/include" \
                    -c "$root/tests/c/test_header.cpp" -o "$obj"
            else
                clang++ -std=$std -Weverything -Wno-padded -Wno-c++98-compat \
                    -Wno-c++98-compat-pedantic -Werror -pedantic-errors -I"$root/include" \
                    -c "$root/tests/c/test_header.cpp" -o "$obj"
            fi
            # C linkage: the reference is to the plain name, not a mangled one.
            # (nm output goes to a file: `nm | grep -q` can fail under pipefail
            # when grep exits early and nm gets SIGPIPE.)
            nm "$obj" >"$obj.nm"
            if ! grep -Eq ' U callsign_huawei_voice_x_aksk$' "$obj.nm"; then
                echo "c-tests: callsign_huawei_voice_x_aksk has C++ linkage ($cc $std)" >&2
                cat "$obj.nm" >&2
                return 1
            fi
            echo "c-tests: header as $std with $cc: clean, C linkage"
        done
    done
}

# Every function returning a status is CALLSIGN_NODISCARD, and ignoring a
# status is a warning (an error here) in C with GCC/Clang and in C++17.
header_nodiscard() {
    local missing cc std ext
    missing=$(awk '/^uint32_t callsign_/ && prev != "CALLSIGN_NODISCARD" && !/callsign_version_number/ {print} {prev=$0}' \
        "$root/include/callsign.h")
    if [[ -n $missing ]]; then
        echo "c-tests: status functions without CALLSIGN_NODISCARD:" >&2
        echo "$missing" >&2
        return 1
    fi
    printf '#include "callsign.h"\nvoid f(void);\nvoid f(void) { callsign_sha256(NULL, 0, NULL); }\n' >"$tmp/ignored.c"
    cp "$tmp/ignored.c" "$tmp/ignored.cpp"
    for cc in gcc:c99 clang:c11 g++:c++17 clang++:c++17; do
        std=${cc#*:}
        cc=${cc%%:*}
        ext=c
        [[ $std == c++* ]] && ext=cpp
        if "$cc" -std="$std" -Werror -I"$root/include" -c "$tmp/ignored.$ext" -o "$tmp/ignored.o" \
            2>"$tmp/ignored.log"; then
            echo "c-tests: an ignored status compiled without a warning ($cc -std=$std)" >&2
            return 1
        fi
        grep -Eq 'unused-result|nodiscard|warn_unused_result' "$tmp/ignored.log"
        echo "c-tests: an ignored status is refused by $cc -std=$std -Werror"
    done
}

build_ffi() { # output, extra flags...
    local out=$1
    shift
    "$CC" "${WARN[@]}" -g "$@" -I"$root/include" -I"$tmp" \
        "$root/tests/c/test_ffi.c" "$lib" -o "$out"
}

ffi_guard() {
    build_ffi "$tmp/test_ffi_guard" -O2 -DCALLSIGN_MALLOC_GUARD
    run_ffi "$tmp/guard.log" "$tmp/test_ffi_guard"
    grep -q '^c-ffi: malloc guard active$' "$tmp/guard.log"
}

gen_verify_vectors() {
    python3 "$root/tests/c/gen_sinch_vectors.py" \
        "$root/tests/vectors/sinch_mailgun.json" \
        "$root/tests/vectors/huawei.json" \
        "$tmp/callsign_sinch_vectors.h"
    [[ -s "$tmp/callsign_sinch_vectors.h" ]]
}

build_verify() { # output, extra flags...
    local out=$1
    shift
    "$CC" "${WARN[@]}" -g "$@" -I"$root/include" -I"$tmp" \
        "$root/tests/c/test_verify.c" "$lib" -o "$out"
}

verify_guard() {
    build_verify "$tmp/test_verify_guard" -O2 -DCALLSIGN_MALLOC_GUARD
    run_tagged c-verify "$tmp/verify_guard.log" "$tmp/test_verify_guard"
    grep -q '^c-verify: malloc guard active$' "$tmp/verify_guard.log"
}

ensure_valgrind() {
    local sudo=()
    if command -v valgrind >/dev/null 2>&1; then
        return 0
    fi
    if [[ $(id -u) -ne 0 ]]; then
        sudo=(sudo)
    fi
    echo "c-tests: valgrind missing, installing it with apt-get"
    if ! "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y valgrind; then
        "${sudo[@]}" apt-get update
        "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y valgrind
    fi
    command -v valgrind >/dev/null 2>&1
}

ffi_valgrind() {
    ensure_valgrind
    build_ffi "$tmp/test_ffi" -O1
    run_ffi "$tmp/valgrind.log" valgrind -q --error-exitcode=1 --leak-check=full \
        --errors-for-leak-kinds=all --track-origins=yes "$tmp/test_ffi"
}

ffi_asan() {
    build_ffi "$tmp/test_ffi_asan" -O1 "${SAN[@]}"
    nm "$tmp/test_ffi_asan" >"$tmp/test_ffi_asan.nm"
    if ! grep -q '__asan_init' "$tmp/test_ffi_asan.nm"; then
        echo "c-tests: __asan_init not in the sanitizer build" >&2
        return 1
    fi
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:halt_on_error=1 \
        UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        run_ffi "$tmp/asan.log" "$tmp/test_ffi_asan"
    if ! grep -q '^c-ffi: AddressSanitizer active$' "$tmp/asan.log"; then
        echo "c-tests: the sanitizer build did not report AddressSanitizer active" >&2
        return 1
    fi
}

verify_valgrind() {
    ensure_valgrind
    build_verify "$tmp/test_verify" -O1
    run_tagged c-verify "$tmp/verify_valgrind.log" valgrind -q --error-exitcode=1 \
        --leak-check=full --errors-for-leak-kinds=all --track-origins=yes "$tmp/test_verify"
}

# Dead stack after keys, signatures and verifications holds no key state,
# padded key block, secret or expected MAC (plain build: it reads dead stack).
scrub() {
    "$CC" "${WARN[@]}" -O1 -I"$root/include" "$root/tests/c/test_scrub.c" "$lib" \
        -o "$tmp/test_scrub"
    run_tagged c-scrub "$tmp/scrub.log" "$tmp/test_scrub"
}

verify_asan() {
    build_verify "$tmp/test_verify_asan" -O1 "${SAN[@]}"
    nm "$tmp/test_verify_asan" >"$tmp/test_verify_asan.nm"
    if ! grep -q '__asan_init' "$tmp/test_verify_asan.nm"; then
        echo "c-tests: __asan_init not in the sanitizer build" >&2
        return 1
    fi
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:halt_on_error=1 \
        UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        run_tagged c-verify "$tmp/verify_asan.log" "$tmp/test_verify_asan"
    if ! grep -q '^c-verify: AddressSanitizer active$' "$tmp/verify_asan.log"; then
        echo "c-tests: the sanitizer build did not report AddressSanitizer active" >&2
        return 1
    fi
}

# Negative control: the same flags must catch a heap overflow, and it must
# be AddressSanitizer that catches it. The size is unknown at compile time
# (else UBSan's object-size check fires first, or -Warray-bounds) and the
# store is volatile (else the optimiser drops the store before freeing).
asan_control() {
    local rc
    cat >"$tmp/overflow.c" <<'EOF'
#include <stdlib.h>
int main(int argc, char **argv) {
    volatile char *p = malloc((size_t)argc + 7); /* 8 bytes */
    p[argc + 7] = 1;                             /* one past the end */
    free((void *)p);
    return argv == NULL;
}
EOF
    "$CC" "${WARN[@]}" -g -O1 "${SAN[@]}" "$tmp/overflow.c" -o "$tmp/overflow"
    set +e
    ASAN_OPTIONS=detect_leaks=1 "$tmp/overflow" >"$tmp/overflow.log" 2>&1
    rc=$?
    set -e
    if [[ $rc -eq 0 ]]; then
        echo "c-tests: a heap overflow ran clean: the sanitizer is not working" >&2
        return 1
    fi
    if ! grep -q 'ERROR: AddressSanitizer: heap-buffer-overflow' "$tmp/overflow.log"; then
        echo "c-tests: the overflow failed (status $rc) without an ASan report:" >&2
        cat "$tmp/overflow.log" >&2
        return 1
    fi
    echo "c-tests: heap overflow caught (exit status $rc)"
}

gen_api_vectors() {
    python3 "$root/tests/c/gen_api_vectors.py" \
        "$root/tests/vectors/api-surface.json" \
        "$tmp/callsign_api_vectors.h"
    [[ -s "$tmp/callsign_api_vectors.h" ]]
}

build_api() { # output, extra flags...
    local out=$1
    shift
    "$CC" "${WARN[@]}" -g "$@" -I"$root/include" -I"$tmp" \
        "$root/tests/c/test_api.c" "$lib" -o "$out"
}

api_guard() {
    build_api "$tmp/test_api_guard" -O2 -DCALLSIGN_MALLOC_GUARD
    run_tagged c-api "$tmp/api_guard.log" "$tmp/test_api_guard"
    grep -q '^c-api: malloc guard active$' "$tmp/api_guard.log"
}

api_valgrind() {
    ensure_valgrind
    build_api "$tmp/test_api" -O1
    run_tagged c-api "$tmp/api_valgrind.log" valgrind -q --error-exitcode=1 \
        --leak-check=full --errors-for-leak-kinds=all --track-origins=yes "$tmp/test_api"
}

api_asan() {
    build_api "$tmp/test_api_asan" -O1 "${SAN[@]}"
    nm "$tmp/test_api_asan" >"$tmp/test_api_asan.nm"
    if ! grep -q '__asan_init' "$tmp/test_api_asan.nm"; then
        echo "c-tests: __asan_init not in the sanitizer build" >&2
        return 1
    fi
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:halt_on_error=1 \
        UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        run_tagged c-api "$tmp/api_asan.log" "$tmp/test_api_asan"
    grep -q '^c-api: AddressSanitizer active$' "$tmp/api_asan.log"
}

build_overlap() { # output, extra flags...
    local out=$1
    shift
    "$CC" "${WARN[@]}" -g "$@" -I"$root/include" "$root/tests/c/test_overlap.c" "$lib" -o "$out"
}

overlap_guard() {
    build_overlap "$tmp/test_overlap_guard" -O2 -DCALLSIGN_MALLOC_GUARD
    run_tagged c-overlap "$tmp/overlap_guard.log" "$tmp/test_overlap_guard"
    grep -q '^c-overlap: malloc guard active$' "$tmp/overlap_guard.log"
}

overlap_asan() {
    build_overlap "$tmp/test_overlap_asan" -O1 "${SAN[@]}"
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:halt_on_error=1 \
        UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        run_tagged c-overlap "$tmp/overlap_asan.log" "$tmp/test_overlap_asan"
    grep -q '^c-overlap: AddressSanitizer active$' "$tmp/overlap_asan.log"
}

if [[ ${CALLSIGN_C_TESTS_ASAN_ONLY:-0} == 1 ]]; then
    stage vectors gen_vectors
    stage ffi-asan ffi_asan
    stage asan-control asan_control
    stage verify-vectors gen_verify_vectors
    stage verify-asan verify_asan
    stage overlap-asan overlap_asan
    stage api-vectors gen_api_vectors
    stage api-asan api_asan
    echo "c-tests: done in $(($(date +%s) - start)) s"
    echo "c-tests: $passed passed, $failed failed"
    [[ $failed -eq 0 ]]
    exit
fi

stage vectors gen_vectors
stage header header_matrix
stage header-nodiscard header_nodiscard
stage ffi-guard ffi_guard
stage ffi-valgrind ffi_valgrind
stage ffi-asan ffi_asan
stage asan-control asan_control
stage verify-vectors gen_verify_vectors
stage verify-guard verify_guard
stage verify-valgrind verify_valgrind
stage verify-asan verify_asan
stage overlap-guard overlap_guard
stage overlap-asan overlap_asan
stage api-vectors gen_api_vectors
stage api-guard api_guard
stage api-valgrind api_valgrind
stage api-asan api_asan
stage scrub scrub

echo "c-tests: done in $(($(date +%s) - start)) s"
echo "c-tests: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
