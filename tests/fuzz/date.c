/* Fuzz the date and period parsers (lib/date.c, lib/period.c). Beyond not
 * crashing, what they accept must make sense:
 * - date_iso(): a valid date at its precision whose text (date_str) is
 *   the input again, and whose span agrees with period_date();
 * - date_parse() under each of csvclean's default formats: a valid date
 *   whose ISO text date_iso() reads back to the same date;
 * - period_parse(): first <= last, a label that parses to the same span,
 *   and a previous period that ends the day before it starts;
 * - the series bucket of a period's first day holds that day;
 * - span_label() under each quarters convention: first <= last, and a
 *   text form (span_str) that span_iso() reads back to the same span. */
#include <stdint.h>
#include <string.h>

#include "date.h"
#include "fuzz.h"
#include "period.h"
#include "span.h"

static const char *const fmts[] = { "%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y",
	"%d-%m-%Y", "%d.%m.%Y", "%Y-%m", "%Y/%m/%d", "%b %Y", "%B %Y",
	"%b-%y", "%b-%Y", "%d %b %Y", "%d %B %Y", "%d-%b-%Y", "%d-%b-%y",
	"%Y", "%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S", "%Y-%m-%d %H:%M",
	"%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M",
	"%m/%d/%Y", "%e %B %Y %p" };

static void
spanlabel(const char *s, size_t n)
{
	struct span sp, back;
	char buf[SPAN_TEXT];
	size_t k;
	int conv;

	for (conv = SPAN_QNONE; conv <= SPAN_QFISCAL; conv++) {
		if (span_label(s, n, conv, &sp, NULL) != 0)
			continue;
		if (sp.first > sp.last)
			fz_fail("span '%.*s': %ld..%ld", (int)n, s, sp.first,
			    sp.last);
		k = span_str(&sp, buf);
		if (k >= sizeof(buf) || span_iso(buf, k, &back) != 0 ||
		    back.first != sp.first || back.last != sp.last)
			fz_fail("span '%.*s' prints as '%s', not read back",
			    (int)n, s, buf);
	}
}

static void
checkdate(const struct date *d, const char *what)
{
	if (d->prec < DATE_YEAR || d->prec > DATE_DAY ||
	    (d->prec >= DATE_MONTH && (d->m < 1 || d->m > 12)) ||
	    (d->prec == DATE_DAY && !date_valid(d->y, d->m, d->d)) ||
	    d->y < 0 || d->y > 9999)
		fz_fail("%s: %04d-%02d-%02d (prec %d) accepted", what, d->y,
		    d->m, d->d, d->prec);
}

static void
iso(const char *s, size_t n)
{
	struct date d, e;
	char buf[11];
	long f, l, f2, l2;
	int prec;

	if (date_iso(s, n, &d) != 0) {
		if (period_date(s, n, &f, &l, &prec) == 0)
			fz_fail("period_date takes '%.*s', date_iso not",
			    (int)n, s);
		return;
	}
	checkdate(&d, "date_iso");
	if (date_str(&d, buf) != n || memcmp(buf, s, n) != 0)
		fz_fail("date_iso '%.*s' prints as '%s'", (int)n, s, buf);
	date_span(&d, &f, &l);
	if (f > l)
		fz_fail("'%s' spans %ld..%ld", buf, f, l);
	if (period_date(s, n, &f2, &l2, &prec) == 0 &&
	    (f2 != f || l2 != l || prec != d.prec))
		fz_fail("'%s': period_date %ld..%ld, date_span %ld..%ld", buf,
		    f2, l2, f, l);
	(void)e;
}

static void
parsed(const char *s, size_t n)
{
	struct date d, e;
	char buf[11];
	size_t k;

	for (k = 0; k < sizeof(fmts) / sizeof(*fmts); k++) {
		if (date_parse(s, n, fmts[k], &d) != 0)
			continue;
		checkdate(&d, fmts[k]);
		date_str(&d, buf);
		if (date_iso(buf, strlen(buf), &e) != 0 || e.y != d.y ||
		    e.prec != d.prec || (d.prec >= DATE_MONTH && e.m != d.m) ||
		    (d.prec == DATE_DAY && e.d != d.d))
			fz_fail("'%.*s' by %s gives '%s', not read back", (int)n,
			    s, fmts[k], buf);
	}
}

static void
period(const char *s, size_t n)
{
	struct period p, q, prev;
	char lab[PERIOD_LABEL];
	long b, f, l;
	int by;

	if (period_parse(s, n, &p) != 0)
		return;
	if (p.first > p.last || !memchr(p.label, '\0', PERIOD_LABEL) ||
	    !p.label[0])
		fz_fail("'%.*s': %ld..%ld label '%.*s'", (int)n, s, p.first,
		    p.last, PERIOD_LABEL, p.label);
	if (period_parse(p.label, strlen(p.label), &q) != 0 ||
	    q.first != p.first || q.last != p.last)
		fz_fail("'%.*s': label '%s' does not read back", (int)n, s,
		    p.label);
	period_prev(&p, &prev);
	if (prev.first > prev.last || prev.last + 1 != p.first)
		fz_fail("'%.*s' (%ld..%ld): previous %ld..%ld '%s'", (int)n, s,
		    p.first, p.last, prev.first, prev.last, prev.label);
	for (by = BY_MONTH; by <= BY_YEAR; by++) {
		b = period_bucket(by, p.first);
		period_bucket_span(by, b, &f, &l);
		period_bucket_label(by, b, lab);
		if (f > p.first || l < p.first || !memchr(lab, '\0',
		    PERIOD_LABEL))
			fz_fail("'%.*s': bucket %ld (%ld..%ld) lacks day %ld",
			    (int)n, s, b, f, l, p.first);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;

	if (size > 64)
		return 0;
	iso(s, size);
	parsed(s, size);
	period(s, size);
	spanlabel(s, size);
	return 0;
}
