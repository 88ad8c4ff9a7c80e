/* crimerate.h: what the files of crimerate share.
 *
 * crimerate: records (date,area,category[,count]) become indicators:
 * counts, rates per 1,000 and change against a comparison period.
 *
 * Rows are never stored. Each record is added to a hash table keyed by
 * area id × raw category id × bucket (a period, or a month/quarter/year of
 * a series); dates, areas and categories are interned once each, so the
 * memory is proportional to the number of groups (and a bounded memo of
 * the keys read in the file: read.c). Categories are mapped to
 * indicators and areas rolled up to their parents only at the end, over
 * the groups. --partial keeps the record's own date and source unit as the
 * bucket, so that partials are records again and --merge is an ordinary
 * run over them.
 *
 * Coverage: every record, inside the periods or not, marks its (area, raw
 * category) as having data in each month its date spans, and its
 * category as one of its source unit's (the input file, or a value of the
 * source column). Categories met in one unit are one source (union-find);
 * a month is covered for (source, area) when any category of the source
 * has data for the area in it. */
#ifndef CRIMERATE_H
#define CRIMERATE_H

#include <limits.h>
#include <stdint.h>
#include <stdio.h>

#include "period.h"
#include "table.h"
#include "util.h"

__extension__ typedef __int128 i128;

enum { C_DATE, C_AREA, C_CAT, C_COUNT, C_SRC, NCOL };
extern const char *const colname[NCOL];

#define NOB LONG_MIN
#define SHOWN 60 /* bytes of a bad value quoted in a message */

/* Strings to dense ids; open addressing over the ids. */
struct strtab {
	char **s;
	size_t *len;
	uint64_t *h;
	size_t n, cap;
	uint32_t *slot; /* id + 1; 0 empty */
	size_t mask;
	uint32_t last; /* the last id returned: runs of one value are common */
};

struct grp {
	uint32_t a, c; /* a == UINT32_MAX: empty slot */
	long b;
	int64_t n;
};

struct gtab {
	struct grp *e;
	size_t n, mask;
};

struct gvec {
	struct grp *e;
	size_t n, cap;
};

/* A record's key (read.c): the ids found for its date, area, category
 * and source unit, and where its groups are in the table of groups. */
struct kslot {
	uint64_t h;                /* the key's hash */
	uint32_t epoch, off, len;  /* epoch: the memo's when set; off, len:
				    * the key's bytes in the memo's text */
	uint32_t id, a, c, unit;   /* date, area, category, source unit */
	size_t j[2], gmask;        /* the groups' slots in R->g.e, while
				    * R->g.mask is gmask */
};

#define KEYMAX 256 /* the longest key remembered, in bytes */

/* Keys of this file read before, by their bytes (read.c). */
struct kmemo {
	struct kslot *e; /* open addressing; not this epoch: empty */
	size_t mask, n;
	uint32_t epoch;
	char *text;      /* the keys' bytes, packed */
	size_t len, tcap;
	long kcol[NCOL]; /* the file's key columns: date, area, category */
	size_t nk;       /* and source when it has one, in file order */
	int side;        /* they are neighbours in the file */
	char key[KEYMAX]; /* the record's key, where copied */
};

struct dinfo {
	long b[2]; /* buckets the date counts toward, NOB for none */
	long m0, m1; /* the months its span covers (period_bucket) */
};

/* An area of the data or of the lookup files, matched by its key
 * (lib/name.h). */
struct node {
	char *name; /* as shown: a lookup's spelling, else the data's */
	uint32_t *par, *kid;
	size_t npar, nkid;
	int state; /* cycle check: 0 new, 1 on the path, 2 done */
	uint32_t mark; /* ancestors(): met in this walk */
	int chain;     /* chains(): 1 it and its ancestors have one parent
			* each (or none), 2 not */
	long depth;    /* on a chain: the number of ancestors */
	uint64_t missed; /* bit d: a missing denominator d said */
	int warned;
	long *py;      /* population years (0: any year) */
	int64_t *pop;  /* [row][denominator]: -1 an empty cell */
	size_t npop;
};

/* Months of a source missing for an area, inside a period shown. */
struct gap {
	uint32_t leaf, src;
	long m0, m1, ctx;
	char what[96]; /* "period sa2016 (2015-10..2016-09)" */
};

/* What an indicator is (--indicators, --weights): a count per N of a
 * denominator of the population file, a percentage (numerator over
 * denominator, both indicators), or the harm-weighted total. */
struct ind {
	int kind;      /* META_COUNT, META_PERCENTAGE or META_HARM */
	size_t den;    /* a count's or harm's denominator: R.den[den] */
	uint32_t num, dind; /* a percentage's numerator and denominator */
	long long per;
	int weighted;  /* a count with a weighted category */
};

/* The exact test of a row's change (signif.c): its figures, and the
 * result. */
struct sig {
	int64_t c, p, pop, ppop;
	double e1, e2;  /* the exposures */
	int ok, kind;   /* a whole comparison; the indicator's kind */
	int none;       /* no test: the four cells empty */
	int ci;         /* the interval is known */
	double pv, lo, hi;
};

#define WSCALE 1000000 /* weights are held as millionths */
#define MAXDEN 64      /* denominators: bits of node.missed */

struct crimerate {
	const char *col[NCOL];
	int merge, partial, strict, allowmiss, allowpart, verbose, by, cmpnone;
	int roll;  /* --by 12m: months in a row (12), else 0 */
	long back; /* series: buckets read before the first shown, for the
		    * previous bucket and the same one a year before */
	long long per;
	double level; /* --level: of the change's interval and test, % */
	int hasper;
	struct period per_, cmp;
	long blo, bhi;      /* series: buckets the output shows */
	int anyb;
	long dfirst, dlast; /* the span of every date read */
	int anyd;
	char *firstat, *lastat; /* FILE:LINE where each was read */
	uint32_t firstid, lastid; /* and the dates, as written */
	struct strtab dates, areas, cats;
	struct dinfo *di;
	i128 *catn, *arean; /* counted per category, per area as written */
	size_t catcap, areacap;
	struct gtab g;
	struct strtab units; /* source units, by label */
	struct gtab seen;    /* (area, raw category, month): has data */
	struct {
		uint32_t a1, c;  /* seen(): the last group marked, area + 1 */
		long m0, m1;     /* (a1 0: none yet) and months */
	} last;
	struct gtab uc;      /* (unit, raw category): met together */
	uint32_t *cunit;     /* raw category → the last unit met + 1 */
	long win[2][2];      /* months whose coverage can be asked */
	size_t ncunit;
	long long nrows, nout;
	struct kmemo memo;   /* records' keys read before in this file */
	/* the final stage */
	struct strtab nodes, inds, ckeys;
	struct node *nd;
	uint32_t *areanode;
	struct strtab dcat; /* the keys of the data's categories */
	uint32_t *ckid;     /* raw category → its key in dcat */
	char **dname;       /* a key of dcat → the spelling shown */
	char **iname;       /* an indicator (inds holds keys) → spelling */
	struct sbuf kbuf;   /* key() */
	uint32_t **cmap; /* a key of dcat → indicators */
	size_t *ncmap;
	uint32_t **kmap; /* a category key of the file → indicators */
	size_t *nkmap;
	uint32_t *rest;  /* the file's '*' row: the other categories' */
	size_t nrest;
	int hasrest;
	struct gtab out, pairs, direct; /* direct: build()'s other adds */
	struct gvec *bk; /* passup(): groups by depth */
	size_t nbk;
	uint32_t *src;     /* raw category → its source: the root category */
	uint32_t *sunit, *scat; /* a source's smallest unit label, category */
	struct grp *cl;    /* contrib, sorted */
	struct gtab gapt;  /* (leaf node, source, context): a gap said */
	struct gtab gwalk; /* (node, indicator, context and months): walked */
	struct gap *gl;
	size_t ngl;
	struct gtab cover; /* (node, source, month): has data */
	struct gtab contrib; /* (node, indicator, node << 32 | source) */
	long mlo, mhi;       /* the months a row's bit set holds */
	size_t nw;           /* 64-bit words a row */
	struct gtab rowix;   /* (node, indicator): its bit set's index + 1 */
	uint64_t *rowb;      /* the rows' bit sets of covered months */
	size_t nrowb, rowbcap;
	uint32_t **nodeinds; /* node → the indicators it has rows for */
	size_t *nnodeinds;
	uint32_t *gm, gmark; /* gap(): areas met in this walk */
	const char *popfile;
	uint32_t *up, mark; /* ancestors() */
	size_t nup, upcap;
	const long *years; /* population years asked for */
	long *pyears;      /* the same, owned */
	struct grp *bsort; /* build(): the groups by area */
	size_t nyears;
	int64_t *psum;   /* [year][node]: the sum of a parent's leaves */
	uint32_t *pmiss; /* [year][node]: a leaf without one, + 1 */
	/* measures.c: indicators of every kind, and harm weights */
	struct meta *meta;   /* --indicators, or NULL */
	const char *wfile;   /* --weights, or NULL */
	const char **den;    /* the population file's columns used */
	size_t nden;
	struct ind *ii;      /* by indicator */
	int64_t **cmw;       /* parallel to cmap: what a count is worth */
	struct strtab wkeys; /* weights: category keys */
	int64_t *wval;       /* their weights x WSCALE */
	int64_t *kw;         /* a key of dcat → its weight, -1 none */
	long wdec;           /* the most decimals a weight has */
	uint32_t harm;       /* the harm-weighted total, or UINT32_MAX */
	struct gtab hs, vs;  /* (node, indicator, bucket): harm, volume */
	struct sig *sig;     /* signif.c: the rows' tests, computed ahead */
	size_t nsig, sigcap, sigat;
};


/* strtab.c: interned strings and counted groups */
long st_find(const struct strtab *t, const char *s, size_t n, uint64_t h,
    size_t *slot);
uint32_t st_id(struct strtab *t, const char *s, size_t n, int *isnew);
void st_free(struct strtab *t);
int64_t *g_get(struct gtab *t, uint32_t a, uint32_t c, long b);
size_t g_put(struct gtab *t, uint32_t a, uint32_t c, long b);
int64_t g_count(const struct gtab *t, uint32_t a, uint32_t c, long b);
size_t g_at(const struct gtab *t, uint32_t a, uint32_t c, long b);

/* read.c: the records */
void die(const char *file, long line, const char *col, const char *fmt, ...);
void readfile(struct crimerate *R, const char *path);
void check_span(struct crimerate *R);

/* lookups.c: categories, rollup and populations */
uint32_t node(struct crimerate *R, const char *s, size_t n, int lookup);
void spell_areas(struct crimerate *R);
void load_categories(struct crimerate *R, const char *path);
int map_categories(struct crimerate *R, const char *path);
void load_rollup(struct crimerate *R, const char *path);
void check_rollup(struct crimerate *R, const char *path);
void ancestors(struct crimerate *R, uint32_t v);
void chains(struct crimerate *R);
uint32_t indid(struct crimerate *R, const char *k, size_t n, const char *s,
    size_t sn);
const char *key(struct crimerate *R, const char *s, size_t *n);
void push(uint32_t **v, size_t *n, uint32_t x);
void load_population(struct crimerate *R, const char *path);
void popsums(struct crimerate *R, const long *years, size_t ny);
int64_t population(struct crimerate *R, uint32_t v, size_t d, long year,
    uint32_t *part);

/* measures.c: denominators, percentages and harm weights */
void denominators(struct crimerate *R);
void load_weights(struct crimerate *R, const char *path);
int measures(struct crimerate *R);
void weigh(struct crimerate *R, uint32_t a, uint32_t k, long b, int64_t n);
void free_measures(struct crimerate *R);

/* coverage.c: sources, and which months of a row have data */
void sources(struct crimerate *R);
void contributors(struct crimerate *R);
long covered(struct crimerate *R, uint32_t v, uint32_t ind, long m0, long m1);
void gap(struct crimerate *R, uint32_t v, uint32_t ind, long m0, long m1,
    long ctx, const char *what);
int gaps(struct crimerate *R);

/* output.c: indicators and partial counts */
void build(struct crimerate *R);
int indicators(struct crimerate *R, const char *opt_o);
int partial(struct crimerate *R, const char *opt_o);

/* signif.c: the rows' tests, computed ahead on every processor */
void sig_figures(const struct crimerate *R, struct sig *g, int64_t c,
    int64_t p, int64_t pop, int64_t ppop, const long days[2], int ok,
    int kind);
void sig_calc(const struct crimerate *R, struct sig *g);
void sig_note(struct crimerate *R, int64_t c, int64_t p, int64_t pop,
    int64_t ppop, const long days[2], int ok, int kind);
void sig_run(struct crimerate *R);
const struct sig *sig_take(struct crimerate *R, const struct sig *g);
void sig_free(struct crimerate *R);

#endif
