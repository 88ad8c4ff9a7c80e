/* sarender: reading the table, the -c overrides and --targets. */
#include <err.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "csvread.h"
#include "header.h"
#include "input.h"
#include "model.h"
#include "name.h"
#include "util.h"
#include "sarender.h"

#define MAXFIELD (1 << 20)

/* Two columns of one name (trimmed, any case): a lookup by name would
 * take the first and never show the second. Empty names may repeat:
 * nothing can name them. */
static void
nodup(const struct hdr *h, const char *file, long line)
{
	struct hdr u = { 0 };
	size_t *ix = xcalloc(h->n + 1, sizeof(*ix)), i;
	long j, first;

	u.key = xcalloc(h->n + 1, sizeof(char *));
	for (i = 0; i < h->n; i++)
		if (h->key[i][0] != '\0') {
			ix[u.n] = i;
			u.key[u.n++] = h->key[i];
		}
	if ((j = hdr_dup(&u, &first)) >= 0)
		errx(1, "%s:%ld: column %zu '%s' has the name of column %zu "
		    "'%s'", file, line, ix[j] + 1, h->name[ix[j]],
		    ix[first] + 1, h->name[ix[first]]);
	free(u.key);
	free(ix);
}

void
readfile(struct tab *t, const char *path)
{
	struct input *in;
	struct csvr *r;
	struct csvr_row *row;
	size_t i;
	int rc, first = 1;

	if (!(in = in_open(path)))
		err(1, "%s", path);
	t->files = xreallocarray(t->files, t->nfiles + 1, sizeof(char *));
	t->files[t->nfiles++] = xstrdup(in_name(in));
	r = csvr_open(in, ',', MAXFIELD);
	while ((rc = csvr_next(r, &row)) > 0) {
		if (row->err != CSVR_OK)
			errx(1, "%s:%ld: %s", in_name(in), row->line,
			    row->err == CSVR_EQUOTE ? "quoted field not closed" :
			    row->err == CSVR_EWIDE ? "more than 131072 fields" :
			    "field too long");
		if (first && !t->h) {
			t->h = hdr_new(row->f, row->len, row->n);
			nodup(t->h, in_name(in), row->line);
		} else if (first) {
			if (!hdr_same(t->h, row->f, row->len, row->n))
				errx(1, "%s:%ld: header differs from the "
				    "first file's", in_name(in), row->line);
		} else {
			if (row->n != t->h->n)
				errx(1, "%s:%ld: %zu fields, the header has "
				    "%zu", in_name(in), row->line, row->n,
				    t->h->n);
			if (t->n == t->cap) {
				t->cap = t->cap ? 2 * t->cap : 64;
				t->row = xreallocarray(t->row, t->cap,
				    sizeof(*t->row));
				t->line = xreallocarray(t->line, t->cap,
				    sizeof(*t->line));
				t->file = xreallocarray(t->file, t->cap,
				    sizeof(*t->file));
			}
			t->file[t->n] = t->files[t->nfiles - 1];
			t->row[t->n] = xcalloc(row->n, sizeof(char *));
			for (i = 0; i < row->n; i++)
				t->row[t->n][i] = xstrndup(row->f[i],
				    row->len[i]);
			t->line[t->n++] = row->line;
		}
		first = 0;
	}
	if (rc < 0)
		errx(1, "%s: %s", in_name(in), csvr_error(r));
	if (first && !t->h)
		errx(1, "%s: no header", in_name(in));
	csvr_close(r);
	in_close(in);
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
findroles(struct tab *t)
{
	size_t i, k;
	long j;

	for (k = 0; k < NROLE; k++)
		t->ix[k] = hdr_find(t->h, roles[k].name);
	for (i = 0; i < nover; i++) {
		char *eq = strchr(over[i], '=');

		k = (size_t)rolename(over[i], (size_t)(eq - over[i]));
		if ((j = hdr_find(t->h, eq + 1)) < 0)
			errx(1, "-c %s: no column '%s'", over[i], eq + 1);
		t->ix[k] = j;
	}
}

void
readtargets(struct tab *t, const char *path)
{
	struct input *in;
	struct csvr *r;
	struct csvr_row *row;
	struct hdr *h = NULL;
	struct target *g;
	long c[5] = { 0 }, m;
	size_t i;
	double amber;
	int rc;

	if (!(in = in_open(path)))
		err(1, "%s", path);
	r = csvr_open(in, ',', MAXFIELD);
	t->tgname = path;
	while ((rc = csvr_next(r, &row)) > 0) {
		if (row->err != CSVR_OK)
			errx(1, "%s:%ld: unreadable record (%s)", path,
			    row->line, row->err == CSVR_EWIDE ?
			    "more than 131072 fields" : row->err == CSVR_EQUOTE ?
			    "quoted field not closed" : "field too long");
		if (!h) {
			h = hdr_new(row->f, row->len, row->n);
			nodup(h, path, row->line);
			c[0] = hdr_find(h, "category");
			c[1] = hdr_find(h, "target");
			c[2] = hdr_find(h, "measure|kind");
			c[3] = hdr_find(h, "direction");
			c[4] = hdr_find(h, "amber");
			if (c[0] < 0 || c[1] < 0)
				errx(1, "%s:%ld: no column '%s'", path,
				    row->line, c[0] < 0 ? "category" :
				    "target");
			continue;
		}
		if (row->n != h->n)
			errx(1, "%s:%ld: %zu fields, the header has %zu",
			    path, row->line, row->n, h->n);
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
	if (rc < 0)
		errx(1, "%s: %s", path, csvr_error(r));
	if (!h)
		errx(1, "%s: no header", path);
	hdr_free(h);
	csvr_close(r);
	in_close(in);
}

void
freetab(struct tab *t)
{
	size_t r, c;

	for (r = 0; r < t->n; r++) {
		for (c = 0; c < t->h->n; c++)
			free(t->row[r][c]);
		free(t->row[r]);
	}
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
