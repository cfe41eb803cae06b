//! # callsign-core
//!
//! Signs the HTTP authentication of calling and messaging APIs without a
//! heap: Huawei Cloud Voice `X-AKSK`, Huawei SMS `X-WSSE`, and Basic auth
//! for Sinch and Mailgun. `#![no_std]`, no `alloc`, no `unsafe`, no panics:
//! every output goes into a buffer the caller owns, and every error is a
//! value.
//!
//! ## Buffer rules
//! Every header value knows its exact length before it is written
//! ([`Emit::len`]). `write(&mut [u8])` checks the buffer once: on success
//! it returns the number of bytes written; if the buffer is too short it
//! returns [`Error::BufferTooSmall`]` { needed }` and writes nothing. Each
//! module has a public `*_MAX_LEN` constant that sizes a buffer for any
//! input, and `to_heapless()` returns a `heapless::String` of that size.
//!
//! ## Example: a Huawei Voice Call request
//! ```
//! use callsign_core::{huawei::voice, HmacKey, Nonce, Timestamp};
//!
//! let key = HmacKey::new(b"Zy9Xw8Vu7Ts6Rq5Po4Nm3Lk2Ji1H"); // computed once, wiped on drop
//! let nonce = Nonce::new("66c92b11ff8a425fb8d4ccfe0ed9ed1f")?; // or Nonce::generate(&mut rng)
//! let now = Timestamp::from_unix(1_709_280_930)?; // from the device clock
//! let x_aksk = voice::XAksk::new("a1B2c3D4e5F6g7H8i9J0kLmNoPqR", &key, &nonce, now)?;
//!
//! let mut buf = [0u8; voice::X_AKSK_MAX_LEN];
//! let n = x_aksk.write(&mut buf)?;
//! // send "Authorization: {voice::AUTHORIZATION}" and "X-AKSK: {&buf[..n]}"
//! assert!(buf[..n].starts_with(b"UsernameToken Username="));
//! # Ok::<(), callsign_core::Error>(())
//! ```
#![no_std]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(
    test,
    allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)
)]

#[cfg(any(feature = "voice-api", feature = "sms-api", feature = "oauth2"))]
pub mod api;
pub mod basic;
pub mod digest;
pub mod encode;
mod error;
#[cfg(feature = "sms-api")]
mod form;
#[cfg(feature = "http-date")]
pub mod http_date;
pub mod huawei;
#[cfg(any(feature = "voice-api", feature = "sms-api", feature = "oauth2"))]
#[cfg_attr(not(all(feature = "voice-api", feature = "sms-api")), allow(dead_code))]
mod json;
pub mod mailgun;
pub mod nonce;
mod out;
mod signature_text;
pub mod sinch;
mod sink;
mod text;
pub mod time;
pub mod verify;

pub use digest::{hmac_sha256, sha256, HmacKey, HmacSha256, Sha256, SHA256_LEN};
pub use error::{Error, Field, Problem};
#[cfg(any(feature = "voice-api", feature = "sms-api", feature = "oauth2"))]
pub use json::{JsonStr, Unescaped};
pub use nonce::{Nonce, NONCE_MAX_LEN};
pub use out::{Emit, Out};
pub use signature_text::SignatureText;
pub use sink::{Counter, Sink};
pub use time::{Civil, Timestamp};

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;
