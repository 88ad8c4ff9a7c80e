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
find(struct crimerate *R, uint32_t c)
{
	while (R->src[c] != c) {
		R->src[c] = R->src[R->src[c]];
		c = R->src[c];
	}
	return c;
}

static void
unite(struct crimerate *R, uint32_t a, uint32_t b)
{
	a = find(R, a);
	b = find(R, b);
	if (a < b)
		R->src[b] = a;
	else if (b < a)
		R->src[a] = b;
}

/* Sources, and the names that stand for each in messages: the smallest
 * unit label and category in byte order, so that a merge of partials
 * says what one run says. */
void
sources(struct crimerate *R)
{
	uint32_t *first = xcalloc(R->units.n + 1, sizeof(*first));
	uint32_t *bykey = xcalloc(R->dcat.n + 1, sizeof(*bykey));
	const struct grp *e;
	uint32_t c, r;
	size_t i;

	R->src = xcalloc(R->cats.n + 1, sizeof(*R->src));
	R->sunit = xcalloc(R->cats.n + 1, sizeof(*R->sunit));
	R->scat = xcalloc(R->cats.n + 1, sizeof(*R->scat));
	for (c = 0; c < R->cats.n; c++)
		R->src[c] = R->scat[c] = c;
	for (i = 0; R->uc.e && i <= R->uc.mask; i++) {
		e = &R->uc.e[i];
		if (e->a == UINT32_MAX)
			continue;
		if (!first[e->a])
			first[e->a] = e->c + 1;
		else
			unite(R, first[e->a] - 1, e->c);
	}
	/* spellings of one category (lib/name.h) are one category */
	for (c = 0; c < R->cats.n; c++) {
		if (!bykey[R->ckid[c]])
			bykey[R->ckid[c]] = c + 1;
		else
			unite(R, bykey[R->ckid[c]] - 1, c);
	}
	for (c = 0; c < R->cats.n; c++)
		R->sunit[c] = UINT32_MAX;
	for (c = 0; c < R->cats.n; c++)
		if (strcmp(R->cats.s[c],
		    R->cats.s[R->scat[r = find(R, c)]]) < 0)
			R->scat[r] = c;
	for (i = 0; R->uc.e && i <= R->uc.mask; i++) {
		e = &R->uc.e[i];
		if (e->a == UINT32_MAX)
			continue;
		r = find(R, e->c);
		if (R->sunit[r] == UINT32_MAX ||
		    strcmp(R->units.s[e->a], R->units.s[R->sunit[r]]) < 0)
			R->sunit[r] = e->a;
	}
	for (c = 0; c < R->cats.n; c++)
		R->src[c] = find(R, c);
	free(first);
	free(bykey);
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

/* The months whose coverage can be asked, lo..hi: the windows of
 * read.c, or the data's months for a series of every bucket. */
static void
askspan(struct crimerate *R, long *lo, long *hi)
{
	if (R->win[0][0] == LONG_MIN) {
		*lo = period_bucket(BY_MONTH, R->dfirst);
		*hi = period_bucket(BY_MONTH, R->dlast);
		return;
	}
	*lo = R->win[0][0];
	*hi = R->win[0][1];
	if (R->win[1][0] <= R->win[1][1]) {
		if (R->win[1][0] < *lo)
			*lo = R->win[1][0];
		if (R->win[1][1] > *hi)
			*hi = R->win[1][1];
	}
}

static int
has(struct crimerate *R, const struct grp *p, long m)
{
	return g_count(&R->cover, (uint32_t)((uint64_t)p->b >> 32),
	    (uint32_t)(p->b & 0xffffffff), m) != 0;
}

/* Note that node v has a row for indicator ind. */
static void
pushind(struct crimerate *R, uint32_t v, uint32_t ind)
{
	size_t n = R->nnodeinds[v];

	if ((n & (n - 1)) == 0)
		R->nodeinds[v] = xreallocarray(R->nodeinds[v], n ? 2 * n : 1,
		    sizeof(**R->nodeinds));
	R->nodeinds[v][R->nnodeinds[v]++] = ind;
}

/* The bit set of row (v, ind): its covered months, made all ones when
 * new. R->rowix holds its index + 1. */
static uint64_t *
rowbits(struct crimerate *R, uint32_t v, uint32_t ind)
{
	size_t had = R->rowix.n, i;
	int64_t *ix = g_get(&R->rowix, v, ind, 0);
	uint64_t *b;

	if (R->rowix.n != had) {
		if (R->nrowb == R->rowbcap) {
			R->rowbcap = R->rowbcap ? 2 * R->rowbcap : 64;
			R->rowb = xreallocarray(R->rowb, R->rowbcap * R->nw,
			    sizeof(*R->rowb));
		}
		*ix = (int64_t)++R->nrowb;
		b = R->rowb + (size_t)(*ix - 1) * R->nw;
		for (i = 0; i < R->nw; i++)
			b[i] = ~(uint64_t)0;
		g_get(&R->pairs, v, ind, 0);
		pushind(R, v, ind);
	}
	return R->rowb + (size_t)(*ix - 1) * R->nw;
}

/* Months with data per (area node, source); the sources that feed each
 * data area's rows (R->cl); and, kids before parents, each row's covered
 * months: those of its own sources and of every child's row, so that a
 * parent covers what all its parts cover. Linear in the rows and the
 * roll-up's links. */
void
contributors(struct crimerate *R)
{
	struct gtab ac = {0};
	const struct grp *e;
	uint32_t leaf, ind, key, v, p, *queue, *left;
	uint64_t *b, *pb;
	size_t i, j, k, m = 0, qn = 0, w;
	long mo;

	askspan(R, &R->mlo, &R->mhi);
	if (R->mhi < R->mlo)
		R->mhi = R->mlo;
	R->nw = (size_t)((R->mhi - R->mlo) / 64 + 1);
	R->nodeinds = xcalloc(R->nodes.n + 1, sizeof(*R->nodeinds));
	R->nnodeinds = xcalloc(R->nodes.n + 1, sizeof(*R->nnodeinds));
	for (i = 0; R->seen.e && i <= R->seen.mask; i++) {
		e = &R->seen.e[i];
		if (e->a == UINT32_MAX)
			continue;
		g_get(&ac, e->a, e->c, 0);
		if (e->b != NOB)
			*g_get(&R->cover, R->areanode[e->a], R->src[e->c],
			    e->b) = 1;
	}
	for (i = 0; ac.e && i <= ac.mask; i++) {
		e = &ac.e[i];
		if (e->a == UINT32_MAX)
			continue;
		leaf = R->areanode[e->a];
		key = R->ckid[e->c];
		for (j = 0; j < R->ncmap[key]; j++)
			g_get(&R->contrib, leaf, R->cmap[key][j],
			    (long)((uint64_t)leaf << 32 | R->src[e->c]));
	}
	free(ac.e);
	R->cl = xcalloc(R->contrib.n + 1, sizeof(*R->cl));
	for (i = 0; R->contrib.e && i <= R->contrib.mask; i++)
		if (R->contrib.e[i].a != UINT32_MAX)
			R->cl[m++] = R->contrib.e[i];
	qsort(R->cl, m, sizeof(*R->cl), gcmp);
	/* each data area's own rows */
	for (i = 0; i < m; i++) {
		b = rowbits(R, R->cl[i].a, R->cl[i].c);
		for (mo = R->mlo; mo <= R->mhi; mo++)
			if (!has(R, &R->cl[i], mo))
				b[(mo - R->mlo) / 64] &= ~((uint64_t)1 <<
				    ((mo - R->mlo) % 64));
	}
	/* up the roll-up: a node once all its kids are done */
	left = xcalloc(R->nodes.n + 1, sizeof(*left));
	queue = xcalloc(R->nodes.n + 1, sizeof(*queue));
	for (v = 0; v < R->nodes.n; v++)
		if ((left[v] = (uint32_t)R->nd[v].nkid) == 0)
			queue[qn++] = v;
	for (k = 0; k < qn; k++) {
		v = queue[k];
		for (j = 0; j < R->nd[v].npar; j++) {
			p = R->nd[v].par[j];
			for (i = 0; i < R->nnodeinds[v]; i++) {
				ind = R->nodeinds[v][i];
				pb = rowbits(R, p, ind);
				b = R->rowb + (size_t)(g_count(&R->rowix, v,
				    ind, 0) - 1) * R->nw;
				for (w = 0; w < R->nw; w++)
					pb[w] &= b[w];
			}
			if (--left[p] == 0)
				queue[qn++] = p;
		}
	}
	free(left);
	free(queue);
}

/* The feeders of a data area's row: R->cl[*lo .. hi). */
static size_t
feeders(struct crimerate *R, uint32_t v, uint32_t ind, size_t *lo)
{
	struct grp key = {v, ind, LONG_MIN, 0};
	size_t a = 0, z = R->contrib.n, mid;

	while (a < z) {
		mid = a + (z - a) / 2;
		if (gcmp(&R->cl[mid], &key) < 0)
			a = mid + 1;
		else
			z = mid;
	}
	*lo = a;
	while (z < R->contrib.n && R->cl[z].a == v && R->cl[z].c == ind)
		z++;
	return z;
}

/* How many of the months m0..m1 every feeder of the row has data in. */
long
covered(struct crimerate *R, uint32_t v, uint32_t ind, long m0, long m1)
{
	int64_t ix = g_count(&R->rowix, v, ind, 0);
	const uint64_t *b;
	long m, n = 0;

	if (ix == 0)
		return 0;
	b = R->rowb + (size_t)(ix - 1) * R->nw;
	for (m = m0 < R->mlo ? R->mlo : m0; m <= m1 && m <= R->mhi; m++)
		n += (b[(m - R->mlo) / 64] >> ((m - R->mlo) % 64)) & 1;
	return n;
}

/* Remember, once each, the feeders of a row that miss months of m0..m1
 * (a period or bucket shown, ctx its place in the output): those of the
 * area and of every area under it. Only a failing run comes here. An
 * area walked once for these months and context is not walked again: a
 * row and each row above it would otherwise walk the same areas, and a
 * chain of 10,000 levels with a gap took 11 s. */
void
gap(struct crimerate *R, uint32_t v, uint32_t ind, long m0, long m1, long ctx,
    const char *what)
{
	size_t lo, hi, i, k, n = 0, cap = 16;
	uint32_t *todo = xcalloc(cap, sizeof(*todo)), u, w;
	struct gap *g;
	int64_t *said;
	long m, key;

	/* (ctx, m0, m1) in one key: months below 2^20 (the year 87,000),
	 * contexts below 2^22; past that nothing is remembered */
	if (ctx >= -1 && ctx < (1L << 22) - 1 && m0 >= 0 && m1 >= 0 &&
	    m0 < (1L << 20) && m1 < (1L << 20))
		key = (ctx + 1) << 40 | m0 << 20 | m1;
	else
		key = -1;
	if (key >= 0 && (said = g_get(&R->gwalk, v, ind, key)) && *said) {
		free(todo);
		return;
	}
	if (key >= 0)
		*said = 1;
	if (++R->gmark == 0) {
		memset(R->gm, 0, (R->nodes.n + 1) * sizeof(*R->gm));
		R->gmark = 1;
	}
	if (!R->gm)
		R->gm = xcalloc(R->nodes.n + 1, sizeof(*R->gm));
	todo[n++] = v;
	R->gm[v] = R->gmark;
	for (k = 0; k < n; k++) {
		u = todo[k];
		for (i = 0; i < R->nd[u].nkid; i++) {
			w = R->nd[u].kid[i];
			if (R->gm[w] == R->gmark)
				continue;
			R->gm[w] = R->gmark;
			if (key >= 0) {
				said = g_get(&R->gwalk, w, ind, key);
				if (*said)
					continue;
				*said = 1;
			}
			if (n == cap)
				todo = xreallocarray(todo, cap *= 2,
				    sizeof(*todo));
			todo[n++] = w;
		}
		hi = feeders(R, u, ind, &lo);
		for (i = lo; i < hi; i++) {
			for (m = m0; m <= m1 && has(R, &R->cl[i], m); m++)
				;
			if (m > m1)
				continue;
			said = g_get(&R->gapt,
			    (uint32_t)((uint64_t)R->cl[i].b >> 32),
			    (uint32_t)(R->cl[i].b & 0xffffffff), ctx);
			if (*said)
				continue;
			*said = 1;
			if ((R->ngl & (R->ngl - 1)) == 0)
				R->gl = xreallocarray(R->gl,
				    R->ngl ? 2 * R->ngl : 1, sizeof(*R->gl));
			g = &R->gl[R->ngl++];
			g->leaf = (uint32_t)((uint64_t)R->cl[i].b >> 32);
			g->src = (uint32_t)(R->cl[i].b & 0xffffffff);
			g->m0 = m0;
			g->m1 = m1;
			g->ctx = ctx;
			snprintf(g->what, sizeof(g->what), "%s", what);
		}
	}
	free(todo);
}

static int
gapcmp(const void *x, const void *y, void *arg)
{
	const struct crimerate *R = arg;
	const struct gap *a = x, *b = y;
	int c = strcmp(R->nd[a->leaf].name, R->nd[b->leaf].name);

	if (!c)
		c = strcmp(R->units.s[R->sunit[a->src]],
		    R->units.s[R->sunit[b->src]]);
	if (!c)
		c = strcmp(R->cats.s[R->scat[a->src]],
		    R->cats.s[R->scat[b->src]]);
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
missing(struct crimerate *R, const struct gap *g, char *buf, size_t len)
{
	struct grp p = {0, 0, (long)((uint64_t)g->leaf << 32 | g->src), 0};
	char a[24], b[24];
	size_t n = 0;
	long m, e;
	int k = 0;

	buf[0] = '\0';
	for (m = g->m0; m <= g->m1; m = e + 1) {
		if (has(R, &p, m)) {
			e = m;
			continue;
		}
		for (e = m; e < g->m1 && !has(R, &p, e + 1); e++)
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
gaps(struct crimerate *R)
{
	const struct gap *g;
	char buf[128];
	size_t i;

	if (R->ngl == 0) { /* fail closed, even when no feeder is named */
		warnx("a period shown is not wholly covered by the data");
		warnx("--allow-partial writes such rows with their coverage");
		return 1;
	}
	qsort_r(R->gl, R->ngl, sizeof(*R->gl), gapcmp, R);
	for (i = 0; i < R->ngl && i < SAID; i++) {
		g = &R->gl[i];
		missing(R, g, buf, sizeof(buf));
		warnx("no data for '%s' from %s (%s) in %s, inside %s",
		    R->nd[g->leaf].name, R->units.s[R->sunit[g->src]],
		    R->cats.s[R->scat[g->src]], buf, g->what);
	}
	if (R->ngl > SAID)
		warnx("and %zu more gaps", R->ngl - SAID);
	if (R->ngl)
		warnx("%s", R->roll ? "--allow-partial leaves out the 12-month "
		    "rows that hold a gap and writes the others" :
		    "--allow-partial writes such rows with their coverage");
	return R->ngl > 0;
}
