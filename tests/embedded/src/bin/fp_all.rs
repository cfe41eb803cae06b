//! Footprint: every scheme callsign-core has (X-AKSK from the secret and
//! with a precomputed key, X-WSSE, Basic).
#![no_std]
#![no_main]

use callsign_core::basic::BASIC_MAX_LEN;
use callsign_core::HmacKey;
use callsign_embedded::{exit, jobs};
use core::hint::black_box;
use cortex_m_rt::entry;

#[entry]
fn main() -> ! {
    let mut out = [0u8; BASIC_MAX_LEN]; // the largest of the three
    let mut ok = jobs::x_aksk(
        black_box("a1B2c3D4e5F6g7H8i9J0kLmNoPqR"),
        black_box(b"Zy9Xw8Vu7Ts6Rq5Po4Nm3Lk2Ji1H"),
        black_box("66c92b11ff8a425fb8d4ccfe0ed9ed1f"),
        black_box(1_709_280_930),
        &mut out,
    )
    .is_ok();
    black_box(&mut out);
    let key = HmacKey::new(black_box(b"Zy9Xw8Vu7Ts6Rq5Po4Nm3Lk2Ji1H"));
    ok &= jobs::x_aksk_with_key(
        black_box("a1B2c3D4e5F6g7H8i9J0kLmNoPqR"),
        &key,
        black_box("66c92b11ff8a425fb8d4ccfe0ed9ed1f"),
        black_box(1_709_280_931),
        &mut out,
    )
    .is_ok();
    black_box(&mut out);
    ok &= jobs::x_wsse(
        black_box("ARBRz4bAXoFgEH7o4Ew308eXc1RA"),
        black_box(b"Mq3s8Pz1Lk5Nv7Bx2Cw9Dy4Ft6Gh"),
        black_box("ac1c911c4792492687f8f6b2264a491e"),
        black_box(1_527_294_930),
        black_box(false),
        &mut out,
    )
    .is_ok();
    black_box(&mut out);
    ok &= jobs::basic(
        black_box("a5c9a7e2-6fd7-4e0c-8f4b-3f1d2e6c9b10"),
        black_box(b"tqY5~Xw8c.Jd3bQz1KrT4vNe9L"),
        &mut out,
    )
    .is_ok();
    black_box(&mut out);
    exit(ok)
}
