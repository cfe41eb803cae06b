//! Properties of the verifiers: sign-then-verify holds for every scheme;
//! one flipped bit in the body, signature, nonce, timestamp or key makes
//! verification fail; the replay cache behaves like a simple model at
//! capacity and across expiry; streamed bodies give the same digests as
//! whole ones, whatever the chunk size.

mod core_common;

use callsign_core::huawei::sms::{DigestEncoding, XWsse};
use callsign_core::huawei::verify::{verify_x_aksk, verify_x_wsse, ParsedToken};
use callsign_core::huawei::voice::XAksk;
use callsign_core::sinch::application::{
    signing_key, BodyDigest, BodyMd5, Request, Scheme, STRING_TO_SIGN_MAX_LEN,
};
use callsign_core::sinch::callback::{CallbackHeaders, CallbackVerifier};
use callsign_core::sinch::{numbers, webhook};
use callsign_core::verify::{Checks, Fingerprint, Freshness, ReplayCache, ReplayGuard};
use callsign_core::{mailgun, Emit, Error, HmacKey, Nonce, Timestamp};
use proptest::collection::vec;
use proptest::prelude::*;

use core_common::{base64, ref_hmac};

/// Flips bit `bit` (modulo the available bits) of `bytes`.
fn flip_byte_bit(bytes: &mut [u8], bit: usize) {
    let bit = bit % (bytes.len() * 8);
    bytes[bit / 8] ^= 1 << (bit % 8);
}

/// Flips one of the low 7 bits of one character of ASCII `text`, so that
/// the result is still ASCII (possibly a control character).
fn flip_ascii_bit(text: &str, bit: usize) -> String {
    assert!(text.is_ascii() && !text.is_empty());
    let mut bytes = text.as_bytes().to_vec();
    let bit = bit % (bytes.len() * 7);
    bytes[bit / 7] ^= 1 << (bit % 7);
    String::from_utf8(bytes).expect("ASCII")
}

/// An `x-timestamp` as the Node SDK writes it (milliseconds, `Z`).
fn x_timestamp(unix: u64, millis: u16) -> String {
    let text = Timestamp::from_unix(unix)
        .expect("in range")
        .extended()
        .to_heapless::<20>()
        .expect("20");
    format!("{}.{millis:03}Z", &text[..19])
}

/// The parts of a signed message that a flipped bit can hit.
#[derive(Clone, Copy, Debug)]
enum Part {
    Body,
    Signature,
    Nonce,
    Timestamp,
    Key,
}

fn part() -> impl Strategy<Value = Part> {
    prop_oneof![
        Just(Part::Body),
        Just(Part::Signature),
        Just(Part::Nonce),
        Just(Part::Timestamp),
        Just(Part::Key),
    ]
}

/// A signed Sinch callback, its inputs, and its verification.
struct SignedCallback {
    scheme: Scheme,
    secret: Vec<u8>,
    key_id: String,
    method: String,
    path: String,
    content_type: String,
    x_timestamp: String,
    body: Vec<u8>,
    authorization: String,
}

impl SignedCallback {
    fn new(
        scheme: Scheme,
        secret: Vec<u8>,
        method: &str,
        path: &str,
        unix: u64,
        body: Vec<u8>,
    ) -> Self {
        let key = signing_key(base64(&secret).as_bytes()).expect("Base64 of bytes");
        let x_timestamp = x_timestamp(unix, 250);
        let content_type = "application/json; charset=utf-8".to_owned();
        let request = Request::new(
            scheme,
            method,
            path,
            Some(&content_type),
            &x_timestamp,
            &BodyDigest::of(&body),
        )
        .expect("valid request");
        let authorization = request.sign("app-key-1", &key).expect("sign").to_string();
        SignedCallback {
            scheme,
            secret,
            key_id: "app-key-1".into(),
            method: method.into(),
            path: path.into(),
            content_type,
            x_timestamp,
            body,
            authorization,
        }
    }

    fn verify(&self, checks: Checks<'_>) -> Result<(), Error> {
        let key = signing_key(base64(&self.secret).as_bytes()).expect("Base64 of bytes");
        let headers = [
            ("authorization", self.authorization.as_str()),
            ("content-type", self.content_type.as_str()),
            ("x-timestamp", self.x_timestamp.as_str()),
        ];
        let headers = CallbackHeaders::from_headers(&headers)?;
        CallbackVerifier::new(self.scheme, &self.key_id, &key).verify(
            &self.method,
            &self.path,
            &headers,
            &self.body,
            checks,
        )
    }
}

/// A signed Sinch webhook.
struct SignedWebhook {
    secret: Vec<u8>,
    body: Vec<u8>,
    nonce: String,
    timestamp: String,
    signature: String,
}

impl SignedWebhook {
    fn new(secret: Vec<u8>, body: Vec<u8>, nonce: String, unix: u64) -> Self {
        let timestamp = unix.to_string();
        let sig = webhook::sign(&HmacKey::new(&secret), &body, &nonce, &timestamp).expect("sign");
        SignedWebhook {
            secret,
            body,
            nonce,
            timestamp,
            signature: sig.as_str().to_owned(),
        }
    }

    fn verify(&self, checks: Checks<'_>) -> Result<(), Error> {
        let headers = [
            ("x-sinch-webhook-signature", self.signature.as_str()),
            ("x-sinch-webhook-signature-nonce", self.nonce.as_str()),
            (
                "x-sinch-webhook-signature-timestamp",
                self.timestamp.as_str(),
            ),
            ("x-sinch-webhook-signature-algorithm", "HmacSHA256"),
        ];
        let headers = webhook::WebhookHeaders::from_headers(&headers)?;
        webhook::verify(&HmacKey::new(&self.secret), &headers, &self.body, checks)
    }
}

const PATHS: &str = "/[a-zA-Z0-9._~-]{1,12}(/[a-zA-Z0-9._~-]{1,12}){0,3}";
const METHODS: &str = "GET|POST|PUT|PATCH|DELETE";
const NONCES: &str = "[A-Za-z0-9]{1,40}";
/// 2001-09-09 to 2286-11-20: ten-digit timestamps.
const UNIX: std::ops::Range<u64> = 1_000_000_000..9_999_999_999;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn sinch_callbacks_verify_what_was_signed(
        service in any::<bool>(),
        secret in vec(any::<u8>(), 1..48),
        method in METHODS,
        path in PATHS,
        unix in UNIX,
        body in vec(any::<u8>(), 0..300),
    ) {
        let scheme = if service { Scheme::Service } else { Scheme::Application };
        let signed = SignedCallback::new(scheme, secret, &method, &path, unix, body);
        prop_assert_eq!(signed.verify(Checks::SignatureOnly), Ok(()));
        prop_assert_eq!(signed.verify(Checks::Fresh(Freshness::default_window(unix + 300))), Ok(()));
        prop_assert_eq!(
            signed.verify(Checks::Fresh(Freshness::default_window(unix + 301))),
            Err(Error::TimestampTooOld)
        );
    }

    #[test]
    fn sinch_callbacks_fail_with_one_flipped_bit(
        service in any::<bool>(),
        secret in vec(any::<u8>(), 1..48),
        method in METHODS,
        path in PATHS,
        unix in UNIX,
        body in vec(any::<u8>(), 1..300),
        part in part(),
        bit in any::<usize>(),
    ) {
        let scheme = if service { Scheme::Service } else { Scheme::Application };
        let mut signed = SignedCallback::new(scheme, secret, &method, &path, unix, body);
        match part {
            Part::Body => flip_byte_bit(&mut signed.body, bit),
            Part::Signature => {
                let (head, sig) = signed.authorization.split_once(':').expect("key:sig");
                signed.authorization = format!("{head}:{}", flip_ascii_bit(sig, bit));
            }
            // Callbacks carry no nonce: the path stands in for it.
            Part::Nonce => signed.path = format!("/{}", flip_ascii_bit(&signed.path[1..], bit)),
            Part::Timestamp => signed.x_timestamp = flip_ascii_bit(&signed.x_timestamp, bit),
            Part::Key => flip_byte_bit(&mut signed.secret, bit),
        }
        prop_assert!(signed.verify(Checks::SignatureOnly).is_err(), "{:?} flipped", part);
    }

    #[test]
    fn webhooks_verify_what_was_signed(
        secret in vec(any::<u8>(), 0..100),
        body in vec(any::<u8>(), 0..300),
        nonce in NONCES,
        unix in UNIX,
        chunk in 1usize..64,
    ) {
        let signed = SignedWebhook::new(secret, body, nonce, unix);
        prop_assert_eq!(signed.verify(Checks::SignatureOnly), Ok(()));
        let mut mac = webhook::WebhookMac::new(&HmacKey::new(&signed.secret));
        for c in signed.body.chunks(chunk) {
            mac.update(c);
        }
        let streamed = mac.sign(&signed.nonce, &signed.timestamp)?;
        prop_assert_eq!(streamed.as_str(), signed.signature.as_str());
        let mut data = signed.body.clone();
        data.extend_from_slice(format!(".{}.{}", signed.nonce, signed.timestamp).as_bytes());
        prop_assert_eq!(base64(&ref_hmac(&signed.secret, &data)), signed.signature.clone());
    }

    #[test]
    fn webhooks_fail_with_one_flipped_bit(
        secret in vec(any::<u8>(), 1..100),
        body in vec(any::<u8>(), 1..300),
        nonce in NONCES,
        unix in UNIX,
        part in part(),
        bit in any::<usize>(),
    ) {
        let mut signed = SignedWebhook::new(secret, body, nonce, unix);
        match part {
            Part::Body => flip_byte_bit(&mut signed.body, bit),
            Part::Signature => signed.signature = flip_ascii_bit(&signed.signature, bit),
            Part::Nonce => signed.nonce = flip_ascii_bit(&signed.nonce, bit),
            Part::Timestamp => signed.timestamp = flip_ascii_bit(&signed.timestamp, bit),
            Part::Key => flip_byte_bit(&mut signed.secret, bit),
        }
        prop_assert!(signed.verify(Checks::SignatureOnly).is_err(), "{:?} flipped", part);
    }

    #[test]
    fn numbers_callbacks_sign_verify_and_flip(
        secret in vec(any::<u8>(), 1..100),
        body in vec(any::<u8>(), 1..300),
        part in prop_oneof![Just(Part::Body), Just(Part::Signature), Just(Part::Key)],
        bit in any::<usize>(),
        chunk in 1usize..64,
    ) {
        let sig = numbers::sign(&secret, &body)?;
        prop_assert_eq!(numbers::verify(&secret, Some(sig.as_str()), &body), Ok(()));
        let mut mac = numbers::NumbersMac::new(&secret)?;
        for c in body.chunks(chunk) {
            mac.update(c);
        }
        prop_assert_eq!(mac.sign(), sig);
        let (mut secret, mut body, mut sig) = (secret, body, sig.as_str().to_owned());
        match part {
            Part::Body => flip_byte_bit(&mut body, bit),
            Part::Signature => sig = flip_ascii_bit(&sig, bit),
            _ => flip_byte_bit(&mut secret, bit),
        }
        prop_assert!(numbers::verify(&secret, Some(&sig), &body).is_err(), "{:?} flipped", part);
    }

    #[test]
    fn mailgun_signs_verifies_and_flips(
        key in vec(any::<u8>(), 0..100),
        unix in UNIX,
        token in "[a-z0-9]{50}",
        part in prop_oneof![Just(Part::Signature), Just(Part::Nonce), Just(Part::Timestamp), Just(Part::Key)],
        bit in any::<usize>(),
    ) {
        let timestamp = unix.to_string();
        let sig = mailgun::sign(&HmacKey::new(&key), &timestamp, &token)?;
        let window = Freshness::new(unix, mailgun::DEFAULT_MAX_AGE_SECS);
        prop_assert_eq!(mailgun::verify(&HmacKey::new(&key), &timestamp, &token, sig.as_str(), Checks::Fresh(window)), Ok(()));
        let (mut key, mut timestamp, mut token, mut sig) = (key, timestamp, token, sig.as_str().to_owned());
        match part {
            Part::Signature => sig = flip_ascii_bit(&sig, bit),
            Part::Nonce => token = flip_ascii_bit(&token, bit),
            Part::Timestamp => timestamp = flip_ascii_bit(&timestamp, bit),
            _ if key.is_empty() => key.push(1),
            _ => flip_byte_bit(&mut key, bit),
        }
        prop_assert!(
            mailgun::verify(&HmacKey::new(&key), &timestamp, &token, &sig, Checks::SignatureOnly).is_err(),
            "{:?} flipped", part
        );
    }

    #[test]
    fn huawei_tokens_sign_verify_and_flip(
        secret in vec(any::<u8>(), 1..80),
        nonce in "[A-Za-z0-9]{1,128}",
        unix in 0u64..=callsign_core::time::MAX_UNIX,
        wsse in any::<bool>(),
        part in prop_oneof![Just(Part::Signature), Just(Part::Nonce), Just(Part::Timestamp), Just(Part::Key)],
        bit in any::<usize>(),
    ) {
        let created = Timestamp::from_unix(unix)?;
        let n = Nonce::new(&nonce)?;
        let header = if wsse {
            XWsse::new("appKey01", &secret, &n, created)?.to_heapless()?.to_string()
        } else {
            XAksk::new("appKey01", &HmacKey::new(&secret), &n, created)?.to_heapless()?.to_string()
        };
        let verify = |header: &str, secret: &[u8]| -> Result<(), Error> {
            let token = ParsedToken::parse(header)?;
            if wsse {
                verify_x_wsse(&token, "appKey01", secret, DigestEncoding::Hex, Checks::Fresh(Freshness::default_window(unix))).map(|_| ())
            } else {
                verify_x_aksk(&token, "appKey01", &HmacKey::new(secret), Checks::Fresh(Freshness::default_window(unix))).map(|_| ())
            }
        };
        prop_assert_eq!(verify(&header, &secret), Ok(()));
        let token = ParsedToken::parse(&header)?;
        let value_of = |name: &str| {
            let start = header.find(&format!("{name}=\"")).expect("field") + name.len() + 2;
            start..start + header[start..].find('"').expect("quote")
        };
        let range = match part {
            Part::Signature => value_of("PasswordDigest"),
            Part::Nonce => value_of("Nonce"),
            Part::Timestamp => value_of("Created"),
            _ => 0..0,
        };
        let mut secret = secret;
        let header = if range.is_empty() {
            flip_byte_bit(&mut secret, bit);
            header.clone()
        } else {
            format!("{}{}{}", &header[..range.start], flip_ascii_bit(&header[range.clone()], bit), &header[range.end..])
        };
        prop_assert_eq!(token.username(), "appKey01");
        prop_assert!(verify(&header, &secret).is_err(), "{:?} flipped: {}", part, header);
    }

    #[test]
    fn string_to_sign_and_authorization_report_their_exact_length(
        service in any::<bool>(),
        method in "[A-Za-z]{1,16}",
        path in "/[ -~&&[^?#%]]{0,60}((%[2-7][0-9a-fA-F]|%C3%A9|%e2%82%ac|%F0%9F%98%80|\u{e9})[a-z]{0,3}){0,4}(\\?[ -~]{0,20})?",
        content_type in proptest::option::of("[ -~]{0,80}"),
        unix in UNIX,
        millis in 0u16..1000,
        key_id in "[!-9;-~]{1,128}",
        body in proptest::option::of(vec(any::<u8>(), 0..50)),
    ) {
        let scheme = if service { Scheme::Service } else { Scheme::Application };
        let ts = x_timestamp(unix, millis);
        let digest = body.as_deref().map_or(BodyDigest::NONE, BodyDigest::of);
        let request = Request::new(scheme, &method, &path, content_type.as_deref(), &ts, &digest)?;
        let sts = request.string_to_sign();
        let mut buf = vec![0u8; STRING_TO_SIGN_MAX_LEN];
        prop_assert_eq!(sts.write(&mut buf)?, sts.len());
        prop_assert_eq!(sts.write(&mut buf[..sts.len() - 1]), Err(Error::BufferTooSmall { needed: sts.len() }));
        let text = String::from_utf8(buf[..sts.len()].to_vec()).expect("UTF-8");
        let heapless = sts.to_heapless()?;
        prop_assert_eq!(heapless.as_str(), text.as_str());
        let lines: Vec<&str> = text.split('\n').collect();
        prop_assert_eq!(lines.len(), 5);
        prop_assert_eq!(lines[0], method.to_ascii_uppercase());
        prop_assert_eq!(lines[2], content_type.as_deref().unwrap_or(""));
        prop_assert_eq!(lines[3], format!("x-timestamp:{ts}"));
        let auth = request.sign(&key_id, &HmacKey::new(b"k"))?;
        prop_assert_eq!(auth.to_heapless()?.len(), auth.len());
        prop_assert_eq!(auth.to_string().len(), auth.len());
    }

    /// The replay cache against a model: a list of (id, expiry).
    #[test]
    fn replay_cache_matches_a_model(
        ops in vec((0u8..10, 0u64..40, 0u64..15), 1..300),
    ) {
        const N: usize = 4;
        // A window of 0: an entry expires at the timestamp it is given.
        let mut cache = ReplayCache::<N>::new(0);
        let mut model: Vec<(u8, u64)> = Vec::new();
        let mut now = 1_000u64;
        for (id, ttl, advance) in ops {
            now += advance;
            model.retain(|&(_, expires)| expires >= now);
            let want = if model.iter().any(|&(m, _)| m == id) {
                Err(Error::Replay)
            } else if model.len() == N {
                Err(Error::ReplayCacheFull)
            } else {
                model.push((id, now + ttl));
                Ok(())
            };
            let got = cache.check_and_remember(Fingerprint::of(&[&[id]]), now + ttl, now);
            prop_assert_eq!(got, want);
            prop_assert_eq!(cache.live(now), model.len());
        }
    }
}

#[test]
fn replay_cache_at_capacity_fails_closed_and_frees_expired_slots() {
    let mut cache = ReplayCache::<3>::new(0);
    let id = |n: u8| Fingerprint::of(&[b"test", &[n]]);
    for n in 0..3 {
        assert_eq!(
            cache.check_and_remember(id(n), 100 + u64::from(n), 50),
            Ok(())
        );
    }
    assert_eq!(
        cache.check_and_remember(id(9), 200, 50),
        Err(Error::ReplayCacheFull)
    );
    // A replay is reported as such even when the cache is full.
    assert_eq!(cache.check_and_remember(id(1), 200, 50), Err(Error::Replay));
    // At 100 every entry is still live (expiry is inclusive).
    assert_eq!(
        cache.check_and_remember(id(9), 200, 100),
        Err(Error::ReplayCacheFull)
    );
    // At 101 entry 0 expired: its slot is reused, and id 0 may come again.
    assert_eq!(cache.check_and_remember(id(0), 300, 101), Ok(()));
    assert_eq!(
        cache.check_and_remember(id(9), 200, 101),
        Err(Error::ReplayCacheFull)
    );
    assert_eq!(cache.check_and_remember(id(9), 200, 103), Ok(()));
    assert_eq!(cache.live(103), 2);
}

#[test]
fn verifiers_refuse_replays_within_the_window_only() {
    let signed = SignedWebhook::new(
        b"secret".to_vec(),
        b"{}".to_vec(),
        "nonce1".into(),
        1_700_000_000,
    );
    let mut cache = ReplayCache::<8>::default();
    let at = |now| Freshness::default_window(now);
    assert_eq!(
        signed.verify(Checks::FreshOnce(at(1_700_000_000), &mut cache)),
        Ok(())
    );
    assert_eq!(
        signed.verify(Checks::FreshOnce(at(1_700_000_100), &mut cache)),
        Err(Error::Replay)
    );
    // Once stale, it is refused as stale (its entry has expired with it).
    assert_eq!(
        signed.verify(Checks::FreshOnce(at(1_700_000_301), &mut cache)),
        Err(Error::TimestampTooOld)
    );
    assert_eq!(cache.live(1_700_000_301), 0);
    // A forged request with the same nonce does not reach the cache.
    let mut forged = SignedWebhook::new(
        b"other".to_vec(),
        b"{}".to_vec(),
        "nonce2".into(),
        1_700_000_000,
    );
    forged.secret = b"secret".to_vec();
    assert_eq!(
        forged.verify(Checks::FreshOnce(at(1_700_000_000), &mut cache)),
        Err(Error::SignatureMismatch)
    );
    assert_eq!(cache.live(1_700_000_000), 1);

    // Mailgun tokens and Sinch callback signatures are remembered the same way.
    let key = HmacKey::new(b"k");
    let sig = mailgun::sign(&key, "1700000000", "tok").expect("sign");
    // A window wider than the cache's is refused: its entries would expire
    // while the request is still fresh.
    let wide = Freshness::new(1_700_000_000, mailgun::DEFAULT_MAX_AGE_SECS);
    assert_eq!(
        mailgun::verify(
            &key,
            "1700000000",
            "tok",
            sig.as_str(),
            Checks::FreshOnce(wide, &mut cache)
        ),
        Err(Error::ReplayWindowTooWide)
    );
    let w = Freshness::default_window(1_700_000_000);
    assert_eq!(
        mailgun::verify(
            &key,
            "1700000000",
            "tok",
            sig.as_str(),
            Checks::FreshOnce(w, &mut cache)
        ),
        Ok(())
    );
    assert_eq!(
        mailgun::verify(
            &key,
            "1700000000",
            "tok",
            sig.as_str(),
            Checks::FreshOnce(w, &mut cache)
        ),
        Err(Error::Replay)
    );
    let callback = SignedCallback::new(
        Scheme::Application,
        vec![7; 16],
        "POST",
        "/cb",
        1_700_000_000,
        b"{}".to_vec(),
    );
    assert_eq!(
        callback.verify(Checks::FreshOnce(at(1_700_000_000), &mut cache)),
        Ok(())
    );
    assert_eq!(
        callback.verify(Checks::FreshOnce(at(1_700_000_000), &mut cache)),
        Err(Error::Replay)
    );
    // Future timestamps beyond the window.
    assert_eq!(
        callback.verify(Checks::Fresh(at(1_699_999_699))),
        Err(Error::TimestampInFuture)
    );
}

/// A 1 MiB body streamed in chunks of every size from 1 to 4097 bytes gives
/// the Content-MD5 and signature of vector sinch-app-sign-12. Each chunk
/// size streams the whole body through its own hasher; only the 16-byte
/// digests and the 32-byte signatures are compared. The sizes are shared
/// among threads.
#[test]
fn a_mebibyte_body_streamed_in_chunks_of_1_to_4097_bytes_signs_the_same() {
    let body: Vec<u8> = (0..1 << 20).map(|i| 0x61 + (i % 26) as u8).collect();
    let key = signing_key(b"KjWBqwG3Xh9nfzC6p+L7cA==").expect("secret");
    let sign = |digest: &BodyDigest| {
        Request::new(
            Scheme::Application,
            "POST",
            "/calling/v1/callouts",
            Some("application/json"),
            "2024-03-14T09:33:00.000Z",
            digest,
        )
        .expect("request")
        .signature(&key)
    };
    let whole = BodyDigest::of(&body);
    assert_eq!(
        whole.content_md5(Scheme::Application).as_str(),
        "tjugbeDoqWJtW88n6TvzLQ=="
    );
    let signature = sign(&whole);
    assert_eq!(
        base64(&signature),
        "xBrOmG4bPS0vOnyyePxb+bZhGgf9ErnlSohqzKRQO2s="
    );

    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let mismatches: Vec<usize> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|t| {
                let (body, sign) = (&body, &sign);
                scope.spawn(move || {
                    (1..=4097usize)
                        .filter(|c| c % threads == t)
                        .filter(|&c| {
                            let mut md5 = BodyMd5::new();
                            for chunk in body.chunks(c) {
                                md5.update(chunk);
                            }
                            let digest = md5.finish();
                            digest != whole || sign(&digest) != signature
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().expect("worker"))
            .collect()
    });
    assert!(
        mismatches.is_empty(),
        "chunk sizes giving another result: {mismatches:?}"
    );
}
