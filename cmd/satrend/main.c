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
 * of period, no period twice, no gap) and charted.
 *
 * main.c: usage, options and the order of the work; read.c: the input;
 * chart.c: the series, their charts and trend markers; write.c: the
 * output. */
#include <err.h>
#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "header.h"
#include "num.h"
#include "output.h"
#include "period.h"
#include "util.h"

#include "satrend.h"

static void
usage(FILE *fp, int status)
{
	fputs("usage: satrend [-h] [--version] [-c NAME=COLUMN] [-o FILE]\n"
	    "               [--baseline FROM..TO|N] [--per N] "
	    "[--run-length N]\n"
	    "               [--trend-length N] [--value count|rate] "
	    "[FILE ...]\n", fp);
	if (fp == stdout)
		fputs("\n"
		    "  -c NAME=COLUMN       read COLUMN as NAME (area, category, "
		    "period, count, ...)\n"
		    "  -h, --help           print this help and exit\n"
		    "  -o FILE              write to FILE, whole or not at all\n"
		    "  --baseline FROM..TO|N  the points the limits come from; "
		    "default 12\n"
		    "  --per N              with --value rate and no per "
		    "column; default 1000\n"
		    "  --run-length N       points on one side of the mean "
		    "that make a run; 7\n"
		    "  --trend-length N     points rising or falling that make "
		    "a trend; 7\n"
		    "  --value count|rate   what is charted; default count\n"
		    "  --version            print the version and exit\n"
		    "\nSee satrend(1).\n", fp);
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
		    "period, count, rate, population, per or coverage", arg);
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
