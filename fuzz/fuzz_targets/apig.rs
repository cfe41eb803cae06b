//! The API Gateway signer (`huawei::apig`) over arbitrary algorithm,
//! variant, credentials, method, host, path, query, headers, body and date
//! (structured input read with `arbitrary::Unstructured`, see
//! `callsign_fuzz`): it must sign or return an error. When it signs:
//! - `explain` writes the canonical request and the string to sign; the
//!   SHA-256 (SM3 for SDK-HMAC-SM3) of the canonical request, by the `sha2`
//!   (`sm3`) crate, is the hash the string to sign ends with, and that
//!   string is the one `string_to_sign()` writes;
//! - the signature is the HMAC of that string by the `hmac` crate, keyed
//!   with the secret (V11: the hex of HKDF-SHA256 by the `hkdf` crate);
//! - `explain` into a short buffer is refused with the exact size, nothing
//!   written; every text (`authorization`, `signed_headers`,
//!   `request_target`, `canonical_request`) obeys the buffer rule;
//! - the canonical request starts with the upper-cased method and ends
//!   with the signed-header list and the body hash.
#![no_main]

use callsign_core::huawei::apig::{Algorithm, Body, Request, Signer, Variant};
use callsign_core::{Error, Timestamp};
use callsign_fuzz::{emit_checked, ref_hmac_sha256, ref_sha256, Input};
use hmac::{Hmac, Mac};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut input = Input::new(data);
    let alg = input.byte() % 3;
    let variant = if input.bool() {
        Variant::ApigPython
    } else {
        Variant::Core
    };
    let app_key = input.text();
    let secret = input.long_blob();
    let region = input.text();
    let service = input.text();
    let method = input.text();
    let host = input.text();
    let path = input.long_text();
    let query = input.pairs(70);
    let headers = input.pairs(36);
    let date = input.u64() % 300_000_000_000;
    let body_kind = input.byte() % 4;
    let digest: [u8; 32] = std::array::from_fn(|_| input.byte());
    let body_bytes = input.rest();

    let algorithm = match alg {
        0 => Algorithm::SdkHmacSha256,
        1 => Algorithm::SdkHmacSm3,
        _ => Algorithm::V11HmacSha256 { region, service },
    };
    let signer = match Signer::new(app_key, secret, algorithm, variant) {
        Ok(s) => s,
        Err(_) => return,
    };
    let Ok(date) = Timestamp::from_unix(date) else {
        return;
    };
    let body = match body_kind {
        0 => Body::Bytes(body_bytes),
        1 => Body::Sha256(digest),
        2 => Body::Sm3(digest),
        _ => Body::Unsigned,
    };
    let request = Request::new(method, host, path, date)
        .with_query(&query)
        .with_headers(&headers)
        .with_body(body);
    let signed = match signer.sign(&request) {
        Ok(s) => s,
        Err(e) => {
            // Errors are values with a meaning; nothing to write.
            let _ = format!("{e}");
            return;
        }
    };

    let sts = emit_checked(&signed.string_to_sign(), usize::from(digest[0]));
    let canonical = emit_checked(&signed.canonical_request(), usize::from(digest[1]));
    let needed = canonical.len() + sts.len();
    let mut short = vec![0xA5u8; needed - 1];
    assert_eq!(
        signed.explain(&mut short),
        Err(Error::BufferTooSmall { needed })
    );
    assert!(short.iter().all(|&b| b == 0xA5), "explain wrote on error");
    let mut buf = vec![0u8; needed];
    let (a, b) = signed.explain(&mut buf).expect("explain fits");
    assert_eq!((a, b), (canonical.len(), sts.len()));
    assert_eq!(&buf[..a], &canonical[..]);
    assert_eq!(&buf[a..], &sts[..]);

    // The hash the string to sign ends with is the canonical request's.
    let hash = if alg == 1 {
        use sm3::Digest;
        let d: [u8; 32] = sm3::Sm3::digest(&canonical).into();
        d
    } else {
        ref_sha256(&canonical)
    };
    assert!(
        sts.ends_with(hex::encode(hash).as_bytes()),
        "explain: hash differs"
    );
    let lines: Vec<&[u8]> = sts.split(|&c| c == b'\n').collect();
    assert_eq!(lines[0], signer_name(alg).as_bytes());
    assert_eq!(lines[1], signed.date().as_bytes());

    // The signature is the HMAC of the string to sign.
    let mac: [u8; 32] = match alg {
        0 => ref_hmac_sha256(secret, &[&sts]),
        1 => {
            let mut m = <Hmac<sm3::Sm3> as Mac>::new_from_slice(secret).unwrap();
            m.update(&sts);
            m.finalize().into_bytes().into()
        }
        _ => {
            let scope = lines[2];
            assert_eq!(
                scope,
                format!("{}/{region}/{service}", &signed.date()[..8]).as_bytes()
            );
            let hk = hkdf::Hkdf::<sha2::Sha256>::new(Some(app_key.as_bytes()), secret);
            let mut okm = [0u8; 32];
            hk.expand(scope, &mut okm).unwrap();
            ref_hmac_sha256(hex::encode(okm).as_bytes(), &[&sts])
        }
    };
    assert_eq!(signed.signature(), hex::encode(mac), "signature differs");

    // The canonical request's shape.
    let mut upper = method.to_ascii_uppercase().into_bytes();
    upper.push(b'\n');
    assert!(canonical.starts_with(&upper));
    let signed_headers = emit_checked(&signed.signed_headers(), 1);
    let clines: Vec<&[u8]> = canonical.split(|&c| c == b'\n').collect();
    assert_eq!(clines[clines.len() - 2], &signed_headers[..]);
    let auth = emit_checked(&signed.authorization(), 3);
    let auth = String::from_utf8(auth).unwrap();
    assert!(auth.starts_with(signer_name(alg)));
    assert!(auth.contains(&format!(
        "SignedHeaders={}, Signature={}",
        String::from_utf8(signed_headers).unwrap(),
        signed.signature()
    )));
    let target = emit_checked(&signed.request_target(), 2);
    assert!(target.starts_with(path.as_bytes()));
    for (name, value) in signed.headers_added() {
        assert!(!name.is_empty());
        let _ = value;
    }
});

fn signer_name(alg: u8) -> &'static str {
    match alg {
        0 => "SDK-HMAC-SHA256",
        1 => "SDK-HMAC-SM3",
        _ => "V11-HMAC-SHA256",
    }
}
