#include <math.h>
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

size_t
round_digits(char *buf, size_t cap, double v, int dec)
{
	char d[400], out[400];
	int nd, e, keep, i, o = 0, neg = v < 0;
	int lead; /* digits before the point */

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

/* Where v x 10^dec is well away from a half, the shortest digits and v
 * itself round alike: those digits are within 1e-15 of v relatively, and
 * the margin asked for here is a thousand times that. The common case
 * then takes a multiplication instead of three printf and strtod. */
size_t
round_fmt(char *buf, size_t cap, double v, int dec)
{
	static const double p10[] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6,
	    1e7, 1e8, 1e9 };
	char tmp[32];
	double s, f;
	unsigned long long n;
	size_t o;
	int i, neg;

	if (!isfinite(v) || dec < 0 || dec > 9)
		return round_digits(buf, cap, v, dec);
	s = fabs(v) * p10[dec];
	if (s >= 1e15)
		return round_digits(buf, cap, v, dec);
	f = s - floor(s);
	if (fabs(f - 0.5) <= 1e-12 * (s + 1.0))
		return round_digits(buf, cap, v, dec);
	n = (unsigned long long)floor(s) + (f > 0.5);
	neg = v < 0 && n > 0; /* never "-0.00" */
	o = sizeof(tmp);
	for (i = 0; i <= dec || n > 0; i++) {
		if (i == dec && dec > 0)
			tmp[--o] = '.';
		tmp[--o] = (char)('0' + n % 10);
		n /= 10;
	}
	if (neg)
		tmp[--o] = '-';
	n = sizeof(tmp) - o;
	if (cap > 0) {
		memcpy(buf, tmp + o, n < cap ? n : cap - 1);
		buf[n < cap ? n : cap - 1] = '\0';
	}
	return n;
}

double
round_val(double v, int dec)
{
	char buf[400];

	round_fmt(buf, sizeof(buf), v, dec);
	return strtod(buf, NULL);
}
