/* satrend: reading the input: columns, periods, values and their
 * limits. */
#include <err.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "name.h"
#include "num.h"
#include "period.h"
#include "stats.h"
#include "table.h"
#include "util.h"

#include "satrend.h"

const char *colname[NCOL] = { "area", "category", "period", "count", "rate",
	"population", "per", "coverage" };

/* The kind of series a period belongs to (BY_*), or 0 for any other. */
int
bykind(const struct period *p)
{
	switch (p->kind) {
	case PER_MONTH:
		return BY_MONTH;
	case PER_QUARTER:
		return BY_QUARTER;
	case PER_YEAR:
		return BY_YEAR;
	}
	return 0;
}

long
bucket(const struct period *p)
{
	return period_bucket(bykind(p), p->first);
}

const char *
colsearch(const struct run *R, int c)
{
	return R->colover[c] ? R->colover[c] : colname[c];
}

/* Find the columns; name every missing one in a single error. */
static void
findcols(struct run *R, const struct tbl *s)
{
	unsigned need = 1u << C_AREA | 1u << C_CATEGORY | 1u << C_PERIOD |
	    1u << C_COUNT;
	const char *miss[NCOL], *role[NCOL];
	size_t i, k, n = 0;

	if (R->byrate)
		need |= 1u << C_RATE | 1u << C_POPULATION;
	for (i = 0; i < NCOL; i++) {
		R->col[i] = tbl_col(s, colsearch(R, (int)i));
		if (R->col[i] >= 0 || !((need >> i) & 1u))
			continue;
		miss[n] = colsearch(R, (int)i);
		role[n++] = colname[i];
	}
	if (n)
		tbl_missing(s->path, s->hline, s->h, n, miss, role, NULL);
	/* An input that already holds our columns (charted twice): ours
	 * win. */
	R->dropcol = xcalloc(s->h->n, sizeof(*R->dropcol));
	for (i = 0; i < s->h->n; i++)
		for (k = 0; k < NADD; k++)
			if (strcmp(s->h->key[i], addname[k]) == 0) {
				R->dropcol[i] = 1;
				warnx("%s: input column '%s' is replaced",
				    s->path, s->h->name[i]);
			}
}

static void
badfield(const struct run *R, const struct row *r, int c, const char *what)
{
	errx(1, "%s:%ld: column '%s': '%s' is %s", r->file, r->line,
	    R->hdr->name[R->col[c]], FIELD(R, r, c), what);
}

/* The period: a month, quarter or year, of the same kind as the first
 * row's. */
static void
parse_period(struct run *R, struct row *r)
{
	static const char *kname[] = { "", "a month", "a quarter", "a year" };
	struct period p;
	int k;

	if (period_parse(FIELD(R, r, C_PERIOD), FLEN(R, r, C_PERIOD), &p) !=
	    0 || !(k = bykind(&p)))
		badfield(R, r, C_PERIOD, "not a month (YYYY-MM), quarter "
		    "(YYYYqN) or year (YYYY)");
	if (!R->kind) {
		R->kind = k;
		R->kindrow = r;
	} else if (k != R->kind) {
		errx(1, "%s:%ld: column '%s': '%s' is %s, but %s:%ld has "
		    "%s: a series is of one kind of period", r->file,
		    r->line, R->hdr->name[R->col[C_PERIOD]],
		    FIELD(R, r, C_PERIOD), kname[k], R->kindrow->file,
		    R->kindrow->line, kname[R->kind]);
	}
	r->t = bucket(&p);
}

/* A number in column c: 1, or 0 when the field is empty. */
static int
getnum(const struct run *R, const struct row *r, int c, double *v)
{
	long long ll;

	if (R->col[c] < 0 || FLEN(R, r, c) == 0)
		return 0;
	if (c == C_COUNT) {
		if (num_int(FIELD(R, r, c), FLEN(R, r, c), &ll) != 0 ||
		    ll < 0 || ll > (1LL << 53))
			badfield(R, r, c, "not a count");
		*v = (double)ll;
	} else if (num_dbl(FIELD(R, r, c), FLEN(R, r, c), v) != 0 ||
	    *v < 0 || (c == C_PER && *v == 0)) {
		badfield(R, r, c, c == C_PER ? "not a number above 0" :
		    "not a number, zero or more");
	}
	return 1;
}

/* A rate that is not count x per / population (to the rate's own
 * decimals) would scale the count's limits wrongly: say so. */
static void
checkrate(const struct run *R, const struct row *r, double count,
    double pop, double per)
{
	const char *s = FIELD(R, r, C_RATE), *dot = strchr(s, '.');
	int dec = dot ? (int)strspn(dot + 1, "0123456789") : 0;
	double want = count * per / pop;

	if (fabs(want - r->v) > 0.5 * pow(10, -dec) * (1 + 1e-9) + 1e-9 * want)
		errx(1, "%s:%ld: column '%s': '%s' is not count x per / "
		    "population (%.0f x %g / %g)%s", r->file, r->line,
		    R->hdr->name[R->col[C_RATE]], s, count, per, pop,
		    R->col[C_PER] < 0 ? ": is --per right?" : "");
}

/* The value charted and, for the trend marker, its 95 % limits: exact or
 * Byar's for the count, scaled by per / population for a rate. */
static void
parse_value(struct run *R, struct row *r)
{
	double count, pop, per = R->per, cov;
	int hascount = getnum(R, r, C_COUNT, &count);

	if (!R->byrate) {
		if ((r->hasv = hascount))
			r->v = count;
		pop = per = 1;
	} else {
		r->hasv = getnum(R, r, C_RATE, &r->v);
		if (!getnum(R, r, C_POPULATION, &pop) || pop == 0)
			hascount = 0;
		if (R->col[C_PER] >= 0 && !getnum(R, r, C_PER, &per))
			hascount = 0;
		if (r->hasv && hascount)
			checkrate(R, r, count, pop, per);
	}
	/* A period the data does not fill (crimerate --allow-partial):
	 * its count is not the period's, so the series is not charted. */
	if (getnum(R, r, C_COVERAGE, &cov) && cov < 1)
		r->hasv = 0;
	if (r->hasv && hascount) {
		stats_pois_ci((long long)count, 0.95, &r->lo, &r->hi);
		r->lo *= per / pop;
		r->hi *= per / pop;
		r->hasci = 1;
	}
}

/* The series key of a name field: trimmed, spaces collapsed, case
 * folded (lib/name.h); an empty name is an error. */
static char *
keyof(const struct run *R, const struct row *r, int c, struct sbuf *b)
{
	if (name_key(b, FIELD(R, r, c), FLEN(R, r, c)) == 0)
		badfield(R, r, c, "empty");
	return xstrdup(sb_str(b));
}

static void
add_row(struct run *R, const struct csvr_row *in, const char *file)
{
	struct row *r;

	if (R->nrows == R->cap) {
		R->cap = R->cap ? 2 * R->cap : 256;
		R->rows = xreallocarray(R->rows, R->cap, sizeof(*R->rows));
	}
	r = &R->rows[R->nrows++];
	memset(r, 0, sizeof(*r));
	tbl_keep(in, &r->f, &r->len);
	r->file = file;
	r->line = in->line;
	r->akey = keyof(R, r, C_AREA, &R->key);
	r->ckey = keyof(R, r, C_CATEGORY, &R->key);
	parse_period(R, r);
	parse_value(R, r);
}

void
read_file(struct run *R, const char *path)
{
	struct tbl s_, *s = tbl_open(&s_, path, TBL_NONUL);

	R->files = xreallocarray(R->files, R->nfiles + 1, sizeof(*R->files));
	R->files[R->nfiles++] = xstrdup(s->path);
	if (!R->hdr) {
		findcols(R, s);
		R->hdr = tbl_takehdr(s);
	} else {
		tbl_likefirst(s, R->hdr);
	}
	while (tbl_next(s))
		add_row(R, s->row, R->files[R->nfiles - 1]);
	tbl_close(s);
}
