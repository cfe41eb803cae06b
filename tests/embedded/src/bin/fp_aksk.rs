//! Footprint: X-AKSK only (Huawei Voice Call), from the app secret.
#![no_std]
#![no_main]

use callsign_core::huawei::voice::X_AKSK_MAX_LEN;
use callsign_embedded::{exit, jobs};
use core::hint::black_box;
use cortex_m_rt::entry;

#[entry]
fn main() -> ! {
    let mut out = [0u8; X_AKSK_MAX_LEN];
    let r = jobs::x_aksk(
        black_box("a1B2c3D4e5F6g7H8i9J0kLmNoPqR"),
        black_box(b"Zy9Xw8Vu7Ts6Rq5Po4Nm3Lk2Ji1H"),
        black_box("66c92b11ff8a425fb8d4ccfe0ed9ed1f"),
        black_box(1_709_280_930),
        &mut out,
    );
    black_box(&mut out);
    exit(r.is_ok())
}
