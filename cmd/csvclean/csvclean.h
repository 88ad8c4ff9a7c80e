/* csvclean: what its files share. */
#ifndef CSVCLEAN_H
#define CSVCLEAN_H

#include <getopt.h>
#include <stdint.h>
#include <stdio.h>

#include "csvread.h"
#include "util.h"

enum { OP_DATE, OP_NUMBER, OP_MAP, OP_DERIVE, OP_SET, OP_REDACT, OP_REQUIRE };
enum { RED_BLANK, RED_SECTOR, RED_MASK };
/* The columns --report reads, by role (report.c). */
enum { REP_FORCE, REP_WITHIN, REP_MONTH, REP_LON, REP_LAT, REP_LOC, REP_LSOA,
	REP_NROLES };

/* One transformation; they run in the order given. */
struct op {
	int kind;
	char *col;          /* the column read (DERIVE: the source) */
	char *dst;          /* DERIVE, SET: the column written */
	char **fmt;         /* DATE */
	size_t nfmt;
	int deffmt;
	struct rx *rx;      /* MAP, DERIVE */
	char *repl;
	int global;
	char *value;        /* SET */
	int mode;           /* REDACT */
	long ci, di;
	struct memo *memo;  /* DATE, MAP, DERIVE: row.c */
};


/* The options, as the command line and profiles set them. */
struct options {
	int delim, verbose, stats, pad, join, notrim, snake, usdates, safe;
	int deduprows, rejraw, excel;
	int quarters;      /* SPAN_Q*: how a quarter of one year reads */
	char *enc, *out, *rejects;
	char *report;      /* --report FILE */
	char *repcol[REP_NROLES]; /* --report-columns: each role's column */
	long long maxrej;
	double maxrejpct;
	size_t maxfield;
	size_t dedupmem;   /* --dedup-memory, bytes; 0 the default */
	long threads;      /* --threads; 0 the default, the processors */
	size_t chunk;      /* --chunk, bytes; 0 the default (part.c) */
	char **rename, **select;
	size_t nrename, nselect;
	char *dedup;
	struct op *ops;
	size_t nops;
	const char *argv0; /* to find a built tree's profiles */
};
#define OPTIONS_INIT { .maxfield = 1 << 20, .maxrejpct = -1 }

/* A run over the files: made by main(), passed to every step. */
struct run {
	const struct options *opt;
	FILE *out, *rej;
	const char *file;
	struct hdr *h0;     /* the first file's header */
	struct hdr *fh;     /* this file's header */
	size_t w;           /* input width (the first file's) */
	size_t ww;          /* working width: input plus new columns */
	char **name;        /* working column names */
	long *perm;         /* this file's column for each first-file column */
	long *sel;
	size_t nsel;
	char *need;         /* a column written or read by an option */
	size_t *use, nuse;  /* the input columns in need */
	long dedupi;
	const char *idp;    /* the id whose hash is idh */
	size_t idn;
	uint64_t idh;
	struct hset *ids, *rows;
	/* A row's dedup waits for the next row's work, so that the look-up
	 * of its id, a cache miss, is started a row ahead (settle()): its
	 * line, its hashes and which of them count. Not with --report,
	 * which counts each row as it goes. */
	/* The memos' blocks of text: a value that lies in one is a
	 * remembered output, and only those that need no quoting are
	 * remembered (build() need not look). */
	const char **mtext;
	size_t nmtext;
	int defer, pending, pendf;
	uint64_t pendid, pendrow;
	struct sbuf pend;
	struct recode *rc;
	struct report *rep; /* --report: NULL without it */
	struct part *part;  /* a thread's part of a file (part.c), whose
			     * rows are kept there: NULL on the main thread */
	struct pool *pool;  /* the threads, from the first file they read */
	const char **v;     /* working values */
	size_t *vn;
	struct sbuf *vb, tmp, line;
	long long read, written, rejected, dups, blank, headers;
	int status, delim;
	int loaded;         /* this row's values are in v (by load()) */
	size_t opk;         /* and the ops before opk have run on them */
	uint64_t hfirst[256]; /* by first byte, the lengths of fh's names */
};

/* A part of a large plain file, worked by a thread (part.c): its rows'
 * lines and hashes and its rejects, in order, for the main thread to
 * write and say. */
enum { P_LINE, P_REJECT, P_STOP };
struct pent {
	uint64_t a, b;      /* LINE: id and row hashes; REJECT: line
			     * (from 1 at the part's start) and the length
			     * of the rejects file's tail; STOP: line */
	uint32_t len;       /* LINE: the line's bytes; REJECT: the
			     * message's, with its NUL */
	unsigned char f, kind; /* LINE: which hashes count (hashes()) */
};
struct part {
	long long idx;              /* which part it holds */
	int done;
	long long start, limit, end; /* file offsets; end PEND at the end */
	long lines;                 /* physical lines from start to end */
	long long read, blank, headers;
	long rblank;                /* of blank, the empty lines the reader
				     * skipped */
	int err;                    /* a read error, in msg */
	char msg[256];
	struct sbuf text;           /* lines, messages, rejects' tails */
	struct pent *e;
	size_t ne, ecap;
	FILE *ms;                   /* a reject's tail is written here */
	char *msb;
	size_t msn;
};
#define PEND (-1LL)

/* main.c */
int csvclean(struct options *opt, int argc, char *argv[]);

/* row.c */
void settle(struct run *R);
int isdup(struct run *R, int f, uint64_t id, uint64_t rowh);
void rejsay(struct run *R, long line, const char *msg);

/* part.c */
int part_file(struct run *R, struct input *in, struct csvr *r);
void part_free(struct run *R);
void part_add(struct part *p, int kind, uint64_t a, uint64_t b,
    size_t len, int f);

/* options.c */
extern const struct option longopts[];
void usage(FILE *fp, int status);
void setopt(struct options *opt, int c, const char *arg);

/* columns.c */
int sniff(const char *p, size_t n, int *lines);
const char *delimname(int d);
long needcol(struct run *R, const char *name, const char *what);
void setup(struct run *R, struct csvr_row *row);
int matchheader(struct run *R, struct csvr_row *row, int quiet);
int isheader(struct run *R, struct csvr_row *row);
_Noreturn void permfail(const struct run *R, long line);
void hname(const struct options *opt, FILE *fp, const char *s, int first);
void sethdr(struct run *R, struct csvr_row *row);

/* row.c */
int isblankrow(struct csvr_row *row);
int dorow(struct run *R, struct csvr *r, struct csvr_row *row);

/* report.c: --report. report_row() is called after each dorow(),
 * report_file() as each file begins. */
struct report *report_new(const struct options *opt, int argc, char *argv[]);
void report_setcols(struct options *opt, const char *arg);
void report_cols(struct run *R);
void report_need(const struct run *R, char *need);
void report_file(struct run *R, const char *name);
void report_row(struct run *R, struct csvr_row *row);
int report_write(struct run *R);
void report_free(struct report *p);

#endif
