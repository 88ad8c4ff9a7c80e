# Threaded reading changes nothing csvclean prints. Hostile files from
# gen-hostile.py (line ends of every kind, quoted line ends, records longer
# than a chunk, stray quotes, bytes that are not UTF-8, NULs, headers
# repeated or reordered mid-file, ragged rows, duplicates, ...) are read
# with --threads 1 and then with --threads 2 and 3 at --chunk 1, 7, 64 and
# 500, under a dozen option sets, one or two files a run (the second with
# its columns in another order, or other names, or the same file again):
# stdout, stderr, the --rejects file, the -o file and the exit status must
# be the same, byte for byte; also past the reader's 256 KiB buffer, and
# -v's count of rows on a terminal. A file of fewer than two chunks takes
# the one-core path. strace, when it can run, shows which path a run took.
# By hand, on one file: the rows written and rejected against a recount by
# Python's csv module, and the rejects' line numbers, read with --threads 2
# --chunk 7, against the physical lines where the bad records start.
#
# THREADS_SEED and THREADS_FILES give other files (default 19 and 200),
# for a longer run by hand; THREADS_BIG=1 adds a hostile file of 2 MB.
# A difference names the seed, file and options, keeps the files in
# $TMPDIR/threads-fail.*, and prints the smallest part of the file found
# that still differs.
command -v python3 >/dev/null || { echo "no python3"; exit 77; }
exec python3 - "$TOP/tests/csvclean/gen-hostile.py" "$TMPDIR" \
    "${THREADS_SEED:-19}" "${THREADS_FILES:-200}" <<'EOF'
import csv, importlib.util, io, os, pty, re, shutil, subprocess, sys, tempfile

spec = importlib.util.spec_from_file_location("gen", sys.argv[1])
gen = importlib.util.module_from_spec(spec)
spec.loader.exec_module(gen)
TMP, SEED, NFILES = sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
work = tempfile.mkdtemp(prefix="threads.", dir=TMP)
REJ, OUT = os.path.join(work, "rej.csv"), os.path.join(work, "out.csv")
# R is the --rejects file, O the -o file.
OPTSETS = [
    [],
    ["--stats", "--max-rejects", "100%", "-v"],
    ["--dedup", "id", "--stats", "--max-rejects", "100%", "--rejects", "R"],
    ["--dedup-rows", "--dedup", "id", "--rejects", "R", "--rejects-raw", "--stats"],
    ["--date", "date", "--require", "id", "--max-rejects", "100%", "--stats", "-v",
     "--rejects", "R"],
    ["--map", "area/(\\w+)/\\U$1/", "--derive", "code=cat/^(..).*/$1/", "--set",
     "src=x", "--select", "id,date,code,src,n", "--rejects", "R", "--max-rejects", "5"],
    ["--redact", "note=mask", "--pad", "--max-field", "40", "--rejects", "R",
     "--rejects-raw", "--stats", "--max-rejects", "100%"],
    ["--join-extra", "--number", "n", "--rejects", "R", "--excel", "--max-rejects", "100%",
     "-o", "O"],
    ["--safe-cells", "--rejects", "R", "--snake", "--stats", "--max-rejects", "50%"],
    ["--max-field", "40", "--no-trim", "--dedup-rows", "-v", "--stats", "--max-rejects",
     "100%", "--rejects", "R", "--rejects-raw"],
    ["--pad", "--dedup", "id", "--redact", "area=sector", "--rejects", "R", "--excel",
     "--stats", "-o", "O"],
    ["--date", "date=%d/%m/%Y|period", "--quarters", "fiscal", "--map", "note/a/A/g",
     "--us-dates", "--safe-cells", "--stats", "--max-rejects", "100%", "--rejects", "R",
     "--rejects-raw", "-o", "O"],
    ["-d", ",", "--rename", "note=text", "--require", "text", "--dedup", "n",
     "--max-field", "40", "--stats", "--max-rejects", "100%", "--rejects", "R"],
]
SPLITS = [(t, c) for t in (2, 3) for c in (1, 7, 64, 500)]
runs = 0


via_stdin = False  # a run reads its one file as its standard input, -


def run(args, timeout=20):
    """What one run of csvclean leaves: status, stdout, stderr, files."""
    global runs
    runs += 1
    for p in (REJ, OUT):
        if os.path.exists(p):
            os.unlink(p)
    args = [REJ if a == "R" else OUT if a == "O" else a for a in args]
    stdin = subprocess.DEVNULL
    if via_stdin:
        stdin = open(args[-1], "rb")
        args[-1] = "-"
    try:
        p = subprocess.run(["csvclean"] + args, stdin=stdin,
                           capture_output=True, timeout=timeout)
        res = [p.returncode, p.stdout, p.stderr]
    except subprocess.TimeoutExpired:
        res = ["timeout after %d s" % timeout, b"", b""]
    for p in (REJ, OUT):
        res.append(open(p, "rb").read() if os.path.exists(p) else None)
    return res


WHAT = ["exit status", "stdout", "stderr", "--rejects file", "-o file"]
TTY = ["exit status", "stderr on a terminal"]


def on_tty(args):
    """A run with its standard error on a terminal, where -v says the rows
    read so far: status and what the terminal got."""
    global runs
    runs += 1
    m, s = pty.openpty()
    p = subprocess.Popen(["csvclean"] + args, stdin=subprocess.DEVNULL,
                         stdout=subprocess.DEVNULL, stderr=s)
    os.close(s)
    got = b""
    while True:
        try:
            data = os.read(m, 65536)
        except OSError:  # EIO: the other side closed
            break
        if not data:
            break
        got += data
    os.close(m)
    return [p.wait(), got]


def differs(opts, files, t, c, how=run):
    """The first thing --threads t --chunk c prints differently, or None."""
    ref = how(["--threads", "1"] + opts + files)
    got = how(["--threads", str(t), "--chunk", str(c)] + opts + files)
    global ref_err, got_err
    k = 1 if how is on_tty else 2
    ref_err, got_err = ref[k], got[k]
    for w, a, b in zip(WHAT if how is run else TTY, ref, got):
        if a != b:
            return w, a, b
    return None


def lines(data):
    return re.findall(rb"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$", data)


def shrink(datas, names, opts, t, c):
    """Drop lines of the last file while the difference stays (ddmin)."""
    ls = lines(datas[-1])

    def still(cand):
        open(names[-1], "wb").write(b"".join(cand))
        return differs(opts, names, t, c) is not None

    n, limit = 2, runs + 1500
    while len(ls) >= 2 and runs < limit:
        size = max(1, len(ls) // n)
        for i in range(0, len(ls), size):
            cand = ls[:i] + ls[i + size:]
            if cand and still(cand):
                ls = cand
                n = max(n - 1, 2)
                break
        else:
            if size == 1:
                break
            n = min(len(ls), n * 2)
    open(names[-1], "wb").write(b"".join(ls))
    return b"".join(ls)


failures = 0


def where(a, b):
    """Where two results part: the bytes around the first difference."""
    if not isinstance(a, bytes) or not isinstance(b, bytes):
        return "%r" % (a,), "%r" % (b,)
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    j = max(0, i - 60)
    return ("byte %d of %d: %r" % (i, len(a), a[j:i + 120]),
            "byte %d of %d: %r" % (i, len(b), b[j:i + 120]))


def fail(label, opts, names, datas, t, c, d, small=True):
    global failures
    failures += 1
    keep = tempfile.mkdtemp(prefix="threads-fail.", dir=TMP)
    kept = []
    for n, data in zip(names, datas):
        kept.append(os.path.join(keep, os.path.basename(n)))
        open(kept[-1], "wb").write(data)
    sub = {"R": os.path.join(keep, "rej.csv"), "O": os.path.join(keep, "out.csv")}
    cmd = ["csvclean", "--threads", str(t), "--chunk", str(c)] + [
        sub.get(a, a) for a in opts] + (["- <"] if via_stdin else []) + kept
    print("FAIL %s: %s differs from --threads 1" % (label, d[0]))
    print("  %s" % " ".join(cmd))
    one, other = where(d[1], d[2])
    print("  --threads 1: %s" % (one,))
    print("  --threads %d: %s" % (t, other))
    for w, err in (1, ref_err), (t, got_err):  # a sanitizer's word, first
        m = re.search(rb"SUMMARY: \w+Sanitizer: [^\n]*|runtime error: [^\n]*", err)
        if m:
            print("  --threads %d: %s" % (w, m.group(0).decode(errors="replace")))
    if small and failures <= 3 and "timeout" not in str(d[1]) + str(d[2]):
        small = [os.path.join(keep, "small-" + os.path.basename(n)) for n in names]
        for n, data in zip(small, datas):
            open(n, "wb").write(data)
        b = shrink(datas, small, opts, t, c)
        print("  still differs with the last file cut to %s: %r" % (small[-1], b[:600]))


def check(label, opts, names, datas):
    for t, c in SPLITS:
        d = differs(opts, names, t, c)
        if d:
            fail(label, opts, names, datas, t, c, d)
            return


def write(name, data):
    path = os.path.join(work, name)
    open(path, "wb").write(data)
    return path


def has_threads():
    p = write("probe.csv", b"a,b\n1,2\n3,4\n5,6\n")
    return subprocess.run(["csvclean", "--threads", "2", "--chunk", "1", p],
                          capture_output=True).returncode == 0


def recount(data, maxf):
    """Rows written and the start lines of rejected ones, by Python's csv
    module, for a file with no stray quote and no NUL."""
    if data.startswith(gen.BOM):
        data = data[3:]
    text = data.decode("latin-1")  # a byte a character, to look at as UTF-8
    rd = csv.reader(io.StringIO(text, newline=""))
    header = next(rd)
    written, blank, headers, bad, start = 0, 0, 0, [], rd.line_num + 1
    for rec in rd:
        if all(not f.strip(" \t") for f in rec):
            blank += 1
        elif rec == header:
            headers += 1
        else:
            ok = len(rec) == len(header)
            for f in rec:
                b = f.encode("latin-1")
                try:
                    b.decode("utf-8")
                except UnicodeDecodeError:
                    ok = False
                if len(b) > maxf:
                    ok = False
            if ok:
                written += 1
            else:
                bad.append(start)
        start = rd.line_num + 1
    return written, blank, headers, bad


def by_hand(threads):
    """One file recounted: the figures csvclean gives must be these. Its
    line ends are LF, CRLF and CR in turn, in the records and in quoted
    fields; a physical line ends at each."""
    rows = [b"id,date,area,cat,note,n"]
    for i in range(60):
        v = [b"I%d" % i, b"01/02/2016", b"Dartford", b"Burglary",
             b"", b"%d" % i]
        if i % 7 == 3:
            v[4] = b"two\nlines, \"quoted\"\r\nthree\rfour"
        if i % 9 == 4:
            v[4] = b"y" * 41  # over --max-field 40
        if i % 11 == 5:
            v = v[:4]  # short
        if i % 13 == 6:
            v.append(b"extra")  # long
        if i % 17 == 8 or i == 10:
            v[2] = b"caf\xe9"  # not UTF-8 (in a record of 4 lines at 10)
        if i % 19 == 9:
            rows.append(b"")
        if i == 30:
            rows.append(rows[0])
        rows.append(b",".join(gen.quote(x) if b"\n" in x or b'"' in x or b"," in x
                              else x for x in v))
    data = b"".join(r + [b"\n", b"\r\n", b"\r"][i % 3] for i, r in enumerate(rows))
    path = write("byhand.csv", data)
    written, blank, headers, bad = recount(data, 40)
    opts = (["--threads", "2", "--chunk", "7"] if threads else []) + [
        "--max-field", "40", "--max-rejects", "100%", "--stats",
        "--rejects", "R", "--rejects-raw", path]
    rc, out, err, rej, _ = run(opts)
    want = "read %d, written %d, rejected %d, duplicates 0, blank %d, headers %d" % (
        written + len(bad) + blank + headers, written, len(bad), blank, headers)
    got_rows = list(csv.reader(io.StringIO(out.decode(), newline="")))
    got_lines = [int(r[1]) for r in
                 list(csv.reader(io.StringIO(rej.decode("latin-1"), newline="")))[1:]]
    ok = (rc == 0 and want.encode() in err and len(got_rows) - 1 == written
          and got_lines == bad)
    if not ok or not bad or written < 20:
        print("FAIL by hand on %s: want %s, rejects at lines %s" % (path, want, bad))
        print("  csvclean %s: exit %s, %d rows, rejects at lines %s, %r" % (
            " ".join(opts), rc, len(got_rows) - 1, got_lines, err[-300:]))
        return 1
    return 0


def started(args, data=b""):
    """Threads a run of csvclean starts, by strace; None without it."""
    trace = os.path.join(work, "trace")
    if os.path.exists(trace):
        os.unlink(trace)
    try:
        p = subprocess.run(["strace", "-f", "-qq", "-e", "trace=execve,clone,clone3",
                            "-o", trace, "csvclean"] + args, capture_output=True,
                           input=data)
        data = open(trace, "rb").read()
    except OSError:
        return None
    if p.returncode not in (0, 1) or b"+++ killed" in data or b"execve(" not in data:
        return None  # not traced (ptrace refused?), or killed
    return len(re.findall(rb"clone3?\([^\n]*CLONE_THREAD", data))


def path_taken():
    """The runs compared do go through the threads: a file of two chunks
    or more starts --threads of them; one smaller, or --threads 1, or a
    pipe, or with -e or --report, none."""
    path = os.path.join(work, "byhand.csv")
    size = os.path.getsize(path)
    opts = ["--max-field", "40", "--max-rejects", "100%"]
    rep = ["--report", os.path.join(work, "rep"), "--report-columns", "month=date"]
    want = [(3, 7, [path], 3), (2, 500, [path], 2),
            (3, size // 2 - 30, [path], 3), (3, size // 2, [path], 0),
            (1, 7, [path], 0), (3, 7, ["-"], 0), (3, 7, ["-e", "cp1252", path], 0),
            (3, 7, rep + [path], 0)]
    for t, c, more, n in want:
        args = ["--threads", str(t), "--chunk", str(c)] + opts + more
        got = started(args, open(path, "rb").read() if more == ["-"] else b"")
        if got is None:
            print("strace could not be run: the threads not counted")
            return 0
        if got != n:
            print("FAIL csvclean %s (%d bytes) started %d threads, not %d" % (
                " ".join(args), size, got, n))
            return 1
    return 0


threads = has_threads()
bad = by_hand(threads)
if not threads:
    print("csvclean has no --threads: only the recount by hand was run")
    sys.exit(77 if not bad else 1)
bad |= path_taken()

for k in range(NFILES):
    label = "seed %d file %d (gen-hostile.py %d %d 1 DIR)" % (SEED, k, SEED, k)
    if k % 10 == 9:  # two files, the second's columns in another order
        datas = [gen.gen(SEED, k), gen.gen(SEED, k + 100000, permute=True)]
        label += " and file %d (gen-hostile.py %d %d 1 DIR permute)" % (
            k + 100000, SEED, k + 100000)
        if k % 30 == 29:  # or another name: the file is skipped
            datas[1] = datas[1].replace(b"note", b"notes", 1)
            label += " with note renamed notes"
        names = [write("a.csv", datas[0]), write("b.csv", datas[1])]
        opts = OPTSETS[(k // 10) % len(OPTSETS)]
    else:
        datas = [gen.gen(SEED, k)]
        names = [write("hostile-%d-%d.csv" % (SEED, k), datas[0])]
        opts = OPTSETS[k % len(OPTSETS)]
        if k % 20 == 4:  # the same file twice
            datas, names = datas * 2, names * 2
            label += " twice"
    via_stdin = k % 20 == 14  # a regular file as the standard input
    check(label + (" as -" if via_stdin else ""), opts, names, datas)
    via_stdin = False
    for n in set(names):
        os.unlink(n)
    if failures >= 3:
        print("stopped after %d differences" % failures)
        break
# many chunks in flight: a file of 3000 records, ~330 KB; --dedup values
# going to temporary files
if not failures:
    datas = [gen.gen(SEED, NFILES, nrec=3000)]
    names = [write("big.csv", datas[0])]
    spill = ["--dedup", "id", "--dedup-rows", "--dedup-memory", "16K", "-v",
             "--stats", "--max-rejects", "100%", "--rejects", "R"]
    for t, c in [(2, 7), (3, 500), (2, 4096)]:
        for opts in OPTSETS[1], OPTSETS[3], spill:
            d = differs(opts, names, t, c)
            if d:
                fail("seed %d big file %d" % (SEED, NFILES), opts, names,
                     datas, t, c, d)
                break
# Past the reader's buffer of 256 KiB, where it refills: a record of 70
# fields, none over --max-field 40 but the record over 64 times it, across
# the first refill (rejected wherever it falls); -v's count of rows on a
# terminal after a million blank lines (which it leaves out). With
# THREADS_BIG=1, by hand, a hostile file of 2 MB too (a minute or so).
if not failures:
    n = 70
    wide = b",".join([b"x" * 39] * n) + b"\n"
    filler = b",".join([b"1"] * n) + b"\n"
    data = b",".join(b"c%d" % i for i in range(n)) + b"\n"
    data += filler * ((262144 - 2700 - len(data)) // len(filler))
    data += wide + filler * 4000
    blank = b"a,b\n" + b"\n" * 1000000 + b"1,2\n" + b"3\n" * 10
    cases = [
        ("a record over 64 times --max-field at 256 KiB", data,
         [["--max-field", "40", "--stats", "--rejects", "R"]], run),
        ("a million blank lines, -v on a terminal", blank,
         [["-v", "--stats", "--max-rejects", "100%"]], on_tty)]
    if os.environ.get("THREADS_BIG"):
        cases.append(("big file %d" % (NFILES + 1),
                      gen.gen(SEED, NFILES + 1, nrec=15000),
                      [OPTSETS[3], OPTSETS[9]], run))
    for label, data, optsets, how in cases:
        names = [write("big.csv", data)]
        for t, c in [(2, "64K"), (3, "300K")]:
            for opts in optsets:
                d = differs(opts, names, t, c, how)
                if d:
                    fail("seed %d %s" % (SEED, label), opts, names, [data], t,
                         c, d, small=False)
print("%d runs, %d differences" % (runs, failures))
shutil.rmtree(work)
sys.exit(1 if failures or bad else 0)
EOF
