//! Footprint: APIG only (Huawei API Gateway / IAM SDK-HMAC-SHA256), from
//! the app secret: one POST with a JSON body.
#![no_std]
#![no_main]

use callsign_core::huawei::apig::AUTHORIZATION_MAX_LEN;
use callsign_embedded::{exit, jobs};
use core::hint::black_box;
use cortex_m_rt::entry;

#[entry]
fn main() -> ! {
    let mut out = [0u8; AUTHORIZATION_MAX_LEN];
    let headers = [
        ("Content-Type", "application/json"),
        ("X-Sdk-Date", "20240115T083000Z"),
    ];
    let r = jobs::apig(
        black_box("HPUAPPKEY000000EXAMPLE"),
        black_box(b"HpuSecretKey0123456789abcdefghijklmnopq"),
        black_box("iam.cn-north-4.myhuaweicloud.com"),
        black_box("/v3/auth/tokens"),
        black_box(&headers),
        black_box(b"{\"auth\":{\"identity\":{\"methods\":[\"password\"]}}}"),
        &mut out,
    );
    black_box(&mut out);
    exit(r.is_ok())
}
