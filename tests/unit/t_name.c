/* Unit tests for lib/name.c: the one rule for matching names. */
#include <stdio.h>
#include <string.h>

#include "name.h"

static int fails;

#define CHECK(c) do { if (!(c)) { fails++; \
	fprintf(stderr, "%s:%d: %s\n", __FILE__, __LINE__, #c); } } while (0)

static int
key_is(const char *s, const char *want)
{
	struct sbuf b = {0};
	size_t n = name_key(&b, s, strlen(s));
	int ok = n == strlen(want) && strcmp(sb_str(&b), want) == 0;

	if (!ok)
		fprintf(stderr, "key of '%s' is '%s', want '%s'\n", s,
		    sb_str(&b), want);
	sb_free(&b);
	return ok;
}

#define EQ(a, b) name_eq(a, strlen(a), b, strlen(b))

int
main(void)
{
	CHECK(key_is("Dartford", "dartford"));
	CHECK(key_is("  DARTFORD\t", "dartford"));
	CHECK(key_is("North   Kent", "north kent"));
	CHECK(key_is("North \t Kent ", "north kent"));
	CHECK(key_is("", ""));
	CHECK(key_is(" \t ", ""));
	CHECK(key_is("Caf\xc3\xa9", "caf\xc3\xa9"));
	CHECK(key_is("CAF\xc3\x89", "caf\xc3\x89")); /* É is not é */
	CHECK(EQ("Total recorded crime", "total  RECORDED crime"));
	CHECK(EQ("Robbery", "ROBBERY"));
	CHECK(!EQ("Robbery", "Robbery s"));
	CHECK(!EQ("NorthKent", "North Kent"));
	CHECK(EQ("", "  "));
	/* a key is reused: old content replaced */
	{
		struct sbuf b = {0};
		name_key(&b, "LONGER NAME", 11);
		name_key(&b, "ab", 2);
		CHECK(b.len == 2 && strcmp(sb_str(&b), "ab") == 0);
		sb_free(&b);
	}
	/* name_near: a likely slip, by edit distance on keys */
	{
		const char *k[] = { "dartford", "gravesham", "north kent",
			"kent", "swale" };
		size_t n = sizeof(k) / sizeof(k[0]);

		CHECK(name_near("dartfrod", k, n) == 0); /* a swap: 1 */
		CHECK(name_near("dartfor", k, n) == 0);  /* one dropped */
		CHECK(name_near("gravsham", k, n) == 1);
		CHECK(name_near("gravshm", k, n) == -1); /* 2 edits in 7 bytes */
		CHECK(name_near("northkent", k, n) == 2);
		CHECK(name_near("kant", k, n) == 3);
		CHECK(name_near("knet", k, n) == 3);
		CHECK(name_near("kt", k, n) == -1);      /* 2 edits, short */
		CHECK(name_near("maidstone", k, n) == -1);
		CHECK(name_near("kent", k, n) == -1);    /* is one of them */
		CHECK(name_near("", k, n) == -1);
		CHECK(name_near("dartford", k, 0) == -1);
		CHECK(name_near("swalee", k, n) == 4);
		CHECK(name_near("dxrtfxrd", k, n) == 0); /* 2 in 8 bytes */
		CHECK(name_near("dxrtfxrx", k, n) == -1); /* 3 */
	}
	if (fails)
		fprintf(stderr, "t_name: %d failed\n", fails);
	return fails != 0;
}
