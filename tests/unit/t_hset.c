/* Unit tests for lib/hset.c: the set against a plain sorted list, with
 * repeats near and far, in the default budget and in small ones that
 * send most keys to temporary files and merge them many times. */
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

static int
check(size_t mem, size_t n, int spills)
{
	struct hset *s = hset_new(mem);
	uint64_t *all = malloc(n * sizeof(*all)), x = 88172645463325252ULL, k;
	size_t i, added = 0, distinct;
	int fails = 0;

	for (i = 0; i < n; i++) {
		/* xorshift; a third of the keys repeat an earlier one, some
		 * are small numbers, one is 0 */
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		k = (i > 10 && x % 3 == 0) ? all[x % i] : x % 5 == 0 ? x & 0xffff : x;
		if (i == 1000)
			k = 0;
		all[i] = k;
		added += (size_t)hset_add(s, k);
	}
	qsort(all, n, sizeof(*all), cmp);
	for (distinct = 0, i = 0; i < n; i++)
		distinct += i == 0 || all[i] != all[i - 1];
	if (added != distinct || hset_count(s) != distinct) {
		fprintf(stderr, "mem %zu: added %zu, count %zu, distinct %zu\n",
		    mem, added, hset_count(s), distinct);
		fails++;
	}
	if ((hset_spilled(s) > 0) != spills) {
		fprintf(stderr, "mem %zu: %zu keys spilled\n", mem,
		    hset_spilled(s));
		fails++;
	}
	for (i = 0; i < n; i += 7)
		if (hset_add(s, all[i])) {
			fprintf(stderr, "mem %zu: key %zu came back as new\n",
			    mem, i);
			fails++;
			break;
		}
	hset_free(s);
	free(all);
	return fails;
}

int
main(void)
{
	char buf[32];
	int fails = 0;

	fails += check(0, 600000, 0);
	fails += check(0, 2000000, 1);
	fails += check(64 << 10, 300000, 1);
	fails += check(HSET_MINMEM, 50000, 1);
	fails += check(1, 3000, 1); /* taken as HSET_MINMEM */
	snprintf(buf, sizeof(buf), "abc");
	if (hash64(buf, 3, 1) == hash64("abd", 3, 1) ||
	    hash64(buf, 3, 1) != hash64("abc", 3, 1) ||
	    hash64("", 0, 1) == hash64("", 0, 2)) {
		fprintf(stderr, "hash64\n");
		fails++;
	}
	return fails != 0;
}
