/* hset: a set of 64-bit hashes of byte strings, for duplicate detection
 * in bounded memory per distinct key (8 bytes a key, no strings kept). */
#ifndef SAPIPE_HSET_H
#define SAPIPE_HSET_H

#include <stddef.h>
#include <stdint.h>

struct hset;

uint64_t hash64(const void *p, size_t n, uint64_t seed);
struct hset *hset_new(void);
/* Add h; 1 if it was new, 0 if already there. */
int hset_add(struct hset *s, uint64_t h);
/* Start loading h's slot into the cache, ahead of hset_add. */
void hset_prefetch(const struct hset *s, uint64_t h);
size_t hset_count(const struct hset *s);
void hset_free(struct hset *s);

#endif
