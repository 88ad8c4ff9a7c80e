/* input: a byte stream from a path or "-" (stdin), gzip or plain
 * (detected by magic bytes, not by name), with a leading UTF-8 BOM removed. */
#ifndef SAPIPE_INPUT_H
#define SAPIPE_INPUT_H

#include <stddef.h>
#include <sys/types.h>

struct input;

/* Open path ("-" is stdin). On failure return NULL with errno set. */
struct input *in_open(const char *path);
/* Read up to n bytes; 0 at end, -1 on error (in_error() says why). */
ssize_t in_read(struct input *in, char *buf, size_t n);
/* A gzip stream is inflated by a second thread from the second read on,
 * ahead of the caller, who gets the same bytes; plain input is read as
 * before. in_close() stops the thread, waiting for a read it is in. */
void in_ahead(struct input *in);
/* A second reader of the same plain regular file from byte off of the
 * file (a BOM counts), by pread(2): for a thread's part of it. NULL
 * for gzip, a pipe, or before the first read. It shares in's
 * descriptor: close it before in. */
struct input *in_part(const struct input *in, long long off);
/* A plain regular file's size in bytes, BOM and all; -1 otherwise. */
long long in_size(const struct input *in);
const char *in_error(struct input *in);
const char *in_name(const struct input *in);
int in_bom(const struct input *in); /* 1 if a BOM was removed */
int in_gzip(const struct input *in);
void in_close(struct input *in);

#endif
