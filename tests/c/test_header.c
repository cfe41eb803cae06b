/* Compile-only check that include/callsign.h is valid C89, C99 and C11 on
 * its own, with gcc -Wall -Wextra -pedantic-errors and clang -Weverything
 * (tests/c/run.sh, stage "header"):
 *   gcc -std=c89 -Wall -Wextra -Werror -pedantic-errors -Iinclude -c tests/c/test_header.c
 * Includes nothing else; uses types, constants and the version macros,
 * forward-declares a struct by its tag and takes the address of functions
 * (checks their prototypes); calls nothing. */
#include "callsign.h"

/* Named struct tags: the types can be forward-declared. */
struct callsign_hmac_key;
struct callsign_replay_cache;
typedef struct callsign_hmac_key fwd_key;

int callsign_header_check_c(void);

int callsign_header_check_c(void)
{
    char x_aksk[CALLSIGN_X_AKSK_MAX_LEN];
    char x_wsse[CALLSIGN_X_WSSE_MAX_LEN];
    char basic[CALLSIGN_BASIC_MAX_LEN];
    char version[] = CALLSIGN_VERSION_STRING;
    uint8_t tag[CALLSIGN_SHA256_LEN];
    callsign_hmac_key key = {0}; /* the header's "= {0} + init" idiom */
    fwd_key *pkey = &key;
    callsign_sha256_ctx sha;
    callsign_hmac_sha256_ctx mac;
    callsign_fill_random rng = NULL;
    uint32_t (*sign)(const uint8_t *, size_t, const uint8_t *, size_t, const uint8_t *, size_t,
                     uint64_t, char *, size_t, size_t *) = callsign_huawei_voice_x_aksk;
    uint32_t (*apig)(const callsign_apig_credentials *, const callsign_apig_request *, char *,
                     size_t, size_t *, callsign_apig_outputs *) = callsign_huawei_apig_sign;
    uint32_t (*number)(void) = callsign_version_number;
    char apig_auth[CALLSIGN_APIG_AUTHORIZATION_MAX_LEN];
    callsign_apig_body_hasher hasher;
    callsign_pair pair = {NULL, 0, NULL, 0};
    size_t total = sizeof x_aksk + sizeof x_wsse + sizeof basic + sizeof tag;

    (void)sign;
    (void)rng;
    (void)apig;
    (void)number;
    total += sizeof pkey->opaque + sizeof sha.opaque + sizeof mac.opaque + sizeof version;
    total += sizeof apig_auth + sizeof hasher.opaque + pair.name_len;
    if (total == 0 || CALLSIGN_WSSE_DIGEST_HEX == CALLSIGN_WSSE_DIGEST_LEGACY_RAW ||
        CALLSIGN_VERSION_NUMBER != ((CALLSIGN_VERSION_MAJOR << 16) |
                                    (CALLSIGN_VERSION_MINOR << 8) | CALLSIGN_VERSION_PATCH) ||
        CALLSIGN_OVERLAPPING_BUFFERS == CALLSIGN_OK) {
        return (int)CALLSIGN_INVALID_ARGUMENT;
    }
    return (int)CALLSIGN_OK + CALLSIGN_VERSION_MAJOR * 0;
}
