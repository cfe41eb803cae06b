//! Sinch OAuth2 client credentials (api-surface spec §4), for the
//! project-scoped APIs (Conversation, Numbers, Fax, …; not Voice or
//! Verification, which take application credentials):
//! [`TokenRequest`] (URL per region, `Authorization: Basic`, the form
//! body), [`TokenResponse`] (the token endpoint's JSON), and
//! [`TokenCache`], one token in caller storage with a refresh margin.
//!
//! ```
//! use callsign_core::sinch::oauth2::{Action, Region, TokenCache, TokenRequest, TokenResponse};
//! let req = TokenRequest::new(Region::Eu, "YOUR_KEY_ID", "YOUR_KEY_SECRET")?;
//! assert_eq!(req.url(), "https://eu.auth.sinch.com/oauth2/token");
//! assert_eq!(req.authorization().to_heapless()?.as_str(), "Basic WU9VUl9LRVlfSUQ6WU9VUl9LRVlfU0VDUkVU");
//! // POST it with TokenRequest::BODY, note when it was sent, then:
//! let sent_at = 1_700_000_000;
//! let resp = TokenResponse::parse(r#"{ "access_token": "eyJ...", "token_type": "bearer", "expires_in": 3600 }"#)?;
//! let mut cache = TokenCache::<1024>::new();
//! cache.store(&resp, sent_at)?;
//! assert_eq!(cache.action(sent_at + 10), Action::Use);
//! assert_eq!(cache.bearer()?.to_heapless::<1100>()?.as_str(), "Bearer eyJ...");
//! assert_eq!(cache.action(sent_at + 3540), Action::Refresh); // 60 s before expiry
//! # Ok::<(), callsign_core::Error>(())
//! ```

use zeroize::Zeroize;

use crate::basic::Basic;
use crate::error::invalid;
use crate::json::fields::{pick, plain, required, text, top_object, uint};
use crate::json::read::Value;
use crate::json::JsonStr;
use crate::{Emit, Error, Field, Problem, Sink};

/// The refresh margin: a token is renewed this many seconds before it
/// expires (the Node SDK's 60 s); half the lifetime for tokens that live
/// less than twice as long.
pub const REFRESH_MARGIN_SECS: u64 = 60;

/// Where to ask for a token (spec §4.2, §5 A18: the global host by
/// default; tokens are not tied to an API region as far as the docs say).
///
/// ```
/// use callsign_core::sinch::oauth2::Region;
/// assert_eq!(Region::from_text("us")?.token_url(), "https://us.auth.sinch.com/oauth2/token");
/// assert!(Region::from_text("apac").is_err());
/// # Ok::<(), callsign_core::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum Region {
    /// `auth.sinch.com`.
    #[default]
    Global,
    /// `us.auth.sinch.com`.
    Us,
    /// `eu.auth.sinch.com`.
    Eu,
}

impl Region {
    /// Reads `global`, `us` or `eu`; anything else names [`Field::Region`].
    ///
    /// ```
    /// use callsign_core::sinch::oauth2::Region;
    /// assert_eq!(Region::from_text("global"), Ok(Region::Global));
    /// ```
    pub fn from_text(text: &str) -> Result<Self, Error> {
        match text {
            "global" => Ok(Region::Global),
            "us" => Ok(Region::Us),
            "eu" => Ok(Region::Eu),
            _ => Err(invalid(
                Field::Region,
                Problem::NotInEnum {
                    allowed: "global|us|eu",
                },
            )),
        }
    }

    /// The token endpoint.
    ///
    /// ```
    /// assert_eq!(callsign_core::sinch::oauth2::Region::Global.token_url(), "https://auth.sinch.com/oauth2/token");
    /// ```
    pub const fn token_url(self) -> &'static str {
        match self {
            Region::Global => "https://auth.sinch.com/oauth2/token",
            Region::Us => "https://us.auth.sinch.com/oauth2/token",
            Region::Eu => "https://eu.auth.sinch.com/oauth2/token",
        }
    }
}

/// A token request: `POST {url}` with `Authorization: Basic
/// base64(key_id:key_secret)`, `Content-Type: `[`TokenRequest::CONTENT_TYPE`]
/// and the body [`TokenRequest::BODY`].
///
/// ```
/// use callsign_core::sinch::oauth2::{Region, TokenRequest};
/// let req = TokenRequest::new(Region::Us, "id", "secret")?;
/// assert_eq!((TokenRequest::METHOD, TokenRequest::BODY), ("POST", "grant_type=client_credentials"));
/// assert_eq!(req.region(), Region::Us);
/// # Ok::<(), callsign_core::Error>(())
/// ```
#[derive(Clone, Copy)]
pub struct TokenRequest<'a> {
    region: Region,
    basic: Basic<'a>,
}

impl core::fmt::Debug for TokenRequest<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("TokenRequest")
            .field("region", &self.region)
            .finish_non_exhaustive()
    }
}

impl<'a> TokenRequest<'a> {
    /// The HTTP method.
    pub const METHOD: &'static str = "POST";
    /// The `Content-Type` (what `curl -d` sends).
    pub const CONTENT_TYPE: &'static str = "application/x-www-form-urlencoded";
    /// The body, exactly.
    pub const BODY: &'static str = "grant_type=client_credentials";

    /// A request for `region` with the project access key.
    ///
    /// ```
    /// use callsign_core::{sinch::oauth2::{Region, TokenRequest}, Error, Field};
    /// assert!(matches!(TokenRequest::new(Region::Global, "a:b", "s"), Err(Error::InvalidCharacter { field: Field::User, .. })));
    /// ```
    pub fn new(region: Region, key_id: &'a str, key_secret: &'a str) -> Result<Self, Error> {
        Ok(TokenRequest {
            region,
            basic: Basic::sinch_key(key_id, key_secret)?,
        })
    }

    /// The region.
    ///
    /// ```
    /// # use callsign_core::sinch::oauth2::{Region, TokenRequest};
    /// assert_eq!(TokenRequest::new(Region::Eu, "i", "s")?.region(), Region::Eu);
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub const fn region(&self) -> Region {
        self.region
    }

    /// The token endpoint URL.
    ///
    /// ```
    /// # use callsign_core::sinch::oauth2::{Region, TokenRequest};
    /// assert_eq!(TokenRequest::new(Region::Global, "i", "s")?.url(), "https://auth.sinch.com/oauth2/token");
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub const fn url(&self) -> &'static str {
        self.region.token_url()
    }

    /// The `Authorization` header value (`Basic …`).
    ///
    /// ```
    /// # use callsign_core::sinch::oauth2::{Region, TokenRequest};
    /// let req = TokenRequest::new(Region::Global, "YOUR_KEY_ID", "YOUR_KEY_SECRET")?;
    /// assert!(req.authorization().to_heapless()?.starts_with("Basic WU9VUl9LRVlf"));
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub const fn authorization(&self) -> &Basic<'a> {
        &self.basic
    }
}

/// A token endpoint's 200 response (spec §4.3).
///
/// ```
/// use callsign_core::sinch::oauth2::TokenResponse;
/// let r = TokenResponse::parse("{\n  \"access_token\": \"eyJhbGciOi...\",\n  \"token_type\": \"Bearer\",\n  \"expires_in\": 3600,\n  \"scope\": \"\"\n}")?;
/// assert_eq!((r.access_token, r.expires_in), ("eyJhbGciOi...", 3600));
/// assert_eq!(r.expires_at(1_700_000_000), 1_700_003_600);
/// assert_eq!(r.refresh_at(1_700_000_000), 1_700_003_540);
/// # Ok::<(), callsign_core::Error>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct TokenResponse<'a> {
    /// `access_token`: non-empty.
    pub access_token: &'a str,
    /// `token_type`: `bearer` in any case.
    pub token_type: &'a str,
    /// `expires_in`: the lifetime in seconds, positive.
    pub expires_in: u64,
    /// `scope`, if present.
    pub scope: Option<JsonStr<'a>>,
}

impl core::fmt::Debug for TokenResponse<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("TokenResponse")
            .field("token_type", &self.token_type)
            .field("expires_in", &self.expires_in)
            .finish_non_exhaustive()
    }
}

impl<'a> TokenResponse<'a> {
    /// Parses the JSON of a 200 response: strict JSON, unknown keys
    /// ignored. (Any other status is an error whatever the body: keep the
    /// body raw, spec §4.4.)
    ///
    /// ```
    /// use callsign_core::{sinch::oauth2::TokenResponse, Error, Field, Problem};
    /// assert_eq!(
    ///     TokenResponse::parse(r#"{"access_token":"a","token_type":"bearer","expires_in":"3600"}"#).unwrap_err(),
    ///     Error::InvalidField { field: Field::ExpiresIn, problem: Problem::WrongType { expected: "integer" } }
    /// );
    /// assert!(TokenResponse::parse(r#"{"access_token":"a","token_type":"mac","expires_in":3600}"#).is_err());
    /// ```
    pub fn parse(body: &'a str) -> Result<Self, Error> {
        let [token, kind, expires, scope] = pick(
            top_object(body)?,
            [
                ("access_token", Field::AccessToken),
                ("token_type", Field::TokenType),
                ("expires_in", Field::ExpiresIn),
                ("scope", Field::Scope),
            ],
        )?;
        let access_token = plain(
            Some(required(token, Field::AccessToken)?),
            Field::AccessToken,
            1,
            65_536,
        )?
        .unwrap_or("");
        let token_type = plain(
            Some(required(kind, Field::TokenType)?),
            Field::TokenType,
            1,
            64,
        )?
        .unwrap_or("");
        if !token_type.eq_ignore_ascii_case("bearer") {
            return Err(invalid(
                Field::TokenType,
                Problem::NotInEnum { allowed: "bearer" },
            ));
        }
        let expires = required(expires, Field::ExpiresIn)?;
        if let Value::Number(n) = expires {
            if n.starts_with('-') || n == "0" {
                return Err(invalid(
                    Field::ExpiresIn,
                    Problem::OutOfRange {
                        min: 1,
                        max: u64::MAX,
                    },
                ));
            }
        }
        let expires_in = uint(Some(expires), Field::ExpiresIn, u64::MAX)?.unwrap_or(0);
        Ok(TokenResponse {
            access_token,
            token_type,
            expires_in,
            scope: text(scope, Field::Scope)?,
        })
    }

    /// When the token expires: `sent_at + expires_in`, with `sent_at` when
    /// the request was **sent** (the safe side).
    ///
    /// ```
    /// # use callsign_core::sinch::oauth2::TokenResponse;
    /// let r = TokenResponse::parse(r#"{"access_token":"a","token_type":"bearer","expires_in":100}"#)?;
    /// assert_eq!(r.expires_at(1000), 1100);
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub const fn expires_at(&self, sent_at: u64) -> u64 {
        sent_at.saturating_add(self.expires_in)
    }

    /// When to renew it: [`REFRESH_MARGIN_SECS`] before expiry, or half the
    /// lifetime before it when `expires_in < 120`.
    ///
    /// ```
    /// # use callsign_core::sinch::oauth2::TokenResponse;
    /// let r = TokenResponse::parse(r#"{"access_token":"a","token_type":"bearer","expires_in":100}"#)?;
    /// assert_eq!(r.refresh_at(1000), 1050);
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub const fn refresh_at(&self, sent_at: u64) -> u64 {
        let margin = if self.expires_in < 2 * REFRESH_MARGIN_SECS {
            self.expires_in / 2
        } else {
            REFRESH_MARGIN_SECS
        };
        self.expires_at(sent_at).saturating_sub(margin)
    }
}

/// What to do with the cached token at a given time.
///
/// ```
/// use callsign_core::sinch::oauth2::{Action, TokenCache};
/// assert_eq!(TokenCache::<64>::new().action(0), Action::Refresh);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum Action {
    /// Use the cached token.
    Use,
    /// Fetch a new token first (none cached, invalidated, or within the
    /// refresh margin of its expiry).
    Refresh,
}

/// One Sinch access token in caller storage, at most `N` bytes: stored
/// from a [`TokenResponse`], used until its refresh time, dropped on a 401
/// ([`TokenCache::invalidate`]). The token is wiped when replaced,
/// invalidated or dropped.
///
/// ```
/// use callsign_core::sinch::oauth2::{Action, TokenCache, TokenResponse};
/// use callsign_core::{Error, Field, Problem};
/// let r = TokenResponse::parse(r#"{"access_token":"abcdef","token_type":"Bearer","expires_in":3600}"#)?;
/// let mut small = TokenCache::<4>::new();
/// assert_eq!(small.store(&r, 0), Err(Error::InvalidField { field: Field::AccessToken, problem: Problem::TooLong { max: 4 } }));
/// let mut cache = TokenCache::<64>::new();
/// cache.store(&r, 0)?;
/// cache.invalidate(); // the API answered 401
/// assert_eq!(cache.action(1), Action::Refresh);
/// # Ok::<(), Error>(())
/// ```
pub struct TokenCache<const N: usize> {
    token: [u8; N],
    len: usize,
    expires_at: u64,
    refresh_at: u64,
}

impl<const N: usize> TokenCache<N> {
    /// An empty cache.
    ///
    /// ```
    /// let cache = callsign_core::sinch::oauth2::TokenCache::<2048>::new();
    /// assert!(cache.bearer().is_err());
    /// ```
    pub const fn new() -> Self {
        TokenCache {
            token: [0; N],
            len: 0,
            expires_at: 0,
            refresh_at: 0,
        }
    }

    /// Stores the token of `response`, requested at `sent_at` (Unix
    /// seconds); a token longer than `N` bytes is an error and the cache
    /// is left empty.
    ///
    /// ```
    /// # use callsign_core::sinch::oauth2::{TokenCache, TokenResponse};
    /// let r = TokenResponse::parse(r#"{"access_token":"t","token_type":"bearer","expires_in":3600}"#)?;
    /// let mut cache = TokenCache::<16>::new();
    /// cache.store(&r, 1_700_000_000)?;
    /// assert_eq!((cache.expires_at(), cache.refresh_at()), (1_700_003_600, 1_700_003_540));
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn store(&mut self, response: &TokenResponse<'_>, sent_at: u64) -> Result<(), Error> {
        self.invalidate();
        let token = response.access_token.as_bytes();
        let dst = self
            .token
            .get_mut(..token.len())
            .ok_or(invalid(Field::AccessToken, Problem::TooLong { max: N }))?;
        crate::out::copy_exact(dst, token);
        self.len = token.len();
        self.expires_at = response.expires_at(sent_at);
        self.refresh_at = response.refresh_at(sent_at);
        Ok(())
    }

    /// Use the token, or refresh it first, at `now` (Unix seconds).
    ///
    /// ```
    /// # use callsign_core::sinch::oauth2::{Action, TokenCache, TokenResponse};
    /// let r = TokenResponse::parse(r#"{"access_token":"t","token_type":"bearer","expires_in":3600}"#)?;
    /// let mut cache = TokenCache::<16>::new();
    /// cache.store(&r, 0)?;
    /// assert_eq!(cache.action(3539), Action::Use);
    /// assert_eq!(cache.action(3540), Action::Refresh);
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn action(&self, now: u64) -> Action {
        if self.len > 0 && now < self.refresh_at {
            Action::Use
        } else {
            Action::Refresh
        }
    }

    /// Forgets the token (call it on a 401 from an API).
    ///
    /// ```
    /// let mut cache = callsign_core::sinch::oauth2::TokenCache::<16>::new();
    /// cache.invalidate();
    /// assert_eq!(cache.expires_at(), 0);
    /// ```
    pub fn invalidate(&mut self) {
        self.token.zeroize();
        self.len = 0;
        self.expires_at = 0;
        self.refresh_at = 0;
    }

    /// When the stored token expires (0 when empty).
    ///
    /// ```
    /// assert_eq!(callsign_core::sinch::oauth2::TokenCache::<8>::new().expires_at(), 0);
    /// ```
    pub const fn expires_at(&self) -> u64 {
        self.expires_at
    }

    /// When the stored token should be renewed (0 when empty).
    ///
    /// ```
    /// assert_eq!(callsign_core::sinch::oauth2::TokenCache::<8>::new().refresh_at(), 0);
    /// ```
    pub const fn refresh_at(&self) -> u64 {
        self.refresh_at
    }

    /// The `Authorization` value `Bearer {token}` (the scheme always spelled
    /// `Bearer`, §5 A17); an error naming [`Field::AccessToken`] when empty.
    ///
    /// ```
    /// # use callsign_core::sinch::oauth2::{TokenCache, TokenResponse};
    /// let r = TokenResponse::parse(r#"{"access_token":"t1","token_type":"bearer","expires_in":3600}"#)?;
    /// let mut cache = TokenCache::<16>::new();
    /// cache.store(&r, 0)?;
    /// let mut buf = [0u8; 16];
    /// let n = cache.bearer()?.write(&mut buf)?;
    /// assert_eq!(&buf[..n], b"Bearer t1");
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn bearer(&self) -> Result<Bearer<'_>, Error> {
        match self.token.get(..self.len) {
            Some(token) if !token.is_empty() => Ok(Bearer { token }),
            _ => Err(invalid(Field::AccessToken, Problem::Missing)),
        }
    }
}

impl<const N: usize> Default for TokenCache<N> {
    fn default() -> Self {
        Self::new()
    }
}

impl<const N: usize> Drop for TokenCache<N> {
    fn drop(&mut self) {
        self.token.zeroize();
    }
}

impl<const N: usize> core::fmt::Debug for TokenCache<N> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("TokenCache")
            .field("len", &self.len)
            .field("expires_at", &self.expires_at)
            .field("refresh_at", &self.refresh_at)
            .finish_non_exhaustive()
    }
}

/// `Bearer {token}`.
///
/// ```
/// use callsign_core::sinch::oauth2::{TokenCache, TokenResponse};
/// let r = TokenResponse::parse(r#"{"access_token":"t1","token_type":"bearer","expires_in":3600}"#)?;
/// let mut cache = TokenCache::<16>::new();
/// cache.store(&r, 0)?;
/// assert_eq!(cache.bearer()?.len(), 9);
/// # Ok::<(), callsign_core::Error>(())
/// ```
#[derive(Clone, Copy)]
pub struct Bearer<'c> {
    token: &'c [u8],
}

impl core::fmt::Debug for Bearer<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("Bearer(..)")
    }
}

impl Bearer<'_> {
    /// Exact length in bytes.
    ///
    /// ```
    /// # use callsign_core::sinch::oauth2::{TokenCache, TokenResponse};
    /// let r = TokenResponse::parse(r#"{"access_token":"t1","token_type":"bearer","expires_in":3600}"#)?;
    /// let mut cache = TokenCache::<16>::new();
    /// cache.store(&r, 0)?;
    /// assert_eq!(cache.bearer()?.len(), 9);
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    #[allow(clippy::len_without_is_empty)]
    pub fn len(&self) -> usize {
        Emit::len(self)
    }

    /// Writes the value at the start of `out`, or
    /// [`Error::BufferTooSmall`] (nothing written).
    ///
    /// ```
    /// # use callsign_core::{sinch::oauth2::{TokenCache, TokenResponse}, Error};
    /// let r = TokenResponse::parse(r#"{"access_token":"t1","token_type":"bearer","expires_in":3600}"#)?;
    /// let mut cache = TokenCache::<16>::new();
    /// cache.store(&r, 0)?;
    /// assert_eq!(cache.bearer()?.write(&mut [0u8; 4]), Err(Error::BufferTooSmall { needed: 9 }));
    /// # Ok::<(), Error>(())
    /// ```
    pub fn write(&self, out: &mut [u8]) -> Result<usize, Error> {
        Emit::write(self, out)
    }

    /// The value as a `heapless::String` of capacity `M`.
    ///
    /// ```
    /// # use callsign_core::sinch::oauth2::{TokenCache, TokenResponse};
    /// let r = TokenResponse::parse(r#"{"access_token":"t1","token_type":"bearer","expires_in":3600}"#)?;
    /// let mut cache = TokenCache::<16>::new();
    /// cache.store(&r, 0)?;
    /// assert_eq!(cache.bearer()?.to_heapless::<32>()?.as_str(), "Bearer t1");
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn to_heapless<const M: usize>(&self) -> Result<heapless::String<M>, Error> {
        Emit::to_heapless(self)
    }
}

impl Emit for Bearer<'_> {
    fn len(&self) -> usize {
        self.token.len().saturating_add(7)
    }

    fn emit<S: Sink + ?Sized>(&self, sink: &mut S) {
        sink.write(b"Bearer ");
        sink.write(self.token);
    }
}
