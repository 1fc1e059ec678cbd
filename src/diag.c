/*
** diag.c: FILE:LINE: reason on stderr, counted, under a lock so that lines
** from several threads never interleave.
*/
#include "diag.h"
#include <stdarg.h>
#include <stdlib.h>
#include "el_int.h"

void el_diag_init(el_diag *d, FILE *out) {
    d->out = out ? out : stderr;
    d->n_rejected = d->n_warned = 0;
    pthread_mutex_init(&d->mu, NULL);
}

void el_diag_fini(el_diag *d) { pthread_mutex_destroy(&d->mu); }

static void vreport(el_diag *d, const char *file, long line, const char *fmt, va_list ap) {
    if (file && line > 0) fprintf(d->out, "%s:%ld: ", file, line);
    else if (file) fprintf(d->out, "%s: ", file);
    vfprintf(d->out, fmt, ap);
    fputc('\n', d->out);
    fflush(d->out);
}

void el_reject(el_diag *d, const char *file, long line, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    pthread_mutex_lock(&d->mu);
    d->n_rejected++;
    vreport(d, file, line, fmt, ap);
    pthread_mutex_unlock(&d->mu);
    va_end(ap);
}

void el_warn(el_diag *d, const char *file, long line, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    pthread_mutex_lock(&d->mu);
    d->n_warned++;
    vreport(d, file, line, fmt, ap);
    pthread_mutex_unlock(&d->mu);
    va_end(ap);
}

void el_note(el_diag *d, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    pthread_mutex_lock(&d->mu);
    vfprintf(d->out, fmt, ap);
    fflush(d->out);
    pthread_mutex_unlock(&d->mu);
    va_end(ap);
}

_Noreturn void el_assert_fail(const char *what, const char *file, int line) {
    fprintf(stderr, "eventline: internal error at %s:%d: %s\n", file, line, what);
    abort();
}
