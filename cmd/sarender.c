/* sarender: any CSV -> the table people read: aligned text, Markdown,
 * self-contained HTML (RAG, position charts) or CSV. */
#include <err.h>
#include <getopt.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "csvread.h"
#include "csvwrite.h"
#include "header.h"
#include "input.h"
#include "num.h"
#include "output.h"
#include "util.h"

#define MAXFIELD (1 << 20)

enum { F_TEXT, F_MD, F_HTML, F_CSV };
enum { K_TEXT, K_INT, K_SINT, K_DEC, K_PCT, K_RANK, K_BAND, K_RAG, K_CHART };
enum { RAG_NONE, RAG_GREEN, RAG_AMBER, RAG_RED };

/* What the tool knows about the columns of crimerate and msgrank. */
enum {
	R_AREA, R_CATEGORY, R_PERIOD, R_GROUP, R_COUNT, R_POP, R_RATE,
	R_PREV_COUNT, R_PREV_RATE, R_CHANGE, R_CHANGE_PCT, R_RANK, R_OF,
	R_MEAN, R_VS_MEAN, R_LCL, R_UCL, R_BAND, R_MIN, R_Q1, R_Q3, R_MAX,
	R_ADJ_RATE, R_ADJ_RANK, NROLE
};

/* Blanked when the count is suppressed (C) or the previous count (P). */
#define SUP_C 1
#define SUP_P 2

static const struct role {
	const char *name, *label;
	int kind, sup;
} roles[NROLE] = {
	[R_AREA] = { "area", "Area", K_TEXT, 0 },
	[R_CATEGORY] = { "category", "Indicator", K_TEXT, 0 },
	[R_PERIOD] = { "period", "Period", K_TEXT, 0 },
	[R_GROUP] = { "group", "MSG", K_TEXT, 0 },
	[R_COUNT] = { "count", "Count", K_INT, 0 },
	[R_POP] = { "population", "Population", K_INT, 0 },
	[R_RATE] = { "rate", "Rate per 1,000", K_DEC, SUP_C },
	[R_PREV_COUNT] = { "prev_count", "Previous count", K_INT, 0 },
	[R_PREV_RATE] = { "prev_rate", "Previous rate", K_DEC, SUP_P },
	[R_CHANGE] = { "change", "Change", K_SINT, SUP_C | SUP_P },
	[R_CHANGE_PCT] = { "change_pct", "Change", K_PCT, SUP_C | SUP_P },
	[R_RANK] = { "rank", "Rank in MSG", K_RANK, SUP_C },
	[R_OF] = { "of", "MSG size", K_INT, 0 },
	[R_MEAN] = { "group_mean", "MSG mean", K_DEC, 0 },
	[R_VS_MEAN] = { "vs_mean_pct", "% vs MSG mean", K_PCT, SUP_C },
	[R_LCL] = { "lcl", "Lower limit", K_DEC, SUP_C },
	[R_UCL] = { "ucl", "Upper limit", K_DEC, SUP_C },
	[R_BAND] = { "band", "vs MSG mean", K_BAND, SUP_C },
	[R_MIN] = { "group_min", "MSG lowest", K_DEC, 0 },
	[R_Q1] = { "group_q1", "MSG lower quartile", K_DEC, 0 },
	[R_Q3] = { "group_q3", "MSG upper quartile", K_DEC, 0 },
	[R_MAX] = { "group_max", "MSG highest", K_DEC, 0 },
	[R_ADJ_RATE] = { "adj_rate", "Adjusted rate", K_DEC, SUP_C },
	[R_ADJ_RANK] = { "adj_rank", "Adjusted rank", K_RANK, SUP_C },
};

/* The columns shown when -C is not given, those present, in this order. */
static const int defcols[] = {
	R_AREA, R_CATEGORY, R_PERIOD, R_COUNT, R_RATE, R_CHANGE_PCT, R_RANK,
	R_BAND
};

struct col {
	char *label;
	long src;  /* input column, or -1 for rag and chart */
	int role;  /* R_*, or -1 */
	int kind;
	int right;
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
	char ***row;
	long *line;
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
};

static int fmt = F_TEXT, ascii, width = 78, hasrag;
static long suppress = -1;
static double ragg = 0, raga = 5;
static const char *title, *caption, *source, *classif, *focusarea;
static const char *opt_C, *opt_o, *opt_targets, *opt_rag;
static char **over; /* -c NAME=COLUMN */
static size_t nover;
static int badutf;

static void
usage(FILE *fp)
{
	fputs("usage: sarender [-h] [--version] [-f text|md|html|csv] [-o FILE]\n"
	    "                [-C COL[:LABEL],...] [-c NAME=COLUMN] [-w WIDTH]\n"
	    "                [--ascii] [--targets FILE] [--rag GREEN,AMBER]\n"
	    "                [--suppress N] [--title TEXT] [--caption TEXT]\n"
	    "                [--source TEXT] [--classification TEXT]\n"
	    "                [--focus AREA] [FILE ...]\n", fp);
}

static void
bad(const char *fmtstr, const char *arg)
{
	warnx(fmtstr, arg);
	usage(stderr);
	exit(2);
}

/* ---- text: UTF-8 decoding, cleaning, display width ---- */

/* Decode one UTF-8 sequence; its length, or 0 if invalid. */
static size_t
u8dec(const unsigned char *s, size_t n, unsigned *cp)
{
	size_t len, i;
	unsigned c = s[0], min;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xc2 && c < 0xe0)
		len = 2, c &= 0x1f, min = 0x80;
	else if (c >= 0xe0 && c < 0xf0)
		len = 3, c &= 0x0f, min = 0x800;
	else if (c >= 0xf0 && c < 0xf5)
		len = 4, c &= 0x07, min = 0x10000;
	else
		return 0;
	if (len > n)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = c << 6 | (s[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c < 0xe000))
		return 0;
	*cp = c;
	return len;
}

/* A copy fit to show: line ends and tabs become spaces, other control
 * characters and invalid bytes U+FFFD, so that no data can move the
 * cursor of a terminal or break a table row. */
static char *
clean(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s), i = 0, k;
	struct sbuf b = { 0 };
	unsigned cp;

	while (i < n) {
		if (!(k = u8dec(p + i, n - i, &cp))) {
			badutf = 1;
			sb_adds(&b, "\xef\xbf\xbd");
			i++;
			continue;
		}
		if (cp == '\n' || cp == '\r' || cp == '\t')
			sb_addc(&b, ' ');
		else if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0))
			sb_adds(&b, "\xef\xbf\xbd");
		else
			sb_add(&b, s + i, k);
		i += k;
	}
	sb_str(&b);
	return b.s;
}

/* Display width of clean UTF-8 text (wcwidth, 1 when it does not know). */
static size_t
dwidth(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s), i = 0, k, w = 0;
	unsigned cp;
	int cw;

	while (i < n) {
		if (!(k = u8dec(p + i, n - i, &cp)))
			k = 1, cp = '?';
		cw = wcwidth((wchar_t)cp);
		w += cw < 0 ? 1 : (size_t)cw;
		i += k;
	}
	return w;
}

static void
pad(FILE *fp, size_t n)
{
	while (n--)
		putc(' ', fp);
}

/* ---- numbers ---- */

/* v with fixed decimals and thousands separators; sign '+' if asked. */
static void
fmtnum(struct sbuf *b, double v, int dec, int sign)
{
	char buf[400], *p;
	size_t n = num_fmt(buf, sizeof(buf), v, dec), ilen, i;

	p = buf;
	if (*p == '-') {
		sb_addc(b, '-');
		p++, n--;
	} else if (sign && strspn(p, "0.") != n) {
		sb_addc(b, '+');
	}
	ilen = strcspn(p, ".");
	for (i = 0; i < ilen; i++) {
		if (i && (ilen - i) % 3 == 0)
			sb_addc(b, ',');
		sb_addc(b, p[i]);
	}
	sb_add(b, p + ilen, n - ilen);
}

static int
isblank_s(const char *s)
{
	return s[strspn(s, " \t")] == '\0';
}

static int
getnum(const char *s, double *v)
{
	return !isblank_s(s) && num_dbl(s, strlen(s), v) == 0;
}

static double
round1(double v, int dec)
{
	double m = pow(10, dec);

	return round(v * m) / m;
}

/* ---- reading ---- */

static void
readfile(struct tab *t, const char *path)
{
	struct input *in;
	struct csvr *r;
	struct csvr_row *row;
	size_t i;
	int rc, first = 1;

	if (!(in = in_open(path)))
		err(1, "%s", path);
	r = csvr_open(in, ',', MAXFIELD);
	while ((rc = csvr_next(r, &row)) > 0) {
		if (row->err != CSVR_OK)
			errx(1, "%s:%ld: %s", in_name(in), row->line,
			    row->err == CSVR_EQUOTE ? "quoted field not closed" :
			    "field too long");
		if (first && !t->h) {
			t->h = hdr_new(row->f, row->len, row->n);
		} else if (first) {
			if (!hdr_same(t->h, row->f, row->len, row->n))
				errx(1, "%s:%ld: header differs from the "
				    "first file's", in_name(in), row->line);
		} else {
			if (row->n != t->h->n)
				errx(1, "%s:%ld: %zu fields, the header has "
				    "%zu", in_name(in), row->line, row->n,
				    t->h->n);
			if (t->n == t->cap) {
				t->cap = t->cap ? 2 * t->cap : 64;
				t->row = xreallocarray(t->row, t->cap,
				    sizeof(*t->row));
				t->line = xreallocarray(t->line, t->cap,
				    sizeof(*t->line));
			}
			t->row[t->n] = xcalloc(row->n, sizeof(char *));
			for (i = 0; i < row->n; i++)
				t->row[t->n][i] = xstrndup(row->f[i],
				    row->len[i]);
			t->line[t->n++] = row->line;
		}
		first = 0;
	}
	if (rc < 0)
		errx(1, "%s: %s", in_name(in), csvr_error(r));
	if (first && !t->h)
		errx(1, "%s: no header", in_name(in));
	csvr_close(r);
	in_close(in);
}

static int
rolename(const char *s, size_t n)
{
	int k;

	for (k = 0; k < NROLE; k++)
		if (strnieq(s, n, roles[k].name))
			return k;
	return -1;
}

/* Find each role's column, -c overrides first. */
static void
findroles(struct tab *t)
{
	size_t i, k;
	long j;

	for (k = 0; k < NROLE; k++)
		t->ix[k] = hdr_find(t->h, roles[k].name);
	for (i = 0; i < nover; i++) {
		char *eq = strchr(over[i], '=');

		k = (size_t)rolename(over[i], (size_t)(eq - over[i]));
		if ((j = hdr_find(t->h, eq + 1)) < 0)
			errx(1, "-c %s: no column '%s'", over[i], eq + 1);
		t->ix[k] = j;
	}
}

static void
readtargets(struct tab *t, const char *path)
{
	struct input *in;
	struct csvr *r;
	struct csvr_row *row;
	struct hdr *h = NULL;
	struct target *g;
	long c[5] = { 0 }, m;
	size_t i;
	double amber;
	int rc;

	if (!(in = in_open(path)))
		err(1, "%s", path);
	r = csvr_open(in, ',', MAXFIELD);
	t->tgname = path;
	while ((rc = csvr_next(r, &row)) > 0) {
		if (row->err != CSVR_OK)
			errx(1, "%s:%ld: unreadable record", path, row->line);
		if (!h) {
			h = hdr_new(row->f, row->len, row->n);
			c[0] = hdr_find(h, "category");
			c[1] = hdr_find(h, "target");
			c[2] = hdr_find(h, "measure|kind");
			c[3] = hdr_find(h, "direction");
			c[4] = hdr_find(h, "amber");
			if (c[0] < 0 || c[1] < 0)
				errx(1, "%s:%ld: no column '%s'", path,
				    row->line, c[0] < 0 ? "category" :
				    "target");
			continue;
		}
		if (row->n != h->n)
			errx(1, "%s:%ld: %zu fields, the header has %zu",
			    path, row->line, row->n, h->n);
		t->tg = xreallocarray(t->tg, t->ntg + 1, sizeof(*t->tg));
		g = &t->tg[t->ntg];
		memset(g, 0, sizeof(*g));
		g->category = xstrdup(row->f[c[0]]);
		for (i = 0; i < t->ntg; i++)
			if (strcasecmp(t->tg[i].category, g->category) == 0)
				errx(1, "%s:%ld: category '%s' given twice",
				    path, row->line, g->category);
		t->ntg++;
		if (!getnum(row->f[c[1]], &g->target))
			errx(1, "%s:%ld: column 'target': '%s' is not a "
			    "number", path, row->line, row->f[c[1]]);
		m = t->ix[R_RATE];
		if (c[2] >= 0 && !isblank_s(row->f[c[2]]) &&
		    (m = hdr_find(t->h, row->f[c[2]])) < 0)
			errx(1, "%s:%ld: column 'measure': the input has no "
			    "column '%s'", path, row->line, row->f[c[2]]);
		if (m < 0)
			errx(1, "%s:%ld: the input has no rate column",
			    path, row->line);
		g->measure = m;
		if (c[3] >= 0 && !isblank_s(row->f[c[3]])) {
			if (strcasecmp(row->f[c[3]], "higher") == 0)
				g->higher = 1;
			else if (strcasecmp(row->f[c[3]], "lower") != 0)
				errx(1, "%s:%ld: column 'direction': '%s' is "
				    "not 'lower' or 'higher'", path, row->line,
				    row->f[c[3]]);
		}
		/* Default amber margin: 5 points on a percentage, else 5 %
		 * of the target. */
		amber = strstr(t->h->key[m], "pct") ? 5 :
		    fabs(g->target) * 0.05;
		if (c[4] >= 0 && !isblank_s(row->f[c[4]]) &&
		    (!getnum(row->f[c[4]], &amber) || amber < 0))
			errx(1, "%s:%ld: column 'amber': '%s' is not a "
			    "number >= 0", path, row->line, row->f[c[4]]);
		g->amber = amber;
	}
	if (rc < 0)
		errx(1, "%s: %s", path, csvr_error(r));
	if (!h)
		errx(1, "%s: no header", path);
	hdr_free(h);
	csvr_close(r);
	in_close(in);
}

/* ---- columns ---- */

/* Is s[0..n), trimmed, the name of a column (or rag, chart)? */
static long
colname(struct tab *t, const char *s, size_t n)
{
	char *name;
	long j;

	while (n && (*s == ' ' || *s == '\t'))
		s++, n--;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n == 0)
		return -3;
	name = xstrndup(s, n);
	if ((j = hdr_find(t->h, name)) < 0) {
		if (strcasecmp(name, "rag") == 0)
			j = -1;
		else if (strcasecmp(name, "chart") == 0)
			j = -2;
		else
			j = -3;
	}
	free(name);
	return j;
}

static void
addcol(struct tab *t, long src, int role, const char *label)
{
	struct col *c;
	size_t k;

	t->col = xreallocarray(t->col, t->ncol + 1, sizeof(*t->col));
	c = &t->col[t->ncol++];
	memset(c, 0, sizeof(*c));
	c->src = src;
	c->role = role;
	if (src >= 0 && role < 0)
		for (k = 0; k < NROLE && c->role < 0; k++)
			if (t->ix[k] == src)
				c->role = (int)k;
	c->kind = c->role >= 0 ? roles[c->role].kind : K_TEXT;
	if (src == -1)
		c->kind = K_RAG;
	if (src == -2)
		c->kind = K_CHART;
	if (!label)
		label = c->kind == K_RAG ? "Status" : c->kind == K_CHART ?
		    "Position in MSG" : c->role >= 0 ? roles[c->role].label :
		    t->h->name[src];
	c->label = xstrdup(label);
}

/* -C 'col:Label,col:Label'. In a label a comma ends the item only when
 * a column name or another 'name:' follows, so that 'rate:Per 1,000'
 * keeps its comma; '\,' is a comma in any case. */
static void
parsecols(struct tab *t, const char *spec)
{
	const char *p = spec, *q, *e, *colon;
	struct sbuf lab = { 0 };
	long src;

	while (*p) {
		for (colon = NULL, e = p; *e; e++) {
			if (*e == '\\' && e[1]) {
				e++;
				continue;
			}
			if (*e == ':' && !colon)
				colon = e;
			q = e + 1;
			if (*e == ',' && (!colon || memchr(q, ':', strcspn(q,
			    ",")) || colname(t, q, strcspn(q, ",")) > -3))
				break;
		}
		if ((src = colname(t, p, (size_t)((colon ? colon : e) - p))) <
		    -2)
			errx(1, "-C: no column '%.*s'",
			    (int)((colon ? colon : e) - p), p);
		lab.len = 0;
		for (q = colon ? colon + 1 : e; q < e; q++) {
			if (*q == '\\' && q + 1 < e)
				q++;
			sb_addc(&lab, *q);
		}
		addcol(t, src, -1, colon ? sb_str(&lab) : NULL);
		p = *e ? e + 1 : e;
	}
	sb_free(&lab);
}

static int
canchart(struct tab *t)
{
	return t->ix[R_RATE] >= 0 && ((t->ix[R_MIN] >= 0 &&
	    t->ix[R_MAX] >= 0) || t->ix[R_MEAN] >= 0);
}

/* Is the column the same in every row? */
static int
constant(struct tab *t, long src)
{
	size_t r;

	for (r = 1; r < t->n; r++)
		if (strcmp(t->row[r][src], t->row[0][src]) != 0)
			return 0;
	return t->n > 0;
}

/* Without -C: the known columns present; area, period and group, when
 * the same in every row, are said once above the table instead. */
static void
defaultcols(struct tab *t)
{
	static const int liftable[] = { R_AREA, R_PERIOD, R_GROUP };
	size_t i, k;
	long src;
	int lifted;

	t->lift = xcalloc(3, sizeof(char *));
	for (i = 0; i < sizeof(defcols) / sizeof(defcols[0]); i++) {
		k = (size_t)defcols[i];
		if ((src = t->ix[k]) < 0)
			continue;
		if (fmt == F_CSV) {
			addcol(t, src, (int)k, NULL);
			if (k == R_RANK && t->ix[R_OF] >= 0)
				addcol(t, t->ix[R_OF], R_OF, NULL);
			continue;
		}
		lifted = 0;
		for (size_t j = 0; j < 3; j++)
			if (liftable[j] == (int)k && constant(t, src))
				lifted = 1;
		if (!lifted)
			addcol(t, src, (int)k, NULL);
	}
	if (hasrag)
		addcol(t, -1, -1, NULL);
	if (fmt == F_HTML && canchart(t))
		addcol(t, -2, -1, NULL);
	if (fmt == F_CSV)
		return;
	for (i = 0; i < 3; i++) {
		struct sbuf b = { 0 };

		k = (size_t)liftable[i];
		if ((src = t->ix[k]) < 0 || !constant(t, src) ||
		    isblank_s(t->row[0][src]))
			continue;
		sb_adds(&b, roles[k].label);
		sb_adds(&b, ": ");
		sb_adds(&b, t->row[0][src]);
		t->lift[t->nlift++] = b.s;
	}
}

/* ---- suppression, RAG, focus ---- */

static int
below(const char *s)
{
	double v;

	return getnum(s, &v) && v < (double)suppress;
}

static void
flagrows(struct tab *t)
{
	size_t r, nfocus = 0;

	t->sup = xcalloc(t->n, 1);
	t->focus = xcalloc(t->n, 1);
	for (r = 0; r < t->n; r++) {
		if (suppress >= 0 && below(t->row[r][t->ix[R_COUNT]]))
			t->sup[r] |= SUP_C;
		if (suppress >= 0 && t->ix[R_PREV_COUNT] >= 0 &&
		    below(t->row[r][t->ix[R_PREV_COUNT]]))
			t->sup[r] |= SUP_P;
		if (focusarea && t->ix[R_AREA] >= 0 &&
		    strcasecmp(t->row[r][t->ix[R_AREA]], focusarea) == 0)
			t->focus[r] = 1, nfocus++;
	}
	if (focusarea && nfocus == 0)
		warnx("--focus: no row has area '%s'", focusarea);
	if (nfocus == t->n) /* every row marked says nothing */
		memset(t->focus, 0, t->n);
}

static int
decimals(int kind)
{
	return kind == K_DEC ? 2 : kind == K_PCT ? 1 : 0;
}

/* The suppression bits that blank input column src. */
static int
supbits(struct tab *t, long src)
{
	size_t k;

	for (k = 0; k < NROLE; k++)
		if (t->ix[k] == src)
			return roles[k].sup;
	return 0;
}

static int
grade(double v, double green, double amber, int higher)
{
	if (higher)
		v = -v, green = -green, amber = -amber;
	return v <= green ? RAG_GREEN : v <= amber ? RAG_AMBER : RAG_RED;
}

/* Judge a row against its category's target, else the thresholds on the
 * change. Values are compared as printed, so what the reader sees agrees
 * with the colour. */
static int
ragrow(struct tab *t, size_t r)
{
	struct target *g = NULL;
	double v, a;
	size_t i;
	long c;
	int k;

	for (i = 0; t->ntg && i < t->ntg; i++)
		if (strcasecmp(t->tg[i].category,
		    t->row[r][t->ix[R_CATEGORY]]) == 0)
			g = &t->tg[i];
	if (g) {
		g->used = 1;
		c = g->measure;
		if (t->sup[r] & supbits(t, c) || !getnum(t->row[r][c], &v))
			return RAG_NONE;
		for (k = K_TEXT, i = 0; i < NROLE; i++)
			if (t->ix[i] == c)
				k = roles[i].kind;
		v = k == K_TEXT ? v : round1(v, decimals(k));
		a = g->higher ? g->target - g->amber : g->target + g->amber;
		return grade(v, g->target, a, g->higher);
	}
	if ((t->ntg && !opt_rag) || (c = t->ix[R_CHANGE_PCT]) < 0 ||
	    t->sup[r] & supbits(t, c) || !getnum(t->row[r][c], &v))
		return RAG_NONE;
	return grade(round1(v, 1), ragg, raga, 0);
}

static void
ragall(struct tab *t)
{
	size_t r;

	t->rag = xcalloc(t->n, 1);
	if (!hasrag)
		return;
	for (r = 0; r < t->n; r++)
		t->rag[r] = (unsigned char)ragrow(t, r);
	for (r = 0; r < t->ntg; r++)
		if (!t->tg[r].used)
			warnx("%s: category '%s' is in no row", t->tgname,
			    t->tg[r].category);
}

/* ---- cells ---- */

static const char *const ragword[] = { "", "Green", "Amber", "Red" };
static const char *const ragsym[] = { "", "\xe2\x97\x8b ", "\xe2\x97\x90 ",
	"\xe2\x97\x8f " }; /* ○ ◐ ● : empty, half, full in black and white */

static void
fmtpct(struct sbuf *b, double v)
{
	v = round1(v, 1);
	if (!ascii)
		sb_adds(b, v > 0 ? "\xe2\x96\xb2 " : v < 0 ? "\xe2\x96\xbc " :
		    "\xe2\x96\xba "); /* ▲ ▼ ► */
	fmtnum(b, v, 1, 1);
	sb_addc(b, '%');
}

static void
fmtband(struct sbuf *b, const char *s)
{
	if (strcasecmp(s, "above") == 0)
		sb_adds(b, "above");
	else if (strcasecmp(s, "inline") == 0 || strcasecmp(s, "in line") == 0)
		sb_adds(b, "in line");
	else if (strcasecmp(s, "below") == 0)
		sb_adds(b, "below");
	else
		sb_adds(b, s);
}

/* A cell as the reader sees it, before escaping for the format. */
static char *
cellval(struct tab *t, size_t r, const struct col *c)
{
	struct sbuf b = { 0 };
	const char *s;
	double v, of;

	if (c->kind == K_RAG) {
		if (fmt != F_CSV && !ascii)
			sb_adds(&b, ragsym[t->rag[r]]);
		sb_adds(&b, ragword[t->rag[r]]);
		return (char *)sb_str(&b);
	}
	if (c->kind == K_CHART)
		return xstrdup("");
	s = t->row[r][c->src];
	if (c->role >= 0 && t->sup[r] & roles[c->role].sup)
		return xstrdup("");
	if ((c->role == R_COUNT && t->sup[r] & SUP_C) ||
	    (c->role == R_PREV_COUNT && t->sup[r] & SUP_P)) {
		sb_addc(&b, '<');
		fmtnum(&b, (double)suppress, 0, 0);
		return (char *)sb_str(&b);
	}
	if (fmt == F_CSV || c->kind == K_TEXT || (c->kind != K_BAND &&
	    !getnum(s, &v)))
		return xstrdup(s);
	switch (c->kind) {
	case K_INT:
	case K_SINT:
		if (v != floor(v))
			return xstrdup(s);
		fmtnum(&b, v, 0, c->kind == K_SINT);
		break;
	case K_DEC:
		fmtnum(&b, v, 2, 0);
		break;
	case K_PCT:
		fmtpct(&b, v);
		break;
	case K_RANK:
		fmtnum(&b, v, 0, 0);
		if (t->ix[R_OF] >= 0 && getnum(t->row[r][t->ix[R_OF]], &of)) {
			sb_addc(&b, '/');
			fmtnum(&b, of, 0, 0);
		}
		break;
	case K_BAND:
		fmtband(&b, s);
		break;
	}
	return (char *)sb_str(&b);
}

/* Right-align numbers: the known numeric kinds, and any other column
 * whose every non-empty cell is a number. */
static void
aligncols(struct tab *t)
{
	size_t c, r;
	double v;
	int any;

	for (c = 0; c < t->ncol; c++) {
		struct col *k = &t->col[c];

		if (k->kind != K_TEXT) {
			k->right = k->kind != K_BAND && k->kind != K_RAG &&
			    k->kind != K_CHART;
			continue;
		}
		for (any = 0, r = 0; r < t->n; r++) {
			if (isblank_s(t->row[r][k->src]))
				continue;
			if (!getnum(t->row[r][k->src], &v))
				break;
			any = 1;
		}
		k->right = any && r == t->n;
	}
}

/* Notes under the table: what the colours, ranks and blanks mean. */
static size_t
notes(struct tab *t, char ***out)
{
	char **n = xcalloc(6, sizeof(char *));
	struct sbuf b = { 0 };
	size_t i, k = 0;
	int rag = 0, rank = 0, band = 0;

	for (i = 0; i < t->ncol; i++) {
		rag |= t->col[i].kind == K_RAG;
		rank |= t->col[i].kind == K_RANK;
		band |= t->col[i].kind == K_BAND;
	}
	if (rag && t->ntg) {
		sb_adds(&b, "Status against the targets in ");
		sb_adds(&b, t->tgname);
		sb_adds(&b, ": Green meets the target, Amber misses it by no "
		    "more than its amber margin, Red misses it by more.");
		n[k++] = b.s;
		b = (struct sbuf){ 0 };
	}
	if (rag && (!t->ntg || opt_rag) && t->ix[R_CHANGE_PCT] >= 0) {
		sb_adds(&b, t->ntg ? "Indicators without a target: " :
		    "Status: ");
		sb_adds(&b, "Green where the change is ");
		fmtnum(&b, ragg, 1, 1);
		sb_adds(&b, "% or less, Amber up to ");
		fmtnum(&b, raga, 1, 1);
		sb_adds(&b, "%, Red above.");
		n[k++] = b.s;
		b = (struct sbuf){ 0 };
	}
	if (rank)
		n[k++] = xstrdup("Rank: place in the most similar group (MSG) "
		    "from the lowest rate; 3/15 is the third lowest of 15.");
	if (band)
		n[k++] = xstrdup("vs MSG mean: above or below when the area's "
		    "confidence interval lies wholly above or below the group "
		    "mean, else in line.");
	if (suppress >= 0) {
		sb_adds(&b, "Counts below ");
		fmtnum(&b, (double)suppress, 0, 0);
		sb_adds(&b, " are shown as <");
		fmtnum(&b, (double)suppress, 0, 0);
		sb_adds(&b, "; figures that would reveal them are left "
		    "blank.");
		n[k++] = b.s;
	}
	*out = n;
	return k;
}

/* ---- text ---- */

/* Greedy word wrap of clean text to display width w; every line is
 * owned by the array. */
static size_t
wrap(const char *s, size_t w, char ***out)
{
	struct sbuf line = { 0 };
	char **l = NULL, *word;
	size_t n = 0, lw = 0, k, ww;

	for (;;) {
		s += strspn(s, " ");
		k = strcspn(s, " ");
		word = k ? xstrndup(s, k) : NULL;
		ww = word ? dwidth(word) : 0;
		if (!word || (line.len && lw + 1 + ww > w)) {
			l = xreallocarray(l, n + 1, sizeof(*l));
			l[n++] = xstrdup(sb_str(&line));
			line.len = lw = 0;
		}
		if (!word)
			break;
		if (line.len) {
			sb_addc(&line, ' ');
			lw++;
		}
		sb_adds(&line, word);
		lw += ww;
		free(word);
		s += k;
	}
	sb_free(&line);
	*out = l;
	return n;
}

static void
freelines(char **l, size_t n)
{
	while (n)
		free(l[--n]);
	free(l);
}

/* Print clean text wrapped at the width. */
static void
para(FILE *fp, const char *s, const char *prefix)
{
	struct sbuf b = { 0 };
	char *c, **l;
	size_t n, i;

	sb_adds(&b, prefix);
	sb_adds(&b, s);
	c = clean(sb_str(&b));
	n = wrap(c, (size_t)width, &l);
	for (i = 0; i < n; i++)
		fprintf(fp, "%s\n", l[i]);
	freelines(l, n);
	free(c);
	sb_free(&b);
}

static void
tbanner(FILE *fp, size_t tw)
{
	char *c = clean(classif);
	size_t w = dwidth(c);

	pad(fp, tw > w ? (tw - w) / 2 : 0);
	fprintf(fp, "%s\n", c);
	free(c);
}

/* One line of the table, trailing space trimmed. */
static void
tline(FILE *fp, struct sbuf *b)
{
	while (b->len && b->s[b->len - 1] == ' ')
		b->len--;
	fprintf(fp, "%.*s\n", (int)b->len, b->s ? b->s : "");
	b->len = 0;
}

static void
tcell(struct sbuf *b, const char *s, size_t w, int right, int first)
{
	size_t d = dwidth(s);

	if (!first)
		sb_adds(b, "  ");
	if (right)
		while (d < w)
			sb_addc(b, ' '), d++;
	sb_adds(b, s);
	if (!right)
		while (d < w)
			sb_addc(b, ' '), d++;
}

/* Width of the longest word of a label. */
static size_t
wordmax(const char *s)
{
	char **l;
	size_t n = wrap(s, 1, &l), i, d, w = 0;

	for (i = 0; i < n; i++)
		if ((d = dwidth(l[i])) > w)
			w = d;
	freelines(l, n);
	return w;
}

static size_t
nlines(const char *s, size_t w)
{
	char **l;
	size_t n = wrap(s, w, &l);

	freelines(l, n);
	return n;
}

/* Column widths: labels on one line, then, while the table is wider
 * than the page, the label that saves most wrapped at its words. */
static size_t
twidths(struct tab *t, char ***cell, char **lab, size_t *w, int mark)
{
	size_t *min = xcalloc(t->ncol, sizeof(size_t)), c, r, tw, d, best;

	for (c = 0; c < t->ncol; c++) {
		for (w[c] = 0, r = 0; r < t->n; r++)
			if ((d = dwidth(cell[r][c])) > w[c])
				w[c] = d;
		min[c] = w[c] > (d = wordmax(lab[c])) ? w[c] : d;
		if ((d = dwidth(lab[c])) > w[c])
			w[c] = d;
	}
	for (;;) {
		for (tw = mark ? 2 : 0, c = 0; c < t->ncol; c++)
			tw += (c ? 2 : 0) + w[c];
		if (tw <= (size_t)width)
			break;
		for (best = c = 0; c < t->ncol; c++)
			if (w[c] - min[c] > w[best] - min[best])
				best = c;
		if (t->ncol == 0 || w[best] == min[best])
			break;
		w[best] = min[best];
	}
	for (c = 0; c < t->ncol; c++) /* spend what is left on fewer lines */
		for (d = w[c] + 1; d <= dwidth(lab[c]) && tw + d - w[c] <=
		    (size_t)width; d++)
			if (nlines(lab[c], d) < nlines(lab[c], w[c])) {
				tw += d - w[c];
				w[c] = d;
			}
	free(min);
	return tw;
}

static void
theader(FILE *fp, struct tab *t, char **lab, size_t *w, int mark)
{
	char ***hl = xcalloc(t->ncol, sizeof(*hl));
	size_t *nl = xcalloc(t->ncol, sizeof(*nl)), nh = 1, c, i, k;
	struct sbuf b = { 0 };

	for (c = 0; c < t->ncol; c++)
		if ((nl[c] = wrap(lab[c], w[c], &hl[c])) > nh)
			nh = nl[c];
	for (i = 0; i < nh; i++) {
		sb_adds(&b, mark ? "  " : "");
		for (c = 0; c < t->ncol; c++) {
			k = i + nl[c] - nh; /* bottom-aligned */
			tcell(&b, i + nl[c] >= nh ? hl[c][k] : "", w[c],
			    t->col[c].right, c == 0);
		}
		tline(fp, &b);
	}
	sb_adds(&b, mark ? "  " : "");
	for (c = 0; c < t->ncol; c++) {
		sb_adds(&b, c ? "  " : "");
		for (i = 0; i < w[c]; i++)
			sb_addc(&b, '-');
	}
	tline(fp, &b);
	for (c = 0; c < t->ncol; c++)
		freelines(hl[c], nl[c]);
	free(hl);
	free(nl);
	sb_free(&b);
}

static void
wtext(FILE *fp, struct tab *t, char ***cell, char **note, size_t nnote,
    const char *lift)
{
	char **lab = xcalloc(t->ncol, sizeof(char *));
	size_t *w = xcalloc(t->ncol, sizeof(size_t)), tw, c, r;
	struct sbuf b = { 0 };
	int mark = 0;

	for (r = 0; r < t->n; r++)
		mark |= t->focus[r];
	for (c = 0; c < t->ncol; c++)
		lab[c] = clean(t->col[c].label);
	tw = twidths(t, cell, lab, w, mark);
	if (classif) {
		tbanner(fp, tw);
		putc('\n', fp);
	}
	if (title)
		para(fp, title, "");
	if (caption)
		para(fp, caption, "");
	if (*lift)
		para(fp, lift, "");
	if (title || caption || *lift)
		putc('\n', fp);
	theader(fp, t, lab, w, mark);
	for (r = 0; r < t->n; r++) {
		if (mark)
			sb_adds(&b, !t->focus[r] ? "  " : ascii ? "> " :
			    "\xe2\x96\xb6 "); /* ▶ */
		for (c = 0; c < t->ncol; c++)
			tcell(&b, cell[r][c], w[c], t->col[c].right, c == 0);
		tline(fp, &b);
	}
	if (t->n == 0)
		fputs("(no rows)\n", fp);
	if (nnote || source)
		putc('\n', fp);
	for (c = 0; c < nnote; c++)
		para(fp, note[c], "");
	if (source)
		para(fp, source, "Source: ");
	if (classif) {
		putc('\n', fp);
		tbanner(fp, tw);
	}
	for (c = 0; c < t->ncol; c++)
		free(lab[c]);
	free(lab);
	free(w);
	sb_free(&b);
}

/* ---- Markdown ---- */

/* Backslash before every character that inline Markdown or a GitHub
 * pipe table gives a meaning to; the text is clean already. */
static char *
mdesc(const char *s, int bold)
{
	struct sbuf b = { 0 };

	if (bold && *s)
		sb_adds(&b, "**");
	for (; *s; s++) {
		if (strchr("\\`*_[]<>|&~!#$", *s))
			sb_addc(&b, '\\');
		sb_addc(&b, *s);
	}
	if (bold && b.len)
		sb_adds(&b, "**");
	return (char *)sb_str(&b);
}

static void
mdpara(FILE *fp, const char *pre, const char *s, const char *post)
{
	char *c = clean(s), *e = mdesc(c, 0);

	fprintf(fp, "%s%s%s\n", pre, e, post);
	free(e);
	free(c);
}

static void
mdrow(FILE *fp, char **f, size_t *w, struct tab *t)
{
	size_t c, d;

	for (c = 0; c < t->ncol; c++) {
		d = dwidth(f[c]);
		fputs(c ? " | " : "| ", fp);
		if (t->col[c].right)
			pad(fp, w[c] > d ? w[c] - d : 0);
		fputs(f[c], fp);
		if (!t->col[c].right)
			pad(fp, w[c] > d ? w[c] - d : 0);
	}
	fputs(" |\n", fp);
}

static void
wmd(FILE *fp, struct tab *t, char ***cell, char **note, size_t nnote,
    const char *lift)
{
	char **lab = xcalloc(t->ncol, sizeof(char *)), ***e, *c0;
	size_t *w = xcalloc(t->ncol, sizeof(size_t)), c, r, i, d;

	e = xcalloc(t->n, sizeof(*e));
	for (c = 0; c < t->ncol; c++) {
		c0 = clean(t->col[c].label);
		lab[c] = mdesc(c0, 0);
		free(c0);
		w[c] = dwidth(lab[c]) > 3 ? dwidth(lab[c]) : 3;
	}
	for (r = 0; r < t->n; r++) {
		e[r] = xcalloc(t->ncol, sizeof(char *));
		for (c = 0; c < t->ncol; c++)
			if ((d = dwidth(e[r][c] = mdesc(cell[r][c],
			    t->focus[r]))) > w[c])
				w[c] = d;
	}
	if (classif)
		mdpara(fp, "**", classif, "**\n");
	if (title)
		mdpara(fp, "## ", title, "\n");
	if (caption)
		mdpara(fp, "", caption, "\n");
	if (*lift)
		mdpara(fp, "", lift, "\n");
	mdrow(fp, lab, w, t);
	for (c = 0; c < t->ncol; c++) {
		fputs(c ? " | " : "| ", fp);
		putc(t->col[c].right ? '-' : ':', fp);
		for (i = 2; i < w[c]; i++)
			putc('-', fp);
		putc(t->col[c].right ? ':' : '-', fp);
	}
	fputs(" |\n", fp);
	for (r = 0; r < t->n; r++)
		mdrow(fp, e[r], w, t);
	if (nnote || source || classif)
		putc('\n', fp);
	for (i = 0; i < nnote; i++)
		mdpara(fp, "", note[i], i + 1 < nnote || source || classif ?
		    "\n" : "");
	if (source)
		mdpara(fp, "Source: ", source, classif ? "\n" : "");
	if (classif)
		mdpara(fp, "**", classif, "**");
	for (r = 0; r < t->n; r++) {
		for (c = 0; c < t->ncol; c++)
			free(e[r][c]);
		free(e[r]);
	}
	for (c = 0; c < t->ncol; c++)
		free(lab[c]);
	free(e);
	free(lab);
	free(w);
}

/* ---- CSV ---- */

static void
csvbanner(FILE *fp, struct tab *t)
{
	size_t c;

	csvw_str(fp, classif, 1);
	for (c = 1; c < t->ncol; c++)
		csvw_str(fp, "", 0);
	csvw_end(fp);
}

static void
wcsv(FILE *fp, struct tab *t, char ***cell)
{
	size_t c, r;

	if (classif)
		csvbanner(fp, t);
	for (c = 0; c < t->ncol; c++)
		csvw_str(fp, t->col[c].label, c == 0);
	csvw_end(fp);
	for (r = 0; r < t->n; r++) {
		for (c = 0; c < t->ncol; c++)
			csvw_str(fp, cell[r][c], c == 0);
		csvw_end(fp);
	}
	if (classif)
		csvbanner(fp, t);
}

/* ---- HTML ---- */

static const char css[] =
"@page{size:A4;margin:14mm 12mm}\n"
"html{font:10.5pt/1.4 \"Segoe UI\",system-ui,-apple-system,\"Helvetica Neue\","
"Arial,sans-serif;color:#1b1b1b;background:#fff}\n"
"body{margin:1.5rem auto;max-width:62rem;padding:0 1rem}\n"
".classification{text-align:center;font-weight:700;letter-spacing:.08em;"
"border:1.5px solid #1b1b1b;padding:.15rem;margin:0 0 1rem}\n"
".classification.end{margin:1.25rem 0 0}\n"
"h1{font-size:1.35rem;font-weight:600;margin:0 0 .3rem}\n"
"p{margin:0 0 .5rem}\n"
".context{color:#333}\n"
"table{border-collapse:collapse;width:100%;margin:.75rem 0;"
"font-variant-numeric:tabular-nums}\n"
"caption{caption-side:top;text-align:left;padding:0 0 .4rem;color:#333}\n"
"th,td{padding:.28rem .5rem;border-bottom:1px solid #d4d8dd;"
"text-align:left;vertical-align:middle}\n"
"thead th{border-bottom:2px solid #1b1b1b;font-weight:600;"
"vertical-align:bottom}\n"
"tbody th{font-weight:normal;min-width:11em}\n"
".num{text-align:right;white-space:nowrap}\n"
"tr.focus{background:#eef3f8}\n"
"tr.focus th,tr.focus td{font-weight:600}\n"
".rag{white-space:nowrap;padding:0 .35rem;border:1px solid;"
"border-radius:.2rem}\n"
".rag-g{color:#1d5e31;background:#e7f3ea;border-color:#9cc7a8}\n"
".rag-a{color:#7a4f00;background:#fdf3dc;border-color:#dcc088}\n"
".rag-r{color:#8e1f1a;background:#fbe9e7;border-color:#dba39e}\n"
".pos{display:block}\n"
".notes{font-size:.9em;color:#333}\n"
".key svg{vertical-align:middle;margin-right:.3rem}\n"
".vh{position:absolute;width:1px;height:1px;overflow:hidden;"
"clip:rect(0 0 0 0);white-space:nowrap}\n"
"@media print{body{margin:0;max-width:none;padding:0}"
"html{font-size:9.5pt}thead{display:table-header-group}"
"tr{break-inside:avoid}*{-webkit-print-color-adjust:exact;"
"print-color-adjust:exact}}\n";

/* Clean and escape for HTML text and attribute values alike. */
static void
hesc(FILE *fp, const char *s)
{
	char *c = clean(s), *p;

	for (p = c; *p; p++) {
		switch (*p) {
		case '&': fputs("&amp;", fp); break;
		case '<': fputs("&lt;", fp); break;
		case '>': fputs("&gt;", fp); break;
		case '"': fputs("&quot;", fp); break;
		case '\'': fputs("&#39;", fp); break;
		default: putc(*p, fp);
		}
	}
	free(c);
}

#define CW 140.0 /* chart width and height, px */
#define CH 22.0

static double cxlo, cxhi;

static double
cx(double v)
{
	return 5 + (v - cxlo) / (cxhi - cxlo) * (CW - 10);
}

/* The area's rate, interval and its group's spread, in a few words. */
static void
chartlabel(struct sbuf *b, const double *v, const int *has)
{
	static const char *const words[] = { "rate ", ", interval ", " to ",
		"; MSG lowest ", ", quartiles ", " to ", ", highest ",
		", mean " };
	int i;

	for (i = 0; i < 8; i++) {
		if (!has[i])
			continue;
		sb_adds(b, words[i] + (b->len ? 0 : strspn(words[i], ",; ")));
		fmtnum(b, v[i], 2, 0);
	}
}

static void
chart(FILE *fp, struct tab *t, size_t r)
{
	static const int want[] = { R_RATE, R_LCL, R_UCL, R_MIN, R_Q1, R_Q3,
		R_MAX, R_MEAN };
	struct sbuf lab = { 0 };
	double v[8], span;
	int has[8], i, any = 0;

	cxlo = HUGE_VAL, cxhi = -HUGE_VAL;
	for (i = 0; i < 8; i++) {
		has[i] = t->ix[want[i]] >= 0 && !(t->sup[r] &
		    roles[want[i]].sup) && getnum(t->row[r][t->ix[want[i]]],
		    &v[i]);
		if (!has[i])
			continue;
		any = 1;
		cxlo = fmin(cxlo, v[i]);
		cxhi = fmax(cxhi, v[i]);
	}
	if (!any)
		return;
	span = cxhi - cxlo > 0 ? cxhi - cxlo : fmax(fabs(cxhi), 1);
	cxlo -= span * 0.04, cxhi += span * 0.04;
	chartlabel(&lab, v, has);
	fprintf(fp, "<svg class=\"pos\" width=\"%g\" height=\"%g\" viewBox=\"0 "
	    "0 %g %g\" role=\"img\" aria-label=\"", CW, CH, CW, CH);
	hesc(fp, sb_str(&lab));
	fputs("\"><title>", fp);
	hesc(fp, sb_str(&lab));
	fputs("</title>", fp);
	if (has[3] && has[6])
		fprintf(fp, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"11\" y2=\"11\" "
		    "stroke=\"#7d8791\"/>", cx(v[3]), cx(v[6]));
	if (has[4] && has[5])
		fprintf(fp, "<rect x=\"%.1f\" y=\"6\" width=\"%.1f\" height=\""
		    "10\" fill=\"#dde3ea\" stroke=\"#7d8791\" stroke-width=\""
		    ".75\"/>", cx(v[4]), cx(v[5]) - cx(v[4]));
	if (has[7])
		fprintf(fp, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"2\" y2=\"20\" "
		    "stroke=\"#1b1b1b\" stroke-width=\"1.5\"/>", cx(v[7]),
		    cx(v[7]));
	if (has[1] && has[2])
		fprintf(fp, "<path d=\"M%.1f 8v6M%.1f 11H%.1fM%.1f 8v6\" "
		    "fill=\"none\" stroke=\"#1f3a5f\" stroke-width=\"1.5\"/>",
		    cx(v[1]), cx(v[1]), cx(v[2]), cx(v[2]));
	if (has[0])
		fprintf(fp, "<circle cx=\"%.1f\" cy=\"11\" r=\"4\" fill=\"#1f3a5f"
		    "\" stroke=\"#fff\"/>", cx(v[0]));
	fputs("</svg>", fp);
	sb_free(&lab);
}

static void
hkey(FILE *fp)
{
	fputs("<p class=\"key\"><svg width=\"120\" height=\"22\" viewBox=\"0 0 "
	    "120 22\" aria-hidden=\"true\"><line x1=\"5\" x2=\"115\" y1=\"11\" "
	    "y2=\"11\" stroke=\"#7d8791\"/><rect x=\"35\" y=\"6\" width=\"45\" "
	    "height=\"10\" fill=\"#dde3ea\" stroke=\"#7d8791\" stroke-width=\""
	    ".75\"/><line x1=\"60\" x2=\"60\" y1=\"2\" y2=\"20\" stroke=\""
	    "#1b1b1b\" stroke-width=\"1.5\"/><path d=\"M78 8v6M78 11H98M98 8v6"
	    "\" fill=\"none\" stroke=\"#1f3a5f\" stroke-width=\"1.5\"/><circle "
	    "cx=\"88\" cy=\"11\" r=\"4\" fill=\"#1f3a5f\" stroke=\"#fff\"/>"
	    "</svg>Position in MSG: the line spans the group's lowest to "
	    "highest rate, the box its middle half (quartiles), the tick its "
	    "mean; the dot is the area's rate, with its confidence interval."
	    "</p>\n", fp);
}

static void
hcell(FILE *fp, struct tab *t, size_t r, size_t c, const char *s)
{
	const struct col *k = &t->col[c];
	const char *tag = c == 0 ? "th" : "td";

	fprintf(fp, "<%s%s%s>", tag, c == 0 ? " scope=\"row\"" : "",
	    k->right ? " class=\"num\"" : "");
	if (k->kind == K_CHART)
		chart(fp, t, r);
	else if (k->kind == K_RAG && t->rag[r])
		fprintf(fp, "<span class=\"rag rag-%c\">", "-gar"[t->rag[r]]);
	if (k->kind != K_CHART)
		hesc(fp, s);
	if (k->kind == K_RAG && t->rag[r])
		fputs("</span>", fp);
	if (c == 0 && t->focus[r])
		fputs("<span class=\"vh\"> (focus area)</span>", fp);
	fprintf(fp, "</%s>", tag);
}

static void
htable(FILE *fp, struct tab *t, char ***cell)
{
	size_t c, r;

	fputs("<table>\n<caption", fp);
	fputs(caption ? ">" : " class=\"vh\">", fp);
	hesc(fp, caption ? caption : title ? title : "Indicators");
	fputs("</caption>\n<thead><tr>", fp);
	for (c = 0; c < t->ncol; c++) {
		fprintf(fp, "<th scope=\"col\"%s>", t->col[c].right ?
		    " class=\"num\"" : "");
		hesc(fp, t->col[c].label);
		fputs("</th>", fp);
	}
	fputs("</tr></thead>\n<tbody>\n", fp);
	for (r = 0; r < t->n; r++) {
		fputs(t->focus[r] ? "<tr class=\"focus\">" : "<tr>", fp);
		for (c = 0; c < t->ncol; c++)
			hcell(fp, t, r, c, cell[r][c]);
		fputs("</tr>\n", fp);
	}
	fputs("</tbody>\n</table>\n", fp);
}

static void
whtml(FILE *fp, struct tab *t, char ***cell, char **note, size_t nnote,
    const char *lift)
{
	size_t i;
	int key = 0;

	for (i = 0; i < t->ncol; i++)
		key |= t->col[i].kind == K_CHART;
	/* The policy forbids every fetch: no script, font, image or frame
	 * can be loaded, whatever the data held. */
	fputs("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset="
	    "\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content="
	    "\"default-src 'none'; style-src 'unsafe-inline'\">\n<meta name="
	    "\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	    "<title>", fp);
	hesc(fp, title ? title : caption ? caption : "Indicators");
	fprintf(fp, "</title>\n<style>\n%s</style>\n</head>\n<body>\n", css);
	if (classif) {
		fputs("<div class=\"classification\">", fp);
		hesc(fp, classif);
		fputs("</div>\n", fp);
	}
	fputs("<main>\n", fp);
	if (title) {
		fputs("<h1>", fp);
		hesc(fp, title);
		fputs("</h1>\n", fp);
	}
	if (*lift) {
		fputs("<p class=\"context\">", fp);
		hesc(fp, lift);
		fputs("</p>\n", fp);
	}
	htable(fp, t, cell);
	if (nnote || key || source)
		fputs("<div class=\"notes\">\n", fp);
	if (key)
		hkey(fp);
	for (i = 0; i < nnote; i++) {
		fputs("<p>", fp);
		hesc(fp, note[i]);
		fputs("</p>\n", fp);
	}
	if (source) {
		fputs("<p>Source: ", fp);
		hesc(fp, source);
		fputs("</p>\n", fp);
	}
	if (nnote || key || source)
		fputs("</div>\n", fp);
	fputs("</main>\n", fp);
	if (classif) {
		fputs("<div class=\"classification end\">", fp);
		hesc(fp, classif);
		fputs("</div>\n", fp);
	}
	fputs("</body>\n</html>\n", fp);
}

/* ---- main ---- */

static long
posint(const char *s, const char *what)
{
	long long v;

	if (num_int(s, strlen(s), &v) != 0 || v < 1 || v > 1000000000)
		bad("%s: not a whole number from 1", what);
	return (long)v;
}

static void
parserag(const char *s)
{
	const char *comma = strchr(s, ',');

	if (!comma || num_dbl(s, (size_t)(comma - s), &ragg) != 0 ||
	    num_dbl(comma + 1, strlen(comma + 1), &raga) != 0 || ragg > raga)
		bad("--rag %s: want GREEN,AMBER, two numbers, GREEN <= AMBER",
		    s);
}

static void
render(FILE *fp, struct tab *t)
{
	char ***cell = xcalloc(t->n, sizeof(*cell)), **note, *v;
	struct sbuf lift = { 0 };
	size_t r, c, nnote = notes(t, &note);

	for (r = 0; r < t->n; r++) {
		cell[r] = xcalloc(t->ncol, sizeof(char *));
		for (c = 0; c < t->ncol; c++) {
			v = cellval(t, r, &t->col[c]);
			cell[r][c] = fmt == F_CSV ? v : clean(v);
			if (fmt != F_CSV)
				free(v);
		}
	}
	for (c = 0; c < t->nlift; c++) {
		sb_adds(&lift, c ? (ascii ? "; " : " \xc2\xb7 ") : "");
		sb_adds(&lift, t->lift[c]); /* ·, a middle dot */
	}
	sb_str(&lift);
	if (fmt == F_TEXT)
		wtext(fp, t, cell, note, nnote, lift.s);
	else if (fmt == F_MD)
		wmd(fp, t, cell, note, nnote, lift.s);
	else if (fmt == F_HTML)
		whtml(fp, t, cell, note, nnote, lift.s);
	else
		wcsv(fp, t, cell);
	for (r = 0; r < t->n; r++) {
		for (c = 0; c < t->ncol; c++)
			free(cell[r][c]);
		free(cell[r]);
	}
	free(cell);
	freelines(note, nnote);
	sb_free(&lift);
}

/* Decide the columns, check what the options need of them. */
static void
prepare(struct tab *t)
{
	findroles(t);
	if (suppress >= 0 && t->ix[R_COUNT] < 0)
		errx(1, "--suppress: the input has no column 'count'");
	if (focusarea && t->ix[R_AREA] < 0)
		errx(1, "--focus: the input has no column 'area'");
	if (opt_targets && t->ix[R_CATEGORY] < 0)
		errx(1, "--targets: the input has no column 'category'");
	if (opt_targets)
		readtargets(t, opt_targets);
	hasrag = opt_targets || t->ix[R_CHANGE_PCT] >= 0;
	if (opt_C)
		parsecols(t, opt_C);
	else
		defaultcols(t);
	for (size_t c = 0; c < t->ncol; c++)
		if (t->col[c].kind == K_RAG && !hasrag)
			errx(1, "-C rag: no rule: give --targets, or input "
			    "with a change_pct column");
	if (fmt != F_HTML) /* charts are drawn in HTML only */
		for (size_t c = t->ncol; c-- > 0;)
			if (t->col[c].kind == K_CHART) {
				free(t->col[c].label);
				memmove(&t->col[c], &t->col[c + 1],
				    (--t->ncol - c) * sizeof(*t->col));
			}
	flagrows(t);
	ragall(t);
	aligncols(t);
}

static void
freetab(struct tab *t)
{
	size_t r, c;

	for (r = 0; r < t->n; r++) {
		for (c = 0; c < t->h->n; c++)
			free(t->row[r][c]);
		free(t->row[r]);
	}
	for (c = 0; c < t->ncol; c++)
		free(t->col[c].label);
	freelines(t->lift, t->nlift);
	for (c = 0; c < t->ntg; c++)
		free(t->tg[c].category);
	free(t->tg);
	free(t->row);
	free(t->line);
	free(t->col);
	free(t->sup);
	free(t->rag);
	free(t->focus);
	hdr_free(t->h);
}

int
main(int argc, char *argv[])
{
	static const struct option lo[] = {
		{ "ascii", no_argument, NULL, 'A' },
		{ "caption", required_argument, NULL, 'P' },
		{ "classification", required_argument, NULL, 'K' },
		{ "columns", required_argument, NULL, 'C' },
		{ "focus", required_argument, NULL, 'F' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ "output", required_argument, NULL, 'o' },
		{ "rag", required_argument, NULL, 'R' },
		{ "source", required_argument, NULL, 'S' },
		{ "suppress", required_argument, NULL, 'N' },
		{ "targets", required_argument, NULL, 'T' },
		{ "title", required_argument, NULL, 'L' },
		{ "version", no_argument, NULL, 'V' },
		{ "width", required_argument, NULL, 'w' },
		{ NULL, 0, NULL, 0 }
	};
	struct tab t = { 0 };
	FILE *fp;
	int ch, ret = 0;

	setlocale(LC_CTYPE, "");
	while ((ch = getopt_long(argc, argv, "C:c:f:ho:w:", lo, NULL)) != -1) {
		switch (ch) {
		case 'A': ascii = 1; break;
		case 'C': opt_C = optarg; break;
		case 'c':
			if (!strchr(optarg, '=') || rolename(optarg, (size_t)
			    (strchr(optarg, '=') - optarg)) < 0)
				bad("-c %s: want NAME=COLUMN, NAME one of area, "
				    "category, count, rate, change_pct, ...",
				    optarg);
			over = xreallocarray(over, nover + 1, sizeof(*over));
			over[nover++] = optarg;
			break;
		case 'F': focusarea = optarg; break;
		case 'f':
			if (strcmp(optarg, "text") == 0) fmt = F_TEXT;
			else if (strcmp(optarg, "md") == 0) fmt = F_MD;
			else if (strcmp(optarg, "html") == 0) fmt = F_HTML;
			else if (strcmp(optarg, "csv") == 0) fmt = F_CSV;
			else bad("-f %s: want text, md, html or csv", optarg);
			break;
		case 'h': usage(stdout); return 0;
		case 'K': classif = optarg; break;
		case 'L': title = optarg; break;
		case 'N': suppress = posint(optarg, "--suppress"); break;
		case 'o': opt_o = optarg; break;
		case 'P': caption = optarg; break;
		case 'R': opt_rag = optarg; parserag(optarg); break;
		case 'S': source = optarg; break;
		case 'T': opt_targets = optarg; break;
		case 'V': version(); break;
		case 'w': width = (int)posint(optarg, "-w"); break;
		default: usage(stderr); return 2;
		}
	}
	argc -= optind;
	argv += optind;

	if (argc == 0)
		readfile(&t, "-");
	for (; argc > 0; argc--, argv++)
		readfile(&t, *argv);
	prepare(&t);
	fp = out_open(opt_o);
	render(fp, &t);
	if (badutf)
		warnx("invalid UTF-8 in the input, shown as U+FFFD");
	ret |= out_close(fp, ret == 0);
	freetab(&t);
	free(over);
	return ret;
}
