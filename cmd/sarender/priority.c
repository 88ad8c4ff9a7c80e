/* sarender: sapriority's output, known by its columns issue, risk and
 * priority: the columns of the priority table, a score's source, the
 * notes, and --model for the matrix. */
#include <err.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "header.h"
#include "model.h"
#include "util.h"
#include "sarender.h"

int
prio_is(const struct tab *t)
{
	return hdr_find(t->h, "issue") >= 0 && hdr_find(t->h, "risk") >= 0 &&
	    hdr_find(t->h, "priority") >= 0;
}

/* The _source column of column j, or -1 when it is not a score. */
static long
sourcecol(const struct tab *t, size_t j)
{
	struct sbuf b = { 0 };
	long k;

	sb_adds(&b, t->h->name[j]);
	sb_adds(&b, "_source");
	k = hdr_find(t->h, sb_str(&b));
	sb_free(&b);
	return k;
}

/* Does any row hold something in column j? */
static int
anyval(const struct tab *t, long j)
{
	size_t r;

	for (r = 0; j >= 0 && r < t->n; r++)
		if (!isblank_s(t->row[r][j]))
			return 1;
	return 0;
}

static void
addscore(struct sarender *S, struct tab *t, size_t j, long src)
{
	struct sbuf b = { 0 };
	char *lab = clean(S, t->h->name[j]);

	if (lab[0] >= 'a' && lab[0] <= 'z')
		lab[0] = (char)(lab[0] - 'a' + 'A');
	addcol(S, t, (long)j, -1, lab);
	if (S->fmt == F_CSV) {
		sb_adds(&b, lab);
		sb_adds(&b, " source");
		addcol(S, t, src, -1, sb_str(&b));
		sb_free(&b);
	}
	free(lab);
	if (S->fmt == F_CSV)
		return;
	t->col[t->ncol - 1].kind = K_SCORE;
	t->col[t->ncol - 1].aux = src;
}

/* Without -C: priority, issue, each dimension's score (its source
 * marked, or in a column of its own in CSV), risk, band, confidence
 * and the evidence where any row has them. */
void
prio_cols(struct sarender *S, struct tab *t)
{
	static const char *const tail[][2] = { { "risk", "Risk" },
		{ "band", "Band" }, { "confidence", "Confidence" },
		{ "evidence", "Evidence" } };
	size_t i, j;
	long k;

	addcol(S, t, hdr_find(t->h, "priority"), -1, "Priority");
	addcol(S, t, hdr_find(t->h, "issue"), -1, "Issue");
	for (j = 0; j < t->h->n; j++)
		if (strcasecmp(t->h->key[j], "confidence") != 0 &&
		    (k = sourcecol(t, j)) >= 0)
			addscore(S, t, j, k);
	for (i = 0; i < sizeof(tail) / sizeof(tail[0]); i++) {
		if ((k = hdr_find(t->h, tail[i][0])) < 0 || (i > 1 &&
		    !anyval(t, k)))
			continue;
		if (i == 2 && sourcecol(t, (size_t)k) >= 0)
			addscore(S, t, (size_t)k, sourcecol(t, (size_t)k));
		else
			addcol(S, t, k, -1, tail[i][1]);
	}
}

/* A score as shown: the number, marked when the evidence gave it. */
char *
prio_score(struct sarender *S, const struct tab *t, size_t r, const struct col *c)
{
	struct sbuf b = { 0 };

	sb_adds(&b, t->row[r][c->src]);
	if (!isblank_s(t->row[r][c->src]) &&
	    strcasecmp(t->row[r][c->aux], "evidence") == 0)
		sb_addc(&b, '*');
	else if (!isblank_s(t->row[r][c->src]) && S->fmt == F_TEXT)
		sb_addc(&b, ' '); /* the digits line up with a marked score's */
	return (char *)sb_str(&b);
}

/* --model: its risk and bands for the notes, and its matrix's two
 * dimensions, which must be columns of the table. */
void
prio_model(struct tab *t, const char *path)
{
	struct model *m;
	int i;

	if (!t->prio)
		errx(1, "--model: the input is not sapriority's (no columns "
		    "issue, risk and priority)");
	m = t->model = model_read(path);
	t->mcol[0] = t->mcol[1] = -1;
	if (m->mx < 0)
		return;
	for (i = 0; i < 2; i++) {
		const char *d = m->dim[i ? m->my : m->mx].name;

		if ((t->mcol[i] = hdr_find(t->h, d)) < 0)
			errx(1, "--model %s: the input has no column '%s' for "
			    "the matrix", m->file, d);
	}
}

/* A number of the model as briefly as it is: 0.25, 12, 4.5. */
static void
shortnum(struct sbuf *b, double v)
{
	size_t n = b->len;

	fmtnum(b, v, 2, 0);
	while (memchr(b->s + n, '.', b->len - n) && b->s[b->len - 1] == '0')
		b->len--;
	if (b->len > n && b->s[b->len - 1] == '.')
		b->len--;
	b->s[b->len] = '\0';
}

/* "Risk: harm * likelihood * position (position weighted 0.25); bands:
 * high 12 or more, medium 6 or more, low below." */
static char *
modelnote(const struct model *m)
{
	struct sbuf b = { 0 };
	size_t i, k;

	sb_adds(&b, "Risk: ");
	sb_adds(&b, m->risktext);
	for (k = 0, i = 0; i < m->ndim; i++) {
		if (m->dim[i].weight == 1 || !model_uses(m, i))
			continue;
		sb_adds(&b, k++ ? ", " : " (");
		sb_adds(&b, m->dim[i].name);
		sb_adds(&b, " weighted ");
		shortnum(&b, m->dim[i].weight);
	}
	sb_adds(&b, k ? "); bands: " : "; bands: ");
	for (i = 0; i < m->nband; i++) {
		sb_adds(&b, i ? ", " : "");
		sb_adds(&b, m->band[i].name);
		if (i + 1 == m->nband) {
			sb_adds(&b, i ? " below." : " for every risk.");
			break;
		}
		sb_addc(&b, ' ');
		shortnum(&b, m->band[i].min);
		sb_adds(&b, " or more");
	}
	return (char *)sb_str(&b);
}

size_t
prio_notes(struct sarender *S, const struct tab *t, char **n)
{
	size_t k = 0, c, r;
	int mark = 0, norisk = 0;
	long risk = hdr_find(t->h, "risk");

	if (!t->prio || S->fmt == F_CSV)
		return 0;
	n[k++] = xstrdup("Priority: 1 is the highest risk; equal risks share "
	    "a priority (1, 2, 2, 4).");
	for (c = 0; c < t->ncol; c++)
		for (r = 0; t->col[c].kind == K_SCORE && r < t->n; r++)
			mark |= !isblank_s(t->row[r][t->col[c].src]) &&
			    strcasecmp(t->row[r][t->col[c].aux], "evidence") ==
			    0;
	if (mark)
		n[k++] = xstrdup("*: scored from the evidence, where the "
		    "scoring sheet left the score blank.");
	for (r = 0; r < t->n; r++)
		norisk |= isblank_s(t->row[r][risk]);
	if (norisk)
		n[k++] = xstrdup("No risk: a score the risk needs is missing, "
		    "blank in the sheet and with no evidence to stand in.");
	if (t->model)
		n[k++] = modelnote(t->model);
	return k;
}
