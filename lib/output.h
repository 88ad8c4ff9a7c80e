/* output: stdout, or -o FILE written to a temporary file beside it and
 * renamed on success; on failure or SIGINT/SIGTERM/SIGHUP nothing is
 * left behind. One output per process.
 *
 * An existing FILE keeps its mode (and, for root, its owner). A symbolic
 * link is followed: the file it names is replaced and the link kept. A
 * FILE that exists and is not a regular file (a FIFO, a character
 * device such as /dev/null, a terminal) is written directly, never
 * renamed over; a directory is an error. */
#ifndef SAPIPE_OUTPUT_H
#define SAPIPE_OUTPUT_H

#include <stdio.h>

/* Make sure descriptors 0, 1 and 2 are open (onto /dev/null when one is
 * closed), so that no file a tool opens can take the place of stdout or
 * stderr. Every tool calls it first. Output to a stdout that was closed
 * is still an error (out_open exits 1). */
void out_stdfds(void);
/* NULL or "-" is stdout. Exits 1 when the temporary file cannot be made. */
FILE *out_open(const char *path);
/* Finish: rename into place if ok and every write succeeded, else remove
 * the temporary file. 0 on success, 1 on failure (warned). */
int out_close(FILE *fp, int ok);

#endif
