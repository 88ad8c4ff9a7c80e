/* Output: groups of records become indicators (count, rate, change)
 * for each area and period; or, with --partial, records again. */
#include <err.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvwrite.h"
#include "date.h"
#include "output.h"
#include "period.h"
#include "util.h"

#include "crimerate.h"

__extension__ typedef __int128 i128;

/* num/den rounded half away from zero to dec decimals: exact, so that
 * every figure can be checked by hand. */
static void
fixed(FILE *fp, i128 num, i128 den, int dec)
{
	char buf[64], *p = buf + sizeof(buf) - 1;
	i128 q, s = 1;
	int i = 0, neg = num < 0;

	while (i++ < dec)
		s *= 10;
	q = ((neg ? -num : num) * s * 2 + den) / (den * 2);
	neg = neg && q != 0;
	*p = '\0';
	i = 0;
	do {
		*--p = (char)('0' + (int)(q % 10));
		q /= 10;
		if (++i == dec)
			*--p = '.';
	} while (q > 0 || i <= dec);
	if (neg)
		*--p = '-';
	csvw_str(fp, p, 0);
}

static void
integer(FILE *fp, long long v, int first)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%lld", v);
	csvw_str(fp, buf, first);
}

/* Each group of records becomes groups of indicators, for its area and
 * every ancestor of it. */
void
build(void)
{
	const struct grp *e;
	const struct node *n;
	size_t i, j, k;
	uint32_t v, ind;

	for (i = 0; R.g.e && i <= R.g.mask; i++) {
		e = &R.g.e[i];
		if (e->a == UINT32_MAX)
			continue;
		v = R.areanode[e->a];
		n = &R.nd[v];
		for (j = 0; j < R.ncmap[e->c]; j++) {
			ind = R.cmap[e->c][j];
			add(g_get(&R.out, v, ind, e->b), e->n, "rollup", 0,
			    NULL);
			g_get(&R.pairs, v, ind, 0);
			for (k = 0; k < n->nanc; k++) {
				add(g_get(&R.out, n->anc[k], ind, e->b), e->n,
				    "rollup", 0, NULL);
				g_get(&R.pairs, n->anc[k], ind, 0);
			}
		}
	}
}

static int
paircmp(const void *x, const void *y)
{
	const struct grp *a = x, *b = y;
	int c = strcmp(R.nd[a->a].name, R.nd[b->a].name);

	if (!c)
		c = strcmp(R.inds.s[a->c], R.inds.s[b->c]);
	return c ? c : (a->a > b->a) - (a->a < b->a);
}

/* Groups of a table, sorted by cmp. */
static struct grp *
sorted(const struct gtab *t, int (*cmp)(const void *, const void *))
{
	struct grp *v = xcalloc(t->n, sizeof(*v));
	size_t i, n = 0;

	for (i = 0; t->e && i <= t->mask; i++)
		if (t->e[i].a != UINT32_MAX)
			v[n++] = t->e[i];
	qsort(v, n, sizeof(*v), cmp);
	return v;
}

struct slot {
	long b, pb;
	long year, pyear;
	long m[2][2]; /* the months of the period and its comparison */
	char label[PERIOD_LABEL];
	char what[2][96]; /* the two, for a message */
};

/* How a row of a slot stands: covered months of the period and of the
 * comparison (-1: none), and their numbers of months. */
struct cov {
	long c, n, pc, pn;
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

static long
yearof(long day)
{
	int y, m, d;

	date_civil(day, &y, &m, &d);
	return y;
}

/* The periods the output shows, in order. */
static struct slot *
slots(size_t *ns)
{
	struct slot *s;
	struct period p;
	long b, f, l, pf, pl;

	if (!R.by) {
		s = xcalloc(1, sizeof(*s));
		s->b = 0;
		s->pb = 1;
		s->year = yearof(R.per_.last);
		s->pyear = yearof(R.cmp.last);
		months(s->m[0], R.per_.first, R.per_.last);
		months(s->m[1], R.cmp.first, R.cmp.last);
		what(s->what[0], "period", &R.per_);
		what(s->what[1], "comparison period", &R.cmp);
		memcpy(s->label, R.per_.label, PERIOD_LABEL);
		*ns = 1;
		return s;
	}
	*ns = R.hasper || R.anyb ? (size_t)(R.bhi - R.blo + 1) : 0;
	s = xcalloc(*ns, sizeof(*s));
	for (b = R.blo; *ns && b <= R.bhi; b++) {
		period_bucket_span(R.by, b, &f, &l);
		period_bucket_span(R.by, b - 1, &pf, &pl);
		s[b - R.blo].b = b;
		s[b - R.blo].pb = b - 1;
		s[b - R.blo].year = yearof(l);
		s[b - R.blo].pyear = yearof(pl);
		months(s[b - R.blo].m[0], f, l);
		months(s[b - R.blo].m[1], pf, pl);
		period_bucket_label(R.by, b, s[b - R.blo].label);
		memset(&p, 0, sizeof(p));
		p.kind = PER_MONTH;
		p.first = f;
		p.last = l;
		memcpy(p.label, s[b - R.blo].label, PERIOD_LABEL);
		what(s[b - R.blo].what[0], R.by == BY_MONTH ? "month" :
		    R.by == BY_QUARTER ? "quarter" : "year", &p);
	}
	return s;
}

/* A population, or -1 when none is wanted or, allowed, none is known;
 * a missing one is said once per area and makes *bad. */
static int64_t
popfor(uint32_t v, long year, int *bad)
{
	int64_t p;

	if (!R.popfile)
		return -1;
	if ((p = population(v, year)) >= 0 || R.allowmiss)
		return p;
	if (!R.nd[v].missed)
		warnx("%s: no population for area '%s' in %ld", R.popfile,
		    R.nd[v].name, year);
	R.nd[v].missed = 1;
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

static void
row(FILE *fp, const struct grp *pr, const struct slot *s,
    const struct cov *cv, int *bad)
{
	int64_t c = g_count(&R.out, pr->a, pr->c, s->b), p = 0, pop, ppop = -1;
	/* a series compares only with a whole bucket; a period shows what
	 * its comparison has, beside its coverage */
	int prev = cv->pc > 0 && (!R.by || cv->pc == cv->pn);
	int whole = cv->c == cv->n && cv->pc == cv->pn;

	pop = popfor(pr->a, s->year, bad);
	if (prev) {
		p = g_count(&R.out, pr->a, pr->c, s->pb);
		ppop = popfor(pr->a, s->pyear, bad);
	}
	if (!fp)
		return;
	csvw_str(fp, R.nd[pr->a].name, 1);
	csvw_str(fp, R.inds.s[pr->c], 0);
	csvw_str(fp, s->label, 0);
	integer(fp, c, 0);
	if (pop >= 0)
		integer(fp, pop, 0);
	else
		csvw_str(fp, "", 0);
	if (pop > 0)
		fixed(fp, (i128)c * R.per, pop, 2);
	else
		csvw_str(fp, "", 0);
	if (prev) {
		integer(fp, p, 0);
		if (ppop > 0)
			fixed(fp, (i128)p * R.per, ppop, 2);
		else
			csvw_str(fp, "", 0);
	} else {
		fputs(",,", fp);
	}
	if (prev && whole) {
		integer(fp, c - p, 0);
		if (p > 0)
			fixed(fp, ((i128)c - p) * 100, p, 1);
		else
			csvw_str(fp, "", 0);
	} else {
		fputs(",,", fp);
	}
	share(fp, cv->c, cv->n);
	share(fp, cv->pc, cv->pn);
	csvw_end(fp);
}

/* The coverage of a row in each slot. */
static void
coverage(const struct grp *pr, const struct slot *s, size_t ns,
    struct cov *cv)
{
	size_t j;

	for (j = 0; j < ns; j++) {
		cv[j].n = s[j].m[0][1] - s[j].m[0][0] + 1;
		cv[j].c = covered(pr->a, pr->c, s[j].m[0][0], s[j].m[0][1]);
		cv[j].pn = s[j].m[1][1] - s[j].m[1][0] + 1;
		cv[j].pc = R.cmpnone ? -1 : covered(pr->a, pr->c,
		    s[j].m[1][0], s[j].m[1][1]);
	}
}

/* Is the row of slot j written (1), left out as outside the data (0),
 * or left out as a gap in it (-1)? Slots lo..hi-1 are those from the
 * first with data to the last. A gap fails the run unless
 * --allow-partial; it is remembered for the message. */
static int
judge(const struct grp *pr, const struct slot *s, const struct cov *cv,
    size_t lo, size_t hi, size_t j, int *fail)
{
	int partial;

	if (!R.by)
		partial = cv[j].c < cv[j].n || (!R.cmpnone &&
		    cv[j].pc < cv[j].pn);
	else
		partial = cv[j].c < cv[j].n && (cv[j].c > 0 ||
		    (j > lo && j < hi));
	if (partial && !R.allowpart) {
		*fail = 1;
		if (cv[j].c < cv[j].n)
			gap(pr->a, pr->c, s[j].m[0][0], s[j].m[0][1],
			    2 * (long)j, s[j].what[0]);
		if (!R.by && !R.cmpnone && cv[j].pc < cv[j].pn)
			gap(pr->a, pr->c, s[j].m[1][0], s[j].m[1][1],
			    2 * (long)j + 1, s[j].what[1]);
	}
	return cv[j].c > 0 ? 1 : partial ? -1 : 0;
}

/* One pass over the rows: without fp, to find missing populations and
 * gaps; with it, to write. The rows left out for no data at all in
 * their period, under --allow-partial, are counted in *out. */
static void
pass(FILE *fp, const struct grp *pr, const struct slot *s, size_t ns,
    int *bad, int *fail, long *out)
{
	struct cov *cv = xcalloc(ns + 1, sizeof(*cv));
	size_t i, j, lo, hi;
	int w;

	for (i = 0; i < R.pairs.n; i++) {
		coverage(&pr[i], s, ns, cv);
		for (lo = 0; lo < ns && cv[lo].c == 0; lo++)
			;
		for (hi = ns; hi > lo && cv[hi - 1].c == 0; hi--)
			;
		for (j = 0; j < ns; j++) {
			if ((w = judge(&pr[i], s, cv, lo, hi, j, fail)) == 1)
				row(fp, &pr[i], &s[j], &cv[j], bad);
			else if (w < 0 && fp && (*out)++ < 10)
				warnx("'%s', %s, %s: no data in the %s, row "
				    "left out", R.nd[pr[i].a].name,
				    R.inds.s[pr[i].c], s[j].label, R.by ?
				    "bucket" : "period");
		}
	}
	free(cv);
}

/* Pass once without output to find missing populations and gaps, then
 * write. */
int
indicators(const char *opt_o)
{
	struct grp *pr = sorted(&R.pairs, paircmp);
	struct slot *s;
	size_t ns;
	FILE *fp;
	int bad = 0, fail = 0, ret;
	long out = 0;

	s = slots(&ns);
	pass(NULL, pr, s, ns, &bad, &fail, &out);
	if (fail)
		gaps();
	if (bad || fail) {
		free(pr);
		free(s);
		return 1;
	}
	fp = out_open(opt_o);
	fputs("area,category,period,count,population,rate,prev_count,"
	    "prev_rate,change,change_pct,coverage,prev_coverage\n", fp);
	pass(fp, pr, s, ns, &bad, &fail, &out);
	if (out > 10)
		warnx("and %ld more rows left out: no data in their period",
		    out - 10);
	ret = out_close(fp, 1);
	free(pr);
	free(s);
	return ret;
}

static int
partcmp(const void *x, const void *y)
{
	const struct grp *a = x, *b = y;
	int c = strcmp(R.areas.s[a->a], R.areas.s[b->a]);

	if (!c)
		c = strcmp(R.cats.s[a->c], R.cats.s[b->c]);
	if (!c)
		c = strcmp(R.dates.s[(uint64_t)a->b >> 32],
		    R.dates.s[(uint64_t)b->b >> 32]);
	return c ? c : strcmp(R.units.s[a->b & 0xffffffff],
	    R.units.s[b->b & 0xffffffff]);
}

/* Partial counts are records: date,area,category,count,source, the
 * source the label of the record's source unit, so that a merge finds
 * the same sources. */
int
partial(const char *opt_o)
{
	struct grp *v = sorted(&R.g, partcmp);
	FILE *fp = out_open(opt_o);
	size_t i;
	uint32_t d, u;

	fputs("date,area,category,count,source\n", fp);
	for (i = 0; i < R.g.n; i++) {
		d = (uint32_t)((uint64_t)v[i].b >> 32);
		u = (uint32_t)(v[i].b & 0xffffffff);
		csvw_str(fp, R.dates.s[d], 1);
		csvw_field(fp, R.areas.s[v[i].a], R.areas.len[v[i].a], 0);
		csvw_field(fp, R.cats.s[v[i].c], R.cats.len[v[i].c], 0);
		integer(fp, v[i].n, 0);
		csvw_field(fp, R.units.s[u], R.units.len[u], 0);
		csvw_end(fp);
	}
	free(v);
	return out_close(fp, 1);
}
