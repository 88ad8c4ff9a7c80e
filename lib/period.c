#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "date.h"
#include "period.h"

/* n digits at s as a number, or -1. */
static int
dig(const char *s, int n)
{
	int v = 0;

	while (n-- > 0) {
		if (*s < '0' || *s > '9')
			return -1;
		v = v * 10 + (*s++ - '0');
	}
	return v;
}

/* Hand-written rather than date_iso(): this runs once per distinct date
 * string, but also on every --period, and needs the span, not fields. */
int
period_date(const char *s, size_t n, long *first, long *last, int *prec)
{
	int y, m = 1, d = 1;

	if ((n != 4 && n != 7 && n != 10) || (y = dig(s, 4)) < 1)
		return -1;
	if (n >= 7 && (s[4] != '-' || (m = dig(s + 5, 2)) < 1 || m > 12))
		return -1;
	if (n == 10 && (s[7] != '-' || (d = dig(s + 8, 2)) < 1 ||
	    d > date_mdays(y, m)))
		return -1;
	*prec = n == 4 ? DATE_YEAR : n == 7 ? DATE_MONTH : DATE_DAY;
	*first = date_days(y, m, d);
	if (n == 4)
		*last = date_days(y, 12, 31);
	else if (n == 7)
		*last = date_days(y, m, date_mdays(y, m));
	else
		*last = *first;
	return 0;
}

static void
isoday(long day, char *buf)
{
	int y, m, d;

	date_civil(day, &y, &m, &d);
	snprintf(buf, 11, "%04d-%02d-%02d", y, m, d);
}

/* Months are counted as y * 12 + m - 1 so that they subtract. */
static void
months(struct period *p, long m0, long nm)
{
	p->first = date_days((int)(m0 / 12), (int)(m0 % 12) + 1, 1);
	m0 += nm - 1;
	p->last = date_days((int)(m0 / 12), (int)(m0 % 12) + 1,
	    date_mdays((int)(m0 / 12), (int)(m0 % 12) + 1));
}

/* snprintf()'s "%04d" of y, 0 <= y <= 9999, then sep and the w digits
 * of v when sep is not NUL: a series labels the buckets of each row it
 * writes, and snprintf() cost more than the rest of the row's labels. */
static void
label4(char *s, int y, char sep, int v, int w)
{
	s[0] = (char)('0' + y / 1000);
	s[1] = (char)('0' + y / 100 % 10);
	s[2] = (char)('0' + y / 10 % 10);
	s[3] = (char)('0' + y % 10);
	s += 4;
	if (sep) {
		*s++ = sep;
		if (w == 2)
			*s++ = (char)('0' + v / 10);
		*s++ = (char)('0' + v % 10);
	}
	*s = '\0';
}

static void
setlabel(struct period *p)
{
	int y, m, d, fast;
	char a[11], b[11];

	date_civil(p->last, &y, &m, &d);
	fast = y >= 0 && y <= 9999;
	switch (p->kind) {
	case PER_DAY:
		isoday(p->first, p->label);
		break;
	case PER_MONTH:
		if (fast)
			label4(p->label, y, '-', m, 2);
		else
			snprintf(p->label, PERIOD_LABEL, "%04d-%02d", y, m);
		break;
	case PER_QUARTER:
		if (fast)
			label4(p->label, y, 'q', (m + 2) / 3, 1);
		else
			snprintf(p->label, PERIOD_LABEL, "%04dq%d", y,
			    (m + 2) / 3);
		break;
	case PER_YEAR:
		if (fast)
			label4(p->label, y, '\0', 0, 0);
		else
			snprintf(p->label, PERIOD_LABEL, "%04d", y);
		break;
	case PER_SA:
		snprintf(p->label, PERIOD_LABEL, "sa%04d", y);
		break;
	case PER_FY:
		/* both years: fy2016 alone reads as 2015/16 to some */
		snprintf(p->label, PERIOD_LABEL, "fy%04d/%02d", y - 1, y % 100);
		break;
	case PER_12M:
		snprintf(p->label, PERIOD_LABEL, "12m:%04d-%02d", y, m);
		break;
	default:
		isoday(p->first, a);
		isoday(p->last, b);
		snprintf(p->label, PERIOD_LABEL, "%s..%s", a, b);
	}
}

static int
range(const char *s, size_t n, struct period *p)
{
	const char *dots = NULL;
	long f1, l1, f2, l2;
	size_t i;
	int prec;

	for (i = 0; i + 1 < n; i++)
		if (s[i] == '.' && s[i + 1] == '.') {
			dots = s + i;
			break;
		}
	if (!dots || period_date(s, (size_t)(dots - s), &f1, &l1, &prec) ||
	    period_date(dots + 2, n - (size_t)(dots - s) - 2, &f2, &l2,
	    &prec) || f1 > l2)
		return -1;
	p->kind = PER_RANGE;
	p->first = f1;
	p->last = l2;
	return 0;
}

/* A financial year as UK analysts write it: fyYYYY (the year it
 * starts), or YYYY/YY, YYYY/YYYY, with fy before them optional, and
 * fyYYYY-YY, fyYYYY-YYYY (a bare YYYY-YY could be a month). 0 ok, -1
 * not one, -2 the second year does not follow the first. */
static int
fyear(const char *s, size_t n, struct period *p)
{
	int fy = n > 2 && strncasecmp(s, "fy", 2) == 0, y, z;
	size_t m;

	if (fy) {
		s += 2;
		n -= 2;
	}
	if (n < 4 || (y = dig(s, 4)) < 1 || y > 9998 || (n == 4 && !fy))
		return -1;
	if (n > 4) {
		m = n - 5;
		if ((s[4] != '/' && (s[4] != '-' || !fy)) ||
		    (m != 2 && m != 4) || (z = dig(s + 5, (int)m)) < 0)
			return -1;
		if (z != (m == 2 ? (y + 1) % 100 : y + 1))
			return -2;
	}
	p->kind = PER_FY;
	months(p, y * 12L + 3, 12);
	return 0;
}

/* Periods named by a year: YYYY, saYYYY, YYYYqN. */
static int
named(const char *s, size_t n, struct period *p)
{
	int y, q;

	if (n == 4 && (y = dig(s, 4)) >= 1) {
		p->kind = PER_YEAR;
		months(p, y * 12L, 12);
	} else if (n == 6 && strncasecmp(s, "sa", 2) == 0 &&
	    (y = dig(s + 2, 4)) >= 2) {
		p->kind = PER_SA;
		months(p, y * 12L - 3, 12);
	} else if (n == 6 && (s[4] | 0x20) == 'q' && (y = dig(s, 4)) >= 1 &&
	    (q = dig(s + 5, 1)) >= 1 && q <= 4) {
		p->kind = PER_QUARTER;
		months(p, y * 12L + (q - 1) * 3, 3);
	} else {
		return -1;
	}
	return 0;
}

int
period_parse(const char *s, size_t n, struct period *p)
{
	long f, l;
	int prec, y, m, r;

	memset(p, 0, sizeof(*p));
	if ((r = fyear(s, n, p)) != -1) {
		if (r < 0)
			return r;
	} else if (n == 11 && strncasecmp(s, "12m:", 4) == 0) {
		if ((y = dig(s + 4, 4)) < 1 || s[8] != '-' ||
		    (m = dig(s + 9, 2)) < 1 || m > 12 || (y == 1 && m < 12))
			return -1;
		p->kind = PER_12M;
		months(p, y * 12L + m - 12, 12);
	} else if (named(s, n, p) == 0) {
		;
	} else if ((n == 7 || n == 10) && period_date(s, n, &f, &l,
	    &prec) == 0) {
		p->kind = prec == DATE_MONTH ? PER_MONTH : PER_DAY;
		p->first = f;
		p->last = l;
	} else if (range(s, n, p) != 0) {
		return -1;
	}
	setlabel(p);
	return 0;
}

static long
monthof(long day)
{
	int y, m, d;

	date_civil(day, &y, &m, &d);
	return y * 12L + m - 1;
}

static int
wholemonths(const struct period *p)
{
	int y, m, d;

	date_civil(p->first, &y, &m, &d);
	if (d != 1)
		return 0;
	date_civil(p->last, &y, &m, &d);
	return d == date_mdays(y, m);
}

void
period_prev(const struct period *p, struct period *prev)
{
	long nm, len;

	*prev = *p;
	if (p->kind == PER_DAY || (p->kind == PER_RANGE && !wholemonths(p))) {
		len = p->last - p->first + 1;
		prev->first = p->first - len;
		prev->last = p->first - 1;
	} else {
		nm = monthof(p->last) - monthof(p->first) + 1;
		months(prev, monthof(p->first) - nm, nm);
	}
	setlabel(prev);
}

int
period_by(const char *s)
{
	if (strcmp(s, "month") == 0)
		return BY_MONTH;
	if (strcmp(s, "quarter") == 0)
		return BY_QUARTER;
	if (strcmp(s, "year") == 0)
		return BY_YEAR;
	return -1;
}

/* Floor division, so that buckets before year 0 would still order. */
static long
fdiv(long a, long b)
{
	return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

long
period_bucket(int by, long day)
{
	long m = monthof(day);

	return by == BY_MONTH ? m : by == BY_QUARTER ? fdiv(m, 3) :
	    fdiv(m, 12);
}

void
period_bucket_span(int by, long b, long *first, long *last)
{
	struct period p;

	if (by == BY_MONTH)
		months(&p, b, 1);
	else if (by == BY_QUARTER)
		months(&p, b * 3, 3);
	else
		months(&p, b * 12, 12);
	*first = p.first;
	*last = p.last;
}

void
period_bucket_label(int by, long b, char *buf)
{
	struct period p;

	memset(&p, 0, sizeof(p));
	p.kind = by == BY_MONTH ? PER_MONTH : by == BY_QUARTER ? PER_QUARTER :
	    PER_YEAR;
	period_bucket_span(by, b, &p.first, &p.last);
	setlabel(&p);
	memcpy(buf, p.label, PERIOD_LABEL);
}

/* ONS mid-year estimates are for 30 June. Twice the days are compared,
 * so that a midpoint between two days stays exact. */
int
period_popyear(long first, long last)
{
	long mid2 = first + last, d, best = -1;
	int y, m, dd, k, by = 0;

	date_civil(fdiv(mid2, 2), &y, &m, &dd);
	for (k = y - 1; k <= y + 1; k++) {
		d = 2 * date_days(k, 6, 30) - mid2;
		d = d < 0 ? -d : d;
		if (best < 0 || d < best) {
			best = d;
			by = k;
		}
	}
	return by;
}
