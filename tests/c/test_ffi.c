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
 * (the CS* macros bracket each call); the count must stay zero. The guard
 * is left out of the valgrind and sanitizer builds, which replace the
 * allocator themselves. The guard and the check helpers are in
 * test_common.h, shared with test_verify.c.
 */

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "callsign.h"
#include "callsign_test_vectors.h"
#include "test_common.h"

/* ------------------------------------------------------------------ */
/* Compile-time checks of the opaque storage types (CS_STATIC_ASSERT: see
 * test_common.h). */

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

CS_STATIC_ASSERT(sizeof(callsign_apig_body_hasher) == CALLSIGN_APIG_BODY_HASHER_SIZE,
                 apig_body_hasher_size);
struct cs_align_apig_body_hasher { char c; callsign_apig_body_hasher v; };
CS_STATIC_ASSERT(offsetof(struct cs_align_apig_body_hasher, v) >= 8, apig_body_hasher_align);
CS_STATIC_ASSERT(CALLSIGN_APIG_SDK_HMAC_SHA256 != CALLSIGN_APIG_SDK_HMAC_SM3 &&
                     CALLSIGN_APIG_SDK_HMAC_SM3 != CALLSIGN_APIG_V11_HMAC_SHA256 &&
                     CALLSIGN_APIG_SDK_HMAC_SHA256 != CALLSIGN_APIG_V11_HMAC_SHA256,
                 apig_algorithm_ids);
CS_STATIC_ASSERT(CALLSIGN_APIG_VARIANT_CORE != CALLSIGN_APIG_VARIANT_APIG, apig_variant_ids);
CS_STATIC_ASSERT(CALLSIGN_APIG_BODY_SHA256 != CALLSIGN_APIG_BODY_SM3, apig_body_ids);

/* ------------------------------------------------------------------ */
/* Hex input. */

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
    int lazy;              /* 1: report success, write nothing; 2: write zeros */
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
    if (r->lazy == 1) {
        return 0;
    }
    if (r->lazy == 2) {
        memset(buf, 0, len);
        return 0;
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

/* check_output_rule's view of f called with x. */
typedef struct {
    const text_fn *f;
    const args_t *x;
} bound_text;

static uint32_t call_bound(const void *ctx, char *out, size_t cap, size_t *out_len)
{
    const bound_text *b = (const bound_text *)ctx;
    return b->f->fn(b->x, out, cap, out_len);
}

/* The output rule (test_common.h) for f called with x, whose correct
 * output is want[0..want_len]. */
static void check_text(const text_fn *f, const args_t *x, const char *want, size_t want_len)
{
    bound_text b;
    b.f = f;
    b.x = x;
    check_output_rule(f->name, f->max_len, call_bound, &b, want, want_len);
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
            /* Success reported, buffer left as it was or zeroed: every
             * call would give the same nonce. */
            failing.fail = 0;
            failing.lazy = 1;
            check_reject(f, &x, CALLSIGN_RANDOM_FAILED, "fill_random returns 0, writes nothing");
            failing.lazy = 2;
            check_reject(f, &x, CALLSIGN_RANDOM_FAILED, "fill_random returns 0, writes zeros");
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
/* Huawei API Gateway: callsign_huawei_apig_sign and the body hasher. */

/* The five texts of a signature: the main output and the four optional ones. */
enum { AO_AUTH, AO_ADDED, AO_TARGET, AO_CANON, AO_STS, AO_N };
static const char *const AO_NAME[AO_N] = {"authorization", "headers_added", "request_target",
                                         "canonical_request", "string_to_sign"};
static const char *const AO_NONE[AO_N] = {"", "", "", "", ""};

#define APIG_BIG 16384 /* larger than every text below */

/* How one output is passed: OM_SKIP is out NULL with cap 0 for the main
 * output and buf NULL with cap 0 ("not wanted") for an optional one;
 * OM_BUF is a heap buffer of cap bytes (+ TAIL guard bytes unless exact). */
enum { OM_SKIP, OM_BUF };

typedef struct {
    int with_outputs; /* pass a callsign_apig_outputs, else NULL */
    int mode[AO_N];
    size_t cap[AO_N];
    int exact;        /* buffers of exactly cap bytes: valgrind/ASan see overruns */
    int out_nullcap;  /* main output: out NULL with out_cap = cap[AO_AUTH] */
} apig_shape;

static void shape_all(apig_shape *s, int with_outputs, size_t cap)
{
    int i;
    memset(s, 0, sizeof *s);
    s->with_outputs = with_outputs;
    for (i = 0; i < AO_N; i++) {
        s->mode[i] = OM_BUF;
        s->cap[i] = cap;
    }
}

static callsign_text *apig_slot(callsign_apig_outputs *o, int i)
{
    switch (i) {
    case AO_ADDED:
        return &o->headers_added;
    case AO_TARGET:
        return &o->request_target;
    case AO_CANON:
        return &o->canonical_request;
    default:
        return &o->string_to_sign;
    }
}

/*
 * One callsign_huawei_apig_sign call shaped by `s`.
 *
 * want_status CALLSIGN_OK: the texts are want[]; the call must return
 * CALLSIGN_BUFFER_TOO_SMALL when the main output or a wanted optional one
 * is too small (*out_len = the main size needed, each too-small output's
 * len = its size needed, every other len untouched, no byte written in any
 * buffer), else CALLSIGN_OK with every wanted output exact, NUL-terminated,
 * nothing written past the NUL, and the lens of unwanted outputs untouched.
 *
 * Any other want_status: that status, nothing written anywhere.
 */
static void apig_run(const char *why, const callsign_apig_credentials *c,
                     const callsign_apig_request *r, const apig_shape *s,
                     const char *const want[AO_N], uint32_t want_status)
{
    unsigned char *buf[AO_N];
    size_t alloc[AO_N], want_len[AO_N];
    int small[AO_N];
    callsign_apig_outputs o;
    size_t out_len = SENTINEL, out_cap;
    int too_small = 0, alloc_ok = 1, i;
    uint32_t rc, expect;
    char what[240];

    snprintf(what, sizeof what, "callsign_huawei_apig_sign [%s]", why);
    memset(&o, 0, sizeof o);
    for (i = 0; i < AO_N; i++) {
        buf[i] = NULL;
        alloc[i] = 0;
        small[i] = 0;
        want_len[i] = want_status == CALLSIGN_OK ? strlen(want[i]) : 0;
        if (s->mode[i] == OM_BUF) {
            alloc[i] = s->cap[i] + (s->exact ? 0 : TAIL);
            buf[i] = (unsigned char *)malloc(alloc[i] > 0 ? alloc[i] : 1);
            if (buf[i] == NULL) {
                alloc_ok = 0;
            } else {
                memset(buf[i], FILL, alloc[i]);
            }
        }
    }
    if (!checkf(alloc_ok, "malloc failed")) {
        goto done;
    }
    out_cap = s->mode[AO_AUTH] == OM_BUF || s->out_nullcap ? s->cap[AO_AUTH] : 0;
    for (i = AO_ADDED; i < AO_N; i++) {
        callsign_text *t = apig_slot(&o, i);
        t->buf = (char *)buf[i];
        t->cap = s->mode[i] == OM_BUF ? s->cap[i] : 0;
        t->len = SENTINEL;
    }
    rc = CS(callsign_huawei_apig_sign(c, r, (char *)buf[AO_AUTH], out_cap, &out_len,
                                      s->with_outputs ? &o : NULL));

    if (want_status == CALLSIGN_OK) {
        small[AO_AUTH] = s->mode[AO_AUTH] != OM_BUF || s->cap[AO_AUTH] < want_len[AO_AUTH] + 1;
        too_small = small[AO_AUTH];
        for (i = AO_ADDED; i < AO_N; i++) {
            small[i] = s->with_outputs && s->mode[i] == OM_BUF && s->cap[i] < want_len[i] + 1;
            too_small |= small[i];
        }
        expect = too_small ? CALLSIGN_BUFFER_TOO_SMALL : CALLSIGN_OK;
    } else {
        expect = want_status;
    }
    check_status(rc, expect, what);

    if (expect == CALLSIGN_OK) {
        for (i = 0; i < AO_N; i++) {
            size_t len = i == AO_AUTH ? out_len : apig_slot(&o, i)->len;
            int wanted = i == AO_AUTH || (s->with_outputs && s->mode[i] == OM_BUF);
            if (!wanted) {
                checkf(len == SENTINEL, "%s: %s.len set (%lu) though not wanted", what, AO_NAME[i],
                       (unsigned long)len);
                continue;
            }
            if (checkf(len == want_len[i], "%s: %s length %lu, want %lu", what, AO_NAME[i],
                       (unsigned long)len, (unsigned long)want_len[i])) {
                checkf(memcmp(buf[i], want[i], want_len[i]) == 0,
                       "%s: %s\n  got  \"%.*s\"\n  want \"%s\"", what, AO_NAME[i],
                       (int)want_len[i], (const char *)buf[i], want[i]);
            }
            checkf(buf[i][want_len[i]] == 0, "%s: %s has no NUL at [len]", what, AO_NAME[i]);
            checkf(all_bytes(buf[i] + want_len[i] + 1, alloc[i] - want_len[i] - 1, FILL),
                   "%s: %s written past its NUL", what, AO_NAME[i]);
        }
    } else {
        size_t want_out_len = expect == CALLSIGN_BUFFER_TOO_SMALL ? want_len[AO_AUTH] + 1
                                                                  : SENTINEL;
        checkf(out_len == want_out_len, "%s: *out_len %lu, want %lu", what,
               (unsigned long)out_len, (unsigned long)want_out_len);
        for (i = AO_ADDED; i < AO_N; i++) {
            size_t len = apig_slot(&o, i)->len;
            size_t want_l = small[i] ? want_len[i] + 1 : SENTINEL;
            checkf(len == want_l, "%s: %s.len %lu, want %lu", what, AO_NAME[i],
                   (unsigned long)len, (unsigned long)want_l);
        }
        for (i = 0; i < AO_N; i++) {
            if (buf[i] != NULL) {
                checkf(all_bytes(buf[i], alloc[i], FILL), "%s: %s buffer written (status %lu)",
                       what, AO_NAME[i], (unsigned long)rc);
            }
        }
    }
done:
    for (i = 0; i < AO_N; i++) {
        free(buf[i]);
    }
}

/* Two sets of all five outputs, written by apig_capture. */
static char g_apig_ref[AO_N][APIG_BIG];
static char g_apig_got[AO_N][APIG_BIG];

/* Signs with every output into got[]; returns the status (texts "" unless OK). */
static uint32_t apig_capture(char got[][APIG_BIG], const callsign_apig_credentials *c,
                             const callsign_apig_request *r)
{
    callsign_apig_outputs o;
    size_t len = 0;
    uint32_t rc;
    int i;
    for (i = 0; i < AO_N; i++) {
        memset(got[i], 0, APIG_BIG);
    }
    for (i = AO_ADDED; i < AO_N; i++) {
        apig_slot(&o, i)->buf = got[i];
        apig_slot(&o, i)->cap = APIG_BIG;
        apig_slot(&o, i)->len = 0;
    }
    rc = CS(callsign_huawei_apig_sign(c, r, got[AO_AUTH], APIG_BIG, &len, &o));
    if (rc != CALLSIGN_OK) {
        for (i = 0; i < AO_N; i++) {
            got[i][0] = '\0';
        }
    }
    return rc;
}

static void apig_texts(char got[][APIG_BIG], const char *w[AO_N])
{
    int i;
    for (i = 0; i < AO_N; i++) {
        w[i] = got[i];
    }
}

/* The request must fail with `want`: with every output, with outputs
 * NULL, and for a size query (validation comes before the size check). */
static void apig_reject(const char *why, const callsign_apig_credentials *c,
                        const callsign_apig_request *r, uint32_t want)
{
    apig_shape s;
    char what[200];
    shape_all(&s, 1, APIG_BIG);
    apig_run(why, c, r, &s, AO_NONE, want);
    shape_all(&s, 0, 0);
    s.mode[AO_AUTH] = OM_SKIP;
    snprintf(what, sizeof what, "%s, size query, outputs NULL", why);
    apig_run(what, c, r, &s, AO_NONE, want);
}

/* The request must sign, with every output as want[]. */
static void apig_accept(const char *why, const callsign_apig_credentials *c,
                        const callsign_apig_request *r, const char *const want[AO_N])
{
    apig_shape s;
    shape_all(&s, 1, APIG_BIG);
    apig_run(why, c, r, &s, want, CALLSIGN_OK);
}

/* Both requests sign, to the same five texts. */
static void apig_same(const char *why, const callsign_apig_credentials *c1,
                      const callsign_apig_request *r1, const callsign_apig_credentials *c2,
                      const callsign_apig_request *r2)
{
    const char *w[AO_N];
    char what[200];
    snprintf(what, sizeof what, "%s (first form)", why);
    if (check_status(apig_capture(g_apig_ref, c1, r1), CALLSIGN_OK, what)) {
        apig_texts(g_apig_ref, w);
        snprintf(what, sizeof what, "%s (second form)", why);
        apig_accept(what, c2, r2, w);
    }
}

/*
 * The output rule of callsign_huawei_apig_sign for a request whose texts
 * are want[]: the main output at capacities 0 (out NULL and not),
 * needed - 1, needed, needed + 1 and the MAX_LEN constant, with outputs
 * NULL and with all four optional outputs; each optional output at 0,
 * needed - 1, needed, needed + 1; several too small at once; exactly sized
 * heap buffers; every subset of optional outputs; NULL out with a
 * capacity, NULL out_len, NULL optional buffer with a capacity.
 */
static void apig_output_rule(const char *why, const callsign_apig_credentials *c,
                             const callsign_apig_request *r, const char *const want[AO_N])
{
    apig_shape s;
    size_t needed[AO_N];
    int i, k, with, mask;
    char what[200];

    for (i = 0; i < AO_N; i++) {
        needed[i] = strlen(want[i]) + 1;
    }
    checkf(needed[AO_AUTH] <= CALLSIGN_APIG_AUTHORIZATION_MAX_LEN,
           "%s: authorization of %lu bytes + NUL exceeds CALLSIGN_APIG_AUTHORIZATION_MAX_LEN",
           why, (unsigned long)needed[AO_AUTH] - 1);

    for (with = 0; with < 2; with++) {
        const size_t caps[6] = {0, 0, needed[AO_AUTH] - 1, needed[AO_AUTH], needed[AO_AUTH] + 1,
                                CALLSIGN_APIG_AUTHORIZATION_MAX_LEN};
        for (k = 0; k < 6; k++) {
            shape_all(&s, with, APIG_BIG);
            if (k == 0) {
                s.mode[AO_AUTH] = OM_SKIP;
            }
            s.cap[AO_AUTH] = caps[k];
            snprintf(what, sizeof what, "%s: out %s cap %lu (needed %lu), outputs %s", why,
                     k == 0 ? "NULL" : "buffer", (unsigned long)caps[k],
                     (unsigned long)needed[AO_AUTH], with ? "all four" : "NULL");
            apig_run(what, c, r, &s, want, CALLSIGN_OK);
        }
    }
    for (i = AO_ADDED; i < AO_N; i++) {
        const size_t caps[4] = {0, needed[i] - 1, needed[i], needed[i] + 1};
        for (k = 0; k < 4; k++) {
            shape_all(&s, 1, APIG_BIG);
            s.cap[i] = caps[k];
            snprintf(what, sizeof what, "%s: %s cap %lu (needed %lu)", why, AO_NAME[i],
                     (unsigned long)caps[k], (unsigned long)needed[i]);
            apig_run(what, c, r, &s, want, CALLSIGN_OK);
        }
    }
    shape_all(&s, 1, APIG_BIG);
    for (i = AO_ADDED; i < AO_N; i++) {
        s.cap[i] = needed[i] - 1;
    }
    snprintf(what, sizeof what, "%s: every optional output 1 byte short", why);
    apig_run(what, c, r, &s, want, CALLSIGN_OK);
    s.cap[AO_AUTH] = needed[AO_AUTH] - 1;
    snprintf(what, sizeof what, "%s: every output 1 byte short", why);
    apig_run(what, c, r, &s, want, CALLSIGN_OK);
    shape_all(&s, 1, APIG_BIG);
    s.cap[AO_AUTH] = 0;
    s.cap[AO_CANON] = 0;
    snprintf(what, sizeof what, "%s: out and canonical_request cap 0", why);
    apig_run(what, c, r, &s, want, CALLSIGN_OK);

    shape_all(&s, 1, 0);
    s.exact = 1;
    for (i = 0; i < AO_N; i++) {
        s.cap[i] = needed[i];
    }
    snprintf(what, sizeof what, "%s: exactly sized heap buffers", why);
    apig_run(what, c, r, &s, want, CALLSIGN_OK);

    for (mask = 0; mask < 16; mask++) {
        shape_all(&s, 1, APIG_BIG);
        for (i = AO_ADDED; i < AO_N; i++) {
            if (!(mask & (1 << (i - AO_ADDED)))) {
                s.mode[i] = OM_SKIP;
                s.cap[i] = 0;
            }
        }
        snprintf(what, sizeof what, "%s: optional outputs subset %d", why, mask);
        apig_run(what, c, r, &s, want, CALLSIGN_OK);
    }

    /* NULL out with a capacity. */
    shape_all(&s, 1, APIG_BIG);
    s.mode[AO_AUTH] = OM_SKIP;
    s.out_nullcap = 1;
    s.cap[AO_AUTH] = needed[AO_AUTH];
    snprintf(what, sizeof what, "%s: out NULL with cap %lu", why, (unsigned long)needed[AO_AUTH]);
    apig_run(what, c, r, &s, want, CALLSIGN_NULL_ARGUMENT);

    /* NULL out_len; and each optional output NULL with a capacity. */
    {
        unsigned char main_buf[CALLSIGN_APIG_AUTHORIZATION_MAX_LEN];
        static unsigned char opt_buf[AO_N][APIG_BIG];
        callsign_apig_outputs o;
        size_t len;
        uint32_t rc;
        int j;

        for (k = 0; k < AO_N; k++) { /* k: AO_AUTH = out_len NULL; else that buf NULL */
            memset(main_buf, FILL, sizeof main_buf);
            for (j = AO_ADDED; j < AO_N; j++) {
                memset(opt_buf[j], FILL, APIG_BIG);
                apig_slot(&o, j)->buf = j == k ? NULL : (char *)opt_buf[j];
                apig_slot(&o, j)->cap = APIG_BIG;
                apig_slot(&o, j)->len = SENTINEL;
            }
            len = SENTINEL;
            rc = CS(callsign_huawei_apig_sign(c, r, (char *)main_buf, sizeof main_buf,
                                              k == AO_AUTH ? NULL : &len, &o));
            if (k == AO_AUTH) {
                snprintf(what, sizeof what, "%s: out_len NULL", why);
                check_status(rc, CALLSIGN_NULL_ARGUMENT, what);
            } else {
                /* buf NULL with cap 0 is "not wanted"; NULL with a
                 * capacity is CALLSIGN_NULL_ARGUMENT, as for every output. */
                snprintf(what, sizeof what, "%s: %s buf NULL with cap %d", why, AO_NAME[k],
                         APIG_BIG);
                check_status(rc, CALLSIGN_NULL_ARGUMENT, what);
            }
            checkf(all_bytes(main_buf, sizeof main_buf, FILL), "%s: out written", what);
            for (j = AO_ADDED; j < AO_N; j++) {
                checkf(all_bytes(opt_buf[j], APIG_BIG, FILL), "%s: %s written", what,
                       AO_NAME[j]);
                if (j != k) {
                    checkf(apig_slot(&o, j)->len == SENTINEL, "%s: %s.len set", what,
                           AO_NAME[j]);
                }
            }
            if (k == AO_AUTH) {
                checkf(len == SENTINEL, "%s: len written", what);
            }
        }
    }
}

static void apig_creds_of(const cs_apig_vector *v, callsign_apig_credentials *c)
{
    memset(c, 0, sizeof *c);
    c->app_key = (const uint8_t *)v->app_key;
    c->app_key_len = v->app_key_len;
    c->secret = v->secret;
    c->secret_len = v->secret_len;
    c->algorithm = v->algorithm;
    c->region = (const uint8_t *)v->region;
    c->region_len = v->region_len;
    c->service = (const uint8_t *)v->service;
    c->service_len = v->service_len;
    c->variant = v->variant;
}

static void apig_request_of(const cs_apig_vector *v, callsign_apig_request *r)
{
    memset(r, 0, sizeof *r);
    r->method = (const uint8_t *)v->method;
    r->method_len = v->method_len;
    r->host = (const uint8_t *)v->host;
    r->host_len = v->host_len;
    r->path = (const uint8_t *)v->path;
    r->path_len = v->path_len;
    r->query = v->query;
    r->query_count = v->query_count;
    r->headers = v->headers;
    r->header_count = v->header_count;
    r->body_kind = CALLSIGN_APIG_BODY_BYTES;
    r->body = v->body;
    r->body_len = v->body_len;
    r->date_unix = v->date_unix;
}

/*
 * Hashes data[0..len] with a body hasher for `algorithm` in an exactly
 * sized heap block (filled with garbage first: init overwrites it), in
 * chunks of `chunk` bytes, with an empty update (NULL, 0) after each chunk
 * when `empties`. Writes the digest and its kind; the hasher must be all
 * zero after final. Returns 1 when every call succeeded.
 */
static int apig_hash_body(uint32_t algorithm, const uint8_t *data, size_t len, size_t chunk,
                          int empties, uint8_t digest[CALLSIGN_SHA256_LEN], uint32_t *kind)
{
    callsign_apig_body_hasher *h = (callsign_apig_body_hasher *)malloc(sizeof *h);
    size_t off;
    int ok = 1;
    if (!checkf(h != NULL, "malloc failed")) {
        return 0;
    }
    memset(h, FILL, sizeof *h);
    ok &= check_status(CS(callsign_apig_body_hasher_init(h, algorithm)), CALLSIGN_OK,
                       "callsign_apig_body_hasher_init");
    for (off = 0; off < len; off += chunk) {
        size_t take = len - off < chunk ? len - off : chunk;
        ok &= CS(callsign_apig_body_hasher_update(h, data + off, take)) == CALLSIGN_OK;
        if (empties) {
            ok &= CS(callsign_apig_body_hasher_update(h, NULL, 0)) == CALLSIGN_OK;
        }
    }
    checkf(ok, "callsign_apig_body_hasher_update failed (chunks of %lu)", (unsigned long)chunk);
    memset(digest, FILL, CALLSIGN_SHA256_LEN);
    *kind = UINT32_MAX;
    ok &= check_status(CS(callsign_apig_body_hasher_final(h, digest, kind)), CALLSIGN_OK,
                       "callsign_apig_body_hasher_final");
    ok &= checkf(all_bytes(h, sizeof *h, 0), "body hasher not all zero after final");
    free(h);
    return ok;
}

static uint32_t apig_body_kind_of(uint32_t algorithm)
{
    return algorithm == CALLSIGN_APIG_SDK_HMAC_SM3 ? CALLSIGN_APIG_BODY_SM3
                                                   : CALLSIGN_APIG_BODY_SHA256;
}

static unsigned long n_apig_signed, n_apig_errors, n_apig_bodies, n_apig_unsigned,
    n_apig_dates;

static void test_apig_vectors(void)
{
    size_t i;
    for (i = 0; i < CS_APIG_VECTOR_COUNT; i++) {
        const cs_apig_vector *v = &cs_apig_vectors[i];
        callsign_apig_credentials c, c2;
        callsign_apig_request r, r2;
        apig_shape s;
        const char *want[AO_N];
        const char *want2[AO_N];
        char added[512];
        uint8_t digest[CALLSIGN_SHA256_LEN], sha[CALLSIGN_SHA256_LEN];
        uint32_t kind;
        static const size_t chunks[2] = {1, 7};
        size_t k;

        g_where = v->id;
        apig_creds_of(v, &c);
        apig_request_of(v, &r);

        if (v->status != CALLSIGN_OK) {
            n_apig_errors++;
            apig_reject("error vector", &c, &r, v->status);
            shape_all(&s, 0, APIG_BIG);
            apig_run("error vector, outputs NULL", &c, &r, &s, AO_NONE, v->status);
            if (v->status == CALLSIGN_INVALID_SECRET && v->secret_len == 0) {
                /* The APIG variant accepts the empty secret the core refuses. */
                checkf(v->variant == CALLSIGN_APIG_VARIANT_CORE, "empty secret refused by APIG");
                c2 = c;
                c2.variant = CALLSIGN_APIG_VARIANT_APIG;
                check_status(apig_capture(g_apig_got, &c2, &r), CALLSIGN_OK,
                             "the same with CALLSIGN_APIG_VARIANT_APIG");
                c2 = c;
                c2.secret = &dummy_byte;
                apig_reject("error vector, empty secret non-NULL", &c2, &r, v->status);
            }
            continue;
        }
        n_apig_signed++;
        want[AO_AUTH] = v->authorization;
        want[AO_ADDED] = v->headers_added;
        want[AO_TARGET] = v->request_target;
        want[AO_CANON] = v->canonical_request;
        want[AO_STS] = v->string_to_sign;

        /* All four optional outputs, then outputs NULL. */
        shape_all(&s, 1, APIG_BIG);
        apig_run("all four outputs", &c, &r, &s, want, CALLSIGN_OK);
        shape_all(&s, 0, APIG_BIG);
        apig_run("outputs NULL", &c, &r, &s, want, CALLSIGN_OK);
        apig_output_rule(v->id, &c, &r, want);

        if (v->secret_len == 0) {
            checkf(v->secret == NULL, "an empty secret is not NULL in the vectors header");
            c2 = c;
            c2.secret = &dummy_byte;
            apig_accept("empty secret, non-NULL", &c2, &r, want);
        }

        /* The date: with the X-Sdk-Date header date_unix is not used; without
         * it, date_unix (the same instant) signs the same and the signer adds
         * X-Sdk-Date first among the headers it adds. */
        if (v->date_header >= 0 && checkf(v->header_count <= 32, "too many headers")) {
            callsign_pair hs[32];
            size_t j, n = 0;
            n_apig_dates++;
            r2 = r;
            r2.date_unix = 0;
            apig_accept("date_unix 0 with the X-Sdk-Date header", &c, &r2, want);
            for (j = 0; j < v->header_count; j++) {
                if (j != (size_t)v->date_header) {
                    hs[n++] = v->headers[j];
                }
            }
            r2 = r;
            r2.headers = n > 0 ? hs : NULL;
            r2.header_count = n;
            snprintf(added, sizeof added, "X-Sdk-Date: %s\n%s", v->date, v->headers_added);
            memcpy(want2, want, sizeof want2);
            want2[AO_ADDED] = added;
            apig_accept("X-Sdk-Date header left out, date from date_unix", &c, &r2, want2);
        }

        /* The body through the body hasher, in 1-byte and 7-byte chunks. */
        for (k = 0; k < 2; k++) {
            char what[80];
            if (v->body_len == 0 && k > 0) {
                break;
            }
            n_apig_bodies++;
            if (!apig_hash_body(v->algorithm, v->body, v->body_len, chunks[k], k == 1, digest,
                                &kind)) {
                continue;
            }
            checkf(kind == apig_body_kind_of(v->algorithm), "body hasher kind %lu, want %lu",
                   (unsigned long)kind, (unsigned long)apig_body_kind_of(v->algorithm));
            if (kind == CALLSIGN_APIG_BODY_SHA256) {
                check_status(CS(callsign_sha256(v->body, v->body_len, sha)), CALLSIGN_OK,
                             "callsign_sha256(body)");
                checkf(memcmp(sha, digest, sizeof sha) == 0,
                       "body hasher digest is not the SHA-256 of the body");
            }
            r2 = r;
            r2.body_kind = kind;
            r2.body = digest;
            r2.body_len = sizeof digest;
            snprintf(what, sizeof what, "body from the hasher, chunks of %lu, all outputs",
                     (unsigned long)chunks[k]);
            apig_accept(what, &c, &r2, want);
            shape_all(&s, 0, APIG_BIG);
            snprintf(what, sizeof what, "body from the hasher, chunks of %lu, outputs NULL",
                     (unsigned long)chunks[k]);
            apig_run(what, &c, &r2, &s, want, CALLSIGN_OK);
        }

        /* Where the reference did not hash a non-empty body, an unsigned
         * body signs the same. */
        {
            size_t cl = strlen(v->canonical_request);
            static const char unsigned_line[] = "\nUNSIGNED-PAYLOAD";
            size_t ul = sizeof unsigned_line - 1;
            if (v->body_len > 0 && cl >= ul &&
                strcmp(v->canonical_request + cl - ul, unsigned_line) == 0) {
                n_apig_unsigned++;
                r2 = r;
                r2.body_kind = CALLSIGN_APIG_BODY_UNSIGNED;
                r2.body = NULL;
                r2.body_len = 0;
                apig_accept("CALLSIGN_APIG_BODY_UNSIGNED", &c, &r2, want);
            }
        }
    }
}

/* A valid base request for the argument and error checks. */
static const callsign_pair base_apig_headers[3] = {
    {(const uint8_t *)"Content-Type", 12, (const uint8_t *)"application/json", 16},
    {(const uint8_t *)"X-Sdk-Date", 10, (const uint8_t *)"20240115T083000Z", 16},
    {(const uint8_t *)"X-Custom", 8, (const uint8_t *)" v ", 3},
};
static const callsign_pair base_apig_query[2] = {
    {(const uint8_t *)"a", 1, (const uint8_t *)"1 2", 3},
    {(const uint8_t *)"b", 1, (const uint8_t *)"", 0},
};
static const uint8_t base_apig_body[2] = {'{', '}'};

static void apig_base(callsign_apig_credentials *c, callsign_apig_request *r)
{
    memset(c, 0, sizeof *c);
    c->app_key = (const uint8_t *)"AK";
    c->app_key_len = 2;
    c->secret = (const uint8_t *)"S\0K";
    c->secret_len = 3;
    c->algorithm = CALLSIGN_APIG_SDK_HMAC_SHA256;
    c->variant = CALLSIGN_APIG_VARIANT_CORE;
    memset(r, 0, sizeof *r);
    r->method = (const uint8_t *)"POST";
    r->method_len = 4;
    r->host = (const uint8_t *)"example.com";
    r->host_len = 11;
    r->path = (const uint8_t *)"/v1/x";
    r->path_len = 5;
    r->query = base_apig_query;
    r->query_count = 2;
    r->headers = base_apig_headers;
    r->header_count = 3;
    r->body_kind = CALLSIGN_APIG_BODY_BYTES;
    r->body = base_apig_body;
    r->body_len = sizeof base_apig_body;
    r->date_unix = UINT64_C(1705307400);
}

static void apig_v11(callsign_apig_credentials *c)
{
    c->algorithm = CALLSIGN_APIG_V11_HMAC_SHA256;
    c->region = (const uint8_t *)"cn-north-4";
    c->region_len = 10;
    c->service = (const uint8_t *)"ecs";
    c->service_len = 3;
}

/* The base request with headers[0..n] = (name, value) of one bad header
 * after the base ones. */
static void apig_with_header(callsign_apig_request *r, callsign_pair *hs, const char *name,
                             size_t name_len, const char *value, size_t value_len)
{
    memcpy(hs, base_apig_headers, sizeof base_apig_headers);
    hs[3].name = (const uint8_t *)name;
    hs[3].name_len = name_len;
    hs[3].value = (const uint8_t *)value;
    hs[3].value_len = value_len;
    r->headers = hs;
    r->header_count = 4;
}

static void test_apig_arguments(void)
{
    callsign_apig_credentials c, c0;
    callsign_apig_request r, r0;
    callsign_pair hs[8], qs[4];
    static const callsign_pair no_pairs[1] = {{NULL, 0, NULL, 0}};
    static const uint8_t zero32[32] = {0};
    static uint8_t long_secret[1025];
    const char *want[AO_N];
    size_t len;
    uint32_t rc;

    g_where = "callsign_huawei_apig_sign base";
    apig_base(&c0, &r0);
    rc = apig_capture(g_apig_ref, &c0, &r0);
    if (!check_status(rc, CALLSIGN_OK, "base request")) {
        return;
    }
    apig_texts(g_apig_ref, want);
    checkf(strstr(want[AO_CANON], "\nx-custom:v\n") != NULL, "header value not trimmed: %s",
           want[AO_CANON]);
    checkf(strcmp(want[AO_TARGET], "/v1/x?a=1%202&b=") == 0, "request target %s",
           want[AO_TARGET]);
    checkf(strcmp(want[AO_ADDED], "Host: example.com\n") == 0, "headers added %s",
           want[AO_ADDED]);
    apig_output_rule("base", &c0, &r0, want);

    /* NULL arguments. */
    g_where = "callsign_huawei_apig_sign NULL arguments";
    apig_reject("credentials NULL", NULL, &r0, CALLSIGN_NULL_ARGUMENT);
    apig_reject("request NULL", &c0, NULL, CALLSIGN_NULL_ARGUMENT);
    apig_reject("credentials and request NULL", NULL, NULL, CALLSIGN_NULL_ARGUMENT);
    len = SENTINEL;
    check_status(CS(callsign_huawei_apig_sign(&c0, &r0, NULL, 0, NULL, NULL)),
                 CALLSIGN_NULL_ARGUMENT, "out NULL, cap 0, out_len NULL");
    check_status(CS(callsign_huawei_apig_sign(NULL, NULL, NULL, 0, &len, NULL)),
                 CALLSIGN_NULL_ARGUMENT, "everything NULL");
    checkf(len == SENTINEL, "*out_len written on CALLSIGN_NULL_ARGUMENT");
    c = c0;
    c.app_key = NULL;
    apig_reject("app_key NULL, length 2", &c, &r0, CALLSIGN_NULL_ARGUMENT);
    c = c0;
    c.secret = NULL;
    apig_reject("secret NULL, length 3", &c, &r0, CALLSIGN_NULL_ARGUMENT);
    c = c0;
    apig_v11(&c);
    c.region = NULL;
    apig_reject("V11 region NULL, length 10", &c, &r0, CALLSIGN_NULL_ARGUMENT);
    c = c0;
    apig_v11(&c);
    c.service = NULL;
    apig_reject("V11 service NULL, length 3", &c, &r0, CALLSIGN_NULL_ARGUMENT);
    r = r0;
    r.method = NULL;
    apig_reject("method NULL, length 4", &c0, &r, CALLSIGN_NULL_ARGUMENT);
    r = r0;
    r.host = NULL;
    apig_reject("host NULL, length 11", &c0, &r, CALLSIGN_NULL_ARGUMENT);
    r = r0;
    r.path = NULL;
    apig_reject("path NULL, length 5", &c0, &r, CALLSIGN_NULL_ARGUMENT);
    r = r0;
    r.query = NULL;
    apig_reject("query NULL, count 2", &c0, &r, CALLSIGN_NULL_ARGUMENT);
    r = r0;
    r.headers = NULL;
    apig_reject("headers NULL, count 3", &c0, &r, CALLSIGN_NULL_ARGUMENT);
    r = r0;
    apig_with_header(&r, hs, NULL, 3, "v", 1);
    apig_reject("header name NULL, length 3", &c0, &r, CALLSIGN_NULL_ARGUMENT);
    apig_with_header(&r, hs, "X-A", 3, NULL, 1);
    apig_reject("header value NULL, length 1", &c0, &r, CALLSIGN_NULL_ARGUMENT);
    memcpy(qs, base_apig_query, sizeof base_apig_query);
    r = r0;
    r.query = qs;
    qs[1].name = NULL;
    apig_reject("query name NULL, length 1", &c0, &r, CALLSIGN_NULL_ARGUMENT);
    memcpy(qs, base_apig_query, sizeof base_apig_query);
    qs[0].value = NULL;
    apig_reject("query value NULL, length 3", &c0, &r, CALLSIGN_NULL_ARGUMENT);
    r = r0;
    r.body = NULL;
    apig_reject("body NULL, length 2", &c0, &r, CALLSIGN_NULL_ARGUMENT);
    r.body_kind = CALLSIGN_APIG_BODY_SHA256;
    r.body_len = 32;
    apig_reject("SHA-256 body digest NULL, length 32", &c0, &r, CALLSIGN_NULL_ARGUMENT);

    /* NULL with length 0 is empty, like a non-NULL pointer with length 0. */
    g_where = "callsign_huawei_apig_sign empty inputs";
    {
        callsign_apig_request ra = r0, rb = r0;
        callsign_apig_credentials ca = c0, cb = c0;
        ra.query = NULL;
        ra.query_count = 0;
        rb.query = no_pairs;
        rb.query_count = 0;
        apig_same("no query: NULL and non-NULL", &c0, &ra, &c0, &rb);
        ra = r0;
        rb = r0;
        ra.headers = NULL;
        ra.header_count = 0;
        rb.headers = no_pairs;
        rb.header_count = 0;
        apig_same("no headers: NULL and non-NULL", &c0, &ra, &c0, &rb);
        ra = r0;
        rb = r0;
        ra.body = NULL;
        ra.body_len = 0;
        rb.body = &dummy_byte;
        rb.body_len = 0;
        apig_same("empty body: NULL and non-NULL", &c0, &ra, &c0, &rb);
        ra = r0;
        rb = r0;
        memcpy(hs, base_apig_headers, sizeof base_apig_headers);
        memcpy(hs + 4, base_apig_headers, sizeof base_apig_headers);
        hs[2].value = NULL;
        hs[2].value_len = 0;
        hs[6].value = &dummy_byte;
        hs[6].value_len = 0;
        ra.headers = hs;
        rb.headers = hs + 4;
        apig_same("empty header value: NULL and non-NULL", &c0, &ra, &c0, &rb);
        ca.variant = CALLSIGN_APIG_VARIANT_APIG;
        cb.variant = CALLSIGN_APIG_VARIANT_APIG;
        ca.secret = NULL;
        ca.secret_len = 0;
        cb.secret = &dummy_byte;
        cb.secret_len = 0;
        apig_same("empty secret (APIG variant): NULL and non-NULL", &ca, &r0, &cb, &r0);
        ca.variant = CALLSIGN_APIG_VARIANT_CORE;
        cb.variant = CALLSIGN_APIG_VARIANT_CORE;
        apig_reject("empty secret NULL (core variant)", &ca, &r0, CALLSIGN_INVALID_SECRET);
        apig_reject("empty secret non-NULL (core variant)", &cb, &r0, CALLSIGN_INVALID_SECRET);
        ca.algorithm = CALLSIGN_APIG_SDK_HMAC_SM3;
        apig_reject("empty secret (SM3, core variant)", &ca, &r0, CALLSIGN_INVALID_SECRET);
        apig_v11(&ca);
        apig_reject("empty secret (V11, core variant)", &ca, &r0, CALLSIGN_INVALID_SECRET);
    }

    /* Counts. */
    g_where = "callsign_huawei_apig_sign counts";
    {
        static char names[70][72];
        static callsign_pair many[70];
        static callsign_pair q[65];
        static char qnames[65][8];
        size_t i;
        for (i = 0; i < 70; i++) {
            snprintf(names[i], sizeof names[i], "X-H%lu", (unsigned long)i);
            many[i].name = (const uint8_t *)names[i];
            many[i].name_len = strlen(names[i]);
            many[i].value = (const uint8_t *)"v";
            many[i].value_len = 1;
        }
        r = r0;
        r.headers = many;
        r.header_count = 33;
        apig_reject("33 headers", &c0, &r, CALLSIGN_TOO_MANY_ITEMS);
        r.header_count = 31; /* + X-Sdk-Date + Host added = 33 */
        apig_reject("31 headers + 2 added", &c0, &r, CALLSIGN_TOO_MANY_ITEMS);
        r.header_count = 30; /* + 2 added = 32 */
        check_status(apig_capture(g_apig_got, &c0, &r), CALLSIGN_OK, "30 headers + 2 added");
        checkf(strcmp(g_apig_got[AO_ADDED], "X-Sdk-Date: 20240115T083000Z\nHost: example.com\n") ==
                   0,
               "30 headers: headers added \"%s\"", g_apig_got[AO_ADDED]);
        r.header_count = 69;
        apig_reject("69 headers", &c0, &r, CALLSIGN_TOO_MANY_ITEMS);
        /* 32 with X-Sdk-Date and Host among them: nothing added. */
        many[30].name = (const uint8_t *)"x-sdk-date";
        many[30].name_len = 10;
        many[30].value = (const uint8_t *)"20240115T083000Z";
        many[30].value_len = 16;
        many[31].name = (const uint8_t *)"HOST";
        many[31].name_len = 4;
        many[31].value = (const uint8_t *)"example.com";
        many[31].value_len = 11;
        r.header_count = 32;
        check_status(apig_capture(g_apig_got, &c0, &r), CALLSIGN_OK,
                     "32 headers with X-Sdk-Date and Host");
        checkf(g_apig_got[AO_ADDED][0] == '\0', "32 headers: headers added \"%s\"",
               g_apig_got[AO_ADDED]);
        r.header_count = 33;
        apig_reject("33 headers with X-Sdk-Date and Host", &c0, &r, CALLSIGN_TOO_MANY_ITEMS);

        for (i = 0; i < 65; i++) {
            snprintf(qnames[i], sizeof qnames[i], "k%lu", (unsigned long)i);
            q[i].name = (const uint8_t *)qnames[i];
            q[i].name_len = strlen(qnames[i]);
            q[i].value = (const uint8_t *)qnames[i];
            q[i].value_len = strlen(qnames[i]);
        }
        r = r0;
        r.query = q;
        r.query_count = 64;
        check_status(apig_capture(g_apig_got, &c0, &r), CALLSIGN_OK, "64 query pairs");
        r.query_count = 65;
        apig_reject("65 query pairs", &c0, &r, CALLSIGN_TOO_MANY_ITEMS);

        /* The longest Authorization: V11, an app key of 128 bytes, region
         * and service of 64, 30 header names of 64 + X-Sdk-Date + Host. */
        {
            static char ak[129], region[65], service[65];
            const char *w[AO_N];
            size_t want_len = CALLSIGN_APIG_AUTHORIZATION_MAX_LEN - 1 - (64 - 4) - (64 - 10);
            for (i = 0; i < 30; i++) {
                snprintf(names[i], sizeof names[i], "%064lu", (unsigned long)i);
                many[i].name = (const uint8_t *)names[i];
                many[i].name_len = 64;
            }
            memset(ak, 'K', 128);
            memset(region, 'r', 64);
            memset(service, 's', 64);
            c = c0;
            c.app_key = (const uint8_t *)ak;
            c.app_key_len = 128;
            apig_v11(&c);
            c.region = (const uint8_t *)region;
            c.region_len = 64;
            c.service = (const uint8_t *)service;
            c.service_len = 64;
            c.variant = CALLSIGN_APIG_VARIANT_APIG;
            r = r0;
            r.headers = many;
            r.header_count = 32;
            if (check_status(apig_capture(g_apig_ref, &c, &r), CALLSIGN_OK,
                             "longest Authorization")) {
                checkf(strlen(g_apig_ref[AO_AUTH]) == want_len,
                       "longest Authorization is %lu bytes, want %lu (MAX_LEN %lu)",
                       (unsigned long)strlen(g_apig_ref[AO_AUTH]), (unsigned long)want_len,
                       (unsigned long)CALLSIGN_APIG_AUTHORIZATION_MAX_LEN);
                apig_texts(g_apig_ref, w);
                apig_output_rule("longest Authorization", &c, &r, w);
            }
            c.app_key_len = 129;
            apig_reject("app key of 129 bytes", &c, &r, CALLSIGN_INVALID_APP_KEY);
        }
    }

    /* Header errors. */
    g_where = "callsign_huawei_apig_sign header errors";
    {
        static const char *const bad_names[] = {"X Space", "X:Colon", "X\177", "Caf\303\251",
                                                "(x)", "X/Y"};
        static char long_name[66];
        size_t i;
        r = r0;
        for (i = 0; i < sizeof bad_names / sizeof bad_names[0]; i++) {
            apig_with_header(&r, hs, bad_names[i], strlen(bad_names[i]), "v", 1);
            apig_reject("bad header name", &c0, &r, CALLSIGN_INVALID_HEADER);
        }
        apig_with_header(&r, hs, NULL, 0, "v", 1);
        apig_reject("empty header name (NULL)", &c0, &r, CALLSIGN_INVALID_HEADER);
        apig_with_header(&r, hs, "", 0, "v", 1);
        apig_reject("empty header name", &c0, &r, CALLSIGN_INVALID_HEADER);
        memset(long_name, 'X', 65);
        apig_with_header(&r, hs, long_name, 65, "v", 1);
        apig_reject("header name of 65 bytes", &c0, &r, CALLSIGN_INVALID_HEADER);
        apig_with_header(&r, hs, long_name, 64, "v", 1);
        check_status(apig_capture(g_apig_got, &c0, &r), CALLSIGN_OK, "header name of 64 bytes");
        apig_with_header(&r, hs, "X-A", 3, "a\r\nb", 4);
        apig_reject("header value with CR LF", &c0, &r, CALLSIGN_INVALID_HEADER);
        apig_with_header(&r, hs, "X-A", 3, "a\nb", 3);
        apig_reject("header value with LF", &c0, &r, CALLSIGN_INVALID_HEADER);
        apig_with_header(&r, hs, "X-A", 3, "a\0b", 3);
        apig_reject("header value with NUL", &c0, &r, CALLSIGN_INVALID_HEADER);
        apig_with_header(&r, hs, "X-A", 3, "a\377b", 3);
        apig_reject("header value not UTF-8", &c0, &r, CALLSIGN_INVALID_UTF8);
        apig_with_header(&r, hs, "X-\377", 3, "v", 1);
        apig_reject("header name not UTF-8", &c0, &r, CALLSIGN_INVALID_UTF8);
        apig_with_header(&r, hs, "x-custom", 8, "w", 1);
        apig_reject("X-Custom and x-custom", &c0, &r, CALLSIGN_DUPLICATE_HEADER);
        apig_with_header(&r, hs, "CONTENT-TYPE", 12, "text/plain", 10);
        apig_reject("Content-Type and CONTENT-TYPE", &c0, &r, CALLSIGN_DUPLICATE_HEADER);
        apig_with_header(&r, hs, "x-sdk-DATE", 10, "20240115T083000Z", 16);
        apig_reject("X-Sdk-Date twice", &c0, &r, CALLSIGN_DUPLICATE_HEADER);
        hs[0].name = (const uint8_t *)"Host";
        hs[0].name_len = 4;
        hs[3].name = (const uint8_t *)"host";
        hs[3].name_len = 4;
        apig_reject("Host and host", &c0, &r, CALLSIGN_DUPLICATE_HEADER);
        apig_with_header(&r, hs, "X_A", 3, "v", 1);
        hs[2].name = (const uint8_t *)"x_a";
        hs[2].name_len = 3;
        apig_reject("X_A and x_a (not signed under core)", &c0, &r, CALLSIGN_DUPLICATE_HEADER);
        apig_with_header(&r, hs, "X-Sdk-Content-Sha256", 20, " ", 1);
        r.body_kind = CALLSIGN_APIG_BODY_UNSIGNED;
        apig_reject("empty payload header with an unsigned body (core)", &c0, &r,
                    CALLSIGN_INVALID_HEADER);
        r = r0;
        memcpy(hs, base_apig_headers, sizeof base_apig_headers);
        r.headers = hs;
        hs[1].value = (const uint8_t *)"2024-01-15T08:30:00Z";
        hs[1].value_len = 20;
        apig_reject("X-Sdk-Date not YYYYMMDDTHHMMSSZ", &c0, &r, CALLSIGN_INVALID_TIMESTAMP);
        hs[1].value = (const uint8_t *)"20240115T083000";
        hs[1].value_len = 15;
        apig_reject("X-Sdk-Date without Z", &c0, &r, CALLSIGN_INVALID_TIMESTAMP);
        r = r0;
        r.headers = base_apig_headers + 2; /* X-Custom only: the date is date_unix */
        r.header_count = 1;
        r.date_unix = UINT64_C(253402300800);
        apig_reject("date_unix after 9999", &c0, &r, CALLSIGN_TIMESTAMP_OUT_OF_RANGE);
        r.date_unix = UINT64_MAX;
        apig_reject("date_unix UINT64_MAX", &c0, &r, CALLSIGN_TIMESTAMP_OUT_OF_RANGE);
        r.date_unix = UINT64_C(253402300799);
        check_status(apig_capture(g_apig_got, &c0, &r), CALLSIGN_OK, "date_unix 9999-12-31");
        checkf(strncmp(g_apig_got[AO_ADDED], "X-Sdk-Date: 99991231T235959Z\n", 29) == 0,
               "date_unix 9999-12-31: headers added \"%s\"", g_apig_got[AO_ADDED]);
    }

    /* Request and credential errors. */
    g_where = "callsign_huawei_apig_sign request errors";
    {
        static const char *const bad_methods[] = {"GE T", "GET\n", "G(T", "G\303\211T"};
        static const char *const bad_paths[] = {"v1/x", "/v1?x", "/v1#x", "/a\tb", " /"};
        static const char *const bad_hosts[] = {"exa mple.com", "example.com/x", "a@b", "a\\b"};
        static const char *const bad_keys[] = {"A K", "AK,", "\"AK", "AK/1", "\303\251"};
        size_t i;
        for (i = 0; i < sizeof bad_methods / sizeof bad_methods[0]; i++) {
            r = r0;
            r.method = (const uint8_t *)bad_methods[i];
            r.method_len = strlen(bad_methods[i]);
            apig_reject("bad method", &c0, &r, CALLSIGN_INVALID_REQUEST);
        }
        r = r0;
        r.method = NULL;
        r.method_len = 0;
        apig_reject("empty method", &c0, &r, CALLSIGN_INVALID_REQUEST);
        check_status(apig_capture(g_apig_ref, &c0, &r0), CALLSIGN_OK, "base request");
        apig_texts(g_apig_ref, want);
        r.method = (const uint8_t *)"\377";
        r.method_len = 1;
        apig_reject("method not UTF-8", &c0, &r, CALLSIGN_INVALID_UTF8);
        r.method = (const uint8_t *)"post"; /* any case: upper-cased when signed */
        r.method_len = 4;
        apig_accept("method post", &c0, &r, want);
        for (i = 0; i < sizeof bad_paths / sizeof bad_paths[0]; i++) {
            r = r0;
            r.path = (const uint8_t *)bad_paths[i];
            r.path_len = strlen(bad_paths[i]);
            apig_reject("bad path", &c0, &r, CALLSIGN_INVALID_REQUEST);
        }
        r = r0;
        r.path = (const uint8_t *)"";
        r.path_len = 0;
        apig_reject("empty path", &c0, &r, CALLSIGN_INVALID_REQUEST);
        r.path = (const uint8_t *)"/ok/%FF";
        r.path_len = 7;
        apig_reject("path decoding to non-UTF-8", &c0, &r, CALLSIGN_INVALID_UTF8);
        r.path = (const uint8_t *)"/a\0b";
        r.path_len = 4;
        apig_reject("path with NUL", &c0, &r, CALLSIGN_INVALID_REQUEST);
        for (i = 0; i < sizeof bad_hosts / sizeof bad_hosts[0]; i++) {
            r = r0;
            r.host = (const uint8_t *)bad_hosts[i];
            r.host_len = strlen(bad_hosts[i]);
            apig_reject("bad host", &c0, &r, CALLSIGN_INVALID_REQUEST);
        }
        r = r0;
        r.host_len = 0;
        apig_reject("empty host", &c0, &r, CALLSIGN_INVALID_REQUEST);
        for (i = 0; i < sizeof bad_keys / sizeof bad_keys[0]; i++) {
            c = c0;
            c.app_key = (const uint8_t *)bad_keys[i];
            c.app_key_len = strlen(bad_keys[i]);
            apig_reject("bad app key", &c, &r0, CALLSIGN_INVALID_APP_KEY);
        }
        c = c0;
        c.app_key_len = 0;
        apig_reject("empty app key", &c, &r0, CALLSIGN_INVALID_APP_KEY);
        c.app_key = (const uint8_t *)"\377K";
        c.app_key_len = 2;
        apig_reject("app key not UTF-8", &c, &r0, CALLSIGN_INVALID_UTF8);
        memset(long_secret, 's', sizeof long_secret);
        c = c0;
        c.secret = long_secret;
        c.secret_len = 1025;
        apig_reject("secret of 1025 bytes", &c, &r0, CALLSIGN_INVALID_SECRET);
        c.variant = CALLSIGN_APIG_VARIANT_APIG;
        apig_reject("secret of 1025 bytes (APIG variant)", &c, &r0, CALLSIGN_INVALID_SECRET);
        c.secret_len = 1024;
        check_status(apig_capture(g_apig_got, &c, &r0), CALLSIGN_OK, "secret of 1024 bytes");
        c = c0;
        apig_v11(&c);
        check_status(apig_capture(g_apig_got, &c, &r0), CALLSIGN_OK, "V11");
        checkf(strncmp(g_apig_got[AO_AUTH], "V11-HMAC-SHA256 Credential=AK/20240115/cn-north-4/ecs, ",
                       55) == 0,
               "V11 authorization \"%s\"", g_apig_got[AO_AUTH]);
        c.region_len = 0;
        apig_reject("V11 empty region", &c, &r0, CALLSIGN_INVALID_REQUEST);
        c.region = (const uint8_t *)"cn/north";
        c.region_len = 8;
        apig_reject("V11 region with /", &c, &r0, CALLSIGN_INVALID_REQUEST);
        c = c0;
        apig_v11(&c);
        c.service = (const uint8_t *)"e cs";
        c.service_len = 4;
        apig_reject("V11 service with a space", &c, &r0, CALLSIGN_INVALID_REQUEST);
        c.service = NULL;
        c.service_len = 0;
        apig_reject("V11 empty service", &c, &r0, CALLSIGN_INVALID_REQUEST);
    }

    /* Unknown constants and digest bodies. */
    g_where = "callsign_huawei_apig_sign constants and digests";
    {
        static const uint32_t bad_algorithms[] = {3, 4, 0x80000000u, UINT32_MAX};
        static const uint32_t bad_variants[] = {2, 3, UINT32_MAX};
        static const uint32_t bad_kinds[] = {4, 5, UINT32_MAX};
        static const size_t bad_lens[] = {0, 1, 31, 33, 64};
        uint8_t digest64[64];
        size_t i;
        memset(digest64, 0x11, sizeof digest64);
        for (i = 0; i < sizeof bad_algorithms / sizeof bad_algorithms[0]; i++) {
            c = c0;
            c.algorithm = bad_algorithms[i];
            apig_reject("unknown algorithm", &c, &r0, CALLSIGN_INVALID_ARGUMENT);
        }
        for (i = 0; i < sizeof bad_variants / sizeof bad_variants[0]; i++) {
            c = c0;
            c.variant = bad_variants[i];
            apig_reject("unknown variant", &c, &r0, CALLSIGN_INVALID_ARGUMENT);
        }
        for (i = 0; i < sizeof bad_kinds / sizeof bad_kinds[0]; i++) {
            r = r0;
            r.body_kind = bad_kinds[i];
            apig_reject("unknown body_kind", &c0, &r, CALLSIGN_INVALID_ARGUMENT);
        }
        for (i = 0; i < sizeof bad_lens / sizeof bad_lens[0]; i++) {
            r = r0;
            r.body = digest64;
            r.body_len = bad_lens[i];
            r.body_kind = CALLSIGN_APIG_BODY_SHA256;
            apig_reject("SHA-256 digest body of a length other than 32", &c0, &r,
                        CALLSIGN_INVALID_ARGUMENT);
            c = c0;
            c.algorithm = CALLSIGN_APIG_SDK_HMAC_SM3;
            r.body_kind = CALLSIGN_APIG_BODY_SM3;
            apig_reject("SM3 digest body of a length other than 32", &c, &r,
                        CALLSIGN_INVALID_ARGUMENT);
        }
        r = r0;
        r.body = digest64;
        r.body_len = 32;
        r.body_kind = CALLSIGN_APIG_BODY_SHA256;
        c = c0;
        c.algorithm = CALLSIGN_APIG_SDK_HMAC_SM3;
        apig_reject("SHA-256 digest with SDK-HMAC-SM3", &c, &r, CALLSIGN_BODY_DIGEST_MISMATCH);
        r.body_kind = CALLSIGN_APIG_BODY_SM3;
        apig_reject("SM3 digest with SDK-HMAC-SHA256", &c0, &r, CALLSIGN_BODY_DIGEST_MISMATCH);
        c = c0;
        apig_v11(&c);
        apig_reject("SM3 digest with V11-HMAC-SHA256", &c, &r, CALLSIGN_BODY_DIGEST_MISMATCH);
        r.body = zero32;
        r.body_kind = CALLSIGN_APIG_BODY_SHA256;
        check_status(apig_capture(g_apig_got, &c0, &r), CALLSIGN_OK, "SHA-256 digest body");
        checkf(strstr(g_apig_got[AO_CANON],
                      "\n0000000000000000000000000000000000000000000000000000000000000000") != NULL,
               "the digest is not the payload hash: %s", g_apig_got[AO_CANON]);
        /* An unsigned body: body and body_len are ignored. */
        r = r0;
        r.body_kind = CALLSIGN_APIG_BODY_UNSIGNED;
        r.body = NULL;
        r.body_len = 0;
        check_status(apig_capture(g_apig_ref, &c0, &r), CALLSIGN_OK, "unsigned body");
        checkf(strstr(g_apig_ref[AO_ADDED], "X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD\n") != NULL,
               "unsigned body: headers added \"%s\"", g_apig_ref[AO_ADDED]);
        r.body = base_apig_body;
        r.body_len = sizeof base_apig_body;
        apig_texts(g_apig_ref, want);
        apig_accept("unsigned body with body bytes", &c0, &r, want);
        c = c0;
        c.algorithm = CALLSIGN_APIG_SDK_HMAC_SM3;
        check_status(apig_capture(g_apig_got, &c, &r), CALLSIGN_OK, "unsigned body, SM3");
        checkf(strstr(g_apig_got[AO_ADDED], "X-Sdk-Content-Sm3: UNSIGNED-PAYLOAD\n") != NULL,
               "unsigned body, SM3: headers added \"%s\"", g_apig_got[AO_ADDED]);
    }
}

/* xorshift64 bytes. */
static void fill_pseudo_random(uint8_t *p, size_t n, uint64_t seed)
{
    size_t i;
    for (i = 0; i < n; i++) {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        p[i] = (uint8_t)(seed >> 24);
    }
}

static void test_apig_body_hasher(void)
{
    callsign_apig_body_hasher h, zero_h;
    callsign_sha256_ctx sctx;
    uint8_t out[CALLSIGN_SHA256_LEN + TAIL];
    uint8_t digest[CALLSIGN_SHA256_LEN];
    char hex[2 * CALLSIGN_SHA256_LEN + 1];
    const uint8_t abc[3] = {'a', 'b', 'c'};
    uint32_t kind;
    size_t i;
    static const struct {
        uint32_t algorithm;
        uint32_t kind;
        const char *empty_hex;
        const char *abc_hex;
    } known[3] = {
        {CALLSIGN_APIG_SDK_HMAC_SHA256, CALLSIGN_APIG_BODY_SHA256,
         "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
         "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
        {CALLSIGN_APIG_SDK_HMAC_SM3, CALLSIGN_APIG_BODY_SM3,
         "1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b",
         "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"},
        {CALLSIGN_APIG_V11_HMAC_SHA256, CALLSIGN_APIG_BODY_SHA256,
         "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
         "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
    };

    g_where = "callsign_apig_body_hasher";

    /* Known answers: SHA-256 and SM3 (GB/T 32905 example 1) of "" and "abc". */
    for (i = 0; i < 3; i++) {
        if (apig_hash_body(known[i].algorithm, NULL, 0, 1, 0, digest, &kind)) {
            to_hex(digest, sizeof digest, hex);
            checkf(kind == known[i].kind && strcmp(hex, known[i].empty_hex) == 0,
                   "algorithm %lu, empty body: kind %lu, %s", (unsigned long)known[i].algorithm,
                   (unsigned long)kind, hex);
        }
        if (apig_hash_body(known[i].algorithm, abc, 3, 2, 1, digest, &kind)) {
            to_hex(digest, sizeof digest, hex);
            checkf(kind == known[i].kind && strcmp(hex, known[i].abc_hex) == 0,
                   "algorithm %lu, \"abc\": kind %lu, %s", (unsigned long)known[i].algorithm,
                   (unsigned long)kind, hex);
        }
    }

    /* init. */
    check_status(CS(callsign_apig_body_hasher_init(NULL, CALLSIGN_APIG_SDK_HMAC_SHA256)),
                 CALLSIGN_NULL_ARGUMENT, "init(NULL)");
    memset(&h, FILL, sizeof h);
    check_status(CS(callsign_apig_body_hasher_init(&h, 3)), CALLSIGN_INVALID_ARGUMENT,
                 "init(algorithm 3)");
    check_status(CS(callsign_apig_body_hasher_init(&h, UINT32_MAX)), CALLSIGN_INVALID_ARGUMENT,
                 "init(algorithm UINT32_MAX)");
    checkf(all_bytes(&h, sizeof h, FILL), "storage written by a failed init");
    check_status(CS(callsign_apig_body_hasher_update(&h, abc, 3)), CALLSIGN_NOT_INITIALIZED,
                 "update(never initialised: garbage)");

    /* NULL arguments; failed calls leave the hasher usable. */
    check_status(CS(callsign_apig_body_hasher_init(&h, CALLSIGN_APIG_SDK_HMAC_SHA256)),
                 CALLSIGN_OK, "init over garbage");
    check_status(CS(callsign_apig_body_hasher_update(NULL, abc, 3)), CALLSIGN_NULL_ARGUMENT,
                 "update(hasher NULL)");
    check_status(CS(callsign_apig_body_hasher_update(&h, NULL, 3)), CALLSIGN_NULL_ARGUMENT,
                 "update(data NULL, len 3)");
    check_status(CS(callsign_apig_body_hasher_update(&h, NULL, 0)), CALLSIGN_OK,
                 "update(NULL, 0)");
    check_status(CS(callsign_apig_body_hasher_update(&h, abc, 3)), CALLSIGN_OK, "update");
    memset(out, FILL, sizeof out);
    kind = 77;
    check_status(CS(callsign_apig_body_hasher_final(NULL, out, &kind)), CALLSIGN_NULL_ARGUMENT,
                 "final(hasher NULL)");
    check_status(CS(callsign_apig_body_hasher_final(&h, NULL, &kind)), CALLSIGN_NULL_ARGUMENT,
                 "final(out NULL)");
    check_status(CS(callsign_apig_body_hasher_final(&h, out, NULL)), CALLSIGN_NULL_ARGUMENT,
                 "final(body_kind NULL)");
    checkf(all_bytes(out, sizeof out, FILL) && kind == 77, "written by a failed final");
    check_status(CS(callsign_apig_body_hasher_final(&h, out, &kind)), CALLSIGN_OK,
                 "final after failed finals");
    to_hex(out, CALLSIGN_SHA256_LEN, hex);
    checkf(kind == CALLSIGN_APIG_BODY_SHA256 && strcmp(hex, known[0].abc_hex) == 0,
           "failed calls changed the digest: kind %lu, %s", (unsigned long)kind, hex);
    checkf(all_bytes(out + CALLSIGN_SHA256_LEN, TAIL, FILL), "final wrote past 32 bytes");
    checkf(all_bytes(&h, sizeof h, 0), "hasher not zero after final");

    /* Used after final, zeroed, wiped, or holding another state's bytes. */
    memset(out, FILL, sizeof out);
    kind = 77;
    check_status(CS(callsign_apig_body_hasher_update(&h, abc, 3)), CALLSIGN_NOT_INITIALIZED,
                 "update after final");
    check_status(CS(callsign_apig_body_hasher_final(&h, out, &kind)), CALLSIGN_NOT_INITIALIZED,
                 "final after final");
    memset(&zero_h, 0, sizeof zero_h);
    check_status(CS(callsign_apig_body_hasher_update(&zero_h, abc, 3)), CALLSIGN_NOT_INITIALIZED,
                 "update(zeroed hasher)");
    check_status(CS(callsign_apig_body_hasher_final(&zero_h, out, &kind)),
                 CALLSIGN_NOT_INITIALIZED, "final(zeroed hasher)");
    check_status(CS(callsign_apig_body_hasher_init(&h, CALLSIGN_APIG_SDK_HMAC_SM3)), CALLSIGN_OK,
                 "init SM3");
    check_status(CS(callsign_apig_body_hasher_update(&h, abc, 3)), CALLSIGN_OK, "update SM3");
    CS_VOID(callsign_apig_body_hasher_wipe(&h));
    checkf(all_bytes(&h, sizeof h, 0), "hasher not zero after wipe");
    check_status(CS(callsign_apig_body_hasher_update(&h, abc, 3)), CALLSIGN_NOT_INITIALIZED,
                 "update after wipe");
    check_status(CS(callsign_apig_body_hasher_final(&h, out, &kind)), CALLSIGN_NOT_INITIALIZED,
                 "final after wipe");
    checkf(all_bytes(out, sizeof out, FILL) && kind == 77, "written by a refused final");
    CS_VOID(callsign_apig_body_hasher_wipe(&h)); /* twice is fine */
    memset(&h, FILL, sizeof h);
    CS_VOID(callsign_apig_body_hasher_wipe(&h)); /* never initialised: zeroed */
    checkf(all_bytes(&h, sizeof h, 0), "garbage hasher not zeroed by wipe");
    CS_VOID(callsign_apig_body_hasher_wipe(NULL));
    checkf(1, "callsign_apig_body_hasher_wipe(NULL)");
    memset(&sctx, 0, sizeof sctx);
    check_status(CS(callsign_sha256_init(&sctx)), CALLSIGN_OK, "sha256 init");
    memset(&h, 0, sizeof h);
    memcpy(&h, &sctx, sizeof sctx < sizeof h ? sizeof sctx : sizeof h);
    check_status(CS(callsign_apig_body_hasher_update(&h, abc, 3)), CALLSIGN_NOT_INITIALIZED,
                 "update(a SHA-256 context's bytes)");
    CS_VOID(callsign_sha256_wipe(&sctx));

    /* A 64 KiB body streamed in chunks signs like the whole body. */
    {
        static uint8_t big[1 << 16];
        static const size_t chunks[] = {1, 7, 63, 64, 65, 4096, 40000};
        callsign_apig_credentials c;
        callsign_apig_request r;
        const char *want[AO_N];
        char what[80];
        size_t a, k;
        fill_pseudo_random(big, sizeof big, UINT64_C(0x0123456789abcdef));
        for (a = 0; a < 3; a++) {
            apig_base(&c, &r);
            c.algorithm = known[a].algorithm;
            if (c.algorithm == CALLSIGN_APIG_V11_HMAC_SHA256) {
                apig_v11(&c);
            }
            r.body = big;
            r.body_len = sizeof big;
            if (!check_status(apig_capture(g_apig_ref, &c, &r), CALLSIGN_OK, "64 KiB body")) {
                continue;
            }
            apig_texts(g_apig_ref, want);
            for (k = 0; k < sizeof chunks / sizeof chunks[0]; k++) {
                if (!apig_hash_body(c.algorithm, big, sizeof big, chunks[k], 0, digest, &kind)) {
                    continue;
                }
                r.body_kind = kind;
                r.body = digest;
                r.body_len = sizeof digest;
                snprintf(what, sizeof what, "64 KiB body, algorithm %lu, chunks of %lu",
                         (unsigned long)c.algorithm, (unsigned long)chunks[k]);
                apig_accept(what, &c, &r, want);
            }
        }
    }
}

/* ------------------------------------------------------------------ */
/* Status strings, version, constants. */

static void test_misc(void)
{
#define CS_N_STATUS 29 /* CALLSIGN_OK (0) ..= CALLSIGN_INVALID_FIELD (28) */
    const char *s[CS_N_STATUS];
    static const uint32_t unknown[] = {CS_N_STATUS, CS_N_STATUS + 1, 999, 0x80000000u,
                                       UINT32_MAX};
    char version[64];
    size_t i, j;

    g_where = "callsign_status_str";
    for (i = 0; i < CS_N_STATUS; i++) {
        s[i] = CS_STR(callsign_status_str((uint32_t)i));
        if (checkf(s[i] != NULL, "status %lu: NULL", (unsigned long)i)) {
            checkf(s[i][0] != '\0', "status %lu: empty", (unsigned long)i);
            checkf(strcmp(s[i], "unknown status") != 0, "status %lu: unknown status",
                   (unsigned long)i);
        }
    }
    for (i = 0; i < CS_N_STATUS; i++) {
        for (j = i + 1; j < CS_N_STATUS; j++) {
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
        checkf(strcmp(version, CALLSIGN_VERSION_STRING) == 0,
               "CALLSIGN_VERSION_STRING \"%s\", numbers %s", CALLSIGN_VERSION_STRING, version);
    }
    /* The header/library mismatch check a program makes. */
    checkf(CS(callsign_version_number()) == CALLSIGN_VERSION_NUMBER,
           "callsign_version_number() 0x%06lx, header 0x%06lx",
           (unsigned long)callsign_version_number(), (unsigned long)CALLSIGN_VERSION_NUMBER);
    checkf(CALLSIGN_VERSION_NUMBER == ((unsigned long)CALLSIGN_VERSION_MAJOR << 16 |
                                       (unsigned long)CALLSIGN_VERSION_MINOR << 8 |
                                       (unsigned long)CALLSIGN_VERSION_PATCH),
           "CALLSIGN_VERSION_NUMBER encoding");

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
    checkf(CALLSIGN_TOO_MANY_ITEMS == 13 && CALLSIGN_INVALID_HEADER == 14 &&
               CALLSIGN_DUPLICATE_HEADER == 15 && CALLSIGN_INVALID_REQUEST == 16 &&
               CALLSIGN_BODY_DIGEST_MISMATCH == 17 && CALLSIGN_MALFORMED == 18 &&
               CALLSIGN_MISSING_HEADER == 19 && CALLSIGN_UNSUPPORTED_ALGORITHM == 20 &&
               CALLSIGN_KEY_MISMATCH == 21 && CALLSIGN_SIGNATURE_MISMATCH == 22 &&
               CALLSIGN_TIMESTAMP_TOO_OLD == 23 && CALLSIGN_TIMESTAMP_IN_FUTURE == 24 &&
               CALLSIGN_REPLAY == 25 && CALLSIGN_REPLAY_CACHE_FULL == 26,
           "status numbers 13..=26 changed");
#undef CS_N_STATUS
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

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    announce_sanitizer("c-ffi");
    guard_self_check("c-ffi");
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
    test_apig_vectors();
    test_apig_arguments();
    test_apig_body_hasher();
    CS_VOID(callsign_hmac_key_wipe(&g_key));

    g_where = "coverage";
    checkf(n_random_vectors > 0, "no vector had a 32-hex nonce for the _random functions");
    checkf(n_apig_signed > 0 && n_apig_errors > 0 && n_apig_bodies > 0 && n_apig_unsigned > 0 &&
               n_apig_dates > 0,
           "API Gateway vectors: %lu signed, %lu errors, %lu hashed bodies, %lu unsigned, "
           "%lu date checks",
           n_apig_signed, n_apig_errors, n_apig_bodies, n_apig_unsigned, n_apig_dates);
    check_guard_totals();
    printf("c-ffi: %lu X-AKSK, %lu X-WSSE, %lu Basic vectors (%lu with a random-nonce check); "
           "%lu API Gateway vectors (%lu signed, %lu errors; %lu node-core left out); "
           "%lu callsign calls\n",
           (unsigned long)CS_AKSK_VECTOR_COUNT, (unsigned long)CS_WSSE_VECTOR_COUNT,
           (unsigned long)CS_BASIC_VECTOR_COUNT, n_random_vectors,
           (unsigned long)CS_APIG_VECTOR_COUNT, n_apig_signed, n_apig_errors,
           (unsigned long)CS_APIG_SKIPPED_COUNT, guard_regions);
    printf("c-ffi: %lu passed, %lu failed\n", n_pass, n_fail);
    return n_fail == 0 ? 0 : 1;
}
