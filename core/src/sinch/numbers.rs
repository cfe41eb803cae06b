//! Numbers callbacks: `X-Sinch-Signature` = lowercase hex of
//! HMAC-SHA1(UTF-8 callback secret, raw body). There is no timestamp or
//! nonce, so no freshness or replay check is possible.
//!
//! The MAC is RustCrypto `hmac::Hmac<sha1::Sha1>`, built with their
//! `zeroize` feature: its keyed states are wiped when dropped, and so is
//! the expected MAC of a verification.
//!
//! ```
//! use callsign_core::sinch::numbers;
//! let body = br#"{"eventId":"01hpa0mww4m79q8j2dwn3ggbgz","timestamp":"2024-02-10T17:22:09.412722588","projectId":"37b62a7b-0177-abcd-efgh-e10f848de123","resourceId":"+17818510001","resourceType":"ACTIVE_NUMBER","eventType":"DEPROVISIONING_FROM_VOICE_PLATFORM","status":"SUCCEEDED","failureCode":null}"#;
//! let sig = numbers::sign(b"my-callback-secret", body)?;
//! assert_eq!(sig.as_str(), "b93021e0182c2772dbcdf4e8983ae8f409e78c3b");
//! numbers::verify(b"my-callback-secret", Some(sig.as_str()), body)?;
//! # Ok::<(), callsign_core::Error>(())
//! ```

use hmac::digest::KeyInit;
use hmac::{Hmac, Mac};
use sha1::Sha1;

use crate::error::check_len;
use crate::verify::{ct_eq_then_wipe, decode_hex_lower_exact, find_header};
use crate::{Error, Field, SignatureText, Sink};

/// The header carrying the signature.
pub const HEADER: &str = "X-Sinch-Signature";
/// Length of the hex signature.
pub const SIGNATURE_LEN: usize = 40;
/// Longest callback secret accepted, in bytes.
pub const SECRET_MAX_LEN: usize = 1024;

/// A Numbers callback signature: 40 lowercase hex characters.
pub type Signature = SignatureText<SIGNATURE_LEN>;

/// The Numbers callback MAC over a body fed in chunks; then
/// [`NumbersMac::sign`] or [`NumbersMac::verify`].
///
/// ```
/// use callsign_core::sinch::numbers::{self, NumbersMac};
/// let mut mac = NumbersMac::new(b"secret")?;
/// mac.update(b"{\"a\":");
/// mac.update(b"1}");
/// assert_eq!(mac.sign(), numbers::sign(b"secret", b"{\"a\":1}")?);
/// # Ok::<(), callsign_core::Error>(())
/// ```
#[derive(Clone)]
pub struct NumbersMac {
    mac: Hmac<Sha1>,
}

impl NumbersMac {
    /// Starts the MAC with the callback secret's bytes (1 to
    /// [`SECRET_MAX_LEN`]).
    ///
    /// ```
    /// use callsign_core::{sinch::numbers::NumbersMac, Error, Field};
    /// assert!(NumbersMac::new(b"secret").is_ok());
    /// assert!(matches!(NumbersMac::new(b""), Err(Error::InvalidLength { field: Field::Secret, .. })));
    /// ```
    pub fn new(secret: &[u8]) -> Result<Self, Error> {
        check_len(Field::Secret, secret.len(), 1, SECRET_MAX_LEN)?;
        let mac =
            <Hmac<Sha1> as KeyInit>::new_from_slice(secret).map_err(|_| Error::InvalidLength {
                field: Field::Secret,
                min: 1,
                max: SECRET_MAX_LEN,
                actual: 0,
            })?;
        Ok(NumbersMac { mac })
    }

    /// Feeds the next chunk of the raw body.
    ///
    /// ```
    /// let mut mac = callsign_core::sinch::numbers::NumbersMac::new(b"s")?;
    /// mac.update(b"chunk");
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn update(&mut self, chunk: &[u8]) {
        self.mac.update(chunk);
    }

    fn finish(self) -> [u8; 20] {
        let mut tag = [0u8; 20];
        self.finish_into(&mut tag);
        tag
    }

    /// The MAC, into `out` (its `CtOutput` wipes itself when dropped).
    fn finish_into(self, out: &mut [u8; 20]) {
        let tag = self.mac.finalize();
        crate::out::copy_exact(out, &tag.into_bytes());
    }

    /// The signature of the body fed so far.
    ///
    /// ```
    /// let sig = callsign_core::sinch::numbers::NumbersMac::new(b"s")?.sign();
    /// assert_eq!(sig.len(), 40);
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn sign(self) -> Signature {
        Signature::hex_of(&self.finish())
    }

    /// Verifies the received `X-Sinch-Signature` value against the body fed
    /// so far: absent is [`Error::MissingHeader`]; anything but 40
    /// lowercase hex digits is [`Error::Malformed`] (the SDKs compare the
    /// text, so upper case fails); a different MAC is
    /// [`Error::SignatureMismatch`], compared in constant time.
    ///
    /// ```
    /// use callsign_core::{sinch::numbers::NumbersMac, Error, Field};
    /// let mac = NumbersMac::new(b"s")?;
    /// assert_eq!(mac.clone().verify(None), Err(Error::MissingHeader { field: Field::Signature }));
    /// let upper = mac.clone().sign().as_str().to_ascii_uppercase();
    /// assert!(matches!(mac.verify(Some(&upper)), Err(Error::Malformed { field: Field::Signature, .. })));
    /// # Ok::<(), Error>(())
    /// ```
    pub fn verify(self, signature: Option<&str>) -> Result<(), Error> {
        let signature = signature.ok_or(Error::MissingHeader {
            field: Field::Signature,
        })?;
        let received: [u8; 20] = decode_hex_lower_exact(signature.as_bytes(), Field::Signature)?;
        let mut expected = [0u8; 20];
        self.finish_into(&mut expected);
        if ct_eq_then_wipe(&mut expected, &received) {
            Ok(())
        } else {
            Err(Error::SignatureMismatch)
        }
    }
}

impl Sink for NumbersMac {
    fn write(&mut self, bytes: &[u8]) {
        self.update(bytes);
    }
}

impl core::fmt::Debug for NumbersMac {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("NumbersMac(<redacted>)")
    }
}

/// The `X-Sinch-Signature` value among the received `(name, value)` pairs
/// (any letter case); a second one is [`Error::DuplicateHeader`].
///
/// ```
/// let h = callsign_core::sinch::numbers::signature_header(&[("x-sinch-signature", "ab")])?;
/// assert_eq!(h, Some("ab"));
/// # Ok::<(), callsign_core::Error>(())
/// ```
pub fn signature_header<'a>(headers: &[(&'a str, &'a str)]) -> Result<Option<&'a str>, Error> {
    find_header(headers, HEADER)
}

/// Signs a body held whole.
///
/// ```
/// let sig = callsign_core::sinch::numbers::sign(b"numbers-callback-secret-2", b"{}")?;
/// assert_eq!(sig.len(), 40);
/// # Ok::<(), callsign_core::Error>(())
/// ```
pub fn sign(secret: &[u8], body: &[u8]) -> Result<Signature, Error> {
    let mut mac = NumbersMac::new(secret)?;
    mac.update(body);
    Ok(mac.sign())
}

/// Verifies a body held whole (see [`NumbersMac::verify`]).
///
/// ```
/// use callsign_core::{sinch::numbers, Error};
/// let sig = numbers::sign(b"s", b"{}")?;
/// assert_eq!(numbers::verify(b"s", Some(sig.as_str()), b"{ }"), Err(Error::SignatureMismatch));
/// # Ok::<(), Error>(())
/// ```
pub fn verify(secret: &[u8], signature: Option<&str>, body: &[u8]) -> Result<(), Error> {
    let mut mac = NumbersMac::new(secret)?;
    mac.update(body);
    mac.verify(signature)
}
