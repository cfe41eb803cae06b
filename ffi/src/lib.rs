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

const VERSION: &core::ffi::CStr = c"0.1.0";

const _: () = {
    // The C version constants and string follow Cargo.toml.
    let v = env!("CARGO_PKG_VERSION").as_bytes();
    let c = VERSION.to_bytes();
    assert!(v.len() == c.len());
    let mut i = 0;
    while i < v.len() {
        assert!(v[i] == c[i]);
        i += 1;
    }
};

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
