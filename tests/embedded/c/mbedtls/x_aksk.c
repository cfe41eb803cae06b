/* X-AKSK (Huawei Voice Call) on mbedTLS, for the comparison with callsign:
 * PasswordDigest = Base64(HMAC-SHA256(secret, nonce || created)), then
 *   UsernameToken Username="<app_key>",PasswordDigest="<digest>",
 *   Nonce="<nonce>",Created="<created>"
 * (src/peers.rs assemble_x_aksk; vectors in tests/vectors/huawei.json).
 * The caller passes `created` as text (callsign formats it from Unix
 * seconds). */
#include <string.h>

#include "mbedtls/base64.h"
#include "x_aksk.h"

static size_t put(char *out, size_t cap, size_t pos, const void *p, size_t n) {
    if (pos > cap || n > cap - pos) return (size_t)-1;
    memcpy(out + pos, p, n);
    return pos + n;
}

static size_t finish(mbedtls_md_context_t *ctx, const char *app_key, const char *nonce,
                     const char *created, char *out, size_t cap) {
    unsigned char tag[32], digest[45];
    size_t n = 0, pos = 0;
    size_t nonce_len = strlen(nonce), created_len = strlen(created);
    if (mbedtls_md_hmac_update(ctx, (const unsigned char *)nonce, nonce_len) ||
        mbedtls_md_hmac_update(ctx, (const unsigned char *)created, created_len) ||
        mbedtls_md_hmac_finish(ctx, tag) ||
        mbedtls_base64_encode(digest, sizeof digest, &n, tag, sizeof tag))
        return 0;
    pos = put(out, cap, pos, "UsernameToken Username=\"", 24);
    pos = put(out, cap, pos, app_key, strlen(app_key));
    pos = put(out, cap, pos, "\",PasswordDigest=\"", 18);
    pos = put(out, cap, pos, digest, n);
    pos = put(out, cap, pos, "\",Nonce=\"", 9);
    pos = put(out, cap, pos, nonce, nonce_len);
    pos = put(out, cap, pos, "\",Created=\"", 11);
    pos = put(out, cap, pos, created, created_len);
    pos = put(out, cap, pos, "\"", 1);
    return pos == (size_t)-1 ? 0 : pos;
}

size_t x_aksk_with_key(mbedtls_md_context_t *ctx, const char *app_key, const char *nonce,
                       const char *created, char *out, size_t cap) {
    if (mbedtls_md_hmac_reset(ctx)) return 0;
    return finish(ctx, app_key, nonce, created, out, cap);
}

size_t x_aksk(mbedtls_md_context_t *ctx, const unsigned char *secret, size_t secret_len,
              const char *app_key, const char *nonce, const char *created, char *out, size_t cap) {
    if (mbedtls_md_hmac_starts(ctx, secret, secret_len)) return 0;
    return finish(ctx, app_key, nonce, created, out, cap);
}
