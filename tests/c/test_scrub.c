/* Stack scrub: after a call, no key-equivalent data may be left in the
 * stack the call used.
 *
 * Each case paints the stack below main with a pattern, runs one job
 * (initialise a precomputed key, sign or verify with it, wipe it), then
 * reads the dead stack the job used and searches it for the secret, its
 * padded key blocks and the HMAC inner and outer states (taken from the
 * key's storage before the wipe: white-box, the storage holds an 8-byte tag
 * and then the two states as native 32-bit words). A state word is looked
 * for on its own, in native and in big-endian order, so a copy in another
 * word order (the SHA extensions' layout) is found too.
 *
 * Reading dead stack is outside the C language: this program is built
 * plainly (no sanitizer, no valgrind) at -O1 and its reads go through
 * volatile. Last line: "c-scrub: N passed, N failed". */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "callsign.h"

#if defined(__GNUC__)
#pragma GCC diagnostic ignored "-Wuninitialized"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

#define DEPTH 65536
#define PAINT 0xC5

static unsigned long n_pass, n_fail;

#if defined(__GNUC__)
#define NOINLINE __attribute__((noinline))
#else
#define NOINLINE
#endif

NOINLINE static void paint(void)
{
    volatile uint8_t stack[DEPTH];
    size_t i;
    for (i = 0; i < DEPTH; i++) {
        stack[i] = PAINT;
    }
    (void)stack[0];
}

/* What a job must not leave behind. */
typedef struct {
    uint8_t needle[64][4];
    size_t count;
    const char *what[64];
    uint8_t secret_head[16];
    uint8_t ipad_head[16];
    uint8_t opad_head[16];
    uint8_t block[4][16];
    const char *block_what[4];
    size_t blocks;
} needles;

static void add_bytes(needles *n, const uint8_t *b, const char *what)
{
    if (n->blocks < 4) {
        memcpy(n->block[n->blocks], b, 16);
        n->block_what[n->blocks++] = what;
    }
}

static void add_bytes(needles *n, const uint8_t *b, const char *what);

static void add_word(needles *n, uint32_t w, const char *what)
{
    if (n->count + 2 > 64) {
        return;
    }
    memcpy(n->needle[n->count], &w, 4);
    n->what[n->count++] = what;
    n->needle[n->count][0] = (uint8_t)(w >> 24);
    n->needle[n->count][1] = (uint8_t)(w >> 16);
    n->needle[n->count][2] = (uint8_t)(w >> 8);
    n->needle[n->count][3] = (uint8_t)w;
    n->what[n->count++] = what;
}

static void make_needles(needles *n, const uint8_t *secret, size_t len,
                         const callsign_hmac_key *key)
{
    uint32_t words[16];
    size_t i;
    memset(n, 0, sizeof *n);
    memcpy(words, (const uint8_t *)key + 8, sizeof words);
    for (i = 0; i < 16; i++) {
        add_word(n, words[i], i < 8 ? "inner state word" : "outer state word");
    }
    for (i = 0; i < 16; i++) {
        uint8_t b = i < len ? secret[i] : 0;
        n->secret_head[i] = b;
        n->ipad_head[i] = (uint8_t)(b ^ 0x36);
        n->opad_head[i] = (uint8_t)(b ^ 0x5c);
    }
}

/* Searches the dead stack; returns how many needles were found. */
NOINLINE static unsigned long scan(const needles *n, const char *job, int check_secret)
{
    volatile uint8_t stack[DEPTH];
    static uint8_t copy[DEPTH];
    size_t i, k, used = 0;
    unsigned long found = 0;
    for (i = 0; i < DEPTH; i++) {
        copy[i] = stack[i];
        used += copy[i] != PAINT;
    }
    for (i = 0; i + 4 <= DEPTH; i++) {
        for (k = 0; k < n->count; k++) {
            if (memcmp(copy + i, n->needle[k], 4) == 0) {
                printf("FAIL %s: %s at dead stack offset %lu (%p)\n", job, n->what[k],
                       (unsigned long)i, (void *)(uintptr_t)(stack + i));
                found++;
            }
        }
        if (i + 16 <= DEPTH) {
            if (check_secret && memcmp(copy + i, n->secret_head, 16) == 0) {
                printf("FAIL %s: the secret at dead stack offset %lu (%p)\n", job, (unsigned long)i,
                       (void *)(uintptr_t)(stack + i));
                found++;
            }
            for (k = 0; k < n->blocks; k++) {
                if (memcmp(copy + i, n->block[k], 16) == 0) {
                    printf("FAIL %s: %s at dead stack offset %lu (%p)\n", job,
                           n->block_what[k], (unsigned long)i, (void *)(uintptr_t)(stack + i));
                    found++;
                }
            }
            if (memcmp(copy + i, n->ipad_head, 16) == 0 ||
                memcmp(copy + i, n->opad_head, 16) == 0) {
                printf("FAIL %s: a padded key block at dead stack offset %lu\n", job,
                       (unsigned long)i);
                found++;
            }
        }
    }
    if (used == 0) {
        printf("FAIL %s: the job left no trace at all: the scan does not see its stack\n", job);
        found++;
    }
    return found;
}

static void verdict(unsigned long found, const char *job)
{
    if (found == 0) {
        n_pass++;
        printf("ok   %s\n", job);
    } else {
        n_fail++;
    }
}

/* Secrets: one that fits a block, one hashed first (over several blocks). */
static const uint8_t SHORT_SECRET[] = "Zy9Xw8Vu7Ts6Rq5Po4Nm3Lk2Ji1H-scrub-test-secret";
static uint8_t long_secret[300];

static callsign_hmac_key g_key;
static uint8_t g_key_copy[CALLSIGN_HMAC_KEY_SIZE];

NOINLINE static uint32_t job_init_wipe(const uint8_t *s, size_t len)
{
    uint32_t rc = callsign_hmac_key_init(&g_key, s, len);
    memcpy(g_key_copy, &g_key, sizeof g_key);
    callsign_hmac_key_wipe(&g_key);
    return rc;
}

NOINLINE static uint32_t job_hmac_ctx(const uint8_t *s, size_t len)
{
    callsign_hmac_sha256_ctx ctx;
    uint8_t tag[32];
    uint32_t rc = callsign_hmac_sha256_init(&ctx, s, len);
    if (rc == CALLSIGN_OK) {
        rc = callsign_hmac_sha256_update(&ctx, (const uint8_t *)"message", 7);
    }
    if (rc == CALLSIGN_OK) {
        rc = callsign_hmac_sha256_final(&ctx, tag);
    }
    callsign_hmac_sha256_wipe(&ctx);
    return rc;
}

NOINLINE static uint32_t job_x_aksk(const uint8_t *s, size_t len)
{
    char out[CALLSIGN_X_AKSK_MAX_LEN];
    size_t n;
    return callsign_huawei_voice_x_aksk((const uint8_t *)"app", 3, s, len,
                                        (const uint8_t *)"abc123", 6, 1700000000u, out,
                                        sizeof out, &n);
}

NOINLINE static uint32_t job_x_wsse(const uint8_t *s, size_t len)
{
    char out[CALLSIGN_X_WSSE_MAX_LEN];
    size_t n;
    return callsign_huawei_sms_x_wsse((const uint8_t *)"app", 3, s, len,
                                      (const uint8_t *)"abc123", 6, 1700000000u,
                                      CALLSIGN_WSSE_DIGEST_HEX, out, sizeof out, &n);
}

static char g_header[CALLSIGN_X_AKSK_MAX_LEN];
static size_t g_header_len;

NOINLINE static uint32_t job_x_aksk_verify(const uint8_t *s, size_t len)
{
    return callsign_huawei_voice_x_aksk_verify((const uint8_t *)g_header, g_header_len,
                                               (const uint8_t *)"app", 3, s, len, 1700000000u,
                                               CALLSIGN_DEFAULT_MAX_SKEW_SECS, NULL);
}

/* A forged header: the right MAC must not be left behind by the refusal. */
static char g_forged[CALLSIGN_X_AKSK_MAX_LEN];

NOINLINE static uint32_t job_x_aksk_verify_forged(const uint8_t *s, size_t len)
{
    uint32_t rc = callsign_huawei_voice_x_aksk_verify((const uint8_t *)g_forged, g_header_len,
                                                      (const uint8_t *)"app", 3, s, len,
                                                      1700000000u,
                                                      CALLSIGN_DEFAULT_MAX_SKEW_SECS, NULL);
    return rc == CALLSIGN_SIGNATURE_MISMATCH ? CALLSIGN_OK : 1000 + rc;
}

/* A Sinch Numbers callback (HMAC-SHA1) with a forged signature. */
NOINLINE static uint32_t job_numbers_verify_forged(const uint8_t *s, size_t len)
{
    static const char zeros[] = "0000000000000000000000000000000000000000";
    callsign_pair h;
    uint32_t rc;
    h.name = (const uint8_t *)"X-Sinch-Signature";
    h.name_len = 17;
    h.value = (const uint8_t *)zeros;
    h.value_len = 40;
    rc = callsign_sinch_numbers_verify(s, len, &h, 1, (const uint8_t *)"{}", 2);
    return rc == CALLSIGN_SIGNATURE_MISMATCH ? CALLSIGN_OK : 1000 + rc;
}

static unsigned hexval(char c)
{
    return c <= '9' ? (unsigned)(c - '0') : (unsigned)(c - 'a' + 10);
}

static uint32_t run_job(int which, const uint8_t *s, size_t len)
{
    switch (which) {
    case 0:
        return job_init_wipe(s, len);
    case 1:
        return job_hmac_ctx(s, len);
    case 2:
        return job_x_aksk(s, len);
    case 3:
        return job_x_wsse(s, len);
    case 4:
        return job_x_aksk_verify(s, len);
    case 5:
        return job_x_aksk_verify_forged(s, len);
    default:
        return job_numbers_verify_forged(s, len);
    }
}

static void run_case(const char *job_name, const uint8_t *s, size_t len, int which)
{
    const char *job = job_name;
    needles n;
    uint32_t rc;
    /* The states to look for, from a key made outside the painted run. */
    rc = job_init_wipe(s, len);
    memcpy(&g_key, g_key_copy, sizeof g_key);
    make_needles(&n, s, len, &g_key);
    memset(&g_key, 0, sizeof g_key);
    /* The header to verify, signed outside the painted run. */
    rc |= callsign_huawei_voice_x_aksk((const uint8_t *)"app", 3, s, len,
                                       (const uint8_t *)"abc123", 6, 1700000000u, g_header,
                                       sizeof g_header, &g_header_len);
    /* The same header with another digest (32 zero bytes: nothing like the
     * right one), and the right MAC, to look for after its refusal. */
    memcpy(g_forged, g_header, sizeof g_forged);
    {
        char *d = strstr(g_forged, "PasswordDigest=\"") + 16;
        uint8_t mac[32];
        memcpy(d, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", 44);
        rc |= callsign_hmac_sha256(s, len, (const uint8_t *)"abc1232023-11-14T22:13:20Z", 26, mac);
        if (which == 5) { /* elsewhere the MAC is public: the header sent */
            add_bytes(&n, mac, "the expected MAC (first half)");
            add_bytes(&n, mac + 16, "the expected MAC (second half)");
        }
        if (which == 6) {
            char hex[CALLSIGN_SINCH_NUMBERS_SIGNATURE_MAX_LEN];
            size_t hex_len, k;
            rc |= callsign_sinch_numbers_sign(s, len, (const uint8_t *)"{}", 2, hex, sizeof hex,
                                              &hex_len);
            for (k = 0; k < 20; k++) {
                mac[k] = (uint8_t)(hexval(hex[2 * k]) << 4 | hexval(hex[2 * k + 1]));
            }
            add_bytes(&n, mac, "the expected HMAC-SHA1 (first 16 bytes)");
        }
    }
    paint();
    rc |= run_job(which, s, len);
    if (rc != CALLSIGN_OK) {
        printf("FAIL %s: status %lu\n", job, (unsigned long)rc);
        n_fail++;
        return;
    }
    /* The secret itself is the caller's: it stays in the caller's frames,
     * not in the dead stack below them. */
    verdict(scan(&n, job, 1), job);
}

int main(void)
{
    size_t i;
    for (i = 0; i < sizeof long_secret; i++) {
        long_secret[i] = (uint8_t)((i * 7 + 1) ^ ((i >> 8) * 0x5b)); /* no period of 256 */
    }
    run_case("callsign_hmac_key_init + _wipe, 46-byte secret", SHORT_SECRET,
             sizeof SHORT_SECRET - 1, 0);
    run_case("callsign_hmac_key_init + _wipe, 300-byte secret", long_secret, sizeof long_secret,
             0);
    run_case("callsign_hmac_sha256_init/_update/_final/_wipe, 46-byte secret", SHORT_SECRET,
             sizeof SHORT_SECRET - 1, 1);
    run_case("callsign_hmac_sha256_init/_update/_final/_wipe, 300-byte secret", long_secret,
             sizeof long_secret, 1);
    for (i = 0; i < 2; i++) {
        const uint8_t *s = i == 0 ? SHORT_SECRET : long_secret;
        size_t len = i == 0 ? sizeof SHORT_SECRET - 1 : sizeof long_secret;
        run_case(i == 0 ? "callsign_huawei_voice_x_aksk, 46-byte secret"
                        : "callsign_huawei_voice_x_aksk, 300-byte secret", s, len, 2);
        run_case(i == 0 ? "callsign_huawei_sms_x_wsse, 46-byte secret"
                        : "callsign_huawei_sms_x_wsse, 300-byte secret", s, len, 3);
        run_case(i == 0 ? "callsign_huawei_voice_x_aksk_verify, 46-byte secret"
                        : "callsign_huawei_voice_x_aksk_verify, 300-byte secret", s, len, 4);
        run_case(i == 0 ? "callsign_huawei_voice_x_aksk_verify of a forged header, 46-byte secret"
                        : "callsign_huawei_voice_x_aksk_verify of a forged header, 300-byte secret",
                 s, len, 5);
        run_case(i == 0 ? "callsign_sinch_numbers_verify (HMAC-SHA1) of a forged signature, 46-byte secret"
                        : "callsign_sinch_numbers_verify (HMAC-SHA1) of a forged signature, 256-byte secret",
                 s, i == 0 ? len : 256, 6);
    }
    printf("c-scrub: %lu passed, %lu failed\n", n_pass, n_fail);
    return n_fail == 0 ? 0 : 1;
}
