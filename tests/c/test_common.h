/*
 * What the C test programs (test_ffi.c, test_verify.c) share: the
 * compile-time assertion macro, the allocation guard, the check and
 * report helpers and the output-rule check.
 *
 * Include it from exactly one translation unit per program (each test
 * program is one .c file): it defines the program's pass/fail counters and,
 * with -DCALLSIGN_MALLOC_GUARD, replaces malloc and friends. Everything
 * else is static; the functions are static inline, so a program that does
 * not use one gets no unused-function warning.
 *
 * Allocation guard: with -DCALLSIGN_MALLOC_GUARD, malloc and friends are
 * replaced by wrappers that count every call made while a callsign_*
 * function runs (the CS* macros bracket each call); the count must stay
 * zero (check_guard_totals). The guard is left out of the valgrind and
 * sanitizer builds, which replace the allocator themselves.
 *
 * Reporting: checkf records one check and prints "FAIL [where] message"
 * on failure, where is g_where. Each program prints its own last line
 * "TAG: N passed, M failed" from n_pass and n_fail.
 *
 * check_output_rule: every capacity case of a text-writing function.
 */

#ifndef CALLSIGN_TEST_COMMON_H
#define CALLSIGN_TEST_COMMON_H

#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "callsign.h"

/* ------------------------------------------------------------------ */
/* Compile-time checks (C99: no _Static_assert). */

#define CS_STATIC_ASSERT(cond, name) typedef char cs_static_assert_##name[(cond) ? 1 : -1]

/* ------------------------------------------------------------------ */
/* Allocation guard. */

static volatile int in_callsign;             /* set while a callsign_* call runs */
static volatile unsigned long guarded_calls; /* allocator calls made meanwhile */
static unsigned long guard_regions;          /* callsign_* calls bracketed */

#ifdef CALLSIGN_MALLOC_GUARD
extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t n, size_t size);
extern void *__libc_realloc(void *p, size_t size);
extern void __libc_free(void *p);
extern void *__libc_memalign(size_t align, size_t size);

void *malloc(size_t size);
void *calloc(size_t n, size_t size);
void *realloc(void *p, size_t size);
void free(void *p);
int posix_memalign(void **out, size_t align, size_t size);
void *aligned_alloc(size_t align, size_t size);

static inline void guard_note(void)
{
    if (in_callsign) {
        guarded_calls++;
    }
}

void *malloc(size_t size)
{
    guard_note();
    return __libc_malloc(size);
}

void *calloc(size_t n, size_t size)
{
    guard_note();
    return __libc_calloc(n, size);
}

void *realloc(void *p, size_t size)
{
    guard_note();
    return __libc_realloc(p, size);
}

void free(void *p)
{
    guard_note();
    __libc_free(p);
}

int posix_memalign(void **out, size_t align, size_t size)
{
    void *p;
    guard_note();
    if (align < sizeof(void *) || (align & (align - 1)) != 0) {
        return EINVAL;
    }
    p = __libc_memalign(align, size);
    if (p == NULL) {
        return ENOMEM;
    }
    *out = p;
    return 0;
}

void *aligned_alloc(size_t align, size_t size)
{
    guard_note();
    return __libc_memalign(align, size);
}
#endif /* CALLSIGN_MALLOC_GUARD */

static inline void guard_on(void)
{
    guard_regions++;
    in_callsign = 1;
}

static inline void guard_off(void)
{
    in_callsign = 0;
}

static inline uint32_t guard_off_u32(uint32_t status)
{
    in_callsign = 0;
    return status;
}

static inline const char *guard_off_str(const char *s)
{
    in_callsign = 0;
    return s;
}

/* Bracket one callsign_* call: CS for uint32_t results, CS_STR for
 * const char *, CS_VOID for void. The arguments are evaluated inside. */
#define CS(call) (guard_on(), guard_off_u32(call))
#define CS_STR(call) (guard_on(), guard_off_str(call))
#define CS_VOID(call) (guard_on(), (call), guard_off())

/* ------------------------------------------------------------------ */
/* Reporting. */

static unsigned long n_pass, n_fail;
static const char *g_where = "";

#if defined(__GNUC__)
static inline int checkf(int ok, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
#endif

/* Records one check; on failure prints "FAIL [where] message". */
static inline int checkf(int ok, const char *fmt, ...)
{
    va_list ap;
    if (ok) {
        n_pass++;
        return 1;
    }
    n_fail++;
    printf("FAIL [%s] ", g_where);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    putchar('\n');
    return 0;
}

static inline const char *st(uint32_t status)
{
    return CS_STR(callsign_status_str(status));
}

static inline int check_status(uint32_t got, uint32_t want, const char *what)
{
    return checkf(got == want, "%s: status %lu (%s), want %lu (%s)", what, (unsigned long)got,
                  st(got), (unsigned long)want, st(want));
}

/* Output-rule checks: *out_len is preset to SENTINEL and buffers (with
 * TAIL bytes past the capacity) to FILL, to see what a call wrote. */
#define SENTINEL ((size_t)0x5A5A5A5Au)
#define FILL 0xA5
#define TAIL 32

/* Whether p[0..n] are all b. */
static inline int all_bytes(const void *p, size_t n, unsigned char b)
{
    const unsigned char *u = (const unsigned char *)p;
    size_t i;
    for (i = 0; i < n; i++) {
        if (u[i] != b) {
            return 0;
        }
    }
    return 1;
}

/* Writes p[0..n] as lowercase hex and a NUL into out[0..2n+1]. */
static inline void to_hex(const uint8_t *p, size_t n, char *out)
{
    static const char digits[] = "0123456789abcdef";
    size_t i;
    for (i = 0; i < n; i++) {
        out[2 * i] = digits[p[i] >> 4];
        out[2 * i + 1] = digits[p[i] & 15];
    }
    out[2 * n] = '\0';
}

/* ------------------------------------------------------------------ */
/* The output rule of the text-writing functions. */

/* One text-writing call under test, its arguments bound in ctx: writes
 * into out[0..cap] and *out_len as a callsign_* text function does. */
typedef uint32_t (*cs_text_call)(const void *ctx, char *out, size_t cap, size_t *out_len);

/*
 * The output rule, for one call whose correct output is want[0..want_len]:
 * capacities 0 (out NULL and not), needed - 1, needed, needed + 1, max_len
 * (the function's *_MAX_LEN constant) and an exactly sized heap buffer;
 * NULL out_len; NULL out with a capacity. `name` names the function in
 * failure messages.
 */
static inline void check_output_rule(const char *name, size_t max_len, cs_text_call call,
                                     const void *ctx, const char *want, size_t want_len)
{
    const size_t needed = want_len + 1;
    size_t caps[5];
    size_t i, len;
    uint32_t rc;
    unsigned char *buf;
    char what[200];

    checkf(needed <= max_len, "%s: output of %lu bytes + NUL exceeds the MAX_LEN %lu", name,
           (unsigned long)want_len, (unsigned long)max_len);

    /* Size query: out NULL, capacity 0. */
    len = SENTINEL;
    rc = call(ctx, NULL, 0, &len);
    snprintf(what, sizeof what, "%s(out=NULL, cap=0)", name);
    check_status(rc, CALLSIGN_BUFFER_TOO_SMALL, what);
    checkf(len == needed, "%s: *out_len %lu, want %lu", what, (unsigned long)len,
           (unsigned long)needed);

    caps[0] = 0;
    caps[1] = needed - 1;
    caps[2] = needed;
    caps[3] = needed + 1;
    caps[4] = max_len;
    for (i = 0; i < sizeof caps / sizeof caps[0]; i++) {
        const size_t cap = caps[i];
        buf = (unsigned char *)malloc(cap + TAIL);
        if (!checkf(buf != NULL, "malloc failed")) {
            return;
        }
        memset(buf, FILL, cap + TAIL);
        len = SENTINEL;
        rc = call(ctx, (char *)buf, cap, &len);
        snprintf(what, sizeof what, "%s(cap=%lu, needed=%lu)", name, (unsigned long)cap,
                 (unsigned long)needed);
        if (cap < needed) {
            check_status(rc, CALLSIGN_BUFFER_TOO_SMALL, what);
            checkf(len == needed, "%s: *out_len %lu, want %lu", what, (unsigned long)len,
                   (unsigned long)needed);
            checkf(all_bytes(buf, cap + TAIL, FILL), "%s: buffer written on BUFFER_TOO_SMALL",
                   what);
        } else {
            check_status(rc, CALLSIGN_OK, what);
            checkf(len == want_len, "%s: *out_len %lu, want %lu", what, (unsigned long)len,
                   (unsigned long)want_len);
            if (rc == CALLSIGN_OK && len == want_len) {
                checkf(memcmp(buf, want, want_len) == 0, "%s: got \"%.*s\", want \"%.*s\"", what,
                       (int)want_len, (const char *)buf, (int)want_len, want);
            }
            checkf(buf[want_len] == 0, "%s: no NUL at [len]", what);
            checkf(all_bytes(buf + needed, cap + TAIL - needed, FILL),
                   "%s: bytes past the NUL written", what);
        }
        free(buf);
    }

    /* Exactly sized heap buffer: valgrind / ASan see any write past it. */
    buf = (unsigned char *)malloc(needed);
    if (checkf(buf != NULL, "malloc failed")) {
        memset(buf, FILL, needed);
        len = SENTINEL;
        rc = call(ctx, (char *)buf, needed, &len);
        snprintf(what, sizeof what, "%s(exact heap buffer)", name);
        check_status(rc, CALLSIGN_OK, what);
        checkf(len == want_len && memcmp(buf, want, want_len) == 0 && buf[want_len] == 0,
               "%s: wrong output", what);
        free(buf);
    }

    /* NULL out_len, with a buffer and with a size query. */
    buf = (unsigned char *)malloc(needed + TAIL);
    if (checkf(buf != NULL, "malloc failed")) {
        memset(buf, FILL, needed + TAIL);
        rc = call(ctx, (char *)buf, needed + TAIL, NULL);
        snprintf(what, sizeof what, "%s(out_len=NULL)", name);
        check_status(rc, CALLSIGN_NULL_ARGUMENT, what);
        checkf(all_bytes(buf, needed + TAIL, FILL), "%s: buffer written", what);
        free(buf);
    }
    rc = call(ctx, NULL, 0, NULL);
    snprintf(what, sizeof what, "%s(out=NULL, cap=0, out_len=NULL)", name);
    check_status(rc, CALLSIGN_NULL_ARGUMENT, what);

    /* NULL out with a non-zero capacity. */
    len = SENTINEL;
    rc = call(ctx, NULL, needed, &len);
    snprintf(what, sizeof what, "%s(out=NULL, cap=%lu)", name, (unsigned long)needed);
    check_status(rc, CALLSIGN_NULL_ARGUMENT, what);
    checkf(len == SENTINEL, "%s: *out_len written", what);
}

/* ------------------------------------------------------------------ */
/* Start and end of a run, "TAG" being the program's tag (c-ffi, ...). */

/* Prints "TAG: AddressSanitizer active" in a sanitizer build. */
static inline void announce_sanitizer(const char *tag)
{
#if defined(__SANITIZE_ADDRESS__)
    printf("%s: AddressSanitizer active\n", tag);
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
    printf("%s: AddressSanitizer active\n", tag);
#endif
#endif
    (void)tag;
}

/* With the guard: checks that it counts an allocation made with the flag
 * set and not one made with it clear, then prints "TAG: malloc guard
 * active". Without it, does nothing. */
static inline void guard_self_check(const char *tag)
{
#ifdef CALLSIGN_MALLOC_GUARD
    void *(*volatile mp)(size_t) = malloc;
    void (*volatile fp)(void *) = free;
    void *p;
    unsigned long before = guarded_calls;
    g_where = "malloc guard self-check";
    in_callsign = 1;
    p = mp(16);
    in_callsign = 0;
    checkf(guarded_calls == before + 1, "a malloc with the flag set was not counted (%lu)",
           guarded_calls - before);
    fp(p);
    checkf(guarded_calls == before + 1, "a free with the flag clear was counted");
    guarded_calls = 0;
    printf("%s: malloc guard active\n", tag);
#endif
    (void)tag;
}

/* With the guard: checks that many callsign calls were bracketed and that
 * none of them called the allocator. Without it, does nothing. */
static inline void check_guard_totals(void)
{
#ifdef CALLSIGN_MALLOC_GUARD
    g_where = "malloc guard";
    checkf(guard_regions > 1000, "only %lu guarded callsign calls", guard_regions);
    checkf(guarded_calls == 0, "%lu allocator calls inside callsign_* functions",
           (unsigned long)guarded_calls);
#endif
}

#endif /* CALLSIGN_TEST_COMMON_H */
