/* table: a CSV file with a header, read row by row. The one reader of
 * the tools' data and lookup files (csvclean, which repairs what this
 * refuses, has its own), so that one fault has one message in every tool.
 *
 * Every fault exits 1 with a message that names the file and, past the
 * opening, the line:
 *	FILE: Is a directory              (any open(2) error, as err(3))
 *	FILE: empty (no header row)
 *	FILE:LINE: quoted field not closed before the end of input
 *	FILE:LINE: field longer than 1048576 bytes
 *	FILE:LINE: more than 131072 fields
 *	FILE:LINE: 2 fields where the header has 3
 *	FILE:LINE: column 'NAME': NUL byte          (with TBL_NONUL)
 *	FILE:LINE: columns 2 'area' and 4 'Area' have the same name
 *	FILE:LINE: column 3 has no name             (with TBL_NAMED)
 *	FILE:LINE: header differs from the first file's
 *	FILE:LINE: no column 'x'; the columns are 'a', 'b'; to read
 *	    another as x: -c x=COLUMN
 * Columns are found by hdr_find() (lib/header.h: the name rule of
 * lib/name.h, and aliases "a|b"). A row and its fields belong to the
 * reader until the next tbl_next() (lib/csvread.h). */
#ifndef SAPIPE_TABLE_H
#define SAPIPE_TABLE_H

#include <stddef.h>

#include "csvread.h"
#include "header.h"
#include "input.h"

/* The longest field a tool reads, 1 MiB: the same bound everywhere. */
#define TBL_MAXFIELD (1 << 20)

enum {
	TBL_NONUL = 1, /* a NUL byte in any field is an error */
	TBL_NAMED = 2  /* every column must have a name */
};

struct tbl {
	const char *path;     /* the file as named in messages ("<stdin>") */
	struct hdr *h;        /* the header */
	long hline;           /* the header's line */
	struct csvr_row *row; /* the row tbl_next() read */
	/* private */
	struct input *in;
	struct csvr *r;
	unsigned flags;
	int keeph;            /* h is the caller's (tbl_takehdr) */
};

/* Open path ("-" is stdin) into t, the caller's, and read its header;
 * t, or exit 1 on any fault. */
struct tbl *tbl_open(struct tbl *t, const char *path, unsigned flags);
/* The next row into t->row, of exactly the header's width: 1, or 0 at
 * the end; exits 1 on any fault. */
int tbl_next(struct tbl *t);
/* The index of the column named by names ('|' aliases), or -1. */
long tbl_col(const struct tbl *t, const char *names);
/* The same, or exit 1 saying the column is missing; role, when not
 * NULL, is the NAME of a -c NAME=COLUMN that can choose another. */
long tbl_need(const struct tbl *t, const char *names, const char *role);
/* Exit 1: the n columns miss[] are not in h, the header of file at
 * line; roles[] (NULL, or NULL entries) the -c NAME of each; more, when
 * not NULL, is said after the names. */
void tbl_missing(const char *file, long line, const struct hdr *h,
    size_t n, const char *const *miss, const char *const *roles,
    const char *more) __attribute__((noreturn));
/* Exit 1 when field col of the row holds a NUL byte. */
void tbl_nonul(const struct tbl *t, long col);
/* Exit 1: "FILE:LINE: column 'NAME': " and the message. */
void tbl_fail(const struct tbl *t, long col, const char *fmt, ...)
    __attribute__((noreturn, format(printf, 3, 4)));
/* Exit 1 unless t's header has the names of first, in its order (the
 * header of the first of several files). */
void tbl_likefirst(const struct tbl *t, const struct hdr *first);
/* Is the row the header again (files concatenated)? */
int tbl_isheader(const struct tbl *t);
/* A copy of row's fields for the caller to keep: *f and *len arrays of
 * row->n, the fields NUL-terminated in one block at (*f)[0] (rows are
 * many, fields short); free (*f)[0], *f and *len. */
void tbl_keep(const struct csvr_row *row, char ***f, size_t **len);
/* The header becomes the caller's: tbl_close() leaves it (hdr_free). */
struct hdr *tbl_takehdr(struct tbl *t);
/* Close what t holds (not t itself). */
void tbl_close(struct tbl *t);

#endif
