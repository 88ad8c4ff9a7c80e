/* Fuzz the number parser (lib/num.c). What it accepts must agree with
 * itself: an integer is also a decimal of the same value (exactly, below
 * 2^53); removing the thousands separators keeps the value, or keeps
 * it out of range (a finding of this target: 312 digits in groups of
 * three read as a number too large, not as "not a number"); formatting
 * into 400 bytes fits, is what strlen says, never shows "-0" and reads
 * back as a number; into 64 bytes it is cut to fit, never a length past
 * the buffer (a finding of this target: 1e62 and up overran it). */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "fuzz.h"
#include "num.h"

static void
fmt(double v)
{
	char buf[400], small[64];
	double back;
	size_t n;
	int dec;

	for (dec = 0; dec <= 3; dec++) {
		n = num_fmt(buf, sizeof(buf), v, dec);
		if (n >= sizeof(buf) || n != strlen(buf))
			fz_fail("num_fmt(%g, %d): length %zu, buffer %zu", v,
			    dec, n, sizeof(buf));
		if (num_fmt(small, sizeof(small), v, dec) != (n < 64 ? n : 63) ||
		    strlen(small) != (n < 64 ? n : 63))
			fz_fail("num_fmt(%g, %d) into 64 bytes: not cut to fit",
			    v, dec);
		if (buf[0] == '-' && strspn(buf + 1, "0.") == n - 1)
			fz_fail("num_fmt(%g, %d) = '%s'", v, dec, buf);
		if (num_dbl(buf, n, &back) != 0)
			fz_fail("num_fmt(%g, %d) = '%s' does not read back", v,
			    dec, buf);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	char copy[512];
	long long v, v2;
	double x, x2;
	int ri, rd;
	size_t n;

	if (size >= sizeof(copy))
		return 0;
	ri = num_int(s, size, &v);
	rd = num_dbl(s, size, &x);
	if (ri == 0 && rd != 0)
		fz_fail("'%.*s': integer %lld, not a decimal", (int)size, s, v);
	if (ri == 0 && llabs(v) < (1LL << 53) && x != (double)v)
		fz_fail("'%.*s': integer %lld, decimal %.17g", (int)size, s, v,
		    x);
	if (rd == 0 && !isfinite(x))
		fz_fail("'%.*s': %g accepted", (int)size, s, x);
	memcpy(copy, s, size);
	if ((n = num_unsep(copy, size)) != (size_t)-1) {
		/* A number too large for a double is still a number. */
		if (n > size || rd == -1)
			fz_fail("'%.*s': unsep %zu bytes, parse %d", (int)size,
			    s, n, rd);
		if (num_dbl(copy, n, &x2) != rd || (rd == 0 && x2 != x))
			fz_fail("'%.*s' unsep '%.*s' reads %g, not %g",
			    (int)size, s, (int)n, copy, x2, x);
		if (ri == 0 && (num_int(copy, n, &v2) != 0 || v2 != v))
			fz_fail("'%.*s' unsep '%.*s' not the integer %lld",
			    (int)size, s, (int)n, copy, v);
	}
	if (rd == 0)
		fmt(x);
	return 0;
}
