/* meta: the indicator metadata file, one row per indicator:
 *
 *	indicator,polarity[,denominator][,per][,kind][,numerator]
 *
 * polarity is low (lower is better: crime), high (higher is better: a
 * charge rate, a share of victims supported) or none; per a number above
 * 0; kind count (a count per N of a denominator), percentage or harm (a
 * harm-weighted count). For a count or harm, denominator names a column
 * of crimerate's population file (population, households, businesses);
 * for a percentage, it names the indicator counted below the line and
 * numerator the one above it (victims with a repeat over victims), and
 * per is 100. Names are matched by name_key(). Other columns are ignored.
 * A duplicate indicator, an empty name, an unknown polarity or kind, a bad
 * per (a percentage's other than 100): meta_read() exits 1 naming file,
 * line and column. A percentage without numerator or denominator is read;
 * crimerate, which computes it, wants both. */
#ifndef SAPIPE_META_H
#define SAPIPE_META_H

#include <stddef.h>

enum { META_UNKNOWN, META_LOW, META_HIGH, META_NONE };
enum { META_KIND_UNSET, META_COUNT, META_PERCENTAGE, META_HARM };

struct meta_ind {
	char *name;        /* as written, trimmed */
	char *key;         /* name_key(name) */
	int polarity;      /* META_LOW, META_HIGH or META_NONE */
	char *denominator; /* as written, or NULL */
	char *numerator;   /* as written, or NULL */
	double per;        /* 0 when not given */
	int kind;          /* META_KIND_UNSET when not given */
	long line;
};

struct meta {
	char *file;        /* the file's name as opened */
	struct meta_ind *ind; /* sorted by key */
	size_t n;
};

/* Read path ("-" is stdin); exits 1 on any fault. */
struct meta *meta_read(const char *path);
void meta_free(struct meta *m);
/* The indicator named s[0..n) (by name_key), or NULL. */
const struct meta_ind *meta_find(const struct meta *m, const char *s,
    size_t n);
/* "count", "percentage", "harm", or "" for META_KIND_UNSET. */
const char *meta_kindname(int kind);
/* "low", "high", "none", or "" for META_UNKNOWN. */
const char *meta_polname(int polarity);
/* The polarity written s[0..n) (any case, trimmed; "" is META_UNKNOWN),
 * or -1 when it is no polarity word. */
int meta_polarity(const char *s, size_t n);

#endif
