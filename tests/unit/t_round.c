/* Unit tests for lib/round.c: half away from zero by decimal digits. */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "round.h"

static int fails;

static void
is(double v, int dec, const char *want, int line)
{
	char buf[400];
	size_t n = round_fmt(buf, sizeof(buf), v, dec);

	if (n != strlen(want) || strcmp(buf, want) != 0) {
		fprintf(stderr, "t_round.c:%d: %.17g to %d: '%s', want '%s'\n",
		    line, v, dec, buf, want);
		fails++;
	}
}

#define IS(v, d, w) is(v, d, w, __LINE__)

/* round_fmt's shortcut against the digits alone: random magnitudes, and
 * values at and a few units in the last place beside every kind of
 * half (k + 0.5) x 10^-dec, where only the digits can decide. */
static int
agree(void)
{
	char a[400], b[400];
	double v, t;
	int i, j, dec, bad = 0;
	unsigned long long x = 88172645463325252ULL;

	for (i = 0; i < 200000 && bad < 5; i++) {
		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		dec = (int)(x % 11);
		if (i % 2) {
			v = (double)(x >> 11) / 9007199254740992.0 *
			    pow(10.0, (double)((x >> 3) % 24) - 8.0);
		} else {
			t = (double)((x >> 20) % 2000000) + 0.5;
			v = t / pow(10.0, (double)dec);
			for (j = (int)((x >> 8) % 7) - 3; j > 0; j--)
				v = nextafter(v, HUGE_VAL);
			for (; j < 0; j++)
				v = nextafter(v, 0.0);
		}
		if (x & 4)
			v = -v;
		round_fmt(a, sizeof(a), v, dec);
		round_digits(b, sizeof(b), v, dec);
		if (strcmp(a, b) != 0) {
			fprintf(stderr, "t_round.c: %.17g to %d: shortcut '%s', "
			    "digits '%s'\n", v, dec, a, b);
			bad++;
		}
	}
	return bad;
}

int
main(void)
{
	char buf[400];

	IS(0.125, 2, "0.13");
	IS(6.25, 1, "6.3");
	IS(1.125, 2, "1.13");
	IS(2.675, 2, "2.68");   /* binary 2.67499999999999982236431605997495353221893310546875 */
	IS(1.005, 2, "1.01");
	IS(-0.125, 2, "-0.13");
	IS(-2.5, 0, "-3");
	IS(2.5, 0, "3");
	IS(0.5, 0, "1");
	IS(0.49999999999999994, 0, "0");
	IS(0.0, 2, "0.00");
	IS(-0.0, 2, "0.00");
	IS(-0.004, 2, "0.00");
	IS(-0.005, 2, "-0.01");
	IS(0.0049999, 2, "0.00");
	IS(9.995, 2, "10.00");
	IS(99.95, 1, "100.0");
	IS(999999.5, 0, "1000000");
	IS(0.001, 2, "0.00");
	IS(0.005, 2, "0.01");
	IS(0.0005, 2, "0.00");
	IS(0.05, 1, "0.1");
	IS(123.456, 0, "123");
	IS(123.456, 5, "123.45600");
	IS(1e-300, 2, "0.00");
	IS(1e20, 1, "100000000000000000000.0");
	IS(3.0, 2, "3.00");
	IS(16.666666666666668, 1, "16.7");
	IS(-16.666666666666668, 1, "-16.7");
	IS(0.1 + 0.2, 2, "0.30");
	IS(1.0 / 3, 2, "0.33");
	IS(2.0 / 3, 2, "0.67");
	if (round_fmt(buf, sizeof(buf), DBL_MAX, 2) != 312 ||
	    strncmp(buf, "17976931348623157", 17) != 0 ||
	    strcmp(buf + 309, ".00") != 0) {
		fprintf(stderr, "DBL_MAX: '%s'\n", buf);
		fails++;
	}
	fails += agree();
	if (round_val(1.125, 2) != 1.13 || round_val(2.675, 2) != 2.68 ||
	    round_val(-0.125, 2) != -0.13) {
		fprintf(stderr, "round_val\n");
		fails++;
	}
	return fails != 0;
}
