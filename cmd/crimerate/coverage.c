/* Coverage: which months of a row's period have data from every source
 * that feeds it, for every area under it. No data is not zero crime.
 *
 * A source is the set of categories met together in source units (union-
 * find over raw categories). A row (area or parent, indicator) is fed by
 * the (leaf area, source) pairs with any record, at any time, of a
 * category mapped to the indicator; a month is covered when every pair has
 * data in it. */
#include <err.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#include "crimerate.h"

#define SAID 10 /* gaps said one by one; then a count */

static uint32_t
find(uint32_t c)
{
	while (R.src[c] != c) {
		R.src[c] = R.src[R.src[c]];
		c = R.src[c];
	}
	return c;
}

static void
unite(uint32_t a, uint32_t b)
{
	a = find(a);
	b = find(b);
	if (a < b)
		R.src[b] = a;
	else if (b < a)
		R.src[a] = b;
}

/* Sources, and the names that stand for each in messages: the smallest
 * unit label and category in byte order, so that a merge of partials
 * says what one run says. */
void
sources(void)
{
	uint32_t *first = xcalloc(R.units.n + 1, sizeof(*first));
	const struct grp *e;
	uint32_t c, r;
	size_t i;

	R.src = xcalloc(R.cats.n + 1, sizeof(*R.src));
	R.sunit = xcalloc(R.cats.n + 1, sizeof(*R.sunit));
	R.scat = xcalloc(R.cats.n + 1, sizeof(*R.scat));
	for (c = 0; c < R.cats.n; c++)
		R.src[c] = R.scat[c] = c;
	for (i = 0; R.uc.e && i <= R.uc.mask; i++) {
		e = &R.uc.e[i];
		if (e->a == UINT32_MAX)
			continue;
		if (!first[e->a])
			first[e->a] = e->c + 1;
		else
			unite(first[e->a] - 1, e->c);
	}
	for (c = 0; c < R.cats.n; c++)
		R.sunit[c] = UINT32_MAX;
	for (c = 0; c < R.cats.n; c++)
		if (strcmp(R.cats.s[c], R.cats.s[R.scat[r = find(c)]]) < 0)
			R.scat[r] = c;
	for (i = 0; R.uc.e && i <= R.uc.mask; i++) {
		e = &R.uc.e[i];
		if (e->a == UINT32_MAX)
			continue;
		r = find(e->c);
		if (R.sunit[r] == UINT32_MAX ||
		    strcmp(R.units.s[e->a], R.units.s[R.sunit[r]]) < 0)
			R.sunit[r] = e->a;
	}
	for (c = 0; c < R.cats.n; c++)
		R.src[c] = find(c);
	free(first);
}

static int
gcmp(const void *x, const void *y)
{
	const struct grp *a = x, *b = y;

	if (a->a != b->a)
		return a->a < b->a ? -1 : 1;
	if (a->c != b->c)
		return a->c < b->c ? -1 : 1;
	return (a->b > b->b) - (a->b < b->b);
}

/* Months with data per (area node, source), and the pairs that feed
 * each row, for the area and each ancestor of it. */
void
contributors(void)
{
	struct gtab ac = {0};
	const struct grp *e;
	const struct node *n;
	uint32_t leaf, ind;
	size_t i, j, k, m = 0;
	long b;

	for (i = 0; R.seen.e && i <= R.seen.mask; i++) {
		e = &R.seen.e[i];
		if (e->a == UINT32_MAX)
			continue;
		g_get(&ac, e->a, e->c, 0);
		if (e->b != NOB)
			*g_get(&R.cover, R.areanode[e->a], R.src[e->c],
			    e->b) = 1;
	}
	for (i = 0; ac.e && i <= ac.mask; i++) {
		e = &ac.e[i];
		if (e->a == UINT32_MAX)
			continue;
		leaf = R.areanode[e->a];
		n = &R.nd[leaf];
		b = (long)((uint64_t)leaf << 32 | R.src[e->c]);
		for (j = 0; j < R.ncmap[e->c]; j++) {
			ind = R.cmap[e->c][j];
			g_get(&R.pairs, leaf, ind, 0);
			g_get(&R.contrib, leaf, ind, b);
			for (k = 0; k < n->nanc; k++) {
				g_get(&R.pairs, n->anc[k], ind, 0);
				g_get(&R.contrib, n->anc[k], ind, b);
			}
		}
	}
	free(ac.e);
	R.cl = xcalloc(R.contrib.n + 1, sizeof(*R.cl));
	for (i = 0; R.contrib.e && i <= R.contrib.mask; i++)
		if (R.contrib.e[i].a != UINT32_MAX)
			R.cl[m++] = R.contrib.e[i];
	qsort(R.cl, m, sizeof(*R.cl), gcmp);
}

/* The pairs that feed a row: R.cl[*lo .. hi). */
static size_t
feeders(uint32_t v, uint32_t ind, size_t *lo)
{
	struct grp key = {v, ind, LONG_MIN, 0};
	size_t a = 0, z = R.contrib.n, mid;

	while (a < z) {
		mid = a + (z - a) / 2;
		if (gcmp(&R.cl[mid], &key) < 0)
			a = mid + 1;
		else
			z = mid;
	}
	*lo = a;
	while (z < R.contrib.n && R.cl[z].a == v && R.cl[z].c == ind)
		z++;
	return z;
}

static int
has(const struct grp *p, long m)
{
	return g_count(&R.cover, (uint32_t)((uint64_t)p->b >> 32),
	    (uint32_t)(p->b & 0xffffffff), m) != 0;
}

/* How many of the months m0..m1 every feeder of the row has data in. */
long
covered(uint32_t v, uint32_t ind, long m0, long m1)
{
	size_t lo, hi = feeders(v, ind, &lo), i;
	long m, n = 0;

	for (m = m0; m <= m1; m++) {
		for (i = lo; i < hi && has(&R.cl[i], m); i++)
			;
		n += i == hi;
	}
	return n;
}

/* Remember, once each, the feeders of a row that miss months of m0..m1
 * (a period or bucket shown, ctx its place in the output). */
void
gap(uint32_t v, uint32_t ind, long m0, long m1, long ctx, const char *what)
{
	size_t lo, hi = feeders(v, ind, &lo), i;
	struct gap *g;
	int64_t *said;
	long m;

	for (i = lo; i < hi; i++) {
		for (m = m0; m <= m1 && has(&R.cl[i], m); m++)
			;
		if (m > m1)
			continue;
		said = g_get(&R.gapt, (uint32_t)((uint64_t)R.cl[i].b >> 32),
		    (uint32_t)(R.cl[i].b & 0xffffffff), ctx);
		if (*said)
			continue;
		*said = 1;
		if ((R.ngl & (R.ngl - 1)) == 0)
			R.gl = xreallocarray(R.gl, R.ngl ? 2 * R.ngl : 1,
			    sizeof(*R.gl));
		g = &R.gl[R.ngl++];
		g->leaf = (uint32_t)((uint64_t)R.cl[i].b >> 32);
		g->src = (uint32_t)(R.cl[i].b & 0xffffffff);
		g->m0 = m0;
		g->m1 = m1;
		g->ctx = ctx;
		snprintf(g->what, sizeof(g->what), "%s", what);
	}
}

static int
gapcmp(const void *x, const void *y)
{
	const struct gap *a = x, *b = y;
	int c = strcmp(R.nd[a->leaf].name, R.nd[b->leaf].name);

	if (!c)
		c = strcmp(R.units.s[R.sunit[a->src]],
		    R.units.s[R.sunit[b->src]]);
	if (!c)
		c = strcmp(R.cats.s[R.scat[a->src]], R.cats.s[R.scat[b->src]]);
	if (!c)
		c = (a->ctx > b->ctx) - (a->ctx < b->ctx);
	return c ? c : (a->leaf > b->leaf) - (a->leaf < b->leaf);
}

static void
month(char *buf, long m)
{
	snprintf(buf, 24, "%04ld-%02ld", m / 12, m % 12 + 1);
}

/* The months of a gap missing from the source, as ranges. */
static void
missing(const struct gap *g, char *buf, size_t len)
{
	struct grp p = {0, 0, (long)((uint64_t)g->leaf << 32 | g->src), 0};
	char a[24], b[24];
	size_t n = 0;
	long m, e;
	int k = 0;

	buf[0] = '\0';
	for (m = g->m0; m <= g->m1; m = e + 1) {
		if (has(&p, m)) {
			e = m;
			continue;
		}
		for (e = m; e < g->m1 && !has(&p, e + 1); e++)
			;
		if (k++ == 6 || n + 24 > len) {
			snprintf(buf + n, len - n, ", ...");
			return;
		}
		month(a, m);
		month(b, e);
		n += (size_t)snprintf(buf + n, len - n, "%s%s%s%s",
		    k > 1 ? ", " : "", a, e > m ? ".." : "", e > m ? b : "");
	}
}

/* Say the gaps remembered, a bounded number; how many there were. */
int
gaps(void)
{
	const struct gap *g;
	char buf[128];
	size_t i;

	qsort(R.gl, R.ngl, sizeof(*R.gl), gapcmp);
	for (i = 0; i < R.ngl && i < SAID; i++) {
		g = &R.gl[i];
		missing(g, buf, sizeof(buf));
		warnx("no data for '%s' from %s (%s) in %s, inside %s",
		    R.nd[g->leaf].name, R.units.s[R.sunit[g->src]],
		    R.cats.s[R.scat[g->src]], buf, g->what);
	}
	if (R.ngl > SAID)
		warnx("and %zu more gaps", R.ngl - SAID);
	if (R.ngl)
		warnx("--allow-partial writes such rows with their coverage");
	return R.ngl > 0;
}
