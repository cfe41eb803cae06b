/* Reset for the C test firmware on mps2-an386: the vector table, FPU on,
 * .data copied, .bss zeroed, semihosting handles opened (newlib's
 * librdimon), then _exit(main()): librdimon's semihosting exit, which QEMU
 * turns into its exit status (0, or 1 for any other value). Not exit(),
 * whose atexit and reentrancy machinery links malloc. Faults end the
 * program with status 1. */
#include <stdint.h>

extern uint32_t __data_start, __data_end, __data_load, __bss_start__, __bss_end__, __stack_top;
extern void initialise_monitor_handles(void);
extern void _exit(int status) __attribute__((noreturn));
extern int main(void);

void Reset_Handler(void);
void Fault_Handler(void);

__attribute__((section(".isr_vector"), used)) static void (*const vectors[16])(void) = {
    (void (*)(void))&__stack_top,
    Reset_Handler,
    Fault_Handler, /* NMI */
    Fault_Handler, /* HardFault */
    Fault_Handler, /* MemManage */
    Fault_Handler, /* BusFault */
    Fault_Handler, /* UsageFault */
};

void Reset_Handler(void) {
    /* CPACR: full access to CP10 and CP11 (the FPU) before any FP code. */
    *(volatile uint32_t *)0xE000ED88u |= 0xFu << 20;
    __asm volatile("dsb\n\tisb" ::: "memory");
    uint32_t *src = &__data_load, *dst = &__data_start;
    while (dst < &__data_end) *dst++ = *src++;
    for (dst = &__bss_start__; dst < &__bss_end__;) *dst++ = 0;
    initialise_monitor_handles();
    _exit(main());
}

void Fault_Handler(void) {
    _exit(1);
}
