/* Fuzz csvclean's whole row path: cmd/csvclean/ is compiled in here
 * (its main renamed) and its main run on the input as a file, with
 * --stats --max-rejects 100% --rejects FILE -o FILE and one of three
 * fixed option sets, the first byte choosing:
 *   0: -p police-street --safe-cells
 *   1: --pad --snake --dedup-rows --date date --number count
 *      --map 'category/(a+)+$/x/' --redact postcode=sector --safe-cells
 *      --max-field 64
 *   2: -e cp1252 -d ';' --join-extra --no-trim --dedup id --redact
 *      name=mask --set source=fuzz --dedup-memory 16K (ids past a few
 *      hundred go to temporary files)
 * The second byte cuts reads into chunks (fuzz.h). An errx() on bad data
 * is csvclean's documented end (exit 1) and ends the input quietly; exit
 * status 2 cannot come from data and is a finding. A run that ends
 * with status 0 must keep the promises of DESIGN.md:
 * - read = written + rejected + duplicates + blank + headers;
 * - the output is CSV whose rows all have the header's width, one row per
 *   row written, valid UTF-8, without NUL bytes;
 * - the rejects file has one record per reject;
 * - with --safe-cells no written cell starts with '=' or '@'. */
#include <csv.h>

#define FZ_TOOL
#include "fuzz.h"
#define main csvclean_main
#include "../../cmd/csvclean/options.c"
#include "../../cmd/csvclean/header.c"
#include "../../cmd/csvclean/row.c"
#include "../../cmd/csvclean/main.c"
#undef main

#define NCONF 3
static const char *const confs[NCONF][16] = {
	{ "-p", "police-street", "--safe-cells" },
	{ "--pad", "--snake", "--dedup-rows", "--date", "date", "--number",
	  "count", "--map", "category/(a+)+$/x/", "--redact",
	  "postcode=sector", "--safe-cells", "--max-field", "64" },
	{ "-e", "cp1252", "-d", ";", "--join-extra", "--no-trim", "--dedup",
	  "id", "--redact", "name=mask", "--set", "source=fuzz",
	  "--dedup-memory", "16K" },
};
static __typeof__(opt) opt0;
static char outpath[64], rejpath[64];

int LLVMFuzzerInitialize(int *argc, char ***argv);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char dir[] = "/tmp/fuzz-csvclean.XXXXXX";

	if (!mkdtemp(dir))
		err(2, "mkdtemp");
	snprintf(outpath, sizeof(outpath), "%s/out.csv", dir);
	snprintf(rejpath, sizeof(rejpath), "%s/rejects.csv", dir);
	setenv("SAPIPE_PROFILES", "lib/profiles", 0);
	opt0 = opt;
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
	free(out);
	free(rejs);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *argv[32] = { "csvclean" };
	const char *const *a;
	int argc = 1, k, died, rc = -1;

	if (size < 2)
		return 0;
	k = data[0] % NCONF;
	for (a = confs[k]; *a; a++)
		argv[argc++] = *a;
	argv[argc++] = "--stats";
	argv[argc++] = "--max-rejects";
	argv[argc++] = "100%";
	argv[argc++] = "--rejects";
	argv[argc++] = rejpath;
	argv[argc++] = "-o";
	argv[argc++] = outpath;
	argv[argc++] = fz_path(data + 2, size - 2);
	fz_chunk = fz_chunkof(data[1]);
	opt = opt0;
	optind = 0; /* glibc: start getopt afresh */
	fz_stats[0] = '\0';
	unlink(outpath);
	died = setjmp(fz_jb);
	if (!died) {
		fz_armed = 1;
		rc = csvclean_main(argc, (char **)argv);
	}
	fz_armed = 0;
	if (!died && rc == 0)
		check();
	if (died) {
		/* main's cleanup() frees the options; its run is lost */
		struct run dead = { 0 };

		cleanup(&dead);
	}
	fz_release();
	fz_chunk = 0;
	return 0;
}
