#include <err.h>
#include <sched.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "util.h"

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		err(1, "malloc");
	return p;
}

void *
xcalloc(size_t nmemb, size_t n)
{
	void *p = calloc(nmemb ? nmemb : 1, n ? n : 1);

	if (!p)
		err(1, "calloc");
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	if (!(p = realloc(p, n ? n : 1)))
		err(1, "realloc");
	return p;
}

void *
xreallocarray(void *p, size_t nmemb, size_t n)
{
	if (n && nmemb > SIZE_MAX / n) {
		errno = ENOMEM;
		err(1, "reallocarray");
	}
	return xrealloc(p, nmemb * n);
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

int
fshut(FILE *fp, const char *name)
{
	int ret = 0;

	/* A closed pipe downstream is not an error worth a message. */
	if (fflush(fp) == EOF && errno != EPIPE) {
		warn("%s: write error", name);
		ret = 1;
	} else if (ferror(fp)) {
		if (errno != EPIPE)
			warnx("%s: write error", name);
		ret = 1;
	}
	if (fclose(fp) == EOF && !ret) {
		if (errno != EPIPE)
			warn("%s: close", name);
		ret = 1;
	}
	return ret;
}

void
grow_(char **buf, size_t *cap, size_t need)
{
	size_t n = *cap ? *cap : 64;

	while (n < need) {
		if (n > SIZE_MAX / 2)
			errx(1, "out of memory");
		n *= 2;
	}
	*buf = xrealloc(*buf, n);
	*cap = n;
}

void
sb_add(struct sbuf *b, const char *s, size_t n)
{
	grow(&b->s, &b->cap, b->len + n + 1);
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void
sb_addc(struct sbuf *b, int c)
{
	char ch = (char)c;

	sb_add(b, &ch, 1);
}

void
sb_adds(struct sbuf *b, const char *s)
{
	sb_add(b, s, strlen(s));
}

const char *
sb_str(struct sbuf *b)
{
	if (!b->s)
		sb_add(b, "", 0);
	return b->s;
}

void
sb_free(struct sbuf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

int
strnieq(const char *s, size_t n, const char *t)
{
	return strlen(t) == n && strncasecmp(s, t, n) == 0;
}

void
version(void)
{
	extern char *program_invocation_short_name;

	printf("%s (sapipe) %s\n", program_invocation_short_name,
	    SAPIPE_VERSION);
	exit(0);
}

long
nprocs(void)
{
	cpu_set_t set;
	long n;

	if (sched_getaffinity(0, sizeof(set), &set) == 0 &&
	    (n = CPU_COUNT(&set)) > 0)
		return n;
	n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n;
}
