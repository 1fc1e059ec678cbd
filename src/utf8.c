/*
** utf8.c: the single gate through which text enters.
** Pass 1 validates and repairs (and drops NUL and stray controls) into a new
** buffer; pass 2 runs utf8proc's NFC only when the text holds a code point
** that NFC could change, since most news text is already NFC and utf8proc
** allocates and walks the whole string.
*/
#include "utf8.h"
#include <string.h>
#include <utf8proc.h>
#include <stdlib.h>

/* Length of the valid UTF-8 sequence at s, or 0 if invalid. */
static int valid_seq(const unsigned char *s, size_t n, uint32_t *cp) {
    unsigned char c = s[0];
    if (c < 0x80) { *cp = c; return 1; }
    if (c < 0xC2) return 0;
    if (c < 0xE0) {
        if (n < 2 || (s[1] & 0xC0) != 0x80) return 0;
        *cp = ((uint32_t)(c & 0x1F) << 6) | (s[1] & 0x3F);
        return 2;
    }
    if (c < 0xF0) {
        if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80) return 0;
        if (c == 0xE0 && s[1] < 0xA0) return 0;             /* overlong */
        if (c == 0xED && s[1] >= 0xA0) return 0;            /* surrogate */
        *cp = ((uint32_t)(c & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
        return 3;
    }
    if (c < 0xF5) {
        if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 ||
            (s[3] & 0xC0) != 0x80) return 0;
        if (c == 0xF0 && s[1] < 0x90) return 0;             /* overlong */
        if (c == 0xF4 && s[1] >= 0x90) return 0;            /* > U+10FFFF */
        *cp = ((uint32_t)(c & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12) |
              ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
        return 4;
    }
    return 0;
}

/* Could NFC change this code point (or the one before it)? */
static int nfc_suspect(uint32_t cp) {
    if (cp < 0x300) return 0;
    if (cp >= 0x1100 && cp < 0x1200) return 1;              /* Hangul jamo */
    const utf8proc_property_t *p = utf8proc_get_property((utf8proc_int32_t)cp);
    if (p->combining_class) return 1;
    /* A canonical singleton or composition exclusion decomposes under NFC. */
    if (p->decomp_seqindex != UINT16_MAX && !p->decomp_type) return 1;
    if (p->comb_index != UINT16_MAX) return 1;              /* may compose */
    return 0;
}

char *el_utf8_clean(el_arena *a, const char *in, size_t n, size_t *out_len,
                    el_utf8_report *rep) {
    const unsigned char *s = (const unsigned char *)in;
    memset(rep, 0, sizeof *rep);
    /* U+FFFD is 3 bytes for 1 invalid byte, so the worst case is 3n; start
    ** with room for some and move to the worst case only if it is needed. */
    size_t cap = n + n / 16 + 16;
    char *out = el_arena_alloc(a, cap + 1);
    if (!out) return NULL;
    size_t o = 0, i = 0;
    int suspect = 0;
    while (i < n) {
        /* Plain printable ASCII, eight bytes at a time: nearly all news text. */
        while (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            const uint64_t hi = 0x8080808080808080ull, lo = 0x2020202020202020ull;
            if ((w & hi) || ((w - lo) & ~w & hi)) break;   /* a byte >= 0x80 or < 0x20 */
            memcpy(out + o, &w, 8);
            o += 8;
            i += 8;
        }
        if (i >= n) break;
        unsigned char c = s[i];
        if (c >= 0x20 && c < 0x80) { out[o++] = (char)c; i++; continue; }
        if (c < 0x20) {
            if (c == '\n' || c == '\t' || c == '\f') out[o++] = (char)c;
            else if (c == '\r') { out[o++] = '\n'; if (i + 1 < n && s[i + 1] == '\n') i++; }
            else if (c == 0) { if (!rep->n_nul++) rep->first_nul = i; }
            else rep->n_ctrl++;
            i++;
            continue;
        }
        uint32_t cp;
        int k = valid_seq(s + i, n - i, &cp);
        if (!k) {
            if (!rep->n_invalid++) rep->first_invalid = i;
            if (o + 3 + (n - i) > cap) {
                size_t ncap = o + 3 * (n - i) + 3;
                char *bigger = el_arena_grow(a, out, cap + 1, ncap + 1);
                if (!bigger) return NULL;
                out = bigger;
                cap = ncap;
            }
            memcpy(out + o, "\xEF\xBF\xBD", 3);
            o += 3;
            i++;
            continue;
        }
        if (!suspect && nfc_suspect(cp)) suspect = 1;
        memcpy(out + o, s + i, (size_t)k);
        o += (size_t)k;
        i += (size_t)k;
    }
    out[o] = '\0';
    if (suspect) {
        utf8proc_uint8_t *nfc = NULL;
        utf8proc_ssize_t m = utf8proc_map((const utf8proc_uint8_t *)out, (utf8proc_ssize_t)o,
                                          &nfc, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
        if (m >= 0 && nfc) {
            char *dst = (size_t)m <= o ? out : el_arena_alloc(a, (size_t)m + 1);
            if (!dst) { free(nfc); return NULL; }
            memcpy(dst, nfc, (size_t)m);   /* NFC rarely grows text, but it can */
            out = dst;
            o = (size_t)m;
            out[o] = '\0';
        }
        free(nfc);
    }
    *out_len = o;
    return out;
}

int el_utf8_decode(const char *s, size_t n, uint32_t *cp) {
    int k = valid_seq((const unsigned char *)s, n, cp);
    if (!k) { *cp = 0xFFFD; return 1; }
    return k;
}

size_t el_utf8_cut(const char *s, size_t n, size_t max) {
    if (n <= max) return n;
    while (max && ((unsigned char)s[max] & 0xC0) == 0x80) max--;   /* s[max] continues a character */
    return max;
}

long el_utf8_line_of(const char *s, size_t off) {
    long line = 1;
    for (const char *p = s, *end = s + off; (p = memchr(p, '\n', (size_t)(end - p))); p++)
        line++;
    return line;
}
