/* msgrank: the values to rank, their intervals, and the ranking of the
 * entries per cell. */
#include <err.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "meta.h"
#include "stats.h"
#include "util.h"

#include "msgrank.h"

struct ent *ents;
size_t nents;
static int sortby;           /* the value cmpcell() orders by */

/* A figure msgrank would print that is not a finite number: refuse the
 * row rather than write inf or nan. */
static void
infinite(const struct row *r, const char *what, double v)
{
	if (!isfinite(v))
		errx(1, "%s:%ld: area '%s': its %s is out of range", r->file,
		    r->line, FIELD(r, C_AREA), what);
}

/* The decimals of a number as written ("3.00": 2). */
static int
decimals(const char *s)
{
	const char *dot = strchr(s, '.');

	return dot ? (int)strspn(dot + 1, "0123456789") : 0;
}

/* The rate: count x per / population where the row has both (one
 * division, so that equal fractions give equal doubles), else the rate
 * as written. A written rate that is not the computed one to its own
 * decimals means a different per or an edited file: an error. */
static void
rate(struct row *r)
{
	double v, tol;

	r->per = HAS(r, C_PER) ? r->num[C_PER] : opt_per;
	if (opt_perset && HAS(r, C_PER) && r->num[C_PER] != opt_per)
		errx(1, "%s:%ld: column '%s': '%s', but --per %g", r->file,
		    r->line, hdr->name[col[C_PER]], FIELD(r, C_PER), opt_per);
	if (!HAS(r, C_COUNT) || !HAS(r, C_POPULATION)) {
		if (HAS(r, C_RATE))
			r->val[BY_RATE] = r->num[C_RATE];
		r->hasval |= (r->has >> C_RATE & 1u) << BY_RATE;
		return;
	}
	if (r->num[C_POPULATION] <= 0)
		return;
	v = r->num[C_COUNT] * r->per / r->num[C_POPULATION];
	infinite(r, "rate", v);
	tol = HAS(r, C_RATE) ? 0.5 * pow(10, -decimals(FIELD(r, C_RATE))) *
	    (1 + 1e-9) + 1e-9 * v : 0;
	if (HAS(r, C_RATE) && fabs(v - r->num[C_RATE]) > tol)
		errx(1, "%s:%ld: column '%s': '%s' is not count / population "
		    "x %g (%s): %s", r->file, r->line, hdr->name[col[C_RATE]],
		    FIELD(r, C_RATE), r->per, HAS(r, C_PER) ? "the per column" :
		    opt_perset ? "--per" : "the default per",
		    HAS(r, C_PER) || opt_perset ? "an edited file?" :
		    "give --per as crimerate had it");
	r->val[BY_RATE] = v;
	r->hasval |= 1u << BY_RATE;
}

/* Coverage below 1 (prev_coverage too when ranking a change): the row is
 * partial and is not ranked. */
static void
coverage(struct row *r)
{
	r->partial = (HAS(r, C_COVERAGE) && r->num[C_COVERAGE] < 1) ||
	    (opt_by == BY_CHANGE && HAS(r, C_PREV_COVERAGE) &&
	    r->num[C_PREV_COVERAGE] < 1);
	if (r->partial)
		r->hasval = 0;
}

/* v at 12 significant digits: values that agree that far are ties, so
 * that 2.16 / 0.96 and 2.25 / 1.00 rank equal whatever the binary noise
 * of the division. */
static double
tiekey(double v)
{
	char buf[64];

	snprintf(buf, sizeof(buf), "%.11e", v);
	return strtod(buf, NULL);
}

/* The comparison period's value, ranked the same way for prev_rank: a
 * rate from prev_count x per / prev_population where the row has both,
 * else prev_rate as written (crimerate writes no prev_population yet, so
 * its 2 decimals decide the ties); an adjusted rate over the same
 * accuracy; a count, prev_count. A change has no previous change. A
 * prev_coverage below 1 gives no value. */
static void
prevvalue(struct row *r)
{
	double v;

	if (HAS(r, C_PREV_COVERAGE) && r->num[C_PREV_COVERAGE] < 1)
		return;
	if (opt_by == BY_COUNT && HAS(r, C_PREV_COUNT)) {
		v = r->num[C_PREV_COUNT];
	} else if (opt_by != BY_RATE && opt_by != BY_ADJ) {
		return;
	} else if (HAS(r, C_PREV_COUNT) && HAS(r, C_PREV_POPULATION) &&
	    r->num[C_PREV_POPULATION] > 0) {
		v = r->num[C_PREV_COUNT] * r->per / r->num[C_PREV_POPULATION];
	} else if (HAS(r, C_PREV_RATE)) {
		v = r->num[C_PREV_RATE];
	} else {
		return;
	}
	if (opt_by == BY_ADJ) {
		if (!HASVAL(r, BY_ADJ))
			return;
		v /= r->frac;
	}
	infinite(r, "previous value", v);
	r->val[BY_PREV] = v;
	r->key[BY_PREV] = tiekey(v);
	r->hasval |= 1u << BY_PREV;
}

static void
values(struct row *r)
{
	const struct acc *a;
	int b;

	if (opt_by == BY_RATE || opt_by == BY_ADJ || opt_accuracy)
		rate(r);
	if (HASVAL(r, BY_RATE) && opt_accuracy && (a = findacc(r->akey))) {
		r->frac = a->pct / 100.0;
		r->val[BY_ADJ] = r->val[BY_RATE] / r->frac;
		infinite(r, "adj_rate", r->val[BY_ADJ]);
		r->hasval |= 1u << BY_ADJ;
	}
	if (HAS(r, C_CHANGE_PCT))
		r->val[BY_CHANGE] = r->num[C_CHANGE_PCT];
	if (HAS(r, C_COUNT))
		r->val[BY_COUNT] = r->num[C_COUNT];
	r->hasval |= (r->has >> C_CHANGE_PCT & 1u) << BY_CHANGE |
	    (r->has >> C_COUNT & 1u) << BY_COUNT;
	coverage(r);
	for (b = 0; b < NBY; b++)
		if ((b == opt_by || b == BY_ADJ) && HASVAL(r, b))
			r->key[b] = tiekey(r->val[b]);
	prevvalue(r);
}

/* A percentage's interval: Wilson's for count / population (its
 * denominator's count), x per, over the accuracy for an adjusted one;
 * none for its change_pct. */
static void
wilson(struct row *r)
{
	double lo, hi, k = r->num[C_COUNT], n;

	if (!HAS(r, C_POPULATION) || (n = r->num[C_POPULATION]) <= 0 ||
	    opt_by == BY_CHANGE || opt_by == BY_COUNT)
		return;
	if (k > n)
		errx(1, "%s:%ld: area '%s': a percentage's count %s is above its "
		    "denominator's %s", r->file, r->line, FIELD(r, C_AREA),
		    FIELD(r, C_COUNT), FIELD(r, C_POPULATION));
	stats_wilson((long long)k, (long long)n, opt_conf, &lo, &hi);
	r->lcl = lo * r->per / (opt_by == BY_ADJ ? r->frac : 1.0);
	r->ucl = hi * r->per / (opt_by == BY_ADJ ? r->frac : 1.0);
	r->hasci = 1;
}

/* The interval of the ranked value, from the count's Poisson limits:
 * a rate scales by rate / count (by per / population when the count is
 * 0), an adjusted rate by that over the accuracy, a change_pct takes the
 * previous count as its fixed base. A percentage's is Wilson's; a harm
 * total, a weighted sum, has none. */
static void
interval(struct row *r)
{
	double lo, hi, s, prev;

	if (!HAS(r, C_COUNT) || !HASVAL(r, opt_by) || r->kind == META_HARM)
		return;
	if (r->kind == META_PERCENTAGE) {
		wilson(r);
		return;
	}
	stats_pois_ci((long long)r->num[C_COUNT], opt_conf, &lo, &hi);
	switch (opt_by) {
	case BY_RATE:
	case BY_ADJ:
		if (r->num[C_COUNT] > 0)
			s = r->val[opt_by] / r->num[C_COUNT];
		else if (HAS(r, C_POPULATION) && r->num[C_POPULATION] > 0)
			s = r->per / r->num[C_POPULATION] /
			    (opt_by == BY_ADJ ? r->frac : 1.0);
		else
			return;
		lo *= s;
		hi *= s;
		break;
	case BY_CHANGE:
		if (!HAS(r, C_PREV_COUNT) || r->num[C_PREV_COUNT] <= 0)
			return;
		prev = r->num[C_PREV_COUNT];
		lo = (lo / prev - 1.0) * 100.0;
		hi = (hi / prev - 1.0) * 100.0;
		break;
	}
	infinite(r, "lower limit", lo);
	infinite(r, "upper limit", hi);
	r->lcl = lo;
	r->ucl = hi;
	r->hasci = 1;
}

/* ---- entries and ranking ---- */

static int
cmpent(const void *a, const void *b)
{
	const struct ent *x = a, *y = b;

	if (x->g != y->g)
		return x->g < y->g ? -1 : 1;
	return (x->row > y->row) - (x->row < y->row);
}

void
make_entries(void)
{
	const struct memb *m;
	size_t i, j, n, cap = 0;

	for (i = 0; i < nrows; i++) {
		if (!opt_group)
			n = 1;
		else
			groupsof(rows[i].akey, &n);
		cap += n;
	}
	ents = xcalloc(cap + 1, sizeof(*ents));
	for (i = 0; i < nrows; i++) {
		if (!opt_group) {
			ents[nents].row = i;
			ents[nents++].g = 0;
			continue;
		}
		m = groupsof(rows[i].akey, &n);
		for (j = 0; j < n; j++) {
			ents[nents].row = i;
			ents[nents++].g = m[j].g;
		}
	}
	qsort(ents, nents, sizeof(*ents), cmpent);
}

/* Group, category, period; then valued before not, by value, by row. */
static int
cmpcell(const void *a, const void *b)
{
	const struct ent *x = *(struct ent *const *)a;
	const struct ent *y = *(struct ent *const *)b;
	const struct row *rx = &rows[x->row], *ry = &rows[y->row];
	int c;

	if (x->g != y->g)
		return x->g < y->g ? -1 : 1;
	if ((c = strcmp(rx->ckey, ry->ckey)))
		return c;
	if ((c = strcmp(FIELD(rx, C_PERIOD), FIELD(ry, C_PERIOD))))
		return c;
	if (HASVAL(rx, sortby) != HASVAL(ry, sortby))
		return HASVAL(rx, sortby) ? -1 : 1;
	if (HASVAL(rx, sortby) && rx->key[sortby] != ry->key[sortby])
		return rx->key[sortby] < ry->key[sortby] ? -1 : 1;
	return (x->row > y->row) - (x->row < y->row);
}

static int
samecell(const struct ent *x, const struct ent *y)
{
	const struct row *rx = &rows[x->row], *ry = &rows[y->row];

	return x->g == y->g && strcmp(rx->ckey, ry->ckey) == 0 &&
	    strcmp(FIELD(rx, C_PERIOD), FIELD(ry, C_PERIOD)) == 0;
}

/* An entry's figures that depend on the group: all finite, or refused. */
static void
figures(struct ent *e, const struct row *r)
{
	double x = r->val[opt_by], vs;

	infinite(r, "group mean", e->mean);
	infinite(r, "group lower quartile", e->q1);
	infinite(r, "group upper quartile", e->q3);
	if (!HASVAL(r, opt_by))
		return;
	if (opt_by == BY_CHANGE)
		vs = x - e->mean;
	else if (e->mean != 0)
		vs = (x - e->mean) / e->mean * 100;
	else
		return;
	infinite(r, "vs_mean_pct", vs);
	e->vs = vs;
	e->hasvs = 1;
}

/* One comparison must have one per: rates per 1,000 and per 100,000
 * side by side would rank nonsense. */
static void
oneper(struct ent **e, size_t n)
{
	const struct row *a = &rows[e[0]->row], *b;
	size_t i;

	for (i = 1; i < n; i++) {
		b = &rows[e[i]->row];
		if (b->per != a->per)
			errx(1, "%s:%ld: area '%s': per %g, but area '%s' "
			    "(%s:%ld) of the same group, category and period "
			    "has per %g", b->file, b->line, FIELD(b, C_AREA),
			    b->per, FIELD(a, C_AREA), a->file, a->line, a->per);
	}
}

/* The pooled rate of the cell's m valued entries: the sum of their
 * counts (over the accuracy, for an adjusted rate) over the sum of their
 * populations, x per. 0 when a rate came without count and population. */
static int
pooled(struct ent **e, size_t m, double *out)
{
	const struct row *r;
	double c = 0.0, p = 0.0;
	size_t i;

	if (m == 0 || (sortby != BY_RATE && sortby != BY_ADJ))
		return 0;
	for (i = 0; i < m; i++) {
		r = &rows[e[i]->row];
		if (!HAS(r, C_COUNT) || !HAS(r, C_POPULATION))
			return 0;
		c += sortby == BY_ADJ ? r->num[C_COUNT] / r->frac :
		    r->num[C_COUNT];
		p += r->num[C_POPULATION];
	}
	*out = c * rows[e[0]->row].per / p;
	return isfinite(*out);
}

/* The group's figures for one cell of m valued entries out of n. */
static void
summarise(struct ent **e, size_t n, size_t m, double *v)
{
	double sum = 0.0, mean, pool = 0.0;
	size_t i;
	int haspool = pooled(e, m, &pool);

	for (i = 0; i < m; i++)
		sum += v[i] = rows[e[i]->row].val[sortby];
	mean = m ? sum / (double)m : 0.0;
	if (!isfinite(sum)) /* values near DBL_MAX: the sum of the parts */
		for (mean = 0.0, i = 0; i < m; i++)
			mean += v[i] / (double)m;
	for (i = 0; i < n; i++) {
		e[i]->of = (long)m;
		if (m == 0)
			continue;
		e[i]->mean = mean;
		e[i]->pooled = pool;
		e[i]->haspooled = haspool;
		e[i]->min = v[0];
		e[i]->q1 = stats_quantile(v, m, 0.25);
		e[i]->q3 = stats_quantile(v, m, 0.75);
		e[i]->max = v[m - 1];
		figures(e[i], &rows[e[i]->row]);
	}
}

/* Competition ranking ("1224") of what by, per cell; which says which
 * rank it fills (0 rank, 1 adj_rank, 2 prev_rank), and the main ranking
 * also summarises each cell. */
static void
rank_cells(struct ent **e, double *v, int by, int which)
{
	size_t i, j, k, m;
	long rk = 0;

	sortby = by;
	qsort(e, nents, sizeof(*e), cmpcell);
	for (i = 0; i < nents; i = j) {
		for (j = i + 1; j < nents && samecell(e[i], e[j]); j++)
			;
		for (m = 0; i + m < j && HASVAL(&rows[e[i + m]->row], by); m++)
			;
		for (k = i; k < i + m; k++) {
			if (k == i || rows[e[k]->row].key[by] !=
			    rows[e[k - 1]->row].key[by])
				rk = (long)(k - i + 1);
			if (which == 1)
				e[k]->adjrank = rk;
			else if (which == 2)
				e[k]->prank = rk;
			else
				e[k]->rank = rk;
		}
		for (k = i; which == 2 && k < j; k++)
			e[k]->pof = (long)m;
		if (!which && (by == BY_RATE || by == BY_ADJ))
			oneper(e + i, j - i);
		if (!which)
			summarise(e + i, j - i, m, v);
	}
}

/* Rows in a group without the ranked value: one summary, not silence. */
void
report_unranked(void)
{
	const struct row *first = NULL, *part = NULL, *r;
	size_t i, n = 0, np = 0;

	for (i = 0; i < nrows; i++) {
		r = &rows[i];
		if (HASVAL(r, opt_by) || !ingroup(r->akey))
			continue;
		if (r->partial && np++ == 0)
			part = r;
		if (!r->partial && n++ == 0)
			first = r;
	}
	if (n)
		warnx("%zu row%s without %s, not ranked; the first "
		    "%s:%ld (area '%s')", n, n == 1 ? "" : "s", byname[opt_by],
		    first->file, first->line, FIELD(first, C_AREA));
	if (np)
		warnx("%zu row%s with %s below 1, not ranked and left out of "
		    "the group figures; the first %s:%ld (area '%s', %s %s)",
		    np, np == 1 ? "" : "s", opt_by == BY_CHANGE ?
		    "coverage or prev_coverage" : "coverage", part->file,
		    part->line,
		    FIELD(part, C_AREA), HAS(part, C_COVERAGE) &&
		    part->num[C_COVERAGE] < 1 ? "coverage" : "prev_coverage",
		    HAS(part, C_COVERAGE) && part->num[C_COVERAGE] < 1 ?
		    FIELD(part, C_COVERAGE) : FIELD(part, C_PREV_COVERAGE));
}

void
rank_all(void)
{
	struct ent **e = xcalloc(nents + 1, sizeof(*e));
	double *v = xcalloc(nents + 1, sizeof(*v));
	size_t i;

	for (i = 0; i < nrows; i++) {
		values(&rows[i]);
		interval(&rows[i]);
	}
	for (i = 0; i < nents; i++)
		e[i] = &ents[i];
	rank_cells(e, v, opt_by, 0);
	if (opt_accuracy)
		rank_cells(e, v, BY_ADJ, 1);
	if (opt_by != BY_CHANGE)
		rank_cells(e, v, BY_PREV, 2);
	free(e);
	free(v);
}
