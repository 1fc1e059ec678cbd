/*
** store.h: stage 7, the SQLite database of a run (one file, WAL mode).
** In:  the JSON Lines files `eventline run` writes into its output folder
**      (articles, entities, events, stories, counts, quotes .jsonl).
** Out: their rows in the database, written in ONE transaction; a reader of
**      the stored articles for incremental runs; full-text search (FTS5).
** Never break: a write either commits whole or leaves the previous content
** (a run killed at any moment included). Schema and versions: docs/SCHEMA.md.
*/
#ifndef EL_STORE_H
#define EL_STORE_H
#include <stdbool.h>
#include <stdint.h>
#include <sqlite3.h>
#include "diag.h"

/* The schema this build writes. KEEP IN SYNC: migrations[] in store.c and
** docs/SCHEMA.md. */
#define EL_STORE_VERSION 4

typedef struct el_store el_store;      /* an open database; store.c */

typedef struct el_store_opts {
    /* Called after every 1024 rows of a table and once at its end. A nonzero
    ** return stops the write, which rolls back: nothing changes. NULL: none. */
    int (*progress)(void *ud, const char *table, long rows);
    void *ud;
    /* Delete stored articles that articles.jsonl does not list. Default
    ** (false): an article once stored stays, so nothing is ever lost. */
    bool prune;
    /* A run that has written articles.jsonl but not yet its other files:
    ** articles are read from articles_dir (NULL: out_dir) and indexed, then
    ** rest_ready() is called, inside the same transaction, and waited for;
    ** it returns nonzero when the other files will not come, which rolls
    ** the write back. So the heaviest table loads while the run still
    ** links and compares. NULL: the files are all there. */
    const char *articles_dir;
    int (*rest_ready)(void *ud);
    void *rest_ud;
} el_store_opts;

/* Load the JSON Lines files of out_dir into the database at db_path
** (created, or migrated to EL_STORE_VERSION, as needed), in one
** transaction. Articles are upserted by id (unchanged ones are not
** rewritten); the run-wide tables (entities, events, stories, counts,
** quotes and their children) are replaced by the files' content; a file
** that is absent leaves its tables as they were. Writing the same files
** twice gives the same content. opt may be NULL.
** Bad lines are reported to d as FILE:LINE and skipped; the rest commits.
** Returns EL_OK, or EL_EINPUT when the database could not be written (the
** reason reported to d; the database is unchanged). */
int el_store_write(const char *out_dir, const char *db_path, const el_store_opts *opt,
                   el_diag *d);

/* Open a database. write: create it when absent and migrate it to
** EL_STORE_VERSION; else read-only, and it must exist. NULL on failure
** (reported). Close with el_store_close (NULL is fine). */
/* SQLite's process-wide settings, set once by main before any database is
** opened or any thread started: memory statistics off (kept, they take one
** global mutex on every SQLite allocation, which the run's store thread and
** the readers beside it would share). Harmless to skip. */
void el_store_process_init(void);

el_store *el_store_open(const char *db_path, bool write, el_diag *d);
void      el_store_close(el_store *s);
/* el_store_write on an open (writable) store. */
int       el_store_load(el_store *s, const char *out_dir, const el_store_opts *opt, el_diag *d);
sqlite3  *el_store_db(el_store *s);           /* the connection, for exports and tests */
int       el_store_version(el_store *s);      /* PRAGMA user_version */
/* Upgrade the schema step by step up to to_version (<= EL_STORE_VERSION),
** each step in its own transaction. A fresh database starts at 0. Returns
** EL_OK or EL_EINPUT (reported; the step that failed is rolled back). */
int       el_store_migrate(el_store *s, int to_version, el_diag *d);

/* ---- Reading stored articles back (incremental runs) ---- */

/* One stored article. Strings are NUL-terminated, NULL when absent, and
** valid only during the callback. */
typedef struct el_store_article {
    const char *id, *file;
    const char *hash;             /* content hash: 16 hex digits, XXH3-64 of raw (or body) */
    const char *title, *dek, *date, *date_source, *date_evidence;
    const char *outlet, *url, *language;
    int translated;               /* 1, 0, or -1 unknown */
    const char *raw;              /* the text as read, when the run stored it */
    size_t raw_len;
    const char *body;             /* the cleaned body (offsets point into it) */
    size_t body_len;
    const char *json;             /* the articles.jsonl object less body and raw */
} el_store_article;

/* Call fn for each stored article, in order of first storage. fn returns
** nonzero to stop. Returns EL_OK, or EL_EINPUT on a database error. */
int el_store_each_article(el_store *s, int (*fn)(const el_store_article *a, void *ud), void *ud,
                          el_diag *d);
/* Content hash of the stored article id into hash (17 bytes with the NUL).
** Returns 1 when stored, 0 when not, -1 on a database error. */
int el_store_article_hash(el_store *s, const char *id, char hash[17]);
/* The content hash eventline stores: XXH3-64 of the bytes, 16 hex digits. */
void el_store_hash(const void *p, size_t n, char hash[17]);

/* ---- Full-text search ---- */

typedef struct el_search_q {
    const char *query;            /* FTS5 syntax; plain words work (see store.c) */
    const char *from, *to;        /* article dates YYYY-MM-DD, inclusive; NULL: open */
    const char *actor;            /* an entity name or a mention's text, any case */
    const char *outlet;           /* any case */
    long limit;                   /* <= 0: 20 */
} el_search_q;

typedef struct el_search_hit {
    const char *id, *file, *title, *date, *outlet;
    const char *snippet;          /* body excerpt, matches in [brackets] */
    double score;                 /* -bm25(): higher is better */
} el_search_hit;

/* Run q, best first (ties by article id), calling fn per hit (strings valid
** during the call). Returns the number of hits, or -1 (reported) on a
** database error or a query FTS5 cannot read even quoted. */
long el_store_search(el_store *s, const el_search_q *q,
                     int (*fn)(const el_search_hit *h, void *ud), void *ud, el_diag *d);

#endif
