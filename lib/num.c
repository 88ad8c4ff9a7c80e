#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "num.h"

/* Copy s into out without separators, checking groups of three. */
static int
plain(const char *s, size_t n, char *out, size_t cap, int frac)
{
	size_t i = 0, o = 0, run = 0;
	int sep = 0, dot = 0, nd = 0;

	while (i < n && isspace((unsigned char)s[i]))
		i++;
	while (n > i && isspace((unsigned char)s[n - 1]))
		n--;
	if (i < n && (s[i] == '-' || s[i] == '+'))
		out[o++] = s[i++];
	for (; i < n; i++) {
		if (o + 2 >= cap)
			return -2;
		if (isdigit((unsigned char)s[i])) {
			out[o++] = s[i];
			run++;
			nd++;
		} else if (s[i] == ',' && !dot && nd > 0 &&
		    (sep ? run == 3 : run <= 3)) {
			sep = 1;
			run = 0;
		} else if (s[i] == '.' && frac && !dot) {
			if (sep && run != 3)
				return -1;
			dot = 1;
			sep = 0;
			out[o++] = '.';
		} else {
			return -1;
		}
	}
	if (nd == 0 || (sep && run != 3))
		return -1;
	out[o] = '\0';
	return 0;
}

int
num_int(const char *s, size_t n, long long *v)
{
	char buf[64], *end;
	int r = plain(s, n, buf, sizeof(buf), 0);

	if (r == -2)
		return -2;
	if (r < 0)
		return -1;
	errno = 0;
	*v = strtoll(buf, &end, 10);
	if (errno == ERANGE)
		return -2;
	return *end ? -1 : 0;
}

int
num_dbl(const char *s, size_t n, double *v)
{
	char buf[400], *end;
	int r = plain(s, n, buf, sizeof(buf), 1);

	if (r == -2)
		return -2;
	if (r < 0)
		return -1;
	*v = strtod(buf, &end);
	if (*end)
		return -1;
	return isfinite(*v) ? 0 : -2;
}

size_t
num_unsep(char *s, size_t n)
{
	char buf[400];
	size_t o;

	if (!memchr(s, ',', n) || plain(s, n, buf, sizeof(buf), 1) != 0)
		return (size_t)-1;
	o = strlen(buf);
	memcpy(s, buf, o);
	return o;
}

size_t
num_fmt(char *buf, size_t cap, double v, int decimals)
{
	int n = snprintf(buf, cap, "%.*f", decimals, v);

	if (n < 0 || (size_t)n >= cap) /* cut: never a length past buf */
		n = n < 0 ? 0 : (int)cap - 1;

	/* "-0.0" reads as a fall that did not happen. */
	if (buf[0] == '-' && strspn(buf + 1, "0.") == strlen(buf + 1))
		memmove(buf, buf + 1, (size_t)n--);
	return (size_t)n;
}
