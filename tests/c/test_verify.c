/*
 * C-side tests of the verification and webhook-signing C ABI: Sinch
 * Application-signed requests and callbacks (and Voice v2 `service`),
 * Conversation/SMS webhooks, Numbers callbacks, Mailgun webhooks, Huawei
 * X-AKSK / X-WSSE on the gateway side, the streaming body MD5 and the
 * replay cache (include/callsign.h, libcallsign.a).
 *
 * Build (tests/c/run.sh does this):
 *   python3 tests/c/gen_sinch_vectors.py tests/vectors/sinch_mailgun.json \
 *       tests/vectors/huawei.json DIR/callsign_sinch_vectors.h
 *   cc -std=c99 -Wall -Wextra -Werror -Wpedantic -Iinclude -IDIR \
 *       [-DCALLSIGN_MALLOC_GUARD] tests/c/test_verify.c \
 *       target/release/libcallsign.a -o test_verify
 *
 * Prints one line per failed check and a last line
 * "c-verify: N passed, M failed"; exits 1 if any check failed.
 *
 * With -DCALLSIGN_MALLOC_GUARD, malloc and friends are replaced by wrappers
 * that count every call made while a callsign_* function runs (the CS*
 * macros bracket each call); the count must stay zero. The guard is left
 * out of the valgrind and sanitizer builds, which replace the allocator.
 */

#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "callsign.h"
#include "callsign_sinch_vectors.h"

/* ------------------------------------------------------------------ */
/* Compile-time checks (C99: no _Static_assert). */

#define CS_STATIC_ASSERT(cond, name) typedef char cs_static_assert_##name[(cond) ? 1 : -1]

CS_STATIC_ASSERT(sizeof(callsign_sinch_body_md5) == CALLSIGN_SINCH_BODY_MD5_SIZE, md5_size);
CS_STATIC_ASSERT(sizeof(callsign_replay_cache) == CALLSIGN_REPLAY_CACHE_SIZE, cache_size);
CS_STATIC_ASSERT(CALLSIGN_REPLAY_CACHE_SIZE == 8 + 32 * CALLSIGN_REPLAY_CACHE_CAPACITY,
                 cache_formula);
struct cs_align_md5 { char c; callsign_sinch_body_md5 v; };
struct cs_align_cache { char c; callsign_replay_cache v; };
CS_STATIC_ASSERT(offsetof(struct cs_align_md5, v) >= 8, md5_align);
CS_STATIC_ASSERT(offsetof(struct cs_align_cache, v) >= 8, cache_align);

/* Every *_MAX_LEN is the longest value + NUL. */
CS_STATIC_ASSERT(CALLSIGN_SINCH_AUTHORIZATION_MAX_LEN == 11 + 1 + 128 + 1 + 44 + 1, auth_max);
CS_STATIC_ASSERT(CALLSIGN_SINCH_STRING_TO_SIGN_MAX_LEN ==
                     16 + 1 + 24 + 1 + 256 + 1 + 12 + 64 + 1 + 2048 + 1,
                 sts_max);
CS_STATIC_ASSERT(CALLSIGN_SINCH_WEBHOOK_SIGNATURE_MAX_LEN == 44 + 1, webhook_max);
CS_STATIC_ASSERT(CALLSIGN_SINCH_NUMBERS_SIGNATURE_MAX_LEN == 40 + 1, numbers_max);
CS_STATIC_ASSERT(CALLSIGN_MAILGUN_WEBHOOK_SIGNATURE_MAX_LEN == 64 + 1, mailgun_max);
CS_STATIC_ASSERT(CALLSIGN_SINCH_APPLICATION != CALLSIGN_SINCH_SERVICE, schemes);
CS_STATIC_ASSERT(CALLSIGN_VERIFY_SIGNATURE_ONLY == 0, signature_only);
CS_STATIC_ASSERT(CALLSIGN_DEFAULT_MAX_SKEW_SECS == 300, default_skew);
CS_STATIC_ASSERT(CALLSIGN_MAILGUN_DEFAULT_MAX_AGE_SECS == 900, mailgun_age);

/* ------------------------------------------------------------------ */
/* Allocation guard (as in test_ffi.c). */

static volatile int in_callsign;             /* set while a callsign_* call runs */
static volatile unsigned long guarded_calls; /* allocator calls made meanwhile */
static unsigned long guard_regions;          /* callsign_* calls bracketed */

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
static char g_where_buf[160];

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

static void where(const char *what, const char *id)
{
    snprintf(g_where_buf, sizeof g_where_buf, "%s %s", what, id);
    g_where = g_where_buf;
}

static const char *st(uint32_t status)
{
    return CS_STR(callsign_status_str(status));
}

static int check_status(uint32_t got, uint32_t want, const char *what)
{
    return checkf(got == want, "%s: status %lu (%s), want %lu (%s)", what, (unsigned long)got,
                  st(got), (unsigned long)want, st(want));
}

#define SENTINEL ((size_t)0x5A5A5A5Au)
#define FILL 0xA5
#define TAIL 32
#define BIG 4096 /* larger than every *_MAX_LEN */
#define U8(s) ((const uint8_t *)(s))

static const uint8_t dummy_byte = 0x42; /* a non-NULL pointer for empty inputs */

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

static uint64_t parse_u64(const char *s, size_t n)
{
    uint64_t v = 0;
    size_t i;
    for (i = 0; i < n; i++) {
        v = v * 10 + (uint64_t)(s[i] - '0');
    }
    return v;
}

/* ------------------------------------------------------------------ */
/* Bodies: literal, or generated by rule and checked against the SHA-256. */

typedef struct {
    int rule;
    size_t len;
    uint8_t *data;
} gen_body;

static gen_body g_bodies[8];
static size_t n_generated_checked;

static uint8_t rule_byte(int rule, size_t i)
{
    switch (rule) {
    case 0:
        return (uint8_t)(0x61 + i % 26);
    case 1:
        return (uint8_t)(0x20 + i % 95);
    case 2:
        return (uint8_t)(i % 251);
    default:
        return (uint8_t)((7 * i + 3) % 256);
    }
}

/* The bytes of a vector body: (NULL, 0) for none. A generated body is
 * built once and its SHA-256 checked through callsign_sha256. */
static void body_of(const cs_body *b, const uint8_t **p, size_t *n)
{
    size_t i, k;
    *p = NULL;
    *n = 0;
    if (b->kind == CS_BODY_BYTES) {
        *p = b->bytes;
        *n = b->len;
        return;
    }
    if (b->kind != CS_BODY_GENERATED) {
        return;
    }
    for (k = 0; k < sizeof g_bodies / sizeof g_bodies[0]; k++) {
        if (g_bodies[k].data != NULL && g_bodies[k].rule == b->rule && g_bodies[k].len == b->len) {
            *p = g_bodies[k].data;
            *n = b->len;
            return;
        }
        if (g_bodies[k].data == NULL) {
            uint8_t digest[CALLSIGN_SHA256_LEN];
            char hex[2 * CALLSIGN_SHA256_LEN + 1];
            uint8_t *data = (uint8_t *)malloc(b->len);
            if (!checkf(data != NULL, "malloc(%lu) failed", (unsigned long)b->len)) {
                return;
            }
            for (i = 0; i < b->len; i++) {
                data[i] = rule_byte(b->rule, i);
            }
            check_status(CS(callsign_sha256(data, b->len, digest)), CALLSIGN_OK,
                         "callsign_sha256 of a generated body");
            to_hex(digest, sizeof digest, hex);
            checkf(strcmp(hex, b->sha256) == 0, "generated body (rule %d, %lu bytes): SHA-256 %s, "
                   "want %s", b->rule, (unsigned long)b->len, hex, b->sha256);
            n_generated_checked++;
            g_bodies[k].rule = b->rule;
            g_bodies[k].len = b->len;
            g_bodies[k].data = data;
            *p = data;
            *n = b->len;
            return;
        }
    }
    checkf(0, "too many generated bodies");
}

static void free_bodies(void)
{
    size_t k;
    for (k = 0; k < sizeof g_bodies / sizeof g_bodies[0]; k++) {
        free(g_bodies[k].data);
        g_bodies[k].data = NULL;
    }
}

/* ------------------------------------------------------------------ */
/* Every function behind one signature, for the output-rule, NULL-argument
 * and empty-input checks. */

#define MAX_IN 7

typedef struct {
    const uint8_t *p;
    size_t n;
} span;

typedef struct {
    span in[MAX_IN];
    uint32_t u; /* scheme or digest encoding */
    const callsign_pair *headers;
    size_t header_count;
    const callsign_sinch_body_md5 *md5;
    callsign_sinch_body_md5 *hasher;
    callsign_replay_cache *replay;
    const callsign_hmac_key *key;
    uint64_t now, skew;
    int null_request;
    const uint8_t **user;
    size_t *user_len;
    size_t *live;
} vargs;

typedef uint32_t (*vinvoke)(const vargs *a, char *out, size_t cap, size_t *out_len);

enum {
    F_TEXT = 1,     /* writes text under the output rule */
    F_HEADERS = 2,  /* headers, header_count */
    F_MD5 = 4,      /* optional body_md5 */
    F_REPLAY = 8,   /* optional replay cache */
    F_KEY = 16,     /* required callsign_hmac_key */
    F_USER = 32,    /* username outputs */
    F_HASHER = 64,  /* required hasher */
    F_REQUEST = 128, /* a callsign_sinch_request */
    F_LIVE = 256    /* replay cache + live output */
};

typedef struct {
    const char *name;
    vinvoke fn;
    unsigned flags;
    size_t max_len;
    int n_in;
    const char *in_names[MAX_IN];
    uint32_t empty[MAX_IN]; /* status when in[i] is empty */
} vfn;

static callsign_sinch_request make_request(const vargs *a, int first)
{
    callsign_sinch_request r;
    memset(&r, 0, sizeof r);
    r.scheme = a->u;
    r.method = a->in[first].p;
    r.method_len = a->in[first].n;
    r.target = a->in[first + 1].p;
    r.target_len = a->in[first + 1].n;
    r.content_type = a->in[first + 2].p;
    r.content_type_len = a->in[first + 2].n;
    r.x_timestamp = a->in[first + 3].p;
    r.x_timestamp_len = a->in[first + 3].n;
    r.body = a->in[first + 4].p;
    r.body_len = a->in[first + 4].n;
    r.body_md5 = a->md5;
    return r;
}

static uint32_t inv_app_sign(const vargs *a, char *o, size_t c, size_t *l)
{
    callsign_sinch_request r = make_request(a, 2);
    return CS(callsign_sinch_application_sign(a->in[0].p, a->in[0].n, a->in[1].p, a->in[1].n,
                                              a->null_request ? NULL : &r, o, c, l));
}

static uint32_t inv_app_sts(const vargs *a, char *o, size_t c, size_t *l)
{
    callsign_sinch_request r = make_request(a, 0);
    return CS(callsign_sinch_application_string_to_sign(a->null_request ? NULL : &r, o, c, l));
}

static uint32_t inv_callback(const vargs *a, char *o, size_t c, size_t *l)
{
    (void)o, (void)c, (void)l;
    return CS(callsign_sinch_callback_verify(
        a->u, a->in[0].p, a->in[0].n, a->in[1].p, a->in[1].n, a->in[2].p, a->in[2].n, a->in[3].p,
        a->in[3].n, a->headers, a->header_count, a->in[4].p, a->in[4].n, a->md5, a->now, a->skew,
        a->replay));
}

static uint32_t inv_wh_sign(const vargs *a, char *o, size_t c, size_t *l)
{
    return CS(callsign_sinch_webhook_sign(a->in[0].p, a->in[0].n, a->in[1].p, a->in[1].n,
                                          a->in[2].p, a->in[2].n, a->in[3].p, a->in[3].n, o, c,
                                          l));
}

static uint32_t inv_wh_verify(const vargs *a, char *o, size_t c, size_t *l)
{
    (void)o, (void)c, (void)l;
    return CS(callsign_sinch_webhook_verify(a->in[0].p, a->in[0].n, a->headers, a->header_count,
                                            a->in[1].p, a->in[1].n, a->now, a->skew, a->replay));
}

static uint32_t inv_nb_sign(const vargs *a, char *o, size_t c, size_t *l)
{
    return CS(callsign_sinch_numbers_sign(a->in[0].p, a->in[0].n, a->in[1].p, a->in[1].n, o, c,
                                          l));
}

static uint32_t inv_nb_verify(const vargs *a, char *o, size_t c, size_t *l)
{
    (void)o, (void)c, (void)l;
    return CS(callsign_sinch_numbers_verify(a->in[0].p, a->in[0].n, a->headers, a->header_count,
                                            a->in[1].p, a->in[1].n));
}

static uint32_t inv_mg_sign(const vargs *a, char *o, size_t c, size_t *l)
{
    return CS(callsign_mailgun_webhook_sign(a->in[0].p, a->in[0].n, a->in[1].p, a->in[1].n,
                                            a->in[2].p, a->in[2].n, o, c, l));
}

static uint32_t inv_mg_verify(const vargs *a, char *o, size_t c, size_t *l)
{
    (void)o, (void)c, (void)l;
    return CS(callsign_mailgun_webhook_verify(a->in[0].p, a->in[0].n, a->in[1].p, a->in[1].n,
                                              a->in[2].p, a->in[2].n, a->in[3].p, a->in[3].n,
                                              a->now, a->skew, a->replay));
}

static uint32_t inv_token_user(const vargs *a, char *o, size_t c, size_t *l)
{
    (void)o, (void)c, (void)l;
    return CS(callsign_huawei_token_username(a->in[0].p, a->in[0].n, a->user, a->user_len));
}

static uint32_t inv_aksk_verify(const vargs *a, char *o, size_t c, size_t *l)
{
    (void)o, (void)c, (void)l;
    return CS(callsign_huawei_voice_x_aksk_verify(a->in[0].p, a->in[0].n, a->in[1].p, a->in[1].n,
                                                  a->now, a->skew, a->replay));
}

static uint32_t inv_aksk_verify_key(const vargs *a, char *o, size_t c, size_t *l)
{
    (void)o, (void)c, (void)l;
    return CS(callsign_huawei_voice_x_aksk_verify_with_key(a->key, a->in[0].p, a->in[0].n, a->now,
                                                           a->skew, a->replay));
}

static uint32_t inv_wsse_verify(const vargs *a, char *o, size_t c, size_t *l)
{
    (void)o, (void)c, (void)l;
    return CS(callsign_huawei_sms_x_wsse_verify(a->in[0].p, a->in[0].n, a->in[1].p, a->in[1].n,
                                                a->u, a->now, a->skew, a->replay));
}

static uint32_t inv_md5_update(const vargs *a, char *o, size_t c, size_t *l)
{
    (void)o, (void)c, (void)l;
    return CS(callsign_sinch_body_md5_update(a->hasher, a->in[0].p, a->in[0].n));
}

static uint32_t inv_cache_live(const vargs *a, char *o, size_t c, size_t *l)
{
    (void)o, (void)c, (void)l;
    return CS(callsign_replay_cache_live(a->replay, a->now, a->live));
}

#define OK CALLSIGN_OK
static const vfn F_APP_SIGN = {
    "callsign_sinch_application_sign", inv_app_sign, F_TEXT | F_MD5 | F_REQUEST,
    CALLSIGN_SINCH_AUTHORIZATION_MAX_LEN, 7,
    {"key", "secret", "method", "target", "content_type", "x_timestamp", "body"},
    {CALLSIGN_INVALID_APP_KEY, CALLSIGN_INVALID_SECRET, CALLSIGN_INVALID_REQUEST,
     CALLSIGN_INVALID_REQUEST, OK, CALLSIGN_INVALID_TIMESTAMP, OK}};
static const vfn F_APP_STS = {
    "callsign_sinch_application_string_to_sign", inv_app_sts, F_TEXT | F_MD5 | F_REQUEST,
    CALLSIGN_SINCH_STRING_TO_SIGN_MAX_LEN, 5,
    {"method", "target", "content_type", "x_timestamp", "body"},
    {CALLSIGN_INVALID_REQUEST, CALLSIGN_INVALID_REQUEST, OK, CALLSIGN_INVALID_TIMESTAMP, OK}};
static const vfn F_CALLBACK = {
    "callsign_sinch_callback_verify", inv_callback, F_HEADERS | F_MD5 | F_REPLAY, 0, 5,
    {"key", "secret", "method", "path", "body"},
    {CALLSIGN_KEY_MISMATCH, CALLSIGN_INVALID_SECRET, CALLSIGN_INVALID_REQUEST,
     CALLSIGN_INVALID_REQUEST, CALLSIGN_SIGNATURE_MISMATCH}};
static const vfn F_WH_SIGN = {
    "callsign_sinch_webhook_sign", inv_wh_sign, F_TEXT, CALLSIGN_SINCH_WEBHOOK_SIGNATURE_MAX_LEN,
    4, {"secret", "body", "nonce", "timestamp"},
    {OK, OK, CALLSIGN_INVALID_NONCE, CALLSIGN_INVALID_TIMESTAMP}};
static const vfn F_WH_VERIFY = {
    "callsign_sinch_webhook_verify", inv_wh_verify, F_HEADERS | F_REPLAY, 0, 2,
    {"secret", "body"}, {CALLSIGN_SIGNATURE_MISMATCH, CALLSIGN_SIGNATURE_MISMATCH}};
static const vfn F_NB_SIGN = {
    "callsign_sinch_numbers_sign", inv_nb_sign, F_TEXT, CALLSIGN_SINCH_NUMBERS_SIGNATURE_MAX_LEN,
    2, {"secret", "body"}, {CALLSIGN_INVALID_SECRET, OK}};
static const vfn F_NB_VERIFY = {
    "callsign_sinch_numbers_verify", inv_nb_verify, F_HEADERS, 0, 2, {"secret", "body"},
    {CALLSIGN_INVALID_SECRET, CALLSIGN_SIGNATURE_MISMATCH}};
static const vfn F_MG_SIGN = {
    "callsign_mailgun_webhook_sign", inv_mg_sign, F_TEXT,
    CALLSIGN_MAILGUN_WEBHOOK_SIGNATURE_MAX_LEN, 3, {"signing_key", "timestamp", "token"},
    {OK, CALLSIGN_INVALID_TIMESTAMP, CALLSIGN_INVALID_NONCE}};
static const vfn F_MG_VERIFY = {
    "callsign_mailgun_webhook_verify", inv_mg_verify, F_REPLAY, 0, 4,
    {"signing_key", "timestamp", "token", "signature"},
    {CALLSIGN_SIGNATURE_MISMATCH, CALLSIGN_MALFORMED, CALLSIGN_SIGNATURE_MISMATCH,
     CALLSIGN_MALFORMED}};
static const vfn F_TOKEN_USER = {"callsign_huawei_token_username", inv_token_user, F_USER, 0, 1,
                                 {"value"}, {CALLSIGN_MALFORMED}};
static const vfn F_AKSK_VERIFY = {
    "callsign_huawei_voice_x_aksk_verify", inv_aksk_verify, F_REPLAY, 0, 2, {"value", "secret"},
    {CALLSIGN_MALFORMED, CALLSIGN_SIGNATURE_MISMATCH}};
static const vfn F_AKSK_VERIFY_KEY = {"callsign_huawei_voice_x_aksk_verify_with_key",
                                      inv_aksk_verify_key, F_REPLAY | F_KEY, 0, 1, {"value"},
                                      {CALLSIGN_MALFORMED}};
static const vfn F_WSSE_VERIFY = {
    "callsign_huawei_sms_x_wsse_verify", inv_wsse_verify, F_REPLAY, 0, 2, {"value", "secret"},
    {CALLSIGN_MALFORMED, CALLSIGN_SIGNATURE_MISMATCH}};
static const vfn F_MD5_UPDATE = {"callsign_sinch_body_md5_update", inv_md5_update, F_HASHER, 0,
                                 1, {"data"}, {OK}};
static const vfn F_CACHE_LIVE = {"callsign_replay_cache_live", inv_cache_live, F_LIVE, 0, 0,
                                 {NULL}, {OK}};

/*
 * The output rule, for one call whose correct output is want[0..want_len]:
 * capacities 0 (out NULL and not), needed - 1, needed, needed + 1, the
 * *_MAX_LEN constant and an exactly sized heap buffer; NULL out_len; NULL
 * out with a capacity.
 */
static void check_text(const vfn *f, const vargs *x, const char *want, size_t want_len)
{
    const size_t needed = want_len + 1;
    size_t caps[5];
    size_t i, len;
    uint32_t rc;
    unsigned char *buf;
    char what[200];

    checkf(needed <= f->max_len, "%s: output of %lu bytes + NUL exceeds the MAX_LEN %lu", f->name,
           (unsigned long)want_len, (unsigned long)f->max_len);

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
                checkf(memcmp(buf, want, want_len) == 0, "%s: got \"%.*s\", want \"%.*s\"", what,
                       (int)want_len, (const char *)buf, (int)want_len, want);
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

/* A call that must fail with `want`; for a text function, *out_len and out
 * stay untouched, also for a size query. */
static void check_reject(const vfn *f, const vargs *x, uint32_t want, const char *why)
{
    unsigned char buf[BIG];
    size_t len = SENTINEL;
    uint32_t rc;
    char what[240];

    memset(buf, FILL, sizeof buf);
    rc = f->fn(x, (char *)buf, sizeof buf, &len);
    snprintf(what, sizeof what, "%s [%s]", f->name, why);
    check_status(rc, want, what);
    checkf(len == SENTINEL, "%s: *out_len written (%lu) on an error", what, (unsigned long)len);
    checkf(all_bytes(buf, sizeof buf, FILL), "%s: buffer written on an error", what);
    if (f->flags & F_TEXT) {
        len = SENTINEL;
        rc = f->fn(x, NULL, 0, &len);
        snprintf(what, sizeof what, "%s [%s, size query]", f->name, why);
        check_status(rc, want, what);
        checkf(len == SENTINEL, "%s: *out_len written (%lu) on an error", what,
               (unsigned long)len);
    }
}

/* Calls f into a big buffer: the status, and the text in out[0..*out_len]. */
static uint32_t call_text(const vfn *f, const vargs *x, char *out, size_t cap, size_t *out_len)
{
    uint32_t rc;
    *out_len = 0;
    memset(out, FILL, cap);
    rc = f->fn(x, out, cap, out_len);
    if (rc != CALLSIGN_OK || !(f->flags & F_TEXT)) {
        out[0] = '\0';
        *out_len = 0;
    }
    return rc;
}

/* A call that must return `want`; with CALLSIGN_OK and a text function,
 * the text must be want_text. */
static void check_call(const vfn *f, const vargs *x, uint32_t want, const char *want_text,
                       size_t want_len, const char *why)
{
    char out[BIG];
    size_t len;
    char what[240];
    uint32_t rc;
    if (want != CALLSIGN_OK) {
        check_reject(f, x, want, why);
        return;
    }
    rc = call_text(f, x, out, sizeof out, &len);
    snprintf(what, sizeof what, "%s [%s]", f->name, why);
    if (check_status(rc, CALLSIGN_OK, what) && (f->flags & F_TEXT) && want_text != NULL) {
        checkf(len == want_len && memcmp(out, want_text, want_len) == 0 && out[len] == 0,
               "%s: got \"%.*s\" (%lu), want \"%.*s\" (%lu)", what, (int)len, out,
               (unsigned long)len, (int)want_len, want_text, (unsigned long)want_len);
    }
}

/* ------------------------------------------------------------------ */
/* Streaming MD5 helpers: mode 0 = one update, 1 = 1-byte chunks, 2 = odd
 * chunks 1, 3, 5, ... with an empty update (NULL, 0) between each. */

static int md5_stream(callsign_sinch_body_md5 *h, const uint8_t *p, size_t n, int mode)
{
    size_t off = 0, chunk = 1;
    int ok = 1;
    ok &= CS(callsign_sinch_body_md5_init(h)) == CALLSIGN_OK;
    if (mode == 0) {
        ok &= CS(callsign_sinch_body_md5_update(h, p, n)) == CALLSIGN_OK;
        return ok;
    }
    while (off < n) {
        size_t take = mode == 1 ? 1 : chunk;
        if (take > n - off) {
            take = n - off;
        }
        ok &= CS(callsign_sinch_body_md5_update(h, p + off, take)) == CALLSIGN_OK;
        if (mode == 2) {
            ok &= CS(callsign_sinch_body_md5_update(h, NULL, 0)) == CALLSIGN_OK;
            chunk += 2;
        }
        off += take;
    }
    return ok;
}

static const char *const MODE_NAMES[3] = {"one update", "1-byte chunks", "odd chunks"};

/* ------------------------------------------------------------------ */
/* Vector arguments. */

static vargs app_args(const cs_app_sign_vector *v, int sts_only)
{
    vargs a;
    int k = sts_only ? 0 : 2;
    memset(&a, 0, sizeof a);
    if (!sts_only) {
        a.in[0].p = U8(v->key);
        a.in[0].n = v->key_len;
        a.in[1].p = U8(v->secret);
        a.in[1].n = v->secret_len;
    }
    a.in[k].p = U8(v->method);
    a.in[k].n = v->method_len;
    a.in[k + 1].p = U8(v->target);
    a.in[k + 1].n = v->target_len;
    a.in[k + 2].p = U8(v->content_type);
    a.in[k + 2].n = v->content_type_len;
    a.in[k + 3].p = U8(v->x_timestamp);
    a.in[k + 3].n = v->x_timestamp_len;
    body_of(&v->body, &a.in[k + 4].p, &a.in[k + 4].n);
    a.u = v->scheme;
    return a;
}

static vargs callback_args(const cs_callback_vector *v)
{
    vargs a;
    memset(&a, 0, sizeof a);
    a.u = v->scheme;
    a.in[0].p = U8(v->key);
    a.in[0].n = v->key_len;
    a.in[1].p = U8(v->secret);
    a.in[1].n = v->secret_len;
    a.in[2].p = U8(v->method);
    a.in[2].n = v->method_len;
    a.in[3].p = U8(v->path);
    a.in[3].n = v->path_len;
    body_of(&v->body, &a.in[4].p, &a.in[4].n);
    a.headers = v->headers;
    a.header_count = v->header_count;
    a.skew = CALLSIGN_VERIFY_SIGNATURE_ONLY;
    return a;
}

static vargs wh_sign_args(const cs_webhook_sign_vector *v)
{
    vargs a;
    memset(&a, 0, sizeof a);
    a.in[0].p = U8(v->secret);
    a.in[0].n = v->secret_len;
    body_of(&v->body, &a.in[1].p, &a.in[1].n);
    a.in[2].p = U8(v->nonce);
    a.in[2].n = v->nonce_len;
    a.in[3].p = U8(v->timestamp);
    a.in[3].n = v->timestamp_len;
    return a;
}

static vargs wh_verify_args(const cs_webhook_verify_vector *v)
{
    vargs a;
    memset(&a, 0, sizeof a);
    a.in[0].p = U8(v->secret);
    a.in[0].n = v->secret_len;
    body_of(&v->body, &a.in[1].p, &a.in[1].n);
    a.headers = v->headers;
    a.header_count = v->header_count;
    a.skew = CALLSIGN_VERIFY_SIGNATURE_ONLY;
    return a;
}

static vargs nb_sign_args(const cs_numbers_sign_vector *v)
{
    vargs a;
    memset(&a, 0, sizeof a);
    a.in[0].p = U8(v->secret);
    a.in[0].n = v->secret_len;
    body_of(&v->body, &a.in[1].p, &a.in[1].n);
    return a;
}

static vargs nb_verify_args(const cs_numbers_verify_vector *v)
{
    vargs a;
    memset(&a, 0, sizeof a);
    a.in[0].p = U8(v->secret);
    a.in[0].n = v->secret_len;
    body_of(&v->body, &a.in[1].p, &a.in[1].n);
    a.headers = v->headers;
    a.header_count = v->header_count;
    return a;
}

static vargs mg_sign_args(const cs_mailgun_sign_vector *v)
{
    vargs a;
    memset(&a, 0, sizeof a);
    a.in[0].p = U8(v->key);
    a.in[0].n = v->key_len;
    a.in[1].p = U8(v->timestamp);
    a.in[1].n = v->timestamp_len;
    a.in[2].p = U8(v->token);
    a.in[2].n = v->token_len;
    return a;
}

static vargs mg_verify_args(const cs_mailgun_verify_vector *v)
{
    vargs a;
    memset(&a, 0, sizeof a);
    a.in[0].p = U8(v->key);
    a.in[0].n = v->key_len;
    a.in[1].p = U8(v->timestamp);
    a.in[1].n = v->timestamp_len;
    a.in[2].p = U8(v->token);
    a.in[2].n = v->token_len;
    a.in[3].p = U8(v->signature);
    a.in[3].n = v->signature_len;
    a.skew = v->max_age;
    a.now = v->now;
    return a;
}

static vargs token_args(const cs_token_vector *v)
{
    vargs a;
    memset(&a, 0, sizeof a);
    a.in[0].p = U8(v->header);
    a.in[0].n = v->header_len;
    a.in[1].p = v->secret;
    a.in[1].n = v->secret_len;
    a.u = v->digest;
    a.skew = CALLSIGN_VERIFY_SIGNATURE_ONLY;
    return a;
}

static const void *find_vector(const void *table, size_t count, size_t size, const char *id)
{
    size_t i;
    for (i = 0; i < count; i++) {
        const void *row = (const char *)table + i * size;
        if (strcmp(*(const char *const *)row, id) == 0) {
            return row;
        }
    }
    printf("FAIL [setup] vector %s not found\n", id);
    n_fail++;
    exit(1);
}

#define FIND(table, count, id) find_vector(table, count, sizeof table[0], id)

/* Fresh replay cache for one check. */
static callsign_replay_cache g_cache;

static void fresh_cache(void)
{
    memset(&g_cache, FILL, sizeof g_cache);
    check_status(CS(callsign_replay_cache_init(&g_cache)), CALLSIGN_OK,
                 "callsign_replay_cache_init");
}

static size_t live_at(uint64_t now)
{
    size_t live = SENTINEL;
    check_status(CS(callsign_replay_cache_live(&g_cache, now, &live)), CALLSIGN_OK,
                 "callsign_replay_cache_live");
    return live;
}

/* For an accepted vector signed at t: the window edges and the replay
 * cache (accepted once, then CALLSIGN_REPLAY). `base` checks the signature
 * only. */
static void check_window_and_replay(const vfn *f, const vargs *base, uint64_t t)
{
    vargs a = *base;
    char what[200];
    a.skew = CALLSIGN_DEFAULT_MAX_SKEW_SECS;
    a.now = t;
    snprintf(what, sizeof what, "%s [now = signed time]", f->name);
    check_status(f->fn(&a, NULL, 0, NULL), CALLSIGN_OK, what);
    a.now = t + CALLSIGN_DEFAULT_MAX_SKEW_SECS;
    snprintf(what, sizeof what, "%s [now = t + max_skew]", f->name);
    check_status(f->fn(&a, NULL, 0, NULL), CALLSIGN_OK, what);
    a.now = t + CALLSIGN_DEFAULT_MAX_SKEW_SECS + 1;
    snprintf(what, sizeof what, "%s [now = t + max_skew + 1]", f->name);
    check_status(f->fn(&a, NULL, 0, NULL), CALLSIGN_TIMESTAMP_TOO_OLD, what);
    a.now = t - CALLSIGN_DEFAULT_MAX_SKEW_SECS;
    snprintf(what, sizeof what, "%s [now = t - max_skew]", f->name);
    check_status(f->fn(&a, NULL, 0, NULL), CALLSIGN_OK, what);
    a.now = t - CALLSIGN_DEFAULT_MAX_SKEW_SECS - 1;
    snprintf(what, sizeof what, "%s [now = t - max_skew - 1]", f->name);
    check_status(f->fn(&a, NULL, 0, NULL), CALLSIGN_TIMESTAMP_IN_FUTURE, what);

    fresh_cache();
    a.replay = &g_cache;
    a.now = t + 10;
    snprintf(what, sizeof what, "%s [replay cache, first]", f->name);
    check_status(f->fn(&a, NULL, 0, NULL), CALLSIGN_OK, what);
    snprintf(what, sizeof what, "%s [replay cache, again]", f->name);
    check_status(f->fn(&a, NULL, 0, NULL), CALLSIGN_REPLAY, what);
    a.now = t + 20;
    snprintf(what, sizeof what, "%s [replay cache, again later in the window]", f->name);
    check_status(f->fn(&a, NULL, 0, NULL), CALLSIGN_REPLAY, what);
    checkf(live_at(t + 20) == 1, "%s: one live entry expected", f->name);
    /* Once the timestamp leaves the window, the request is stale, not a replay. */
    a.now = t + CALLSIGN_DEFAULT_MAX_SKEW_SECS + 1;
    snprintf(what, sizeof what, "%s [replay cache, after the window]", f->name);
    check_status(f->fn(&a, NULL, 0, NULL), CALLSIGN_TIMESTAMP_TOO_OLD, what);
    checkf(live_at(a.now) == 0, "%s: the entry outlived the window", f->name);
    /* A replay cache needs a window. */
    a.skew = CALLSIGN_VERIFY_SIGNATURE_ONLY;
    snprintf(what, sizeof what, "%s [replay cache with CALLSIGN_VERIFY_SIGNATURE_ONLY]", f->name);
    check_status(f->fn(&a, NULL, 0, NULL), CALLSIGN_INVALID_ARGUMENT, what);
    CS_VOID(callsign_replay_cache_wipe(&g_cache));
}

/* For a rejected vector: the same status with a window and a replay cache,
 * and nothing enters the cache. */
static void check_rejected_with_cache(const vfn *f, const vargs *base, uint32_t want, uint64_t now)
{
    vargs a = *base;
    char what[200];
    fresh_cache();
    a.replay = &g_cache;
    a.now = now;
    a.skew = CALLSIGN_DEFAULT_MAX_SKEW_SECS;
    snprintf(what, sizeof what, "%s [rejected, with a replay cache]", f->name);
    check_status(f->fn(&a, NULL, 0, NULL), want, what);
    checkf(live_at(now) == 0, "%s: a rejected request entered the replay cache", f->name);
    CS_VOID(callsign_replay_cache_wipe(&g_cache));
}

/* ------------------------------------------------------------------ */
/* Vectors. */

static unsigned long n_vectors, n_streamed;

static void test_app_sign_vectors(void)
{
    size_t i;
    int mode;
    for (i = 0; i < CS_APP_SIGN_COUNT; i++) {
        const cs_app_sign_vector *v = &cs_app_sign_vectors[i];
        vargs a, s;
        char sts[BIG], auth[BIG];
        size_t sts_len = 0, auth_len = 0;
        uint32_t rc_sts, rc_auth;
        const uint8_t *body;
        size_t body_len;

        where("Sinch signing", v->id);
        n_vectors++;
        a = app_args(v, 0);
        s = app_args(v, 1);
        body = s.in[4].p;
        body_len = s.in[4].n;
        /* The string to sign, and its Content-MD5 line. */
        check_text(&F_APP_STS, &s, v->string_to_sign, v->string_to_sign_len);
        rc_sts = call_text(&F_APP_STS, &s, sts, sizeof sts, &sts_len);
        if (rc_sts == CALLSIGN_OK) {
            const char *nl = memchr(sts, '\n', sts_len);
            size_t md5_len = strlen(v->content_md5);
            checkf(nl != NULL && (size_t)(sts + sts_len - nl) > md5_len + 1 &&
                       memcmp(nl + 1, v->content_md5, md5_len) == 0 && nl[1 + md5_len] == '\n',
                   "Content-MD5 line: want \"%s\"", v->content_md5);
        }
        /* The Authorization value, or the expected error. */
        if (v->status == CALLSIGN_OK) {
            check_text(&F_APP_SIGN, &a, v->authorization, v->authorization_len);
        } else {
            check_reject(&F_APP_SIGN, &a, v->status, "expected error");
        }
        rc_auth = call_text(&F_APP_SIGN, &a, auth, sizeof auth, &auth_len);

        /* The same through a streamed body MD5, in every chunking. */
        for (mode = 0; mode < 3; mode++) {
            callsign_sinch_body_md5 h;
            vargs am = a, sm = s;
            char out[BIG];
            size_t len;
            uint32_t rc;
            if (mode == 1 && body_len > 65536) {
                continue;
            }
            memset(&h, FILL, sizeof h);
            checkf(md5_stream(&h, body, body_len, mode), "%s: streaming failed", MODE_NAMES[mode]);
            am.in[6].p = NULL;
            am.in[6].n = 0;
            am.md5 = &h;
            sm.in[4].p = NULL;
            sm.in[4].n = 0;
            sm.md5 = &h;
            rc = call_text(&F_APP_STS, &sm, out, sizeof out, &len);
            checkf(rc == rc_sts && len == sts_len && memcmp(out, sts, len) == 0,
                   "string to sign, body MD5 in %s: status %lu, \"%.*s\"", MODE_NAMES[mode],
                   (unsigned long)rc, (int)len, out);
            rc = call_text(&F_APP_SIGN, &am, out, sizeof out, &len);
            checkf(rc == rc_auth && len == auth_len && memcmp(out, auth, len) == 0,
                   "authorization, body MD5 in %s: status %lu (%s), \"%.*s\"", MODE_NAMES[mode],
                   (unsigned long)rc, st(rc), (int)len, out);
            if (mode == 2 && v->status == CALLSIGN_OK) {
                check_text(&F_APP_SIGN, &am, v->authorization, v->authorization_len);
            }
            /* A body given both ways is refused. */
            if (body_len > 0) {
                am.in[6].p = body;
                am.in[6].n = body_len;
                check_reject(&F_APP_SIGN, &am, CALLSIGN_INVALID_ARGUMENT, "body and body_md5");
            }
            CS_VOID(callsign_sinch_body_md5_wipe(&h));
            checkf(all_bytes(&h, sizeof h, 0), "hasher not zeroed by wipe");
            n_streamed++;
        }
    }
}

static void test_callback_vectors(void)
{
    size_t i;
    int mode;
    for (i = 0; i < CS_CALLBACK_COUNT; i++) {
        const cs_callback_vector *v = &cs_callback_vectors[i];
        vargs a;
        where("Sinch callback", v->id);
        a = callback_args(v);
        n_vectors++;
        check_call(&F_CALLBACK, &a, v->status, NULL, 0, "signature only");
        for (mode = 0; mode < 3; mode++) {
            callsign_sinch_body_md5 h;
            vargs m = a;
            char what[80];
            memset(&h, 0, sizeof h);
            checkf(md5_stream(&h, a.in[4].p, a.in[4].n, mode), "streaming failed");
            m.in[4].p = NULL;
            m.in[4].n = 0;
            m.md5 = &h;
            snprintf(what, sizeof what, "body MD5 in %s", MODE_NAMES[mode]);
            check_call(&F_CALLBACK, &m, v->status, NULL, 0, what);
            CS_VOID(callsign_sinch_body_md5_wipe(&h));
        }
        if (v->status == CALLSIGN_OK) {
            check_window_and_replay(&F_CALLBACK, &a, v->x_timestamp_unix);
        } else {
            check_rejected_with_cache(&F_CALLBACK, &a, v->status, UINT64_C(1700000000));
        }
    }
}

static void test_webhook_vectors(void)
{
    size_t i;
    for (i = 0; i < CS_WEBHOOK_SIGN_COUNT; i++) {
        const cs_webhook_sign_vector *v = &cs_webhook_sign_vectors[i];
        vargs a;
        where("Sinch webhook signing", v->id);
        a = wh_sign_args(v);
        n_vectors++;
        check_text(&F_WH_SIGN, &a, v->signature, v->signature_len);
    }
    for (i = 0; i < CS_WEBHOOK_VERIFY_COUNT; i++) {
        const cs_webhook_verify_vector *v = &cs_webhook_verify_vectors[i];
        vargs a;
        where("Sinch webhook", v->id);
        a = wh_verify_args(v);
        n_vectors++;
        check_call(&F_WH_VERIFY, &a, v->status, NULL, 0, "signature only");
        if (v->status == CALLSIGN_OK) {
            check_window_and_replay(&F_WH_VERIFY, &a, v->timestamp_unix);
        } else {
            check_rejected_with_cache(&F_WH_VERIFY, &a, v->status, UINT64_C(1634579353));
        }
    }
}

static void test_numbers_vectors(void)
{
    size_t i;
    for (i = 0; i < CS_NUMBERS_SIGN_COUNT; i++) {
        const cs_numbers_sign_vector *v = &cs_numbers_sign_vectors[i];
        vargs a;
        where("Sinch Numbers signing", v->id);
        a = nb_sign_args(v);
        n_vectors++;
        check_text(&F_NB_SIGN, &a, v->signature, v->signature_len);
    }
    for (i = 0; i < CS_NUMBERS_VERIFY_COUNT; i++) {
        const cs_numbers_verify_vector *v = &cs_numbers_verify_vectors[i];
        vargs a;
        where("Sinch Numbers", v->id);
        a = nb_verify_args(v);
        n_vectors++;
        check_call(&F_NB_VERIFY, &a, v->status, NULL, 0, "vector");
    }
}

static void test_mailgun_vectors(void)
{
    size_t i;
    for (i = 0; i < CS_MAILGUN_SIGN_COUNT; i++) {
        const cs_mailgun_sign_vector *v = &cs_mailgun_sign_vectors[i];
        vargs a = mg_sign_args(v);
        where("Mailgun signing", v->id);
        n_vectors++;
        check_text(&F_MG_SIGN, &a, v->signature, v->signature_len);
    }
    for (i = 0; i < CS_MAILGUN_VERIFY_COUNT; i++) {
        const cs_mailgun_verify_vector *v = &cs_mailgun_verify_vectors[i];
        vargs a = mg_verify_args(v);
        where("Mailgun", v->id);
        n_vectors++;
        check_call(&F_MG_VERIFY, &a, v->status, NULL, 0, "vector");
        if (v->status == CALLSIGN_OK) {
            check_window_and_replay(&F_MG_VERIFY, &a,
                                    parse_u64(v->timestamp, v->timestamp_len));
        } else if (v->max_age == 0) {
            check_rejected_with_cache(&F_MG_VERIFY, &a, v->status, UINT64_C(1770920772));
        }
    }
}

static void test_token_vectors(void)
{
    size_t i, k;
    for (i = 0; i < CS_TOKEN_COUNT; i++) {
        const cs_token_vector *v = &cs_token_vectors[i];
        const vfn *f = v->wsse ? &F_WSSE_VERIFY : &F_AKSK_VERIFY;
        vargs a = token_args(v);
        const uint8_t *user = NULL;
        size_t user_len = SENTINEL;
        const char *digest_at, *nonce_at, *created_at;
        char tampered[1024];
        const char *ranges[3];
        size_t range_len[3];
        unsigned long refused = 0;

        where(v->wsse ? "X-WSSE" : "X-AKSK", v->id);
        n_vectors++;
        /* Username: a pointer into the caller's header buffer. */
        check_status(CS(callsign_huawei_token_username(U8(v->header), v->header_len, &user,
                                                       &user_len)),
                     CALLSIGN_OK, "callsign_huawei_token_username");
        {
            const char *want = strstr(v->header, "Username=\"");
            checkf(want != NULL && user == U8(want + 10) && user_len == v->app_key_len &&
                       memcmp(user, v->app_key, v->app_key_len) == 0,
                   "username: %p (%lu), want a pointer to the value in the header",
                   (const void *)user, (unsigned long)user_len);
        }
        /* Verified: signature only, and with an empty secret both ways. */
        check_call(f, &a, CALLSIGN_OK, NULL, 0, "signature only");
        if (v->secret_len == 0) {
            vargs b = a;
            b.in[1].p = &dummy_byte;
            check_call(f, &b, CALLSIGN_OK, NULL, 0, "empty secret, non-NULL");
        }
        check_window_and_replay(f, &a, v->created_unix);
        if (!v->wsse) {
            callsign_hmac_key key;
            vargs b = a;
            memset(&key, FILL, sizeof key);
            check_status(CS(callsign_hmac_key_init(&key, v->secret, v->secret_len)), CALLSIGN_OK,
                         "callsign_hmac_key_init");
            b.key = &key;
            check_call(&F_AKSK_VERIFY_KEY, &b, CALLSIGN_OK, NULL, 0, "with key");
            check_window_and_replay(&F_AKSK_VERIFY_KEY, &b, v->created_unix);
            CS_VOID(callsign_hmac_key_wipe(&key));
            check_call(&F_AKSK_VERIFY_KEY, &b, CALLSIGN_NOT_INITIALIZED, NULL, 0, "wiped key");
        } else {
            /* The other digest form is malformed. */
            vargs b = a;
            b.u = v->digest == CALLSIGN_WSSE_DIGEST_HEX ? CALLSIGN_WSSE_DIGEST_LEGACY_RAW
                                                        : CALLSIGN_WSSE_DIGEST_HEX;
            check_call(f, &b, CALLSIGN_MALFORMED, NULL, 0, "other digest form");
            b.u = 7;
            check_call(f, &b, CALLSIGN_INVALID_ARGUMENT, NULL, 0, "unknown digest form");
        }
        /* Another application's secret does not verify. */
        {
            vargs b = a;
            b.in[1].p = U8("wrong");
            b.in[1].n = 5;
            check_call(f, &b, CALLSIGN_SIGNATURE_MISMATCH, NULL, 0, "wrong secret");
        }
        /* Every byte of PasswordDigest, Nonce and Created changed: refused. */
        digest_at = strstr(v->header, "PasswordDigest=\"");
        nonce_at = strstr(v->header, "Nonce=\"");
        created_at = strstr(v->header, "Created=\"");
        if (!checkf(digest_at && nonce_at && created_at && v->header_len < sizeof tampered,
                    "header fields not found")) {
            continue;
        }
        ranges[0] = digest_at + 16;
        range_len[0] = v->password_digest_len;
        ranges[1] = nonce_at + 7;
        range_len[1] = v->nonce_len;
        ranges[2] = created_at + 9;
        range_len[2] = 20;
        for (k = 0; k < 3; k++) {
            size_t j;
            for (j = 0; j < range_len[k]; j++) {
                size_t at = (size_t)(ranges[k] - v->header) + j;
                vargs b = a;
                uint32_t rc;
                memcpy(tampered, v->header, v->header_len);
                tampered[at] = tampered[at] == '1' ? '2' : '1';
                b.in[0].p = U8(tampered);
                rc = f->fn(&b, NULL, 0, NULL);
                if (!checkf(rc != CALLSIGN_OK, "byte %lu changed, still accepted",
                            (unsigned long)at)) {
                    break;
                }
                checkf(rc == CALLSIGN_SIGNATURE_MISMATCH || rc == CALLSIGN_MALFORMED,
                       "byte %lu changed: status %lu (%s)", (unsigned long)at, (unsigned long)rc,
                       st(rc));
                refused++;
            }
        }
        checkf(refused > 60, "only %lu tampered forms", refused);
    }
}

/* ------------------------------------------------------------------ */
/* NULL arguments, empty inputs and over-long lengths, for every function. */

static callsign_sinch_body_md5 g_md5;
static callsign_hmac_key g_key;
static const uint8_t *g_user;
static size_t g_user_len, g_live;

typedef struct {
    const vfn *f;
    vargs base;
    const char *want; /* text output of a text function */
    size_t want_len;
} fn_case;

static fn_case fn_cases[16];
static size_t n_fn_cases;

static void add_case(const vfn *f, vargs base, const char *want, size_t want_len)
{
    fn_cases[n_fn_cases].f = f;
    fn_cases[n_fn_cases].base = base;
    fn_cases[n_fn_cases].want = want;
    fn_cases[n_fn_cases].want_len = want_len;
    n_fn_cases++;
}

static void setup_cases(void)
{
    const cs_app_sign_vector *app =
        (const cs_app_sign_vector *)FIND(cs_app_sign_vectors, CS_APP_SIGN_COUNT,
                                         "sinch-app-sign-01");
    const cs_callback_vector *cb = (const cs_callback_vector *)FIND(
        cs_callback_vectors, CS_CALLBACK_COUNT, "sinch-app-callback-01a");
    const cs_webhook_sign_vector *whs = (const cs_webhook_sign_vector *)FIND(
        cs_webhook_sign_vectors, CS_WEBHOOK_SIGN_COUNT, "sinch-webhook-01");
    const cs_webhook_verify_vector *whv = (const cs_webhook_verify_vector *)FIND(
        cs_webhook_verify_vectors, CS_WEBHOOK_VERIFY_COUNT, "sinch-webhook-01-verifya");
    const cs_numbers_sign_vector *nbs = (const cs_numbers_sign_vector *)FIND(
        cs_numbers_sign_vectors, CS_NUMBERS_SIGN_COUNT, "sinch-numbers-callback-01-sign");
    const cs_numbers_verify_vector *nbv = (const cs_numbers_verify_vector *)FIND(
        cs_numbers_verify_vectors, CS_NUMBERS_VERIFY_COUNT, "sinch-numbers-callback-01-verifya");
    const cs_mailgun_sign_vector *mgs = (const cs_mailgun_sign_vector *)FIND(
        cs_mailgun_sign_vectors, CS_MAILGUN_SIGN_COUNT, "mailgun-webhook-01-sign");
    const cs_mailgun_verify_vector *mgv = (const cs_mailgun_verify_vector *)FIND(
        cs_mailgun_verify_vectors, CS_MAILGUN_VERIFY_COUNT, "mailgun-webhook-01a");
    const cs_token_vector *aksk =
        (const cs_token_vector *)FIND(cs_token_vectors, CS_TOKEN_COUNT, "aksk-typical");
    const cs_token_vector *wsse =
        (const cs_token_vector *)FIND(cs_token_vectors, CS_TOKEN_COUNT, "wsse-typical");
    vargs a;

    g_where = "setup";
    check_status(CS(callsign_sinch_body_md5_init(&g_md5)), CALLSIGN_OK, "md5 init");
    check_status(CS(callsign_hmac_key_init(&g_key, aksk->secret, aksk->secret_len)), CALLSIGN_OK,
                 "hmac key init");

    add_case(&F_APP_SIGN, app_args(app, 0), app->authorization, app->authorization_len);
    add_case(&F_APP_STS, app_args(app, 1), app->string_to_sign, app->string_to_sign_len);
    add_case(&F_CALLBACK, callback_args(cb), NULL, 0);
    add_case(&F_WH_SIGN, wh_sign_args(whs), whs->signature, whs->signature_len);
    add_case(&F_WH_VERIFY, wh_verify_args(whv), NULL, 0);
    add_case(&F_NB_SIGN, nb_sign_args(nbs), nbs->signature, nbs->signature_len);
    add_case(&F_NB_VERIFY, nb_verify_args(nbv), NULL, 0);
    add_case(&F_MG_SIGN, mg_sign_args(mgs), mgs->signature, mgs->signature_len);
    add_case(&F_MG_VERIFY, mg_verify_args(mgv), NULL, 0);
    a = token_args(aksk);
    a.user = &g_user;
    a.user_len = &g_user_len;
    add_case(&F_TOKEN_USER, a, NULL, 0);
    add_case(&F_AKSK_VERIFY, token_args(aksk), NULL, 0);
    a = token_args(aksk);
    a.key = &g_key;
    add_case(&F_AKSK_VERIFY_KEY, a, NULL, 0);
    add_case(&F_WSSE_VERIFY, token_args(wsse), NULL, 0);
    memset(&a, 0, sizeof a);
    a.hasher = &g_md5;
    a.in[0].p = U8("abc");
    a.in[0].n = 3;
    add_case(&F_MD5_UPDATE, a, NULL, 0);
    memset(&a, 0, sizeof a);
    a.replay = &g_cache;
    a.live = &g_live;
    a.now = 1;
    add_case(&F_CACHE_LIVE, a, NULL, 0);
}

static void test_arguments(void)
{
    size_t c;
    int i;
    fresh_cache();
    for (c = 0; c < n_fn_cases; c++) {
        const fn_case *fc = &fn_cases[c];
        const vfn *f = fc->f;
        vargs x;
        char what[200];

        g_where = f->name;
        /* The base is valid; the output rule holds for it. */
        check_call(f, &fc->base, CALLSIGN_OK, fc->want, fc->want_len, "base arguments");
        if (f->flags & F_TEXT) {
            check_text(f, &fc->base, fc->want, fc->want_len);
        }

        for (i = 0; i < f->n_in; i++) {
            vargs a = fc->base, b = fc->base;
            char out_a[BIG], out_b[BIG];
            size_t len_a = SENTINEL, len_b = SENTINEL;
            uint32_t rc_a, rc_b;

            /* NULL with a length. */
            x = fc->base;
            x.in[i].p = NULL;
            if (x.in[i].n == 0) {
                x.in[i].n = 1;
            }
            snprintf(what, sizeof what, "%s NULL, length %lu", f->in_names[i],
                     (unsigned long)x.in[i].n);
            check_reject(f, &x, CALLSIGN_NULL_ARGUMENT, what);

            /* A length above PTRDIFF_MAX (the pointer is never read). */
            x = fc->base;
            x.in[i].p = &dummy_byte;
            x.in[i].n = (size_t)PTRDIFF_MAX + 1;
            snprintf(what, sizeof what, "%s length PTRDIFF_MAX + 1", f->in_names[i]);
            check_reject(f, &x, CALLSIGN_INVALID_ARGUMENT, what);
            x.in[i].n = SIZE_MAX;
            snprintf(what, sizeof what, "%s length SIZE_MAX", f->in_names[i]);
            check_reject(f, &x, CALLSIGN_INVALID_ARGUMENT, what);

            /* Empty: NULL and non-NULL with length 0 are the same input. */
            a.in[i].p = NULL;
            a.in[i].n = 0;
            b.in[i].p = &dummy_byte;
            b.in[i].n = 0;
            memset(out_a, FILL, sizeof out_a);
            memset(out_b, FILL, sizeof out_b);
            rc_a = f->fn(&a, out_a, sizeof out_a, &len_a);
            rc_b = f->fn(&b, out_b, sizeof out_b, &len_b);
            snprintf(what, sizeof what, "%s NULL with length 0", f->in_names[i]);
            check_status(rc_a, f->empty[i], what);
            snprintf(what, sizeof what, "%s non-NULL with length 0", f->in_names[i]);
            check_status(rc_b, f->empty[i], what);
            checkf(rc_a == rc_b && len_a == len_b && memcmp(out_a, out_b, sizeof out_a) == 0,
                   "%s: NULL and non-NULL empty inputs differ", f->in_names[i]);
            if (f->empty[i] != CALLSIGN_OK) {
                checkf(len_a == SENTINEL && all_bytes(out_a, sizeof out_a, FILL),
                       "%s empty: output written on an error", f->in_names[i]);
            }
        }

        if (f->flags & F_REQUEST) {
            x = fc->base;
            x.null_request = 1;
            check_reject(f, &x, CALLSIGN_NULL_ARGUMENT, "request NULL");
            x = fc->base;
            x.u = 2;
            check_reject(f, &x, CALLSIGN_INVALID_ARGUMENT, "unknown scheme");
        }
        if (f->flags & F_HEADERS) {
            callsign_pair pairs[8];
            size_t n = fc->base.header_count, k;
            x = fc->base;
            x.headers = NULL;
            check_reject(f, &x, CALLSIGN_NULL_ARGUMENT, "headers NULL, count > 0");
            x.header_count = 0;
            check_reject(f, &x, CALLSIGN_MISSING_HEADER, "headers NULL, count 0");
            x = fc->base;
            x.header_count = SIZE_MAX / 2;
            check_reject(f, &x, CALLSIGN_INVALID_ARGUMENT, "header_count SIZE_MAX / 2");
            if (checkf(n > 0 && n < 8, "header count %lu", (unsigned long)n)) {
                for (k = 0; k < n; k++) {
                    memcpy(pairs, fc->base.headers, n * sizeof pairs[0]);
                    x = fc->base;
                    x.headers = pairs;
                    pairs[k].name = NULL;
                    snprintf(what, sizeof what, "header %lu name NULL", (unsigned long)k);
                    check_reject(f, &x, CALLSIGN_NULL_ARGUMENT, what);
                    memcpy(pairs, fc->base.headers, n * sizeof pairs[0]);
                    pairs[k].value = NULL;
                    snprintf(what, sizeof what, "header %lu value NULL", (unsigned long)k);
                    check_reject(f, &x, CALLSIGN_NULL_ARGUMENT, what);
                    memcpy(pairs, fc->base.headers, n * sizeof pairs[0]);
                    pairs[k].value_len = (size_t)PTRDIFF_MAX + 1;
                    snprintf(what, sizeof what, "header %lu value length over PTRDIFF_MAX",
                             (unsigned long)k);
                    check_reject(f, &x, CALLSIGN_INVALID_ARGUMENT, what);
                }
                /* A header that is read, twice: ambiguous. */
                memcpy(pairs, fc->base.headers, n * sizeof pairs[0]);
                pairs[n] = pairs[0];
                x = fc->base;
                x.headers = pairs;
                x.header_count = n + 1;
                check_reject(f, &x, CALLSIGN_DUPLICATE_HEADER, "a header twice");
                /* An unrelated header may hold anything, NUL and non-UTF-8. */
                pairs[n].name = U8("X-Other");
                pairs[n].name_len = 7;
                pairs[n].value = U8("\377\000\376");
                pairs[n].value_len = 3;
                check_call(f, &x, CALLSIGN_OK, NULL, 0, "an unrelated non-UTF-8 header");
                pairs[n].name = U8("\377");
                pairs[n].name_len = 1;
                check_call(f, &x, CALLSIGN_OK, NULL, 0, "a non-UTF-8 header name");
                pairs[n].name = &dummy_byte;
                pairs[n].name_len = 0;
                pairs[n].value = NULL;
                pairs[n].value_len = 0;
                check_call(f, &x, CALLSIGN_OK, NULL, 0, "an empty header");
                /* A header that is read must be UTF-8. */
                memcpy(pairs, fc->base.headers, n * sizeof pairs[0]);
                pairs[0].value = U8("\377");
                pairs[0].value_len = 1;
                x.header_count = n;
                check_reject(f, &x, CALLSIGN_INVALID_UTF8, "header 0 value not UTF-8");
            }
        }
        if (f->flags & F_MD5) {
            callsign_sinch_body_md5 zero;
            memset(&zero, 0, sizeof zero);
            x = fc->base;
            x.md5 = &zero;
            x.in[f->n_in - 1].p = NULL;
            x.in[f->n_in - 1].n = 0;
            check_reject(f, &x, CALLSIGN_NOT_INITIALIZED, "body_md5 zeroed");
        }
        if (f->flags & F_REPLAY) {
            callsign_replay_cache zero;
            memset(&zero, 0, sizeof zero);
            x = fc->base;
            x.replay = &zero;
            x.skew = 300;
            check_reject(f, &x, CALLSIGN_NOT_INITIALIZED, "replay cache zeroed");
        }
        if (f->flags & F_KEY) {
            callsign_hmac_key zero;
            memset(&zero, 0, sizeof zero);
            x = fc->base;
            x.key = NULL;
            check_reject(f, &x, CALLSIGN_NULL_ARGUMENT, "key NULL");
            x.key = &zero;
            check_reject(f, &x, CALLSIGN_NOT_INITIALIZED, "key zeroed");
        }
        if (f->flags & F_USER) {
            g_user = NULL;
            g_user_len = SENTINEL;
            x = fc->base;
            x.user = NULL;
            check_reject(f, &x, CALLSIGN_NULL_ARGUMENT, "username NULL");
            x = fc->base;
            x.user_len = NULL;
            check_reject(f, &x, CALLSIGN_NULL_ARGUMENT, "username_len NULL");
            checkf(g_user == NULL && g_user_len == SENTINEL, "username written on an error");
            x = fc->base;
            x.in[0].p = U8("UsernameToken Username=\"k\"");
            x.in[0].n = 26;
            check_reject(f, &x, CALLSIGN_MALFORMED, "truncated header");
            checkf(g_user == NULL && g_user_len == SENTINEL, "username written on an error");
            x.in[0].p = U8("\377");
            x.in[0].n = 1;
            check_reject(f, &x, CALLSIGN_INVALID_UTF8, "header not UTF-8");
        }
        if (f->flags & F_HASHER) {
            callsign_sinch_body_md5 zero;
            memset(&zero, 0, sizeof zero);
            x = fc->base;
            x.hasher = NULL;
            check_reject(f, &x, CALLSIGN_NULL_ARGUMENT, "hasher NULL");
            x.hasher = &zero;
            check_reject(f, &x, CALLSIGN_NOT_INITIALIZED, "hasher zeroed");
            checkf(all_bytes(&zero, sizeof zero, 0), "zeroed hasher written");
        }
        if (f->flags & F_LIVE) {
            callsign_replay_cache zero;
            memset(&zero, 0, sizeof zero);
            x = fc->base;
            x.replay = NULL;
            check_reject(f, &x, CALLSIGN_NULL_ARGUMENT, "cache NULL");
            x = fc->base;
            x.live = NULL;
            check_reject(f, &x, CALLSIGN_NULL_ARGUMENT, "live NULL");
            x = fc->base;
            x.replay = &zero;
            check_reject(f, &x, CALLSIGN_NOT_INITIALIZED, "cache zeroed");
        }
    }
    CS_VOID(callsign_replay_cache_wipe(&g_cache));
}

/* ------------------------------------------------------------------ */
/* Input errors of the signing functions, and statuses of bad received
 * values beyond the vectors. */

static void test_input_errors(void)
{
    const fn_case *app = &fn_cases[0], *sts = &fn_cases[1], *cb = &fn_cases[2];
    const fn_case *whs = &fn_cases[3], *whv = &fn_cases[4], *nbs = &fn_cases[5];
    const fn_case *mgs = &fn_cases[7], *mgv = &fn_cases[8];
    static char long_text[3000];
    vargs x;

    g_where = "input errors";
    memset(long_text, 'a', sizeof long_text);
    checkf(app->f == &F_APP_SIGN && sts->f == &F_APP_STS && cb->f == &F_CALLBACK &&
               whs->f == &F_WH_SIGN && whv->f == &F_WH_VERIFY && nbs->f == &F_NB_SIGN &&
               mgs->f == &F_MG_SIGN && mgv->f == &F_MG_VERIFY,
           "case order");

    /* Sinch request signing. */
    x = app->base;
    x.in[0].p = U8("app:key");
    x.in[0].n = 7;
    check_reject(&F_APP_SIGN, &x, CALLSIGN_INVALID_APP_KEY, "key with ':'");
    x.in[0].p = U8(long_text);
    x.in[0].n = 129;
    check_reject(&F_APP_SIGN, &x, CALLSIGN_INVALID_APP_KEY, "key of 129 bytes");
    x.in[0].n = 128;
    check_call(&F_APP_SIGN, &x, CALLSIGN_OK, NULL, 0, "key of 128 bytes");
    {
        /* The longest Authorization: exactly the MAX_LEN constant with NUL. */
        char out[CALLSIGN_SINCH_AUTHORIZATION_MAX_LEN];
        size_t len = SENTINEL;
        check_status(inv_app_sign(&x, out, sizeof out, &len), CALLSIGN_OK, "longest key");
        checkf(len + 1 == CALLSIGN_SINCH_AUTHORIZATION_MAX_LEN, "longest Authorization: %lu",
               (unsigned long)len);
    }
    x = app->base;
    x.in[0].p = U8("k\303\251y");
    x.in[0].n = 4;
    check_reject(&F_APP_SIGN, &x, CALLSIGN_INVALID_APP_KEY, "non-ASCII key");
    x.in[0].p = U8("k\377y");
    x.in[0].n = 3;
    check_reject(&F_APP_SIGN, &x, CALLSIGN_INVALID_UTF8, "key not UTF-8");
    x = app->base;
    x.in[1].p = U8("app-secret");
    x.in[1].n = 10;
    check_reject(&F_APP_SIGN, &x, CALLSIGN_INVALID_SECRET, "secret not Base64");
    x.in[1].p = U8("JViE5vDor0Sw3WllZka15Q");
    x.in[1].n = 22;
    check_call(&F_APP_SIGN, &x, CALLSIGN_OK, NULL, 0, "unpadded secret");
    x.in[1].p = U8("JViE5vDor0Sw3WllZka15Q=");
    x.in[1].n = 23;
    check_reject(&F_APP_SIGN, &x, CALLSIGN_INVALID_SECRET, "secret with one '='");
    x.in[1].p = U8(long_text);
    x.in[1].n = 260;
    check_reject(&F_APP_SIGN, &x, CALLSIGN_INVALID_SECRET, "secret of 260 characters");
    x = sts->base;
    x.in[0].p = U8("GE T");
    x.in[0].n = 4;
    check_reject(&F_APP_STS, &x, CALLSIGN_INVALID_REQUEST, "method with a space");
    x = sts->base;
    x.in[1].p = U8("calls");
    x.in[1].n = 5;
    check_reject(&F_APP_STS, &x, CALLSIGN_INVALID_REQUEST, "target without '/'");
    x.in[1].p = U8("/a%zz");
    x.in[1].n = 5;
    check_reject(&F_APP_STS, &x, CALLSIGN_INVALID_REQUEST, "bad percent escape");
    x.in[1].p = U8("/a%ff");
    x.in[1].n = 5;
    check_reject(&F_APP_STS, &x, CALLSIGN_INVALID_UTF8, "path not UTF-8 once decoded");
    x.in[1].p = U8("/a\nb");
    x.in[1].n = 4;
    check_reject(&F_APP_STS, &x, CALLSIGN_INVALID_REQUEST, "target with LF");
    x.in[1].p = U8("/a/b?x=\001");
    x.in[1].n = 8;
    check_reject(&F_APP_STS, &x, CALLSIGN_INVALID_REQUEST, "query with a control character");
    x = sts->base;
    x.in[2].p = U8("application/json\r\nX: y");
    x.in[2].n = 22;
    check_reject(&F_APP_STS, &x, CALLSIGN_INVALID_HEADER, "content type with CR LF");
    x = sts->base;
    x.in[3].p = U8("2024-07-01 12:34:56Z");
    x.in[3].n = 20;
    check_reject(&F_APP_STS, &x, CALLSIGN_INVALID_TIMESTAMP, "x-timestamp with a space");
    x.in[3].p = U8("1700000000");
    x.in[3].n = 10;
    check_reject(&F_APP_STS, &x, CALLSIGN_INVALID_TIMESTAMP, "x-timestamp in Unix seconds");
    x.in[3].p = U8("2024-07-01T12:34:56.789+02:00");
    x.in[3].n = 29;
    check_call(&F_APP_STS, &x, CALLSIGN_OK, NULL, 0, "x-timestamp with an offset");

    /* Sinch webhook and Numbers signing, Mailgun signing. */
    x = whs->base;
    x.in[2].p = U8("n 1");
    x.in[2].n = 3;
    check_reject(&F_WH_SIGN, &x, CALLSIGN_INVALID_NONCE, "nonce with a space");
    x.in[2].p = U8(long_text);
    x.in[2].n = 257;
    check_reject(&F_WH_SIGN, &x, CALLSIGN_INVALID_NONCE, "nonce of 257 bytes");
    x = whs->base;
    x.in[3].p = U8("17e8");
    x.in[3].n = 4;
    check_reject(&F_WH_SIGN, &x, CALLSIGN_INVALID_TIMESTAMP, "timestamp 17e8");
    x.in[3].p = U8("123456789012345678901");
    x.in[3].n = 21;
    check_reject(&F_WH_SIGN, &x, CALLSIGN_INVALID_TIMESTAMP, "timestamp of 21 digits");
    x = nbs->base;
    x.in[0].p = U8(long_text);
    x.in[0].n = 1025;
    check_reject(&F_NB_SIGN, &x, CALLSIGN_INVALID_SECRET, "secret of 1025 bytes");
    x.in[0].n = 1024;
    check_call(&F_NB_SIGN, &x, CALLSIGN_OK, NULL, 0, "secret of 1024 bytes");
    x = mgs->base;
    x.in[1].p = U8("-1");
    x.in[1].n = 2;
    check_reject(&F_MG_SIGN, &x, CALLSIGN_INVALID_TIMESTAMP, "timestamp -1");
    x = mgs->base;
    x.in[2].p = U8("tok en");
    x.in[2].n = 6;
    check_reject(&F_MG_SIGN, &x, CALLSIGN_INVALID_NONCE, "token with a space");
    x.in[2].p = U8(long_text);
    x.in[2].n = 257;
    check_reject(&F_MG_SIGN, &x, CALLSIGN_INVALID_NONCE, "token of 257 bytes");

    /* Received values. */
    x = mgv->base;
    x.in[1].p = U8("18446744073709551616");
    x.in[1].n = 20;
    check_reject(&F_MG_VERIFY, &x, CALLSIGN_MALFORMED, "timestamp above UINT64_MAX");
    x = mgv->base;
    x.in[3].p = U8("851316D8484843EABFD067DCB0ABECB4EB08B93BCE38BBEED31CA63C017157C7");
    check_reject(&F_MG_VERIFY, &x, CALLSIGN_MALFORMED, "upper-case signature");
    x = cb->base;
    x.u = 2;
    check_reject(&F_CALLBACK, &x, CALLSIGN_INVALID_ARGUMENT, "unknown scheme");
    x = cb->base;
    x.u = CALLSIGN_SINCH_SERVICE;
    check_reject(&F_CALLBACK, &x, CALLSIGN_MALFORMED, "Application callback as service");
    x = cb->base;
    x.in[2].p = U8("post");
    x.in[2].n = 4;
    check_call(&F_CALLBACK, &x, CALLSIGN_OK, NULL, 0, "method in lower case");
    x.in[3].p = U8("/sinch/callback/ace?x=1");
    x.in[3].n = 23;
    check_call(&F_CALLBACK, &x, CALLSIGN_OK, NULL, 0, "query not signed");
    {
        /* A received x-timestamp that is not ISO 8601: the signature is
         * over the text as received; the window cannot read it. */
        const uint8_t body[] = "{}";
        char auth[CALLSIGN_SINCH_AUTHORIZATION_MAX_LEN];
        size_t n;
        callsign_sinch_request r;
        callsign_pair hs[3];
        memset(&r, 0, sizeof r);
        r.scheme = CALLSIGN_SINCH_APPLICATION;
        r.method = U8("POST");
        r.method_len = 4;
        r.target = U8("/cb");
        r.target_len = 3;
        r.x_timestamp = U8("2024-07-01T12:34:56Z");
        r.x_timestamp_len = 20;
        r.body = body;
        r.body_len = 2;
        check_status(CS(callsign_sinch_application_sign(U8("app"), 3, cb->base.in[1].p,
                                                        cb->base.in[1].n, &r, auth, sizeof auth,
                                                        &n)),
                     CALLSIGN_OK, "sign a callback");
        hs[0].name = U8("Authorization");
        hs[0].name_len = 13;
        hs[0].value = U8(auth);
        hs[0].value_len = n;
        hs[1].name = U8("x-timestamp");
        hs[1].name_len = 11;
        hs[1].value = r.x_timestamp;
        hs[1].value_len = r.x_timestamp_len;
        x = cb->base;
        x.in[0].p = U8("app");
        x.in[0].n = 3;
        x.in[2] = (span){r.method, r.method_len};
        x.in[3] = (span){r.target, r.target_len};
        x.in[4] = (span){body, 2};
        x.headers = hs;
        x.header_count = 2;
        check_call(&F_CALLBACK, &x, CALLSIGN_OK, NULL, 0, "own callback, no Content-Type");
        x.skew = 300;
        x.now = UINT64_C(1719837296);
        check_call(&F_CALLBACK, &x, CALLSIGN_OK, NULL, 0, "own callback, in the window");
        x.u = CALLSIGN_SINCH_SERVICE;
        check_reject(&F_CALLBACK, &x, CALLSIGN_MALFORMED, "Application word, service scheme");
    }
}

/* ------------------------------------------------------------------ */
/* Storage: the streaming MD5 and the replay cache. */

static void test_md5_storage(void)
{
    callsign_sinch_body_md5 h, other;
    callsign_replay_cache cache;
    const fn_case *sts = &fn_cases[1];
    vargs x = sts->base;
    char one[BIG], two[BIG];
    size_t n1, n2;
    const uint8_t *body = sts->base.in[4].p;
    size_t body_len = sts->base.in[4].n;

    g_where = "body MD5 storage";
    check_status(CS(callsign_sinch_body_md5_init(NULL)), CALLSIGN_NULL_ARGUMENT, "init(NULL)");
    CS_VOID(callsign_sinch_body_md5_wipe(NULL));
    memset(&h, FILL, sizeof h);
    check_status(CS(callsign_sinch_body_md5_init(&h)), CALLSIGN_OK, "init over garbage");
    check_status(CS(callsign_sinch_body_md5_update(&h, body, body_len)), CALLSIGN_OK, "update");
    x.in[4].p = NULL;
    x.in[4].n = 0;
    x.md5 = &h;
    /* The hasher is read, not changed: the same text twice. */
    check_status(call_text(&F_APP_STS, &x, one, sizeof one, &n1), CALLSIGN_OK, "first");
    check_status(call_text(&F_APP_STS, &x, two, sizeof two, &n2), CALLSIGN_OK, "second");
    checkf(n1 == n2 && memcmp(one, two, n1) == 0 && n1 == sts->want_len &&
               memcmp(one, sts->want, n1) == 0,
           "the hasher changed when read");
    /* More data after a read: the digest of the longer body. */
    check_status(CS(callsign_sinch_body_md5_update(&h, U8("x"), 1)), CALLSIGN_OK, "update");
    check_status(call_text(&F_APP_STS, &x, one, sizeof one, &n1), CALLSIGN_OK, "longer");
    {
        uint8_t *longer = (uint8_t *)malloc(body_len + 1);
        vargs y = sts->base;
        if (checkf(longer != NULL, "malloc")) {
            memcpy(longer, body, body_len);
            longer[body_len] = 'x';
            y.in[4].p = longer;
            y.in[4].n = body_len + 1;
            check_status(call_text(&F_APP_STS, &y, two, sizeof two, &n2), CALLSIGN_OK, "whole");
            checkf(n1 == n2 && memcmp(one, two, n1) == 0, "update after a read: \"%.*s\"",
                   (int)n1, one);
            free(longer);
        }
    }
    /* Empty body through the hasher: the Content-MD5 line of each scheme. */
    check_status(CS(callsign_sinch_body_md5_init(&h)), CALLSIGN_OK, "re-init");
    x.u = CALLSIGN_SINCH_APPLICATION;
    check_status(call_text(&F_APP_STS, &x, one, sizeof one, &n1), CALLSIGN_OK, "empty body");
    checkf(strncmp(one, "POST\n\n", 6) == 0, "Application, empty body: \"%.*s\"", (int)n1, one);
    x.u = CALLSIGN_SINCH_SERVICE;
    check_status(call_text(&F_APP_STS, &x, one, sizeof one, &n1), CALLSIGN_OK, "empty body");
    checkf(strncmp(one, "POST\n1B2M2Y8AsgTpgAmY7PhCfg==\n", 30) == 0,
           "service, empty body: \"%.*s\"", (int)n1, one);

    /* Wiped: all zero, and refused everywhere. */
    CS_VOID(callsign_sinch_body_md5_wipe(&h));
    checkf(all_bytes(&h, sizeof h, 0), "not zeroed by wipe");
    check_status(CS(callsign_sinch_body_md5_update(&h, U8("x"), 1)), CALLSIGN_NOT_INITIALIZED,
                 "update after wipe");
    check_reject(&F_APP_STS, &x, CALLSIGN_NOT_INITIALIZED, "wiped hasher");
    CS_VOID(callsign_sinch_body_md5_wipe(&h));
    checkf(all_bytes(&h, sizeof h, 0), "second wipe");
    /* Storage of another kind is not a hasher: a replay cache's bytes, a
     * key's bytes. */
    check_status(CS(callsign_replay_cache_init(&cache)), CALLSIGN_OK, "cache init");
    memcpy(&other, &cache, sizeof other);
    check_status(CS(callsign_sinch_body_md5_update(&other, U8("x"), 1)),
                 CALLSIGN_NOT_INITIALIZED, "a replay cache's bytes");
    memset(&other, 0, sizeof other);
    memcpy(&other, &g_key, sizeof g_key < sizeof other ? sizeof g_key : sizeof other);
    check_status(CS(callsign_sinch_body_md5_update(&other, U8("x"), 1)),
                 CALLSIGN_NOT_INITIALIZED, "a key's bytes");
    memcpy(&cache, &g_md5, sizeof g_md5);
    {
        size_t live = SENTINEL;
        check_status(CS(callsign_replay_cache_live(&cache, 0, &live)), CALLSIGN_NOT_INITIALIZED,
                     "a hasher's bytes as a replay cache");
        checkf(live == SENTINEL, "live written on an error");
    }
}

/* 1-byte, odd and one-shot chunkings agree for bodies of many lengths. */
static void test_md5_chunkings(void)
{
    static uint8_t data[300];
    const fn_case *sts = &fn_cases[1];
    size_t lens[] = {0, 1, 2, 3, 55, 56, 63, 64, 65, 127, 128, 129, 300};
    size_t i, k;
    int mode;
    g_where = "body MD5 chunkings";
    for (k = 0; k < sizeof data; k++) {
        data[k] = (uint8_t)(k * 31 + 7);
    }
    for (i = 0; i < sizeof lens / sizeof lens[0]; i++) {
        vargs whole = sts->base;
        char want[BIG];
        size_t want_len;
        whole.u = CALLSIGN_SINCH_SERVICE;
        whole.in[4].p = data;
        whole.in[4].n = lens[i];
        check_status(call_text(&F_APP_STS, &whole, want, sizeof want, &want_len), CALLSIGN_OK,
                     "one-shot");
        for (mode = 0; mode < 3; mode++) {
            callsign_sinch_body_md5 h;
            vargs x = whole;
            char got[BIG];
            size_t got_len;
            checkf(md5_stream(&h, data, lens[i], mode), "stream");
            x.in[4].p = NULL;
            x.in[4].n = 0;
            x.md5 = &h;
            check_status(call_text(&F_APP_STS, &x, got, sizeof got, &got_len), CALLSIGN_OK,
                         "streamed");
            checkf(got_len == want_len && memcmp(got, want, got_len) == 0,
                   "%lu bytes in %s: \"%.*s\", want \"%.*s\"", (unsigned long)lens[i],
                   MODE_NAMES[mode], (int)got_len, got, (int)want_len, want);
            CS_VOID(callsign_sinch_body_md5_wipe(&h));
        }
    }
}

/* Mailgun webhooks signed here, to fill the replay cache. */
static void mg_token(char *token, unsigned i)
{
    snprintf(token, 32, "token-%04u", i);
}

static uint32_t mg_verify_token(unsigned i, uint64_t ts, uint64_t now, uint64_t skew,
                                callsign_replay_cache *cache)
{
    char token[32], t[24], sig[CALLSIGN_MAILGUN_WEBHOOK_SIGNATURE_MAX_LEN];
    size_t n;
    uint32_t rc;
    mg_token(token, i);
    snprintf(t, sizeof t, "%lu", (unsigned long)ts);
    rc = CS(callsign_mailgun_webhook_sign(U8("key"), 3, U8(t), strlen(t), U8(token),
                                          strlen(token), sig, sizeof sig, &n));
    if (rc != CALLSIGN_OK) {
        return rc;
    }
    return CS(callsign_mailgun_webhook_verify(U8("key"), 3, U8(t), strlen(t), U8(token),
                                              strlen(token), U8(sig), n, now, skew, cache));
}

#define ZEROS64 "0000000000000000000000000000000000000000000000000000000000000000"

static void test_replay_cache(void)
{
    const uint64_t t = UINT64_C(1700000000), w = 60;
    callsign_replay_cache cache;
    unsigned i;
    size_t live;
    char what[80];

    g_where = "replay cache";
    check_status(CS(callsign_replay_cache_init(NULL)), CALLSIGN_NULL_ARGUMENT, "init(NULL)");
    CS_VOID(callsign_replay_cache_wipe(NULL));
    memset(&cache, FILL, sizeof cache);
    check_status(CS(callsign_replay_cache_init(&cache)), CALLSIGN_OK, "init over garbage");
    live = SENTINEL;
    check_status(CS(callsign_replay_cache_live(&cache, t, &live)), CALLSIGN_OK, "live");
    checkf(live == 0, "a new cache has %lu live entries", (unsigned long)live);

    /* Fill it: CAPACITY distinct requests are accepted... */
    for (i = 0; i < CALLSIGN_REPLAY_CACHE_CAPACITY; i++) {
        snprintf(what, sizeof what, "request %u", i);
        check_status(mg_verify_token(i, t, t, w, &cache), CALLSIGN_OK, what);
    }
    check_status(CS(callsign_replay_cache_live(&cache, t, &live)), CALLSIGN_OK, "live");
    checkf(live == CALLSIGN_REPLAY_CACHE_CAPACITY, "%lu live entries", (unsigned long)live);
    /* ...every one of them is a replay now... */
    for (i = 0; i < CALLSIGN_REPLAY_CACHE_CAPACITY; i++) {
        snprintf(what, sizeof what, "replay of request %u", i);
        check_status(mg_verify_token(i, t, t + 1, w, &cache), CALLSIGN_REPLAY, what);
    }
    /* ...and a new one fails closed, also later inside the window. */
    check_status(mg_verify_token(1000, t, t, w, &cache), CALLSIGN_REPLAY_CACHE_FULL,
                 "a new request, cache full");
    check_status(mg_verify_token(1001, t + w, t + w, w, &cache), CALLSIGN_REPLAY_CACHE_FULL,
                 "a new request at the last second of the entries");
    /* A forged or stale request never reaches the cache: its own error. */
    check_status(CS(callsign_mailgun_webhook_verify(U8("key"), 3, U8("1700000000"), 10,
                                                    U8("token-x"), 7, U8(ZEROS64), 64, t, w,
                                                    &cache)),
                 CALLSIGN_SIGNATURE_MISMATCH, "forged, cache full");
    check_status(mg_verify_token(1002, t - w - 1, t, w, &cache), CALLSIGN_TIMESTAMP_TOO_OLD,
                 "stale, cache full");
    check_status(CS(callsign_replay_cache_live(&cache, t, &live)), CALLSIGN_OK, "live");
    checkf(live == CALLSIGN_REPLAY_CACHE_CAPACITY, "%lu live entries", (unsigned long)live);

    /* Expiry frees the slots: entries of t live until t + w. */
    check_status(CS(callsign_replay_cache_live(&cache, t + w + 1, &live)), CALLSIGN_OK, "live");
    checkf(live == 0, "%lu live entries after expiry", (unsigned long)live);
    check_status(mg_verify_token(1000, t + w + 1, t + w + 1, w, &cache), CALLSIGN_OK,
                 "a new request once the entries expired");
    check_status(mg_verify_token(1000, t + w + 1, t + w + 2, w, &cache), CALLSIGN_REPLAY,
                 "its replay");
    for (i = 0; i < CALLSIGN_REPLAY_CACHE_CAPACITY - 1; i++) {
        snprintf(what, sizeof what, "refill %u", i);
        check_status(mg_verify_token(2000 + i, t + w + 1, t + w + 1, w, &cache), CALLSIGN_OK,
                     what);
    }
    check_status(mg_verify_token(3000, t + w + 1, t + w + 1, w, &cache),
                 CALLSIGN_REPLAY_CACHE_FULL, "full again");
    /* An old token after expiry is stale, not a replay. */
    check_status(mg_verify_token(0, t, t + w + 1, w, &cache), CALLSIGN_TIMESTAMP_TOO_OLD,
                 "old token after expiry");

    /* Schemes do not collide: the same nonce for another scheme. */
    fresh_cache();
    {
        const char *nonce = "token-0001";
        char sig[CALLSIGN_SINCH_WEBHOOK_SIGNATURE_MAX_LEN];
        size_t n;
        callsign_pair hs[4];
        check_status(mg_verify_token(1, t, t, w, &g_cache), CALLSIGN_OK, "Mailgun token");
        check_status(CS(callsign_sinch_webhook_sign(U8("s"), 1, U8("{}"), 2, U8(nonce),
                                                    strlen(nonce), U8("1700000000"), 10, sig,
                                                    sizeof sig, &n)),
                     CALLSIGN_OK, "webhook sign");
        hs[0].name = U8("x-sinch-webhook-signature");
        hs[0].name_len = 25;
        hs[0].value = U8(sig);
        hs[0].value_len = n;
        hs[1].name = U8("x-sinch-webhook-signature-nonce");
        hs[1].name_len = 31;
        hs[1].value = U8(nonce);
        hs[1].value_len = strlen(nonce);
        hs[2].name = U8("x-sinch-webhook-signature-timestamp");
        hs[2].name_len = 35;
        hs[2].value = U8("1700000000");
        hs[2].value_len = 10;
        hs[3].name = U8("X-Sinch-Webhook-Signature-Algorithm");
        hs[3].name_len = 35;
        hs[3].value = U8("hmacsha256");
        hs[3].value_len = 10;
        check_status(CS(callsign_sinch_webhook_verify(U8("s"), 1, hs, 4, U8("{}"), 2, t, w,
                                                      &g_cache)),
                     CALLSIGN_OK, "the same text as a webhook nonce");
        check_status(CS(callsign_sinch_webhook_verify(U8("s"), 1, hs, 4, U8("{}"), 2, t, w,
                                                      &g_cache)),
                     CALLSIGN_REPLAY, "webhook replay");
        checkf(live_at(t) == 2, "two live entries");
    }
    CS_VOID(callsign_replay_cache_wipe(&g_cache));

    /* Wiped: all zero and refused; init makes it empty again. */
    CS_VOID(callsign_replay_cache_wipe(&cache));
    checkf(all_bytes(&cache, sizeof cache, 0), "not zeroed by wipe");
    live = SENTINEL;
    check_status(CS(callsign_replay_cache_live(&cache, t, &live)), CALLSIGN_NOT_INITIALIZED,
                 "live after wipe");
    checkf(live == SENTINEL, "live written on an error");
    check_status(mg_verify_token(5000, t, t, w, &cache), CALLSIGN_NOT_INITIALIZED,
                 "verify with a wiped cache");
    checkf(all_bytes(&cache, sizeof cache, 0), "a wiped cache was written");
    check_status(CS(callsign_replay_cache_init(&cache)), CALLSIGN_OK, "init after wipe");
    check_status(mg_verify_token(0, t, t, w, &cache), CALLSIGN_OK, "accepted after re-init");
    CS_VOID(callsign_replay_cache_wipe(&cache));
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
    printf("c-verify: malloc guard active\n");
#endif
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
#if defined(__SANITIZE_ADDRESS__)
    printf("c-verify: AddressSanitizer active\n");
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
    printf("c-verify: AddressSanitizer active\n");
#endif
#endif
    guard_self_check();
    setup_cases();

    test_app_sign_vectors();
    test_callback_vectors();
    test_webhook_vectors();
    test_numbers_vectors();
    test_mailgun_vectors();
    test_token_vectors();
    test_arguments();
    test_input_errors();
    test_md5_storage();
    test_md5_chunkings();
    test_replay_cache();
    CS_VOID(callsign_sinch_body_md5_wipe(&g_md5));
    CS_VOID(callsign_hmac_key_wipe(&g_key));
    free_bodies();

    g_where = "coverage";
    checkf(n_vectors == CS_SINCH_MAILGUN_VECTOR_COUNT + CS_TOKEN_COUNT,
           "%lu vectors run, the files hold %lu", n_vectors,
           (unsigned long)(CS_SINCH_MAILGUN_VECTOR_COUNT + CS_TOKEN_COUNT));
    checkf(n_generated_checked >= 2, "only %lu generated bodies", (unsigned long)n_generated_checked);
#ifdef CALLSIGN_MALLOC_GUARD
    g_where = "malloc guard";
    checkf(guard_regions > 1000, "only %lu guarded callsign calls", guard_regions);
    checkf(guarded_calls == 0, "%lu allocator calls inside callsign_* functions",
           (unsigned long)guarded_calls);
#endif
    printf("c-verify: %lu vectors (%lu Sinch signing, %lu callbacks, %lu webhook, %lu Numbers, "
           "%lu Mailgun, %lu X-AKSK/X-WSSE), %lu streamed bodies; %lu callsign calls\n",
           n_vectors, (unsigned long)CS_APP_SIGN_COUNT, (unsigned long)CS_CALLBACK_COUNT,
           (unsigned long)(CS_WEBHOOK_SIGN_COUNT + CS_WEBHOOK_VERIFY_COUNT),
           (unsigned long)(CS_NUMBERS_SIGN_COUNT + CS_NUMBERS_VERIFY_COUNT),
           (unsigned long)(CS_MAILGUN_SIGN_COUNT + CS_MAILGUN_VERIFY_COUNT),
           (unsigned long)CS_TOKEN_COUNT, n_streamed, guard_regions);
    printf("c-verify: %lu passed, %lu failed\n", n_pass, n_fail);
    return n_fail == 0 ? 0 : 1;
}
