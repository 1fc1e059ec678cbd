/*
** testutil.h: what the cmocka unit tests share: the includes cmocka needs
** in its order, an engine and a doc built from a string, and the table
** reader for the tables in tests/cases. Tests run from the repository root, or from
** wherever EL_TESTS_DIR points (the tests/cases folder).
*/
#ifndef EL_TESTUTIL_H
#define EL_TESTUTIL_H
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "el_int.h"
#include "engine.h"
#include "read.h"

#define TU_UNUSED __attribute__((unused))

/* One engine for a whole test binary (lexicons load once). */
TU_UNUSED static el_engine *tu_engine(void) {
    static el_engine *e;
    static el_diag d;
    if (!e) {
        el_options o = {0};
        el_diag_init(&d, NULL);
        e = el_engine_open(&o, &d);
    }
    return e;
}

/* A doc from seed-format text, cleaned and segmented. pub: "YYYY-MM-DD" or NULL. */
TU_UNUSED static el_doc *tu_doc(el_arena *a, const char *text, const char *pub, el_diag *d) {
    el_doc *doc = el_arena_calloc(a, sizeof *doc);
    doc->a = a;
    doc->file = doc->base = "test.txt";
    doc->line = 1;
    doc->translated = -1;
    doc->date = doc->header_date = EL_DATE_UNKNOWN;
    if (el_read_text(tu_engine(), doc, text, strlen(text), d) != EL_OK) return NULL;
    if (pub) { doc->date = el_date_parse(pub, strlen(pub)); doc->date_source = EL_DATE_META; }
    if (el_process_doc(tu_engine(), doc, EL_STAGE_SEGMENT, d) != EL_OK) return NULL;
    return doc;
}

/* Path of a file in tests/cases. */
TU_UNUSED static const char *tu_case_path(const char *name) {
    static char path[4096];
    const char *dir = getenv("EL_TESTS_DIR");
    snprintf(path, sizeof path, "%s/%s", dir ? dir : "tests/cases", name);
    return path;
}

/* Undo the table escapes \n \t \\ in place. */
TU_UNUSED static void tu_unescape(char *s) {
    char *o = s;
    for (char *p = s; *p; p++) {
        if (*p == '\\' && p[1]) {
            p++;
            *o++ = *p == 'n' ? '\n' : *p == 't' ? '\t' : *p;
        } else {
            *o++ = *p;
        }
    }
    *o = '\0';
}

/* Split a TSV line into at most max fields (in place); returns the count. */
TU_UNUSED static int tu_split_tsv(char *line, char **f, int max) {
    int n = 0;
    line[strcspn(line, "\r\n")] = '\0';
    f[n++] = line;
    for (char *p = line; *p && n < max; p++)
        if (*p == '\t') { *p = '\0'; f[n++] = p + 1; }
    return n;
}

#endif
