/* span: a stretch of whole days as partners label it (quarters,
 * financial years, months, ISO weeks) and the one text form the tools
 * write and crimerate reads: a date (2016, 2016-09, 2016-09-03), or two
 * dates of one precision joined by ".." (2015-10..2015-12,
 * 2016-09-12..2016-09-18). Locale-independent; nothing here allocates. */
#ifndef SAPIPE_SPAN_H
#define SAPIPE_SPAN_H

#include <stddef.h>

/* How a quarter of a single year (2015 Q4, Q4 2015) reads: not at all
 * (it is ambiguous, an error), as a calendar quarter (Q4 = October to
 * December 2015) or as a fiscal quarter of the financial year that
 * starts in that year (Q1 = April to June; Q4 2015 = January to March
 * 2016). A quarter of a financial year (2015/16 Q3) is always fiscal. */
enum { SPAN_QNONE, SPAN_QCALENDAR, SPAN_QFISCAL };

#define SPAN_TEXT 24 /* the longest text form, with its NUL */

struct span {
	long first, last; /* day numbers (lib/date.h), inclusive */
	int prec;         /* DATE_*: the unit of its text form */
};

/* The text form: 0 ok, -1 not a date or span. A span's two ends have one
 * precision and the first is not after the second. */
int span_iso(const char *s, size_t n, struct span *sp);
/* A period label as partners write it (see csvclean(1)), or the text
 * form. 0 ok; -1 not one, and *why (when not NULL) may say why: an
 * ambiguous label ("2015 Q4" without a quarters convention, "2011-12",
 * "FY2016", "Nov-Jan 2016") is never read as one of its meanings. */
int span_label(const char *s, size_t n, int quarters, struct span *sp,
    const char **why);
/* The text form of sp into buf (SPAN_TEXT bytes); its length. */
size_t span_str(const struct span *sp, char *buf);
/* sp in words for a message: "a year", "a month", "a day", "a span of
 * 3 months", "a span of 7 days". */
void span_what(const struct span *sp, char *buf, size_t n);

#endif
