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
use callsign_core::verify::ReplayCache;
use callsign_core::{HmacKey, HmacSha256, Sha256};

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

/// Caller-owned storage for a replay cache of
/// CALLSIGN_REPLAY_CACHE_CAPACITY entries (`callsign_replay_cache_init` /
/// `_wipe`), passed to the `_verify` functions. Each accepted request is
/// remembered until its timestamp leaves the window; a replay inside the
/// window is refused (CALLSIGN_REPLAY), and when every entry is live a new
/// request is refused too (CALLSIGN_REPLAY_CACHE_FULL: fail closed).
///
/// Sizing: an entry can stay live for up to 2 * max_skew seconds after it
/// is accepted (a timestamp may be max_skew in the future), so one cache
/// serves at most CALLSIGN_REPLAY_CACHE_CAPACITY / (2 * max_skew) accepted
/// requests per second: 64 entries cover one request every 9.4 s at the
/// default +-300 s, or one every second at +-32 s. Use one cache per
/// listener; the Rust API (`ReplayCache<N>`) takes any N.
///
/// Not thread-safe: a cache is modified by every verification that uses
/// it, so calls sharing one must be serialised by the caller. Private
/// contents.
#[repr(C)]
pub struct callsign_replay_cache {
    /// Private.
    pub opaque: [u64; 257],
}

/// Size in bytes of `callsign_replay_cache`: 8 + 32 * CALLSIGN_REPLAY_CACHE_CAPACITY.
pub const CALLSIGN_REPLAY_CACHE_SIZE: usize = 2056;

/// The replay cache kept in `callsign_replay_cache`.
pub(crate) type ReplayCacheC = ReplayCache<CALLSIGN_REPLAY_CACHE_CAPACITY>;

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

impl Stored for ReplayCacheC {
    type Storage = callsign_replay_cache;
    const TAG: u64 = u64::from_le_bytes(*b"csReplC1");
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
assert_fits!(
    ReplayCacheC,
    callsign_replay_cache,
    CALLSIGN_REPLAY_CACHE_SIZE
);
// The documented size formula: the tag word and 32 bytes per entry.
const _: () = assert!(CALLSIGN_REPLAY_CACHE_SIZE == 8 + 32 * CALLSIGN_REPLAY_CACHE_CAPACITY);
const _: () = assert!(ReplayCacheC::capacity() == CALLSIGN_REPLAY_CACHE_CAPACITY);
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
    if storage.is_null() {
        return CALLSIGN_NULL_ARGUMENT;
    }
    // SAFETY: the storage is large and aligned enough for a Slot<T>
    // (asserted at compile time) and writable by contract. Any previous
    // content is overwritten without being read.
    unsafe { storage.cast::<Slot<T>>().write(Slot { tag: T::TAG, value }) };
    CALLSIGN_OK
}

/// The value in `storage`, if it was initialised for `T`.
///
/// # Safety
/// `storage` must be NULL or point to readable storage of type `T::Storage`
/// that is not written during `'a`.
pub(crate) unsafe fn get<'a, T: Stored>(storage: *const T::Storage) -> Result<&'a T, u32> {
    if storage.is_null() {
        return Err(CALLSIGN_NULL_ARGUMENT);
    }
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
    if storage.is_null() {
        return Err(CALLSIGN_NULL_ARGUMENT);
    }
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
/// NULL and uninitialised storage are left as they are (NULL is a no-op).
///
/// # Safety
/// `storage` must be NULL or point to writable storage of type `T::Storage`.
pub(crate) unsafe fn wipe<T: Stored>(storage: *mut T::Storage) {
    // SAFETY: forwarded contract.
    if let Ok(value) = unsafe { take::<T>(storage) } {
        drop(value);
    } else if !storage.is_null() {
        // SAFETY: writable by contract.
        unsafe { zero(storage) };
    }
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
