//! Verification of the pushes the Huawei voice platform sends to
//! `statusUrl` / `feeUrl` (api-surface spec §2.1, §5 A9). The platform
//! signs them with the same two headers as a request (`Authorization: AKSK
//! …` and `X-AKSK: UsernameToken …`), but the digest covers the push URL:
//! `PasswordDigest = Base64(HMAC-SHA256(app_secret, url ‖ nonce ‖ created))`
//! ([`push_digest`]).
//!
//! **No vendor-captured push exists to confirm this formula**: it follows
//! the vendor's wording ("url+安全随机数+时间戳", plain concatenation like
//! every other Huawei digest); one scraped excerpt shows `"\n"` separators
//! instead. The digest input lives in [`push_digest`] alone, so a real
//! captured push can settle it in one place.
//!
//! ```
//! use callsign_core::huawei::verify::ParsedToken;
//! use callsign_core::huawei::voice_push::{verify_push, PushXAksk};
//! use callsign_core::verify::{Checks, Freshness, ReplayCache};
//! use callsign_core::{HmacKey, Nonce, Timestamp};
//!
//! let key = HmacKey::new(b"Zy9Xw8Vu7Ts6Rq5Po4Nm3Lk2Ji1H");
//! let url = "https://example.com/voice/status";
//! let nonce = Nonce::new("66c92b11ff8a425fb8d4ccfe0ed9ed1f")?;
//! let created = Timestamp::parse("2024-03-01T08:15:30Z")?;
//! // What the platform would send (here signed by the push signer):
//! let header = PushXAksk::new("a1B2c3D4e5F6g7H8i9J0kLmNoPqR", &key, url, &nonce, created)?.to_heapless()?;
//!
//! let token = ParsedToken::parse(&header)?;
//! let mut seen = ReplayCache::<64>::default(); // +-300 s entries
//! let now = 1_709_280_960;
//! let app = "a1B2c3D4e5F6g7H8i9J0kLmNoPqR"; // whose secret `key` is
//! verify_push(&token, app, &key, url, Checks::FreshOnce(Freshness::default_window(now), &mut seen))?;
//! # Ok::<(), callsign_core::Error>(())
//! ```

use super::token_max_len;
use super::verify::{ParsedToken, VerifiedToken};
use super::voice::XAksk;
use crate::verify::{ct_eq_then_wipe, Checks};
use crate::{Emit, Error, HmacKey, Nonce, Sink, Timestamp};

/// Length of the Base64 `PasswordDigest`.
const DIGEST_LEN: usize = 44;

/// Largest push `X-AKSK` value.
pub const PUSH_X_AKSK_MAX_LEN: usize = token_max_len(DIGEST_LEN);

/// The push digest: HMAC-SHA256 with the app secret's `key` over
/// `url ‖ nonce ‖ created` (`created` in the `YYYY-MM-DDTHH:MM:SSZ` form),
/// plain concatenation (spec §5 A9). The one place the formula lives; no
/// vendor-captured push confirms it (see the module docs).
///
/// ```
/// use callsign_core::huawei::voice_push::push_digest;
/// use callsign_core::{hmac_sha256, HmacKey, Timestamp};
/// let t = Timestamp::parse("2024-03-01T08:15:30Z")?;
/// assert_eq!(
///     push_digest(&HmacKey::new(b"s"), "http://a/b", "n1", t),
///     hmac_sha256(b"s", b"http://a/bn12024-03-01T08:15:30Z"),
/// );
/// # Ok::<(), callsign_core::Error>(())
/// ```
pub fn push_digest(key: &HmacKey, url: &str, nonce: &str, created: Timestamp) -> [u8; 32] {
    let mut digest = [0u8; 32];
    push_digest_into(key, url, nonce, created, &mut digest);
    digest
}

/// [`push_digest`] into `out`, with no other copy (a verifier's expected
/// digest, wiped after the comparison).
fn push_digest_into(key: &HmacKey, url: &str, nonce: &str, created: Timestamp, out: &mut [u8; 32]) {
    let created = created.extended().to_array();
    key.mac_parts_into(&[url.as_bytes(), nonce.as_bytes(), &created], out);
}

/// Verifies a received push `X-AKSK` (parsed with [`ParsedToken::parse`])
/// as the application `username`, against its app secret's `key` and the
/// push `url` as configured (the statusUrl/feeUrl in plain text, not its
/// Base64), exactly as [`super::verify::verify_x_aksk`] verifies a request:
/// `Username` equal to `username` ([`Error::KeyMismatch`]), the digest in
/// constant time ([`Error::Malformed`], [`Error::SignatureMismatch`]), then
/// `checks` (the `Created` window against the caller's `now`, and the
/// replay cache keyed by the digest).
///
/// Also check the `Authorization` header with
/// [`super::verify::check_authorization`] and [`super::voice::AUTHORIZATION`].
///
/// ```
/// use callsign_core::huawei::{verify::ParsedToken, voice_push::{verify_push, PushXAksk}};
/// use callsign_core::{verify::Checks, Error, HmacKey, Nonce, Timestamp};
/// let key = HmacKey::new(b"secret");
/// let nonce = Nonce::new("n1")?;
/// let header = PushXAksk::new("k", &key, "http://a/b", &nonce, Timestamp::UNIX_EPOCH)?.to_heapless()?;
/// let token = ParsedToken::parse(&header)?;
/// assert!(verify_push(&token, "k", &key, "http://a/b", Checks::SignatureOnly).is_ok());
/// assert_eq!(verify_push(&token, "k", &key, "http://a/c", Checks::SignatureOnly), Err(Error::SignatureMismatch));
/// assert_eq!(verify_push(&token, "j", &key, "http://a/b", Checks::SignatureOnly), Err(Error::KeyMismatch));
/// # Ok::<(), Error>(())
/// ```
pub fn verify_push<'a>(
    token: &ParsedToken<'a>,
    username: &str,
    key: &HmacKey,
    url: &str,
    checks: Checks<'_>,
) -> Result<VerifiedToken<'a>, Error> {
    token.check_username(username)?;
    let received: [u8; 32] = token.digest()?;
    let mut expected = [0u8; 32];
    push_digest_into(key, url, token.nonce(), token.created(), &mut expected);
    if !ct_eq_then_wipe(&mut expected, &received) {
        return Err(Error::SignatureMismatch);
    }
    token.after_digest(b"huawei-voice-push", &received, checks)
}

/// A push `X-AKSK` value, signed as the platform signs pushes: for tests
/// and simulators of the platform.
///
/// ```
/// use callsign_core::huawei::voice_push::PushXAksk;
/// use callsign_core::{HmacKey, Nonce, Timestamp};
/// let nonce = Nonce::new("n1")?;
/// let v = PushXAksk::new("k", &HmacKey::new(b"s"), "http://a/b", &nonce, Timestamp::UNIX_EPOCH)?;
/// assert!(v.to_heapless()?.starts_with("UsernameToken Username=\"k\",PasswordDigest=\""));
/// # Ok::<(), callsign_core::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct PushXAksk<'a>(XAksk<'a>);

impl<'a> PushXAksk<'a> {
    /// Signs a push to `url`.
    ///
    /// ```
    /// use callsign_core::huawei::voice_push::PushXAksk;
    /// use callsign_core::{HmacKey, Nonce, Timestamp};
    /// let nonce = Nonce::new("n1")?;
    /// assert!(PushXAksk::new("bad\"key", &HmacKey::new(b"s"), "u", &nonce, Timestamp::UNIX_EPOCH).is_err());
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn new(
        app_key: &'a str,
        key: &HmacKey,
        url: &str,
        nonce: &'a Nonce,
        created: Timestamp,
    ) -> Result<Self, Error> {
        let tag = push_digest(key, url, nonce.as_str(), created);
        XAksk::with_tag(app_key, &tag, nonce.into(), created).map(PushXAksk)
    }

    /// The value as a `heapless::String`.
    ///
    /// ```
    /// use callsign_core::huawei::voice_push::PushXAksk;
    /// use callsign_core::{HmacKey, Nonce, Timestamp};
    /// let nonce = Nonce::new("n1")?;
    /// let v = PushXAksk::new("k", &HmacKey::new(b"s"), "u", &nonce, Timestamp::UNIX_EPOCH)?;
    /// assert!(v.to_heapless()?.ends_with(r#",Nonce="n1",Created="1970-01-01T00:00:00Z""#));
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn to_heapless(&self) -> Result<heapless::String<PUSH_X_AKSK_MAX_LEN>, Error> {
        Emit::to_heapless(self)
    }
}

impl Emit for PushXAksk<'_> {
    fn len(&self) -> usize {
        self.0.len()
    }

    fn emit<S: Sink + ?Sized>(&self, sink: &mut S) {
        Emit::emit(&self.0, sink);
    }
}
