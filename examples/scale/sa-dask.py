#!/usr/bin/python3
"""Scale-out on Dask distributed: one mapper task per input file, run on
the cluster's workers, and one reduce on the driver.

Each task runs `csvclean -p PROFILE FILE | crimerate --partial` on a
worker and returns the partial counts; the driver writes them to a
temporary folder and runs `crimerate --merge` with the options after
`--`, which are those a single run would take. The result equals one
run over all the files, byte for byte (tests/pipeline/dask.sh).

The scheduler's address is taken from -s, else from
DASK_SCHEDULER_ADDRESS; with neither, a local cluster of -n worker
processes is started and stopped. Workers must see the input files at
the same paths (a shared file system) and sapipe's tools in --bin.

usage: sa-dask.py [-s ADDRESS] [-n WORKERS] [-p PROFILE] [--bin DIR]
                  FILE... -- MERGE-OPTION...
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

PROG = "sa-dask.py"


def die(msg, status=1):
    print("%s: %s" % (PROG, msg), file=sys.stderr)
    sys.exit(status)


def mapper(path, bindir, profile):
    """csvclean | crimerate --partial on one file, on a worker. Returns
    (path, partial bytes, status, messages) so that the driver, not the
    worker, decides what a failure means."""
    clean = subprocess.Popen(
        [os.path.join(bindir, "csvclean"), "-p", profile, path],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    part = subprocess.run(
        [os.path.join(bindir, "crimerate"), "--partial"],
        stdin=clean.stdout, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    clean.stdout.close()
    cerr = clean.stderr.read()
    clean.wait()
    status = clean.returncode or part.returncode
    return path, part.stdout, status, (cerr + part.stderr).decode(
        "utf-8", "replace")


def findbin(given):
    """The folder of sapipe's tools: --bin, else SAPIPE_BIN, else the
    tree's build/, else the PATH's, and only if they are sapipe's
    (csvkit ships a csvclean of its own)."""
    here = os.path.dirname(os.path.abspath(__file__))
    cands = [given, os.environ.get("SAPIPE_BIN"),
             os.path.join(here, "..", "..", "build")]
    found = shutil.which("csvclean")
    cands.append(os.path.dirname(found) if found else None)
    for d in cands:
        if not d or not os.access(os.path.join(d, "crimerate"), os.X_OK):
            continue
        try:
            v = subprocess.run([os.path.join(d, "csvclean"), "--version"],
                               stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL).stdout
        except OSError:
            continue
        if v.startswith(b"csvclean (sapipe) "):
            return os.path.abspath(d)
        if given:
            break
    die("no sapipe csvclean and crimerate found (csvkit ships a csvclean "
        "of its own); give --bin DIR or set SAPIPE_BIN", 2)


def main():
    argv = sys.argv[1:]
    merge = []
    if "--" in argv:
        i = argv.index("--")
        argv, merge = argv[:i], argv[i + 1:]
    ap = argparse.ArgumentParser(
        prog=PROG, description="csvclean | crimerate --partial on a Dask "
        "cluster, one task per file, then crimerate --merge.",
        epilog="Options after -- are given to crimerate --merge.")
    ap.add_argument("-s", "--scheduler", metavar="ADDRESS",
                    default=os.environ.get("DASK_SCHEDULER_ADDRESS"),
                    help="the scheduler (default $DASK_SCHEDULER_ADDRESS, "
                    "else a local cluster)")
    ap.add_argument("-n", "--workers", type=int, default=2,
                    help="worker processes of the local cluster (2)")
    ap.add_argument("-p", "--profile", default="police-street",
                    help="csvclean's profile (police-street)")
    ap.add_argument("--bin", help="the folder of sapipe's tools")
    ap.add_argument("files", nargs="+", metavar="FILE")
    a = ap.parse_args(argv)
    if a.workers < 1:
        ap.error("-n: at least one worker")
    bindir = findbin(a.bin)
    files = [os.path.abspath(f) for f in a.files]
    for f in files:
        if not os.path.isfile(f):
            die("%s: not a file" % f, 2)

    try:
        from distributed import Client, LocalCluster
    except ImportError:
        die("Dask distributed is not installed (Debian: "
            "apt-get install python3-distributed)", 2)

    tmp = tempfile.mkdtemp(prefix="sa-dask.")
    cluster = None
    try:
        if a.scheduler:
            client = Client(a.scheduler)
        else:
            cluster = LocalCluster(n_workers=a.workers, threads_per_worker=1,
                                   processes=True, dashboard_address=None,
                                   local_directory=tmp)
            client = Client(cluster)
        futs = client.map(mapper, files, bindir=bindir, profile=a.profile,
                          pure=False)
        parts = []
        bad = 0
        for i, (path, out, status, msgs) in enumerate(client.gather(futs)):
            if status != 0:
                bad += 1
                sys.stderr.write("%s: %s: the mapper failed (exit %d)\n%s" %
                                 (PROG, path, status, msgs))
                continue
            p = os.path.join(tmp, "part.%06d.csv" % i)
            with open(p, "wb") as fh:
                fh.write(out)
            parts.append(p)
        client.close()
        if cluster:
            cluster.close()
        if bad:
            die("%d of %d files failed; nothing merged" % (bad, len(files)))
        sys.stdout.flush()
        r = subprocess.run([os.path.join(bindir, "crimerate"), "--merge"] +
                           merge + parts)
        return r.returncode
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
