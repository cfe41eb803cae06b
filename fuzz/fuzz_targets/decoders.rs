//! The Base64 and hex decoders of callsign (crate-private; reached through
//! every public entry that decodes) against the `base64` and `hex` crates,
//! on texts made from a right encoding with fuzzer-chosen edits (set,
//! insert, delete a byte, swap case) or given whole:
//! - received Base64 signatures (`verify::decode_base64_exact`), through
//!   `sinch::webhook::verify` (32 bytes), `verify_x_aksk` (32 bytes) and
//!   `verify_x_wsse` (88 characters of hex in Base64);
//! - received hex signatures (`verify::decode_hex_lower_exact`), through
//!   `sinch::numbers::verify` (20 bytes) and `mailgun::verify` (32 bytes);
//! - Sinch secrets (`sinch::application::signing_key`), compared by the key
//!   each side makes.
//!
//! Deliberate differences from the crates' defaults, mirrored in the
//! reference: received Base64 must be padded and canonical (the `base64`
//! crate's STANDARD engine takes missing padding; here it is configured
//! `RequireCanonical`, trailing bits refused); received hex must be
//! lowercase (the `hex` crate takes either case); a Sinch secret may be
//! padded or unpadded, but partial padding (`QQ=`) is refused, as are
//! non-canonical trailing bits, and it must be 1 to 256 characters.
#![no_main]

use base64::Engine;
use callsign_core::huawei::sms::DigestEncoding;
use callsign_core::huawei::verify::{verify_x_aksk, verify_x_wsse, ParsedToken};
use callsign_core::sinch::application::signing_key;
use callsign_core::sinch::webhook::{self, WebhookHeaders};
use callsign_core::verify::Checks;
use callsign_core::{mailgun, sinch::numbers, HmacKey};
use callsign_fuzz::{
    ref_b64, ref_b64_decode, ref_hex_lower_decode, ref_hmac_sha1, ref_hmac_sha256, ref_sha256,
    Input, B64_STRICT, B64_UNPADDED,
};
use libfuzzer_sys::fuzz_target;

const SECRET: &[u8] = b"fuzz-secret";

/// `good` with the edits the input asks for, or the input's text itself.
fn edited(input: &mut Input<'_>, good: &str) -> String {
    if input.byte() & 0x0f == 0x0f {
        return input.text().to_string();
    }
    let mut b = good.as_bytes().to_vec();
    for _ in 0..(input.byte() % 4) {
        let op = input.byte();
        let at = usize::from(input.byte());
        let with = input.byte() & 0x7f;
        match op % 5 {
            0 if !b.is_empty() => {
                let i = at % b.len();
                b[i] = with;
            }
            1 => b.insert(at % (b.len() + 1), with),
            2 if !b.is_empty() => {
                b.remove(at % b.len());
            }
            3 if !b.is_empty() => {
                let i = at % b.len();
                b[i] = if b[i].is_ascii_lowercase() {
                    b[i].to_ascii_uppercase()
                } else {
                    b[i].to_ascii_lowercase()
                };
            }
            _ => {}
        }
    }
    String::from_utf8(b).unwrap_or_default()
}

fuzz_target!(|data: &[u8]| {
    let mut input = Input::new(data);
    let which = input.byte() % 7;
    let payload = input.blob();
    let key = HmacKey::new(SECRET);
    match which {
        0 => {
            // Sinch webhook: Base64 of 32 bytes.
            let (nonce, ts) = ("n0nce", "1634579353");
            let mac = ref_hmac_sha256(
                SECRET,
                &[payload, b".", nonce.as_bytes(), b".", ts.as_bytes()],
            );
            let text = edited(&mut input, &ref_b64(&mac));
            let headers = WebhookHeaders {
                signature: Some(&text),
                nonce: Some(nonce),
                timestamp: Some(ts),
                algorithm: None,
            };
            let got = webhook::verify(&key, &headers, payload, Checks::SignatureOnly).is_ok();
            assert_eq!(
                got,
                ref_b64_decode(text.as_bytes()).as_deref() == Some(&mac[..]),
                "{text:?}"
            );
        }
        1 | 2 => {
            // X-AKSK (Base64 of 32 bytes) and X-WSSE legacy (same shape).
            let nonce = "66c92b11ff8a425fb8d4ccfe0ed9ed1f";
            let created = "2024-03-01T08:15:30Z";
            let want = if which == 1 {
                ref_hmac_sha256(SECRET, &[nonce.as_bytes(), created.as_bytes()])
            } else {
                ref_sha256(&[nonce.as_bytes(), created.as_bytes(), SECRET].concat())
            };
            let text = edited(&mut input, &ref_b64(&want));
            let value = format!(
                r#"UsernameToken Username="u",PasswordDigest="{text}",Nonce="{nonce}",Created="{created}""#
            );
            let expect = ref_b64_decode(text.as_bytes()).as_deref() == Some(&want[..]);
            match ParsedToken::parse(&value) {
                Ok(token) => {
                    let got = if which == 1 {
                        verify_x_aksk(&token, "u", &key, Checks::SignatureOnly)
                    } else {
                        verify_x_wsse(
                            &token,
                            "u",
                            SECRET,
                            DigestEncoding::LegacyRaw,
                            Checks::SignatureOnly,
                        )
                    };
                    assert_eq!(got.is_ok(), expect, "{text:?}");
                }
                // The parser refuses what is not 1 to 88 Base64 characters.
                Err(_) => assert!(!expect, "{text:?}"),
            }
        }
        3 => {
            // X-WSSE normative: Base64 of the 64 hex characters.
            let nonce = "ac1c911c4792492687f8f6b2264a491e";
            let created = "2018-05-26T00:35:30Z";
            let raw = ref_sha256(&[nonce.as_bytes(), created.as_bytes(), SECRET].concat());
            let hex_text = hex::encode(raw);
            let text = edited(&mut input, &ref_b64(hex_text.as_bytes()));
            let value = format!(
                r#"UsernameToken Username="u",PasswordDigest="{text}",Nonce="{nonce}",Created="{created}""#
            );
            let expect = ref_b64_decode(text.as_bytes()).as_deref() == Some(hex_text.as_bytes());
            match ParsedToken::parse(&value) {
                Ok(token) => {
                    let got = verify_x_wsse(
                        &token,
                        "u",
                        SECRET,
                        DigestEncoding::Hex,
                        Checks::SignatureOnly,
                    );
                    assert_eq!(got.is_ok(), expect, "{text:?}");
                }
                Err(_) => assert!(!expect, "{text:?}"),
            }
        }
        4 => {
            // Numbers: lowercase hex of 20 bytes.
            let mac = ref_hmac_sha1(SECRET, payload);
            let text = edited(&mut input, &hex::encode(mac));
            let got = numbers::verify(SECRET, Some(&text), payload).is_ok();
            assert_eq!(
                got,
                ref_hex_lower_decode(text.as_bytes()).as_deref() == Some(&mac[..]),
                "{text:?}"
            );
        }
        5 => {
            // Mailgun: lowercase hex of 32 bytes.
            let (ts, token) = ("1770920772", "c4f1e0a9b8d7c6b5a4f3e2d1c0b9a8f7");
            let mac = ref_hmac_sha256(SECRET, &[ts.as_bytes(), token.as_bytes()]);
            let text = edited(&mut input, &hex::encode(mac));
            let got = mailgun::verify(&key, ts, token, &text, Checks::SignatureOnly).is_ok();
            assert_eq!(
                got,
                ref_hex_lower_decode(text.as_bytes()).as_deref() == Some(&mac[..]),
                "{text:?}"
            );
        }
        _ => {
            // Sinch secret: the key made from the text is the key made from
            // the bytes the `base64` crate decodes.
            let good = if payload.len() % 2 == 0 {
                ref_b64(payload)
            } else {
                B64_UNPADDED.encode(payload)
            };
            let text = edited(&mut input, &good);
            let t = text.as_bytes();
            let reference = if !(1..=256).contains(&t.len()) {
                None
            } else if t.contains(&b'=') {
                B64_STRICT.decode(t).ok()
            } else {
                B64_UNPADDED.decode(t).ok()
            };
            match (signing_key(t), reference) {
                (Ok(k), Some(bytes)) => {
                    assert_eq!(
                        k.mac(b"probe"),
                        ref_hmac_sha256(&bytes, &[b"probe"]),
                        "{text:?}"
                    )
                }
                (Err(_), None) => {}
                (got, want) => panic!(
                    "{text:?}: callsign {:?}, base64 crate {want:?}",
                    got.is_ok()
                ),
            }
        }
    }
});
