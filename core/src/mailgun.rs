//! Mailgun webhook signatures: the webhook body carries `signature:
//! {timestamp, token, signature}` with signature = lowercase hex of
//! HMAC-SHA256(UTF-8 webhook signing key, timestamp ‖ token).
//!
//! Mailgun's Python SDK also refuses a timestamp more than 900 s from its
//! clock, in either direction ([`DEFAULT_MAX_AGE_SECS`]); pass
//! [`Checks::Fresh`] with that window to do the same, and
//! [`Checks::FreshOnce`] to also refuse a token seen before, as Mailgun's
//! docs advise.
//!
//! ```
//! use callsign_core::verify::{Checks, Freshness};
//! use callsign_core::{mailgun, Error, HmacKey};
//! let key = HmacKey::new(b"0f1e2d3c4b5a69788796a5b4c3d2e1f0-2b3c4d5e-6f7a8b9c");
//! let (timestamp, token) = ("1770920772", "c4f1e0a9b8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8");
//! let sig = "851316d8484843eabfd067dcb0abecb4eb08b93bce38bbeed31ca63c017157c7";
//! assert_eq!(mailgun::sign(&key, timestamp, token)?.as_str(), sig);
//! let window = Freshness::new(1_770_921_672, mailgun::DEFAULT_MAX_AGE_SECS);
//! mailgun::verify(&key, timestamp, token, sig, Checks::Fresh(window))?;
//! let late = Freshness::new(1_770_921_673, mailgun::DEFAULT_MAX_AGE_SECS);
//! assert_eq!(mailgun::verify(&key, timestamp, token, sig, Checks::Fresh(late)), Err(Error::TimestampTooOld));
//! # Ok::<(), Error>(())
//! ```

use crate::error::check_len;
use crate::verify::{
    ct_eq_then_wipe, decode_hex_lower_exact, parse_unix_seconds, Checks, Fingerprint,
};
use crate::{Error, Field, HmacKey, SignatureText};

/// The Python SDK's default tolerance (`max_age_seconds`): 900 s.
pub const DEFAULT_MAX_AGE_SECS: u64 = 900;
/// Length of the hex signature.
pub const SIGNATURE_LEN: usize = 64;
/// Longest timestamp accepted, in digits.
pub const TIMESTAMP_MAX_LEN: usize = 20;
/// Longest token accepted, signing or verifying, in bytes (Mailgun sends 50).
pub const TOKEN_MAX_LEN: usize = 256;

/// A Mailgun webhook signature: 64 lowercase hex characters.
pub type Signature = SignatureText<SIGNATURE_LEN>;

/// The MAC of timestamp ‖ token, into `out`.
fn mac_into(key: &HmacKey, timestamp: &str, token: &str, out: &mut [u8; 32]) {
    key.mac_parts_into(&[timestamp.as_bytes(), token.as_bytes()], out);
}

/// Signs `timestamp` (1 to 20 digits, Unix seconds) and `token` (1 to
/// [`TOKEN_MAX_LEN`] visible ASCII characters) with the HMAC key of the
/// webhook signing key (`HmacKey::new(signing_key.as_bytes())`).
///
/// ```
/// use callsign_core::{mailgun, Error, Field, HmacKey};
/// let key = HmacKey::new(b"key");
/// assert_eq!(mailgun::sign(&key, "1600000000", "tok")?.len(), 64);
/// assert_eq!(mailgun::sign(&key, "16e8", "tok").unwrap_err(),
///            Error::InvalidCharacter { field: Field::Timestamp, position: 2 });
/// # Ok::<(), Error>(())
/// ```
pub fn sign(key: &HmacKey, timestamp: &str, token: &str) -> Result<Signature, Error> {
    check_len(Field::Timestamp, timestamp.len(), 1, TIMESTAMP_MAX_LEN)?;
    if let Some(position) = timestamp.bytes().position(|b| !b.is_ascii_digit()) {
        return Err(Error::InvalidCharacter {
            field: Field::Timestamp,
            position,
        });
    }
    check_token(token)?;
    let mut mac = [0u8; 32];
    mac_into(key, timestamp, token, &mut mac);
    Ok(Signature::hex_of(&mac))
}

/// Checks a token: 1 to [`TOKEN_MAX_LEN`] visible ASCII characters.
fn check_token(token: &str) -> Result<(), Error> {
    check_len(Field::Token, token.len(), 1, TOKEN_MAX_LEN)?;
    match token.bytes().position(|b| !b.is_ascii_graphic()) {
        Some(position) => Err(Error::InvalidCharacter {
            field: Field::Token,
            position,
        }),
        None => Ok(()),
    }
}

/// Verifies a webhook's `signature` object. In order:
/// 1. `timestamp` is decimal Unix seconds, checked even when no window is
///    asked for, as the SDK does ([`Error::Malformed`]);
/// 2. `signature` is 64 lowercase hex digits ([`Error::Malformed`]; the
///    SDK compares the text, so upper case fails);
/// 3. the recomputed MAC is equal, compared in constant time
///    ([`Error::SignatureMismatch`]);
/// 4. with [`Checks::Fresh`] or [`Checks::FreshOnce`], the timestamp
///    within the window (the SDK's `max_age_seconds = 0`, which disables
///    its check, is [`Checks::SignatureOnly`]), and the token not seen
///    before.
///
/// ```
/// use callsign_core::{mailgun, verify::Checks, Error, Field, HmacKey};
/// let key = HmacKey::new(b"key");
/// let r = mailgun::verify(&key, "17e8", "tok", "00", Checks::SignatureOnly);
/// assert_eq!(r, Err(Error::Malformed { field: Field::Timestamp, position: 2 }));
/// ```
pub fn verify(
    key: &HmacKey,
    timestamp: &str,
    token: &str,
    signature: &str,
    checks: Checks<'_>,
) -> Result<(), Error> {
    let unix = parse_unix_seconds(timestamp)?;
    check_token(token).map_err(|e| match e {
        Error::InvalidCharacter { field, position } => Error::Malformed { field, position },
        _ => Error::Malformed {
            field: Field::Token,
            position: token.len().min(TOKEN_MAX_LEN),
        },
    })?;
    let received: [u8; 32] = decode_hex_lower_exact(signature.as_bytes(), Field::Signature)?;
    let mut expected = [0u8; 32];
    mac_into(key, timestamp, token, &mut expected);
    if !ct_eq_then_wipe(&mut expected, &received) {
        return Err(Error::SignatureMismatch);
    }
    checks.after_signature(|| Ok(unix), || Fingerprint::of_mac(b"mailgun", &received))
}
