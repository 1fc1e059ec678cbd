/*
** gen.c: a deterministic generator of news-like articles for the benchmark.
** In:  a count, a seed, a target size; nothing else (no files, no network).
** Out: COUNT articles, JSON Lines on stdout or one .txt file each in DIR.
** It models a world of many storylines, so that linking meets what real
** coverage gives it: thousands of invented people (names built from
** syllables, with titles and a country), invented bodies and towns, real
** country names; storylines with a cast, a place, a kind (talks, fighting,
** a disaster, protests ...) and a run of dated episodes; articles that each
** follow one storyline, chosen with Zipf-like popularity, from several
** outlets, some of them wire copy reprinted as is or lightly edited (the
** near-duplicates), with event verbs, relative dates, figures that outlets
** give a little differently, quotes and page debris.
** The text is random combinations, shaped like news, never to be read as news.
** Same arguments, same bytes: every choice comes from xorshift streams
** seeded from --seed and the article's place in the world, never the clock.
** usage: gen [--format jsonl|txt] [--size BYTES] [--seed N] COUNT [DIR]
**   jsonl writes to stdout; txt writes COUNT files into DIR.
*/
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- random streams ---- */

typedef struct rng { uint64_t s; } rng;

static uint64_t mix64(uint64_t x) {             /* splitmix64's finaliser */
    x += 0x9e3779b97f4a7c15ULL;
    x ^= x >> 30; x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27; x *= 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

/* A stream for one thing of the world (an actor, a storyline, an article),
** so that each is the same whatever else was drawn before it. */
static rng stream(uint64_t seed, uint64_t kind, uint64_t id) {
    rng r = {mix64(seed ^ mix64(kind * 0x100000001b3ULL + id)) | 1};
    return r;
}

static uint32_t next(rng *r) {
    r->s ^= r->s << 13; r->s ^= r->s >> 7; r->s ^= r->s << 17;
    return (uint32_t)(r->s >> 11);
}

static uint32_t below(rng *r, uint32_t n) { return n ? next(r) % n : 0; }
static double unit(rng *r) { return (next(r) & 0xffffff) / 16777216.0; }
#define PICK(r, a) (a[below(r, sizeof a / sizeof a[0])])
#define COUNT_OF(a) (sizeof a / sizeof a[0])

/* ---- vocabulary (written here) ---- */

static const char *const syl[] = {
    "ka", "lo", "mi", "ra", "ten", "vi", "sa", "dor", "bel", "an", "gri", "mo", "zan", "ul",
    "fe", "ri", "na", "hal", "ko", "ves", "tar", "el", "um", "sha", "ber", "dal", "ni", "or",
    "ser", "ja", "quin", "te", "bo", "lin", "ma", "rus", "die", "gan", "he", "pol", "ya", "zu",
    "mer", "cas", "to", "wen", "fa", "ob", "ild", "ne",
};
typedef struct country { const char *name, *adj, *capital; } country;
static const country countries[] = {
    {"Egypt", "Egyptian", "Cairo"}, {"Qatar", "Qatari", "Doha"}, {"Sudan", "Sudanese", "Khartoum"},
    {"Ethiopia", "Ethiopian", "Addis Ababa"}, {"Kenya", "Kenyan", "Nairobi"},
    {"Nigeria", "Nigerian", "Abuja"}, {"Mali", "Malian", "Bamako"}, {"Niger", "Nigerien", "Niamey"},
    {"Chad", "Chadian", "N'Djamena"}, {"Libya", "Libyan", "Tripoli"}, {"Tunisia", "Tunisian", "Tunis"},
    {"Algeria", "Algerian", "Algiers"}, {"Morocco", "Moroccan", "Rabat"}, {"Turkey", "Turkish", "Ankara"},
    {"Iran", "Iranian", "Tehran"}, {"Iraq", "Iraqi", "Baghdad"}, {"Syria", "Syrian", "Damascus"},
    {"Jordan", "Jordanian", "Amman"}, {"Lebanon", "Lebanese", "Beirut"}, {"Yemen", "Yemeni", "Sanaa"},
    {"Pakistan", "Pakistani", "Islamabad"}, {"Afghanistan", "Afghan", "Kabul"},
    {"India", "Indian", "New Delhi"}, {"Bangladesh", "Bangladeshi", "Dhaka"},
    {"Myanmar", "Myanmar", "Naypyitaw"}, {"Thailand", "Thai", "Bangkok"},
    {"Philippines", "Philippine", "Manila"}, {"Indonesia", "Indonesian", "Jakarta"},
    {"Ukraine", "Ukrainian", "Kyiv"}, {"Russia", "Russian", "Moscow"}, {"Poland", "Polish", "Warsaw"},
    {"Germany", "German", "Berlin"}, {"France", "French", "Paris"}, {"Brazil", "Brazilian", "Brasilia"},
    {"Colombia", "Colombian", "Bogota"}, {"Venezuela", "Venezuelan", "Caracas"},
    {"Mexico", "Mexican", "Mexico City"}, {"Peru", "Peruvian", "Lima"}, {"Haiti", "Haitian", "Port-au-Prince"},
    {"Somalia", "Somali", "Mogadishu"}, {"Mozambique", "Mozambican", "Maputo"},
    {"Serbia", "Serbian", "Belgrade"}, {"Armenia", "Armenian", "Yerevan"},
    {"Azerbaijan", "Azerbaijani", "Baku"}, {"Georgia", "Georgian", "Tbilisi"},
    {"Moldova", "Moldovan", "Chisinau"}, {"Nepal", "Nepali", "Kathmandu"},
    {"Senegal", "Senegalese", "Dakar"}, {"Ghana", "Ghanaian", "Accra"}, {"Chile", "Chilean", "Santiago"},
};
static const char *const titles[] = {
    "President", "Prime Minister", "Foreign Minister", "Defence Minister", "Interior Minister",
    "Finance Minister", "opposition leader", "Gen.", "Maj. Gen.", "Col.", "police chief",
    "army spokesman", "Health Minister", "Mayor", "Judge", "rebel commander",
    "union leader", "Ambassador", "Dr.", "envoy", "governor",
};
static const char *const org_head[] = {
    "Front", "Movement", "Alliance", "Council", "Party", "Brigades", "Union", "Congress",
    "Forces", "League", "Coalition", "Authority",
};
static const char *const org_adj[] = {
    "National", "Popular", "Democratic", "Revolutionary", "United", "Free", "Patriotic",
    "Progressive", "Northern", "Southern", "Eastern", "Western", "Islamic", "Republican",
};
static const char *const igos[] = {
    "the United Nations", "the African Union", "the European Union", "the Red Cross",
    "the World Food Programme", "UNICEF", "the World Health Organization", "the Arab League",
    "NATO", "the International Monetary Fund", "Amnesty International", "Human Rights Watch",
};
static const char *const outlet_a[] = {
    "Daily", "Evening", "Morning", "Northern", "Coastal", "National", "Free", "Weekly", "Capital", "Frontier",
};
static const char *const outlet_b[] = {
    "Post", "Herald", "Chronicle", "Gazette", "Observer", "Wire", "Times", "Courier", "Star",
    "Monitor", "Journal", "Tribune",
};
static const char *const weekdays[] = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
};
static const char *const months[] = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
};
static const char *const tails[] = {
    "officials said", "according to a statement", "a spokesperson told reporters",
    "two sources familiar with the matter said", "state media reported",
    "according to local officials", "witnesses said", "the ministry said in a statement",
    "diplomats said", "a senior official said on condition of anonymity",
};
static const char *const debris[] = {
    "Share This Article", "Leave a comment", "Most Popular", "read more:", "2 View gallery",
    "AP Photo/Staff Photographer", "(Photo: Lena Ruiz, Reuters)", "Agencies contributed to this report.",
    "<< Follow us on Facebook | Twitter | Instagram >>", "EFE", "Advertisement", "Sign up for our newsletter",
};
/* Words of general news prose, for background sentences. */
static const char *const filler[] = {
    "economy", "prices", "border", "security", "election", "budget", "corruption", "reform",
    "infrastructure", "harvest", "drought", "inflation", "refugees", "schools", "hospitals",
    "fuel", "exports", "investment", "unemployment", "currency", "roads", "water", "electricity",
    "tourism", "mining", "fisheries", "courts", "constitution", "parliament", "media",
};

static const char *const people_w[] = {
    "residents", "analysts", "farmers", "traders", "teachers", "doctors", "students", "diplomats",
    "economists", "aid workers", "lawmakers", "investors", "villagers", "families", "drivers",
    "nurses", "engineers", "local leaders", "shopkeepers", "journalists",
};
static const char *const feel_w[] = {
    "warned", "complained", "said", "feared", "hoped", "noted", "insisted", "acknowledged",
    "argued", "predicted",
};
static const char *const adj_w[] = {
    "rising", "chronic", "sudden", "severe", "growing", "long-standing", "widespread", "new",
    "persistent", "unexpected", "modest", "sharp", "costly", "local", "regional",
};
static const char *const effect_w[] = {
    "would take years to fix", "had hit the poorest hardest", "was being ignored by the capital",
    "could spread to neighbouring districts", "had already cost thousands of jobs",
    "made daily life harder", "threatened the next harvest", "was worse than last year",
    "had forced many to leave", "needed urgent attention",
};

/* A kind of storyline: its nouns, its event sentences ({A} {B}: cast, {O}
** a body, {P} the place, {C} the country, {D} a date phrase, {N} a figure,
** {W} the kind's noun), its headlines and its quotes. */
typedef struct kind {
    const char *noun, *counted;
    const char *events[8];
    const char *heads[4];
    const char *quotes[5];
} kind;

static const kind kinds[] = {
    {"talks", "prisoners",
     {"{A} met with {B} in {P} {D} to discuss a ceasefire, {T}.",
      "{A} rejected a proposal from {B} {D}, saying it did not meet the demands of {O}.",
      "Mediators from {C} hosted a new round of talks between {O} and {O2} in {P} {D}.",
      "{A} and {B} agreed {D} to exchange {N}, {T}.",
      "{A} called on {O} to release {N} before the talks resume in {P}.",
      "The delegation of {O} left {P} {D} without an agreement, {T}.",
      "{A} accused {B} of stalling the negotiations in {P}.",
      "{A} said {D} that a deal on {N} was close."},
     {"Talks in {P} end without a deal", "{O} and {O2} agree on prisoner exchange",
      "New round of {C} talks opens in {P}", "{A} rejects proposal as talks stall"},
     {"We will not accept the demands of {O}", "The talks were positive and constructive",
      "There is still work to do before an agreement", "Our position on {P} has not changed",
      "Nobody should expect a breakthrough this week"}},
    {"fighting", "people",
     {"{O} fighters attacked army positions near {P} {D}, killing {N}, {T}.",
      "{A} accused {O} of shelling residential areas of {P} {D}.",
      "Airstrikes on {P} killed {N} {D}, {T}.",
      "{A} vowed to retake {P} from {O}, {T}.",
      "{O} said it had captured a military base outside {P} {D}.",
      "The fighting around {P} has displaced {N}, according to {I}.",
      "{A} condemned the attack on a market in {P} and demanded an inquiry.",
      "{B} warned {D} that the offensive on {P} would continue."},
     {"Dozens killed as fighting rages near {P}", "{O} claims capture of base near {P}",
      "{A} vows to retake {P}", "Shelling of {P} draws condemnation"},
     {"We will defend every street of {P}", "The attack was a crime against civilians",
      "Our forces acted in self-defence", "The world cannot stay silent",
      "We call for an immediate ceasefire"}},
    {"earthquake", "people",
     {"A strong earthquake struck near {P} {D}, killing {N}, {T}.",
      "Rescue teams searched collapsed buildings in {P} for survivors {D}.",
      "{A} declared three days of national mourning after the quake killed {N}.",
      "{I} sent emergency aid to {P} {D}, {T}.",
      "Aftershocks shook {P} {D}, and {N} spent the night outdoors.",
      "{A} visited the worst-hit districts of {P} {D} and promised to rebuild.",
      "Engineers said many of the buildings that collapsed in {P} had ignored building codes.",
      "The death toll from the earthquake rose to {N}, {T}."},
     {"Earthquake kills dozens near {P}", "Rescuers search rubble in {P}",
      "Death toll from {P} quake rises", "{A} promises to rebuild {P}"},
     {"We are doing everything we can to reach those trapped", "The whole nation grieves today",
      "We need tents, blankets and medicine in {P}", "No one expected a quake this strong",
      "Every hour counts for the people under the rubble"}},
    {"protests", "protesters",
     {"Thousands of protesters marched through {P} {D}, demanding the resignation of {A}.",
      "Police fired tear gas at protesters in {P} {D}, {T}.",
      "{A} said {D} that the protests were organised by {O}.",
      "Security forces arrested {N} in {P} {D}, {T}.",
      "{O} called for a general strike across {C} {D}.",
      "{A} promised to meet the leaders of the protest movement in {P}.",
      "{I} urged the authorities in {C} to respect the right to protest.",
      "The protests in {P} entered their second week {D}."},
     {"Thousands march in {P} against {A}", "Police fire tear gas at protesters in {P}",
      "{O} calls general strike", "Arrests as protests spread across {C}"},
     {"We will stay in the streets until our demands are met", "The protesters are paid by {O}",
      "Peaceful protest is a right, not a crime", "We are ready for dialogue",
      "The government has lost the trust of the people"}},
    {"election", "votes",
     {"{A} claimed victory in the presidential election {D}, {T}.",
      "{B} refused to concede and accused {O} of fraud.",
      "Turnout in {P} reached {N}, {T}.",
      "The electoral commission of {C} said {D} that counting would take several days.",
      "{I} observers said the vote in {P} was largely orderly.",
      "{A} was sworn in as president in {P} {D}.",
      "{O} said it would challenge the results in court.",
      "{B} called on supporters to stay calm while the votes were counted."},
     {"{A} claims victory in {C} vote", "{B} refuses to concede", "Counting under way in {C}",
      "{A} sworn in as president"},
     {"The people have spoken", "This election was stolen by {O}", "We will respect the result",
      "Our observers saw no major irregularities", "Every vote must be counted"}},
    {"trial", "defendants",
     {"A court in {P} sentenced {A} to {N} in prison {D}, {T}.",
      "{A} denied the charges brought by prosecutors at the opening of the trial in {P}.",
      "Prosecutors in {C} charged {N} with corruption {D}.",
      "Lawyers for {A} said {D} that they would appeal the verdict.",
      "{I} called the trial of {A} politically motivated.",
      "The judge adjourned the hearing in {P} until next month, {T}.",
      "{B} testified {D} that he had received instructions from {A}.",
      "The court in {P} acquitted {N} {D}, {T}."},
     {"{A} sentenced in {P}", "Trial of {A} opens", "{A} to appeal verdict", "Court adjourns {A} hearing"},
     {"I am innocent of these charges", "Justice has been done", "This verdict is a gift to {O}",
      "We will take this case to the highest court", "The evidence speaks for itself"}},
    {"aid", "dollars",
     {"{I} pledged {N} in aid to {C} {D}, {T}.",
      "{A} signed an agreement with {I} in {P} {D} on food deliveries.",
      "Aid convoys reached {P} {D} for the first time in weeks, {T}.",
      "{A} imposed sanctions on {B} {D}, accusing him of blocking aid.",
      "{I} warned {D} that {N} faced hunger in {C}.",
      "{A} thanked {C2} for its help at a news conference in {P}.",
      "Donors meeting in {P} {D} promised {N} for reconstruction.",
      "{B} rejected the sanctions as interference in the affairs of {C}."},
     {"{I} pledges aid to {C}", "Aid convoys reach {P}", "Sanctions on {B} over aid", "Donors meet in {P}"},
     {"This aid will save lives", "Sanctions only hurt ordinary people", "We need access to {P}, not promises",
      "The needs are enormous", "We will not let our people starve"}},
};

/* ---- the world ---- */

typedef struct actor { char name[48]; const char *title; uint16_t country; } actor;
typedef struct org { char name[48]; } org;

typedef struct story {
    uint16_t kind, country, country2;
    uint32_t cast[6], orgs[2];
    char place[32];             /* a town, or the capital */
    int start, span;            /* days since 2023-01-01, and length in days */
    uint8_t n_ep;               /* episodes: happenings along the storyline */
} story;

typedef struct world {
    uint64_t seed;
    actor *actors; size_t n_actors;
    org *orgs; size_t n_orgs;
    story *stories; size_t n_stories;
    double *cum;                /* Zipf-like popularity, cumulative */
    char outlets[40][32];
} world;

/* A word of n syllables, capitalised, into out. */
static void word(rng *r, int n, char *out, size_t cap) {
    size_t k = 0;
    out[0] = '\0';
    for (int i = 0; i < n; i++) k += (size_t)snprintf(out + k, cap - k, "%s", PICK(r, syl));
    if (out[0] >= 'a' && out[0] <= 'z') out[0] -= 32;
}

static void build_world(world *w, uint64_t seed, long count) {
    w->seed = seed;
    w->n_actors = 4000 + (size_t)count / 20;
    w->n_orgs = 300 + (size_t)count / 200;
    w->n_stories = count / 25 < 40 ? 40 : (size_t)count / 25;
    w->actors = calloc(w->n_actors, sizeof *w->actors);
    w->orgs = calloc(w->n_orgs, sizeof *w->orgs);
    w->stories = calloc(w->n_stories, sizeof *w->stories);
    w->cum = calloc(w->n_stories, sizeof *w->cum);
    if (!w->actors || !w->orgs || !w->stories || !w->cum) { fprintf(stderr, "gen: out of memory\n"); exit(1); }
    for (size_t i = 0; i < w->n_actors; i++) {
        rng r = stream(seed, 1, i);
        actor *a = &w->actors[i];
        char f[24], l[24];
        word(&r, 2, f, sizeof f);
        word(&r, 2 + (int)below(&r, 2), l, sizeof l);
        snprintf(a->name, sizeof a->name, "%s %s", f, l);
        a->title = PICK(&r, titles);
        a->country = (uint16_t)below(&r, COUNT_OF(countries));
    }
    for (size_t i = 0; i < w->n_orgs; i++) {
        rng r = stream(seed, 2, i);
        char x[24];
        word(&r, 2 + (int)below(&r, 2), x, sizeof x);
        if (below(&r, 2)) snprintf(w->orgs[i].name, sizeof w->orgs[i].name, "the %s %s", PICK(&r, org_adj), PICK(&r, org_head));
        else snprintf(w->orgs[i].name, sizeof w->orgs[i].name, "the %s %s", x, PICK(&r, org_head));
    }
    double tot = 0;
    for (size_t i = 0; i < w->n_stories; i++) {
        rng r = stream(seed, 3, i);
        story *s = &w->stories[i];
        s->kind = (uint16_t)below(&r, COUNT_OF(kinds));
        s->country = (uint16_t)below(&r, COUNT_OF(countries));
        s->country2 = (uint16_t)below(&r, COUNT_OF(countries));
        for (int k = 0; k < 6; k++) s->cast[k] = below(&r, (uint32_t)w->n_actors);
        for (int k = 0; k < 2; k++) s->orgs[k] = below(&r, (uint32_t)w->n_orgs);
        if (below(&r, 3)) word(&r, 2 + (int)below(&r, 2), s->place, sizeof s->place);
        else snprintf(s->place, sizeof s->place, "%s", countries[s->country].capital);
        s->start = (int)below(&r, 700);
        s->span = 3 + (int)below(&r, below(&r, 2) ? 20 : 150);
        s->n_ep = (uint8_t)(1 + s->span / 8 + below(&r, 2));
        tot += 1.0 / (double)(i + 1);                 /* Zipf, exponent 1 */
        w->cum[i] = tot;
    }
    for (size_t i = 0; i < w->n_stories; i++) w->cum[i] /= tot;
    rng r = stream(seed, 4, 0);
    for (int i = 0; i < 40; i++) {
        if (i < 8) snprintf(w->outlets[i], sizeof w->outlets[i], "%s %s", PICK(&r, outlet_a), PICK(&r, outlet_b));
        else {
            char x[24];
            word(&r, 2, x, sizeof x);
            snprintf(w->outlets[i], sizeof w->outlets[i], "The %s %s", x, PICK(&r, outlet_b));
        }
    }
}

static size_t pick_story(const world *w, rng *r) {
    double u = unit(r);
    size_t lo = 0, hi = w->n_stories - 1;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (w->cum[mid] < u) lo = mid + 1; else hi = mid;
    }
    return lo;
}

/* ---- text ---- */

typedef struct sbuf { char *p; size_t n, cap; } sbuf;

static void putn(sbuf *b, const char *s, size_t k) {
    if (b->n + k + 1 > b->cap) {
        b->cap = (b->n + k + 1) * 2;
        b->p = realloc(b->p, b->cap);
        if (!b->p) { fprintf(stderr, "gen: out of memory\n"); exit(1); }
    }
    memcpy(b->p + b->n, s, k);
    b->n += k;
    b->p[b->n] = '\0';
}
static void put(sbuf *b, const char *s) { putn(b, s, strlen(s)); }

/* Civil date of day d since 2023-01-01 (Howard Hinnant's algorithm). */
static void civil(int d, int *y, int *m, int *dd) {
    long z = d + 19358L + 719468L;                  /* 2023-01-01 is day 19358 of 1970 */
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *dd = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

/* What one article is about, and who tells it. */
typedef struct view {
    const world *w;
    const story *s;
    int ep, day, pub;           /* episode, its day, the article's day */
    double figure;              /* the episode's main figure, as this outlet gives it */
    int fig_qual;
} view;

/* A date phrase for the episode's day, relative to the publication day. */
static void date_phrase(const view *v, rng *r, char *out, size_t cap) {
    int diff = v->pub - v->day, y, m, d;
    civil(v->day, &y, &m, &d);
    const char *wd = weekdays[(v->day + 6) % 7];    /* 2023-01-01 was a Sunday */
    switch (below(r, 4)) {
    case 0: snprintf(out, cap, "on %s", diff <= 6 ? wd : months[m - 1]); break;
    case 1: snprintf(out, cap, "on %s %d", months[m - 1], d); break;
    case 2:
        if (diff <= 0) snprintf(out, cap, "today");
        else if (diff == 1) snprintf(out, cap, "yesterday");
        else if (diff <= 6) snprintf(out, cap, "on %s", wd);
        else snprintf(out, cap, "earlier this month");
        break;
    default: snprintf(out, cap, "on %s, %s %d", wd, months[m - 1], d); break;
    }
}

static void figure_phrase(const view *v, rng *r, char *out, size_t cap) {
    static const char *const qual[] = {"at least", "more than", "some", "nearly", "about", ""};
    const char *q = qual[v->fig_qual % COUNT_OF(qual)];
    double f = v->figure;
    if (below(r, 4) == 0) f = (double)(long)(f * (0.6 + 0.3 * unit(r)));   /* an earlier count */
    const char *c = kinds[v->s->kind].counted;
    if (!strcmp(c, "dollars")) snprintf(out, cap, "$%.0f million", f / 50 + 1);
    else if (f >= 10000) snprintf(out, cap, "%s%s%ld,%03ld %s", q, *q ? " " : "", (long)f / 1000, (long)f % 1000, c);
    else snprintf(out, cap, "%s%s%ld %s", q, *q ? " " : "", (long)f, c);
}

static void person(const view *v, rng *r, int k, bool full, char *out, size_t cap) {
    const actor *a = &v->w->actors[v->s->cast[k % 6]];
    const char *last = strchr(a->name, ' ') + 1;
    if (full) snprintf(out, cap, "%s %s %s", countries[a->country].adj, a->title, a->name);
    else if (below(r, 3) == 0) snprintf(out, cap, "%s", a->name);
    else snprintf(out, cap, "%s", last);
}

/* Expand one template into b. */
static void expand(sbuf *b, const view *v, rng *r, const char *t, bool first) {
    char x[160];
    size_t start = b->n;
    for (const char *p = t; *p;) {
        if (*p != '{') { const char *q = strchr(p, '{'); size_t k = q ? (size_t)(q - p) : strlen(p); putn(b, p, k); p += k; continue; }
        const char *e = strchr(p, '}');
        size_t k = (size_t)(e - p - 1);
        x[0] = '\0';
        if (!strncmp(p + 1, "A", k)) person(v, r, (int)below(r, 3), first && below(r, 2), x, sizeof x);
        else if (!strncmp(p + 1, "B", k)) person(v, r, 3 + (int)below(r, 3), below(r, 3) == 0, x, sizeof x);
        else if (!strncmp(p + 1, "O", k)) snprintf(x, sizeof x, "%s", v->w->orgs[v->s->orgs[0]].name);
        else if (!strncmp(p + 1, "O2", k)) snprintf(x, sizeof x, "%s", v->w->orgs[v->s->orgs[1]].name);
        else if (!strncmp(p + 1, "P", k)) snprintf(x, sizeof x, "%s", v->s->place);
        else if (!strncmp(p + 1, "C", k)) snprintf(x, sizeof x, "%s", countries[v->s->country].name);
        else if (!strncmp(p + 1, "C2", k)) snprintf(x, sizeof x, "%s", countries[v->s->country2].name);
        else if (!strncmp(p + 1, "D", k)) date_phrase(v, r, x, sizeof x);
        else if (!strncmp(p + 1, "N", k)) figure_phrase(v, r, x, sizeof x);
        else if (!strncmp(p + 1, "T", k)) snprintf(x, sizeof x, "%s", PICK(r, tails));
        else if (!strncmp(p + 1, "I", k)) snprintf(x, sizeof x, "%s", PICK(r, igos));
        else if (!strncmp(p + 1, "W", k)) snprintf(x, sizeof x, "%s", kinds[v->s->kind].noun);
        put(b, x);
        p = e + 1;
    }
    if (b->n > start && b->p[start] >= 'a' && b->p[start] <= 'z') b->p[start] -= 32;
}

static void sentence(sbuf *b, const view *v, rng *r, bool first) {
    const kind *k = &kinds[v->s->kind];
    char x[512];
    unsigned c = first ? 0 : below(r, 10);
    if (c < 5) { expand(b, v, r, k->events[below(r, 8)], first); return; }
    if (c == 5) {
        char who[160];
        person(v, r, (int)below(r, 6), false, who, sizeof who);
        snprintf(x, sizeof x, "\"%s,\" %s said.", k->quotes[below(r, 5)], who);
        expand(b, v, r, x, false);
        return;
    }
    if (c == 6) {
        int y, m, d;
        civil(v->s->start, &y, &m, &d);
        snprintf(x, sizeof x, "The %s began in %s %d and drew in {O} and {I}.", k->noun, months[m - 1], y);
        expand(b, v, r, x, false);
        return;
    }
    if (c == 7) {
        snprintf(x, sizeof x, "{C} has also struggled with %s %s and %s in recent months, {T}.",
                 PICK(r, adj_w), PICK(r, filler), PICK(r, filler));
        expand(b, v, r, x, false);
        return;
    }
    /* Background in general words: many combinations, little repetition. */
    snprintf(x, sizeof x, "%s in %s %s that the %s %s %s, and that %s %s.", PICK(r, people_w),
             below(r, 2) ? "{P}" : "{C}", PICK(r, feel_w), PICK(r, adj_w), PICK(r, filler),
             PICK(r, effect_w), PICK(r, filler), PICK(r, effect_w));
    expand(b, v, r, x, false);
}

/* An article of about size bytes: an optional title, then paragraphs of
** one to three sentences with debris lines now and then. */
static void compose(sbuf *b, const view *v, rng *r, size_t size, sbuf *title) {
    b->n = 0;
    put(b, "");
    title->n = 0;
    put(title, "");
    expand(title, v, r, kinds[v->s->kind].heads[below(r, 4)], false);
    bool first = true;
    while (b->n < size) {
        int k = 1 + (int)below(r, 3);
        for (int i = 0; i < k; i++) { if (i) put(b, " "); sentence(b, v, r, first); first = false; }
        put(b, "\n\n");
        if (below(r, 9) == 0) { put(b, PICK(r, debris)); put(b, "\n\n"); }
    }
    while (b->n && b->p[b->n - 1] == '\n') b->p[--b->n] = '\0';
}

/* A light edit of wire copy: a paragraph dropped, a sentence reworded, the
** tail cut, an outlet's own debris added. Keeps most of the text. */
static void edit(sbuf *b, const view *v, rng *r) {
    sbuf o = {0};
    put(&o, "");
    int n_par = 0, drop = (int)below(r, 6), reword = (int)below(r, 6);
    size_t cut = b->n - b->n / (4 + below(r, 4));
    for (char *p = b->p; *p && (size_t)(p - b->p) < cut;) {
        char *e = strstr(p, "\n\n");
        size_t k = e ? (size_t)(e - p) : strlen(p);
        if (n_par == drop && n_par) { /* dropped */ }
        else if (n_par == reword) { sentence(&o, v, r, false); put(&o, "\n\n"); }
        else { putn(&o, p, k); put(&o, "\n\n"); }
        n_par++;
        p += k + (e ? 2 : 0);
    }
    if (below(r, 2)) { put(&o, PICK(r, debris)); put(&o, "\n\n"); }
    while (o.n && o.p[o.n - 1] == '\n') o.p[--o.n] = '\0';
    free(b->p);
    *b = o;
}

/* ---- articles ---- */

/* Article i: its storyline by popularity, an episode, an outlet; a fifth
** of them reprint one of the episode's wire stories (as is, or edited). */
static void article(const world *w, long i, size_t size, sbuf *b, sbuf *title, char *date, const char **outlet) {
    rng r = stream(w->seed, 5, (uint64_t)i);
    size_t si = pick_story(w, &r);
    const story *s = &w->stories[si];
    view v = {.w = w, .s = s};
    v.ep = (int)below(&r, s->n_ep);
    v.day = s->start + (s->n_ep > 1 ? v.ep * s->span / (s->n_ep - 1) : 0);
    rng er = stream(w->seed, 6, si * 256 + (uint64_t)v.ep);   /* the episode's own facts */
    double base = 5 + below(&er, below(&er, 3) ? 200 : 30000);
    v.fig_qual = (int)below(&er, 6);
    bool wire = below(&r, 5) == 0;
    if (wire) {
        /* One of the episode's three wire stories, dated as it was filed. */
        uint32_t k = below(&r, 3);
        rng wr = stream(w->seed, 7, (si * 256 + (uint64_t)v.ep) * 4 + k);
        v.pub = v.day + (int)below(&wr, 2);
        v.figure = base;
        compose(b, &v, &wr, size, title);
        if (below(&r, 2)) edit(b, &v, &r);
    } else {
        v.pub = v.day + (int)below(&r, 3);
        v.figure = below(&r, 3) ? base : (double)(long)(base * (0.8 + 0.4 * unit(&r)));
        if (v.figure < 1) v.figure = 1;
        v.fig_qual = (int)below(&r, 6);
        compose(b, &v, &r, size, title);
    }
    int y, m, d;
    civil(v.pub, &y, &m, &d);
    snprintf(date, 16, "%04d-%02d-%02d", y, m, d);
    *outlet = w->outlets[below(&r, 40)];
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
    uint64_t seed = 88172645463325252ULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--format") && i + 1 < argc) format = argv[++i];
        else if (!strcmp(argv[i], "--size") && i + 1 < argc) size = strtoul(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--seed") && i + 1 < argc) seed = strtoull(argv[++i], NULL, 10);
        else if (count < 0) count = atol(argv[i]);
        else dir = argv[i];
    }
    bool txt = !strcmp(format, "txt");
    if (count < 0 || (txt && !dir) || (!txt && strcmp(format, "jsonl"))) {
        fprintf(stderr, "usage: gen [--format jsonl|txt] [--size BYTES] [--seed N] COUNT [DIR]\n");
        return 2;
    }
    world w;
    build_world(&w, seed, count);
    sbuf b = {0}, title = {0};
    char date[16];
    const char *outlet;
    for (long i = 0; i < count; i++) {
        article(&w, i, size, &b, &title, date, &outlet);
        if (txt) {
            char path[4096];
            snprintf(path, sizeof path, "%s/a%07ld.txt", dir, i);
            FILE *f = fopen(path, "w");
            if (!f) { perror(path); return 1; }
            fprintf(f, "%s\n\n%s\n", title.p, b.p);
            fclose(f);
        } else {
            printf("{\"id\":\"g%07ld\",\"date\":\"%s\",\"outlet\":", i, date);
            json_str(stdout, outlet);
            fputs(",\"title\":", stdout);
            json_str(stdout, title.p);
            fputs(",\"body\":", stdout);
            json_str(stdout, b.p);
            fputs("}\n", stdout);
        }
    }
    free(b.p); free(title.p);
    free(w.actors); free(w.orgs); free(w.stories); free(w.cum);
    return 0;
}
