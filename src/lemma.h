/*
** lemma.h: lemmas from WordNet's word lists, without WordNet's library.
** At start-up we read WordNet's index.* and *.exc files (Debian's
** wordnet-base) and build one map from inflected form to lemma: every
** exception, every regular verb form of every verb, and every regular plural
** of every noun of three letters or more. A token's lemma is then one
** lookup. Verb readings win ("meeting" -> "meet", "talks" -> "talk") since
** the event coder reads verbs; nouns keep their own lemma otherwise.
** The map is read-only after loading and safe to share between threads.
*/
#ifndef EL_LEMMA_H
#define EL_LEMMA_H
#include <stddef.h>
#include <stdint.h>
#include "arena.h"
#include "diag.h"

typedef struct el_lexicon el_lexicon;

/* Load from dir (NULL: $EL_WORDNET, else /usr/share/wordnet). Returns NULL
** and says why on d when the files are missing; callers then lower-case. */
el_lexicon *el_lexicon_load(el_arena *a, const char *dir, el_diag *d);
/* Lemma of the lower-case word w[0..n): a pointer into the lexicon and its
** length, or NULL when w is its own lemma. */
const char *el_lemma(const el_lexicon *lex, const char *w, size_t n, size_t *len);
/* The same with h = el_hash(w, n) already known. */
const char *el_lemma_h(const el_lexicon *lex, const char *w, size_t n, uint64_t h, size_t *len);
size_t el_lexicon_size(const el_lexicon *lex);
/* Is w (lower case) a lemma in WordNet's lists for pos 'n','v','a','r'? */
int el_lexicon_is_word(const el_lexicon *lex, const char *w, size_t n, char pos);
/* The same with h = el_hash(w, n) already known (a token's lemma_h). */
int el_lexicon_is_word_h(const el_lexicon *lex, const char *w, size_t n, uint64_t h, char pos);

#endif
