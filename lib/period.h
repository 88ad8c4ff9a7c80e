/* period: reporting periods and series buckets as spans of day numbers
 * (lib/date.h), with the canonical labels later tools carry as opaque
 * strings. Locale-independent; nothing here allocates. */
#ifndef SAPIPE_PERIOD_H
#define SAPIPE_PERIOD_H

#include <stddef.h>

enum {
	PER_DAY = 1,  /* 2016-09-03 */
	PER_MONTH,    /* 2016-09 */
	PER_QUARTER,  /* 2016q3 */
	PER_YEAR,     /* 2016 */
	PER_SA,       /* sa2016: 2015-10-01..2016-09-30 */
	PER_FY,       /* fy2016/17 (fy2016, 2016/17): 2016-04-01..2017-03-31 */
	PER_12M,      /* 12m:2016-09: the twelve months ending then */
	PER_RANGE     /* 2015-10..2016-09 → 2015-10-01..2016-09-30 */
};

enum { BY_MONTH = 1, BY_QUARTER, BY_YEAR };

#define PERIOD_LABEL 32

struct period {
	int kind;
	long first, last; /* day numbers, inclusive */
	char label[PERIOD_LABEL];
};

/* Parse a period as --period takes it. 0 ok, -1 not a period, -2 a
 * financial year whose second year does not follow its first
 * (2016/18). */
int period_parse(const char *s, size_t n, struct period *p);
/* The period of the same length just before p (sa2016 → sa2015,
 * 2016q1 → 2015q4; a range of whole months moves by whole months, any
 * other range by its number of days). */
void period_prev(const struct period *p, struct period *prev);
/* "month", "quarter" or "year" → BY_*; -1 otherwise. */
int period_by(const char *s);
/* The bucket holding a day, and a bucket's span and label (a month
 * 2016-09, a quarter 2016q3, a year 2016). Buckets of one kind are
 * consecutive integers. */
long period_bucket(int by, long day);
void period_bucket_span(int by, long b, long *first, long *last);
void period_bucket_label(int by, long b, char *buf); /* PERIOD_LABEL */
/* A strict ISO date (YYYY, YYYY-MM, YYYY-MM-DD) to its first and last
 * day and precision (DATE_*). 0 ok, -1 not a date. */
int period_date(const char *s, size_t n, long *first, long *last,
    int *prec);

/* The year of the population estimate a span [first, last] uses: the
 * mid-year (30 June) nearest its midpoint, the earlier of two as near.
 * For a span of a year or less holding a 30 June that is the one inside
 * it (fy2016/17 uses mid-2016, sa2016 mid-2016, 2016 mid-2016); for a
 * quarter or a month with none inside, the nearest one (2016q4 and
 * 2017q1 use 2016 and 2017); for a longer span, the most central. */
int period_popyear(long first, long last);

#endif
