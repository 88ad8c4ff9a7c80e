/* sapriority: a MoRiLE-style prioritisation of a Strategic Assessment's
 * issues.
 *
 * Reads a model (the dimensions, their scales and weights, how they
 * combine into a risk, the bands, and how evidence stands in for a
 * blank score: lib/model.h), a scoring sheet (one row per issue, the
 * workshop's scores) and the evidence (msgrank's ranked rows), and
 * writes one row per issue: each dimension's score and its source, the
 * risk, the priority, the band, the confidence and the evidence in
 * words, highest risk first.
 *
 * main.c: usage, options and the order of the work; sheet.c: the
 * scoring sheet; evidence.c: the ranked rows and the scores they give;
 * write.c: risk, priority and the output. */
#include <err.h>
#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "header.h"
#include "model.h"
#include "output.h"
#include "util.h"

#include "sapriority.h"

static void
usage(FILE *fp, int status)
{
	fputs("usage: sapriority [-h] [--version] -m MODEL -s SHEET [-a AREA]\n"
	    "                  [-c NAME=COLUMN] [-o FILE] [FILE ...]\n", fp);
	if (fp == stdout)
		fputs("\n"
		    "  -a, --area AREA      judge the issues by AREA's rows\n"
		    "  -c, --column NAME=COLUMN  read the evidence's COLUMN as "
		    "NAME (verdict, ...)\n"
		    "  -h, --help           print this help and exit\n"
		    "  -m, --model MODEL    the dimensions, risk, bands and "
		    "evidence rules\n"
		    "  -o, --output FILE    write to FILE, whole or not at all\n"
		    "  -s, --sheet SHEET    the scoring sheet, one row per "
		    "issue\n"
		    "  --version            print the version and exit\n"
		    "\nSee sapriority(1).\n", fp);
	exit(status);
}

static void
setcol(struct run *R, const char *arg)
{
	const char *column;
	long i = hdr_role(arg, colname, NCOL, &column);

	if (i < 0 || !*column) {
		warnx("-c: '%s' is not NAME=COLUMN with NAME category, area, "
		    "verdict, change_pct, change_sig, trend or harm_share",
		    arg);
		usage(stderr, 2);
	}
	free(R->colover[i]);
	R->colover[i] = xstrdup(column);
}

static void
freeall(struct run *R)
{
	size_t i;

	for (i = 0; i < R->niss; i++) {
		free(R->iss[i].name);
		free(R->iss[i].key);
		free(R->iss[i].indicator);
		free(R->iss[i].score);
		free(R->iss[i].src);
		free(R->iss[i].evidence);
	}
	free(R->iss);
	for (i = 0; i < R->nrows; i++) {
		free(R->rows[i].f[0]);
		free(R->rows[i].f);
		free(R->rows[i].len);
		free(R->rows[i].ckey);
		free(R->rows[i].akey);
	}
	free(R->rows);
	for (i = 0; i < R->nfiles; i++)
		free(R->files[i]);
	free(R->files);
	for (i = 0; i < NCOL; i++)
		free(R->colover[i]);
	free(R->sheetfile);
	sb_free(&R->key);
	hdr_free(R->hdr);
	model_free(R->m);
}

int
main(int argc, char *argv[])
{
	enum { O_VERSION = 256 };
	static const struct option lopts[] = {
		{ "area", required_argument, NULL, 'a' },
		{ "column", required_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ "model", required_argument, NULL, 'm' },
		{ "output", required_argument, NULL, 'o' },
		{ "sheet", required_argument, NULL, 's' },
		{ "version", no_argument, NULL, O_VERSION },
		{ NULL, 0, NULL, 0 }
	};
	struct run R = { 0 };
	FILE *fp;
	int ch, i;

	out_stdfds();
	setlocale(LC_CTYPE, "");
	while ((ch = getopt_long(argc, argv, "a:c:hm:o:s:", lopts, NULL)) !=
	    -1) {
		switch (ch) {
		case 'a':
			R.area = optarg;
			break;
		case 'c':
			setcol(&R, optarg);
			break;
		case 'h':
			usage(stdout, 0);
			break;
		case 'm':
			R.modelpath = optarg;
			break;
		case 'o':
			R.out = optarg;
			break;
		case 's':
			R.sheetpath = optarg;
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
	if (!R.modelpath || !R.sheetpath) {
		warnx("%s is required", !R.modelpath ? "-m MODEL" :
		    "-s SHEET");
		usage(stderr, 2);
	}

	R.m = model_read(R.modelpath);
	read_sheet(&R);
	if (argc == 0)
		read_evidence(&R, "-");
	for (i = 0; i < argc; i++)
		read_evidence(&R, argv[i]);
	evidence_all(&R);
	rank_all(&R);
	fp = out_open(R.out);
	write_all(&R, fp);
	i = out_close(fp, 1);
	freeall(&R);
	return i;
}
