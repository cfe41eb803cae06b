//! Footprint: the voice API surface a device uses to place a call — the
//! click2Call body, the response parsed and classified — without signing
//! (add the X-AKSK row for the header).
#![no_std]
#![no_main]

use callsign_core::huawei::voice_api::{Click2Call, VoiceResponse};
use callsign_embedded::exit;
use core::hint::black_box;
use cortex_m_rt::entry;

#[entry]
fn main() -> ! {
    let mut out = [0u8; 512];
    let mut call = Click2Call::new(
        black_box("+8675528000088"),
        black_box("+8613500000001"),
        black_box("+8675528000088"),
        black_box("+8613500000002"),
    );
    call.user_data = Some(black_box("order-1234"));
    let written = call.request().and_then(|r| r.write(&mut out));
    black_box(&mut out);
    let answer = black_box(
        r#"{"resultcode":"0","resultdesc":"Success","sessionId":"1202_566_0_20161228102743@callenabler.home1.com"}"#,
    );
    let ok = VoiceResponse::parse(answer)
        .map(|r| r.is_success() && r.category(200) == black_box(r.category(200)))
        .unwrap_or(false);
    exit(written.is_ok() && ok)
}
