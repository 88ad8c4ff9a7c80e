#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "csvwrite.h"
#include "num.h"

int
csvw_needq(const char *s, size_t n)
{
	size_t i = 0;
#ifdef __SSE2__
	const __m128i c = _mm_set1_epi8(','), q = _mm_set1_epi8('"');
	const __m128i cr = _mm_set1_epi8('\r'), lf = _mm_set1_epi8('\n');
	__m128i v;

	/* Every output field passes here: 16 bytes a step. */
	for (; i + 16 <= n; i += 16) {
		v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		if (_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(
		    _mm_cmpeq_epi8(v, c), _mm_cmpeq_epi8(v, q)),
		    _mm_or_si128(_mm_cmpeq_epi8(v, cr), _mm_cmpeq_epi8(v, lf)))))
			return 1;
	}
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
		fwrite_unlocked(s, 1, n, fp);
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

void
csvw_row(FILE *fp, char *const *f, const size_t *len, size_t n)
{
	size_t i;

	/* One empty field alone would be a blank line, read back as none. */
	if (n == 1 && len[0] == 0)
		fputs("\"\"", fp);
	for (i = 0; i < n; i++)
		csvw_field(fp, f[i], len[i], i == 0);
	csvw_end(fp);
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
