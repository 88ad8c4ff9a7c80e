/* Differential: the reader's rows (lib/csvread.c, with its fast scanner
 * and its line-by-line feeding of libcsv, reads cut into chunks) against
 * libcsv's own callbacks over the same bytes in one csv_parse() call:
 * options 0 (not strict), csv_set_space_func() returning 0 (no trimming),
 * the same delimiter, then csv_fini(). Every field and every row
 * boundary must agree.
 *
 * Where the two are not both defined, and so not compared:
 * - bytes starting with the gzip magic (1f 8b): lib/input inflates them;
 *   libcsv would see the compressed bytes. Such inputs are skipped.
 * - a leading UTF-8 BOM: lib/input removes it (when the input has 3 or
 *   more bytes); libcsv is given the bytes after it.
 * - empty lines: both skip them (libcsv reports no row for a line end in
 *   its ROW_NOT_BEGUN state), so they are compared, not excepted.
 * - a quoted field still open at the end of input: the reader reports the
 *   record's first line alone as CSVR_EQUOTE and reads the lines after it
 *   again as new records; libcsv's csv_fini() closes the field and ends
 *   the record. Rows are compared up to that row only, none after it.
 * - fields over maxfield and records over 64 times that (CSVR_ETOOLONG):
 *   maxfield here is 1 MiB, larger than any input the fuzzer makes, so an
 *   ETOOLONG row is itself a finding. */
#include <csv.h>

#include "fuzz.h"

static const int delims[4] = { ',', ';', '\t', '|' };

/* libcsv's rows: fields in one buffer, each ended by a NUL. */
struct rows {
	char *b;
	size_t n, cap;
	size_t *fo;        /* field offsets into b */
	size_t nf, fcap;
	size_t *rend;      /* index of each row's first field after it */
	size_t nr, rcap;
};

static void
cb_field(void *s, size_t n, void *data)
{
	struct rows *R = data;

	if (R->nf == R->fcap) {
		R->fcap = R->fcap ? 2 * R->fcap : 64;
		R->fo = realloc(R->fo, R->fcap * sizeof(*R->fo));
	}
	while (R->n + n + 1 > R->cap) {
		R->cap = R->cap ? 2 * R->cap : 4096;
		R->b = realloc(R->b, R->cap);
	}
	if (!R->fo || !R->b)
		abort();
	R->fo[R->nf++] = R->n;
	if (n)
		memcpy(R->b + R->n, s, n);
	R->n += n;
	R->b[R->n++] = '\0';
}

static void
cb_row(int c, void *data)
{
	struct rows *R = data;

	(void)c;
	if (R->nr == R->rcap) {
		R->rcap = R->rcap ? 2 * R->rcap : 64;
		if (!(R->rend = realloc(R->rend, R->rcap * sizeof(*R->rend))))
			abort();
	}
	R->rend[R->nr++] = R->nf;
}

static int
nospace(unsigned char c)
{
	(void)c;
	return 0;
}

static void
libcsv_rows(const uint8_t *d, size_t n, int delim, struct rows *R)
{
	struct csv_parser p;

	if (csv_init(&p, 0) != 0)
		abort();
	csv_set_delim(&p, (unsigned char)delim);
	csv_set_space_func(&p, nospace);
	if (csv_parse(&p, d, n, cb_field, cb_row, R) != n)
		abort();
	csv_fini(&p, cb_field, cb_row, R);
	csv_free(&p);
}

/* Field i of libcsv's row k against the reader's row. */
static void
compare(const struct rows *R, size_t k, const struct csvr_row *row)
{
	size_t first = k ? R->rend[k - 1] : 0, nf = R->rend[k] - first, i, fl;
	size_t at;

	if (row->n != nf)
		fz_fail("row %zu (line %ld): reader %zu fields, libcsv %zu", k,
		    row->line, row->n, nf);
	for (i = 0; i < nf; i++) {
		at = R->fo[first + i];
		fl = (first + i + 1 < R->nf ? R->fo[first + i + 1] : R->n) -
		    at - 1;
		if (row->len[i] != fl || memcmp(row->f[i], R->b + at, fl) != 0)
			fz_fail("row %zu (line %ld) field %zu: reader '%.*s' "
			    "(%zu), libcsv '%.*s' (%zu)", k, row->line, i,
			    (int)row->len[i], row->f[i], row->len[i], (int)fl,
			    R->b + at, fl);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rows R = { 0 };
	struct input *in;
	struct csvr *r;
	struct csvr_row *row;
	const uint8_t *d;
	size_t n, k = 0;
	int delim, rc;

	if (size < 2)
		return 0;
	delim = delims[data[0] & 3];
	fz_chunk = fz_chunkof(data[1]);
	d = data + 2;
	n = size - 2;
	if (n >= 2 && d[0] == 0x1f && d[1] == 0x8b)
		return 0;
	if (!(in = in_open(fz_path(d, n))))
		abort();
	if (n >= 3 && memcmp(d, "\xef\xbb\xbf", 3) == 0) {
		d += 3;
		n -= 3;
	}
	libcsv_rows(d, n, delim, &R);
	r = csvr_open(in, delim, 1 << 20);
	while ((rc = csvr_next(r, &row)) == 1) {
		if (row->err == CSVR_ETOOLONG)
			fz_fail("line %ld: ETOOLONG under 1 MiB", row->line);
		if (row->err == CSVR_EQUOTE)
			break;
		if (k >= R.nr)
			fz_fail("reader row %zu (line %ld): libcsv has only %zu",
			    k, row->line, R.nr);
		compare(&R, k++, row);
	}
	if (rc < 0)
		fz_fail("read error: %s", csvr_error(r));
	if (rc == 0 && k != R.nr)
		fz_fail("reader %zu rows, libcsv %zu", k, R.nr);
	csvr_close(r);
	in_close(in);
	free(R.b);
	free(R.fo);
	free(R.rend);
	fz_chunk = 0;
	return 0;
}
