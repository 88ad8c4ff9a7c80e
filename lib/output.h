/* output: stdout, or -o FILE written to a temporary file beside it and
 * renamed on success; on failure or SIGINT/SIGTERM/SIGHUP nothing is
 * left behind. One output per process. */
#ifndef SAPIPE_OUTPUT_H
#define SAPIPE_OUTPUT_H

#include <stdio.h>

/* NULL or "-" is stdout. Exits 1 when the temporary file cannot be made. */
FILE *out_open(const char *path);
/* Finish: rename into place if ok and every write succeeded, else remove
 * the temporary file. 0 on success, 1 on failure (warned). */
int out_close(FILE *fp, int ok);

#endif
