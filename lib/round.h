/* round: the one rounding rule of what msgrank and sarender print:
 * half away from zero, decided by decimal digits, not binary noise.
 *
 * A double is first written as its shortest decimal that reads back as
 * the same double (%.15e, %.16e or %.17e, the first that round-trips),
 * and those digits are rounded. So 0.125 -> 0.13, 6.25 -> 6.3,
 * 1.125 -> 1.13, and a value read from "2.675" (binary 2.67499999...)
 * -> 2.68, as the digits written in the input say; crimerate's exact
 * integer rounding gives the same results for its own figures. */
#ifndef SAPIPE_ROUND_H
#define SAPIPE_ROUND_H

#include <stddef.h>

/* v rounded to dec decimals (0 to 17), written fixed-point into buf,
 * never "-0.00"; the length written. cap must be at least 330: that
 * holds any finite double. A value that is not finite is written as
 * "nan" or "inf", which callers must have refused before. */
size_t round_fmt(char *buf, size_t cap, double v, int dec);
/* The same by the digits alone, every time: the rule's reference, which
 * round_fmt() follows where a shorter way cannot differ. */
size_t round_digits(char *buf, size_t cap, double v, int dec);
/* v rounded as round_fmt() writes it, as a double: the value a reader
 * sees, for judging against targets and thresholds. */
double round_val(double v, int dec);

#endif
