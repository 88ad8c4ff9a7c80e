/* Fuzz the pull reader (lib/csvread.c) through lib/input.c: plain,
 * BOM-led or gzip bytes, any delimiter, a small --max-field, reads cut
 * into small chunks; gzip inflated ahead by a second thread (in_ahead()),
 * as csvclean reads it. The reader must never crash, and every row must keep
 * the promises of csvread.h:
 * - fields are NUL-terminated at their length;
 * - an ETOOLONG row skipped to its line end has no fields and a raw
 *   prefix of at most 1 KiB. (A row whose overlong field was met on a
 *   line held whole keeps its fields, as libcsv gave them or as the fast
 *   scanner split them, and its whole raw text: the callers test err
 *   first, so only the no-fields case is checked.)
 * - no row has more than CSVR_MAXFIELDS fields, and an EWIDE row has
 *   none and a raw prefix of at most 1 KiB;
 * - no field of an OK row is longer than maxfield, and no OK row's raw
 *   text longer than 64 times it (wherever the reader's refills fall);
 * - rows start on increasing lines, each spanning at least one;
 * - a row split by the fast path reads back raw as its fields joined by
 *   the delimiter;
 * - a row that needs no quoting (noquote) was read with ',' as the
 *   delimiter, its fields lie side by side in one buffer, and none holds
 *   a comma, quote, CR, LF or NUL. */
#include "fuzz.h"

static const int delims[4] = { ',', ';', '\t', '|' };

static void
check(struct csvr *r, struct csvr_row *row, size_t maxfield, int delim,
    long *lastline)
{
	size_t i, rawn, k = 0;
	const char *raw;

	if (row->line <= *lastline || row->nlines < 1)
		fz_fail("row at line %ld after %ld, %ld lines", row->line,
		    *lastline, row->nlines);
	*lastline = row->line + row->nlines - 1;
	raw = csvr_raw(r, &rawn);
	if (row->n > CSVR_MAXFIELDS)
		fz_fail("%zu fields over %d", row->n, CSVR_MAXFIELDS);
	if (row->err == CSVR_EWIDE && (row->n != 0 || rawn > 1024))
		fz_fail("wide row with %zu fields, raw %zu", row->n, rawn);
	if (row->err == CSVR_ETOOLONG) {
		if (row->n == 0 && rawn > 1024)
			fz_fail("too-long row with raw %zu", rawn);
		return;
	}
	if (row->err == CSVR_OK && rawn > 64 * maxfield)
		fz_fail("an OK row of %zu bytes over 64 x %zu", rawn, maxfield);
	for (i = 0; i < row->n; i++) {
		if (row->f[i][row->len[i]] != '\0')
			fz_fail("field %zu not NUL-terminated", i);
		if (row->err == CSVR_OK && row->len[i] > maxfield)
			fz_fail("field %zu of %zu bytes over %zu", i,
			    row->len[i], maxfield);
		if (!row->nul && memchr(row->f[i], '\0', row->len[i]))
			fz_fail("NUL in a field, nul flag unset");
		if (row->noquote && (delim != ',' || row->quoted ||
		    (i > 0 && row->f[i] != row->f[i - 1] + row->len[i - 1] + 1) ||
		    strcspn(row->f[i], ",\"\r\n") < row->len[i]))
			fz_fail("field %zu of a noquote row needs quoting", i);
	}
	if (row->quoted || row->err != CSVR_OK)
		return;
	for (i = 0; i < row->n; i++) {
		if (i > 0 && (k >= rawn || raw[k++] != delim))
			fz_fail("raw lacks the delimiter before field %zu", i);
		if (k + row->len[i] > rawn ||
		    memcmp(raw + k, row->f[i], row->len[i]) != 0)
			fz_fail("raw differs from field %zu", i);
		k += row->len[i];
	}
	if (k != rawn)
		fz_fail("raw has %zu bytes, fields %zu", rawn, k);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct input *in;
	struct csvr *r;
	struct csvr_row *row;
	const char *p;
	size_t maxfield;
	long last = 0;
	int delim, rc;

	if (size < 2)
		return 0;
	delim = delims[data[0] & 3];
	maxfield = (data[0] >> 2) & 1 ? 1 << 20 : (size_t)(data[0] >> 3) + 1;
	fz_chunk = fz_chunkof(data[1]);
	if (!(in = in_open(fz_path(data + 2, size - 2))))
		abort();
	/* gzip inflated by a second thread here (the tools' targets read it
	 * in one) */
	__real_in_ahead(in);
	r = csvr_open(in, ',', maxfield);
	csvr_peek(r, &p, 64);
	csvr_set_delim(r, delim);
	while ((rc = csvr_next(r, &row)) == 1)
		check(r, row, maxfield, delim, &last);
	if (csvr_lines(r) < last)
		fz_fail("csvr_lines %ld, last row ends at %ld", csvr_lines(r),
		    last);
	csvr_close(r);
	in_close(in);
	fz_chunk = 0;
	return 0;
}
