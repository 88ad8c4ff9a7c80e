/* specials: the one SSE2 compare that finds the bytes CSV treats
 * specially, shared by the reader's scanner (csvread.c) and the writer's
 * quoting test (csvwrite.c). Inlined, the constants are hoisted out of
 * the callers' loops and a constant nul drops its compare. */
#ifndef SAPIPE_SPECIALS_H
#define SAPIPE_SPECIALS_H

#ifdef __SSE2__
#include <emmintrin.h>

/* A mask, a bit a byte, of the delimiter, quote, CR and LF (and with nul
 * also NUL) among the 16 bytes at p; in *hi, when not NULL, the bytes
 * >= 0x80 among them. */
static inline unsigned
specials(const char *p, char delim, int nul, unsigned *hi)
{
	const __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
	__m128i m;

	m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(delim)),
	    _mm_cmpeq_epi8(v, _mm_set1_epi8('"'))), _mm_or_si128(
	    _mm_cmpeq_epi8(v, _mm_set1_epi8('\r')),
	    _mm_cmpeq_epi8(v, _mm_set1_epi8('\n'))));
	if (nul)
		m = _mm_or_si128(m, _mm_cmpeq_epi8(v, _mm_setzero_si128()));
	if (hi)
		*hi = (unsigned)_mm_movemask_epi8(v);
	return (unsigned)_mm_movemask_epi8(m);
}
#endif

#endif
