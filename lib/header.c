#include <stdlib.h>
#include <string.h>

#include "header.h"
#include "name.h"
#include "util.h"

/* The one rule of lib/name.h: a column is matched as an area is. */
char *
hdr_norm(const char *s, size_t n)
{
	struct sbuf b = { 0 };

	name_key(&b, s, n);
	return (char *)sb_str(&b);
}

struct hdr *
hdr_new(char *const *f, const size_t *len, size_t n)
{
	struct hdr *h = xcalloc(1, sizeof(*h));
	size_t i;

	h->n = n;
	h->name = xcalloc(n, sizeof(*h->name));
	h->key = xcalloc(n, sizeof(*h->key));
	for (i = 0; i < n; i++) {
		h->name[i] = xstrndup(f[i], len[i]);
		h->key[i] = hdr_norm(f[i], len[i]);
	}
	return h;
}

void
hdr_free(struct hdr *h)
{
	size_t i;

	if (!h)
		return;
	for (i = 0; i < h->n; i++) {
		free(h->name[i]);
		free(h->key[i]);
	}
	free(h->name);
	free(h->key);
	free(h);
}

long
hdr_find(const struct hdr *h, const char *names)
{
	const char *p = names, *bar;
	char *k;
	size_t i;

	for (;;) {
		bar = strchr(p, '|');
		k = hdr_norm(p, bar ? (size_t)(bar - p) : strlen(p));
		for (i = 0; i < h->n; i++)
			if (strcmp(h->key[i], k) == 0) {
				free(k);
				return (long)i;
			}
		free(k);
		if (!bar)
			return -1;
		p = bar + 1;
	}
}

struct keyidx {
	const char *key;
	size_t i;
};

static int
keycmp(const void *a, const void *b)
{
	const struct keyidx *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	return c ? c : (x->i > y->i) - (x->i < y->i);
}

long
hdr_role(const char *arg, const char *const *names, size_t n,
    const char **column)
{
	const char *eq = strchr(arg, '=');
	size_t i;

	if (!eq || eq == arg || eq[1] == '\0')
		return -1;
	for (i = 0; i < n; i++)
		if (strnieq(arg, (size_t)(eq - arg), names[i])) {
			*column = eq + 1;
			return (long)i;
		}
	return -1;
}

long
hdr_dup(const struct hdr *h, long *first)
{
	return hdr_dupv(h->key, h->n, first);
}

long
hdr_dupv(char *const *key, size_t n, long *first)
{
	struct keyidx *k;
	size_t i;
	long dup = -1;

	for (i = 0; i < n; i++)
		if (key[i][0] == '\0') {
			*first = -1;
			return (long)i;
		}
	/* Sorted, so 100,000 columns stay cheap. */
	k = xcalloc(n + 1, sizeof(*k));
	for (i = 0; i < n; i++) {
		k[i].key = key[i];
		k[i].i = i;
	}
	qsort(k, n, sizeof(*k), keycmp);
	for (i = 1; i < n; i++)
		if (strcmp(k[i].key, k[i - 1].key) == 0 &&
		    (dup < 0 || (long)k[i].i < dup)) {
			dup = (long)k[i].i;
			*first = (long)k[i - 1].i;
		}
	free(k);
	return dup;
}

int
hdr_same(const struct hdr *a, char *const *f, const size_t *len, size_t n)
{
	size_t i;
	char *k;
	int same = 1;

	if (n != a->n)
		return 0;
	for (i = 0; i < n && same; i++) {
		k = hdr_norm(f[i], len[i]);
		same = strcmp(k, a->key[i]) == 0;
		free(k);
	}
	return same;
}
