/*
** test_link.c: stage 6 (link.c, link_dedup.c, link_episode.c, link_event.c).
** In:  short articles written here, and event records built by hand.
** Out: cmocka cases, numbered: 1.x MinHash and LSH near-duplicates, 2.x
**      episodes and threads (dates, order independence, features, memory),
**      3.x event merging, 4.x the document-frequency table and the sparse
**      dot product.
*/
#include "testutil.h"
#include "link.h"
#include "link_int.h"
#include "annotate_actor.h"
#include <xxhash.h>

#define STORY_A "Rescue teams searched the collapsed mine near Soma on Wednesday after an " \
    "explosion trapped hundreds of miners underground. Energy minister Taner Yildiz said " \
    "the fire started at a power unit and spread carbon monoxide through the tunnels. " \
    "Families gathered outside the hospital in Soma waiting for news of the trapped miners. " \
    "The mine operator said ventilation failed shortly after the blast."
#define STORY_A2 "Rescue teams searched the collapsed mine near Soma on Wednesday after an " \
    "explosion trapped hundreds of workers underground. Energy minister Taner Yildiz said " \
    "the fire started at a power unit and spread carbon monoxide through the tunnels. " \
    "Families gathered outside the hospital in Soma waiting for news of the trapped miners. " \
    "The mine operator said ventilation failed shortly after the blast."
#define STORY_A3 "Miners' families in Soma waited through the night as rescuers pulled more " \
    "bodies from the mine. Taner Yildiz, the energy minister, said carbon monoxide from the " \
    "fire filled the tunnels. Rescue teams said hopes of finding trapped miners were fading."
#define STORY_B "The central bank raised its benchmark interest rate by half a point on " \
    "Thursday to curb inflation, which reached its highest level in a decade. Economists " \
    "had expected a smaller increase. The bank's governor said further rises were possible."

typedef struct fx { el_arena *a; el_diag d; } fx;

static int setup(void **state) {
    fx *f = calloc(1, sizeof *f);
    f->a = el_arena_new(NULL, 1 << 16);
    el_diag_init(&f->d, fopen("/dev/null", "w"));
    *state = f;
    return 0;
}

static int teardown(void **state) {
    fx *f = *state;
    fclose(f->d.out);
    el_diag_fini(&f->d);
    el_arena_free(f->a);
    free(f);
    return 0;
}

/* Add one article to L (text, id, date or NULL). */
static void add(fx *f, el_linker *L, const char *id, const char *text, const char *date) {
    el_arena_reset(f->a);
    el_doc *doc = tu_doc(f->a, text, date, &f->d);
    assert_non_null(doc);
    doc->id = id;
    assert_true(el_link_add(L, doc) >= 0);
}

static long find(const el_linker *L, const char *id) {
    for (size_t i = 0; i < el_link_count(L); i++)
        if (!strcmp(el_link_id(L, i), id)) return (long)i;
    return -1;
}

/* 1.1 MinHash: the same text is similarity 1, one word changed stays high,
** an unrelated text is low. */
static void minhash_estimates(void **state) {
    fx *f = *state;
    el_linker *L = el_linker_new(NULL, tu_engine()->lex);
    add(f, L, "a", STORY_A, NULL);
    add(f, L, "a_copy", STORY_A, NULL);
    add(f, L, "a_edit", STORY_A2, NULL);
    add(f, L, "b", STORY_B, NULL);
    assert_int_equal(el_link_finish(L), EL_OK);
    assert_true(el_link_similarity(L, 0, 1) == 1.0);
    assert_true(el_link_similarity(L, 0, 2) >= 0.6);
    assert_true(el_link_similarity(L, 0, 3) <= 0.2);
    el_linker_free(L);
}

/* 1.2 LSH banding finds the near-duplicates and only them; each article
** lists the others with their similarity, most similar first. */
static void lsh_candidates(void **state) {
    fx *f = *state;
    el_linker *L = el_linker_new(NULL, tu_engine()->lex);
    add(f, L, "a", STORY_A, NULL);
    add(f, L, "b", STORY_B, NULL);
    add(f, L, "a_edit", STORY_A2, NULL);
    add(f, L, "a3", STORY_A3, NULL);
    add(f, L, "a_copy", STORY_A, NULL);
    assert_int_equal(el_link_finish(L), EL_OK);
    el_link_dup d[8];
    size_t n = el_link_dups(L, 0, d, 8);
    assert_int_equal(n, 2);
    assert_string_equal(el_link_id(L, d[0].article), "a_copy");
    assert_true(d[0].similarity == 1.0f);
    assert_string_equal(el_link_id(L, d[1].article), "a_edit");
    assert_int_equal(el_link_dups(L, 1, d, 8), 0);       /* the bank story */
    assert_int_equal(el_link_dups(L, 3, d, 8), 0);       /* same story, other words */
    el_linker_free(L);
}

/* 2.1 Reports of one happening share an episode; another happening gets its
** own; a later round of the same story (dates apart) is a new episode in the
** same thread. */
static void episodes_and_threads(void **state) {
    fx *f = *state;
    el_linker *L = el_linker_new(NULL, tu_engine()->lex);
    add(f, L, "a", STORY_A, "2014-05-14");
    add(f, L, "a3", STORY_A3, "2014-05-15");
    add(f, L, "b", STORY_B, "2014-05-15");
    add(f, L, "a_later", STORY_A3, "2014-07-20");
    assert_int_equal(el_link_finish(L), EL_OK);
    long a = find(L, "a"), a3 = find(L, "a3"), b = find(L, "b"), al = find(L, "a_later");
    assert_int_equal(el_link_episode(L, a), el_link_episode(L, a3));
    assert_int_not_equal(el_link_episode(L, a), el_link_episode(L, b));
    assert_int_not_equal(el_link_episode(L, a), el_link_episode(L, al));
    assert_int_equal(el_link_thread(L, a), el_link_thread(L, al));
    assert_int_not_equal(el_link_thread(L, a), el_link_thread(L, b));
    assert_int_equal(el_link_episode(L, a), 1);          /* numbered by date, then id */
    assert_int_equal(el_link_n_episodes(L), 3);
    el_linker_free(L);
}

/* 2.2 The promise of link.h: the result depends on the set of articles, not
** on the order they come in (dated and undated mixed). */
static void order_independence(void **state) {
    fx *f = *state;
    const char *ids[] = {"a", "a3", "b", "a_edit", "u1", "u2"};
    const char *texts[] = {STORY_A, STORY_A3, STORY_B, STORY_A2, STORY_A3, STORY_B};
    const char *dates[] = {"2014-05-14", "2014-05-15", "2014-05-15", "2014-05-14", NULL, NULL};
    int orders[3][6] = {{0, 1, 2, 3, 4, 5}, {5, 4, 3, 2, 1, 0}, {2, 4, 0, 5, 3, 1}};
    uint32_t ep[3][6], th[3][6];
    for (int o = 0; o < 3; o++) {
        el_linker *L = el_linker_new(NULL, tu_engine()->lex);
        for (int k = 0; k < 6; k++) {
            int i = orders[o][k];
            add(f, L, ids[i], texts[i], dates[i]);
        }
        assert_int_equal(el_link_finish(L), EL_OK);
        for (int i = 0; i < 6; i++) {
            long j = find(L, ids[i]);
            ep[o][i] = el_link_episode(L, j);
            th[o][i] = el_link_thread(L, j);
        }
        el_linker_free(L);
    }
    for (int o = 1; o < 3; o++)
        for (int i = 0; i < 6; i++) {
            assert_int_equal(ep[o][i], ep[0][i]);
            assert_int_equal(th[o][i], th[0][i]);
        }
    assert_int_equal(ep[0][4], ep[0][0]);                /* undated, placed by content */
    assert_int_equal(ep[0][5], ep[0][2]);
}

/* A small newsroom: NSTORY happenings, each told by NPER articles whose
** sentences mix the happening's own words with words every story uses. */
#define NSTORY 6
#define NPER 4
static const char *const place_of[NSTORY] = {"Soma", "Kharkiv", "Lagos", "Quito", "Osaka", "Tromso"};
static const char *const actor_of[NSTORY] = {"Taner Yildiz", "Olena Bondar", "Ade Okafor",
                                             "Lucia Mendez", "Kenji Sato", "Ingrid Berg"};
static const char *const thing_of[NSTORY] = {"mine collapse", "dam breach", "market fire",
                                             "volcano eruption", "ferry capsizing", "avalanche"};
static const char *const filler[NPER] = {
    "Officials said the response was under way and more help was expected.",
    "Residents described scenes of confusion as emergency crews arrived.",
    "The government promised an inquiry into what went wrong.",
    "Aid groups appealed for donations to support the families.",
};

static void story_text(char *out, size_t cap, int s, int k) {
    snprintf(out, cap, "The %s near %s left dozens missing, %s told reporters. "
             "Rescuers in %s searched through the night after the %s. %s "
             "%s said the %s in %s was the worst in %d years.",
             thing_of[s], place_of[s], actor_of[s], place_of[s], thing_of[s], filler[k],
             actor_of[s], thing_of[s], place_of[s], 10 + s);
}

/* 2.3 On a larger set, the partition into episodes and threads is the same
** for every order of the input (dated and undated mixed), and each story is
** one episode. */
static void order_independence_many(void **state) {
    fx *f = *state;
    enum { N = NSTORY * NPER };
    char ids[N][32], text[N][600], date[N][32];
    for (int s = 0; s < NSTORY; s++)
        for (int k = 0; k < NPER; k++) {
            int i = s * NPER + k;
            snprintf(ids[i], sizeof ids[i], "s%d-%d", s, k);
            story_text(text[i], sizeof text[i], s, k);
            snprintf(date[i], sizeof date[i], "2014-0%d-1%d", 1 + s % 6, k);
        }
    uint32_t ep[3][N], th[3][N];
    for (int o = 0; o < 3; o++) {
        el_linker *L = el_linker_new(NULL, tu_engine()->lex);
        for (int k = 0; k < N; k++) {
            int i = o == 0 ? k : o == 1 ? N - 1 - k : (k * 7) % N;   /* 7 is prime to N */
            add(f, L, ids[i], text[i], i % 3 == 2 ? NULL : date[i]);
        }
        assert_int_equal(el_link_finish(L), EL_OK);
        for (int i = 0; i < N; i++) {
            long j = find(L, ids[i]);
            ep[o][i] = el_link_episode(L, j);
            th[o][i] = el_link_thread(L, j);
        }
        el_linker_free(L);
    }
    for (int o = 1; o < 3; o++)
        for (int i = 0; i < N; i++) {
            assert_int_equal(ep[o][i], ep[0][i]);
            assert_int_equal(th[o][i], th[0][i]);
        }
    for (int i = 0; i < N; i++) {
        int s = i / NPER;
        assert_int_equal(ep[0][i], ep[0][s * NPER]);                 /* one story, one episode */
        if (s) assert_int_not_equal(ep[0][i], ep[0][0]);
    }
}

/* 2.4 Dates: the same story a month later is another episode of the same
** thread; half a year later, another thread. A story told every day for
** three weeks is not one episode (episodes span ten days at most). */
static void episode_dates(void **state) {
    fx *f = *state;
    el_linker *L = el_linker_new(NULL, tu_engine()->lex);
    add(f, L, "a", STORY_A, "2014-05-14");
    add(f, L, "a3", STORY_A3, "2014-05-15");
    add(f, L, "b", STORY_B, "2014-05-15");
    add(f, L, "a_month", STORY_A3, "2014-06-14");
    add(f, L, "a_year", STORY_A3, "2014-12-01");
    char id[32], d[32];
    for (int k = 0; k < 21; k++) {
        snprintf(id, sizeof id, "b%02d", k);
        snprintf(d, sizeof d, "2014-%02d-%02d", 8 + (k + 1) / 31, 1 + (k + 1) % 31);
        add(f, L, id, STORY_B, d);
    }
    assert_int_equal(el_link_finish(L), EL_OK);
    long a = find(L, "a"), am = find(L, "a_month"), ay = find(L, "a_year");
    assert_int_equal(el_link_episode(L, a), el_link_episode(L, find(L, "a3")));
    assert_int_not_equal(el_link_episode(L, a), el_link_episode(L, am));
    assert_int_equal(el_link_thread(L, a), el_link_thread(L, am));
    assert_int_not_equal(el_link_thread(L, a), el_link_thread(L, ay));
    assert_int_not_equal(el_link_episode(L, find(L, "b00")), el_link_episode(L, find(L, "b20")));
    el_linker_free(L);
}

static bool has_feature(const el_linker *L, size_t i, uint32_t h) {
    for (uint32_t k = 0; k < L->art[i].n_feat; k++) if (L->art[i].feat[k] == h) return true;
    return false;
}

static uint32_t key_hash(const char *s, uint32_t kind) {
    uint32_t h = ((uint32_t)XXH3_64bits(s, strlen(s)) & 0x3fffffffu) | kind << 30;
    return h ? h : 1;
}

/* 2.5 Features: the actor stage's mentions give entity keys by canonical
** name ("Mr. Netanyahu" keys as "benjamin netanyahu") and places as their
** own kind; capitalised words outside mentions still give keys (the
** fallback), day names never; numbers are features; at most LK_FEAT kept,
** ascending. */
static void features(void **state) {
    fx *f = *state;
    el_linker *L = el_linker_new(NULL, tu_engine()->lex);
    el_arena_reset(f->a);
    el_doc *doc = tu_doc(f->a, "Mr. Netanyahu met Tara Reid in Cairo on Tuesday. "
                               "They discussed 23 prisoners.", NULL, &f->d);
    assert_non_null(doc);
    doc->id = "m";
    el_mention *m = el_arena_calloc(f->a, 2 * sizeof *m);
    /* tokens: Mr. Netanyahu met Tara Reid in Cairo on Tuesday . */
    m[0] = (el_mention){.tok = 0, .n_tok = 2, .ent = 0, .entity = -1, .entry = 7,
                        .name = "Benjamin Netanyahu", .type = EL_ENT_PERSON};
    m[1] = (el_mention){.tok = 6, .n_tok = 1, .ent = 1, .entity = -1, .entry = 9,
                        .name = "Cairo", .type = EL_ENT_PLACE};
    assert_true(doc->toks[6].lemma_len == 5 && !memcmp(doc->toks[6].lemma, "cairo", 5));
    doc->ments = m;
    doc->n_ments = 2;
    assert_int_equal(el_link_add(L, doc), 0);
    assert_true(has_feature(L, 0, key_hash("benjamin netanyahu", LK_ENT)));
    assert_true(has_feature(L, 0, key_hash("cairo", LK_PLACE)));
    assert_false(has_feature(L, 0, key_hash("cairo", LK_ENT)));        /* covered by the mention */
    assert_true(has_feature(L, 0, key_hash("tara reid", LK_ENT)));      /* the fallback */
    assert_true(has_feature(L, 0, key_hash("reid", LK_ENT)));
    assert_false(has_feature(L, 0, key_hash("tuesday", LK_ENT)));
    assert_true(has_feature(L, 0, key_hash("23", LK_NUM)));
    assert_true(has_feature(L, 0, key_hash("prisoner", LK_TERM)));
    assert_true(L->art[0].n_feat <= LK_FEAT);
    for (uint32_t k = 1; k < L->art[0].n_feat; k++) assert_true(L->art[0].feat[k - 1] < L->art[0].feat[k]);
    el_linker_free(L);
}

/* 2.5b The counting table el_link_add shares between articles is empty
** again after each: an article gets the same features after a long one as
** in a fresh linker, and a single capitalised word keys as its own name
** ("Reid" alone mid-sentence, as XXH3 of its lemma). */
static void features_table_reused(void **state) {
    fx *f = *state;
    el_linker *A = el_linker_new(NULL, tu_engine()->lex), *B = el_linker_new(NULL, tu_engine()->lex);
    char big[8000];
    size_t n = 0;
    for (int k = 0; k < 12; k++) n += (size_t)snprintf(big + n, sizeof big - n, "%s %s ", STORY_A, STORY_B);
    add(f, B, "big", big, NULL);
    for (size_t i = 0; i < B->slot_cap; i++) assert_int_equal(B->slot[i], 0);
    add(f, A, "x", STORY_A3 " They thanked Reid.", NULL);
    add(f, B, "x", STORY_A3 " They thanked Reid.", NULL);
    for (size_t i = 0; i < B->slot_cap; i++) assert_int_equal(B->slot[i], 0);
    assert_int_equal(A->art[0].n_feat, B->art[1].n_feat);
    assert_memory_equal(A->art[0].feat, B->art[1].feat, A->art[0].n_feat * sizeof *A->art[0].feat);
    assert_true(has_feature(A, 0, key_hash("reid", LK_ENT)));
    assert_true(has_feature(A, 0, key_hash("taner yildiz", LK_ENT)));
    el_linker_free(A);
    el_linker_free(B);
}

/* 2.6 Memory: what an article leaves in the linker is bounded whatever its
** length (id, features, signature), and the working memory of finish is
** reported. */
static void memory_bounded(void **state) {
    fx *f = *state;
    el_linker *L = el_linker_new(NULL, tu_engine()->lex);
    enum { N = 400 };
    char id[32], text[8000];
    for (int i = 0; i < N; i++) {
        size_t n = 0;
        for (int k = 0; k < 20; k++) {                         /* long, varied articles */
            char part[600];
            story_text(part, sizeof part, (i + k) % NSTORY, k % NPER);
            n += (size_t)snprintf(text + n, sizeof text - n, "%s ", part);
        }
        snprintf(id, sizeof id, "m%04d", i);
        add(f, L, id, text, NULL);
    }
    size_t per = el_arena_used(L->a) / N + sizeof(lk_art);     /* id, features; the record */
    assert_true(per <= 448);
    assert_true(el_link_bytes(L) >= per * N);
    assert_int_equal(el_link_finish(L), EL_OK);
    assert_true(el_link_peak_bytes(L) > 0);
    el_linker_free(L);
}

/* 4.1 Document frequencies: counts per bucket of hashes, the same in any
** order; past LK_DF_DENSE distinct buckets the table turns into a plain
** array of 2^LK_DF_BITS counts and keeps every count. */
static void df_table(void **state) {
    (void)state;
    lk_df a = {0}, b = {0};
    for (uint32_t i = 1; i <= 1000; i++)
        for (uint32_t k = 0; k < i % 5 + 1; k++) assert_int_equal(lk_df_add(&a, i * 2654435761u), 0);
    for (uint32_t i = 1000; i >= 1; i--)
        for (uint32_t k = 0; k < i % 5 + 1; k++) assert_int_equal(lk_df_add(&b, i * 2654435761u), 0);
    for (uint32_t i = 1; i <= 1000; i++) {
        assert_true(lk_df_get(&a, i * 2654435761u) >= i % 5 + 1);    /* a bucket may be shared */
        assert_int_equal(lk_df_get(&a, i * 2654435761u), lk_df_get(&b, i * 2654435761u));
    }
    uint32_t before = lk_df_get(&a, 7 * 2654435761u);
    for (uint32_t i = 0; i < 3 * LK_DF_DENSE; i++) assert_int_equal(lk_df_add(&a, 0x9e3779b9u * (i + 5000)), 0);
    assert_non_null(a.dense);
    assert_true(lk_df_bytes(&a) == ((size_t)1 << LK_DF_BITS) * sizeof(uint32_t));
    assert_true(lk_df_get(&a, 7 * 2654435761u) >= before);
    lk_df_free(&a);
    lk_df_free(&b);
}

/* 4.2 Sparse dot product: the block-wise lk_dot gives the very double the
** plain merge gives (shared hashes in ascending order), for every length
** and overlap, shared hashes at every lane of a block included. */
static double dot_ref(const uint32_t *ah, const float *aw, uint32_t an,
                      const uint32_t *bh, const float *bw, uint32_t bn) {
    double s = 0;
    for (uint32_t i = 0, j = 0; i < an && j < bn;) {
        if (ah[i] < bh[j]) i++;
        else if (bh[j] < ah[i]) j++;
        else { s += (double)aw[i] * bw[j]; i++; j++; }
    }
    return s;
}

static void sparse_dot(void **state) {
    (void)state;
    enum { MAXN = 140 };
    uint32_t ah[MAXN], bh[MAXN];
    float aw[MAXN], bw[MAXN];
    uint64_t x = 88172645463325252ULL;
    for (int round = 0; round < 4000; round++) {
        uint32_t an = 0, bn = 0, h = 0;
        uint32_t want_a = (uint32_t)(round % 67), want_b = (uint32_t)((round * 7) % 131);
        uint32_t share = (uint32_t)(round % 5);          /* 0: none shared .. 4: most shared */
        while (an < want_a || bn < want_b) {
            x ^= x << 13; x ^= x >> 7; x ^= x << 17;
            h += 1 + (uint32_t)(x % 1000);
            uint32_t r = (uint32_t)(x >> 40) % 8;
            bool in_a = an < want_a && (r < 4 || r < share + 4);
            bool in_b = bn < want_b && (r >= 4 || r < share);
            if (!in_a && !in_b) { if (an < want_a) in_a = true; else in_b = true; }
            float w = (float)((x >> 20) % 100000) / 7919.0f;
            if (in_a) { ah[an] = h; aw[an++] = w; }
            if (in_b) { bh[bn] = h; bw[bn++] = w * 1.5f + 0.25f; }
        }
        double want = dot_ref(ah, aw, an, bh, bw, bn);
        assert_true(lk_dot(ah, aw, an, bh, bw, bn) == want);
        assert_true(lk_dot(bh, bw, bn, ah, aw, an) == dot_ref(bh, bw, bn, ah, aw, an));
    }
    uint32_t same[8] = {1, 2, 3, 4, 5, 6, 7, 8};       /* all shared: every lane matches */
    float one[8] = {1, 2, 3, 4, 5, 6, 7, 8};
    assert_true(lk_dot(same, one, 8, same, one, 8) == 204.0);
    assert_true(lk_dot(same, one, 0, same, one, 8) == 0.0);
}

/* ---- 3.x events ---- */

static el_event_rec rec(uint32_t art, const char *outlet, const char *cat, const char *src,
                        const char *tgt, const char *date, const char *place) {
    el_event_rec r = {.article = art, .outlet = outlet, .category = cat, .episode = 1,
                      .date_lo = EL_DATE_UNKNOWN, .date_hi = EL_DATE_UNKNOWN, .place = place};
    if (src) { r.source[0] = src; r.n_source = 1; }
    if (tgt) { r.target[0] = tgt; r.n_target = 1; }
    if (date) r.date_lo = r.date_hi = el_date_parse(date, strlen(date));
    return r;
}

/* 3.1 One meeting told by three outlets: codes at two levels of detail,
** dates a day apart, a place given by one only, actors swapped for a
** symmetric category: one event, 3 articles, 2 outlets; the date
** disagreement stays visible. */
static void events_merge(void **state) {
    (void)state;
    el_evlink *v = el_evlink_new();
    el_event_rec r[] = {
        rec(0, "EFE", "CONSULT", "USA", "EGY", "2024-02-13", "cairo"),
        rec(1, "Times of Israel", "CONSULT", "USAGOV", "EGYGOV", "2024-02-13", NULL),
        rec(2, "EFE", "CONSULT", "EGY", "USA", "2024-02-14", "cairo"),
        rec(2, "EFE", "CONSULT", "USA", "EGY", "2024-02-13", NULL),
    };
    for (int i = 0; i < 4; i++) assert_int_equal(el_evlink_add(v, &r[i]), i);
    assert_int_equal(el_evlink_finish(v), EL_OK);
    assert_int_equal(el_evlink_n_events(v), 1);
    uint32_t m, a, s;
    el_evlink_counts(v, 0, &m, &a, &s);
    assert_int_equal(m, 4);
    assert_int_equal(a, 3);
    assert_int_equal(s, 2);
    assert_true(el_evlink_contradicts(v, 0));
    el_evlink_free(v);
}

/* 3.2 What keeps events apart: another category, other actors, dates more
** than a day apart, another place, another modality, another episode, and
** swapped roles for a directed category. */
static void events_split(void **state) {
    (void)state;
    el_evlink *v = el_evlink_new();
    el_event_rec r[] = {
        rec(0, "a", "REJECT", "ISR", "HMS", "2024-02-14", NULL),   /* 0 */
        rec(1, "b", "REJECT", "ISR", "HMS", "2024-02-13", NULL),   /* 0: same */
        rec(1, "b", "REJECT", "HMS", "ISR", "2024-02-13", NULL),   /* roles swapped */
        rec(2, "c", "REJECT", "ISR", "HMS", "2024-02-20", NULL),   /* a week later */
        rec(2, "c", "REQUEST", "ISR", "HMS", "2024-02-14", NULL),  /* other category */
        rec(3, "d", "REJECT", "QAT", "HMS", "2024-02-14", NULL),   /* other source */
        rec(3, "d", "REJECT", "ISR", "HMS", "2024-02-14", "doha"),  /* place: joins (0 had none) */
        rec(4, "e", "REJECT", "ISR", "HMS", "2024-02-14", "cairo"), /* another place */
    };
    r[7].modality = 0;
    el_event_rec planned = rec(4, "e", "REJECT", "ISR", "HMS", "2024-02-14", NULL);
    planned.modality = 2;
    el_event_rec other_ep = rec(5, "f", "REJECT", "ISR", "HMS", "2024-02-14", NULL);
    other_ep.episode = 2;
    for (int i = 0; i < 8; i++) el_evlink_add(v, &r[i]);
    el_evlink_add(v, &planned);
    el_evlink_add(v, &other_ep);
    assert_int_equal(el_evlink_finish(v), EL_OK);
    uint32_t e0 = el_evlink_event_of(v, 0);
    assert_int_equal(el_evlink_event_of(v, 1), e0);
    assert_int_equal(el_evlink_event_of(v, 6), e0);
    for (int i = 2; i <= 5; i++) assert_int_not_equal(el_evlink_event_of(v, i), e0);
    assert_int_not_equal(el_evlink_event_of(v, 7), e0);
    assert_int_not_equal(el_evlink_event_of(v, 8), e0);
    assert_int_not_equal(el_evlink_event_of(v, 9), e0);
    assert_int_equal(el_evlink_event_of(v, 0), 0);       /* numbered by first record */
    el_evlink_free(v);
}

/* 3.3 Uncoded records (ECB+ harness) key on the head lemma; a reporting
** verb needs shared context to join. */
static void events_lemma(void **state) {
    (void)state;
    el_evlink *v = el_evlink_new();
    el_evlink_set_context_min(v, 0.34);
    el_event_rec a = rec(0, NULL, NULL, NULL, NULL, NULL, NULL), b = a, c = a, d = a;
    a.lemma = b.lemma = "arrest";
    b.article = 1;
    c.lemma = d.lemma = "say";
    c.context[0] = 11; c.context[1] = 12;
    d.context[0] = 13; d.context[1] = 14;
    d.article = 1;
    el_evlink_add(v, &a); el_evlink_add(v, &b); el_evlink_add(v, &c); el_evlink_add(v, &d);
    assert_int_equal(el_evlink_finish(v), EL_OK);
    assert_int_equal(el_evlink_event_of(v, 0), el_evlink_event_of(v, 1));
    assert_int_not_equal(el_evlink_event_of(v, 2), el_evlink_event_of(v, 3));
    assert_int_equal(el_evlink_n_events(v), 3);
    el_evlink_free(v);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(minhash_estimates, setup, teardown),
        cmocka_unit_test_setup_teardown(lsh_candidates, setup, teardown),
        cmocka_unit_test_setup_teardown(episodes_and_threads, setup, teardown),
        cmocka_unit_test_setup_teardown(order_independence, setup, teardown),
        cmocka_unit_test_setup_teardown(order_independence_many, setup, teardown),
        cmocka_unit_test_setup_teardown(episode_dates, setup, teardown),
        cmocka_unit_test_setup_teardown(features, setup, teardown),
        cmocka_unit_test_setup_teardown(features_table_reused, setup, teardown),
        cmocka_unit_test_setup_teardown(memory_bounded, setup, teardown),
        cmocka_unit_test_setup_teardown(events_merge, setup, teardown),
        cmocka_unit_test_setup_teardown(events_split, setup, teardown),
        cmocka_unit_test_setup_teardown(events_lemma, setup, teardown),
        cmocka_unit_test_setup_teardown(df_table, setup, teardown),
        cmocka_unit_test_setup_teardown(sparse_dot, setup, teardown),
    };
    return cmocka_run_group_tests_name("link", tests, NULL, NULL);
}
