/* Period labels are read as a short list of tokens (numbers, words,
 * '/' and '-') matched against the forms partners use, rather than by
 * date_parse() formats: one label has several spellings (Q3 2015/16,
 * 2015/16 Q3, 2015-16 Q3) and some spellings several meanings, which a
 * list of formats would settle by their order, that is, by a guess. */
#include <stdio.h>
#include <string.h>

#include "date.h"
#include "span.h"

enum { T_NUM = 1, T_WORD, T_SLASH, T_DASH };

#define MAXTOK 8

struct tok {
	int kind;
	int v, len;   /* T_NUM: its value and number of digits */
	char w[12];   /* T_WORD: lower case */
};

static const char *const mname[] = {"january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october",
    "november", "december"};

/* Split s into tokens; -1 when it holds anything else or too many. */
static int
tokens(const char *s, size_t n, struct tok *t)
{
	const char *e = s + n;
	int nt = 0, k;

	while (s < e) {
		if (*s == ' ' || *s == '\t') {
			s++;
			continue;
		}
		if (nt == MAXTOK)
			return -1;
		memset(&t[nt], 0, sizeof(t[nt]));
		if (*s >= '0' && *s <= '9') {
			t[nt].kind = T_NUM;
			for (; s < e && *s >= '0' && *s <= '9'; s++) {
				if (++t[nt].len > 4)
					return -1;
				t[nt].v = t[nt].v * 10 + (*s - '0');
			}
		} else if ((*s | 0x20) >= 'a' && (*s | 0x20) <= 'z') {
			t[nt].kind = T_WORD;
			for (k = 0; s < e && (*s | 0x20) >= 'a' &&
			    (*s | 0x20) <= 'z'; s++) {
				if (k == (int)sizeof(t[nt].w) - 1)
					return -1;
				t[nt].w[k++] = (char)(*s | 0x20);
			}
		} else if (*s == '/') {
			t[nt].kind = T_SLASH;
			s++;
		} else if (*s == '-') {
			t[nt].kind = T_DASH;
			s++;
		} else if (e - s >= 3 && memcmp(s, "\xe2\x80\x93", 3) == 0) {
			t[nt].kind = T_DASH; /* an en dash, as spreadsheets write */
			s += 3;
		} else {
			return -1;
		}
		nt++;
	}
	return nt;
}

static int
isword(const struct tok *t, const char *w)
{
	return t->kind == T_WORD && strcmp(t->w, w) == 0;
}

/* A month name (January, Jan, Sept): 1 to 12, or 0. */
static int
month(const struct tok *t)
{
	int i;

	if (t->kind != T_WORD)
		return 0;
	for (i = 0; i < 12; i++)
		if (strcmp(t->w, mname[i]) == 0 ||
		    (strlen(t->w) == 3 && strncmp(t->w, mname[i], 3) == 0))
			return i + 1;
	return strcmp(t->w, "sept") == 0 ? 9 : 0;
}

static int
year4(const struct tok *t)
{
	return t->kind == T_NUM && t->len == 4 && t->v >= 1 && t->v <= 9998 ?
	    t->v : 0;
}

/* A dash, or the word "to" (Oct to Dec 2015, as ONS writes it). */
static int
isdash(const struct tok *t)
{
	return t->kind == T_DASH || isword(t, "to");
}

/* A financial year at t: [FY] YYYY/YY, [FY] YYYY/YYYY, [FY] YYYY-YY,
 * [FY] YYYY-YYYY. Its first year, or 0 (*why set when it is one but a
 * wrong one); *used, the tokens it takes. */
static int
fyear(const struct tok *t, int nt, int *used, const char **why)
{
	int fy = nt > 0 && isword(t, "fy"), y, z;

	if (nt < fy + 3 || !(y = year4(&t[fy])) ||
	    (t[fy + 1].kind != T_SLASH && t[fy + 1].kind != T_DASH) ||
	    t[fy + 2].kind != T_NUM ||
	    (t[fy + 2].len != 2 && t[fy + 2].len != 4))
		return 0;
	z = t[fy + 2].v;
	if (z != (t[fy + 2].len == 2 ? (y + 1) % 100 : y + 1)) {
		*why = "the second year of a financial year must follow the "
		    "first";
		return 0;
	}
	*used = fy + 3;
	return y;
}

/* A quarter at t: Q1 to Q4; 0 if none. */
static int
quarter(const struct tok *t, int nt)
{
	return nt >= 2 && isword(t, "q") && t[1].kind == T_NUM &&
	    t[1].len == 1 && t[1].v >= 1 && t[1].v <= 4 ? t[1].v : 0;
}

/* Months are counted as y * 12 + m - 1. */
static void
months(struct span *sp, long m0, long m1)
{
	sp->first = date_days((int)(m0 / 12), (int)(m0 % 12) + 1, 1);
	sp->last = date_days((int)(m1 / 12), (int)(m1 % 12) + 1,
	    date_mdays((int)(m1 / 12), (int)(m1 % 12) + 1));
	sp->prec = DATE_MONTH;
}

/* The Monday of ISO week 1 of year y: the week holding 4 January. */
static long
week1(int y)
{
	long j4 = date_days(y, 1, 4);

	return j4 - ((j4 % 7 + 7 + 3) % 7); /* 1970-01-01 was a Thursday */
}

/* YYYY-Www or YYYYWww. */
static int
week(const struct tok *t, int nt, struct span *sp, const char **why)
{
	int y, d = nt > 0 && nt == 4 && t[1].kind == T_DASH;

	if (nt != 3 + d || !(y = year4(t)) || !isword(&t[1 + d], "w") ||
	    t[2 + d].kind != T_NUM || t[2 + d].len != 2)
		return 0;
	if (t[2 + d].v < 1 || t[2 + d].v > (week1(y + 1) - week1(y)) / 7) {
		*why = "no such ISO week in that year";
		return -1;
	}
	sp->first = week1(y) + 7L * (t[2 + d].v - 1);
	sp->last = sp->first + 6;
	sp->prec = DATE_DAY;
	return 1;
}

/* Quarters: of a financial year (2015/16 Q3, Q3 2015/16, FY2015-16 Q3),
 * always fiscal; of one year (2015 Q4, Q4 2015), as quarters says. */
static int
quarters_(const struct tok *t, int nt, int conv, struct span *sp,
    const char **why)
{
	int q, y, used = 0, i = 0, fiscal;

	if ((q = quarter(t, nt))) {
		i = 2 + (nt > 2 && t[2].kind == T_DASH);
		if (!(y = fyear(t + i, nt - i, &used, why)) && nt == i + 1)
			y = year4(&t[i]), used = 1;
		fiscal = used > 1;
		if (!y || i + used != nt)
			return 0;
	} else {
		if (!(y = fyear(t, nt, &used, why)) && nt >= 1)
			y = year4(t), used = 1;
		fiscal = used > 1;
		i = used + (nt > used && t[used].kind == T_DASH);
		if (!y || !(q = quarter(t + i, nt - i)) || i + 2 != nt)
			return 0;
	}
	if (!fiscal && conv == SPAN_QNONE) {
		*why = "a quarter of a single year is calendar or fiscal: say "
		    "which (--quarters calendar or --quarters fiscal)";
		return -1;
	}
	fiscal = fiscal || conv == SPAN_QFISCAL;
	months(sp, y * 12L + (fiscal ? 3 : 0) + (q - 1) * 3,
	    y * 12L + (fiscal ? 3 : 0) + (q - 1) * 3 + 2);
	return 1;
}

/* Oct-Dec 2015, October to December 2015, Oct 2015 - Dec 2015. */
static int
monthrange(const struct tok *t, int nt, struct span *sp, const char **why)
{
	int a, b, ya, yb;

	if (nt == 4 && (a = month(t)) && isdash(&t[1]) && (b = month(&t[2])) &&
	    (ya = yb = year4(&t[3]))) {
		;
	} else if (nt == 5 && (a = month(t)) && (ya = year4(&t[1])) &&
	    isdash(&t[2]) && (b = month(&t[3])) && (yb = year4(&t[4]))) {
		;
	} else {
		return 0;
	}
	if (ya * 12 + a > yb * 12 + b) {
		*why = nt == 4 ? "the months run across a year end: which "
		    "year is the first? (write Nov 2015-Jan 2016)" :
		    "the first month is after the last";
		return -1;
	}
	months(sp, ya * 12L + a - 1, yb * 12L + b - 1);
	return 1;
}

/* Sep-16, Sep 2016, Sept 2016, September 2016, 09/2016. */
static int
onemonth(const struct tok *t, int nt, struct span *sp)
{
	int m = 0, y = 0, d = nt == 3 && t[1].kind == T_DASH;

	if (nt == 2 + d && (m = month(t)) && t[1 + d].kind == T_NUM) {
		if (t[1 + d].len == 2)
			y = t[1 + d].v + (t[1 + d].v < 69 ? 2000 : 1900);
		else
			y = year4(&t[1 + d]);
	} else if (nt == 3 && t[0].kind == T_NUM && t[0].len <= 2 &&
	    t[1].kind == T_SLASH && (y = year4(&t[2]))) {
		m = t[0].v;
	} else {
		return 0;
	}
	if (!y || m < 1 || m > 12)
		return 0;
	months(sp, y * 12L + m - 1, y * 12L + m - 1);
	return 1;
}

static int
fyonly(const struct tok *t, int nt, struct span *sp, const char **why)
{
	int y, used = 0;

	if (nt == 2 && isword(t, "fy") && year4(&t[1])) {
		*why = "a financial year named by one year could be the one "
		    "starting or the one ending then: write both years "
		    "(2016/17)";
		return -1;
	}
	if (!(y = fyear(t, nt, &used, why)) || used != nt)
		return 0;
	months(sp, y * 12L + 3, y * 12L + 14);
	return 1;
}

int
span_label(const char *s, size_t n, int conv, struct span *sp,
    const char **why)
{
	struct tok t[MAXTOK];
	const char *w = NULL;
	int nt, r;

	if (span_iso(s, n, sp) == 0) {
		/* 2011-12: December 2011, or the financial year 2011/12? */
		if (n == 7 && sp->prec == DATE_MONTH &&
		    (s[5] - '0') * 10 + (s[6] - '0') ==
		    ((s[2] - '0') * 10 + (s[3] - '0') + 1) % 100) {
			w = "a month or a financial year? Write 2011/12 for the "
			    "year; declare --date 'COLUMN=%Y-%m|period' for months";
			goto bad;
		}
		return 0;
	}
	if ((nt = tokens(s, n, t)) <= 0)
		goto bad;
	if ((r = fyonly(t, nt, sp, &w)) == 0 &&
	    (r = quarters_(t, nt, conv, sp, &w)) == 0 &&
	    (r = monthrange(t, nt, sp, &w)) == 0 &&
	    (r = onemonth(t, nt, sp)) == 0)
		r = week(t, nt, sp, &w);
	if (r > 0)
		return 0;
bad:
	if (why)
		*why = w;
	return -1;
}

int
span_iso(const char *s, size_t n, struct span *sp)
{
	struct date a, b;
	long f, l;
	size_t i;

	for (i = 0; i + 1 < n && !(s[i] == '.' && s[i + 1] == '.'); i++)
		;
	if (i + 1 >= n) {
		if (date_iso(s, n, &a) != 0)
			return -1;
		date_span(&a, &sp->first, &sp->last);
		sp->prec = a.prec;
		return 0;
	}
	if (date_iso(s, i, &a) != 0 || date_iso(s + i + 2, n - i - 2, &b) ||
	    a.prec != b.prec)
		return -1;
	date_span(&a, &sp->first, &l);
	date_span(&b, &f, &sp->last);
	if (f < sp->first)
		return -1;
	sp->prec = a.prec;
	return 0;
}

size_t
span_str(const struct span *sp, char *buf)
{
	struct date a, b;
	size_t k;

	a.prec = b.prec = sp->prec;
	date_civil(sp->first, &a.y, &a.m, &a.d);
	date_civil(sp->last, &b.y, &b.m, &b.d);
	if (sp->prec <= DATE_MONTH)
		a.d = b.d = 0;
	if (sp->prec == DATE_YEAR)
		a.m = b.m = 0;
	k = date_str(&a, buf);
	if (a.y == b.y && a.m == b.m && a.d == b.d)
		return k;
	buf[k++] = '.';
	buf[k++] = '.';
	return k + date_str(&b, buf + k);
}

void
span_what(const struct span *sp, char *buf, size_t n)
{
	static const char *const unit[] = {"", "year", "month", "day"};
	int y0, m0, d0, y1, m1, d1;
	long k;

	date_civil(sp->first, &y0, &m0, &d0);
	date_civil(sp->last, &y1, &m1, &d1);
	k = sp->prec == DATE_YEAR ? y1 - y0 + 1 : sp->prec == DATE_MONTH ?
	    (y1 - y0) * 12L + m1 - m0 + 1 : sp->last - sp->first + 1;
	if (k == 1)
		snprintf(buf, n, "a %s", unit[sp->prec]);
	else
		snprintf(buf, n, "a span of %ld %ss", k, unit[sp->prec]);
}
