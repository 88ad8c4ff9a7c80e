/* Unit tests for lib/period.c. */
#include <stdio.h>
#include <string.h>

#include "date.h"
#include "period.h"

static int fails;

#define CHECK(c) do { if (!(c)) { fails++; \
	fprintf(stderr, "%s:%d: %s\n", __FILE__, __LINE__, #c); } } while (0)

/* "label first..last" of a parsed period, or "ERR". */
static const char *
show(const char *s, int prev)
{
	static char buf[128];
	struct period p, q;
	int y1, m1, d1, y2, m2, d2;

	if (period_parse(s, strlen(s), &p) != 0)
		return "ERR";
	if (prev) {
		period_prev(&p, &q);
		p = q;
	}
	date_civil(p.first, &y1, &m1, &d1);
	date_civil(p.last, &y2, &m2, &d2);
	snprintf(buf, sizeof(buf), "%s %04d-%02d-%02d..%04d-%02d-%02d",
	    p.label, y1, m1, d1, y2, m2, d2);
	return buf;
}

#define IS(s, prev, want) CHECK(strcmp(show(s, prev), want) == 0)

static void
test_parse(void)
{
	IS("sa2016", 0, "sa2016 2015-10-01..2016-09-30");
	IS("SA2016", 0, "sa2016 2015-10-01..2016-09-30");
	IS("fy2016", 0, "fy2016/17 2016-04-01..2017-03-31");
	IS("2016", 0, "2016 2016-01-01..2016-12-31");
	IS("2016q1", 0, "2016q1 2016-01-01..2016-03-31");
	IS("2016Q3", 0, "2016q3 2016-07-01..2016-09-30");
	IS("2016q4", 0, "2016q4 2016-10-01..2016-12-31");
	IS("2016-02", 0, "2016-02 2016-02-01..2016-02-29");
	IS("2016-09-03", 0, "2016-09-03 2016-09-03..2016-09-03");
	IS("12m:2016-09", 0, "12m:2016-09 2015-10-01..2016-09-30");
	IS("12m:2016-12", 0, "12m:2016-12 2016-01-01..2016-12-31");
	IS("2015-10..2016-09", 0,
	    "2015-10-01..2016-09-30 2015-10-01..2016-09-30");
	IS("2016..2016-03-15", 0,
	    "2016-01-01..2016-03-15 2016-01-01..2016-03-15");
	IS("2016-09..2016-08", 0, "ERR");
	IS("2016q5", 0, "ERR");
	IS("2016q0", 0, "ERR");
	IS("sa16", 0, "ERR");
	IS("2016-13", 0, "ERR");
	IS("2016-02-30", 0, "ERR");
	IS("12m:2016-13", 0, "ERR");
	IS("", 0, "ERR");
	IS("2016-09..", 0, "ERR");
	IS("last year", 0, "ERR");
	/* financial years, as analysts write them; labelled by both years */
	IS("fy2016", 0, "fy2016/17 2016-04-01..2017-03-31");
	IS("2016/17", 0, "fy2016/17 2016-04-01..2017-03-31");
	IS("FY2016/17", 0, "fy2016/17 2016-04-01..2017-03-31");
	IS("fy2016-17", 0, "fy2016/17 2016-04-01..2017-03-31");
	IS("Fy2016/2017", 0, "fy2016/17 2016-04-01..2017-03-31");
	IS("fy2016-2017", 0, "fy2016/17 2016-04-01..2017-03-31");
	IS("2099/00", 0, "fy2099/00 2099-04-01..2100-03-31");
	IS("fy2016/17", 1, "fy2015/16 2015-04-01..2016-03-31");
	IS("2016/18", 0, "ERR");
	IS("fy2016-18", 0, "ERR");
	IS("2016/2018", 0, "ERR");
	IS("2016/1", 0, "ERR");
	IS("2016/017", 0, "ERR");
	IS("2016/", 0, "ERR");
	IS("fy", 0, "ERR");
	IS("fy16/17", 0, "ERR");
	IS("fy2016/1x", 0, "ERR");
	IS("2016-17", 0, "ERR");  /* a bare YYYY-YY: a month's shape */
	IS("2016-12", 0, "2016-12 2016-12-01..2016-12-31");
	IS("2016:17", 0, "ERR");
	CHECK(period_parse("2016/18", 7, &(struct period){0}) == -2);
	CHECK(period_parse("fy2016-15", 9, &(struct period){0}) == -2);
	CHECK(period_parse("fy2016+17", 9, &(struct period){0}) == -1);
}

static void
test_prev(void)
{
	IS("sa2016", 1, "sa2015 2014-10-01..2015-09-30");
	IS("fy2016", 1, "fy2015/16 2015-04-01..2016-03-31");
	IS("2016", 1, "2015 2015-01-01..2015-12-31");
	IS("2016q1", 1, "2015q4 2015-10-01..2015-12-31");
	IS("2016-03", 1, "2016-02 2016-02-01..2016-02-29");
	IS("2016-01", 1, "2015-12 2015-12-01..2015-12-31");
	IS("2016-03-01", 1, "2016-02-29 2016-02-29..2016-02-29");
	IS("12m:2016-09", 1, "12m:2015-09 2014-10-01..2015-09-30");
	/* whole months move by months, even across a leap day */
	IS("2015-10..2016-09", 1,
	    "2014-10-01..2015-09-30 2014-10-01..2015-09-30");
	IS("2016-02..2016-03", 1,
	    "2015-12-01..2016-01-31 2015-12-01..2016-01-31");
	/* other ranges by days */
	IS("2016-03-10..2016-03-19", 1,
	    "2016-02-29..2016-03-09 2016-02-29..2016-03-09");
}

static void
test_buckets(void)
{
	char buf[PERIOD_LABEL];
	long d = date_days(2016, 9, 3), f, l, b;

	CHECK(period_by("month") == BY_MONTH);
	CHECK(period_by("quarter") == BY_QUARTER);
	CHECK(period_by("year") == BY_YEAR);
	CHECK(period_by("week") == -1);
	b = period_bucket(BY_MONTH, d);
	period_bucket_label(BY_MONTH, b, buf);
	CHECK(strcmp(buf, "2016-09") == 0);
	period_bucket_label(BY_MONTH, b - 9, buf);
	CHECK(strcmp(buf, "2015-12") == 0);
	b = period_bucket(BY_QUARTER, d);
	period_bucket_label(BY_QUARTER, b, buf);
	CHECK(strcmp(buf, "2016q3") == 0);
	period_bucket_label(BY_QUARTER, b - 3, buf);
	CHECK(strcmp(buf, "2015q4") == 0);
	period_bucket_span(BY_QUARTER, b, &f, &l);
	CHECK(f == date_days(2016, 7, 1) && l == date_days(2016, 9, 30));
	b = period_bucket(BY_YEAR, d);
	period_bucket_label(BY_YEAR, b, buf);
	CHECK(strcmp(buf, "2016") == 0);
	CHECK(period_bucket(BY_YEAR, date_days(2016, 12, 31)) == b);
	CHECK(period_bucket(BY_YEAR, date_days(2017, 1, 1)) == b + 1);
}

static void
test_dates(void)
{
	long f, l;
	int prec;

	CHECK(period_date("2016", 4, &f, &l, &prec) == 0 &&
	    prec == DATE_YEAR && f == date_days(2016, 1, 1) &&
	    l == date_days(2016, 12, 31));
	CHECK(period_date("2016-02", 7, &f, &l, &prec) == 0 &&
	    prec == DATE_MONTH && l - f == 28);
	CHECK(period_date("2016-02-29", 10, &f, &l, &prec) == 0 &&
	    prec == DATE_DAY && f == l);
	CHECK(period_date("2015-02-29", 10, &f, &l, &prec) == -1);
	CHECK(period_date("2016-00", 7, &f, &l, &prec) == -1);
	CHECK(period_date("0000", 4, &f, &l, &prec) == -1);
	CHECK(period_date("2016/09", 7, &f, &l, &prec) == -1);
	CHECK(period_date("31/02/2016", 10, &f, &l, &prec) == -1);
	CHECK(period_date("201a", 4, &f, &l, &prec) == -1);
}

/* The mid-year estimate of a period: the 30 June nearest its midpoint. */
static int
popyear(const char *s)
{
	struct period p;

	if (period_parse(s, strlen(s), &p) != 0)
		return -1;
	return period_popyear(p.first, p.last);
}

static void
test_popyear(void)
{
	/* ONS: the year ending March 2017 uses mid-2016 */
	CHECK(popyear("fy2016") == 2016);
	CHECK(popyear("fy2015/16") == 2015);
	CHECK(popyear("sa2016") == 2016);
	CHECK(popyear("sa2017") == 2017);
	CHECK(popyear("2016") == 2016);
	CHECK(popyear("12m:2016-06") == 2016);  /* 2015-07..2016-06 */
	CHECK(popyear("12m:2016-05") == 2015);  /* 2015-06..2016-05 */
	/* no 30 June inside: the nearest */
	CHECK(popyear("2016q1") == 2016);
	CHECK(popyear("2016q3") == 2016);
	CHECK(popyear("2016q4") == 2016);
	CHECK(popyear("2017q1") == 2017);
	CHECK(popyear("2016-12") == 2016);
	CHECK(popyear("2016-01") == 2016);
	CHECK(popyear("2016-12-31") == 2017);  /* 181 days, not 184 */
	/* a tie: 2015-12-30 is 183 days from both; the earlier */
	CHECK(popyear("2015-12-30") == 2015);
	CHECK(popyear("2015-12-31") == 2016);
	CHECK(popyear("2016-12-30") == 2017);  /* 183 against 182 */
	/* two 30 Junes inside: the nearer the middle */
	CHECK(popyear("2015-01..2016-12") == 2016);  /* 185 against 181 */
	CHECK(popyear("2015-04..2017-03") == 2016);
	CHECK(popyear("2014-07..2016-06") == 2015);  /* the middle one */
	CHECK(popyear("0001") == 1);
}

int
main(void)
{
	test_popyear();
	test_parse();
	test_prev();
	test_buckets();
	test_dates();
	return fails != 0;
}
