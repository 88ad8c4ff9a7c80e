/* date: calendar dates of year, month or day precision; ISO 8601 text;
 * parsing by declared formats. Locale-independent. */
#ifndef SAPIPE_DATE_H
#define SAPIPE_DATE_H

#include <stddef.h>

enum { DATE_YEAR = 1, DATE_MONTH, DATE_DAY };

struct date {
	int y, m, d; /* m, d are 0 when below the precision */
	int prec;
};

int date_mdays(int y, int m);
int date_valid(int y, int m, int d);
/* Days since 1970-01-01 (proleptic Gregorian). */
long date_days(int y, int m, int d);
void date_civil(long days, int *y, int *m, int *d);
/* Strict ISO: YYYY, YYYY-MM or YYYY-MM-DD. 0 ok, -1 not a date. */
int date_iso(const char *s, size_t n, struct date *d);
/* By a format: %Y %y %m %d %e %b %B %H %M %S %p, ' ' matches any run of
 * space, anything else literally. The precision is what the format has.
 * 0 ok, -1 no match or an impossible date. */
int date_parse(const char *s, size_t n, const char *fmt, struct date *d);
/* Can fmt ever match? 0 yes; -1 a conversion date_parse does not know
 * (its letter in *bad, '\0' for a '%' that ends fmt); -2 no year. */
int date_fmtcheck(const char *fmt, char *bad);
/* ISO text of d at its precision into buf (11 bytes); its length. */
size_t date_str(const struct date *d, char *buf);
/* First and last day of d's span, as day numbers. */
void date_span(const struct date *d, long *first, long *last);

#endif
