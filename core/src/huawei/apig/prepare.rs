//! Validation of a request and everything about it but its hash and
//! signature: the date, the sorted headers and query, the payload hash.

use super::canon::Canon;
use super::crypto::{AsciiText, EMPTY_SHA256};
use super::signer::check_token;
use super::sort::{sort_headers, sort_query, DATE_HEADER};
use super::text::{self, first_non_token, python_strip, same_name};
use super::*;
use crate::error::check_len;
use crate::{Error, Field, Timestamp};

/// What the payload hash line of the canonical request holds.
#[derive(Clone, Copy, Debug)]
pub(super) enum Payload<'r> {
    /// The hex digest of the body: given, or hashed from its bytes each
    /// time the canonical request is written ([`body_digest`]), never kept
    /// (the signed request is smaller so).
    Body,
    /// A payload header's value (or `UNSIGNED-PAYLOAD`).
    Text(&'r str),
}

/// The headers of the request the signer looks at.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Found {
    /// `X-Sdk-Date`, any case.
    pub(super) date: Option<usize>,
    /// `Host`, any case.
    pub(super) host: Option<usize>,
    /// The payload header (`X-Sdk-Content-Sha256` or `-Sm3`), any case.
    pub(super) content: Option<usize>,
    /// `Content-Type`, spelled exactly so (the CORE rule looks it up so).
    pub(super) content_type: Option<usize>,
}

/// Everything about a request but its hash and signature: validated, with
/// the headers and the query sorted.
#[derive(Clone, Debug)]
pub(super) struct Prepared<'r, const H: usize, const Q: usize> {
    pub(super) request: &'r Request<'r>,
    pub(super) variant: Variant,
    pub(super) content_name: &'static str,
    /// Header slots sorted by lower-cased name.
    pub(super) headers: heapless::Vec<u16, H>,
    /// Query indices sorted by (name, value).
    pub(super) query: heapless::Vec<u16, Q>,
    /// The `X-Sdk-Date` value signed.
    pub(super) date: DateText,
    pub(super) payload: Payload<'r>,
}

impl<'r, const H: usize, const Q: usize> Prepared<'r, H, Q> {
    /// An empty preparation of `request`, for [`Prepared::fill`].
    pub(super) fn empty(
        request: &'r Request<'r>,
        algorithm: &Algorithm<'_>,
        variant: Variant,
    ) -> Self {
        Prepared {
            request,
            variant,
            content_name: algorithm.content_header(),
            headers: heapless::Vec::new(),
            query: heapless::Vec::new(),
            date: AsciiText([b'0'; crate::time::BASIC_LEN]),
            payload: Payload::Body,
        }
    }

    /// Validates and prepares the request, in place: the signed request
    /// that holds this is built once, and never copied while it is filled.
    pub(super) fn fill(&mut self, algorithm: &Algorithm<'_>) -> Result<(), Error> {
        prepare(
            self.request,
            algorithm,
            self.variant,
            self.headers.as_mut_view(),
            self.query.as_mut_view(),
            &mut self.date,
            &mut self.payload,
        )
    }

    pub(super) fn canon<'s>(&'s self, algorithm: &'s Algorithm<'s>) -> Canon<'s> {
        Canon {
            algorithm,
            request: self.request,
            variant: self.variant,
            content_name: self.content_name,
            headers: &self.headers,
            query: &self.query,
            date: &self.date,
            payload: self.payload,
        }
    }
}

/// Validates `request` and writes what signing it needs: the header
/// slots and query indices sorted (the capacity of each view is its limit),
/// the date and the payload hash. Out of line and not generic over the
/// capacities: one copy for every `sign_with::<H, Q>`, and its scans, sorts
/// and body hash use its own frame.
#[inline(never)]
fn prepare<'r>(
    request: &'r Request<'r>,
    algorithm: &Algorithm<'_>,
    variant: Variant,
    headers: &mut heapless::vec::VecView<u16>,
    query: &mut heapless::vec::VecView<u16>,
    date: &mut DateText,
    payload_hash: &mut Payload<'r>,
) -> Result<(), Error> {
    validate_method(request.method)?;
    validate_host(request.host)?;
    validate_path(request.path)?;
    let content_name = algorithm.content_header();
    let found = scan_headers(request.headers, content_name)?;
    *date = signing_date(request, found)?;
    let added_content = found.content.is_none() && adds_unsigned_payload(request, found, variant);
    sort_headers(request, content_name, found, added_content, headers)?;
    sort_query(request.query, query)?;
    *payload_hash = payload(request, algorithm, variant, found, added_content)?;
    Ok(())
}

pub(super) fn validate_method(method: &str) -> Result<(), Error> {
    check_token(Field::Method, method, 1, METHOD_MAX_LEN)
}

pub(super) fn validate_host(host: &str) -> Result<(), Error> {
    check_len(Field::Host, host.len(), 1, HOST_MAX_LEN)?;
    let bad = |b: u8| !(b'!'..=b'~').contains(&b) || matches!(b, b'/' | b'?' | b'#' | b'@' | b'\\');
    match host.bytes().position(bad) {
        Some(position) => Err(Error::InvalidCharacter {
            field: Field::Host,
            position,
        }),
        None => Ok(()),
    }
}

pub(super) fn validate_path(path: &str) -> Result<(), Error> {
    check_len(Field::Path, path.len(), 1, PATH_MAX_LEN)?;
    let bad = |(i, b): (usize, u8)| {
        (i == 0 && b != b'/') || b.is_ascii_control() || matches!(b, b'?' | b'#')
    };
    if let Some((position, _)) = path.bytes().enumerate().find(|&ib| bad(ib)) {
        return Err(Error::InvalidCharacter {
            field: Field::Path,
            position,
        });
    }
    match text::invalid_decoded_utf8(path) {
        Some(position) => Err(Error::InvalidUtf8 {
            field: Field::Path,
            position,
        }),
        None => Ok(()),
    }
}

/// Validates every header and notes the ones the signer looks at.
pub(super) fn scan_headers(headers: &[(&str, &str)], content_name: &str) -> Result<Found, Error> {
    let mut found = Found::default();
    for (index, &(name, value)) in headers.iter().enumerate() {
        let name_ok =
            (1..=HEADER_NAME_MAX_LEN).contains(&name.len()) && first_non_token(name).is_none();
        if !name_ok {
            return Err(Error::InvalidHeaderName { index });
        }
        if python_strip(value)
            .bytes()
            .any(|b| matches!(b, b'\r' | b'\n' | 0))
        {
            return Err(Error::InvalidHeaderValue { index });
        }
        if name == "Content-Type" {
            found.content_type = Some(index);
        }
        let slot = if same_name(name, DATE_HEADER) {
            &mut found.date
        } else if same_name(name, "host") {
            &mut found.host
        } else if same_name(name, content_name) {
            &mut found.content
        } else {
            continue;
        };
        // The first of two names equal ignoring case; sorting reports the pair.
        slot.get_or_insert(index);
    }
    Ok(found)
}

/// The `X-Sdk-Date` of the request: the caller's header, which must be
/// exactly `YYYYMMDDTHHMMSSZ`, or the request's `date`.
pub(super) fn signing_date(request: &Request<'_>, found: Found) -> Result<DateText, Error> {
    let caller = found
        .date
        .and_then(|i| request.headers.get(i))
        .map(|&(_, value)| value);
    let date = match caller {
        Some(text) => Timestamp::parse_basic(text)?,
        None => request.date,
    };
    Ok(AsciiText(date.basic().to_array()))
}

/// An `X-Sdk-Date` value, `YYYYMMDDTHHMMSSZ`.
pub(super) type DateText = AsciiText<{ crate::time::BASIC_LEN }>;

/// CORE §3.1.3 (or a [`Body::Unsigned`]): whether the signer adds the
/// payload header with `UNSIGNED-PAYLOAD` (when the caller has none).
pub(super) fn adds_unsigned_payload(request: &Request<'_>, found: Found, variant: Variant) -> bool {
    if request.body == Body::Unsigned {
        return true;
    }
    if variant != Variant::Core {
        return false;
    }
    let content_type = found
        .content_type
        .and_then(|i| request.headers.get(i))
        .map_or("", |&(_, value)| value);
    !content_type.is_empty()
        && !content_type.starts_with("application/json")
        && !content_type.starts_with("application/bson")
}

/// Whether the body is empty (a digest of nothing counts as empty), or the
/// error of a digest made with the other hash function.
pub(super) fn body_is_empty(body: Body<'_>, algorithm: &Algorithm<'_>) -> Result<bool, Error> {
    #[cfg(feature = "sm3")]
    let sm3 = matches!(algorithm, Algorithm::SdkHmacSm3);
    #[cfg(not(feature = "sm3"))]
    let sm3 = {
        let _ = algorithm;
        false
    };
    match body {
        Body::Bytes(bytes) => Ok(bytes.is_empty()),
        Body::Sha256(_) if sm3 => Err(Error::BodyDigestMismatch),
        Body::Sha256(digest) => Ok(digest == EMPTY_SHA256),
        #[cfg(feature = "sm3")]
        Body::Sm3(_) if !sm3 => Err(Error::BodyDigestMismatch),
        #[cfg(feature = "sm3")]
        Body::Sm3(digest) => Ok(digest == super::crypto::EMPTY_SM3),
        Body::Unsigned => Ok(false),
    }
}

/// The payload hash line (CORE §3.1.8, APIG §3.2.3).
pub(super) fn payload<'r>(
    request: &Request<'r>,
    algorithm: &Algorithm<'_>,
    variant: Variant,
    found: Found,
    added_content: bool,
) -> Result<Payload<'r>, Error> {
    let empty = body_is_empty(request.body, algorithm)?;
    let header = match found.content {
        Some(i) => request
            .headers
            .get(i)
            .map(|&(_, value)| python_strip(value)),
        None => added_content.then_some(UNSIGNED_PAYLOAD),
    };
    let use_header = match variant {
        Variant::Core => !empty && header.is_some_and(|v| !v.is_empty()),
        Variant::ApigPython => header.is_some(),
    };
    match header {
        Some(text) if use_header => return Ok(Payload::Text(text)),
        _ => {}
    }
    if request.body == Body::Unsigned {
        return Err(Error::InvalidHeaderValue {
            index: found.content.unwrap_or_default(),
        });
    }
    Ok(Payload::Body)
}

/// The digest of the body with `algorithm`'s hash: the one given, or the
/// hash of its bytes (a [`Body::Unsigned`] has none: [`payload`] refused
/// it). Out of line, and through the one-shot hashes: its hasher is on the
/// stack only while it runs, never beside the canonical request's.
#[cfg_attr(not(feature = "sm3"), allow(unused_variables))]
#[inline(never)]
pub(super) fn body_digest(body: Body<'_>, algorithm: &Algorithm<'_>) -> [u8; 32] {
    match body {
        #[cfg(feature = "sm3")]
        Body::Bytes(bytes) if matches!(algorithm, Algorithm::SdkHmacSm3) => {
            let mut digest = [0u8; 32];
            super::crypto::sm3_digest(bytes, &mut digest);
            digest
        }
        Body::Bytes(bytes) => crate::sha256(bytes),
        Body::Sha256(digest) => digest,
        #[cfg(feature = "sm3")]
        Body::Sm3(digest) => digest,
        Body::Unsigned => [0; 32],
    }
}
