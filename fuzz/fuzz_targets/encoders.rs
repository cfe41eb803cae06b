//! callsign's encoders (`callsign_core::encode`) against the `base64` and
//! `hex` crates and an RFC 3986 reference, on arbitrary bytes:
//! `base64` (constant-time), `base64_public` (table), `Base64Encoder` fed in
//! fuzzer-chosen pieces, `base64_32`, `base64_len`; `hex`, `hex32`,
//! `hex32_into`; `percent_encode` and `percent_encoded_len`. Each is also
//! written into a short `Out`, which must report the size needed and hold
//! only a prefix of the text.
#![no_main]

use callsign_core::encode::{
    base64, base64_32, base64_len, base64_public, hex as hex_enc, hex32, hex32_into, is_unreserved,
    percent_encode, percent_encoded_len, Base64Encoder,
};
use callsign_core::{Counter, Error, Out};
use callsign_fuzz::{ref_b64, Input};
use libfuzzer_sys::fuzz_target;

fn into_vec(len: usize, f: impl Fn(&mut Out<'_>)) -> Vec<u8> {
    let mut buf = vec![0u8; len];
    let mut out = Out::new(&mut buf);
    f(&mut out);
    assert_eq!(out.finish(), Ok(len));
    if len > 0 {
        let mut short = vec![0xA5u8; len - 1];
        let mut out = Out::new(&mut short);
        f(&mut out);
        // `Out` is a cursor: it keeps the pieces that fitted, whole, and
        // reports the total (all-or-nothing is `Emit::write`'s rule).
        let w = out.written();
        assert_eq!(out.finish(), Err(Error::BufferTooSmall { needed: len }));
        assert!(w < len);
        assert_eq!(short[..w], buf[..w]);
        assert!(
            short[w..].iter().all(|&b| b == 0xA5),
            "written past the cursor"
        );
    }
    buf
}

fn ref_percent(data: &[u8]) -> Vec<u8> {
    let mut s = Vec::new();
    for &b in data {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            s.push(b);
        } else {
            s.extend_from_slice(format!("%{b:02X}").as_bytes());
        }
    }
    s
}

fuzz_target!(|data: &[u8]| {
    let mut input = Input::new(data);
    let splits: Vec<usize> = (0..input.byte() % 8)
        .map(|_| usize::from(input.u16()))
        .collect();
    let bytes = input.rest();

    let want = ref_b64(bytes);
    assert_eq!(base64_len(bytes.len()), Some(want.len()));
    assert_eq!(into_vec(want.len(), |o| base64(bytes, o)), want.as_bytes());
    assert_eq!(
        into_vec(want.len(), |o| base64_public(bytes, o)),
        want.as_bytes()
    );
    let streamed = into_vec(want.len(), |o| {
        let mut enc = Base64Encoder::new(o);
        let mut rest = bytes;
        for &s in &splits {
            let (a, b) = rest.split_at(s.min(rest.len()));
            enc.update(a);
            rest = b;
        }
        enc.update(rest);
        enc.finish();
    });
    assert_eq!(streamed, want.as_bytes());
    let mut c = Counter::new();
    base64(bytes, &mut c);
    assert_eq!(c.count(), want.len());

    let want_hex = hex::encode(bytes);
    assert_eq!(
        into_vec(want_hex.len(), |o| hex_enc(bytes, o)),
        want_hex.as_bytes()
    );

    if let Some(d) = bytes.first_chunk::<32>() {
        assert_eq!(&base64_32(d)[..], ref_b64(d).as_bytes());
        assert_eq!(&hex32(d)[..], hex::encode(d).as_bytes());
        let mut t = [0u8; 64];
        hex32_into(d, &mut t);
        assert_eq!(&t[..], hex::encode(d).as_bytes());
    }

    let want_pct = ref_percent(bytes);
    assert_eq!(percent_encoded_len(bytes), want_pct.len());
    assert_eq!(
        into_vec(want_pct.len(), |o| percent_encode(bytes, o)),
        want_pct
    );
    for &b in bytes {
        assert_eq!(
            is_unreserved(b),
            b.is_ascii_alphanumeric() || b"-._~".contains(&b)
        );
    }
});
