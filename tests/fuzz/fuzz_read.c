/*
** fuzz_read.c: libFuzzer target for stage 1-3 (read, clean, segment).
** The input is read three ways: as a plain-text article in memory
** (el_read_text, so binary-looking bytes also reach clean and segment), as
** a .jsonl file through the reader's front door (el_read_inputs: the
** binary test, line splitting, JSON parsing), and as the "text" of one
** JSON record (escaped controls and NULs inside JSON). Every doc must keep
** its spans inside body and print as one valid JSON object.
*/
#include "fuzz.h"
#include "commands.h"
#include "engine.h"
#include "read.h"

static el_engine *E;

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc; (void)argv;
    el_options o = {0};
    E = el_engine_open(&o, fz_diag());
    if (!E) abort();
    return 0;
}

static void process(el_doc *doc) {
    if (el_process_doc(E, doc, EL_STAGE_SEGMENT, fz_diag()) != EL_OK) return;
    fz_check_doc(doc);
    el_buf b = {0};
    el_write_article(&b, doc, EL_ART_TOKENS | EL_ART_RAW);
    el_buf_putc(&b, '\n');
    fz_check_jsonl(&b);
    el_buf_free(&b);
}

static int on_doc(el_doc *doc, void *ud) { (void)ud; process(doc); return 0; }

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size) {
    el_diag *d = fz_diag();
    /* 1. Plain text in memory. */
    el_doc *doc = fz_new_doc();
    el_arena *a = doc->a;
    if (el_read_text(E, doc, (const char *)data, size, d) == EL_OK) process(doc);
    el_arena_free(a);
    /* 2. The same bytes as a JSON Lines file. */
    char *path = strdup(fz_put("in.jsonl", data, size));
    el_read_inputs(E, &path, 1, d, on_doc, NULL);
    /* 3. The bytes as the text of one record (jansson escapes them). */
    json_t *o = json_pack("{s:s, s:s%}", "id", "f1", "text", (const char *)data, size);
    if (o) {
        char *line = json_dumps(o, JSON_COMPACT);
        json_decref(o);
        if (line) {
            fz_put("in.jsonl", (const unsigned char *)line, strlen(line));
            el_read_inputs(E, &path, 1, d, on_doc, NULL);
            free(line);
        }
    }
    free(path);
    return 0;
}
