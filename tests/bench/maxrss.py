#!/usr/bin/env python3
"""maxrss.py OUT CMD [ARG...]: run CMD and write its peak resident set
size in kB to OUT, as GNU time -f %M -o OUT would (used where
/usr/bin/time and a C compiler are absent). A failed command is noted on a
line of its own before the figure, in time's words, and its exit status
passed on. The figure is never below python3's own size: a child's peak
counts the pages it was forked with."""
import resource
import subprocess
import sys


def main():
    if len(sys.argv) < 3:
        sys.stderr.write("usage: maxrss.py OUT CMD [ARG...]\n")
        return 2
    try:
        rc = subprocess.call(sys.argv[2:])
    except OSError as e:
        sys.stderr.write("maxrss.py: %s: %s\n" % (sys.argv[2], e.strerror))
        rc = 127
    # ru_maxrss of the children is the largest child's peak, in kB on Linux.
    kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    with open(sys.argv[1], "w") as f:
        if rc < 0:
            f.write("Command terminated by signal %d\n" % -rc)
        elif rc:
            f.write("Command exited with non-zero status %d\n" % rc)
        f.write("%d\n" % kb)
    return 128 - rc if rc < 0 else rc


if __name__ == "__main__":
    sys.exit(main())
