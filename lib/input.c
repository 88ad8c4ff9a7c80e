#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "input.h"
#include "util.h"

struct input {
	gzFile gz;
	char *name;
	int fd;
	int started, bom;
	char err[256];
};

struct input *
in_open(const char *path)
{
	struct input *in;
	int fd;

	if (strcmp(path, "-") == 0)
		fd = dup(0);
	else
		fd = open(path, O_RDONLY);
	if (fd < 0)
		return NULL;
	in = xcalloc(1, sizeof(*in));
	in->fd = fd;
	in->name = xstrdup(strcmp(path, "-") == 0 ? "<stdin>" : path);
	/* gzdopen reads plain files transparently and gzip by its magic. */
	if (!(in->gz = gzdopen(fd, "rb"))) {
		close(fd);
		free(in->name);
		free(in);
		errno = ENOMEM;
		return NULL;
	}
	gzbuffer(in->gz, 1 << 18);
	return in;
}

ssize_t
in_read(struct input *in, char *buf, size_t n)
{
	int r, zerr;
	const char *msg;

	if (n > (1u << 30))
		n = 1u << 30;
	r = gzread(in->gz, buf, (unsigned)n);
	if (r < 0) {
		msg = gzerror(in->gz, &zerr);
		if (zerr == Z_ERRNO)
			msg = strerror(errno);
		snprintf(in->err, sizeof(in->err), "%s", msg);
		return -1;
	}
	if (r == 0) {
		/* gzread hides a truncated stream (Z_BUF_ERROR) behind a
		 * plain end of input; it is an error here. */
		msg = gzerror(in->gz, &zerr);
		if (zerr == Z_BUF_ERROR)
			msg = "gzip stream truncated (unexpected end of file)";
		if (zerr != Z_OK) {
			snprintf(in->err, sizeof(in->err), "%s", msg);
			return -1;
		}
	}
	if (!in->started && r > 0) {
		in->started = 1;
		/* Only a read of 3+ bytes can hold a BOM; gzread fills the
		 * request unless the stream is shorter. */
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
	return !gzdirect(in->gz);
}

void
in_close(struct input *in)
{
	if (!in)
		return;
	gzclose(in->gz);
	free(in->name);
	free(in);
}
