//! Sinch Conversation/SMS webhooks: `sinch::webhook::verify` over arbitrary
//! headers (signature, nonce, timestamp, algorithm; any case, duplicates)
//! and body, signature-only and with a window. Oracle: acceptance only when
//! the `base64` crate decodes the signature to the `hmac`/`sha2` MAC of
//! body ‖ `.` ‖ nonce ‖ `.` ‖ timestamp, the algorithm (if any) is
//! HmacSHA256 and the nonce and timestamp are well-formed.
#![no_main]

use callsign_core::sinch::webhook::{self, WebhookHeaders};
use callsign_core::verify::{parse_unix_seconds, Checks, Freshness};
use callsign_core::{Error, HmacKey};
use callsign_fuzz::{ref_b64_decode, ref_hmac_sha256, Input};
use libfuzzer_sys::fuzz_target;

const SECRET: &[u8] = b"foo_secret1234";

fuzz_target!(|data: &[u8]| {
    let mut input = Input::new(data);
    let headers = input.pairs(6);
    let body = input.rest();
    let parsed = match WebhookHeaders::from_headers(&headers) {
        Ok(h) => h,
        Err(e) => {
            assert!(matches!(e, Error::DuplicateHeader { first, second } if first < second));
            return;
        }
    };
    let key = HmacKey::new(SECRET);
    let result = webhook::verify(&key, &parsed, body, Checks::SignatureOnly);
    let reference = (|| {
        let (sig, nonce, ts) = (parsed.signature?, parsed.nonce?, parsed.timestamp?);
        if let Some(a) = parsed.algorithm {
            if !a.eq_ignore_ascii_case("HmacSHA256") {
                return None;
            }
        }
        let nonce_ok = (1..=256).contains(&nonce.len())
            && nonce
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        let ts_ok = (1..=20).contains(&ts.len())
            && ts.bytes().all(|b| b.is_ascii_digit())
            && ts.parse::<u64>().is_ok();
        let mac = ref_hmac_sha256(SECRET, &[body, b".", nonce.as_bytes(), b".", ts.as_bytes()]);
        Some(nonce_ok && ts_ok && ref_b64_decode(sig.as_bytes()).as_deref() == Some(&mac[..]))
    })()
    .unwrap_or(false);
    assert_eq!(result.is_ok(), reference, "{result:?}");

    if let Some(t) = parsed.timestamp.and_then(|t| parse_unix_seconds(t).ok()) {
        let fresh = webhook::verify(
            &key,
            &parsed,
            body,
            Checks::Fresh(Freshness::default_window(t)),
        );
        assert_eq!(fresh.is_ok(), reference);
        let stale = webhook::verify(
            &key,
            &parsed,
            body,
            Checks::Fresh(Freshness::new(t.saturating_add(301), 300)),
        );
        assert!(stale.is_err() || t.saturating_add(301) == t);
    }
});
