/*
** cmd_run.c: `eventline run [--out DIR] INPUT...`, the main job.
** In:  articles (files, folders, JSON Lines), --meta, --dict; and the
**      articles already stored in DIR/eventline.db by earlier runs.
** Out: DIR/articles.jsonl, entities.jsonl, events.jsonl, mentions.tsv,
**      stories.jsonl, counts.jsonl, comparisons.jsonl, quotes.jsonl, the
**      exports (gdelt.events.tsv, gdelt.mentions.tsv, plover.jsonl,
**      events.csv), report.html and eventline.db.
** Each article goes through every stage while it is alive; what linking
** needs (a few hundred bytes, plus its event mentions) is copied into run
** memory. The files are written into DIR/.tmp first and renamed into place,
** then stored in one database transaction: a run killed at any moment
** leaves the previous files or the new ones, and a database the next run
** completes. An input whose text is already stored is skipped, so running
** twice with the same files changes nothing.
*/
#include <errno.h>
#include <jansson.h>
#include <pthread.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "annotate_actor.h"
#include "annotate_count.h"
#include "annotate_quote.h"
#include "cli.h"
#include "code.h"
#include "commands.h"
#include "compare.h"
#include "dict.h"
#include "engine.h"
#include "export.h"
#include "link.h"
#include "read.h"
#include "report.h"
#include "sort.h"
#include "store.h"
#include "strmap.h"
#include "utf8.h"
#include <xxhash.h>

/* What the run keeps of an article after its arena is reset. */
typedef struct art_info {
    const char *id, *title, *outlet;
    el_date date;
} art_info;

/* One coded event (one source-target pair), kept for linking. */
typedef struct ev_men {
    uint32_t article, sent, start, end;
    const char *text;                   /* the sentence */
    const el_code_info *code;
    uint8_t modality;
    el_date date;
    const char *gran;
    bool from_pub, has_src, has_tgt;
    el_event_arg src, tgt;              /* strings copied into run memory */
    const char *place, *place_country;
    double lat, lon;
    uint32_t group;                     /* pairs of one match share a group */
} ev_men;

#define MAX_INFLIGHT 64                 /* articles read ahead of the commit */
#define MAX_THREADS 8

typedef struct job {
    el_arena *a;
    el_doc *doc;
    int rc;
    bool done;
} job;

/* A file the run writes, with its stdio buffer (el_file_buffer). */
typedef struct outf { FILE *f; char *buf; } outf;

typedef struct run {
    const el_engine *e;
    el_diag *d;
    el_arena *a;                        /* run memory */
    el_linker *L;
    el_actor_index *X;
    el_cmp *cmp;
    el_strmap *seen_hash;               /* content hashes processed this run */
    el_strmap *seen_id;                 /* article ids processed this run */
    el_strmap *stored_hash;             /* content hashes already in the database */
    el_strmap *strs;                    /* interned short strings of kept events */
    EL_VEC(art_info) arts;
    EL_VEC(ev_men) evs;
    uint32_t n_groups;
    outf f_articles, f_counts;
    el_buf b;
    el_buf row;                         /* one mentions.tsv row */
    el_meter m;
    long skipped;
    int rc;
    /* workers */
    job jobs[MAX_INFLIGHT];
    job *ring[MAX_INFLIGHT];            /* submitted jobs, [head, tail) */
    size_t head, tail, next_work;
    pthread_mutex_t mu;
    pthread_cond_t cv_work, cv_done;
    pthread_t th[MAX_THREADS];
    int n_threads;
    bool stop;
} run;

static void hash_hex(const char *p, size_t n, char out[17]) {
    snprintf(out, 17, "%016llx", (unsigned long long)XXH3_64bits(p, n));
}

static const char *keep(run *r, const char *s) { return s ? el_arena_strdup(r->a, s) : NULL; }

/* An event's short strings (codes, names, places, actor texts) come back
** thousands of times over a big run: keep one copy of each. */
static const char *intern(run *r, const char *s) {
    if (!s) return NULL;
    size_t n = strlen(s);
    const char *k = el_strmap_key(r->strs, s, n);
    if (k) return k;
    if (el_strmap_put(r->strs, s, n, NULL)) return keep(r, s);
    return el_strmap_key(r->strs, s, n);
}

static el_event_arg keep_arg(run *r, const el_event_arg *x) {
    el_event_arg y = *x;
    y.text = intern(r, x->text);
    y.code = intern(r, x->code);
    y.name = intern(r, x->name);
    return y;
}

/* Copy the doc's events into run memory, grouping the pairs of one match. */
static void keep_events(run *r, const el_doc *doc, uint32_t article) {
    const el_event *prev = NULL;
    const char *sent_text = NULL;               /* the pairs of a sentence share its text */
    uint32_t text_sent = UINT32_MAX;
    for (size_t i = 0; i < doc->n_events; i++) {
        const el_event *ev = &doc->events[i];
        if (!ev->code->plover) continue;
        if (!prev || prev->sent != ev->sent || prev->start != ev->start || prev->end != ev->end ||
            prev->code != ev->code)
            r->n_groups++;
        prev = ev;
        const el_sent *s = &doc->sents[ev->sent];
        if (ev->sent != text_sent) {
            sent_text = el_arena_strndup(r->a, doc->body + s->start, s->end - s->start);
            text_sent = ev->sent;
        }
        ev_men m = {
            .article = article, .sent = ev->sent, .start = ev->start, .end = ev->end,
            .text = sent_text,
            .code = ev->code, .modality = (uint8_t)ev->modality, .date = ev->date,
            .gran = ev->date_granularity, .from_pub = ev->date_from_pub,
            .has_src = ev->has_source, .has_tgt = ev->has_target,
            .place = intern(r, ev->place), .place_country = intern(r, ev->place_country),
            .lat = ev->lat, .lon = ev->lon, .group = r->n_groups,
        };
        if (ev->has_source) m.src = keep_arg(r, &ev->source);
        if (ev->has_target) m.tgt = keep_arg(r, &ev->target);
        if (!EL_HEAP_PUSH(r->evs, m, 1024)) { r->rc = EL_ENOMEM; return; }   /* run-long, and big */
    }
}

static const char *short_title(run *r, const el_doc *doc) {
    if (doc->title) return el_arena_strdup(r->a, doc->title);
    if (!doc->n_sents) return NULL;
    const el_sent *s = &doc->sents[0];
    size_t n = s->end - s->start;
    if (n > 160) {                              /* cut at a word, then mark the cut */
        n = 160;
        while (n > 60 && doc->body[s->start + n] != ' ') n--;
        n = el_utf8_cut(doc->body + s->start, n, n);     /* never inside a character */
        return el_arena_printf(r->a, "%.*s...", (int)n, doc->body + s->start);
    }
    return el_arena_strndup(r->a, doc->body + s->start, n);
}

/* ---- the article pipeline on threads -----------------------------------
** The reader (this thread) copies each article into a job with an arena of
** its own; workers run stages 1-5 on jobs in any order; this thread then
** commits jobs strictly in the order they were read: run-wide entity ids,
** linking, the kept events and the output lines. So the output is the same
** byte for byte whatever the number of threads. */

static el_doc *copy_doc(el_arena *a, const el_doc *src) {
    el_doc *d = el_arena_calloc(a, sizeof *d);
    if (!d) return NULL;
    d->a = a;
    d->file = el_arena_strdup(a, src->file);
    d->base = el_arena_strdup(a, src->base);    /* read.c made it valid UTF-8 */
    d->line = src->line;
    d->seq = src->seq;
    d->id = el_arena_strdup(a, src->id);
    d->title = el_arena_strdup(a, src->title);
    d->dek = el_arena_strdup(a, src->dek);
    d->outlet = el_arena_strdup(a, src->outlet);
    d->url = el_arena_strdup(a, src->url);
    d->language = el_arena_strdup(a, src->language);
    d->translated = src->translated;
    d->text_format = src->text_format;
    d->date = src->date;
    d->date_source = src->date_source;
    d->date_evidence = el_arena_strdup(a, src->date_evidence);
    d->header_date = src->header_date;
    d->raw = el_arena_strndup(a, src->raw, src->raw_len);
    d->raw_len = src->raw_len;
    return el_arena_failed(a) ? NULL : d;
}

static void *worker(void *ud) {
    run *r = ud;
    unsigned stages = EL_STAGE_BIT(EL_STAGE_CODE + 1) - 2u;      /* 1 .. code */
    pthread_mutex_lock(&r->mu);
    for (;;) {
        while (!r->stop && r->next_work == r->tail) pthread_cond_wait(&r->cv_work, &r->mu);
        if (r->next_work == r->tail && r->stop) break;
        job *j = r->ring[r->next_work++ % MAX_INFLIGHT];
        pthread_mutex_unlock(&r->mu);
        j->rc = el_process_stages(r->e, j->doc, stages, r->d);
        pthread_mutex_lock(&r->mu);
        j->done = true;
        pthread_cond_broadcast(&r->cv_done);
    }
    pthread_mutex_unlock(&r->mu);
    return NULL;
}

/* Commit the oldest job: everything that needs the order of articles. */
static void commit(run *r, job *j) {
    el_doc *doc = j->doc;
    if (j->rc != EL_OK) return;                 /* reported by the stage */
    if (el_actor_index_add(r->X, doc) != EL_OK) { r->rc = EL_ENOMEM; return; }
    /* Entity ids came after coding: copy them into the events. */
    for (size_t i = 0; i < doc->n_events; i++) {
        el_event *ev = &doc->events[i];
        if (ev->has_source && ev->source.ment >= 0) ev->source.entity = doc->ments[ev->source.ment].entity;
        if (ev->has_target && ev->target.ment >= 0) ev->target.entity = doc->ments[ev->target.ment].entity;
    }
    long idx = el_link_add(r->L, doc);
    if (idx < 0 || el_cmp_add_doc(r->cmp, doc, NULL) != EL_OK) { r->rc = EL_ENOMEM; return; }
    art_info ai = {keep(r, doc->id), short_title(r, doc), keep(r, doc->outlet), doc->date};
    EL_PUSH(r->a, r->arts, ai);
    keep_events(r, doc, (uint32_t)idx);
    /* articles.jsonl and counts.jsonl stream as we go. */
    r->b.len = 0;
    /* The raw text is kept for incremental runs, when cleaning changed it. */
    bool same = doc->raw_len == doc->body_len && memcmp(doc->raw, doc->body, doc->body_len) == 0;
    el_write_article(&r->b, doc, same ? 0 : EL_ART_RAW);
    el_buf_putc(&r->b, '\n');
    for (size_t i = 0; i < doc->n_counts; i++) {
        el_write_count(&r->b, doc, &doc->counts[i]);
        el_buf_putc(&r->b, '\n');
    }
    /* The article line ends at its first newline; the counts follow. */
    const char *nl = memchr(r->b.p, '\n', r->b.len);
    size_t an = (size_t)(nl - r->b.p) + 1;
    if (fwrite(r->b.p, 1, an, r->f_articles.f) != an ||
        fwrite(r->b.p + an, 1, r->b.len - an, r->f_counts.f) != r->b.len - an)
        r->rc = EL_EINPUT;
    el_meter_add(&r->m, 1, (long)doc->n_sents, doc->raw_len);
    if (el_arena_failed(r->a)) r->rc = EL_ENOMEM;
}

/* Wait for the oldest job, commit it, free its slot. */
static void commit_oldest(run *r) {
    pthread_mutex_lock(&r->mu);
    job *j = r->ring[r->head % MAX_INFLIGHT];
    while (!j->done) pthread_cond_wait(&r->cv_done, &r->mu);
    pthread_mutex_unlock(&r->mu);
    commit(r, j);
    el_arena_reset(j->a);
    j->done = false;
    pthread_mutex_lock(&r->mu);
    r->head++;
    pthread_mutex_unlock(&r->mu);
}

/* One article, from the inputs or the database. */
static int take_doc(run *r, el_doc *doc) {
    char h[17];
    hash_hex(doc->raw, doc->raw_len, h);
    if (el_strmap_get(r->seen_hash, h, 16)) { r->skipped++; return 0; }     /* same text twice */
    if (doc->id && el_strmap_get(r->seen_id, doc->id, strlen(doc->id))) {
        el_warn(r->d, doc->file, doc->line, "article id '%s' seen before in this run; this one is skipped", doc->id);
        r->skipped++;
        return 0;
    }
    el_strmap_put(r->seen_hash, h, 16, r);
    el_strmap_put(r->seen_id, doc->id, strlen(doc->id), r);
    if (r->tail - r->head == MAX_INFLIGHT) commit_oldest(r);
    job *j = &r->jobs[r->tail % MAX_INFLIGHT];
    if (!j->a && !(j->a = el_arena_new(NULL, 256 * 1024))) { r->rc = EL_ENOMEM; return 1; }
    if (!(j->doc = copy_doc(j->a, doc))) { r->rc = EL_ENOMEM; return 1; }
    j->done = false;
    j->rc = EL_OK;
    if (!r->n_threads) {                        /* no workers: do it here */
        j->rc = el_process_stages(r->e, j->doc, EL_STAGE_BIT(EL_STAGE_CODE + 1) - 2u, r->d);
        j->done = true;
    }
    pthread_mutex_lock(&r->mu);
    r->ring[r->tail % MAX_INFLIGHT] = j;
    r->tail++;
    pthread_cond_signal(&r->cv_work);
    pthread_mutex_unlock(&r->mu);
    if (!r->n_threads) commit_oldest(r);
    return r->rc != EL_OK;
}

/* Start and stop the workers. */
static void workers_start(run *r, int n) {
    pthread_mutex_init(&r->mu, NULL);
    pthread_cond_init(&r->cv_work, NULL);
    pthread_cond_init(&r->cv_done, NULL);
    for (int i = 0; i < n && i < MAX_THREADS; i++)
        if (pthread_create(&r->th[r->n_threads], NULL, worker, r) == 0) r->n_threads++;
}

static void workers_finish(run *r) {
    while (r->head < r->tail) commit_oldest(r);
    pthread_mutex_lock(&r->mu);
    r->stop = true;
    pthread_cond_broadcast(&r->cv_work);
    pthread_mutex_unlock(&r->mu);
    for (int i = 0; i < r->n_threads; i++) pthread_join(r->th[i], NULL);
    r->n_threads = 0;
    for (int i = 0; i < MAX_INFLIGHT; i++) { el_arena_free(r->jobs[i].a); r->jobs[i].a = NULL; }
    pthread_cond_destroy(&r->cv_work);
    pthread_cond_destroy(&r->cv_done);
    pthread_mutex_destroy(&r->mu);
}

static int on_input(el_doc *doc, void *ud) { return take_doc(ud, doc); }

/* A stored article comes back as a doc: its raw text and what the text
** alone cannot give again (a manifest's date, outlet, id). */
typedef struct stored_ctx { run *r; el_arena *a; } stored_ctx;

static int on_stored(const el_store_article *sa, void *ud) {
    stored_ctx *sc = ud;
    run *r = sc->r;
    if (!sa->id || (!sa->raw && !sa->body)) return 0;
    if (el_strmap_get(r->seen_id, sa->id, strlen(sa->id))) return 0;   /* replaced by an input */
    el_arena_reset(sc->a);
    el_doc *doc = el_arena_calloc(sc->a, sizeof *doc);
    if (!doc) return 1;
    doc->a = sc->a;
    doc->file = doc->base = el_arena_strdup(sc->a, sa->file ? sa->file : sa->id);
    doc->line = 1;
    doc->translated = sa->translated;
    doc->date = doc->header_date = EL_DATE_UNKNOWN;
    doc->raw = sa->raw ? sa->raw : sa->body;        /* no raw: cleaning left it as it was */
    doc->raw_len = sa->raw ? sa->raw_len : sa->body_len;
    doc->text_format = true;
    doc->id = el_arena_strdup(sc->a, sa->id);
    doc->outlet = el_arena_strdup(sc->a, sa->outlet);
    doc->url = el_arena_strdup(sc->a, sa->url);
    doc->language = el_arena_strdup(sc->a, sa->language);
    /* JSON Lines titles are not in the text: keep the stored one. The text is
    ** doc->raw, which is the body when no raw was stored (sa->raw NULL). */
    if (sa->title && !strstr(doc->raw, sa->title)) doc->title = el_arena_strdup(sc->a, sa->title);
    if (sa->date && sa->date_source && strcmp(sa->date_source, "inferred") != 0) {
        doc->date = el_date_parse(sa->date, strlen(sa->date));
        doc->date_source = !strcmp(sa->date_source, "meta") ? EL_DATE_META : EL_DATE_HEADER;
        doc->date_evidence = el_arena_strdup(sc->a, sa->date_evidence);
        /* The header line, if any, still has to leave the text. */
        if (!strncmp(doc->raw, " date ", 6) || !strncmp(doc->raw, "date ", 5)) {
            el_doc tmp = *doc;
            el_read_text(r->e, &tmp, doc->raw, doc->raw_len, r->d);
            doc->raw = tmp.raw;
            doc->raw_len = tmp.raw_len;
        }
    }
    return take_doc(r, doc);
}

/* ---- after the last article ----------------------------------------- */

static void date_range(const ev_men *m, el_date *lo, el_date *hi) {
    *lo = *hi = m->date;
    if (m->date == EL_DATE_UNKNOWN || !m->gran) return;
    int y, mo, d;
    el_date_to_ymd(m->date, &y, &mo, &d);
    if (!strcmp(m->gran, "week")) *hi = m->date + 6;
    else if (!strcmp(m->gran, "weekend")) *hi = m->date + 1;
    else if (!strcmp(m->gran, "month")) *hi = el_date_from_ymd(y, mo, el_date_days_in_month(y, mo));
    else if (!strcmp(m->gran, "year")) *hi = el_date_from_ymd(y, 12, 31);
}

/* The linking key of an actor: its code, and for a named person the entity. */
static const char *actor_key(run *r, const el_event_arg *x) {
    const char *code = x->code ? x->code : "UNK";
    if (x->person && x->entity >= 0) return el_arena_printf(r->a, "%s#p%d", code, x->entity);
    return code;
}

static void add_key(const char **list, uint8_t *n, const char *k) {
    for (uint8_t i = 0; i < *n; i++) if (!strcmp(list[i], k)) return;
    if (*n < EL_EVREC_MAX_ACTORS) list[(*n)++] = k;
}

typedef struct rec_ref { uint32_t first, n; } rec_ref;   /* evs[first .. first+n) */

/* Sort key of a group: article date, article id, sentence, offset. */
static int cmp_group(const void *pa, const void *pb, void *ud) {
    const run *sort_run = ud;
    const rec_ref *a = pa, *b = pb;
    const ev_men *x = &sort_run->evs.v[a->first], *y = &sort_run->evs.v[b->first];
    const art_info *ax = &sort_run->arts.v[x->article], *ay = &sort_run->arts.v[y->article];
    if (ax->date != ay->date) return ax->date < ay->date ? -1 : 1;
    int c = strcmp(ax->id, ay->id);
    if (c) return c;
    if (x->sent != y->sent) return x->sent < y->sent ? -1 : 1;
    return x->start < y->start ? -1 : x->start > y->start;
}

static void write_arg_list(el_buf *b, const ev_men *const *ms, size_t n, bool source) {
    el_buf_putc(b, '[');
    size_t w = 0;
    for (size_t i = 0; i < n; i++) {
        const el_event_arg *x = source ? &ms[i]->src : &ms[i]->tgt;
        if (source ? !ms[i]->has_src : !ms[i]->has_tgt) continue;
        bool dup = false;                       /* one entry per actor */
        for (size_t j = 0; j < i && !dup; j++) {
            const el_event_arg *y = source ? &ms[j]->src : &ms[j]->tgt;
            if (!(source ? ms[j]->has_src : ms[j]->has_tgt)) continue;
            dup = (x->entity >= 0 && x->entity == y->entity) ||
                  (x->entity < 0 && y->entity < 0 && x->code && y->code && !strcmp(x->code, y->code));
        }
        if (dup) continue;
        int f = 1;
        el_buf_puts(b, w++ ? ",{" : "{");
        el_json_key_plain(b, "name", &f); el_json_strz(b, x->name ? x->name : x->text);
        el_json_key_plain(b, "code", &f); el_json_strz(b, x->code);
        el_json_key_plain(b, "entity", &f);
        if (x->entity >= 0) el_json_int(b, x->entity); else el_buf_puts(b, "null");
        el_json_key_plain(b, "text", &f); el_json_strz(b, x->text);
        el_buf_putc(b, '}');
    }
    el_buf_putc(b, ']');
}

/* The most common value among the mentions v[0..n) of one event, by sorting
** (key, position) records: an event reported thousands of times made the
** pairwise count quadratic. places: the place names (interned, so one
** string is one pointer), the winner the value whose first mention comes
** first among the most common; else the mentions' own dates, the earliest
** date among the most common. Returns the first mention with the winning
** value, or NULL when no mention has one (or memory failed: *oom set). */
static const ev_men *vote(const ev_men *const *v, size_t n, bool places, bool *oom) {
    el_keyed *k = malloc((n ? n : 1) * 2 * sizeof *k);
    if (!k) { *oom = true; return NULL; }
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (places ? !v[i]->place : (v[i]->from_pub || v[i]->date == EL_DATE_UNKNOWN)) continue;
        uint64_t key = places ? (uint64_t)(uintptr_t)v[i]->place : (uint64_t)((int64_t)v[i]->date + (1LL << 40));
        k[m++] = (el_keyed){key, (uint32_t)i, 0};
    }
    el_sort_keyed(k, k + n, m);                 /* by value, then position */
    size_t best_n = 0, best_at = 0;
    for (size_t s = 0, t; s < m; s = t) {
        for (t = s + 1; t < m && k[t].key == k[s].key; t++) {}
        /* Dates ascend: strictly more keeps the earliest. Places: on a tie
        ** the value met first in the mentions wins. */
        if (t - s > best_n || (places && t - s == best_n && k[s].a < k[best_at].a)) { best_n = t - s; best_at = s; }
    }
    const ev_men *w = best_n ? v[k[best_at].a] : NULL;
    free(k);
    return w;
}

static int write_events(run *r, FILE *fe, FILE *ft) {
    /* One link record per group (the pairs of one pattern match). */
    EL_VEC(rec_ref) groups = {0};
    for (uint32_t i = 0; i < r->evs.n;) {
        uint32_t j = i;
        while (j < r->evs.n && r->evs.v[j].group == r->evs.v[i].group) j++;
        rec_ref g = {i, j - i};
        EL_PUSH(r->a, groups, g);
        i = j;
    }
    if (groups.n) qsort_r(groups.v, groups.n, sizeof *groups.v, cmp_group, r);
    el_evlink *V = el_evlink_new();
    if (!V) return EL_ENOMEM;
    for (size_t gi = 0; gi < groups.n; gi++) {
        const ev_men *m = &r->evs.v[groups.v[gi].first];
        el_event_rec rec;
        memset(&rec, 0, sizeof rec);
        rec.article = m->article;
        rec.outlet = r->arts.v[m->article].outlet;
        rec.sentence = m->sent;
        rec.start = m->start;
        rec.end = m->end;
        rec.category = m->code->plover;
        rec.cameo = m->code->cameo;
        date_range(m, &rec.date_lo, &rec.date_hi);
        /* Without a date of its own, an event told as done happened in the
        ** week before the report; one told as planned, in the fortnight after. */
        if (m->from_pub && m->date != EL_DATE_UNKNOWN) {
            bool ahead = m->modality == EL_MOD_PLANNED;
            rec.date_lo = ahead ? m->date : m->date - 7;
            rec.date_hi = ahead ? m->date + 14 : m->date;
        }
        rec.modality = m->modality;
        rec.place = m->place;
        rec.episode = el_link_episode(r->L, m->article);
        for (uint32_t k = 0; k < groups.v[gi].n; k++) {
            const ev_men *p = &r->evs.v[groups.v[gi].first + k];
            if (p->has_src) add_key(rec.source, &rec.n_source, actor_key(r, &p->src));
            if (p->has_tgt) add_key(rec.target, &rec.n_target, actor_key(r, &p->tgt));
        }
        if (el_evlink_add(V, &rec) < 0) { el_evlink_free(V); return EL_ENOMEM; }
    }
    if (el_evlink_finish(V) != EL_OK) { el_evlink_free(V); return EL_ENOMEM; }
    fputs("event\tarticle\tsentence\tstart\tend\tcategory\tcameo\tmodality\tdate\tsource\ttarget\ttext\n", ft);
    for (size_t e = 0; e < el_evlink_n_events(V); e++) {
        const uint32_t *recs;
        size_t nr = el_evlink_mentions(V, e, &recs);
        uint32_t nm, na, ns;
        el_evlink_counts(V, e, &nm, &na, &ns);
        /* All pairs of all mentions, for the actor lists. */
        EL_VEC(const ev_men *) all = {0};
        for (size_t i = 0; i < nr; i++) {
            const rec_ref *g = &groups.v[recs[i]];
            for (uint32_t k = 0; k < g->n; k++) EL_PUSH(r->a, all, &r->evs.v[g->first + k]);
        }
        if (!all.n) continue;
        /* The event's date: the most frequent own date of its mentions, the
        ** earliest on a tie; else the first mention's publication date. */
        const ev_men *first = all.v[0];
        bool oom = false;
        const ev_men *dated = vote(all.v, all.n, false, &oom);
        const ev_men *dm = dated ? dated : first;
        /* The place most of its mentions name; the first on a tie. */
        const ev_men *pl = vote(all.v, all.n, true, &oom);
        if (oom) { el_evlink_free(V); return EL_ENOMEM; }
        el_buf *b = &r->b;
        b->len = 0;
        int f = 1;
        char id[32];
        snprintf(id, sizeof id, "EV%zu", e + 1);
        el_buf_putc(b, '{');
        el_json_key_plain(b, "id", &f); el_json_strz(b, id);
        el_json_key_plain(b, "date", &f); el_json_date(b, dm->date);
        el_json_key_plain(b, "date_granularity", &f); el_json_strz(b, dm->date == EL_DATE_UNKNOWN ? "unknown" : dm->gran);
        el_json_key_plain(b, "date_from_publication", &f); el_json_bool(b, dated == NULL);
        el_json_key_plain(b, "event", &f); el_json_strz(b, first->code->plover);
        el_json_key_plain(b, "cameo", &f); el_json_strz(b, first->code->cameo);
        el_json_key_plain(b, "quad_class", &f); el_json_int(b, first->code->quad_class);
        el_json_key_plain(b, "goldstein", &f); el_json_double(b, first->code->goldstein, 1);
        el_json_key_plain(b, "modality", &f); el_json_strz(b, el_modality_names[first->modality]);
        el_json_key_plain(b, "source", &f); write_arg_list(b, all.v, all.n, true);
        el_json_key_plain(b, "target", &f); write_arg_list(b, all.v, all.n, false);
        el_json_key_plain(b, "location", &f);
        el_write_location(b, pl ? pl->place : NULL, pl ? pl->place_country : NULL,
                          pl ? pl->lat : NAN, pl ? pl->lon : NAN);
        el_buf_puts(b, ",\"episode\":\"E");
        el_buf_int(b, el_link_episode(r->L, first->article));
        el_buf_puts(b, "\",\"thread\":\"T");
        el_buf_int(b, el_link_thread(r->L, first->article));
        el_buf_putc(b, '"');
        el_json_key_plain(b, "num_mentions", &f); el_json_int(b, nm);
        el_json_key_plain(b, "num_articles", &f); el_json_int(b, na);
        el_json_key_plain(b, "num_sources", &f); el_json_int(b, ns);
        el_json_key_plain(b, "contradicting", &f); el_json_bool(b, el_evlink_contradicts(V, e));
        el_json_key_plain(b, "mentions", &f);
        el_buf_putc(b, '[');
        for (size_t i = 0; i < nr; i++) {
            const ev_men *m = &r->evs.v[groups.v[recs[i]].first];
            int g = 1;
            el_buf_puts(b, i ? ",{" : "{");
            el_json_key_plain(b, "article", &g); el_json_strz(b, r->arts.v[m->article].id);
            el_json_key_plain(b, "sentence", &g); el_json_int(b, m->sent);
            el_json_key_plain(b, "start", &g); el_json_int(b, m->start);
            el_json_key_plain(b, "end", &g); el_json_int(b, m->end);
            el_json_key_plain(b, "text", &g); el_json_strz(b, m->text);
            el_json_key_plain(b, "date", &g); el_json_date(b, m->date);
            el_json_key_plain(b, "modality", &g); el_json_strz(b, el_modality_names[m->modality]);
            el_buf_putc(b, '}');
            /* mentions.tsv: one row a mention, tabs and newlines flattened. */
            char ds[11] = "";
            if (m->date != EL_DATE_UNKNOWN) el_date_format(m->date, ds);
            el_buf *t = &r->row;
            t->len = 0;
            const char *cells[] = {id, r->arts.v[m->article].id};
            for (int c = 0; c < 2; c++) { el_buf_puts(t, cells[c]); el_buf_putc(t, '\t'); }
            const uint32_t nums[] = {m->sent, m->start, m->end};
            for (int c = 0; c < 3; c++) { el_buf_int(t, nums[c]); el_buf_putc(t, '\t'); }
            const char *more[] = {m->code->plover, m->code->cameo, el_modality_names[m->modality], ds,
                                  m->has_src && m->src.code ? m->src.code : "",
                                  m->has_tgt && m->tgt.code ? m->tgt.code : ""};
            for (int c = 0; c < 6; c++) { el_buf_puts(t, more[c]); el_buf_putc(t, '\t'); }
            for (const char *p = m->text; *p;) {    /* runs of plain bytes in one copy */
                size_t run = strcspn(p, "\t\n");
                el_buf_put(t, p, run);
                p += run;
                if (*p) { el_buf_putc(t, ' '); p++; }
            }
            el_buf_putc(t, '\n');
            fwrite(t->p, 1, t->len, ft);
        }
        el_buf_puts(b, "]}\n");
        if (fwrite(b->p, 1, b->len, fe) != b->len) { el_evlink_free(V); return EL_EINPUT; }
    }
    el_evlink_free(V);
    return EL_OK;
}

/* Stories: the articles of each episode and thread, gathered by one
** counting sort per level (members in article order), so the file is
** written in time linear in articles plus stories. */
static int write_stories(run *r, FILE *f) {
    size_t n = el_link_count(r->L);
    size_t ne = el_link_n_episodes(r->L), nt = el_link_n_threads(r->L);
    el_buf *b = &r->b;
    uint32_t *start = malloc(((ne > nt ? ne : nt) + 2) * sizeof *start);
    uint32_t *member = malloc((n ? n : 1) * sizeof *member);
    if (!start || !member) { free(start); free(member); return EL_ENOMEM; }
    for (int level = 0; level < 2; level++) {
        size_t nn = level ? nt : ne;
        /* start[s] .. start[s + 1]: the members of story s (ids 1 .. nn). */
        memset(start, 0, (nn + 2) * sizeof *start);
        for (size_t i = 0; i < n; i++) {
            uint32_t id = level ? el_link_thread(r->L, i) : el_link_episode(r->L, i);
            if (id >= 1 && id <= nn) start[id + 1]++;
        }
        for (size_t s = 1; s <= nn; s++) start[s + 1] += start[s];
        for (size_t i = 0; i < n; i++) {
            uint32_t id = level ? el_link_thread(r->L, i) : el_link_episode(r->L, i);
            if (id >= 1 && id <= nn) member[start[id]++] = (uint32_t)i;
        }
        /* The fill moved each start[s] to the end of story s, the start of s + 1. */
        for (uint32_t s = 1, from = 0; s <= nn; s++) {
            uint32_t to = start[s];
            b->len = 0;
            el_date lo = EL_DATE_UNKNOWN, hi = EL_DATE_UNKNOWN;
            const art_info *head = NULL;
            uint32_t parent = 0;
            int f1 = 1;
            el_buf_putc(b, '{');
            el_buf_puts(b, level ? "\"id\":\"T" : "\"id\":\"E");
            el_buf_int(b, s);
            el_buf_puts(b, level ? "\",\"level\":\"thread\"" : "\",\"level\":\"episode\"");
            f1 = 0;
            el_json_key_plain(b, "articles", &f1);
            el_buf_putc(b, '[');
            for (uint32_t k = from; k < to; k++) {
                size_t i = member[k];
                const art_info *ai = &r->arts.v[i];
                if (k > from) el_buf_putc(b, ',');
                el_json_strz(b, ai->id);
                if (!level) parent = el_link_thread(r->L, i);
                if (ai->date != EL_DATE_UNKNOWN) {
                    if (lo == EL_DATE_UNKNOWN || ai->date < lo) lo = ai->date;
                    if (hi == EL_DATE_UNKNOWN || ai->date > hi) hi = ai->date;
                }
                /* The title: the earliest titled article's. */
                if (!head || (ai->title && !head->title) ||
                    (ai->date != EL_DATE_UNKNOWN && (head->date == EL_DATE_UNKNOWN || ai->date < head->date) &&
                     (ai->title || !head->title)))
                    head = ai;
            }
            from = to;
            el_buf_putc(b, ']');
            el_json_key_plain(b, "title", &f1); el_json_strz(b, head ? head->title : NULL);
            el_json_key_plain(b, "first_date", &f1); el_json_date(b, lo);
            el_json_key_plain(b, "last_date", &f1); el_json_date(b, hi);
            el_json_key_plain(b, "parent", &f1);
            if (level || !parent) el_buf_puts(b, "null");
            else { el_buf_puts(b, "\"T"); el_buf_int(b, parent); el_buf_putc(b, '"'); }
            el_buf_puts(b, "}\n");
            fwrite(b->p, 1, b->len, f);
        }
    }
    free(start);
    free(member);
    return EL_OK;
}

static void write_quotes_and_comparisons(run *r, FILE *fq, FILE *fc) {
    el_buf *b = &r->b;
    size_t n = el_cmp_statements(r->cmp);
    for (size_t i = 0; i < n; i++) {
        const char *article, *text;
        long st;
        const el_quote *q = el_cmp_quote(r->cmp, i, &article, &text, &st);
        b->len = 0;
        el_write_quote(b, article, q, text, text ? strlen(text) : 0, st);
        el_buf_putc(b, '\n');
        fwrite(b->p, 1, b->len, fq);
    }
    el_comparison *x;
    size_t nc = el_cmp_counts(r->cmp, &x);
    for (size_t i = 0; i < nc; i++) {
        b->len = 0;
        el_write_comparison(b, &x[i], i + 1);
        el_buf_putc(b, '\n');
        fwrite(b->p, 1, b->len, fc);
    }
}

static void write_entities(run *r, FILE *f) {
    el_buf *b = &r->b;
    for (size_t i = 0; i < el_actor_index_count(r->X); i++) {
        b->len = 0;
        el_write_entity(b, el_actor_index_get(r->X, i));
        el_buf_putc(b, '\n');
        fwrite(b->p, 1, b->len, f);
    }
}

/* ---- files ------------------------------------------------------------ */

static const char *const outputs[] = {
    "articles.jsonl", "counts.jsonl", "entities.jsonl", "events.jsonl", "mentions.tsv",
    "stories.jsonl", "quotes.jsonl", "comparisons.jsonl", NULL,
};

static outf open_tmp(const char *tmp, const char *name, el_diag *d) {
    char path[4200];
    snprintf(path, sizeof path, "%s/%s", tmp, name);
    outf o = {fopen(path, "w"), NULL};
    if (!o.f) el_reject(d, path, 0, "cannot write: %s", strerror(errno));
    el_file_buffer(o.f, true, &o.buf);
    return o;
}

static int mkdir_p(const char *dir) {
    char p[4096];
    snprintf(p, sizeof p, "%s", dir);
    for (char *s = p + 1; *s; s++)
        if (*s == '/') { *s = '\0'; mkdir(p, 0777); *s = '/'; }
    return mkdir(p, 0777) == 0 || errno == EEXIST ? 0 : -1;
}

/* fsync a written file before the rename makes it visible. */
static int close_synced(outf *o) {
    FILE *f = o->f;
    int rc = f && fflush(f) == 0 && fsync(fileno(f)) == 0 ? 0 : -1;
    if (f && fclose(f) != 0) rc = -1;
    free(o->buf);
    *o = (outf){NULL, NULL};
    return rc;
}

/* After the files: the database, the exports, the report. */
typedef struct post_job {
    int kind;                           /* 0 store, 1 exports, 2 report */
    const char *out, *db;
    el_diag *d;
    bool skip;
    const el_store_opts *opt;           /* the store's: see gate below */
    double seconds, cpu;                /* wall clock; this thread's CPU */
} post_job;

/* The store starts as soon as articles.jsonl is written, on a thread of its
** own: loading and indexing the articles is its heaviest part, and it then
** overlaps linking, events and comparisons. It waits at the gate for the
** other files (inside its transaction) and rolls back if the run fails. */
typedef struct gate {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int state;                          /* 0 wait, 1 the files are in place, 2 the run failed */
    bool passed;                        /* the store is done with tmp/articles.jsonl */
} gate;

static void gate_pass(gate *g) {
    pthread_mutex_lock(&g->mu);
    g->passed = true;
    pthread_cond_broadcast(&g->cv);
    pthread_mutex_unlock(&g->mu);
}

/* The run waits for this before moving articles.jsonl out of .tmp. */
static void gate_wait_passed(gate *g) {
    pthread_mutex_lock(&g->mu);
    while (!g->passed) pthread_cond_wait(&g->cv, &g->mu);
    pthread_mutex_unlock(&g->mu);
}

static int gate_wait(void *ud) {
    gate *g = ud;
    gate_pass(g);
    pthread_mutex_lock(&g->mu);
    while (g->state == 0) pthread_cond_wait(&g->cv, &g->mu);
    int failed = g->state != 1;
    pthread_mutex_unlock(&g->mu);
    return failed;
}

static void gate_open(gate *g, int state) {
    pthread_mutex_lock(&g->mu);
    g->state = state;
    pthread_cond_broadcast(&g->cv);
    pthread_mutex_unlock(&g->mu);
}

/* CPU seconds of the calling thread: the phases run side by side, and on a
** busy machine their wall clock says little about their own cost. */
static double thread_cpu(void) {
    struct timespec t;
    return clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t) == 0 ? (double)t.tv_sec + (double)t.tv_nsec * 1e-9 : 0;
}

static void *post_run(void *ud) {
    post_job *j = ud;
    double t0 = el_now(), c0 = thread_cpu();
    if (j->skip) return NULL;
    if (j->kind == 0) {
        if (el_store_write(j->out, j->db, j->opt, j->d) != EL_OK) el_reject(j->d, j->db, 0, "database not updated");
        if (j->opt && j->opt->rest_ud) gate_pass(j->opt->rest_ud);   /* also when it failed early */
    } else if (j->kind == 1) {
        if (el_export_write_all(j->out, j->d) != EL_OK) el_reject(j->d, j->out, 0, "exports not written");
    } else if (el_report_write(j->out, j->d) != EL_OK) {
        el_reject(j->d, j->out, 0, "report.html not written");
    }
    j->seconds = el_now() - t0;
    j->cpu = thread_cpu() - c0;
    return NULL;
}

int el_cmd_run(int argc, char **argv) {
    el_cli cli = {.want_inputs = false};
    const char *out = "eventline-out";
    bool no_db = false, no_report = false;
    const char *jobs_arg = NULL;
    el_flag flags[] = {
        {"--out", &out, NULL, "output folder (default ./eventline-out); its eventline.db is read and updated"},
        {"--no-db", NULL, &no_db, "do not read or write eventline.db"},
        {"--no-report", NULL, &no_report, "do not write report.html"},
        {"--jobs", &jobs_arg, NULL, "threads for the article stages (default: the cores; 1: none)"},
        {0},
    };
    int rc = el_cli_parse(&cli, argc, argv, "run", "[--out DIR] [options] INPUT...", flags);
    if (rc >= 0) { free(cli.inputs); return rc; }
    char db_path[4200], tmp[4200];
    snprintf(db_path, sizeof db_path, "%s/eventline.db", out);
    snprintf(tmp, sizeof tmp, "%s/.tmp", out);
    bool have_db = !no_db && access(db_path, F_OK) == 0;
    if (cli.n_inputs == 0 && !have_db) {
        fprintf(stderr, "eventline run: no input files or folders\nTry 'eventline run --help'.\n");
        free(cli.inputs);
        return 2;
    }
    el_diag d;
    el_diag_init(&d, NULL);
    run r = {.d = &d};
    /* The store's early start (see gate): its thread, options and gate. */
    gate store_gate = {.mu = PTHREAD_MUTEX_INITIALIZER, .cv = PTHREAD_COND_INITIALIZER};
    el_store_opts store_opt = {0};
    post_job store_job = {.kind = 0, .out = out, .db = db_path, .d = &d, .skip = no_db};
    pthread_t store_th;
    bool store_started = false;
    el_engine *e = el_engine_open(&cli.opt, &d);
    /* What fails from here on is reported where it fails: out of memory, an
    ** unreadable data folder, an output folder we cannot write. Exit 1. */
    int status = 1;
    if (!e || el_engine_load_dict(e, &d) != EL_OK || el_engine_load_verbs(e, &d) != EL_OK) goto done;
    if (mkdir_p(out) || mkdir_p(tmp)) {
        el_reject(&d, out, 0, "cannot create the output folder: %s", strerror(errno));
        goto done;
    }
    r.e = e;
    r.a = el_arena_new(NULL, 1 << 20);
    r.L = el_linker_new(NULL, e->lex);
    r.X = el_actor_index_new(true);
    r.cmp = el_cmp_new();
    if (r.a) {
        r.seen_hash = el_strmap_new(r.a, 1024);
        r.seen_id = el_strmap_new(r.a, 1024);
        r.strs = el_strmap_new(r.a, 4096);
    }
    r.f_articles = open_tmp(tmp, "articles.jsonl", &d);
    r.f_counts = open_tmp(tmp, "counts.jsonl", &d);
    if (!r.a || !r.L || !r.X || !r.cmp || !r.seen_hash || !r.seen_id || !r.strs) {
        el_reject(&d, "eventline", 0, "out of memory starting the run");
        goto done;
    }
    if (!r.f_articles.f || !r.f_counts.f) goto done;     /* reported by open_tmp */
    el_meter_start(&r.m, "run", cli.stats);
    /* New inputs first; then the stored articles they do not replace. */
    long n_jobs = jobs_arg ? strtol(jobs_arg, NULL, 10) : sysconf(_SC_NPROCESSORS_ONLN);
    if (n_jobs < 1) n_jobs = 1;
    workers_start(&r, n_jobs > 1 ? (int)n_jobs : 0);
    int rrc = el_read_inputs(e, cli.inputs, cli.n_inputs, &d, on_input, &r);
    if (rrc == EL_OK && r.rc == EL_OK && have_db) {
        el_store *st = el_store_open(db_path, false, &d);
        stored_ctx sc = {&r, el_arena_new(NULL, 256 * 1024)};
        if (st && sc.a) el_store_each_article(st, on_stored, &sc, &d);
        el_arena_free(sc.a);
        el_store_close(st);
    }
    workers_finish(&r);
    double t_stages = el_now();
    if (rrc != EL_OK || r.rc != EL_OK) goto done;
    /* articles.jsonl is complete: the store may start on it (see gate). */
    int arc = close_synced(&r.f_articles);
    if (arc) { el_reject(&d, tmp, 0, "could not write the run's files"); goto done; }
    json_object_seed(0);                /* jansson's hash seed, set before threads */
    if (!no_db) {
        store_opt.articles_dir = tmp;
        store_opt.rest_ready = gate_wait;
        store_opt.rest_ud = &store_gate;
        store_job.opt = &store_opt;
        store_started = pthread_create(&store_th, NULL, post_run, &store_job) == 0;
        if (!store_started) store_job.opt = NULL;       /* it runs later, on this thread */
    }
    if (el_link_finish(r.L) != EL_OK) goto done;
    el_cmp_group_by_thread(r.cmp, r.L);     /* counts and quotes compared within a thread */
    double t_link = el_now();
    outf fl[] = {open_tmp(tmp, "events.jsonl", &d), open_tmp(tmp, "mentions.tsv", &d),
                 open_tmp(tmp, "stories.jsonl", &d), open_tmp(tmp, "quotes.jsonl", &d),
                 open_tmp(tmp, "comparisons.jsonl", &d), open_tmp(tmp, "entities.jsonl", &d)};
    FILE *fe = fl[0].f, *ft = fl[1].f, *fs = fl[2].f, *fq = fl[3].f, *fc = fl[4].f, *fn = fl[5].f;
    int wrc = fe && ft && fs && fq && fc && fn ? write_events(&r, fe, ft) : EL_EINPUT;
    double t_events = el_now(), c_events = thread_cpu();
    if (wrc == EL_OK) {
        if ((wrc = write_stories(&r, fs)) == EL_ENOMEM) r.rc = EL_ENOMEM;
        write_quotes_and_comparisons(&r, fq, fc);
        write_entities(&r, fn);
    }
    int crc = 0;
    for (size_t i = 0; i < sizeof fl / sizeof fl[0]; i++) crc |= close_synced(&fl[i]);
    crc |= close_synced(&r.f_counts);
    if (wrc != EL_OK || crc) { el_reject(&d, tmp, 0, "could not write the run's files"); goto done; }
    /* Publish: rename each file into place, then the database, then the report.
    ** The store must be past articles.jsonl in .tmp first. */
    if (store_started) gate_wait_passed(&store_gate);
    for (int i = 0; outputs[i]; i++) {
        char from[4400], to[4400];
        snprintf(from, sizeof from, "%s/%s", tmp, outputs[i]);
        snprintf(to, sizeof to, "%s/%s", out, outputs[i]);
        if (rename(from, to)) el_reject(&d, to, 0, "cannot replace: %s", strerror(errno));
    }
    double t_files = el_now(), c_files = thread_cpu();
    /* The database (already on its way: it goes on past the gate), the
    ** exports and the report each read the files just written and write
    ** their own output: they run side by side. */
    if (store_started) gate_open(&store_gate, 1);
    post_job jobs[3] = {
        store_job,
        {.kind = 1, .out = out, .d = &d},
        {.kind = 2, .out = out, .d = &d, .skip = no_report},
    };
    pthread_t th[3];
    bool started[3] = {false, false, false};
    for (int i = 1; i < 3; i++) started[i] = pthread_create(&th[i], NULL, post_run, &jobs[i]) == 0;
    if (store_started) {
        pthread_join(store_th, NULL);
        store_started = false;
        jobs[0] = store_job;
    } else {
        post_run(&jobs[0]);
    }
    for (int i = 1; i < 3; i++) {
        if (started[i]) pthread_join(th[i], NULL);
        else post_run(&jobs[i]);
    }
    rmdir(tmp);
    if (cli.stats)
        el_note(&d, "stats: run phases seconds: stages=%.3f link=%.3f events=%.3f files=%.3f "
                "store=%.3f exports=%.3f report=%.3f (side by side) linker_bytes=%zu\n"
                "stats: run phases cpu seconds: files=%.3f store=%.3f exports=%.3f report=%.3f\n",
                t_stages - r.m.t0, t_link - t_stages, t_events - t_link, t_files - t_events,
                jobs[0].seconds, jobs[1].seconds, jobs[2].seconds, el_link_bytes(r.L),
                c_files - c_events, jobs[0].cpu, jobs[1].cpu, jobs[2].cpu);
    el_meter_done(&r.m, &d);
    if (r.m.tty || cli.stats)
        el_note(&d, "eventline run: %zu articles (%ld already there), %zu episodes, %zu threads; report: %s/report.html\n",
                r.arts.n, r.skipped, el_link_n_episodes(r.L), el_link_n_threads(r.L), out);
    status = el_exit_status(&d);
done:
    if (store_started) {                /* the run failed after the store began: it rolls back */
        gate_open(&store_gate, 2);
        pthread_join(store_th, NULL);
    }
    if (r.rc == EL_ENOMEM) { el_reject(&d, "<memory>", 0, "out of memory"); status = 1; }
    if (r.f_articles.f) fclose(r.f_articles.f);
    if (r.f_counts.f) fclose(r.f_counts.f);
    free(r.f_articles.buf);
    free(r.f_counts.buf);
    el_buf_free(&r.b);
    el_buf_free(&r.row);
    el_cmp_free(r.cmp);
    el_actor_index_free(r.X);
    el_linker_free(r.L);
    el_arena_free(r.a);
    free(r.evs.v);
    el_engine_close(e);
    el_diag_fini(&d);
    free(cli.inputs);
    return status;
}
