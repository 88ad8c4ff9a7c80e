/* crimerate: usage, options and main; the final stage run in order,
 * and everything freed at the end. */
#include <err.h>
#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "meta.h"
#include "output.h"
#include "period.h"
#include "util.h"

#include "crimerate.h"

const char *const colname[NCOL] = {"date", "area", "category", "count",
	"source"};

static void
usage(FILE *fp, int rc)
{
	fputs("usage: crimerate [-hv] [--version] [-c NAME=COLUMN] [-o FILE]\n"
	    "                 [--period PERIOD] [--compare PERIOD|none]\n"
	    "                 [--by month|quarter|year|12m] [--population FILE]\n"
	    "                 [--per N] [--allow-missing-population]\n"
	    "                 [--allow-partial] [--categories FILE [--strict]]\n"
	    "                 [--level 95|99.8] [--indicators FILE]\n"
	    "                 [--weights FILE] [--rollup FILE]\n"
	    "                 [--partial | --merge] [FILE ...]\n", fp);
	if (fp == stdout)
		fputs("\n"
		    "  -c NAME=COLUMN       read COLUMN as date, area, category, "
		    "count or source\n"
		    "  -h, --help           print this help and exit\n"
		    "  -o FILE              write to FILE, whole or not at all\n"
		    "  -v, --verbose        say how many records fell outside the "
		    "periods\n"
		    "  --allow-missing-population  leave the rate empty where "
		    "an area has none\n"
		    "  --allow-partial      write rows for periods the data "
		    "does not wholly cover\n"
		    "  --by month|quarter|year|12m  a series, each bucket beside "
		    "the one before\n"
		    "                       and a year before; 12m: 12-month "
		    "totals by month\n"
		    "  --categories FILE    map categories to indicators "
		    "(category,indicator)\n"
		    "  --compare PERIOD|none  the comparison period; default "
		    "the one before\n"
		    "  --indicators FILE    what each indicator is (indicator,"
		    "polarity,denominator,\n"
		    "                       per,kind,numerator): denominators, "
		    "percentages\n"
		    "  --level 95|99.8      confidence level of the change's "
		    "interval and test\n"
		    "  --merge              add up partial counts from "
		    "--partial runs\n"
		    "  --partial            write exact partial counts for a "
		    "later --merge\n"
		    "  --per N              rates per N people; default "
		    "1000\n"
		    "  --period PERIOD      the period counted: sa2016, fy2016, "
		    "2016q3, FROM..TO ...\n"
		    "  --population FILE    populations (area,population or "
		    "area,year,population)\n"
		    "  --rollup FILE        add rows for parent areas "
		    "(area,parent)\n"
		    "  --strict             with --categories, an unmapped "
		    "category is an error;\n"
		    "                       with --weights, a category without "
		    "a weight\n"
		    "  --version            print the version and exit\n"
		    "  --weights FILE       add a harm-weighted total "
		    "(category,weight)\n"
		    "\nSee crimerate(1).\n", fp);
	exit(rc);
}

static void
cleanup(struct crimerate *R)
{
	size_t i;

	for (i = 0; i < R->nodes.n; i++) {
		free(R->nd[i].name);
		free(R->nd[i].par);
		free(R->nd[i].kid);
		free(R->nd[i].py);
		free(R->nd[i].pop);
	}
	for (i = 0; R->cmap && i < R->dcat.n; i++)
		free(R->cmap[i]);
	for (i = 0; R->dname && i < R->dcat.n; i++)
		free(R->dname[i]);
	for (i = 0; i < R->inds.n; i++)
		free(R->iname[i]);
	for (i = 0; R->kmap && i < R->ckeys.n; i++)
		free(R->kmap[i]);
	free(R->nd);
	free(R->cmap);
	free(R->ncmap);
	free(R->kmap);
	free(R->nkmap);
	free(R->rest);
	free(R->areanode);
	free(R->di);
	free(R->catn);
	free(R->g.e);
	free(R->out.e);
	free(R->pairs.e);
	free(R->seen.e);
	free(R->uc.e);
	free(R->cunit);
	free(R->memo.e);
	free(R->memo.text);
	free(R->cover.e);
	free(R->contrib.e);
	free(R->rowix.e);
	free(R->rowb);
	for (i = 0; R->nodeinds && i < R->nodes.n; i++)
		free(R->nodeinds[i]);
	free(R->nodeinds);
	free(R->nnodeinds);
	free(R->gm);
	free(R->src);
	free(R->sunit);
	free(R->scat);
	free(R->cl);
	free(R->gapt.e);
	free(R->gwalk.e);
	free(R->gl);
	free(R->up);
	free(R->psum);
	free(R->pmiss);
	free(R->pyears);
	free(R->bsort);
	free(R->direct.e);
	for (i = 0; i < R->nbk; i++)
		free(R->bk[i].e);
	free(R->bk);
	st_free(&R->dates);
	st_free(&R->areas);
	st_free(&R->cats);
	st_free(&R->units);
	st_free(&R->nodes);
	st_free(&R->inds);
	st_free(&R->ckeys);
	st_free(&R->dcat);
	free(R->ckid);
	free(R->dname);
	free(R->iname);
	free(R->arean);
	free(R->firstat);
	free(R->lastat);
	sb_free(&R->kbuf);
	free_measures(R);
}

/* The final stage: lookups, then indicators. */
static int
finish(struct crimerate *R, const char *cats, const char *rollup,
    const char *opt_o)
{
	size_t i;
	int ret;

	check_span(R);
	/* the lookups spell the areas they name; the data the others */
	R->areanode = xcalloc(R->areas.n + 1, sizeof(*R->areanode));
	for (i = 0; i < R->areas.n; i++)
		R->areanode[i] = node(R, R->areas.s[i], R->areas.len[i], 0);
	if (rollup)
		load_rollup(R, rollup);
	denominators(R);
	if (R->popfile)
		load_population(R, R->popfile);
	spell_areas(R);
	if (rollup)
		check_rollup(R, rollup);
	if (cats)
		load_categories(R, cats);
	if (R->wfile)
		load_weights(R, R->wfile);
	if (map_categories(R, cats) | measures(R))
		return 1;
	sources(R);
	contributors(R);
	build(R);
	ret = indicators(R, opt_o);
	return ret;
}

static long long
perarg(const char *s)
{
	char *end;
	long long v = strtoll(s, &end, 10);

	if (*end || end == s || v < 1 || v > 1000000000) {
		warnx("--per: '%s' is not a whole number from 1 to 10^9", s);
		usage(stderr, 2);
	}
	return v;
}

static void
periodarg(const char *opt, const char *s, struct period *p)
{
	int r = period_parse(s, strlen(s), p);

	if (r == -2) {
		warnx("%s: '%s' is not a financial year: its second year must "
		    "be the year after its first (2016/17)", opt, s);
		usage(stderr, 2);
	}
	if (r != 0) {
		warnx("%s: '%s' is not a period (saYYYY, fyYYYY or YYYY/YY, "
		    "YYYY, YYYYqN, YYYY-MM, 12m:YYYY-MM or FROM..TO)", opt, s);
		usage(stderr, 2);
	}
}

static void
colarg(struct crimerate *R, const char *s)
{
	const char *col;
	long i = hdr_role(s, colname, NCOL, &col);

	if (i >= 0) {
		R->col[i] = col;
		return;
	}
	warnx("-c: '%s' is not NAME=COLUMN with NAME date, area, category, "
	    "count or source", s);
	usage(stderr, 2);
}

/* --by with --period: the period must be whole buckets. */
static void
series(struct crimerate *R)
{
	long f, l;

	if (!R->hasper)
		return;
	R->blo = period_bucket(R->by, R->per_.first);
	R->bhi = period_bucket(R->by, R->per_.last);
	period_bucket_span(R->by, R->blo, &f, &l);
	if (f != R->per_.first) {
		warnx("--period %s is not whole %ss", R->per_.label,
		    R->by == BY_MONTH ? "month" : R->by == BY_QUARTER ?
		    "quarter" : "year");
		usage(stderr, 2);
	}
	period_bucket_span(R->by, R->bhi, &f, &l);
	if (l != R->per_.last) {
		warnx("--period %s is not whole %ss", R->per_.label,
		    R->by == BY_MONTH ? "month" : R->by == BY_QUARTER ?
		    "quarter" : "year");
		usage(stderr, 2);
	}
}

enum { O_ALLOW = 256, O_ALLOWPART, O_BY, O_CATS, O_CMP, O_INDS, O_LEVEL,
	O_MERGE, O_PARTIAL, O_PER, O_PERIOD, O_POP, O_ROLLUP, O_STRICT,
	O_VERSION, O_WEIGHTS };

static const struct option longopts[] = {
	{"allow-missing-population", no_argument, NULL, O_ALLOW},
	{"allow-partial", no_argument, NULL, O_ALLOWPART},
	{"by", required_argument, NULL, O_BY},
	{"categories", required_argument, NULL, O_CATS},
	{"compare", required_argument, NULL, O_CMP},
	{"help", no_argument, NULL, 'h'},
	{"indicators", required_argument, NULL, O_INDS},
	{"level", required_argument, NULL, O_LEVEL},
	{"merge", no_argument, NULL, O_MERGE},
	{"partial", no_argument, NULL, O_PARTIAL},
	{"per", required_argument, NULL, O_PER},
	{"period", required_argument, NULL, O_PERIOD},
	{"population", required_argument, NULL, O_POP},
	{"rollup", required_argument, NULL, O_ROLLUP},
	{"strict", no_argument, NULL, O_STRICT},
	{"verbose", no_argument, NULL, 'v'},
	{"version", no_argument, NULL, O_VERSION},
	{"weights", required_argument, NULL, O_WEIGHTS},
	{NULL, 0, NULL, 0}
};

int
main(int argc, char *argv[])
{
	struct crimerate run = { 0 }, *R = &run;
	const char *opt_o = NULL, *cats = NULL, *rollup = NULL, *cmp = NULL;
	const char *inds = NULL;
	int ch, i, ret = 0, final;

	out_stdfds();
	setlocale(LC_CTYPE, "");
	memcpy(R->col, colname, sizeof(R->col));
	R->per = 1000;
	R->level = 95;
	while ((ch = getopt_long(argc, argv, "c:ho:v", longopts, NULL)) != -1) {
		switch (ch) {
		case 'c':
			colarg(R, optarg);
			break;
		case 'h':
			usage(stdout, 0);
			break;
		case 'o':
			opt_o = optarg;
			break;
		case 'v':
			R->verbose = 1;
			break;
		case O_ALLOW:
			R->allowmiss = 1;
			break;
		case O_ALLOWPART:
			R->allowpart = 1;
			break;
		case O_LEVEL:
			if (strcmp(optarg, "95") == 0)
				R->level = 95;
			else if (strcmp(optarg, "99.8") == 0)
				R->level = 99.8;
			else {
				warnx("--level: '%s' is not 95 or 99.8", optarg);
				usage(stderr, 2);
			}
			break;
		case O_BY:
			R->roll = strcmp(optarg, "12m") == 0 ? 12 : 0;
			if ((R->by = R->roll ? BY_MONTH : period_by(optarg)) <
			    0) {
				warnx("--by: '%s' is not month, quarter, year "
				    "or 12m", optarg);
				usage(stderr, 2);
			}
			break;
		case O_CATS:
			cats = optarg;
			break;
		case O_CMP:
			cmp = optarg;
			break;
		case O_INDS:
			inds = optarg;
			break;
		case O_MERGE:
			R->merge = 1;
			break;
		case O_PARTIAL:
			R->partial = 1;
			break;
		case O_PER:
			R->per = perarg(optarg);
			break;
		case O_PERIOD:
			periodarg("--period", optarg, &R->per_);
			R->hasper = 1;
			break;
		case O_POP:
			R->popfile = optarg;
			break;
		case O_ROLLUP:
			rollup = optarg;
			break;
		case O_STRICT:
			R->strict = 1;
			break;
		case O_VERSION:
			version();
			break;
		case O_WEIGHTS:
			R->wfile = optarg;
			break;
		default:
			usage(stderr, 2);
		}
	}
	argc -= optind;
	argv += optind;

	final = R->hasper || cmp || R->by || R->popfile || cats || rollup ||
	    R->strict || R->allowmiss || R->allowpart || R->per != 1000 ||
	    R->level != 95 || inds || R->wfile;
	if ((R->partial && final) || (R->strict && !cats && !R->wfile) ||
	    (cmp && !R->hasper) || (cmp && R->by && strcmp(cmp, "none") != 0)) {
		warnx("%s", R->partial && final ? "--partial counts only; the "
		    "other options belong to the run that merges" : R->strict &&
		    !cats && !R->wfile ? "--strict needs --categories or "
		    "--weights" : cmp && !R->hasper ?
		    "--compare needs --period" : "--by compares each bucket "
		    "with the one before; --compare takes only none");
		usage(stderr, 2);
	}
	if (cmp && strcmp(cmp, "none") == 0)
		R->cmpnone = 1;
	else if (cmp)
		periodarg("--compare", cmp, &R->cmp);
	else if (R->hasper)
		period_prev(&R->per_, &R->cmp);
	if (!R->partial && !R->hasper && !R->by)
		R->by = BY_YEAR;
	if (R->by)
		series(R);
	/* the buckets before the first shown that a row compares with: the
	 * one before and the same one a year before; a 12-month row's
	 * comparison is the 12 months before its own */
	R->back = R->roll ? 2 * R->roll - 1 : R->by == BY_MONTH ? 12 :
	    R->by == BY_QUARTER ? 4 : 1;
	if (inds)
		R->meta = meta_read(inds);

	if (argc == 0)
		readfile(R, "-");
	for (i = 0; i < argc; i++)
		readfile(R, argv[i]);
	if (R->verbose && !R->partial)
		warnx("%lld records, %lld outside the periods", R->nrows,
		    R->nout);
	ret = R->partial ? partial(R, opt_o) : finish(R, cats, rollup, opt_o);
	cleanup(R);
	return ret;
}
