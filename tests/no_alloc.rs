//! `callsign-core` signs without touching the heap: a counting global
//! allocator sees no allocation while every public operation runs.
//!
//! This file holds ONE test on purpose, so that no other test thread of
//! this binary allocates while the counter is read. The test harness may
//! allocate before and after the test; the counter is read immediately
//! before and after the measured block.

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};

use callsign_core::basic::{Basic, BASIC_MAX_LEN};
use callsign_core::huawei::apig::{self, Algorithm, Request, Signer, Variant};
use callsign_core::huawei::sms::{DigestEncoding, XWsse, X_WSSE_MAX_LEN};
use callsign_core::huawei::voice::{XAksk, X_AKSK_MAX_LEN};
use callsign_core::{sha256, Emit, HmacKey, Nonce, Sha256, Timestamp};
use rand_core::{TryCryptoRng, TryRng};

/// Counts allocations (alloc, alloc_zeroed, realloc) and deallocations.
struct CountingAlloc;

static ALLOCS: AtomicUsize = AtomicUsize::new(0);
static DEALLOCS: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every method forwards to `System` with the same arguments; the
// counters have no effect on the memory handed out.
unsafe impl GlobalAlloc for CountingAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCS.fetch_add(1, Ordering::SeqCst);
        // SAFETY: forwarded unchanged; the caller upholds `alloc`'s contract.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        ALLOCS.fetch_add(1, Ordering::SeqCst);
        // SAFETY: as above.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCS.fetch_add(1, Ordering::SeqCst);
        // SAFETY: as above.
        unsafe { System.realloc(ptr, layout, new_size) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        DEALLOCS.fetch_add(1, Ordering::SeqCst);
        // SAFETY: as above.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: CountingAlloc = CountingAlloc;

fn allocs() -> usize {
    ALLOCS.load(Ordering::SeqCst)
}

/// A deterministic "random" generator for `Nonce::generate` (tests only).
struct TestRng(u64);

impl TryRng for TestRng {
    type Error = core::convert::Infallible;

    fn try_next_u32(&mut self) -> Result<u32, Self::Error> {
        Ok((self.try_next_u64()? >> 32) as u32)
    }

    fn try_next_u64(&mut self) -> Result<u64, Self::Error> {
        // SplitMix64.
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        Ok(z ^ (z >> 31))
    }

    fn try_fill_bytes(&mut self, dest: &mut [u8]) -> Result<(), Self::Error> {
        for chunk in dest.chunks_mut(8) {
            let bytes = self.try_next_u64()?.to_le_bytes();
            chunk.copy_from_slice(&bytes[..chunk.len()]);
        }
        Ok(())
    }
}

impl TryCryptoRng for TestRng {}

/// 1 MiB of input for the streaming hash, in static memory.
static MEBIBYTE: [u8; 1 << 20] = [0x5a; 1 << 20];

/// Everything the core offers, on the happy path. Returns a few results so
/// the work cannot be optimised away; never panics on the happy path (a
/// panic message would allocate, and fail the test anyway).
#[inline(never)]
fn sign_everything() -> (usize, [u8; 32], [u8; 32], [u8; 32], bool) {
    let mut total = 0usize;

    let key = HmacKey::new(black_box(b"Zy9Xw8Vu7Ts6Rq5Po4Nm3Lk2Ji1H"));
    let long_key = HmacKey::new(black_box(&[0xaa; 131]));
    let nonce = Nonce::new(black_box("66c92b11ff8a425fb8d4ccfe0ed9ed1f")).ok();
    let mut rng = TestRng(7);
    let generated = Nonce::generate(&mut rng).unwrap_or_else(|_| Nonce::from_random([0; 16]));
    let created = Timestamp::parse(black_box("2024-03-01T08:15:30Z")).ok();
    let created_basic = Timestamp::parse(black_box("20240301T081530Z")).ok();
    let same_instant = created == created_basic && created.is_some();

    if let (Some(nonce), Some(created)) = (nonce.as_ref(), created) {
        let mut buf = [0u8; X_AKSK_MAX_LEN];
        for k in [&key, &long_key] {
            if let Ok(x) = XAksk::new("a1B2c3D4e5F6g7H8i9J0kLmNoPqR", k, nonce, created) {
                total += x.write(&mut buf).unwrap_or(0);
                total += x.to_heapless().map(|s| s.len()).unwrap_or(0);
            }
        }
        if let Ok(x) = XAksk::new("k", &key, &generated, created) {
            total += x.write(&mut buf).unwrap_or(0);
        }

        let mut buf = [0u8; X_WSSE_MAX_LEN];
        for encoding in [DigestEncoding::Hex, DigestEncoding::LegacyRaw] {
            if let Ok(x) = XWsse::with_encoding(
                "ARBRz4bAXoFgEH7o4Ew308eXc1RA",
                b"Mq3s8Pz1Lk5Nv7Bx2Cw9Dy4Ft6Gh",
                nonce,
                created,
                encoding,
            ) {
                total += x.write(&mut buf).unwrap_or(0);
                total += x.to_heapless().map(|s| s.len()).unwrap_or(0);
            }
        }
        if let Ok(x) = XWsse::new("k", b"s", &generated, created) {
            total += x.write(&mut buf).unwrap_or(0);
        }

        let mut text = [0u8; 20];
        total += created.extended().write(&mut text).unwrap_or(0);
        total += created.basic().write(&mut text).unwrap_or(0);
        total += created
            .basic()
            .to_heapless::<16>()
            .map(|s| s.len())
            .unwrap_or(0);
    }

    if let Ok(t) = Timestamp::from_unix(black_box(1_709_280_930)) {
        total += t.extended().to_array().len() + t.basic().to_array().len();
    }

    let mut buf = [0u8; BASIC_MAX_LEN];
    for b in [
        Basic::new("user", b"pa:ss"),
        Basic::sinch_key("a5c9a7e2", "tqY5~Xw8c"),
        Basic::sinch_application("669E367E", "BeIukql3pTKJ8RGL5zo0DA=="),
        Basic::mailgun("key-3ax6xnjp29jd6fds4gc373sgvjxteol0"),
    ]
    .into_iter()
    .flatten()
    {
        total += b.write(&mut buf).unwrap_or(0);
        total += b.to_heapless().map(|s| s.len()).unwrap_or(0);
    }

    total += sign_apig();
    // 0 when every Sinch, Mailgun and Huawei gateway check gives the vector's result.
    total += sinch_mailgun_huawei_failures();

    // Error paths must not allocate either.
    total += usize::from(Nonce::new("bad nonce").is_err());
    total += usize::from(Basic::new("us:er", b"").is_err());
    total += usize::from(Timestamp::parse("2023-02-29T00:00:00Z").is_err());
    let mut tiny = [0u8; 4];
    if let Ok(x) = Basic::new("a", b"b") {
        total += usize::from(x.write(&mut tiny).is_err());
    }

    let one_shot = sha256(black_box(b"abc"));
    let mut h = Sha256::new();
    for chunk in MEBIBYTE.chunks(4093) {
        h.update(black_box(chunk));
    }
    let streamed = h.finalize();
    let tag = key.mac(black_box(&MEBIBYTE[..1000]));

    (total, one_shot, streamed, tag, same_instant)
}

/// One APIG signature (vector core-query-edge): bytes of the Authorization
/// value and the request target, the headers added, and 1 if the signature
/// is the reference's.
fn sign_apig() -> usize {
    let query = [
        ("q", "a b"),
        ("tag", "z"),
        ("tag", "a"),
        ("flag", ""),
        ("Zed", "1"),
        ("plus", "1+1=2"),
        ("star", "*~"),
        ("path", "/x/y"),
        ("\u{e9}t\u{e9}", "\u{4e2d}"),
        ("limit", "10"),
    ];
    let headers = [
        ("Content-Type", "application/json"),
        ("X-Sdk-Date", "20231231T235959Z"),
    ];
    let Ok(signer) = Signer::new(
        black_box("HPUAPPKEY000000EXAMPLE"),
        black_box(b"HpuSecretKey0123456789abcdefghijklmnopq"),
        Algorithm::SdkHmacSha256,
        Variant::Core,
    ) else {
        return 0;
    };
    let request = Request::new("GET", "example.com", "/v1/search", Timestamp::UNIX_EPOCH)
        .with_query(black_box(&query))
        .with_headers(black_box(&headers));
    let Ok(signed) = signer.sign(&request) else {
        return 0;
    };
    let mut buf = [0u8; apig::AUTHORIZATION_MAX_LEN];
    let mut n = signed.authorization().write(&mut buf).unwrap_or(0);
    n += signed.request_target().write(&mut buf).unwrap_or(0);
    n += signed.headers_added().len();
    n += usize::from(
        signed.signature() == "b876c102a399139079fbcfd6c06682707b26dca578fd8dab3b40727cdd990742",
    );
    n
}

/// One sign and one verify of each Sinch and Mailgun scheme, and Huawei
/// gateway verification (X-AKSK, X-WSSE), on vectors; returns how many did
/// not give the vector's result (0 when all did).
fn sinch_mailgun_huawei_failures() -> usize {
    use callsign_core::huawei::verify as gateway;
    use callsign_core::sinch::application::{self as app, Scheme};
    use callsign_core::sinch::{callback, numbers, webhook};
    use callsign_core::verify::{Checks, Freshness, ReplayCache};
    use callsign_core::{mailgun, Error};

    let mut results = [false; 13];
    let mut seen = ReplayCache::<8>::new(mailgun::DEFAULT_MAX_AGE_SECS);
    let mut out = [0u8; app::AUTHORIZATION_MAX_LEN];

    // Application-signed request (sinch-app-sign-01), body streamed.
    results[0] = app::signing_key(black_box(b"JViE5vDor0Sw3WllZka15Q==")).and_then(|key| {
        let mut md5 = app::BodyMd5::new();
        md5.update(black_box(br#"{"identity": {"type": "number", "endpoint": "+46700000000"}, "#));
        md5.update(black_box(br#""method": "sms"}"#));
        let request = app::Request::new(Scheme::Application, "POST", "/verification/v1/verifications",
            Some("application/json"), "2014-06-04T13:41:58Z", &md5.finish())?;
        let auth = request.sign("5F5C418A0F914BBC8234A9BF5EDDAD97", &key)?;
        let n = auth.write(&mut out)?;
        Ok(out[..n] == *b"Application 5F5C418A0F914BBC8234A9BF5EDDAD97:H0Xa+YytqdCeLq2QM0gSwgjYyFGJ5wK0G2nxR7g0RpQ="
            && auth.to_heapless()?.len() == n
            && request.string_to_sign().to_heapless()?.len() == 110)
    }) == Ok(true);
    // Its callback verification (sinch-app-callback-01a), window and replay cache.
    results[1] = app::signing_key(black_box(b"BeIukql3pTKJ8RGL5zo0DA==")).and_then(|key| {
        let received = [
            ("Authorization", "Application 669E367E-6BBA-48AB-AF15-266871C28135:Tg6fMyo8mj9pYfWQ9ssbx3Tc1BNC87IEygAfLbJqZb4="),
            ("Content-Type", "application/json"),
            ("x-timestamp", "2014-09-24T10:59:41Z"),
        ];
        let headers = callback::CallbackHeaders::from_headers(black_box(&received))?;
        callback::CallbackVerifier::new(Scheme::Application, "669E367E-6BBA-48AB-AF15-266871C28135", &key).verify(
            "POST", "/sinch/callback/ace", &headers,
            black_box(br#"{"event":"ace","callid":"822aa4b7-05b4-4d83-87c7-1f835ee0b6f6_257","timestamp":"2014-09-24T10:59:41Z","version":1}"#),
            Checks::FreshOnce(Freshness::default_window(1_411_556_381), &mut seen))
    }) == Ok(());
    // Voice v2 service sign (sinch-voice2-callback-02-sign) and verify (-02a).
    let service_key = app::signing_key(black_box(b"F5wrP9SKYU6w8sbZXkp7GA=="));
    results[2] = service_key.as_ref().map_err(|e| *e).and_then(|key| {
        let request = app::Request::new(
            Scheme::Service,
            "POST",
            "/sinch/webhook",
            Some("application/json"),
            "2026-06-10T21:27:05.0000000Z",
            &app::BodyDigest::of(black_box(b"")),
        )?;
        Ok(request
            .sign("b7430a33-38c8-4fba-9fb7-c66eae501d11", key)?
            .signature()
            == "h+O1RXgXriX34mwooZVwpRZk8+aj+6KFJTkfnbM6Jgw=")
    }) == Ok(true);
    results[3] = service_key.as_ref().map_err(|e| *e).and_then(|key| {
        let headers = callback::CallbackHeaders {
            authorization: Some(black_box("service b7430a33-38c8-4fba-9fb7-c66eae501d11:h+O1RXgXriX34mwooZVwpRZk8+aj+6KFJTkfnbM6Jgw=")),
            content_type: Some("application/json"),
            x_timestamp: Some("2026-06-10T21:27:05.0000000Z"),
        };
        callback::CallbackVerifier::new(Scheme::Service, "b7430a33-38c8-4fba-9fb7-c66eae501d11", key)
            .verify("POST", "/sinch/webhook", &headers, b"", Checks::SignatureOnly)
    }) == Ok(());
    // Conversation/SMS webhook sign (sinch-webhook-04) and verify (-04-verifya).
    let webhook_key = HmacKey::new(black_box(b"empty-body-secret"));
    results[4] = webhook::sign(&webhook_key, black_box(b""), "n0nce", "1700000001")
        .map(|s| s.as_str() == "IytKyr5JIWNHH6dhm8YK23s/8jcxvZXoUpx5Gb13iHg=")
        == Ok(true);
    let received = [
        ("x-sinch-webhook-signature-timestamp", "1700000001"),
        ("x-sinch-webhook-signature-nonce", "n0nce"),
        ("x-sinch-webhook-signature-algorithm", "HmacSHA256"),
        (
            "x-sinch-webhook-signature",
            "IytKyr5JIWNHH6dhm8YK23s/8jcxvZXoUpx5Gb13iHg=",
        ),
    ];
    results[5] = webhook::WebhookHeaders::from_headers(black_box(&received)).and_then(|h| {
        webhook::verify(
            &webhook_key,
            &h,
            b"",
            Checks::FreshOnce(Freshness::default_window(1_700_000_000), &mut seen),
        )
    }) == Ok(());
    // Numbers callback sign (sinch-numbers-callback-01-sign) and verify (-01-verifya).
    let numbers_body = br#"{"eventId":"01hpa0mww4m79q8j2dwn3ggbgz","timestamp":"2024-02-10T17:22:09.412722588","projectId":"37b62a7b-0177-abcd-efgh-e10f848de123","resourceId":"+17818510001","resourceType":"ACTIVE_NUMBER","eventType":"DEPROVISIONING_FROM_VOICE_PLATFORM","status":"SUCCEEDED","failureCode":null}"#;
    results[6] = numbers::sign(black_box(b"my-callback-secret"), black_box(numbers_body))
        .map(|s| s.as_str() == "b93021e0182c2772dbcdf4e8983ae8f409e78c3b")
        == Ok(true);
    results[7] = numbers::verify(
        b"my-callback-secret",
        Some(black_box("b93021e0182c2772dbcdf4e8983ae8f409e78c3b")),
        numbers_body,
    ) == Ok(());
    // Mailgun sign (mailgun-webhook-01-sign), verify (-01g) and an error (-01e).
    let mailgun_key = HmacKey::new(black_box(
        b"0f1e2d3c4b5a69788796a5b4c3d2e1f0-2b3c4d5e-6f7a8b9c",
    ));
    let (timestamp, token) = (
        "1770920772",
        "c4f1e0a9b8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8",
    );
    results[8] = mailgun::sign(&mailgun_key, timestamp, token)
        .and_then(|s| s.to_heapless())
        .map(|s| s.as_str() == "851316d8484843eabfd067dcb0abecb4eb08b93bce38bbeed31ca63c017157c7")
        == Ok(true);
    results[9] = mailgun::verify(
        &mailgun_key,
        timestamp,
        token,
        black_box("851316d8484843eabfd067dcb0abecb4eb08b93bce38bbeed31ca63c017157c7"),
        Checks::FreshOnce(
            Freshness::new(1_770_921_672, mailgun::DEFAULT_MAX_AGE_SECS),
            &mut seen,
        ),
    ) == Ok(());
    results[10] = matches!(
        mailgun::verify(
            &mailgun_key,
            timestamp,
            token,
            black_box("851316D8484843EABFD067DCB0ABECB4EB08B93BCE38BBEED31CA63C017157C7"),
            Checks::SignatureOnly
        ),
        Err(Error::Malformed { .. })
    );
    // Huawei gateway: X-AKSK (aksk-typical) and X-WSSE (wsse-typical).
    results[11] = gateway::ParsedToken::parse(black_box(r#"UsernameToken Username="a1B2c3D4e5F6g7H8i9J0kLmNoPqR",PasswordDigest="b8MSGhXOdJOz3fV5TblmdBQRT1nKdbtVng0LwtKkMjk=",Nonce="66c92b11ff8a425fb8d4ccfe0ed9ed1f",Created="2024-03-01T08:15:30Z""#))
        .and_then(|t| gateway::verify_x_aksk(&t, "a1B2c3D4e5F6g7H8i9J0kLmNoPqR", &HmacKey::new(b"Zy9Xw8Vu7Ts6Rq5Po4Nm3Lk2Ji1H"),
            Checks::FreshOnce(Freshness::default_window(1_709_280_930), &mut seen)).map(|_| ())) == Ok(());
    results[12] = gateway::ParsedToken::parse(black_box(r#"UsernameToken Username="ARBRz4bAXoFgEH7o4Ew308eXc1RA",PasswordDigest="MGVjMjUwNTM5OTYyMmMwM2M1OGU5YjA5MWJiOGJmNzE0M2QzYjYxZTkxYTUwMDYyYTA4OWQ3MjVlOTVkZjU4NQ==",Nonce="ac1c911c4792492687f8f6b2264a491e",Created="2018-05-26T00:35:30Z""#))
        .and_then(|t| gateway::verify_x_wsse(&t, "ARBRz4bAXoFgEH7o4Ew308eXc1RA", b"Mq3s8Pz1Lk5Nv7Bx2Cw9Dy4Ft6Gh", DigestEncoding::Hex, Checks::SignatureOnly).map(|_| ())) == Ok(());
    results.iter().filter(|ok| !**ok).count()
}

#[test]
fn core_operations_do_not_allocate() {
    // Warm up once outside the measurement: lazily initialised runtime
    // state (e.g. CPU feature detection) is not the core's doing, although
    // none is expected to allocate either.
    let warm = sign_everything();

    let api_warm = api_everything();

    let before = allocs();
    let measured = black_box(sign_everything());
    let api = black_box(api_everything());
    let after = allocs();

    // The counter works: a heap allocation in this same test is counted.
    let before_vec = allocs();
    let v: Vec<u8> = black_box(Vec::with_capacity(black_box(64)));
    let after_vec = allocs();
    drop(v);

    assert_eq!(
        after - before,
        0,
        "callsign-core allocated {} times",
        after - before
    );
    assert!(
        after_vec > before_vec,
        "the counting allocator did not see a Vec allocation"
    );

    // The measured block did the work it is meant to do.
    assert_eq!(measured, warm);
    assert_eq!(api, api_warm);
    let (api_bytes, api_parsed) = api;
    assert_eq!(
        api_bytes,
        API_BODIES.iter().map(|b| b.len()).sum::<usize>(),
        "API bytes produced"
    );
    assert_eq!(api_parsed, 17, "API parser checks that held");
    let (total, one_shot, streamed, tag, same_instant) = measured;
    assert!(
        same_instant,
        "both timestamp forms parse to the same instant"
    );
    // Bytes written (and errors seen) by the happy path, worked out by hand:
    // X-AKSK 2 * (187 + 187) + 160, X-WSSE (231 + 231) + (187 + 187) + 204,
    // timestamps 20 + 16 + 16 + 20 + 16, Basic 2 * (22 + 30 + 50 + 62),
    // APIG Authorization 165 + request target 114 + 1 header added + 1 for
    // the right signature, 4 errors.
    assert_eq!(total, 908 + 1040 + 88 + 328 + 281 + 4, "bytes produced");
    assert_eq!(one_shot[..4], [0xba, 0x78, 0x16, 0xbf]);
    let reference: [u8; 32] = sha2::Digest::finalize(sha2::Digest::chain_update(
        <sha2::Sha256 as sha2::Digest>::new(),
        MEBIBYTE,
    ))
    .into();
    assert_eq!(streamed, reference);
    let mut mac = <hmac::Hmac<sha2::Sha256> as hmac::digest::KeyInit>::new_from_slice(
        b"Zy9Xw8Vu7Ts6Rq5Po4Nm3Lk2Ji1H",
    )
    .expect("any key length");
    hmac::Mac::update(&mut mac, &MEBIBYTE[..1000]);
    assert_eq!(tag[..], hmac::Mac::finalize(mac).into_bytes()[..]);
}

/// The bodies [`api_everything`] writes, as the vectors give them.
const API_BODIES: &[&str] = &[
    r#"{"displayNbr":"+8675528000088","callerNbr":"+8613500000001","displayCalleeNbr":"+8675528000088","calleeNbr":"+8613500000002","statusUrl":"aHR0cDovLzIxOC40LjMzLjU1Ojg4ODgvdGVzdA=="}"#,
    r#"{"displayNbr":"+8653159511234","calleeNbr":"+8613500000001","languageType":2,"preTone":"test.wav","verifyCode":"1234"}"#,
    r#"{"sessionid":"1200_366_0_20161228102743@callenabler.home1.com","signal":"call_stop"}"#,
    "from=csms12345678&to=%2B8615123456789&templateId=8ff55eac1d0b478ab3c06c3c6a492300&templateParas=%5B%223%22%2C%22%E4%BA%BA%E6%B0%91%E5%85%AC%E5%9B%AD%E6%AD%A3%E9%97%A8%22%5D&statusCallback=https%3A%2F%2Fexample.com%2Fsms%2Freport&signature=%E5%8D%8E%E4%B8%BA%E4%BA%91%E7%9F%AD%E4%BF%A1%E6%B5%8B%E8%AF%95",
    r#"{"from":"csms12345678","smsContent":[{"to":["+8615123456789"],"templateId":"8ff55eac1d0b478ab3c06c3c6a492300"}],"statusCallback":"https://example.com/sms/report","extend":"batch-7"}"#,
];

/// The API-surface builders and parsers (`voice_api`, `sms_api`) on the
/// happy path; returns the bytes written and the parser checks that held.
#[inline(never)]
fn api_everything() -> (usize, usize) {
    use callsign_core::api::Category;
    use callsign_core::huawei::sms_api::SmsResponse;
    use callsign_core::huawei::sms_api::{BatchSendDiffSms, BatchSendSms, SmsContent};
    use callsign_core::huawei::voice_api::VoiceResponse;
    use callsign_core::huawei::voice_api::{CallStop, CallVerify, Click2Call, PushUrl};
    use callsign_core::Field;

    let mut total = 0usize;
    let mut body = [0u8; 512];
    if let Ok(url) = PushUrl::new(Field::StatusUrl, black_box("http://218.4.33.55:8888/test"))
        .and_then(|u| u.to_heapless())
    {
        let mut call = Click2Call::new(
            black_box("+8675528000088"),
            "+8613500000001",
            "+8675528000088",
            "+8613500000002",
        );
        call.status_url = Some(&url);
        total += call.request().and_then(|r| r.write(&mut body)).unwrap_or(0);
    }
    let verify = CallVerify::new(
        black_box("+8653159511234"),
        "+8613500000001",
        "test.wav",
        "1234",
    );
    total += verify
        .request()
        .and_then(|r| r.write(&mut body))
        .unwrap_or(0);
    let stop = CallStop::new(black_box("1200_366_0_20161228102743@callenabler.home1.com"));
    total += stop.request().and_then(|r| r.write(&mut body)).unwrap_or(0);

    let paras = ["3", "人民公园正门"];
    let mut sms = BatchSendSms::new(
        black_box("csms12345678"),
        "+8615123456789",
        "8ff55eac1d0b478ab3c06c3c6a492300",
    );
    sms.template_paras = Some(&paras);
    sms.status_callback = Some("https://example.com/sms/report");
    sms.signature = Some("华为云短信测试");
    total += sms.request().and_then(|r| r.write(&mut body)).unwrap_or(0);
    let to = ["+8615123456789"];
    let content = [SmsContent::new(&to, "8ff55eac1d0b478ab3c06c3c6a492300")];
    let mut diff = BatchSendDiffSms::new(black_box("csms12345678"), &content);
    diff.status_callback = Some("https://example.com/sms/report");
    diff.extend = Some("batch-7");
    total += diff.request().and_then(|r| r.write(&mut body)).unwrap_or(0);

    let mut parsed = 0usize;
    let voice = black_box(
        r#"{ "resultcode":"1010010", "resultdesc":"Caf\u00e9", "sessionId":"s1", "idlePort":7 }"#,
    );
    if let Ok(r) = VoiceResponse::parse(voice) {
        parsed += usize::from(
            r.category(403)
                == Category::RetryLater {
                    after_secs: Some(60),
                },
        );
        parsed += usize::from(r.idle_port == Some(7));
        let mut scratch = [0u8; 16];
        parsed +=
            usize::from(r.result_desc.and_then(|d| d.decode(&mut scratch).ok()) == Some("Café"));
    }
    let sms = black_box(
        r#"{"code":"000000","description":"Success","result":[{"smsMsgId":"a","status":"000000"},{"smsMsgId":"b","status":"E200041"}]}"#,
    );
    if let Ok(r) = SmsResponse::parse(sms) {
        parsed += usize::from(r.is_success());
        parsed += usize::from(r.results().filter(|x| x.is_accepted()).count() == 1);
        parsed += usize::from(r.category(200) == Category::Success);
    }
    {
        use callsign_core::huawei::sms_api::StatusReport;
        use callsign_core::huawei::verify::ParsedToken;
        use callsign_core::huawei::voice_api::{VoiceNotification, MAX_FEE_RECORDS};
        use callsign_core::huawei::voice_push::{verify_push, PushXAksk};
        use callsign_core::verify::{Checks, Freshness, ReplayCache};

        let report = black_box("smsMsgId=a_1&status=DELIVRD&extend=order+42%26x%3Dy");
        if let Ok(r) = StatusReport::parse(report) {
            parsed += usize::from(r.is_delivered());
            let mut scratch = [0u8; 16];
            parsed += usize::from(
                r.extend.and_then(|e| e.decode(&mut scratch).ok()) == Some("order 42&x=y"),
            );
        }
        let status =
            black_box(r#"{"eventType":"answer","statusInfo":{"sessionId":"s","caller":"+1"}}"#);
        parsed += usize::from(matches!(
            VoiceNotification::<MAX_FEE_RECORDS>::parse(status),
            Ok(VoiceNotification::Status(e)) if e.session_id == "s"
        ));
        let fee = black_box(
            r#"{"eventType":"fee","feeLst":[{"direction":0,"spId":"s","appKey":"k","bindNum":"+1","sessionId":"x","callerNum":"+1","calleeNum":"+2"}]}"#,
        );
        parsed += usize::from(matches!(
            VoiceNotification::<4>::parse(fee),
            Ok(VoiceNotification::Fee(r)) if r.len() == 1
        ));
        let key = HmacKey::new(black_box(b"secret"));
        if let (Ok(nonce), Ok(created)) = (Nonce::new("n1"), Timestamp::from_unix(1_700_000_000)) {
            if let Ok(header) = PushXAksk::new("k", &key, "http://a/b", &nonce, created)
                .and_then(|p| p.to_heapless())
            {
                let mut seen = ReplayCache::<4>::default();
                let checks = Checks::FreshOnce(Freshness::default_window(1_700_000_010), &mut seen);
                parsed += usize::from(
                    ParsedToken::parse(&header)
                        .and_then(|t| verify_push(&t, "k", &key, "http://a/b", checks))
                        .is_ok(),
                );
            }
        }
    }
    {
        use callsign_core::sinch::oauth2::{
            Action, Region, TokenCache, TokenRequest, TokenResponse,
        };
        if let Ok(req) = TokenRequest::new(Region::Eu, black_box("YOUR_KEY_ID"), "YOUR_KEY_SECRET")
        {
            let mut buf = [0u8; 64];
            parsed += usize::from(req.authorization().write(&mut buf).is_ok());
        }
        let body = black_box(
            r#"{ "access_token": "eyJ...", "token_type": "bearer", "expires_in": 3600 }"#,
        );
        let mut cache = TokenCache::<64>::new();
        if let Ok(r) = TokenResponse::parse(body) {
            parsed += usize::from(cache.store(&r, 1_700_000_000).is_ok());
        }
        parsed += usize::from(cache.action(1_700_000_010) == Action::Use);
        let mut buf = [0u8; 80];
        parsed += usize::from(cache.bearer().and_then(|b| b.write(&mut buf)).ok() == Some(13));
    }
    {
        use callsign_core::http_date::{parse_http_date, ClockOffset};
        let date = black_box("Fri, 01 Mar 2024 08:15:30 GMT");
        parsed += usize::from(parse_http_date(date).map(|t| t.unix()) == Ok(1_709_280_930));
        parsed += usize::from(
            ClockOffset::from_date_header(date, 1_709_280_000)
                .and_then(|o| o.now(1_709_280_000))
                .map(|t| t.unix())
                == Ok(1_709_280_930),
        );
    }
    (total, parsed)
}
