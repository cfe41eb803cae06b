//! Library side of the `callsign` command-line tool: the peers that
//! `callsign bench` and `benches/peers.rs` measure callsign against.
//!
//! The signing itself lives in `callsign-core`; nothing here is needed to
//! sign.

pub mod api_build;
pub mod api_parse;
pub mod cases;
pub mod peers;
