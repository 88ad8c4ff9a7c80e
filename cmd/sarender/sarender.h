/* sarender: what the files of the tool share. Private to cmd/sarender/. */
#ifndef SARENDER_H
#define SARENDER_H

#include <stddef.h>
#include <stdio.h>

#include "util.h"

struct sarender; /* main.c: the run's options, passed to each step */

enum { F_TEXT, F_MD, F_HTML, F_CSV };
enum { K_TEXT, K_INT, K_SINT, K_DEC, K_PCT, K_RANK, K_BAND, K_RAG, K_CHART,
	K_PARTIAL, K_TREND, K_SCORE };
enum { RAG_NONE, RAG_GREEN, RAG_AMBER, RAG_RED };

/* What the tool knows about the columns of crimerate and msgrank. */
enum {
	R_AREA, R_CATEGORY, R_PERIOD, R_GROUP, R_COUNT, R_POP, R_RATE,
	R_PREV_COUNT, R_PREV_RATE, R_CHANGE, R_CHANGE_PCT, R_RANK, R_OF,
	R_MEAN, R_VS_MEAN, R_LCL, R_UCL, R_BAND, R_MIN, R_Q1, R_Q3, R_MAX,
	R_ADJ_RATE, R_ADJ_RANK, R_PER, R_COVERAGE, R_PREV_COVERAGE,
	R_PREV_RANK, R_PREV_OF, R_POLARITY, R_VERDICT, R_CHANGE_SIG, R_POOLED,
	R_YOY_COUNT, R_YOY_PCT, R_DENOMINATOR, R_KIND, R_PREV_POP, NROLE
};

/* Blanked when the count is withheld (C) or the previous count (P), or
 * a count in the row's group (G, GP); C2 and P2 mark a count withheld
 * only so that another cannot be worked out from a total ([c]). */
#define SUP_C 1
#define SUP_P 2
#define SUP_G 4
#define SUP_GP 8
#define SUP_C2 16
#define SUP_P2 32

struct role {
	const char *name, *label;
	int kind, sup;
};

struct col {
	char *label;
	long src;  /* input column, or -1 for rag and chart */
	int role;  /* R_*, or -1 */
	int kind;
	int right;
	long aux;  /* K_SCORE: the score's _source column */
};

struct target {
	char *category;
	long measure; /* input column */
	int higher;   /* higher is better */
	double target, amber;
	int used;
};

struct tab {
	struct hdr *h;
	long hline;        /* the header's line in the first file */
	char ***row;
	long *line;
	const char **file; /* each row's file name, one of files[] */
	char **files;
	size_t nfiles;
	size_t n, cap;
	long ix[NROLE];
	struct col *col;
	size_t ncol;
	char **lift; /* "Label: value" lines for constant columns */
	size_t nlift;
	unsigned char *sup, *rag, *focus;
	struct target *tg;
	size_t ntg;
	const char *tgname;
	double *cover, *pcover; /* coverage, prev_coverage; 1 when whole */
	double per;             /* the rows' one per, or 0 when they differ */
	unsigned char *pol;     /* each row's META_* polarity */
	int anysig;             /* a change cell is marked significant */
	char *ratelabel;        /* "Rate per 100,000", from per */
	const struct trendset *tr; /* series for the Trend column, charts */
	int series;             /* the rows are a series' (no RAG by
				 * thresholds); 2: each series' last row */
	struct funnel *fun;     /* --funnel: the plots' data, or NULL */
	int prio;               /* sapriority's output (issue, risk, priority) */
	struct model *model;    /* --model, or NULL */
	long mcol[2];           /* the matrix's x and y columns, or -1 */
};

/* Is row r partial: a coverage below 1? */
#define PARTIAL(t, r) ((t)->cover[r] < 1 || (t)->pcover[r] < 1)

/* columns.c */
extern const struct role roles[NROLE];
void addcol(struct sarender *S, struct tab *t, long src, int role,
    const char *label);
void prepare(struct sarender *S, struct tab *t);

/* main.c: the options, and what the run notes on the way; main() makes
 * one and passes it to each step that reads it. */
struct sarender {
	int fmt, ascii, width, hasrag, excel;
	long suppress;
	double ragg, raga;
	const char *title, *caption, *source, *classif, *focusarea;
	const char *opt_C, *opt_targets, *opt_rag, *opt_rollup;
	const char *opt_indicators, *opt_model;
	int verbose;
	char **over; /* -c NAME=COLUMN */
	size_t nover;
	int badutf;  /* invalid UTF-8 met, shown as U+FFFD */
};
#define SARENDER_INIT { .fmt = F_TEXT, .width = 78, .suppress = -1, \
	.raga = 5 }

/* str.c */
char *clean(struct sarender *S, const char *s);
size_t dwidth(const char *s);
void pad(FILE *fp, size_t n);
void fmtnum(struct sbuf *b, double v, int dec, int sign);
void fmtnums(struct sbuf *b, const char *s, double v, int dec, int sign);
int isblank_s(const char *s);
int getnum(const char *s, double *v);
double round1(double v, int dec);

/* suppress.c */
int colsup(const struct tab *t, long src);
void readrollup(const char *path);
void freerollup(void);
void suppressrows(struct sarender *S, struct tab *t);

/* width.c */
int ucwidth(unsigned cp);

/* read.c */
void readfile(struct tab *t, const char *path);
int rolename(const char *s, size_t n);
void findroles(struct sarender *S, struct tab *t);
void readtargets(struct tab *t, const char *path);
void freetab(struct tab *t);

/* rag.c */
void flagrows(struct sarender *S, struct tab *t);
void readper(struct tab *t);
void readcover(struct tab *t);
void ragall(struct sarender *S, struct tab *t);
void readpolarity(struct sarender *S, struct tab *t);
/* Is row r's change significant (change_sig up or down)? */
int significant(const struct tab *t, size_t r);

/* cells.c */
/* Is row r alone in its group (of = 1)? It then has no rank. */
int alone(const struct tab *t, size_t r);
void aligncols(struct tab *t);
char *cellshown(struct sarender *S, struct tab *t, size_t r, size_t c);
void render(struct sarender *S, FILE *fp, struct tab *t);

/* priority.c: sapriority's output */
int prio_is(const struct tab *t);
void prio_cols(struct sarender *S, struct tab *t);
void prio_model(struct tab *t, const char *path);
char *prio_score(struct sarender *S, const struct tab *t, size_t r,
    const struct col *c);
size_t prio_notes(struct sarender *S, const struct tab *t, char **n);

/* matrix.c: the harm x likelihood matrix, in HTML */
void wmatrix(struct sarender *S, FILE *fp, const struct tab *t);

/* trend.c: series, as a Trend column and as charts */
struct trendset;
struct trendset *trend_new(const struct tab *t, int must);
int trend_charted(const struct tab *t);
void trend_keeplast(struct tab *t, const struct trendset *ts);
char *trend_cell(const struct trendset *ts, const char *area,
    const char *cat, int asc);
char *trend_note(const struct trendset *ts, int asc);
void trend_html(struct sarender *S, FILE *fp, const struct tab *t,
    const struct trendset *ts);
void trend_free(struct trendset *ts);

/* text.c, md.c, csv.c, html.c: one format each */
void freelines(char **l, size_t n);
void wtext(struct sarender *S, FILE *fp, struct tab *t, char ***cell,
    char **note, size_t nnote, const char *lift);
void wmd(struct sarender *S, FILE *fp, struct tab *t, char ***cell, char **note,
    size_t nnote, const char *lift);
void wcsv(struct sarender *S, FILE *fp, struct tab *t, char ***cell);
void hesc(struct sarender *S, FILE *fp, const char *s);
void whtml(struct sarender *S, FILE *fp, struct tab *t, char **note,
    size_t nnote, const char *lift);

/* funnel.c: --funnel, a funnel plot per indicator (HTML) */
struct funnel;
extern const char funnel_css[]; /* the plots' style, when there are any */
/* Read the whole group's ranked rows from path for the indicators of
 * spec ("all" or IND,...); exits 1 on a fault or an indicator absent. */
struct funnel *funnel_read(const char *path, const char *spec);
void funnel_free(struct funnel *f);
/* The plots; members with a count below minc (--suppress) are left out. */
void funnel_html(struct sarender *S, FILE *fp, const struct funnel *f, const char *focus,
    long minc);

#endif
