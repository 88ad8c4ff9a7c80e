/* Written by hand rather than with strptime(3): glibc's strptime accepts
 * 31/02, depends on the locale for month names, and cannot tell the
 * caller what precision the text had. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "date.h"

static const char *const months[] = {"january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october",
    "november", "december"};

int
date_mdays(int y, int m)
{
	static const int md[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30,
	    31};
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 ? 28 + leap : md[m - 1];
}

int
date_valid(int y, int m, int d)
{
	return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
	    d <= date_mdays(y, m);
}

/* Howard Hinnant's days_from_civil. */
long
date_days(int y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
date_civil(long z, int *y, int *m, int *d)
{
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

/* Read between min and max digits. */
static int
digits(const char **s, const char *e, int min, int max, int *v)
{
	int n = 0;

	*v = 0;
	while (*s < e && n < max && isdigit((unsigned char)**s)) {
		*v = *v * 10 + (**s - '0');
		(*s)++;
		n++;
	}
	return n >= min ? 0 : -1;
}

int
date_iso(const char *s, size_t n, struct date *d)
{
	if (n == 4)
		return date_parse(s, n, "%Y", d);
	if (n == 7)
		return date_parse(s, n, "%Y-%m", d);
	if (n == 10)
		return date_parse(s, n, "%Y-%m-%d", d);
	return -1;
}

static int
monthname(const char **s, const char *e, int full, int *m)
{
	size_t i, len;

	for (i = 0; i < 12; i++) {
		len = full ? strlen(months[i]) : 3;
		if ((size_t)(e - *s) >= len &&
		    strncasecmp(*s, months[i], len) == 0) {
			*s += len;
			*m = (int)i + 1;
			return 0;
		}
	}
	return -1;
}

int
date_fmtcheck(const char *fmt, char *bad)
{
	int year = 0;

	for (; *fmt; fmt++) {
		if (*fmt != '%')
			continue;
		if (!*++fmt || !strchr("YymbBdeHMSp%", *fmt)) {
			*bad = *fmt;
			return -1;
		}
		year |= *fmt == 'Y' || *fmt == 'y';
	}
	return year ? 0 : -2;
}

int
date_parse(const char *s, size_t n, const char *fmt, struct date *d)
{
	const char *e = s + n;
	int y = 0, m = 0, dd = 0, v, prec = 0, r = 0, seen = 0, f;

	for (; *fmt && r == 0; fmt++) {
		if (*fmt == ' ') {
			while (s < e && isspace((unsigned char)*s))
				s++;
			continue;
		}
		if (*fmt != '%' || !*++fmt) {
			r = s < e && *s == *fmt ? (s++, 0) : -1;
			continue;
		}
		/* a field read twice (%b-%b) would keep the last: refused */
		f = strchr("Yy", *fmt) ? 1 : strchr("mbB", *fmt) ? 2 :
		    strchr("de", *fmt) ? 4 : 0;
		if (seen & f) {
			r = -1;
			break;
		}
		seen |= f;
		switch (*fmt) {
		case 'Y':
			r = digits(&s, e, 4, 4, &y);
			prec = prec < DATE_YEAR ? DATE_YEAR : prec;
			break;
		case 'y':
			r = digits(&s, e, 2, 2, &y);
			y += y < 69 ? 2000 : 1900;
			prec = prec < DATE_YEAR ? DATE_YEAR : prec;
			break;
		case 'm':
			r = digits(&s, e, 1, 2, &m);
			prec = prec < DATE_MONTH ? DATE_MONTH : prec;
			break;
		case 'b':
		case 'B':
			r = monthname(&s, e, *fmt == 'B', &m);
			prec = prec < DATE_MONTH ? DATE_MONTH : prec;
			break;
		case 'd':
		case 'e':
			r = digits(&s, e, 1, 2, &dd);
			prec = DATE_DAY;
			break;
		case 'H':
		case 'M':
		case 'S':
			r = digits(&s, e, 1, 2, &v);
			break;
		case 'p':
			r = e - s >= 2 && (strncasecmp(s, "am", 2) == 0 ||
			    strncasecmp(s, "pm", 2) == 0) ? (s += 2, 0) : -1;
			break;
		case '%':
			r = s < e && *s == '%' ? (s++, 0) : -1;
			break;
		default:
			r = -1;
		}
	}
	if (r != 0 || s != e || prec == 0)
		return -1;
	if (prec >= DATE_MONTH && (m < 1 || m > 12))
		return -1;
	if (prec == DATE_DAY && !date_valid(y, m, dd))
		return -1;
	if (y < 1 || y > 9999)
		return -1;
	d->y = y;
	d->m = prec >= DATE_MONTH ? m : 0;
	d->d = prec == DATE_DAY ? dd : 0;
	d->prec = prec;
	return 0;
}

static void
put(char *b, int v, int width)
{
	while (width-- > 0) {
		b[width] = (char)('0' + v % 10);
		v /= 10;
	}
}

/* By hand: snprintf showed in profiles of the per-row path. */
size_t
date_str(const struct date *d, char *buf)
{
	put(buf, d->y, 4);
	if (d->prec == DATE_YEAR) {
		buf[4] = '\0';
		return 4;
	}
	buf[4] = '-';
	put(buf + 5, d->m, 2);
	if (d->prec == DATE_MONTH) {
		buf[7] = '\0';
		return 7;
	}
	buf[7] = '-';
	put(buf + 8, d->d, 2);
	buf[10] = '\0';
	return 10;
}

void
date_span(const struct date *d, long *first, long *last)
{
	switch (d->prec) {
	case DATE_YEAR:
		*first = date_days(d->y, 1, 1);
		*last = date_days(d->y, 12, 31);
		break;
	case DATE_MONTH:
		*first = date_days(d->y, d->m, 1);
		*last = date_days(d->y, d->m, date_mdays(d->y, d->m));
		break;
	default:
		*first = *last = date_days(d->y, d->m, d->d);
	}
}
