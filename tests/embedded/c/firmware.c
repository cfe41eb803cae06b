/* C test firmware: signs every X-AKSK, X-WSSE and Basic vector through the
 * C ABI (include/callsign.h, the thumbv7em libcallsign.a) with every buffer
 * on the stack, on QEMU mps2-an386 (Cortex-M4F), reporting through
 * semihosting (newlib's librdimon). Exit status: 0 when every vector
 * matches, 1 otherwise.
 *
 * The vector tables come from tests/c/gen_vectors.py at build time
 * (scripts/embedded.sh), from the JSON files in tests/vectors. Output goes
 * straight to librdimon's _write (semihosting).
 *
 * No allocation: librdimon links newlib's stdio and with it malloc, so the
 * firmware is linked with -Wl,--wrap=_malloc_r (every malloc, calloc and
 * realloc in newlib goes through _malloc_r) and counts the calls; any call
 * while main runs fails the run. The script also checks that callsign's own
 * object in libcallsign.a names no allocator function. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "callsign.h"
#include "callsign_test_vectors.h"

/* librdimon's semihosting system calls. */
extern int _write(int fd, const void *buf, size_t len);

static unsigned passed, failed;

struct _reent;
extern void *__real__malloc_r(struct _reent *r, size_t n);
static volatile unsigned allocations;

void *__wrap__malloc_r(struct _reent *r, size_t n);
void *__wrap__malloc_r(struct _reent *r, size_t n) {
    allocations++;
    return __real__malloc_r(r, n);
}

static void put(const char *s) {
    (void)_write(1, s, strlen(s));
}

static void put_u(unsigned n) {
    char buf[12];
    char *p = buf + sizeof buf;
    *--p = '\0';
    do {
        *--p = (char)('0' + n % 10);
        n /= 10;
    } while (n);
    put(p);
}

/* Passes when rc is CALLSIGN_OK and out[0..n] is `want`, NUL-terminated. */
static void check(const char *scheme, const char *id, uint32_t rc, const char *out, size_t n,
                  const char *want) {
    size_t len = strlen(want);
    if (rc == CALLSIGN_OK && n == len && memcmp(out, want, len) == 0 && out[len] == '\0') {
        passed++;
        return;
    }
    failed++;
    put("c-firmware: FAIL ");
    put(scheme);
    put(" ");
    put(id);
    put(": ");
    put(callsign_status_str(rc));
    put("\n");
}

static void x_aksk(const cs_aksk_vector *v) {
    char out[CALLSIGN_X_AKSK_MAX_LEN];
    size_t n = 0;
    uint32_t rc = callsign_huawei_voice_x_aksk(
        (const uint8_t *)v->app_key, v->app_key_len, v->secret, v->secret_len,
        (const uint8_t *)v->nonce, v->nonce_len, v->created_unix, out, sizeof out, &n);
    check("x-aksk", v->id, rc, out, n, v->x_aksk);

    callsign_hmac_key key;
    rc = callsign_hmac_key_init(&key, v->secret, v->secret_len);
    n = 0;
    if (rc == CALLSIGN_OK) {
        rc = callsign_huawei_voice_x_aksk_with_key(&key, (const uint8_t *)v->app_key,
                                                   v->app_key_len, (const uint8_t *)v->nonce,
                                                   v->nonce_len, v->created_unix, out,
                                                   sizeof out, &n);
    }
    callsign_hmac_key_wipe(&key);
    check("x-aksk-with-key", v->id, rc, out, n, v->x_aksk);
    check("x-aksk-authorization", v->id, CALLSIGN_OK, callsign_huawei_voice_authorization(),
          strlen(v->authorization), v->authorization);
}

static void x_wsse(const cs_wsse_vector *v) {
    char out[CALLSIGN_X_WSSE_MAX_LEN];
    size_t n = 0;
    uint32_t rc = callsign_huawei_sms_x_wsse(
        (const uint8_t *)v->app_key, v->app_key_len, v->secret, v->secret_len,
        (const uint8_t *)v->nonce, v->nonce_len, v->created_unix, v->digest, out, sizeof out, &n);
    check("x-wsse", v->id, rc, out, n, v->x_wsse);
    check("x-wsse-authorization", v->id, CALLSIGN_OK, callsign_huawei_sms_authorization(),
          strlen(v->authorization), v->authorization);
}

static void basic(const cs_basic_vector *v) {
    char out[CALLSIGN_BASIC_MAX_LEN];
    size_t n = 0;
    uint32_t rc;
    if (v->kind == CS_BASIC_MAILGUN) {
        rc = callsign_mailgun_basic_authorization(v->secret, v->secret_len, out, sizeof out, &n);
    } else {
        rc = callsign_basic_authorization((const uint8_t *)v->user, v->user_len, v->secret,
                                          v->secret_len, out, sizeof out, &n);
    }
    check("basic", v->id, rc, out, n, v->authorization);
}

int main(void) {
    size_t i;
    unsigned allocations_before = allocations;
    for (i = 0; i < CS_AKSK_VECTOR_COUNT; i++) x_aksk(&cs_aksk_vectors[i]);
    for (i = 0; i < CS_WSSE_VECTOR_COUNT; i++) x_wsse(&cs_wsse_vectors[i]);
    for (i = 0; i < CS_BASIC_VECTOR_COUNT; i++) basic(&cs_basic_vectors[i]);
    if (allocations != allocations_before) {
        failed++;
        put("c-firmware: FAIL: malloc was called while signing\n");
    } else {
        passed++;
    }
    put("c-firmware: ");
    put_u(CS_AKSK_VECTOR_COUNT);
    put(" X-AKSK, ");
    put_u(CS_WSSE_VECTOR_COUNT);
    put(" X-WSSE, ");
    put_u(CS_BASIC_VECTOR_COUNT);
    put(" Basic vectors, no allocation: ");
    put_u(passed);
    put(" checks passed, ");
    put_u(failed);
    put(" failed\n");
    return failed == 0 && passed > 0 ? 0 : 1;
}
