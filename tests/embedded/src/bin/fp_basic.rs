//! Footprint: Basic only (Sinch key id/secret, Mailgun `api:KEY`).
#![no_std]
#![no_main]

use callsign_core::basic::BASIC_MAX_LEN;
use callsign_embedded::{exit, jobs};
use core::hint::black_box;
use cortex_m_rt::entry;

#[entry]
fn main() -> ! {
    let mut out = [0u8; BASIC_MAX_LEN];
    let r = jobs::basic(
        black_box("a5c9a7e2-6fd7-4e0c-8f4b-3f1d2e6c9b10"),
        black_box(b"tqY5~Xw8c.Jd3bQz1KrT4vNe9L"),
        &mut out,
    );
    black_box(&mut out);
    exit(r.is_ok())
}
