/* sapriority: the evidence (msgrank's ranked rows): each issue's row,
 * the scores it gives a dimension the sheet left blank, and the
 * evidence in words. */
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

const char *colname[NCOL] = { "category", "area", "verdict", "change_pct",
	"change_sig", "trend", "harm_share" };

static const char *
colsearch(const struct run *R, int c)
{
	return R->colover[c] ? R->colover[c] : colname[c];
}

/* The column a model's rule reads: its own name, or another by -c
 * when it names one of ours. */
static long
rulecol(const struct run *R, const struct model_rule *r)
{
	size_t i;

	for (i = 0; i < NCOL; i++)
		if (strcasecmp(r->column, colname[i]) == 0)
			return R->col[i];
	return hdr_find(R->hdr, r->column);
}

/* A column named by the model's evidence that the input lacks gives no
 * evidence: said once, as a misspelt name would be silent otherwise. */
static void
modelcols(const struct run *R, const char *file)
{
	const struct model *m = R->m;
	const struct model_rule *r, *q;
	size_t i, j, k, l;
	int seen;

	for (i = 0; i < m->ndim; i++)
		for (j = 0; j < m->dim[i].nrule; j++) {
			r = &m->dim[i].rule[j];
			for (seen = 0, k = 0; k <= i && !seen; k++)
				for (l = 0; l < m->dim[k].nrule && !seen; l++) {
					q = &m->dim[k].rule[l];
					if (q == r)
						break;
					seen = strcasecmp(q->column,
					    r->column) == 0;
				}
			if (!seen && rulecol(R, r) < 0)
				warnx("%s: no column '%s': the evidence of "
				    "%s:%ld gives nothing", file, r->column,
				    m->file, r->line);
		}
}

static void
findcols(struct run *R, const char *file)
{
	size_t i;

	for (i = 0; i < NCOL; i++)
		R->col[i] = hdr_find(R->hdr, colsearch(R, (int)i));
	for (i = 0; i < NCOL; i++)
		if (R->colover[i] && R->col[i] < 0)
			errx(1, "%s:1: -c %s=%s: no column '%s'", file,
			    colname[i], R->colover[i], R->colover[i]);
	if (R->area && R->col[C_AREA] < 0)
		errx(1, "%s:1: --area: no column '%s'", file,
		    colsearch(R, C_AREA));
	modelcols(R, file);
}

/* The key of a name field, or NULL when the column is absent or the
 * field empty. */
static char *
keyof(struct run *R, const struct erow *e, int c)
{
	if (R->col[c] < 0 || name_key(&R->key, e->f[R->col[c]],
	    e->len[R->col[c]]) == 0)
		return NULL;
	return xstrdup(sb_str(&R->key));
}

static void
add_row(struct run *R, const struct csvr_row *in, const char *file)
{
	struct erow *e;
	size_t i, size;
	char *p;

	if (R->nrows == R->cap) {
		R->cap = R->cap ? 2 * R->cap : 64;
		R->rows = xreallocarray(R->rows, R->cap, sizeof(*R->rows));
	}
	e = &R->rows[R->nrows++];
	memset(e, 0, sizeof(*e));
	for (i = 0, size = 0; i < in->n; i++)
		size += in->len[i] + 1;
	e->f = xcalloc(in->n, sizeof(*e->f));
	e->len = xcalloc(in->n, sizeof(*e->len));
	p = xmalloc(size);
	for (i = 0; i < in->n; i++) {
		e->f[i] = p;
		memcpy(p, in->f[i], in->len[i]);
		p[in->len[i]] = '\0';
		p += in->len[i] + 1;
		e->len[i] = in->len[i];
	}
	e->file = file;
	e->line = in->line;
	e->ckey = keyof(R, e, C_CATEGORY);
	e->akey = keyof(R, e, C_AREA);
}

/* Through lib/table, as every tool reads; several files must have the
 * first one's header. */
void
read_evidence(struct run *R, const char *path)
{
	struct tbl s_, *s = tbl_open(&s_, path, TBL_NONUL);
	const char *name;

	R->files = xreallocarray(R->files, R->nfiles + 1, sizeof(*R->files));
	name = R->files[R->nfiles++] = xstrdup(s->path);
	if (!R->hdr) {
		R->hdr = tbl_takehdr(s);
		findcols(R, name);
	} else
		tbl_likefirst(s, R->hdr);
	while (tbl_next(s))
		add_row(R, s->row, name);
	tbl_close(s);
}

/* ---- an issue's row ---- */

_Noreturn static void
badind(const struct run *R, const struct issue *is, const char *why)
{
	errx(1, "%s:%ld: column %ld ('indicator'): '%s' %s", R->sheetfile,
	    is->line, is->indcol + 1, is->indicator, why);
}

static void
findrow(struct run *R, struct issue *is)
{
	char *ak = NULL;
	size_t i, other = 0;
	long first = -1;

	if (R->col[C_CATEGORY] < 0)
		errx(1, "%s:1: no column '%s' (the sheet's line %ld names an "
		    "indicator)", R->files[0], colsearch(R, C_CATEGORY),
		    is->line);
	if (R->area) {
		name_key(&R->key, R->area, strlen(R->area));
		ak = xstrdup(sb_str(&R->key));
	}
	name_key(&R->key, is->indicator, strlen(is->indicator));
	for (i = 0; i < R->nrows; i++) {
		const struct erow *e = &R->rows[i];

		if (!e->ckey || strcmp(e->ckey, sb_str(&R->key)) != 0)
			continue;
		if (ak && (!e->akey || strcmp(e->akey, ak) != 0)) {
			other++;
			continue;
		}
		if (first >= 0 && ak)
			errx(1, "%s:%ld: indicator '%s' for area '%s' again "
			    "(%s:%ld)", e->file, e->line, is->indicator,
			    R->area, R->rows[first].file,
			    R->rows[first].line);
		if (first >= 0)
			errx(1, "%s:%ld: column %ld ('indicator'): '%s' has "
			    "rows for several areas (%s:%ld and %s:%ld): give "
			    "--area", R->sheetfile, is->line, is->indcol + 1,
			    is->indicator, R->rows[first].file,
			    R->rows[first].line, e->file, e->line);
		first = (long)i;
	}
	free(ak);
	if (first < 0 && other)
		badind(R, is, "has no row for the area given by --area");
	if (first < 0)
		badind(R, is, "is in none of the evidence's rows");
	is->ev = first;
}

/* The trimmed field of column name in row e; NULL when absent or
 * empty. */
static const char *
cell(const struct run *R, const struct erow *e, long col, size_t *n)
{
	const char *s;

	if (col < 0)
		return NULL;
	s = e->f[col];
	*n = e->len[col];
	trim(&s, n);
	return *n ? s : NULL;
}

static double
cellnum(const struct run *R, const struct erow *e, long col, const char *s,
    size_t n)
{
	double v;

	if (num_dbl(s, n, &v) != 0)
		errx(1, "%s:%ld: column '%s': '%.*s' is not a number", e->file,
		    e->line, R->hdr->name[col], (int)n, s);
	return v;
}

static int
holds(const struct run *R, const struct erow *e, long col,
    const struct model_rule *r, const char *s, size_t n)
{
	double v;

	if (!r->isnum) {
		int eq = name_eq(s, n, r->word, strlen(r->word));

		return r->op == MODEL_EQ ? eq : !eq;
	}
	v = cellnum(R, e, col, s, n);
	switch (r->op) {
	case MODEL_EQ: return v == r->num;
	case MODEL_NE: return v != r->num;
	case MODEL_GE: return v >= r->num;
	case MODEL_LE: return v <= r->num;
	case MODEL_GT: return v > r->num;
	}
	return v < r->num;
}

/* Dimension d's score from the evidence row e: a map's score (else the
 * base) plus every step whose condition holds, kept on the scale. 0
 * when no rule's column has a value: no evidence. */
static int
evscore(const struct run *R, const struct erow *e, size_t d, double *out)
{
	const struct model_dim *dim = &R->m->dim[d];
	double v = dim->base, x;
	const char *s;
	size_t i, k, n;
	int any = 0, pass;

	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < dim->nrule; i++) {
			const struct model_rule *r = &dim->rule[i];
			long col = rulecol(R, r);

			if ((r->kind == MODEL_MAP) != (pass == 0) ||
			    !(s = cell(R, e, col, &n)))
				continue;
			any = 1;
			if (r->kind == MODEL_STEP) {
				if (holds(R, e, col, r, s, n))
					v += r->step;
				continue;
			}
			x = cellnum(R, e, col, s, n);
			for (k = r->nmap; k-- > 0;)
				if (x >= r->thr[k]) {
					v = r->score[k];
					break;
				}
		}
	*out = fmin(fmax(v, dim->lo), dim->hi);
	return any;
}

/* "rate worse than MSG; +29.0 % significant; increasing; 12.5 % of
 * harm": what the row says, in the order a committee reads it. */
static char *
words(const struct run *R, const struct erow *e)
{
	struct sbuf b = { 0 };
	const char *s, *sig;
	size_t n, sn;

	if ((s = cell(R, e, R->col[C_VERDICT], &n))) {
		sb_adds(&b, "rate ");
		sb_add(&b, s, n);
		sb_adds(&b, name_eq(s, n, "similar", 7) ? " to MSG" :
		    " than MSG");
	}
	if ((s = cell(R, e, R->col[C_CHANGE_PCT], &n))) {
		sb_adds(&b, b.len ? "; " : "");
		if (*s != '-' && *s != '+' && cellnum(R, e,
		    R->col[C_CHANGE_PCT], s, n) != 0)
			sb_addc(&b, '+');
		sb_add(&b, s, n);
		sb_adds(&b, " %");
		if ((sig = cell(R, e, R->col[C_CHANGE_SIG], &sn)))
			sb_adds(&b, name_eq(sig, sn, "none", 4) ?
			    " not significant" : " significant");
	}
	if ((s = cell(R, e, R->col[C_TREND], &n))) {
		sb_adds(&b, b.len ? "; " : "");
		if (name_eq(s, n, "no change", 9))
			sb_adds(&b, "no trend");
		else
			sb_add(&b, s, n);
	}
	if ((s = cell(R, e, R->col[C_HARM], &n))) {
		sb_adds(&b, b.len ? "; " : "");
		sb_add(&b, s, n);
		sb_adds(&b, " % of harm");
	}
	return (char *)sb_str(&b);
}

void
evidence_all(struct run *R)
{
	struct issue *is;
	size_t i, d;
	double v;

	for (i = 0; i < R->niss; i++) {
		is = &R->iss[i];
		if (!is->indicator) {
			is->evidence = xstrdup("");
			continue;
		}
		findrow(R, is);
		is->evidence = words(R, &R->rows[is->ev]);
		for (d = 0; d < R->m->ndim; d++)
			if (is->src[d] == SRC_NONE &&
			    evscore(R, &R->rows[is->ev], d, &v)) {
				is->score[d] = v;
				is->src[d] = SRC_EVIDENCE;
			}
	}
}
