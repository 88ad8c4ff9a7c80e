/* Unit tests for lib/span.c: every form of period label, its span in
 * the text form, and the ambiguous ones refused. The ISO weeks were
 * checked against Python's date.fromisocalendar. */
#include <stdio.h>
#include <string.h>

#include "date.h"
#include "span.h"

static int fails;

#define CHECK(c) do { if (!(c)) { fails++; \
	fprintf(stderr, "%s:%d: %s\n", __FILE__, __LINE__, #c); } } while (0)

static const char *
lab(const char *s, int conv)
{
	static char buf[SPAN_TEXT];
	struct span sp;

	if (span_label(s, strlen(s), conv, &sp, NULL) != 0)
		return "ERR";
	span_str(&sp, buf);
	return buf;
}

#define IS(s, conv, want) CHECK(strcmp(lab(s, conv), want) == 0)

static void
test_quarters(void)
{
	IS("2015/16 Q3", SPAN_QNONE, "2015-10..2015-12");
	IS("Q3 2015/16", SPAN_QNONE, "2015-10..2015-12");
	IS("2015-16 Q3", SPAN_QNONE, "2015-10..2015-12");
	IS("FY2015/16 Q4", SPAN_QNONE, "2016-01..2016-03");
	IS("2014/15 Q1", SPAN_QCALENDAR, "2014-04..2014-06");
	IS("q2 2014/2015", SPAN_QNONE, "2014-07..2014-09");
	IS("2015/17 Q3", SPAN_QNONE, "ERR");
	IS("2015/16 Q5", SPAN_QNONE, "ERR");
	IS("2015/16 Q0", SPAN_QNONE, "ERR");
	IS("Q3", SPAN_QNONE, "ERR");
	/* one year: ambiguous unless a convention is given */
	IS("2015 Q4", SPAN_QNONE, "ERR");
	IS("Q4 2015", SPAN_QNONE, "ERR");
	IS("2015 Q4", SPAN_QCALENDAR, "2015-10..2015-12");
	IS("Q4 2015", SPAN_QCALENDAR, "2015-10..2015-12");
	IS("2015Q1", SPAN_QCALENDAR, "2015-01..2015-03");
	IS("2015-Q2", SPAN_QCALENDAR, "2015-04..2015-06");
	IS("2015 Q4", SPAN_QFISCAL, "2016-01..2016-03");
	IS("Q1 2015", SPAN_QFISCAL, "2015-04..2015-06");
	IS("Oct-Dec 2015", SPAN_QNONE, "2015-10..2015-12");
	IS("oct - dec 2015", SPAN_QNONE, "2015-10..2015-12");
	IS("October to December 2015", SPAN_QNONE, "2015-10..2015-12");
	IS("Oct\xe2\x80\x93" "Dec 2015", SPAN_QNONE, "2015-10..2015-12");
	IS("Nov 2015-Jan 2016", SPAN_QNONE, "2015-11..2016-01");
	IS("Nov-Jan 2016", SPAN_QNONE, "ERR");
	IS("Dec 2015-Nov 2015", SPAN_QNONE, "ERR");
	IS("Oct-Oct 2015", SPAN_QNONE, "2015-10");
}

static void
test_years_months(void)
{
	IS("2016/17", SPAN_QNONE, "2016-04..2017-03");
	IS("FY2016/17", SPAN_QNONE, "2016-04..2017-03");
	IS("fy 2016/2017", SPAN_QNONE, "2016-04..2017-03");
	IS("2016-17", SPAN_QNONE, "2016-04..2017-03");
	IS("2099/00", SPAN_QNONE, "2099-04..2100-03");
	IS("2016/18", SPAN_QNONE, "ERR");
	IS("FY2016", SPAN_QNONE, "ERR");
	/* December 2011 or 2011/12: refused; 2016-12 is a month */
	IS("2011-12", SPAN_QNONE, "ERR");
	IS("FY2011-12", SPAN_QNONE, "2011-04..2012-03");
	IS("2016-12", SPAN_QNONE, "2016-12");
	IS("Sep-16", SPAN_QNONE, "2016-09");
	IS("Sep-2016", SPAN_QNONE, "2016-09");
	IS("Sept 2016", SPAN_QNONE, "2016-09");
	IS("September 2016", SPAN_QNONE, "2016-09");
	IS("SEPTEMBER 2016", SPAN_QNONE, "2016-09");
	IS("09/2016", SPAN_QNONE, "2016-09");
	IS("9/2016", SPAN_QNONE, "2016-09");
	IS("13/2016", SPAN_QNONE, "ERR");
	IS("Septe 2016", SPAN_QNONE, "ERR");
	IS("2016", SPAN_QNONE, "2016");
	IS("2016-09-03", SPAN_QNONE, "2016-09-03");
	IS("2015-10..2015-12", SPAN_QNONE, "2015-10..2015-12");
	IS("", SPAN_QNONE, "ERR");
	IS("   ", SPAN_QNONE, "ERR");
	IS("2016/17 Q3 x", SPAN_QNONE, "ERR");
	IS("12345/17", SPAN_QNONE, "ERR");
}

static void
test_weeks(void)
{
	IS("2016-W37", SPAN_QNONE, "2016-09-12..2016-09-18");
	IS("2016W37", SPAN_QNONE, "2016-09-12..2016-09-18");
	IS("2015-W53", SPAN_QNONE, "2015-12-28..2016-01-03");
	IS("2020-W53", SPAN_QNONE, "2020-12-28..2021-01-03");
	IS("2009-W01", SPAN_QNONE, "2008-12-29..2009-01-04");
	IS("2016-W01", SPAN_QNONE, "2016-01-04..2016-01-10");
	IS("2016-W52", SPAN_QNONE, "2016-12-26..2017-01-01");
	IS("2021-W53", SPAN_QNONE, "ERR");
	IS("2016-W00", SPAN_QNONE, "ERR");
	IS("2016-W7", SPAN_QNONE, "ERR");
}

static const char *
iso(const char *s)
{
	static char buf[SPAN_TEXT];
	struct span sp;

	if (span_iso(s, strlen(s), &sp) != 0)
		return "ERR";
	span_str(&sp, buf);
	return buf;
}

static void
test_iso(void)
{
	struct span sp;
	char w[40];

	CHECK(strcmp(iso("2015-10..2015-12"), "2015-10..2015-12") == 0);
	CHECK(strcmp(iso("2015-10..2015-10"), "2015-10") == 0);
	CHECK(strcmp(iso("2014..2015"), "2014..2015") == 0);
	CHECK(strcmp(iso("2016-09-12..2016-09-18"), "2016-09-12..2016-09-18")
	    == 0);
	CHECK(strcmp(iso("2015-12..2015-10"), "ERR") == 0);
	CHECK(strcmp(iso("2015-10..2015-12-31"), "ERR") == 0);
	CHECK(strcmp(iso("2015-10.."), "ERR") == 0);
	CHECK(strcmp(iso("..2015-10"), "ERR") == 0);
	CHECK(strcmp(iso("2015-10...2015-12"), "ERR") == 0);
	CHECK(strcmp(iso("2015-13..2015-12"), "ERR") == 0);
	CHECK(strcmp(iso("2015-10..2015-12x"), "ERR") == 0);
	CHECK(strcmp(iso("Sep-16"), "ERR") == 0);
	CHECK(span_iso("2015-10..2015-12", 16, &sp) == 0 &&
	    sp.first == date_days(2015, 10, 1) &&
	    sp.last == date_days(2015, 12, 31) && sp.prec == DATE_MONTH);
	span_what(&sp, w, sizeof(w));
	CHECK(strcmp(w, "a span of 3 months") == 0);
	span_iso("2016-09-12..2016-09-18", 22, &sp);
	span_what(&sp, w, sizeof(w));
	CHECK(strcmp(w, "a span of 7 days") == 0);
	span_iso("2016-09", 7, &sp);
	span_what(&sp, w, sizeof(w));
	CHECK(strcmp(w, "a month") == 0);
	span_iso("2016", 4, &sp);
	span_what(&sp, w, sizeof(w));
	CHECK(strcmp(w, "a year") == 0);
}

int
main(void)
{
	test_quarters();
	test_years_months();
	test_weeks();
	test_iso();
	return fails != 0;
}
