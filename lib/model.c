/* model: a prioritisation model (see model.h). */
#include <err.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input.h"
#include "model.h"
#include "num.h"
#include "util.h"

#define MODEL_MAXSIZE (1 << 20)

enum { OP_NUM, OP_DIM, OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_NEG };

/* Where the parser is: the line, its text, the next byte. */
struct cur {
	struct model *m;
	long line;
	const char *s, *p;
};

_Noreturn static void
fail(const struct cur *c, const char *at, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	errx(1, "%s:%ld:%ld: %s", c->m->file, c->line, (long)(at - c->s) + 1,
	    msg);
}

static void
skipws(struct cur *c)
{
	while (*c->p == ' ' || *c->p == '\t')
		c->p++;
}

/* The next word (up to a space); its length, 0 at the end of the line. */
static size_t
word(struct cur *c, const char **w)
{
	skipws(c);
	*w = c->p;
	while (*c->p && *c->p != ' ' && *c->p != '\t')
		c->p++;
	return (size_t)(c->p - *w);
}

static int
isalpha_(int c)
{
	return c == '_' || (unsigned)((c | 32) - 'a') < 26u;
}

/* Is s[0..n) a name: a letter or _, then letters, digits and _? */
static int
isname(const char *s, size_t n)
{
	size_t i;

	if (n == 0 || !isalpha_(s[0]))
		return 0;
	for (i = 1; i < n; i++)
		if (!isalpha_(s[i]) && (unsigned)(s[i] - '0') >= 10u)
			return 0;
	return 1;
}

/* A word that must be there, with what it should have been. */
static size_t
need(struct cur *c, const char **w, const char *what)
{
	size_t n = word(c, w);

	if (n == 0)
		fail(c, *w, "%s is missing", what);
	return n;
}

static double
number(struct cur *c, const char *what)
{
	const char *w;
	size_t n = need(c, &w, what);
	double v;

	if (num_dbl(w, n, &v) != 0)
		fail(c, w, "%s '%.*s' is not a number", what, (int)n, w);
	return v;
}

/* A dimension declared above, by name. */
static size_t
dimref(struct cur *c, const char *what)
{
	const char *w;
	size_t n = need(c, &w, what);
	long d = model_find(c->m, w, n);

	if (d < 0)
		fail(c, w, "'%.*s' is no dimension declared above", (int)n, w);
	return (size_t)d;
}

static void
endline(struct cur *c)
{
	const char *w;

	if (word(c, &w))
		fail(c, w, "'%s' after the end of the statement", w);
}

long
model_find(const struct model *m, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < m->ndim; i++)
		if (strnieq(s, n, m->dim[i].name))
			return (long)i;
	return -1;
}

/* dimension NAME LO..HI [weight=W] */
static void
st_dimension(struct cur *c)
{
	static const char *const reserved[] = { "issue", "indicator", "note",
		"notes", "risk", "priority", "band", "confidence", "evidence",
		NULL };
	struct model_dim *d;
	const char *w, *dots;
	size_t n = need(c, &w, "the dimension's name"), i;

	if (!isname(w, n))
		fail(c, w, "'%.*s' is not a name (letters, digits, _)", (int)n,
		    w);
	if (model_find(c->m, w, n) >= 0)
		fail(c, w, "dimension '%.*s' is declared twice", (int)n, w);
	for (i = 0; reserved[i]; i++)
		if (strnieq(w, n, reserved[i]) && strcmp(reserved[i],
		    "confidence") != 0)
			fail(c, w, "'%s' names an output column: not a "
			    "dimension", reserved[i]);
	c->m->dim = xreallocarray(c->m->dim, c->m->ndim + 1,
	    sizeof(*c->m->dim));
	d = &c->m->dim[c->m->ndim++];
	memset(d, 0, sizeof(*d));
	d->name = xstrndup(w, n);
	d->line = c->line;
	d->weight = 1;
	n = need(c, &w, "the scale LO..HI");
	dots = strstr(w, "..");
	if (!dots || dots > w + n || num_dbl(w, (size_t)(dots - w), &d->lo) ||
	    num_dbl(dots + 2, n - (size_t)(dots - w) - 2, &d->hi) ||
	    d->lo >= d->hi)
		fail(c, w, "the scale '%.*s' is not LO..HI, two numbers, LO "
		    "below HI", (int)n, w);
	d->base = d->lo;
	if ((n = word(c, &w)) == 0)
		return;
	if (n < 7 || strncmp(w, "weight=", 7) != 0)
		fail(c, w, "'%.*s' is not weight=W", (int)n, w);
	if (num_dbl(w + 7, n - 7, &d->weight) != 0 || d->weight < 0)
		fail(c, w + 7, "the weight '%.*s' is not a number, zero or "
		    "more", (int)n - 7, w + 7);
	endline(c);
}

/* ---- the risk expression, by recursive descent into postfix ---- */

static void expr(struct cur *c, int depth);

static void
emit(struct cur *c, int op, double v, size_t dim)
{
	struct model *m = c->m;

	m->risk = xreallocarray(m->risk, m->nrisk + 1, sizeof(*m->risk));
	m->risk[m->nrisk++] = (struct model_op){ op, v, dim };
}

static void
factor(struct cur *c, int depth)
{
	const char *w;
	double v;
	size_t n;
	long d;

	skipws(c);
	w = c->p;
	if (depth > 64)
		fail(c, w, "the expression is nested too deep");
	if (*c->p == '(') {
		c->p++;
		expr(c, depth + 1);
		skipws(c);
		if (*c->p != ')')
			fail(c, c->p, "a ')' is missing");
		c->p++;
	} else if (*c->p == '-') {
		c->p++;
		factor(c, depth + 1);
		emit(c, OP_NEG, 0, 0);
	} else if (isname(c->p, 1)) {
		for (n = 1; isname(c->p, n + 1); n++)
			;
		if ((d = model_find(c->m, c->p, n)) < 0)
			fail(c, w, "'%.*s' is no dimension declared above",
			    (int)n, w);
		c->p += n;
		emit(c, OP_DIM, 0, (size_t)d);
	} else {
		n = strspn(c->p, "0123456789.");
		if (n == 0 || num_dbl(c->p, n, &v) != 0)
			fail(c, w, "a number, a dimension or '(' is wanted, "
			    "not '%s'", *w ? w : "the end of the line");
		c->p += n;
		emit(c, OP_NUM, v, 0);
	}
}

static void
term(struct cur *c, int depth)
{
	int op;

	factor(c, depth);
	for (;;) {
		skipws(c);
		if (*c->p != '*' && *c->p != '/')
			return;
		op = *c->p++ == '*' ? OP_MUL : OP_DIV;
		factor(c, depth);
		emit(c, op, 0, 0);
	}
}

static void
expr(struct cur *c, int depth)
{
	int op;

	term(c, depth);
	for (;;) {
		skipws(c);
		if (*c->p != '+' && *c->p != '-')
			return;
		op = *c->p++ == '+' ? OP_ADD : OP_SUB;
		term(c, depth);
		emit(c, op, 0, 0);
	}
}

/* risk = EXPR */
static void
st_risk(struct cur *c, const char *kw)
{
	if (c->m->risk)
		fail(c, kw, "risk is given twice");
	skipws(c);
	if (*c->p != '=')
		fail(c, c->p, "'=' is wanted after risk");
	c->p++;
	skipws(c);
	c->m->risktext = xstrdup(c->p);
	expr(c, 0);
	skipws(c);
	if (*c->p)
		fail(c, c->p, "'%s' does not continue the expression", c->p);
}

/* band NAME >= NUMBER, or band NAME for every lower risk */
static void
st_band(struct cur *c)
{
	struct model *m = c->m;
	struct model_band *b;
	const char *w;
	size_t n = need(c, &w, "the band's name"), i;

	if (m->nband && m->band[m->nband - 1].min == -HUGE_VAL)
		fail(c, w, "a band after the last (the one without a "
		    "threshold)");
	for (i = 0; i < m->nband; i++)
		if (strnieq(w, n, m->band[i].name))
			fail(c, w, "band '%.*s' is given twice", (int)n, w);
	m->band = xreallocarray(m->band, m->nband + 1, sizeof(*m->band));
	b = &m->band[m->nband++];
	b->name = xstrndup(w, n);
	b->min = -HUGE_VAL;
	if ((n = word(c, &w)) == 0)
		return;
	if (n != 2 || strncmp(w, ">=", 2) != 0)
		fail(c, w, "'>=' is wanted, not '%.*s'", (int)n, w);
	skipws(c);
	w = c->p;
	b->min = number(c, "the threshold");
	if (m->nband > 1 && b->min >= m->band[m->nband - 2].min)
		fail(c, w, "the threshold is not below the band above's");
	endline(c);
}

static int
oper(const char *w, size_t n)
{
	static const char *const ops[] = { "=", "!=", ">=", "<=", ">", "<" };
	int i;

	for (i = 0; i < 6; i++)
		if (strlen(ops[i]) == n && strncmp(w, ops[i], n) == 0)
			return i;
	return -1;
}

static struct model_rule *
addrule(struct cur *c, struct model_dim *d, int kind)
{
	struct model_rule *r;

	d->rule = xreallocarray(d->rule, d->nrule + 1, sizeof(*d->rule));
	r = &d->rule[d->nrule++];
	memset(r, 0, sizeof(*r));
	r->kind = kind;
	r->line = c->line;
	return r;
}

/* step N if COLUMN OP VALUE */
static void
ev_step(struct cur *c, struct model_dim *d)
{
	struct model_rule *r;
	const char *w;
	double step = number(c, "the step");
	size_t n = need(c, &w, "'if'");

	if (!strnieq(w, n, "if"))
		fail(c, w, "'if' is wanted, not '%.*s'", (int)n, w);
	r = addrule(c, d, MODEL_STEP);
	r->step = step;
	n = need(c, &w, "the column");
	r->column = xstrndup(w, n);
	n = need(c, &w, "the comparison (= != >= <= > <)");
	if ((r->op = oper(w, n)) < 0)
		fail(c, w, "'%.*s' is not = != >= <= > or <", (int)n, w);
	n = need(c, &w, "the value");
	r->word = xstrndup(w, n);
	r->isnum = num_dbl(w, n, &r->num) == 0;
	if (!r->isnum && r->op != MODEL_EQ && r->op != MODEL_NE)
		fail(c, w, "'%.*s' is not a number (a word is compared with = "
		    "or != only)", (int)n, w);
	endline(c);
}

/* map COLUMN T:S ... */
static void
ev_map(struct cur *c, struct model_dim *d)
{
	struct model_rule *r = addrule(c, d, MODEL_MAP);
	const char *w, *colon;
	size_t n = need(c, &w, "the column");
	double t, s;

	r->column = xstrndup(w, n);
	while ((n = word(c, &w)) > 0) {
		if (!(colon = memchr(w, ':', n)) || num_dbl(w, (size_t)(colon -
		    w), &t) || num_dbl(colon + 1, n - (size_t)(colon - w) - 1,
		    &s))
			fail(c, w, "'%.*s' is not THRESHOLD:SCORE", (int)n, w);
		if (r->nmap && t <= r->thr[r->nmap - 1])
			fail(c, w, "the threshold is not above the one before");
		if (s < d->lo || s > d->hi)
			fail(c, colon + 1, "the score is off the scale "
			    "%g..%g of '%s'", d->lo, d->hi, d->name);
		r->thr = xreallocarray(r->thr, r->nmap + 1, sizeof(double));
		r->score = xreallocarray(r->score, r->nmap + 1,
		    sizeof(double));
		r->thr[r->nmap] = t;
		r->score[r->nmap++] = s;
	}
	if (r->nmap == 0)
		fail(c, w, "a map needs THRESHOLD:SCORE pairs");
}

/* evidence NAME base N | step ... | map ... */
static void
st_evidence(struct cur *c)
{
	struct model_dim *d = &c->m->dim[dimref(c, "the dimension")];
	const char *w;
	size_t n = need(c, &w, "base, step or map");

	if (strnieq(w, n, "base")) {
		skipws(c);
		w = c->p;
		d->base = number(c, "the base");
		if (d->base < d->lo || d->base > d->hi)
			fail(c, w, "the base is off the scale %g..%g of '%s'",
			    d->lo, d->hi, d->name);
		endline(c);
	} else if (strnieq(w, n, "step"))
		ev_step(c, d);
	else if (strnieq(w, n, "map"))
		ev_map(c, d);
	else
		fail(c, w, "'%.*s' is not base, step or map", (int)n, w);
}

static void
statement(struct cur *c)
{
	struct model *m = c->m;
	const char *w;
	size_t n;

	skipws(c);
	w = c->p;
	for (n = 0; isname(w, n + 1); n++)
		;
	if (n == 0 && *w == '\0')
		return;
	c->p += n;
	if (strnieq(w, n, "dimension"))
		st_dimension(c);
	else if (strnieq(w, n, "risk"))
		st_risk(c, w);
	else if (strnieq(w, n, "band"))
		st_band(c);
	else if (strnieq(w, n, "evidence"))
		st_evidence(c);
	else if (strnieq(w, n, "confidence")) {
		if (m->conf >= 0)
			fail(c, w, "confidence is given twice");
		m->conf = (long)dimref(c, "the dimension");
		endline(c);
	} else if (strnieq(w, n, "matrix")) {
		if (m->mx >= 0)
			fail(c, w, "matrix is given twice");
		m->mx = (long)dimref(c, "the x dimension");
		m->my = (long)dimref(c, "the y dimension");
		if (m->mx == m->my)
			fail(c, w, "the matrix needs two dimensions");
		endline(c);
	} else
		fail(c, w, "'%.*s' is not dimension, risk, band, evidence, "
		    "confidence or matrix", (int)(n ? n : strcspn(w, " \t")),
		    w);
}

static void
readall(struct model *m, const char *path, struct sbuf *b)
{
	struct input *in = in_open(path);
	char buf[8192];
	ssize_t k;

	if (!in)
		err(1, "%s", path);
	m->file = xstrdup(in_name(in));
	while ((k = in_read(in, buf, sizeof(buf))) > 0) {
		sb_add(b, buf, (size_t)k);
		if (b->len > MODEL_MAXSIZE)
			errx(1, "%s: longer than %d bytes: not a model",
			    m->file, MODEL_MAXSIZE);
	}
	if (k < 0)
		errx(1, "%s: %s", m->file, in_error(in));
	in_close(in);
	sb_str(b);
	if (memchr(b->s, '\0', b->len))
		errx(1, "%s: a NUL byte: not a model", m->file);
}

/* What a model cannot do without; and a risk that divides by zero at
 * the scales' ends is found now, not at some issue's scores. */
static void
complete(struct model *m)
{
	double *s = xcalloc(m->ndim + 1, sizeof(double)), r;
	size_t i;
	int end;

	if (m->ndim == 0)
		errx(1, "%s: no dimension", m->file);
	if (!m->risk)
		errx(1, "%s: no 'risk = ...'", m->file);
	if (m->nband == 0 || m->band[m->nband - 1].min != -HUGE_VAL)
		errx(1, "%s: no band for the lowest risks (a last 'band NAME' "
		    "without a threshold)", m->file);
	for (end = 0; end < 2; end++) {
		for (i = 0; i < m->ndim; i++)
			s[i] = end ? m->dim[i].hi : m->dim[i].lo;
		if (model_risk(m, s, &r) != 0)
			errx(1, "%s: the risk is not a number when every score "
			    "is at its %s", m->file, end ? "highest" :
			    "lowest");
	}
	free(s);
}

struct model *
model_read(const char *path)
{
	struct model *m = xcalloc(1, sizeof(*m));
	struct sbuf b = { 0 };
	struct cur c = { .m = m };
	char *line, *next, *hash;

	m->conf = m->mx = m->my = -1;
	readall(m, path, &b);
	for (line = b.s; line; line = next) {
		if ((next = strchr(line, '\n')))
			*next++ = '\0';
		if ((hash = strchr(line, '#')))
			*hash = '\0';
		line[strcspn(line, "\r")] = '\0';
		c.line++;
		c.s = c.p = line;
		statement(&c);
	}
	sb_free(&b);
	complete(m);
	return m;
}

void
model_free(struct model *m)
{
	size_t i, j;

	if (!m)
		return;
	for (i = 0; i < m->ndim; i++) {
		for (j = 0; j < m->dim[i].nrule; j++) {
			free(m->dim[i].rule[j].column);
			free(m->dim[i].rule[j].word);
			free(m->dim[i].rule[j].thr);
			free(m->dim[i].rule[j].score);
		}
		free(m->dim[i].rule);
		free(m->dim[i].name);
	}
	for (i = 0; i < m->nband; i++)
		free(m->band[i].name);
	free(m->band);
	free(m->dim);
	free(m->risk);
	free(m->risktext);
	free(m->file);
	free(m);
}

int
model_risk(const struct model *m, const double *score, double *risk)
{
	double *st = xcalloc(m->nrisk + 1, sizeof(double));
	size_t i, n = 0;
	int ret;

	for (i = 0; i < m->nrisk; i++) {
		const struct model_op *o = &m->risk[i];

		switch (o->op) {
		case OP_NUM: st[n++] = o->v; break;
		case OP_DIM:
			st[n++] = score[o->dim] * m->dim[o->dim].weight;
			break;
		case OP_NEG: st[n - 1] = -st[n - 1]; break;
		case OP_ADD: n--; st[n - 1] += st[n]; break;
		case OP_SUB: n--; st[n - 1] -= st[n]; break;
		case OP_MUL: n--; st[n - 1] *= st[n]; break;
		case OP_DIV: n--; st[n - 1] /= st[n]; break;
		}
	}
	*risk = st[0];
	ret = isfinite(st[0]) ? 0 : -1;
	free(st);
	return ret;
}

int
model_uses(const struct model *m, size_t d)
{
	size_t i;

	for (i = 0; i < m->nrisk; i++)
		if (m->risk[i].op == OP_DIM && m->risk[i].dim == d)
			return 1;
	return 0;
}

const struct model_band *
model_band(const struct model *m, double risk)
{
	size_t i;

	for (i = 0; i + 1 < m->nband && risk < m->band[i].min; i++)
		;
	return &m->band[i];
}
