/*
** test_store.c: the SQLite store (store.c) and what reads it (export.c).
** Schema creation, loading the fixture run folder (tests/fixtures/run),
** idempotent rewrites, one-transaction safety (a stopped write and a
** SIGKILLed one both leave the old content), migration from version 1,
** search filters, the article reader, bad lines, and exports from the
** database equal to exports from the folder. Each test works in its own
** temporary folder.
*/
#include "testutil.h"
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "buf.h"
#include "export.h"
#include "store.h"

static const char *fixture(void) {
    const char *d = getenv("EL_FIXTURE_RUN");
    return d ? d : "tests/fixtures/run";
}

typedef struct tctx { char dir[64]; char db[128]; el_diag d; FILE *null; } tctx;

static int setup(void **state) {
    tctx *t = calloc(1, sizeof *t);
    snprintf(t->dir, sizeof t->dir, "/tmp/el_store_XXXXXX");
    if (!mkdtemp(t->dir)) return -1;
    snprintf(t->db, sizeof t->db, "%s/eventline.db", t->dir);
    t->null = fopen("/dev/null", "w");
    el_diag_init(&t->d, t->null);
    *state = t;
    return 0;
}

static int teardown(void **state) {
    tctx *t = *state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", t->dir);
    if (system(cmd)) {}
    el_diag_fini(&t->d);
    fclose(t->null);
    free(t);
    return 0;
}

/* A copy of the fixture in dir/name, for tests that change files. */
static const char *copy_fixture(tctx *t, const char *name) {
    static char path[256];
    char cmd[1024];
    snprintf(path, sizeof path, "%s/%s", t->dir, name);
    snprintf(cmd, sizeof cmd, "mkdir -p '%s' && cp '%s'/*.jsonl '%s'/", path, fixture(), path);
    assert_int_equal(system(cmd), 0);
    return path;
}

static void write_file(const char *dir, const char *name, const char *text) {
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* Every table's rows as text, in key order: two dumps are equal exactly
** when the contents are. The FTS index is probed too. */
static int dump_row(void *ud, int n, char **v, char **names) {
    (void)names;
    el_buf *b = ud;
    for (int i = 0; i < n; i++) {
        el_buf_puts(b, v[i] ? v[i] : "NULL");
        el_buf_putc(b, i + 1 < n ? '|' : '\n');
    }
    return 0;
}

static char *dump(const char *db_path) {
    static const char *const q[] = {
        "SELECT * FROM articles ORDER BY seq", "SELECT * FROM sentences ORDER BY article, idx",
        "SELECT * FROM entities ORDER BY seq", "SELECT * FROM entity_mentions ORDER BY seq",
        "SELECT * FROM events ORDER BY seq", "SELECT * FROM event_actors ORDER BY event, role, idx",
        "SELECT * FROM event_mentions ORDER BY event, idx", "SELECT * FROM stories ORDER BY seq",
        "SELECT * FROM story_articles ORDER BY story, article", "SELECT * FROM counts ORDER BY seq",
        "SELECT * FROM quotes ORDER BY seq",
        "SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'talks OR shelling' ORDER BY rowid",
    };
    sqlite3 *db;
    assert_int_equal(sqlite3_open_v2(db_path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    el_buf b = {0};
    for (size_t i = 0; i < sizeof q / sizeof *q; i++) {
        el_buf_printf(&b, "-- %s\n", q[i]);
        assert_int_equal(sqlite3_exec(db, q[i], dump_row, &b, NULL), SQLITE_OK);
    }
    sqlite3_close(db);
    el_buf_putc(&b, '\0');
    return b.p;
}

static long scalar(const char *db_path, const char *sql) {
    sqlite3 *db;
    sqlite3_stmt *st;
    long v = -1;
    assert_int_equal(sqlite3_open_v2(db_path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
    if (sqlite3_step(st) == SQLITE_ROW) v = (long)sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return v;
}

/* The FTS index agrees with the articles it indexes (the store keeps it in
** step itself since schema 3: changed, pruned and repeated articles). */
static void assert_fts_ok(const char *db_path) {
    sqlite3 *db;
    assert_int_equal(sqlite3_open(db_path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, "INSERT INTO articles_fts(articles_fts, rank) VALUES('integrity-check', 1)",
                                  NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
}

/* 1. A new database has the current schema, in WAL mode. */
static void store_creates_schema(void **state) {
    tctx *t = *state;
    el_store *s = el_store_open(t->db, true, &t->d);
    assert_non_null(s);
    assert_int_equal(el_store_version(s), EL_STORE_VERSION);
    el_store_close(s);
    assert_int_equal(scalar(t->db, "SELECT count(*) FROM sqlite_master WHERE name IN ('articles',"
                                    "'sentences','entities','entity_mentions','events','event_actors',"
                                    "'event_mentions','stories','story_articles','counts','quotes',"
                                    "'articles_fts','meta','sentence_text')"), 14);
    sqlite3 *db;
    sqlite3_open(t->db, &db);
    sqlite3_stmt *st;
    sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, NULL);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(st, 0), "wal");
    sqlite3_finalize(st);
    sqlite3_close(db);
}

/* 2. The fixture loads whole: every table has the files' rows. */
static void store_loads_fixture(void **state) {
    tctx *t = *state;
    assert_int_equal(el_store_write(fixture(), t->db, NULL, &t->d), EL_OK);
    assert_int_equal(t->d.n_rejected, 0);
    assert_int_equal(scalar(t->db, "SELECT count(*) FROM articles"), 4);
    assert_int_equal(scalar(t->db, "SELECT count(*) FROM sentences"), 16);
    assert_int_equal(scalar(t->db, "SELECT count(*) FROM entities"), 8);
    assert_int_equal(scalar(t->db, "SELECT count(*) FROM events"), 7);
    assert_int_equal(scalar(t->db, "SELECT count(*) FROM event_mentions"), 10);
    assert_int_equal(scalar(t->db, "SELECT count(*) FROM stories WHERE level = 'episode'"), 3);
    assert_int_equal(scalar(t->db, "SELECT count(*) FROM story_articles WHERE story = 'T1'"), 4);
    assert_int_equal(scalar(t->db, "SELECT count(*) FROM counts"), 5);
    assert_int_equal(scalar(t->db, "SELECT count(*) FROM quotes"), 3);
    /* Entity ids written as numbers join actors written as numbers. */
    assert_int_equal(scalar(t->db, "SELECT count(*) FROM event_actors a JOIN entities e ON e.id = a.entity"), 7);
    assert_int_equal(scalar(t->db, "SELECT num_articles FROM events WHERE id = '3'"), 3);
    /* Byte offsets: the sentence view cuts bytes, not characters. */
    assert_int_equal(scalar(t->db, "SELECT count(*) FROM sentence_text WHERE article = '101' AND idx = 0"
                                   " AND text LIKE 'Delegations%States.'"), 1);
    assert_int_equal(scalar(t->db, "SELECT length(content_hash) FROM articles WHERE id = '104'"), 16);
}

/* 3. Writing the same files again changes nothing. */
static void store_rewrite_is_idempotent(void **state) {
    tctx *t = *state;
    assert_int_equal(el_store_write(fixture(), t->db, NULL, &t->d), EL_OK);
    char *a = dump(t->db);
    assert_int_equal(el_store_write(fixture(), t->db, NULL, &t->d), EL_OK);
    assert_int_equal(el_store_write(fixture(), t->db, NULL, &t->d), EL_OK);
    char *b = dump(t->db);
    assert_string_equal(a, b);
    free(a);
    free(b);
}

/* A changed run: article 104 gets a new body, event 7 goes. */
static const char *changed_run(tctx *t) {
    const char *dir = copy_fixture(t, "changed");
    char cmd[1024];
    snprintf(cmd, sizeof cmd,
             "cd '%s' && sed -i 's/Negotiators from both sides/Envoys of both sides/' articles.jsonl"
             " && grep -v '\"id\": \"7\"' events.jsonl > e && mv e events.jsonl", dir);
    assert_int_equal(system(cmd), 0);
    return dir;
}

static int stop_at_events(void *ud, const char *table, long rows) {
    (void)ud; (void)rows;
    return strcmp(table, "events") == 0;
}

/* 4. A write that fails halfway (here: told to stop in the events table,
** after articles and entities were written) leaves the old content. */
static void store_failed_write_keeps_old(void **state) {
    tctx *t = *state;
    assert_int_equal(el_store_write(fixture(), t->db, NULL, &t->d), EL_OK);
    char *before = dump(t->db);
    const char *changed = changed_run(t);
    el_store_opts stop = {.progress = stop_at_events};
    assert_int_equal(el_store_write(changed, t->db, &stop, &t->d), EL_EINPUT);
    char *after = dump(t->db);
    assert_string_equal(before, after);
    /* And the same write, not stopped, lands. */
    assert_int_equal(el_store_write(changed, t->db, NULL, &t->d), EL_OK);
    assert_int_equal(scalar(t->db, "SELECT count(*) FROM events"), 6);
    assert_int_equal(scalar(t->db, "SELECT count(*) FROM articles WHERE body LIKE 'Envoys%'"), 1);
    assert_int_equal(scalar(t->db, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'envoys'"), 1);
    assert_int_equal(scalar(t->db, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'negotiators'"), 1);   /* 102's only */
    free(before);
    free(after);
}

static int kill_in(void *ud, const char *table, long rows) {
    (void)rows;
    if (strcmp(table, (const char *)ud) == 0) raise(SIGKILL);
    return 0;
}

/* 5. A writer killed with SIGKILL at several points leaves the previous
** database, readable, and the next write completes it. */
static void store_killed_write_keeps_old(void **state) {
    tctx *t = *state;
    assert_int_equal(el_store_write(fixture(), t->db, NULL, &t->d), EL_OK);
    char *before = dump(t->db);
    const char *changed = changed_run(t);
    static const char *const at[] = {"articles", "entities", "events", "stories", "quotes"};
    for (size_t i = 0; i < sizeof at / sizeof *at; i++) {
        fflush(NULL);
        pid_t pid = fork();
        assert_true(pid >= 0);
        if (pid == 0) {
            el_diag d;
            el_diag_init(&d, t->null);
            el_store_opts o = {.progress = kill_in, .ud = (void *)at[i]};
            el_store_write(changed, t->db, &o, &d);
            _exit(3);                                   /* not reached: killed */
        }
        int status;
        assert_int_equal(waitpid(pid, &status, 0), pid);
        assert_true(WIFSIGNALED(status));
        assert_int_equal(WTERMSIG(status), SIGKILL);
        char *after = dump(t->db);
        assert_string_equal(before, after);
        free(after);
    }
    assert_int_equal(el_store_write(changed, t->db, NULL, &t->d), EL_OK);
    assert_int_equal(scalar(t->db, "SELECT count(*) FROM events"), 6);
    free(before);
}

/* The version 1 schema as eventline wrote it then, frozen here: an old
** database in the field looks like this. */
static const char v1_schema[] =
    "CREATE TABLE articles(seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, file TEXT,"
    " title TEXT, dek TEXT, date TEXT, date_source TEXT, date_evidence TEXT, outlet TEXT,"
    " url TEXT, language TEXT, translated INTEGER, body TEXT NOT NULL,"
    " paragraphs TEXT NOT NULL DEFAULT '[]', removed TEXT NOT NULL DEFAULT '[]',"
    " content_hash TEXT NOT NULL, row_hash TEXT NOT NULL, json TEXT NOT NULL);"
    "CREATE TABLE sentences(article TEXT NOT NULL, idx INTEGER NOT NULL, start INTEGER NOT NULL,"
    " end INTEGER NOT NULL, PRIMARY KEY(article, idx)) WITHOUT ROWID;"
    "CREATE TABLE entities(seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT, type TEXT,"
    " code TEXT, country TEXT, lat REAL, lon REAL);"
    "CREATE TABLE entity_mentions(seq INTEGER PRIMARY KEY, entity TEXT NOT NULL,"
    " article TEXT NOT NULL, start INTEGER, end INTEGER, text TEXT, code TEXT);"
    "CREATE INDEX entity_mentions_entity ON entity_mentions(entity);"
    "CREATE TABLE events(seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, date TEXT,"
    " date_granularity TEXT, event TEXT, cameo TEXT, quad_class INTEGER, goldstein REAL,"
    " modality TEXT, location_name TEXT, location_country TEXT, lat REAL, lon REAL,"
    " episode TEXT, thread TEXT, num_mentions INTEGER, num_articles INTEGER,"
    " num_sources INTEGER, json TEXT NOT NULL);"
    "CREATE TABLE event_actors(event TEXT NOT NULL, role TEXT NOT NULL, idx INTEGER NOT NULL,"
    " name TEXT, code TEXT, entity TEXT, PRIMARY KEY(event, role, idx)) WITHOUT ROWID;"
    "CREATE TABLE event_mentions(event TEXT NOT NULL, idx INTEGER NOT NULL, article TEXT,"
    " sentence INTEGER, start INTEGER, end INTEGER, text TEXT,"
    " PRIMARY KEY(event, idx)) WITHOUT ROWID;"
    "CREATE INDEX event_mentions_article ON event_mentions(article);"
    "CREATE TABLE stories(seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, level TEXT,"
    " title TEXT, first_date TEXT, last_date TEXT, parent TEXT);"
    "CREATE TABLE story_articles(story TEXT NOT NULL, article TEXT NOT NULL,"
    " PRIMARY KEY(story, article)) WITHOUT ROWID;"
    "CREATE TABLE counts(seq INTEGER PRIMARY KEY, article TEXT, sentence INTEGER, start INTEGER,"
    " end INTEGER, text TEXT, kind TEXT, value REAL, min REAL, max REAL, qualifier TEXT,"
    " subject TEXT, attribution TEXT, date TEXT);"
    "CREATE TABLE quotes(seq INTEGER PRIMARY KEY, article TEXT, start INTEGER, end INTEGER,"
    " text TEXT, speaker TEXT, speaker_entity TEXT, type TEXT, statement INTEGER);"
    "INSERT INTO articles(id, file, title, body, content_hash, row_hash, json) VALUES('old1',"
    " 'old1.txt', 'An archived report', 'Mediators met in Doha to discuss a ceasefire.',"
    " '0000000000000001', '0000000000000001', '{}');"
    "PRAGMA user_version = 1;";

/* 6. A version 1 database is upgraded on open: its rows stay, search finds
** them, and a run then writes into it. Also via a read-only open. */
static void store_migrates_v1(void **state) {
    tctx *t = *state;
    for (int readonly = 0; readonly < 2; readonly++) {
        unlink(t->db);
        sqlite3 *db;
        assert_int_equal(sqlite3_open(t->db, &db), SQLITE_OK);
        assert_int_equal(sqlite3_exec(db, v1_schema, NULL, NULL, NULL), SQLITE_OK);
        sqlite3_close(db);
        el_store *s = el_store_open(t->db, !readonly, &t->d);
        assert_non_null(s);
        assert_int_equal(el_store_version(s), EL_STORE_VERSION);
        el_search_q q = {.query = "doha ceasefire"};
        assert_int_equal(el_store_search(s, &q, NULL, NULL, &t->d), 1);
        el_store_close(s);
    }
    assert_int_equal(el_store_write(fixture(), t->db, NULL, &t->d), EL_OK);
    assert_int_equal(scalar(t->db, "SELECT count(*) FROM articles"), 5);     /* nothing lost */
    assert_int_equal(scalar(t->db, "SELECT count(*) FROM counts WHERE place IS NULL"), 5);
    assert_int_equal(t->d.n_rejected, 0);
    /* A database newer than this build is refused, not damaged. */
    sqlite3 *db;
    sqlite3_open(t->db, &db);
    sqlite3_exec(db, "PRAGMA user_version = 99", NULL, NULL, NULL);
    sqlite3_close(db);
    assert_null(el_store_open(t->db, true, &t->d));
    assert_int_equal(scalar(t->db, "SELECT count(*) FROM articles"), 5);
}

typedef struct hits { char ids[16][16]; int n; } hits;

static int on_hit(const el_search_hit *h, void *ud) {
    hits *x = ud;
    if (x->n < 16) snprintf(x->ids[x->n++], 16, "%s", h->id);
    return 0;
}

static hits search(el_store *s, el_search_q q, el_diag *d) {
    hits x = {0};
    long n = el_store_search(s, &q, on_hit, &x, d);
    assert_int_equal(n, x.n);
    return x;
}

/* 7. Search: ranking, filters by date, outlet and actor, and queries that
** are not FTS5 syntax. */
static void store_search_filters(void **state) {
    tctx *t = *state;
    assert_int_equal(el_store_write(fixture(), t->db, NULL, &t->d), EL_OK);
    el_store *s = el_store_open(t->db, false, &t->d);
    assert_non_null(s);
    hits h = search(s, (el_search_q){.query = "talks"}, &t->d);
    assert_int_equal(h.n, 4);
    h = search(s, (el_search_q){.query = "rejects"}, &t->d);           /* in 103's title */
    assert_int_equal(h.n, 1);
    assert_string_equal(h.ids[0], "103");
    h = search(s, (el_search_q){.query = "talks", .outlet = "harbor wire"}, &t->d);
    assert_int_equal(h.n, 2);
    assert_true(strcmp(h.ids[0], "101") == 0 || strcmp(h.ids[1], "101") == 0);
    h = search(s, (el_search_q){.query = "talks", .from = "2024-05-07"}, &t->d);
    assert_int_equal(h.n, 2);                                          /* 102, 103; 104 undated */
    h = search(s, (el_search_q){.query = "talks", .to = "2024-05-06"}, &t->d);
    assert_int_equal(h.n, 1);
    assert_string_equal(h.ids[0], "101");
    h = search(s, (el_search_q){.query = "talks", .from = "2024-05", .to = "2024-05"}, &t->d);
    assert_int_equal(h.n, 3);                                          /* month prefixes */
    h = search(s, (el_search_q){.query = "talks", .actor = "RSF"}, &t->d);   /* an alias */
    assert_int_equal(h.n, 3);
    h = search(s, (el_search_q){.query = "talks", .actor = "saudi arabia"}, &t->d);
    assert_int_equal(h.n, 2);
    h = search(s, (el_search_q){.query = "talks", .limit = 1}, &t->d);
    assert_int_equal(h.n, 1);
    long rejected = t->d.n_rejected;
    /* Not FTS5 syntax: retried as the quoted words "El-Fasher" "shelling". */
    h = search(s, (el_search_q){.query = "El-Fasher \"shelling"}, &t->d);
    assert_int_equal(h.n, 3);
    h = search(s, (el_search_q){.query = "Fasher AND shelling"}, &t->d);
    assert_int_equal(h.n, 3);
    assert_int_equal(t->d.n_rejected, rejected);
    el_store_close(s);
}

static int each(const el_store_article *a, void *ud) {
    int *n = ud;
    static const char *const ids[] = {"101", "102", "103", "104"};
    assert_string_equal(a->id, ids[*n]);
    assert_int_equal(strlen(a->hash), 16);
    assert_non_null(a->body);
    assert_int_equal(a->body_len, strlen(a->body));
    assert_null(a->raw);
    assert_non_null(strstr(a->json, "\"removed\""));
    if (*n == 3) { assert_int_equal(a->translated, 1); assert_null(a->date); }
    (*n)++;
    return 0;
}

/* 8. The reader gives back what an incremental run needs. */
static void store_reads_articles(void **state) {
    tctx *t = *state;
    assert_int_equal(el_store_write(fixture(), t->db, NULL, &t->d), EL_OK);
    el_store *s = el_store_open(t->db, false, &t->d);
    int n = 0;
    assert_int_equal(el_store_each_article(s, each, &n, &t->d), EL_OK);
    assert_int_equal(n, 4);
    char hash[17];
    assert_int_equal(el_store_article_hash(s, "102", hash), 1);
    assert_int_equal(el_store_article_hash(s, "999", hash), 0);
    el_store_close(s);
}

/* 9. Bad lines are reported with FILE:LINE and skipped; the rest lands.
** An article with "raw" hashes the raw text. --prune drops the unlisted. */
static void store_bad_lines_and_prune(void **state) {
    tctx *t = *state;
    const char *dir = copy_fixture(t, "bad");
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "cd '%s' && printf '{\"article\": \"101\", \"kind\": \n[1,2]\n' >> counts.jsonl"
                              " && head -c 60 events.jsonl >> events.jsonl", dir);
    assert_int_equal(system(cmd), 0);
    assert_int_equal(el_store_write(dir, t->db, NULL, &t->d), EL_OK);
    assert_int_equal(t->d.n_rejected, 3);
    assert_int_equal(scalar(t->db, "SELECT count(*) FROM counts"), 5);
    assert_int_equal(scalar(t->db, "SELECT count(*) FROM events"), 7);
    const char *two = copy_fixture(t, "two");
    write_file(two, "articles.jsonl",
               "{\"id\": \"101\", \"body\": \"Short.\", \"raw\": \"Short.\\n\"}\n"
               "{\"id\": 105, \"body\": \"Other.\"}\n");
    assert_int_equal(el_store_write(two, t->db, NULL, &t->d), EL_OK);
    assert_int_equal(scalar(t->db, "SELECT count(*) FROM articles"), 5);   /* 101-104 kept, 105 added */
    char want[17];
    el_store_hash("Short.\n", 7, want);
    el_store *s = el_store_open(t->db, false, &t->d);
    char got[17];
    assert_int_equal(el_store_article_hash(s, "101", got), 1);
    assert_string_equal(got, want);
    assert_int_equal(el_store_article_hash(s, "105", got), 1);
    el_store_close(s);
    el_store_opts prune = {.prune = true};
    assert_fts_ok(t->db);
    assert_int_equal(scalar(t->db, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'short'"), 1);
    assert_int_equal(el_store_write(two, t->db, &prune, &t->d), EL_OK);
    assert_int_equal(scalar(t->db, "SELECT count(*) FROM articles"), 2);
    assert_int_equal(scalar(t->db, "SELECT count(*) FROM sentences WHERE article = '103'"), 0);
    assert_fts_ok(t->db);
    assert_int_equal(scalar(t->db, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'negotiators'"), 0);
    /* An id twice in one file (the second wins), new and then stored. */
    write_file(two, "articles.jsonl",
               "{\"id\": \"106\", \"body\": \"First words.\"}\n"
               "{\"id\": \"106\", \"body\": \"Second words.\"}\n"
               "{\"id\": \"101\", \"body\": \"Short again.\"}\n"
               "{\"id\": \"101\", \"body\": \"Short at last.\"}\n");
    assert_int_equal(el_store_write(two, t->db, NULL, &t->d), EL_OK);
    assert_fts_ok(t->db);
    assert_int_equal(scalar(t->db, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'first OR again'"), 0);
    assert_int_equal(scalar(t->db, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'second OR last'"), 2);
}

static char *export_to_string(int fmt, const char *dir, el_store *s, el_diag *d) {
    char *p = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&p, &n);
    assert_int_equal(dir ? el_export_dir(dir, fmt, f, d) : el_export_store(s, fmt, f, d), EL_OK);
    fclose(f);
    return p;
}

/* 10. Every export format is the same from the folder and from the
** database, and el_export_write_all writes them all. */
static void store_exports_match_folder(void **state) {
    tctx *t = *state;
    assert_int_equal(el_store_write(fixture(), t->db, NULL, &t->d), EL_OK);
    el_store *s = el_store_open(t->db, false, &t->d);
    for (int fmt = 0; fmt < EL_EXPORT__COUNT; fmt++) {
        char *a = export_to_string(fmt, fixture(), NULL, &t->d);
        char *b = export_to_string(fmt, NULL, s, &t->d);
        assert_true(strlen(a) > 100);
        assert_string_equal(a, b);
        free(a);
        free(b);
    }
    el_store_close(s);
    /* What `run` writes: the four files, equal to the formats on stdout. */
    const char *dir = copy_fixture(t, "all");
    assert_int_equal(el_export_write_all(dir, &t->d), EL_OK);
    static const char *const files[] = {"gdelt.events.tsv", "gdelt.mentions.tsv", "plover.jsonl", "events.csv"};
    for (int fmt = 0; fmt < EL_EXPORT__COUNT; fmt++) {
        char path[512], *want = export_to_string(fmt, dir, NULL, &t->d), got[8192] = "";
        snprintf(path, sizeof path, "%s/%s", dir, files[fmt]);
        FILE *f = fopen(path, "rb");
        assert_non_null(f);
        got[fread(got, 1, sizeof got - 1, f)] = '\0';
        fclose(f);
        assert_string_equal(got, want);
        free(want);
    }
    assert_int_equal(el_export_format_parse("gdelt-mentions"), EL_EXPORT_GDELT_MENTIONS);
    assert_int_equal(el_export_format_parse("xml"), -1);
    el_date lo, hi;
    assert_true(el_date_period("2024-W22", &lo, &hi));
    assert_int_equal(lo, el_date_from_ymd(2024, 5, 27));
    assert_int_equal(hi, el_date_from_ymd(2024, 6, 2));
    assert_true(el_date_period("2024-W06-WE", &lo, &hi));
    assert_int_equal(lo, el_date_from_ymd(2024, 2, 10));
    assert_true(el_date_period("2024-02", &lo, &hi));
    assert_int_equal(hi, el_date_from_ymd(2024, 2, 29));
    assert_false(el_date_period("P3D", &lo, &hi));
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(store_creates_schema, setup, teardown),
        cmocka_unit_test_setup_teardown(store_loads_fixture, setup, teardown),
        cmocka_unit_test_setup_teardown(store_rewrite_is_idempotent, setup, teardown),
        cmocka_unit_test_setup_teardown(store_failed_write_keeps_old, setup, teardown),
        cmocka_unit_test_setup_teardown(store_killed_write_keeps_old, setup, teardown),
        cmocka_unit_test_setup_teardown(store_migrates_v1, setup, teardown),
        cmocka_unit_test_setup_teardown(store_search_filters, setup, teardown),
        cmocka_unit_test_setup_teardown(store_reads_articles, setup, teardown),
        cmocka_unit_test_setup_teardown(store_bad_lines_and_prune, setup, teardown),
        cmocka_unit_test_setup_teardown(store_exports_match_folder, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
