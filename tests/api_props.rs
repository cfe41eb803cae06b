//! Properties of the API surface against independent implementations:
//! the builders' bodies hold what `serde_json` (or a form decoder written
//! here) reads back, their length is exact, a short buffer is never
//! written; the parsers agree with `serde_json` on any string it escapes,
//! and never fail on what it writes; arbitrary bytes never make them panic.

use callsign_core::huawei::sms_api::{BatchSendDiffSms, BatchSendSms, SmsContent, StatusReport};
use callsign_core::huawei::voice_api::{
    CallStop, Click2Call, NumberCheck, VoiceNotification, VoiceResponse,
};
use callsign_core::sinch::oauth2::TokenResponse;
use callsign_core::Error;
use proptest::prelude::*;
use serde_json::{json, Value};

/// Decodes `application/x-www-form-urlencoded` (here, independently of
/// callsign): `+` is a space, `%XX` a byte.
fn form_decode(text: &str) -> Vec<(String, String)> {
    fn dec(s: &str) -> String {
        let b = s.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < b.len() {
            match b[i] {
                b'+' => out.push(b' '),
                b'%' => {
                    out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).unwrap());
                    i += 2;
                }
                c => out.push(c),
            }
            i += 1;
        }
        String::from_utf8(out).unwrap()
    }
    text.split('&')
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap();
            (dec(k), dec(v))
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Any text in userData-like free fields comes out as JSON that
    /// serde_json reads back to the same text; len() is exact; a buffer one
    /// byte short is untouched.
    #[test]
    fn click2call_body_is_json_of_its_fields(
        voice in "\\PC{1,40}",
        user in "[ -z|~]{1,60}",
        dur in 0u16..=1440,
    ) {
        let mut call = Click2Call::new("+8675528000088", "+8613500000001", "+8675528000088", "+8613500000002");
        call.number_check = NumberCheck::Strict;
        call.wait_voice = Some(&voice);
        call.user_data = Some(&user);
        call.max_duration = Some(dur);
        let req = call.request().unwrap();
        let mut buf = vec![0u8; req.len() + 8];
        let n = req.write(&mut buf).unwrap();
        prop_assert_eq!(n, req.len());
        let v: Value = serde_json::from_slice(&buf[..n]).unwrap();
        prop_assert_eq!(&v["waitVoice"], &json!(voice));
        prop_assert_eq!(&v["userData"], &json!(user));
        prop_assert_eq!(&v["maxDuration"], &json!(dur));
        let mut short = vec![0xAAu8; n - 1];
        prop_assert_eq!(req.write(&mut short), Err(Error::BufferTooSmall { needed: n }));
        prop_assert!(short.iter().all(|&b| b == 0xAA));
    }

    /// batchSendSms: the form decodes to the fields, templateParas to the
    /// JSON array of the variables.
    #[test]
    fn sms_form_decodes_to_its_fields(
        paras in proptest::collection::vec("\\PC{1,12}", 1..4),
        extend in "[^{}]{1,40}",
    ) {
        let refs: Vec<&str> = paras.iter().map(String::as_str).collect();
        let mut sms = BatchSendSms::new("csms12345678", "+8615123456789,+8615123456790", "t1");
        sms.template_paras = Some(&refs);
        sms.extend = Some(&extend);
        let body = sms.request().unwrap().to_heapless::<4096>().unwrap();
        let pairs = form_decode(&body);
        prop_assert_eq!(&pairs[1], &("to".to_owned(), "+8615123456789,+8615123456790".to_owned()));
        let decoded: Vec<String> = serde_json::from_str(&pairs[3].1).unwrap();
        prop_assert_eq!(decoded, paras);
        prop_assert_eq!(&pairs[4].1, &extend);
    }

    /// batchSendDiffSms: serde_json reads the body back.
    #[test]
    fn diff_sms_is_json_of_its_fields(paras in proptest::collection::vec("\\PC{1,12}", 0..3)) {
        let refs: Vec<&str> = paras.iter().map(String::as_str).collect();
        let to = ["+8615123456789"];
        let mut content = SmsContent::new(&to, "t1");
        if !refs.is_empty() {
            content.template_paras = Some(&refs);
        }
        let contents = [content];
        let body = BatchSendDiffSms::new("c1", &contents).request().unwrap().to_heapless::<1024>().unwrap();
        let v: Value = serde_json::from_str(&body).unwrap();
        if paras.is_empty() {
            prop_assert!(v["smsContent"][0].get("templateParas").is_none());
        } else {
            prop_assert_eq!(&v["smsContent"][0]["templateParas"], &json!(paras));
        }
    }

    /// Whatever serde_json escapes, the reader unescapes to the same text,
    /// in any key order and with unknown keys around.
    #[test]
    fn voice_response_reads_what_serde_json_writes(
        desc in "\\PC{0,40}",
        session in "[ -~]{1,40}",
        port in 0u32..=65535,
        junk in "\\PC{0,20}",
    ) {
        let body = json!({"x": [junk, {"y": null}], "idlePort": port, "resultdesc": desc, "sessionId": session, "resultcode": "0"}).to_string();
        let r = VoiceResponse::parse(&body).unwrap();
        prop_assert_eq!(r.result_code, "0");
        prop_assert_eq!(r.idle_port, Some(port as u16));
        let d = r.result_desc.unwrap();
        prop_assert!(d == desc.as_str());
        let mut buf = vec![0u8; d.decoded_len()];
        prop_assert_eq!(d.decode(&mut buf).unwrap(), desc.as_str());
        prop_assert!(r.session_id.unwrap().chars().eq(session.chars()));
    }

    /// A status report survives any value text, each field decoded on its
    /// own (an encoded & or = in extend included).
    #[test]
    fn status_report_decodes_each_field(extend in "\\PC{1,40}") {
        let enc: String = form_urlencoded_encode(&extend);
        let body = format!("smsMsgId=a_1&status=DELIVRD&extend={enc}");
        let r = StatusReport::parse(&body).unwrap();
        prop_assert!(r.extend.unwrap() == extend.as_str());
    }

    /// Arbitrary input never panics any parser (errors are values).
    #[test]
    fn parsers_never_panic(text in "\\PC{0,200}", bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        for t in [text.as_str(), &String::from_utf8_lossy(&bytes)] {
            let _ = VoiceResponse::parse(t);
            let _ = callsign_core::huawei::sms_api::SmsResponse::parse(t);
            let _ = VoiceNotification::<4>::parse(t);
            let _ = StatusReport::parse(t);
            let _ = TokenResponse::parse(t);
            let _ = callsign_core::http_date::parse_http_date(t);
            let _ = CallStop::new(t).request().map(|r| r.len());
        }
    }
}

/// `quote_plus`-style encoding, written here.
fn form_urlencoded_encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            b' ' => "+".to_owned(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}
