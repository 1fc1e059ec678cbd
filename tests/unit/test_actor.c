/* test_actor.c: recognition of actors, places and media (annotate_actor.c)
** on a small dictionary written here (fictional people): longest match, case
** rules, titles + names, unknown people, role nouns with their country,
** metonyms, possessives, coreference, dated codes, and run-wide ids. */
#include <math.h>
#include <sys/stat.h>
#include <unistd.h>
#include "testutil.h"
#include "annotate_actor.h"
#include "dict.h"

static const char *const fixture =
    "= ISR\tcountry\tIsrael\tlat=31.4\tlon=35.0\n"
    "Israeli\n"
    "~Jerusalem\n"
    "= ISR\tplace\tJerusalem\tcountry=ISR\tlat=31.77\tlon=35.21\tfeature=capital\n"
    "= QAT\tcountry\tQatar\tlat=25.3\tlon=51.2\n"
    "Qatari\n"
    "= EGY\tcountry\tEgypt\tlat=26.8\tlon=30.8\n"
    "Egyptian\n"
    "= PSE\tcountry\tPalestine\tlat=31.9\tlon=35.2\n"
    "Palestinian\n"
    "= USA\tcountry\tUnited States\tlat=39.8\tlon=-98.6\n"
    "US\n"
    "U.S.\n"
    "~Washington\n"
    "~White House\n"
    "= USA\tplace\tWashington\tcountry=USA\tlat=38.9\tlon=-77.0\tfeature=capital\n"
    "= USA\tplace\tWhite House\tcountry=USA\tlat=38.9\tlon=-77.04\tfeature=landmark\n"
    "= ISRSPY\torganization\tMossad\tcountry=ISR\n"
    "= USASPY\torganization\tCIA\tcountry=USA\n"
    "= PSEREBHMS\tgroup\tHamas\tcountry=PSE\n"
    "= USAMED\tmedia\tAxios\tcountry=USA\n"
    "= ISRGOV\tperson\tAvi Ronen\tcountry=ISR\n"
    "@ ISRGOV\tfrom=2022-12-29\trole=Prime Minister\n"
    "@ ISROPP\tfrom=2021-06-13\tto=2022-12-28\trole=Leader of the Opposition\n"
    "Ronen\n"
    "= ISRSPY\tperson\tDana Bar\tcountry=ISR\n"
    "@ ISRSPY\tfrom=2021\trole=Director of the Mossad\n"
    "?Bar\n"
    "= GOV\tagent\tprime minister\n"
    "premier\n"
    "= GOV\tagent\tmediator\n"
    "mediators\n"
    "= GOV\tagent\tspokesperson\n"
    "= GOV\tagent\tofficial\n"
    "officials\n"
    "= REB\tagent\tmilitants\n"
    "terror group\n";

typedef struct fx { el_arena *a; el_diag d; el_engine *e; } fx;

static int setup(void **st) {
    static fx x;
    char dir[64] = "/tmp/el_test_actor.XXXXXX", sub[96], file[128];
    assert_non_null(mkdtemp(dir));
    snprintf(sub, sizeof sub, "%s/dict", dir);
    mkdir(sub, 0700);
    snprintf(file, sizeof file, "%s/test.txt", sub);
    FILE *f = fopen(file, "w");
    fputs(fixture, f);
    fclose(f);
    el_diag_init(&x.d, NULL);
    x.e = tu_engine();
    el_dict_free(x.e->dict);
    x.e->dict = el_dict_open(dir, NULL, 0, x.e->lex, false, &x.d);
    assert_non_null(x.e->dict);
    assert_int_equal(x.d.n_rejected, 0);
    *st = &x;
    return 0;
}

/* Annotate text (date "YYYY-MM-DD" or NULL) in a fresh arena. */
static el_doc *annotate(fx *x, const char *text, const char *date) {
    el_arena_free(x->a);
    x->a = el_arena_new(NULL, 0);
    el_doc *doc = tu_doc(x->a, text, date, &x->d);
    assert_non_null(doc);
    assert_int_equal(el_actors_annotate(x->e, doc, &x->d), EL_OK);
    return doc;
}

/* The mention whose text is exactly s (the n-th such, from 0), or fail. */
static const el_mention *ment(const el_doc *doc, const char *s, int nth) {
    size_t n = strlen(s);
    for (size_t i = 0; i < doc->n_ments; i++) {
        const el_mention *m = &doc->ments[i];
        if (m->end - m->start == n && !memcmp(doc->body + m->start, s, n) && nth-- == 0) return m;
    }
    fprintf(stderr, "no mention '%s'; mentions:\n", s);
    for (size_t i = 0; i < doc->n_ments; i++)
        fprintf(stderr, "  [%.*s] %s\n", (int)(doc->ments[i].end - doc->ments[i].start),
                doc->body + doc->ments[i].start, doc->ments[i].code ? doc->ments[i].code : "-");
    fail();
    return NULL;
}

static bool has_ment(const el_doc *doc, const char *s) {
    size_t n = strlen(s);
    for (size_t i = 0; i < doc->n_ments; i++)
        if (doc->ments[i].end - doc->ments[i].start == n && !memcmp(doc->body + doc->ments[i].start, s, n)) return true;
    return false;
}

/* 1. Titles and a name are one mention, with the person's code at the date;
** the country inside is an inner mention. */
static void title_and_name_compose(void **st) {
    fx *x = *st;
    el_doc *doc = annotate(x, "Israeli Prime Minister Avi Ronen rejected the offer.", "2024-02-13");
    const el_mention *m = ment(doc, "Israeli Prime Minister Avi Ronen", 0);
    assert_int_equal(m->type, EL_ENT_PERSON);
    assert_string_equal(m->code, "ISRGOV");
    assert_string_equal(m->name, "Avi Ronen");
    const el_mention *in = ment(doc, "Israeli", 0);
    assert_int_equal(in->kind, EL_MENT_INNER);
    assert_string_equal(in->code, "ISR");
    /* Dated roles: the opposition leader in 2022, the header code with no date. */
    doc = annotate(x, "Avi Ronen spoke.", "2022-01-05");
    assert_string_equal(ment(doc, "Avi Ronen", 0)->code, "ISROPP");
    doc = annotate(x, "Avi Ronen spoke.", NULL);
    assert_string_equal(ment(doc, "Avi Ronen", 0)->code, "ISRGOV");
}

/* 2. Case rule and back-references: "Bar" the surname only after "Dana Bar"
** was named, and never "bar" the noun. */
static void case_rule_and_backrefs(void **st) {
    fx *x = *st;
    el_doc *doc = annotate(x, "Bar was closed. Dana Bar met them at a bar. Later Bar said no.", "2024-02-13");
    assert_int_equal(doc->n_ments, 2);
    const el_mention *a = ment(doc, "Dana Bar", 0), *b = ment(doc, "Bar", 0);
    assert_int_equal(a->ent, b->ent);
    assert_int_equal(b->kind, EL_MENT_SURNAME);
    assert_true(b->start > a->start);                  /* the first "Bar" matched nothing */
}

/* 3. Longest match, possessives, honorifics: "Mossad's Mr. Bar". */
static void possessive_and_honorific(void **st) {
    fx *x = *st;
    el_doc *doc = annotate(x, "Dana Bar arrived. Mossad's Mr. Bar then left.", "2024-02-13");
    const el_mention *m = ment(doc, "Mossad's Mr. Bar", 0);
    assert_int_equal(m->ent, ment(doc, "Dana Bar", 0)->ent);
    assert_string_equal(m->code, "ISRSPY");
    assert_int_equal(ment(doc, "Mossad", 0)->kind, EL_MENT_INNER);
}

/* 4. People in no dictionary, introduced by a title: coded from the body or
** country named with them, or from the sentence; later surnames refer back. */
static void unknown_people(void **st) {
    fx *x = *st;
    el_doc *doc = annotate(x, "Mossad chief Yoram Kessler flew in. Kessler said little.", "2024-02-13");
    const el_mention *m = ment(doc, "Mossad chief Yoram Kessler", 0);
    assert_int_equal(m->kind, EL_MENT_UNKNOWN);
    assert_string_equal(m->code, "ISRSPY");
    assert_string_equal(m->name, "Yoram Kessler");
    assert_int_equal(ment(doc, "Kessler", 0)->ent, m->ent);
    doc = annotate(x, "Israel sent Maj. Gen. Arik Tamir to the talks.", "2024-02-13");
    assert_string_equal(ment(doc, "Maj. Gen. Arik Tamir", 0)->code, "ISRMIL");
    doc = annotate(x, "spokesperson Jon Kriby said in a briefing from the White House that talks go on.", "2024-02-13");
    m = ment(doc, "spokesperson Jon Kriby", 0);
    assert_string_equal(m->code, "USAGOV");
    assert_string_equal(m->country, "USA");
    /* A body noun before a name is no title: "company Acme Holdings". */
    doc = annotate(x, "The official Acme Holdings said.", "2024-02-13");
    assert_false(has_ment(doc, "official Acme Holdings"));
}

/* 5. Role nouns take the country before them: "Qatari mediators" is Qatar
** as QATGOV; coordinated adjectives share the noun. */
static void role_nouns_with_country(void **st) {
    fx *x = *st;
    el_doc *doc = annotate(x, "Egyptian and Qatari mediators proposed talks. Officials agreed.", "2024-02-13");
    const el_mention *q = ment(doc, "Qatari mediators", 0), *e = ment(doc, "Egyptian", 0);
    assert_string_equal(q->code, "QATGOV");
    assert_string_equal(q->name, "Qatar");
    assert_int_equal(q->type, EL_ENT_COUNTRY);
    assert_string_equal(e->code, "EGYGOV");
    const el_mention *o = ment(doc, "Officials", 0);          /* a bare role noun: no entity */
    assert_int_equal(o->ent, -1);
    assert_int_equal(o->kind, EL_MENT_BARE);
}

/* 6. Metonyms stand for the government only where an actor stands. */
static void metonyms(void **st) {
    fx *x = *st;
    el_doc *doc = annotate(x, "Jerusalem rejected the offer. Talks were held in Jerusalem. "
                              "It was Washington's plan. Burns flew back to Washington. "
                              "The envoy said the White House embraces the plan.", "2024-02-13");
    const el_mention *a = ment(doc, "Jerusalem", 0), *b = ment(doc, "Jerusalem", 1);
    assert_string_equal(a->code, "ISRGOV");
    assert_int_equal(a->kind, EL_MENT_METONYM);
    assert_int_equal(a->type, EL_ENT_COUNTRY);
    assert_int_equal(b->type, EL_ENT_PLACE);
    assert_true(fabs(b->lat - 31.77) < 1e-9);
    assert_string_equal(ment(doc, "Washington", 0)->code, "USAGOV");
    assert_int_equal(ment(doc, "Washington", 1)->type, EL_ENT_PLACE);
    assert_string_equal(ment(doc, "the White House", 0)->code, "USAGOV");
}

/* 7. Definite descriptions: "the premier", "the Israeli premier", "the terror group". */
static void descriptions(void **st) {
    fx *x = *st;
    el_doc *doc = annotate(x, "Prime Minister Avi Ronen met Hamas envoys. The premier said no. "
                              "Hamas refused; the terror group wants more. The Israeli premier left.", "2024-02-13");
    const el_mention *p = ment(doc, "Prime Minister Avi Ronen", 0);
    assert_int_equal(ment(doc, "The premier", 0)->ent, p->ent);
    assert_int_equal(ment(doc, "The Israeli premier", 0)->ent, p->ent);
    const el_mention *g = ment(doc, "the terror group", 0);
    assert_int_equal(g->kind, EL_MENT_DESCR);
    assert_int_equal(g->ent, ment(doc, "Hamas", 1)->ent);
    /* With nobody to refer to, nothing is made up. */
    doc = annotate(x, "The premier said no.", "2024-02-13");
    assert_int_equal(doc->n_ments, 1);
    assert_int_equal(doc->ments[0].kind, EL_MENT_BARE);
}

/* 8. Media are typed media; "the" joins a name, not a name used as a modifier. */
static void media_and_the(void **st) {
    fx *x = *st;
    el_doc *doc = annotate(x, "The Axios website reported that the United States agreed, Axios said.", "2024-02-13");
    assert_int_equal(ment(doc, "Axios", 0)->type, EL_ENT_MEDIA);
    assert_int_equal(ment(doc, "Axios", 1)->type, EL_ENT_MEDIA);
    assert_false(has_ment(doc, "The Axios"));
    assert_string_equal(ment(doc, "the United States", 0)->code, "USA");
    const el_mention *u = ment(doc, "the United States", 0);
    assert_true(fabs(u->lon + 98.6) < 1e-9);
}

/* 9. Run-wide ids: the same entry or the same unknown full name, one id, in
** first-seen order. */
static void run_ids(void **st) {
    fx *x = *st;
    el_actor_index *ix = el_actor_index_new(true);
    el_doc *doc = annotate(x, "Avi Ronen met CIA chief Lee Varga.", "2024-02-13");
    doc->id = "a";
    assert_int_equal(el_actor_index_add(ix, doc), EL_OK);
    int ronen = ment(doc, "Avi Ronen", 0)->entity, varga = ment(doc, "CIA chief Lee Varga", 0)->entity;
    assert_int_equal(ronen, 1);
    doc = annotate(x, "CIA chief Lee Varga and Mr. Ronen spoke.", "2024-02-14");
    doc->id = "b";
    assert_int_equal(el_actor_index_add(ix, doc), EL_OK);
    assert_int_equal(ment(doc, "CIA chief Lee Varga", 0)->entity, varga);
    assert_int_equal(ment(doc, "Mr. Ronen", 0)->entity, ronen);
    const el_entity *E = el_actor_index_get(ix, (size_t)ronen - 1);
    assert_string_equal(E->name, "Avi Ronen");
    assert_int_equal(E->n_ments, 2);
    assert_string_equal(E->ments[1].article, "b");
    assert_string_equal(E->ments[1].text, "Mr. Ronen");
    el_actor_index_free(ix);
}

static int teardown(void **st) {
    fx *x = *st;
    el_arena_free(x->a);
    el_diag_fini(&x->d);
    return 0;
}

int main(void) {
    const struct CMUnitTest t[] = {
        cmocka_unit_test(title_and_name_compose), cmocka_unit_test(case_rule_and_backrefs),
        cmocka_unit_test(possessive_and_honorific), cmocka_unit_test(unknown_people),
        cmocka_unit_test(role_nouns_with_country), cmocka_unit_test(metonyms),
        cmocka_unit_test(descriptions), cmocka_unit_test(media_and_the), cmocka_unit_test(run_ids),
    };
    return cmocka_run_group_tests(t, setup, teardown);
}
