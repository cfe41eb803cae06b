#!/usr/bin/env bash
# Builds the C ABI and installs it under a prefix, laid out as cargo-c
# (`cargo cinstall`) lays out a library, without needing cargo-c:
#
#   bash scripts/install.sh --prefix DIR [--target TRIPLE]
#
#   DIR/include/callsign.h
#   DIR/lib/libcallsign.a
#   DIR/lib/libcallsign.so.MAJOR.MINOR.PATCH   (SONAME libcallsign.so.MAJOR)
#   DIR/lib/libcallsign.so.MAJOR -> libcallsign.so.MAJOR.MINOR.PATCH
#   DIR/lib/libcallsign.so       -> libcallsign.so.MAJOR
#   DIR/lib/pkgconfig/callsign.pc                       (pkg-config callsign)
#   DIR/lib/cmake/callsign/callsignConfig.cmake         (find_package(callsign))
#   DIR/lib/cmake/callsign/callsignConfigVersion.cmake
#
# The version is the workspace version in Cargo.toml. The CMake package
# defines callsign::callsign_static, callsign::callsign_shared (when
# installed) and callsign::callsign: the shared library, or the static one
# when CALLSIGN_USE_STATIC_LIBS is ON or no shared library is installed.
#
# --target TRIPLE cross-builds: for a bare-metal target such as
# thumbv7em-none-eabihf only the static library, the header and the .pc
# file are installed. It uses rustup's target when installed, else the
# Debian toolchain of scripts/embedded.sh (scripts/embedded/toolchain.sh,
# -Zbuild-std=core); without either it installs nothing and exits 3.
#
# Environment: CARGO_TARGET_DIR as for cargo. Idempotent (files are
# replaced). Prints the installed files.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

usage() {
    echo "usage: bash scripts/install.sh --prefix DIR [--target TRIPLE]" >&2
    exit 2
}
prefix=""
target=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --prefix) [[ $# -ge 2 ]] || usage; prefix=$2; shift 2 ;;
        --prefix=*) prefix=${1#--prefix=}; shift ;;
        --target) [[ $# -ge 2 ]] || usage; target=$2; shift 2 ;;
        --target=*) target=${1#--target=}; shift ;;
        *) usage ;;
    esac
done
[[ -n $prefix ]] || usage
mkdir -p "$prefix"
prefix=$(cd "$prefix" && pwd)

host=$(rustc -vV | sed -n 's/^host: //p')
[[ -n $target ]] || target=$host

# The workspace version, as cargo sees it.
version=$(cargo metadata --no-deps --format-version 1 --locked |
    python3 -c 'import json,sys; print(next(p["version"] for p in json.load(sys.stdin)["packages"] if p["name"] == "callsign-ffi"))')
IFS=. read -r major minor patch <<<"${version%%[-+]*}"
echo "install: callsign $version for $target into $prefix"

target_dir=${CARGO_TARGET_DIR:-$root/target}
log=$(mktemp "${TMPDIR:-/tmp}/callsign-install.XXXXXX")
trap 'rm -f "$log"' EXIT
shared=1
if [[ $target == "$host" ]]; then
    # staticlib and cdylib; --print native-static-libs gives Libs.private.
    cargo rustc -q -p callsign-ffi --release --locked --lib -- --print native-static-libs 2>"$log" ||
        { cat "$log" >&2; exit 1; }
    out="$target_dir/release"
elif rustup target list --installed 2>/dev/null | grep -qx "$target"; then
    cargo rustc -q -p callsign-ffi --release --locked --lib --target "$target" \
        --crate-type staticlib -- --print native-static-libs 2>"$log" || { cat "$log" >&2; exit 1; }
    out="$target_dir/$target/release"
    shared=0
else
    # shellcheck source=scripts/embedded/toolchain.sh
    source "$root/scripts/embedded/toolchain.sh"
    if ! deb_cargo_present; then
        echo "install: SKIPPED: no toolchain for $target: neither \`rustup target add $target\`" \
            "nor the Debian rustc-web toolchain that scripts/embedded.sh installs; nothing installed" >&2
        exit 3
    fi
    deb_cargo_mcu rustc -q -p callsign-ffi --release --locked --lib --target "$target" \
        -Zbuild-std=core --crate-type staticlib -- --print native-static-libs 2>"$log" ||
        { cat "$log" >&2; exit 1; }
    out="$target_dir/$target/release"
    shared=0
fi
native=$(sed -n 's/^note: native-static-libs: *//p' "$log" | tail -n 1)

libdir="$prefix/lib"
install -d "$libdir" "$prefix/include" "$libdir/pkgconfig"
install -m 644 include/callsign.h "$prefix/include/callsign.h"
install -m 644 "$out/libcallsign.a" "$libdir/libcallsign.a"
real="libcallsign.so.$major.$minor.$patch"
soname="libcallsign.so.$major"
if [[ $shared -eq 1 ]]; then
    if [[ ! -f $out/libcallsign.so ]]; then
        echo "install: $out/libcallsign.so was not built" >&2
        exit 1
    fi
    got=$(readelf -d "$out/libcallsign.so" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
    if [[ $got != "$soname" ]]; then
        echo "install: libcallsign.so has SONAME '$got', not $soname (see ffi/build.rs)" >&2
        exit 1
    fi
    install -m 755 "$out/libcallsign.so" "$libdir/$real"
    ln -sfn "$real" "$libdir/$soname"
    ln -sfn "$soname" "$libdir/libcallsign.so"
else
    # A static-only prefix: no stale shared library from an earlier install.
    rm -f "$libdir/$real" "$libdir/$soname" "$libdir/libcallsign.so"
fi

cat >"$libdir/pkgconfig/callsign.pc" <<EOF
prefix=$prefix
exec_prefix=\${prefix}
libdir=\${exec_prefix}/lib
includedir=\${prefix}/include

Name: callsign
Description: Request signing for Huawei Cloud, Sinch and Mailgun APIs, without allocation (C ABI)
Version: $version
Libs: -L\${libdir} -lcallsign
Libs.private: $native
Cflags: -I\${includedir}
EOF

if [[ $shared -eq 1 ]]; then
    cmake_dir="$libdir/cmake/callsign"
    install -d "$cmake_dir"
    cat >"$cmake_dir/callsignConfig.cmake" <<EOF
# CMake package of callsign $version (scripts/install.sh). Targets:
#   callsign::callsign_static   libcallsign.a
#   callsign::callsign_shared   libcallsign.so (SONAME $soname), when installed
#   callsign::callsign          the shared library, or the static one when
#                               CALLSIGN_USE_STATIC_LIBS is ON or no shared
#                               library is installed
# Usage: find_package(callsign 0.1 REQUIRED)
#        target_link_libraries(app PRIVATE callsign::callsign)
get_filename_component(_callsign_prefix "\${CMAKE_CURRENT_LIST_DIR}/../../.." ABSOLUTE)
set(callsign_VERSION "$version")
set(callsign_INCLUDE_DIRS "\${_callsign_prefix}/include")

if(NOT TARGET callsign::callsign_static)
  add_library(callsign::callsign_static STATIC IMPORTED)
  set_target_properties(callsign::callsign_static PROPERTIES
    IMPORTED_LOCATION "\${_callsign_prefix}/lib/libcallsign.a"
    INTERFACE_INCLUDE_DIRECTORIES "\${_callsign_prefix}/include"
    INTERFACE_LINK_LIBRARIES "$native")
endif()
if(NOT TARGET callsign::callsign_shared AND EXISTS "\${_callsign_prefix}/lib/$real")
  add_library(callsign::callsign_shared SHARED IMPORTED)
  set_target_properties(callsign::callsign_shared PROPERTIES
    IMPORTED_LOCATION "\${_callsign_prefix}/lib/$real"
    IMPORTED_SONAME "$soname"
    INTERFACE_INCLUDE_DIRECTORIES "\${_callsign_prefix}/include")
endif()
if(NOT TARGET callsign::callsign)
  add_library(callsign::callsign INTERFACE IMPORTED)
  if(CALLSIGN_USE_STATIC_LIBS OR NOT TARGET callsign::callsign_shared)
    set_target_properties(callsign::callsign PROPERTIES
      INTERFACE_LINK_LIBRARIES callsign::callsign_static)
  else()
    set_target_properties(callsign::callsign PROPERTIES
      INTERFACE_LINK_LIBRARIES callsign::callsign_shared)
  endif()
endif()
unset(_callsign_prefix)
set(callsign_FOUND TRUE)
EOF
    cat >"$cmake_dir/callsignConfigVersion.cmake" <<EOF
# callsign $version: compatible with a request for the same major version
# and a version not above it; before 1.0, the same minor version too (a
# 0.x minor release may break the ABI).
set(PACKAGE_VERSION "$version")
set(PACKAGE_VERSION_COMPATIBLE FALSE)
set(PACKAGE_VERSION_EXACT FALSE)
if(PACKAGE_FIND_VERSION_MAJOR EQUAL $major
   AND NOT PACKAGE_FIND_VERSION VERSION_GREATER PACKAGE_VERSION
   AND ($major GREATER 0 OR PACKAGE_FIND_VERSION_MINOR EQUAL $minor))
  set(PACKAGE_VERSION_COMPATIBLE TRUE)
  if(PACKAGE_FIND_VERSION VERSION_EQUAL PACKAGE_VERSION)
    set(PACKAGE_VERSION_EXACT TRUE)
  endif()
endif()
EOF
fi
(cd "$prefix" && find include lib -type f -o -type l | sort | sed 's/^/install:   /')
