/* msgrank: rank each area against its Most Similar Group, per category
 * and period, with a Poisson confidence interval for the area's value and
 * a band saying whether the group mean lies outside it.
 *
 * All rows are read first (ranking needs a whole group), then every
 * group membership of a row becomes an entry; entries are sorted into
 * cells (group, category, period), ranked and summarised, and written
 * back out in group order, input order within a group. */
#include <err.h>
#include <getopt.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvread.h"
#include "csvwrite.h"
#include "header.h"
#include "input.h"
#include "num.h"
#include "output.h"
#include "stats.h"
#include "util.h"

#define MAXFIELD (1 << 20)

/* The input columns msgrank reads. */
enum { C_AREA, C_CATEGORY, C_PERIOD, C_COUNT, C_POPULATION, C_RATE,
	C_PREV_COUNT, C_CHANGE_PCT, NCOL };
static const char *colname[NCOL] = { "area", "category", "period", "count",
	"population", "rate", "prev_count", "change_pct" };

/* What can be ranked (--by). */
enum { BY_RATE, BY_ADJ, BY_CHANGE, BY_COUNT, NBY };
static const char *byname[NBY] = { "rate", "adj_rate", "change_pct", "count" };

/* The columns msgrank adds, in order. */
static const char *addname[] = { "group", "rank", "of", "group_mean",
	"vs_mean_pct", "lcl", "ucl", "band", "group_min", "group_q1",
	"group_q3", "group_max", "adj_rate", "adj_rank" };
#define NADD (sizeof(addname) / sizeof(addname[0]))

/* One CSV source: a file with its header read. */
struct src {
	struct input *in;
	struct csvr *r;
	struct hdr *h;
	const char *name;
};

struct row {
	char **f;          /* the input fields, owned, NUL-terminated */
	size_t *len;
	const char *file;  /* owned by files[] */
	long line;
	double num[NCOL];  /* the numeric columns read */
	unsigned has;      /* bit c: num[c] holds a value */
	double val[NBY];   /* the values that can be ranked */
	unsigned hasval;   /* bit b: val[b] holds a value */
	double frac;       /* recording accuracy as a fraction, or 0 */
	double lcl, ucl;
	int hasci;
};

struct ent {
	size_t row, g;
	long rank, adjrank, of; /* rank 0: not ranked */
	double mean, min, q1, q3, max;
};

struct memb {
	char *area;
	size_t g;
	const char *file;
	long line;
};

struct acc {
	char *area;
	double pct;
};

static const char *opt_accuracy, *opt_focus, *opt_group, *opt_o;
static int opt_by = BY_RATE;
static double opt_conf = 0.95, opt_per = 1000.0;
static char *colover[NCOL];

static long col[NCOL];       /* index of each input column, or -1 */
static struct hdr *hdr;      /* the data's header */
static int *dropcol;         /* input columns replaced by ours */
static char **files;
static size_t nfiles;
static struct row *rows;
static size_t nrows;
static char **gname;
static size_t ngroup;
static struct memb *memb;
static size_t nmemb;
static struct acc *accs;
static size_t naccs;
static struct ent *ents;
static size_t nents;
static int sortby;           /* the value cmpcell() orders by */

#define HAS(r, c)    (((r)->has >> (c)) & 1u)
#define HASVAL(r, b) (((r)->hasval >> (b)) & 1u)
#define FIELD(r, c)  ((r)->f[col[c]])

static void
usage(FILE *fp, int status)
{
	fputs("usage: msgrank [-c NAME=COLUMN] [-o FILE] [--accuracy FILE]\n"
	    "               [--by rate|adj_rate|change_pct|count] [--focus AREA]\n"
	    "               [--group FILE] [--level 95|99.8] [--per N] [FILE ...]\n",
	    fp);
	exit(status);
}

/* -c NAME=COLUMN: read input column COLUMN as NAME. */
static void
setcol(const char *arg)
{
	const char *eq = strchr(arg, '=');
	size_t i;

	if (!eq || eq[1] == '\0')
		usage(stderr, 2);
	for (i = 0; i < NCOL; i++)
		if (strlen(colname[i]) == (size_t)(eq - arg) &&
		    strncmp(arg, colname[i], (size_t)(eq - arg)) == 0)
			break;
	if (i == NCOL) {
		warnx("-c: unknown name '%.*s'", (int)(eq - arg), arg);
		usage(stderr, 2);
	}
	free(colover[i]);
	colover[i] = xstrdup(eq + 1);
}

static const char *
colsearch(int c)
{
	return colover[c] ? colover[c] : colname[c];
}

/* ---- reading CSV ---- */

static void
src_open(struct src *s, const char *path)
{
	struct csvr_row *row;
	int rc;

	if (!(s->in = in_open(path)))
		err(1, "%s", path);
	s->name = in_name(s->in);
	s->r = csvr_open(s->in, ',', MAXFIELD);
	if ((rc = csvr_next(s->r, &row)) < 0)
		errx(1, "%s: %s", s->name, csvr_error(s->r));
	if (rc == 0)
		errx(1, "%s: empty: no header", s->name);
	if (row->err != CSVR_OK || row->nul)
		errx(1, "%s:%ld: a bad header", s->name, row->line);
	s->h = hdr_new(row->f, row->len, row->n);
}

/* The next row, checked: 1, or 0 at end of input. */
static int
src_next(struct src *s, struct csvr_row **row)
{
	int rc = csvr_next(s->r, row);

	if (rc < 0)
		errx(1, "%s: %s", s->name, csvr_error(s->r));
	if (rc == 0)
		return 0;
	if ((*row)->err == CSVR_ETOOLONG)
		errx(1, "%s:%ld: a field longer than %d bytes", s->name,
		    (*row)->line, MAXFIELD);
	if ((*row)->err == CSVR_EQUOTE)
		errx(1, "%s:%ld: a quoted field is never closed", s->name,
		    (*row)->line);
	if ((*row)->nul)
		errx(1, "%s:%ld: a NUL byte", s->name, (*row)->line);
	if ((*row)->n != s->h->n)
		errx(1, "%s:%ld: %zu fields, the header has %zu", s->name,
		    (*row)->line, (*row)->n, s->h->n);
	return 1;
}

static void
src_close(struct src *s)
{
	if (s->h != hdr) /* the data's first header is kept */
		hdr_free(s->h);
	csvr_close(s->r);
	in_close(s->in);
}

/* A column of a lookup file by name, or exit naming it. */
static size_t
needcol(const struct src *s, const char *names)
{
	long i = hdr_find(s->h, names);

	if (i < 0)
		errx(1, "%s:1: no column '%s'", s->name, names);
	return (size_t)i;
}

/* A field of a lookup file that must not be empty, trimmed, owned. */
static char *
keyfield(const struct src *s, const struct csvr_row *row, size_t i)
{
	const char *p = row->f[i];
	size_t n = row->len[i];

	while (n > 0 && (*p == ' ' || *p == '\t')) {
		p++;
		n--;
	}
	while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t'))
		n--;
	if (n == 0)
		errx(1, "%s:%ld: column '%s' is empty", s->name, row->line,
		    s->h->name[i]);
	return xstrndup(p, n);
}

/* ---- the group and accuracy files ---- */

static size_t
groupidx(char *name)
{
	size_t i;

	for (i = 0; i < ngroup; i++)
		if (strcmp(gname[i], name) == 0) {
			free(name);
			return i;
		}
	gname = xreallocarray(gname, ngroup + 1, sizeof(*gname));
	gname[ngroup] = name;
	return ngroup++;
}

static int
cmpmemb(const void *a, const void *b)
{
	const struct memb *x = a, *y = b;
	int c = strcmp(x->area, y->area);

	if (c)
		return c;
	return (x->g > y->g) - (x->g < y->g);
}

static void
read_groups(const char *path)
{
	struct csvr_row *row;
	struct src s;
	size_t gc, ac, i, j;

	src_open(&s, path);
	gc = needcol(&s, "group");
	ac = needcol(&s, "area");
	files = xreallocarray(files, nfiles + 1, sizeof(*files));
	files[nfiles++] = xstrdup(s.name);
	while (src_next(&s, &row)) {
		memb = xreallocarray(memb, nmemb + 1, sizeof(*memb));
		memb[nmemb].g = groupidx(keyfield(&s, row, gc));
		memb[nmemb].area = keyfield(&s, row, ac);
		memb[nmemb].file = files[nfiles - 1];
		memb[nmemb].line = row->line;
		nmemb++;
	}
	src_close(&s);
	if (nmemb == 0)
		errx(1, "%s: no groups", path);
	qsort(memb, nmemb, sizeof(*memb), cmpmemb);
	/* An area listed twice in one group would count twice. */
	for (i = j = 1; i < nmemb; i++) {
		if (cmpmemb(&memb[i], &memb[j - 1]) == 0) {
			warnx("%s:%ld: area '%s' repeated in group '%s'",
			    memb[i].file, memb[i].line, memb[i].area,
			    gname[memb[i].g]);
			free(memb[i].area);
			continue;
		}
		memb[j++] = memb[i];
	}
	nmemb = j;
}

static int
cmpacc(const void *a, const void *b)
{
	return strcmp(((const struct acc *)a)->area,
	    ((const struct acc *)b)->area);
}

static void
read_accuracy(const char *path)
{
	struct csvr_row *row;
	struct src s;
	size_t ac, pc, i;
	double v;

	src_open(&s, path);
	ac = needcol(&s, "area");
	pc = needcol(&s, "accuracy_pct");
	while (src_next(&s, &row)) {
		if (num_dbl(row->f[pc], row->len[pc], &v) != 0 || v <= 0 ||
		    v > 100)
			errx(1, "%s:%ld: column '%s': '%s' is not a "
			    "percentage above 0 and at most 100", s.name,
			    row->line, s.h->name[pc], row->f[pc]);
		accs = xreallocarray(accs, naccs + 1, sizeof(*accs));
		accs[naccs].area = keyfield(&s, row, ac);
		accs[naccs++].pct = v;
	}
	qsort(accs, naccs, sizeof(*accs), cmpacc);
	for (i = 1; i < naccs; i++)
		if (strcmp(accs[i].area, accs[i - 1].area) == 0)
			errx(1, "%s: area '%s' has two accuracies", s.name,
			    accs[i].area);
	src_close(&s);
}

static const struct acc *
findacc(const char *area)
{
	struct acc key;

	key.area = (char *)area;
	return naccs ? bsearch(&key, accs, naccs, sizeof(*accs), cmpacc) :
	    NULL;
}

/* ---- the data ---- */

/* The numeric columns each --by needs; area, category, period always. */
static unsigned
needed(void)
{
	static const unsigned by[NBY] = {
		1u << C_RATE | 1u << C_COUNT | 1u << C_POPULATION,
		1u << C_RATE | 1u << C_COUNT | 1u << C_POPULATION,
		1u << C_CHANGE_PCT | 1u << C_COUNT | 1u << C_PREV_COUNT,
		1u << C_COUNT,
	};
	unsigned m = by[opt_by] | 1u << C_AREA | 1u << C_CATEGORY |
	    1u << C_PERIOD;

	if (opt_accuracy)
		m |= 1u << C_RATE;
	return m;
}

/* Find the columns; name every missing one in a single error. */
static void
findcols(const struct src *s)
{
	struct sbuf miss = { 0 };
	unsigned need = needed();
	size_t i, k;

	for (i = 0; i < NCOL; i++) {
		col[i] = hdr_find(s->h, colsearch((int)i));
		if (col[i] >= 0 || !((need >> i) & 1u))
			continue;
		sb_adds(&miss, miss.len ? ", '" : "'");
		sb_adds(&miss, colsearch((int)i));
		sb_addc(&miss, '\'');
	}
	if (miss.len)
		errx(1, "%s:1: no column %s", s->name, sb_str(&miss));
	sb_free(&miss);
	/* An input that already holds our columns (ranked twice): ours win. */
	dropcol = xcalloc(s->h->n, sizeof(*dropcol));
	for (i = 0; i < s->h->n; i++)
		for (k = 0; k < NADD; k++)
			if (strcmp(s->h->key[i], addname[k]) == 0) {
				dropcol[i] = 1;
				warnx("%s: input column '%s' is replaced",
				    s->name, s->h->name[i]);
			}
}

static void
badnum(const struct row *r, int c, const char *what)
{
	errx(1, "%s:%ld: column '%s': '%s' is not %s", r->file, r->line,
	    hdr->name[col[c]], FIELD(r, c), what);
}

/* Read the numeric columns this run needs; an empty field is no value. */
static void
parse_nums(struct row *r)
{
	unsigned need = needed();
	long long ll;
	double v;
	int c;

	for (c = C_COUNT; c < NCOL; c++) {
		if (!((need >> c) & 1u) || col[c] < 0 ||
		    r->len[col[c]] == 0)
			continue;
		if (c == C_COUNT || c == C_PREV_COUNT) {
			if (num_int(FIELD(r, c), r->len[col[c]], &ll) != 0 ||
			    ll < 0)
				badnum(r, c, "a count");
			v = (double)ll;
		} else if (num_dbl(FIELD(r, c), r->len[col[c]], &v) != 0) {
			badnum(r, c, "a number");
		} else if (v < 0 && c != C_CHANGE_PCT) {
			badnum(r, c, "zero or more");
		}
		r->num[c] = v;
		r->has |= 1u << c;
	}
}

static void
add_row(const struct csvr_row *in, const char *file)
{
	static size_t cap;
	struct row *r;
	size_t i, size;
	char *p;

	if (nrows == cap) {
		cap = cap ? 2 * cap : 256;
		rows = xreallocarray(rows, cap, sizeof(*rows));
	}
	r = &rows[nrows++];
	memset(r, 0, sizeof(*r));
	/* One block for the fields: rows are many, fields short. */
	for (i = 0, size = 0; i < in->n; i++)
		size += in->len[i] + 1;
	r->f = xcalloc(in->n, sizeof(*r->f));
	r->len = xcalloc(in->n, sizeof(*r->len));
	p = xmalloc(size);
	for (i = 0; i < in->n; i++) {
		r->f[i] = p;
		memcpy(p, in->f[i], in->len[i]);
		p[in->len[i]] = '\0';
		p += in->len[i] + 1;
		r->len[i] = in->len[i];
	}
	r->file = file;
	r->line = in->line;
	parse_nums(r);
}

static int
samehdr(const struct hdr *a, const struct hdr *b)
{
	size_t i;

	if (a->n != b->n)
		return 0;
	for (i = 0; i < a->n; i++)
		if (strcmp(a->key[i], b->key[i]) != 0)
			return 0;
	return 1;
}

static void
read_file(const char *path)
{
	struct csvr_row *row;
	struct src s;

	src_open(&s, path);
	files = xreallocarray(files, nfiles + 1, sizeof(*files));
	files[nfiles++] = xstrdup(s.name);
	if (!hdr) {
		findcols(&s);
		hdr = s.h;
	} else if (!samehdr(hdr, s.h)) {
		errx(1, "%s:1: a header unlike the first file's", s.name);
	}
	while (src_next(&s, &row))
		add_row(row, files[nfiles - 1]);
	src_close(&s);
}

/* ---- areas: duplicates, membership, reports ---- */

struct area {
	const char *name;
	size_t first; /* its first row */
};
static struct area *areas;   /* distinct data areas, sorted by name */
static size_t nareas;

static int
cmpkey(const void *a, const void *b)
{
	const struct row *x = &rows[*(const size_t *)a];
	const struct row *y = &rows[*(const size_t *)b];
	int c;

	if ((c = strcmp(FIELD(x, C_AREA), FIELD(y, C_AREA))))
		return c;
	if ((c = strcmp(FIELD(x, C_CATEGORY), FIELD(y, C_CATEGORY))))
		return c;
	if ((c = strcmp(FIELD(x, C_PERIOD), FIELD(y, C_PERIOD))))
		return c;
	return (*(const size_t *)a > *(const size_t *)b) -
	    (*(const size_t *)a < *(const size_t *)b);
}

/* A row repeated would be ranked against itself: an error. Collect the
 * distinct areas on the way. */
static void
index_rows(void)
{
	size_t *ix = xcalloc(nrows + 1, sizeof(*ix)), i;
	const struct row *r, *p;

	for (i = 0; i < nrows; i++)
		ix[i] = i;
	qsort(ix, nrows, sizeof(*ix), cmpkey);
	areas = xcalloc(nrows + 1, sizeof(*areas));
	for (i = 0; i < nrows; i++) {
		r = &rows[ix[i]];
		p = i ? &rows[ix[i - 1]] : NULL;
		if (p && strcmp(FIELD(p, C_AREA), FIELD(r, C_AREA)) == 0) {
			if (strcmp(FIELD(p, C_CATEGORY), FIELD(r, C_CATEGORY))
			    == 0 && strcmp(FIELD(p, C_PERIOD),
			    FIELD(r, C_PERIOD)) == 0)
				errx(1, "%s:%ld: area '%s', category '%s', "
				    "period '%s' again (first %s:%ld)", r->file,
				    r->line, FIELD(r, C_AREA),
				    FIELD(r, C_CATEGORY), FIELD(r, C_PERIOD),
				    p->file, p->line);
			if (ix[i] < areas[nareas - 1].first)
				areas[nareas - 1].first = ix[i];
			continue;
		}
		areas[nareas].name = FIELD(r, C_AREA);
		areas[nareas++].first = ix[i];
	}
	free(ix);
}

static int
cmpname(const void *key, const void *a)
{
	return strcmp(key, ((const struct area *)a)->name);
}

static int
cmpfirst(const void *a, const void *b)
{
	const struct area *x = a, *y = b;

	return (x->first > y->first) - (x->first < y->first);
}

static int
cmpmembarea(const void *key, const void *a)
{
	return strcmp(key, ((const struct memb *)a)->area);
}

/* The memberships of area: the first, and *n of them (0: none). */
static const struct memb *
groupsof(const char *area, size_t *n)
{
	const struct memb *m, *e;

	*n = 0;
	if (!nmemb || !(m = bsearch(area, memb, nmemb, sizeof(*memb),
	    cmpmembarea)))
		return NULL;
	while (m > memb && strcmp(m[-1].area, area) == 0)
		m--;
	for (e = m; e < memb + nmemb && strcmp(e->area, area) == 0; e++)
		(*n)++;
	return m;
}

static int
ingroup(const char *area)
{
	size_t n;

	groupsof(area, &n);
	return !opt_group || n > 0;
}

/* Say what does not match between data, groups and accuracies. */
static void
report(void)
{
	struct area *byfirst = xcalloc(nareas + 1, sizeof(*byfirst));
	struct sbuf none = { 0 };
	size_t i, nnone = 0;

	for (i = 0; i < nmemb; i++)
		if (!bsearch(memb[i].area, areas, nareas, sizeof(*areas),
		    cmpname))
			warnx("%s:%ld: area '%s' of group '%s' is not in the "
			    "data", memb[i].file, memb[i].line, memb[i].area,
			    gname[memb[i].g]);
	memcpy(byfirst, areas, nareas * sizeof(*areas));
	qsort(byfirst, nareas, sizeof(*byfirst), cmpfirst);
	for (i = 0; i < nareas; i++) {
		if (!ingroup(byfirst[i].name)) {
			sb_adds(&none, none.len ? "', '" : "'");
			sb_adds(&none, byfirst[i].name);
			nnone++;
		} else if (opt_accuracy && !findacc(byfirst[i].name)) {
			warnx("area '%s' has no accuracy in %s: its adj_rate "
			    "is left empty", byfirst[i].name, opt_accuracy);
		}
	}
	/* One line: with a rollup, county and districts are expected here. */
	if (nnone)
		warnx("%zu area%s in no group, left out: %s'", nnone,
		    nnone == 1 ? "" : "s", sb_str(&none));
	sb_free(&none);
	free(byfirst);
	if (opt_focus && !bsearch(opt_focus, areas, nareas, sizeof(*areas),
	    cmpname))
		errx(1, "--focus: area '%s' is not in the data", opt_focus);
	if (opt_focus && !ingroup(opt_focus))
		errx(1, "--focus: area '%s' is in no group", opt_focus);
}

/* ---- values and intervals ---- */

static void
values(struct row *r)
{
	const struct acc *a;

	if (HAS(r, C_RATE))
		r->val[BY_RATE] = r->num[C_RATE];
	if (HAS(r, C_RATE) && opt_accuracy &&
	    (a = findacc(FIELD(r, C_AREA)))) {
		r->frac = a->pct / 100.0;
		r->val[BY_ADJ] = r->num[C_RATE] / r->frac;
		r->hasval |= 1u << BY_ADJ;
	}
	if (HAS(r, C_CHANGE_PCT))
		r->val[BY_CHANGE] = r->num[C_CHANGE_PCT];
	if (HAS(r, C_COUNT))
		r->val[BY_COUNT] = r->num[C_COUNT];
	r->hasval |= (r->has >> C_RATE & 1u) << BY_RATE |
	    (r->has >> C_CHANGE_PCT & 1u) << BY_CHANGE |
	    (r->has >> C_COUNT & 1u) << BY_COUNT;
}

/* The interval of the ranked value, from the count's Poisson limits:
 * a rate scales by rate / count (by per / population when the count is
 * 0), an adjusted rate by that over the accuracy, a change_pct takes the
 * previous count as its fixed base. */
static void
interval(struct row *r)
{
	double lo, hi, s, prev;

	if (!HAS(r, C_COUNT) || !HASVAL(r, opt_by))
		return;
	stats_pois_ci((long long)r->num[C_COUNT], opt_conf, &lo, &hi);
	switch (opt_by) {
	case BY_RATE:
	case BY_ADJ:
		if (r->num[C_COUNT] > 0)
			s = r->val[opt_by] / r->num[C_COUNT];
		else if (HAS(r, C_POPULATION) && r->num[C_POPULATION] > 0)
			s = opt_per / r->num[C_POPULATION] /
			    (opt_by == BY_ADJ ? r->frac : 1.0);
		else
			return;
		lo *= s;
		hi *= s;
		break;
	case BY_CHANGE:
		if (!HAS(r, C_PREV_COUNT) || r->num[C_PREV_COUNT] <= 0)
			return;
		prev = r->num[C_PREV_COUNT];
		lo = (lo / prev - 1.0) * 100.0;
		hi = (hi / prev - 1.0) * 100.0;
		break;
	}
	r->lcl = lo;
	r->ucl = hi;
	r->hasci = 1;
}

/* ---- entries and ranking ---- */

static int
cmpent(const void *a, const void *b)
{
	const struct ent *x = a, *y = b;

	if (x->g != y->g)
		return x->g < y->g ? -1 : 1;
	return (x->row > y->row) - (x->row < y->row);
}

static void
make_entries(void)
{
	const struct memb *m;
	size_t i, j, n, cap = 0;

	for (i = 0; i < nrows; i++) {
		if (!opt_group)
			n = 1;
		else
			groupsof(FIELD(&rows[i], C_AREA), &n);
		cap += n;
	}
	ents = xcalloc(cap + 1, sizeof(*ents));
	for (i = 0; i < nrows; i++) {
		if (!opt_group) {
			ents[nents].row = i;
			ents[nents++].g = 0;
			continue;
		}
		m = groupsof(FIELD(&rows[i], C_AREA), &n);
		for (j = 0; j < n; j++) {
			ents[nents].row = i;
			ents[nents++].g = m[j].g;
		}
	}
	qsort(ents, nents, sizeof(*ents), cmpent);
}

/* Group, category, period; then valued before not, by value, by row. */
static int
cmpcell(const void *a, const void *b)
{
	const struct ent *x = *(struct ent *const *)a;
	const struct ent *y = *(struct ent *const *)b;
	const struct row *rx = &rows[x->row], *ry = &rows[y->row];
	int c;

	if (x->g != y->g)
		return x->g < y->g ? -1 : 1;
	if ((c = strcmp(FIELD(rx, C_CATEGORY), FIELD(ry, C_CATEGORY))))
		return c;
	if ((c = strcmp(FIELD(rx, C_PERIOD), FIELD(ry, C_PERIOD))))
		return c;
	if (HASVAL(rx, sortby) != HASVAL(ry, sortby))
		return HASVAL(rx, sortby) ? -1 : 1;
	if (HASVAL(rx, sortby) && rx->val[sortby] != ry->val[sortby])
		return rx->val[sortby] < ry->val[sortby] ? -1 : 1;
	return (x->row > y->row) - (x->row < y->row);
}

static int
samecell(const struct ent *x, const struct ent *y)
{
	const struct row *rx = &rows[x->row], *ry = &rows[y->row];

	return x->g == y->g &&
	    strcmp(FIELD(rx, C_CATEGORY), FIELD(ry, C_CATEGORY)) == 0 &&
	    strcmp(FIELD(rx, C_PERIOD), FIELD(ry, C_PERIOD)) == 0;
}

/* The group's figures for one cell of m valued entries out of n. */
static void
summarise(struct ent **e, size_t n, size_t m, double *v)
{
	double sum = 0.0;
	size_t i;

	for (i = 0; i < m; i++)
		sum += v[i] = rows[e[i]->row].val[sortby];
	for (i = 0; i < n; i++) {
		e[i]->of = (long)m;
		if (m == 0)
			continue;
		e[i]->mean = sum / (double)m;
		e[i]->min = v[0];
		e[i]->q1 = stats_quantile(v, m, 0.25);
		e[i]->q3 = stats_quantile(v, m, 0.75);
		e[i]->max = v[m - 1];
	}
}

/* Competition ranking ("1224") of what by, per cell; adj says which
 * rank it fills, and the main ranking also summarises each cell. */
static void
rank_cells(struct ent **e, double *v, int by, int adj)
{
	size_t i, j, k, m;
	long rk = 0;

	sortby = by;
	qsort(e, nents, sizeof(*e), cmpcell);
	for (i = 0; i < nents; i = j) {
		for (j = i + 1; j < nents && samecell(e[i], e[j]); j++)
			;
		for (m = 0; i + m < j && HASVAL(&rows[e[i + m]->row], by); m++)
			;
		for (k = i; k < i + m; k++) {
			if (k == i || rows[e[k]->row].val[by] !=
			    rows[e[k - 1]->row].val[by])
				rk = (long)(k - i + 1);
			if (adj)
				e[k]->adjrank = rk;
			else
				e[k]->rank = rk;
		}
		if (!adj)
			summarise(e + i, j - i, m, v);
	}
}

/* Rows in a group without the ranked value: one summary, not silence. */
static void
report_unranked(void)
{
	const struct row *first = NULL, *r;
	size_t i, n = 0;

	for (i = 0; i < nrows; i++) {
		r = &rows[i];
		if (HASVAL(r, opt_by) || !ingroup(FIELD(r, C_AREA)))
			continue;
		if (n++ == 0)
			first = r;
	}
	if (n)
		warnx("%zu row%s without %s, not ranked; the first "
		    "%s:%ld (area '%s')", n, n == 1 ? "" : "s", byname[opt_by],
		    first->file, first->line, FIELD(first, C_AREA));
}

static void
rank_all(void)
{
	struct ent **e = xcalloc(nents + 1, sizeof(*e));
	double *v = xcalloc(nents + 1, sizeof(*v));
	size_t i;

	for (i = 0; i < nrows; i++) {
		values(&rows[i]);
		interval(&rows[i]);
	}
	for (i = 0; i < nents; i++)
		e[i] = &ents[i];
	rank_cells(e, v, opt_by, 0);
	if (opt_accuracy)
		rank_cells(e, v, BY_ADJ, 1);
	free(e);
	free(v);
}

/* ---- output ---- */

static void
putnum(FILE *fp, int ok, double v, int dec)
{
	char buf[400]; /* %.Nf of DBL_MAX has 309 digits before the point */

	if (!ok)
		csvw_field(fp, "", 0, 0);
	else
		csvw_field(fp, buf, num_fmt(buf, sizeof(buf), v, dec), 0);
}

static const char *
band(const struct row *r, double mean)
{
	if (r->lcl > mean)
		return "above";
	if (r->ucl < mean)
		return "below";
	return "inline";
}

static void
write_header(FILE *fp)
{
	size_t i, n = opt_accuracy ? NADD : NADD - 2;
	int first = 1;

	for (i = 0; i < hdr->n; i++)
		if (!dropcol[i]) {
			csvw_str(fp, hdr->name[i], first);
			first = 0;
		}
	for (i = 0; i < n; i++) {
		csvw_str(fp, addname[i], first);
		first = 0;
	}
	csvw_end(fp);
}

/* vs_mean_pct: the difference as a % of the mean; for a change_pct,
 * already a percentage, the difference in percentage points. */
static void
write_ent(FILE *fp, const struct ent *e)
{
	const struct row *r = &rows[e->row];
	int dec = opt_by == BY_CHANGE ? 1 : 2, ranked = e->rank > 0;
	double x = r->val[opt_by], vs;
	size_t i;
	int first = 1;

	for (i = 0; i < hdr->n; i++)
		if (!dropcol[i]) {
			csvw_field(fp, r->f[i], r->len[i], first);
			first = 0;
		}
	csvw_str(fp, gname[e->g], first);
	putnum(fp, ranked, (double)e->rank, 0);
	putnum(fp, 1, (double)e->of, 0);
	putnum(fp, e->of > 0, e->mean, dec);
	vs = opt_by == BY_CHANGE ? x - e->mean : (x - e->mean) / e->mean * 100;
	putnum(fp, ranked && (opt_by == BY_CHANGE || e->mean != 0), vs, 1);
	putnum(fp, ranked && r->hasci, r->lcl, dec);
	putnum(fp, ranked && r->hasci, r->ucl, dec);
	csvw_str(fp, ranked && r->hasci ? band(r, e->mean) : "", 0);
	putnum(fp, e->of > 0, e->min, dec);
	putnum(fp, e->of > 0, e->q1, dec);
	putnum(fp, e->of > 0, e->q3, dec);
	putnum(fp, e->of > 0, e->max, dec);
	if (opt_accuracy) {
		putnum(fp, HASVAL(r, BY_ADJ), r->val[BY_ADJ], 2);
		putnum(fp, e->adjrank > 0, (double)e->adjrank, 0);
	}
	csvw_end(fp);
}

static void
write_all(FILE *fp)
{
	size_t i;

	write_header(fp);
	for (i = 0; i < nents; i++)
		if (!opt_focus || strcmp(FIELD(&rows[ents[i].row], C_AREA),
		    opt_focus) == 0)
			write_ent(fp, &ents[i]);
}

static void
freeall(void)
{
	size_t i;

	for (i = 0; i < nrows; i++) {
		free(rows[i].f[0]);
		free(rows[i].f);
		free(rows[i].len);
	}
	free(rows);
	for (i = 0; i < nfiles; i++)
		free(files[i]);
	free(files);
	for (i = 0; i < ngroup; i++)
		free(gname[i]);
	free(gname);
	for (i = 0; i < nmemb; i++)
		free(memb[i].area);
	free(memb);
	for (i = 0; i < naccs; i++)
		free(accs[i].area);
	free(accs);
	for (i = 0; i < NCOL; i++)
		free(colover[i]);
	free(ents);
	free(areas);
	free(dropcol);
	hdr_free(hdr);
}

static int
bylevel(const char *s)
{
	if (strcmp(s, "95") == 0)
		opt_conf = 0.95;
	else if (strcmp(s, "99.8") == 0)
		opt_conf = 0.998;
	else
		return -1;
	return 0;
}

static int
byopt(const char *s)
{
	int i;

	for (i = 0; i < NBY; i++)
		if (strcmp(s, byname[i]) == 0)
			return opt_by = i;
	return -1;
}

int
main(int argc, char *argv[])
{
	enum { O_ACCURACY = 256, O_BY, O_FOCUS, O_GROUP, O_LEVEL, O_PER,
		O_VERSION };
	static const struct option lopts[] = {
		{ "accuracy", required_argument, NULL, O_ACCURACY },
		{ "by", required_argument, NULL, O_BY },
		{ "focus", required_argument, NULL, O_FOCUS },
		{ "group", required_argument, NULL, O_GROUP },
		{ "help", no_argument, NULL, 'h' },
		{ "level", required_argument, NULL, O_LEVEL },
		{ "output", required_argument, NULL, 'o' },
		{ "per", required_argument, NULL, O_PER },
		{ "version", no_argument, NULL, O_VERSION },
		{ NULL, 0, NULL, 0 }
	};
	FILE *fp;
	int ch, i, ret = 0;

	setlocale(LC_CTYPE, "");
	while ((ch = getopt_long(argc, argv, "c:ho:", lopts, NULL)) != -1) {
		switch (ch) {
		case 'c':
			setcol(optarg);
			break;
		case 'h':
			usage(stdout, 0);
			break;
		case 'o':
			opt_o = optarg;
			break;
		case O_ACCURACY:
			opt_accuracy = optarg;
			break;
		case O_BY:
			if (byopt(optarg) < 0)
				usage(stderr, 2);
			break;
		case O_FOCUS:
			opt_focus = optarg;
			break;
		case O_GROUP:
			opt_group = optarg;
			break;
		case O_LEVEL:
			if (bylevel(optarg) < 0)
				usage(stderr, 2);
			break;
		case O_PER:
			if (num_dbl(optarg, strlen(optarg), &opt_per) != 0 ||
			    opt_per <= 0)
				usage(stderr, 2);
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
	if (opt_by == BY_ADJ && !opt_accuracy) {
		warnx("--by adj_rate needs --accuracy");
		usage(stderr, 2);
	}

	if (opt_group)
		read_groups(opt_group);
	else
		groupidx(xstrdup("all"));
	if (opt_accuracy)
		read_accuracy(opt_accuracy);
	if (argc == 0)
		read_file("-");
	for (i = 0; i < argc; i++)
		read_file(argv[i]);
	index_rows();
	report();
	make_entries();
	rank_all();
	report_unranked();
	fp = out_open(opt_o);
	write_all(fp);
	ret |= out_close(fp, ret == 0);
	freeall();
	return ret;
}
