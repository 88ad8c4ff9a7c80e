/* csvclean: turn a partner extract into clean, canonical CSV. */
#include <err.h>
#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "csvq.h"
#include "csvread.h"
#include "csvwrite.h"
#include "date.h"
#include "header.h"
#include "hset.h"
#include "input.h"
#include "num.h"
#include "output.h"
#include "rx.h"
#include "text.h"
#include "util.h"

enum { OP_DATE, OP_NUMBER, OP_MAP, OP_DERIVE, OP_SET, OP_REDACT, OP_REQUIRE };
enum { RED_BLANK, RED_SECTOR, RED_MASK };

/* One transformation; they run in the order given. */
struct op {
	int kind;
	char *col;          /* the column read (DERIVE: the source) */
	char *dst;          /* DERIVE, SET: the column written */
	char **fmt;         /* DATE */
	size_t nfmt;
	int deffmt;
	struct rx *rx;      /* MAP, DERIVE */
	char *repl;
	int global;
	char *value;        /* SET */
	int mode;           /* REDACT */
	long ci, di;
	struct memo *memo;  /* DATE, MAP, DERIVE */
};

static struct {
	int delim, verbose, stats, pad, join, notrim, snake, usdates, safe;
	int deduprows;
	char *enc, *out, *rejects;
	long long maxrej;
	double maxrejpct;
	size_t maxfield;
	char **rename, **select;
	size_t nrename, nselect;
	char *dedup;
	struct op *ops;
	size_t nops;
} opt = { .maxfield = 1 << 20, .maxrejpct = -1 };

/* Default date formats, UK day-first; --us-dates swaps day and month. */
static const char *const ukfmt[] = { "%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y",
	"%d-%m-%Y", "%d.%m.%Y", "%Y-%m", "%Y/%m/%d", "%b %Y", "%B %Y",
	"%b-%y", "%b-%Y", "%d %b %Y", "%d %B %Y", "%d-%b-%Y", "%d-%b-%y",
	"%Y", "%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S", "%Y-%m-%d %H:%M",
	"%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M" };

struct run {
	FILE *out, *rej;
	const char *file;
	struct hdr *h0;     /* the first file's header */
	struct hdr *fh;     /* this file's header */
	size_t w;           /* input width (the first file's) */
	size_t ww;          /* working width: input plus new columns */
	char **name;        /* working column names */
	long *perm;         /* this file's column for each first-file column */
	long *sel;
	size_t nsel;
	long dedupi;
	const char *idp;    /* the id whose hash is idh */
	size_t idn;
	uint64_t idh;
	struct hset *ids, *rows;
	struct recode *rc;
	const char **v;     /* working values */
	size_t *vn;
	struct sbuf *vb, tmp, line;
	long long read, written, rejected, dups, blank, headers;
	int status, delim;
};

static void
usage(FILE *fp, int status)
{
	fputs("usage: csvclean [-v] [-d delim] [-e encoding] [-o file] "
	    "[-p profile] [--stats]\n"
	    "                [--rejects file] [--max-rejects n[%]] "
	    "[--max-field bytes]\n"
	    "                [--pad | --join-extra] [--no-trim] [--snake] "
	    "[--rename old=new,...]\n"
	    "                [--select col,...] [--date col[=fmt|...]] "
	    "[--us-dates]\n"
	    "                [--number col,...] [--map 'col/regex/repl/[g]']\n"
	    "                [--derive 'new=col[/regex/repl/[g]]'] "
	    "[--set new=value]\n"
	    "                [--require col,...] [--dedup col] [--dedup-rows]\n"
	    "                [--redact col[=blank|sector|mask]] [--safe-cells] "
	    "[file ...]\n", fp);
	exit(status);
}

enum {
	O_STATS = 256, O_REJECTS, O_MAXREJ, O_MAXFIELD, O_PAD, O_JOIN,
	O_NOTRIM, O_SNAKE, O_RENAME, O_SELECT, O_DATE, O_USDATES, O_NUMBER,
	O_MAP, O_DERIVE, O_SET, O_REQUIRE, O_DEDUP, O_DEDUPROWS, O_REDACT,
	O_SAFE, O_VERSION
};

static const struct option longopts[] = {
	{ "delimiter", required_argument, NULL, 'd' },
	{ "derive", required_argument, NULL, O_DERIVE },
	{ "date", required_argument, NULL, O_DATE },
	{ "dedup", required_argument, NULL, O_DEDUP },
	{ "dedup-rows", no_argument, NULL, O_DEDUPROWS },
	{ "encoding", required_argument, NULL, 'e' },
	{ "help", no_argument, NULL, 'h' },
	{ "join-extra", no_argument, NULL, O_JOIN },
	{ "map", required_argument, NULL, O_MAP },
	{ "max-field", required_argument, NULL, O_MAXFIELD },
	{ "max-rejects", required_argument, NULL, O_MAXREJ },
	{ "no-trim", no_argument, NULL, O_NOTRIM },
	{ "number", required_argument, NULL, O_NUMBER },
	{ "output", required_argument, NULL, 'o' },
	{ "pad", no_argument, NULL, O_PAD },
	{ "profile", required_argument, NULL, 'p' },
	{ "redact", required_argument, NULL, O_REDACT },
	{ "rejects", required_argument, NULL, O_REJECTS },
	{ "rename", required_argument, NULL, O_RENAME },
	{ "require", required_argument, NULL, O_REQUIRE },
	{ "safe-cells", no_argument, NULL, O_SAFE },
	{ "select", required_argument, NULL, O_SELECT },
	{ "set", required_argument, NULL, O_SET },
	{ "snake", no_argument, NULL, O_SNAKE },
	{ "stats", no_argument, NULL, O_STATS },
	{ "us-dates", no_argument, NULL, O_USDATES },
	{ "verbose", no_argument, NULL, 'v' },
	{ "version", no_argument, NULL, O_VERSION },
	{ NULL, 0, NULL, 0 }
};

static void
bad(const char *what, const char *arg)
{
	warnx("%s: invalid value '%s'", what, arg);
	usage(stderr, 2);
}

/* Split a comma-separated list onto the end of *v. */
static void
addlist(char ***v, size_t *n, const char *arg)
{
	const char *p = arg, *c;

	for (;;) {
		c = strchr(p, ',');
		*v = xreallocarray(*v, *n + 1, sizeof(**v));
		(*v)[(*n)++] = c ? xstrndup(p, (size_t)(c - p)) : xstrdup(p);
		if (!c)
			break;
		p = c + 1;
	}
}

static struct op *
newop(int kind, const char *col)
{
	struct op *o;

	opt.ops = xreallocarray(opt.ops, opt.nops + 1, sizeof(*opt.ops));
	o = &opt.ops[opt.nops++];
	memset(o, 0, sizeof(*o));
	o->kind = kind;
	o->col = col ? xstrdup(col) : NULL;
	o->ci = o->di = -1;
	return o;
}

/* Take the next '/'-delimited part of *p ('\/' is a slash). */
static char *
part(const char **p)
{
	struct sbuf b = { 0 };
	const char *s = *p;

	for (; *s && *s != '/'; s++) {
		if (*s == '\\' && s[1] == '/')
			s++;
		sb_addc(&b, *s);
	}
	if (*s != '/') {
		sb_free(&b);
		return NULL;
	}
	*p = s + 1;
	sb_add(&b, "", 0);
	return b.s;
}

/* "/regex/repl/[g]" after a column name. */
static int
parsesubst(struct op *o, const char *p, const char *what)
{
	char *re, *repl;

	if (*p++ != '/' || !(re = part(&p)))
		return -1;
	if (!(repl = part(&p))) {
		free(re);
		return -1;
	}
	if (*p && strcmp(p, "g") != 0) {
		free(re);
		free(repl);
		return -1;
	}
	o->global = *p == 'g';
	o->rx = rx_new(re, strlen(re), what);
	o->repl = repl;
	free(re);
	return 0;
}

static void
opt_map(const char *arg)
{
	const char *slash = strchr(arg, '/');
	char *col;
	struct op *o;

	if (!slash || slash == arg)
		bad("--map", arg);
	col = xstrndup(arg, (size_t)(slash - arg));
	o = newop(OP_MAP, col);
	free(col);
	if (parsesubst(o, slash, "--map") != 0)
		bad("--map", arg);
}

static void
opt_derive(const char *arg)
{
	const char *eq = strchr(arg, '='), *slash;
	char *col;
	struct op *o;

	if (!eq || eq == arg || !eq[1])
		bad("--derive", arg);
	slash = strchr(eq + 1, '/');
	col = slash ? xstrndup(eq + 1, (size_t)(slash - eq - 1)) :
	    xstrdup(eq + 1);
	o = newop(OP_DERIVE, col);
	free(col);
	o->dst = xstrndup(arg, (size_t)(eq - arg));
	if (slash && parsesubst(o, slash, "--derive") != 0)
		bad("--derive", arg);
}

static void
opt_date(const char *arg)
{
	const char *eq = strchr(arg, '='), *p, *bar;
	char *col = eq ? xstrndup(arg, (size_t)(eq - arg)) : xstrdup(arg);
	struct op *o = newop(OP_DATE, col);

	free(col);
	if (!eq) {
		o->deffmt = 1;
		return;
	}
	for (p = eq + 1;; p = bar + 1) {
		bar = strchr(p, '|');
		o->fmt = xreallocarray(o->fmt, o->nfmt + 1, sizeof(*o->fmt));
		o->fmt[o->nfmt++] = bar ? xstrndup(p, (size_t)(bar - p)) :
		    xstrdup(p);
		if (!bar)
			break;
	}
}

static void
opt_redact(const char *arg)
{
	const char *eq = strchr(arg, '=');
	char *col = eq ? xstrndup(arg, (size_t)(eq - arg)) : xstrdup(arg);
	struct op *o = newop(OP_REDACT, col);

	free(col);
	if (!eq || strcmp(eq + 1, "blank") == 0)
		o->mode = RED_BLANK;
	else if (strcmp(eq + 1, "sector") == 0)
		o->mode = RED_SECTOR;
	else if (strcmp(eq + 1, "mask") == 0)
		o->mode = RED_MASK;
	else
		bad("--redact", arg);
}

static void
opt_each(int kind, const char *arg)
{
	char **v = NULL;
	size_t n = 0, i;

	addlist(&v, &n, arg);
	for (i = 0; i < n; i++) {
		newop(kind, v[i]);
		free(v[i]);
	}
	free(v);
}

static void
opt_maxrej(const char *arg)
{
	char *end;
	double d;

	errno = 0;
	d = strtod(arg, &end);
	if (errno || end == arg || d < 0 || (*end && strcmp(end, "%") != 0))
		bad("--max-rejects", arg);
	/* The last one given wins, a count or a percentage. */
	if (*end == '%') {
		opt.maxrejpct = d;
	} else {
		opt.maxrej = (long long)d;
		opt.maxrejpct = -1;
	}
}

static void setopt(int c, const char *arg);

/* A profile: csvclean's long options one per line, without the "--",
 * the value after the first space; '#' starts a comment line. */
static void
profile(const char *name)
{
	char path[4096], *line = NULL, *sp, *s, *e;
	const char *dirs = getenv("SAPIPE_PROFILES"), *d;
	const struct option *lo;
	size_t cap = 0, n;
	FILE *fp = NULL;
	long lineno = 0;

	if (strchr(name, '/')) {
		fp = fopen(name, "r");
		snprintf(path, sizeof(path), "%s", name);
	}
	for (d = dirs; !fp && d && *d; d = sp ? sp + 1 : NULL) {
		sp = strchr(d, ':');
		n = sp ? (size_t)(sp - d) : strlen(d);
		snprintf(path, sizeof(path), "%.*s/%s", (int)n, d, name);
		fp = fopen(path, "r");
	}
	if (!fp && !strchr(name, '/')) {
		snprintf(path, sizeof(path), "%s/profiles/%s", SHAREDIR, name);
		fp = fopen(path, "r");
	}
	if (!fp)
		errx(2, "profile '%s' not found (looked in $SAPIPE_PROFILES "
		    "and %s/profiles)", name, SHAREDIR);
	while (getline(&line, &cap, fp) > 0) {
		lineno++;
		for (s = line; *s == ' ' || *s == '\t'; s++)
			;
		e = s + strlen(s);
		while (e > s && (e[-1] == '\n' || e[-1] == '\r' ||
		    e[-1] == ' ' || e[-1] == '\t'))
			*--e = '\0';
		if (!*s || *s == '#')
			continue;
		if ((sp = strpbrk(s, " \t"))) {
			*sp++ = '\0';
			while (*sp == ' ' || *sp == '\t')
				sp++;
		}
		for (lo = longopts; lo->name; lo++)
			if (strcmp(lo->name, s) == 0)
				break;
		if (!lo->name || lo->val == 'h' || lo->val == O_VERSION ||
		    (lo->has_arg == required_argument && (!sp || !*sp)) ||
		    (lo->has_arg == no_argument && sp && *sp))
			errx(2, "%s:%ld: bad option line '%s'", path, lineno,
			    s);
		setopt(lo->val, sp);
	}
	free(line);
	fclose(fp);
}

static void
setopt(int c, const char *arg)
{
	struct recode *rc = NULL;
	char *end;

	switch (c) {
	case 'd':
		if (strcmp(arg, "tab") == 0 || strcmp(arg, "\\t") == 0)
			opt.delim = '\t';
		else if (strlen(arg) == 1 && strchr(",;\t|", *arg))
			opt.delim = *arg;
		else
			bad("-d", arg);
		break;
	case 'e':
		if (strcasecmp(arg, "utf-8") == 0 || strcasecmp(arg, "utf8") == 0)
			{ free(opt.enc); opt.enc = NULL; }
		else if (!(rc = recode_new(arg)))
			bad("-e", arg);
		else
			opt.enc = xstrdup(arg); /* a profile's line is reused */
		recode_free(rc);
		break;
	case 'o': opt.out = xstrdup(arg); break;
	case 'p': profile(arg); break;
	case 'v': opt.verbose = 1; break;
	case O_STATS: opt.stats = 1; break;
	case O_REJECTS: opt.rejects = xstrdup(arg); break;
	case O_MAXREJ: opt_maxrej(arg); break;
	case O_MAXFIELD:
		errno = 0;
		opt.maxfield = strtoul(arg, &end, 10);
		if (errno || *end || opt.maxfield == 0 || *arg == '-')
			bad("--max-field", arg);
		break;
	case O_PAD: opt.pad = 1; break;
	case O_JOIN: opt.join = 1; break;
	case O_NOTRIM: opt.notrim = 1; break;
	case O_SNAKE: opt.snake = 1; break;
	case O_RENAME: addlist(&opt.rename, &opt.nrename, arg); break;
	case O_SELECT: addlist(&opt.select, &opt.nselect, arg); break;
	case O_DATE: opt_date(arg); break;
	case O_USDATES: opt.usdates = 1; break;
	case O_NUMBER: opt_each(OP_NUMBER, arg); break;
	case O_MAP: opt_map(arg); break;
	case O_DERIVE: opt_derive(arg); break;
	case O_SET:
		if (!strchr(arg, '=') || *arg == '=')
			bad("--set", arg);
		newop(OP_SET, NULL)->dst = xstrndup(arg, strcspn(arg, "="));
		opt.ops[opt.nops - 1].value = xstrdup(strchr(arg, '=') + 1);
		break;
	case O_REQUIRE: opt_each(OP_REQUIRE, arg); break;
	case O_DEDUP: free(opt.dedup); opt.dedup = xstrdup(arg); break;
	case O_DEDUPROWS: opt.deduprows = 1; break;
	case O_REDACT: opt_redact(arg); break;
	case O_SAFE: opt.safe = 1; break;
	case O_VERSION: version(); break;
	case 'h': usage(stdout, 0); break;
	default: usage(stderr, 2);
	}
}

/* Guess the delimiter from the first lines: the candidate found the same
 * nonzero number of times on the most lines, outside quotes. */
static int
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

static const char *
delimname(int d)
{
	return d == '\t' ? "TAB" : d == ',' ? "','" : d == ';' ? "';'" : "'|'";
}

/* Header names: trimmed, inner space runs made one space; snake_case on
 * request. */
static char *
normname(const char *s, size_t n)
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
			sb_addc(&b, opt.snake ? '_' : ' ');
		sp = 0;
		if (opt.snake && c < 0x80 && !(c >= 'a' && c <= 'z') &&
		    !(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9')) {
			if (b.len && b.s[b.len - 1] != '_')
				sb_addc(&b, '_');
			continue;
		}
		sb_addc(&b, opt.snake && c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	while (opt.snake && b.len && b.s[b.len - 1] == '_')
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

static long
needcol(struct run *R, const char *name, const char *what)
{
	long i = colfind(R, name, R->ww);

	if (i < 0)
		errx(1, "%s: %s: no column '%s' in the header", R->file, what,
		    name);
	return i;
}

static const char *const opname[] = { "--date", "--number", "--map",
	"--derive", "--set", "--redact", "--require" };

/* Name the columns: normalise, rename, append derived ones, resolve every
 * option's columns. */
static void
setup(struct run *R, struct csvr_row *row)
{
	size_t i, k;
	long j, first;
	struct op *o;
	struct hdr tmp;

	R->w = R->ww = row->n;
	R->name = xcalloc(row->n, sizeof(*R->name));
	for (i = 0; i < row->n; i++) {
		if (!opt.enc && utf8_bad(row->f[i], row->len[i]) >= 0)
			errx(1, "%s:%ld: header column %zu is not UTF-8 "
			    "(try -e cp1252)", R->file, row->line, i + 1);
		R->name[i] = normname(row->f[i], row->len[i]);
		if (opt.enc) {
			if (recode(R->rc, R->name[i], strlen(R->name[i]),
			    &R->tmp, &k) != 0)
				errx(1, "%s:%ld: header column %zu: byte 0x%02X "
				    "is not %s", R->file, row->line, i + 1,
				    (unsigned char)R->name[i][k], opt.enc);
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
	for (i = 0; i < opt.nrename; i++) {
		char *eq = strchr(opt.rename[i], '=');

		if (!eq)
			errx(2, "--rename: '%s' is not OLD=NEW", opt.rename[i]);
		*eq = '\0';
		j = needcol(R, opt.rename[i], "--rename");
		free(R->name[j]);
		R->name[j] = xstrdup(eq + 1);
		*eq = '=';
	}
	tmp.n = R->w;
	tmp.key = R->name;
	for (i = 0; i < R->w; i++)
		tmp.key[i] = R->name[i];
	tmp.key = xcalloc(R->w, sizeof(char *));
	for (i = 0; i < R->w; i++)
		tmp.key[i] = hdr_norm(R->name[i], strlen(R->name[i]));
	if ((j = hdr_dup(&tmp, &first)) >= 0)
		errx(1, "%s:%ld: column %ld '%s' repeats column %ld's name "
		    "(use --rename)", R->file, row->line, j + 1, R->name[j],
		    first + 1);
	for (i = 0; i < R->w; i++)
		free(tmp.key[i]);
	free(tmp.key);
	for (k = 0; k < opt.nops; k++) {
		o = &opt.ops[k];
		if (o->col)
			o->ci = needcol(R, o->col, opname[o->kind]);
		if (o->dst && (o->di = colfind(R, o->dst, R->ww)) < 0) {
			R->name = xreallocarray(R->name, R->ww + 1,
			    sizeof(*R->name));
			R->name[R->ww] = xstrdup(o->dst);
			o->di = (long)R->ww++;
		} else if (o->dst && o->kind == OP_DERIVE)
			errx(1, "%s:%ld: --derive: the header already has a "
			    "column '%s'", R->file, row->line, o->dst);
	}
	R->dedupi = opt.dedup ? needcol(R, opt.dedup, "--dedup") : -1;
	if (opt.nselect) {
		R->nsel = opt.nselect;
		R->sel = xcalloc(R->nsel, sizeof(*R->sel));
		for (i = 0; i < R->nsel; i++)
			R->sel[i] = needcol(R, opt.select[i], "--select");
	} else {
		R->nsel = R->ww;
		R->sel = xcalloc(R->nsel, sizeof(*R->sel));
		for (i = 0; i < R->nsel; i++)
			R->sel[i] = (long)i;
	}
	R->v = xcalloc(R->ww, sizeof(*R->v));
	R->vn = xcalloc(R->ww, sizeof(*R->vn));
	R->vb = xcalloc(R->ww, sizeof(*R->vb));
	for (i = 0; i < R->nsel; i++)
		csvw_str(R->out, R->name[R->sel[i]], i == 0);
	csvw_end(R->out);
}

/* A later file's header must name the first file's columns, in any
 * order. */
static int
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
	if (opt.verbose)
		warnx("%s:%ld: columns in another order than the first "
		    "file's; reordered", R->file, row->line);
	return 0;
differ:
	if (!quiet)
		warnx("%s:%ld: header differs from the first file's; file "
		    "skipped", R->file, row->line);
	return -1;
}

static int
reject(struct run *R, struct csvq *r, struct csvr_row *row,
    const char *fmt, ...)
{
	char msg[512];
	const char *raw;
	size_t rawn;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (R->rejected++ < 10 || opt.verbose)
		warnx("%s:%ld: %s", R->file, row->line, msg);
	else if (R->rejected == 11)
		warnx("(further rejects not shown; see --rejects)");
	if (!R->rej)
		return -1;
	raw = csvq_raw(r, &rawn);
	csvw_str(R->rej, R->file, 1);
	fprintf(R->rej, ",%ld", row->line);
	csvw_str(R->rej, msg, 0);
	csvw_field(R->rej, raw, rawn, 0);
	csvw_end(R->rej);
	return -1;
}

/* A short printable copy of a value for a message. */
static const char *
shown(const char *s, size_t n)
{
	static char buf[80];

	snprintf(buf, sizeof(buf), "%.*s%s", n > 60 ? 60 : (int)n, s,
	    n > 60 ? "..." : "");
	return buf;
}

static void
setval(struct run *R, long i, struct sbuf *b)
{
	struct sbuf t = R->vb[i];

	R->vb[i] = *b;
	*b = t;
	R->v[i] = R->vb[i].s;
	R->vn[i] = R->vb[i].len;
}

/* Blank: every field empty or spaces, none of them quoted; a quoted ""
 * is a value (one empty field in a one-column file). */
static int
isblankrow(struct csvr_row *row)
{
	size_t i, k;

	if (row->quoted)
		return 0;
	for (i = 0; i < row->n; i++)
		for (k = 0; k < row->len[i]; k++)
			if (row->f[i][k] != ' ' && row->f[i][k] != '\t')
				return 0;
	return 1;
}

/* A header line again: concatenated files. The same names as this
 * file's header, or the first file's names in another order (then the
 * files that follow are read in that order). */
static int
isheader(struct run *R, struct csvr_row *row)
{
	const char *s;
	size_t i, n;

	if (row->n != R->fh->n)
		return 0;
	s = row->f[0];
	n = row->len[0];
	trim(&s, &n);
	/* The usual case, a data row, is told by its first byte. */
	if (n == 0 || ((s[0] | 0x20) != R->fh->key[0][0] &&
	    (s[0] | 0x20) != R->h0->key[0][0]))
		return 0;
	for (i = 0; i < row->n; i++) {
		s = row->f[i];
		n = row->len[i];
		trim(&s, &n);
		if (!strnieq(s, n, R->fh->key[i]))
			break;
	}
	if (i == row->n)
		return 1;
	s = row->f[0];
	n = row->len[0];
	trim(&s, &n);
	for (i = 0; i < R->h0->n; i++)
		if (strnieq(s, n, R->h0->key[i]))
			break;
	if (i == R->h0->n || matchheader(R, row, 1) != 0)
		return 0;
	hdr_free(R->fh);
	R->fh = hdr_new(row->f, row->len, row->n);
	return 1;
}

/* Load the row into the working values: decode, check, trim. */
static int
load(struct run *R, struct csvq *r, struct csvr_row *row)
{
	size_t i, src, bad, k;
	long b;

	for (i = 0; i < R->w; i++) {
		src = R->perm ? (size_t)R->perm[i] : i;
		if (opt.join && i == R->w - 1 && row->n > R->w) {
			R->tmp.len = 0;
			for (k = src; k < row->n; k++) {
				if (k > src)
					sb_addc(&R->tmp, R->delim);
				sb_add(&R->tmp, row->f[k], row->len[k]);
			}
			setval(R, (long)i, &R->tmp);
		} else if (src < row->n) {
			R->v[i] = row->f[src];
			R->vn[i] = row->len[src];
		} else {
			R->v[i] = "";
			R->vn[i] = 0;
		}
		if (row->nul && memchr(R->v[i], '\0', R->vn[i])) {
			reject(R, r, row, "column '%s': NUL byte", R->name[i]);
			return -1;
		}
		if (!row->ascii && !text_ascii(R->v[i], R->vn[i])) {
			if (R->rc) {
				if (recode(R->rc, R->v[i], R->vn[i], &R->tmp,
				    &bad) != 0) {
					reject(R, r, row, "column '%s': byte "
					    "0x%02X is not %s", R->name[i],
					    (unsigned char)R->v[i][bad],
					    opt.enc);
					return -1;
				}
				setval(R, (long)i, &R->tmp);
			} else if ((b = utf8_bad(R->v[i], R->vn[i])) >= 0) {
				reject(R, r, row, "column '%s': byte %ld "
				    "(0x%02X) is not UTF-8 (try -e cp1252)",
				    R->name[i], b + 1,
				    (unsigned char)R->v[i][b]);
				return -1;
			}
		}
		if (!opt.notrim)
			trim(&R->v[i], &R->vn[i]);
	}
	for (; i < R->ww; i++) {
		R->v[i] = "";
		R->vn[i] = 0;
	}
	return 0;
}

/* "DA1 1DR" -> "DA1 1"; anything not shaped like a postcode -> "". */
static void
sector(struct run *R, long i)
{
	char pc[16];
	size_t n = 0, k;

	for (k = 0; k < R->vn[i] && n < sizeof(pc) - 1; k++)
		if (R->v[i][k] != ' ')
			pc[n++] = (char)(R->v[i][k] >= 'a' && R->v[i][k] <= 'z' ?
			    R->v[i][k] - 32 : R->v[i][k]);
	R->tmp.len = 0;
	if (n >= 5 && n <= 7 && pc[n - 3] >= '0' && pc[n - 3] <= '9' &&
	    pc[0] >= 'A' && pc[0] <= 'Z') {
		sb_add(&R->tmp, pc, n - 3);
		sb_addc(&R->tmp, ' ');
		sb_addc(&R->tmp, pc[n - 3]);
	}
	sb_add(&R->tmp, "", 0);
	setval(R, i, &R->tmp);
}

static int
do_date(struct run *R, struct op *o, struct csvq *r, struct csvr_row *row)
{
	static const char *const usfmt[] = { "%m/%d/%Y", "%m/%d/%y",
		"%m-%d-%Y", "%m.%d.%Y" };
	const char *const *f = o->deffmt ? ukfmt : (const char *const *)o->fmt;
	size_t n = o->deffmt ? sizeof(ukfmt) / sizeof(*ukfmt) : o->nfmt, k;
	const char *fmt;
	struct date d;
	char buf[16];

	if (R->vn[o->ci] == 0)
		return 0;
	for (k = 0; k < n; k++) {
		fmt = f[k];
		if (o->deffmt && opt.usdates && k >= 1 && k <= 4)
			fmt = usfmt[k - 1];
		if (date_parse(R->v[o->ci], R->vn[o->ci], fmt, &d) == 0)
			break;
	}
	if (k == n) {
		reject(R, r, row, "column '%s': '%s' is not a date%s%s%s",
		    R->name[o->ci], shown(R->v[o->ci], R->vn[o->ci]),
		    o->deffmt ? (opt.usdates ? " (month-first)" :
		    " (day-first)") : " (format ", o->deffmt ? "" : o->fmt[0],
		    o->deffmt ? "" : o->nfmt > 1 ? ", ...)" : ")");
		return -1;
	}
	R->tmp.len = 0;
	sb_add(&R->tmp, buf, date_str(&d, buf));
	setval(R, o->ci, &R->tmp);
	return 0;
}

static int
compute(struct run *R, struct op *o, struct csvq *r, struct csvr_row *row)
{
	double x;
	size_t n;
	int rc;

	switch (o->kind) {
	case OP_DATE:
		return do_date(R, o, r, row);
	case OP_NUMBER:
		if (R->vn[o->ci] == 0)
			return 0;
		if (num_dbl(R->v[o->ci], R->vn[o->ci], &x) != 0) {
			reject(R, r, row, "column '%s': '%s' is not a number",
			    R->name[o->ci], shown(R->v[o->ci], R->vn[o->ci]));
			return -1;
		}
		if (memchr(R->v[o->ci], ',', R->vn[o->ci])) {
			R->tmp.len = 0;
			sb_add(&R->tmp, R->v[o->ci], R->vn[o->ci]);
			n = num_unsep(R->tmp.s, R->tmp.len);
			R->tmp.len = n;
			R->tmp.s[n] = '\0';
			setval(R, o->ci, &R->tmp);
		}
		return 0;
	case OP_MAP:
	case OP_DERIVE:
		if (!o->rx) {
			R->v[o->di] = R->v[o->ci];
			R->vn[o->di] = R->vn[o->ci];
			return 0;
		}
		rc = rx_subst(o->rx, R->v[o->ci], R->vn[o->ci], o->repl,
		    o->global, &R->tmp);
		if (rc < 0) {
			reject(R, r, row, "column '%s': %s", R->name[o->ci],
			    rx_error(o->rx));
			return -1;
		}
		if (rc > 0) {
			setval(R, o->kind == OP_MAP ? o->ci : o->di, &R->tmp);
		} else if (o->kind == OP_DERIVE) {
			R->v[o->di] = R->v[o->ci];
			R->vn[o->di] = R->vn[o->ci];
		}
		return 0;
	case OP_SET:
		R->v[o->di] = o->value;
		R->vn[o->di] = strlen(o->value);
		return 0;
	case OP_REDACT:
		if (o->mode == RED_SECTOR) {
			sector(R, o->ci);
		} else {
			R->v[o->ci] = o->mode == RED_MASK && R->vn[o->ci] ?
			    "[redacted]" : "";
			R->vn[o->ci] = strlen(R->v[o->ci]);
		}
		return 0;
	case OP_REQUIRE:
		if (R->vn[o->ci] == 0) {
			reject(R, r, row, "column '%s' is empty",
			    R->name[o->ci]);
			return -1;
		}
		return 0;
	}
	return 0;
}

/* Regex and date results by input value. Such columns hold few distinct
 * values (areas, crime types, months) and a hash and a compare cost far
 * less than a match. Exact: an input always gives the same output. */
#define MEMO 1024            /* slots per operation */
#define MEMOLEN 96           /* the longest value remembered */
#define MEMOTEXT (1 << 16)   /* bytes of remembered text per operation */

/* Slots are small so that looking one up stays in the cache; the text
 * sits packed in one block, forgotten all at once when it fills. */
struct memo {
	struct {
		uint64_t h;
		uint32_t off;
		unsigned char inn, outn;
		unsigned char state; /* 0 empty, 1 unchanged, 2 rewritten */
	} e[MEMO];
	size_t len;
	char text[MEMOTEXT];
};

static void
memo_put(struct memo *m, size_t k, uint64_t h, const char *in, size_t inn,
    const char *out, size_t outn, int state)
{
	if (m->len + inn + outn > MEMOTEXT) {
		memset(m->e, 0, sizeof(m->e));
		m->len = 0;
	}
	m->e[k].h = h;
	m->e[k].off = (uint32_t)m->len;
	m->e[k].inn = (unsigned char)inn;
	m->e[k].outn = (unsigned char)outn;
	m->e[k].state = (unsigned char)state;
	memcpy(m->text + m->len, in, inn);
	memcpy(m->text + m->len + inn, out, outn);
	m->len += inn + outn;
}

static int
do_op(struct run *R, struct op *o, struct csvq *r, struct csvr_row *row)
{
	const char *in, *txt;
	size_t inn, k = 0;
	long t = o->kind == OP_DERIVE ? o->di : o->ci;
	struct memo *m = NULL;
	uint64_t h = 0;

	if (o->ci < 0) /* --set reads no column */
		return compute(R, o, r, row);
	in = R->v[o->ci];
	inn = R->vn[o->ci];
	if (inn <= MEMOLEN && ((o->kind == OP_DATE && inn > 0) ||
	    ((o->kind == OP_MAP || o->kind == OP_DERIVE) && o->rx))) {
		if (!(m = o->memo))
			m = o->memo = xcalloc(1, sizeof(*o->memo));
		h = hash64(in, inn, 7);
		k = h & (MEMO - 1);
		txt = m->text + m->e[k].off;
		if (m->e[k].state && m->e[k].h == h && m->e[k].inn == inn &&
		    memcmp(txt, in, inn) == 0) {
			R->v[t] = m->e[k].state == 2 ? txt + inn : in;
			R->vn[t] = m->e[k].state == 2 ? m->e[k].outn : inn;
			return 0;
		}
	}
	if (compute(R, o, r, row) != 0)
		return -1;
	if (m && R->vn[t] <= MEMOLEN)
		memo_put(m, k, h, in, inn, R->v[t], R->vn[t],
		    R->v[t] == in ? 1 : 2);
	return 0;
}

static int
isdup(struct run *R)
{
	uint64_t h = 0;
	size_t i;

	if (R->dedupi >= 0 && R->vn[R->dedupi] > 0) {
		/* The hash taken for the prefetch stands if the id did not
		 * change on the way. */
		if (R->v[R->dedupi] != R->idp || R->vn[R->dedupi] != R->idn)
			R->idh = hash64(R->v[R->dedupi], R->vn[R->dedupi], 1);
		if (!hset_add(R->ids, R->idh))
			return 1;
	}
	if (!opt.deduprows)
		return 0;
	for (i = 0; i < R->nsel; i++)
		h = hash64(R->v[R->sel[i]], R->vn[R->sel[i]], h + i);
	return !hset_add(R->rows, h);
}

/* Cells that a spreadsheet would run as a formula get a leading quote;
 * plain numbers such as -5 are left alone. */
static int
risky(const char *s, size_t n)
{
	double x;

	if (n == 0 || !strchr("=+-@\t\r", s[0]))
		return 0;
	return s[0] == '=' || s[0] == '@' || num_dbl(s, n, &x) != 0;
}

/* The row is built in one buffer and written with one call: stdio's
 * per-field overhead showed in profiles. */
static void
emit(struct run *R, const struct csvr_row *row)
{
	struct sbuf *b = &R->line;
	const char *v;
	size_t i, k, n;
	uintptr_t lo = 0, hi = 0;
	long c;
	int q;

	/* A value still inside a row that the scanner split holds no quote,
	 * line end or comma: no need to look. */
	if (!row->quoted && !row->nul && R->delim == ',' && row->n > 0) {
		lo = (uintptr_t)row->f[0];
		hi = (uintptr_t)(row->f[row->n - 1] + row->len[row->n - 1]);
	}
	b->len = 0;
	for (i = 0; i < R->nsel; i++) {
		c = R->sel[i];
		v = R->v[c];
		n = R->vn[c];
		grow(&b->s, &b->cap, b->len + 2 * n + 4);
		if (i > 0)
			b->s[b->len++] = ',';
		q = !((uintptr_t)v >= lo && (uintptr_t)v + n <= hi) &&
		    csvw_needq(v, n);
		if (q)
			b->s[b->len++] = '"';
		if (opt.safe && risky(v, n))
			b->s[b->len++] = '\'';
		if (!q) {
			memcpy(b->s + b->len, v, n);
			b->len += n;
			continue;
		}
		for (k = 0; k < n; k++) {
			if (v[k] == '"')
				b->s[b->len++] = '"';
			b->s[b->len++] = v[k];
		}
		b->s[b->len++] = '"';
	}
	/* A row of one empty field is written "" so that it is not read
	 * back as a blank line. */
	grow(&b->s, &b->cap, b->len + 3);
	if (b->len == 0) {
		b->s[b->len++] = '"';
		b->s[b->len++] = '"';
	}
	b->s[b->len++] = '\n';
	fwrite_unlocked(b->s, 1, b->len, R->out);
	R->written++;
}

static int
dorow(struct run *R, struct csvq *r, struct csvr_row *row)
{
	size_t k;

	R->read++;
	if (row->err == CSVR_ETOOLONG)
		return reject(R, r, row, "field longer than --max-field "
		    "(%zu bytes)", opt.maxfield);
	if (row->err == CSVR_EQUOTE)
		return reject(R, r, row, "quoted field not closed before the "
		    "end of input");
	if (isblankrow(row)) {
		R->blank++;
		return 0;
	}
	if (isheader(R, row)) {
		R->headers++;
		return 0;
	}
	if ((row->n < R->fh->n && !opt.pad) || (row->n > R->fh->n &&
	    !opt.join))
		return reject(R, r, row, "%zu fields where the header has %zu%s",
		    row->n, R->fh->n, row->quoted ? " (a stray quote?)" : "");
	if (load(R, r, row) != 0)
		return -1;
	/* The id's slot is a cache miss: start it while the row is worked. */
	R->idp = NULL;
	if (R->dedupi >= 0 && R->vn[R->dedupi] > 0) {
		R->idp = R->v[R->dedupi];
		R->idn = R->vn[R->dedupi];
		R->idh = hash64(R->idp, R->idn, 1);
		hset_prefetch(R->ids, R->idh);
	}
	for (k = 0; k < opt.nops; k++)
		if (do_op(R, &opt.ops[k], r, row) != 0)
			return -1;
	if (isdup(R)) {
		R->dups++;
		return 0;
	}
	emit(R, row);
	return 0;
}

static void
dofile(struct run *R, const char *path, int first)
{
	struct input *in;
	struct csvr *r;
	struct csvq *q = NULL;
	struct csvr_row *row;
	const char *p;
	size_t n;
	int d = opt.delim, lines, rc;

	if (!(in = in_open(path))) {
		warn("%s", path);
		R->status = 1;
		return;
	}
	R->file = in_name(in);
	r = csvr_open(in, d ? d : ',', opt.maxfield);
	if (!d) {
		n = csvr_peek(r, &p, 1 << 16);
		d = sniff(p, n, &lines);
		csvr_set_delim(r, d);
		if (opt.verbose)
			warnx("%s: delimiter %s (sniffed from %d lines)",
			    R->file, delimname(d), lines);
	}
	R->delim = d;
	while ((rc = csvr_next(r, &row)) == 1 && row->err == CSVR_OK &&
	    isblankrow(row)) {
		R->read++;
		R->blank++;
	}
	if (opt.verbose && rc >= 0)
		warnx("%s:%s%s encoding %s", R->file, in_gzip(in) ? " gzip," :
		    "", in_bom(in) ? " BOM," : "", opt.enc ? opt.enc : "UTF-8");
	if (rc == 1 && row->err != CSVR_OK)
		errx(1, "%s:%ld: header unreadable: %s", R->file, row->line,
		    row->err == CSVR_EQUOTE ? "quote not closed" :
		    "field longer than --max-field");
	if (rc == 0) {
		warnx("%s: empty (no header row)", R->file);
		R->status = 1;
	} else if (rc == 1) {
		if (first) {
			setup(R, row);
			R->h0 = hdr_new(row->f, row->len, row->n);
		} else if (matchheader(R, row, 0) != 0) {
			R->status = 1;
			goto out;
		}
		hdr_free(R->fh);
		R->fh = hdr_new(row->f, row->len, row->n);
		q = csvq_start(r);
		while ((rc = csvq_next(q, &row)) == 1) {
			dorow(R, q, row);
			if (opt.verbose && isatty(2) &&
			    R->read % 1000000 == 0)
				fprintf(stderr, "csvclean: %lld rows\r", R->read);
		}
	}
	if (rc < 0) {
		warnx("%s", q ? csvq_error(q) : csvr_error(r));
		R->status = 1;
	}
	csvq_stop(q);
	R->blank += csvr_blank(r);
	R->read += csvr_blank(r);
out:
	csvr_close(r);
	in_close(in);
}

static void
cleanup(struct run *R)
{
	size_t i, k;
	struct op *o;

	for (i = 0; i < R->ww; i++) {
		free(R->name[i]);
		sb_free(&R->vb[i]);
	}
	free(R->name);
	free(R->vb);
	free(R->v);
	free(R->vn);
	free(R->sel);
	free(R->perm);
	sb_free(&R->tmp);
	sb_free(&R->line);
	hdr_free(R->h0);
	hdr_free(R->fh);
	hset_free(R->ids);
	hset_free(R->rows);
	recode_free(R->rc);
	for (k = 0; k < opt.nops; k++) {
		o = &opt.ops[k];
		for (i = 0; i < o->nfmt; i++)
			free(o->fmt[i]);
		free(o->fmt);
		free(o->col);
		free(o->dst);
		free(o->repl);
		free(o->value);
		free(o->memo);
		rx_free(o->rx);
	}
	free(opt.ops);
	for (i = 0; i < opt.nrename; i++)
		free(opt.rename[i]);
	for (i = 0; i < opt.nselect; i++)
		free(opt.select[i]);
	free(opt.rename);
	free(opt.select);
	free(opt.dedup);
	free(opt.enc);
	free(opt.out);
	free(opt.rejects);
}

static int
toomany(const struct run *R)
{
	if (opt.maxrejpct >= 0)
		return R->read > 0 &&
		    (double)R->rejected * 100.0 > opt.maxrejpct * (double)R->read;
	return R->rejected > opt.maxrej;
}

int
main(int argc, char *argv[])
{
	struct run R = { 0 };
	int c, i;

	setlocale(LC_CTYPE, "");
	while ((c = getopt_long(argc, argv, "d:e:ho:p:v", longopts, NULL)) != -1)
		setopt(c, optarg);
	argc -= optind;
	argv += optind;
	if (opt.pad && opt.join)
		usage(stderr, 2);

	if (opt.enc)
		R.rc = recode_new(opt.enc);
	R.ids = hset_new();
	R.rows = hset_new();
	R.out = out_open(opt.out);
	if (opt.rejects && !(R.rej = fopen(opt.rejects, "w")))
		err(1, "%s", opt.rejects);
	if (R.rej)
		fputs("file,line,reason,record\n", R.rej);
	if (argc == 0)
		dofile(&R, "-", 1);
	for (i = 0; i < argc; i++)
		dofile(&R, argv[i], i == 0);

	if (opt.stats)
		warnx("read %lld, written %lld, rejected %lld, duplicates %lld, "
		    "blank %lld, headers %lld", R.read, R.written, R.rejected,
		    R.dups, R.blank, R.headers);
	if (toomany(&R)) {
		warnx("%lld of %lld rows rejected (--max-rejects %s)",
		    R.rejected, R.read, opt.maxrejpct >= 0 ? "percentage" :
		    "count");
		R.status = 1;
	}
	if (R.rej)
		R.status |= fshut(R.rej, opt.rejects);
	R.status |= out_close(R.out, R.status == 0);
	cleanup(&R);
	return R.status;
}
