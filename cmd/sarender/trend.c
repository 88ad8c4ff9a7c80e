/* sarender: series (satrend's output, or crimerate --by month's) as a
 * table's Trend column, a sparkline and the trend word per row, and as
 * the HTML page's trend charts: per series, the last 12 months (or 8
 * quarters, or 10 years) beside the same periods a year before, the
 * process limits shaded and the signals marked with shapes.
 *
 * A series is one area and category (matched by name keys), its points
 * ordered by period. Everything kept is copied out of the rows, so the
 * rows may be dropped after trend_new(). */
#include <err.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "header.h"
#include "name.h"
#include "period.h"
#include "util.h"
#include "sarender.h"

enum { TC_AREA, TC_CAT, TC_PERIOD, TC_COUNT, TC_RATE, TC_BASE, TC_MEAN,
	TC_LPL, TC_UPL, TC_SIG, TC_TREND, TC_YOY, NTC };
static const char *const tcname[NTC] = { "area", "category", "period",
	"count", "rate", "spc_baseline", "spc_mean", "spc_lpl", "spc_upl",
	"spc_signal", "trend", "yoy_count" };

struct tpoint {
	long t;      /* the period as a bucket */
	double v, c; /* the value charted, the count */
	int hasv, hasc;
	char *sig;   /* spc_signal, "" for none */
	char *trend; /* the trend word as it stood then */
	size_t row;  /* index of its row in the table read */
};

struct tseries {
	char *akey, *ckey, *area, *cat;
	struct tpoint *p;
	size_t n, cap;
	double mean, lpl, upl;
	int spc; /* mean and limits known */
	char *base;
};

struct trendset {
	int kind;   /* BY_MONTH, BY_QUARTER, BY_YEAR */
	int byrate; /* the limits are those of the rate */
	struct tseries *s;
	size_t n;
};

/* The bucket of a period label, *kind its BY_*; -1 when it is not a
 * month, quarter or year (or 12 months, placed at their last month). */
static int
tbucket(const char *s, long *b, int *kind)
{
	struct period p;

	if (period_parse(s, strlen(s), &p) != 0)
		return -1;
	switch (p.kind) {
	case PER_MONTH:
	case PER_12M:
		*kind = BY_MONTH;
		break;
	case PER_QUARTER:
		*kind = BY_QUARTER;
		break;
	case PER_YEAR:
		*kind = BY_YEAR;
		break;
	default:
		return -1;
	}
	*b = period_bucket(*kind, p.last);
	return 0;
}

static struct tseries *
tfind(struct trendset *ts, const char *akey, const char *ckey)
{
	size_t i;

	for (i = ts->n; i-- > 0;)
		if (strcmp(ts->s[i].akey, akey) == 0 &&
		    strcmp(ts->s[i].ckey, ckey) == 0)
			return &ts->s[i];
	return NULL;
}

static int
tpcmp(const void *x, const void *y)
{
	const struct tpoint *a = x, *b = y;

	return (a->t > b->t) - (a->t < b->t);
}

static char *
keyof(struct sbuf *b, const char *s)
{
	name_key(b, s, strlen(s));
	return xstrdup(sb_str(b));
}

/* A point of row r into its series. */
static void
addpoint(struct trendset *ts, const struct tab *t, const long *col,
    size_t r, long b, struct sbuf *k)
{
	char **f = t->row[r];
	char *ak = keyof(k, col[TC_AREA] >= 0 ? f[col[TC_AREA]] : "");
	char *ck = keyof(k, f[col[TC_CAT]]);
	struct tseries *s = tfind(ts, ak, ck);
	struct tpoint *p;

	if (!s) {
		ts->s = xreallocarray(ts->s, ts->n + 1, sizeof(*ts->s));
		s = &ts->s[ts->n++];
		memset(s, 0, sizeof(*s));
		s->akey = ak;
		s->ckey = ck;
		s->area = xstrdup(col[TC_AREA] >= 0 ? f[col[TC_AREA]] : "");
		s->cat = xstrdup(f[col[TC_CAT]]);
	} else {
		free(ak);
		free(ck);
	}
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 16;
		s->p = xreallocarray(s->p, s->cap, sizeof(*s->p));
	}
	p = &s->p[s->n++];
	memset(p, 0, sizeof(*p));
	p->t = b;
	p->row = r;
	p->hasc = col[TC_COUNT] >= 0 && getnum(f[col[TC_COUNT]], &p->c);
	p->sig = xstrdup(col[TC_SIG] >= 0 ? f[col[TC_SIG]] : "");
	p->trend = xstrdup(col[TC_TREND] >= 0 ? f[col[TC_TREND]] : "");
	if (col[TC_MEAN] >= 0 && col[TC_LPL] >= 0 && col[TC_UPL] >= 0 &&
	    getnum(f[col[TC_MEAN]], &s->mean) && getnum(f[col[TC_LPL]],
	    &s->lpl) && getnum(f[col[TC_UPL]], &s->upl)) {
		s->spc = 1;
		if (!s->base && col[TC_BASE] >= 0)
			s->base = xstrdup(f[col[TC_BASE]]);
	}
}

/* Did satrend chart the rate (--value rate)? Its mean is the mean of
 * the baseline's counts, to 2 decimals, when it charted counts. */
static int
chartsrate(const struct tseries *s, const struct tab *t, const long *col)
{
	const char *dots;
	long b0, b1;
	int k0, k1;
	double sum = 0, v;
	size_t i, n = 0;
	char *from;

	if (!s->spc || !s->base || col[TC_RATE] < 0 ||
	    !(dots = strstr(s->base, "..")))
		return 0;
	from = xstrndup(s->base, (size_t)(dots - s->base));
	k0 = tbucket(from, &b0, &k0) == 0 && tbucket(dots + 2, &b1, &k1) == 0;
	free(from);
	for (i = 0; k0 && i < s->n; i++)
		if (s->p[i].t >= b0 && s->p[i].t <= b1 && s->p[i].hasc)
			sum += s->p[i].c, n++;
	if (n == 0)
		return 0;
	(void)t;
	v = round1(sum / (double)n, 2);
	return fabs(v - s->mean) > 0.005;
}

/* The series of table t, or NULL when t is not one: its periods are
 * not all months, quarters or years of one kind, or no area and
 * category has two of them. With must, that is an error naming the
 * file, line and column (--trend FILE). */
struct trendset *
trend_new(const struct tab *t, int must)
{
	struct trendset *ts;
	struct sbuf k = { 0 };
	long col[NTC], b;
	size_t r, i, j;
	int kind, k0 = 0, two = 0;

	for (i = 0; i < NTC; i++)
		col[i] = hdr_find(t->h, tcname[i]);
	if (col[TC_PERIOD] < 0 || col[TC_CAT] < 0) {
		if (must)
			errx(1, "%s: --trend: no column '%s'", t->files[0],
			    col[TC_PERIOD] < 0 ? "period" : "category");
		return NULL;
	}
	for (r = 0; r < t->n; r++) {
		if (tbucket(t->row[r][col[TC_PERIOD]], &b, &kind) == 0 &&
		    (k0 == 0 || kind == k0)) {
			k0 = kind;
			continue;
		}
		if (!must)
			return NULL;
		errx(1, "%s:%ld: column '%s': '%s' is not a month, quarter or "
		    "year%s", t->file[r], t->line[r], t->h->name[col[TC_PERIOD]],
		    t->row[r][col[TC_PERIOD]], k0 ? " of the first row's kind"
		    : "");
	}
	ts = xcalloc(1, sizeof(*ts));
	ts->kind = k0;
	for (r = 0; r < t->n; r++) {
		tbucket(t->row[r][col[TC_PERIOD]], &b, &kind);
		addpoint(ts, t, col, r, b, &k);
	}
	sb_free(&k);
	for (i = 0; i < ts->n; i++) {
		struct tseries *s = &ts->s[i];

		qsort(s->p, s->n, sizeof(*s->p), tpcmp);
		two |= s->n > 1;
		for (j = 1; j < s->n; j++)
			if (s->p[j].t == s->p[j - 1].t && !must) {
				/* rows of one period twice (an area in two
				 * groups): a table, not a series */
				trend_free(ts);
				return NULL;
			} else if (s->p[j].t == s->p[j - 1].t)
				errx(1, "%s:%ld: '%s', '%s': period '%s' also on "
				    "line %ld", t->file[s->p[j].row],
				    t->line[s->p[j].row], s->area, s->cat,
				    t->row[s->p[j].row][col[TC_PERIOD]],
				    t->line[s->p[j - 1].row]);
	}
	for (i = 0; i < ts->n && !ts->byrate; i++)
		ts->byrate = chartsrate(&ts->s[i], t, col);
	for (i = 0; i < ts->n; i++)
		for (j = 0; j < ts->s[i].n; j++) {
			struct tpoint *p = &ts->s[i].p[j];

			p->hasv = ts->byrate ? getnum(t->row[p->row][col[TC_RATE]],
			    &p->v) : p->hasc;
			if (!ts->byrate)
				p->v = p->c;
		}
	if (!two && !must) {
		trend_free(ts);
		return NULL;
	}
	return ts;
}

void
trend_free(struct trendset *ts)
{
	size_t i, j;

	if (!ts)
		return;
	for (i = 0; i < ts->n; i++) {
		for (j = 0; j < ts->s[i].n; j++) {
			free(ts->s[i].p[j].sig);
			free(ts->s[i].p[j].trend);
		}
		free(ts->s[i].p);
		free(ts->s[i].akey);
		free(ts->s[i].ckey);
		free(ts->s[i].area);
		free(ts->s[i].cat);
		free(ts->s[i].base);
	}
	free(ts->s);
	free(ts);
}

/* Does the table hold satrend's columns (a trend, or limits)? */
int
trend_charted(const struct tab *t)
{
	return hdr_find(t->h, "trend") >= 0 || hdr_find(t->h, "spc_mean") >= 0;
}

/* Keep of table t only each series' last row, in the order of the
 * series' first rows: the table of a trend page. */
void
trend_keeplast(struct tab *t, const struct trendset *ts)
{
	unsigned char *keep = xcalloc(t->n + 1, 1);
	size_t i, r, n = 0;

	for (i = 0; i < ts->n; i++)
		keep[ts->s[i].p[ts->s[i].n - 1].row] = 1;
	for (r = 0; r < t->n; r++) {
		if (!keep[r]) {
			free(t->row[r]); /* its fields with it (addrow()) */
			continue;
		}
		t->row[n] = t->row[r];
		t->line[n] = t->line[r];
		t->file[n++] = t->file[r];
	}
	t->n = n;
	free(keep);
}

/* The series of a row of another table, by area and category. */
static const struct tseries *
tseriesof(const struct trendset *ts, const char *area, const char *cat)
{
	struct sbuf k = { 0 };
	char *ak = keyof(&k, area), *ck = keyof(&k, cat);
	const struct tseries *s = tfind((struct trendset *)ts, ak, ck);

	free(ak);
	free(ck);
	sb_free(&k);
	return s;
}

/* The points shown: the last 12 months, 8 quarters or 10 years. */
static size_t
tshown(const struct trendset *ts, const struct tseries *s)
{
	size_t w = ts->kind == BY_MONTH ? 12 : ts->kind == BY_QUARTER ? 8 : 10;

	return s->n < w ? s->n : w;
}

/* The point of s at bucket b, or NULL. */
static const struct tpoint *
tat(const struct tseries *s, long b)
{
	size_t i;

	for (i = s->n; i-- > 0;)
		if (s->p[i].t == b)
			return &s->p[i];
	return NULL;
}

/* "▂▃▅▇█▆ increasing": the shown points, lowest to highest as ▁ to █
 * (with --ascii . to O), a gap where a value is missing; the trend word
 * of the last point, and its signals. "" when the row has no series. */
char *
trend_cell(const struct trendset *ts, const char *area, const char *cat,
    int asc)
{
	static const char *const bars[] = { "\xe2\x96\x81", "\xe2\x96\x82",
		"\xe2\x96\x83", "\xe2\x96\x84", "\xe2\x96\x85", "\xe2\x96\x86",
		"\xe2\x96\x87", "\xe2\x96\x88" };
	static const char abars[] = ".,;-=+oO";
	const struct tseries *s = tseriesof(ts, area, cat);
	const struct tpoint *p, *last;
	struct sbuf b = { 0 };
	double lo = HUGE_VAL, hi = -HUGE_VAL;
	size_t i, n, k;
	int lv;

	if (!s || s->n == 0)
		return xstrdup("");
	n = tshown(ts, s);
	for (i = s->n - n; i < s->n; i++)
		if (s->p[i].hasv) {
			lo = fmin(lo, s->p[i].v);
			hi = fmax(hi, s->p[i].v);
		}
	last = &s->p[s->n - 1];
	for (i = s->n - n, k = 0; i < s->n; i++, k++) {
		p = &s->p[i];
		if (i > s->n - n && p->t != s->p[i - 1].t + 1)
			sb_adds(&b, asc ? " " : "\xc2\xb7"); /* a gap: · */
		if (!p->hasv) {
			sb_addc(&b, ' ');
			continue;
		}
		lv = hi > lo ? (int)floor((p->v - lo) / (hi - lo) * 7 + 0.5) : 3;
		if (asc)
			sb_addc(&b, abars[lv]);
		else
			sb_adds(&b, bars[lv]);
	}
	if (*last->trend) {
		sb_addc(&b, ' ');
		sb_adds(&b, last->trend);
	}
	if (*last->sig) {
		sb_adds(&b, " (");
		for (k = 0; last->sig[k]; k++)
			sb_adds(&b, last->sig[k] == ';' ? ", " : (char[]){
			    last->sig[k], 0 });
		sb_addc(&b, ')');
	}
	return (char *)sb_str(&b);
}

/* What the Trend column shows, for the notes under the table. */
char *
trend_note(const struct trendset *ts, int asc)
{
	struct sbuf b = { 0 };

	sb_adds(&b, ts->kind == BY_MONTH ? "Trend: the last 12 months" :
	    ts->kind == BY_QUARTER ? "Trend: the last 8 quarters" :
	    "Trend: the last 10 years");
	sb_adds(&b, asc ? ", lowest to highest as . to O" : ", lowest to "
	    "highest as \xe2\x96\x81 to \xe2\x96\x88");
	sb_adds(&b, "; the trend over the last five points (increasing, "
	    "decreasing or no change, by Fingertips' method); in brackets "
	    "the latest point's process-control signals (outside the "
	    "limits, a run of 7 on one side of the mean, a trend of 7).");
	return (char *)sb_str(&b);
}

/* ---- the HTML charts ---- */

#define TW 320.0 /* a chart's width and height, px */
#define TH 172.0
#define TL 44.0  /* the plot's left, right, top and bottom edges */
#define TR 312.0
#define TT 10.0
#define TB 136.0

struct tscale {
	double lo, hi;
	size_t n; /* points across */
};

static double
ty(const struct tscale *sc, double v)
{
	return TB - (v - sc->lo) / (sc->hi - sc->lo) * (TB - TT);
}

static double
tx(const struct tscale *sc, size_t i)
{
	return sc->n > 1 ? TL + 8 + (double)i * (TR - TL - 16) /
	    (double)(sc->n - 1) : (TL + TR) / 2;
}

/* A step of 1, 2 or 5 times a power of ten near span / 4. */
static double
tstep(double span)
{
	double p = pow(10, floor(log10(span / 4))), m = span / 4 / p;

	return p * (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10);
}

/* The value range: the points shown and a year before, the limits. */
static void
trange(const struct trendset *ts, const struct tseries *s, size_t first,
    long back, struct tscale *sc)
{
	const struct tpoint *q;
	double lo = HUGE_VAL, hi = -HUGE_VAL, st;
	size_t i;
	int neg = 0;

	for (i = first; i < s->n; i++) {
		if (s->p[i].hasv) {
			lo = fmin(lo, s->p[i].v), hi = fmax(hi, s->p[i].v);
			neg |= s->p[i].v < 0;
		}
		if ((q = tat(s, s->p[i].t - back)) && q->hasv)
			lo = fmin(lo, q->v), hi = fmax(hi, q->v);
	}
	if (s->spc)
		lo = fmin(lo, s->lpl), hi = fmax(hi, s->upl);
	if (lo > hi)
		lo = 0, hi = 1;
	if (!neg && lo < 0) /* a count is never below 0, whatever the limit */
		lo = 0;
	if (hi - lo < 1e-9)
		hi = lo + (fabs(lo) > 0 ? fabs(lo) * 0.1 : 1);
	st = tstep(hi - lo);
	sc->lo = floor(lo / st) * st;
	sc->hi = ceil(hi / st) * st;
	(void)ts;
}

static void
tnum(struct sarender *S, FILE *fp, double v, double st)
{
	struct sbuf b = { 0 };

	fmtnum(&b, v, st >= 1 ? 0 : st >= 0.1 ? 1 : 2, 0);
	hesc(S, fp, sb_str(&b));
	sb_free(&b);
}

static const char *const mon[] = { "Jan", "Feb", "Mar", "Apr", "May",
	"Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

/* The axes: gridlines with values, and the periods below. */
static void
taxes(struct sarender *S, FILE *fp, const struct trendset *ts,
    const struct tseries *s, size_t first, const struct tscale *sc)
{
	double st = tstep(sc->hi - sc->lo), v;
	size_t i;
	long b;

	for (v = sc->lo; v <= sc->hi + st / 1000; v += st) {
		fprintf(fp, "<line x1=\"%g\" x2=\"%g\" y1=\"%.1f\" y2=\"%.1f\" "
		    "stroke=\"#d4d8dd\" stroke-width=\".75\"/><text x=\"%g\" "
		    "y=\"%.1f\" class=\"ay\">", TL, TR, ty(sc, v), ty(sc, v),
		    TL - 4, ty(sc, v) + 3.5);
		tnum(S, fp, fabs(v) < st / 1000 ? 0 : v, st);
		fputs("</text>", fp);
	}
	for (i = first; i < s->n; i++) {
		b = s->p[i].t;
		fprintf(fp, "<text x=\"%.1f\" y=\"%g\" class=\"ax\">",
		    tx(sc, i - first), TB + 13);
		if (ts->kind == BY_MONTH)
			fputs(mon[b % 12], fp);
		else if (ts->kind == BY_QUARTER)
			fprintf(fp, "Q%ld", b % 4 + 1);
		else
			fprintf(fp, "%ld", b);
		fputs("</text>", fp);
		/* the year under the first period and each January */
		if (ts->kind != BY_YEAR && (i == first || b % (ts->kind ==
		    BY_MONTH ? 12 : 4) == 0))
			fprintf(fp, "<text x=\"%.1f\" y=\"%g\" class=\"ax\">"
			    "%ld</text>", tx(sc, i - first), TB + 25,
			    ts->kind == BY_MONTH ? b / 12 : b / 4);
	}
	fprintf(fp, "<line x1=\"%g\" x2=\"%g\" y1=\"%g\" y2=\"%g\" stroke=\""
	    "#1b1b1b\"/>", TL, TR, TB, TB);
}

/* A signal's shape: outside the limits a triangle pointing the way
 * out, a run a square, a trend a diamond; filled dark, ringed white. */
static void
tmark(FILE *fp, const char *sig, double x, double y)
{
	if (strstr(sig, "outside-high"))
		fprintf(fp, "<path d=\"M%.1f %.1fl5 8.5h-10z\" class=\"so\"/>",
		    x, y - 6);
	else if (strstr(sig, "outside-low"))
		fprintf(fp, "<path d=\"M%.1f %.1fl5 -8.5h-10z\" class=\"so\"/>",
		    x, y + 6);
	else if (strstr(sig, "run-"))
		fprintf(fp, "<rect x=\"%.1f\" y=\"%.1f\" width=\"8\" height=\"8"
		    "\" class=\"sr\"/>", x - 4, y - 4);
	else if (strstr(sig, "trend-"))
		fprintf(fp, "<path d=\"M%.1f %.1fl5 5 -5 5 -5 -5z\" class=\"st"
		    "\"/>", x, y - 5);
	else
		fprintf(fp, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" class=\""
		    "pt\"/>", x, y);
}

/* A line through the points that have a value; a gap breaks it. */
static void
tpath(FILE *fp, const struct tseries *s, size_t first, long back,
    const struct tscale *sc, const char *cls)
{
	const struct tpoint *q;
	size_t i;
	int pen = 0;

	fprintf(fp, "<path class=\"%s\" d=\"", cls);
	for (i = first; i < s->n; i++) {
		q = back ? tat(s, s->p[i].t - back) : &s->p[i];
		if (!q || !q->hasv || (i > first && s->p[i].t !=
		    s->p[i - 1].t + 1)) {
			pen = 0;
			if (!q || !q->hasv)
				continue;
		}
		fprintf(fp, "%c%.1f %.1f", pen ? 'L' : 'M', tx(sc, i - first),
		    ty(sc, q->v));
		pen = 1;
	}
	fputs("\"/>", fp);
}

/* The words a screen reader gets for a chart. */
static void
tsummary(struct sbuf *b, const struct trendset *ts, const struct tseries *s)
{
	const struct tpoint *l = &s->p[s->n - 1];
	char lab[PERIOD_LABEL];

	period_bucket_label(ts->kind, l->t, lab);
	sb_adds(b, s->cat);
	if (*s->area) {
		sb_adds(b, ", ");
		sb_adds(b, s->area);
	}
	sb_adds(b, ": ");
	if (l->hasv)
		fmtnum(b, l->v, ts->byrate ? 2 : 0, 0);
	else
		sb_adds(b, "no value");
	sb_adds(b, " in ");
	sb_adds(b, lab);
	if (*l->trend) {
		sb_adds(b, "; ");
		sb_adds(b, l->trend);
	}
	if (*l->sig) {
		sb_adds(b, "; signal: ");
		for (const char *c = l->sig; *c; c++)
			sb_adds(b, *c == ';' ? ", " : (char[]){ *c, 0 });
	}
}

static void
tchart(struct sarender *S, FILE *fp, const struct trendset *ts,
    const struct tseries *s)
{
	long back = ts->kind == BY_MONTH ? 12 : ts->kind == BY_QUARTER ? 4 : 1;
	size_t first = s->n - tshown(ts, s), i;
	struct tscale sc;
	struct sbuf sum = { 0 };
	double y0, y1;

	sc.n = s->n - first;
	trange(ts, s, first, back, &sc);
	tsummary(&sum, ts, s);
	fputs("<figure class=\"trend\"><figcaption>", fp);
	hesc(S, fp, sb_str(&sum));
	fprintf(fp, "</figcaption><svg viewBox=\"0 0 %g %g\" role=\"img\" "
	    "aria-label=\"", TW, TH);
	hesc(S, fp, sb_str(&sum));
	fputs("\">", fp);
	if (s->spc) { /* the process limits, shaded, and the mean */
		y0 = ty(&sc, fmin(s->upl, sc.hi));
		y1 = ty(&sc, fmax(s->lpl, sc.lo));
		fprintf(fp, "<rect x=\"%g\" y=\"%.1f\" width=\"%g\" height=\""
		    "%.1f\" class=\"band\"/>", TL, y0, TR - TL, y1 - y0);
		fprintf(fp, "<line x1=\"%g\" x2=\"%g\" y1=\"%.1f\" y2=\"%.1f\" "
		    "class=\"mean\"/>", TL, TR, ty(&sc, s->mean),
		    ty(&sc, s->mean));
	}
	taxes(S, fp, ts, s, first, &sc);
	if (back)
		tpath(fp, s, first, back, &sc, "ly");
	tpath(fp, s, first, 0, &sc, "ty");
	for (i = first; i < s->n; i++)
		if (s->p[i].hasv)
			tmark(fp, s->p[i].sig, tx(&sc, i - first),
			    ty(&sc, s->p[i].v));
	fputs("</svg></figure>\n", fp);
	sb_free(&sum);
}

/* The key to the charts, drawn with the charts' own marks. */
static void
tkey(FILE *fp, const struct trendset *ts, int spc)
{
	const char *unit = ts->kind == BY_MONTH ? "12 months" :
	    ts->kind == BY_QUARTER ? "8 quarters" : "10 years";

	fprintf(fp, "<p class=\"tkey\"><svg width=\"30\" height=\"10\" "
	    "aria-hidden=\"true\"><path class=\"ty\" d=\"M2 5H28\"/></svg>the "
	    "last %s <svg width=\"30\" height=\"10\" aria-hidden=\"true\">"
	    "<path class=\"ly\" d=\"M2 5H28\"/></svg>the same %s a year "
	    "before%s", unit, ts->kind == BY_YEAR ? "years" : "periods",
	    spc ? "" : ".");
	if (spc)
		fprintf(fp, " <svg width=\"30\" height=\"12\" aria-hidden=\""
		    "true\"><rect class=\"band\" x=\"1\" y=\"1\" width=\"28\" "
		    "height=\"10\"/><line class=\"mean\" x1=\"1\" x2=\"29\" "
		    "y1=\"6\" y2=\"6\"/></svg>the process limits and mean (XmR, "
		    "from the baseline); <svg width=\"12\" height=\"12\" "
		    "aria-hidden=\"true\"><path d=\"M6 1.5l5 8.5h-10z\" class=\""
		    "so\"/></svg>outside the limits (pointing the way out), "
		    "<svg width=\"12\" height=\"12\" aria-hidden=\"true\"><rect "
		    "x=\"2\" y=\"2\" width=\"8\" height=\"8\" class=\"sr\"/>"
		    "</svg>a run of 7 on one side of the mean, <svg width=\"12\" "
		    "height=\"12\" aria-hidden=\"true\"><path d=\"M6 1l5 5 -5 5 "
		    "-5 -5z\" class=\"st\"/></svg>a trend of 7 rising or "
		    "falling.");
	fputs("</p>\n", fp);
}

/* The charts of the series of table t's rows, in the rows' order,
 * each once, under a heading. */
void
trend_html(struct sarender *S, FILE *fp, const struct tab *t,
    const struct trendset *ts)
{
	const struct tseries *s;
	unsigned char *done = xcalloc(ts->n + 1, 1);
	size_t r, any = 0, spc = 0;

	for (r = 0; r < ts->n; r++)
		spc |= ts->s[r].spc;
	for (r = 0; r < t->n; r++) {
		s = tseriesof(ts, t->ix[R_AREA] >= 0 ? t->row[r][t->ix[R_AREA]]
		    : "", t->ix[R_CATEGORY] >= 0 ?
		    t->row[r][t->ix[R_CATEGORY]] : "");
		if (!s || done[s - ts->s])
			continue;
		if (!any++) {
			fputs("<section class=\"trends\">\n<h2>Trends</h2>\n", fp);
			tkey(fp, ts, (int)spc);
			fputs("<div class=\"grid\">\n", fp);
		}
		done[s - ts->s] = 1;
		tchart(S, fp, ts, s);
	}
	if (any)
		fputs("</div>\n</section>\n", fp);
	free(done);
}
