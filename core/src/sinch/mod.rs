//! Sinch: Application-signed requests and callbacks (Voice v1,
//! Verification), Voice API v2 `service` webhooks, Conversation and SMS
//! webhooks, and Numbers callbacks. Basic auth is in [`crate::basic`].
//!
//! | module | header | MAC |
//! |---|---|---|
//! | [`application`] | `Authorization: Application KEY:SIG` (`service KEY:SIG` for Voice v2) + `x-timestamp` | Base64 HMAC-SHA256 under the Base64-decoded secret, over a string to sign with the body's MD5 |
//! | [`callback`] | verification of the above | same |
//! | [`webhook`] | `x-sinch-webhook-signature` (+ nonce, timestamp, algorithm) | Base64 HMAC-SHA256 of body ‖ `.` ‖ nonce ‖ `.` ‖ timestamp |
//! | [`numbers`] | `X-Sinch-Signature` | hex HMAC-SHA1 of the body |
//!
//! ```
//! use callsign_core::sinch::{application::{signing_key, BodyDigest, Request, Scheme}, numbers};
//! let key = signing_key(b"KjWBqwG3Xh9nfzC6p+L7cA==")?;
//! let request = Request::new(Scheme::Application, "GET", "/calling/v1/calls/id/4398599d1ba84ef3bde0a82dfb61abed",
//!     Some("application/json"), "2024-03-14T09:27:00.001Z", &BodyDigest::NONE)?;
//! assert_eq!(request.sign("a3c1e6b2-4f0d-4b8e-9c7a-2d5e8f1b0c93", &key)?.signature(),
//!     "aRqW5LMCfE761TzArkvI/SngfcIkR1WnPMVkxe23Ac8=");
//! assert_eq!(numbers::sign(b"numbers-callback-secret", b"{}")?.len(), 40);
//! # Ok::<(), callsign_core::Error>(())
//! ```

pub mod application;
mod body;
pub mod callback;
pub mod numbers;
#[cfg(feature = "oauth2")]
pub mod oauth2;
mod resource;
pub mod webhook;
mod x_timestamp;

pub use x_timestamp::parse_x_timestamp;
