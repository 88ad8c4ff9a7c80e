/* What each indicator is: a count per N of a denominator of the
 * population file (population, households, businesses: --indicators
 * says which), a percentage of one indicator over another (repeat
 * victims over victims), or the harm-weighted total of --weights.
 *
 * A percentage or the harm total is one more indicator in the category
 * map: each category of its numerator and denominator maps to a
 * percentage with the worth 0 (so that its rows exist, with the coverage
 * of both), each weighted category to the harm total with the worth of
 * its weight; a count is worth 1. */
#include <err.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "hset.h"
#include "meta.h"
#include "name.h"
#include "table.h"
#include "util.h"

#include "crimerate.h"

#define HARMNAME "Harm-weighted total"

/* police.uk's crime types: weights by these give only a coarse index */
static const char *const policeuk[] = { "Anti-social behaviour",
	"Bicycle theft", "Burglary", "Criminal damage and arson", "Drugs",
	"Other crime", "Other theft", "Possession of weapons", "Public order",
	"Robbery", "Shoplifting", "Theft from the person", "Vehicle crime",
	"Violence and sexual offences" };

/* The population file's columns: population, then each other
 * denominator --indicators names for a count or a harm total. */
void
denominators(struct crimerate *R)
{
	const struct meta_ind *d;
	size_t i, j;

	R->den = xcalloc(MAXDEN, sizeof(*R->den));
	R->den[R->nden++] = "population";
	for (i = 0; R->meta && i < R->meta->n; i++) {
		d = &R->meta->ind[i];
		if (d->kind == META_PERCENTAGE || !d->denominator)
			continue;
		for (j = 0; j < R->nden && strcasecmp(R->den[j],
		    d->denominator) != 0; j++)
			;
		if (j < R->nden)
			continue;
		if (R->nden == MAXDEN)
			errx(1, "%s:%ld: more than %d denominators", R->meta->file,
			    d->line, MAXDEN);
		R->den[R->nden++] = d->denominator;
	}
}

/* A weight: digits, at most 6 decimals, not past 2^63 millionths. */
static int
weight(const char *s, size_t n, int64_t *v, long *dec)
{
	int64_t x = 0;
	long d = -1, k;
	size_t i, digits = 0;

	while (n > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	for (i = 0; i < n; i++) {
		if (s[i] == '.' && d < 0) {
			d = 0;
			continue;
		}
		if (s[i] < '0' || s[i] > '9' || (d >= 0 && ++d > 6))
			return -1;
		digits++;
		if (__builtin_mul_overflow(x, 10, &x) ||
		    __builtin_add_overflow(x, s[i] - '0', &x))
			return -1;
	}
	for (k = d < 0 ? 0 : d; k < 6; k++)
		if (__builtin_mul_overflow(x, 10, &x))
			return -1;
	*v = x;
	*dec = d < 0 ? 0 : d;
	return digits ? 0 : -1;
}

/* --weights FILE: category,weight. */
void
load_weights(struct crimerate *R, const char *path)
{
	struct tbl lk_, *lk = tbl_open(&lk_, path, 0);
	long ci, wi, *line = NULL, dec = 0;
	size_t n, i, j, np = 0;
	uint32_t k;
	int isnew;
	int64_t w = 0;
	const char *ks;

	ci = tbl_need(lk, "category", NULL);
	wi = tbl_need(lk, "weight", NULL);
	while (tbl_next(lk)) {
		tbl_nonul(lk, ci);
		tbl_nonul(lk, wi);
		n = lk->row->len[ci];
		ks = key(R, lk->row->f[ci], &n);
		if (n == 0)
			tbl_fail(lk, ci, "an empty category");
		k = st_id(&R->wkeys, ks, n, &isnew);
		if (isnew) {
			R->wval = xreallocarray(R->wval, R->wkeys.cap,
			    sizeof(*R->wval));
			line = xreallocarray(line, R->wkeys.cap, sizeof(*line));
		} else {
			tbl_fail(lk, ci, "a second weight for '%.*s' (the first "
			    "at line %ld)", SHOWN, lk->row->f[ci], line[k]);
		}
		line[k] = lk->row->line;
		if (weight(lk->row->f[wi], lk->row->len[wi], &w, &dec) != 0)
			tbl_fail(lk, wi, "'%.*s' is not a weight (0 or more, at "
			    "most 6 decimals, below 9.2 x 10^12)", SHOWN,
			    lk->row->f[wi]);
		R->wval[k] = w;
		if (dec > R->wdec)
			R->wdec = dec;
	}
	for (i = 0; i < sizeof(policeuk) / sizeof(policeuk[0]); i++) {
		n = strlen(policeuk[i]);
		ks = key(R, policeuk[i], &n);
		np += st_find(&R->wkeys, ks, n, hash64(ks, n, 0), &j) >= 0;
	}
	if (np)
		warnx("%s: %zu of the weights' categories are police.uk's "
		    "crime types: police.uk's 14 types give only a coarse harm "
		    "index, not the ONS Crime Severity Score, whose weights are "
		    "per Home Office offence code", path, np);
	free(line);
	tbl_close(lk);
}

/* The indicator whose name (or key) is s, or -1. */
static long
findind(struct crimerate *R, const char *s)
{
	size_t n = strlen(s), slot;
	const char *k = key(R, s, &n);

	return st_find(&R->inds, k, n, hash64(k, n, 0), &slot);
}

/* A new indicator of ours, named s; one of the data or the categories
 * file by that name is an error. */
static uint32_t
newind(struct crimerate *R, const char *s, const char *file, long line)
{
	size_t n = strlen(s);
	const char *k;

	if (findind(R, s) >= 0 && line)
		errx(1, "%s:%ld: percentage '%s' is also an indicator counted "
		    "from categories", file, line, s);
	if (findind(R, s) >= 0)
		errx(1, "%s: '%s', the harm-weighted total, is also an "
		    "indicator counted from categories", file, s);
	k = key(R, s, &n);
	return indid(R, k, n, s, strlen(s));
}

/* Category key k counts toward ind, worth w a record. */
static void
addmap(struct crimerate *R, uint32_t k, uint32_t ind, int64_t w)
{
	size_t j;

	for (j = 0; j < R->ncmap[k]; j++)
		if (R->cmap[k][j] == ind)
			return;
	R->cmap[k] = xreallocarray(R->cmap[k], R->ncmap[k] + 1,
	    sizeof(**R->cmap));
	R->cmw[k] = xreallocarray(R->cmw[k], R->ncmap[k] + 1, sizeof(**R->cmw));
	R->cmap[k][R->ncmap[k]] = ind;
	R->cmw[k][R->ncmap[k]++] = w;
}

static int
maps(struct crimerate *R, uint32_t k, uint32_t ind)
{
	size_t j;

	for (j = 0; j < R->ncmap[k]; j++)
		if (R->cmap[k][j] == ind)
			return 1;
	return 0;
}

/* An indicator the percentage d names as its numerator or denominator:
 * one counted in this run, never another percentage. */
static long
part(struct crimerate *R, const struct meta_ind *d, const char *what,
    const char *name, size_t n0)
{
	long i;

	if (!name)
		errx(1, "%s:%ld: percentage '%s' names no %s (an indicator, "
		    "in column '%s')", R->meta->file, d->line, d->name, what,
		    what);
	if ((i = findind(R, name)) >= (long)n0)
		errx(1, "%s:%ld: percentage '%s': its %s '%s' is itself a "
		    "percentage", R->meta->file, d->line, d->name, what, name);
	return i;
}

/* The percentages of --indicators whose numerator and denominator this
 * run counts; one of the two without the other is an error. */
static void
percentages(struct crimerate *R)
{
	const struct meta_ind *d;
	size_t i, n0 = R->inds.n;
	long num, den;
	uint32_t p, k;

	for (i = 0; R->meta && i < R->meta->n; i++) {
		d = &R->meta->ind[i];
		if (d->kind != META_PERCENTAGE)
			continue;
		num = part(R, d, "numerator", d->numerator, n0);
		den = part(R, d, "denominator", d->denominator, n0);
		if (num < 0 && den < 0) {
			if (R->verbose)
				warnx("%s:%ld: percentage '%s': neither '%s' "
				    "nor '%s' is counted in this run",
				    R->meta->file, d->line, d->name,
				    d->numerator, d->denominator);
			continue;
		}
		if (num < 0 || den < 0)
			errx(1, "%s:%ld: percentage '%s': its %s '%s' is no "
			    "indicator of this run", R->meta->file, d->line,
			    d->name, num < 0 ? "numerator" : "denominator",
			    num < 0 ? d->numerator : d->denominator);
		if (num == den)
			errx(1, "%s:%ld: percentage '%s' is '%s' over itself",
			    R->meta->file, d->line, d->name, d->numerator);
		p = newind(R, d->name, R->meta->file, d->line);
		R->ii = xreallocarray(R->ii, R->inds.cap, sizeof(*R->ii));
		memset(&R->ii[p], 0, sizeof(R->ii[p]));
		R->ii[p].kind = META_PERCENTAGE;
		R->ii[p].num = (uint32_t)num;
		R->ii[p].dind = (uint32_t)den;
		for (k = 0; k < R->dcat.n; k++)
			if (maps(R, k, (uint32_t)num) ||
			    maps(R, k, (uint32_t)den))
				addmap(R, k, p, 0);
	}
}

static int
uwcmp(const void *a, const void *b, void *arg)
{
	const struct crimerate *R = arg;

	return strcmp(R->dname[*(const uint32_t *)a],
	    R->dname[*(const uint32_t *)b]);
}

/* The harm-weighted total: every weighted category of the data, worth
 * its weight; those without one said (an error with --strict). */
static int
harm(struct crimerate *R)
{
	uint32_t k, c, *um = xcalloc(R->dcat.n + 1, sizeof(*um));
	size_t n = 0, i, slot;
	long f;
	i128 *kn = xcalloc(R->dcat.n + 1, sizeof(*kn));

	R->kw = xcalloc(R->dcat.n + 1, sizeof(*R->kw));
	R->harm = newind(R, HARMNAME, R->wfile, 0);
	R->ii = xreallocarray(R->ii, R->inds.cap, sizeof(*R->ii));
	memset(&R->ii[R->harm], 0, sizeof(R->ii[R->harm]));
	R->ii[R->harm].kind = META_HARM;
	for (c = 0; c < R->cats.n; c++)
		kn[R->ckid[c]] += R->catn[c];
	for (k = 0; k < R->dcat.n; k++) {
		f = st_find(&R->wkeys, R->dcat.s[k], R->dcat.len[k],
		    hash64(R->dcat.s[k], R->dcat.len[k], 0), &slot);
		R->kw[k] = f < 0 ? -1 : R->wval[f];
		if (f >= 0)
			addmap(R, k, R->harm, R->wval[f]);
		else
			um[n++] = k;
	}
	qsort_r(um, n, sizeof(*um), uwcmp, R);
	for (i = 0; i < n; i++)
		warnx("%s: no weight for category '%s' (%lld counted): not in "
		    "the harm-weighted total", R->wfile, R->dname[um[i]],
		    (long long)kn[um[i]]);
	if (n && R->strict)
		warnx("%zu categor%s without a weight (--strict)", n,
		    n == 1 ? "y" : "ies");
	free(um);
	free(kn);
	return n && R->strict;
}

/* Kind, denominator and per of every indicator, from --indicators where
 * it names one; a kind that is not what this run counts is an error. */
static void
describe(struct crimerate *R, size_t n0)
{
	const struct meta_ind *d;
	struct ind *x;
	size_t i, j, k;

	R->ii = xreallocarray(R->ii, R->inds.cap + 1, sizeof(*R->ii));
	for (i = 0; i < R->inds.n; i++) {
		x = &R->ii[i];
		if (i < n0) {
			memset(x, 0, sizeof(*x));
			x->kind = META_COUNT;
		}
		x->per = x->kind == META_PERCENTAGE ? 100 : R->per;
		if (!(d = meta_find(R->meta, R->iname[i], strlen(R->iname[i]))))
			continue;
		if (d->kind != META_KIND_UNSET && d->kind != x->kind)
			errx(1, "%s:%ld: '%s' is declared %s, but this run "
			    "counts it as %s%s", R->meta->file, d->line, d->name,
			    meta_kindname(d->kind), x->kind == META_HARM ? "" :
			    "a ", x->kind == META_HARM ? "the harm total of "
			    "--weights" : meta_kindname(x->kind));
		if (d->per > 0 && (d->per > 1e9 || d->per != floor(d->per)))
			errx(1, "%s:%ld: '%s': per %g is not a whole number "
			    "from 1 to 10^9", R->meta->file, d->line, d->name,
			    d->per);
		if (d->per > 0)
			x->per = (long long)d->per;
		for (j = 0; x->kind != META_PERCENTAGE && d->denominator &&
		    j < R->nden; j++)
			if (strcasecmp(R->den[j], d->denominator) == 0)
				x->den = j;
	}
	for (k = 0; R->kw && k < R->dcat.n; k++)
		for (j = 0; R->kw[k] >= 0 && j < R->ncmap[k]; j++)
			if (R->ii[R->cmap[k][j]].kind == META_COUNT)
				R->ii[R->cmap[k][j]].weighted = 1;
}

/* After map_categories(R): percentages, the harm total, and what each
 * indicator is. Nonzero when --strict fails. */
int
measures(struct crimerate *R)
{
	size_t k, j, n0 = R->inds.n;
	int ret = 0;

	R->harm = UINT32_MAX;
	R->cmw = xcalloc(R->dcat.n + 1, sizeof(*R->cmw));
	for (k = 0; k < R->dcat.n; k++) {
		R->cmw[k] = xcalloc(R->ncmap[k] + 1, sizeof(**R->cmw));
		for (j = 0; j < R->ncmap[k]; j++)
			R->cmw[k][j] = 1;
	}
	percentages(R);
	if (R->wfile)
		ret = harm(R);
	describe(R, n0);
	return ret;
}

/* Add n to (v, ind, b) of t; each sum checked. */
static void
addto(struct crimerate *R, struct gtab *t, uint32_t v, uint32_t ind, long b,
    int64_t n)
{
	int64_t *to = g_get(t, v, ind, b);

	if (__builtin_add_overflow(*to, n, to))
		errx(1, "the harm of '%s', '%s' passes 2^63-1 millionths",
		    R->nd[v].name, R->iname[ind]);
}

/* A group of n records of category key k, in bucket b, counted for
 * node v: its harm and volume toward v's shares. */
void
weigh(struct crimerate *R, uint32_t v, uint32_t k, long b, int64_t n)
{
	size_t j;
	uint32_t ind;
	int64_t h;

	if (R->harm == UINT32_MAX || R->kw[k] < 0)
		return;
	addto(R, &R->vs, v, R->harm, b, n);
	for (j = 0; j < R->ncmap[k]; j++) {
		ind = R->cmap[k][j];
		if (R->ii[ind].kind != META_COUNT)
			continue;
		if (__builtin_mul_overflow(n, R->kw[k], &h))
			errx(1, "the harm of '%s', '%s' passes 2^63-1 "
			    "millionths", R->nd[v].name, R->iname[ind]);
		addto(R, &R->hs, v, ind, b, h);
		addto(R, &R->vs, v, ind, b, n);
	}
}

void
free_measures(struct crimerate *R)
{
	size_t k;

	for (k = 0; R->cmw && k < R->dcat.n; k++)
		free(R->cmw[k]);
	free(R->cmw);
	free(R->den);
	free(R->ii);
	free(R->kw);
	free(R->wval);
	free(R->hs.e);
	free(R->vs.e);
	st_free(&R->wkeys);
	meta_free(R->meta);
}
