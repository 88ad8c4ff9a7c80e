/* name: the one rule by which every tool matches a name (an area, a
 * category, an indicator, a group), in data and in lookup files alike.
 *
 * Two names are the same name when their keys are equal. The key is the
 * name with surrounding spaces and tabs removed, each inner run of spaces
 * and tabs made one space, and the ASCII letters A-Z made lower case.
 * Other bytes (accented letters, any UTF-8) are compared as they are:
 * 'Dartford', ' DARTFORD ' and 'dartford' are one area, 'Ystradgynlais'
 * and 'YSTRADGYNLAIS' too, but 'Bro Ddyfi' and 'Bro  Ddyfi' only by the
 * space rule, and 'É' is not 'é'. */
#ifndef SAPIPE_NAME_H
#define SAPIPE_NAME_H

#include <stddef.h>

#include "util.h"

/* The key of s[0..n) into b (b's old content is replaced); its length.
 * sb_str(b) is the key NUL-terminated. */
size_t name_key(struct sbuf *b, const char *s, size_t n);
/* Are s[0..n) and t[0..m) the same name? */
int name_eq(const char *s, size_t n, const char *t, size_t m);
/* The key among keys[0..nkeys) nearest to key, when near enough to be a
 * slip of the keyboard: at most 1 edit (a byte added, dropped, changed,
 * or two neighbours swapped) for a key of up to 7 bytes, 2 for a longer
 * one. Its index, or -1 when none is (or key is one of them). */
long name_near(const char *key, const char *const *keys, size_t nkeys);

#endif
