/* Unit tests for lib/hset.c: the set against a plain sorted list, over
 * enough keys to merge many times, with repeats near and far. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hset.h"

static int
cmp(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return (x > y) - (x < y);
}

int
main(void)
{
	enum { N = 600000 };
	struct hset *s = hset_new();
	uint64_t *all = malloc(N * sizeof(*all)), x = 88172645463325252ULL, k;
	size_t i, added = 0, distinct, fails = 0;
	char buf[32];

	for (i = 0; i < N; i++) {
		/* xorshift; a third of the keys repeat an earlier one */
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		k = (i > 10 && x % 3 == 0) ? all[x % i] : x % 5 == 0 ? x & 0xffff : x;
		if (i == 1000)
			k = 0;
		all[i] = k;
		added += (size_t)hset_add(s, k);
	}
	qsort(all, N, sizeof(*all), cmp);
	for (distinct = 0, i = 0; i < N; i++)
		distinct += i == 0 || all[i] != all[i - 1];
	if (added != distinct || hset_count(s) != distinct) {
		fprintf(stderr, "added %zu, count %zu, distinct %zu\n", added,
		    hset_count(s), distinct);
		fails++;
	}
	for (i = 0; i < N; i += 7)
		if (hset_add(s, all[i])) {
			fprintf(stderr, "key %zu came back as new\n", i);
			fails++;
			break;
		}
	snprintf(buf, sizeof(buf), "abc");
	if (hash64(buf, 3, 1) == hash64("abd", 3, 1) ||
	    hash64(buf, 3, 1) != hash64("abc", 3, 1) ||
	    hash64("", 0, 1) == hash64("", 0, 2)) {
		fprintf(stderr, "hash64\n");
		fails++;
	}
	hset_free(s);
	free(all);
	return fails != 0;
}
