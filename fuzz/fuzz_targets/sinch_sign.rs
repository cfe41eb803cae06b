//! The Sinch Application signer (`sinch::application`) over arbitrary
//! scheme, method, request target, content type, `x-timestamp`, body, key
//! id and secret. When it signs: the string to sign equals an independent
//! rebuild (upper-cased method, Content-MD5 by the `md-5` and `base64`
//! crates, content type, `x-timestamp:`, the percent-decoded path); the
//! signature is its HMAC-SHA256 (`hmac` crate) under the secret the
//! `base64` crate decodes; the `Authorization` text is `WORD KEY:SIG`; and
//! the callback verifier accepts the request it describes, once per
//! replay cache, and refuses it with a byte of the body flipped.
#![no_main]

use base64::Engine;
use callsign_core::sinch::application::{signing_key, BodyDigest, Request, Scheme};
use callsign_core::sinch::callback::{CallbackHeaders, CallbackVerifier};
use callsign_core::sinch::parse_x_timestamp;
use callsign_core::verify::{Checks, Freshness, ReplayCache};
use callsign_fuzz::{
    emit_checked, ref_b64, ref_decoded_path, ref_hmac_sha256, Input, B64_STRICT, B64_UNPADDED,
};
use libfuzzer_sys::fuzz_target;
use md5::Digest;

fuzz_target!(|data: &[u8]| {
    let mut input = Input::new(data);
    let scheme = if input.bool() {
        Scheme::Service
    } else {
        Scheme::Application
    };
    let has_ct = input.bool();
    let method = input.text();
    let target = input.long_text();
    let content_type = input.text();
    let x_timestamp = input.text();
    let key_id = input.text();
    let secret = input.text();
    let flip_at = usize::from(input.u16());
    let body = input.rest();
    let content_type = has_ct.then_some(content_type);

    let Ok(key) = signing_key(secret.as_bytes()) else {
        return;
    };
    let digest = BodyDigest::of(body);
    let request = match Request::new(scheme, method, target, content_type, x_timestamp, &digest) {
        Ok(r) => r,
        Err(_) => return,
    };
    let unix = parse_x_timestamp(x_timestamp).expect("a signed x-timestamp parses");

    let md5 = if body.is_empty() && scheme == Scheme::Application {
        String::new()
    } else {
        ref_b64(&md5::Md5::digest(body))
    };
    let want = [
        method.to_ascii_uppercase().as_bytes(),
        b"\n",
        md5.as_bytes(),
        b"\n",
        content_type.unwrap_or("").as_bytes(),
        b"\nx-timestamp:",
        x_timestamp.as_bytes(),
        b"\n",
        &ref_decoded_path(target),
    ]
    .concat();
    let sts = emit_checked(&request.string_to_sign(), flip_at);
    assert_eq!(sts, want, "string to sign");
    let secret_bytes = if secret.contains('=') {
        B64_STRICT.decode(secret)
    } else {
        B64_UNPADDED.decode(secret)
    }
    .expect("signing_key accepted it");
    let mac = ref_hmac_sha256(&secret_bytes, &[&want]);
    assert_eq!(request.signature(&key), mac);

    let Ok(auth) = request.sign(key_id, &key) else {
        return;
    };
    assert_eq!(auth.signature(), ref_b64(&mac));
    let text = String::from_utf8(emit_checked(&auth, 1)).unwrap();
    assert_eq!(
        text,
        format!("{} {key_id}:{}", scheme.word(), ref_b64(&mac))
    );
    assert_eq!(text, auth.to_string());

    // Round trip through the verifier.
    let mut received = vec![
        ("Authorization", text.as_str()),
        ("x-timestamp", x_timestamp),
    ];
    if let Some(ct) = content_type {
        received.push(("Content-Type", ct));
    }
    let headers = CallbackHeaders::from_headers(&received).unwrap();
    let verifier = CallbackVerifier::new(scheme, key_id, &key);
    let verify =
        |body: &[u8], checks: Checks<'_>| verifier.verify(method, target, &headers, body, checks);
    let service_without_ct = scheme == Scheme::Service && content_type.is_none();
    let r = verify(body, Checks::SignatureOnly);
    assert_eq!(r.is_ok(), !service_without_ct, "{r:?}");
    if service_without_ct {
        return;
    }
    let mut cache = ReplayCache::<2>::default();
    let window = Freshness::default_window(unix);
    assert!(verify(body, Checks::FreshOnce(window, &mut cache)).is_ok());
    assert!(
        verify(body, Checks::FreshOnce(window, &mut cache)).is_err(),
        "replayed"
    );
    if !body.is_empty() {
        let mut flipped = body.to_vec();
        flipped[flip_at % body.len()] ^= 1 + (flip_at >> 8) as u8 % 255;
        assert!(
            verify(&flipped, Checks::SignatureOnly).is_err(),
            "flipped body accepted"
        );
    }
});
