# Property test of coverage: random monthly data, and quarterly data as
# spans (2015-10..2015-12, some not on calendar quarters), for a few
# areas, sources and categories with random spans and gaps, random
# periods (some past the data) and comparisons. A span across a
# period's edge must be refused, naming it. Checked independently: crimerate either
# exits 1 naming only real gaps, or prints exactly the rows an
# independent recount gives, with their coverage, and figures only where
# both periods are whole. Fixed seed; a few hundred runs.
command -v python3 >/dev/null || { echo "no python3"; exit 77; }
t=$(mktemp -d) || exit 1
trap 'rm -rf "$t"' EXIT
cd "$t" && exec python3 - <<'PY'
import csv, io, random, re, subprocess, sys
from fractions import Fraction

rng = random.Random(12)
M0 = 2014 * 12          # months are y * 12 + m - 1

def mstr(m): return "%04d-%02d" % (m // 12, m % 12 + 1)

def fixed(fr, dec):     # half away from zero, as crimerate
    neg = fr < 0
    q = (abs(fr) * 10 ** dec * 2 + 1) // 2
    s = str(q).rjust(dec + 1, "0")
    s = s[:-dec] + "." + s[-dec:] if dec else s
    return ("-" if neg and q else "") + s

def dstr(r, day):        # a month, a day of it, or a span of months
    if r[6] != r[0]: return mstr(r[0]) + ".." + mstr(r[6])
    return mstr(r[0]) + (day if r[5] else "")

def across(r, span):    # a record across the edge of a span of months
    return r[0] <= span[1] and r[6] >= span[0] and not (span[0] <= r[0] and r[6] <= span[1])

def period():
    y = rng.randint(2013, 2018) if rng.random() < 0.5 else 2016
    k = rng.randrange(7)
    if k == 0: return "sa%d" % y, (y * 12 - 3, y * 12 + 8)
    if k == 1: return "fy%d" % y, (y * 12 + 3, y * 12 + 14)
    if k == 2: return "%d" % y, (y * 12, y * 12 + 11)
    if k == 3:
        q = rng.randint(1, 4); return "%dq%d" % (y, q), (y * 12 + 3 * q - 3, y * 12 + 3 * q - 1)
    if k == 4:
        m = y * 12 + rng.randrange(12); return "12m:" + mstr(m), (m - 11, m)
    if k == 5:
        m = y * 12 + rng.randrange(12); return mstr(m), (m, m)
    a = y * 12 + rng.randrange(24); b = a + rng.randrange(18)
    return mstr(a) + ".." + mstr(b), (a, b)

def one(it):
    areas = ["A", "B", "C"][:rng.randint(1, 3)]
    nsrc = rng.randint(1, 3)
    cats = {s: ["c%d%d" % (s, j) for j in range(rng.randint(1, 2))] for s in range(nsrc)}
    recs = []           # (month, area, cat, count, source, day?, last month)
    has = set()         # (area, source, month)
    clean = rng.random() < 0.4     # whole data, 2014 to 2017
    # a quarterly source: spans of 3 months starting at months = off (mod 3)
    quarterly = {s: rng.choice([0, 0, 0, 1, 2]) for s in range(nsrc) if rng.random() < 0.3}
    global spans
    spans = bool(quarterly)
    for s in range(nsrc):
        w = 3 if s in quarterly else 1
        for a in areas:
            if not clean and rng.random() < 0.15: continue
            lo = M0 + rng.randrange(30); hi = lo + rng.randrange(36)
            if clean: lo, hi = M0, M0 + 47
            for m in range(lo, hi + 1):
                if w == 3 and (m - quarterly[s]) % 3: continue
                if not clean and rng.random() < 0.1: continue
                for j, c in enumerate(cats[s]):
                    if j == 0 or rng.random() < 0.6:
                        recs.append((m, a, c, rng.choice([0, 1, 2, 5]), s,
                                     w == 1 and rng.random() < 0.2, m + w - 1))
                        for k in range(m, m + w): has.add((a, s, k))
    stream = rng.random() < 0.3
    files = []
    if stream:
        with open("all.csv", "w") as f:
            f.write("date,area,category,count,source\n")
            for r in rng.sample(recs, len(recs)):
                d = dstr(r, "-1%d" % rng.randrange(10))
                f.write("%s,%s,%s,%d,s%d\n" % (d, r[1], r[2], r[3], r[4]))
        files = ["all.csv"]
        label = lambda s: "s%d" % s
    else:
        for s in range(nsrc):
            with open("s%d.csv" % s, "w") as f:
                f.write("date,area,category,count\n")
                for r in recs:
                    if r[4] == s:
                        d = dstr(r, "-0%d" % rng.randint(1, 9))
                        f.write("%s,%s,%s,%d\n" % (d, r[1], r[2], r[3]))
            files.append("s%d.csv" % s)
        label = lambda s: "s%d.csv" % s
    srcof = {c: s for s in cats for c in cats[s]}
    plabel, P = period()
    by = None
    if rng.random() < 0.3:
        by = rng.choice(["month", "quarter"])
        while by == "quarter" and (P[0] % 3 or P[1] % 3 != 2):
            plabel, P = period()
    args = ["crimerate", "--period", plabel] + (["--by", by] if by else [])
    cmpk = rng.randrange(2 if by else 3)
    C = (P[0] - (P[1] - P[0] + 1), P[0] - 1)
    if cmpk == 1:
        args += ["--compare", "none"]; C = None
    elif cmpk == 2:
        cl, C = period(); args += ["--compare", cl]
    allow = rng.random() < 0.5
    if allow: args.append("--allow-partial")
    imap = {c: [c] for c in srcof}
    if rng.random() < 0.4:
        with open("cats.csv", "w") as f:
            f.write("category,indicator\n")
            for c in srcof:
                f.write("%s,%s\n%s,Total\n" % (c, c, c))
                imap[c] = [c, "Total"]
        args += ["--categories", "cats.csv"]
    under = {a: [a] for a in areas}
    if rng.random() < 0.4:
        with open("rollup.csv", "w") as f:
            f.write("area,parent\n" + "".join("%s,P\n" % a for a in areas))
        under["P"] = list(areas)
        args += ["--rollup", "rollup.csv"]
    p = subprocess.run(args + files, capture_output=True, text=True)
    where = "run %d: %s" % (it, " ".join(args + files))

    # independent: rows, feeders, coverage, counts
    feed = {}
    for r in recs:
        for v, kids in under.items():
            if r[1] in kids:
                for ind in imap[r[2]]:
                    feed.setdefault((v, ind), set()).add((r[1], r[4]))
    def cov(v, ind, span):
        return sum(all((a, s, m) in has for a, s in feed[(v, ind)])
                   for m in range(span[0], span[1] + 1))
    def count(v, ind, span):
        return sum(r[3] for r in recs if r[1] in under[v] and ind in imap[r[2]]
                   and span[0] <= r[0] and r[6] <= span[1])
    if by:
        w = 1 if by == "month" else 3
        coarse = [r for r in recs if r[0] // w != r[6] // w]
    else:
        coarse = [r for r in recs if across(r, P) or (C and across(r, C))]
    if coarse:
        assert p.returncode == 1 and p.stdout == "", where + ": want exit 1 (coarse)\n" + p.stderr
        m = re.search(r"'(\d{4}-\d\d)\.\.(\d{4}-\d\d)' is a span of 3 months, coarser than the (?:period (\S+)|(month|quarter) buckets)", p.stderr)
        assert m, where + ": no coarse span named\n" + p.stderr
        a = int(m.group(1)[:4]) * 12 + int(m.group(1)[5:]) - 1
        b = int(m.group(2)[:4]) * 12 + int(m.group(2)[5:]) - 1
        assert any(r[0] == a and r[6] == b for r in coarse), where + ": not coarse " + m.group(0)
        return "coarse"
    if by:
        return series(p, where, by, P, C is not None, allow, feed, cov, count, srcof, label, has)
    n, pn = P[1] - P[0] + 1, (C[1] - C[0] + 1 if C else 0)
    rows = {k: (cov(*k, P), cov(*k, C) if C else -1) for k in feed}
    whole = all(c == n and (not C or pc == pn) for c, pc in rows.values())
    if not whole and not allow:
        assert p.returncode == 1 and p.stdout == "", where + ": want exit 1\n" + p.stderr
        msgs = re.findall(r"no data for '([^']*)' from (\S+) \(([^)]*)\) in (.*), inside (period|comparison period) ", p.stderr)
        assert msgs, where + ": no gap named\n" + p.stderr
        for a, src, cat, rng_, kind in msgs:
            s = srcof[cat]
            assert label(s) == src, where + ": source " + src
            span = P if kind == "period" else C
            for part in rng_.split(", "):
                if part == "...": continue
                x, _, y = part.partition("..")
                mx = int(x[:4]) * 12 + int(x[5:7]) - 1
                my = int(y[:4]) * 12 + int(y[5:7]) - 1 if y else mx
                assert span[0] <= mx <= my <= span[1], where + ": outside " + part
                for m in range(mx, my + 1):
                    assert (a, s, m) not in has, where + ": not a gap " + part
        return "fail"
    assert p.returncode == 0, where + ": exit %d\n%s" % (p.returncode, p.stderr)
    got = list(csv.reader(io.StringIO(p.stdout)))
    assert got[0][11:13] == ["coverage", "prev_coverage"], where
    want = {}
    for (v, ind), (c, pc) in rows.items():
        if c == 0: continue
        cnt = count(v, ind, P)
        pr = C and pc > 0
        pcnt = count(v, ind, C) if pr else None
        full = c == n and C and pc == pn
        want[(v, ind)] = [v, ind, plabel, str(cnt), "", "",
            str(pcnt) if pr else "", "",
            str(cnt - pcnt) if full else "",
            fixed(Fraction(100 * (cnt - pcnt), pcnt), 1) if full and pcnt else "",
            "1000", fixed(Fraction(c, n), 3), fixed(Fraction(pc, pn), 3) if C else ""]
    gotr = {(r[0], r[1]): r for r in got[1:]}
    assert set(gotr) == set(want), where + ": rows %s vs %s" % (sorted(gotr), sorted(want))
    for k in want:
        # the label of a range is its days; the rest must match exactly
        g = gotr[k][:2] + gotr[k][3:13]; w = want[k][:2] + want[k][3:]
        assert g == w, where + ": %s\n got  %s\n want %s" % (k, g, w)
    return "ok partial" if not whole else "ok"

def gapsaid(p, where, srcof, label, has, spans):
    assert p.returncode == 1 and p.stdout == "", where + ": want exit 1\n" + p.stderr
    msgs = re.findall(r"no data for '([^']*)' from (\S+) \(([^)]*)\) in (.*), inside (\S+) (\S+)", p.stderr)
    assert msgs, where + ": no gap named\n" + p.stderr
    for a, src, cat, rng_, kind, lab in msgs:
        s = srcof[cat]
        assert label(s) == src, where + ": source " + src
        span = spans[(kind, lab)]
        for part in rng_.split(", "):
            if part == "...": continue
            x, _, y = part.partition("..")
            mx = int(x[:4]) * 12 + int(x[5:7]) - 1
            my = int(y[:4]) * 12 + int(y[5:7]) - 1 if y else mx
            assert span[0] <= mx <= my <= span[1], where + ": outside " + part
            for m in range(mx, my + 1):
                assert (a, s, m) not in has, where + ": not a gap " + part
    return "fail"

def series(p, where, by, P, cmp, allow, feed, cov, count, srcof, label, has):
    w = 1 if by == "month" else 3
    bk = [(m, m + w - 1) for m in range(P[0], P[1] + 1, w)]
    lab = lambda b: mstr(b[0]) if w == 1 else "%dq%d" % (b[0] // 12, b[0] % 12 // 3 + 1)
    want, bad = {}, False
    for k in feed:
        cv = [cov(*k, b) for b in bk]
        pcv = [cov(*k, (b[0] - w, b[1] - w)) for b in bk]
        on = [j for j in range(len(bk)) if cv[j]]
        for j, b in enumerate(bk):
            if 0 < cv[j] < w or (cv[j] == 0 and on and on[0] < j < on[-1]):
                bad = True
            if not cv[j]: continue
            prev = cmp and pcv[j] == w
            c = count(*k, b); pc = count(*k, (b[0] - w, b[1] - w)) if prev else None
            full = prev and cv[j] == w
            want[(k[0], k[1], lab(b))] = [k[0], k[1], lab(b), str(c), "", "",
                str(pc) if prev else "", "", str(c - pc) if full else "",
                fixed(Fraction(100 * (c - pc), pc), 1) if full and pc else "",
                "1000", fixed(Fraction(cv[j], w), 3), fixed(Fraction(pcv[j], w), 3) if cmp else ""]
    if bad and not allow:
        return gapsaid(p, where, srcof, label, has,
            {(by, lab(b)): b for b in bk})
    assert p.returncode == 0, where + ": exit %d\n%s" % (p.returncode, p.stderr)
    got = {tuple(r[:3]): r[:13] for r in list(csv.reader(io.StringIO(p.stdout)))[1:]}
    assert set(got) == set(want), where + ": rows %s vs %s" % (sorted(got), sorted(want))
    for k in want:
        assert got[k] == want[k], where + ": %s\n got  %s\n want %s" % (k, got[k], want[k])
    return "series"

seen, withspans = {}, {}
for it in range(300):
    r = one(it)
    seen[r] = seen.get(r, 0) + 1
    if spans: withspans[r] = withspans.get(r, 0) + 1
# every outcome must have been tried
assert set(seen) == {"fail", "ok", "ok partial", "series", "coarse"}, seen
# and with span records among the data
assert set(withspans) == set(seen), withspans
print(seen, "with spans:", withspans)
PY
