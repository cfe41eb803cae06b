//! Footprint: the SMS API surface — a batchSendSms form body built, the
//! response parsed and classified — without signing (add the X-WSSE row).
#![no_std]
#![no_main]

use callsign_core::huawei::sms_api::{BatchSendSms, SmsResponse};
use callsign_embedded::exit;
use core::hint::black_box;
use cortex_m_rt::entry;

#[entry]
fn main() -> ! {
    let mut out = [0u8; 512];
    let sms = BatchSendSms::new(
        black_box("csms12345678"),
        black_box("+8615123456789"),
        black_box("8ff55eac1d0b478ab3c06c3c6a492300"),
    );
    let written = sms.request().and_then(|r| r.write(&mut out));
    black_box(&mut out);
    let answer = black_box(
        r#"{"code":"000000","description":"Success","result":[{"originTo":"+8615123456789","createTime":"2018-05-25T16:34:34Z","from":"1069********0012","smsMsgId":"d6e3cdd0-522b-4692-8304-a07553cdf591_8539659","status":"000000"}]}"#,
    );
    let ok = SmsResponse::parse(answer)
        .map(|r| r.is_success())
        .unwrap_or(false);
    exit(written.is_ok() && ok)
}
