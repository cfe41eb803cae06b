/*
 * Peak stack of one call of each main C ABI entry point, by stack painting:
 * paint() fills a 64 KiB area below the caller's frame with 0xA5, the entry
 * point runs from the same caller (so its frames start at the same stack
 * pointer), and used() finds the deepest byte that no longer holds the
 * pattern. paint(), used() and the entry point are called from the same
 * frame, so the three start at the same depth; the figure is exact to
 * within the few bytes of return address and saved registers by which
 * the frames of paint() and used() may differ.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "callsign.h"

#define AREA 65536

__attribute__((noinline)) static void paint(void) {
    volatile unsigned char area[AREA];
    for (size_t i = 0; i < AREA; i++) area[i] = 0xA5;
}

__attribute__((noinline)) static size_t used(void) {
    volatile unsigned char area[AREA];
    size_t i = 0;
    while (i < AREA && area[i] == 0xA5) i++;
    return AREA - i;
}

static const uint8_t app_key[] = "a1B2c3D4e5F6g7H8i9J0kLmNoPqR";
static const uint8_t secret[] = "Zy9Xw8Vu7Ts6Rq5Po4Nm3Lk2Ji1H";
static const uint8_t nonce[] = "66c92b11ff8a425fb8d4ccfe0ed9ed1f";
static char out[4096];
static size_t out_len;
static callsign_hmac_key key;

__attribute__((noinline)) static uint32_t x_aksk(void) {
    return callsign_huawei_voice_x_aksk(app_key, sizeof app_key - 1, secret, sizeof secret - 1,
                                        nonce, sizeof nonce - 1, 1709280930u, out, sizeof out,
                                        &out_len);
}

__attribute__((noinline)) static uint32_t x_aksk_with_key(void) {
    return callsign_huawei_voice_x_aksk_with_key(&key, app_key, sizeof app_key - 1, nonce,
                                                 sizeof nonce - 1, 1709280930u, out, sizeof out,
                                                 &out_len);
}

__attribute__((noinline)) static uint32_t x_wsse(void) {
    return callsign_huawei_sms_x_wsse(app_key, sizeof app_key - 1, secret, sizeof secret - 1, nonce,
                                      sizeof nonce - 1, 1709280930u, CALLSIGN_WSSE_DIGEST_HEX, out,
                                      sizeof out, &out_len);
}

__attribute__((noinline)) static uint32_t basic(void) {
    return callsign_mailgun_basic_authorization(secret, sizeof secret - 1, out, sizeof out,
                                                &out_len);
}

__attribute__((noinline)) static uint32_t apig(void) {
    static const char method[] = "POST", host[] = "smsapi.cn-north-4.myhuaweicloud.com:443";
    static const char path[] = "/sms/batchSendSms/v1";
    static const char h0[] = "Content-Type", v0[] = "application/json";
    static const char h1[] = "X-Project-Id", v1[] = "0123456789abcdef0123456789abcdef";
    static const char body[] = "{\"from\":\"8824110605\",\"to\":[\"+8615123456789\"]}";
    const callsign_pair headers[2] = {
        {(const uint8_t *)h0, sizeof h0 - 1, (const uint8_t *)v0, sizeof v0 - 1},
        {(const uint8_t *)h1, sizeof h1 - 1, (const uint8_t *)v1, sizeof v1 - 1},
    };
    callsign_apig_credentials cred;
    callsign_apig_request req;
    memset(&cred, 0, sizeof cred);
    memset(&req, 0, sizeof req);
    cred.app_key = app_key;
    cred.app_key_len = sizeof app_key - 1;
    cred.secret = secret;
    cred.secret_len = sizeof secret - 1;
    cred.algorithm = CALLSIGN_APIG_SDK_HMAC_SHA256;
    cred.variant = CALLSIGN_APIG_VARIANT_CORE;
    req.method = (const uint8_t *)method;
    req.method_len = sizeof method - 1;
    req.host = (const uint8_t *)host;
    req.host_len = sizeof host - 1;
    req.path = (const uint8_t *)path;
    req.path_len = sizeof path - 1;
    req.headers = headers;
    req.header_count = 2;
    req.body_kind = CALLSIGN_APIG_BODY_BYTES;
    req.body = (const uint8_t *)body;
    req.body_len = sizeof body - 1;
    req.date_unix = 1709280930u;
    return callsign_huawei_apig_sign(&cred, &req, out, sizeof out, &out_len, NULL);
}

__attribute__((noinline)) static uint32_t nothing(void) { return 0; }

struct entry {
    const char *name;
    uint32_t (*call)(void);
};

int main(void) {
    const struct entry entries[] = {
        {"baseline (an empty call)", nothing},
        {"callsign_huawei_voice_x_aksk", x_aksk},
        {"callsign_huawei_voice_x_aksk_with_key", x_aksk_with_key},
        {"callsign_huawei_sms_x_wsse", x_wsse},
        {"callsign_mailgun_basic_authorization", basic},
        {"callsign_huawei_apig_sign (2 headers, 45 B body)", apig},
    };
    if (callsign_hmac_key_init(&key, secret, sizeof secret - 1) != CALLSIGN_OK) return 1;
    for (size_t i = 0; i < sizeof entries / sizeof entries[0]; i++) {
        paint();
        uint32_t rc = entries[i].call();
        size_t bytes = used();
        if (rc != CALLSIGN_OK) {
            fprintf(stderr, "%s: %s\n", entries[i].name, callsign_status_str(rc));
            return 1;
        }
        printf("%s %zu\n", entries[i].name, bytes);
    }
    return 0;
}
