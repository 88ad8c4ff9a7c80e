/* msgrank's private header: the tables, the state of a run, which every
 * function is given (struct run), and the functions the files call
 * across. */
#ifndef MSGRANK_H
#define MSGRANK_H

#include <stddef.h>
#include <stdio.h>

#include "header.h"

/* The input columns msgrank reads. */
enum { C_AREA, C_CATEGORY, C_PERIOD, C_POLARITY, C_COUNT, C_POPULATION,
	C_RATE, C_PREV_COUNT, C_CHANGE_PCT, C_PER, C_COVERAGE, C_PREV_COVERAGE,
	C_PREV_POPULATION, C_PREV_RATE, C_KIND, NCOL };
extern const char *colname[NCOL];

/* What can be ranked (--by). */
enum { BY_RATE, BY_ADJ, BY_CHANGE, BY_COUNT, NBY };
/* val[], key[] and hasval hold one more value: the comparison period's,
 * ranked the same way for prev_rank. */
#define BY_PREV NBY

/* The verdict's benchmark (--benchmark). */
enum { BENCH_MEAN, BENCH_POOLED };
extern const char *byname[NBY];

/* The columns msgrank adds, in order, and how many. */
extern const char *addname[];
extern const size_t naddname;
#define NADD naddname

struct row {
	char **f;          /* the input fields, owned, NUL-terminated */
	size_t *len;
	char *akey, *ckey; /* the area's and category's name_key(), owned */
	const char *file;  /* owned by files[] */
	long line;
	double num[NCOL];  /* the numeric columns read */
	unsigned has;      /* bit c: num[c] holds a value */
	double per;        /* the rate's multiplier: per column or --per */
	double val[NBY + 1]; /* the values that can be ranked, and BY_PREV */
	double key[NBY + 1]; /* val[] at 12 significant digits: ties */
	unsigned hasval;   /* bit b: val[b] holds a value */
	int polarity;      /* META_*: from --indicators or the input */
	int kind;          /* META_COUNT, _PERCENTAGE, _HARM or _KIND_UNSET:
			    * the kind column, else --indicators */
	int partial;       /* coverage (or, by change, prev_) below 1 */
	double frac;       /* recording accuracy as a fraction, or 0 */
	double lcl, ucl;
	int hasci;
};

struct ent {
	size_t row, g;
	long rank, adjrank, of; /* rank 0: not ranked */
	long prank, pof;        /* the comparison period's rank and of */
	double mean, min, q1, q3, max;
	double pooled;          /* sum of counts / sum of populations x per */
	int haspooled;
	double vs;              /* vs_mean_pct, if hasvs */
	int hasvs;
};

struct memb {
	char *area;        /* name_key() of the area */
	char *name;        /* the area as written */
	size_t g;
	const char *file;
	long line;
};

struct acc {
	char *area;        /* name_key() */
	char *name;        /* as written */
	double pct;
};

struct area;

/* What one run works with: the options, then what is read and made. */
struct run {
	/* main.c: the options */
	const char *opt_accuracy, *opt_focus, *opt_group, *opt_o;
	char *focuskey;          /* name_key() of --focus */
	const char *opt_indicators;
	int opt_by, opt_perset, opt_bench, opt_verbose;
	struct meta *meta;       /* --indicators, or NULL */
	double opt_conf, opt_per;
	char *colover[NCOL];     /* -c NAME=COLUMN */

	/* read.c: the data, groups and accuracies */
	long col[NCOL];          /* index of each input column, or -1 */
	struct hdr *hdr;         /* the data's header */
	int *dropcol;            /* input columns replaced by ours */
	char **files;
	size_t nfiles;
	struct row *rows;
	size_t nrows, rowcap;
	char **gname;            /* as first written */
	char **gkey;             /* their name_key() */
	size_t ngroup;
	size_t *gtab, gmask;     /* open addressing: index into gname + 1 */
	struct memb *memb;
	size_t nmemb;
	struct acc *accs;
	size_t naccs;

	/* areas.c */
	struct area *areas;      /* distinct data areas, sorted by name */
	size_t nareas;

	/* rank.c */
	struct ent *ents;
	size_t nents;
};

#define HAS(r, c)    (((r)->has >> (c)) & 1u)
#define HASVAL(r, b) (((r)->hasval >> (b)) & 1u)
#define FIELD(R, r, c) ((r)->f[(R)->col[c]])
#define FLEN(R, r, c)  ((r)->len[(R)->col[c]])

/* read.c */
size_t groupidx(struct run *R, char *name);
char *keydup(const char *s, size_t n);
void freegroups(struct run *R);
void read_groups(struct run *R, const char *path);
void read_accuracy(struct run *R, const char *path);
const struct acc *findacc(struct run *R, const char *area);
void read_file(struct run *R, const char *path);
void read_polarity(struct run *R);

/* areas.c */
void index_rows(struct run *R);
const struct memb *groupsof(struct run *R, const char *area, size_t *n);
int ingroup(struct run *R, const char *area);
void report(struct run *R);

/* rank.c */
void make_entries(struct run *R);
void report_unranked(struct run *R);
void rank_all(struct run *R);

/* write.c */
void write_all(struct run *R, FILE *fp);

#endif
