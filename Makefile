# sapipe: one non-recursive Makefile.
.SUFFIXES:

PREFIX    ?= /usr/local
MANPREFIX ?= $(PREFIX)/share/man
SHAREDIR  ?= $(PREFIX)/share/sapipe
DESTDIR   ?=

CC      ?= cc
O       ?= build
CFLAGS  ?= -O2 -g
WARN     = -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wno-unused-parameter
CPPFLAGS += -D_GNU_SOURCE -DSHAREDIR='"$(SHAREDIR)"' -Ilib
CSV_LIBS   ?= -lcsv
PCRE2_LIBS ?= $(shell pkg-config --libs libpcre2-8 2>/dev/null || echo -lpcre2-8)
Z_LIBS     ?= $(shell pkg-config --libs zlib 2>/dev/null || echo -lz)
LDLIBS  += $(CSV_LIBS) $(PCRE2_LIBS) $(Z_LIBS) -lm -pthread

# The tools: one line each.
BIN  =
BIN += sarender
BIN += crimerate
BIN += msgrank
BIN += csvclean
BIN += satrend
BIN += sapriority

LIBSRC = $(wildcard lib/*.c)
LIBOBJ = $(LIBSRC:lib/%.c=$(O)/lib/%.o)
LIBHDR = $(wildcard lib/*.h)
UNITSRC = $(wildcard tests/unit/*.c)
UNIT = $(UNITSRC:tests/unit/%.c=$(O)/unit/%)
PROGS = $(BIN:%=$(O)/%)
DEPS_DEB = libcsv-dev libpcre2-dev zlib1g-dev

all: $(O)/.deps $(PROGS)

# Find the three libraries, install them (as root on Debian) or name the
# packages in one message.
$(O)/.deps:
	@mkdir -p $(O); miss=""; \
	printf '#include <csv.h>\n' | $(CC) -E -x c - >/dev/null 2>&1 || miss="$$miss libcsv-dev"; \
	printf '#define PCRE2_CODE_UNIT_WIDTH 8\n#include <pcre2.h>\n' | $(CC) -E -x c - >/dev/null 2>&1 || miss="$$miss libpcre2-dev"; \
	printf '#include <zlib.h>\n' | $(CC) -E -x c - >/dev/null 2>&1 || miss="$$miss zlib1g-dev"; \
	if [ -n "$$miss" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing$$miss"; \
	    (apt-get install -y -q $$miss || { apt-get update -q && apt-get install -y -q $$miss; }) >/dev/null || exit 1; \
	  else \
	    echo "sapipe needs the Debian packages:$$miss (run: sudo apt-get install$$miss)" >&2; exit 1; \
	  fi; \
	fi; touch $@

$(O)/lib/%.o: lib/%.c $(LIBHDR) $(O)/.deps
	@mkdir -p $(O)/lib
	$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) -c -o $@ $<

$(O)/libsapipe.a: $(LIBOBJ)
	rm -f $@
	$(AR) rcs $@ $(LIBOBJ)

# The share folder is compiled in: rebuild when PREFIX changes.
$(O)/.sharedir: FORCE
	@mkdir -p $(O); echo '$(SHAREDIR)' | cmp -s - $@ || echo '$(SHAREDIR)' >$@

# A tool is cmd/TOOL.c, or past ~800 lines the .c files of cmd/TOOL/.
.SECONDEXPANSION:
$(O)/%: $$(wildcard cmd/$$*.c cmd/$$*/*.c cmd/$$*/*.h) $(O)/libsapipe.a $(LIBHDR) $(O)/.sharedir
	$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) $(LDFLAGS) -o $@ $(filter %.c,$^) $(O)/libsapipe.a $(LDLIBS)

$(O)/unit/%: tests/unit/%.c $(O)/libsapipe.a $(LIBHDR)
	@mkdir -p $(O)/unit
	$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) $(LDFLAGS) -o $@ $< $(O)/libsapipe.a $(LDLIBS)

check: all $(UNIT)
	@BUILD=$(O) BIN="$(BIN)" sh tests/run

# The whole suite under AddressSanitizer and UndefinedBehaviorSanitizer.
check-san:
	$(MAKE) O=build-san CC=clang \
	    CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	    LDFLAGS="-fsanitize=address,undefined" check

demo: all
	@sh examples/demo.sh $(O)

install: all
	mkdir -p $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(MANPREFIX)/man1 \
	    $(DESTDIR)$(MANPREFIX)/man7 $(DESTDIR)$(SHAREDIR)/profiles
	cp $(PROGS) $(DESTDIR)$(PREFIX)/bin/
	for t in $(BIN); do cp man/$$t.1 $(DESTDIR)$(MANPREFIX)/man1/; done
	[ ! -f man/sapipe.7 ] || cp man/sapipe.7 $(DESTDIR)$(MANPREFIX)/man7/
	cp lib/profiles/* $(DESTDIR)$(SHAREDIR)/profiles/

uninstall:
	for t in $(BIN); do rm -f $(DESTDIR)$(PREFIX)/bin/$$t \
	    $(DESTDIR)$(MANPREFIX)/man1/$$t.1; done
	rm -f $(DESTDIR)$(MANPREFIX)/man7/sapipe.7
	rm -rf $(DESTDIR)$(SHAREDIR)

bench: all
	@sh tests/bench.sh $(O)

clean:
	rm -rf build build-san build-fuzz

.PHONY: all check check-san demo install uninstall bench clean FORCE
FORCE:

# Fuzzing with libFuzzer: one binary per tests/fuzz/*.c, built by clang
# with the library into build-fuzz/, then each run for FUZZTIME seconds
# on a seed corpus made from the test cases. Any finding fails.
FUZZTIME ?= 20
FUZZ_CFLAGS = -O1 -g -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
FUZZ = $(patsubst tests/fuzz/%.c,$(O)/fuzz-%,$(wildcard tests/fuzz/*.c))

fuzz:
	$(MAKE) O=build-fuzz CC=clang CFLAGS="$(FUZZ_CFLAGS)" fuzz-bin
	sh tests/fuzz/run.sh build-fuzz $(FUZZTIME)

fuzz-bin: $(FUZZ)

$(O)/fuzz-%: tests/fuzz/%.c tests/fuzz/fuzz.h $(O)/libsapipe.a $(LIBHDR) $(wildcard cmd/*.c cmd/*/*.c cmd/*/*.h)
	$(CC) $(CPPFLAGS) -Itests/fuzz $(WARN) -Wno-unused-function $(CFLAGS) -fsanitize=fuzzer -Wl,--wrap=in_read,--wrap=errx,--wrap=err,--wrap=in_ahead -o $@ $< $(O)/libsapipe.a $(LDLIBS)

# One pass of the golden cases under valgrind's memcheck.
valgrind: all
	sh tests/valgrind.sh $(O)

.PHONY: fuzz fuzz-bin valgrind
