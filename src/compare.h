/*
** compare.h: across the articles of a set, where counts agree or differ and
** which quotes are one statement.
** In:  documents after the count and quote stages, added one at a time
**      (el_cmp_add_doc copies what it needs, so the doc may then be reset).
** Out: count comparisons (agree / compatible / changed over time /
**      conflicting, with the articles and outlets on each side) and a
**      statement id per quote, shared by quotes that say the same thing in
**      different outlets or translations.
** Memory: a few hundred bytes per count and quote, in the set's own arena.
** Work: linear in the set. Candidate pairs come from bounded windows (a
** sort by size for counts, the nearest earlier quotes sharing a word), and a
** comparison holds at most EL_CMP_SIDES_MAX counts, so no loop is quadratic
** in the size of a story, however many outlets reprint it.
*/
#ifndef EL_COMPARE_H
#define EL_COMPARE_H
#include <stddef.h>
#include <stdint.h>
#include "buf.h"
#include "annotate_quote.h"
#include "el_int.h"
#include "link.h"

typedef struct el_cmp el_cmp;      /* opaque; compare.c */

/* KEEP IN SYNC: verdict_names[] in compare.c. */
typedef enum el_verdict {
    EL_VERDICT_AGREE, EL_VERDICT_COMPATIBLE, EL_VERDICT_CHANGED, EL_VERDICT_CONFLICTING
} el_verdict;

/* One figure in a comparison: a count as one article gave it. */
typedef struct el_cmp_side {
    const char *article, *outlet;   /* outlet may be NULL */
    const char *date;               /* the count's date, may be NULL */
    uint32_t sentence, start, end;
    const char *text;               /* the count phrase */
    const char *figure;             /* the figure alone: "some 1,500" */
    double value, min, max;         /* NAN when absent */
    int qual;                       /* el_qual */
    const char *attribution;        /* NULL when none */
    const char *source;             /* the attribution's source alone */
} el_cmp_side;

typedef struct el_comparison {
    int verdict;                    /* el_verdict */
    int kind;                       /* el_count_kind */
    const char *subject;            /* the group counted, from the first side */
    const char *summary;            /* "134 on 2024-02-14, some 130 on 2024-03-30" */
    el_cmp_side *sides;
    size_t n_sides;                 /* 2 or more, ordered by date then article */
} el_comparison;

el_cmp *el_cmp_new(void);                 /* NULL when out of memory */
void    el_cmp_free(el_cmp *c);           /* NULL is fine */

/* Copy doc's counts and quotes into the set. group, when not NULL, limits
** comparisons to documents of the same group (a thread); NULL: one group.
** Returns EL_OK or EL_ENOMEM. */
int el_cmp_add_doc(el_cmp *c, const el_doc *doc, const char *group);

/* Sides a comparison holds at most: counts linked past it start another
** comparison (a reader compares a few dozen figures, not thousands). */
#define EL_CMP_SIDES_MAX 64

/* After linking, limit comparisons and statements to documents of one
** thread: document d (0-based, in the order added) is article d of L. Does
** nothing when L does not hold the same number of articles. */
void el_cmp_group_by_thread(el_cmp *c, const el_linker *L);

/* Compare the counts of the set. *out points into the set (valid until
** el_cmp_free); returns the number of comparisons. Call once. */
size_t el_cmp_counts(el_cmp *c, el_comparison **out);

/* Link the quotes of the set into statements (see compare.c for the
** measure and its threshold) and return the number of quotes kept. */
size_t el_cmp_statements(el_cmp *c);
/* Quote i of the set, in the order added, with its statement id (quotes of
** one statement share the id of its first quote; -1 before linking). */
const el_quote *el_cmp_quote(const el_cmp *c, size_t i, const char **article,
                             const char **text, long *statement);

const char *el_verdict_name(int v);
void el_write_comparison(el_buf *b, const el_comparison *x, size_t id);

#endif
