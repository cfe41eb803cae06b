#!/usr/bin/env bash
# Builds tests/freestanding/freestanding.c with no libc and no start files
# (-nostdlib -static, its own _start and mem* functions) against the release
# libcallsign.a, and runs it: exit status 0 only for a byte-exact X-AKSK.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
lib=${1:-$root/target/release/libcallsign.a}
if [ "$(uname -m)" != "x86_64" ]; then
    echo "freestanding: skipped: the program's _start and syscalls are x86_64 Linux only"
    exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
gcc -std=c99 -O2 -Wall -Wextra -Werror -ffreestanding -fno-builtin -fno-stack-protector \
    -fno-tree-loop-distribute-patterns -fno-pie -no-pie -nostdlib -static \
    -I"$root/include" "$root/tests/freestanding/freestanding.c" "$lib" -Wl,--gc-sections \
    -o "$work/freestanding"
if nm "$work/freestanding" | grep -qiE ' (malloc|free|__libc_start_main)$'; then
    echo "freestanding: FAILED: libc symbols in the program" >&2
    exit 1
fi
"$work/freestanding"
echo "freestanding: 1 passed, 0 failed"
