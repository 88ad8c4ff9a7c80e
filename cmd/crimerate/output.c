/* Output: groups of records become indicators (count, rate, change)
 * for each area and period; or, with --partial, records again. */
#include <err.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvwrite.h"
#include "date.h"
#include "meta.h"
#include "output.h"
#include "period.h"
#include "round.h"
#include "stats.h"
#include "util.h"

#include "crimerate.h"

/* num/den rounded half away from zero to dec decimals: exact, so that
 * every figure can be checked by hand. */
static void
fixed(FILE *fp, i128 num, i128 den, int dec)
{
	char buf[64], *p = buf + sizeof(buf) - 1;
	i128 q, s = 1;
	uint64_t u;
	int i = 0, neg = num < 0;

	while (i++ < dec)
		s *= 10;
	q = ((neg ? -num : num) * s * 2 + den) / (den * 2);
	neg = neg && q != 0;
	*p = '\0';
	i = 0;
	do { /* the digits past 64 bits in 128, the rest in 64: faster */
		*--p = (char)('0' + (int)(q % 10));
		q /= 10;
		if (++i == dec)
			*--p = '.';
	} while (q > (i128)UINT64_MAX);
	for (u = (uint64_t)q; u > 0 || i <= dec;) {
		*--p = (char)('0' + (int)(u % 10));
		u /= 10;
		if (++i == dec)
			*--p = '.';
	}
	if (neg)
		*--p = '-';
	csvw_str(fp, p, 0);
}

/* "%lld" by hand: a row has up to five, and snprintf() cost more than
 * the rest of writing them. */
static void
integer(FILE *fp, long long v, int first)
{
	char buf[32], *p = buf + sizeof(buf) - 1;
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v :
	    (unsigned long long)v;

	*p = '\0';
	do
		*--p = (char)('0' + (int)(u % 10));
	while ((u /= 10) > 0);
	if (v < 0)
		*--p = '-';
	csvw_str(fp, p, first);
}

/* The label of bucket b, for a message. */
static const char *
blabel(struct crimerate *R, long b, char *buf)
{
	if (!R->by)
		return b == 0 ? R->per_.label : R->cmp.label;
	period_bucket_label(R->by, b, buf);
	return buf;
}

/* Add n to a group of a table; each sum is checked, not the total. A
 * new group of the output may be a new pair. */
static void
sumto(struct crimerate *R, struct gtab *t, uint32_t v, uint32_t ind, long b,
    int64_t n)
{
	size_t had = t->n;
	int64_t *to = g_get(t, v, ind, b);
	char buf[PERIOD_LABEL];

	if (__builtin_add_overflow(*to, n, to))
		errx(1, "the count of '%s', '%s' in %s passes 2^63-1 (64 bits)",
		    R->nd[v].name, R->iname[ind], blabel(R, b, buf));
	if (t == &R->out && t->n != had)
		g_get(&R->pairs, v, ind, 0);
}

static int
bynode(const void *x, const void *y, void *arg)
{
	const struct crimerate *R = arg;
	uint32_t a = R->areanode[((const struct grp *)x)->a];
	uint32_t b = R->areanode[((const struct grp *)y)->a];

	return (a > b) - (a < b);
}

static struct grp *sorted(struct crimerate *R, const struct gtab *t,
    int (*cmp)(const void *, const void *, void *));

/* A group to pass up to its area's parent, at its area's depth. */
static void
defer(struct crimerate *R, uint32_t v, uint32_t c, long b)
{
	struct gvec *q = &R->bk[R->nd[v].depth];

	if (q->n == q->cap) {
		q->cap = q->cap ? 2 * q->cap : 16;
		q->e = xreallocarray(q->e, q->cap, sizeof(*q->e));
	}
	q->e[q->n].a = v;
	q->e[q->n].c = c;
	q->e[q->n++].b = b;
}

/* Sums passed up the chains (areas whose ancestors each have one
 * parent), deepest first, each level once: linear in the groups. */
static void
passup(struct crimerate *R)
{
	size_t i, d, had;
	long maxd = 0;
	const struct grp *e;
	int64_t n;
	uint32_t p;

	for (i = 0; i < R->nodes.n; i++)
		if (R->nd[i].chain == 1 && R->nd[i].depth > maxd)
			maxd = R->nd[i].depth;
	R->bk = xcalloc((size_t)maxd + 1, sizeof(*R->bk));
	R->nbk = (size_t)maxd + 1;
	for (i = 0; R->out.e && i <= R->out.mask; i++) {
		e = &R->out.e[i];
		if (e->a != UINT32_MAX && R->nd[e->a].chain == 1 &&
		    R->nd[e->a].depth > 0)
			defer(R, e->a, e->c, e->b);
	}
	for (d = (size_t)maxd; d > 0; d--) {
		for (i = 0; i < R->bk[d].n; i++) {
			e = &R->bk[d].e[i];
			n = g_count(&R->out, e->a, e->c, e->b);
			p = R->nd[e->a].par[0];
			had = R->out.n;
			sumto(R, &R->out, p, e->c, e->b, n);
			if (R->out.n != had && d > 1) /* new: pass it on */
				defer(R, p, e->c, e->b);
		}
	}
}

/* Each group of records becomes groups of indicators, for its area and
 * every ancestor of it, each once. An area on a chain counts in itself,
 * and passup(R) carries the sums up; any other area (one with two
 * parents, or below one) adds to each ancestor directly, walking them
 * once for all its groups, into a table of its own so that nothing is
 * passed up twice. */
void
build(struct crimerate *R)
{
	/* freed by cleanup */
	struct grp *v = R->bsort = sorted(R, &R->g, bynode);
	size_t i, j, k, m;
	uint32_t a, c, ind;
	const struct grp *e;
	int64_t n;
	int weights = R->harm != UINT32_MAX;

	chains(R);
	for (i = 0; i < R->g.n; i = m) {
		a = R->areanode[v[i].a];
		for (m = i; m < R->g.n && R->areanode[v[m].a] == a; m++)
			;
		if (R->nd[a].chain != 1 || weights)
			ancestors(R, a);
		for (; i < m; i++) {
			c = R->ckid[v[i].c];
			for (j = 0; j < R->ncmap[c]; j++) {
				ind = R->cmap[c][j];
				if (__builtin_mul_overflow(v[i].n, R->cmw[c][j],
				    &n))
					errx(1, "the harm of '%s' passes 2^63-1 "
					    "millionths", R->nd[a].name);
				sumto(R, &R->out, a, ind, v[i].b, n);
				for (k = 0; R->nd[a].chain != 1 &&
				    k < R->nup; k++)
					sumto(R, &R->direct, R->up[k], ind,
					    v[i].b, n);
			}
			weigh(R, a, c, v[i].b, v[i].n);
			for (k = 0; weights && k < R->nup; k++)
				weigh(R, R->up[k], c, v[i].b, v[i].n);
		}
	}
	passup(R);
	for (i = 0; R->direct.e && i <= R->direct.mask; i++) {
		e = &R->direct.e[i];
		if (e->a != UINT32_MAX)
			sumto(R, &R->out, e->a, e->c, e->b, e->n);
	}
}

static int
paircmp(const void *x, const void *y, void *arg)
{
	const struct crimerate *R = arg;
	const struct grp *a = x, *b = y;
	int c = strcmp(R->nd[a->a].name, R->nd[b->a].name);

	if (!c)
		c = strcmp(R->iname[a->c], R->iname[b->c]);
	return c ? c : (a->a > b->a) - (a->a < b->a);
}

/* Groups of a table, sorted by cmp (given R). */
static struct grp *
sorted(struct crimerate *R, const struct gtab *t,
    int (*cmp)(const void *, const void *, void *))
{
	struct grp *v = xcalloc(t->n, sizeof(*v));
	size_t i, n = 0;

	for (i = 0; t->e && i <= t->mask; i++)
		if (t->e[i].a != UINT32_MAX)
			v[n++] = t->e[i];
	qsort_r(v, n, sizeof(*v), cmp, R);
	return v;
}

struct slot {
	long b, pb, yb; /* the last buckets of the row, of its comparison
			 * and of the same period a year before; a row
			 * spans R->roll buckets ending there, or one */
	long year, pyear;
	long m[3][2]; /* the months of the three */
	long days[2]; /* the lengths of the first two, for the exposure */
	char label[PERIOD_LABEL];
	char what[2][96]; /* the first two, for a message */
};

/* How a row of a slot stands: covered months of the period, of the
 * comparison (-1: none) and of the same period a year before, and
 * their numbers of months. */
struct cov {
	long c, n, pc, pn, yc, yn;
};

/* "period sa2016 (2015-10..2016-09)": where a gap lies. */
static void
what(char *buf, const char *kind, const struct period *p)
{
	long m0 = period_bucket(BY_MONTH, p->first);
	long m1 = period_bucket(BY_MONTH, p->last);

	if (p->kind == PER_RANGE || m0 == m1)
		snprintf(buf, 96, "%s %s", kind, p->label);
	else
		snprintf(buf, 96, "%s %s (%04ld-%02ld..%04ld-%02ld)", kind,
		    p->label, m0 / 12, m0 % 12 + 1, m1 / 12, m1 % 12 + 1);
}

static void
months(long m[2], long first, long last)
{
	m[0] = period_bucket(BY_MONTH, first);
	m[1] = period_bucket(BY_MONTH, last);
}

/* The first day of bucket b0 and the last of b1. */
static void
bspan(struct crimerate *R, long b0, long b1, long *f, long *l)
{
	long x;

	period_bucket_span(R->by, b0, f, &x);
	period_bucket_span(R->by, b1, &x, l);
}

/* The slot of a series whose row ends with bucket b: a month, quarter
 * or year, or with --by 12m the 12 months ending then. Its comparison
 * is the bucket before (the 12 months before); a year before is 12
 * months, 4 quarters, a year back. */
static void
bslot(struct crimerate *R, struct slot *s, long b)
{
	long w = R->roll ? R->roll - 1 : 0, f, l, pf, pl, yf, yl;
	struct period p;

	s->b = b;
	s->pb = R->roll ? b - R->roll : b - 1;
	s->yb = b - (R->by == BY_MONTH ? 12 : R->by == BY_QUARTER ? 4 : 1);
	bspan(R, b - w, b, &f, &l);
	bspan(R, s->pb - w, s->pb, &pf, &pl);
	bspan(R, s->yb - w, s->yb, &yf, &yl);
	s->year = period_popyear(f, l);
	s->pyear = period_popyear(pf, pl);
	months(s->m[0], f, l);
	months(s->m[1], pf, pl);
	months(s->m[2], yf, yl);
	s->days[0] = l - f + 1;
	s->days[1] = pl - pf + 1;
	memset(&p, 0, sizeof(p));
	p.kind = R->roll ? PER_12M : PER_MONTH;
	p.first = f;
	p.last = l;
	period_bucket_label(R->by, b, p.label);
	if (R->roll) /* 12m:2016-09, as --period takes it */
		snprintf(s->label, PERIOD_LABEL, "12m:%.20s", p.label);
	else
		memcpy(s->label, p.label, PERIOD_LABEL);
	memcpy(p.label, s->label, PERIOD_LABEL);
	what(s->what[0], R->roll ? "12 months" : R->by == BY_MONTH ? "month" :
	    R->by == BY_QUARTER ? "quarter" : "year", &p);
}

/* The periods the output shows, in order. */
static struct slot *
slots(struct crimerate *R, size_t *ns)
{
	struct slot *s;
	long b;

	if (!R->by) {
		s = xcalloc(1, sizeof(*s));
		s->b = 0;
		s->pb = 1;
		s->year = period_popyear(R->per_.first, R->per_.last);
		s->pyear = period_popyear(R->cmp.first, R->cmp.last);
		months(s->m[0], R->per_.first, R->per_.last);
		months(s->m[1], R->cmp.first, R->cmp.last);
		s->days[0] = R->per_.last - R->per_.first + 1;
		s->days[1] = R->cmp.last - R->cmp.first + 1;
		what(s->what[0], "period", &R->per_);
		what(s->what[1], "comparison period", &R->cmp);
		memcpy(s->label, R->per_.label, PERIOD_LABEL);
		*ns = 1;
		return s;
	}
	*ns = R->hasper || R->anyb ? (size_t)(R->bhi - R->blo + 1) : 0;
	s = xcalloc(*ns, sizeof(*s));
	for (b = R->blo; *ns && b <= R->bhi; b++)
		bslot(R, &s[b - R->blo], b);
	return s;
}

/* Denominator d, or -1 when none is wanted or, allowed, none is known;
 * a missing one is said once per area and denominator and makes *bad. */
static int64_t
popfor(struct crimerate *R, uint32_t v, size_t d, long year, const char *label,
    int *bad)
{
	int64_t p;
	uint32_t part;
	uint64_t bit = (uint64_t)1 << d;
	char what[PERIOD_LABEL + 32];

	if (!R->popfile)
		return -1;
	if ((p = population(R, v, d, year, &part)) >= 0 || R->allowmiss)
		return p;
	snprintf(what, sizeof(what), d == 0 ? "the mid-year estimate for %s" :
	    "for %s", label);
	if (!(R->nd[v].missed & bit) && part == v)
		warnx("%s: no %s for area '%s' in %ld (%s): add the year to "
		    "the file, or give --allow-missing-population to leave its "
		    "rates empty", R->popfile, R->den[d], R->nd[v].name, year,
		    what);
	else if (!(R->nd[v].missed & bit))
		warnx("%s: no %s for area '%s' in %ld (%s), nor for its part "
		    "'%s' to add up: add the year to the file, or give "
		    "--allow-missing-population to leave its rates empty",
		    R->popfile, R->den[d], R->nd[v].name, year, what,
		    R->nd[part].name);
	R->nd[v].missed |= bit;
	*bad = 1;
	return -1;
}

static void
share(FILE *fp, long c, long n)
{
	if (c >= 0)
		fixed(fp, c, n, 3);
	else
		csvw_str(fp, "", 0);
}

static void signif(struct crimerate *, FILE *, int64_t, int64_t, int64_t,
    int64_t, const struct slot *, int, int);

/* A count: the harm total's in millionths, shown to the weights'
 * decimals. */
static void
countcell(struct crimerate *R, FILE *fp, const struct ind *x, int64_t c)
{
	if (x->kind == META_HARM)
		fixed(fp, c, WSCALE, (int)R->wdec);
	else
		integer(fp, c, 0);
}

/* A percentage's numerator above its denominator is an error. */
static void
above(struct crimerate *R, const struct grp *pr, const char *label, int64_t c,
    int64_t d, int *bad)
{
	const struct ind *x = &R->ii[pr->c];

	if (c <= d)
		return;
	warnx("'%s', %s, %s: the numerator '%s', %lld, is above the "
	    "denominator '%s', %lld", R->nd[pr->a].name, R->iname[pr->c], label,
	    R->iname[x->num], (long long)c, R->iname[x->dind], (long long)d);
	*bad = 1;
}

static int64_t bsum(struct crimerate *, uint32_t, uint32_t, long);

/* The row's count and denominator in bucket b (population year y; a
 * 12-month row's sum of its months): a percentage's are two indicators'
 * counts. */
static void
figures(struct crimerate *R, const struct grp *pr, long b, long y,
    const char *label, int64_t *c, int64_t *d, int *bad, int check)
{
	const struct ind *x = &R->ii[pr->c];

	if (x->kind != META_PERCENTAGE) {
		*c = bsum(R, pr->a, pr->c, b);
		*d = popfor(R, pr->a, x->den, y, label, bad);
		return;
	}
	*c = bsum(R, pr->a, x->num, b);
	*d = bsum(R, pr->a, x->dind, b);
	if (check)
		above(R, pr, label, *c, *d, bad);
}

/* harm_share, volume_share: the row's part of the area's harm-weighted
 * total and of the volume of the weighted categories, in % (sapriority
 * reads harm_share so). */
static void
shares(struct crimerate *R, FILE *fp, const struct grp *pr, long b)
{
	int64_t h = 0, v = 0;

	if (R->harm != UINT32_MAX && R->ii[pr->c].weighted) {
		h = g_count(&R->out, pr->a, R->harm, b);
		v = g_count(&R->vs, pr->a, R->harm, b);
	}
	if (h > 0)
		fixed(fp, (i128)g_count(&R->hs, pr->a, pr->c, b) * 100, h, 1);
	else
		csvw_str(fp, "", 0);
	if (v > 0)
		fixed(fp, (i128)g_count(&R->vs, pr->a, pr->c, b) * 100, v, 1);
	else
		csvw_str(fp, "", 0);
}

/* change_pct: of the count; of a percentage, of the percentage itself
 * (its denominator moves too). */
static void
changepct(FILE *fp, const struct ind *x, int64_t c, int64_t p, int64_t pop,
    int64_t ppop)
{
	const int64_t big = (int64_t)1 << 53;

	if (x->kind != META_PERCENTAGE && p > 0)
		fixed(fp, ((i128)c - p) * 100, p, 1);
	else if (x->kind == META_PERCENTAGE && p > 0 && pop > 0 && ppop > 0 &&
	    c < big && p < big && pop < big && ppop < big)
		fixed(fp, ((i128)c * ppop - (i128)p * pop) * 100,
		    (i128)p * pop, 1);
	else
		csvw_str(fp, "", 0);
}

/* The count of a row whose last bucket is b: the sum of its R->roll
 * buckets with --by 12m, else the one. */
static int64_t
bsum(struct crimerate *R, uint32_t a, uint32_t c, long b)
{
	int64_t n = 0;
	long k, w = R->roll ? R->roll - 1 : 0;
	char buf[PERIOD_LABEL];

	for (k = b - w; k <= b; k++)
		if (__builtin_add_overflow(n, g_count(&R->out, a, c, k), &n))
			errx(1, "the count of '%s', '%s' in the 12 months to "
			    "%s passes 2^63-1 (64 bits)", R->nd[a].name,
			    R->iname[c], blabel(R, b, buf));
	return n;
}

static int64_t
bcount(struct crimerate *R, const struct grp *pr, long b)
{
	return bsum(R, pr->a, pr->c, b);
}

/* yoy_count, yoy_change_pct: the same period a year before, only when
 * its every month has data (no data is not a fall to 0), and the
 * change only when the row's own months all have data too. */
static void
yoy(struct crimerate *R, FILE *fp, const struct grp *pr, const struct slot *s,
    const struct cov *cv, int64_t c)
{
	int64_t y;

	/* of counts only: a percentage's or the harm total's year before
	 * is not yet computed, so it is left empty, never a wrong figure */
	if (!R->by || cv->yc < cv->yn || cv->yn <= 0 ||
	    R->ii[pr->c].kind == META_PERCENTAGE ||
	    R->ii[pr->c].kind == META_HARM) {
		fputs(",,", fp);
		return;
	}
	y = bcount(R, pr, s->yb);
	integer(fp, y, 0);
	if (y > 0 && cv->c == cv->n)
		fixed(fp, ((i128)c - y) * 100, y, 1);
	else
		csvw_str(fp, "", 0);
}

static void
row(struct crimerate *R, FILE *fp, const struct grp *pr, const struct slot *s,
    const struct cov *cv, int *bad)
{
	const struct ind *x = &R->ii[pr->c];
	int64_t c, p = 0, pop, ppop = -1;
	int64_t scale = x->kind == META_HARM ? WSCALE : 1;
	/* a series compares only with a whole bucket; a period shows what
	 * its comparison has, beside its coverage */
	int prev = cv->pc > 0 && (!R->by || cv->pc == cv->pn);
	int whole = cv->c == cv->n && cv->pc == cv->pn;
	char buf[PERIOD_LABEL];

	figures(R, pr, s->b, s->year, s->label, &c, &pop, bad, !fp);
	if (prev)
		figures(R, pr, s->pb, s->pyear, R->by ? blabel(R, s->pb, buf) :
		    R->cmp.label, &p, &ppop, bad, !fp);
	if (!fp) { /* the pass that checks: the test, to compute ahead */
		sig_note(R, c, p, pop, ppop, s->days, prev && whole, x->kind);
		return;
	}
	csvw_str(fp, R->nd[pr->a].name, 1);
	csvw_str(fp, R->iname[pr->c], 0);
	csvw_str(fp, s->label, 0);
	countcell(R, fp, x, c);
	if (pop >= 0)
		integer(fp, pop, 0);
	else
		csvw_str(fp, "", 0);
	if (pop > 0)
		fixed(fp, (i128)c * x->per, (i128)pop * scale, 2);
	else
		csvw_str(fp, "", 0);
	if (prev) {
		countcell(R, fp, x, p);
		if (ppop > 0)
			fixed(fp, (i128)p * x->per, (i128)ppop * scale, 2);
		else
			csvw_str(fp, "", 0);
	} else {
		fputs(",,", fp);
	}
	if (prev && whole) {
		countcell(R, fp, x, c - p);
		changepct(fp, x, c, p, pop, ppop);
	} else {
		fputs(",,", fp);
	}
	integer(fp, x->per, 0);
	share(fp, cv->c, cv->n);
	share(fp, cv->pc, cv->pn);
	signif(R, fp, c, p, pop, ppop, s, prev && whole, x->kind);
	if (prev && ppop >= 0) /* for msgrank's prev_rank, unrounded */
		integer(fp, ppop, 0);
	else
		csvw_str(fp, "", 0);
	csvw_str(fp, x->kind == META_PERCENTAGE ? R->iname[x->dind] :
	    R->popfile ? R->den[x->den] : "", 0);
	csvw_str(fp, meta_kindname(x->kind), 0);
	shares(R, fp, pr, s->b);
	yoy(R, fp, pr, s, cv, c);
	csvw_end(fp);
}

/* A double rounded half away from zero (lib/round.h), or empty. */
static void
real(FILE *fp, double v, int dec)
{
	char buf[400];

	if (!isfinite(v)) {
		csvw_str(fp, "", 0);
		return;
	}
	round_fmt(buf, sizeof(buf), v, dec);
	csvw_str(fp, buf, 0);
}

/* change_lcl, change_ucl, change_p, change_sig: is the change in the
 * rate more than chance? For a count, the exact conditional test of two
 * Poisson counts (lib/stats.h, stats_pois_ratio): given n = c + p, c is
 * Binomial(n, e1 / (e1 + e2)) when the rates are equal, e the exposure,
 * the population times the period's days (days alone without
 * populations); the interval is the rate ratio's, from the exact limits
 * of c / n, as a % change. For a percentage, Fisher's exact test of the
 * two proportions c / pop and p / ppop, and Katz's interval for their
 * ratio, as a % change (empty when either numerator is 0). A harm total
 * is a weighted sum, not a Poisson count: no test. Empty where there is
 * no whole comparison, no count in either period, or a denominator is
 * wanted and unknown. */
static void
signif(struct crimerate *R, FILE *fp, int64_t c, int64_t p, int64_t pop,
    int64_t ppop, const struct slot *s, int ok, int kind)
{
	struct sig own;
	const struct sig *g;
	char buf[64];

	sig_figures(R, &own, c, p, pop, ppop, s->days, ok, kind);
	if (!(g = sig_take(R, &own))) {
		sig_calc(R, &own);
		g = &own;
	}
	if (g->none) {
		fputs(",,,,", fp);
		return;
	}
	if (!g->ci) {
		fputs(",,", fp);
		goto test;
	}
	real(fp, (g->lo - 1.0) * 100.0, 1);
	real(fp, isinf(g->hi) ? g->hi : (g->hi - 1.0) * 100.0, 1);
test:
	if (g->pv >= 0.0001) {
		real(fp, g->pv, 4);
	} else {
		snprintf(buf, sizeof(buf), "%.3e", g->pv);
		csvw_str(fp, buf, 0);
	}
	csvw_str(fp, g->pv >= 1.0 - R->level / 100.0 ? "none" :
	    (double)c / g->e1 > (double)p / g->e2 ? "up" : "down", 0);
}

/* The coverage of a row in each slot. */
static void
coverage(struct crimerate *R, const struct grp *pr, const struct slot *s,
    size_t ns, struct cov *cv)
{
	size_t j;

	for (j = 0; j < ns; j++) {
		cv[j].n = s[j].m[0][1] - s[j].m[0][0] + 1;
		cv[j].c = covered(R, pr->a, pr->c, s[j].m[0][0], s[j].m[0][1]);
		cv[j].pn = s[j].m[1][1] - s[j].m[1][0] + 1;
		cv[j].pc = R->cmpnone ? -1 : covered(R, pr->a, pr->c,
		    s[j].m[1][0], s[j].m[1][1]);
		cv[j].yn = s[j].m[2][1] - s[j].m[2][0] + 1;
		cv[j].yc = R->by ? covered(R, pr->a, pr->c, s[j].m[2][0],
		    s[j].m[2][1]) : -1;
	}
}

/* Is the row of slot j written (1), left out as outside the data (0),
 * or left out as a gap in it (-1)? Slots lo..hi-1 are those from the
 * first with data to the last. A gap fails the run unless
 * --allow-partial; it is remembered for the message. */
static int
judge(struct crimerate *R, const struct grp *pr, const struct slot *s,
    const struct cov *cv, size_t lo, size_t hi, size_t j, int *fail)
{
	int partial;

	if (!R->by)
		partial = cv[j].c < cv[j].n || (!R->cmpnone &&
		    cv[j].pc < cv[j].pn);
	else
		partial = cv[j].c < cv[j].n && (cv[j].c > 0 ||
		    (j > lo && j < hi));
	if (partial && !R->allowpart) {
		*fail = 1;
		if (cv[j].c < cv[j].n)
			gap(R, pr->a, pr->c, s[j].m[0][0], s[j].m[0][1],
			    2 * (long)j, s[j].what[0]);
		if (!R->by && !R->cmpnone && cv[j].pc < cv[j].pn)
			gap(R, pr->a, pr->c, s[j].m[1][0], s[j].m[1][1],
			    2 * (long)j + 1, s[j].what[1]);
	}
	return cv[j].c > 0 ? 1 : partial ? -1 : 0;
}

/* The population years the slots need, each once. */
static void
years(struct crimerate *R, const struct slot *s, size_t ns)
{
	long *y = xcalloc(2 * ns + 1, sizeof(*y));
	size_t i, j, n = 0;

	if (!R->popfile) {
		free(y);
		return;
	}
	for (i = 0; i < ns; i++) {
		for (j = 0; j < n && y[j] != s[i].year; j++)
			;
		if (j == n)
			y[n++] = s[i].year;
		for (j = 0; j < n && y[j] != s[i].pyear; j++)
			;
		if (!R->cmpnone && j == n)
			y[n++] = s[i].pyear;
	}
	R->pyears = y; /* before: popsums(R) may fail, and cleanup frees it */
	popsums(R, y, n);
}

/* A 12-month row (--by 12m) is written when every month of it has
 * data, and left out when the months it misses lie before the row's
 * first month of data or after its last (the data start or end inside
 * it). A month without data between them is a gap: it fails the run,
 * said once for all the months of the row's data, unless
 * --allow-partial, which leaves out the rows that hold one. mc[k]:
 * month R->blo - 11 + k has data. */
static int
rolljudge(struct crimerate *R, const struct grp *pr, const struct slot *s,
    const struct cov *cv, const char *mc, long fm, long lm, size_t j, int *fail)
{
	long k, w = R->roll - 1;
	int inside = 0;

	if (cv[j].c == cv[j].n)
		return 1;
	for (k = (long)j; k <= (long)j + w; k++)
		if (!mc[k] && k > fm && k < lm)
			inside = 1;
	if (inside && !R->allowpart) {
		*fail = 1;
		gap(R, pr->a, pr->c, s[0].m[0][0] + fm, s[0].m[0][0] + lm, -1,
		    "the 12-month rows that hold them");
	}
	return inside ? -1 : 0;
}

/* Which months of a 12-month series have data for a row (mc), and the
 * first and last of them (-1 for none). */
static void
rollmonths(struct crimerate *R, const struct grp *pr, const struct slot *s,
    size_t ns, char *mc, long *fm, long *lm)
{
	long k, n = (long)ns + R->roll - 1;

	*fm = *lm = -1;
	for (k = 0; ns && k < n; k++) {
		mc[k] = covered(R, pr->a, pr->c, s[0].m[0][0] + k,
		    s[0].m[0][0] + k) > 0;
		if (mc[k] && *fm < 0)
			*fm = k;
		if (mc[k])
			*lm = k;
	}
}

/* One pass over the rows: without fp, to find missing populations and
 * gaps; with it, to write. The rows left out for no data at all in
 * their period, under --allow-partial, are counted in *out. */
static void
pass(struct crimerate *R, FILE *fp, const struct grp *pr, const struct slot *s,
    size_t ns, int *bad, int *fail, long *out)
{
	struct cov *cv = xcalloc(ns + 1, sizeof(*cv));
	char *mc = xcalloc(ns + (size_t)R->roll + 1, 1);
	size_t i, j, lo, hi;
	long fm = -1, lm = -1;
	int w;

	for (i = 0; i < R->pairs.n; i++) {
		coverage(R, &pr[i], s, ns, cv);
		for (lo = 0; lo < ns && cv[lo].c == 0; lo++)
			;
		for (hi = ns; hi > lo && cv[hi - 1].c == 0; hi--)
			;
		if (R->roll)
			rollmonths(R, &pr[i], s, ns, mc, &fm, &lm);
		for (j = 0; j < ns; j++) {
			w = R->roll ? rolljudge(R, &pr[i], s, cv, mc, fm, lm, j,
			    fail) : judge(R, &pr[i], s, cv, lo, hi, j, fail);
			if (w == 1)
				row(R, fp, &pr[i], &s[j], &cv[j], bad);
			else if (w < 0 && fp && (*out)++ < 10)
				warnx("'%s', %s, %s: %s, row left out",
				    R->nd[pr[i].a].name, R->iname[pr[i].c],
				    s[j].label, R->roll ? "a month without "
				    "data in its 12" : R->by ? "no data in "
				    "the bucket" : "no data in the period");
		}
	}
	free(mc);
	free(cv);
}

/* Pass once without output to find missing populations and gaps, then
 * write. */
int
indicators(struct crimerate *R, const char *opt_o)
{
	struct grp *pr = sorted(R, &R->pairs, paircmp);
	struct slot *s;
	size_t ns;
	FILE *fp;
	int bad = 0, fail = 0, ret;
	long out = 0;

	s = slots(R, &ns);
	years(R, s, ns);
	pass(R, NULL, pr, s, ns, &bad, &fail, &out);
	if (fail)
		gaps(R);
	if (bad || fail) {
		sig_free(R);
		free(pr);
		free(s);
		return 1;
	}
	sig_run(R);
	fp = out_open(opt_o);
	fputs("area,category,period,count,population,rate,prev_count,"
	    "prev_rate,change,change_pct,per,coverage,prev_coverage,"
	    "change_lcl,change_ucl,change_p,change_sig,prev_population,"
	    "denominator,kind,harm_share,volume_share,yoy_count,"
	    "yoy_change_pct\n", fp);
	pass(R, fp, pr, s, ns, &bad, &fail, &out);
	if (out > 10)
		warnx("and %ld more rows left out: %s", out - 10, R->roll ?
		    "a month without data in their 12" :
		    "no data in their period");
	ret = out_close(fp, 1);
	sig_free(R);
	free(pr);
	free(s);
	return ret;
}

static int
partcmp(const void *x, const void *y, void *arg)
{
	const struct crimerate *R = arg;
	const struct grp *a = x, *b = y;
	int c = strcmp(R->areas.s[a->a], R->areas.s[b->a]);

	if (!c)
		c = strcmp(R->cats.s[a->c], R->cats.s[b->c]);
	if (!c)
		c = strcmp(R->dates.s[(uint64_t)a->b >> 32],
		    R->dates.s[(uint64_t)b->b >> 32]);
	return c ? c : strcmp(R->units.s[a->b & 0xffffffff],
	    R->units.s[b->b & 0xffffffff]);
}

/* Partial counts are records: date,area,category,count,source, the
 * source the label of the record's source unit, so that a merge finds
 * the same sources. */
int
partial(struct crimerate *R, const char *opt_o)
{
	struct grp *v = sorted(R, &R->g, partcmp);
	FILE *fp = out_open(opt_o);
	size_t i;
	uint32_t d, u;

	fputs("date,area,category,count,source\n", fp);
	for (i = 0; i < R->g.n; i++) {
		d = (uint32_t)((uint64_t)v[i].b >> 32);
		u = (uint32_t)(v[i].b & 0xffffffff);
		csvw_str(fp, R->dates.s[d], 1);
		csvw_field(fp, R->areas.s[v[i].a], R->areas.len[v[i].a], 0);
		csvw_field(fp, R->cats.s[v[i].c], R->cats.len[v[i].c], 0);
		integer(fp, v[i].n, 0);
		csvw_field(fp, R->units.s[u], R->units.len[u], 0);
		csvw_end(fp);
	}
	free(v);
	return out_close(fp, 1);
}
