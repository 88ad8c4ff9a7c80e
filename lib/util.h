/* util: succeed-or-die allocation, checked stream shutdown. */
#ifndef SAPIPE_UTIL_H
#define SAPIPE_UTIL_H

#include <stddef.h>
#include <stdio.h>

#define SAPIPE_VERSION "0.1.0"

void *xmalloc(size_t n);
void *xcalloc(size_t nmemb, size_t n);
void *xrealloc(void *p, size_t n);
void *xreallocarray(void *p, size_t nmemb, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* Flush and close fp; on failure warn naming it and return 1. */
int fshut(FILE *fp, const char *name);

/* Grow *buf (capacity *cap) to hold at least need bytes. The check is
 * inline: it runs on every field written. */
void grow_(char **buf, size_t *cap, size_t need);
static inline void
grow(char **buf, size_t *cap, size_t need)
{
	if (need > *cap)
		grow_(buf, cap, need);
}

/* A growable byte string. */
struct sbuf {
	char *s;
	size_t len, cap;
};
void sb_add(struct sbuf *b, const char *s, size_t n);
void sb_addc(struct sbuf *b, int c);
void sb_adds(struct sbuf *b, const char *s);
const char *sb_str(struct sbuf *b); /* NUL-terminated view */
void sb_free(struct sbuf *b);

/* Case-insensitive ASCII compare of s[0..n) with NUL-terminated t. */
int strnieq(const char *s, size_t n, const char *t);

/* Print version line for tool and exit 0. */
void version(void);

/* The processors this process may run on (its affinity: taskset, a
 * cgroup's cpuset), at least 1. */
long nprocs(void);

#endif
