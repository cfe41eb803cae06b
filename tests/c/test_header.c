/* Compile-only check that include/callsign.h is valid C99 on its own:
 *   gcc -std=c99 -Wall -Wextra -Werror -pedantic -Iinclude -c tests/c/test_header.c
 * Includes nothing else; uses types and constants and takes the address of
 * one function (checks its prototype), calls nothing. */
#include "callsign.h"

int callsign_header_check_c(void);

int callsign_header_check_c(void)
{
    char x_aksk[CALLSIGN_X_AKSK_MAX_LEN];
    char x_wsse[CALLSIGN_X_WSSE_MAX_LEN];
    char basic[CALLSIGN_BASIC_MAX_LEN];
    uint8_t tag[CALLSIGN_SHA256_LEN];
    callsign_hmac_key key;
    callsign_sha256_ctx sha;
    callsign_hmac_sha256_ctx mac;
    callsign_fill_random rng = NULL;
    uint32_t (*sign)(const uint8_t *, size_t, const uint8_t *, size_t, const uint8_t *, size_t,
                     uint64_t, char *, size_t, size_t *) = callsign_huawei_voice_x_aksk;
    uint32_t (*apig)(const callsign_apig_credentials *, const callsign_apig_request *, char *,
                     size_t, size_t *, callsign_apig_outputs *) = callsign_huawei_apig_sign;
    char apig_auth[CALLSIGN_APIG_AUTHORIZATION_MAX_LEN];
    callsign_apig_body_hasher hasher;
    callsign_pair pair = {NULL, 0, NULL, 0};
    size_t total = sizeof x_aksk + sizeof x_wsse + sizeof basic + sizeof tag;

    (void)sign;
    (void)rng;
    (void)apig;
    total += sizeof key.opaque + sizeof sha.opaque + sizeof mac.opaque;
    total += sizeof apig_auth + sizeof hasher.opaque + pair.name_len;
    if (total == 0 || CALLSIGN_WSSE_DIGEST_HEX == CALLSIGN_WSSE_DIGEST_LEGACY_RAW) {
        return (int)CALLSIGN_INVALID_ARGUMENT;
    }
    return (int)CALLSIGN_OK + CALLSIGN_VERSION_MAJOR * 0;
}
