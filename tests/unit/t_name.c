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
	if (fails)
		fprintf(stderr, "t_name: %d failed\n", fails);
	return fails != 0;
}
