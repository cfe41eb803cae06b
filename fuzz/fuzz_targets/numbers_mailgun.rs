//! Sinch Numbers callbacks (`sinch::numbers::verify`, hex HMAC-SHA1) and
//! Mailgun webhooks (`mailgun::verify`, hex HMAC-SHA256 of timestamp ‖
//! token) on arbitrary signatures, timestamps, tokens, secrets and bodies.
//! Oracle: acceptance only when the `hex` crate decodes the (lowercase)
//! signature to the MAC the `hmac` crate computes, and the timestamp and
//! token are well-formed.
#![no_main]

use callsign_core::verify::{Checks, Freshness};
use callsign_core::{mailgun, sinch::numbers, HmacKey};
use callsign_fuzz::{ref_hex_lower_decode, ref_hmac_sha1, ref_hmac_sha256, Input};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut input = Input::new(data);
    let which = input.byte();
    let secret = input.long_blob();
    let signature = input.text();
    if which & 1 == 0 {
        let absent = which & 2 == 2;
        let body = input.rest();
        let result = numbers::verify(secret, (!absent).then_some(signature), body);
        let reference = !absent
            && (1..=1024).contains(&secret.len())
            && ref_hex_lower_decode(signature.as_bytes()).as_deref()
                == Some(&ref_hmac_sha1(secret, body)[..]);
        assert_eq!(result.is_ok(), reference, "{result:?}");
        if result.is_ok() {
            assert_eq!(numbers::sign(secret, body).unwrap().as_str(), signature);
        }
    } else {
        let timestamp = input.text();
        let token = input.text();
        let key = HmacKey::new(secret);
        let result = mailgun::verify(&key, timestamp, token, signature, Checks::SignatureOnly);
        let ts_ok = (1..=20).contains(&timestamp.len())
            && timestamp.bytes().all(|b| b.is_ascii_digit())
            && timestamp.parse::<u64>().is_ok();
        let token_ok =
            (1..=256).contains(&token.len()) && token.bytes().all(|b| b.is_ascii_graphic());
        let mac = ref_hmac_sha256(secret, &[timestamp.as_bytes(), token.as_bytes()]);
        let reference = ts_ok
            && token_ok
            && ref_hex_lower_decode(signature.as_bytes()).as_deref() == Some(&mac[..]);
        assert_eq!(result.is_ok(), reference, "{result:?}");
        if let Ok(t) = timestamp.parse::<u64>() {
            let fresh = mailgun::verify(
                &key,
                timestamp,
                token,
                signature,
                Checks::Fresh(Freshness::new(t, mailgun::DEFAULT_MAX_AGE_SECS)),
            );
            assert_eq!(fresh.is_ok(), reference);
        }
    }
});
