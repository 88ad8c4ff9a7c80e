/* satrend: the series: checked, charted (XmR, NHSRplotthedots' rules)
 * and given Fingertips' trend marker. */
#include <err.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "period.h"
#include "util.h"

#include "satrend.h"

static int
cmprow(const void *a, const void *b)
{
	const struct row *x = *(struct row *const *)a,
	    *y = *(struct row *const *)b;
	int c;

	if ((c = strcmp(x->akey, y->akey)) != 0 ||
	    (c = strcmp(x->ckey, y->ckey)) != 0)
		return c;
	if (x->t != y->t)
		return x->t < y->t ? -1 : 1;
	return x < y ? -1 : x > y;
}

static const char *
label(const struct run *R, long t)
{
	static char buf[4][PERIOD_LABEL]; /* four in one message */
	static int i;

	i = (i + 1) % 4;
	period_bucket_label(R->kind, t, buf[i]);
	return buf[i];
}

/* One period once, and every period between the first and the last:
 * a missing month is never joined over. */
static void
check_series(const struct run *R, struct row **s, size_t n)
{
	const struct row *a, *b;
	size_t i;

	for (i = 1; i < n; i++) {
		a = s[i - 1];
		b = s[i];
		if (b->t == a->t)
			errx(1, "%s:%ld: '%s', '%s', %s again (first at "
			    "%s:%ld)", b->file, b->line, FIELD(R, b, C_AREA),
			    FIELD(R, b, C_CATEGORY), label(R, b->t), a->file,
			    a->line);
		if (b->t != a->t + 1)
			errx(1, "%s:%ld: '%s', '%s': no row for %s%s%s, "
			    "between %s (%s:%ld) and %s: a series needs every "
			    "period (a period with no crime has a count of 0)",
			    b->file, b->line, FIELD(R, b, C_AREA),
			    FIELD(R, b, C_CATEGORY), label(R, a->t + 1),
			    b->t - a->t > 2 ? ".." : "",
			    b->t - a->t > 2 ? label(R, b->t - 1) : "",
			    label(R, a->t), a->file, a->line,
			    label(R, b->t));
	}
}

/* The baseline: the points [*from, *to) of the series; -1 when the
 * series is too short for the default, exit when it does not cover
 * --baseline FROM..TO. */
static int
baseline(const struct run *R, struct row **s, size_t n, size_t *from,
    size_t *to)
{
	long f, l;

	if (!R->hasbrange) {
		*from = 0;
		*to = (size_t)R->basen;
		return n >= (size_t)R->basen ? 0 : -1;
	}
	f = bucket(&R->bfrom);
	l = bucket(&R->bto);
	if (R->kind != bykind(&R->bfrom))
		errx(1, "--baseline %s..%s: the data's periods are of "
		    "another kind (%s:%ld: '%s')", R->bfrom.label,
		    R->bto.label, R->kindrow->file, R->kindrow->line,
		    FIELD(R, R->kindrow, C_PERIOD));
	if (s[0]->t > f || s[n - 1]->t < l)
		errx(1, "%s:%ld: '%s', '%s' runs %s..%s, which does not "
		    "cover the baseline %s..%s", s[0]->file, s[0]->line,
		    FIELD(R, s[0], C_AREA), FIELD(R, s[0], C_CATEGORY),
		    label(R, s[0]->t), label(R, s[n - 1]->t), R->bfrom.label,
		    R->bto.label);
	*from = (size_t)(f - s[0]->t);
	*to = (size_t)(l - s[0]->t) + 1;
	return 0;
}

/* Mean and limits from the baseline points, as ptd_spc_standard():
 * moving ranges |x_i - x_(i-1)| within the baseline, those of 3.267
 * times their mean or more screened out, limits at 2.66 times the mean
 * of the rest. 0 ok, 1 when the baseline does not vary. */
static int
limits(struct row **s, size_t from, size_t to, double *mean, double *amr)
{
	double sum = 0, mr = 0, kept = 0, d;
	size_t i, nk = 0;

	for (i = from; i < to; i++)
		sum += s[i]->v;
	*mean = sum / (double)(to - from);
	for (i = from + 1; i < to; i++)
		mr += fabs(s[i]->v - s[i - 1]->v);
	mr /= (double)(to - from - 1);
	if (mr == 0) {
		*amr = 0;
		return 1;
	}
	for (i = from + 1; i < to; i++)
		if ((d = fabs(s[i]->v - s[i - 1]->v)) < 3.267 * mr) {
			kept += d;
			nk++;
		}
	*amr = kept / (double)nk;
	return 0;
}

/* Mark bit on every point of a stretch of len or more points for which
 * same(s[i - 1], s[i]) holds between neighbours. */
static void
mark(struct row **s, size_t n, long len, unsigned bit,
    int (*same)(const struct row *, const struct row *))
{
	size_t i, j, start = 0;

	for (i = 1; i <= n; i++) {
		if (i < n && same(s[i - 1], s[i]))
			continue;
		if ((long)(i - start) >= len)
			for (j = start; j < i; j++)
				s[j]->sig |= bit;
		start = i;
	}
}

/* On one side of the mean: a point on the mean is on neither side and
 * ends a run (ptd_seven_point_one_side_mean). */
static int
side(const struct row *r)
{
	return (r->v > r->mean) - (r->v < r->mean);
}

static int
samehigh(const struct row *a, const struct row *b)
{
	return side(a) > 0 && side(b) > 0;
}

static int
samelow(const struct row *a, const struct row *b)
{
	return side(a) < 0 && side(b) < 0;
}

/* Each point strictly above (below) the one before: a tie ends a trend
 * (ptd_seven_point_trend). */
static int
rising(const struct row *a, const struct row *b)
{
	return b->v > a->v;
}

static int
falling(const struct row *a, const struct row *b)
{
	return b->v < a->v;
}

static void
spc(struct run *R, struct row **s, size_t n)
{
	size_t from, to, i;
	double mean, amr;

	if (baseline(R, s, n, &from, &to) != 0) {
		if (!R->nshort++) {
			R->firstshort = s[0];
			R->shortn = (long)n;
		}
		return;
	}
	if (limits(s, from, to, &mean, &amr) != 0 && !R->nflat++)
		R->firstflat = s[0];
	R->bases = xreallocarray(R->bases, R->nbases + 1, sizeof(*R->bases));
	snprintf(R->bases[R->nbases].label, sizeof(R->bases->label),
	    "%s..%s", label(R, s[from]->t), label(R, s[to - 1]->t));
	for (i = 0; i < n; i++) {
		s[i]->base = R->nbases;
		s[i]->spc = 1;
		s[i]->mean = mean;
		s[i]->lpl = mean - 2.66 * amr;
		s[i]->upl = mean + 2.66 * amr;
		if (s[i]->v > s[i]->upl)
			s[i]->sig |= S_OUT_HIGH;
		if (s[i]->v < s[i]->lpl)
			s[i]->sig |= S_OUT_LOW;
	}
	R->nbases++;
	mark(s, n, R->runlen, S_RUN_HIGH, samehigh);
	mark(s, n, R->runlen, S_RUN_LOW, samelow);
	mark(s, n, R->trendlen, S_TREND_UP, rising);
	mark(s, n, R->trendlen, S_TREND_DOWN, falling);
}

/* The weighted least-squares slope of value on time 1..TPOINTS, weights
 * 1 / sigma^2 with sigma = (ucl - lcl) / 3.92, leaving out point skip
 * (1..TPOINTS; 0 none); *chi2 the square of slope over its standard
 * error. The sums are formed in TrendMarkerCalculator.cs's order, term by
 * term as written there (Val1..Val5), so that a slope that is zero in
 * exact arithmetic comes out as there: its sign decides a tie. */
static double
wslope(struct row **p, int skip, double *chi2)
{
	double s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, lim, div, den, slope;
	int t;

	for (t = 1; t <= TPOINTS; t++) {
		if (t == skip)
			continue;
		lim = (p[t - 1]->hi - p[t - 1]->lo) / 3.92;
		div = lim * lim;
		s1 += 1 / div;
		s2 += (p[t - 1]->v * t) / div;
		s3 += t / div;
		s4 += p[t - 1]->v / div;
		s5 += (double)(t * t) / div;
	}
	den = s1 * s5 - s3 * s3;
	slope = (s1 * s2 - s3 * s4) / den;
	if (chi2) {
		*chi2 = slope / sqrt(s1 / den);
		*chi2 *= *chi2;
	}
	return slope;
}

/* Fingertips' recent trend over the TPOINTS points ending at p[TPOINTS -
 * 1]: significant when chi-square exceeds TCHI2 and the slope keeps its
 * sign with each point left out in turn (a zero slope counts as
 * rising, as there). A slope zero in exact arithmetic (7, 5, 5, 7 with
 * one point left out) comes out of floating point as a few units in the
 * last place either side, so what is within 1e-9 of the values' size is
 * taken for the zero it is. */
static int
trend(struct row **p)
{
	double chi2, slope, s, big = 0;
	int i, agree = 0;

	for (i = 0; i < TPOINTS; i++)
		if (!p[i]->hasci)
			return T_NONE;
	for (i = 0; i < TPOINTS; i++)
		if (fabs(p[i]->v) > big)
			big = fabs(p[i]->v);
	slope = wslope(p, 0, &chi2);
	for (i = 0; i <= TPOINTS; i++) {
		s = i ? wslope(p, i, NULL) : slope;
		agree += s < 0 && s < -1e-9 * big ? -1 : 1;
	}
	if (abs(agree) != TPOINTS + 1 || !(chi2 > TCHI2))
		return T_NOCHANGE;
	return slope > 0 ? T_UP : T_DOWN;
}

static void
chart(struct run *R, struct row **s, size_t n)
{
	size_t i;

	check_series(R, s, n);
	for (i = 0; i < n; i++)
		if (!s[i]->hasv) {
			if (!R->nmissing++)
				R->firstmissing = s[i];
			return;
		}
	spc(R, s, n);
	for (i = TPOINTS - 1; i < n; i++)
		s[i]->trend = trend(s + i - (TPOINTS - 1));
}

void
chart_all(struct run *R)
{
	struct row **ix = xcalloc(R->nrows ? R->nrows : 1, sizeof(*ix));
	size_t i, j;

	R->bases = xcalloc(1, sizeof(*R->bases)); /* 0: no baseline */
	R->nbases = 1;
	for (i = 0; i < R->nrows; i++)
		ix[i] = &R->rows[i];
	qsort(ix, R->nrows, sizeof(*ix), cmprow);
	for (i = 0; i < R->nrows; i = j) {
		for (j = i + 1; j < R->nrows; j++)
			if (strcmp(ix[i]->akey, ix[j]->akey) != 0 ||
			    strcmp(ix[i]->ckey, ix[j]->ckey) != 0)
				break;
		chart(R, ix + i, j - i);
	}
	free(ix);
}

/* Say which series have no chart or a degenerate one, and why, in one
 * line each. */
void
report(const struct run *R)
{
	const struct row *r;

	if ((r = R->firstshort))
		warnx("%ld series with fewer than the %ld points a baseline "
		    "needs (the first: '%s', '%s', %ld): no limits or "
		    "signals", R->nshort, R->basen, FIELD(R, r, C_AREA),
		    FIELD(R, r, C_CATEGORY), R->shortn);
	if ((r = R->firstflat))
		warnx("%ld series whose baseline does not vary, its mean "
		    "moving range 0 (the first: '%s', '%s'): the limits are "
		    "the mean", R->nflat, FIELD(R, r, C_AREA),
		    FIELD(R, r, C_CATEGORY));
	if ((r = R->firstmissing))
		warnx("%ld series with a period of no %s, or of coverage "
		    "below 1 (the first: %s:%ld, "
		    "'%s', '%s', %s): not charted", R->nmissing,
		    colsearch(R, R->byrate ? C_RATE : C_COUNT), r->file,
		    r->line, FIELD(R, r, C_AREA), FIELD(R, r, C_CATEGORY),
		    FIELD(R, r, C_PERIOD));
}

