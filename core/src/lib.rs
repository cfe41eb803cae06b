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
//!
//! ## Feature flags
//! A feature adds code only where it is called: a firmware links what it
//! uses, so a feature that is on but unused costs no flash. The flash
//! figures are what calling it adds to an empty firmware on thumbv7em
//! (Cortex-M4F, `scripts/embedded.sh`, with `--cfg
//! sha2_backend_soft="compact"`), from the repository README's table.
//!
//! | feature | default | adds | flash when used (thumbv7em) |
//! |---|---|---|---|
//! | (none) | | X-AKSK, X-WSSE, Basic, HMAC-SHA256 / SHA-256, timestamps, nonces, Sinch and Mailgun signing and verification, gateway-side X-AKSK / X-WSSE verification, API Gateway SDK-HMAC-SHA256 | X-AKSK only +4.9 KB (opt-level z); API Gateway signing +27 KB (s) |
//! | `sm3` | yes | API Gateway SDK-HMAC-SM3 (the `sm3` crate) | part of the API Gateway figure |
//! | `v11` | yes | API Gateway V11-HMAC-SHA256 (derived keys) | part of the API Gateway figure |
//! | `rand_core_0_9` | no | `Nonce::generate_rand_core_0_9`: RNGs of `rand_core` 0.9 (embassy-rp/-nrf/-stm32, esp-hal) | as `Nonce::generate` (a few hundred B) |
//! | `rand_core_0_6` | no | `Nonce::generate_rand_core_0_6`: RNGs of `rand_core` 0.6 (rp2040-hal; embassy's and esp-hal's 0.6 implementations) | as `Nonce::generate` |
//! | `defmt` | no | `defmt::Format` for `Error`, `Field`, `Problem`, `Timestamp`, `Nonce`, `Freshness`, `Fingerprint` and the public enums; `HmacKey` prints as redacted | what `defmt` itself costs where formatted |
//! | `voice-api` | no | `huawei::voice_api` (click2Call, callVerify, callStop bodies; responses, result codes, notifications) and `huawei::voice_push` | click2Call body and a response parsed and classified +14.0 KB (z) |
//! | `sms-api` | no | `huawei::sms_api` (batchSendSms, batchSendDiffSms, responses, status reports) | batchSendSms body and a response parsed +9.0 KB (z) |
//! | `oauth2` | no | `sinch::oauth2` (token request, response, `TokenCache`) | request, response into a cache, Bearer header +5.7 KB (z) |
//! | `http-date` | no | `http_date` (HTTP `Date` parsing, `ClockOffset`) | a `Date` header into a clock offset +3.6 KB (z) |
//! | `api` | no | all four above | |
#![no_std]
#![cfg_attr(docsrs, feature(doc_cfg))]
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
pub use nonce::{Nonce, NonceRef, NONCE_MAX_LEN};
pub use out::{Emit, Out};
pub use signature_text::SignatureText;
pub use sink::{Counter, Sink};
pub use time::{Civil, Timestamp};

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;

/// The crate README's example (crates.io's page), compiled and run too.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct CrateReadmeDoctests;
