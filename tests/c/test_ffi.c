/*
 * C-side tests of the callsign C ABI (include/callsign.h, libcallsign.a).
 *
 * Build (tests/c/run.sh does this):
 *   python3 tests/c/gen_vectors.py tests/vectors/huawei.json \
 *       tests/vectors/sinch_mailgun.json DIR/callsign_test_vectors.h
 *   cc -std=c99 -Wall -Wextra -Werror -Wpedantic -Iinclude -IDIR \
 *       [-DCALLSIGN_MALLOC_GUARD] tests/c/test_ffi.c \
 *       target/release/libcallsign.a -o test_ffi
 *
 * Prints one line per failed check and a last line
 * "c-ffi: N passed, M failed"; exits 1 if any check failed.
 *
 * With -DCALLSIGN_MALLOC_GUARD the program replaces malloc and friends by
 * wrappers that count every call made while a callsign_* function runs
 * (the CS* macros below bracket each call); the count must stay zero. The
 * guard is left out of the valgrind and sanitizer builds, which replace
 * the allocator themselves.
 */

#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "callsign.h"
#include "callsign_test_vectors.h"

/* ------------------------------------------------------------------ */
/* Compile-time checks of the opaque storage types (C99: no _Static_assert). */

#define CS_STATIC_ASSERT(cond, name) typedef char cs_static_assert_##name[(cond) ? 1 : -1]

CS_STATIC_ASSERT(sizeof(callsign_hmac_key) == CALLSIGN_HMAC_KEY_SIZE, hmac_key_size);
CS_STATIC_ASSERT(sizeof(callsign_sha256_ctx) == CALLSIGN_SHA256_CTX_SIZE, sha256_ctx_size);
CS_STATIC_ASSERT(sizeof(callsign_hmac_sha256_ctx) == CALLSIGN_HMAC_SHA256_CTX_SIZE,
                 hmac_sha256_ctx_size);

struct cs_align_hmac_key { char c; callsign_hmac_key v; };
struct cs_align_sha256_ctx { char c; callsign_sha256_ctx v; };
struct cs_align_hmac_sha256_ctx { char c; callsign_hmac_sha256_ctx v; };
CS_STATIC_ASSERT(offsetof(struct cs_align_hmac_key, v) >= 8, hmac_key_align);
CS_STATIC_ASSERT(offsetof(struct cs_align_sha256_ctx, v) >= 8, sha256_ctx_align);
CS_STATIC_ASSERT(offsetof(struct cs_align_hmac_sha256_ctx, v) >= 8, hmac_sha256_ctx_align);

CS_STATIC_ASSERT(CALLSIGN_SHA256_LEN == 32, sha256_len);
CS_STATIC_ASSERT(CALLSIGN_DIGEST_HEX_MAX_LEN == 2 * CALLSIGN_SHA256_LEN + 1, hex_max);
CS_STATIC_ASSERT(CALLSIGN_DIGEST_BASE64_MAX_LEN == 44 + 1, base64_max);
CS_STATIC_ASSERT(CALLSIGN_TIMESTAMP_EXTENDED_MAX_LEN == 20 + 1, ts_ext_max);
CS_STATIC_ASSERT(CALLSIGN_TIMESTAMP_BASIC_MAX_LEN == 16 + 1, ts_basic_max);
CS_STATIC_ASSERT(CALLSIGN_WSSE_DIGEST_HEX != CALLSIGN_WSSE_DIGEST_LEGACY_RAW, digest_ids);

/* ------------------------------------------------------------------ */
/* Allocation guard. */

static volatile int in_callsign;          /* set while a callsign_* call runs */
static volatile unsigned long guarded_calls; /* allocator calls made meanwhile */
static unsigned long guard_regions;       /* callsign_* calls bracketed */

#ifdef CALLSIGN_MALLOC_GUARD
extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t n, size_t size);
extern void *__libc_realloc(void *p, size_t size);
extern void __libc_free(void *p);
extern void *__libc_memalign(size_t align, size_t size);

void *malloc(size_t size);
void *calloc(size_t n, size_t size);
void *realloc(void *p, size_t size);
void free(void *p);
int posix_memalign(void **out, size_t align, size_t size);
void *aligned_alloc(size_t align, size_t size);

static void guard_note(void)
{
    if (in_callsign) {
        guarded_calls++;
    }
}

void *malloc(size_t size)
{
    guard_note();
    return __libc_malloc(size);
}

void *calloc(size_t n, size_t size)
{
    guard_note();
    return __libc_calloc(n, size);
}

void *realloc(void *p, size_t size)
{
    guard_note();
    return __libc_realloc(p, size);
}

void free(void *p)
{
    guard_note();
    __libc_free(p);
}

int posix_memalign(void **out, size_t align, size_t size)
{
    void *p;
    guard_note();
    if (align < sizeof(void *) || (align & (align - 1)) != 0) {
        return EINVAL;
    }
    p = __libc_memalign(align, size);
    if (p == NULL) {
        return ENOMEM;
    }
    *out = p;
    return 0;
}

void *aligned_alloc(size_t align, size_t size)
{
    guard_note();
    return __libc_memalign(align, size);
}
#endif /* CALLSIGN_MALLOC_GUARD */

static void guard_on(void)
{
    guard_regions++;
    in_callsign = 1;
}

static void guard_off(void)
{
    in_callsign = 0;
}

static uint32_t guard_off_u32(uint32_t status)
{
    in_callsign = 0;
    return status;
}

static const char *guard_off_str(const char *s)
{
    in_callsign = 0;
    return s;
}

/* Bracket one callsign_* call: CS for uint32_t results, CS_STR for
 * const char *, CS_VOID for void. The arguments are evaluated inside. */
#define CS(call) (guard_on(), guard_off_u32(call))
#define CS_STR(call) (guard_on(), guard_off_str(call))
#define CS_VOID(call) (guard_on(), (call), guard_off())

/* ------------------------------------------------------------------ */
/* Reporting. */

static unsigned long n_pass, n_fail;
static const char *g_where = "";

#if defined(__GNUC__)
static int checkf(int ok, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
#endif

/* Records one check; on failure prints "FAIL [where] message". */
static int checkf(int ok, const char *fmt, ...)
{
    va_list ap;
    if (ok) {
        n_pass++;
        return 1;
    }
    n_fail++;
    printf("FAIL [%s] ", g_where);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    putchar('\n');
    return 0;
}

static const char *st(uint32_t status)
{
    return CS_STR(callsign_status_str(status));
}

static int check_status(uint32_t got, uint32_t want, const char *what)
{
    return checkf(got == want, "%s: status %lu (%s), want %lu (%s)", what,
                  (unsigned long)got, st(got), (unsigned long)want, st(want));
}

#define SENTINEL ((size_t)0x5A5A5A5Au)
#define FILL 0xA5
#define TAIL 32

static int all_bytes(const void *p, size_t n, unsigned char b)
{
    const unsigned char *u = (const unsigned char *)p;
    size_t i;
    for (i = 0; i < n; i++) {
        if (u[i] != b) {
            return 0;
        }
    }
    return 1;
}

static void to_hex(const uint8_t *p, size_t n, char *out)
{
    static const char digits[] = "0123456789abcdef";
    size_t i;
    for (i = 0; i < n; i++) {
        out[2 * i] = digits[p[i] >> 4];
        out[2 * i + 1] = digits[p[i] & 15];
    }
    out[2 * n] = '\0';
}

static int hex_val(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    return -1;
}

/* Decodes lowercase hex of exactly 2 * n characters into out[0..n]. */
static int from_hex(const char *hex, size_t hex_len, uint8_t *out, size_t n)
{
    size_t i;
    if (hex_len != 2 * n) {
        return 0;
    }
    for (i = 0; i < n; i++) {
        int hi = hex_val(hex[2 * i]), lo = hex_val(hex[2 * i + 1]);
        if (hi < 0 || lo < 0) {
            return 0;
        }
        out[i] = (uint8_t)(hi * 16 + lo);
    }
    return 1;
}

/* ------------------------------------------------------------------ */
/* A fixed random source. */

typedef struct {
    uint8_t bytes[16];
    int fail;              /* returned when non-zero */
    unsigned long calls;
    size_t bad_len;        /* a length other than 16 seen (0: none) */
} fixed_rng;

static int fill_fixed(void *ctx, uint8_t *buf, size_t len)
{
    fixed_rng *r = (fixed_rng *)ctx;
    r->calls++;
    if (r->fail != 0) {
        return r->fail;
    }
    if (len != sizeof r->bytes) {
        r->bad_len = len;
        memset(buf, 0, len);
        return 0;
    }
    memcpy(buf, r->bytes, sizeof r->bytes);
    return 0;
}

/* ------------------------------------------------------------------ */
/* Text-writing functions behind one signature, for the output-rule and
 * NULL-argument checks. */

typedef struct {
    const uint8_t *app;  /* app key, Basic user */
    size_t app_len;
    const uint8_t *secret; /* app secret, Basic secret, API key, HMAC key */
    size_t secret_len;
    const uint8_t *msg;  /* nonce, HMAC message */
    size_t msg_len;
    const callsign_hmac_key *key;
    callsign_fill_random rng;
    void *rng_ctx;
    uint64_t t;
    uint32_t digest;
} args_t;

typedef uint32_t (*invoke_fn)(const args_t *x, char *out, size_t cap, size_t *out_len);

static uint32_t inv_x_aksk(const args_t *x, char *o, size_t c, size_t *l)
{
    return CS(callsign_huawei_voice_x_aksk(x->app, x->app_len, x->secret, x->secret_len,
                                           x->msg, x->msg_len, x->t, o, c, l));
}

static uint32_t inv_x_aksk_with_key(const args_t *x, char *o, size_t c, size_t *l)
{
    return CS(callsign_huawei_voice_x_aksk_with_key(x->key, x->app, x->app_len, x->msg,
                                                    x->msg_len, x->t, o, c, l));
}

static uint32_t inv_x_aksk_random(const args_t *x, char *o, size_t c, size_t *l)
{
    return CS(callsign_huawei_voice_x_aksk_random(x->key, x->app, x->app_len, x->rng,
                                                  x->rng_ctx, x->t, o, c, l));
}

static uint32_t inv_x_wsse(const args_t *x, char *o, size_t c, size_t *l)
{
    return CS(callsign_huawei_sms_x_wsse(x->app, x->app_len, x->secret, x->secret_len, x->msg,
                                         x->msg_len, x->t, x->digest, o, c, l));
}

static uint32_t inv_x_wsse_random(const args_t *x, char *o, size_t c, size_t *l)
{
    return CS(callsign_huawei_sms_x_wsse_random(x->app, x->app_len, x->secret, x->secret_len,
                                                x->rng, x->rng_ctx, x->t, x->digest, o, c,
                                                l));
}

static uint32_t inv_basic(const args_t *x, char *o, size_t c, size_t *l)
{
    return CS(callsign_basic_authorization(x->app, x->app_len, x->secret, x->secret_len, o, c,
                                           l));
}

static uint32_t inv_mailgun(const args_t *x, char *o, size_t c, size_t *l)
{
    return CS(callsign_mailgun_basic_authorization(x->secret, x->secret_len, o, c, l));
}

static uint32_t inv_hmac_hex(const args_t *x, char *o, size_t c, size_t *l)
{
    return CS(callsign_hmac_sha256_hex(x->secret, x->secret_len, x->msg, x->msg_len, o, c, l));
}

static uint32_t inv_hmac_base64(const args_t *x, char *o, size_t c, size_t *l)
{
    return CS(callsign_hmac_sha256_base64(x->secret, x->secret_len, x->msg, x->msg_len, o, c,
                                          l));
}

static uint32_t inv_ts_extended(const args_t *x, char *o, size_t c, size_t *l)
{
    return CS(callsign_timestamp_extended(x->t, o, c, l));
}

static uint32_t inv_ts_basic(const args_t *x, char *o, size_t c, size_t *l)
{
    return CS(callsign_timestamp_basic(x->t, o, c, l));
}

enum {
    U_APP = 1,      /* app: Huawei app key */
    U_USER = 2,     /* app: Basic user */
    U_SECRET = 4,
    U_NONCE = 8,    /* msg: nonce */
    U_MSG = 16,     /* msg: HMAC message */
    U_KEY = 32,
    U_RNG = 64,
    U_TIME = 128,
    U_DIGEST = 256
};

typedef struct {
    const char *name;
    invoke_fn fn;
    unsigned uses;
    size_t max_len;
} text_fn;

static const text_fn F_X_AKSK = {"callsign_huawei_voice_x_aksk", inv_x_aksk,
                                 U_APP | U_SECRET | U_NONCE | U_TIME, CALLSIGN_X_AKSK_MAX_LEN};
static const text_fn F_X_AKSK_WITH_KEY = {"callsign_huawei_voice_x_aksk_with_key",
                                          inv_x_aksk_with_key, U_KEY | U_APP | U_NONCE | U_TIME,
                                          CALLSIGN_X_AKSK_MAX_LEN};
static const text_fn F_X_AKSK_RANDOM = {"callsign_huawei_voice_x_aksk_random", inv_x_aksk_random,
                                        U_KEY | U_APP | U_RNG | U_TIME, CALLSIGN_X_AKSK_MAX_LEN};
static const text_fn F_X_WSSE = {"callsign_huawei_sms_x_wsse", inv_x_wsse,
                                 U_APP | U_SECRET | U_NONCE | U_TIME | U_DIGEST,
                                 CALLSIGN_X_WSSE_MAX_LEN};
static const text_fn F_X_WSSE_RANDOM = {"callsign_huawei_sms_x_wsse_random", inv_x_wsse_random,
                                        U_APP | U_SECRET | U_RNG | U_TIME | U_DIGEST,
                                        CALLSIGN_X_WSSE_MAX_LEN};
static const text_fn F_BASIC = {"callsign_basic_authorization", inv_basic, U_USER | U_SECRET,
                                CALLSIGN_BASIC_MAX_LEN};
static const text_fn F_MAILGUN = {"callsign_mailgun_basic_authorization", inv_mailgun, U_SECRET,
                                  CALLSIGN_BASIC_MAX_LEN};
static const text_fn F_HMAC_HEX = {"callsign_hmac_sha256_hex", inv_hmac_hex, U_SECRET | U_MSG,
                                   CALLSIGN_DIGEST_HEX_MAX_LEN};
static const text_fn F_HMAC_BASE64 = {"callsign_hmac_sha256_base64", inv_hmac_base64,
                                      U_SECRET | U_MSG, CALLSIGN_DIGEST_BASE64_MAX_LEN};
static const text_fn F_TS_EXTENDED = {"callsign_timestamp_extended", inv_ts_extended, U_TIME,
                                      CALLSIGN_TIMESTAMP_EXTENDED_MAX_LEN};
static const text_fn F_TS_BASIC = {"callsign_timestamp_basic", inv_ts_basic, U_TIME,
                                   CALLSIGN_TIMESTAMP_BASIC_MAX_LEN};

static const text_fn *const TEXT_FNS[] = {
    &F_X_AKSK, &F_X_AKSK_WITH_KEY, &F_X_AKSK_RANDOM, &F_X_WSSE, &F_X_WSSE_RANDOM, &F_BASIC,
    &F_MAILGUN, &F_HMAC_HEX, &F_HMAC_BASE64, &F_TS_EXTENDED, &F_TS_BASIC,
};
#define N_TEXT_FNS (sizeof TEXT_FNS / sizeof TEXT_FNS[0])

#define BIG 2048 /* larger than every *_MAX_LEN */

/*
 * The output rule, for one call whose correct output is want[0..want_len]:
 * capacities 0 (out NULL and not), needed - 1, needed, needed + 1, the
 * *_MAX_LEN constant and an exactly sized heap buffer; NULL out_len; NULL
 * out with a capacity.
 */
static void check_text(const text_fn *f, const args_t *x, const char *want, size_t want_len)
{
    const size_t needed = want_len + 1;
    size_t caps[5];
    size_t i, len;
    uint32_t rc;
    unsigned char *buf;
    char what[160];

    checkf(needed <= f->max_len, "%s: output of %lu bytes + NUL exceeds the MAX_LEN %lu", f->name,
           (unsigned long)want_len, (unsigned long)f->max_len);

    /* Size query: out NULL, capacity 0. */
    len = SENTINEL;
    rc = f->fn(x, NULL, 0, &len);
    snprintf(what, sizeof what, "%s(out=NULL, cap=0)", f->name);
    check_status(rc, CALLSIGN_BUFFER_TOO_SMALL, what);
    checkf(len == needed, "%s: *out_len %lu, want %lu", what, (unsigned long)len,
           (unsigned long)needed);

    caps[0] = 0;
    caps[1] = needed - 1;
    caps[2] = needed;
    caps[3] = needed + 1;
    caps[4] = f->max_len;
    for (i = 0; i < sizeof caps / sizeof caps[0]; i++) {
        const size_t cap = caps[i];
        buf = (unsigned char *)malloc(cap + TAIL);
        if (!checkf(buf != NULL, "malloc failed")) {
            return;
        }
        memset(buf, FILL, cap + TAIL);
        len = SENTINEL;
        rc = f->fn(x, (char *)buf, cap, &len);
        snprintf(what, sizeof what, "%s(cap=%lu, needed=%lu)", f->name, (unsigned long)cap,
                 (unsigned long)needed);
        if (cap < needed) {
            check_status(rc, CALLSIGN_BUFFER_TOO_SMALL, what);
            checkf(len == needed, "%s: *out_len %lu, want %lu", what, (unsigned long)len,
                   (unsigned long)needed);
            checkf(all_bytes(buf, cap + TAIL, FILL), "%s: buffer written on BUFFER_TOO_SMALL",
                   what);
        } else {
            check_status(rc, CALLSIGN_OK, what);
            checkf(len == want_len, "%s: *out_len %lu, want %lu", what, (unsigned long)len,
                   (unsigned long)want_len);
            if (rc == CALLSIGN_OK && len == want_len) {
                checkf(memcmp(buf, want, want_len) == 0, "%s: got \"%.*s\", want \"%s\"", what,
                       (int)want_len, (const char *)buf, want);
            }
            checkf(buf[want_len] == 0, "%s: no NUL at [len]", what);
            checkf(all_bytes(buf + needed, cap + TAIL - needed, FILL),
                   "%s: bytes past the NUL written", what);
        }
        free(buf);
    }

    /* Exactly sized heap buffer: valgrind / ASan see any write past it. */
    buf = (unsigned char *)malloc(needed);
    if (checkf(buf != NULL, "malloc failed")) {
        memset(buf, FILL, needed);
        len = SENTINEL;
        rc = f->fn(x, (char *)buf, needed, &len);
        snprintf(what, sizeof what, "%s(exact heap buffer)", f->name);
        check_status(rc, CALLSIGN_OK, what);
        checkf(len == want_len && memcmp(buf, want, want_len) == 0 && buf[want_len] == 0,
               "%s: wrong output", what);
        free(buf);
    }

    /* NULL out_len, with a buffer and with a size query. */
    buf = (unsigned char *)malloc(needed + TAIL);
    if (checkf(buf != NULL, "malloc failed")) {
        memset(buf, FILL, needed + TAIL);
        rc = f->fn(x, (char *)buf, needed + TAIL, NULL);
        snprintf(what, sizeof what, "%s(out_len=NULL)", f->name);
        check_status(rc, CALLSIGN_NULL_ARGUMENT, what);
        checkf(all_bytes(buf, needed + TAIL, FILL), "%s: buffer written", what);
        free(buf);
    }
    rc = f->fn(x, NULL, 0, NULL);
    snprintf(what, sizeof what, "%s(out=NULL, cap=0, out_len=NULL)", f->name);
    check_status(rc, CALLSIGN_NULL_ARGUMENT, what);

    /* NULL out with a non-zero capacity. */
    len = SENTINEL;
    rc = f->fn(x, NULL, needed, &len);
    snprintf(what, sizeof what, "%s(out=NULL, cap=%lu)", f->name, (unsigned long)needed);
    check_status(rc, CALLSIGN_NULL_ARGUMENT, what);
    checkf(len == SENTINEL, "%s: *out_len written", what);
}

/* A call that must fail with `want`: *out_len and out untouched, also for
 * a size query. */
static void check_reject(const text_fn *f, const args_t *x, uint32_t want, const char *why)
{
    unsigned char buf[BIG];
    size_t len = SENTINEL;
    uint32_t rc;
    char what[200];

    memset(buf, FILL, sizeof buf);
    rc = f->fn(x, (char *)buf, sizeof buf, &len);
    snprintf(what, sizeof what, "%s [%s]", f->name, why);
    check_status(rc, want, what);
    checkf(len == SENTINEL, "%s: *out_len written (%lu) on an error", what, (unsigned long)len);
    checkf(all_bytes(buf, sizeof buf, FILL), "%s: buffer written on an error", what);

    len = SENTINEL;
    rc = f->fn(x, NULL, 0, &len);
    snprintf(what, sizeof what, "%s [%s, size query]", f->name, why);
    check_status(rc, want, what);
    checkf(len == SENTINEL, "%s: *out_len written (%lu) on an error", what, (unsigned long)len);
}

/* Calls f into a big buffer: the status, and the text in out[0..*out_len]. */
static uint32_t call_text(const text_fn *f, const args_t *x, char *out, size_t cap,
                          size_t *out_len)
{
    uint32_t rc;
    *out_len = 0;
    memset(out, FILL, cap);
    rc = f->fn(x, out, cap, out_len);
    if (rc != CALLSIGN_OK) {
        out[0] = '\0'; /* printable in failure messages */
        *out_len = 0;
    }
    return rc;
}

/* A call that must succeed with exactly `want`. */
static void check_ok(const text_fn *f, const args_t *x, const char *want, size_t want_len,
                     const char *why)
{
    char out[BIG];
    size_t len;
    uint32_t rc = call_text(f, x, out, sizeof out, &len);
    char what[200];
    snprintf(what, sizeof what, "%s [%s]", f->name, why);
    if (check_status(rc, CALLSIGN_OK, what)) {
        checkf(len == want_len && memcmp(out, want, want_len) == 0 && out[len] == 0,
               "%s: got \"%.*s\" (%lu), want \"%.*s\" (%lu)", what, (int)len, out,
               (unsigned long)len, (int)want_len, want, (unsigned long)want_len);
    }
}

/* ------------------------------------------------------------------ */
/* Streaming helpers: mode 0 = one update, 1 = 1-byte chunks, 2 = odd
 * chunks 1, 3, 5, ... with an empty update (NULL, 0) between each. */

static int hmac_stream(callsign_hmac_sha256_ctx *ctx, const uint8_t *p, size_t n, int mode)
{
    size_t off = 0, chunk = 1;
    int ok = 1;
    if (mode == 0) {
        return CS(callsign_hmac_sha256_update(ctx, p, n)) == CALLSIGN_OK;
    }
    while (off < n) {
        size_t take = mode == 1 ? 1 : chunk;
        if (take > n - off) {
            take = n - off;
        }
        ok &= CS(callsign_hmac_sha256_update(ctx, p + off, take)) == CALLSIGN_OK;
        if (mode == 2) {
            ok &= CS(callsign_hmac_sha256_update(ctx, NULL, 0)) == CALLSIGN_OK;
        }
        off += take;
        chunk += 2;
    }
    return ok;
}

static int sha256_stream(callsign_sha256_ctx *ctx, const uint8_t *p, size_t n, int mode)
{
    size_t off = 0, chunk = 1;
    int ok = 1;
    if (mode == 0) {
        return CS(callsign_sha256_update(ctx, p, n)) == CALLSIGN_OK;
    }
    while (off < n) {
        size_t take = mode == 1 ? 1 : chunk;
        if (take > n - off) {
            take = n - off;
        }
        ok &= CS(callsign_sha256_update(ctx, p + off, take)) == CALLSIGN_OK;
        if (mode == 2) {
            ok &= CS(callsign_sha256_update(ctx, NULL, 0)) == CALLSIGN_OK;
        }
        off += take;
        chunk += 2;
    }
    return ok;
}

/* Every way to compute HMAC-SHA256(key, msg) must give want_hex (the
 * first 2 * cmp_len hex digits of it when cmp_len < 32). */
static void check_hmac_all_ways(const uint8_t *key, size_t key_len, const uint8_t *msg,
                                size_t msg_len, const char *want_hex, size_t cmp_len)
{
    uint8_t tag[CALLSIGN_SHA256_LEN];
    char hex[2 * CALLSIGN_SHA256_LEN + 1];
    callsign_hmac_key hk;
    callsign_hmac_sha256_ctx ctx;
    int mode;
    uint32_t rc;

    memset(tag, FILL, sizeof tag);
    rc = CS(callsign_hmac_sha256(key, key_len, msg, msg_len, tag));
    check_status(rc, CALLSIGN_OK, "callsign_hmac_sha256");
    to_hex(tag, sizeof tag, hex);
    checkf(strncmp(hex, want_hex, 2 * cmp_len) == 0, "callsign_hmac_sha256: %s, want %s", hex,
           want_hex);

    for (mode = 0; mode < 3; mode++) {
        memset(&ctx, 0, sizeof ctx);
        rc = CS(callsign_hmac_sha256_init(&ctx, key, key_len));
        check_status(rc, CALLSIGN_OK, "callsign_hmac_sha256_init");
        checkf(hmac_stream(&ctx, msg, msg_len, mode), "hmac update (mode %d) failed", mode);
        memset(tag, FILL, sizeof tag);
        rc = CS(callsign_hmac_sha256_final(&ctx, tag));
        check_status(rc, CALLSIGN_OK, "callsign_hmac_sha256_final");
        to_hex(tag, sizeof tag, hex);
        checkf(strncmp(hex, want_hex, 2 * cmp_len) == 0,
               "streaming HMAC (init, mode %d): %s, want %s", mode, hex, want_hex);
        checkf(all_bytes(&ctx, sizeof ctx, 0), "hmac ctx not zero after final");
    }

    memset(&hk, 0, sizeof hk);
    rc = CS(callsign_hmac_key_init(&hk, key, key_len));
    check_status(rc, CALLSIGN_OK, "callsign_hmac_key_init");
    for (mode = 0; mode < 3; mode++) {
        memset(&ctx, FILL, sizeof ctx); /* init overwrites whatever was there */
        rc = CS(callsign_hmac_sha256_init_with_key(&ctx, &hk));
        check_status(rc, CALLSIGN_OK, "callsign_hmac_sha256_init_with_key");
        checkf(hmac_stream(&ctx, msg, msg_len, mode), "hmac update (mode %d) failed", mode);
        memset(tag, FILL, sizeof tag);
        rc = CS(callsign_hmac_sha256_final(&ctx, tag));
        check_status(rc, CALLSIGN_OK, "callsign_hmac_sha256_final");
        to_hex(tag, sizeof tag, hex);
        checkf(strncmp(hex, want_hex, 2 * cmp_len) == 0,
               "streaming HMAC (init_with_key, mode %d): %s, want %s", mode, hex, want_hex);
    }
    CS_VOID(callsign_hmac_key_wipe(&hk));
    checkf(all_bytes(&hk, sizeof hk, 0), "hmac key not zero after wipe");
}

static void check_sha256_all_ways(const uint8_t *data, size_t len, const char *want_hex)
{
    uint8_t d[CALLSIGN_SHA256_LEN];
    char hex[2 * CALLSIGN_SHA256_LEN + 1];
    callsign_sha256_ctx ctx;
    int mode;
    uint32_t rc;

    memset(d, FILL, sizeof d);
    rc = CS(callsign_sha256(data, len, d));
    check_status(rc, CALLSIGN_OK, "callsign_sha256");
    to_hex(d, sizeof d, hex);
    checkf(strcmp(hex, want_hex) == 0, "callsign_sha256: %s, want %s", hex, want_hex);
    for (mode = 0; mode < 3; mode++) {
        memset(&ctx, FILL, sizeof ctx);
        rc = CS(callsign_sha256_init(&ctx));
        check_status(rc, CALLSIGN_OK, "callsign_sha256_init");
        checkf(sha256_stream(&ctx, data, len, mode), "sha256 update (mode %d) failed", mode);
        memset(d, FILL, sizeof d);
        rc = CS(callsign_sha256_final(&ctx, d));
        check_status(rc, CALLSIGN_OK, "callsign_sha256_final");
        to_hex(d, sizeof d, hex);
        checkf(strcmp(hex, want_hex) == 0, "streaming SHA-256 (mode %d): %s, want %s", mode, hex,
               want_hex);
        checkf(all_bytes(&ctx, sizeof ctx, 0), "sha256 ctx not zero after final");
    }
}

/* ------------------------------------------------------------------ */
/* Vectors. */

static int is_lower_hex32(const char *s, size_t n)
{
    size_t i;
    if (n != 32) {
        return 0;
    }
    for (i = 0; i < n; i++) {
        if (hex_val(s[i]) < 0) {
            return 0;
        }
    }
    return 1;
}

/* x->t must give `created` (YYYY-MM-DDTHH:MM:SSZ) and its basic form. */
static void check_created(const args_t *x, const char *created)
{
    char basic[CALLSIGN_TIMESTAMP_BASIC_MAX_LEN];
    size_t a, b;
    for (a = 0, b = 0; created[a] != '\0' && b < sizeof basic - 1; a++) {
        if (created[a] != '-' && created[a] != ':') {
            basic[b++] = created[a];
        }
    }
    basic[b] = '\0';
    check_text(&F_TS_EXTENDED, x, created, strlen(created));
    check_text(&F_TS_BASIC, x, basic, strlen(basic));
}

static const uint8_t dummy_byte = 0x42; /* a non-NULL pointer for empty inputs */

static unsigned long n_random_vectors;

static void test_aksk_vectors(void)
{
    size_t i;
    for (i = 0; i < CS_AKSK_VECTOR_COUNT; i++) {
        const cs_aksk_vector *v = &cs_aksk_vectors[i];
        args_t x;
        callsign_hmac_key key, key_copy;
        fixed_rng rng;
        uint8_t msg[256];
        size_t msg_len = v->nonce_len + strlen(v->created);
        uint8_t raw[CALLSIGN_SHA256_LEN];
        uint32_t rc;

        g_where = v->id;
        memset(&x, 0, sizeof x);
        x.app = (const uint8_t *)v->app_key;
        x.app_len = v->app_key_len;
        x.secret = v->secret;
        x.secret_len = v->secret_len;
        x.msg = (const uint8_t *)v->nonce;
        x.msg_len = v->nonce_len;
        x.t = v->created_unix;

        check_text(&F_X_AKSK, &x, v->x_aksk, strlen(v->x_aksk));
        if (v->secret_len == 0) {
            args_t y = x;
            checkf(v->secret == NULL, "an empty secret is not NULL in the vectors header");
            y.secret = &dummy_byte;
            check_ok(&F_X_AKSK, &y, v->x_aksk, strlen(v->x_aksk), "empty secret, non-NULL");
        }

        memset(&key, 0, sizeof key);
        rc = CS(callsign_hmac_key_init(&key, v->secret, v->secret_len));
        check_status(rc, CALLSIGN_OK, "callsign_hmac_key_init");
        memcpy(&key_copy, &key, sizeof key);
        x.key = &key;
        check_text(&F_X_AKSK_WITH_KEY, &x, v->x_aksk, strlen(v->x_aksk));
        checkf(memcmp(&key, &key_copy, sizeof key) == 0, "the key changed while used");

        if (is_lower_hex32(v->nonce, v->nonce_len)) {
            n_random_vectors++;
            memset(&rng, 0, sizeof rng);
            from_hex(v->nonce, v->nonce_len, rng.bytes, sizeof rng.bytes);
            x.rng = fill_fixed;
            x.rng_ctx = &rng;
            check_text(&F_X_AKSK_RANDOM, &x, v->x_aksk, strlen(v->x_aksk));
            checkf(rng.calls > 0 && rng.bad_len == 0, "fill_random: %lu calls, bad len %lu",
                   rng.calls, (unsigned long)rng.bad_len);
        }
        CS_VOID(callsign_hmac_key_wipe(&key));
        checkf(all_bytes(&key, sizeof key, 0), "key not zero after wipe");

        checkf(strcmp(CS_STR(callsign_huawei_voice_authorization()), v->authorization) == 0,
               "callsign_huawei_voice_authorization() != %s", v->authorization);

        /* The HMAC of nonce + created under the secret. */
        if (!checkf(msg_len <= sizeof msg, "message too long")) {
            continue;
        }
        memcpy(msg, v->nonce, v->nonce_len);
        memcpy(msg + v->nonce_len, v->created, strlen(v->created));
        x.msg = msg;
        x.msg_len = msg_len;
        check_text(&F_HMAC_HEX, &x, v->hmac_sha256_hex, strlen(v->hmac_sha256_hex));
        check_text(&F_HMAC_BASE64, &x, v->password_digest, strlen(v->password_digest));
        check_hmac_all_ways(v->secret, v->secret_len, msg, msg_len, v->hmac_sha256_hex, 32);
        checkf(from_hex(v->hmac_sha256_hex, strlen(v->hmac_sha256_hex), raw, sizeof raw),
               "hmac_sha256_hex is not 64 hex digits");

        check_created(&x, v->created);
    }
}

static void test_wsse_vectors(void)
{
    size_t i;
    for (i = 0; i < CS_WSSE_VECTOR_COUNT; i++) {
        const cs_wsse_vector *v = &cs_wsse_vectors[i];
        args_t x;
        fixed_rng rng;
        uint8_t msg[512];
        size_t created_len = strlen(v->created);
        char out[BIG];
        size_t len;
        uint32_t rc;

        g_where = v->id;
        memset(&x, 0, sizeof x);
        x.app = (const uint8_t *)v->app_key;
        x.app_len = v->app_key_len;
        x.secret = v->secret;
        x.secret_len = v->secret_len;
        x.msg = (const uint8_t *)v->nonce;
        x.msg_len = v->nonce_len;
        x.t = v->created_unix;
        x.digest = v->digest;

        check_text(&F_X_WSSE, &x, v->x_wsse, strlen(v->x_wsse));
        if (v->secret_len == 0) {
            args_t y = x;
            checkf(v->secret == NULL, "an empty secret is not NULL in the vectors header");
            y.secret = &dummy_byte;
            check_ok(&F_X_WSSE, &y, v->x_wsse, strlen(v->x_wsse), "empty secret, non-NULL");
        }
        /* The other digest variant gives another value. */
        {
            args_t y = x;
            y.digest = v->digest == CALLSIGN_WSSE_DIGEST_HEX ? CALLSIGN_WSSE_DIGEST_LEGACY_RAW
                                                             : CALLSIGN_WSSE_DIGEST_HEX;
            rc = call_text(&F_X_WSSE, &y, out, sizeof out, &len);
            check_status(rc, CALLSIGN_OK, "x_wsse, other digest variant");
            checkf(len != strlen(v->x_wsse), "the other digest variant gives the same length");
        }
        if (is_lower_hex32(v->nonce, v->nonce_len)) {
            n_random_vectors++;
            memset(&rng, 0, sizeof rng);
            from_hex(v->nonce, v->nonce_len, rng.bytes, sizeof rng.bytes);
            x.rng = fill_fixed;
            x.rng_ctx = &rng;
            check_text(&F_X_WSSE_RANDOM, &x, v->x_wsse, strlen(v->x_wsse));
            checkf(rng.calls > 0 && rng.bad_len == 0, "fill_random: %lu calls, bad len %lu",
                   rng.calls, (unsigned long)rng.bad_len);
        }
        checkf(strcmp(CS_STR(callsign_huawei_sms_authorization()), v->authorization) == 0,
               "callsign_huawei_sms_authorization() != %s", v->authorization);

        /* sha256_message = nonce + created + secret bytes. */
        if (!checkf(v->nonce_len + created_len + v->secret_len <= sizeof msg, "too long")) {
            continue;
        }
        memcpy(msg, v->nonce, v->nonce_len);
        memcpy(msg + v->nonce_len, v->created, created_len);
        if (v->secret_len > 0) {
            memcpy(msg + v->nonce_len + created_len, v->secret, v->secret_len);
        }
        checkf(v->sha256_message_len == v->nonce_len + created_len + v->secret_len &&
                   memcmp(msg, v->sha256_message, v->sha256_message_len) == 0,
               "sha256_message is not nonce + created + secret");
        check_sha256_all_ways(msg, v->nonce_len + created_len + v->secret_len, v->sha256_hex);
        check_created(&x, v->created);
    }
}

static void test_basic_vectors(void)
{
    size_t i;
    for (i = 0; i < CS_BASIC_VECTOR_COUNT; i++) {
        const cs_basic_vector *v = &cs_basic_vectors[i];
        args_t x;
        g_where = v->id;
        memset(&x, 0, sizeof x);
        x.app = (const uint8_t *)v->user;
        x.app_len = v->user_len;
        x.secret = v->secret;
        x.secret_len = v->secret_len;
        if (v->kind == CS_BASIC_SINCH) {
            check_text(&F_BASIC, &x, v->authorization, strlen(v->authorization));
            if (v->secret_len == 0) {
                args_t y = x;
                y.secret = &dummy_byte;
                check_ok(&F_BASIC, &y, v->authorization, strlen(v->authorization),
                         "empty secret, non-NULL");
            }
        } else if (v->kind == CS_BASIC_MAILGUN) {
            check_text(&F_MAILGUN, &x, v->authorization, strlen(v->authorization));
            /* The same as Basic with the user "api". */
            check_ok(&F_BASIC, &x, v->authorization, strlen(v->authorization), "user api");
        } else {
            checkf(0, "unknown Basic kind %d", v->kind);
        }
    }
}

/* ------------------------------------------------------------------ */
/* RFC 4231 HMAC-SHA256 test cases. */

static void test_rfc4231(void)
{
    static const uint8_t key4[25] = {1,  2,  3,  4,  5,  6,  7,  8,  9,  10, 11, 12, 13,
                                     14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25};
    uint8_t k0b[20], kaa20[20], kdd[50], kcd[50], k0c[20], kaa131[131];
    struct {
        const char *name;
        const uint8_t *key;
        size_t key_len;
        const uint8_t *data;
        size_t data_len;
        const char *hex;
        size_t cmp_len;
    } tc[7];
    const char *d2 = "what do ya want for nothing?";
    const char *d5 = "Test With Truncation";
    const char *d6 = "Test Using Larger Than Block-Size Key - Hash Key First";
    const char *d7 = "This is a test using a larger than block-size key and a larger than "
                     "block-size data. The key needs to be hashed before being used by the "
                     "HMAC algorithm.";
    size_t i;

    memset(k0b, 0x0b, sizeof k0b);
    memset(kaa20, 0xaa, sizeof kaa20);
    memset(kdd, 0xdd, sizeof kdd);
    memset(kcd, 0xcd, sizeof kcd);
    memset(k0c, 0x0c, sizeof k0c);
    memset(kaa131, 0xaa, sizeof kaa131);

    tc[0].name = "RFC 4231 case 1";
    tc[0].key = k0b;
    tc[0].key_len = 20;
    tc[0].data = (const uint8_t *)"Hi There";
    tc[0].data_len = 8;
    tc[0].hex = "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7";
    tc[0].cmp_len = 32;

    tc[1].name = "RFC 4231 case 2";
    tc[1].key = (const uint8_t *)"Jefe";
    tc[1].key_len = 4;
    tc[1].data = (const uint8_t *)d2;
    tc[1].data_len = strlen(d2);
    tc[1].hex = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
    tc[1].cmp_len = 32;

    tc[2].name = "RFC 4231 case 3";
    tc[2].key = kaa20;
    tc[2].key_len = 20;
    tc[2].data = kdd;
    tc[2].data_len = 50;
    tc[2].hex = "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe";
    tc[2].cmp_len = 32;

    tc[3].name = "RFC 4231 case 4";
    tc[3].key = key4;
    tc[3].key_len = 25;
    tc[3].data = kcd;
    tc[3].data_len = 50;
    tc[3].hex = "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b";
    tc[3].cmp_len = 32;

    tc[4].name = "RFC 4231 case 5 (truncated to 128 bits)";
    tc[4].key = k0c;
    tc[4].key_len = 20;
    tc[4].data = (const uint8_t *)d5;
    tc[4].data_len = strlen(d5);
    tc[4].hex = "a3b6167473100ee06e0c796c2955552b";
    tc[4].cmp_len = 16;

    tc[5].name = "RFC 4231 case 6";
    tc[5].key = kaa131;
    tc[5].key_len = 131;
    tc[5].data = (const uint8_t *)d6;
    tc[5].data_len = strlen(d6);
    tc[5].hex = "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54";
    tc[5].cmp_len = 32;

    tc[6].name = "RFC 4231 case 7";
    tc[6].key = kaa131;
    tc[6].key_len = 131;
    tc[6].data = (const uint8_t *)d7;
    tc[6].data_len = strlen(d7);
    tc[6].hex = "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2";
    tc[6].cmp_len = 32;

    for (i = 0; i < sizeof tc / sizeof tc[0]; i++) {
        g_where = tc[i].name;
        check_hmac_all_ways(tc[i].key, tc[i].key_len, tc[i].data, tc[i].data_len, tc[i].hex,
                            tc[i].cmp_len);
        if (tc[i].cmp_len == 32) {
            args_t x;
            memset(&x, 0, sizeof x);
            x.secret = tc[i].key;
            x.secret_len = tc[i].key_len;
            x.msg = tc[i].data;
            x.msg_len = tc[i].data_len;
            check_ok(&F_HMAC_HEX, &x, tc[i].hex, 64, "RFC 4231");
        }
    }

    /* Empty key and message, NULL and not. */
    g_where = "empty HMAC / SHA-256 inputs";
    check_hmac_all_ways(NULL, 0, NULL, 0,
                        "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad", 32);
    check_hmac_all_ways(&dummy_byte, 0, &dummy_byte, 0,
                        "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad", 32);
    check_sha256_all_ways(NULL, 0,
                          "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    check_sha256_all_ways(&dummy_byte, 0,
                          "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    check_sha256_all_ways((const uint8_t *)"abc", 3,
                          "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

/* ------------------------------------------------------------------ */
/* Timestamps. */

static void test_timestamps(void)
{
    args_t x;
    static const uint64_t bad[] = {UINT64_C(253402300800), UINT64_C(253402300801),
                                   UINT64_C(1) << 62, UINT64_MAX};
    size_t i;

    g_where = "timestamps";
    memset(&x, 0, sizeof x);
    x.t = 0;
    check_text(&F_TS_EXTENDED, &x, "1970-01-01T00:00:00Z", 20);
    check_text(&F_TS_BASIC, &x, "19700101T000000Z", 16);
    x.t = UINT64_C(253402300799);
    check_text(&F_TS_EXTENDED, &x, "9999-12-31T23:59:59Z", 20);
    check_text(&F_TS_BASIC, &x, "99991231T235959Z", 16);
    x.t = UINT64_C(951782400); /* 2000-02-29 */
    check_ok(&F_TS_EXTENDED, &x, "2000-02-29T00:00:00Z", 20, "leap day 2000");
    x.t = UINT64_C(4107542399); /* 2100-02-28T23:59:59Z, 2100 not leap */
    check_ok(&F_TS_EXTENDED, &x, "2100-02-28T23:59:59Z", 20, "2100");
    x.t = UINT64_C(4107542400);
    check_ok(&F_TS_EXTENDED, &x, "2100-03-01T00:00:00Z", 20, "2100-03-01");
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        x.t = bad[i];
        check_reject(&F_TS_EXTENDED, &x, CALLSIGN_TIMESTAMP_OUT_OF_RANGE, "after 9999");
        check_reject(&F_TS_BASIC, &x, CALLSIGN_TIMESTAMP_OUT_OF_RANGE, "after 9999");
    }
}

/* ------------------------------------------------------------------ */
/* NULL arguments, and NULL with length 0, for every text function. */

static callsign_hmac_key g_key;      /* of the base secret */
static fixed_rng g_rng;
static const char base_app[] = "appKeyBase";
static const uint8_t base_secret[] = {'s', 0, 'e', 'c', 'r', 'e', 't'};
static const char base_nonce[] = "n0nce";
static const char base_user[] = "user";
static const uint8_t base_msg[] = {'m', 's', 'g', 0, 1, 2};

static args_t base_args(const text_fn *f)
{
    args_t x;
    memset(&x, 0, sizeof x);
    if (f->uses & U_APP) {
        x.app = (const uint8_t *)base_app;
        x.app_len = strlen(base_app);
    }
    if (f->uses & U_USER) {
        x.app = (const uint8_t *)base_user;
        x.app_len = strlen(base_user);
    }
    if (f->uses & U_SECRET) {
        x.secret = base_secret;
        x.secret_len = sizeof base_secret;
    }
    if (f->uses & U_NONCE) {
        x.msg = (const uint8_t *)base_nonce;
        x.msg_len = strlen(base_nonce);
    }
    if (f->uses & U_MSG) {
        x.msg = base_msg;
        x.msg_len = sizeof base_msg;
    }
    if (f->uses & U_KEY) {
        x.key = &g_key;
    }
    if (f->uses & U_RNG) {
        x.rng = fill_fixed;
        x.rng_ctx = &g_rng;
    }
    x.t = UINT64_C(1700000000);
    x.digest = CALLSIGN_WSSE_DIGEST_HEX;
    return x;
}

/* With len 0: NULL and a non-NULL pointer must give the same result,
 * which must be `want`. */
static void check_empty_input(const text_fn *f, const args_t *base, int field, uint32_t want,
                              const char *why)
{
    args_t a = *base, b = *base;
    char out_a[BIG], out_b[BIG];
    size_t len_a, len_b;
    uint32_t rc_a, rc_b;
    char what[200];

    if (field == U_APP || field == U_USER) {
        a.app = NULL;
        a.app_len = 0;
        b.app = &dummy_byte;
        b.app_len = 0;
    } else if (field == U_SECRET) {
        a.secret = NULL;
        a.secret_len = 0;
        b.secret = &dummy_byte;
        b.secret_len = 0;
    } else {
        a.msg = NULL;
        a.msg_len = 0;
        b.msg = &dummy_byte;
        b.msg_len = 0;
    }
    len_a = SENTINEL;
    len_b = SENTINEL;
    memset(out_a, FILL, sizeof out_a);
    memset(out_b, FILL, sizeof out_b);
    rc_a = f->fn(&a, out_a, sizeof out_a, &len_a);
    rc_b = f->fn(&b, out_b, sizeof out_b, &len_b);
    snprintf(what, sizeof what, "%s [%s, NULL with length 0]", f->name, why);
    check_status(rc_a, want, what);
    snprintf(what, sizeof what, "%s [%s, non-NULL with length 0]", f->name, why);
    check_status(rc_b, want, what);
    checkf(rc_a == rc_b && len_a == len_b && memcmp(out_a, out_b, sizeof out_a) == 0,
           "%s [%s]: NULL and non-NULL empty inputs differ", f->name, why);
    if (want != CALLSIGN_OK) {
        checkf(len_a == SENTINEL && all_bytes(out_a, sizeof out_a, FILL),
               "%s [%s]: output written on an error", f->name, why);
    }
}

/* The key and random source of base_args(). */
static void setup_base(void)
{
    uint32_t rc;
    g_where = "setup";
    memset(&g_key, 0, sizeof g_key);
    rc = CS(callsign_hmac_key_init(&g_key, base_secret, sizeof base_secret));
    check_status(rc, CALLSIGN_OK, "callsign_hmac_key_init");
    memset(&g_rng, 0, sizeof g_rng);
    memset(g_rng.bytes, 0x3c, sizeof g_rng.bytes);
}

static void test_null_arguments(void)
{
    size_t i;
    uint32_t rc;

    g_where = "NULL arguments";

    for (i = 0; i < N_TEXT_FNS; i++) {
        const text_fn *f = TEXT_FNS[i];
        const args_t base = base_args(f);
        args_t x;
        char out[BIG];
        size_t len;

        g_where = f->name;
        /* The base is valid; the output rule holds for it. */
        rc = call_text(f, &base, out, sizeof out, &len);
        if (check_status(rc, CALLSIGN_OK, "base arguments")) {
            check_text(f, &base, out, len);
        }
        if (f->uses & (U_APP | U_USER)) {
            x = base;
            x.app = NULL;
            check_reject(f, &x, CALLSIGN_NULL_ARGUMENT, "app key/user NULL, length > 0");
            check_empty_input(f, &base, U_APP,
                              (f->uses & U_APP) ? CALLSIGN_INVALID_APP_KEY : CALLSIGN_OK,
                              "empty app key/user");
        }
        if (f->uses & U_SECRET) {
            x = base;
            x.secret = NULL;
            check_reject(f, &x, CALLSIGN_NULL_ARGUMENT, "secret NULL, length > 0");
            check_empty_input(f, &base, U_SECRET, CALLSIGN_OK, "empty secret");
        }
        if (f->uses & (U_NONCE | U_MSG)) {
            x = base;
            x.msg = NULL;
            check_reject(f, &x, CALLSIGN_NULL_ARGUMENT, "nonce/message NULL, length > 0");
            check_empty_input(f, &base, U_MSG,
                              (f->uses & U_NONCE) ? CALLSIGN_INVALID_NONCE : CALLSIGN_OK,
                              "empty nonce/message");
        }
        if (f->uses & U_KEY) {
            x = base;
            x.key = NULL;
            check_reject(f, &x, CALLSIGN_NULL_ARGUMENT, "key NULL");
        }
        if (f->uses & U_RNG) {
            x = base;
            x.rng = NULL;
            check_reject(f, &x, CALLSIGN_NULL_ARGUMENT, "fill_random NULL");
        }
    }
}

/* ------------------------------------------------------------------ */
/* Raw digests and states: NULL arguments and (un)initialised states. */

static void test_states(void)
{
    callsign_hmac_key key, zero_key;
    callsign_hmac_sha256_ctx hctx;
    callsign_sha256_ctx sctx;
    uint8_t out[CALLSIGN_SHA256_LEN + TAIL];
    uint8_t want[CALLSIGN_SHA256_LEN];
    const uint8_t data[5] = {'h', 'e', 'l', 'l', 'o'};
    args_t x;

    g_where = "states";

    /* Raw one-shot digests. */
    memset(out, FILL, sizeof out);
    check_status(CS(callsign_hmac_sha256(NULL, 3, data, 5, out)), CALLSIGN_NULL_ARGUMENT,
                 "callsign_hmac_sha256(key NULL, len 3)");
    check_status(CS(callsign_hmac_sha256(data, 5, NULL, 3, out)), CALLSIGN_NULL_ARGUMENT,
                 "callsign_hmac_sha256(msg NULL, len 3)");
    check_status(CS(callsign_hmac_sha256(data, 5, data, 5, NULL)), CALLSIGN_NULL_ARGUMENT,
                 "callsign_hmac_sha256(out NULL)");
    check_status(CS(callsign_sha256(NULL, 5, out)), CALLSIGN_NULL_ARGUMENT,
                 "callsign_sha256(data NULL, len 5)");
    check_status(CS(callsign_sha256(data, 5, NULL)), CALLSIGN_NULL_ARGUMENT,
                 "callsign_sha256(out NULL)");
    checkf(all_bytes(out, sizeof out, FILL), "raw digest out written on an error");
    check_status(CS(callsign_sha256(data, 5, out)), CALLSIGN_OK, "callsign_sha256");
    checkf(all_bytes(out + CALLSIGN_SHA256_LEN, TAIL, FILL), "callsign_sha256 wrote past 32");
    memset(out, FILL, sizeof out);
    check_status(CS(callsign_hmac_sha256(data, 5, data, 5, out)), CALLSIGN_OK,
                 "callsign_hmac_sha256");
    checkf(all_bytes(out + CALLSIGN_SHA256_LEN, TAIL, FILL), "callsign_hmac_sha256 wrote past 32");
    memcpy(want, out, sizeof want);

    /* callsign_hmac_key_init. */
    memset(&key, FILL, sizeof key);
    check_status(CS(callsign_hmac_key_init(NULL, data, 5)), CALLSIGN_NULL_ARGUMENT,
                 "callsign_hmac_key_init(storage NULL)");
    check_status(CS(callsign_hmac_key_init(&key, NULL, 5)), CALLSIGN_NULL_ARGUMENT,
                 "callsign_hmac_key_init(key NULL, len 5)");
    checkf(all_bytes(&key, sizeof key, FILL), "key storage written on an error");
    check_status(CS(callsign_hmac_key_init(&key, data, 5)), CALLSIGN_OK,
                 "callsign_hmac_key_init over garbage");

    /* Uninitialised (zeroed) and wiped keys. */
    memset(&zero_key, 0, sizeof zero_key);
    memset(&hctx, FILL, sizeof hctx);
    check_status(CS(callsign_hmac_sha256_init_with_key(&hctx, &zero_key)),
                 CALLSIGN_NOT_INITIALIZED, "init_with_key(zeroed key)");
    checkf(all_bytes(&hctx, sizeof hctx, FILL), "ctx written by a failed init_with_key");
    check_status(CS(callsign_hmac_sha256_init_with_key(NULL, &key)), CALLSIGN_NULL_ARGUMENT,
                 "init_with_key(ctx NULL)");
    check_status(CS(callsign_hmac_sha256_init_with_key(&hctx, NULL)), CALLSIGN_NULL_ARGUMENT,
                 "init_with_key(key NULL)");
    x = base_args(&F_X_AKSK_WITH_KEY);
    x.key = &zero_key;
    check_reject(&F_X_AKSK_WITH_KEY, &x, CALLSIGN_NOT_INITIALIZED, "zeroed key");
    x = base_args(&F_X_AKSK_RANDOM);
    x.key = &zero_key;
    check_reject(&F_X_AKSK_RANDOM, &x, CALLSIGN_NOT_INITIALIZED, "zeroed key");

    /* A key of the wrong kind: the bytes of a SHA-256 context. */
    {
        callsign_hmac_key odd;
        memset(&sctx, 0, sizeof sctx);
        check_status(CS(callsign_sha256_init(&sctx)), CALLSIGN_OK, "callsign_sha256_init");
        memcpy(&odd, &sctx, sizeof odd);
        check_status(CS(callsign_hmac_sha256_init_with_key(&hctx, &odd)),
                     CALLSIGN_NOT_INITIALIZED, "init_with_key(a SHA-256 context's bytes)");
        CS_VOID(callsign_sha256_wipe(&sctx));
    }

    /* The key works, and after wipe it is all zero and refused. */
    check_status(CS(callsign_hmac_sha256_init_with_key(&hctx, &key)), CALLSIGN_OK,
                 "init_with_key");
    check_status(CS(callsign_hmac_sha256_update(&hctx, data, 5)), CALLSIGN_OK, "update");
    memset(out, FILL, sizeof out);
    check_status(CS(callsign_hmac_sha256_final(&hctx, out)), CALLSIGN_OK, "final");
    checkf(memcmp(out, want, sizeof want) == 0, "init_with_key result differs");
    CS_VOID(callsign_hmac_key_wipe(&key));
    checkf(all_bytes(&key, sizeof key, 0), "key not all zero after callsign_hmac_key_wipe");
    check_status(CS(callsign_hmac_sha256_init_with_key(&hctx, &key)), CALLSIGN_NOT_INITIALIZED,
                 "init_with_key(wiped key)");
    x = base_args(&F_X_AKSK_WITH_KEY);
    x.key = &key;
    check_reject(&F_X_AKSK_WITH_KEY, &x, CALLSIGN_NOT_INITIALIZED, "wiped key");
    x = base_args(&F_X_AKSK_RANDOM);
    x.key = &key;
    check_reject(&F_X_AKSK_RANDOM, &x, CALLSIGN_NOT_INITIALIZED, "wiped key");
    CS_VOID(callsign_hmac_key_wipe(&key)); /* twice is fine */
    checkf(all_bytes(&key, sizeof key, 0), "key not zero after a second wipe");
    memset(&key, FILL, sizeof key);
    CS_VOID(callsign_hmac_key_wipe(&key)); /* never initialised: zeroed too */
    checkf(all_bytes(&key, sizeof key, 0), "garbage key not zeroed by wipe");

    /* Streaming HMAC: NULL arguments. */
    memset(&hctx, FILL, sizeof hctx);
    check_status(CS(callsign_hmac_sha256_init(NULL, data, 5)), CALLSIGN_NULL_ARGUMENT,
                 "hmac init(ctx NULL)");
    check_status(CS(callsign_hmac_sha256_init(&hctx, NULL, 5)), CALLSIGN_NULL_ARGUMENT,
                 "hmac init(key NULL, len 5)");
    checkf(all_bytes(&hctx, sizeof hctx, FILL), "ctx written by a failed init");
    check_status(CS(callsign_hmac_sha256_init(&hctx, data, 5)), CALLSIGN_OK, "hmac init");
    check_status(CS(callsign_hmac_sha256_update(NULL, data, 5)), CALLSIGN_NULL_ARGUMENT,
                 "hmac update(ctx NULL)");
    check_status(CS(callsign_hmac_sha256_update(&hctx, NULL, 5)), CALLSIGN_NULL_ARGUMENT,
                 "hmac update(data NULL, len 5)");
    check_status(CS(callsign_hmac_sha256_update(&hctx, NULL, 0)), CALLSIGN_OK,
                 "hmac update(NULL, 0)");
    check_status(CS(callsign_hmac_sha256_update(&hctx, data, 5)), CALLSIGN_OK, "hmac update");
    check_status(CS(callsign_hmac_sha256_final(NULL, out)), CALLSIGN_NULL_ARGUMENT,
                 "hmac final(ctx NULL)");
    memset(out, FILL, sizeof out);
    check_status(CS(callsign_hmac_sha256_final(&hctx, NULL)), CALLSIGN_NULL_ARGUMENT,
                 "hmac final(out NULL)");
    /* A failed final leaves the context usable. */
    check_status(CS(callsign_hmac_sha256_final(&hctx, out)), CALLSIGN_OK,
                 "hmac final after final(out NULL)");
    checkf(memcmp(out, want, sizeof want) == 0,
           "hmac: failed update/final calls changed the result");
    checkf(all_bytes(&hctx, sizeof hctx, 0), "hmac ctx not zero after final");
    memset(out, FILL, sizeof out);
    check_status(CS(callsign_hmac_sha256_update(&hctx, data, 5)), CALLSIGN_NOT_INITIALIZED,
                 "hmac update after final");
    check_status(CS(callsign_hmac_sha256_final(&hctx, out)), CALLSIGN_NOT_INITIALIZED,
                 "hmac final after final");
    checkf(all_bytes(out, sizeof out, FILL), "out written by a failed final");

    /* Zeroed and wiped HMAC contexts. */
    memset(&hctx, 0, sizeof hctx);
    check_status(CS(callsign_hmac_sha256_update(&hctx, data, 5)), CALLSIGN_NOT_INITIALIZED,
                 "hmac update(zeroed ctx)");
    check_status(CS(callsign_hmac_sha256_final(&hctx, out)), CALLSIGN_NOT_INITIALIZED,
                 "hmac final(zeroed ctx)");
    check_status(CS(callsign_hmac_sha256_init(&hctx, data, 5)), CALLSIGN_OK, "hmac init");
    CS_VOID(callsign_hmac_sha256_wipe(&hctx));
    checkf(all_bytes(&hctx, sizeof hctx, 0), "hmac ctx not zero after wipe");
    check_status(CS(callsign_hmac_sha256_update(&hctx, data, 5)), CALLSIGN_NOT_INITIALIZED,
                 "hmac update(wiped ctx)");
    check_status(CS(callsign_hmac_sha256_final(&hctx, out)), CALLSIGN_NOT_INITIALIZED,
                 "hmac final(wiped ctx)");
    checkf(all_bytes(out, sizeof out, FILL), "out written by a failed final");
    /* A SHA-256 context's bytes are not an HMAC context. */
    memset(&sctx, 0, sizeof sctx);
    check_status(CS(callsign_sha256_init(&sctx)), CALLSIGN_OK, "sha256 init");
    memset(&hctx, 0, sizeof hctx);
    memcpy(&hctx, &sctx, sizeof sctx);
    check_status(CS(callsign_hmac_sha256_update(&hctx, data, 5)), CALLSIGN_NOT_INITIALIZED,
                 "hmac update(a SHA-256 context's bytes)");

    /* Streaming SHA-256. */
    check_status(CS(callsign_sha256(data, 5, want)), CALLSIGN_OK, "callsign_sha256");
    check_status(CS(callsign_sha256_init(NULL)), CALLSIGN_NULL_ARGUMENT, "sha256 init(NULL)");
    memset(&sctx, FILL, sizeof sctx);
    check_status(CS(callsign_sha256_init(&sctx)), CALLSIGN_OK, "sha256 init over garbage");
    check_status(CS(callsign_sha256_update(NULL, data, 5)), CALLSIGN_NULL_ARGUMENT,
                 "sha256 update(ctx NULL)");
    check_status(CS(callsign_sha256_update(&sctx, NULL, 5)), CALLSIGN_NULL_ARGUMENT,
                 "sha256 update(data NULL, len 5)");
    check_status(CS(callsign_sha256_update(&sctx, NULL, 0)), CALLSIGN_OK,
                 "sha256 update(NULL, 0)");
    check_status(CS(callsign_sha256_update(&sctx, data, 5)), CALLSIGN_OK, "sha256 update");
    check_status(CS(callsign_sha256_final(NULL, out)), CALLSIGN_NULL_ARGUMENT,
                 "sha256 final(ctx NULL)");
    check_status(CS(callsign_sha256_final(&sctx, NULL)), CALLSIGN_NULL_ARGUMENT,
                 "sha256 final(out NULL)");
    memset(out, FILL, sizeof out);
    check_status(CS(callsign_sha256_final(&sctx, out)), CALLSIGN_OK, "sha256 final");
    checkf(memcmp(out, want, sizeof want) == 0, "sha256: failed calls changed the result");
    checkf(all_bytes(out + CALLSIGN_SHA256_LEN, TAIL, FILL), "sha256 final wrote past 32");
    checkf(all_bytes(&sctx, sizeof sctx, 0), "sha256 ctx not zero after final");
    memset(out, FILL, sizeof out);
    check_status(CS(callsign_sha256_update(&sctx, data, 5)), CALLSIGN_NOT_INITIALIZED,
                 "sha256 update after final");
    check_status(CS(callsign_sha256_final(&sctx, out)), CALLSIGN_NOT_INITIALIZED,
                 "sha256 final after final");
    memset(&sctx, 0, sizeof sctx);
    check_status(CS(callsign_sha256_update(&sctx, data, 5)), CALLSIGN_NOT_INITIALIZED,
                 "sha256 update(zeroed ctx)");
    check_status(CS(callsign_sha256_final(&sctx, out)), CALLSIGN_NOT_INITIALIZED,
                 "sha256 final(zeroed ctx)");
    check_status(CS(callsign_sha256_init(&sctx)), CALLSIGN_OK, "sha256 init");
    CS_VOID(callsign_sha256_wipe(&sctx));
    checkf(all_bytes(&sctx, sizeof sctx, 0), "sha256 ctx not zero after wipe");
    check_status(CS(callsign_sha256_update(&sctx, data, 5)), CALLSIGN_NOT_INITIALIZED,
                 "sha256 update(wiped ctx)");
    check_status(CS(callsign_sha256_final(&sctx, out)), CALLSIGN_NOT_INITIALIZED,
                 "sha256 final(wiped ctx)");
    checkf(all_bytes(out, sizeof out, FILL), "out written by a failed final");
    /* An HMAC context's bytes are not a SHA-256 context. */
    memset(&hctx, 0, sizeof hctx);
    check_status(CS(callsign_hmac_sha256_init(&hctx, data, 5)), CALLSIGN_OK, "hmac init");
    memcpy(&sctx, &hctx, sizeof sctx);
    check_status(CS(callsign_sha256_update(&sctx, data, 5)), CALLSIGN_NOT_INITIALIZED,
                 "sha256 update(an HMAC context's bytes)");
    CS_VOID(callsign_hmac_sha256_wipe(&hctx));

    /* Wiping NULL is a no-op. */
    CS_VOID(callsign_hmac_key_wipe(NULL));
    CS_VOID(callsign_hmac_sha256_wipe(NULL));
    CS_VOID(callsign_sha256_wipe(NULL));
    checkf(1, "wipe(NULL)");
}

/* ------------------------------------------------------------------ */
/* Input errors. */

static void fill_chars(char *buf, size_t n, char c)
{
    memset(buf, c, n);
    buf[n] = '\0';
}

static void test_input_errors(void)
{
    static const text_fn *const huawei[] = {&F_X_AKSK, &F_X_AKSK_WITH_KEY, &F_X_AKSK_RANDOM,
                                            &F_X_WSSE, &F_X_WSSE_RANDOM};
    static const char *const bad_utf8[] = {"\377", "ab\303", "\355\240\200", "\300\257",
                                           "a\200b"};
    static const char *const bad_app_key[] = {"a\"b", "a,b", "\001abc", "ab\177", "a\tb",
                                              "ab\n", "caf\303\251", "\"", ","};
    static const char *const bad_nonce[] = {"ab-c", "a b", "a_b", "abc=", "n\303\251", "\n",
                                            "0123456789abcdef0123456789abcde+"};
    static const char *const bad_user[] = {":", "a:b", "user:", ":user", "a\001b", "\177",
                                           "a\tb", "a\nb"};
    char long_text[300];
    uint8_t long_secret[300];
    fixed_rng failing;
    size_t h, i;
    args_t x;
    char out[BIG];
    size_t len;
    uint32_t rc;

    memset(long_secret, 's', sizeof long_secret);
    for (h = 0; h < sizeof huawei / sizeof huawei[0]; h++) {
        const text_fn *f = huawei[h];
        g_where = f->name;
        for (i = 0; i < sizeof bad_utf8 / sizeof bad_utf8[0]; i++) {
            x = base_args(f);
            x.app = (const uint8_t *)bad_utf8[i];
            x.app_len = strlen(bad_utf8[i]);
            check_reject(f, &x, CALLSIGN_INVALID_UTF8, "app key not UTF-8");
        }
        for (i = 0; i < sizeof bad_app_key / sizeof bad_app_key[0]; i++) {
            x = base_args(f);
            x.app = (const uint8_t *)bad_app_key[i];
            x.app_len = strlen(bad_app_key[i]);
            check_reject(f, &x, CALLSIGN_INVALID_APP_KEY, "bad app key character");
        }
        x = base_args(f);
        x.app = (const uint8_t *)"a\0b";
        x.app_len = 3;
        check_reject(f, &x, CALLSIGN_INVALID_APP_KEY, "app key with NUL");
        x = base_args(f);
        x.app = &dummy_byte;
        x.app_len = 0;
        check_reject(f, &x, CALLSIGN_INVALID_APP_KEY, "empty app key");
        fill_chars(long_text, 129, 'k');
        x = base_args(f);
        x.app = (const uint8_t *)long_text;
        x.app_len = 129;
        check_reject(f, &x, CALLSIGN_INVALID_APP_KEY, "app key of 129 bytes");
        x.app_len = 128;
        rc = call_text(f, &x, out, sizeof out, &len);
        check_status(rc, CALLSIGN_OK, "app key of 128 bytes");
        /* A printable app key with a space and punctuation is fine. */
        x = base_args(f);
        x.app = (const uint8_t *)"a b~!#$%&'()*+-./:;<=>?@[\\]^_`{|}";
        x.app_len = strlen((const char *)x.app);
        rc = call_text(f, &x, out, sizeof out, &len);
        check_status(rc, CALLSIGN_OK, "printable app key");

        if (f->uses & U_NONCE) {
            for (i = 0; i < sizeof bad_nonce / sizeof bad_nonce[0]; i++) {
                x = base_args(f);
                x.msg = (const uint8_t *)bad_nonce[i];
                x.msg_len = strlen(bad_nonce[i]);
                check_reject(f, &x, CALLSIGN_INVALID_NONCE, "bad nonce character");
            }
            x = base_args(f);
            x.msg = (const uint8_t *)"ab\0c";
            x.msg_len = 4;
            check_reject(f, &x, CALLSIGN_INVALID_NONCE, "nonce with NUL");
            x = base_args(f);
            x.msg = (const uint8_t *)"\377\376";
            x.msg_len = 2;
            check_reject(f, &x, CALLSIGN_INVALID_UTF8, "nonce not UTF-8");
            fill_chars(long_text, 129, 'N');
            x = base_args(f);
            x.msg = (const uint8_t *)long_text;
            x.msg_len = 129;
            check_reject(f, &x, CALLSIGN_INVALID_NONCE, "nonce of 129 bytes");
            x.msg_len = 0;
            check_reject(f, &x, CALLSIGN_INVALID_NONCE, "empty nonce");
        }
        if (f->uses & U_RNG) {
            memset(&failing, 0, sizeof failing);
            x = base_args(f);
            x.rng_ctx = &failing;
            failing.fail = 1;
            check_reject(f, &x, CALLSIGN_RANDOM_FAILED, "fill_random returns 1");
            failing.fail = -1;
            check_reject(f, &x, CALLSIGN_RANDOM_FAILED, "fill_random returns -1");
            checkf(failing.calls > 0, "the failing fill_random was not called");
        }
        if (f->uses & U_DIGEST) {
            x = base_args(f);
            x.digest = 2;
            check_reject(f, &x, CALLSIGN_INVALID_ARGUMENT, "digest variant 2");
            x.digest = UINT32_MAX;
            check_reject(f, &x, CALLSIGN_INVALID_ARGUMENT, "digest variant UINT32_MAX");
        }
        if (f->uses & U_SECRET) {
            /* No length limit on Huawei secrets: a 300-byte secret. */
            x = base_args(f);
            x.secret = long_secret;
            x.secret_len = sizeof long_secret;
            rc = call_text(f, &x, out, sizeof out, &len);
            check_status(rc, CALLSIGN_OK, "secret of 300 bytes");
        }
        x = base_args(f);
        x.t = UINT64_C(253402300800);
        check_reject(f, &x, CALLSIGN_TIMESTAMP_OUT_OF_RANGE, "created after 9999");
        x.t = UINT64_MAX;
        check_reject(f, &x, CALLSIGN_TIMESTAMP_OUT_OF_RANGE, "created UINT64_MAX");
        x.t = UINT64_C(253402300799);
        rc = call_text(f, &x, out, sizeof out, &len);
        check_status(rc, CALLSIGN_OK, "created 9999-12-31T23:59:59Z");
        checkf(rc == CALLSIGN_OK && strstr(out, "Created=\"9999-12-31T23:59:59Z\"") != NULL,
               "no Created=\"9999-12-31T23:59:59Z\" in %s", out);
    }

    /* A 300-byte secret: x_aksk and x_aksk_with_key agree. */
    {
        callsign_hmac_key k;
        char a[BIG];
        size_t alen;
        g_where = "long secret";
        x = base_args(&F_X_AKSK);
        x.secret = long_secret;
        x.secret_len = sizeof long_secret;
        rc = call_text(&F_X_AKSK, &x, a, sizeof a, &alen);
        check_status(rc, CALLSIGN_OK, "x_aksk, 300-byte secret");
        memset(&k, 0, sizeof k);
        check_status(CS(callsign_hmac_key_init(&k, long_secret, sizeof long_secret)), CALLSIGN_OK,
                     "key init, 300 bytes");
        x.key = &k;
        check_ok(&F_X_AKSK_WITH_KEY, &x, a, alen, "300-byte secret");
        CS_VOID(callsign_hmac_key_wipe(&k));
    }

    /* Longest values: exactly the MAX_LEN constants. */
    {
        char app[129], nonce[129], want_a[BIG], want_w[BIG];
        size_t la, lw;
        g_where = "longest values";
        fill_chars(app, 128, 'K');
        fill_chars(nonce, 128, 'N');
        x = base_args(&F_X_AKSK);
        x.app = (const uint8_t *)app;
        x.app_len = 128;
        x.msg = (const uint8_t *)nonce;
        x.msg_len = 128;
        rc = call_text(&F_X_AKSK, &x, want_a, sizeof want_a, &la);
        check_status(rc, CALLSIGN_OK, "longest X-AKSK");
        checkf(la + 1 == CALLSIGN_X_AKSK_MAX_LEN, "longest X-AKSK is %lu bytes, MAX_LEN %lu",
               (unsigned long)la, (unsigned long)CALLSIGN_X_AKSK_MAX_LEN);
        check_text(&F_X_AKSK, &x, want_a, la);
        x.digest = CALLSIGN_WSSE_DIGEST_HEX;
        rc = call_text(&F_X_WSSE, &x, want_w, sizeof want_w, &lw);
        check_status(rc, CALLSIGN_OK, "longest X-WSSE");
        checkf(lw + 1 == CALLSIGN_X_WSSE_MAX_LEN, "longest X-WSSE is %lu bytes, MAX_LEN %lu",
               (unsigned long)lw, (unsigned long)CALLSIGN_X_WSSE_MAX_LEN);
        check_text(&F_X_WSSE, &x, want_w, lw);
    }

    /* Basic. */
    g_where = "callsign_basic_authorization";
    for (i = 0; i < sizeof bad_user / sizeof bad_user[0]; i++) {
        x = base_args(&F_BASIC);
        x.app = (const uint8_t *)bad_user[i];
        x.app_len = strlen(bad_user[i]);
        check_reject(&F_BASIC, &x, CALLSIGN_INVALID_USER, "bad user character");
    }
    x = base_args(&F_BASIC);
    x.app = (const uint8_t *)"a\0b";
    x.app_len = 3;
    check_reject(&F_BASIC, &x, CALLSIGN_INVALID_USER, "user with NUL");
    for (i = 0; i < sizeof bad_utf8 / sizeof bad_utf8[0]; i++) {
        x = base_args(&F_BASIC);
        x.app = (const uint8_t *)bad_utf8[i];
        x.app_len = strlen(bad_utf8[i]);
        check_reject(&F_BASIC, &x, CALLSIGN_INVALID_UTF8, "user not UTF-8");
    }
    fill_chars(long_text, 257, 'u');
    x = base_args(&F_BASIC);
    x.app = (const uint8_t *)long_text;
    x.app_len = 257;
    check_reject(&F_BASIC, &x, CALLSIGN_INVALID_USER, "user of 257 bytes");
    x = base_args(&F_BASIC);
    x.secret = long_secret;
    x.secret_len = 257;
    check_reject(&F_BASIC, &x, CALLSIGN_INVALID_SECRET, "secret of 257 bytes");
    x = base_args(&F_MAILGUN);
    x.secret = long_secret;
    x.secret_len = 257;
    check_reject(&F_MAILGUN, &x, CALLSIGN_INVALID_SECRET, "API key of 257 bytes");
    /* Longest: user and secret of 256 bytes give exactly BASIC_MAX_LEN - 1. */
    x = base_args(&F_BASIC);
    x.app = (const uint8_t *)long_text;
    x.app_len = 256;
    x.secret = long_secret;
    x.secret_len = 256;
    rc = call_text(&F_BASIC, &x, out, sizeof out, &len);
    check_status(rc, CALLSIGN_OK, "user and secret of 256 bytes");
    checkf(len + 1 == CALLSIGN_BASIC_MAX_LEN, "longest Basic is %lu bytes, MAX_LEN %lu",
           (unsigned long)len, (unsigned long)CALLSIGN_BASIC_MAX_LEN);
    {
        char want[BIG];
        memcpy(want, out, len + 1);
        check_text(&F_BASIC, &x, want, len);
    }
    x = base_args(&F_MAILGUN);
    x.secret = long_secret;
    x.secret_len = 256;
    rc = call_text(&F_MAILGUN, &x, out, sizeof out, &len);
    check_status(rc, CALLSIGN_OK, "API key of 256 bytes");
    /* Secrets are bytes: NUL and non-UTF-8 bytes are fine. */
    x = base_args(&F_BASIC);
    x.app = (const uint8_t *)"u";
    x.app_len = 1;
    x.secret = (const uint8_t *)"a\0b";
    x.secret_len = 3;
    check_ok(&F_BASIC, &x, "Basic dTphAGI=", 14, "secret with NUL");
    x = base_args(&F_MAILGUN);
    x.secret = (const uint8_t *)"\377\0";
    x.secret_len = 2;
    check_ok(&F_MAILGUN, &x, "Basic YXBpOv8A", 14, "API key not UTF-8");
    /* Empty user and secret. */
    x = base_args(&F_BASIC);
    x.app = NULL;
    x.app_len = 0;
    x.secret = NULL;
    x.secret_len = 0;
    check_ok(&F_BASIC, &x, "Basic Og==", 10, "empty user and secret");
    x = base_args(&F_MAILGUN);
    x.secret = NULL;
    x.secret_len = 0;
    check_ok(&F_MAILGUN, &x, "Basic YXBpOg==", 14, "empty API key");
    /* Non-ASCII user (UTF-8) is accepted. */
    x = base_args(&F_BASIC);
    x.app = (const uint8_t *)"j\303\274rgen";
    x.app_len = 7;
    x.secret = (const uint8_t *)"pw";
    x.secret_len = 2;
    check_ok(&F_BASIC, &x, "Basic asO8cmdlbjpwdw==", 22, "UTF-8 user");
}

/* ------------------------------------------------------------------ */
/* Status strings, version, constants. */

static void test_misc(void)
{
    const char *s[13];
    static const uint32_t unknown[] = {13, 14, 999, 0x80000000u, UINT32_MAX};
    char version[64];
    size_t i, j;

    g_where = "callsign_status_str";
    for (i = 0; i < 13; i++) {
        s[i] = CS_STR(callsign_status_str((uint32_t)i));
        if (checkf(s[i] != NULL, "status %lu: NULL", (unsigned long)i)) {
            checkf(s[i][0] != '\0', "status %lu: empty", (unsigned long)i);
            checkf(strcmp(s[i], "unknown status") != 0, "status %lu: unknown status",
                   (unsigned long)i);
        }
    }
    for (i = 0; i < 13; i++) {
        for (j = i + 1; j < 13; j++) {
            checkf(s[i] == NULL || s[j] == NULL || strcmp(s[i], s[j]) != 0,
                   "statuses %lu and %lu share the text \"%s\"", (unsigned long)i,
                   (unsigned long)j, s[i] ? s[i] : "");
        }
    }
    checkf(s[CALLSIGN_OK] != NULL && s[CALLSIGN_BUFFER_TOO_SMALL] != NULL &&
               strcmp(s[CALLSIGN_BUFFER_TOO_SMALL], "output buffer too small") == 0,
           "CALLSIGN_BUFFER_TOO_SMALL text is not the header's example");
    for (i = 0; i < sizeof unknown / sizeof unknown[0]; i++) {
        const char *u = CS_STR(callsign_status_str(unknown[i]));
        checkf(u != NULL && strcmp(u, "unknown status") == 0, "status %lu: \"%s\"",
               (unsigned long)unknown[i], u ? u : "(NULL)");
    }

    g_where = "callsign_version";
    snprintf(version, sizeof version, "%d.%d.%d", CALLSIGN_VERSION_MAJOR, CALLSIGN_VERSION_MINOR,
             CALLSIGN_VERSION_PATCH);
    {
        const char *v = CS_STR(callsign_version());
        checkf(v != NULL && strcmp(v, version) == 0, "callsign_version() \"%s\", header %s",
               v ? v : "(NULL)", version);
    }

    g_where = "authorization constants";
    checkf(strcmp(CS_STR(callsign_huawei_voice_authorization()),
                  "AKSK realm=\"SDP\",profile=\"UsernameToken\",type=\"Appkey\"") == 0,
           "voice authorization");
    checkf(strcmp(CS_STR(callsign_huawei_sms_authorization()),
                  "WSSE realm=\"SDP\",profile=\"UsernameToken\",type=\"Appkey\"") == 0,
           "sms authorization");

    g_where = "status numbers";
    checkf(CALLSIGN_OK == 0 && CALLSIGN_NULL_ARGUMENT == 1 && CALLSIGN_BUFFER_TOO_SMALL == 2 &&
               CALLSIGN_INVALID_UTF8 == 3 && CALLSIGN_INVALID_APP_KEY == 4 &&
               CALLSIGN_INVALID_NONCE == 5 && CALLSIGN_INVALID_USER == 6 &&
               CALLSIGN_INVALID_SECRET == 7 && CALLSIGN_INVALID_TIMESTAMP == 8 &&
               CALLSIGN_TIMESTAMP_OUT_OF_RANGE == 9 && CALLSIGN_NOT_INITIALIZED == 10 &&
               CALLSIGN_RANDOM_FAILED == 11 && CALLSIGN_INVALID_ARGUMENT == 12,
           "status numbers changed");
}

/* The random source: the nonce is the 16 bytes as 32 lowercase hex, the
 * callback gets its context and a length of 16. */
static void test_random_nonce(void)
{
    fixed_rng rng;
    args_t x;
    char out[BIG];
    size_t len;
    uint32_t rc;
    size_t i;

    g_where = "random nonce";
    memset(&rng, 0, sizeof rng);
    for (i = 0; i < 16; i++) {
        rng.bytes[i] = (uint8_t)(i * 17 + 0x0f); /* 0f 20 31 ... f0 ff ... */
    }
    x = base_args(&F_X_AKSK_RANDOM);
    x.rng_ctx = &rng;
    rc = call_text(&F_X_AKSK_RANDOM, &x, out, sizeof out, &len);
    check_status(rc, CALLSIGN_OK, "x_aksk_random");
    checkf(rng.calls == 1 && rng.bad_len == 0, "fill_random: %lu calls, bad len %lu", rng.calls,
           (unsigned long)rng.bad_len);
    {
        char hex[33], want_nonce[64];
        to_hex(rng.bytes, 16, hex);
        snprintf(want_nonce, sizeof want_nonce, "Nonce=\"%s\"", hex);
        checkf(strstr(out, want_nonce) != NULL, "%s not in %s", want_nonce, out);
        /* The same with the nonce given explicitly. */
        x = base_args(&F_X_AKSK_WITH_KEY);
        x.msg = (const uint8_t *)hex;
        x.msg_len = 32;
        check_ok(&F_X_AKSK_WITH_KEY, &x, out, len, "explicit nonce = random nonce");
    }
    memset(&rng, 0, sizeof rng);
    memset(rng.bytes, 0xff, sizeof rng.bytes);
    x = base_args(&F_X_WSSE_RANDOM);
    x.rng_ctx = &rng;
    rc = call_text(&F_X_WSSE_RANDOM, &x, out, sizeof out, &len);
    check_status(rc, CALLSIGN_OK, "x_wsse_random");
    checkf(rng.calls == 1 && rng.bad_len == 0, "fill_random: %lu calls, bad len %lu", rng.calls,
           (unsigned long)rng.bad_len);
    checkf(strstr(out, "Nonce=\"ffffffffffffffffffffffffffffffff\"") != NULL, "nonce in %s", out);
}

/* ------------------------------------------------------------------ */

static void guard_self_check(void)
{
#ifdef CALLSIGN_MALLOC_GUARD
    void *(*volatile mp)(size_t) = malloc;
    void (*volatile fp)(void *) = free;
    void *p;
    unsigned long before = guarded_calls;
    g_where = "malloc guard self-check";
    in_callsign = 1;
    p = mp(16);
    in_callsign = 0;
    checkf(guarded_calls == before + 1, "a malloc with the flag set was not counted (%lu)",
           guarded_calls - before);
    fp(p);
    checkf(guarded_calls == before + 1, "a free with the flag clear was counted");
    guarded_calls = 0;
    printf("c-ffi: malloc guard active\n");
#endif
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
#if defined(__SANITIZE_ADDRESS__)
    printf("c-ffi: AddressSanitizer active\n");
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
    printf("c-ffi: AddressSanitizer active\n");
#endif
#endif
    guard_self_check();
    setup_base();

    test_misc();
    test_aksk_vectors();
    test_wsse_vectors();
    test_basic_vectors();
    test_rfc4231();
    test_timestamps();
    test_random_nonce();
    test_null_arguments();
    test_states();
    test_input_errors();
    CS_VOID(callsign_hmac_key_wipe(&g_key));

    g_where = "coverage";
    checkf(n_random_vectors > 0, "no vector had a 32-hex nonce for the _random functions");
#ifdef CALLSIGN_MALLOC_GUARD
    g_where = "malloc guard";
    checkf(guard_regions > 1000, "only %lu guarded callsign calls", guard_regions);
    checkf(guarded_calls == 0, "%lu allocator calls inside callsign_* functions",
           (unsigned long)guarded_calls);
#endif
    printf("c-ffi: %lu X-AKSK, %lu X-WSSE, %lu Basic vectors (%lu with a random-nonce check); "
           "%lu callsign calls\n",
           (unsigned long)CS_AKSK_VECTOR_COUNT, (unsigned long)CS_WSSE_VECTOR_COUNT,
           (unsigned long)CS_BASIC_VECTOR_COUNT, n_random_vectors, guard_regions);
    printf("c-ffi: %lu passed, %lu failed\n", n_pass, n_fail);
    return n_fail == 0 ? 0 : 1;
}
