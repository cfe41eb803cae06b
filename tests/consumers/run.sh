#!/usr/bin/env bash
# Consumers of an installed callsign, each built from the installed tree
# only (called by scripts/c-tests.sh):
#
#   install         scripts/install.sh --prefix TMP/prefix (the layout checked)
#   cmake           tests/consumers/cmake: find_package(callsign 0.1 REQUIRED),
#                   app_static (callsign::callsign_static), app_shared
#                   (callsign::callsign_shared: NEEDED libcallsign.so.0),
#                   app_default (callsign::callsign) each sign the first
#                   X-AKSK vector of tests/vectors/huawei.json; and with
#                   -DCALLSIGN_USE_STATIC_LIBS=ON callsign::callsign is static
#   cmake-version   find_package(callsign 0.2) and (callsign 1.0) are refused
#   c++17-raii      tests/consumers/raii.cpp (built by the CMake project)
#   pkg-config      tests/consumers/make/Makefile: pkg-config --cflags --libs
#                   callsign, shared and static
#   ctypes          tests/consumers/ctypes_vectors.py over PREFIX/lib's
#                   libcallsign.so: X-AKSK, HMAC and Basic vectors from JSON
#   cross-install   scripts/install.sh --target thumbv7em-none-eabihf: static
#                   ARM library, header and .pc only (SKIPPED, said plainly,
#                   without a cross toolchain)
#
# Installs cmake with apt-get when missing. Last line:
# "consumers: N passed, M failed".
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
here="$root/tests/consumers"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/callsign-consumers.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
prefix="$tmp/prefix"
start=$(date +%s)
passed=0
failed=0
skipped=0

stage() {
    local name=$1 rc t0
    shift
    t0=$(date +%s)
    echo "consumers: --- $name"
    set +e
    (
        set -e
        "$@"
    )
    rc=$?
    set -e
    if [[ $rc -eq 0 ]]; then
        passed=$((passed + 1))
        echo "consumers: ok   $name ($(($(date +%s) - t0)) s)"
    elif [[ $rc -eq 77 ]]; then
        skipped=$((skipped + 1))
        echo "consumers: SKIPPED $name"
    else
        failed=$((failed + 1))
        echo "consumers: FAIL $name (exit status $rc)"
    fi
}

ensure_cmake() {
    command -v cmake >/dev/null 2>&1 && return 0
    local sudo=()
    [[ $(id -u) -eq 0 ]] || sudo=(sudo)
    echo "consumers: cmake missing, installing it with apt-get"
    if ! "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q cmake; then
        "${sudo[@]}" apt-get update -q
        "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q cmake
    fi
}

# The first X-AKSK vector of tests/vectors/huawei.json, as the programs'
# arguments: APP_KEY SECRET_HEX NONCE CREATED_UNIX EXPECTED_X_AKSK.
mapfile -t vector < <(python3 - "$root/tests/vectors/huawei.json" <<'EOF'
import calendar, json, sys, time
v = next(v for v in json.load(open(sys.argv[1], encoding="utf-8"))["vectors"]
         if v["scheme"] == "x-aksk" and "error" not in v["expected"])
i = v["inputs"]
print(i["app_key"]); print(i["app_secret_utf8_hex"]); print(i["nonce"])
print(calendar.timegm(time.strptime(i["created"], "%Y-%m-%dT%H:%M:%SZ")))
print(v["expected"]["x_aksk"])
EOF
)
[[ ${#vector[@]} -eq 5 ]] || { echo "consumers: no X-AKSK vector" >&2; exit 1; }

# NEEDED entries of an ELF file, one a line.
needed() { readelf -d "$1" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'; }

install_layout() {
    bash "$root/scripts/install.sh" --prefix "$prefix"
    local major
    major=$(sed -n 's/^#define CALLSIGN_VERSION_MAJOR \([0-9]*\)$/\1/p' "$prefix/include/callsign.h")
    test -f "$prefix/include/callsign.h"
    test -f "$prefix/lib/libcallsign.a"
    test -f "$prefix/lib/pkgconfig/callsign.pc"
    test -f "$prefix/lib/cmake/callsign/callsignConfig.cmake"
    test -f "$prefix/lib/cmake/callsign/callsignConfigVersion.cmake"
    test "$(readlink "$prefix/lib/libcallsign.so")" = "libcallsign.so.$major"
    test -f "$(readlink -f "$prefix/lib/libcallsign.so.$major")"
    readelf -d "$prefix/lib/libcallsign.so" | grep -q "Library soname: \[libcallsign.so.$major\]"
    grep -q '^Libs.private:' "$prefix/lib/pkgconfig/callsign.pc"
    echo "consumers: SONAME libcallsign.so.$major, $(readlink "$prefix/lib/libcallsign.so.$major")"
}

cmake_consumer() {
    ensure_cmake
    local b="$tmp/cmake" exe
    cmake -S "$here/cmake" -B "$b" -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_BUILD_TYPE=Release >/dev/null
    cmake --build "$b" -j 2 >/dev/null
    for exe in app_static app_shared app_default; do
        "$b/$exe" "${vector[@]}"
    done
    needed "$b/app_shared" | grep -qx 'libcallsign.so.[0-9]*'
    ! needed "$b/app_static" | grep -q libcallsign
    needed "$b/app_default" | grep -qx 'libcallsign.so.[0-9]*'
    # CALLSIGN_USE_STATIC_LIBS=ON makes callsign::callsign the static library.
    cmake -S "$here/cmake" -B "$tmp/cmake-static" -DCMAKE_PREFIX_PATH="$prefix" \
        -DCALLSIGN_USE_STATIC_LIBS=ON -DCMAKE_BUILD_TYPE=Release >/dev/null
    cmake --build "$tmp/cmake-static" -j 2 --target app_default >/dev/null
    "$tmp/cmake-static/app_default" "${vector[@]}"
    ! needed "$tmp/cmake-static/app_default" | grep -q libcallsign
    echo "consumers: static, shared and default targets sign the vector"
}

cmake_version() {
    local want
    for want in 0.2 1.0; do
        mkdir -p "$tmp/v$want"
        printf 'cmake_minimum_required(VERSION 3.16)\nproject(v C)\nfind_package(callsign %s REQUIRED)\n' \
            "$want" >"$tmp/v$want/CMakeLists.txt"
        if cmake -S "$tmp/v$want" -B "$tmp/v$want/b" -DCMAKE_PREFIX_PATH="$prefix" >"$tmp/v$want.log" 2>&1; then
            echo "consumers: find_package(callsign $want) accepted version $(
                sed -n 's/^#define CALLSIGN_VERSION_MINOR //p' "$prefix/include/callsign.h")" >&2
            return 1
        fi
        echo "consumers: find_package(callsign $want) refused"
    done
}

raii() {
    [[ -x $tmp/cmake/raii ]]
    "$tmp/cmake/raii" "${vector[@]}"
}

pkgconfig_consumer() {
    local b="$tmp/make"
    mkdir -p "$b"
    echo "consumers: pkg-config --cflags --libs callsign: $(PKG_CONFIG_PATH="$prefix/lib/pkgconfig" pkg-config --cflags --libs callsign)"
    PKG_CONFIG_PATH="$prefix/lib/pkgconfig" make -s -C "$here/make" O="$b"
    "$b/app" "${vector[@]}"
    "$b/app-static" "${vector[@]}"
    needed "$b/app" | grep -qx 'libcallsign.so.[0-9]*'
    ! needed "$b/app-static" | grep -q libcallsign
}

ctypes_vectors() {
    local so
    so=$(readlink -f "$prefix/lib/libcallsign.so")
    python3 "$here/ctypes_vectors.py" "$so" "$root/tests/vectors/huawei.json" \
        "$root/tests/vectors/sinch_mailgun.json"
}

cross_install() {
    local rc=0 arm="$tmp/thumbv7em"
    bash "$root/scripts/install.sh" --prefix "$arm" --target thumbv7em-none-eabihf || rc=$?
    if [[ $rc -eq 3 ]]; then
        echo "consumers: no cross toolchain for thumbv7em-none-eabihf: the cross install is not tested"
        return 77
    fi
    [[ $rc -eq 0 ]]
    test -f "$arm/include/callsign.h"
    test -f "$arm/lib/pkgconfig/callsign.pc"
    readelf -h "$arm/lib/libcallsign.a" >"$tmp/arm.readelf"
    grep -q 'Machine: *ARM' "$tmp/arm.readelf"
    ! ls "$arm"/lib/libcallsign.so* 2>/dev/null
    echo "consumers: thumbv7em-none-eabihf: ARM libcallsign.a, header and .pc; no shared library"
}

stage "install (scripts/install.sh --prefix)" install_layout
stage "CMake find_package(callsign 0.1): static, shared, default" cmake_consumer
stage "CMake version check refuses 0.2 and 1.0" cmake_version
stage "C++17 RAII example" raii
stage "Makefile with pkg-config --cflags --libs callsign (shared, static)" pkgconfig_consumer
stage "Python ctypes over the installed libcallsign.so (X-AKSK, HMAC, Basic vectors)" ctypes_vectors
stage "cross install --target thumbv7em-none-eabihf (static only)" cross_install

echo "consumers: done in $(($(date +%s) - start)) s"
echo "consumers: $passed passed, $failed failed, $skipped skipped"
[[ $failed -eq 0 ]]
