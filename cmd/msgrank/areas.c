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
struct area *areas;   /* distinct data areas, sorted by name */
static size_t nareas;

static int
cmpkey(const void *a, const void *b)
{
	const struct row *x = &rows[*(const size_t *)a];
	const struct row *y = &rows[*(const size_t *)b];
	int c;

	if ((c = strcmp(x->akey, y->akey)))
		return c;
	if ((c = strcmp(x->ckey, y->ckey)))
		return c;
	if ((c = strcmp(FIELD(x, C_PERIOD), FIELD(y, C_PERIOD))))
		return c;
	return (*(const size_t *)a > *(const size_t *)b) -
	    (*(const size_t *)a < *(const size_t *)b);
}

/* A row repeated would be ranked against itself: an error. Collect the
 * distinct areas on the way. */
void
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
		if (p && strcmp(p->akey, r->akey) == 0) {
			if (strcmp(p->ckey, r->ckey) == 0 && strcmp(FIELD(p,
			    C_PERIOD),
			    FIELD(r, C_PERIOD)) == 0)
				errx(1, "%s:%ld: area '%s', category '%s', "
				    "period '%s' again, first at %s:%ld%s",
				    r->file, r->line, FIELD(r, C_AREA),
				    FIELD(r, C_CATEGORY), FIELD(r, C_PERIOD),
				    p->file, p->line, p->file != r->file &&
				    strcmp(p->file, r->file) == 0 ? " (the "
				    "same file given twice)" : "");
			if (ix[i] < areas[nareas - 1].first)
				areas[nareas - 1].first = ix[i];
			continue;
		}
		areas[nareas].name = r->akey;
		areas[nareas++].first = ix[i];
	}
	free(ix);
}

/* --focus names no area of the data: say so, and the one meant when
 * it is a slip (lib/name's edit distance on the keys). */
static void
nofocus(void)
{
	const char **keys = xcalloc(nareas + 1, sizeof(*keys));
	long near;
	size_t i;

	for (i = 0; i < nareas; i++)
		keys[i] = areas[i].name;
	near = name_near(focuskey, keys, nareas);
	free(keys);
	if (near >= 0)
		errx(1, "--focus: area '%s' is not in the data; did you mean "
		    "'%s'?", opt_focus, FIELD(&rows[areas[near].first],
		    C_AREA));
	errx(1, "--focus: area '%s' is not in the data", opt_focus);
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

int
ingroup(const char *area)
{
	size_t n;

	groupsof(area, &n);
	return !opt_group || n > 0;
}

/* Say what does not match between data, groups and accuracies. */
void
report(void)
{
	struct area *byfirst = xcalloc(nareas + 1, sizeof(*byfirst));
	struct sbuf none = { 0 };
	size_t i, nnone = 0;

	for (i = 0; i < nmemb; i++)
		if (!bsearch(memb[i].area, areas, nareas, sizeof(*areas),
		    cmpname))
			warnx("%s:%ld: area '%s' of group '%s' is not in the "
			    "data", memb[i].file, memb[i].line, memb[i].name,
			    gname[memb[i].g]);
	memcpy(byfirst, areas, nareas * sizeof(*areas));
	qsort(byfirst, nareas, sizeof(*byfirst), cmpfirst);
	for (i = 0; i < nareas; i++) {
		if (!ingroup(byfirst[i].name)) {
			sb_adds(&none, none.len ? "', '" : "'");
			sb_adds(&none, FIELD(&rows[byfirst[i].first], C_AREA));
			nnone++;
		} else if (opt_accuracy && !findacc(byfirst[i].name)) {
			warnx("area '%s' has no accuracy in %s: its adj_rate "
			    "is left empty", FIELD(&rows[byfirst[i].first],
			    C_AREA), opt_accuracy);
		}
	}
	/* One line: with a rollup, county and districts are expected here. */
	if (nnone)
		warnx("%zu area%s in no group, left out: %s'", nnone,
		    nnone == 1 ? "" : "s", sb_str(&none));
	sb_free(&none);
	free(byfirst);
	if (opt_focus && !bsearch(focuskey, areas, nareas, sizeof(*areas),
	    cmpname))
		nofocus();
	if (opt_focus && !ingroup(focuskey))
		errx(1, "--focus: area '%s' is in no group", opt_focus);
}
