#!/usr/bin/env bash
# Regenerates include/callsign.h from ffi/src with the pinned cbindgen CLI,
# off the consumer's path: an ordinary `cargo build -p callsign-ffi` neither
# compiles cbindgen nor writes into the source tree. CI runs this script and
# then fails when the committed header differs (scripts/c-tests.sh, stage
# "header drift").
#
#   bash scripts/gen-header.sh            rewrite include/callsign.h
#   bash scripts/gen-header.sh --check    write nothing; exit 1 when stale
#
# The CLI is installed once (cargo install --locked, ~1 min on 2 cores) into
# ${CALLSIGN_TOOLS:-$HOME/.cache/callsign}/cbindgen-VERSION and reused.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
version=0.29.4 # pinned: the committed header must not change with the tool
tools=${CALLSIGN_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/callsign}
prefix="$tools/cbindgen-$version"
bin="$prefix/bin/cbindgen"

check=0
case "${1:-}" in
    --check) check=1 ;;
    "") ;;
    *) echo "usage: bash scripts/gen-header.sh [--check]" >&2; exit 2 ;;
esac

if [[ ! -x $bin ]] || [[ $("$bin" --version 2>/dev/null) != "cbindgen $version" ]]; then
    echo "gen-header: installing cbindgen $version into $prefix"
    cargo install -q cbindgen --version "=$version" --locked --root "$prefix"
fi

tmp=$(mktemp "${TMPDIR:-/tmp}/callsign.h.XXXXXX")
trap 'rm -f "$tmp"' EXIT
# cbindgen reads the crate's sources only (parse_deps is off); --lockfile
# keeps its `cargo metadata` call from touching Cargo.lock.
(cd "$root/ffi" && "$bin" --quiet --config cbindgen.toml --crate callsign-ffi \
    --lockfile "$root/Cargo.lock" --output "$tmp")
# Rust documents an unsafe function's contract under "# Safety" (clippy's
# missing_safety_doc wants it); in C that section is about pointers.
sed -i 's|^ \* # Safety$| * Pointers:|' "$tmp"
if [[ $check -eq 1 ]]; then
    if ! cmp -s "$tmp" "$root/include/callsign.h"; then
        diff -u "$root/include/callsign.h" "$tmp" | head -40 || true
        echo "gen-header: include/callsign.h is stale: run bash scripts/gen-header.sh and commit it" >&2
        exit 1
    fi
    echo "gen-header: include/callsign.h is current (cbindgen $version)"
else
    cp "$tmp" "$root/include/callsign.h"
    echo "gen-header: wrote include/callsign.h (cbindgen $version)"
fi
