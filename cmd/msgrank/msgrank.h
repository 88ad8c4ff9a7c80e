/* msgrank's private header: the tables, the state the files share and
 * the functions they call across files. */
#include <stddef.h>
#include <stdio.h>

#include "header.h"

#define MAXFIELD (1 << 20)

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

/* main.c: the options */
extern const char *opt_accuracy, *opt_focus, *opt_group, *opt_o;
extern char *focuskey;       /* name_key() of --focus */
extern const char *opt_indicators;
extern int opt_by, opt_perset, opt_bench, opt_verbose;
extern struct meta *meta;    /* --indicators, or NULL */
extern double opt_conf, opt_per;
extern char *colover[NCOL];

/* read.c: the data, groups and accuracies */
extern long col[NCOL];       /* index of each input column, or -1 */
extern struct hdr *hdr;      /* the data's header */
extern int *dropcol;         /* input columns replaced by ours */
extern char **files;
extern size_t nfiles;
extern struct row *rows;
extern size_t nrows;
extern char **gname;         /* as first written */
extern size_t ngroup;
extern struct memb *memb;
extern size_t nmemb;
extern struct acc *accs;
extern size_t naccs;

/* areas.c */
extern struct area *areas;   /* distinct data areas, sorted by name */

/* rank.c */
extern struct ent *ents;
extern size_t nents;

#define HAS(r, c)    (((r)->has >> (c)) & 1u)
#define HASVAL(r, b) (((r)->hasval >> (b)) & 1u)
#define FIELD(r, c)  ((r)->f[col[c]])

/* read.c */
size_t groupidx(char *name);
char *keydup(const char *s, size_t n);
void freegroups(void);
void read_groups(const char *path);
void read_accuracy(const char *path);
const struct acc *findacc(const char *area);
void read_file(const char *path);
void read_polarity(void);

/* areas.c */
void index_rows(void);
const struct memb *groupsof(const char *area, size_t *n);
int ingroup(const char *area);
void report(void);

/* rank.c */
void make_entries(void);
void report_unranked(void);
void rank_all(void);

/* write.c */
void write_all(FILE *fp);
