#!/usr/bin/env bash
# Formatting, lints (clippy with the no-panic set denied in core, see
# core/Cargo.toml [lints]) and documentation, all warnings as errors.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
cargo fmt --all -- --check
# The fuzz crate is its own workspace (excluded from the root one).
cargo fmt --manifest-path fuzz/Cargo.toml -- --check
# callsign-ffi alone: built with the CLI's dev-dependencies, feature
# unification would link std into it (see Cargo.toml default-members).
cargo clippy --workspace --exclude callsign-ffi --all-targets --all-features --locked -- -D warnings
cargo clippy -p callsign-ffi --locked -- -D warnings
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --exclude callsign-ffi --no-deps --locked
RUSTDOCFLAGS="-D warnings" cargo doc -p callsign-ffi --no-deps --locked
# callsign-core is ready to publish: it packages and builds from the
# package alone, and ships only sources, manifest and README (no fixtures).
files=$(cargo package --list -p callsign-core --locked --allow-dirty)
if grep -vqE '^(src/.*\.rs|Cargo\.toml|Cargo\.toml\.orig|Cargo\.lock|README\.md|\.cargo_vcs_info\.json)$' <<<"$files"; then
    grep -vE '^(src/.*\.rs|Cargo\.toml|Cargo\.toml\.orig|Cargo\.lock|README\.md|\.cargo_vcs_info\.json)$' <<<"$files" >&2
    echo "lint: callsign-core's package holds more than its sources and README" >&2
    exit 1
fi
cargo publish --dry-run -p callsign-core --locked --allow-dirty
