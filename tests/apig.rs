//! `huawei::apig` (SDK-HMAC-SHA256, SDK-HMAC-SM3, V11-HMAC-SHA256) against
//! every scheme-3 vector of tests/vectors/huawei.json, plus buffer rules,
//! the explain path, streaming bodies, precise errors and order
//! independence (proptest).

mod core_common;

use std::collections::BTreeMap;
use std::fs;

use callsign_core::huawei::apig::{
    self, Algorithm, Body, Request, Signed, Signer, Variant, AUTHORIZATION_MAX_LEN,
    DEFAULT_MAX_HEADERS,
};
use callsign_core::{sha256, Emit, Error, Field, Sha256, Timestamp};
use proptest::prelude::*;
use serde_json::Value;

use core_common::{hex, unhex, vectors_dir, XorShift};

/// The schemes of section 3 of the spec.
const SCHEMES: [&str; 3] = ["sdk-hmac-sha256", "sdk-hmac-sm3", "v11-hmac-sha256"];

/// Vectors not run, with the reason. Both are `normative: false` NODE
/// vectors that record where the Node signer diverges from the normative
/// Python one; callsign implements the normative rules.
const INFORMATIVE: [(&str, &str); 2] = [
    (
        "node-path-space-divergent",
        "Node signs url.parse's escaped path without decoding it (a%2520b); callsign decodes, as CORE does",
    ),
    (
        "node-header-untrimmed-divergent",
        "Node does not trim header values; callsign trims, as CORE does",
    ),
];

/// The errors the reference signers raise, and the callsign error for each.
fn expected_error(reference: &str) -> Error {
    match reference {
        "ValueError: sk is required in credentials" => Error::InvalidLength {
            field: Field::Secret,
            min: 1,
            max: apig::SECRET_MAX_LEN,
            actual: 0,
        },
        other => panic!("no callsign error mapped for the reference error {other:?}"),
    }
}

fn vectors() -> Vec<Value> {
    let path = vectors_dir().join("huawei.json");
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let doc: Value = serde_json::from_str(&text).expect("huawei.json is JSON");
    doc["vectors"]
        .as_array()
        .expect("vectors array")
        .iter()
        .filter(|v| SCHEMES.contains(&v["scheme"].as_str().unwrap_or("")))
        .cloned()
        .collect()
}

fn id(v: &Value) -> &str {
    v["id"].as_str().expect("id")
}

fn str_of<'v>(v: &'v Value, field: &str) -> &'v str {
    v["inputs"][field]
        .as_str()
        .unwrap_or_else(|| panic!("{}: inputs.{field} missing", id(v)))
}

fn pairs(v: &Value, field: &str) -> Vec<(String, String)> {
    v["inputs"][field]
        .as_array()
        .unwrap_or_else(|| panic!("{}: inputs.{field} missing", id(v)))
        .iter()
        .map(|p| {
            (
                p[0].as_str().expect("name").to_owned(),
                p[1].as_str().expect("value").to_owned(),
            )
        })
        .collect()
}

/// One scheme-3 vector's inputs, owned.
struct Inputs {
    method: String,
    host: String,
    path: String,
    query: Vec<(String, String)>,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
    app_key: String,
    secret: Vec<u8>,
    region: Option<String>,
    service: Option<String>,
    scheme: String,
    variant: Variant,
}

impl Inputs {
    fn of(v: &Value) -> Self {
        let body = match v["inputs"]["body_hex"].as_str() {
            Some(h) => unhex(h),
            None => str_of(v, "body").as_bytes().to_vec(),
        };
        let secret = unhex(str_of(v, "app_secret_utf8_hex"));
        assert_eq!(secret, str_of(v, "app_secret").as_bytes(), "{}", id(v));
        let variant = match v["variant"].as_str() {
            Some("huaweicloudsdkcore-python") | Some("node-core") => Variant::Core,
            Some("apig-python") => Variant::ApigPython,
            other => panic!("{}: unknown variant {other:?}", id(v)),
        };
        Inputs {
            method: str_of(v, "method").into(),
            host: str_of(v, "host").into(),
            path: str_of(v, "path").into(),
            query: pairs(v, "query"),
            headers: pairs(v, "headers"),
            body,
            app_key: str_of(v, "app_key").into(),
            secret,
            region: v["inputs"]["region_id"].as_str().map(Into::into),
            service: v["inputs"]["derived_auth_service_name"]
                .as_str()
                .map(Into::into),
            scheme: v["scheme"].as_str().expect("scheme").into(),
            variant,
        }
    }

    fn algorithm(&self) -> Algorithm<'_> {
        match self.scheme.as_str() {
            "sdk-hmac-sha256" => Algorithm::SdkHmacSha256,
            "sdk-hmac-sm3" => Algorithm::SdkHmacSm3,
            "v11-hmac-sha256" => Algorithm::V11HmacSha256 {
                region: self.region.as_deref().expect("region_id"),
                service: self.service.as_deref().expect("derived_auth_service_name"),
            },
            other => panic!("unknown scheme {other}"),
        }
    }

    fn signer(&self) -> Result<Signer<'_>, Error> {
        Signer::new(&self.app_key, &self.secret, self.algorithm(), self.variant)
    }

    fn query(&self) -> Vec<(&str, &str)> {
        self.query
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect()
    }

    fn headers(&self) -> Vec<(&str, &str)> {
        self.headers
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect()
    }
}

/// Builds the request of `inputs` with `body` and runs `check` on it.
fn with_request<R>(inputs: &Inputs, body: Body<'_>, check: impl FnOnce(&Request<'_>) -> R) -> R {
    let query = inputs.query();
    let headers = inputs.headers();
    // Every vector carries X-Sdk-Date; this date must not be used.
    let request = Request::new(
        &inputs.method,
        &inputs.host,
        &inputs.path,
        Timestamp::UNIX_EPOCH,
    )
    .with_query(&query)
    .with_headers(&headers)
    .with_body(body);
    check(&request)
}

fn text(value: &impl Emit) -> String {
    let mut buf = vec![0u8; value.len()];
    let n = value.write(&mut buf).expect("exact buffer");
    assert_eq!(n, buf.len());
    String::from_utf8(buf).expect("UTF-8")
}

fn expected<'v>(v: &'v Value, field: &str) -> &'v str {
    v["expected"][field]
        .as_str()
        .unwrap_or_else(|| panic!("{}: expected.{field} missing", id(v)))
}

/// The headers added, as the vector lists them: for APIG without
/// `content-length`, which the APIG signer adds after signing (the HTTP
/// client's business, not the signature's); for NODE with lower-cased
/// names (Node's headers object is lower-case, CORE adds `Host`).
fn expected_headers_added(v: &Value) -> BTreeMap<String, String> {
    let node = v["variant"] == "node-core";
    v["expected"]["headers_added"]
        .as_object()
        .unwrap_or_else(|| panic!("{}: expected.headers_added missing", id(v)))
        .iter()
        .filter(|(name, _)| !(v["variant"] == "apig-python" && *name == "content-length"))
        .map(|(name, value)| {
            let name = if node {
                name.to_lowercase()
            } else {
                name.clone()
            };
            (name, value.as_str().expect("header value").to_owned())
        })
        .collect()
}

fn check_signed(v: &Value, signed: &Signed<'_>) {
    let vid = id(v);
    assert_eq!(
        text(&signed.canonical_request()),
        expected(v, "canonical_request"),
        "{vid}: canonical request"
    );
    assert_eq!(
        text(&signed.string_to_sign()),
        expected(v, "string_to_sign"),
        "{vid}: string to sign"
    );
    assert_eq!(
        text(&signed.signed_headers()),
        expected(v, "signed_headers"),
        "{vid}: signed headers"
    );
    assert_eq!(
        signed.signature(),
        expected(v, "signature"),
        "{vid}: signature"
    );
    assert_eq!(
        text(&signed.authorization()),
        expected(v, "authorization"),
        "{vid}: authorization"
    );
    assert_eq!(
        signed.authorization().to_heapless().expect("fits").as_str(),
        expected(v, "authorization"),
        "{vid}: authorization (heapless)"
    );
    let node = v["variant"] == "node-core";
    let added: BTreeMap<String, String> = signed
        .headers_added()
        .iter()
        .map(|&(name, value)| {
            let name = if node {
                name.to_lowercase()
            } else {
                name.into()
            };
            (name, value.to_owned())
        })
        .collect();
    assert_eq!(added, expected_headers_added(v), "{vid}: headers added");
    if let Some(uri) = v["expected"]["request_uri"].as_str() {
        assert_eq!(text(&signed.request_target()), uri, "{vid}: request target");
    } else {
        assert!(node, "{vid}: only NODE vectors lack request_uri");
    }
}

fn is_informative(v: &Value) -> Option<&'static str> {
    INFORMATIVE
        .iter()
        .find(|(vid, _)| *vid == id(v))
        .map(|&(_, why)| why)
}

#[test]
fn every_scheme_3_vector() {
    let all = vectors();
    let mut run: BTreeMap<&str, usize> = BTreeMap::new();
    let mut in_file: BTreeMap<&str, usize> = BTreeMap::new();
    for v in &all {
        let scheme = SCHEMES
            .iter()
            .find(|s| v["scheme"] == **s)
            .copied()
            .expect("filtered");
        *in_file.entry(scheme).or_default() += 1;
        if let Some(why) = is_informative(v) {
            assert_eq!(
                v["normative"],
                false,
                "{}: only informative vectors are skipped",
                id(v)
            );
            println!("informative, not run: {} ({why})", id(v));
            continue;
        }
        let inputs = Inputs::of(v);
        if let Some(reference) = v["expected"]["error"].as_str() {
            let signed = inputs.signer().and_then(|signer| {
                with_request(&inputs, Body::Bytes(&inputs.body), |r| {
                    signer.sign(r).map(|_| ())
                })
            });
            assert_eq!(signed, Err(expected_error(reference)), "{}", id(v));
        } else {
            let signer = inputs.signer().unwrap_or_else(|e| panic!("{}: {e}", id(v)));
            with_request(&inputs, Body::Bytes(&inputs.body), |r| {
                let signed = signer.sign(r).unwrap_or_else(|e| panic!("{}: {e}", id(v)));
                check_signed(v, &signed);
            });
        }
        *run.entry(scheme).or_default() += 1;
    }
    for scheme in SCHEMES {
        let skipped = INFORMATIVE
            .iter()
            .filter(|(vid, _)| all.iter().any(|v| id(v) == *vid && v["scheme"] == scheme))
            .count();
        let n = in_file.get(scheme).copied().unwrap_or(0);
        assert!(n > 0, "no {scheme} vectors in the file");
        assert_eq!(
            run.get(scheme).copied().unwrap_or(0),
            n - skipped,
            "{scheme}: every vector but the listed informative ones runs"
        );
        println!("{scheme}: {} of {n} vectors run", n - skipped);
    }
}

/// Every vector signed with the body given as a precomputed digest (and,
/// for non-empty bodies, as `Body::Unsigned` where the reference did not
/// hash it) gives the same result.
#[test]
fn precomputed_body_digests_sign_the_same() {
    for v in vectors() {
        if is_informative(&v).is_some() || v["expected"]["error"].is_string() {
            continue;
        }
        let inputs = Inputs::of(&v);
        let signer = inputs.signer().expect("signer");
        let mut hasher = inputs.algorithm().body_hasher();
        for chunk in inputs.body.chunks(3) {
            hasher.update(chunk);
        }
        let digest_body = hasher.finish();
        match digest_body {
            Body::Sha256(d) => assert_eq!(d, sha256(&inputs.body)),
            Body::Sm3(_) => assert_eq!(inputs.scheme, "sdk-hmac-sm3"),
            other => panic!("{other:?}"),
        }
        with_request(&inputs, digest_body, |r| {
            check_signed(&v, &signer.sign(r).expect("signs"));
        });
        let payload_line = expected(&v, "canonical_request")
            .rsplit('\n')
            .next()
            .unwrap();
        if payload_line == apig::UNSIGNED_PAYLOAD && !inputs.body.is_empty() {
            with_request(&inputs, Body::Unsigned, |r| {
                check_signed(&v, &signer.sign(r).expect("signs"));
            });
        }
    }
}

/// Writes `value` into buffers of every length from 0 to one past what it
/// needs: too short gives `BufferTooSmall { needed }` with the buffer
/// untouched, long enough gives the text and nothing past it.
fn check_every_length(what: &str, value: &impl Emit) {
    let full = text(value);
    let needed = full.len();
    for len in 0..=needed + 1 {
        let mut buf = vec![0xa5u8; len + 4];
        let r = value.write(&mut buf[..len]);
        if len < needed {
            assert_eq!(r, Err(Error::BufferTooSmall { needed }), "{what}: {len}");
            assert!(buf.iter().all(|&b| b == 0xa5), "{what}: written at {len}");
        } else {
            assert_eq!(r, Ok(needed), "{what}: {len}");
            assert_eq!(&buf[..needed], full.as_bytes(), "{what}: {len}");
            assert!(buf[needed..].iter().all(|&b| b == 0xa5), "{what}: past end");
        }
    }
}

#[test]
fn writers_obey_buffer_rules_at_every_length() {
    for v in vectors() {
        if is_informative(&v).is_some() || v["expected"]["error"].is_string() {
            continue;
        }
        let inputs = Inputs::of(&v);
        let signer = inputs.signer().expect("signer");
        with_request(&inputs, Body::Bytes(&inputs.body), |r| {
            let signed = signer.sign(r).expect("signs");
            let vid = id(&v);
            check_every_length(&format!("{vid} authorization"), &signed.authorization());
            check_every_length(&format!("{vid} signed headers"), &signed.signed_headers());
            check_every_length(&format!("{vid} request target"), &signed.request_target());
            check_every_length(&format!("{vid} canonical"), &signed.canonical_request());
            check_every_length(&format!("{vid} string to sign"), &signed.string_to_sign());

            let (c, s) = (
                signed.canonical_request().len(),
                signed.string_to_sign().len(),
            );
            for len in 0..=c + s + 1 {
                let mut buf = vec![0xa5u8; len];
                match signed.explain(&mut buf) {
                    Ok(lengths) => {
                        assert!(len >= c + s);
                        assert_eq!(lengths, (c, s));
                    }
                    Err(e) => {
                        assert!(len < c + s);
                        assert_eq!(e, Error::BufferTooSmall { needed: c + s });
                        assert!(buf.iter().all(|&b| b == 0xa5), "{vid}: explain wrote");
                    }
                }
            }
        });
    }
}

/// The explain text is what was hashed: SHA-256 of its canonical-request
/// part is the hash in its string to sign, which the signature covers.
#[test]
fn explain_shows_what_was_hashed() {
    for v in vectors() {
        if is_informative(&v).is_some()
            || v["expected"]["error"].is_string()
            || v["scheme"] == "sdk-hmac-sm3"
        {
            continue;
        }
        let inputs = Inputs::of(&v);
        let signer = inputs.signer().expect("signer");
        with_request(&inputs, Body::Bytes(&inputs.body), |r| {
            let signed = signer.sign(r).expect("signs");
            let mut buf = vec![0u8; 4096];
            let (c, s) = signed.explain(&mut buf).expect("fits");
            let canonical = &buf[..c];
            let string_to_sign = std::str::from_utf8(&buf[c..c + s]).expect("UTF-8");
            assert_eq!(canonical, expected(&v, "canonical_request").as_bytes());
            assert_eq!(string_to_sign, expected(&v, "string_to_sign"));
            assert_eq!(
                string_to_sign.rsplit('\n').next(),
                Some(hex(&sha256(canonical)).as_str()),
                "{}",
                id(&v)
            );
        });
    }
}

/// 1 MiB pseudo-random body.
fn mebibyte() -> Vec<u8> {
    XorShift(0x0123_4567_89ab_cdef).bytes(1 << 20)
}

#[test]
fn streamed_body_digest_signs_like_the_whole_body() {
    let body = mebibyte();
    let headers = [("Content-Type", "application/octet-stream; x=json")];
    for algorithm in [Algorithm::SdkHmacSha256, Algorithm::SdkHmacSm3] {
        let signer = Signer::new("AK", b"SK", algorithm, Variant::ApigPython).expect("signer");
        let date = Timestamp::parse("20240115T083000Z").unwrap();
        let request = |body| {
            Request::new("PUT", "obs.example.com", "/bucket/object", date)
                .with_headers(&headers)
                .with_body(body)
        };
        let whole_request = request(Body::Bytes(&body));
        let whole = signer.sign(&whole_request).expect("signs");
        let mut rng = XorShift(42);
        let random: Vec<usize> = (0..4).map(|_| 1 + rng.below(10_000)).collect();
        for chunk in [1, 7, 63, 64, 65, 4096].into_iter().chain(random) {
            let mut hasher = algorithm.body_hasher();
            for piece in body.chunks(chunk) {
                hasher.update(piece);
            }
            let streamed_request = request(hasher.finish());
            let streamed = signer.sign(&streamed_request).expect("signs");
            assert_eq!(streamed.signature(), whole.signature(), "chunks of {chunk}");
            if algorithm == Algorithm::SdkHmacSha256 {
                let mut h = Sha256::new();
                for piece in body.chunks(chunk) {
                    h.update(piece);
                }
                let r = request(Body::Sha256(h.finalize()));
                assert_eq!(signer.sign(&r).unwrap().signature(), whole.signature());
            }
        }
    }
}

fn core_signer() -> Signer<'static> {
    Signer::new("AK", b"SK", Algorithm::SdkHmacSha256, Variant::Core).expect("signer")
}

fn sign_error(request: &Request<'_>) -> Error {
    core_signer().sign(request).expect_err("must be refused")
}

fn get(path: &'static str) -> Request<'static> {
    Request::new("GET", "example.com", path, Timestamp::UNIX_EPOCH)
}

#[test]
fn bad_inputs_are_precise_errors() {
    let bad_char = |field, position| Error::InvalidCharacter { field, position };
    // Path.
    assert_eq!(
        sign_error(&get("")),
        Error::InvalidLength {
            field: Field::Path,
            min: 1,
            max: apig::PATH_MAX_LEN,
            actual: 0
        }
    );
    assert_eq!(sign_error(&get("v1/x")), bad_char(Field::Path, 0));
    assert_eq!(sign_error(&get("/v1?x")), bad_char(Field::Path, 3));
    assert_eq!(sign_error(&get("/v1#x")), bad_char(Field::Path, 3));
    assert_eq!(sign_error(&get("/a\tb")), bad_char(Field::Path, 2));
    assert_eq!(
        sign_error(&get("/ok/%FF")),
        Error::InvalidUtf8 {
            field: Field::Path,
            position: 4
        }
    );
    assert_eq!(
        sign_error(&get("/%E4%B8")),
        Error::InvalidUtf8 {
            field: Field::Path,
            position: 1
        }
    );
    // Method and host.
    let mut r = get("/");
    r.method = "GE T";
    assert_eq!(sign_error(&r), bad_char(Field::Method, 2));
    r.method = "";
    assert!(matches!(
        sign_error(&r),
        Error::InvalidLength {
            field: Field::Method,
            ..
        }
    ));
    let mut r = get("/");
    r.host = "exa mple.com";
    assert_eq!(sign_error(&r), bad_char(Field::Host, 3));
    r.host = "example.com/x";
    assert_eq!(sign_error(&r), bad_char(Field::Host, 11));
    r.host = "";
    assert!(matches!(
        sign_error(&r),
        Error::InvalidLength {
            field: Field::Host,
            ..
        }
    ));

    // Headers.
    let long_name = "X".repeat(65);
    for (name, index) in [
        ("X:Colon", 1),
        ("X Space", 1),
        ("Caf\u{e9}", 1),
        ("", 1),
        (long_name.as_str(), 1),
        ("X\u{7f}", 1),
    ] {
        let headers = [("Content-Type", "application/json"), (name, "v")];
        let r = get("/").with_headers(&headers);
        assert_eq!(
            sign_error(&r),
            Error::InvalidHeaderName { index },
            "{name:?}"
        );
    }
    for value in ["a\r\nb", "a\nb", "a\0b"] {
        let headers = [("X-A", "v"), ("X-B", "w"), ("X-Bad", value)];
        let r = get("/").with_headers(&headers);
        assert_eq!(
            sign_error(&r),
            Error::InvalidHeaderValue { index: 2 },
            "{value:?}"
        );
    }
    // CR/LF at the ends are trimmed, as the reference trims them.
    let headers = [("X-Ok", "\r\n value \r\n")];
    assert!(core_signer().sign(&get("/").with_headers(&headers)).is_ok());
    let headers = [("Host", "a"), ("X-A", "b"), ("host", "c")];
    assert_eq!(
        sign_error(&get("/").with_headers(&headers)),
        Error::DuplicateHeader {
            first: 0,
            second: 2
        }
    );
    let headers = [("X_A", "b"), ("x_a", "c")];
    assert_eq!(
        sign_error(&get("/").with_headers(&headers)),
        Error::DuplicateHeader {
            first: 0,
            second: 1
        },
        "duplicates are refused even among unsigned headers"
    );
    for date in [
        "2024-01-15T08:30:00Z",
        "20240115T083000",
        " 20240115T083000Z",
    ] {
        let headers = [("X-Sdk-Date", date)];
        assert_eq!(
            sign_error(&get("/").with_headers(&headers)),
            Error::InvalidTimestamp,
            "{date:?}"
        );
    }
    let headers = [("x-sdk-date", "19691231T235959Z")];
    assert_eq!(
        sign_error(&get("/").with_headers(&headers)),
        Error::TimestampOutOfRange
    );

    // Body digests and unsigned bodies.
    let r = get("/").with_body(Body::Sm3([0; 32]));
    assert_eq!(sign_error(&r), Error::BodyDigestMismatch);
    let sm3 = Signer::new("AK", b"SK", Algorithm::SdkHmacSm3, Variant::Core).unwrap();
    let r = get("/").with_body(Body::Sha256([0; 32]));
    assert_eq!(sm3.sign(&r).unwrap_err(), Error::BodyDigestMismatch);
    let headers = [("X-Sdk-Content-Sha256", " ")];
    let r = get("/").with_headers(&headers).with_body(Body::Unsigned);
    assert_eq!(sign_error(&r), Error::InvalidHeaderValue { index: 0 });
}

#[test]
fn credentials_are_checked() {
    let sha = Algorithm::SdkHmacSha256;
    let err = |ak: &str, sk: &[u8], alg, variant| Signer::new(ak, sk, alg, variant).unwrap_err();
    for (ak, position) in [("A K", 1), ("AK,", 2), ("\"AK", 0), ("AK/1", 2), ("é", 0)] {
        assert_eq!(
            err(ak, b"SK", sha, Variant::Core),
            Error::InvalidCharacter {
                field: Field::AppKey,
                position
            },
            "{ak:?}"
        );
    }
    assert!(matches!(
        err("", b"SK", sha, Variant::Core),
        Error::InvalidLength {
            field: Field::AppKey,
            ..
        }
    ));
    let long_key = "K".repeat(129);
    assert!(matches!(
        err(&long_key, b"SK", sha, Variant::Core),
        Error::InvalidLength {
            field: Field::AppKey,
            max: 128,
            ..
        }
    ));
    let long_secret = vec![b's'; apig::SECRET_MAX_LEN + 1];
    assert!(matches!(
        err("AK", &long_secret, sha, Variant::ApigPython),
        Error::InvalidLength {
            field: Field::Secret,
            ..
        }
    ));
    let v11 = |region, service| Algorithm::V11HmacSha256 { region, service };
    assert!(matches!(
        err("AK", b"SK", v11("", "ecs"), Variant::Core),
        Error::InvalidLength {
            field: Field::Region,
            ..
        }
    ));
    assert_eq!(
        err("AK", b"SK", v11("cn/north", "ecs"), Variant::Core),
        Error::InvalidCharacter {
            field: Field::Region,
            position: 2
        }
    );
    assert_eq!(
        err("AK", b"SK", v11("cn-north-4", "e cs"), Variant::Core),
        Error::InvalidCharacter {
            field: Field::Service,
            position: 1
        }
    );
    // V11 and SM3 refuse an empty secret, as their CORE signers do.
    for alg in [Algorithm::SdkHmacSm3, v11("r", "s")] {
        assert!(matches!(
            err("AK", b"", alg, Variant::Core),
            Error::InvalidLength {
                field: Field::Secret,
                ..
            }
        ));
    }
}

#[test]
fn capacities_are_enforced() {
    let names: Vec<String> = (0..DEFAULT_MAX_HEADERS)
        .map(|i| format!("X-H{i}"))
        .collect();
    let headers: Vec<(&str, &str)> = names.iter().map(|n| (n.as_str(), "v")).collect();
    let signer = core_signer();
    // 30 caller headers + X-Sdk-Date + Host = 32.
    let r = get("/").with_headers(&headers[..30]);
    assert!(signer.sign(&r).is_ok());
    let r = get("/").with_headers(&headers[..31]);
    assert_eq!(
        signer.sign(&r).unwrap_err(),
        Error::TooManyItems {
            field: Field::Header,
            max: 32
        }
    );
    let pairs: Vec<(String, String)> = (0..65).map(|i| (format!("k{i}"), i.to_string())).collect();
    let query: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    assert!(signer.sign(&get("/").with_query(&query[..64])).is_ok());
    assert_eq!(
        signer.sign(&get("/").with_query(&query)).unwrap_err(),
        Error::TooManyItems {
            field: Field::Query,
            max: 64
        }
    );
    assert!(signer
        .sign_with::<40, 65>(&get("/").with_headers(&headers).with_query(&query))
        .is_ok());
}

/// The largest Authorization value fits AUTHORIZATION_MAX_LEN.
#[test]
fn authorization_max_len_holds_the_longest_value() {
    let ak = "K".repeat(apig::APP_KEY_MAX_LEN);
    let (region, service) = ("r".repeat(64), "s".repeat(64));
    let alg = Algorithm::V11HmacSha256 {
        region: &region,
        service: &service,
    };
    let signer = Signer::new(&ak, b"SK", alg, Variant::ApigPython).unwrap();
    let names: Vec<String> = (0..DEFAULT_MAX_HEADERS - 2)
        .map(|i| format!("{i:0>64}"))
        .collect();
    let mut headers: Vec<(&str, &str)> = names.iter().map(|n| (n.as_str(), "v")).collect();
    headers.push(("X-Sdk-Date", "20240115T083000Z"));
    headers.push(("Host", "h"));
    let r = get("/").with_headers(&headers);
    let signed = signer.sign(&r).unwrap();
    let auth = signed.authorization();
    // Only Host and X-Sdk-Date are shorter than the maximum name.
    assert_eq!(auth.len(), AUTHORIZATION_MAX_LEN - (64 - 4) - (64 - 10));
    assert_eq!(auth.to_heapless().unwrap().len(), auth.len());
}

#[test]
fn variants_differ_where_the_spec_says() {
    let date = [("X-Sdk-Date", "20240115T083000Z")];
    let sign = |variant, headers: &[(&str, &str)], body| {
        let signer = Signer::new("AK", b"SK", Algorithm::SdkHmacSha256, variant).unwrap();
        let r = get("/").with_headers(headers).with_body(body);
        let signed = signer.sign(&r).unwrap();
        let added: Vec<(String, String)> = signed
            .headers_added()
            .iter()
            .map(|&(n, v)| (n.into(), v.into()))
            .collect();
        (text(&signed.canonical_request()), added)
    };
    // A payload header with an empty body: CORE hashes the empty body,
    // APIG uses the header.
    let headers = [date[0], ("x-sdk-content-sha256", "UNSIGNED-PAYLOAD")];
    let (core, _) = sign(Variant::Core, &headers, Body::Bytes(b""));
    assert!(core.ends_with(&hex(&sha256(b""))));
    let (apig, added) = sign(Variant::ApigPython, &headers, Body::Bytes(b""));
    assert!(apig.ends_with("\nUNSIGNED-PAYLOAD"));
    assert_eq!(added, [("host".into(), "example.com".into())]);
    // An empty payload header with a body: CORE hashes the body (it tests
    // the value's truth), APIG signs the empty value.
    let headers = [date[0], ("X-Sdk-Content-Sha256", "")];
    let (core, _) = sign(Variant::Core, &headers, Body::Bytes(b"x"));
    assert!(core.ends_with(&hex(&sha256(b"x"))));
    let (apig, _) = sign(Variant::ApigPython, &headers, Body::Bytes(b"x"));
    assert!(apig.ends_with("x-sdk-content-sha256;x-sdk-date\n"));
    // Body::Unsigned adds the payload header in both variants.
    for variant in [Variant::Core, Variant::ApigPython] {
        let (canonical, added) = sign(variant, &date, Body::Unsigned);
        assert!(canonical.ends_with("x-sdk-content-sha256;x-sdk-date\nUNSIGNED-PAYLOAD"));
        assert_eq!(
            added.last(),
            Some(&("X-Sdk-Content-Sha256".into(), "UNSIGNED-PAYLOAD".into()))
        );
    }
    // A caller's payload header is used as is, never replaced.
    let headers = [
        date[0],
        ("Content-Type", "text/plain"),
        ("X-Sdk-Content-Sha256", "UNSIGNED-PAYLOAD"),
    ];
    let (canonical, added) = sign(Variant::Core, &headers, Body::Bytes(b"x"));
    assert!(canonical.ends_with("\nUNSIGNED-PAYLOAD"));
    assert_eq!(added.len(), 1, "only Host: {added:?}");
    // The content-type rule reads the value as given (not trimmed).
    let headers = [date[0], ("Content-Type", " application/json")];
    let (_, added) = sign(Variant::Core, &headers, Body::Bytes(b"{}"));
    assert_eq!(added.len(), 2, "{added:?}");
}

#[test]
fn the_date_comes_from_the_header_or_the_request() {
    let signer = core_signer();
    let r = Request::new(
        "GET",
        "h",
        "/",
        Timestamp::parse("20250102T030405Z").unwrap(),
    );
    let signed = signer.sign(&r).unwrap();
    assert_eq!(signed.date(), "20250102T030405Z");
    assert_eq!(
        signed.headers_added()[0],
        ("X-Sdk-Date", "20250102T030405Z")
    );
    let headers = [("x-SDK-date", "20240115T083000Z")];
    let r = r.with_headers(&headers);
    let signed = signer.sign(&r).unwrap();
    assert_eq!(signed.date(), "20240115T083000Z");
    assert_eq!(signed.headers_added().as_slice(), [("Host", "h")]);
    let sts = text(&signed.string_to_sign());
    assert!(sts.starts_with("SDK-HMAC-SHA256\n20240115T083000Z\n"));
}

/// Python `str.strip()` whitespace, from Python 3.11
/// (`[c for c in range(0x110000) if chr(c).isspace()]`).
const PYTHON_SPACES: [u32; 29] = [
    0x9, 0xa, 0xb, 0xc, 0xd, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001,
    0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f,
    0x205f, 0x3000,
];

#[test]
fn values_are_trimmed_like_python_strip() {
    for c in (0..=0x10ffffu32).filter_map(char::from_u32) {
        let padded = format!("{c}v{c}");
        let trimmed = apig::trim_value(&padded);
        if PYTHON_SPACES.contains(&u32::from(c)) {
            assert_eq!(trimmed, "v", "U+{:04X} is a Python space", u32::from(c));
        } else {
            assert_eq!(
                trimmed,
                padded,
                "U+{:04X} is not a Python space",
                u32::from(c)
            );
        }
    }
}

/// A header name: a token, distinct ignoring case from the others (the
/// strategy below dedupes), never X-Sdk-Date / Host / the payload header.
fn header_name() -> impl Strategy<Value = String> {
    "[A-Za-z][A-Za-z0-9_!#$%&'*+.^`|~-]{0,12}".prop_filter("special names", |n| {
        !["x-sdk-date", "host", "x-sdk-content-sha256", "content-type"]
            .contains(&n.to_ascii_lowercase().as_str())
    })
}

fn header_value() -> impl Strategy<Value = String> {
    "[ \t\u{a0}\u{1c}]{0,2}[a-zA-Z0-9 ,;=/+é中\t]{0,16}[ \t\u{3000}]{0,2}"
}

fn query_text() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 +=&%/~*é中😀]{0,8}"
}

/// The headers whose names are not equal, ignoring case, to an earlier one.
fn distinct_names(headers: Vec<(String, String)>) -> Vec<(String, String)> {
    let mut seen = std::collections::BTreeSet::new();
    headers
        .into_iter()
        .filter(|(name, _)| seen.insert(name.to_ascii_lowercase()))
        .collect()
}

prop_compose! {
    /// A request's query and headers, and a permutation of each.
    fn shuffled_request()(
        query in proptest::collection::vec((query_text(), query_text()), 0..12),
        headers in proptest::collection::vec((header_name(), header_value()), 0..10)
            .prop_map(distinct_names),
    )(
        query_order in Just((0..query.len()).collect::<Vec<_>>()).prop_shuffle(),
        header_order in Just((0..headers.len()).collect::<Vec<_>>()).prop_shuffle(),
        query in Just(query),
        headers in Just(headers),
    ) -> (Vec<(String, String)>, Vec<(String, String)>, Vec<usize>, Vec<usize>) {
        (query, headers, query_order, header_order)
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn order_of_query_and_headers_never_changes_the_signature(
        (query, headers, query_order, header_order) in shuffled_request(),
        variant in prop_oneof![Just(Variant::Core), Just(Variant::ApigPython)],
        body in proptest::collection::vec(any::<u8>(), 0..40),
    ) {
        let signer = Signer::new("AK", b"SK", Algorithm::SdkHmacSha256, variant).unwrap();
        let sign = |q: Vec<(&str, &str)>, h: Vec<(&str, &str)>| {
            let r = Request::new("POST", "example.com", "/v1/x", Timestamp::UNIX_EPOCH)
                .with_query(&q)
                .with_headers(&h)
                .with_body(Body::Bytes(&body));
            let signed = signer.sign(&r).unwrap();
            (text(&signed.authorization()), text(&signed.request_target()))
        };
        let q: Vec<(&str, &str)> = query.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
        let h: Vec<(&str, &str)> = headers.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
        let q2 = query_order.iter().map(|&i| q[i]).collect();
        let h2 = header_order.iter().map(|&i| h[i]).collect();
        prop_assert_eq!(sign(q.clone(), h.clone()), sign(q2, h2));
    }
}
