/* Strings interned to dense ids, and groups of records counted by
 * (area, category, bucket): open addressing, both. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hset.h"
#include "util.h"

#include "crimerate.h"

static void
st_grow(struct strtab *t)
{
	size_t i, j, cap = t->mask ? 2 * (t->mask + 1) : 64;

	free(t->slot);
	t->slot = xcalloc(cap, sizeof(*t->slot));
	t->mask = cap - 1;
	for (i = 0; i < t->n; i++) {
		for (j = t->h[i] & t->mask; t->slot[j]; j = (j + 1) & t->mask)
			;
		t->slot[j] = (uint32_t)i + 1;
	}
}

/* The id of s, or -1; *slot is where it would go. */
long
st_find(const struct strtab *t, const char *s, size_t n, uint64_t h,
    size_t *slot)
{
	size_t j;
	uint32_t id;

	if (!t->mask)
		return -1;
	for (j = h & t->mask; (id = t->slot[j]); j = (j + 1) & t->mask)
		if (t->h[id - 1] == h && t->len[id - 1] == n &&
		    memcmp(t->s[id - 1], s, n) == 0)
			return (long)id - 1;
	*slot = j;
	return -1;
}

uint32_t
st_id(struct strtab *t, const char *s, size_t n, int *isnew)
{
	uint64_t h;
	size_t slot = 0;
	long id;

	if (isnew)
		*isnew = 0;
	if (t->n && t->len[t->last] == n && memcmp(t->s[t->last], s, n) == 0)
		return t->last;
	h = hash64(s, n, 0);
	if ((id = st_find(t, s, n, h, &slot)) >= 0)
		return t->last = (uint32_t)id;
	if (isnew)
		*isnew = 1;
	if (2 * (t->n + 1) > t->mask + 1) {
		st_grow(t);
		st_find(t, s, n, h, &slot);
	}
	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 64;
		t->s = xreallocarray(t->s, t->cap, sizeof(*t->s));
		t->len = xreallocarray(t->len, t->cap, sizeof(*t->len));
		t->h = xreallocarray(t->h, t->cap, sizeof(*t->h));
	}
	t->s[t->n] = xstrndup(s, n);
	t->len[t->n] = n;
	t->h[t->n] = h;
	t->slot[slot] = (uint32_t)t->n + 1;
	return t->last = (uint32_t)t->n++;
}

void
st_free(struct strtab *t)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		free(t->s[i]);
	free(t->s);
	free(t->len);
	free(t->h);
	free(t->slot);
}

static size_t
g_slot(const struct gtab *t, uint32_t a, uint32_t c, long b)
{
	uint64_t h = (a * 0x9e3779b97f4a7c15u) ^ (c * 0xc2b2ae3d27d4eb4fu) ^
	    ((uint64_t)b * 0x165667b19e3779f9u);
	size_t j;

	h ^= h >> 31;
	for (j = h & t->mask; t->e[j].a != UINT32_MAX; j = (j + 1) & t->mask)
		if (t->e[j].a == a && t->e[j].c == c && t->e[j].b == b)
			break;
	return j;
}

static void
g_grow(struct gtab *t)
{
	struct grp *old = t->e;
	size_t i, cap = t->mask ? 2 * (t->mask + 1) : 1024, oldcap = t->mask + 1;

	t->e = xcalloc(cap, sizeof(*t->e));
	for (i = 0; i < cap; i++)
		t->e[i].a = UINT32_MAX;
	t->mask = cap - 1;
	for (i = 0; old && i < oldcap; i++)
		if (old[i].a != UINT32_MAX)
			t->e[g_slot(t, old[i].a, old[i].c, old[i].b)] = old[i];
	free(old);
}

/* Where the group is in t->e, created with a count of 0: valid until
 * t grows (t->mask changes). */
static inline size_t
g_place(struct gtab *t, uint32_t a, uint32_t c, long b)
{
	size_t j;

	if (!t->e || 2 * (t->n + 1) > t->mask + 1)
		g_grow(t);
	j = g_slot(t, a, c, b);
	if (t->e[j].a == UINT32_MAX) {
		t->e[j].a = a;
		t->e[j].c = c;
		t->e[j].b = b;
		t->e[j].n = 0;
		t->n++;
	}
	return j;
}

size_t
g_put(struct gtab *t, uint32_t a, uint32_t c, long b)
{
	return g_place(t, a, c, b);
}

/* The group's count, created at 0. */
int64_t *
g_get(struct gtab *t, uint32_t a, uint32_t c, long b)
{
	size_t j = g_place(t, a, c, b); /* before t->e is read: it may move */

	return &t->e[j].n;
}

int64_t
g_count(const struct gtab *t, uint32_t a, uint32_t c, long b)
{
	return t->e ? t->e[g_slot(t, a, c, b)].n : 0;
}

/* Where the group is in t->e, or the empty slot where it would go. */
size_t
g_at(const struct gtab *t, uint32_t a, uint32_t c, long b)
{
	return g_slot(t, a, c, b);
}
