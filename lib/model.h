/* model: a prioritisation model (sapriority's, and sarender's matrix),
 * one statement a line, '#' to the end of a line a comment:
 *
 *	dimension NAME LO..HI [weight=W]
 *	risk = EXPR
 *	band NAME >= NUMBER          (from the highest threshold down)
 *	band NAME                    (the last: every lower risk)
 *	confidence NAME
 *	matrix XNAME YNAME
 *	evidence NAME base N
 *	evidence NAME step N if COLUMN OP VALUE   (OP = != >= <= > <)
 *	evidence NAME map COLUMN T:S ...
 *
 * EXPR is numbers, dimension names (each standing for its score times
 * its weight), + - * / and parentheses. Every fault exits 1 naming
 * file, line and column; sapriority(1) is the full grammar. */
#ifndef SAPIPE_MODEL_H
#define SAPIPE_MODEL_H

#include <stddef.h>

enum { MODEL_STEP, MODEL_MAP };
enum { MODEL_EQ, MODEL_NE, MODEL_GE, MODEL_LE, MODEL_GT, MODEL_LT };

/* One evidence rule: a step added when a column's value meets a
 * condition, or a map from a column's value to a score. */
struct model_rule {
	int kind;       /* MODEL_STEP or MODEL_MAP */
	char *column;   /* the evidence column it reads, as written */
	int op;         /* MODEL_EQ ...: a step's condition */
	char *word;     /* the condition's value, as written */
	double num;     /* ... as a number, when isnum */
	int isnum;
	double step;    /* what a step adds */
	double *thr, *score; /* a map: the score of the highest threshold */
	size_t nmap;         /* the value reaches; thresholds ascending */
	long line;
};

struct model_dim {
	char *name;     /* as written */
	double lo, hi;  /* the scale */
	double weight;  /* the score's multiplier in the risk */
	double base;    /* the evidence score before any step: lo unless set */
	struct model_rule *rule;
	size_t nrule;
	long line;
};

struct model_band {
	char *name;
	double min;     /* a risk of min or more; -HUGE_VAL for the last */
};

struct model_op {
	int op;         /* a number, a dimension, or + - * / and negation */
	double v;
	size_t dim;
};

struct model {
	char *file;     /* the file's name as opened */
	struct model_dim *dim;
	size_t ndim;
	struct model_op *risk; /* the risk in postfix order */
	size_t nrisk;
	char *risktext;        /* the expression as written */
	struct model_band *band; /* thresholds descending, the last open */
	size_t nband;
	long conf;      /* the confidence dimension, or -1 */
	long mx, my;    /* the matrix's x and y dimensions, or -1 */
};

/* Read path ("-" is stdin); exits 1 on any fault. */
struct model *model_read(const char *path);
void model_free(struct model *m);
/* The dimension named s[0..n) (any case), or -1. */
long model_find(const struct model *m, const char *s, size_t n);
/* The risk of the scores (one per dimension, the score as on its scale,
 * before the weight): 0 and *risk set, or -1 when it is not a finite
 * number (a division by zero). */
int model_risk(const struct model *m, const double *score, double *risk);
/* Does the risk use dimension d? */
int model_uses(const struct model *m, size_t d);
/* The band of a risk. */
const struct model_band *model_band(const struct model *m, double risk);

#endif
