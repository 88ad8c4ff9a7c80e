/* sarender: any CSV -> the table people read: aligned text, Markdown,
 * self-contained HTML (RAG, position charts) or CSV. */
#include <err.h>
#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "num.h"
#include "output.h"
#include "util.h"
#include "sarender.h"

int fmt = F_TEXT, ascii, width = 78, hasrag, excel;
long suppress = -1;
double ragg = 0, raga = 5;
const char *title, *caption, *source, *classif, *focusarea;
const char *opt_C, *opt_targets, *opt_rag, *opt_rollup, *opt_indicators;
int verbose;
static const char *opt_o;
char **over; /* -c NAME=COLUMN */
size_t nover;
int badutf;

static void
usage(FILE *fp)
{
	fputs("usage: sarender [-hv] [--version] [-f text|md|html|csv] [--excel]\n"
	    "                [-o FILE] [-C COL[:LABEL],...] [-c NAME=COLUMN]\n"
	    "                [-w WIDTH] [--ascii] [--targets FILE] "
	    "[--rag GREEN,AMBER]\n"
	    "                [--indicators FILE]\n"
	    "                [--suppress N [--rollup FILE]] [--title TEXT]\n"
	    "                [--caption TEXT] [--source TEXT]\n"
	    "                [--classification TEXT] [--focus AREA] [FILE ...]\n", fp);
	if (fp == stdout)
		fputs("\n"
		    "  -C COL[:LABEL],...   the columns shown, in order, each "
		    "with its label\n"
		    "  -c NAME=COLUMN       take the known column NAME from "
		    "COLUMN\n"
		    "  -f text|md|html|csv  the output format; default text\n"
		    "  -h, --help           print this help and exit\n"
		    "  -o FILE              write to FILE, whole or not at all\n"
		    "  -v, --verbose        say when there is no polarity to "
		    "judge by\n"
		    "  -w WIDTH             the width text fits and wraps at; "
		    "default 78\n"
		    "  --ascii              in text, signs and words, no "
		    "arrows or symbols\n"
		    "  --caption TEXT       a caption under the title\n"
		    "  --classification TEXT  a protective marking, as a "
		    "banner\n"
		    "  --excel              csv for a spreadsheet: BOM, safe "
		    "cells, units\n"
		    "  --focus AREA         highlight AREA's rows\n"
		    "  --indicators FILE    each category's polarity "
		    "(indicator,polarity)\n"
		    "  --rag GREEN,AMBER    RAG thresholds on change_pct\n"
		    "  --rollup FILE        with --suppress, parents' parts "
		    "(area,parent)\n"
		    "  --source TEXT        where the data came from, under the "
		    "table\n"
		    "  --suppress N         show counts below N as <N and "
		    "blank what reveals them\n"
		    "  --targets FILE       a target per category "
		    "(category,target)\n"
		    "  --title TEXT         a title above the table\n"
		    "  --version            print the version and exit\n"
		    "\nSee sarender(1).\n", fp);
}

static void
bad(const char *fmtstr, const char *arg)
{
	warnx(fmtstr, arg);
	usage(stderr);
	exit(2);
}

static long
posint(const char *s, const char *what)
{
	long long v;

	if (num_int(s, strlen(s), &v) != 0 || v < 1 || v > 1000000000)
		bad("%s: not a whole number from 1", what);
	return (long)v;
}

static void
parserag(const char *s)
{
	const char *comma = strchr(s, ',');

	if (!comma || num_dbl(s, (size_t)(comma - s), &ragg) != 0 ||
	    num_dbl(comma + 1, strlen(comma + 1), &raga) != 0 || ragg > raga)
		bad("--rag %s: want GREEN,AMBER, two numbers, GREEN <= AMBER",
		    s);
}

int
main(int argc, char *argv[])
{
	static const struct option lo[] = {
		{ "ascii", no_argument, NULL, 'A' },
		{ "caption", required_argument, NULL, 'P' },
		{ "classification", required_argument, NULL, 'K' },
		{ "excel", no_argument, NULL, 'X' },
		{ "columns", required_argument, NULL, 'C' },
		{ "focus", required_argument, NULL, 'F' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ "indicators", required_argument, NULL, 'I' },
		{ "output", required_argument, NULL, 'o' },
		{ "rag", required_argument, NULL, 'R' },
		{ "rollup", required_argument, NULL, 'U' },
		{ "source", required_argument, NULL, 'S' },
		{ "suppress", required_argument, NULL, 'N' },
		{ "targets", required_argument, NULL, 'T' },
		{ "title", required_argument, NULL, 'L' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "version", no_argument, NULL, 'V' },
		{ "width", required_argument, NULL, 'w' },
		{ NULL, 0, NULL, 0 }
	};
	struct tab t = { 0 };
	const char *fmtset = NULL;
	FILE *fp;
	int ch, ret = 0;

	out_stdfds();
	setlocale(LC_CTYPE, "");
	while ((ch = getopt_long(argc, argv, "C:c:f:ho:vw:", lo, NULL)) != -1) {
		switch (ch) {
		case 'A': ascii = 1; break;
		case 'C': opt_C = optarg; break;
		case 'c':
			if (!strchr(optarg, '=') || rolename(optarg, (size_t)
			    (strchr(optarg, '=') - optarg)) < 0)
				bad("-c %s: want NAME=COLUMN, NAME one of area, "
				    "category, count, rate, change_pct, ...",
				    optarg);
			over = xreallocarray(over, nover + 1, sizeof(*over));
			over[nover++] = optarg;
			break;
		case 'F': focusarea = optarg; break;
		case 'X': excel = 1; break;
		case 'f':
			fmtset = optarg;
			if (strcmp(optarg, "text") == 0) fmt = F_TEXT;
			else if (strcmp(optarg, "md") == 0) fmt = F_MD;
			else if (strcmp(optarg, "html") == 0) fmt = F_HTML;
			else if (strcmp(optarg, "csv") == 0) fmt = F_CSV;
			else bad("-f %s: want text, md, html or csv", optarg);
			break;
		case 'h': usage(stdout); return 0;
		case 'I': opt_indicators = optarg; break;
		case 'K': classif = optarg; break;
		case 'L': title = optarg; break;
		case 'N': suppress = posint(optarg, "--suppress"); break;
		case 'o': opt_o = optarg; break;
		case 'P': caption = optarg; break;
		case 'R': opt_rag = optarg; parserag(optarg); break;
		case 'S': source = optarg; break;
		case 'T': opt_targets = optarg; break;
		case 'U': opt_rollup = optarg; break;
		case 'V': version(); break;
		case 'v': verbose = 1; break;
		case 'w': width = (int)posint(optarg, "-w"); break;
		default: usage(stderr); return 2;
		}
	}
	argc -= optind;
	argv += optind;
	if (excel && fmtset && fmt != F_CSV)
		bad("--excel: -f %s: a spreadsheet reads only csv", fmtset);
	if (excel)
		fmt = F_CSV;
	if (opt_rollup && suppress < 0)
		bad("--rollup %s: only with --suppress", opt_rollup);
	if (opt_rollup)
		readrollup(opt_rollup);

	if (argc == 0)
		readfile(&t, "-");
	for (; argc > 0; argc--, argv++)
		readfile(&t, *argv);
	prepare(&t);
	fp = out_open(opt_o);
	render(fp, &t);
	if (badutf)
		warnx("invalid UTF-8 in the input, shown as U+FFFD");
	ret |= out_close(fp, ret == 0);
	freetab(&t);
	freerollup();
	free(over);
	return ret;
}
