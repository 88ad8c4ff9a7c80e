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

static void
usage(FILE *fp)
{
	fputs("usage: sarender [-hv] [--version] [-f text|md|html|csv] [--excel]\n"
	    "                [-o FILE] [-C COL[:LABEL],...] [-c NAME=COLUMN]\n"
	    "                [-w WIDTH] [--ascii] [--targets FILE] "
	    "[--rag GREEN,AMBER]\n"
	    "                [--indicators FILE] [--model FILE]\n"
	    "                [--suppress N [--rollup FILE]] [--title TEXT]\n"
	    "                [--caption TEXT] [--source TEXT]\n"
	    "                [--classification TEXT] [--focus AREA]\n"
	    "                [--funnel all|IND,... [--funnel-data FILE]] [FILE ...]\n",
	    fp);
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
		    "  --funnel all|IND,... with -f html, a funnel plot per "
		    "indicator\n"
		    "  --funnel-data FILE   the whole group's rows the plots "
		    "are drawn from\n"
		    "  --indicators FILE    each category's polarity "
		    "(indicator,polarity)\n"
		    "  --model FILE         sapriority's model: risk, bands, "
		    "the matrix\n"
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
parserag(struct sarender *S, const char *s)
{
	const char *comma = strchr(s, ',');

	if (!comma || num_dbl(s, (size_t)(comma - s), &S->ragg) != 0 ||
	    num_dbl(comma + 1, strlen(comma + 1), &S->raga) != 0 ||
	    S->ragg > S->raga)
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
		{ "funnel", required_argument, NULL, 'G' },
		{ "funnel-data", required_argument, NULL, 'D' },
		{ "help", no_argument, NULL, 'h' },
		{ "indicators", required_argument, NULL, 'I' },
		{ "model", required_argument, NULL, 'M' },
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
	struct sarender run = SARENDER_INIT, *S = &run;
	struct tab t = { 0 };
	const char *opt_o = NULL, *opt_funnel = NULL, *opt_fdata = NULL;
	const char *fmtset = NULL;
	FILE *fp;
	int ch, ret = 0;

	out_stdfds();
	setlocale(LC_CTYPE, "");
	while ((ch = getopt_long(argc, argv, "C:c:f:ho:vw:", lo, NULL)) != -1) {
		switch (ch) {
		case 'A': S->ascii = 1; break;
		case 'C': S->opt_C = optarg; break;
		case 'c':
			if (!strchr(optarg, '=') || rolename(optarg, (size_t)
			    (strchr(optarg, '=') - optarg)) < 0)
				bad("-c %s: want NAME=COLUMN, NAME one of area, "
				    "category, count, rate, change_pct, ...",
				    optarg);
			S->over = xreallocarray(S->over, S->nover + 1,
			    sizeof(*S->over));
			S->over[S->nover++] = optarg;
			break;
		case 'D': opt_fdata = optarg; break;
		case 'F': S->focusarea = optarg; break;
		case 'G': opt_funnel = optarg; break;
		case 'X': S->excel = 1; break;
		case 'f':
			fmtset = optarg;
			if (strcmp(optarg, "text") == 0) S->fmt = F_TEXT;
			else if (strcmp(optarg, "md") == 0) S->fmt = F_MD;
			else if (strcmp(optarg, "html") == 0) S->fmt = F_HTML;
			else if (strcmp(optarg, "csv") == 0) S->fmt = F_CSV;
			else bad("-f %s: want text, md, html or csv", optarg);
			break;
		case 'h': usage(stdout); return 0;
		case 'I': S->opt_indicators = optarg; break;
		case 'K': S->classif = optarg; break;
		case 'M': S->opt_model = optarg; break;
		case 'L': S->title = optarg; break;
		case 'N': S->suppress = posint(optarg, "--suppress"); break;
		case 'o': opt_o = optarg; break;
		case 'P': S->caption = optarg; break;
		case 'R': S->opt_rag = optarg; parserag(S, optarg); break;
		case 'S': S->source = optarg; break;
		case 'T': S->opt_targets = optarg; break;
		case 'U': S->opt_rollup = optarg; break;
		case 'V': version(); break;
		case 'v': S->verbose = 1; break;
		case 'w': S->width = (int)posint(optarg, "-w"); break;
		default: usage(stderr); return 2;
		}
	}
	argc -= optind;
	argv += optind;
	if (S->excel && fmtset && S->fmt != F_CSV)
		bad("--excel: -f %s: a spreadsheet reads only csv", fmtset);
	if (S->excel)
		S->fmt = F_CSV;
	if (S->opt_rollup && S->suppress < 0)
		bad("--rollup %s: only with --suppress", S->opt_rollup);
	if (S->opt_rollup)
		readrollup(S->opt_rollup);
	if (opt_fdata && !opt_funnel)
		bad("--funnel-data %s: only with --funnel", opt_fdata);
	if (opt_funnel && (S->fmt != F_HTML || !*opt_funnel))
		bad("--funnel %s: only with -f html, and all or indicators",
		    opt_funnel);
	/* the plots' data: the whole group, or the one input file */
	if (opt_funnel && !opt_fdata && (argc != 1 || !strcmp(*argv, "-")))
		bad("--funnel %s: give --funnel-data FILE, or one input file "
		    "that holds the whole group", opt_funnel);
	if (opt_funnel)
		t.fun = funnel_read(opt_fdata ? opt_fdata : *argv, opt_funnel);

	if (argc == 0)
		readfile(&t, "-");
	for (; argc > 0; argc--, argv++)
		readfile(&t, *argv);
	prepare(S, &t);
	fp = out_open(opt_o);
	render(S, fp, &t);
	if (S->badutf)
		warnx("invalid UTF-8 in the input, shown as U+FFFD");
	ret |= out_close(fp, ret == 0);
	funnel_free(t.fun);
	freetab(&t);
	freerollup();
	free(S->over);
	return ret;
}
