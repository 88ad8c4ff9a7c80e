/* hset: a set of 64-bit hashes of byte strings, for duplicate detection
 * in a fixed amount of memory: 8 bytes a key in a table, and past the
 * table, sorted runs in temporary files behind a Bloom filter (the way
 * sort(1) spills). The memory is the same whatever the number of keys,
 * but for 1/64 byte a spilled key. No strings are kept. */
#ifndef SAPIPE_HSET_H
#define SAPIPE_HSET_H

#include <stddef.h>
#include <stdint.h>

#define HSET_MEM (10u << 20) /* the default budget, bytes */
#define HSET_MINMEM (16u << 10)

struct hset;

uint64_t hash64(const void *p, size_t n, uint64_t seed);
/* A set that keeps to mem bytes (0: HSET_MEM; at least HSET_MINMEM).
 * Temporary files go in $TMPDIR, else /tmp, unlinked at once. */
struct hset *hset_new(size_t mem);
/* Add h; 1 if it was new, 0 if already there. A temporary file that
 * cannot be written or read is an error: the message names it, exit 1. */
int hset_add(struct hset *s, uint64_t h);
/* Start loading what a look-up of h reads into the cache. */
void hset_prefetch(const struct hset *s, uint64_t h);
size_t hset_count(const struct hset *s);
/* How many of the keys are in temporary files, and in which folder. */
size_t hset_spilled(const struct hset *s);
const char *hset_dir(const struct hset *s);
void hset_free(struct hset *s);

#endif
