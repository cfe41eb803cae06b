/* A C consumer of an installed callsign (tests/consumers/run.sh builds it
 * with CMake's find_package and with a pkg-config Makefile, from the
 * installed tree only). Signs the X-AKSK vector given on the command line
 * and compares the header value:
 *
 *   app APP_KEY SECRET_HEX NONCE CREATED_UNIX EXPECTED_X_AKSK
 *
 * Prints "app: ok <linkage> <version>" and exits 0 when they match. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <callsign.h>

#ifndef APP_LINKAGE
#define APP_LINKAGE "unknown"
#endif

static int hex_value(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

int main(int argc, char **argv)
{
    uint8_t secret[256];
    size_t secret_len, i, n = 0;
    char x_aksk[CALLSIGN_X_AKSK_MAX_LEN];
    uint32_t rc;

    if (argc != 6 || strlen(argv[2]) % 2 != 0 || strlen(argv[2]) / 2 > sizeof secret) {
        fprintf(stderr, "usage: app APP_KEY SECRET_HEX NONCE CREATED_UNIX EXPECTED_X_AKSK\n");
        return 2;
    }
    /* The header and the library linked are the same version. */
    if (callsign_version_number() != CALLSIGN_VERSION_NUMBER) {
        fprintf(stderr, "app: header %s, library %s\n", CALLSIGN_VERSION_STRING,
                callsign_version());
        return 1;
    }
    secret_len = strlen(argv[2]) / 2;
    for (i = 0; i < secret_len; i++) {
        int hi = hex_value(argv[2][2 * i]), lo = hex_value(argv[2][2 * i + 1]);
        if (hi < 0 || lo < 0) {
            return 2;
        }
        secret[i] = (uint8_t)(hi * 16 + lo);
    }
    rc = callsign_huawei_voice_x_aksk((const uint8_t *)argv[1], strlen(argv[1]), secret,
                                      secret_len, (const uint8_t *)argv[3], strlen(argv[3]),
                                      strtoull(argv[4], NULL, 10), x_aksk, sizeof x_aksk, &n);
    if (rc != CALLSIGN_OK) {
        fprintf(stderr, "app: %s\n", callsign_status_str(rc));
        return 1;
    }
    if (n != strlen(argv[5]) || strcmp(x_aksk, argv[5]) != 0) {
        fprintf(stderr, "app: got      %s\napp: expected %s\n", x_aksk, argv[5]);
        return 1;
    }
    printf("app: ok %s %s\n", APP_LINKAGE, callsign_version());
    return 0;
}
