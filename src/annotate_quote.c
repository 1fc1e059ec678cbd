/*
** annotate_quote.c: stage 4 helper, quotations, reported speech, speakers.
** In:  a segmented el_doc; doc->ments when the actor stage ran, else a small
**      person table read off the text (roles before names).
** Out: doc->quotes (see annotate_quote.h), in body order, in doc->a.
** Marks are paired over the whole body (a quote may cross sentences and
** paragraphs); each sentence's frames ("X said", ", said X", "according to
** X") are read once; a direct quote takes the frame that tags it, the other
** speech frames become indirect quotes. "he" and "his office" resolve to the
** last person who spoke, else the last person named.
*/
#include "annotate_quote.h"
#include "kwfilter.h"
#if defined(__has_include)
#if __has_include("annotate_actor.h")
#include "annotate_actor.h"            /* el_mention: doc->ments */
#define HAVE_MENTIONS 1
#endif
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "textutil.h"

/* ---- Token tests ---------------------------------------------------------- */

/* Word tables and their filter: kwfilter.h. */

static size_t tl(const el_doc *d, size_t k) { return d->toks[k].end - d->toks[k].start; }
static const char *tt(const el_doc *d, size_t k) { return d->body + d->toks[k].start; }
/* Token k is the lower-case word w[0..n) (ASCII case ignored). is() takes a literal. */
static bool is_n(const el_doc *d, size_t k, const char *w, size_t n) {
    return k < d->n_toks && tl(d, k) == n && eq_lower(tt(d, k), w, n);
}
#define is(d, k, w) is_n((d), (k), (w), sizeof(w) - 1)
static bool lem_n(const el_doc *d, size_t k, const char *l, size_t n) {
    return k < d->n_toks && d->toks[k].lemma_len == n && memcmp(d->toks[k].lemma, l, n) == 0;
}
#define lem(d, k, l) lem_n((d), (k), (l), sizeof(l) - 1)
static int lem_in(const el_doc *d, size_t k, const kw *list) {
    if (k >= d->n_toks) return -1;
    for (int i = 0; list[i].w; i++) if (lem_n(d, k, list[i].w, list[i].n)) return i;
    return -1;
}
static int word_in(const el_doc *d, size_t k, const kw *list) {
    if (k >= d->n_toks) return -1;
    for (int i = 0; list[i].w; i++) if (is_n(d, k, list[i].w, list[i].n)) return i;
    return -1;
}
static bool flag(const el_doc *d, size_t k, int f) { return k < d->n_toks && (d->toks[k].flags & f); }
static bool punct_n(const el_doc *d, size_t k, const char *p, size_t n) {
    return flag(d, k, EL_TOK_PUNCT) && tl(d, k) == n && memcmp(tt(d, k), p, n) == 0;
}
#define punct(d, k, p) punct_n((d), (k), (p), sizeof(p) - 1)
static bool terminal(const el_doc *d, size_t k) {
    return punct(d, k, ".") || punct(d, k, "?") || punct(d, k, "!");
}

/* ---- Speech verbs and speaker phrases ------------------------------------- */

/* Lemmas of verbs that report speech. "say" and "tell" count in any form;
** the rest only inflected ("stated", "reports"), since their base forms
** are nouns as often as verbs ("state information service"). */
static const kw speech_verbs[] = {
    K("say"), K("tell"), K("state"), K("add"), K("announce"), K("report"), K("confirm"), K("claim"), K("insist"), K("warn"),
    K("deny"), K("note"), K("explain"), K("stress"), K("tweet"), K("write"), K("indicate"), K("inform"), K("estimate"),
    K("suggest"), K("acknowledge"), K("argue"), K("declare"), K("reiterate"), K("assert"), K("allege"), K("admit"),
    K("affirm"), K("emphasize"), K("emphasise"), K("vow"), K("comment"), K("reply"), K("respond"), K("promise"),
    K("predict"), K("testify"), K("recall"), K("charge"), K("complain"), K("concede"), K("contend"), K("disclose"),
    K("reveal"), K("told"), K("said"), K_END,
};
/* Words that sit between a subject and its verb: "also said", "has said",
** "on Friday said", "reportedly told". */
static const kw between[] = {
    K("also"), K("has"), K("have"), K("had"), K("was"), K("were"), K("is"), K("are"), K("reportedly"), K("later"), K("earlier"),
    K("previously"), K("then"), K("again"), K("further"), K("repeatedly"), K("publicly"), K("privately"),
    K("officially"), K("recently"), K("already"), K("would"), K("will"), K("could"), K("once"), K("just"), K("initially"),
    K("separately"), K("similarly"), K("too"), K("on"), K("last"), K("this"), K("night"), K("morning"), K("evening"),
    K("afternoon"), K("late"), K("early"), K("yesterday"), K("today"), K("tonight"), K("himself"), K("herself"),
    K("themselves"), K("subsequently"), K("first"), K("had"), K("did"), K("does"), K("do"), K("not"), K("never"), K_END,
};
/* Words that end a subject phrase when read backwards from its verb. */
static const kw np_bound[] = {
    K("that"), K("which"), K("who"), K("whom"), K("where"), K("when"), K("while"), K("and"), K("but"), K("because"), K("as"),
    K("if"), K("after"), K("before"), K("since"), K("although"), K("though"), K("whereas"), K("so"), K("than"), K("what"),
    K("whether"), K("said"), K("says"), K("told"), K("was"), K("were"), K("is"), K("are"), K("has"), K("have"), K("had"),
    K("been"), K("be"), K("will"), K("would"), K("to"), K("by"), K("with"), K("without"), K("into"), K("about"), K("against"),
    K("over"), K("amid"), K("despite"), K("during"), K("under"), K("then"), K("there"), K("here"), K("not"), K_END,
};
/* Nouns that can speak. Lemmas. */
static const kw speaker_nouns[] = {
    K("official"), K("source"), K("spokesman"), K("spokesperson"), K("spokeswoman"), K("minister"), K("office"),
    K("department"), K("ministry"), K("statement"), K("report"), K("media"), K("government"), K("army"),
    K("military"), K("police"), K("agency"), K("group"), K("leader"), K("president"), K("premier"), K("chief"),
    K("head"), K("director"), K("diplomat"), K("analyst"), K("expert"), K("witness"), K("resident"), K("relative"),
    K("family"), K("negotiator"), K("mediator"), K("informant"), K("broadcaster"), K("website"), K("site"),
    K("newspaper"), K("paper"), K("outlet"), K("channel"), K("television"), K("network"), K("service"), K("envoy"),
    K("ambassador"), K("aide"), K("adviser"), K("advisor"), K("officer"), K("commander"), K("general"),
    K("secretary"), K("people"), K("person"), K("doctor"), K("activist"), K("organization"), K("organisation"),
    K("committee"), K("council"), K("movement"), K("authority"), K("team"), K("delegation"), K("cabinet"),
    K("administration"), K("party"), K("observer"), K("monitor"), K("journalist"), K("reporter"),
    K("correspondent"), K("lawmaker"), K("senator"), K("mayor"), K("governor"), K("king"), K("emir"), K("prince"),
    K("chancellor"), K("representative"), K("member"), K("worker"), K("campaigner"), K("protester"), K("hostage"),
    K("father"), K("mother"), K("son"), K("daughter"), K("wife"), K("husband"), K("brother"), K("sister"), K("friend"),
    K("survivor"), K("victim"), K("student"), K("citizen"), K("man"), K("woman"), K("lawyer"), K("judge"), K("court"),
    K("prosecutor"), K("investigator"), K("researcher"), K("economist"), K("professor"), K("study"), K("poll"),
    K("survey"), K("figure"), K("presidency"), K("palace"), K("embassy"), K("operator"), K("company"), K("firm"),
    K("bank"), K("union"), K("force"), K("forces"), K("commission"), K("association"), K("foundation"),
    K("institute"), K("center"), K("centre"), K("daily"), K("broadcast"), K("tv"), K("radio"), K_END,
};
static const kw pronouns[] = {K("he"), K("she"), K("they"), K("it"), K("we"), K("i"), K_END};

bool el_is_speech_verb(const el_doc *d, size_t k) {
    if (!flag(d, k, EL_TOK_WORD) || flag(d, k, EL_TOK_CAP)) return false;
    const el_token *t = &d->toks[k];
    size_t n = tl(d, k);
    if (n < 3 || n > 12) return false;
    if (lem(d, k, "point") && is(d, k + 1, "out") && n > 5) return true;   /* "pointed out that" */
    if (lem_in(d, k, speech_verbs) < 0) return false;
    if (lem(d, k, "say") || lem(d, k, "tell")) {
        /* "said" / "says" / "told"; "saying" only after "quoted as" or a comma */
        if (is(d, k, "saying"))
            return is(d, k - 1, "as") || punct(d, k - 1, ",");
        return !is(d, k, "say") || !is(d, k - 1, "to");
    }
    /* Inflected forms only, and not a plural noun ("media reports suggested"). */
    if (t->lemma_len == n && memcmp(t->lemma, tt(d, k), n) == 0) return false;
    if (el_isuffix(tt(d, k), n, "ing")) return false;
    if (el_isuffix(tt(d, k), n, "s") && (el_is_speech_verb(d, k + 1) ||
        is(d, k - 1, "the") || is(d, k - 1, "media") || is(d, k - 1, "news") ||
        is(d, k - 1, "other") || is(d, k - 1, "press") || is(d, k - 1, "these") ||
        is(d, k - 1, "some") || is(d, k - 1, "many") || is(d, k - 1, "several")))
        return false;
    return true;
}

/* The speech-verb test behind the cue filter. */
static bool speech_at(const el_doc *d, const el_frame_filter *ff, size_t k) {
    return k < d->n_toks && kw_maybe(&ff->cue, d->toks[k].lemma, d->toks[k].lemma_len) &&
           el_is_speech_verb(d, k);
}
static bool in_tab(const el_doc *d, const kwbits *f, size_t k, const kw *list) {
    return k < d->n_toks && kw_maybe(f, tt(d, k), tl(d, k)) && word_in(d, k, list) >= 0;
}

/* Is token k of sentence [a, b) a plausible last word of a speaker phrase? */
static bool speaker_head(const el_doc *d, const el_frame_filter *ff, size_t k) {
    if (flag(d, k, EL_TOK_CAP) || flag(d, k, EL_TOK_ABBR) || flag(d, k, EL_TOK_UPPER)) return true;
    if (in_tab(d, &ff->noun, k, pronouns)) return true;
    if (kw_maybe(&ff->noun, d->toks[k].lemma, d->toks[k].lemma_len) && lem_in(d, k, speaker_nouns) >= 0) return true;
    size_t n = tl(d, k);
    return n > 3 && flag(d, k, EL_TOK_WORD) && el_lower((unsigned char)tt(d, k)[n - 1]) == 's' &&
           d->toks[k].lemma_len < n;                      /* "officials", "sources" */
}

/* Skip backwards over what may stand between a subject and its verb; returns
** the index of the subject's last token + 1. */
static size_t skip_between_back(const el_doc *d, const el_frame_filter *ff, size_t a, size_t v) {
    size_t j = v;
    size_t ml;
    while (j > a) {
        size_t k = j - 1;
        if (in_tab(d, &ff->between, k, between) ||
            (flag(d, k, EL_TOK_CAP) && el_weekday_at(tt(d, k), tl(d, k), &ml, false) >= 0)) { j--; continue; }
        break;
    }
    /* "was quoted as saying" */
    if (j >= a + 2 && is(d, j - 1, "as") && lem(d, j - 2, "quote")) {
        j -= 2;
        while (j > a && in_tab(d, &ff->between, j - 1, between)) j--;
    }
    return j;
}

/* Subject phrase ending at token e (exclusive), read back to a boundary
** inside [a, e); returns its first token or e when there is none. */
static size_t np_back(const el_doc *d, const el_frame_filter *ff, size_t a, size_t e) {
    size_t j = e;
    while (j > a && e - j < 12) {
        size_t k = j - 1;
        const el_token *t = &d->toks[k];
        if (t->flags & EL_TOK_POSS) { j--; continue; }
        if (t->flags & EL_TOK_PUNCT) {
            if (punct(d, k, "-") || punct(d, k, ".")) { if (k > a && (t[-1].flags & EL_TOK_ABBR)) { j--; continue; } }
            break;
        }
        if (in_tab(d, &ff->bound, k, np_bound)) break;
        if (speech_at(d, ff, k)) break;
        j--;
    }
    /* Drop leading prepositions left dangling ("in", "of") and adverbs
    ** opening the sentence ("Later the premier was quoted ..."). */
    while (j < e && (is(d, j, "of") || is(d, j, "in") || is(d, j, "for") || is(d, j, "at") ||
                     is(d, j, "from") || (j + 1 < e && in_tab(d, &ff->between, j, between))))
        j++;
    return j;
}

/* Object or subject phrase forward from token s, inside [s, b). */
static size_t np_fwd(const el_doc *d, const el_frame_filter *ff, size_t s, size_t b) {
    size_t j = s;
    while (j < b && j < s + 12) {
        const el_token *t = &d->toks[j];
        if (t->flags & EL_TOK_POSS) { j++; continue; }
        if (t->flags & EL_TOK_PUNCT) break;
        if (j > s && (is(d, j, "in") || is(d, j, "on") || is(d, j, "at") || is(d, j, "during") ||
                      is(d, j, "after") || is(d, j, "to") || is(d, j, "while") || is(d, j, "that") ||
                      is(d, j, "citing") || is(d, j, "adding") || is(d, j, "according") ||
                      is(d, j, "who") || is(d, j, "which") || is(d, j, "and") || is(d, j, "but") ||
                      is(d, j, "when") || is(d, j, "as") || is(d, j, "whose") || is(d, j, "quoting") ||
                      speech_at(d, ff, j)))
            break;
        /* "a statement from his office announcing the decision" */
        if (j > s && (t->flags & EL_TOK_WORD) && !(t->flags & EL_TOK_CAP) && tl(d, j) > 5 &&
            el_isuffix(tt(d, j), tl(d, j), "ing"))
            break;
        j++;
    }
    return j;
}

static bool any_word(const el_doc *d, size_t s, size_t e) {
    for (size_t k = s; k < e; k++) if (flag(d, k, EL_TOK_WORD)) return true;
    return false;
}

/* Cue words besides the speech verbs: their lemmas and forms, for the filter. */
static const kw frame_cues[] = {
    K("according"), K("accord"), K("citing"), K("cite"), K("quoting"), K("quote"), K("point"),
    K("said"), K("told"), K_END,
};

static void frames_prepare(el_frame_filter *f) {
    memset(f, 0, sizeof *f);
    kw_fill(&f->cue, speech_verbs);
    kw_fill(&f->cue, frame_cues);
    kw_fill(&f->bound, np_bound);
    kw_fill(&f->between, between);
    kw_fill(&f->noun, speaker_nouns);
    kw_fill(&f->noun, pronouns);
}

/* The frame whose cue is token k of sentence [a, b), into *f; false if none. */
static bool frame_at(const el_doc *d, const el_frame_filter *ff, size_t a, size_t b, size_t k, el_frame *f) {
    const el_token *t = &d->toks[k];
    if (t->flags & EL_TOK_CAP && !is(d, k, "according")) return false;
    unsigned char c0 = (unsigned char)el_lower((unsigned char)d->body[t->start]);
    if (c0 == 'a' && is(d, k, "according") && is(d, k + 1, "to")) {
        size_t e = np_fwd(d, ff, k + 2, b);
        if (e == k + 2) return false;
        *f = (el_frame){.verb = (uint32_t)k, .subj = (uint32_t)(k + 2), .subj_end = (uint32_t)e,
                        .form = EL_FRAME_ACCORDING};
    } else if ((c0 == 'c' && is(d, k, "citing")) || (c0 == 'q' && is(d, k, "quoting"))) {
        size_t e = np_fwd(d, ff, k + 1, b);
        if (e == k + 1) return false;
        *f = (el_frame){.verb = (uint32_t)k, .subj = (uint32_t)(k + 1), .subj_end = (uint32_t)e,
                        .form = EL_FRAME_CITING};
    } else if (el_is_speech_verb(d, k)) {
        size_t se = skip_between_back(d, ff, a, k);
        size_t s0 = np_back(d, ff, a, se);
        if (s0 < se && speaker_head(d, ff, se - 1) && any_word(d, s0, se)) {
            *f = (el_frame){.verb = (uint32_t)k, .subj = (uint32_t)s0, .subj_end = (uint32_t)se,
                            .form = EL_FRAME_SUBJ_VERB};
        } else if (k > a && (punct(d, k - 1, ",") || flag(d, k - 1, EL_TOK_QUOTE))) {
            size_t e = np_fwd(d, ff, k + 1, b);
            if (e == k + 1 || !speaker_head(d, ff, e - 1)) return false;
            *f = (el_frame){.verb = (uint32_t)k, .subj = (uint32_t)(k + 1), .subj_end = (uint32_t)e,
                            .form = EL_FRAME_VERB_SUBJ};
        } else {
            return false;
        }
    } else {
        return false;
    }
    size_t first = f->form == EL_FRAME_SUBJ_VERB ? f->subj : f->verb;
    size_t last = f->form == EL_FRAME_SUBJ_VERB ? f->verb + 1 : f->subj_end;
    /* "told Reuters", "informed Efe": the listener belongs to the frame. */
    if (f->form == EL_FRAME_SUBJ_VERB && (lem(d, f->verb, "tell") || lem(d, f->verb, "inform")) &&
        flag(d, f->verb + 1, EL_TOK_CAP)) {
        size_t e = f->verb + 1;
        while (e < b && (flag(d, e, EL_TOK_CAP) || (is(d, e, "of") && flag(d, e + 1, EL_TOK_CAP))) && e < f->verb + 6) e++;
        last = e;
    }
    f->start = d->toks[first].start;
    f->end = d->toks[last - 1].end;
    /* Content follows: "said that", "said:", "said in a statement that". */
    for (size_t j = f->verb + 1; j < b && j < f->verb + 12; j++) {
        if (is(d, j, "that") || punct(d, j, ":")) { f->has_that = true; break; }
        if (terminal(d, j) || punct(d, j, ";") || flag(d, j, EL_TOK_QUOTE)) break;
    }
    return true;
}

/* Frames of sentence si from its cue tokens cand[0..nc) (ascending; others
** are skipped), at most max into out; returns how many were found. */
static size_t frames_from(const el_doc *d, const el_frame_filter *ff, uint32_t si, const uint32_t *cand,
                          size_t nc, el_frame *out, size_t max) {
    const el_sent *st = &d->sents[si];
    size_t a = st->tok, b = st->tok + st->n_tok, n = 0, next = a;
    for (size_t i = 0; i < nc; i++) {
        size_t k = cand[i];
        if (k < next || k < a) continue;
        if (k >= b) break;
        el_frame f;
        if (!frame_at(d, ff, a, b, k, &f)) continue;
        if (n < max) out[n] = f;
        n++;
        next = (f.form == EL_FRAME_SUBJ_VERB ? f.verb : f.subj_end - 1) + 1;
    }
    return n;
}

size_t el_frames_find(const el_doc *d, const el_frame_filter *ff, uint32_t si, el_frame *out, size_t max) {
    const el_sent *st = &d->sents[si];
    uint32_t cand[64];
    size_t nc = 0, n = 0;
    for (size_t k = st->tok; k < st->tok + st->n_tok; k++) {
        const el_token *t = &d->toks[k];
        if (!(t->flags & EL_TOK_WORD) || !kw_maybe(&ff->cue, t->lemma, t->lemma_len)) continue;
        cand[nc++] = (uint32_t)k;
        if (nc == 64) {                                    /* a very long sentence: in batches */
            n += frames_from(d, ff, si, cand, nc, out + (n < max ? n : max), n < max ? max - n : 0);
            nc = 0;
        }
    }
    return n + frames_from(d, ff, si, cand, nc, out + (n < max ? n : max), n < max ? max - n : 0);
}

/* ---- Quotation marks ------------------------------------------------------ */

static uint32_t cp_at(const char *s) {
    const unsigned char *p = (const unsigned char *)s;
    if (p[0] < 0x80) return p[0];
    if ((p[0] & 0xE0) == 0xC0) return ((uint32_t)(p[0] & 0x1F) << 6) | (p[1] & 0x3F);
    if ((p[0] & 0xF0) == 0xE0) return ((uint32_t)(p[0] & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    return 0xFFFD;
}
static bool dbl(uint32_t c) { return c == '"' || c == 0x201C || c == 0x201D || c == 0x201E || c == 0x201F || c == 0xAB || c == 0xBB; }
static bool opener_glyph(uint32_t c) { return c == 0x201C || c == 0x201E || c == 0xAB || c == 0x2018 || c == 0x2039; }
static bool closer_glyph(uint32_t c) { return c == 0x201D || c == 0xBB || c == 0x2019 || c == 0x203A; }

/* Is the mark at token k glued to text on its left / right? */
static bool glued_left(const el_doc *d, size_t k) {
    uint32_t s = d->toks[k].start;
    return s > 0 && !el_is_space((unsigned char)d->body[s - 1]) &&
           !strchr("([{", d->body[s - 1]) && (k == 0 || d->toks[k - 1].end == s) &&
           !(k > 0 && d->toks[k - 1].para != d->toks[k].para);
}
static bool glued_right(const el_doc *d, size_t k) {
    uint32_t e = d->toks[k].end;
    return e < d->body_len && !el_is_space((unsigned char)d->body[e]) && k + 1 < d->n_toks &&
           d->toks[k + 1].start == e && d->toks[k + 1].para == d->toks[k].para &&
           (d->toks[k + 1].flags & (EL_TOK_WORD | EL_TOK_NUM | EL_TOK_QUOTE) ||
            strchr("([$", d->body[e]));
}
/* Does the mark open (1), close (-1) or can't say (0)? */
static int mark_role(const el_doc *d, size_t k) {
    bool l = glued_left(d, k), r = glued_right(d, k);
    if (r && !l) return 1;
    if (l && !r) return -1;
    uint32_t c = cp_at(tt(d, k));
    return opener_glyph(c) ? 1 : closer_glyph(c) ? -1 : 0;
}

typedef struct dq {                 /* a direct quote under construction */
    size_t open, close;             /* tokens of the marks; close == open when unclosed */
    uint32_t start, end;            /* bytes inside the marks */
} dq;
typedef EL_VEC(dq) dq_vec;

/* Words in body[s, e), counted up to `enough`. */
static size_t words_between(const el_doc *d, uint32_t s, uint32_t e, size_t enough) {
    size_t n = 0;
    for (uint32_t i = s; i < e && n < enough; i++)
        if (!el_is_space((unsigned char)d->body[i]) && (i == s || el_is_space((unsigned char)d->body[i - 1]))) n++;
    return n;
}

/* Pair the double quotation marks of the body. A paragraph that ends inside
** a quote continues it when the next paragraph opens with a mark (the news
** convention for a quote over several paragraphs); otherwise the quote ends
** with its paragraph. Single marks count only at top level, as a quote of
** four words or more ('...' in British style), never inside a double quote. */
static void pair_marks(const el_doc *d, dq_vec *out) {
    bool inside = false;
    dq cur = {0};
    for (size_t k = 0; k < d->n_toks; k++) {
        const el_token *t = &d->toks[k];
        /* Paragraph change while inside: continue or close. */
        if (inside && k > cur.open && t->para != d->toks[k - 1].para) {
            bool cont = (t->flags & EL_TOK_QUOTE) && dbl(cp_at(tt(d, k))) && mark_role(d, k) >= 0;
            if (cont) continue;                           /* the reopening mark */
            cur.close = k - 1;
            cur.end = d->toks[k - 1].end;
            EL_PUSH(d->a, *out, cur);
            inside = false;
        }
        if (!(t->flags & EL_TOK_QUOTE)) continue;
        uint32_t c = cp_at(tt(d, k));
        int role = mark_role(d, k);
        if (dbl(c)) {
            if (!inside) {
                if (role > 0 || (role == 0 && c == '"')) {
                    inside = true;
                    cur = (dq){.open = k, .close = k, .start = t->end};
                }
            } else if (role <= 0 || glued_left(d, k)) {
                cur.close = k;
                cur.end = t->start;
                EL_PUSH(d->a, *out, cur);
                inside = false;
            } else {
                /* An opening mark inside a quote: the last one was never
                ** closed. Keep it to here and start again. */
                cur.close = k;
                cur.end = t->start;
                while (cur.end > cur.start && el_is_space((unsigned char)d->body[cur.end - 1])) cur.end--;
                EL_PUSH(d->a, *out, cur);
                cur = (dq){.open = k, .close = k, .start = t->end};
            }
        } else if (!inside && role > 0) {
            /* A single mark at top level: find its closer in the paragraph. */
            for (size_t j = k + 1; j < d->n_toks && d->toks[j].para == t->para; j++) {
                if (!(d->toks[j].flags & EL_TOK_QUOTE)) continue;
                uint32_t c2 = cp_at(tt(d, j));
                if (dbl(c2)) break;
                if (mark_role(d, j) < 0) {
                    if (words_between(d, t->end, d->toks[j].start, 4) >= 4) {
                        dq q = {.open = k, .close = j, .start = t->end, .end = d->toks[j].start};
                        EL_PUSH(d->a, *out, q);
                        k = j;
                    }
                    break;
                }
            }
        }
    }
    if (inside) {
        cur.close = d->n_toks - 1;
        cur.end = d->toks[d->n_toks - 1].end;
        EL_PUSH(d->a, *out, cur);
    }
}

/* ---- People named in the text (used when no actor mentions exist) --------- */

/* Titles and roles that introduce a person's name: "Prime Minister Benjamin
** Netanyahu", "Mossad chief David Barnea", "spokesperson John Kriby". */
static const kw roles[] = {
    K("president"), K("minister"), K("premier"), K("chief"), K("head"), K("director"), K("spokesperson"),
    K("spokesman"), K("spokeswoman"), K("secretary"), K("general"), K("gen."), K("maj."), K("lt."), K("col."),
    K("capt."), K("sgt."), K("adm."), K("mr."), K("mrs."), K("ms."), K("dr."), K("prof."), K("sen."), K("rep."), K("gov."),
    K("senator"), K("ambassador"), K("envoy"), K("king"), K("queen"), K("prince"), K("emir"), K("sheikh"),
    K("commander"), K("leader"), K("adviser"), K("advisor"), K("aide"), K("mayor"), K("governor"), K("chancellor"),
    K("rabbi"), K("pope"), K("speaker"), K("judge"), K("colonel"), K("captain"), K("lieutenant"), K("sergeant"),
    K("ayatollah"), K("chairman"), K("chairwoman"), K("ceo"), K("negotiator"), K("mediator"), K("official"),
    K("lawmaker"), K("deputy"), K("counterpart"), K("mk"), K("coordinator"), K("observer"), K("sheik"), K_END,
};
static const kw honorifics[] = {K("mr."), K("mrs."), K("ms."), K("dr."), K("prof."), K("mr"), K("mrs"), K("ms"), K("dr"), K_END};
static const kw particles[] = {K("bin"), K("ibn"), K("al"), K("el"), K("de"), K("van"), K("von"), K("abu"), K("ben"), K("da"), K("du"), K("le"), K_END};

typedef struct person {
    const char *name;               /* fullest form, "Benjamin Netanyahu" */
    const char *sur; size_t sur_n;  /* surname as written */
    const char *role;               /* lower-case role words before the name */
} person;
typedef struct pmention { uint32_t pos; uint32_t who; } pmention;

typedef struct qctx {
    el_doc *d;
    const el_frame_filter *ff;      /* speech cues */
    uint8_t *cue_sent;              /* per sentence: 1 when a cue word may be in it */
    EL_VEC(uint32_t) cues;          /* the tokens that may be cues, ascending */
    el_frame **fr;                  /* per sentence: its frames once read (NULL: not yet) */
    uint8_t *n_fr;
    const kwbits *rolef;            /* roles and titles */
    EL_VEC(person) people;
    EL_VEC(pmention) ments;
    dq_vec dqs;
    /* What a pronoun refers to. */
    const char *last_speaker; uint32_t last_speaker_para; uint32_t last_speaker_pos;
    bool last_speaker_person;
    const char *last_quote_entity; uint32_t last_quote_para; uint32_t last_quote_end;
    const char *last_quote_speaker;
} qctx;

static bool is_role(const el_doc *d, size_t k) { return word_in(d, k, roles) >= 0; }
static bool name_tok(const el_doc *d, size_t k, uint32_t para) {
    if (k >= d->n_toks || d->toks[k].para != para) return false;
    size_t ml;
    if (flag(d, k, EL_TOK_CAP) && flag(d, k, EL_TOK_WORD) && !is_role(d, k) &&
        !el_month_at(tt(d, k), tl(d, k), &ml, false) && el_weekday_at(tt(d, k), tl(d, k), &ml, false) < 0 &&
        !is(d, k, "the") && !is(d, k, "a") && !flag(d, k, EL_TOK_UPPER))
        return true;
    /* "el-Sissi", "al-Thani" */
    return flag(d, k, EL_TOK_WORD) && tl(d, k) > 3 && (el_iprefix(tt(d, k), tl(d, k), "el-") ||
                                                       el_iprefix(tt(d, k), tl(d, k), "al-"));
}

static int person_find(const qctx *q, const char *sur, size_t n) {
    for (size_t i = 0; i < q->people.n; i++)
        if (q->people.v[i].sur_n == n && memcmp(q->people.v[i].sur, sur, n) == 0) return (int)i;
    return -1;
}

/* Read persons introduced by a role or title, then every later mention of
** their surnames. The same pass marks the sentences with a speech cue in
** q->cue_sent, so the frames of the others are never looked for. */
static void find_people(qctx *q) {
    el_doc *d = q->d;
    size_t si = 0;
    for (size_t k = 0; k + 1 < d->n_toks; k++) {
        const el_token *t = &d->toks[k];
        if (t->flags & EL_TOK_SSTART && k) si++;
        if ((t->flags & EL_TOK_WORD) && si < d->n_sents && kw_maybe(&q->ff->cue, t->lemma, t->lemma_len)) {
            q->cue_sent[si] = 1;
            EL_PUSH(d->a, q->cues, (uint32_t)k);
        }
        /* A role introduces a name only when a capital follows ("chief Ronen Bar"). */
        if (!(d->toks[k].flags & EL_TOK_WORD) || !(d->toks[k + 1].flags & EL_TOK_CAP) ||
            !kw_maybe(q->rolef, tt(d, k), tl(d, k)) || !name_tok(d, k + 1, d->toks[k].para) || !is_role(d, k))
            continue;
        uint32_t para = d->toks[k].para;
        size_t j = k + 1;
        while (j < d->n_toks && j < k + 6 && (name_tok(d, j, para) ||
               (word_in(d, j, particles) >= 0 && name_tok(d, j + 1, para))))
            j++;
        if (j == k + 1) continue;
        bool hon = word_in(d, k, honorifics) >= 0;
        /* One capitalised word after a role is a name only after a title
        ** ("President Biden", "Mr. Netanyahu"), not "chief Hamas". */
        if (j == k + 2 && !hon && !flag(d, k, EL_TOK_CAP)) continue;
        if (j == k + 2 && flag(d, k + 1, EL_TOK_POSS)) continue;
        size_t last = j - 1;
        const char *sur = tt(d, last);
        size_t sn = tl(d, last);
        int who = person_find(q, sur, sn);
        size_t full_n = d->toks[last].end - d->toks[k + 1].start;
        if (who < 0) {
            size_t r0 = k;
            while (r0 > 0 && (is_role(d, r0 - 1) || (flag(d, r0 - 1, EL_TOK_CAP) && d->toks[r0 - 1].para == para &&
                   !(d->toks[r0 - 1].flags & EL_TOK_SSTART))) && r0 + 4 > k)
                r0--;
            person p = {.name = el_arena_strndup(d->a, tt(d, k + 1), full_n), .sur = sur, .sur_n = sn,
                        .role = el_arena_strndup(d->a, tt(d, r0), d->toks[k].end - d->toks[r0].start)};
            EL_PUSH(d->a, q->people, p);
        } else if (!hon && full_n > strlen(q->people.v[who].name)) {
            q->people.v[who].name = el_arena_strndup(d->a, tt(d, k + 1), full_n);
        }
        k = j - 1;
    }
    for (size_t k = 0; k < d->n_toks && q->people.n; k++) {
        if (!flag(d, k, EL_TOK_CAP)) continue;
        int who = person_find(q, tt(d, k), tl(d, k));
        if (who < 0) continue;
        pmention m = {.pos = d->toks[k].start, .who = (uint32_t)who};
        EL_PUSH(d->a, q->ments, m);
    }
}

/* Does the role text r[0..n) fit the hint? "premier" fits a Prime Minister. */
static bool role_match(const char *r, size_t n, const char *hint) {
    if (el_ifind(r, n, hint) >= 0) return true;
    if (!strcmp(hint, "premier")) return el_ifind(r, n, "prime minister") >= 0;
    if (!strcmp(hint, "prime minister")) return el_ifind(r, n, "premier") >= 0;
    return false;
}

/* The actor stage's mentions, when they exist, name the entity at a span:
** the mention that ends the speaker phrase ("Prime Minister Benjamin
** Netanyahu", "the premier", "Hamas"), never a role noun alone ("a US
** official") nor a country inside a longer phrase ("Egypt's state
** information service"). NULL when there is none. */
#ifdef HAVE_MENTIONS
/* Index of the first mention that starts at or after byte pos (mentions are
** in text order). A binary search: a long article has thousands of mentions
** and quotes, and a scan per quote made the stage quadratic. */
static size_t ments_from(const el_doc *d, uint32_t pos) {
    size_t lo = 0, hi = d->n_ments;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->ments[mid].start < pos) lo = mid + 1; else hi = mid;
    }
    return lo;
}
#endif

static const char *mention_entity(const el_doc *d, uint32_t s, uint32_t e, bool *person) {
#ifdef HAVE_MENTIONS
    const el_mention *best = NULL;
    for (size_t i = ments_from(d, s); i < d->n_ments; i++) {
        const el_mention *m = &d->ments[i];
        if (m->start >= e) break;                           /* text order */
        if (m->end < s || m->start < s || !m->name || m->ent < 0) continue;
        if (m->type == EL_ENT_AGENT || m->kind == EL_MENT_AGENT || m->kind == EL_MENT_BARE) continue;
        best = m;
    }
    if (best && best->end + 2 >= e) {
        *person = best->type == EL_ENT_PERSON;
        return best->name;
    }
#else
    (void)d; (void)s; (void)e; (void)person;
#endif
    return NULL;
}

/* The last person the actor stage saw before byte pos (its canonical name),
** with role_hint in the mention's text when given; NULL when none. */
static const char *mention_person(const el_doc *d, uint32_t pos, const char *role_hint) {
#ifdef HAVE_MENTIONS
    const char *any = NULL;
    for (size_t i = ments_from(d, pos); i-- > 0;) {          /* later ones end after pos */
        const el_mention *m = &d->ments[i];
        if (m->end > pos || m->type != EL_ENT_PERSON || m->ent < 0 || !m->name) continue;
        if (!role_hint) return m->name;
        if (!any) any = m->name;
        if (role_match(d->body + m->start, m->end - m->start, role_hint)) return m->name;
    }
    return any;
#else
    (void)d; (void)pos; (void)role_hint;
    return NULL;
#endif
}

/* The last person named before byte pos, or -1; role_hint narrows it
** ("premier" matches a "Prime Minister"). */
static int last_person(const qctx *q, uint32_t pos, const char *role_hint) {
    int any = -1;
    size_t lo = 0, hi = q->ments.n;                          /* in text order: skip those at or after pos */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (q->ments.v[mid].pos < pos) lo = mid + 1; else hi = mid;
    }
    for (size_t i = lo; i-- > 0;) {
        int who = (int)q->ments.v[i].who;
        if (any < 0) any = who;
        if (!role_hint) return who;
        const char *r = q->people.v[who].role;
        if (role_match(r, strlen(r), role_hint)) return who;
    }
    return any;
}

/* ---- Speaker resolution --------------------------------------------------- */

static const kw office_words[] = {K("office"), K("department"), K("bureau"), K("cabinet"), K("spokesman"), K("spokesperson"), K_END};

/* Resolve the speaker phrase [s0, s1) at byte pos to an entity name, or NULL.
** *person_out says whether it is a person (pronouns may then refer to it). */
static const char *resolve(qctx *q, size_t s0, size_t s1, uint32_t pos, bool *person_out) {
    el_doc *d = q->d;
    *person_out = false;
    if (s1 <= s0) return NULL;
    size_t n = s1 - s0;
    uint32_t para = d->toks[s0].para;
    /* he / she: the speaker of the quote before if it is near, else the last
    ** person who spoke in this or the previous paragraph, else the last one named. */
    if (n == 1 && (is(d, s0, "he") || is(d, s0, "she"))) {
        if (q->last_quote_entity && q->last_quote_para + 1 >= para) return q->last_quote_entity;
        if (q->last_speaker && q->last_speaker_person && q->last_speaker_para + 2 >= para) {
            *person_out = true;
            return q->last_speaker;
        }
        const char *m = mention_person(d, pos, NULL);
        if (m) { *person_out = true; return m; }
        int who = last_person(q, pos, NULL);
        if (who >= 0) { *person_out = true; return q->people.v[who].name; }
        return NULL;
    }
    /* "his office", "the premier's office", "the presidential department" */
    size_t h = s1 - 1;
    if (word_in(d, h, office_words) >= 0 && n <= 4 && !flag(d, h, EL_TOK_CAP)) {
        const char *hint = NULL;
        for (size_t k = s0; k < h; k++) {
            if (is(d, k, "premier") || is(d, k, "premier's") || is(d, k, "prime")) hint = "premier";
            if (is(d, k, "president") || is(d, k, "presidential")) hint = hint ? hint : "president";
        }
        int who = -1;
        if (is(d, s0, "his") || is(d, s0, "her")) {
            if (q->last_speaker && q->last_speaker_person && q->last_speaker_para + 1 >= para)
                return el_arena_printf(d->a, "%s's office", q->last_speaker);
            hint = NULL;
        }
        const char *m = mention_person(d, pos, hint);
        if (m) return el_arena_printf(d->a, "%s's office", m);
        who = last_person(q, pos, hint);
        if (who >= 0) return el_arena_printf(d->a, "%s's office", q->people.v[who].name);
        return NULL;
    }
    /* What the actor stage found there, when it ran. */
    const char *m = mention_entity(d, d->toks[s0].start, d->toks[s1 - 1].end, person_out);
    if (m) return m;
    /* A named person inside the phrase: "Mr. Netanyahu", "spokesperson John Kriby". */
    for (size_t k = s1; k-- > s0;) {
        if (!flag(d, k, EL_TOK_CAP)) continue;
        int who = person_find(q, tt(d, k), tl(d, k));
        if (who >= 0) {
            *person_out = true;
            bool office = false;
            for (size_t j = k + 1; j < s1; j++) if (word_in(d, j, office_words) >= 0) office = true;
            if (office) { *person_out = false; return el_arena_printf(d->a, "%s's office", q->people.v[who].name); }
            return q->people.v[who].name;
        }
    }
    /* "the premier", "the prime minister", "the president" */
    if (n <= 3 && is(d, s0, "the")) {
        const char *hint = NULL;
        if (is(d, s1 - 1, "premier") || (is(d, s1 - 1, "minister") && is(d, s1 - 2, "prime"))) hint = "premier";
        else if (is(d, s1 - 1, "president")) hint = "president";
        else if (is(d, s1 - 1, "minister")) hint = "minister";
        if (hint) {
            const char *mp = mention_person(d, pos, hint);
            if (mp) { *person_out = true; return mp; }
            int who = last_person(q, pos, hint);
            if (who >= 0) { *person_out = true; return q->people.v[who].name; }
        }
    }
    return NULL;
}

/* ---- Walking the document ------------------------------------------------- */

typedef EL_VEC(el_quote) quote_vec;

/* Sentence index of token k (binary search). */
static uint32_t sent_of(const el_doc *d, size_t k) {
    size_t lo = 0, hi = d->n_sents;
    while (lo + 1 < hi) {
        size_t mid = (lo + hi) / 2;
        if (d->sents[mid].tok <= k) lo = mid; else hi = mid;
    }
    return (uint32_t)lo;
}

/* Is byte range [s, e) mostly covered by the direct quotes? */
static bool covered(const qctx *q, uint32_t s, uint32_t e) {
    uint32_t in = 0;
    for (size_t i = 0; i < q->dqs.n; i++) {
        uint32_t a = q->dqs.v[i].start > s ? q->dqs.v[i].start : s;
        uint32_t b = q->dqs.v[i].end < e ? q->dqs.v[i].end : e;
        if (b > a) in += b - a;
    }
    return e > s && in * 2 >= e - s;
}

static bool inside_dq(const qctx *q, uint32_t pos) {
    for (size_t i = 0; i < q->dqs.n; i++)
        if (pos >= q->dqs.v[i].start && pos < q->dqs.v[i].end) return true;
    return false;
}

/* Record a speaker as the one pronouns refer to next. */
static void note_speaker(qctx *q, const char *entity, bool person, uint32_t para, uint32_t pos) {
    if (!entity) return;
    q->last_speaker = entity;
    q->last_speaker_person = person;
    q->last_speaker_para = para;
    q->last_speaker_pos = pos;
}

/* Words after token k up to the next comma or the sentence end e; a "that"
** or a colon on the way means content follows (returns a large number). */
static size_t words_to_comma(const el_doc *d, size_t k, size_t e) {
    size_t n = 0;
    for (size_t j = k; j < e && !punct(d, j, ","); j++) {
        if (is(d, j, "that") || punct(d, j, ":")) return 99;
        if (flag(d, j, EL_TOK_WORD) || flag(d, j, EL_TOK_NUM)) n++;
    }
    return n;
}

/* First token after a tell/inform verb's listener ("told The Times of Israel"). */
static size_t skip_listener(const el_doc *d, const el_frame *f, size_t k, size_t e) {
    if (!(lem(d, f->verb, "tell") || lem(d, f->verb, "inform"))) return k;
    while (k < e && (flag(d, k, EL_TOK_CAP) || (is(d, k, "of") && flag(d, k + 1, EL_TOK_CAP)) ||
                     is(d, k, "reporters") || is(d, k, "journalists") || is(d, k, "mediators")))
        k++;
    return k;
}

/* Trim a trailing ", according to X" / ", citing X" off content [k, e). */
static size_t trim_tail(const el_doc *d, size_t k, size_t e) {
    for (size_t j = k + 1; j + 1 < e; j++)
        if (punct(d, j, ",") && (is(d, j + 1, "according") || is(d, j + 1, "citing") ||
                                 is(d, j + 1, "quoting") || is(d, j + 1, "adding")))
            return j;
    return e;
}

/* The content a speech frame reports, as a byte span; false if none. Three
** shapes: "CLAUSE, X said (Friday)." (the frame closes the sentence),
** "According to X, CLAUSE.", and "X said (in a statement) (that) CLAUSE." */
static bool frame_content(const el_doc *d, const el_frame *f, uint32_t si, uint32_t *cs, uint32_t *ce) {
    const el_sent *st = &d->sents[si];
    size_t a = st->tok, b = st->tok + st->n_tok;
    size_t e = b;
    while (e > a && (terminal(d, e - 1) || flag(d, e - 1, EL_TOK_QUOTE))) e--;
    size_t first = f->form == EL_FRAME_SUBJ_VERB ? f->subj : f->verb;
    size_t after = f->form == EL_FRAME_SUBJ_VERB ? f->verb + 1 : f->subj_end;
    after = skip_listener(d, f, after, e);
    bool tail = words_to_comma(d, after, e) <= 3;
    if (first > a + 3 && punct(d, first - 1, ",") && tail) {
        *cs = d->toks[a].start;
        *ce = d->toks[trim_tail(d, a, first - 1) - 1].end;
        return true;
    }
    if (f->form == EL_FRAME_ACCORDING) {
        if (f->verb == a && punct(d, f->subj_end, ",") && f->subj_end + 1 < e) {
            *cs = d->toks[f->subj_end + 1].start; *ce = d->toks[e - 1].end;
            return true;
        }
        return false;
    }
    if (f->form != EL_FRAME_SUBJ_VERB) return false;
    if (f->subj != a && !(punct(d, f->subj - 1, ",") || is(d, f->subj - 1, "and") ||
                          is(d, f->subj - 1, "but") || is(d, f->subj - 1, "where") ||
                          is(d, f->subj - 1, "while")))
        return false;
    /* "X said (in a statement) (on Friday) that CONTENT" / "X told Reuters CONTENT" */
    size_t k = after;
    bool that = false;
    for (size_t j = f->verb + 1; j < e && j < f->verb + 14; j++) {
        if (is(d, j, "that") || punct(d, j, ":")) { k = j + 1; that = true; break; }
        if (terminal(d, j) || flag(d, j, EL_TOK_QUOTE)) break;
    }
    if (!that) {
        size_t ml;
        while (k < e && (is(d, k, "on") || el_weekday_at(tt(d, k), tl(d, k), &ml, false) >= 0 ||
                         is(d, k, "night") || is(d, k, "morning") || is(d, k, "evening") ||
                         punct(d, k, ",")))
            k++;
        if (is(d, k, "it") || is(d, k, "to") || is(d, k, "in") || is(d, k, "about") || is(d, k, "so") ||
            is(d, k, "and") || is(d, k, "as") || is(d, k, "but") || is(d, k, "by") ||
            is(d, k, "of") || is(d, k, "nothing") || is(d, k, "this") || is(d, k, "with") ||
            is(d, k, "for") || flag(d, k, EL_TOK_PUNCT))
            return false;                              /* not a reported clause */
    }
    if (k >= e) return false;
    *cs = d->toks[k].start;
    *ce = d->toks[trim_tail(d, k, e) - 1].end;
    return true;
}

static const char *span_text(el_doc *d, uint32_t s, uint32_t e) {
    return el_arena_strndup(d->a, d->body + s, e - s);
}

/* The frames of sentence si, read once and kept (a direct quote looks at the
** sentences around it, the reported-speech pass at each one). */
static size_t frames_of(qctx *q, uint32_t si, const el_frame **out) {
    static const el_frame none[1];
    *out = none;
    if (si >= q->d->n_sents || !q->cue_sent[si]) return 0;
    if (!q->fr[si]) {
        el_frame tmp[16];
        /* The cue tokens of this sentence: from the first at or after its start. */
        uint32_t a = q->d->sents[si].tok;
        size_t lo = 0, hi = q->cues.n;
        while (lo < hi) { size_t mid = (lo + hi) / 2; if (q->cues.v[mid] < a) lo = mid + 1; else hi = mid; }
        size_t n = frames_from(q->d, q->ff, si, q->cues.v + lo, q->cues.n - lo, tmp, 16);
        if (n > 16) n = 16;
        q->fr[si] = el_arena_alloc(q->d->a, (n ? n : 1) * sizeof *tmp);
        if (!q->fr[si]) return 0;
        memcpy(q->fr[si], tmp, n * sizeof *tmp);
        q->n_fr[si] = (uint8_t)n;
    }
    *out = q->fr[si];
    return q->n_fr[si];
}

/* The quote's speaker is frame f's source: its span, its resolved entity,
** remembered for the quotes that follow. */
static void speaker_of_frame(qctx *q, const el_frame *f, el_quote *out) {
    const el_doc *d = q->d;
    out->spk_start = d->toks[f->subj].start;
    out->spk_end = d->toks[f->subj_end - 1].end;
    bool person;
    out->entity = resolve(q, f->subj, f->subj_end, out->spk_start, &person);
    note_speaker(q, out->entity, person, d->toks[f->subj].para, out->spk_start);
}

/* Speaker of direct quote dq: the frame right after its closing mark, else a
** frame before its opening mark in the same sentence, else the quote before
** when this one continues it. */
static void direct_speaker(qctx *q, const dq *x, el_quote *out) {
    el_doc *d = q->d;
    const el_frame *fr;
    /* After: ", a US official said", "he added", "said Netanyahu". */
    size_t k = x->close + 1;
    while (k < d->n_toks && (punct(d, k, ",") || (flag(d, k, EL_TOK_QUOTE) && k == x->close + 1))) k++;
    if (x->close > x->open && k < d->n_toks && d->toks[k].para == d->toks[x->close].para) {
        size_t nf = frames_of(q, sent_of(d, k), &fr);
        for (size_t i = 0; i < nf; i++) {
            size_t first = fr[i].form == EL_FRAME_SUBJ_VERB ? fr[i].subj : fr[i].verb;
            if (fr[i].form == EL_FRAME_CITING) continue;
            if (fr[i].form == EL_FRAME_ACCORDING) first = fr[i].verb;
            if (first >= k && first <= k + 1) {
                speaker_of_frame(q, &fr[i], out);
                return;
            }
        }
    }
    /* Before: "His office said in a statement that", "was quoted as saying ...:" */
    size_t nf = frames_of(q, sent_of(d, x->open), &fr);
    for (size_t i = nf; i-- > 0;) {
        if (fr[i].verb >= x->open || fr[i].form == EL_FRAME_CITING) continue;
        if (inside_dq(q, fr[i].start)) continue;
        speaker_of_frame(q, &fr[i], out);
        return;
    }
    /* A quote that continues the one before (same paragraph, or opening the next). */
    uint32_t para = d->toks[x->open].para;
    if (q->last_quote_speaker && (q->last_quote_para == para ||
        (q->last_quote_para + 1 == para && x->open > 0 && d->toks[x->open - 1].para != para))) {
        out->speaker = q->last_quote_speaker;
        out->entity = q->last_quote_entity;
    }
}

void el_quote_filters(el_word_filters *w) {
    frames_prepare(&w->frames);
    memset(&w->roles, 0, sizeof w->roles);
    kw_fill(&w->roles, roles);
}

int el_quotes_annotate(const el_engine *e, el_doc *d, el_diag *dg) {
    (void)dg;
    const el_word_filters *wf = el_word_filters_of(e, d->a);
    if (!wf) return EL_ENOMEM;
    qctx q = {.d = d, .ff = &wf->frames, .rolef = &wf->roles};
    quote_vec out = {0};
    q.cue_sent = el_arena_calloc(d->a, d->n_sents + 1);
    q.fr = el_arena_calloc(d->a, (d->n_sents + 1) * sizeof *q.fr);
    q.n_fr = el_arena_calloc(d->a, d->n_sents + 1);
    if (!q.cue_sent || !q.fr || !q.n_fr) return EL_ENOMEM;
    pair_marks(d, &q.dqs);
    find_people(&q);
    if (d->n_toks && d->n_sents) {                       /* find_people stops before the last token */
        const el_token *t = &d->toks[d->n_toks - 1];
        if ((t->flags & EL_TOK_WORD) && kw_maybe(&q.ff->cue, t->lemma, t->lemma_len)) {
            q.cue_sent[d->n_sents - 1] = 1;
            EL_PUSH(d->a, q.cues, (uint32_t)(d->n_toks - 1));
        }
    }
    size_t di = 0;
    for (uint32_t si = 0; si < d->n_sents; si++) {
        const el_sent *st = &d->sents[si];
        /* Direct quotes opening in this sentence, in order. */
        while (di < q.dqs.n && q.dqs.v[di].open < st->tok + st->n_tok) {
            const dq *x = &q.dqs.v[di++];
            if (words_between(d, x->start, x->end, 3) < 3) continue;    /* scare quotes: “delusional” */
            el_quote o = {.start = x->start, .end = x->end, .sent = sent_of(d, x->open), .type = EL_QUOTE_DIRECT};
            direct_speaker(&q, x, &o);
            if (o.spk_end > o.spk_start) o.speaker = span_text(d, o.spk_start, o.spk_end);
            if (o.speaker) {
                q.last_quote_speaker = o.speaker;
                q.last_quote_entity = o.entity;
                q.last_quote_para = d->toks[x->close].para;
                q.last_quote_end = x->end;
            }
            EL_PUSH(d->a, out, o);
        }
        /* Reported speech. */
        const el_frame *fr;
        size_t nf = frames_of(&q, si, &fr);
        for (size_t i = 0; i < nf; i++) {
            const el_frame *f = &fr[i];
            if (f->form == EL_FRAME_CITING || inside_dq(&q, f->start)) continue;
            bool person;
            uint32_t ss = d->toks[f->subj].start, se = d->toks[f->subj_end - 1].end;
            const char *ent = resolve(&q, f->subj, f->subj_end, ss, &person);
            uint32_t cs, ce;
            if (f->form != EL_FRAME_ACCORDING) note_speaker(&q, ent, person, d->toks[f->subj].para, ss);
            if (!frame_content(d, f, si, &cs, &ce)) continue;
            if (words_between(d, cs, ce, 4) < 4 || covered(&q, cs, ce)) continue;
            el_quote o = {.start = cs, .end = ce, .sent = si, .type = EL_QUOTE_INDIRECT,
                          .spk_start = ss, .spk_end = se, .speaker = span_text(d, ss, se), .entity = ent};
            EL_PUSH(d->a, out, o);
        }
    }
    /* Body order: direct quotes were added per sentence before its frames. */
    for (size_t i = 1; i < out.n; i++) {
        el_quote t = out.v[i];
        size_t j = i;
        while (j > 0 && out.v[j - 1].start > t.start) { out.v[j] = out.v[j - 1]; j--; }
        out.v[j] = t;
    }
    d->quotes = out.v;
    d->n_quotes = out.n;
    return el_arena_failed(d->a) ? EL_ENOMEM : EL_OK;
}
