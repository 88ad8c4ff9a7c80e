/* Plain input is read(2) straight into the caller's buffer; gzip (found
 * by its magic bytes, any name, several members) goes through zlib's
 * inflate. gzread would copy plain input once more and hides a truncated
 * stream behind a plain end of file. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "input.h"
#include "util.h"

#define ZBUF (1 << 17)

struct input {
	char *name;
	int fd, started, bom, gz, zend, eof;
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

ssize_t
in_read(struct input *in, char *buf, size_t n)
{
	ssize_t r;

	if (n > (1u << 30))
		n = 1u << 30;
	if (!in->started && start(in) < 0)
		return -1;
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
	if (in->gz)
		inflateEnd(&in->z);
	free(in->zbuf);
	close(in->fd);
	free(in->name);
	free(in);
}
