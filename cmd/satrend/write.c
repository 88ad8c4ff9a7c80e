/* satrend: the output, every row in input order with the columns added. */
#include <math.h>
#include <stdio.h>

#include "csvwrite.h"
#include "num.h"

#include "satrend.h"

/* The columns satrend appends, in order. */
const char *addname[] = { "spc_baseline", "spc_mean", "spc_lpl", "spc_upl",
	"spc_signal", "trend" };
const size_t naddname = sizeof(addname) / sizeof(addname[0]);

/* spc_signal's words, in the order they are written. */
static const char *signame[] = { "outside-high", "outside-low", "run-high",
	"run-low", "trend-up", "trend-down" };

static const char *trendname[] = { "", "no change", "increasing",
	"decreasing" };

/* Fixed decimals, rounded half away from zero. */
static void
putnum(FILE *fp, int ok, double v, int dec)
{
	char buf[400]; /* %.Nf of DBL_MAX has 309 digits before the point */
	double m = pow(10, dec);

	if (!ok) {
		csvw_field(fp, "", 0, 0);
		return;
	}
	if (fabs(v) * m < 1e15)
		v = round(v * m) / m;
	csvw_field(fp, buf, num_fmt(buf, sizeof(buf), v, dec), 0);
}

static void
putsig(FILE *fp, unsigned sig)
{
	char buf[128];
	size_t i, n = 0;

	buf[0] = '\0';
	for (i = 0; i < sizeof(signame) / sizeof(signame[0]); i++)
		if (sig >> i & 1u)
			n += (size_t)snprintf(buf + n, sizeof(buf) - n, "%s%s",
			    n ? ";" : "", signame[i]);
	csvw_field(fp, buf, n, 0);
}

void
write_all(const struct run *R, FILE *fp)
{
	const struct row *r;
	int dec = R->byrate ? 3 : 2, first;
	size_t i, j, k;

	for (first = 1, i = 0; i < R->hdr->n; i++)
		if (!R->dropcol[i]) {
			csvw_str(fp, R->hdr->name[i], first);
			first = 0;
		}
	for (k = 0; k < NADD; k++, first = 0)
		csvw_str(fp, addname[k], first);
	csvw_end(fp);
	for (j = 0; j < R->nrows; j++) {
		r = &R->rows[j];
		for (first = 1, i = 0; i < R->hdr->n; i++)
			if (!R->dropcol[i]) {
				csvw_field(fp, r->f[i], r->len[i], first);
				first = 0;
			}
		csvw_str(fp, R->bases[r->base].label, first);
		putnum(fp, r->spc, r->mean, dec);
		putnum(fp, r->spc, r->lpl, dec);
		putnum(fp, r->spc, r->upl, dec);
		putsig(fp, r->sig);
		csvw_str(fp, trendname[r->trend], 0);
		csvw_end(fp);
	}
}

