#include <ctype.h>
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

/* Each spelling, lower case without '-', '_' and ' ', and its iconv
 * name. */
static const char *const encname[][2] = {
	{ "utf8", "UTF-8" },
	{ "cp1252", "WINDOWS-1252" }, { "windows1252", "WINDOWS-1252" },
	{ "win1252", "WINDOWS-1252" },
	{ "latin1", "ISO-8859-1" }, { "iso88591", "ISO-8859-1" },
	{ "l1", "ISO-8859-1" },
};

const char *
recode_name(const char *name)
{
	char key[16];
	size_t i, k = 0;

	for (; *name; name++) {
		if (strchr("-_ ", *name))
			continue;
		if (k + 1 >= sizeof(key))
			return NULL;
		key[k++] = (char)tolower((unsigned char)*name);
	}
	key[k] = '\0';
	for (i = 0; i < sizeof(encname) / sizeof(encname[0]); i++)
		if (strcmp(key, encname[i][0]) == 0)
			return encname[i][1];
	return NULL;
}

struct recode *
recode_new(const char *from)
{
	struct recode *r;
	const char *cs;

	if (!(cs = recode_name(from)) || strcmp(cs, "UTF-8") == 0)
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
