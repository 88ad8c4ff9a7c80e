/* msgrank: rank each area against its Most Similar Group, per category
 * and period, with a Poisson confidence interval for the area's value and
 * a band saying whether the group mean lies outside it.
 *
 * All rows are read first (ranking needs a whole group), then every
 * group membership of a row becomes an entry; entries are sorted into
 * cells (group, category, period), ranked and summarised, and written
 * back out in group order, input order within a group.
 *
 * main.c: usage, options and the order of the work; read.c: the input
 * files; areas.c: areas and group membership; rank.c: values, intervals
 * and ranks; write.c: the output. */
#include <err.h>
#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "meta.h"
#include "num.h"
#include "output.h"
#include "util.h"

#include "msgrank.h"

const char *colname[NCOL] = { "area", "category", "period", "polarity",
	"count", "population", "rate", "prev_count", "change_pct", "per",
	"coverage", "prev_coverage", "prev_population", "prev_rate", "kind" };

const char *byname[NBY] = { "rate", "adj_rate", "change_pct", "count" };

/* The columns msgrank adds, in order. */
const char *addname[] = { "group", "rank", "of", "group_mean",
	"vs_mean_pct", "lcl", "ucl", "band", "group_min", "group_q1",
	"group_q3", "group_max", "group_pooled", "prev_rank", "prev_of",
	"polarity", "verdict", "adj_rate", "adj_rank" };
const size_t naddname = sizeof(addname) / sizeof(addname[0]);

static void
usage(FILE *fp, int status)
{
	fputs("usage: msgrank [-hv] [--version] [-c NAME=COLUMN] [-o FILE]\n"
	    "               [--accuracy FILE] [--benchmark mean|pooled]\n"
	    "               [--by rate|adj_rate|change_pct|count] [--focus AREA]\n"
	    "               [--group FILE] [--indicators FILE] [--level 95|99.8]\n"
	    "               [--per N] [FILE ...]\n",
	    fp);
	if (fp == stdout)
		fputs("\n"
		    "  -c NAME=COLUMN       read COLUMN as NAME (area, category, "
		    "period, count, ...)\n"
		    "  -h, --help           print this help and exit\n"
		    "  -o FILE              write to FILE, whole or not at all\n"
		    "  -v, --verbose        say when there is no polarity to "
		    "judge by\n"
		    "  --accuracy FILE      add adj_rate and adj_rank "
		    "(area,accuracy_pct)\n"
		    "  --benchmark mean|pooled  what the verdict compares "
		    "with; default mean\n"
		    "  --by rate|adj_rate|change_pct|count  what is ranked; "
		    "default rate\n"
		    "  --focus AREA         write only AREA's rows, ranked in "
		    "its whole groups\n"
		    "  --group FILE         the groups (group,area); default "
		    "one group of all\n"
		    "  --indicators FILE    each indicator's polarity "
		    "(indicator,polarity)\n"
		    "  --level 95|99.8      confidence level of the intervals; "
		    "default 95\n"
		    "  --per N              the per of input without a per "
		    "column; default 1000\n"
		    "  --version            print the version and exit\n"
		    "\nSee msgrank(1).\n", fp);
	exit(status);
}

/* A bad option value: say what is wrong, as the other tools do. */
static void
badval(const char *opt, const char *arg, const char *want)
{
	warnx("%s: '%s' is not %s", opt, arg, want);
	usage(stderr, 2);
}

/* -c NAME=COLUMN: read input column COLUMN as NAME. */
static void
setcol(struct run *R, const char *arg)
{
	const char *column;
	long i = hdr_role(arg, colname, NCOL, &column);

	if (i < 0) {
		warnx("-c: '%s' is not NAME=COLUMN with NAME area, "
		    "category, period, polarity, count, population, rate, "
		    "prev_count, change_pct, per, coverage, prev_coverage, "
		    "prev_population, prev_rate or kind", arg);
		usage(stderr, 2);
	}
	free(R->colover[i]);
	R->colover[i] = xstrdup(column);
}

static void
freeall(struct run *R)
{
	size_t i;

	for (i = 0; i < R->nrows; i++) {
		free(R->rows[i].akey);
		free(R->rows[i].ckey);
		free(R->rows[i].f[0]);
		free(R->rows[i].f);
		free(R->rows[i].len);
	}
	free(R->rows);
	for (i = 0; i < R->nfiles; i++)
		free(R->files[i]);
	free(R->files);
	freegroups(R);
	for (i = 0; i < R->nmemb; i++) {
		free(R->memb[i].area);
		free(R->memb[i].name);
	}
	free(R->memb);
	for (i = 0; i < R->naccs; i++) {
		free(R->accs[i].area);
		free(R->accs[i].name);
	}
	free(R->accs);
	free(R->focuskey);
	for (i = 0; i < NCOL; i++)
		free(R->colover[i]);
	free(R->ents);
	free(R->areas);
	free(R->dropcol);
	meta_free(R->meta);
	hdr_free(R->hdr);
}

static int
bylevel(struct run *R, const char *s)
{
	if (strcmp(s, "95") == 0)
		R->opt_conf = 0.95;
	else if (strcmp(s, "99.8") == 0)
		R->opt_conf = 0.998;
	else
		return -1;
	return 0;
}

static int
byopt(struct run *R, const char *s)
{
	int i;

	for (i = 0; i < NBY; i++)
		if (strcmp(s, byname[i]) == 0)
			return R->opt_by = i;
	return -1;
}

int
main(int argc, char *argv[])
{
	enum { O_ACCURACY = 256, O_BENCH, O_BY, O_FOCUS, O_GROUP, O_IND,
		O_LEVEL, O_PER, O_VERSION };
	static const struct option lopts[] = {
		{ "accuracy", required_argument, NULL, O_ACCURACY },
		{ "benchmark", required_argument, NULL, O_BENCH },
		{ "by", required_argument, NULL, O_BY },
		{ "focus", required_argument, NULL, O_FOCUS },
		{ "group", required_argument, NULL, O_GROUP },
		{ "help", no_argument, NULL, 'h' },
		{ "indicators", required_argument, NULL, O_IND },
		{ "level", required_argument, NULL, O_LEVEL },
		{ "output", required_argument, NULL, 'o' },
		{ "per", required_argument, NULL, O_PER },
		{ "verbose", no_argument, NULL, 'v' },
		{ "version", no_argument, NULL, O_VERSION },
		{ NULL, 0, NULL, 0 }
	};
	struct run run = { .opt_by = BY_RATE, .opt_bench = BENCH_MEAN,
		.opt_conf = 0.95, .opt_per = 1000.0 }, *R = &run;
	FILE *fp;
	int ch, i, ret = 0;

	out_stdfds();
	setlocale(LC_CTYPE, "");
	while ((ch = getopt_long(argc, argv, "c:ho:v", lopts, NULL)) != -1) {
		switch (ch) {
		case 'c':
			setcol(R, optarg);
			break;
		case 'h':
			usage(stdout, 0);
			break;
		case 'o':
			R->opt_o = optarg;
			break;
		case 'v':
			R->opt_verbose = 1;
			break;
		case O_ACCURACY:
			R->opt_accuracy = optarg;
			break;
		case O_BENCH:
			if (strcmp(optarg, "mean") == 0)
				R->opt_bench = BENCH_MEAN;
			else if (strcmp(optarg, "pooled") == 0)
				R->opt_bench = BENCH_POOLED;
			else
				badval("--benchmark", optarg, "mean or pooled");
			break;
		case O_BY:
			if (byopt(R, optarg) < 0)
				badval("--by", optarg, "rate, adj_rate, "
				    "change_pct or count");
			break;
		case O_FOCUS:
			R->opt_focus = optarg;
			break;
		case O_GROUP:
			R->opt_group = optarg;
			break;
		case O_IND:
			R->opt_indicators = optarg;
			break;
		case O_LEVEL:
			if (bylevel(R, optarg) < 0)
				badval("--level", optarg, "95 or 99.8");
			break;
		case O_PER:
			if (num_dbl(optarg, strlen(optarg), &R->opt_per) != 0 ||
			    R->opt_per <= 0)
				badval("--per", optarg, "a number above 0");
			R->opt_perset = 1;
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
	if (R->opt_by == BY_ADJ && !R->opt_accuracy) {
		warnx("--by adj_rate needs --accuracy");
		usage(stderr, 2);
	}
	if (R->opt_bench == BENCH_POOLED && R->opt_by != BY_RATE &&
	    R->opt_by != BY_ADJ) {
		warnx("--benchmark pooled needs --by rate or adj_rate");
		usage(stderr, 2);
	}

	if (R->opt_focus)
		R->focuskey = keydup(R->opt_focus, strlen(R->opt_focus));
	if (R->opt_group)
		read_groups(R, R->opt_group);
	else
		groupidx(R, xstrdup("all"));
	if (R->opt_accuracy)
		read_accuracy(R, R->opt_accuracy);
	if (R->opt_indicators)
		R->meta = meta_read(R->opt_indicators);
	if (argc == 0)
		read_file(R, "-");
	for (i = 0; i < argc; i++)
		read_file(R, argv[i]);
	index_rows(R);
	report(R);
	read_polarity(R);
	make_entries(R);
	rank_all(R);
	report_unranked(R);
	fp = out_open(R->opt_o);
	write_all(R, fp);
	ret |= out_close(fp, ret == 0);
	freeall(R);
	return ret;
}
