/* The lookup files of the final stage: categories to indicators, the
 * rollup of areas to their parents, and populations. */
#include <err.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hset.h"
#include "name.h"
#include "num.h"
#include "table.h"
#include "text.h"
#include "util.h"

#include "crimerate.h"

/* Every name is matched by its key (lib/name.h): the key of s, in a
 * buffer reused by the next call; *n becomes its length. */
const char *
key(struct crimerate *R, const char *s, size_t *n)
{
	*n = name_key(&R->kbuf, s, *n);
	return sb_str(&R->kbuf);
}

static uint32_t
keyid(struct crimerate *R, struct strtab *t, const char *s, size_t n,
    int *isnew)
{
	const char *k = key(R, s, &n);

	return st_id(t, k, n, isnew);
}

/* The spelling shown for each key no lookup file spelled: of the data's
 * spellings of it (names, trimmed), the one with the most counted (w),
 * ties to the smallest in byte order. So the choice depends on what was
 * counted, never on the order records came in, and partials, which
 * keep each spelling with its count, merge to the same choice. kid:
 * each name's key; out[k]: key k's spelling, NULL for one to choose. */
static void
vote(const struct strtab *names, const i128 *w, const uint32_t *kid,
    char **out, size_t nk)
{
	struct strtab t = {0};
	i128 *tw = NULL, *bw = xcalloc(nk + 1, sizeof(*bw));
	uint32_t *tk = NULL, *best = xcalloc(nk + 1, sizeof(*best)), id, k;
	size_t i, n, cap = 0;
	const char *s;
	int isnew;

	for (i = 0; i < names->n; i++) {
		n = names->len[i];
		s = names->s[i];
		trim(&s, &n); /* the spelling shown */
		id = st_id(&t, s, n, &isnew);
		if (t.cap > cap) {
			tw = xreallocarray(tw, t.cap, sizeof(*tw));
			tk = xreallocarray(tk, t.cap, sizeof(*tk));
			cap = t.cap;
		}
		if (isnew)
			tw[id] = 0;
		tw[id] += w[i];
		tk[id] = kid[i];
	}
	for (id = 0; id < t.n; id++) {
		k = tk[id];
		if (!out[k] && (!best[k] || tw[id] > bw[k] || (tw[id] == bw[k] &&
		    strcmp(t.s[id], t.s[best[k] - 1]) < 0))) {
			best[k] = id + 1;
			bw[k] = tw[id];
		}
	}
	for (k = 0; k < nk; k++)
		if (!out[k] && best[k])
			out[k] = xstrdup(t.s[best[k] - 1]);
	st_free(&t);
	free(tw);
	free(tk);
	free(bw);
	free(best);
}

void
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

/* A node for an area name. A lookup file's spelling, the first met, is
 * the one shown; the data's areas are spelled by spell_areas(R). */
uint32_t
node(struct crimerate *R, const char *s, size_t n, int lookup)
{
	int isnew;
	uint32_t id = keyid(R, &R->nodes, s, n, &isnew);

	if (isnew && (id & (id - 1)) == 0)
		R->nd = xreallocarray(R->nd, id ? 2 * id : 1, sizeof(*R->nd));
	if (isnew)
		memset(&R->nd[id], 0, sizeof(R->nd[id]));
	if (lookup && !R->nd[id].name) {
		trim(&s, &n);
		R->nd[id].name = xstrndup(s, n);
	}
	return id;
}

/* Names for the areas of the data that no lookup file spelled. */
void
spell_areas(struct crimerate *R)
{
	char **out = xcalloc(R->nodes.n + 1, sizeof(*out));
	size_t k;

	for (k = 0; k < R->nodes.n; k++)
		out[k] = R->nd[k].name;
	vote(&R->areas, R->arean, R->areanode, out, R->nodes.n);
	for (k = 0; k < R->nodes.n; k++)
		R->nd[k].name = out[k];
	free(out);
}

/* An indicator by its key; spelled as the categories file first
 * writes it, else as the data's category is spelled. */
uint32_t
indid(struct crimerate *R, const char *k, size_t n, const char *s, size_t sn)
{
	int isnew;
	uint32_t id = st_id(&R->inds, k, n, &isnew);

	if (isnew) {
		R->iname = xreallocarray(R->iname, R->inds.cap,
		    sizeof(*R->iname));
		R->iname[id] = xstrndup(s, sn);
	}
	return id;
}

void
load_categories(struct crimerate *R, const char *path)
{
	struct tbl lk_, *lk = tbl_open(&lk_, path, 0);
	long ci, ii;
	uint32_t k, ind;
	int isnew;

	ci = tbl_need(lk, "category", NULL);
	ii = tbl_need(lk, "indicator", NULL);
	while (tbl_next(lk)) {
		const char *s = lk->row->f[ii], *star = lk->row->f[ci];
		size_t n = lk->row->len[ii], kn = n, sn = lk->row->len[ci];

		tbl_nonul(lk, ci);
		tbl_nonul(lk, ii);
		/* '*': every category the file does not name, on purpose */
		trim(&star, &sn);
		if (sn == 1 && *star == '*') {
			R->hasrest = 1;
			key(R, s, &kn);
			if (kn == 0)
				continue;
			trim(&s, &n);
			push(&R->rest, &R->nrest, indid(R, sb_str(&R->kbuf),
			    kn, s, n));
			continue;
		}
		k = keyid(R, &R->ckeys, lk->row->f[ci], lk->row->len[ci],
		    &isnew);
		if (isnew) {
			R->kmap = xreallocarray(R->kmap, R->ckeys.cap,
			    sizeof(*R->kmap));
			R->nkmap = xreallocarray(R->nkmap, R->ckeys.cap,
			    sizeof(*R->nkmap));
			R->kmap[k] = NULL;
			R->nkmap[k] = 0;
		}
		/* an empty indicator: known, counted in none */
		key(R, s, &kn);
		if (kn == 0)
			continue;
		trim(&s, &n);
		ind = indid(R, sb_str(&R->kbuf), kn, s, n);
		push(&R->kmap[k], &R->nkmap[k], ind);
	}
	tbl_close(lk);
}

static int
catcmp(const void *a, const void *b, void *arg)
{
	const struct crimerate *R = arg;

	return strcmp(R->dname[*(const uint32_t *)a],
	    R->dname[*(const uint32_t *)b]);
}

/* A count in 128 bits as text (buf of 48). */
static const char *
i128str(i128 v, char *buf)
{
	char *p = buf + 47;

	*p = '\0';
	do {
		*--p = (char)('0' + (int)(v % 10));
		v /= 10;
	} while (v > 0);
	return p;
}

/* The unmapped categories in one line: the first five and their counts,
 * and what to do. */
static void
unmapped(struct crimerate *R, const char *path, const uint32_t *um, size_t n,
    const i128 *kn)
{
	struct sbuf b = { 0 };
	char buf[48];
	size_t i;

	for (i = 0; i < n && i < 5; i++) {
		sb_adds(&b, i ? ", '" : "'");
		sb_adds(&b, R->dname[um[i]]);
		sb_adds(&b, "' (");
		sb_adds(&b, i128str(kn[um[i]], buf));
		sb_adds(&b, ")");
	}
	if (n > 5) {
		snprintf(buf, sizeof(buf), " and %zu more (-v lists them)",
		    n - 5);
		sb_adds(&b, buf);
	}
	warnx("%s: %zu categor%s of the data not in it, left out: %s; add "
	    "%s, or a row '*,' to leave the rest out on purpose", path, n,
	    n == 1 ? "y" : "ies", sb_str(&b), n == 1 ? "it" : "them");
	sb_free(&b);
}

/* The categories of the data by their keys, spelled by vote; then each
 * to its indicators; the unmapped ones said on stderr. */
int
map_categories(struct crimerate *R, const char *path)
{
	uint32_t c, k, *um;
	size_t i, n = 0, nk;
	i128 *kn;
	long f;
	char buf[48];

	R->ckid = xcalloc(R->cats.n + 1, sizeof(*R->ckid));
	for (c = 0; c < R->cats.n; c++)
		R->ckid[c] = keyid(R, &R->dcat, R->cats.s[c], R->cats.len[c],
		    NULL);
	nk = R->dcat.n;
	R->dname = xcalloc(nk + 1, sizeof(*R->dname));
	vote(&R->cats, R->catn, R->ckid, R->dname, nk);
	kn = xcalloc(nk + 1, sizeof(*kn));
	for (c = 0; c < R->cats.n; c++)
		kn[R->ckid[c]] += R->catn[c];
	um = xcalloc(nk + 1, sizeof(*um));
	R->cmap = xcalloc(nk + 1, sizeof(*R->cmap));
	R->ncmap = xcalloc(nk + 1, sizeof(*R->ncmap));
	for (k = 0; k < nk; k++) {
		if (!path) {
			push(&R->cmap[k], &R->ncmap[k], indid(R, R->dcat.s[k],
			    R->dcat.len[k], R->dname[k], strlen(R->dname[k])));
			continue;
		}
		if ((f = st_find(&R->ckeys, R->dcat.s[k], R->dcat.len[k],
		    hash64(R->dcat.s[k], R->dcat.len[k], 0),
		    &i)) < 0 && R->hasrest) {
			for (i = 0; i < R->nrest; i++)
				push(&R->cmap[k], &R->ncmap[k], R->rest[i]);
			continue;
		}
		if (f < 0) {
			um[n++] = k;
			continue;
		}
		for (i = 0; i < R->nkmap[f]; i++)
			push(&R->cmap[k], &R->ncmap[k], R->kmap[f][i]);
	}
	qsort_r(um, n, sizeof(*um), catcmp, R);
	if (R->verbose)
		for (i = 0; i < n; i++)
			warnx("%s: unmapped category '%s': %s", path,
			    R->dname[um[i]], i128str(kn[um[i]], buf));
	else if (n)
		unmapped(R, path, um, n, kn);
	free(um);
	free(kn);
	if (n && R->strict)
		warnx("%zu unmapped categor%s (--strict)", n, n == 1 ? "y" :
		    "ies");
	return n && R->strict;
}

void
load_rollup(struct crimerate *R, const char *path)
{
	struct tbl lk_, *lk = tbl_open(&lk_, path, 0);
	long ai, pi;
	uint32_t a, p;

	ai = tbl_need(lk, "area", NULL);
	pi = tbl_need(lk, "parent", NULL);
	while (tbl_next(lk)) {
		if (lk->row->len[ai] == 0)
			tbl_fail(lk, ai, "empty area");
		tbl_nonul(lk, ai);
		tbl_nonul(lk, pi);
		if (lk->row->len[pi] == 0)
			continue; /* a top level */
		a = node(R, lk->row->f[ai], lk->row->len[ai], 1);
		p = node(R, lk->row->f[pi], lk->row->len[pi], 1);
		push(&R->nd[a].par, &R->nd[a].npar, p);
		push(&R->nd[p].kid, &R->nd[p].nkid, a);
	}
	tbl_close(lk);
}

/* A cycle in the rollup is an error naming an area on it. Depth first
 * over the parents, with a stack of its own rather than recursion: a
 * rollup may be 200,000 levels deep. */
void
check_rollup(struct crimerate *R, const char *path)
{
	uint32_t *st = xcalloc(R->nodes.n + 1, sizeof(*st)), v, p;
	size_t *at = xcalloc(R->nodes.n + 1, sizeof(*at)), top, i;

	for (i = 0; i < R->nodes.n; i++) {
		if (R->nd[i].state)
			continue;
		st[0] = (uint32_t)i;
		at[0] = 0;
		R->nd[i].state = 1;
		top = 1;
		while (top > 0) {
			v = st[top - 1];
			if (at[top - 1] == R->nd[v].npar) {
				R->nd[v].state = 2;
				top--;
				continue;
			}
			p = R->nd[v].par[at[top - 1]++];
			if (R->nd[p].state == 1)
				errx(1, "%s: the rollup has a cycle through "
				    "'%s'", path, R->nd[p].name);
			if (R->nd[p].state == 0) {
				R->nd[p].state = 1;
				st[top] = p;
				at[top++] = 0;
			}
		}
	}
	free(st);
	free(at);
}

/* Which areas lie on chains, each with its depth: an area with no
 * parent, or with one parent on a chain. Each walk up stops at an area
 * already known, so the whole takes linear time. */
void
chains(struct crimerate *R)
{
	uint32_t *path = xcalloc(R->nodes.n + 1, sizeof(*path)), u;
	size_t i, n;
	struct node *x, *p;

	for (i = 0; i < R->nodes.n; i++) {
		n = 0;
		for (u = (uint32_t)i; !R->nd[u].chain; u = R->nd[u].par[0]) {
			path[n++] = u;
			if (R->nd[u].npar != 1)
				break;
		}
		while (n > 0) { /* from the top down */
			x = &R->nd[path[--n]];
			if (x->npar > 1) {
				x->chain = 2;
			} else if (x->npar == 0) {
				x->chain = 1;
				x->depth = 0;
			} else {
				p = &R->nd[x->par[0]];
				x->chain = p->chain;
				x->depth = p->depth + 1;
			}
		}
	}
	free(path);
}

/* Every ancestor of v, once each, into R->up (R->nup of them): breadth
 * first, the list its own queue, marks new for each call. */
void
ancestors(struct crimerate *R, uint32_t v)
{
	struct node *n;
	size_t i, j;

	if (++R->mark == 0) { /* wrapped: old marks could collide */
		for (i = 0; i < R->nodes.n; i++)
			R->nd[i].mark = 0;
		R->mark = 1;
	}
	R->nup = 0;
	R->nd[v].mark = R->mark;
	for (i = 0, n = &R->nd[v];; n = &R->nd[R->up[i++]]) {
		for (j = 0; j < n->npar; j++) {
			if (R->nd[n->par[j]].mark == R->mark)
				continue;
			R->nd[n->par[j]].mark = R->mark;
			if (R->nup == R->upcap) {
				R->upcap = R->upcap ? 2 * R->upcap : 64;
				R->up = xreallocarray(R->up, R->upcap,
				    sizeof(*R->up));
			}
			R->up[R->nup++] = n->par[j];
		}
		if (i == R->nup)
			break;
	}
}

/* A cell of denominator d: -1 when empty (none known); a bad one is
 * an error. */
static int64_t
denval(struct crimerate *R, const struct tbl *lk, long col, size_t d)
{
	const char *f = lk->row->f[col];
	long long v;
	int r;

	if (lk->row->len[col] == 0)
		return -1;
	if ((r = num_int(f, lk->row->len[col], &v)) != 0 || v < 0)
		die(lk->path, lk->row->line, lk->h->name[col], r == 0 ?
		    "'%.*s' is a negative %s" : r == -2 ?
		    "'%.*s' is past 64 bits" : "'%.*s' is not a number",
		    SHOWN, f, R->den[d]);
	return v;
}

/* area[,year],population[,households,...]: the columns of R->den. */
void
load_population(struct crimerate *R, const char *path)
{
	struct tbl lk_, *lk = tbl_open(&lk_, path, 0);
	struct node *n;
	long ai, yi, pi[MAXDEN], y = 0;
	size_t i, d, nd = R->nden;

	ai = tbl_need(lk, "area", NULL);
	yi = tbl_col(lk, "year");
	for (d = 0; d < nd; d++)
		pi[d] = tbl_need(lk, R->den[d], NULL);
	while (tbl_next(lk)) {
		if (yi >= 0 && (lk->row->len[yi] != 4 ||
		    (y = strtol(lk->row->f[yi], NULL, 10)) < 1 ||
		    strspn(lk->row->f[yi], "0123456789") != 4))
			die(lk->path, lk->row->line, lk->h->name[yi],
			    "'%.*s' is not a year", SHOWN, lk->row->f[yi]);
		tbl_nonul(lk, ai);
		/* (node(R) may move R->nd) */
		i = node(R, lk->row->f[ai], lk->row->len[ai], 1);
		n = &R->nd[i];
		for (i = 0; i < n->npop; i++)
			if (n->py[i] == y)
				die(lk->path, lk->row->line, NULL, "a second "
				    "population for '%s'%s", n->name, y ?
				    " in that year" : "");
		n->py = xreallocarray(n->py, n->npop + 1, sizeof(*n->py));
		n->pop = xreallocarray(n->pop, (n->npop + 1) * nd,
		    sizeof(*n->pop));
		n->py[n->npop] = y;
		for (d = 0; d < nd; d++)
			n->pop[n->npop * nd + d] = denval(R, lk, pi[d], d);
		n->npop++;
	}
	tbl_close(lk);
}

/* A node's own denominator d for a year: the row of that year, or of a
 * file without years; -1 none. */
static int64_t
ownpop(struct crimerate *R, const struct node *n, size_t d, long year)
{
	size_t i;

	for (i = 0; i < n->npop; i++)
		if (n->py[i] == year || n->py[i] == 0)
			return n->pop[i * R->nden + d];
	return -1;
}

/* For each year asked, the sum over each parent of its leaves' own
 * populations (a leaf: an area with no children in the rollup), each
 * leaf once however many paths lead up from it, so that the
 * population covers the same areas as the count; and a leaf that has
 * none, for the message. */
void
popsums(struct crimerate *R, const long *years, size_t ny)
{
	size_t k, i, d, x, nn = R->nodes.n;
	uint32_t u, a;
	int64_t p, *s;

	R->years = years;
	R->nyears = ny;
	R->psum = xcalloc(R->nden * ny * nn + 1, sizeof(*R->psum));
	R->pmiss = xcalloc(R->nden * ny * nn + 1, sizeof(*R->pmiss));
	for (u = 0; u < nn; u++) {
		if (R->nd[u].nkid || !R->nd[u].npar)
			continue;
		ancestors(R, u);
		for (x = 0; x < R->nden * ny; x++) {
			d = x / ny;
			k = x % ny;
			p = ownpop(R, &R->nd[u], d, years[k]);
			for (i = 0; i < R->nup; i++) {
				a = R->up[i];
				s = &R->psum[x * nn + a];
				if (p < 0 && !R->pmiss[x * nn + a])
					R->pmiss[x * nn + a] = u + 1;
				else if (p >= 0 &&
				    __builtin_add_overflow(*s, p, s))
					errx(1, "%s: the %s of '%s' in %ld, the "
					    "sum of its parts, passes 2^63-1",
					    R->popfile, R->den[d], R->nd[a].name,
					    years[k]);
			}
		}
	}
}

/* Denominator d of a node in a year (one of those given to popsums):
 * its own row; else, for a parent, the sum of its leaves'. -1 when
 * there is none; *part is then the leaf without one, or v itself. */
int64_t
population(struct crimerate *R, uint32_t v, size_t d, long year, uint32_t *part)
{
	struct node *n = &R->nd[v];
	size_t k, x, nn = R->nodes.n;
	int64_t own = ownpop(R, n, d, year), sum;

	for (k = 0; k < R->nyears && R->years[k] != year; k++)
		;
	*part = v;
	if (k == R->nyears || !n->nkid)
		return own;
	x = d * R->nyears + k;
	sum = R->psum[x * nn + v];
	if (R->pmiss[x * nn + v]) {
		*part = R->pmiss[x * nn + v] - 1;
		return own;
	}
	if (own >= 0 && own != sum && !n->warned) {
		warnx("%s: '%s' has its own %s in %ld, %lld, used for it; its "
		    "parts in the rollup add up to %lld", R->popfile, n->name,
		    R->den[d], year, (long long)own, (long long)sum);
		n->warned = 1;
	}
	return own >= 0 ? own : sum;
}
