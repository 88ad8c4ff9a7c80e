/* msgrank: reading the input: the data files, the group file and the
 * accuracy file. */
#include <err.h>
#include <stdlib.h>
#include <string.h>

#include "csvread.h"
#include "header.h"
#include "hset.h"
#include "input.h"
#include "meta.h"
#include "name.h"
#include "num.h"
#include "text.h"
#include "util.h"

#include "msgrank.h"

/* One CSV source: a file with its header read. */
struct src {
	struct input *in;
	struct csvr *r;
	struct hdr *h;
	const char *name;
};

long col[NCOL];       /* index of each input column, or -1 */
struct hdr *hdr;      /* the data's header */
int *dropcol;         /* input columns replaced by ours */
char **files;
size_t nfiles;
struct row *rows;
size_t nrows;
char **gname;
size_t ngroup;
struct memb *memb;
size_t nmemb;
struct acc *accs;
size_t naccs;

static const char *
colsearch(int c)
{
	return colover[c] ? colover[c] : colname[c];
}

/* ---- reading CSV ---- */

/* Room for one more of n items of size sz in p, doubling: one
 * realloc per item would copy the table each time (80,000 groups). */
static void *
roomfor(void *p, size_t n, size_t sz)
{
	if (n == 0 || (n & (n - 1)) == 0) /* n is 0 or a power of 2 */
		p = xreallocarray(p, n ? 2 * n : 1, sz);
	return p;
}

/* Two columns of one name would leave one unread, or make a header that
 * csvclean rejects: an error naming both. */
static void
nodup(const struct src *s)
{
	long first, i = hdr_dup(s->h, &first);

	if (i < 0)
		return;
	if (first < 0)
		errx(1, "%s:1: column %ld has no name", s->name, i + 1);
	if (first > i) {
		long t = first;

		first = i;
		i = t;
	}
	errx(1, "%s:1: columns %ld ('%s') and %ld ('%s') have the same name",
	    s->name, first + 1, s->h->name[first], i + 1, s->h->name[i]);
}

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
	if (row->err == CSVR_EWIDE)
		errx(1, "%s:%ld: header: more than %d fields", s->name,
		    row->line, CSVR_MAXFIELDS);
	if (row->err != CSVR_OK || row->nul)
		errx(1, "%s:%ld: a bad header", s->name, row->line);
	s->h = hdr_new(row->f, row->len, row->n);
	nodup(s);
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
	if ((*row)->err == CSVR_EWIDE)
		errx(1, "%s:%ld: more than %d fields", s->name, (*row)->line,
		    CSVR_MAXFIELDS);
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

/* name_key() of s[0..n), owned. */
char *
keydup(const char *s, size_t n)
{
	struct sbuf b = { 0 };

	name_key(&b, s, n);
	return (char *)sb_str(&b);
}

/* The groups by key: an open-addressing table of indices into gname,
 * so that 80,000 groups are found in constant time each. */
static char **gkey;
static size_t *gtab, gmask;

static size_t *
gslot(const char *key)
{
	size_t i = (size_t)hash64(key, strlen(key), 0) & gmask;

	while (gtab[i] && strcmp(gkey[gtab[i] - 1], key) != 0)
		i = (i + 1) & gmask;
	return &gtab[i];
}

static void
ggrow(void)
{
	size_t i, cap = gtab ? 2 * (gmask + 1) : 64;

	free(gtab);
	gtab = xcalloc(cap, sizeof(*gtab));
	gmask = cap - 1;
	for (i = 0; i < ngroup; i++)
		*gslot(gkey[i]) = i + 1;
}

/* The index of the group named name (owned: freed or kept). */
size_t
groupidx(char *name)
{
	char *key = keydup(name, strlen(name));
	size_t *slot;

	if (2 * (ngroup + 1) > (gtab ? gmask + 1 : 0))
		ggrow();
	if (*(slot = gslot(key))) {
		free(name);
		free(key);
		return *slot - 1;
	}
	gname = roomfor(gname, ngroup, sizeof(*gname));
	gkey = roomfor(gkey, ngroup, sizeof(*gkey));
	gname[ngroup] = name;
	gkey[ngroup] = key;
	*slot = ++ngroup;
	return ngroup - 1;
}

void
freegroups(void)
{
	size_t i;

	for (i = 0; i < ngroup; i++) {
		free(gname[i]);
		free(gkey[i]);
	}
	free(gname);
	free(gkey);
	free(gtab);
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

void
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
		memb = roomfor(memb, nmemb, sizeof(*memb));
		memb[nmemb].g = groupidx(keyfield(&s, row, gc));
		memb[nmemb].name = keyfield(&s, row, ac);
		memb[nmemb].area = keydup(memb[nmemb].name,
		    strlen(memb[nmemb].name));
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
			    memb[i].file, memb[i].line, memb[i].name,
			    gname[memb[i].g]);
			free(memb[i].area);
			free(memb[i].name);
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

void
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
		accs = roomfor(accs, naccs, sizeof(*accs));
		accs[naccs].name = keyfield(&s, row, ac);
		accs[naccs].area = keydup(accs[naccs].name,
		    strlen(accs[naccs].name));
		accs[naccs++].pct = v;
	}
	if (naccs == 0) /* a header only: qsort(NULL, 0) is undefined */
		warnx("%s: no accuracies", s.name);
	else
		qsort(accs, naccs, sizeof(*accs), cmpacc);
	for (i = 1; i < naccs; i++)
		if (strcmp(accs[i].area, accs[i - 1].area) == 0)
			errx(1, "%s: area '%s' has two accuracies ('%s' and "
			    "'%s')", s.name, accs[i].name, accs[i - 1].name,
			    accs[i].name);
	src_close(&s);
}

const struct acc *
findacc(const char *area)
{
	struct acc key;

	key.area = (char *)area;
	return naccs ? bsearch(&key, accs, naccs, sizeof(*accs), cmpacc) :
	    NULL;
}

/* ---- the data ---- */

/* The numeric columns read for each --by; area, category, period, per
 * and the coverages always. A rate is count / population x per where
 * the row has both, else the rate column. */
static unsigned
needed(void)
{
	static const unsigned prevrate = 1u << C_PREV_COUNT |
	    1u << C_PREV_POPULATION | 1u << C_PREV_RATE;
	static const unsigned by[NBY] = {
		1u << C_RATE | 1u << C_COUNT | 1u << C_POPULATION | prevrate,
		1u << C_RATE | 1u << C_COUNT | 1u << C_POPULATION | prevrate,
		1u << C_CHANGE_PCT | 1u << C_COUNT | 1u << C_PREV_COUNT,
		1u << C_COUNT | 1u << C_PREV_COUNT,
	};
	unsigned m = by[opt_by] | 1u << C_AREA | 1u << C_CATEGORY |
	    1u << C_PERIOD | 1u << C_PER | 1u << C_COVERAGE |
	    1u << C_PREV_COVERAGE;

	if (opt_accuracy)
		m |= by[BY_RATE];
	return m;
}

/* The columns that must be present: a rate needs the rate column or
 * both count and population. */
static unsigned
required(void)
{
	unsigned m = 1u << C_AREA | 1u << C_CATEGORY | 1u << C_PERIOD;

	if (opt_by == BY_CHANGE)
		m |= 1u << C_CHANGE_PCT | 1u << C_COUNT | 1u << C_PREV_COUNT;
	else if (opt_by == BY_COUNT)
		m |= 1u << C_COUNT;
	if ((opt_by == BY_RATE || opt_by == BY_ADJ || opt_accuracy) &&
	    col[C_RATE] < 0)
		m |= 1u << C_COUNT | 1u << C_POPULATION;
	if (opt_by == BY_RATE || opt_by == BY_ADJ)
		m |= 1u << C_COUNT; /* the interval */
	return m;
}

/* Find the columns; name every missing one in a single error. */
static void
findcols(const struct src *s)
{
	struct sbuf miss = { 0 };
	unsigned need;
	size_t i, k;

	for (i = 0; i < NCOL; i++)
		col[i] = hdr_find(s->h, colsearch((int)i));
	need = required();
	for (i = 0; i < NCOL; i++) {
		if (col[i] >= 0 || !((need >> i) & 1u))
			continue;
		sb_adds(&miss, miss.len ? ", '" : "'");
		sb_adds(&miss, colsearch((int)i));
		sb_addc(&miss, '\'');
	}
	if (miss.len && col[C_RATE] < 0 && ((need >> C_POPULATION) & 1u) &&
	    opt_by != BY_COUNT && opt_by != BY_CHANGE)
		sb_adds(&miss, ", and no 'rate' instead");
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

/* The kind column: count, percentage, harm or empty. */
static void
parse_kind(struct row *r)
{
	const char *s;
	size_t n;

	if (col[C_KIND] < 0)
		return;
	s = FIELD(r, C_KIND);
	n = r->len[col[C_KIND]];
	trim(&s, &n);
	for (r->kind = META_KIND_UNSET; r->kind <= META_HARM; r->kind++)
		if (strnieq(s, n, meta_kindname(r->kind)))
			return;
	errx(1, "%s:%ld:%ld: column '%s': '%s' is not count, percentage or "
	    "harm", r->file, r->line, col[C_KIND] + 1, hdr->name[col[C_KIND]],
	    FIELD(r, C_KIND));
}

/* Read the numeric columns this run needs; an empty field is no value.
 * A harm total's counts are weighted sums, with decimals. */
static void
parse_nums(struct row *r)
{
	unsigned need = needed();
	long long ll;
	double v;
	int c;

	parse_kind(r);
	for (c = C_COUNT; c < NCOL; c++) {
		if (!((need >> c) & 1u) || col[c] < 0 ||
		    r->len[col[c]] == 0 || c == C_KIND)
			continue;
		if ((c == C_COUNT || c == C_PREV_COUNT) &&
		    r->kind == META_HARM) {
			if (num_dbl(FIELD(r, c), r->len[col[c]], &v) != 0 ||
			    v < 0)
				badnum(r, c, "a harm-weighted count");
		} else if (c == C_COUNT || c == C_PREV_COUNT) {
			if (num_int(FIELD(r, c), r->len[col[c]], &ll) != 0 ||
			    ll < 0)
				badnum(r, c, "a count");
			v = (double)ll;
		} else if (c == C_COVERAGE || c == C_PREV_COVERAGE) {
			if (num_dbl(FIELD(r, c), r->len[col[c]], &v) != 0 ||
			    v < 0 || v > 1)
				badnum(r, c, "a coverage from 0 to 1");
		} else if (c == C_PER) {
			if (num_dbl(FIELD(r, c), r->len[col[c]], &v) != 0 ||
			    v <= 0)
				badnum(r, c, "a per above 0");
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
	r->akey = keydup(FIELD(r, C_AREA), r->len[col[C_AREA]]);
	r->ckey = keydup(FIELD(r, C_CATEGORY), r->len[col[C_CATEGORY]]);
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

void
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

/* Each row's polarity: --indicators by category, else the input's
 * polarity column, else unknown (verdicts higher, similar, lower). */
void
read_polarity(void)
{
	const struct meta_ind *d;
	const struct row *first = NULL;
	struct row *r;
	size_t i, n = 0;

	if (!meta && col[C_POLARITY] < 0 && opt_verbose)
		warnx("no --indicators and no polarity column: no polarity, "
		    "so verdicts say higher, similar or lower, not better or "
		    "worse");
	for (i = 0; i < nrows; i++) {
		r = &rows[i];
		if (meta) {
			if ((d = meta_find(meta, FIELD(r, C_CATEGORY),
			    r->len[col[C_CATEGORY]]))) {
				r->polarity = d->polarity;
				if (r->kind == META_KIND_UNSET)
					r->kind = d->kind;
			}
			else if (ingroup(r->akey) && n++ == 0)
				first = r;
		} else if (col[C_POLARITY] >= 0 && (r->polarity =
		    meta_polarity(FIELD(r, C_POLARITY),
		    r->len[col[C_POLARITY]])) < 0) {
			errx(1, "%s:%ld:%ld: column '%s': '%s' is not low, "
			    "high or none", r->file, r->line,
			    col[C_POLARITY] + 1, hdr->name[col[C_POLARITY]],
			    FIELD(r, C_POLARITY));
		}
	}
	if (n)
		warnx("%zu row%s of a category not in %s, without polarity; "
		    "the first %s:%ld (category '%s')", n, n == 1 ? "" : "s",
		    meta->file, first->file, first->line,
		    FIELD(first, C_CATEGORY));
}
