/* Fuzz csvclean's whole row path: cmd/csvclean/ is compiled in here
 * (its main renamed) and its csvclean() run on the input as a file, with
 * --stats --max-rejects 100% --rejects FILE -o FILE and one of three
 * fixed option sets, the first byte choosing:
 *   0: -p police-street --safe-cells
 *   1: --pad --snake --dedup-rows --date date --number count
 *      --map 'category/(a+)+$/x/' --redact postcode=sector --safe-cells
 *      --max-field 64 --report FILE --report-columns month=date,
 *      force=category,location=postcode,lsoa=count
 *   2: -e cp1252 -d ';' --join-extra --no-trim --dedup id --redact
 *      name=mask --set source=fuzz --dedup-memory 16K (ids past a few
 *      hundred go to temporary files)
 *   3: option text from the data: its first line is the value of
 *      --set fz=LINE, then --map 'fz/\X/Z/g' (PCRE2 is told its subject
 *      is UTF-8) and --redact fz=mask; the rest is the CSV
 *   4: profile text from the data: up to the first empty line, written
 *      to a file and read with -p (inputs naming output, rejects,
 *      report or profile are skipped: they would write or read other
 *      files)
 * In 3 and 4 a usage error (exit 2) is a documented end too.
 * Threads (part.c) never start here: an input is far smaller than the
 * two parts of 4 MB they need, and a profile cannot set --chunk.
 * The second byte cuts reads into chunks (fuzz.h). An errx() on bad data
 * is csvclean's documented end (exit 1) and ends the input quietly; exit
 * status 2 cannot come from data and is a finding. A run that ends
 * with status 0 must keep the promises of DESIGN.md:
 * - read = written + rejected + duplicates + blank + headers;
 * - the output is CSV whose rows all have the header's width, one row per
 *   row written, valid UTF-8, without NUL bytes;
 * - the rejects file has one record per reject, each of one width,
 *   valid UTF-8 without NUL bytes;
 * - with --safe-cells no written cell starts with '=' or '@';
 * - the report (1) is CSV of one width, its total line holds the counts
 *   of --stats, and its month lines, and its file lines, add up to it. */
#include <csv.h>

#define FZ_TOOL
#include "fuzz.h"
#define main csvclean_main
#include "../../cmd/csvclean/options.c"
#include "../../cmd/csvclean/columns.c"
#include "../../cmd/csvclean/row.c"
#include "../../cmd/csvclean/report.c"
#include "../../cmd/csvclean/part.c"
#include "../../cmd/csvclean/main.c"
#undef main

#define NCONF 3
#define NDATACONF 2 /* 3 and 4: options from the data */
static const char *const confs[NCONF][16] = {
	{ "-p", "police-street", "--safe-cells" },
	{ "--pad", "--snake", "--dedup-rows", "--date", "date", "--number",
	  "count", "--map", "category/(a+)+$/x/", "--redact",
	  "postcode=sector", "--safe-cells", "--max-field", "64" },
	{ "-e", "cp1252", "-d", ";", "--join-extra", "--no-trim", "--dedup",
	  "id", "--redact", "name=mask", "--set", "source=fuzz",
	  "--dedup-memory", "16K" },
};
static struct options opt;
static char outpath[64], rejpath[64], profpath[64], reppath[64];
static int withreport;

int LLVMFuzzerInitialize(int *argc, char ***argv);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char dir[] = "/tmp/fuzz-csvclean.XXXXXX";

	if (!mkdtemp(dir))
		err(2, "mkdtemp");
	snprintf(outpath, sizeof(outpath), "%s/out.csv", dir);
	snprintf(rejpath, sizeof(rejpath), "%s/rejects.csv", dir);
	snprintf(profpath, sizeof(profpath), "%s/profile", dir);
	snprintf(reppath, sizeof(reppath), "%s/report.csv", dir);
	setenv("SAPIPE_PROFILES", "lib/profiles", 0);
	(void)argc;
	(void)argv;
	return 0;
}

static char *
slurp(const char *path, size_t *n)
{
	char *s = NULL, buf[1 << 16];
	size_t k;
	FILE *fp, *m = open_memstream(&s, n);

	if (!(fp = fopen(path, "r")))
		fz_fail("%s: not written", path);
	while ((k = fread(buf, 1, sizeof(buf), fp)) > 0)
		fwrite(buf, 1, k, m);
	fclose(fp);
	fclose(m);
	return s;
}

/* The rows of a CSV text, by libcsv: field counts, and any field that
 * is not UTF-8 or (with --safe-cells) starts a formula. */
struct outrows {
	size_t rows, width, f, bad;
	int safe;
};

static void
o_field(void *s, size_t n, void *data)
{
	struct outrows *o = data;
	const char *p = s ? s : "";

	if (utf8_bad(p, n) >= 0 || memchr(p, '\0', n) ||
	    (o->safe && o->rows > 0 && n > 0 && (p[0] == '=' || p[0] == '@')))
		o->bad++;
	o->f++;
}

static void
o_row(int c, void *data)
{
	struct outrows *o = data;

	(void)c;
	if (o->rows == 0)
		o->width = o->f;
	else if (o->f != o->width)
		fz_fail("output row %zu: %zu fields, header %zu", o->rows,
		    o->f, o->width);
	o->rows++;
	o->f = 0;
}

static int
nospace_fz(unsigned char c)
{
	(void)c;
	return 0;
}

static void
csvrows(const char *s, size_t n, struct outrows *o)
{
	struct csv_parser p;

	csv_init(&p, CSV_STRICT);
	csv_set_space_func(&p, nospace_fz);
	if (csv_parse(&p, s, n, o_field, o_row, o) != n)
		fz_fail("output is not strict CSV: %s",
		    csv_strerror(csv_error(&p)));
	if (csv_fini(&p, o_field, o_row, o) != 0)
		fz_fail("output ends inside a field");
	csv_free(&p);
}

/* The report's lines, by libcsv: the sums of read, written, rejected,
 * duplicates, blank, headers over the month lines, the file lines and
 * the total line. */
struct replines {
	long long sum[3][6], f[6];
	size_t rows, field, width, nf;
	int level; /* 0 month, 1 file, 2 total, -1 other */
};

static void
r_field(void *s, size_t n, void *data)
{
	struct replines *r = data;
	const char *p = s ? s : "";
	char num[32];

	if (r->rows > 0 && r->nf == 0)
		r->level = n == 5 && memcmp(p, "month", 5) == 0 ? 0 :
		    n == 4 && memcmp(p, "file", 4) == 0 ? 1 :
		    n == 5 && memcmp(p, "total", 5) == 0 ? 2 : -1;
	if (r->rows > 0 && r->nf >= 5 && r->nf <= 10) { /* not NUL-ended */
		snprintf(num, sizeof(num), "%.*s", n < 31 ? (int)n : 31, p);
		r->f[r->nf - 5] = strtoll(num, NULL, 10);
	}
	r->nf++;
}

static void
r_row(int c, void *data)
{
	struct replines *r = data;
	int k;

	(void)c;
	if (r->rows == 0)
		r->width = r->nf;
	else if (r->nf != r->width)
		fz_fail("report row %zu: %zu fields, header %zu", r->rows,
		    r->nf, r->width);
	else if (r->level >= 0)
		for (k = 0; k < 6; k++)
			r->sum[r->level][k] += r->f[k];
	r->rows++;
	r->nf = 0;
}

static void
checkreport(long long rd, long long wr, long long rej, long long dup,
    long long bl, long long hd)
{
	struct replines r = { 0 };
	struct csv_parser p;
	long long want[6] = { rd, wr, rej, dup, bl, hd };
	char *s;
	size_t n;
	int k, l;

	s = slurp(reppath, &n);
	csv_init(&p, CSV_STRICT);
	csv_set_space_func(&p, nospace_fz);
	if (csv_parse(&p, s, n, r_field, r_row, &r) != n ||
	    csv_fini(&p, r_field, r_row, &r) != 0)
		fz_fail("report is not strict CSV");
	csv_free(&p);
	free(s);
	/* the month lines hold no blank row nor header */
	r.sum[0][4] = bl;
	r.sum[0][5] = hd;
	r.sum[0][0] += bl + hd;
	for (l = 0; l < 3; l++)
		for (k = 0; k < 6; k++)
			if (r.sum[l][k] != want[k])
				fz_fail("report: %s lines, column %d: %lld, "
				    "--stats %lld", l == 0 ? "month" : l == 1 ?
				    "file" : "total", k + 6, r.sum[l][k],
				    want[k]);
}

static void
check(void)
{
	struct outrows o = { .safe = opt.safe }, rj = { 0 };
	long long rd, wr, rej, dup, bl, hd;
	char *out, *rejs;
	size_t on, rn;

	if (sscanf(fz_stats, "read %lld, written %lld, rejected %lld, "
	    "duplicates %lld, blank %lld, headers %lld", &rd, &wr, &rej, &dup,
	    &bl, &hd) != 6)
		fz_fail("no --stats line");
	if (rd != wr + rej + dup + bl + hd)
		fz_fail("%s: does not add up", fz_stats);
	out = slurp(outpath, &on);
	rejs = slurp(rejpath, &rn);
	if (on > 0) {
		csvrows(out, on, &o);
		if (o.rows != (size_t)wr + 1 || o.bad)
			fz_fail("output: %zu rows for %lld written, %zu bad "
			    "cells", o.rows, wr, o.bad);
	} else if (wr) {
		fz_fail("%lld rows written, empty output", wr);
	}
	csvrows(rejs, rn, &rj);
	if (rj.rows != (size_t)rej + 1)
		fz_fail("rejects file: %zu records for %lld rejects",
		    rj.rows - 1, rej);
	if (rj.bad) /* it is as safe as the output: UTF-8, no NUL */
		fz_fail("rejects file: %zu cells not UTF-8 or with NUL",
		    rj.bad);
	free(out);
	free(rejs);
	if (withreport)
		checkreport(rd, wr, rej, dup, bl, hd);
}

/* Configurations 3 and 4: options from the data's start (the two bytes
 * before it stay the configuration and the chunk size). 1: skip. */
static int
dataopts(int k, const uint8_t **csv, size_t *csvn, const char **argv,
    int *argc)
{
	static char set[300];
	const uint8_t *d = *csv, *e;
	size_t n = *csvn, len;
	FILE *fp;

	if (k == NCONF) {
		e = memchr(d, '\n', n < 256 ? n : 256);
		len = e ? (size_t)(e - d) : (n < 256 ? n : 256);
		if (memchr(d, '\0', len))
			return 1; /* a command line holds no NUL */
		snprintf(set, sizeof(set), "fz=%.*s", (int)len, (const char *)d);
		argv[(*argc)++] = "--set";
		argv[(*argc)++] = set;
		argv[(*argc)++] = "--map";
		argv[(*argc)++] = "fz/\\X/Z/g";
		argv[(*argc)++] = "--redact";
		argv[(*argc)++] = "fz=mask";
	} else {
		e = memmem(d, n, "\n\n", 2);
		len = e ? (size_t)(e - d) + 1 : n;
		if (memmem(d, len, "output", 6) || memmem(d, len, "rejects", 7) ||
		    memmem(d, len, "profile", 7) || memmem(d, len, "report", 6))
			return 1;
		if (!(fp = fopen(profpath, "w")))
			err(2, "%s", profpath);
		fwrite(d, 1, len, fp);
		fclose(fp);
		argv[(*argc)++] = "-p";
		argv[(*argc)++] = profpath;
	}
	len += e ? 1 : 0;
	*csv += len;
	*csvn -= len;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *argv[32] = { "csvclean" };
	const char *const *a;
	const uint8_t *csv;
	size_t csvn;
	int argc = 1, k, died, rc = -1;

	if (size < 2)
		return 0;
	csv = data + 2;
	csvn = size - 2;
	k = data[0] % (NCONF + NDATACONF);
	fz_allow2 = k >= NCONF;
	for (a = k < NCONF ? confs[k] : NULL; a && *a; a++)
		argv[argc++] = *a;
	if (k >= NCONF && dataopts(k, &csv, &csvn, argv, &argc))
		return 0;
	withreport = k == 1;
	if (k == 1) {
		argv[argc++] = "--report";
		argv[argc++] = reppath;
		argv[argc++] = "--report-columns";
		argv[argc++] = "month=date,force=category,location=postcode,"
		    "lsoa=count";
	}
	argv[argc++] = "--stats";
	argv[argc++] = "--max-rejects";
	argv[argc++] = "100%";
	argv[argc++] = "--rejects";
	argv[argc++] = rejpath;
	argv[argc++] = "-o";
	argv[argc++] = outpath;
	argv[argc++] = fz_path(csv, csvn);
	fz_chunk = fz_chunkof(data[1]);
	opt = (struct options)OPTIONS_INIT;
	optind = 0; /* glibc: start getopt afresh */
	fz_stats[0] = '\0';
	unlink(outpath);
	unlink(reppath);
	died = setjmp(fz_jb);
	if (!died) {
		fz_armed = 1;
		rc = csvclean(&opt, argc, (char **)argv);
	}
	fz_armed = 0;
	if (!died && rc == 0)
		check();
	if (died) {
		/* csvclean() frees the options at its end; its run is
		 * lost */
		freeopts(&opt);
		while (pdepth > 0) /* an error inside a profile */
			free(pstack[--pdepth].path);
	}
	fz_release();
	fz_chunk = 0;
	return 0;
}
