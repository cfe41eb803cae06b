// Compile-only check that include/callsign.h is valid C++11 and C++17 on
// its own, with g++ -Wall -Wextra -pedantic and clang++ -Weverything
// (tests/c/run.sh, stage "header"):
//   g++ -std=c++11 -Wall -Wextra -Werror -pedantic -Iinclude -c tests/c/test_header.cpp
// Includes nothing else; uses types and constants and takes the address of
// functions, calls nothing. run.sh checks with nm that the object refers
// to them unmangled (C linkage: the header's extern "C").
#include "callsign.h"

struct callsign_hmac_key; // named tags: forward declarations work

static_assert(sizeof(callsign_hmac_key) == CALLSIGN_HMAC_KEY_SIZE, "callsign_hmac_key size");
static_assert(sizeof(callsign_sha256_ctx) == CALLSIGN_SHA256_CTX_SIZE, "callsign_sha256_ctx size");
static_assert(sizeof(callsign_hmac_sha256_ctx) == CALLSIGN_HMAC_SHA256_CTX_SIZE,
              "callsign_hmac_sha256_ctx size");
static_assert(alignof(callsign_hmac_key) >= 8, "callsign_hmac_key alignment");
static_assert(alignof(callsign_sha256_ctx) >= 8, "callsign_sha256_ctx alignment");
static_assert(alignof(callsign_hmac_sha256_ctx) >= 8, "callsign_hmac_sha256_ctx alignment");
static_assert(sizeof(callsign_apig_body_hasher) == CALLSIGN_APIG_BODY_HASHER_SIZE,
              "callsign_apig_body_hasher size");
static_assert(alignof(callsign_apig_body_hasher) >= 8, "callsign_apig_body_hasher alignment");
static_assert(CALLSIGN_VERSION_NUMBER == ((CALLSIGN_VERSION_MAJOR << 16) |
                                          (CALLSIGN_VERSION_MINOR << 8) | CALLSIGN_VERSION_PATCH),
              "version number");
static_assert(sizeof(CALLSIGN_VERSION_STRING) >= 6, "version string");

int callsign_header_check_cpp();

int callsign_header_check_cpp()
{
    char x_aksk[CALLSIGN_X_AKSK_MAX_LEN];
    char x_wsse[CALLSIGN_X_WSSE_MAX_LEN];
    char basic[CALLSIGN_BASIC_MAX_LEN];
    uint8_t tag[CALLSIGN_SHA256_LEN];
    callsign_hmac_key key = {};
    callsign_fill_random rng = nullptr;
    decltype(&callsign_huawei_voice_x_aksk) sign = &callsign_huawei_voice_x_aksk;
    decltype(&callsign_huawei_apig_sign) apig = &callsign_huawei_apig_sign;
    decltype(&callsign_version_number) number = &callsign_version_number;
    callsign_apig_outputs outputs = {};
    size_t total = sizeof x_aksk + sizeof x_wsse + sizeof basic + sizeof tag + sizeof key.opaque;

    (void)sign;
    (void)apig;
    (void)number;
    total += sizeof outputs + CALLSIGN_APIG_AUTHORIZATION_MAX_LEN;
    (void)rng;
    if (total == 0 || CALLSIGN_WSSE_DIGEST_HEX == CALLSIGN_WSSE_DIGEST_LEGACY_RAW) {
        return static_cast<int>(CALLSIGN_INVALID_ARGUMENT);
    }
    return static_cast<int>(CALLSIGN_OK) + CALLSIGN_VERSION_MAJOR * 0;
}
