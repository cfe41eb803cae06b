//! The [`Signer`]: one credential's key, computed once, and the signing
//! of a request into a [`SignedRequest`].

use super::canon::Canon;
use super::crypto::{AsciiText, Digester, HexText, Key};
use super::prepare::Prepared;
use super::text::first_non_token;
use super::*;
use crate::error::check_len;
use crate::{Error, Field, Sink};

/// Signs requests with one credential. Build it once: the HMAC key (for
/// V11, the HKDF extract step) is computed here; it is wiped on drop for
/// the SHA-256 algorithms and never shown by `Debug`.
///
/// ```
/// use callsign_core::huawei::apig::{Algorithm, Signer, Variant};
/// use callsign_core::{Error, Field};
/// let signer = Signer::new("AK", b"SK", Algorithm::SdkHmacSha256, Variant::Core)?;
/// assert_eq!(format!("{signer:?}"), "Signer { app_key: \"AK\", algorithm: SdkHmacSha256, variant: Core, .. }");
/// // The normative signer refuses an empty secret; the APIG one accepts it.
/// assert!(matches!(
///     Signer::new("AK", b"", Algorithm::SdkHmacSha256, Variant::Core),
///     Err(Error::InvalidLength { field: Field::Secret, .. })
/// ));
/// assert!(Signer::new("AK", b"", Algorithm::SdkHmacSha256, Variant::ApigPython).is_ok());
/// # Ok::<(), Error>(())
/// ```
#[derive(Clone)]
pub struct Signer<'a> {
    pub(super) app_key: &'a str,
    pub(super) algorithm: Algorithm<'a>,
    variant: Variant,
    key: Key,
}

impl core::fmt::Debug for Signer<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Signer")
            .field("app_key", &self.app_key)
            .field("algorithm", &self.algorithm)
            .field("variant", &self.variant)
            .finish_non_exhaustive()
    }
}

/// Checks a text that goes into the `Authorization` value unquoted (app
/// key, V11 region and service): `min..=max` HTTP token characters.
pub(super) fn check_token(field: Field, text: &str, min: usize, max: usize) -> Result<(), Error> {
    check_len(field, text.len(), min, max)?;
    match first_non_token(text) {
        Some(position) => Err(Error::InvalidCharacter { field, position }),
        None => Ok(()),
    }
}

impl<'a> Signer<'a> {
    /// A signer for the app key (AK) `app_key` and secret (SK) `secret`.
    ///
    /// Errors: an app key that is empty, longer than [`APP_KEY_MAX_LEN`] or
    /// holds a character other than an HTTP token character (so no space,
    /// `,`, `"` or `/`); a secret longer than [`SECRET_MAX_LEN`], or empty
    /// with [`Variant::Core`] (the reference: "sk is required"); a V11
    /// region or service that is not 1 to [`SCOPE_PART_MAX_LEN`] token
    /// characters.
    ///
    /// ```
    /// use callsign_core::huawei::apig::{Algorithm, Signer, Variant};
    /// use callsign_core::{Error, Field};
    /// let v11 = Algorithm::V11HmacSha256 { region: "cn-north-4", service: "ecs" };
    /// assert!(Signer::new("AK", b"SK", v11, Variant::Core).is_ok());
    /// let err = Signer::new("A K", b"SK", Algorithm::SdkHmacSha256, Variant::Core).unwrap_err();
    /// assert_eq!(err, Error::InvalidCharacter { field: Field::AppKey, position: 1 });
    /// ```
    #[inline(always)]
    pub fn new(
        app_key: &'a str,
        secret: &[u8],
        algorithm: Algorithm<'a>,
        variant: Variant,
    ) -> Result<Self, Error> {
        check_token(Field::AppKey, app_key, 1, APP_KEY_MAX_LEN)?;
        let min_secret = match variant {
            Variant::Core => 1,
            Variant::ApigPython => 0,
        };
        check_len(Field::Secret, secret.len(), min_secret, SECRET_MAX_LEN)?;
        #[cfg(feature = "v11")]
        if let Algorithm::V11HmacSha256 { region, service } = algorithm {
            check_token(Field::Region, region, 1, SCOPE_PART_MAX_LEN)?;
            check_token(Field::Service, service, 1, SCOPE_PART_MAX_LEN)?;
        }
        // The key is computed where the signer holds it: no copy of it is
        // left in a temporary, and none is on the stack twice.
        let mut signer = Signer {
            app_key,
            algorithm,
            variant,
            key: Key::EMPTY,
        };
        signer.key.set(&algorithm, app_key, secret)?;
        Ok(signer)
    }

    /// Signs `request` with the default capacities ([`DEFAULT_MAX_HEADERS`]
    /// headers, [`DEFAULT_MAX_QUERY`] query parameters).
    ///
    /// Errors: see [`Signer::sign_with`].
    ///
    /// ```
    /// use callsign_core::huawei::apig::{Algorithm, Request, Signer, Variant};
    /// use callsign_core::{Emit, Timestamp};
    /// let signer = Signer::new("AK", b"SK", Algorithm::SdkHmacSha256, Variant::Core)?;
    /// let request = Request::new("GET", "example.com", "/v1/x", Timestamp::parse("20240115T083000Z")?);
    /// let signed = signer.sign(&request)?;
    /// let added: Vec<_> = signed.headers_added().into_iter().collect();
    /// assert_eq!(added, [("X-Sdk-Date", "20240115T083000Z"), ("Host", "example.com")]);
    /// assert_eq!(signed.signed_headers().to_heapless::<32>()?.as_str(), "host;x-sdk-date");
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn sign<'r>(&'r self, request: &'r Request<'r>) -> Result<Signed<'r>, Error> {
        self.sign_with(request)
    }

    /// Signs `request`, holding at most `H` headers (the caller's plus the
    /// up to 3 added) and `Q` query parameters.
    ///
    /// Errors ([`Error`] variants): `TooManyItems` (more than `H` headers
    /// or `Q` query parameters); `InvalidLength` / `InvalidCharacter` for
    /// the method (not a token), the host (not visible ASCII, or holding
    /// `/ ? # @ \`) or the path (not starting with `/`, holding `?`, `#` or
    /// a control character); `InvalidUtf8` for a path whose percent-decoded
    /// bytes are not UTF-8; `InvalidHeaderName`, `InvalidHeaderValue`,
    /// `DuplicateHeader` (names equal ignoring case); `InvalidTimestamp` /
    /// `TimestampOutOfRange` for an `X-Sdk-Date` header that is not
    /// `YYYYMMDDTHHMMSSZ` from 1970 on; `BodyDigestMismatch` for a body
    /// digest of the other hash function; `InvalidHeaderValue` for an
    /// empty payload header with [`Body::Unsigned`] under [`Variant::Core`]
    /// (the reference would hash the body, which it does not have).
    ///
    /// ```
    /// use callsign_core::huawei::apig::{Algorithm, Request, Signer, Variant};
    /// use callsign_core::{Error, Field, Timestamp};
    /// let signer = Signer::new("AK", b"SK", Algorithm::SdkHmacSha256, Variant::Core)?;
    /// let query = [("a", "1"), ("b", "2"), ("c", "3")];
    /// let request = Request::new("GET", "example.com", "/", Timestamp::UNIX_EPOCH).with_query(&query);
    /// assert!(signer.sign_with::<8, 3>(&request).is_ok());
    /// assert_eq!(
    ///     signer.sign_with::<8, 2>(&request).unwrap_err(),
    ///     Error::TooManyItems { field: Field::Query, max: 2 }
    /// );
    /// # Ok::<(), Error>(())
    /// ```
    pub fn sign_with<'r, const H: usize, const Q: usize>(
        &'r self,
        request: &'r Request<'r>,
    ) -> Result<SignedRequest<'r, H, Q>, Error> {
        // Built once and filled in place: the prepared request, its hash
        // and the signature are never moved through temporaries.
        let mut signed = SignedRequest {
            prepared: Prepared::<H, Q>::empty(request, &self.algorithm, self.variant),
            signer: self,
            signature: AsciiText([b'0'; SIGNATURE_LEN]),
        };
        signed.prepared.fill(&self.algorithm)?;
        let request_hash = canonical_hash(&self.algorithm, &signed.prepared.canon(&self.algorithm));
        self.signature_into(&signed.prepared.date, request_hash, &mut signed.signature);
        Ok(signed)
    }

    /// The hex signature of the string to sign of a request with this
    /// `date` and canonical-request hash. Out of line, as
    /// [`canonical_hash`]: the MAC state is on the stack only while it
    /// runs, never beside the hasher or the caller's temporaries.
    #[inline(never)]
    fn signature_into(&self, date: &str, request_hash: [u8; 32], signature: &mut HexText) {
        let scope = scope_of(&self.algorithm, date);
        let string_to_sign = StringToSign {
            algorithm: self.algorithm.name(),
            date,
            scope,
            hash: request_hash,
        };
        let mut tag = [0u8; 32];
        self.key.mac_into(scope.as_ref(), &string_to_sign, &mut tag);
        crate::encode::hex32_into(&tag, &mut signature.0);
    }
}

/// The hash of the canonical request, streamed into the hasher as it is
/// produced (never stored). Out of line and not generic: one copy for every
/// capacity, and its hasher state lives only while it runs.
#[inline(never)]
pub(super) fn canonical_hash(algorithm: &Algorithm<'_>, canon: &Canon<'_>) -> [u8; 32] {
    let body = canon.body_digest();
    hash_canonical_request(algorithm, canon, &body)
}

/// The hash of the canonical request whose payload line is `body` (when
/// it holds the body digest); out of line, so the body hash, computed
/// before, never stacks on this hasher.
#[inline(never)]
fn hash_canonical_request(
    algorithm: &Algorithm<'_>,
    canon: &Canon<'_>,
    body: &[u8; 32],
) -> [u8; 32] {
    let mut digester = Digester::new(algorithm);
    canon.emit_canonical_request_with(&mut digester, body);
    digester.finalize()
}

/// The V11 credential scope `YYYYMMDD/region/service` of a request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Scope<'s> {
    pub(crate) day: &'s str,
    pub(crate) region: &'s str,
    pub(crate) service: &'s str,
}

impl Scope<'_> {
    pub(crate) fn emit<S: Sink + ?Sized>(&self, sink: &mut S) {
        sink.write(self.day.as_bytes());
        sink.write(b"/");
        sink.write(self.region.as_bytes());
        sink.write(b"/");
        sink.write(self.service.as_bytes());
    }
}

#[cfg_attr(not(feature = "v11"), allow(unused_variables))]
pub(super) fn scope_of<'s>(algorithm: &Algorithm<'s>, date: &'s str) -> Option<Scope<'s>> {
    match *algorithm {
        #[cfg(feature = "v11")]
        Algorithm::V11HmacSha256 { region, service } => Some(Scope {
            day: date.get(..8).unwrap_or_default(),
            region,
            service,
        }),
        _ => None,
    }
}
