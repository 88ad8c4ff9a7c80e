/* msgrank: reading the input: the data files, the group file and the
 * accuracy file. */
#include <err.h>
#include <stdlib.h>
#include <string.h>

#include "header.h"
#include "hset.h"
#include "meta.h"
#include "name.h"
#include "num.h"
#include "table.h"
#include "text.h"
#include "util.h"

#include "msgrank.h"

static const char *
colsearch(struct run *R, int c)
{
	return R->colover[c] ? R->colover[c] : colname[c];
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

/* A field of a lookup file that must not be empty, trimmed, owned. */
static char *
keyfield(const struct tbl *s, size_t i)
{
	const char *p = s->row->f[i];
	size_t n = s->row->len[i];

	trim(&p, &n);
	if (n == 0)
		tbl_fail(s, (long)i, "empty");
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
static size_t *
gslot(struct run *R, const char *key)
{
	size_t i = (size_t)hash64(key, strlen(key), 0) & R->gmask;

	while (R->gtab[i] && strcmp(R->gkey[R->gtab[i] - 1], key) != 0)
		i = (i + 1) & R->gmask;
	return &R->gtab[i];
}

static void
ggrow(struct run *R)
{
	size_t i, cap = R->gtab ? 2 * (R->gmask + 1) : 64;

	free(R->gtab);
	R->gtab = xcalloc(cap, sizeof(*R->gtab));
	R->gmask = cap - 1;
	for (i = 0; i < R->ngroup; i++)
		*gslot(R, R->gkey[i]) = i + 1;
}

/* The index of the group named name (owned: freed or kept). */
size_t
groupidx(struct run *R, char *name)
{
	char *key = keydup(name, strlen(name));
	size_t *slot;

	if (2 * (R->ngroup + 1) > (R->gtab ? R->gmask + 1 : 0))
		ggrow(R);
	if (*(slot = gslot(R, key))) {
		free(name);
		free(key);
		return *slot - 1;
	}
	R->gname = roomfor(R->gname, R->ngroup, sizeof(*R->gname));
	R->gkey = roomfor(R->gkey, R->ngroup, sizeof(*R->gkey));
	R->gname[R->ngroup] = name;
	R->gkey[R->ngroup] = key;
	*slot = ++R->ngroup;
	return R->ngroup - 1;
}

void
freegroups(struct run *R)
{
	size_t i;

	for (i = 0; i < R->ngroup; i++) {
		free(R->gname[i]);
		free(R->gkey[i]);
	}
	free(R->gname);
	free(R->gkey);
	free(R->gtab);
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
read_groups(struct run *R, const char *path)
{
	struct tbl s_, *s = tbl_open(&s_, path, TBL_NONUL | TBL_NAMED);
	size_t gc, ac, i, j;

	gc = (size_t)tbl_need(s, "group", NULL);
	ac = (size_t)tbl_need(s, "area", NULL);
	R->files = xreallocarray(R->files, R->nfiles + 1, sizeof(*R->files));
	R->files[R->nfiles++] = xstrdup(s->path);
	while (tbl_next(s)) {
		R->memb = roomfor(R->memb, R->nmemb, sizeof(*R->memb));
		R->memb[R->nmemb].g = groupidx(R, keyfield(s, gc));
		R->memb[R->nmemb].name = keyfield(s, ac);
		R->memb[R->nmemb].area = keydup(R->memb[R->nmemb].name,
		    strlen(R->memb[R->nmemb].name));
		R->memb[R->nmemb].file = R->files[R->nfiles - 1];
		R->memb[R->nmemb].line = s->row->line;
		R->nmemb++;
	}
	tbl_close(s);
	if (R->nmemb == 0)
		errx(1, "%s: no groups", path);
	qsort(R->memb, R->nmemb, sizeof(*R->memb), cmpmemb);
	/* An area listed twice in one group would count twice. */
	for (i = j = 1; i < R->nmemb; i++) {
		if (cmpmemb(&R->memb[i], &R->memb[j - 1]) == 0) {
			warnx("%s:%ld: area '%s' repeated in group '%s'",
			    R->memb[i].file, R->memb[i].line, R->memb[i].name,
			    R->gname[R->memb[i].g]);
			free(R->memb[i].area);
			free(R->memb[i].name);
			continue;
		}
		R->memb[j++] = R->memb[i];
	}
	R->nmemb = j;
}

static int
cmpacc(const void *a, const void *b)
{
	return strcmp(((const struct acc *)a)->area,
	    ((const struct acc *)b)->area);
}

void
read_accuracy(struct run *R, const char *path)
{
	struct tbl s_, *s = tbl_open(&s_, path, TBL_NONUL | TBL_NAMED);
	struct csvr_row *row;
	size_t ac, pc, i;
	double v;

	ac = (size_t)tbl_need(s, "area", NULL);
	pc = (size_t)tbl_need(s, "accuracy_pct", NULL);
	while (tbl_next(s)) {
		row = s->row;
		if (num_dbl(row->f[pc], row->len[pc], &v) != 0 || v <= 0 ||
		    v > 100)
			tbl_fail(s, (long)pc, "'%s' is not a percentage above "
			    "0 and at most 100", row->f[pc]);
		R->accs = roomfor(R->accs, R->naccs, sizeof(*R->accs));
		R->accs[R->naccs].name = keyfield(s, ac);
		R->accs[R->naccs].area = keydup(R->accs[R->naccs].name,
		    strlen(R->accs[R->naccs].name));
		R->accs[R->naccs++].pct = v;
	}
	if (R->naccs == 0) /* a header only: qsort(NULL, 0) is undefined */
		warnx("%s: no accuracies", s->path);
	else
		qsort(R->accs, R->naccs, sizeof(*R->accs), cmpacc);
	for (i = 1; i < R->naccs; i++)
		if (strcmp(R->accs[i].area, R->accs[i - 1].area) == 0)
			errx(1, "%s: area '%s' has two accuracies ('%s' and "
			    "'%s')", s->path, R->accs[i].name,
			    R->accs[i - 1].name, R->accs[i].name);
	tbl_close(s);
}

const struct acc *
findacc(struct run *R, const char *area)
{
	struct acc key;

	key.area = (char *)area;
	return R->naccs ? bsearch(&key, R->accs, R->naccs, sizeof(*R->accs),
	    cmpacc) : NULL;
}

/* ---- the data ---- */

/* The numeric columns read for each --by; area, category, period, per
 * and the coverages always. A rate is count / population x per where
 * the row has both, else the rate column. */
static unsigned
needed(struct run *R)
{
	static const unsigned prevrate = 1u << C_PREV_COUNT |
	    1u << C_PREV_POPULATION | 1u << C_PREV_RATE;
	static const unsigned by[NBY] = {
		1u << C_RATE | 1u << C_COUNT | 1u << C_POPULATION | prevrate,
		1u << C_RATE | 1u << C_COUNT | 1u << C_POPULATION | prevrate,
		1u << C_CHANGE_PCT | 1u << C_COUNT | 1u << C_PREV_COUNT,
		1u << C_COUNT | 1u << C_PREV_COUNT,
	};
	unsigned m = by[R->opt_by] | 1u << C_AREA | 1u << C_CATEGORY |
	    1u << C_PERIOD | 1u << C_PER | 1u << C_COVERAGE |
	    1u << C_PREV_COVERAGE;

	if (R->opt_accuracy)
		m |= by[BY_RATE];
	return m;
}

/* The columns that must be present: a rate needs the rate column or
 * both count and population. */
static unsigned
required(struct run *R)
{
	unsigned m = 1u << C_AREA | 1u << C_CATEGORY | 1u << C_PERIOD;

	if (R->opt_by == BY_CHANGE)
		m |= 1u << C_CHANGE_PCT | 1u << C_COUNT | 1u << C_PREV_COUNT;
	else if (R->opt_by == BY_COUNT)
		m |= 1u << C_COUNT;
	if ((R->opt_by == BY_RATE || R->opt_by == BY_ADJ || R->opt_accuracy) &&
	    R->col[C_RATE] < 0)
		m |= 1u << C_COUNT | 1u << C_POPULATION;
	if (R->opt_by == BY_RATE || R->opt_by == BY_ADJ)
		m |= 1u << C_COUNT; /* the interval */
	return m;
}

/* Find the columns; name every missing one in a single error. */
static void
findcols(struct run *R, const struct tbl *s)
{
	const char *miss[NCOL], *role[NCOL];
	unsigned need;
	size_t i, k, n = 0;

	for (i = 0; i < NCOL; i++)
		R->col[i] = tbl_col(s, colsearch(R, (int)i));
	need = required(R);
	for (i = 0; i < NCOL; i++) {
		if (R->col[i] >= 0 || !((need >> i) & 1u))
			continue;
		miss[n] = colsearch(R, (int)i);
		role[n++] = colname[i];
	}
	if (n)
		tbl_missing(s->path, s->hline, s->h, n, miss, role,
		    R->col[C_RATE] < 0 && ((need >> C_POPULATION) & 1u) &&
		    R->opt_by != BY_COUNT && R->opt_by != BY_CHANGE ?
		    ", and no 'rate' instead" : NULL);
	/* An input that already holds our columns (ranked twice): ours win. */
	R->dropcol = xcalloc(s->h->n, sizeof(*R->dropcol));
	for (i = 0; i < s->h->n; i++)
		for (k = 0; k < NADD; k++)
			if (strcmp(s->h->key[i], addname[k]) == 0) {
				R->dropcol[i] = 1;
				warnx("%s: input column '%s' is replaced",
				    s->path, s->h->name[i]);
			}
}

static void
badnum(struct run *R, const struct row *r, int c, const char *what)
{
	errx(1, "%s:%ld: column '%s': '%s' is not %s", r->file, r->line,
	    R->hdr->name[R->col[c]], FIELD(R, r, c), what);
}

/* The kind column: count, percentage, harm or empty. */
static void
parse_kind(struct run *R, struct row *r)
{
	const char *s;
	size_t n;

	if (R->col[C_KIND] < 0)
		return;
	s = FIELD(R, r, C_KIND);
	n = FLEN(R, r, C_KIND);
	trim(&s, &n);
	for (r->kind = META_KIND_UNSET; r->kind <= META_HARM; r->kind++)
		if (strnieq(s, n, meta_kindname(r->kind)))
			return;
	errx(1, "%s:%ld:%ld: column '%s': '%s' is not count, percentage or "
	    "harm", r->file, r->line, R->col[C_KIND] + 1,
	    R->hdr->name[R->col[C_KIND]], FIELD(R, r, C_KIND));
}

/* Read the numeric columns this run needs; an empty field is no value.
 * A harm total's counts are weighted sums, with decimals. */
static void
parse_nums(struct run *R, struct row *r)
{
	unsigned need = needed(R);
	long long ll;
	double v;
	int c;

	parse_kind(R, r);
	for (c = C_COUNT; c < NCOL; c++) {
		if (!((need >> c) & 1u) || R->col[c] < 0 ||
		    FLEN(R, r, c) == 0 || c == C_KIND)
			continue;
		if ((c == C_COUNT || c == C_PREV_COUNT) &&
		    r->kind == META_HARM) {
			if (num_dbl(FIELD(R, r, c), FLEN(R, r, c), &v) != 0 ||
			    v < 0)
				badnum(R, r, c, "a harm-weighted count");
		} else if (c == C_COUNT || c == C_PREV_COUNT) {
			if (num_int(FIELD(R, r, c), FLEN(R, r, c), &ll) != 0 ||
			    ll < 0)
				badnum(R, r, c, "a count");
			v = (double)ll;
		} else if (c == C_COVERAGE || c == C_PREV_COVERAGE) {
			if (num_dbl(FIELD(R, r, c), FLEN(R, r, c), &v) != 0 ||
			    v < 0 || v > 1)
				badnum(R, r, c, "a coverage from 0 to 1");
		} else if (c == C_PER) {
			if (num_dbl(FIELD(R, r, c), FLEN(R, r, c), &v) != 0 ||
			    v <= 0)
				badnum(R, r, c, "a per above 0");
		} else if (num_dbl(FIELD(R, r, c), FLEN(R, r, c), &v) != 0) {
			badnum(R, r, c, "a number");
		} else if (v < 0 && c != C_CHANGE_PCT) {
			badnum(R, r, c, "zero or more");
		}
		r->num[c] = v;
		r->has |= 1u << c;
	}
}

static void
add_row(struct run *R, const struct csvr_row *in, const char *file)
{
	struct row *r;

	if (R->nrows == R->rowcap) {
		R->rowcap = R->rowcap ? 2 * R->rowcap : 256;
		R->rows = xreallocarray(R->rows, R->rowcap, sizeof(*R->rows));
	}
	r = &R->rows[R->nrows++];
	memset(r, 0, sizeof(*r));
	tbl_keep(in, &r->f, &r->len);
	r->file = file;
	r->line = in->line;
	r->akey = keydup(FIELD(R, r, C_AREA), r->len[R->col[C_AREA]]);
	r->ckey = keydup(FIELD(R, r, C_CATEGORY), r->len[R->col[C_CATEGORY]]);
	parse_nums(R, r);
}

void
read_file(struct run *R, const char *path)
{
	struct tbl s_, *s = tbl_open(&s_, path, TBL_NONUL | TBL_NAMED);

	R->files = xreallocarray(R->files, R->nfiles + 1, sizeof(*R->files));
	R->files[R->nfiles++] = xstrdup(s->path);
	if (!R->hdr) {
		findcols(R, s);
		R->hdr = tbl_takehdr(s);
	} else {
		tbl_likefirst(s, R->hdr);
	}
	while (tbl_next(s))
		add_row(R, s->row, R->files[R->nfiles - 1]);
	tbl_close(s);
}

/* Each row's polarity: --indicators by category, else the input's
 * polarity column, else unknown (verdicts higher, similar, lower). */
void
read_polarity(struct run *R)
{
	const struct meta_ind *d;
	const struct row *first = NULL;
	struct row *r;
	size_t i, n = 0;

	if (!R->meta && R->col[C_POLARITY] < 0 && R->opt_verbose)
		warnx("no --indicators and no polarity column: no polarity, "
		    "so verdicts say higher, similar or lower, not better or "
		    "worse");
	for (i = 0; i < R->nrows; i++) {
		r = &R->rows[i];
		if (R->meta) {
			if ((d = meta_find(R->meta, FIELD(R, r, C_CATEGORY),
			    r->len[R->col[C_CATEGORY]]))) {
				r->polarity = d->polarity;
				if (r->kind == META_KIND_UNSET)
					r->kind = d->kind;
			}
			else if (ingroup(R, r->akey) && n++ == 0)
				first = r;
		} else if (R->col[C_POLARITY] >= 0 && (r->polarity =
		    meta_polarity(FIELD(R, r, C_POLARITY),
		    r->len[R->col[C_POLARITY]])) < 0) {
			errx(1, "%s:%ld:%ld: column '%s': '%s' is not low, "
			    "high or none", r->file, r->line,
			    R->col[C_POLARITY] + 1,
			    R->hdr->name[R->col[C_POLARITY]],
			    FIELD(R, r, C_POLARITY));
		}
	}
	if (n)
		warnx("%zu row%s of a category not in %s, without polarity; "
		    "the first %s:%ld (category '%s')", n, n == 1 ? "" : "s",
		    R->meta->file, first->file, first->line,
		    FIELD(R, first, C_CATEGORY));
}
