/* sarender: suppression, RAG status and the focus area, row by row. */
#include <err.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "header.h"
#include "meta.h"
#include "name.h"
#include "util.h"
#include "sarender.h"

/* A number of column k of row r, in [lo, hi], or exit naming it as
 * not what. */
static double
rownum(struct tab *t, size_t r, int k, double lo, double hi,
    const char *what)
{
	const char *s = t->row[r][t->ix[k]];
	double v;

	if (!getnum(s, &v) || v < lo || v > hi)
		errx(1, "%s:%ld: column '%s': '%s' is not %s", t->file[r],
		    t->line[r], t->h->name[t->ix[k]], s, what);
	return v;
}

/* The rate's per: one for the table ("Rate per 100,000"), or 0 when
 * the rows differ, and then each rate says its own. Without a per
 * column, 1,000 as crimerate's default. */
void
readper(struct tab *t)
{
	struct sbuf b = { 0 };
	size_t r;
	double v;
	int first = 1;

	t->per = 1000;
	if (t->ix[R_PER] < 0)
		return;
	/* a percentage says so in its cells: its per 100 is not another */
	for (r = 0; r < t->n; r++) {
		v = rownum(t, r, R_PER, 1e-300, 1e9, "a number above 0, at most 10^9");
		if (t->ix[R_KIND] >= 0 &&
		    strcasecmp(t->row[r][t->ix[R_KIND]], "percentage") == 0)
			continue;
		if (first)
			t->per = v;
		else if (v != t->per)
			t->per = 0;
		first = 0;
	}
	sb_adds(&b, "Rate");
	if (t->per > 0) {
		sb_adds(&b, " per ");
		fmtnum(&b, t->per, t->per == floor(t->per) ? 0 : 6, 0);
	}
	t->ratelabel = (char *)sb_str(&b);
}

/* coverage and prev_coverage: 1 where absent or empty. */
void
readcover(struct tab *t)
{
	size_t r;

	t->cover = xcalloc(t->n + 1, sizeof(*t->cover));
	t->pcover = xcalloc(t->n + 1, sizeof(*t->pcover));
	for (r = 0; r < t->n; r++) {
		t->cover[r] = t->pcover[r] = 1;
		if (t->ix[R_COVERAGE] >= 0 &&
		    !isblank_s(t->row[r][t->ix[R_COVERAGE]]))
			t->cover[r] = rownum(t, r, R_COVERAGE, 0, 1,
			    "a coverage from 0 to 1");
		if (t->ix[R_PREV_COVERAGE] >= 0 &&
		    !isblank_s(t->row[r][t->ix[R_PREV_COVERAGE]]))
			t->pcover[r] = rownum(t, r, R_PREV_COVERAGE, 0,
			    1, "a coverage from 0 to 1");
	}
}

/* --focus names no area of the rows: an error, as in msgrank, with the
 * one meant when it is a slip (lib/name's edit distance on the keys). */
static void
nofocus(struct sarender *S, const struct tab *t)
{
	struct sbuf fk = { 0 };
	struct sbuf *k = xcalloc(t->n + 1, sizeof(*k));
	const char **keys = xcalloc(t->n + 1, sizeof(*keys));
	const char *s;
	long near;
	size_t r;

	for (r = 0; r < t->n; r++) {
		s = t->row[r][t->ix[R_AREA]];
		name_key(&k[r], s, strlen(s));
		keys[r] = sb_str(&k[r]);
	}
	name_key(&fk, S->focusarea, strlen(S->focusarea));
	near = name_near(sb_str(&fk), keys, t->n);
	if (near >= 0)
		errx(1, "--focus: no row has area '%s'; did you mean '%s'?",
		    S->focusarea, t->row[near][t->ix[R_AREA]]);
	errx(1, "--focus: no row has area '%s'", S->focusarea);
}

void
flagrows(struct sarender *S, struct tab *t)
{
	size_t r, nfocus = 0;

	t->sup = xcalloc(t->n, 1);
	t->focus = xcalloc(t->n, 1);
	if (S->suppress >= 0)
		suppressrows(S, t);
	for (r = 0; r < t->n; r++) {
		if (S->focusarea && t->ix[R_AREA] >= 0 &&
		    name_eq(t->row[r][t->ix[R_AREA]],
		    strlen(t->row[r][t->ix[R_AREA]]), S->focusarea,
		    strlen(S->focusarea)))
			t->focus[r] = 1, nfocus++;
	}
	if (S->focusarea && nfocus == 0)
		nofocus(S, t);
	if (nfocus == t->n) /* every row marked says nothing */
		memset(t->focus, 0, t->n);
}

static int
decimals(int kind)
{
	return kind == K_DEC ? 2 : kind == K_PCT ? 1 : 0;
}

static int
grade(double v, double green, double amber, int higher)
{
	if (higher)
		v = -v, green = -green, amber = -amber;
	return v <= green ? RAG_GREEN : v <= amber ? RAG_AMBER : RAG_RED;
}

/* Judge a row against its category's target, else the thresholds on the
 * change. Values are compared as printed, so what the reader sees agrees
 * with the colour. */
static int
ragrow(struct sarender *S, struct tab *t, size_t r)
{
	struct target *g = NULL;
	double v, a;
	size_t i;
	long c;
	int k;

	if (PARTIAL(t, r)) /* part of a period is not judged */
		return RAG_NONE;
	for (i = 0; t->ntg && i < t->ntg; i++)
		if (name_eq(t->tg[i].category, strlen(t->tg[i].category),
		    t->row[r][t->ix[R_CATEGORY]],
		    strlen(t->row[r][t->ix[R_CATEGORY]])))
			g = &t->tg[i];
	if (g) {
		g->used = 1;
		c = g->measure;
		if (t->sup[r] & colsup(t, c) || !getnum(t->row[r][c], &v))
			return RAG_NONE;
		for (k = K_TEXT, i = 0; i < NROLE; i++)
			if (t->ix[i] == c)
				k = roles[i].kind;
		v = k == K_TEXT ? v : round1(v, decimals(k));
		a = g->higher ? g->target - g->amber : g->target + g->amber;
		return grade(v, g->target, a, g->higher);
	}
	if ((t->ntg && !S->opt_rag) || (c = t->ix[R_CHANGE_PCT]) < 0 ||
	    t->sup[r] & colsup(t, c) || !getnum(t->row[r][c], &v) ||
	    t->pol[r] == META_NONE)
		return RAG_NONE;
	/* Where higher is better, a fall is judged as a rise would be. */
	v = round1(v, 1);
	return grade(t->pol[r] == META_HIGH ? -v : v, S->ragg, S->raga, 0);
}

/* Each row's polarity: --indicators by category, else the polarity
 * column (msgrank's), else unknown, judged as lower is better. */
void
readpolarity(struct sarender *S, struct tab *t)
{
	const struct meta_ind *d;
	struct meta *m = NULL;
	const char *s;
	size_t r;
	int p;

	t->pol = xcalloc(t->n + 1, 1);
	if (S->opt_indicators && t->ix[R_CATEGORY] < 0)
		errx(1, "--indicators: the input has no column 'category'");
	if (S->opt_indicators)
		m = meta_read(S->opt_indicators);
	else if (t->ix[R_POLARITY] < 0 && S->verbose)
		warnx("no --indicators and no polarity column: thresholds on "
		    "the change take lower as better");
	for (r = 0; r < t->n; r++) {
		if (m) {
			s = t->row[r][t->ix[R_CATEGORY]];
			d = meta_find(m, s, strlen(s));
			t->pol[r] = d ? (unsigned char)d->polarity : META_UNKNOWN;
			continue;
		}
		if (t->ix[R_POLARITY] < 0)
			continue;
		s = t->row[r][t->ix[R_POLARITY]];
		if ((p = meta_polarity(s, strlen(s))) < 0)
			errx(1, "%s:%ld:%ld: column '%s': '%s' is not low, "
			    "high or none", t->file[r], t->line[r],
			    t->ix[R_POLARITY] + 1,
			    t->h->name[t->ix[R_POLARITY]], s);
		t->pol[r] = (unsigned char)p;
	}
	meta_free(m);
}

void
ragall(struct sarender *S, struct tab *t)
{
	size_t r;

	t->rag = xcalloc(t->n, 1);
	if (!S->hasrag)
		return;
	for (r = 0; r < t->n; r++)
		t->rag[r] = (unsigned char)ragrow(S, t, r);
	for (r = 0; r < t->ntg; r++)
		if (!t->tg[r].used)
			warnx("%s: category '%s' is in no row", t->tgname,
			    t->tg[r].category);
}
