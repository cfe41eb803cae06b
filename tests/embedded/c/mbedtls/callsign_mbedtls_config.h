/* mbedTLS 2.28 configuration of the comparison firmwares (MBEDTLS_CONFIG_FILE):
 * SHA-256 (default, unrolled implementation), the message-digest layer for
 * HMAC, Base64 and nothing else. */
#ifndef CALLSIGN_MBEDTLS_CONFIG_H
#define CALLSIGN_MBEDTLS_CONFIG_H
#define MBEDTLS_SHA256_C
#define MBEDTLS_MD_C
#define MBEDTLS_BASE64_C
#include "mbedtls/check_config.h"
#endif
