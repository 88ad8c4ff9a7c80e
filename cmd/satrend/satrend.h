/* satrend's private header: the state of a run, the rows, and the
 * functions the files call across. */
#ifndef SATREND_H
#define SATREND_H

#include <stddef.h>
#include <stdio.h>

#include "header.h"
#include "period.h"
#include "util.h"

#define MINBASE 12 /* never fewer baseline points (NHSRplotthedots) */
#define TPOINTS 5  /* the trend marker's points (Fingertips) */
/* Fingertips' ChiSquareConfidence: chi-square on 1 df at 99.8 %. */
#define TCHI2 9.54953570608324

/* The input columns satrend reads. */
enum { C_AREA, C_CATEGORY, C_PERIOD, C_COUNT, C_RATE, C_POPULATION,
	C_PER, C_COVERAGE, NCOL };
extern const char *colname[NCOL];

/* The columns satrend appends, in order, and how many. */
extern const char *addname[];
extern const size_t naddname;
#define NADD naddname

/* The signals of spc_signal, as bits, in the order they are written. */
enum { S_OUT_HIGH = 1, S_OUT_LOW = 2, S_RUN_HIGH = 4, S_RUN_LOW = 8,
	S_TREND_UP = 16, S_TREND_DOWN = 32 };

/* The trend marker; T_NONE when it cannot be computed. */
enum { T_NONE, T_NOCHANGE, T_UP, T_DOWN };

struct row {
	char **f;          /* the input fields, owned, NUL-terminated */
	size_t *len;
	char *akey, *ckey; /* the series: area and category keys (name.h) */
	const char *file;
	long line;
	long t;            /* the period as a bucket number */
	double v;          /* the value charted */
	int hasv;
	double lo, hi;     /* the value's 95 % limits, for the trend marker */
	int hasci;
	/* the results */
	size_t base;       /* index into run.bases[], 0 when none */
	double mean, lpl, upl;
	int spc;           /* mean and limits set */
	unsigned sig;      /* S_* */
	int trend;         /* T_* */
};

/* One series' baseline, as written in spc_baseline. */
struct base {
	char label[2 * PERIOD_LABEL + 2];
};

/* What one run works with: the options, then the data. */
struct run {
	const char *out;
	int byrate;              /* --value rate */
	double per;              /* --per, when there is no per column */
	int hasper;
	long runlen, trendlen;   /* points */
	long basen;              /* --baseline N: the first N points */
	struct period bfrom, bto; /* --baseline FROM..TO */
	int hasbrange;
	char *colover[NCOL];

	long col[NCOL];          /* index of each input column, or -1 */
	struct hdr *hdr;         /* the first file's header */
	int *dropcol;            /* input columns replaced by ours */
	char **files;
	size_t nfiles;
	struct row *rows;
	size_t nrows, cap;
	int kind;                /* BY_MONTH, BY_QUARTER, BY_YEAR; 0 unset */
	const struct row *kindrow; /* the row that set it */
	struct base *bases;
	size_t nbases;
	long nshort, nmissing;   /* series left without a chart */
	long nflat;              /* series whose baseline does not vary */
	const struct row *firstshort, *firstmissing, *firstflat;
	long shortn;
	struct sbuf key;         /* scratch for name keys */
};

#define FIELD(R, r, c) ((r)->f[(R)->col[c]])
#define FLEN(R, r, c)  ((r)->len[(R)->col[c]])

/* read.c */
int bykind(const struct period *p);
long bucket(const struct period *p);
const char *colsearch(const struct run *R, int c);
void read_file(struct run *R, const char *path);

/* chart.c */
void chart_all(struct run *R);
void report(const struct run *R);

/* write.c */
void write_all(const struct run *R, FILE *fp);

#endif
