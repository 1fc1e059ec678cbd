/*
** probe.c: how fast this host is right now. A fixed piece of work in the
** shape of eventline's (table look-ups, short hashes, data-dependent
** branches over a few hundred kilobytes), timed on the process's own CPU
** clock; prints the best of five, in millions of steps a second. bench/run.sh
** prints it before and after its rows: on a host whose speed drifts, rates
** taken at different minutes compare only next to it.
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define TABLE (1u << 16)        /* 512 KB of 64-bit words: beyond L1, inside L2/L3 */
#define STEPS 4000000u

static double cpu_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(void) {
    uint64_t *t = malloc(TABLE * sizeof *t);
    if (!t) return 1;
    uint64_t x = 0x9E3779B97F4A7C15ull;
    for (uint32_t i = 0; i < TABLE; i++) {
        x ^= x << 13; x ^= x >> 7; x ^= x << 17;
        t[i] = x;
    }
    double best = 0;
    uint64_t sink = 0;
    for (int round = 0; round < 5; round++) {
        double t0 = cpu_now();
        uint64_t h = 1469598103934665603ull, acc = 0;
        for (uint32_t i = 0; i < STEPS; i++) {
            uint64_t v = t[(h >> 20) & (TABLE - 1)];
            h = (h ^ v) * 1099511628211ull;
            if (v & 1) acc += v >> 3;           /* unpredictable: half the time */
            else acc ^= h;
        }
        double dt = cpu_now() - t0;
        sink += acc;
        if (dt > 0 && STEPS / dt / 1e6 > best) best = STEPS / dt / 1e6;
    }
    printf("%.1f\n", best);
    free(t);
    return sink == 42;          /* keeps the work from being optimised away */
}
