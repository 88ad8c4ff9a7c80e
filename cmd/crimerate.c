/* crimerate: records (date,area,category[,count]) become indicators:
 * counts, rates per 1,000 and change against a comparison period.
 *
 * Rows are never stored. Each record is added to a hash table keyed by
 * area id × raw category id × bucket (a period, or a month/quarter/year of
 * a series); dates, areas and categories are interned once each, so the
 * memory is proportional to the number of groups. Categories are mapped to
 * indicators and areas rolled up to their parents only at the end, over
 * the groups. --partial keeps the record's own date as the bucket, so that
 * partials are records again and --merge is an ordinary run over them. */
#include <err.h>
#include <getopt.h>
#include <limits.h>
#include <locale.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvread.h"
#include "csvwrite.h"
#include "date.h"
#include "header.h"
#include "input.h"
#include "num.h"
#include "output.h"
#include "period.h"
#include "util.h"

__extension__ typedef __int128 i128;

enum { C_DATE, C_AREA, C_CAT, C_COUNT, NCOL };
static const char *const colname[NCOL] = {"date", "area", "category",
    "count"};

#define MAXFIELD (1 << 20)
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

struct dinfo {
	long b[2]; /* buckets the date counts toward, NOB for none */
};

/* An area of the data or of the lookup files, matched by its
 * normalised name. */
struct node {
	char *name; /* as first met */
	uint32_t *par, *kid, *anc;
	size_t npar, nkid, nanc;
	int state; /* rollup walk: 0 new, 1 on the path, 2 done */
	int missed;
	long *py;      /* population years (0: any year) */
	int64_t *pop;
	size_t npop;
};

static struct {
	const char *col[NCOL];
	int merge, partial, strict, allowmiss, verbose, by, cmpnone;
	long long per;
	int hasper;
	struct period per_, cmp;
	long blo, bhi;      /* series: buckets the output shows */
	int anyb;
	long dfirst, dlast; /* the span of every date read */
	int anyd;
	struct strtab dates, areas, cats;
	struct dinfo *di;
	int64_t *catn;
	size_t catcap;
	struct gtab g;
	long long nrows, nout;
	/* the final stage */
	struct strtab nodes, inds, ckeys;
	struct node *nd;
	uint32_t *areanode;
	uint32_t **cmap; /* raw category → indicators */
	size_t *ncmap;
	uint32_t **kmap; /* normalised category of the file → indicators */
	size_t *nkmap;
	struct gtab out, pairs;
	const char *popfile;
} R;

static void
usage(FILE *fp, int rc)
{
	fputs("usage: crimerate [-v] [-c NAME=COLUMN] [-o FILE] "
	    "[--period PERIOD]\n"
	    "                 [--compare PERIOD|none] "
	    "[--by month|quarter|year]\n"
	    "                 [--population FILE] [--per N] "
	    "[--allow-missing-population]\n"
	    "                 [--categories FILE [--strict]] "
	    "[--rollup FILE]\n"
	    "                 [--partial | --merge] [FILE ...]\n", fp);
	exit(rc);
}

static uint64_t
hash(const char *s, size_t n)
{
	uint64_t h = 0x9e3779b97f4a7c15u ^ n, w;

	for (; n >= 8; s += 8, n -= 8) {
		memcpy(&w, s, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdu;
		h ^= h >> 32;
	}
	/* the tail in at most two loads, without a call to memcpy(3) */
	if (n >= 4) {
		uint32_t a, b;

		memcpy(&a, s, 4);
		memcpy(&b, s + n - 4, 4);
		w = a | (uint64_t)b << 32;
	} else {
		w = n ? (uint64_t)(unsigned char)s[0] |
		    (uint64_t)(unsigned char)s[n / 2] << 8 |
		    (uint64_t)(unsigned char)s[n - 1] << 16 : 0;
	}
	h = (h ^ w) * 0xc4ceb9fe1a85ec53u;
	return h ^ (h >> 29);
}

static void
st_grow(struct strtab *t)
{
	size_t i, j, cap = t->mask ? 2 * (t->mask + 1) : 64;

	free(t->slot);
	t->slot = xcalloc(cap, sizeof(*t->slot));
	t->mask = cap - 1;
	for (i = 0; i < t->n; i++) {
		for (j = t->h[i] & t->mask; t->slot[j]; j = (j + 1) & t->mask)
			;
		t->slot[j] = (uint32_t)i + 1;
	}
}

/* The id of s, or -1; *slot is where it would go. */
static long
st_find(const struct strtab *t, const char *s, size_t n, uint64_t h,
    size_t *slot)
{
	size_t j;
	uint32_t id;

	if (!t->mask)
		return -1;
	for (j = h & t->mask; (id = t->slot[j]); j = (j + 1) & t->mask)
		if (t->h[id - 1] == h && t->len[id - 1] == n &&
		    memcmp(t->s[id - 1], s, n) == 0)
			return (long)id - 1;
	*slot = j;
	return -1;
}

static uint32_t
st_id(struct strtab *t, const char *s, size_t n, int *isnew)
{
	uint64_t h;
	size_t slot = 0;
	long id;

	if (isnew)
		*isnew = 0;
	if (t->n && t->len[t->last] == n && memcmp(t->s[t->last], s, n) == 0)
		return t->last;
	h = hash(s, n);
	if ((id = st_find(t, s, n, h, &slot)) >= 0)
		return t->last = (uint32_t)id;
	if (isnew)
		*isnew = 1;
	if (2 * (t->n + 1) > t->mask + 1) {
		st_grow(t);
		st_find(t, s, n, h, &slot);
	}
	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 64;
		t->s = xreallocarray(t->s, t->cap, sizeof(*t->s));
		t->len = xreallocarray(t->len, t->cap, sizeof(*t->len));
		t->h = xreallocarray(t->h, t->cap, sizeof(*t->h));
	}
	t->s[t->n] = xstrndup(s, n);
	t->len[t->n] = n;
	t->h[t->n] = h;
	t->slot[slot] = (uint32_t)t->n + 1;
	return t->last = (uint32_t)t->n++;
}

static void
st_free(struct strtab *t)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		free(t->s[i]);
	free(t->s);
	free(t->len);
	free(t->h);
	free(t->slot);
}

static size_t
g_slot(const struct gtab *t, uint32_t a, uint32_t c, long b)
{
	uint64_t h = (a * 0x9e3779b97f4a7c15u) ^ (c * 0xc2b2ae3d27d4eb4fu) ^
	    ((uint64_t)b * 0x165667b19e3779f9u);
	size_t j;

	h ^= h >> 31;
	for (j = h & t->mask; t->e[j].a != UINT32_MAX; j = (j + 1) & t->mask)
		if (t->e[j].a == a && t->e[j].c == c && t->e[j].b == b)
			break;
	return j;
}

static void
g_grow(struct gtab *t)
{
	struct grp *old = t->e;
	size_t i, cap = t->mask ? 2 * (t->mask + 1) : 1024, oldcap = t->mask + 1;

	t->e = xcalloc(cap, sizeof(*t->e));
	for (i = 0; i < cap; i++)
		t->e[i].a = UINT32_MAX;
	t->mask = cap - 1;
	for (i = 0; old && i < oldcap; i++)
		if (old[i].a != UINT32_MAX)
			t->e[g_slot(t, old[i].a, old[i].c, old[i].b)] = old[i];
	free(old);
}

/* The group's count, created at 0. */
static int64_t *
g_get(struct gtab *t, uint32_t a, uint32_t c, long b)
{
	size_t j;

	if (!t->e || 2 * (t->n + 1) > t->mask + 1)
		g_grow(t);
	j = g_slot(t, a, c, b);
	if (t->e[j].a == UINT32_MAX) {
		t->e[j].a = a;
		t->e[j].c = c;
		t->e[j].b = b;
		t->e[j].n = 0;
		t->n++;
	}
	return &t->e[j].n;
}

static int64_t
g_count(const struct gtab *t, uint32_t a, uint32_t c, long b)
{
	return t->e ? t->e[g_slot(t, a, c, b)].n : 0;
}

/* "FILE:LINE: column 'NAME': " then the message; exit 1. */
static void
die(const char *file, long line, const char *col, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (line <= 0)
		errx(1, "%s: %s", file, msg);
	if (col)
		errx(1, "%s:%ld: column '%s': %s", file, line, col, msg);
	errx(1, "%s:%ld: %s", file, line, msg);
}

/* Sums stay in 63 bits so that a change between two of them cannot
 * overflow either. */
static void
add(int64_t *to, int64_t n, const char *file, long line, const char *col)
{
	if (__builtin_add_overflow(*to, n, to))
		die(file, line, col, "the sum of counts passes 2^63-1 (64 bits)");
}

/* A CSV file with a header, read row by row. */
struct lookup {
	const char *path;
	struct input *in;
	struct csvr *r;
	struct hdr *h;
	struct csvr_row *row;
	long need; /* highest column index used */
};

static int
lk_open(struct lookup *l, const char *path)
{
	memset(l, 0, sizeof(*l));
	l->path = path;
	if (!(l->in = in_open(path)))
		err(1, "%s", path);
	l->path = in_name(l->in);
	l->r = csvr_open(l->in, ',', MAXFIELD);
	switch (csvr_next(l->r, &l->row)) {
	case -1:
		errx(1, "%s: %s", l->path, csvr_error(l->r));
	case 0:
		return 0;
	}
	l->h = hdr_new(l->row->f, l->row->len, l->row->n);
	return 1;
}

/* The index of a column by name, -1 if optional and absent. */
static long
lk_col(struct lookup *l, const char *name, const char *what, int required)
{
	long i = hdr_find(l->h, name);

	if (i < 0 && required && what && strcmp(what, name) != 0)
		errx(1, "%s: no column '%s' (-c %s=%s)", l->path, name, what,
		    name);
	if (i < 0 && required)
		errx(1, "%s: no column '%s'", l->path, name);
	if (i > l->need)
		l->need = i;
	return i;
}

static int
lk_next(struct lookup *l)
{
	switch (csvr_next(l->r, &l->row)) {
	case -1:
		errx(1, "%s: %s", l->path, csvr_error(l->r));
	case 0:
		return 0;
	}
	if (l->row->err == CSVR_ETOOLONG)
		die(l->path, l->row->line, NULL, "a field longer than %d bytes",
		    MAXFIELD);
	if (l->row->err == CSVR_EQUOTE)
		die(l->path, l->row->line, NULL, "a quoted field never ends");
	if ((long)l->row->n <= l->need)
		die(l->path, l->row->line, NULL, "%zu fields, the header has %zu",
		    l->row->n, l->h->n);
	return 1;
}

static void
lk_close(struct lookup *l)
{
	hdr_free(l->h);
	if (l->r)
		csvr_close(l->r);
	if (l->in)
		in_close(l->in);
}

static const char *
precname(int prec)
{
	return prec == DATE_YEAR ? "a year" : prec == DATE_MONTH ? "a month" :
	    "a day";
}

/* A period's days, as text (a static buffer). */
static const char *
span(const struct period *p)
{
	static char buf[32];
	struct date a, b;
	char x[11], y[11];

	a.prec = b.prec = DATE_DAY;
	date_civil(p->first, &a.y, &a.m, &a.d);
	date_civil(p->last, &b.y, &b.m, &b.d);
	date_str(&a, x);
	date_str(&b, y);
	snprintf(buf, sizeof(buf), "%s..%s", x, y);
	return buf;
}

/* Which buckets a record of span [f, l] counts toward. A record across
 * the edge of a period is data coarser than the period: an error. */
static void
buckets(struct dinfo *d, long f, long l, int prec, const char *val,
    struct lookup *lk, const char *col)
{
	const struct period *p[2] = {&R.per_, &R.cmp};
	long b;
	int i;

	d->b[0] = d->b[1] = NOB;
	if (R.by) {
		if ((b = period_bucket(R.by, f)) != period_bucket(R.by, l))
			die(lk->path, lk->row->line, col, "'%s' is %s, coarser "
			    "than the %s buckets asked for", val,
			    precname(prec), R.by == BY_MONTH ? "month" :
			    R.by == BY_QUARTER ? "quarter" : "year");
		if (R.hasper && (b < R.blo - 1 || b > R.bhi))
			return;
		d->b[0] = b;
		if (!R.hasper && (!R.anyb || b < R.blo))
			R.blo = b;
		if (!R.hasper && (!R.anyb || b > R.bhi))
			R.bhi = b;
		R.anyb = 1;
		return;
	}
	for (i = 0; i < 2 - R.cmpnone; i++) {
		if (l < p[i]->first || f > p[i]->last)
			continue;
		if (f < p[i]->first || l > p[i]->last)
			die(lk->path, lk->row->line, col, "'%s' is %s, coarser "
			    "than the period %s%s%s%s whose edge it crosses",
			    val, precname(prec), p[i]->label,
			    p[i]->kind == PER_RANGE ? "" : " (",
			    p[i]->kind == PER_RANGE ? "" : span(p[i]),
			    p[i]->kind == PER_RANGE ? "" : ")");
		d->b[i] = i;
	}
}

/* A date string met for the first time. */
static void
newdate(uint32_t id, struct lookup *lk, long col)
{
	const char *s = R.dates.s[id];
	long f, l;
	int prec;

	if ((id & (id - 1)) == 0)
		R.di = xreallocarray(R.di, id ? 2 * id : 1, sizeof(*R.di));
	if (period_date(s, R.dates.len[id], &f, &l, &prec) != 0)
		die(lk->path, lk->row->line, lk->h->name[col],
		    "'%.*s' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)",
		    SHOWN, s);
	if (!R.anyd || f < R.dfirst)
		R.dfirst = f;
	if (!R.anyd || l > R.dlast)
		R.dlast = l;
	R.anyd = 1;
	if (R.partial) {
		R.di[id].b[0] = id;
		R.di[id].b[1] = NOB;
		return;
	}
	buckets(&R.di[id], f, l, prec, s, lk, lk->h->name[col]);
}

static int64_t
count(struct lookup *lk, long col)
{
	const char *s;
	size_t n, i;
	long long v = 0;
	int r;

	if (col < 0)
		return 1;
	s = lk->row->f[col];
	n = lk->row->len[col];
	for (i = 0; i < n && i < 18 && s[i] >= '0' && s[i] <= '9'; i++)
		v = v * 10 + (s[i] - '0');
	if (i == n && n > 0)
		return v;
	if ((r = num_int(s, n, &v)) == -2)
		die(lk->path, lk->row->line, lk->h->name[col],
		    "'%.*s' is past 64 bits", SHOWN, s);
	if (r != 0 || v < 0)
		die(lk->path, lk->row->line, lk->h->name[col],
		    "'%.*s' is not a count", SHOWN, s);
	return v;
}

static uint32_t
name(struct strtab *t, struct lookup *lk, long col, const char *what)
{
	if (lk->row->len[col] == 0)
		die(lk->path, lk->row->line, lk->h->name[col], "empty %s", what);
	return st_id(t, lk->row->f[col], lk->row->len[col], NULL);
}

static void
record(struct lookup *lk, const long *col)
{
	struct csvr_row *row = lk->row;
	const struct dinfo *d;
	uint32_t id, a, c;
	int64_t n = count(lk, col[C_COUNT]);
	const char *cn = col[C_COUNT] >= 0 ? lk->h->name[col[C_COUNT]] : NULL;
	int isnew;

	id = st_id(&R.dates, row->f[col[C_DATE]], row->len[col[C_DATE]],
	    &isnew);
	if (isnew)
		newdate(id, lk, col[C_DATE]);
	R.nrows++;
	d = &R.di[id];
	if (d->b[0] == NOB && d->b[1] == NOB) {
		R.nout++;
		return;
	}
	a = name(&R.areas, lk, col[C_AREA], "area");
	c = name(&R.cats, lk, col[C_CAT], "category");
	if (R.cats.n > R.catcap) {
		R.catn = xreallocarray(R.catn, R.cats.cap, sizeof(*R.catn));
		memset(R.catn + R.catcap, 0,
		    (R.cats.cap - R.catcap) * sizeof(*R.catn));
		R.catcap = R.cats.cap;
	}
	add(&R.catn[c], n, lk->path, row->line, cn);
	if (d->b[0] != NOB)
		add(g_get(&R.g, a, c, d->b[0]), n, lk->path, row->line,
		    cn);
	if (d->b[1] != NOB)
		add(g_get(&R.g, a, c, d->b[1]), n, lk->path, row->line,
		    cn);
}

/* Is the row the header again (concatenated partials)? */
static int
isheader(const struct lookup *lk)
{
	return hdr_same(lk->h, lk->row->f, lk->row->len, lk->row->n);
}

static void
readfile(const char *path)
{
	struct lookup lk;
	long col[NCOL], before = R.nrows;
	int i;

	/* As the other tools: no header is no data, most often an upstream
	 * stage that failed. */
	if (!lk_open(&lk, path))
		errx(1, "%s: empty (no header row)", lk.path);
	for (i = 0; i < NCOL; i++)
		col[i] = lk_col(&lk, R.col[i], colname[i],
		    i != C_COUNT || R.merge);
	while (lk_next(&lk))
		if (!R.merge || !isheader(&lk))
			record(&lk, col);
	if (R.verbose)
		warnx("%s: %lld records", lk.path, R.nrows - before);
	lk_close(&lk);
}

/* Lookups match names trimmed and without regard to ASCII case: the
 * key of s, in a buffer reused by the next call (NULL frees it). */
static const char *
normkey(const char *s, size_t *n)
{
	static struct sbuf b;
	size_t i;

	if (!s) {
		sb_free(&b);
		return NULL;
	}
	while (*n > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		(*n)--;
	}
	while (*n > 0 && (s[*n - 1] == ' ' || s[*n - 1] == '\t'))
		(*n)--;
	b.len = 0;
	for (i = 0; i < *n; i++)
		sb_addc(&b, s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
	return sb_str(&b);
}

static uint32_t
normid(struct strtab *t, const char *s, size_t n, int *isnew)
{
	const char *k = normkey(s, &n);

	return st_id(t, k, n, isnew);
}

static long
normfind(const struct strtab *t, const char *s, size_t n)
{
	const char *k = normkey(s, &n);
	size_t slot;

	return st_find(t, k, n, hash(k, n), &slot);
}

static void
push(uint32_t **v, size_t *n, uint32_t x)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if ((*v)[i] == x)
			return;
	if ((*n & (*n - 1)) == 0)
		*v = xreallocarray(*v, *n ? 2 * *n : 1, sizeof(**v));
	(*v)[(*n)++] = x;
}

/* A node for an area name; data areas come first and keep their names. */
static uint32_t
node(const char *s, size_t n)
{
	int isnew;
	uint32_t id = normid(&R.nodes, s, n, &isnew);

	if (isnew && (id & (id - 1)) == 0)
		R.nd = xreallocarray(R.nd, id ? 2 * id : 1, sizeof(*R.nd));
	if (isnew) {
		memset(&R.nd[id], 0, sizeof(R.nd[id]));
		while (n > 0 && (*s == ' ' || *s == '\t')) {
			s++;
			n--;
		}
		while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
			n--;
		R.nd[id].name = xstrndup(s, n);
	}
	return id;
}

static void
load_categories(const char *path)
{
	struct lookup lk;
	long ci, ii;
	uint32_t k, ind;
	int isnew;

	if (!lk_open(&lk, path))
		errx(1, "%s: empty", path);
	ci = lk_col(&lk, "category", NULL, 1);
	ii = lk_col(&lk, "indicator", NULL, 1);
	while (lk_next(&lk)) {
		k = normid(&R.ckeys, lk.row->f[ci], lk.row->len[ci], &isnew);
		if (isnew) {
			R.kmap = xreallocarray(R.kmap, R.ckeys.cap,
			    sizeof(*R.kmap));
			R.nkmap = xreallocarray(R.nkmap, R.ckeys.cap,
			    sizeof(*R.nkmap));
			R.kmap[k] = NULL;
			R.nkmap[k] = 0;
		}
		/* an empty indicator: known, counted in none */
		if (lk.row->len[ii] == 0)
			continue;
		ind = st_id(&R.inds, lk.row->f[ii], lk.row->len[ii], NULL);
		push(&R.kmap[k], &R.nkmap[k], ind);
	}
	lk_close(&lk);
}

static int
catcmp(const void *a, const void *b)
{
	return strcmp(R.cats.s[*(const uint32_t *)a],
	    R.cats.s[*(const uint32_t *)b]);
}

/* Raw categories to indicators; the unmapped ones said on stderr. */
static int
map_categories(const char *path)
{
	uint32_t c, *um = xcalloc(R.cats.n, sizeof(*um));
	size_t i, n = 0;
	long k;

	R.cmap = xcalloc(R.cats.n, sizeof(*R.cmap));
	R.ncmap = xcalloc(R.cats.n, sizeof(*R.ncmap));
	for (c = 0; c < R.cats.n; c++) {
		if (!path) {
			push(&R.cmap[c], &R.ncmap[c],
			    st_id(&R.inds, R.cats.s[c], R.cats.len[c], NULL));
			continue;
		}
		k = normfind(&R.ckeys, R.cats.s[c], R.cats.len[c]);
		if (k < 0) {
			um[n++] = c;
			continue;
		}
		for (i = 0; i < R.nkmap[k]; i++)
			push(&R.cmap[c], &R.ncmap[c], R.kmap[k][i]);
	}
	qsort(um, n, sizeof(*um), catcmp);
	for (i = 0; i < n; i++)
		warnx("%s: unmapped category '%s': %lld", path,
		    R.cats.s[um[i]], (long long)R.catn[um[i]]);
	free(um);
	if (n && R.strict)
		warnx("%zu unmapped categor%s (--strict)", n, n == 1 ? "y" :
		    "ies");
	return n && R.strict;
}

static void
load_rollup(const char *path)
{
	struct lookup lk;
	long ai, pi;
	uint32_t a, p;

	if (!lk_open(&lk, path))
		errx(1, "%s: empty", path);
	ai = lk_col(&lk, "area", NULL, 1);
	pi = lk_col(&lk, "parent", NULL, 1);
	while (lk_next(&lk)) {
		if (lk.row->len[ai] == 0)
			die(lk.path, lk.row->line, lk.h->name[ai], "empty area");
		if (lk.row->len[pi] == 0)
			continue; /* a top level */
		a = node(lk.row->f[ai], lk.row->len[ai]);
		p = node(lk.row->f[pi], lk.row->len[pi]);
		push(&R.nd[a].par, &R.nd[a].npar, p);
		push(&R.nd[p].kid, &R.nd[p].nkid, a);
	}
	lk_close(&lk);
}

/* Every ancestor of a node, once each; a cycle is an error naming it. */
static void
ancestors(uint32_t v, const char *path)
{
	struct node *n = &R.nd[v], *p;
	size_t i, j;

	if (n->state == 2)
		return;
	if (n->state == 1)
		errx(1, "%s: the rollup has a cycle through '%s'", path,
		    n->name);
	n->state = 1;
	for (i = 0; i < n->npar; i++) {
		ancestors(n->par[i], path);
		n = &R.nd[v];
		p = &R.nd[n->par[i]];
		push(&n->anc, &n->nanc, n->par[i]);
		for (j = 0; j < p->nanc; j++)
			push(&n->anc, &n->nanc, p->anc[j]);
	}
	n->state = 2;
}

static void
load_population(const char *path)
{
	struct lookup lk;
	struct node *n;
	long ai, yi, pi, y = 0;
	long long v;
	size_t i;
	int r;

	if (!lk_open(&lk, path))
		errx(1, "%s: empty", path);
	ai = lk_col(&lk, "area", NULL, 1);
	yi = lk_col(&lk, "year", NULL, 0);
	pi = lk_col(&lk, "population", NULL, 1);
	while (lk_next(&lk)) {
		const char *f = lk.row->f[pi];

		if (yi >= 0 && (lk.row->len[yi] != 4 ||
		    (y = strtol(lk.row->f[yi], NULL, 10)) < 1 ||
		    strspn(lk.row->f[yi], "0123456789") != 4))
			die(lk.path, lk.row->line, lk.h->name[yi],
			    "'%.*s' is not a year", SHOWN, lk.row->f[yi]);
		if ((r = num_int(f, lk.row->len[pi], &v)) != 0 || v < 0)
			die(lk.path, lk.row->line, lk.h->name[pi], r == 0 ?
			    "'%.*s' is a negative population" : r == -2 ?
			    "'%.*s' is past 64 bits" : "'%.*s' is not a number",
			    SHOWN, f);
		i = node(lk.row->f[ai], lk.row->len[ai]); /* may move R.nd */
		n = &R.nd[i];
		for (i = 0; i < n->npop; i++)
			if (n->py[i] == y)
				die(lk.path, lk.row->line, NULL, "a second "
				    "population for '%s'%s", n->name, y ?
				    " in that year" : "");
		n->py = xreallocarray(n->py, n->npop + 1, sizeof(*n->py));
		n->pop = xreallocarray(n->pop, n->npop + 1, sizeof(*n->pop));
		n->py[n->npop] = y;
		n->pop[n->npop++] = v;
	}
	lk_close(&lk);
}

/* The population of a node in a year: the figure for that year, else
 * the latest before it; for a parent without one, the sum of its
 * children. -1 when there is none. */
static int64_t
population(uint32_t v, long year)
{
	struct node *n = &R.nd[v];
	int64_t best = -1, sum = 0, k;
	long by = 0;
	size_t i;

	for (i = 0; i < n->npop; i++)
		if (n->py[i] <= year && (best < 0 || n->py[i] > by)) {
			best = n->pop[i];
			by = n->py[i];
		}
	if (best >= 0 || n->nkid == 0)
		return best;
	for (i = 0; i < n->nkid; i++) {
		if ((k = population(n->kid[i], year)) < 0)
			return -1;
		if (__builtin_add_overflow(sum, k, &sum))
			return -1;
	}
	return sum;
}

/* num/den rounded half away from zero to dec decimals: exact, so that
 * every figure can be checked by hand. */
static void
fixed(FILE *fp, i128 num, i128 den, int dec)
{
	char buf[64], *p = buf + sizeof(buf) - 1;
	i128 q, s = 1;
	int i = 0, neg = num < 0;

	while (i++ < dec)
		s *= 10;
	q = ((neg ? -num : num) * s * 2 + den) / (den * 2);
	neg = neg && q != 0;
	*p = '\0';
	i = 0;
	do {
		*--p = (char)('0' + (int)(q % 10));
		q /= 10;
		if (++i == dec)
			*--p = '.';
	} while (q > 0 || i <= dec);
	if (neg)
		*--p = '-';
	csvw_str(fp, p, 0);
}

static void
integer(FILE *fp, long long v, int first)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%lld", v);
	csvw_str(fp, buf, first);
}

/* Each group of records becomes groups of indicators, for its area and
 * every ancestor of it. */
static void
build(void)
{
	const struct grp *e;
	const struct node *n;
	size_t i, j, k;
	uint32_t v, ind;

	for (i = 0; R.g.e && i <= R.g.mask; i++) {
		e = &R.g.e[i];
		if (e->a == UINT32_MAX)
			continue;
		v = R.areanode[e->a];
		n = &R.nd[v];
		for (j = 0; j < R.ncmap[e->c]; j++) {
			ind = R.cmap[e->c][j];
			add(g_get(&R.out, v, ind, e->b), e->n, "rollup", 0,
			    NULL);
			g_get(&R.pairs, v, ind, 0);
			for (k = 0; k < n->nanc; k++) {
				add(g_get(&R.out, n->anc[k], ind, e->b), e->n,
				    "rollup", 0, NULL);
				g_get(&R.pairs, n->anc[k], ind, 0);
			}
		}
	}
}

static int
paircmp(const void *x, const void *y)
{
	const struct grp *a = x, *b = y;
	int c = strcmp(R.nd[a->a].name, R.nd[b->a].name);

	if (!c)
		c = strcmp(R.inds.s[a->c], R.inds.s[b->c]);
	return c ? c : (a->a > b->a) - (a->a < b->a);
}

/* Groups of a table, sorted by cmp. */
static struct grp *
sorted(const struct gtab *t, int (*cmp)(const void *, const void *))
{
	struct grp *v = xcalloc(t->n, sizeof(*v));
	size_t i, n = 0;

	for (i = 0; t->e && i <= t->mask; i++)
		if (t->e[i].a != UINT32_MAX)
			v[n++] = t->e[i];
	qsort(v, n, sizeof(*v), cmp);
	return v;
}

struct slot {
	long b, pb;
	long year, pyear;
	int prevok;
	char label[PERIOD_LABEL];
};

static int
indata(long first, long last)
{
	return R.anyd && last >= R.dfirst && first <= R.dlast;
}

static long
yearof(long day)
{
	int y, m, d;

	date_civil(day, &y, &m, &d);
	return y;
}

/* The periods the output shows, in order. */
static struct slot *
slots(size_t *ns)
{
	struct slot *s;
	long b, f, l, pf, pl;

	if (!R.by) {
		s = xcalloc(1, sizeof(*s));
		s->b = 0;
		s->pb = 1;
		s->year = yearof(R.per_.last);
		s->pyear = yearof(R.cmp.last);
		s->prevok = !R.cmpnone && indata(R.cmp.first, R.cmp.last);
		memcpy(s->label, R.per_.label, PERIOD_LABEL);
		*ns = 1;
		return s;
	}
	*ns = R.hasper || R.anyb ? (size_t)(R.bhi - R.blo + 1) : 0;
	s = xcalloc(*ns, sizeof(*s));
	for (b = R.blo; *ns && b <= R.bhi; b++) {
		period_bucket_span(R.by, b, &f, &l);
		period_bucket_span(R.by, b - 1, &pf, &pl);
		s[b - R.blo].b = b;
		s[b - R.blo].pb = b - 1;
		s[b - R.blo].year = yearof(l);
		s[b - R.blo].pyear = yearof(pl);
		s[b - R.blo].prevok = !R.cmpnone && indata(pf, pl);
		period_bucket_label(R.by, b, s[b - R.blo].label);
	}
	return s;
}

/* A population, or -1 when none is wanted or, allowed, none is known;
 * a missing one is said once per area and makes *bad. */
static int64_t
popfor(uint32_t v, long year, int *bad)
{
	int64_t p;

	if (!R.popfile)
		return -1;
	if ((p = population(v, year)) >= 0 || R.allowmiss)
		return p;
	if (!R.nd[v].missed)
		warnx("%s: no population for area '%s' in %ld", R.popfile,
		    R.nd[v].name, year);
	R.nd[v].missed = 1;
	*bad = 1;
	return -1;
}

static void
row(FILE *fp, const struct grp *pr, const struct slot *s, int *bad)
{
	int64_t c = g_count(&R.out, pr->a, pr->c, s->b), p = 0, pop, ppop = -1;

	pop = popfor(pr->a, s->year, bad);
	if (s->prevok) {
		p = g_count(&R.out, pr->a, pr->c, s->pb);
		ppop = popfor(pr->a, s->pyear, bad);
	}
	if (!fp)
		return;
	csvw_str(fp, R.nd[pr->a].name, 1);
	csvw_str(fp, R.inds.s[pr->c], 0);
	csvw_str(fp, s->label, 0);
	integer(fp, c, 0);
	if (pop >= 0)
		integer(fp, pop, 0);
	else
		csvw_str(fp, "", 0);
	if (pop > 0)
		fixed(fp, (i128)c * R.per, pop, 2);
	else
		csvw_str(fp, "", 0);
	if (s->prevok) {
		integer(fp, p, 0);
		if (ppop > 0)
			fixed(fp, (i128)p * R.per, ppop, 2);
		else
			csvw_str(fp, "", 0);
		integer(fp, c - p, 0);
		if (p > 0)
			fixed(fp, ((i128)c - p) * 100, p, 1);
		else
			csvw_str(fp, "", 0);
	} else {
		fputs(",,,,", fp);
	}
	csvw_end(fp);
}

/* Pass once without output to find missing populations, then write. */
static int
indicators(const char *opt_o)
{
	struct grp *pr = sorted(&R.pairs, paircmp);
	struct slot *s;
	size_t i, j, ns;
	FILE *fp;
	int bad = 0, ret;

	s = slots(&ns);
	for (i = 0; i < R.pairs.n; i++)
		for (j = 0; j < ns; j++)
			row(NULL, &pr[i], &s[j], &bad);
	if (bad) {
		free(pr);
		free(s);
		return 1;
	}
	fp = out_open(opt_o);
	fputs("area,category,period,count,population,rate,prev_count,"
	    "prev_rate,change,change_pct\n", fp);
	for (i = 0; i < R.pairs.n; i++)
		for (j = 0; j < ns; j++)
			row(fp, &pr[i], &s[j], &bad);
	ret = out_close(fp, 1);
	free(pr);
	free(s);
	return ret;
}

static int
partcmp(const void *x, const void *y)
{
	const struct grp *a = x, *b = y;
	int c = strcmp(R.areas.s[a->a], R.areas.s[b->a]);

	if (!c)
		c = strcmp(R.cats.s[a->c], R.cats.s[b->c]);
	return c ? c : strcmp(R.dates.s[a->b], R.dates.s[b->b]);
}

/* Partial counts are records: date,area,category,count. */
static int
partial(const char *opt_o)
{
	struct grp *v = sorted(&R.g, partcmp);
	FILE *fp = out_open(opt_o);
	size_t i;

	fputs("date,area,category,count\n", fp);
	for (i = 0; i < R.g.n; i++) {
		csvw_str(fp, R.dates.s[v[i].b], 1);
		csvw_field(fp, R.areas.s[v[i].a], R.areas.len[v[i].a], 0);
		csvw_field(fp, R.cats.s[v[i].c], R.cats.len[v[i].c], 0);
		integer(fp, v[i].n, 0);
		csvw_end(fp);
	}
	free(v);
	return out_close(fp, 1);
}

static void
cleanup(void)
{
	size_t i;

	for (i = 0; i < R.nodes.n; i++) {
		free(R.nd[i].name);
		free(R.nd[i].par);
		free(R.nd[i].kid);
		free(R.nd[i].anc);
		free(R.nd[i].py);
		free(R.nd[i].pop);
	}
	for (i = 0; R.cmap && i < R.cats.n; i++)
		free(R.cmap[i]);
	for (i = 0; R.kmap && i < R.ckeys.n; i++)
		free(R.kmap[i]);
	free(R.nd);
	free(R.cmap);
	free(R.ncmap);
	free(R.kmap);
	free(R.nkmap);
	free(R.areanode);
	free(R.di);
	free(R.catn);
	free(R.g.e);
	free(R.out.e);
	free(R.pairs.e);
	st_free(&R.dates);
	st_free(&R.areas);
	st_free(&R.cats);
	st_free(&R.nodes);
	st_free(&R.inds);
	st_free(&R.ckeys);
	normkey(NULL, NULL);
}

/* The final stage: lookups, then indicators. */
static int
finish(const char *cats, const char *rollup, const char *opt_o)
{
	size_t i;
	int ret;

	/* data areas first, so that they keep their spelling */
	R.areanode = xcalloc(R.areas.n, sizeof(*R.areanode));
	for (i = 0; i < R.areas.n; i++)
		R.areanode[i] = node(R.areas.s[i], R.areas.len[i]);
	if (rollup)
		load_rollup(rollup);
	for (i = 0; i < R.nodes.n; i++)
		ancestors((uint32_t)i, rollup);
	if (R.popfile)
		load_population(R.popfile);
	if (cats)
		load_categories(cats);
	if (map_categories(cats))
		return 1;
	build();
	ret = indicators(opt_o);
	return ret;
}

static long long
perarg(const char *s)
{
	char *end;
	long long v = strtoll(s, &end, 10);

	if (*end || end == s || v < 1 || v > 1000000000) {
		warnx("--per: '%s' is not a whole number from 1 to 10^9", s);
		usage(stderr, 2);
	}
	return v;
}

static void
periodarg(const char *opt, const char *s, struct period *p)
{
	if (period_parse(s, strlen(s), p) != 0) {
		warnx("%s: '%s' is not a period (saYYYY, fyYYYY, YYYY, YYYYqN, "
		    "YYYY-MM, 12m:YYYY-MM or FROM..TO)", opt, s);
		usage(stderr, 2);
	}
}

static void
colarg(const char *s)
{
	const char *eq = strchr(s, '=');
	int i;

	for (i = 0; eq && eq[1] && i < NCOL; i++)
		if (strnieq(s, (size_t)(eq - s), colname[i])) {
			R.col[i] = eq + 1;
			return;
		}
	warnx("-c: '%s' is not NAME=COLUMN with NAME date, area, category "
	    "or count", s);
	usage(stderr, 2);
}

/* --by with --period: the period must be whole buckets. */
static void
series(void)
{
	long f, l;

	if (!R.hasper)
		return;
	R.blo = period_bucket(R.by, R.per_.first);
	R.bhi = period_bucket(R.by, R.per_.last);
	period_bucket_span(R.by, R.blo, &f, &l);
	if (f != R.per_.first) {
		warnx("--period %s is not whole %ss", R.per_.label,
		    R.by == BY_MONTH ? "month" : R.by == BY_QUARTER ?
		    "quarter" : "year");
		usage(stderr, 2);
	}
	period_bucket_span(R.by, R.bhi, &f, &l);
	if (l != R.per_.last) {
		warnx("--period %s is not whole %ss", R.per_.label,
		    R.by == BY_MONTH ? "month" : R.by == BY_QUARTER ?
		    "quarter" : "year");
		usage(stderr, 2);
	}
}

enum { O_ALLOW = 256, O_BY, O_CATS, O_CMP, O_MERGE, O_PARTIAL, O_PER,
	O_PERIOD, O_POP, O_ROLLUP, O_STRICT, O_VERSION };

static const struct option longopts[] = {
	{"allow-missing-population", no_argument, NULL, O_ALLOW},
	{"by", required_argument, NULL, O_BY},
	{"categories", required_argument, NULL, O_CATS},
	{"compare", required_argument, NULL, O_CMP},
	{"help", no_argument, NULL, 'h'},
	{"merge", no_argument, NULL, O_MERGE},
	{"partial", no_argument, NULL, O_PARTIAL},
	{"per", required_argument, NULL, O_PER},
	{"period", required_argument, NULL, O_PERIOD},
	{"population", required_argument, NULL, O_POP},
	{"rollup", required_argument, NULL, O_ROLLUP},
	{"strict", no_argument, NULL, O_STRICT},
	{"version", no_argument, NULL, O_VERSION},
	{NULL, 0, NULL, 0}
};

int
main(int argc, char *argv[])
{
	const char *opt_o = NULL, *cats = NULL, *rollup = NULL, *cmp = NULL;
	int ch, i, ret = 0, final;

	setlocale(LC_CTYPE, "");
	memcpy(R.col, colname, sizeof(R.col));
	R.per = 1000;
	while ((ch = getopt_long(argc, argv, "c:ho:v", longopts, NULL)) != -1) {
		switch (ch) {
		case 'c':
			colarg(optarg);
			break;
		case 'h':
			usage(stdout, 0);
			break;
		case 'o':
			opt_o = optarg;
			break;
		case 'v':
			R.verbose = 1;
			break;
		case O_ALLOW:
			R.allowmiss = 1;
			break;
		case O_BY:
			if ((R.by = period_by(optarg)) < 0) {
				warnx("--by: '%s' is not month, quarter or "
				    "year", optarg);
				usage(stderr, 2);
			}
			break;
		case O_CATS:
			cats = optarg;
			break;
		case O_CMP:
			cmp = optarg;
			break;
		case O_MERGE:
			R.merge = 1;
			break;
		case O_PARTIAL:
			R.partial = 1;
			break;
		case O_PER:
			R.per = perarg(optarg);
			break;
		case O_PERIOD:
			periodarg("--period", optarg, &R.per_);
			R.hasper = 1;
			break;
		case O_POP:
			R.popfile = optarg;
			break;
		case O_ROLLUP:
			rollup = optarg;
			break;
		case O_STRICT:
			R.strict = 1;
			break;
		case O_VERSION:
			version();
			break;
		default:
			usage(stderr, 2);
		}
	}
	argc -= optind;
	argv += optind;

	final = R.hasper || cmp || R.by || R.popfile || cats || rollup ||
	    R.strict || R.allowmiss || R.per != 1000;
	if ((R.partial && final) || (R.strict && !cats) ||
	    (cmp && !R.hasper) || (cmp && R.by && strcmp(cmp, "none") != 0)) {
		warnx("%s", R.partial && final ? "--partial counts only; the "
		    "other options belong to the run that merges" : R.strict &&
		    !cats ? "--strict needs --categories" : cmp && !R.hasper ?
		    "--compare needs --period" : "--by compares each bucket "
		    "with the one before; --compare takes only none");
		usage(stderr, 2);
	}
	if (cmp && strcmp(cmp, "none") == 0)
		R.cmpnone = 1;
	else if (cmp)
		periodarg("--compare", cmp, &R.cmp);
	else if (R.hasper)
		period_prev(&R.per_, &R.cmp);
	if (!R.partial && !R.hasper && !R.by)
		R.by = BY_YEAR;
	if (R.by)
		series();

	if (argc == 0)
		readfile("-");
	for (i = 0; i < argc; i++)
		readfile(argv[i]);
	if (R.verbose && !R.partial)
		warnx("%lld records, %lld outside the periods", R.nrows,
		    R.nout);
	ret = R.partial ? partial(opt_o) : finish(cats, rollup, opt_o);
	cleanup();
	return ret;
}
