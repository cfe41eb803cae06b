#!/usr/bin/env bash
# Code size of the C ABI on this machine (x86_64): the release
# libcallsign.a, and the .text/.rodata that a C program calling only the
# X-AKSK function adds over an empty C program, at opt-level "z" and 3
# (gcc -Os, --gc-sections, stripped; sizes from `size -A`).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

section() { size -A "$1" | awk -v s="$2" '$1 == s {n = $2} END {print n + 0}'; }
build_c() {
    gcc -Os -ffunction-sections -fdata-sections -Iinclude "$1" ${2:-} -Wl,--gc-sections -s -o "$3"
}
build_c scripts/footprint/empty.c "" "$work/empty"
printf '| opt-level | libcallsign.a bytes | X-AKSK-only program: +.text | +.rodata |\n|---|---|---|---|\n'
for level in z 3; do
    target="$root/target/footprint-$level"
    CARGO_PROFILE_RELEASE_OPT_LEVEL=$level CARGO_TARGET_DIR="$target" \
        cargo build -p callsign-ffi --release --locked -q
    lib="$target/release/libcallsign.a"
    build_c scripts/footprint/x_aksk.c "$lib" "$work/x_aksk-$level"
    text=$(( $(section "$work/x_aksk-$level" .text) - $(section "$work/empty" .text) ))
    rodata=$(( $(section "$work/x_aksk-$level" .rodata) - $(section "$work/empty" .rodata) ))
    printf '| %s | %s | %s | %s |\n' "$level" "$(stat -c %s "$lib")" "$text" "$rodata"
done
