/* X-AKSK on mbedTLS (x_aksk.c). */
#ifndef CALLSIGN_MBEDTLS_X_AKSK_H
#define CALLSIGN_MBEDTLS_X_AKSK_H
#include <stddef.h>

#include "mbedtls/md.h"

/* The X-AKSK value with the key prepared in `ctx` (mbedtls_md_setup with
 * HMAC, then mbedtls_md_hmac_starts with the secret, done once). Returns
 * its length, or 0 if `cap` is too small or mbedTLS failed. */
size_t x_aksk_with_key(mbedtls_md_context_t *ctx, const char *app_key, const char *nonce,
                       const char *created, char *out, size_t cap);
/* The same from the secret: mbedtls_md_hmac_starts(secret) first (`ctx`
 * set up with mbedtls_md_setup). */
size_t x_aksk(mbedtls_md_context_t *ctx, const unsigned char *secret, size_t secret_len,
              const char *app_key, const char *nonce, const char *created, char *out, size_t cap);
#endif
