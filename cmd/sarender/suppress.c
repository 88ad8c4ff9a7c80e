/* sarender: statistical disclosure control (--suppress N, --rollup FILE).
 *
 * The promise: no count below N, and no count withheld to protect one,
 * can be worked out from anything else in the same table. It fails
 * closed: a figure is shown only when it is known not to reveal one.
 * - primary: a count (or previous count) below N is shown as <N; one
 *   that is blank is withheld too, and one that is not a whole number
 *   stops the run (it cannot be judged);
 * - what is computed from a withheld count is blank in its row (rate,
 *   change, limits, rank, band, status, and any column sarender does not
 *   know);
 * - a group (group, category, period) with a withheld member shows no
 *   group figures in any row: rank, mean, % against it, band, the
 *   group's lowest, quartiles and highest, the chart's spread; with the
 *   rates beside them these would give the withheld rate, and rate times
 *   population the count;
 * - secondary: with --rollup, each parent's count is the sum of its
 *   children's; where one term of that sum alone is withheld, the
 *   smallest other child (or, with none left, the parent) is withheld
 *   as well, shown as [c], until no sum has a single withheld term. */
#include <err.h>
#include <stdlib.h>
#include <string.h>

#include "csvread.h"
#include "header.h"
#include "input.h"
#include "name.h"
#include "num.h"
#include "util.h"
#include "sarender.h"

#define MAXFIELD (1 << 20)

/* Columns of the other tools that sarender gives no role, and what
 * blanks them. Any other column sarender does not know is blanked in a
 * row whose count or previous count is withheld. */
static const struct {
	const char *name;
	int sup;
} knowncols[] = {
	{ "per", 0 }, { "denominator", 0 }, { "coverage", 0 },
	{ "source", 0 }, { "indicator", 0 }, { "polarity", 0 },
	{ "prev_of", 0 }, { "verdict", SUP_C | SUP_G },
	{ "prev_rank", SUP_P | SUP_GP },
};

/* The suppression bits that blank input column src. */
int
colsup(const struct tab *t, long src)
{
	size_t k;

	if (src < 0)
		return 0;
	if (src == t->ix[R_COUNT])
		return SUP_C;
	if (src == t->ix[R_PREV_COUNT])
		return SUP_P;
	for (k = 0; k < NROLE; k++)
		if (t->ix[k] == src)
			return roles[k].sup;
	for (k = 0; k < sizeof(knowncols) / sizeof(knowncols[0]); k++)
		if (strcmp(t->h->key[src], knowncols[k].name) == 0)
			return knowncols[k].sup;
	return SUP_C | SUP_P;
}

/* Primary suppression of one count column: bit when below N or blank. */
static void
primary(struct sarender *S, struct tab *t, long src, int bit, const char *what)
{
	long long v;
	size_t r;
	const char *s;

	if (src < 0)
		return;
	for (r = 0; r < t->n; r++) {
		s = t->row[r][src];
		if (isblank_s(s)) {
			t->sup[r] |= bit;
			continue;
		}
		if (num_int(s, strlen(s), &v) != 0 || v < 0)
			errx(1, "%s:%ld: column '%s': '%s' is not a count "
			    "(a whole number from 0), so --suppress cannot "
			    "judge it", t->file[r], t->line[r], what, s);
		if (v < S->suppress)
			t->sup[r] |= bit;
	}
}

/* ---- rows that are one key ---- */

struct keyrow {
	char *key;
	size_t r;
};

static int
keycmp(const void *a, const void *b)
{
	const struct keyrow *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	return c ? c : x->r < y->r ? -1 : x->r > y->r;
}

/* The key of row r: the named roles' values, each by the name rule. */
static char *
rowkey(const struct tab *t, size_t r, const int *role, size_t n)
{
	struct sbuf b = { 0 }, k = { 0 };
	const char *s;
	size_t i;

	for (i = 0; i < n; i++) {
		s = t->ix[role[i]] >= 0 ? t->row[r][t->ix[role[i]]] : "";
		name_key(&k, s, strlen(s));
		sb_adds(&b, sb_str(&k));
		sb_addc(&b, '\x1f');
	}
	sb_free(&k);
	return (char *)sb_str(&b);
}

static struct keyrow *
sortedkeys(const struct tab *t, const int *role, size_t n)
{
	struct keyrow *k = xcalloc(t->n + 1, sizeof(*k));
	size_t r;

	for (r = 0; r < t->n; r++) {
		k[r].key = rowkey(t, r, role, n);
		k[r].r = r;
	}
	qsort(k, t->n, sizeof(*k), keycmp);
	return k;
}

static void
freekeys(struct keyrow *k, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(k[i].key);
	free(k);
}

/* A group with a withheld member: no group figures in any of its rows. */
static void
groups(struct tab *t)
{
	static const int role[] = { R_GROUP, R_CATEGORY, R_PERIOD };
	struct keyrow *k = sortedkeys(t, role, 3);
	size_t i, j, m;
	int any;

	for (i = 0; i < t->n; i = j) {
		any = 0;
		for (j = i; j < t->n && strcmp(k[j].key, k[i].key) == 0; j++)
			any |= (t->sup[k[j].r] & SUP_C ? SUP_G : 0) |
			    (t->sup[k[j].r] & SUP_P ? SUP_GP : 0);
		for (m = i; m < j; m++)
			t->sup[k[m].r] |= (unsigned char)any;
	}
	freekeys(k, t->n);
}

/* ---- secondary suppression over --rollup ---- */

struct link {
	char *child, *parent; /* keys */
};

static struct link *links;
static size_t nlinks;

void
readrollup(const char *path)
{
	struct input *in;
	struct csvr *r;
	struct csvr_row *row;
	struct hdr *h = NULL;
	struct sbuf k = { 0 };
	long a = -1, p = -1;
	int rc;

	if (!(in = in_open(path)))
		err(1, "%s", path);
	r = csvr_open(in, ',', MAXFIELD);
	while ((rc = csvr_next(r, &row)) > 0) {
		if (row->err != CSVR_OK)
			errx(1, "%s:%ld: unreadable record", path, row->line);
		if (!h) {
			h = hdr_new(row->f, row->len, row->n);
			if ((a = hdr_find(h, "area")) < 0 ||
			    (p = hdr_find(h, "parent")) < 0)
				errx(1, "%s:%ld: no column '%s'", path,
				    row->line, a < 0 ? "area" : "parent");
			continue;
		}
		if (row->n != h->n)
			errx(1, "%s:%ld: %zu fields, the header has %zu",
			    path, row->line, row->n, h->n);
		if (isblank_s(row->f[a]) || isblank_s(row->f[p]))
			errx(1, "%s:%ld: an empty area or parent", path,
			    row->line);
		links = xreallocarray(links, nlinks + 1, sizeof(*links));
		name_key(&k, row->f[a], row->len[a]);
		links[nlinks].child = xstrdup(sb_str(&k));
		name_key(&k, row->f[p], row->len[p]);
		links[nlinks++].parent = xstrdup(sb_str(&k));
	}
	if (rc < 0)
		errx(1, "%s: %s", path, csvr_error(r));
	if (!h)
		errx(1, "%s: no header", path);
	sb_free(&k);
	hdr_free(h);
	csvr_close(r);
	in_close(in);
}

void
freerollup(void)
{
	size_t i;

	for (i = 0; i < nlinks; i++) {
		free(links[i].child);
		free(links[i].parent);
	}
	free(links);
}

/* The rows of one (category, period): their area keys and counts. */
struct cell {
	char *area;
	size_t *rows, nrows;
};

static struct cell *
findcell(struct cell *c, size_t n, const char *area)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(c[i].area, area) == 0)
			return &c[i];
	return NULL;
}

static long long
cellcount(const struct tab *t, const struct cell *c, long src)
{
	long long v = 0;
	const char *s = t->row[c->rows[0]][src];

	num_int(s, strlen(s), &v);
	return v;
}

static void
withhold(struct tab *t, struct cell *c, int bit, int two)
{
	size_t i;

	for (i = 0; i < c->nrows; i++)
		t->sup[c->rows[i]] |= (unsigned char)(bit | two);
}

/* The terms of area's sum in the table: its children's cells, a child
 * not in the table replaced by its own children (it is their sum), down
 * to depth 0. Counts withheld terms into *held and keeps the smallest
 * shown one in *best; 0 if some term can be found nowhere. */
static int
terms(struct tab *t, struct cell *c, size_t nc, const char *area, long src,
    int bit, size_t *held, struct cell **best, int depth)
{
	struct cell *k;
	size_t j, n = 0;

	for (j = 0; j < nlinks; j++) {
		if (strcmp(links[j].parent, area) != 0)
			continue;
		n++;
		if (!(k = findcell(c, nc, links[j].child))) {
			if (depth == 0 || !terms(t, c, nc, links[j].child, src,
			    bit, held, best, depth - 1))
				return 0;
		} else if (t->sup[k->rows[0]] & bit) {
			(*held)++;
		} else if (!*best || cellcount(t, k, src) <
		    cellcount(t, *best, src)) {
			*best = k;
		}
	}
	return n > 0;
}

/* One pass over the sums of one (category, period) for one count
 * column; 1 if it withheld anything. */
static int
sums(struct tab *t, struct cell *c, size_t nc, long src, int bit, int two)
{
	struct cell *p, *best;
	size_t i, held;
	int changed = 0;

	for (i = 0; i < nc; i++) {
		p = &c[i];
		held = (t->sup[p->rows[0]] & bit) != 0;
		best = NULL;
		if (!terms(t, c, nc, p->area, src, bit, &held, &best, 16) ||
		    held != 1)
			continue;
		withhold(t, best ? best : p, bit, two);
		changed = 1;
	}
	return changed;
}

/* The cells of the table's (category, period) pairs in turn. */
static void
secondary(struct tab *t, long src, int bit, int two)
{
	static const int role[] = { R_CATEGORY, R_PERIOD };
	struct keyrow *k = sortedkeys(t, role, 2);
	struct cell *c = xcalloc(t->n + 1, sizeof(*c)), *e;
	struct sbuf a = { 0 };
	size_t i, j, m, nc, i2;
	const char *s;

	for (i = 0; i < t->n; i = j) {
		for (j = i; j < t->n && strcmp(k[j].key, k[i].key) == 0; j++)
			;
		for (nc = 0, m = i; m < j; m++) {
			s = t->row[k[m].r][t->ix[R_AREA]];
			name_key(&a, s, strlen(s));
			if (!(e = findcell(c, nc, sb_str(&a)))) {
				e = &c[nc++];
				e->area = xstrdup(sb_str(&a));
				e->rows = xcalloc(j - i, sizeof(size_t));
			}
			e->rows[e->nrows++] = k[m].r;
		}
		/* an area twice (in two groups): one term, all its rows */
		for (m = 0; m < nc; m++)
			for (e = &c[m], i2 = 0; i2 < e->nrows; i2++)
				if (t->sup[e->rows[i2]] & bit)
					withhold(t, e, bit, 0);
		while (sums(t, c, nc, src, bit, two))
			;
		for (m = 0; m < nc; m++) {
			free(c[m].area);
			free(c[m].rows);
		}
		memset(c, 0, nc * sizeof(*c));
	}
	sb_free(&a);
	free(c);
	freekeys(k, t->n);
}

void
suppressrows(struct sarender *S, struct tab *t)
{
	primary(S, t, t->ix[R_COUNT], SUP_C, "count");
	primary(S, t, t->ix[R_PREV_COUNT], SUP_P, "prev_count");
	if (nlinks && t->ix[R_AREA] < 0)
		errx(1, "--rollup: the input has no column 'area'");
	if (nlinks) {
		secondary(t, t->ix[R_COUNT], SUP_C, SUP_C2);
		if (t->ix[R_PREV_COUNT] >= 0)
			secondary(t, t->ix[R_PREV_COUNT], SUP_P, SUP_P2);
	}
	groups(t);
}
