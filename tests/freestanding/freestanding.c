/*
 * Freestanding proof: no libc, no start files. This program brings its own
 * _start, memcpy, memmove, memset, memcmp and bcmp, is linked with
 * -nostdlib -static against the release libcallsign.a, signs the
 * "aksk-typical" X-AKSK vector with a buffer on the stack, and exits with
 * status 0 only if the header is byte-exact. x86_64 Linux (raw syscalls).
 */
#include <stddef.h>
#include <stdint.h>

#include "callsign.h"

void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
int bcmp(const void *a, const void *b, size_t n);

void *memcpy(void *dst, const void *src, size_t n) {
    unsigned char *d = dst;
    const unsigned char *s = src;
    while (n--) *d++ = *s++;
    return dst;
}

void *memmove(void *dst, const void *src, size_t n) {
    unsigned char *d = dst;
    const unsigned char *s = src;
    if (d < s) {
        while (n--) *d++ = *s++;
    } else {
        while (n--) d[n] = s[n];
    }
    return dst;
}

void *memset(void *dst, int c, size_t n) {
    unsigned char *d = dst;
    while (n--) *d++ = (unsigned char)c;
    return dst;
}

int memcmp(const void *a, const void *b, size_t n) {
    const unsigned char *x = a, *y = b;
    for (; n; n--, x++, y++) {
        if (*x != *y) return *x < *y ? -1 : 1;
    }
    return 0;
}

int bcmp(const void *a, const void *b, size_t n) { return memcmp(a, b, n); }

static long sys_write(int fd, const void *buf, size_t len) {
    long ret;
    __asm__ volatile("syscall"
                     : "=a"(ret)
                     : "a"(1L), "D"((long)fd), "S"(buf), "d"(len)
                     : "rcx", "r11", "memory");
    return ret;
}

static size_t len_of(const char *s) {
    size_t n = 0;
    while (s[n]) n++;
    return n;
}

static void say(const char *s) { sys_write(1, s, len_of(s)); }

int cmain(void);

int cmain(void) {
    static const char app_key[] = "a1B2c3D4e5F6g7H8i9J0kLmNoPqR";
    static const char secret[] = "Zy9Xw8Vu7Ts6Rq5Po4Nm3Lk2Ji1H";
    static const char nonce[] = "66c92b11ff8a425fb8d4ccfe0ed9ed1f";
    static const char expected[] =
        "UsernameToken Username=\"a1B2c3D4e5F6g7H8i9J0kLmNoPqR\","
        "PasswordDigest=\"b8MSGhXOdJOz3fV5TblmdBQRT1nKdbtVng0LwtKkMjk=\","
        "Nonce=\"66c92b11ff8a425fb8d4ccfe0ed9ed1f\",Created=\"2024-03-01T08:15:30Z\"";
    char out[CALLSIGN_X_AKSK_MAX_LEN];
    size_t n = 0;
    uint32_t rc = callsign_huawei_voice_x_aksk(
        (const uint8_t *)app_key, sizeof app_key - 1, (const uint8_t *)secret, sizeof secret - 1,
        (const uint8_t *)nonce, sizeof nonce - 1, 1709280930u, out, sizeof out, &n);
    if (rc != CALLSIGN_OK) {
        say("freestanding: FAILED: ");
        say(callsign_status_str(rc));
        say("\n");
        return 1;
    }
    if (n != sizeof expected - 1 || memcmp(out, expected, n) != 0 || out[n] != '\0') {
        say("freestanding: FAILED: header differs: ");
        sys_write(1, out, n);
        say("\n");
        return 1;
    }
    say("freestanding: X-AKSK byte-exact without libc: ");
    sys_write(1, out, n);
    say("\n");
    return 0;
}

__asm__(".text\n"
        ".globl _start\n"
        "_start:\n"
        "  xor %rbp, %rbp\n"
        "  and $-16, %rsp\n"
        "  call cmain\n"
        "  mov %eax, %edi\n"
        "  mov $60, %eax\n"
        "  syscall\n"
        "  hlt\n");
