/* sarender: text and numbers as shown: UTF-8 decoding, cleaning,
 * display width, number formatting. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "num.h"
#include "round.h"
#include "util.h"
#include "sarender.h"

/* Decode one UTF-8 sequence; its length, or 0 if invalid. */
static size_t
u8dec(const unsigned char *s, size_t n, unsigned *cp)
{
	size_t len, i;
	unsigned c = s[0], min;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xc2 && c < 0xe0)
		len = 2, c &= 0x1f, min = 0x80;
	else if (c >= 0xe0 && c < 0xf0)
		len = 3, c &= 0x0f, min = 0x800;
	else if (c >= 0xf0 && c < 0xf5)
		len = 4, c &= 0x07, min = 0x10000;
	else
		return 0;
	if (len > n)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = c << 6 | (s[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c < 0xe000))
		return 0;
	*cp = c;
	return len;
}

/* A copy fit to show: line ends and tabs become spaces, other control
 * characters and invalid bytes U+FFFD, so that no data can move the
 * cursor of a terminal or break a table row. So do the bidirectional
 * embeddings, overrides and isolates (U+202A-202E, U+2066-2069): one in
 * a cell could show "12" as "21", or run into the next cell. */
char *
clean(struct sarender *S, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s), i = 0, k;
	struct sbuf b = { 0 };
	unsigned cp;

	while (i < n) {
		/* a run of printable ASCII, the most of every cell, at once */
		for (k = i; k < n && p[k] >= 0x20 && p[k] < 0x7f; k++)
			;
		if (k > i) {
			sb_add(&b, s + i, k - i);
			i = k;
			continue;
		}
		if (!(k = u8dec(p + i, n - i, &cp))) {
			S->badutf = 1;
			sb_adds(&b, "\xef\xbf\xbd");
			i++;
			continue;
		}
		if (cp == '\n' || cp == '\r' || cp == '\t')
			sb_addc(&b, ' ');
		else if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) ||
		    (cp >= 0x202a && cp <= 0x202e) ||
		    (cp >= 0x2066 && cp <= 0x2069))
			sb_adds(&b, "\xef\xbf\xbd");
		else
			sb_add(&b, s + i, k);
		i += k;
	}
	sb_str(&b);
	return b.s;
}

/* Display width of clean UTF-8 text, the same in every locale. */
size_t
dwidth(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s), i = 0, k, w = 0;
	unsigned cp;

	while (i < n) {
		if (!(k = u8dec(p + i, n - i, &cp)))
			k = 1, cp = '?';
		w += (size_t)ucwidth(cp);
		i += k;
	}
	return w;
}

void
pad(FILE *fp, size_t n)
{
	while (n--)
		putc(' ', fp);
}

/* ---- numbers ---- */

/* v with fixed decimals and thousands separators; sign '+' if asked. */
void
fmtnum(struct sbuf *b, double v, int dec, int sign)
{
	char buf[400], out[600], *p;
	size_t n = round_fmt(buf, sizeof(buf), v, dec), ilen, i, o = 0;

	p = buf;
	if (*p == '-') {
		out[o++] = '-';
		p++, n--;
	} else if (sign && strspn(p, "0.") != n) {
		out[o++] = '+';
	}
	ilen = memchr(p, '.', n) ? (size_t)((char *)memchr(p, '.', n) - p) : n;
	for (i = 0; i < ilen; i++) {
		if (i && (ilen - i) % 3 == 0)
			out[o++] = ',';
		out[o++] = p[i];
	}
	memcpy(out + o, p + ilen, n - ilen);
	o += n - ilen;
	grow(&b->s, &b->cap, b->len + o + 1);
	memcpy(b->s + b->len, out, o);
	b->len += o;
	b->s[b->len] = '\0';
}

/* fmtnum(b, v, dec, sign) for v read from s (getnum()). When s is
 * already v with dec decimals, a plain decimal of at most 15 digits
 * with no needless leading zero ("1234.50" at 2), those are the digits
 * fmtnum() would write: v is the double nearest them, which rounds back
 * to them. They are copied, with the separators put in. */
void
fmtnums(struct sbuf *b, const char *s, double v, int dec, int sign)
{
	char out[48];
	const char *p = s + (*s == '-');
	size_t ilen, i, o = 0;
	int zero = 1;

	for (ilen = 0; p[ilen] >= '0' && p[ilen] <= '9'; ilen++)
		zero &= p[ilen] == '0';
	i = ilen;
	if (dec > 0 && p[i] == '.')
		for (i++; p[i] >= '0' && p[i] <= '9'; i++)
			zero &= p[i] == '0';
	if (ilen == 0 || (ilen > 1 && *p == '0') || dec < 0 || dec > 9 ||
	    ilen + (size_t)dec > 15 || p[i] != '\0' ||
	    (dec > 0 && i != ilen + 1 + (size_t)dec) || (zero && *s == '-')) {
		fmtnum(b, v, dec, sign);
		return;
	}
	if (*s == '-')
		out[o++] = '-';
	else if (sign && !zero)
		out[o++] = '+';
	for (i = 0; i < ilen; i++) {
		if (i && (ilen - i) % 3 == 0)
			out[o++] = ',';
		out[o++] = p[i];
	}
	if (dec > 0) {
		memcpy(out + o, p + ilen, (size_t)dec + 1);
		o += (size_t)dec + 1;
	}
	sb_add(b, out, o);
}

int
isblank_s(const char *s)
{
	return s[strspn(s, " \t")] == '\0';
}

/* A plain decimal ("-12.34": a sign, at most 15 digits, no space or
 * separator) read directly: its digits as a whole number m < 10^15 and
 * 10^k are both exact doubles, so m / 10^k is the one rounding of the
 * exact value, as strtod() gives it. 0: not such a number. */
static int
plainnum(const char *s, double *v)
{
	static const double p10[] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6,
		1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15 };
	const char *p = s + (*s == '-' || *s == '+');
	unsigned long long m = 0;
	int nd = 0, k = -1;

	for (; *p; p++) {
		if (*p >= '0' && *p <= '9') {
			m = m * 10 + (unsigned)(*p - '0');
			nd++;
			k += k >= 0;
		} else if (*p == '.' && k < 0) {
			k = 0;
		} else {
			return 0;
		}
	}
	if (nd == 0 || nd > 15)
		return 0;
	*v = (double)m / p10[k > 0 ? k : 0];
	if (*s == '-')
		*v = -*v;
	return 1;
}

int
getnum(const char *s, double *v)
{
	if (plainnum(s, v))
		return 1;
	return !isblank_s(s) && num_dbl(s, strlen(s), v) == 0;
}

/* v as fmtnum() shows it: half away from zero (lib/round). */
double
round1(double v, int dec)
{
	return round_val(v, dec);
}
