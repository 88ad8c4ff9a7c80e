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


/* A figure msgrank would print that is not a finite number: refuse the
 * row rather than write inf or nan. */
static void
infinite(struct run *R, const struct row *r, const char *what, double v)
{
	if (!isfinite(v))
		errx(1, "%s:%ld: area '%s': its %s is out of range", r->file,
		    r->line, FIELD(R, r, C_AREA), what);
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
rate(struct run *R, struct row *r)
{
	double v, tol;

	r->per = HAS(r, C_PER) ? r->num[C_PER] : R->opt_per;
	if (R->opt_perset && HAS(r, C_PER) && r->num[C_PER] != R->opt_per)
		errx(1, "%s:%ld: column '%s': '%s', but --per %g", r->file,
		    r->line, R->hdr->name[R->col[C_PER]], FIELD(R, r, C_PER),
		    R->opt_per);
	if (!HAS(r, C_COUNT) || !HAS(r, C_POPULATION)) {
		if (HAS(r, C_RATE))
			r->val[BY_RATE] = r->num[C_RATE];
		r->hasval |= (r->has >> C_RATE & 1u) << BY_RATE;
		return;
	}
	if (r->num[C_POPULATION] <= 0)
		return;
	v = r->num[C_COUNT] * r->per / r->num[C_POPULATION];
	infinite(R, r, "rate", v);
	tol = HAS(r, C_RATE) ? 0.5 * pow(10, -decimals(FIELD(R, r, C_RATE))) *
	    (1 + 1e-9) + 1e-9 * v : 0;
	if (HAS(r, C_RATE) && fabs(v - r->num[C_RATE]) > tol)
		errx(1, "%s:%ld: column '%s': '%s' is not count / population "
		    "x %g (%s): %s", r->file, r->line,
		    R->hdr->name[R->col[C_RATE]], FIELD(R, r, C_RATE), r->per,
		    HAS(r, C_PER) ? "the per column" :
		    R->opt_perset ? "--per" : "the default per",
		    HAS(r, C_PER) || R->opt_perset ? "an edited file?" :
		    "give --per as crimerate had it");
	r->val[BY_RATE] = v;
	r->hasval |= 1u << BY_RATE;
}

/* Coverage below 1 (prev_coverage too when ranking a change): the row is
 * partial and is not ranked. */
static void
coverage(struct run *R, struct row *r)
{
	r->partial = (HAS(r, C_COVERAGE) && r->num[C_COVERAGE] < 1) ||
	    (R->opt_by == BY_CHANGE && HAS(r, C_PREV_COVERAGE) &&
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
 * else prev_rate as written (input from elsewhere: crimerate writes
 * prev_population; without it the 2 decimals decide the ties); an
 * adjusted rate over the same accuracy; a count, prev_count. A change has no previous change. A
 * prev_coverage below 1 gives no value. */
static void
prevvalue(struct run *R, struct row *r)
{
	double v;

	if (HAS(r, C_PREV_COVERAGE) && r->num[C_PREV_COVERAGE] < 1)
		return;
	if (R->opt_by == BY_COUNT && HAS(r, C_PREV_COUNT)) {
		v = r->num[C_PREV_COUNT];
	} else if (R->opt_by != BY_RATE && R->opt_by != BY_ADJ) {
		return;
	} else if (HAS(r, C_PREV_COUNT) && HAS(r, C_PREV_POPULATION) &&
	    r->num[C_PREV_POPULATION] > 0) {
		v = r->num[C_PREV_COUNT] * r->per / r->num[C_PREV_POPULATION];
	} else if (HAS(r, C_PREV_RATE)) {
		v = r->num[C_PREV_RATE];
	} else {
		return;
	}
	if (R->opt_by == BY_ADJ) {
		if (!HASVAL(r, BY_ADJ))
			return;
		v /= r->frac;
	}
	infinite(R, r, "previous value", v);
	r->val[BY_PREV] = v;
	r->key[BY_PREV] = tiekey(v);
	r->hasval |= 1u << BY_PREV;
}

static void
values(struct run *R, struct row *r)
{
	const struct acc *a;
	int b;

	if (R->opt_by == BY_RATE || R->opt_by == BY_ADJ || R->opt_accuracy)
		rate(R, r);
	if (HASVAL(r, BY_RATE) && R->opt_accuracy &&
	    (a = findacc(R, r->akey))) {
		r->frac = a->pct / 100.0;
		r->val[BY_ADJ] = r->val[BY_RATE] / r->frac;
		infinite(R, r, "adj_rate", r->val[BY_ADJ]);
		r->hasval |= 1u << BY_ADJ;
	}
	if (HAS(r, C_CHANGE_PCT))
		r->val[BY_CHANGE] = r->num[C_CHANGE_PCT];
	if (HAS(r, C_COUNT))
		r->val[BY_COUNT] = r->num[C_COUNT];
	r->hasval |= (r->has >> C_CHANGE_PCT & 1u) << BY_CHANGE |
	    (r->has >> C_COUNT & 1u) << BY_COUNT;
	coverage(R, r);
	for (b = 0; b < NBY; b++)
		if ((b == R->opt_by || b == BY_ADJ) && HASVAL(r, b))
			r->key[b] = tiekey(r->val[b]);
	prevvalue(R, r);
}

/* A percentage's interval: Wilson's for count / population (its
 * denominator's count), x per, over the accuracy for an adjusted one;
 * none for its change_pct. */
static void
wilson(struct run *R, struct row *r)
{
	double lo, hi, k = r->num[C_COUNT], n;

	if (!HAS(r, C_POPULATION) || (n = r->num[C_POPULATION]) <= 0 ||
	    R->opt_by == BY_CHANGE || R->opt_by == BY_COUNT)
		return;
	if (k > n)
		errx(1, "%s:%ld: area '%s': a percentage's count %s is above its "
		    "denominator's %s", r->file, r->line, FIELD(R, r, C_AREA),
		    FIELD(R, r, C_COUNT), FIELD(R, r, C_POPULATION));
	stats_wilson((long long)k, (long long)n, R->opt_conf, &lo, &hi);
	r->lcl = lo * r->per / (R->opt_by == BY_ADJ ? r->frac : 1.0);
	r->ucl = hi * r->per / (R->opt_by == BY_ADJ ? r->frac : 1.0);
	r->hasci = 1;
}

/* The interval of the ranked value, from the count's Poisson limits:
 * a rate scales by rate / count (by per / population when the count is
 * 0), an adjusted rate by that over the accuracy, a change_pct takes the
 * previous count as its fixed base. A percentage's is Wilson's; a harm
 * total, a weighted sum, has none. */
static void
interval(struct run *R, struct row *r)
{
	double lo, hi, s, prev;

	if (!HAS(r, C_COUNT) || !HASVAL(r, R->opt_by) || r->kind == META_HARM)
		return;
	if (r->kind == META_PERCENTAGE) {
		wilson(R, r);
		return;
	}
	stats_pois_ci((long long)r->num[C_COUNT], R->opt_conf, &lo, &hi);
	switch (R->opt_by) {
	case BY_RATE:
	case BY_ADJ:
		if (r->num[C_COUNT] > 0)
			s = r->val[R->opt_by] / r->num[C_COUNT];
		else if (HAS(r, C_POPULATION) && r->num[C_POPULATION] > 0)
			s = r->per / r->num[C_POPULATION] /
			    (R->opt_by == BY_ADJ ? r->frac : 1.0);
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
	infinite(R, r, "lower limit", lo);
	infinite(R, r, "upper limit", hi);
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
make_entries(struct run *R)
{
	const struct memb *m;
	size_t i, j, n, cap = 0;

	for (i = 0; i < R->nrows; i++) {
		if (!R->opt_group)
			n = 1;
		else
			groupsof(R, R->rows[i].akey, &n);
		cap += n;
	}
	R->ents = xcalloc(cap + 1, sizeof(*R->ents));
	for (i = 0; i < R->nrows; i++) {
		if (!R->opt_group) {
			R->ents[R->nents].row = i;
			R->ents[R->nents++].g = 0;
			continue;
		}
		m = groupsof(R, R->rows[i].akey, &n);
		for (j = 0; j < n; j++) {
			R->ents[R->nents].row = i;
			R->ents[R->nents++].g = m[j].g;
		}
	}
	qsort(R->ents, R->nents, sizeof(*R->ents), cmpent);
}

/* An entry to sort into cells, with what the order needs of its row. */
struct cellkey {
	struct ent *e;
	const char *ckey, *period;
	int has;    /* the value sorted by */
	double key; /* its tiekey() */
};

/* Group, category, period; then valued before not, by value, by row. */
static int
cmpcell(const void *a, const void *b)
{
	const struct cellkey *x = a, *y = b;
	int c;

	if (x->e->g != y->e->g)
		return x->e->g < y->e->g ? -1 : 1;
	if ((c = strcmp(x->ckey, y->ckey)))
		return c;
	if ((c = strcmp(x->period, y->period)))
		return c;
	if (x->has != y->has)
		return x->has ? -1 : 1;
	if (x->has && x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return (x->e->row > y->e->row) - (x->e->row < y->e->row);
}

/* Sort e by cmpcell() for the value by. */
static void
sortcells(struct run *R, struct ent **e, int by)
{
	struct cellkey *k = xcalloc(R->nents + 1, sizeof(*k));
	const struct row *r;
	size_t i;

	for (i = 0; i < R->nents; i++) {
		r = &R->rows[e[i]->row];
		k[i].e = e[i];
		k[i].ckey = r->ckey;
		k[i].period = FIELD(R, r, C_PERIOD);
		k[i].has = (int)HASVAL(r, by);
		k[i].key = k[i].has ? r->key[by] : 0;
	}
	qsort(k, R->nents, sizeof(*k), cmpcell);
	for (i = 0; i < R->nents; i++)
		e[i] = k[i].e;
	free(k);
}

static int
samecell(struct run *R, const struct ent *x, const struct ent *y)
{
	const struct row *rx = &R->rows[x->row], *ry = &R->rows[y->row];

	return x->g == y->g && strcmp(rx->ckey, ry->ckey) == 0 &&
	    strcmp(FIELD(R, rx, C_PERIOD), FIELD(R, ry, C_PERIOD)) == 0;
}

/* An entry's figures that depend on the group: all finite, or refused. */
static void
figures(struct run *R, struct ent *e, const struct row *r)
{
	double x = r->val[R->opt_by], vs;

	infinite(R, r, "group mean", e->mean);
	infinite(R, r, "group lower quartile", e->q1);
	infinite(R, r, "group upper quartile", e->q3);
	if (!HASVAL(r, R->opt_by))
		return;
	if (R->opt_by == BY_CHANGE)
		vs = x - e->mean;
	else if (e->mean != 0)
		vs = (x - e->mean) / e->mean * 100;
	else
		return;
	infinite(R, r, "vs_mean_pct", vs);
	e->vs = vs;
	e->hasvs = 1;
}

/* One comparison must have one per: rates per 1,000 and per 100,000
 * side by side would rank nonsense. */
static void
oneper(struct run *R, struct ent **e, size_t n)
{
	const struct row *a = &R->rows[e[0]->row], *b;
	size_t i;

	for (i = 1; i < n; i++) {
		b = &R->rows[e[i]->row];
		if (b->per != a->per)
			errx(1, "%s:%ld: area '%s': per %g, but area '%s' "
			    "(%s:%ld) of the same group, category and period "
			    "has per %g", b->file, b->line, FIELD(R, b, C_AREA),
			    b->per, FIELD(R, a, C_AREA), a->file, a->line,
			    a->per);
	}
}

/* The pooled rate of the cell's m valued entries: the sum of their
 * counts (over the accuracy, for an adjusted rate) over the sum of their
 * populations, x per. 0 when a rate came without count and population. */
static int
pooled(struct run *R, struct ent **e, size_t m, int by, double *out)
{
	const struct row *r;
	double c = 0.0, p = 0.0;
	size_t i;

	if (m == 0 || (by != BY_RATE && by != BY_ADJ))
		return 0;
	for (i = 0; i < m; i++) {
		r = &R->rows[e[i]->row];
		if (!HAS(r, C_COUNT) || !HAS(r, C_POPULATION))
			return 0;
		c += by == BY_ADJ ? r->num[C_COUNT] / r->frac :
		    r->num[C_COUNT];
		p += r->num[C_POPULATION];
	}
	*out = c * R->rows[e[0]->row].per / p;
	return isfinite(*out);
}

/* The group's figures for one cell of m valued entries out of n. */
static void
summarise(struct run *R, struct ent **e, size_t n, size_t m, int by,
    double *v)
{
	double sum = 0.0, mean, pool = 0.0;
	size_t i;
	int haspool = pooled(R, e, m, by, &pool);

	for (i = 0; i < m; i++)
		sum += v[i] = R->rows[e[i]->row].val[by];
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
		figures(R, e[i], &R->rows[e[i]->row]);
	}
}

/* Competition ranking ("1224") of what by, per cell; which says which
 * rank it fills (0 rank, 1 adj_rank, 2 prev_rank), and the main ranking
 * also summarises each cell. */
static void
rank_cells(struct run *R, struct ent **e, double *v, int by, int which)
{
	size_t i, j, k, m;
	long rk = 0;

	sortcells(R, e, by);
	for (i = 0; i < R->nents; i = j) {
		for (j = i + 1; j < R->nents && samecell(R, e[i], e[j]); j++)
			;
		for (m = 0; i + m < j && HASVAL(&R->rows[e[i + m]->row], by);
		    m++)
			;
		for (k = i; k < i + m; k++) {
			if (k == i || R->rows[e[k]->row].key[by] !=
			    R->rows[e[k - 1]->row].key[by])
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
			oneper(R, e + i, j - i);
		if (!which)
			summarise(R, e + i, j - i, m, by, v);
	}
}

/* Rows in a group without the ranked value: one summary, not silence. */
void
report_unranked(struct run *R)
{
	const struct row *first = NULL, *part = NULL, *r;
	size_t i, n = 0, np = 0;

	for (i = 0; i < R->nrows; i++) {
		r = &R->rows[i];
		if (HASVAL(r, R->opt_by) || !ingroup(R, r->akey))
			continue;
		if (r->partial && np++ == 0)
			part = r;
		if (!r->partial && n++ == 0)
			first = r;
	}
	if (n)
		warnx("%zu row%s without %s, not ranked; the first "
		    "%s:%ld (area '%s')", n, n == 1 ? "" : "s",
		    byname[R->opt_by],
		    first->file, first->line, FIELD(R, first, C_AREA));
	if (np)
		warnx("%zu row%s with %s below 1, not ranked and left out of "
		    "the group figures; the first %s:%ld (area '%s', %s %s)",
		    np, np == 1 ? "" : "s", R->opt_by == BY_CHANGE ?
		    "coverage or prev_coverage" : "coverage", part->file,
		    part->line,
		    FIELD(R, part, C_AREA), HAS(part, C_COVERAGE) &&
		    part->num[C_COVERAGE] < 1 ? "coverage" : "prev_coverage",
		    HAS(part, C_COVERAGE) && part->num[C_COVERAGE] < 1 ?
		    FIELD(R, part, C_COVERAGE) :
		    FIELD(R, part, C_PREV_COVERAGE));
}

void
rank_all(struct run *R)
{
	struct ent **e = xcalloc(R->nents + 1, sizeof(*e));
	double *v = xcalloc(R->nents + 1, sizeof(*v));
	size_t i;

	for (i = 0; i < R->nrows; i++) {
		values(R, &R->rows[i]);
		interval(R, &R->rows[i]);
	}
	for (i = 0; i < R->nents; i++)
		e[i] = &R->ents[i];
	rank_cells(R, e, v, R->opt_by, 0);
	if (R->opt_accuracy)
		rank_cells(R, e, v, BY_ADJ, 1);
	if (R->opt_by != BY_CHANGE)
		rank_cells(R, e, v, BY_PREV, 2);
	free(e);
	free(v);
}
