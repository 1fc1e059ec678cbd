/*
** store.c: stage 7, a run's JSON Lines files into one SQLite database.
** In:  an output folder of `eventline run` (articles, entities, events,
**      stories, counts, quotes .jsonl) and a database path.
** Out: the rows, in one transaction (WAL journal); FTS5 over articles; a
**      reader of stored articles; the schema's migrations, step by step.
** Never break: everything a write does sits between one BEGIN and one
** COMMIT, so a crash, a kill or a failed row leaves the previous content.
** KEEP IN SYNC: migrations[] here, EL_STORE_VERSION and docs/SCHEMA.md.
*/
#include "store.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>
#include "buf.h"
#include "el_int.h"
#include "jscan.h"

struct el_store {
    sqlite3 *db;
    char *path;
};

/* ---- Schema: migrations[v] takes a database from version v to v + 1 ---- */

static const char *const migrations[EL_STORE_VERSION] = {
    /* 0 -> 1: the first layout (tables of the run; no search). */
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
    " text TEXT, speaker TEXT, speaker_entity TEXT, type TEXT, statement INTEGER);",

    /* 1 -> 2: full-text search, raw text for incremental runs, count places.
    ** The FTS table is external-content (it indexes articles in place) and
    ** the triggers keep it in step; 'rebuild' indexes what v1 stored. */
    "ALTER TABLE articles ADD COLUMN raw TEXT;"
    "ALTER TABLE counts ADD COLUMN place TEXT;"
    "CREATE INDEX entity_mentions_article ON entity_mentions(article);"
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;"
    "INSERT INTO meta VALUES('generator', 'eventline');"
    "CREATE VIRTUAL TABLE articles_fts USING fts5(title, dek, body, content='articles',"
    " content_rowid='seq', tokenize='unicode61 remove_diacritics 2');"
    "CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN"
    " INSERT INTO articles_fts(rowid, title, dek, body) VALUES(new.seq, new.title, new.dek, new.body);"
    " END;"
    "CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN"
    " INSERT INTO articles_fts(articles_fts, rowid, title, dek, body)"
    "  VALUES('delete', old.seq, old.title, old.dek, old.body);"
    " END;"
    "CREATE TRIGGER articles_fts_au AFTER UPDATE ON articles BEGIN"
    " INSERT INTO articles_fts(articles_fts, rowid, title, dek, body)"
    "  VALUES('delete', old.seq, old.title, old.dek, old.body);"
    " INSERT INTO articles_fts(rowid, title, dek, body) VALUES(new.seq, new.title, new.dek, new.body);"
    " END;"
    "INSERT INTO articles_fts(articles_fts) VALUES('rebuild');"
    /* Offsets are bytes while SQLite's substr() counts characters on TEXT:
    ** cut the BLOB instead. */
    "CREATE VIEW sentence_text AS SELECT s.article, s.idx, s.start, s.end,"
    " CAST(substr(CAST(a.body AS BLOB), s.start + 1, s.end - s.start) AS TEXT) AS text"
    " FROM sentences s JOIN articles a ON a.id = s.article;",

    /* 2 -> 3: the store keeps the FTS index itself (see load_articles): a
    ** trigger indexes one row per statement, and FTS5 then writes one
    ** segment per article. The index content does not change. */
    "DROP TRIGGER articles_fts_ai;"
    "DROP TRIGGER articles_fts_ad;"
    "DROP TRIGGER articles_fts_au;",

    /* 3 -> 4: sentences become a view of what the json column already
    ** holds: forty rows an article were a tenth of the load and of the file.
    ** Same columns, same rows (the spans given as [start, end] pairs). */
    "DROP VIEW sentence_text;"
    "DROP TABLE sentences;"
    "CREATE VIEW sentences AS SELECT a.id AS article, CAST(s.key AS INTEGER) AS idx,"
    " json_extract(s.value, '$[0]') AS start, json_extract(s.value, '$[1]') AS end"
    " FROM articles a, json_each(a.json, '$.sentences') s"
    " WHERE s.type = 'array' AND json_array_length(s.value) >= 2;"
    "CREATE VIEW sentence_text AS SELECT s.article, s.idx, s.start, s.end,"
    " CAST(substr(CAST(a.body AS BLOB), s.start + 1, s.end - s.start) AS TEXT) AS text"
    " FROM sentences s JOIN articles a ON a.id = s.article;",
};

static int dberr(el_store *s, el_diag *d, const char *what) {
    el_reject(d, s->path, 0, "%s: %s", what, sqlite3_errmsg(s->db));
    return EL_EINPUT;
}

int el_store_version(el_store *s) {
    sqlite3_stmt *st;
    int v = -1;
    if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK) return -1;
    if (sqlite3_step(st) == SQLITE_ROW) v = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return v;
}

int el_store_migrate(el_store *s, int to_version, el_diag *d) {
    int v = el_store_version(s);
    if (v < 0) return dberr(s, d, "cannot read the schema version");
    if (to_version > EL_STORE_VERSION) to_version = EL_STORE_VERSION;
    for (; v < to_version; v++) {
        char pragma[64];
        snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", v + 1);
        if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
            return dberr(s, d, "cannot start the schema upgrade");
        if (sqlite3_exec(s->db, migrations[v], NULL, NULL, NULL) != SQLITE_OK ||
            sqlite3_exec(s->db, pragma, NULL, NULL, NULL) != SQLITE_OK) {
            el_reject(d, s->path, 0, "schema upgrade %d -> %d failed: %s", v, v + 1,
                      sqlite3_errmsg(s->db));
            sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
            return EL_EINPUT;
        }
        if (sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
            sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
            return dberr(s, d, "cannot commit the schema upgrade");
        }
    }
    return EL_OK;
}

static el_store *open_db(const char *path, int flags, el_diag *d) {
    el_store *s = calloc(1, sizeof *s);
    if (!s || !(s->path = strdup(path))) {
        free(s);
        el_reject(d, path, 0, "out of memory opening the database");
        return NULL;
    }
    /* NOMUTEX: a connection here is used by one thread at a time (the run's
    ** store thread, or a command's own), so SQLite need not lock it on every
    ** call: a million locks on a bbc run. */
    if (sqlite3_open_v2(path, &s->db, flags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
        el_reject(d, path, 0, "cannot open the database: %s",
                  s->db ? sqlite3_errmsg(s->db) : "out of memory");
        el_store_close(s);
        return NULL;
    }
    sqlite3_busy_timeout(s->db, 10000);
    sqlite3_extended_result_codes(s->db, 1);
    return s;
}

void el_store_process_init(void) { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); }

el_store *el_store_open(const char *db_path, bool write, el_diag *d) {
    el_store *s = open_db(db_path, write ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
                                         : SQLITE_OPEN_READONLY, d);
    if (!s) return NULL;
    int v = el_store_version(s);
    if (v < 0) {
        dberr(s, d, "not a database eventline can read");
        el_store_close(s);
        return NULL;
    }
    if (v > EL_STORE_VERSION) {
        el_reject(d, db_path, 0, "schema version %d is newer than this eventline's (%d)", v,
                  EL_STORE_VERSION);
        el_store_close(s);
        return NULL;
    }
    if (!write && v < EL_STORE_VERSION) {
        /* An older database: upgrade it (each step is one transaction, so
        ** this is as safe as reading), then go on read-only. */
        if (v == 0) {
            el_reject(d, db_path, 0, "not an eventline database (empty schema)");
            el_store_close(s);
            return NULL;
        }
        el_store_close(s);
        if (!(s = el_store_open(db_path, true, d))) return NULL;
        el_store_close(s);
        return el_store_open(db_path, false, d);
    }
    if (write) {
        /* WAL: readers never block the writer and a killed writer leaves
        ** only uncommitted frames, which the next open ignores. NORMAL sync
        ** is durable against process death (not power loss) and much faster. */
        if (sqlite3_exec(s->db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
                                "PRAGMA cache_size=-65536;", NULL, NULL, NULL) != SQLITE_OK ||
            el_store_migrate(s, EL_STORE_VERSION, d) != EL_OK) {
            if (sqlite3_errcode(s->db) != SQLITE_OK) dberr(s, d, "cannot prepare the database");
            el_store_close(s);
            return NULL;
        }
    }
    return s;
}

void el_store_close(el_store *s) {
    if (!s) return;
    sqlite3_close(s->db);
    free(s->path);
    free(s);
}

sqlite3 *el_store_db(el_store *s) { return s->db; }

void el_store_hash(const void *p, size_t n, char hash[17]) {
    snprintf(hash, 17, "%016llx", (unsigned long long)XXH3_64bits(p, n));
}

/* ---- Writing ---- */

typedef struct writer {
    el_store *s;
    el_diag *d;
    const el_store_opts *opt;
    const char *file;           /* the JSON Lines file being read */
    const char *table;          /* for progress */
    long rows;
    bool fatal;                 /* a database error: roll back */
    bool stopped;               /* the progress callback said stop */
    sqlite3_stmt *st[8];        /* the current table's statements */
    const struct flat_table *flat;   /* on_flat's table */
    sqlite3_int64 old_max;      /* articles: the largest seq before this write */
    el_buf b;                   /* scratch: an article's json column */
} writer;

/* Bind a JSON value as SQLite sees fit: strings as text, numbers, booleans
** as 0/1, null or absent as NULL, arrays and objects as their JSON text, as
** the line has it. Columns with TEXT affinity turn numbers into text, so an
** entity id may be 7 in one file and "7" in another and still join. Text is
** bound in place: the line outlives the statement's step. */
static void bind(sqlite3_stmt *st, int i, const el_jline *j, int v) {
    size_t n;
    const char *raw;
    switch (el_jtype_of(j, v)) {
    case EL_JSTR: sqlite3_bind_text(st, i, el_jstr(j, v), (int)el_jstrlen(j, v), SQLITE_STATIC); break;
    case EL_JINT: sqlite3_bind_int64(st, i, el_jint(j, v)); break;
    case EL_JREAL: sqlite3_bind_double(st, i, el_jnum(j, v)); break;
    case EL_JTRUE: sqlite3_bind_int(st, i, 1); break;
    case EL_JFALSE: sqlite3_bind_int(st, i, 0); break;
    case EL_JARR: case EL_JOBJ:
        raw = el_jraw(j, v, &n);
        sqlite3_bind_text(st, i, raw, (int)n, SQLITE_STATIC);
        break;
    default: sqlite3_bind_null(st, i);
    }
}

#define MAX_KEYS 32              /* the most columns bind_keys fills */

/* Bind keys[0..n) of object o (absent: all NULL) from parameter first on.
** One pass over the object's members (the last of repeated keys wins, as
** el_jget has it), the next key tried first: a file's lines list their
** members in one order, so that guess is mostly right. */
static void bind_keys(sqlite3_stmt *st, int first, const el_jline *j, int o,
                      const char *const *keys, int n) {
    int at[MAX_KEYS];
    uint8_t len[MAX_KEYS];
    if (n > MAX_KEYS) {                                      /* not in this file's tables */
        for (int i = 0; i < n; i++) bind(st, first + i, j, el_jget(j, o, keys[i]));
        return;
    }
    for (int i = 0; i < n; i++) { at[i] = -1; len[i] = (uint8_t)strlen(keys[i]); }
    if (el_jtype_of(j, o) == EL_JOBJ) {
        int guess = 0;
        for (uint32_t m = (uint32_t)o + 1; m < j->t[o].next; m = j->t[m + 1].next) {
            const char *key = j->buf + j->t[m].start + 1;   /* a key: a string token */
            size_t kn = j->t[m].n;
            for (int c = 0; c < n; c++) {
                int i = guess + c < n ? guess + c : guess + c - n;
                if (kn == len[i] && key[0] == keys[i][0] && memcmp(key, keys[i], kn) == 0) {
                    at[i] = (int)m + 1;
                    guess = i + 1 < n ? i + 1 : 0;
                    break;
                }
            }
        }
    }
    for (int i = 0; i < n; i++) bind(st, first + i, j, at[i]);
}

/* Step an INSERT. 0 done, 1 refused by a constraint (bad input: a
** duplicate id), -1 a database error (fatal, the write rolls back). */
static int step(writer *w, sqlite3_stmt *st) {
    int rc = sqlite3_step(st);
    sqlite3_reset(st);                  /* every statement binds all its parameters each time */
    if (rc == SQLITE_DONE || rc == SQLITE_ROW) return 0;
    if ((rc & 0xff) == SQLITE_CONSTRAINT) return 1;
    if (!w->fatal) el_reject(w->d, w->s->path, 0, "%s: %s", w->table, sqlite3_errmsg(w->s->db));
    w->fatal = true;
    return -1;
}

/* Count a row and let the caller's progress callback stop us. */
static int tick(writer *w, bool end) {
    if (!end) w->rows++;
    if (w->opt && w->opt->progress && (end || (w->rows & 1023) == 0) &&
        w->opt->progress(w->opt->ud, w->table, w->rows)) {
        w->stopped = true;
        return 1;
    }
    return 0;
}

static int prepare(writer *w, int i, const char *sql) {
    if (sqlite3_prepare_v2(w->s->db, sql, -1, &w->st[i], NULL) == SQLITE_OK) return 0;
    el_reject(w->d, w->s->path, 0, "cannot prepare: %s", sqlite3_errmsg(w->s->db));
    w->fatal = true;
    return -1;
}

static void finalize_all(writer *w) {
    for (size_t i = 0; i < sizeof w->st / sizeof *w->st; i++) {
        sqlite3_finalize(w->st[i]);
        w->st[i] = NULL;
    }
}

static int exec(writer *w, const char *sql) {
    if (sqlite3_exec(w->s->db, sql, NULL, NULL, NULL) == SQLITE_OK) return 0;
    if (!w->fatal) el_reject(w->d, w->s->path, 0, "%s: %s", w->table, sqlite3_errmsg(w->s->db));
    w->fatal = true;
    return -1;
}

static int stop_now(writer *w) { return w->fatal || w->stopped; }

/* ---- Articles, and their full-text index ----
** The index is written by the store, not by triggers (schema 3): one
** INSERT ... SELECT for the articles new to this write, at its end. A row
** at a time, FTS5 would write a segment per article (it flushes at each
** statement) and spend most of the load merging them. An article that
** changes leaves the index first (with the values it was indexed under)
** and comes back with the new ones. */

static const char *const article_keys[] = {
    "file", "title", "dek", "date", "date_source", "date_evidence", "outlet", "url",
    "language", "translated", "body", "raw", "paragraphs", "removed",
};
#define N_ARTICLE_KEYS (int)(sizeof article_keys / sizeof *article_keys)

enum { A_GET, A_PUT, A_SEEN, A_REDO, A_UNINDEX };

#define FTS_HASHSIZE "8388608"  /* bytes of pending FTS terms before a segment is written */

/* The json column: the object less body and raw (columns already, and most
** of the line), members as written. */
static void article_json(writer *w, const el_jline *j) {
    el_buf *b = &w->b;
    b->len = 0;
    el_buf_putc(b, '{');
    const el_jtok *o = &j->t[0];
    for (uint32_t k = 1; k < o->next; k = j->t[k + 1].next) {
        const char *key = el_jstr(j, (int)k);
        if (!strcmp(key, "body") || !strcmp(key, "raw")) continue;
        size_t kn, vn;
        const char *kr = el_jraw(j, (int)k, &kn), *vr = el_jraw(j, (int)k + 1, &vn);
        if (b->len > 1) el_buf_putc(b, ',');
        el_buf_put(b, kr, kn);
        el_buf_putc(b, ':');
        el_buf_put(b, vr, vn);
    }
    el_buf_putc(b, '}');
}

/* Before an indexed article changes: take it out of the index, once. */
static int unindex(writer *w, sqlite3_int64 seq) {
    if (seq > w->old_max) return 0;                         /* new in this write: not indexed yet */
    sqlite3_bind_int64(w->st[A_REDO], 1, seq);
    if (step(w, w->st[A_REDO]) < 0) return -1;
    if (sqlite3_changes(w->s->db) == 0) return 0;           /* already out */
    sqlite3_bind_int64(w->st[A_UNINDEX], 1, seq);
    return step(w, w->st[A_UNINDEX]) < 0 ? -1 : 0;
}

static int on_article(const el_jline *j, long line, void *ud) {
    writer *w = ud;
    char ib[32], row_hash[17], content_hash[17];
    const char *id = el_jid(j, el_jget(j, 0, "id"), ib);
    int body = el_jget(j, 0, "body"), raw = el_jget(j, 0, "raw");
    if (!id || el_jtype_of(j, body) != EL_JSTR) {
        el_reject(w->d, w->file, line, "article without %s; skipped", id ? "a body" : "an id");
        return 0;
    }
    el_store_hash(j->line, j->len, row_hash);
    int hashed = el_jtype_of(j, raw) == EL_JSTR ? raw : body;
    el_store_hash(el_jstr(j, hashed), el_jstrlen(j, hashed), content_hash);
    if (w->st[A_SEEN]) {                                     /* prune: remember the id */
        sqlite3_bind_text(w->st[A_SEEN], 1, id, -1, SQLITE_STATIC);
        if (step(w, w->st[A_SEEN]) < 0) return 1;
    }
    sqlite3_stmt *get = w->st[A_GET], *put = w->st[A_PUT];
    sqlite3_bind_text(get, 1, id, -1, SQLITE_STATIC);
    bool stored = sqlite3_step(get) == SQLITE_ROW;
    bool same = stored && strcmp((const char *)sqlite3_column_text(get, 0), row_hash) == 0;
    sqlite3_int64 seq = stored ? sqlite3_column_int64(get, 1) : 0;
    sqlite3_reset(get);
    if (same) return tick(w, false);                       /* idempotent: nothing to do */
    if (stored && unindex(w, seq)) return 1;
    sqlite3_bind_text(put, 1, id, -1, SQLITE_STATIC);
    bind_keys(put, 2, j, 0, article_keys, N_ARTICLE_KEYS);
    sqlite3_bind_text(put, 2 + N_ARTICLE_KEYS, content_hash, -1, SQLITE_STATIC);
    sqlite3_bind_text(put, 3 + N_ARTICLE_KEYS, row_hash, -1, SQLITE_STATIC);
    article_json(w, j);
    sqlite3_bind_text(put, 4 + N_ARTICLE_KEYS, w->b.p, (int)w->b.len, SQLITE_STATIC);
    int rc = step(w, put);
    if (rc) {
        if (rc > 0) el_reject(w->d, w->file, line, "article %s refused by the database: %s; skipped", id,
                              sqlite3_errmsg(w->s->db));
        return rc < 0;
    }
    return tick(w, false) || stop_now(w);
}

static int load_articles(writer *w, const char *path) {
    char sql[1024];
    int n = snprintf(sql, sizeof sql, "INSERT INTO articles(id");
    for (int i = 0; i < N_ARTICLE_KEYS; i++) n += snprintf(sql + n, sizeof sql - (size_t)n, ", %s", article_keys[i]);
    n += snprintf(sql + n, sizeof sql - (size_t)n, ", content_hash, row_hash, json) VALUES(?1");
    for (int i = 2; i <= N_ARTICLE_KEYS + 4; i++) {
        /* paragraphs and removed are NOT NULL: an article without them has none. */
        const char *key = i - 2 < N_ARTICLE_KEYS ? article_keys[i - 2] : "";
        bool list = !strcmp(key, "paragraphs") || !strcmp(key, "removed");
        n += snprintf(sql + n, sizeof sql - (size_t)n, list ? ", coalesce(?%d, '[]')" : ", ?%d", i);
    }
    n += snprintf(sql + n, sizeof sql - (size_t)n, ") ON CONFLICT(id) DO UPDATE SET ");
    for (int i = 0; i < N_ARTICLE_KEYS; i++)
        n += snprintf(sql + n, sizeof sql - (size_t)n, "%s = excluded.%s, ", article_keys[i], article_keys[i]);
    snprintf(sql + n, sizeof sql - (size_t)n,
             "content_hash = excluded.content_hash, row_hash = excluded.row_hash, json = excluded.json");
    bool prune = w->opt && w->opt->prune;
    sqlite3_stmt *mx;
    if (exec(w, "CREATE TEMP TABLE IF NOT EXISTS fts_redo(seq INTEGER PRIMARY KEY);"
                "DELETE FROM temp.fts_redo;") ||
        (prune && exec(w, "CREATE TEMP TABLE IF NOT EXISTS seen(id TEXT PRIMARY KEY);"
                          "DELETE FROM temp.seen;")))
        return -1;
    if (sqlite3_prepare_v2(w->s->db, "SELECT coalesce(max(seq), 0) FROM articles", -1, &mx, NULL) != SQLITE_OK)
        return exec(w, "SELECT max(seq) FROM articles");  /* reports the error */
    w->old_max = sqlite3_step(mx) == SQLITE_ROW ? sqlite3_column_int64(mx, 0) : 0;
    sqlite3_finalize(mx);
    if (prepare(w, A_GET, "SELECT row_hash, seq FROM articles WHERE id = ?1") ||
        prepare(w, A_PUT, sql) ||
        (prune && prepare(w, A_SEEN, "INSERT OR IGNORE INTO temp.seen VALUES(?1)")) ||
        prepare(w, A_REDO, "INSERT OR IGNORE INTO temp.fts_redo VALUES(?1)") ||
        prepare(w, A_UNINDEX, "INSERT INTO articles_fts(articles_fts, rowid, title, dek, body)"
                              " SELECT 'delete', seq, title, dek, body FROM articles WHERE seq = ?1"))
        return -1;
    int rc = el_jsonl_each(path, on_article, w, w->d);
    if (rc < 0 || stop_now(w)) return -1;
    /* Pruned articles were all indexed: none of them was touched here. */
    if (prune && rc == 0 &&
        exec(w, "INSERT INTO articles_fts(articles_fts, rowid, title, dek, body)"
                " SELECT 'delete', seq, title, dek, body FROM articles"
                " WHERE id NOT IN (SELECT id FROM temp.seen);"
                "DELETE FROM articles WHERE id NOT IN (SELECT id FROM temp.seen);"))
        return -1;
    /* One statement indexes every article new or changed in this write.
    ** FTS5 writes a segment each time its pending terms pass 'hashsize'
    ** (1 MB by default) and then merges the segments: with FTS_HASHSIZE a
    ** load of a few thousand articles is one segment, and a third of the
    ** indexing is saved. The setting is FTS5's persistent config, so it is
    ** taken back (its row deleted) once the statement is done; a database
    ** with a hashsize of its own keeps it. The index holds the same terms
    ** either way, only its segments differ. */
    sqlite3_stmt *hs;
    bool own = false;
    if (sqlite3_prepare_v2(w->s->db, "SELECT 1 FROM articles_fts_config WHERE k = 'hashsize'", -1, &hs,
                           NULL) != SQLITE_OK)
        return exec(w, "SELECT 1 FROM articles_fts_config");     /* reports the error */
    own = sqlite3_step(hs) == SQLITE_ROW;
    sqlite3_finalize(hs);
    char fts[512];
    snprintf(fts, sizeof fts,
             "%s"
             "INSERT INTO articles_fts(rowid, title, dek, body) SELECT seq, title, dek, body"
             " FROM articles WHERE seq > %lld OR seq IN (SELECT seq FROM temp.fts_redo);"
             "%s",
             own ? "" : "INSERT INTO articles_fts(articles_fts, rank) VALUES('hashsize', " FTS_HASHSIZE ");",
             (long long)w->old_max, own ? "" : "DELETE FROM articles_fts_config WHERE k = 'hashsize';");
    return exec(w, fts);
}

/* ---- The run-wide tables ---- */

/* entities and their mentions. */
static int on_entity(const el_jline *j, long line, void *ud) {
    writer *w = ud;
    static const char *const keys[] = {"name", "type", "code", "country", "lat", "lon"};
    static const char *const mkeys[] = {"article", "start", "end", "text", "code"};
    char ib[32];
    const char *id = el_jid(j, el_jget(j, 0, "id"), ib);
    if (!id) { el_reject(w->d, w->file, line, "entity without an id; skipped"); return 0; }
    sqlite3_bind_text(w->st[0], 1, id, -1, SQLITE_STATIC);
    bind_keys(w->st[0], 2, j, 0, keys, 6);
    int rc = step(w, w->st[0]);
    if (rc) {
        if (rc > 0) el_reject(w->d, w->file, line, "duplicate entity id %s; skipped", id);
        return rc < 0;
    }
    int ms = el_jget(j, 0, "mentions");
    for (int m = el_jfirst(j, ms); m >= 0; m = el_jnext(j, ms, m)) {
        if (el_jtype_of(j, el_jget(j, m, "article")) != EL_JSTR) continue;
        sqlite3_bind_text(w->st[1], 1, id, -1, SQLITE_STATIC);
        bind_keys(w->st[1], 2, j, m, mkeys, 5);
        if (step(w, w->st[1]) < 0) return 1;
    }
    return tick(w, false) || stop_now(w);
}

/* Events: the row (with the whole line as JSON, so exports from the
** database see exactly what the run wrote), actors and mentions. */
static int actors(writer *w, const char *id, const char *role, const el_jline *j, int arr) {
    size_t i = 0;
    for (int a = el_jfirst(j, arr); a >= 0; a = el_jnext(j, arr, a), i++) {
        if (el_jtype_of(j, a) != EL_JOBJ) continue;
        sqlite3_stmt *st = w->st[1];
        sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, role, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 3, (sqlite3_int64)i);
        static const char *const keys[] = {"name", "code", "entity"};
        bind_keys(st, 4, j, a, keys, 3);
        if (step(w, st) < 0) return -1;
    }
    return 0;
}

static int on_event(const el_jline *j, long line, void *ud) {
    writer *w = ud;
    static const char *const keys[] = {
        "date", "date_granularity", "event", "cameo", "quad_class", "goldstein", "modality",
        "episode", "thread", "num_mentions", "num_articles", "num_sources",
    };
    static const char *const lkeys[] = {"name", "country", "lat", "lon"};
    static const char *const mkeys[] = {"article", "sentence", "start", "end", "text"};
    char ib[32];
    const char *id = el_jid(j, el_jget(j, 0, "id"), ib);
    if (!id) { el_reject(w->d, w->file, line, "event without an id; skipped"); return 0; }
    sqlite3_stmt *st = w->st[0];
    sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
    bind_keys(st, 2, j, 0, keys, 12);
    bind_keys(st, 14, j, el_jget(j, 0, "location"), lkeys, 4);
    sqlite3_bind_text(st, 18, j->line, (int)j->len, SQLITE_STATIC);
    int rc = step(w, st);
    if (rc) {
        if (rc > 0) el_reject(w->d, w->file, line, "duplicate event id %s; skipped", id);
        return rc < 0;
    }
    if (actors(w, id, "source", j, el_jget(j, 0, "source")) ||
        actors(w, id, "target", j, el_jget(j, 0, "target")))
        return 1;
    size_t i = 0;
    int ms = el_jget(j, 0, "mentions");
    for (int m = el_jfirst(j, ms); m >= 0; m = el_jnext(j, ms, m), i++) {
        if (el_jtype_of(j, m) != EL_JOBJ) continue;
        sqlite3_bind_text(w->st[2], 1, id, -1, SQLITE_STATIC);
        sqlite3_bind_int64(w->st[2], 2, (sqlite3_int64)i);
        bind_keys(w->st[2], 3, j, m, mkeys, 5);
        if (step(w, w->st[2]) < 0) return 1;
    }
    return tick(w, false) || stop_now(w);
}

static int on_story(const el_jline *j, long line, void *ud) {
    writer *w = ud;
    static const char *const keys[] = {"level", "title", "first_date", "last_date", "parent"};
    char ib[32];
    const char *id = el_jid(j, el_jget(j, 0, "id"), ib);
    if (!id) { el_reject(w->d, w->file, line, "story without an id; skipped"); return 0; }
    sqlite3_bind_text(w->st[0], 1, id, -1, SQLITE_STATIC);
    bind_keys(w->st[0], 2, j, 0, keys, 5);
    int rc = step(w, w->st[0]);
    if (rc) {
        if (rc > 0) el_reject(w->d, w->file, line, "duplicate story id %s; skipped", id);
        return rc < 0;
    }
    int as = el_jget(j, 0, "articles");
    for (int a = el_jfirst(j, as); a >= 0; a = el_jnext(j, as, a)) {
        sqlite3_bind_text(w->st[1], 1, id, -1, SQLITE_STATIC);
        bind(w->st[1], 2, j, a);
        if (step(w, w->st[1]) < 0) return 1;
    }
    return tick(w, false) || stop_now(w);
}

/* counts and quotes: one row per line, columns named as the keys. */
typedef struct flat_table { const char *name; const char *const *keys; int n; } flat_table;

static const char *const count_keys[] = {
    "article", "sentence", "start", "end", "text", "kind", "value", "min", "max",
    "qualifier", "subject", "attribution", "date", "place",
};
static const char *const quote_keys[] = {
    "article", "start", "end", "text", "speaker", "speaker_entity", "type", "statement",
};

static int on_flat(const el_jline *j, long line, void *ud) {
    (void)line;
    writer *w = ud;
    const flat_table *t = w->flat;
    bind_keys(w->st[0], 1, j, 0, t->keys, t->n);
    if (step(w, w->st[0]) < 0) return 1;
    return tick(w, false) || stop_now(w);
}

typedef int (*line_fn)(const el_jline *j, long line, void *ud);

/* Replace a run-wide table (and its children) with a file's lines. An
** absent file leaves the tables as they were: that run did not make it.
** clear empties the tables (and drops their secondary indexes), after
** builds those again: one sort at the end costs a fraction of keeping an
** index up to date through hundreds of thousands of inserts. */
static int load_table(writer *w, const char *dir, const char *file, const char *table,
                      const char *clear, const char *after, line_fn fn, const char *const *sql,
                      int n_sql) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    FILE *probe = fopen(path, "rb");
    if (!probe) return errno == ENOENT ? 0 : (el_reject(w->d, path, 0, "cannot open: %s", strerror(errno)), -1);
    fclose(probe);
    w->file = path;
    w->table = table;
    w->rows = 0;
    if (clear && exec(w, clear)) return -1;
    for (int i = 0; i < n_sql; i++)
        if (prepare(w, i, sql[i])) return -1;
    int rc = el_jsonl_each(path, fn, w, w->d);
    finalize_all(w);
    if (rc >= 0 && !stop_now(w) && after && exec(w, after)) return -1;
    if (rc >= 0 && !stop_now(w)) tick(w, true);
    return stop_now(w) || rc < 0 ? -1 : 0;
}
static int load_flat(writer *w, const char *dir, const char *file, const flat_table *t) {
    char sql[1024], clear[64];
    int n = snprintf(sql, sizeof sql, "INSERT INTO %s(", t->name);
    for (int i = 0; i < t->n; i++) n += snprintf(sql + n, sizeof sql - (size_t)n, "%s%s", i ? ", " : "", t->keys[i]);
    n += snprintf(sql + n, sizeof sql - (size_t)n, ") VALUES(");
    for (int i = 0; i < t->n; i++) n += snprintf(sql + n, sizeof sql - (size_t)n, "%s?%d", i ? ", " : "", i + 1);
    snprintf(sql + n, sizeof sql - (size_t)n, ")");
    snprintf(clear, sizeof clear, "DELETE FROM %s", t->name);
    const char *stmts[] = {sql};
    w->flat = t;
    return load_table(w, dir, file, t->name, clear, NULL, on_flat, stmts, 1);
}

static int load_all(writer *w, const char *dir) {
    char path[4096];
    const char *adir = w->opt && w->opt->articles_dir ? w->opt->articles_dir : dir;
    snprintf(path, sizeof path, "%s/articles.jsonl", adir);
    w->file = path;
    w->table = "articles";
    w->rows = 0;
    int rc = load_articles(w, path);
    finalize_all(w);
    if (rc < 0 || stop_now(w) || tick(w, true)) return -1;
    if (w->opt && w->opt->rest_ready && w->opt->rest_ready(w->opt->rest_ud)) {
        w->stopped = true;                      /* the run failed: roll back */
        return -1;
    }

    static const char *const ent_sql[] = {
        "INSERT INTO entities(id, name, type, code, country, lat, lon) VALUES(?1,?2,?3,?4,?5,?6,?7)",
        "INSERT INTO entity_mentions(entity, article, start, end, text, code) VALUES(?1,?2,?3,?4,?5,?6)",
    };
    static const char *const ev_sql[] = {
        "INSERT INTO events(id, date, date_granularity, event, cameo, quad_class, goldstein,"
        " modality, episode, thread, num_mentions, num_articles, num_sources, location_name,"
        " location_country, lat, lon, json) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,"
        "?14,?15,?16,?17,?18)",
        "INSERT INTO event_actors(event, role, idx, name, code, entity) VALUES(?1,?2,?3,?4,?5,?6)",
        ("INSERT INTO event_mentions(event, idx, article, sentence, start, end, text)"
         " VALUES(?1,?2,?3,?4,?5,?6,?7)"),
    };
    static const char *const story_sql[] = {
        "INSERT INTO stories(id, level, title, first_date, last_date, parent)"
        " VALUES(?1,?2,?3,?4,?5,?6)",
        "INSERT OR IGNORE INTO story_articles(story, article) VALUES(?1, ?2)",
    };
    static const flat_table counts = {"counts", count_keys, 14};
    static const flat_table quotes = {"quotes", quote_keys, 8};
    /* KEEP IN SYNC: these CREATE INDEX statements and migrations[] (the
    ** schema keeps their text). */
    if (load_table(w, dir, "entities.jsonl", "entities",
                   "DROP INDEX entity_mentions_entity; DROP INDEX entity_mentions_article;"
                   "DELETE FROM entities; DELETE FROM entity_mentions;",
                   "CREATE INDEX entity_mentions_entity ON entity_mentions(entity);"
                   "CREATE INDEX entity_mentions_article ON entity_mentions(article);",
                   on_entity, ent_sql, 2) ||
        load_table(w, dir, "events.jsonl", "events",
                   "DROP INDEX event_mentions_article;"
                   "DELETE FROM events; DELETE FROM event_actors; DELETE FROM event_mentions;",
                   "CREATE INDEX event_mentions_article ON event_mentions(article);",
                   on_event, ev_sql, 3) ||
        load_table(w, dir, "stories.jsonl", "stories",
                   "DELETE FROM stories; DELETE FROM story_articles;", NULL, on_story, story_sql, 2) ||
        load_flat(w, dir, "counts.jsonl", &counts) ||
        load_flat(w, dir, "quotes.jsonl", &quotes))
        return -1;
    return 0;
}


int el_store_load(el_store *s, const char *out_dir, const el_store_opts *opt, el_diag *d) {
    writer w = {.s = s, .d = d, .opt = opt};
    /* IMMEDIATE: take the write lock now, so a concurrent writer waits here
    ** rather than failing halfway through. */
    if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        return dberr(s, d, "cannot start the write");
    int rc = load_all(&w, out_dir);
    finalize_all(&w);
    el_buf_free(&w.b);
    if (rc == 0 && sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK) {
        /* Fold the WAL back into the database file so that it does not keep
        ** the size of the largest write; harmless if a reader holds it. */
        sqlite3_exec(s->db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
        return EL_OK;
    }
    if (rc == 0) dberr(s, d, "cannot commit");
    sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    el_reject(d, s->path, 0, "write %s; the database is unchanged",
              w.stopped ? "stopped" : "failed");
    return EL_EINPUT;
}

/* A database that does not exist yet is built as db_path.new with no
** journal at all (nothing to protect: a crash leaves only that file, which
** the next write starts over), switched to WAL, synced, and renamed into
** place. This saves writing every page twice (WAL, then checkpoint). */
static int write_new(const char *out_dir, const char *db_path, const el_store_opts *opt,
                     el_diag *d) {
    char tmp[4200];
    snprintf(tmp, sizeof tmp, "%s.new", db_path);
    remove(tmp);
    el_store *s = open_db(tmp, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, d);
    if (!s) return EL_EINPUT;
    int rc = EL_EINPUT;
    /* 16 KB pages: an article's row (body, raw text, JSON: several KB) fits
    ** in one page instead of an overflow chain, and the B-trees are
    ** shallower; the load writes a few percent less. Only a new database
    ** can choose: an existing one keeps its page size. secure_delete (on in
    ** Debian's SQLite) zeroes freed space so that deleted rows leave no
    ** trace; a database being built has deleted nothing of the user's, so
    ** this connection does without (later ones have the default again). */
    if (sqlite3_exec(s->db, "PRAGMA page_size=16384; PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
                            " PRAGMA cache_size=-65536; PRAGMA secure_delete=OFF;",
                     NULL, NULL, NULL) != SQLITE_OK)
        dberr(s, d, "cannot prepare the database");
    else if (el_store_migrate(s, EL_STORE_VERSION, d) == EL_OK &&
             (rc = el_store_load(s, out_dir, opt, d)) == EL_OK &&
             sqlite3_exec(s->db, "PRAGMA journal_mode=WAL", NULL, NULL, NULL) != SQLITE_OK)
        rc = dberr(s, d, "cannot switch the database to WAL");
    el_store_close(s);
    int fd = rc == EL_OK ? open(tmp, O_RDONLY) : -1;
    if (rc == EL_OK && (fd < 0 || fsync(fd) != 0 || rename(tmp, db_path) != 0)) {
        el_reject(d, db_path, 0, "cannot put the new database in place: %s", strerror(errno));
        rc = EL_EINPUT;
    }
    if (fd >= 0) close(fd);
    if (rc != EL_OK) remove(tmp);
    return rc;
}

int el_store_write(const char *out_dir, const char *db_path, const el_store_opts *opt,
                   el_diag *d) {
    struct stat st;
    if (stat(db_path, &st) != 0 && errno == ENOENT) return write_new(out_dir, db_path, opt, d);
    el_store *s = el_store_open(db_path, true, d);
    if (!s) return EL_EINPUT;
    int rc = el_store_load(s, out_dir, opt, d);
    el_store_close(s);
    return rc;
}

/* ---- Reading ---- */

static const char *col(sqlite3_stmt *st, int i) { return (const char *)sqlite3_column_text(st, i); }

int el_store_each_article(el_store *s, int (*fn)(const el_store_article *a, void *ud), void *ud,
                          el_diag *d) {
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT id, file, content_hash, title, dek, date, date_source,"
                           " date_evidence, outlet, url, language, translated, raw, body, json"
                           " FROM articles ORDER BY seq", -1, &st, NULL) != SQLITE_OK)
        return dberr(s, d, "cannot list articles");
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        el_store_article a = {
            .id = col(st, 0), .file = col(st, 1), .hash = col(st, 2), .title = col(st, 3),
            .dek = col(st, 4), .date = col(st, 5), .date_source = col(st, 6),
            .date_evidence = col(st, 7), .outlet = col(st, 8), .url = col(st, 9),
            .language = col(st, 10),
            .translated = sqlite3_column_type(st, 11) == SQLITE_NULL ? -1 : sqlite3_column_int(st, 11),
            .raw = col(st, 12), .raw_len = (size_t)sqlite3_column_bytes(st, 12),
            .body = col(st, 13), .body_len = (size_t)sqlite3_column_bytes(st, 13),
            .json = col(st, 14),
        };
        if (fn(&a, ud)) { rc = SQLITE_DONE; break; }
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? EL_OK : dberr(s, d, "cannot list articles");
}

int el_store_article_hash(el_store *s, const char *id, char hash[17]) {
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, "SELECT content_hash FROM articles WHERE id = ?1", -1, &st,
                           NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st), found = 0;
    if (rc == SQLITE_ROW) {
        snprintf(hash, 17, "%s", col(st, 0));
        found = 1;
    } else if (rc != SQLITE_DONE) {
        found = -1;
    }
    sqlite3_finalize(st);
    return found;
}

/* ---- Search ---- */

/* A query FTS5 refuses ("U.S.", "al-Sissi", an odd quote) is retried with
** every word quoted: the user meant the words, not the syntax. */
static char *quote_words(const char *q) {
    size_t n = strlen(q);
    char *o = malloc(n * 3 + 3), *p = o;
    if (!o) return NULL;
    for (const char *s = q; *s;) {
        while (*s == ' ' || *s == '\t') s++;
        if (!*s) break;
        if (p != o) *p++ = ' ';
        *p++ = '"';
        for (; *s && *s != ' ' && *s != '\t'; s++) {
            if (*s == '"') *p++ = '"';
            *p++ = *s;
        }
        *p++ = '"';
    }
    *p = '\0';
    return o;
}

static const char search_sql[] =
    "SELECT a.id, a.file, a.title, a.date, a.outlet,"
    " snippet(articles_fts, -1, '[', ']', '...', 16), -bm25(articles_fts, 10.0, 4.0, 1.0) AS score"
    " FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid"
    " WHERE articles_fts MATCH ?1"
    " AND (?2 IS NULL OR a.date >= ?2)"
    /* --to 2024-02 keeps 2024-02-29: compare on the bound's own length. */
    " AND (?3 IS NULL OR substr(a.date, 1, length(?3)) <= ?3)"
    " AND (?4 IS NULL OR a.outlet = ?4 COLLATE NOCASE)"
    /* --actor: the entities named so, coded so, or mentioned so once ("RSF"),
    ** then every article that mentions them, by any of their names. */
    " AND (?5 IS NULL OR a.id IN (SELECT m.article FROM entity_mentions m WHERE m.entity IN"
    "  (SELECT e.id FROM entities e WHERE e.name = ?5 COLLATE NOCASE OR e.code = ?5 COLLATE NOCASE"
    "   UNION SELECT m2.entity FROM entity_mentions m2 WHERE m2.text = ?5 COLLATE NOCASE)))"
    " ORDER BY score DESC, a.id LIMIT ?6";

static long search_once(el_store *s, const char *match, const el_search_q *q,
                        int (*fn)(const el_search_hit *h, void *ud), void *ud, int *rc_out) {
    sqlite3_stmt *st;
    if ((*rc_out = sqlite3_prepare_v2(s->db, search_sql, -1, &st, NULL)) != SQLITE_OK) return -1;
    sqlite3_bind_text(st, 1, match, -1, SQLITE_STATIC);
    const char *opt[] = {q->from, q->to, q->outlet, q->actor};
    for (int i = 0; i < 4; i++)
        if (opt[i] && *opt[i]) sqlite3_bind_text(st, i + 2, opt[i], -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 6, q->limit > 0 ? q->limit : 20);
    long n = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        el_search_hit h = {
            .id = col(st, 0), .file = col(st, 1), .title = col(st, 2), .date = col(st, 3),
            .outlet = col(st, 4), .snippet = col(st, 5), .score = sqlite3_column_double(st, 6),
        };
        n++;
        if (fn && fn(&h, ud)) { rc = SQLITE_DONE; break; }
    }
    sqlite3_finalize(st);
    *rc_out = rc;
    return rc == SQLITE_DONE ? n : -1;
}

long el_store_search(el_store *s, const el_search_q *q,
                     int (*fn)(const el_search_hit *h, void *ud), void *ud, el_diag *d) {
    int rc;
    /* A syntax error shows before the first row, so no hit was passed on yet. */
    long n = search_once(s, q->query, q, fn, ud, &rc);
    if (n >= 0) return n;
    char *quoted = quote_words(q->query);
    if (quoted && *quoted) n = search_once(s, quoted, q, fn, ud, &rc);
    free(quoted);
    if (n < 0) el_reject(d, s->path, 0, "search failed: %s", sqlite3_errmsg(s->db));
    return n;
}
