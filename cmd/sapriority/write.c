/* sapriority: each issue's risk, band and priority, and the output,
 * highest risk first. */
#include <err.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "csvwrite.h"
#include "model.h"
#include "round.h"

#include "sapriority.h"

#define DEC 2 /* the decimals of a score and of the risk */

/* The risk of an issue whose every score the risk uses is there,
 * rounded as it is written: what is written is what is ranked and
 * banded. */
static void
risk(const struct run *R, struct issue *is)
{
	size_t d;
	double v;

	for (d = 0; d < R->m->ndim; d++)
		if (is->src[d] == SRC_NONE && model_uses(R->m, d)) {
			warnx("%s:%ld: issue '%s': no score for '%s' (blank, "
			    "and no evidence): no risk", R->sheetfile,
			    is->line, is->name, R->m->dim[d].name);
			return;
		}
	if (model_risk(R->m, is->score, &v) != 0)
		errx(1, "%s:%ld: issue '%s': the risk (%s) is not a number "
		    "at these scores", R->sheetfile, is->line, is->name,
		    R->m->risktext);
	is->risk = round_val(v, DEC);
	is->hasrisk = 1;
	is->band = model_band(R->m, is->risk)->name;
}

/* Highest risk first; ties, and issues without a risk, in the sheet's
 * order. */
static int
cmpiss(const void *a, const void *b)
{
	const struct issue *x = a, *y = b;

	if (x->hasrisk != y->hasrisk)
		return x->hasrisk ? -1 : 1;
	if (x->hasrisk && x->risk != y->risk)
		return x->risk > y->risk ? -1 : 1;
	return (x->line > y->line) - (x->line < y->line);
}

/* Competition ranking: equal risks share a priority, and the next
 * issue's priority counts the issues above it (1, 2, 2, 4). */
void
rank_all(struct run *R)
{
	size_t i;

	for (i = 0; i < R->niss; i++)
		risk(R, &R->iss[i]);
	if (R->niss > 1) /* qsort(NULL, 0) is undefined */
		qsort(R->iss, R->niss, sizeof(*R->iss), cmpiss);
	for (i = 0; i < R->niss && R->iss[i].hasrisk; i++)
		R->iss[i].prio = i > 0 && R->iss[i].risk == R->iss[i - 1].risk ?
		    R->iss[i - 1].prio : (long)i + 1;
}

/* At most DEC decimals, rounded half away from zero, no trailing
 * zeros: 12, 7.5, 3.33. */
static void
putnum(FILE *fp, int ok, double v)
{
	char buf[400];
	size_t n = 0;

	if (ok) {
		n = round_fmt(buf, sizeof(buf), v, DEC);
		while (n > 0 && buf[n - 1] == '0')
			n--;
		if (n > 0 && buf[n - 1] == '.')
			n--;
	}
	csvw_field(fp, buf, n, 0);
}

static const char *const srcname[] = { "", "sheet", "evidence" };

static void
header(const struct run *R, FILE *fp)
{
	struct sbuf b = { 0 };
	size_t d;

	csvw_str(fp, "issue", 1);
	csvw_str(fp, "indicator", 0);
	for (d = 0; d < R->m->ndim; d++) {
		if ((long)d == R->m->conf)
			continue;
		csvw_str(fp, R->m->dim[d].name, 0);
		b.len = 0;
		sb_adds(&b, R->m->dim[d].name);
		sb_adds(&b, "_source");
		csvw_str(fp, sb_str(&b), 0);
	}
	csvw_str(fp, "risk", 0);
	csvw_str(fp, "priority", 0);
	csvw_str(fp, "band", 0);
	csvw_str(fp, "confidence", 0);
	csvw_str(fp, "confidence_source", 0);
	csvw_str(fp, "evidence", 0);
	csvw_end(fp);
	sb_free(&b);
}

void
write_all(const struct run *R, FILE *fp)
{
	const struct issue *is;
	long c = R->m->conf;
	size_t i, d;

	header(R, fp);
	for (i = 0; i < R->niss; i++) {
		is = &R->iss[i];
		csvw_str(fp, is->name, 1);
		csvw_str(fp, is->indicator ? is->indicator : "", 0);
		for (d = 0; d < R->m->ndim; d++) {
			if ((long)d == c)
				continue;
			putnum(fp, is->src[d] != SRC_NONE, is->score[d]);
			csvw_str(fp, srcname[is->src[d]], 0);
		}
		putnum(fp, is->hasrisk, is->risk);
		putnum(fp, is->prio > 0, (double)is->prio);
		csvw_str(fp, is->band ? is->band : "", 0);
		putnum(fp, c >= 0 && is->src[c] != SRC_NONE, c >= 0 ?
		    is->score[c] : 0);
		csvw_str(fp, c >= 0 ? srcname[is->src[c]] : "", 0);
		csvw_str(fp, is->evidence, 0);
		csvw_end(fp);
	}
}
