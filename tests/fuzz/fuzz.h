/* fuzz.h: what every libFuzzer harness in tests/fuzz/ shares.
 *
 * - fz_path(): the input bytes as a file (a memfd named by
 *   /proc/self/fd/N), because lib/input opens paths.
 * - __wrap_in_read (linked with -Wl,--wrap=in_read): reads come back in
 *   chunks of fz_chunk bytes when it is set, so that the reader's buffer
 *   refills, CR LF pairs split across reads and lines longer than one read
 *   are reached with small inputs.
 * - fz_errx()/fz_err()/fz_exit(), and the library's errx()/err() through
 *   -Wl,--wrap: the tools end on bad data with errx(1),
 *   which is their documented behaviour, not a finding; the harnesses that
 *   include a tool's source map those calls here and jump back to the
 *   fuzz entry, which frees what the run held (see FZ_TRACK). */
#ifndef SAPIPE_FUZZ_H
#define SAPIPE_FUZZ_H

#include <err.h>
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "csvread.h"
#include "header.h"
#include "hset.h"
#include "input.h"
#include "output.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static size_t fz_chunk;
static jmp_buf fz_jb;
static int fz_armed;
static int fz_quiet = 1;
static int fz_allow2; /* options from the data: exit 2 is their end too */
static struct input *fz_lastin;

ssize_t __real_in_read(struct input *in, char *buf, size_t n);
ssize_t __wrap_in_read(struct input *in, char *buf, size_t n);

/* The tools' inputs are not inflated ahead here (-Wl,--wrap=in_ahead):
 * a thread of their own would outlive the jump back to the fuzz entry.
 * The reader's target calls __real_in_ahead(). */
void __real_in_ahead(struct input *in);
void __wrap_in_ahead(struct input *in);

void
__wrap_in_ahead(struct input *in)
{
	(void)in;
}

/* zlib's gzread() fills a request unless the stream ends, and the
 * reader asks for 256 KiB at a time, so lib/input looks for a BOM in the
 * first read alone: the first read of a stream is left 3 bytes or more. */
ssize_t
__wrap_in_read(struct input *in, char *buf, size_t n)
{
	size_t c = fz_chunk;

	if (in != fz_lastin && c < 3)
		c = 3;
	fz_lastin = in;
	if (c && n > c)
		n = c;
	return __real_in_read(in, buf, n);
}

/* The bytes as a file that in_open() can open; the same memfd is
 * rewritten for every input. */
static const char *
fz_path(const uint8_t *d, size_t n)
{
	static int fd = -1;
	static char path[64];
	size_t off = 0;
	ssize_t w;

	fz_lastin = NULL;
	if (fd < 0) {
		if ((fd = memfd_create("fuzz", 0)) < 0)
			err(2, "memfd_create");
		snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	}
	if (ftruncate(fd, 0) != 0)
		err(2, "ftruncate");
	while (off < n) {
		if ((w = pwrite(fd, d + off, n - off, (off_t)off)) <= 0)
			err(2, "pwrite");
		off += (size_t)w;
	}
	return path;
}

/* A chunk size from one byte: 0 (whole reads) half the time, else 1..127. */
static size_t
fz_chunkof(uint8_t b)
{
	return b & 0x80 ? 0 : (size_t)(b & 0x7f) + 1;
}

_Noreturn static void
fz_fail(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fputs("FINDING: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	abort();
}

/* Objects a tool opens and would close but for an errx() in between. */
#define FZ_MAXOBJ 16
static struct csvr *fz_csvr[FZ_MAXOBJ];
static struct input *fz_in[FZ_MAXOBJ];
static struct hdr *fz_hdr[FZ_MAXOBJ];

#define FZ_REG(tab, p) do { size_t i_; \
	for (i_ = 0; i_ < FZ_MAXOBJ && (tab)[i_]; i_++) ; \
	if (i_ < FZ_MAXOBJ) (tab)[i_] = (p); } while (0)
#define FZ_UNREG(tab, p) do { size_t i_; \
	for (i_ = 0; i_ < FZ_MAXOBJ; i_++) \
		if ((tab)[i_] == (p)) (tab)[i_] = NULL; } while (0)

static struct csvr *
fz_csvr_open(struct input *in, int delim, size_t maxfield)
{
	struct csvr *r = csvr_open(in, delim, maxfield);

	FZ_REG(fz_csvr, r);
	return r;
}

static void
fz_csvr_close(struct csvr *r)
{
	FZ_UNREG(fz_csvr, r);
	csvr_close(r);
}

static struct input *
fz_in_open(const char *path)
{
	struct input *in = in_open(path);

	if (in)
		FZ_REG(fz_in, in);
	return in;
}

static void
fz_in_close(struct input *in)
{
	FZ_UNREG(fz_in, in);
	in_close(in);
}

static struct hdr *
fz_hdr_new(char *const *f, const size_t *len, size_t n)
{
	struct hdr *h = hdr_new(f, len, n);

	FZ_REG(fz_hdr, h);
	return h;
}

static void
fz_hdr_free(struct hdr *h)
{
	FZ_UNREG(fz_hdr, h);
	hdr_free(h);
}

static FILE *fz_fp[FZ_MAXOBJ];
static FILE *fz_out;
static struct hset *fz_hset[FZ_MAXOBJ];
static char fz_stats[256]; /* the last warning starting "read " */

static FILE *
fz_fopen(const char *path, const char *mode)
{
	FILE *fp = fopen(path, mode);

	if (fp)
		FZ_REG(fz_fp, fp);
	return fp;
}

static int
fz_fclose(FILE *fp)
{
	FZ_UNREG(fz_fp, fp);
	return fclose(fp);
}

static int
fz_fshut(FILE *fp, const char *name)
{
	FZ_UNREG(fz_fp, fp);
	return fshut(fp, name);
}

static FILE *
fz_out_open(const char *path)
{
	return fz_out = out_open(path);
}

static int
fz_out_close(FILE *fp, int ok)
{
	fz_out = NULL;
	return out_close(fp, ok);
}

static struct hset *
fz_hset_new(size_t mem)
{
	struct hset *h = hset_new(mem);

	FZ_REG(fz_hset, h);
	return h;
}

static void
fz_hset_free(struct hset *h)
{
	FZ_UNREG(fz_hset, h);
	hset_free(h);
}

static void
fz_warnx(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	if (strncmp(fmt, "read ", 5) == 0)
		vsnprintf(fz_stats, sizeof(fz_stats), fmt, ap);
	else if (!fz_quiet)
		vwarnx(fmt, ap);
	va_end(ap);
}

static void
fz_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	if (!fz_quiet)
		vwarn(fmt, ap);
	va_end(ap);
}

/* After a jump back: close whatever is still open, readers first. */
static void
fz_release(void)
{
	size_t i;

	if (fz_out)
		out_close(fz_out, 0);
	fz_out = NULL;
	for (i = 0; i < FZ_MAXOBJ; i++) {
		if (fz_fp[i])
			fclose(fz_fp[i]);
		fz_fp[i] = NULL;
		hset_free(fz_hset[i]);
		fz_hset[i] = NULL;
	}

	for (i = 0; i < FZ_MAXOBJ; i++) {
		csvr_close(fz_csvr[i]);
		fz_csvr[i] = NULL;
	}
	for (i = 0; i < FZ_MAXOBJ; i++) {
		in_close(fz_in[i]);
		fz_in[i] = NULL;
	}
	for (i = 0; i < FZ_MAXOBJ; i++) {
		hdr_free(fz_hdr[i]);
		fz_hdr[i] = NULL;
	}
}

_Noreturn static void
fz_vexit(int status, const char *fmt, va_list ap, int witherr)
{
	char msg[512] = "";

	if (fmt)
		vsnprintf(msg, sizeof(msg), fmt, ap);
	if (!fz_quiet || !fz_armed)
		fprintf(stderr, "tool: %s%s%s\n", msg, witherr ? ": " : "",
		    witherr ? strerror(errno) : "");
	if (!fz_armed)
		exit(status);
	/* Only a data error may end a run: exit 1. A usage error (2) cannot
	 * come from the data once the options are fixed, but for one
	 * reported case: csvclean exits 2 when the input already has the
	 * column a --derive (police-street's area) would add. */
	if (status != 1 && !(status == 2 && (fz_allow2 ||
	    strstr(msg, "already exists"))))
		fz_fail("exit status %d from data: %s", status, msg);
	longjmp(fz_jb, 1);
}

/* The library's own errx() and err() (a profile's regular expression
 * that does not compile, in lib/rx.c), linked with -Wl,--wrap=errx,
 * --wrap=err: the same ends as the tool's. */
_Noreturn void __wrap_errx(int status, const char *fmt, ...);
_Noreturn void __wrap_err(int status, const char *fmt, ...);

_Noreturn void
__wrap_errx(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fz_vexit(status, fmt, ap, 0);
}

_Noreturn void
__wrap_err(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fz_vexit(status, fmt, ap, 1);
}

_Noreturn static void
fz_errx(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fz_vexit(status, fmt, ap, 0);
	va_end(ap);
}

_Noreturn static void
fz_err(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fz_vexit(status, fmt, ap, 1);
	va_end(ap);
}

_Noreturn static void
fz_exit(int status)
{
	fz_errx(status, NULL);
}

/* Define FZ_TOOL before including this, then #include "../../cmd/TOOL.c":
 * the tool's exits and the objects it opens go through the functions
 * above. */
#ifdef FZ_TOOL
#define errx(...) fz_errx(__VA_ARGS__)
#define err(...) fz_err(__VA_ARGS__)
#define exit(s) fz_exit(s)
#define csvr_open(...) fz_csvr_open(__VA_ARGS__)
#define csvr_close(r) fz_csvr_close(r)
#define in_open(p) fz_in_open(p)
#define in_close(p) fz_in_close(p)
#define hdr_new(...) fz_hdr_new(__VA_ARGS__)
#define hdr_free(h) fz_hdr_free(h)
#define hset_new(m) fz_hset_new(m)
#define hset_free(h) fz_hset_free(h)
#define fopen(p, m) fz_fopen(p, m)
#define fclose(fp) fz_fclose(fp)
#define fshut(fp, n) fz_fshut(fp, n)
#define out_open(p) fz_out_open(p)
#define out_close(fp, ok) fz_out_close(fp, ok)
#define warnx(...) fz_warnx(__VA_ARGS__)
#define warn(...) fz_warn(__VA_ARGS__)
#endif

#endif
