/* csvclean: the data-quality report (--report FILE). Per force and
 * month: the rows read, written, rejected and dropped as duplicates, the
 * rows without a location or an LSOA, and the months with no rows at
 * all; per file and in total the same counts, which add up as --stats's
 * do. Memory grows with forces x months, never with rows. */
#include <err.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "csvclean.h"
#include "csvwrite.h"
#include "hset.h"
#include "round.h"
#include "text.h"

static const char *const rp_role[REP_NROLES] = { "force", "falls-within",
	"month", "longitude", "latitude", "location", "lsoa" };

/* The counts of a force-month, a file, or the whole run. */
struct rp_tally {
	long long read, written, rejected, dups, noloc, nolsoa;
};

/* A force as the rows name it: Reported by, and Falls within when the
 * profile names that column (a pair that differs is a force of its own). */
struct rp_group {
	char *force, *within;
	size_t fn, wn;
};

/* A force-month; month 0 is a month that could not be read. */
struct rp_cell {
	size_t g;
	int month;
	long file; /* the file its rows came from; -1 several */
	struct rp_tally t;
};

struct rp_file {
	char *name;
	struct rp_tally t;
	long long blank, headers;
	int first, last; /* months; 0 none */
	long long read0, blank0, headers0; /* the run's at its start */
};

/* An open-addressing table of indexes (+1; 0 is empty) by hash. */
struct rp_tab {
	size_t *slot, n;
};

struct report {
	char *path;  /* as given */
	char *to;    /* the file renamed over: a link's target */
	int direct;  /* not a regular file (a FIFO, /dev/null): no rename */
	mode_t mode; /* an existing file's, else what open(2) would give */
	long col[REP_NROLES];
	struct rp_group *g;
	size_t ng;
	struct rp_tab gt;
	struct rp_cell *c;
	size_t nc;
	struct rp_tab ct;
	struct rp_file *f;
	size_t nf;
	long long written, rejected, dups; /* the run's, after the last row */
	size_t lastg, lastc;
	int havelast;
	struct sbuf val[REP_NROLES]; /* values of a row that never loaded */
};

static uint64_t
rp_cellkey(size_t g, int month)
{
	return (uint64_t)g << 24 | (uint64_t)month;
}

static uint64_t
rp_ghash(const char *f, size_t fn, const char *w, size_t wn)
{
	return hash64(w, wn, hash64(f, fn, 1));
}

static uint64_t
rp_chash(size_t g, int month)
{
	uint64_t k = rp_cellkey(g, month);

	return hash64(&k, sizeof(k), 2);
}

/* Double the table (at half full) and put every entry back. */
static void
rp_grow(struct report *p, struct rp_tab *t, int cells)
{
	size_t n = t->n ? t->n * 2 : 64, i, k, e;
	size_t *s = xcalloc(n, sizeof(*s));
	uint64_t h;

	for (i = 0; i < t->n; i++) {
		if (!(e = t->slot[i]))
			continue;
		h = cells ? rp_chash(p->c[e - 1].g, p->c[e - 1].month) :
		    rp_ghash(p->g[e - 1].force, p->g[e - 1].fn,
		    p->g[e - 1].within, p->g[e - 1].wn);
		for (k = h & (n - 1); s[k]; k = (k + 1) & (n - 1))
			;
		s[k] = e;
	}
	free(t->slot);
	t->slot = s;
	t->n = n;
}

static size_t
rp_group(struct report *p, const char *f, size_t fn, const char *w,
    size_t wn)
{
	struct rp_group *g;
	uint64_t h;
	size_t k, e;

	if (2 * (p->ng + 1) > p->gt.n)
		rp_grow(p, &p->gt, 0);
	h = rp_ghash(f, fn, w, wn);
	for (k = h & (p->gt.n - 1); (e = p->gt.slot[k]);
	    k = (k + 1) & (p->gt.n - 1)) {
		g = &p->g[e - 1];
		if (g->fn == fn && g->wn == wn && memcmp(g->force, f, fn) == 0 &&
		    memcmp(g->within, w, wn) == 0)
			return e - 1;
	}
	p->g = xreallocarray(p->g, p->ng + 1, sizeof(*p->g));
	g = &p->g[p->ng];
	g->force = xstrndup(f, fn);
	g->within = xstrndup(w, wn);
	g->fn = fn;
	g->wn = wn;
	p->gt.slot[k] = ++p->ng;
	return p->ng - 1;
}

static size_t
rp_cell(struct report *p, size_t g, int month)
{
	struct rp_cell *c;
	size_t k, e;

	if (2 * (p->nc + 1) > p->ct.n)
		rp_grow(p, &p->ct, 1);
	for (k = rp_chash(g, month) & (p->ct.n - 1); (e = p->ct.slot[k]);
	    k = (k + 1) & (p->ct.n - 1))
		if (p->c[e - 1].g == g && p->c[e - 1].month == month)
			return e - 1;
	p->c = xreallocarray(p->c, p->nc + 1, sizeof(*p->c));
	c = &p->c[p->nc];
	memset(c, 0, sizeof(*c));
	c->g = g;
	c->month = month;
	c->file = (long)p->nf - 1;
	p->ct.slot[k] = ++p->nc;
	return p->nc - 1;
}

/* "2016-09", or a day of it ("2016-09-03", with a time after it): the
 * month as year * 12 + month - 1; 0 for anything else, a day that does
 * not exist (2016-02-30) included. */
static int
rp_month(const char *s, size_t n)
{
	static const char shape[] = "dddd-dd-dd";
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
		30, 31 };
	int y, m, d;
	size_t i, len = n == 7 ? 7 : 10;

	if (n < 7 || (n > 7 && n < 10) || (n > 10 && s[10] != ' ' &&
	    s[10] != 'T'))
		return 0;
	for (i = 0; i < len; i++)
		if (shape[i] == 'd' ? s[i] < '0' || s[i] > '9' : s[i] != '-')
			return 0;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	    s[3] - '0';
	m = (s[5] - '0') * 10 + s[6] - '0';
	if (y < 1 || m < 1 || m > 12)
		return 0;
	if (len == 10) {
		d = (s[8] - '0') * 10 + s[9] - '0';
		if (d < 1 || d > mdays[m - 1] || (m == 2 && d == 29 &&
		    (y % 4 != 0 || (y % 100 == 0 && y % 400 != 0))))
			return 0;
	}
	return y * 12 + m - 1;
}

static void
rp_monthstr(char *buf, size_t size, int month)
{
	if (month > 0)
		snprintf(buf, size, "%04d-%02d", month / 12, month % 12 + 1);
	else
		buf[0] = '\0';
}

/* A value of a row that never loaded (rejected as ragged, too long, not
 * UTF-8 ...), read from the row as it came: trimmed, recoded with -e,
 * each byte that is not UTF-8 (and each NUL) a U+FFFD. */
static void
rp_raw(struct run *R, struct csvr_row *row, long ci, struct sbuf *b)
{
	const char *s;
	size_t n, src, bad;
	long k;

	b->len = 0;
	src = R->perm ? (size_t)R->perm[ci] : (size_t)ci;
	if (row->err != CSVR_OK || src >= row->n)
		return;
	s = row->f[src];
	n = row->len[src];
	if (!R->opt->notrim)
		trim(&s, &n);
	if (R->rc && !text_ascii(s, n) && recode(R->rc, s, n, b, &bad) == 0)
		return;
	b->len = 0;
	while (n > 0) {
		k = utf8_bad(s, n);
		if (k < 0)
			k = (long)n;
		if (memchr(s, '\0', (size_t)k))
			k = (const char *)memchr(s, '\0', (size_t)k) - s;
		sb_add(b, s, (size_t)k);
		if ((size_t)k == n)
			break;
		sb_add(b, "\xEF\xBF\xBD", 3);
		s += k + 1;
		n -= (size_t)k + 1;
	}
}

/* The row's value of a role (empty when the profile names no column). */
static void
rp_value(struct report *p, struct run *R, struct csvr_row *row, int role,
    const char **s, size_t *n)
{
	long ci = p->col[role];

	*s = "";
	*n = 0;
	if (ci < 0)
		return;
	if (R->loaded) {
		*s = R->v[ci];
		*n = R->vn[ci];
		return;
	}
	rp_raw(R, row, ci, &p->val[role]);
	*s = p->val[role].s ? p->val[role].s : "";
	*n = p->val[role].len;
}

static int
rp_haveloc(const struct report *p)
{
	return p->col[REP_LON] >= 0 || p->col[REP_LAT] >= 0 ||
	    p->col[REP_LOC] >= 0;
}

/* No location: no longitude or latitude, or police.uk's "No Location". */
static int
rp_noloc(struct report *p, struct run *R, struct csvr_row *row)
{
	const char *s;
	size_t n;
	int r;

	for (r = REP_LON; r <= REP_LOC; r++) {
		if (p->col[r] < 0)
			continue;
		rp_value(p, R, row, r, &s, &n);
		if (n == 0 || (r == REP_LOC && strnieq(s, n, "No Location")))
			return 1;
	}
	return 0;
}

/* The force-month a row counts toward. Rows come in runs of one force
 * and month: the last one is tried first. */
static size_t
rp_find(struct report *p, struct run *R, struct csvr_row *row)
{
	const char *f, *w, *m;
	size_t fn, wn, mn, g;
	int month;
	struct rp_group *lg;

	rp_value(p, R, row, REP_FORCE, &f, &fn);
	rp_value(p, R, row, REP_WITHIN, &w, &wn);
	rp_value(p, R, row, REP_MONTH, &m, &mn);
	month = rp_month(m, mn);
	if (p->havelast) {
		lg = &p->g[p->lastg];
		if (lg->fn == fn && lg->wn == wn && memcmp(lg->force, f, fn) ==
		    0 && memcmp(lg->within, w, wn) == 0) {
			if (p->c[p->lastc].month == month)
				return p->lastc;
			return p->lastc = rp_cell(p, p->lastg, month);
		}
	}
	g = rp_group(p, f, fn, w, wn);
	p->lastg = g;
	p->havelast = 1;
	return p->lastc = rp_cell(p, g, month);
}

static void
rp_count(struct rp_tally *t, int outcome, int noloc, int nolsoa)
{
	t->read++;
	t->written += outcome == 0;
	t->rejected += outcome == 1;
	t->dups += outcome == 2;
	t->noloc += noloc;
	t->nolsoa += nolsoa;
}

/* After dorow(): which way the row went is told by the run's counts (a
 * blank row or a repeated header belongs to no force, only to its file). */
void
report_row(struct run *R, struct csvr_row *row)
{
	struct report *p = R->rep;
	struct rp_cell *c;
	struct rp_file *f = &p->f[p->nf - 1];
	const char *s;
	size_t n, ci;
	int outcome, noloc, nolsoa;

	if (R->written != p->written)
		outcome = 0;
	else if (R->rejected != p->rejected)
		outcome = 1;
	else if (R->dups != p->dups)
		outcome = 2;
	else
		return;
	p->written = R->written;
	p->rejected = R->rejected;
	p->dups = R->dups;
	ci = rp_find(p, R, row); /* it may move p->c */
	c = &p->c[ci];
	noloc = rp_noloc(p, R, row);
	rp_value(p, R, row, REP_LSOA, &s, &n);
	nolsoa = p->col[REP_LSOA] >= 0 && n == 0;
	rp_count(&c->t, outcome, noloc, nolsoa);
	rp_count(&f->t, outcome, noloc, nolsoa);
	if (c->file != (long)p->nf - 1)
		c->file = -1;
	if (c->month > 0 && (!f->first || c->month < f->first))
		f->first = c->month;
	if (c->month > f->last)
		f->last = c->month;
}

/* The counts kept by the run alone (blank rows, repeated headers, all
 * rows read) for the file being read, up to now. */
static void
rp_closefile(struct report *p, const struct run *R)
{
	struct rp_file *f;

	if (p->nf == 0)
		return;
	f = &p->f[p->nf - 1];
	f->t.read = R->read - f->read0;
	f->blank = R->blank - f->blank0;
	f->headers = R->headers - f->headers0;
}

/* A file begins (or could not be opened: it is named all the same). */
void
report_file(struct run *R, const char *name)
{
	struct report *p = R->rep;
	struct rp_file *f;

	rp_closefile(p, R);
	p->f = xreallocarray(p->f, p->nf + 1, sizeof(*p->f));
	f = &p->f[p->nf++];
	memset(f, 0, sizeof(*f));
	f->name = xstrdup(name);
	f->read0 = R->read;
	f->blank0 = R->blank;
	f->headers0 = R->headers;
	p->havelast = 0; /* a cell's file is told by the first row */
}

/* From the first header: the columns the roles name, which load() must
 * then load. A role's column missing is an error, as for any option. */
void
report_cols(struct run *R)
{
	char what[64];
	int r;

	for (r = 0; r < REP_NROLES; r++) {
		R->rep->col[r] = -1;
		if (!R->opt->repcol[r])
			continue;
		snprintf(what, sizeof(what), "--report-columns %s", rp_role[r]);
		R->rep->col[r] = needcol(R, R->opt->repcol[r], what);
	}
}

void
report_need(const struct run *R, char *need)
{
	int r;

	for (r = 0; r < REP_NROLES; r++)
		if (R->rep->col[r] >= 0)
			need[R->rep->col[r]] = 1;
}

/* --report-columns ROLE=COLUMN,...: each names the column of one role;
 * a later one for a role replaces the earlier. */
void
report_setcols(struct options *opt, const char *arg)
{
	const char *p = arg, *eq, *c;
	size_t n;
	int r;

	for (;;) {
		c = strchr(p, ',');
		n = c ? (size_t)(c - p) : strlen(p);
		eq = memchr(p, '=', n);
		for (r = 0; eq && r < REP_NROLES; r++)
			if (strlen(rp_role[r]) == (size_t)(eq - p) &&
			    memcmp(rp_role[r], p, (size_t)(eq - p)) == 0)
				break;
		if (!eq || r == REP_NROLES || eq + 1 == p + n) {
			warnx("--report-columns: '%.*s' is not ROLE=COLUMN "
			    "(roles: force, falls-within, month, longitude, "
			    "latitude, location, lsoa)", (int)n, p);
			usage(stderr, 2);
		}
		free(opt->repcol[r]);
		opt->repcol[r] = xstrndup(eq + 1, n - (size_t)(eq - p) - 1);
		if (!c)
			break;
		p = c + 1;
	}
}

/* The report must be none of the files read or written: path (NULL:
 * the standard input) by its name, or by its inode when the report
 * exists already (rs). */
static void
rp_notsame(const char *rpath, const struct stat *rs, const char *what,
    const char *path)
{
	struct stat st;

	if (path && strcmp(path, rpath) == 0)
		errx(2, "--report %s: is the %s", rpath, what);
	if (rs && (path ? stat(path, &st) : fstat(0, &st)) == 0 &&
	    rs->st_dev == st.st_dev && rs->st_ino == st.st_ino)
		errx(2, "--report %s: is the %s %s", rpath, what,
		    path ? path : "<stdin>");
}

/* Where the report will go, checked before any input is read: a
 * temporary file made and removed beside it, so that a folder that is
 * missing or not writable fails now, not after the whole run. */
static void
rp_target(struct report *p)
{
	struct stat st, lst;
	char tmp[PATH_MAX], *slash;
	mode_t um;
	int fd;

	p->to = NULL;
	um = umask(0);
	umask(um);
	p->mode = 0666 & ~um;
	if (stat(p->path, &st) == 0) {
		p->mode = st.st_mode & 07777;
		if (S_ISDIR(st.st_mode))
			errx(1, "--report %s: is a directory", p->path);
		if (!S_ISREG(st.st_mode)) {
			p->direct = 1;
			return;
		}
		if (lstat(p->path, &lst) == 0 && S_ISLNK(lst.st_mode) &&
		    !(p->to = realpath(p->path, NULL)))
			err(1, "--report %s", p->path);
	}
	if (!p->to)
		p->to = xstrdup(p->path);
	slash = strrchr(p->to, '/');
	if (snprintf(tmp, sizeof(tmp), "%.*s.%s.XXXXXX", slash ?
	    (int)(slash - p->to + 1) : 0, p->to, slash ? slash + 1 : p->to) >=
	    (int)sizeof(tmp))
		errx(1, "--report %s: path too long", p->path);
	if ((fd = mkstemp(tmp)) < 0)
		err(1, "--report %s", p->path);
	close(fd);
	unlink(tmp);
}

struct report *
report_new(const struct options *opt, int argc, char *argv[])
{
	struct report *p;
	struct stat rs, *have = NULL;
	int i;

	if (!opt->repcol[REP_MONTH]) {
		warnx("--report needs the columns to report on: "
		    "--report-columns month=COLUMN,... (or a profile that has "
		    "them, such as police-street)");
		usage(stderr, 2);
	}
	if (strcmp(opt->report, "-") == 0 && (!opt->out ||
	    strcmp(opt->out, "-") == 0))
		errx(2, "--report -: the standard output carries the rows "
		    "written; give -o FILE for them");
	if (strcmp(opt->report, "-") != 0) {
		if (stat(opt->report, &rs) == 0 && S_ISREG(rs.st_mode))
			have = &rs;
		if (opt->out && strcmp(opt->out, "-") != 0)
			rp_notsame(opt->report, have, "output file", opt->out);
		if (opt->rejects)
			rp_notsame(opt->report, have, "rejects file",
			    opt->rejects);
		if (argc == 0)
			rp_notsame(opt->report, have, "input file", NULL);
		for (i = 0; i < argc; i++)
			rp_notsame(opt->report, have, "input file",
			    strcmp(argv[i], "-") ? argv[i] : NULL);
	}
	p = xcalloc(1, sizeof(*p));
	p->path = xstrdup(opt->report);
	for (i = 0; i < REP_NROLES; i++)
		p->col[i] = -1;
	if (strcmp(p->path, "-") != 0)
		rp_target(p);
	return p;
}

/* A count and its share of the rows, in % to one decimal; both empty
 * when no column says, the share empty when there is no row. */
static void
rp_share(FILE *fp, long long k, long long read, int have)
{
	char buf[400];

	if (!have) {
		fputs(",,", fp);
		return;
	}
	if (read == 0) {
		fprintf(fp, ",%lld,", k);
		return;
	}
	round_fmt(buf, sizeof(buf), 100.0 * (double)k / (double)read, 1);
	fprintf(fp, ",%lld,%s", k, buf);
}

/* One line of the report; missing < 0 is not shown (a file's months are
 * not judged, only a force's). */
struct rp_line {
	const char *level, *file, *force, *within;
	int first, last;
	const struct rp_tally *t;
	long long blank, headers, missing;
};

static void
rp_put(FILE *fp, const struct report *p, const struct options *opt,
    const struct rp_line *l)
{
	char a[16], b[16], span[40];
	long long rows;

	rp_monthstr(a, sizeof(a), l->first);
	rp_monthstr(b, sizeof(b), l->last);
	snprintf(span, sizeof(span), "%s%s%s", a, l->last != l->first ?
	    ".." : "", l->last != l->first ? b : "");
	hname(opt, fp, l->level, 1);
	hname(opt, fp, l->file, 0);
	hname(opt, fp, l->force, 0);
	hname(opt, fp, l->within, 0);
	hname(opt, fp, span, 0);
	fprintf(fp, ",%lld,%lld,%lld,%lld,%lld,%lld", l->t->read,
	    l->t->written, l->t->rejected, l->t->dups, l->blank, l->headers);
	rows = l->t->read - l->blank - l->headers; /* the force's rows */
	rp_share(fp, l->t->noloc, rows, rp_haveloc(p));
	rp_share(fp, l->t->nolsoa, rows, p->col[REP_LSOA] >= 0);
	if (l->missing >= 0)
		fprintf(fp, ",%lld\n", l->missing);
	else
		fputs(",\n", fp);
}

static void
rp_add(struct rp_tally *to, const struct rp_tally *t)
{
	to->read += t->read;
	to->written += t->written;
	to->rejected += t->rejected;
	to->dups += t->dups;
	to->noloc += t->noloc;
	to->nolsoa += t->nolsoa;
}

static int
rp_cmpgroup(const void *a, const void *b)
{
	const struct rp_group *x = *(struct rp_group *const *)a;
	const struct rp_group *y = *(struct rp_group *const *)b;
	int r = strcmp(x->force, y->force);

	return r ? r : strcmp(x->within, y->within);
}

/* By force (its rank in c->g by then), then month, the unread month last. */
static int
rp_cmpcell(const void *a, const void *b)
{
	const struct rp_cell *x = a, *y = b;
	unsigned mx = (unsigned)x->month - 1, my = (unsigned)y->month - 1;

	if (x->g != y->g)
		return x->g < y->g ? -1 : 1;
	return mx < my ? -1 : mx > my;
}

/* Sort the forces and their months; the first and last month read. The
 * tables are of no more use: cells name their force by its rank. */
static struct rp_group **
rp_sort(struct report *p, int *first, int *last)
{
	struct rp_group **gs = xcalloc(p->ng + 1, sizeof(*gs));
	size_t *rank = xcalloc(p->ng + 1, sizeof(*rank)), i;

	for (i = 0; i < p->ng; i++)
		gs[i] = &p->g[i];
	if (p->ng > 0)
		qsort(gs, p->ng, sizeof(*gs), rp_cmpgroup);
	for (i = 0; i < p->ng; i++)
		rank[gs[i] - p->g] = i;
	*first = *last = 0;
	for (i = 0; i < p->nc; i++) {
		p->c[i].g = rank[p->c[i].g];
		if (p->c[i].month > 0 && (!*first || p->c[i].month < *first))
			*first = p->c[i].month;
		if (p->c[i].month > *last)
			*last = p->c[i].month;
	}
	if (p->nc > 0)
		qsort(p->c, p->nc, sizeof(*p->c), rp_cmpcell);
	free(rank);
	return gs;
}

/* A force as the messages name it. */
static void
rp_name(const struct rp_group *g, struct sbuf *b)
{
	b->len = 0;
	sb_adds(b, *g->force ? g->force : "(no force)");
	if (*g->within && strcmp(g->within, g->force) != 0) {
		sb_adds(b, " (falls within ");
		sb_adds(b, g->within);
		sb_adds(b, ")");
	}
}

/* The state of one force's lines: its total, its gaps. */
struct rp_force {
	FILE *fp;
	struct report *p;
	const struct options *opt;
	const struct rp_group *g;
	struct rp_tally sum;
	struct sbuf gaps; /* for the message */
	long long missing, ngaps;
};

/* Months a to b without a row of the force: one "missing" line (its
 * month a span when the gap is longer than a month), so that the report
 * grows with the months that have rows, not with the run's span. */
static void
rp_gap(struct rp_force *F, int a, int b)
{
	struct rp_tally zero = { 0 };
	struct rp_line l = { "missing", "", F->g->force, F->g->within, a, b,
		&zero, 0, 0, b - a + 1 };
	char m[16];

	rp_put(F->fp, F->p, F->opt, &l);
	F->missing += b - a + 1;
	if (F->ngaps++ == 12) {
		sb_adds(&F->gaps, ", ...");
		return;
	}
	if (F->ngaps > 12)
		return;
	sb_adds(&F->gaps, F->ngaps > 1 ? ", " : "");
	rp_monthstr(m, sizeof(m), a);
	sb_adds(&F->gaps, m);
	if (b > a) {
		rp_monthstr(m, sizeof(m), b);
		sb_adds(&F->gaps, "..");
		sb_adds(&F->gaps, m);
	}
}

static void
rp_month1(struct rp_force *F, const struct rp_cell *c)
{
	struct rp_line l = { "month", c->file >= 0 ? F->p->f[c->file].name :
		"", F->g->force, F->g->within, c->month, c->month, &c->t, 0, 0,
		0 };

	rp_put(F->fp, F->p, F->opt, &l);
	rp_add(&F->sum, &c->t);
}

/* One force, the gi-th: its months in order, each gap between the run's
 * first month and its last a "missing" line (and said on the standard
 * error); the month that could not be read; then its total. */
static void
rp_force(FILE *fp, struct report *p, const struct options *opt,
    const struct rp_group *g, size_t gi, size_t *i, int first, int last,
    long long *missing)
{
	struct rp_force F = { fp, p, opt, g, { 0 }, { 0 }, 0, 0 };
	struct rp_line l;
	struct sbuf name = { 0 };
	char a[16], b[16];
	int prev = first - 1, gfirst = 0, glast = 0;

	for (; *i < p->nc && p->c[*i].g == gi && p->c[*i].month > 0; (*i)++) {
		if (p->c[*i].month > prev + 1)
			rp_gap(&F, prev + 1, p->c[*i].month - 1);
		rp_month1(&F, &p->c[*i]);
		prev = glast = p->c[*i].month;
		gfirst = gfirst ? gfirst : prev;
	}
	if (first && last > prev)
		rp_gap(&F, prev + 1, last);
	if (F.missing > 0) {
		rp_name(g, &name);
		rp_monthstr(a, sizeof(a), first);
		rp_monthstr(b, sizeof(b), last);
		warnx("--report: %s has no rows in %lld of the months %s..%s: "
		    "%s", name.s, F.missing, a, b, F.gaps.s);
	}
	sb_free(&F.gaps);
	sb_free(&name);
	if (*i < p->nc && p->c[*i].g == gi) /* the month not read */
		rp_month1(&F, &p->c[(*i)++]);
	l = (struct rp_line){ "force", "", g->force, g->within, gfirst, glast,
	    &F.sum, 0, 0, F.missing };
	rp_put(fp, p, opt, &l);
	*missing += F.missing;
}

static void
rp_lines(FILE *fp, struct report *p, const struct run *R)
{
	const struct options *opt = R->opt;
	struct rp_group **gs;
	struct rp_tally all = { 0 };
	struct rp_line l;
	struct rp_file *f;
	long long missing = 0;
	size_t i, k = 0;
	int first, last;

	gs = rp_sort(p, &first, &last);
	if (opt->excel)
		fputs(CSVW_BOM, fp);
	fputs("level,file,force,falls_within,month,read,written,rejected,"
	    "duplicates,blank,headers,no_location,no_location_pct,no_lsoa,"
	    "no_lsoa_pct,months_missing\n", fp);
	for (i = 0; i < p->ng; i++)
		rp_force(fp, p, opt, gs[i], i, &k, first, last, &missing);
	for (i = 0; i < p->nf; i++) {
		f = &p->f[i];
		l = (struct rp_line){ "file", f->name, "", "", f->first,
		    f->last, &f->t, f->blank, f->headers, -1 };
		rp_put(fp, p, opt, &l);
		all.noloc += f->t.noloc;
		all.nolsoa += f->t.nolsoa;
	}
	all.read = R->read;
	all.written = R->written;
	all.rejected = R->rejected;
	all.dups = R->dups;
	l = (struct rp_line){ "total", "", "", "", first, last, &all,
	    R->blank, R->headers, missing };
	rp_put(fp, p, opt, &l);
	free(gs);
}

/* Write the report whole: into a temporary file renamed over FILE, or
 * straight into what is not a regular file. 0, or 1 (warned). */
int
report_write(struct run *R)
{
	struct report *p = R->rep;
	char tmp[PATH_MAX], *slash;
	FILE *fp;
	int fd, ret;

	rp_closefile(p, R);
	if (strcmp(p->path, "-") == 0) {
		rp_lines(stdout, p, R);
		return fshut(stdout, "<stdout>");
	}
	if (p->direct) {
		if (!(fp = fopen(p->path, "w"))) {
			warn("--report %s", p->path);
			return 1;
		}
		rp_lines(fp, p, R);
		return fshut(fp, p->path);
	}
	slash = strrchr(p->to, '/');
	snprintf(tmp, sizeof(tmp), "%.*s.%s.XXXXXX", slash ?
	    (int)(slash - p->to + 1) : 0, p->to, slash ? slash + 1 : p->to);
	if ((fd = mkstemp(tmp)) < 0 || !(fp = fdopen(fd, "w"))) {
		warn("--report %s", p->path);
		if (fd >= 0) {
			close(fd);
			unlink(tmp);
		}
		return 1;
	}
	fchmod(fd, p->mode); /* mkstemp makes 0600 */
	rp_lines(fp, p, R);
	ret = fshut(fp, p->path);
	if (!ret && rename(tmp, p->to) != 0) {
		warn("--report %s", p->path);
		ret = 1;
	}
	if (ret)
		unlink(tmp);
	return ret;
}

void
report_free(struct report *p)
{
	size_t i;

	if (!p)
		return;
	for (i = 0; i < p->ng; i++) {
		free(p->g[i].force);
		free(p->g[i].within);
	}
	for (i = 0; i < p->nf; i++)
		free(p->f[i].name);
	for (i = 0; i < REP_NROLES; i++)
		sb_free(&p->val[i]);
	free(p->g);
	free(p->c);
	free(p->f);
	free(p->gt.slot);
	free(p->ct.slot);
	free(p->path);
	free(p->to);
	free(p);
}
