//! `X-AKSK` / `X-WSSE` header values: `huawei::verify::ParsedToken::parse`
//! on arbitrary text, then `verify_x_aksk` and `verify_x_wsse` (both digest
//! encodings) with a fixed secret. Oracles: a parsed token prints back as
//! the same text (modulo the optional space after `,`) and parses to the
//! same fields; a verifier accepts only when the `hmac`/`sha2` and
//! `base64` crates say the digest is the right one.
#![no_main]

use callsign_core::huawei::sms::DigestEncoding;
use callsign_core::huawei::verify::{verify_x_aksk, verify_x_wsse, ParsedToken};
use callsign_core::verify::{Checks, Freshness, ReplayCache};
use callsign_core::{Error, HmacKey};
use callsign_fuzz::{ref_b64_decode, ref_hmac_sha256, ref_sha256, utf8_prefix};
use libfuzzer_sys::fuzz_target;

const SECRET: &[u8] = b"Zy9Xw8Vu7Ts6Rq5Po4Nm3Lk2Ji1H";

fuzz_target!(|data: &[u8]| {
    let value = utf8_prefix(data);
    let token = match ParsedToken::parse(value) {
        Ok(t) => t,
        Err(e) => {
            assert!(
                matches!(e, Error::Malformed { position, .. } if position <= value.len()),
                "{e:?}"
            );
            return;
        }
    };
    let created = token.created().extended().to_array();
    let created = std::str::from_utf8(&created).unwrap();
    let printed = format!(
        r#"UsernameToken Username="{}",PasswordDigest="{}",Nonce="{}",Created="{}""#,
        token.username(),
        token.password_digest(),
        token.nonce(),
        created
    );
    assert_eq!(printed, value.replace(", ", ","), "parse -> print");
    // The same fields (the token's private offset of the digest, used in
    // error positions, moves with the optional spaces).
    let again = ParsedToken::parse(&printed).expect("printed token parses");
    assert_eq!(
        (
            again.username(),
            again.password_digest(),
            again.nonce(),
            again.created()
        ),
        (
            token.username(),
            token.password_digest(),
            token.nonce(),
            token.created()
        )
    );

    let user = token.username();
    let digest = token.password_digest().as_bytes();
    let created_b = created.as_bytes();
    let nonce = token.nonce().as_bytes();

    let key = HmacKey::new(SECRET);
    let aksk_ok = ref_b64_decode(digest).as_deref()
        == Some(&ref_hmac_sha256(SECRET, &[nonce, created_b])[..]);
    let r = verify_x_aksk(&token, user, &key, Checks::SignatureOnly);
    assert_eq!(r.is_ok(), aksk_ok, "{r:?}");
    // Another username is refused whatever the digest.
    let other = format!("{user}x");
    assert!(verify_x_aksk(&token, &other, &key, Checks::SignatureOnly).is_err());

    let raw = ref_sha256(&[nonce, created_b, SECRET].concat());
    let hex_ok = ref_b64_decode(digest).as_deref() == Some(hex::encode(raw).as_bytes());
    let raw_ok = ref_b64_decode(digest).as_deref() == Some(&raw[..]);
    let r = verify_x_wsse(
        &token,
        user,
        SECRET,
        DigestEncoding::Hex,
        Checks::SignatureOnly,
    );
    assert_eq!(r.is_ok(), hex_ok, "{r:?}");
    let r = verify_x_wsse(
        &token,
        user,
        SECRET,
        DigestEncoding::LegacyRaw,
        Checks::SignatureOnly,
    );
    assert_eq!(r.is_ok(), raw_ok, "{r:?}");

    // With a window and a replay cache: never more than once.
    let now = token.created().unix();
    let mut cache = ReplayCache::<4>::default();
    let first = verify_x_aksk(
        &token,
        user,
        &key,
        Checks::FreshOnce(Freshness::default_window(now), &mut cache),
    );
    assert_eq!(first.is_ok(), aksk_ok);
    let again = verify_x_aksk(
        &token,
        user,
        &key,
        Checks::FreshOnce(Freshness::default_window(now), &mut cache),
    );
    assert!(again.is_err());
});
