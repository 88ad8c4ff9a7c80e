/* msgrank: the values to rank, their intervals, and the ranking of the
 * entries per cell. */
#include <err.h>
#include <stdlib.h>
#include <string.h>

#include "stats.h"
#include "util.h"

#include "msgrank.h"

struct ent *ents;
size_t nents;
static int sortby;           /* the value cmpcell() orders by */

static void
values(struct row *r)
{
	const struct acc *a;

	if (HAS(r, C_RATE))
		r->val[BY_RATE] = r->num[C_RATE];
	if (HAS(r, C_RATE) && opt_accuracy &&
	    (a = findacc(FIELD(r, C_AREA)))) {
		r->frac = a->pct / 100.0;
		r->val[BY_ADJ] = r->num[C_RATE] / r->frac;
		r->hasval |= 1u << BY_ADJ;
	}
	if (HAS(r, C_CHANGE_PCT))
		r->val[BY_CHANGE] = r->num[C_CHANGE_PCT];
	if (HAS(r, C_COUNT))
		r->val[BY_COUNT] = r->num[C_COUNT];
	r->hasval |= (r->has >> C_RATE & 1u) << BY_RATE |
	    (r->has >> C_CHANGE_PCT & 1u) << BY_CHANGE |
	    (r->has >> C_COUNT & 1u) << BY_COUNT;
}

/* The interval of the ranked value, from the count's Poisson limits:
 * a rate scales by rate / count (by per / population when the count is
 * 0), an adjusted rate by that over the accuracy, a change_pct takes the
 * previous count as its fixed base. */
static void
interval(struct row *r)
{
	double lo, hi, s, prev;

	if (!HAS(r, C_COUNT) || !HASVAL(r, opt_by))
		return;
	stats_pois_ci((long long)r->num[C_COUNT], opt_conf, &lo, &hi);
	switch (opt_by) {
	case BY_RATE:
	case BY_ADJ:
		if (r->num[C_COUNT] > 0)
			s = r->val[opt_by] / r->num[C_COUNT];
		else if (HAS(r, C_POPULATION) && r->num[C_POPULATION] > 0)
			s = opt_per / r->num[C_POPULATION] /
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
			groupsof(FIELD(&rows[i], C_AREA), &n);
		cap += n;
	}
	ents = xcalloc(cap + 1, sizeof(*ents));
	for (i = 0; i < nrows; i++) {
		if (!opt_group) {
			ents[nents].row = i;
			ents[nents++].g = 0;
			continue;
		}
		m = groupsof(FIELD(&rows[i], C_AREA), &n);
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
	if ((c = strcmp(FIELD(rx, C_CATEGORY), FIELD(ry, C_CATEGORY))))
		return c;
	if ((c = strcmp(FIELD(rx, C_PERIOD), FIELD(ry, C_PERIOD))))
		return c;
	if (HASVAL(rx, sortby) != HASVAL(ry, sortby))
		return HASVAL(rx, sortby) ? -1 : 1;
	if (HASVAL(rx, sortby) && rx->val[sortby] != ry->val[sortby])
		return rx->val[sortby] < ry->val[sortby] ? -1 : 1;
	return (x->row > y->row) - (x->row < y->row);
}

static int
samecell(const struct ent *x, const struct ent *y)
{
	const struct row *rx = &rows[x->row], *ry = &rows[y->row];

	return x->g == y->g &&
	    strcmp(FIELD(rx, C_CATEGORY), FIELD(ry, C_CATEGORY)) == 0 &&
	    strcmp(FIELD(rx, C_PERIOD), FIELD(ry, C_PERIOD)) == 0;
}

/* The group's figures for one cell of m valued entries out of n. */
static void
summarise(struct ent **e, size_t n, size_t m, double *v)
{
	double sum = 0.0;
	size_t i;

	for (i = 0; i < m; i++)
		sum += v[i] = rows[e[i]->row].val[sortby];
	for (i = 0; i < n; i++) {
		e[i]->of = (long)m;
		if (m == 0)
			continue;
		e[i]->mean = sum / (double)m;
		e[i]->min = v[0];
		e[i]->q1 = stats_quantile(v, m, 0.25);
		e[i]->q3 = stats_quantile(v, m, 0.75);
		e[i]->max = v[m - 1];
	}
}

/* Competition ranking ("1224") of what by, per cell; adj says which
 * rank it fills, and the main ranking also summarises each cell. */
static void
rank_cells(struct ent **e, double *v, int by, int adj)
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
			if (k == i || rows[e[k]->row].val[by] !=
			    rows[e[k - 1]->row].val[by])
				rk = (long)(k - i + 1);
			if (adj)
				e[k]->adjrank = rk;
			else
				e[k]->rank = rk;
		}
		if (!adj)
			summarise(e + i, j - i, m, v);
	}
}

/* Rows in a group without the ranked value: one summary, not silence. */
void
report_unranked(void)
{
	const struct row *first = NULL, *r;
	size_t i, n = 0;

	for (i = 0; i < nrows; i++) {
		r = &rows[i];
		if (HASVAL(r, opt_by) || !ingroup(FIELD(r, C_AREA)))
			continue;
		if (n++ == 0)
			first = r;
	}
	if (n)
		warnx("%zu row%s without %s, not ranked; the first "
		    "%s:%ld (area '%s')", n, n == 1 ? "" : "s", byname[opt_by],
		    first->file, first->line, FIELD(first, C_AREA));
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
	free(e);
	free(v);
}
