/* msgrank: the output, one line per entry. */
#include <stdio.h>
#include <string.h>

#include "csvwrite.h"
#include "meta.h"
#include "round.h"

#include "msgrank.h"

static void
putnum(FILE *fp, int ok, double v, int dec)
{
	char buf[400]; /* DBL_MAX has 309 digits before the point */

	if (!ok)
		csvw_field(fp, "", 0, 0);
	else
		csvw_field(fp, buf, round_fmt(buf, sizeof(buf), v, dec), 0);
}

static const char *
band(const struct row *r, double mean)
{
	if (r->lcl > mean)
		return "above";
	if (r->ucl < mean)
		return "below";
	return "in line";
}

/* Fingertips' rule (SingleOverlappingCIsForOneCILevelComparer): similar
 * when the benchmark lies inside the area's interval, limits included;
 * else higher or lower, which polarity makes better or worse. With the
 * group mean as benchmark, similar is band "in line". */
static const char *
verdict(struct run *R, const struct row *r, const struct ent *e)
{
	double b = R->opt_bench == BENCH_POOLED ? e->pooled : e->mean;
	int hi;

	if (e->rank <= 0 || !r->hasci ||
	    (R->opt_bench == BENCH_POOLED ? !e->haspooled : e->of <= 0))
		return "";
	if (r->lcl <= b && b <= r->ucl)
		return "similar";
	hi = r->lcl > b;
	if (r->polarity == META_LOW)
		return hi ? "worse" : "better";
	if (r->polarity == META_HIGH)
		return hi ? "better" : "worse";
	return hi ? "higher" : "lower";
}

static void
write_header(struct run *R, FILE *fp)
{
	size_t i, n = R->opt_accuracy ? NADD : NADD - 2;
	int first = 1;

	for (i = 0; i < R->hdr->n; i++)
		if (!R->dropcol[i]) {
			csvw_str(fp, R->hdr->name[i], first);
			first = 0;
		}
	for (i = 0; i < n; i++) {
		csvw_str(fp, addname[i], first);
		first = 0;
	}
	csvw_end(fp);
}

/* vs_mean_pct: the difference as a % of the mean; for a change_pct,
 * already a percentage, the difference in percentage points. */
static void
write_ent(struct run *R, FILE *fp, const struct ent *e)
{
	const struct row *r = &R->rows[e->row];
	int dec = R->opt_by == BY_CHANGE ? 1 : 2, ranked = e->rank > 0;
	size_t i;
	int first = 1;

	for (i = 0; i < R->hdr->n; i++)
		if (!R->dropcol[i]) {
			csvw_field(fp, r->f[i], r->len[i], first);
			first = 0;
		}
	csvw_str(fp, R->gname[e->g], first);
	putnum(fp, ranked, (double)e->rank, 0);
	putnum(fp, 1, (double)e->of, 0);
	putnum(fp, e->of > 0, e->mean, dec);
	putnum(fp, ranked && e->hasvs, e->vs, 1);
	putnum(fp, ranked && r->hasci, r->lcl, dec);
	putnum(fp, ranked && r->hasci, r->ucl, dec);
	csvw_str(fp, ranked && r->hasci ? band(r, e->mean) : "", 0);
	putnum(fp, e->of > 0, e->min, dec);
	putnum(fp, e->of > 0, e->q1, dec);
	putnum(fp, e->of > 0, e->q3, dec);
	putnum(fp, e->of > 0, e->max, dec);
	putnum(fp, e->haspooled, e->pooled, dec);
	putnum(fp, e->prank > 0, (double)e->prank, 0);
	putnum(fp, e->pof > 0, (double)e->pof, 0);
	csvw_str(fp, meta_polname(r->polarity), 0);
	csvw_str(fp, verdict(R, r, e), 0);
	if (R->opt_accuracy) {
		putnum(fp, HASVAL(r, BY_ADJ), r->val[BY_ADJ], 2);
		putnum(fp, e->adjrank > 0, (double)e->adjrank, 0);
	}
	csvw_end(fp);
}

void
write_all(struct run *R, FILE *fp)
{
	size_t i;

	write_header(R, fp);
	for (i = 0; i < R->nents; i++)
		if (!R->opt_focus || strcmp(R->rows[R->ents[i].row].akey,
		    R->focuskey) == 0)
			write_ent(R, fp, &R->ents[i]);
}
