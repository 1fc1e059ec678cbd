/*
** fuzz.h: what the libFuzzer targets share: a quiet diag, input bytes
** written to a file of a given name (the readers and loaders take paths),
** and the checks every target makes on what it produced: spans inside
** body, and output lines that are one valid JSON object each.
** A check that fails aborts, so libFuzzer keeps the input as a crash.
*/
#ifndef EL_FUZZ_H
#define EL_FUZZ_H
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "buf.h"
#include "code.h"
#include "dict.h"
#include "el_int.h"
#include "engine.h"

#define FZ_CHECK(c) do { if (!(c)) { fprintf(stderr, "fuzz check failed at %s:%d: %s\n", \
                                     __FILE__, __LINE__, #c); abort(); } } while (0)

/* A diag that writes to /dev/null: rejections are expected, not news. */
static el_diag *fz_diag(void) {
    static el_diag d;
    static int done;
    if (!done) {
        FILE *f = getenv("FUZZ_VERBOSE") ? stderr : fopen("/dev/null", "w");
        el_diag_init(&d, f ? f : stderr);
        done = 1;
    }
    return &d;
}

/* A private scratch folder for this process (libFuzzer -fork/-jobs run several). */
static const char *fz_dir(void) {
    static char dir[256];
    if (!dir[0]) {
        const char *tmp = getenv("TMPDIR");
        snprintf(dir, sizeof dir, "%s/el-fuzz-%ld", tmp ? tmp : "/tmp", (long)getpid());
        char cmd[300];
        snprintf(cmd, sizeof cmd, "mkdir -p '%s'", dir);
        if (system(cmd) != 0) abort();
    }
    return dir;
}

/* Write data to fz_dir()/rel (rel may hold one folder level); returns the path. */
static const char *fz_put(const char *rel, const unsigned char *data, size_t n) {
    static char path[512];
    snprintf(path, sizeof path, "%s/%s", fz_dir(), rel);
    char *slash = strrchr(path, '/');
    *slash = '\0';
    char cmd[600];
    if (strcmp(path, fz_dir()) != 0) {
        snprintf(cmd, sizeof cmd, "mkdir -p '%s'", path);
        if (system(cmd) != 0) abort();
    }
    *slash = '/';
    FILE *f = fopen(path, "wb");
    if (!f) abort();
    if (n && fwrite(data, 1, n, f) != n) abort();
    fclose(f);
    return path;
}

/* Each line of b is one JSON object (what every command writes). */
static void fz_check_jsonl(const el_buf *b) {
    size_t i = 0;
    while (i < b->len) {
        const char *nl = memchr(b->p + i, '\n', b->len - i);
        FZ_CHECK(nl);                           /* no partial last line */
        json_error_t err;
        json_t *o = json_loadb(b->p + i, (size_t)(nl - (b->p + i)), 0, &err);
        if (!o || !json_is_object(o))
            fprintf(stderr, "bad output line: %s\n%.*s\n", err.text, (int)(nl - (b->p + i)), b->p + i);
        FZ_CHECK(o && json_is_object(o));
        json_decref(o);
        i = (size_t)(nl - b->p) + 1;
    }
}

/* The spans clean and segment leave behind lie inside body, in order. */
static void fz_check_doc(const el_doc *doc) {
    FZ_CHECK(doc->body || doc->body_len == 0);
    for (size_t i = 0; i < doc->n_paras; i++)
        FZ_CHECK(doc->paras[i].start <= doc->paras[i].end && doc->paras[i].end <= doc->body_len);
    for (size_t i = 0; i < doc->n_toks; i++) {
        const el_token *t = &doc->toks[i];
        FZ_CHECK(t->start <= t->end && t->end <= doc->body_len);
        FZ_CHECK(t->lemma);
        if (i) FZ_CHECK(doc->toks[i - 1].end <= t->start);
    }
    for (size_t i = 0; i < doc->n_sents; i++) {
        const el_sent *s = &doc->sents[i];
        FZ_CHECK(s->start <= s->end && s->end <= doc->body_len);
        FZ_CHECK(s->tok <= doc->n_toks && s->n_tok <= doc->n_toks - s->tok);
    }
    for (size_t i = 0; i < doc->n_removed; i++) FZ_CHECK(doc->removed[i].text);
}

/* The engine with the shipped dictionaries and event patterns, as a
** command opens it; aborts when it cannot (the fuzzing would mean nothing). */
static el_engine *fz_engine(void) {
    el_options o = {0};
    el_engine *e = el_engine_open(&o, fz_diag());
    if (!e || el_engine_load_dict(e, fz_diag()) != EL_OK || el_engine_load_verbs(e, fz_diag()) != EL_OK)
        abort();
    return e;
}

/* A fresh document named fuzz.txt in a new arena, as the readers start one;
** the caller reads text into it and frees doc->a. */
static el_doc *fz_new_doc(void) {
    el_arena *a = el_arena_new(NULL, 64 * 1024);
    el_doc *doc = a ? el_arena_calloc(a, sizeof *doc) : NULL;
    if (!doc) abort();
    doc->a = a;
    doc->file = doc->base = "fuzz.txt";
    doc->line = 1;
    doc->id = "fuzz";
    doc->translated = -1;
    doc->date = doc->header_date = EL_DATE_UNKNOWN;
    return doc;
}

#endif
