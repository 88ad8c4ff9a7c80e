#include <stdlib.h>
#include <string.h>

#include "hset.h"
#include "util.h"

struct hset {
	uint64_t *slot; /* 0 marks an empty slot */
	size_t mask, n;
	int zero;       /* the key 0 itself was added */
};

static uint64_t
mix(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	x *= 0xc4ceb9fe1a85ec53ULL;
	x ^= x >> 33;
	return x;
}

/* 8 bytes at a time, then a murmur-style finaliser: fast and well mixed. */
uint64_t
hash64(const void *p, size_t n, uint64_t seed)
{
	const unsigned char *s = p;
	uint64_t h = seed ^ (n * 0x9e3779b97f4a7c15ULL), w;

	while (n >= 8) {
		memcpy(&w, s, 8);
		h = mix(h ^ w) * 0x9e3779b97f4a7c15ULL;
		s += 8;
		n -= 8;
	}
	w = 0;
	memcpy(&w, s, n);
	return mix(h ^ w ^ ((uint64_t)n << 56));
}

struct hset *
hset_new(void)
{
	struct hset *s = xcalloc(1, sizeof(*s));

	s->mask = 1023;
	s->slot = xcalloc(s->mask + 1, sizeof(*s->slot));
	return s;
}

static void
rehash(struct hset *s)
{
	uint64_t *old = s->slot;
	size_t i, j, oldn = s->mask + 1;

	s->mask = 2 * oldn - 1;
	s->slot = xcalloc(s->mask + 1, sizeof(*s->slot));
	for (i = 0; i < oldn; i++)
		if (old[i]) {
			for (j = old[i] & s->mask; s->slot[j];
			    j = (j + 1) & s->mask)
				;
			s->slot[j] = old[i];
		}
	free(old);
}

int
hset_add(struct hset *s, uint64_t h)
{
	size_t j;

	if (h == 0) {
		if (s->zero)
			return 0;
		s->zero = 1;
		s->n++;
		return 1;
	}
	for (j = h & s->mask; s->slot[j]; j = (j + 1) & s->mask)
		if (s->slot[j] == h)
			return 0;
	s->slot[j] = h;
	if (++s->n * 10 > (s->mask + 1) * 7)
		rehash(s);
	return 1;
}

size_t
hset_count(const struct hset *s)
{
	return s->n;
}

void
hset_free(struct hset *s)
{
	if (!s)
		return;
	free(s->slot);
	free(s);
}
