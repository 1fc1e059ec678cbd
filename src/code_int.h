/*
** code_int.h: what code.c and code_lexicon.c share: the compiled form of
** an event pattern (data/verbs/FORMAT.md) and the lexicon that indexes
** patterns by their head lemma.
*/
#ifndef EL_CODE_INT_H
#define EL_CODE_INT_H
#include "code.h"
#include "strmap.h"
#include "textutil.h"

#define PAT_MAX_ITEMS 12
#define PAT_MAX_ALTS 6

typedef enum { ITEM_WORD, ITEM_GAP, ITEM_TGT } item_kind;

typedef struct pat_item {
    item_kind kind;
    uint8_t n_alt;
    const char *alt[PAT_MAX_ALTS];      /* lower-case words */
    uint8_t alt_len[PAT_MAX_ALTS];
    uint64_t alt_h[PAT_MAX_ALTS];       /* el_hash of each: tested against a token's
                                        ** lemma_h and low_h, no bytes compared */
} pat_item;

typedef struct el_pattern {
    /* First, what the coder reads of every pattern it tries: most fail at
    ** their first word, which can be told from here without touching the
    ** items (w0h, tested against the next token's lemma_h and low_h). */
    struct el_pattern *next;            /* the next pattern with the same head */
    uint64_t w0h;                       /* first item's one word, el_hash; 0: no such test */
    const char *text;                   /* the line as written, for explanation */
    const char *src;                    /* "FILE:LINE" */
    const el_code_info *code;
    bool noun;
    uint8_t n_items;                    /* items after the head */
    uint8_t n_words;                    /* words in all: longer is more specific */
    pat_item item[PAT_MAX_ITEMS];
} el_pattern;

/* A pattern as the coder's scan sees it: its first-word hash beside it, so
** that trying a head's patterns reads one array, not every pattern. */
#define PAT_NO_NEED 0xFF
typedef struct el_patref {
    uint64_t w0h;                       /* p->w0h */
    const struct el_pattern *p;
    /* Its first word item: one of its words must be in the sentence. Their
    ** places in the sentence filter (code.c: each word's hash >> 54) are
    ** kept here, so the test reads the array being scanned, not the item. */
    uint8_t n_need;                     /* PAT_NO_NEED: it has no word item */
    uint16_t need_bit[PAT_MAX_ALTS];
} el_patref;

/* Everything the coder asks of one word, found with one lookup. */
typedef struct el_lexent {
    const struct el_pattern *verb;      /* patterns headed by it as a verb, longest first */
    const struct el_pattern *noun;      /* ... as an event noun */
    const el_patref *verbs, *nouns;     /* the two lists above as arrays, same order */
    uint32_t n_verbs, n_nouns;
    uint32_t cls;                       /* word-class bits (code.c) */
} el_lexent;

struct el_verbs {
    el_arena *a;
    el_strmap *codes;                   /* "046" -> el_code_info */
    el_strmap *verb_heads;              /* lemma -> first el_pattern */
    el_strmap *noun_heads;
    el_strmap *classes;                 /* word -> word-class bits (code.c) */
    el_strmap *lex;                     /* word -> el_lexent: the three above in one */
    const struct el_pattern *must;      /* the built-in "X said Y must" pattern, or NULL */
    size_t n_patterns;
};

int el_code_classes_build(el_verbs *v);
int el_code_lex_build(el_verbs *v);

#endif
