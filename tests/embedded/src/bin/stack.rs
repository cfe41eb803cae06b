//! Stack painting: measures the deepest stack of one call of each main
//! entry point (src/lib.rs `jobs`) over every vector of its scheme, checks
//! each result against the vector, and prints
//! `stack-painted <entry> <bytes> <vector id>` per entry point.
//! scripts/embedded.sh compares these with the static call-graph bound of
//! the same `stack_*` functions (tests/embedded/stack.py).
#![no_std]
#![no_main]

use callsign_core::basic::BASIC_MAX_LEN;
use callsign_core::HmacKey;
use callsign_embedded::{exit, jobs, stack_peak, vectors, Basic, Console, Token};
use cortex_m_rt::entry;

/// Inputs and the output buffer of one measured call. The buffer lives in
/// the caller's frame, as a firmware's would: it is not counted.
pub struct Job<V: 'static> {
    /// The vector.
    pub v: &'static V,
    /// The precomputed key, for `stack_x_aksk_with_key`.
    pub key: Option<HmacKey>,
    /// The output buffer.
    pub out: [u8; BASIC_MAX_LEN],
}

fn status(r: Result<usize, callsign_core::Error>) -> u32 {
    match r {
        Ok(n) => n as u32,
        Err(_) => u32::MAX,
    }
}

/// X-AKSK from the app secret.
#[no_mangle]
#[inline(never)]
pub extern "C" fn stack_x_aksk(j: &mut Job<Token>) -> u32 {
    let v = j.v;
    status(jobs::x_aksk(
        v.app_key,
        v.secret,
        v.nonce,
        v.created_unix,
        &mut j.out,
    ))
}

/// X-AKSK with a precomputed key.
#[no_mangle]
#[inline(never)]
pub extern "C" fn stack_x_aksk_with_key(j: &mut Job<Token>) -> u32 {
    let v = j.v;
    let Some(key) = j.key.as_ref() else {
        return u32::MAX;
    };
    status(jobs::x_aksk_with_key(
        v.app_key,
        key,
        v.nonce,
        v.created_unix,
        &mut j.out,
    ))
}

/// HmacKey::new alone (the precomputation).
#[no_mangle]
#[inline(never)]
pub extern "C" fn stack_hmac_key(j: &mut Job<Token>) -> u32 {
    j.key = Some(HmacKey::new(j.v.secret));
    0
}

/// X-WSSE.
#[no_mangle]
#[inline(never)]
pub extern "C" fn stack_x_wsse(j: &mut Job<Token>) -> u32 {
    let v = j.v;
    status(jobs::x_wsse(
        v.app_key,
        v.secret,
        v.nonce,
        v.created_unix,
        v.legacy_raw,
        &mut j.out,
    ))
}

/// Basic.
#[no_mangle]
#[inline(never)]
pub extern "C" fn stack_basic(j: &mut Job<Basic>) -> u32 {
    status(jobs::basic(j.v.user, j.v.secret, &mut j.out))
}

/// The deepest of `f` over `vectors`, checking each output.
fn measure<V: 'static>(
    con: &mut Console,
    name: &str,
    f: extern "C" fn(&mut Job<V>) -> u32,
    vectors: &'static [V],
    id: fn(&V) -> &'static str,
    expected: fn(&V) -> Option<&'static str>,
    prepare: fn(&mut Job<V>),
) -> bool {
    let mut ok = true;
    let mut worst = (0usize, "");
    for v in vectors {
        let mut job = Job {
            v,
            key: None,
            out: [0; BASIC_MAX_LEN],
        };
        prepare(&mut job);
        let (n, depth) = stack_peak(f, &mut job);
        if let Some(want) = expected(v) {
            if job.out.get(..n as usize) != Some(want.as_bytes()) {
                con.put("stack: FAIL ")
                    .put(name)
                    .put(" ")
                    .put(id(v))
                    .put(": wrong value\n");
                ok = false;
            }
        }
        match depth {
            Some(d) if d > worst.0 => worst = (d, id(v)),
            Some(_) => {}
            None => {
                con.put("stack: FAIL ")
                    .put(name)
                    .put(": deeper than the painted area\n");
                ok = false;
            }
        }
    }
    con.put("stack-painted ")
        .put(name)
        .put(" ")
        .num(worst.0 as u64)
        .put(" ")
        .put(worst.1)
        .put("\n");
    ok
}

/// A secret of 300 bytes: `HmacKey::new` hashes it first, through the
/// SHA-256 engine's multi-block path, which the vectors' secrets (at most
/// 100 bytes) never reach. Measuring it makes the painted figure cover the
/// same worst path as the static call-graph bound.
static LONG_SECRET: [u8; 300] = [0x5a; 300];

/// `HmacKey::new` input: the long secret (the vectors' secrets take the
/// shorter, single-block path, a subset of this one).
static HMAC_KEY_INPUTS: &[Token] = &[Token {
    id: "secret-300-bytes",
    app_key: "k",
    secret: &LONG_SECRET,
    nonce: "n",
    created: "1970-01-01T00:00:00Z",
    created_unix: 0,
    legacy_raw: false,
    expected: "",
    authorization: "",
}];

#[entry]
fn main() -> ! {
    let mut con = Console::open();
    let aksk = &vectors::X_AKSK[..];
    let tid = |v: &Token| v.id;
    let texp = |v: &Token| Some(v.expected);
    let none = |_: &mut Job<Token>| {};
    let key = |j: &mut Job<Token>| j.key = Some(HmacKey::new(j.v.secret));
    let mut ok = measure(&mut con, "x_aksk", stack_x_aksk, aksk, tid, texp, none);
    ok &= measure(
        &mut con,
        "x_aksk_with_key",
        stack_x_aksk_with_key,
        aksk,
        tid,
        texp,
        key,
    );
    ok &= measure(
        &mut con,
        "hmac_key",
        stack_hmac_key,
        HMAC_KEY_INPUTS,
        tid,
        |_| None,
        none,
    );
    ok &= measure(
        &mut con,
        "x_wsse",
        stack_x_wsse,
        &vectors::X_WSSE[..],
        tid,
        texp,
        none,
    );
    ok &= measure(
        &mut con,
        "basic",
        stack_basic,
        &vectors::BASIC[..],
        |v| v.id,
        |v| Some(v.expected),
        |_| {},
    );
    exit(ok)
}
