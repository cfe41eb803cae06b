//! # callsign-ffi
//!
//! The C ABI of callsign: `libcallsign.a` / `libcallsign.so` and the
//! generated `include/callsign.h`. One function per job, inputs as pointer
//! and length, outputs into caller buffers, one `uint32_t` status.
//!
//! `#![no_std]`. The release profile uses `panic = "abort"`; the default
//! feature `panic-handler` provides a `#[panic_handler]` so a C-only
//! firmware links the static library as is. The core has no reachable panic
//! (a link test proves it), so the handler is never called.
#![cfg_attr(not(test), no_std)]
#![allow(non_camel_case_types)]
#![deny(missing_docs)]
#![deny(unsafe_op_in_unsafe_fn)]

#[cfg(feature = "api")]
pub mod api;
#[cfg(feature = "api")]
pub mod api_build;
#[cfg(feature = "api")]
pub mod api_parse;
#[cfg(feature = "api")]
pub mod api_token;
#[cfg(feature = "apig")]
pub mod apig;
pub mod basic;
pub mod digest;
pub mod huawei;
mod io;
#[cfg(feature = "verify")]
pub mod mailgun;
#[cfg(feature = "verify")]
pub mod sinch;
pub mod state;
pub mod status;
pub mod time;
#[cfg(feature = "verify")]
pub mod verify;

use core::ffi::c_char;

/// Major version of this library.
pub const CALLSIGN_VERSION_MAJOR: u32 = 0;
/// Minor version of this library.
pub const CALLSIGN_VERSION_MINOR: u32 = 1;
/// Patch version of this library.
pub const CALLSIGN_VERSION_PATCH: u32 = 0;

/// The version as one number, `(MAJOR << 16) | (MINOR << 8) | PATCH`
/// (0x000100 for 0.1.0), to compare with `callsign_version_number()`: a
/// header that does not match the library linked gives another number.
pub const CALLSIGN_VERSION_NUMBER: u32 =
    (CALLSIGN_VERSION_MAJOR << 16) | (CALLSIGN_VERSION_MINOR << 8) | CALLSIGN_VERSION_PATCH;
/// The version as text, e.g. "0.1.0" (the header builds its
/// CALLSIGN_VERSION_STRING from the three numbers).
const CALLSIGN_VERSION_STRING: &str = "0.1.0";

const VERSION: &core::ffi::CStr = c"0.1.0";

/// The decimal number `s` (compile time only).
const fn decimal(s: &str) -> u32 {
    let mut n = 0u32;
    let mut rest = s.as_bytes();
    while let [d, tail @ ..] = rest {
        n = n * 10 + (*d - b'0') as u32;
        rest = tail;
    }
    n
}

/// Whether `a` and `b` hold the same bytes (compile time only).
const fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let (mut a, mut b) = (a, b);
    while let ([x, at @ ..], [y, bt @ ..]) = (a, b) {
        if *x != *y {
            return false;
        }
        a = at;
        b = bt;
    }
    true
}

// The C version constants and strings follow the workspace version in Cargo.toml.
const _: () = {
    assert!(CALLSIGN_VERSION_MAJOR == decimal(env!("CARGO_PKG_VERSION_MAJOR")));
    assert!(CALLSIGN_VERSION_MINOR == decimal(env!("CARGO_PKG_VERSION_MINOR")));
    assert!(CALLSIGN_VERSION_PATCH == decimal(env!("CARGO_PKG_VERSION_PATCH")));
    assert!(CALLSIGN_VERSION_MINOR < 256 && CALLSIGN_VERSION_PATCH < 256);
    assert!(same(
        env!("CARGO_PKG_VERSION").as_bytes(),
        VERSION.to_bytes()
    ));
    assert!(same(
        env!("CARGO_PKG_VERSION").as_bytes(),
        CALLSIGN_VERSION_STRING.as_bytes()
    ));
};

/// The library's version number, encoded as CALLSIGN_VERSION_NUMBER is. A
/// program can refuse to run with a library other than its header's:
///
/// ```c
/// if (callsign_version_number() != CALLSIGN_VERSION_NUMBER) abort();
/// ```
#[no_mangle]
pub extern "C" fn callsign_version_number() -> u32 {
    CALLSIGN_VERSION_NUMBER
}

/// The library version as static NUL-terminated text, e.g. "0.1.0".
#[no_mangle]
pub extern "C" fn callsign_version() -> *const c_char {
    VERSION.as_ptr()
}

#[cfg(all(feature = "panic-handler", feature = "panic-never"))]
compile_error!("features `panic-handler` and `panic-never` exclude each other");

#[cfg(all(feature = "panic-handler", not(feature = "panic-never"), not(test)))]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    // Unreachable: callsign has no reachable panic (tests/panic-never.sh
    // links the release build against an undefined handler). Were it
    // reached, stopping is the only safe action in a no_std library.
    loop {
        core::hint::spin_loop();
    }
}

#[cfg(all(feature = "panic-never", not(test)))]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    extern "C" {
        /// Defined nowhere: any surviving panic path makes the link fail.
        fn callsign_panic_is_reachable() -> !;
    }
    // SAFETY: never runs; the link fails if this function is referenced.
    unsafe { callsign_panic_is_reachable() }
}

/// A function with a reachable panic (an out-of-bounds index), exported
/// only with the `panic-probe` feature to prove the panic-never link fails.
#[cfg(feature = "panic-probe")]
#[no_mangle]
pub extern "C" fn callsign_panic_probe(i: usize) -> u8 {
    let table = [1u8, 2, 3];
    table[i]
}
