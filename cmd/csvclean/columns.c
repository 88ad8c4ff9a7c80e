/* csvclean: the header, the delimiter, and the columns options name. */
#include <err.h>
#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "csvclean.h"
#include "csvwrite.h"
#include "header.h"
#include "text.h"

/* Guess the delimiter from the first lines: the candidate found the same
 * nonzero number of times on the most lines, outside quotes. */
int
sniff(const char *p, size_t n, int *lines)
{
	static const char cand[] = ",;\t|";
	int cnt[4][20] = { { 0 } }, nl = 0, q = 0, best = ',', bestscore = 0;
	size_t i, k;
	int l, score;
	const char *c;

	for (i = 0; i < n && nl < 20; i++) {
		if (p[i] == '"')
			q = !q;
		else if (!q && (p[i] == '\n' || p[i] == '\r')) {
			if (i + 1 < n && p[i] == '\r' && p[i + 1] == '\n')
				i++;
			nl++;
		} else if (!q && (c = strchr(cand, p[i])) && p[i])
			cnt[c - cand][nl]++;
	}
	if (nl < 20 && i == n && n > 0 && p[n - 1] != '\n' && p[n - 1] != '\r')
		nl++;
	for (k = 0; k < 4; k++) {
		if (nl == 0 || cnt[k][0] == 0)
			continue;
		for (score = 0, l = 0; l < nl && l < 20; l++)
			score += cnt[k][l] == cnt[k][0];
		score = score * 1000 + cnt[k][0];
		if (score > bestscore) {
			bestscore = score;
			best = cand[k];
		}
	}
	*lines = nl;
	return best;
}

const char *
delimname(int d)
{
	return d == '\t' ? "TAB" : d == ',' ? "','" : d == ';' ? "';'" : "'|'";
}

/* Header names: trimmed, inner space runs made one space; snake_case on
 * request. */
static char *
normname(const char *s, size_t n, int snake)
{
	struct sbuf b = { 0 };
	size_t i;
	int sp = 0;

	trim(&s, &n);
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
			sp = 1;
			continue;
		}
		if (sp && b.len)
			sb_addc(&b, snake ? '_' : ' ');
		sp = 0;
		if (snake && c < 0x80 && !(c >= 'a' && c <= 'z') &&
		    !(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9')) {
			if (b.len && b.s[b.len - 1] != '_')
				sb_addc(&b, '_');
			continue;
		}
		sb_addc(&b, snake && c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	while (snake && b.len && b.s[b.len - 1] == '_')
		b.len--;
	sb_add(&b, "", 0);
	return b.s;
}

static long
colfind(struct run *R, const char *name, size_t upto)
{
	char *k = hdr_norm(name, strlen(name)), *m;
	size_t i;
	long r = -1;

	for (i = 0; i < upto && r < 0; i++) {
		m = hdr_norm(R->name[i], strlen(R->name[i]));
		if (strcmp(k, m) == 0)
			r = (long)i;
		free(m);
	}
	free(k);
	return r;
}

long
needcol(struct run *R, const char *name, const char *what)
{
	long i = colfind(R, name, R->ww);

	if (i < 0)
		errx(1, "%s: %s: no column '%s' in the header", R->file, what,
		    name);
	return i;
}

/* A header name, or the report's text cell, written as --safe-cells and
 * --excel write values: the header is a row of cells to a spreadsheet
 * too. */
void
hname(const struct options *opt, FILE *fp, const char *s, int first)
{
	struct sbuf b = { 0 };
	size_t n = strlen(s);

	if (opt->excel || !opt->safe || !csvw_risky(s, n)) {
		(opt->excel ? csvw_xfield : csvw_field)(fp, s, n, first);
		return;
	}
	sb_addc(&b, '\'');
	sb_add(&b, s, n);
	csvw_field(fp, b.s, b.len, first);
	sb_free(&b);
}

static const char *const opname[] = { "--date", "--number", "--map",
	"--derive", "--set", "--redact", "--require" };

/* The steps of setup(), in order. */

/* Name the columns: each header name checked as text (or recoded with
 * -e), normalised, and an empty one called column_N. */
static void
namecols(struct run *R, struct csvr_row *row)
{
	size_t i, k;

	R->w = R->ww = row->n;
	R->name = xcalloc(row->n, sizeof(*R->name));
	for (i = 0; i < row->n; i++) {
		if (!R->opt->enc && utf8_bad(row->f[i], row->len[i]) >= 0)
			errx(1, "%s:%ld: header column %zu is not UTF-8 "
			    "(try -e cp1252)", R->file, row->line, i + 1);
		R->name[i] = normname(row->f[i], row->len[i],
		    R->opt->snake);
		if (R->opt->enc) {
			if (recode(R->rc, R->name[i], strlen(R->name[i]),
			    &R->tmp, &k) != 0)
				errx(1, "%s:%ld: header column %zu: byte 0x%02X "
				    "is not %s", R->file, row->line, i + 1,
				    (unsigned char)R->name[i][k], R->opt->enc);
			free(R->name[i]);
			R->name[i] = xstrdup(sb_str(&R->tmp));
		}
		if (!*R->name[i]) {
			free(R->name[i]);
			R->name[i] = xmalloc(32);
			snprintf(R->name[i], 32, "column_%zu", i + 1);
			warnx("%s: column %zu has no name; called it %s",
			    R->file, i + 1, R->name[i]);
		}
	}
}

/* --rename OLD=NEW, each in turn. */
static void
renamecols(struct run *R)
{
	const char *arg, *eq;
	char *old;
	size_t i;
	long j;

	for (i = 0; i < R->opt->nrename; i++) {
		arg = R->opt->rename[i];
		if (!(eq = strchr(arg, '=')))
			errx(2, "--rename: '%s' is not OLD=NEW", arg);
		old = xstrndup(arg, (size_t)(eq - arg));
		j = needcol(R, old, "--rename");
		free(old);
		free(R->name[j]);
		R->name[j] = xstrdup(eq + 1);
	}
}

/* No two columns may have one name once renamed. */
static void
nodupcols(struct run *R, long line)
{
	char **key = xcalloc(R->w, sizeof(*key));
	size_t i;
	long j, first;

	for (i = 0; i < R->w; i++)
		key[i] = hdr_norm(R->name[i], strlen(R->name[i]));
	if ((j = hdr_dupv(key, R->w, &first)) >= 0)
		errx(1, "%s:%ld: column %ld '%s' repeats column %ld's name "
		    "(use --rename)", R->file, line, j + 1, R->name[j],
		    first + 1);
	for (i = 0; i < R->w; i++)
		free(key[i]);
	free(key);
}

/* Every option's columns: the one it reads, and the one it writes,
 * appended after the input's when new; then --dedup's. */
static void
opcols(struct run *R, long line)
{
	struct op *o;
	size_t k;

	for (k = 0; k < R->opt->nops; k++) {
		o = &R->opt->ops[k];
		if (o->col)
			o->ci = needcol(R, o->col, opname[o->kind]);
		if (o->dst && (o->di = colfind(R, o->dst, R->ww)) < 0) {
			R->name = xreallocarray(R->name, R->ww + 1,
			    sizeof(*R->name));
			R->name[R->ww] = xstrdup(o->dst);
			o->di = (long)R->ww++;
		} else if (o->dst && o->kind == OP_DERIVE)
			errx(1, "%s:%ld: --derive: the header already has a "
			    "column '%s'", R->file, line, o->dst);
	}
	R->dedupi = R->opt->dedup ? needcol(R, R->opt->dedup, "--dedup") :
	    -1;
}

/* The columns written: --select's, or all of them. */
static void
selectcols(struct run *R)
{
	size_t i, k;

	if (!R->opt->nselect) {
		R->nsel = R->ww;
		R->sel = xcalloc(R->nsel, sizeof(*R->sel));
		for (i = 0; i < R->nsel; i++)
			R->sel[i] = (long)i;
		return;
	}
	R->nsel = R->opt->nselect;
	R->sel = xcalloc(R->nsel, sizeof(*R->sel));
	for (i = 0; i < R->nsel; i++) {
		R->sel[i] = needcol(R, R->opt->select[i], "--select");
		for (k = 0; k < i; k++)
			if (R->sel[k] == R->sel[i])
				errx(2, "--select: '%s' and '%s' are the same "
				    "column; it would be written twice",
				    R->opt->select[k], R->opt->select[i]);
	}
}

/* The columns in need: written or read by an option. Only these are
 * trimmed and loaded from a row; then the room for the row's values. */
static void
needcols(struct run *R)
{
	size_t i, k;

	R->need = xcalloc(R->ww, 1);
	for (i = 0; i < R->nsel; i++)
		R->need[R->sel[i]] = 1;
	for (k = 0; k < R->opt->nops; k++) {
		if (R->opt->ops[k].ci >= 0)
			R->need[R->opt->ops[k].ci] = 1;
		if (R->opt->ops[k].di >= 0)
			R->need[R->opt->ops[k].di] = 1;
	}
	if (R->dedupi >= 0)
		R->need[R->dedupi] = 1;
	if (R->rep)
		report_need(R, R->need);
	R->use = xcalloc(R->w, sizeof(*R->use));
	for (i = 0; i < R->w; i++)
		if (R->need[i])
			R->use[R->nuse++] = i;
	R->v = xcalloc(R->ww, sizeof(*R->v));
	R->vn = xcalloc(R->ww, sizeof(*R->vn));
	R->vb = xcalloc(R->ww, sizeof(*R->vb));
}

/* The output's header, and the rejects file's. */
static void
writeheads(struct run *R)
{
	size_t i;

	for (i = 0; i < R->nsel; i++)
		hname(R->opt, R->out, R->name[R->sel[i]], i == 0);
	csvw_end(R->out);
	if (R->rej && !R->opt->rejraw) {
		fputs("file,line,reason", R->rej);
		for (i = 0; i < R->nsel; i++)
			hname(R->opt, R->rej, R->name[R->sel[i]], 0);
		csvw_end(R->rej);
	}
}

/* From the first header read: the working columns, the options'
 * columns, the columns written, and the headers out. */
void
setup(struct run *R, struct csvr_row *row)
{
	namecols(R, row);
	renamecols(R);
	nodupcols(R, row->line);
	opcols(R, row->line);
	if (R->rep)
		report_cols(R);
	selectcols(R);
	needcols(R);
	writeheads(R);
}

/* A later file's header must name the first file's columns, in any
 * order. */
int
matchheader(struct run *R, struct csvr_row *row, int quiet)
{
	size_t i, j;
	long *perm;
	char *k;
	int found;

	if (hdr_same(R->h0, row->f, row->len, row->n)) {
		free(R->perm);
		R->perm = NULL;
		return 0;
	}
	if (row->n != R->h0->n)
		goto differ;
	perm = xcalloc(R->w, sizeof(*perm));
	for (i = 0; i < R->h0->n; i++) {
		for (found = 0, j = 0; j < row->n && !found; j++) {
			k = hdr_norm(row->f[j], row->len[j]);
			if (strcmp(k, R->h0->key[i]) == 0) {
				perm[i] = (long)j;
				found = 1;
			}
			free(k);
		}
		if (!found) {
			free(perm);
			goto differ;
		}
	}
	free(R->perm);
	R->perm = perm;
	if (R->opt->verbose)
		warnx("%s:%ld: columns in another order than the first "
		    "file's; reordered", R->file, row->line);
	return 0;
differ:
	if (!quiet)
		warnx("%s:%ld: header differs from the first file's; file "
		    "skipped", R->file, row->line);
	return -1;
}

/* A bit for a length: 63 stands for 63 and over. */
#define LENBIT(n) (1ULL << ((n) < 63 ? (n) : 63))

/* This file's header, and by the first byte of each of its names the
 * lengths of those names (the test that tells a data row from a header
 * at the cost of one look). */
void
sethdr(struct run *R, struct csvr_row *row)
{
	size_t i, n;
	unsigned char c;

	hdr_free(R->fh);
	R->fh = hdr_new(row->f, row->len, row->n);
	memset(R->hfirst, 0, sizeof(R->hfirst));
	for (i = 0; i < R->fh->n; i++) {
		c = (unsigned char)R->fh->key[i][0];
		n = strlen(R->fh->key[i]);
		R->hfirst[c] |= LENBIT(n);
		if (c >= 'a' && c <= 'z')
			R->hfirst[c - 32] |= LENBIT(n);
	}
}

/* Field i of a row, trimmed, without a byte-order mark at the start of
 * the first (files saved with one and joined by cat(1)). */
static void
hfield(struct csvr_row *row, size_t i, const char **s, size_t *n)
{
	*s = row->f[i];
	*n = row->len[i];
	if (i == 0 && *n >= 3 && memcmp(*s, "\xEF\xBB\xBF", 3) == 0) {
		*s += 3;
		*n -= 3;
	}
	trim(s, n);
}

/* Is the row this file's names in some other order? */
static int
permuted(struct run *R, struct csvr_row *row)
{
	const char *s;
	size_t i, j, n;
	char *used;

	/* Most rows that get here start with an id: one look at it. */
	hfield(row, 0, &s, &n);
	for (j = 0; j < R->fh->n && !strnieq(s, n, R->fh->key[j]); j++)
		;
	if (j == R->fh->n)
		return 0;
	used = xcalloc(row->n, 1);
	for (i = 0; i < row->n; i++) {
		hfield(row, i, &s, &n);
		for (j = 0; j < R->fh->n; j++)
			if (!used[j] && strnieq(s, n, R->fh->key[j]))
				break;
		if (j == R->fh->n)
			break;
		used[j] = 1;
	}
	free(used);
	return i == row->n;
}

/* A header line again: concatenated files. This file's names in its own
 * order are a repeated header, skipped. Its names in another order are
 * an error: that may be the header of a file joined on in another
 * column order, or data that happens to hold the names, and a guess
 * either way would put values in the wrong columns without a word.
 * Files in another order are read as separate files. */
int
isheader(struct run *R, struct csvr_row *row)
{
	const char *s;
	size_t i, n;

	if (row->n != R->fh->n)
		return 0;
	s = row->f[0];
	n = row->len[0];
	/* (trimmed only where an end is a blank, or a BOM may lead) */
	if (n == 0 || s[0] == ' ' || s[0] == '\t' || s[0] == '\xEF' ||
	    s[n - 1] == ' ' || s[n - 1] == '\t')
		hfield(row, 0, &s, &n);
	/* The usual case, a data row, is told by its first field's first
	 * byte and length: no name of the header starts so and is so long
	 * (and permuted() looks for the first field among the names). */
	if (!(R->hfirst[n ? (unsigned char)s[0] : 0] & LENBIT(n)))
		return 0;
	for (i = 0; i < row->n; i++) {
		hfield(row, i, &s, &n);
		if (!strnieq(s, n, R->fh->key[i]))
			break;
	}
	if (i == row->n)
		return 1;
	if (permuted(R, row)) {
		/* (a thread's part stops here: the main thread stops the run
		 * when it comes to it) */
		if (R->part) {
			part_add(R->part, P_STOP, (uint64_t)row->line, 0, 0, 0);
			return 1;
		}
		settle(R); /* the rows before it are written */
		permfail(R, row->line);
	}
	return 0;
}

void
permfail(const struct run *R, long line)
{
	errx(1, "%s:%ld: a row of the header's names in another order; "
	    "columns are reordered only at the start of a file, so give "
	    "csvclean the files one by one, not joined by cat(1)", R->file,
	    line);
}
