/*
** diag.h: where bad input is reported.
** Bad input is expected, not a bug: a stage reports it here as FILE:LINE:
** reason and goes on. Rejections (a record not read) make the exit status 1;
** warnings (input repaired and read, like invalid UTF-8) do not. Only diag.c
** writes to stderr. Safe to share between threads.
*/
#ifndef EL_DIAG_H
#define EL_DIAG_H
#include <pthread.h>
#include <stdio.h>

typedef struct el_diag {
    FILE *out;                  /* stderr, or a test's memstream */
    long n_rejected, n_warned;
    pthread_mutex_t mu;
} el_diag;

void el_diag_init(el_diag *d, FILE *out);   /* out NULL: stderr */
void el_diag_fini(el_diag *d);
void el_reject(el_diag *d, const char *file, long line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void el_warn(el_diag *d, const char *file, long line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Progress and notes that are not about input (no count). */
void el_note(el_diag *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
