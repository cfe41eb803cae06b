#!/usr/bin/env bash
# What the release libcallsign.a needs from outside (nm -u):
# - callsign's own object (the LTO'd C ABI, core and dependencies) may need
#   only the C library's memcpy, memmove, memset, memcmp and bcmp;
# - the compiler runtime members that rustc bundles (compiler-rt's
#   overflow-trapping and 128-bit helpers such as __mulvti3) may also name
#   __compilerrt_abort_impl and __udivti3: a linker pulls those members in
#   only when something calls them, and callsign's object calls none of them
#   (checked below), so a firmware never needs these two symbols.
set -euo pipefail
lib=$(cd "$(dirname "${1:?usage: nm-undefined.sh path/to/libcallsign.a}")" && pwd)/$(basename "$1")
mem="memcpy memmove memset memcmp bcmp"
runtime_extra="__compilerrt_abort_impl __udivti3"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
ar x "$lib"
own=$(ls | grep '^callsign\.' || true)
if [ "$(echo "$own" | grep -c .)" -ne 1 ]; then
    echo "nm-undefined: FAILED: expected one callsign object in the archive, found: $own" >&2
    exit 1
fi
undef_of() { nm -u "$1" 2>/dev/null | awk '$1 == "U" {print $2}' | sort -u; }

fail=0
own_undef=$(undef_of "$own")
if [ -z "$(nm --defined-only "$own" 2>/dev/null | grep ' T callsign_')" ]; then
    echo "nm-undefined: FAILED: nm found no callsign_ functions in $own" >&2
    exit 1
fi
for sym in $own_undef; do
    case " $mem " in
        *" $sym "*) ;;
        *) echo "nm-undefined: FAILED: callsign's object needs $sym" >&2; fail=1 ;;
    esac
done
runtime_undef=$(for f in *.o; do [ "$f" = "$own" ] || undef_of "$f"; done | sort -u)
for sym in $runtime_undef; do
    case " $mem $runtime_extra " in
        *" $sym "*) ;;
        *) echo "nm-undefined: FAILED: a runtime member needs $sym" >&2; fail=1 ;;
    esac
done
echo "nm-undefined: callsign object needs: $(echo $own_undef)"
echo "nm-undefined: runtime members need: $(echo $runtime_undef)"
if [ "$fail" -ne 0 ]; then
    echo "nm-undefined: 0 passed, 1 failed"
    exit 1
fi
echo "nm-undefined: 1 passed, 0 failed"
