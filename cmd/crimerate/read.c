/* Reading: each record of the data added to its groups. */
#include <err.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "hset.h"
#include "num.h"
#include "period.h"
#include "span.h"
#include "table.h"
#include "util.h"

#include "crimerate.h"

/* "FILE:LINE: column 'NAME': " then the message; exit 1. */
void
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

/* Which buckets a record of span [f, l] counts toward: a period that
 * holds all of it. A record across the edge of a period or bucket (a
 * year for a quarter, a quarter 2015-10..2015-12 for a month, a week
 * across the end of a month) is data coarser than the period: an error,
 * never a share guessed. */
static void
buckets(struct crimerate *R, struct dinfo *d, const struct span *sp, const char *val,
    struct tbl *lk, const char *col)
{
	const struct period *p[2] = {&R->per_, &R->cmp};
	long b, f = sp->first, l = sp->last;
	char desc[40];
	int i;

	span_what(sp, desc, sizeof(desc));

	d->b[0] = d->b[1] = NOB;
	if (R->by) {
		if ((b = period_bucket(R->by, f)) != period_bucket(R->by, l))
			die(lk->path, lk->row->line, col, "'%s' is %s, coarser "
			    "than the %s buckets asked for", val,
			    desc, R->by == BY_MONTH ? "month" :
			    R->by == BY_QUARTER ? "quarter" : "year");
		if (R->hasper && (b < R->blo - R->back || b > R->bhi))
			return;
		d->b[0] = b;
		if (!R->hasper && (!R->anyb || b < R->blo))
			R->blo = b;
		if (!R->hasper && (!R->anyb || b > R->bhi))
			R->bhi = b;
		R->anyb = 1;
		return;
	}
	for (i = 0; i < 2 - R->cmpnone; i++) {
		if (l < p[i]->first || f > p[i]->last)
			continue;
		if (f < p[i]->first || l > p[i]->last)
			die(lk->path, lk->row->line, col, "'%s' is %s, coarser "
			    "than the period %s%s%s%s whose edge it crosses",
			    val, desc, p[i]->label,
			    p[i]->kind == PER_RANGE ? "" : " (",
			    p[i]->kind == PER_RANGE ? "" : span(p[i]),
			    p[i]->kind == PER_RANGE ? "" : ")");
		d->b[i] = i;
	}
}

/* Where an earliest or latest date was read, for a message. */
static void
where(char **at, uint32_t *id, uint32_t date, const struct tbl *lk)
{
	char buf[64];

	snprintf(buf, sizeof(buf), ":%ld", lk->row->line);
	free(*at);
	*at = xmalloc(strlen(lk->path) + strlen(buf) + 1);
	strcpy(*at, lk->path);
	strcat(*at, buf);
	*id = date;
}

/* A series without --period spans the dates read; a mistyped year
 * (0001 for 2016) would make it thousands of buckets long. */
void
check_span(struct crimerate *R)
{
	static const char *const unit[] = {"", "month", "quarter", "year"};
	static const long most[] = {0, 50 * 12, 50 * 4, 50};

	if (!R->by || R->hasper || R->partial || !R->anyb ||
	    R->bhi - R->blo + 1 <= most[R->by])
		return;
	errx(1, "the dates run from '%s' (%s) to '%s' (%s): a series of %ld "
	    "%ss, more than 50 years; is a year mistyped? Choose the span "
	    "with --period (e.g. --period 2014..2016)", R->dates.s[R->firstid],
	    R->firstat, R->dates.s[R->lastid], R->lastat, R->bhi - R->blo + 1,
	    unit[R->by]);
}

/* A date string met for the first time. */
static void
newdate(struct crimerate *R, uint32_t id, struct tbl *lk, long col)
{
	const char *s = R->dates.s[id];
	struct span sp;
	long f, l;

	if ((id & (id - 1)) == 0)
		R->di = xreallocarray(R->di, id ? 2 * id : 1, sizeof(*R->di));
	if (span_iso(s, R->dates.len[id], &sp) != 0)
		die(lk->path, lk->row->line, lk->h->name[col],
		    "'%.*s' is not a date (YYYY, YYYY-MM or YYYY-MM-DD) or a "
		    "span of two (2015-10..2015-12)", SHOWN, s);
	f = sp.first;
	l = sp.last;
	if (!R->anyd || f < R->dfirst) {
		R->dfirst = f;
		where(&R->firstat, &R->firstid, id, lk);
	}
	if (!R->anyd || l > R->dlast) {
		R->dlast = l;
		where(&R->lastat, &R->lastid, id, lk);
	}
	R->anyd = 1;
	R->di[id].m0 = period_bucket(BY_MONTH, f);
	R->di[id].m1 = period_bucket(BY_MONTH, l);
	if (R->partial) {
		R->di[id].b[0] = id;
		R->di[id].b[1] = NOB;
		return;
	}
	buckets(R, &R->di[id], &sp, s, lk, lk->h->name[col]);
}

static int64_t
count(struct tbl *lk, long col)
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

/* A name of the data, as written: its spelling is chosen at the end. */
static uint32_t
name(struct strtab *t, struct tbl *lk, long col, const char *what)
{
	uint32_t id;
	int isnew;

	if (lk->row->len[col] == 0)
		die(lk->path, lk->row->line, lk->h->name[col], "empty %s", what);
	id = st_id(t, lk->row->f[col], lk->row->len[col], &isnew);
	if (isnew)
		tbl_nonul(lk, col);
	return id;
}

/* Grow a table of weights, one per id of t, to t's capacity. */
static void
weights(i128 **w, size_t *cap, const struct strtab *t)
{
	if (t->n <= *cap)
		return;
	*w = xreallocarray(*w, t->cap, sizeof(**w));
	memset(*w + *cap, 0, (t->cap - *cap) * sizeof(**w));
	*cap = t->cap;
}

/* A group's sum passed 64 bits: exit 1. */
static void
overflow(struct crimerate *R, struct tbl *lk, const char *cn, uint32_t a,
    uint32_t c, long b)
{
	char buf[PERIOD_LABEL];
	const char *when;

	if (R->partial) /* the bucket is date id << 32 | source unit */
		when = R->dates.s[(uint64_t)b >> 32];
	else if (R->by) {
		period_bucket_label(R->by, b, buf);
		when = buf;
	} else
		when = b == 0 ? R->per_.label : R->cmp.label;
	die(lk->path, lk->row->line, cn, "the sum of counts passes 2^63-1 "
	    "(64 bits): area '%.*s', category '%.*s', %s", SHOWN, R->areas.s[a],
	    SHOWN, R->cats.s[c], when);
}

/* The months whose coverage can be asked: the period and the
 * comparison, or a series' buckets and those before them that rows
 * compare with (all of them without --period). */
static void
windows(struct crimerate *R)
{
	long f, l;

	R->win[0][0] = R->win[1][0] = LONG_MAX;
	R->win[0][1] = R->win[1][1] = LONG_MIN;
	if (R->by && !R->hasper) {
		R->win[0][0] = LONG_MIN;
		R->win[0][1] = LONG_MAX;
	} else if (R->by) {
		period_bucket_span(R->by, R->blo - R->back, &f, &l);
		R->win[0][0] = period_bucket(BY_MONTH, f);
		R->win[0][1] = period_bucket(BY_MONTH, R->per_.last);
	} else {
		R->win[0][0] = period_bucket(BY_MONTH, R->per_.first);
		R->win[0][1] = period_bucket(BY_MONTH, R->per_.last);
		if (!R->cmpnone) {
			R->win[1][0] = period_bucket(BY_MONTH, R->cmp.first);
			R->win[1][1] = period_bucket(BY_MONTH, R->cmp.last);
		}
	}
}

static int
shown(struct crimerate *R, long m)
{
	return (m >= R->win[0][0] && m <= R->win[0][1]) ||
	    (m >= R->win[1][0] && m <= R->win[1][1]);
}

/* The record's data for coverage: its months for its area and category
 * (only those that can be asked; NOB stands for the others), and its
 * category for its source unit. Runs of one group are common, so the
 * last one is remembered. */
static void
seen(struct crimerate *R, const struct dinfo *d, uint32_t a, uint32_t c,
    uint32_t u)
{
	long m;

	if (c >= R->ncunit) {
		R->cunit = xreallocarray(R->cunit, R->cats.cap,
		    sizeof(*R->cunit));
		memset(R->cunit + R->ncunit, 0,
		    (R->cats.cap - R->ncunit) * sizeof(*R->cunit));
		R->ncunit = R->cats.cap;
	}
	if (R->cunit[c] != u + 1) {
		g_get(&R->uc, u, c, 0);
		R->cunit[c] = u + 1;
	}
	if (a + 1 == R->last.a1 && c == R->last.c && d->m0 == R->last.m0 &&
	    d->m1 == R->last.m1)
		return;
	for (m = d->m0; m <= d->m1; m++)
		g_get(&R->seen, a, c, shown(R, m) ? m : NOB);
	R->last.a1 = a + 1;
	R->last.c = c;
	R->last.m0 = d->m0;
	R->last.m1 = d->m1;
}

/* The ids of a record's key, met for the first time in this file (or
 * since the memo forgot it): every check of the key is made here, and
 * the marks of coverage, which the same key makes again to no effect. */
static void
lookup(struct crimerate *R, struct tbl *lk, const long *col,
    struct kslot *k)
{
	struct csvr_row *row = lk->row;
	int isnew;

	k->id = st_id(&R->dates, row->f[col[C_DATE]], row->len[col[C_DATE]],
	    &isnew);
	if (isnew)
		newdate(R, k->id, lk, col[C_DATE]);
	k->a = name(&R->areas, lk, col[C_AREA], "area");
	k->c = name(&R->cats, lk, col[C_CAT], "category");
	if (col[C_SRC] >= 0)
		k->unit = name(&R->units, lk, col[C_SRC], "source");
	/* weights for the spelling shown, of every record (a row is
	 * shown for data of any date), in 128 bits: a total past 64 bits
	 * is no error, only a group's sum is */
	weights(&R->catn, &R->catcap, &R->cats);
	weights(&R->arean, &R->areacap, &R->areas);
	if (!R->partial)
		seen(R, &R->di[k->id], k->a, k->c, k->unit);
	k->gmask = 0;
}

/* A record's count added to its weights and to its groups; each
 * group's sum is checked. */
static void
add(struct crimerate *R, struct tbl *lk, const char *cn, struct kslot *k,
    int64_t n)
{
	const struct dinfo *d = &R->di[k->id];
	size_t mask;
	long b[2];
	int i;

	R->nrows++;
	R->catn[k->c] += n;
	R->arean[k->a] += n;
	/* --partial: the source unit travels in the bucket: date id, unit */
	b[0] = R->partial ? (long)((uint64_t)k->id << 32 | k->unit) : d->b[0];
	b[1] = R->partial ? NOB : d->b[1];
	if (b[0] == NOB && b[1] == NOB) {
		R->nout++;
		return;
	}
	if (!k->gmask || k->gmask != R->g.mask) { /* new groups, or the
						    * table grew */
		for (i = 0; i < 2; i++) {
			if (b[i] == NOB)
				continue;
			mask = R->g.mask;
			k->j[i] = g_put(&R->g, k->a, k->c, b[i]);
			if (i == 1 && b[0] != NOB && R->g.mask != mask)
				/* the table grew: the first group moved */
				k->j[0] = g_at(&R->g, k->a, k->c, b[0]);
		}
		k->gmask = R->g.mask;
	}
	for (i = 0; i < 2; i++)
		if (b[i] != NOB && __builtin_add_overflow(R->g.e[k->j[i]].n, n,
		    &R->g.e[k->j[i]].n))
			overflow(R, lk, cn, k->a, k->c, b[i]);
}

/* Records by their key: the bytes of date, area, category and source,
 * each after its length. The key columns hold few values together (a
 * year of a force: a few thousand), and one hash and one compare cost
 * far less than a look-up of each and the groups' own. Only a key read
 * without error is remembered, so a record that finds its key passes
 * every check of it; what each record adds (its count) is added for
 * each. Kept per file, as the source unit may be the file; bounded:
 * forgotten all at once when full. Not for --merge: a partial holds
 * each key once. */
#define MEMOMIN (1 << 8)  /* slots at first */
#define MEMOMAX (1 << 15) /* and at most (64 bytes each) */
#define TEXTMAX (1 << 21) /* bytes of keys at most */

/* The record's key: the key fields in the order of their columns, each
 * ended by a NUL but the last; its bytes in *key, its length, or 0 when
 * it is not to be remembered (a NUL byte in a field, an empty field,
 * which lookup() refuses, or too long; no key columns: no memo). Where
 * the key columns are neighbours and the row's fields lie side by side
 * (noquote, lib/csvread.h), those bytes are the row's own: no copy.
 * They may hold an empty field there; such a key matches none (no key
 * remembered has one) and lookup() refuses it. */
static size_t
mkkey(struct kmemo *m, const struct csvr_row *row, const char **key)
{
	const long *c = m->kcol;
	size_t i, n = 0, len;

	if (m->side && row->noquote) {
		*key = row->f[c[0]];
		n = (size_t)(row->f[c[m->nk - 1]] + row->len[c[m->nk - 1]] -
		    *key);
		return n <= KEYMAX ? n : 0;
	}
	if (row->nul)
		return 0;
	for (i = 0; i < m->nk; i++) {
		len = row->len[c[i]];
		if (len == 0 || n + (i > 0) + len > KEYMAX)
			return 0;
		if (i > 0)
			m->key[n++] = '\0';
		memcpy(m->key + n, row->f[c[i]], len);
		n += len;
	}
	*key = m->key;
	return n;
}

/* The slot of the key of n bytes and hash h: its own, or the empty one
 * where it would go. */
static inline struct kslot *
memo_find(struct kmemo *m, const char *key, size_t n, uint64_t h)
{
	struct kslot *e;
	size_t j;

	for (j = h & m->mask;; j = (j + 1) & m->mask) {
		e = &m->e[j];
		if (e->epoch != m->epoch || (e->h == h && e->len == n &&
		    memcmp(m->text + e->off, key, n) == 0))
			return e;
	}
}

static void
forget(struct kmemo *m)
{
	m->n = m->len = 0;
	if (++m->epoch == 0) { /* slots of every past epoch look empty */
		memset(m->e, 0, m->e ? (m->mask + 1) * sizeof(*m->e) : 0);
		m->epoch = 1;
	}
}

/* Room for one more key of n bytes: grown, or all forgotten. */
static void
memo_room(struct kmemo *m, size_t n)
{
	struct kslot *old = m->e;
	size_t i, j, cap = old ? 2 * (m->mask + 1) : MEMOMIN;

	if (m->len + n > m->tcap) {
		if (m->tcap == TEXTMAX)
			forget(m);
		else {
			m->tcap = m->tcap ? 2 * m->tcap : MEMOMIN * KEYMAX;
			m->text = xrealloc(m->text, m->tcap);
		}
	}
	if (old && 2 * (m->n + 1) <= m->mask + 1)
		return;
	if (cap > MEMOMAX) {
		forget(m);
		return;
	}
	m->e = xcalloc(cap, sizeof(*m->e));
	for (i = 0; old && i <= m->mask; i++) {
		if (old[i].epoch != m->epoch)
			continue;
		for (j = old[i].h & (cap - 1); m->e[j].epoch;
		    j = (j + 1) & (cap - 1))
			;
		m->e[j] = old[i];
	}
	m->mask = cap - 1;
	free(old);
}

/* The key remembered with its ids k: its slot. */
static struct kslot *
memo_put(struct kmemo *m, const char *key, size_t n, uint64_t h,
    const struct kslot *k)
{
	struct kslot *e;

	memo_room(m, n);
	e = memo_find(m, key, n, h);
	*e = *k;
	e->h = h;
	e->epoch = m->epoch;
	e->off = (uint32_t)m->len;
	e->len = (uint32_t)n;
	memcpy(m->text + m->len, key, n);
	m->len += n;
	m->n++;
	return e;
}

static void
record(struct crimerate *R, struct tbl *lk, const long *col, uint32_t unit)
{
	struct kmemo *m = &R->memo;
	struct kslot *e, k;
	int64_t n = count(lk, col[C_COUNT]);
	const char *cn = col[C_COUNT] >= 0 ? lk->h->name[col[C_COUNT]] : NULL;
	const char *key = NULL;
	size_t kn = mkkey(m, lk->row, &key);
	uint64_t h = 0;

	if (kn)
		h = hash64(key, kn, 0);
	if (!kn || (e = memo_find(m, key, kn, h))->epoch != m->epoch) {
		k.unit = unit;
		lookup(R, lk, col, &k);
		e = kn ? memo_put(m, key, kn, h, &k) : &k;
	}
	add(R, lk, cn, e, n);
}

/* The key columns in their order in the file; side by side or not. */
static void
keycols(struct kmemo *m)
{
	size_t i, j;
	long c;

	for (i = 1; i < m->nk; i++)
		for (j = i; j > 0 && m->kcol[j - 1] > m->kcol[j]; j--) {
			c = m->kcol[j];
			m->kcol[j] = m->kcol[j - 1];
			m->kcol[j - 1] = c;
		}
	m->side = m->nk > 0;
	for (i = 1; i < m->nk; i++)
		if (m->kcol[i] != m->kcol[i - 1] + 1)
			m->side = 0;
}

void
readfile(struct crimerate *R, const char *path)
{
	struct tbl lk_, *lk = tbl_open(&lk_, path, 0);
	long col[NCOL], before = R->nrows;
	uint32_t unit;
	int i;

	for (i = 0; i < NCOL; i++)
		col[i] = i == C_SRC || (i == C_COUNT && !R->merge) ?
		    tbl_col(lk, R->col[i]) : tbl_need(lk, R->col[i],
		    colname[i]);
	/* without a source column the file is the source unit */
	unit = st_id(&R->units, lk->path, strlen(lk->path), NULL);
	windows(R);
	forget(&R->memo);
	R->memo.nk = 0;
	for (i = 0; i < NCOL && !R->merge; i++)
		if (i != C_COUNT && col[i] >= 0)
			R->memo.kcol[R->memo.nk++] = col[i];
	keycols(&R->memo);
	if (R->memo.nk && !R->memo.e)
		memo_room(&R->memo, 0);
	while (tbl_next(lk))
		if (!R->merge || !tbl_isheader(lk))
			record(R, lk, col, unit);
	if (R->verbose)
		warnx("%s: %lld records", lk->path, R->nrows - before);
	tbl_close(lk);
}
