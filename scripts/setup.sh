#!/usr/bin/env bash
# Installs what the tests and checks need. Idempotent: safe to run again.
set -euo pipefail

need_component() {
    local cmd=$1 component=$2
    if ! cargo "$cmd" --version >/dev/null 2>&1; then
        echo "setup: installing rustup component $component"
        rustup component add "$component"
    fi
}

if ! command -v cargo >/dev/null 2>&1; then
    echo "setup: cargo is not installed; install Rust (stable) first" >&2
    exit 1
fi
# Debian packages: OpenSSL headers for the benchmarks' OpenSSL peer (the
# openssl crate builds against the system libcrypto), pkg-config to find
# them, valgrind for the C tests, clang and cmake (below).
need_packages=()
dpkg -s libssl-dev >/dev/null 2>&1 || need_packages+=(libssl-dev)
command -v pkg-config >/dev/null 2>&1 || need_packages+=(pkg-config)
command -v valgrind >/dev/null 2>&1 || need_packages+=(valgrind)
# clang for the header checks (-Weverything, C and C++), cmake for the
# find_package consumer (tests/consumers).
command -v clang >/dev/null 2>&1 || need_packages+=(clang)
command -v cmake >/dev/null 2>&1 || need_packages+=(cmake)
if [ ${#need_packages[@]} -gt 0 ]; then
    echo "setup: installing ${need_packages[*]}"
    sudo_cmd=""
    [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need_packages[@]}" >/dev/null
fi

need_component fmt rustfmt
need_component clippy clippy
echo "setup: $(cargo --version), $(cargo clippy --version), $(cargo fmt --version)"
