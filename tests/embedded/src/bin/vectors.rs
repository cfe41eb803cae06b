//! Runs every X-AKSK, X-WSSE and Basic vector through callsign-core on the
//! emulated microcontroller, prints one line per failure and a summary
//! through semihosting, and exits with status 1 on any mismatch.
#![no_std]
#![no_main]

use callsign_core::basic::{Basic, BASIC_MAX_LEN};
use callsign_core::huawei::{sms, voice};
use callsign_core::{Error, HmacKey, Nonce, Timestamp};
use callsign_embedded::{exit, vectors, Console, Token};
use cortex_m_rt::entry;

/// Checks one header writer: the value, its exact length, and the
/// short-buffer rule (BufferTooSmall { needed } and nothing written).
fn check_write(
    len: usize,
    write: impl Fn(&mut [u8]) -> Result<usize, Error>,
    expected: &str,
    buf: &mut [u8],
) -> Result<(), &'static str> {
    if len != expected.len() {
        return Err("len() differs from the expected length");
    }
    let n = write(buf).map_err(|_| "write failed")?;
    if buf.get(..n) != Some(expected.as_bytes()) {
        return Err("value differs");
    }
    let mut short = [0x55u8; 8];
    let cap = len.saturating_sub(1).min(short.len());
    let short_buf = short.get_mut(..cap).ok_or("short buffer")?;
    match write(short_buf) {
        Err(Error::BufferTooSmall { needed }) if needed == len => {}
        _ => return Err("short buffer not refused with the needed length"),
    }
    if short.iter().any(|&b| b != 0x55) {
        return Err("short buffer was written");
    }
    Ok(())
}

fn created(v: &Token) -> Result<Timestamp, &'static str> {
    let t = Timestamp::parse(v.created).map_err(|_| "Timestamp::parse failed")?;
    if Timestamp::from_unix(v.created_unix) != Ok(t) {
        return Err("Timestamp::parse and from_unix disagree");
    }
    Ok(t)
}

fn x_aksk(v: &Token) -> Result<(), &'static str> {
    if v.authorization != voice::AUTHORIZATION {
        return Err("Authorization constant differs");
    }
    let nonce = Nonce::new(v.nonce).map_err(|_| "Nonce::new failed")?;
    let key = HmacKey::new(v.secret);
    let value =
        voice::XAksk::new(v.app_key, &key, &nonce, created(v)?).map_err(|_| "XAksk::new failed")?;
    let mut buf = [0u8; voice::X_AKSK_MAX_LEN];
    check_write(value.len(), |b| value.write(b), v.expected, &mut buf)
}

fn x_wsse(v: &Token) -> Result<(), &'static str> {
    if v.authorization != sms::AUTHORIZATION {
        return Err("Authorization constant differs");
    }
    let nonce = Nonce::new(v.nonce).map_err(|_| "Nonce::new failed")?;
    let encoding = if v.legacy_raw {
        sms::DigestEncoding::LegacyRaw
    } else {
        sms::DigestEncoding::Hex
    };
    let value = sms::XWsse::with_encoding(v.app_key, v.secret, &nonce, created(v)?, encoding)
        .map_err(|_| "XWsse::with_encoding failed")?;
    let mut buf = [0u8; sms::X_WSSE_MAX_LEN];
    check_write(value.len(), |b| value.write(b), v.expected, &mut buf)
}

fn basic(v: &callsign_embedded::Basic) -> Result<(), &'static str> {
    let value = if v.mailgun {
        let key = core::str::from_utf8(v.secret).map_err(|_| "API key is not UTF-8")?;
        Basic::mailgun(key)
    } else {
        Basic::new(v.user, v.secret)
    }
    .map_err(|_| "Basic::new failed")?;
    let mut buf = [0u8; BASIC_MAX_LEN];
    check_write(value.len(), |b| value.write(b), v.expected, &mut buf)
}

#[entry]
fn main() -> ! {
    let mut con = Console::open();
    let (mut passed, mut failed) = (0u64, 0u64);
    let mut report = |con: &mut Console, scheme: &str, id: &str, r: Result<(), &str>| match r {
        Ok(()) => passed += 1,
        Err(why) => {
            failed += 1;
            con.put("firmware: FAIL ")
                .put(scheme)
                .put(" ")
                .put(id)
                .put(": ")
                .put(why)
                .put("\n");
        }
    };
    for v in &vectors::X_AKSK {
        report(&mut con, "x-aksk", v.id, x_aksk(v));
    }
    for v in &vectors::X_WSSE {
        report(&mut con, "x-wsse", v.id, x_wsse(v));
    }
    for v in &vectors::BASIC {
        report(&mut con, "basic", v.id, basic(v));
    }
    #[cfg(feature = "panic-probe")]
    if callsign_embedded::panic_probe(passed as usize) == 0 {
        failed += 1;
    }
    con.put("firmware: ")
        .num(vectors::X_AKSK.len() as u64)
        .put(" X-AKSK, ")
        .num(vectors::X_WSSE.len() as u64)
        .put(" X-WSSE, ")
        .num(vectors::BASIC.len() as u64)
        .put(" Basic vectors: ")
        .num(passed)
        .put(" passed, ")
        .num(failed)
        .put(" failed\n");
    exit(failed == 0 && passed > 0)
}
