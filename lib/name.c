#include <stdlib.h>
#include <string.h>

#include "name.h"

static int
blank(int c)
{
	return c == ' ' || c == '\t';
}

size_t
name_key(struct sbuf *b, const char *s, size_t n)
{
	size_t i;
	int gap = 0;

	b->len = 0;
	while (n > 0 && blank((unsigned char)*s)) {
		s++;
		n--;
	}
	while (n > 0 && blank((unsigned char)s[n - 1]))
		n--;
	for (i = 0; i < n; i++) {
		if (blank((unsigned char)s[i])) {
			gap = 1;
			continue;
		}
		if (gap)
			sb_addc(b, ' ');
		gap = 0;
		sb_addc(b, s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
	}
	sb_str(b);
	return b->len;
}

int
name_eq(const char *s, size_t n, const char *t, size_t m)
{
	struct sbuf a = {0}, b = {0};
	int eq;

	name_key(&a, s, n);
	name_key(&b, t, m);
	eq = a.len == b.len && memcmp(sb_str(&a), sb_str(&b), a.len) == 0;
	sb_free(&a);
	sb_free(&b);
	return eq;
}

/* Edit distance with swaps of neighbours (optimal string alignment),
 * or a number above max when it is: three rows of the table. */
static size_t
osa(const char *a, size_t n, const char *b, size_t m, size_t max)
{
	size_t *base, *d0, *d1, *d2, *t, i, j, v, best;

	if ((n > m ? n - m : m - n) > max)
		return max + 1;
	d0 = base = xcalloc(3 * (m + 1), sizeof(*d0));
	d1 = d0 + m + 1;
	d2 = d1 + m + 1;
	for (j = 0; j <= m; j++)
		d1[j] = j;
	for (i = 1; i <= n; i++) {
		d2[0] = i;
		best = i;
		for (j = 1; j <= m; j++) {
			v = d1[j - 1] + (a[i - 1] != b[j - 1]);
			if (d1[j] + 1 < v)
				v = d1[j] + 1;
			if (d2[j - 1] + 1 < v)
				v = d2[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && d0[j - 2] + 1 < v)
				v = d0[j - 2] + 1;
			d2[j] = v;
			if (v < best)
				best = v;
		}
		t = d0, d0 = d1, d1 = d2, d2 = t;
		if (best > max) /* no cell of the row is near enough */
			break;
	}
	v = i > n ? d1[m] : max + 1;
	free(base);
	return v;
}

long
name_near(const char *key, const char *const *keys, size_t nkeys)
{
	size_t n = strlen(key), max = n > 7 ? 2 : 1, d, bestd, i;
	long best = -1;

	bestd = max + 1;
	for (i = 0; i < nkeys; i++) {
		if (strcmp(keys[i], key) == 0)
			return -1;
		d = osa(key, n, keys[i], strlen(keys[i]), max);
		if (d < bestd)
			bestd = d, best = (long)i;
	}
	return best;
}
