/* meta: the indicator metadata file (see meta.h). */
#include <err.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "header.h"
#include "meta.h"
#include "name.h"
#include "num.h"
#include "table.h"
#include "text.h"
#include "util.h"

const char *
meta_polname(int polarity)
{
	static const char *name[] = { "", "low", "high", "none" };

	return polarity >= 0 && polarity <= META_NONE ? name[polarity] : "";
}

const char *
meta_kindname(int kind)
{
	static const char *name[] = { "", "count", "percentage", "harm" };

	return kind >= 0 && kind <= META_HARM ? name[kind] : "";
}

int
meta_polarity(const char *s, size_t n)
{
	int i;

	trim(&s, &n);
	if (n == 0)
		return META_UNKNOWN;
	for (i = META_LOW; i <= META_NONE; i++)
		if (strnieq(s, n, meta_polname(i)))
			return i;
	return -1;
}

static int
cmpind(const void *a, const void *b)
{
	return strcmp(((const struct meta_ind *)a)->key,
	    ((const struct meta_ind *)b)->key);
}

/* The row's field i trimmed, owned; NULL when empty. */
static char *
field(const struct csvr_row *row, long i)
{
	const char *s = row->f[i];
	size_t n = row->len[i];

	trim(&s, &n);
	return n ? xstrndup(s, n) : NULL;
}

/* "FILE:LINE: column N ('name'): " before every fault in a field. */
#define BADFIELD(m, h, row, i, fmt, ...) \
	errx(1, "%s:%ld: column %ld ('%s'): " fmt, (m)->file, (row)->line, \
	    (i) + 1, (h)->name[i], __VA_ARGS__)

/* A percentage is per 100. */
static void
percentage(struct meta *m, const struct hdr *h, const struct csvr_row *row,
    const long *c, struct meta_ind *d)
{
	if (d->per == 0)
		d->per = 100;
	else if (d->per != 100)
		BADFIELD(m, h, row, c[3], "%g: a percentage is per 100",
		    d->per);
}

static void
read_row(struct meta *m, const struct hdr *h, const struct csvr_row *row,
    const long *c)
{
	struct meta_ind *d;
	struct sbuf b = { 0 };
	char *s;

	if ((m->n & (m->n + 1)) == 0) /* n + 1 is a power of 2: grow */
		m->ind = xreallocarray(m->ind, 2 * (m->n + 1), sizeof(*m->ind));
	d = &m->ind[m->n];
	memset(d, 0, sizeof(*d));
	d->line = row->line;
	if (!(d->name = field(row, c[0])))
		BADFIELD(m, h, row, c[0], "%s", "an empty indicator name");
	name_key(&b, d->name, strlen(d->name));
	d->key = xstrdup(sb_str(&b));
	sb_free(&b);
	if ((d->polarity = meta_polarity(row->f[c[1]], row->len[c[1]])) <= 0)
		BADFIELD(m, h, row, c[1], "'%s' is not low, high or none "
		    "(low: lower is better)", row->f[c[1]]);
	if (c[2] >= 0)
		d->denominator = field(row, c[2]);
	if (c[3] >= 0 && (s = field(row, c[3]))) {
		if (num_dbl(s, strlen(s), &d->per) != 0 || d->per <= 0)
			BADFIELD(m, h, row, c[3], "'%s' is not a per above 0",
			    s);
		free(s);
	}
	if (c[4] >= 0 && (s = field(row, c[4]))) {
		for (d->kind = META_COUNT; d->kind <= META_HARM; d->kind++)
			if (strcasecmp(s, meta_kindname(d->kind)) == 0)
				break;
		if (d->kind > META_HARM)
			BADFIELD(m, h, row, c[4], "'%s' is not count, "
			    "percentage or harm", s);
		free(s);
	}
	if (c[5] >= 0)
		d->numerator = field(row, c[5]);
	if (d->kind == META_PERCENTAGE)
		percentage(m, h, row, c, d);
	m->n++;
}

static void
nodup(const struct meta *m, const struct hdr *h, long col)
{
	size_t i;

	for (i = 1; i < m->n; i++)
		if (strcmp(m->ind[i].key, m->ind[i - 1].key) == 0) {
			const struct meta_ind *a = &m->ind[i - 1], *b = &m->ind[i];

			if (a->line > b->line) {
				a = b;
				b = &m->ind[i - 1];
			}
			errx(1, "%s:%ld: column %ld ('%s'): indicator '%s' "
			    "again (first at line %ld as '%s')", m->file,
			    b->line, col + 1, h->name[col], b->name, a->line,
			    a->name);
		}
}

struct meta *
meta_read(const char *path)
{
	static const char *cname[] = { "indicator", "polarity", "denominator",
		"per", "kind", "numerator" };
	struct meta *m = xcalloc(1, sizeof(*m));
	struct tbl t_, *t = tbl_open(&t_, path, TBL_NONUL | TBL_NAMED);
	long c[6];
	size_t i;

	m->file = xstrdup(t->path);
	for (i = 0; i < 6; i++)
		c[i] = i < 2 ? tbl_need(t, cname[i], NULL) :
		    tbl_col(t, cname[i]);
	while (tbl_next(t))
		read_row(m, t->h, t->row, c);
	if (m->n)
		qsort(m->ind, m->n, sizeof(*m->ind), cmpind);
	nodup(m, t->h, c[0]);
	tbl_close(t);
	return m;
}

const struct meta_ind *
meta_find(const struct meta *m, const char *s, size_t n)
{
	struct meta_ind k;
	struct sbuf b = { 0 };
	const struct meta_ind *d;

	if (!m || m->n == 0)
		return NULL;
	name_key(&b, s, n);
	k.key = (char *)sb_str(&b);
	d = bsearch(&k, m->ind, m->n, sizeof(*m->ind), cmpind);
	sb_free(&b);
	return d;
}

void
meta_free(struct meta *m)
{
	size_t i;

	if (!m)
		return;
	for (i = 0; i < m->n; i++) {
		free(m->ind[i].name);
		free(m->ind[i].key);
		free(m->ind[i].denominator);
		free(m->ind[i].numerator);
	}
	free(m->ind);
	free(m->file);
	free(m);
}
