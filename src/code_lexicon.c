/*
** code_lexicon.c: load data/verbs: cameo.tsv (code -> name, PLOVER
** category, QuadClass, Goldstein) and the pattern files (see
** data/verbs/FORMAT.md) into an el_verbs, indexed by head lemma.
** Bad lines are reported as FILE:LINE: reason and skipped; the rest loads.
** Patterns that share a head are kept longest first, so the coder can stop at
** the first that matches.
*/
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "code_int.h"
#include "textutil.h"

const char *const el_modality_names[4] = {"asserted", "negated", "planned", "hypothetical"};

static char *trim(char *s) {
    while (*s == ' ' || *s == '\t') s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n')) s[--n] = '\0';
    return s;
}

/* A line that filled the buffer without its newline is too long: read past
** the rest of it and report it, rather than reading its tail as a line. */
static bool too_long(FILE *f, const char *line, size_t cap, const char *path, long ln, el_diag *d) {
    size_t n = strlen(line);
    if (n + 1 < cap || line[n - 1] == '\n') return false;
    for (int c = fgetc(f); c != EOF && c != '\n'; c = fgetc(f)) {}
    el_reject(d, path, ln, "line longer than %zu bytes; skipped", cap - 2);
    return true;
}

static int load_cameo(el_verbs *v, const char *path, el_diag *d) {
    FILE *f = fopen(path, "r");
    if (!f) { el_reject(d, path, 0, "cannot open the CAMEO table"); return EL_EINPUT; }
    char line[1024];
    long ln = 0;
    while (fgets(line, sizeof line, f)) {
        ln++;
        if (too_long(f, line, sizeof line, path, ln, d)) continue;
        char *s = trim(line);
        if (!*s || *s == '#' || (ln == 1 && strncmp(s, "code", 4) == 0)) continue;
        char *fl[6];
        int n = 0;
        for (char *p = s; n < 6; ) {
            fl[n++] = p;
            char *tab = strchr(p, '\t');
            if (!tab) break;
            *tab = '\0';
            p = tab + 1;
        }
        if (n < 6) { el_reject(d, path, ln, "expected 6 tab-separated columns, found %d; line skipped", n); continue; }
        size_t cl = strlen(fl[0]);
        bool digits = cl >= 2 && cl <= 4;
        for (size_t i = 0; i < cl; i++) if (!el_is_digit((unsigned char)fl[0][i])) digits = false;
        int quad = atoi(fl[4]);
        char *end;
        double g = strtod(fl[5], &end);
        if (!digits || quad < 1 || quad > 4 || *end || g < -10 || g > 10) {
            el_reject(d, path, ln, "bad code, quad_class or goldstein; line skipped");
            continue;
        }
        el_code_info *ci = el_arena_calloc(v->a, sizeof *ci);
        if (!ci) break;
        ci->cameo = el_arena_strdup(v->a, fl[0]);
        ci->name = el_arena_strdup(v->a, fl[1]);
        ci->plover = strcmp(fl[2], "-") ? el_arena_strdup(v->a, fl[2]) : NULL;
        ci->quad_class = quad;
        ci->goldstein = g;
        if (el_strmap_put(v->codes, ci->cameo, cl, ci)) break;
    }
    fclose(f);
    return el_arena_failed(v->a) ? EL_ENOMEM : EL_OK;
}

/* Insert p in its head's list, longest (most words) first, stable otherwise. */
static int index_pattern(el_verbs *v, el_pattern *p, const char *head, size_t hl) {
    el_strmap *m = p->noun ? v->noun_heads : v->verb_heads;
    el_pattern *first = el_strmap_get(m, head, hl);
    if (!first || first->n_words < p->n_words) {
        p->next = first;
        return el_strmap_put(m, head, hl, p);
    }
    el_pattern *q = first;
    while (q->next && q->next->n_words >= p->n_words) q = q->next;
    p->next = q->next;
    q->next = p;
    return 0;
}

/* Compile one pattern line; returns 0, or a reason for the diag. */
static const char *compile(el_verbs *v, el_pattern *p, char *s, char **head_out) {
    if (strncmp(s, "n:", 2) == 0) { p->noun = true; s = trim(s + 2); }
    char *save = NULL, *tok = strtok_r(s, " \t", &save);
    if (!tok) return "empty pattern";
    if (!strcmp(tok, "*") || !strcmp(tok, "TGT") || strchr(tok, '|')) return "the head must be one word";
    for (char *c = tok; *c; c++) *c = (char)el_lower((unsigned char)*c);
    *head_out = el_arena_strdup(v->a, tok);
    p->n_words = 1;
    while ((tok = strtok_r(NULL, " \t", &save))) {
        if (p->n_items >= PAT_MAX_ITEMS) return "too many tokens";
        pat_item *it = &p->item[p->n_items++];
        if (!strcmp(tok, "*")) { it->kind = ITEM_GAP; continue; }
        if (!strcmp(tok, "TGT")) { it->kind = ITEM_TGT; continue; }
        it->kind = ITEM_WORD;
        p->n_words++;
        char *save2 = NULL;
        for (char *alt = strtok_r(tok, "|", &save2); alt; alt = strtok_r(NULL, "|", &save2)) {
            if (it->n_alt >= PAT_MAX_ALTS) return "too many alternatives";
            if (strlen(alt) > UINT8_MAX) return "word longer than 255 bytes";
            for (char *c = alt; *c; c++) *c = (char)el_lower((unsigned char)*c);
            it->alt_len[it->n_alt] = (uint8_t)strlen(alt);
            it->alt_h[it->n_alt] = el_hash(alt, it->alt_len[it->n_alt]);
            it->alt[it->n_alt++] = el_arena_strdup(v->a, alt);
        }
        if (!it->n_alt) return "empty alternative";
    }
    if (p->n_items && p->item[0].kind == ITEM_WORD && p->item[0].n_alt == 1 && p->item[0].alt[0])
        p->w0h = p->item[0].alt_h[0];
    return NULL;
}

static int load_patterns(el_verbs *v, const char *path, el_diag *d) {
    FILE *f = fopen(path, "r");
    if (!f) { el_reject(d, path, 0, "cannot open pattern file"); return EL_OK; }
    char line[1024];
    long ln = 0;
    const el_code_info *cur = NULL;
    el_code_info *override = NULL;
    bool skipping = false;              /* inside a block already reported */
    while (fgets(line, sizeof line, f)) {
        ln++;
        if (too_long(f, line, sizeof line, path, ln, d)) continue;
        char *hash = strchr(line, '#');
        if (hash) *hash = '\0';
        char *s = trim(line);
        if (!*s) continue;
        if (*s == '=') {
            char code[16] = "", plover[32] = "";
            int k = sscanf(s + 1, "%15s %31s", code, plover);
            cur = k >= 1 ? el_strmap_get(v->codes, code, strlen(code)) : NULL;
            override = NULL;
            skipping = !cur;
            if (!cur) { el_reject(d, path, ln, "unknown CAMEO code '%s'; block skipped", code); continue; }
            if (k == 2) {                      /* this block's own PLOVER category */
                override = el_arena_calloc(v->a, sizeof *override);
                if (!override) break;
                *override = *cur;
                override->plover = el_arena_strdup(v->a, plover);
                cur = override;
            }
            continue;
        }
        if (skipping) continue;
        if (!cur) { el_reject(d, path, ln, "pattern outside a '= CODE' block; skipped"); continue; }
        el_pattern *p = el_arena_calloc(v->a, sizeof *p);
        if (!p) break;
        p->text = el_arena_strdup(v->a, s);
        p->src = el_arena_printf(v->a, "%s:%ld", path, ln);
        p->code = cur;
        char *head = NULL;
        const char *why = compile(v, p, s, &head);
        if (el_arena_failed(v->a)) break;           /* a copy above failed: out of memory */
        if (why) { el_reject(d, path, ln, "%s; pattern skipped", why); continue; }
        if (index_pattern(v, p, head, strlen(head))) break;
        v->n_patterns++;
    }
    fclose(f);
    return el_arena_failed(v->a) ? EL_ENOMEM : EL_OK;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

int el_engine_load_verbs(el_engine *e, el_diag *d) {
    if (e->verbs) return EL_OK;
    el_verbs *v = el_arena_calloc(e->a, sizeof *v);
    if (!v) return EL_ENOMEM;
    v->a = e->a;
    v->codes = el_strmap_new(e->a, 512);
    v->verb_heads = el_strmap_new(e->a, 2048);
    v->noun_heads = el_strmap_new(e->a, 256);
    char dir[4096], path[4600];
    snprintf(dir, sizeof dir, "%s/verbs", e->opt.data_dir);
    snprintf(path, sizeof path, "%s/cameo.tsv", dir);
    int rc = load_cameo(v, path, d);
    if (rc != EL_OK) return rc;
    /* Every *.txt of the folder, in name order, is a pattern file. */
    DIR *dh = opendir(dir);
    if (!dh) { el_reject(d, dir, 0, "cannot open the pattern folder"); return EL_EINPUT; }
    char *names[256];
    int n = 0;
    struct dirent *de;
    while ((de = readdir(dh)) && n < 256) {
        size_t l = strlen(de->d_name);
        if (l > 4 && !strcmp(de->d_name + l - 4, ".txt")) names[n++] = strdup(de->d_name);
    }
    closedir(dh);
    qsort(names, (size_t)n, sizeof *names, cmp_str);
    for (int i = 0; i < n; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        if (rc == EL_OK) rc = load_patterns(v, path, d);
        free(names[i]);
    }
    if (rc == EL_OK) rc = el_code_classes_build(v);
    if (rc == EL_OK) rc = el_code_lex_build(v);
    if (rc == EL_OK && el_arena_failed(e->a)) rc = EL_ENOMEM;
    if (rc == EL_ENOMEM) el_reject(d, "eventline", 0, "out of memory loading the event patterns");
    if (rc == EL_OK) e->verbs = v;
    return rc;
}

const el_code_info *el_code_lookup(const el_verbs *v, const char *cameo) {
    return v ? el_strmap_get(v->codes, cameo, strlen(cameo)) : NULL;
}
