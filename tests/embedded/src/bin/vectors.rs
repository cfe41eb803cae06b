//! Runs every X-AKSK, X-WSSE, Basic, APIG (not node-core), Sinch
//! (application-signed request and callback, voice v2 service callback,
//! webhook, Numbers callback) and Mailgun webhook vector through callsign-core on the
//! emulated microcontroller, prints one line per failure and a summary
//! through semihosting, and exits with status 1 on any mismatch.
#![no_std]
#![no_main]

use callsign_core::basic::{Basic, BASIC_MAX_LEN};
#[cfg(feature = "apig-sinch")]
use callsign_core::huawei::apig;
use callsign_core::huawei::{sms, voice};
#[cfg(feature = "apig-sinch")]
use callsign_core::{Emit, Field};
use callsign_core::{Error, HmacKey, Nonce, Timestamp};
#[cfg(feature = "apig-sinch")]
use callsign_embedded::{generated_byte, SinchBody};
use callsign_embedded::{exit, vectors, Console, Token};
#[cfg(target_arch = "arm")]
use cortex_m_rt::entry;

/// Checks one header writer: the value, its exact length, and the
/// short-buffer rule (BufferTooSmall { needed } and nothing written).
fn check_write(
    len: usize,
    write: impl Fn(&mut [u8]) -> Result<usize, Error>,
    expected: &str,
    buf: &mut [u8],
) -> Result<(), &'static str> {
    if len != expected.len() {
        return Err("len() differs from the expected length");
    }
    let n = write(buf).map_err(|_| "write failed")?;
    if buf.get(..n) != Some(expected.as_bytes()) {
        return Err("value differs");
    }
    let mut short = [0x55u8; 8];
    let cap = len.saturating_sub(1).min(short.len());
    let short_buf = short.get_mut(..cap).ok_or("short buffer")?;
    match write(short_buf) {
        Err(Error::BufferTooSmall { needed }) if needed == len => {}
        _ => return Err("short buffer not refused with the needed length"),
    }
    if short.iter().any(|&b| b != 0x55) {
        return Err("short buffer was written");
    }
    Ok(())
}

fn created(v: &Token) -> Result<Timestamp, &'static str> {
    let t = Timestamp::parse(v.created).map_err(|_| "Timestamp::parse failed")?;
    if Timestamp::from_unix(v.created_unix) != Ok(t) {
        return Err("Timestamp::parse and from_unix disagree");
    }
    Ok(t)
}

fn x_aksk(v: &Token) -> Result<(), &'static str> {
    if v.authorization != voice::AUTHORIZATION {
        return Err("Authorization constant differs");
    }
    let nonce = Nonce::new(v.nonce).map_err(|_| "Nonce::new failed")?;
    let key = HmacKey::new(v.secret);
    let value =
        voice::XAksk::new(v.app_key, &key, &nonce, created(v)?).map_err(|_| "XAksk::new failed")?;
    let mut buf = [0u8; voice::X_AKSK_MAX_LEN];
    check_write(value.len(), |b| value.write(b), v.expected, &mut buf)
}

fn x_wsse(v: &Token) -> Result<(), &'static str> {
    if v.authorization != sms::AUTHORIZATION {
        return Err("Authorization constant differs");
    }
    let nonce = Nonce::new(v.nonce).map_err(|_| "Nonce::new failed")?;
    let encoding = if v.legacy_raw {
        sms::DigestEncoding::LegacyRaw
    } else {
        sms::DigestEncoding::Hex
    };
    let value = sms::XWsse::with_encoding(v.app_key, v.secret, &nonce, created(v)?, encoding)
        .map_err(|_| "XWsse::with_encoding failed")?;
    let mut buf = [0u8; sms::X_WSSE_MAX_LEN];
    check_write(value.len(), |b| value.write(b), v.expected, &mut buf)
}

fn basic(v: &callsign_embedded::Basic) -> Result<(), &'static str> {
    let value = if v.mailgun {
        let key = core::str::from_utf8(v.secret).map_err(|_| "API key is not UTF-8")?;
        Basic::mailgun(key)
    } else {
        Basic::new(v.user, v.secret)
    }
    .map_err(|_| "Basic::new failed")?;
    let mut buf = [0u8; BASIC_MAX_LEN];
    check_write(value.len(), |b| value.write(b), v.expected, &mut buf)
}

#[cfg(feature = "apig-sinch")]
fn apig(v: &callsign_embedded::Apig) -> Result<(), &'static str> {
    use callsign_core::huawei::apig::{Algorithm, Body, Request, Signer, Variant};
    let algorithm = match v.algorithm {
        0 => Algorithm::SdkHmacSha256,
        1 => Algorithm::SdkHmacSm3,
        _ => Algorithm::V11HmacSha256 {
            region: v.region,
            service: v.service,
        },
    };
    let variant = if v.apig_python {
        Variant::ApigPython
    } else {
        Variant::Core
    };
    // Every vector carries X-Sdk-Date; this date must not be used.
    let request = Request::new(v.method, v.host, v.path, Timestamp::UNIX_EPOCH)
        .with_query(v.query)
        .with_headers(v.headers)
        .with_body(Body::Bytes(v.body));
    let signer = Signer::new(v.app_key, v.secret, algorithm, variant);
    if v.error {
        return match signer.and_then(|s| s.sign(&request).map(|_| ())) {
            Err(Error::InvalidLength {
                field: Field::Secret,
                actual: 0,
                ..
            }) => Ok(()),
            _ => Err("the empty secret was not refused"),
        };
    }
    let signer = signer.map_err(|_| "Signer::new failed")?;
    let signed = signer.sign(&request).map_err(|_| "sign failed")?;
    let mut buf = [0u8; apig::AUTHORIZATION_MAX_LEN];
    let auth = signed.authorization();
    check_write(auth.len(), |b| auth.write(b), v.authorization, &mut buf)?;
    let target = signed.request_target();
    let mut buf = [0u8; 512];
    check_write(target.len(), |b| target.write(b), v.request_uri, &mut buf)
}

#[cfg(feature = "apig-sinch")]
fn sinch_app(v: &callsign_embedded::SinchApp) -> Result<(), &'static str> {
    use callsign_core::sinch::application::{
        signing_key, BodyDigest, BodyMd5, Request, Scheme, AUTHORIZATION_MAX_LEN,
        STRING_TO_SIGN_MAX_LEN,
    };
    let digest = match v.body {
        SinchBody::None => BodyDigest::NONE,
        SinchBody::Bytes(b) => BodyDigest::of(b),
        SinchBody::Generated { rule, len } => {
            // 1 MiB, streamed in 256-byte chunks from the rule.
            let mut md5 = BodyMd5::new();
            let mut chunk = [0u8; 256];
            let mut i = 0u32;
            while i < len {
                let n = (len - i).min(chunk.len() as u32);
                for (k, c) in chunk.iter_mut().enumerate().take(n as usize) {
                    *c = generated_byte(rule, i + k as u32);
                }
                md5.update(chunk.get(..n as usize).unwrap_or(&[]));
                i += n;
            }
            md5.finish()
        }
    };
    let request = Request::new(
        Scheme::Application,
        v.method,
        v.target,
        v.content_type,
        v.x_timestamp,
        &digest,
    )
    .map_err(|_| "Request::new failed")?;
    let md5 = request.content_md5();
    let mut buf = [0u8; 32];
    if v.content_md5.is_empty() {
        if md5.len() != 0 {
            return Err("Content-MD5 of no body is not empty");
        }
    } else {
        check_write(md5.len(), |b| md5.write(b), v.content_md5, &mut buf)?;
    }
    let sts = request.string_to_sign();
    let mut buf = [0u8; STRING_TO_SIGN_MAX_LEN];
    check_write(sts.len(), |b| sts.write(b), v.string_to_sign, &mut buf)?;
    let key = signing_key(v.secret.as_bytes());
    if v.error {
        return match key {
            Err(Error::InvalidBase64 {
                field: Field::Secret,
                ..
            }) => Ok(()),
            _ => Err("the invalid secret was not refused"),
        };
    }
    let key = key.map_err(|_| "signing_key failed")?;
    let auth = request.sign(v.key, &key).map_err(|_| "sign failed")?;
    let mut buf = [0u8; AUTHORIZATION_MAX_LEN];
    check_write(auth.len(), |b| auth.write(b), v.authorization, &mut buf)
}

#[cfg(feature = "apig-sinch")]
fn check(v: &callsign_embedded::Check) -> Result<(), &'static str> {
    use callsign_core::sinch::application::{
        signing_key, BodyDigest, BodyMd5, Request, Scheme, AUTHORIZATION_MAX_LEN,
    };
    use callsign_core::sinch::callback::{CallbackHeaders, CallbackVerifier};
    use callsign_core::sinch::{numbers, webhook};
    use callsign_core::verify::{Checks, Freshness};
    use callsign_core::mailgun;
    use callsign_embedded::CheckKind;
    let md5 = || {
        let mut md5 = BodyMd5::new();
        v.body.chunks(|c| md5.update(c));
        md5.finish()
    };
    let mut buf = [0u8; AUTHORIZATION_MAX_LEN];
    let result = match (v.kind, v.sign) {
        (CheckKind::AppCallback | CheckKind::ServiceCallback, false) => {
            let scheme = if v.kind == CheckKind::AppCallback {
                Scheme::Application
            } else {
                Scheme::Service
            };
            let key = signing_key(v.secret.as_bytes()).map_err(|_| "signing_key failed")?;
            let headers =
                CallbackHeaders::from_headers(v.headers).map_err(|_| "CallbackHeaders failed")?;
            let digest = match v.body {
                SinchBody::None => BodyDigest::NONE,
                _ => md5(),
            };
            CallbackVerifier::new(scheme, v.key_id, &key).verify_digest(
                v.method,
                v.path,
                &headers,
                &digest,
                Checks::SignatureOnly,
            )
        }
        (CheckKind::ServiceCallback, true) => {
            let key = signing_key(v.secret.as_bytes()).map_err(|_| "signing_key failed")?;
            let digest = match v.body {
                SinchBody::None => BodyDigest::NONE,
                _ => md5(),
            };
            let request = Request::new(
                Scheme::Service,
                v.method,
                v.path,
                v.content_type,
                v.timestamp,
                &digest,
            )
            .map_err(|_| "Request::new failed")?;
            let auth = request.sign(v.key_id, &key).map_err(|_| "sign failed")?;
            return check_write(auth.len(), |b| auth.write(b), v.signature, &mut buf);
        }
        (CheckKind::Webhook, sign) => {
            let key = HmacKey::new(v.secret.as_bytes());
            let mut mac = webhook::WebhookMac::new(&key);
            v.body.chunks(|c| mac.update(c));
            if sign {
                let sig = mac.sign(v.nonce, v.timestamp).map_err(|_| "sign failed")?;
                return check_write(sig.len(), |b| sig.write(b), v.signature, &mut buf);
            }
            let headers =
                webhook::WebhookHeaders::from_headers(v.headers).map_err(|_| "WebhookHeaders failed")?;
            mac.verify(&headers, Checks::SignatureOnly)
        }
        (CheckKind::Numbers, sign) => {
            let mut mac =
                numbers::NumbersMac::new(v.secret.as_bytes()).map_err(|_| "NumbersMac::new failed")?;
            v.body.chunks(|c| mac.update(c));
            if sign {
                let sig = mac.sign();
                return check_write(sig.len(), |b| sig.write(b), v.signature, &mut buf);
            }
            let header = numbers::signature_header(v.headers).map_err(|_| "signature_header failed")?;
            mac.verify(header)
        }
        (CheckKind::Mailgun, sign) => {
            let key = HmacKey::new(v.secret.as_bytes());
            if sign {
                let sig = mailgun::sign(&key, v.timestamp, v.token).map_err(|_| "sign failed")?;
                return check_write(sig.len(), |b| sig.write(b), v.signature, &mut buf);
            }
            let checks = if v.max_age == 0 {
                Checks::SignatureOnly
            } else {
                Checks::Fresh(Freshness::new(v.now, v.max_age))
            };
            mailgun::verify(&key, v.timestamp, v.token, v.signature, checks)
        }
        (CheckKind::AppCallback, true) => return Err("no sign operation for this scheme"),
    };
    match (v.valid, result) {
        (true, Ok(())) | (false, Err(_)) => Ok(()),
        (true, Err(_)) => Err("an authentic message was rejected"),
        (false, Ok(())) => Err("a tampered message was accepted"),
    }
}

#[cfg_attr(target_arch = "arm", entry)]
#[cfg_attr(target_arch = "riscv32", export_name = "main")]
fn main() -> ! {
    let mut con = Console::open();
    let (mut passed, mut failed) = (0u64, 0u64);
    let mut report = |con: &mut Console, scheme: &str, id: &str, r: Result<(), &str>| match r {
        Ok(()) => passed += 1,
        Err(why) => {
            failed += 1;
            con.put("firmware: FAIL ")
                .put(scheme)
                .put(" ")
                .put(id)
                .put(": ")
                .put(why)
                .put("\n");
        }
    };
    for v in &vectors::X_AKSK {
        report(&mut con, "x-aksk", v.id, x_aksk(v));
    }
    for v in &vectors::X_WSSE {
        report(&mut con, "x-wsse", v.id, x_wsse(v));
    }
    for v in &vectors::BASIC {
        report(&mut con, "basic", v.id, basic(v));
    }
    #[cfg(feature = "apig-sinch")]
    for v in &vectors::APIG {
        report(&mut con, "apig", v.id, apig(v));
    }
    #[cfg(feature = "apig-sinch")]
    for v in &vectors::SINCH_APP {
        report(&mut con, "sinch-app", v.id, sinch_app(v));
    }
    #[cfg(feature = "apig-sinch")]
    for v in &vectors::CHECKS {
        report(&mut con, "sinch-mailgun-check", v.id, check(v));
    }
    #[cfg(feature = "panic-probe")]
    if callsign_embedded::panic_probe(passed as usize) == 0 {
        failed += 1;
    }
    con.put("firmware: ")
        .num(vectors::X_AKSK.len() as u64)
        .put(" X-AKSK, ")
        .num(vectors::X_WSSE.len() as u64)
        .put(" X-WSSE, ")
        .num(vectors::BASIC.len() as u64)
        .put(" Basic");
    #[cfg(feature = "apig-sinch")]
    con.put(", ")
        .num(vectors::APIG.len() as u64)
        .put(" APIG, ")
        .num(vectors::SINCH_APP.len() as u64)
        .put(" Sinch application-signed, ")
        .num(vectors::CHECKS.len() as u64)
        .put(" Sinch callback/webhook/Numbers and Mailgun webhook");
    con.put(" vectors: ")
        .num(passed)
        .put(" passed, ")
        .num(failed)
        .put(" failed\n");
    exit(failed == 0 && passed > 0)
}
