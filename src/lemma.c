/*
** lemma.c: build the form -> lemma map from WordNet's plain files.
** Regular inflection rules follow WordNet's own morphy: for verbs -s, -es,
** -ies, -ed, -d, -ied, -ing, -e+ing, doubled consonants (stopped, planning);
** for nouns -s, -es after sibilants, -ies. The exception lists win over rules.
*/
#include "lemma.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "strmap.h"

typedef struct lemma_val {
    const char *s;
    uint32_t n;
    bool generated;             /* from a rule, not an exception list */
} lemma_val;

struct el_lexicon {
    el_strmap *forms;           /* inflected form -> lemma_val */
    el_strmap *words[4];        /* lemmas by pos: n v a r -> non-NULL */
    el_arena *a;
};

static int pos_index(char pos) {
    switch (pos) { case 'n': return 0; case 'v': return 1; case 'a': return 2; default: return 3; }
}

/* Read "word ..." first fields of an index file into words[pos]. */
static int load_index(el_lexicon *lx, const char *dir, const char *name, char pos, el_diag *d) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "r");
    if (!f) { el_note(d, "eventline: %s: cannot open; lemmas are lower-cased words\n", path); return -1; }
    char line[8192];
    el_strmap *m = lx->words[pos_index(pos)];
    while (fgets(line, sizeof line, f)) {
        if (line[0] == ' ') continue;                       /* licence header */
        char *sp = strchr(line, ' ');
        if (!sp || memchr(line, '_', (size_t)(sp - line))) continue;
        if (el_strmap_put(m, line, (size_t)(sp - line), lx)) { fclose(f); return -1; }
    }
    fclose(f);
    return 0;
}

static int put_form(el_lexicon *lx, const char *form, size_t fn, const char *lem, size_t ln,
                    int replace) {
    if (fn == ln && memcmp(form, lem, fn) == 0) return 0;
    lemma_val *old = el_strmap_get(lx->forms, form, fn);
    /* Two rules give the same form ("staged" is stage+d and stag+ed): the
    ** longer lemma is the common reading (stage, wage, fine, rape). */
    if (old && replace == 2 && old->generated && old->n < ln) old = NULL;
    if (!replace && old) return 0;
    if (replace == 2 && old) return 0;
    lemma_val *v = el_arena_alloc(lx->a, sizeof *v);
    const char *k = el_strmap_key(lx->words[1], lem, ln);
    if (!k) k = el_strmap_key(lx->words[0], lem, ln);
    if (!k) k = el_arena_strndup(lx->a, lem, ln);
    if (!v || !k) return -1;
    v->s = k;
    v->n = (uint32_t)ln;
    v->generated = replace == 2;
    return el_strmap_put(lx->forms, form, fn, v);
}

static int load_exc(el_lexicon *lx, const char *dir, const char *name) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "r");
    if (!f) return 0;                                        /* optional */
    char line[1024];
    while (fgets(line, sizeof line, f)) {
        char *sp = strchr(line, ' ');
        if (!sp) continue;
        char *lem = sp + 1, *e = lem + strcspn(lem, " \n");
        if (memchr(line, '_', (size_t)(sp - line)) || e == lem) continue;
        /* The first listing of a form wins: verb.exc is loaded first. */
        if (put_form(lx, line, (size_t)(sp - line), lem, (size_t)(e - lem), 0)) { fclose(f); return -1; }
    }
    fclose(f);
    return 0;
}

static int is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

typedef struct gen_ctx { el_lexicon *lx; int rc; } gen_ctx;

static void add(gen_ctx *g, const char *form, size_t fn, const char *lem, size_t ln, int if_new_word) {
    if (g->rc) return;
    if (if_new_word) {
        /* Plurals of one- and two-letter nouns are words of their own
        ** ("as", "us"); longer plurals that WordNet also lists ("talks",
        ** "leaders", "arms") still lemmatise to the singular. */
        if (ln < 3) return;
    } else if (el_strmap_get(g->lx->words[1], form, fn)) {
        return;                                              /* "feed" is a verb, not fee+d */
    }
    if (put_form(g->lx, form, fn, lem, ln, 2)) g->rc = -1;
}

static void verb_forms(gen_ctx *g, const char *w, size_t n) {
    char b[128];
    if (n < 3 || n > 100) return;                            /* be, do, go: in verb.exc */
    char last = w[n - 1], prev = w[n - 2];
    /* third person */
    if (last == 'y' && !is_vowel(prev)) { memcpy(b, w, n - 1); memcpy(b + n - 1, "ies", 3); add(g, b, n + 2, w, n, 0); }
    else if (last == 's' || last == 'x' || last == 'z' || (last == 'h' && (prev == 'c' || prev == 's')) || last == 'o') {
        memcpy(b, w, n); memcpy(b + n, "es", 2); add(g, b, n + 2, w, n, 0);
    } else { memcpy(b, w, n); b[n] = 's'; add(g, b, n + 1, w, n, 0); }
    /* past and participles */
    if (last == 'e') {
        memcpy(b, w, n); b[n] = 'd'; add(g, b, n + 1, w, n, 0);
        if (prev != 'e') { memcpy(b, w, n - 1); memcpy(b + n - 1, "ing", 3); add(g, b, n + 2, w, n, 0); }
        else { memcpy(b, w, n); memcpy(b + n, "ing", 3); add(g, b, n + 3, w, n, 0); }
    } else if (last == 'y' && !is_vowel(prev)) {
        memcpy(b, w, n - 1); memcpy(b + n - 1, "ied", 3); add(g, b, n + 2, w, n, 0);
        memcpy(b, w, n); memcpy(b + n, "ing", 3); add(g, b, n + 3, w, n, 0);
    } else {
        memcpy(b, w, n); memcpy(b + n, "ed", 2); add(g, b, n + 2, w, n, 0);
        memcpy(b, w, n); memcpy(b + n, "ing", 3); add(g, b, n + 3, w, n, 0);
        /* consonant doubling: stop -> stopped, plan -> planning */
        if (n >= 3 && !is_vowel(last) && last != 'w' && last != 'x' && last != 'y' &&
            is_vowel(prev) && !is_vowel(w[n - 3])) {
            memcpy(b, w, n); b[n] = last; memcpy(b + n + 1, "ed", 2); add(g, b, n + 3, w, n, 0);
            memcpy(b, w, n); b[n] = last; memcpy(b + n + 1, "ing", 3); add(g, b, n + 4, w, n, 0);
        }
    }
}

static void noun_forms(gen_ctx *g, const char *w, size_t n) {
    char b[128];
    if (n < 2 || n > 100) return;
    char last = w[n - 1], prev = w[n - 2];
    if (last == 'y' && !is_vowel(prev)) { memcpy(b, w, n - 1); memcpy(b + n - 1, "ies", 3); add(g, b, n + 2, w, n, 1); }
    else if (last == 's' || last == 'x' || last == 'z' || (last == 'h' && (prev == 'c' || prev == 's'))) {
        memcpy(b, w, n); memcpy(b + n, "es", 2); add(g, b, n + 2, w, n, 1);
    } else { memcpy(b, w, n); b[n] = 's'; add(g, b, n + 1, w, n, 1); }
}

typedef struct iter_ctx { gen_ctx *g; int verb; } iter_ctx;

/* Walk an index file again to generate forms (keys live in the strmap, but
** it has no iterator: reading the file twice is simpler and still fast). */
static int gen_from(gen_ctx *g, const char *dir, const char *name, int verb) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "r");
    if (!f) return -1;
    char line[8192];
    while (fgets(line, sizeof line, f) && !g->rc) {
        if (line[0] == ' ') continue;
        char *sp = strchr(line, ' ');
        if (!sp) continue;
        size_t n = (size_t)(sp - line);
        int plain = 1;
        for (size_t i = 0; i < n; i++) if (line[i] < 'a' || line[i] > 'z') { plain = 0; break; }
        if (!plain) continue;
        if (verb) verb_forms(g, line, n);
        else noun_forms(g, line, n);
    }
    fclose(f);
    return g->rc;
}

el_lexicon *el_lexicon_load(el_arena *a, const char *dir, el_diag *d) {
    if (!dir) dir = getenv("EL_WORDNET");
    if (!dir) dir = "/usr/share/wordnet";
    el_lexicon *lx = el_arena_calloc(a, sizeof *lx);
    if (!lx) return NULL;
    lx->a = a;
    lx->forms = el_strmap_new(a, 200000);
    lx->words[0] = el_strmap_new(a, 120000);
    lx->words[1] = el_strmap_new(a, 12000);
    lx->words[2] = el_strmap_new(a, 22000);
    lx->words[3] = el_strmap_new(a, 5000);
    if (load_index(lx, dir, "index.verb", 'v', d) || load_index(lx, dir, "index.noun", 'n', d) ||
        load_index(lx, dir, "index.adj", 'a', d) || load_index(lx, dir, "index.adv", 'r', d))
        return NULL;
    /* Verb exceptions, then regular verb forms, then the other exception
    ** lists, then noun plurals: the verb reading wins ("leaves" is leave,
    ** not leaf), and an exception beats a rule of its own part of speech. */
    gen_ctx g = {lx, 0};
    if (load_exc(lx, dir, "verb.exc") || gen_from(&g, dir, "index.verb", 1) ||
        load_exc(lx, dir, "noun.exc") || load_exc(lx, dir, "adj.exc") ||
        load_exc(lx, dir, "adv.exc") || gen_from(&g, dir, "index.noun", 0))
        return NULL;
    /* Most running words are not inflected forms: let a filter say so. */
    if (el_strmap_seal(lx->forms)) return NULL;
    return el_arena_failed(a) ? NULL : lx;
}

const char *el_lemma(const el_lexicon *lx, const char *w, size_t n, size_t *len) {
    return el_lemma_h(lx, w, n, el_hash(w, n), len);
}

const char *el_lemma_h(const el_lexicon *lx, const char *w, size_t n, uint64_t h, size_t *len) {
    if (!lx) return NULL;
    lemma_val *v = el_strmap_get_h(lx->forms, w, n, h);
    if (!v) return NULL;
    *len = v->n;
    return v->s;
}

size_t el_lexicon_size(const el_lexicon *lx) { return lx ? el_strmap_count(lx->forms) : 0; }

int el_lexicon_is_word(const el_lexicon *lx, const char *w, size_t n, char pos) {
    return lx && el_strmap_get(lx->words[pos_index(pos)], w, n) != NULL;
}

int el_lexicon_is_word_h(const el_lexicon *lx, const char *w, size_t n, uint64_t h, char pos) {
    return lx && el_strmap_get_h(lx->words[pos_index(pos)], w, n, h) != NULL;
}
