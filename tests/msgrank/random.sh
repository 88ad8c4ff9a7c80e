# Random groups with small counts: msgrank's ranks, bands, means,
# quartiles and limits against an independent computation in Python
# (scipy's chi-square for the exact limits below 10, Byar's above) from
# count x per / population, ties at 12 significant digits, half away
# from zero on the shortest decimal. Skipped without python3-scipy.
py=
for p in python3 /usr/bin/python3; do
	"$p" -c 'import scipy' 2>/dev/null && { py=$p; break; }
done
[ -n "$py" ] || { echo "no python3 with scipy (python3-scipy)"; exit 77; }
d=$(mktemp -d "$TMPDIR/random.XXXXXX") || exit 1
trap 'rm -rf "$d"' EXIT
for seed in 1 2 3; do
	for level in 95 99.8; do
	$py - "$seed" "$d/in.csv" <<'PY'
import random, sys
r = random.Random(int(sys.argv[1]))
with open(sys.argv[2], "w") as f:
    f.write("area,category,period,count,population,rate,per\n")
    for g in range(150):
        per = r.choice([1000, 100000])
        pop = r.choice([None, r.randint(1000, 400000)])
        for a in range(r.randint(1, 9)):
            p = pop or r.choice([300000, 250000, 100000, r.randint(500, 500000)])
            c = r.choice([0, 0, 1, 1, 2, 3, 5, 9, 10, 11, r.randint(0, 400)])
            if r.random() < 0.1:   # an exact tie with the area before
                c, p = (c * 2, p * 2) if a else (c, p)
            f.write(f"A{g}_{a},C{g},2016,{c},{p},,{per}\n")
PY
	msgrank --level $level "$d/in.csv" >"$d/out.csv" 2>"$d/err" || { cat "$d/err"; exit 1; }
	$py - "$d/in.csv" "$d/out.csv" "$level" <<'PY' || exit 1
import csv, sys
from decimal import Decimal, ROUND_HALF_UP
from scipy.stats import chi2, norm
conf = 0.998 if sys.argv[3] == "99.8" else 0.95
alpha = 1 - conf
z = norm.ppf(1 - alpha / 2)
def limits(k):
    if k < 10:
        lo = 0.0 if k == 0 else chi2.ppf(alpha / 2, 2 * k) / 2
        return lo, chi2.ppf(1 - alpha / 2, 2 * k + 2) / 2
    o, o1 = k, k + 1
    return (o * (1 - 1 / (9 * o) - z / (3 * o ** 0.5)) ** 3,
            o1 * (1 - 1 / (9 * o1) + z / (3 * o1 ** 0.5)) ** 3)
def fmt(v, d=2):
    s = format(Decimal(repr(v)).quantize(Decimal(1).scaleb(-d), ROUND_HALF_UP), "f")
    return s[1:] if s.startswith("-") and Decimal(s) == 0 else s
def near_half(v, d=2):  # too close to a rounding boundary to judge
    x = abs(v) * 10 ** d
    return abs(x - int(x) - 0.5) < 1e-6
rows = list(csv.DictReader(open(sys.argv[1])))
out = {o["area"]: o for o in csv.DictReader(open(sys.argv[2]))}
cells = {}
for r in rows:
    cells.setdefault(r["category"], []).append(r)
bad = checked = 0
def check(area, what, want, got, v=None, d=2):
    global bad, checked
    checked += 1
    if want != got and not (v is not None and near_half(v, d)):
        bad += 1
        if bad < 10:
            print(f"{area}: {what} {got}, want {want}")
for cat, rs in cells.items():
    vals = {}
    for r in rs:
        c, p, per = int(r["count"]), int(r["population"]), int(r["per"])
        vals[r["area"]] = c * per / p
    keyed = {a: float("%.11e" % v) for a, v in vals.items()}
    srt = sorted(vals.values())
    m = len(srt)
    mean = sum(srt) / m
    def q(p):
        h = (m - 1) * p
        i = int(h)
        return srt[-1] if i + 1 >= m else srt[i] + (h - i) * (srt[i + 1] - srt[i])
    for r in rs:
        a = r["area"]
        o = out[a]
        rank = 1 + sum(1 for b in keyed if keyed[b] < keyed[a])
        check(a, "rank", str(rank), o["rank"])
        c, p, per = int(r["count"]), int(r["population"]), int(r["per"])
        lo, hi = limits(c)
        s = per / p
        lcl, ucl = lo * s, hi * s
        band = "above" if lcl > mean else "below" if ucl < mean else "in line"
        if abs(lcl - mean) > 1e-9 * mean and abs(ucl - mean) > 1e-9 * mean:
            check(a, "band", band, o["band"])
        check(a, "lcl", fmt(lcl), o["lcl"], lcl)
        check(a, "ucl", fmt(ucl), o["ucl"], ucl)
        check(a, "group_mean", fmt(mean), o["group_mean"], mean)
        check(a, "group_q1", fmt(q(0.25)), o["group_q1"], q(0.25))
        check(a, "group_q3", fmt(q(0.75)), o["group_q3"], q(0.75))
        check(a, "of", str(m), o["of"])
print(f"checked {checked}, {bad} differ")
sys.exit(bad != 0)
PY
	done
done
