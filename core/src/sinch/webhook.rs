//! Conversation API and SMS webhooks: `x-sinch-webhook-signature` =
//! Base64(HMAC-SHA256(UTF-8 secret, raw body ‖ `.` ‖ nonce ‖ `.` ‖ timestamp)),
//! with the nonce, timestamp (Unix seconds) and algorithm (`HmacSHA256`) in
//! their own headers.
//!
//! The body's end and the nonce's start are not marked in the signed data,
//! so the verifier refuses a nonce with anything but the characters Sinch
//! sends ([`is_nonce_char`]: no `.`) and a timestamp with anything but
//! digits, whatever checks are asked for: otherwise a `.` inside the body
//! could be moved into the nonce and the same signature would cover a cut
//! body. The replay cache remembers the signature itself.
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
    ct_eq_then_wipe, decode_base64_exact, find_header, parse_unix_seconds, Checks, Fingerprint,
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
/// algorithm names are). A webhook without the algorithm header is taken
/// as this algorithm, as the Node (`validateWebhookSignature`) and Python
/// (`validate_sinch_event_signature_with_nonce`) SDKs do; any other value
/// is refused (no downgrade).
pub const ALGORITHM: &str = "HmacSHA256";

/// Length of the Base64 signature.
pub const SIGNATURE_LEN: usize = 44;
/// Longest nonce accepted, in bytes.
pub const NONCE_MAX_LEN: usize = 256;

/// Whether `b` may appear in a webhook nonce: ASCII letters, digits, `-`
/// and `_`. Sinch sends ULIDs (`01FJA8B4A7BM43YGWSG9GBV067` in its
/// Conversation API docs and the Java SDK's tests) and the SDKs' own tests
/// use UUIDs; both fit, and neither holds the `.` that separates the
/// signed parts.
///
/// ```
/// use callsign_core::sinch::webhook::is_nonce_char;
/// assert!("01FJA8B4A7BM43YGWSG9GBV067".bytes().all(is_nonce_char));
/// assert!("3f2a1b0c-9d8e-4f7a-b6c5-d4e3f2a1b0c9".bytes().all(is_nonce_char));
/// assert!(!is_nonce_char(b'.'));
/// ```
pub const fn is_nonce_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b'_'
}

/// Checks a nonce: 1 to [`NONCE_MAX_LEN`] bytes of [`is_nonce_char`].
fn check_nonce(nonce: &str) -> Result<(), Error> {
    check_len(Field::Nonce, nonce.len(), 1, NONCE_MAX_LEN)?;
    match nonce.bytes().position(|b| !is_nonce_char(b)) {
        Some(position) => Err(Error::InvalidCharacter {
            field: Field::Nonce,
            position,
        }),
        None => Ok(()),
    }
}

/// Checks a timestamp: 1 to [`TIMESTAMP_MAX_LEN`] digits.
fn check_timestamp(timestamp: &str) -> Result<(), Error> {
    check_len(Field::Timestamp, timestamp.len(), 1, TIMESTAMP_MAX_LEN)?;
    match timestamp.bytes().position(|b| !b.is_ascii_digit()) {
        Some(position) => Err(Error::InvalidCharacter {
            field: Field::Timestamp,
            position,
        }),
        None => Ok(()),
    }
}
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

    /// The MAC of body ‖ `.` ‖ nonce ‖ `.` ‖ timestamp, into `out`.
    fn finish_into(mut self, nonce: &str, timestamp: &str, out: &mut [u8; 32]) {
        self.mac.update(b".");
        self.mac.update(nonce.as_bytes());
        self.mac.update(b".");
        self.mac.update(timestamp.as_bytes());
        self.mac.finalize_into(out);
    }

    /// Signs, after checking the nonce (1 to [`NONCE_MAX_LEN`] characters
    /// of [`is_nonce_char`]) and the timestamp (1 to 20 digits, Unix
    /// seconds).
    ///
    /// ```
    /// use callsign_core::{sinch::webhook::WebhookMac, Error, Field, HmacKey};
    /// let mac = WebhookMac::new(&HmacKey::new(b"s"));
    /// assert_eq!(mac.sign("n", "17e8"), Err(Error::InvalidCharacter { field: Field::Timestamp, position: 2 }));
    /// ```
    pub fn sign(self, nonce: &str, timestamp: &str) -> Result<Signature, Error> {
        check_nonce(nonce)?;
        check_timestamp(timestamp)?;
        let mut mac = [0u8; 32];
        self.finish_into(nonce, timestamp, &mut mac);
        Ok(Signature::base64_of(&mac))
    }

    /// Verifies the received headers against the body fed so far. In order:
    /// 1. the signature, nonce and timestamp headers present
    ///    ([`Error::MissingHeader`]);
    /// 2. the algorithm is `HmacSHA256` in any case, or absent (taken as
    ///    `HmacSHA256`, as the Node and Python SDKs do; the Java SDK
    ///    refuses it) — any other value is [`Error::UnsupportedAlgorithm`];
    /// 3. the nonce is 1 to [`NONCE_MAX_LEN`] characters of
    ///    [`is_nonce_char`] and the timestamp 1 to 20 digits that fit Unix
    ///    seconds ([`Error::Malformed`]), whatever checks are asked for;
    /// 4. the signature is padded Base64 of 32 bytes ([`Error::Malformed`]);
    /// 5. the recomputed MAC is equal, compared in constant time
    ///    ([`Error::SignatureMismatch`]);
    /// 6. with [`Checks::Fresh`] or [`Checks::FreshOnce`], the timestamp
    ///    within the window, and the signature not accepted before.
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
        if let Some(algorithm) = headers.algorithm {
            if !algorithm.eq_ignore_ascii_case(ALGORITHM) {
                return Err(Error::UnsupportedAlgorithm);
            }
        }
        check_nonce(nonce).map_err(|e| as_malformed(e, Field::Nonce))?;
        let unix = parse_unix_seconds(timestamp)?;
        let received: [u8; 32] = decode_base64_exact(signature.as_bytes(), Field::Signature)?;
        let mut expected = [0u8; 32];
        self.finish_into(nonce, timestamp, &mut expected);
        if !ct_eq_then_wipe(&mut expected, &received) {
            return Err(Error::SignatureMismatch);
        }
        checks.after_signature(
            || Ok(unix),
            || Fingerprint::of_mac(b"sinch-webhook", &received),
        )
    }
}

/// A validation error on a received value, as [`Error::Malformed`].
fn as_malformed(e: Error, field: Field) -> Error {
    let position = match e {
        Error::InvalidCharacter { position, .. } => position,
        Error::InvalidLength { max, actual, .. } => actual.min(max),
        _ => 0,
    };
    Error::Malformed { field, position }
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
