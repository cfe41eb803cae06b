/* Bare-metal runtime of the mbedTLS comparison firmwares: reset code for
 * QEMU mps2-an386 / lm3s6965evb (Cortex-M, the vector table of
 * ../mps2-an386.ld or lm3s6965.ld) and QEMU virt (riscv32, riscv-virt.ld,
 * -bios none), console (Arm semihosting SYS_WRITE0; virt's 16550 UART),
 * exit status (semihosting SYS_EXIT; virt's SiFive test device), a bump
 * calloc for mbedtls_md_setup (free does nothing) and stack painting.
 * memcpy, memset, strlen come from the C library (newlib, picolibc). */
#include <stdint.h>
#include <string.h>

#include "rt.h"

extern int main(void);
extern uint32_t __data_start, __data_end, __data_load, __bss_start__, __bss_end__, __stack_top;

static void rt_init(void) {
    uint32_t *src = &__data_load, *dst = &__data_start;
    while (dst < &__data_end) *dst++ = *src++;
    for (dst = &__bss_start__; dst < &__bss_end__;) *dst++ = 0;
}

#if defined(__arm__)
void Reset_Handler(void);
void Fault_Handler(void);

__attribute__((section(".isr_vector"), used)) static void (*const vectors[16])(void) = {
    (void (*)(void))&__stack_top, Reset_Handler, Fault_Handler, Fault_Handler,
    Fault_Handler, Fault_Handler, Fault_Handler,
};

void Reset_Handler(void) {
#if defined(__ARM_FP)
    *(volatile uint32_t *)0xE000ED88u |= 0xFu << 20; /* CPACR: the FPU */
    __asm volatile("dsb\n\tisb" ::: "memory");
#endif
    rt_init();
    rt_exit(main() == 0);
}

void Fault_Handler(void) { rt_exit(0); }

static int semihost(int op, const void *arg) {
    register int r0 __asm__("r0") = op;
    register const void *r1 __asm__("r1") = arg;
    __asm__ volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
    return r0;
}

void rt_put(const char *s) { semihost(0x04, s); /* SYS_WRITE0 */ }

void rt_exit(int ok) {
    /* SYS_EXIT: ADP_Stopped_ApplicationExit is status 0, anything else 1. */
    semihost(0x18, (const void *)(uintptr_t)(ok ? 0x20026 : 0x20023));
    for (;;) {}
}

uintptr_t rt_sp(void) {
    uintptr_t sp;
    __asm__ volatile("mov %0, sp" : "=r"(sp));
    return sp;
}
#elif defined(__riscv)
void rt_start(void) __attribute__((noreturn));
__asm__(".section .text.start, \"ax\"\n"
        ".globl _start\n"
        "_start:\n"
        "  .option push\n"
        "  .option norelax\n"
        "  la gp, __global_pointer$\n"
        "  .option pop\n"
        "  la sp, __stack_top\n"
        "  la t0, 1f\n"
        "  .option push\n"
        "  .option arch, +zicsr\n"
        "  csrw mtvec, t0\n"
        "  .option pop\n"
        "  j rt_start\n"
        ".balign 4\n"
        "1: li t0, 0x100000\n"
        "  li t1, 0x13333\n"
        "  sw t1, 0(t0)\n"
        "  j 1b\n"
        ".text\n");

void rt_start(void) {
    rt_init();
    rt_exit(main() == 0);
}

void rt_put(const char *s) {
    while (*s) *(volatile uint8_t *)0x10000000u = (uint8_t)*s++;
}

void rt_exit(int ok) {
    *(volatile uint32_t *)0x100000u = ok ? 0x5555u : 0x13333u;
    for (;;) {}
}

uintptr_t rt_sp(void) {
    uintptr_t sp;
    __asm__ volatile("mv %0, sp" : "=r"(sp));
    return sp;
}
#else
#error "Cortex-M or RISC-V only"
#endif

void rt_num(uint32_t n) {
    char d[12];
    int i = 11;
    d[i] = 0;
    do {
        d[--i] = (char)('0' + n % 10);
        n /= 10;
    } while (n);
    rt_put(d + i);
}

/* mbedtls_md_setup's two allocations (the SHA-256 context, 108 B, and the
 * HMAC pads, 128 B): a bump allocator over a static arena of 256 B, the
 * heap of one HMAC context. */
static unsigned char arena[256] __attribute__((aligned(8)));
static size_t arena_used;

void *calloc(size_t n, size_t size) {
    size_t bytes = (n * size + 7u) & ~(size_t)7u;
    if (size && n > (sizeof arena) / size) return 0;
    if (bytes > sizeof arena - arena_used) return 0;
    void *p = arena + arena_used;
    arena_used += bytes;
    memset(p, 0, bytes);
    return p;
}

void free(void *p) { (void)p; }

#define PAINT_BYTES 8192u
#define PAINT 0xC0DE5AFEu

__attribute__((noinline)) size_t rt_stack_peak(size_t (*f)(void *), void *arg, size_t *result) {
    uintptr_t sp = rt_sp() & ~(uintptr_t)3;
    volatile uint32_t *bottom = (volatile uint32_t *)(sp - PAINT_BYTES), *p;
    for (p = bottom; (uintptr_t)p < sp; p++) *p = PAINT;
    *result = f(arg);
    for (p = bottom; (uintptr_t)p < sp && *p == PAINT; p++) {}
    return p == bottom ? 0 : sp - (uintptr_t)p;
}
