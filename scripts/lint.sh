#!/usr/bin/env bash
# Formatting, lints (clippy with the no-panic set denied in core, see
# core/Cargo.toml [lints]) and documentation, all warnings as errors.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
cargo fmt --all -- --check
cargo clippy --workspace --all-targets --locked -- -D warnings
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --locked
