/* text: UTF-8 checking, Windows-1252/Latin-1 to UTF-8 (iconv), trimming. */
#ifndef SAPIPE_TEXT_H
#define SAPIPE_TEXT_H

#include <stddef.h>

struct sbuf;

/* Offset of the first byte that is not valid UTF-8, or -1. */
long utf8_bad(const char *s, size_t n);
/* Is any byte >= 0x80? */
int text_ascii(const char *s, size_t n);

struct recode;
/* The iconv name of an encoding: "UTF-8" (utf-8, utf8), "WINDOWS-1252"
 * (cp1252, windows-1252, win-1252) or "ISO-8859-1" (latin1,
 * latin-1, iso-8859-1, l1), case, '-', '_' and ' ' ignored; NULL if
 * unknown. */
const char *recode_name(const char *name);
/* from: a name recode_name knows, not UTF-8. NULL if unknown. */
struct recode *recode_new(const char *from);
/* Convert s into out. 0 ok; -1 and *bad the offset of an undefined byte. */
int recode(struct recode *r, const char *s, size_t n, struct sbuf *out,
    size_t *bad);
void recode_free(struct recode *r);

/* Leading and trailing spaces and tabs. Inline: it runs on every field. */
static inline void
trim(const char **s, size_t *n)
{
	while (*n > 0 && (**s == ' ' || **s == '\t')) {
		(*s)++;
		(*n)--;
	}
	while (*n > 0 && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t'))
		(*n)--;
}

#endif
