//! Footprint: X-WSSE only (Huawei Message & SMS).
#![no_std]
#![no_main]

use callsign_core::huawei::sms::X_WSSE_MAX_LEN;
use callsign_embedded::{exit, jobs};
use core::hint::black_box;
use cortex_m_rt::entry;

#[entry]
fn main() -> ! {
    let mut out = [0u8; X_WSSE_MAX_LEN];
    let r = jobs::x_wsse(
        black_box("ARBRz4bAXoFgEH7o4Ew308eXc1RA"),
        black_box(b"Mq3s8Pz1Lk5Nv7Bx2Cw9Dy4Ft6Gh"),
        black_box("ac1c911c4792492687f8f6b2264a491e"),
        black_box(1_527_294_930),
        black_box(false),
        &mut out,
    );
    black_box(&mut out);
    exit(r.is_ok())
}
