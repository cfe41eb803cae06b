//! Conversation API and SMS webhooks: `x-sinch-webhook-signature` =
//! Base64(HMAC-SHA256(UTF-8 secret, raw body ‖ `.` ‖ nonce ‖ `.` ‖ timestamp)),
//! with the nonce, timestamp (Unix seconds) and algorithm (`HmacSHA256`) in
//! their own headers.
//!
//! The secret is used as its UTF-8 bytes, never Base64-decoded. The body
//! must be the raw bytes received (re-serialised JSON does not verify). The
//! body comes first in the signed data, so it can be fed in chunks.
//!
//! ```
//! use callsign_core::sinch::webhook::{self, WebhookHeaders};
//! use callsign_core::{verify::Checks, HmacKey};
//! let key = HmacKey::new("empty-body-secret".as_bytes());
//! let sig = webhook::sign(&key, b"", "n0nce", "1700000001")?;
//! assert_eq!(sig.as_str(), "IytKyr5JIWNHH6dhm8YK23s/8jcxvZXoUpx5Gb13iHg=");
//!
//! let received = [
//!     ("x-sinch-webhook-signature-timestamp", "1700000001"),
//!     ("x-sinch-webhook-signature-nonce", "n0nce"),
//!     ("x-sinch-webhook-signature-algorithm", "HmacSHA256"),
//!     ("x-sinch-webhook-signature", "IytKyr5JIWNHH6dhm8YK23s/8jcxvZXoUpx5Gb13iHg="),
//! ];
//! webhook::verify(&key, &WebhookHeaders::from_headers(&received)?, b"", Checks::SignatureOnly)?;
//! # Ok::<(), callsign_core::Error>(())
//! ```

use crate::error::check_len;
use crate::verify::{
    ct_eq, decode_base64_exact, find_header, parse_unix_seconds, Checks, Fingerprint,
};
use crate::{Error, Field, HmacKey, HmacSha256, SignatureText, Sink};

/// Header carrying the Base64 signature.
pub const HEADER_SIGNATURE: &str = "x-sinch-webhook-signature";
/// Header carrying the nonce.
pub const HEADER_NONCE: &str = "x-sinch-webhook-signature-nonce";
/// Header carrying the timestamp (Unix seconds).
pub const HEADER_TIMESTAMP: &str = "x-sinch-webhook-signature-timestamp";
/// Header naming the MAC algorithm.
pub const HEADER_ALGORITHM: &str = "x-sinch-webhook-signature-algorithm";
/// The only algorithm accepted (compared ignoring ASCII case, as Java
/// algorithm names are).
pub const ALGORITHM: &str = "HmacSHA256";

/// Length of the Base64 signature.
pub const SIGNATURE_LEN: usize = 44;
/// Longest nonce accepted when signing, in bytes.
pub const NONCE_MAX_LEN: usize = 256;
/// Longest timestamp accepted, in digits.
pub const TIMESTAMP_MAX_LEN: usize = 20;

/// A webhook signature: 44 Base64 characters.
pub type Signature = SignatureText<SIGNATURE_LEN>;

/// The signature headers of a received webhook, found by name in any
/// letter case.
///
/// ```
/// use callsign_core::sinch::webhook::WebhookHeaders;
/// let h = WebhookHeaders::from_headers(&[("X-Sinch-Webhook-Signature-Nonce", "n")])?;
/// assert_eq!(h.nonce, Some("n"));
/// assert_eq!(h.signature, None);
/// # Ok::<(), callsign_core::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WebhookHeaders<'a> {
    /// `x-sinch-webhook-signature`.
    pub signature: Option<&'a str>,
    /// `x-sinch-webhook-signature-nonce`.
    pub nonce: Option<&'a str>,
    /// `x-sinch-webhook-signature-timestamp`.
    pub timestamp: Option<&'a str>,
    /// `x-sinch-webhook-signature-algorithm`.
    pub algorithm: Option<&'a str>,
}

impl<'a> WebhookHeaders<'a> {
    /// Picks the four headers out of the received `(name, value)` pairs; a
    /// header given twice is [`Error::DuplicateHeader`].
    ///
    /// ```
    /// use callsign_core::{sinch::webhook::WebhookHeaders, Error};
    /// let twice = [("x-sinch-webhook-signature", "a"), ("X-Sinch-Webhook-Signature", "b")];
    /// assert_eq!(WebhookHeaders::from_headers(&twice),
    ///            Err(Error::DuplicateHeader { first: 0, second: 1 }));
    /// ```
    pub fn from_headers(headers: &[(&'a str, &'a str)]) -> Result<Self, Error> {
        Ok(WebhookHeaders {
            signature: find_header(headers, HEADER_SIGNATURE)?,
            nonce: find_header(headers, HEADER_NONCE)?,
            timestamp: find_header(headers, HEADER_TIMESTAMP)?,
            algorithm: find_header(headers, HEADER_ALGORITHM)?,
        })
    }
}

/// The webhook MAC over a body fed in chunks; then [`WebhookMac::sign`] or
/// [`WebhookMac::verify`].
///
/// ```
/// use callsign_core::sinch::webhook::{self, WebhookMac};
/// use callsign_core::HmacKey;
/// let key = HmacKey::new(b"secret");
/// let mut mac = WebhookMac::new(&key);
/// mac.update(b"{\"a\":");
/// mac.update(b"1}");
/// assert_eq!(mac.sign("n", "1700000000")?, webhook::sign(&key, b"{\"a\":1}", "n", "1700000000")?);
/// # Ok::<(), callsign_core::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct WebhookMac {
    mac: HmacSha256,
}

impl WebhookMac {
    /// Starts the MAC with the HMAC key of the webhook secret's UTF-8 bytes
    /// (`HmacKey::new(secret.as_bytes())`).
    ///
    /// ```
    /// let key = callsign_core::HmacKey::new(b"secret");
    /// let _mac = callsign_core::sinch::webhook::WebhookMac::new(&key);
    /// ```
    pub fn new(key: &HmacKey) -> Self {
        WebhookMac { mac: key.start() }
    }

    /// Feeds the next chunk of the raw body.
    ///
    /// ```
    /// let key = callsign_core::HmacKey::new(b"secret");
    /// let mut mac = callsign_core::sinch::webhook::WebhookMac::new(&key);
    /// mac.update(b"chunk");
    /// ```
    pub fn update(&mut self, chunk: &[u8]) {
        self.mac.update(chunk);
    }

    /// The MAC of body ‖ `.` ‖ nonce ‖ `.` ‖ timestamp.
    fn finish(mut self, nonce: &str, timestamp: &str) -> [u8; 32] {
        self.mac.update(b".");
        self.mac.update(nonce.as_bytes());
        self.mac.update(b".");
        self.mac.update(timestamp.as_bytes());
        self.mac.finalize()
    }

    /// Signs, after checking the nonce (1 to [`NONCE_MAX_LEN`] visible
    /// ASCII characters) and the timestamp (1 to 20 digits, Unix seconds).
    ///
    /// ```
    /// use callsign_core::{sinch::webhook::WebhookMac, Error, Field, HmacKey};
    /// let mac = WebhookMac::new(&HmacKey::new(b"s"));
    /// assert_eq!(mac.sign("n", "17e8"), Err(Error::InvalidCharacter { field: Field::Timestamp, position: 2 }));
    /// ```
    pub fn sign(self, nonce: &str, timestamp: &str) -> Result<Signature, Error> {
        check_len(Field::Nonce, nonce.len(), 1, NONCE_MAX_LEN)?;
        if let Some(position) = nonce.bytes().position(|b| !b.is_ascii_graphic()) {
            return Err(Error::InvalidCharacter {
                field: Field::Nonce,
                position,
            });
        }
        check_len(Field::Timestamp, timestamp.len(), 1, TIMESTAMP_MAX_LEN)?;
        if let Some(position) = timestamp.bytes().position(|b| !b.is_ascii_digit()) {
            return Err(Error::InvalidCharacter {
                field: Field::Timestamp,
                position,
            });
        }
        Ok(Signature::base64_of(&self.finish(nonce, timestamp)))
    }

    /// Verifies the received headers against the body fed so far. In order:
    /// 1. all four headers present ([`Error::MissingHeader`]), as the Java
    ///    SDK requires;
    /// 2. the algorithm is `HmacSHA256` in any case
    ///    ([`Error::UnsupportedAlgorithm`]);
    /// 3. the signature is padded Base64 of 32 bytes ([`Error::Malformed`]);
    /// 4. the recomputed MAC is equal, compared in constant time
    ///    ([`Error::SignatureMismatch`]);
    /// 5. with [`Checks::Fresh`] or [`Checks::FreshOnce`], the timestamp
    ///    (decimal Unix seconds, else [`Error::Malformed`]) within the
    ///    window, and the nonce not seen before.
    ///
    /// The nonce and timestamp are signed as received, whatever they hold.
    ///
    /// ```
    /// use callsign_core::sinch::webhook::{WebhookHeaders, WebhookMac};
    /// use callsign_core::{verify::Checks, Error, HmacKey};
    /// let headers = WebhookHeaders {
    ///     signature: Some("IytKyr5JIWNHH6dhm8YK23s/8jcxvZXoUpx5Gb13iHg="),
    ///     nonce: Some("n0nce"),
    ///     timestamp: Some("1700000001"),
    ///     algorithm: Some("HmacSHA1"),
    /// };
    /// let mac = WebhookMac::new(&HmacKey::new(b"empty-body-secret"));
    /// assert_eq!(mac.verify(&headers, Checks::SignatureOnly), Err(Error::UnsupportedAlgorithm));
    /// ```
    pub fn verify(self, headers: &WebhookHeaders<'_>, checks: Checks<'_>) -> Result<(), Error> {
        let missing = |field| Error::MissingHeader { field };
        let signature = headers.signature.ok_or(missing(Field::Signature))?;
        let nonce = headers.nonce.ok_or(missing(Field::Nonce))?;
        let timestamp = headers.timestamp.ok_or(missing(Field::Timestamp))?;
        let algorithm = headers.algorithm.ok_or(missing(Field::Algorithm))?;
        if !algorithm.eq_ignore_ascii_case(ALGORITHM) {
            return Err(Error::UnsupportedAlgorithm);
        }
        let received: [u8; 32] = decode_base64_exact(signature.as_bytes(), Field::Signature)?;
        if !ct_eq(&self.finish(nonce, timestamp), &received) {
            return Err(Error::SignatureMismatch);
        }
        checks.after_signature(
            || parse_unix_seconds(timestamp),
            || Fingerprint::of(&[b"sinch-webhook", nonce.as_bytes()]),
        )
    }
}

impl Sink for WebhookMac {
    fn write(&mut self, bytes: &[u8]) {
        self.update(bytes);
    }
}

/// Signs a webhook whose body is held whole (see [`WebhookMac::sign`]).
///
/// ```
/// use callsign_core::{sinch::webhook, HmacKey};
/// let sig = webhook::sign(&HmacKey::new(b"c2VjcmV0LWtleQ=="), b"{}", "n", "1700000005")?;
/// assert_eq!(sig.len(), 44);
/// # Ok::<(), callsign_core::Error>(())
/// ```
pub fn sign(key: &HmacKey, body: &[u8], nonce: &str, timestamp: &str) -> Result<Signature, Error> {
    let mut mac = WebhookMac::new(key);
    mac.update(body);
    mac.sign(nonce, timestamp)
}

/// Verifies a webhook whose body is held whole (see [`WebhookMac::verify`]).
///
/// ```
/// use callsign_core::sinch::webhook::{self, WebhookHeaders};
/// use callsign_core::{verify::Checks, Error, Field, HmacKey};
/// let headers = WebhookHeaders { signature: Some("x"), ..WebhookHeaders::default() };
/// assert_eq!(webhook::verify(&HmacKey::new(b"s"), &headers, b"{}", Checks::SignatureOnly),
///            Err(Error::MissingHeader { field: Field::Nonce }));
/// ```
pub fn verify(
    key: &HmacKey,
    headers: &WebhookHeaders<'_>,
    body: &[u8],
    checks: Checks<'_>,
) -> Result<(), Error> {
    let mut mac = WebhookMac::new(key);
    mac.update(body);
    mac.verify(headers, checks)
}
