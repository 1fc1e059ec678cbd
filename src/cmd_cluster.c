/*
** cmd_cluster.c: `eventline cluster INPUT...`, stage 6 made visible.
** In:  articles (files, folders, JSON Lines), --meta for dates and outlets.
** Out: one object per article, in input order, after all are read:
**      {"article","date","episode":"E1","thread":"T1",
**       "near_duplicates":[{"article","similarity"}]}
**      Episode and thread ids are numbered in order of their first article
**      by date (undated last), then id: the same set of articles gives the
**      same ids whatever the order of the inputs.
** --mentions FILE (evaluation harness, see link_mentions in this file) links
** given event-mention spans across documents instead.
*/
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "cli.h"
#include "dict.h"
#include "commands.h"
#include "engine.h"
#include "link.h"
#include "read.h"
#include "strmap.h"
#include "lemma.h"
#include <jansson.h>

/* ---- the --mentions harness (ECB+ evaluation) ----
** Given event-mention spans per document (byte offsets into the input text,
** before cleaning, since cleaning may set lines aside), each span becomes an
** uncoded event record: its head lemma (first word that is not an auxiliary
** or particle, lemmatised), up to 8 context lemmas (the nearest content words
** of its line) and its article's episode; link_event.c merges them. */

typedef struct hm { const char *m_id; uint32_t start, end; } hm;
typedef struct hm_doc { hm *m; size_t n; bool taken; } hm_doc;
typedef struct el_mentions {
    el_arena *a;
    el_strmap *docs;               /* doc id -> hm_doc */
    EL_VEC(el_event_rec) recs;
    EL_VEC(const char *) ids;      /* m_id of each record */
    EL_VEC(const char *) plain;    /* its first word that is no auxiliary, lemmatised
                                   ** (what the evaluator's same-lemma baselines use) */
    el_evlink *ev;
    const el_lexicon *lex;
} el_mentions;

static void el_mentions_free(el_mentions *ms);

/* NULL when path cannot be read (*oom false) or memory ran out (*oom true);
** both are reported. */
static el_mentions *el_mentions_load(const char *path, const el_lexicon *lex, el_diag *d, bool *oom) {
    *oom = false;
    FILE *f = fopen(path, "r");
    if (!f) { el_reject(d, path, 0, "cannot open mentions file"); return NULL; }
    el_mentions *ms = calloc(1, sizeof *ms);
    if (!ms) { fclose(f); *oom = true; el_reject(d, path, 0, "out of memory reading the mentions"); return NULL; }
    ms->a = el_arena_new(NULL, 1 << 20);
    ms->docs = ms->a ? el_strmap_new(ms->a, 1024) : NULL;
    ms->ev = el_evlink_new();
    ms->lex = lex;
    char *line = NULL;
    size_t cap = 0;
    long no = 0;
    while (ms->docs && ms->ev && getline(&line, &cap, f) > 0) {
        no++;
        json_error_t err;
        json_t *o = json_loads(line, 0, &err);
        const char *doc = json_string_value(json_object_get(o, "doc"));
        json_t *arr = json_object_get(o, "mentions");
        if (!doc || !json_is_array(arr)) {
            el_reject(d, path, no, "expected {\"doc\",\"mentions\":[...]}; line skipped");
            json_decref(o);
            continue;
        }
        hm_doc *hd = el_arena_calloc(ms->a, sizeof *hd);
        if (hd) hd->m = el_arena_alloc(ms->a, (json_array_size(arr) + 1) * sizeof *hd->m);
        if (!hd || !hd->m) { json_decref(o); break; }
        size_t i;
        json_t *m;
        json_array_foreach(arr, i, m) {
            json_t *id = json_object_get(m, "m_id"), *s = json_object_get(m, "start"),
                   *e = json_object_get(m, "end");
            if (!json_is_integer(s) || !json_is_integer(e) || !id) continue;
            hd->m[hd->n++] = (hm){json_is_string(id) ? el_arena_strdup(ms->a, json_string_value(id))
                                                     : el_arena_printf(ms->a, "%lld", (long long)json_integer_value(id)),
                                  (uint32_t)json_integer_value(s), (uint32_t)json_integer_value(e)};
        }
        el_strmap_put(ms->docs, doc, strlen(doc), hd);
        json_decref(o);
    }
    free(line);
    fclose(f);
    if (!ms->docs || !ms->ev || el_arena_failed(ms->a)) {
        el_reject(d, path, no, "out of memory reading the mentions");
        *oom = true;
        el_mentions_free(ms);
        return NULL;
    }
    return ms;
}

static bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c & 0x80); }

/* Words a mention may start with that are not its head ("has been
** arrested", "checked herself into"). Sorted. */
static const char *const aux[] = {
    "a", "an", "are", "be", "been", "being", "did", "do", "does", "had", "has", "have",
    "herself", "himself", "into", "is", "it", "itself", "of", "on", "out", "the",
    "themselves", "to", "up", "was", "were", "will",
};

static int cmp_sz(const void *a, const void *b) { return strcmp(*(const char *const *)a, *(const char *const *)b); }

/* Words after the first that do not head a phrase ("check into", "take
** over"). Sorted. */
static const char *const particles[] = {
    "a", "about", "after", "against", "an", "around", "as", "at", "away", "back", "by", "down",
    "for", "from", "in", "into", "it", "of", "off", "on", "out", "over", "the", "through", "to",
    "under", "up", "with",
};

/* Is raw[0..n) (any case) the word w? */
static bool same_word(const char *raw, size_t n, const char *w) {
    for (size_t i = 0; i < n; i++) {
        char c = (char)(raw[i] >= 'A' && raw[i] <= 'Z' ? raw[i] + 32 : raw[i]);
        if (c != w[i]) return false;
    }
    return w[n] == '\0';
}

/* Lower-cased lemma of raw[s..e) into out (at most 63 bytes). */
static size_t word_lemma(const el_lexicon *lex, const char *raw, size_t s, size_t e, char *out) {
    size_t n = 0;
    for (size_t k = s; k < e && n < 63; k++) out[n++] = (char)(raw[k] >= 'A' && raw[k] <= 'Z' ? raw[k] + 32 : raw[k]);
    out[n] = '\0';
    size_t ln;
    const char *l = lex ? el_lemma(lex, out, n, &ln) : NULL;
    if (l && ln < 63) { memcpy(out, l, ln); out[ln] = '\0'; n = ln; }
    return n;
}

static int el_mentions_take(el_mentions *ms, const el_doc *doc, uint32_t art, el_diag *d) {
    (void)d;
    if (!doc->id) return EL_OK;
    hm_doc *hd = el_strmap_get(ms->docs, doc->id, strlen(doc->id));
    if (!hd || hd->taken) return EL_OK;
    hd->taken = true;
    const char *raw = doc->raw;
    for (size_t i = 0; i < hd->n; i++) {
        hm *m = &hd->m[i];
        if (m->end > doc->raw_len || m->start >= m->end) continue;
        el_event_rec r = {.article = art, .start = m->start, .end = m->end,
                          .date_lo = EL_DATE_UNKNOWN, .date_hi = EL_DATE_UNKNOWN};
        char w[64], head[64] = "", last[64] = "", plain[64] = "";
        bool base = false;               /* the first word is its own lemma */
        for (size_t k = m->start; k < m->end;) {          /* the head */
            while (k < m->end && !is_letter(raw[k])) k++;
            size_t s = k;
            while (k < m->end && (is_letter(raw[k]) || raw[k] == '-')) k++;
            if (k == s) break;
            word_lemma(ms->lex, raw, s, k, w);
            const char *pw = w;
            if (!head[0] || !base) {
                if (!head[0]) strcpy(head, w);
                if (head[0] && !bsearch(&pw, aux, sizeof aux / sizeof *aux, sizeof *aux, cmp_sz)) {
                    strcpy(head, w);
                    strcpy(plain, w);
                    base = same_word(raw + s, k - s, w);
                    if (!base) break;                     /* "checked into", "opened fire" */
                    last[0] = '\0';
                    continue;
                }
            } else if (!bsearch(&pw, particles, sizeof particles / sizeof *particles, sizeof *particles, cmp_sz))
                strcpy(last, w);
        }
        if (base && last[0]) strcpy(head, last);        /* "heart attack", "double murder" */
        if (!plain[0]) strcpy(plain, head);
        r.lemma = el_arena_strdup(ms->a, head);
        /* Context: the nearest content words of the mention's line, both sides. */
        size_t ls = m->start, le = m->end;
        while (ls > 0 && raw[ls - 1] != '\n') ls--;
        while (le < doc->raw_len && raw[le] != '\n') le++;
        size_t lp = m->start, rp = m->end;
        int nc = 0;
        for (int side = 0; nc < 8 && (lp > ls || rp < le); side ^= 1) {
            size_t s, e;
            if (side == 0 && lp > ls) {                   /* a word to the left */
                while (lp > ls && !is_letter(raw[lp - 1])) lp--;
                e = lp;
                while (lp > ls && (is_letter(raw[lp - 1]) || raw[lp - 1] == '-')) lp--;
                s = lp;
            } else if (side == 1 && rp < le) {            /* a word to the right */
                while (rp < le && !is_letter(raw[rp])) rp++;
                s = rp;
                while (rp < le && (is_letter(raw[rp]) || raw[rp] == '-')) rp++;
                e = rp;
            } else continue;
            if (e - s < 3) continue;
            size_t n = word_lemma(ms->lex, raw, s, e, w);
            const char *pw = w;
            if (bsearch(&pw, aux, sizeof aux / sizeof *aux, sizeof *aux, cmp_sz)) continue;
            if (!strcmp(w, "the") || !strcmp(w, "and") || !strcmp(w, "for") || !strcmp(w, "that")
                || !strcmp(w, "with") || !strcmp(w, "said") || !strcmp(w, "say")) continue;
            r.context[nc++] = el_hash(w, n) | 1;
        }
        EL_PUSH(ms->a, ms->recs, r);
        EL_PUSH(ms->a, ms->ids, m->m_id);
        EL_PUSH(ms->a, ms->plain, el_arena_strdup(ms->a, plain));
    }
    return el_arena_failed(ms->a) ? EL_ENOMEM : EL_OK;
}

/* ---- nouns as the verbs they name ("death" -> "die") ----
** WordNet's derivational pointers ('+') of a noun's first sense: index.noun
** gives the sense's offset in data.noun, whose line points at a verb sense
** and word in data.verb. Only the heads at hand are looked up, in one pass
** over index.noun; without WordNet's files, heads stay as they are. */

/* Word number k (1-based) of the synset line at off in the data file f,
** into out (lower case, at most 63 bytes); false when not found. */
static bool wn_word(FILE *f, long off, unsigned k, char *out) {
    char line[512];
    if (fseek(f, off, SEEK_SET) || !fgets(line, sizeof line, f)) return false;
    unsigned wc;
    int at = 0;
    if (sscanf(line, "%*s %*s %*s %x %n", &wc, &at) != 1 || k < 1 || k > wc) return false;
    char *p = line + at, w[64];
    for (unsigned i = 1; i <= k; i++) {
        int used = 0;
        if (sscanf(p, "%63s %*s %n", w, &used) != 1 || !used) return false;
        p += used;
    }
    char *paren = strchr(w, '(');                     /* adjectives' "(a)" markers */
    if (paren) *paren = '\0';
    for (char *q = w; *q; q++) if (*q >= 'A' && *q <= 'Z') *q = (char)(*q + 32);
    strcpy(out, w);
    return true;
}

/* The verb that noun's first sense derives from, into out; false when none. */
static bool wn_verb_of(FILE *dn, FILE *dv, long off, const char *noun, char *out) {
    char line[4096];
    if (fseek(dn, off, SEEK_SET) || !fgets(line, sizeof line, dn)) return false;
    unsigned wc, np, wi = 0;
    int at = 0;
    if (sscanf(line, "%*s %*s %*s %x %n", &wc, &at) != 1) return false;
    char *p = line + at, w[128];
    for (unsigned i = 1; i <= wc; i++) {
        int used = 0;
        if (sscanf(p, "%127s %*s %n", w, &used) != 1 || !used) return false;
        p += used;
        for (char *q = w; *q; q++) if (*q >= 'A' && *q <= 'Z') *q = (char)(*q + 32);
        if (!wi && !strcmp(w, noun)) wi = i;
    }
    int used = 0;
    if (!wi || sscanf(p, "%u %n", &np, &used) != 1) return false;
    p += used;
    for (unsigned i = 0; i < np; i++) {
        char sym[8], pos[4];
        long toff;
        unsigned st;
        if (sscanf(p, "%7s %ld %3s %4x %n", sym, &toff, pos, &st, &used) != 4) return false;
        p += used;
        if (!strcmp(sym, "+") && pos[0] == 'v' && st >> 8 == wi) return wn_word(dv, toff, st & 0xff, out);
    }
    return false;
}

/* Replace each record's head by the verb it names, where WordNet says so. */
static void nominal_verbs(el_mentions *ms, const char *dir) {
    if (!dir) dir = getenv("EL_WORDNET");
    if (!dir) dir = "/usr/share/wordnet";
    char path[4096];
    snprintf(path, sizeof path, "%s/index.noun", dir);
    FILE *ix = fopen(path, "r");
    snprintf(path, sizeof path, "%s/data.noun", dir);
    FILE *dn = fopen(path, "r");
    snprintf(path, sizeof path, "%s/data.verb", dir);
    FILE *dv = fopen(path, "r");
    el_strmap *heads = el_strmap_new(ms->a, 1024);     /* head -> its verb, or itself */
    if (!ix || !dn || !dv || !heads) goto out;
    for (size_t i = 0; i < ms->recs.n; i++)
        el_strmap_put(heads, ms->recs.v[i].lemma, strlen(ms->recs.v[i].lemma), (void *)ms->recs.v[i].lemma);
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    while ((len = getline(&line, &cap, ix)) > 0) {
        char *sp = strchr(line, ' ');
        if (line[0] == ' ' || !sp || !el_strmap_get(heads, line, (size_t)(sp - line))) continue;
        /* lemma pos synset_cnt p_cnt [ptr_symbol]... sense_cnt tagsense_cnt offset... */
        unsigned nsyn, nptr;
        int at = 0;
        if (sscanf(sp, " %*s %u %u %n", &nsyn, &nptr, &at) != 2) continue;
        char *p = sp + at;
        for (unsigned k = 0; k < nptr + 2; k++) {          /* skip to the first offset */
            while (*p && *p != ' ') p++;
            while (*p == ' ') p++;
        }
        char verb[64];
        *sp = '\0';
        if (nsyn && wn_verb_of(dn, dv, strtol(p, NULL, 10), line, verb) && strcmp(verb, line))
            el_strmap_put(heads, line, strlen(line), el_arena_strdup(ms->a, verb));
    }
    free(line);
    for (size_t i = 0; i < ms->recs.n; i++) {
        const char *v = el_strmap_get(heads, ms->recs.v[i].lemma, strlen(ms->recs.v[i].lemma));
        if (v) ms->recs.v[i].lemma = v;
    }
out:
    if (ix) fclose(ix);
    if (dn) fclose(dn);
    if (dv) fclose(dv);
}

/* Context overlap an uncoded mention needs to join an event; tuned on ECB+ dev. */
#define MENTION_CONTEXT_MIN 0.34

static int el_mentions_link(el_mentions *ms, const el_linker *L, const char *wordnet) {
    nominal_verbs(ms, wordnet);
    el_evlink_set_context_min(ms->ev, MENTION_CONTEXT_MIN);
    for (size_t i = 0; i < ms->recs.n; i++) {
        ms->recs.v[i].episode = el_link_episode(L, ms->recs.v[i].article);
        if (el_evlink_add(ms->ev, &ms->recs.v[i]) < 0) return EL_ENOMEM;
    }
    return el_evlink_finish(ms->ev);
}

static void el_mentions_write(el_mentions *ms, const el_linker *L, el_out *o) {
    for (size_t i = 0; i < ms->recs.n; i++) {
        const el_event_rec *r = &ms->recs.v[i];
        el_buf *b = &o->b;
        int f = 1;
        el_buf_putc(b, '{');
        el_json_key(b, "article", &f); el_json_strz(b, el_link_id(L, r->article));
        el_json_key(b, "m_id", &f); el_json_strz(b, ms->ids.v[i]);
        el_json_key(b, "event", &f); el_buf_printf(b, "\"V%u\"", el_evlink_event_of(ms->ev, i) + 1);
        el_json_key(b, "lemma", &f); el_json_strz(b, ms->plain.v[i]);
        el_json_key(b, "head", &f); el_json_strz(b, r->lemma);
        el_json_key(b, "episode", &f); el_buf_printf(b, "\"E%u\"", el_link_episode(L, r->article));
        el_buf_putc(b, '}');
        el_out_line_done(o);
    }
}

static void el_mentions_free(el_mentions *ms) {
    if (!ms) return;
    el_evlink_free(ms->ev);
    el_arena_free(ms->a);
    free(ms);
}

typedef struct ctx {
    const el_engine *e;
    el_diag *d;
    el_meter m;
    el_linker *L;
    el_mentions *ms;     /* --mentions, or NULL */
    double link_s;       /* seconds spent in linking alone, for --stats */
    double finish_s;     /* ... of which in el_link_finish */
    double link_cpu;     /* the same in CPU time of this thread: steady on a busy machine */
} ctx;

/* CPU seconds of the calling thread (linking runs on one thread). */
static double cpu_now(void) {
    struct timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static int on_doc(el_doc *doc, void *ud) {
    ctx *c = ud;
    /* Actors give the linker its entity keys; times are not needed. */
    unsigned stages = EL_STAGE_BIT(EL_STAGE_CLEAN) | EL_STAGE_BIT(EL_STAGE_SEGMENT) | EL_STAGE_BIT(EL_STAGE_ACTORS);
    if (el_process_stages(c->e, doc, stages, c->d) != EL_OK) return 0;
    double t0 = el_now(), u0 = cpu_now();
    long i = el_link_add(c->L, doc);
    c->link_s += el_now() - t0;
    c->link_cpu += cpu_now() - u0;
    if (i < 0 || (c->ms && el_mentions_take(c->ms, doc, (uint32_t)i, c->d) != EL_OK)) {
        el_reject(c->d, doc->file, doc->line, "out of memory linking this article; stopped");
        return 1;
    }
    el_meter_add(&c->m, 1, (long)doc->n_sents, doc->raw_len);
    return 0;
}

static void write_articles(el_out *o, const el_linker *L) {
    el_link_dup dups[16];
    for (size_t i = 0; i < el_link_count(L); i++) {
        el_buf *b = &o->b;
        int f = 1;
        el_buf_putc(b, '{');
        el_json_key(b, "article", &f); el_json_strz(b, el_link_id(L, i));
        el_json_key(b, "episode", &f); el_buf_printf(b, "\"E%u\"", el_link_episode(L, i));
        el_json_key(b, "thread", &f); el_buf_printf(b, "\"T%u\"", el_link_thread(L, i));
        el_json_key(b, "near_duplicates", &f);
        el_buf_putc(b, '[');
        size_t nd = el_link_dups(L, i, dups, 16);
        for (size_t k = 0; k < nd; k++) {
            int g = 1;
            el_buf_puts(b, k ? ",{" : "{");
            el_json_key(b, "article", &g); el_json_strz(b, el_link_id(L, dups[k].article));
            el_json_key(b, "similarity", &g); el_json_double(b, dups[k].similarity, 3);
            el_buf_putc(b, '}');
        }
        el_buf_puts(b, "]}");
        el_out_line_done(o);
    }
}

int el_cmd_cluster(int argc, char **argv) {
    el_cli cli = {.want_inputs = true};
    ctx c = {0};
    const char *mentions = NULL;
    el_flag flags[] = {
        {"--mentions", &mentions, NULL,
         "FILE: link these event-mention spans across documents (JSON Lines "
         "{\"doc\",\"mentions\":[{\"m_id\",\"start\",\"end\"}]}, byte offsets into the "
         "input text); writes one {\"article\",\"m_id\",\"event\",\"lemma\",\"head\",\"episode\"} per mention"},
        {0}};
    int rc = el_cli_parse(&cli, argc, argv, "cluster", "[options] INPUT...", flags);
    if (rc >= 0) { free(cli.inputs); return rc; }
    el_diag d;
    el_diag_init(&d, NULL);
    el_engine *e = el_engine_open(&cli.opt, &d);
    if (!e) { free(cli.inputs); el_diag_fini(&d); return 1; }   /* out of memory, reported */
    c.e = e;
    c.d = &d;
    c.L = el_linker_new(NULL, e->lex);
    bool oom = false;
    if (mentions && !(c.ms = el_mentions_load(mentions, e->lex, &d, &oom))) {
        el_linker_free(c.L); el_engine_close(e); el_diag_fini(&d); free(cli.inputs);
        return oom ? 1 : 2;
    }
    int status = 1;
    if (!c.L) el_reject(&d, "eventline", 0, "out of memory starting the linker");
    if (c.L) {
        el_meter_start(&c.m, "cluster", cli.stats);
        int rrc = el_read_inputs(e, cli.inputs, cli.n_inputs, &d, on_doc, &c);
        double t0 = el_now(), u0 = cpu_now();
        int lrc = el_link_finish(c.L);
        c.finish_s = el_now() - t0;
        c.link_s += c.finish_s;
        c.link_cpu += cpu_now() - u0;
        if (lrc == EL_OK && c.ms) lrc = el_mentions_link(c.ms, c.L, cli.opt.wordnet_dir);
        el_meter_done(&c.m, &d);
        if (cli.stats)
            el_note(&d, "stats: link articles=%zu episodes=%zu threads=%zu seconds=%.3f "
                    "articles_per_s=%.1f link_bytes=%zu link_bytes_per_article=%.0f "
                    "finish_seconds=%.3f finish_peak_bytes=%zu cpu_seconds=%.3f cpu_articles_per_s=%.1f\n",
                    el_link_count(c.L), el_link_n_episodes(c.L), el_link_n_threads(c.L), c.link_s,
                    c.link_s > 0 ? el_link_count(c.L) / c.link_s : 0.0, el_link_bytes(c.L),
                    el_link_count(c.L) ? (double)el_link_bytes(c.L) / el_link_count(c.L) : 0.0,
                    c.finish_s, el_link_peak_bytes(c.L), c.link_cpu,
                    c.link_cpu > 0 ? el_link_count(c.L) / c.link_cpu : 0.0);
        el_out out;
        el_out_init(&out, stdout);
        if (lrc != EL_OK) el_reject(&d, "<cluster>", 0, "out of memory while linking");
        else if (c.ms) el_mentions_write(c.ms, c.L, &out);
        else write_articles(&out, c.L);
        if (el_out_close(&out)) el_reject(&d, "<stdout>", 0, "write error");
        status = rrc == EL_ENOMEM || lrc != EL_OK ? 1 : el_exit_status(&d);
    }
    el_mentions_free(c.ms);
    el_linker_free(c.L);
    el_engine_close(e);
    el_diag_fini(&d);
    free(cli.inputs);
    return status;
}
