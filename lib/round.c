#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "round.h"

/* The shortest round-tripping decimal digits of |v| > 0: d[0..*nd) with
 * the decimal point after d[0] shifted by *e (v = d.ddd x 10^e). */
static void
digits(double v, char *d, int *nd, int *e)
{
	char buf[64], *p, *q;
	int prec;

	for (prec = 14; prec <= 16; prec++) {
		snprintf(buf, sizeof(buf), "%.*e", prec, v);
		if (strtod(buf, NULL) == v)
			break;
	}
	for (*nd = 0, p = buf; *p != 'e'; p++)
		if (*p != '.')
			d[(*nd)++] = *p;
	*e = atoi(p + 1);
	for (q = d + *nd; *nd > 1 && q[-1] == '0'; q--) /* trailing zeros */
		(*nd)--;
}

/* The powers of ten a double holds exactly, for the quick path. */
static const double p10[] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7,
	1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17 };

/* The quick path, for the many values far from a half: x = |v| x 10^dec
 * differs from the digits' value x 10^dec by at most about 2^-52 |x|
 * (half an ulp of v when written, half an ulp of the product), so when
 * x's fraction is further than that from one half, both round to the
 * same whole number *n. 0: too near a half or too large; the digits
 * decide. The division in round_val() is IEEE's, correctly rounded, so
 * it gives the double that strtod() reads from what round_fmt() writes. */
static int
quick(double v, int dec, uint64_t *n)
{
	double x, f;

	if (dec < 0 || dec > 17 || !isfinite(v))
		return 0;
	x = fabs(v) * p10[dec];
	if (!(x < 0x1p52))
		return 0;
	f = x - floor(x); /* exact below 2^52 */
	if (fabs(f - 0.5) <= x * 0x1p-45)
		return 0;
	*n = (uint64_t)floor(x) + (f > 0.5);
	return 1;
}

/* n / 10^dec written fixed-point, with '-' when neg and n is not 0. */
static size_t
quickfmt(char *buf, size_t cap, uint64_t n, int dec, int neg)
{
	char out[48], *p = out + sizeof(out);
	size_t len;
	int i;

	*--p = '\0';
	for (i = 0; i < dec; i++, n /= 10)
		*--p = (char)('0' + n % 10);
	if (dec > 0)
		*--p = '.';
	do
		*--p = (char)('0' + n % 10);
	while (n /= 10);
	if (neg)
		*--p = '-';
	len = (size_t)(out + sizeof(out) - 1 - p);
	if (cap > 0) /* as snprintf() would, without its cost */
		memcpy(buf, p, len < cap ? len + 1 : cap - 1);
	if (cap > 0 && len >= cap)
		buf[cap - 1] = '\0';
	return len;
}

size_t
round_fmt(char *buf, size_t cap, double v, int dec)
{
	char d[400], out[400];
	int nd, e, keep, i, o = 0, neg = v < 0;
	int lead; /* digits before the point */
	uint64_t q;

	if (quick(v, dec, &q))
		return quickfmt(buf, cap, q, dec, neg && q != 0);
	if (!isfinite(v))
		return (size_t)snprintf(buf, cap, "%s", isnan(v) ? "nan" :
		    v < 0 ? "-inf" : "inf");
	memset(d, '0', sizeof(d));
	nd = 1, e = 0;
	if (v != 0)
		digits(fabs(v), d + 1, &nd, &e); /* d[0] is room for a carry */
	else
		d[1] = '0';
	e++;             /* d[1..] now reads 0.ddd x 10^e */
	keep = e + dec;  /* digits kept after d[0] */
	if (keep < 0) {
		keep = 0;
		memset(d, '0', sizeof(d));
	} else if (keep < nd && d[keep + 1] >= '5') {
		memset(d + keep + 1, '0', sizeof(d) - (size_t)keep - 1);
		for (i = keep; i >= 0; i--) {
			if (d[i] != '9') {
				d[i]++;
				break;
			}
			d[i] = '0';
		}
	} else if (keep < nd) {
		memset(d + keep + 1, '0', sizeof(d) - (size_t)keep - 1);
	}
	/* d[0..] now reads 0.d[0]ddd x 10^(e+1): lead digits before the
	 * point. */
	lead = e + 1;
	if (neg)
		out[o++] = '-';
	if (lead <= 0) {
		out[o++] = '0';
	} else {
		for (i = 0; i < lead; i++)
			if (o > neg || d[i] != '0' || i == lead - 1)
				out[o++] = d[i];
	}
	if (dec > 0) {
		out[o++] = '.';
		for (i = 0; i < dec; i++)
			out[o++] = lead + i >= 0 ? d[lead + i] : '0';
	}
	out[o] = '\0';
	if (neg && strspn(out + 1, "0.") == (size_t)(o - 1))
		memmove(out, out + 1, (size_t)o--);
	return (size_t)snprintf(buf, cap, "%s", out);
}

double
round_val(double v, int dec)
{
	char buf[400];
	uint64_t q;

	if (quick(v, dec, &q))
		return q == 0 ? 0.0 : (v < 0 ? -1.0 : 1.0) * ((double)q /
		    p10[dec]);
	round_fmt(buf, sizeof(buf), v, dec);
	return strtod(buf, NULL);
}
