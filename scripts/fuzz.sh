#!/usr/bin/env bash
# Runs every fuzz target (fuzz/, cargo-fuzz on the nightly toolchain) one
# after the other, each from its committed corpus (fuzz/corpus/<target>),
# and prints per target the executions, the seconds and the edge coverage
# libFuzzer reached (`cov:` of its final stats line), then one closing line
# `fuzz: N passed, N failed`.
#
#   scripts/fuzz.sh                  every target, 20 s each
#   scripts/fuzz.sh --seconds 60     every target, 60 s each
#   scripts/fuzz.sh --long           every target until 10 M executions or
#                                    30 minutes, whichever comes first
#   scripts/fuzz.sh --cmin           also merge what the run found into the
#                                    committed corpora, minimised to the inputs
#                                    that reach new edges (cargo fuzz cmin)
#   scripts/fuzz.sh apig ffi         only these targets
#
# One fuzzer at a time, one process each (the machine is shared). Inputs
# the run finds go to a temporary directory, not into fuzz/corpus, unless
# --cmin is given; crashes go to fuzz/artifacts/<target>/ (not committed).
# Without a nightly toolchain it says so and exits 0 with 0 passed.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=20
long=0
cmin=0
targets=()
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) seconds="$2"; shift 2 ;;
        --seconds=*) seconds="${1#*=}"; shift ;;
        --long) long=1; shift ;;
        --cmin) cmin=1; shift ;;
        -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
        -*) echo "fuzz: unknown option $1" >&2; exit 2 ;;
        *) targets+=("$1"); shift ;;
    esac
done

if ! cargo +nightly --version >/dev/null 2>&1; then
    echo "fuzz: SKIPPED: no nightly toolchain (cargo +nightly); cargo-fuzz needs one: rustup toolchain install nightly"
    echo "fuzz: 0 passed, 0 failed"
    exit 0
fi
command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz --locked

features=()
# The C ABI harness checks overlapping buffers once the C ABI refuses them.
if grep -q CALLSIGN_OVERLAPPING_BUFFERS include/callsign.h 2>/dev/null || [ "${FUZZ_OVERLAP:-0}" = 1 ]; then
    features=(--features overlap)
fi

if [ ${#targets[@]} -eq 0 ]; then
    mapfile -t targets < <(cd fuzz && cargo +nightly fuzz list)
fi

build_start=$(date +%s)
(cd fuzz && cargo +nightly fuzz build "${features[@]}" -O >/dev/null 2>fuzz-build.log) || {
    cat fuzz/fuzz-build.log >&2
    echo "fuzz: build failed"
    echo "fuzz: 0 passed, ${#targets[@]} failed"
    exit 1
}
rm -f fuzz/fuzz-build.log
echo "fuzz: built ${#targets[@]} targets in $(( $(date +%s) - build_start )) s${features:+ (features: ${features[*]:1})}"

if [ "$long" = 1 ]; then
    limits=(-runs=10000000 -max_total_time=1800)
else
    limits=(-max_total_time="$seconds")
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
for t in "${targets[@]}"; do
    mkdir -p "$work/$t" "fuzz/corpus/$t"
    log="$work/$t.log"
    start=$(date +%s)
    status=0
    # New inputs go to the first directory: the temporary one.
    (cd fuzz && cargo +nightly fuzz run "${features[@]}" -O "$t" "$work/$t" "corpus/$t" -- \
        "${limits[@]}" -timeout=30 -print_final_stats=1) >"$log" 2>&1 || status=$?
    took=$(( $(date +%s) - start ))
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    cov=$(grep -E '^#[0-9]+' "$log" | grep -oE 'cov: [0-9]+' | tail -1 | cut -d' ' -f2)
    ft=$(grep -E '^#[0-9]+' "$log" | grep -oE 'ft: [0-9]+' | tail -1 | cut -d' ' -f2)
    if [ "$status" = 0 ] && grep -q "^Done [0-9]* runs" "$log"; then
        passed=$((passed + 1))
        echo "fuzz: $t: ok: ${execs:-?} executions in $took s, cov: ${cov:-?}, ft: ${ft:-?}"
    else
        failed=$((failed + 1))
        echo "fuzz: $t: FAILED (exit $status) after ${execs:-?} executions in $took s, cov: ${cov:-?}"
        grep -E "panicked at|assertion|ERROR: (AddressSanitizer|libFuzzer)|SUMMARY|left:|right:|Test unit written to" "$log" | head -20 | sed 's/^/    /'
        cp "$log" "fuzz/artifacts/$t.log" 2>/dev/null || { mkdir -p fuzz/artifacts && cp "$log" "fuzz/artifacts/$t.log"; }
        echo "    full log: fuzz/artifacts/$t.log"
    fi
    if [ "$cmin" = 1 ] && [ "$status" = 0 ]; then
        cp -n "$work/$t"/* "fuzz/corpus/$t/" 2>/dev/null || true
        # Edges only (no hit counters, no value profile): the committed
        # corpora keep the coverage in a few hundred KB.
        (cd fuzz && cargo +nightly fuzz cmin "${features[@]}" -O "$t" "corpus/$t" -- \
            -use_counters=0 -use_value_profile=0 >"$work/$t.cmin.log" 2>&1) ||
            { echo "fuzz: $t: cmin failed"; tail -5 "$work/$t.cmin.log"; }
        echo "fuzz: $t: corpus $(ls "fuzz/corpus/$t" | wc -l) files, $(du -sb "fuzz/corpus/$t" | cut -f1) bytes"
    fi
done
echo "fuzz: $passed passed, $failed failed"
[ "$failed" = 0 ]
