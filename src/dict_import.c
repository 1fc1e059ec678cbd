/*
** dict_import.c: the public CAMEO dictionaries (TABARI: GDELT's GLOBALNET
** .actors/.agents; PETRARCH/Phoenix: *.actors.txt, *.agents.txt), read as
** they are from a path the user gives, never copied into the repository.
** Out: entries and aliases in an el_dict. A block named like one of ours,
**      with a compatible code, lends our entry its aliases; a block coded as
**      a bare country ([RUS]) lends them to the country; others are new.
** Lines: "NAME_WORDS [CODE dates]", "+SYNONYM", "[CODE dates]"; dates YYMMDD
** (00-30: 20YY) or YYYYMMDD as >D, <D, D-D or D (from); undated = default.
** TABARI words without a final "_" are stems; PETRARCH agents get plurals.
** Faults are warnings: third-party files have a few.
*/
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "buf.h"
#include "dict.h"
#include "textutil.h"

#define MAX_PHRASES 512
#define MAX_CODES 64

typedef struct icode { const char *code; el_date from, to; bool dated; } icode;

typedef struct imp {
    el_dict *D;
    el_diag *d;
    const char *path;           /* interned */
    bool tabari, group_file;
    /* the open block */
    char *phr[MAX_PHRASES];     /* malloc'd phrases, [0] the base */
    size_t n_phr;
    icode codes[MAX_CODES];
    size_t n_codes;
    bool bracket;               /* a [..] was seen in the block, good or bad */
    long line;                  /* of the base line */
    long n_blocks, n_merged, n_new, n_aliases, n_skipped, n_repaired, n_warned;
} imp;

static void warn(imp *I, long line, const char *fmt, const char *arg) {
    I->n_warned++;
    el_warn(I->d, I->path, line, fmt, arg ? arg : "");
}

/* ------------------------------------------------------------ lines */

typedef struct rd { char *buf; size_t len, pos; long no; bool in_xml; } rd;

static bool slurp(const char *path, rd *R) {
    size_t n = 0;
    char *b = el_path_slurp(path, &n);
    if (!b) return false;
    *R = (rd){b, n, 0, 0, false};
    return true;
}

/* Latin-1 to UTF-8 when a line is not valid UTF-8 (old TABARI files). The
** result is malloc'd in *tmp. */
static char *utf8_line(char *s, size_t *n, char **tmp) {
    size_t i = 0;
    while (i < *n) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) { i++; continue; }
        size_t l = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
        bool ok = l && i + l <= *n;
        for (size_t k = 1; ok && k < l; k++) ok = ((unsigned char)s[i + k] & 0xC0) == 0x80;
        if (!ok) break;
        i += l;
    }
    if (i == *n) return s;
    char *o = malloc(*n * 2 + 1);
    if (!o) return s;
    size_t k = 0;
    for (size_t j = 0; j < *n; j++) {
        unsigned char c = (unsigned char)s[j];
        if (c < 0x80) o[k++] = (char)c;
        else { o[k++] = (char)(0xC0 | (c >> 6)); o[k++] = (char)(0x80 | (c & 0x3F)); }
    }
    o[k] = '\0';
    *tmp = o;
    *n = k;
    return o;
}

/* Next meaningful line, comments removed and blanks trimmed; NULL at EOF. */
static char *next(rd *R, size_t *n) {
    while (R->pos < R->len) {
        char *s = R->buf + R->pos, *nl = memchr(s, '\n', R->len - R->pos);
        size_t k = nl ? (size_t)(nl - s) : R->len - R->pos;
        R->pos += k + (nl ? 1 : 0);
        R->no++;
        s[k] = '\0';
        if (R->in_xml) {                                    /* inside <!-- ... --> */
            char *e = strstr(s, "-->");
            if (!e) continue;
            R->in_xml = false;
            s = e + 3;
        }
        for (char *c; (c = strstr(s, "<!--"));) {           /* one-line XML comments */
            char *e = strstr(c + 4, "-->");
            if (!e) { *c = '\0'; R->in_xml = true; break; }
            memmove(c, e + 3, strlen(e + 3) + 1);
        }
        /* '#' starts a comment at the line start or after a blank or ']';
        ** inside a name ("WEST_PAPUA#_") it is data. */
        for (char *c = s; *c; c++)
            if (*c == '#' && (c == s || c[-1] == ' ' || c[-1] == '\t' || c[-1] == ']')) { *c = '\0'; break; }
        k = strlen(s);
        while (k && isspace((unsigned char)s[k - 1])) k--;
        s[k] = '\0';
        while (*s == ' ' || *s == '\t' || *s == '\r') { s++; k--; }
        if (!k) continue;
        *n = k;
        return s;
    }
    return NULL;
}

/* ------------------------------------------------------------ codes */

/* A TABARI/PETRARCH date: 6 digits YYMMDD (00-30 are 20YY, as TABARI reads
** them) or 8 digits YYYYMMDD. A day past the month's end (TABARI's files
** use 31 for every month) is clamped and counted as repaired. */
static el_date tdate(imp *I, const char *s, size_t n, bool *repaired) {
    int y, m, dd;
    for (size_t i = 0; i < n; i++) if (!el_is_digit((unsigned char)s[i])) return EL_DATE_UNKNOWN;
    if (n == 6) {
        y = (s[0] - '0') * 10 + (s[1] - '0');
        y += y <= 30 ? 2000 : 1900;
        s += 2;
    } else if (n == 8) {
        y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
        s += 4;
    } else {
        return EL_DATE_UNKNOWN;
    }
    m = (s[0] - '0') * 10 + (s[1] - '0');
    dd = (s[2] - '0') * 10 + (s[3] - '0');
    if (m < 1 || m > 12 || dd < 1 || dd > 31) return EL_DATE_UNKNOWN;
    int last = el_date_days_in_month(y, m);
    if (dd > last) { dd = last; *repaired = true; }
    (void)I;
    return el_date_from_ymd(y, m, dd);
}

/* Parse "[CODE dates]" groups of s into the open block. */
static void parse_codes(imp *I, const char *s, long line, bool agents) {
    for (const char *p = strchr(s, '['); p; p = strchr(p, '[')) {
        I->bracket = true;
        const char *q = strchr(p, ']');
        if (!q) { warn(I, line, "'[' without ']'; code skipped%s", NULL); return; }
        char buf[128];
        size_t bl = (size_t)(q - p - 1);
        if (bl >= sizeof buf) bl = sizeof buf - 1;
        memcpy(buf, p + 1, bl);
        buf[bl] = '\0';
        p = q + 1;
        char *c = buf;
        while (*c == ' ' || *c == '\t') c++;
        size_t cl = strcspn(c, " \t");
        if (!cl) { warn(I, line, "empty code%s; skipped", NULL); continue; }
        char *rest = c + cl;
        bool more = *rest != '\0';
        *rest = '\0';
        if (more) rest++;
        bool ok = cl <= 24;
        for (size_t i = 0; ok && i < cl; i++)
            ok = isalnum((unsigned char)c[i]) || (agents && c[i] == '~') || (!agents && (c[i] == '-' || c[i] == '#'));
        if (!ok || (!agents && (c[0] == '-' || c[0] == '#') && strcmp(c, "---") && strcmp(c, "###"))) {
            bool printable = true;
            for (char *q = c; *q; q++) printable = printable && *q >= 0x20 && *q < 0x7F;
            warn(I, line, "bad code '%s'; skipped", printable ? c : "(not printable)");
            continue;
        }
        if (agents) {                                   /* the first code only: [~2034] after it is TABARI's own */
            if (I->n_codes) continue;
            if (!strchr(c, '~')) { warn(I, line, "agent code '%s' has no '~'; skipped", c); continue; }
        }
        char ds[64];
        size_t dl = 0;
        for (char *r = rest; *r && dl < sizeof ds - 1; r++) if (*r != ' ' && *r != '\t') ds[dl++] = *r;
        ds[dl] = '\0';
        icode ic = {el_dict_code(I->D, c, cl), EL_DATE_UNKNOWN, EL_DATE_UNKNOWN, dl > 0};
        bool rep = false;
        if (dl) {
            char *dash = strchr(ds, '-');
            if (ds[0] == '>') ic.from = tdate(I, ds + 1, dl - 1, &rep);
            else if (ds[0] == '<') ic.to = tdate(I, ds + 1, dl - 1, &rep);
            else if (dash) {
                ic.from = tdate(I, ds, (size_t)(dash - ds), &rep);
                ic.to = tdate(I, dash + 1, strlen(dash + 1), &rep);
                if (ic.to == EL_DATE_UNKNOWN) ic.from = EL_DATE_UNKNOWN;
            } else {
                ic.from = tdate(I, ds, dl, &rep);       /* a bare date: from then on */
            }
            if (ic.from == EL_DATE_UNKNOWN && ic.to == EL_DATE_UNKNOWN) {
                warn(I, line, "bad date '%s' (YYMMDD or YYYYMMDD); code skipped", ds);
                continue;
            }
            if (rep) I->n_repaired++;
        }
        if (I->n_codes < MAX_CODES) I->codes[I->n_codes++] = ic;
    }
}

/* ---------------------------------------------------------- phrases */

/* Phrase as alias text: '_' and ' ' separate words; for TABARI a word not
** followed by '_' is a stem, marked with \x01 for el_dict_add_alias. Stems
** shorter than 3 letters would match too much: they stay exact. */
static size_t phrase_text(const char *p, size_t n, bool tabari, char *out, size_t cap) {
    size_t k = 0, wstart = 0;
    for (size_t i = 0; i <= n && k + 2 < cap; i++) {
        char c = i < n ? p[i] : '\0';
        if (c == '_' || c == ' ' || c == '\0') {
            size_t wl = k - wstart;
            bool stem = tabari && c != '_' && wl >= 3;
            if (stem && wl) out[k++] = '\x01';
            if (c && k && out[k - 1] != ' ') out[k++] = ' ';
            wstart = k;
            continue;
        }
        out[k++] = c;
    }
    while (k && out[k - 1] == ' ') k--;
    out[k] = '\0';
    return k;
}

/* "BENJAMIN_NETANYAHU" -> "Benjamin Netanyahu"; short one-word names
** ("IAEA", "ICJ") keep their capitals. */
static char *title_case(el_dict *D, const char *p) {
    char buf[512];
    size_t k = 0, n = strlen(p);
    bool start = true, one_word = !strpbrk(p, "_ ");
    bool keep = one_word && n <= 5;
    for (size_t i = 0; i < n && k < sizeof buf - 1; i++) {
        unsigned char c = (unsigned char)p[i];
        if (c == '_' || c == ' ') {
            if (k && buf[k - 1] != ' ') buf[k++] = ' ';
            start = true;
            continue;
        }
        buf[k++] = keep ? (char)c : start ? (char)toupper(c) : (char)tolower(c);
        start = c == '-' || c == '\'' || c == '.' || c == '(';
    }
    while (k && buf[k - 1] == ' ') k--;
    return el_dict_strdup(D, buf, k);
}

static void add_phrase(imp *I, uint32_t entry, const char *p, int cased, int base_flags) {
    char txt[1024];
    size_t n = phrase_text(p, strlen(p), I->tabari, txt, sizeof txt);
    if (!n) return;
    int flags = base_flags;
    if (!strchr(txt, ' ')) {                               /* one word: a name may override it */
        flags |= EL_ALIAS_WEAK;
        if (el_dict_common_word(I->D, txt, n)) flags |= EL_ALIAS_COMMON;
    }
    int rc = el_dict_add_alias(I->D, entry, txt, n, EL_ALIAS_PLAIN, cased, flags);
    if (rc == 0) I->n_aliases++;
}

static bool has_role(const char *code, const char *seg) {
    for (size_t i = 3; code[i] && code[i + 1] && code[i + 2]; i += 3)
        if (!strncmp(code + i, seg, 3)) return true;
    return false;
}

/* The country a code names: its first segment, or the second after
** IGO/NGO/IMG/MNC ("NGOISRHRI"), when that is a country we know. */
static const char *code_country(el_dict *D, const char *c) {
    if (!c || strlen(c) < 3) return NULL;
    uint32_t k = el_dict_country(D, c);
    if (k != EL_NONE) return el_dict_entry(D, k)->code;
    if (strlen(c) >= 6 && (!strncmp(c, "IGO", 3) || !strncmp(c, "NGO", 3) || !strncmp(c, "IMG", 3) ||
                           !strncmp(c, "MNC", 3)) && (k = el_dict_country(D, c + 3)) != EL_NONE)
        return el_dict_entry(D, k)->code;
    return NULL;
}

/* May the imported codes join our entry t? Same country or body prefix. */
static bool compatible(imp *I, uint32_t t) {
    const el_entry *e = el_dict_entry(I->D, t);
    if (e->type == EL_ENT_AGENT || !e->code) return false;
    for (size_t i = 0; i < I->n_codes; i++) {
        const char *c = I->codes[i].code;
        if (strlen(c) >= 3 && (!strncmp(c, e->code, 3) || (e->country && !strncmp(c, e->country, 3)))) return true;
    }
    return false;
}

static void free_block(imp *I) {
    for (size_t i = 0; i < I->n_phr; i++) free(I->phr[i]);
    I->n_phr = 0;
    I->n_codes = 0;
    I->bracket = false;
}

static void flush_actor(imp *I) {
    if (!I->n_phr) return;
    I->n_blocks++;
    el_dict *D = I->D;
    size_t real = 0, blocks = 0;
    for (size_t i = 0; i < I->n_codes; i++) {
        if (!strcmp(I->codes[i].code, "---") || !strcmp(I->codes[i].code, "###")) blocks++;
        else real++;
    }
    if (!I->n_codes) {
        warn(I, I->line, "no code for '%s'; block skipped", I->phr[0]);
        I->n_skipped++;
        free_block(I);
        return;
    }
    uint32_t target = EL_NONE;
    if (real) {
        for (size_t i = 0; i < I->n_phr && target == EL_NONE; i++) {
            char txt[1024];
            size_t n = phrase_text(I->phr[i], strlen(I->phr[i]), false, txt, sizeof txt);
            uint32_t t = n ? el_dict_find(D, txt, n) : EL_NONE;
            if (t == EL_NONE && n > 4 && !strncasecmp(txt, "the ", 4))      /* THE_UN: our "UN" */
                t = el_dict_find(D, txt + 4, n - 4);
            if (t != EL_NONE && compatible(I, t)) target = t;
        }
        /* Every code the same bare country ([RUS]): the country itself. */
        bool bare = true;
        for (size_t i = 0; i < I->n_codes; i++)
            bare = bare && !strcmp(I->codes[i].code, I->codes[0].code) && strlen(I->codes[i].code) == 3;
        if (target == EL_NONE && bare) target = el_dict_country(D, I->codes[0].code);
    }
    if (target != EL_NONE) {
        I->n_merged++;
        for (size_t i = 0; i < I->n_phr; i++) add_phrase(I, target, I->phr[i], EL_CASE_CAPS, 0);
        free_block(I);
        return;
    }
    uint32_t idx;
    el_entry *e = el_dict_add_entry(D, &idx);
    if (!e) { free_block(I); return; }
    I->n_new++;
    e->name = title_case(D, I->phr[0]);
    e->src = EL_SRC_IMPORT;
    e->file = I->path;
    e->line = (uint32_t)I->line;
    if (!real) {
        e->flags = EL_ENTRY_BLOCK;                       /* [---] / [###]: not an actor */
        e->type = EL_ENT_ORG;
    } else {
        const char *header = NULL, *last = NULL;
        size_t n_dated = 0;
        for (size_t i = 0; i < I->n_codes; i++) {
            icode *c = &I->codes[i];
            if (!strcmp(c->code, "---") || !strcmp(c->code, "###")) continue;
            if (c->dated) { n_dated++; last = c->code; }
            else if (!header) header = c->code;
        }
        e->code = header ? header : last;
        if (n_dated) {
            el_role *r = el_dict_alloc(D, n_dated * sizeof *r);
            size_t k = 0;
            for (size_t i = 0; r && i < I->n_codes; i++)
                if (I->codes[i].dated && strcmp(I->codes[i].code, "---") && strcmp(I->codes[i].code, "###"))
                    r[k++] = (el_role){I->codes[i].code, I->codes[i].from, I->codes[i].to, NULL};
            e = (el_entry *)el_dict_entry(D, idx);
            e->roles = r;
            e->n_roles = r ? (uint32_t)k : 0;
        }
        /* Type from the codes: dated offices and elites are people. */
        const char *c = e->code;
        if (n_dated || has_role(c, "ELI")) e->type = EL_ENT_PERSON;
        else if (I->group_file || has_role(c, "REB") || has_role(c, "INS") || has_role(c, "SEP") ||
                 !strncmp(c, "IMG", 3) || has_role(c, "UAF"))
            e->type = EL_ENT_GROUP;
        else e->type = EL_ENT_ORG;
        e->country = code_country(D, c);
    }
    for (size_t i = 0; i < I->n_phr; i++) add_phrase(I, idx, I->phr[i], EL_CASE_CAPS, 0);
    free_block(I);
}

static void add_phr(imp *I, const char *s, size_t n, long line) {
    if (I->n_phr == MAX_PHRASES) { warn(I, line, "too many synonyms; '%s' skipped", s); return; }
    char *p = malloc(n + 1);
    if (!p) return;
    memcpy(p, s, n);
    while (n && (p[n - 1] == ' ' || p[n - 1] == '\t')) n--;
    p[n] = '\0';
    I->phr[I->n_phr++] = p;
}

int el_dict_import_actors(el_dict *D, const char *path, bool tabari, bool verbose, el_diag *d) {
    rd R;
    if (!slurp(path, &R)) { el_reject(d, path, 0, "cannot read dictionary"); return EL_EINPUT; }
    imp I = {.D = D, .d = d, .path = el_dict_strdup(D, path, strlen(path)), .tabari = tabari};
    I.group_file = strstr(path, "MilNonState") != NULL;
    size_t n;
    for (char *s; (s = next(&R, &n));) {
        char *tmp = NULL;
        s = utf8_line(s, &n, &tmp);
        if (s[0] == '[') {
            if (!I.n_phr) warn(&I, R.no, "code line before any name; skipped%s", NULL);
            else parse_codes(&I, s, R.no, false);
        } else if (s[0] == '+') {
            if (!I.n_phr) warn(&I, R.no, "synonym before any name; skipped%s", NULL);
            else {
                size_t k = strcspn(s + 1, "[");
                add_phr(&I, s + 1, k, R.no);
                parse_codes(&I, s + 1 + k, R.no, false);
            }
        } else {
            /* A name line right after a name with no code yet is its synonym
            ** (Phoenix lists some synonyms without '+'). */
            if (I.n_codes || I.bracket || !I.n_phr) {
                flush_actor(&I);
                I.line = R.no;
            }
            size_t k = strcspn(s, "[");
            add_phr(&I, s, k, R.no);
            parse_codes(&I, s + k, R.no, false);
        }
        free(tmp);
    }
    flush_actor(&I);
    free(R.buf);
    if (verbose)
        el_note(d, "dict: %s: %s actors, %ld blocks read (%ld joined ours, %ld new), %ld skipped, "
                "%ld aliases, %ld dates repaired, %ld warnings\n", path, tabari ? "TABARI" : "PETRARCH",
                I.n_blocks, I.n_merged, I.n_new, I.n_skipped, I.n_aliases, I.n_repaired, I.n_warned);
    return EL_OK;
}

/* ------------------------------------------------------------ agents */

typedef struct marker { char name[32]; char *forms[16]; int n; } marker;

/* Regular English plural of the phrase's last word, as PETRARCH makes it
** (but "envoy" -> "envoys"). */
static void plural(const char *p, char *out, size_t cap) {
    size_t n = strlen(p);
    while (n && (p[n - 1] == '_' || p[n - 1] == ' ')) n--;
    if (!n || n + 4 >= cap) { out[0] = '\0'; return; }
    memcpy(out, p, n);
    char last = (char)toupper((unsigned char)p[n - 1]);
    bool vowel_y = n > 1 && strchr("AEIOU", toupper((unsigned char)p[n - 2]));
    if (last == 'Y' && !vowel_y) { memcpy(out + n - 1, "IES", 4); }    /* not PETRARCH's "ENVOIES" */
    else if (last == 'S') { memcpy(out + n, "ES", 3); }
    else { out[n] = 'S'; out[n + 1] = '\0'; }
}

static void add_agent(imp *I, const char *phrase, const char *code, bool prefix) {
    uint32_t idx;
    el_entry *e = el_dict_add_entry(I->D, &idx);
    if (!e) return;
    char low[512];
    size_t k = 0;
    for (const char *c = phrase; *c && k < sizeof low - 1; c++) low[k++] = *c == '_' ? ' ' : (char)tolower((unsigned char)*c);
    while (k && low[k - 1] == ' ') k--;
    e->name = el_dict_strdup(I->D, low, k);
    e->code = code;
    e->type = EL_ENT_AGENT;
    e->src = EL_SRC_IMPORT;
    e->sub = EL_AGENT_ROLE;
    e->flags = prefix ? EL_ENTRY_PREFIX : 0;
    e->file = I->path;
    e->line = (uint32_t)I->line;
    I->n_new++;
    char txt[1024];
    size_t n = phrase_text(phrase, strlen(phrase), I->tabari, txt, sizeof txt);
    bool pl = n && (txt[n - 1] == 'S' || txt[n - 1] == 's');
    if (n && el_dict_add_alias(I->D, idx, txt, n, EL_ALIAS_PLAIN, EL_CASE_ANY, pl ? EL_ALIAS_PLURAL : 0) == 0)
        I->n_aliases++;
}

int el_dict_import_agents(el_dict *D, const char *path, bool tabari, bool verbose, el_diag *d) {
    rd R;
    if (!slurp(path, &R)) { el_reject(d, path, 0, "cannot read dictionary"); return EL_EINPUT; }
    imp I = {.D = D, .d = d, .path = el_dict_strdup(D, path, strlen(path)), .tabari = tabari};
    marker mk[16];
    int n_mk = 0;
    size_t n;
    for (char *s; (s = next(&R, &n));) {
        char *tmp = NULL;
        s = utf8_line(s, &n, &tmp);
        I.line = R.no;
        I.n_blocks++;
        char *bang = strchr(s, '!'), *eq = strchr(s, '=');
        if (bang && eq && eq > bang) {                           /* !PERSON! = MAN, MEN, ... */
            char *b2 = strchr(bang + 1, '!');
            if (!b2 || b2 > eq || n_mk == 16 || (size_t)(b2 - bang - 1) >= sizeof mk[0].name) {
                warn(&I, R.no, "bad substitution marker; line skipped%s", NULL);
            } else {
                marker *m = &mk[n_mk++];
                memcpy(m->name, bang + 1, (size_t)(b2 - bang - 1));
                m->name[b2 - bang - 1] = '\0';
                m->n = 0;
                for (char *t = strtok(eq + 1, ","); t && m->n < 16; t = strtok(NULL, ",")) {
                    while (*t == ' ') t++;
                    size_t tl = strlen(t);
                    while (tl && t[tl - 1] == ' ') tl--;
                    m->forms[m->n++] = el_dict_strdup(D, t, tl);
                }
            }
            free(tmp);
            continue;
        }
        I.n_codes = 0;
        char *br = strchr(s, '[');
        if (!br) { warn(&I, R.no, "agent without a code; line skipped%s", NULL); I.n_skipped++; free(tmp); continue; }
        parse_codes(&I, br, R.no, true);
        if (!I.n_codes) { I.n_skipped++; free(tmp); continue; }
        const char *c = I.codes[0].code;
        bool prefix = c[0] != '~';
        char cb[32];
        size_t cl = 0;
        for (const char *q = c; *q && cl < sizeof cb - 1; q++) if (*q != '~') cb[cl++] = *q;
        const char *code = cl ? el_dict_code(D, cb, cl) : NULL;
        *br = '\0';
        char *brace = strchr(s, '{'), *pl = NULL;
        bool explicit_pl = false;
        if (brace) {
            char *close = strchr(brace, '}');
            if (!close) { warn(&I, R.no, "'{' without '}'; line skipped%s", NULL); I.n_skipped++; free(tmp); continue; }
            *close = '\0';
            pl = brace + 1;
            *brace = '\0';
            explicit_pl = true;
        }
        char *ph = s;
        size_t pn = strlen(ph);
        while (pn && (ph[pn - 1] == ' ' || ph[pn - 1] == '\t')) ph[--pn] = '\0';
        char *mb = strchr(ph, '!');
        if (mb) {                                                /* CONGRESS!PERSON! */
            char *me = strchr(mb + 1, '!');
            int m = -1;
            for (int j = 0; me && j < n_mk; j++)
                if (strlen(mk[j].name) == (size_t)(me - mb - 1) && !strncmp(mk[j].name, mb + 1, (size_t)(me - mb - 1))) m = j;
            if (m < 0) { warn(&I, R.no, "unknown substitution marker; line skipped%s", NULL); I.n_skipped++; free(tmp); continue; }
            for (int j = 0; j < mk[m].n; j++) {
                char full[512];
                snprintf(full, sizeof full, "%.*s%s%s", (int)(mb - ph), ph, mk[m].forms[j], me + 1);
                add_agent(&I, full, code, prefix);
            }
            free(tmp);
            continue;
        }
        add_agent(&I, ph, code, prefix);
        if (!tabari) {                                           /* PETRARCH makes regular plurals */
            char pb[512];
            if (explicit_pl) {
                while (*pl == ' ') pl++;
                size_t l = strlen(pl);
                while (l && pl[l - 1] == ' ') pl[--l] = '\0';
                if (l) add_agent(&I, pl, code, prefix);
            } else {
                plural(ph, pb, sizeof pb);
                if (pb[0]) add_agent(&I, pb, code, prefix);
            }
        }
        free(tmp);
    }
    free(R.buf);
    if (verbose)
        el_note(d, "dict: %s: %s agents, %ld lines read, %ld agent forms, %ld skipped, %ld warnings\n",
                path, tabari ? "TABARI" : "PETRARCH", I.n_blocks, I.n_new, I.n_skipped, I.n_warned);
    return EL_OK;
}

/* ------------------------------------------------------------ sniffing */

int el_dict_sniff(const char *path, bool *tabari) {
    FILE *f = fopen(path, "rb");
    if (!f) return 0;
    char buf[1 << 16];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    if (memchr(buf, '\0', n)) return 0;                    /* binary: no dictionary of any kind */
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    char low[256];
    size_t bl = 0;
    for (; base[bl] && bl < sizeof low - 1; bl++) low[bl] = (char)tolower((unsigned char)base[bl]);
    low[bl] = '\0';
    bool plus = false, petr = strstr(buf, "PETRARCH") != NULL, ours = false;
    int agent_codes = 0, actor_codes = 0;
    for (char *s = buf; s && *s; s = strchr(s, '\n'), s = s ? s + 1 : NULL) {
        if (*s == '+') plus = true;
        if (*s == '=' && (s[1] == ' ' || s[1] == '\t')) {
            char *e = strchr(s, '\n');
            char *t = strchr(s, '\t');
            if (t && (!e || t < e)) ours = true;
        }
        if (*s == '#' || *s == '<') continue;
        char *e = strchr(s, '\n'), *b = strchr(s, '[');
        if (!b || (e && b > e)) continue;
        if (b[1] == '~' || strstr(b, "~]") == b + strcspn(b, "]") - 1) agent_codes++;
        else if (isalpha((unsigned char)b[1]) && isalpha((unsigned char)b[2]) && isalpha((unsigned char)b[3])) actor_codes++;
    }
    *tabari = !plus && !petr && !el_isuffix(low, bl, ".txt");
    if (ours) return 1;
    if (strstr(low, "agent")) return 3;
    if (strstr(low, "actor")) return 2;
    if (strstr(low, "verb") || strstr(low, "issue") || strstr(low, "discard")) return 0;
    if (agent_codes > actor_codes && agent_codes >= 3) return 3;
    if (actor_codes >= 3) return 2;
    return 0;
}
