#!/usr/bin/env bash
# Footprint of the C ABI on this machine (x86_64), printed as Markdown:
# - code: the release libcallsign.a, and the .text/.rodata that a C program
#   calling only X-AKSK, only APIG, or all main entry points, adds over an
#   empty C program,
#   at opt-level "z" and 3 (gcc -Os, --gc-sections, stripped; `size -A`);
# - stack: the peak stack of one call of each main entry point, measured by
#   stack painting (scripts/footprint/stack.c says how), opt-level 3.
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
echo "| opt-level | libcallsign.a bytes | program | +.text bytes | +.rodata bytes |"
echo "|---|---|---|---|---|"
for level in z 3; do
    target="$root/target/footprint-$level"
    CARGO_PROFILE_RELEASE_OPT_LEVEL=$level CARGO_TARGET_DIR="$target" \
        cargo build -p callsign-ffi --release --locked -q
    lib="$target/release/libcallsign.a"
    for program in x_aksk apig stack; do
        build_c "scripts/footprint/$program.c" "$lib" "$work/$program-$level"
        text=$(($(section "$work/$program-$level" .text) - $(section "$work/empty" .text)))
        rodata=$(($(section "$work/$program-$level" .rodata) - $(section "$work/empty" .rodata)))
        case $program in
            x_aksk) label="X-AKSK only" ;;
            apig) label="API Gateway only" ;;
            *) label="every entry point measured below" ;;
        esac
        echo "| $level | $(stat -c %s "$lib") | $label | $text | $rodata |"
    done
done
echo
echo "| entry point (opt-level 3) | peak stack bytes |"
echo "|---|---|"
gcc -O2 -Iinclude scripts/footprint/stack.c "$root/target/footprint-3/release/libcallsign.a" -o "$work/stack"
"$work/stack" | awk '{n = $NF; $NF = ""; sub(/ $/, ""); printf "| %s | %s |\n", $0, n}'
