/* csvclean: options, from the command line and from profiles. */
#include <sys/stat.h>

#include <ctype.h>
#include <err.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "csvclean.h"
#include "date.h"
#include "hset.h"
#include "rx.h"
#include "span.h"
#include "text.h"

void
usage(FILE *fp, int status)
{
	fputs("usage: csvclean [-hv] [--version] [-d delim] [-e encoding] "
	    "[-o file]\n"
	    "                [-p profile] [--stats] "
	    "[--rejects file [--rejects-raw]]\n"
	    "                [--max-rejects n[%]]\n"
	    "                [--report file] [--report-columns role=col,...]\n"
	    "                [--max-field bytes] [--pad | --join-extra] "
	    "[--no-trim] [--snake]\n"
	    "                [--rename old=new,...] [--select col,...]\n"
	    "                [--date col[=fmt|period|...]] [--us-dates]\n"
	    "                [--quarters calendar|fiscal]\n"
	    "                [--number col,...] [--map 'col/regex/repl/[g]']\n"
	    "                [--derive 'new=col[/regex/repl/[g]]'] "
	    "[--set new=value]\n"
	    "                [--require col,...] [--dedup col] [--dedup-rows]\n"
	    "                [--dedup-memory size[K|M|G]]\n"
	    "                [--threads n] [--chunk size[K|M|G]]\n"
	    "                [--redact col[=blank|sector|mask]] [--safe-cells] "
	    "[--excel]\n"
	    "                [file ...]\n", fp);
	if (fp == stdout)
		fputs("\n"
		    "  -d delim             the delimiter: , ; | or tab; "
		    "sniffed by default\n"
		    "  -e encoding          the encoding: utf-8, cp1252, latin1 "
		    "(latin-1 ...)\n"
		    "  -h, --help           print this help and exit\n"
		    "  -o file              write to file, whole or not at "
		    "all\n"
		    "  -p profile           read options from a profile "
		    "file\n"
		    "  -v, --verbose        say what was decided: delimiter, "
		    "encoding ...\n"
		    "  --chunk size         bytes of a file a thread takes at "
		    "a time; default 1M\n"
		    "  --date col[=fmt|...] rewrite dates as ISO 8601 from "
		    "these formats (period: labels)\n"
		    "  --dedup col          drop a row whose col repeats an "
		    "earlier one\n"
		    "  --dedup-memory size  memory for --dedup before "
		    "temporary files\n"
		    "  --dedup-rows         drop a row identical to an "
		    "earlier one\n"
		    "  --excel              for a spreadsheet: BOM, and "
		    "--safe-cells quoted\n"
		    "  --derive new=col[/regex/repl/[g]]  add a column from "
		    "another\n"
		    "  --join-extra         join a long row's extra fields "
		    "into its last\n"
		    "  --map col/regex/repl/[g]  replace matches in a column\n"
		    "  --max-field bytes    the longest field; default "
		    "1048576\n"
		    "  --max-rejects n[%]   exit 1 past n rejects (or n %); "
		    "default 0\n"
		    "  --no-trim            keep spaces around values\n"
		    "  --number col,...     remove thousands separators\n"
		    "  --pad                give short rows empty fields\n"
		    "  --quarters calendar|fiscal  how period reads 2015 Q4\n"
		    "  --redact col[=blank|sector|mask]  blank or mask "
		    "personal data\n"
		    "  --rejects file       write rejected rows to file\n"
		    "  --rejects-raw        write rejected rows as read\n"
		    "  --report file        write the data-quality report "
		    "(CSV) to file\n"
		    "  --report-columns role=col,...  its columns: force, "
		    "falls-within, month,\n"
		    "                       longitude, latitude, location, "
		    "lsoa\n"
		    "  --rename old=new,... rename columns\n"
		    "  --require col,...    reject rows where col is empty\n"
		    "  --safe-cells         put ' before a cell a spreadsheet "
		    "would run\n"
		    "  --select col,...     write only these columns, in this "
		    "order\n"
		    "  --set new=value      add a column holding value\n"
		    "  --snake              header names as snake_case\n"
		    "  --stats              print the counts on the standard "
		    "error\n"
		    "  --threads n          threads for a large plain file; "
		    "default: the processors\n"
		    "  --us-dates           read NN/NN/YYYY month first\n"
		    "  --version            print the version and exit\n"
		    "\nSee csvclean(1).\n", fp);
	exit(status);
}

enum {
	O_STATS = 256, O_REJECTS, O_MAXREJ, O_MAXFIELD, O_PAD, O_JOIN,
	O_NOTRIM, O_SNAKE, O_RENAME, O_SELECT, O_DATE, O_USDATES, O_NUMBER,
	O_MAP, O_DERIVE, O_SET, O_REQUIRE, O_DEDUP, O_DEDUPROWS, O_REDACT,
	O_SAFE, O_VERSION, O_DEDUPMEM, O_REJRAW, O_EXCEL, O_QUARTERS,
	O_REPORT, O_REPCOLS, O_THREADS, O_CHUNK
};

const struct option longopts[] = {
	{ "chunk", required_argument, NULL, O_CHUNK },
	{ "delimiter", required_argument, NULL, 'd' },
	{ "derive", required_argument, NULL, O_DERIVE },
	{ "date", required_argument, NULL, O_DATE },
	{ "dedup", required_argument, NULL, O_DEDUP },
	{ "dedup-memory", required_argument, NULL, O_DEDUPMEM },
	{ "dedup-rows", no_argument, NULL, O_DEDUPROWS },
	{ "encoding", required_argument, NULL, 'e' },
	{ "excel", no_argument, NULL, O_EXCEL },
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
	{ "quarters", required_argument, NULL, O_QUARTERS },
	{ "redact", required_argument, NULL, O_REDACT },
	{ "rejects", required_argument, NULL, O_REJECTS },
	{ "rejects-raw", no_argument, NULL, O_REJRAW },
	{ "rename", required_argument, NULL, O_RENAME },
	{ "report", required_argument, NULL, O_REPORT },
	{ "report-columns", required_argument, NULL, O_REPCOLS },
	{ "require", required_argument, NULL, O_REQUIRE },
	{ "safe-cells", no_argument, NULL, O_SAFE },
	{ "select", required_argument, NULL, O_SELECT },
	{ "set", required_argument, NULL, O_SET },
	{ "snake", no_argument, NULL, O_SNAKE },
	{ "stats", no_argument, NULL, O_STATS },
	{ "threads", required_argument, NULL, O_THREADS },
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
newop(struct options *opt, int kind, const char *col)
{
	struct op *o;

	opt->ops = xreallocarray(opt->ops, opt->nops + 1, sizeof(*opt->ops));
	o = &opt->ops[opt->nops++];
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
opt_map(struct options *opt, const char *arg)
{
	const char *slash = strchr(arg, '/');
	char *col;
	struct op *o;

	if (!slash || slash == arg)
		bad("--map", arg);
	col = xstrndup(arg, (size_t)(slash - arg));
	o = newop(opt, OP_MAP, col);
	free(col);
	if (parsesubst(o, slash, "--map") != 0)
		bad("--map", arg);
}

static void
opt_derive(struct options *opt, const char *arg)
{
	const char *eq = strchr(arg, '='), *slash;
	char *col;
	struct op *o;

	if (!eq || eq == arg || !eq[1])
		bad("--derive", arg);
	slash = strchr(eq + 1, '/');
	col = slash ? xstrndup(eq + 1, (size_t)(slash - eq - 1)) :
	    xstrdup(eq + 1);
	o = newop(opt, OP_DERIVE, col);
	free(col);
	o->dst = xstrndup(arg, (size_t)(eq - arg));
	if (slash && parsesubst(o, slash, "--derive") != 0)
		bad("--derive", arg);
}

/* A format that reads a field twice (%b-%b %Y) kept the last month
 * read: 'Oct-Dec 2014' became 2014-12. Such a text is a span. */
static void
fmtcheck(const char *f0)
{
	static const char *const field[] = {"year", "month", "day"};
	const char *fmt;
	int seen[3] = {0, 0, 0}, k;

	for (fmt = f0; *fmt; fmt++) {
		if (*fmt != '%' || !fmt[1])
			continue;
		fmt++;
		k = strchr("Yy", *fmt) ? 0 : strchr("mbB", *fmt) ? 1 :
		    strchr("de", *fmt) ? 2 : -1;
		if (k >= 0 && seen[k]++)
			errx(2, "--date: the format '%s' reads the %s twice; "
			    "a span such as 'Oct-Dec 2014' is read by --date "
			    "COLUMN=period", f0, field[k]);
	}
}

/* A format that can never match would reject every row: a usage error. */
static void
datefmt(const char *fmt)
{
	char c;
	int r = date_fmtcheck(fmt, &c);

	if (r == -1 && c)
		warnx("--date: format '%s': unknown conversion %%%c (known: "
		    "%%Y %%y %%m %%b %%B %%d %%e %%H %%M %%S %%p %%%%)", fmt, c);
	else if (r == -1)
		warnx("--date: format '%s' ends in a lone %%", fmt);
	else if (r == -2)
		warnx("--date: format '%s' has no year (%%Y or %%y)", fmt);
	if (r != 0)
		usage(stderr, 2);
}

static void
opt_date(struct options *opt, const char *arg)
{
	const char *eq = strchr(arg, '='), *p, *bar;
	char *col = eq ? xstrndup(arg, (size_t)(eq - arg)) : xstrdup(arg);
	struct op *o = newop(opt, OP_DATE, col);

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
		if (strcmp(o->fmt[o->nfmt - 1], "period") != 0) {
			datefmt(o->fmt[o->nfmt - 1]);
			fmtcheck(o->fmt[o->nfmt - 1]);
		}
		if (!bar)
			break;
	}
}

static void
opt_redact(struct options *opt, const char *arg)
{
	const char *eq = strchr(arg, '=');
	char *col = eq ? xstrndup(arg, (size_t)(eq - arg)) : xstrdup(arg);
	struct op *o = newop(opt, OP_REDACT, col);

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
opt_each(struct options *opt, int kind, const char *arg)
{
	char **v = NULL;
	size_t n = 0, i;

	addlist(&v, &n, arg);
	for (i = 0; i < n; i++) {
		newop(opt, kind, v[i]);
		free(v[i]);
	}
	free(v);
}

/* --max-rejects: a whole count, or a percentage from 0 to 100; inf,
 * nan and counts past 2^53 are mistakes, not "no limit". */
static void
opt_maxrej(struct options *opt, const char *arg)
{
	char *end;
	double d;

	errno = 0;
	d = strtod(arg, &end);
	if (errno || end == arg || !isfinite(d) || d < 0 ||
	    (*end && strcmp(end, "%") != 0) || (*end == '%' && d > 100) ||
	    (!*end && (d != floor(d) || d > 9007199254740992.0)) ||
	    !isdigit((unsigned char)*arg) ||
	    arg[strspn(arg, "0123456789.eE+%")] != '\0')
		bad("--max-rejects", arg);
	/* The last one given wins, a count or a percentage. */
	if (*end == '%') {
		opt->maxrejpct = d;
	} else {
		opt->maxrej = (long long)d;
		opt->maxrejpct = -1;
	}
}

/* Profiles being read, innermost last: a profile that names its own
 * name extends the next one of that name on the search path; one that
 * names a file already being read is a cycle. */
#define PDEPTH 16
static struct {
	const char *name; /* NULL for a path */
	int k;            /* the place on the search path it was found */
	char *path;
	dev_t dev;        /* the file, however it was named */
	ino_t ino;
} pstack[PDEPTH];
static int pdepth;

/* The folder beside a built tree's executable: <bin>/../lib/profiles,
 * from /proc/self/exe or else a path in argv[0], if it exists. */
static int
exedir(struct options *opt, char *buf, size_t size)
{
	char exe[PATH_MAX], *real = NULL, *slash;
	ssize_t n;

	if ((n = readlink("/proc/self/exe", exe, sizeof(exe) - 1)) > 0) {
		exe[n] = '\0';
	} else if (opt->argv0 && strchr(opt->argv0, '/') &&
	    (real = realpath(opt->argv0, NULL))) {
		snprintf(exe, sizeof(exe), "%s", real);
		free(real);
	} else {
		return 0;
	}
	if (!(slash = strrchr(exe, '/')) ||
	    (size_t)(slash - exe) + sizeof("/../lib/profiles") > sizeof(exe))
		return 0;
	strcpy(slash, "/../lib/profiles");
	if (!(real = realpath(exe, NULL))) /* none: not a built tree */
		return 0;
	n = snprintf(buf, size, "%s", real);
	free(real);
	return n < (ssize_t)size;
}

/* The k-th folder a profile is looked for in: each of $SAPIPE_PROFILES,
 * the built tree's, the installed one. 0 past the last. */
static int
profdir(struct options *opt, int k, char *buf, size_t size)
{
	const char *d = getenv("SAPIPE_PROFILES"), *c;
	size_t n;

	for (; d && *d; d = c ? c + 1 : NULL) {
		c = strchr(d, ':');
		n = c ? (size_t)(c - d) : strlen(d);
		if (n > 0 && k-- == 0)
			return snprintf(buf, size, "%.*s", (int)n, d) <
			    (int)size;
		if (!c)
			break;
	}
	if (exedir(opt, buf, size) && k-- == 0)
		return 1;
	if (k-- == 0)
		return snprintf(buf, size, "%s/profiles", SHAREDIR) <
		    (int)size;
	return 0;
}

static void
notfound(struct options *opt, const char *name, int from)
{
	char dir[PATH_MAX];
	const char *env = getenv("SAPIPE_PROFILES");
	struct sbuf b = { 0 };
	int k;

	for (k = from; profdir(opt, k, dir, sizeof(dir)); k++) {
		sb_adds(&b, k > from ? ", " : "");
		sb_adds(&b, dir);
	}
	if (from > 0)
		warnx("profile '%s' extends a profile of its own name, and no "
		    "other '%s' follows it (looked in %s)", name, name,
		    sb_str(&b));
	else
		warnx("profile '%s' not found (looked in %s)", name,
		    sb_str(&b));
	if (env && *env)
		warnx("$SAPIPE_PROFILES is '%s'; put the file in one of its "
		    "folders, or give its path (-p ./%s)", env, name);
	else
		warnx("$SAPIPE_PROFILES is not set: set it to the folder of "
		    "your profiles (folders separated by ':'), or give the "
		    "profile's path (-p ./%s)", name);
	sb_free(&b);
	exit(2);
}

/* Is the open file one of the profiles being read? */
static int
onstack(FILE *fp)
{
	struct stat st;
	int i;

	if (fstat(fileno(fp), &st) != 0)
		return 0;
	for (i = 0; i < pdepth; i++)
		if (pstack[i].dev == st.st_dev && pstack[i].ino == st.st_ino)
			return 1;
	return 0;
}

/* Find a profile: a path as it is, a name on the search path (after the
 * place where the innermost profile of the same name was found). */
static FILE *
profopen(struct options *opt, const char *name, char *path, size_t size,
    int *k)
{
	char dir[PATH_MAX];
	FILE *fp;
	int i;

	*k = -1;
	if (strchr(name, '/')) {
		snprintf(path, size, "%s", name);
		if (!(fp = fopen(path, "r")))
			err(2, "profile %s", path);
		return fp;
	}
	*k = 0;
	if (pdepth > 0 && pstack[pdepth - 1].name &&
	    strcmp(pstack[pdepth - 1].name, name) == 0)
		*k = pstack[pdepth - 1].k + 1;
	for (i = *k; profdir(opt, i, dir, sizeof(dir)); i++) {
		if (snprintf(path, size, "%s/%s", dir, name) >= (int)size)
			errx(2, "profile %s/%s: path too long", dir, name);
		/* The same folder twice on the path is not a next one. */
		if ((fp = fopen(path, "r")) && *k > 0 && onstack(fp)) {
			fclose(fp);
			continue;
		}
		if (fp) {
			*k = i;
			return fp;
		}
		if (errno != ENOENT && errno != ENOTDIR)
			err(2, "profile %s", path);
	}
	notfound(opt, name, *k);
	return NULL;
}

/* A directory opens, and reads as nothing, and so does /dev/null (and
 * /dev/zero reads for ever): a profile is a file or a pipe. A cycle is
 * refused too. Then it goes on the stack. */
static void
profpush(FILE *fp, const char *path, const char *name, int k)
{
	struct stat st;

	if (fstat(fileno(fp), &st) != 0)
		err(2, "profile %s", path);
	if (S_ISDIR(st.st_mode))
		errx(2, "profile %s: is a directory, not a file of options",
		    path);
	if (!S_ISREG(st.st_mode) && !S_ISFIFO(st.st_mode))
		errx(2, "profile %s: is not a file of options", path);
	if (onstack(fp))
		errx(2, "profile %s: includes itself (through %s); a "
		    "profile that names its own name extends the next one "
		    "of that name on the search path", path,
		    pstack[pdepth - 1].path);
	if (pdepth == PDEPTH)
		errx(2, "profile %s: profiles nested more than %d deep", path,
		    PDEPTH);
	pstack[pdepth].path = xstrdup(path);
	pstack[pdepth].name = k >= 0 ? name : NULL;
	pstack[pdepth].k = k;
	pstack[pdepth].dev = st.st_dev;
	pstack[pdepth].ino = st.st_ino;
	pdepth++;
}

/* One line: "option value", '#' a comment. 1 if it held an option. */
static int
profline(struct options *opt, char *s, const char *path, long lineno)
{
	const struct option *lo;
	char *sp, *e;
	long b;

	if ((b = utf8_bad(s, strlen(s))) >= 0)
		errx(2, "%s:%ld: byte %ld (0x%02X) is not UTF-8 (profiles are "
		    "UTF-8 text)", path, lineno, b + 1, (unsigned char)s[b]);
	for (; *s == ' ' || *s == '\t'; s++)
		;
	e = s + strlen(s);
	while (e > s && (e[-1] == '\n' || e[-1] == '\r' ||
	    e[-1] == ' ' || e[-1] == '\t'))
		*--e = '\0';
	if (!*s || *s == '#')
		return 0;
	if ((sp = strpbrk(s, " \t"))) {
		*sp++ = '\0';
		while (*sp == ' ' || *sp == '\t')
			sp++;
	}
	for (lo = longopts; lo->name; lo++)
		if (strcmp(lo->name, s) == 0)
			break;
	/* (threads are the machine's, not the data's) */
	if (lo->name && (lo->val == O_THREADS || lo->val == O_CHUNK))
		errx(2, "%s:%ld: %s: give it on the command line, not in a "
		    "profile", path, lineno, s);
	if (!lo->name || lo->val == 'h' || lo->val == O_VERSION ||
	    (lo->has_arg == required_argument && (!sp || !*sp)) ||
	    (lo->has_arg == no_argument && sp && *sp))
		errx(2, "%s:%ld: bad option line '%s'", path, lineno, s);
	setopt(opt, lo->val, sp);
	return 1;
}

/* A profile: csvclean's long options one per line, without the "--",
 * the value after the first space; '#' starts a comment line. */
static void
profile(struct options *opt, const char *name)
{
	char path[PATH_MAX], *line = NULL;
	size_t cap = 0;
	FILE *fp;
	long lineno = 0;
	int k, nopt = 0;

	fp = profopen(opt, name, path, sizeof(path), &k);
	profpush(fp, path, name, k);
	while (getline(&line, &cap, fp) > 0)
		nopt += profline(opt, line, path, ++lineno);
	if (ferror(fp))
		err(2, "profile %s", path);
	/* An empty profile would pass raw input through as if cleaned. */
	if (nopt == 0)
		errx(2, "profile %s: no options in it", path);
	free(line);
	fclose(fp);
	free(pstack[--pdepth].path);
}

/* A size in bytes, or with K, M or G for 1024, 1024^2, 1024^3: min or
 * more (--dedup-memory, --chunk). */
static size_t
bytes(const char *what, const char *arg, size_t min)
{
	unsigned long long n;
	char *end;
	int sh = 0;

	errno = 0;
	n = strtoull(arg, &end, 10);
	if (*end && strchr("kKmMgG", *end) && !end[1])
		sh = *end == 'k' || *end == 'K' ? 10 : *end == 'm' ||
		    *end == 'M' ? 20 : 30;
	else if (*end || end == arg)
		bad(what, arg);
	if (errno || *arg == '-' || n > (SIZE_MAX >> 1 >> sh) ||
	    (n << sh) < min) {
		if (min >= 1024)
			warnx("%s: '%s': give %zuK or more", what, arg,
			    min >> 10);
		else
			warnx("%s: '%s': give %zu or more", what, arg, min);
		usage(stderr, 2);
	}
	return (size_t)(n << sh);
}

/* Option text goes into every row and into PCRE2, which is told that
 * its subject is valid UTF-8: check it here. Paths are names, not text. */
static void
utf8opt(int c, const char *arg)
{
	const struct option *lo;
	long b;

	if (!arg || c == 'o' || c == 'p' || c == O_REJECTS || c == O_REPORT ||
	    (b = utf8_bad(arg, strlen(arg))) < 0)
		return;
	for (lo = longopts; lo->name && lo->val != c; lo++)
		;
	errx(2, "--%s: byte %ld (0x%02X) of the value is not UTF-8 (give "
	    "option text in UTF-8)", lo->name ? lo->name : "?", b + 1,
	    (unsigned char)arg[b]);
}

void
setopt(struct options *opt, int c, const char *arg)
{
	struct recode *rc = NULL;
	char *end;

	utf8opt(c, arg);
	switch (c) {
	case 'd':
		if (strcmp(arg, "tab") == 0 || strcmp(arg, "\\t") == 0)
			opt->delim = '\t';
		else if (strlen(arg) == 1 && strchr(",;\t|", *arg))
			opt->delim = *arg;
		else
			bad("-d", arg);
		break;
	case 'e':
		if (!recode_name(arg)) {
			warnx("-e: unknown encoding '%s' (give utf-8, cp1252 or "
			    "latin1; also utf8, windows-1252, latin-1, "
			    "iso-8859-1 ...)", arg);
			usage(stderr, 2);
		}
		if (strcmp(recode_name(arg), "UTF-8") == 0)
			{ free(opt->enc); opt->enc = NULL; }
		else if (!(rc = recode_new(arg)))
			errx(2, "-e %s: iconv cannot convert from %s", arg,
			    recode_name(arg));
		else
			opt->enc = xstrdup(arg); /* a profile's line is reused */
		recode_free(rc);
		break;
	case 'o': free(opt->out); opt->out = xstrdup(arg); break;
	case 'p': profile(opt, arg); break;
	case 'v': opt->verbose = 1; break;
	case O_STATS: opt->stats = 1; break;
	case O_REJECTS: free(opt->rejects); opt->rejects = xstrdup(arg); break;
	case O_REJRAW: opt->rejraw = 1; break;
	case O_REPORT: free(opt->report); opt->report = xstrdup(arg); break;
	case O_REPCOLS: report_setcols(opt, arg); break;
	case O_MAXREJ: opt_maxrej(opt, arg); break;
	case O_MAXFIELD:
		errno = 0;
		opt->maxfield = strtoul(arg, &end, 10);
		if (errno || *end || opt->maxfield == 0 || *arg == '-')
			bad("--max-field", arg);
		break;
	case O_PAD: opt->pad = 1; break;
	case O_JOIN: opt->join = 1; break;
	case O_NOTRIM: opt->notrim = 1; break;
	case O_SNAKE: opt->snake = 1; break;
	case O_RENAME: addlist(&opt->rename, &opt->nrename, arg); break;
	case O_SELECT:
		/* A later --select replaces an earlier one (a profile's). */
		while (opt->nselect > 0)
			free(opt->select[--opt->nselect]);
		addlist(&opt->select, &opt->nselect, arg);
		break;
	case O_DATE: opt_date(opt, arg); break;
	case O_USDATES: opt->usdates = 1; break;
	case O_QUARTERS:
		if (strcmp(arg, "calendar") == 0)
			opt->quarters = SPAN_QCALENDAR;
		else if (strcmp(arg, "fiscal") == 0)
			opt->quarters = SPAN_QFISCAL;
		else
			bad("--quarters", arg);
		break;
	case O_NUMBER: opt_each(opt, OP_NUMBER, arg); break;
	case O_MAP: opt_map(opt, arg); break;
	case O_DERIVE: opt_derive(opt, arg); break;
	case O_SET:
		if (!strchr(arg, '=') || *arg == '=')
			bad("--set", arg);
		newop(opt, OP_SET, NULL)->dst = xstrndup(arg,
		    strcspn(arg, "="));
		opt->ops[opt->nops - 1].value = xstrdup(strchr(arg, '=') + 1);
		break;
	case O_REQUIRE: opt_each(opt, OP_REQUIRE, arg); break;
	case O_DEDUP: free(opt->dedup); opt->dedup = xstrdup(arg); break;
	case O_DEDUPROWS: opt->deduprows = 1; break;
	case O_DEDUPMEM:
		opt->dedupmem = bytes("--dedup-memory", arg, HSET_MINMEM);
		break;
	case O_CHUNK: opt->chunk = bytes("--chunk", arg, 1); break;
	case O_THREADS:
		errno = 0;
		opt->threads = strtol(arg, &end, 10);
		if (errno || *end || end == arg || opt->threads < 1 ||
		    opt->threads > 64)
			bad("--threads", arg);
		break;
	case O_REDACT: opt_redact(opt, arg); break;
	case O_SAFE: opt->safe = 1; break;
	case O_EXCEL: opt->excel = opt->safe = 1; break;
	case O_VERSION: version(); break;
	case 'h': usage(stdout, 0); break;
	default: usage(stderr, 2);
	}
}
