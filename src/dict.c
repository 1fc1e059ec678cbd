/*
** dict.c: our dictionary format and the gazetteer, into entries and a
** token trie; the trie's lookup for the matcher.
** In:  data/dict/ *.txt (block format, FORMAT.md there) and *.tsv
**      (gazetteer), built-in titles, then --dict paths (dict_import.c).
** Out: an el_dict: entries, aliases, and a trie whose edges are (parent node,
**      folded token hash) pairs in one open-addressing table.
** Aliases are tokenised the way segment.c tokenises text; if the two ever
** disagree an alias silently stops matching, so change them together.
*/
#include "buf.h"
#include "dict.h"
#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <utf8proc.h>
#include <xxhash.h>
#include "lemma.h"
#include "strmap.h"
#include "textutil.h"
#include "utf8.h"

/* KEEP IN SYNC with el_ent_type in dict.h. */
const char *const el_ent_type_names[EL_ENT__COUNT] = {
    "person", "organization", "country", "place", "media", "group", "agent",
};

#define STEM_BIT 0x80000000u
#define MAX_TOKS 48

typedef struct node { uint32_t first, last, stem_mask; } node;
typedef struct edge { uint64_t h; uint32_t parent, child; } edge;   /* child 0: empty */

struct el_dict {
    el_arena *a;                /* strings, roles, maps */
    el_entry *ents; size_t n_ents, cap_ents;      /* malloc: they grow large */
    el_alias *als; size_t n_als, cap_als;
    node *nodes; size_t n_nodes, cap_nodes;
    edge *edges; size_t n_edges, cap_edges;       /* power of two */
    el_strmap *names;           /* folded plain alias -> entry + 1 (first wins) */
    el_strmap *codes;           /* interned codes */
    el_strmap *gaz;             /* gazetteer name as written -> entry + 1 */
    el_strmap *isos;            /* ISO alpha-3 -> country entry + 1 */
    const el_lexicon *lex;
    bool failed;                /* out of memory somewhere */
    bool stems;                 /* some alias has a TABARI stem */
    uint64_t *root_bits;        /* bit per hash of a word that starts an alias (ROOT_BITS) */
    el_strmap *surnames;        /* folded last name -> first person entry + 1 */
    uint32_t *sn_next;          /* per entry: next person of the same last name, or EL_NONE */
};

/* Most words start no alias. A bitset of the hashes of those that do (256
** KB, cache-resident) answers "no" without touching the big edge table. */
#define ROOT_BITS (1u << 21)

/* ------------------------------------------------------------------ memory */

void *el_dict_alloc(el_dict *D, size_t n) {
    void *p = el_arena_alloc(D->a, n ? n : 1);
    if (!p) D->failed = true;
    return p;
}

char *el_dict_strdup(el_dict *D, const char *s, size_t n) {
    char *p = el_arena_strndup(D->a, s, n);
    if (!p) D->failed = true;
    return p;
}

const char *el_dict_code(el_dict *D, const char *s, size_t n) {
    const char *k = el_strmap_key(D->codes, s, n);
    if (k) return k;
    if (el_strmap_put(D->codes, s, n, NULL)) { D->failed = true; return NULL; }
    return el_strmap_key(D->codes, s, n);
}

el_entry *el_dict_add_entry(el_dict *D, uint32_t *idx) {
    if (!el_heap_reserve((void **)&D->ents, &D->cap_ents, D->n_ents, sizeof *D->ents, 1024)) {
        D->failed = true;
        return NULL;
    }
    el_entry *e = &D->ents[D->n_ents];
    memset(e, 0, sizeof *e);
    e->lat = e->lon = NAN;
    e->from = e->to = EL_DATE_UNKNOWN;
    *idx = (uint32_t)D->n_ents++;
    return e;
}

/* -------------------------------------------------------------- tokens */

/* Class of the code point at p, as segment.c's char_class(): 0 space,
** 1 word, 2 punctuation. */
static int cclass(const char *p, size_t n, size_t *len, uint32_t *cpo) {
    unsigned char c = (unsigned char)p[0];
    if (c < 0x80) {
        *len = 1;
        *cpo = c;
        if (c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r') return 0;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return 1;
        return 2;
    }
    uint32_t cp;
    *len = (size_t)el_utf8_decode(p, n, &cp);
    *cpo = cp;
    if (cp == 0xAD) return 1;
    if (cp == 0x200B || cp == 0xFEFF) return 0;
    switch (utf8proc_category((utf8proc_int32_t)cp)) {
    case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_CC: case UTF8PROC_CATEGORY_CF:
        return 0;
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME: case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
        return 1;
    default:
        return 2;
    }
}

static bool is_apos(uint32_t cp) { return cp == '\'' || cp == 0x2019; }
static bool is_hyph(uint32_t cp) { return cp == '-' || cp == 0x2010 || cp == 0x2011; }

typedef struct tspan { uint32_t s, e; bool stem; } tspan;

/* Split an alias into tokens as segment.c splits text: words (letters,
** digits, inner hyphens and apostrophes; "'s" at the end split off), a
** period kept on an abbreviation, every other mark alone. A \x01 byte marks
** the token before it as a TABARI stem. Returns the count, 0 when too many. */
static size_t tokenize(const char *s, size_t n, tspan *out, size_t max) {
    size_t i = 0, k = 0;
    while (i < n) {
        if (s[i] == '\x01') { if (k) out[k - 1].stem = true; i++; continue; }
        size_t len;
        uint32_t cp;
        int c = cclass(s + i, n - i, &len, &cp);
        if (c == 0) { i += len; continue; }
        if (k == max) return 0;
        if (c == 2) {
            size_t j = i + len;
            if (cp == '.' || cp == '-') while (j < n && s[j] == (char)cp) j++;
            out[k++] = (tspan){(uint32_t)i, (uint32_t)j, false};
            i = j;
            continue;
        }
        bool num = cp < 0x80 && el_is_digit((int)cp);
        size_t j = i + len;
        while (j < n) {
            size_t l2, l3;
            uint32_t c2, c3;
            int k2 = cclass(s + j, n - j, &l2, &c2);
            if (k2 == 1) { j += l2; continue; }
            if (k2 != 2 || j + l2 >= n) break;
            if (cclass(s + j + l2, n - j - l2, &l3, &c3) != 1) break;
            if (is_hyph(c2)) { j += l2; continue; }
            if (num && (c2 == ',' || c2 == '.' || c2 == ':') && el_is_digit((int)c3)) { j += l2; continue; }
            if (is_apos(c2)) {
                bool s_end = (c3 == 's' || c3 == 'S') &&
                             (j + l2 + 1 >= n || cclass(s + j + l2 + 1, n - j - l2 - 1, &l3, &c3) != 1);
                if (s_end) break;
                j += l2;
                continue;
            }
            break;
        }
        if (!num && j < n && s[j] == '.') {
            size_t q = j;
            if (j - i == 1 && q + 2 < n && el_is_alpha((unsigned char)s[q + 1]) && s[q + 2] == '.') {
                while (q + 2 < n && el_is_alpha((unsigned char)s[q + 1]) && s[q + 2] == '.') q += 2;
                j = q + 1;                                   /* U.S. C.I.A. */
            } else if (j + 1 >= n || s[j + 1] == ' ' || s[j + 1] == '\x01' || s[j + 1] == '\'') {
                j++;                                         /* Gen. Inc. (the fold drops it) */
            }
        }
        out[k++] = (tspan){(uint32_t)i, (uint32_t)j, false};
        i = j;
        if (i < n) {                                         /* the possessive 's alone */
            size_t la, lb;
            uint32_t ca, cb;
            if (cclass(s + i, n - i, &la, &ca) == 2 && is_apos(ca) && i + la < n &&
                (s[i + la] == 's' || s[i + la] == 'S') &&
                (i + la + 1 >= n || cclass(s + i + la + 1, n - i - la - 1, &lb, &cb) != 1)) {
                if (k == max) return 0;
                out[k++] = (tspan){(uint32_t)i, (uint32_t)(i + la + 1), false};
                i += la + 1;
            }
        }
    }
    return k;
}

static size_t put_cp(char *out, size_t k, size_t cap, uint32_t cp) {
    uint8_t b[4];
    utf8proc_ssize_t m = utf8proc_encode_char((utf8proc_int32_t)cp, b);
    if (m <= 0 || k + (size_t)m > cap) return 0;
    memcpy(out + k, b, (size_t)m);
    return k + (size_t)m;
}

size_t el_dict_fold(const char *s, size_t n, char *out, size_t cap, bool lower) {
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            if (k >= cap) return 0;
            out[k++] = (char)(lower ? el_lower(c) : c);
            i++;
            continue;
        }
        uint32_t cp;
        i += (size_t)el_utf8_decode(s + i, n - i, &cp);
        if (cp == 0xAD) continue;                                   /* soft hyphen */
        if (cp == 0x2019 || cp == 0x2018 || cp == 0x02BC || cp == 0x2032) cp = '\'';
        else if (cp == 0x2010 || cp == 0x2011 || cp == 0x2012 || cp == 0x2013 || cp == 0x2212) cp = '-';
        else if (lower) cp = (uint32_t)utf8proc_tolower((utf8proc_int32_t)cp);
        size_t nk = put_cp(out, k, cap, cp);
        if (!nk) return 0;
        k = nk;
    }
    if (k > 1 && out[k - 1] == '.' && out[k - 2] != '.') k--;     /* "Gen." = "Gen" */
    return k;
}

/* ---------------------------------------------------------------- trie */

static size_t slot_of(uint64_t h, uint32_t parent, size_t mask) {
    return (size_t)(h ^ ((uint64_t)parent * 0x9E3779B97F4A7C15ull)) & mask;
}

static uint32_t edge_find(const el_dict *D, uint32_t parent, uint64_t h) {
    if (!D->cap_edges) return EL_NONE;
    size_t mask = D->cap_edges - 1;
    for (size_t i = slot_of(h, parent, mask);; i = (i + 1) & mask) {
        const edge *e = &D->edges[i];
        if (!e->child) return EL_NONE;
        if (e->h == h && e->parent == parent) return e->child;
    }
}

static bool edges_grow(el_dict *D) {
    size_t cap = D->cap_edges ? D->cap_edges * 2 : 1 << 14;
    edge *t = calloc(cap, sizeof *t);
    if (!t) return false;
    for (size_t i = 0; i < D->cap_edges; i++) {
        edge *e = &D->edges[i];
        if (!e->child) continue;
        size_t j = slot_of(e->h, e->parent, cap - 1);
        while (t[j].child) j = (j + 1) & (cap - 1);
        t[j] = *e;
    }
    free(D->edges);
    D->edges = t;
    D->cap_edges = cap;
    return true;
}

static uint32_t new_node(el_dict *D) {
    if (!el_heap_reserve((void **)&D->nodes, &D->cap_nodes, D->n_nodes, sizeof *D->nodes, 1024)) {
        D->failed = true;
        return EL_NONE;
    }
    D->nodes[D->n_nodes] = (node){EL_NONE, EL_NONE, 0};
    return (uint32_t)D->n_nodes++;
}

/* Child of parent under hash h, created when missing; EL_NONE on ENOMEM. */
static uint32_t edge_add(el_dict *D, uint32_t parent, uint64_t h) {
    uint32_t c = edge_find(D, parent, h);
    if (c != EL_NONE) return c;
    if ((D->n_edges + 1) * 2 > D->cap_edges && !edges_grow(D)) { D->failed = true; return EL_NONE; }
    c = new_node(D);
    if (c == EL_NONE) return EL_NONE;
    size_t mask = D->cap_edges - 1, i = slot_of(h, parent, mask);
    while (D->edges[i].child) i = (i + 1) & mask;
    D->edges[i] = (edge){h, parent, c};
    D->n_edges++;
    return c;
}

static bool root_may(const el_dict *D, uint64_t h) {
    return D->root_bits[(h >> 40) % ROOT_BITS / 64] & (1ull << ((h >> 40) % 64));
}

bool el_dict_may_start(const el_dict *D, uint64_t h) { return D->nodes[0].stem_mask || root_may(D, h); }

size_t el_dict_match(const el_dict *D, const el_dict_tok *toks, size_t i, size_t lim,
                     el_dict_hit *out, size_t max) {
    /* Asked at nearly every token, and most start no alias: the root's bit
    ** set answers before any loop (the root has no stems of its own unless
    ** an imported dictionary gave it some). */
    if (i >= lim || (!D->nodes[0].stem_mask && !root_may(D, toks[i].h))) return 0;
    uint32_t buf_a[8], buf_b[8], *act = buf_a, *nxt = buf_b;
    size_t na = 1, nh = 0;
    act[0] = 0;
    for (size_t j = i; j < lim && na; j++) {
        size_t nn = 0;
        /* Stem children first: best_at() reads hits from the last, so at equal
        ** length an exact word beats a TABARI stem. */
        for (size_t a = 0; a < na; a++) {
            uint32_t m = D->nodes[act[a]].stem_mask;
            for (uint32_t L = 1; m && L < 32 && L <= toks[j].fold_len; L++) {
                if (!(m & (1u << L))) continue;
                uint32_t c = edge_find(D, act[a] | STEM_BIT, XXH3_64bits(toks[j].fold, L));
                if (c != EL_NONE && nn < 8) nxt[nn++] = c;
            }
        }
        uint64_t h = toks[j].h;
        for (size_t a = 0; a < na; a++) {
            if (act[a] == 0 && !root_may(D, h)) continue;
            uint32_t c = edge_find(D, act[a], h);
            if (c != EL_NONE && nn < 8) nxt[nn++] = c;
        }
        for (size_t b = 0; b < nn && nh < max; b++)
            if (D->nodes[nxt[b]].first != EL_NONE) out[nh++] = (el_dict_hit){(uint32_t)(j + 1), D->nodes[nxt[b]].first};
        uint32_t *t = act;
        act = nxt;
        nxt = t;
        na = nn;
    }
    return nh;
}

/* ------------------------------------------------------------- aliases */

/* NFC of s when it is not ASCII (dictionary files need not be NFC; text is). */
static char *nfc(const char *s, size_t n, size_t *len) {
    bool ascii = true;
    for (size_t i = 0; i < n; i++) if ((unsigned char)s[i] >= 0x80) { ascii = false; break; }
    if (ascii) return NULL;
    utf8proc_uint8_t *o = NULL;
    utf8proc_ssize_t m = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &o,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (m < 0) { free(o); return NULL; }
    *len = (size_t)m;
    return (char *)o;
}

int el_dict_add_alias(el_dict *D, uint32_t entry, const char *text, size_t n, int kind,
                      int cased, int flags) {
    size_t nl;
    char *norm = nfc(text, n, &nl);
    if (norm) { text = norm; n = nl; }
    tspan sp[MAX_TOKS];
    size_t nt = tokenize(text, n, sp, MAX_TOKS);
    if (!nt || nt > 255) { free(norm); return 1; }
    char key[1024], cbuf[1024];
    size_t kl = 0, cl = 0;
    uint32_t cur = 0;
    bool stem = false;
    for (size_t t = 0; t < nt; t++) {
        const char *w = text + sp[t].s;
        size_t wl = sp[t].e - sp[t].s;
        size_t f = el_dict_fold(w, wl, key + kl, sizeof key - kl - 1, true);
        size_t g = el_dict_fold(w, wl, cbuf + cl, sizeof cbuf - cl - 1, false);
        if (!f || !g) { free(norm); return 1; }
        uint32_t next;
        if (sp[t].stem && f < 32) {
            next = edge_add(D, cur | STEM_BIT, XXH3_64bits(key + kl, f));
            if (next != EL_NONE) D->nodes[cur].stem_mask |= 1u << f;
            stem = D->stems = true;
        } else {
            uint64_t h = XXH3_64bits(key + kl, f);
            if (cur == 0) D->root_bits[(h >> 40) % ROOT_BITS / 64] |= 1ull << ((h >> 40) % 64);
            next = edge_add(D, cur, h);
        }
        if (next == EL_NONE) { free(norm); return -1; }
        cur = next;
        kl += f;
        key[kl++] = ' ';
        cl += g;
        cbuf[cl++] = '\0';
    }
    free(norm);
    kl--;                                                   /* the last space */
    /* The same alias of the same entry twice (imports repeat lines): once. */
    for (uint32_t a = D->nodes[cur].first; a != EL_NONE; a = D->als[a].next)
        if (D->als[a].entry == entry && D->als[a].kind == kind && D->als[a].cased == cased &&
            memcmp(D->als[a].toks, cbuf, cl) == 0)
            return 0;
    if (!el_heap_reserve((void **)&D->als, &D->cap_als, D->n_als, sizeof *D->als, 1024)) { D->failed = true; return -1; }
    char *toks = el_dict_strdup(D, cbuf, cl);
    if (!toks) return -1;
    uint32_t ai = (uint32_t)D->n_als++;
    D->als[ai] = (el_alias){toks, entry, EL_NONE, (uint8_t)nt, (uint8_t)kind, (uint8_t)cased,
                            (uint8_t)(flags | (stem ? EL_ALIAS_STEM : 0))};
    node *nd = &D->nodes[cur];
    if (nd->last == EL_NONE) nd->first = ai;
    else D->als[nd->last].next = ai;
    nd->last = ai;
    const el_entry *e = &D->ents[entry];
    if (kind == EL_ALIAS_PLAIN && e->src == EL_SRC_OURS && !el_strmap_get(D->names, key, kl) &&
        el_strmap_put(D->names, key, kl, (void *)(uintptr_t)(entry + 1)))
        D->failed = true;
    return 0;
}

/* ----------------------------------------------------------- reading */

size_t el_dict_n_entries(const el_dict *D) { return D->n_ents; }
bool el_dict_has_stems(const el_dict *D) { return D->stems; }
const el_entry *el_dict_entry(const el_dict *D, uint32_t i) { return &D->ents[i]; }
const el_alias *el_dict_alias(const el_dict *D, uint32_t i) { return &D->als[i]; }
size_t el_dict_n_aliases(const el_dict *D) { return D->n_als; }

const char *el_dict_code_at(const el_dict *D, uint32_t i, el_date t) {
    const el_entry *e = &D->ents[i];
    if (t != EL_DATE_UNKNOWN)
        for (uint32_t r = 0; r < e->n_roles; r++) {
            const el_role *ro = &e->roles[r];
            if ((ro->from == EL_DATE_UNKNOWN || ro->from <= t) && (ro->to == EL_DATE_UNKNOWN || t <= ro->to))
                return ro->code;
        }
    return e->code;
}

uint32_t el_dict_country(const el_dict *D, const char *iso) {
    void *v = el_strmap_get(D->isos, iso, 3);
    return v ? (uint32_t)(uintptr_t)v - 1 : EL_NONE;
}

uint32_t el_dict_find(const el_dict *D, const char *name, size_t n) {
    tspan sp[MAX_TOKS];
    size_t nt = tokenize(name, n, sp, MAX_TOKS);
    char key[1024];
    size_t kl = 0;
    for (size_t t = 0; t < nt; t++) {
        size_t f = el_dict_fold(name + sp[t].s, sp[t].e - sp[t].s, key + kl, sizeof key - kl - 1, true);
        if (!f) return EL_NONE;
        kl += f;
        key[kl++] = ' ';
    }
    if (!kl) return EL_NONE;
    void *v = el_strmap_get(D->names, key, kl - 1);
    return v ? (uint32_t)(uintptr_t)v - 1 : EL_NONE;
}

/* ------------------------------------------------------ file helpers */

typedef struct lines { char *buf; size_t len, pos; long no; } lines;

static bool read_file(const char *path, lines *L) {
    size_t n = 0;
    char *b = el_path_slurp(path, &n);
    if (!b) return false;
    *L = (lines){b, n, 0, 0};
    return true;
}

/* Next line without its end (CR dropped, trailing blanks trimmed); NULL at EOF. */
static char *next_line(lines *L, size_t *n) {
    if (L->pos >= L->len) return NULL;
    char *s = L->buf + L->pos, *nl = memchr(s, '\n', L->len - L->pos);
    size_t k = nl ? (size_t)(nl - s) : L->len - L->pos;
    L->pos += k + (nl ? 1 : 0);
    L->no++;
    while (k && (s[k - 1] == '\r' || s[k - 1] == ' ' || s[k - 1] == '\t')) k--;
    s[k] = '\0';
    *n = k;
    return s;
}

static bool valid_utf8(const char *s, size_t n) {
    utf8proc_int32_t cp;
    for (size_t i = 0; i < n;) {
        if ((unsigned char)s[i] < 0x80) { i++; continue; }
        utf8proc_ssize_t l = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
        if (l <= 0) return false;
        i += (size_t)l;
    }
    return true;
}

/* "YYYY-MM-DD", "YYYY-MM" or "YYYY"; a partial date is the first day of its
** span, or the last when end. EL_DATE_UNKNOWN when malformed. */
static el_date parse_fdate(const char *s, size_t n, bool end) {
    int y = 0, m = 0, dd = 0;
    if (n == 4 && sscanf(s, "%4d", &y) == 1) {
        return end ? el_date_from_ymd(y, 12, 31) : el_date_from_ymd(y, 1, 1);
    }
    if (n == 7 && s[4] == '-' && sscanf(s, "%4d-%2d", &y, &m) == 2 && m >= 1 && m <= 12)
        return el_date_from_ymd(y, m, end ? el_date_days_in_month(y, m) : 1);
    if (n == 10 && s[4] == '-' && s[7] == '-' && sscanf(s, "%4d-%2d-%2d", &y, &m, &dd) == 3 &&
        el_date_valid_ymd(y, m, dd))
        return el_date_from_ymd(y, m, dd);
    return EL_DATE_UNKNOWN;
}

static bool all_digits(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) if (!el_is_digit((unsigned char)s[i])) return false;
    return n > 0;
}

/* A code: upper-case letters and digits in 3-character segments, 3 to 15. */
static bool good_code(const char *s, size_t n, bool agent) {
    if (agent ? n != 3 : (n < 3 || n > 15 || n % 3)) return false;
    for (size_t i = 0; i < n; i++) if (!el_is_upper((unsigned char)s[i]) && !el_is_digit((unsigned char)s[i])) return false;
    return true;
}

static bool has_upper(const char *s, size_t n) {
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) { if (el_is_upper(c)) return true; i++; continue; }
        uint32_t cp;
        i += (size_t)el_utf8_decode(s + i, n - i, &cp);
        if (utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_LU) return true;
    }
    return false;
}

/* Split s at TABs into at most max fields; returns the count (fields may be empty). */
static int split_tabs(char *s, char **f, size_t *fl, int max) {
    int k = 0;
    char *p = s;
    for (;;) {
        char *t = strchr(p, '\t');
        if (k == max) return max + 1;
        f[k] = p;
        fl[k] = t ? (size_t)(t - p) : strlen(p);
        k++;
        if (!t) return k;
        *t = '\0';
        p = t + 1;
    }
}

/* ------------------------------------------------- our block format */

typedef struct blockfile {
    el_dict *D;
    el_diag *d;
    const char *path;           /* interned */
    uint32_t cur;               /* entry of the open block, or EL_NONE */
    EL_VEC(el_role) roles;      /* of the open block */
    long n_entries, n_aliases, n_bad;
    bool headed;                /* a header line was seen (good or bad) */
} blockfile;

static void bad(blockfile *B, long line, const char *fmt, const char *arg) {
    B->n_bad++;
    el_reject(B->d, B->path, line, fmt, arg ? arg : "");
}

static void close_block(blockfile *B) {
    if (B->cur != EL_NONE && B->roles.n) {
        el_role *r = el_dict_alloc(B->D, B->roles.n * sizeof *r);
        if (r) {
            memcpy(r, B->roles.v, B->roles.n * sizeof *r);
            B->D->ents[B->cur].roles = r;
            B->D->ents[B->cur].n_roles = (uint32_t)B->roles.n;
        }
    }
    B->cur = EL_NONE;
    B->roles.n = 0;
}

static int type_of(const char *s, size_t n) {
    for (int t = 0; t < EL_ENT__COUNT; t++) if (el_ieq(s, n, el_ent_type_names[t]) && memcmp(s, el_ent_type_names[t], n) == 0) return t;
    return -1;
}

static const char *const features[] = {
    "capital", "city", "town", "district", "camp", "region", "crossing", "landmark", "water", NULL,
};

/* Parse "key=value" fields of a header into e; returns NULL or the fault. */
static const char *header_keys(blockfile *B, el_entry *e, char **f, size_t *fl, int nf,
                               bool *has_latlon, const char **feature) {
    unsigned seen = 0;
    bool lat = false, lon = false;
    static const char *const keys[] = {"country", "lat", "lon", "capital", "feature", "from",
                                       "to", "died", "role", "url", NULL};
    for (int i = 3; i < nf; i++) {
        char *eq = memchr(f[i], '=', fl[i]);
        if (!eq || eq == f[i] || eq + 1 == f[i] + fl[i]) return "field is not key=value";
        size_t kn = (size_t)(eq - f[i]), vn = fl[i] - kn - 1;
        const char *v = eq + 1;
        int k = -1;
        for (int j = 0; keys[j]; j++) if (strlen(keys[j]) == kn && memcmp(keys[j], f[i], kn) == 0) k = j;
        if (k < 0) return "unknown key";
        if (seen & (1u << k)) return "key given twice";
        seen |= 1u << k;
        switch (k) {
        case 0:
            if (vn != 3 || !good_code(v, 3, true)) return "country is not an ISO alpha-3 code";
            e->country = el_dict_code(B->D, v, 3);
            break;
        case 1: case 2: {
            char *end;
            double x = strtod(v, &end);
            if (end != v + vn || !isfinite(x) || fabs(x) > (k == 1 ? 90 : 180)) return "bad latitude or longitude";
            if (k == 1) { e->lat = x; lat = true; } else { e->lon = x; lon = true; }
            break;
        }
        case 4: {
            int j = 0;
            while (features[j] && !(strlen(features[j]) == vn && memcmp(features[j], v, vn) == 0)) j++;
            if (!features[j]) return "unknown feature";
            *feature = features[j];
            break;
        }
        case 5: case 6: case 7: {
            el_date t = parse_fdate(v, vn, k != 5);
            if (t == EL_DATE_UNKNOWN) return "bad date (YYYY-MM-DD, YYYY-MM or YYYY)";
            if (k == 5) e->from = t; else if (k == 6) e->to = t;
            break;
        }
        case 8: e->role = el_dict_strdup(B->D, v, vn); break;
        default: break;                                            /* capital, url: kept in the file */
        }
    }
    if (lat != lon) return "lat and lon go together";
    if (e->from != EL_DATE_UNKNOWN && e->to != EL_DATE_UNKNOWN && e->from > e->to) return "from is after to";
    *has_latlon = lat;
    return NULL;
}

static void header_line(blockfile *B, char *s, long line) {
    close_block(B);
    B->headed = true;
    char *p = s + 1;
    while (*p == ' ') p++;
    if (p == s + 1 && *p == '\t') p++;
    char *f[16];
    size_t fl[16];
    int nf = split_tabs(p, f, fl, 15);
    if (nf < 3 || nf > 15) { bad(B, line, "header needs CODE, TYPE and name separated by tabs; block skipped%s", NULL); return; }
    for (int i = 0; i < nf; i++) if (!fl[i]) { bad(B, line, "empty field; block skipped%s", NULL); return; }
    int type = type_of(f[1], fl[1]);
    if (type < 0) { bad(B, line, "unknown type '%s'; block skipped", f[1]); return; }
    if (!good_code(f[0], fl[0], type == EL_ENT_AGENT)) { bad(B, line, "bad code '%s'; block skipped", f[0]); return; }
    uint32_t idx;
    el_entry *e = el_dict_add_entry(B->D, &idx);
    if (!e) return;
    bool ll = false;
    const char *feature = NULL;
    const char *why = header_keys(B, e, f, fl, nf, &ll, &feature);
    if (!why && type == EL_ENT_PLACE && !ll) why = "a place needs lat and lon";
    if (!why && type == EL_ENT_PLACE && !e->country && (!feature || (strcmp(feature, "water") && strcmp(feature, "region"))))
        why = "a place needs a country";
    if (why) {
        B->D->n_ents--;                                   /* drop the entry just added */
        bad(B, line, "%s; block skipped", why);
        return;
    }
    e->code = el_dict_code(B->D, f[0], fl[0]);
    e->name = el_dict_strdup(B->D, f[2], fl[2]);
    e->type = (uint8_t)type;
    e->src = EL_SRC_OURS;
    e->sub = (uint8_t)(feature && !strcmp(feature, "capital"));
    e->file = B->path;
    e->line = (uint32_t)line;
    if (type == EL_ENT_COUNTRY) {
        if (!e->country) e->country = e->code;
        if (el_strmap_put(B->D->isos, f[0], 3, (void *)(uintptr_t)(idx + 1))) B->D->failed = true;
    }
    B->cur = idx;
    B->n_entries++;
    const char *nm = B->D->ents[idx].name;
    if (nm && el_dict_add_alias(B->D, idx, nm, strlen(nm), EL_ALIAS_PLAIN,
                                has_upper(nm, strlen(nm)) ? EL_CASE_EXACT : EL_CASE_ANY,
                                type == EL_ENT_AGENT && el_isuffix(nm, strlen(nm), "s") ? EL_ALIAS_PLURAL : 0) == 1)
        bad(B, line, "canonical name has no word%s", NULL);
}

static void role_line(blockfile *B, char *s, long line) {
    if (B->cur == EL_NONE) return;                        /* in a skipped block */
    char *p = s + 1;
    while (*p == ' ') p++;
    if (p == s + 1 && *p == '\t') p++;
    char *f[8];
    size_t fl[8];
    int nf = split_tabs(p, f, fl, 4);
    if (nf > 4) { bad(B, line, "too many fields in a role line; line skipped%s", NULL); return; }
    bool agent = B->D->ents[B->cur].type == EL_ENT_AGENT;
    if (!good_code(f[0], fl[0], agent)) { bad(B, line, "bad code '%s'; line skipped", f[0]); return; }
    el_role r = {el_dict_code(B->D, f[0], fl[0]), EL_DATE_UNKNOWN, EL_DATE_UNKNOWN, NULL};
    unsigned seen = 0;
    for (int i = 1; i < nf; i++) {
        const char *v = f[i];
        if (!strncmp(v, "from=", 5) && !(seen & 1)) { seen |= 1; r.from = parse_fdate(v + 5, fl[i] - 5, false); if (r.from == EL_DATE_UNKNOWN) goto date; }
        else if (!strncmp(v, "to=", 3) && !(seen & 2)) { seen |= 2; r.to = parse_fdate(v + 3, fl[i] - 3, true); if (r.to == EL_DATE_UNKNOWN) goto date; }
        else if (!strncmp(v, "role=", 5) && !(seen & 4) && fl[i] > 5) { seen |= 4; r.role = el_dict_strdup(B->D, v + 5, fl[i] - 5); }
        else { bad(B, line, "unknown or repeated field '%s'; line skipped", v); return; }
    }
    if (r.from != EL_DATE_UNKNOWN && r.to != EL_DATE_UNKNOWN && r.from > r.to) {
        bad(B, line, "from is after to; line skipped%s", NULL);
        return;
    }
    EL_PUSH(B->D->a, B->roles, r);
    return;
date:
    bad(B, line, "bad date (YYYY-MM-DD, YYYY-MM or YYYY); line skipped%s", NULL);
}

static void alias_line(blockfile *B, char *s, size_t n, long line) {
    if (B->cur == EL_NONE) {
        if (!B->headed) bad(B, line, "alias outside any block; line skipped%s", NULL);
        return;
    }
    int kind = EL_ALIAS_PLAIN;
    if (*s == '~') { kind = EL_ALIAS_METONYM; s++; n--; }
    else if (*s == '?') { kind = EL_ALIAS_BACKREF; s++; n--; }
    else if (*s == '\\') { s++; n--; }
    const char *t = s;
    el_trim(&t, &n);
    if (!n) { bad(B, line, "empty alias; line skipped%s", NULL); return; }
    if (memchr(t, '\t', n)) { bad(B, line, "tab inside an alias; line skipped%s", NULL); return; }
    const el_entry *e = &B->D->ents[B->cur];
    int flags = e->type == EL_ENT_AGENT && el_isuffix(t, n, "s") && !el_isuffix(t, n, "ss") ? EL_ALIAS_PLURAL : 0;
    int rc = el_dict_add_alias(B->D, B->cur, t, n, kind, has_upper(t, n) ? EL_CASE_EXACT : EL_CASE_ANY, flags);
    if (rc == 1) bad(B, line, "alias has no word; line skipped%s", NULL);
    else if (rc == 0) B->n_aliases++;
}

/* Load one file of our block format. EL_OK, or EL_EINPUT when unreadable. */
static int load_ours(el_dict *D, const char *path, bool verbose, el_diag *d) {
    lines L;
    if (!read_file(path, &L)) { el_reject(d, path, 0, "cannot read dictionary: %s", strerror(errno)); return EL_EINPUT; }
    blockfile B = {D, d, el_dict_strdup(D, path, strlen(path)), EL_NONE, {0}, 0, 0, 0, false};
    size_t n;
    char *s;
    while ((s = next_line(&L, &n))) {
        if (L.no == 1 && n >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3)) { s += 3; n -= 3; }
        const char *t = s;
        size_t tn = n;
        el_trim(&t, &tn);
        if (!tn || *t == '#') continue;
        if (!valid_utf8(s, n)) { bad(&B, L.no, "invalid UTF-8; line skipped%s", NULL); continue; }
        if (s[0] == '=' && (s[1] == ' ' || s[1] == '\t')) header_line(&B, s, L.no);
        else if (s[0] == '@' && (s[1] == ' ' || s[1] == '\t')) role_line(&B, s, L.no);
        else alias_line(&B, s, n, L.no);
    }
    close_block(&B);
    free(L.buf);
    if (verbose)
        el_note(d, "dict: %s: ours, %ld entries, %ld aliases, %ld lines skipped\n", path,
                B.n_entries, B.n_aliases, B.n_bad);
    return EL_OK;
}

/* ------------------------------------------------------- gazetteer */

static bool lexicon_word(const el_lexicon *lex, const char *w, size_t n) {
    if (!lex || n >= 64) return false;
    char low[64];
    size_t k = el_dict_fold(w, n, low, sizeof low, true);
    if (!k) return false;
    uint64_t h = el_hash(low, k);
    return el_lexicon_is_word_h(lex, low, k, h, 'n') || el_lexicon_is_word_h(lex, low, k, h, 'v') ||
           el_lexicon_is_word_h(lex, low, k, h, 'a') || el_lexicon_is_word_h(lex, low, k, h, 'r');
}

bool el_dict_common_word(const el_dict *D, const char *w, size_t n) { return lexicon_word(D->lex, w, n); }

static bool one_token(const char *s, size_t n) {
    tspan sp[2];
    return tokenize(s, n, sp, 2) == 1;
}

/* Add name (as written) for gazetteer entry idx unless ours or the gazetteer
** has it already. */
static void gaz_alias(el_dict *D, uint32_t idx, const char *name, size_t n) {
    size_t ml;
    if (n <= 2) return;                               /* "Of", "Un", "Wa": words, not places, in English text */
    if (el_month_at(name, n, &ml, false) && ml == n) return;        /* "March" the town */
    if (el_weekday_at(name, n, &ml, false) >= 0 && ml == n) return;
    if (el_dict_find(D, name, n) != EL_NONE || el_strmap_get(D->gaz, name, n)) return;
    if (el_strmap_put(D->gaz, name, n, (void *)(uintptr_t)(idx + 1))) { D->failed = true; return; }
    int flags = EL_ALIAS_WEAK;
    if (one_token(name, n) && (n <= 3 || lexicon_word(D->lex, name, n))) flags |= EL_ALIAS_COMMON;
    el_dict_add_alias(D, idx, name, n, EL_ALIAS_PLAIN, has_upper(name, n) ? EL_CASE_EXACT : EL_CASE_ANY, flags);
}

static int load_gazetteer(el_dict *D, const char *path, bool verbose, el_diag *d) {
    lines L;
    if (!read_file(path, &L)) { el_reject(d, path, 0, "cannot read gazetteer: %s", strerror(errno)); return EL_EINPUT; }
    const char *file = el_dict_strdup(D, path, strlen(path));
    long rows = 0, nbad = 0;
    size_t n;
    char *s;
    while ((s = next_line(&L, &n))) {
        if (!n || s[0] == '#') continue;
        char *f[8];
        size_t fl[8];
        int nf = split_tabs(s, f, fl, 5);
        char *e1, *e2;
        double lat = nf == 5 ? strtod(f[2], &e1) : 0, lon = nf == 5 ? strtod(f[3], &e2) : 0;
        if (nf != 5 || !fl[0] || !good_code(f[1], fl[1], true) || e1 != f[2] + fl[2] || e2 != f[3] + fl[3] ||
            fabs(lat) > 90 || fabs(lon) > 180 || !all_digits(f[4], fl[4]) || !valid_utf8(f[0], fl[0])) {
            nbad++;
            el_reject(d, path, L.no, "expected name, ISO alpha-3, lat, lon, population; line skipped");
            continue;
        }
        uint32_t pop = (uint32_t)strtoul(f[4], NULL, 10);
        void *prev = el_strmap_get(D->gaz, f[0], fl[0]);
        if (prev) {                                   /* same name: the most populous wins */
            el_entry *p = &D->ents[(uintptr_t)prev - 1];
            if (p->src == EL_SRC_GAZETTEER && pop > p->pop) {
                p->country = p->code = el_dict_code(D, f[1], 3);
                p->lat = lat; p->lon = lon; p->pop = pop;
                p->line = (uint32_t)L.no;
            }
            continue;
        }
        uint32_t idx;
        el_entry *e = el_dict_add_entry(D, &idx);
        if (!e) break;
        e->code = e->country = el_dict_code(D, f[1], 3);
        e->name = el_dict_strdup(D, f[0], fl[0]);
        e->lat = lat; e->lon = lon; e->pop = pop;
        e->type = EL_ENT_PLACE;
        e->src = EL_SRC_GAZETTEER;
        e->file = file;
        e->line = (uint32_t)L.no;
        rows++;
        gaz_alias(D, idx, f[0], fl[0]);
        /* GeoNames spells with diacritics ("Khān Yūnis"); news mostly without. */
        utf8proc_uint8_t *plain = NULL;
        utf8proc_ssize_t m = utf8proc_map((const utf8proc_uint8_t *)f[0], (utf8proc_ssize_t)fl[0], &plain,
                                          UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_COMPOSE);
        if (m > 0 && ((size_t)m != fl[0] || memcmp(plain, f[0], fl[0])))
            gaz_alias(D, idx, (const char *)plain, (size_t)m);
        free(plain);
    }
    free(L.buf);
    if (verbose) el_note(d, "dict: %s: gazetteer, %ld places, %ld lines skipped\n", path, rows, nbad);
    return EL_OK;
}

/* ------------------------------------------------------ built-in titles */

/* Words that introduce a person's name. They are grammar of news English
** rather than facts, so they live here and not in data/dict: honorifics
** (no role), military ranks (MIL), legislators' titles (LEG), and "relative"
** titles that take the code of the body named before them ("Mossad chief",
** "CIA Director"). A capitalised form matches only capitalised text. */
static const struct { const char *alias; const char *code; uint8_t sub; } titles[] = {
    {"Mr.", NULL, EL_AGENT_HONORIFIC}, {"Mrs.", NULL, EL_AGENT_HONORIFIC},
    {"Ms.", NULL, EL_AGENT_HONORIFIC}, {"Dr.", NULL, EL_AGENT_HONORIFIC},
    {"Prof.", NULL, EL_AGENT_HONORIFIC}, {"Sheikh", NULL, EL_AGENT_HONORIFIC},
    {"Sir", NULL, EL_AGENT_HONORIFIC}, {"Dame", NULL, EL_AGENT_HONORIFIC},
    {"Gen.", "MIL", EL_AGENT_RANK}, {"General", "MIL", EL_AGENT_RANK},
    {"Maj.", "MIL", EL_AGENT_RANK}, {"Major", "MIL", EL_AGENT_RANK},
    {"Lt.", "MIL", EL_AGENT_RANK}, {"Lieutenant", "MIL", EL_AGENT_RANK},
    {"Col.", "MIL", EL_AGENT_RANK}, {"Colonel", "MIL", EL_AGENT_RANK},
    {"Capt.", "MIL", EL_AGENT_RANK}, {"Captain", "MIL", EL_AGENT_RANK},
    {"Brig.", "MIL", EL_AGENT_RANK}, {"Brigadier", "MIL", EL_AGENT_RANK},
    {"Adm.", "MIL", EL_AGENT_RANK}, {"Admiral", "MIL", EL_AGENT_RANK},
    {"Sgt.", "MIL", EL_AGENT_RANK}, {"Sergeant", "MIL", EL_AGENT_RANK},
    {"Cpl.", "MIL", EL_AGENT_RANK}, {"Cmdr.", "MIL", EL_AGENT_RANK},
    {"Lt. Col.", "MIL", EL_AGENT_RANK}, {"Maj. Gen.", "MIL", EL_AGENT_RANK},
    {"Brig. Gen.", "MIL", EL_AGENT_RANK}, {"Lt. Gen.", "MIL", EL_AGENT_RANK},
    {"Field Marshal", "MIL", EL_AGENT_RANK}, {"Air Marshal", "MIL", EL_AGENT_RANK},
    {"Sen.", "LEG", EL_AGENT_RANK}, {"Rep.", "LEG", EL_AGENT_RANK},
    {"Congressman", "LEG", EL_AGENT_RANK}, {"Congresswoman", "LEG", EL_AGENT_RANK},
    {"MK", "LEG", EL_AGENT_RANK}, {"MP", "LEG", EL_AGENT_RANK},
    {"chief", NULL, EL_AGENT_RELATIVE}, {"head", NULL, EL_AGENT_RELATIVE},
    {"director", NULL, EL_AGENT_RELATIVE}, {"deputy", NULL, EL_AGENT_RELATIVE},
    {"leader", NULL, EL_AGENT_RELATIVE}, {"chairman", NULL, EL_AGENT_RELATIVE},
    {"chairwoman", NULL, EL_AGENT_RELATIVE}, {"chair", NULL, EL_AGENT_RELATIVE},
    {"aide", NULL, EL_AGENT_RELATIVE}, {"aides", NULL, EL_AGENT_RELATIVE},
    {"adviser", NULL, EL_AGENT_RELATIVE}, {"advisers", NULL, EL_AGENT_RELATIVE},
    {"advisor", NULL, EL_AGENT_RELATIVE}, {"advisors", NULL, EL_AGENT_RELATIVE},
    {"secretary", NULL, EL_AGENT_RELATIVE}, {"coordinator", NULL, EL_AGENT_RELATIVE},
    {"representative", NULL, EL_AGENT_RELATIVE}, {"observer", NULL, EL_AGENT_RELATIVE},
    {"observers", NULL, EL_AGENT_RELATIVE}, {"member", NULL, EL_AGENT_RELATIVE},
    {"chief of staff", NULL, EL_AGENT_RELATIVE}, {"director general", NULL, EL_AGENT_RELATIVE},
    {"director-general", NULL, EL_AGENT_RELATIVE}, {"secretary general", NULL, EL_AGENT_RELATIVE},
    {"secretary-general", NULL, EL_AGENT_RELATIVE}, {"deputy head", NULL, EL_AGENT_RELATIVE},
    {"deputy director", NULL, EL_AGENT_RELATIVE}, {"deputy chief", NULL, EL_AGENT_RELATIVE},
    {"undersecretary", NULL, EL_AGENT_RELATIVE}, {"chief executive", NULL, EL_AGENT_RELATIVE},
    {"executive", NULL, EL_AGENT_RELATIVE}, {"chief executive officer", NULL, EL_AGENT_RELATIVE},
};

static void load_titles(el_dict *D) {
    for (size_t i = 0; i < sizeof titles / sizeof *titles; i++) {
        uint32_t idx;
        el_entry *e = el_dict_add_entry(D, &idx);
        if (!e) return;
        const char *a = titles[i].alias;
        e->code = titles[i].code ? el_dict_code(D, titles[i].code, 3) : NULL;
        e->name = a;
        e->type = EL_ENT_AGENT;
        e->src = EL_SRC_BUILTIN;
        e->sub = titles[i].sub;
        e->file = "(built-in titles)";
        size_t n = strlen(a);
        el_dict_add_alias(D, idx, a, n, EL_ALIAS_PLAIN, has_upper(a, n) ? EL_CASE_EXACT : EL_CASE_ANY,
                          el_isuffix(a, n, "s") ? EL_ALIAS_PLURAL : 0);
    }
}

/* ------------------------------------------------------------ folders */

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Sorted names of the regular files in dir ending in suffix (NULL: any);
** malloc'd array of malloc'd paths, NULL-terminated; NULL if unreadable. */
static char **list_dir(const char *dir, const char *suffix) {
    DIR *dp = opendir(dir);
    if (!dp) return NULL;
    size_t n = 0, cap = 16;
    char **v = malloc(cap * sizeof *v);
    for (struct dirent *de; v && (de = readdir(dp));) {
        if (de->d_name[0] == '.') continue;
        if (suffix && !el_isuffix(de->d_name, strlen(de->d_name), suffix)) continue;
        size_t pl = strlen(dir) + strlen(de->d_name) + 2;
        char *p = malloc(pl);
        if (!p) continue;
        snprintf(p, pl, "%s/%s", dir, de->d_name);
        struct stat st;
        if (stat(p, &st) || !S_ISREG(st.st_mode)) { free(p); continue; }
        if (n + 1 >= cap) {
            char **nv = realloc(v, (cap *= 2) * sizeof *v);
            if (!nv) { free(p); break; }
            v = nv;
        }
        v[n++] = p;
    }
    closedir(dp);
    if (!v) return NULL;
    qsort(v, n, sizeof *v, cmp_str);
    v[n] = NULL;
    return v;
}

static void free_list(char **v) {
    for (size_t i = 0; v && v[i]; i++) free(v[i]);
    free(v);
}

/* In a folder only files named for actors or agents, or in our format, are
** read: Phoenix's folder also holds verbs, issues and discards. */
static bool named_for_us(const char *path) {
    const char *b = strrchr(path, '/');
    b = b ? b + 1 : path;
    return el_ifind(b, strlen(b), "actor") >= 0 || el_ifind(b, strlen(b), "agent") >= 0;
}

static int load_file(el_dict *D, const char *path, bool explicit, bool verbose, el_diag *d) {
    bool tabari = false;
    int kind = el_dict_sniff(path, &tabari);
    if (!explicit && kind > 1 && !named_for_us(path)) kind = 0;
    switch (kind) {
    case 1: return load_ours(D, path, verbose, d);
    case 2: return el_dict_import_actors(D, path, tabari, verbose, d);
    case 3: return el_dict_import_agents(D, path, tabari, verbose, d);
    default:
        if (explicit) {
            el_reject(d, path, 0, "not a dictionary (ours, TABARI or PETRARCH/Phoenix actors or agents)");
            return EL_EINPUT;
        }
        return EL_OK;                                 /* verbs, discards... in a folder: not ours to read */
    }
}

int el_dict_load_path(el_dict *D, const char *path, bool verbose, el_diag *d) {
    struct stat st;
    if (stat(path, &st)) { el_reject(d, path, 0, "cannot read dictionary: %s", strerror(errno)); return EL_EINPUT; }
    if (!S_ISDIR(st.st_mode)) return load_file(D, path, true, verbose, d);
    char **v = list_dir(path, NULL);
    if (!v) { el_reject(d, path, 0, "cannot read dictionary folder"); return EL_EINPUT; }
    int rc = EL_OK;
    for (size_t i = 0; v[i]; i++)
        if (load_file(D, v[i], false, verbose, d) != EL_OK) rc = EL_EINPUT;
    free_list(v);
    return rc;
}

static void index_surnames(el_dict *D);

el_dict *el_dict_open(const char *data_dir, const char *const *extra, int n_extra,
                      const el_lexicon *lex, bool verbose, el_diag *d) {
    el_dict *D = calloc(1, sizeof *D);
    if (!D) return NULL;
    D->a = el_arena_new(NULL, 1 << 20);
    D->lex = lex;
    if (!D->a || !(D->names = el_strmap_new(D->a, 8192)) || !(D->codes = el_strmap_new(D->a, 1024)) ||
        !(D->gaz = el_strmap_new(D->a, 65536)) || !(D->isos = el_strmap_new(D->a, 512)) ||
        !(D->root_bits = calloc(ROOT_BITS / 64, sizeof *D->root_bits)) || new_node(D) != 0) {
        el_dict_free(D);
        return NULL;
    }
    if (data_dir) {
        size_t pl = strlen(data_dir) + 8;
        char *dir = malloc(pl);
        if (dir) {
            snprintf(dir, pl, "%s/dict", data_dir);
            char **txt = list_dir(dir, ".txt"), **tsv = list_dir(dir, ".tsv");
            if (!txt) el_reject(d, dir, 0, "cannot read the dictionary folder; only built-in titles loaded");
            for (size_t i = 0; txt && txt[i]; i++) load_ours(D, txt[i], verbose, d);
            for (size_t i = 0; tsv && tsv[i]; i++) load_gazetteer(D, tsv[i], verbose, d);
            free_list(txt);
            free_list(tsv);
            free(dir);
        }
    }
    load_titles(D);
    for (int i = 0; i < n_extra; i++) el_dict_load_path(D, extra[i], true, d);
    index_surnames(D);
    if (D->failed || el_arena_failed(D->a)) { el_dict_free(D); return NULL; }
    return D;
}

/* Index people by the last word of their canonical name ("Brown" for
** "Gordon Brown"; not "Jr."), so that "Mr Brown" can find them. */
static void index_surnames(el_dict *D) {
    D->surnames = el_strmap_new(D->a, 4096);
    D->sn_next = malloc((D->n_ents + 1) * sizeof *D->sn_next);
    if (!D->surnames || !D->sn_next) { D->failed = true; return; }
    for (size_t i = D->n_ents; i-- > 0;) {                 /* backwards: lists come out in load order */
        D->sn_next[i] = EL_NONE;
        const el_entry *e = &D->ents[i];
        if (e->type != EL_ENT_PERSON || !e->name || (e->flags & EL_ENTRY_BLOCK)) continue;
        tspan sp[MAX_TOKS];
        size_t nt = tokenize(e->name, strlen(e->name), sp, MAX_TOKS);
        while (nt > 1) {
            const char *w = e->name + sp[nt - 1].s;
            size_t wl = sp[nt - 1].e - sp[nt - 1].s;
            if (el_ieq(w, wl, "Jr.") || el_ieq(w, wl, "Sr.") || el_ieq(w, wl, "II") || el_ieq(w, wl, "III") ||
                el_ieq(w, wl, "Jr") || el_ieq(w, wl, "Sr"))
                nt--;
            else
                break;
        }
        if (nt < 2) continue;
        char key[128];
        size_t k = el_dict_fold(e->name + sp[nt - 1].s, sp[nt - 1].e - sp[nt - 1].s, key, sizeof key, true);
        if (!k) continue;
        void *v = el_strmap_get(D->surnames, key, k);
        D->sn_next[i] = v ? (uint32_t)(uintptr_t)v - 1 : EL_NONE;
        if (el_strmap_put(D->surnames, key, k, (void *)(uintptr_t)(i + 1))) D->failed = true;
    }
}

uint32_t el_dict_surname(const el_dict *D, const char *fold, size_t n) {
    void *v = el_strmap_get(D->surnames, fold, n);
    return v ? (uint32_t)(uintptr_t)v - 1 : EL_NONE;
}

uint32_t el_dict_surname_next(const el_dict *D, uint32_t entry) { return D->sn_next[entry]; }

void el_dict_free(el_dict *D) {
    if (!D) return;
    free(D->ents);
    free(D->als);
    free(D->nodes);
    free(D->edges);
    free(D->root_bits);
    free(D->sn_next);
    el_arena_free(D->a);
    free(D);
}

int el_engine_load_dict(el_engine *e, el_diag *d) {
    if (e->dict) return EL_OK;
    e->dict = el_dict_open(e->opt.data_dir, e->opt.dicts, e->opt.n_dicts, e->lex, false, d);
    if (!e->dict) el_reject(d, "eventline", 0, "out of memory loading the dictionary");
    return e->dict ? EL_OK : EL_ENOMEM;
}
