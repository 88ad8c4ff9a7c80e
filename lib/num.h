/* num: numbers in data, locale-independent. */
#ifndef SAPIPE_NUM_H
#define SAPIPE_NUM_H

#include <stddef.h>

/* An integer, optional sign, optional thousands separators in groups of
 * three ("1,234,567"), surrounding space allowed. 0 ok; -1 not a number;
 * -2 out of range. */
int num_int(const char *s, size_t n, long long *v);
/* A decimal number, same rules, optional fraction; finite only. */
int num_dbl(const char *s, size_t n, double *v);
/* Remove thousands separators if s is such a number; new length, or
 * (size_t)-1 if s is not a number with separators. In place. */
size_t num_unsep(char *s, size_t n);
/* Fixed decimals, never "-0.0"; the length written. A value too long
 * for cap is cut to cap - 1 bytes: 320 bytes hold any finite double at up
 * to 6 decimals. */
size_t num_fmt(char *buf, size_t cap, double v, int decimals);

#endif
