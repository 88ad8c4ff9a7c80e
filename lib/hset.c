#include <err.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "hset.h"
#include "util.h"

/*
 * Keys are stored multiplied by an odd constant (a bijection, so nothing
 * is lost) and a key's home slot is the top bits of that product. The
 * table is open addressing with linear probing, 8-byte slots, doubling at
 * 70 % until it takes 2/5 of the budget: one cache miss a look-up.
 *
 * When that table is full its keys go to a temporary file, sorted, and
 * the table starts again empty. Read in slot order the table is all but
 * sorted already (a key sits a few slots past its home at most), so the
 * sort is an insertion sort that does little. Spilled keys are also
 * entered in a blocked Bloom filter, the rest of the budget, so that a
 * new key, the common case, is known to be new after one more cache miss;
 * only when the filter says "maybe" are the runs read (one 4 KB page
 * each, found through an index of every page's first key). Runs are
 * merged like a binary counter, so there are never more than log2 of
 * them and a key is rewritten that many times at most.
 *
 * Measured on csvclean's police-street run over 2,000,000 rows (1.4
 * million ids): with everything in one growing table it took 28 MB at
 * peak. Two compact tables were tried before this and set aside: 7-byte
 * keys in 256 cuckoo-hashed parts (15 MB, 60 % slower) and 7-byte keys
 * kept in order in one array grown in place (16 MB, 30 % slower). Both
 * still grew with the input; this does not.
 */
#define PHI 0x9e3779b97f4a7c15ULL
#define PAGEKEYS 512    /* keys in a run's page: 4 KB */
#define BUFKEYS 8192    /* keys in a merge buffer: 64 KB */
#define BLOOMK 6        /* bits a key sets in its block, 9 bits each */
#define MAXRUNS 64

struct run {            /* sorted keys in an unlinked temporary file */
	int fd;
	size_t n;
	uint64_t *fence;    /* the first key of each page */
};

struct hset {
	uint64_t *slot;     /* 0 marks an empty slot */
	size_t mask, n;     /* slots - 1, keys in the table */
	int bits;           /* log2(slots) */
	size_t maxslots;
	size_t total, spilled;
	int zero;           /* the key 0 itself was added */
	uint64_t *bloom;    /* nblocks blocks of 8 words, made at first spill */
	size_t nblocks;
	struct run run[MAXRUNS];
	int nrun;
	char *dir;          /* where the temporary files go */
	uint64_t page[PAGEKEYS];
};

struct rd {             /* a run read in order */
	int fd;
	off_t off;
	size_t left, i, n;
	uint64_t buf[BUFKEYS];
};

__extension__ typedef unsigned __int128 u128;

/* Multiply to 128 bits and fold: wyhash's mixing step. */
static inline uint64_t
mum(uint64_t a, uint64_t b)
{
	u128 r = (u128)a * b;

	return (uint64_t)r ^ (uint64_t)(r >> 64);
}

/* In the manner of wyhash: 16 bytes a step, one 128-bit multiply each;
 * well mixed (dedup trusts 64 bits of it) and cheap on short keys. */
uint64_t
hash64(const void *p, size_t n, uint64_t seed)
{
	static const uint64_t s0 = 0xa0761d6478bd642fULL;
	static const uint64_t s1 = 0xe7037ed1a0b428dbULL;
	const unsigned char *s = p;
	uint64_t h = seed ^ mum(seed ^ s0, s1), a = 0, b = 0;
	size_t len = n;

	while (n > 16) {
		memcpy(&a, s, 8);
		memcpy(&b, s + 8, 8);
		h = mum(a ^ s1, b ^ h);
		s += 16;
		n -= 16;
	}
	/* The last 1..16 bytes as two words, overlapping where they are
	 * short: fixed-size loads, no copy of a variable length. */
	if (n >= 8) {
		memcpy(&a, s, 8);
		memcpy(&b, s + n - 8, 8);
	} else if (n >= 4) {
		uint32_t x, y;

		memcpy(&x, s, 4);
		memcpy(&y, s + n - 4, 4);
		a = (uint64_t)x << 32 | y;
		b = 0;
	} else {
		a = n ? (uint64_t)s[0] << 16 | (uint64_t)s[n >> 1] << 8 |
		    s[n - 1] : 0;
		b = 0;
	}
	return mum(s1 ^ len, mum(a ^ s1, b ^ h));
}

/* Table and filter are read at random: from 2 MiB on, ask for huge pages
 * so that each look-up is one cache miss and not a page walk as well. */
static uint64_t *
table(size_t n)
{
	size_t bytes = n * sizeof(uint64_t);
	void *p;

	if (bytes < (2u << 20))
		return xcalloc(n, sizeof(uint64_t));
	if (posix_memalign(&p, 2u << 20, bytes) != 0)
		errx(1, "out of memory");
	madvise(p, bytes, MADV_HUGEPAGE); /* a hint; fine if refused */
	memset(p, 0, bytes);
	return p;
}

static inline size_t
home(const struct hset *s, uint64_t m)
{
	return (size_t)(m >> (64 - s->bits));
}

static inline uint64_t *
block(const struct hset *s, uint64_t m)
{
	return s->bloom + 8 * (size_t)(((u128)m * s->nblocks) >> 64);
}

static void
bloom_add(struct hset *s, uint64_t m)
{
	uint64_t *b = block(s, m);
	int k;

	for (k = 0; k < BLOOMK; k++, m >>= 9)
		b[(m >> 6) & 7] |= 1ULL << (m & 63);
}

static int
bloom_has(const struct hset *s, uint64_t m)
{
	const uint64_t *b = block(s, m);
	int k;

	for (k = 0; k < BLOOMK; k++, m >>= 9)
		if (!(b[(m >> 6) & 7] & 1ULL << (m & 63)))
			return 0;
	return 1;
}

struct hset *
hset_new(size_t mem)
{
	struct hset *s = xcalloc(1, sizeof(*s));
	const char *d = getenv("TMPDIR");

	if (mem == 0)
		mem = HSET_MEM;
	if (mem < HSET_MINMEM)
		mem = HSET_MINMEM;
	for (s->maxslots = 256; s->maxslots * 2 * 8 <= mem / 5 * 2;)
		s->maxslots *= 2;
	s->nblocks = (mem - s->maxslots * 8) / 64;
	s->bits = 10;
	while ((1u << s->bits) > s->maxslots)
		s->bits--;
	s->mask = ((size_t)1 << s->bits) - 1;
	s->slot = table(s->mask + 1);
	s->dir = xstrdup(d && *d ? d : "/tmp");
	return s;
}

static void
rehash(struct hset *s)
{
	uint64_t *old = s->slot;
	size_t i, j, oldn = s->mask + 1;

	s->bits++;
	s->mask = 2 * oldn - 1;
	s->slot = table(s->mask + 1);
	for (i = 0; i < oldn; i++)
		if (old[i]) {
			for (j = home(s, old[i]); s->slot[j];
			    j = (j + 1) & s->mask)
				;
			s->slot[j] = old[i];
		}
	free(old);
}

static int
tmpfd(const struct hset *s)
{
	char path[PATH_MAX];
	int fd;

	if (snprintf(path, sizeof(path), "%s/sapipe-dedup.XXXXXX", s->dir) >=
	    (int)sizeof(path))
		errx(1, "%s: path too long", s->dir);
	if ((fd = mkstemp(path)) < 0)
		err(1, "temporary file %s", path);
	unlink(path);
	return fd;
}

static void
writeall(const struct hset *s, int fd, const void *p, size_t n, off_t off)
{
	ssize_t w;

	for (; n > 0; p = (const char *)p + w, n -= (size_t)w, off += w)
		if ((w = pwrite(fd, p, n, off)) < 0)
			err(1, "temporary file in %s", s->dir);
}

static void
readall(const struct hset *s, int fd, void *p, size_t n, off_t off)
{
	ssize_t r;

	for (; n > 0; p = (char *)p + r, n -= (size_t)r, off += r)
		if ((r = pread(fd, p, n, off)) <= 0) {
			if (r < 0)
				err(1, "temporary file in %s", s->dir);
			errx(1, "temporary file in %s: cut short", s->dir);
		}
}

static uint64_t *
fences(size_t n)
{
	return xreallocarray(NULL, (n + PAGEKEYS - 1) / PAGEKEYS + 1,
	    sizeof(uint64_t));
}

/* Put the table's keys in order at its start; how many. */
static size_t
gather(struct hset *s)
{
	uint64_t *a = s->slot, *wrap = NULL, x;
	size_t T = s->mask + 1, i, j, w = 0, nw = 0, lead;

	/* The cluster at slot 0 may hold keys whose home is near the end,
	 * come round past the last slot: they go last. */
	for (lead = 0; lead < T && a[lead]; lead++)
		nw += home(s, a[lead]) > lead;
	if (nw)
		wrap = xreallocarray(NULL, nw, sizeof(*wrap));
	for (nw = 0, i = 0; i < T; i++)
		if (a[i] && i < lead && home(s, a[i]) > i)
			wrap[nw++] = a[i];
		else if (a[i])
			a[w++] = a[i];
	if (nw)
		memcpy(a + w, wrap, nw * sizeof(*wrap));
	free(wrap);
	for (w += nw, i = 1; i < w; i++) {
		x = a[i];
		for (j = i; j > 0 && a[j - 1] > x; j--)
			a[j] = a[j - 1];
		a[j] = x;
	}
	return w;
}

static int
rd_next(const struct hset *s, struct rd *r, uint64_t *k)
{
	if (r->i == r->n) {
		if (r->left == 0)
			return 0;
		r->n = r->left < BUFKEYS ? r->left : BUFKEYS;
		readall(s, r->fd, r->buf, r->n * sizeof(uint64_t), r->off);
		r->off += (off_t)(r->n * sizeof(uint64_t));
		r->left -= r->n;
		r->i = 0;
	}
	*k = r->buf[r->i++];
	return 1;
}

/* Merge the last two runs into one. */
static void
merge(struct hset *s)
{
	struct run *a = &s->run[s->nrun - 2], *b = &s->run[s->nrun - 1], c;
	struct rd *in = xcalloc(2, sizeof(*in));
	uint64_t *out = xreallocarray(NULL, BUFKEYS, sizeof(*out)), x, y;
	size_t o = 0, i = 0;
	off_t off = 0;
	int hx, hy;

	c.fd = tmpfd(s);
	c.n = a->n + b->n;
	c.fence = fences(c.n);
	in[0].fd = a->fd;
	in[0].left = a->n;
	in[1].fd = b->fd;
	in[1].left = b->n;
	hx = rd_next(s, &in[0], &x);
	hy = rd_next(s, &in[1], &y);
	for (; hx || hy; i++) {
		if (hx && (!hy || x < y)) {
			out[o] = x;
			hx = rd_next(s, &in[0], &x);
		} else {
			out[o] = y;
			hy = rd_next(s, &in[1], &y);
		}
		if (i % PAGEKEYS == 0)
			c.fence[i / PAGEKEYS] = out[o];
		if (++o == BUFKEYS || !(hx || hy)) {
			writeall(s, c.fd, out, o * sizeof(*out), off);
			off += (off_t)(o * sizeof(*out));
			o = 0;
		}
	}
	close(a->fd);
	close(b->fd);
	free(a->fence);
	free(b->fence);
	free(in);
	free(out);
	*a = c;
	s->nrun--;
}

static void
spill(struct hset *s)
{
	size_t n = gather(s), i;
	struct run *r;

	if (!s->bloom)
		s->bloom = table(s->nblocks * 8);
	if (s->nrun == MAXRUNS) /* cannot be: runs stand for bits of a count */
		errx(1, "hset: too many runs");
	r = &s->run[s->nrun++];
	r->fd = tmpfd(s);
	r->n = n;
	r->fence = fences(n);
	for (i = 0; i < n; i++) {
		bloom_add(s, s->slot[i]);
		if (i % PAGEKEYS == 0)
			r->fence[i / PAGEKEYS] = s->slot[i];
	}
	writeall(s, r->fd, s->slot, n * sizeof(uint64_t), 0);
	memset(s->slot, 0, (s->mask + 1) * sizeof(uint64_t));
	s->n = 0;
	s->spilled += n;
	while (s->nrun >= 2 && s->run[s->nrun - 2].n <= s->run[s->nrun - 1].n)
		merge(s);
}

/* Is m in run r? The page that may hold it is read and searched. */
static int
inrun(struct hset *s, const struct run *r, uint64_t m)
{
	size_t lo = 0, hi = (r->n + PAGEKEYS - 1) / PAGEKEYS, mid, n;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (r->fence[mid] <= m)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo-- == 0)
		return 0;
	if (r->fence[lo] == m)
		return 1;
	n = r->n - lo * PAGEKEYS;
	n = n < PAGEKEYS ? n : PAGEKEYS;
	readall(s, r->fd, s->page, n * sizeof(uint64_t),
	    (off_t)(lo * PAGEKEYS * sizeof(uint64_t)));
	for (lo = 0, hi = n; lo < hi;) {
		mid = lo + (hi - lo) / 2;
		if (s->page[mid] < m)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && s->page[lo] == m;
}

int
hset_add(struct hset *s, uint64_t h)
{
	uint64_t m = h * PHI;
	size_t j;
	int k;

	if (m == 0) {
		if (s->zero)
			return 0;
		s->zero = 1;
		s->total++;
		return 1;
	}
	for (j = home(s, m); s->slot[j]; j = (j + 1) & s->mask)
		if (s->slot[j] == m)
			return 0;
	if (s->nrun > 0 && bloom_has(s, m))
		for (k = 0; k < s->nrun; k++)
			if (inrun(s, &s->run[k], m))
				return 0;
	s->slot[j] = m;
	s->total++;
	if (++s->n * 10 > (s->mask + 1) * 7) {
		if (s->mask + 1 < s->maxslots)
			rehash(s);
		else
			spill(s);
	}
	return 1;
}

void
hset_prefetch(const struct hset *s, uint64_t h)
{
	uint64_t m = h * PHI;

	__builtin_prefetch(&s->slot[home(s, m)]);
	if (s->bloom)
		__builtin_prefetch(block(s, m));
}

size_t
hset_count(const struct hset *s)
{
	return s->total;
}

size_t
hset_spilled(const struct hset *s)
{
	return s->spilled;
}

const char *
hset_dir(const struct hset *s)
{
	return s->dir;
}

void
hset_free(struct hset *s)
{
	int k;

	if (!s)
		return;
	for (k = 0; k < s->nrun; k++) {
		close(s->run[k].fd);
		free(s->run[k].fence);
	}
	free(s->slot);
	free(s->bloom);
	free(s->dir);
	free(s);
}
