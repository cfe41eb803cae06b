//! Data-driven tests of `callsign-core` against the committed vector files
//! (tests/vectors/*.json, copies of the shared developer set), plus the
//! RFC 4231 HMAC-SHA256 and FIPS 180-2 / NIST SHA-256 test vectors and a
//! streaming-equivalence sweep against the RustCrypto crates.

mod core_common;

use std::collections::BTreeMap;
use std::fs;

use callsign_core::basic::{Basic, MAILGUN_USER};
use callsign_core::huawei::sms::{self, DigestEncoding, XWsse};
use callsign_core::huawei::voice::{self, XAksk};
use callsign_core::{hmac_sha256, sha256, HmacKey, Nonce, Sha256, Timestamp};
use serde_json::Value;

use core_common::{hex, ref_hmac, ref_sha256, unhex, vectors_dir, XorShift};

const VECTOR_FILES: [&str; 2] = ["huawei.json", "sinch_mailgun.json"];

fn load(file: &str) -> Value {
    let path = vectors_dir().join(file);
    let text =
        fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()))
}

/// All vectors of `file` whose `scheme` is `scheme`.
fn vectors_of(file: &str, scheme: &str) -> Vec<Value> {
    let doc = load(file);
    let all = doc["vectors"]
        .as_array()
        .unwrap_or_else(|| panic!("{file}: no \"vectors\" array"));
    all.iter()
        .filter(|v| v["scheme"] == scheme)
        .cloned()
        .collect()
}

/// A string field, or a panic naming the vector and the field.
fn s<'v>(v: &'v Value, section: &str, field: &str) -> &'v str {
    v[section][field].as_str().unwrap_or_else(|| {
        panic!(
            "vector {}: {section}.{field} missing or not a string",
            v["id"]
        )
    })
}

fn id(v: &Value) -> &str {
    v["id"].as_str().unwrap_or("<no id>")
}

/// The secret bytes of a Huawei vector, from `app_secret_utf8_hex`,
/// checked against the `app_secret` text.
fn secret_of(v: &Value) -> Vec<u8> {
    let secret = unhex(s(v, "inputs", "app_secret_utf8_hex"));
    assert_eq!(
        secret,
        s(v, "inputs", "app_secret").as_bytes(),
        "vector {}: app_secret_utf8_hex disagrees with app_secret",
        id(v)
    );
    secret
}

/// Asserts that every vector of a scheme was run and that there was at
/// least one.
fn assert_all_run(scheme: &str, in_file: usize, run: usize, skipped: &[String]) {
    assert!(in_file > 0, "no {scheme} vectors in the files");
    assert_eq!(
        run, in_file,
        "{scheme}: ran {run} of {in_file} vectors; not run: {skipped:?}"
    );
}

#[test]
fn helpers_are_sound() {
    core_common::self_check();
}

#[test]
fn committed_vectors_match_shared_copy() {
    let shared = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/vectors");
    if !shared.is_dir() {
        eprintln!(
            "note: {} does not exist; the committed vectors were not compared with the shared copy",
            shared.display()
        );
        return;
    }
    for file in VECTOR_FILES {
        let ours = fs::read(vectors_dir().join(file))
            .unwrap_or_else(|e| panic!("cannot read committed {file}: {e}"));
        let theirs = fs::read(shared.join(file)).unwrap_or_else(|e| {
            panic!(
                "{} exists but {file} cannot be read from it: {e}",
                shared.display()
            )
        });
        assert!(
            ours == theirs,
            "tests/vectors/{file} differs from {}; copy it again",
            shared.join(file).display()
        );
    }
}

#[test]
fn vector_files_are_well_formed() {
    for file in VECTOR_FILES {
        let doc = load(file);
        assert_eq!(doc["schema_version"], 1, "{file}: schema_version");
        let vectors = doc["vectors"].as_array().expect("vectors array");
        assert!(!vectors.is_empty(), "{file}: no vectors");
        let mut ids = BTreeMap::new();
        for v in vectors {
            let vid = id(v).to_owned();
            assert!(v["scheme"].is_string(), "{file}: {vid} has no scheme");
            assert!(
                ids.insert(vid.clone(), ()).is_none(),
                "{file}: duplicate id {vid}"
            );
        }
    }
}

#[test]
fn x_aksk_vectors() {
    let vectors = vectors_of("huawei.json", "x-aksk");
    let mut run = 0;
    let mut skipped = Vec::new();
    for v in &vectors {
        if v["variant"] != "voice-python-demo" || !v["expected"]["error"].is_null() {
            skipped.push(format!("{} (variant {})", id(v), v["variant"]));
            continue;
        }
        let vid = id(v);
        let app_key = s(v, "inputs", "app_key");
        let nonce_text = s(v, "inputs", "nonce");
        let created_text = s(v, "inputs", "created");
        let secret = secret_of(v);

        // The HMAC message is nonce ‖ created.
        let message = s(v, "expected", "hmac_message");
        assert_eq!(
            message,
            format!("{nonce_text}{created_text}"),
            "{vid}: hmac_message"
        );
        let want_mac = s(v, "expected", "hmac_sha256_hex");
        assert_eq!(
            hex(&hmac_sha256(&secret, message.as_bytes())),
            want_mac,
            "{vid}: hmac_sha256"
        );
        let key = HmacKey::new(&secret);
        assert_eq!(
            hex(&key.mac(message.as_bytes())),
            want_mac,
            "{vid}: HmacKey::mac"
        );

        let nonce = Nonce::new(nonce_text).unwrap_or_else(|e| panic!("{vid}: nonce: {e}"));
        let created =
            Timestamp::parse(created_text).unwrap_or_else(|e| panic!("{vid}: created: {e}"));
        assert_eq!(
            &created.extended().to_array(),
            created_text.as_bytes(),
            "{vid}"
        );

        let x = XAksk::new(app_key, &key, &nonce, created)
            .unwrap_or_else(|e| panic!("{vid}: XAksk::new: {e}"));
        assert_eq!(
            x.password_digest(),
            s(v, "expected", "password_digest"),
            "{vid}: digest"
        );

        let want = s(v, "expected", "x_aksk");
        let mut buf = [0u8; voice::X_AKSK_MAX_LEN];
        let n = x
            .write(&mut buf)
            .unwrap_or_else(|e| panic!("{vid}: write: {e}"));
        assert_eq!(std::str::from_utf8(&buf[..n]), Ok(want), "{vid}: x_aksk");
        assert_eq!(x.len(), want.len(), "{vid}: len");
        let heapless = x.to_heapless().unwrap_or_else(|e| panic!("{vid}: {e}"));
        assert_eq!(heapless.as_str(), want, "{vid}: to_heapless");

        assert_eq!(
            voice::AUTHORIZATION,
            s(v, "expected", "authorization"),
            "{vid}"
        );
        run += 1;
    }
    assert_all_run("x-aksk", vectors.len(), run, &skipped);
}

#[test]
fn x_wsse_vectors() {
    let vectors = vectors_of("huawei.json", "x-wsse");
    let mut run = 0;
    let mut run_per_encoding = [0usize; 2];
    let mut skipped = Vec::new();
    for v in &vectors {
        let (encoding, normative) = match v["variant"].as_str() {
            Some("sms-demo-hex") => (DigestEncoding::Hex, true),
            Some("sms-legacy-raw-digest") => (DigestEncoding::LegacyRaw, false),
            _ => {
                skipped.push(format!("{} (variant {})", id(v), v["variant"]));
                continue;
            }
        };
        if !v["expected"]["error"].is_null() {
            skipped.push(format!("{} (expects an error)", id(v)));
            continue;
        }
        let vid = id(v);
        assert_eq!(
            v["normative"], normative,
            "{vid}: normative flag of {encoding:?}"
        );
        let app_key = s(v, "inputs", "app_key");
        let nonce_text = s(v, "inputs", "nonce");
        let created_text = s(v, "inputs", "created");
        let secret = secret_of(v);

        // The hashed message is nonce ‖ created ‖ secret (as bytes).
        let message = s(v, "expected", "sha256_message");
        let mut built = format!("{nonce_text}{created_text}").into_bytes();
        built.extend_from_slice(&secret);
        assert_eq!(message.as_bytes(), built, "{vid}: sha256_message");
        assert_eq!(
            hex(&sha256(message.as_bytes())),
            s(v, "expected", "sha256_hex"),
            "{vid}"
        );

        let nonce = Nonce::new(nonce_text).unwrap_or_else(|e| panic!("{vid}: nonce: {e}"));
        let created =
            Timestamp::parse(created_text).unwrap_or_else(|e| panic!("{vid}: created: {e}"));
        let x = XWsse::with_encoding(app_key, &secret, &nonce, created, encoding)
            .unwrap_or_else(|e| panic!("{vid}: XWsse::with_encoding: {e}"));
        assert_eq!(
            x.password_digest(),
            s(v, "expected", "password_digest"),
            "{vid}: digest"
        );

        let want = s(v, "expected", "x_wsse");
        let mut buf = [0u8; sms::X_WSSE_MAX_LEN];
        let n = x
            .write(&mut buf)
            .unwrap_or_else(|e| panic!("{vid}: write: {e}"));
        assert_eq!(std::str::from_utf8(&buf[..n]), Ok(want), "{vid}: x_wsse");
        assert_eq!(x.len(), want.len(), "{vid}: len");
        let heapless = x.to_heapless().unwrap_or_else(|e| panic!("{vid}: {e}"));
        assert_eq!(heapless.as_str(), want, "{vid}: to_heapless");

        if encoding == DigestEncoding::Hex {
            // `new` is the normative encoding.
            let by_new = XWsse::new(app_key, &secret, &nonce, created)
                .unwrap_or_else(|e| panic!("{vid}: XWsse::new: {e}"));
            let heapless = by_new
                .to_heapless()
                .unwrap_or_else(|e| panic!("{vid}: {e}"));
            assert_eq!(heapless.as_str(), want, "{vid}: XWsse::new");
        }

        assert_eq!(
            sms::AUTHORIZATION,
            s(v, "expected", "authorization"),
            "{vid}"
        );
        run += 1;
        run_per_encoding[usize::from(encoding == DigestEncoding::LegacyRaw)] += 1;
    }
    assert_all_run("x-wsse", vectors.len(), run, &skipped);
    assert!(
        run_per_encoding.iter().all(|&n| n > 0),
        "x-wsse: vectors run per encoding [hex, legacy raw] = {run_per_encoding:?}"
    );
}

#[test]
fn sinch_basic_auth_vectors() {
    let vectors = vectors_of("sinch_mailgun.json", "sinch.basic_auth");
    let mut run = 0;
    let mut skipped = Vec::new();
    for v in &vectors {
        if v["operation"] != "authorization_header" || !v["expected"]["error"].is_null() {
            skipped.push(format!("{} (operation {})", id(v), v["operation"]));
            continue;
        }
        let vid = id(v);
        let user = s(v, "inputs", "username");
        let password = s(v, "inputs", "password");
        let want = s(v, "expected", "authorization");

        let by_key = Basic::sinch_key(user, password)
            .unwrap_or_else(|e| panic!("{vid}: Basic::sinch_key: {e}"));
        let by_new = Basic::new(user, password.as_bytes())
            .unwrap_or_else(|e| panic!("{vid}: Basic::new: {e}"));
        let by_app = Basic::sinch_application(user, password)
            .unwrap_or_else(|e| panic!("{vid}: Basic::sinch_application: {e}"));
        for (how, b) in [
            ("sinch_key", by_key),
            ("new", by_new),
            ("sinch_application", by_app),
        ] {
            let text = b
                .to_heapless()
                .unwrap_or_else(|e| panic!("{vid}: {how}: {e}"));
            assert_eq!(text.as_str(), want, "{vid}: Basic::{how}");
            let mut buf = vec![0u8; want.len()];
            assert_eq!(
                b.write(&mut buf),
                Ok(want.len()),
                "{vid}: Basic::{how} write"
            );
            assert_eq!(buf, want.as_bytes(), "{vid}: Basic::{how} write");
        }
        run += 1;
    }
    assert_all_run("sinch.basic_auth", vectors.len(), run, &skipped);
}

#[test]
fn mailgun_basic_auth_vectors() {
    let vectors = vectors_of("sinch_mailgun.json", "mailgun.basic_auth");
    let mut run = 0;
    let mut skipped = Vec::new();
    for v in &vectors {
        if v["operation"] != "authorization_header" || !v["expected"]["error"].is_null() {
            skipped.push(format!("{} (operation {})", id(v), v["operation"]));
            continue;
        }
        let vid = id(v);
        let api_key = s(v, "inputs", "api_key");
        let want = s(v, "expected", "authorization");
        assert_eq!(
            s(v, "expected", "username"),
            MAILGUN_USER,
            "{vid}: username"
        );

        let b = Basic::mailgun(api_key).unwrap_or_else(|e| panic!("{vid}: Basic::mailgun: {e}"));
        let text = b.to_heapless().unwrap_or_else(|e| panic!("{vid}: {e}"));
        assert_eq!(text.as_str(), want, "{vid}: Basic::mailgun");
        let by_new = Basic::new(MAILGUN_USER, api_key.as_bytes())
            .unwrap_or_else(|e| panic!("{vid}: Basic::new: {e}"));
        let text = by_new
            .to_heapless()
            .unwrap_or_else(|e| panic!("{vid}: {e}"));
        assert_eq!(text.as_str(), want, "{vid}: Basic::new(\"api\", ..)");
        run += 1;
    }
    assert_all_run("mailgun.basic_auth", vectors.len(), run, &skipped);
}

/// RFC 4231 §4.2–4.8: (key, data, HMAC-SHA-256, compared prefix length).
#[test]
fn rfc4231_hmac_sha256() {
    let key_aa_131 = vec![0xaa; 131];
    let key_4: Vec<u8> = (0x01..=0x19).collect();
    let cases: [(&str, &[u8], &[u8], &str); 7] = [
        (
            "case 1",
            &[0x0b; 20],
            b"Hi There",
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
        ),
        (
            "case 2",
            b"Jefe",
            b"what do ya want for nothing?",
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
        ),
        (
            "case 3",
            &[0xaa; 20],
            &[0xdd; 50],
            "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe",
        ),
        (
            "case 4",
            &key_4,
            &[0xcd; 50],
            "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b",
        ),
        (
            // Truncated to 128 bits in the RFC.
            "case 5",
            &[0x0c; 20],
            b"Test With Truncation",
            "a3b6167473100ee06e0c796c2955552b",
        ),
        (
            "case 6",
            &key_aa_131,
            b"Test Using Larger Than Block-Size Key - Hash Key First",
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
        ),
        (
            "case 7",
            &key_aa_131,
            b"This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.",
            "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2",
        ),
    ];
    for (name, key, data, want) in cases {
        let want = unhex(want);
        let tag = hmac_sha256(key, data);
        assert_eq!(
            &tag[..want.len()],
            &want[..],
            "RFC 4231 {name}: hmac_sha256"
        );
        let tag = HmacKey::new(key).mac(data);
        assert_eq!(
            &tag[..want.len()],
            &want[..],
            "RFC 4231 {name}: HmacKey::mac"
        );
        let mut m = HmacKey::new(key).start();
        for byte in data.chunks(1) {
            m.update(byte);
        }
        assert_eq!(
            &m.finalize()[..want.len()],
            &want[..],
            "RFC 4231 {name}: bytewise"
        );
    }
}

#[test]
fn nist_sha256() {
    let cases: [(&[u8], &str); 3] = [
        (
            b"abc",
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        ),
        (
            b"",
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        ),
        (
            b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
        ),
    ];
    for (data, want) in cases {
        assert_eq!(
            hex(&sha256(data)),
            want,
            "sha256({:?})",
            String::from_utf8_lossy(data)
        );
        let mut h = Sha256::new();
        for byte in data.chunks(1) {
            h.update(byte);
        }
        assert_eq!(hex(&h.finalize()), want, "bytewise sha256");
    }
    assert_eq!(
        hex(&Sha256::default().finalize()),
        cases[1].1,
        "Sha256::default"
    );
}

#[test]
fn nist_sha256_million_a_uneven_chunks() {
    const WANT: &str = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";
    let a = vec![b'a'; 1_000_000];
    assert_eq!(hex(&sha256(&a)), WANT, "one-shot");

    // Chunk sizes around and across block boundaries, cycled.
    let sizes = [
        1usize, 7, 55, 56, 63, 64, 65, 127, 128, 129, 1000, 3, 4096, 0, 9999,
    ];
    let mut h = Sha256::new();
    let (mut pos, mut i) = (0, 0);
    while pos < a.len() {
        let n = sizes[i % sizes.len()].min(a.len() - pos);
        h.update(&a[pos..pos + n]);
        pos += n;
        i += 1;
    }
    assert!(i > 900, "the chunking must actually split the input");
    assert_eq!(hex(&h.finalize()), WANT, "uneven chunks");
}

/// Feeds `data` split at random points to `update`.
fn feed_split(rng: &mut XorShift, data: &[u8], mut update: impl FnMut(&[u8])) {
    let mut rest = data;
    while !rest.is_empty() {
        // Mostly short pieces, sometimes empty ones, sometimes long ones.
        let n = match rng.below(8) {
            0 => 0,
            1 => rng.below(rest.len() + 1),
            _ => rng.below(70.min(rest.len()) + 1),
        };
        let (head, tail) = rest.split_at(n);
        update(head);
        rest = tail;
    }
}

#[test]
fn streaming_equals_one_shot_and_rustcrypto() {
    let mut rng = XorShift(0x9e37_79b9_7f4a_7c15);
    let keys: Vec<Vec<u8>> = [0usize, 1, 20, 32, 63, 64, 65, 131]
        .iter()
        .map(|&n| rng.bytes(n))
        .collect();
    let mut checked = 0;
    for len in 0..=300usize {
        let data = rng.bytes(len);
        let want_hash = ref_sha256(&data);
        assert_eq!(sha256(&data), want_hash, "sha256, length {len}");
        for split in 0..4 {
            let mut h = Sha256::new();
            feed_split(&mut rng, &data, |piece| h.update(piece));
            assert_eq!(
                h.finalize(),
                want_hash,
                "streaming sha256, length {len}, split {split}"
            );
        }
        let mut h = Sha256::new();
        data.chunks(1).for_each(|b| h.update(b));
        assert_eq!(h.finalize(), want_hash, "bytewise sha256, length {len}");

        for key in &keys {
            let want_tag = ref_hmac(key, &data);
            let hk = HmacKey::new(key);
            assert_eq!(
                hk.mac(&data),
                want_tag,
                "mac, key {} length {len}",
                key.len()
            );
            assert_eq!(
                hmac_sha256(key, &data),
                want_tag,
                "hmac_sha256, length {len}"
            );
            for split in 0..2 {
                let mut m = hk.start();
                feed_split(&mut rng, &data, |piece| m.update(piece));
                assert_eq!(
                    m.finalize(),
                    want_tag,
                    "streaming hmac, key {} length {len}, split {split}",
                    key.len()
                );
            }
            // A clone of a partly fed state continues independently.
            let (head, tail) = data.split_at(len / 2);
            let mut m = hk.start();
            m.update(head);
            let mut copy = m.clone();
            copy.update(tail);
            m.update(tail);
            assert_eq!(copy.finalize(), want_tag, "cloned hmac, length {len}");
            assert_eq!(
                m.finalize(),
                want_tag,
                "original hmac after clone, length {len}"
            );
            checked += 1;
        }
    }
    assert_eq!(checked, 301 * keys.len());
}
