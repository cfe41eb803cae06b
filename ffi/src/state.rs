//! Caller-owned opaque storage for reused state: a precomputed HMAC key,
//! streaming SHA-256 / HMAC-SHA256 contexts, body hashers and a replay
//! cache.
//!
//! Each storage type is a `#[repr(C)]` array of `uint64_t` of fixed, public
//! size. Inside, a tag word marks the storage as initialised for one kind of
//! state, then the Rust value follows. Compile-time assertions below prove
//! that every value fits its storage and needs no stricter alignment.

use callsign_core::huawei::apig::BodyHasher;
use callsign_core::sinch::application::BodyMd5;
use callsign_core::verify::{ReplayEntry, ReplaySlots};
use callsign_core::{HmacKey, HmacSha256, Sha256};

use crate::io::Range;
use crate::status::*;

/// Caller-owned storage for a precomputed HMAC-SHA256 key (its inner and
/// outer hash states). Initialise with `callsign_hmac_key_init`, wipe with
/// `callsign_hmac_key_wipe`. Its contents are private. Once initialised it
/// may be shared read-only between threads.
#[repr(C)]
pub struct callsign_hmac_key {
    /// Private.
    pub opaque: [u64; 12],
}

/// Caller-owned storage for a streaming SHA-256 computation
/// (`callsign_sha256_init` / `_update` / `_final` / `_wipe`). Private contents.
#[repr(C)]
pub struct callsign_sha256_ctx {
    /// Private.
    pub opaque: [u64; 20],
}

/// Caller-owned storage for a streaming HMAC-SHA256 computation
/// (`callsign_hmac_sha256_init` / `_update` / `_final` / `_wipe`). Private contents.
#[repr(C)]
pub struct callsign_hmac_sha256_ctx {
    /// Private.
    pub opaque: [u64; 24],
}

/// Caller-owned storage for a streaming API Gateway body hasher
/// (`callsign_apig_body_hasher_init` / `_update` / `_final` / `_wipe`).
/// Private contents.
#[repr(C)]
pub struct callsign_apig_body_hasher {
    /// Private.
    pub opaque: [u64; 28],
}

/// Size in bytes of `callsign_apig_body_hasher`.
pub const CALLSIGN_APIG_BODY_HASHER_SIZE: usize = 224;

/// Caller-owned storage for a streaming MD5 of a Sinch request or callback
/// body (`callsign_sinch_body_md5_init` / `_update` / `_wipe`), read by
/// `callsign_sinch_application_sign` and `callsign_sinch_callback_verify`.
/// Private contents.
#[repr(C)]
pub struct callsign_sinch_body_md5 {
    /// Private.
    pub opaque: [u64; 16],
}

/// Size in bytes of `callsign_sinch_body_md5`.
pub const CALLSIGN_SINCH_BODY_MD5_SIZE: usize = 128;

/// Entries of a `callsign_replay_cache`.
pub const CALLSIGN_REPLAY_CACHE_CAPACITY: usize = 64;

/// Bytes of a replay cache's storage before its entries.
pub const CALLSIGN_REPLAY_CACHE_HEADER_SIZE: usize = 32;

/// Bytes per entry of a replay cache.
pub const CALLSIGN_REPLAY_CACHE_ENTRY_SIZE: usize = 32;

/// Caller-owned storage for a replay cache (`callsign_replay_cache_init` /
/// `_live` / `_wipe`), passed to the `_verify` functions. Each accepted
/// request is remembered by its MAC until its timestamp leaves the cache's
/// window (`max_skew`, fixed by `callsign_replay_cache_init`); a replay
/// inside the window is refused (CALLSIGN_REPLAY), and when every entry is
/// live a new request is refused too (CALLSIGN_REPLAY_CACHE_FULL: fail
/// closed, distinct from a replay).
///
/// This type holds CALLSIGN_REPLAY_CACHE_CAPACITY entries. For another
/// capacity N, use storage of CALLSIGN_REPLAY_CACHE_HEADER_SIZE + N *
/// CALLSIGN_REPLAY_CACHE_ENTRY_SIZE bytes aligned to 8 (an array of
/// uint64_t) and pass its size to `callsign_replay_cache_init`:
///
/// ```c
/// #define SEEN_CAPACITY 1000
/// static uint64_t seen_storage[(CALLSIGN_REPLAY_CACHE_HEADER_SIZE +
///                               SEEN_CAPACITY * CALLSIGN_REPLAY_CACHE_ENTRY_SIZE) / 8];
/// callsign_replay_cache *seen = (callsign_replay_cache *)seen_storage;
/// callsign_replay_cache_init(seen, sizeof seen_storage, 60);
/// ```
///
/// Sizing, and flooding: an entry can stay live for up to 2 * max_skew
/// seconds after it is accepted (a timestamp may be max_skew in the
/// future). Only authentic requests enter the cache, so a forger cannot
/// fill it; but anyone who can make the vendor send authentic requests
/// (texting or calling the device's number, emailing a Mailgun route) can,
/// and then every request, genuine ones included, is refused with
/// CALLSIGN_REPLAY_CACHE_FULL until entries expire. Choose N at least
/// (peak authentic requests per second, including those others can
/// trigger) times 2 max_skew, and max_skew as small as the senders' clocks
/// allow: 64
/// entries cover one request every 9.4 s at +-300 s, or one every second at
/// +-32 s. Use one cache per listener and scheme.
///
/// Not thread-safe: a cache is modified by every verification that uses
/// it, so calls sharing one must be serialised by the caller. Private
/// contents.
#[repr(C)]
pub struct callsign_replay_cache {
    /// Private.
    pub opaque: [u64; 260],
}

/// Size in bytes of `callsign_replay_cache`: CALLSIGN_REPLAY_CACHE_HEADER_SIZE
/// + CALLSIGN_REPLAY_CACHE_CAPACITY * CALLSIGN_REPLAY_CACHE_ENTRY_SIZE.
pub const CALLSIGN_REPLAY_CACHE_SIZE: usize = 2080;

/// Size in bytes of `callsign_hmac_key`.
pub const CALLSIGN_HMAC_KEY_SIZE: usize = 96;
/// Size in bytes of `callsign_sha256_ctx`.
pub const CALLSIGN_SHA256_CTX_SIZE: usize = 160;
/// Size in bytes of `callsign_hmac_sha256_ctx`.
pub const CALLSIGN_HMAC_SHA256_CTX_SIZE: usize = 192;

#[repr(C)]
struct Slot<T> {
    tag: u64,
    value: T,
}

/// A kind of state kept in a kind of storage.
pub(crate) trait Stored: Sized {
    /// The storage type.
    type Storage;
    /// Marks storage holding this kind of value.
    const TAG: u64;
}

impl Stored for HmacKey {
    type Storage = callsign_hmac_key;
    const TAG: u64 = u64::from_le_bytes(*b"csHmKey1");
}
impl Stored for Sha256 {
    type Storage = callsign_sha256_ctx;
    const TAG: u64 = u64::from_le_bytes(*b"csSha256");
}
impl Stored for HmacSha256 {
    type Storage = callsign_hmac_sha256_ctx;
    const TAG: u64 = u64::from_le_bytes(*b"csHmCtx1");
}

impl Stored for BodyHasher {
    type Storage = callsign_apig_body_hasher;
    const TAG: u64 = u64::from_le_bytes(*b"csApigBh");
}

impl Stored for BodyMd5 {
    type Storage = callsign_sinch_body_md5;
    const TAG: u64 = u64::from_le_bytes(*b"csSnMd51");
}

macro_rules! assert_fits {
    ($t:ty, $s:ty, $size:expr) => {
        const _: () = assert!(core::mem::size_of::<Slot<$t>>() <= core::mem::size_of::<$s>());
        const _: () = assert!(core::mem::align_of::<Slot<$t>>() <= core::mem::align_of::<$s>());
        const _: () = assert!(core::mem::size_of::<$s>() == $size);
    };
}
assert_fits!(HmacKey, callsign_hmac_key, CALLSIGN_HMAC_KEY_SIZE);
assert_fits!(Sha256, callsign_sha256_ctx, CALLSIGN_SHA256_CTX_SIZE);
assert_fits!(
    HmacSha256,
    callsign_hmac_sha256_ctx,
    CALLSIGN_HMAC_SHA256_CTX_SIZE
);
assert_fits!(
    BodyMd5,
    callsign_sinch_body_md5,
    CALLSIGN_SINCH_BODY_MD5_SIZE
);
// The documented size formula.
const _: () = assert!(
    CALLSIGN_REPLAY_CACHE_SIZE
        == CALLSIGN_REPLAY_CACHE_HEADER_SIZE
            + CALLSIGN_REPLAY_CACHE_CAPACITY * CALLSIGN_REPLAY_CACHE_ENTRY_SIZE
);
const _: () = assert!(core::mem::size_of::<callsign_replay_cache>() == CALLSIGN_REPLAY_CACHE_SIZE);
const _: () = assert!(core::mem::size_of::<ReplayHeader>() == CALLSIGN_REPLAY_CACHE_HEADER_SIZE);
const _: () = assert!(core::mem::size_of::<ReplayEntry>() == CALLSIGN_REPLAY_CACHE_ENTRY_SIZE);
const _: () = assert!(core::mem::align_of::<ReplayEntry>() <= 8);
const _: () = assert!(core::mem::align_of::<ReplayHeader>() <= 8);
assert_fits!(
    BodyHasher,
    callsign_apig_body_hasher,
    CALLSIGN_APIG_BODY_HASHER_SIZE
);

/// Moves `value` into `storage`.
///
/// # Safety
/// `storage` must be NULL or point to writable storage of type `T::Storage`.
pub(crate) unsafe fn put<T: Stored>(storage: *mut T::Storage, value: T) -> u32 {
    if let Err(status) = check_storage(storage) {
        return status;
    }
    // SAFETY: the storage is large and aligned enough for a Slot<T>
    // (asserted at compile time) and writable by contract. Any previous
    // content is overwritten without being read.
    unsafe { storage.cast::<Slot<T>>().write(Slot { tag: T::TAG, value }) };
    CALLSIGN_OK
}

/// Moves `value` (holding nothing secret) into `storage`, then lets `fill`
/// put the secret state into it in place, so that no copy of that state is
/// made on the way.
///
/// # Safety
/// As for [`put`].
pub(crate) unsafe fn put_then<T: Stored>(
    storage: *mut T::Storage,
    value: T,
    fill: impl FnOnce(&mut T),
) -> Result<(), u32> {
    // SAFETY: forwarded contract.
    match unsafe { put(storage, value) } {
        CALLSIGN_OK => {}
        status => return Err(status),
    }
    // SAFETY: initialised just above; exclusive by contract.
    fill(unsafe { get_mut::<T>(storage) }?);
    Ok(())
}

/// The value in `storage`, if it was initialised for `T`.
///
/// # Safety
/// `storage` must be NULL or point to readable storage of type `T::Storage`
/// that is not written during `'a`.
pub(crate) unsafe fn get<'a, T: Stored>(storage: *const T::Storage) -> Result<&'a T, u32> {
    check_storage(storage)?;
    let slot = storage.cast::<Slot<T>>();
    // SAFETY: readable by contract; the tag is a plain u64 at offset 0.
    if unsafe { core::ptr::addr_of!((*slot).tag).read() } != T::TAG {
        return Err(CALLSIGN_NOT_INITIALIZED);
    }
    // SAFETY: the tag shows that `put` wrote a valid T here.
    Ok(unsafe { &(*slot).value })
}

/// The value in `storage`, mutably, if it was initialised for `T`.
///
/// # Safety
/// As for [`get`], and the storage must be writable and not aliased.
pub(crate) unsafe fn get_mut<'a, T: Stored>(storage: *mut T::Storage) -> Result<&'a mut T, u32> {
    check_storage(storage)?;
    let slot = storage.cast::<Slot<T>>();
    // SAFETY: as in `get`.
    if unsafe { core::ptr::addr_of!((*slot).tag).read() } != T::TAG {
        return Err(CALLSIGN_NOT_INITIALIZED);
    }
    // SAFETY: the tag shows that `put` wrote a valid T here; exclusive by contract.
    Ok(unsafe { &mut (*slot).value })
}

/// Moves the value out of `storage` and marks the storage uninitialised.
///
/// # Safety
/// As for [`get_mut`].
pub(crate) unsafe fn take<T: Stored>(storage: *mut T::Storage) -> Result<T, u32> {
    // SAFETY: forwarded contract.
    unsafe { get_mut::<T>(storage) }?;
    let slot = storage.cast::<Slot<T>>();
    // SAFETY: initialised (checked above); the tag is cleared right after,
    // so the value is never read or dropped twice.
    let value = unsafe { core::ptr::addr_of!((*slot).value).read() };
    // SAFETY: writable by contract.
    unsafe { zero(storage) };
    Ok(value)
}

/// Drops the value held (which wipes its secrets) and zeroes the storage.
/// NULL and misaligned storage are left as they are; uninitialised storage
/// is zeroed.
///
/// # Safety
/// `storage` must be NULL or point to writable storage of type `T::Storage`.
pub(crate) unsafe fn wipe<T: Stored>(storage: *mut T::Storage) {
    if check_storage(storage).is_err() {
        return;
    }
    // SAFETY: forwarded contract.
    if let Ok(value) = unsafe { take::<T>(storage) } {
        drop(value);
    } else {
        // SAFETY: writable by contract.
        unsafe { zero(storage) };
    }
}

/// CALLSIGN_NULL_ARGUMENT for NULL storage, CALLSIGN_INVALID_ARGUMENT for
/// storage not aligned as its type (every storage type is an array of
/// `uint64_t`: 8 bytes): reading it would be undefined behaviour, and a trap
/// on cores that require alignment.
pub(crate) fn check_storage<S>(storage: *const S) -> Result<(), u32> {
    if storage.is_null() {
        Err(CALLSIGN_NULL_ARGUMENT)
    } else if !storage.is_aligned() {
        Err(CALLSIGN_INVALID_ARGUMENT)
    } else {
        Ok(())
    }
}

/// The header of a replay cache's storage.
#[repr(C)]
struct ReplayHeader {
    tag: u64,
    max_skew: u64,
    capacity: u64,
    reserved: u64,
}

/// Marks storage holding a replay cache.
const REPLAY_TAG: u64 = u64::from_le_bytes(*b"csReplC2");

/// Makes the `size` bytes at `cache` an empty replay cache with the window
/// `max_skew`.
///
/// # Safety
/// `cache` must be NULL or point to `size` writable bytes.
pub(crate) unsafe fn replay_init(
    cache: *mut callsign_replay_cache,
    size: usize,
    max_skew: u64,
) -> u32 {
    if let Err(status) = check_storage(cache) {
        return status;
    }
    let capacity =
        size.saturating_sub(CALLSIGN_REPLAY_CACHE_HEADER_SIZE) / CALLSIGN_REPLAY_CACHE_ENTRY_SIZE;
    if size < CALLSIGN_REPLAY_CACHE_HEADER_SIZE + CALLSIGN_REPLAY_CACHE_ENTRY_SIZE
        || size > isize::MAX as usize
    {
        return CALLSIGN_INVALID_ARGUMENT;
    }
    let header = cache.cast::<ReplayHeader>();
    // SAFETY: aligned (checked), `size` writable bytes by contract, which
    // hold the header and `capacity` entries.
    unsafe {
        let entries = header.add(1).cast::<ReplayEntry>();
        for i in 0..capacity {
            entries.add(i).write(ReplayEntry::EMPTY);
        }
        header.write(ReplayHeader {
            tag: REPLAY_TAG,
            max_skew,
            capacity: capacity as u64,
            reserved: 0,
        });
    }
    CALLSIGN_OK
}

/// The header of an initialised replay cache.
///
/// # Safety
/// `cache` must be NULL or point to readable storage.
unsafe fn replay_header<'a>(cache: *const callsign_replay_cache) -> Result<&'a ReplayHeader, u32> {
    check_storage(cache)?;
    let header = cache.cast::<ReplayHeader>();
    // SAFETY: aligned and readable by contract; the tag is a plain u64.
    if unsafe { core::ptr::addr_of!((*header).tag).read() } != REPLAY_TAG {
        return Err(CALLSIGN_NOT_INITIALIZED);
    }
    // SAFETY: the tag shows that `replay_init` wrote the header.
    Ok(unsafe { &*header })
}

/// The replay cache at `cache`, for a verification.
///
/// # Safety
/// `cache` must be NULL or point to storage that `replay_init` initialised
/// with its size, writable and not otherwise accessed during `'a`.
pub(crate) unsafe fn replay_slots<'a>(
    cache: *mut callsign_replay_cache,
) -> Result<ReplaySlots<'a>, u32> {
    // SAFETY: forwarded contract.
    let header = unsafe { replay_header(cache) }?;
    let (max_skew, capacity) = (header.max_skew, header.capacity as usize);
    // SAFETY: `replay_init` wrote `capacity` entries after the header, in
    // storage the caller still owns (contract).
    let entries = unsafe {
        core::slice::from_raw_parts_mut(
            cache.cast::<ReplayHeader>().add(1).cast::<ReplayEntry>(),
            capacity,
        )
    };
    Ok(ReplaySlots::new(entries, max_skew))
}

/// How many entries of the replay cache at `cache` are live at `now`.
///
/// # Safety
/// `cache` must be NULL or point to storage that `replay_init` initialised,
/// not written during the call.
pub(crate) unsafe fn replay_live(
    cache: *const callsign_replay_cache,
    now: u64,
) -> Result<usize, u32> {
    // SAFETY: forwarded contract.
    let header = unsafe { replay_header(cache) }?;
    // SAFETY: as in `replay_slots`, read only.
    let entries = unsafe {
        core::slice::from_raw_parts(
            cache.cast::<ReplayHeader>().add(1).cast::<ReplayEntry>(),
            header.capacity as usize,
        )
    };
    Ok(entries.iter().filter(|e| e.is_live_at(now)).count())
}

/// The bytes a replay cache occupies, for the overlap checks: its header
/// and entries when it is an initialised cache, else its header (all that
/// is read of storage without the cache's tag). Reads only the header.
///
/// # Safety
/// `cache` must be NULL or point to readable storage.
pub(crate) unsafe fn replay_range(cache: *const callsign_replay_cache) -> Range {
    // SAFETY: forwarded contract.
    match unsafe { replay_header(cache) } {
        Ok(header) => Range::bytes(
            cache,
            (header.capacity as usize)
                .saturating_mul(CALLSIGN_REPLAY_CACHE_ENTRY_SIZE)
                .saturating_add(CALLSIGN_REPLAY_CACHE_HEADER_SIZE),
        ),
        Err(_) => Range::bytes(cache, CALLSIGN_REPLAY_CACHE_HEADER_SIZE),
    }
}

/// Zeroes an initialised replay cache, header and entries; anything else
/// (NULL, misaligned, not initialised) is left as it is.
///
/// # Safety
/// `cache` must be NULL or point to storage that `replay_init` initialised
/// with its size (or any storage without the cache's tag).
pub(crate) unsafe fn replay_wipe(cache: *mut callsign_replay_cache) {
    // SAFETY: forwarded contract.
    let Ok(header) = (unsafe { replay_header(cache) }) else {
        return;
    };
    let words = (header.capacity as usize)
        .saturating_mul(CALLSIGN_REPLAY_CACHE_ENTRY_SIZE / 8)
        .saturating_add(CALLSIGN_REPLAY_CACHE_HEADER_SIZE / 8);
    let base = cache.cast::<u64>();
    for i in 0..words {
        // SAFETY: inside the storage `replay_init` was given; aligned.
        unsafe { base.add(i).write_volatile(0) };
    }
    core::sync::atomic::compiler_fence(core::sync::atomic::Ordering::SeqCst);
}

/// Zeroes `storage` with volatile writes, so the compiler cannot drop them.
///
/// # Safety
/// `storage` must be non-NULL, aligned and writable.
unsafe fn zero<S>(storage: *mut S) {
    let words = core::mem::size_of::<S>() / 8;
    let base = storage.cast::<u64>();
    for i in 0..words {
        // SAFETY: i < size_of::<S>() / 8, inside the storage; u64-aligned
        // because every storage type is an array of u64.
        unsafe { base.add(i).write_volatile(0) };
    }
    core::sync::atomic::compiler_fence(core::sync::atomic::Ordering::SeqCst);
}
