/* Fuzz crimerate's record path: the files of cmd/crimerate/ are compiled
 * in here as one unit (main renamed) and readfile() then the final stage
 * run on the input as records, under one of five fixed option sets, the
 * first byte choosing:
 * by year (the default), --period sa2016 (with its comparison year),
 * --by month, --partial, --merge. The second byte cuts reads into chunks
 * (fuzz.h). An errx() on bad data is crimerate's documented end (exit 1)
 * and ends the input quietly; exit status 2 cannot come from data and is
 * a finding. With --partial, the counts written must add up to the
 * counts read (per category, as crimerate summed them while reading). */
#include <csv.h>

#define FZ_TOOL
#include "fuzz.h"
#define main crimerate_main
/* lib/table ends on bad data with errx() as the tools do: compiled in
 * here too, so that its exits come back to the fuzz entry. */
#include "../../lib/table.c"
#include "../../cmd/crimerate/strtab.c"
#include "../../cmd/crimerate/coverage.c"
#include "../../cmd/crimerate/read.c"
#include "../../cmd/crimerate/lookups.c"
#include "../../cmd/crimerate/measures.c"
#include "../../cmd/crimerate/output.c"
#include "../../cmd/crimerate/signif.c"
#include "../../cmd/crimerate/main.c"
#undef main

#define NCONF 5
static struct crimerate st, conf[NCONF];
static char outpath[64];

int LLVMFuzzerInitialize(int *argc, char ***argv);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char dir[] = "/tmp/fuzz-crimerate.XXXXXX";
	int k;

	if (!mkdtemp(dir))
		err(2, "mkdtemp");
	snprintf(outpath, sizeof(outpath), "%s/out.csv", dir);
	for (k = 0; k < NCONF; k++) {
		memset(&st, 0, sizeof(st));
		memcpy(st.col, colname, sizeof(st.col));
		st.per = 1000;
		switch (k) {
		case 1:
			period_parse("sa2016", 6, &st.per_);
			period_prev(&st.per_, &st.cmp);
			st.hasper = 1;
			break;
		case 2:
			st.by = BY_MONTH;
			break;
		case 3:
			st.partial = 1;
			break;
		case 4:
			st.merge = 1;
			st.by = BY_YEAR;
			break;
		default:
			st.by = BY_YEAR;
		}
		conf[k] = st;
	}
	(void)argc;
	(void)argv;
	return 0;
}

/* Sum of the fourth column (count) of the partial output. */
struct sum {
	size_t f;
	__int128 total;
	int bad;
};

static void
s_field(void *s, size_t n, void *data)
{
	struct sum *S = data;
	long long v;

	if (S->f++ == 3 && num_int(s ? s : "", n, &v) == 0)
		S->total += v;
}

static void
s_row(int c, void *data)
{
	((struct sum *)data)->f = 0;
	(void)c;
}

static void
checkpartial(void)
{
	struct sum S = { 0 };
	struct csv_parser p;
	__int128 want = 0;
	char buf[1 << 16];
	size_t i, n;
	FILE *fp;

	for (i = 0; i < st.cats.n; i++)
		want += st.catn[i];
	if (!(fp = fopen(outpath, "r")))
		fz_fail("--partial wrote no output");
	csv_init(&p, 0);
	while ((n = fread(buf, 1, sizeof(buf), fp)) > 0)
		csv_parse(&p, buf, n, s_field, s_row, &S);
	csv_fini(&p, s_field, s_row, &S);
	csv_free(&p);
	fclose(fp);
	if (S.total != want)
		fz_fail("--partial wrote counts adding to %lld, read %lld",
		    (long long)S.total, (long long)want);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path;
	int died, ret = 1;

	if (size < 2)
		return 0;
	st = conf[data[0] % NCONF];
	fz_chunk = fz_chunkof(data[1]);
	path = fz_path(data + 2, size - 2);
	unlink(outpath);
	died = setjmp(fz_jb);
	if (!died) {
		fz_armed = 1;
		if (st.by)
			series(&st);
		readfile(&st, path);
		ret = st.partial ? partial(&st, outpath) :
		    finish(&st, NULL, NULL, outpath);
	}
	fz_armed = 0;
	if (!died && ret == 0 && st.partial)
		checkpartial();
	cleanup(&st);
	fz_release();
	fz_chunk = 0;
	return 0;
}
