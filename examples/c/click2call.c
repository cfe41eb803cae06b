/*
 * Firmware-style example: sign a Huawei Voice Call click2Call request with
 * buffers on the stack, and print the two header lines.
 *
 *   make            # builds ../../target/release/libcallsign.a, then this
 *   ./click2call
 *
 * On a device, the secret comes from secure storage, the time from an RTC
 * or SNTP, and fill_random from the hardware TRNG.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "callsign.h"

/* Stand-in for a hardware random number generator: reads /dev/urandom. */
static int fill_random(void *ctx, uint8_t *buf, size_t len) {
    FILE *f = (FILE *)ctx;
    return fread(buf, 1, len, f) == len ? 0 : -1;
}

int main(void) {
    static const char app_key[] = "a1B2c3D4e5F6g7H8i9J0kLmNoPqR"; /* sample credentials */
    static const uint8_t app_secret[] = "Zy9Xw8Vu7Ts6Rq5Po4Nm3Lk2Ji1H";

    callsign_hmac_key key; /* precomputed once, reused for every request */
    uint32_t rc = callsign_hmac_key_init(&key, app_secret, sizeof app_secret - 1);
    if (rc != CALLSIGN_OK) {
        fprintf(stderr, "key: %s\n", callsign_status_str(rc));
        return 1;
    }

    FILE *urandom = fopen("/dev/urandom", "rb");
    if (urandom == NULL) {
        callsign_hmac_key_wipe(&key);
        return 1;
    }
    char x_aksk[CALLSIGN_X_AKSK_MAX_LEN]; /* fits any X-AKSK value */
    size_t len = 0;
    rc = callsign_huawei_voice_x_aksk_random(&key, (const uint8_t *)app_key, strlen(app_key),
                                             fill_random, urandom, (uint64_t)time(NULL), x_aksk,
                                             sizeof x_aksk, &len);
    fclose(urandom);
    callsign_hmac_key_wipe(&key);
    if (rc != CALLSIGN_OK) {
        fprintf(stderr, "x-aksk: %s\n", callsign_status_str(rc));
        return 1;
    }
    printf("POST /rest/httpsessions/click2Call/v2.0\n");
    printf("Content-Type: application/json;charset=UTF-8\n");
    printf("Authorization: %s\n", callsign_huawei_voice_authorization());
    printf("X-AKSK: %s\n", x_aksk);
    return 0;
}
