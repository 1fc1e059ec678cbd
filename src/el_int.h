/*
** el_int.h: the structures the stages share.
** A document (el_doc) flows read -> clean -> segment -> annotate -> code ->
** link -> store; each stage fills its part and leaves the rest alone. All of a
** doc's memory is in doc->a, reset after the doc is written. The engine
** (el_engine) holds what lives for the whole run (options, lexicons) and is
** read-only while documents flow, so stages may run on several threads.
** Offsets are byte offsets into doc->body (UTF-8) unless a field says raw.
*/
#ifndef EL_INT_H
#define EL_INT_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "arena.h"
#include "date.h"
#include "diag.h"

#define EL_OK      0
#define EL_ENOMEM  (-1)   /* the arena failed */
#define EL_EINPUT  (-2)   /* the input was rejected (already reported) */

#define EL_ASSERT(c) do { if (!(c)) el_assert_fail(#c, __FILE__, __LINE__); } while (0)
_Noreturn void el_assert_fail(const char *what, const char *file, int line);

typedef struct el_span { uint32_t start, end; } el_span;

/* Kinds of page debris. KEEP IN SYNC: el_debris_names[] in clean.c. */
typedef enum el_debris {
    EL_DEBRIS_CAPTION, EL_DEBRIS_CREDIT, EL_DEBRIS_WIRE_SLUG, EL_DEBRIS_GALLERY,
    EL_DEBRIS_ALT_TEXT, EL_DEBRIS_SOCIAL, EL_DEBRIS_COMMENTS, EL_DEBRIS_NAVIGATION,
    EL_DEBRIS_SIGNATURE, EL_DEBRIS_CONTRIBUTOR, EL_DEBRIS_BYLINE, EL_DEBRIS_FRAGMENT,
    EL_DEBRIS__COUNT
} el_debris;
extern const char *const el_debris_names[EL_DEBRIS__COUNT];

typedef struct el_removed {
    const char *text;           /* the line as it stood, NUL-terminated */
    uint32_t len;
    uint32_t raw_line;          /* 1-based line in the article's raw text */
    uint16_t repeat;            /* 2 when the same line stood twice in a row */
    uint8_t kind;               /* el_debris */
} el_removed;

/* Token flags. */
enum {
    EL_TOK_WORD   = 1 << 0,   /* letters (may hold digits, ' and -) */
    EL_TOK_NUM    = 1 << 1,   /* starts with a digit: 1,500  1.4  2024-02-13 */
    EL_TOK_PUNCT  = 1 << 2,
    EL_TOK_CAP    = 1 << 3,   /* first letter upper case */
    EL_TOK_UPPER  = 1 << 4,   /* all letters upper case, more than one */
    EL_TOK_ABBR   = 1 << 5,   /* a known abbreviation with its period: Gen. U.S. */
    EL_TOK_QUOTE  = 1 << 6,   /* a quotation mark, straight or curly */
    EL_TOK_POSS   = 1 << 7,   /* a possessive 's or ’s, split off the word */
    EL_TOK_SSTART = 1 << 8,   /* first token of its sentence */
    EL_TOK_NONASCII = 1 << 9, /* holds a byte outside ASCII */
};

typedef struct el_token {
    uint32_t start, end;        /* into body */
    const char *lemma;          /* lower-case lemma, lemma_len bytes, NOT NUL-terminated
                                ** (it may point into body); never NULL */
    uint16_t lemma_len;
    uint16_t flags;             /* EL_TOK_* */
    uint32_t para;              /* paragraph index */
    uint64_t lemma_h;           /* el_hash(lemma): coder, comparer and linker look it up */
} el_token;

typedef struct el_sent {
    uint32_t start, end;        /* into body */
    uint32_t tok, n_tok;        /* its tokens: doc->toks[tok .. tok+n_tok) */
    uint32_t para;
} el_sent;

typedef enum el_date_source {
    EL_DATE_NONE, EL_DATE_HEADER, EL_DATE_META, EL_DATE_INFERRED
} el_date_source;

typedef struct el_doc {
    el_arena *a;
    const char *file;           /* path as given, for FILE:LINE */
    const char *base;           /* base name of file */
    long line;                  /* 1-based line of the record (JSON Lines), else 1 */
    long seq;                   /* order in the run, from 0 */
    /* Set by read (from the input and --meta), some completed by clean. */
    const char *id, *title, *dek, *outlet, *url, *language;
    int translated;             /* 1, 0, or -1 when unknown */
    bool text_format;           /* seed-format plain text (title/dek lines) */
    el_date date;               /* EL_DATE_UNKNOWN when none */
    el_date_source date_source;
    const char *date_evidence;
    el_date header_date;        /* what the text's own header said, if anything */
    const char *raw;            /* valid UTF-8, NFC, no NUL; before cleaning */
    size_t raw_len;
    /* Set by clean. */
    char *body;                 /* kept paragraphs joined by "\n\n" */
    size_t body_len;
    el_span *paras; size_t n_paras;
    el_removed *removed; size_t n_removed;
    /* Set by segment. */
    el_sent *sents; size_t n_sents;
    el_token *toks; size_t n_toks;
    uint64_t *low_h;            /* per token, el_hash of its text with A-Z lowered
                                ** (what el_ieq compares): the coder's and the
                                ** actor matcher's second key; NULL when unset */
    /* Set by the annotators (stage 4) and the coder (stage 5); each type is
    ** defined in its stage's header (annotate_time.h, annotate_actor.h,
    ** annotate_count.h, annotate_quote.h, code.h). */
    struct el_timex *times; size_t n_times;
    struct el_mention *ments; size_t n_ments;     /* actors, places, media */
    struct el_count *counts; size_t n_counts;
    struct el_quote *quotes; size_t n_quotes;
    struct el_event *events; size_t n_events;
} el_doc;

typedef struct el_lexicon el_lexicon;   /* lemma tables; lemma.c */
typedef struct el_dict el_dict;         /* actors, places, media; dict.c */
typedef struct el_verbs el_verbs;       /* event patterns; code_lexicon.c */

#define EL_MAX_DICTS 16

typedef struct el_options {
    const char *meta_path;      /* --meta manifest, or NULL */
    const char *wordnet_dir;    /* NULL: /usr/share/wordnet or $EL_WORDNET */
    const char *data_dir;       /* our dictionaries; NULL: $EL_DATA, else data/ beside build/ */
    const char *dicts[EL_MAX_DICTS];   /* --dict PATH: extra dictionaries (ours, TABARI, Phoenix) */
    int n_dicts;
    bool progress;              /* progress lines on stderr */
} el_options;

typedef struct el_meta el_meta;         /* a loaded manifest; meta.c */

/* Word-table filters of the count and quote stages (kwfilter.h): each is
** worked out from tables fixed at compile time, so the engine fills them
** once at open and every document reads them. */
typedef struct el_kwfilter {
    uint64_t bits[64];          /* Bloom bits over length and two letters at each end */
    uint16_t first[32][16];     /* by first letters: the word lengths present (15: longer) */
} el_kwfilter;
typedef struct el_frame_filter {   /* attribution frames (annotate_quote.c) */
    el_kwfilter cue, bound, between, noun;
} el_frame_filter;
typedef struct el_word_filters {
    el_kwfilter num, unit, cue; /* annotate_count.c: number starts, units, kind cues */
    el_kwfilter roles;          /* annotate_quote.c: roles and titles */
    el_frame_filter frames;     /* annotate_quote.c, read by both */
} el_word_filters;

typedef struct el_engine {
    el_options opt;
    el_lexicon *lex;            /* may be NULL: lemmas are then lower-cased words */
    el_meta *meta;              /* may be NULL */
    el_dict *dict;              /* may be NULL until a command needs actors */
    el_verbs *verbs;            /* may be NULL until a command codes events */
    uint32_t time_heads[2][11]; /* annotate_time.c's word filter (el_time_heads) */
    el_word_filters words;      /* el_count_filters, el_quote_filters */
    el_arena *a;                /* run-lifetime memory */
} el_engine;

/* The word filters a stage reads: the engine's, or with no engine (unit
** tests) a set filled in arena a; NULL when a runs out. engine.c. */
const el_word_filters *el_word_filters_of(const el_engine *e, el_arena *a);
void el_word_filters_fill(el_word_filters *w);

/* Stages. Each returns EL_OK or an EL_E* code; bad input goes to the diag. */
int  el_clean_doc(el_doc *doc, el_diag *d);
int  el_segment_doc(const el_engine *e, el_doc *doc, el_diag *d);

#endif
