/*
** dict.h: the actor, place and media dictionary, and its token matcher.
** In:  our block files and gazetteer (data/dict, FORMAT.md there), the
**      built-in titles, and any --dict PATH: ours, TABARI or PETRARCH/Phoenix
**      (dict_import.c), in that order of priority.
** Out: entries (who: code, type, country, dated roles, coordinates) and
**      aliases in a token trie keyed by folded token text, so that recognition
**      is one hash probe per token (annotate_actor.c).
** Built once per run, then read-only: safe to share between threads. Faulty
** lines of our files are rejected as FILE:LINE, of imported ones warned.
*/
#ifndef EL_DICT_H
#define EL_DICT_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "el_int.h"

#define EL_NONE UINT32_MAX

/* KEEP IN SYNC: el_ent_type_names[] in dict.c and the "type" of PRODUCT.md. */
typedef enum el_ent_type {
    EL_ENT_PERSON, EL_ENT_ORG, EL_ENT_COUNTRY, EL_ENT_PLACE, EL_ENT_MEDIA, EL_ENT_GROUP,
    EL_ENT_AGENT,               /* a role noun ("troops"); never an entity of its own */
    EL_ENT__COUNT
} el_ent_type;
extern const char *const el_ent_type_names[EL_ENT__COUNT];

/* Where an entry came from; lower wins when two aliases match the same text. */
enum { EL_SRC_OURS, EL_SRC_GAZETTEER, EL_SRC_BUILTIN, EL_SRC_IMPORT };

/* Kinds of agent (entry->sub when type is EL_ENT_AGENT). */
enum {
    EL_AGENT_ROLE,              /* agents.txt or imported: "prime minister" GOV */
    EL_AGENT_HONORIFIC,         /* Mr., Dr., Sheikh: a person, no role */
    EL_AGENT_RANK,              /* Maj., Gen., Col.: a person, MIL */
    EL_AGENT_RELATIVE,          /* chief, head, director: the role of the body named before */
};

enum {                          /* entry->flags */
    EL_ENTRY_BLOCK  = 1 << 0,   /* imported [###]/[---]: consumes its text, yields nothing */
    EL_ENTRY_PREFIX = 1 << 1,   /* imported agent code goes before the actor's ("NGO~") */
};

typedef struct el_role {        /* a dated code: "@ ISRGOV from=.. to=.." */
    const char *code;
    el_date from, to;           /* EL_DATE_UNKNOWN: open */
    const char *role;           /* free text, or NULL */
} el_role;

typedef struct el_entry {
    const char *code;           /* header code ("ISRGOV", agent "MIL"); NULL for a blocker */
    const char *name;           /* canonical name */
    const char *country;        /* ISO alpha-3, or NULL */
    const char *role;           /* role= text of the header, or NULL */
    double lat, lon;            /* NaN when none */
    const el_role *roles;
    uint32_t n_roles;
    uint32_t pop;               /* gazetteer population */
    el_date from, to;
    const char *file;           /* where it was defined */
    uint32_t line;
    uint8_t type;               /* el_ent_type */
    uint8_t src;                /* EL_SRC_* */
    uint8_t sub;                /* agents: EL_AGENT_*; places: 1 when a capital */
    uint8_t flags;              /* EL_ENTRY_* */
} el_entry;

enum {                          /* alias->kind */
    EL_ALIAS_PLAIN, EL_ALIAS_METONYM, EL_ALIAS_BACKREF,
};
enum {                          /* alias->cased: which text casings match */
    EL_CASE_ANY,                /* lower-case alias: any casing */
    EL_CASE_EXACT,              /* alias with a capital: exactly this casing */
    EL_CASE_CAPS,               /* imported upper-case name: words must be capitalised */
};
enum {                          /* alias->flags */
    EL_ALIAS_PLURAL = 1 << 0,   /* agent alias that names many ("officials") */
    EL_ALIAS_WEAK   = 1 << 1,   /* gazetteer or single-word import: a name may override it */
    EL_ALIAS_COMMON = 1 << 2,   /* one word that is also an English word: not sentence-first */
    EL_ALIAS_STEM   = 1 << 3,   /* has a TABARI stem word (prefix match) */
};

typedef struct el_alias {
    const char *toks;           /* n_tok normalised tokens, each NUL-terminated, in a row */
    uint32_t entry;
    uint32_t next;              /* next alias ending at the same trie node, or EL_NONE */
    uint8_t n_tok, kind, cased, flags;
} el_alias;

/* One token of text as the matcher sees it (annotate_actor.c fills these). */
typedef struct el_dict_tok {
    uint64_t h;                 /* el_dict_fold()ed text, hashed with el_hash */
    const char *fold;           /* folded text (for TABARI stems) */
    uint16_t fold_len;
} el_dict_tok;

typedef struct el_dict_hit { uint32_t end; uint32_t alias; } el_dict_hit;   /* end: token after */

typedef struct el_dict el_dict;

/* ---- Loading ---- */

/* Load data_dir/dict (our block files, then the gazetteer), the built-in
** titles, then each extra path (a file or a folder; format detected). lex
** (may be NULL) marks one-word names that are English words. verbose: one
** report line per file. Returns NULL only when out of memory; unreadable
** paths are rejected on d and the rest is loaded. */
el_dict *el_dict_open(const char *data_dir, const char *const *extra, int n_extra,
                      const el_lexicon *lex, bool verbose, el_diag *d);
void     el_dict_free(el_dict *D);                 /* NULL is fine */
/* Load the dictionary into e->dict unless already there (commands that
** need actors call this; `articles` does not pay for it). EL_OK or EL_ENOMEM. */
int      el_engine_load_dict(el_engine *e, el_diag *d);

/* Load one file or folder of any supported format into D. EL_OK, or
** EL_EINPUT when the path cannot be read (already reported). */
int      el_dict_load_path(el_dict *D, const char *path, bool verbose, el_diag *d);

/* ---- Reading ---- */

size_t          el_dict_n_entries(const el_dict *D);
bool            el_dict_has_stems(const el_dict *D);   /* el_dict_tok.fold needed */
const el_entry *el_dict_entry(const el_dict *D, uint32_t i);
const el_alias *el_dict_alias(const el_dict *D, uint32_t i);
size_t          el_dict_n_aliases(const el_dict *D);
/* The code of entry i at date t: the first role line covering t, else the
** header code (also when t is EL_DATE_UNKNOWN). NULL for a blocker. */
const char     *el_dict_code_at(const el_dict *D, uint32_t i, el_date t);
/* Entry of the country with ISO code iso (3 bytes), or EL_NONE. */
uint32_t        el_dict_country(const el_dict *D, const char *iso);
/* Entry whose canonical name or plain alias folds to name[0..n) (ours
** first), or EL_NONE. */
uint32_t        el_dict_find(const el_dict *D, const char *name, size_t n);

/* People whose canonical name ends in the folded word fold[0..n) ("brown"):
** the first entry, then el_dict_surname_next() until EL_NONE. */
uint32_t        el_dict_surname(const el_dict *D, const char *fold, size_t n);
uint32_t        el_dict_surname_next(const el_dict *D, uint32_t entry);

/* Every alias match starting at toks[i], shortest first (at equal length,
** TABARI stems before exact words): up to max hits, never past toks[lim).
** Returns the number of hits. */
/* May an alias start with a word of this hash? false means el_dict_match()
** finds nothing at it (a filter: true may still find nothing). */
bool el_dict_may_start(const el_dict *D, uint64_t h);
size_t el_dict_match(const el_dict *D, const el_dict_tok *toks, size_t i, size_t lim,
                     el_dict_hit *out, size_t max);

/* Fold token text for matching: ASCII and Unicode lower case (when lower),
** typographic apostrophes to ', hyphen variants to -, and a final period
** of a word dropped ("Gen." = "Gen"). Writes at most cap bytes to out and
** returns the length, or 0 when it does not fit. */
size_t el_dict_fold(const char *s, size_t n, char *out, size_t cap, bool lower);

/* ---- Building (dict.c, used by dict_import.c) ---- */

/* A new zeroed entry (lat/lon NaN, dates open); the pointer is valid until the
** next call. NULL on ENOMEM. */
el_entry *el_dict_add_entry(el_dict *D, uint32_t *idx);
/* Tokenise text as segment.c would and add it for entry; a \x01 byte after
** a word marks it as a TABARI stem (it matches any word it begins). Returns
** 0, 1 when the alias has no token (or too many), -1 on ENOMEM. */
int   el_dict_add_alias(el_dict *D, uint32_t entry, const char *text, size_t n,
                        int kind, int cased, int flags);
char *el_dict_strdup(el_dict *D, const char *s, size_t n);
void *el_dict_alloc(el_dict *D, size_t n);
/* Is w (one word, any case) an English word in the lexicon? */
bool el_dict_common_word(const el_dict *D, const char *w, size_t n);
/* Interned copy of a code ("ISRGOV"), so equal codes share one pointer. */
const char *el_dict_code(el_dict *D, const char *s, size_t n);

/* Importers (dict_import.c). Each returns EL_OK or EL_EINPUT (unreadable). */
int el_dict_import_actors(el_dict *D, const char *path, bool tabari, bool verbose, el_diag *d);
int el_dict_import_agents(el_dict *D, const char *path, bool tabari, bool verbose, el_diag *d);
/* What a file looks like: 0 unknown, 1 ours, 2 actors, 3 agents; *tabari
** set for TABARI (stemming) rather than PETRARCH (exact words). */
int el_dict_sniff(const char *path, bool *tabari);

#endif
