//! Sinch Application-signed callbacks and Voice v2 `service` webhooks:
//! `sinch::callback::CallbackVerifier::verify` over arbitrary method, path,
//! headers (so arbitrary `Authorization` of both schemes and
//! `x-timestamp`) and body; `sinch::parse_x_timestamp` on the received
//! timestamp; `sinch::callback::decoded_path` (percent-decoding) on the
//! path at fuzzer-chosen buffer sizes. Oracles: acceptance only when the
//! signature is the `hmac`/`sha2` one over the independently rebuilt
//! string to sign; the decoded path equals a reference decoder's.
#![no_main]

use callsign_core::sinch::application::{signing_key, Scheme};
use callsign_core::sinch::callback::{decoded_path, CallbackHeaders, CallbackVerifier};
use callsign_core::sinch::parse_x_timestamp;
use callsign_core::verify::{Checks, Freshness};
use callsign_core::Error;
use callsign_fuzz::{ref_b64, ref_b64_decode, ref_decoded_path, ref_hmac_sha256, Input};
use libfuzzer_sys::fuzz_target;
use md5::Digest;

const KEY_ID: &str = "669E367E-6BBA-48AB-AF15-266871C28135";
const SECRET_B64: &[u8] = b"BeIukql3pTKJ8RGL5zo0DA==";

fuzz_target!(|data: &[u8]| {
    let mut input = Input::new(data);
    let scheme = if input.bool() {
        Scheme::Service
    } else {
        Scheme::Application
    };
    let cap = usize::from(input.byte());
    let method = input.text();
    let path = input.long_text();
    let headers = input.pairs(6);
    let body = input.rest();

    // Percent-decoding, with the buffer rule.
    let mut buf = vec![0xA5u8; cap];
    match decoded_path(path, &mut buf) {
        Ok(n) => {
            assert_eq!(&buf[..n], &ref_decoded_path(path)[..], "{path:?}");
            assert!(buf[n..].iter().all(|&b| b == 0xA5));
        }
        Err(Error::BufferTooSmall { needed }) => {
            assert!(needed > cap);
            assert!(buf.iter().all(|&b| b == 0xA5), "written on error");
            let mut big = vec![0u8; needed];
            assert_eq!(decoded_path(path, &mut big), Ok(needed));
            assert_eq!(big, ref_decoded_path(path));
        }
        Err(_) => assert!(buf.iter().all(|&b| b == 0xA5), "written on error"),
    }

    let parsed = match CallbackHeaders::from_headers(&headers) {
        Ok(h) => h,
        Err(e) => {
            assert!(matches!(e, Error::DuplicateHeader { first, second } if first < second));
            return;
        }
    };
    if let Some(t) = parsed.x_timestamp {
        let _ = parse_x_timestamp(t);
    }
    let key = signing_key(SECRET_B64).unwrap();
    let verifier = CallbackVerifier::new(scheme, KEY_ID, &key);
    let result = verifier.verify(method, path, &parsed, body, Checks::SignatureOnly);

    // The reference: the received signature must be HMAC-SHA256 under the
    // decoded secret of METHOD \n Content-MD5 \n Content-Type \n
    // x-timestamp:T \n decoded-path.
    if result.is_ok() {
        let auth = parsed.authorization.unwrap();
        let (word, rest) = auth.split_once(' ').unwrap();
        assert!(word.eq_ignore_ascii_case(scheme.word()));
        let (id, sig) = rest.split_once(':').unwrap();
        assert_eq!(id, KEY_ID);
        let md5 = if body.is_empty() && scheme == Scheme::Application {
            String::new()
        } else {
            ref_b64(&md5::Md5::digest(body))
        };
        let string_to_sign = [
            method.to_ascii_uppercase().as_bytes(),
            b"\n",
            md5.as_bytes(),
            b"\n",
            parsed.content_type.unwrap_or("").as_bytes(),
            b"\nx-timestamp:",
            parsed.x_timestamp.unwrap().as_bytes(),
            b"\n",
            &ref_decoded_path(path),
        ]
        .concat();
        let secret = ref_b64_decode(SECRET_B64).unwrap();
        assert_eq!(
            ref_b64_decode(sig.as_bytes()).as_deref(),
            Some(&ref_hmac_sha256(&secret, &[&string_to_sign])[..]),
            "accepted a signature the reference refuses"
        );
    }
    // A window only adds checks.
    if let Some(t) = parsed.x_timestamp.and_then(|t| parse_x_timestamp(t).ok()) {
        let fresh = verifier.verify(
            method,
            path,
            &parsed,
            body,
            Checks::Fresh(Freshness::default_window(t)),
        );
        assert_eq!(fresh.is_ok(), result.is_ok());
    }
});
