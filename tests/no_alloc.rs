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
use callsign_core::huawei::sms::{DigestEncoding, XWsse, X_WSSE_MAX_LEN};
use callsign_core::huawei::voice::{XAksk, X_AKSK_MAX_LEN};
use callsign_core::{sha256, Emit, HmacKey, Nonce, Sha256, Timestamp};
use rand_core::{CryptoRng, RngCore};

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

impl RngCore for TestRng {
    fn next_u32(&mut self) -> u32 {
        (self.next_u64() >> 32) as u32
    }

    fn next_u64(&mut self) -> u64 {
        // SplitMix64.
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn fill_bytes(&mut self, dest: &mut [u8]) {
        for chunk in dest.chunks_mut(8) {
            let bytes = self.next_u64().to_le_bytes();
            chunk.copy_from_slice(&bytes[..chunk.len()]);
        }
    }

    fn try_fill_bytes(&mut self, dest: &mut [u8]) -> Result<(), rand_core::Error> {
        self.fill_bytes(dest);
        Ok(())
    }
}

impl CryptoRng for TestRng {}

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
    let generated = Nonce::generate(&mut rng);
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

#[test]
fn core_operations_do_not_allocate() {
    // Warm up once outside the measurement: lazily initialised runtime
    // state (e.g. CPU feature detection) is not the core's doing, although
    // none is expected to allocate either.
    let warm = sign_everything();

    let before = allocs();
    let measured = black_box(sign_everything());
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
    let (total, one_shot, streamed, tag, same_instant) = measured;
    assert!(
        same_instant,
        "both timestamp forms parse to the same instant"
    );
    // Bytes written (and errors seen) by the happy path, worked out by hand:
    // X-AKSK 2 * (187 + 187) + 160, X-WSSE (231 + 231) + (187 + 187) + 204,
    // timestamps 20 + 16 + 16 + 20 + 16, Basic 2 * (22 + 30 + 50 + 62),
    // 4 errors.
    assert_eq!(total, 908 + 1040 + 88 + 328 + 4, "bytes produced");
    assert_eq!(one_shot[..4], [0xba, 0x78, 0x16, 0xbf]);
    let reference: [u8; 32] = sha2::Digest::finalize(sha2::Digest::chain_update(
        <sha2::Sha256 as sha2::Digest>::new(),
        MEBIBYTE,
    ))
    .into();
    assert_eq!(streamed, reference);
    let mut mac =
        <hmac::Hmac<sha2::Sha256> as hmac::Mac>::new_from_slice(b"Zy9Xw8Vu7Ts6Rq5Po4Nm3Lk2Ji1H")
            .expect("any key length");
    hmac::Mac::update(&mut mac, &MEBIBYTE[..1000]);
    assert_eq!(tag[..], hmac::Mac::finalize(mac).into_bytes()[..]);
}
