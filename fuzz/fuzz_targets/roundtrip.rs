//! Sign -> verify round trips for every scheme, with fuzzer-chosen
//! credentials, nonces, times and bodies: each verifier accepts what the
//! signer made (signature only, and inside a window), and refuses it once
//! a byte of the signature, the nonce, the timestamp or the body is
//! flipped. The X-AKSK / X-WSSE text parses back (`ParsedToken::parse`)
//! into the fields signed; a Basic value decodes (`base64` crate) into
//! `user:secret`.
#![no_main]

use base64::Engine;
use callsign_core::basic::Basic;
use callsign_core::huawei::sms::{DigestEncoding, XWsse};
use callsign_core::huawei::verify::{verify_x_aksk, verify_x_wsse, ParsedToken};
use callsign_core::huawei::voice::XAksk;
use callsign_core::sinch::application::{signing_key, BodyDigest, Request, Scheme};
use callsign_core::sinch::callback::{CallbackHeaders, CallbackVerifier};
use callsign_core::sinch::webhook::{self, WebhookHeaders};
use callsign_core::verify::{Checks, Freshness};
use callsign_core::{mailgun, sinch::numbers, HmacKey, Nonce, Timestamp};
use callsign_fuzz::{emit_checked, flip_ascii, Input};
use libfuzzer_sys::fuzz_target;

const MAX_UNIX: u64 = 253_402_300_799;

/// Where to flip, and with what.
struct Flip {
    at: usize,
    with: u8,
}

/// Flips byte `flip.at` (mod the length) of `text[range]`, keeping ASCII.
fn flip_in(text: &str, start: usize, len: usize, flip: &Flip) -> Option<String> {
    if len == 0 {
        return None;
    }
    let field = &text[start..start + len];
    let flipped = flip_ascii(field, flip.at, flip.with)?;
    Some(format!(
        "{}{}{}",
        &text[..start],
        flipped,
        &text[start + len..]
    ))
}

fn flip_bytes(b: &[u8], flip: &Flip) -> Option<Vec<u8>> {
    if b.is_empty() {
        return None;
    }
    let mut v = b.to_vec();
    let i = flip.at % v.len();
    v[i] ^= flip.with.max(1);
    Some(v)
}

/// The offset of the value of `name="…"` in a UsernameToken text.
fn value_span(text: &str, name: &str) -> (usize, usize) {
    let start = text.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
    let len = text[start..].find('"').unwrap();
    (start, len)
}

fuzz_target!(|data: &[u8]| {
    let mut input = Input::new(data);
    let which = input.byte() % 8;
    let flip = Flip {
        at: usize::from(input.u16()),
        with: input.byte(),
    };
    let user = input.text();
    let secret = input.blob();
    let nonce_text = input.text();
    let unix = input.u64() % (MAX_UNIX + 1);
    let body = input.rest();
    let key = HmacKey::new(secret);
    let ts = Timestamp::from_unix(unix).unwrap();

    match which {
        0..=2 => {
            let Ok(nonce) = Nonce::new(nonce_text) else {
                return;
            };
            let encoding = if which == 2 {
                DigestEncoding::LegacyRaw
            } else {
                DigestEncoding::Hex
            };
            let (text, digest) = if which == 0 {
                let Ok(x) = XAksk::new(user, &key, &nonce, ts) else {
                    return;
                };
                (emit_checked(&x, flip.at), x.password_digest().to_string())
            } else {
                let Ok(x) = XWsse::with_encoding(user, secret, &nonce, ts, encoding) else {
                    return;
                };
                (emit_checked(&x, flip.at), x.password_digest().to_string())
            };
            let text = String::from_utf8(text).unwrap();
            let verify = |value: &str, checks: Checks<'_>| -> bool {
                let Ok(token) = ParsedToken::parse(value) else {
                    return false;
                };
                if which == 0 {
                    verify_x_aksk(&token, user, &key, checks).is_ok()
                } else {
                    verify_x_wsse(&token, user, secret, encoding, checks).is_ok()
                }
            };
            // Parsed back: the same fields.
            let token = ParsedToken::parse(&text).expect("own output parses");
            assert_eq!(token.username(), user);
            assert_eq!(token.password_digest(), digest);
            assert_eq!(token.nonce(), nonce.as_str());
            assert_eq!(token.created(), ts);
            assert!(verify(&text, Checks::SignatureOnly), "round trip refused");
            assert!(verify(
                &text,
                Checks::Fresh(Freshness::default_window(unix))
            ));
            for name in ["PasswordDigest", "Nonce", "Created"] {
                let (start, len) = value_span(&text, name);
                if let Some(bad) = flip_in(&text, start, len, &flip) {
                    assert!(
                        !verify(&bad, Checks::SignatureOnly),
                        "{name} flipped: {bad}"
                    );
                }
            }
        }
        3 => {
            // Basic: decodes to user:secret.
            let Ok(b) = Basic::new(user, secret) else {
                return;
            };
            let text = String::from_utf8(emit_checked(&b, flip.at)).unwrap();
            let encoded = text.strip_prefix("Basic ").expect("Basic prefix");
            let decoded = base64::engine::general_purpose::STANDARD
                .decode(encoded)
                .unwrap();
            assert_eq!(decoded, [user.as_bytes(), b":", secret].concat());
        }
        4 => {
            // Sinch webhook.
            let timestamp = unix.to_string();
            let Ok(sig) = webhook::sign(&key, body, nonce_text, &timestamp) else {
                return;
            };
            let verify = |s: &str, n: &str, t: &str, b: &[u8], checks| {
                let h = WebhookHeaders {
                    signature: Some(s),
                    nonce: Some(n),
                    timestamp: Some(t),
                    algorithm: Some("HmacSHA256"),
                };
                webhook::verify(&key, &h, b, checks).is_ok()
            };
            let s = sig.as_str();
            assert!(verify(
                s,
                nonce_text,
                &timestamp,
                body,
                Checks::SignatureOnly
            ));
            assert!(verify(
                s,
                nonce_text,
                &timestamp,
                body,
                Checks::Fresh(Freshness::default_window(unix))
            ));
            if let Some(bad) = flip_ascii(s, flip.at, flip.with) {
                assert!(!verify(
                    &bad,
                    nonce_text,
                    &timestamp,
                    body,
                    Checks::SignatureOnly
                ));
            }
            if let Some(bad) = flip_ascii(nonce_text, flip.at, flip.with) {
                assert!(!verify(s, &bad, &timestamp, body, Checks::SignatureOnly));
            }
            if let Some(bad) = flip_ascii(&timestamp, flip.at, flip.with) {
                assert!(!verify(s, nonce_text, &bad, body, Checks::SignatureOnly));
            }
            if let Some(bad) = flip_bytes(body, &flip) {
                assert!(!verify(
                    s,
                    nonce_text,
                    &timestamp,
                    &bad,
                    Checks::SignatureOnly
                ));
            }
        }
        5 => {
            // Sinch Numbers.
            let Ok(sig) = numbers::sign(secret, body) else {
                return;
            };
            let s = sig.as_str();
            assert!(numbers::verify(secret, Some(s), body).is_ok());
            if let Some(bad) = flip_ascii(s, flip.at, flip.with) {
                assert!(numbers::verify(secret, Some(&bad), body).is_err());
            }
            if let Some(bad) = flip_bytes(body, &flip) {
                assert!(numbers::verify(secret, Some(s), &bad).is_err());
            }
        }
        6 => {
            // Mailgun: the token is the "nonce".
            let timestamp = unix.to_string();
            let Ok(sig) = mailgun::sign(&key, &timestamp, nonce_text) else {
                return;
            };
            let s = sig.as_str();
            let ok = |t: &str, n: &str, s: &str, c| mailgun::verify(&key, t, n, s, c).is_ok();
            assert!(ok(&timestamp, nonce_text, s, Checks::SignatureOnly));
            assert!(ok(
                &timestamp,
                nonce_text,
                s,
                Checks::Fresh(Freshness::new(unix, 900))
            ));
            if let Some(bad) = flip_ascii(s, flip.at, flip.with) {
                assert!(!ok(&timestamp, nonce_text, &bad, Checks::SignatureOnly));
            }
            if let Some(bad) = flip_ascii(nonce_text, flip.at, flip.with) {
                assert!(!ok(&timestamp, &bad, s, Checks::SignatureOnly));
            }
            if let Some(bad) = flip_ascii(&timestamp, flip.at, flip.with) {
                assert!(!ok(&bad, nonce_text, s, Checks::SignatureOnly));
            }
        }
        _ => {
            // Sinch Application / service: the secret is Base64 text, the
            // key id the user; the x-timestamp comes from the time.
            let scheme = if flip.with & 0x80 != 0 {
                Scheme::Service
            } else {
                Scheme::Application
            };
            let b64 = base64::engine::general_purpose::STANDARD.encode(secret);
            let Ok(skey) = signing_key(b64.as_bytes()) else {
                return;
            };
            let x_ts = ts.extended().to_array();
            let x_ts = std::str::from_utf8(&x_ts).unwrap();
            let (method, path, ct) = ("POST", "/sinch/callback/ace", Some("application/json"));
            let digest = BodyDigest::of(body);
            let request = Request::new(scheme, method, path, ct, x_ts, &digest).unwrap();
            let Ok(auth) = request.sign(user, &skey) else {
                return;
            };
            let auth_text = auth.to_string();
            let verifier = CallbackVerifier::new(scheme, user, &skey);
            let verify = |a: &str, t: &str, b: &[u8], checks| {
                let h = CallbackHeaders {
                    authorization: Some(a),
                    content_type: ct,
                    x_timestamp: Some(t),
                };
                verifier.verify(method, path, &h, b, checks).is_ok()
            };
            assert!(verify(&auth_text, x_ts, body, Checks::SignatureOnly));
            assert!(verify(
                &auth_text,
                x_ts,
                body,
                Checks::Fresh(Freshness::default_window(unix))
            ));
            let sig_at = auth_text.len() - auth.signature().len();
            if let Some(bad) = flip_in(&auth_text, sig_at, auth.signature().len(), &flip) {
                assert!(!verify(&bad, x_ts, body, Checks::SignatureOnly));
            }
            if let Some(bad) = flip_ascii(x_ts, flip.at, flip.with) {
                assert!(!verify(&auth_text, &bad, body, Checks::SignatureOnly));
            }
            if let Some(bad) = flip_bytes(body, &flip) {
                assert!(!verify(&auth_text, x_ts, &bad, Checks::SignatureOnly));
            }
        }
    }
});
