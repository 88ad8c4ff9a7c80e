/* Plain input is read(2) straight into the caller's buffer; gzip (found
 * by its magic bytes, any name, several members) goes through zlib's
 * inflate. gzread would copy plain input once more and hides a truncated
 * stream behind a plain end of file. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "input.h"
#include "util.h"

#define ZBUF (1 << 17)
#define AHEAD 4             /* inflated chunks in flight (in_ahead()) */
#define ACHUNK (1 << 18)

struct ahead {
	pthread_t t;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	struct {
		char *b;
		ssize_t n;          /* bytes; 0 at the end, -1 an error */
	} c[AHEAD];
	unsigned long made, done;   /* chunks inflated, chunks used up */
	int stop;
	size_t off;                 /* the caller's place in chunk done */
};

struct input {
	char *name;
	int fd, started, bom, gz, zend, eof, wantah;
	int part;                   /* in_part(): pread(2) from pos */
	long long pos;
	struct ahead *ah;
	z_stream z;
	unsigned char *zbuf;
	/* bytes read while sniffing, not yet handed out */
	unsigned char pre[4];
	size_t npre;
	char err[256];
};

struct input *
in_open(const char *path)
{
	struct input *in;
	struct stat st;
	int fd;

	if (strcmp(path, "-") == 0)
		fd = dup(0);
	else
		fd = open(path, O_RDONLY);
	if (fd < 0)
		return NULL;
	/* open(2) takes a folder; the first read would then fail with a
	 * message naming nothing. */
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		close(fd);
		errno = EISDIR;
		return NULL;
	}
	in = xcalloc(1, sizeof(*in));
	in->fd = fd;
	in->name = xstrdup(strcmp(path, "-") == 0 ? "<stdin>" : path);
	return in;
}

static ssize_t
rawread(struct input *in, void *buf, size_t n)
{
	ssize_t r;

	if (in->npre > 0) {
		r = (ssize_t)(n < in->npre ? n : in->npre);
		memcpy(buf, in->pre, (size_t)r);
		memmove(in->pre, in->pre + r, in->npre - (size_t)r);
		in->npre -= (size_t)r;
		return r;
	}
	do
		r = read(in->fd, buf, n);
	while (r < 0 && errno == EINTR);
	if (r < 0)
		snprintf(in->err, sizeof(in->err), "%s", strerror(errno));
	return r;
}

/* Look at the first bytes: gzip or not. */
static int
start(struct input *in)
{
	ssize_t r;

	in->started = 1;
	while (in->npre < 2) {
		/* read(2) itself: rawread() would hand pre back to itself. */
		do
			r = read(in->fd, in->pre + in->npre, 2 - in->npre);
		while (r < 0 && errno == EINTR);
		if (r < 0) {
			snprintf(in->err, sizeof(in->err), "%s",
			    strerror(errno));
			return -1;
		}
		if (r == 0)
			break;
		in->npre += (size_t)r;
	}
	if (in->npre == 2 && in->pre[0] == 0x1f && in->pre[1] == 0x8b) {
		in->gz = 1;
		in->zbuf = xmalloc(ZBUF);
		if (inflateInit2(&in->z, 16 + MAX_WBITS) != Z_OK) {
			snprintf(in->err, sizeof(in->err), "zlib: out of memory");
			return -1;
		}
	}
	return 0;
}

static ssize_t
gzread_(struct input *in, char *buf, size_t n)
{
	ssize_t r;
	int zr;

	in->z.next_out = (unsigned char *)buf;
	in->z.avail_out = (uInt)n;
	while (in->z.avail_out == n) {
		if (in->z.avail_in == 0 && !in->eof) {
			if ((r = rawread(in, in->zbuf, ZBUF)) < 0)
				return -1;
			in->eof = r == 0;
			in->z.next_in = in->zbuf;
			in->z.avail_in = (uInt)r;
		}
		if (in->z.avail_in == 0 && in->eof) {
			if (in->zend)
				break;
			snprintf(in->err, sizeof(in->err),
			    "gzip stream truncated (unexpected end of file)");
			return -1;
		}
		if (in->zend) {
			/* Another member follows (gzip files concatenate). */
			if (in->z.next_in[0] != 0x1f) {
				snprintf(in->err, sizeof(in->err),
				    "trailing garbage after gzip data");
				return -1;
			}
			inflateReset(&in->z);
			in->zend = 0;
		}
		zr = inflate(&in->z, Z_NO_FLUSH);
		if (zr == Z_STREAM_END) {
			in->zend = 1;
		} else if (zr != Z_OK && zr != Z_BUF_ERROR) {
			snprintf(in->err, sizeof(in->err), "gzip: %s",
			    in->z.msg ? in->z.msg : "corrupt data");
			return -1;
		}
	}
	return (ssize_t)(n - in->z.avail_out);
}

/* The second thread of in_ahead(): inflate into the free chunks. */
static void *
ahead_run(void *arg)
{
	struct input *in = arg;
	struct ahead *a = in->ah;
	ssize_t r = 1;
	char *b;
	int stop;

	while (r > 0) {
		pthread_mutex_lock(&a->mu);
		while (!a->stop && a->made - a->done >= AHEAD)
			pthread_cond_wait(&a->cv, &a->mu);
		stop = a->stop;
		b = a->c[a->made % AHEAD].b;
		pthread_mutex_unlock(&a->mu);
		if (stop)
			break;
		r = gzread_(in, b, ACHUNK);
		pthread_mutex_lock(&a->mu);
		a->c[a->made % AHEAD].n = r;
		a->made++;
		pthread_cond_broadcast(&a->cv);
		pthread_mutex_unlock(&a->mu);
	}
	return NULL;
}

static void
ahead_free(struct input *in)
{
	struct ahead *a = in->ah;
	int i;

	for (i = 0; i < AHEAD; i++)
		free(a->c[i].b);
	pthread_mutex_destroy(&a->mu);
	pthread_cond_destroy(&a->cv);
	free(a);
	in->ah = NULL;
}

static void
ahead_start(struct input *in)
{
	struct ahead *a = xcalloc(1, sizeof(*a));
	int i;

	pthread_mutex_init(&a->mu, NULL);
	pthread_cond_init(&a->cv, NULL);
	for (i = 0; i < AHEAD; i++)
		a->c[i].b = xmalloc(ACHUNK);
	in->ah = a;
	/* without a thread, the stream is read as before */
	if (pthread_create(&a->t, NULL, ahead_run, in) != 0)
		ahead_free(in);
}

static void
ahead_end(struct input *in)
{
	struct ahead *a = in->ah;

	pthread_mutex_lock(&a->mu);
	a->stop = 1;
	pthread_cond_broadcast(&a->cv);
	pthread_mutex_unlock(&a->mu);
	pthread_join(a->t, NULL);
	ahead_free(in);
}

/* The next bytes the thread inflated. The end and an error stay: each
 * later read gives them again. */
static ssize_t
ahead_read(struct input *in, char *buf, size_t n)
{
	struct ahead *a = in->ah;
	ssize_t r;
	size_t k;

	pthread_mutex_lock(&a->mu);
	while (a->made == a->done)
		pthread_cond_wait(&a->cv, &a->mu);
	pthread_mutex_unlock(&a->mu);
	r = a->c[a->done % AHEAD].n;
	if (r <= 0)
		return r;
	k = (size_t)r - a->off < n ? (size_t)r - a->off : n;
	memcpy(buf, a->c[a->done % AHEAD].b + a->off, k);
	a->off += k;
	if (a->off == (size_t)r) {
		a->off = 0;
		pthread_mutex_lock(&a->mu);
		a->done++;
		pthread_cond_broadcast(&a->cv);
		pthread_mutex_unlock(&a->mu);
	}
	return (ssize_t)k;
}

void
in_ahead(struct input *in)
{
	in->wantah = 1;
}

/* A second reader of a plain file, from byte off of the file (not of
 * the stream: a BOM counts): pread(2) on in's descriptor, so that each
 * thread reads its own part. NULL when in is not a plain regular file
 * (gzip, a pipe) or has not been read yet. */
struct input *
in_part(const struct input *in, long long off)
{
	struct input *p;
	struct stat st;

	if (!in->started || in->gz || in->part || fstat(in->fd, &st) != 0 ||
	    !S_ISREG(st.st_mode))
		return NULL;
	p = xcalloc(1, sizeof(*p));
	p->fd = in->fd;
	p->part = 1;
	p->started = 2;
	p->pos = off;
	p->name = xstrdup(in->name);
	return p;
}

/* The size of a plain regular file, BOM and all; -1 for any other. */
long long
in_size(const struct input *in)
{
	struct stat st;

	if (in->gz || fstat(in->fd, &st) != 0 || !S_ISREG(st.st_mode))
		return -1;
	return (long long)st.st_size;
}

static ssize_t
partread(struct input *in, char *buf, size_t n)
{
	ssize_t r;

	do
		r = pread(in->fd, buf, n, (off_t)in->pos);
	while (r < 0 && errno == EINTR);
	if (r < 0)
		snprintf(in->err, sizeof(in->err), "%s", strerror(errno));
	else
		in->pos += r;
	return r;
}

ssize_t
in_read(struct input *in, char *buf, size_t n)
{
	ssize_t r;

	if (n > (1u << 30))
		n = 1u << 30;
	if (in->part)
		return partread(in, buf, n);
	if (!in->started && start(in) < 0)
		return -1;
	/* (from the second read: the first one looks for a BOM) */
	if (in->wantah && in->gz && in->started == 2 && !in->ah)
		ahead_start(in);
	if (in->ah)
		return ahead_read(in, buf, n);
	r = in->gz ? gzread_(in, buf, n) : rawread(in, buf, n);
	/* The BOM test needs 3 bytes: top the first read up if short. */
	if (!in->bom && in->started == 1 && r > 0) {
		in->started = 2;
		while (r < 3 && (size_t)r < n) {
			ssize_t more = in->gz ? gzread_(in, buf + r, n - (size_t)r)
			    : rawread(in, buf + r, n - (size_t)r);

			if (more < 0)
				return -1;
			if (more == 0)
				break;
			r += more;
		}
		if (r >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0) {
			in->bom = 1;
			memmove(buf, buf + 3, (size_t)r - 3);
			r -= 3;
			if (r == 0)
				return in_read(in, buf, n);
		}
	}
	return r;
}

const char *
in_error(struct input *in)
{
	return in->err;
}

const char *
in_name(const struct input *in)
{
	return in->name;
}

int
in_bom(const struct input *in)
{
	return in->bom;
}

int
in_gzip(const struct input *in)
{
	return in->gz;
}

void
in_close(struct input *in)
{
	if (!in)
		return;
	if (in->ah)
		ahead_end(in);
	if (in->gz)
		inflateEnd(&in->z);
	free(in->zbuf);
	if (!in->part)
		close(in->fd);
	free(in->name);
	free(in);
}
