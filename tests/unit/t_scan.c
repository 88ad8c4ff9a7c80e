/* Unit test of the reader's block scan (specials64() in lib/csvread.c):
 * for random 64-byte blocks, rich in the bytes the scanner looks for,
 * and for each delimiter, the masks of special bytes, of delimiters and
 * of bytes >= 0x80 are those a byte-by-byte recount gives, by the SSE2
 * steps every x86-64 has and by the AVX2 steps where the processor has
 * them (the reader takes those when it can, so the rest of the suite
 * runs them alone). The reader's source is included to reach the
 * static function. */
#include "../../lib/csvread.c"

#include <stdio.h>

static int fails;

static uint64_t
rnd(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

/* The masks counted a byte at a time. */
static uint64_t
recount(const unsigned char *b, int delim, uint64_t *dl, uint64_t *hi)
{
	uint64_t m = 0;
	int j;

	*dl = *hi = 0;
	for (j = 0; j < 64; j++) {
		if (b[j] == delim || b[j] == '"' || b[j] == '\r' ||
		    b[j] == '\n' || b[j] == '\0')
			m |= 1ULL << j;
		if (b[j] == delim)
			*dl |= 1ULL << j;
		if (b[j] >= 0x80)
			*hi |= 1ULL << j;
	}
	return m;
}

static void
check(struct csvr *r, int avx2, const char *what, long n)
{
	uint64_t m, d, h, wm, wd, wh;

	r->avx2 = avx2;
	m = specials64(r, 0, &d, &h);
	wm = recount((const unsigned char *)r->buf, r->delim, &wd, &wh);
	if (m != wm || d != wd || h != wh) {
		fprintf(stderr, "t_scan: %s, block %ld, delimiter 0x%02x: "
		    "mask %016llx, want %016llx; delimiters %016llx, want "
		    "%016llx; high %016llx, want %016llx\n", what, n, r->delim,
		    (unsigned long long)m, (unsigned long long)wm,
		    (unsigned long long)d, (unsigned long long)wd,
		    (unsigned long long)h, (unsigned long long)wh);
		fails++;
	}
}

int
main(void)
{
	static const unsigned char pick[] = { ',', ';', '\t', '|', '"', '\r',
	    '\n', '\0', 'a', ' ', 0x7f, 0x80, 0xc3, 0xff, '0' };
	static const int delims[] = { ',', ';', '\t', '|', 0x80 };
	struct csvr *r = csvr_open(NULL, ',', 1024);
	uint64_t s = 0x9e3779b97f4a7c15ULL;
	long n;
	int j, hasavx2 = 0;

#ifdef SCAN_AVX2
	hasavx2 = __builtin_cpu_supports("avx2");
#endif
	for (n = 0; n < 200000; n++) {
		csvr_set_delim(r, delims[n % 5]);
		for (j = 0; j < 64; j++)
			r->buf[j] = (char)(n % 3 == 0 ? rnd(&s) :
			    pick[rnd(&s) % sizeof(pick)]);
		check(r, 0, "SSE2", n);
		if (hasavx2)
			check(r, 1, "AVX2", n);
		if (fails > 5)
			break;
	}
	if (!hasavx2)
		fprintf(stderr, "t_scan: no AVX2 here, its steps untested\n");
	csvr_close(r);
	return fails != 0;
}
