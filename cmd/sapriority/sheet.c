/* sapriority: the scoring sheet, one row per issue: issue, indicator,
 * a column per dimension (blank where the evidence may stand in), and
 * notes. */
#include <err.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "header.h"
#include "model.h"
#include "name.h"
#include "num.h"
#include "table.h"
#include "text.h"
#include "util.h"

#include "sapriority.h"

/* What each sheet column is: one of these, or a dimension (>= 0). */
enum { S_ISSUE = -1, S_INDICATOR = -2, S_NOTE = -3 };

struct sheet {
	struct tbl *t;
	const struct hdr *h; /* the table's */
	long *what;  /* per column: S_* or a dimension */
};

/* "FILE:LINE: column N ('name'): " before every fault in a field. */
#define BADFIELD(R, S, row, i, fmt, ...) \
	errx(1, "%s:%ld: column %ld ('%s'): " fmt, (R)->sheetfile, \
	    (row)->line, (long)(i) + 1, (S)->h->name[i], __VA_ARGS__)

/* A sheet column that is neither issue, indicator, note nor a dimension
 * would be a score read by nobody: a misspelt dimension. */
static void
sheetcols(struct run *R, struct sheet *S, long line)
{
	struct sbuf dims = { 0 };
	size_t i;
	long j;

	S->what = xcalloc(S->h->n, sizeof(*S->what));
	for (i = 0; i < S->h->n; i++) {
		const char *k = S->h->key[i];

		if (strcmp(k, "issue") == 0)
			S->what[i] = S_ISSUE;
		else if (strcmp(k, "indicator") == 0)
			S->what[i] = S_INDICATOR;
		else if (strcmp(k, "note") == 0 || strcmp(k, "notes") == 0)
			S->what[i] = S_NOTE;
		else if ((S->what[i] = model_find(R->m, k, strlen(k))) < 0) {
			for (j = 0; j < (long)R->m->ndim; j++) {
				sb_adds(&dims, j ? ", " : "");
				sb_adds(&dims, R->m->dim[j].name);
			}
			errx(1, "%s:%ld: column %zu ('%s') is no dimension of "
			    "%s (%s), nor issue, indicator or notes",
			    R->sheetfile, line, i + 1, S->h->name[i],
			    R->m->file, sb_str(&dims));
		}
	}
	if (hdr_find(S->h, "issue") < 0)
		errx(1, "%s:%ld: no column 'issue'", R->sheetfile, line);
}

/* A score: blank (evidence may stand in), or a number on the scale. */
static void
score(struct run *R, struct sheet *S, const struct csvr_row *row, size_t i,
    struct issue *is)
{
	const struct model_dim *d = &R->m->dim[S->what[i]];
	const char *s = row->f[i];
	size_t n = row->len[i];
	double v;

	trim(&s, &n);
	if (n == 0)
		return;
	if (num_dbl(s, n, &v) != 0)
		BADFIELD(R, S, row, i, "'%.*s' is not a number", (int)n, s);
	if (v < d->lo || v > d->hi)
		BADFIELD(R, S, row, i, "%.*s is off the scale %g..%g of "
		    "dimension '%s'", (int)n, s, d->lo, d->hi, d->name);
	is->score[S->what[i]] = v;
	is->src[S->what[i]] = SRC_SHEET;
}

static void
add_issue(struct run *R, struct sheet *S, const struct csvr_row *row)
{
	struct issue *is;
	const char *s;
	size_t i, n;

	if ((R->niss & (R->niss + 1)) == 0) /* niss + 1 a power of 2: grow */
		R->iss = xreallocarray(R->iss, 2 * (R->niss + 1),
		    sizeof(*R->iss));
	is = &R->iss[R->niss];
	memset(is, 0, sizeof(*is));
	is->line = row->line;
	is->ev = -1;
	is->indcol = -1;
	is->score = xcalloc(R->m->ndim, sizeof(double));
	is->src = xcalloc(R->m->ndim, sizeof(int));
	R->niss++;
	for (i = 0; i < row->n; i++) {
		s = row->f[i];
		n = row->len[i];
		trim(&s, &n);
		if (S->what[i] == S_ISSUE) {
			if (n == 0)
				BADFIELD(R, S, row, i, "%s", "an empty issue");
			is->name = xstrndup(s, n);
			name_key(&R->key, s, n);
			is->key = xstrdup(sb_str(&R->key));
		} else if (S->what[i] == S_INDICATOR) {
			is->indcol = (long)i;
			is->indicator = n ? xstrndup(s, n) : NULL;
		} else if (S->what[i] >= 0)
			score(R, S, row, i, is);
	}
}

static int
cmpkey(const void *a, const void *b)
{
	const struct issue *x = *(const struct issue *const *)a;
	const struct issue *y = *(const struct issue *const *)b;
	int c = strcmp(x->key, y->key);

	return c ? c : (x->line > y->line) - (x->line < y->line);
}

/* An issue twice: the first repeat in the sheet's order is named. */
static void
twice(const struct run *R, const struct sheet *S)
{
	const struct issue **ix = xcalloc(R->niss + 1, sizeof(*ix));
	const struct issue *dup = NULL, *orig = NULL;
	size_t i;

	for (i = 0; i < R->niss; i++)
		ix[i] = &R->iss[i];
	qsort(ix, R->niss, sizeof(*ix), cmpkey);
	for (i = 1; i < R->niss; i++)
		if (strcmp(ix[i]->key, ix[i - 1]->key) == 0 &&
		    (!dup || ix[i]->line < dup->line)) {
			dup = ix[i];
			orig = ix[i - 1];
		}
	free(ix);
	if (dup)
		errx(1, "%s:%ld: column %ld ('issue'): '%s' is given twice "
		    "(line %ld)", R->sheetfile, dup->line,
		    hdr_find(S->h, "issue") + 1, dup->name, orig->line);
}

/* Through lib/table: its faults (a ragged row, a quote never closed,
 * two columns of one name, a column without one, a NUL byte) are worded
 * as in every tool. */
void
read_sheet(struct run *R)
{
	struct sheet S = { 0 };
	struct tbl t_;

	S.t = tbl_open(&t_, R->sheetpath, TBL_NONUL | TBL_NAMED);
	S.h = S.t->h;
	R->sheetfile = xstrdup(S.t->path);
	sheetcols(R, &S, S.t->hline);
	while (tbl_next(S.t))
		add_issue(R, &S, S.t->row);
	twice(R, &S);
	free(S.what);
	tbl_close(S.t);
}
