/*
** gen.c: a deterministic generator of realistic news articles for the
** benchmark. Same seed, same bytes. Articles mix the furniture eventline
** must handle: titles, deks, relative dates, named actors with titles,
** numbers, quotes, captions with credits, share and comment lines.
** The sentences are random combinations: nonsense about invented people and
** bodies, shaped like news, never to be read as news.
** usage: gen [--format jsonl|txt] [--size BYTES] [--seed N] COUNT [DIR]
**   jsonl writes to stdout; txt writes COUNT files into DIR.
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rng = 88172645463325252ULL;
static uint32_t next(void) { rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17; return (uint32_t)rng; }
#define PICK(a) (a[next() % (sizeof a / sizeof a[0])])

static const char *const who[] = {
    "Prime Minister Daniel Avraham", "Foreign Minister Leila Haddad", "the army", "rebel commanders",
    "UN envoy Marta Lindqvist", "Egyptian mediators", "Qatari officials", "the US State Department",
    "Maj. Gen. Omar Said", "Dr. Sara Klein", "a senior official", "the Red Cross", "the militants",
    "Defense Minister Yuri Petrenko", "President Amina Diallo", "the opposition", "protesters",
    "the Interior Ministry", "Gen. Farid Mansour", "the Coastal League", "the Northern Front",
    "Veloria", "the U.S. Embassy", "Mr. Khaled Nasser", "the government", "aid agencies", "police",
};
static const char *const did[] = {
    "met with", "rejected a proposal from", "accused", "called on", "agreed to talks with",
    "warned", "praised", "criticized", "signed an accord with", "held talks with",
    "demanded the release of prisoners held by", "promised aid to", "condemned",
    "threatened sanctions against", "urged restraint by", "hosted", "welcomed", "denied claims by",
};
static const char *const when[] = {
    "on Tuesday", "on Monday night", "last week", "over the weekend", "earlier this month",
    "on Feb. 12", "two weeks ago", "on Sunday", "this Wednesday", "on March 30, 2024",
    "yesterday", "late on Friday", "in November", "three days ago",
};
static const char *const where[] = {
    "in Cairo", "in Doha", "in Geneva", "in the Gaza Strip", "near Kharkiv", "in Khartoum",
    "in Tel Aviv", "at the UN headquarters in New York", "in Brussels", "in the capital",
};
static const char *const tail[] = {
    "officials said", "according to a statement", "Reuters reported", "the ministry said",
    "a spokesperson told reporters", "two sources familiar with the matter said",
    "state media reported", "according to local health officials",
};
static const char *const nums[] = {
    "at least 74 people", "some 1,500 prisoners", "more than 28,000 people", "35 to 40 hostages",
    "1.4 million displaced people", "dozens of civilians", "about 300 families", "nearly 12 million",
};
static const char *const quotes[] = {
    "We will not accept these demands", "The talks were positive and constructive",
    "There is still work to do before an agreement", "Our position has not changed",
    "This is a step toward a lasting ceasefire", "Nobody should expect a breakthrough this week",
};
static const char *const debris[] = {
    "Share This Article", "Leave a comment", "Most Popular", "read more:", "2 View gallery",
    "AP Photo/Staff Photographer", "(Photo: Lena Ruiz, Reuters)", "Agencies contributed to this report.",
    "<< Follow us on Facebook | Twitter | Instagram >>", "EFE",
};

typedef struct { char *p; size_t n, cap; } sbuf;
static void put(sbuf *b, const char *s) {
    size_t k = strlen(s);
    if (b->n + k + 1 > b->cap) { b->cap = (b->n + k + 1) * 2; b->p = realloc(b->p, b->cap); }
    memcpy(b->p + b->n, s, k + 1);
    b->n += k;
}

static void sentence(sbuf *b) {
    char s[1024];
    switch (next() % 5) {
    case 0: snprintf(s, sizeof s, "%c%s %s %s %s %s, %s.", 0, PICK(who), PICK(did), PICK(who), PICK(when), PICK(where), PICK(tail)); break;
    case 1: snprintf(s, sizeof s, "%c\"%s,\" %s said %s.", 0, PICK(quotes), PICK(who), PICK(when)); break;
    case 2: snprintf(s, sizeof s, "%cThe fighting has killed %s and displaced %s, %s.", 0, PICK(nums), PICK(nums), PICK(tail)); break;
    case 3: snprintf(s, sizeof s, "%c%s %s %s %s after talks %s collapsed.", 0, PICK(who), PICK(did), PICK(who), PICK(when), PICK(where)); break;
    default: snprintf(s, sizeof s, "%cTalks %s will resume %s, %s, with %s expected to attend.", 0, PICK(where), PICK(when), PICK(tail), PICK(who)); break;
    }
    char *t = s + 1;
    if (t[0] >= 'a' && t[0] <= 'z') t[0] -= 32;
    put(b, t);
}

static void article(sbuf *b, size_t size, int with_title) {
    b->n = 0;
    if (b->p) b->p[0] = '\0';
    if (with_title) {
        sentence(b);
        b->n--;                      /* a title has no final period */
        put(b, "\n\n");
    }
    while (b->n < size) {
        int k = 1 + (int)(next() % 3);
        for (int i = 0; i < k; i++) { if (i) put(b, " "); sentence(b); }
        put(b, "\n\n");
        if (next() % 9 == 0) { put(b, PICK(debris)); put(b, "\n\n"); }
    }
}

static void json_str(FILE *f, const char *s) {
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"' || *s == '\\') { fputc('\\', f); fputc(*s, f); }
        else if (*s == '\n') fputs("\\n", f);
        else fputc(*s, f);
    }
    fputc('"', f);
}

int main(int argc, char **argv) {
    const char *format = "jsonl", *dir = NULL;
    size_t size = 4000;
    long count = -1;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--format") && i + 1 < argc) format = argv[++i];
        else if (!strcmp(argv[i], "--size") && i + 1 < argc) size = strtoul(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--seed") && i + 1 < argc) rng = strtoull(argv[++i], NULL, 10) | 1;
        else if (count < 0) count = atol(argv[i]);
        else dir = argv[i];
    }
    if (count < 0 || (!strcmp(format, "txt") && !dir)) {
        fprintf(stderr, "usage: gen [--format jsonl|txt] [--size BYTES] [--seed N] COUNT [DIR]\n");
        return 2;
    }
    sbuf b = {0};
    for (long i = 0; i < count; i++) {
        article(&b, size, !strcmp(format, "txt"));
        if (!strcmp(format, "txt")) {
            char path[4096];
            snprintf(path, sizeof path, "%s/a%07ld.txt", dir, i);
            FILE *f = fopen(path, "w");
            if (!f) { perror(path); return 1; }
            fputs(b.p, f);
            fclose(f);
        } else {
            printf("{\"id\":\"g%07ld\",\"date\":\"2024-%02ld-%02ld\",\"outlet\":\"Generated Wire\",\"body\":", i,
                   1 + i % 12, 1 + i % 28);
            json_str(stdout, b.p);
            fputs("}\n", stdout);
        }
    }
    free(b.p);
    return 0;
}
