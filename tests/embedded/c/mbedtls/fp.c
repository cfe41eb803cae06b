/* Flash and stack of X-AKSK on mbedTLS, beside callsign's fp_empty,
 * fp_aksk and stack firmwares:
 *   -DFP_EMPTY  the runtime alone (rt.c: reset, exit), the baseline;
 *   -DFP_AKSK   X-AKSK from the secret (mbedtls_md_setup,
 *               mbedtls_md_hmac_starts, update, finish, Base64, assembly);
 *   -DSTACK     X-AKSK from the secret and with the key prepared, each on a
 *               painted stack: prints `stack-painted x_aksk N` and
 *               `stack-painted x_aksk_with_key N` (the context's 236 bytes
 *               are in rt.c's calloc arena, not on the stack).
 * Each checks the aksk-typical vector and exits 0 only if it matches. */
#include <string.h>

#include "rt.h"
#if !defined(FP_EMPTY)
#include "aksk_vector.h"
#include "x_aksk.h"
#endif

#if defined(FP_EMPTY)
int main(void) {
    static volatile char out[8];
    return out[0];
}
#else
struct job {
    mbedtls_md_context_t *md;
    char out[256];
};

static size_t job_secret(void *p) {
    struct job *j = p;
    return x_aksk(j->md, (const unsigned char *)AKSK_SECRET, strlen(AKSK_SECRET), AKSK_APP_KEY,
                  AKSK_NONCE, AKSK_CREATED, j->out, sizeof j->out);
}

#if defined(STACK)
static size_t job_key(void *p) {
    struct job *j = p;
    return x_aksk_with_key(j->md, AKSK_APP_KEY, AKSK_NONCE, AKSK_CREATED, j->out, sizeof j->out);
}
#endif

static int matches(const struct job *j, size_t n) {
    return n == strlen(AKSK_EXPECTED) && memcmp(j->out, AKSK_EXPECTED, n) == 0;
}

int main(void) {
    /* On the stack, as callsign's fp_aksk keeps its key and output; the
     * stack firmware's output buffer is static (the caller's, uncounted). */
#if defined(FP_AKSK)
    mbedtls_md_context_t md;
    struct job j;
#else
    static mbedtls_md_context_t md;
    static struct job j;
#endif
    size_t n;
    mbedtls_md_init(&md);
    if (mbedtls_md_setup(&md, mbedtls_md_info_from_type(MBEDTLS_MD_SHA256), 1)) return 1;
    j.md = &md;
#if defined(FP_AKSK)
    n = job_secret(&j);
    mbedtls_md_free(&md);
    return matches(&j, n) ? 0 : 1;
#else
    size_t depth;
    int ok = 1;
    depth = rt_stack_peak(job_secret, &j, &n);
    ok &= matches(&j, n) && depth != 0;
    rt_put("stack-painted x_aksk ");
    rt_num((uint32_t)depth);
    rt_put("\n");
    memset(j.out, 0, sizeof j.out);
    depth = rt_stack_peak(job_key, &j, &n);
    ok &= matches(&j, n) && depth != 0;
    rt_put("stack-painted x_aksk_with_key ");
    rt_num((uint32_t)depth);
    rt_put("\n");
    mbedtls_md_free(&md);
    return ok ? 0 : 1;
#endif
}
#endif
