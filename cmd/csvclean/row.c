/* csvclean: each row, from the reader to the output. */
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
#include "date.h"
#include "header.h"
#include "hset.h"
#include "num.h"
#include "rx.h"
#include "span.h"
#include "text.h"

static void setval(struct run *R, long i, struct sbuf *b);
static void redact(struct run *R, const struct op *o);
static int risky(const char *s, size_t n);
static int compute(struct run *R, struct op *o, struct csvr *r,
    struct csvr_row *row);

/* Default date formats, UK day-first; --us-dates swaps day and month. */
static const char *const ukfmt[] = { "%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y",
	"%d-%m-%Y", "%d.%m.%Y", "%Y-%m", "%Y/%m/%d", "%b %Y", "%B %Y",
	"%b-%y", "%b-%Y", "%d %b %Y", "%d %B %Y", "%d-%b-%Y", "%d-%b-%y",
	"%Y", "%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S", "%Y-%m-%d %H:%M",
	"%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M" };

#define FFFD "\xEF\xBF\xBD"

/* Text made safe to write: UTF-8, each byte that is not (and each NUL)
 * a U+FFFD; with -e, each byte above 0x7F recoded on its own (both
 * encodings are one byte a character), an undefined one a U+FFFD. */
static void
safetext(struct run *R, struct sbuf *b, const char *s, size_t n)
{
	struct sbuf one = { 0 };
	unsigned char c;
	size_t k, len, bad;

	b->len = 0;
	for (k = 0; k < n; k += len) {
		c = (unsigned char)s[k];
		len = c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
		if (c == 0) {
			sb_add(b, FFFD, 3);
		} else if (c < 0x80) {
			sb_addc(b, c);
		} else if (R->rc) {
			len = 1;
			if (recode(R->rc, s + k, 1, &one, &bad) == 0)
				sb_add(b, one.s, one.len);
			else
				sb_add(b, FFFD, 3);
		} else if (k + len <= n && utf8_bad(s + k, len) < 0) {
			sb_add(b, s + k, len);
		} else {
			sb_add(b, FFFD, 3);
			len = 1;
		}
	}
	sb_add(b, "", 0);
	sb_free(&one);
}

/* The values of a rejected row as the output would show them: read
 * afresh and made UTF-8 if the row never loaded (an unreadable row: all
 * empty), then every --redact and --set not yet run. */
static void
rejvalues(struct run *R, struct csvr_row *row)
{
	size_t i, src, k = R->opk;

	if (!R->loaded) {
		for (i = 0; i < R->ww; i++) {
			R->v[i] = "";
			R->vn[i] = 0;
			/* (perm has the input's width, not the output's) */
			if (i >= R->w || row->err != CSVR_OK)
				continue;
			src = R->perm ? (size_t)R->perm[i] : i;
			if (src >= row->n)
				continue;
			safetext(R, &R->tmp, row->f[src], row->len[src]);
			setval(R, (long)i, &R->tmp);
			if (!R->opt->notrim)
				trim(&R->v[i], &R->vn[i]);
		}
		k = 0;
	}
	for (; k < R->opt->nops; k++)
		if (R->opt->ops[k].kind == OP_REDACT)
			redact(R, &R->opt->ops[k]);
		else if (R->opt->ops[k].kind == OP_SET)
			compute(R, &R->opt->ops[k], NULL, row);
}

/* One field into the rejects file, as emit() would write it. */
static void
rejfield(struct run *R, const char *s, size_t n)
{
	if (R->opt->excel) {
		csvw_xfield(R->rej, s, n, 0);
		return;
	}
	if (R->opt->safe && risky(s, n)) {
		R->tmp.len = 0;
		sb_addc(&R->tmp, '\'');
		sb_add(&R->tmp, s, n);
		s = R->tmp.s;
		n = R->tmp.len;
	}
	csvw_field(R->rej, s, n, 0);
}

/* A rejects file is as safe as the output: the columns written, each
 * --redact applied, UTF-8, --safe-cells. Only --rejects-raw keeps the
 * record as read. */
static void
rejrest(struct run *R, struct csvr *r, struct csvr_row *row)
{
	const char *raw;
	size_t rawn, i;

	if (R->opt->rejraw) {
		raw = csvr_raw(r, &rawn);
		csvw_field(R->rej, raw, rawn, 0);
	} else {
		rejvalues(R, row);
		for (i = 0; i < R->nsel; i++)
			rejfield(R, R->v[R->sel[i]], R->vn[R->sel[i]]);
	}
	csvw_end(R->rej);
}

/* A reject's message, and the start of its record in the rejects file
 * (rejrest() writes the rest): by reject(), and for a thread's part by
 * the main thread, which alone knows the line. */
void
rejsay(struct run *R, long line, const char *msg)
{
	struct sbuf t = { 0 };

	if (R->rejected++ < 10 || R->opt->verbose)
		warnx("%s:%ld: %s", R->file, line, msg);
	else if (R->rejected == 11)
		warnx("(further rejects not shown; see --rejects)");
	if (!R->rej)
		return;
	safetext(R, &t, R->file, strlen(R->file));
	csvw_field(R->rej, t.s, t.len, 1);
	fprintf(R->rej, ",%ld", line);
	safetext(R, &t, msg, strlen(msg));
	csvw_field(R->rej, t.s, t.len, 0);
	sb_free(&t);
}

static int
reject(struct run *R, struct csvr *r, struct csvr_row *row,
    const char *fmt, ...)
{
	struct part *p = R->part;
	char msg[512];
	va_list ap;
	long long n;
	int len;

	va_start(ap, fmt);
	len = vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (!p) {
		rejsay(R, row->line, msg);
		if (R->rej)
			rejrest(R, r, row);
		return -1;
	}
	/* A thread's part keeps the message and the tail for later. */
	len = len < 0 ? 0 : len >= (int)sizeof(msg) ? (int)sizeof(msg) - 1 :
	    len;
	sb_add(&p->text, msg, (size_t)len + 1);
	n = 0;
	if (R->rej) {
		rejrest(R, r, row);
		if (fflush(R->rej) != 0 || (n = ftello(R->rej)) < 0)
			err(1, "rejects");
		sb_add(&p->text, p->msb, (size_t)n);
		rewind(R->rej);
	}
	part_add(p, P_REJECT, (uint64_t)row->line, (uint64_t)n,
	    (size_t)len + 1, 0);
	return -1;
}

/* A short printable copy of a value for a message. */
static const char *
shown(const char *s, size_t n)
{
	static _Thread_local char buf[80];

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
int
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

/* Load the row into the working values: decode, check, trim. */
static int
load(struct run *R, struct csvr *r, struct csvr_row *row)
{
	size_t i, src, bad, k;
	long b;

	/* The common row: split by the scanner, ASCII, the header's width,
	 * the first file's column order. Only the columns in use matter. */
	if (row->ascii && !row->nul && !R->perm && row->n == R->w) {
		for (k = 0; k < R->nuse; k++) {
			const char *s;
			size_t n;

			i = R->use[k];
			s = row->f[i];
			n = row->len[i];
			if (!R->opt->notrim)
				trim(&s, &n);
			R->v[i] = s;
			R->vn[i] = n;
		}
		for (i = R->w; i < R->ww; i++) {
			R->v[i] = "";
			R->vn[i] = 0;
		}
		return 0;
	}
	for (i = 0; i < R->w; i++) {
		src = R->perm ? (size_t)R->perm[i] : i;
		/* The extra fields follow the file's last column, which
		 * is not the first file's last when the order differs. */
		if (R->opt->join && src == R->w - 1 && row->n > R->w) {
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
					    R->opt->enc);
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
		if (!R->opt->notrim && R->need[i])
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

static void
redact(struct run *R, const struct op *o)
{
	if (o->mode == RED_SECTOR) {
		sector(R, o->ci);
	} else {
		R->v[o->ci] = o->mode == RED_MASK && R->vn[o->ci] ?
		    "[redacted]" : "";
		R->vn[o->ci] = strlen(R->v[o->ci]);
	}
}

/* One format; "period" reads a period label into a span (lib/span.h).
 * 0 and the text form in buf, or -1 (*why may say why). */
static int
onedate(int quarters, const char *fmt, const char *s, size_t n, char *buf,
    const char **why)
{
	struct date d;
	struct span sp;

	if (strcmp(fmt, "period") == 0) {
		if (span_label(s, n, quarters, &sp, why) != 0)
			return -1;
		span_str(&sp, buf);
		return 0;
	}
	if (date_parse(s, n, fmt, &d) != 0)
		return -1;
	date_str(&d, buf);
	return 0;
}

/* Not a date: the formats tried, and whether a period reading fits. */
static int
notdate(struct run *R, struct op *o, struct csvr *r, struct csvr_row *row,
    const char *why)
{
	const char *v = R->v[o->ci];
	size_t n = R->vn[o->ci], k;
	struct span sp;
	int hint = 1;

	for (k = 0; k < o->nfmt; k++)
		hint = hint && strcmp(o->fmt[k], "period") != 0;
	hint = hint && span_label(v, n, SPAN_QCALENDAR, &sp, NULL) == 0;
	if (o->nfmt == 1 && !hint && strcmp(o->fmt[0], "period") == 0)
		return reject(R, r, row, "column '%s': '%s' is not a period "
		    "label%s%s", R->name[o->ci], shown(v, n), why ? ": " : "",
		    why ? why : "");
	return reject(R, r, row, "column '%s': '%s' is not a date%s%s%s%s%s%s",
	    R->name[o->ci], shown(v, n), o->deffmt ? (R->opt->usdates ?
	    " (month-first)" : " (day-first)") : " (format ",
	    o->deffmt ? "" : o->fmt[0],
	    o->deffmt ? "" : o->nfmt > 1 ? ", ...)" : ")",
	    why ? ": " : "", why ? why : "",
	    hint ? "; as a period label, read it with --date "
	    "COLUMN=period" : "");
}

static int
do_date(struct run *R, struct op *o, struct csvr *r, struct csvr_row *row)
{
	static const char *const usfmt[] = { "%m/%d/%Y", "%m/%d/%y",
		"%m-%d-%Y", "%m.%d.%Y" };
	const char *const *f = o->deffmt ? ukfmt : (const char *const *)o->fmt;
	size_t n = o->deffmt ? sizeof(ukfmt) / sizeof(*ukfmt) : o->nfmt, k;
	const char *fmt, *why = NULL;
	char buf[SPAN_TEXT];

	if (R->vn[o->ci] == 0)
		return 0;
	for (k = 0; k < n; k++) {
		fmt = f[k];
		if (o->deffmt && R->opt->usdates && k >= 1 && k <= 4)
			fmt = usfmt[k - 1];
		if (onedate(R->opt->quarters, fmt, R->v[o->ci], R->vn[o->ci], buf, &why) == 0)
			break;
	}
	if (k == n)
		return notdate(R, o, r, row, why);
	R->tmp.len = 0;
	sb_add(&R->tmp, buf, strlen(buf));
	setval(R, o->ci, &R->tmp);
	return 0;
}

static int
compute(struct run *R, struct op *o, struct csvr *r, struct csvr_row *row)
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
		redact(R, o);
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
#define MEMOMIN (1 << 10)    /* slots per operation at first */
#define MEMO (1 << 16)       /* and at most */
#define MEMOLEN 96           /* the longest value remembered */
#define MEMOTEXT (1 << 22)   /* bytes of remembered text per operation */

/* Slots are small, and only as many are used as the values need (half
 * full at most, by linear probing; three quarters at MEMO), so that
 * looking one up stays in the cache: a thousand areas take 64 KB, not
 * the whole table's 1 MB. The text sits packed in one block. All is
 * forgotten at once when either fills. */
struct mslot {
	uint64_t h;
	uint32_t off;
	unsigned char inn, outn;
	unsigned char state; /* 0 empty, 1 unchanged, 2 rewritten */
};

struct memo {
	struct mslot e[MEMO];
	size_t mask;         /* slots in use - 1 */
	size_t n;            /* values remembered */
	size_t len;
	char text[MEMOTEXT];
};

/* Are the n bytes at a and b the same? Word loads, the last overlapping
 * the one before: remembered values are short, and inline this costs
 * less than a call. */
static inline int
same(const char *a, const char *b, size_t n)
{
	uint64_t x, y;
	uint32_t p, q, u, w;
	size_t i;

	if (n >= 8) {
		for (i = 0; i + 8 < n; i += 8) {
			memcpy(&x, a + i, 8);
			memcpy(&y, b + i, 8);
			if (x != y)
				return 0;
		}
		memcpy(&x, a + n - 8, 8);
		memcpy(&y, b + n - 8, 8);
		return x == y;
	}
	if (n >= 4) {
		memcpy(&p, a, 4);
		memcpy(&q, b, 4);
		memcpy(&u, a + n - 4, 4);
		memcpy(&w, b + n - 4, 4);
		return p == q && u == w;
	}
	for (i = 0; i < n; i++)
		if (a[i] != b[i])
			return 0;
	return 1;
}

/* Twice the slots, the values moved to their places in them. */
static void
memo_grow(struct memo *m)
{
	size_t i, k, n = m->mask + 1;
	struct mslot *old = xreallocarray(NULL, n, sizeof(*old));

	memcpy(old, m->e, n * sizeof(*old));
	memset(m->e, 0, n * sizeof(*old));
	m->mask = 2 * n - 1;
	for (i = 0; i < n; i++) {
		if (!old[i].state)
			continue;
		for (k = old[i].h & m->mask; m->e[k].state;
		    k = (k + 1) & m->mask)
			;
		m->e[k] = old[i];
	}
	free(old);
}

static void
memo_put(struct memo *m, uint64_t h, const char *in, size_t inn,
    const char *out, size_t outn, int state)
{
	size_t k;

	if (m->len + inn + outn > MEMOTEXT ||
	    (m->mask + 1 == MEMO && 4 * (m->n + 1) > 3 * MEMO)) {
		memset(m->e, 0, (m->mask + 1) * sizeof(m->e[0]));
		m->len = m->n = 0;
	} else if (m->mask + 1 < MEMO && 2 * (m->n + 1) > m->mask + 1) {
		memo_grow(m);
	}
	for (k = h & m->mask; m->e[k].state; k = (k + 1) & m->mask)
		;
	m->n++;
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
do_op(struct run *R, struct op *o, struct csvr *r, struct csvr_row *row)
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
		if (!(m = o->memo)) {
			m = o->memo = xcalloc(1, sizeof(*o->memo));
			m->mask = MEMOMIN - 1;
			R->mtext = xreallocarray(R->mtext, R->nmtext + 1,
			    sizeof(*R->mtext));
			R->mtext[R->nmtext++] = m->text;
		}
		h = hash64(in, inn, 7);
		for (k = h & m->mask; m->e[k].state; k = (k + 1) & m->mask) {
			txt = m->text + m->e[k].off;
			if (m->e[k].h == h && m->e[k].inn == inn &&
			    same(txt, in, inn)) {
				R->v[t] = m->e[k].state == 2 ? txt + inn : in;
				R->vn[t] = m->e[k].state == 2 ?
				    m->e[k].outn : inn;
				return 0;
			}
		}
	}
	if (compute(R, o, r, row) != 0)
		return -1;
	/* (a rewritten value is remembered only if it needs no quoting) */
	if (m && R->vn[t] <= MEMOLEN && (R->v[t] == in ||
	    !csvw_needq(R->v[t], R->vn[t])))
		memo_put(m, h, in, inn, R->v[t], R->vn[t],
		    R->v[t] == in ? 1 : 2);
	return 0;
}

/* Is v[0..n) a remembered output, known to need no quoting? */
static int
inmemo(const struct run *R, const char *v, size_t n)
{
	uintptr_t p = (uintptr_t)v, lo;
	size_t i;

	for (i = 0; i < R->nmtext; i++) {
		lo = (uintptr_t)R->mtext[i];
		if (p >= lo && p + n <= lo + MEMOTEXT)
			return 1;
	}
	return 0;
}

/* The row's dedup hashes: *f has 1 when its id counts (in *id), 2 when
 * the whole row does (in *rowh). */
static void
hashes(struct run *R, int *f, uint64_t *id, uint64_t *rowh)
{
	uint64_t h = 0;
	size_t i;

	*f = 0;
	if (R->dedupi >= 0 && R->vn[R->dedupi] > 0) {
		/* The hash taken for the prefetch stands if the id did not
		 * change on the way. */
		if (R->v[R->dedupi] != R->idp || R->vn[R->dedupi] != R->idn)
			R->idh = hash64(R->v[R->dedupi], R->vn[R->dedupi], 1);
		*id = R->idh;
		*f |= 1;
	}
	if (R->opt->deduprows) {
		for (i = 0; i < R->nsel; i++)
			h = hash64(R->v[R->sel[i]], R->vn[R->sel[i]], h + i);
		*rowh = h;
		*f |= 2;
	}
}

/* Is a row with these hashes a duplicate? (the first one seen is not) */
int
isdup(struct run *R, int f, uint64_t id, uint64_t rowh)
{
	if ((f & 1) && !hset_add(R->ids, id))
		return 1;
	return (f & 2) && !hset_add(R->rows, rowh);
}

/* Write the line of the row whose dedup waits, or count it a duplicate.
 * Called by the next row, and at the end of each file. */
void
settle(struct run *R)
{
	if (!R->pending)
		return;
	R->pending = 0;
	if (isdup(R, R->pendf, R->pendid, R->pendrow)) {
		R->dups++;
		return;
	}
	fwrite_unlocked(R->pend.s, 1, R->pend.len, R->out);
	R->written++;
}

/* Cells that a spreadsheet would run as a formula get a leading quote;
 * plain numbers such as -5 are left alone (lib's rule). */
static int
risky(const char *s, size_t n)
{
	return csvw_risky(s, n);
}

/* The row is built in one buffer, appended to b, to be written with one
 * call: stdio's per-field overhead showed in profiles. */
static void
build(struct run *R, const struct csvr_row *row, struct sbuf *b)
{
	const char *v;
	size_t i, k, n, start = b->len;
	long c;
	int q, rk;

	for (i = 0; i < R->nsel; i++) {
		c = R->sel[i];
		v = R->v[c];
		n = R->vn[c];
		grow(&b->s, &b->cap, b->len + 2 * n + 4);
		if (i > 0)
			b->s[b->len++] = ',';
		rk = R->opt->safe && risky(v, n);
		/* (a value still in a row that needs no quoting is not
		 * looked at) */
		q = (!inmemo(R, v, n) && csvw_needq_in(row, v, n)) ||
		    (rk && R->opt->excel);
		if (q)
			b->s[b->len++] = '"';
		if (rk)
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
	if (b->len == start) {
		b->s[b->len++] = '"';
		b->s[b->len++] = '"';
	}
	b->s[b->len++] = '\n';
}

int
dorow(struct run *R, struct csvr *r, struct csvr_row *row)
{
	struct sbuf t;
	uint64_t id = 0, rowh = 0;
	size_t k;
	int f;

	R->read++;
	R->loaded = 0;
	R->opk = 0;
	if (row->err == CSVR_ETOOLONG && row->longrec)
		return reject(R, r, row, "record longer than 64 times "
		    "--max-field (%zu bytes)", csvr_maxrec(r));
	if (row->err == CSVR_ETOOLONG)
		return reject(R, r, row, "field longer than --max-field "
		    "(%zu bytes)", R->opt->maxfield);
	if (row->err == CSVR_EQUOTE)
		return reject(R, r, row, "quoted field not closed before the "
		    "end of input");
	if (row->err == CSVR_EWIDE)
		return reject(R, r, row, "more than %d fields", CSVR_MAXFIELDS);
	if (isblankrow(row)) {
		R->blank++;
		return 0;
	}
	if (isheader(R, row)) {
		R->headers++;
		return 0;
	}
	if ((row->n < R->fh->n && !R->opt->pad) || (row->n > R->fh->n &&
	    !R->opt->join))
		return reject(R, r, row, "%zu fields where the header has %zu%s",
		    row->n, R->fh->n, row->quoted ? " (a stray quote?)" : "");
	if (load(R, r, row) != 0)
		return -1;
	R->loaded = 1;
	/* The id's slot is a cache miss: start it while the row is worked. */
	R->idp = NULL;
	if (R->dedupi >= 0 && R->vn[R->dedupi] > 0) {
		R->idp = R->v[R->dedupi];
		R->idn = R->vn[R->dedupi];
		R->idh = hash64(R->idp, R->idn, 1);
		if (!R->part)
			hset_prefetch(R->ids, R->idh);
	}
	for (k = 0; k < R->opt->nops; k++) {
		R->opk = k; /* the ops before it have run */
		if (do_op(R, &R->opt->ops[k], r, row) != 0)
			return -1;
	}
	hashes(R, &f, &id, &rowh);
	if (R->part) {
		k = R->part->text.len;
		build(R, row, &R->part->text);
		part_add(R->part, P_LINE, id, rowh, R->part->text.len - k, f);
		return 0;
	}
	R->line.len = 0;
	if (!R->defer) {
		if (isdup(R, f, id, rowh)) {
			R->dups++;
			return 0;
		}
		build(R, row, &R->line);
		fwrite_unlocked(R->line.s, 1, R->line.len, R->out);
		R->written++;
		return 0;
	}
	build(R, row, &R->line);
	if (f & 2)
		hset_prefetch(R->rows, rowh);
	settle(R);
	t = R->pend;
	R->pend = R->line;
	R->line = t;
	R->pendf = f;
	R->pendid = id;
	R->pendrow = rowh;
	R->pending = 1;
	return 0;
}
