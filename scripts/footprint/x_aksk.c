/* Calls only the X-AKSK function, with inputs the compiler cannot fold. */
#include <stdint.h>
#include "callsign.h"
static volatile uint64_t now = 1709280930u;
int main(void) {
    static const uint8_t key[] = "a1B2c3D4e5F6g7H8i9J0kLmNoPqR";
    static const uint8_t secret[] = "Zy9Xw8Vu7Ts6Rq5Po4Nm3Lk2Ji1H";
    static const uint8_t nonce[] = "66c92b11ff8a425fb8d4ccfe0ed9ed1f";
    char out[CALLSIGN_X_AKSK_MAX_LEN];
    size_t n;
    return (int)callsign_huawei_voice_x_aksk(key, sizeof key - 1, secret, sizeof secret - 1, nonce,
                                             sizeof nonce - 1, now, out, sizeof out, &n);
}
