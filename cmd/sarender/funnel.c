/* sarender: --funnel, a funnel plot per indicator in the HTML: each
 * group member's rate against its population, the pooled group rate as
 * the centre line, and 95 % and 99.8 % Poisson control limits.
 *
 * The limits are exact for any expected count: for a population n and
 * the pooled rate theta (per `per`), the expected count is
 * E = theta n / per, and the limit at probability p is
 * stats_pois_limit(E, p) per / n (lib/stats.h). */
#include <err.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "name.h"
#include "num.h"
#include "stats.h"
#include "table.h"
#include "util.h"

#include "sarender.h"

const char funnel_css[] =
".funnel{margin:1rem 0;break-inside:avoid}\n"
".funnel figcaption{font-weight:600;margin:0 0 .3rem}\n"
".fplot{display:block;max-width:100%;height:auto;font-size:11px}\n"
".fplot text{fill:#1b1b1b}\n"
".funnel .key span{white-space:nowrap;margin-right:.6rem}\n"
".flabel{font-weight:600;paint-order:stroke;stroke:#fff;stroke-width:3px}\n";

/* A row of the funnel data: only what the plot needs, copied. */
struct fpt {
	char *area, *cat, *grp;
	double count, pop, per, pooled, cover;
	int has; /* 1 count, 2 population, 4 pooled */
	long line;
};

struct funnel {
	const char *path, *spec;
	struct fpt *p;
	size_t n;
};

static double
fn_cell(const struct tbl *in, long c, int *ok)
{
	const char *s;
	double v;

	if (c < 0 || !*(s = in->row->f[c]) || isblank_s(s)) {
		*ok = 0;
		return 0;
	}
	if (num_dbl(s, in->row->len[c], &v) != 0 || !isfinite(v) || v < 0)
		tbl_fail(in, c, "'%s' is not a number from 0", s);
	*ok = 1;
	return v;
}

/* Read the funnel data: the ranked rows of the whole group. */
struct funnel *
funnel_read(const char *path, const char *spec)
{
	struct funnel *f = xcalloc(1, sizeof(*f));
	struct tbl in_, *in = tbl_open(&in_, path, TBL_NONUL);
	long a = tbl_need(in, "area", NULL), k = tbl_need(in, "category", NULL);
	long c = tbl_need(in, "count", NULL), p = tbl_need(in, "population",
	    NULL), g = tbl_col(in, "group"), pe = tbl_col(in, "per");
	long cv = tbl_col(in, "coverage"), po = tbl_col(in, "group_pooled");
	size_t cap = 0, j;
	struct fpt *q;
	const char *s, *e;
	int ok;

	f->path = path;
	f->spec = spec;
	while (tbl_next(in)) {
		if (f->n == cap) {
			cap = cap ? 2 * cap : 64;
			f->p = xreallocarray(f->p, cap, sizeof(*f->p));
		}
		q = memset(&f->p[f->n++], 0, sizeof(*q));
		q->line = in->row->line;
		q->area = xstrndup(in->row->f[a], in->row->len[a]);
		q->cat = xstrndup(in->row->f[k], in->row->len[k]);
		q->grp = xstrdup(g >= 0 ? in->row->f[g] : "");
		q->count = fn_cell(in, c, &ok);
		q->has |= ok;
		q->pop = fn_cell(in, p, &ok);
		q->has |= ok << 1;
		q->per = fn_cell(in, pe, &ok);
		if (!ok || q->per <= 0)
			q->per = 1000;
		q->pooled = fn_cell(in, po, &ok);
		q->has |= ok << 2;
		q->cover = fn_cell(in, cv, &ok);
		if (!ok)
			q->cover = cv < 0 ? 1 : 0;
	}
	tbl_close(in);
	if (strcmp(spec, "all") != 0)
		for (s = spec; *s; s = *e ? e + 1 : e) {
			e = s + strcspn(s, ",");
			for (j = 0; j < f->n && !name_eq(s, (size_t)(e - s),
			    f->p[j].cat, strlen(f->p[j].cat)); j++)
				;
			if (j == f->n)
				errx(1, "--funnel: %s has no indicator '%.*s'",
				    path, (int)(e - s), s);
		}
	return f;
}

void
funnel_free(struct funnel *f)
{
	size_t i;

	if (!f)
		return;
	for (i = 0; i < f->n; i++) {
		free(f->p[i].area);
		free(f->p[i].cat);
		free(f->p[i].grp);
	}
	free(f->p);
	free(f);
}

static int
fn_sameword(const char *a, const char *b)
{
	return name_eq(a, strlen(a), b, strlen(b));
}

/* Is category cat one the spec asks for? */
static int
fn_wanted(const char *spec, const char *cat)
{
	const char *s = spec, *e;

	if (strcmp(spec, "all") == 0)
		return 1;
	for (; *s; s = *e ? e + 1 : e) {
		e = s + strcspn(s, ",");
		if (name_eq(s, (size_t)(e - s), cat, strlen(cat)))
			return 1;
	}
	return 0;
}

#define FN_W 640.0 /* the plot, px */
#define FN_H 380.0
#define FN_ML 62.0 /* margins: room for the axes' numbers and labels */
#define FN_MR 16.0
#define FN_MT 14.0
#define FN_MB 50.0
#define FN_STEPS 120

struct fn_axes {
	double x0, x1, y0, y1;
	int logx;
};

static double
fn_px(const struct fn_axes *ax, double v)
{
	double a = ax->logx ? log10(v) : v, lo = ax->logx ? log10(ax->x0) :
	    ax->x0, hi = ax->logx ? log10(ax->x1) : ax->x1;

	return FN_ML + (a - lo) / (hi - lo) * (FN_W - FN_ML - FN_MR);
}

static double
fn_py(const struct fn_axes *ax, double v)
{
	if (v > ax->y1)
		v = ax->y1;
	return FN_H - FN_MB - (v - ax->y0) / (ax->y1 - ax->y0) * (FN_H - FN_MT - FN_MB);
}

/* A step of 1, 2 or 5 times a power of ten giving about n ticks. */
static double
fn_nice(double span, int n)
{
	double s = pow(10, floor(log10(span / n))), m = span / n / s;

	return s * (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10);
}

static void
fn_tick(FILE *fp, double v, int dec)
{
	struct sbuf b = { 0 };

	fmtnum(&b, v, dec, 0);
	fputs(sb_str(&b), fp);
	sb_free(&b);
}

static void
fn_axes(struct sarender *S, FILE *fp, const struct fn_axes *ax, const char *ylab)
{
	double s, v, d;

	fprintf(fp, "<path d=\"M%.1f %.1fV%.1fH%.1f\" fill=\"none\" stroke=\""
	    "#1b1b1b\"/>", FN_ML, FN_MT, FN_H - FN_MB, FN_W - FN_MR);
	s = fn_nice(ax->y1 - ax->y0, 5);
	for (v = ceil(ax->y0 / s) * s; v <= ax->y1 + s / 1e6; v += s) {
		fprintf(fp, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\""
		    "%.1f\" stroke=\"#e3e6ea\"/><text x=\"%.1f\" y=\"%.1f\" "
		    "text-anchor=\"end\">", FN_ML, FN_W - FN_MR, fn_py(ax, v), fn_py(ax, v),
		    FN_ML - 5, fn_py(ax, v) + 4);
		fn_tick(fp, v, s < 1 ? (s < 0.1 ? 2 : 1) : 0);
		fputs("</text>", fp);
	}
	if (ax->logx) {
		for (d = pow(10, floor(log10(ax->x0))); d <= ax->x1; d *= 10)
			for (v = d; v < 10 * d; v += d)
				if (v >= ax->x0 && v <= ax->x1 && (v == d ||
				    v == 2 * d || v == 5 * d)) {
					fprintf(fp, "<line x1=\"%.1f\" x2=\"%.1f"
					    "\" y1=\"%.1f\" y2=\"%.1f\" stroke="
					    "\"#1b1b1b\"/><text x=\"%.1f\" y=\""
					    "%.1f\" text-anchor=\"middle\">",
					    fn_px(ax, v), fn_px(ax, v), FN_H - FN_MB,
					    FN_H - FN_MB + 4, fn_px(ax, v), FN_H - FN_MB + 16);
					fn_tick(fp, v, 0);
					fputs("</text>", fp);
				}
	} else {
		s = fn_nice(ax->x1 - ax->x0, 6);
		for (v = ceil(ax->x0 / s) * s; v <= ax->x1; v += s) {
			fprintf(fp, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" "
			    "y2=\"%.1f\" stroke=\"#1b1b1b\"/><text x=\"%.1f\" "
			    "y=\"%.1f\" text-anchor=\"middle\">", fn_px(ax, v),
			    fn_px(ax, v), FN_H - FN_MB, FN_H - FN_MB + 4, fn_px(ax, v),
			    FN_H - FN_MB + 16);
			fn_tick(fp, v, 0);
			fputs("</text>", fp);
		}
	}
	fprintf(fp, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">"
	    "Population%s</text>", (FN_ML + FN_W - FN_MR) / 2, FN_H - 12,
	    ax->logx ? " (log scale)" : "");
	fprintf(fp, "<text transform=\"translate(14 %.1f) rotate(-90)\" "
	    "text-anchor=\"middle\">", (FN_MT + FN_H - FN_MB) / 2);
	hesc(S, fp, ylab);
	fputs("</text>", fp);
}

/* One limit line: the rate at probability p along the x axis. */
static void
fn_limit(FILE *fp, const struct fn_axes *ax, double theta, double per, double p,
    const char *dash)
{
	double n, e, lx0 = ax->logx ? log10(ax->x0) : ax->x0;
	double lx1 = ax->logx ? log10(ax->x1) : ax->x1;
	int i;

	fputs("<path d=\"", fp);
	for (i = 0; i <= FN_STEPS; i++) {
		n = lx0 + (lx1 - lx0) * i / FN_STEPS;
		n = ax->logx ? pow(10, n) : n;
		e = theta * n / per;
		fprintf(fp, "%c%.1f %.1f", i ? 'L' : 'M', fn_px(ax, n),
		    fn_py(ax, e > 0 ? stats_pois_limit(e, p) * per / n : 0));
	}
	fprintf(fp, "\" fill=\"none\" stroke=\"#1b1b1b\" stroke-width=\""
	    "1.2\" stroke-dasharray=\"%s\"/>", dash);
}

/* Where a member lies against the limits, in words. */
static const char *
fn_where(double rate, double theta, double pop, double per)
{
	double e = theta * pop / per;

	if (e <= 0)
		return "";
	if (rate * pop / per > stats_pois_limit(e, 0.999))
		return ", above the 99.8 % limit";
	if (rate * pop / per < stats_pois_limit(e, 0.001))
		return ", below the 99.8 % limit";
	if (rate * pop / per > stats_pois_limit(e, 0.975))
		return ", above the 95 % limit";
	if (rate * pop / per < stats_pois_limit(e, 0.025))
		return ", below the 95 % limit";
	return ", inside the limits";
}

static void
fn_point(struct sarender *S, FILE *fp, const struct fn_axes *ax, const struct fpt *q, double theta,
    int focus)
{
	double x = fn_px(ax, q->pop), y = fn_py(ax, q->count * q->per / q->pop);
	struct sbuf b = { 0 };

	sb_adds(&b, q->area);
	sb_adds(&b, focus ? " (focus area): " : ": ");
	fmtnum(&b, q->count * q->per / q->pop, 2, 0);
	sb_adds(&b, " per ");
	fmtnum(&b, q->per, 0, 0);
	sb_adds(&b, ", population ");
	fmtnum(&b, q->pop, 0, 0);
	sb_adds(&b, fn_where(q->count * q->per / q->pop, theta, q->pop, q->per));
	fputs("<g><title>", fp);
	hesc(S, fp, sb_str(&b));
	fputs("</title>", fp);
	if (focus) {
		fprintf(fp, "<path d=\"M%.1f %.1fl6.5 6.5l-6.5 6.5l-6.5 -6.5z\" "
		    "fill=\"#1f3a5f\" stroke=\"#fff\"/><text x=\"%.1f\" y=\""
		    "%.1f\" class=\"flabel\">", x, y - 6.5, x + 9, y - 8);
		hesc(S, fp, q->area);
		fputs("</text>", fp);
	} else {
		fprintf(fp, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\""
		    "#fff\" stroke=\"#4a545e\" stroke-width=\"1.3\"/>", x, y);
	}
	fputs("</g>", fp);
	sb_free(&b);
}

/* Why member q is left out of the plot, or NULL. */
static const char *
fn_leftout(const struct fpt *q, long minc)
{
	if (q->cover < 1)
		return "partial coverage";
	if ((q->has & 3) != 3 || q->pop <= 0)
		return "no count or population";
	if (minc > 0 && q->count < minc)
		return "a count withheld";
	return NULL;
}

/* The range the plot shows: every member, the centre and the limits. */
static void
fn_range(struct fn_axes *ax, const struct fpt **m, size_t n, double theta)
{
	double lo = HUGE_VAL, hi = -HUGE_VAL, ylo, yhi, r, e;
	size_t i;

	for (i = 0; i < n; i++) {
		lo = fmin(lo, m[i]->pop);
		hi = fmax(hi, m[i]->pop);
	}
	ax->logx = hi / lo >= 5;
	ax->x0 = ax->logx ? lo / 1.3 : lo - (hi - lo) * 0.08 - lo * 0.02;
	ax->x1 = ax->logx ? hi * 1.3 : hi + (hi - lo) * 0.08 + hi * 0.02;
	if (ax->x0 <= 0)
		ax->x0 = lo / 2;
	e = theta * ax->x0 / m[0]->per;
	ylo = yhi = theta;
	if (e > 0) {
		ylo = stats_pois_limit(e, 0.001) * m[0]->per / ax->x0;
		yhi = stats_pois_limit(e, 0.999) * m[0]->per / ax->x0;
	}
	for (i = 0; i < n; i++) {
		r = m[i]->count * m[i]->per / m[i]->pop;
		ylo = fmin(ylo, r);
		yhi = fmax(yhi, r);
	}
	if (yhi <= ylo)
		yhi = ylo + 1;
	ax->y0 = fmax(0, ylo - (yhi - ylo) * 0.06);
	ax->y1 = yhi + (yhi - ylo) * 0.06;
}

static void
fn_legend(struct sarender *S, FILE *fp, const char *focus, double theta, double per, int pooled)
{
	struct sbuf b = { 0 };

	fputs("<p class=\"key\"><span><svg width=\"16\" height=\"14\" "
	    "aria-hidden=\"true\"><path d=\"M8 1l6 6l-6 6l-6 -6z\" fill=\""
	    "#1f3a5f\"/></svg>", fp);
	hesc(S, fp, focus ? focus : "the focus area");
	fputs("</span> <span><svg width=\"16\" height=\"14\" aria-hidden=\"true\"><circle "
	    "cx=\"8\" cy=\"7\" r=\"3.5\" fill=\"#fff\" stroke=\"#4a545e\" "
	    "stroke-width=\"1.3\"/></svg>the other members</span> "
	    "<span><svg width=\"30\" height=\"14\" aria-hidden=\"true\"><line x1=\"1\" "
	    "x2=\"29\" y1=\"7\" y2=\"7\" stroke=\"#1b1b1b\" stroke-width=\"2\"/>"
	    "</svg>", fp);
	sb_adds(&b, pooled ? "the group's pooled rate (all its crimes over "
	    "all its people), " : "the group's rate, ");
	fmtnum(&b, theta, 2, 0);
	sb_adds(&b, " per ");
	fmtnum(&b, per, 0, 0);
	hesc(S, fp, sb_str(&b));
	fputs("</span> <span><svg width=\"30\" height=\"14\" aria-hidden=\"true\"><line x1=\""
	    "1\" x2=\"29\" y1=\"7\" y2=\"7\" stroke=\"#1b1b1b\" stroke-width=\""
	    "1.2\" stroke-dasharray=\"6 3\"/></svg>95 % limits</span> "
	    "<span><svg width=\"30\" height=\"14\" aria-hidden=\"true\"><line x1=\"1\" "
	    "x2=\"29\" y1=\"7\" y2=\"7\" stroke=\"#1b1b1b\" stroke-width=\"1.2\" "
	    "stroke-dasharray=\"1.5 2.5\"/></svg>99.8 % limits</span></p>\n",
	    fp);
	sb_free(&b);
}

/* The members of category cat in group grp, and those left out said. */
static size_t
fn_members(const struct funnel *f, const char *cat, const char *grp,
    long minc, const struct fpt **m, struct sbuf *out)
{
	size_t i, n = 0;
	const char *why;

	for (i = 0; i < f->n; i++) {
		if (!fn_sameword(f->p[i].cat, cat) || !fn_sameword(f->p[i].grp, grp))
			continue;
		if (!(why = fn_leftout(&f->p[i], minc))) {
			m[n++] = &f->p[i];
			continue;
		}
		sb_adds(out, out->len ? "; " : "Left out: ");
		sb_adds(out, f->p[i].area);
		sb_adds(out, " (");
		sb_adds(out, why);
		sb_adds(out, ")");
	}
	return n;
}

/* The funnel plot of category cat: the focus area's group, or the
 * first row's. */
static void
fn_plot(struct sarender *S, FILE *fp, const struct funnel *f, const struct fpt *first,
    const char *focus, long minc)
{
	const struct fpt **m = xcalloc(f->n, sizeof(*m)), *fo = NULL;
	struct sbuf out = { 0 }, lab = { 0 };
	struct fn_axes ax;
	double theta, sc = 0, sp = 0, per;
	size_t i, n;
	int pooled;

	for (i = 0; focus && i < f->n && !fo; i++)
		if (fn_sameword(f->p[i].cat, first->cat) &&
		    fn_sameword(f->p[i].area, focus))
			fo = &f->p[i];
	n = fn_members(f, first->cat, (fo ? fo : first)->grp, minc, m, &out);
	fputs("<figure class=\"funnel\"><figcaption>Funnel plot: ", fp);
	hesc(S, fp, first->cat);
	if (*(fo ? fo : first)->grp) {
		fputs(", ", fp);
		hesc(S, fp, (fo ? fo : first)->grp);
	}
	fputs("</figcaption>\n", fp);
	for (i = 0; i < n; i++)
		sc += m[i]->count, sp += m[i]->pop;
	per = n ? m[0]->per : 1000;
	pooled = fo ? fo->has & 4 : first->has & 4;
	theta = pooled ? (fo ? fo : first)->pooled : sp > 0 ? sc * per / sp :
	    0;
	if (n < 2) { /* one point has no spread to judge */
		fprintf(fp, "<p>%s member has a count and a population to "
		    "plot: no funnel.</p>\n", n ? "Only one" : "No");
		goto out;
	}
	fn_range(&ax, m, n, theta);
	sb_adds(&lab, "Rate per ");
	fmtnum(&lab, per, 0, 0);
	fprintf(fp, "<svg class=\"fplot\" width=\"%g\" height=\"%g\" viewBox="
	    "\"0 0 %g %g\" role=\"img\" aria-label=\"", FN_W, FN_H, FN_W, FN_H);
	hesc(S, fp, first->cat);
	fputs(": each member's rate against its population, with the "
	    "group's rate and its 95 % and 99.8 % control limits\">", fp);
	fn_axes(S, fp, &ax, sb_str(&lab));
	fn_limit(fp, &ax, theta, per, 0.001, "1.5 2.5");
	fn_limit(fp, &ax, theta, per, 0.999, "1.5 2.5");
	fn_limit(fp, &ax, theta, per, 0.025, "6 3");
	fn_limit(fp, &ax, theta, per, 0.975, "6 3");
	fprintf(fp, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" "
	    "stroke=\"#1b1b1b\" stroke-width=\"2\"/>", FN_ML, FN_W - FN_MR,
	    fn_py(&ax, theta), fn_py(&ax, theta));
	for (i = 0; i < n; i++)
		if (m[i] != fo)
			fn_point(S, fp, &ax, m[i], theta, 0);
	for (i = 0; i < n; i++)
		if (m[i] == fo)
			fn_point(S, fp, &ax, m[i], theta, 1);
	fputs("</svg>\n", fp);
	fn_legend(S, fp, fo ? fo->area : NULL, theta, per, pooled);
out:
	if (out.len) {
		sb_adds(&out, ".");
		fputs("<p class=\"notes\">", fp);
		hesc(S, fp, sb_str(&out));
		fputs("</p>\n", fp);
	}
	fputs("</figure>\n", fp);
	sb_free(&out);
	sb_free(&lab);
	free(m);
}

/* A funnel plot for each category asked for, in the data's order. */
void
funnel_html(struct sarender *S, FILE *fp, const struct funnel *f, const char *focus, long minc)
{
	size_t i, j;

	for (i = 0; i < f->n; i++) {
		if (!fn_wanted(f->spec, f->p[i].cat))
			continue;
		for (j = 0; j < i && !fn_sameword(f->p[j].cat, f->p[i].cat); j++)
			;
		if (j == i)
			fn_plot(S, fp, f, &f->p[i], focus, minc);
	}
}
