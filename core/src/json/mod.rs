//! JSON for the API surface: a writer of canonical compact JSON
//! ([`write`]) and a strict, allocation-free reader ([`read`]).
//!
//! Owned code, not `serde-json-core`: see the commit that introduced it for
//! the measurement (flash, and the panic-never link).

pub(crate) mod write;
