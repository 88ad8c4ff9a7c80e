/* header: column lookup by name, by the one rule of lib/name.h (case of
 * A-Z, surrounding and repeated spaces and tabs ignored), with aliases
 * ("date|month|Month"). */
#ifndef SAPIPE_HEADER_H
#define SAPIPE_HEADER_H

#include <stddef.h>

struct hdr {
	size_t n;
	char **name; /* as given */
	char **key;  /* hdr_norm() of each */
};

struct hdr *hdr_new(char *const *f, const size_t *len, size_t n);
void hdr_free(struct hdr *h);
/* A name's key (name_key() of lib/name.h) as a new string. */
char *hdr_norm(const char *s, size_t n);
/* Index of the column named by any of the '|'-separated aliases, or -1. */
long hdr_find(const struct hdr *h, const char *names);
/* First duplicate or empty name: its index, or -1 if none. */
long hdr_dup(const struct hdr *h, long *first);
/* The same over a plain array of n keys (hdr_norm()), with no header. */
long hdr_dupv(char *const *key, size_t n, long *first);
/* A -c NAME=COLUMN argument: the index of NAME among the n names (any
 * case), with *column the text after '='; -1 if arg is not of that form
 * or NAME is none of them. */
long hdr_role(const char *arg, const char *const *names, size_t n,
    const char **column);
/* Do two headers have the same (normalised) names? */
int hdr_same(const struct hdr *a, char *const *f, const size_t *len,
    size_t n);

#endif
