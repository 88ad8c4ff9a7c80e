/* sarender: the harm x likelihood matrix of sapriority's output, an
 * inline SVG under the table: the model's two matrix dimensions across
 * and up, each cell shaded by its band, each issue a marker with its
 * priority, and a key. Bands are told apart by pattern and word as well
 * as colour, so that the matrix reads in greyscale and in print. */
#include <err.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "header.h"
#include "model.h"
#include "num.h"
#include "round.h"
#include "util.h"
#include "sarender.h"

#define MAXSTEPS 12  /* a scale of more whole steps is not drawn as cells */
#define CELLW 76.0
#define CELLH 54.0
#define LEFT 64.0    /* room for the y axis's title and ticks */
#define TOP 12.0
#define BOTTOM 48.0
#define KEYW 270.0   /* the key, right of the grid */
#define LINEH 19.0
#define R 9.5        /* a marker's radius */

/* The matrix: the grid, and each row's place in it. */
struct mx {
	const struct model *m;
	const struct model_dim *dx, *dy;
	int nx, ny;          /* cells across and up */
	int *cx, *cy;        /* each row's cell, -1 when not placed */
	char **label;        /* each row's marker: its priority, 7a for ties */
	int *band;           /* each row's band, by index, -1 none */
	size_t nplaced;
};

/* Is the scale whole numbers, few enough to be cells? */
static int
steps(const struct model_dim *d)
{
	if (d->lo != floor(d->lo) || d->hi != floor(d->hi) ||
	    d->hi - d->lo >= MAXSTEPS)
		return 0;
	return (int)(d->hi - d->lo) + 1;
}

/* A cell's band: the risk at its two scores, every other dimension at
 * the top of its scale. */
static int
cellband(const struct mx *x, int i, int j)
{
	const struct model *m = x->m;
	double *s = xcalloc(m->ndim + 1, sizeof(double)), v;
	size_t d, b;

	for (d = 0; d < m->ndim; d++)
		s[d] = m->dim[d].hi;
	s[m->mx] = x->dx->lo + i;
	s[m->my] = x->dy->lo + j;
	if (model_risk(m, s, &v) != 0) {
		free(s);
		return -1;
	}
	free(s);
	v = round_val(v, 2);
	for (b = 0; b + 1 < m->nband && v < m->band[b].min; b++)
		;
	return (int)b;
}

/* The style of band b of n: 0 the highest, 2 the lowest, 1 between. */
static int
style(int b, int n)
{
	return b <= 0 ? 0 : b == n - 1 ? 2 : 1;
}

static int
cellof(const struct model_dim *d, const char *s)
{
	double v;

	if (!getnum(s, &v) || v < d->lo || v > d->hi)
		return -1;
	return (int)round_val(v - d->lo, 0);
}

static int
bandof(const struct model *m, const char *s)
{
	size_t b;

	for (b = 0; b < m->nband; b++)
		if (strcasecmp(s, m->band[b].name) == 0)
			return (int)b;
	return -1;
}

/* Each row's cell, band and label; a tie's labels get a, b, c... */
static void
place(struct mx *x, const struct tab *t)
{
	long pc = hdr_find(t->h, "priority"), bc = hdr_find(t->h, "band");
	size_t r, k;
	int tie;

	x->cx = xcalloc(t->n + 1, sizeof(int));
	x->cy = xcalloc(t->n + 1, sizeof(int));
	x->band = xcalloc(t->n + 1, sizeof(int));
	x->label = xcalloc(t->n + 1, sizeof(char *));
	for (r = 0; r < t->n; r++) {
		const char *p = t->row[r][pc];
		struct sbuf b = { 0 };

		x->cx[r] = cellof(x->dx, t->row[r][t->mcol[0]]);
		x->cy[r] = cellof(x->dy, t->row[r][t->mcol[1]]);
		x->band[r] = bandof(x->m, t->row[r][bc]);
		if (isblank_s(p) || x->cx[r] < 0 || x->cy[r] < 0) {
			x->cx[r] = x->cy[r] = -1;
			continue;
		}
		x->nplaced++;
		sb_adds(&b, p);
		for (k = 0, tie = 0; k < t->n; k++)
			if (k != r && strcmp(t->row[k][pc], p) == 0)
				tie = 1;
		for (k = 0; tie && k < r; k++)
			tie += strcmp(t->row[k][pc], p) == 0;
		if (tie)
			sb_addc(&b, 'a' + (tie - 1) % 26);
		x->label[r] = (char *)sb_str(&b);
	}
}

static void
defs(struct sarender *S, FILE *fp)
{
	/* high: diagonal hatching; between: dots; low: plain */
	fputs("<defs><pattern id=\"mx-hatch\" width=\"7\" height=\"7\" "
	    "patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
	    "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"7\" stroke=\"#000\" "
	    "stroke-opacity=\".32\" stroke-width=\"2\"/></pattern>"
	    "<pattern id=\"mx-dots\" width=\"7\" height=\"7\" patternUnits=\""
	    "userSpaceOnUse\"><circle cx=\"3.5\" cy=\"3.5\" r=\"1.1\" fill=\""
	    "#000\" fill-opacity=\".38\"/></pattern></defs>\n", fp);
}

static const char *const fill[] = { "#f3c9c4", "#fbe6b8", "#dcefdc" };
static const char *const pattern[] = { "url(#mx-hatch)", "url(#mx-dots)",
	NULL };
static const char *const mfill[] = { "#1b1b1b", "#6e6e6e", "#ffffff" };
static const char *const mtext[] = { "#ffffff", "#ffffff", "#1b1b1b" };

static void
cells(struct sarender *S, FILE *fp, const struct mx *x)
{
	double gx, gy;
	int i, j, b, st;

	for (j = 0; j < x->ny; j++)
		for (i = 0; i < x->nx; i++) {
			gx = LEFT + i * CELLW;
			gy = TOP + (x->ny - 1 - j) * CELLH;
			b = cellband(x, i, j);
			st = style(b, (int)x->m->nband);
			fprintf(fp, "<rect x=\"%g\" y=\"%g\" width=\"%g\" "
			    "height=\"%g\" fill=\"%s\" stroke=\"#fff\" "
			    "stroke-width=\"2\"/>", gx, gy, CELLW, CELLH,
			    b < 0 ? "#eeeeee" : fill[st]);
			if (b >= 0 && pattern[st])
				fprintf(fp, "<rect x=\"%g\" y=\"%g\" width=\"%g"
				    "\" height=\"%g\" fill=\"%s\" stroke=\""
				    "#fff\" stroke-width=\"2\"/>", gx, gy, CELLW,
				    CELLH, pattern[st]);
			if (b < 0)
				continue;
			fprintf(fp, "<text x=\"%g\" y=\"%g\" text-anchor=\"end\" "
			    "class=\"mx-band\">", gx + CELLW - 4, gy + CELLH - 5);
			hesc(S, fp, x->m->band[b].name);
			fputs("</text>", fp);
		}
	fputc('\n', fp);
}

static void
title1(struct sarender *S, FILE *fp, const char *s)
{
	char *c = clean(S, s);

	if (c[0] >= 'a' && c[0] <= 'z')
		c[0] = (char)(c[0] - 'a' + 'A');
	hesc(S, fp, c);
	free(c);
}

static void
axes(struct sarender *S, FILE *fp, const struct mx *x)
{
	double gw = x->nx * CELLW, gh = x->ny * CELLH;
	struct sbuf b = { 0 };
	int i;

	for (i = 0; i < x->nx; i++) {
		b.len = 0;
		fmtnum(&b, x->dx->lo + i, 0, 0);
		fprintf(fp, "<text x=\"%g\" y=\"%g\" text-anchor=\"middle\">%s"
		    "</text>", LEFT + (i + 0.5) * CELLW, TOP + gh + 16,
		    sb_str(&b));
	}
	for (i = 0; i < x->ny; i++) {
		b.len = 0;
		fmtnum(&b, x->dy->lo + i, 0, 0);
		fprintf(fp, "<text x=\"%g\" y=\"%g\" text-anchor=\"end\">%s"
		    "</text>", LEFT - 8, TOP + (x->ny - i - 0.5) * CELLH + 4,
		    sb_str(&b));
	}
	fprintf(fp, "<text x=\"%g\" y=\"%g\" text-anchor=\"middle\" class=\""
	    "mx-axis\">", LEFT + gw / 2, TOP + gh + 36);
	title1(S, fp, x->dx->name);
	fputs(" \xe2\x86\x92</text>", fp); /* → */
	fprintf(fp, "<text transform=\"translate(%g %g) rotate(-90)\" "
	    "text-anchor=\"middle\" class=\"mx-axis\">", LEFT - 36,
	    TOP + gh / 2);
	title1(S, fp, x->dy->name);
	fputs(" \xe2\x86\x92</text>\n", fp);
	sb_free(&b);
}

static void
marker(struct sarender *S, FILE *fp, double cx, double cy, int st, const char *label)
{
	fprintf(fp, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%g\" fill=\"%s\" "
	    "stroke=\"#1b1b1b\" stroke-width=\"1.2\"/><text x=\"%.1f\" y=\""
	    "%.1f\" text-anchor=\"middle\" class=\"mx-mark\" fill=\"%s\">",
	    cx, cy, R, mfill[st], cx, cy + 3.6, mtext[st]);
	hesc(S, fp, label);
	fputs("</text>", fp);
}

/* The markers of a cell side by side, in rows, in the table's order. */
static void
markers(struct sarender *S, FILE *fp, const struct mx *x, const struct tab *t)
{
	int per = (int)((CELLW - 6) / (2 * R + 3)), k, st;
	size_t r, q;
	double gx, gy;

	for (r = 0; r < t->n; r++) {
		if (x->cx[r] < 0)
			continue;
		for (k = 0, q = 0; q < r; q++)
			k += x->cx[q] == x->cx[r] && x->cy[q] == x->cy[r];
		gx = LEFT + x->cx[r] * CELLW + 4 + R + (k % per) * (2 * R + 3);
		gy = TOP + (x->ny - 1 - x->cy[r]) * CELLH + 4 + R +
		    (k / per) * (2 * R + 3);
		st = x->band[r] < 0 ? 2 : style(x->band[r], (int)x->m->nband);
		fputs("<g><title>", fp);
		hesc(S, fp, t->row[r][hdr_find(t->h, "issue")]);
		fputs("</title>", fp);
		marker(S, fp, gx, gy, st, x->label[r]);
		fputs("</g>", fp);
	}
	fputc('\n', fp);
}

/* The key: each placed issue's marker and name, in priority order. */
static void
key(struct sarender *S, FILE *fp, const struct mx *x, const struct tab *t, double kx)
{
	long ic = hdr_find(t->h, "issue");
	double y = TOP + R + 2;
	size_t r;
	int st;

	fprintf(fp, "<text x=\"%g\" y=\"%g\" class=\"mx-axis\">Priority, "
	    "issue</text>", kx, y - 6);
	y += 14;
	for (r = 0; r < t->n; r++) {
		if (x->cx[r] < 0)
			continue;
		st = x->band[r] < 0 ? 2 : style(x->band[r], (int)x->m->nband);
		marker(S, fp, kx + R, y, st, x->label[r]);
		fprintf(fp, "<text x=\"%g\" y=\"%g\">", kx + 2 * R + 6,
		    y + 4);
		hesc(S, fp, t->row[r][ic]);
		fputs("</text>", fp);
		y += LINEH;
	}
	fputc('\n', fp);
}

/* Under the matrix: what the shading means, and what is not in it. */
static void
legend(struct sarender *S, FILE *fp, const struct mx *x, const struct tab *t)
{
	long ic = hdr_find(t->h, "issue");
	size_t d, r, k;

	fputs("<p class=\"notes\">Shading: the band of each cell's ", fp);
	hesc(S, fp, x->dx->name);
	fputs(" and ", fp);
	hesc(S, fp, x->dy->name);
	for (d = 0, k = 0; d < x->m->ndim; d++) {
		if ((long)d == x->m->mx || (long)d == x->m->my ||
		    !model_uses(x->m, d))
			continue;
		fputs(k++ ? ", " : " with ", fp);
		hesc(S, fp, x->m->dim[d].name);
		fputs(" at its highest", fp);
	}
	fputs(" (hatched the highest band, dotted the middle, plain the "
	    "lowest); an issue's marker is filled by its own band (black, "
	    "grey, white) and numbered by its priority.", fp);
	for (r = 0, k = 0; r < t->n; r++) {
		if (x->cx[r] >= 0)
			continue;
		fputs(k++ ? ", " : " Not in the matrix (no risk, or no score "
		    "on an axis): ", fp);
		hesc(S, fp, t->row[r][ic]);
	}
	fputs(k ? ".</p>\n" : "</p>\n", fp);
}

void
wmatrix(struct sarender *S, FILE *fp, const struct tab *t)
{
	struct mx x = { 0 };
	double w, h, gh;
	size_t r;

	x.m = t->model;
	x.dx = &x.m->dim[x.m->mx];
	x.dy = &x.m->dim[x.m->my];
	if (!(x.nx = steps(x.dx)) || !(x.ny = steps(x.dy))) {
		if (S->verbose)
			warnx("--model: no matrix: a scale of the matrix is "
			    "not at most %d whole steps", MAXSTEPS);
		return;
	}
	place(&x, t);
	gh = x.ny * CELLH;
	w = LEFT + x.nx * CELLW + 24 + KEYW;
	h = fmax(TOP + gh + BOTTOM, TOP + 2 * R + 16 + x.nplaced * LINEH);
	fputs("<h2>", fp);
	title1(S, fp, x.dy->name);
	fputs(" \xc3\x97 ", fp); /* × */
	hesc(S, fp, x.dx->name);
	fprintf(fp, "</h2>\n<svg class=\"matrix\" width=\"%g\" height=\"%g\" "
	    "viewBox=\"0 0 %g %g\" role=\"img\" aria-label=\"", w, h, w, h);
	title1(S, fp, x.dy->name);
	fputs(" by ", fp);
	hesc(S, fp, x.dx->name);
	fputs(": each issue placed by its scores\">\n", fp);
	defs(S, fp);
	cells(S, fp, &x);
	axes(S, fp, &x);
	markers(S, fp, &x, t);
	key(S, fp, &x, t, LEFT + x.nx * CELLW + 24);
	fputs("</svg>\n", fp);
	legend(S, fp, &x, t);
	for (r = 0; r < t->n; r++)
		free(x.label[r]);
	free(x.label);
	free(x.cx);
	free(x.cy);
	free(x.band);
}
