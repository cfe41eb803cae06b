//! callsign's SHA-256 and HMAC-SHA256 (`Sha256`, `sha256`, `HmacKey`,
//! `hmac_sha256`, `HmacSha256`) against the `sha2` and `hmac` crates, one
//! shot and streamed at fuzzer-chosen split points, with keys of any
//! length (over a block too) and keys re-made in place (`zeroed` +
//! `rekey`, `restart`); the MACs of the other schemes' primitives too:
//! HMAC-SHA1 (`sinch::numbers`) and the Sinch body MD5.
#![no_main]

use callsign_core::sinch::application::{BodyDigest, BodyMd5};
use callsign_core::{hmac_sha256, sha256, HmacKey, Sha256};
use callsign_fuzz::{ref_b64, ref_hmac_sha1, ref_hmac_sha256, ref_sha256, Input};
use libfuzzer_sys::fuzz_target;
use md5::Digest;

/// `msg` cut at the (sorted, clamped) split points.
fn pieces<'a>(msg: &'a [u8], splits: &[usize]) -> Vec<&'a [u8]> {
    let mut cuts: Vec<usize> = splits.iter().map(|&s| s.min(msg.len())).collect();
    cuts.sort_unstable();
    let mut out = Vec::new();
    let mut from = 0;
    for c in cuts {
        out.push(&msg[from..c]);
        from = c;
    }
    out.push(&msg[from..]);
    out
}

fuzz_target!(|data: &[u8]| {
    let mut input = Input::new(data);
    let key = input.long_blob();
    let other_key = input.blob();
    let splits: Vec<usize> = (0..input.byte() % 8)
        .map(|_| usize::from(input.u16()))
        .collect();
    let msg = input.rest();
    let parts = pieces(msg, &splits);

    let want = ref_sha256(msg);
    assert_eq!(sha256(msg), want);
    let mut h = Sha256::new();
    for p in &parts {
        h.update(p);
    }
    let mut out = [0u8; 32];
    h.clone().finalize_into(&mut out);
    assert_eq!(out, want);
    assert_eq!(h.finalize(), want);

    let want = ref_hmac_sha256(key, &[msg]);
    assert_eq!(hmac_sha256(key, msg), want);
    let k = HmacKey::new(key);
    assert_eq!(k.mac(msg), want);
    assert_eq!(k.mac_parts(&parts), want);
    let mut out = [0u8; 32];
    k.mac_parts_into(&parts, &mut out);
    assert_eq!(out, want);
    let mut m = k.start();
    for p in &parts {
        m.update(p);
    }
    assert_eq!(m.clone().finalize(), want);
    let mut out = [0u8; 32];
    m.finalize_into(&mut out);
    assert_eq!(out, want);

    // Keys re-made in place; a context restarted under another key.
    let mut k2 = HmacKey::zeroed();
    k2.rekey(other_key);
    assert_eq!(k2.mac(msg), ref_hmac_sha256(other_key, &[msg]));
    k2.rekey(key);
    assert_eq!(k2.mac(msg), want);
    let mut m = HmacKey::new(other_key).start();
    m.update(msg);
    m.restart(&k);
    for p in &parts {
        m.update(p);
    }
    assert_eq!(m.finalize(), want);

    // HMAC-SHA1 (Numbers), with its 1..=1024-byte secrets.
    if (1..=1024).contains(&key.len()) {
        let sig = callsign_core::sinch::numbers::sign(key, msg).unwrap();
        assert_eq!(sig.as_str(), hex::encode(ref_hmac_sha1(key, msg)));
    }

    // MD5 of a Sinch body, one shot and streamed.
    let md5 = md5::Md5::digest(msg);
    assert_eq!(BodyDigest::of(msg).md5(), md5.as_slice());
    assert_eq!(BodyDigest::of(msg).len(), msg.len() as u64);
    let mut b = BodyMd5::new();
    for p in &parts {
        b.update(p);
    }
    let d = b.finish();
    assert_eq!(d.md5(), md5.as_slice());
    let line = d.content_md5(callsign_core::sinch::application::Scheme::Service);
    assert_eq!(line.as_str(), ref_b64(&md5));
});
