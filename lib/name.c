#include <string.h>

#include "name.h"

static int
blank(int c)
{
	return c == ' ' || c == '\t';
}

size_t
name_key(struct sbuf *b, const char *s, size_t n)
{
	size_t i;
	int gap = 0;

	b->len = 0;
	while (n > 0 && blank((unsigned char)*s)) {
		s++;
		n--;
	}
	while (n > 0 && blank((unsigned char)s[n - 1]))
		n--;
	for (i = 0; i < n; i++) {
		if (blank((unsigned char)s[i])) {
			gap = 1;
			continue;
		}
		if (gap)
			sb_addc(b, ' ');
		gap = 0;
		sb_addc(b, s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
	}
	sb_str(b);
	return b->len;
}

int
name_eq(const char *s, size_t n, const char *t, size_t m)
{
	struct sbuf a = {0}, b = {0};
	int eq;

	name_key(&a, s, n);
	name_key(&b, t, m);
	eq = a.len == b.len && memcmp(sb_str(&a), sb_str(&b), a.len) == 0;
	sb_free(&a);
	sb_free(&b);
	return eq;
}
