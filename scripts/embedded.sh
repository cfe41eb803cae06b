#!/usr/bin/env bash
# Embedded targets (issue 7): builds callsign for Cortex-M and RISC-V, runs
# the vectors on emulated microcontrollers (Cortex-M0/M3/M4/M33, RISC-V
# virt) from Rust and from C firmware, proves no allocator and no panic
# path in those builds, and measures the flash / RAM / stack table of
# README.md ("## Embedded targets") and the instruction counts of
# callsign and of mbedTLS on the emulated cores (issue 12, "Instructions on
# the device"; mbedTLS's C source from Debian's source package).
#
#   bash scripts/embedded.sh                  check everything, including that
#                                             the README table is not stale
#   bash scripts/embedded.sh --update-readme  same, then rewrite the table
#
# Idempotent: installs what it needs with apt-get (apt-get update only when
# a package is missing and its install fails, or after adding the
# bookworm-backports suite for qemu-system-arm). Cross builds use Debian's
# toolchain only (rustc-web's /usr/bin/rustc and /usr/bin/cargo with
# RUSTC_BOOTSTRAP=1 and -Zbuild-std=core, linker ld.lld-22); rustup's stays
# the default for everything else. Caches: target/embedded/ and
# tests/embedded/target/. Last line: "embedded: N passed, M failed".
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
start=$(date +%s)

update_readme=0
case "${1:-}" in
    --update-readme) update_readme=1 ;;
    "") ;;
    *) echo "usage: bash scripts/embedded.sh [--update-readme]" >&2; exit 2 ;;
esac

out="$root/target/embedded"
mkdir -p "$out"
passed=0
failed=0

# Runs "$@" in a subshell with errexit and counts the stage.
stage() {
    local name=$1 rc t0=$SECONDS
    shift
    echo "== embedded: $name"
    set +e
    (
        set -e
        "$@"
    )
    rc=$?
    set -uo pipefail
    if [[ $rc -eq 0 ]]; then
        passed=$((passed + 1))
        echo "embedded: ok   $name ($((SECONDS - t0)) s)"
    else
        failed=$((failed + 1))
        echo "embedded: FAIL $name (exit status $rc, $((SECONDS - t0)) s)"
    fi
}

# --- tools -----------------------------------------------------------------

as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
apt_install() {
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@"
}

install_tools() {
    local pkgs=(rustc-web cargo-web rust-web-src lld-22 binutils-arm-none-eabi
        gcc-arm-none-eabi libnewlib-arm-none-eabi gcc-riscv64-unknown-elf
        picolibc-riscv64-unknown-elf)
    local missing=() p
    for p in "${pkgs[@]}"; do installed "$p" || missing+=("$p"); done
    if ((${#missing[@]})); then
        echo "embedded: installing ${missing[*]}"
        if ! apt_install "${missing[@]}"; then
            as_root apt-get update -q
            apt_install "${missing[@]}"
        fi
    fi
    # An old package list may offer an older rustc-web: the firmware's lock
    # file and this script were checked with 1.96.
    if dpkg --compare-versions "$(dpkg-query -W -f='${Version}' rustc-web)" lt 1.90; then
        echo "embedded: rustc-web is older than 1.90; updating it"
        as_root apt-get update -q
        apt_install rustc-web cargo-web rust-web-src
    fi
    # qemu-system-arm and qemu-system-riscv (RISC-V's virt machine) from
    # bookworm-backports: bookworm's 7.2 would replace the image's
    # qemu-utils 10.x; the backports build matches it.
    local q qemu=()
    for q in qemu-system-arm qemu-system-riscv; do installed "$q" || qemu+=("$q"); done
    if ((${#qemu[@]})); then
        local had_utils=0
        installed qemu-utils && had_utils=1
        if ! grep -rqs '^[^#]*bookworm-backports' /etc/apt/sources.list /etc/apt/sources.list.d/; then
            echo "embedded: adding the bookworm-backports suite"
            printf 'Types: deb\nURIs: http://deb.debian.org/debian\nSuites: bookworm-backports\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' |
                as_root tee /etc/apt/sources.list.d/bookworm-backports.sources >/dev/null
            as_root apt-get update -q
        fi
        if ! apt_install -t bookworm-backports "${qemu[@]}"; then
            as_root apt-get update -q
            apt_install -t bookworm-backports "${qemu[@]}"
        fi
        if [[ $had_utils -eq 1 ]] && ! installed qemu-utils; then
            echo "embedded: qemu-utils was removed by the ${qemu[*]} install" >&2
            return 1
        fi
    fi
    local t
    for t in /usr/bin/rustc /usr/bin/cargo ld.lld-22 arm-none-eabi-gcc arm-none-eabi-size \
        arm-none-eabi-objdump qemu-system-arm qemu-system-riscv32 riscv64-unknown-elf-gcc python3; do
        command -v "$t" >/dev/null || { echo "embedded: $t is missing" >&2; return 1; }
    done
    echo "embedded: $(/usr/bin/rustc --version), $(/usr/bin/cargo --version)"
    echo "embedded: $(qemu-system-arm --version | head -n 1), $(arm-none-eabi-gcc --version | head -n 1)"
}
stage "install tools (apt)" install_tools

# Debian's cargo and rustc, for the cross builds only (deb_cargo; shared
# with scripts/install.sh).
# shellcheck source=scripts/embedded/toolchain.sh
source "$root/scripts/embedded/toolchain.sh"
# shellcheck source=scripts/embedded/mbedtls.sh
source "$root/scripts/embedded/mbedtls.sh"
QEMU=(qemu-system-arm -nographic -monitor none -serial none -semihosting-config enable=on,target=native)
qemu_m3() { timeout 60 "${QEMU[@]}" -cpu cortex-m3 -machine lm3s6965evb -kernel "$1"; }
qemu_m4() { timeout 60 "${QEMU[@]}" -cpu cortex-m4 -machine mps2-an386 -kernel "$1"; }
qemu_m0() { timeout 60 "${QEMU[@]}" -machine microbit -kernel "$1"; }
qemu_m33() { timeout 60 "${QEMU[@]}" -cpu cortex-m33 -machine mps2-an505 -kernel "$1"; }
# QEMU virt (riscv32): -bios none jumps to 0x80000000, the firmware's _start;
# its UART is the console, its SiFive test device the exit status.
qemu_rv32() {
    timeout 60 qemu-system-riscv32 -machine virt -bios none -nographic -monitor none -serial stdio \
        "${@:2}" -kernel "$1"
}
# One instruction per translation block and no chaining: QEMU's exec log
# (-d exec) has one line per executed instruction (scripts/embedded/count.py).
TRACE=(-accel tcg,one-insn-per-tb=on -d exec,nochain)
ARM_CFLAGS=(-mcpu=cortex-m4 -mthumb -mfloat-abi=hard -mfpu=fpv4-sp-d16)

# --- 1. the library crates for three targets ---------------------------------

cross_build() {
    local target=$1
    CARGO_TARGET_DIR="$out/cross" deb_cargo_mcu build -q -p callsign-core --release --locked \
        --target "$target" -Zbuild-std=core
    CARGO_TARGET_DIR="$out/cross" deb_cargo_mcu rustc -q -p callsign-ffi --release --locked \
        --target "$target" -Zbuild-std=core --crate-type staticlib
    ls -l "$out/cross/$target/release/libcallsign.a" | awk '{print "embedded: " $5 " bytes in " $NF}'
}
for target in thumbv7em-none-eabihf thumbv7m-none-eabi thumbv6m-none-eabi thumbv8m.main-none-eabihf \
    riscv32imac-unknown-none-elf; do
    stage "callsign-core and callsign-ffi (libcallsign.a) for $target" cross_build "$target"
done

# --- 2. Rust test firmware (tests/embedded, its own workspace) -------------

fw="$root/tests/embedded"
fw_elf() { echo "$fw/target/$1/$2/$3"; }

# Runs a firmware and requires exit status 0 and a "0 failed" summary.
run_vectors() {
    local runner=$1 elf=$2 log
    log=$("$runner" "$elf")
    echo "$log"
    grep -Eq '^firmware: .* [1-9][0-9]* passed, 0 failed$' <<<"$log"
}
# The feature apig-sinch (APIG and Sinch application-signed requests in the
# vectors and stack firmwares, and fp_apig / fp_sinch) is built at opt-level
# "s" only: at "z", sm3's CoreWrapper<Sm3Core>::update and
# finalize_fixed_core, callsign-core's HMAC-SM3 update (apig::crypto),
# and the Sinch path (base64ct's 3/4-byte blocks, md-5's block buffer)
# keep copy_from_slice / slice-index panic paths, and the panic-never link
# fails (see tests/embedded/Cargo.toml).
rust_fw_m3() {
    (cd "$fw" && deb_cargo build -q --release --locked --target thumbv7m-none-eabi --bin vectors)
    run_vectors qemu_m3 "$(fw_elf thumbv7m-none-eabi release vectors)"
    (cd "$fw" && deb_cargo build -q --profile fp-s --locked --target thumbv7m-none-eabi --bin vectors \
        --features apig-sinch)
    run_vectors qemu_m3 "$(fw_elf thumbv7m-none-eabi fp-s vectors)"
}
rust_fw_m4() {
    (cd "$fw" && deb_cargo build -q --profile fp-z --locked --target thumbv7em-none-eabihf --bins \
        --features api)
    (cd "$fw" && deb_cargo build -q --profile fp-s --locked --target thumbv7em-none-eabihf --bins \
        --features apig-sinch,api)
    run_vectors qemu_m4 "$(fw_elf thumbv7em-none-eabihf fp-z vectors)"
    run_vectors qemu_m4 "$(fw_elf thumbv7em-none-eabihf fp-s vectors)"
}
stage "Rust firmware: X-AKSK, X-WSSE, Basic vectors on lm3s6965evb (Cortex-M3, thumbv7m) at opt-level z; with APIG, Sinch (signing, callbacks, webhooks) and Mailgun webhook vectors at s only (panic paths at z)" rust_fw_m3
stage "Rust firmware: X-AKSK, X-WSSE, Basic vectors on mps2-an386 (Cortex-M4F, thumbv7em) at opt-level z; with APIG, Sinch (signing, callbacks, webhooks) and Mailgun webhook vectors at s only (panic paths at z)" rust_fw_m4

rust_no_alloc() {
    # build-std=core: the alloc crate is not even compiled for the firmware.
    if grep -rnE 'global_allocator|extern crate alloc|alloc::' "$fw/src"; then
        echo "the firmware source names an allocator" >&2
        return 1
    fi
    local elf bad=0
    for elf in "$(fw_elf thumbv7m-none-eabi release vectors)" "$(fw_elf thumbv7m-none-eabi fp-s vectors)" \
        "$fw"/target/thumbv7em-none-eabihf/fp-{z,s}/{vectors,stack,count,fp_aksk,fp_wsse,fp_basic,fp_all,fp_api,fp_sms_api,fp_oauth2,fp_http_date} \
        "$fw"/target/thumbv7em-none-eabihf/fp-s/{fp_apig,fp_sinch,stack_more}; do
        if [ ! -s "$elf" ]; then
            echo "$elf is missing: nothing to check" >&2
            bad=1
            continue
        fi
        if arm-none-eabi-nm "$elf" | grep -E '__rust_alloc|__rg_alloc|__rust_no_alloc_shim|alloc..alloc|\b(malloc|free)\b'; then
            echo "$elf links an allocator" >&2
            bad=1
        fi
    done
    [ "$bad" -eq 0 ] && echo "no allocator symbol in the Rust firmware ELFs"
    return $bad
}
stage "Rust firmware links no allocator" rust_no_alloc

rust_panic_never() {
    # Every firmware above was linked (release, opt-level z and s) with a
    # #[panic_handler] that calls the undefined callsign_panic_is_reachable
    # (APIG and Sinch at s only).
    local elf
    for elf in "$(fw_elf thumbv7m-none-eabi release vectors)" "$(fw_elf thumbv7m-none-eabi fp-s vectors)" \
        "$fw"/target/thumbv7em-none-eabihf/fp-{z,s}/{vectors,stack,fp_all,fp_api,fp_sms_api,fp_oauth2,fp_http_date} \
        "$fw"/target/thumbv7em-none-eabihf/fp-s/{fp_apig,fp_sinch,stack_more}; do
        [[ -f $elf ]] || { echo "$elf missing" >&2; return 1; }
    done
    echo "firmware release links with an undefined panic handler: ok"
    # Negative control: one reachable panic must break the link.
    if (cd "$fw" && deb_cargo build -q --profile fp-z --locked --target thumbv7em-none-eabihf \
        --bin vectors --features panic-probe) >"$out/panic-probe.log" 2>&1; then
        echo "the firmware with a reachable panic linked: the check proves nothing" >&2
        return 1
    fi
    grep -q callsign_panic_is_reachable "$out/panic-probe.log" || {
        cat "$out/panic-probe.log" >&2
        return 1
    }
    echo "negative control: a reachable panic fails the link on callsign_panic_is_reachable"
}
stage "Rust firmware: panic-never link (thumbv7em opt-level z/s, thumbv7m z/s; APIG and Sinch at s only) and its negative control" rust_panic_never

# --- 3. C firmware: libcallsign.a (panic-handler feature) from C -------------

c_firmware() {
    local lib="$out/cross/thumbv7em-none-eabihf/release/libcallsign.a" dir="$out/c"
    mkdir -p "$dir"
    python3 tests/c/gen_vectors.py tests/vectors/huawei.json tests/vectors/sinch_mailgun.json \
        "$dir/callsign_test_vectors.h"
    arm-none-eabi-gcc -std=c99 -Os -Wall -Wextra -Werror "${ARM_CFLAGS[@]}" \
        -ffunction-sections -fdata-sections --specs=rdimon.specs -nostartfiles \
        -Iinclude -I"$dir" -T tests/embedded/c/mps2-an386.ld \
        tests/embedded/c/startup.c tests/embedded/c/firmware.c "$lib" \
        -Wl,--gc-sections -Wl,--no-warn-execstack -Wl,--wrap=_malloc_r -o "$dir/firmware.elf"
    # callsign's own code names no allocator (newlib's malloc comes with librdimon).
    if arm-none-eabi-nm -u "$lib" 2>/dev/null | grep -iE 'alloc|\bfree\b'; then
        echo "libcallsign.a needs an allocator" >&2
        return 1
    fi
    local log
    log=$(qemu_m4 "$dir/firmware.elf")
    echo "$log"
    grep -Eq '^c-firmware: .* [1-9][0-9]* checks passed, 0 failed$' <<<"$log"
}
stage "C firmware: every vector through callsign.h + libcallsign.a on mps2-an386 (newlib, semihosting)" c_firmware

# The whole C ABI at opt-level 3 (the release profile). At opt-level "z",
# the signing subset a firmware links (X-AKSK, X-WSSE, Basic, HMAC, SHA-256,
# timestamps: the crate without its `apig` and `verify` features) and the
# API surface (feature `api`: builders, parsers, token cache, clock): at "z"
# LLVM keeps small helpers of the RustCrypto sha1/sm3/md-5 crates and of
# base64ct's decoder out of line with their bounds checks, so the APIG and
# verification functions keep panic paths there (never reached, but not
# provably dead).
ffi_panic_never() {
    local spec lvl features lib elf syms
    for spec in 3:panic-never,apig,verify,api z:panic-never,api 3:panic-never,panic-probe; do
        lvl=${spec%%:*}
        features=${spec#*:}
        {
            CARGO_PROFILE_RELEASE_OPT_LEVEL=$lvl CARGO_TARGET_DIR="$out/panic-never-$lvl" \
                deb_cargo_mcu rustc -q -p callsign-ffi --release --locked --target thumbv7em-none-eabihf \
                -Zbuild-std=core --crate-type staticlib --no-default-features --features "$features"
            lib="$out/panic-never-$lvl/thumbv7em-none-eabihf/release/libcallsign.a"
            elf="$out/panic-never-$lvl/all-exports.elf"
            # Every exported function is a root (-u), as in a shared library.
            syms=$(arm-none-eabi-nm -g --defined-only "$lib" 2>/dev/null |
                awk '$2 == "T" && $3 ~ /^callsign_/ {print "-Wl,-u," $3}')
            if arm-none-eabi-gcc "${ARM_CFLAGS[@]}" -nostartfiles --specs=nosys.specs \
                -Wl,--gc-sections -Wl,-e,callsign_version -Wl,--no-warn-execstack $syms "$lib" \
                -o "$elf" 2>"$elf.log"; then
                if [[ $features == *probe* ]]; then
                    echo "the C ABI with a reachable panic linked: the check proves nothing" >&2
                    return 1
                fi
                echo "opt-level $lvl ($features): $(echo "$syms" | wc -l) exported functions linked, no panic path"
            else
                if [[ $features == *probe* ]] && grep -q callsign_panic_is_reachable "$elf.log"; then
                    echo "negative control: a reachable panic fails the link on callsign_panic_is_reachable"
                else
                    cat "$elf.log" >&2
                    return 1
                fi
            fi
        }
    done
}
stage "C ABI panic-never link for thumbv7em (all at opt-level 3, signing subset and API surface at z) and its negative control" ffi_panic_never

# The "other languages" path: the C ABI as a WebAssembly module (no
# imports, no allocator), driven from Node over every X-AKSK vector.
wasm_node() {
    command -v node >/dev/null || { echo "node is missing" >&2; return 1; }
    CARGO_TARGET_DIR="$out/wasm" deb_cargo rustc -q -p callsign-ffi --release --locked \
        --target wasm32-unknown-unknown -Zbuild-std=core --crate-type cdylib
    local log
    log=$(node "$root/tests/embedded/wasm/x_aksk.mjs" \
        "$out/wasm/wasm32-unknown-unknown/release/callsign.wasm" "$root/tests/vectors/huawei.json")
    echo "$log"
    grep -Eq '^wasm: [1-9][0-9]* passed, 0 failed$' <<<"$log"
}
stage "wasm32-unknown-unknown C ABI under node: every X-AKSK vector" wasm_node

# --- 4. footprint and stack -------------------------------------------------

tsv="$out/footprint.tsv"
measure() {
    : >"$tsv"
    local opt name elf names
    for opt in z s; do
        names=(fp_empty fp_aksk fp_wsse fp_basic fp_all fp_api fp_sms_api fp_oauth2 fp_http_date)
        [[ $opt == s ]] && names+=(fp_apig fp_sinch) # at s only: see rust_fw_m3
        for name in "${names[@]}"; do
            elf=$(fw_elf thumbv7em-none-eabihf "fp-$opt" "$name")
            qemu_m4 "$elf" # each footprint firmware runs and signs (exit status 0)
            arm-none-eabi-size "$elf" | awk -v o="$opt" -v n="$name" 'NR == 2 {print "size\t" o "\t" n "\t" $1 "\t" $2 "\t" $3}' >>"$tsv"
        done
    done
    echo "$(grep -c '^size' "$tsv") firmware sizes measured"
}
stage "footprint firmwares (empty, X-AKSK, X-WSSE, Basic, all at opt-level z and s; APIG, Sinch at s) run and measured" measure

# Cortex-M0 (thumbv6m: RP2040, STM32G0, nRF51) on QEMU's microbit and
# Cortex-M33 (thumbv8m.main: RP2350, nRF53, STM32U5) on its mps2-an505: the
# X-AKSK, X-WSSE and Basic vectors at opt-level z, and the X-AKSK-only
# flash and painted stack, appended to the footprint table.
other_cortex_m() {
    local spec target label runner elf e a st
    for spec in "thumbv6m-none-eabi:Cortex-M0 (thumbv6m-none-eabi, QEMU microbit):qemu_m0" \
        "thumbv8m.main-none-eabihf:Cortex-M33 (thumbv8m.main-none-eabihf, QEMU mps2-an505):qemu_m33"; do
        target=${spec%%:*}
        runner=${spec##*:}
        label=${spec#*:}
        label=${label%:*}
        (cd "$fw" && deb_cargo build -q --release --locked --target "$target" --bin vectors)
        run_vectors "$runner" "$(fw_elf "$target" release vectors)"
        (cd "$fw" && deb_cargo build -q --profile fp-z --locked --target "$target" \
            --bin fp_empty --bin fp_aksk --bin stack)
        "$runner" "$(fw_elf "$target" fp-z fp_aksk)" # signs, exit status 0
        e=$(arm-none-eabi-size "$(fw_elf "$target" fp-z fp_empty)" | awk 'NR == 2 {print $1 + $2}')
        a=$(arm-none-eabi-size "$(fw_elf "$target" fp-z fp_aksk)" | awk 'NR == 2 {print $1 + $2}')
        st=$("$runner" "$(fw_elf "$target" fp-z stack)")
        echo "$st"
        printf 'mcu\t%s\t%s\t%s\t%s\t%s\n' "$label" "$e" "$a" \
            "$(awk '$2 == "x_aksk" {print $3}' <<<"$st")" \
            "$(awk '$2 == "x_aksk_with_key" {print $3}' <<<"$st")" >>"$tsv"
        grep -q '^stack-painted x_aksk_with_key ' <<<"$st"
        # Linked with the undefined panic handler (panic-never) and no allocator.
        for elf in "$(fw_elf "$target" release vectors)" "$(fw_elf "$target" fp-z fp_aksk)"; do
            if arm-none-eabi-nm "$elf" | grep -E '__rust_alloc|__rg_alloc|\b(malloc|free)\b'; then
                echo "$elf links an allocator" >&2
                return 1
            fi
        done
    done
}
stage "Rust firmware on Cortex-M0 (microbit) and Cortex-M33 (mps2-an505): X-AKSK, X-WSSE, Basic vectors at opt-level z; X-AKSK flash and stack" other_cortex_m

# RISC-V (riscv32imac: ESP32-C3/C6, GD32VF103, CH32V) on QEMU virt: the
# X-AKSK, X-WSSE and Basic vectors at opt-level "z" (src/lib.rs has the
# reset code, UART console and test-device exit for it).
rust_fw_rv32() {
    local elf
    elf=$(fw_elf riscv32imac-unknown-none-elf release vectors)
    # Linked like the Arm ones: panic-never (the default feature), no allocator.
    (cd "$fw" && deb_cargo build -q --release --locked --target riscv32imac-unknown-none-elf --bin vectors)
    run_vectors qemu_rv32 "$elf"
    if riscv64-unknown-elf-nm "$elf" | grep -E '__rust_alloc|__rg_alloc|\b(malloc|free)\b'; then
        echo "$elf links an allocator" >&2
        return 1
    fi
}
stage "Rust firmware on RISC-V (riscv32imac, QEMU virt): X-AKSK, X-WSSE, Basic vectors at opt-level z; panic-never link, no allocator" rust_fw_rv32

# Instructions executed on the emulated cores (README "Instructions on the
# device"): the count firmwares of callsign (src/bin/count.rs, opt-level z
# and s) and of mbedTLS (c/mbedtls/count.c, gcc -O2 and -Os) run under
# QEMU with one instruction per translation block and the exec log on;
# scripts/embedded/count.py counts the instructions between the markers,
# checks the calibration loop, and each firmware checks its results against
# known digests and the aksk-typical vector (exit status 0 only then).
count_run() { # core label elf
    local core=$1 label=$2 elf=$3 log="$out/count/$2.trace" o="$out/count/$2.out"
    case $core in
        m4) timeout 120 "${QEMU[@]}" -cpu cortex-m4 -machine mps2-an386 "${TRACE[@]}" -D "$log" -kernel "$elf" ;;
        m3) timeout 120 "${QEMU[@]}" -cpu cortex-m3 -machine lm3s6965evb "${TRACE[@]}" -D "$log" -kernel "$elf" ;;
        rv32) qemu_rv32 "$elf" "${TRACE[@]}" -D "$log" ;;
    esac >"$o" 2>&1 || { cat "$o" >&2; return 1; }
    grep -q '^count: results ok$' "$o" || { cat "$o" >&2; return 1; }
    python3 scripts/embedded/count.py "$log" "$o" "$label" | tee -a "$out/count/insns.tsv" | grep -v '^insns'
    rm -f "$log"
}
counts() {
    mkdir -p "$out/count"
    : >"$out/count/insns.tsv"
    local version spec core target zprof opt
    version=$(mbedtls_fetch)
    echo "embedded: mbedTLS $version (Debian source package)"
    mbedtls_vector_header
    for spec in m4:thumbv7em-none-eabihf:fp-z m3:thumbv7m-none-eabi:release \
        rv32:riscv32imac-unknown-none-elf:release; do
        IFS=: read -r core target zprof <<<"$spec"
        (cd "$fw" && deb_cargo build -q --profile "$zprof" --locked --target "$target" --bin count)
        (cd "$fw" && deb_cargo build -q --profile fp-s --locked --target "$target" --bin count)
        count_run "$core" "$core:callsign:z" "$(fw_elf "$target" "$zprof" count)"
        count_run "$core" "$core:callsign:s" "$(fw_elf "$target" fp-s count)"
        for opt in O2 Os; do
            mbedtls_build "$core" "$opt" "$out/count/$core-$opt/count.elf" "$root/tests/embedded/c/mbedtls/count.c"
            count_run "$core" "$core:mbedtls:$opt" "$out/count/$core-$opt/count.elf"
        done
    done
    sed "s/^/insns-version\t/" <<<"$version" >>"$out/count/insns.tsv"
    echo "$(grep -c '^insns' "$out/count/insns.tsv") counts"
}
stage "instruction counts on Cortex-M4, Cortex-M3, RISC-V: callsign (z, s) and mbedTLS (-O2, -Os) SHA-256 block, HMAC-SHA256 of 64 B, X-AKSK; calibrated" counts

# X-AKSK on mbedTLS beside callsign's fp_aksk and stack firmwares
# (thumbv7em): flash added over the C runtime alone, and the painted stack
# from the secret and with a prepared key.
mbedtls_aksk() {
    local opt d e a ram st
    mbedtls_fetch >/dev/null
    mbedtls_vector_header
    for opt in O2 Os; do
        d="$out/count/fp-$opt"
        mbedtls_build m4 "$opt" "$d/fp_empty.elf" "$root/tests/embedded/c/mbedtls/fp.c" -DFP_EMPTY
        mbedtls_build m4 "$opt" "$d/fp_aksk.elf" "$root/tests/embedded/c/mbedtls/fp.c" -DFP_AKSK
        mbedtls_build m4 "$opt" "$d/stack.elf" "$root/tests/embedded/c/mbedtls/fp.c" -DSTACK
        qemu_m4 "$d/fp_empty.elf"
        qemu_m4 "$d/fp_aksk.elf" # signs and checks the vector (exit status 0)
        st=$(qemu_m4 "$d/stack.elf" 2>&1)
        echo "$st"
        e=$(arm-none-eabi-size "$d/fp_empty.elf" | awk 'NR == 2 {print $1 + $2}')
        a=$(arm-none-eabi-size "$d/fp_aksk.elf" | awk 'NR == 2 {print $1 + $2}')
        ram=$(arm-none-eabi-size "$d/fp_aksk.elf" "$d/fp_empty.elf" | awk 'NR == 2 {r = $2 + $3} NR == 3 {print r - $2 - $3}')
        printf 'mbedtls\t%s\t%s\t%s\t%s\t%s\t%s\n' "$opt" "$e" "$a" \
            "$(awk '$2 == "x_aksk" {print $3}' <<<"$st")" \
            "$(awk '$2 == "x_aksk_with_key" {print $3}' <<<"$st")" "$ram" >>"$out/count/insns.tsv"
        grep -q '^stack-painted x_aksk_with_key [1-9]' <<<"$st"
        echo "mbedTLS -$opt: X-AKSK adds $((a - e)) B flash, $ram B static RAM"
    done
}
stage "X-AKSK on mbedTLS (mps2-an386, gcc -O2 and -Os): flash over an empty firmware, painted stack" mbedtls_aksk

# The defmt feature (defmt::Format for the errors and value types) builds
# for a microcontroller.
defmt_build() {
    CARGO_TARGET_DIR="$out/cross" deb_cargo_mcu build -q -p callsign-core --release --locked \
        --target thumbv7em-none-eabihf -Zbuild-std=core --features defmt,api
    echo "callsign-core with features defmt,api builds for thumbv7em-none-eabihf"
}
stage "callsign-core with the defmt feature for thumbv7em-none-eabihf" defmt_build

stack_check() {
    local opt bin elf painted static entry p s path bad=0 roots run
    # APIG and Sinch: the stack_more firmware, at s only (see rust_fw_m3).
    for run in z:stack s:stack s:stack_more; do
        opt=${run%%:*}
        bin=${run#*:}
        if [[ $bin == stack ]]; then
            roots=(stack_x_aksk stack_x_aksk_with_key stack_hmac_key stack_x_wsse stack_basic)
        else
            roots=(stack_apig stack_apig_sms stack_sinch)
        fi
        elf=$(fw_elf thumbv7em-none-eabihf "fp-$opt" "$bin")
        painted=$(qemu_m4 "$elf")
        echo "$painted"
        static=$(python3 scripts/embedded/stack.py "$elf" "${roots[@]}")
        echo "$static"
        for entry in "${roots[@]}"; do
            p=$(awk -v e="${entry#stack_}" '$1 == "stack-painted" && $2 == e {print $3}' <<<"$painted")
            s=$(awk -v e="$entry" '$1 == "stack-static" && $2 == e {print $3}' <<<"$static")
            path=$(awk -v e="$entry" '$1 == "stack-static" {cur = $2} $1 == "path:" && cur == e {sub(/^ *path: /, ""); print}' <<<"$static")
            if [[ -z $p || -z $s ]]; then
                echo "no figure for $entry at opt-level $opt" >&2
                bad=1
                continue
            fi
            # Agreement: painting never exceeds the static bound, and falls
            # short of it by at most 32 bytes or 5 % (words of the deepest
            # frame that the run did not write). The typical SMS-send case
            # runs one algorithm, while its static bound covers every
            # algorithm the signer dispatches to at run time (the key and
            # the MAC are chosen by the signer's state): there painting only
            # has to stay under the bound.
            if ((p > s)) || { [[ $entry != stack_apig_sms ]] && ((s - p > 32 && (s - p) * 20 > s)); }; then
                echo "stack: $entry at opt-level $opt: static $s B and painted $p B disagree" >&2
                bad=1
            fi
            printf 'stack\t%s\t%s\t%s\t%s\t%s\n' "$opt" "$entry" "$s" "$p" "$path" >>"$tsv"
        done
    done
    return $bad
}
stage "stack: static call graph (-Zemit-stack-sizes) and stack painting agree (thumbv7em, opt-level z and s; APIG, Sinch at s)" stack_check

readme_table() {
    [[ -s $tsv ]] && grep -q '^stack' "$tsv" || { echo "no measurements" >&2; return 1; }
    local size_of aksk_flash aksk_ram aksk_stack apig_stack
    field() { awk -F'\t' -v k="$1" -v o="$2" -v n="$3" '$1 == k && $2 == o && $3 == n' "$tsv"; }
    local e=($(field size z fp_empty | cut -f4-6)) a=($(field size z fp_aksk | cut -f4-6))
    aksk_flash=$(((a[0] + a[1]) - (e[0] + e[1])))
    aksk_ram=$(((a[1] + a[2]) - (e[1] + e[2])))
    aksk_stack=$(field stack z stack_x_aksk | cut -f4)
    local keyed_stack
    keyed_stack=$(field stack z stack_x_aksk_with_key | cut -f4)
    verdict() { if (($1)); then echo met; else echo "not met"; fi; }
    {
        printf 'target\t1-flash\tX-AKSK-only firmware adds <= 8 KiB (8192 B) flash over the empty one: %s (+%d B).\n' \
            "$(verdict "aksk_flash <= 8192")" "$aksk_flash"
        printf 'target\t2-ram\tX-AKSK-only firmware adds 0 B static RAM: %s (+%d B).\n' \
            "$(verdict "aksk_ram == 0")" "$aksk_ram"
        printf 'target\t3-stack\tX-AKSK call <= 1 KiB (1024 B) stack: %s (%d B from the secret, %d B with a precomputed key).\n' \
            "$(verdict "aksk_stack <= 1024")" "$aksk_stack" "$keyed_stack"
        apig_stack=$(field stack s stack_apig | cut -f4)
        printf 'target\t4-apig-stack\tAPIG signature (Signer::new, sign, authorization().write; worst vector) <= 2 KiB (2048 B) stack, at opt-level "s" (APIG is not panic-free at "z"): %s (%d B).\n' \
            "$(verdict "apig_stack <= 2048")" "$apig_stack"
        local sms_static sms_painted
        sms_static=$(field stack s stack_apig_sms | cut -f4)
        sms_painted=$(field stack s stack_apig_sms | cut -f5)
        printf 'target\t5-apig-sms-stack\tAPIG, the README'"'"'s typical SMS-send signature <= 2 KiB (2048 B) stack, at opt-level "s": %s (static bound %d B, painted %d B).\n' \
            "$(verdict "sms_static <= 2048")" "$sms_static" "$sms_painted"
    } >>"$tsv"
    sed 's/^target\t[^\t]*\t/embedded: target: /' <(grep '^target' "$tsv")
    local toolchain
    toolchain="$(/usr/bin/rustc --version | cut -d' ' -f1-2), LLVM $(/usr/bin/rustc -vV | awk '/LLVM/ {print $3}'), QEMU $(qemu-system-arm --version | head -n 1 | awk '{print $4}')"
    python3 scripts/embedded/footprint.py render "$tsv" "$(date -u +%Y-%m-%d)" \
        "bash scripts/embedded.sh --update-readme" "$toolchain" >"$out/readme-section.md"
    python3 scripts/embedded/footprint.py render-counts "$tsv" "$out/count/insns.tsv" "$(date -u +%Y-%m-%d)" \
        "bash scripts/embedded.sh --update-readme" "$toolchain" >"$out/readme-counts.md"
    if [[ $update_readme -eq 1 ]]; then
        python3 scripts/embedded/footprint.py write README.md "$out/readme-section.md"
        python3 scripts/embedded/footprint.py write README.md "$out/readme-counts.md"
    fi
    python3 scripts/embedded/footprint.py check README.md "$out/readme-section.md"
    python3 scripts/embedded/footprint.py check README.md "$out/readme-counts.md"
}
stage "README.md footprint table (256 B or 5 % per cell) and instruction-count table (1 % per count) are current" readme_table

echo "embedded: took $(($(date +%s) - start)) s"
echo "embedded: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
