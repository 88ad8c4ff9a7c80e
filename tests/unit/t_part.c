/* Unit tests for a second reader started inside a file (in_part(),
 * csvr_tell(), csvr_reset()), what csvclean's threads stand on: at each
 * place where a reader of the whole file says a record starts, a reader
 * started there by in_part() returns the same rows after it, with the
 * same fields, and lines and offsets moved by where it started. The
 * files hold a BOM, CR LF, LF and lone CR ends, blank lines, quoted
 * fields over several lines, a stray quote, a NUL and an overlong
 * field. A CR LF cut by the reader's buffer is no such place
 * (csvr_tell() is -1 there). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csvread.h"
#include "input.h"

#define MAXROWS 64

static int fails;

struct rec {
	char text[512];     /* the fields, each with its length */
	long line;
	long long off;
	int err;
};

/* Up to MAXROWS rows of r as text, and where each next one starts. */
static size_t
rows(struct csvr *r, struct rec *v, long long *tell, long *tline)
{
	struct csvr_row *row;
	size_t n = 0, i, k;

	for (;;) {
		tell[n] = csvr_tell(r, &tline[n]);
		if (n == MAXROWS || csvr_next(r, &row) != 1)
			break;
		k = 0;
		for (i = 0; i < row->n && k < sizeof(v[n].text) - 80; i++)
			k += (size_t)snprintf(v[n].text + k,
			    sizeof(v[n].text) - k, "%zu:%.*s|", row->len[i],
			    row->len[i] > 40 ? 40 : (int)row->len[i],
			    row->f[i]);
		v[n].text[k] = '\0';
		v[n].line = row->line;
		v[n].off = row->off;
		v[n].err = row->err;
		n++;
	}
	return n;
}

static void
check(const char *name, const char *data, size_t len, size_t maxfield)
{
	char path[] = "/tmp/t_part.XXXXXX";
	struct rec all[MAXROWS], part[MAXROWS];
	long long tell[MAXROWS + 1], t2[MAXROWS + 1];
	long tline[MAXROWS + 1], l2[MAXROWS + 1];
	struct input *in, *p;
	struct csvr *r, *r2;
	size_t n, m, j, i, bom;
	int fd;

	if ((fd = mkstemp(path)) < 0 || write(fd, data, len) != (ssize_t)len)
		exit(2);
	close(fd);
	in = in_open(path);
	r = csvr_open(in, ',', maxfield);
	n = rows(r, all, tell, tline);
	bom = in_bom(in) ? 3 : 0;
	r2 = csvr_open(NULL, ',', maxfield);
	for (j = 0; j < n; j++) {
		if (tell[j] < 0)
			continue;
		p = in_part(in, tell[j] + (long long)bom);
		csvr_reset(r2, p);
		m = rows(r2, part, t2, l2);
		if (n < MAXROWS && m != n - j && fails++ < 20)
			fprintf(stderr, "%s: from row %zu: %zu rows, want %zu\n",
			    name, j, m, n - j);
		for (i = 0; i < m && i + j < n; i++)
			if ((strcmp(part[i].text, all[i + j].text) != 0 ||
			    part[i].err != all[i + j].err ||
			    part[i].line + tline[j] - 1 != all[i + j].line ||
			    part[i].off + tell[j] != all[i + j].off) &&
			    fails++ < 20)
				fprintf(stderr, "%s: from row %zu, row %zu: "
				    "'%s' line %ld off %lld, want '%s' line %ld "
				    "off %lld\n", name, j, i + j, part[i].text,
				    part[i].line + tline[j] - 1,
				    part[i].off + tell[j], all[i + j].text,
				    all[i + j].line, all[i + j].off);
		in_close(p);
	}
	csvr_close(r2);
	csvr_close(r);
	if (n == 0 && fails++ < 20)
		fprintf(stderr, "%s: no rows\n", name);
	in_close(in);
	unlink(path);
}

int
main(void)
{
	static const char *const files[] = {
		"h,i\r\na,1\r\nb,2\r\n",
		"\xEF\xBB\xBFh,i\na,1\n\n\nb,2\n   \nc,3",
		"h,i\ra,1\rb,2\r\rc,3\r",
		"h,i\n\"a\nb\",1\r\n\"c\r\n,d\"\"\",2\rlast,3\n",
		"h,i\na,1\n\"open,2\nb,3\nc,4\n",
		"h,i\na,1\n\"x\",\"y\"\"\n\"\nz,9\n",
		"h,i\na,123456789012345678901234567890\nb,2\n",
		"h,i\na,\"1\n2\n3\n4\"\nb\n,\n",
	};
	static const char nul[] = "h,i\na,x\0y\nb,2\n";
	static char big[CSVR_BUFSZ + 64];
	size_t k, n;
	long long t;
	long line;
	char path[] = "/tmp/t_part.XXXXXX";
	struct input *in;
	struct csvr *r;
	struct csvr_row *row;
	int fd;

	for (k = 0; k < sizeof(files) / sizeof(*files); k++) {
		char name[16];

		snprintf(name, sizeof(name), "file %zu", k);
		check(name, files[k], strlen(files[k]), 20);
	}
	check("nul", nul, sizeof(nul) - 1, 20);

	/* The first read fills the reader's buffer but one byte
	 * (CSVR_BUFSZ - 1 bytes): a CR as its last byte leaves its LF
	 * unread. */
	n = 0;
	memcpy(big, "h,i\n", 4);
	n = 4;
	while (n < CSVR_BUFSZ - 1 - 8)
		n += (size_t)snprintf(big + n, sizeof(big) - n, "a,%05zu\n",
		    n % 100000);
	while (n < CSVR_BUFSZ - 2)
		big[n++] = 'x';
	big[n++] = '\r';
	memcpy(big + n, "\nb,2\n", 5);
	n += 5;
	check("big", big, n, 1 << 20);
	if ((fd = mkstemp(path)) < 0 || write(fd, big, n) != (ssize_t)n)
		exit(2);
	close(fd);
	in = in_open(path);
	r = csvr_open(in, ',', 1 << 20);
	while (csvr_next(r, &row) == 1 && row->off + (long long)row->len[0] +
	    (row->n > 1 ? 1 + (long long)row->len[1] : 0) <
	    (long long)CSVR_BUFSZ - 2)
		;
	t = csvr_tell(r, &line);
	if (t != -1 && fails++ < 20)
		fprintf(stderr, "a CR whose LF is unread: tell %lld, want -1\n",
		    t);
	if ((csvr_next(r, &row) != 1 || row->n != 2 || row->len[0] != 1 ||
	    row->f[0][0] != 'b') && fails++ < 20)
		fprintf(stderr, "after the CR LF: not row b,2\n");
	csvr_close(r);
	in_close(in);
	unlink(path);
	return fails != 0;
}
