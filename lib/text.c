#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "text.h"
#include "util.h"

int
text_ascii(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80)
			return 0;
	return 1;
}

long
utf8_bad(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0, k, len;
	unsigned c;

	while (i < n) {
		c = s[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf)
			len = 2;
		else if (c >= 0xe0 && c <= 0xef)
			len = 3;
		else if (c >= 0xf0 && c <= 0xf4)
			len = 4;
		else
			return (long)i;
		if (i + len > n)
			return (long)i;
		for (k = 1; k < len; k++)
			if ((s[i + k] & 0xc0) != 0x80)
				return (long)i;
		/* overlong, surrogate and out-of-range forms */
		if ((c == 0xe0 && s[i + 1] < 0xa0) ||
		    (c == 0xed && s[i + 1] > 0x9f) ||
		    (c == 0xf0 && s[i + 1] < 0x90) ||
		    (c == 0xf4 && s[i + 1] > 0x8f))
			return (long)i;
		i += len;
	}
	return -1;
}

struct recode {
	iconv_t cd;
};

struct recode *
recode_new(const char *from)
{
	struct recode *r;
	const char *cs;

	if (strcasecmp(from, "cp1252") == 0 ||
	    strcasecmp(from, "windows-1252") == 0)
		cs = "WINDOWS-1252";
	else if (strcasecmp(from, "latin1") == 0 ||
	    strcasecmp(from, "iso-8859-1") == 0)
		cs = "ISO-8859-1";
	else
		return NULL;
	r = xcalloc(1, sizeof(*r));
	if ((r->cd = iconv_open("UTF-8", cs)) == (iconv_t)-1) {
		free(r);
		return NULL;
	}
	return r;
}

int
recode(struct recode *r, const char *s, size_t n, struct sbuf *out,
    size_t *bad)
{
	char *in = (char *)s, *o;
	size_t inleft = n, oleft;

	iconv(r->cd, NULL, NULL, NULL, NULL);
	out->len = 0;
	for (;;) {
		grow(&out->s, &out->cap, out->len + 3 * inleft + 4);
		o = out->s + out->len;
		oleft = out->cap - out->len - 1;
		if (iconv(r->cd, &in, &inleft, &o, &oleft) != (size_t)-1) {
			out->len = (size_t)(o - out->s);
			break;
		}
		out->len = (size_t)(o - out->s);
		if (errno != E2BIG) {
			*bad = (size_t)(in - s);
			out->s[out->len] = '\0';
			return -1;
		}
	}
	out->s[out->len] = '\0';
	return 0;
}

void
recode_free(struct recode *r)
{
	if (!r)
		return;
	iconv_close(r->cd);
	free(r);
}
