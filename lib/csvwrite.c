#include <string.h>

#include "csvwrite.h"
#include "num.h"
#include "specials.h"

int
csvw_needq(const char *s, size_t n)
{
	size_t i = 0;
#ifdef __SSE2__
	/* Every output field passes here: 16 bytes a step. */
	for (; i + 16 <= n; i += 16)
		if (specials(s + i, ',', 0, NULL))
			return 1;
#endif
	for (; i < n; i++)
		switch (s[i]) {
		case ',':
		case '"':
		case '\r':
		case '\n':
			return 1;
		}
	return 0;
}

void
csvw_field(FILE *fp, const char *s, size_t n, int first)
{
	size_t i;

	if (!first)
		putc_unlocked(',', fp);
	if (!csvw_needq(s, n)) {
		if (n > 16) {
			fwrite_unlocked(s, 1, n, fp);
			return;
		}
		/* most fields are short: a byte at a time into the buffer
		 * costs less than fwrite()'s calls */
		for (i = 0; i < n; i++)
			putc_unlocked(s[i], fp);
		return;
	}
	putc_unlocked('"', fp);
	for (i = 0; i < n; i++) {
		if (s[i] == '"')
			putc_unlocked('"', fp);
		putc_unlocked(s[i], fp);
	}
	putc_unlocked('"', fp);
}

void
csvw_str(FILE *fp, const char *s, int first)
{
	csvw_field(fp, s, strlen(s), first);
}

void
csvw_end(FILE *fp)
{
	putc_unlocked('\n', fp);
}

int
csvw_risky(const char *s, size_t n)
{
	double x;

	if (n == 0 || !memchr("=+-@\t\r", s[0], 6))
		return 0;
	return s[0] == '=' || s[0] == '@' || num_dbl(s, n, &x) != 0;
}

void
csvw_xfield(FILE *fp, const char *s, size_t n, int first)
{
	size_t i;

	if (!csvw_risky(s, n)) {
		csvw_field(fp, s, n, first);
		return;
	}
	if (!first)
		putc_unlocked(',', fp);
	fputs("\"'", fp);
	for (i = 0; i < n; i++) {
		if (s[i] == '"')
			putc_unlocked('"', fp);
		putc_unlocked(s[i], fp);
	}
	putc_unlocked('"', fp);
}
