//! The crate's one error type.

use core::fmt;

/// Which input a validation error is about.
///
/// Errors name the field, never its content: a secret never appears in an
/// error message.
///
/// ```
/// use callsign_core::{Error, Field, Nonce};
/// assert!(matches!(
///     Nonce::new(""),
///     Err(Error::InvalidLength { field: Field::Nonce, .. })
/// ));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Field {
    /// The application key (Huawei `Username`).
    AppKey,
    /// The secret (never shown).
    Secret,
    /// The nonce.
    Nonce,
    /// A timestamp.
    Timestamp,
    /// The user of a Basic credential.
    User,
}

impl Field {
    /// The field's name as shown in messages.
    ///
    /// ```
    /// assert_eq!(callsign_core::Field::AppKey.name(), "app key");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            Field::AppKey => "app key",
            Field::Secret => "secret",
            Field::Nonce => "nonce",
            Field::Timestamp => "timestamp",
            Field::User => "user",
        }
    }
}

/// Everything that can go wrong in `callsign-core`.
///
/// Errors are values: no function of the crate panics. No variant carries
/// secret material, so an `Error` may be logged.
///
/// ```
/// use callsign_core::Error;
/// let e = Error::BufferTooSmall { needed: 44 };
/// assert_eq!(e.to_string(), "output buffer too small: 44 bytes needed");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Error {
    /// The output buffer is shorter than the output; nothing was written.
    BufferTooSmall {
        /// The exact number of bytes the output needs.
        needed: usize,
    },
    /// An input is shorter or longer than allowed.
    InvalidLength {
        /// The input concerned.
        field: Field,
        /// Smallest length allowed, in bytes.
        min: usize,
        /// Largest length allowed, in bytes.
        max: usize,
        /// The length given, in bytes.
        actual: usize,
    },
    /// An input holds a byte that its format does not allow.
    InvalidCharacter {
        /// The input concerned.
        field: Field,
        /// Byte offset of the first offending byte.
        position: usize,
    },
    /// A timestamp is not in the expected textual form.
    InvalidTimestamp,
    /// A timestamp lies outside 1970-01-01T00:00:00Z..=9999-12-31T23:59:59Z.
    TimestampOutOfRange,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Error::BufferTooSmall { needed } => {
                write!(f, "output buffer too small: {needed} bytes needed")
            }
            Error::InvalidLength {
                field,
                min,
                max,
                actual,
            } => write!(
                f,
                "{}: length {actual} is outside {min}..={max} bytes",
                field.name()
            ),
            Error::InvalidCharacter { field, position } => {
                write!(f, "{}: invalid character at byte {position}", field.name())
            }
            Error::InvalidTimestamp => {
                f.write_str("timestamp: expected YYYY-MM-DDTHH:MM:SSZ or YYYYMMDDTHHMMSSZ (UTC)")
            }
            Error::TimestampOutOfRange => f.write_str("timestamp: outside the years 1970 to 9999"),
        }
    }
}

impl core::error::Error for Error {}

/// Checks `len` against `min..=max` for `field`.
pub(crate) fn check_len(field: Field, len: usize, min: usize, max: usize) -> Result<(), Error> {
    if len < min || len > max {
        Err(Error::InvalidLength {
            field,
            min,
            max,
            actual: len,
        })
    } else {
        Ok(())
    }
}
