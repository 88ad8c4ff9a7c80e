/* Unit tests for csvw_needq() (lib/csvwrite.c): its word-at-a-time and
 * overlapping steps against a byte-at-a-time reference, on every length
 * up to 80 with each special byte at each position, and on random
 * fields. Each field sits at the very end of its own allocation, so that
 * a read past it is caught under ASan and valgrind. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvwrite.h"

static int fails;

static int
ref(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n')
			return 1;
	return 0;
}

static void
one(const char *src, size_t n)
{
	char *p = malloc(n ? n : 1);
	int got, want;

	memcpy(p, src, n);
	got = csvw_needq(p, n);
	want = ref(p, n);
	if (got != want && fails++ < 20)
		fprintf(stderr, "needq of %zu bytes '%.*s': %d, want %d\n", n,
		    (int)n, p, got, want);
	free(p);
}

int
main(void)
{
	static const char sp[] = ",\"\r\n";
	/* near misses: bytes one off each special, and high bytes */
	static const char near[] = "+-#!\x0c\x0b\x0e\x80\xac\xa2\xff\x01 ";
	char buf[80];
	size_t n, k, j;
	unsigned seed = 1;
	long t;

	for (n = 0; n <= sizeof(buf); n++) {
		memset(buf, 'a', n);
		one(buf, n);
		for (j = 0; j + 1 < sizeof(near); j++) {
			for (k = 0; k < n; k++)
				buf[k] = near[(k + j) % (sizeof(near) - 1)];
			one(buf, n);
		}
		for (k = 0; k < n; k++)
			for (j = 0; j < 4; j++) {
				memset(buf, 'a', n);
				buf[k] = sp[j];
				one(buf, n);
				memset(buf, '\xfe', n);
				buf[k] = sp[j];
				one(buf, n);
			}
	}
	for (t = 0; t < 200000; t++) {
		seed = seed * 1103515245u + 12345u;
		n = (seed >> 16) % sizeof(buf);
		for (k = 0; k < n; k++) {
			seed = seed * 1103515245u + 12345u;
			buf[k] = (seed >> 16) % 97 == 0 ? sp[(seed >> 8) & 3] :
			    (char)(near[(seed >> 20) % (sizeof(near) - 1)] +
			    ((seed >> 12) & 1));
		}
		one(buf, n);
	}
	if (fails)
		fprintf(stderr, "%d failed\n", fails);
	return fails != 0;
}
