/* satrend: statistical process control and a trend marker for series.
 *
 * Reads series (crimerate --by month|quarter|year, or any CSV with area,
 * category, period and a count) and writes every row back, in input
 * order, with an XmR chart as NHS England's "Making Data Count" draws it
 * (the rules of NHSRplotthedots, R/ptd_spc_standard.R and
 * R/ptd_calculate_point_type.R) and Fingertips' recent-trend marker
 * (TrendMarkerCalculator.cs) appended.
 *
 * A series is one area and category, ordered by period. All rows are read
 * first (a chart needs its whole series, and rows may come in any order),
 * then sorted by series and period through an index, checked (one kind
 * of period, no period twice, no gap) and charted. */
#include <err.h>
#include <getopt.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvread.h"
#include "csvwrite.h"
#include "header.h"
#include "input.h"
#include "name.h"
#include "num.h"
#include "output.h"
#include "period.h"
#include "stats.h"
#include "util.h"

#define MAXFIELD (1 << 20)
#define MINBASE 12 /* never fewer baseline points (NHSRplotthedots) */
#define TPOINTS 5  /* the trend marker's points (Fingertips) */
/* Fingertips' ChiSquareConfidence: chi-square on 1 df at 99.8 %. */
#define TCHI2 9.54953570608324

/* The input columns satrend reads. */
enum { C_AREA, C_CATEGORY, C_PERIOD, C_COUNT, C_RATE, C_POPULATION,
	C_PER, NCOL };
static const char *colname[NCOL] = { "area", "category", "period", "count",
	"rate", "population", "per" };

/* The columns satrend appends, in order. */
static const char *addname[] = { "spc_baseline", "spc_mean", "spc_lpl",
	"spc_upl", "spc_signal", "trend" };
#define NADD (sizeof(addname) / sizeof(addname[0]))

/* spc_signal's words, in the order they are written. */
enum { S_OUT_HIGH = 1, S_OUT_LOW = 2, S_RUN_HIGH = 4, S_RUN_LOW = 8,
	S_TREND_UP = 16, S_TREND_DOWN = 32 };
static const char *signame[] = { "outside-high", "outside-low", "run-high",
	"run-low", "trend-up", "trend-down" };

enum { T_NONE, T_NOCHANGE, T_UP, T_DOWN };
static const char *trendname[] = { "", "no change", "increasing",
	"decreasing" };

struct row {
	char **f;          /* the input fields, owned, NUL-terminated */
	size_t *len;
	char *akey, *ckey; /* the series: area and category keys (name.h) */
	const char *file;
	long line;
	long t;            /* the period as a bucket number */
	double v;          /* the value charted */
	int hasv;
	double lo, hi;     /* the value's 95 % limits, for the trend marker */
	int hasci;
	/* the results */
	size_t base;       /* index into baselines[], 0 when none */
	double mean, lpl, upl;
	int spc;           /* mean and limits set */
	unsigned sig;      /* S_* */
	int trend;         /* T_* */
};

/* One series' baseline, as written in spc_baseline. */
struct base {
	char label[2 * PERIOD_LABEL + 2];
};

/* What one run works with: the options, then the data. */
struct run {
	const char *out;
	int byrate;              /* --value rate */
	double per;              /* --per, when there is no per column */
	int hasper;
	long runlen, trendlen;   /* points */
	long basen;              /* --baseline N: the first N points */
	struct period bfrom, bto; /* --baseline FROM..TO */
	int hasbrange;
	char *colover[NCOL];

	long col[NCOL];          /* index of each input column, or -1 */
	struct hdr *hdr;         /* the first file's header */
	int *dropcol;            /* input columns replaced by ours */
	char **files;
	size_t nfiles;
	struct row *rows;
	size_t nrows, cap;
	int kind;                /* BY_MONTH, BY_QUARTER, BY_YEAR; 0 unset */
	const struct row *kindrow; /* the row that set it */
	struct base *bases;
	size_t nbases;
	long nshort, nmissing;   /* series left without a chart */
	long nflat;              /* series whose baseline does not vary */
	const struct row *firstshort, *firstmissing, *firstflat;
	long shortn;
	struct sbuf key;         /* scratch for name keys */
};

static void
usage(FILE *fp, int status)
{
	fputs("usage: satrend [-c NAME=COLUMN] [-o FILE] "
	    "[--baseline FROM..TO|N] [--per N]\n"
	    "               [--run-length N] [--trend-length N] "
	    "[--value count|rate]\n"
	    "               [FILE ...]\n", fp);
	exit(status);
}

/* ---- options ---- */

static void
setcol(struct run *R, const char *arg)
{
	const char *column;
	long i = hdr_role(arg, colname, NCOL, &column);

	if (i < 0 || !*column) {
		warnx("-c: '%s' is not NAME=COLUMN with NAME area, category, "
		    "period, count, rate, population or per", arg);
		usage(stderr, 2);
	}
	free(R->colover[i]);
	R->colover[i] = xstrdup(column);
}

/* A whole number lo..hi for option name, or a usage error. */
static long
longopt(const char *name, const char *s, long lo, long hi)
{
	long long v;

	if (num_int(s, strlen(s), &v) != 0 || v < lo || v > hi) {
		warnx("%s: '%s' is not a whole number from %ld to %ld", name,
		    s, lo, hi);
		usage(stderr, 2);
	}
	return (long)v;
}

/* The kind of series a period belongs to (BY_*), or 0 for any other. */
static int
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

static long
bucket(const struct period *p)
{
	return period_bucket(bykind(p), p->first);
}

/* --baseline FROM..TO (two periods of one kind, 12 or more of them) or
 * N (the first N points, 12 or more). */
static void
setbase(struct run *R, const char *s)
{
	const char *dots = strstr(s, "..");
	size_t n = strlen(s);

	if (!dots) {
		R->basen = longopt("--baseline", s, MINBASE, 1000000);
		R->hasbrange = 0;
		return;
	}
	if (period_parse(s, (size_t)(dots - s), &R->bfrom) != 0 ||
	    period_parse(dots + 2, n - (size_t)(dots - s) - 2, &R->bto) !=
	    0 || !bykind(&R->bfrom) || R->bfrom.kind != R->bto.kind) {
		warnx("--baseline: '%s' is not FROM..TO, two months "
		    "(YYYY-MM), quarters (YYYYqN) or years (YYYY)", s);
		usage(stderr, 2);
	}
	if (bucket(&R->bto) - bucket(&R->bfrom) + 1 < MINBASE) {
		warnx("--baseline: '%s' is %ld points; a baseline needs at "
		    "least %d", s, bucket(&R->bto) - bucket(&R->bfrom) + 1,
		    MINBASE);
		usage(stderr, 2);
	}
	R->hasbrange = 1;
}

static void
setvalue(struct run *R, const char *s)
{
	if (strcmp(s, "count") == 0)
		R->byrate = 0;
	else if (strcmp(s, "rate") == 0)
		R->byrate = 1;
	else {
		warnx("--value: '%s' is neither count nor rate", s);
		usage(stderr, 2);
	}
}

static void
setper(struct run *R, const char *s)
{
	if (num_dbl(s, strlen(s), &R->per) != 0 || R->per <= 0) {
		warnx("--per: '%s' is not a number above 0", s);
		usage(stderr, 2);
	}
	R->hasper = 1;
}

/* ---- reading ---- */

struct src {
	struct input *in;
	struct csvr *r;
	struct hdr *h;
	const char *name;
};

static void
src_open(struct src *s, const char *path)
{
	struct csvr_row *row;
	int rc;

	if (!(s->in = in_open(path)))
		err(1, "%s", path);
	s->name = in_name(s->in);
	s->r = csvr_open(s->in, ',', MAXFIELD);
	if ((rc = csvr_next(s->r, &row)) < 0)
		errx(1, "%s: %s", s->name, csvr_error(s->r));
	if (rc == 0)
		errx(1, "%s: empty: no header", s->name);
	if (row->err != CSVR_OK || row->nul)
		errx(1, "%s:%ld: a bad header", s->name, row->line);
	s->h = hdr_new(row->f, row->len, row->n);
}

/* The next row, checked: 1, or 0 at end of input. */
static int
src_next(struct src *s, struct csvr_row **row)
{
	int rc = csvr_next(s->r, row);

	if (rc < 0)
		errx(1, "%s: %s", s->name, csvr_error(s->r));
	if (rc == 0)
		return 0;
	if ((*row)->err == CSVR_ETOOLONG)
		errx(1, "%s:%ld: a field longer than %d bytes", s->name,
		    (*row)->line, MAXFIELD);
	if ((*row)->err == CSVR_EQUOTE)
		errx(1, "%s:%ld: a quoted field is never closed", s->name,
		    (*row)->line);
	if ((*row)->nul)
		errx(1, "%s:%ld: a NUL byte", s->name, (*row)->line);
	if ((*row)->n != s->h->n)
		errx(1, "%s:%ld: %zu fields, the header has %zu", s->name,
		    (*row)->line, (*row)->n, s->h->n);
	return 1;
}

static const char *
colsearch(const struct run *R, int c)
{
	return R->colover[c] ? R->colover[c] : colname[c];
}

/* Find the columns; name every missing one in a single error. */
static void
findcols(struct run *R, const struct src *s)
{
	unsigned need = 1u << C_AREA | 1u << C_CATEGORY | 1u << C_PERIOD |
	    1u << C_COUNT;
	struct sbuf miss = { 0 };
	size_t i, k;

	if (R->byrate)
		need |= 1u << C_RATE | 1u << C_POPULATION;
	for (i = 0; i < NCOL; i++) {
		R->col[i] = hdr_find(s->h, colsearch(R, (int)i));
		if (R->col[i] >= 0 || !((need >> i) & 1u))
			continue;
		sb_adds(&miss, miss.len ? ", '" : "'");
		sb_adds(&miss, colsearch(R, (int)i));
		sb_addc(&miss, '\'');
	}
	if (miss.len)
		errx(1, "%s:1: no column %s", s->name, sb_str(&miss));
	sb_free(&miss);
	/* An input that already holds our columns (charted twice): ours
	 * win. */
	R->dropcol = xcalloc(s->h->n, sizeof(*R->dropcol));
	for (i = 0; i < s->h->n; i++)
		for (k = 0; k < NADD; k++)
			if (strcmp(s->h->key[i], addname[k]) == 0) {
				R->dropcol[i] = 1;
				warnx("%s: input column '%s' is replaced",
				    s->name, s->h->name[i]);
			}
}

#define FIELD(R, r, c) ((r)->f[(R)->col[c]])
#define FLEN(R, r, c)  ((r)->len[(R)->col[c]])

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

	if (fabs(want - r->v) > 0.5 * pow(10, -dec) + 1e-9 * want)
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
	double count, pop, per = R->per;
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
	size_t i, size;
	char *p;

	if (R->nrows == R->cap) {
		R->cap = R->cap ? 2 * R->cap : 256;
		R->rows = xreallocarray(R->rows, R->cap, sizeof(*R->rows));
	}
	r = &R->rows[R->nrows++];
	memset(r, 0, sizeof(*r));
	for (i = 0, size = 0; i < in->n; i++)
		size += in->len[i] + 1;
	r->f = xcalloc(in->n, sizeof(*r->f));
	r->len = xcalloc(in->n, sizeof(*r->len));
	p = xmalloc(size);
	for (i = 0; i < in->n; i++) {
		r->f[i] = p;
		memcpy(p, in->f[i], in->len[i]);
		p[in->len[i]] = '\0';
		p += in->len[i] + 1;
		r->len[i] = in->len[i];
	}
	r->file = file;
	r->line = in->line;
	r->akey = keyof(R, r, C_AREA, &R->key);
	r->ckey = keyof(R, r, C_CATEGORY, &R->key);
	parse_period(R, r);
	parse_value(R, r);
}

static void
read_file(struct run *R, const char *path)
{
	struct csvr_row *row;
	struct src s;
	size_t i;

	src_open(&s, path);
	R->files = xreallocarray(R->files, R->nfiles + 1, sizeof(*R->files));
	R->files[R->nfiles++] = xstrdup(s.name);
	if (!R->hdr) {
		findcols(R, &s);
		R->hdr = s.h;
	} else {
		if (s.h->n != R->hdr->n)
			errx(1, "%s:1: a header unlike the first file's",
			    s.name);
		for (i = 0; i < s.h->n; i++)
			if (strcmp(s.h->key[i], R->hdr->key[i]) != 0)
				errx(1, "%s:1: a header unlike the first "
				    "file's", s.name);
	}
	while (src_next(&s, &row))
		add_row(R, row, R->files[R->nfiles - 1]);
	if (s.h != R->hdr)
		hdr_free(s.h);
	csvr_close(s.r);
	in_close(s.in);
}

/* ---- the series ---- */

static int
cmprow(const void *a, const void *b)
{
	const struct row *x = *(struct row *const *)a,
	    *y = *(struct row *const *)b;
	int c;

	if ((c = strcmp(x->akey, y->akey)) != 0 ||
	    (c = strcmp(x->ckey, y->ckey)) != 0)
		return c;
	if (x->t != y->t)
		return x->t < y->t ? -1 : 1;
	return x < y ? -1 : x > y;
}

static const char *
label(const struct run *R, long t)
{
	static char buf[4][PERIOD_LABEL]; /* four in one message */
	static int i;

	i = (i + 1) % 4;
	period_bucket_label(R->kind, t, buf[i]);
	return buf[i];
}

/* One period once, and every period between the first and the last:
 * a missing month is never joined over. */
static void
check_series(const struct run *R, struct row **s, size_t n)
{
	const struct row *a, *b;
	size_t i;

	for (i = 1; i < n; i++) {
		a = s[i - 1];
		b = s[i];
		if (b->t == a->t)
			errx(1, "%s:%ld: '%s', '%s', %s again (first at "
			    "%s:%ld)", b->file, b->line, FIELD(R, b, C_AREA),
			    FIELD(R, b, C_CATEGORY), label(R, b->t), a->file,
			    a->line);
		if (b->t != a->t + 1)
			errx(1, "%s:%ld: '%s', '%s': no row for %s%s%s, "
			    "between %s (%s:%ld) and %s: a series needs every "
			    "period (a period with no crime has a count of 0)",
			    b->file, b->line, FIELD(R, b, C_AREA),
			    FIELD(R, b, C_CATEGORY), label(R, a->t + 1),
			    b->t - a->t > 2 ? ".." : "",
			    b->t - a->t > 2 ? label(R, b->t - 1) : "",
			    label(R, a->t), a->file, a->line,
			    label(R, b->t));
	}
}

/* The baseline: the points [*from, *to) of the series; -1 when the
 * series is too short for the default, exit when it does not cover
 * --baseline FROM..TO. */
static int
baseline(const struct run *R, struct row **s, size_t n, size_t *from,
    size_t *to)
{
	long f, l;

	if (!R->hasbrange) {
		*from = 0;
		*to = (size_t)R->basen;
		return n >= (size_t)R->basen ? 0 : -1;
	}
	f = bucket(&R->bfrom);
	l = bucket(&R->bto);
	if (R->kind != bykind(&R->bfrom))
		errx(1, "--baseline %s..%s: the data's periods are of "
		    "another kind (%s:%ld: '%s')", R->bfrom.label,
		    R->bto.label, R->kindrow->file, R->kindrow->line,
		    FIELD(R, R->kindrow, C_PERIOD));
	if (s[0]->t > f || s[n - 1]->t < l)
		errx(1, "%s:%ld: '%s', '%s' runs %s..%s, which does not "
		    "cover the baseline %s..%s", s[0]->file, s[0]->line,
		    FIELD(R, s[0], C_AREA), FIELD(R, s[0], C_CATEGORY),
		    label(R, s[0]->t), label(R, s[n - 1]->t), R->bfrom.label,
		    R->bto.label);
	*from = (size_t)(f - s[0]->t);
	*to = (size_t)(l - s[0]->t) + 1;
	return 0;
}

/* Mean and limits from the baseline points, as ptd_spc_standard():
 * moving ranges |x_i - x_(i-1)| within the baseline, those of 3.267
 * times their mean or more screened out, limits at 2.66 times the mean
 * of the rest. 0 ok, 1 when the baseline does not vary. */
static int
limits(struct row **s, size_t from, size_t to, double *mean, double *amr)
{
	double sum = 0, mr = 0, kept = 0, d;
	size_t i, nk = 0;

	for (i = from; i < to; i++)
		sum += s[i]->v;
	*mean = sum / (double)(to - from);
	for (i = from + 1; i < to; i++)
		mr += fabs(s[i]->v - s[i - 1]->v);
	mr /= (double)(to - from - 1);
	if (mr == 0) {
		*amr = 0;
		return 1;
	}
	for (i = from + 1; i < to; i++)
		if ((d = fabs(s[i]->v - s[i - 1]->v)) < 3.267 * mr) {
			kept += d;
			nk++;
		}
	*amr = kept / (double)nk;
	return 0;
}

/* Mark bit on every point of a stretch of len or more points for which
 * same(s[i - 1], s[i]) holds between neighbours. */
static void
mark(struct row **s, size_t n, long len, unsigned bit,
    int (*same)(const struct row *, const struct row *))
{
	size_t i, j, start = 0;

	for (i = 1; i <= n; i++) {
		if (i < n && same(s[i - 1], s[i]))
			continue;
		if ((long)(i - start) >= len)
			for (j = start; j < i; j++)
				s[j]->sig |= bit;
		start = i;
	}
}

/* On one side of the mean: a point on the mean is on neither side and
 * ends a run (ptd_seven_point_one_side_mean). */
static int
side(const struct row *r)
{
	return (r->v > r->mean) - (r->v < r->mean);
}

static int
samehigh(const struct row *a, const struct row *b)
{
	return side(a) > 0 && side(b) > 0;
}

static int
samelow(const struct row *a, const struct row *b)
{
	return side(a) < 0 && side(b) < 0;
}

/* Each point strictly above (below) the one before: a tie ends a trend
 * (ptd_seven_point_trend). */
static int
rising(const struct row *a, const struct row *b)
{
	return b->v > a->v;
}

static int
falling(const struct row *a, const struct row *b)
{
	return b->v < a->v;
}

static void
spc(struct run *R, struct row **s, size_t n)
{
	size_t from, to, i;
	double mean, amr;

	if (baseline(R, s, n, &from, &to) != 0) {
		if (!R->nshort++) {
			R->firstshort = s[0];
			R->shortn = (long)n;
		}
		return;
	}
	if (limits(s, from, to, &mean, &amr) != 0 && !R->nflat++)
		R->firstflat = s[0];
	R->bases = xreallocarray(R->bases, R->nbases + 1, sizeof(*R->bases));
	snprintf(R->bases[R->nbases].label, sizeof(R->bases->label),
	    "%s..%s", label(R, s[from]->t), label(R, s[to - 1]->t));
	for (i = 0; i < n; i++) {
		s[i]->base = R->nbases;
		s[i]->spc = 1;
		s[i]->mean = mean;
		s[i]->lpl = mean - 2.66 * amr;
		s[i]->upl = mean + 2.66 * amr;
		if (s[i]->v > s[i]->upl)
			s[i]->sig |= S_OUT_HIGH;
		if (s[i]->v < s[i]->lpl)
			s[i]->sig |= S_OUT_LOW;
	}
	R->nbases++;
	mark(s, n, R->runlen, S_RUN_HIGH, samehigh);
	mark(s, n, R->runlen, S_RUN_LOW, samelow);
	mark(s, n, R->trendlen, S_TREND_UP, rising);
	mark(s, n, R->trendlen, S_TREND_DOWN, falling);
}

/* The weighted least-squares slope of value on time 1..TPOINTS, weights
 * 1 / sigma^2 with sigma = (ucl - lcl) / 3.92, leaving out point skip
 * (1..TPOINTS; 0 none); *chi2 the square of slope over its standard
 * error. The sums are formed in TrendMarkerCalculator.cs's order, term by
 * term as written there (Val1..Val5), so that a slope that is zero in
 * exact arithmetic comes out as there: its sign decides a tie. */
static double
wslope(struct row **p, int skip, double *chi2)
{
	double s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, lim, div, den, slope;
	int t;

	for (t = 1; t <= TPOINTS; t++) {
		if (t == skip)
			continue;
		lim = (p[t - 1]->hi - p[t - 1]->lo) / 3.92;
		div = lim * lim;
		s1 += 1 / div;
		s2 += (p[t - 1]->v * t) / div;
		s3 += t / div;
		s4 += p[t - 1]->v / div;
		s5 += (double)(t * t) / div;
	}
	den = s1 * s5 - s3 * s3;
	slope = (s1 * s2 - s3 * s4) / den;
	if (chi2) {
		*chi2 = slope / sqrt(s1 / den);
		*chi2 *= *chi2;
	}
	return slope;
}

/* Fingertips' recent trend over the TPOINTS points ending at p[TPOINTS -
 * 1]: significant when chi-square exceeds TCHI2 and the slope keeps its
 * sign with each point left out in turn (a zero slope counts as
 * rising, as there). A slope zero in exact arithmetic (7, 5, 5, 7 with
 * one point left out) comes out of floating point as a few units in the
 * last place either side, so what is within 1e-9 of the values' size is
 * taken for the zero it is. */
static int
trend(struct row **p)
{
	double chi2, slope, s, big = 0;
	int i, agree = 0;

	for (i = 0; i < TPOINTS; i++)
		if (!p[i]->hasci)
			return T_NONE;
	for (i = 0; i < TPOINTS; i++)
		if (fabs(p[i]->v) > big)
			big = fabs(p[i]->v);
	slope = wslope(p, 0, &chi2);
	for (i = 0; i <= TPOINTS; i++) {
		s = i ? wslope(p, i, NULL) : slope;
		agree += s < 0 && s < -1e-9 * big ? -1 : 1;
	}
	if (abs(agree) != TPOINTS + 1 || !(chi2 > TCHI2))
		return T_NOCHANGE;
	return slope > 0 ? T_UP : T_DOWN;
}

static void
chart(struct run *R, struct row **s, size_t n)
{
	size_t i;

	check_series(R, s, n);
	for (i = 0; i < n; i++)
		if (!s[i]->hasv) {
			if (!R->nmissing++)
				R->firstmissing = s[i];
			return;
		}
	spc(R, s, n);
	for (i = TPOINTS - 1; i < n; i++)
		s[i]->trend = trend(s + i - (TPOINTS - 1));
}

static void
chart_all(struct run *R)
{
	struct row **ix = xcalloc(R->nrows ? R->nrows : 1, sizeof(*ix));
	size_t i, j;

	R->bases = xcalloc(1, sizeof(*R->bases)); /* 0: no baseline */
	R->nbases = 1;
	for (i = 0; i < R->nrows; i++)
		ix[i] = &R->rows[i];
	qsort(ix, R->nrows, sizeof(*ix), cmprow);
	for (i = 0; i < R->nrows; i = j) {
		for (j = i + 1; j < R->nrows; j++)
			if (strcmp(ix[i]->akey, ix[j]->akey) != 0 ||
			    strcmp(ix[i]->ckey, ix[j]->ckey) != 0)
				break;
		chart(R, ix + i, j - i);
	}
	free(ix);
}

/* Say which series have no chart or a degenerate one, and why, in one
 * line each. */
static void
report(const struct run *R)
{
	const struct row *r;

	if ((r = R->firstshort))
		warnx("%ld series with fewer than the %ld points a baseline "
		    "needs (the first: '%s', '%s', %ld): no limits or "
		    "signals", R->nshort, R->basen, FIELD(R, r, C_AREA),
		    FIELD(R, r, C_CATEGORY), R->shortn);
	if ((r = R->firstflat))
		warnx("%ld series whose baseline does not vary, its mean "
		    "moving range 0 (the first: '%s', '%s'): the limits are "
		    "the mean", R->nflat, FIELD(R, r, C_AREA),
		    FIELD(R, r, C_CATEGORY));
	if ((r = R->firstmissing))
		warnx("%ld series with a period of no %s (the first: %s:%ld, "
		    "'%s', '%s', %s): not charted", R->nmissing,
		    colsearch(R, R->byrate ? C_RATE : C_COUNT), r->file,
		    r->line, FIELD(R, r, C_AREA), FIELD(R, r, C_CATEGORY),
		    FIELD(R, r, C_PERIOD));
}

/* ---- writing ---- */

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

static void
write_all(const struct run *R, FILE *fp)
{
	const struct row *r;
	int dec = R->byrate ? 3 : 2, first;
	size_t i, k;

	for (first = 1, i = 0; i < R->hdr->n; i++)
		if (!R->dropcol[i]) {
			csvw_str(fp, R->hdr->name[i], first);
			first = 0;
		}
	for (k = 0; k < NADD; k++, first = 0)
		csvw_str(fp, addname[k], first);
	csvw_end(fp);
	for (r = R->rows; r < R->rows + R->nrows; r++) {
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

static void
freeall(struct run *R)
{
	size_t i;

	for (i = 0; i < R->nrows; i++) {
		free(R->rows[i].f[0]);
		free(R->rows[i].f);
		free(R->rows[i].len);
		free(R->rows[i].akey);
		free(R->rows[i].ckey);
	}
	free(R->rows);
	for (i = 0; i < R->nfiles; i++)
		free(R->files[i]);
	free(R->files);
	for (i = 0; i < NCOL; i++)
		free(R->colover[i]);
	free(R->bases);
	free(R->dropcol);
	sb_free(&R->key);
	hdr_free(R->hdr);
}

int
main(int argc, char *argv[])
{
	enum { O_BASELINE = 256, O_PER, O_RUN, O_TREND, O_VALUE,
		O_VERSION };
	static const struct option lopts[] = {
		{ "baseline", required_argument, NULL, O_BASELINE },
		{ "help", no_argument, NULL, 'h' },
		{ "output", required_argument, NULL, 'o' },
		{ "per", required_argument, NULL, O_PER },
		{ "run-length", required_argument, NULL, O_RUN },
		{ "trend-length", required_argument, NULL, O_TREND },
		{ "value", required_argument, NULL, O_VALUE },
		{ "version", no_argument, NULL, O_VERSION },
		{ NULL, 0, NULL, 0 }
	};
	struct run R = { .per = 1000, .runlen = 7, .trendlen = 7,
		.basen = MINBASE };
	FILE *fp;
	int ch, i;

	setlocale(LC_CTYPE, "");
	while ((ch = getopt_long(argc, argv, "c:ho:", lopts, NULL)) != -1) {
		switch (ch) {
		case 'c':
			setcol(&R, optarg);
			break;
		case 'h':
			usage(stdout, 0);
			break;
		case 'o':
			R.out = optarg;
			break;
		case O_BASELINE:
			setbase(&R, optarg);
			break;
		case O_PER:
			setper(&R, optarg);
			break;
		case O_RUN:
			R.runlen = longopt("--run-length", optarg, 2, 1000);
			break;
		case O_TREND:
			R.trendlen = longopt("--trend-length", optarg, 2,
			    1000);
			break;
		case O_VALUE:
			setvalue(&R, optarg);
			break;
		case O_VERSION:
			version();
			break;
		default:
			usage(stderr, 2);
		}
	}
	argc -= optind;
	argv += optind;
	if (R.hasper && !R.byrate) {
		warnx("--per is for --value rate");
		usage(stderr, 2);
	}

	if (argc == 0)
		read_file(&R, "-");
	for (i = 0; i < argc; i++)
		read_file(&R, argv[i]);
	if (R.hasper && R.col[C_PER] >= 0)
		errx(1, "%s:1: --per: the data has a column '%s'",
		    R.files[0], R.hdr->name[R.col[C_PER]]);
	chart_all(&R);
	report(&R);
	fp = out_open(R.out);
	write_all(&R, fp);
	i = out_close(fp, 1);
	freeall(&R);
	return i;
}
