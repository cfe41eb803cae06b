//! The signed request and its outputs: the `Authorization` value, the
//! headers to add, the request target, and for display the canonical
//! request and the string to sign.

use super::canon::{counted, host_header_name, Canon};
use super::crypto::HexText;
use super::prepare::Prepared;
use super::signer::{canonical_hash, scope_of, Scope};
use super::sort::{CONTENT_SLOT, DATE_HEADER, DATE_SLOT, HOST_SLOT};
use super::*;
use crate::{Emit, Error, Out, Sink};

/// A signed request, from [`Signer::sign_with`]: the `Authorization` value,
/// the headers to add, the request target, and (for debugging) the
/// canonical request and the string to sign. It borrows the request.
///
/// ```
/// use callsign_core::huawei::apig::{Algorithm, Request, Signer, Variant};
/// use callsign_core::Timestamp;
/// let signer = Signer::new("AK", b"SK", Algorithm::SdkHmacSha256, Variant::Core)?;
/// let request = Request::new("GET", "example.com", "/", Timestamp::UNIX_EPOCH);
/// let signed = signer.sign(&request)?;
/// assert_eq!(signed.signature().len(), 64);
/// # Ok::<(), callsign_core::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct SignedRequest<'r, const H: usize, const Q: usize> {
    pub(super) prepared: Prepared<'r, H, Q>,
    /// The signer: its app key and algorithm (a reference, not copies:
    /// the signed request is moved by value, and is smaller so).
    pub(super) signer: &'r Signer<'r>,
    pub(super) signature: HexText,
}

/// A [`SignedRequest`] with the default capacities.
pub type Signed<'r> = SignedRequest<'r, DEFAULT_MAX_HEADERS, DEFAULT_MAX_QUERY>;

/// The headers the signer added, in the order `X-Sdk-Date`, `Host`,
/// `X-Sdk-Content-Sha256` (or `X-Sdk-Content-Sm3`); each only when it was
/// added.
pub type HeadersAdded<'s> = heapless::Vec<(&'static str, &'s str), 3>;

impl<const H: usize, const Q: usize> SignedRequest<'_, H, Q> {
    fn canon(&self) -> Canon<'_> {
        self.prepared.canon(&self.signer.algorithm)
    }

    /// The signature: 64 lowercase hex characters.
    ///
    /// ```
    /// # use callsign_core::huawei::apig::{Algorithm, Request, Signer, Variant};
    /// # let signer = Signer::new("AK", b"SK", Algorithm::SdkHmacSha256, Variant::Core)?;
    /// # let request = Request::new("GET", "example.com", "/", callsign_core::Timestamp::UNIX_EPOCH);
    /// let signed = signer.sign(&request)?;
    /// assert!(signed.signature().bytes().all(|b| b.is_ascii_hexdigit()));
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn signature(&self) -> &str {
        &self.signature
    }

    /// The `X-Sdk-Date` value signed: the caller's header, or the request's
    /// date.
    ///
    /// ```
    /// # use callsign_core::huawei::apig::{Algorithm, Request, Signer, Variant};
    /// # let signer = Signer::new("AK", b"SK", Algorithm::SdkHmacSha256, Variant::Core)?;
    /// let request = Request::new("GET", "example.com", "/", callsign_core::Timestamp::from_unix(86_400)?);
    /// assert_eq!(signer.sign(&request)?.date(), "19700102T000000Z");
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn date(&self) -> &str {
        &self.prepared.date
    }

    /// The headers to send besides the caller's and `Authorization`.
    ///
    /// ```
    /// # use callsign_core::huawei::apig::{Algorithm, Request, Signer, Variant};
    /// # let signer = Signer::new("AK", b"SK", Algorithm::SdkHmacSha256, Variant::Core)?;
    /// let headers = [("Content-Type", "application/x-www-form-urlencoded"), ("X-Sdk-Date", "20240115T083000Z")];
    /// let request = Request::new("POST", "example.com", "/", callsign_core::Timestamp::UNIX_EPOCH)
    ///     .with_headers(&headers);
    /// let signed = signer.sign(&request)?;
    /// assert_eq!(
    ///     signed.headers_added().as_slice(),
    ///     [("Host", "example.com"), ("X-Sdk-Content-Sha256", "UNSIGNED-PAYLOAD")]
    /// );
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn headers_added(&self) -> HeadersAdded<'_> {
        let canon = self.canon();
        let names = [
            (DATE_SLOT, DATE_HEADER),
            (HOST_SLOT, host_header_name(self.prepared.variant)),
            (CONTENT_SLOT, self.prepared.content_name),
        ];
        let mut added = HeadersAdded::new();
        for (slot, name) in names {
            if self.prepared.headers.contains(&slot) {
                // Three slots at most: the vector has room for each.
                let _ = added.push((name, canon.header(slot).1));
            }
        }
        added
    }

    /// The `Authorization` header value.
    ///
    /// ```
    /// # use callsign_core::huawei::apig::{Algorithm, Request, Signer, Variant};
    /// # use callsign_core::Emit;
    /// # let signer = Signer::new("AK", b"SK", Algorithm::SdkHmacSha256, Variant::Core)?;
    /// # let request = Request::new("GET", "example.com", "/", callsign_core::Timestamp::UNIX_EPOCH);
    /// let signed = signer.sign(&request)?;
    /// let auth = signed.authorization();
    /// let mut buf = [0u8; 256];
    /// let n = auth.write(&mut buf)?;
    /// assert!(buf[..n].starts_with(b"SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature="));
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn authorization(&self) -> Authorization<'_> {
        Authorization {
            algorithm: self.signer.algorithm.name(),
            app_key: self.signer.app_key,
            scope: scope_of(&self.signer.algorithm, &self.prepared.date),
            canon: self.canon(),
            signature: self.signature(),
        }
    }

    /// The `SignedHeaders` list: lower-cased names joined with `;`.
    ///
    /// ```
    /// # use callsign_core::huawei::apig::{Algorithm, Request, Signer, Variant};
    /// # use callsign_core::Emit;
    /// # let signer = Signer::new("AK", b"SK", Algorithm::SdkHmacSha256, Variant::Core)?;
    /// let headers = [("X-Project-Id", "p"), ("X_Trace", "not signed by Core")];
    /// let request = Request::new("GET", "example.com", "/", callsign_core::Timestamp::UNIX_EPOCH)
    ///     .with_headers(&headers);
    /// let list = signer.sign(&request)?.signed_headers().to_heapless::<64>()?;
    /// assert_eq!(list.as_str(), "host;x-project-id;x-sdk-date");
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn signed_headers(&self) -> SignedHeaders<'_> {
        SignedHeaders(self.canon())
    }

    /// The request target to send: the wire path as given, then `?` and
    /// the canonical (sorted, encoded) query when there is one.
    ///
    /// ```
    /// # use callsign_core::huawei::apig::{Algorithm, Request, Signer, Variant};
    /// # use callsign_core::Emit;
    /// # let signer = Signer::new("AK", b"SK", Algorithm::SdkHmacSha256, Variant::Core)?;
    /// let query = [("q", "a b"), ("limit", "10")];
    /// let request = Request::new("GET", "example.com", "/v1/search", callsign_core::Timestamp::UNIX_EPOCH)
    ///     .with_query(&query);
    /// let target = signer.sign(&request)?.request_target().to_heapless::<64>()?;
    /// assert_eq!(target.as_str(), "/v1/search?limit=10&q=a%20b");
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn request_target(&self) -> RequestTarget<'_> {
        RequestTarget(self.canon())
    }

    /// The canonical request that was hashed, for display.
    ///
    /// ```
    /// # use callsign_core::huawei::apig::{Algorithm, Request, Signer, Variant};
    /// # use callsign_core::Emit;
    /// # let signer = Signer::new("AK", b"SK", Algorithm::SdkHmacSha256, Variant::Core)?;
    /// let request = Request::new("get", "example.com", "/a b", callsign_core::Timestamp::UNIX_EPOCH);
    /// let text = signer.sign(&request)?.canonical_request().to_heapless::<256>()?;
    /// assert!(text.starts_with("GET\n/a%20b/\n\nhost:example.com\n"));
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn canonical_request(&self) -> CanonicalRequest<'_> {
        CanonicalRequest(self.canon())
    }

    /// The string to sign (its last line is the hex hash of the canonical
    /// request), for display.
    ///
    /// ```
    /// # use callsign_core::huawei::apig::{Algorithm, Request, Signer, Variant};
    /// # use callsign_core::Emit;
    /// # let signer = Signer::new("AK", b"SK", Algorithm::SdkHmacSha256, Variant::Core)?;
    /// # let request = Request::new("GET", "example.com", "/", callsign_core::Timestamp::UNIX_EPOCH);
    /// let text = signer.sign(&request)?.string_to_sign().to_heapless::<128>()?;
    /// assert!(text.starts_with("SDK-HMAC-SHA256\n19700101T000000Z\n"));
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn string_to_sign(&self) -> StringToSign<'_> {
        StringToSign {
            algorithm: self.signer.algorithm.name(),
            date: self.date(),
            scope: scope_of(&self.signer.algorithm, &self.prepared.date),
            // Hashed again, by the code that signed: the signed request
            // does not keep the hash (display only needs it).
            hash: canonical_hash(&self.signer.algorithm, &self.canon()),
        }
    }

    /// Writes the canonical request and then the string to sign, back to
    /// back, at the start of `buf`, and returns their lengths; or returns
    /// [`Error::BufferTooSmall`] with the total needed and writes nothing.
    ///
    /// ```
    /// # use callsign_core::huawei::apig::{Algorithm, Request, Signer, Variant};
    /// # let signer = Signer::new("AK", b"SK", Algorithm::SdkHmacSha256, Variant::Core)?;
    /// # let request = Request::new("GET", "example.com", "/", callsign_core::Timestamp::UNIX_EPOCH);
    /// let signed = signer.sign(&request)?;
    /// let mut buf = [0u8; 512];
    /// let (canonical, string_to_sign) = signed.explain(&mut buf)?;
    /// let hash = callsign_core::sha256(&buf[..canonical]);
    /// let mut hash_hex = [0u8; 64];
    /// callsign_core::encode::hex(&hash, &mut callsign_core::Out::new(&mut hash_hex));
    /// assert!(buf[..canonical + string_to_sign].ends_with(&hash_hex));
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn explain(&self, buf: &mut [u8]) -> Result<(usize, usize), Error> {
        let canonical = self.canonical_request();
        let string_to_sign = self.string_to_sign();
        let (a, b) = (canonical.len(), string_to_sign.len());
        let needed = a.saturating_add(b);
        let dst = buf
            .get_mut(..needed)
            .ok_or(Error::BufferTooSmall { needed })?;
        let mut out = Out::new(dst);
        canonical.emit(&mut out);
        string_to_sign.emit(&mut out);
        out.finish()?;
        Ok((a, b))
    }
}

/// The `Authorization` header value, from [`SignedRequest::authorization`]:
/// `SDK-HMAC-SHA256 Access=AK, SignedHeaders=…, Signature=…` (V11:
/// `Credential=AK/YYYYMMDD/region/service`).
///
/// ```
/// # use callsign_core::huawei::apig::{Algorithm, Request, Signer, Variant};
/// # use callsign_core::Emit;
/// let v11 = Algorithm::V11HmacSha256 { region: "cn-north-4", service: "ecs" };
/// let signer = Signer::new("AK", b"SK", v11, Variant::Core)?;
/// let request = Request::new("GET", "example.com", "/", callsign_core::Timestamp::UNIX_EPOCH);
/// let auth = signer.sign(&request)?.authorization().to_heapless()?;
/// assert!(auth.starts_with("V11-HMAC-SHA256 Credential=AK/19700101/cn-north-4/ecs, SignedHeaders=host;x-sdk-date, "));
/// # Ok::<(), callsign_core::Error>(())
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Authorization<'s> {
    algorithm: &'static str,
    app_key: &'s str,
    scope: Option<Scope<'s>>,
    canon: Canon<'s>,
    signature: &'s str,
}

impl Authorization<'_> {
    /// The value as a `heapless::String` of [`AUTHORIZATION_MAX_LEN`]
    /// bytes, enough for any request of default capacity.
    ///
    /// ```
    /// # use callsign_core::huawei::apig::{Algorithm, Request, Signer, Variant};
    /// # let signer = Signer::new("AK", b"SK", Algorithm::SdkHmacSha256, Variant::Core)?;
    /// # let request = Request::new("GET", "example.com", "/", callsign_core::Timestamp::UNIX_EPOCH);
    /// let auth = signer.sign(&request)?.authorization().to_heapless()?;
    /// assert_eq!(auth.len(), "SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=".len() + 64);
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn to_heapless(&self) -> Result<heapless::String<AUTHORIZATION_MAX_LEN>, Error> {
        Emit::to_heapless(self)
    }
}

impl Emit for Authorization<'_> {
    fn len(&self) -> usize {
        counted(|c| self.emit(c))
    }

    fn emit<S: Sink + ?Sized>(&self, sink: &mut S) {
        sink.write(self.algorithm.as_bytes());
        match &self.scope {
            Some(scope) => {
                sink.write(b" Credential=");
                sink.write(self.app_key.as_bytes());
                sink.write(b"/");
                scope.emit(sink);
            }
            None => {
                sink.write(b" Access=");
                sink.write(self.app_key.as_bytes());
            }
        }
        sink.write(b", SignedHeaders=");
        self.canon.emit_signed_headers(sink);
        sink.write(b", Signature=");
        sink.write(self.signature.as_bytes());
    }
}

/// The `SignedHeaders` list, from [`SignedRequest::signed_headers`].
///
/// ```
/// # use callsign_core::huawei::apig::{Algorithm, Request, Signer, Variant};
/// # use callsign_core::Emit;
/// # let signer = Signer::new("AK", b"SK", Algorithm::SdkHmacSha256, Variant::Core)?;
/// # let request = Request::new("GET", "example.com", "/", callsign_core::Timestamp::UNIX_EPOCH);
/// assert_eq!(signer.sign(&request)?.signed_headers().len(), "host;x-sdk-date".len());
/// # Ok::<(), callsign_core::Error>(())
/// ```
#[derive(Clone, Copy, Debug)]
pub struct SignedHeaders<'s>(Canon<'s>);

impl Emit for SignedHeaders<'_> {
    fn len(&self) -> usize {
        counted(|c| self.emit(c))
    }

    fn emit<S: Sink + ?Sized>(&self, sink: &mut S) {
        self.0.emit_signed_headers(sink);
    }
}

/// The request target `path?query`, from [`SignedRequest::request_target`].
///
/// ```
/// # use callsign_core::huawei::apig::{Algorithm, Request, Signer, Variant};
/// # use callsign_core::Emit;
/// # let signer = Signer::new("AK", b"SK", Algorithm::SdkHmacSha256, Variant::Core)?;
/// let request = Request::new("GET", "example.com", "/v1//x%zz", callsign_core::Timestamp::UNIX_EPOCH);
/// let target = signer.sign(&request)?.request_target().to_heapless::<16>()?;
/// assert_eq!(target.as_str(), "/v1//x%zz"); // the path as given
/// # Ok::<(), callsign_core::Error>(())
/// ```
#[derive(Clone, Copy, Debug)]
pub struct RequestTarget<'s>(Canon<'s>);

impl Emit for RequestTarget<'_> {
    fn len(&self) -> usize {
        counted(|c| self.emit(c))
    }

    fn emit<S: Sink + ?Sized>(&self, sink: &mut S) {
        self.0.emit_request_target(sink);
    }
}

/// The canonical request, from [`SignedRequest::canonical_request`]: the
/// same bytes that were hashed, written by the same code.
///
/// ```
/// # use callsign_core::huawei::apig::{Algorithm, Request, Signer, Variant};
/// # use callsign_core::Emit;
/// # let signer = Signer::new("AK", b"SK", Algorithm::SdkHmacSha256, Variant::Core)?;
/// # let request = Request::new("GET", "example.com", "/", callsign_core::Timestamp::UNIX_EPOCH);
/// let signed = signer.sign(&request)?;
/// let mut buf = [0u8; 256];
/// let n = signed.canonical_request().write(&mut buf)?;
/// assert!(buf[..n].ends_with(b"\nhost;x-sdk-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
/// # Ok::<(), callsign_core::Error>(())
/// ```
#[derive(Clone, Copy, Debug)]
pub struct CanonicalRequest<'s>(Canon<'s>);

impl Emit for CanonicalRequest<'_> {
    fn len(&self) -> usize {
        counted(|c| self.emit(c))
    }

    fn emit<S: Sink + ?Sized>(&self, sink: &mut S) {
        self.0.emit_canonical_request(sink);
    }
}

/// The string to sign, from [`SignedRequest::string_to_sign`]:
/// `ALGORITHM\nX-Sdk-Date\n[scope\n]hex(hash(canonical request))`.
///
/// ```
/// # use callsign_core::huawei::apig::{Algorithm, Request, Signer, Variant};
/// # use callsign_core::Emit;
/// # let signer = Signer::new("AK", b"SK", Algorithm::SdkHmacSha256, Variant::Core)?;
/// # let request = Request::new("GET", "example.com", "/", callsign_core::Timestamp::UNIX_EPOCH);
/// assert_eq!(signer.sign(&request)?.string_to_sign().len(), 15 + 1 + 16 + 1 + 64);
/// # Ok::<(), callsign_core::Error>(())
/// ```
#[derive(Clone, Copy, Debug)]
pub struct StringToSign<'s> {
    pub(super) algorithm: &'static str,
    pub(super) date: &'s str,
    pub(super) scope: Option<Scope<'s>>,
    pub(super) hash: [u8; 32],
}

impl Emit for StringToSign<'_> {
    fn len(&self) -> usize {
        counted(|c| self.emit(c))
    }

    fn emit<S: Sink + ?Sized>(&self, sink: &mut S) {
        sink.write(self.algorithm.as_bytes());
        sink.write(b"\n");
        sink.write(self.date.as_bytes());
        sink.write(b"\n");
        if let Some(scope) = &self.scope {
            scope.emit(sink);
            sink.write(b"\n");
        }
        crate::encode::hex(&self.hash, sink);
    }
}
