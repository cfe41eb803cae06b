//! Verification of Application-signed callbacks (Voice v1 ICE/ACE/DiCE/PIE,
//! Verification events) and Voice v2 `service` webhooks.
//!
//! The receiver recomputes the signature of the received request (method,
//! callback path, `Content-Type`, `x-timestamp`, body) with the
//! application's secret and compares it in constant time with the one in
//! `Authorization: Application KEY:SIGNATURE`.
//!
//! ```
//! use callsign_core::sinch::application::{signing_key, Scheme};
//! use callsign_core::sinch::callback::{CallbackHeaders, CallbackVerifier};
//! use callsign_core::verify::Checks;
//!
//! let key = signing_key(b"BeIukql3pTKJ8RGL5zo0DA==")?;
//! let verifier = CallbackVerifier::new(Scheme::Application, "669E367E-6BBA-48AB-AF15-266871C28135", &key);
//! let received = [
//!     ("Authorization", "Application 669E367E-6BBA-48AB-AF15-266871C28135:Tg6fMyo8mj9pYfWQ9ssbx3Tc1BNC87IEygAfLbJqZb4="),
//!     ("Content-Type", "application/json"),
//!     ("x-timestamp", "2014-09-24T10:59:41Z"),
//! ];
//! let body = br#"{"event":"ace","callid":"822aa4b7-05b4-4d83-87c7-1f835ee0b6f6_257","timestamp":"2014-09-24T10:59:41Z","version":1}"#;
//! let headers = CallbackHeaders::from_headers(&received)?;
//! verifier.verify("POST", "/sinch/callback/ace", &headers, body, Checks::SignatureOnly)?;
//! # Ok::<(), callsign_core::Error>(())
//! ```

use super::application::{BodyDigest, Request, Scheme};
use super::x_timestamp::parse_x_timestamp;
use crate::verify::{ct_eq_then_wipe, decode_base64_exact, find_header, Checks, Fingerprint};
use crate::{Error, Field, HmacKey};

/// The headers a callback verifier reads, found by name in any letter case.
///
/// ```
/// use callsign_core::sinch::callback::CallbackHeaders;
/// let h = CallbackHeaders::from_headers(&[("X-TIMESTAMP", "2024-01-19T09:19:28.9372196Z")])?;
/// assert_eq!(h.x_timestamp, Some("2024-01-19T09:19:28.9372196Z"));
/// assert_eq!(h.authorization, None);
/// # Ok::<(), callsign_core::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CallbackHeaders<'a> {
    /// `Authorization`.
    pub authorization: Option<&'a str>,
    /// `Content-Type`.
    pub content_type: Option<&'a str>,
    /// `x-timestamp`.
    pub x_timestamp: Option<&'a str>,
}

impl<'a> CallbackHeaders<'a> {
    /// Picks the three headers out of the received `(name, value)` pairs;
    /// a header given twice is [`Error::DuplicateHeader`].
    ///
    /// ```
    /// use callsign_core::{sinch::callback::CallbackHeaders, Error};
    /// let twice = [("content-type", "a"), ("Content-Type", "b")];
    /// assert_eq!(CallbackHeaders::from_headers(&twice),
    ///            Err(Error::DuplicateHeader { first: 0, second: 1 }));
    /// ```
    pub fn from_headers(headers: &[(&'a str, &'a str)]) -> Result<Self, Error> {
        Ok(CallbackHeaders {
            authorization: find_header(headers, "authorization")?,
            content_type: find_header(headers, "content-type")?,
            x_timestamp: find_header(headers, "x-timestamp")?,
        })
    }
}

/// Verifies callbacks signed with one application (or service) key.
///
/// ```
/// use callsign_core::sinch::application::{signing_key, Scheme};
/// use callsign_core::sinch::callback::{CallbackHeaders, CallbackVerifier};
/// use callsign_core::{verify::Checks, Error};
/// let key = signing_key(b"F5wrP9SKYU6w8sbZXkp7GA==")?;
/// let v = CallbackVerifier::new(Scheme::Service, "b7430a33-38c8-4fba-9fb7-c66eae501d11", &key);
/// let headers = CallbackHeaders {
///     authorization: Some("service b7430a33-38c8-4fba-9fb7-c66eae501d11:h+O1RXgXriX34mwooZVwpRZk8+aj+6KFJTkfnbM6Jgw="),
///     content_type: Some("application/json"),
///     x_timestamp: Some("2026-06-10T21:27:05.0000000Z"),
/// };
/// v.verify("POST", "/sinch/webhook", &headers, b"", Checks::SignatureOnly)?;
/// assert_eq!(v.verify("POST", "/sinch/webhook", &headers, b"x", Checks::SignatureOnly),
///            Err(Error::SignatureMismatch));
/// # Ok::<(), Error>(())
/// ```
#[derive(Clone, Copy, Debug)]
pub struct CallbackVerifier<'k> {
    scheme: Scheme,
    key_id: &'k str,
    key: &'k HmacKey,
}

impl<'k> CallbackVerifier<'k> {
    /// A verifier for `scheme`, the configured key `key_id` and the HMAC key
    /// of its secret (from [`super::application::signing_key`]).
    ///
    /// ```
    /// use callsign_core::sinch::{application::{signing_key, Scheme}, callback::CallbackVerifier};
    /// let key = signing_key(b"BeIukql3pTKJ8RGL5zo0DA==")?;
    /// let _v = CallbackVerifier::new(Scheme::Application, "669E367E-6BBA-48AB-AF15-266871C28135", &key);
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub const fn new(scheme: Scheme, key_id: &'k str, key: &'k HmacKey) -> Self {
        CallbackVerifier {
            scheme,
            key_id,
            key,
        }
    }

    /// Verifies a callback whose body is held whole. `method` is the
    /// request method (compared upper-cased), `path` the callback URL's
    /// path as received (a query is dropped and `%XX` decoded, as when
    /// signing).
    ///
    /// See [`CallbackVerifier::verify_digest`] for the checks and errors.
    ///
    /// ```
    /// use callsign_core::sinch::{application::{signing_key, Scheme}, callback::{CallbackHeaders, CallbackVerifier}};
    /// use callsign_core::{verify::Checks, Error, Field};
    /// let key = signing_key(b"BeIukql3pTKJ8RGL5zo0DA==")?;
    /// let v = CallbackVerifier::new(Scheme::Application, "app", &key);
    /// let r = v.verify("POST", "/cb", &CallbackHeaders::default(), b"{}", Checks::SignatureOnly);
    /// assert_eq!(r, Err(Error::MissingHeader { field: Field::Authorization }));
    /// # Ok::<(), Error>(())
    /// ```
    pub fn verify(
        &self,
        method: &str,
        path: &str,
        headers: &CallbackHeaders<'_>,
        body: &[u8],
        checks: Checks<'_>,
    ) -> Result<(), Error> {
        self.verify_digest(method, path, headers, &BodyDigest::of(body), checks)
    }

    /// Verifies a callback whose body was hashed in chunks with
    /// [`super::application::BodyMd5`].
    ///
    /// What the signature covers, by Sinch's design: the method upper-cased
    /// (so `post` verifies as `POST`), the percent-decoded path (so `/a%62`
    /// verifies as `/ab`), the content type, `x-timestamp` and the body's
    /// MD5 — not the query string, the fragment, nor how the path was
    /// encoded. A server must therefore act on the upper-cased method and
    /// the decoded path only ([`decoded_path`]), and treat anything in the
    /// query as unauthenticated.
    ///
    /// In order:
    /// 1. `Authorization` present ([`Error::MissingHeader`]) and of the form
    ///    `SCHEME KEY:SIGNATURE` with one space and one `:`, the scheme word
    ///    in any case ([`Error::Malformed`]);
    /// 2. KEY equal to the configured key, case included
    ///    ([`Error::KeyMismatch`]);
    /// 3. SIGNATURE padded Base64 of 32 bytes ([`Error::Malformed`]);
    /// 4. `x-timestamp` present; `Content-Type` present for
    ///    [`Scheme::Service`] (for [`Scheme::Application`] an absent one is
    ///    signed as an empty line, as the Java SDK does);
    /// 5. the recomputed signature equal, compared in constant time
    ///    ([`Error::SignatureMismatch`]);
    /// 6. with [`Checks::Fresh`] or [`Checks::FreshOnce`], `x-timestamp`
    ///    (ISO 8601, see [`super::parse_x_timestamp`]) within the window,
    ///    and the signature not seen before (the replay cache remembers the
    ///    signature, which is unique to the timestamp and body).
    ///
    /// ```
    /// use callsign_core::sinch::application::{signing_key, BodyMd5, Scheme};
    /// use callsign_core::sinch::callback::{CallbackHeaders, CallbackVerifier};
    /// use callsign_core::{verify::Checks, Error};
    /// let key = signing_key(b"BeIukql3pTKJ8RGL5zo0DA==")?;
    /// let v = CallbackVerifier::new(Scheme::Application, "669E367E-6BBA-48AB-AF15-266871C28135", &key);
    /// let headers = CallbackHeaders {
    ///     authorization: Some("Application 669e367e-6bba-48ab-af15-266871c28135:Tg6fMyo8mj9pYfWQ9ssbx3Tc1BNC87IEygAfLbJqZb4="),
    ///     content_type: Some("application/json"),
    ///     x_timestamp: Some("2014-09-24T10:59:41Z"),
    /// };
    /// let mut md5 = BodyMd5::new();
    /// md5.update(b"{}");
    /// assert_eq!(v.verify_digest("POST", "/cb", &headers, &md5.finish(), Checks::SignatureOnly),
    ///            Err(Error::KeyMismatch));
    /// # Ok::<(), Error>(())
    /// ```
    pub fn verify_digest(
        &self,
        method: &str,
        path: &str,
        headers: &CallbackHeaders<'_>,
        body: &BodyDigest,
        checks: Checks<'_>,
    ) -> Result<(), Error> {
        let authorization = headers.authorization.ok_or(Error::MissingHeader {
            field: Field::Authorization,
        })?;
        let (word, key_id, signature) = parse_authorization(authorization)?;
        if !word.eq_ignore_ascii_case(self.scheme.word()) {
            return Err(Error::Malformed {
                field: Field::Authorization,
                position: 0,
            });
        }
        if key_id != self.key_id {
            return Err(Error::KeyMismatch);
        }
        let received: [u8; 32] = decode_base64_exact(signature.as_bytes(), Field::Signature)?;
        let x_timestamp = headers.x_timestamp.ok_or(Error::MissingHeader {
            field: Field::Timestamp,
        })?;
        let content_type = match (self.scheme, headers.content_type) {
            (Scheme::Service, None) => {
                return Err(Error::MissingHeader {
                    field: Field::ContentType,
                })
            }
            (_, content_type) => content_type,
        };
        let request =
            Request::received(self.scheme, method, path, content_type, x_timestamp, body)?;
        let mut expected = [0u8; 32];
        request.signature_into(self.key, &mut expected);
        if !ct_eq_then_wipe(&mut expected, &received) {
            return Err(Error::SignatureMismatch);
        }
        checks.after_signature(
            || parse_x_timestamp(x_timestamp),
            || Fingerprint::of_mac(b"sinch-callback", &received),
        )
    }
}

/// Splits `SCHEME KEY:SIGNATURE`: exactly one space and, after it, exactly
/// one `:` (as the Node SDK checks), else [`Error::Malformed`] at the first
/// extra separator (or at the end when one is missing).
fn parse_authorization(value: &str) -> Result<(&str, &str, &str), Error> {
    let malformed = |position| Error::Malformed {
        field: Field::Authorization,
        position,
    };
    let bytes = value.as_bytes();
    let mut spaces = bytes.iter().enumerate().filter(|(_, &b)| b == b' ');
    let space = spaces
        .next()
        .map(|(i, _)| i)
        .ok_or(malformed(bytes.len()))?;
    if let Some((extra, _)) = spaces.next() {
        return Err(malformed(extra));
    }
    let mut colons = bytes
        .iter()
        .enumerate()
        .skip(space)
        .filter(|(_, &b)| b == b':');
    let colon = colons
        .next()
        .map(|(i, _)| i)
        .ok_or(malformed(bytes.len()))?;
    if let Some((extra, _)) = colons.next() {
        return Err(malformed(extra));
    }
    let part = |from: usize, to: usize| value.get(from..to).ok_or(malformed(from));
    Ok((
        part(0, space)?,
        part(space.saturating_add(1), colon)?,
        part(colon.saturating_add(1), bytes.len())?,
    ))
}

/// Writes the percent-decoded path of a received request target (without
/// query or fragment) into `out`: the part of the target a callback's
/// signature covers, and the one a server should route on. Returns its
/// length, or [`Error::BufferTooSmall`] with nothing written; a target
/// that is not a valid path is the error the verifier gives.
///
/// ```
/// use callsign_core::sinch::callback::decoded_path;
/// let mut out = [0u8; 32];
/// let n = decoded_path("/sinch/%63allback?event=ace", &mut out)?;
/// assert_eq!(&out[..n], b"/sinch/callback");
/// # Ok::<(), callsign_core::Error>(())
/// ```
pub fn decoded_path(target: &str, out: &mut [u8]) -> Result<usize, Error> {
    super::resource::write_decoded_path(target, out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn authorization_forms() {
        assert_eq!(
            parse_authorization("Application k:s"),
            Ok(("Application", "k", "s"))
        );
        assert_eq!(parse_authorization("a :"), Ok(("a", "", "")));
        let m = |position| {
            Err(Error::Malformed {
                field: Field::Authorization,
                position,
            })
        };
        assert_eq!(parse_authorization("Application  k:s"), m(12));
        assert_eq!(parse_authorization("Application k:s:x"), m(15));
        assert_eq!(parse_authorization("Application k"), m(13));
        assert_eq!(parse_authorization("k:s"), m(3));
        assert_eq!(parse_authorization("a:b c"), m(5));
    }
}
