/* The lookup files of the final stage: categories to indicators, the
 * rollup of areas to their parents, and populations. */
#include <err.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "num.h"
#include "util.h"

#include "crimerate.h"

/* Lookups match names trimmed and without regard to ASCII case: the
 * key of s, in a buffer reused by the next call (NULL frees it). */
const char *
normkey(const char *s, size_t *n)
{
	static struct sbuf b;
	size_t i;

	if (!s) {
		sb_free(&b);
		return NULL;
	}
	while (*n > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		(*n)--;
	}
	while (*n > 0 && (s[*n - 1] == ' ' || s[*n - 1] == '\t'))
		(*n)--;
	b.len = 0;
	for (i = 0; i < *n; i++)
		sb_addc(&b, s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
	return sb_str(&b);
}

static uint32_t
normid(struct strtab *t, const char *s, size_t n, int *isnew)
{
	const char *k = normkey(s, &n);

	return st_id(t, k, n, isnew);
}

static long
normfind(const struct strtab *t, const char *s, size_t n)
{
	const char *k = normkey(s, &n);
	size_t slot;

	return st_find(t, k, n, hash(k, n), &slot);
}

static void
push(uint32_t **v, size_t *n, uint32_t x)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if ((*v)[i] == x)
			return;
	if ((*n & (*n - 1)) == 0)
		*v = xreallocarray(*v, *n ? 2 * *n : 1, sizeof(**v));
	(*v)[(*n)++] = x;
}

/* A node for an area name; data areas come first and keep their names. */
uint32_t
node(const char *s, size_t n)
{
	int isnew;
	uint32_t id = normid(&R.nodes, s, n, &isnew);

	if (isnew && (id & (id - 1)) == 0)
		R.nd = xreallocarray(R.nd, id ? 2 * id : 1, sizeof(*R.nd));
	if (isnew) {
		memset(&R.nd[id], 0, sizeof(R.nd[id]));
		while (n > 0 && (*s == ' ' || *s == '\t')) {
			s++;
			n--;
		}
		while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
			n--;
		R.nd[id].name = xstrndup(s, n);
	}
	return id;
}

void
load_categories(const char *path)
{
	struct lookup lk;
	long ci, ii;
	uint32_t k, ind;
	int isnew;

	if (!lk_open(&lk, path))
		errx(1, "%s: empty", path);
	ci = lk_col(&lk, "category", NULL, 1);
	ii = lk_col(&lk, "indicator", NULL, 1);
	while (lk_next(&lk)) {
		k = normid(&R.ckeys, lk.row->f[ci], lk.row->len[ci], &isnew);
		if (isnew) {
			R.kmap = xreallocarray(R.kmap, R.ckeys.cap,
			    sizeof(*R.kmap));
			R.nkmap = xreallocarray(R.nkmap, R.ckeys.cap,
			    sizeof(*R.nkmap));
			R.kmap[k] = NULL;
			R.nkmap[k] = 0;
		}
		/* an empty indicator: known, counted in none */
		if (lk.row->len[ii] == 0)
			continue;
		ind = st_id(&R.inds, lk.row->f[ii], lk.row->len[ii], NULL);
		push(&R.kmap[k], &R.nkmap[k], ind);
	}
	lk_close(&lk);
}

static int
catcmp(const void *a, const void *b)
{
	return strcmp(R.cats.s[*(const uint32_t *)a],
	    R.cats.s[*(const uint32_t *)b]);
}

/* Raw categories to indicators; the unmapped ones said on stderr. */
int
map_categories(const char *path)
{
	uint32_t c, *um = xcalloc(R.cats.n, sizeof(*um));
	size_t i, n = 0;
	long k;

	R.cmap = xcalloc(R.cats.n, sizeof(*R.cmap));
	R.ncmap = xcalloc(R.cats.n, sizeof(*R.ncmap));
	for (c = 0; c < R.cats.n; c++) {
		if (!path) {
			push(&R.cmap[c], &R.ncmap[c],
			    st_id(&R.inds, R.cats.s[c], R.cats.len[c], NULL));
			continue;
		}
		k = normfind(&R.ckeys, R.cats.s[c], R.cats.len[c]);
		if (k < 0) {
			um[n++] = c;
			continue;
		}
		for (i = 0; i < R.nkmap[k]; i++)
			push(&R.cmap[c], &R.ncmap[c], R.kmap[k][i]);
	}
	qsort(um, n, sizeof(*um), catcmp);
	for (i = 0; i < n; i++)
		warnx("%s: unmapped category '%s': %lld", path,
		    R.cats.s[um[i]], (long long)R.catn[um[i]]);
	free(um);
	if (n && R.strict)
		warnx("%zu unmapped categor%s (--strict)", n, n == 1 ? "y" :
		    "ies");
	return n && R.strict;
}

void
load_rollup(const char *path)
{
	struct lookup lk;
	long ai, pi;
	uint32_t a, p;

	if (!lk_open(&lk, path))
		errx(1, "%s: empty", path);
	ai = lk_col(&lk, "area", NULL, 1);
	pi = lk_col(&lk, "parent", NULL, 1);
	while (lk_next(&lk)) {
		if (lk.row->len[ai] == 0)
			die(lk.path, lk.row->line, lk.h->name[ai], "empty area");
		if (lk.row->len[pi] == 0)
			continue; /* a top level */
		a = node(lk.row->f[ai], lk.row->len[ai]);
		p = node(lk.row->f[pi], lk.row->len[pi]);
		push(&R.nd[a].par, &R.nd[a].npar, p);
		push(&R.nd[p].kid, &R.nd[p].nkid, a);
	}
	lk_close(&lk);
}

/* Every ancestor of a node, once each; a cycle is an error naming it. */
void
ancestors(uint32_t v, const char *path)
{
	struct node *n = &R.nd[v], *p;
	size_t i, j;

	if (n->state == 2)
		return;
	if (n->state == 1)
		errx(1, "%s: the rollup has a cycle through '%s'", path,
		    n->name);
	n->state = 1;
	for (i = 0; i < n->npar; i++) {
		ancestors(n->par[i], path);
		n = &R.nd[v];
		p = &R.nd[n->par[i]];
		push(&n->anc, &n->nanc, n->par[i]);
		for (j = 0; j < p->nanc; j++)
			push(&n->anc, &n->nanc, p->anc[j]);
	}
	n->state = 2;
}

void
load_population(const char *path)
{
	struct lookup lk;
	struct node *n;
	long ai, yi, pi, y = 0;
	long long v;
	size_t i;
	int r;

	if (!lk_open(&lk, path))
		errx(1, "%s: empty", path);
	ai = lk_col(&lk, "area", NULL, 1);
	yi = lk_col(&lk, "year", NULL, 0);
	pi = lk_col(&lk, "population", NULL, 1);
	while (lk_next(&lk)) {
		const char *f = lk.row->f[pi];

		if (yi >= 0 && (lk.row->len[yi] != 4 ||
		    (y = strtol(lk.row->f[yi], NULL, 10)) < 1 ||
		    strspn(lk.row->f[yi], "0123456789") != 4))
			die(lk.path, lk.row->line, lk.h->name[yi],
			    "'%.*s' is not a year", SHOWN, lk.row->f[yi]);
		if ((r = num_int(f, lk.row->len[pi], &v)) != 0 || v < 0)
			die(lk.path, lk.row->line, lk.h->name[pi], r == 0 ?
			    "'%.*s' is a negative population" : r == -2 ?
			    "'%.*s' is past 64 bits" : "'%.*s' is not a number",
			    SHOWN, f);
		i = node(lk.row->f[ai], lk.row->len[ai]); /* may move R.nd */
		n = &R.nd[i];
		for (i = 0; i < n->npop; i++)
			if (n->py[i] == y)
				die(lk.path, lk.row->line, NULL, "a second "
				    "population for '%s'%s", n->name, y ?
				    " in that year" : "");
		n->py = xreallocarray(n->py, n->npop + 1, sizeof(*n->py));
		n->pop = xreallocarray(n->pop, n->npop + 1, sizeof(*n->pop));
		n->py[n->npop] = y;
		n->pop[n->npop++] = v;
	}
	lk_close(&lk);
}

/* The population of a node in a year: the figure for that year, else
 * the latest before it; for a parent without one, the sum of its
 * children. -1 when there is none. */
int64_t
population(uint32_t v, long year)
{
	struct node *n = &R.nd[v];
	int64_t best = -1, sum = 0, k;
	long by = 0;
	size_t i;

	for (i = 0; i < n->npop; i++)
		if (n->py[i] <= year && (best < 0 || n->py[i] > by)) {
			best = n->pop[i];
			by = n->py[i];
		}
	if (best >= 0 || n->nkid == 0)
		return best;
	for (i = 0; i < n->nkid; i++) {
		if ((k = population(n->kid[i], year)) < 0)
			return -1;
		if (__builtin_add_overflow(sum, k, &sum))
			return -1;
	}
	return sum;
}
