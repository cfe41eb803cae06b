//! Footprint: Sinch OAuth2 — the token request's Basic authorization, the
//! token response parsed into a `TokenCache`, and the Bearer header.
#![no_std]
#![no_main]

use callsign_core::sinch::oauth2::{Action, Region, TokenCache, TokenRequest, TokenResponse};
use callsign_embedded::exit;
use core::hint::black_box;
use cortex_m_rt::entry;

#[entry]
fn main() -> ! {
    let mut out = [0u8; 256];
    let request = TokenRequest::new(Region::Eu, black_box("key-id"), black_box("key-secret"));
    let auth = request.and_then(|r| r.authorization().write(&mut out));
    black_box(&mut out);
    let answer = black_box(
        r#"{"access_token":"eyJhbGciOi.abc.def","token_type":"Bearer","expires_in":3600,"scope":""}"#,
    );
    let mut cache = TokenCache::<128>::new();
    let stored =
        TokenResponse::parse(answer).and_then(|r| cache.store(&r, black_box(1_700_000_000)));
    let bearer = cache.bearer().and_then(|b| b.write(&mut out));
    black_box(&mut out);
    exit(
        auth.is_ok()
            && stored.is_ok()
            && bearer.is_ok()
            && cache.action(1_700_000_100) == Action::Use,
    )
}
