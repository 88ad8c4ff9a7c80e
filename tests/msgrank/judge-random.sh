# Random groups: msgrank's prev_rank, prev_of, group_pooled, polarity and
# verdict (mean and pooled benchmarks; polarity low, high, none and
# unknown; exact ties in both periods) against an independent computation
# in Python: scipy's chi-square for the exact limits below 10, Byar's
# above; Fingertips' rule, limits included. Skipped without scipy.
py=
for p in python3 /usr/bin/python3; do
	"$p" -c 'import scipy' 2>/dev/null && { py=$p; break; }
done
[ -n "$py" ] || { echo "no python3 with scipy (python3-scipy)"; exit 77; }
d=$(mktemp -d "$TMPDIR/judge.XXXXXX") || exit 1
trap 'rm -rf "$d"' EXIT
for seed in 1 2 3; do
	for bench in mean pooled; do
	$py - "$seed" "$d/in.csv" "$d/ind.csv" <<'PY'
import random, sys
r = random.Random(int(sys.argv[1]))
with open(sys.argv[2], "w") as f, open(sys.argv[3], "w") as m:
    f.write("area,category,period,count,population,prev_count,prev_population,prev_rate\n")
    m.write("indicator,polarity\n")
    for g in range(150):
        pol = r.choice(["low", "high", "none", None])
        if pol:
            m.write(f"C{g},{pol}\n")
        for a in range(r.randint(1, 9)):
            p = r.choice([100000, 50000, r.randint(500, 500000)])
            c = r.choice([0, 1, 2, 3, 9, 10, 11, r.randint(0, 400)])
            pc = r.choice([0, 1, 5, 10, r.randint(0, 400)])
            pp = r.choice([p, p, r.randint(500, 500000)])
            if a and r.random() < 0.15:   # exact ties with the area before
                c, p, pc, pp = c * 2, p * 2, pc * 2, pp * 2
            prate = f"{pc * 1000 / pp:.2f}"
            if r.random() < 0.1:          # no previous population
                pp = ""
            f.write(f"A{g}_{a},C{g},2016,{c},{p},{pc},{pp},{prate}\n")
PY
	msgrank --indicators "$d/ind.csv" --benchmark $bench "$d/in.csv" \
	    >"$d/out.csv" 2>"$d/err" || { cat "$d/err"; exit 1; }
	$py - "$d/in.csv" "$d/ind.csv" "$d/out.csv" $bench <<'PY' || exit 1
import csv, sys
from decimal import Decimal, ROUND_HALF_UP
from scipy.stats import chi2, norm
alpha = 0.05
z = norm.ppf(1 - alpha / 2)
def limits(k):
    if k < 10:
        lo = 0.0 if k == 0 else chi2.ppf(alpha / 2, 2 * k) / 2
        return lo, chi2.ppf(1 - alpha / 2, 2 * k + 2) / 2
    o, o1 = k, k + 1
    return (o * (1 - 1 / (9 * o) - z / (3 * o ** 0.5)) ** 3,
            o1 * (1 - 1 / (9 * o1) + z / (3 * o1 ** 0.5)) ** 3)
def fmt(v, d=2):
    return format(Decimal(repr(v)).quantize(Decimal("0.01"), ROUND_HALF_UP), "f")
rows = list(csv.DictReader(open(sys.argv[1])))
pol = {m["indicator"]: m["polarity"] for m in csv.DictReader(open(sys.argv[2]))}
out = {o["area"]: o for o in csv.DictReader(open(sys.argv[3]))}
bench = sys.argv[4]
cells = {}
for r in rows:
    cells.setdefault(r["category"], []).append(r)
bad = checked = 0
def check(area, what, want, got):
    global bad, checked
    checked += 1
    if want != got:
        bad += 1
        if bad < 10:
            print(f"{area}: {what} {got}, want {want}")
for cat, rs in cells.items():
    cur = {r["area"]: int(r["count"]) * 1000 / int(r["population"]) for r in rs}
    prev = {r["area"]: (int(r["prev_count"]) * 1000 / int(r["prev_population"])
            if r["prev_population"] else float(r["prev_rate"])) for r in rs}
    pk = {a: float("%.11e" % v) for a, v in prev.items()}
    mean = sum(cur.values()) / len(cur)
    pooled = sum(int(r["count"]) for r in rs) * 1000 / sum(int(r["population"]) for r in rs)
    b = mean if bench == "mean" else pooled
    for r in rs:
        a = r["area"]
        o = out[a]
        check(a, "prev_rank", str(1 + sum(1 for x in pk if pk[x] < pk[a])), o["prev_rank"])
        check(a, "prev_of", str(len(rs)), o["prev_of"])
        check(a, "group_pooled", fmt(pooled), o["group_pooled"])
        check(a, "polarity", pol.get(cat, ""), o["polarity"])
        lo, hi = limits(int(r["count"]))
        s = 1000 / int(r["population"])
        lcl, ucl = lo * s, hi * s
        if min(abs(lcl - b), abs(ucl - b)) < 1e-9 * b:
            continue                  # on the limit: too close to judge
        side = "similar" if lcl <= b <= ucl else "higher" if lcl > b else "lower"
        p = pol.get(cat)
        if side != "similar" and p in ("low", "high"):
            side = "worse" if (side == "higher") == (p == "low") else "better"
        check(a, "verdict", side, o["verdict"])
print(f"checked {checked}, {bad} differ")
sys.exit(bad != 0)
PY
	done
done
