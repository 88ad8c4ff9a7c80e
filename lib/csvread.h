/* csvread: a pull reader of CSV records over libcsv.
 *
 * Records without a quote character are split in place by a scanner that
 * follows RFC 4180 exactly as libcsv does (no trimming, CR, LF or CRLF ends
 * a record); every record holding a quote or a NUL byte, and every record
 * that continues over a line end, is parsed by libcsv. Empty lines are
 * skipped and counted. A row and its fields belong to the reader and are
 * valid until the next csvr_next(). */
#ifndef SAPIPE_CSVREAD_H
#define SAPIPE_CSVREAD_H

#include <stddef.h>

#include "input.h"

enum {
	CSVR_OK,
	CSVR_ETOOLONG, /* a field over maxfield or a record over maxrec */
	CSVR_EQUOTE,   /* a quoted field still open at end of input */
	CSVR_EWIDE     /* more than CSVR_MAXFIELDS fields */
};

/* The most fields one record may have. Each kept field costs the reader
 * 24 bytes (and a tool more), so a line of commas must not be read whole:
 * past this the record is an error row without fields. 2^17, eight
 * times a spreadsheet's 16,384 columns. */
#define CSVR_MAXFIELDS 131072

/* The reader's buffer at first, in bytes; its first read fills it but
 * one byte, and each refill reads at least half of it. */
#define CSVR_BUFSZ ((size_t)1 << 18)

struct csvr_row {
	char **f;       /* NUL-terminated fields (may hold NUL when nul) */
	size_t *len;    /* their lengths */
	size_t n;       /* number of fields */
	long line;      /* physical line where the record starts (1-based) */
	long nlines;    /* physical lines it spans */
	long long off;  /* byte offset of its start, after decompression/BOM */
	int err;        /* CSVR_* */
	int longrec;    /* CSVR_ETOOLONG for the record over 64 times
			 * maxfield, not for a field over maxfield */
	int quoted;     /* parsed by libcsv */
	int nul;        /* holds a NUL byte */
	int ascii;      /* known to hold no byte >= 0x80 */
	int noquote;    /* needs no quoting: split in place by the scanner
			 * with ',' as the delimiter, so its fields lie
			 * side by side in one buffer and none of them (nor
			 * any part of one) holds a comma, quote, CR, LF or
			 * NUL; csvwrite's csvw_needq_in() skips its look */
};

struct csvr;

struct csvr *csvr_open(struct input *in, int delim, size_t maxfield);
/* Up to n bytes of the stream's start, for sniffing; before any row. */
size_t csvr_peek(struct csvr *r, const char **p, size_t n);
void csvr_set_delim(struct csvr *r, int delim);
/* 1 and *row set; 0 at end of input; -1 on a read error (csvr_error). */
int csvr_next(struct csvr *r, struct csvr_row **row);
/* The last row's bytes as read, without its line end (a prefix when the
 * row is CSVR_ETOOLONG). */
const char *csvr_raw(struct csvr *r, size_t *len);
long csvr_blank(const struct csvr *r);
/* The longest record: 64 times maxfield (maxfield past SIZE_MAX / 64). */
size_t csvr_maxrec(const struct csvr *r);
/* Where the next record starts: its stream offset, and its line in
 * *line; -1 when the reader is inside a record or a line end (a CR whose
 * LF is not read yet), where a second reader could not start. */
long long csvr_tell(const struct csvr *r, long *line);
/* Start again on another input, as csvr_open() would (line 1, offset 0,
 * no blank lines), keeping the delimiter, the limits and the buffers. */
void csvr_reset(struct csvr *r, struct input *in);
long csvr_lines(const struct csvr *r);
const char *csvr_error(struct csvr *r);
void csvr_close(struct csvr *r); /* does not close the input */

#endif
