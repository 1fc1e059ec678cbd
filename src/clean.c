/*
** clean.c: stage 2, separate an article's text from its page debris.
** In:  an el_doc from read.c, with raw = the text as read.
** Out: doc->body (the kept paragraphs joined by "\n\n"), doc->paras (spans
**      into body), doc->removed (every line set aside, with its kind and raw
**      line; nothing is dropped silently), title and dek for seed-format
**      text, and the date inferred from dated debris when nothing else gave
**      one (with the evidence named) .
** Rules are line-shaped: debris in news pages stands on a line of its own.
** A rule must never take a real paragraph; when unsure, keep the line.
*/
#include <stdlib.h>
#include <string.h>
#include "el_int.h"
#include "textutil.h"
#include "utf8.h"
#include <utf8proc.h>

const char *const el_debris_names[EL_DEBRIS__COUNT] = {
    "caption", "credit", "wire_slug", "gallery", "alt_text", "social", "comments",
    "navigation", "signature", "contributor", "byline", "fragment",
};

enum { KEEP = -1 };

typedef struct unit {           /* a paragraph candidate: one line or a wrapped block */
    const char *s;              /* into raw, trimmed */
    size_t n;
    uint32_t line;              /* raw line of its first byte */
    uint32_t block;             /* blank-line separated block it belongs to */
    bool joined;                /* several raw lines joined with spaces */
    int kind;                   /* KEEP or el_debris */
    uint16_t repeat;
} unit;

static bool eq_any(const char *s, size_t n, const char *const *list) {
    if (!n) return false;
    for (int i = 0; list[i]; i++)
        if (el_lower((unsigned char)list[i][0]) == el_lower((unsigned char)s[0]) && el_ieq(s, n, list[i]))
            return true;
    return false;
}

static bool prefix_any(const char *s, size_t n, const char *const *list) {
    for (int i = 0; list[i]; i++) if (el_iprefix(s, n, list[i])) return true;
    return false;
}

static bool ends_sentence(const char *s, size_t n) {
    if (!n) return false;
    unsigned char c = (unsigned char)s[n - 1];
    if (c == '.' || c == '!' || c == '?' || c == '"' || c == ':' || c == ';' || c == ')') return true;
    /* closing curly quote ” or ’ */
    return n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
           ((unsigned char)s[n - 1] == 0x9D || (unsigned char)s[n - 1] == 0x99);
}

static bool has_letter_or_digit(const char *s, size_t n) {
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int k = el_utf8_decode(s + i, n - i, &cp);
        if (cp < 0x80 ? el_is_alpha((int)cp) || el_is_digit((int)cp)
                      : utf8proc_category((utf8proc_int32_t)cp) <= UTF8PROC_CATEGORY_NO)
            return true;
        i += (size_t)k;
    }
    return false;
}

/* "Of the delegations.": a stray prepositional phrase left by machine
** translation or a broken page, standing as a paragraph of its own. */
static bool is_stray_phrase(const char *s, size_t n) {
    static const char *const preps[] = {"Of ", "From ", "To ", "For ", "With ", "By ", "At ", NULL};
    if (n > 40 || s[n - 1] != '.' || el_count_words(s, n) > 4 || !prefix_any(s, n, preps)) return false;
    for (size_t i = 1; i < n; i++)
        if (el_is_digit((unsigned char)s[i]) || (el_is_upper((unsigned char)s[i]) && s[i - 1] == ' '))
            return false;
    return true;
}

/* Share of letters outside Latin script (Hebrew, Arabic, Cyrillic, CJK...). */
static bool mostly_foreign_script(const char *s, size_t n) {
    size_t latin = 0, other = 0, i0 = 0;
    for (uint64_t w; i0 + 8 <= n; i0 += 8) {    /* plain ASCII, the common case: 8 bytes a step */
        memcpy(&w, s + i0, 8);
        if (w & 0x8080808080808080ull) break;
    }
    while (i0 < n && (unsigned char)s[i0] < 0x80) i0++;
    if (i0 == n) return false;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int k = el_utf8_decode(s + i, n - i, &cp);
        if ((cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') || (cp >= 0xC0 && cp < 0x250)) latin++;
        else if (cp >= 0x370 && cp != 0xFFFD && !(cp >= 0x2000 && cp < 0x2070)) other++;
        i += (size_t)k;
    }
    return other >= 2 && other > latin * 2;
}

static const char *const agencies[] = {
    "AP", "AFP", "EFE", "Reuters", "REUTERS", "dpa", "DPA", "ANSA", "Xinhua", "XINHUA",
    "TASS", "WAFA", "IANS", "PTI", "AA", "UPI", "Anadolu", "Kyodo", "Yonhap", NULL,
};

static bool is_agency(const char *s, size_t n) {
    for (int i = 0; agencies[i]; i++)
        if (strlen(agencies[i]) == n && memcmp(s, agencies[i], n) == 0) return true;
    return false;
}

/* "EFE", "(AFP)", "— Reuters", "-- AP": an agency signature line. */
static bool is_signature(const char *s, size_t n) {
    if (n > 24) return false;
    const char *p = s;
    size_t k = n;
    while (k && (*p == '(' || *p == '-' || *p == ' ' || (unsigned char)*p == 0xE2)) {
        if ((unsigned char)*p == 0xE2 && k >= 3) { p += 3; k -= 3; } else { p++; k--; }
    }
    while (k && (p[k - 1] == ')' || p[k - 1] == '.' || p[k - 1] == ' ')) k--;
    return k && is_agency(p, k);
}


/* "AFP 20240213 34JC4WD v1 HighRes ...": agency, yyyymmdd, id. */
static el_date wire_slug_date(const char *s, size_t n) {
    size_t i = 0;
    while (i < n && el_is_upper((unsigned char)s[i])) i++;
    if (i < 2 || i > 12 || i + 10 > n || s[i] != ' ') return EL_DATE_UNKNOWN;
    const char *d = s + i + 1;
    for (int k = 0; k < 8; k++) if (!el_is_digit((unsigned char)d[k])) return EL_DATE_UNKNOWN;
    if (i + 9 < n && s[i + 9] != ' ') return EL_DATE_UNKNOWN;
    int y = (d[0] - '0') * 1000 + (d[1] - '0') * 100 + (d[2] - '0') * 10 + (d[3] - '0');
    int m = (d[4] - '0') * 10 + (d[5] - '0'), dd = (d[6] - '0') * 10 + (d[7] - '0');
    if (!el_date_valid_ymd(y, m, dd) || y < 1980) return EL_DATE_UNKNOWN;
    return el_date_from_ymd(y, m, dd);
}

/* A capitalised name run, then '/', then another: "Al Drago/Pool via AP",
** "Chaim Goldberg/Flash90", "RONEN ZVULUN / POOL / AFP". */
static bool name_slash_name(const char *s, size_t n) {
    const char *sl = memchr(s, '/', n);
    if (!sl || sl == s || sl == s + n - 1) return false;
    size_t words = el_count_words(s, n);
    if (words > 10) return false;
    /* Every word must start with a capital, a digit, or be a short joiner. */
    size_t i = 0;
    while (i < n) {
        while (i < n && (s[i] == ' ' || s[i] == '/' || s[i] == '(' || s[i] == ')')) i++;
        if (i >= n) break;
        size_t j = i;
        while (j < n && s[j] != ' ' && s[j] != '/' && s[j] != ')') j++;
        unsigned char c = (unsigned char)s[i];
        if (!el_is_upper(c) && !el_is_digit(c) && c < 0x80 &&
            !el_ieq(s + i, j - i, "via") && !el_ieq(s + i, j - i, "and") &&
            !el_ieq(s + i, j - i, "de") && !el_ieq(s + i, j - i, "al") &&
            !el_ieq(s + i, j - i, "el") && !el_ieq(s + i, j - i, "van"))
            return false;
        i = j;
    }
    return true;
}

static const char *const photo_words[] = {
    "Flash90", "GPO", "Getty Images", "Getty", "EPA", "Pool", "AP Photo", "AFP", "Reuters",
    "REUTERS", "AP", "Shutterstock", "Courtesy", "IDF", "Handout", NULL,
};

/* The inside of a final "( ... )" that credits a picture. */
static bool is_credit_body(const char *s, size_t n) {
    el_trim(&s, &n);
    if (!n || n > 80) return false;
    if (el_iprefix(s, n, "Photo") || el_iprefix(s, n, "Credit") || el_iprefix(s, n, "Image") ||
        el_iprefix(s, n, "Picture"))
        return true;
    if (memchr(s, '/', n)) return name_slash_name(s, n);
    if (eq_any(s, n, photo_words)) return true;
    /* "IDF Spokesperson's Unit", "Courtesy of ..." */
    return el_iprefix(s, n, "Courtesy") || el_isuffix(s, n, "Spokesperson's Unit");
}

/* Does the unit end with a picture credit: "(Itai Ron/Flash90)",
** "Chaim Goldberg/Flash90)" (opening bracket lost)? */
static bool ends_with_credit(const char *s, size_t n, bool strict_paren) {
    if (n < 4) return false;
    size_t k = n;
    if (s[k - 1] == '.') k--;
    if (s[k - 1] != ')') {
        /* "... March 12, 2025. Karim Mansour/Reuters": the credit after the
        ** caption's last sentence, with no brackets at all. It has a '/' in
        ** the last 60 bytes, which memchr() rules out for most prose fast. */
        size_t lo = k > 60 ? k - 60 : 0;
        if (!memchr(s + lo, '/', k - lo)) return false;
        size_t j = k;
        while (j > 0 && s[j - 1] != '.' && k - j < 60) j--;
        if (j == 0 || j + 1 >= k || s[j] != ' ') return false;
        return memchr(s + j, '/', k - j) && name_slash_name(s + j + 1, k - j - 1);
    }
    k--;
    size_t i = k;
    while (i > 0 && s[i - 1] != '(' && s[i - 1] != ')' && k - i < 90) i--;
    if (i > 0 && s[i - 1] == '(') {
        const char *in = s + i;
        size_t m = k - i;
        if (strict_paren && !memchr(in, '/', m) && !el_iprefix(in, m, "Photo") &&
            !el_ieq(in, m, "Flash90") && !el_ieq(in, m, "GPO") && !el_ieq(in, m, "Getty Images"))
            return false;
        return is_credit_body(in, m);
    }
    /* No opening bracket: take the last words before ')' after a sentence end. */
    size_t j = k;
    while (j > 0 && s[j - 1] != '.' && k - j < 60) j--;
    if (j == 0 || s[j - 1] != '.') return false;
    const char *in = s + j;
    size_t m = k - j;
    el_trim(&in, &m);
    return memchr(in, '/', m) && name_slash_name(in, m);
}

static bool is_credit_line(const char *s, size_t n) {
    if (n > 120 || (ends_sentence(s, n) && s[n - 1] != ')')) return false;
    if (el_iprefix(s, n, "(Photo") || el_iprefix(s, n, "Photo:") || el_iprefix(s, n, "Photo credit") ||
        el_iprefix(s, n, "Credit:") || el_iprefix(s, n, "Image:") || el_iprefix(s, n, "Picture:") ||
        el_iprefix(s, n, "AP Photo") || el_iprefix(s, n, "(AP Photo") || el_iprefix(s, n, "Photo by"))
        return true;
    if (s[0] == '(' && s[n - 1] == ')') return is_credit_body(s + 1, n - 2);
    if (memchr(s, '/', n) && name_slash_name(s, n)) return true;
    return el_isuffix(s, n, "via Getty Images") || el_isuffix(s, n, "/ Getty Images");
}

static bool has_full_date(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        size_t ml;
        if ((i == 0 || s[i - 1] == ' ') && el_month_at(s + i, n - i, &ml, false)) {
            size_t j = i + ml;
            while (j < n && s[j] == ' ') j++;
            size_t d = j;
            while (j < n && el_is_digit((unsigned char)s[j])) j++;
            if (j > d && j + 6 <= n && s[j] == ',' && s[j + 1] == ' ' &&
                el_is_digit((unsigned char)s[j + 2]) && el_is_digit((unsigned char)s[j + 5]))
                return true;
        }
    }
    return false;
}

static const char *const nav_exact[] = {
    "Most Popular", "Most Read", "Most Viewed", "Read more", "Read more:", "Read More",
    "Related", "Related:", "Related Articles", "Related Stories", "Related Topics",
    "Recommended", "Recommended Stories", "More on this story", "Advertisement",
    "Skip to content", "Skip to main content", "Top stories", "Latest news", "Back to top",
    "Continue reading", "Continue Reading", "Also read", "See also", "Trending", "Next article",
    "Previous article", "Load more", "Show more", "Menu", "Home", "Watch", "Listen",
    "Listen to this article", "Editor's picks", "You may also like", "More from", NULL,
};
static const char *const nav_prefix[] = {
    "Read more:", "Read also:", "Also read:", "See also:", "SEE ALSO:", "WATCH:", "RELATED:",
    "Related:", "Recommended:", "More:", "Listen:", "Read next:", NULL,
};
static const char *const social_exact[] = {
    "Share", "Share This Article", "Share this article", "Share this", "Tweet", "Email",
    "Print", "Copy link", "Copy Link", "Facebook", "Twitter", "WhatsApp", "Telegram",
    "LinkedIn", "Share on Facebook", "Share on Twitter", "Share on X", "Share via Email",
    "Click to share", "Share this story", "Share page", "Share this:", "Share:", NULL,
};
static const char *const social_net[] = {
    "Facebook", "Twitter", "Instagram", "TikTok", "Telegram", "WhatsApp", "YouTube",
    "LinkedIn", "Google News", "Threads", NULL,
};
static const char *const comment_exact[] = {
    "Comments", "Comment", "Leave a comment", "Leave a Comment", "Add a comment",
    "View comments", "Show comments", "Post a comment", "Comments are closed",
    "Comments are closed.", "Join the conversation", "Be the first to comment", NULL,
};

/* The cues that gate the social and comment tests, looked for once a unit:
** every unit of every article is asked, and nearly all are prose that has
** none. memmem() beats a byte loop here: the needles are rare, and a switch
** on every byte (tried) costs twice its time in mispredicted branches. */
enum { CUE_SOCIAL = 1, CUE_COMMENT = 2 };

static unsigned cues_of(const char *s, size_t n) {
    unsigned c = 0;
    if (memmem(s, n, "omment", 6) || memmem(s, n, "OMMENT", 6)) c |= CUE_COMMENT;
    if (n <= 160 && (memchr(s, '|', n) || memmem(s, n, "ollow", 5) || memmem(s, n, "hare", 4) ||
                     memmem(s, n, "oin our", 7) || memmem(s, n, "ubscribe", 8) || memmem(s, n, "ign up", 6)))
        c |= CUE_SOCIAL;
    return c;
}

static bool is_social(const char *s, size_t n, unsigned cues) {
    if (n > 160) return false;
    if (eq_any(s, n, social_exact)) return true;
    /* Cheap gate before the per-network search: a follow/share cue or a bar. */
    if (!(cues & CUE_SOCIAL)) return false;
    if (n <= 40 && el_iprefix(s, n, "Share on ")) return true;
    /* Networks count only with a follow/share word or a bar (two of them) or
    ** after a follow/join opening (one): look for those first, and count
    ** networks only as far as needed. */
    bool bar = el_ifind(s, n, "follow") >= 0 || el_ifind(s, n, "share") >= 0 || memchr(s, '|', n);
    bool opening = el_iprefix(s, n, "Follow ") || el_iprefix(s, n, "<< Follow") ||
                   el_iprefix(s, n, "Join our") || el_iprefix(s, n, "Subscribe to our");
    if (bar || opening) {
        int nets = 0, need = opening ? 1 : 2;
        for (int i = 0; social_net[i] && nets < need; i++) if (el_ifind(s, n, social_net[i]) >= 0) nets++;
        if (nets >= need) return true;
    }
    return el_iprefix(s, n, "Sign up for our") && n < 120;
}

static bool is_comments(const char *s, size_t n, unsigned cues) {
    if (n > 600 || !(cues & CUE_COMMENT)) return false;
    if (eq_any(s, n, comment_exact)) return true;
    /* "12 comments" */
    size_t i = 0;
    while (i < n && el_is_digit((unsigned char)s[i])) i++;
    if (i && (el_ieq(s + i, n - i, " comments") || el_ieq(s + i, n - i, " comment"))) return true;
    /* Comment policies: talk about "commenter(s)" or comments plus terms. */
    if (el_ifind(s, n, "commenter") >= 0 || el_iprefix(s, n, "By posting a comment") ||
        el_iprefix(s, n, "By commenting") || el_iprefix(s, n, "Comments are moderated") ||
        el_iprefix(s, n, "Comments are closed") || el_iprefix(s, n, "Comments have been closed"))
        return true;
    return el_ifind(s, n, "comments") >= 0 &&
           (el_ifind(s, n, "policy") >= 0 || el_ifind(s, n, "terms of use") >= 0 ||
            el_ifind(s, n, "guidelines") >= 0) &&
           (el_ifind(s, n, "agree") >= 0 || el_ifind(s, n, "violat") >= 0);
}

static bool is_gallery(const char *s, size_t n) {
    size_t i = 0;
    while (i < n && el_is_digit((unsigned char)s[i])) i++;
    while (i < n && s[i] == ' ') i++;
    return el_ieq(s + i, n - i, "View gallery") || el_ieq(s + i, n - i, "photos") ||
           el_ieq(s + i, n - i, "images") || el_ieq(s + i, n - i, "Photo gallery") ||
           el_ieq(s + i, n - i, "Gallery");
}

static bool is_contributor(const char *s, size_t n) {
    if (n > 200) return false;
    return el_isuffix(s, n, "contributed to this report.") ||
           el_isuffix(s, n, "contributed to this report") ||
           el_isuffix(s, n, "contributed reporting.") || el_isuffix(s, n, "contributed reporting") ||
           el_isuffix(s, n, "contributed to this article.") ||
           el_iprefix(s, n, "Reporting by ") || el_iprefix(s, n, "Additional reporting by ") ||
           el_iprefix(s, n, "Editing by ") || el_iprefix(s, n, "Writing by ") ||
           el_iprefix(s, n, "Compiled by ");
}

static bool is_byline(const char *s, size_t n) {
    if (n > 90 || !el_iprefix(s, n, "By ") || ends_sentence(s, n)) return false;
    /* "By Jane Doe", "By Jane Doe and John Roe, Reuters": capitalised words. */
    size_t i = 3, words = 0;
    while (i < n) {
        while (i < n && (s[i] == ' ' || s[i] == ',' || s[i] == '|')) i++;
        if (i >= n) break;
        size_t j = i;
        while (j < n && s[j] != ' ' && s[j] != ',') j++;
        if (!el_is_upper((unsigned char)s[i]) && !el_ieq(s + i, j - i, "and") &&
            !el_ieq(s + i, j - i, "in") && !el_ieq(s + i, j - i, "de"))
            return false;
        words++;
        i = j;
    }
    return words >= 2 && words <= 10;
}

static bool starts_caption(const char *s, size_t n) {
    if (!strchr("IiFfPpCc", s[0])) return false;       /* the first letters below */
    return el_iprefix(s, n, "Illustrative:") || el_iprefix(s, n, "File:") ||
           el_iprefix(s, n, "FILE PHOTO:") || el_iprefix(s, n, "FILE -") ||
           el_iprefix(s, n, "Pictured:") || el_iprefix(s, n, "In this photo") ||
           el_iprefix(s, n, "Caption:");
}

/* Classify one unit on its own. Context rules (repeats, a caption line before
** a credit) are applied after. */
static int classify(const char *s, size_t n, bool latin_doc) {
    if (!has_letter_or_digit(s, n) || is_stray_phrase(s, n)) return EL_DEBRIS_FRAGMENT;
    if (wire_slug_date(s, n) != EL_DATE_UNKNOWN && !ends_sentence(s, n)) return EL_DEBRIS_WIRE_SLUG;
    if (is_gallery(s, n)) return EL_DEBRIS_GALLERY;
    if (latin_doc && mostly_foreign_script(s, n)) return EL_DEBRIS_ALT_TEXT;
    /* Every nav_prefix ends in ':' within its first 12 bytes. */
    bool colon = memchr(s, ':', n < 12 ? n : 12) != NULL;
    if (n <= 60 && (eq_any(s, n, nav_exact) || (colon && prefix_any(s, n, nav_prefix))))
        return EL_DEBRIS_NAVIGATION;
    if (n > 60 && n <= 200 && colon && prefix_any(s, n, nav_prefix)) return EL_DEBRIS_NAVIGATION;
    unsigned cues = n <= 600 ? cues_of(s, n) : 0;
    if (is_social(s, n, cues)) return EL_DEBRIS_SOCIAL;
    if (is_comments(s, n, cues)) return EL_DEBRIS_COMMENTS;
    if (is_signature(s, n)) return EL_DEBRIS_SIGNATURE;
    if (is_contributor(s, n)) return EL_DEBRIS_CONTRIBUTOR;
    if (is_byline(s, n)) return EL_DEBRIS_BYLINE;
    if (is_credit_line(s, n)) return EL_DEBRIS_CREDIT;
    if (starts_caption(s, n)) return EL_DEBRIS_CAPTION;
    /* A final parenthesised credit makes a caption; "(AP)" alone only when the
    ** line also carries a picture's date. */
    if (ends_with_credit(s, n, true)) return EL_DEBRIS_CAPTION;
    /* The loose reading differs from the strict one only for a final ")". */
    size_t k = n && s[n - 1] == '.' ? n - 1 : n;
    if (k && s[k - 1] == ')' && ends_with_credit(s, n, false) && has_full_date(s, n)) return EL_DEBRIS_CAPTION;
    return KEEP;
}

static bool doc_is_latin(const unit *u, size_t n) {
    size_t latin = 0, other = 0;
    for (size_t i = 0; i < n; i++) {
        if (mostly_foreign_script(u[i].s, u[i].n)) other += u[i].n;
        else latin += u[i].n;
    }
    return latin > other;
}

/* Split raw into units: lines, except that a hard-wrapped block (several
** lines, most not ending a sentence) is one unit. */
static unit *split_units(el_doc *doc, size_t *n_out) {
    EL_VEC(unit) u = {0};
    const char *s = doc->raw, *end = s + doc->raw_len;
    uint32_t line = 1, block = 0;
    const char *p = s;
    bool prev_blank = true;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        const char *ts = p;
        size_t tn = (size_t)(le - p);
        el_trim(&ts, &tn);
        if (!tn) {
            prev_blank = true;
        } else {
            if (prev_blank) block++;
            prev_blank = false;
            unit x = {.s = ts, .n = tn, .line = line, .block = block, .kind = KEEP, .repeat = 1};
            EL_PUSH(doc->a, u, x);
        }
        line++;
        p = nl ? nl + 1 : end;
    }
    /* Join hard-wrapped blocks: at least 3 lines, every line but the last
    ** long-ish (>= 40 bytes) and most not ending a sentence. */
    EL_VEC(unit) out = {0};
    for (size_t i = 0; i < u.n;) {
        size_t j = i;
        while (j < u.n && u.v[j].block == u.v[i].block) j++;
        size_t lines = j - i, open = 0, longish = 0;
        for (size_t k = i; k + 1 < j; k++) {
            if (!ends_sentence(u.v[k].s, u.v[k].n)) open++;
            if (u.v[k].n >= 40) longish++;
        }
        if (lines >= 3 && longish == lines - 1 && open * 2 >= lines - 1) {
            unit x = u.v[i];
            x.n = (size_t)(u.v[j - 1].s + u.v[j - 1].n - x.s);
            x.joined = true;
            EL_PUSH(doc->a, out, x);
        } else {
            /* A line that does not end a sentence, followed by one that starts
            ** in lower case, is a wrapped line, not two paragraphs. */
            for (size_t k = i; k < j; k++) {
                if (out.n && k > i && el_is_lowerc((unsigned char)u.v[k].s[0]) &&
                    !ends_sentence(out.v[out.n - 1].s, out.v[out.n - 1].n) &&
                    /* not "Most Popular" / "read more:" */
                    classify(out.v[out.n - 1].s, out.v[out.n - 1].n, true) == KEEP &&
                    classify(u.v[k].s, u.v[k].n, true) == KEEP) {
                    unit *p = &out.v[out.n - 1];
                    p->n = (size_t)(u.v[k].s + u.v[k].n - p->s);
                    p->joined = true;
                    continue;
                }
                EL_PUSH(doc->a, out, u.v[k]);
            }
        }
        i = j;
    }
    *n_out = out.n;
    return out.v;
}

/* Title and dek of seed-format text: a short first line without a final
** period, alone in its block, then optionally a one-line summary block. */
static void find_title_dek(el_doc *doc, unit *u, size_t n) {
    if (!doc->text_format || doc->title || n < 2) return;
    if (doc->header_date != EL_DATE_UNKNOWN) return;   /* header runs into the body */
    unit *t = &u[0];
    if (t->kind != KEEP || u[1].block == t->block || t->n > 250 ||
        el_count_words(t->s, t->n) < 2 || (ends_sentence(t->s, t->n) && t->s[t->n - 1] != '?'))
        return;
    t->kind = -2;                         /* taken as title */
    doc->title = el_arena_strndup(doc->a, t->s, t->n);
    if (n < 3) return;
    unit *k = &u[1];
    if (k->kind != KEEP || k->joined || (u[2].block == k->block) || k->n > 400 ||
        el_count_words(k->s, k->n) < 4 || ends_sentence(k->s, k->n))
        return;
    k->kind = -3;
    doc->dek = el_arena_strndup(doc->a, k->s, k->n);
}

/* Infer the publication date from dated debris, corroborated by the body's
** weekdays. Never without evidence. */
static void infer_date(el_doc *doc, const unit *u, size_t n) {
    el_date best = EL_DATE_UNKNOWN;
    const unit *from = NULL;
    bool slug = false;
    for (size_t i = 0; i < n; i++) {
        if (u[i].kind == EL_DEBRIS_WIRE_SLUG) {
            el_date t = wire_slug_date(u[i].s, u[i].n);
            if (!slug || t > best) { best = t; from = &u[i]; slug = true; }
        }
    }
    if (!slug) {
        for (size_t i = 0; i < n; i++) {
            if (u[i].kind != EL_DEBRIS_CAPTION) continue;
            const char *s = u[i].s;
            size_t m = u[i].n;
            for (size_t j = 0; j < m; j++) {
                size_t ml;
                int mo;
                if ((j == 0 || s[j - 1] == ' ') && (mo = el_month_at(s + j, m - j, &ml, false))) {
                    size_t k = j + ml;
                    while (k < m && s[k] == ' ') k++;
                    int d = 0, y = 0;
                    size_t k0 = k;
                    while (k < m && el_is_digit((unsigned char)s[k]) && k - k0 < 2) d = d * 10 + s[k++] - '0';
                    if (k == k0 || k + 6 > m || s[k] != ',' || s[k + 1] != ' ') continue;
                    k += 2;
                    for (int q = 0; q < 4; q++) {
                        if (!el_is_digit((unsigned char)s[k + q])) { y = -1; break; }
                        y = y * 10 + s[k + q] - '0';
                    }
                    if (y > 1980 && el_date_valid_ymd(y, mo, d)) {
                        el_date t = el_date_from_ymd(y, mo, d);
                        if (best == EL_DATE_UNKNOWN || t > best) { best = t; from = &u[i]; }
                    }
                }
            }
        }
    }
    if (best == EL_DATE_UNKNOWN) return;
    /* Corroborate: a weekday named in the kept text that falls on that date. */
    int wd = el_date_weekday(best);
    const char *cue = NULL;
    size_t cue_n = 0;
    for (size_t i = 0; i < n && !cue; i++) {
        if (u[i].kind != KEEP) continue;
        for (size_t j = 0; j < u[i].n; j++) {
            size_t wl;
            if ((j == 0 || !el_is_alpha((unsigned char)u[i].s[j - 1])) &&
                el_weekday_at(u[i].s + j, u[i].n - j, &wl, false) == wd && wl > 5) {
                cue = u[i].s + j;
                cue_n = wl;
                size_t back = j >= 3 && el_ieq(u[i].s + j - 3, 3, "on ") ? 3 : 0;
                cue -= back;
                cue_n += back;
                break;
            }
        }
    }
    if (!slug && !cue) return;            /* a dated photo alone proves nothing */
    char ds[11];
    el_date_format(best, ds);
    static const char *const wdn[] = {"Monday", "Tuesday", "Wednesday", "Thursday",
                                      "Friday", "Saturday", "Sunday"};
    int fl = (int)el_utf8_cut(from->s, from->n, 60);       /* never half a character */
    doc->date = best;
    doc->date_source = EL_DATE_INFERRED;
    if (cue)
        doc->date_evidence = el_arena_printf(doc->a,
            "%s '%.*s%s' dates it %s, a %s, and the body's '%.*s' agrees",
            slug ? "wire slug" : "latest dated photo caption", fl, from->s,
            from->n > 60 ? "..." : "", ds, wdn[wd], (int)cue_n, cue);
    else
        doc->date_evidence = el_arena_printf(doc->a,
            "wire slug '%.*s%s' dates it %s; no weekday in the body to check it against",
            fl, from->s, from->n > 60 ? "..." : "", ds);
}

int el_clean_doc(el_doc *doc, el_diag *d) {
    (void)d;
    size_t n = 0;
    unit *u = split_units(doc, &n);
    bool latin = doc_is_latin(u, n);
    for (size_t i = 0; i < n; i++) u[i].kind = classify(u[i].s, u[i].n, latin);
    /* Context: a short line without a final period just before a credit line
    ** is that picture's caption ("Joe Biden" / "(Photo: Evan Vucci / AP)"). */
    for (size_t i = 0; i + 1 < n; i++)
        if (u[i].kind == KEEP && u[i + 1].kind == EL_DEBRIS_CREDIT && u[i].n <= 200 &&
            !ends_sentence(u[i].s, u[i].n))
            u[i].kind = EL_DEBRIS_CAPTION;
    /* The same line twice in a row is one piece of debris seen twice. */
    for (size_t i = 1; i < n; i++)
        if (u[i].n == u[i - 1].n && memcmp(u[i].s, u[i - 1].s, u[i].n) == 0 &&
            (u[i - 1].kind >= 0 || u[i - 1].repeat > 1 || u[i].kind >= 0)) {
            if (u[i - 1].kind == KEEP) u[i - 1].kind = u[i].kind >= 0 ? u[i].kind : EL_DEBRIS_CAPTION;
            u[i - 1].repeat++;
            u[i].kind = -4;               /* merged into the one before */
        }
    find_title_dek(doc, u, n);
    /* Build body and removed. */
    size_t total = 0, n_keep = 0, n_rem = 0;
    for (size_t i = 0; i < n; i++) {
        if (u[i].kind == KEEP) { total += u[i].n + 2; n_keep++; }
        else if (u[i].kind >= 0) n_rem++;
    }
    doc->body = el_arena_alloc(doc->a, total + 1);
    doc->paras = el_arena_alloc(doc->a, (n_keep ? n_keep : 1) * sizeof *doc->paras);
    doc->removed = el_arena_alloc(doc->a, (n_rem ? n_rem : 1) * sizeof *doc->removed);
    if (!doc->body || !doc->paras || !doc->removed) return EL_ENOMEM;
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        if (u[i].kind == KEEP) {
            if (o) { doc->body[o++] = '\n'; doc->body[o++] = '\n'; }
            size_t start = o;
            memcpy(doc->body + o, u[i].s, u[i].n);   /* a wrapped unit keeps its "\n" */
            o += u[i].n;
            doc->paras[doc->n_paras++] = (el_span){(uint32_t)start, (uint32_t)o};
        } else if (u[i].kind >= 0) {
            el_removed *r = &doc->removed[doc->n_removed++];
            r->text = el_arena_strndup(doc->a, u[i].s, u[i].n);
            r->len = (uint32_t)u[i].n;
            r->raw_line = u[i].line;
            r->repeat = u[i].repeat;
            r->kind = (uint8_t)u[i].kind;
        }
    }
    doc->body[o] = '\0';
    doc->body_len = o;
    if (doc->date_source == EL_DATE_NONE) infer_date(doc, u, n);
    return el_arena_failed(doc->a) ? EL_ENOMEM : EL_OK;
}
