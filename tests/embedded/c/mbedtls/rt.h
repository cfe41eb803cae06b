/* The bare-metal runtime of the mbedTLS comparison firmwares (rt.c). */
#ifndef CALLSIGN_RT_H
#define CALLSIGN_RT_H
#include <stddef.h>
#include <stdint.h>

void rt_put(const char *s);
void rt_num(uint32_t n);
void rt_exit(int ok) __attribute__((noreturn));
uintptr_t rt_sp(void);
/* Runs f(arg) once on a painted stack; returns the bytes used below the
 * stack pointer at the call (0 if it used the whole painted area). */
size_t rt_stack_peak(size_t (*f)(void *), void *arg, size_t *result);
#endif
