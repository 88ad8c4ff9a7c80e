#include <err.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "table.h"
#include "util.h"

/* The header's names shown in a message: past this many, a count. */
#define LISTED 12
#define SHOWN 60 /* bytes of a name shown */

/* A row csvread could not split; what is "header: " or "". */
static void __attribute__((noreturn))
rowfault(const struct tbl *t, const char *what)
{
	const struct csvr_row *row = t->row;

	if (row->err == CSVR_EQUOTE)
		errx(1, "%s:%ld: %squoted field not closed before the end of "
		    "input", t->path, row->line, what);
	if (row->err == CSVR_EWIDE)
		errx(1, "%s:%ld: %smore than %d fields", t->path, row->line,
		    what, CSVR_MAXFIELDS);
	errx(1, "%s:%ld: %sfield longer than %d bytes", t->path, row->line,
	    what, TBL_MAXFIELD);
}

/* A NUL byte would end the value where it is shown or compared; hdr
 * is "header: " for the header's, else NULL. */
static void
nulfault(const struct tbl *t, const char *hdr)
{
	size_t i;

	for (i = 0; i < t->row->n; i++)
		if (memchr(t->row->f[i], '\0', t->row->len[i]))
			break;
	if (hdr)
		errx(1, "%s:%ld: %scolumn %zu: NUL byte", t->path,
		    t->row->line, hdr, i + 1);
	tbl_nonul(t, (long)i);
}

/* Two columns of one name: a lookup by name would take the first and
 * never read the other. Empty names repeat freely unless TBL_NAMED:
 * nothing can name them. */
static void
nodup(const struct tbl *t)
{
	const struct hdr *h = t->h;
	char **key;
	size_t *ix, i, n = 0, a = 0, b = 0;
	long j, first;

	for (i = 0; i < h->n && (t->flags & TBL_NAMED); i++)
		if (h->key[i][0] == '\0')
			errx(1, "%s:%ld: column %zu has no name", t->path,
			    t->hline, i + 1);
	key = xcalloc(h->n + 1, sizeof(*key));
	ix = xcalloc(h->n + 1, sizeof(*ix));
	for (i = 0; i < h->n; i++)
		if (h->key[i][0] != '\0') {
			ix[n] = i;
			key[n++] = h->key[i];
		}
	if ((j = hdr_dupv(key, n, &first)) >= 0) {
		a = ix[first];
		b = ix[j];
	}
	free(key); /* before the exit: nothing held */
	free(ix);
	if (j >= 0)
		errx(1, "%s:%ld: columns %zu '%s' and %zu '%s' have the same "
		    "name", t->path, t->hline, a + 1, h->name[a], b + 1,
		    h->name[b]);
}

struct tbl *
tbl_open(struct tbl *t, const char *path, unsigned flags)
{
	int rc;

	memset(t, 0, sizeof(*t));
	if (!(t->in = in_open(path)))
		err(1, "%s", path);
	t->path = in_name(t->in);
	t->flags = flags;
	t->r = csvr_open(t->in, ',', TBL_MAXFIELD);
	if ((rc = csvr_next(t->r, &t->row)) < 0)
		errx(1, "%s: %s", t->path, csvr_error(t->r));
	/* No header is no data: most often an upstream stage that failed. */
	if (rc == 0)
		errx(1, "%s: empty (no header row)", t->path);
	if (t->row->err != CSVR_OK)
		rowfault(t, "header: ");
	if (t->row->nul)
		nulfault(t, "header: ");
	t->hline = t->row->line;
	t->h = hdr_new(t->row->f, t->row->len, t->row->n);
	nodup(t);
	return t;
}

int
tbl_next(struct tbl *t)
{
	int rc = csvr_next(t->r, &t->row);

	if (rc < 0)
		errx(1, "%s: %s", t->path, csvr_error(t->r));
	if (rc == 0)
		return 0;
	if (t->row->err != CSVR_OK)
		rowfault(t, "");
	if (t->row->n != t->h->n)
		errx(1, "%s:%ld: %zu fields where the header has %zu%s",
		    t->path, t->row->line, t->row->n, t->h->n,
		    t->row->quoted ? " (a stray quote?)" : "");
	if (t->row->nul && (t->flags & TBL_NONUL))
		nulfault(t, NULL);
	return 1;
}

long
tbl_col(const struct tbl *t, const char *names)
{
	return hdr_find(t->h, names);
}

long
tbl_need(const struct tbl *t, const char *names, const char *role)
{
	long i = hdr_find(t->h, names);

	if (i < 0)
		tbl_missing(t->path, t->hline, t->h, 1, &names, &role, NULL);
	return i;
}

/* 'a', 'b', 'c' into b: the n names, past LISTED a count, each cut
 * to SHOWN bytes. */
static void
quoted(struct sbuf *b, const char *const *s, size_t n)
{
	size_t i, len;

	for (i = 0; i < n && i < LISTED; i++) {
		sb_adds(b, i ? ", '" : "'");
		len = strlen(s[i]);
		sb_add(b, s[i], len < SHOWN ? len : SHOWN);
		sb_addc(b, '\'');
	}
	if (n > LISTED) {
		char num[64];

		snprintf(num, sizeof(num), " and %zu more", n - LISTED);
		sb_adds(b, num);
	}
}

void
tbl_missing(const char *file, long line, const struct hdr *h, size_t n,
    const char *const *miss, const char *const *roles, const char *more)
{
	struct sbuf b = { 0 };
	size_t i, nr = 0;
	char msg[4096];

	quoted(&b, miss, n);
	if (more)
		sb_adds(&b, more);
	sb_adds(&b, "; the columns are ");
	quoted(&b, (const char *const *)h->name, h->n);
	for (i = 0; roles && i < n; i++) {
		if (!roles[i])
			continue;
		if (nr++ == 0)
			sb_adds(&b, n == 1 ? "; to read another as " :
			    "; to read others:");
		if (n == 1) {
			sb_adds(&b, roles[i]);
			sb_addc(&b, ':');
		} else if (nr > 1) {
			sb_addc(&b, ',');
		}
		sb_adds(&b, " -c ");
		sb_adds(&b, roles[i]);
		sb_adds(&b, "=COLUMN");
	}
	/* copied out so that nothing is held at the exit */
	snprintf(msg, sizeof(msg), "%s", sb_str(&b));
	sb_free(&b);
	errx(1, "%s:%ld: no column %s", file, line, msg);
}

void
tbl_nonul(const struct tbl *t, long col)
{
	if (memchr(t->row->f[col], '\0', t->row->len[col]))
		tbl_fail(t, col, "NUL byte");
}

void
tbl_fail(const struct tbl *t, long col, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	errx(1, "%s:%ld: column '%s': %s", t->path, t->row->line,
	    t->h->name[col], msg);
}

void
tbl_likefirst(const struct tbl *t, const struct hdr *first)
{
	size_t i;

	for (i = 0; i < first->n && t->h->n == first->n; i++)
		if (strcmp(t->h->key[i], first->key[i]) != 0)
			break;
	if (t->h->n != first->n || i < first->n)
		errx(1, "%s:%ld: header differs from the first file's",
		    t->path, t->hline);
}

int
tbl_isheader(const struct tbl *t)
{
	return hdr_same(t->h, t->row->f, t->row->len, t->row->n);
}

void
tbl_keep(const struct csvr_row *row, char ***f, size_t **len)
{
	size_t i, size = 0;
	char *p;

	for (i = 0; i < row->n; i++)
		size += row->len[i] + 1;
	*f = xcalloc(row->n + 1, sizeof(**f));
	*len = xcalloc(row->n + 1, sizeof(**len));
	p = xmalloc(size + 1);
	for (i = 0; i < row->n; i++) {
		(*f)[i] = p;
		memcpy(p, row->f[i], row->len[i]);
		p[row->len[i]] = '\0';
		p += row->len[i] + 1;
		(*len)[i] = row->len[i];
	}
}

struct hdr *
tbl_takehdr(struct tbl *t)
{
	t->keeph = 1;
	return t->h;
}

void
tbl_close(struct tbl *t)
{
	if (!t)
		return;
	if (!t->keeph)
		hdr_free(t->h);
	csvr_close(t->r);
	in_close(t->in);
}
