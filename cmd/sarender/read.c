/* sarender: reading the table, the -c overrides and --targets. */
#include <err.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "header.h"
#include "model.h"
#include "name.h"
#include "table.h"
#include "util.h"

#include "sarender.h"

/* Keep a row in one block: its n field pointers, then the fields, each
 * a string; free(t->row[r]) frees it all. One allocation a row, not one
 * a field: at 90,000 rows of 27 fields, the fields' allocations were
 * more memory than their bytes, and much of the time. */
static void
addrow(struct tab *t, const struct csvr_row *row)
{
	size_t i, len = 0;
	char **f, *p;

	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 64;
		t->row = xreallocarray(t->row, t->cap, sizeof(*t->row));
		t->line = xreallocarray(t->line, t->cap, sizeof(*t->line));
		t->file = xreallocarray(t->file, t->cap, sizeof(*t->file));
	}
	for (i = 0; i < row->n; i++)
		len += row->len[i] + 1;
	t->file[t->n] = t->files[t->nfiles - 1];
	f = t->row[t->n] = xmalloc(row->n * sizeof(char *) + len);
	p = (char *)(f + row->n);
	for (i = 0; i < row->n; i++) {
		f[i] = p;
		memcpy(p, row->f[i], row->len[i]);
		p += row->len[i];
		*p++ = '\0';
	}
	t->line[t->n++] = row->line;
}

/* A NUL byte would cut a cell short where it is shown. */
void
readfile(struct tab *t, const char *path)
{
	struct tbl in_, *in = tbl_open(&in_, path, TBL_NONUL);

	t->files = xreallocarray(t->files, t->nfiles + 1, sizeof(char *));
	t->files[t->nfiles++] = xstrdup(in->path);
	if (!t->h) {
		t->h = tbl_takehdr(in);
		t->hline = in->hline;
	} else {
		tbl_likefirst(in, t->h);
	}
	while (tbl_next(in))
		addrow(t, in->row);
	tbl_close(in);
}

int
rolename(const char *s, size_t n)
{
	int k;

	for (k = 0; k < NROLE; k++)
		if (strnieq(s, n, roles[k].name))
			return k;
	return -1;
}

/* Find each role's column, -c overrides first. */
void
findroles(struct sarender *S, struct tab *t)
{
	size_t i, k;
	long j;

	for (k = 0; k < NROLE; k++)
		t->ix[k] = hdr_find(t->h, roles[k].name);
	for (i = 0; i < S->nover; i++) {
		const char *eq = strchr(S->over[i], '='), *col = eq + 1;

		k = (size_t)rolename(S->over[i], (size_t)(eq - S->over[i]));
		if ((j = hdr_find(t->h, col)) < 0)
			tbl_missing(t->files[0], t->hline, t->h, 1, &col,
			    &roles[k].name, NULL);
		t->ix[k] = j;
	}
}

void
readtargets(struct tab *t, const char *path)
{
	struct tbl in_, *in = tbl_open(&in_, path, TBL_NONUL);
	struct csvr_row *row;
	struct target *g;
	long c[5], m;
	size_t i;
	double amber;

	t->tgname = path;
	c[0] = tbl_need(in, "category", NULL);
	c[1] = tbl_need(in, "target", NULL);
	c[2] = tbl_col(in, "measure|kind");
	c[3] = tbl_col(in, "direction");
	c[4] = tbl_col(in, "amber");
	while (tbl_next(in)) {
		row = in->row;
		t->tg = xreallocarray(t->tg, t->ntg + 1, sizeof(*t->tg));
		g = &t->tg[t->ntg];
		memset(g, 0, sizeof(*g));
		g->category = xstrdup(row->f[c[0]]);
		for (i = 0; i < t->ntg; i++)
			if (name_eq(t->tg[i].category, strlen(t->tg[i].category),
			    g->category, strlen(g->category)))
				errx(1, "%s:%ld: category '%s' given twice",
				    path, row->line, g->category);
		t->ntg++;
		if (!getnum(row->f[c[1]], &g->target))
			errx(1, "%s:%ld: column 'target': '%s' is not a "
			    "number", path, row->line, row->f[c[1]]);
		m = t->ix[R_RATE];
		if (c[2] >= 0 && !isblank_s(row->f[c[2]]) &&
		    (m = hdr_find(t->h, row->f[c[2]])) < 0)
			errx(1, "%s:%ld: column 'measure': the input has no "
			    "column '%s'", path, row->line, row->f[c[2]]);
		if (m < 0)
			errx(1, "%s:%ld: the input has no rate column",
			    path, row->line);
		g->measure = m;
		if (c[3] >= 0 && !isblank_s(row->f[c[3]])) {
			if (strcasecmp(row->f[c[3]], "higher") == 0)
				g->higher = 1;
			else if (strcasecmp(row->f[c[3]], "lower") != 0)
				errx(1, "%s:%ld: column 'direction': '%s' is "
				    "not 'lower' or 'higher'", path, row->line,
				    row->f[c[3]]);
		}
		/* Default amber margin: 5 points on a percentage, else 5 %
		 * of the target. */
		amber = strstr(t->h->key[m], "pct") ? 5 :
		    fabs(g->target) * 0.05;
		if (c[4] >= 0 && !isblank_s(row->f[c[4]]) &&
		    (!getnum(row->f[c[4]], &amber) || amber < 0))
			errx(1, "%s:%ld: column 'amber': '%s' is not a "
			    "number >= 0", path, row->line, row->f[c[4]]);
		g->amber = amber;
	}
	tbl_close(in);
}

void
freetab(struct tab *t)
{
	size_t r, c;

	for (r = 0; r < t->n; r++)
		free(t->row[r]);
	for (c = 0; c < t->ncol; c++)
		free(t->col[c].label);
	freelines(t->lift, t->nlift);
	for (c = 0; c < t->ntg; c++)
		free(t->tg[c].category);
	free(t->tg);
	free(t->row);
	free(t->line);
	free(t->file);
	free(t->cover);
	free(t->pcover);
	free(t->ratelabel);
	for (c = 0; c < t->nfiles; c++)
		free(t->files[c]);
	free(t->files);
	free(t->col);
	free(t->sup);
	free(t->rag);
	free(t->pol);
	free(t->focus);
	model_free(t->model);
	hdr_free(t->h);
}
