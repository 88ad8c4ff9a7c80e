/* Unit tests for lib/date.c and lib/num.c. */
#include <stdio.h>
#include <string.h>

#include "date.h"
#include "num.h"

static int fails;

#define CHECK(c) do { if (!(c)) { fails++; \
	fprintf(stderr, "%s:%d: %s\n", __FILE__, __LINE__, #c); } } while (0)

static const char *
iso(const char *s, const char *fmt)
{
	static char buf[16];
	struct date d;

	if (date_parse(s, strlen(s), fmt, &d) != 0)
		return "ERR";
	date_str(&d, buf);
	return buf;
}

static void
test_dates(void)
{
	long days;
	int y, m, d;

	CHECK(strcmp(iso("03/09/2016", "%d/%m/%Y"), "2016-09-03") == 0);
	CHECK(strcmp(iso("3/9/2016", "%d/%m/%Y"), "2016-09-03") == 0);
	CHECK(strcmp(iso("31/02/2016", "%d/%m/%Y"), "ERR") == 0);
	CHECK(strcmp(iso("29/02/2016", "%d/%m/%Y"), "2016-02-29") == 0);
	CHECK(strcmp(iso("29/02/2015", "%d/%m/%Y"), "ERR") == 0);
	CHECK(strcmp(iso("29/02/1900", "%d/%m/%Y"), "ERR") == 0);
	CHECK(strcmp(iso("29/02/2000", "%d/%m/%Y"), "2000-02-29") == 0);
	CHECK(strcmp(iso("2016-09", "%Y-%m"), "2016-09") == 0);
	CHECK(strcmp(iso("2016-13", "%Y-%m"), "ERR") == 0);
	CHECK(strcmp(iso("Sep 2016", "%b %Y"), "2016-09") == 0);
	CHECK(strcmp(iso("September  2016", "%B %Y"), "2016-09") == 0);
	CHECK(strcmp(iso("03/09/16 14:05", "%d/%m/%y %H:%M"), "2016-09-03") == 0);
	CHECK(strcmp(iso("0000-00-00", "%Y-%m-%d"), "ERR") == 0);
	CHECK(strcmp(iso("2016-02-30", "%Y-%m-%d"), "ERR") == 0);
	CHECK(strcmp(iso("2016-09-03x", "%Y-%m-%d"), "ERR") == 0);
	CHECK(strcmp(iso("2016", "%Y"), "2016") == 0);
	/* a field read twice is refused, never the last one kept */
	CHECK(strcmp(iso("Oct-Dec 2014", "%b-%b %Y"), "ERR") == 0);
	CHECK(strcmp(iso("2014 2015", "%Y %Y"), "ERR") == 0);
	days = date_days(2016, 9, 30);
	date_civil(days, &y, &m, &d);
	CHECK(y == 2016 && m == 9 && d == 30);
	CHECK(date_days(1970, 1, 1) == 0);
	CHECK(date_days(2016, 3, 1) - date_days(2016, 2, 28) == 2);
}

static void
test_nums(void)
{
	long long v;
	double x;
	char buf[64], s[32], big[420];
	size_t n;

	CHECK(num_int("1,234", 5, &v) == 0 && v == 1234);
	CHECK(num_int(" 42 ", 4, &v) == 0 && v == 42);
	CHECK(num_int("-1,234,567", 10, &v) == 0 && v == -1234567);
	CHECK(num_int("1,23", 4, &v) == -1);
	CHECK(num_int("12,345,67", 9, &v) == -1);
	CHECK(num_int("abc", 3, &v) == -1);
	CHECK(num_int("", 0, &v) == -1);
	CHECK(num_int("99999999999999999999", 20, &v) == -2);
	CHECK(num_dbl("1,234.5", 7, &x) == 0 && x == 1234.5);
	CHECK(num_dbl("1e400", 5, &x) == -1);
	strcpy(s, "12,345");
	n = num_unsep(s, 6);
	CHECK(n == 5 && memcmp(s, "12345", 5) == 0);
	/* 312 digits in groups of three: a number, too large for a double;
	 * unseparated it is still too large, never "not a number". */
	memset(big, 0, sizeof(big));
	big[0] = '2';
	for (n = 1; n < 416; n += 4)
		memcpy(big + n, ",005", 4);
	CHECK(num_dbl(big, strlen(big), &x) == -2);
	n = num_unsep(big, strlen(big));
	CHECK(n == 313 && strspn(big, "0123456789") == 313);
	CHECK(num_dbl(big, n, &x) == -2);
	strcpy(s, "Smith, J");
	CHECK(num_unsep(s, 8) == (size_t)-1);
	num_fmt(buf, sizeof(buf), -0.04, 1);
	CHECK(strcmp(buf, "0.0") == 0);
	num_fmt(buf, sizeof(buf), 12.345, 2);
	CHECK(strcmp(buf, "12.35") == 0 || strcmp(buf, "12.34") == 0);
	num_fmt(buf, sizeof(buf), -1.25, 1);
	CHECK(buf[0] == '-');
}

int
main(void)
{
	test_dates();
	test_nums();
	return fails != 0;
}
