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

FILE *
out_open(const char *path)
{
	struct sigaction sa;
	const char *slash;
	FILE *fp;
	mode_t um;
	int fd;

	if (!path || strcmp(path, "-") == 0) {
		/* Into a pipe, large writes and a pipe to hold them let the
		 * next stage run while this one works (Linux; a hint). */
#ifdef F_SETPIPE_SZ
		fcntl(1, F_SETPIPE_SZ, (int)sizeof(obuf));
#endif
		setvbuf(stdout, obuf, _IOFBF, sizeof(obuf));
		return stdout;
	}
	slash = strrchr(path, '/');
	if (snprintf(tmppath, sizeof(tmppath), "%.*s.%s.XXXXXX",
	    slash ? (int)(slash - path + 1) : 0, path,
	    slash ? slash + 1 : path) >= (int)sizeof(tmppath))
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
	um = umask(0); /* mkstemp makes 0600; give what open(2) would */
	umask(um);
	fchmod(fd, 0666 & ~um);
	if (!(fp = fdopen(fd, "w"))) {
		unlink(tmppath);
		err(1, "%s", path);
	}
	setvbuf(fp, NULL, _IOFBF, 1 << 16);
	dest = xstrdup(path);
	return fp;
}

int
out_close(FILE *fp, int ok)
{
	int ret;

	if (fp == stdout)
		return fshut(stdout, "<stdout>") || !ok;
	ret = fshut(fp, dest);
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
