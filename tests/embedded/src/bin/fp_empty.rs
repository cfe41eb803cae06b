//! Footprint baseline: the runtime (cortex-m-rt, semihosting exit) and an
//! opaque output buffer, no callsign code.
#![no_std]
#![no_main]

use callsign_embedded::exit;
use core::hint::black_box;
use cortex_m_rt::entry;

#[entry]
fn main() -> ! {
    let mut out = [0u8; 8];
    black_box(&mut out);
    exit(black_box(out[0]) == 0)
}
