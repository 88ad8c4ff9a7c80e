/*
 * maxrss OUT CMD [ARG...]: run CMD and write its peak resident set size
 * in kB to OUT, as GNU time -f %M -o OUT does; make bench builds it where
 * /usr/bin/time is absent. A failed command is noted on a line of its own
 * before the figure, in time's words, and its exit status passed on.
 * Being small matters: a child's peak counts the parent's pages it was
 * forked with, which is why a python3 wrapper reads some 13 MB too high.
 */
#define _GNU_SOURCE
#include <sys/resource.h>
#include <sys/wait.h>

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int
main(int argc, char *argv[])
{
	struct rusage ru;
	FILE *fp;
	pid_t pid;
	int st;

	if (argc < 3) {
		fputs("usage: maxrss OUT CMD [ARG...]\n", stderr);
		return 2;
	}
	if ((pid = fork()) < 0) {
		perror("maxrss: fork");
		return 1;
	}
	if (pid == 0) {
		execvp(argv[2], argv + 2);
		perror(argv[2]);
		_exit(127);
	}
	if (waitpid(pid, &st, 0) < 0 || getrusage(RUSAGE_CHILDREN, &ru) < 0) {
		perror("maxrss: wait");
		return 1;
	}
	if (!(fp = fopen(argv[1], "w"))) {
		perror(argv[1]);
		return 1;
	}
	if (WIFSIGNALED(st))
		fprintf(fp, "Command terminated by signal %d\n", WTERMSIG(st));
	else if (WEXITSTATUS(st))
		fprintf(fp, "Command exited with non-zero status %d\n",
		    WEXITSTATUS(st));
	fprintf(fp, "%ld\n", ru.ru_maxrss);
	if (fclose(fp) == EOF) {
		perror(argv[1]);
		return 1;
	}
	return WIFSIGNALED(st) ? 128 + WTERMSIG(st) : WEXITSTATUS(st);
}
