//! Footprint: Sinch application-signed request only, from the Base64
//! application secret: one POST with a JSON body.
#![no_std]
#![no_main]

use callsign_core::sinch::application::AUTHORIZATION_MAX_LEN;
use callsign_embedded::{exit, jobs};
use core::hint::black_box;
use cortex_m_rt::entry;

#[entry]
fn main() -> ! {
    let mut out = [0u8; AUTHORIZATION_MAX_LEN];
    let r = jobs::sinch_app(
        black_box("5F5C418A0F914BBC8234A9BF5EDDAD97"),
        black_box(b"JViE5vDor0Sw3WllZka15Q=="),
        black_box("/verification/v1/verifications"),
        black_box("2014-06-04T13:41:58Z"),
        black_box(b"{\"identity\": {\"type\": \"number\", \"endpoint\": \"+46700000000\"}, \"method\": \"sms\"}"),
        &mut out,
    );
    black_box(&mut out);
    exit(r.is_ok())
}
