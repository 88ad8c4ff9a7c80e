/* msgrank: the distinct areas of the data, their group memberships, and
 * what does not match between data, groups and accuracies. */
#include <err.h>
#include <stdlib.h>
#include <string.h>

#include "name.h"
#include "util.h"

#include "msgrank.h"

struct area {
	const char *name; /* its name_key() */
	size_t first;     /* its first row */
};

/* A row to sort by area, category, period, then by where it stands. */
struct rowkey {
	const struct row *r;
	const char *period;
	size_t i;
};

static int
cmpkey(const void *a, const void *b)
{
	const struct rowkey *x = a, *y = b;
	int c;

	if ((c = strcmp(x->r->akey, y->r->akey)))
		return c;
	if ((c = strcmp(x->r->ckey, y->r->ckey)))
		return c;
	if ((c = strcmp(x->period, y->period)))
		return c;
	return (x->i > y->i) - (x->i < y->i);
}

/* A row repeated would be ranked against itself: an error. Collect the
 * distinct areas on the way. */
void
index_rows(struct run *R)
{
	struct rowkey *k = xcalloc(R->nrows + 1, sizeof(*k));
	const struct row *r, *p;
	size_t i;

	for (i = 0; i < R->nrows; i++) {
		k[i].r = &R->rows[i];
		k[i].period = FIELD(R, &R->rows[i], C_PERIOD);
		k[i].i = i;
	}
	qsort(k, R->nrows, sizeof(*k), cmpkey);
	R->areas = xcalloc(R->nrows + 1, sizeof(*R->areas));
	for (i = 0; i < R->nrows; i++) {
		r = k[i].r;
		p = i ? k[i - 1].r : NULL;
		if (p && strcmp(p->akey, r->akey) == 0) {
			if (strcmp(p->ckey, r->ckey) == 0 &&
			    strcmp(k[i - 1].period, k[i].period) == 0)
				errx(1, "%s:%ld: area '%s', category '%s', "
				    "period '%s' again, first at %s:%ld%s",
				    r->file, r->line, FIELD(R, r, C_AREA),
				    FIELD(R, r, C_CATEGORY), k[i].period,
				    p->file, p->line, p->file != r->file &&
				    strcmp(p->file, r->file) == 0 ? " (the "
				    "same file given twice)" : "");
			if (k[i].i < R->areas[R->nareas - 1].first)
				R->areas[R->nareas - 1].first = k[i].i;
			continue;
		}
		R->areas[R->nareas].name = r->akey;
		R->areas[R->nareas++].first = k[i].i;
	}
	free(k);
}

/* --focus names no area of the data: say so, and the one meant when
 * it is a slip (lib/name's edit distance on the keys). */
static void
nofocus(struct run *R)
{
	const char **keys = xcalloc(R->nareas + 1, sizeof(*keys));
	long near;
	size_t i;

	for (i = 0; i < R->nareas; i++)
		keys[i] = R->areas[i].name;
	near = name_near(R->focuskey, keys, R->nareas);
	free(keys);
	if (near >= 0)
		errx(1, "--focus: area '%s' is not in the data; did you mean "
		    "'%s'?", R->opt_focus,
		    FIELD(R, &R->rows[R->areas[near].first], C_AREA));
	errx(1, "--focus: area '%s' is not in the data", R->opt_focus);
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
const struct memb *
groupsof(struct run *R, const char *area, size_t *n)
{
	const struct memb *m, *e;

	*n = 0;
	if (!R->nmemb || !(m = bsearch(area, R->memb, R->nmemb,
	    sizeof(*R->memb), cmpmembarea)))
		return NULL;
	while (m > R->memb && strcmp(m[-1].area, area) == 0)
		m--;
	for (e = m; e < R->memb + R->nmemb && strcmp(e->area, area) == 0; e++)
		(*n)++;
	return m;
}

int
ingroup(struct run *R, const char *area)
{
	size_t n;

	groupsof(R, area, &n);
	return !R->opt_group || n > 0;
}

/* Say what does not match between data, groups and accuracies. */
void
report(struct run *R)
{
	struct area *byfirst = xcalloc(R->nareas + 1, sizeof(*byfirst));
	struct sbuf none = { 0 };
	size_t i, nnone = 0;

	for (i = 0; i < R->nmemb; i++)
		if (!bsearch(R->memb[i].area, R->areas, R->nareas,
		    sizeof(*R->areas), cmpname))
			warnx("%s:%ld: area '%s' of group '%s' is not in the "
			    "data", R->memb[i].file, R->memb[i].line,
			    R->memb[i].name, R->gname[R->memb[i].g]);
	memcpy(byfirst, R->areas, R->nareas * sizeof(*R->areas));
	qsort(byfirst, R->nareas, sizeof(*byfirst), cmpfirst);
	for (i = 0; i < R->nareas; i++) {
		if (!ingroup(R, byfirst[i].name)) {
			sb_adds(&none, none.len ? "', '" : "'");
			sb_adds(&none, FIELD(R, &R->rows[byfirst[i].first],
			    C_AREA));
			nnone++;
		} else if (R->opt_accuracy && !findacc(R, byfirst[i].name)) {
			warnx("area '%s' has no accuracy in %s: its adj_rate "
			    "is left empty",
			    FIELD(R, &R->rows[byfirst[i].first], C_AREA),
			    R->opt_accuracy);
		}
	}
	/* One line: with a rollup, county and districts are expected here. */
	if (nnone)
		warnx("%zu area%s in no group, left out: %s'", nnone,
		    nnone == 1 ? "" : "s", sb_str(&none));
	sb_free(&none);
	free(byfirst);
	if (R->opt_focus && !bsearch(R->focuskey, R->areas, R->nareas,
	    sizeof(*R->areas), cmpname))
		nofocus(R);
	if (R->opt_focus && !ingroup(R, R->focuskey))
		errx(1, "--focus: area '%s' is in no group", R->opt_focus);
}
