#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "output.h"
#include "util.h"

static char tmppath[PATH_MAX];
static char *dest;
static char obuf[1 << 18];
static int atexit_done;
static int stdout_closed; /* fd 1 was closed at start: writing is an error */

void
out_stdfds(void)
{
	int fd, nfd;

	for (fd = 0; fd <= 2; fd++) {
		if (fcntl(fd, F_GETFD) >= 0 || errno != EBADF)
			continue;
		/* open(2) takes the lowest free descriptor: this one. */
		nfd = open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY);
		if (nfd != fd)
			_exit(1); /* nowhere to say so */
		stdout_closed |= fd == 1;
	}
}

static void
onsignal(int sig)
{
	if (tmppath[0])
		unlink(tmppath);
	signal(sig, SIG_DFL);
	raise(sig);
}

/* An error that ends the program (err(3) from deep down) must not leave
 * the temporary file behind either. */
static void
rmtmp(void)
{
	if (tmppath[0])
		unlink(tmppath);
}

/* A -o target that is not a regular file (a FIFO, /dev/null, a
 * terminal) is opened and written as it is: renaming over it would
 * replace it with a file. */
static FILE *
opendirect(const char *path)
{
	FILE *fp;

	if (!(fp = fopen(path, "w")))
		err(1, "%s", path);
	dest = xstrdup(path);
	tmppath[0] = '\0';
	return fp;
}

/* Where the temporary file goes and the mode it gets: beside the file
 * a symbolic link names (so the link stays a link), with an existing
 * file's mode and owner. NULL when path is to be written directly. */
static char *
target(const char *path, struct stat *st, int *exists)
{
	struct stat lst;
	char *real;
	mode_t um;

	*exists = 0;
	if (stat(path, st) == 0) {
		if (S_ISDIR(st->st_mode))
			errx(1, "%s: is a directory", path);
		if (!S_ISREG(st->st_mode))
			return NULL;
		*exists = 1;
		if (lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode)) {
			if (!(real = realpath(path, NULL)))
				err(1, "%s", path);
			return real;
		}
		return xstrdup(path);
	} else if (lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode)) {
		errx(1, "%s: a symbolic link to nothing (write to the file "
		    "itself)", path);
	}
	um = umask(0); /* mkstemp makes 0600; give what open(2) would */
	umask(um);
	st->st_mode = 0666 & ~um;
	return xstrdup(path);
}

FILE *
out_open(const char *path)
{
	struct sigaction sa;
	struct stat st;
	const char *slash;
	char *to;
	FILE *fp;
	int fd, exists;

	if (!path || strcmp(path, "-") == 0) {
		if (stdout_closed) /* as a write to it would have failed */
			errx(1, "<stdout>: closed");
		/* Into a pipe, large writes and a pipe to hold them let the
		 * next stage run while this one works (Linux; a hint). */
#ifdef F_SETPIPE_SZ
		fcntl(1, F_SETPIPE_SZ, (int)sizeof(obuf));
#endif
		setvbuf(stdout, obuf, _IOFBF, sizeof(obuf));
		return stdout;
	}
	if (!(to = target(path, &st, &exists)))
		return opendirect(path);
	slash = strrchr(to, '/');
	if (snprintf(tmppath, sizeof(tmppath), "%.*s.%s.XXXXXX",
	    slash ? (int)(slash - to + 1) : 0, to,
	    slash ? slash + 1 : to) >= (int)sizeof(tmppath))
		errx(1, "%s: path too long", path);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = onsignal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	if (!atexit_done++)
		atexit(rmtmp);
	if ((fd = mkstemp(tmppath)) < 0) {
		tmppath[0] = '\0';
		err(1, "%s", path);
	}
	/* Root replacing someone's file gives it back to them; others
	 * cannot, and the file becomes theirs as with any editor. */
	if (exists && geteuid() == 0)
		(void)!fchown(fd, st.st_uid, st.st_gid);
	fchmod(fd, st.st_mode & 07777);
	if (!(fp = fdopen(fd, "w"))) {
		unlink(tmppath);
		err(1, "%s", path);
	}
	setvbuf(fp, NULL, _IOFBF, 1 << 16);
	dest = to;
	return fp;
}

int
out_close(FILE *fp, int ok)
{
	int ret;

	if (fp == stdout)
		return fshut(stdout, "<stdout>") || !ok;
	ret = fshut(fp, dest);
	if (!tmppath[0]) { /* written directly: nothing to rename */
		free(dest);
		dest = NULL;
		return ret || !ok;
	}
	if (ok && !ret && rename(tmppath, dest) != 0) {
		warn("%s", dest);
		ret = 1;
	}
	if (!ok || ret)
		unlink(tmppath);
	tmppath[0] = '\0';
	free(dest);
	dest = NULL;
	return ret || !ok;
}
