/* sarender: suppression, RAG status and the focus area, row by row. */
#include <err.h>
#include <string.h>

#include "util.h"
#include "sarender.h"

void
flagrows(struct tab *t)
{
	size_t r, nfocus = 0;

	t->sup = xcalloc(t->n, 1);
	t->focus = xcalloc(t->n, 1);
	if (suppress >= 0)
		suppressrows(t);
	for (r = 0; r < t->n; r++) {
		if (focusarea && t->ix[R_AREA] >= 0 &&
		    strcasecmp(t->row[r][t->ix[R_AREA]], focusarea) == 0)
			t->focus[r] = 1, nfocus++;
	}
	if (focusarea && nfocus == 0)
		warnx("--focus: no row has area '%s'", focusarea);
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
ragrow(struct tab *t, size_t r)
{
	struct target *g = NULL;
	double v, a;
	size_t i;
	long c;
	int k;

	for (i = 0; t->ntg && i < t->ntg; i++)
		if (strcasecmp(t->tg[i].category,
		    t->row[r][t->ix[R_CATEGORY]]) == 0)
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
	if ((t->ntg && !opt_rag) || (c = t->ix[R_CHANGE_PCT]) < 0 ||
	    t->sup[r] & colsup(t, c) || !getnum(t->row[r][c], &v))
		return RAG_NONE;
	return grade(round1(v, 1), ragg, raga, 0);
}

void
ragall(struct tab *t)
{
	size_t r;

	t->rag = xcalloc(t->n, 1);
	if (!hasrag)
		return;
	for (r = 0; r < t->n; r++)
		t->rag[r] = (unsigned char)ragrow(t, r);
	for (r = 0; r < t->ntg; r++)
		if (!t->tg[r].used)
			warnx("%s: category '%s' is in no row", t->tgname,
			    t->tg[r].category);
}
