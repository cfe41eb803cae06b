//! What every verifier shares: constant-time comparison of MACs, the
//! timestamp window, a fixed-size replay cache, strict decoding of received
//! signatures, and case-insensitive header lookup.
//!
//! Each verifier runs its checks in one order and stops at the first
//! failure:
//! 1. format: required headers present, header values parsed, the received
//!    signature decoded ([`Error::MissingHeader`], [`Error::Malformed`], …);
//! 2. the MAC, recomputed and compared in constant time
//!    ([`Error::SignatureMismatch`], which never says which bytes differed);
//! 3. the timestamp against the caller's clock ([`Error::TimestampTooOld`],
//!    [`Error::TimestampInFuture`]);
//! 4. the replay cache ([`Error::Replay`], [`Error::ReplayCacheFull`]).
//!
//! Steps 3 and 4 run only when the caller asks for them with [`Checks`].
//! Only an authentic request reaches the replay cache, so a forger cannot
//! fill it; whoever can make the vendor send authentic requests can (see
//! [`ReplayCache`] on sizing). A request is remembered by the MAC it
//! carries ([`Fingerprint`]), which depends on nothing the MAC does not
//! cover: an authentic request altered anywhere it is not signed keeps its
//! fingerprint and is still refused as a replay.
//!
//! ```
//! use callsign_core::verify::{Checks, Freshness, ReplayCache};
//! use callsign_core::{mailgun, Error, HmacKey};
//!
//! let key = HmacKey::new(b"signing-key");
//! let sig = mailgun::sign(&key, "1700000000", "token-0001")?;
//! let mut seen = ReplayCache::<64>::new(mailgun::DEFAULT_MAX_AGE_SECS);
//! let now = 1_700_000_030;
//! let fresh = Freshness::new(now, mailgun::DEFAULT_MAX_AGE_SECS);
//! mailgun::verify(&key, "1700000000", "token-0001", sig.as_str(), Checks::FreshOnce(fresh, &mut seen))?;
//! assert_eq!(
//!     mailgun::verify(&key, "1700000000", "token-0001", sig.as_str(), Checks::FreshOnce(fresh, &mut seen)),
//!     Err(Error::Replay)
//! );
//! # Ok::<(), Error>(())
//! ```

use base64ct::Encoding;
use subtle::ConstantTimeEq;
use zeroize::Zeroize;

use crate::{Error, Field, Sha256};

/// Default clock tolerance, in seconds, for schemes whose vendor documents
/// none (Sinch callbacks and webhooks, Huawei X-AKSK / X-WSSE): a
/// timestamp up to 300 s before or after `now` is accepted. Mailgun's SDK
/// uses 900 s: see [`crate::mailgun::DEFAULT_MAX_AGE_SECS`].
pub const DEFAULT_MAX_SKEW_SECS: u64 = 300;

/// Whether `a` and `b` are equal, in time that depends only on their
/// lengths (lengths are public: every MAC has a fixed length).
///
/// ```
/// use callsign_core::verify::ct_eq;
/// assert!(ct_eq(b"abc", b"abc"));
/// assert!(!ct_eq(b"abc", b"abd"));
/// assert!(!ct_eq(b"abc", b"ab"));
/// ```
pub fn ct_eq(a: &[u8], b: &[u8]) -> bool {
    bool::from(a.ct_eq(b))
}

/// Whether the `expected` MAC a verifier computed equals the `received`
/// one, in constant time as [`ct_eq`]; then wipes `expected`, which would
/// authenticate what it covers. Kept out of line so that `expected` is
/// compared and wiped where it lives, not in a copy the optimiser made.
///
/// ```
/// use callsign_core::verify::ct_eq_then_wipe;
/// let mut expected = [7u8; 32];
/// assert!(ct_eq_then_wipe(&mut expected, &[7u8; 32]));
/// assert_eq!(expected, [0u8; 32]);
/// ```
#[inline(never)]
pub fn ct_eq_then_wipe(expected: &mut [u8], received: &[u8]) -> bool {
    let equal = ct_eq(expected, received);
    expected.zeroize();
    equal
}

/// The receiver's clock and how far a signed timestamp may be from it.
///
/// A timestamp `t` is fresh when `now - max_skew <= t <= now + max_skew`:
/// both bounds are included, as in Mailgun's SDK (exactly 900 s old passes).
///
/// ```
/// use callsign_core::{verify::Freshness, Error};
/// let f = Freshness::new(1_000, 300);
/// assert_eq!(f.check(700), Ok(()));
/// assert_eq!(f.check(699), Err(Error::TimestampTooOld));
/// assert_eq!(f.check(1_301), Err(Error::TimestampInFuture));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Freshness {
    now: u64,
    max_skew: u64,
}

impl Freshness {
    /// `now` in Unix seconds from the caller's clock; `max_skew` in seconds.
    ///
    /// ```
    /// let f = callsign_core::verify::Freshness::new(1_700_000_000, 60);
    /// assert_eq!((f.now(), f.max_skew()), (1_700_000_000, 60));
    /// ```
    pub const fn new(now: u64, max_skew: u64) -> Self {
        Freshness { now, max_skew }
    }

    /// `now` with the default tolerance [`DEFAULT_MAX_SKEW_SECS`].
    ///
    /// ```
    /// let f = callsign_core::verify::Freshness::default_window(1_700_000_000);
    /// assert_eq!(f.max_skew(), 300);
    /// ```
    pub const fn default_window(now: u64) -> Self {
        Self::new(now, DEFAULT_MAX_SKEW_SECS)
    }

    /// The caller's clock, in Unix seconds.
    ///
    /// ```
    /// assert_eq!(callsign_core::verify::Freshness::new(5, 1).now(), 5);
    /// ```
    pub const fn now(&self) -> u64 {
        self.now
    }

    /// The tolerance, in seconds.
    ///
    /// ```
    /// assert_eq!(callsign_core::verify::Freshness::new(5, 1).max_skew(), 1);
    /// ```
    pub const fn max_skew(&self) -> u64 {
        self.max_skew
    }

    /// Checks a timestamp (Unix seconds) against the window.
    ///
    /// ```
    /// use callsign_core::{verify::Freshness, Error};
    /// let f = Freshness::new(100, 10);
    /// assert_eq!(f.check(110), Ok(()));
    /// assert_eq!(f.check(111), Err(Error::TimestampInFuture));
    /// ```
    pub fn check(&self, timestamp: u64) -> Result<(), Error> {
        if timestamp < self.now.saturating_sub(self.max_skew) {
            Err(Error::TimestampTooOld)
        } else if timestamp > self.now.saturating_add(self.max_skew) {
            Err(Error::TimestampInFuture)
        } else {
            Ok(())
        }
    }
}

/// A fixed-size identity of an accepted request for a replay cache: the
/// first 16 bytes of SHA-256 over the parts, each prefixed by its length
/// (so `["ab", "c"]` and `["a", "bc"]` differ); nothing is borrowed. The
/// verifiers use the scheme's name and the received MAC
/// ([`Fingerprint::of_mac`]): the MAC is a function of exactly what it
/// covers, so no unsigned part of a request (a `Username`, where a body
/// ends and a nonce starts) can give a replay a new identity.
///
/// ```
/// use callsign_core::verify::Fingerprint;
/// let a = Fingerprint::of(&[b"mailgun", b"token-1"]);
/// assert_eq!(a, Fingerprint::of(&[b"mailgun", b"token-1"]));
/// assert_ne!(a, Fingerprint::of(&[b"mailgu", b"ntoken-1"]));
/// assert_eq!(a.as_bytes().len(), 16);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Fingerprint([u8; FINGERPRINT_LEN]);

/// Size of a [`Fingerprint`], in bytes.
pub const FINGERPRINT_LEN: usize = 16;

impl Fingerprint {
    /// The fingerprint of `parts`.
    ///
    /// ```
    /// let f = callsign_core::verify::Fingerprint::of(&[b"sinch-webhook", b"nonce"]);
    /// # let _ = f;
    /// ```
    pub fn of(parts: &[&[u8]]) -> Self {
        let mut h = Sha256::new();
        for part in parts {
            h.update(&(part.len() as u64).to_be_bytes());
            h.update(part);
        }
        let digest = h.finalize();
        let mut id = [0u8; FINGERPRINT_LEN];
        for (dst, src) in id.iter_mut().zip(digest) {
            *dst = src;
        }
        Fingerprint(id)
    }

    /// The fingerprint of an authentic request of `scheme` carrying `mac`
    /// (the decoded bytes, after they matched).
    ///
    /// ```
    /// use callsign_core::verify::Fingerprint;
    /// assert_eq!(Fingerprint::of_mac(b"mailgun", &[1, 2]), Fingerprint::of(&[b"mailgun", &[1, 2]]));
    /// ```
    pub fn of_mac(scheme: &[u8], mac: &[u8]) -> Self {
        Self::of(&[scheme, mac])
    }

    /// The 16 bytes.
    ///
    /// ```
    /// let f = callsign_core::verify::Fingerprint::of(&[]);
    /// assert_eq!(f.as_bytes()[..2], [0xe3, 0xb0]); // SHA-256 of nothing
    /// ```
    pub const fn as_bytes(&self) -> &[u8; FINGERPRINT_LEN] {
        &self.0
    }
}

/// The 16 bytes in hex, as `Debug` shows them (a digest of public parts).
#[cfg(feature = "defmt")]
impl defmt::Format for Fingerprint {
    fn format(&self, f: defmt::Formatter<'_>) {
        defmt::write!(f, "Fingerprint({=[u8]:02x})", self.0);
    }
}

impl core::fmt::Debug for Fingerprint {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("Fingerprint(")?;
        for b in self.0 {
            write!(f, "{b:02x}")?;
        }
        f.write_str(")")
    }
}

/// Remembers accepted requests until they expire, and refuses a second one
/// with the same [`Fingerprint`]. [`ReplayCache`] (an array of `N` entries)
/// and [`ReplaySlots`] (a slice of entries in storage the caller owns) are
/// the fixed-size, allocation-free implementations; a server may implement
/// this trait over shared storage.
///
/// The window is the guard's own ([`ReplayGuard::max_skew`]), fixed when it
/// is made: an entry expires at `timestamp + max_skew` whatever the window
/// of the call that accepted it, and a verification asking for a wider
/// window than the guard's is refused ([`Error::ReplayWindowTooWide`]), so
/// that no request can outlive its entry while still fresh.
///
/// ```
/// use callsign_core::verify::{Fingerprint, ReplayCache, ReplayGuard};
/// use callsign_core::Error;
/// let mut cache = ReplayCache::<1>::new(10);
/// let guard: &mut dyn ReplayGuard = &mut cache;
/// let id = Fingerprint::of(&[b"n1"]);
/// assert_eq!(guard.check_and_remember(id, 100, 100), Ok(()));
/// assert_eq!(guard.check_and_remember(id, 100, 101), Err(Error::Replay));
/// ```
pub trait ReplayGuard {
    /// The window, in seconds, for which an entry is kept after its
    /// request's timestamp.
    fn max_skew(&self) -> u64;

    /// Refuses `id` with [`Error::Replay`] if it is remembered and still
    /// live at `now`; otherwise remembers it until `timestamp + max_skew`
    /// (inclusive). An implementation that cannot remember it must refuse
    /// the request ([`Error::ReplayCacheFull`]): replay protection fails
    /// closed.
    fn check_and_remember(
        &mut self,
        id: Fingerprint,
        timestamp: u64,
        now: u64,
    ) -> Result<(), Error>;
}

/// One entry of a replay cache: a [`Fingerprint`] and its expiry, 32
/// bytes with a fixed layout (`#[repr(C)]`), so that storage the caller
/// owns (the C ABI's) can hold a slice of them.
///
/// ```
/// use callsign_core::verify::ReplayEntry;
/// assert_eq!(core::mem::size_of::<ReplayEntry>(), 32);
/// let empty = [ReplayEntry::EMPTY; 4];
/// # let _ = empty;
/// ```
#[derive(Clone, Copy)]
#[repr(C)]
pub struct ReplayEntry {
    id: [u8; FINGERPRINT_LEN],
    expires_at: u64,
    occupied: u64,
}

impl ReplayEntry {
    /// A free entry.
    ///
    /// ```
    /// let free = callsign_core::verify::ReplayEntry::EMPTY;
    /// # let _ = free;
    /// ```
    pub const EMPTY: ReplayEntry = ReplayEntry {
        id: [0; FINGERPRINT_LEN],
        expires_at: 0,
        occupied: 0,
    };

    /// Whether the entry holds a request still live at `now`.
    ///
    /// ```
    /// assert!(!callsign_core::verify::ReplayEntry::EMPTY.is_live_at(0));
    /// ```
    pub const fn is_live_at(&self, now: u64) -> bool {
        self.occupied != 0 && self.expires_at >= now
    }
}

impl core::fmt::Debug for ReplayEntry {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("ReplayEntry")
    }
}

/// The replay logic over any slice of entries.
fn check_and_remember_in(
    slots: &mut [ReplayEntry],
    max_skew: u64,
    id: Fingerprint,
    timestamp: u64,
    now: u64,
) -> Result<(), Error> {
    let mut free = None;
    for (i, slot) in slots.iter().enumerate() {
        if slot.is_live_at(now) {
            if slot.id == id.0 {
                return Err(Error::Replay);
            }
        } else if free.is_none() {
            free = Some(i);
        }
    }
    match free.and_then(|i| slots.get_mut(i)) {
        Some(slot) => {
            *slot = ReplayEntry {
                id: id.0,
                expires_at: timestamp.saturating_add(max_skew),
                occupied: 1,
            };
            Ok(())
        }
        None => Err(Error::ReplayCacheFull),
    }
}

/// How many of `slots` are live at `now`.
fn live_in(slots: &[ReplayEntry], now: u64) -> usize {
    slots.iter().filter(|s| s.is_live_at(now)).count()
}

/// A replay cache of `N` entries (32 bytes each) in a fixed array, with
/// its window fixed at creation.
///
/// An entry is live until the request's timestamp leaves the cache's
/// window (`timestamp + max_skew`); after that a replay is refused as stale
/// anyway, so its slot is reused. When every slot holds a live entry, a new
/// request is refused with [`Error::ReplayCacheFull`] (fail closed), which
/// stays distinct from [`Error::Replay`].
///
/// **Sizing, and flooding.** A request may carry a timestamp up to
/// `max_skew` in the future, so an entry can stay live for up to `2 ×
/// max_skew` seconds after it is accepted. Only authentic requests enter
/// the cache, so a forger cannot fill it — but anyone who can make the
/// vendor send authentic requests can: texting the device's number, calling
/// it, emailing a Mailgun route. Each such request takes an entry for up to
/// `2 × max_skew`; once all `N` are live, every further request, genuine
/// ones included, is refused until entries expire. Choose `N ≥ peak
/// authentic requests per second (including what others can trigger) × 2 ×
/// max_skew`, and a `max_skew` as small as the senders' clocks allow: for 5
/// requests/s and ±300 s, `N = 3000` (94 KiB); at ±30 s, `N = 300`. Use one
/// cache per listener and scheme; lookups scan all `N` slots.
///
/// ```
/// use callsign_core::verify::{Fingerprint, ReplayCache, ReplayGuard};
/// use callsign_core::Error;
/// let mut cache = ReplayCache::<2>::new(50);
/// let (a, b, c) = (Fingerprint::of(&[b"a"]), Fingerprint::of(&[b"b"]), Fingerprint::of(&[b"c"]));
/// cache.check_and_remember(a, 50, 50)?; // live until 100
/// cache.check_and_remember(b, 150, 50)?; // live until 200
/// assert_eq!(cache.check_and_remember(c, 60, 60), Err(Error::ReplayCacheFull));
/// // At 101, `a` has expired: its slot is reused.
/// cache.check_and_remember(c, 101, 101)?;
/// assert_eq!(cache.live(101), 2);
/// # Ok::<(), Error>(())
/// ```
#[derive(Clone)]
pub struct ReplayCache<const N: usize> {
    max_skew: u64,
    slots: [ReplayEntry; N],
}

impl<const N: usize> ReplayCache<N> {
    /// An empty cache whose entries live `max_skew` seconds after their
    /// request's timestamp: the widest window the verifications using it
    /// may ask for.
    ///
    /// ```
    /// let cache = callsign_core::verify::ReplayCache::<16>::new(300);
    /// assert_eq!(cache.live(0), 0);
    /// ```
    pub const fn new(max_skew: u64) -> Self {
        ReplayCache {
            max_skew,
            slots: [ReplayEntry::EMPTY; N],
        }
    }

    /// The number of entries (`N`).
    ///
    /// ```
    /// assert_eq!(callsign_core::verify::ReplayCache::<16>::capacity(), 16);
    /// ```
    pub const fn capacity() -> usize {
        N
    }

    /// How many entries are live at `now`.
    ///
    /// ```
    /// use callsign_core::verify::{Fingerprint, ReplayCache, ReplayGuard};
    /// let mut cache = ReplayCache::<4>::new(10);
    /// cache.check_and_remember(Fingerprint::of(&[b"x"]), 0, 0)?;
    /// assert_eq!((cache.live(10), cache.live(11)), (1, 0));
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn live(&self, now: u64) -> usize {
        live_in(&self.slots, now)
    }

    /// Forgets every entry.
    ///
    /// ```
    /// use callsign_core::verify::{Fingerprint, ReplayCache, ReplayGuard};
    /// let mut cache = ReplayCache::<1>::new(10);
    /// cache.check_and_remember(Fingerprint::of(&[b"x"]), 0, 0)?;
    /// cache.clear();
    /// assert_eq!(cache.live(0), 0);
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn clear(&mut self) {
        self.slots = [ReplayEntry::EMPTY; N];
    }
}

impl<const N: usize> Default for ReplayCache<N> {
    /// A cache with the default window, [`DEFAULT_MAX_SKEW_SECS`].
    fn default() -> Self {
        Self::new(DEFAULT_MAX_SKEW_SECS)
    }
}

impl<const N: usize> ReplayGuard for ReplayCache<N> {
    fn max_skew(&self) -> u64 {
        self.max_skew
    }

    fn check_and_remember(
        &mut self,
        id: Fingerprint,
        timestamp: u64,
        now: u64,
    ) -> Result<(), Error> {
        check_and_remember_in(&mut self.slots, self.max_skew, id, timestamp, now)
    }
}

impl<const N: usize> core::fmt::Debug for ReplayCache<N> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("ReplayCache")
            .field("capacity", &N)
            .field("max_skew", &self.max_skew)
            .field(
                "occupied",
                &self.slots.iter().filter(|s| s.occupied != 0).count(),
            )
            .finish()
    }
}

/// A replay cache over entries in storage the caller owns (a slice of any
/// length chosen at run time), with its window. Same behaviour as
/// [`ReplayCache`]; the C ABI keeps its caches this way.
///
/// ```
/// use callsign_core::verify::{Fingerprint, ReplayEntry, ReplayGuard, ReplaySlots};
/// use callsign_core::Error;
/// let mut storage = [ReplayEntry::EMPTY; 8];
/// let mut cache = ReplaySlots::new(&mut storage, 60);
/// let id = Fingerprint::of(&[b"mac"]);
/// cache.check_and_remember(id, 1_000, 1_000)?;
/// assert_eq!(cache.check_and_remember(id, 1_000, 1_030), Err(Error::Replay));
/// assert_eq!(cache.live(1_060), 1);
/// # Ok::<(), Error>(())
/// ```
#[derive(Debug)]
pub struct ReplaySlots<'a> {
    max_skew: u64,
    slots: &'a mut [ReplayEntry],
}

impl<'a> ReplaySlots<'a> {
    /// A cache over `slots` (used as they are: start from
    /// [`ReplayEntry::EMPTY`]) with the window `max_skew`.
    ///
    /// ```
    /// use callsign_core::verify::{ReplayEntry, ReplaySlots};
    /// let mut storage = [ReplayEntry::EMPTY; 2];
    /// assert_eq!(ReplaySlots::new(&mut storage, 300).capacity(), 2);
    /// ```
    pub fn new(slots: &'a mut [ReplayEntry], max_skew: u64) -> Self {
        ReplaySlots { max_skew, slots }
    }

    /// The number of entries.
    ///
    /// ```
    /// use callsign_core::verify::{ReplayEntry, ReplaySlots};
    /// let mut storage = [ReplayEntry::EMPTY; 3];
    /// assert_eq!(ReplaySlots::new(&mut storage, 1).capacity(), 3);
    /// ```
    pub fn capacity(&self) -> usize {
        self.slots.len()
    }

    /// How many entries are live at `now`.
    ///
    /// ```
    /// use callsign_core::verify::{ReplayEntry, ReplaySlots};
    /// let mut storage = [ReplayEntry::EMPTY; 3];
    /// assert_eq!(ReplaySlots::new(&mut storage, 1).live(0), 0);
    /// ```
    pub fn live(&self, now: u64) -> usize {
        live_in(self.slots, now)
    }
}

impl ReplayGuard for ReplaySlots<'_> {
    fn max_skew(&self) -> u64 {
        self.max_skew
    }

    fn check_and_remember(
        &mut self,
        id: Fingerprint,
        timestamp: u64,
        now: u64,
    ) -> Result<(), Error> {
        check_and_remember_in(self.slots, self.max_skew, id, timestamp, now)
    }
}

/// What a verifier checks besides the signature.
///
/// ```
/// use callsign_core::verify::{Checks, Freshness, ReplayCache};
/// let mut cache = ReplayCache::<8>::default();
/// let _signature_only = Checks::SignatureOnly;
/// let _fresh = Checks::Fresh(Freshness::default_window(1_700_000_000));
/// let _fresh_once = Checks::FreshOnce(Freshness::default_window(1_700_000_000), &mut cache);
/// ```
pub enum Checks<'c> {
    /// The signature only: no clock, no replay cache (what the vendors'
    /// SDKs do, except Mailgun's age check).
    SignatureOnly,
    /// The signature and the timestamp window.
    Fresh(Freshness),
    /// The signature, the timestamp window, and the replay cache: each
    /// authentic request is accepted once while it is fresh.
    FreshOnce(Freshness, &'c mut dyn ReplayGuard),
}

impl Checks<'_> {
    /// Runs the window and replay checks after the signature matched.
    /// `timestamp` parses the request's timestamp (only called when a
    /// window is asked for); `id` names the request for the replay cache.
    pub(crate) fn after_signature(
        self,
        timestamp: impl FnOnce() -> Result<u64, Error>,
        id: impl FnOnce() -> Fingerprint,
    ) -> Result<(), Error> {
        match self {
            Checks::SignatureOnly => Ok(()),
            Checks::Fresh(window) => window.check(timestamp()?),
            Checks::FreshOnce(window, guard) => {
                if window.max_skew() > guard.max_skew() {
                    return Err(Error::ReplayWindowTooWide);
                }
                let t = timestamp()?;
                window.check(t)?;
                guard.check_and_remember(id(), t, window.now())
            }
        }
    }
}

impl core::fmt::Debug for Checks<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            Checks::SignatureOnly => f.write_str("SignatureOnly"),
            Checks::Fresh(w) => f.debug_tuple("Fresh").field(w).finish(),
            Checks::FreshOnce(w, _) => f
                .debug_tuple("FreshOnce")
                .field(w)
                .field(&"<replay guard>")
                .finish(),
        }
    }
}

/// The value of the header `name` (ASCII case-insensitive) in `headers`,
/// given as `(name, value)` pairs in the order received. `None` when absent;
/// [`Error::DuplicateHeader`] (with both indices) when present more than
/// once, since two values for a signed header are ambiguous.
///
/// ```
/// use callsign_core::{verify::find_header, Error};
/// let headers = [("Content-Type", "application/json"), ("X-Timestamp", "t")];
/// assert_eq!(find_header(&headers, "content-type"), Ok(Some("application/json")));
/// assert_eq!(find_header(&headers, "authorization"), Ok(None));
/// let twice = [("a", "1"), ("b", "2"), ("A", "3")];
/// assert_eq!(find_header(&twice, "a"), Err(Error::DuplicateHeader { first: 0, second: 2 }));
/// ```
pub fn find_header<'a>(
    headers: &[(&'a str, &'a str)],
    name: &str,
) -> Result<Option<&'a str>, Error> {
    let mut found: Option<(usize, &'a str)> = None;
    for (i, (n, v)) in headers.iter().enumerate() {
        if n.eq_ignore_ascii_case(name) {
            if let Some((first, _)) = found {
                return Err(Error::DuplicateHeader { first, second: i });
            }
            found = Some((i, *v));
        }
    }
    Ok(found.map(|(_, v)| v))
}

/// Parses decimal Unix seconds: 1 to 20 ASCII digits (leading zeros
/// count) that fit in a `u64`, else [`Error::Malformed`] at the first byte
/// that does not fit.
///
/// ```
/// use callsign_core::{verify::parse_unix_seconds, Error, Field};
/// assert_eq!(parse_unix_seconds("1634579353"), Ok(1_634_579_353));
/// assert_eq!(parse_unix_seconds("17e8"), Err(Error::Malformed { field: Field::Timestamp, position: 2 }));
/// assert_eq!(parse_unix_seconds(""), Err(Error::Malformed { field: Field::Timestamp, position: 0 }));
/// assert_eq!(parse_unix_seconds("000000000000000000001"), Err(Error::Malformed { field: Field::Timestamp, position: 20 }));
/// ```
pub fn parse_unix_seconds(text: &str) -> Result<u64, Error> {
    let malformed = |position| Error::Malformed {
        field: Field::Timestamp,
        position,
    };
    if text.is_empty() {
        return Err(malformed(0));
    }
    if text.len() > UNIX_SECONDS_MAX_DIGITS {
        return Err(malformed(UNIX_SECONDS_MAX_DIGITS));
    }
    let mut value: u64 = 0;
    for (i, b) in text.bytes().enumerate() {
        if !b.is_ascii_digit() {
            return Err(malformed(i));
        }
        value = value
            .checked_mul(10)
            .and_then(|v| v.checked_add(u64::from(b.wrapping_sub(b'0'))))
            .ok_or(malformed(i))?;
    }
    Ok(value)
}

/// Most digits [`parse_unix_seconds`] accepts.
pub const UNIX_SECONDS_MAX_DIGITS: usize = 20;

/// Whether `b` is in the standard Base64 alphabet (`A–Z a–z 0–9 + /`).
pub(crate) const fn is_base64_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'+' || b == b'/'
}

/// Decodes a received signature in padded standard Base64 into exactly `N`
/// bytes (in constant time: RustCrypto `base64ct`). Anything else, text
/// that is not canonical included, is [`Error::Malformed`] for `field` at
/// the first byte that does not fit.
pub(crate) fn decode_base64_exact<const N: usize>(
    text: &[u8],
    field: Field,
) -> Result<[u8; N], Error> {
    let mut out = [0u8; N];
    if let Ok(decoded) = base64ct::Base64::decode(text, &mut out) {
        if decoded.len() == N {
            return Ok(out);
        }
    }
    // Error path: the text is public, so plain scanning is fine.
    let significant = N.saturating_mul(4).div_ceil(3);
    let padded = crate::encode::base64_len(N).unwrap_or(usize::MAX);
    let data_len = text
        .iter()
        .rposition(|&b| b != b'=')
        .map_or(0, |i| i.saturating_add(1));
    let position = match text.iter().position(|&b| !is_base64_char(b)) {
        Some(i) if i < data_len => i,
        _ if data_len != significant => data_len.min(significant),
        _ if text.len() != padded => text.len().min(padded),
        // Right shape, but the last character's unused bits are not zero.
        _ => significant.saturating_sub(1),
    };
    Err(Error::Malformed { field, position })
}

/// The value of a lowercase hex digit, or `0xff` for any other byte.
/// Branch-free, so decoding a received MAC does not depend on its digits.
#[inline(always)]
const fn lower_hex_value(c: u8) -> u8 {
    // 0xff if lo <= c <= hi, else 0x00, without a data-dependent branch.
    const fn in_range(c: u8, lo: u8, hi: u8) -> u8 {
        let a = ((c as i16).wrapping_sub(lo as i16) >> 8) as u8; // 0xff if c < lo
        let b = ((hi as i16).wrapping_sub(c as i16) >> 8) as u8; // 0xff if c > hi
        !(a | b)
    }
    let digit = in_range(c, b'0', b'9');
    let letter = in_range(c, b'a', b'f');
    (digit & c.wrapping_sub(b'0'))
        | (letter & c.wrapping_sub(b'a').wrapping_add(10))
        | !(digit | letter)
}

/// Decodes a received MAC in lowercase hex into exactly `N` bytes.
/// Upper-case digits are refused, as the vendors compare the text:
/// [`Error::Malformed`] at the first offending byte, or at the end when the
/// length is wrong.
pub(crate) fn decode_hex_lower_exact<const N: usize>(
    text: &[u8],
    field: Field,
) -> Result<[u8; N], Error> {
    let mut out = [0u8; N];
    let mut bad = 0u8;
    for (dst, pair) in out.iter_mut().zip(text.chunks_exact(2)) {
        if let [hi, lo] = pair {
            let (h, l) = (lower_hex_value(*hi), lower_hex_value(*lo));
            bad |= (h | l) & 0xf0;
            *dst = (h << 4) | (l & 0x0f);
        }
    }
    if bad != 0 {
        let position = text
            .iter()
            .position(|&c| lower_hex_value(c) > 0x0f)
            .unwrap_or(0);
        return Err(Error::Malformed { field, position });
    }
    if text.len() != N.saturating_mul(2) {
        return Err(Error::Malformed {
            field,
            position: text.len().min(N.saturating_mul(2)),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_hex_values() {
        for c in 0..=255u8 {
            let want = match c {
                b'0'..=b'9' => c - b'0',
                b'a'..=b'f' => c - b'a' + 10,
                _ => 0xff,
            };
            assert_eq!(lower_hex_value(c), want, "{c}");
        }
    }

    #[test]
    fn hex_decoding_is_strict() {
        assert_eq!(
            decode_hex_lower_exact::<2>(b"0aff", Field::Signature),
            Ok([0x0a, 0xff])
        );
        assert_eq!(
            decode_hex_lower_exact::<2>(b"0aFf", Field::Signature),
            Err(Error::Malformed {
                field: Field::Signature,
                position: 2
            })
        );
        assert_eq!(
            decode_hex_lower_exact::<2>(b"0af", Field::Signature),
            Err(Error::Malformed {
                field: Field::Signature,
                position: 3
            })
        );
        assert_eq!(
            decode_hex_lower_exact::<2>(b"0aff00", Field::Signature),
            Err(Error::Malformed {
                field: Field::Signature,
                position: 4
            })
        );
    }

    #[test]
    fn base64_decoding_is_strict() {
        assert_eq!(
            decode_base64_exact::<2>(b"aGk=", Field::Signature),
            Ok(*b"hi")
        );
        for (text, position) in [
            (&b"aGk"[..], 3),
            (b"aG=k", 2),
            (b"aGl=", 2),
            (b"a-k=", 1),
            (b"aGk=aGk=", 3),
            (b"aGlh", 3),
        ] {
            assert_eq!(
                decode_base64_exact::<2>(text, Field::Signature),
                Err(Error::Malformed {
                    field: Field::Signature,
                    position
                }),
                "{:?}",
                core::str::from_utf8(text)
            );
        }
    }
}
