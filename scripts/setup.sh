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
need_component fmt rustfmt
need_component clippy clippy
echo "setup: $(cargo --version), $(cargo clippy --version), $(cargo fmt --version)"
