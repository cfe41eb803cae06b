//! Instruction counts: runs each measured operation between two calls of
//! `count_mark`, twice, and checks every result against a known digest or
//! vector. scripts/embedded/count.py counts the instructions QEMU executed
//! between the marks from its `-d exec` trace (one instruction per
//! translation block, no chaining: one trace line per executed
//! instruction). The firmware prints the address of `count_mark` and the
//! region names in order (`count-mark <address>`, `count-region <name>`).
//!
//! Regions (each one call of an `#[inline(never)]` function, so a count
//! includes its call and return; count.py subtracts the `empty` region, the
//! two marks alone):
//! - `calib-1000`, `calib-3000`: a loop of 5 instructions (load, add,
//!   store, subtract, branch) run N times, to validate the method (the two
//!   must differ by exactly 5 * 2000);
//! - `sha256-compress`: `Sha256::update` of one 64-byte block into a fresh
//!   hasher (one compression; the digest is checked after the region);
//! - `sha256-64`: `sha256` of a 64-byte message (two compressions);
//! - `hmac-64-key`: `HmacKey::mac` of a 64-byte message with a precomputed
//!   `HmacKey` (three compressions);
//! - `x-aksk-key`: `XAksk::new` and `write` with a precomputed `HmacKey`
//!   (vector aksk-typical of tests/vectors/huawei.json; the `Nonce` and
//!   `Timestamp` are made before the region);
//! - `x-aksk-secret`: the same from the secret (`HmacKey::new` inside).
#![no_std]
#![no_main]

use callsign_core::huawei::voice::{XAksk, X_AKSK_MAX_LEN};
use callsign_core::{sha256, HmacKey, Nonce, Sha256, Timestamp};
use callsign_embedded::{exit, vectors, Console, Token};
use core::hint::black_box;
#[cfg(target_arch = "arm")]
use cortex_m_rt::entry;

/// The 64-byte message of the SHA-256 and HMAC regions.
static MSG: [u8; 64] = *b"callsign counts instructions: one 64-byte SHA-256 block, 0123456";
/// The 32-byte HMAC key of the HMAC region.
static KEY: [u8; 32] = *b"a 32-byte HMAC key for counting!";
/// SHA-256(MSG) (Python's hashlib).
const SHA256_MSG: [u8; 32] =
    hex32("389b9ef3350400bf6bf125f168d486326b1a8305fad65439cfaad65be1d98337");
/// HMAC-SHA256(KEY, MSG) (Python's hmac).
const HMAC_MSG: [u8; 32] =
    hex32("7c99701fa85503dc1734bdda8c82c4fd7b1571babd4201aeeaa96980fa14fd5c");

const fn hex32(s: &str) -> [u8; 32] {
    const fn nib(c: u8) -> u8 {
        match c {
            b'0'..=b'9' => c - b'0',
            _ => c - b'a' + 10,
        }
    }
    let b = s.as_bytes();
    let mut out = [0u8; 32];
    let mut i = 0;
    while i < 32 {
        out[i] = (nib(b[2 * i]) << 4) | nib(b[2 * i + 1]);
        i += 1;
    }
    out
}

static mut MARK: u32 = 0;

/// The region boundary: count.py finds its first instruction in the trace.
#[no_mangle]
#[inline(never)]
pub extern "C" fn count_mark(id: u32) {
    // SAFETY: a plain store to a static only this function touches.
    unsafe { core::ptr::write_volatile(core::ptr::addr_of_mut!(MARK), id) };
}

/// N iterations of 5 instructions.
#[inline(never)]
extern "C" fn calib(n: u32, cell: &mut u32) {
    #[cfg(target_arch = "arm")]
    // SAFETY: reads and writes `cell` only.
    unsafe {
        core::arch::asm!(
            "2:",
            "ldr {t}, [{p}]",
            "adds {t}, {t}, #1",
            "str {t}, [{p}]",
            "subs {n}, {n}, #1",
            "bne 2b",
            n = inout(reg) n => _,
            p = in(reg) cell as *mut u32,
            t = out(reg) _,
            options(nostack)
        )
    };
    #[cfg(target_arch = "riscv32")]
    // SAFETY: reads and writes `cell` only.
    unsafe {
        core::arch::asm!(
            "2:",
            "lw {t}, 0({p})",
            "addi {t}, {t}, 1",
            "sw {t}, 0({p})",
            "addi {n}, {n}, -1",
            "bnez {n}, 2b",
            n = inout(reg) n => _,
            p = in(reg) cell as *mut u32,
            t = out(reg) _,
            options(nostack)
        )
    };
}

#[inline(never)]
extern "C" fn op_compress(h: &mut Sha256, block: &[u8; 64]) {
    h.update(block);
}

#[inline(never)]
extern "C" fn op_sha256(msg: &[u8; 64], out: &mut [u8; 32]) {
    *out = sha256(msg);
}

#[inline(never)]
extern "C" fn op_hmac(key: &HmacKey, msg: &[u8; 64], out: &mut [u8; 32]) {
    *out = key.mac(msg);
}

/// Inputs and output of the X-AKSK regions.
struct Aksk<'a> {
    v: &'a Token,
    nonce: Nonce,
    created: Timestamp,
    out: [u8; X_AKSK_MAX_LEN],
}

#[inline(never)]
extern "C" fn op_x_aksk_key(a: &mut Aksk<'_>, key: &HmacKey) -> usize {
    match XAksk::new(a.v.app_key, key, &a.nonce, a.created) {
        Ok(x) => x.write(&mut a.out).unwrap_or(0),
        Err(_) => 0,
    }
}

#[inline(never)]
extern "C" fn op_x_aksk_secret(a: &mut Aksk<'_>) -> usize {
    let key = HmacKey::new(a.v.secret);
    match XAksk::new(a.v.app_key, &key, &a.nonce, a.created) {
        Ok(x) => x.write(&mut a.out).unwrap_or(0),
        Err(_) => 0,
    }
}

/// Runs `f` twice between marks, announcing the region.
fn region(con: &mut Console, name: &str, mut f: impl FnMut()) {
    con.put("count-region ").put(name).put("\n");
    for _ in 0..2 {
        count_mark(1);
        f();
        count_mark(2);
    }
}

fn check(con: &mut Console, ok: &mut bool, name: &str, good: bool) {
    if !good {
        con.put("count: FAIL ").put(name).put(": wrong result\n");
        *ok = false;
    }
}

#[cfg_attr(target_arch = "arm", entry)]
#[cfg_attr(target_arch = "riscv32", export_name = "main")]
fn main() -> ! {
    let mut con = Console::open();
    let mut ok = true;
    con.put("count-mark ")
        .num(count_mark as *const () as usize as u64)
        .put("\n");

    region(&mut con, "empty", || {});
    for n in [1000u32, 3000] {
        let mut cell = 0u32;
        let name = if n == 1000 {
            "calib-1000"
        } else {
            "calib-3000"
        };
        region(&mut con, name, || calib(black_box(n), &mut cell));
        check(&mut con, &mut ok, name, cell == 2 * n);
    }

    let mut h = [Sha256::new(), Sha256::new()];
    let mut i = 0;
    region(&mut con, "sha256-compress", || {
        if let Some(h) = h.get_mut(i) {
            op_compress(black_box(h), black_box(&MSG));
        }
        i += 1;
    });
    for h in h {
        // The block is the message's first; the message is one block.
        check(
            &mut con,
            &mut ok,
            "sha256-compress",
            h.finalize() == SHA256_MSG,
        );
    }

    let mut out = [[0u8; 32]; 2];
    let mut i = 0;
    region(&mut con, "sha256-64", || {
        if let Some(o) = out.get_mut(i) {
            op_sha256(black_box(&MSG), o);
        }
        i += 1;
    });
    check(&mut con, &mut ok, "sha256-64", out == [SHA256_MSG; 2]);

    let key = HmacKey::new(black_box(&KEY));
    let mut out = [[0u8; 32]; 2];
    let mut i = 0;
    region(&mut con, "hmac-64-key", || {
        if let Some(o) = out.get_mut(i) {
            op_hmac(black_box(&key), black_box(&MSG), o);
        }
        i += 1;
    });
    check(&mut con, &mut ok, "hmac-64-key", out == [HMAC_MSG; 2]);

    let Some(v) = vectors::X_AKSK.iter().find(|v| v.id == "aksk-typical") else {
        con.put("count: FAIL no vector aksk-typical\n");
        exit(false)
    };
    let (Ok(nonce), Ok(created)) = (Nonce::new(v.nonce), Timestamp::from_unix(v.created_unix))
    else {
        con.put("count: FAIL aksk-typical inputs\n");
        exit(false)
    };
    let key = HmacKey::new(v.secret);
    let mut a = Aksk {
        v,
        nonce,
        created,
        out: [0; X_AKSK_MAX_LEN],
    };
    let mut n = [0usize; 2];
    let mut i = 0;
    region(&mut con, "x-aksk-key", || {
        if let Some(n) = n.get_mut(i) {
            *n = op_x_aksk_key(black_box(&mut a), black_box(&key));
        }
        i += 1;
    });
    let good = n[0] == n[1] && a.out.get(..n[0]) == Some(v.expected.as_bytes());
    check(&mut con, &mut ok, "x-aksk-key", good);
    a.out = [0; X_AKSK_MAX_LEN];
    let mut n = [0usize; 2];
    let mut i = 0;
    region(&mut con, "x-aksk-secret", || {
        if let Some(n) = n.get_mut(i) {
            *n = op_x_aksk_secret(black_box(&mut a));
        }
        i += 1;
    });
    let good = n[0] == n[1] && a.out.get(..n[0]) == Some(v.expected.as_bytes());
    check(&mut con, &mut ok, "x-aksk-secret", good);

    con.put(if ok {
        "count: results ok\n"
    } else {
        "count: results WRONG\n"
    });
    exit(ok)
}
